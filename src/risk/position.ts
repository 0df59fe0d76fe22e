// Position risk and yield (docs/risk-investor.md): for a set of holdings (operator, asset, amount), the APR
// decomposition (base staking APR + each service's rewards net of commission, versus plain staking), the exposure
// (what each service can slash at its cap, the worst single event, the expected yearly loss) and concentration
// (HHI and effective number by operator, service and asset), with warnings in plain words.
import { hhi, slashProbabilities } from "./dossier.ts";
import { ethFloat, type InvestorModel } from "./investor-model.ts";
import { valueEth } from "./snapshot.ts";

/** One holding: `amount` base units of asset `asset` in operator `operator`'s pool (indices into the model). */
export interface Holding {
  operator: number;
  asset: number;
  amount: bigint;
}

export interface ServiceExposure {
  service: string;
  serviceName: string;
  /** Fraction of the pool allocated to the service. */
  allocatedFraction: number;
  /** Your part of the allocation, ETH wei: what repeated slashes could take. */
  allocatedEth: bigint;
  /** What one slash at the service's cap takes of your part, ETH wei. */
  atCapEth: bigint;
  /** Yearly probability that the allocation is slashed. */
  probability: number;
  /** probability × atCap, ETH wei per year. */
  expectedLossEth: bigint;
}

export interface PositionLine {
  operator: string;
  operatorName: string;
  asset: string;
  amount: bigint;
  decimals: number;
  valueEth: bigint;
  baseApr: number;
  baseAprNote: string;
  /** Reward APR of each service the pool is allocated to, net of the operator's commission. */
  rewards: { service: string; serviceName: string; apr: number; commissionBps: number }[];
  rewardApr: number;
  totalApr: number;
  exposures: ServiceExposure[];
  /** Σ at-cap over services, at most the value. */
  atCapEth: bigint;
  expectedLossEth: bigint;
}

export interface Concentration {
  /** Herfindahl–Hirschman index of the shares, 0–1. */
  hhi: number;
  /** 1 / HHI: the number of equal holdings with the same concentration. */
  effective: number;
  shares: { id: string; name: string; share: number }[];
}

export interface WorstEvent {
  kind: "service" | "operator";
  id: string;
  name: string;
  lossEth: bigint;
  description: string;
}

export interface PositionReport {
  staker: string | undefined;
  valueEth: bigint;
  positions: PositionLine[];
  apr: {
    base: number;
    rewards: number;
    total: number;
    /** Plain staking of the same assets: the base APR alone. */
    plainStaking: number;
    /** Expected yearly slashing loss as a fraction of value. */
    expectedLoss: number;
    /** total − expectedLoss. */
    net: number;
    byService: { service: string; serviceName: string; apr: number }[];
  };
  exposure: {
    byService: ServiceExposure[];
    /** Σ over services of what one slash at the cap takes (each position at most its value). */
    totalAtCapEth: bigint;
    worstEvent: WorstEvent | undefined;
    expectedLossEth: bigint;
  };
  concentration: { operator: Concentration; service: Concentration; asset: Concentration };
  warnings: string[];
}

export interface AnalyzeOptions {
  /** Yearly slashing probability per service id, overriding the dossier default. */
  slashProbabilities?: ReadonlyMap<string, number>;
  /** Who the holdings belong to (shown). */
  staker?: string;
}

const PPB = 1_000_000_000n;
/** The smaller of two bigints (Math.min does not take bigints). */
const bigMin = (a: bigint, b: bigint): bigint => (b < a ? b : a);
const ppb = (p: number): bigint => BigInt(Math.round(Math.min(1, Math.max(0, p)) * 1e9));

