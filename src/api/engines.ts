// The API's engine routes: `/risk/...` (network security, cascades, a staker's position, dossiers, staking versus
// restaking) and `/rewards/...` (earnings, claim proofs, roots), computed from the indexer's database in the API's
// own process. The risk engine runs on a snapshot built from the database (snapshot-from-db.ts), the rewards
// calculator on the protocol events of the `events` table (src/rewards/events-from-db.ts).
//
// Snapshots and reward computations are kept in the server's per-block memo (ctx.perBlock): repeated requests at the
// same indexed block reuse them; the next block starts afresh.
//
// Money is a decimal string of base units with its decimals beside it (ETH figures: wei, 18 decimals); ratios (APR,
// γ, probabilities) are JSON numbers or exact fractions `{ value, num, den }`. Docs: docs/api-engines.md.
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { getAddress } from "viem";
import { type CalculateOptions, calculateRewards, type RewardsResult } from "../rewards/calculator.ts";
import type { ReadEventsResult } from "../rewards/events.ts";
import { indexedHead, rewardEventsFromDb } from "../rewards/events-from-db.ts";
import { buildDistributionTree, type DistributionTree, LEAF_ENCODING, proofOf } from "../rewards/merkle.ts";
import { type Addr, addr, DAY } from "../rewards/model.ts";
import type { InvestorModel } from "../risk/investor-model.ts";
import type { Snapshot, SnapshotInput } from "../risk/snapshot.ts";
import type { SecurityNetwork } from "../risk/types.ts";
import { RampartError } from "../sdk/errors.ts";
import { parseAmount, parsePercent } from "../sdk/format.ts";
import { ApiError, parseAddress } from "./http.ts";
import type { Context, Route } from "./route.ts";
import { address, addressParam, json, object, seconds, signedAmount } from "./schema.ts";
import { snapshotFromDb } from "./snapshot-from-db.ts";

type Engine = typeof import("../risk/index.ts");
let engineModule: Promise<Engine> | undefined;
/** The risk engine (zod schemas, HiGHS, the Monte Carlo), loaded by the first risk request. */
const engine = (): Promise<Engine> => {
  engineModule ??= import("../risk/index.ts");
  return engineModule;
};

/** Bounds that keep one request from taking the server down. */
export const ENGINE_LIMITS = {
  /** Security and cascade searches: default and largest time limit, seconds. */
  timeLimitDefault: 10,
  timeLimitMax: 60,
  /** Monte Carlo paths: default and bounds. */
  pathsDefault: 10_000,
  pathsMin: 100,
  pathsMax: 100_000,
  /** Horizon, days. */
  horizonDaysDefault: 365,
  horizonDaysMax: 3_650,
  seedMaxLength: 64,
  /** Plan: largest amount in tokens, and largest number of positions (a MILP). */
  planMaxTokens: 1_000_000_000n,
  planMaxPositions: 10,
} as const;

// ─────────────────────────── Cache ───────────────────────────

interface RiskState {
  snapshot: Snapshot;
  input: SnapshotInput;
  notes: string[];
  model: InvestorModel;
  network: SecurityNetwork;
}

/** Everything computed at one indexed block (kept in the server's per-block memo, so a new block starts afresh). */
interface BlockCache {
  head: { blockNumber: bigint; time: bigint };
  events?: Promise<ReadEventsResult>;
  risk?: Promise<RiskState>;
  /** Engine results by what was asked (e.g. "security:10", "cascade:1/10:10"). */
  results: Map<string, Promise<unknown>>;
  /** Rewards by calculatedUntil (with "all" breakdown), and their trees. */
  rewards: Map<string, Promise<{ result: RewardsResult; tree: DistributionTree | undefined }>>;
}

/** Engine results kept per block before the map starts over. */
const MAX_RESULTS_PER_BLOCK = 256;

function blockCache(ctx: Pick<Context, "db" | "perBlock">): Promise<BlockCache> {
  return ctx.perBlock("engines", async () => ({
    head: await indexedHead(ctx.db),
    results: new Map(),
    rewards: new Map(),
  }));
}

/** Memoises a promise in `map`; a failure is not kept, so the next request tries again. */
function memo<T>(map: Map<string, Promise<unknown>>, key: string, make: () => Promise<T>): Promise<T> {
  let found = map.get(key) as Promise<T> | undefined;
  if (!found) {
    // Many distinct questions at one block (seeds, shocks…): keep memory bounded by starting over.
    if (map.size >= MAX_RESULTS_PER_BLOCK) map.clear();
    found = make();
    map.set(key, found);
    found.catch(() => map.delete(key));
  }
  return found;
}

function eventsOf(ctx: Context, cache: BlockCache): Promise<ReadEventsResult> {
  if (!cache.events) {
    cache.events = rewardEventsFromDb(ctx.db);
    cache.events.catch(() => {
      cache.events = undefined;
    });
  }
  return cache.events;
}

async function riskState(ctx: Context): Promise<{ cache: BlockCache; state: RiskState }> {
  const cache = await blockCache(ctx);
  if (!cache.risk) {
    cache.risk = (async () => {
      const E = await engine();
      const { events } = await eventsOf(ctx, cache);
      const { snapshot: input, notes } = await snapshotFromDb(ctx.db, ctx.deployment, {
        standIns: ctx.standIns,
        rates: ctx.rates,
        rewardEvents: events,
      });
      const snapshot = E.parseSnapshot(input, "the snapshot built from the indexer's database");
      return { snapshot, input, notes, model: E.buildInvestorModel(snapshot), network: E.toSecurityNetwork(snapshot) };
    })();
    cache.risk.catch(() => {
      cache.risk = undefined;
    });
  }
  return { cache, state: await cache.risk };
}

function rewardsAt(
  ctx: Context,
  cache: BlockCache,
  until: bigint,
  options: CalculateOptions = {},
): Promise<{ result: RewardsResult; tree: DistributionTree | undefined }> {
  const key = `${until}:${(options.checkpoints ?? []).join(",")}`;
  return memo(cache.rewards as Map<string, Promise<unknown>>, key, async () => {
    const { events } = await eventsOf(ctx, cache);
    const result = calculateRewards(events, until, { ...options, breakdownFor: "all" });
    return { result, tree: options.checkpoints ? undefined : buildDistributionTree(result.earnings) };
  });
}

