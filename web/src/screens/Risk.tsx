// Risk: the user's exposure (per service, the worst single event, the expected loss), concentration warnings in
// words, the staking-versus-restaking Monte Carlo as a fan chart (p5/p50/p95 over the year), and the network view:
// who secures what, whether any attack pays, the worst one, and the cascade after a shock removing whole operators
// whose stake adds up to at most ψ of all stake (a slider). A note says when allocations not in force yet will add
// exposure (/risk/position uses the magnitudes in force now). Reads /risk/position, /risk/compare, /risk/security, /risk/cascade and /risk/dossiers.
import { useQueries } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useId, useState } from "react";
import { useConnection } from "wagmi";
import { getJson, type HttpError, type OperatorDetail, useApi } from "../api.ts";
import { ErrorNotice, EthAmount, Loading, Notice, Table, TokenAndEth } from "../components/ui.tsx";
import { useChainNow } from "../consoles/shared.tsx";
import { formatCountdown, formatEth, formatPercent, formatTime, shortAddress, toBigInt } from "../format.ts";
import { useOperators } from "../hooks.ts";
import { pendingAllocations } from "../restake/pending.ts";
import type { FanPoint } from "../risk/FanChart.tsx";
import { NetworkGraph } from "../risk/NetworkGraph.tsx";
import { href } from "../router.ts";

const FanChart = lazy(() => import("../risk/FanChart.tsx"));

const HORIZONS = [30, 91, 182, 273, 365];
const PATHS = 2000;

interface Exposure {
  service: string;
  serviceName?: string;
  allocatedFraction: number;
  allocatedEth: string;
  atCapEth: string;
  probability: number;
  expectedLossEth: string;
}

interface RiskPosition {
  valueEth: string;
  positions: {
    operator: string;
    operatorName: string;
    asset: string;
    amount: string;
    decimals: number;
    valueEth: string;
    totalApr: number;
    atCapEth: string;
    expectedLossEth: string;
  }[];
  apr: { total: number; net: number; expectedLoss: number; plainStaking: number };
  exposure: {
    byService: Exposure[];
    totalAtCapEth: string;
    worstEvent: { kind: string; id: string; name?: string; lossEth: string; description?: string } | null;
    expectedLossEth: string;
  };
  concentration: Record<
    "operator" | "service" | "asset",
    { hhi: number; effective: number; shares: { id: string; name: string; share: number }[] }
  >;
  warnings: string[];
}

interface Fraction {
  value: string;
}

interface Attack {
  services: string[];
  operators: string[];
  profit: string;
  loss: string;
  netProfit: string;
}

interface Security {
  verdict: string;
  secure: boolean | null;
  worstAttack: Attack | null;
  gammaStar: Fraction | null;
  services: { id: string; profitFromCorruption: string; costOfCorruption: string; nakamoto: number }[];
}

interface Cascade {
  shock: Fraction;
  shockOperators: string[];
  shockStake: string;
  rounds: Attack[];
  totalLoss: string;
  totalStake: string;
  lossFraction: Fraction;
  exact: boolean;
}

interface Compare {
  comparisons: {
    asset: string;
    startEth: string;
    staking: { eth: { p5: string; p50: string; p95: string }; usd?: { p5: string; p50: string; p95: string } };
    restaking: { eth: { p5: string; p50: string; p95: string }; usd?: { p5: string; p50: string; p95: string } };
    probabilityRestakingBelow: number;
  }[];
}

interface Dossiers {
  services: { id: string; name: string; address: string | null; setId: number | null }[];
}

/** `part / total` of two wei amounts as a fraction (0 when the total is 0). */
function shareOfStake(part: string, total: string): number {
  const t = toBigInt(total);
  return t > 0n ? Number((toBigInt(part) * 1_000_000n) / t) / 1_000_000 : 0;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

const share = (f: number) => formatPercent(f, 1);

export default function Risk(props: { address?: string }) {
  const connection = useConnection();
  const address = props.address ?? connection.address;
  const position = useApi<RiskPosition>(address ? `/risk/position/${address}` : null);
  const dossiers = useApi<Dossiers>("/risk/dossiers", { refetchMs: 60_000 });
  const serviceName = (id: string) => dossiers.data?.services.find((s) => s.id === id)?.name ?? id;
  const operators = useOperators();
  const operatorName = (id: string) => operators.names.get(id.toLowerCase()) ?? shortAddress(id);

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Risk</h1>
      <p className="muted">
        What you could lose, how likely it is, and how the whole network holds up. Probabilities come from each
        service's published facts (its dossier score), an assumption the engine states, not a promise.
      </p>
      {!address ? (
        <Notice title="No account yet.">
          Connect a wallet (or a dev account) to see your own exposure; the network view below needs none.
        </Notice>
      ) : (
        <YourExposure position={position} address={address} />
      )}
      {address && position.data && position.data.positions.length > 0 ? (
        <Projection address={address} assets={[...new Set(position.data.positions.map((p) => p.asset))]} />
      ) : null}
      <NetworkView serviceName={serviceName} operatorName={operatorName} operators={operators} dossiers={dossiers} />
    </section>
  );
}

