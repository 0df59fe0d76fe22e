// `npm run bench:api`: seeds a large network on a fresh anvil (10k stakers, 200 operators, 50 services by default),
// then measures
//   1. the indexer's catch-up rate: a fresh PGlite database on disk, `createIndexer(...).syncOnce()` from the
//      deployment block to the head, events / wall time (target ≥ 2,000 events/s);
//   2. the API's latency under load: `createApiServer` in this process over that database, and a SECOND process
//      (bench/api-load.ts) on loopback sending an open-loop constant rate (500 requests/s by default) to
//      /stakers/{address}/portfolio (random seeded stakers) and, separately, to /operators; p50/p90/p99/max from
//      each request's due time (target p99 < 20 ms).
// Also reports each endpoint's service time (one request at a time over one keep-alive connection, from the load
// process): at R requests/s a single-threaded server needs it well under 1000/R ms, or its queue grows without bound.
// Prints a table and writes bench/out/api.json. Options: --stakers --operators --services --rate --seconds --warmup
// --batch-blocks --tx-per-block --quick (500 stakers, 5 s per endpoint) --keep (keep the indexer's database directory).
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createApiServer } from "../src/api/server.ts";
import { openDatabase } from "../src/indexer/db.ts";
import { createIndexer } from "../src/indexer/indexer.ts";
import { createRampartClient } from "../src/sdk/client.ts";
import type { LoadResult, LoadSpec, SerialResult } from "./api-load.ts";
import { rng, seedNetwork } from "./lib/api-seed.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "bench", "out", "api.json");
const LOAD_SCRIPT = path.join(ROOT, "bench", "api-load.ts");
const TARGET = { catchUpEventsPerSecond: 2_000, p99Ms: 20 };

const { values: flags } = parseArgs({
  options: {
    stakers: { type: "string" },
    operators: { type: "string" },
    services: { type: "string" },
    rate: { type: "string" },
    seconds: { type: "string" },
    warmup: { type: "string" },
    "batch-blocks": { type: "string" },
    "tx-per-block": { type: "string" },
    quick: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const int = (value: string | undefined, fallback: number, what: string): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`bench:api: --${what} must be a positive number, not "${value}"`);
  return n;
};
const options = {
  stakers: int(flags.stakers, flags.quick ? 500 : 10_000, "stakers"),
  operators: int(flags.operators, flags.quick ? 50 : 200, "operators"),
  services: int(flags.services, flags.quick ? 10 : 50, "services"),
  rate: int(flags.rate, 500, "rate"),
  seconds: int(flags.seconds, flags.quick ? 5 : 10, "seconds"),
  warmupSeconds: int(flags.warmup, 2, "warmup"),
  // Not the indexer's default of 2,000: this history is dense (~70 KB of logs per block), and 2,000 blocks of it are
  // one eth_getLogs answer of ~17 MB, over viem's 10 MB response limit; the indexer retries the same range until it
  // gives up. 100 blocks is ~7 MB.
  batchBlocks: int(flags["batch-blocks"], 100, "batch-blocks"),
  txPerBlock: int(flags["tx-per-block"], 200, "tx-per-block"),
};

const tty = process.stderr.isTTY;
const log = (line: string) => process.stderr.write(`${tty ? "\r\x1b[K" : ""}${line}\n`);
let lastProgress = 0;
const progress = (line: string) => {
  if (tty) process.stderr.write(`\r\x1b[K  ${line}`);
  else if (performance.now() - lastProgress > 5_000) {
    lastProgress = performance.now();
    process.stderr.write(`  ${line}\n`);
  }
};

function runLoad<T = LoadResult>(spec: LoadSpec): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", LOAD_SCRIPT], {
      cwd: ROOT,
      stdio: ["pipe", "pipe", "inherit"],
    });
    child.stdin.end(JSON.stringify(spec));
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`bench:api: the load process exited with ${code}`));
      else resolve(JSON.parse(out.trim().split("\n").at(-1) as string) as T);
    });
  });
}

