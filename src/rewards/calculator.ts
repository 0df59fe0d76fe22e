// The rewards calculator: from protocol events and reward programs to every earner's cumulative earnings per token.
// Deterministic and integer-only; every division rounds down and what rounding leaves stays in escrow, reported as
// dust. The model and a worked example: docs/rewards.md.
//
// Day d covers [d, d + DAY). Its distribution uses the state as of the day's last second (d + DAY − 1): every event
// in a block with a timestamp before d + DAY, and every pending allocation or commission change due by then. So a
// deposit, slash, allocation change or withdrawal counts from the day it happens on.
import { type Addr, BPS, DAY, DEFAULT_COMMISSION_BPS, type ProtocolEvent, type RewardProgram, WAD } from "./model.ts";

interface PoolState {
  operator: Addr;
  asset: Addr;
  totalShares: bigint;
  totalAssets: bigint;
  maxMagnitude: bigint;
  /** Shares of positions (queued withdrawals excluded): the shares that earn. */
  activeShares: bigint;
  stakers: Map<Addr, bigint>;
}

interface AllocationState {
  magnitude: bigint;
  pendingMagnitude: bigint;
  effectAt: bigint;
}

interface CommissionState {
  bps: bigint;
  pendingBps: bigint;
  effectAt: bigint;
}

interface QueuedWithdrawal {
  staker: Addr;
  pool: PoolState;
  shares: bigint;
  redelegateTo: Addr | undefined;
}

/** What a program has paid so far, and where its tokens went. Amounts in the program's token base units. */
export interface ProgramTotals {
  id: bigint;
  setId: number;
  service: Addr;
  token: Addr;
  amount: bigint;
  /** Days of the program that ended by `calculatedUntil`. */
  daysElapsed: number;
  days: number;
  /** Operators' commissions. */
  toOperators: bigint;
  /** Stakers' part, before the per-staker rounding (which is counted in the token's staker dust). */
  toStakers: bigint;
  /** Back to the service: days (or operators, for operator-directed programs) with no stake allocated to earn. */
  refunded: bigint;
  /** Rounding left over when splitting among operators and pools; stays in escrow. */
  dust: bigint;
  /** amount − daily amount × days: never scheduled, stays in escrow. */
  unscheduled: bigint;
}

/** One earner's earnings broken down by the service that paid them. */
export interface EarningLine {
  earner: Addr;
  service: Addr;
  token: Addr;
  /** "operator" (commission), "staker" (pool rewards) or "refund" (a service's unearned days). */
  role: "operator" | "staker" | "refund";
  amount: bigint;
}

export interface RewardsResult {
  /** Days that ended at or before this time are included (a multiple of DAY). */
  calculatedUntil: bigint;
  /** Cumulative earnings: earner → token → amount. */
  earnings: Map<Addr, Map<Addr, bigint>>;
  /** Per (earner, service, token, role) for the earners asked for in `breakdownFor`. */
  breakdown: EarningLine[];
  programs: ProgramTotals[];
  /** Per token: what per-staker rounding left in escrow. */
  stakerDust: Map<Addr, bigint>;
  /** Number of days computed (from the first program day to calculatedUntil). */
  daysComputed: number;
  /** The breakdown as of each requested checkpoint (day boundary → lines). */
  checkpoints: Map<bigint, EarningLine[]>;
}

export interface CalculateOptions {
  /** Record a breakdown by service for these earners (lowercase), or "all". */
  breakdownFor?: ReadonlySet<Addr> | "all";
  /** Called after each computed day (progress for long runs). */
  onDay?: (dayStart: bigint, index: number, total: number) => void;
  /**
   * Day boundaries at which to copy the breakdown too (one pass instead of one per boundary). Counts every program
   * created before `calculatedUntil`, so a program created later with a retroactive start shows at earlier boundaries.
   */
  checkpoints?: readonly bigint[];
}

