// The security analysis proper (security.ts is its public face): is there an attack whose profit exceeds what its
// operators lose, how much slack γ* the network has, what the cheap per-operator check proves, and what each service
// costs to corrupt. docs/risk.md gives every definition and formula.
//
// How: the network splits into components (services with a profit and the operators backing them; attacks on
// different components add up). A component is settled by the exact cheap check when it passes, by exhaustive
// enumeration when it is small, by a verified attack the heuristics find, by the exact stake-split bound
// (security-bound.ts), and otherwise by the attack MILP (milp.ts) on the services the bound cannot rule out — whose
// every answer is re-checked in bigint arithmetic, and tightened or re-solved when the re-check disagrees. γ* comes
// from Dinkelbach's method on the same steps, each an exactly verified attack with a smaller loss/profit ratio.
import { RampartError } from "../sdk/errors.ts";
import { type MilpResult, solveAttackMilp } from "./milp.ts";
import { cmp, div, ONE, rational, sub, toNumber, toRational } from "./rational.ts";
import { type SplitBound, stakeSplitBound } from "./security-bound.ts";
import { bestByObjective, costOfCorruption, enumerateAttacks, nakamotoCoefficient } from "./security-exact.ts";
import { attackValue, growAttack } from "./security-heuristic.ts";
import { type Model, repairAttack, unionAttacks } from "./security-model.ts";
import type {
  Attack,
  CheapCheck,
  OperatorLoad,
  SecurityProof,
  SecurityReport,
  SecurityStats,
  ServiceOverlap,
  ServiceSecurity,
  SignedRational,
} from "./types.ts";

export interface SecurityOptions {
  /** Wall-clock budget for the whole analysis (default 60 s). What is not proven by then is reported as bounds. */
  timeLimitSeconds?: number;
  /**
   * "auto" (default): cheap check, then enumeration for small components, then the MILP. "milp" skips enumeration;
   * "enumeration" uses only exhaustive search (throws for a component with more than 16 services or 24 operators).
   */
  method?: "auto" | "milp" | "enumeration";
  /** Compute γ* (default true); when false, γ* is reported only as far as the decision established it. */
  gammaStar?: boolean;
  /** Most pairs listed in `overlap` (default 1000, the most shared first). */
  maxOverlapPairs?: number;
}

/** A component is enumerated exhaustively when it has at most this many services and operators together. */
const ENUMERATION_SIZE = 16;
const ENUMERATION_MAX_SERVICES = 16;
const ENUMERATION_MAX_OPERATORS = 24;
const DINKELBACH_MAX_STEPS = 40;
/** Seeds the attack-growing heuristic starts from (the most profitable single services). */
const GROW_SEEDS = 4;
/** Rough HiGHS set-up speed (presolve and first LP) used to skip models too large for the time left. */
const MILP_COLUMNS_PER_SECOND = 10_000;
/** Bisection steps for the split-bound lower bound on γ* of a component Dinkelbach could not settle. */
const BISECTION_STEPS = 6;

// ─────────────────────────── Cheap check ───────────────────────────

/** π_s / (α_s · backing_s) for a backed service: the profit per unit of stake an attacker needs. */
function profitPerRequired(model: Model, s: number): SignedRational {
  return rational(
    (model.profit[s] as bigint) * (model.alphaDen[s] as bigint),
    (model.alphaNum[s] as bigint) * (model.backing[s] as bigint),
  );
}

