// Dossiers: a score from 0 to 100 for each service and each asset, made of explained factors, each shown with the
// value it measured, its own score and its weight (docs/risk-investor.md#dossiers). The scores also give the default
// yearly slashing probability of a service and peg-shock probability of an LST, which the snapshot or the command
// line can override.
import { ethFloat, type InvestorModel, type ModelAsset, type ModelService } from "./investor-model.ts";
import { type Audit, ratioToNumber, SECONDS_PER_YEAR, valueEth } from "./snapshot.ts";

const DAY = 86_400;

export interface Factor {
  key: string;
  name: string;
  /** Points out of 100 this factor weighs in the score. */
  weight: number;
  /** 0–100. */
  score: number;
  /** What was measured, for people ("2 audits by Sigma, Certora; latest 5 months ago"). */
  value: string;
  /** False when the fact was not published: the factor then scores 0. */
  known: boolean;
}

export interface Dossier {
  kind: "service" | "asset";
  id: string;
  name: string;
  /** Weighted mean of the factors' scores, 0–100. */
  score: number;
  factors: Factor[];
  /** Plain facts shown above the factors (category, π, α, policy …). */
  facts: [string, string][];
  /** Yearly probability: of a slash of an allocation (services), of a peg shock (assets). */
  probability: { value: number; source: "score" | "snapshot" | "override" | "none" };
  /** Size of a peg shock (assets). */
  pegShock?: number;
  warnings: string[];
}

const clamp = (x: number, lo = 0, hi = 100) => Math.min(hi, Math.max(lo, x));

/** The default yearly slashing probability of an allocation to a service with dossier score `score`. */
export function slashProbabilityFromScore(score: number): number {
  const gap = (100 - clamp(score)) / 100;
  return 0.002 + 0.198 * gap * gap;
}

/** The default yearly probability of a peg shock for an LST with dossier score `score`. */
export function depegProbabilityFromScore(score: number): number {
  const gap = (100 - clamp(score)) / 100;
  return 0.01 + 0.19 * gap * gap;
}

function ago(seconds: number): string {
  const days = seconds / DAY;
  if (days < 1) return "today";
  if (days < 60) return `${Math.round(days)} days ago`;
  if (days < 730) return `${Math.round(days / 30.4)} months ago`;
  return `${(days / 365).toFixed(1)} years ago`;
}

const date = (t: number) => new Date(t * 1000).toISOString().slice(0, 10);

function auditFactor(audits: Audit[] | undefined, now: number, weight: number): Factor {
  const list = (audits ?? []).filter((a) => a.date <= now);
  if (list.length === 0) {
    return { key: "audits", name: "audits", weight, score: 0, value: "none published", known: false };
  }
  const latest = Math.max(...list.map((a) => a.date));
  const age = now - latest;
  const recency = age <= SECONDS_PER_YEAR ? 1 : clamp(1 - (age - SECONDS_PER_YEAR) / (2 * SECONDS_PER_YEAR), 0, 1);
  const auditors = [...new Set(list.map((a) => a.auditor))];
  const score = 100 * (0.5 * (Math.min(list.length, 3) / 3) + 0.3 * recency + 0.2 * (Math.min(auditors.length, 3) / 3));
  return {
    key: "audits",
    name: "audits",
    weight,
    score,
    value: `${list.length} by ${auditors.join(", ")}; latest ${date(latest)} (${ago(age)})`,
    known: true,
  };
}

function weighted(factors: Factor[]): number {
  const total = factors.reduce((sum, f) => sum + f.weight, 0);
  return total === 0 ? 0 : factors.reduce((sum, f) => sum + f.weight * f.score, 0) / total;
}

const fmtEth = (eth: number) =>
  `${eth >= 100 ? Math.round(eth).toLocaleString("en-US") : eth.toPrecision(3).replace(/\.?0+$/, "")} ETH`;
const fmtPct = (x: number, digits = 1) => `${(x * 100).toFixed(digits).replace(/\.0+$/, "")}%`;

