// The indexer: reads every log of Rampart, Directory and RampartRewards with eth_getLogs in block ranges, decodes it,
// and applies each batch in ONE database transaction together with the checkpoint, so a crash at any moment leaves
// either the whole batch or none of it. Reorgs are detected by comparing the checkpoint block's hash with the
// chain's, healed by rolling `events` back to the common ancestor and rebuilding the derived tables from them.
// How it works and what is not built yet: docs/indexer.md.
import { type Abi, type Address, decodeEventLog, type Hex } from "viem";
import { directoryAbi, rampartAbi, rewardsAbi } from "../sdk/abis.ts";
import type { RampartClient } from "../sdk/client.ts";
import { applyEvents, type StoredEvent } from "./apply.ts";
import type { Db, Queryable } from "./db.ts";
import { DERIVED_TABLES } from "./schema.ts";

/**
 * How nodes and viem say an eth_getLogs answer is too big (a response size cap, a result count cap, a block range
 * cap), and not a rate limit ("Too Many Requests", "exceeds defined limit"), which is retried with backoff instead.
 */
const TOO_LARGE =
  /query returned more than|exceeded the size limit|ResponseBodyTooLarge|response (body )?(size|is too (large|big))|too large|too big|block range|max results/i;

export interface IndexerOptions {
  client: RampartClient;
  db: Db;
  /** One line per batch, retry and reorg. Default: nothing. */
  log?: (line: string) => void;
  /** Most blocks per eth_getLogs call and per transaction (default 2,000). */
  batchBlocks?: number;
  /** How many recent blocks' hashes to keep for finding a common ancestor (default 64). */
  reorgWindow?: number;
  /** Attempts per RPC request before giving up (default 8), and the first retry delay (default 250 ms, doubling). */
  rpcAttempts?: number;
  rpcRetryMs?: number;
}

export interface SyncResult {
  /** The checkpoint after the sync. */
  blockNumber: bigint;
  /** Events indexed, batches committed, reorgs healed during this call. */
  events: number;
  batches: number;
  reorgs: number;
  ms: number;
}

export interface Indexer {
  /** Indexes up to the chain's current head and returns. */
  syncOnce(): Promise<SyncResult>;
  /** Keeps syncing every `pollMs` (default 250) until `stop()`; errors after retries are logged and retried later. */
  follow(options?: { pollMs?: number }): { stop(): Promise<void> };
  /** The last indexed block, or undefined before the first batch. */
  checkpoint(): Promise<{ blockNumber: bigint; blockHash: string | null } | undefined>;
}

interface RpcLog {
  address: string;
  topics: Hex[];
  data: Hex;
  blockHash: string;
  blockNumber: string;
  blockTimestamp?: string;
  transactionHash: string;
  logIndex: string;
  removed?: boolean;
}

interface Header {
  number: bigint;
  hash: string;
  parentHash: string;
  timestamp: bigint;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** JSON-friendly copy of decoded args: bigints as decimal strings, hex (addresses, hashes) lowercase. */
export function normalizeArgs(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return value.startsWith("0x") ? value.toLowerCase() : value;
  if (Array.isArray(value)) return value.map(normalizeArgs);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeArgs(v)]));
  }
  return value;
}

function errorText(error: unknown): string {
  const e = error as { shortMessage?: string; message?: string };
  return (e.shortMessage ?? e.message ?? String(error)).split("\n")[0] ?? "unknown error";
}

