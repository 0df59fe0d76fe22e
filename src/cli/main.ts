// The `rampart` command line: look around a Rampart deployment and act on it. See docs/cli.md.
//
// Every failure ends the process with exit code 1 (2 for usage errors) and ONE line on stderr saying what went wrong
// and what to do; RAMPART_DEBUG=1 prints the cause chain as well.
import { Command, CommanderError, Option } from "commander";
import { toRampartError } from "../sdk/errors.ts";
import { registerOperatorCommands } from "./commands/operator.ts";
import { registerReadCommands } from "./commands/read.ts";
import { registerRewardsCommands } from "./commands/rewards.ts";
import { registerRiskCommands } from "./commands/risk.ts";
import { registerServiceCommands } from "./commands/service.ts";
import { registerStakerCommands } from "./commands/staker.ts";
import { registerTimeCommands } from "./commands/time.ts";
import { DEFAULT_RPC } from "./context.ts";

export function buildProgram(): Command {
  const program = new Command("rampart")
    .description("Rampart restaking: look around a deployment, deposit, allocate, slash, withdraw")
    .version("0.1.0")
    .addOption(new Option("--rpc <url>", `JSON-RPC endpoint (env RAMPART_RPC, default ${DEFAULT_RPC})`))
    .addOption(
      new Option(
        "--deployment <file>",
        "deployment file (env RAMPART_DEPLOYMENT, or $RAMPART_DATA_DIR/deployment.json, default .rampart/deployment.json)",
      ),
    )
    .addOption(
      new Option(
        "--account <index|address>",
        "signing account: a dev account index (see `rampart accounts`) or an address the node unlocks (env RAMPART_ACCOUNT); or set RAMPART_PRIVATE_KEY",
      ),
    )
    .addOption(new Option("--json", "machine-readable output (bigints as decimal strings)"))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: () => {} });
  registerReadCommands(program);
  registerStakerCommands(program);
  registerOperatorCommands(program);
  registerServiceCommands(program);
  registerRewardsCommands(program);
  registerTimeCommands(program);
  registerRiskCommands(program);
  // Subcommands inherit the exit override and the quiet error output.
  const quiet = (command: Command): void => {
    for (const sub of command.commands) {
      sub
        .exitOverride()
        .configureOutput({ outputError: () => {} })
        .showSuggestionAfterError(true);
      quiet(sub);
    }
  };
  quiet(program);
  return program;
}

function debugChain(error: unknown): void {
  let current: unknown = error;
  for (let depth = 0; current && depth < 10; depth++) {
    process.stderr.write(
      `${depth === 0 ? "" : "caused by: "}${current instanceof Error ? (current.stack ?? current.message) : String(current)}\n`,
    );
    current = current instanceof Error ? current.cause : undefined;
  }
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.exitCode === 0) {
        return 0;
      }
      if (error.code === "commander.help") return 0;
      const message = error.message.replace(/^error:\s*/, "").replace(/\s*\n\s*/g, " ");
      process.stderr.write(`rampart: ${message} — see rampart ${commandPath(argv)}--help\n`);
      return 2;
    }
    const rampartError = toRampartError(error);
    process.stderr.write(`rampart: ${rampartError.oneLine().replace(/\s*\n\s*/g, " ")}\n`);
    if (process.env.RAMPART_DEBUG === "1") debugChain(error);
    return 1;
  }
}

/** The words of argv that name (sub)commands, for the "see --help" pointer. */
function commandPath(argv: string[]): string {
  const words: string[] = [];
  let command: Command | undefined = buildProgram();
  for (const word of argv) {
    const sub: Command | undefined = command?.commands.find((c) => c.name() === word);
    if (!sub) break;
    words.push(word);
    command = sub;
  }
  return words.length > 0 ? `${words.join(" ")} ` : "";
}

const code = await main(process.argv.slice(2));
// A command may set a non-zero exit code of its own without failing (`rewards verify` on a mismatch exits 3).
if (code !== 0 || !process.exitCode) process.exitCode = code;
