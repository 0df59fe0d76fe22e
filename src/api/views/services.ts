// Services: the list and one service's detail (its sets and slashing policies, the stake securing it per asset, the
// operators with their shares, slashes, reward programs and reward APR), and its daily stake series.
import { metadataJson, metadataName } from "../../sdk/reads/internal.ts";
import { categoryName } from "../../sdk/reads/registry.ts";
import { assetAmount, assetInfo, commissionsAt, DEFAULT_COMMISSION_BPS, num, parseRange, sumEth } from "../common.ts";
import { ApiError, parseAddress } from "../http.ts";
import type { Context } from "../route.ts";
import { ratio, stakeEth } from "./network.ts";
import { daySources, dayWindow, endOfDay, isoDay } from "./series.ts";
import { slashRows } from "./slashes.ts";
import { type LiveAllocation, liveAllocations, programPerDay, rewardPrograms, serviceStake } from "./state.ts";

type ServiceRow = {
  service: string;
  category: number;
  metadata_uri: string;
  registered_time: string;
};

const DAY = 86_400;

/** Reward payout per day (ETH wei) of a service's programs today; null if a token has no ETH price. */
function rewardsToday(ctx: Context, programs: Awaited<ReturnType<typeof rewardPrograms>>, now: number): bigint | null {
  const day = Math.floor(now / DAY);
  let total = 0n;
  for (const p of programs) {
    const amount = programPerDay(p, day);
    if (amount === 0n) continue;
    const token = ctx.deployment.rewardTokens.find((t) => t.address.toLowerCase() === p.token);
    const asset = ctx.deployment.assets.find((a) => a.address.toLowerCase() === p.token);
    const decimals = token?.decimals ?? asset?.decimals ?? 18;
    const rate = ctx.rates.rateAt(p.token, now);
    if (rate === null) return null;
    total += (amount * rate) / 10n ** BigInt(decimals);
  }
  return total;
}

function stakeByAsset(allocations: LiveAllocation[]): Map<string, bigint> {
  const map = new Map<string, bigint>();
  for (const a of allocations) map.set(a.asset, (map.get(a.asset) ?? 0n) + a.stake);
  return map;
}

async function summarize(ctx: Context, rows: ServiceRow[]): Promise<Record<string, unknown>[]> {
  const assets = await assetInfo(ctx);
  const now = await ctx.now();
  const allocations = await liveAllocations(ctx, now);
  const programs = await rewardPrograms(ctx);
  const counts = await ctx.db.query<{ service: string; sets: string; operators: string; slashes: string }>(
    `SELECT s.service, COUNT(DISTINCT s.set_id)::text AS sets,
       COUNT(DISTINCT m.operator) FILTER (WHERE m.active)::text AS operators,
       (SELECT COUNT(*) FROM slashes x JOIN operator_sets y USING (set_id)
        WHERE y.service = s.service AND x.status = 'executed')::text AS slashes
     FROM operator_sets s LEFT JOIN memberships m USING (set_id) GROUP BY s.service`,
  );
  return rows.map((r) => {
    const mine = allocations.filter((a) => a.service === r.service);
    const stake = [...stakeByAsset(mine)].map(([asset, amount]) => assetAmount(ctx, assets, asset, amount, now));
    const myPrograms = programs.filter((p) => p.service === r.service);
    const perDay = rewardsToday(ctx, myPrograms, now);
    const total = sumEth(stake);
    const c = counts.find((x) => x.service === r.service);
    const meta = metadataJson(r.metadata_uri);
    return {
      service: r.service,
      name: metadataName(r.metadata_uri) ?? null,
      category: num(r.category),
      categoryName: categoryName(num(r.category)),
      metadataUri: r.metadata_uri,
      description: typeof meta?.description === "string" ? meta.description : null,
      registeredTime: num(r.registered_time),
      sets: num(c?.sets ?? 0),
      operators: num(c?.operators ?? 0),
      operatorsAllocated: new Set(mine.filter((a) => a.stake > 0n).map((a) => a.operator)).size,
      stake,
      stakeEth: total,
      rewardPrograms: myPrograms.length,
      rewardsPerDayEth: perDay?.toString() ?? null,
      rewardApr: perDay === null ? null : ratio(perDay * 365n, total),
      executedSlashes: num(c?.slashes ?? 0),
    };
  });
}

export async function serviceList(ctx: Context): Promise<unknown> {
  const rows = await ctx.db.query<ServiceRow>(
    "SELECT service, category, metadata_uri, registered_time::text AS registered_time FROM services ORDER BY service",
  );
  return { asOf: await ctx.now(), services: await summarize(ctx, rows) };
}

async function knownService(ctx: Context): Promise<ServiceRow> {
  const address = parseAddress(ctx.params[0] as string, "service");
  const [row] = await ctx.db.query<ServiceRow>(
    "SELECT service, category, metadata_uri, registered_time::text AS registered_time FROM services WHERE service = $1",
    [address],
  );
  if (!row)
    throw new ApiError(404, `no service ${address} is registered`, "list the registered services with GET /services");
  return row;
}