// ─────────────────────────── Helpers ───────────────────────────

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** JSON-safe copy: bigints as decimal strings, addresses lowercase (as every API response), undefined as null. */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return ADDRESS.test(value) ? value.toLowerCase() : value;
  if (value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), jsonSafe(v)]));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]));
  }
  return value;
}

const asOf = (cache: BlockCache) => ({ block: Number(cache.head.blockNumber), time: Number(cache.head.time) });
const ETH_UNIT = { symbol: "ETH", decimals: 18, description: "ETH amounts are decimal strings of wei" };

function tokenInfo(ctx: Context, token: string): { token: string; symbol: string | null; decimals: number | null } {
  const t = token.toLowerCase();
  const known =
    ctx.deployment.rewardTokens.find((r) => r.address.toLowerCase() === t) ??
    ctx.deployment.assets.find((a) => a.address.toLowerCase() === t);
  return { token: t, symbol: known?.symbol ?? null, decimals: known?.decimals ?? null };
}

function queryNumber(
  ctx: Context,
  name: string,
  options: { default: number; min: number; max: number; integer?: boolean; exclusiveMin?: boolean },
): number {
  const raw = ctx.query.get(name);
  if (raw === null || raw.trim() === "") return options.default;
  const value = Number(raw.trim());
  const below = options.exclusiveMin ? value <= options.min : value < options.min;
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !Number.isFinite(value) || below || value > options.max) {
    throw new ApiError(
      400,
      `${name} "${raw}" must be ${options.integer ? "a whole number" : "a number"} ${
        options.exclusiveMin ? "above" : "from"
      } ${options.min} ${options.exclusiveMin ? "up " : ""}to ${options.max}`,
      `e.g. ?${name}=${options.default}`,
    );
  }
  if (options.integer && !Number.isInteger(value)) {
    throw new ApiError(400, `${name} "${raw}" must be a whole number`, `e.g. ?${name}=${options.default}`);
  }
  return value;
}

function timeLimit(ctx: Context): number {
  return queryNumber(ctx, "timeLimit", {
    default: ENGINE_LIMITS.timeLimitDefault,
    min: 0,
    exclusiveMin: true,
    max: ENGINE_LIMITS.timeLimitMax,
  });
}

// ─────────────────────────── Risk routes ───────────────────────────

async function security(ctx: Context): Promise<unknown> {
  const seconds = timeLimit(ctx);
  const { cache, state } = await riskState(ctx);
  const E = await engine();
  // A report that did not hit its time limit is the answer for any limit: reuse it rather than search again.
  const settled = cache.results.get("security:settled");
  const json = await (settled ??
    memo(cache.results, `security:${seconds}`, async () => {
      const report = await E.analyzeSecurity(state.network, { timeLimitSeconds: seconds });
      const result = E.securityReportToJson(report, state.network);
      if (!report.stats.timedOut) cache.results.set("security:settled", Promise.resolve(result));
      return result;
    }));
  return jsonSafe({ asOf: asOf(cache), unit: ETH_UNIT, timeLimit: seconds, ...(json as object), notes: state.notes });
}

async function cascade(ctx: Context): Promise<unknown> {
  const raw = ctx.query.get("shock");
  const E = await engine();
  if (raw === null || raw.trim() === "") {
    throw new ApiError(
      400,
      "shock is missing",
      'pass the share of all stake the shock removes, in [0, 1]: ?shock=0.1 (also "10%" or "1/10")',
    );
  }
  const shock = E.parseFraction(raw);
  if (typeof shock === "string") {
    throw new ApiError(400, `shock: ${shock}`, 'a fraction in [0, 1]: ?shock=0.1 (also "10%" or "1/10")');
  }
  const seconds = timeLimit(ctx);
  const { cache, state } = await riskState(ctx);
  const json = await memo(cache.results, `cascade:${shock.num}/${shock.den}:${seconds}`, async () => {
    const report = await E.analyzeCascade(state.network, shock, { timeLimitSeconds: seconds });
    return E.cascadeReportToJson(report, state.network);
  });
  return jsonSafe({ asOf: asOf(cache), unit: ETH_UNIT, timeLimit: seconds, ...(json as object) });
}

async function position(ctx: Context): Promise<unknown> {
  const staker = parseAddress(ctx.params[0] as string, "staker");
  const { cache, state } = await riskState(ctx);
  const E = await engine();
  const report = E.analyzeHoldings(state.model, E.holdingsOf(state.model, staker), { staker: getAddress(staker) });
  return jsonSafe({
    asOf: asOf(cache),
    unit: ETH_UNIT,
    ...report,
    staker,
    notes: [...state.notes, ...state.model.notes],
  });
}

function serviceSummary(state: RiskState, s: RiskState["model"]["services"][number]) {
  const source = state.snapshot.services[s.index];
  return {
    id: s.id,
    name: s.name,
    address: source?.address?.toLowerCase() ?? null,
    setId: source?.setId ?? null,
  };
}

async function dossiers(ctx: Context): Promise<unknown> {
  const { cache, state } = await riskState(ctx);
  const E = await engine();
  return jsonSafe({
    asOf: asOf(cache),
    services: state.model.services.map((s) => {
      const d = E.serviceDossier(state.model, s.index);
      return { ...serviceSummary(state, s), score: d.score, probability: d.probability, warnings: d.warnings };
    }),
    assets: state.model.assets.map((a) => {
      const d = E.assetDossier(state.model, a.index);
      return {
        id: a.id,
        name: a.name,
        address: state.snapshot.assets[a.index]?.address?.toLowerCase() ?? null,
        score: d.score,
        probability: d.probability,
        warnings: d.warnings,
      };
    }),
  });
}