const poolKey = (operator: Addr, asset: Addr): string => operator + asset;

/**
 * The protocol state the calculator needs, rebuilt from events. Exported for the benchmark, which builds large
 * states without a chain; everything else goes through `calculateRewards`.
 */
export class RewardsLedger {
  readonly pools = new Map<string, PoolState>();
  /** setId → pool key → allocation. */
  readonly allocations = new Map<number, Map<string, AllocationState>>();
  readonly setService = new Map<number, Addr>();
  /** operator + service → commission. */
  readonly commissions = new Map<string, CommissionState>();
  readonly withdrawals = new Map<bigint, QueuedWithdrawal>();

  pool(operator: Addr, asset: Addr): PoolState {
    const key = poolKey(operator, asset);
    let pool = this.pools.get(key);
    if (!pool) {
      pool = {
        operator,
        asset,
        totalShares: 0n,
        totalAssets: 0n,
        maxMagnitude: WAD,
        activeShares: 0n,
        stakers: new Map(),
      };
      this.pools.set(key, pool);
    }
    return pool;
  }

  /** Applies one event (events must come in chain order). Program creations are ignored here. */
  apply(event: ProtocolEvent): void {
    switch (event.type) {
      case "OperatorSetCreated":
        this.setService.set(event.setId, event.service);
        return;
      case "CommissionSet": {
        const key = event.operator + event.service;
        const current = commissionAt(this.commissions.get(key), event.time);
        // The Directory applies a decrease at once and schedules an increase: the event's effectAt says which.
        this.commissions.set(
          key,
          event.effectAt <= event.time
            ? { bps: event.bps, pendingBps: 0n, effectAt: 0n }
            : { bps: current, pendingBps: event.bps, effectAt: event.effectAt },
        );
        return;
      }
      case "AllocationUpdated": {
        let set = this.allocations.get(event.setId);
        if (!set) {
          set = new Map();
          this.allocations.set(event.setId, set);
        }
        this.pool(event.operator, event.asset);
        set.set(poolKey(event.operator, event.asset), {
          magnitude: event.magnitude,
          pendingMagnitude: event.pendingMagnitude,
          effectAt: event.effectAt,
        });
        return;
      }
      case "PoolMagnitudesUpdated":
        this.pool(event.operator, event.asset).maxMagnitude = event.maxMagnitude;
        return;
      case "Deposited": {
        const pool = this.pool(event.operator, event.asset);
        pool.totalShares += event.shares;
        pool.totalAssets += event.amount;
        addShares(pool, event.staker, event.shares);
        return;
      }
      case "WithdrawalQueued": {
        const pool = this.pool(event.operator, event.asset);
        addShares(pool, event.staker, -event.shares);
        this.withdrawals.set(event.id, {
          staker: event.staker,
          pool,
          shares: event.shares,
          redelegateTo: event.redelegateTo,
        });
        return;
      }
      case "WithdrawalCompleted": {
        const withdrawal = this.withdrawals.get(event.id);
        if (!withdrawal) throw new Error(`WithdrawalCompleted for unknown withdrawal #${event.id}`);
        this.withdrawals.delete(event.id);
        withdrawal.pool.totalShares -= withdrawal.shares;
        withdrawal.pool.totalAssets -= event.assets;
        if (event.newShares > 0n && withdrawal.redelegateTo) {
          const target = this.pool(withdrawal.redelegateTo, withdrawal.pool.asset);
          target.totalShares += event.newShares;
          target.totalAssets += event.assets;
          addShares(target, withdrawal.staker, event.newShares);
        }
        return;
      }
      case "Slashed":
        this.pool(event.operator, event.asset).totalAssets -= event.assetsSlashed;
        return;
      case "RewardProgramCreated":
        return;
    }
  }

  /** Commission (bps) of `operator` on `service` at time `t`. */
  commission(operator: Addr, service: Addr, t: bigint): bigint {
    return commissionAt(this.commissions.get(operator + service), t);
  }
}

