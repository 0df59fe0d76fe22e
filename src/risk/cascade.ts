// Cascades (Durvasula–Roughgarden): a shock removes whole operators holding at most ψ of all stake, then profitable
// attacks follow one another on what is left. Each attack (A, B) costs every operator of B its loss
// min(stake, Σ_{s∈A} alloc), "full" allocations follow the reduced stake and other allocations are capped at it,
// and the corrupted services A leave the network: their profit has been taken, so they cannot be attacked again.
// R_ψ is the largest total loss (shock included) over shocks and attack sequences, as a fraction of all stake.
//
// Small networks: exact, by exhaustive search over every shock and every sequence of profitable attacks (memoised on
// the network's state). Larger ones: a lower bound — a fixed family of candidate shocks (built from the network only,
// never from ψ, so that R_ψ cannot decrease as ψ grows), each followed by a greedy sequence of profitable attacks
// (found and exactly verified as in the decision), each padded with every extra operator it can still afford to burn.
import { RampartError } from "../sdk/errors.ts";
import { rational } from "./rational.ts";
import { cheapCheck, findAttack } from "./security-analysis.ts";
import { costOfCorruption } from "./security-exact.ts";
import { deriveModel, type Model, operatorLoss } from "./security-model.ts";
import type { Attack, CascadeReport, SignedRational } from "./types.ts";

export interface CascadeOptions {
  /** Wall-clock budget (default 60 s). */
  timeLimitSeconds?: number;
  /**
   * "auto" (default): exhaustive search when the network has at most 8 operators with stake and 5 services, the
   * heuristic otherwise. "enumeration" forces the exhaustive search (throws for larger networks); "heuristic" forces
   * the lower bound.
   */
  method?: "auto" | "enumeration" | "heuristic";
}

const EXACT_MAX_OPERATORS = 8;
const EXACT_MAX_SERVICES = 5;
/** Prefix lengths tried along each ordering of operators in the heuristic's shock family. */
const PREFIX_LENGTHS = [1, 2, 3, 4, 5, 6, 8, 12, 16, 24, 32];
/** Services whose honest backers the heuristic tries removing (the most attractive to corrupt). */
const TARGET_SERVICES = 5;

interface Outcome {
  /** Loss of the attacks (the shock not included). */
  loss: bigint;
  rounds: Attack[];
}

class Timeout extends Error {}

/** The state after an attack: losers lose, corrupted services leave. */
function applyAttack(model: Model, stake: bigint[], active: boolean[], attack: Attack): [bigint[], boolean[]] {
  const inA = new Uint8Array(model.m);
  for (const s of attack.services) inA[s] = 1;
  const nextStake = [...stake];
  for (const v of attack.operators) nextStake[v] = (stake[v] as bigint) - operatorLoss(model, v, inA);
  const nextActive = [...active];
  for (const s of attack.services) nextActive[s] = false;
  return [nextStake, nextActive];
}

/** Exhaustive worst-case sequence of profitable attacks from a state, memoised on (stakes, active services). */
class ExactSearch {
  private readonly memo = new Map<string, Outcome>();

  constructor(
    private readonly base: Model,
    private readonly deadline: number,
  ) {}

  worst(stake: bigint[], active: boolean[]): Outcome {
    const key = `${stake.join(",")}|${active.map((a) => (a ? 1 : 0)).join("")}`;
    const cached = this.memo.get(key);
    if (cached) return cached;
    if (performance.now() > this.deadline) throw new Timeout();
    const model = deriveModel(this.base, stake, active);
    let best: Outcome = { loss: 0n, rounds: [] };
    const services = active.flatMap((a, s) => (a ? [s] : []));
    for (let mask = 1; mask < 1 << services.length; mask++) {
      const A = services.filter((_, j) => mask & (1 << j));
      const profit = A.reduce((sum, s) => sum + (model.profit[s] as bigint), 0n);
      if (profit === 0n) continue;
      const inA = new Uint8Array(model.m);
      for (const s of A) inA[s] = 1;
      const backers = [...new Set(A.flatMap((s) => (model.svcEdges[s] ?? []).map((e) => e.operator)))].sort(
        (a, b) => a - b,
      );
      const losses = backers.map((v) => operatorLoss(model, v, inA));
      const contributions = backers.map((v) =>
        A.map((s) => (model.opEdges[v] ?? []).find((e) => e.service === s)?.amount ?? 0n),
      );
      for (let bmask = 0; bmask < 1 << backers.length; bmask++) {
        let loss = 0n;
        const covered = A.map(() => 0n);
        for (let i = 0; i < backers.length; i++) {
          if (!(bmask & (1 << i))) continue;
          loss += losses[i] as bigint;
          const row = contributions[i] as bigint[];
          for (let j = 0; j < A.length; j++) covered[j] = (covered[j] as bigint) + (row[j] as bigint);
        }
        if (loss >= profit) continue;
        if (!A.every((s, j) => (covered[j] as bigint) >= (model.required[s] as bigint))) continue;
        const attack: Attack = {
          services: A,
          operators: backers.filter((_, i) => bmask & (1 << i)),
          profit,
          loss,
        };
        const [nextStake, nextActive] = applyAttack(model, stake, active, attack);
        const rest = this.worst(nextStake, nextActive);
        if (loss + rest.loss > best.loss) best = { loss: loss + rest.loss, rounds: [attack, ...rest.rounds] };
      }
    }
    this.memo.set(key, best);
    return best;
  }
}