async function dossier(ctx: Context): Promise<unknown> {
  let ref: string;
  try {
    ref = decodeURIComponent(ctx.params[0] as string);
  } catch {
    ref = ctx.params[0] as string;
  }
  const { cache, state } = await riskState(ctx);
  const E = await engine();
  const { model } = state;
  const trimmed = ref.trim();
  // A service by id ("set-1"), name, set number, or address (when the address runs one set).
  const byAddress = /^0x[0-9a-fA-F]{40}$/.test(trimmed)
    ? model.services.filter((s) => state.snapshot.services[s.index]?.address?.toLowerCase() === trimmed.toLowerCase())
    : [];
  if (byAddress.length > 1) {
    throw new ApiError(
      400,
      `service ${trimmed.toLowerCase()} runs ${byAddress.length} operator sets`,
      `name one: ${byAddress.map((s) => s.id).join(", ")}`,
    );
  }
  const service =
    byAddress[0] ??
    E.findEntity(model.services, trimmed) ??
    model.services.find((s) => String(state.snapshot.services[s.index]?.setId) === trimmed);
  const asset = service ? undefined : E.findEntity(model.assets, trimmed);
  if (!service && !asset) {
    throw new ApiError(
      404,
      `no service or asset "${ref}"`,
      `services: ${model.services.map((s) => s.id).join(", ") || "none"}; assets: ${model.assets
        .map((a) => a.id)
        .join(", ")} (list them with GET /risk/dossiers)`,
    );
  }
  const d = service
    ? E.serviceDossier(model, service.index)
    : E.assetDossier(model, (asset as { index: number }).index);
  return jsonSafe({
    asOf: asOf(cache),
    ...(service ? serviceSummary(state, service) : {}),
    ...d,
    facts: d.facts.map(([name, value]) => ({ name, value })),
  });
}

async function compare(ctx: Context): Promise<unknown> {
  const staker = parseAddress(ctx.params[0] as string, "staker");
  const horizonDays = queryNumber(ctx, "horizonDays", {
    default: ENGINE_LIMITS.horizonDaysDefault,
    min: 1,
    max: ENGINE_LIMITS.horizonDaysMax,
    integer: true,
  });
  const paths = queryNumber(ctx, "paths", {
    default: ENGINE_LIMITS.pathsDefault,
    min: ENGINE_LIMITS.pathsMin,
    max: ENGINE_LIMITS.pathsMax,
    integer: true,
  });
  const seed = ctx.query.get("seed") ?? "rampart";
  if (seed.length === 0 || seed.length > ENGINE_LIMITS.seedMaxLength) {
    throw new ApiError(400, `seed must be 1 to ${ENGINE_LIMITS.seedMaxLength} characters`, "e.g. ?seed=rampart");
  }
  const { cache, state } = await riskState(ctx);
  const E = await engine();
  const { model, snapshot } = state;
  const holdings = E.holdingsOf(model, staker);
  const assetRef = ctx.query.get("asset");
  let assets = [...new Set(holdings.map((h) => h.asset))];
  if (assetRef !== null) {
    const wanted = E.findEntity(model.assets, assetRef);
    if (!wanted) {
      throw new ApiError(400, `unknown asset "${assetRef}"`, `use one of: ${model.assets.map((a) => a.id).join(", ")}`);
    }
    assets = assets.filter((a) => a === wanted.index);
  }
  if (assets.length === 0) {
    throw new ApiError(
      404,
      `${staker} has no positions${assetRef === null ? "" : ` in ${assetRef}`} to compare`,
      "the comparison restakes what the address holds, split across its operators as now; see GET /stakers/{address}/portfolio",
    );
  }
  const key = `compare:${staker}:${assets.join(",")}:${horizonDays}:${paths}:${seed}`;
  const comparisons = await memo(cache.results, key, async () =>
    assets.map((a) => {
      const mine = holdings.filter((h) => h.asset === a);
      const amount = mine.reduce((sum, h) => sum + h.amount, 0n);
      const plan = mine.map((h) => ({ operator: h.operator, weight: Number((h.amount * 1_000_000n) / amount) / 1e6 }));
      const total = plan.reduce((sum, p) => sum + p.weight, 0);
      const report = E.compareStrategies(model, {
        ...E.COMPARE_DEFAULTS,
        amount,
        asset: a,
        plan: plan.map((p) => ({ ...p, weight: p.weight / total })),
        horizonYears: horizonDays / 365,
        paths,
        seed,
        ethUsd: Number(E.ethUsdOf(snapshot)) / 1e18,
      });
      const weiFromEth = (x: number) => BigInt(Math.round(x * 1e6)) * 10n ** 12n;
      const cents = (x: number) => BigInt(Math.round(x * 100));
      const money = (p: { p5: number; p50: number; p95: number; mean: number }, f: (x: number) => bigint) => ({
        p5: f(p.p5),
        p50: f(p.p50),
        p95: f(p.p95),
        mean: f(p.mean),
      });
      return {
        ...report,
        units: { eth: "wei (18 decimals, rounded to 1e-6 ETH)", usd: "cents" },
        startEth: weiFromEth(report.startEth),
        startUsd: cents(report.startUsd),
        staking: { eth: money(report.staking.eth, weiFromEth), usd: money(report.staking.usd, cents) },
        restaking: { eth: money(report.restaking.eth, weiFromEth), usd: money(report.restaking.usd, cents) },
      };
    }),
  );
  return jsonSafe({ asOf: asOf(cache), staker, horizonDays, paths, seed, comparisons, notes: state.notes });
}

/** A percentage query parameter ("25%", "0.25") as WAD, above 0 and at most 100%. */
function queryPercent(ctx: Context, name: string, fallback: string): bigint {
  const raw = ctx.query.get(name);
  const text = raw === null || raw.trim() === "" ? fallback : raw;
  let wad: bigint;
  try {
    wad = parsePercent(text, name);
  } catch {
    throw new ApiError(400, `${name} "${text}" is not a percentage from above 0% to 100%`, `e.g. ?${name}=${fallback}`);
  }
  if (wad === 0n)
    throw new ApiError(400, `${name} 0% leaves no room`, `give a share above 0%, e.g. ?${name}=${fallback}`);
  return wad;
}

