// `npm run bench:gas`: full-transaction gas (receipt.gasUsed) of Rampart's core operations next to Symbiotic v1's.
//
// 1. builds contracts/ (Rampart) and contracts/symbiotic/ (Symbiotic core v1 from node_modules) with forge, in parallel;
// 2. checks the Symbiotic build is mainnet's bytecode;
// 3. measures each side on its own fresh anvil (pinned hardfork and genesis timestamp, 12 s blocks);
// 4. prints a table with ours/Symbiotic ratios against the target and writes bench/out/gas.json
//    (a flat object: operation name -> gas).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type GasResults, withBench } from "./lib/bench.ts";
import {
  ANVIL_HARDFORK,
  BuildError,
  type BuildResult,
  CONTRACTS_DIR,
  forgeBuild,
  OUT_DIR,
  prepareSymbioticBuild,
  ROOT,
  SYMBIOTIC_DIR,
} from "./lib/foundry.ts";
import { measureRampart } from "./rampart.ts";
import { measureSymbiotic, verifySymbioticBuild } from "./symbiotic.ts";

/** Target: ours / Symbiotic at or below this is a PASS. */
export const TARGET_RATIO = 0.6;

/** slash_10000_stakers must be within this fraction of slash_1_staker. */
export const SCALING_TOLERANCE = 0.01;

/** Which of our operations is compared with which Symbiotic one. Symbiotic's slash does not depend on staker count. */
/// `targeted`: the issue sets the 0.6 target for deposit, withdraw (queue) and slash; the rest are shown for context.
export const PAIRS: ReadonlyArray<{ ours: string; symbiotic: string; targeted: boolean }> = [
  { ours: "deposit", symbiotic: "symbiotic_deposit", targeted: true },
  { ours: "deposit_repeat", symbiotic: "symbiotic_deposit_repeat", targeted: false },
  { ours: "queueWithdrawal", symbiotic: "symbiotic_withdraw", targeted: true },
  { ours: "completeWithdrawal", symbiotic: "symbiotic_claim", targeted: false },
  { ours: "slash", symbiotic: "symbiotic_slash", targeted: true },
  { ours: "slash_1_staker", symbiotic: "symbiotic_slash", targeted: true },
  { ours: "slash_10000_stakers", symbiotic: "symbiotic_slash", targeted: true },
];

const RAMPART_SOURCE = path.join(CONTRACTS_DIR, "src", "Rampart.sol");
const RAMPART_ARTIFACT = path.join(OUT_DIR, "Rampart.sol", "Rampart.json");
const RESULTS_FILE = path.join(ROOT, "bench", "out", "gas.json");

const started = performance.now();
const seconds = (): string => ((performance.now() - started) / 1000).toFixed(1).padStart(5);
const log = (message: string): void => console.log(`[bench ${seconds()}s] ${message}`);

function describeBuild(label: string, result: BuildResult): string {
  const solc = /Solc [\d.]+ finished in [\d.]+m?s/.exec(result.output)?.[0];
  return result.compiled
    ? `${label}: compiled in ${result.seconds.toFixed(1)}s${solc ? ` (${solc})` : ""}`
    : `${label}: up to date (${result.seconds.toFixed(1)}s)`;
}

function tail(text: string, lines: number): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

/** Builds both sides. Returns whether Rampart built; a failed Symbiotic build is fatal. */
async function build(): Promise<boolean> {
  prepareSymbioticBuild();
  log("building contracts/ (solc 0.8.30) and contracts/symbiotic/ (solc 0.8.25, via-IR) with forge...");
  const [ours, symbiotic] = await Promise.allSettled([forgeBuild(CONTRACTS_DIR), forgeBuild(SYMBIOTIC_DIR)]);
  if (symbiotic.status === "rejected") throw symbiotic.reason;
  log(describeBuild("contracts/symbiotic", symbiotic.value));
  if (ours.status === "rejected") {
    const reason: unknown = ours.reason;
    const output = reason instanceof BuildError ? `\n${tail(reason.output, 30)}` : "";
    log(
      `contracts/: build FAILED, Rampart is skipped: ${String(reason instanceof Error ? reason.message : reason)}${output}`,
    );
    return false;
  }
  log(describeBuild("contracts/", ours.value));
  return true;
}

