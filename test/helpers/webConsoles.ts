// The console journeys' stack: `npm start` exactly as a user runs it, on a fresh data directory and free ports,
// serving the web app itself (test/helpers/web.ts startNetworkStack, whose URL is the banner's "Web app" line), plus
// an SDK client for cross-checks and for moving the dev chain's clock.
import { advanceTime } from "../../src/sdk/actions/advanceTime.ts";
import { createRampartClient, type RampartClient } from "../../src/sdk/client.ts";
import { type NetworkStack, startNetworkStack } from "./web.ts";

export interface ServedNetwork extends NetworkStack {
  client: RampartClient;
  /** Moves the dev chain's clock forward (evm_increaseTime and a block), then waits for the indexer. */
  advance(seconds: number): Promise<void>;
}

export async function startServedNetwork(): Promise<ServedNetwork> {
  const stack = await startNetworkStack();
  const client = createRampartClient({ rpcUrl: stack.rpcUrl, deployment: stack.deployment });
  return {
    ...stack,
    client,
    async advance(seconds: number) {
      await advanceTime(client, seconds);
      await stack.synced();
    },
  };
}