/** The stake each operator allocates to service s, ETH wei. */
export function serviceStakeByOperator(model: InvestorModel, s: number): bigint[] {
  return model.operators.map((operator) =>
    model.assets.reduce(
      (sum, asset) => sum + valueEth(model.alloc[operator.index]?.[s]?.[asset.index] ?? 0n, asset),
      0n,
    ),
  );
}

/** Herfindahl–Hirschman index of shares (0–1): Σ share². 0 for an empty list. */
export function hhi(values: readonly number[]): number {
  const total = values.reduce((x, y) => x + y, 0);
  if (total <= 0) return 0;
  return values.reduce((sum, v) => sum + (v / total) ** 2, 0);
}

/** The dossier of service s. `override` is a yearly slashing probability given on the command line. */
export function serviceDossier(model: InvestorModel, s: number, override?: number): Dossier {
  const service = model.services[s] as ModelService;
  const src = service.source;
  const now = model.timestamp;
  const facts = src.facts ?? {};
  const factors: Factor[] = [];
  const warnings: string[] = [];

  factors.push(auditFactor(facts.audits, now, 25));

  const byOperator = serviceStakeByOperator(model, s).map(ethFloat);
  const secured = byOperator.reduce((x, y) => x + y, 0);
  const pi = ethFloat(src.profitFromCorruption);
  factors.push({
    key: "valueSecured",
    name: "value secured",
    weight: 15,
    score: secured > 0 ? clamp(25 * Math.log10(secured)) : 0,
    value: `${fmtEth(secured)} allocated (π = ${fmtEth(pi)})`,
    known: true,
  });
  const members = byOperator.filter((x) => x > 0).length;
  factors.push({
    key: "operators",
    name: "operators",
    weight: 10,
    score: members <= 1 ? 0 : clamp((100 * Math.log2(members)) / 4),
    value: `${members} with stake allocated`,
    known: true,
  });
  const concentration = hhi(byOperator);
  const top = secured > 0 ? Math.max(...byOperator) / secured : 0;
  factors.push({
    key: "concentration",
    name: "concentration",
    weight: 10,
    score: secured > 0 ? 100 * (1 - concentration) : 0,
    value: secured > 0 ? `HHI ${concentration.toFixed(2)}; largest operator ${fmtPct(top)}` : "no stake",
    known: true,
  });
  factors.push(
    facts.launched === undefined
      ? { key: "age", name: "age", weight: 15, score: 0, value: "launch date not published", known: false }
      : {
          key: "age",
          name: "age",
          weight: 15,
          score: clamp((100 * (now - facts.launched)) / (2 * SECONDS_PER_YEAR)),
          value: `launched ${date(facts.launched)} (${ago(now - facts.launched)})`,
          known: true,
        },
  );
  const slashes = facts.slashes ?? [];
  const recent = (t: number) => now - t <= SECONDS_PER_YEAR;
  const executed = slashes.filter((x) => x.status === "executed");
  const executedRecent = executed.filter((x) => recent(x.time)).length;
  const pending = slashes.filter((x) => x.status === "pending").length;
  const vetoed = slashes.filter((x) => x.status === "vetoed").length;
  factors.push({
    key: "slashingHistory",
    name: "slashing history",
    weight: 15,
    score: clamp(100 - 35 * executedRecent - 10 * (executed.length - executedRecent) - 15 * pending - 5 * vetoed),
    value:
      slashes.length === 0
        ? "no slashes"
        : [
            executed.length ? `${executed.length} executed (${executedRecent} in the last year)` : "",
            pending ? `${pending} pending` : "",
            vetoed ? `${vetoed} vetoed` : "",
          ]
            .filter(Boolean)
            .join(", "),
    known: true,
  });
  if (pending > 0) warnings.push(`${pending} slash request(s) pending against its operators`);

  // Reward stability: the share of the next 180 days that funded programs cover, and how much the yearly budgets of
  // its programs vary (coefficient of variation).
  const programs = model.programs.filter((p) => p.program.service === src.id);
  if (programs.length === 0) {
    factors.push({
      key: "rewardStability",
      name: "reward stability",
      weight: 10,
      score: 0,
      value: "pays no rewards",
      known: false,
    });
  } else {
    const horizon = 180 * DAY;
    const covered = coveredSeconds(
      programs.map((p) => [p.program.startTime, p.program.startTime + p.program.duration]),
      now,
      now + horizon,
    );
    const rates = programs.map((p) => p.annualEth);
    const mean = rates.reduce((x, y) => x + y, 0) / rates.length;
    const sd = Math.sqrt(rates.reduce((sum, r) => sum + (r - mean) ** 2, 0) / rates.length);
    const cv = mean > 0 ? sd / mean : 1;
    const coverage = covered / horizon;
    factors.push({
      key: "rewardStability",
      name: "reward stability",
      weight: 10,
      score: 100 * (0.6 * coverage + 0.4 * (1 - Math.min(1, cv))),
      value: `${programs.length} program(s); next 180 days ${fmtPct(coverage, 0)} funded; budgets vary ${fmtPct(cv, 0)}`,
      known: true,
    });
    if (coverage < 0.5) warnings.push("its reward programs run out within 90 days unless renewed");
  }

  const score = weighted(factors);
  const fromSnapshot = facts.slashingProbability ? ratioToNumber(facts.slashingProbability) : undefined;
  const probability =
    override !== undefined
      ? { value: override, source: "override" as const }
      : fromSnapshot !== undefined
        ? { value: fromSnapshot, source: "snapshot" as const }
        : { value: slashProbabilityFromScore(score), source: "score" as const };
  const alpha = src.attackThreshold;
  const policy = src.slashing;
  const unknown = factors.filter((f) => !f.known).map((f) => f.name);
  if (unknown.length > 0) warnings.push(`not published: ${unknown.join(", ")} (each scores 0)`);
  if (src.assumed && src.assumed.length > 0) warnings.push(`assumed, not published: ${src.assumed.join(", ")}`);
  return {
    kind: "service",
    id: src.id,
    name: service.name,
    score,
    factors,
    facts: [
      ["category", src.category],
      ...(facts.description ? [["about", facts.description] as [string, string]] : []),
      ["profit from corruption π", fmtEth(pi)],
      ["attack threshold α", `${alpha.num}/${alpha.den} (${fmtPct(ratioToNumber(alpha))}) of its stake`],
      [
        "slashing",
        `${policy.vetoWindow ? `veto window ${Math.round(policy.vetoWindow / 3600)}h` : "instant"}, at most ${fmtPct(
          ratioToNumber(policy.maxSlash),
        )} of an allocation per slash${policy.burns === false ? ", to a recipient" : policy.burns ? ", burned" : ""}`,
      ],
      ...(facts.website ? [["website", facts.website] as [string, string]] : []),
    ],
    probability,
    warnings,
  };
}