/**
 * Greedy cascade: each round, a profitable attack the fast search finds (single services, grown coalitions; exactly
 * verified), padded with every operator it can still afford to burn; it stops when the search finds none.
 */
async function greedyCascade(base: Model, stake0: bigint[], deadline: number): Promise<Outcome> {
  let stake = stake0;
  let active = [...base.active];
  const rounds: Attack[] = [];
  let total = 0n;
  while (performance.now() < deadline) {
    const model = deriveModel(base, stake, active);
    const { attack } = await findAttack(model, { deadline, mode: "heuristic" });
    if (!attack || attack.services.length === 0) break;
    const padded = pad(model, attack);
    [stake, active] = applyAttack(model, stake, active, padded);
    rounds.push(padded);
    total += padded.loss;
  }
  return { loss: total, rounds };
}

/** Adds operators backing A, largest loss first, while the attack stays profitable: a worse but still real attack. */
function pad(model: Model, attack: Attack): Attack {
  const inA = new Uint8Array(model.m);
  for (const s of attack.services) inA[s] = 1;
  const inB = new Set(attack.operators);
  const extra = [...new Set(attack.services.flatMap((s) => (model.svcEdges[s] ?? []).map((e) => e.operator)))]
    .filter((v) => !inB.has(v))
    .map((v) => ({ v, loss: operatorLoss(model, v, inA) }))
    .sort((a, b) => (a.loss > b.loss ? -1 : a.loss < b.loss ? 1 : a.v - b.v));
  let loss = attack.loss;
  const operators = [...attack.operators];
  for (const { v, loss: lv } of extra) {
    if (loss + lv < attack.profit) {
      loss += lv;
      operators.push(v);
    }
  }
  return { services: attack.services, operators: operators.sort((a, b) => a - b), profit: attack.profit, loss };
}

/** Candidate shocks built from the network alone (never from ψ): prefixes of a few orderings of the operators. */
function shockFamily(model: Model): number[][] {
  const withStake = model.stake.flatMap((x, v) => (x > 0n ? [v] : []));
  const byStake = [...withStake].sort((a, b) => {
    const d = (model.stake[b] as bigint) - (model.stake[a] as bigint);
    return d > 0n ? 1 : d < 0n ? -1 : a - b;
  });
  const check = cheapCheck(model);
  const loaded = withStake
    .filter((v) => (check.operators[v]?.effectiveLoad?.num ?? 0n) > 0n)
    .sort((a, b) => {
      const x = check.operators[a]?.effectiveLoad as SignedRational;
      const y = check.operators[b]?.effectiveLoad as SignedRational;
      const d = y.num * x.den - x.num * y.den;
      return d > 0n ? 1 : d < 0n ? -1 : a - b;
    });
  const orderings: number[][] = [byStake, [...byStake].reverse(), loaded, [...loaded].reverse()];
  // For the services cheapest to corrupt relative to their profit: their backers, those that put the largest share of
  // their stake behind the service first (removing a backer lowers the bar by α·allocation, at a shock cost of its
  // stake), then honest backers (not in the cheapest corrupting set) by decreasing allocation.
  const targets = model.profit
    .flatMap((p, s) => (p > 0n && model.active[s] ? [s] : []))
    .map((s) => ({ s, coc: costOfCorruption(model, s, 5_000) }))
    .sort((a, b) => {
      const x = a.coc.value * (model.profit[b.s] as bigint);
      const y = b.coc.value * (model.profit[a.s] as bigint);
      return x < y ? -1 : x > y ? 1 : a.s - b.s;
    })
    .slice(0, TARGET_SERVICES);
  for (const { s, coc } of targets) {
    const attackers = new Set(coc.operators);
    orderings.push(
      [...(model.svcEdges[s] ?? [])]
        .sort((a, b) => {
          const x = a.amount * (model.stake[b.operator] as bigint);
          const y = b.amount * (model.stake[a.operator] as bigint);
          if (x !== y) return x > y ? -1 : 1;
          const d = (model.stake[a.operator] as bigint) - (model.stake[b.operator] as bigint);
          return d < 0n ? -1 : d > 0n ? 1 : a.operator - b.operator;
        })
        .map((e) => e.operator),
    );
    orderings.push(
      (model.svcEdges[s] ?? [])
        .filter((e) => !attackers.has(e.operator))
        .sort((a, b) => (a.amount > b.amount ? -1 : a.amount < b.amount ? 1 : a.operator - b.operator))
        .map((e) => e.operator),
    );
  }
  const family = new Map<string, number[]>([["", []]]);
  for (const order of orderings) {
    for (const length of PREFIX_LENGTHS) {
      if (length > order.length) break;
      const set = order.slice(0, length).sort((a, b) => a - b);
      family.set(set.join(","), set);
    }
  }
  return [...family.values()];
}

