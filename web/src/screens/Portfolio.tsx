// Portfolio: a staker's positions by operator and asset (value in tokens, in ETH where the API gives it, and which
// services can slash each one), pending withdrawals with a live countdown and a "ready" state, rewards when the API
// serves /rewards, and the APR breakdown chart when it serves /risk/position.
import { useQueries } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { isAddress } from "viem";
import { useConnection } from "wagmi";
import {
  getJson,
  type OperatorDetail,
  type PendingWithdrawal,
  type Portfolio as PortfolioData,
  type Position,
  useApi,
} from "../api.ts";
import { GenericRows } from "../components/GenericRows.tsx";
import {
  AddressLink,
  Amount,
  Badge,
  ErrorNotice,
  EthAmount,
  Loading,
  Notice,
  Table,
  TokenAndEth,
} from "../components/ui.tsx";
import { formatCountdown, formatPercent, formatTime, shortAddress, toBigInt } from "../format.ts";
import { useNowSeconds, useOperators, useServices } from "../hooks.ts";
import { type PendingAllocation, pendingAllocations, shareOf } from "../restake/pending.ts";
import { href, navigate } from "../router.ts";
import { QueueWithdrawal } from "../tx/QueueWithdrawal.tsx";
import { WithdrawalActions } from "../tx/WithdrawalActions.tsx";
import { isEarnings, Rewards } from "./Rewards.tsx";

const AprChart = lazy(() => import("../charts/AprChart.tsx"));

const WAD = 10n ** 18n;

/** What /risk/position returns, as far as the app reads it (src/risk/position.ts PositionReport, JSON). */
interface RiskPosition {
  valueEth?: string;
  positions?: { operator: string; asset: string; valueEth?: string; totalApr?: number }[];
  apr?: {
    base: number;
    rewards: number;
    total: number;
    plainStaking: number;
    expectedLoss?: number;
    net?: number;
    byService?: { service: string; serviceName?: string; apr: number }[];
  };
}

function WatchForm(props: { initial?: string }) {
  const [text, setText] = useState(props.initial ?? "");
  const valid = isAddress(text.trim(), { strict: false });
  return (
    <form
      className="toolbar"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) navigate("portfolio", text.trim());
      }}
    >
      <div>
        <label htmlFor="watch-address">View any address</label>
        <input
          id="watch-address"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="0x…"
          spellCheck={false}
          autoComplete="off"
          size={44}
          aria-describedby="watch-help"
        />
        <span id="watch-help" className="muted small-text">
          Read-only: see any staker's positions before you commit funds.
        </span>
      </div>
      <button type="submit" disabled={!valid}>
        View
      </button>
    </form>
  );
}

/** Fraction of a pool allocated to each service (magnitude / maxMagnitude), for one operator and asset. */
function exposures(detail: OperatorDetail | undefined, asset: string): { service: string; fraction: number }[] {
  if (!detail) return [];
  const pool = detail.pools.find((p) => p.asset === asset);
  const max = toBigInt(pool?.maxMagnitude ?? WAD.toString());
  if (max === 0n) return [];
  const serviceOf = new Map(detail.sets.map((s) => [s.setId, s.service]));
  return detail.allocations
    .filter((a) => a.asset === asset && toBigInt(a.magnitude) > 0n)
    .map((a) => ({
      service: serviceOf.get(a.setId) ?? `set ${a.setId}`,
      fraction: Number((toBigInt(a.magnitude) * 1_000_000n) / max) / 1_000_000,
    }));
}

/** A withdrawal's shares valued at its pool's current rate (the core's toAssetsDown), or undefined without the pool. */
function withdrawalAssets(w: PendingWithdrawal, detail: OperatorDetail | undefined): bigint | undefined {
  if (w.amount !== undefined) return toBigInt(w.amount);
  if (w.assets !== undefined) return toBigInt(w.assets);
  const pool = detail?.pools.find((p) => p.asset === w.asset);
  if (!pool) return undefined;
  return (toBigInt(w.shares) * (toBigInt(pool.totalAssets) + 1n)) / (toBigInt(pool.totalShares) + 1_000_000n);
}

