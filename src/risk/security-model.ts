// The network in the form the analysis works on: validated, "full" allocations resolved to the operator's stake,
// adjacency lists both ways, each service's backing and the least stake that corrupts it — all exact bigints.
import { RampartError } from "../sdk/errors.ts";
import { ceilDiv, minBig } from "./rational.ts";
import type { Attack, SecurityNetwork } from "./types.ts";

export interface OperatorEdge {
  service: number;
  amount: bigint;
  /** The allocation was "full": it follows the operator's stake when the stake changes (cascades). */
  full: boolean;
}

export interface ServiceEdge {
  operator: number;
  amount: bigint;
}

export interface Model {
  n: number;
  m: number;
  stake: bigint[];
  profit: bigint[];
  alphaNum: bigint[];
  alphaDen: bigint[];
  /** Σ of allocations backing each service. */
  backing: bigint[];
  /** ⌈α_s · backing_s⌉: an operator set corrupts s iff its allocations to s sum to at least this (amounts are integers). */
  required: bigint[];
  /** Per operator, its allocations with a positive amount, by service index. */
  opEdges: OperatorEdge[][];
  /** Per service, the allocations backing it with a positive amount, by operator index. */
  svcEdges: ServiceEdge[][];
  /** Services that can still be attacked (false for services already corrupted in a cascade). */
  active: boolean[];
  totalStake: bigint;
}

function fail(message: string, hint?: string): never {
  throw new RampartError(message, { hint });
}

const isBigInt = (value: unknown): value is bigint => typeof value === "bigint";

/** Validates a network and builds its model. Throws RampartError naming the first problem found. */
export function buildModel(network: SecurityNetwork): Model {
  if (!network || !Array.isArray(network.operators) || !Array.isArray(network.services)) {
    fail("invalid security network: operators and services must be arrays");
  }
  if (!Array.isArray(network.allocations)) fail("invalid security network: allocations must be an array");
  const n = network.operators.length;
  const m = network.services.length;
  const stake: bigint[] = [];
  const operatorIds = new Set<string>();
  network.operators.forEach((operator, v) => {
    if (typeof operator?.id !== "string") fail(`operator #${v} has no string id`);
    if (operatorIds.has(operator.id)) fail(`duplicate operator id "${operator.id}" (operator #${v})`);
    operatorIds.add(operator.id);
    if (!isBigInt(operator.stake)) fail(`operator "${operator.id}": stake must be a bigint`);
    if (operator.stake < 0n) fail(`operator "${operator.id}" has a negative stake (${operator.stake})`);
    stake.push(operator.stake);
  });
  const profit: bigint[] = [];
  const alphaNum: bigint[] = [];
  const alphaDen: bigint[] = [];
  const serviceIds = new Set<string>();
  network.services.forEach((service, s) => {
    if (typeof service?.id !== "string") fail(`service #${s} has no string id`);
    if (serviceIds.has(service.id)) fail(`duplicate service id "${service.id}" (service #${s})`);
    serviceIds.add(service.id);
    if (!isBigInt(service.profitFromCorruption)) fail(`service "${service.id}": profitFromCorruption must be a bigint`);
    if (service.profitFromCorruption < 0n) {
      fail(`service "${service.id}" has a negative profit from corruption (${service.profitFromCorruption})`);
    }
    const alpha = service.threshold;
    if (!alpha || !isBigInt(alpha.num) || !isBigInt(alpha.den)) {
      fail(`service "${service.id}": threshold must be a rational { num, den } of bigints`);
    }
    if (alpha.den <= 0n || alpha.num <= 0n || alpha.num > alpha.den) {
      fail(
        `service "${service.id}" has threshold α = ${alpha.num}/${alpha.den}, outside (0, 1]`,
        "α is the fraction of the service's backing an attacker must control, e.g. { num: 1n, den: 3n }",
      );
    }
    profit.push(service.profitFromCorruption);
    alphaNum.push(alpha.num);
    alphaDen.push(alpha.den);
  });
  const opEdges: OperatorEdge[][] = Array.from({ length: n }, () => []);
  const svcEdges: ServiceEdge[][] = Array.from({ length: m }, () => []);
  const seen = new Set<number>();
  network.allocations.forEach((allocation, i) => {
    const { operator: v, service: s, amount } = allocation ?? ({} as never);
    if (!Number.isInteger(v) || v < 0 || v >= n) {
      fail(`allocation #${i} names unknown operator index ${String(v)}`, `operator indices run from 0 to ${n - 1}`);
    }
    if (!Number.isInteger(s) || s < 0 || s >= m) {
      fail(`allocation #${i} names unknown service index ${String(s)}`, `service indices run from 0 to ${m - 1}`);
    }
    const key = v * m + s;
    if (seen.has(key)) {
      fail(`allocation #${i} repeats operator "${network.operators[v]?.id}" → service "${network.services[s]?.id}"`);
    }
    seen.add(key);
    const full = amount === "full";
    const sv = stake[v] as bigint;
    let value: bigint;
    if (full) {
      value = sv;
    } else {
      if (!isBigInt(amount)) fail(`allocation #${i}: amount must be a bigint or "full"`);
      if (amount < 0n) fail(`allocation #${i} has a negative amount (${amount})`);
      if (amount > sv) {
        fail(
          `allocation #${i}: operator "${network.operators[v]?.id}" allocates ${amount} to service "${network.services[s]?.id}", more than its stake ${sv}`,
          'an allocation is at most the operator\'s stake; use "full" for the whole stake',
        );
      }
      value = amount;
    }
    if (value > 0n) {
      (opEdges[v] as OperatorEdge[]).push({ service: s, amount: value, full });
      (svcEdges[s] as ServiceEdge[]).push({ operator: v, amount: value });
    }
  });
  for (const edges of opEdges) edges.sort((a, b) => a.service - b.service);
  for (const edges of svcEdges) edges.sort((a, b) => a.operator - b.operator);
  return finish({
    n,
    m,
    stake,
    profit,
    alphaNum,
    alphaDen,
    opEdges,
    svcEdges,
    active: new Array<boolean>(m).fill(true),
  });
}