function commissionAt(state: CommissionState | undefined, t: bigint): bigint {
  if (!state) return DEFAULT_COMMISSION_BPS;
  return state.effectAt !== 0n && t >= state.effectAt ? state.pendingBps : state.bps;
}

function addShares(pool: PoolState, staker: Addr, delta: bigint): void {
  const shares = (pool.stakers.get(staker) ?? 0n) + delta;
  if (shares < 0n) throw new Error(`negative shares for ${staker} in pool ${pool.operator}/${pool.asset}`);
  if (shares === 0n) pool.stakers.delete(staker);
  else pool.stakers.set(staker, shares);
  pool.activeShares += delta;
}

/** Assets of `pool` that an allocation of `magnitude` stands for (MagnitudeMath.toAssetsDown). */
function allocatedAssets(pool: PoolState, magnitude: bigint): bigint {
  if (pool.maxMagnitude === 0n || magnitude === 0n) return 0n;
  return (pool.totalAssets * magnitude) / pool.maxMagnitude;
}

/** An operator's stake allocated to one set on one day: its pools and their allocated assets. */
interface OperatorStake {
  operator: Addr;
  pools: { pool: PoolState; allocated: bigint }[];
}

/** Accumulates earnings and the per-program totals while days are distributed. */
export class RewardsAccumulator {
  readonly earnings = new Map<Addr, Map<Addr, bigint>>();
  readonly breakdown = new Map<string, EarningLine>();
  readonly stakerDust = new Map<Addr, bigint>();
  readonly totals = new Map<bigint, ProgramTotals>();

  constructor(private readonly breakdownFor: ReadonlySet<Addr> | "all" | undefined) {}

  credit(earner: Addr, token: Addr, amount: bigint, service: Addr, role: EarningLine["role"]): void {
    if (amount === 0n) return;
    let tokens = this.earnings.get(earner);
    if (!tokens) {
      tokens = new Map();
      this.earnings.set(earner, tokens);
    }
    tokens.set(token, (tokens.get(token) ?? 0n) + amount);
    if (this.breakdownFor === "all" || this.breakdownFor?.has(earner)) {
      const key = `${earner}${service}${token}${role}`;
      const line = this.breakdown.get(key);
      if (line) line.amount += amount;
      else this.breakdown.set(key, { earner, service, token, role, amount });
    }
  }

  totalsOf(program: RewardProgram): ProgramTotals {
    let totals = this.totals.get(program.id);
    if (!totals) {
      const days = Number(program.duration / DAY);
      const daily = program.kind === "pro-rata" ? program.amount / BigInt(days) : undefined;
      const scheduled =
        daily !== undefined
          ? daily * BigInt(days)
          : program.operatorAmounts.reduce((sum, o) => sum + (o.amount / BigInt(days)) * BigInt(days), 0n);
      totals = {
        id: program.id,
        setId: program.setId,
        service: program.service,
        token: program.token,
        amount: program.amount,
        daysElapsed: 0,
        days,
        toOperators: 0n,
        toStakers: 0n,
        refunded: 0n,
        dust: 0n,
        unscheduled: program.amount - scheduled,
      };
      this.totals.set(program.id, totals);
    }
    return totals;
  }
}

/**
 * Distributes day `dayStart` of every program active on it, from the ledger's current state (which must hold every
 * event before dayStart + DAY). Pure function of the ledger and the programs; credits `acc`.
 */