/**
 * The diversification plan for depositing `amount` of one asset (docs/risk-investor.md#the-plan): the split across
 * that asset's pools that maximises expected net APR under the caller's limits, with every pool's APR and
 * per-service exposure (so a hand-made split can be previewed too), next to the staker's current positions.
 */
async function plan(ctx: Context): Promise<unknown> {
  const staker = parseAddress(ctx.params[0] as string, "staker");
  const assetRef = ctx.query.get("asset");
  if (assetRef === null || assetRef.trim() === "") {
    throw new ApiError(400, "asset is missing", "name the asset to deposit by symbol: ?asset=wstETH");
  }
  const amountText = ctx.query.get("amount");
  if (amountText === null || amountText.trim() === "") {
    throw new ApiError(400, "amount is missing", "the amount of the asset to deposit, in tokens: ?amount=10");
  }
  const maxPerOperator = queryPercent(ctx, "maxPerOperator", "50%");
  const maxPerService = queryPercent(ctx, "maxPerService", "100%");
  const minScore = queryNumber(ctx, "minScore", { default: 0, min: 0, max: 100 });
  const maxPositionsRaw = ctx.query.get("maxPositions");
  const maxPositions =
    maxPositionsRaw === null || maxPositionsRaw.trim() === ""
      ? undefined
      : queryNumber(ctx, "maxPositions", {
          default: 2,
          min: 1,
          max: ENGINE_LIMITS.planMaxPositions,
          integer: true,
        });
  const { cache, state } = await riskState(ctx);
  const E = await engine();
  const { model } = state;
  const asset = E.findEntity(model.assets, assetRef.trim());
  if (!asset) {
    throw new ApiError(400, `unknown asset "${assetRef}"`, `use one of: ${model.assets.map((a) => a.id).join(", ")}`);
  }
  let amount: bigint;
  try {
    amount = parseAmount(amountText, asset.decimals, "amount");
  } catch (error) {
    throw new ApiError(400, (error as RampartError).shortMessage ?? String(error), "e.g. ?amount=10 or ?amount=2.5");
  }
  const maxAmount = ENGINE_LIMITS.planMaxTokens * 10n ** BigInt(asset.decimals);
  if (amount === 0n || amount > maxAmount) {
    throw new ApiError(
      400,
      `amount "${amountText}" must be above 0 and at most ${ENGINE_LIMITS.planMaxTokens} ${asset.id}`,
      "e.g. ?amount=10",
    );
  }
  const limits = {
    ...E.PLAN_DEFAULTS,
    maxPerOperator,
    maxPerService,
    minScore,
    maxPositions,
    assets: [asset.id],
  };
  const budgetEth = E.valueEth(amount, asset);
  const key = `plan:${staker}:${asset.id}:${amount}:${maxPerOperator}:${maxPerService}:${minScore}:${maxPositions ?? ""}`;
  const report = await memo(cache.results, key, async () => {
    try {
      return await E.planPositions(model, budgetEth > 0n ? budgetEth : 1n, limits, {
        current: E.holdingsOf(model, staker),
      });
    } catch (error) {
      if (error instanceof RampartError) {
        // The planner speaks in the CLI's flags; the API's parameters have other names.
        const hint = (error.hint ?? "loosen the limits")
          .replaceAll("--max-per-operator", "maxPerOperator")
          .replaceAll("--max-per-service", "maxPerService")
          .replaceAll("--min-score", "minScore")
          .replaceAll("--max-positions", "maxPositions")
          .replaceAll("--assets", "asset");
        throw new ApiError(400, error.shortMessage, hint);
      }
      throw error;
    }
  });
  const probabilities = E.slashProbabilities(model);
  const a = asset.index;
  const pools = model.operators
    .filter((o) => (o.stake[a] ?? 0n) > 0n)
    .map((o) => {
      const services = model.services.flatMap((s) => {
        const allocatedFraction = model.frac[o.index]?.[s.index]?.[a] ?? 0;
        if (allocatedFraction <= 0) return [];
        return [
          {
            service: s.id,
            serviceName: s.name,
            address: state.snapshot.services[s.index]?.address?.toLowerCase() ?? null,
            allocatedFraction,
            maxSlash: s.maxSlash,
            probability: probabilities[s.index] ?? 0,
            rewardApr: model.rewardApr[o.index]?.[s.index]?.[a] ?? 0,
            commissionBps: o.commissionBps[s.index] ?? null,
          },
        ];
      });
      const rewardApr = E.poolRewardApr(model, o.index, a);
      const expectedLoss = services.reduce((sum, s) => sum + s.probability * s.allocatedFraction * s.maxSlash, 0);
      const excluded = report.excluded.find((e) => e.operator === o.id && e.asset === asset.id);
      return {
        operator: o.id,
        operatorName: o.name,
        stake: o.stake[a] ?? 0n,
        stakeEth: o.stakeEth[a] ?? 0n,
        baseApr: asset.baseApr,
        rewardApr,
        totalApr: asset.baseApr + rewardApr,
        expectedLoss,
        netApr: asset.baseApr + rewardApr - expectedLoss,
        services,
        qualifies: excluded === undefined,
        excludedReason: excluded?.reason ?? null,
      };
    });
  const wadNumber = (wad: bigint) => Number(wad) / 1e18;
  return jsonSafe({
    asOf: asOf(cache),
    unit: ETH_UNIT,
    staker,
    asset: {
      id: asset.id,
      address: state.snapshot.assets[a]?.address?.toLowerCase() ?? null,
      decimals: asset.decimals,
      priceEth: asset.priceEth,
    },
    amount,
    budgetEth: report.budgetEth,
    limits: {
      maxPerOperator: wadNumber(maxPerOperator),
      maxPerService: wadNumber(maxPerService),
      minScore,
      maxPositions: maxPositions ?? null,
    },
    positions: report.positions,
    pools,
    plan: report.plan,
    naive: report.naive,
    current: report.current ?? null,
    checks: report.checks,
    unplacedWei: report.unplacedWei,
    // Pools of other assets are left out by the question itself, not by a limit.
    excluded: report.excluded.filter((e) => e.asset === asset.id),
    solver: report.solver,
    notes: [...report.notes, ...state.notes],
  });
}

