// Monte Carlo comparison of plain staking and a restaking plan of the same tokens (docs/risk-investor.md#monte-carlo):
// ETH price paths (geometric Brownian motion), reward dilution as more stake joins each service, programs that end
// and may not be renewed, slashing events per (position, service) as Poisson arrivals, and LST peg shocks that
// recover over time. Seeded (xoshiro128**), so the same inputs and seed give the same numbers.
//
// The inner loop works on preallocated typed arrays and allocates nothing per path.
import { createHash } from "node:crypto";
import { assetDossier, slashProbabilities } from "./dossier.ts";
import { ethFloat, type InvestorModel } from "./investor-model.ts";
import { SECONDS_PER_YEAR, valueEth } from "./snapshot.ts";

export interface CompareParams {
  /** Tokens to stake, base units of `asset`. */
  amount: bigint;
  /** Asset index in the model. */
  asset: number;
  /** The restaking plan: operators (of `asset` pools) and the share of the tokens each gets (summing to 1). */
  plan: { operator: number; weight: number }[];
  horizonYears: number;
  paths: number;
  seed: string;
  /** USD per ETH now. */
  ethUsd: number;
  /** Yearly volatility of ETH/USD (0.6 = 60%). */
  ethVolatility: number;
  /** Yearly drift of ETH/USD (log-price drift before the volatility correction). */
  ethDrift: number;
  /** Expected yearly growth of the stake securing each service: rewards per unit of stake shrink by as much. */
  stakeGrowth: number;
  /** Volatility of that growth across paths. */
  stakeGrowthVolatility: number;
  /** Probability that a service keeps paying once its funded programs end. */
  renewal: number;
  /** Days for half of a peg shock to recover. */
  pegRecoveryDays: number;
  /** Time steps per year (rewards accrue and dilute per step; events happen in continuous time). */
  stepsPerYear: number;
  /** Yearly slashing probability per service id (overrides the dossier default). */
  slashProbabilities?: ReadonlyMap<string, number>;
  /** Yearly peg-shock probability of the asset (overrides the dossier default). */
  depegProbability?: number;
  /** Size of a peg shock (overrides the dossier default). */
  pegShock?: number;
}

export const COMPARE_DEFAULTS = {
  horizonYears: 1,
  paths: 100_000,
  seed: "rampart",
  ethVolatility: 0.6,
  ethDrift: 0,
  stakeGrowth: 0.3,
  stakeGrowthVolatility: 0.3,
  renewal: 0.8,
  pegRecoveryDays: 30,
  stepsPerYear: 52,
} as const;

export interface Percentiles {
  p5: number;
  p50: number;
  p95: number;
  mean: number;
}

export interface StrategyResult {
  /** End value in ETH (rewards included). */
  eth: Percentiles;
  /** End value in USD. */
  usd: Percentiles;
}

export interface CompareReport {
  asset: string;
  amount: bigint;
  decimals: number;
  startEth: number;
  startUsd: number;
  horizonYears: number;
  paths: number;
  seed: string;
  plan: { operator: string; operatorName: string; weight: number }[];
  /** What the simulation used, per service of the plan. */
  services: {
    service: string;
    serviceName: string;
    slashProbability: number;
    rewardApr: number;
    fundedYears: number;
  }[];
  baseApr: number;
  depegProbability: number;
  pegShock: number;
  staking: StrategyResult;
  restaking: StrategyResult;
  /** Share of paths on which restaking ends below plain staking. */
  probabilityRestakingBelow: number;
  elapsedMs: number;
  parameters: Omit<CompareParams, "amount" | "asset" | "plan" | "slashProbabilities"> & {
    slashProbabilities: Record<string, number>;
  };
}

/** xoshiro128** seeded from SHA-256 of the seed string: uniform floats in [0, 1). */
class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = Number.NaN;

  constructor(seed: string) {
    const digest = createHash("sha256").update(`rampart-montecarlo:${seed}`).digest();
    this.a = digest.readUInt32LE(0);
    this.b = digest.readUInt32LE(4);
    this.c = digest.readUInt32LE(8);
    this.d = digest.readUInt32LE(12);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** Uniform in [0, 1) with 32 random bits. */
  next(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result / 4294967296;
  }

  /** Uniform in (0, 1]: safe under a logarithm. */
  nextOpen(): number {
    return 1 - this.next();
  }

  /** Standard normal (Box–Muller, the second value kept for the next call). */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const value = this.spare;
      this.spare = Number.NaN;
      return value;
    }
    const r = Math.sqrt(-2 * Math.log(this.nextOpen()));
    const theta = 2 * Math.PI * this.next();
    this.spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /** Exponential waiting time with yearly rate `rate` (Infinity for 0). */
  exponential(rate: number): number {
    return rate > 0 ? -Math.log(this.nextOpen()) / rate : Number.POSITIVE_INFINITY;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** p-th percentile (0–1) of a sorted array, linear interpolation. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.min(sorted.length - 1, lower + 1);
  const lo = sorted[lower] ?? 0;
  const hi = sorted[upper] ?? lo;
  return lo + (hi - lo) * (position - lower);
}