export function distributeDay(
  ledger: RewardsLedger,
  programs: readonly RewardProgram[],
  dayStart: bigint,
  acc: RewardsAccumulator,
): void {
  const at = dayStart + DAY - 1n;
  const stakeBySet = new Map<number, OperatorStake[]>();
  /** pool key → "service token" → { pool, service, token, amount } to split among the pool's stakers. */
  const poolCredits = new Map<string, Map<string, { pool: PoolState; service: Addr; token: Addr; amount: bigint }>>();

  for (const program of programs) {
    if (dayStart < program.startTime || dayStart >= program.startTime + program.duration) continue;
    const totals = acc.totalsOf(program);
    totals.daysElapsed += 1;
    const days = BigInt(totals.days);

    let stakes = stakeBySet.get(program.setId);
    if (!stakes) {
      stakes = operatorStakes(ledger, program.setId, at);
      stakeBySet.set(program.setId, stakes);
    }
    const weightOf = new Map(program.weights.map((w) => [w.asset, w.weight]));
    const weighted = new Map<Addr, bigint>();
    let totalWeighted = 0n;
    for (const stake of stakes) {
      let w = 0n;
      for (const { pool, allocated } of stake.pools) w += allocated * (weightOf.get(pool.asset) ?? 0n);
      if (w > 0n) {
        weighted.set(stake.operator, w);
        totalWeighted += w;
      }
    }

    // The operators' shares of the day: pro rata to weighted stake, or as the service directed.
    const shares: { stake: OperatorStake; weight: bigint; amount: bigint }[] = [];
    if (program.kind === "pro-rata") {
      const daily = program.amount / days;
      if (totalWeighted === 0n) {
        totals.refunded += daily;
        acc.credit(program.service, program.token, daily, program.service, "refund");
        continue;
      }
      let paid = 0n;
      for (const stake of stakes) {
        const w = weighted.get(stake.operator);
        if (w === undefined) continue;
        const amount = (daily * w) / totalWeighted;
        paid += amount;
        shares.push({ stake, weight: w, amount });
      }
      totals.dust += daily - paid;
    } else {
      for (const directed of program.operatorAmounts) {
        const daily = directed.amount / days;
        const w = weighted.get(directed.operator);
        const stake = stakes.find((s) => s.operator === directed.operator);
        if (w === undefined || !stake) {
          totals.refunded += daily;
          acc.credit(program.service, program.token, daily, program.service, "refund");
          continue;
        }
        shares.push({ stake, weight: w, amount: daily });
      }
    }

    // Each operator's share: its commission first, the rest to its pools by weighted allocated stake.
    for (const { stake, weight, amount } of shares) {
      const cut = (amount * ledger.commission(stake.operator, program.service, at)) / BPS;
      totals.toOperators += cut;
      acc.credit(stake.operator, program.token, cut, program.service, "operator");
      const forStakers = amount - cut;
      let given = 0n;
      for (const { pool, allocated } of stake.pools) {
        const w = weightOf.get(pool.asset);
        if (!w || allocated === 0n) continue;
        const portion = (forStakers * allocated * w) / weight;
        if (portion === 0n) continue;
        if (pool.activeShares === 0n) {
          // Every share of the pool is in a queued withdrawal: nobody there earns, the service gets it back.
          totals.refunded += portion;
          acc.credit(program.service, program.token, portion, program.service, "refund");
        } else {
          const key = poolKey(pool.operator, pool.asset);
          let credits = poolCredits.get(key);
          if (!credits) {
            credits = new Map();
            poolCredits.set(key, credits);
          }
          const creditKey = program.service + program.token;
          const credit = credits.get(creditKey);
          if (credit) credit.amount += portion;
          else credits.set(creditKey, { pool, service: program.service, token: program.token, amount: portion });
          totals.toStakers += portion;
        }
        given += portion;
      }
      totals.dust += forStakers - given;
    }
  }

  // Each pool's credits to its stakers by active shares, rounded down; the remainder is the token's staker dust.
  for (const credits of poolCredits.values()) {
    for (const credit of credits.values()) {
      const { pool, amount } = credit;
      let paid = 0n;
      for (const [staker, shares] of pool.stakers) {
        const earned = (amount * shares) / pool.activeShares;
        paid += earned;
        acc.credit(staker, credit.token, earned, credit.service, "staker");
      }
      acc.stakerDust.set(credit.token, (acc.stakerDust.get(credit.token) ?? 0n) + amount - paid);
    }
  }
}

