// Diversification plan (docs/risk-investor.md#the-plan): the split of an amount of ETH across (operator, asset) pools
// that maximises the expected net APR under the investor's limits: at most a share of the amount with any one
// operator, at most a share of the amount exposed to any one service, optionally per asset and a number of positions,
// and only pools whose asset and services score at least a minimum. A linear program (a MILP with --max-positions),
// solved by HiGHS; the result is checked against every limit in exact integer arithmetic before it is shown.
import highsModule, { type Highs } from "highs";
import { RampartError } from "../sdk/errors.ts";
import { assetDossier, serviceDossier, slashProbabilities } from "./dossier.ts";
import { type InvestorModel, poolRewardApr } from "./investor-model.ts";
import { analyzeHoldings, type Holding, type PositionReport } from "./position.ts";
import { unitsForEth, valueEth } from "./snapshot.ts";

const WAD = 10n ** 18n;

export interface PlanLimits {
  /** Largest share of the amount with one operator, WAD (1e18 = 100%). */
  maxPerOperator: bigint;
  /** Largest share of the amount allocated to one service, WAD. */
  maxPerService: bigint;
  /** Largest share of the amount in one asset, WAD. */
  maxPerAsset: bigint;
  /** Pools whose asset or any service they back scores below this are left out (0–100). */
  minScore: number;
  /** At most this many positions (makes the problem a MILP); undefined: no limit. */
  maxPositions: number | undefined;
  /** Asset ids allowed; undefined: all. */
  assets: string[] | undefined;
}

export const PLAN_DEFAULTS: PlanLimits = {
  maxPerOperator: WAD / 2n,
  maxPerService: WAD,
  maxPerAsset: WAD,
  minScore: 0,
  maxPositions: undefined,
  assets: undefined,
};

export interface PoolCandidate {
  operator: number;
  asset: number;
  /** base APR + rewards net of commission − expected slashing loss, a year. */
  netApr: number;
}

export interface PlanPosition {
  operator: string;
  operatorName: string;
  asset: string;
  decimals: number;
  amount: bigint;
  valueEth: bigint;
  /** Share of the budget. */
  share: number;
  netApr: number;
}

export interface PlanReport {
  budgetEth: bigint;
  limits: PlanLimits;
  positions: PlanPosition[];
  /** Risk and yield of the plan, of an even split over the eligible pools, and of the staker's current positions. */
  plan: PositionReport;
  naive: PositionReport;
  current: PositionReport | undefined;
  /** Pools left out, with why. */
  excluded: { operator: string; asset: string; reason: string }[];
  /** Each limit with the plan's figure: what the exact check verified. */
  checks: { limit: string; value: number; max: number }[];
  /** ETH wei of the budget not placed (rounding to base units). */
  unplacedWei: bigint;
  solver: { status: string; objective: number; variables: number; constraints: number; milp: boolean; ms: number };
  notes: string[];
}

export interface PlanOptions {
  slashProbabilities?: ReadonlyMap<string, number>;
  /** The staker's current holdings, shown next to the plan. */
  current?: Holding[];
}

// "highs" ships CommonJS typings with an ESM build: under NodeNext the default import is typed as the module object,
// while at run time it is the loader itself. Accept both shapes.
type HighsLoader = () => Promise<Highs>;
const highsLoader: HighsLoader =
  (highsModule as unknown as { default?: HighsLoader }).default ?? (highsModule as unknown as HighsLoader);
let highsInstance: Promise<Highs> | undefined;

/** Shares of the budget become wei at this resolution (2^52: a double's precision). */
const SHARE_SCALE = 2 ** 52;

/** Shares are scaled down by this much more than the solver's overshoot: a guard against float rounding. */
const SCALE_MARGIN = 1e-12;

/** Each limit's use by the shares, as a ratio of the limit (1 = exactly at it); the budget counts as one. */
function limitRatios(
  model: InvestorModel,
  candidates: PoolCandidate[],
  shares: number[],
  limits: PlanLimits,
): number[] {
  const ratios = [shares.reduce((sum, x) => sum + x, 0)];
  const sumBy = (key: (c: PoolCandidate) => number, weight: (c: PoolCandidate) => number = () => 1) => {
    const sums = new Map<number, number>();
    candidates.forEach((c, i) => {
      const w = weight(c);
      if (w > 0) sums.set(key(c), (sums.get(key(c)) ?? 0) + (shares[i] ?? 0) * w);
    });
    return [...sums.values()];
  };
  const ratio = (value: number, limit: bigint) => value / wadToNumber(limit);
  for (const v of sumBy((c) => c.operator)) ratios.push(ratio(v, limits.maxPerOperator));
  for (const v of sumBy((c) => c.asset)) ratios.push(ratio(v, limits.maxPerAsset));
  for (const s of model.services) {
    const v = candidates.reduce(
      (sum, c, i) => sum + (shares[i] ?? 0) * (model.frac[c.operator]?.[s.index]?.[c.asset] ?? 0),
      0,
    );
    if (v > 0) ratios.push(ratio(v, limits.maxPerService));
  }
  return ratios;
}

