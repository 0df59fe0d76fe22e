// Services: the list and one service's detail, from GET /services, /services/{address}, the stake series,
// /risk/security (the security margin) and /risk/dossiers/{service}.
import { lazy, Suspense } from "react";
import { metadataJson, type SlashRow, useApi } from "../api.ts";
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
import {
  formatBps,
  formatCountdown,
  formatEth,
  formatPercent,
  formatTime,
  formatWadPercent,
  shortAddress,
  toBigInt,
} from "../format.ts";
import { type ServiceInfo, useOperators, useServices } from "../hooks.ts";
import { href } from "../router.ts";

const StakeHistory = lazy(() => import("../charts/StakeHistory.tsx"));

interface StakeAmount {
  asset: string;
  symbol: string | null;
  decimals: number;
  amount: string;
  eth?: string | null;
}

interface ApiService extends ServiceInfo {
  categoryName?: string | null;
  description?: string | null;
  registeredTime?: number;
  sets?: number | ApiSet[];
  operators?: number | ApiServiceOperator[];
  operatorsAllocated?: number;
  stake?: StakeAmount[];
  stakeEth?: string | null;
  rewardPrograms?: number;
  rewardsPerDayEth?: string | null;
  rewardApr?: number | null;
  executedSlashes?: number;
}

interface ApiSet {
  setId: number;
  assets: { asset: string; symbol: string | null }[];
  policy: {
    vetoWindow: number;
    deallocationDelay: number;
    maxSlashWad: string;
    vetoCommittee: string | null;
    slashRecipient: string | null;
  };
  operators: { operator: string; joinedTime: number }[];
}

interface ApiServiceOperator {
  operator: string;
  stake: StakeAmount[];
  stakeEth: string | null;
  shareOfStake: number | null;
  commissionBps: number;
  pendingCommissionBps: number | null;
  commissionEffectAt: number | null;
}

interface ApiServiceDetail extends ApiService {
  slashes?: SlashRow[];
  programs?: {
    programId: string | number;
    setId: number;
    kind: string;
    symbol: string | null;
    decimals: number;
    amount: string;
    eth?: string | null;
    startTime: number;
    endTime: number;
    durationDays: number;
    status: string;
  }[];
}

interface DossierAnswer {
  score: number;
  probability?: { value: number; source: string };
  factors?: { key: string; name: string; weight: number; score: number; value: string; known: boolean }[];
  facts?: { name: string; value: string }[];
  warnings?: string[];
}

function StakeList(props: { stake: StakeAmount[] | undefined }) {
  if (!props.stake || props.stake.length === 0) return <>—</>;
  return (
    <>
      {props.stake.map((t) => (
        <div key={t.asset}>
          <TokenAndEth value={t.amount} decimals={t.decimals} unit={t.symbol} wei={t.eth} />
        </div>
      ))}
    </>
  );
}

