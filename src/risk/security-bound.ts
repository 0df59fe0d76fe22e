// The stake-split bound: an exact, integrality-aware upper bound on what any attack can gain, used to prove security
// (and lower bounds on γ*) without floats, and to point the search at the services that can matter.
//
// Give every allocation (v, s) a price p_vs with 0 ≤ p_vs ≤ a_vs and Σ_s p_vs ≤ stake_v. For any attack (A, B),
//   loss(B) = Σ_{v∈B} min(stake_v, Σ_{s∈A} a_vs) ≥ Σ_{s∈A} Σ_{v∈B} p_vs ≥ Σ_{s∈A} K_s(p),
// where K_s(p) is the cheapest cover of s alone at those prices (a covering knapsack: costs p_vs, sizes a_vs, target
// ⌈α_s·backing_s⌉). Hence λ·π(A) − loss(B) ≤ Σ_{s∈A} (λ·π_s − K_s(p)) ≤ U(p) = Σ_s max(0, λ·π_s − K_s(p)). If U(p) ≤ 0
// no attack has a positive value; otherwise every attack with a positive value contains a "hot" service
// (λ·π_s > K_s(p)). EigenLayer's check is the special case p_vs = a_vs·π_s/(α_s·backing_s) with fractional covers.
// Prices are searched by multiplicative updates (raise the prices of hot services, lower those of cold ones);
// every bound reported is computed in bigint arithmetic for the prices actually used.
import { ceilDiv } from "./rational.ts";
import type { Model } from "./security-model.ts";
import type { SignedRational } from "./types.ts";

export interface Item {
  /** What choosing the item costs (a price or a loss). */
  cost: bigint;
  /** What it contributes to the target (an allocation). */
  size: bigint;
  id?: number;
}

/** a.cost/a.size < b.cost/b.size, exactly; ties: larger size first. */
const cheaper = (a: Item, b: Item): number => {
  const x = a.cost * b.size;
  const y = b.cost * a.size;
  return x < y ? -1 : x > y ? 1 : a.size > b.size ? -1 : a.size < b.size ? 1 : 0;
};

/**
 * Items by increasing cost per size, exactly: a float sort (fast), then an insertion pass with exact comparisons that
 * repairs the rare near-ties floats misorder (the fractional bound is only valid in exact order).
 */
function sortByRatio(items: Item[]): Item[] {
  const keyed = items.map((item) => ({ item, key: Number(item.cost) / Number(item.size), size: Number(item.size) }));
  keyed.sort((a, b) => a.key - b.key || b.size - a.size);
  const sorted = keyed.map((k) => k.item);
  for (let i = 1; i < sorted.length; i++) {
    const current = sorted[i] as Item;
    let j = i - 1;
    while (j >= 0 && cheaper(sorted[j] as Item, current) > 0) {
      sorted[j + 1] = sorted[j] as Item;
      j--;
    }
    sorted[j + 1] = current;
  }
  return sorted;
}

export interface CoverResult {
  /** A proven lower bound on the cheapest cover (equal to `best.cost` when exact). */
  lower: bigint;
  /** The cheapest cover found (null when the items cannot reach the target). */
  best: { cost: bigint; ids: number[] } | null;
  exact: boolean;
}

/**
 * The cheapest subset of items whose sizes reach `target` (a covering knapsack). Greedy by cost per size gives the
 * first cover (then items it does not need are dropped); branch and bound with the fractional (LP) bound improves it,
 * exactly when it finishes within `nodeLimit` nodes. The lower bound is the LP bound, rounded down, unless the search
 * finished. When `stopAt` is given and the LP bound already reaches it, nothing more is done (the caller only needs
 * to know the cover costs at least that much).
 */
