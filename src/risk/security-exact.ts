// Exact searches in bigint arithmetic: the cheapest operator set that corrupts a given set of services (a covering
// knapsack), the cost of corruption and Nakamoto coefficient of one service, and exhaustive enumeration of every
// attack of a small component. These are the ground truth the MILP answers are held to.
import { maxBig, minBig } from "./rational.ts";
import { knapsackCover } from "./security-bound.ts";
import { type Model, operatorLoss } from "./security-model.ts";
import type { Attack } from "./types.ts";

export interface Cover {
  operators: number[];
  loss: bigint;
  /** false when the node limit stopped the search: `loss` is then the best found, not proven least. */
  exact: boolean;
}

/**
 * The least loss at which a set of operators corrupts every service of `services` at once (for that fixed set of
 * services each operator's loss min(stake, Σ allocations to them) is fixed, so this is a covering knapsack).
 * Depth-first branch and bound: operators by decreasing coverage per unit of loss, include before exclude, pruned by
 * "cost + largest remaining deficit ≥ best" (an operator's loss is at least its allocation to any one of the
 * services) and by "the remaining operators cannot close a deficit". Returns null when no operator set corrupts them
 * (impossible for services whose backers all attack, kept for safety).
 */
export function minCover(model: Model, services: readonly number[], nodeLimit = 200_000): Cover | null {
  const k = services.length;
  const inA = new Uint8Array(model.m);
  const position = new Map<number, number>();
  services.forEach((s, j) => {
    inA[s] = 1;
    position.set(s, j);
  });
  const required = services.map((s) => model.required[s] as bigint);
  const candidates = new Set<number>();
  for (const s of services) for (const edge of model.svcEdges[s] ?? []) candidates.add(edge.operator);
  interface Item {
    operator: number;
    cost: bigint;
    contributions: bigint[];
    score: number;
  }
  const items: Item[] = [];
  for (const v of candidates) {
    const contributions = new Array<bigint>(k).fill(0n);
    for (const edge of model.opEdges[v] ?? []) {
      const j = position.get(edge.service);
      if (j !== undefined) contributions[j] = edge.amount;
    }
    const cost = operatorLoss(model, v, inA);
    let score = 0;
    contributions.forEach((a, j) => {
      const req = required[j] as bigint;
      if (req > 0n) score += Number(minBig(a, req)) / Number(req);
    });
    items.push({
      operator: v,
      cost,
      contributions,
      score: cost > 0n ? score / Number(cost) : Number.POSITIVE_INFINITY,
    });
  }
  items.sort((a, b) => b.score - a.score || a.operator - b.operator);
  const count = items.length;
  // suffix[i][j]: what items i.. can still add to service j.
  const suffix: bigint[][] = Array.from({ length: count + 1 }, () => new Array<bigint>(k).fill(0n));
  for (let i = count - 1; i >= 0; i--) {
    const row = suffix[i] as bigint[];
    const next = suffix[i + 1] as bigint[];
    const item = items[i] as Item;
    for (let j = 0; j < k; j++) row[j] = (next[j] as bigint) + (item.contributions[j] as bigint);
  }
  if (required.some((req, j) => (suffix[0]?.[j] as bigint) < req)) return null;
  let best: bigint | null = null;
  let bestSet: number[] = [];
  let nodes = 0;
  let aborted = false;
  const chosen: number[] = [];
  const dfs = (i: number, cost: bigint, deficits: bigint[]): void => {
    let largest = 0n;
    for (const d of deficits) if (d > largest) largest = d;
    if (largest <= 0n) {
      if (best === null || cost < best) {
        best = cost;
        bestSet = [...chosen];
      }
      return;
    }
    if (best !== null && cost + largest >= best) return;
    if (i >= count) return;
    if (++nodes > nodeLimit) {
      aborted = true;
      return;
    }
    const rest = suffix[i] as bigint[];
    for (let j = 0; j < k; j++) if ((deficits[j] as bigint) > (rest[j] as bigint)) return;
    const item = items[i] as Item;
    chosen.push(item.operator);
    dfs(
      i + 1,
      cost + item.cost,
      deficits.map((d, j) => d - (item.contributions[j] as bigint)),
    );
    chosen.pop();
    if (aborted) return;
    dfs(i + 1, cost, deficits);
  };
  dfs(0, 0n, [...required]);
  if (best === null) return null;
  return { operators: bestSet.sort((a, b) => a - b), loss: best, exact: !aborted };
}

