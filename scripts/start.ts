// `npm start`: the local Rampart network (anvil with its chain saved in a data directory, the protocol deployed and
// a demo scenario seeded on first start, the indexer and its HTTP API following the chain). Everything lives in
// src/network/; see docs/network.md.
import { runNetwork } from "../src/network/main.ts";
import { parseNetworkOptions, USAGE, UsageError } from "../src/network/options.ts";

try {
  const options = parseNetworkOptions(process.argv.slice(2));
  if (!options) {
    console.log(USAGE);
  } else {
    // Everything is stopped and closed when runNetwork resolves; exit without waiting for stray timers (an indexer
    // RPC retry left sleeping after anvil died, say).
    process.exit(await runNetwork(options));
  }
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`npm start: ${error.message}`);
  process.exitCode = 2;
}