/** Each operator's pools allocated to `setId` at time `at`, with the assets each allocation stands for. */
function operatorStakes(ledger: RewardsLedger, setId: number, at: bigint): OperatorStake[] {
  const byOperator = new Map<Addr, OperatorStake>();
  for (const [key, allocation] of ledger.allocations.get(setId) ?? []) {
    const magnitude =
      allocation.effectAt !== 0n && at >= allocation.effectAt ? allocation.pendingMagnitude : allocation.magnitude;
    const pool = ledger.pools.get(key);
    if (!pool || magnitude === 0n) continue;
    const allocated = allocatedAssets(pool, magnitude);
    if (allocated === 0n) continue;
    let stake = byOperator.get(pool.operator);
    if (!stake) {
      stake = { operator: pool.operator, pools: [] };
      byOperator.set(pool.operator, stake);
    }
    stake.pools.push({ pool, allocated });
  }
  // Chain-independent order, so that rounding never depends on the order events arrived in.
  return [...byOperator.values()].sort((a, b) => (a.operator < b.operator ? -1 : 1));
}

/**
 * Cumulative earnings of every earner for all days that ended by `calculatedUntil`, from events in chain order.
 * Only programs created before `calculatedUntil` count (a root posted later for the same time is reproducible).
 * @example
 * const result = calculateRewards(events, 1_767_225_600n); // midnight UTC
 * result.earnings.get(staker)?.get(token); // base units of token
 */
export function calculateRewards(
  events: readonly ProtocolEvent[],
  calculatedUntil: bigint,
  options: CalculateOptions = {},
): RewardsResult {
  if (calculatedUntil % DAY !== 0n) throw new Error(`calculatedUntil ${calculatedUntil} is not a multiple of a day`);
  const programs: RewardProgram[] = [];
  for (const event of events) {
    if (event.time >= calculatedUntil) break;
    if (event.type === "RewardProgramCreated") programs.push(event.program);
  }
  const acc = new RewardsAccumulator(options.breakdownFor);
  for (const program of programs) acc.totalsOf(program);
  const ledger = new RewardsLedger();
  const firstDay = programs.reduce<bigint | undefined>(
    (first, p) => (first === undefined || p.startTime < first ? p.startTime : first),
    undefined,
  );
  let daysComputed = 0;
  let next = 0;
  const checkpoints = new Map<bigint, EarningLine[]>();
  const copyBreakdown = () => [...acc.breakdown.values()].map((line) => ({ ...line }));
  for (const at of options.checkpoints ?? []) {
    if (firstDay === undefined || at <= firstDay) checkpoints.set(at, []);
  }
  if (firstDay !== undefined) {
    const total = Number((calculatedUntil - firstDay) / DAY);
    for (let day = firstDay; day + DAY <= calculatedUntil; day += DAY) {
      const end = day + DAY;
      while (next < events.length && (events[next] as ProtocolEvent).time < end) {
        ledger.apply(events[next] as ProtocolEvent);
        next++;
      }
      distributeDay(ledger, programs, day, acc);
      daysComputed++;
      if (options.checkpoints?.includes(end)) checkpoints.set(end, copyBreakdown());
      options.onDay?.(day, daysComputed, total);
    }
  }
  return {
    calculatedUntil,
    earnings: acc.earnings,
    breakdown: [...acc.breakdown.values()],
    programs: [...acc.totals.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    stakerDust: acc.stakerDust,
    daysComputed,
    checkpoints,
  };
}

/** Sum of every earner's earnings in `token`. */
export function totalEarned(result: RewardsResult, token: Addr): bigint {
  let total = 0n;
  for (const tokens of result.earnings.values()) total += tokens.get(token) ?? 0n;
  return total;
}
