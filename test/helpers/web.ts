// The web app's end-to-end harness: build the app once, serve it beside the API over a real chain, drive it with
// headless Debian chromium through playwright-core, check each screen with axe-core, and save screenshots.
//
// Two sources of a stack, both returning the `WebStack` shape (url, apiUrl, rpcUrl, deployment, synced, stop) the
// journeys use: `startFixtureStack`, a fixture chain (test/helpers/fixture.ts) with a scripted history, indexed by the
// real indexer (following the chain, so transactions made in the browser show up) and served by
// createApiServer({ webRoot, appConfig }); and `startNetworkStack`, `npm start` on a fresh data directory, which runs
// its own indexer and API and serves the app itself (its banner's "Web app" URL).

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { type ApiServer, createApiServer } from "../../src/api/server.ts";
import { type Db, openDatabase } from "../../src/indexer/db.ts";
import { createIndexer } from "../../src/indexer/indexer.ts";
import { createRampartClient } from "../../src/sdk/client.ts";
import { type Deployment, readDeployment } from "../../src/sdk/deployment.ts";
import { localAppConfig } from "../../web/src/app-config.ts";
import { type Fixture, startFixture } from "./fixture.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const WEB_DIR = path.join(ROOT, "web");
export const WEB_DIST = path.join(WEB_DIR, "dist");
/** Screenshots land here (git-ignored; CI keeps the folder as an artifact). */
export const ARTIFACTS = path.join(ROOT, "test-artifacts", "web");

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The chromium binary: $CHROMIUM_PATH, /usr/bin/chromium, or whatever `which` finds; undefined if none. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const c of candidates) if (c && existsSync(c)) return c;
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      const found = execFileSync("which", [name], { encoding: "utf8" }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  return undefined;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("no chromium found (set CHROMIUM_PATH)");
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (file.includes(`${path.sep}dist${path.sep}`) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/** Builds web/dist with Vite unless it is newer than every source file (`force` rebuilds). */
export async function buildWebApp(options: { force?: boolean } = {}): Promise<{ built: boolean; ms: number }> {
  const started = performance.now();
  const index = path.join(WEB_DIST, "index.html");
  // The app's sources, its build config, and the SDK files it bundles.
  const sources = Math.max(
    newestMtime(path.join(WEB_DIR, "src")),
    ...["web/index.html", "web/vite.config.ts", "src/sdk/abis.ts", "src/sdk/errors.ts"].map(
      (file) => statSync(path.join(ROOT, file)).mtimeMs,
    ),
  );
  if (!options.force && existsSync(index) && statSync(index).mtimeMs > sources) {
    return { built: false, ms: performance.now() - started };
  }
  const { build } = await import("vite");
  await build({ configFile: path.join(WEB_DIR, "vite.config.ts"), logLevel: "warn" });
  return { built: true, ms: performance.now() - started };
}

export interface WebStack {
  /** Where the app is served, e.g. http://127.0.0.1:40123/ */
  url: string;
  /** The API's base URL (same origin as the app). */
  apiUrl: string;
  rpcUrl: string;
  deployment: Deployment;
  /** Waits until the indexer has caught up with the chain's head. */
  synced(): Promise<void>;
  stop(): Promise<void>;
}

export interface FixtureStack extends WebStack {
  fixture: Fixture;
  db: Db;
  api: ApiServer;
}

/**
 * A fixture chain with `prepare` run on it, the indexer following it, and the API serving web/dist beside it with an
 * app config for the local network (dev accounts on).
 */
export async function startFixtureStack(prepare: (fixture: Fixture) => Promise<void>): Promise<FixtureStack> {
  const fixture = await startFixture();
  let db: Db | undefined;
  let api: ApiServer | undefined;
  let follower: { stop(): Promise<void> } | undefined;
  try {
    await prepare(fixture);
    db = await openDatabase();
    const indexer = createIndexer({ client: fixture.client(0), db, batchBlocks: 500 });
    await indexer.syncOnce();
    follower = indexer.follow({ pollMs: 200 });
    const appConfig = localAppConfig(fixture.deployment, fixture.rpcUrl, {
      devAccountCount: fixture.accounts.length,
    });
    api = await createApiServer({
      db,
      deployment: fixture.deployment,
      port: 0,
      webRoot: WEB_DIST,
      appConfig,
      client: fixture.client(0),
    });
    const openDb = db;
    const openApi = api;
    const openFollower = follower;
    const publicClient = fixture.client(0).publicClient;
    return {
      url: `${api.url}/`,
      apiUrl: api.url,
      rpcUrl: fixture.rpcUrl,
      deployment: fixture.deployment,
      fixture,
      db,
      api,
      async synced() {
        const head = await publicClient.getBlockNumber();
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline) {
          const checkpoint = await indexer.checkpoint();
          if (checkpoint && checkpoint.blockNumber >= head) return;
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error(`the indexer did not reach block ${head} within 10 s`);
      },
      async stop() {
        await openFollower.stop();
        await openApi.close();
        await openDb.close();
        await fixture.stop();
      },
    };
  } catch (error) {
    await follower?.stop();
    await api?.close();
    await db?.close();
    await fixture.stop();
    throw error;
  }
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

export interface NetworkStack extends WebStack {
  /** The data directory `npm start` runs on (removed by stop()). */
  dataDir: string;
  /** What `npm start` printed so far. */
  output(): string;
  /** Runs the `rampart` CLI against this network (`--rpc` and `--deployment` added); returns its stdout. */
  rampart(args: readonly string[]): string;
}

/**
 * The seeded local network exactly as a user starts it: `npm start` on a fresh data directory, a free JSON-RPC port
 * and `--api-port 0`. It runs the chain, the indexer and the API, and serves the web app itself (building web/dist
 * when a source is newer): the stack's URL is the "Web app" line of its banner.
 */
export async function startNetworkStack(): Promise<NetworkStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "rampart-web-"));
  const rpcPort = await freePort();
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const child: ChildProcess = spawn(
    npm,
    ["start", "--", "--port", String(rpcPort), "--api-port", "0", "--data-dir", dataDir],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
      env: { ...process.env, RAMPART_PORT: "", RAMPART_DATA_DIR: "", RAMPART_API_PORT: "" },
    },
  );
  let output = "";
  const stopNetwork = async () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      process.kill(-child.pid, "SIGINT"); // what Ctrl-C in a terminal does
      await exited;
      const lock = path.join(dataDir, "network.lock");
      const deadline = Date.now() + 30_000;
      while (existsSync(lock) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        if (/ready in ([\d.]+) s/.test(output)) resolve();
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
      child.once("exit", () => reject(new Error(`npm start exited before it was ready:\n${output}`)));
      setTimeout(() => reject(new Error(`npm start not ready within 120 s:\n${output}`)), 120_000).unref();
    });
    const web = /Web app\s+(http:\/\/127\.0\.0\.1:\d+)\/?/.exec(output);
    if (!web?.[1]) throw new Error(`npm start did not print a "Web app" URL (is web/ buildable?):\n${output}`);
    const apiUrl = web[1];
    const rpcUrl = `http://127.0.0.1:${rpcPort}`;
    const deploymentFile = path.join(dataDir, "deployment.json");
    const deployment = readDeployment(deploymentFile);
    const client = createRampartClient({ rpcUrl, deployment });
    return {
      url: `${apiUrl}/`,
      apiUrl,
      rpcUrl,
      deployment,
      dataDir,
      output: () => output,
      rampart(args) {
        return execFileSync(
          process.execPath,
          [path.join(ROOT, "bin", "rampart.mjs"), ...args, "--rpc", rpcUrl, "--deployment", deploymentFile],
          { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
        );
      },
      async synced() {
        // npm start's own indexer follows the chain; its API says how far it got.
        const head = await client.publicClient.getBlockNumber();
        const deadline = Date.now() + 15_000;
        while (Date.now() < deadline) {
          const res = await fetch(`${apiUrl}/overview`);
          if (res.ok) {
            const overview = (await res.json()) as { indexedBlock: number | null };
            if (overview.indexedBlock !== null && BigInt(overview.indexedBlock) >= head) return;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error(`npm start's indexer did not reach block ${head} within 15 s`);
      },
      stop: stopNetwork,
    };
  } catch (error) {
    await stopNetwork();
    throw error;
  }
}

const AXE = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core on the page; returns the serious and critical violations (with their target selectors). */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate("typeof window.axe === 'object'"))) await page.addScriptTag({ path: AXE });
  const result = (await page.evaluate(
    `window.axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
    })))`,
  )) as AxeViolation[];
  return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Saves a full-page screenshot as test-artifacts/web/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
