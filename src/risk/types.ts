// The abstract restaking network the security analysis works on, and the reports it produces. Values are exact:
// amounts are bigint (ETH wei, or any one unit used throughout), fractions are rationals. The snapshot adapter
// (snapshot.ts) builds a SecurityNetwork from a network snapshot; the papers' examples are written directly.

/** A non-negative rational number num/den (den > 0). */
export interface Rational {
  num: bigint;
  den: bigint;
}

export interface SecurityOperator {
  id: string;
  /** The operator's whole stake, valued in the network's unit (ETH wei for snapshots). */
  stake: bigint;
}

export interface SecurityService {
  id: string;
  /** π: profit from corrupting the service, in the same unit as stake. */
  profitFromCorruption: bigint;
  /** α in (0, 1]: the fraction of the stake backing the service an attacker must control. */
  threshold: Rational;
}

/**
 * Operator `operator` backs service `service` with `amount` of its stake, or with its whole stake ("full": full
 * restaking, Durvasula–Roughgarden). Allocations of one operator may sum to more than its stake (elastic restaking,
 * Bar-Zur–Eyal) or to at most its stake (unique stake, as in Rampart). An operator attacking a set of services A loses
 * min(stake, Σ over s in A of its allocation to s), where "full" counts as the whole stake.
 */
export interface SecurityAllocation {
  /** Index into `operators`. */
  operator: number;
  /** Index into `services`. */
  service: number;
  amount: bigint | "full";
}

export interface SecurityNetwork {
  operators: SecurityOperator[];
  services: SecurityService[];
  allocations: SecurityAllocation[];
}

/** An attack: services A corrupted by operators B. Indices into the network's arrays. */
export interface Attack {
  services: number[];
  operators: number[];
  /** Σ π over A. */
  profit: bigint;
  /** Σ over B of min(stake, allocations to A). */
  loss: bigint;
}

// ---------------------------------------------------------------------------------------------------------------------
// Reports of the security analysis (security.ts). Indices point into the analysed network's arrays; docs/risk.md
// defines every quantity.

/** A rational that may be negative (a slack γ lies in [-1, +∞)): num/den with den > 0, in lowest terms. */
export interface SignedRational {
  num: bigint;
  den: bigint;
}

/** "undetermined": the time limit ran out before either a verified attack or a proof of security was found. */
export type SecurityVerdict = "secure" | "insecure" | "undetermined";

/**
 * How a result was established: "cheap-check" (the exact per-operator load condition, sufficient only), "enumeration"
 * (exhaustive search in exact arithmetic), "split-bound" (the stake-split bound, exact arithmetic; docs/risk.md),
 * "milp" (HiGHS branch-and-bound proved optimality; float tolerances, see `SecurityReport.resolution`), "witness" (an
 * attack re-checked in exact arithmetic), "time-limit" (nothing proven).
 */
export type SecurityProof = "cheap-check" | "enumeration" | "split-bound" | "milp" | "witness" | "time-limit";

export interface OperatorLoad {
  operator: number;
  /** EigenLayer's load: (1/stake_v) Σ_s (alloc_{v,s} / backing_s) · π_s / α_s. Null for an operator with no stake. */
  load: SignedRational | null;
  /**
   * max(load, max over the operator's services of π_s / (α_s · backing_s)): the ratio that bounds profit over loss
   * for any attack the operator joins. Equals `load` under full restaking. Null for an operator with no stake.
   */
  effectiveLoad: SignedRational | null;
}

export interface CheapCheck {
  /** Every effective load is ≤ 1 and every service with profit has backing: the network is secure. */
  passes: boolean;
  /** The largest effective load (null when no operator has a positive one). */
  maxEffectiveLoad: SignedRational | null;
  operators: OperatorLoad[];
  /** Operators whose effective load exceeds 1, by decreasing effective load. */
  overloaded: number[];
}

