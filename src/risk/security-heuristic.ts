// Finding attacks fast: grow an attack one service at a time, each time adding the service whose profit best exceeds
// what it adds to the loss (operators already in B cover it for free or for their extra allocation; the rest of the
// requirement is bought greedily from the cheapest other backers). Every attack it returns is re-checked exactly by
// the caller; it only ever finds attacks, it proves nothing.
import { type Model, operatorLoss, repairAttack } from "./security-model.ts";
import type { Attack, SignedRational } from "./types.ts";

/** λ·profit − loss of an attack, scaled by λ.den. */
export const attackValue = (attack: Attack, lambda: SignedRational): bigint =>
  lambda.num * attack.profit - lambda.den * attack.loss;

interface Growth {
  services: number[];
  operators: Set<number>;
}

/**
 * Grows an attack from `seed` within `allowed` services, maximising λ·π(A) − loss(B); returns the best attack met on
 * the way (exact figures), or null.
 */
export function growAttack(
  model: Model,
  allowed: ReadonlySet<number>,
  lambda: SignedRational,
  seed: number,
  options: { deadline?: number; maxSteps?: number } = {},
): Attack | null {
  const maxSteps = options.maxSteps ?? 60;
  const lam = Number(lambda.num) / Number(lambda.den);
  const inA = new Uint8Array(model.m);
  const state: Growth = { services: [], operators: new Set() };
  const coverage = new Map<number, bigint>();
  const loss = new Map<number, bigint>(); // current loss of each operator in B
  let best: Attack | null = null;
  const consider = (): void => {
    const attack = repairAttack(model, state.services, [...state.operators]);
    if (!attack) return;
    if (attackValue(attack, lambda) > 0n && (!best || attackValue(attack, lambda) > attackValue(best, lambda))) {
      best = attack;
    }
  };
  /** Operators to buy (not in B) to cover t, and the added loss, all in floats for ranking. */
  const plan = (t: number): { delta: number; buy: number[] } | null => {
    inA[t] = 1;
    let extra = 0;
    let covered = 0n;
    for (const v of state.operators) {
      const after = operatorLoss(model, v, inA);
      extra += Number(after - (loss.get(v) as bigint));
    }
    for (const edge of model.svcEdges[t] ?? []) if (state.operators.has(edge.operator)) covered += edge.amount;
    let deficit = (model.required[t] as bigint) - covered;
    const buy: number[] = [];
    if (deficit > 0n) {
      const offers = (model.svcEdges[t] ?? [])
        .filter((e) => !state.operators.has(e.operator))
        .map((e) => ({ v: e.operator, size: e.amount, cost: Number(operatorLoss(model, e.operator, inA)) }))
        .sort((x, y) => x.cost / Number(x.size) - y.cost / Number(y.size));
      for (const offer of offers) {
        if (deficit <= 0n) break;
        buy.push(offer.v);
        extra += offer.cost;
        deficit -= offer.size;
      }
    }
    inA[t] = 0;
    if (deficit > 0n) return null;
    return { delta: lam * Number(model.profit[t]) - extra, buy };
  };
  const add = (t: number, buy: number[]): void => {
    inA[t] = 1;
    state.services.push(t);
    for (const v of buy) state.operators.add(v);
    for (const v of state.operators) loss.set(v, operatorLoss(model, v, inA));
    coverage.set(t, 0n);
  };
  const first = plan(seed);
  if (!first) return null;
  add(seed, first.buy);
  consider();
  for (let step = 1; step < maxSteps; step++) {
    if (options.deadline !== undefined && performance.now() > options.deadline) break;
    // Candidates: allowed services backed by an operator already in B.
    const candidates = new Set<number>();
    for (const v of state.operators) {
      for (const edge of model.opEdges[v] ?? []) {
        if (!inA[edge.service] && allowed.has(edge.service)) candidates.add(edge.service);
      }
    }
    let choice: { t: number; delta: number; buy: number[] } | null = null;
    for (const t of candidates) {
      const p = plan(t);
      if (p && p.delta > 0 && (!choice || p.delta > choice.delta)) choice = { t, ...p };
    }
    if (!choice) break;
    add(choice.t, choice.buy);
    consider();
  }
  return best;
}
