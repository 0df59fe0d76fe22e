// `npm run bench:rewards`: time and peak memory to compute ONE day's distribution at 10k, 100k and 1M stakers, with
// 20 programs (10 services, pro-rata and operator-directed, 3 reward tokens) and 200 operators over 3 assets.
// Also times building the Merkle tree of that day's earnings. Each size runs in its own process so that its peak
// RSS (process.resourceUsage().maxRSS) is its own. Prints a table and writes bench/out/rewards.json.
//
// The state is synthetic (generated here, seeded): heavy-tailed stake per operator, stakers with 1-3 positions,
// operators allocating 20-100% of each pool across 1-5 of the 10 operator sets. It is fed through the same
// RewardsLedger.apply the chain path uses, then `distributeDay` runs once and is timed.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { distributeDay, RewardsAccumulator, RewardsLedger } from "../src/rewards/calculator.ts";
import { buildDistributionTree } from "../src/rewards/merkle.ts";
import { type Addr, DAY, type ProtocolEvent, type RewardProgram, WAD } from "../src/rewards/model.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "bench", "out", "rewards.json");
const SIZES = [10_000, 100_000, 1_000_000];
const OPERATORS = 200;
const SETS = 10;
const PROGRAMS = 20;
const TARGET = { stakers: 1_000_000, seconds: 30, rssMb: 2048 };

interface SizeResult {
  stakers: number;
  positions: number;
  operators: number;
  programs: number;
  pools: number;
  earners: number;
  buildStateSeconds: number;
  distributeSeconds: number;
  treeSeconds: number;
  leaves: number;
  /** Peak RSS once the state is built and the day distributed (what the target is about). */
  distributePeakRssMb: number;
  /** Peak RSS after the tree is built too. */
  peakRssMb: number;
}

