// Local network only: move the chain's clock. Each UTC midnight crossed, the rewards updater posts the day's root
// (when the node can sign for it, as anvil does for its dev accounts).
import type { Command } from "commander";
import { advanceTimeWithRoots } from "../../rewards/distribution.ts";
import { createRampartClient } from "../../sdk/client.ts";
import { formatTimestamp, parseDuration } from "../../sdk/format.ts";
import { devAccounts } from "../context.ts";
import { duration, say } from "../output.ts";
import { emit, run } from "../run.ts";
import { treesDirOf } from "./rewards.ts";

export function registerTimeCommands(program: Command): void {
  const time = program.command("time").description("local network only: move the chain's clock");
  time
    .command("advance <duration>")
    .description('move the clock forward ("7d", "12h", "90m", "30s"); the rewards updater posts a root each midnight')
    .option("--no-roots", "do not post rewards roots at the midnights crossed")
    .action(
      run(async (context, [text = ""], options) => {
        const seconds = parseDuration(text);
        let updater: ReturnType<typeof createRampartClient> | undefined;
        if (options.roots !== false) {
          const [address, unlocked] = await Promise.all([
            context.client.publicClient.readContract({ ...context.client.rewards, functionName: "rewardsUpdater" }),
            devAccounts(context.rpcUrl),
          ]);
          if (unlocked.some((a) => a.toLowerCase() === address.toLowerCase())) {
            updater = createRampartClient({
              rpcUrl: context.rpcUrl,
              deployment: context.client.deployment,
              account: address,
            });
          }
        }
        const result = await advanceTimeWithRoots(context.client, seconds, {
          updater,
          treesDir: treesDirOf(context),
        });
        emit(context, { seconds, ...result }, () => {
          say(
            `Advanced ${duration(seconds)}: the chain's time is now ${formatTimestamp(result.to)} (block #${result.blockNumber}).`,
          );
          for (const root of result.roots) {
            say(
              `  rewards root ${root.rootIndex} posted for the days ended by ${formatTimestamp(root.calculatedUntil)} ` +
                `(${root.leaves} leaves; claimable from ${formatTimestamp(root.activatesAt)})`,
            );
          }
          if (result.roots.length === 0 && options.roots !== false && result.note)
            say(`  no rewards root: ${result.note}`);
        });
      }),
    );
}
