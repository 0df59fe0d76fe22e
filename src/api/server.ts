// The read-only HTTP JSON API over the indexer's database. Only node:http: a route table, each handler a few SQL
// queries (views in ./views/). Amounts are decimal strings of base units (with the asset's decimals beside them),
// never floats. Answers are cached per indexed block: the data only changes when the indexer commits a batch.
// Endpoints and response shapes: docs/api.md; the OpenAPI document served at /openapi.json: openapi.ts.

import { readFile } from "node:fs/promises";
import type { Server } from "node:http";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import type { Db } from "../indexer/db.ts";
import type { RampartClient } from "../sdk/client.ts";
import type { Deployment } from "../sdk/deployment.ts";
import { indexedBlock } from "./common.ts";
import { ENGINE_ROUTES } from "./engines.ts";
import { ApiError, sendJson, sendJsonText } from "./http.ts";
import { openApiDocument } from "./openapi.ts";
import { type EthRates, loadEthRates } from "./rates.ts";
import type { Context, Route } from "./route.ts";
import { standInsFromChain } from "./snapshot-from-db.ts";
import { aprSeries, assetList, overview, tvlSeries } from "./views/network.ts";
import { operatorDetail, operatorList } from "./views/operators.ts";
import { serviceDetail, serviceList, serviceStakeSeries } from "./views/services.ts";
import { slashFilterFromQuery, slashRows } from "./views/slashes.ts";
import { portfolio, withdrawalList } from "./views/stakers.ts";

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
   * With a custom clock, answers are not cached.
   */
  now?: () => Promise<number> | number;
  /** ETH prices of assets over time. Default: loadEthRates(deployment, client) (WETH 1:1, local stand-in rates). */
  rates?: EthRates;
  /** Used to read local stand-in LST rates when `rates` is not given. */
  client?: RampartClient;
  /**
   * A built web app (web/dist) to serve beside the API: `/` and files under it. The app uses hash routes, so no
   * app path collides with an API route.
   */
  webRoot?: string;
  /** Served as `/app-config.json` for the web app (RPC URL, chain id, deployment). */
  appConfig?: unknown;
  /** Entries in the per-block answer cache (default 2,000; 0 disables it). */
  cacheEntries?: number;
}

export interface ApiServer {
  server: Server;
  /** e.g. http://127.0.0.1:38291 */
  url: string;
  port: number;
  close(): Promise<void>;
}

const path = (template: string): RegExp =>
  new RegExp(`^${template.replace(/\./g, "\\.").replace(/\{[^}]+\}/g, "([^/]+)")}$`);
const route = (template: string, handler: Route["handler"]): Route => ({
  path: template,
  pattern: path(template),
  handler,
});

/** Every route the server serves (all GET). The OpenAPI document must list each `path`; the tests check it. */
export const ROUTES: readonly Route[] = [
  route("/openapi.json", async () => openApiDocument),
  route("/overview", overview),
  route("/assets", assetList),
  route("/operators", operatorList),
  route("/operators/{address}", operatorDetail),
  route("/services", serviceList),
  route("/services/{address}", serviceDetail),
  route("/stakers/{address}/portfolio", portfolio),
  route("/withdrawals", withdrawalList),
  route("/slashes", async (ctx) => ({
    asOf: await ctx.now(),
    slashes: await slashRows(ctx, slashFilterFromQuery(ctx)),
  })),
  route("/timeseries/tvl", tvlSeries),
  route("/timeseries/apr", aprSeries),
  route("/timeseries/services/{address}/stake", serviceStakeSeries),
  ...ENGINE_ROUTES,
];

interface Base extends Omit<Context, "params" | "query" | "perBlock" | "now"> {
  webRoot?: string;
  appConfig?: unknown;
  state: BlockState;
  /** Cache answers by URL (off with a custom clock: then an answer depends on more than the block). */
  cacheAnswers: boolean;
  clock?: () => Promise<number> | number;
}

interface Answer {
  text: string;
  gzip?: Buffer;
}

/**
 * What is known at one indexed block: answers by URL (bounded) and values many answers share (assets, service names,
 * allocations, the block's time). Both are dropped when the checkpoint moves or a reorg changes its hash. Entries are
 * promises, so concurrent requests for the same thing share one computation.
 */