function summarize(values: Float64Array): Percentiles {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] ?? 0;
  const sorted = Float64Array.from(values).sort();
  return {
    p5: percentile(sorted, 0.05),
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    mean: values.length > 0 ? sum / values.length : 0,
  };
}

/** A yearly probability as the rate of a Poisson process with that chance of at least one event a year. */
export const rateOfProbability = (p: number): number =>
  p <= 0 ? 0 : p >= 1 ? Number.POSITIVE_INFINITY : -Math.log(1 - p);

/**
 * Simulates plain staking and the restaking plan of `amount` tokens of one asset over the horizon.
 * @example
 * const report = compareStrategies(model, { ...COMPARE_DEFAULTS, amount: 10n ** 19n, asset: 0, plan: [{ operator: 0, weight: 1 }], ethUsd: 3000 });
 */
export function compareStrategies(model: InvestorModel, params: CompareParams): CompareReport {
  const started = performance.now();
  const asset = model.assets[params.asset];
  if (!asset) throw new Error(`compareStrategies: no asset ${params.asset}`);
  const T = params.horizonYears;
  const paths = Math.max(1, Math.floor(params.paths));
  const steps = Math.max(1, Math.round(params.stepsPerYear * T));
  const dt = T / steps;
  const probabilities = slashProbabilities(model, params.slashProbabilities);
  const dossier = assetDossier(model, params.asset, params.depegProbability);
  const depegP = dossier.probability.value;
  const pegShock = params.pegShock ?? dossier.pegShock ?? 0;
  const lambdaPeg = rateOfProbability(depegP);
  const pegHalfLife = params.pegRecoveryDays / 365;
  const rb = asset.baseApr;
  const tokens0 = Number(params.amount) / 10 ** asset.decimals;
  const price0 = Number(asset.priceEth) / 1e18;
  const startEth = ethFloat(valueEth(params.amount, asset));

  // Pairs (plan position j, service s) with something at stake or to earn.
  const weightSum = params.plan.reduce((sum, p) => sum + Math.max(0, p.weight), 0);
  const planWeights = params.plan.map((p) => (weightSum > 0 ? Math.max(0, p.weight) / weightSum : 0));
  const pairJ: number[] = [];
  const pairS: number[] = [];
  const pairReward: number[] = [];
  const pairSeverity: number[] = [];
  const usedServices = new Set<number>();
  params.plan.forEach((p, j) => {
    for (const service of model.services) {
      const s = service.index;
      const reward = model.rewardApr[p.operator]?.[s]?.[params.asset] ?? 0;
      const fraction = model.frac[p.operator]?.[s]?.[params.asset] ?? 0;
      if (reward <= 0 && fraction <= 0) continue;
      pairJ.push(j);
      pairS.push(s);
      pairReward.push(reward);
      pairSeverity.push(Math.min(1, fraction * service.maxSlash));
      usedServices.add(s);
    }
  });
  const S = model.services.length;
  const P = pairJ.length;
  const J = params.plan.length;
  // Years of funded rewards left per service (programs active or scheduled).
  const fundedYears = new Float64Array(S);
  for (const { program } of model.programs) {
    const s = model.serviceIndex.get(program.service);
    if (s === undefined) continue;
    const end = (program.startTime + program.duration - model.timestamp) / SECONDS_PER_YEAR;
    fundedYears[s] = Math.max(fundedYears[s] ?? 0, end);
  }

  // Preallocated state: nothing below allocates per path.
  const jOf = Int32Array.from(pairJ);
  const sOf = Int32Array.from(pairS);
  const reward = Float64Array.from(pairReward);
  const keep = Float64Array.from(pairSeverity, (x) => 1 - x);
  const lambda = Float64Array.from(pairS, (s) => rateOfProbability(probabilities[s] ?? 0));
  const nextEvent = new Float64Array(P);
  const tokens = new Float64Array(J);
  const dilution = new Float64Array(S);
  const decay = new Float64Array(S);
  const renewed = new Uint8Array(S);
  const used = new Uint8Array(S);
  for (const s of usedServices) used[s] = 1;
  const stakingEth = new Float64Array(paths);
  const restakingEth = new Float64Array(paths);
  const usdPerEth = new Float64Array(paths);
  const rng = new Rng(params.seed);
  const sigma = params.ethVolatility;
  const drift = (params.ethDrift - (sigma * sigma) / 2) * T;
  const sqrtT = Math.sqrt(T);
  const growthLog =
    Math.log(1 + params.stakeGrowth) - (params.stakeGrowthVolatility * params.stakeGrowthVolatility) / 2;
  const rateEnd = price0 * (1 + rb * T);
  const ln2 = Math.LN2;
  let below = 0;

  for (let path = 0; path < paths; path++) {
    usdPerEth[path] = params.ethUsd * Math.exp(drift + sigma * sqrtT * rng.normal());
    // Peg shocks: each takes `pegShock` of the market price, recovering with a half-life; what is left at the
    // horizon lowers both strategies alike.
    let peg = 1;
    for (let t = rng.exponential(lambdaPeg); t < T; t += rng.exponential(lambdaPeg)) {
      peg *= 1 - pegShock * Math.exp((-ln2 * (T - t)) / pegHalfLife);
    }
    for (let s = 0; s < S; s++) {
      if (used[s] === 0) continue;
      const growth = Math.exp(growthLog + params.stakeGrowthVolatility * rng.normal());
      dilution[s] = 1;
      decay[s] = growth ** -dt;
      renewed[s] = rng.next() < params.renewal ? 1 : 0;
    }
    for (let j = 0; j < J; j++) tokens[j] = tokens0 * (planWeights[j] ?? 0);
    for (let k = 0; k < P; k++) nextEvent[k] = rng.exponential(lambda[k] ?? 0);
    let rewards = 0;
    for (let step = 0; step < steps; step++) {
      const t0 = step * dt;
      const t1 = t0 + dt;
      const rateMid = price0 * (1 + rb * (t0 + dt / 2));
      for (let k = 0; k < P; k++) {
        const j = jOf[k] as number;
        const s = sOf[k] as number;
        if (t0 < (fundedYears[s] as number) || renewed[s] === 1) {
          rewards += (tokens[j] as number) * rateMid * (reward[k] as number) * (dilution[s] as number) * dt;
        }
        while ((nextEvent[k] as number) < t1) {
          tokens[j] = (tokens[j] as number) * (keep[k] as number);
          nextEvent[k] = (nextEvent[k] as number) + rng.exponential(lambda[k] as number);
        }
      }
      for (let s = 0; s < S; s++) dilution[s] = (dilution[s] as number) * (decay[s] as number);
    }
    let held = 0;
    for (let j = 0; j < J; j++) held += tokens[j] as number;
    const staking = tokens0 * rateEnd * peg;
    const restaking = held * rateEnd * peg + rewards;
    stakingEth[path] = staking;
    restakingEth[path] = restaking;
    if (restaking < staking * (1 - 1e-12)) below++;
  }

  const inUsd = (eth: Float64Array) => eth.map((x, i) => x * (usdPerEth[i] as number));
  const elapsedMs = performance.now() - started;
  const slashRecord: Record<string, number> = {};
  for (const s of usedServices) {
    const service = model.services[s];
    if (service) slashRecord[service.id] = probabilities[s] ?? 0;
  }
  return {
    asset: asset.id,
    amount: params.amount,
    decimals: asset.decimals,
    startEth,
    startUsd: startEth * params.ethUsd,
    horizonYears: T,
    paths,
    seed: params.seed,
    plan: params.plan.map((p, j) => ({
      operator: model.operators[p.operator]?.id ?? String(p.operator),
      operatorName: model.operators[p.operator]?.name ?? String(p.operator),
      weight: planWeights[j] ?? 0,
    })),
    services: [...usedServices].map((s) => {
      const service = model.services[s];
      const planReward = params.plan.reduce(
        (sum, p, j) => sum + (planWeights[j] ?? 0) * (model.rewardApr[p.operator]?.[s]?.[params.asset] ?? 0),
        0,
      );
      return {
        service: service?.id ?? String(s),
        serviceName: service?.name ?? String(s),
        slashProbability: probabilities[s] ?? 0,
        rewardApr: planReward,
        fundedYears: Math.max(0, fundedYears[s] ?? 0),
      };
    }),
    baseApr: rb,
    depegProbability: depegP,
    pegShock,
    staking: { eth: summarize(stakingEth), usd: summarize(inUsd(stakingEth)) },
    restaking: { eth: summarize(restakingEth), usd: summarize(inUsd(restakingEth)) },
    probabilityRestakingBelow: below / paths,
    elapsedMs,
    parameters: {
      horizonYears: T,
      paths,
      seed: params.seed,
      ethUsd: params.ethUsd,
      ethVolatility: params.ethVolatility,
      ethDrift: params.ethDrift,
      stakeGrowth: params.stakeGrowth,
      stakeGrowthVolatility: params.stakeGrowthVolatility,
      renewal: params.renewal,
      pegRecoveryDays: params.pegRecoveryDays,
      stepsPerYear: params.stepsPerYear,
      depegProbability: depegP,
      pegShock,
      slashProbabilities: slashRecord,
    },
  };
}
