// One operator: metadata, the full address with copy, TVL and pools, allocations per service (current and pending),
// commissions (with pending changes) and its slashes.
import { lazy, Suspense, useState } from "react";
import type { OperatorDetail as Detail } from "../api.ts";
import { metadataJson, useApi } from "../api.ts";
import type { Range } from "../charts/AmountHistory.tsx";
import { SlashTable } from "../components/SlashTable.tsx";
import {
  AddressLink,
  Badge,
  ErrorNotice,
  EthAmount,
  FullAddress,
  Loading,
  Notice,
  Table,
  TokenAndEth,
} from "../components/ui.tsx";
import { useAppConfig } from "../context.ts";
import { formatBps, formatCountdown, formatPercent, formatTime, shortAddress, toBigInt } from "../format.ts";
import { useOperators, useServices } from "../hooks.ts";
import { href } from "../router.ts";
import { RiskSignals } from "./Operators.tsx";

const AmountHistory = lazy(() => import("../charts/AmountHistory.tsx"));
const RangePicker = lazy(() => import("../charts/AmountHistory.tsx").then((m) => ({ default: m.RangePicker })));

const fraction = (part: string, whole: string): number => {
  const w = toBigInt(whole);
  return w === 0n ? 0 : Number((toBigInt(part) * 1_000_000n) / w) / 1_000_000;
};

