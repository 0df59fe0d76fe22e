// The inputs of the rewards calculator: the protocol events that move stake, allocations and commissions, and the
// reward programs. Chain-agnostic: events.ts reads them from a node through the SDK; a benchmark or an indexer can
// produce them just as well. Addresses are lowercase hex so that they can be compared and used as keys directly.

/** Seconds in a rewards day. Programs, roots and snapshots are aligned to it (UTC days). */
export const DAY = 86_400n;
/** Commissions are in basis points. */
export const BPS = 10_000n;
/** The operator's commission on a service until it sets one (Directory.DEFAULT_COMMISSION_BPS). */
export const DEFAULT_COMMISSION_BPS = 1_000n;
/** A pool's magnitude before any slash. */
export const WAD = 10n ** 18n;

/** Lowercase 0x-prefixed 20-byte address. */
export type Addr = `0x${string}`;

/** Where an event sits in the chain: events are applied in this order. */
export interface EventPosition {
  /** Block timestamp, unix seconds. */
  time: bigint;
  blockNumber: bigint;
  logIndex: number;
}

export type ProtocolEvent = EventPosition &
  (
    | { type: "OperatorSetCreated"; setId: number; service: Addr }
    | { type: "CommissionSet"; operator: Addr; service: Addr; bps: bigint; effectAt: bigint }
    | {
        type: "AllocationUpdated";
        operator: Addr;
        asset: Addr;
        setId: number;
        magnitude: bigint;
        pendingMagnitude: bigint;
        effectAt: bigint;
      }
    | { type: "PoolMagnitudesUpdated"; operator: Addr; asset: Addr; maxMagnitude: bigint }
    | { type: "Deposited"; staker: Addr; operator: Addr; asset: Addr; amount: bigint; shares: bigint }
    | {
        type: "WithdrawalQueued";
        id: bigint;
        staker: Addr;
        operator: Addr;
        asset: Addr;
        shares: bigint;
        redelegateTo: Addr | undefined;
      }
    | { type: "WithdrawalCompleted"; id: bigint; assets: bigint; newShares: bigint }
    | { type: "Slashed"; operator: Addr; asset: Addr; assetsSlashed: bigint }
    | { type: "RewardProgramCreated"; program: RewardProgram }
  );

export type ProgramKindName = "pro-rata" | "operator-directed";

/** A reward program as RewardProgramCreated describes it. */
export interface RewardProgram {
  id: bigint;
  setId: number;
  /** The set's service, which funded the program and receives the days nobody could earn. */
  service: Addr;
  kind: ProgramKindName;
  token: Addr;
  amount: bigint;
  /** First day's start (a multiple of DAY). */
  startTime: bigint;
  /** Whole days, in seconds. */
  duration: bigint;
  /** Assets whose allocated stake earns, with the weight of one base unit of each. */
  weights: { asset: Addr; weight: bigint }[];
  /** Operator-directed programs: the amount each named operator is due over the whole program. */
  operatorAmounts: { operator: Addr; amount: bigint }[];
  /** Block timestamp of the creation: a root computed until T counts the programs created before T. */
  createdAt: bigint;
}

/** Lowercases an address for use as a key. */
export function addr(address: string): Addr {
  return address.toLowerCase() as Addr;
}