/**
 * "2 allocations take effect within 5h 40m …": the operators' allocations to your pools that are not in force yet,
 * since /risk/position values exposure at the magnitudes in force now. Nothing when there are none.
 */
function PendingNote(props: { positions: { operator: string; asset: string }[] }) {
  const chainNow = useChainNow();
  const operators = [...new Set(props.positions.map((p) => p.operator.toLowerCase()))];
  const details = useQueries({
    queries: operators.map((op) => ({
      queryKey: ["api", `/operators/${op}`],
      queryFn: () => getJson<OperatorDetail>(`/operators/${op}`),
      refetchInterval: 15_000,
    })),
  });
  const pending = props.positions.flatMap((p) => {
    const detail = details[operators.indexOf(p.operator.toLowerCase())]?.data;
    // The risk engine names assets by symbol; the operator's pools carry both.
    const pool = detail?.pools.find(
      (x) =>
        x.asset.toLowerCase() === p.asset.toLowerCase() || (x.symbol ?? "").toLowerCase() === p.asset.toLowerCase(),
    );
    return pool ? pendingAllocations(detail, chainNow, pool.asset) : [];
  });
  if (pending.length === 0) return null;
  const last = Math.max(...pending.map((a) => a.effectAt));
  return (
    <p className="notice" data-testid="pending-note">
      {pending.length} allocation{pending.length === 1 ? " takes" : "s take"} effect within{" "}
      {formatCountdown(last - chainNow)} (by {formatTime(last)}); exposure above is as of now. Portfolio shows what each
      will make slashable.
    </p>
  );
}