class BlockState {
  private block = "";
  answers = new Map<string, Promise<Answer>>();
  memo = new Map<string, Promise<unknown>>();
  constructor(private readonly capacity: number) {}
  /** The current checkpoint's key; resets the maps when it changed. */
  async enter(db: Db): Promise<string> {
    // A database with one writer (PGlite, owned by this process) counts its writes: no query needed to know whether
    // anything changed. On a server, ask for the checkpoint (another process may be the indexer).
    let key: string;
    if (db.writes) {
      key = `writes:${db.writes()}`;
    } else {
      const [row] = await db.query<{ k: string }>(
        "SELECT block_number::text || ':' || COALESCE(block_hash, '') AS k FROM checkpoint",
      );
      key = row?.k ?? "";
    }
    if (key !== this.block) {
      this.block = key;
      this.answers = new Map();
      this.memo = new Map();
    }
    return key;
  }
  remember(url: string, answer: Promise<Answer>): void {
    if (this.answers.size >= this.capacity) this.answers.delete(this.answers.keys().next().value as string);
    this.answers.set(url, answer);
    answer.catch(() => this.answers.delete(url));
  }
}

function sendAnswer(req: IncomingMessage, res: ServerResponse, answer: Answer): void {
  if (answer.text.length >= 2_048 && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    answer.gzip ??= gzipSync(answer.text);
    res.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      "content-encoding": "gzip",
      "content-length": answer.gzip.length,
      vary: "accept-encoding",
      "cache-control": "no-store",
      "access-control-allow-origin": "*",
    });
    res.end(answer.gzip);
    return;
  }
  sendJsonText(res, 200, answer.text);
}

async function handle(req: IncomingMessage, res: ServerResponse, base: Base): Promise<void> {
  // Read the path as a path: "//overview" is not a URL with host "overview".
  const url = new URL(`http://localhost${(req.url ?? "/").replace(/^\/+/, "/")}`);
  const pathname = url.pathname.replace(/\/{2,}/g, "/").replace(/\/+$/, "") || "/";
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("allow", "GET, HEAD");
    throw new ApiError(405, `${req.method} is not allowed`, "the API is read-only: use GET");
  }
  for (const r of ROUTES) {
    const match = r.pattern.exec(pathname);
    if (!match) continue;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      throw new ApiError(405, `${req.method} is not allowed on ${r.path}`, "the API is read-only: use GET");
    }
    const { state, clock } = base;
    await state.enter(base.db);
    const memo = state.memo;
    const perBlock = <T>(name: string, make: () => Promise<T>): Promise<T> => {
      let value = memo.get(name) as Promise<T> | undefined;
      if (!value) {
        value = make();
        memo.set(name, value);
        value.catch(() => memo.delete(name));
      }
      return value;
    };
    const now = clock
      ? async () => clock()
      : () => perBlock("now", async () => (await indexedBlock({ db: base.db })).time ?? Math.floor(Date.now() / 1000));
    const ctx: Context = { ...base, params: match.slice(1), query: url.searchParams, perBlock, now };
    const key = `${pathname}?${[...url.searchParams]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}=${v}`)
      .join("&")}`;
    let answer = base.cacheAnswers ? state.answers.get(key) : undefined;
    if (!answer) {
      answer = r.handler(ctx).then((body) => ({ text: JSON.stringify(body) }));
      if (base.cacheAnswers) state.remember(key, answer);
    }
    sendAnswer(req, res, await answer);
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
  let decoded: string;
  try {
    decoded = pathname === "/" ? "/index.html" : decodeURIComponent(pathname);
  } catch {
    return false; // A malformed escape names no file: the caller answers 404.
  }
  const file = resolve(base, `.${decoded}`);
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
  const rates = options.rates ?? (await loadEthRates(deployment, options.client));
  // The risk snapshot reads the stand-in LSTs' rate parameters (for their declared APR and rate history) the same way.
  const standIns = options.client ? standInsFromChain(options.client.publicClient) : undefined;
  const capacity = options.cacheEntries ?? 2_000;
  const state = new BlockState(Math.max(capacity, 1));
  const cacheAnswers = !options.now && capacity > 0;
  const server = createServer((req, res) => {
    handle(req, res, {
      db,
      deployment,
      rates,
      standIns,
      state,
      cacheAnswers,
      clock: options.now,
      webRoot: options.webRoot,
      appConfig: options.appConfig,
    }).catch((error: unknown) => {
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
    });
  });
  // Requests node rejects before routing (a malformed request line, headers over 16 KB) still get a JSON answer.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
    const body = JSON.stringify({
      error: status === 431 ? "the request's URL or headers are too large" : "the request is malformed",
      hint: status === 431 ? "shorten the query string (under 16 KB)" : "send a valid HTTP/1.1 GET request",
    });
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? "Request Header Fields Too Large" : "Bad Request"}\r\n` +
        `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
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
