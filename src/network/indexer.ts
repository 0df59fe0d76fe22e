// The indexer and its HTTP API beside the local chain, in the `npm start` process: the index lives in
// <data-dir>/indexer (embedded PostgreSQL, PGlite), catches up with the chain, then follows new blocks and serves the
// read-only API on 127.0.0.1. Why in-process, and what happens on restart: docs/network.md.

import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { localAppConfig } from "../../web/src/app-config.ts";
import type { ApiServer } from "../api/server.ts";
import type { Db } from "../indexer/db.ts";
import type { Deployment } from "../sdk/deployment.ts";
import { devAccountLabels } from "./accounts.ts";
import { NetworkError } from "./anvil.ts";
import { HOST, INDEXER_POLL_MS } from "./options.ts";
import { ensureWebBuild } from "./web.ts";

/** Where the index lives in a data directory. */
export const indexerDir = (dataDir: string): string => path.join(dataDir, "indexer");

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const group = (n: number | bigint): string => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const errorText = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
};

// ─────────────────────────── The API's port ───────────────────────────

/** Whether a Rampart API answers on the port (another `npm start`?), for the port-in-use message. */
async function isRampartApi(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://${HOST}:${port}/openapi.json`, { signal: AbortSignal.timeout(500) });
    const body = (await response.json()) as { info?: { title?: unknown } };
    return typeof body.info?.title === "string" && body.info.title.includes("Rampart");
  } catch {
    return false;
  }
}

async function apiPortProblem(port: number, error: NodeJS.ErrnoException): Promise<NetworkError> {
  if (error.code === "EADDRINUSE") {
    const by = (await isRampartApi(port)) ? " by a Rampart API (another `npm start`?)" : "";
    return new NetworkError(
      `API port ${port} on ${HOST} is already in use${by}; stop that, or choose another port with ` +
        "--api-port <n> or RAMPART_API_PORT=<n> (0 picks a free one)",
    );
  }
  if (error.code === "EACCES") {
    return new NetworkError(`not allowed to listen on port ${port}; pick an API port above 1023 with --api-port <n>`);
  }
  return new NetworkError(`cannot listen on ${HOST}:${port} for the API: ${error.message}`);
}

