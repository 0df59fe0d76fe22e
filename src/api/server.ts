// The read-only HTTP JSON API over the indexer's database. Only node:http: a small route table, each handler a few
// SQL queries. Amounts are decimal strings of base units (with the asset's decimals beside them), never floats.
// Endpoints and response shapes: docs/api.md; the OpenAPI document served at /openapi.json: openapi.ts.

import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, resolve, sep } from "node:path";
import type { Db } from "../indexer/db.ts";
import type { Deployment } from "../sdk/deployment.ts";
import { ApiError, parseAddress, sendJson, sharesToAssets } from "./http.ts";
import { openApiDocument } from "./openapi.ts";
import type { Context, Route } from "./route.ts";

export interface ApiServerOptions {
  db: Db;
  deployment: Deployment;
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /**
   * The time (unix seconds) that withdrawals' remaining seconds count from. Default: the timestamp of the last
   * indexed block, so the answer agrees with the chain even when its clock runs ahead of the wall clock (anvil).
   */
  now?: () => Promise<number> | number;
  /**
   * A built web app (web/dist) to serve beside the API: `/` and files under it. The app uses hash routes, so no
   * app path collides with an API route.
   */
  webRoot?: string;
  /** Served as `/app-config.json` for the web app (RPC URL, chain id, deployment). */
  appConfig?: unknown;
}

export interface ApiServer {
  server: Server;
  /** e.g. http://127.0.0.1:38291 */
  url: string;
  port: number;
  close(): Promise<void>;
}

type AssetInfo = { asset: string; symbol: string | null; decimals: number };

async function assetInfo(ctx: Context): Promise<Map<string, AssetInfo>> {
  const map = new Map<string, AssetInfo>();
  for (const a of ctx.deployment.assets) {
    map.set(a.address.toLowerCase(), { asset: a.address.toLowerCase(), symbol: a.symbol, decimals: a.decimals });
  }
  for (const row of await ctx.db.query<{ asset: string; decimals: number }>("SELECT asset, decimals FROM assets")) {
    const known = map.get(row.asset);
    map.set(row.asset, { asset: row.asset, symbol: known?.symbol ?? null, decimals: Number(row.decimals) });
  }
  return map;
}

function describeAsset(assets: Map<string, AssetInfo>, asset: string): AssetInfo {
  return assets.get(asset) ?? { asset, symbol: null, decimals: 18 };
}

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

async function indexedBlock(db: Db): Promise<{ blockNumber: number | null; time: number | null }> {
  const [row] = await db.query<{ n: string | null; t: string | null }>(
    `SELECT c.block_number::text AS n,
       COALESCE((SELECT b.timestamp FROM blocks b WHERE b.number = c.block_number),
                (SELECT MAX(block_time) FROM events))::text AS t
     FROM checkpoint c`,
  );
  return { blockNumber: numOrNull(row?.n), time: numOrNull(row?.t) };
}

async function overview(ctx: Context): Promise<unknown> {
  const assets = await assetInfo(ctx);
  const tvl = new Map(
    (
      await ctx.db.query<{ asset: string; tvl: string }>(
        "SELECT asset, SUM(total_assets)::text AS tvl FROM pools GROUP BY asset",
      )
    ).map((r) => [r.asset, r.tvl]),
  );
  const [counts] = await ctx.db.query<Record<string, string>>(
    `SELECT (SELECT COUNT(*) FROM operators)::text AS operators,
       (SELECT COUNT(*) FROM services)::text AS services,
       (SELECT COUNT(*) FROM operator_sets)::text AS sets,
       (SELECT COUNT(DISTINCT staker) FROM positions WHERE shares > 0)::text AS stakers,
       (SELECT COUNT(*) FROM positions WHERE shares > 0)::text AS positions`,
  );
  const indexed = await indexedBlock(ctx.db);
  const listed = new Set([...assets.keys(), ...tvl.keys()]);
  return {
    chainId: ctx.deployment.chainId,
    rampart: ctx.deployment.contracts.rampart.toLowerCase(),
    indexedBlock: indexed.blockNumber,
    indexedTime: indexed.time,
    tvl: [...listed].sort().map((asset) => ({ ...describeAsset(assets, asset), amount: tvl.get(asset) ?? "0" })),
    counts: {
      operators: num(counts?.operators),
      services: num(counts?.services),
      sets: num(counts?.sets),
      stakers: num(counts?.stakers),
      positions: num(counts?.positions),
    },
  };
}

