// `npm run bench:web`: the web app's production bundle and how fast the portfolio shows up.
//
// 1. Builds web/dist with Vite and sums the gzip sizes of the JavaScript index.html loads eagerly (its module script
//    and every modulepreload); lazy chunks (screens, charts) are listed but not counted. Target < 350 KB.
// 2. Starts the seeded local network exactly as a user does (`npm start` on a fresh data directory and free port),
//    indexes it, serves the built app beside the API (createApiServer({ webRoot, appConfig })), and in headless
//    chromium opens the portfolio of the first seeded staker (dev account #20) in a fresh browser context each run
//    (cold HTTP cache). Measured: navigation start → the positions table is in the DOM with its amounts, as
//    performance.now() in the page (a MutationObserver installed before any script runs). Target < 1.5 s (median).
// Prints a table and writes bench/out/web.json.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { mnemonicToAccount } from "viem/accounts";
import { buildWebApp, findChromium, launchChromium, ROOT, startNetworkStack, WEB_DIST } from "../test/helpers/web.ts";

const OUT = path.join(ROOT, "bench", "out", "web.json");
const TARGET_GZIP_BYTES = 350 * 1024;
const TARGET_PORTFOLIO_MS = 1_500;
const RUNS = 7;
const STAKER_INDEX = 20;
const DEV_MNEMONIC = "test test test test test test test test test test test junk";

interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
  eager: boolean;
}

function bundle(): { files: BundleFile[]; eagerGzipBytes: number; eagerBytes: number; totalGzipBytes: number } {
  const html = readFileSync(path.join(WEB_DIST, "index.html"), "utf8");
  const eager = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) eager.add(path.normalize(m[1] ?? ""));
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) {
    eager.add(path.normalize(m[1] ?? ""));
  }
  const assets = path.join(WEB_DIST, "assets");
  const files: BundleFile[] = [];
  for (const name of existsSync(assets) ? readdirSync(assets).sort() : []) {
    if (!name.endsWith(".js")) continue;
    const rel = path.normalize(`assets/${name}`);
    const body = readFileSync(path.join(assets, name));
    files.push({
      file: rel,
      bytes: body.length,
      gzipBytes: gzipSync(body, { level: 9 }).length,
      eager: eager.has(rel),
    });
  }
  files.sort((a, b) => Number(b.eager) - Number(a.eager) || b.gzipBytes - a.gzipBytes);
  const sum = (list: BundleFile[], key: "bytes" | "gzipBytes") => list.reduce((s, f) => s + f[key], 0);
  const eagerFiles = files.filter((f) => f.eager);
  const missing = [...eager].filter((e) => !files.some((f) => f.file === e));
  if (missing.length > 0) throw new Error(`index.html loads files that are not in web/dist: ${missing.join(", ")}`);
  return {
    files,
    eagerGzipBytes: sum(eagerFiles, "gzipBytes"),
    eagerBytes: sum(eagerFiles, "bytes"),
    totalGzipBytes: sum(files, "gzipBytes"),
  };
}

/** Installed before any page script: records when the positions table first holds amounts. */
const PAINT_PROBE = `
  window.__portfolioVisibleAt = undefined;
  new MutationObserver((_, observer) => {
    const row = document.querySelector("[data-testid=position-row] .amount");
    if (row && row.textContent && /\\d/.test(row.textContent)) {
      window.__portfolioVisibleAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
`;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;

