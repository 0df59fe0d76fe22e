// Reads the calculator's input from the indexer's database instead of a node: the same protocol events, from the
// `events` table (the indexer's source of truth), mapped by the same function as the chain path (protocolEventOf in
// events.ts), so the two cannot disagree.
import type { Queryable } from "../indexer/db.ts";
import { CORE_EVENTS, protocolEventOf, type ReadEventsResult } from "./events.ts";
import type { ProtocolEvent } from "./model.ts";

/** Every event name the calculator uses, across the three contracts. */
const NAMES = [...CORE_EVENTS, "CommissionSet", "RewardProgramCreated"];

/** The last indexed block and its timestamp (the checkpoint; its time from `blocks`, else the newest event's). */
export async function indexedHead(db: Queryable): Promise<{ blockNumber: bigint; time: bigint; hash: string | null }> {
  const [row] = await db.query<{ n: string | null; h: string | null; t: string | null }>(
    `SELECT c.block_number::text AS n, c.block_hash AS h,
       COALESCE((SELECT b.timestamp FROM blocks b WHERE b.number = c.block_number),
                (SELECT MAX(block_time) FROM events))::text AS t
     FROM checkpoint c`,
  );
  return { blockNumber: BigInt(row?.n ?? 0), time: BigInt(row?.t ?? 0), hash: row?.h ?? null };
}

/**
 * Every event the rewards calculator needs, in chain order, up to the indexed checkpoint: what `readRewardEvents`
 * reads from a node, from the indexer's `events` table.
 * @example
 * const { events, toTime } = await rewardEventsFromDb(db);
 * const result = calculateRewards(events, dayFloor(toTime));
 */
export async function rewardEventsFromDb(db: Queryable): Promise<ReadEventsResult> {
  const head = await indexedHead(db);
  const rows = await db.query<{
    block_number: string;
    log_index: number;
    block_time: string;
    contract: "rampart" | "directory" | "rewards";
    name: string;
    args: unknown;
  }>(
    `SELECT block_number::text AS block_number, log_index, block_time::text AS block_time, contract, name, args
     FROM events WHERE name = ANY($1::text[]) AND events.block_number <= $2 ORDER BY events.block_number, events.log_index`,
    [NAMES, head.blockNumber.toString()],
  );
  const events: ProtocolEvent[] = [];
  for (const row of rows) {
    const args = (typeof row.args === "string" ? JSON.parse(row.args) : row.args) as Record<string, unknown>;
    const event = protocolEventOf(row.contract, row.name, args, {
      time: BigInt(row.block_time),
      blockNumber: BigInt(row.block_number),
      logIndex: Number(row.log_index),
    });
    if (event) events.push(event);
  }
  return { events, toBlock: head.blockNumber, toTime: head.time };
}
