// Runs the indexer as its own process: syncs a deployment's events into PGlite under a data directory, once or
// following the chain. Used by the crash-resume test (which SIGKILLs it mid-sync); `npm start` wiring comes later.
//
//   node --import tsx src/indexer/main.ts --rpc http://127.0.0.1:8545 --deployment .rampart/deployment.json \
//     --data-dir .rampart/indexer [--batch-blocks 2000] [--follow] [--poll-ms 250]
import { parseArgs } from "node:util";
import { createRampartClient } from "../sdk/client.ts";
import { readDeployment } from "../sdk/deployment.ts";
import { openDatabase } from "./db.ts";
import { createIndexer } from "./indexer.ts";

const { values } = parseArgs({
  options: {
    rpc: { type: "string", default: "http://127.0.0.1:8545" },
    deployment: { type: "string", default: ".rampart/deployment.json" },
    "data-dir": { type: "string", default: ".rampart/indexer" },
    "batch-blocks": { type: "string", default: "2000" },
    follow: { type: "boolean", default: false },
    "poll-ms": { type: "string", default: "250" },
  },
});

const log = (line: string) => process.stdout.write(`[indexer] ${line}\n`);
const client = createRampartClient({ rpcUrl: values.rpc, deployment: readDeployment(values.deployment) });
const db = await openDatabase({ dir: values["data-dir"] });
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
  const result = await indexer.syncOnce();
  log(
    `synced to block ${result.blockNumber}: ${result.events} events in ${result.batches} batches, ` +
      `${Math.round(result.ms)} ms`,
  );
  await db.close();
}