/** Net APR of every pool the investor may use, and the pools left out with their reason. */
export function candidatePools(
  model: InvestorModel,
  limits: PlanLimits,
  overrides?: ReadonlyMap<string, number>,
): { candidates: PoolCandidate[]; excluded: PlanReport["excluded"] } {
  const probabilities = slashProbabilities(model, overrides);
  const serviceScores = model.services.map((s) => serviceDossier(model, s.index).score);
  const assetScores = model.assets.map((a) => assetDossier(model, a.index).score);
  const candidates: PoolCandidate[] = [];
  const excluded: PlanReport["excluded"] = [];
  for (const operator of model.operators) {
    for (const asset of model.assets) {
      const o = operator.index;
      const a = asset.index;
      if ((operator.stake[a] ?? 0n) === 0n) continue;
      const skip = (reason: string) => excluded.push({ operator: operator.id, asset: asset.id, reason });
      if (limits.assets && !limits.assets.includes(asset.id)) {
        skip("asset not in --assets");
        continue;
      }
      if ((assetScores[a] ?? 0) < limits.minScore) {
        skip(`${asset.id} scores ${Math.round(assetScores[a] ?? 0)} < ${limits.minScore}`);
        continue;
      }
      const weak = model.services.filter(
        (s) => (model.frac[o]?.[s.index]?.[a] ?? 0) > 0 && (serviceScores[s.index] ?? 0) < limits.minScore,
      );
      if (weak.length > 0) {
        skip(`backs ${weak.map((s) => `${s.name} (score ${Math.round(serviceScores[s.index] ?? 0)})`).join(", ")}`);
        continue;
      }
      let expectedLoss = 0;
      for (const s of model.services) {
        expectedLoss += (probabilities[s.index] ?? 0) * (model.frac[o]?.[s.index]?.[a] ?? 0) * s.maxSlash;
      }
      candidates.push({ operator: o, asset: a, netApr: asset.baseApr + poolRewardApr(model, o, a) - expectedLoss });
    }
  }
  return { candidates, excluded };
}

const wadToNumber = (wad: bigint) => Number(wad) / 1e18;
const term = (coefficient: number, variable: string) =>
  `${coefficient < 0 ? "-" : "+"} ${Math.abs(coefficient).toPrecision(12)} ${variable}`;

/**
 * Proposes positions for `budgetEth` wei of ETH value under `limits`, next to an even split and (optionally) the
 * staker's current positions. Throws a RampartError when no plan meets the limits, saying which one binds.
 * @example
 * const report = await planPositions(model, 100n * 10n ** 18n, { ...PLAN_DEFAULTS, maxPerOperator: parsePercent("25%") });
 */
