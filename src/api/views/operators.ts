// Operators: the list (TVL, stakers, commissions, services secured, concentration) and one operator's detail with
// pools, allocations, slashes, daily history and recent events.
import { metadataName } from "../../sdk/reads/internal.ts";
import {
  assetAmount,
  assetInfo,
  commissionsAt,
  DEFAULT_COMMISSION_BPS,
  num,
  numOrNull,
  parseRange,
  serviceNames,
  sumEth,
} from "../common.ts";
import { ApiError, parseAddress, sharesToAssets } from "../http.ts";
import type { Context } from "../route.ts";
import { ratio } from "./network.ts";
import { daySources, dayWindow, endOfDay, isoDay } from "./series.ts";
import { slashRows } from "./slashes.ts";
import { liveAllocations } from "./state.ts";

function group<T extends { operator: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.operator);
    if (list) list.push(row);
    else map.set(row.operator, [row]);
  }
  return map;
}

/** Operators with TVL per asset, stakers, sets, commissions, services secured and concentration; one when `only`. */
export async function operatorSummaries(ctx: Context, only?: string): Promise<Record<string, unknown>[]> {
  const assets = await assetInfo(ctx);
  const now = await ctx.now();
  const where = only ? "WHERE operator = $1" : "";
  const params = only ? [only] : [];
  const operators = await ctx.db.query<Record<string, string | null>>(
    `SELECT operator, delegate, metadata_uri, allocation_delay::text AS allocation_delay,
       pending_allocation_delay::text AS pending_allocation_delay,
       allocation_delay_effect_at::text AS allocation_delay_effect_at,
       registered_time::text AS registered_time FROM operators ${where} ORDER BY operator`,
    params,
  );
  const pools = group(
    await ctx.db.query<{ operator: string; asset: string; total_assets: string; total_shares: string }>(
      `SELECT operator, asset, total_assets::text AS total_assets, total_shares::text AS total_shares
       FROM pools ${where} ORDER BY asset`,
      params,
    ),
  );
  // Each staker's value in the operator's pools, for the staker count and the largest staker's share.
  const holdings = group(
    await ctx.db.query<{ operator: string; staker: string; asset: string; shares: string }>(
      `SELECT operator, staker, asset, shares::text AS shares FROM positions WHERE shares > 0
       ${only ? "AND operator = $1" : ""}`,
      params,
    ),
  );
  const sets = group(
    await ctx.db.query<{ operator: string; set_id: string; service: string; joined_time: string }>(
      `SELECT m.operator, m.set_id::text AS set_id, s.service, m.joined_time::text AS joined_time
       FROM memberships m JOIN operator_sets s USING (set_id)
       WHERE m.active ${only ? "AND m.operator = $1" : ""} ORDER BY m.set_id`,
      params,
    ),
  );
  const commissions = group(await commissionsAt(ctx, now, only ? { operator: only } : {}));
  const allocations = group(await liveAllocations(ctx, now, only ? { operator: only } : undefined));
  const names = await serviceNames(ctx);
  const summaries = operators.map((o) => {
    const operator = o.operator as string;
    const operatorPools = pools.get(operator) ?? [];
    const tvl = operatorPools.map((p) => assetAmount(ctx, assets, p.asset, p.total_assets, now));
    const pool = new Map(operatorPools.map((p) => [p.asset, p]));
    const perStaker = new Map<string, bigint>();
    let unpriced = false;
    for (const h of holdings.get(operator) ?? []) {
      const p = pool.get(h.asset);
      const value = sharesToAssets(BigInt(h.shares), BigInt(p?.total_assets ?? 0), BigInt(p?.total_shares ?? 0));
      const eth = assetAmount(ctx, assets, h.asset, value, now).eth;
      if (eth === null) unpriced = true;
      perStaker.set(h.staker, (perStaker.get(h.staker) ?? 0n) + BigInt(eth ?? 0));
    }
    const tvlEth = sumEth(tvl);
    const largest = [...perStaker.values()].reduce((a, b) => (b > a ? b : a), 0n);
    const secured = new Set((allocations.get(operator) ?? []).filter((a) => a.magnitude > 0n).map((a) => a.service));
    return {
      operator,
      name: metadataName(o.metadata_uri ?? "") ?? null,
      delegate: o.delegate,
      metadataUri: o.metadata_uri,
      // A pending allocation delay is in force once its effect time has passed (the chain applies it lazily).
      ...(o.allocation_delay_effect_at !== null && num(o.allocation_delay_effect_at) <= now
        ? {
            allocationDelay: num(o.pending_allocation_delay),
            pendingAllocationDelay: null,
            allocationDelayEffectAt: null,
          }
        : {
            allocationDelay: num(o.allocation_delay),
            pendingAllocationDelay: numOrNull(o.pending_allocation_delay),
            allocationDelayEffectAt: numOrNull(o.allocation_delay_effect_at),
          }),
      registeredTime: num(o.registered_time),
      tvl,
      tvlEth,
      stakers: perStaker.size,
      sets: (sets.get(operator) ?? []).map((s) => ({
        setId: num(s.set_id),
        service: s.service,
        serviceName: names.get(s.service) ?? null,
        joinedTime: num(s.joined_time),
      })),
      servicesSecured: [...secured].sort().map((service) => ({ service, name: names.get(service) ?? null })),
      // Every service it serves or has set a rate for; services it never set one for charge the default.
      commissions: [
        ...new Set([
          ...(commissions.get(operator) ?? []).map((c) => c.service),
          ...(sets.get(operator) ?? []).map((s) => s.service),
        ]),
      ]
        .sort()
        .map((service) => {
          const c = (commissions.get(operator) ?? []).find((x) => x.service === service);
          return c
            ? { service, bps: c.bps, pendingBps: c.pendingBps, effectAt: c.effectAt, default: false }
            : { service, bps: DEFAULT_COMMISSION_BPS, pendingBps: null, effectAt: null, default: true };
        }),
      concentration: {
        /** Filled below, once the network's TVL is known. */
        shareOfNetworkTvl: null as number | null,
        largestStakerShare: unpriced ? null : ratio(largest, tvlEth),
      },
    };
  });
  // The share of the network's TVL needs every operator's value, even for one operator's detail.
  const [network] = await ctx.db.query<{ n: string }>("SELECT COUNT(*)::text AS n FROM pools");
  if (network && summaries.length > 0) {
    const all = only
      ? await ctx.db.query<{ asset: string; total: string }>(
          "SELECT asset, SUM(total_assets)::text AS total FROM pools GROUP BY asset",
        )
      : null;
    const networkEth = all
      ? sumEth(all.map((r) => assetAmount(ctx, assets, r.asset, r.total, now)))
      : sumEth(summaries.map((s) => ({ eth: s.tvlEth })));
    for (const s of summaries) s.concentration.shareOfNetworkTvl = ratio(s.tvlEth, networkEth);
  }
  return summaries;
}