function gitState(): { commit: string; dirty: string[] } | null {
  const run = (args: string[]) => spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
  const head = run(["rev-parse", "--short", "HEAD"]);
  if (head.status !== 0) return null;
  const status = run(["status", "--porcelain", "--", "src"]);
  return { commit: head.stdout.trim(), dirty: status.stdout.split("\n").filter(Boolean) };
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadAtStart = os.loadavg()[0];
  log(
    `bench:api: seeding ${options.stakers.toLocaleString("en-US")} stakers, ${options.operators} operators, ` +
      `${options.services} services on a fresh anvil...`,
  );
  const network = await seedNetwork({ ...options, log, progress });
  const seed = network.stats;
  log(
    `seeded in ${seed.seconds.toFixed(1)} s: ${seed.transactions.toLocaleString("en-US")} transactions in ` +
      `${seed.blocks.toLocaleString("en-US")} blocks (${seed.txPerBlock.mean.toFixed(0)} per block, max ${seed.txPerBlock.max})`,
  );

  // ── Catch-up.
  const dir = mkdtempSync(path.join(os.tmpdir(), "rampart-bench-api-"));
  let db = await openDatabase({ dir: path.join(dir, "indexer") });
  const client = createRampartClient({ rpcUrl: network.rpcUrl, deployment: network.deployment });
  const head = Number(await client.publicClient.getBlockNumber());
  log(
    `indexing blocks ${network.deployment.startBlock}–${head} into PGlite at ${dir} (batches of ${options.batchBlocks} blocks)...`,
  );
  const indexer = createIndexer({
    client,
    db,
    batchBlocks: options.batchBlocks,
    log: (line) => progress(line),
  });
  const sync = await indexer.syncOnce();
  const catchUp = {
    events: sync.events,
    blocks: head - network.deployment.startBlock + 1,
    blocksWithEvents: 0,
    batches: sync.batches,
    ms: Math.round(sync.ms),
    eventsPerSecond: Math.round(sync.events / (sync.ms / 1000)),
    byName: {} as Record<string, number>,
  };
  for (const row of await db.query<{ name: string; n: string }>(
    "SELECT name, COUNT(*)::text AS n FROM events GROUP BY name ORDER BY COUNT(*) DESC",
  )) {
    catchUp.byName[row.name] = Number(row.n);
  }
  const [withEvents] = await db.query<{ n: string }>("SELECT COUNT(DISTINCT block_number)::text AS n FROM events");
  catchUp.blocksWithEvents = Number(withEvents?.n);
  log(
    `indexed ${catchUp.events.toLocaleString("en-US")} events (${catchUp.blocksWithEvents} blocks with events) in ` +
      `${(catchUp.ms / 1000).toFixed(1)} s: ${catchUp.eventsPerSecond.toLocaleString("en-US")} events/s`,
  );
  // Reopen the database the way a separate API process would (the indexer's process is done with it).
  await db.close();
  db = await openDatabase({ dir: path.join(dir, "indexer") });
  if (flags.keep) writeFileSync(path.join(dir, "deployment.json"), `${JSON.stringify(network.deployment, null, 2)}\n`);

  // ── API. Started while anvil still runs: it reads the stand-in LSTs' rates from their contracts once.
  const api = await createApiServer({ db, deployment: network.deployment, port: 0, client });
  await network.anvil.stop();
  // An overloaded run leaves a backlog: the load process gives up on it, the server does not (its handlers keep
  // queueing queries on PGlite, which runs them one at a time). Before the next endpoint, wait until a query-backed
  // request (/overview, cached but keyed by a checkpoint query) answers quickly again.
  const idle = async (): Promise<number> => {
    const t0 = performance.now();
    for (let quick = 0; quick < 3 && performance.now() - t0 < 300_000; ) {
      const t = performance.now();
      await (await fetch(`${api.url}/overview`)).arrayBuffer();
      quick = performance.now() - t < 50 ? quick + 1 : 0;
      await new Promise((r) => setTimeout(r, 50));
    }
    return (performance.now() - t0) / 1000;
  };
  const overview = (await (await fetch(`${api.url}/overview`)).json()) as { counts: Record<string, number> };
  // Serial runs: distinct stakers, so every answer is computed (the server caches answers per indexed block). Under
  // load: stakers drawn at random from all of them, as users would come; some repeat, and may be served from cache.
  const random = rng(0xa91);
  const shuffled: string[] = [...network.stakers].sort(() => random() - 0.5);
  const loadCount = Math.round(options.rate * (options.seconds + options.warmupSeconds));
  const loadStakers: string[] = Array.from(
    { length: loadCount },
    () => network.stakers[Math.floor(random() * network.stakers.length)] as string,
  );
  const seen = new Set(shuffled.slice(0, 520));
  let repeats = 0;
  for (const s of loadStakers) {
    if (seen.has(s)) repeats++;
    seen.add(s);
  }
  const endpoints = [
    {
      name: "portfolio",
      serialPaths: shuffled.slice(0, 520).map((s) => `/stakers/${s}/portfolio`),
      loadPaths: loadStakers.map((s) => `/stakers/${s}/portfolio`),
      serial: 500,
      repeatShare: repeats / loadCount,
    },
    { name: "operators", serialPaths: ["/operators"], loadPaths: ["/operators"], serial: 50, repeatShare: 1 },
  ];
  /** repeatShare: the share of load requests for a path asked before (an upper bound on cache hits). */
  const results: Record<
    string,
    { service: SerialResult; load: LoadResult; repeatShare: number; backlogSeconds: number }
  > = {};
  for (const endpoint of endpoints) {
    const backlog = await idle();
    if (backlog > 1) log(`waited ${backlog.toFixed(0)} s for the server to finish the previous run's backlog`);
    const base = { url: api.url, timeoutMs: 30_000 };
    const service = await runLoad<SerialResult>({
      ...base,
      paths: endpoint.serialPaths,
      rate: 1,
      seconds: 1,
      warmupSeconds: 0,
      serial: endpoint.serial,
    });
    log(
      `${endpoint.name}: service time ${service.meanMs.toFixed(2)} ms mean, one request at a time ` +
        `(${service.meanBytes.toLocaleString("en-US")} bytes); ${options.rate} requests/s for ${options.seconds} s ` +
        `after ${options.warmupSeconds} s of warm-up...`,
    );
    const load = await runLoad({
      ...base,
      paths: endpoint.loadPaths,
      rate: options.rate,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
    });
    results[endpoint.name] = { service, load, repeatShare: endpoint.repeatShare, backlogSeconds: backlog };
  }
  await api.close();
  await db.close();
  if (!flags.keep) rmSync(dir, { recursive: true, force: true });
  else log(`kept the indexer's database in ${dir}`);

  // ── Report.
  const portfolio = results.portfolio as (typeof results)[string];
  const operators = results.operators as (typeof results)[string];
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  const p99Met = (r: LoadResult) => r.p99 < TARGET.p99Ms && r.errors === 0;
  const rows: [string, string, string, string][] = [
    ["seeding: transactions / blocks", `${n(seed.transactions)} / ${n(seed.blocks)}`, "", ""],
    ["seeding: time", `${seed.seconds.toFixed(0)} s`, "", ""],
    ["catch-up: events / blocks / batches", `${n(catchUp.events)} / ${n(catchUp.blocks)} / ${catchUp.batches}`, "", ""],
    ["catch-up: time", `${(catchUp.ms / 1000).toFixed(1)} s`, "", ""],
    [
      "catch-up rate",
      `${n(catchUp.eventsPerSecond)} events/s`,
      `≥ ${n(TARGET.catchUpEventsPerSecond)}`,
      catchUp.eventsPerSecond >= TARGET.catchUpEventsPerSecond ? "yes" : "NO",
    ],
  ];
  for (const [name, r] of [
    ["portfolio", portfolio],
    ["operators", operators],
  ] as const) {
    rows.push(
      [
        `${name}: service time (1 at a time)`,
        `${ms(r.service.meanMs)} (${n(r.service.meanBytes)} B)`,
        `< ${ms(1000 / options.rate)}`,
        r.service.meanMs < 1000 / options.rate ? "yes" : "NO",
      ],
      [`${name} @ ${options.rate}/s: p50 / p90`, `${ms(r.load.p50)} / ${ms(r.load.p90)}`, "", ""],
      [`${name} @ ${options.rate}/s: p99`, ms(r.load.p99), `< ${TARGET.p99Ms} ms`, p99Met(r.load) ? "yes" : "NO"],
      [
        `${name} @ ${options.rate}/s: max / errors`,
        `${ms(r.load.max)} / ${r.load.errors}`,
        "0 errors",
        r.load.errors === 0 ? "yes" : "NO",
      ],
      [`${name} @ ${options.rate}/s: answered`, `${n(r.load.achievedRate)}/s`, "", ""],
    );
  }
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...rows.map((row) => row[i]?.length ?? 0), ["figure", "value", "target", "met"][i]?.length ?? 0),
  );
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join("  ");
  console.log(
    `\nAPI: ${n(options.stakers)} stakers, ${options.operators} operators, ${options.services} services; ` +
      `${n(overview.counts.positions ?? 0)} positions\n`,
  );
  console.log(line(["figure", "value", "target", "met?"]));
  for (const row of rows) console.log(line(row));
  const met =
    catchUp.eventsPerSecond >= TARGET.catchUpEventsPerSecond && p99Met(portfolio.load) && p99Met(operators.load);
  console.log(
    `\nTargets: ${met ? "met" : "MISSED"} (total run ${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );

  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(
    OUT,
    `${JSON.stringify(
      {
        benchmark: "api",
        date: new Date().toISOString(),
        options: { ...options, quick: flags.quick },
        machine: {
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model,
          memoryGb: Math.round(os.totalmem() / 2 ** 30),
          node: process.version,
          platform: `${process.platform}-${process.arch}`,
          /** 1-minute load average at the start and at the end: other work on the machine skews latencies. */
          loadAverage: { start: loadAtStart, end: os.loadavg()[0] },
        },
        /** The code measured: HEAD and the files under src/ that differed from it. */
        git: gitState(),
        target: TARGET,
        met,
        seeding: seed,
        indexed: overview.counts,
        catchUp,
        endpoints: results,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`wrote ${path.relative(ROOT, OUT)}`);
  if (!met) process.exitCode = 1;
}

await main();