// ─────────────────────────── Rewards routes ───────────────────────────

interface RootRow {
  index: number;
  root: string;
  calculatedUntil: bigint;
  activatesAt: bigint;
  submittedTime: bigint;
  disabled: boolean;
  status: "pending" | "active" | "disabled";
}

function rootsOf(ctx: Context): Promise<RootRow[]> {
  return ctx.perBlock("roots", () => loadRoots(ctx));
}

async function loadRoots(ctx: Context): Promise<RootRow[]> {
  const now = BigInt(await ctx.now());
  const rows = await ctx.db.query<Record<string, string | boolean>>(
    `SELECT root_index::text AS root_index, root, calculated_until::text AS calculated_until,
       activates_at::text AS activates_at, submitted_time::text AS submitted_time, disabled
     FROM roots ORDER BY roots.root_index`,
  );
  return rows.map((r) => {
    const activatesAt = BigInt(r.activates_at as string);
    const disabled = r.disabled === true || r.disabled === "true";
    return {
      index: Number(r.root_index),
      root: String(r.root).toLowerCase(),
      calculatedUntil: BigInt(r.calculated_until as string),
      activatesAt,
      submittedTime: BigInt(r.submitted_time as string),
      disabled,
      status: disabled ? "disabled" : now >= activatesAt ? "active" : "pending",
    };
  });
}

const latestActive = (roots: RootRow[]) => [...roots].reverse().find((r) => r.status === "active");

const rootJson = (r: RootRow) => ({
  index: r.index,
  root: r.root,
  calculatedUntil: Number(r.calculatedUntil),
  activatesAt: Number(r.activatesAt),
  submittedTime: Number(r.submittedTime),
  status: r.status,
});

/** What each earner has claimed per token (cumulative), loaded once per block. */
async function claimedOf(ctx: Context, earner: string): Promise<Map<string, bigint>> {
  const all = await ctx.perBlock("claimed", async () => {
    const rows = await ctx.db.query<{ earner: string; token: string; claimed: string }>(
      "SELECT earner, token, MAX(cumulative_claimed)::text AS claimed FROM claims GROUP BY earner, token",
    );
    const map = new Map<string, Map<string, bigint>>();
    for (const r of rows) {
      const tokens = map.get(r.earner) ?? new Map<string, bigint>();
      tokens.set(r.token, BigInt(r.claimed));
      map.set(r.earner, tokens);
    }
    return map;
  });
  return all.get(earner) ?? new Map();
}

async function roots(ctx: Context): Promise<unknown> {
  const cache = await blockCache(ctx);
  const all = await rootsOf(ctx);
  const active = latestActive(all);
  return { asOf: asOf(cache), activeRoot: active?.index ?? null, roots: all.map(rootJson) };
}

async function earnings(ctx: Context): Promise<unknown> {
  return earningsOf(ctx, parseAddress(ctx.params[0] as string, "earner"));
}

// Breakdown lists hold every earner's lines (tens of thousands at scale) and are shared by all requests at a block:
// index each once by earner instead of filtering it per request.
const earnerIndexes = new WeakMap<readonly unknown[], Map<string, unknown[]>>();
function byEarner<T extends { earner: Addr }>(list: readonly T[]): Map<string, T[]> {
  let index = earnerIndexes.get(list) as Map<string, T[]> | undefined;
  if (!index) {
    index = new Map();
    for (const line of list) {
      const lines = index.get(line.earner);
      if (lines) lines.push(line);
      else index.set(line.earner, [line]);
    }
    earnerIndexes.set(list, index as Map<string, unknown[]>);
  }
  return index;
}

/** An earner's rewards by service, token and role, with claimed and claimable per token (as getEarnings). */
export async function earningsOf(ctx: Context, earner: string): Promise<unknown> {
  const key = addr(earner);
  const cache = await blockCache(ctx);
  const { toTime } = await eventsOf(ctx, cache);
  const all = await rootsOf(ctx);
  const active = latestActive(all);
  const completedUntil = toTime - (toTime % DAY);
  // As getEarnings (src/rewards/distribution.ts): today as if it ended now, with the ended days as a checkpoint; the
  // active root's figures, and whether it is what the events give (if not, nothing is claimable).
  const today = (await rewardsAt(ctx, cache, completedUntil + DAY, { checkpoints: [completedUntil] })).result;
  const inRoot = active ? await rewardsAt(ctx, cache, active.calculatedUntil) : undefined;
  const activeRootVerified = active && inRoot ? inRoot.tree?.root.toLowerCase() === active.root : false;
  type Line = {
    service: string;
    token: string;
    role: string;
    inActiveRoot: bigint;
    completedDays: bigint;
    withToday: bigint;
  };
  const lines = new Map<string, Line>();
  const line = (l: { service: string; token: string; role: string }): Line => {
    const k = `${l.service}${l.token}${l.role}`;
    let found = lines.get(k);
    if (!found) {
      found = { service: l.service, token: l.token, role: l.role, inActiveRoot: 0n, completedDays: 0n, withToday: 0n };
      lines.set(k, found);
    }
    return found;
  };
  const mine = <T extends { earner: Addr }>(list: readonly T[]) => byEarner(list).get(key) ?? [];
  for (const l of mine(inRoot?.result.breakdown ?? [])) line(l).inActiveRoot += l.amount;
  for (const l of mine(today.checkpoints.get(completedUntil) ?? [])) line(l).completedDays += l.amount;
  for (const l of mine(today.breakdown)) line(l).withToday += l.amount;
  const tokens = [...new Set([...lines.values()].map((l) => l.token))].sort();
  const claimed = await claimedOf(ctx, key);
  return jsonSafe({
    earner: key,
    asOf: asOf(cache),
    completedUntil: Number(completedUntil),
    activeRoot: active ? rootJson(active) : null,
    activeRootVerified,
    lines: [...lines.values()].map((l) => ({ ...l, ...tokenInfo(ctx, l.token) })),
    tokens: tokens.map((token) => {
      const sum = (pick: (l: Line) => bigint) =>
        [...lines.values()].filter((l) => l.token === token).reduce((s, l) => s + pick(l), 0n);
      const inActive = sum((l) => l.inActiveRoot);
      const done = claimed.get(token) ?? 0n;
      return {
        ...tokenInfo(ctx, token),
        claimed: done,
        claimable: activeRootVerified && inActive > done ? inActive - done : 0n,
        earned: sum((l) => l.completedDays),
        withToday: sum((l) => l.withToday),
      };
    }),
  });
}

