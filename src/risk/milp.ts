// The attack MILP, solved with HiGHS (WebAssembly). For a ratio λ it finds the attack (A, B) that maximises
// λ·π(A) − loss(B) on one component of the network: λ = 1 is the worst attack, and Dinkelbach's method on λ gives γ*.
// The solver works in floats; every answer is re-checked in exact arithmetic by the caller (security.ts).
//
// Variables: x_s ∈ {0,1} (s ∈ A); per operator one or two participation binaries — k_v ("charged its whole stake")
// and u_v ("charged its allocations to A") — with u_v + k_v ≤ 1; per service c_s ≥ 0, the loss of the u-operators
// on s. Rows:
//   coverage   Σ_v a_vs (u_v + k_v) − ⌈α_s·backing_s⌉ x_s ≥ 0
//   link       c_s − Σ_{v has u} a_vs u_v − L_s x_s ≥ −L_s        (L_s = Σ_{v has u} a_vs: c_s ≥ Σ a_vs u_v when s ∈ A)
//   mode       u_v + k_v ≤ 1                                    (operators that have both)
// Objective: max Σ λ π_s x_s − Σ stake_v k_v − Σ c_s. An operator whose allocations all equal its stake (full
// restaking) gets only k_v; one whose allocations to the component sum to at most its stake (unique stake) only u_v;
// any other gets both, and the solver charges whichever is smaller, which is exactly min(stake, Σ_{s∈A} a_vs).
import highsModule, { type Highs } from "highs";
import type { Model } from "./security-model.ts";
import type { Attack } from "./types.ts";

type HighsLoader = () => Promise<Highs>;
// "highs" ships CommonJS typings beside its ES module build: under NodeNext the default import is typed as the module
// object although at run time it is the loader function.
const highsLoader: HighsLoader =
  (highsModule as unknown as { default?: HighsLoader }).default ?? (highsModule as unknown as HighsLoader);

let loader: Promise<Highs> | undefined;

/** The HiGHS runtime, loaded once per process. */
export function loadHighs(): Promise<Highs> {
  loader ??= highsLoader();
  return loader;
}

export interface MilpOptions {
  /** λ as a double (the caller keeps the exact value). */
  lambda: number;
  timeLimitSeconds: number;
  /**
   * Relative margin added to every coverage requirement (0 normally). Used after the exact re-check rejected an
   * answer: the tightened model cannot return attacks that reach their thresholds only within float tolerance.
   */
  tighten?: number;
  /** A known attack handed to the solver as its first incumbent. */
  start?: Attack;
  /**
   * Per service, a proven lower bound K_s on the loss of covering it (stake-split bound): adds the valid cut
   * loss ≥ Σ_s K_s·x_s, which carries the bound's integer knapsack information into the LP relaxation.
   */
  lossCuts?: ReadonlyMap<number, bigint>;
}

export type MilpStatus = "optimal" | "time-limit" | "failed";

export interface MilpResult {
  status: MilpStatus;
  /** Objective of the incumbent, in the network's unit (a double). */
  objective: number;
  /** Proven upper bound on the objective, in the network's unit (a double; +∞ when none). */
  bound: number;
  services: number[];
  operators: number[];
  /** Amounts per double unit in the model (the scale the answer's tolerance applies to). */
  scale: number;
}

/** Every amount is divided by this so the largest coefficient is about 1e6: tolerances are then ~1e-12 relative. */
function scaleFor(model: Model, services: readonly number[], operators: readonly number[], lambda: number): number {
  let largest = 0;
  for (const v of operators) largest = Math.max(largest, Number(model.stake[v]));
  for (const s of services) largest = Math.max(largest, Number(model.profit[s]) * Math.max(lambda, 1));
  return largest > 0 ? largest / 1e6 : 1;
}

/** Rows and columns of a sparse model, assembled in any order and emitted in CSC form. */
class Builder {
  readonly rowLower: number[] = [];
  readonly rowUpper: number[] = [];
  readonly colCost: number[] = [];
  readonly colLower: number[] = [];
  readonly colUpper: number[] = [];
  readonly integrality: (0 | 1)[] = [];
  private readonly entries: [number, number][][] = [];