export function createIndexer(options: IndexerOptions): Indexer {
  const { client, db } = options;
  const log = options.log ?? (() => {});
  const batchBlocks = BigInt(options.batchBlocks ?? 2_000);
  const reorgWindow = options.reorgWindow ?? 64;
  const attempts = options.rpcAttempts ?? 8;
  const firstDelay = options.rpcRetryMs ?? 250;
  const startBlock = BigInt(client.deployment.startBlock);
  const contracts = new Map<string, { name: StoredEvent["contract"]; abi: Abi }>([
    [client.rampart.address.toLowerCase(), { name: "rampart", abi: rampartAbi as Abi }],
    [client.directory.address.toLowerCase(), { name: "directory", abi: directoryAbi as Abi }],
    [client.rewards.address.toLowerCase(), { name: "rewards", abi: rewardsAbi as Abi }],
  ]);
  const addresses = [...contracts.keys()] as Address[];

  /** An RPC request with exponential backoff; every retry is logged. */
  async function rpc<T>(what: string, request: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request();
      } catch (error) {
        if (attempt >= attempts) {
          throw new Error(`RPC request failed (${what}: ${errorText(error)}) after ${attempts} attempts`);
        }
        const delay = Math.min(firstDelay * 2 ** (attempt - 1), 30_000);
        log(
          `RPC request failed (${what}: ${errorText(error)}), retrying in ${delay} ms (attempt ${attempt + 1}/${attempts})`,
        );
        await sleep(delay);
      }
    }
  }

  const request = <T>(method: string, params: unknown[]) =>
    rpc(method, () =>
      (client.publicClient.request as (args: { method: string; params: unknown[] }) => Promise<T>)({ method, params }),
    );

  const hex = (n: bigint) => `0x${n.toString(16)}`;

  async function header(number: bigint): Promise<Header | undefined> {
    const block = await request<{ number: string; hash: string; parentHash: string; timestamp: string } | null>(
      "eth_getBlockByNumber",
      [hex(number), false],
    );
    if (!block) return undefined;
    return {
      number: BigInt(block.number),
      hash: block.hash.toLowerCase(),
      parentHash: block.parentHash.toLowerCase(),
      timestamp: BigInt(block.timestamp),
    };
  }

  async function readCheckpoint(q: Queryable = db) {
    const [row] = await q.query<{ block_number: string; block_hash: string | null; chain_id: string; rampart: string }>(
      "SELECT block_number::text AS block_number, block_hash, chain_id::text AS chain_id, rampart FROM checkpoint WHERE id = 1",
    );
    if (!row) return undefined;
    if (row.chain_id !== String(client.deployment.chainId) || row.rampart !== client.rampart.address.toLowerCase()) {
      throw new Error(
        `this indexer database holds chain ${row.chain_id} / Rampart ${row.rampart}, not the deployment's ` +
          `chain ${client.deployment.chainId} / ${client.rampart.address.toLowerCase()}; use another data directory`,
      );
    }
    return { blockNumber: BigInt(row.block_number), blockHash: row.block_hash };
  }

  async function writeCheckpoint(tx: Queryable, number: bigint, hash: string | null) {
    await tx.query(
      `INSERT INTO checkpoint (id, chain_id, rampart, block_number, block_hash, updated_at) VALUES (1, $1, $2, $3, $4, now())
       ON CONFLICT (id) DO UPDATE SET block_number = EXCLUDED.block_number, block_hash = EXCLUDED.block_hash,
         updated_at = now()`,
      [String(client.deployment.chainId), client.rampart.address.toLowerCase(), String(number), hash],
    );
  }

  /** Empties the derived tables and replays every stored event (after a reorg; fine at today's sizes). */
  async function rebuildDerived(tx: Queryable): Promise<number> {
    for (const table of DERIVED_TABLES) await tx.query(`DELETE FROM ${table}`);
    const rows = await tx.query<{
      block_number: string;
      log_index: number;
      block_hash: string;
      block_time: string;
      tx_hash: string;
      contract: StoredEvent["contract"];
      name: string;
      args: Record<string, unknown>;
    }>(
      `SELECT block_number::text AS block_number, log_index, block_hash, block_time::text AS block_time, tx_hash,
         contract, name, args FROM events ORDER BY events.block_number, events.log_index`,
    );
    await applyEvents(
      tx,
      rows.map((row) => ({
        blockNumber: BigInt(row.block_number),
        logIndex: row.log_index,
        blockHash: row.block_hash,
        blockTime: BigInt(row.block_time),
        txHash: row.tx_hash,
        contract: row.contract,
        name: row.name,
        args: typeof row.args === "string" ? (JSON.parse(row.args) as Record<string, unknown>) : row.args,
      })),
    );
    return rows.length;
  }

  /**
   * Compares the checkpoint block with the chain; on a mismatch finds the newest stored block the chain still has,
   * rolls everything above it back and rebuilds the derived tables, in one transaction. Returns true if it healed.
   */
  async function healReorg(checkpoint: { blockNumber: bigint; blockHash: string | null }): Promise<boolean> {
    if (checkpoint.blockHash === null) return false;
    const onChain = await header(checkpoint.blockNumber);
    if (onChain && onChain.hash === checkpoint.blockHash) return false;
    const stored = await db.query<{ number: string; hash: string }>(
      "SELECT number::text AS number, hash FROM blocks WHERE blocks.number <= $1 ORDER BY blocks.number DESC",
      [String(checkpoint.blockNumber)],
    );
    let ancestor: { number: bigint; hash: string | null } = { number: startBlock - 1n, hash: null };
    for (const row of stored) {
      const block = await header(BigInt(row.number));
      if (block && block.hash === row.hash) {
        ancestor = { number: BigInt(row.number), hash: row.hash };
        break;
      }
    }
    if (ancestor.hash === null) {
      log(`reorg deeper than the ${stored.length} remembered blocks: re-indexing from block ${startBlock}`);
    }
    const replayed = await db.transaction(async (tx) => {
      await tx.query("DELETE FROM events WHERE block_number > $1", [String(ancestor.number)]);
      await tx.query("DELETE FROM blocks WHERE number > $1", [String(ancestor.number)]);
      await writeCheckpoint(tx, ancestor.number, ancestor.hash);
      return rebuildDerived(tx);
    });
    log(
      `reorg: block ${checkpoint.blockNumber} changed hash; rolled back to block ${ancestor.number} and rebuilt ` +
        `derived tables from ${replayed} events`,
    );
    return true;
  }

  function decode(raw: RpcLog, time: bigint): StoredEvent | undefined {
    const contract = contracts.get(raw.address.toLowerCase());
    if (!contract) return undefined;
    let decoded: { eventName: string; args: unknown };
    try {
      decoded = decodeEventLog({ abi: contract.abi, data: raw.data, topics: raw.topics as [Hex, ...Hex[]] }) as {
        eventName: string;
        args: unknown;
      };
    } catch {
      log(`skipped an undecodable log of ${contract.name} in block ${BigInt(raw.blockNumber)}`);
      return undefined;
    }
    return {
      blockNumber: BigInt(raw.blockNumber),
      logIndex: Number(BigInt(raw.logIndex)),
      blockHash: raw.blockHash.toLowerCase(),
      blockTime: time,
      txHash: raw.transactionHash.toLowerCase(),
      contract: contract.name,
      name: decoded.eventName,
      args: normalizeArgs(decoded.args) as Record<string, unknown>,
    };
  }

  /** Blocks per batch now: halved when a node refuses an answer as too large, grown back after batches that fit. */
  let span = batchBlocks;

  /**
   * The logs of blocks [from, to]. A node (or viem's response size limit) may refuse a dense range as too large:
   * then the range is split in halves, logged, and the next batches are smaller. Other errors are retried.
   */
  async function logsIn(from: bigint, to: bigint): Promise<RpcLog[]> {
    const params = [{ address: addresses, fromBlock: hex(from), toBlock: hex(to) }];
    if (to > from) {
      try {
        return await (
          client.publicClient.request as (args: { method: string; params: unknown[] }) => Promise<RpcLog[]>
        )({ method: "eth_getLogs", params });
      } catch (error) {
        if (TOO_LARGE.test(errorText(error))) {
          const mid = from + (to - from) / 2n;
          span = mid - from + 1n;
          log(
            `eth_getLogs for blocks ${from}–${to} was refused as too large (${errorText(error)}); splitting the range`,
          );
          return [...(await logsIn(from, mid)), ...(await logsIn(mid + 1n, to))];
        }
        // Anything else: the retrying path below (which logs each retry).
      }
    }
    return request<RpcLog[]>("eth_getLogs", params);
  }

  /** Fetches, decodes and commits blocks [from, to]. Returns the number of events. */
  async function indexRange(from: bigint, to: bigint): Promise<number> {
    const last = await header(to);
    if (!last) throw new Error(`block ${to} is not on the chain any more`);
    const logs = await logsIn(from, to);
    // Timestamps come with the logs on anvil and recent geth/reth; otherwise one header per block with events.
    const times = new Map<string, bigint>();
    for (const raw of logs) {
      if (raw.blockTimestamp !== undefined) times.set(raw.blockNumber, BigInt(raw.blockTimestamp));
      else if (!times.has(raw.blockNumber)) {
        const block = await header(BigInt(raw.blockNumber));
        if (!block) throw new Error(`block ${BigInt(raw.blockNumber)} vanished while indexing`);
        times.set(raw.blockNumber, block.timestamp);
      }
    }
    const events = logs
      .filter((raw) => !raw.removed)
      .map((raw) => decode(raw, times.get(raw.blockNumber) ?? 0n))
      .filter((event): event is StoredEvent => event !== undefined)
      .sort((a, b) =>
        a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
      );
    await db.transaction(async (tx) => {
      const blocks = new Map<bigint, { hash: string; parent: string | null; time: bigint }>();
      // All of the batch's events in one statement (portable: jsonb_to_recordset is plain PostgreSQL).
      if (events.length > 0) {
        await tx.query(
          `INSERT INTO events (block_number, log_index, block_hash, block_time, tx_hash, contract, name, args)
           SELECT block_number, log_index, block_hash, block_time, tx_hash, contract, name, args
           FROM jsonb_to_recordset($1::jsonb) AS e(block_number BIGINT, log_index INTEGER, block_hash TEXT,
             block_time BIGINT, tx_hash TEXT, contract TEXT, name TEXT, args JSONB)`,
          [
            JSON.stringify(
              events.map((event) => ({
                block_number: String(event.blockNumber),
                log_index: event.logIndex,
                block_hash: event.blockHash,
                block_time: String(event.blockTime),
                tx_hash: event.txHash,
                contract: event.contract,
                name: event.name,
                args: event.args,
              })),
            ),
          ],
        );
      }
      await applyEvents(tx, events);
      for (const event of events) {
        blocks.set(event.blockNumber, { hash: event.blockHash, parent: null, time: event.blockTime });
      }
      blocks.set(last.number, { hash: last.hash, parent: last.parentHash, time: last.timestamp });
      // Only the newest `reorgWindow` blocks are kept anyway: write no more than those.
      const recent = [...blocks].sort(([x], [y]) => (x < y ? 1 : -1)).slice(0, reorgWindow);
      for (const [number, block] of recent) {
        await tx.query(
          `INSERT INTO blocks (number, hash, parent_hash, timestamp) VALUES ($1, $2, $3, $4)
           ON CONFLICT (number) DO UPDATE SET hash = EXCLUDED.hash, parent_hash = EXCLUDED.parent_hash,
             timestamp = EXCLUDED.timestamp`,
          [String(number), block.hash, block.parent, String(block.time)],
        );
      }
      await tx.query(
        `DELETE FROM blocks WHERE number < (SELECT min(number) FROM
           (SELECT number FROM blocks ORDER BY number DESC LIMIT $1) AS recent)`,
        [reorgWindow],
      );
      await writeCheckpoint(tx, last.number, last.hash);
    });
    return events.length;
  }

  async function syncOnce(): Promise<SyncResult> {
    const started = performance.now();
    const result: SyncResult = { blockNumber: startBlock - 1n, events: 0, batches: 0, reorgs: 0, ms: 0 };
    for (;;) {
      let checkpoint = await readCheckpoint();
      if (checkpoint && (await healReorg(checkpoint))) {
        result.reorgs++;
        checkpoint = await readCheckpoint();
      }
      const head = BigInt(await request<string>("eth_blockNumber", []));
      const from = checkpoint ? checkpoint.blockNumber + 1n : startBlock;
      result.blockNumber = from - 1n;
      if (from > head) break;
      const to = from + span - 1n < head ? from + span - 1n : head;
      const count = await indexRange(from, to);
      if (span < batchBlocks) span = span * 2n < batchBlocks ? span * 2n : batchBlocks;
      result.events += count;
      result.batches++;
      result.blockNumber = to;
      const seconds = (performance.now() - started) / 1000;
      log(
        `indexed blocks ${from}–${to}: ${count} events (${result.events} this sync, ` +
          `${Math.round(result.events / Math.max(seconds, 0.001))} events/s), head ${head}`,
      );
    }
    result.ms = performance.now() - started;
    return result;
  }

  function follow(followOptions: { pollMs?: number } = {}) {
    const pollMs = followOptions.pollMs ?? 250;
    let stopped = false;
    let wake: (() => void) | undefined;
    const loop = (async () => {
      while (!stopped) {
        try {
          await syncOnce();
        } catch (error) {
          log(`sync failed (${errorText(error)}); trying again in ${pollMs} ms`);
        }
        if (stopped) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, pollMs);
        });
      }
    })();
    return {
      async stop() {
        stopped = true;
        wake?.();
        await loop;
      },
    };
  }

  return { syncOnce, follow, checkpoint: () => readCheckpoint() };
}

/** Every derived table as sorted text rows: for comparing two databases (crash test) or eyeballing state. */
export async function dumpDerived(db: Queryable): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const table of DERIVED_TABLES) {
    const rows = await db.query<{ row: string }>(`SELECT t::text AS row FROM ${table} AS t ORDER BY 1`);
    dump[table] = rows.map((r) => r.row);
  }
  return dump;
}