async function main(): Promise<void> {
  console.log("building web/dist …");
  const build = await buildWebApp({ force: true });
  const b = bundle();

  const chromium = findChromium();
  if (!chromium) throw new Error("no chromium found (install Debian's chromium or set CHROMIUM_PATH)");

  console.log("starting the seeded local network (npm start) …");
  const stack = await startNetworkStack();
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const runs: { visibleMs: number; fcpMs: number | null }[] = [];
  let positions = 0;
  try {
    const staker = mnemonicToAccount(DEV_MNEMONIC, { addressIndex: STAKER_INDEX }).address;
    const res = await fetch(`${stack.apiUrl}/stakers/${staker}/portfolio`);
    if (!res.ok) throw new Error(`the API answered ${res.status} for the portfolio: ${await res.text()}`);
    const portfolio = (await res.json()) as { positions: unknown[] };
    positions = portfolio.positions.length;
    console.log(`staker #${STAKER_INDEX} has ${positions} positions`);
    if (positions === 0) throw new Error(`staker #${STAKER_INDEX} has no positions: nothing to paint`);

    browser = await launchChromium();
    const url = `${stack.url}#/portfolio/${staker}`;
    for (let run = 0; run <= RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(PAINT_PROBE);
      await page.goto(url);
      await page.waitForFunction("window.__portfolioVisibleAt !== undefined", undefined, { timeout: 30_000 });
      const visibleMs = Number(await page.evaluate("window.__portfolioVisibleAt"));
      const fcp = (await page.evaluate(
        "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null",
      )) as number | null;
      await context.close();
      if (run === 0) continue; // warm-up: chromium's own start-up costs
      runs.push({ visibleMs, fcpMs: fcp });
      console.log(
        `run ${run}: portfolio visible at ${ms(visibleMs)} (first contentful paint ${fcp === null ? "—" : ms(fcp)})`,
      );
    }
  } finally {
    await browser?.close();
    await stack.stop();
  }

  const visible = runs.map((r) => r.visibleMs);
  const portfolioMedian = median(visible);
  const fcpMedian = median(runs.map((r) => r.fcpMs ?? Number.NaN).filter(Number.isFinite));
  const bundleOk = b.eagerGzipBytes < TARGET_GZIP_BYTES;
  const paintOk = portfolioMedian < TARGET_PORTFOLIO_MS;

  const table = [
    ["Measure", "Figure", "Target"],
    [
      "initial JS (gzip, eager: script + modulepreloads)",
      kb(b.eagerGzipBytes),
      `< 350 KB ${bundleOk ? "ok" : "MISSED"}`,
    ],
    ["initial JS (uncompressed)", kb(b.eagerBytes), ""],
    ["all JS chunks (gzip, incl. lazy)", kb(b.totalGzipBytes), ""],
    [
      `portfolio visible (median of ${runs.length}, cold cache)`,
      ms(portfolioMedian),
      `< 1.5 s ${paintOk ? "ok" : "MISSED"}`,
    ],
    ["portfolio visible (min / max)", `${ms(Math.min(...visible))} / ${ms(Math.max(...visible))}`, ""],
    ["first contentful paint (median)", ms(fcpMedian), ""],
    ["vite build", ms(build.ms), ""],
  ];
  const widths = table[0]?.map((_, c) => Math.max(...table.map((row) => row[c]?.length ?? 0))) ?? [];
  console.log("");
  for (const row of table)
    console.log(
      row
        .map((cell, c) => cell.padEnd(widths[c] ?? 0))
        .join("   ")
        .trimEnd(),
    );
  console.log("\nchunks (gzip):");
  for (const f of b.files) console.log(`  ${f.eager ? "eager" : "lazy "}  ${kb(f.gzipBytes).padStart(9)}  ${f.file}`);

  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(
    OUT,
    `${JSON.stringify(
      {
        command: "npm run bench:web",
        measuredAt: new Date().toISOString(),
        machine: {
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model,
          memoryGb: Math.round(os.totalmem() / 2 ** 30),
          node: process.version,
          chromium,
        },
        bundle: {
          initialJsGzipBytes: b.eagerGzipBytes,
          initialJsBytes: b.eagerBytes,
          allJsGzipBytes: b.totalGzipBytes,
          targetGzipBytes: TARGET_GZIP_BYTES,
          withinTarget: bundleOk,
          gzip: "zlib level 9",
          files: b.files,
        },
        portfolio: {
          scenario: `npm start (seeded), staker dev account #${STAKER_INDEX} with ${positions} positions`,
          measure: "navigation start → positions table in the DOM with amounts (performance.now() in the page)",
          runs: runs.map((r) => ({
            visibleMs: Math.round(r.visibleMs),
            fcpMs: r.fcpMs === null ? null : Math.round(r.fcpMs),
          })),
          medianMs: Math.round(portfolioMedian),
          firstContentfulPaintMedianMs: Math.round(fcpMedian),
          targetMs: TARGET_PORTFOLIO_MS,
          withinTarget: paintOk,
        },
        buildMs: Math.round(build.ms),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${path.relative(ROOT, OUT)}`);
  if (!bundleOk || !paintOk) process.exitCode = 1;
}

await main();