export function knapsackCover(
  items: readonly Item[],
  target: bigint,
  nodeLimit: number,
  stopAt?: bigint,
  maxItemsForSearch = 400,
): CoverResult {
  if (target <= 0n) return { lower: 0n, best: { cost: 0n, ids: [] }, exact: true };
  const sorted = sortByRatio(items.filter((i) => i.size > 0n));
  const n = sorted.length;
  const suffixSize = new Array<bigint>(n + 1).fill(0n);
  for (let i = n - 1; i >= 0; i--) suffixSize[i] = (suffixSize[i + 1] as bigint) + (sorted[i] as Item).size;
  if ((suffixSize[0] as bigint) < target) return { lower: 0n, best: null, exact: true };
  // Costs equal to sizes (a cost of corruption): the fractional bound is the deficit itself.
  const unit = sorted.every((item) => item.cost === item.size);
  // Fractional bound from index i with `deficit` left (rounded down); null when unreachable.
  const fractional = (from: number, deficit: bigint): bigint | null => {
    if ((suffixSize[from] as bigint) < deficit) return null;
    if (unit) return deficit;
    let cost = 0n;
    for (let i = from; i < n && deficit > 0n; i++) {
      const item = sorted[i] as Item;
      if (item.size <= deficit) {
        cost += item.cost;
        deficit -= item.size;
      } else {
        cost += (item.cost * deficit) / item.size;
        deficit = 0n;
      }
    }
    return cost;
  };
  const root = fractional(0, target) as bigint;
  // Greedy cover, then drop what it does not need (most expensive first).
  const chosen: number[] = [];
  let covered = 0n;
  for (let i = 0; i < n && covered < target; i++) {
    chosen.push(i);
    covered += (sorted[i] as Item).size;
  }
  for (const i of [...chosen].sort((x, y) => cheaper(sorted[y] as Item, sorted[x] as Item))) {
    const item = sorted[i] as Item;
    if (covered - item.size >= target) {
      covered -= item.size;
      chosen.splice(chosen.indexOf(i), 1);
    }
  }
  let bestCost = chosen.reduce((sum, i) => sum + (sorted[i] as Item).cost, 0n);
  let bestSet = [...chosen];
  const idsOf = (set: number[]): number[] => set.map((i) => (sorted[i] as Item).id ?? i).sort((a, b) => a - b);
  if (bestCost === root || (stopAt !== undefined && root >= stopAt) || n > maxItemsForSearch) {
    return { lower: root, best: { cost: bestCost, ids: idsOf(bestSet) }, exact: bestCost === root };
  }
  let nodes = 0;
  let aborted = false;
  const path: number[] = [];
  const dfs = (i: number, cost: bigint, deficit: bigint): void => {
    if (deficit <= 0n) {
      if (cost < bestCost) {
        bestCost = cost;
        bestSet = [...path];
      }
      return;
    }
    if (i >= n || aborted) return;
    if (++nodes > nodeLimit) {
      aborted = true;
      return;
    }
    const bound = fractional(i, deficit);
    if (bound === null || cost + bound >= bestCost) return;
    const item = sorted[i] as Item;
    path.push(i);
    dfs(i + 1, cost + item.cost, deficit - item.size);
    path.pop();
    dfs(i + 1, cost, deficit);
  };
  dfs(0, 0n, target);
  const best = { cost: bestCost, ids: idsOf(bestSet) };
  return aborted ? { lower: root, best, exact: false } : { lower: bestCost, best, exact: true };
}

/** Services with at most this many backers are steered by their integer cheapest cover. */
const SMALL_COVER = 24;

/** The cheapest integer cover in floats by branch and bound (edges already sorted by price per size). */
function floatCover(
  sorted: readonly number[],
  price: readonly number[],
  size: readonly number[],
  target: number,
): { cost: number; edges: number[] } | null {
  const n = sorted.length;
  const suffix = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) suffix[i] = (suffix[i + 1] as number) + (size[sorted[i] as number] as number);
  if ((suffix[0] as number) < target * (1 - 1e-12)) return null;
  let bestCost = Number.POSITIVE_INFINITY;
  let bestSet: number[] = [];
  const path: number[] = [];
  let nodes = 0;
  const dfs = (i: number, cost: number, deficit: number): void => {
    if (deficit <= target * 1e-12) {
      if (cost < bestCost) {
        bestCost = cost;
        bestSet = [...path];
      }
      return;
    }
    if (i >= n || ++nodes > 500 || (suffix[i] as number) < deficit) return;
    // Fractional bound from i.
    let bound = cost;
    let left = deficit;
    for (let t = i; t < n && left > 0; t++) {
      const e = sorted[t] as number;
      const take = Math.min(1, left / (size[e] as number));
      bound += take * (price[e] as number);
      left -= take * (size[e] as number);
    }
    if (bound >= bestCost) return;
    const e = sorted[i] as number;
    path.push(e);
    dfs(i + 1, cost + (price[e] as number), deficit - (size[e] as number));
    path.pop();
    dfs(i + 1, cost, deficit);
  };
  dfs(0, 0, target);
  return Number.isFinite(bestCost) ? { cost: bestCost, edges: bestSet } : null;
}

export interface SplitBound {
  /** U(p)·λ.den: an upper bound on λ.den·(λ·π(A) − loss(B)) over all attacks (exact). */
  boundScaled: bigint;
  /** Services with λ·π_s > K_s(p) at the prices used, by decreasing excess. */
  hot: number[];
  /** Per service (index into `services`), a lower bound on K_s at those prices (exact). */
  covers: bigint[];
  /** Subgradient rounds run. */
  rounds: number;
}

export interface SplitOptions {
  /** Most subgradient rounds (default 200). */
  iterations?: number;
  /** Stop improving at this performance.now() time. */
  deadline?: number;
  /** Branch-and-bound nodes per exact cover (default 2,000; only covers with at most 64 backers are searched). */
  nodeLimit?: number;
  /** Compute each K_s up to λ·π_s + this (default 0): larger values sharpen the per-service bounds for filtering. */
  coverSlack?: bigint;
}