function finish(
  partial: Omit<Model, "backing" | "required" | "totalStake" | "svcEdges"> & { svcEdges?: ServiceEdge[][] },
): Model {
  const svcEdges: ServiceEdge[][] =
    partial.svcEdges ??
    (() => {
      const lists: ServiceEdge[][] = Array.from({ length: partial.m }, () => []);
      partial.opEdges.forEach((edges, v) => {
        for (const edge of edges) (lists[edge.service] as ServiceEdge[]).push({ operator: v, amount: edge.amount });
      });
      return lists;
    })();
  const backing = svcEdges.map((edges) => edges.reduce((sum, edge) => sum + edge.amount, 0n));
  const required = backing.map((b, s) => ceilDiv((partial.alphaNum[s] as bigint) * b, partial.alphaDen[s] as bigint));
  const totalStake = partial.stake.reduce((sum, x) => sum + x, 0n);
  return { ...partial, svcEdges, backing, required, totalStake };
}

/**
 * The network after some operators lost stake and some services were corrupted: operator v keeps `stake[v]`, a
 * "full" allocation follows the new stake, any other allocation is capped at it (elastic restaking: an allocation
 * never exceeds the stake behind it; under unique stake the cap never binds). Inactive services lose their backing.
 */
export function deriveModel(model: Model, stake: bigint[], active: boolean[]): Model {
  const opEdges: OperatorEdge[][] = model.opEdges.map((edges, v) => {
    const sv = stake[v] as bigint;
    const next: OperatorEdge[] = [];
    for (const edge of edges) {
      if (!active[edge.service]) continue;
      const amount = edge.full ? sv : minBig(edge.amount, sv);
      if (amount > 0n) next.push({ service: edge.service, amount, full: edge.full });
    }
    return next;
  });
  return finish({ ...model, svcEdges: undefined, stake: [...stake], active: [...active], opEdges });
}