/** Operators with TVL per asset, staker count, sets joined and commissions; one operator when `only` is given. */
async function operatorSummaries(ctx: Context, only?: string): Promise<Record<string, unknown>[]> {
  const assets = await assetInfo(ctx);
  const where = only ? "WHERE operator = $1" : "";
  const params = only ? [only] : [];
  const operators = await ctx.db.query<Record<string, string | null>>(
    `SELECT operator, delegate, metadata_uri, allocation_delay::text AS allocation_delay,
       registered_time::text AS registered_time FROM operators ${where} ORDER BY operator`,
    params,
  );
  const group = <T extends { operator: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.operator, [...(map.get(row.operator) ?? []), row]);
    return map;
  };
  const pools = group(
    await ctx.db.query<{ operator: string; asset: string; total_assets: string }>(
      `SELECT operator, asset, total_assets::text AS total_assets FROM pools ${where} ORDER BY asset`,
      params,
    ),
  );
  const stakers = new Map(
    (
      await ctx.db.query<{ operator: string; n: string }>(
        `SELECT operator, COUNT(DISTINCT staker)::text AS n FROM positions
         WHERE shares > 0 ${only ? "AND operator = $1" : ""} GROUP BY operator`,
        params,
      )
    ).map((r) => [r.operator, num(r.n)]),
  );
  const sets = group(
    await ctx.db.query<{ operator: string; set_id: string; service: string; joined_time: string }>(
      `SELECT m.operator, m.set_id::text AS set_id, s.service, m.joined_time::text AS joined_time
       FROM memberships m JOIN operator_sets s USING (set_id)
       WHERE m.active ${only ? "AND m.operator = $1" : ""} ORDER BY m.set_id`,
      params,
    ),
  );
  const commissions = group(
    await ctx.db.query<{
      operator: string;
      service: string;
      bps: number;
      pending_bps: number | null;
      effect_at: string | null;
    }>(
      `SELECT operator, service, bps, pending_bps, effect_at::text AS effect_at FROM commissions ${where}
       ORDER BY service`,
      params,
    ),
  );
  return operators.map((o) => {
    const operator = o.operator as string;
    return {
      operator,
      delegate: o.delegate,
      metadataUri: o.metadata_uri,
      allocationDelay: num(o.allocation_delay),
      registeredTime: num(o.registered_time),
      tvl: (pools.get(operator) ?? []).map((p) => ({ ...describeAsset(assets, p.asset), amount: p.total_assets })),
      stakers: stakers.get(operator) ?? 0,
      sets: (sets.get(operator) ?? []).map((s) => ({
        setId: num(s.set_id),
        service: s.service,
        joinedTime: num(s.joined_time),
      })),
      commissions: (commissions.get(operator) ?? []).map((c) => ({
        service: c.service,
        bps: num(c.bps),
        pendingBps: numOrNull(c.pending_bps),
        effectAt: numOrNull(c.effect_at),
      })),
    };
  });
}