export interface ServiceSecurity {
  service: number;
  /** Σ of the allocations backing the service. */
  backing: bigint;
  /** ⌈α_s · backing_s⌉: the least stake an attacker needs to corrupt the service. */
  required: bigint;
  /** The least loss at which a set of operators reaches α_s of the service alone (best found; see `...Exact`). */
  costOfCorruption: bigint;
  /** A proven lower bound; equals `costOfCorruption` when exact. */
  costOfCorruptionLowerBound: bigint;
  costOfCorruptionExact: boolean;
  /** A cheapest set of operators found (their loss is `costOfCorruption`). */
  corruptingOperators: number[];
  /** Fewest operators whose allocations reach α_s of the backing (0 for a service with no backing). */
  nakamoto: number;
}

export interface ServiceOverlap {
  services: [number, number];
  /** Σ over operators backing both of max(0, alloc_a + alloc_b − stake): stake that necessarily backs both. */
  sharedStake: bigint;
  /** Operators with an allocation to both. */
  sharedOperators: number;
  /** sharedStake / backing of the first service (0 when it has no backing). */
  fractionOfFirst: SignedRational;
  fractionOfSecond: SignedRational;
}

export interface SecurityStats {
  components: number;
  /** Components whose decision was settled by the cheap check, enumeration, the stake-split bound, the MILP. */
  byCheapCheck: number;
  byEnumeration: number;
  bySplitBound: number;
  byMilp: number;
  milpSolves: number;
  dinkelbachIterations: number;
  /** MILP answers that the exact re-check rejected (each was tightened or re-solved by enumeration). */
  disagreements: number;
  timedOut: boolean;
  /** Until the verdict was known: the first verified profitable attack, or the proof of security. */
  decisionMs: number;
  gammaMs: number;
  totalMs: number;
}

export interface SecurityReport {
  /** true: no profitable attack exists; false: `worstAttack` is one; null: undetermined within the time limit. */
  secure: boolean | null;
  verdict: SecurityVerdict;
  proof: SecurityProof;
  /** The attack with the largest net profit π(A) − loss(B), exactly re-checked; null when the network is secure. */
  worstAttack: Attack | null;
  /** The worst attack is proven to have the largest net profit (false when a time limit cut the search short). */
  worstAttackExact: boolean;
  /**
   * γ* = min over feasible attacks with π(A) > 0 of loss/π(A) − 1; null means +∞ (no service has a profit from
   * corruption, so no attack gains anything). When not exact, the value of the best attack found (an upper bound).
   */
  gammaStar: SignedRational | null;
  /** An attack whose loss/profit − 1 is `gammaStar`. */
  gammaStarAttack: Attack | null;
  gammaStarExact: boolean;
  /** A proven lower bound on γ* (equal to it when exact; null when γ* is +∞). */
  gammaStarLowerBound: SignedRational | null;
  /** 1 / (largest effective load) − 1: the slack the cheap check proves (≤ γ*); null when no load is positive. */
  gammaCertified: SignedRational | null;
  cheapCheck: CheapCheck;
  services: ServiceSecurity[];
  /** Pairs of services with shared stake, by decreasing shared stake. */
  overlap: ServiceOverlap[];
  /**
   * Amounts (in the network's unit) below which a MILP proof cannot tell a profitable attack from an unprofitable one:
   * 1 when every MILP answer is exact for integer amounts, or when no MILP was needed.
   */
  resolution: bigint;
  stats: SecurityStats;
}

export interface CascadeReport {
  /** ψ: the largest fraction of all stake the shock may remove. */
  shock: SignedRational;
  /** The operators the worst shock found removes (whole operators, total stake ≤ ψ of all stake). */
  shockOperators: number[];
  shockStake: bigint;
  /** The profitable attacks that follow, in order; amounts are those of the network as it was at that round. */
  rounds: Attack[];
  /** Shock plus every loss of the rounds. */
  totalLoss: bigint;
  totalStake: bigint;
  /** R_ψ = totalLoss / totalStake (0 for a network without stake). */
  lossFraction: SignedRational;
  /** true: R_ψ is the exact worst case (exhaustive search); false: a lower bound from the heuristic. */
  exact: boolean;
  method: "enumeration" | "heuristic";
  /** Shock sets whose cascades were evaluated. */
  candidates: number;
}