function YourExposure(props: { position: ReturnType<typeof useApi<RiskPosition>>; address: string }) {
  const { position } = props;
  if (position.isLoading) return <Loading what="your exposure" />;
  if (position.error) return <ErrorNotice error={position.error} what="your exposure" />;
  const d = position.data;
  if (!d) return null;
  if (d.positions.length === 0) {
    return (
      <section aria-labelledby="exposure-title">
        <h2 id="exposure-title">Your exposure</h2>
        <p>
          {shortAddress(props.address)} has no positions, so nothing of it can be slashed. See what a deposit would
          expose on <a href={href("restake")}>Restake</a> before you commit.
        </p>
      </section>
    );
  }
  const value = BigInt(d.valueEth);
  const lossRate = value > 0n ? Number((BigInt(d.exposure.expectedLossEth) * 1_000_000n) / value) / 1e6 : 0;
  const worst = d.exposure.worstEvent;
  const c = d.concentration;
  return (
    <section aria-labelledby="exposure-title">
      <h2 id="exposure-title">Your exposure</h2>
      <div className="cards" data-testid="exposure-cards">
        <div className="card">
          <div className="label">Value at stake</div>
          <div className="value">
            <EthAmount wei={d.valueEth} />
          </div>
          <div className="small-text muted">
            {d.positions.length} position{d.positions.length === 1 ? "" : "s"}
          </div>
        </div>
        <div className="card" data-testid="expected-loss">
          <div className="label">Expected slashing loss, a year</div>
          <div className="value">
            <EthAmount wei={d.exposure.expectedLossEth} />
          </div>
          <div className="small-text muted">
            {formatPercent(lossRate)} of your value; net APR after it {formatPercent(d.apr.net)} (plain staking{" "}
            {formatPercent(d.apr.plainStaking)})
          </div>
        </div>
        <div className="card" data-testid="worst-event">
          <div className="label">Worst single event</div>
          <div className="value">{worst ? <EthAmount wei={worst.lossEth} /> : "none"}</div>
          <div className="small-text muted">
            {worst ? (worst.description ?? `${worst.kind} ${worst.name ?? worst.id}`) : "no service can slash you"}
          </div>
        </div>
      </div>
      <PendingNote positions={d.positions} />
      <Table caption="Your positions: what each earns and could lose" id="risk-positions">
        <thead>
          <tr>
            <th scope="col">Operator</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col" className="num">
              APR
            </th>
            <th scope="col" className="num">
              Every service slashing at its cap
            </th>
            <th scope="col" className="num">
              Expected loss a year
            </th>
          </tr>
        </thead>
        <tbody>
          {d.positions.map((p) => (
            <tr key={`${p.operator}-${p.asset}`} data-testid="risk-position-row">
              <td>{p.operatorName}</td>
              <td className="num">
                <TokenAndEth value={p.amount} decimals={p.decimals} unit={p.asset} wei={p.valueEth} />
              </td>
              <td className="num">{formatPercent(p.totalApr)}</td>
              <td className="num">
                <EthAmount wei={p.atCapEth} />
              </td>
              <td className="num">
                <EthAmount wei={p.expectedLossEth} />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Table caption="Exposure per service: what each one could slash of your stake" id="risk-exposure">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col" className="num">
              Share of your value allocated
            </th>
            <th scope="col" className="num">
              Allocated to it
            </th>
            <th scope="col" className="num">
              One slash at its cap
            </th>
            <th scope="col" className="num">
              Yearly probability
            </th>
            <th scope="col" className="num">
              Expected loss a year
            </th>
          </tr>
        </thead>
        <tbody>
          {d.exposure.byService.length === 0 ? (
            <tr>
              <td colSpan={6}>No service can slash your positions: plain staking only.</td>
            </tr>
          ) : (
            d.exposure.byService.map((e) => (
              <tr key={e.service} data-testid="risk-exposure-row">
                <td>{e.serviceName ?? e.service}</td>
                <td className="num">{share(e.allocatedFraction)}</td>
                <td className="num">
                  <EthAmount wei={e.allocatedEth} />
                </td>
                <td className="num">
                  <EthAmount wei={e.atCapEth} />
                </td>
                <td className="num">{formatPercent(e.probability)}</td>
                <td className="num">
                  <EthAmount wei={e.expectedLossEth} />
                </td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <h3 className="small-heading">Concentration</h3>
      <ul className="plain" data-testid="concentration">
        {(["operator", "service", "asset"] as const).map((k) => {
          const top = c[k]?.shares[0];
          if (!top) return null;
          return (
            <li key={k}>
              By {k}: as concentrated as {c[k].effective.toFixed(1)} equal {k}s; the largest, {top.name}, holds{" "}
              {share(top.share)}.
            </li>
          );
        })}
      </ul>
      {d.warnings.length > 0 ? (
        <Notice kind="warn" title="Warnings:">
          <ul className="plain tight" data-testid="risk-warnings">
            {d.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Notice>
      ) : (
        <p className="small-text muted">No concentration warnings.</p>
      )}
    </section>
  );
}

function Projection(props: { address: string; assets: string[] }) {
  const id = useId();
  const [asset, setAsset] = useState(props.assets[0] ?? "");
  const chosen = props.assets.includes(asset) ? asset : (props.assets[0] ?? "");
  const results = useQueries({
    queries: HORIZONS.map((days) => ({
      queryKey: ["api", `/risk/compare/${props.address}?asset=${chosen}&horizonDays=${days}&paths=${PATHS}`],
      queryFn: () =>
        getJson<Compare>(
          `/risk/compare/${props.address}?asset=${encodeURIComponent(chosen)}&horizonDays=${days}&paths=${PATHS}`,
        ),
      staleTime: 60_000,
    })),
  });
  const error = results.find((r) => r.error)?.error as HttpError | undefined;
  const loading = results.some((r) => r.isLoading);
  const points: FanPoint[] = [];
  let startEth = "0";
  results.forEach((r, i) => {
    const c = r.data?.comparisons[0];
    if (!c) return;
    startEth = c.startEth;
    points.push({
      days: HORIZONS[i] ?? 0,
      staking: c.staking.eth,
      restaking: c.restaking.eth,
      probabilityRestakingBelow: c.probabilityRestakingBelow,
    });
  });
  const year = points.find((p) => p.days === 365);
  const yearUsd = results[HORIZONS.indexOf(365)]?.data?.comparisons[0];
  const usd = (cents: string | undefined) =>
    cents === undefined ? "—" : `$${Math.floor(Number(cents) / 100).toLocaleString("en-US")}`;
  return (
    <section aria-labelledby="fan-title">
      <h2 id="fan-title">Staking or restaking: a year of simulated outcomes</h2>
      <p className="muted small-text">
        The same tokens held two ways: plain staking, or restaked with your operators in today's proportions. Rewards
        shrink as more stake joins, programs may not be renewed, and slashes happen at each service's probability (Monte
        Carlo, seeded: the same inputs give the same numbers).
      </p>
      {props.assets.length > 1 ? (
        <div className="toolbar">
          <div>
            <label htmlFor={`${id}-asset`}>Asset</label>
            <select id={`${id}-asset`} value={chosen} onChange={(e) => setAsset(e.target.value)}>
              {props.assets.map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      {error ? <ErrorNotice error={error} what="the simulation" /> : null}
      {loading ? <Loading what="the simulation" /> : null}
      {year ? (
        <p data-testid="fan-summary">
          In a year, restaking ends between {formatEth(year.restaking.p5).text} (p5) and{" "}
          {formatEth(year.restaking.p95).text} (p95), median {formatEth(year.restaking.p50).text}; plain staking between{" "}
          {formatEth(year.staking.p5).text} and {formatEth(year.staking.p95).text}, median{" "}
          {formatEth(year.staking.p50).text}. Restaking ends below staking on{" "}
          {formatPercent(year.probabilityRestakingBelow)} of the paths.
          {yearUsd?.restaking.usd && yearUsd.staking.usd ? (
            <>
              {" "}
              In US dollars, with the ETH price simulated too: restaking {usd(yearUsd.restaking.usd.p5)} to{" "}
              {usd(yearUsd.restaking.usd.p95)} (median {usd(yearUsd.restaking.usd.p50)}), staking{" "}
              {usd(yearUsd.staking.usd.p5)} to {usd(yearUsd.staking.usd.p95)} (median {usd(yearUsd.staking.usd.p50)}).
            </>
          ) : null}
        </p>
      ) : null}
      {points.length === HORIZONS.length ? (
        <Suspense fallback={<Loading what="the chart" />}>
          <FanChart asset={chosen} startEth={startEth} points={points} paths={PATHS} />
        </Suspense>
      ) : null}
    </section>
  );
}

function NetworkView(props: {
  serviceName: (id: string) => string;
  operatorName: (id: string) => string;
  operators: ReturnType<typeof useOperators>;
  dossiers: ReturnType<typeof useApi<Dossiers>>;
}) {
  const { serviceName, operatorName } = props;
  const id = useId();
  const security = useApi<Security>("/risk/security", { refetchMs: 60_000 });
  const [psi, setPsi] = useState(10);
  const debounced = useDebounced(psi, 250);
  const cascade = useApi<Cascade>(`/risk/cascade?shock=${debounced}%25`, { refetchMs: 60_000, keepPrevious: true });
  const s = security.data;
  const cs = cascade.data;
  const services = (props.dossiers.data?.services ?? []).map((x) => ({ id: x.id, name: x.name }));
  const setIdOf = new Map((props.dossiers.data?.services ?? []).map((x) => [x.setId, x.id]));
  const ops = (props.operators.data?.operators ?? []).map((o) => ({
    id: o.operator.toLowerCase(),
    name: operatorName(o.operator),
  }));
  const edges = (props.operators.data?.operators ?? []).flatMap((o) => {
    const secured = new Set(
      ((o as { servicesSecured?: { service: string }[] }).servicesSecured ?? []).map((x) => x.service.toLowerCase()),
    );
    return o.sets.flatMap((set) => {
      const service = setIdOf.get(set.setId);
      return service
        ? [{ operator: o.operator.toLowerCase(), service, allocated: secured.has(set.service.toLowerCase()) }]
        : [];
    });
  });
  const corrupted = new Set((cs?.rounds ?? []).flatMap((r) => r.services));
  const attackers = new Set((cs?.rounds ?? []).flatMap((r) => r.operators.map((x) => x.toLowerCase())));
  const shocked = new Set((cs?.shockOperators ?? []).map((x) => x.toLowerCase()));
  const names = (list: string[], f: (x: string) => string) => list.map(f).join(", ");
  return (
    <section aria-labelledby="network-title">
      <h2 id="network-title">The network</h2>
      {security.isLoading ? <Loading what="the security analysis" /> : null}
      {security.error ? <ErrorNotice error={security.error} what="the security analysis" /> : null}
      {s ? (
        <div data-testid="security-status">
          <p>
            <strong>
              {s.secure === true
                ? "Secure: no coalition of operators can profit from attacking any set of services."
                : s.secure === false
                  ? "Not secure: some operators could profit from attacking services."
                  : "Undetermined within the time limit."}
            </strong>{" "}
            {s.gammaStar ? (
              <>
                Slack γ* = {Number(s.gammaStar.value).toFixed(3)}: every attack would cost at least{" "}
                {formatPercent(Number(s.gammaStar.value))} more than it pays.
              </>
            ) : null}
          </p>
          <p data-testid="worst-attack">
            {s.worstAttack
              ? `Worst attack: ${names(s.worstAttack.operators, operatorName)} corrupting ${names(s.worstAttack.services, serviceName)} would gain ${formatEth(s.worstAttack.profit).text} and lose ${formatEth(s.worstAttack.loss).text} of stake (net ${formatEth(s.worstAttack.netProfit).text}).`
              : "Worst attack: none pays; every coalition would lose more stake than it could take."}
          </p>
          <Table caption="Per service: what corrupting it pays against what it costs" id="security-services">
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col" className="num">
                  Profit from corruption
                </th>
                <th scope="col" className="num">
                  Cost of corruption
                </th>
                <th scope="col" className="num">
                  Operators needed (Nakamoto)
                </th>
              </tr>
            </thead>
            <tbody>
              {s.services.map((x) => (
                <tr key={x.id}>
                  <td>{serviceName(x.id)}</td>
                  <td className="num">
                    <EthAmount wei={x.profitFromCorruption} />
                  </td>
                  <td className="num">
                    <EthAmount wei={x.costOfCorruption} />
                  </td>
                  <td className="num">{x.nakamoto}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : null}

      <h3 className="small-heading">Cascade after a shock</h3>
      <p className="muted small-text">
        A shock (a client bug, a hack) takes out whole operators: the engine removes the operators whose stake adds up
        to at most ψ of all stake (the most damaging such set), then looks for attacks that become profitable, and for
        the ones those make profitable in turn.
      </p>
      <div className="toolbar">
        <div>
          <label htmlFor={`${id}-psi`}>Shock ψ: share of all stake removed</label>
          <input
            id={`${id}-psi`}
            type="range"
            min={0}
            max={50}
            step={1}
            value={psi}
            onChange={(e) => setPsi(Number(e.target.value))}
            aria-valuetext={`${psi}%`}
          />{" "}
          <output htmlFor={`${id}-psi`} data-testid="psi-value">
            {psi}%
          </output>
        </div>
      </div>
      {cascade.error ? <ErrorNotice error={cascade.error} what="the cascade" /> : null}
      {cs ? (
        <div data-testid="cascade-result" aria-live="polite" aria-busy={cascade.isFetching || debounced !== psi}>
          <p>
            After a shock of at most {formatPercent(Number(cs.shock.value))}
            {cs.shockOperators.length > 0
              ? ` (${names(cs.shockOperators, operatorName)} removed; here ${formatPercent(shareOfStake(cs.shockStake, cs.totalStake))} of all stake was removed)`
              : " (no operator's stake fits within it, so none is removed)"}
            :{" "}
            {cs.rounds.length === 0
              ? "no attack becomes profitable;"
              : `${cs.rounds.length} round${cs.rounds.length === 1 ? "" : "s"} of attacks follow;`}{" "}
            in total <strong data-testid="cascade-loss">{formatEth(cs.totalLoss).text}</strong> of{" "}
            {formatEth(cs.totalStake).text} is lost (
            <span data-testid="cascade-fraction">{formatPercent(Number(cs.lossFraction.value))}</span> of all stake)
            {cs.exact ? "." : ", a bound: the search hit its time limit."}
          </p>
          {cs.rounds.length > 0 ? (
            <ol data-testid="cascade-rounds">
              {cs.rounds.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rounds are ordered
                <li key={i}>
                  {names(r.operators, operatorName)} corrupt {names(r.services, serviceName)}: gain{" "}
                  {formatEth(r.profit).text}, lose {formatEth(r.loss).text}.
                </li>
              ))}
            </ol>
          ) : null}
        </div>
      ) : cascade.isLoading ? (
        <Loading what="the cascade" />
      ) : null}
      {ops.length > 0 && services.length > 0 ? (
        <NetworkGraph
          operators={ops}
          services={services}
          edges={edges}
          marked={{
            operators: new Set([...shocked, ...attackers]),
            services: corrupted,
            label:
              shocked.size + corrupted.size > 0
                ? `Marked ⚠: operators the shock removes or that attack, and services the cascade corrupts, at ψ = ${debounced}%.`
                : `Nothing is marked: at ψ = ${debounced}% no operator is removed and no service corrupted.`,
            operatorWord: "removed by the shock or attacking",
            serviceWord: "corrupted in the cascade",
          }}
        />
      ) : null}
    </section>
  );
}