export async function serviceDetail(ctx: Context): Promise<unknown> {
  const row = await knownService(ctx);
  const [summary] = await summarize(ctx, [row]);
  const assets = await assetInfo(ctx);
  const now = await ctx.now();
  const allocations = await liveAllocations(ctx, now, { service: row.service });
  const sets = await ctx.db.query<Record<string, string>>(
    `SELECT set_id::text AS set_id, veto_window::text AS veto_window, deallocation_delay::text AS deallocation_delay,
       max_slash_wad::text AS max_slash_wad, veto_committee, slash_recipient, registrar, created_time::text AS created_time
     FROM operator_sets WHERE service = $1 ORDER BY operator_sets.set_id`,
    [row.service],
  );
  const setAssets = await ctx.db.query<{ set_id: string; asset: string }>(
    `SELECT set_id::text AS set_id, asset FROM operator_set_assets
     WHERE set_id IN (SELECT set_id FROM operator_sets WHERE service = $1) ORDER BY asset`,
    [row.service],
  );
  const members = await ctx.db.query<{ set_id: string; operator: string; joined_time: string }>(
    `SELECT set_id::text AS set_id, operator, joined_time::text AS joined_time FROM memberships
     WHERE active AND set_id IN (SELECT set_id FROM operator_sets WHERE service = $1) ORDER BY operator`,
    [row.service],
  );
  const commissions = await commissionsAt(ctx, now, { service: row.service });
  const totals = stakeByAsset(allocations);
  const totalEth = stakeEth(ctx, totals, now);
  const operators = [...new Set([...members.map((m) => m.operator), ...allocations.map((a) => a.operator)])].sort();
  const programs = await rewardPrograms(ctx, row.service);
  return {
    ...summary,
    sets: sets.map((s) => ({
      setId: num(s.set_id),
      assets: setAssets
        .filter((a) => a.set_id === s.set_id)
        .map((a) => assets.get(a.asset) ?? { asset: a.asset, symbol: null, decimals: 18 }),
      policy: {
        vetoWindow: num(s.veto_window),
        deallocationDelay: num(s.deallocation_delay),
        maxSlashWad: s.max_slash_wad,
        vetoCommittee: s.veto_committee,
        slashRecipient: s.slash_recipient,
      },
      registrar: s.registrar,
      createdTime: num(s.created_time),
      operators: members
        .filter((m) => m.set_id === s.set_id)
        .map((m) => ({ operator: m.operator, joinedTime: num(m.joined_time) })),
    })),
    operators: operators.map((operator) => {
      const mine = allocations.filter((a) => a.operator === operator);
      const stake = [...stakeByAsset(mine)].map(([asset, amount]) => assetAmount(ctx, assets, asset, amount, now));
      const eth = sumEth(stake);
      const c = commissions.find((x) => x.operator === operator);
      return {
        operator,
        stake,
        stakeEth: eth,
        shareOfStake: ratio(eth, totalEth),
        commissionBps: c ? c.bps : DEFAULT_COMMISSION_BPS,
        commissionIsDefault: !c,
        pendingCommissionBps: c?.pendingBps ?? null,
        commissionEffectAt: c?.effectAt ?? null,
        allocations: mine.map((a) => ({
          setId: a.setId,
          asset: a.asset,
          magnitude: a.magnitude.toString(),
          pendingMagnitude: a.pendingMagnitude.toString(),
          effectAt: a.effectAt,
        })),
      };
    }),
    slashes: await slashRows(ctx, { service: row.service }),
    programs: programs.map((p) => {
      const end = p.startTime + p.duration;
      return {
        programId: p.programId,
        setId: p.setId,
        kind: p.kind === 0 ? "pro-rata" : "operator-directed",
        ...assetAmount(ctx, assets, p.token, p.amount, now),
        startTime: p.startTime,
        endTime: end,
        durationDays: p.duration / DAY,
        perDay: (p.amount / BigInt(Math.max(1, Math.floor(p.duration / DAY)))).toString(),
        status: now < p.startTime ? "upcoming" : now < end ? "active" : "ended",
      };
    }),
  };
}

/** `GET /timeseries/services/{address}/stake?range=`: stake securing the service per asset at the end of each day. */
export async function serviceStakeSeries(ctx: Context): Promise<unknown> {
  const row = await knownService(ctx);
  const range = parseRange(ctx);
  const window = await dayWindow(ctx, range);
  const assets = await assetInfo(ctx);
  const { source } = await daySources(ctx, window);
  const now = await ctx.now();
  const stakes = await serviceStake(ctx, window.days, source, now, row.service);
  return {
    service: row.service,
    range,
    points: window.days.map((day, i) => {
      const src = source[i];
      const time = src === "live" ? Math.min(endOfDay(day), now) : endOfDay(day);
      const byAsset = stakes.get(day)?.get(row.service);
      const stake = [...(byAsset ?? new Map<string, bigint>())]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([asset, amount]) => assetAmount(ctx, assets, asset, amount, time));
      return { day, date: isoDay(day), stakeEth: sumEth(stake), stake };
    }),
  };
}
