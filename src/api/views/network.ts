// Network-wide views: the overview, the asset list, and the TVL and APR series.
import { categoryName } from "../../sdk/reads/registry.ts";
import {
  assetAmount,
  assetInfo,
  describeAsset,
  indexedBlock,
  num,
  parseRange,
  serviceNames,
  sumEth,
} from "../common.ts";
import { ApiError, parseAddress } from "../http.ts";
import { toWei } from "../rates.ts";
import type { Context } from "../route.ts";
import { daySources, dayWindow, endOfDay, isoDay } from "./series.ts";
import { assetTotals, type ProgramRow, programPerDay, rewardPrograms, serviceStake } from "./state.ts";

/** A ratio of two wei amounts as a number (null when either is unknown or the denominator is 0). */
export function ratio(numerator: string | bigint | null, denominator: string | bigint | null): number | null {
  if (numerator === null || denominator === null) return null;
  const d = BigInt(denominator);
  if (d === 0n) return null;
  // Six significant decimals are plenty for a share or an APR; the division stays in integers until then.
  return Number((BigInt(numerator) * 1_000_000_000n) / d) / 1e9;
}

export async function overview(ctx: Context): Promise<unknown> {
  const assets = await assetInfo(ctx);
  const now = await ctx.now();
  const totals = (await assetTotals(ctx, [], true)).get("live") ?? new Map();
  const [counts] = await ctx.db.query<Record<string, string>>(
    `SELECT (SELECT COUNT(*) FROM operators)::text AS operators,
       (SELECT COUNT(*) FROM services)::text AS services,
       (SELECT COUNT(*) FROM operator_sets)::text AS sets,
       (SELECT COUNT(DISTINCT staker) FROM positions WHERE shares > 0)::text AS stakers,
       (SELECT COUNT(*) FROM positions WHERE shares > 0)::text AS positions,
       (SELECT COUNT(*) FROM slashes WHERE status = 'executed')::text AS slashes,
       (SELECT COUNT(*) FROM withdrawals WHERE status = 'queued')::text AS queued_withdrawals,
       (SELECT COUNT(*) FROM reward_programs)::text AS reward_programs`,
  );
  const indexed = await indexedBlock(ctx);
  const listed = [...new Set([...ctx.deployment.assets.map((a) => a.address.toLowerCase()), ...totals.keys()])].sort();
  const tvl = listed.map((asset) => {
    const t = totals.get(asset) ?? { tvl: 0n, restaked: 0n };
    const value = assetAmount(ctx, assets, asset, t.tvl, now);
    const restaked = assetAmount(ctx, assets, asset, t.restaked, now);
    return { ...value, restaked: restaked.amount, restakedEth: restaked.eth, rateSource: ctx.rates.source(asset) };
  });
  const tvlEth = sumEth(tvl);
  const restakedEth = sumEth(tvl.map((t) => ({ eth: t.restakedEth })));
  return {
    chainId: ctx.deployment.chainId,
    rampart: ctx.deployment.contracts.rampart.toLowerCase(),
    indexedBlock: indexed.blockNumber,
    indexedTime: indexed.time,
    tvl,
    tvlEth,
    restakedEth,
    restakedShare: ratio(restakedEth, tvlEth),
    counts: {
      operators: num(counts?.operators),
      services: num(counts?.services),
      sets: num(counts?.sets),
      stakers: num(counts?.stakers),
      positions: num(counts?.positions),
      executedSlashes: num(counts?.slashes),
      queuedWithdrawals: num(counts?.queued_withdrawals),
      rewardPrograms: num(counts?.reward_programs),
    },
  };
}