/** The staker's positions in the snapshot (staker compared case-insensitively), as holdings. */
export function holdingsOf(model: InvestorModel, staker: string): Holding[] {
  const wanted = staker.trim().toLowerCase();
  const holdings: Holding[] = [];
  for (const position of model.snapshot.positions ?? []) {
    if (position.staker.toLowerCase() !== wanted) continue;
    const operator = model.operatorIndex.get(position.operator);
    const asset = model.assetIndex.get(position.asset);
    if (operator === undefined || asset === undefined || position.amount === 0n) continue;
    const existing = holdings.find((h) => h.operator === operator && h.asset === asset);
    if (existing) existing.amount += position.amount;
    else holdings.push({ operator, asset, amount: position.amount });
  }
  return holdings;
}

/** Every staker with a position in the snapshot. */
export function stakersOf(model: InvestorModel): string[] {
  return [...new Set((model.snapshot.positions ?? []).map((p) => p.staker))];
}

function concentration(entries: { id: string; name: string; value: number }[]): Concentration {
  const merged = new Map<string, { id: string; name: string; value: number }>();
  for (const entry of entries) {
    const current = merged.get(entry.id);
    if (current) current.value += entry.value;
    else merged.set(entry.id, { ...entry });
  }
  const list = [...merged.values()].filter((e) => e.value > 0);
  const total = list.reduce((sum, e) => sum + e.value, 0);
  const index = hhi(list.map((e) => e.value));
  return {
    hhi: index,
    effective: index > 0 ? 1 / index : 0,
    shares: list
      .map((e) => ({ id: e.id, name: e.name, share: total > 0 ? e.value / total : 0 }))
      .sort((x, y) => y.share - x.share),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1).replace(/\.0$/, "")}%`;

/**
 * Risk and yield of a set of holdings.
 * @example
 * const model = buildInvestorModel(readSnapshotFile("examples/snapshots/realistic.json"));
 * const report = analyzeHoldings(model, holdingsOf(model, "0xA11ce…"), {});
 */
export function analyzeHoldings(
  model: InvestorModel,
  holdings: Holding[],
  options: AnalyzeOptions = {},
): PositionReport {
  const probabilities = slashProbabilities(model, options.slashProbabilities);
  const positions: PositionLine[] = [];
  for (const holding of holdings) {
    const operator = model.operators[holding.operator];
    const asset = model.assets[holding.asset];
    if (!operator || !asset) continue;
    const value = valueEth(holding.amount, asset);
    const stake = operator.stake[holding.asset] ?? 0n;
    const rewards: PositionLine["rewards"] = [];
    const exposures: ServiceExposure[] = [];
    for (const service of model.services) {
      const s = service.index;
      const apr = model.rewardApr[operator.index]?.[s]?.[asset.index] ?? 0;
      const allocated = model.alloc[operator.index]?.[s]?.[asset.index] ?? 0n;
      if (apr > 0) {
        rewards.push({
          service: service.id,
          serviceName: service.name,
          apr,
          commissionBps: operator.commissionBps[s] ?? 0,
        });
      }
      if (allocated === 0n || stake === 0n) continue;
      const allocatedEth = (value * allocated) / stake;
      const cap = service.source.slashing.maxSlash;
      const atCapEth = (allocatedEth * cap.num) / cap.den;
      const probability = probabilities[s] ?? 0;
      exposures.push({
        service: service.id,
        serviceName: service.name,
        allocatedFraction: model.frac[operator.index]?.[s]?.[asset.index] ?? 0,
        allocatedEth,
        atCapEth,
        probability,
        expectedLossEth: (atCapEth * ppb(probability)) / PPB,
      });
    }
    const rewardApr = rewards.reduce((sum, r) => sum + r.apr, 0);
    const atCap = exposures.reduce((sum, e) => sum + e.atCapEth, 0n);
    const expected = exposures.reduce((sum, e) => sum + e.expectedLossEth, 0n);
    positions.push({
      operator: operator.id,
      operatorName: operator.name,
      asset: asset.id,
      amount: holding.amount,
      decimals: asset.decimals,
      valueEth: value,
      baseApr: asset.baseApr,
      baseAprNote: asset.baseAprNote,
      rewards,
      rewardApr,
      totalApr: asset.baseApr + rewardApr,
      exposures,
      atCapEth: bigMin(atCap, value),
      expectedLossEth: bigMin(expected, value),
    });
  }

  const total = positions.reduce((sum, p) => sum + p.valueEth, 0n);
  const totalF = ethFloat(total);
  const weightedMean = (f: (p: PositionLine) => number) =>
    totalF > 0 ? positions.reduce((sum, p) => sum + ethFloat(p.valueEth) * f(p), 0) / totalF : 0;
  const base = weightedMean((p) => p.baseApr);
  const rewards = weightedMean((p) => p.rewardApr);

  const byService = model.services
    .map((service) => {
      const lines = positions.flatMap((p) => p.exposures.filter((e) => e.service === service.id));
      const sum = (f: (e: ServiceExposure) => bigint) => lines.reduce((acc, e) => acc + f(e), 0n);
      return {
        service: service.id,
        serviceName: service.name,
        allocatedFraction: totalF > 0 ? ethFloat(sum((e) => e.allocatedEth)) / totalF : 0,
        allocatedEth: sum((e) => e.allocatedEth),
        atCapEth: sum((e) => e.atCapEth),
        probability: probabilities[service.index] ?? 0,
        expectedLossEth: sum((e) => e.expectedLossEth),
      };
    })
    .filter((e) => e.allocatedEth > 0n);
  const expectedLossEth = positions.reduce((sum, p) => sum + p.expectedLossEth, 0n);
  const totalAtCapEth = positions.reduce((sum, p) => sum + p.atCapEth, 0n);

  // The worst single event: one service slashing every allocation at its cap at once (a faulty or captured slasher),
  // or one operator slashed by every service it backs at once (a compromised operator).
  const events: WorstEvent[] = byService.map((e) => ({
    kind: "service",
    id: e.service,
    name: e.serviceName,
    lossEth: e.atCapEth,
    description: `${e.serviceName} slashes every allocation you are in at its cap`,
  }));
  for (const operator of model.operators) {
    const lines = positions.filter((p) => p.operator === operator.id);
    const loss = lines.reduce((sum, p) => sum + p.atCapEth, 0n);
    if (loss > 0n) {
      events.push({
        kind: "operator",
        id: operator.id,
        name: operator.name,
        lossEth: loss,
        description: `every service ${operator.name} backs slashes it at its cap at once`,
      });
    }
  }
  const worstEvent = events.reduce<WorstEvent | undefined>((w, e) => (!w || e.lossEth > w.lossEth ? e : w), undefined);

  const conc = {
    operator: concentration(
      positions.map((p) => ({ id: p.operator, name: p.operatorName, value: ethFloat(p.valueEth) })),
    ),
    service: concentration(
      byService.map((e) => ({ id: e.service, name: e.serviceName, value: ethFloat(e.allocatedEth) })),
    ),
    asset: concentration(positions.map((p) => ({ id: p.asset, name: p.asset, value: ethFloat(p.valueEth) }))),
  };
  const expectedLoss = totalF > 0 ? ethFloat(expectedLossEth) / totalF : 0;
  const report: PositionReport = {
    staker: options.staker,
    valueEth: total,
    positions,
    apr: {
      base,
      rewards,
      total: base + rewards,
      plainStaking: base,
      expectedLoss,
      net: base + rewards - expectedLoss,
      byService: model.services
        .map((service) => ({
          service: service.id,
          serviceName: service.name,
          apr: weightedMean((p) => p.rewards.find((r) => r.service === service.id)?.apr ?? 0),
        }))
        .filter((x) => x.apr > 0),
    },
    exposure: { byService, totalAtCapEth, worstEvent, expectedLossEth },
    concentration: conc,
    warnings: [],
  };
  report.warnings = warningsFor(model, report);
  return report;
}

function warningsFor(model: InvestorModel, report: PositionReport): string[] {
  const warnings: string[] = [];
  if (report.positions.length === 0) return ["no positions"];
  const totalF = ethFloat(report.valueEth);
  const top = report.concentration.operator.shares[0];
  if (top && top.share > 0.5 && report.concentration.operator.shares.length >= 1) {
    warnings.push(
      `${pct(top.share)} of your stake is with one operator (${top.name}): whatever it does wrong, you bear most of it. Spread over more operators.`,
    );
  }
  for (const e of report.exposure.byService) {
    if (e.allocatedFraction > 0.25) {
      warnings.push(
        `${pct(e.allocatedFraction)} of your stake is allocated to ${e.serviceName} (one slash at its cap takes ${pct(totalF > 0 ? ethFloat(e.atCapEth) / totalF : 0)} of your stake; ${pct(e.probability)} a year estimated chance of a slash): over a quarter rides on one service.`,
      );
    }
  }
  const topAsset = report.concentration.asset.shares[0];
  const topAssetKind = topAsset ? model.assets[model.assetIndex.get(topAsset.id) ?? -1]?.kind : undefined;
  if (topAsset && topAssetKind !== "ETH" && topAsset.share > 0.75) {
    warnings.push(
      `${pct(topAsset.share)} of your stake is ${topAsset.id}: a depeg of that one token would hit most of it.`,
    );
  }
  if (totalF > 0 && ethFloat(report.exposure.totalAtCapEth) / totalF > 0.5) {
    warnings.push(
      `One slash by each service at its cap would take ${pct(ethFloat(report.exposure.totalAtCapEth) / totalF)} of your stake.`,
    );
  }
  if (report.apr.expectedLoss > report.apr.rewards && report.apr.expectedLoss > 0) {
    warnings.push(
      `The expected yearly slashing loss (${pct(report.apr.expectedLoss)}) is above the restaking rewards (${pct(report.apr.rewards)}): on average plain staking pays more.`,
    );
  }
  const withdrawalDelay = model.snapshot.network?.withdrawalDelay;
  const seen = new Set<string>();
  for (const p of report.positions) {
    if (seen.has(p.operator)) continue;
    seen.add(p.operator);
    const operator = model.operators[model.operatorIndex.get(p.operator) ?? -1];
    if (!operator) continue;
    // Elastic restaking: the same stake promised to several services.
    for (const asset of model.assets) {
      const a = asset.index;
      const promised = model.services.reduce((sum, s) => sum + (model.frac[operator.index]?.[s.index]?.[a] ?? 0), 0);
      if (promised > 1.0001 && operator.stake[a] && p.asset === asset.id) {
        warnings.push(
          `${operator.name} has promised its ${asset.id} pool ${promised.toFixed(2)} times over: a slash by one service also cuts what backs the others.`,
        );
      }
    }
    const exposed = report.positions.some((x) => x.operator === p.operator && x.exposures.length > 0);
    if (
      exposed &&
      withdrawalDelay !== undefined &&
      operator.allocationDelay !== undefined &&
      operator.allocationDelay < withdrawalDelay
    ) {
      warnings.push(
        `${operator.name} can raise your exposure after ${formatSeconds(operator.allocationDelay)}, faster than the ${formatSeconds(withdrawalDelay)} you need to leave.`,
      );
    }
    for (const service of model.services) {
      const pending = (service.source.facts?.slashes ?? []).filter(
        (x) =>
          x.status === "pending" &&
          x.operator !== undefined &&
          [operator.id.toLowerCase(), operator.source.address?.toLowerCase()].includes(x.operator.toLowerCase()),
      );
      if (pending.length > 0) {
        warnings.push(`${service.name} has a slash request pending against ${operator.name}, one of your operators.`);
      }
    }
  }
  return warnings;
}

function formatSeconds(seconds: number): string {
  if (seconds === 0) return "0s";
  if (seconds % 86_400 === 0) return `${seconds / 86_400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  return `${seconds}s`;
}