async function proofs(ctx: Context): Promise<unknown> {
  const earner = parseAddress(ctx.params[0] as string, "earner");
  const cache = await blockCache(ctx);
  const all = await rootsOf(ctx);
  const active = latestActive(all);
  if (!active) {
    const pending = all.filter((r) => r.status === "pending").at(-1);
    throw new ApiError(
      404,
      "no distribution root is active yet, so there is nothing to claim against",
      pending
        ? `root ${pending.index} activates at ${new Date(Number(pending.activatesAt) * 1000).toISOString()}`
        : "the rewards updater has not posted a root yet; see GET /rewards/roots",
    );
  }
  const { tree } = await rewardsAt(ctx, cache, active.calculatedUntil);
  if (!tree || tree.root.toLowerCase() !== active.root) {
    throw new ApiError(
      409,
      `root ${active.index} (${active.root}) does not verify: the indexed events give ${tree?.root ?? "no leaves at all"}`,
      "no proof is served against a root the events do not reproduce; run `rampart rewards verify` and report it",
    );
  }
  const claimed = await claimedOf(ctx, earner);
  const tokens = tree.leaves
    .filter((l) => l.earner.toLowerCase() === earner)
    .map((l) => {
      const proof = proofOf(tree, l.earner, l.token);
      if (!proof) throw new Error(`no proof for ${l.earner}/${l.token} in a tree that has the leaf`);
      const value: [string, string, string] = [l.earner, l.token, l.cumulativeAmount.toString()];
      if (!StandardMerkleTree.verify(active.root, [...LEAF_ENCODING], value, proof.proof)) {
        throw new ApiError(
          409,
          `the proof of ${l.earner}/${l.token} does not verify against root ${active.index} (${active.root})`,
          "this is a bug in the tree code; no proof is served that does not verify",
        );
      }
      const done = claimed.get(l.token.toLowerCase()) ?? 0n;
      return {
        ...tokenInfo(ctx, l.token),
        cumulativeAmount: l.cumulativeAmount,
        claimed: done,
        claimable: l.cumulativeAmount > done ? l.cumulativeAmount - done : 0n,
        proof: proof.proof,
      };
    })
    .sort((a, b) => (a.token < b.token ? -1 : 1));
  return jsonSafe({
    earner,
    asOf: asOf(cache),
    rootIndex: active.index,
    root: active.root,
    calculatedUntil: Number(active.calculatedUntil),
    verified: true,
    tokens,
    // The arguments of RampartRewards.claim(rootIndex, earner, recipient, claims): only tokens with something to
    // claim (a token that pays nothing makes the whole claim revert with NothingToClaim).
    claim: {
      rootIndex: active.index,
      earner,
      claims: tokens
        .filter((t) => t.claimable > 0n)
        .map((t) => ({ token: t.token, cumulativeAmount: t.cumulativeAmount, proof: t.proof })),
    },
  });
}

// ─────────────────────────── Table and OpenAPI ───────────────────────────

/** The engine routes (all GET), for the server's ROUTES table. */
export const ENGINE_ROUTES: readonly Route[] = [
  { path: "/risk/security", pattern: /^\/risk\/security$/, handler: security },
  { path: "/risk/cascade", pattern: /^\/risk\/cascade$/, handler: cascade },
  { path: "/risk/position/{address}", pattern: /^\/risk\/position\/([^/]+)$/, handler: position },
  { path: "/risk/dossiers", pattern: /^\/risk\/dossiers$/, handler: dossiers },
  { path: "/risk/dossiers/{service}", pattern: /^\/risk\/dossiers\/([^/]+)$/, handler: dossier },
  { path: "/risk/compare/{address}", pattern: /^\/risk\/compare\/([^/]+)$/, handler: compare },
  { path: "/risk/plan/{address}", pattern: /^\/risk\/plan\/([^/]+)$/, handler: plan },
  { path: "/rewards/roots", pattern: /^\/rewards\/roots$/, handler: roots },
  { path: "/rewards/earnings/{address}", pattern: /^\/rewards\/earnings\/([^/]+)$/, handler: earnings },
  { path: "/rewards/proofs/{address}", pattern: /^\/rewards\/proofs\/([^/]+)$/, handler: proofs },
];

const amount = signedAmount;
const hex32 = { type: "string", pattern: "^0x[0-9a-f]{64}$" };
const fraction = {
  type: ["object", "null"],
  description: "An exact ratio: value rounded to 6 decimals (as a string), num/den exact (null: +∞)",
  properties: { value: { type: "string" }, num: { type: "string" }, den: { type: "string" } },
};
const error = { $ref: "#/components/schemas/Error" };
const asOfSchema = object({ block: { type: "integer" }, time: seconds });
const tokenFields = {
  token: address,
  symbol: { type: ["string", "null"] },
  decimals: { type: ["integer", "null"], description: "null when the deployment file does not name the token" },
};
const timeLimitParam = {
  name: "timeLimit",
  in: "query",
  required: false,
  description: `Seconds the search may take, above 0 and at most ${ENGINE_LIMITS.timeLimitMax} (default ${ENGINE_LIMITS.timeLimitDefault}); results at a limit reached are bounds`,
  schema: { type: "number", exclusiveMinimum: 0, maximum: ENGINE_LIMITS.timeLimitMax },
};
const badInput = (what: string) => ({ "400": json(error, what) });
const attack = object({
  services: { type: "array", items: { type: "string" } },
  operators: { type: "array", items: { type: "string" } },
  profit: amount,
  loss: amount,
  netProfit: amount,
});