/** Allocations of this position's pool that take effect later: what they will make slashable, and when. */
function PendingExposure(props: {
  position: Position;
  pending: PendingAllocation[];
  chainNow: number;
  name: (service: string) => string | undefined;
}) {
  const { position: p } = props;
  return (
    <>
      {props.pending.map((a) => {
        const when = (
          <>
            from {formatTime(a.effectAt)} (in {formatCountdown(a.effectAt - props.chainNow)})
          </>
        );
        const service = a.service ? (
          <AddressLink address={a.service} kind="services" name={props.name(a.service)} />
        ) : (
          <>set #{a.setId}</>
        );
        return (
          <li key={`pending:${a.setId}`} data-testid="pending-exposure">
            <Badge tone="warn">Pending</Badge> {service}: {when} —{" "}
            {a.fractionThen > a.fractionNow ? "up to " : "falls to "}
            <TokenAndEth
              value={shareOf(p.assets, a.fractionThen)}
              decimals={p.decimals}
              unit={p.symbol}
              wei={p.eth ? shareOf(p.eth, a.fractionThen) : undefined}
            />
            , {formatPercent(a.fractionThen)} of this position
          </li>
        );
      })}
    </>
  );
}

/**
 * Which services can slash a position: from the API's `exposure` (slashable amount and the share of each service's
 * stake) when it gives one, otherwise from the operator's allocations (the share of the pool allocated); then the
 * allocations not in force yet, so exposure about to start is not shown as plain staking.
 */
function ExposureCell(props: {
  position: Position;
  fallback: { service: string; fraction: number }[];
  pending: PendingAllocation[];
  chainNow: number;
  loading: boolean;
  serviceNames: Map<string, string>;
}) {
  const { position: p } = props;
  const name = (service: string, given?: string | null) => given ?? props.serviceNames.get(service.toLowerCase());
  const pending = (
    <PendingExposure position={p} pending={props.pending} chainNow={props.chainNow} name={(s) => name(s)} />
  );
  if (p.exposure) {
    if (p.exposure.length === 0 && props.pending.length === 0) {
      // Nothing in force: wait for the operator's allocations before saying there is nothing pending either.
      if (props.loading) return <span className="muted">…</span>;
      return <Badge tone="ok">Not allocated: plain staking</Badge>;
    }
    return (
      <ul className="plain tight">
        {p.exposure.length === 0 ? <li>Nothing slashable now.</li> : null}
        {p.exposure.map((e) => (
          <li key={`${e.setId}:${e.service}`}>
            <AddressLink address={e.service} kind="services" name={name(e.service, e.serviceName)} />:{" "}
            <TokenAndEth
              value={e.slashable.amount}
              decimals={e.slashable.decimals ?? p.decimals}
              unit={e.slashable.symbol ?? p.symbol}
              wei={e.slashable.eth}
            />{" "}
            slashable
            {e.shareOfServiceStake !== null ? (
              <span className="muted"> · {formatPercent(e.shareOfServiceStake, 4)} of its stake</span>
            ) : null}
          </li>
        ))}
        {pending}
      </ul>
    );
  }
  if (props.loading) return <span className="muted">…</span>;
  if (props.fallback.length === 0 && props.pending.length === 0)
    return <Badge tone="ok">Not allocated: plain staking</Badge>;
  return (
    <ul className="plain tight">
      {props.fallback.length === 0 ? <li>Nothing slashable now.</li> : null}
      {props.fallback.map((e) => (
        <li key={e.service}>
          <AddressLink address={e.service} kind="services" name={name(e.service)} />: {formatPercent(e.fraction)} of the
          pool allocated
        </li>
      ))}
      {pending}
    </ul>
  );
}

