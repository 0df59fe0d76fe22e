// Builds protocol events the way the core would emit them (same share and magnitude math), for calculator tests
// that need many random histories without a chain. The chain-backed tests (test/rewards.test.ts) check that real
// events give the same results.
import { type Addr, DAY, type ProtocolEvent, type RewardProgram, WAD } from "../../src/rewards/model.ts";

const VIRTUAL_SHARES = 1_000_000n;

export const T0 = 1_767_225_600n; // 2026-01-01T00:00:00Z, a day boundary

export const addrOf = (n: number): Addr => `0x${n.toString(16).padStart(40, "0")}` as Addr;

interface Pool {
  shares: bigint;
  assets: bigint;
  maxMagnitude: bigint;
  stakers: Map<Addr, bigint>;
}

/** A little core: emits the events the real one would for the same actions. */
export class EventWriter {
  readonly events: ProtocolEvent[] = [];
  private readonly pools = new Map<string, Pool>();
  private readonly magnitudes = new Map<string, bigint>();
  private block = 1n;
  private withdrawalId = 0n;
  private readonly queued = new Map<bigint, { operator: Addr; asset: Addr; shares: bigint }>();

  private pos(time: bigint) {
    return { time, blockNumber: this.block++, logIndex: 0 };
  }

  pool(operator: Addr, asset: Addr): Pool {
    const key = operator + asset;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = { shares: 0n, assets: 0n, maxMagnitude: WAD, stakers: new Map() };
      this.pools.set(key, pool);
    }
    return pool;
  }

  createSet(time: bigint, setId: number, service: Addr): this {
    this.events.push({ ...this.pos(time), type: "OperatorSetCreated", setId, service });
    return this;
  }

  deposit(time: bigint, staker: Addr, operator: Addr, asset: Addr, amount: bigint): bigint {
    const pool = this.pool(operator, asset);
    const shares = (amount * (pool.shares + VIRTUAL_SHARES)) / (pool.assets + 1n);
    pool.shares += shares;
    pool.assets += amount;
    pool.stakers.set(staker, (pool.stakers.get(staker) ?? 0n) + shares);
    this.events.push({ ...this.pos(time), type: "Deposited", staker, operator, asset, amount, shares });
    return shares;
  }

  /** Allocates a fraction (WAD) of the pool to the set at once (an operator with no allocation delay). */
  allocate(time: bigint, operator: Addr, asset: Addr, setId: number, fractionWad: bigint): this {
    const pool = this.pool(operator, asset);
    const magnitude = (fractionWad * pool.maxMagnitude) / WAD;
    this.magnitudes.set(operator + asset + setId, magnitude);
    this.events.push({
      ...this.pos(time),
      type: "AllocationUpdated",
      operator,
      asset,
      setId,
      magnitude,
      pendingMagnitude: 0n,
      effectAt: 0n,
    });
    return this;
  }

  /** Schedules an allocation change that takes effect at `effectAt`. */
  allocateLater(time: bigint, operator: Addr, asset: Addr, setId: number, fractionWad: bigint, effectAt: bigint) {
    const pool = this.pool(operator, asset);
    const current = this.magnitudes.get(operator + asset + setId) ?? 0n;
    const pendingMagnitude = (fractionWad * pool.maxMagnitude) / WAD;
    this.events.push({
      ...this.pos(time),
      type: "AllocationUpdated",
      operator,
      asset,
      setId,
      magnitude: current,
      pendingMagnitude,
      effectAt,
    });
    this.magnitudes.set(operator + asset + setId, pendingMagnitude);
    return this;
  }

  slash(time: bigint, operator: Addr, asset: Addr, setId: number, wad: bigint): bigint {
    const pool = this.pool(operator, asset);
    const magnitude = this.magnitudes.get(operator + asset + setId) ?? 0n;
    const slashed = (magnitude * wad) / WAD;
    const assetsSlashed = (pool.assets * slashed) / pool.maxMagnitude;
    pool.assets -= assetsSlashed;
    pool.maxMagnitude -= slashed;
    this.magnitudes.set(operator + asset + setId, magnitude - slashed);
    const p = this.pos(time);
    this.events.push({ ...p, type: "Slashed", operator, asset, assetsSlashed });
    this.events.push({
      ...p,
      logIndex: 1,
      type: "AllocationUpdated",
      operator,
      asset,
      setId,
      magnitude: magnitude - slashed,
      pendingMagnitude: 0n,
      effectAt: 0n,
    });
    this.events.push({
      ...p,
      logIndex: 2,
      type: "PoolMagnitudesUpdated",
      operator,
      asset,
      maxMagnitude: pool.maxMagnitude,
    });
    return assetsSlashed;
  }

  queue(time: bigint, staker: Addr, operator: Addr, asset: Addr, shares: bigint): bigint {
    const pool = this.pool(operator, asset);
    pool.stakers.set(staker, (pool.stakers.get(staker) ?? 0n) - shares);
    const id = ++this.withdrawalId;
    this.queued.set(id, { operator, asset, shares });
    this.events.push({
      ...this.pos(time),
      type: "WithdrawalQueued",
      id,
      staker,
      operator,
      asset,
      shares,
      redelegateTo: undefined,
    });
    return id;
  }

  complete(time: bigint, id: bigint): bigint {
    const w = this.queued.get(id);
    if (!w) throw new Error(`no withdrawal ${id}`);
    const pool = this.pool(w.operator, w.asset);
    const assets = (w.shares * (pool.assets + 1n)) / (pool.shares + VIRTUAL_SHARES);
    pool.shares -= w.shares;
    pool.assets -= assets;
    this.events.push({ ...this.pos(time), type: "WithdrawalCompleted", id, assets, newShares: 0n });
    return assets;
  }

  commission(time: bigint, operator: Addr, service: Addr, bps: bigint, effectAt = time): this {
    this.events.push({ ...this.pos(time), type: "CommissionSet", operator, service, bps, effectAt });
    return this;
  }

  program(time: bigint, program: Omit<RewardProgram, "createdAt">): this {
    this.events.push({ ...this.pos(time), type: "RewardProgramCreated", program: { ...program, createdAt: time } });
    return this;
  }

  /** Events sorted by time (actions may be written out of order). */
  sorted(): ProtocolEvent[] {
    return [...this.events].sort((a, b) =>
      a.time !== b.time ? (a.time < b.time ? -1 : 1) : a.blockNumber < b.blockNumber ? -1 : 1,
    );
  }
}

export function proRata(
  id: bigint,
  setId: number,
  service: Addr,
  token: Addr,
  amount: bigint,
  days: number,
  weights: { asset: Addr; weight: bigint }[],
  startTime = T0,
): Omit<RewardProgram, "createdAt"> {
  return {
    id,
    setId,
    service,
    kind: "pro-rata",
    token,
    amount,
    startTime,
    duration: BigInt(days) * DAY,
    weights,
    operatorAmounts: [],
  };
}