  row(lower: number, upper: number): number {
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    return this.rowLower.length - 1;
  }

  column(cost: number, upper: number, integer: boolean): number {
    this.colCost.push(cost);
    this.colLower.push(0);
    this.colUpper.push(upper);
    this.integrality.push(integer ? 1 : 0);
    this.entries.push([]);
    return this.colCost.length - 1;
  }

  set(row: number, col: number, value: number): void {
    (this.entries[col] as [number, number][]).push([row, value]);
  }

  csc(): { starts: number[]; indices: number[]; values: number[] } {
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const list of this.entries) {
      list.sort((a, b) => a[0] - b[0]);
      for (const [row, value] of list) {
        indices.push(row);
        values.push(value);
      }
      starts.push(indices.length);
    }
    return { starts, indices, values };
  }
}

/** Solves max λ·π(A) − loss(B) over the attacks of one component (its services with π > 0 and their backers). */
export async function solveAttackMilp(
  model: Model,
  services: readonly number[],
  operators: readonly number[],
  options: MilpOptions,
): Promise<MilpResult> {
  const highs = await loadHighs();
  const { lambda } = options;
  const tighten = options.tighten ?? 0;
  const scale = scaleFor(model, services, operators, lambda);
  const f = (x: bigint): number => Number(x) / scale;
  const b = new Builder();
  // Coverage rows and x columns.
  const coverRow = new Map<number, number>();
  const xCol = new Map<number, number>();
  for (const s of services) {
    const row = b.row(0, Number.POSITIVE_INFINITY);
    coverRow.set(s, row);
    const col = b.column((lambda * Number(model.profit[s])) / scale, 1, true);
    xCol.set(s, col);
    const required = Number(model.required[s]) * (1 + tighten) + (tighten > 0 ? 1 : 0);
    b.set(row, col, -required / scale);
  }
  const kCol = new Map<number, number>();
  const uCol = new Map<number, number>();
  const zCols = new Map<number, { operator: number; service: number; col: number }[]>();
  for (const v of operators) {
    const stake = model.stake[v] as bigint;
    const edges = (model.opEdges[v] ?? []).filter((e) => coverRow.has(e.service));
    if (edges.length === 0) continue;
    const total = edges.reduce((sum, e) => sum + e.amount, 0n);
    const allFull = edges.every((e) => e.amount >= stake);
    // k-mode: charged the whole stake, covers with every allocation.
    const hasK = allFull || total > stake;
    let k: number | undefined;
    if (hasK) {
      k = b.column(-f(stake), 1, true);
      kCol.set(v, k);
      for (const e of edges) b.set(coverRow.get(e.service) as number, k, f(e.amount));
    }
    if (allFull) continue;
    // u-mode: charged its allocations to A. z_vs = x_s ∧ u_v carries both the coverage and the loss of edge (v, s).
    const u = b.column(0, 1, true);
    uCol.set(v, u);
    if (k !== undefined) {
      const mode = b.row(Number.NEGATIVE_INFINITY, 1);
      b.set(mode, u, 1);
      b.set(mode, k, 1);
    }
    // Forced participation: Σ a z ≥ Σ a x − T (1 − u), i.e. an operator in B pays for every service of A it backs.
    const forced = b.row(-f(total), Number.POSITIVE_INFINITY);
    b.set(forced, u, -f(total));
    const zs: { operator: number; service: number; col: number }[] = [];
    for (const e of edges) {
      const a = f(e.amount);
      const z = b.column(-a, 1, false);
      zs.push({ operator: v, service: e.service, col: z });
      b.set(coverRow.get(e.service) as number, z, a);
      b.set(forced, z, a);
      b.set(forced, xCol.get(e.service) as number, -a);
      const belowX = b.row(Number.NEGATIVE_INFINITY, 0);
      b.set(belowX, z, 1);
      b.set(belowX, xCol.get(e.service) as number, -1);
      const belowU = b.row(Number.NEGATIVE_INFINITY, 0);
      b.set(belowU, z, 1);
      b.set(belowU, u, -1);
    }
    zCols.set(v, zs);
  }
  if (options.lossCuts) {
    // loss − Σ K_s x_s ≥ 0, loss = Σ stake_v k_v + Σ a_e z_e.
    const cut = b.row(0, Number.POSITIVE_INFINITY);
    for (const [v, k] of kCol) b.set(cut, k, f(model.stake[v] as bigint));
    for (const zs of zCols.values()) {
      for (const z of zs) {
        const edge = (model.opEdges[z.operator] ?? []).find((e) => e.service === z.service);
        if (edge) b.set(cut, z.col, f(edge.amount));
      }
    }
    for (const [s, x] of xCol) {
      const k = options.lossCuts.get(s);
      if (k !== undefined && k > 0n) b.set(cut, x, -f(k));
    }
  }
  const { starts, indices, values } = b.csc();
  const { colCost, colLower, colUpper, rowLower, rowUpper, integrality } = b;
  const rows = rowLower.length;
  const numCols = colCost.length;
  const model_ = highs.createModel({
    numCols,
    numRows: rows,
    sense: highs.constants.objectiveSense.maximize,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: "csc", numRows: rows, numCols, starts, indices, values },
    integrality,
  });
  try {
    model_.options.set({
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: 1e-6,
      mip_feasibility_tolerance: 1e-9,
      primal_feasibility_tolerance: 1e-9,
      random_seed: 0,
      // The feasibility-jump heuristic costs ~20 ms even on a five-variable model; only large models gain from it.
      mip_heuristic_run_feasibility_jump: numCols > 5_000,
      time_limit: Math.max(0.01, options.timeLimitSeconds),
    });
    if (options.start) {
      const colValue = new Array<number>(numCols).fill(0);
      const inA = new Set(options.start.services);
      for (const s of options.start.services) {
        const col = xCol.get(s);
        if (col !== undefined) colValue[col] = 1;
      }
      for (const v of options.start.operators) {
        const u = uCol.get(v);
        const k = kCol.get(v);
        let sum = 0n;
        for (const e of model.opEdges[v] ?? []) if (inA.has(e.service)) sum += e.amount;
        if (k !== undefined && (u === undefined || sum >= (model.stake[v] as bigint))) colValue[k] = 1;
        else if (u !== undefined) {
          colValue[u] = 1;
          for (const z of zCols.get(v) ?? []) if (inA.has(z.service)) colValue[z.col] = 1;
        }
      }
      try {
        model_.setSolution({ colValue });
      } catch {
        // A start the solver refuses only costs time; solve without it.
      }
    }
    model_.run();
    const status = model_.getModelStatus();
    const c = highs.constants.modelStatus;
    const solved = status === c.optimal;
    const limited = status === c.timeLimit || status === c.interrupted || status === c.iterationLimit;
    if (!solved && !limited) {
      return { status: "failed", objective: 0, bound: Number.POSITIVE_INFINITY, services: [], operators: [], scale };
    }
    const primal = Number(model_.info.get("primal_solution_status"));
    const hasSolution = primal === highs.constants.solutionStatus.feasible;
    const col = hasSolution ? model_.getSolution().colValue : undefined;
    const objective = hasSolution ? model_.getObjectiveValue() * scale : 0;
    let bound = Number(model_.info.get("mip_dual_bound"));
    if (!Number.isFinite(bound)) bound = Number.POSITIVE_INFINITY;
    else bound *= scale;
    const chosenServices: number[] = [];
    const chosenOperators: number[] = [];
    if (col) {
      for (const [s, j] of xCol) if ((col[j] as number) > 0.5) chosenServices.push(s);
      for (const v of operators) {
        const u = uCol.get(v);
        const k = kCol.get(v);
        const value = (u !== undefined ? (col[u] as number) : 0) + (k !== undefined ? (col[k] as number) : 0);
        if (value > 0.5) chosenOperators.push(v);
      }
    }
    return {
      status: solved ? "optimal" : "time-limit",
      objective: Math.max(0, objective),
      bound: solved ? Math.max(objective, 0) + Math.max(0, bound - objective) : bound,
      services: chosenServices.sort((a, b) => a - b),
      operators: chosenOperators.sort((a, b) => a - b),
      scale,
    };
  } finally {
    model_.dispose();
  }
}