export async function planPositions(
  model: InvestorModel,
  budgetEth: bigint,
  limits: PlanLimits,
  options: PlanOptions = {},
): Promise<PlanReport> {
  if (budgetEth <= 0n)
    throw new RampartError("the amount to plan must be above 0", { hint: "e.g. rampart risk plan 10" });
  const { candidates, excluded } = candidatePools(model, limits, options.slashProbabilities);
  const maxOp = wadToNumber(limits.maxPerOperator);
  const maxSvc = wadToNumber(limits.maxPerService);
  const maxAsset = wadToNumber(limits.maxPerAsset);
  if (candidates.length === 0) {
    throw new RampartError(`no pool qualifies for the plan (${excluded.length} left out)`, {
      hint:
        excluded.length > 0
          ? `e.g. ${excluded[0]?.operator}/${excluded[0]?.asset}: ${excluded[0]?.reason}; lower --min-score or widen --assets`
          : "the snapshot has no pools with stake",
    });
  }
  // Variables x_i: the share of the budget in candidate i.
  const x = candidates.map((_, i) => `x${i}`);
  const rows: string[] = [` budget: ${candidates.map((_, i) => term(1, x[i] as string)).join(" ")} = 1`];
  const operators = [...new Set(candidates.map((c) => c.operator))];
  for (const o of operators) {
    const terms = candidates.flatMap((c, i) => (c.operator === o ? [term(1, x[i] as string)] : []));
    rows.push(` op${o}: ${terms.join(" ")} <= ${maxOp}`);
  }
  for (const s of model.services) {
    const terms = candidates.flatMap((c, i) => {
      const f = model.frac[c.operator]?.[s.index]?.[c.asset] ?? 0;
      return f > 0 ? [term(f, x[i] as string)] : [];
    });
    if (terms.length > 0) rows.push(` svc${s.index}: ${terms.join(" ")} <= ${maxSvc}`);
  }
  if (maxAsset < 1) {
    for (const a of new Set(candidates.map((c) => c.asset))) {
      const terms = candidates.flatMap((c, i) => (c.asset === a ? [term(1, x[i] as string)] : []));
      rows.push(` asset${a}: ${terms.join(" ")} <= ${maxAsset}`);
    }
  }
  const milp = limits.maxPositions !== undefined;
  const binaries: string[] = [];
  if (milp) {
    candidates.forEach((_, i) => {
      binaries.push(`z${i}`);
      rows.push(` link${i}: + 1 x${i} - 1 z${i} <= 0`);
    });
    rows.push(` count: ${binaries.map((z) => term(1, z)).join(" ")} <= ${limits.maxPositions}`);
  }
  const lp = [
    "Maximize",
    ` obj: ${candidates.map((c, i) => term(c.netApr, x[i] as string)).join(" ")}`,
    "Subject To",
    ...rows,
    "Bounds",
    ...x.map((v) => ` 0 <= ${v} <= 1`),
    ...(milp ? ["Binaries", ` ${binaries.join(" ")}`] : []),
    "End",
  ].join("\n");

  const started = performance.now();
  highsInstance ??= highsLoader();
  const highs = await highsInstance;
  const solution = highs.solve(lp, { output_flag: false, mip_rel_gap: 1e-9 } as Parameters<Highs["solve"]>[1]);
  const ms = performance.now() - started;
  if (solution.Status !== "Optimal") {
    throw infeasible(model, candidates, limits, solution.Status);
  }
  const raw = candidates.map((_, i) => Math.max(0, solution.Columns[x[i] as string]?.Primal ?? 0));
  // The solver works to a tolerance (about 1e-9): scale the shares down by the largest overshoot of any limit, so
  // that rounding down to base units lands inside every limit; the exact check below confirms it.
  const overshoot = Math.max(1, ...limitRatios(model, candidates, raw, limits));
  const shares = raw.map((share) => (share / overshoot) * (1 - SCALE_MARGIN));

  // To base units, rounding down: the limits hold against the whole budget, so rounding only leaves dust unplaced.
  const holdings: Holding[] = [];
  const positions: PlanPosition[] = [];
  candidates.forEach((c, i) => {
    const share = shares[i] ?? 0;
    if (share < 1e-9) return;
    const asset = model.assets[c.asset];
    const operator = model.operators[c.operator];
    if (!asset || !operator) return;
    const wei = (budgetEth * BigInt(Math.floor(share * SHARE_SCALE))) / BigInt(SHARE_SCALE);
    const units = unitsForEth(wei, asset);
    if (units === 0n) return;
    holdings.push({ operator: c.operator, asset: c.asset, amount: units });
    positions.push({
      operator: operator.id,
      operatorName: operator.name,
      asset: asset.id,
      decimals: asset.decimals,
      amount: units,
      valueEth: valueEth(units, asset),
      share,
      netApr: c.netApr,
    });
  });
  positions.sort((p, q) => Number(q.valueEth - p.valueEth));
  const analyze = { slashProbabilities: options.slashProbabilities };
  const plan = analyzeHoldings(model, holdings, analyze);
  const checks = verifyLimits(model, holdings, budgetEth, limits);

  // The even split over every qualifying pool, for comparison.
  const evenWei = budgetEth / BigInt(candidates.length);
  const naive = analyzeHoldings(
    model,
    candidates.map((c) => ({
      operator: c.operator,
      asset: c.asset,
      amount: unitsForEth(evenWei, model.assets[c.asset] as (typeof model.assets)[number]),
    })),
    analyze,
  );
  const current = options.current ? analyzeHoldings(model, options.current, analyze) : undefined;
  const notes: string[] = [];
  for (const p of positions) {
    const o = model.operatorIndex.get(p.operator) ?? -1;
    const a = model.assetIndex.get(p.asset) ?? -1;
    const pool = model.operators[o]?.stakeEth[a] ?? 0n;
    if (pool > 0n && p.valueEth * 10n > pool) {
      notes.push(
        `${p.operatorName}/${p.asset}: the plan adds over 10% to the pool, so its rewards per ETH would shrink; the APRs assume they do not`,
      );
    }
  }
  return {
    budgetEth,
    limits,
    positions,
    plan,
    naive,
    current,
    excluded,
    checks,
    unplacedWei: budgetEth - plan.valueEth,
    solver: {
      status: solution.Status,
      objective: solution.ObjectiveValue,
      variables: x.length + binaries.length,
      constraints: rows.length,
      milp,
      ms,
    },
    notes,
  };
}

