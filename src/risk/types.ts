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