/**
 * The best stake-split bound found for max λ·π(A) − loss(B) over attacks on `services` (all with π > 0). When
 * `boundScaled` ≤ 0, no attack has a positive value: for λ = 1 the network (restricted to these services) is secure;
 * for λ = ratio, every attack has loss/profit ≥ λ.
 *
 * Prices are optimised in floats by projected subgradient steps on U (raise the prices of the edges in the cheapest
 * covers of hot services, project every operator back onto 0 ≤ p ≤ a, Σ p ≤ stake, Polyak step sizes); the bound
 * returned is then recomputed exactly in bigint for the best prices, rounded down onto the feasible set.
 */
export function stakeSplitBound(
  model: Model,
  services: readonly number[],
  lambda: SignedRational,
  options: SplitOptions = {},
): SplitBound {
  const iterations = options.iterations ?? 200;
  const nodeLimit = options.nodeLimit ?? 2_000;
  const k = services.length;
  const index = new Map<number, number>();
  for (const [j, s] of services.entries()) index.set(s, j);
  const lam = Number(lambda.num) / Number(lambda.den);
  // Flat edge arrays: edge e is (opOf[e], serviceOf[e]) with allocation a[e].
  const serviceEdges: number[][] = Array.from({ length: k }, () => []);
  const opEdges = new Map<number, number[]>();
  const aBig: bigint[] = [];
  const a: number[] = [];
  const opOf: number[] = [];
  services.forEach((s, j) => {
    for (const edge of model.svcEdges[s] ?? []) {
      const e = aBig.length;
      aBig.push(edge.amount);
      a.push(Number(edge.amount));
      opOf.push(edge.operator);
      (serviceEdges[j] as number[]).push(e);
      let list = opEdges.get(edge.operator);
      if (!list) {
        list = [];
        opEdges.set(edge.operator, list);
      }
      list.push(e);
    }
  });
  const need = services.map((s) => lam * Number(model.profit[s]) * (1 + 1e-9));
  const req = services.map((s) => Number(model.required[s]));
  const ops = [...opEdges.entries()].map(([v, edges]) => {
    const total = edges.reduce((sum, e) => sum + (aBig[e] as bigint), 0n);
    return { v, edges, stake: Number(model.stake[v]), fixed: total <= (model.stake[v] as bigint) };
  });
  const price = a.slice();
  // Start: every operator splits its stake by its services' demand per unit (EigenLayer's prices, capped).
  const demand = services.map((_, j) => ((req[j] as number) > 0 ? (need[j] as number) / (req[j] as number) : 1));
  const serviceOfEdge = new Array<number>(a.length);
  serviceEdges.forEach((edges, j) => {
    for (const e of edges) serviceOfEdge[e] = j;
  });
  const project = (edges: number[], stake: number): void => {
    let sum = 0;
    for (const e of edges) {
      const clipped = Math.min(a[e] as number, Math.max(0, price[e] as number));
      price[e] = clipped;
      sum += clipped;
    }
    if (sum <= stake) return;
    // Find τ with Σ clip(p − τ) = stake by bisection.
    let lo = 0;
    let hi = Math.max(...edges.map((e) => price[e] as number));
    for (let it = 0; it < 60; it++) {
      const mid = (lo + hi) / 2;
      let total = 0;
      for (const e of edges) total += Math.max(0, (price[e] as number) - mid);
      if (total > stake) lo = mid;
      else hi = mid;
    }
    for (const e of edges) price[e] = Math.max(0, (price[e] as number) - hi);
  };
  // Proportional water-filling: p_e = min(a_e, θ·w_e·a_e) with Σ p_e = stake (edges saturate by decreasing weight).
  for (const op of ops) {
    if (op.fixed) continue;
    const w = (e: number): number => demand[serviceOfEdge[e] as number] as number;
    const order = [...op.edges].sort((x, y) => w(y) - w(x));
    let saturated = 0;
    let rest = order.reduce((sum, e) => sum + w(e) * (a[e] as number), 0);
    let theta = Number.POSITIVE_INFINITY;
    for (const e of order) {
      const candidate = (op.stake - saturated) / rest;
      if (candidate * w(e) < 1) {
        theta = candidate;
        break;
      }
      saturated += a[e] as number;
      rest -= w(e) * (a[e] as number);
    }
    for (const e of op.edges) price[e] = Math.min(a[e] as number, theta * w(e) * (a[e] as number));
    project(op.edges, op.stake);
  }
  // Float evaluation: per service the fractional cheapest cover, its cost, and the fraction of each edge used.
  const fraction = new Array<number>(a.length).fill(0);
  const evaluate = (): { bound: number; gradient: number } => {
    let bound = 0;
    let norm = 0;
    fraction.fill(0);
    serviceEdges.forEach((edges, j) => {
      const sorted = [...edges].sort(
        (x, y) => (price[x] as number) / (a[x] as number) - (price[y] as number) / (a[y] as number),
      );
      let deficit = req[j] as number;
      let cost = 0;
      let used: [number, number][] = [];
      for (const e of sorted) {
        if (deficit <= 0) break;
        const take = Math.min(1, deficit / (a[e] as number));
        cost += take * (price[e] as number);
        deficit -= take * (a[e] as number);
        used.push([e, take]);
      }
      // Few backers: the integer cover is what the exact bound will see, so steer by it.
      if (sorted.length <= SMALL_COVER && (need[j] as number) > cost) {
        const integer = floatCover(sorted, price, a, req[j] as number);
        if (integer) {
          cost = integer.cost;
          used = integer.edges.map((e) => [e, 1]);
        }
      }
      const gap = (need[j] as number) - cost;
      if (gap > 0) {
        bound += gap;
        for (const [e, take] of used) {
          fraction[e] = (fraction[e] as number) + take;
          norm += take * take;
        }
      }
    });
    return { bound, gradient: norm };
  };
  // Exact evaluation of a price vector: round down, make sure no operator's prices exceed its stake, then exact covers.
  const slack = options.coverSlack ?? 0n;
  const exactBound = (floatPrices: number[]): Omit<SplitBound, "rounds"> => {
    const exact: bigint[] = floatPrices.map((p, e) => {
      const value = BigInt(Math.max(0, Math.floor(p)));
      return value > (aBig[e] as bigint) ? (aBig[e] as bigint) : value;
    });
    for (const op of ops) {
      if (op.fixed) {
        for (const e of op.edges) exact[e] = aBig[e] as bigint;
        continue;
      }
      let excess = op.edges.reduce((sum, e) => sum + (exact[e] as bigint), 0n) - (model.stake[op.v] as bigint);
      for (const e of op.edges) {
        if (excess <= 0n) break;
        const cut = (exact[e] as bigint) < excess ? (exact[e] as bigint) : excess;
        exact[e] = (exact[e] as bigint) - cut;
        excess -= cut;
      }
    }
    let boundScaled = 0n;
    const excessOf: { s: number; value: bigint }[] = [];
    const covers = services.map((s, j) => {
      const items: Item[] = (serviceEdges[j] as number[]).map((e) => ({
        cost: exact[e] as bigint,
        size: aBig[e] as bigint,
      }));
      const stopAt = ceilDiv(lambda.num * (model.profit[s] as bigint), lambda.den) + slack;
      const cover = knapsackCover(items, model.required[s] as bigint, nodeLimit, stopAt, 64).lower;
      const value = lambda.num * (model.profit[s] as bigint) - lambda.den * cover;
      if (value > 0n) {
        boundScaled += value;
        excessOf.push({ s, value });
      }
      return cover;
    });
    const hot = excessOf.sort((x, y) => (x.value > y.value ? -1 : x.value < y.value ? 1 : x.s - y.s)).map((e) => e.s);
    return { boundScaled, hot, covers };
  };
  let bestExact = exactBound(price);
  let best = price.slice();
  let bestBound = Number.POSITIVE_INFINITY;
  let step = 1;
  let stall = 0;
  let rounds = 0;
  for (; rounds < iterations && bestExact.boundScaled > 0n; rounds++) {
    if (rounds > 0 && rounds % 25 === 0) {
      const now = exactBound(best);
      if (now.boundScaled < bestExact.boundScaled) bestExact = now;
      if (bestExact.boundScaled <= 0n) break;
    }
    const { bound, gradient } = evaluate();
    if (bound < bestBound * (1 - 1e-6)) {
      bestBound = bound;
      best = price.slice();
      stall = 0;
    } else if (++stall >= 8) {
      step /= 2;
      stall = 0;
      price.splice(0, price.length, ...best);
      if (step < 1e-4) break;
      continue;
    }
    if (bound <= 0 || gradient === 0) break;
    if (options.deadline !== undefined && performance.now() > options.deadline) break;
    if (ops.every((op) => op.fixed)) break;
    const eta = (step * bound) / gradient;
    for (const op of ops) {
      if (op.fixed) continue;
      let moved = false;
      for (const e of op.edges) {
        const g = fraction[e] as number;
        if (g > 0) {
          price[e] = (price[e] as number) + eta * g;
          moved = true;
        }
      }
      if (moved) project(op.edges, op.stake);
    }
  }
  if (bestExact.boundScaled > 0n && rounds > 0) {
    const last = exactBound(best);
    if (last.boundScaled < bestExact.boundScaled) bestExact = last;
  }
  return { ...bestExact, rounds };
}