export async function assetList(ctx: Context): Promise<unknown> {
  const assets = await assetInfo(ctx);
  const now = await ctx.now();
  const totals = (await assetTotals(ctx, [], true)).get("live") ?? new Map();
  const rows = await ctx.db.query<Record<string, string>>(
    `SELECT a.asset, a.decimals::text AS decimals, a.cap::text AS cap, a.listed,
       (SELECT COUNT(*) FROM pools p WHERE p.asset = a.asset AND p.total_assets > 0)::text AS operators,
       (SELECT COUNT(DISTINCT staker) FROM positions q WHERE q.asset = a.asset AND q.shares > 0)::text AS stakers
     FROM assets a ORDER BY a.asset`,
  );
  const values = rows.map((r) => assetAmount(ctx, assets, r.asset as string, totals.get(r.asset)?.tvl ?? 0n, now));
  const tvlEth = sumEth(values);
  return {
    asOf: now,
    assets: rows.map((r, i) => {
      const asset = r.asset as string;
      const meta = ctx.deployment.assets.find((a) => a.address.toLowerCase() === asset);
      const value = values[i] as ReturnType<typeof assetAmount>;
      const restaked = totals.get(asset)?.restaked ?? 0n;
      return {
        ...describeAsset(assets, asset),
        kind: meta?.kind ?? null,
        localStandIn: meta?.localStandIn ?? null,
        listed: r.listed === (true as unknown as string) || String(r.listed) === "true",
        cap: r.cap,
        tvl: value.amount,
        tvlEth: value.eth,
        shareOfTvl: ratio(value.eth, tvlEth),
        restaked: restaked.toString(),
        restakedShare: ratio(restaked, BigInt(value.amount)),
        ethPerToken: ctx.rates.rateAt(asset, now)?.toString() ?? null,
        rateSource: ctx.rates.source(asset),
        operators: num(r.operators),
        stakers: num(r.stakers),
      };
    }),
  };
}

/** `GET /timeseries/tvl`: per day, TVL and restaked amount per asset, with ETH values at that day's rate. */
export async function tvlSeries(ctx: Context): Promise<unknown> {
  const range = parseRange(ctx);
  const window = await dayWindow(ctx, range);
  const assets = await assetInfo(ctx);
  const { source, snapshotDays } = await daySources(ctx, window);
  const totals = await assetTotals(ctx, snapshotDays, source.includes("live"));
  const now = await ctx.now();
  // Counts per day: the snapshots' network_days rows, and the live tables for days from the open day on.
  type Counts = { operators: number; services: number; stakers: number; positions: number };
  const counts = new Map<number | "live", Counts>();
  for (const r of await ctx.db.query<Record<string, string>>(
    `SELECT day::text AS day, operators, services, stakers, positions FROM network_days
     WHERE day IN (SELECT (jsonb_array_elements_text($1::jsonb))::bigint)`,
    [JSON.stringify(snapshotDays.map(String))],
  )) {
    counts.set(Number(r.day), {
      operators: Number(r.operators),
      services: Number(r.services),
      stakers: Number(r.stakers),
      positions: Number(r.positions),
    });
  }
  if (source.includes("live")) {
    const [r] = await ctx.db.query<Record<string, string>>(
      `SELECT (SELECT COUNT(*) FROM operators)::text AS operators, (SELECT COUNT(*) FROM services)::text AS services,
         (SELECT COUNT(DISTINCT staker) FROM positions WHERE shares > 0)::text AS stakers,
         (SELECT COUNT(*) FROM positions WHERE shares > 0)::text AS positions`,
    );
    counts.set("live", {
      operators: Number(r?.operators),
      services: Number(r?.services),
      stakers: Number(r?.stakers),
      positions: Number(r?.positions),
    });
  }
  const none: Counts = { operators: 0, services: 0, stakers: 0, positions: 0 };
  return {
    range,
    points: window.days.map((day, i) => {
      const src = source[i];
      const time = src === "live" ? Math.min(endOfDay(day), now) : endOfDay(day);
      const byAsset = src === null || src === undefined ? new Map() : (totals.get(src) ?? new Map());
      const perAsset = [...byAsset.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([asset, t]) => {
          const value = assetAmount(ctx, assets, asset, t.tvl, time);
          const restaked = assetAmount(ctx, assets, asset, t.restaked, time);
          return { ...value, restaked: restaked.amount, restakedEth: restaked.eth };
        });
      return {
        day,
        date: isoDay(day),
        tvlEth: sumEth(perAsset),
        restakedEth: sumEth(perAsset.map((a) => ({ eth: a.restakedEth }))),
        counts: src === null || src === undefined ? none : (counts.get(src) ?? none),
        assets: perAsset,
      };
    }),
  };
}

