#!/usr/bin/env node
// Runs a Foundry binary (forge, anvil, cast) from its npm platform package and passes its exit status through.
//
// Why not plain `forge`: the @foundry-rs/<tool> npm launcher (bin.mjs, 1.7.1) spawns the binary but never waits
// for its exit code, so `forge test`, `forge lint` and `forge fmt --check` always exit 0 through it and a failing
// test would not fail `npm test`. This wrapper resolves the same binary and exits with the binary's own status.
//
// Usage: node scripts/foundry.mjs <forge|anvil|cast> [args...]
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const TOOLS = new Set(["forge", "anvil", "cast"]);
const ARCH = { x64: "amd64", arm64: "arm64" };

const [tool, ...args] = process.argv.slice(2);

function fail(message) {
  process.stderr.write(`foundry: ${message}\n`);
  process.exit(2);
}

if (!tool || !TOOLS.has(tool))
  fail(`first argument must be one of ${[...TOOLS].join(", ")} (got: ${tool ?? "nothing"})`);

const arch = ARCH[process.arch];
if (!arch) fail(`no Foundry npm binary for architecture ${process.arch}`);
const platformPackage = `@foundry-rs/${tool}-${process.platform}-${arch}`;
const binaryName = process.platform === "win32" ? `${tool}.exe` : tool;

let binary;
try {
  binary = createRequire(import.meta.url).resolve(`${platformPackage}/bin/${binaryName}`);
} catch {
  binary = undefined;
}
if (!binary || !existsSync(binary)) fail(`${platformPackage} is not installed; run \`npm ci\` first`);

const child = spawn(binary, args, { stdio: "inherit" });

// Forward termination requests so a long-running child (anvil) never outlives this wrapper.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}

child.on("error", (error) => fail(`could not start ${binary}: ${error.message}`));
child.on("exit", (code, signal) => {
  if (signal) {
    // Re-raise the signal so our parent sees the same cause of death.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
