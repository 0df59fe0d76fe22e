// Slash requests with their per-asset outcome.

import { assetAmount, assetInfo, num, numOrNull } from "../common.ts";
import { ApiError, parseAddress } from "../http.ts";
import type { Context } from "../route.ts";

export interface SlashFilter {
  operator?: string;
  service?: string;
  status?: string;
}

const STATUSES = ["requested", "vetoed", "executed"];

/** Filters from `?operator=&service=&status=` (each validated). */
export function slashFilterFromQuery(ctx: Context): SlashFilter {
  const filter: SlashFilter = {};
  const operator = ctx.query.get("operator");
  const service = ctx.query.get("service");
  const status = ctx.query.get("status");
  if (operator) filter.operator = parseAddress(operator, "operator");
  if (service) filter.service = parseAddress(service, "service");
  if (status) {
    if (!STATUSES.includes(status)) {
      throw new ApiError(
        400,
        `status "${status}" is not one of ${STATUSES.join(", ")}`,
        "pass ?status=requested, vetoed or executed",
      );
    }
    filter.status = status;
  }
  return filter;
}

export async function slashRows(ctx: Context, filter: SlashFilter = {}): Promise<Record<string, unknown>[]> {
  const assets = await assetInfo(ctx);
  const where: string[] = [];
  const params: string[] = [];
  const add = (sql: string, value: string) => {
    params.push(value);
    where.push(`${sql} = $${params.length}`);
  };
  if (filter.operator) add("s.operator", filter.operator);
  if (filter.service) add("o.service", filter.service);
  if (filter.status) add("s.status", filter.status);
  const slashes = await ctx.db.query<Record<string, string | null>>(
    `SELECT s.slash_id::text AS slash_id, s.set_id::text AS set_id, o.service, s.operator, s.status,
       s.executable_at::text AS executable_at, s.reason, s.requested_block::text AS requested_block,
       s.requested_time::text AS requested_time, s.resolved_time::text AS resolved_time,
       o.veto_window::text AS veto_window,
       (SELECT e.tx_hash FROM events e WHERE e.name = 'SlashRequested' AND e.args->>'slashId' = s.slash_id::text
        LIMIT 1) AS request_tx,
       (SELECT e.tx_hash FROM events e WHERE e.name IN ('Slashed', 'SlashVetoed')
          AND e.args->>'slashId' = s.slash_id::text ORDER BY e.block_number DESC LIMIT 1) AS resolve_tx
     FROM slashes s LEFT JOIN operator_sets o USING (set_id)
     ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY s.slash_id DESC`,
    params,
  );
  const parts = await ctx.db.query<Record<string, string | null>>(
    `SELECT slash_id::text AS slash_id, asset, wad::text AS wad, magnitude_slashed::text AS magnitude_slashed,
       assets_slashed::text AS assets_slashed, recipient FROM slash_assets ORDER BY asset`,
  );
  return slashes.map((s) => {
    const time = num(s.resolved_time ?? s.requested_time);
    return {
      slashId: s.slash_id,
      setId: num(s.set_id),
      service: s.service,
      operator: s.operator,
      status: s.status,
      vetoWindow: num(s.veto_window),
      executableAt: num(s.executable_at),
      reason: s.reason,
      requestedBlock: num(s.requested_block),
      requestedTime: num(s.requested_time),
      resolvedTime: numOrNull(s.resolved_time),
      requestTx: s.request_tx,
      resolveTx: s.resolve_tx,
      assets: parts
        .filter((p) => p.slash_id === s.slash_id)
        .map((p) => {
          const taken =
            p.assets_slashed === null
              ? null
              : assetAmount(ctx, assets, p.asset as string, p.assets_slashed as string, time);
          return {
            ...(taken ?? assetAmount(ctx, assets, p.asset as string, 0n, time)),
            wad: p.wad,
            magnitudeSlashed: p.magnitude_slashed,
            assetsSlashed: p.assets_slashed,
            assetsSlashedEth: taken?.eth ?? null,
            recipient: p.recipient,
          };
        }),
    };
  });
}