async function slashRows(ctx: Context, operator?: string): Promise<Record<string, unknown>[]> {
  const assets = await assetInfo(ctx);
  const slashes = await ctx.db.query<Record<string, string | null>>(
    `SELECT s.slash_id::text AS slash_id, s.set_id::text AS set_id, o.service, s.operator, s.status,
       s.executable_at::text AS executable_at, s.reason, s.requested_block::text AS requested_block,
       s.requested_time::text AS requested_time, s.resolved_time::text AS resolved_time
     FROM slashes s LEFT JOIN operator_sets o USING (set_id)
     ${operator ? "WHERE s.operator = $1" : ""} ORDER BY s.slash_id`,
    operator ? [operator] : [],
  );
  const parts = await ctx.db.query<Record<string, string | null>>(
    `SELECT slash_id::text AS slash_id, asset, wad::text AS wad, magnitude_slashed::text AS magnitude_slashed,
       assets_slashed::text AS assets_slashed, recipient FROM slash_assets ORDER BY asset`,
  );
  return slashes.map((s) => ({
    slashId: s.slash_id,
    setId: num(s.set_id),
    service: s.service,
    operator: s.operator,
    status: s.status,
    executableAt: num(s.executable_at),
    reason: s.reason,
    requestedBlock: num(s.requested_block),
    requestedTime: num(s.requested_time),
    resolvedTime: numOrNull(s.resolved_time),
    assets: parts
      .filter((p) => p.slash_id === s.slash_id)
      .map((p) => ({
        ...describeAsset(assets, p.asset as string),
        wad: p.wad,
        magnitudeSlashed: p.magnitude_slashed,
        assetsSlashed: p.assets_slashed,
        recipient: p.recipient,
      })),
  }));
}

async function operatorDetail(ctx: Context): Promise<unknown> {
  const address = parseAddress(ctx.params[0] as string, "operator");
  const [summary] = await operatorSummaries(ctx, address);
  if (!summary) {
    throw new ApiError(
      404,
      `no operator ${address} is registered`,
      "list the registered operators with GET /operators",
    );
  }
  const assets = await assetInfo(ctx);
  const pools = await ctx.db.query<Record<string, string>>(
    `SELECT asset, total_shares::text AS total_shares, total_assets::text AS total_assets,
       max_magnitude::text AS max_magnitude, encumbered::text AS encumbered FROM pools WHERE operator = $1
     ORDER BY asset`,
    [address],
  );
  const allocations = await ctx.db.query<Record<string, string>>(
    `SELECT asset, set_id::text AS set_id, magnitude::text AS magnitude,
       pending_magnitude::text AS pending_magnitude, effect_at::text AS effect_at
     FROM allocations WHERE operator = $1 ORDER BY set_id, asset`,
    [address],
  );
  return {
    ...summary,
    pools: pools.map((p) => ({
      ...describeAsset(assets, p.asset as string),
      totalShares: p.total_shares,
      totalAssets: p.total_assets,
      maxMagnitude: p.max_magnitude,
      encumberedMagnitude: p.encumbered,
    })),
    allocations: allocations.map((a) => ({
      asset: a.asset,
      setId: num(a.set_id),
      magnitude: a.magnitude,
      pendingMagnitude: a.pending_magnitude,
      effectAt: num(a.effect_at),
    })),
    slashes: await slashRows(ctx, address),
  };
}

async function portfolio(ctx: Context): Promise<unknown> {
  const staker = parseAddress(ctx.params[0] as string, "staker");
  const assets = await assetInfo(ctx);
  const positions = await ctx.db.query<Record<string, string>>(
    `SELECT p.operator, p.asset, p.shares::text AS shares, COALESCE(l.total_shares, 0)::text AS total_shares,
       COALESCE(l.total_assets, 0)::text AS total_assets
     FROM positions p LEFT JOIN pools l USING (operator, asset)
     WHERE p.staker = $1 AND p.shares > 0 ORDER BY p.operator, p.asset`,
    [staker],
  );
  const withdrawals = await ctx.db.query<Record<string, string | null>>(
    `SELECT id::text AS id, operator, asset, shares::text AS shares, receiver, redelegate_to,
       queued_time::text AS queued_time, completable_at::text AS completable_at
     FROM withdrawals WHERE staker = $1 AND status = 'queued' ORDER BY id`,
    [staker],
  );
  const now = await ctx.now();
  return {
    staker,
    asOf: now,
    positions: positions.map((p) => ({
      operator: p.operator,
      ...describeAsset(assets, p.asset as string),
      shares: p.shares,
      assets: sharesToAssets(
        BigInt(p.shares as string),
        BigInt(p.total_assets as string),
        BigInt(p.total_shares as string),
      ).toString(),
    })),
    pendingWithdrawals: withdrawals.map((w) => {
      const completableAt = num(w.completable_at);
      return {
        id: w.id,
        operator: w.operator,
        ...describeAsset(assets, w.asset as string),
        shares: w.shares,
        receiver: w.receiver,
        redelegateTo: w.redelegate_to,
        queuedTime: num(w.queued_time),
        completableAt,
        secondsRemaining: Math.max(0, completableAt - now),
      };
    }),
  };
}

