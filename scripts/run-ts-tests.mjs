#!/usr/bin/env node
// Runs every test/**/*.test.ts file with Node's built-in test runner (through tsx), one file at a time.
// Node 20's `node --test` does not expand glob patterns itself (that arrived in Node 21), so the files are
// collected here. Extra arguments are passed to `node --test` (e.g. --test-name-pattern=deposit).
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const testDir = path.join(root, "test");

const files = existsSync(testDir)
  ? readdirSync(testDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(".test.ts"))
      .map((entry) => path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name)))
      .filter((file) => !file.split(path.sep).includes("node_modules"))
      .sort()
  : [];

if (files.length === 0) {
  console.log("test:ts: no test/**/*.test.ts files yet, nothing to run.");
  process.exit(0);
}

console.log(`test:ts: running ${files.length} file(s): ${files.join(", ")}`);
const child = spawn(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=1", ...process.argv.slice(2), ...files],
  { cwd: root, stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.on("error", (error) => {
  console.error(`test:ts: could not start node: ${error.message}`);
  process.exit(1);
});
child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