/** Loss of operator v when the attacked services are marked in `inA`: min(stake, Σ of its allocations to them). */
export function operatorLoss(model: Model, v: number, inA: ArrayLike<boolean | number>): bigint {
  let sum = 0n;
  const sv = model.stake[v] as bigint;
  for (const edge of model.opEdges[v] as OperatorEdge[]) {
    if (inA[edge.service]) {
      sum += edge.amount;
      if (sum >= sv) return sv;
    }
  }
  return sum;
}

export interface Evaluation {
  profit: bigint;
  loss: bigint;
  /** Services of A whose backing B does not reach ⌈α·backing⌉. */
  uncovered: number[];
}

/** Exact profit, loss and coverage of the attack (A, B). */
export function evaluateAttack(model: Model, services: readonly number[], operators: readonly number[]): Evaluation {
  const inA = new Uint8Array(model.m);
  for (const s of services) inA[s] = 1;
  const inB = new Uint8Array(model.n);
  for (const v of operators) inB[v] = 1;
  let profit = 0n;
  const uncovered: number[] = [];
  for (const s of services) {
    profit += model.profit[s] as bigint;
    let covered = 0n;
    for (const edge of model.svcEdges[s] as ServiceEdge[]) if (inB[edge.operator]) covered += edge.amount;
    if (covered < (model.required[s] as bigint)) uncovered.push(s);
  }
  let loss = 0n;
  for (const v of operators) loss += operatorLoss(model, v, inA);
  return { profit, loss, uncovered };
}

/**
 * Makes a candidate attack valid and lean, in exact arithmetic: drops services B does not corrupt (coverage of one
 * service never depends on the others), drops operators that back none of the remaining services, then drops
 * operators one at a time (largest loss first) while every service stays corrupted. Returns null when nothing is left.
 */
export function repairAttack(model: Model, services: readonly number[], operators: readonly number[]): Attack | null {
  const first = evaluateAttack(model, services, operators);
  const dropped = new Set(first.uncovered);
  const A = services.filter((s) => !dropped.has(s) && model.active[s]).sort((a, b) => a - b);
  if (A.length === 0) return null;
  const inA = new Uint8Array(model.m);
  for (const s of A) inA[s] = 1;
  let B = [...new Set(operators)].filter((v) => (model.opEdges[v] as OperatorEdge[]).some((e) => inA[e.service]));
  // Coverage slack per service, to drop operators that are not needed.
  const inB = new Uint8Array(model.n);
  for (const v of B) inB[v] = 1;
  const slack = new Map<number, bigint>();
  for (const s of A) {
    let covered = 0n;
    for (const edge of model.svcEdges[s] as ServiceEdge[]) if (inB[edge.operator]) covered += edge.amount;
    slack.set(s, covered - (model.required[s] as bigint));
  }
  const losses = new Map(B.map((v) => [v, operatorLoss(model, v, inA)]));
  const order = [...B].sort((a, b) => {
    const d = (losses.get(b) as bigint) - (losses.get(a) as bigint);
    return d > 0n ? 1 : d < 0n ? -1 : a - b;
  });
  for (const v of order) {
    const edges = (model.opEdges[v] as OperatorEdge[]).filter((e) => inA[e.service]);
    if (edges.every((e) => (slack.get(e.service) as bigint) >= e.amount)) {
      for (const e of edges) slack.set(e.service, (slack.get(e.service) as bigint) - e.amount);
      inB[v] = 0;
    }
  }
  B = B.filter((v) => inB[v]).sort((a, b) => a - b);
  let loss = 0n;
  for (const v of B) loss += losses.get(v) as bigint;
  let profit = 0n;
  for (const s of A) profit += model.profit[s] as bigint;
  return { services: A, operators: B, profit, loss };
}

/** The union of attacks on disjoint parts of the network (components): profits and losses add up. */
export function unionAttacks(attacks: readonly Attack[]): Attack {
  const services = attacks.flatMap((a) => a.services).sort((a, b) => a - b);
  const operators = attacks.flatMap((a) => a.operators).sort((a, b) => a - b);
  return {
    services,
    operators,
    profit: attacks.reduce((sum, a) => sum + a.profit, 0n),
    loss: attacks.reduce((sum, a) => sum + a.loss, 0n),
  };
}
