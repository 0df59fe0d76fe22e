// A validated snapshot turned into indexed arrays the investor-side analyses share: stake and allocations per
// (operator, service, asset), the fraction of each pool each service can slash, base staking APRs from exchange-rate
// history, and each service's reward APR per pool net of the operator's commission (docs/risk-investor.md).
//
// Money stays in bigint (base units and ETH wei); rates, fractions and APRs are floats.
import {
  DEFAULT_COMMISSION_BPS,
  ratioToNumber,
  SECONDS_PER_YEAR,
  type Snapshot,
  type SnapshotAsset,
  type SnapshotOperator,
  type SnapshotProgram,
  type SnapshotService,
  valueEth,
} from "./snapshot.ts";

const WAD = 10n ** 18n;

/** Wei as a float number of ETH (display and rates only). */
export const ethFloat = (wei: bigint): number => Number(wei) / 1e18;

export type BaseAprSource = "history" | "declared" | "none";

export interface ModelAsset {
  index: number;
  id: string;
  name: string;
  decimals: number;
  kind: SnapshotAsset["kind"];
  /** ETH per whole token, WAD. */
  priceEth: bigint;
  /** Yearly staking APR from the exchange-rate growth (simple, not compounded). */
  baseApr: number;
  baseAprSource: BaseAprSource;
  /** How the base APR was found, for people. */
  baseAprNote: string;
  source: SnapshotAsset;
}

export interface ModelOperator {
  index: number;
  id: string;
  name: string;
  /** Stake per asset index, base units. */
  stake: bigint[];
  /** Stake per asset index, ETH wei. */
  stakeEth: bigint[];
  totalEth: bigint;
  /** Commission per service index, basis points. */
  commissionBps: number[];
  allocationDelay: number | undefined;
  source: SnapshotOperator;
}

export interface ModelService {
  index: number;
  id: string;
  name: string;
  category: SnapshotService["category"];
  /** Largest fraction of an allocation one slash takes. */
  maxSlash: number;
  source: SnapshotService;
}

export interface ProgramRate {
  program: SnapshotProgram;
  /** Tokens paid per year at the program's rate, in ETH (float). */
  annualEth: number;
  active: boolean;
}

export interface InvestorModel {
  snapshot: Snapshot;
  timestamp: number;
  assets: ModelAsset[];
  operators: ModelOperator[];
  services: ModelService[];
  /** alloc[o][s][a]: base units of operator o's asset-a pool allocated to service s. */
  alloc: bigint[][][];
  /** frac[o][s][a]: alloc / stake, the fraction of the pool service s can slash (in full); 0 for an empty pool. */
  frac: number[][][];
  /** rewardApr[o][s][a]: yearly rewards of service s to the pool's stakers (commission taken off) / pool value. */
  rewardApr: number[][][];
  /** Programs with their yearly rate; only active ones count in rewardApr. */
  programs: ProgramRate[];
  /** What the model had to assume, for people. */
  notes: string[];
  assetIndex: Map<string, number>;
  operatorIndex: Map<string, number>;
  serviceIndex: Map<string, number>;
}

/** The base APR of an asset: exchange-rate growth over the last year of history, else the declared APR, else 0. */
export function baseAprOf(asset: SnapshotAsset, now: number): { apr: number; source: BaseAprSource; note: string } {
  const history = (asset.rateHistory ?? []).filter((sample) => sample.time <= now);
  const last = history[history.length - 1];
  const windowStart = (last?.time ?? now) - SECONDS_PER_YEAR;
  const first = history.find((sample) => sample.time >= windowStart);
  const span = last && first ? last.time - first.time : 0;
  // Less than a day of history says little about a real LST; a declared rate is then the better guide.
  if (last && first && span > 0 && (span >= 86_400 || asset.aprBps === undefined)) {
    const growth = Number(((last.rate - first.rate) * WAD) / first.rate) / 1e18;
    const apr = (growth * SECONDS_PER_YEAR) / span;
    const days = span / 86_400;
    return {
      apr,
      source: "history",
      note: `exchange rate grew ${(growth * 100).toPrecision(3)}% over ${days >= 1 ? `${days.toFixed(1)} days` : `${Math.round(span / 60)} minutes`}`,
    };
  }
  if (asset.aprBps !== undefined) {
    return {
      apr: asset.aprBps / 10_000,
      source: "declared",
      note: history.length < 2 ? "declared APR (no exchange-rate history)" : "declared APR (history under a day)",
    };
  }
  if (asset.kind === "ETH") return { apr: 0, source: "none", note: "ETH earns nothing unless staked" };
  return { apr: 0, source: "none", note: "no exchange-rate history and no declared APR: assumed 0" };
}