const stakeOf = (model: Model, operators: readonly number[]): bigint =>
  operators.reduce((sum, v) => sum + (model.stake[v] as bigint), 0n);

/** R_ψ for a built model; ψ already validated to lie in [0, 1]. */
export async function analyzeCascadeModel(
  model: Model,
  psi: SignedRational,
  options: CascadeOptions = {},
): Promise<CascadeReport> {
  const deadline = performance.now() + (options.timeLimitSeconds ?? 60) * 1000;
  const total = model.totalStake;
  const withStake = model.stake.flatMap((x, v) => (x > 0n ? [v] : []));
  const fits = (shock: bigint): boolean => shock * psi.den <= psi.num * total;
  const small = withStake.length <= EXACT_MAX_OPERATORS && model.m <= EXACT_MAX_SERVICES;
  const method = options.method ?? "auto";
  if (method === "enumeration" && !small) {
    throw new RampartError(
      `the exhaustive cascade search handles at most ${EXACT_MAX_OPERATORS} operators with stake and ${EXACT_MAX_SERVICES} services`,
      { hint: 'use method "auto" or "heuristic"' },
    );
  }
  let bestShock: number[] = [];
  let best: Outcome = { loss: 0n, rounds: [] };
  let bestTotal = -1n;
  let candidates = 0;
  let exact = false;
  const consider = (shock: number[], outcome: Outcome): void => {
    const sum = stakeOf(model, shock) + outcome.loss;
    if (sum > bestTotal) {
      bestTotal = sum;
      bestShock = shock;
      best = outcome;
    }
  };
  if (small && method !== "heuristic") {
    const search = new ExactSearch(model, deadline);
    try {
      for (let mask = 0; mask < 1 << withStake.length; mask++) {
        const shock = withStake.filter((_, i) => mask & (1 << i));
        if (!fits(stakeOf(model, shock))) continue;
        const stake = [...model.stake];
        for (const v of shock) stake[v] = 0n;
        candidates++;
        consider(shock, search.worst(stake, [...model.active]));
      }
      exact = true;
    } catch (error) {
      if (!(error instanceof Timeout)) throw error;
    }
  }
  if (!exact) {
    for (const shock of shockFamily(model)) {
      if (!fits(stakeOf(model, shock))) continue;
      if (performance.now() > deadline) break;
      const stake = [...model.stake];
      for (const v of shock) stake[v] = 0n;
      candidates++;
      consider(shock, await greedyCascade(model, stake, deadline));
    }
  }
  const shockStake = stakeOf(model, bestShock);
  const totalLoss = shockStake + best.loss;
  return {
    shock: psi,
    shockOperators: bestShock,
    shockStake,
    rounds: best.rounds,
    totalLoss,
    totalStake: total,
    lossFraction: total > 0n ? rational(totalLoss, total) : { num: 0n, den: 1n },
    exact,
    method: exact ? "enumeration" : "heuristic",
    candidates,
  };
}