/**
 * Checks the plan against every limit in integer arithmetic (shares of the budget, ETH wei) and returns the figures;
 * throws if one is broken, so that a wrong plan is never shown.
 */
export function verifyLimits(
  model: InvestorModel,
  holdings: Holding[],
  budgetEth: bigint,
  limits: PlanLimits,
): PlanReport["checks"] {
  const broken: string[] = [];
  const checks: PlanReport["checks"] = [];
  const check = (limit: string, amountWei: bigint, maxWad: bigint) => {
    checks.push({ limit, value: Number((amountWei * WAD) / budgetEth) / 1e18, max: wadToNumber(maxWad) });
    if (amountWei * WAD > maxWad * budgetEth) broken.push(limit);
  };
  const values = holdings.map((h) => valueEth(h.amount, model.assets[h.asset] as (typeof model.assets)[number]));
  const total = values.reduce((x, y) => x + y, 0n);
  if (total > budgetEth) broken.push("budget");
  for (const operator of model.operators) {
    const sum = holdings.reduce((acc, h, i) => acc + (h.operator === operator.index ? (values[i] ?? 0n) : 0n), 0n);
    if (sum > 0n) check(`operator ${operator.name}`, sum, limits.maxPerOperator);
  }
  for (const service of model.services) {
    const sum = holdings.reduce((acc, h, i) => {
      const stake = model.operators[h.operator]?.stake[h.asset] ?? 0n;
      const allocated = model.alloc[h.operator]?.[service.index]?.[h.asset] ?? 0n;
      return stake === 0n ? acc : acc + ((values[i] ?? 0n) * allocated) / stake;
    }, 0n);
    if (sum > 0n) check(`service ${service.name}`, sum, limits.maxPerService);
  }
  for (const asset of model.assets) {
    const sum = holdings.reduce((acc, h, i) => acc + (h.asset === asset.index ? (values[i] ?? 0n) : 0n), 0n);
    if (sum > 0n) check(`asset ${asset.id}`, sum, limits.maxPerAsset);
    if (sum > 0n && limits.assets && !limits.assets.includes(asset.id)) broken.push(`asset ${asset.id} not allowed`);
  }
  if (limits.maxPositions !== undefined && holdings.length > limits.maxPositions) broken.push("number of positions");
  if (broken.length > 0) {
    throw new RampartError(`the solver's plan breaks a limit (${broken.join(", ")}); it is not shown`, {
      hint: "this is a bug in the planner: report it with the snapshot and the flags used",
    });
  }
  return checks;
}

function infeasible(
  model: InvestorModel,
  candidates: PoolCandidate[],
  limits: PlanLimits,
  status: string,
): RampartError {
  const operators = new Set(candidates.map((c) => c.operator)).size;
  const assets = new Set(candidates.map((c) => c.asset)).size;
  const maxOp = wadToNumber(limits.maxPerOperator);
  const maxSvc = wadToNumber(limits.maxPerService);
  const maxAsset = wadToNumber(limits.maxPerAsset);
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  let hint: string;
  if (maxOp * operators < 1) {
    hint = `--max-per-operator ${pct(maxOp)} needs at least ${Math.ceil(1 / maxOp)} operators, and only ${operators} qualify; raise it or lower --min-score`;
  } else if (maxAsset * assets < 1) {
    hint = `--max-per-asset ${pct(maxAsset)} needs at least ${Math.ceil(1 / maxAsset)} assets, and only ${assets} qualify`;
  } else if (limits.maxPositions !== undefined && limits.maxPositions * maxOp < 1) {
    hint = `--max-positions ${limits.maxPositions} with --max-per-operator ${pct(maxOp)} cannot place everything`;
  } else {
    const leastExposed = Math.min(
      ...candidates.map((c) =>
        Math.max(0, ...model.services.map((s) => model.frac[c.operator]?.[s.index]?.[c.asset] ?? 0)),
      ),
    );
    hint =
      leastExposed > maxSvc
        ? `every qualifying pool allocates more than ${pct(maxSvc)} to some service; raise --max-per-service`
        : "the limits together leave no room; loosen --max-per-service or --max-per-operator";
  }
  return new RampartError(`no plan meets the limits (solver: ${status})`, { hint });
}