/** Throws a NetworkError with a one-line explanation if the API could not listen on the port (0 always can). */
export async function assertApiPortFree(port: number): Promise<void> {
  if (port === 0) return;
  const problem = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) => resolve(error));
    server.listen({ port, host: HOST, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
  if (problem) throw await apiPortProblem(port, problem);
}

// ─────────────────────────── Modules ───────────────────────────

let modules:
  | Promise<
      [
        typeof import("../indexer/db.ts"),
        typeof import("../indexer/indexer.ts"),
        typeof import("../api/server.ts"),
        typeof import("../sdk/client.ts"),
      ]
    >
  | undefined;

/** PGlite, the indexer and the API take a moment to load under tsx: load them once, early (while anvil starts). */
export function loadIndexerModules() {
  modules ??= Promise.all([
    import("../indexer/db.ts"),
    import("../indexer/indexer.ts"),
    import("../api/server.ts"),
    import("../sdk/client.ts"),
  ]);
  modules.catch(() => {}); // reported where awaited
  return modules;
}

// ─────────────────────────── The database ───────────────────────────

/**
 * A new PGlite directory runs initdb, which takes 6–8 s of CPU on this machine; copying an initialized, empty one
 * takes a tenth of a second. The first new index on a machine makes that template (once per PGlite version) under
 * node_modules/.cache/rampart/, every later one copies it. Any failure here falls back to a plain initdb.
 */
async function seedFromTemplate(dir: string): Promise<void> {
  try {
    const require = createRequire(import.meta.url);
    let pkgDir = path.dirname(require.resolve("@electric-sql/pglite"));
    while (!existsSync(path.join(pkgDir, "package.json")) && path.dirname(pkgDir) !== pkgDir) {
      pkgDir = path.dirname(pkgDir);
    }
    const { version } = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8")) as { version: string };
    const at = pkgDir.lastIndexOf(`${path.sep}node_modules${path.sep}`);
    if (at < 0) return;
    const template = path.join(pkgDir.slice(0, at), "node_modules", ".cache", "rampart", `pglite-${version}-empty`);
    if (!existsSync(path.join(template, "PG_VERSION"))) {
      const building = `${template}.${process.pid}.tmp`;
      rmSync(building, { recursive: true, force: true });
      mkdirSync(path.dirname(template), { recursive: true });
      const { PGlite } = await import("@electric-sql/pglite");
      const pg = await PGlite.create(building);
      await pg.close();
      try {
        renameSync(building, template);
      } catch {
        rmSync(building, { recursive: true, force: true }); // another start made it meanwhile
      }
    }
    cpSync(template, dir, { recursive: true });
  } catch {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function openPglite(dir: string): Promise<Db> {
  const [{ openDatabase }] = await loadIndexerModules();
  if (!existsSync(dir)) await seedFromTemplate(dir);
  return openDatabase({ dir });
}

/** The index: PGlite under a directory, or the PostgreSQL server of `DATABASE_URL`. */
export interface IndexDatabase {
  db: Db;
  /** The PGlite directory; undefined for a PostgreSQL server. */
  dir?: string;
  /** Where it is, for messages: the directory, or the server's URL with its password masked. */
  location: string;
  /** Lines about what happened to an earlier index (discarded, and why). */
  notes: string[];
}

/** Empties the index of a PostgreSQL server in one transaction (a PGlite index is deleted with its directory). */
async function emptyIndex(db: Db): Promise<void> {
  const { DERIVED_TABLES } = await import("../indexer/schema.ts");
  await db.transaction(async (tx) => {
    for (const table of [...DERIVED_TABLES, "events", "blocks", "checkpoint"]) await tx.query(`DELETE FROM ${table}`);
  });
}

/** Throws the index away: its directory (then opens a new one), or its rows on a PostgreSQL server. */
async function discard(index: IndexDatabase): Promise<void> {
  if (index.dir === undefined) {
    await emptyIndex(index.db);
    return;
  }
  await index.db.close();
  rmSync(index.dir, { recursive: true, force: true });
  index.db = await openPglite(index.dir);
}

/**
 * Opens the index, begun while anvil starts: the PostgreSQL server of `DATABASE_URL` if set, else PGlite under `dir`.
 * On a new chain an earlier index is discarded. A PGlite index that cannot be opened (damaged, or from another schema
 * version) is discarded and rebuilt: everything in it comes from the chain. A server that cannot be opened is an
 * error: nothing is dropped on a server.
 */
export async function openIndexDatabase(
  dir: string,
  options: { newChain: boolean; env?: Record<string, string | undefined> },
): Promise<IndexDatabase> {
  const [{ chooseDatabase, maskUrl, openDatabase }] = await loadIndexerModules();
  const notes: string[] = [];
  const choice = chooseDatabase({ defaultDir: dir, env: options.env ?? process.env });
  if (choice.url !== undefined) {
    const location = maskUrl(choice.url);
    let db: Db;
    try {
      db = await openDatabase({ url: choice.url });
    } catch (error) {
      throw new NetworkError(
        `cannot open the indexer's database at ${location} (DATABASE_URL): ${errorText(error)}; ` +
          "fix or unset DATABASE_URL (the index then lives in the data directory), or use --no-indexer",
      );
    }
    const index: IndexDatabase = { db, location, notes };
    const [checkpoint] = await db.query("SELECT 1 FROM checkpoint");
    if (options.newChain && checkpoint) {
      await emptyIndex(db);
      notes.push(`a new chain: emptied the index of the previous one in ${location}`);
    }
    return index;
  }
  if (options.newChain && existsSync(dir)) {
    rmSync(dir, { recursive: true, force: true });
    notes.push("a new chain: discarded the index of the previous one");
  }
  try {
    return { db: await openPglite(dir), dir, location: dir, notes };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    notes.push(`could not open the index (${errorText(error)}): discarded it`);
    return { db: await openPglite(dir), dir, location: dir, notes };
  }
}

/** Why the index does not belong to this chain and deployment, or undefined if it does (or is empty). */
async function mismatch(
  db: Db,
  deployment: Deployment,
  deployed: boolean,
  blockHash: (n: bigint) => Promise<string | undefined>,
): Promise<string | undefined> {
  const [checkpoint] = await db.query<{ chain_id: string; rampart: string }>(
    "SELECT chain_id::text AS chain_id, rampart FROM checkpoint WHERE id = 1",
  );
  if (!checkpoint) return undefined;
  const rampart = deployment.contracts.rampart.toLowerCase();
  if (checkpoint.chain_id !== String(deployment.chainId) || checkpoint.rampart !== rampart) {
    return `it indexes chain ${checkpoint.chain_id} / Rampart ${checkpoint.rampart}, not chain ${deployment.chainId} / ${rampart}`;
  }
  if (deployed) return "the protocol was deployed anew on this start";
  // anvil deploys to the same addresses on every new chain: compare the history too. The block of the oldest indexed
  // event must still have the hash it had (a block above the head is the last second a crash lost: the indexer rolls
  // that back itself, as a reorg).
  const [first] = await db.query<{ block_number: string; block_hash: string }>(
    "SELECT block_number::text AS block_number, block_hash FROM events ORDER BY events.block_number, events.log_index LIMIT 1",
  );
  if (!first) return undefined;
  const onChain = await blockHash(BigInt(first.block_number));
  if (onChain !== undefined && onChain !== first.block_hash) {
    return `block ${first.block_number} has another hash on this chain`;
  }
  return undefined;
}

// ─────────────────────────── Running beside the chain ───────────────────────────

export interface IndexerIo {
  out: (line: string) => void;
  /** Print every batch the follower indexes (RAMPART_DEBUG). */
  debug: boolean;
}

export interface StartIndexerParams {
  index: IndexDatabase;
  deployment: Deployment;
  rpcUrl: string;
  apiPort: number;
  /** Whether this start deployed the protocol (a new deployment: an existing index is discarded). */
  deployed: boolean;
  /**
   * Checked at each batch of the catch-up: true stops it at that batch's end (Ctrl-C, anvil gone). Once following,
   * true mutes the follower's lines.
   */
  shouldStop: () => boolean;
  io: IndexerIo;
}

export interface RunningIndexer {
  api: ApiServer;
  /** The last indexed block when the catch-up ended. */
  indexedBlock: bigint;
  /** True when the API also serves the web app at `/`. */
  web: boolean;
  /** Stops following, closes the API and the database. */
  stop(): Promise<void>;
}

class CatchUpStopped extends Error {
  override name = "CatchUpStopped";
}

/** Catches up with the chain, starts the API, then follows new blocks. Resolves undefined if stopped meanwhile. */
export async function startIndexer(params: StartIndexerParams): Promise<RunningIndexer | undefined> {
  const { index, deployment, io } = params;
  const [, { createIndexer }, { createApiServer }, { createRampartClient }] = await loadIndexerModules();
  const client = createRampartClient({ rpcUrl: params.rpcUrl, deployment });
  const say = (line: string) => io.out(`indexer: ${line}`);
  for (const note of index.notes) say(note);

  const blockHash = async (n: bigint) => {
    const head = await client.publicClient.getBlockNumber();
    if (n > head) return undefined;
    return (await client.publicClient.getBlock({ blockNumber: n })).hash.toLowerCase();
  };
  let before: Awaited<ReturnType<ReturnType<typeof createIndexer>["checkpoint"]>>;
  try {
    const why = await mismatch(index.db, deployment, params.deployed, blockHash);
    if (why) {
      await discard(index);
      say(`discarded the index in ${index.location} (${why}); rebuilding it from the chain`);
    }
    before = await createIndexer({ client, db: index.db }).checkpoint();
  } catch (error) {
    await index.db.close().catch(() => {});
    throw new NetworkError(`the indexer could not check its index against the chain: ${errorText(error)}`);
  }

  // Catch up, a batch of up to 2,000 blocks at a time. A long catch-up prints a progress line at most every second;
  // a stop request ends it at the next batch boundary (the indexer calls `log` between its transactions).
  const from = before ? before.blockNumber + 1n : BigInt(deployment.startBlock);
  say(
    before
      ? `resumed from block ${before.blockNumber} (the index in ${index.location}); catching up from block ${from}`
      : `indexing from the deployment's first block, ${from}, into ${index.location}`,
  );
  // A batch's line is held until the next batch starts: a catch-up of one batch prints only its summary below.
  let lastProgress = performance.now();
  let held: string | undefined;
  const catchUp = createIndexer({
    client,
    db: index.db,
    log: (line) => {
      if (params.shouldStop()) throw new CatchUpStopped("stopped during the catch-up");
      if (!line.startsWith("indexed blocks ")) {
        say(line);
        return;
      }
      if (held !== undefined && performance.now() - lastProgress >= 1000) {
        lastProgress = performance.now();
        say(held);
      }
      held = line;
    },
  });
  let result: Awaited<ReturnType<typeof catchUp.syncOnce>>;
  try {
    result = await catchUp.syncOnce();
  } catch (error) {
    await index.db.close();
    if (error instanceof CatchUpStopped || params.shouldStop()) return undefined;
    throw new NetworkError(`the indexer could not catch up with the chain: ${errorText(error)}`);
  }
  const rate = result.ms > 0 ? Math.round((result.events * 1000) / result.ms) : 0;
  const following = `following new blocks every ${INDEXER_POLL_MS} ms`;
  say(
    result.batches === 0
      ? `up to date at block ${result.blockNumber}; ${following}`
      : `caught up to block ${result.blockNumber}: ${group(result.events)} events in ${result.batches} ` +
          `${result.batches === 1 ? "batch" : "batches"}, ${seconds(result.ms)}` +
          `${result.events > 0 ? ` (${group(rate)} events/s)` : ""}; ${following}`,
  );
  if (params.shouldStop()) {
    await index.db.close();
    return undefined;
  }

  let api: ApiServer;
  let webRoot: string | undefined;
  try {
    webRoot = await ensureWebBuild(say);
    api = await createApiServer({
      db: index.db,
      deployment,
      client,
      host: HOST,
      port: params.apiPort,
      webRoot,
      appConfig: webRoot
        ? localAppConfig(deployment, params.rpcUrl, { devAccountLabels: devAccountLabels() })
        : undefined,
    });
  } catch (error) {
    await index.db.close();
    throw await apiPortProblem(params.apiPort, error as NodeJS.ErrnoException);
  }

  let stopped = false;
  const follower = createIndexer({
    client,
    db: index.db,
    log: (line) => {
      if (stopped || params.shouldStop()) return; // stopping, or anvil gone: its retries are noise
      if (!line.startsWith("indexed blocks ") || io.debug) say(line);
    },
  }).follow({ pollMs: INDEXER_POLL_MS });

  return {
    api,
    indexedBlock: result.blockNumber,
    web: webRoot !== undefined,
    async stop() {
      // The follower ends at its next poll; one stuck in RPC retries (anvil gone) is not waited for beyond 2 s: the
      // index is consistent at every transaction boundary, and the database closes under it.
      stopped = true;
      let timer: NodeJS.Timeout | undefined;
      const followerStopped = await Promise.race([
        follower.stop().then(
          () => true,
          () => true,
        ),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), 2_000);
        }),
      ]);
      clearTimeout(timer);
      await api.close().catch(() => {});
      if (followerStopped) await index.db.close();
      else await index.db.close().catch(() => {});
    },
  };
}
