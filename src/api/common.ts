// What most API views share: asset descriptions, ETH values, number conversions, the indexed block, and ranges.
import { metadataName } from "../sdk/reads/internal.ts";
import { ApiError } from "./http.ts";
import { toWei } from "./rates.ts";
import type { Context } from "./route.ts";

export const DAY = 86_400;

export type AssetInfo = { asset: string; symbol: string | null; decimals: number };

/** Every asset the deployment or the chain knows, by lowercase address. */
export function assetInfo(ctx: Context): Promise<Map<string, AssetInfo>> {
  return ctx.perBlock("assets", () => loadAssetInfo(ctx));
}

async function loadAssetInfo(ctx: Context): Promise<Map<string, AssetInfo>> {
  const map = new Map<string, AssetInfo>();
  for (const a of ctx.deployment.assets) {
    map.set(a.address.toLowerCase(), { asset: a.address.toLowerCase(), symbol: a.symbol, decimals: a.decimals });
  }
  for (const t of ctx.deployment.rewardTokens) {
    map.set(t.address.toLowerCase(), { asset: t.address.toLowerCase(), symbol: t.symbol, decimals: t.decimals });
  }
  for (const row of await ctx.db.query<{ asset: string; decimals: number }>("SELECT asset, decimals FROM assets")) {
    const known = map.get(row.asset);
    map.set(row.asset, { asset: row.asset, symbol: known?.symbol ?? null, decimals: Number(row.decimals) });
  }
  return map;
}

export function describeAsset(assets: Map<string, AssetInfo>, asset: string): AssetInfo {
  return assets.get(asset) ?? { asset, symbol: null, decimals: 18 };
}

export const num = (value: unknown): number => Number(value);
export const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/** `{ asset, symbol, decimals, amount, eth }`: an amount with its token and its ETH value in wei (null if unpriced). */
export function assetAmount(
  ctx: Context,
  assets: Map<string, AssetInfo>,
  asset: string,
  amount: bigint | string,
  time: number,
): AssetInfo & { amount: string; eth: string | null } {
  const info = describeAsset(assets, asset);
  const value = BigInt(amount);
  return {
    ...info,
    amount: value.toString(),
    eth: toWei(value, info.decimals, ctx.rates.rateAt(asset, time))?.toString() ?? null,
  };
}

/** Σ of the ETH values (wei) of some amounts; null if any of them is unpriced (a partial sum would mislead). */
export function sumEth(items: readonly { eth: string | null }[]): string | null {
  let total = 0n;
  for (const item of items) {
    if (item.eth === null) return null;
    total += BigInt(item.eth);
  }
  return total.toString();
}

export async function indexedBlock(
  ctx: Pick<Context, "db">,
): Promise<{ blockNumber: number | null; time: number | null }> {
  const [row] = await ctx.db.query<{ n: string | null; t: string | null }>(
    `SELECT c.block_number::text AS n,
       COALESCE((SELECT b.timestamp FROM blocks b WHERE b.number = c.block_number),
                (SELECT MAX(block_time) FROM events))::text AS t
     FROM checkpoint c`,
  );
  return { blockNumber: numOrNull(row?.n), time: numOrNull(row?.t) };
}

/** Display names of services from their metadata, by lowercase address. */
export function serviceNames(ctx: Context): Promise<Map<string, string | null>> {
  return ctx.perBlock("serviceNames", async () => {
    const rows = await ctx.db.query<{ service: string; metadata_uri: string }>(
      "SELECT service, metadata_uri FROM services",
    );
    return new Map(rows.map((r) => [r.service, metadataName(r.metadata_uri) ?? null]));
  });
}

export const RANGES = { "1w": 7, "1m": 30, "3m": 90, "1y": 365, all: null } as const;
export type RangeKey = keyof typeof RANGES;

/** The `range` query parameter (default `fallback`), or a 400 that lists the valid ones. */
export function parseRange(ctx: Context, fallback: RangeKey = "1m"): RangeKey {
  const value = ctx.query.get("range") ?? fallback;
  if (!Object.hasOwn(RANGES, value)) {
    throw new ApiError(
      400,
      `range "${value}" is not one of ${Object.keys(RANGES).join(", ")}`,
      "pass ?range=1w, 1m, 3m, 1y or all (default 1m)",
    );
  }
  return value as RangeKey;
}

/** A bounded positive integer query parameter, or a 400. */
export function parseIntParam(ctx: Context, name: string, fallback: number, min: number, max: number): number {
  const text = ctx.query.get(name);
  if (text === null) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ApiError(
      400,
      `${name} "${text}" is not an integer from ${min} to ${max}`,
      `pass ?${name}=<${min}…${max}>`,
    );
  }
  return value;
}

/** The commission an operator charges a service that it never set one for: the Directory's default (10%). */
export const DEFAULT_COMMISSION_BPS = 1_000;

export interface Commission {
  operator: string;
  service: string;
  /** In force at `now`: a pending change whose effect time has passed counts, as the Directory's view does. */
  bps: number;
  pendingBps: number | null;
  effectAt: number | null;
}

/** Commissions set in the Directory, in force at `now`; `filter` narrows to one operator or one service. */
export async function commissionsAt(
  ctx: Context,
  now: number,
  filter: { operator?: string; service?: string } = {},
): Promise<Commission[]> {
  const rows = await ctx.perBlock(`commissions@${now}`, () =>
    ctx.db.query<{
      operator: string;
      service: string;
      bps: number;
      pending_bps: number | null;
      effect_at: string | null;
    }>(
      "SELECT operator, service, bps, pending_bps, effect_at::text AS effect_at FROM commissions ORDER BY service, operator",
    ),
  );
  return rows
    .filter(
      (r) => (!filter.operator || r.operator === filter.operator) && (!filter.service || r.service === filter.service),
    )
    .map((r) => {
      const due = r.effect_at !== null && Number(r.effect_at) <= now && r.pending_bps !== null;
      return {
        operator: r.operator,
        service: r.service,
        bps: Number(due ? r.pending_bps : r.bps),
        pendingBps: due || r.pending_bps === null ? null : Number(r.pending_bps),
        effectAt: due || r.effect_at === null ? null : Number(r.effect_at),
      };
    });
}
