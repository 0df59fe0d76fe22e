// Runs the indexer as its own process (src/indexer/main.ts) on a fixture chain, optionally SIGKILLing it right after
// its first committed batch: the crash-resume tests of PGlite and PostgreSQL share it.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Fixture } from "./fixture.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const MAIN = path.join(ROOT, "src", "indexer", "main.ts");

/**
 * Syncs `fixture`'s chain into `database` (`["--data-dir", dir]` or `["--database-url", url]`) in 5-block batches.
 * Resolves `killed: true` if it was killed after its first batch, `false` if it finished first.
 */
export function runIndexerChild(
  fixture: Pick<Fixture, "rpcUrl" | "deploymentFile">,
  database: ["--data-dir" | "--database-url", string],
  killAfterFirstBatch: boolean,
): Promise<{ killed: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        MAIN,
        "--rpc",
        fixture.rpcUrl,
        "--deployment",
        fixture.deploymentFile,
        ...database,
        "--batch-blocks",
        "5",
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (killAfterFirstBatch && output.includes("indexed blocks")) child.kill("SIGKILL");
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (signal === "SIGKILL") resolve({ killed: true, output });
      else if (code === 0) resolve({ killed: false, output });
      else reject(new Error(`indexer exited with ${code ?? signal}: ${output}`));
    });
  });
}
