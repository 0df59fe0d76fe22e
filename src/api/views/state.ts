// Aggregates of the protocol state, either at the end of snapshot days (the `*_days` tables) or live, in the same
// shape, so current views and daily series share one definition. All sums are NUMERIC in SQL; each allocation's
// stake is rounded down as the core's slashableAssets does (MagnitudeMath.toAssetsDown).
import type { Context } from "../route.ts";

const DAYS = "(SELECT (jsonb_array_elements_text($1::jsonb))::bigint)";

/** Per asset: total assets in pools, and the part allocated to at least one set (encumbered / max magnitude). */
export interface AssetTotals {
  tvl: bigint;
  restaked: bigint;
}

export type PerDay<T> = Map<number | "live", T>;

function put<T>(map: PerDay<Map<string, T>>, day: number | "live", key: string, value: T) {
  let inner = map.get(day);
  if (!inner) {
    inner = new Map();
    map.set(day, inner);
  }
  inner.set(key, value);
}

const RESTAKED = "COALESCE(div(total_assets * encumbered, NULLIF(max_magnitude, 0)), 0)";

export async function assetTotals(
  ctx: Context,
  days: readonly number[],
  live: boolean,
): Promise<PerDay<Map<string, AssetTotals>>> {
  const out: PerDay<Map<string, AssetTotals>> = new Map();
  if (days.length > 0) {
    const rows = await ctx.db.query<{ day: string; asset: string; tvl: string; restaked: string }>(
      `SELECT day::text AS day, asset, SUM(total_assets)::text AS tvl, SUM(${RESTAKED})::text AS restaked
       FROM pool_days WHERE day IN ${DAYS} GROUP BY pool_days.day, asset ORDER BY pool_days.day, asset`,
      [JSON.stringify(days.map(String))],
    );
    for (const r of rows) put(out, Number(r.day), r.asset, { tvl: BigInt(r.tvl), restaked: BigInt(r.restaked) });
  }
  if (live) {
    const rows = await ctx.db.query<{ asset: string; tvl: string; restaked: string }>(
      `SELECT asset, SUM(total_assets)::text AS tvl, SUM(${RESTAKED})::text AS restaked FROM pools GROUP BY asset ORDER BY asset`,
    );
    out.set("live", new Map());
    for (const r of rows) put(out, "live", r.asset, { tvl: BigInt(r.tvl), restaked: BigInt(r.restaked) });
  }
  return out;
}

/**
 * Stake securing each service per asset on each requested day, as of the day's last second (today: as of `now`):
 * Σ over its sets' allocations of ⌊pool assets × magnitude / max⌋, where a pending allocation change counts from its
 * effect time on. `source[i]` says where day `days[i]` reads from (see daySources).
 */
export async function serviceStake(
  ctx: Context,
  days: readonly number[],
  source: readonly (number | "live" | null)[],
  now: number,
  service?: string,
): Promise<Map<number, Map<string, Map<string, bigint>>>> {
  const out = new Map<number, Map<string, Map<string, bigint>>>();
  const add = (day: number, svc: string, asset: string, stake: bigint) => {
    let byService = out.get(day);
    if (!byService) {
      byService = new Map();
      out.set(day, byService);
    }
    let byAsset = byService.get(svc);
    if (!byAsset) {
      byAsset = new Map();
      byService.set(svc, byAsset);
    }
    byAsset.set(asset, (byAsset.get(asset) ?? 0n) + stake);
  };
  const snapshotDays = [...new Set(source.filter((s): s is number => typeof s === "number"))];
  type Group = { service: string; asset: string; effectAt: number; current: bigint; pending: bigint };
  const groups = new Map<number, Group[]>();
  if (snapshotDays.length > 0) {
    const filter = service ? "AND s.service = $2" : "";
    const rows = await ctx.db.query<Record<string, string>>(
      `SELECT a.day::text AS day, s.service, a.asset, a.effect_at::text AS effect_at,
         SUM(COALESCE(div(p.total_assets * a.magnitude, NULLIF(p.max_magnitude, 0)), 0))::text AS current,
         SUM(COALESCE(div(p.total_assets * a.pending_magnitude, NULLIF(p.max_magnitude, 0)), 0))::text AS pending
       FROM allocation_days a
       JOIN pool_days p ON p.day = a.day AND p.operator = a.operator AND p.asset = a.asset
       JOIN operator_sets s ON s.set_id = a.set_id
       WHERE a.day IN ${DAYS} ${filter}
       GROUP BY a.day, s.service, a.asset, a.effect_at ORDER BY a.day, s.service, a.asset, a.effect_at`,
      service ? [JSON.stringify(snapshotDays.map(String)), service] : [JSON.stringify(snapshotDays.map(String))],
    );
    for (const r of rows) {
      const day = Number(r.day);
      const list = groups.get(day) ?? [];
      list.push({
        service: r.service as string,
        asset: r.asset as string,
        effectAt: Number(r.effect_at),
        current: BigInt(r.current as string),
        pending: BigInt(r.pending as string),
      });
      groups.set(day, list);
    }
  }
  for (const [i, day] of days.entries()) {
    const src = source[i];
    const end = Math.min((day + 1) * 86_400 - 1, now);
    if (src === "live") {
      for (const a of await liveAllocations(ctx, end, service ? { service } : undefined))
        add(day, a.service, a.asset, a.stake);
    } else if (typeof src === "number") {
      for (const g of groups.get(src) ?? []) {
        add(day, g.service, g.asset, g.effectAt > 0 && g.effectAt <= end ? g.pending : g.current);
      }
    }
  }
  return out;
}

