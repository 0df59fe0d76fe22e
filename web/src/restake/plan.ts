// The Restake screen's pure parts: the /risk/plan answer as the app reads it, turning a plan or a hand-made split
// into whole base-unit amounts that add up exactly to what the user typed, and the preview's figures (new exposure
// per service, expected APR). No React or DOM here.

export interface PlanPoolService {
  service: string;
  serviceName: string;
  address: string | null;
  /** Share of the pool allocated to the service (what repeated slashes could take). */
  allocatedFraction: number;
  /** Largest share of an allocation one slash takes. */
  maxSlash: number;
  /** Yearly probability of a slash (from the dossier score unless published). */
  probability: number;
  rewardApr: number;
  commissionBps: number | null;
}

export interface PlanPool {
  operator: string;
  operatorName: string;
  stake: string;
  stakeEth: string;
  baseApr: number;
  rewardApr: number;
  totalApr: number;
  expectedLoss: number;
  netApr: number;
  services: PlanPoolService[];
  qualifies: boolean;
  excludedReason: string | null;
}

export interface PlanAnswer {
  asOf: { block: number; time: number };
  staker: string;
  asset: { id: string; address: string | null; decimals: number; priceEth: string };
  amount: string;
  budgetEth: string;
  limits: { maxPerOperator: number; maxPerService: number; minScore: number; maxPositions: number | null };
  positions: {
    operator: string;
    operatorName: string;
    asset: string;
    amount: string;
    valueEth: string;
    share: number;
    netApr: number;
  }[];
  pools: PlanPool[];
  plan: {
    apr: { base: number; rewards: number; total: number; plainStaking: number; expectedLoss: number; net: number };
    exposure: { worstEvent?: { name?: string; id: string; lossEth: string; description?: string } | null };
    warnings: string[];
  };
  naive: { apr: { net: number; total: number } };
  current: { valueEth: string; apr: { net: number; total: number } } | null;
  checks: { limit: string; value: number; max: number }[];
  notes: string[];
}

/** One deposit of the split: which operator, how many base units. */
export interface SplitLeg {
  operator: string;
  amount: bigint;
}

const SCALE = 1_000_000n;

/**
 * Splits `total` base units by `weights` (any non-negative numbers) into whole amounts that add up to `total`
 * exactly: each gets its floor, and what rounding leaves goes to the largest weight. Zero weights are dropped.
 */
export function splitByWeights(total: bigint, weights: readonly { operator: string; weight: number }[]): SplitLeg[] {
  const kept = weights.filter((w) => Number.isFinite(w.weight) && w.weight > 0);
  const sum = kept.reduce((s, w) => s + w.weight, 0);
  if (total <= 0n || kept.length === 0 || sum <= 0) return [];
  const legs = kept.map((w) => ({
    operator: w.operator,
    amount: (total * BigInt(Math.floor((w.weight / sum) * Number(SCALE)))) / SCALE,
  }));
  const placed = legs.reduce((s, l) => s + l.amount, 0n);
  let largest = 0;
  kept.forEach((w, i) => {
    if (w.weight > (kept[largest]?.weight ?? 0)) largest = i;
  });
  const leg = legs[largest];
  if (leg) leg.amount += total - placed;
  return legs.filter((l) => l.amount > 0n);
}

/** The plan's positions as weights (its shares), for splitByWeights. */
export function planWeights(plan: PlanAnswer | undefined): { operator: string; weight: number }[] {
  return (plan?.positions ?? [])
    .filter((p) => p.share >= 0.001)
    .map((p) => ({ operator: p.operator, weight: p.share }));
}

/** "12.5" (percent) → 12.5; anything else NaN. */
export function parsePercentText(text: string): number {
  const t = text.trim().replace(/%$/, "").trim();
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(t)) return Number.NaN;
  return Number(t);
}

/** Decimal text → base units, or undefined when it is not a positive-or-zero decimal with at most `decimals`. */
export function parseTokenAmount(text: string, decimals: number): bigint | undefined {
  const cleaned = text.trim().replace(/[,_\s]/g, "");
  const match = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || cleaned === "" || cleaned === ".") return undefined;
  const whole = match[1] || "0";
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > decimals) return undefined;
  return BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, "0") || "0");
}

/** ETH wei of `amount` base units at `priceEth` (wei per whole token). */
export function toEthWei(amount: bigint, decimals: number, priceEth: string | bigint): bigint {
  return (amount * BigInt(priceEth)) / 10n ** BigInt(decimals);
}

/** Base units × a float fraction, rounded down (exposures are shown, never overstated by rounding). */
export function timesFraction(amount: bigint, fraction: number): bigint {
  if (!(fraction > 0)) return 0n;
  return (amount * BigInt(Math.floor(fraction * 1e9))) / 1_000_000_000n;
}

export interface ExposureRow {
  service: string;
  serviceName: string;
  /** Base units of the asset this deposit adds to what the service can slash (in full, repeatedly). */
  allocated: bigint;
  /** What one slash at the service's cap would take of it. */
  atCap: bigint;
  probability: number;
}

/** New exposure per service from a split: each leg's amount × the share its operator allocated to the service. */
export function newExposure(legs: readonly SplitLeg[], pools: readonly PlanPool[]): ExposureRow[] {
  const byService = new Map<string, ExposureRow>();
  for (const leg of legs) {
    const pool = pools.find((p) => p.operator.toLowerCase() === leg.operator.toLowerCase());
    for (const s of pool?.services ?? []) {
      const allocated = timesFraction(leg.amount, s.allocatedFraction);
      const row = byService.get(s.service) ?? {
        service: s.service,
        serviceName: s.serviceName,
        allocated: 0n,
        atCap: 0n,
        probability: s.probability,
      };
      row.allocated += allocated;
      row.atCap += timesFraction(allocated, s.maxSlash);
      byService.set(s.service, row);
    }
  }
  return [...byService.values()].sort((a, b) => (b.allocated > a.allocated ? 1 : b.allocated < a.allocated ? -1 : 0));
}

/** Value-weighted APRs of a split (all legs are the same asset, so amounts weigh as values). */
export function splitApr(
  legs: readonly SplitLeg[],
  pools: readonly PlanPool[],
): { total: number; net: number; base: number; expectedLoss: number } | undefined {
  const total = legs.reduce((s, l) => s + l.amount, 0n);
  if (total === 0n) return undefined;
  let t = 0;
  let n = 0;
  let b = 0;
  let l = 0;
  for (const leg of legs) {
    const pool = pools.find((p) => p.operator.toLowerCase() === leg.operator.toLowerCase());
    if (!pool) return undefined;
    const w = Number((leg.amount * 1_000_000n) / total) / 1e6;
    t += w * pool.totalApr;
    n += w * pool.netApr;
    b += w * pool.baseApr;
    l += w * pool.expectedLoss;
  }
  return { total: t, net: n, base: b, expectedLoss: l };
}
