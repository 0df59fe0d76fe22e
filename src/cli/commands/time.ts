// Local network only: move the chain's clock.
import type { Command } from "commander";
import { advanceTime } from "../../sdk/actions/advanceTime.ts";
import { formatTimestamp, parseDuration } from "../../sdk/format.ts";
import { duration, say } from "../output.ts";
import { emit, run } from "../run.ts";

export function registerTimeCommands(program: Command): void {
  const time = program.command("time").description("local network only: move the chain's clock");
  time
    .command("advance <duration>")
    .description('move the clock forward ("7d", "12h", "90m", "30s") and mine a block')
    .action(
      run(async (context, [text = ""]) => {
        const seconds = parseDuration(text);
        const result = await advanceTime(context.client, seconds);
        emit(context, { seconds, ...result }, () =>
          say(
            `Advanced ${duration(seconds)}: the chain's time is now ${formatTimestamp(result.to)} (block #${result.blockNumber}).`,
          ),
        );
      }),
    );
}