function Totals(props: { positions: Position[]; risk?: RiskPosition; pending: number; valueEth?: string | null }) {
  const byAsset = new Map<string, { symbol: string | null; decimals: number; total: bigint; eth: bigint | null }>();
  for (const p of props.positions) {
    const t = byAsset.get(p.asset) ?? { symbol: p.symbol, decimals: p.decimals, total: 0n, eth: 0n };
    t.total += toBigInt(p.assets);
    // The ETH value only when the API prices every position of the asset.
    t.eth = t.eth !== null && p.eth !== undefined && p.eth !== null ? t.eth + toBigInt(p.eth) : null;
    byAsset.set(p.asset, t);
  }
  return (
    <div className="cards">
      {[...byAsset.entries()].map(([asset, t]) => (
        <div className="card" key={asset}>
          <div className="label">Staked {t.symbol ?? shortAddress(asset)}</div>
          <div className="value">
            <TokenAndEth value={t.total} decimals={t.decimals} unit={t.symbol} wei={t.eth} />
          </div>
        </div>
      ))}
      {(props.valueEth ?? props.risk?.valueEth) ? (
        <div className="card">
          <div className="label">Total value</div>
          <div className="value">
            <EthAmount wei={(props.valueEth ?? props.risk?.valueEth) as string} />
          </div>
        </div>
      ) : null}
      {props.risk?.apr ? (
        <div className="card">
          <div className="label">Expected APR (restaking / plain staking)</div>
          <div className="value">
            {formatPercent(props.risk.apr.total)} / {formatPercent(props.risk.apr.plainStaking)}
          </div>
        </div>
      ) : null}
      <div className="card">
        <div className="label">Pending withdrawals</div>
        <div className="value">{props.pending}</div>
      </div>
    </div>
  );
}