const group = (n: number): string => n.toLocaleString("en-US");

/** Prints the comparison; returns the targets missed (empty when all are met). */
function printTable(symbiotic: GasResults, ours: GasResults): string[] {
  const missed: string[] = [];
  type Row = [operation: string, gas: string, versus: string, ratio: string, target: string];
  const rows: Row[] = [];
  const compared = new Set<string>();
  for (const { ours: name, symbiotic: theirs, targeted } of PAIRS) {
    const gas = ours[name];
    const reference = symbiotic[theirs];
    if (gas === undefined || reference === undefined) continue;
    const ratio = gas / reference;
    compared.add(name);
    const verdict = ratio <= TARGET_RATIO ? "PASS" : "FAIL";
    if (targeted && verdict === "FAIL") missed.push(`${name} is ${ratio.toFixed(3)}x ${theirs}`);
    rows.push([name, group(gas), theirs, ratio.toFixed(3), targeted ? verdict : `(${verdict}, no target)`]);
  }
  for (const [name, gas] of Object.entries(ours)) {
    if (!compared.has(name)) rows.push([name, group(gas), "", "", ""]);
  }
  for (const [name, gas] of Object.entries(symbiotic)) rows.push([name, group(gas), "", "", ""]);

  const header: Row = ["operation", "gas", "vs", "ours/symbiotic", `target <= ${TARGET_RATIO}`];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const format = (row: Row): string =>
    row
      .map((cell, i) => (i === 1 || i === 3 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  console.log("");
  console.log(format(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(format(row));
  console.log("");
  const one = ours.slash_1_staker;
  const many = ours.slash_10000_stakers;
  if (one !== undefined && many !== undefined) {
    const drift = Math.abs(many - one) / one;
    const verdict = drift <= SCALING_TOLERANCE ? "PASS" : "FAIL";
    if (verdict === "FAIL") missed.push(`slash gas grew ${(drift * 100).toFixed(2)}% with 10,000 stakers`);
    console.log(
      `slash with 10,000 stakers vs 1 staker: ${group(many)} vs ${group(one)} gas, ${(drift * 100).toFixed(2)}% apart (target <= ${SCALING_TOLERANCE * 100}%): ${verdict}`,
    );
    console.log("");
  }
  return missed;
}

async function main(): Promise<void> {
  const rampartBuilt = await build();

  const checked = verifySymbioticBuild();
  log(`Symbiotic build is mainnet's bytecode (${checked} contracts, metadata hash aside)`);

  log(`Symbiotic: fresh anvil (hardfork ${ANVIL_HARDFORK})...`);
  const symbiotic = await withBench(log, measureSymbiotic);

  let ours: GasResults = {};
  if (!rampartBuilt) {
    log("Rampart: skipped (contracts/ did not build)");
  } else if (!existsSync(RAMPART_SOURCE) || !existsSync(RAMPART_ARTIFACT)) {
    log("Rampart: skipped (no Rampart artifact in contracts/out yet)");
  } else {
    log(`Rampart: fresh anvil (hardfork ${ANVIL_HARDFORK})...`);
    ours = await withBench(log, measureRampart);
    if (Object.keys(ours).length === 0) log("Rampart: measureRampart (bench/rampart.ts) recorded nothing yet");
  }

  const missed = printTable(symbiotic, ours);

  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...ours, ...symbiotic }, null, 2)}\n`);
  log(`wrote ${path.relative(ROOT, RESULTS_FILE)}; done`);
  if (!rampartBuilt) process.exitCode = 1;
  if (missed.length > 0) {
    log(`targets missed: ${missed.join("; ")}`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  console.error(
    `[bench ${seconds()}s] FAILED:`,
    error instanceof BuildError ? `${error.message}\n${tail(error.output, 40)}` : error,
  );
  process.exitCode = 1;
}