/** Every route the server serves (all GET). The OpenAPI document must list each `path`; the tests check it. */
export const ROUTES: readonly Route[] = [
  { path: "/openapi.json", pattern: /^\/openapi\.json$/, handler: async () => openApiDocument },
  { path: "/overview", pattern: /^\/overview$/, handler: overview },
  {
    path: "/operators",
    pattern: /^\/operators$/,
    handler: async (ctx) => ({ operators: await operatorSummaries(ctx) }),
  },
  { path: "/operators/{address}", pattern: /^\/operators\/([^/]+)$/, handler: operatorDetail },
  { path: "/stakers/{address}/portfolio", pattern: /^\/stakers\/([^/]+)\/portfolio$/, handler: portfolio },
  { path: "/slashes", pattern: /^\/slashes$/, handler: async (ctx) => ({ slashes: await slashRows(ctx) }) },
];

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  base: Omit<Context, "params" | "query"> & { webRoot?: string; appConfig?: unknown },
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const pathname = url.pathname.replace(/\/+$/, "") || "/";
  for (const route of ROUTES) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      throw new ApiError(405, `${req.method} is not allowed on ${route.path}`, "the API is read-only: use GET");
    }
    sendJson(res, 200, await route.handler({ ...base, params: match.slice(1), query: url.searchParams }));
    return;
  }
  if (req.method === "GET" || req.method === "HEAD") {
    if (pathname === "/app-config.json" && base.appConfig !== undefined) {
      sendJson(res, 200, base.appConfig);
      return;
    }
    if (base.webRoot && (await serveStatic(res, base.webRoot, pathname))) return;
  }
  throw new ApiError(404, `no route ${pathname}`, "see GET /openapi.json for the routes this server serves");
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
};

/** Serves `pathname` from `root` (index.html for `/`); false when there is no such file. Never leaves `root`. */
async function serveStatic(res: ServerResponse, root: string, pathname: string): Promise<boolean> {
  const base = resolve(root);
  const file = resolve(base, `.${pathname === "/" ? "/index.html" : decodeURIComponent(pathname)}`);
  if (file !== base && !file.startsWith(`${base}${sep}`)) return false;
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return false;
  }
  res.writeHead(200, {
    "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
    "content-length": body.length,
    // Vite puts a content hash in asset names: those can be cached for good; index.html must not be.
    "cache-control": file.includes(`${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
  });
  res.end(body);
  return true;
}

/** Starts the API on `host:port` and resolves once it listens. */
export async function createApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const { db, deployment, host = "127.0.0.1", port } = options;
  const now = async (): Promise<number> => {
    if (options.now) return options.now();
    return (await indexedBlock(db)).time ?? Math.floor(Date.now() / 1000);
  };
  const server = createServer((req, res) => {
    handle(req, res, { db, deployment, now, webRoot: options.webRoot, appConfig: options.appConfig }).catch(
      (error: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        if (error instanceof ApiError) {
          sendJson(res, error.status, { error: error.message, hint: error.hint });
        } else {
          sendJson(res, 500, {
            error: `internal error: ${error instanceof Error ? error.message : String(error)}`,
            hint: "this is a bug in the API or the indexer's database; the server log has details",
          });
        }
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    server,
    port: actual,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${actual}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
