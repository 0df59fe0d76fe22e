// A staker's portfolio, and the withdrawal queue.

import { assetAmount, assetInfo, num, parseIntParam, serviceNames, sumEth } from "../common.ts";
import { earningsOf } from "../engines.ts";
import { ApiError, parseAddress, sharesToAssets } from "../http.ts";
import type { Context } from "../route.ts";
import { ratio } from "./network.ts";
import { liveAllocations } from "./state.ts";

/**
 * `GET /stakers/{address}/portfolio`: positions with their value and what each service could slash of them, pending
 * withdrawals with the time left, and rewards by service and token with what is claimable (`/rewards/earnings`).
 */
export async function portfolio(ctx: Context): Promise<unknown> {
  const staker = parseAddress(ctx.params[0] as string, "staker");
  const assets = await assetInfo(ctx);
  const now = await ctx.now();
  const positions = (await positionsByStaker(ctx)).get(staker) ?? [];
  const operators = [...new Set(positions.map((p) => p.operator as string))];
  const allocations = (await Promise.all(operators.map((operator) => liveAllocations(ctx, now, { operator })))).flat();
  // The stake securing each (service, asset), for the staker's share of it.
  const services = [...new Set(allocations.map((a) => a.service))];
  const serviceTotals = new Map<string, bigint>();
  for (const service of services) {
    for (const a of await liveAllocations(ctx, now, { service })) {
      const key = `${service}:${a.asset}`;
      serviceTotals.set(key, (serviceTotals.get(key) ?? 0n) + a.stake);
    }
  }
  const names = await serviceNames(ctx);
  const withdrawals = await pendingWithdrawalsOf(ctx, staker);
  const rows = positions.map((p) => {
    const shares = BigInt(p.shares as string);
    const value = sharesToAssets(shares, BigInt(p.total_assets as string), BigInt(p.total_shares as string));
    const maxMagnitude = BigInt(p.max_magnitude as string);
    const exposure = allocations
      .filter((a) => a.operator === p.operator && a.asset === p.asset && a.magnitude > 0n)
      .map((a) => {
        const slashable = maxMagnitude === 0n ? 0n : (value * a.magnitude) / maxMagnitude;
        return {
          setId: a.setId,
          service: a.service,
          serviceName: names.get(a.service) ?? null,
          slashable: assetAmount(ctx, assets, a.asset, slashable, now),
          shareOfServiceStake: ratio(slashable, serviceTotals.get(`${a.service}:${a.asset}`) ?? 0n),
        };
      });
    return {
      operator: p.operator,
      ...assetAmount(ctx, assets, p.asset as string, value, now),
      shares: p.shares,
      assets: value.toString(),
      exposure,
    };
  });
  return {
    staker,
    asOf: now,
    valueEth: sumEth(rows),
    positions: rows,
    pendingWithdrawals: withdrawals,
    rewards: await earningsOf(ctx, staker),
  };
}

type PositionRow = Record<"operator" | "asset" | "shares" | "total_shares" | "total_assets" | "max_magnitude", string>;

/** Every staker's positions with their pools, loaded once per block: a portfolio then needs no query of its own. */
function positionsByStaker(ctx: Context): Promise<Map<string, PositionRow[]>> {
  return ctx.perBlock("positionsByStaker", async () => {
    const rows = await ctx.db.query<PositionRow & { staker: string }>(
      `SELECT p.staker, p.operator, p.asset, p.shares::text AS shares, COALESCE(l.total_shares, 0)::text AS total_shares,
         COALESCE(l.total_assets, 0)::text AS total_assets, COALESCE(l.max_magnitude, 0)::text AS max_magnitude
       FROM positions p LEFT JOIN pools l USING (operator, asset)
       WHERE p.shares > 0 ORDER BY p.staker, p.operator, p.asset`,
    );
    const map = new Map<string, PositionRow[]>();
    for (const row of rows) {
      const list = map.get(row.staker);
      if (list) list.push(row);
      else map.set(row.staker, [row]);
    }
    return map;
  });
}

/** A staker's pending withdrawals; every staker's are loaded once per block (the queue of pending ones is short). */
async function pendingWithdrawalsOf(ctx: Context, staker: string): Promise<Record<string, unknown>[]> {
  const all = await ctx.perBlock("pendingWithdrawals", async () => {
    const map = new Map<string, Record<string, unknown>[]>();
    for (const w of await withdrawalRows(ctx, { status: "pending", limit: 1_000_000 })) {
      const list = map.get(w.staker as string);
      if (list) list.push(w);
      else map.set(w.staker as string, [w]);
    }
    return map;
  });
  return all.get(staker) ?? [];
}