export interface CostOfCorruption {
  value: bigint;
  lower: bigint;
  exact: boolean;
  operators: number[];
}

/**
 * Cost of corruption of service s alone: the least Σ allocation over operator sets whose allocations to s reach
 * ⌈α·backing⌉ (an operator attacking only s loses min(stake, alloc) = alloc). A min-sum-above-target subset sum:
 * greedy, then branch and bound within the node limit (exact when it finishes or when the greedy cover already
 * meets the lower bound ⌈α·backing⌉), otherwise the best found and that lower bound.
 */
export function costOfCorruption(model: Model, s: number, nodeLimit = 2_000): CostOfCorruption {
  const required = model.required[s] as bigint;
  if (required === 0n) return { value: 0n, lower: 0n, exact: true, operators: [] };
  const items = (model.svcEdges[s] ?? []).map((e) => ({ cost: e.amount, size: e.amount, id: e.operator }));
  const cover = knapsackCover(items, required, nodeLimit);
  if (!cover.best) throw new RangeError(`service #${s}: its backers cannot reach its threshold`); // required ≤ backing
  const lower = maxBig(cover.lower, required);
  return { value: cover.best.cost, lower, exact: cover.best.cost === lower, operators: cover.best.ids };
}

/** Fewest operators whose allocations to s reach ⌈α·backing⌉ (largest allocations first is optimal). */
export function nakamotoCoefficient(model: Model, s: number): number {
  const required = model.required[s] as bigint;
  const amounts = (model.svcEdges[s] ?? []).map((e) => e.amount).sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  let sum = 0n;
  let count = 0;
  while (sum < required && count < amounts.length) sum += amounts[count++] as bigint;
  return count;
}

export interface Enumeration {
  /** For every non-empty subset A of the services, its cheapest corrupting operator set. */
  attacks: Attack[];
  exact: boolean;
}

/** Every non-empty subset of `services` (at most ~2^16) with its cheapest cover. */
export function enumerateAttacks(model: Model, services: readonly number[], nodeLimit = 200_000): Enumeration {
  const k = services.length;
  if (k > 20) throw new RangeError(`enumerateAttacks: ${k} services is too many to enumerate`);
  const attacks: Attack[] = [];
  let exact = true;
  for (let mask = 1; mask < 1 << k; mask++) {
    const A = services.filter((_, j) => mask & (1 << j));
    const cover = minCover(model, A, nodeLimit);
    if (!cover) continue;
    exact &&= cover.exact;
    const profit = A.reduce((sum, s) => sum + (model.profit[s] as bigint), 0n);
    attacks.push({ services: A, operators: cover.operators, profit, loss: cover.loss });
  }
  return { attacks, exact };
}

/** The attack maximising λ·profit − loss, λ = num/den (null when every value is ≤ 0: the empty attack wins). */
export function bestByObjective(attacks: readonly Attack[], num: bigint, den: bigint): Attack | null {
  let best: Attack | null = null;
  let bestValue = 0n; // scaled by den
  for (const attack of attacks) {
    const value = num * attack.profit - den * attack.loss;
    if (value > bestValue) {
      best = attack;
      bestValue = value;
    }
  }
  return best;
}

/** The attack with the smallest loss/profit among those with a positive profit (null when none has one). */
export function bestByRatio(attacks: readonly Attack[]): Attack | null {
  let best: Attack | null = null;
  for (const attack of attacks) {
    if (attack.profit <= 0n) continue;
    if (!best || attack.loss * best.profit < best.loss * attack.profit) best = attack;
  }
  return best;
}