/** xorshift32: deterministic, fast. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4_294_967_296;
  };
}

const hex = (prefix: number, n: number): Addr =>
  `0x${prefix.toString(16).padStart(2, "0")}${n.toString(16).padStart(38, "0")}` as Addr;

function runSize(stakers: number): SizeResult {
  const random = rng(stakers);
  const assets = [hex(0xa0, 1), hex(0xa0, 2), hex(0xa0, 3)];
  const operators = Array.from({ length: OPERATORS }, (_, i) => hex(0x0b, i + 1));
  const services = Array.from({ length: SETS }, (_, i) => hex(0x5e, i + 1));
  const tokens = [hex(0x70, 1), hex(0x70, 2), hex(0x70, 3)];
  // Heavy-tailed operator popularity (Pareto-like weights).
  const popularity = operators.map(() => 1 / (random() + 0.02) ** 1.2);
  const cumulative: number[] = [];
  popularity.reduce((sum, w, i) => {
    cumulative[i] = sum + w;
    return sum + w;
  }, 0);
  const total = cumulative.at(-1) as number;
  const pickOperator = (): number => {
    const r = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const t0 = performance.now();
  const ledger = new RewardsLedger();
  const pos = { time: 0n, blockNumber: 0n, logIndex: 0 };
  for (let s = 0; s < SETS; s++) {
    ledger.apply({ ...pos, type: "OperatorSetCreated", setId: s + 1, service: services[s] as Addr });
  }
  let positions = 0;
  const deposit: Extract<ProtocolEvent, { type: "Deposited" }> = {
    ...pos,
    type: "Deposited",
    staker: "0x" as Addr,
    operator: "0x" as Addr,
    asset: "0x" as Addr,
    amount: 0n,
    shares: 0n,
  };
  for (let i = 0; i < stakers; i++) {
    deposit.staker = hex(0x51, i + 1);
    const count = 1 + Math.floor(random() * random() * 3);
    for (let k = 0; k < count; k++) {
      deposit.operator = operators[pickOperator()] as Addr;
      deposit.asset = assets[Math.floor(random() * 3)] as Addr;
      // 0.01 to ~1,000 tokens, log-uniform; shares at a 1:1e6 price like a fresh pool.
      deposit.amount = BigInt(Math.floor(10 ** (random() * 5 - 2) * 1e6)) * 10n ** 12n;
      deposit.shares = deposit.amount * 1_000_000n;
      ledger.apply(deposit);
      positions++;
    }
  }
  for (const operator of operators) {
    const sets = 1 + Math.floor(random() * 5);
    const chosen = new Set<number>();
    while (chosen.size < sets) chosen.add(1 + Math.floor(random() * SETS));
    for (const asset of assets) {
      const budget = 0.2 + random() * 0.8;
      for (const setId of chosen) {
        ledger.apply({
          ...pos,
          type: "AllocationUpdated",
          operator,
          asset,
          setId,
          magnitude: (BigInt(Math.floor((budget / sets) * 1e6)) * WAD) / 1_000_000n,
          pendingMagnitude: 0n,
          effectAt: 0n,
        });
      }
    }
    if (random() < 0.5) {
      for (const service of services) {
        ledger.apply({
          ...pos,
          type: "CommissionSet",
          operator,
          service,
          bps: BigInt(Math.floor(random() * 2000)),
          effectAt: 0n,
        });
      }
    }
  }
  const day = 20_000n * DAY;
  const programs: RewardProgram[] = Array.from({ length: PROGRAMS }, (_, i) => {
    const setId = (i % SETS) + 1;
    const directed = i % 4 === 3;
    const members = operators.filter((_, j) => (j + i) % 7 === 0);
    const operatorAmounts = directed
      ? members.map((operator, j) => ({ operator, amount: BigInt(1_000 + j) * 10n ** 18n }))
      : [];
    return {
      id: BigInt(i + 1),
      setId,
      service: services[setId - 1] as Addr,
      kind: directed ? "operator-directed" : "pro-rata",
      token: tokens[i % tokens.length] as Addr,
      amount: directed ? operatorAmounts.reduce((s, o) => s + o.amount, 0n) : BigInt(100_000 + i) * 10n ** 18n,
      startTime: day - 10n * DAY,
      duration: 90n * DAY,
      weights: assets.map((asset, j) => ({ asset, weight: BigInt(100 + 10 * j) })),
      operatorAmounts,
      createdAt: 0n,
    };
  });
  const buildStateSeconds = (performance.now() - t0) / 1000;

  const acc = new RewardsAccumulator(undefined);
  const t1 = performance.now();
  distributeDay(ledger, programs, day, acc);
  const distributeSeconds = (performance.now() - t1) / 1000;
  const distributePeakRssMb = process.resourceUsage().maxRSS / 1024;

  const t2 = performance.now();
  const tree = buildDistributionTree(acc.earnings);
  const treeSeconds = (performance.now() - t2) / 1000;

  return {
    stakers,
    positions,
    operators: OPERATORS,
    programs: PROGRAMS,
    pools: ledger.pools.size,
    earners: acc.earnings.size,
    buildStateSeconds,
    distributeSeconds,
    treeSeconds,
    leaves: tree?.leaves.length ?? 0,
    distributePeakRssMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function main(): void {
  const sizeArg = process.argv.indexOf("--size");
  if (sizeArg !== -1) {
    process.stdout.write(`${JSON.stringify(runSize(Number(process.argv[sizeArg + 1])))}\n`);
    return;
  }
  const results: SizeResult[] = [];
  for (const size of SIZES) {
    process.stderr.write(`bench:rewards: ${size.toLocaleString("en-US")} stakers...\n`);
    const child = spawnSync(
      process.execPath,
      ["--max-old-space-size=4096", "--import", "tsx", fileURLToPath(import.meta.url), "--size", String(size)],
      { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 20 },
    );
    if (child.status !== 0) {
      process.stderr.write(child.stderr);
      throw new Error(`bench:rewards: the ${size} run failed (exit ${child.status})`);
    }
    results.push(JSON.parse(child.stdout.trim().split("\n").at(-1) as string) as SizeResult);
  }
  const rows = results.map((r) => [
    r.stakers.toLocaleString("en-US"),
    r.positions.toLocaleString("en-US"),
    r.earners.toLocaleString("en-US"),
    `${r.distributeSeconds.toFixed(2)} s`,
    `${r.distributePeakRssMb.toFixed(0)} MB`,
    `${r.treeSeconds.toFixed(2)} s`,
    r.leaves.toLocaleString("en-US"),
    `${r.peakRssMb.toFixed(0)} MB`,
  ]);
  const headers = ["stakers", "positions", "earners", "one day", "peak RSS", "tree", "leaves", "peak RSS w/ tree"];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] as number)).join("  ");
  console.log(`\nRewards: one day's distribution, ${OPERATORS} operators, ${PROGRAMS} programs\n`);
  console.log(line(headers));
  for (const row of rows) console.log(line(row));
  const big = results.find((r) => r.stakers === TARGET.stakers);
  const small = results[0] as SizeResult;
  const perStakerSmall = small.distributeSeconds / small.stakers;
  const perStakerBig = big ? big.distributeSeconds / big.stakers : Number.NaN;
  const met = big !== undefined && big.distributeSeconds < TARGET.seconds && big.distributePeakRssMb < TARGET.rssMb;
  console.log(
    `\nTarget: 1M stakers under ${TARGET.seconds} s and ${TARGET.rssMb} MB: ${met ? "met" : "MISSED"} ` +
      `(${big?.distributeSeconds.toFixed(2)} s, ${big?.distributePeakRssMb.toFixed(0)} MB peak; ` +
      `with the Merkle tree ${((big?.distributeSeconds ?? 0) + (big?.treeSeconds ?? 0)).toFixed(1)} s, ${big?.peakRssMb.toFixed(0)} MB). ` +
      `Time per staker: ${(perStakerSmall * 1e6).toFixed(2)} µs at 10k, ${(perStakerBig * 1e6).toFixed(2)} µs at 1M.`,
  );
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(
    OUT,
    `${JSON.stringify({ benchmark: "rewards", date: new Date().toISOString(), target: TARGET, met, results }, null, 2)}\n`,
  );
  console.log(`wrote ${path.relative(ROOT, OUT)}`);
  if (!met) process.exitCode = 1;
}

main();
