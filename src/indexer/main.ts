// Runs the indexer as its own process: syncs a deployment's events into PGlite under a data directory, or into a
// PostgreSQL server (--database-url, or DATABASE_URL from the environment), once or following the chain. Used by the
// crash-resume tests (which SIGKILL it mid-sync); `npm start` wiring comes later.
//
//   node --import tsx src/indexer/main.ts --rpc http://127.0.0.1:8545 --deployment .rampart/deployment.json \
//     [--data-dir .rampart/indexer | --database-url postgres://user:password@host:5432/db] [--batch-blocks 2000]
//     [--follow] [--poll-ms 250]
//
// Where the data goes: --database-url, else --data-dir, else DATABASE_URL, else .rampart/indexer (docs/indexer.md).
import { parseArgs } from "node:util";
import { createRampartClient } from "../sdk/client.ts";
import { readDeployment } from "../sdk/deployment.ts";
import { chooseDatabase, openDatabase } from "./db.ts";
import { createIndexer } from "./indexer.ts";

const log = (line: string) => process.stdout.write(`[indexer] ${line}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rpc: { type: "string", default: "http://127.0.0.1:8545" },
      deployment: { type: "string", default: ".rampart/deployment.json" },
      "data-dir": { type: "string" },
      "database-url": { type: "string" },
      "batch-blocks": { type: "string", default: "2000" },
      follow: { type: "boolean", default: false },
      "poll-ms": { type: "string", default: "250" },
    },
  });

  const client = createRampartClient({ rpcUrl: values.rpc, deployment: readDeployment(values.deployment) });
  const db = await openDatabase(
    chooseDatabase({ url: values["database-url"], dir: values["data-dir"], defaultDir: ".rampart/indexer" }),
  );
  log(`database: ${db.location}`);
  const indexer = createIndexer({ client, db, log, batchBlocks: Number(values["batch-blocks"]) });

  if (values.follow) {
    const following = indexer.follow({ pollMs: Number(values["poll-ms"]) });
    const shutdown = async () => {
      await following.stop();
      await db.close();
      process.exit(0);
    };
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
  } else {
    try {
      const result = await indexer.syncOnce();
      log(
        `synced to block ${result.blockNumber}: ${result.events} events in ${result.batches} batches, ` +
          `${Math.round(result.ms)} ms`,
      );
    } finally {
      await db.close();
    }
  }
}

main().catch((error: unknown) => {
  // One line, no stack: the messages say what went wrong and what to do.
  process.stderr.write(`[indexer] error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