/** OpenAPI 3.1 `paths` for ENGINE_ROUTES, to merge into openapi.ts's document. */
export const ENGINE_OPENAPI_PATHS = {
  "/risk/security": {
    get: {
      summary: "Network security: is there a profitable attack, the worst one, the slack γ*, per-service figures",
      description:
        "The risk engine (docs/risk.md) on a snapshot built from the indexed state: one service per operator set, " +
        "π and α from service metadata or the documented assumptions (listed in notes). Amounts in wei.",
      parameters: [timeLimitParam],
      responses: {
        "200": json(
          object({
            asOf: asOfSchema,
            unit: { type: "object" },
            timeLimit: { type: "number" },
            verdict: { type: "string" },
            secure: { type: ["boolean", "null"], description: "null: undetermined within the time limit" },
            worstAttack: { oneOf: [attack, { type: "null" }] },
            worstAttackExact: { type: "boolean" },
            gammaStar: fraction,
            gammaStarExact: { type: "boolean" },
            gammaCertified: fraction,
            cheapCheck: { type: "object" },
            services: { type: "array", items: { type: "object" } },
            notes: { type: "array", items: { type: "string" } },
          }),
          "The security report (securityReportToJson) with the block it is as of",
        ),
        ...badInput("A time limit that is not a number in (0, 60]"),
      },
    },
  },
  "/risk/cascade": {
    get: {
      summary: "Worst-case cascade of attacks after a shock removing a share ψ of all stake",
      parameters: [
        {
          name: "shock",
          in: "query",
          required: true,
          description: 'ψ in [0, 1]: "0.1", "10%" or "1/10"',
          schema: { type: "string" },
        },
        timeLimitParam,
      ],
      responses: {
        "200": json(
          object({
            asOf: asOfSchema,
            shock: fraction,
            rounds: { type: "array", items: attack },
            totalLoss: amount,
            totalStake: amount,
            lossFraction: fraction,
            exact: { type: "boolean" },
          }),
          "The cascade report (cascadeReportToJson)",
        ),
        ...badInput("A missing shock, or one outside [0, 1]"),
      },
    },
  },
  "/risk/position/{address}": {
    get: {
      summary: "A staker's APR decomposition, exposure per service, expected loss and concentration",
      parameters: [addressParam("The staker")],
      responses: {
        "200": json(
          object({
            asOf: asOfSchema,
            staker: address,
            valueEth: amount,
            positions: { type: "array", items: { type: "object" } },
            apr: object({
              base: { type: "number" },
              rewards: { type: "number" },
              total: { type: "number" },
              plainStaking: { type: "number" },
              expectedLoss: { type: "number" },
              net: { type: "number" },
              byService: { type: "array", items: { type: "object" } },
            }),
            exposure: { type: "object" },
            concentration: { type: "object" },
            warnings: { type: "array", items: { type: "string" } },
            notes: { type: "array", items: { type: "string" } },
          }),
          "The position report (empty positions for an address without any)",
        ),
        ...badInput("A bad address"),
      },
    },
  },
  "/risk/dossiers": {
    get: {
      summary: "Every service's and asset's dossier score and the slashing (or peg-shock) probability it implies",
      responses: {
        "200": json(
          object({
            asOf: asOfSchema,
            services: { type: "array", items: { type: "object" } },
            assets: { type: "array", items: { type: "object" } },
          }),
          "Scores and probabilities",
        ),
      },
    },
  },
  "/risk/dossiers/{service}": {
    get: {
      summary: "One dossier, factor by factor: a service (id set-<n>, name, set number or address) or an asset",
      parameters: [
        {
          name: "service",
          in: "path",
          required: true,
          description: 'A service id ("set-1"), name, set number, service address, or an asset symbol',
          schema: { type: "string" },
        },
      ],
      responses: {
        "200": json(
          object({
            asOf: asOfSchema,
            kind: { enum: ["service", "asset"] },
            id: { type: "string" },
            name: { type: "string" },
            score: { type: "number" },
            factors: { type: "array", items: { type: "object" } },
            facts: { type: "array", items: object({ name: { type: "string" }, value: { type: "string" } }) },
            probability: object({ value: { type: "number" }, source: { type: "string" } }),
            warnings: { type: "array", items: { type: "string" } },
          }),
          "The dossier",
        ),
        ...badInput("A service address that runs several sets"),
        "404": json(error, "No such service or asset"),
      },
    },
  },
  "/risk/compare/{address}": {
    get: {
      summary: "Monte Carlo: plain staking versus restaking what the staker holds, per asset, p5/p50/p95/mean",
      description:
        "For each asset the address holds: its amount, restaked across its operators in the proportions it has now, " +
        "against plain staking of the same tokens. ETH figures in wei, USD in cents. Seeded: same inputs, same numbers.",
      parameters: [
        addressParam("The staker"),
        {
          name: "horizonDays",
          in: "query",
          required: false,
          description: `1 to ${ENGINE_LIMITS.horizonDaysMax} (default ${ENGINE_LIMITS.horizonDaysDefault})`,
          schema: { type: "integer", minimum: 1, maximum: ENGINE_LIMITS.horizonDaysMax },
        },
        {
          name: "paths",
          in: "query",
          required: false,
          description: `Simulated paths per asset, ${ENGINE_LIMITS.pathsMin} to ${ENGINE_LIMITS.pathsMax} (default ${ENGINE_LIMITS.pathsDefault})`,
          schema: { type: "integer", minimum: ENGINE_LIMITS.pathsMin, maximum: ENGINE_LIMITS.pathsMax },
        },
        {
          name: "seed",
          in: "query",
          required: false,
          description: 'Random seed (default "rampart")',
          schema: { type: "string", maxLength: ENGINE_LIMITS.seedMaxLength },
        },
        {
          name: "asset",
          in: "query",
          required: false,
          description: "Only this asset (symbol)",
          schema: { type: "string" },
        },
      ],
      responses: {
        "200": json(
          object({
            asOf: asOfSchema,
            staker: address,
            horizonDays: { type: "integer" },
            paths: { type: "integer" },
            seed: { type: "string" },
            comparisons: {
              type: "array",
              items: object({
                asset: { type: "string" },
                amount,
                decimals: { type: "integer" },
                staking: { type: "object" },
                restaking: { type: "object" },
                probabilityRestakingBelow: { type: "number" },
              }),
            },
          }),
          "One comparison per asset held",
        ),
        ...badInput("A bad address, horizon, path count, seed or asset"),
        "404": json(error, "The address holds nothing to compare"),
      },
    },
  },
  "/risk/plan/{address}": {
    get: {
      summary: "A diversified split of a deposit of one asset across its pools, under the staker's limits",
      description:
        "The risk engine's plan (docs/risk-investor.md#the-plan) restricted to one asset: the shares of the amount per " +
        "operator that maximise expected net APR with at most maxPerOperator with any operator and maxPerService " +
        "exposed to any service; every pool of the asset with its APR and per-service allocation; the plan's risk next " +
        "to an even split and the staker's current positions. Amounts in base units, ETH figures in wei.",
      parameters: [
        addressParam("The staker (its current positions are shown next to the plan)"),
        {
          name: "asset",
          in: "query",
          required: true,
          description: "The asset to deposit (symbol)",
          schema: { type: "string" },
        },
        {
          name: "amount",
          in: "query",
          required: true,
          description: `Tokens to deposit, a decimal number above 0 and at most ${ENGINE_LIMITS.planMaxTokens}`,
          schema: { type: "string", pattern: "^[0-9]*\\.?[0-9]*$" },
        },
        {
          name: "maxPerOperator",
          in: "query",
          required: false,
          description: 'Largest share with one operator: "50%" or "0.5" (default 50%)',
          schema: { type: "string" },
        },
        {
          name: "maxPerService",
          in: "query",
          required: false,
          description: 'Largest share any one service can slash: "25%" or "0.25" (default 100%)',
          schema: { type: "string" },
        },
        {
          name: "minScore",
          in: "query",
          required: false,
          description: "Leave out pools backing a service (or of an asset) scoring below this, 0 to 100 (default 0)",
          schema: { type: "number", minimum: 0, maximum: 100 },
        },
        {
          name: "maxPositions",
          in: "query",
          required: false,
          description: `At most this many positions, 1 to ${ENGINE_LIMITS.planMaxPositions} (solved as a MILP)`,
          schema: { type: "integer", minimum: 1, maximum: ENGINE_LIMITS.planMaxPositions },
        },
      ],
      responses: {
        "200": json(
          object({
            asOf: asOfSchema,
            staker: address,
            asset: object({ id: { type: "string" }, address, decimals: { type: "integer" }, priceEth: amount }),
            amount,
            budgetEth: amount,
            limits: { type: "object" },
            positions: {
              type: "array",
              items: object({
                operator: address,
                operatorName: { type: "string" },
                asset: { type: "string" },
                decimals: { type: "integer" },
                amount,
                valueEth: amount,
                share: { type: "number" },
                netApr: { type: "number" },
              }),
            },
            pools: { type: "array", items: { type: "object" } },
            plan: { type: "object" },
            naive: { type: "object" },
            current: { type: ["object", "null"] },
            checks: { type: "array", items: { type: "object" } },
            unplacedWei: amount,
            notes: { type: "array", items: { type: "string" } },
          }),
          "The plan, the pools it chose from, and its risk and yield",
        ),
        ...badInput("A bad address, asset, amount or limit, or limits no plan can meet (the binding one named)"),
      },
    },
  },
  "/rewards/roots": {
    get: {
      summary: "Posted distribution roots with their status at the indexed block",
      responses: {
        "200": json(
          object({
            asOf: asOfSchema,
            activeRoot: { type: ["integer", "null"] },
            roots: {
              type: "array",
              items: object({
                index: { type: "integer" },
                root: hex32,
                calculatedUntil: seconds,
                activatesAt: seconds,
                submittedTime: seconds,
                status: { enum: ["pending", "active", "disabled"] },
              }),
            },
          }),
          "Every root, oldest first",
        ),
      },
    },
  },
  "/rewards/earnings/{address}": {
    get: {
      summary:
        "An earner's rewards per service and token: in the active root, completed days, with today; claimed, claimable",
      parameters: [addressParam("The earner (staker, operator or service)")],
      responses: {
        "200": json(
          object({
            earner: address,
            asOf: asOfSchema,
            completedUntil: seconds,
            activeRoot: { type: ["object", "null"] },
            activeRootVerified: { type: "boolean" },
            lines: {
              type: "array",
              items: object({
                service: address,
                ...tokenFields,
                role: { enum: ["operator", "staker", "refund"] },
                inActiveRoot: amount,
                completedDays: amount,
                withToday: amount,
              }),
            },
            tokens: {
              type: "array",
              items: object({ ...tokenFields, claimed: amount, claimable: amount, earned: amount, withToday: amount }),
            },
          }),
          "The earnings (as getEarnings computes them from chain events)",
        ),
        ...badInput("A bad address"),
      },
    },
  },
  "/rewards/proofs/{address}": {
    get: {
      summary: "The claim inputs for the latest active root: per token the cumulative amount and its Merkle proof",
      description:
        "Recomputed from the indexed events and checked against the posted root; a root the events do not reproduce " +
        "is refused with 409, and every proof is verified before it is served.",
      parameters: [addressParam("The earner")],
      responses: {
        "200": json(
          object({
            earner: address,
            asOf: asOfSchema,
            rootIndex: { type: "integer" },
            root: hex32,
            calculatedUntil: seconds,
            verified: { const: true },
            tokens: {
              type: "array",
              items: object({
                ...tokenFields,
                cumulativeAmount: amount,
                claimed: amount,
                claimable: amount,
                proof: { type: "array", items: hex32 },
              }),
            },
            claim: object({
              rootIndex: { type: "integer" },
              earner: address,
              claims: {
                type: "array",
                items: object({ token: address, cumulativeAmount: amount, proof: { type: "array", items: hex32 } }),
              },
            }),
          }),
          "Proofs (empty tokens for an address without leaves in the root)",
        ),
        ...badInput("A bad address"),
        "404": json(error, "No root is active yet"),
        "409": json(error, "The active root does not verify against the indexed events"),
      },
    },
  },
} as const;