function cheapCheck(model: Model): CheapCheck {
  const perService = model.backing.map((b, s) => (b > 0n && model.active[s] ? profitPerRequired(model, s) : null));
  const operators: OperatorLoad[] = [];
  let maxLoad: SignedRational | null = null;
  for (let v = 0; v < model.n; v++) {
    const stake = model.stake[v] as bigint;
    if (stake === 0n) {
      operators.push({ operator: v, load: null, effectiveLoad: null });
      continue;
    }
    // Σ_s a_vs · r_s over a common denominator, reduced once at the end.
    let num = 0n;
    let den = 1n;
    let top: SignedRational = { num: 0n, den: 1n };
    for (const edge of model.opEdges[v] ?? []) {
      const r = perService[edge.service];
      if (!r || r.num === 0n) continue;
      num = num * r.den + edge.amount * r.num * den;
      den *= r.den;
      if (cmp(r, top) > 0) top = r;
    }
    const load = rational(num, den * stake);
    const effectiveLoad = cmp(load, top) >= 0 ? load : top;
    operators.push({ operator: v, load, effectiveLoad });
    if (effectiveLoad.num > 0n && (!maxLoad || cmp(effectiveLoad, maxLoad) > 0)) maxLoad = effectiveLoad;
  }
  const overloaded = operators
    .filter((o) => o.effectiveLoad && cmp(o.effectiveLoad, ONE) > 0)
    .sort(
      (a, b) => cmp(b.effectiveLoad as SignedRational, a.effectiveLoad as SignedRational) || a.operator - b.operator,
    )
    .map((o) => o.operator);
  const unbacked = model.profit.some((p, s) => p > 0n && model.active[s] && model.backing[s] === 0n);
  return { passes: overloaded.length === 0 && !unbacked, maxEffectiveLoad: maxLoad, operators, overloaded };
}

// ─────────────────────────── Components ───────────────────────────

interface Component {
  services: number[];
  operators: number[];
  /** Largest effective load of its operators; null = +∞ (a service with profit and no backing). */
  maxLoad: SignedRational | null;
  /** Smallest profit of its services (all positive). */
  minProfit: bigint;
}