/** Seconds of [from, to) covered by the union of `intervals`. */
function coveredSeconds(intervals: [number, number][], from: number, to: number): number {
  const clipped = intervals
    .map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = from;
  for (const [a, b] of clipped) {
    const start = Math.max(a, end);
    if (b > start) {
      total += b - start;
      end = b;
    }
  }
  return total;
}

/** The dossier of asset a. `override` is a yearly peg-shock probability given on the command line. */
export function assetDossier(model: InvestorModel, a: number, override?: number): Dossier {
  const asset = model.assets[a] as ModelAsset;
  const src = asset.source;
  const now = model.timestamp;
  const facts = src.facts ?? {};
  const baseFacts: [string, string][] = [
    ["kind", src.localStandIn ? `${src.kind} (local stand-in)` : src.kind],
    ["price", `${(Number(asset.priceEth) / 1e18).toFixed(6).replace(/\.?0+$/, "")} ETH per token`],
    ["base staking APR", `${fmtPct(asset.baseApr, 2)} (${asset.baseAprNote})`],
  ];
  if (src.kind === "ETH") {
    return {
      kind: "asset",
      id: src.id,
      name: asset.name,
      score: 100,
      factors: [
        {
          key: "eth",
          name: "ether",
          weight: 100,
          score: 100,
          value: "ETH (or WETH, 1:1): no provider, peg or redemption risk",
          known: true,
        },
      ],
      facts: baseFacts,
      probability: { value: 0, source: "none" },
      pegShock: 0,
      warnings: [],
    };
  }
  const factors: Factor[] = [];
  const launched = facts.launched;
  factors.push(
    facts.provider === undefined && launched === undefined
      ? { key: "provider", name: "provider", weight: 20, score: 0, value: "not published", known: false }
      : {
          key: "provider",
          name: "provider",
          weight: 20,
          score: launched === undefined ? 0 : clamp((100 * (now - launched)) / (3 * SECONDS_PER_YEAR)),
          value: `${facts.provider ?? "unnamed"}${launched === undefined ? "; track record unknown" : `, running since ${date(launched)}`}`,
          known: launched !== undefined,
        },
  );
  factors.push({ ...auditFactor(facts.audits, now, 20) });
  const share = facts.shareOfStakedEth ? ratioToNumber(facts.shareOfStakedEth) : undefined;
  factors.push(
    share === undefined
      ? {
          key: "shareOfStakedEth",
          name: "share of staked ETH",
          weight: 20,
          score: 0,
          value: "not published",
          known: false,
        }
      : {
          key: "shareOfStakedEth",
          name: "share of staked ETH",
          weight: 20,
          // Too small: thin liquidity; above a fifth: a systemic weight on Ethereum's consensus.
          score: share < 0.01 ? 50 + 5000 * share : share <= 0.22 ? 100 : clamp((100 * (0.5 - share)) / 0.28),
          value: fmtPct(share, 2),
          known: true,
        },
  );
  const peg = facts.pegDeviation ? ratioToNumber(facts.pegDeviation) : undefined;
  factors.push(
    peg === undefined
      ? { key: "pegDeviation", name: "peg deviation", weight: 20, score: 0, value: "not published", known: false }
      : {
          key: "pegDeviation",
          name: "peg deviation",
          weight: 20,
          score: clamp(100 * (1 - peg / 0.05)),
          value: `largest discount over a year ${fmtPct(peg, 2)}`,
          known: true,
        },
  );
  const redemption = facts.redemptionDays;
  factors.push(
    redemption === undefined
      ? { key: "redemptionTime", name: "redemption time", weight: 20, score: 0, value: "not published", known: false }
      : {
          key: "redemptionTime",
          name: "redemption time",
          weight: 20,
          score: clamp(100 * (1 - redemption / 30)),
          value: `${redemption} day(s) to redeem for ETH`,
          known: true,
        },
  );
  const score = weighted(factors);
  const warnings: string[] = [];
  const unknown = factors.filter((f) => !f.known).map((f) => f.name);
  if (unknown.length > 0) warnings.push(`not published: ${unknown.join(", ")} (each scores 0)`);
  if (src.localStandIn) warnings.push("a local test token standing in for a real LST: its facts are not real");
  const fromSnapshot = facts.depegProbability ? ratioToNumber(facts.depegProbability) : undefined;
  const probability =
    override !== undefined
      ? { value: override, source: "override" as const }
      : fromSnapshot !== undefined
        ? { value: fromSnapshot, source: "snapshot" as const }
        : { value: depegProbabilityFromScore(score), source: "score" as const };
  const pegShock = facts.pegShock
    ? ratioToNumber(facts.pegShock)
    : peg !== undefined
      ? Math.min(0.5, Math.max(0.02, 2 * peg))
      : 0.05;
  return {
    kind: "asset",
    id: src.id,
    name: asset.name,
    score,
    factors,
    facts: baseFacts,
    probability,
    pegShock,
    warnings,
  };
}

/** Yearly slashing probability per service: overrides (by service id), else the snapshot's, else from the score. */
export function slashProbabilities(model: InvestorModel, overrides: ReadonlyMap<string, number> = new Map()): number[] {
  return model.services.map(
    (service) => serviceDossier(model, service.index, overrides.get(service.id)).probability.value,
  );
}