const grid = <T>(a: number, b: number, c: number, value: T): T[][][] =>
  Array.from({ length: a }, () => Array.from({ length: b }, () => Array.from({ length: c }, () => value)));

/** Builds the indexed model of a validated snapshot. */
export function buildInvestorModel(snapshot: Snapshot): InvestorModel {
  const notes: string[] = [];
  const now = snapshot.timestamp;
  const assets: ModelAsset[] = snapshot.assets.map((asset, index) => {
    const base = baseAprOf(asset, now);
    return {
      index,
      id: asset.id,
      name: asset.name ?? asset.id,
      decimals: asset.decimals,
      kind: asset.kind,
      priceEth: asset.priceEth,
      baseApr: base.apr,
      baseAprSource: base.source,
      baseAprNote: base.note,
      source: asset,
    };
  });
  const assetIndex = new Map(assets.map((a) => [a.id, a.index]));
  const services: ModelService[] = snapshot.services.map((service, index) => ({
    index,
    id: service.id,
    name: service.name ?? service.id,
    category: service.category,
    maxSlash: ratioToNumber(service.slashing.maxSlash),
    source: service,
  }));
  const serviceIndex = new Map(services.map((s) => [s.id, s.index]));
  const operators: ModelOperator[] = snapshot.operators.map((operator, index) => {
    const stake = assets.map((asset) => operator.stake[asset.id] ?? 0n);
    const stakeEth = stake.map((units, a) => valueEth(units, assets[a] as ModelAsset));
    return {
      index,
      id: operator.id,
      name: operator.name ?? operator.id,
      stake,
      stakeEth,
      totalEth: stakeEth.reduce((x, y) => x + y, 0n),
      commissionBps: services.map(
        (service) => operator.commissions?.[service.id] ?? operator.defaultCommissionBps ?? DEFAULT_COMMISSION_BPS,
      ),
      allocationDelay: operator.allocationDelay,
      source: operator,
    };
  });
  const operatorIndex = new Map(operators.map((o) => [o.id, o.index]));

  const O = operators.length;
  const S = services.length;
  const A = assets.length;
  const alloc = grid<bigint>(O, S, A, 0n);
  for (const allocation of snapshot.allocations) {
    const o = operatorIndex.get(allocation.operator);
    const s = serviceIndex.get(allocation.service);
    const operator = operators[o ?? -1];
    const row = alloc[o ?? -1]?.[s ?? -1];
    if (!operator || !row) continue;
    const targets = allocation.asset === undefined ? assets.map((a) => a.index) : [assetIndex.get(allocation.asset)];
    for (const a of targets) {
      if (a === undefined) continue;
      const stake = operator.stake[a] ?? 0n;
      const units = allocation.amount === undefined || allocation.amount === "full" ? stake : allocation.amount;
      // A whole-stake allocation next to a partial one of the same asset: the whole stake wins.
      const sum = (row[a] ?? 0n) + units;
      row[a] = sum > stake ? stake : sum;
    }
  }
  const frac = grid<number>(O, S, A, 0);
  for (let o = 0; o < O; o++) {
    for (let s = 0; s < S; s++) {
      for (let a = 0; a < A; a++) {
        const stake = operators[o]?.stake[a] ?? 0n;
        const units = alloc[o]?.[s]?.[a] ?? 0n;
        const row = frac[o]?.[s];
        if (row && stake > 0n) row[a] = Number((units * WAD) / stake) / 1e18;
      }
    }
  }

  // Rewards: each active program's yearly budget in ETH, split over the allocated stake it rewards.
  const tokens = new Map<string, { decimals: number; priceEth: bigint }>();
  for (const asset of snapshot.assets) tokens.set(asset.id, asset);
  for (const token of snapshot.tokens ?? []) tokens.set(token.id, token);
  const rewardApr = grid<number>(O, S, A, 0);
  const programs: ProgramRate[] = [];
  for (const program of snapshot.rewardPrograms ?? []) {
    const token = tokens.get(program.token);
    const s = serviceIndex.get(program.service);
    if (!token || s === undefined) continue;
    const yearly = (units: bigint) => (ethFloat(valueEth(units, token)) * SECONDS_PER_YEAR) / program.duration;
    const annualEth = yearly(program.amount);
    const active = program.startTime <= now && now < program.startTime + program.duration;
    programs.push({ program, annualEth, active });
    if (!active) continue;
    // Weight of each (operator, asset): allocated base units × the asset's weight per base unit; without explicit
    // weights, the allocation's ETH value.
    const explicit = program.assets ? new Map(program.assets.map((e) => [e.asset, e.weight])) : undefined;
    const weights = operators.map((operator) =>
      assets.map((asset) => {
        const units = alloc[operator.index]?.[s]?.[asset.index] ?? 0n;
        return explicit ? Number(units * (explicit.get(asset.id) ?? 0n)) : ethFloat(valueEth(units, asset));
      }),
    );
    const payTo = (o: number, yearlyEth: number, total: number) => {
      const operator = operators[o];
      const row = rewardApr[o]?.[s];
      if (!operator || !row || total <= 0) return;
      const keep = 1 - (operator.commissionBps[s] ?? DEFAULT_COMMISSION_BPS) / 10_000;
      for (let a = 0; a < A; a++) {
        const w = weights[o]?.[a] ?? 0;
        const poolEth = ethFloat(operator.stakeEth[a] ?? 0n);
        if (w > 0 && poolEth > 0) row[a] = (row[a] ?? 0) + (yearlyEth * (w / total) * keep) / poolEth;
      }
    };
    if (program.kind === "pro-rata") {
      const total = weights.flat().reduce((x, y) => x + y, 0);
      if (total === 0) notes.push(`reward program ${program.id} of ${program.service}: no allocated stake earns it`);
      for (let o = 0; o < O; o++) payTo(o, annualEth, total);
    } else {
      for (const entry of program.operators ?? []) {
        const o = operatorIndex.get(entry.operator);
        if (o === undefined) continue;
        const total = (weights[o] ?? []).reduce((x, y) => x + y, 0);
        if (total === 0) notes.push(`reward program ${program.id}: operator ${entry.operator} has no allocated stake`);
        payTo(o, yearly(entry.amount), total);
      }
    }
  }
  return {
    snapshot,
    timestamp: now,
    assets,
    operators,
    services,
    alloc,
    frac,
    rewardApr,
    programs,
    notes,
    assetIndex,
    operatorIndex,
    serviceIndex,
  };
}

/** Total reward APR of operator o's asset-a pool across services. */
export function poolRewardApr(model: InvestorModel, o: number, a: number): number {
  let total = 0;
  for (let s = 0; s < model.services.length; s++) total += model.rewardApr[o]?.[s]?.[a] ?? 0;
  return total;
}

/** Looks up an entity by id, address, name (case-insensitive), or 1-based "#n". */
export function findEntity<T extends { id: string; name: string; source: { address?: string } }>(
  list: T[],
  ref: string,
): T | undefined {
  const wanted = ref.trim().toLowerCase();
  const numbered = /^#(\d+)$/.exec(wanted);
  if (numbered) return list[Number(numbered[1]) - 1];
  return (
    list.find((x) => x.id.toLowerCase() === wanted) ??
    list.find((x) => x.source.address?.toLowerCase() === wanted) ??
    list.find((x) => x.name.toLowerCase() === wanted)
  );
}