function ServiceList() {
  const services = useServices();
  const api = services.list as ApiService[] | undefined;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Services</h1>
      <p className="muted">
        Services rent the security of restaked stake: they pay rewards, and may slash operators that misbehave under the
        rules of their operator sets.
      </p>
      {api ? (
        <Table caption="Services: stake securing each, rewards and slashing record" id="services">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Category</th>
              <th scope="col" className="num">
                Stake securing it
              </th>
              <th scope="col" className="num">
                Operators
              </th>
              <th scope="col" className="num">
                Reward APR
              </th>
              <th scope="col">Slashing record</th>
            </tr>
          </thead>
          <tbody>
            {api.map((s) => (
              <tr key={s.service} data-testid="service-row">
                <td>
                  <AddressLink
                    address={s.service}
                    kind="services"
                    name={typeof s.name === "string" ? s.name : undefined}
                  />
                </td>
                <td>{s.categoryName ?? String(s.category ?? "—")}</td>
                <td className="num">
                  <StakeList stake={s.stake} />
                  {s.stakeEth ? (
                    <div className="muted">
                      total <EthAmount wei={s.stakeEth} />
                    </div>
                  ) : null}
                </td>
                <td className="num">
                  {typeof s.operators === "number" ? s.operators : "—"}
                  {typeof s.operatorsAllocated === "number" ? ` (${s.operatorsAllocated} allocated)` : ""}
                </td>
                <td className="num">{typeof s.rewardApr === "number" ? formatPercent(s.rewardApr) : "—"}</td>
                <td>
                  {s.executedSlashes ? (
                    <Badge tone="bad">Slashed {s.executedSlashes}×</Badge>
                  ) : (
                    <Badge tone="ok">No slashes</Badge>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : services.query.error ? (
        <ErrorNotice error={services.query.error} what="services" />
      ) : (
        <Loading what="services" />
      )}
    </section>
  );
}

function Dossier(props: { address: string }) {
  const q = useApi<DossierAnswer>(`/risk/dossiers/${props.address}`, { refetchMs: 60_000 });
  if (q.isLoading) return <Loading what="the dossier" />;
  if (q.error) return <ErrorNotice error={q.error} what="the dossier" />;
  const d = q.data;
  if (!d) return null;
  return (
    <>
      <p>
        Score <strong>{Math.round(d.score)} / 100</strong>
        {d.probability ? (
          <>
            {" "}
            · yearly probability of a slash of an allocation: <strong>{formatPercent(d.probability.value)}</strong>{" "}
            <span className="muted">({d.probability.source})</span>
          </>
        ) : null}
      </p>
      {d.warnings && d.warnings.length > 0 ? (
        <Notice kind="warn" title="Warnings.">
          <ul>
            {d.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {d.factors && d.factors.length > 0 ? (
        <Table caption="Dossier factors: what was measured and how it scores" id="dossier">
          <thead>
            <tr>
              <th scope="col">Factor</th>
              <th scope="col">Measured</th>
              <th scope="col" className="num">
                Score
              </th>
              <th scope="col" className="num">
                Weight
              </th>
            </tr>
          </thead>
          <tbody>
            {d.factors.map((f) => (
              <tr key={f.key}>
                <td>{f.name}</td>
                <td>{f.known ? f.value : `${f.value} (not published: scores 0)`}</td>
                <td className="num">{Math.round(f.score)}</td>
                <td className="num">{f.weight}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </>
  );
}

/** GET /risk/security (docs/api-engines.md): the fields this screen reads. Services there are operator sets. */
interface SecurityAnswer {
  verdict: string;
  secure: boolean | null;
  gammaStar: { value: string } | null;
  services: {
    id: string;
    profitFromCorruption: string | null;
    costOfCorruption: string | null;
    costOfCorruptionExact?: boolean;
    nakamoto: number | null;
  }[];
}

/** "an attack would cost 85.07 ETH against 60 ETH to gain: margin 25.07 ETH (42%)", for one set. */
function marginSentence(cost: bigint, profit: bigint): string {
  const c = formatEth(cost).text;
  const p = formatEth(profit).text;
  const margin = cost - profit;
  if (profit === 0n) return `an attack would cost ${c} and gain nothing: margin ${formatEth(margin).text}`;
  const share = formatPercent(Number((margin * 1_000_000n) / profit) / 1_000_000, 0);
  return margin >= 0n
    ? `an attack would cost ${c} against ${p} to gain: margin ${formatEth(margin).text} (${share})`
    : `an attack would gain ${p} against ${c} of stake lost: it pays by ${formatEth(-margin).text} (no margin)`;
}

/** Cost of corruption against profit from corruption for the service's sets, and the network's verdict. */
function SecurityMargin(props: { setIds: number[] }) {
  const q = useApi<SecurityAnswer>("/risk/security", { refetchMs: 60_000 });
  if (q.isLoading) return <Loading what="the security analysis" />;
  if (q.error) return <ErrorNotice error={q.error} what="the security analysis" />;
  const a = q.data;
  if (!a) return null;
  const ids = new Set(props.setIds.map((id) => `set-${id}`));
  const rows = a.services.filter((x) => ids.has(x.id));
  return (
    <div data-testid="security-margin">
      {rows.length === 0 ? (
        <p>The risk engine has no figures for this service's sets (no stake allocated to them).</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li key={r.id}>
              Set {r.id.replace(/^set-/, "")}:{" "}
              {r.costOfCorruption === null || r.profitFromCorruption === null
                ? "not determined within the time limit"
                : `${marginSentence(toBigInt(r.costOfCorruption), toBigInt(r.profitFromCorruption))}${r.costOfCorruptionExact === false ? " (cost is a bound)" : ""}`}
              {r.nakamoto !== null ? `; ${r.nakamoto} operator${r.nakamoto === 1 ? "" : "s"} could corrupt it` : ""}.
            </li>
          ))}
        </ul>
      )}
      <p>
        Network verdict:{" "}
        <strong>
          {a.secure === true
            ? "secure: no coalition of operators can profit from attacking any set of services"
            : a.secure === false
              ? "not secure: some operators could profit from attacking services"
              : "undetermined within the time limit"}
        </strong>
        {a.gammaStar
          ? `; every attack would cost at least ${formatPercent(Number(a.gammaStar.value))} more than it pays`
          : ""}
        . <a href={href("risk")}>The network on Risk</a>
      </p>
    </div>
  );
}

function ServiceDetail(props: { address: string }) {
  const address = props.address.toLowerCase();
  const detail = useApi<ApiServiceDetail>(`/services/${address}`);
  const services = useServices();
  const operators = useOperators();
  const d = detail.data;
  const meta = metadataJson(typeof d?.metadataUri === "string" ? d.metadataUri : undefined);
  const name =
    (typeof d?.name === "string" ? d.name : undefined) ??
    services.names.get(address) ??
    (typeof meta?.name === "string" ? meta.name : undefined);
  const apiOperators = Array.isArray(d?.operators) ? d.operators : undefined;
  const apiSets = Array.isArray(d?.sets) ? d.sets : undefined;
  return (
    <section aria-labelledby="page-title">
      <p>
        <a href={href("services")}>← All services</a>
      </p>
      <h1 id="page-title">{name ?? `Service ${shortAddress(address)}`}</h1>
      <dl className="facts">
        <dt>Address</dt>
        <dd>
          <FullAddress address={address} label="Copy the service's address" />
        </dd>
        {d?.categoryName ? (
          <>
            <dt>Category</dt>
            <dd>{d.categoryName}</dd>
          </>
        ) : null}
        {d?.description ? (
          <>
            <dt>About</dt>
            <dd>{d.description}</dd>
          </>
        ) : null}
        {d?.stake ? (
          <>
            <dt>Stake securing it</dt>
            <dd>
              <StakeList stake={d.stake} />
              {d.stakeEth && d.stake.length > 1 ? (
                <div>
                  total <EthAmount wei={d.stakeEth} />
                </div>
              ) : null}
            </dd>
          </>
        ) : null}
        {typeof d?.rewardApr === "number" ? (
          <>
            <dt>Reward APR</dt>
            <dd>{formatPercent(d.rewardApr)}</dd>
          </>
        ) : null}
      </dl>
      {detail.isLoading ? <Loading what="the service" /> : null}
      {detail.error ? <ErrorNotice error={detail.error} what="the service" /> : null}

      {apiSets ? (
        <>
          <h2>Slashing policy</h2>
          <Table caption="Operator sets and their slashing rules" id="service-sets">
            <thead>
              <tr>
                <th scope="col">Set</th>
                <th scope="col">Assets</th>
                <th scope="col" className="num">
                  Max per slash
                </th>
                <th scope="col">Veto window</th>
                <th scope="col">Deallocation delay</th>
                <th scope="col">Slashed tokens go to</th>
              </tr>
            </thead>
            <tbody>
              {apiSets.map((set) => (
                <tr key={set.setId}>
                  <td>{set.setId}</td>
                  <td>{set.assets.map((a) => a.symbol ?? shortAddress(a.asset)).join(", ")}</td>
                  <td className="num">{formatWadPercent(set.policy.maxSlashWad)}</td>
                  <td>
                    {set.policy.vetoWindow > 0
                      ? `${formatCountdown(set.policy.vetoWindow)}, committee ${shortAddress(set.policy.vetoCommittee ?? "")}`
                      : "none: slashes are instant"}
                  </td>
                  <td>{formatCountdown(set.policy.deallocationDelay)}</td>
                  <td>
                    {!set.policy.slashRecipient || /^0x0+(dead)?$/i.test(set.policy.slashRecipient)
                      ? "burned"
                      : shortAddress(set.policy.slashRecipient)}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      ) : null}

      <h2>Operators securing it</h2>
      {apiOperators ? (
        <Table caption="Operators with their stake securing this service and their commission" id="service-operators">
          <thead>
            <tr>
              <th scope="col">Operator</th>
              <th scope="col" className="num">
                Stake allocated
              </th>
              <th scope="col" className="num">
                Share of the service's stake
              </th>
              <th scope="col" className="num">
                Commission
              </th>
            </tr>
          </thead>
          <tbody>
            {apiOperators.map((o) => (
              <tr key={o.operator}>
                <td>
                  <AddressLink address={o.operator} kind="operators" name={operators.names.get(o.operator)} />
                </td>
                <td className="num">
                  <StakeList stake={o.stake} />
                </td>
                <td className="num">{o.shareOfStake === null ? "—" : formatPercent(o.shareOfStake)}</td>
                <td className="num">
                  {formatBps(o.commissionBps)}
                  {o.pendingCommissionBps !== null
                    ? ` → ${formatBps(o.pendingCommissionBps)} at ${formatTime(o.commissionEffectAt)}`
                    : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p>No operators in its sets.</p>
      )}

      <h2>Reward programs</h2>
      {d?.programs ? (
        d.programs.length === 0 ? (
          <p>No reward programs.</p>
        ) : (
          <Table caption="Reward programs this service funds" id="service-programs">
            <thead>
              <tr>
                <th scope="col">Program</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Runs</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {d.programs.map((p) => (
                <tr key={String(p.programId)}>
                  <td>{String(p.programId)}</td>
                  <td>{p.kind}</td>
                  <td className="num">
                    <TokenAndEth value={p.amount} decimals={p.decimals} unit={p.symbol} wei={p.eth} />
                  </td>
                  <td>
                    {formatTime(p.startTime)} → {formatTime(p.endTime)} ({p.durationDays} days)
                  </td>
                  <td>{p.status}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )
      ) : null}

      <h2>Slashing history</h2>
      <SlashTable
        slashes={d?.slashes ?? []}
        caption="Slashes requested by this service"
        operatorNames={operators.names}
        serviceNames={services.names}
      />

      <h2>History</h2>
      <Suspense fallback={<Loading what="the chart" />}>
        <StakeHistory
          path={`/timeseries/services/${address}/stake`}
          title="Stake securing this service at the end of each day"
        />
      </Suspense>

      <h2>Security margin</h2>
      <SecurityMargin setIds={(apiSets ?? []).map((x) => x.setId)} />

      <h2>Risk dossier</h2>
      <Dossier address={address} />
    </section>
  );
}

export default function Services(props: { address?: string }) {
  return props.address ? <ServiceDetail address={props.address} /> : <ServiceList />;
}