/** Services with a profit (active) and their backers, split into connected components. */
function components(model: Model, check: CheapCheck): Component[] {
  const parent = Array.from({ length: model.n + model.m }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[i] !== root) {
      const next = parent[i] as number;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  const candidate = (s: number): boolean => (model.profit[s] as bigint) > 0n && (model.active[s] as boolean);
  for (let s = 0; s < model.m; s++) {
    if (!candidate(s)) continue;
    for (const edge of model.svcEdges[s] ?? []) parent[find(model.m + edge.operator)] = find(s);
  }
  const groups = new Map<number, Component>();
  for (let s = 0; s < model.m; s++) {
    if (!candidate(s)) continue;
    const root = find(s);
    let group = groups.get(root);
    if (!group) {
      group = { services: [], operators: [], maxLoad: { num: 0n, den: 1n }, minProfit: model.profit[s] as bigint };
      groups.set(root, group);
    }
    group.services.push(s);
    if ((model.profit[s] as bigint) < group.minProfit) group.minProfit = model.profit[s] as bigint;
    if (model.backing[s] === 0n) group.maxLoad = null;
  }
  for (let v = 0; v < model.n; v++) {
    const group = groups.get(find(model.m + v));
    if (!group) continue;
    group.operators.push(v);
    const load = check.operators[v]?.effectiveLoad;
    if (group.maxLoad && load && cmp(load, group.maxLoad) > 0) group.maxLoad = load;
  }
  return [...groups.values()];
}

/** No attack in the component has loss/profit below this (1 / max effective load); null = +∞. */
function cheapRatioBound(component: Component): SignedRational | null {
  if (component.maxLoad === null) return { num: 0n, den: 1n };
  if (component.maxLoad.num === 0n) return null;
  return div(ONE, component.maxLoad);
}

// ─────────────────────────── Settling one component ───────────────────────────

/** How a component's question "is there an attack with λ·π(A) − loss(B) > 0?" was settled. */
type Settlement = "cheap-check" | "enumeration" | "split-bound" | "milp";

interface Solved {
  /** An attack with λ·profit − loss > 0, exactly verified (null: none found). */
  attack: Attack | null;
  /** true when `attack` is the best possible (or, with no attack, when none exists) — proven. */
  proven: boolean;
  how: Settlement | null;
  /** Proven upper bound on max λ·π(A) − loss(B) (null: none known). Zero when proven with no attack. */
  bound: SignedRational | null;
  /** MILP tolerance in units when a MILP proof was used (0 otherwise). */
  tolerance: number;
}

interface Context {
  model: Model;
  deadline: number;
  method: "auto" | "milp" | "enumeration";
  stats: SecurityStats;
  /** Largest MILP tolerance used in a proof, in units. */
  tolerance: number;
  /** Per service, its cheapest single-service attack found (null for services without profit). */
  singles: (Attack | null)[];
  splitCache: Map<string, SplitBound>;
}

function smallEnough(component: Component): boolean {
  return (
    component.services.length + component.operators.length <= ENUMERATION_SIZE ||
    (component.services.length <= 4 && component.operators.length <= 12)
  );
}

function enumerable(component: Component): boolean {
  return (
    component.services.length <= ENUMERATION_MAX_SERVICES && component.operators.length <= ENUMERATION_MAX_OPERATORS
  );
}

const enumerationCache = new WeakMap<Component, Attack[]>();

/** Every attack of the component with its cheapest cover (cached), or null when the enumeration was not exact. */
function enumerated(ctx: Context, component: Component): Attack[] | null {
  let attacks = enumerationCache.get(component);
  if (!attacks) {
    const result = enumerateAttacks(ctx.model, component.services, 2_000_000);
    if (!result.exact) return null;
    attacks = result.attacks;
    enumerationCache.set(component, attacks);
  }
  return attacks;
}

function useEnumeration(ctx: Context, component: Component): boolean {
  if (ctx.method === "enumeration") {
    if (!enumerable(component)) {
      throw new RampartError(
        `a component with ${component.services.length} services and ${component.operators.length} operators is too large to enumerate`,
        { hint: 'use method "auto" or "milp"' },
      );
    }
    return true;
  }
  return ctx.method === "auto" && smallEnough(component);
}

const remainingSeconds = (ctx: Context): number => (ctx.deadline - performance.now()) / 1000;

/** The best attack with a positive λ-value the fast heuristics find: single services, then grown coalitions. */
function findWitness(ctx: Context, component: Component, lambda: SignedRational, anyWillDo: boolean): Attack | null {
  let best: Attack | null = null;
  const keep = (attack: Attack | null): void => {
    if (
      attack &&
      attackValue(attack, lambda) > 0n &&
      (!best || attackValue(attack, lambda) > attackValue(best, lambda))
    ) {
      best = attack;
    }
  };
  const seeds: { s: number; value: bigint }[] = [];
  for (const s of component.services) {
    const single = ctx.singles[s];
    if (!single) continue;
    keep(single);
    seeds.push({ s, value: attackValue(single, lambda) });
  }
  // A single service already pays: enough when any witness will do.
  if (best && anyWillDo) return best;
  seeds.sort((a, b) => (a.value > b.value ? -1 : a.value < b.value ? 1 : a.s - b.s));
  const allowed = new Set(component.services);
  const deadline = Math.min(ctx.deadline, performance.now() + Math.max(200, remainingSeconds(ctx) * 100));
  for (const { s } of seeds.slice(0, GROW_SEEDS)) {
    if (performance.now() > deadline) break;
    keep(growAttack(ctx.model, allowed, lambda, s, { deadline }));
  }
  return best;
}

function splitBoundFor(ctx: Context, component: Component, lambda: SignedRational): SplitBound {
  const key = `${component.services[0]}:${component.services.length}:${lambda.num}/${lambda.den}`;
  const cached = ctx.splitCache.get(key);
  if (cached) return cached;
  const deadline = Math.min(ctx.deadline, performance.now() + Math.max(500, remainingSeconds(ctx) * 250));
  const bound = stakeSplitBound(ctx.model, component.services, lambda, { deadline });
  ctx.splitCache.set(key, bound);
  return bound;
}

const scaledToRational = (value: bigint, lambda: SignedRational): SignedRational =>
  rational(value > 0n ? value : 0n, lambda.den);

/**
 * Is there an attack in the component with λ·π(A) − loss(B) > 0, and which is best? In "witness" mode any verified
 * attack with a positive value is returned as soon as one is found (enough for the decision and for a Dinkelbach
 * step); in "optimum" mode the best one is sought. Order: cheap check, enumeration (small components), heuristics,
 * the stake-split bound (an exact proof that none exists, and a filter: services whose excess cover cost exceeds the
 * bound cannot be in a positive attack), then the MILP on what is left, with the bound as a cut. MILP answers the
 * exact re-check rejects are retried with tightened thresholds, then settled by enumeration when the component is
 * small enough; failing that the component is left unproven (never reported as an attack).
 */
async function solveComponent(
  ctx: Context,
  component: Component,
  lambda: SignedRational,
  mode: "witness" | "optimum",
  known?: Attack | null,
  useMilp = true,
): Promise<Solved> {
  const none = (how: Settlement): Solved => ({
    attack: null,
    proven: true,
    how,
    bound: { num: 0n, den: 1n },
    tolerance: 0,
  });
  const floor = cheapRatioBound(component);
  if (floor === null || cmp(floor, lambda) >= 0) return none("cheap-check");
  if (useEnumeration(ctx, component)) {
    const attacks = enumerated(ctx, component);
    if (attacks) {
      const attack = bestByObjective(attacks, lambda.num, lambda.den);
      return { attack, proven: true, how: "enumeration", bound: null, tolerance: 0 };
    }
  }
  let witness = known && attackValue(known, lambda) > 0n ? known : null;
  const found = findWitness(ctx, component, lambda, mode === "witness");
  if (found && (!witness || attackValue(found, lambda) > attackValue(witness, lambda))) witness = found;
  if (witness && mode === "witness") return { attack: witness, proven: false, how: null, bound: null, tolerance: 0 };
  const split = splitBoundFor(ctx, component, lambda);
  if (split.boundScaled <= 0n) return none("split-bound");
  const bound = scaledToRational(split.boundScaled, lambda);
  // Every attack with a positive value contains a hot service: grow attacks from them too.
  const allowed = new Set(component.services);
  const growDeadline = Math.min(ctx.deadline, performance.now() + Math.max(200, remainingSeconds(ctx) * 100));
  for (const s of split.hot.slice(0, GROW_SEEDS)) {
    if (performance.now() > growDeadline) break;
    const grown = growAttack(ctx.model, allowed, lambda, s, { deadline: growDeadline });
    if (
      grown &&
      attackValue(grown, lambda) > 0n &&
      (!witness || attackValue(grown, lambda) > attackValue(witness, lambda))
    ) {
      witness = grown;
    }
  }
  if (witness && mode === "witness") return { attack: witness, proven: false, how: null, bound, tolerance: 0 };
  // Services that cannot be in an attack with a positive value: K_s − λ·π_s ≥ U.
  const keep = component.services.filter(
    (s, j) =>
      lambda.den * (split.covers[j] as bigint) - lambda.num * (ctx.model.profit[s] as bigint) < split.boundScaled,
  );
  const cuts = new Map<number, bigint>();
  for (const [j, s] of component.services.entries()) cuts.set(s, split.covers[j] as bigint);
  const operators = [...new Set(keep.flatMap((s) => (ctx.model.svcEdges[s] ?? []).map((e) => e.operator)))].sort(
    (a, b) => a - b,
  );
  const reduced: Component = { ...component, services: keep, operators };
  if (!useMilp) return { attack: witness, proven: false, how: null, bound, tolerance: 0 };
  const solved = await solveByMilp(ctx, reduced, lambda, witness ?? undefined, cuts);
  const attack =
    solved.attack && (!witness || attackValue(solved.attack, lambda) >= attackValue(witness, lambda))
      ? solved.attack
      : witness;
  const milpBound = solved.bound;
  const tighter = milpBound && cmp(milpBound, bound) < 0 ? milpBound : bound;
  return {
    attack,
    proven: solved.proven,
    how: solved.proven ? (solved.tolerance > 0 ? "milp" : "enumeration") : null,
    bound: solved.proven ? null : tighter,
    tolerance: solved.tolerance,
  };
}

/** The MILP with exact re-checks (see solveComponent). */
async function solveByMilp(
  ctx: Context,
  component: Component,
  lambda: SignedRational,
  start: Attack | undefined,
  cuts: Map<number, bigint>,
): Promise<Solved> {
  let result: MilpResult | undefined;
  // HiGHS honours its time limit only between phases (its presolve of a 100k-column model alone takes seconds):
  // do not start a model too large for the time left.
  let edges = 0;
  for (const s of component.services) edges += ctx.model.svcEdges[s]?.length ?? 0;
  const setupSeconds = (edges + component.operators.length) / MILP_COLUMNS_PER_SECOND;
  for (let attempt = 0; attempt < 3; attempt++) {
    const remaining = remainingSeconds(ctx);
    if (remaining <= setupSeconds) {
      ctx.stats.timedOut = true;
      return { attack: null, proven: false, how: null, bound: null, tolerance: 0 };
    }
    result = await solveAttackMilp(ctx.model, component.services, component.operators, {
      lambda: toNumber(lambda),
      timeLimitSeconds: remaining,
      tighten: attempt === 0 ? 0 : 10 ** (attempt * 3 - 12),
      start: attempt === 0 ? start : undefined,
      lossCuts: cuts,
    });
    ctx.stats.milpSolves++;
    if (result.status === "failed") break;
    if (result.status === "time-limit") ctx.stats.timedOut = true;
    const tolerance = result.scale * 1e-6;
    const bound = Number.isFinite(result.bound) ? toRational(Math.max(0, result.bound)) : null;
    const repaired = repairAttack(ctx.model, result.services, result.operators);
    if (repaired && attackValue(repaired, lambda) > 0n) {
      const proven = result.status === "optimal";
      return { attack: repaired, proven, how: proven ? "milp" : null, bound, tolerance };
    }
    if (result.objective <= tolerance) {
      // The solver's best is the empty attack (within tolerance): agreed.
      const proven = result.status === "optimal";
      return { attack: null, proven, how: proven ? "milp" : null, bound: proven ? null : bound, tolerance };
    }
    // The solver claims a positive value the exact re-check refutes: tighten and solve again.
    ctx.stats.disagreements++;
  }
  if (enumerable(component) && ctx.method !== "milp") {
    const attacks = enumerated(ctx, component);
    if (attacks) {
      const attack = bestByObjective(attacks, lambda.num, lambda.den);
      return { attack, proven: true, how: "enumeration", bound: null, tolerance: 0 };
    }
  }
  return { attack: null, proven: false, how: null, bound: null, tolerance: 0 };
}

// ─────────────────────────── Per-service figures ───────────────────────────

function serviceFigures(model: Model, effort = 1): ServiceSecurity[] {
  const figures: ServiceSecurity[] = [];
  for (let s = 0; s < model.m; s++) {
    const backers = model.svcEdges[s]?.length ?? 0;
    const coc = costOfCorruption(model, s, Math.round((backers > 64 ? 2_000 : 50_000) * effort));
    figures.push({
      service: s,
      backing: model.backing[s] as bigint,
      required: model.required[s] as bigint,
      costOfCorruption: coc.value,
      costOfCorruptionLowerBound: coc.lower,
      costOfCorruptionExact: coc.exact,
      corruptingOperators: coc.operators,
      nakamoto: nakamotoCoefficient(model, s),
    });
  }
  return figures;
}

function overlaps(model: Model, limit: number): ServiceOverlap[] {
  const pairs = new Map<number, { shared: bigint; operators: number }>();
  for (let v = 0; v < model.n; v++) {
    const edges = model.opEdges[v] ?? [];
    const stake = model.stake[v] as bigint;
    for (let i = 0; i < edges.length; i++) {
      const a = edges[i] as (typeof edges)[number];
      for (let j = i + 1; j < edges.length; j++) {
        const b = edges[j] as (typeof edges)[number];
        const key = a.service * model.m + b.service;
        const both = a.amount + b.amount - stake;
        const entry = pairs.get(key) ?? { shared: 0n, operators: 0 };
        entry.shared += both > 0n ? both : 0n;
        entry.operators += 1;
        pairs.set(key, entry);
      }
    }
  }
  const fraction = (x: bigint, of: bigint): SignedRational => (of > 0n ? rational(x, of) : { num: 0n, den: 1n });
  return [...pairs.entries()]
    .sort((x, y) => (x[1].shared > y[1].shared ? -1 : x[1].shared < y[1].shared ? 1 : y[1].operators - x[1].operators))
    .slice(0, limit)
    .map(([key, entry]) => {
      const first = Math.floor(key / model.m);
      const second = key % model.m;
      return {
        services: [first, second],
        sharedStake: entry.shared,
        sharedOperators: entry.operators,
        fractionOfFirst: fraction(entry.shared, model.backing[first] as bigint),
        fractionOfSecond: fraction(entry.shared, model.backing[second] as bigint),
      };
    });
}

// ─────────────────────────── Analysis ───────────────────────────

const ratioOf = (attack: Attack): SignedRational => rational(attack.loss, attack.profit);

function newStats(): SecurityStats {
  return {
    components: 0,
    byCheapCheck: 0,
    byEnumeration: 0,
    bySplitBound: 0,
    byMilp: 0,
    milpSolves: 0,
    dinkelbachIterations: 0,
    disagreements: 0,
    timedOut: false,
    decisionMs: 0,
    gammaMs: 0,
    totalMs: 0,
  };
}

function singleAttacks(model: Model, figures: ServiceSecurity[]): (Attack | null)[] {
  return figures.map((figure) => {
    const s = figure.service;
    if ((model.profit[s] as bigint) <= 0n || !model.active[s]) return null;
    return {
      services: [s],
      operators: figure.corruptingOperators,
      profit: model.profit[s] as bigint,
      loss: figure.costOfCorruption,
    };
  });
}

/** The whole analysis of a built model (analyzeSecurity in security.ts validates and builds it first). */
export async function analyzeModel(
  model: Model,
  options: SecurityOptions = {},
  started = performance.now(),
): Promise<SecurityReport> {
  const timeLimit = options.timeLimitSeconds ?? 60;
  if (!(timeLimit > 0)) throw new RampartError(`timeLimitSeconds must be positive, got ${timeLimit}`);
  const stats = newStats();
  // Quick figures for the decision (single-service witnesses); refined once the verdict is known.
  let figures = serviceFigures(model, 0.1);
  const ctx: Context = {
    model,
    deadline: started + timeLimit * 1000,
    method: options.method ?? "auto",
    stats,
    tolerance: 0,
    singles: singleAttacks(model, figures),
    splitCache: new Map(),
  };
  const check = cheapCheck(model);
  const unbacked = model.profit.some((p, s) => p > 0n && model.active[s] && model.backing[s] === 0n);
  const gammaCertified: SignedRational | null = unbacked
    ? { num: -1n, den: 1n }
    : check.maxEffectiveLoad
      ? sub(div(ONE, check.maxEffectiveLoad), ONE)
      : null;
  const comps = components(model, check);
  stats.components = comps.length;

  // 1. Decision: any attack with profit above loss, component by component.
  const witnesses = new Map<Component, Attack>();
  const settled = new Map<Component, Settlement>();
  /** Components proven to have no attack with loss/profit below this ratio. */
  const provenRatio = new Map<Component, SignedRational>();
  let firstWitnessAt: number | null = null;
  for (const component of comps) {
    const solved = await solveComponent(ctx, component, ONE, "witness");
    if (solved.attack) {
      witnesses.set(component, solved.attack);
      firstWitnessAt ??= performance.now();
      if (solved.proven && solved.how) settled.set(component, solved.how);
    } else if (solved.proven && solved.how) {
      settled.set(component, solved.how);
      provenRatio.set(component, ONE);
      if (solved.how === "milp") ctx.tolerance = Math.max(ctx.tolerance, solved.tolerance);
    }
  }
  const undecided = comps.filter((c) => !witnesses.has(c) && !settled.has(c));
  stats.decisionMs = (firstWitnessAt ?? performance.now()) - started;

  figures = serviceFigures(model);
  ctx.singles = singleAttacks(model, figures);

  // 2. Worst attack: the best attack of every component that has one (λ = 1, optimum), within ~40% of what is left.
  const worstParts: Attack[] = [];
  let worstExact = true;
  for (const [component, witness] of witnesses) {
    if (settled.has(component)) {
      worstParts.push(witness);
      continue;
    }
    const saved = ctx.deadline;
    ctx.deadline = Math.min(saved, performance.now() + Math.max(0, saved - performance.now()) * 0.4);
    const solved = await solveComponent(ctx, component, ONE, "optimum", witness);
    ctx.deadline = saved;
    const best = solved.attack && attackValue(solved.attack, ONE) > attackValue(witness, ONE) ? solved.attack : witness;
    worstParts.push(best);
    if (!solved.proven) worstExact = false;
    else if (solved.how === "milp") ctx.tolerance = Math.max(ctx.tolerance, solved.tolerance);
  }

  // 3. γ* by Dinkelbach over the components, most loaded first; each starts from the best ratio known so far.
  const gammaStarted = performance.now();
  let best: Attack | null = null;
  const consider = (attack: Attack | null | undefined): void => {
    if (!attack || attack.profit <= 0n) return;
    if (!best || attack.loss * best.profit < best.loss * attack.profit) best = attack;
  };
  for (const part of worstParts) consider(part);
  for (const single of ctx.singles) consider(single);
  let gammaExact = true;
  let lowerRatio: SignedRational | null = null; // min over unproven components of a proven lower bound
  if (options.gammaStar !== false && best) {
    const ordered = [...comps].sort((a, b) => {
      const x = cheapRatioBound(a);
      const y = cheapRatioBound(b);
      if (x === null) return y === null ? 0 : 1;
      if (y === null) return -1;
      return cmp(x, y);
    });
    for (const component of ordered) {
      const cheapFloor = cheapRatioBound(component);
      if (cheapFloor === null) continue;
      const decided = provenRatio.get(component);
      const floor = decided && cmp(decided, cheapFloor) > 0 ? decided : cheapFloor;
      if (cmp(floor, ratioOf(best as Attack)) >= 0) continue;
      let proven = false;
      let lower: SignedRational | null = null; // proven: no attack here has a smaller ratio
      for (let step = 0; step < DINKELBACH_MAX_STEPS; step++) {
        const lambda = ratioOf(best as Attack);
        if (lambda.num === 0n || (lower && cmp(lower, lambda) >= 0)) {
          proven = true; // nothing can beat a ratio of 0, or the proven lower bound reached the best ratio
          break;
        }
        stats.dinkelbachIterations++;
        // Fast steps first (heuristics, the split bound); then, once, the lower bound; then the MILP.
        let solved = await solveComponent(ctx, component, lambda, "witness", undefined, false);
        if (!solved.attack && !solved.proven) {
          if (!lower) {
            lower = componentLowerBound(ctx, component, floor, lambda, solved.bound);
            if (cmp(lower, lambda) >= 0) {
              proven = true;
              break;
            }
          }
          solved = await solveComponent(ctx, component, lambda, "witness");
        }
        if (solved.attack && attackValue(solved.attack, lambda) > 0n) {
          consider(solved.attack);
          continue;
        }
        if (solved.proven) {
          proven = true;
          if (solved.how === "milp") ctx.tolerance = Math.max(ctx.tolerance, solved.tolerance);
        }
        break;
      }
      if (!proven) {
        gammaExact = false;
        const known = lower ?? floor;
        if (!lowerRatio || cmp(known, lowerRatio) < 0) lowerRatio = known;
      }
    }
  } else if (best) {
    gammaExact = false;
  }
  stats.gammaMs = performance.now() - gammaStarted;
  for (const how of settled.values()) {
    if (how === "cheap-check") stats.byCheapCheck++;
    else if (how === "enumeration") stats.byEnumeration++;
    else if (how === "split-bound") stats.bySplitBound++;
    else stats.byMilp++;
  }

  // Verdict: a verified attack with profit above loss decides "insecure", whichever phase found it.
  const chosen = best as Attack | null;
  const worstAttack = worstParts.length > 0 ? unionAttacks(worstParts) : null;
  const profitable = worstAttack ?? (chosen && chosen.profit > chosen.loss ? chosen : null);
  let secure: boolean | null;
  let proof: SecurityProof;
  if (profitable) {
    secure = false;
    proof = "witness";
  } else if (undecided.length === 0) {
    secure = true;
    const used = new Set(settled.values());
    proof = used.has("milp")
      ? "milp"
      : used.has("split-bound")
        ? "split-bound"
        : used.has("enumeration")
          ? "enumeration"
          : "cheap-check";
  } else if (gammaExact && chosen && cmp(ratioOf(chosen), ONE) >= 0 && options.gammaStar !== false) {
    secure = true; // γ* ≥ 0 was proven component by component
    proof = "milp";
  } else {
    secure = null;
    proof = "time-limit";
  }
  if (secure === null && firstWitnessAt === null) stats.decisionMs = performance.now() - started;
  let gammaStar: SignedRational | null = null;
  let gammaStarLowerBound: SignedRational | null = null;
  if (chosen) {
    gammaStar = sub(ratioOf(chosen), ONE);
    // The attack found only bounds γ* from above. A lower bound must be proven: exactness, a bound from the search,
    // the cheap check's certificate, a proof of security (γ* ≥ 0), or the trivial γ* ≥ −1.
    const lower = gammaExact ? ratioOf(chosen) : lowerRatio && cmp(lowerRatio, ratioOf(chosen)) < 0 ? lowerRatio : null;
    gammaStarLowerBound = lower ? sub(lower, ONE) : { num: -1n, den: 1n };
    if (gammaCertified && cmp(gammaCertified, gammaStarLowerBound) > 0) gammaStarLowerBound = gammaCertified;
    if (secure === true && cmp(gammaStarLowerBound, { num: 0n, den: 1n }) < 0)
      gammaStarLowerBound = { num: 0n, den: 1n };
    if (cmp(gammaStarLowerBound, { num: -1n, den: 1n }) < 0) gammaStarLowerBound = { num: -1n, den: 1n };
  }
  stats.totalMs = performance.now() - started;
  const resolution = ctx.tolerance > 0 ? BigInt(Math.max(1, Math.ceil(ctx.tolerance))) : 1n;
  return {
    secure,
    verdict: secure === true ? "secure" : secure === false ? "insecure" : "undetermined",
    proof,
    worstAttack: profitable ? (worstAttack ?? profitable) : null,
    worstAttackExact: profitable ? worstExact && worstAttack !== null : true,
    gammaStar,
    gammaStarAttack: chosen,
    gammaStarExact: chosen ? gammaExact : true,
    gammaStarLowerBound,
    gammaCertified,
    cheapCheck: check,
    services: figures,
    overlap: overlaps(model, options.maxOverlapPairs ?? 1000),
    resolution,
    stats,
  };
}

/**
 * A proven lower bound on loss/profit over the attacks of a component Dinkelbach could not settle: the cheap check's
 * floor, λ − U/π_min from the last bound U on max λ·π − loss, and the largest λ (bisection, a few steps) at which the
 * stake-split bound proves that no attack has a positive λ-value.
 */
function componentLowerBound(
  ctx: Context,
  component: Component,
  floor: SignedRational,
  lambda: SignedRational,
  bound: SignedRational | null,
): SignedRational {
  let lower = floor;
  if (bound && component.minProfit > 0n) {
    // λ·π − loss ≤ U for every attack here, so loss/π ≥ λ − U/π ≥ λ − U/π_min.
    const derived = sub(lambda, div(bound, { num: component.minProfit, den: 1n }));
    if (cmp(derived, lower) > 0) lower = derived;
  }
  let hi = lambda;
  for (let step = 0; step < BISECTION_STEPS && remainingSeconds(ctx) > 0; step++) {
    const mid = rational(lower.num * hi.den + hi.num * lower.den, 2n * lower.den * hi.den);
    // Round to ~1e-6 so the rationals stay small.
    const rounded = rational((mid.num * 1_000_000n) / mid.den, 1_000_000n);
    if (cmp(rounded, lower) <= 0) break;
    if (splitBoundFor(ctx, component, rounded).boundScaled <= 0n) lower = rounded;
    else hi = rounded;
  }
  return lower;
}

/**
 * A profitable attack of a model, exactly verified, without the rest of the report: what a cascade round needs.
 * "optimum" looks for the one with the largest net profit, "witness" takes the first the fast steps find (proving
 * that none exists when there is none). `proven` is false when a component ran out of time.
 */
export async function findAttack(
  model: Model,
  options: { deadline: number; mode?: "heuristic" | "witness" | "optimum"; method?: "auto" | "milp" | "enumeration" },
): Promise<{ attack: Attack | null; proven: boolean }> {
  const check = cheapCheck(model);
  if (check.passes) return { attack: null, proven: true };
  const ctx: Context = {
    model,
    deadline: options.deadline,
    method: options.method ?? "auto",
    stats: newStats(),
    tolerance: 0,
    singles: singleAttacks(model, serviceFigures(model, 0.1)),
    splitCache: new Map(),
  };
  const parts: Attack[] = [];
  let proven = true;
  for (const component of components(model, check)) {
    if (options.mode === "heuristic") {
      // Fast search only (no proof): single services and grown coalitions.
      const attack = findWitness(ctx, component, ONE, false);
      if (attack) parts.push(attack);
      proven = false;
      continue;
    }
    const solved = await solveComponent(ctx, component, ONE, options.mode === "witness" ? "witness" : "optimum");
    if (solved.attack) parts.push(solved.attack);
    proven &&= solved.proven || solved.attack !== null;
  }
  return { attack: parts.length > 0 ? unionAttacks(parts) : null, proven };
}

export { cheapCheck };