export interface LiveAllocation {
  operator: string;
  asset: string;
  setId: number;
  service: string;
  /** Magnitude in force at `now` (a pending change counts once its effect time has passed). */
  magnitude: bigint;
  pendingMagnitude: bigint;
  effectAt: number;
  /** ⌊pool assets × magnitude / max magnitude⌋: what a slash of 100% could take. */
  stake: bigint;
}

/** Every allocation with its magnitude in force at `now` and the stake it makes slashable. */
export async function liveAllocations(
  ctx: Context,
  now: number,
  filter?: { service?: string; operator?: string } | string,
): Promise<LiveAllocation[]> {
  const f = typeof filter === "string" ? { service: filter } : (filter ?? {});
  const all = await allAllocations(ctx, now);
  return all.filter((a) => (!f.service || a.service === f.service) && (!f.operator || a.operator === f.operator));
}

// The allocation table is small (operators × assets × sets) and read by most views: load it once per indexed block
// and clock, and filter in memory.
function allAllocations(ctx: Context, now: number): Promise<LiveAllocation[]> {
  return ctx.perBlock(`allocations@${now}`, () => loadAllocations(ctx, now));
}

async function loadAllocations(ctx: Context, now: number): Promise<LiveAllocation[]> {
  const rows = await ctx.db.query<Record<string, string>>(
    `SELECT a.operator, a.asset, a.set_id::text AS set_id, s.service, m::text AS magnitude,
       a.pending_magnitude::text AS pending_magnitude, a.effect_at::text AS effect_at,
       COALESCE(div(COALESCE(p.total_assets, 0) * m, NULLIF(COALESCE(p.max_magnitude, 0), 0)), 0)::text AS stake
     FROM (SELECT *, CASE WHEN effect_at > 0 AND effect_at <= $1 THEN pending_magnitude ELSE magnitude END AS m
           FROM allocations) a
     JOIN operator_sets s ON s.set_id = a.set_id
     LEFT JOIN pools p ON p.operator = a.operator AND p.asset = a.asset
     ORDER BY a.set_id, a.operator, a.asset`,
    [String(now)],
  );
  return rows.map((r) => ({
    operator: r.operator as string,
    asset: r.asset as string,
    setId: Number(r.set_id),
    service: r.service as string,
    magnitude: BigInt(r.magnitude as string),
    pendingMagnitude: BigInt(r.pending_magnitude as string),
    effectAt: Number(r.effect_at),
    stake: BigInt(r.stake as string),
  }));
}

export interface ProgramRow {
  programId: string;
  setId: number;
  service: string;
  kind: number;
  token: string;
  amount: bigint;
  startTime: number;
  duration: number;
}

export async function rewardPrograms(ctx: Context, service?: string): Promise<ProgramRow[]> {
  const rows = await ctx.db.query<Record<string, string>>(
    `SELECT program_id::text AS program_id, set_id::text AS set_id, service, kind::text AS kind, token,
       amount::text AS amount, start_time::text AS start_time, duration::text AS duration
     FROM reward_programs ${service ? "WHERE service = $1" : ""} ORDER BY reward_programs.program_id`,
    service ? [service] : [],
  );
  return rows.map((r) => ({
    programId: r.program_id as string,
    setId: Number(r.set_id),
    service: r.service as string,
    kind: Number(r.kind),
    token: r.token as string,
    amount: BigInt(r.amount as string),
    startTime: Number(r.start_time),
    duration: Number(r.duration),
  }));
}

/** A program's payout for UTC day `day` (its amount spread evenly over its days; 0 outside them). */
export function programPerDay(program: ProgramRow, day: number): bigint {
  const days = Math.max(1, Math.floor(program.duration / 86_400));
  const startDay = Math.floor(program.startTime / 86_400);
  if (day < startDay || day >= startDay + days) return 0n;
  return program.amount / BigInt(days);
}