/** Rewards paid per day by each service (in ETH wei at the deployment's token prices); null if a token is unpriced. */
function rewardsPerDayEth(ctx: Context, programs: ProgramRow[], day: number): Map<string, bigint | null> {
  const out = new Map<string, bigint | null>();
  const decimals = new Map(ctx.deployment.rewardTokens.map((t) => [t.address.toLowerCase(), t.decimals]));
  for (const asset of ctx.deployment.assets) decimals.set(asset.address.toLowerCase(), asset.decimals);
  for (const program of programs) {
    const amount = programPerDay(program, day);
    if (amount === 0n) continue;
    const wei = toWei(amount, decimals.get(program.token) ?? 18, ctx.rates.rateAt(program.token, endOfDay(day)));
    const before = out.has(program.service) ? out.get(program.service) : 0n;
    out.set(program.service, before === null || before === undefined || wei === null ? null : before + wei);
  }
  return out;
}

/** Σ ETH value of a per-asset stake map at `time` (null if an asset is unpriced). */
export function stakeEth(ctx: Context, stake: Map<string, bigint> | undefined, time: number): bigint | null {
  let total = 0n;
  for (const [asset, amount] of stake ?? []) {
    const decimals = ctx.deployment.assets.find((a) => a.address.toLowerCase() === asset)?.decimals ?? 18;
    const wei = toWei(amount, decimals, ctx.rates.rateAt(asset, time));
    if (wei === null) return null;
    total += wei;
  }
  return total;
}

/**
 * `GET /timeseries/apr`: per day, each service's reward APR on the stake securing it (rewards per day × 365 / stake,
 * both in ETH, before operator commission) and the network's reward APR on all TVL. Base staking yield is not
 * included: it is in the LST's exchange rate.
 */
export async function aprSeries(ctx: Context): Promise<unknown> {
  const range = parseRange(ctx);
  const window = await dayWindow(ctx, range);
  const serviceParam = ctx.query.get("service");
  const only = serviceParam === null ? undefined : parseAddress(serviceParam, "service");
  const { source, snapshotDays } = await daySources(ctx, window);
  const live = source.includes("live");
  const now = await ctx.now();
  const [stakes, totals, programs, names] = await Promise.all([
    serviceStake(ctx, window.days, source, now),
    assetTotals(ctx, snapshotDays, live),
    rewardPrograms(ctx),
    serviceNames(ctx),
  ]);
  if (only && !names.has(only)) {
    throw new ApiError(404, `no service ${only} is registered`, "list the registered services with GET /services");
  }
  const services = [...names.keys()].filter((s) => !only || s === only).sort();
  const categories = new Map(
    (await ctx.db.query<{ service: string; category: number }>("SELECT service, category FROM services")).map((r) => [
      r.service,
      categoryName(Number(r.category)),
    ]),
  );
  return {
    range,
    basis: "rewards per day × 365 ÷ stake securing the service, both in ETH, before operator commission",
    services: services.map((s) => ({ service: s, name: names.get(s) ?? null, category: categories.get(s) ?? null })),
    points: window.days.map((day, i) => {
      const src = source[i];
      const time = src === "live" ? Math.min(endOfDay(day), now) : endOfDay(day);
      const rewards = rewardsPerDayEth(ctx, programs, day);
      const byService = stakes.get(day) ?? new Map<string, Map<string, bigint>>();
      let totalRewards: bigint | null = 0n;
      for (const value of rewards.values())
        totalRewards = totalRewards === null || value === null ? null : totalRewards + value;
      let tvlEth: bigint | null = 0n;
      for (const [asset, t] of (src === null || src === undefined ? undefined : totals.get(src)) ?? new Map()) {
        const wei = toWei(
          t.tvl,
          ctx.deployment.assets.find((a) => a.address.toLowerCase() === asset)?.decimals ?? 18,
          ctx.rates.rateAt(asset, time),
        );
        tvlEth = tvlEth === null || wei === null ? null : tvlEth + wei;
      }
      return {
        day,
        date: isoDay(day),
        networkRewardApr: totalRewards === null ? null : ratio(totalRewards * 365n, tvlEth),
        services: services.map((s) => {
          const perDay = rewards.has(s) ? (rewards.get(s) ?? null) : 0n;
          const stake = stakeEth(ctx, byService.get(s), time);
          return {
            service: s,
            rewardsPerDayEth: perDay?.toString() ?? null,
            stakeEth: stake?.toString() ?? null,
            apr: perDay === null ? null : ratio(perDay * 365n, stake),
          };
        }),
      };
    }),
  };
}