export interface WithdrawalFilter {
  staker?: string;
  operator?: string;
  /** pending = queued or ready. */
  status?: "queued" | "ready" | "pending" | "completed" | "all";
  limit: number;
  /** Only ids below this (pagination: pass the last id of the previous page). */
  before?: string;
}

const STATUSES = ["queued", "ready", "pending", "completed", "all"] as const;

export async function withdrawalRows(ctx: Context, filter: WithdrawalFilter): Promise<Record<string, unknown>[]> {
  const assets = await assetInfo(ctx);
  const now = await ctx.now();
  const where: string[] = [];
  const params: string[] = [];
  const add = (sql: string, value: string) => {
    params.push(value);
    where.push(sql.replace("?", `$${params.length}`));
  };
  if (filter.staker) add("w.staker = ?", filter.staker);
  if (filter.operator) add("w.operator = ?", filter.operator);
  if (filter.before) add("w.id < ?", filter.before);
  const status = filter.status ?? "all";
  if (status === "completed") where.push("w.status = 'completed'");
  if (status === "pending") where.push("w.status = 'queued'");
  if (status === "queued") add("w.status = 'queued' AND w.completable_at > ?", String(now));
  if (status === "ready") add("w.status = 'queued' AND w.completable_at <= ?", String(now));
  params.push(String(filter.limit));
  const rows = await ctx.db.query<Record<string, string | null>>(
    `SELECT w.id::text AS id, w.staker, w.operator, w.asset, w.shares::text AS shares, w.receiver, w.redelegate_to,
       w.queued_time::text AS queued_time, w.completable_at::text AS completable_at, w.status,
       w.assets_paid::text AS assets_paid, w.new_shares::text AS new_shares, w.completed_time::text AS completed_time,
       COALESCE(l.total_shares, 0)::text AS total_shares, COALESCE(l.total_assets, 0)::text AS total_assets
     FROM withdrawals w LEFT JOIN pools l USING (operator, asset)
     ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY w.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map((w) => {
    const completableAt = num(w.completable_at);
    const completed = w.status === "completed";
    // A queued withdrawal's shares stay in the pool (and slashable) until completion: value them at today's rate.
    const value = completed
      ? BigInt(w.assets_paid as string)
      : sharesToAssets(BigInt(w.shares as string), BigInt(w.total_assets as string), BigInt(w.total_shares as string));
    return {
      id: w.id,
      staker: w.staker,
      operator: w.operator,
      ...assetAmount(ctx, assets, w.asset as string, value, now),
      shares: w.shares,
      receiver: w.receiver,
      redelegateTo: w.redelegate_to,
      queuedTime: num(w.queued_time),
      completableAt,
      status: completed ? "completed" : completableAt <= now ? "ready" : "queued",
      secondsRemaining: completed ? 0 : Math.max(0, completableAt - now),
      assetsPaid: w.assets_paid,
      newShares: w.new_shares,
      completedTime: w.completed_time === null ? null : num(w.completed_time),
    };
  });
}

/** `GET /withdrawals?staker=&operator=&status=&limit=&before=`. */
export async function withdrawalList(ctx: Context): Promise<unknown> {
  const status = ctx.query.get("status") ?? "all";
  if (!(STATUSES as readonly string[]).includes(status)) {
    throw new ApiError(
      400,
      `status "${status}" is not one of ${STATUSES.join(", ")}`,
      "pass ?status=queued (waiting), ready (completable now), pending (both), completed or all",
    );
  }
  const before = ctx.query.get("before");
  if (before !== null && !/^\d+$/.test(before)) {
    throw new ApiError(400, `before "${before}" is not a withdrawal id`, "pass the last id of the previous page");
  }
  const staker = ctx.query.get("staker");
  const operator = ctx.query.get("operator");
  const limit = parseIntParam(ctx, "limit", 100, 1, 500);
  const withdrawals = await withdrawalRows(ctx, {
    staker: staker ? parseAddress(staker, "staker") : undefined,
    operator: operator ? parseAddress(operator, "operator") : undefined,
    status: status as WithdrawalFilter["status"],
    limit,
    before: before ?? undefined,
  });
  const last = withdrawals[withdrawals.length - 1];
  return {
    asOf: await ctx.now(),
    withdrawals,
    next: withdrawals.length === limit && last ? `before=${last.id as string}` : null,
  };
}
