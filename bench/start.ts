// `npm run bench:start`: how long `npm start` takes to be ready, cold (fresh data directory: anvil, deployment and
// seeding) and warm (restart on the same directory: anvil loads the saved chain). Three rounds of cold-then-warm,
// each through `npm start` exactly as a user runs it, stopped like Ctrl-C in a terminal (SIGINT to the process
// group). Prints a table and writes bench/out/start.json.
//
// Measured from spawning `npm start` to its "ready in" line (so npm and tsx start-up are included); the network's
// own figure (from its node process start) is reported alongside.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "bench", "out", "start.json");
const ROUNDS = 3;
const READY = /ready in ([\d.]+) s/;
const TARGET_MS = { cold: 15_000, warm: 5_000 };

interface Run {
  kind: "cold" | "warm";
  round: number;
  /** From spawning `npm start` to the ready line. */
  wallMs: number;
  /** The "ready in" figure printed by the network (from its node process start). */
  reportedMs: number;
  /** From SIGINT until the network has saved the chain and released the data directory. */
  stopMs: number;
  /** How `npm start` ended: its exit code, or the signal (npm passes Ctrl-C's SIGINT on and dies of it). */
  exit: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function measure(kind: Run["kind"], round: number, port: number, dataDir: string): Promise<Run> {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const started = performance.now();
  const child: ChildProcess = spawn(npm, ["start", "--", "--port", String(port), "--data-dir", dataDir], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
    env: { ...process.env, RAMPART_PORT: "", RAMPART_DATA_DIR: "" },
  });
  let output = "";
  const exited = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? `code ${code}`)),
  );
  let wallMs = 0;
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (wallMs === 0 && READY.test(output)) {
        wallMs = performance.now() - started;
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then(() => reject(new Error(`npm start exited before it was ready:\n${output}`)));
    setTimeout(() => reject(new Error(`npm start not ready within 60 s:\n${output}`)), 60_000).unref();
  });
  try {
    await ready;
  } catch (error) {
    if (child.pid) process.kill(-child.pid, "SIGKILL");
    throw error;
  }
  const reportedMs = Number(READY.exec(output)?.[1]) * 1000;
  const stopStarted = performance.now();
  if (child.pid) process.kill(-child.pid, "SIGINT"); // what Ctrl-C in a terminal does
  const exit = await exited;
  // npm exits at once on SIGINT; the network is done when it has saved the chain and released the data directory.
  const lock = path.join(dataDir, "network.lock");
  while (existsSync(lock)) {
    if (performance.now() - stopStarted > 30_000) throw new Error(`the network did not stop within 30 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { kind, round, wallMs, reportedMs, stopMs: performance.now() - stopStarted, exit };
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    minMs: Math.round(sorted[0] ?? 0),
    medianMs: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
    maxMs: Math.round(sorted[sorted.length - 1] ?? 0),
  };
};

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

const runs: Run[] = [];
const dirs: string[] = [];
try {
  for (let round = 1; round <= ROUNDS; round++) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "rampart-bench-start-"));
    dirs.push(dataDir);
    const port = await freePort();
    for (const kind of ["cold", "warm"] as const) {
      const run = await measure(kind, round, port, dataDir);
      runs.push(run);
      console.log(
        `${kind} #${round}: ready ${s(run.wallMs)} (reported ${s(run.reportedMs)}), stop ${s(run.stopMs)}, npm ended by ${run.exit}`,
      );
    }
  }
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

const summary = Object.fromEntries(
  (["cold", "warm"] as const).map((kind) => {
    const of = runs.filter((r) => r.kind === kind);
    return [
      kind,
      {
        wall: stats(of.map((r) => r.wallMs)),
        reported: stats(of.map((r) => r.reportedMs)),
        stop: stats(of.map((r) => r.stopMs)),
        targetMs: TARGET_MS[kind],
        withinTarget: of.every((r) => r.wallMs < TARGET_MS[kind]),
      },
    ];
  }),
) as Record<
  "cold" | "warm",
  {
    wall: ReturnType<typeof stats>;
    reported: ReturnType<typeof stats>;
    stop: ReturnType<typeof stats>;
    targetMs: number;
    withinTarget: boolean;
  }
>;

const table = [
  ["", "ready: min", "median", "max", "reported (median)", "stop (median)", "target"],
  ...(["cold", "warm"] as const).map((kind) => {
    const x = summary[kind];
    return [
      kind === "cold" ? "cold (fresh dir)" : "warm (same dir)",
      s(x.wall.minMs),
      s(x.wall.medianMs),
      s(x.wall.maxMs),
      s(x.reported.medianMs),
      s(x.stop.medianMs),
      `< ${x.targetMs / 1000} s ${x.withinTarget ? "ok" : "MISSED"}`,
    ];
  }),
];
const widths = table[0]?.map((_, column) => Math.max(...table.map((row) => row[column]?.length ?? 0))) ?? [];
console.log("");
for (const row of table)
  console.log(
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("   ")
      .trimEnd(),
  );
console.log('ready: from spawning `npm start` to its ready line; reported: the network\'s own "ready in" figure');

mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(
  OUT,
  `${JSON.stringify(
    {
      command: "npm start -- --port <free> --data-dir <temp>",
      measuredAt: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
      },
      summary,
      runs: runs.map((r) => ({
        ...r,
        wallMs: Math.round(r.wallMs),
        reportedMs: Math.round(r.reportedMs),
        stopMs: Math.round(r.stopMs),
      })),
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwrote ${path.relative(ROOT, OUT)}`);
if (!summary.cold.withinTarget || !summary.warm.withinTarget) process.exitCode = 1;