export default function OperatorDetail(props: { address: string }) {
  const [range, setRange] = useState<Range>("3m");
  const q = useApi<Detail>(`/operators/${props.address}?range=${range}`, { keepPrevious: true });
  const operators = useOperators();
  const services = useServices();
  const explorer = useAppConfig().explorerTxUrl;
  const d = q.data;
  const meta = metadataJson(d?.metadataUri);
  const name = typeof meta?.name === "string" ? meta.name : undefined;
  const serviceOfSet = new Map((d?.sets ?? []).map((s) => [s.setId, s.service]));
  const symbolOf = new Map((d?.pools ?? []).map((p) => [p.asset, p]));
  const serviceName = (s: string) => services.names.get(s) ?? undefined;
  return (
    <section aria-labelledby="page-title">
      <p>
        <a href={href("operators")}>← All operators</a>
      </p>
      <h1 id="page-title">{name ?? (d ? "Operator" : `Operator ${shortAddress(props.address)}`)}</h1>
      {q.isLoading ? <Loading what="the operator" /> : null}
      {q.error ? <ErrorNotice error={q.error} what="the operator" /> : null}
      {d ? (
        <>
          <dl className="facts">
            <dt>Address</dt>
            <dd>
              <FullAddress address={d.operator} label="Copy the operator's address" />
            </dd>
            {meta
              ? Object.entries(meta)
                  .filter(([k, v]) => k !== "name" && (typeof v === "string" || typeof v === "number"))
                  .map(([k, v]) => (
                    <div key={k} style={{ display: "contents" }}>
                      <dt>{k}</dt>
                      <dd>{String(v)}</dd>
                    </div>
                  ))
              : null}
            <dt>Registered</dt>
            <dd>{formatTime(d.registeredTime)}</dd>
            <dt>Allocation delay</dt>
            <dd>
              {d.allocationDelay > 0 ? formatCountdown(d.allocationDelay) : "none (allocations take effect at once)"}
            </dd>
            <dt>Stakers</dt>
            <dd>{d.stakers}</dd>
            {d.tvlEth ? (
              <>
                <dt>TVL</dt>
                <dd>
                  <EthAmount wei={d.tvlEth} />
                </dd>
              </>
            ) : null}
            {d.concentration?.shareOfNetworkTvl !== null && d.concentration?.shareOfNetworkTvl !== undefined ? (
              <>
                <dt>Share of the network's TVL</dt>
                <dd>{formatPercent(d.concentration.shareOfNetworkTvl)}</dd>
              </>
            ) : null}
            {d.concentration?.largestStakerShare !== null && d.concentration?.largestStakerShare !== undefined ? (
              <>
                <dt>Largest staker's share</dt>
                <dd>{formatPercent(d.concentration.largestStakerShare)}</dd>
              </>
            ) : null}
            <dt>Risk signals</dt>
            <dd>
              <RiskSignals operator={d} slashes={d.slashes} />
            </dd>
          </dl>

          <h2>Pools</h2>
          {d.pools.length === 0 ? (
            <p>No pools yet.</p>
          ) : (
            <Table caption="Pools: stake per asset and the share allocated to services" id="pools">
              <thead>
                <tr>
                  <th scope="col">Asset</th>
                  <th scope="col" className="num">
                    Total staked
                  </th>
                  <th scope="col" className="num">
                    Allocated (slashable)
                  </th>
                  <th scope="col" className="num">
                    Slashed so far
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.pools.map((p) => (
                  <tr key={p.asset}>
                    <td>{p.symbol ?? shortAddress(p.asset)}</td>
                    <td className="num">
                      <TokenAndEth value={p.totalAssets} decimals={p.decimals} unit={p.symbol} wei={p.eth} />
                    </td>
                    <td className="num">{formatPercent(fraction(p.encumberedMagnitude, p.maxMagnitude))}</td>
                    <td className="num">{formatPercent(1 - fraction(p.maxMagnitude, (10n ** 18n).toString()))}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}

          <h2>Allocations per service</h2>
          {d.allocations.length === 0 ? (
            <p>
              <Badge tone="ok">Not allocated</Badge> No service can slash this operator's pools: plain staking.
            </p>
          ) : (
            <Table caption="Allocations: the share of each pool each service may slash" id="allocations">
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col">Set</th>
                  <th scope="col">Asset</th>
                  <th scope="col" className="num">
                    Allocated
                  </th>
                  <th scope="col" className="num">
                    Slashable now
                  </th>
                  <th scope="col">Pending change</th>
                </tr>
              </thead>
              <tbody>
                {d.allocations.map((a) => {
                  const service = serviceOfSet.get(a.setId);
                  const pool = symbolOf.get(a.asset);
                  const slashable = a.slashable;
                  const pending = toBigInt(a.pendingMagnitude) !== toBigInt(a.magnitude) && a.effectAt > 0;
                  return (
                    <tr key={`${a.setId}:${a.asset}`}>
                      <td>
                        {service ? (
                          <AddressLink address={service} kind="services" name={serviceName(service)} />
                        ) : (
                          "left the set"
                        )}
                      </td>
                      <td>{a.setId}</td>
                      <td>{pool?.symbol ?? shortAddress(a.asset)}</td>
                      <td className="num">{formatPercent(fraction(a.magnitude, pool?.maxMagnitude ?? "0"))}</td>
                      <td className="num">
                        {slashable ? (
                          <TokenAndEth
                            value={slashable.amount}
                            decimals={slashable.decimals}
                            unit={slashable.symbol ?? pool?.symbol}
                            wei={slashable.eth}
                          />
                        ) : (
                          "—"
                        )}
                      </td>
                      <td>
                        {pending
                          ? `to ${formatPercent(fraction(a.pendingMagnitude, pool?.maxMagnitude ?? "0"))} at ${formatTime(a.effectAt)}`
                          : "none"}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          )}

          <h2>Commissions</h2>
          {d.commissions.length === 0 ? (
            <p>No commissions set.</p>
          ) : (
            <Table caption="Commission on each service's rewards" id="commissions">
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col" className="num">
                    Commission
                  </th>
                  <th scope="col">Pending change</th>
                </tr>
              </thead>
              <tbody>
                {d.commissions.map((c) => (
                  <tr key={c.service}>
                    <td>
                      <AddressLink address={c.service} kind="services" name={serviceName(c.service)} />
                    </td>
                    <td className="num">{formatBps(c.bps)}</td>
                    <td>
                      {c.pendingBps !== null ? `to ${formatBps(c.pendingBps)} at ${formatTime(c.effectAt)}` : "none"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}

          <h2>Slashes</h2>
          <SlashTable
            slashes={d.slashes}
            caption="Slashes of this operator"
            operatorNames={operators.names}
            serviceNames={services.names}
          />

          <h2>History</h2>
          {d.history ? (
            <figure style={{ margin: 0 }} aria-labelledby="tvl-history-caption">
              <figcaption id="tvl-history-caption">Stake in this operator's pools at the end of each day</figcaption>
              <Suspense fallback={<Loading what="the chart" />}>
                <RangePicker range={range} onRange={setRange} label="Range of the TVL history" />
                <AmountHistory
                  title="Stake in this operator's pools at the end of each day"
                  points={d.history.points.map((p) => ({ day: p.day, date: p.date, amounts: p.tvl, eth: p.tvlEth }))}
                />
              </Suspense>
            </figure>
          ) : (
            <Notice>TVL and allocation history charts arrive with the API's time series.</Notice>
          )}

          {d.recentEvents && d.recentEvents.length > 0 ? (
            <>
              <h2>Recent events</h2>
              <Table
                caption="This operator's recent events, newest first, with their transactions"
                id="operator-events"
              >
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Event</th>
                    <th scope="col">Transaction</th>
                  </tr>
                </thead>
                <tbody>
                  {d.recentEvents.map((e) => (
                    <tr key={`${e.blockNumber}:${e.logIndex}`}>
                      <td>
                        {formatTime(e.time)}
                        <div className="muted small-text">block {e.blockNumber}</div>
                      </td>
                      <td>{e.name}</td>
                      <td className="mono break">
                        {explorer ? (
                          <a href={explorer.replace("{hash}", e.txHash)} target="_blank" rel="noreferrer">
                            {e.txHash}
                          </a>
                        ) : (
                          e.txHash
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