export default function Portfolio(props: { address?: string }) {
  const connection = useConnection();
  const watched = props.address && isAddress(props.address, { strict: false }) ? props.address : undefined;
  const address = watched ?? connection.address;
  const operators = useOperators();
  const services = useServices();
  const now = useNowSeconds();
  const portfolio = useApi<PortfolioData>(address ? `/stakers/${address}/portfolio` : null);
  const data = portfolio.data;
  const operatorAddresses = [
    ...new Set([...(data?.positions ?? []), ...(data?.pendingWithdrawals ?? [])].map((p) => p.operator)),
  ];
  const details = useQueries({
    queries: operatorAddresses.map((op) => ({
      queryKey: ["api", `/operators/${op}`],
      queryFn: () => getJson<OperatorDetail>(`/operators/${op}`),
      refetchInterval: 15_000,
    })),
  });
  const detailOf = new Map(operatorAddresses.map((op, i) => [op, details[i]?.data]));
  const loadingOf = new Map(operatorAddresses.map((op, i) => [op, details[i]?.isLoading ?? true]));
  const risk = useApi<RiskPosition>(address ? `/risk/position/${address}` : null);
  // The portfolio answer carries the staker's rewards (the same figures as /rewards/earnings/{address}).
  const rewards = data?.rewards;
  const riskEth = new Map(
    (risk.data?.positions ?? []).map((p) => [`${p.operator.toLowerCase()}:${p.asset.toLowerCase()}`, p.valueEth]),
  );
  const serviceName = (s: string) => services.names.get(s.toLowerCase()) ?? shortAddress(s);
  const mine = connection.address && address && connection.address.toLowerCase() === address.toLowerCase();
  // The chain's clock at the last indexed block, moved on by the wall clock since (the API's asOf).
  const [fetchedAt] = [portfolio.dataUpdatedAt / 1000];
  const chainNow = data ? data.asOf + Math.max(0, now - fetchedAt) : now;

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Portfolio</h1>
      {!address ? (
        <Notice title="No account yet.">
          Connect a wallet (or a dev account on the local network) with the Connect button above to see your positions,
          or view any address below.
        </Notice>
      ) : (
        <p>
          {watched && !mine ? "Viewing" : "Your account"}: <code className="mono break">{address}</code>
          {watched && connection.address && !mine ? (
            <>
              {" "}
              · <a href={href("portfolio")}>back to your own</a>
            </>
          ) : null}
        </p>
      )}
      <WatchForm initial={watched} />
      {address && portfolio.isLoading ? <Loading what="the portfolio" /> : null}
      {portfolio.error ? <ErrorNotice error={portfolio.error} what="the portfolio" /> : null}
      {data ? (
        <>
          <Totals
            positions={data.positions}
            risk={risk.data}
            pending={data.pendingWithdrawals.length}
            valueEth={data.valueEth}
          />
          <h2 id="positions-title">Positions</h2>
          {data.positions.length === 0 ? (
            <p>No positions. Deposits show here once they are indexed.</p>
          ) : (
            <Table caption="Positions by operator and asset" id="positions">
              <thead>
                <tr>
                  <th scope="col">Operator</th>
                  <th scope="col">Asset</th>
                  <th scope="col" className="num">
                    Value
                  </th>
                  <th scope="col">Slashable by</th>
                  {mine ? <th scope="col">Withdraw (simulated first)</th> : null}
                </tr>
              </thead>
              <tbody>
                {data.positions.map((p) => {
                  return (
                    <tr key={`${p.operator}:${p.asset}`} data-testid="position-row">
                      <td>
                        <AddressLink
                          address={p.operator}
                          kind="operators"
                          name={operators.names.get(p.operator.toLowerCase())}
                        />
                      </td>
                      <td>{p.symbol ?? shortAddress(p.asset)}</td>
                      <td className="num">
                        <TokenAndEth
                          value={p.assets}
                          decimals={p.decimals}
                          unit={p.symbol}
                          wei={
                            p.eth ??
                            p.valueEth ??
                            // the risk engine names assets by symbol and operators by address
                            riskEth.get(`${p.operator.toLowerCase()}:${p.asset.toLowerCase()}`) ??
                            riskEth.get(`${p.operator.toLowerCase()}:${(p.symbol ?? "").toLowerCase()}`)
                          }
                        />
                      </td>
                      <td>
                        <ExposureCell
                          position={p}
                          fallback={exposures(detailOf.get(p.operator), p.asset)}
                          pending={pendingAllocations(detailOf.get(p.operator), chainNow, p.asset)}
                          chainNow={chainNow}
                          loading={loadingOf.get(p.operator) === true}
                          serviceNames={services.names}
                        />
                      </td>
                      {mine ? (
                        <td>
                          <QueueWithdrawal position={p} />
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          )}

          <h2>Pending withdrawals</h2>
          {data.pendingWithdrawals.length === 0 ? (
            <p>No pending withdrawals.</p>
          ) : (
            <Table caption="Pending withdrawals, with the time left until each can be completed" id="withdrawals">
              <thead>
                <tr>
                  <th scope="col">ID</th>
                  <th scope="col">Operator</th>
                  <th scope="col" className="num">
                    Amount (at today's rate)
                  </th>
                  <th scope="col">Completable at</th>
                  <th scope="col">Status</th>
                  {mine ? <th scope="col">Action</th> : null}
                </tr>
              </thead>
              <tbody>
                {data.pendingWithdrawals.map((w) => {
                  const left = w.completableAt - chainNow;
                  const assets = withdrawalAssets(w, detailOf.get(w.operator));
                  return (
                    <tr key={w.id} data-testid="withdrawal-row">
                      <td>{w.id}</td>
                      <td>
                        <AddressLink
                          address={w.operator}
                          kind="operators"
                          name={operators.names.get(w.operator.toLowerCase())}
                        />
                        {w.redelegateTo ? (
                          <span className="muted"> → redelegating to {shortAddress(w.redelegateTo)}</span>
                        ) : null}
                      </td>
                      <td className="num">
                        {assets !== undefined ? (
                          <TokenAndEth value={assets} decimals={w.decimals} unit={w.symbol} wei={w.eth} />
                        ) : (
                          <Amount value={w.shares} decimals={0} unit="shares" />
                        )}
                      </td>
                      <td>{formatTime(w.completableAt)}</td>
                      <td>
                        {left <= 0 ? (
                          <Badge tone="ok">Ready to complete</Badge>
                        ) : (
                          <span>
                            <Badge tone="neutral">Waiting</Badge> {formatCountdown(left)} left
                          </span>
                        )}
                      </td>
                      {mine ? (
                        <td>
                          <WithdrawalActions withdrawal={w} ready={left <= 0} />
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          )}

          <h2>Rewards</h2>
          {isEarnings(rewards) ? (
            <Rewards
              earnings={rewards}
              address={address as string}
              canClaim={Boolean(mine)}
              serviceNames={services.names}
            />
          ) : (
            <GenericRows data={rewards} caption="Rewards by service and token" />
          )}

          <h2>Where the yield comes from</h2>
          {risk.isLoading ? (
            <Loading what="the APR breakdown" />
          ) : risk.error ? (
            <ErrorNotice error={risk.error} what="the APR breakdown" />
          ) : risk.data?.apr ? (
            <Suspense fallback={<Loading what="the chart" />}>
              <AprChart apr={risk.data.apr} serviceName={(s, fallback) => fallback ?? serviceName(s)} />
            </Suspense>
          ) : (
            <p className="muted">No APR figures for this account.</p>
          )}
        </>
      ) : null}
    </section>
  );
}