export async function operatorList(ctx: Context): Promise<unknown> {
  return { asOf: await ctx.now(), operators: await operatorSummaries(ctx) };
}

/** `GET /operators/{address}?range=`: the summary plus pools, allocations, slashes, daily history and events. */
export async function operatorDetail(ctx: Context): Promise<unknown> {
  const address = parseAddress(ctx.params[0] as string, "operator");
  const range = parseRange(ctx, "3m");
  const [summary] = await operatorSummaries(ctx, address);
  if (!summary) {
    throw new ApiError(
      404,
      `no operator ${address} is registered`,
      "list the registered operators with GET /operators",
    );
  }
  const assets = await assetInfo(ctx);
  const now = await ctx.now();
  const pools = await ctx.db.query<Record<string, string>>(
    `SELECT asset, total_shares::text AS total_shares, total_assets::text AS total_assets,
       max_magnitude::text AS max_magnitude, encumbered::text AS encumbered FROM pools WHERE operator = $1
     ORDER BY asset`,
    [address],
  );
  const names = await serviceNames(ctx);
  const allocations = await liveAllocations(ctx, now, { operator: address });
  // History: the operator's pools at the end of each day of the range.
  const window = await dayWindow(ctx, range);
  const { source, snapshotDays } = await daySources(ctx, window);
  const history = await ctx.db.query<{ day: string; asset: string; total_assets: string; stakers: number }>(
    `SELECT day::text AS day, asset, total_assets::text AS total_assets, stakers FROM pool_days
     WHERE operator = $1 AND day IN (SELECT (jsonb_array_elements_text($2::jsonb))::bigint)
     ORDER BY pool_days.day, pool_days.asset`,
    [address, JSON.stringify(snapshotDays.map(String))],
  );
  const liveStakers = await ctx.db.query<{ asset: string; n: string }>(
    "SELECT asset, COUNT(*)::text AS n FROM positions WHERE operator = $1 AND shares > 0 GROUP BY asset ORDER BY asset",
    [address],
  );
  const events = await ctx.db.query<Record<string, string>>(
    `SELECT block_number::text AS block_number, log_index, block_time::text AS block_time, tx_hash, name, args
     FROM events WHERE args->>'operator' = $1 OR args->'withdrawal'->>'operator' = $1
       OR args->'withdrawal'->>'redelegateTo' = $1
     ORDER BY events.block_number DESC, events.log_index DESC LIMIT 50`,
    [address],
  );
  return {
    ...summary,
    pools: pools.map((p) => ({
      ...assetAmount(ctx, assets, p.asset as string, p.total_assets as string, now),
      totalShares: p.total_shares,
      totalAssets: p.total_assets,
      maxMagnitude: p.max_magnitude,
      encumberedMagnitude: p.encumbered,
    })),
    allocations: allocations.map((a) => ({
      asset: a.asset,
      setId: a.setId,
      service: a.service,
      serviceName: names.get(a.service) ?? null,
      magnitude: a.magnitude.toString(),
      pendingMagnitude: a.pendingMagnitude.toString(),
      effectAt: a.effectAt,
      slashable: assetAmount(ctx, assets, a.asset, a.stake, now),
    })),
    slashes: await slashRows(ctx, { operator: address }),
    history: {
      range,
      points: window.days.map((day, i) => {
        const src = source[i];
        const time = src === "live" ? Math.min(endOfDay(day), now) : endOfDay(day);
        const rows =
          src === "live"
            ? pools.map((p) => ({
                asset: p.asset as string,
                total_assets: p.total_assets as string,
                stakers: num(liveStakers.find((s) => s.asset === p.asset)?.n ?? 0),
              }))
            : history.filter((h) => Number(h.day) === src);
        const tvl = rows.map((r) => assetAmount(ctx, assets, r.asset, r.total_assets, time));
        return {
          day,
          date: isoDay(day),
          tvlEth: sumEth(tvl),
          tvl,
          stakerPositions: rows.reduce((n, r) => n + Number(r.stakers), 0),
        };
      }),
    },
    recentEvents: events.map((e) => ({
      blockNumber: num(e.block_number),
      logIndex: num(e.log_index),
      time: num(e.block_time),
      txHash: e.tx_hash,
      name: e.name,
      args: typeof e.args === "string" ? JSON.parse(e.args) : e.args,
    })),
  };
}
