// Foundry binaries for the bench: `forge build` for both builds and an `anvil` per measured side.
//
// Like scripts/foundry.mjs, this resolves the native binary from its npm platform package instead of going through
// the @foundry-rs launcher (node_modules/.bin/forge), which always exits 0 and would hide a failed build. Spawning
// the binary itself also means the anvil child we kill is anvil, not a wrapper that could leave it running.
import { spawn } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CONTRACTS_DIR = path.join(ROOT, "contracts");
export const SYMBIOTIC_DIR = path.join(CONTRACTS_DIR, "symbiotic");
export const OUT_DIR = path.join(CONTRACTS_DIR, "out");
export const SYMBIOTIC_OUT_DIR = path.join(CONTRACTS_DIR, "out-symbiotic");

const ARCH: Partial<Record<string, string>> = { x64: "amd64", arm64: "arm64" };

export function foundryBinary(tool: "forge" | "anvil"): string {
  const arch = ARCH[process.arch];
  if (!arch) throw new Error(`no Foundry npm binary for architecture ${process.arch}`);
  const platformPackage = `@foundry-rs/${tool}-${process.platform}-${arch}`;
  const binaryName = process.platform === "win32" ? `${tool}.exe` : tool;
  let binary: string | undefined;
  try {
    binary = createRequire(import.meta.url).resolve(`${platformPackage}/bin/${binaryName}`);
  } catch {
    binary = undefined;
  }
  if (!binary || !existsSync(binary)) throw new Error(`${platformPackage} is not installed; run \`npm ci\` first`);
  return binary;
}

/** Kill functions of the child processes still running; the exit hooks call them all. */
const running = new Set<() => void>();
let exitHooksInstalled = false;

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  // Last-resort cleanup: never leave an anvil or a compiler behind, whatever way this process ends.
  process.on("exit", () => {
    for (const kill of running) kill();
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      for (const kill of running) kill();
      process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1));
    });
  }
}

export interface BuildResult {
  /** Wall-clock time of the whole `forge build`, in seconds. */
  seconds: number;
  /** True when Forge compiled something; false when its cache was up to date. */
  compiled: boolean;
  /** Forge's combined stdout and stderr. */
  output: string;
}

export class BuildError extends Error {
  readonly output: string;
  constructor(message: string, output: string) {
    super(message);
    this.output = output;
  }
}

/** Runs `forge build` in `cwd` (a Foundry root), capturing its output; rejects with a BuildError on failure. */
export function forgeBuild(cwd: string): Promise<BuildResult> {
  installExitHooks();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // Own process group, so that stopping it also stops the solc-shim processes Forge starts.
    const child = spawn(foundryBinary("forge"), ["build"], { cwd, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const kill = (): void => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
    };
    running.add(kill);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", (error) => {
      running.delete(kill);
      reject(new BuildError(`could not start forge: ${error.message}`, output));
    });
    child.on("close", (code, signal) => {
      running.delete(kill);
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ seconds, compiled: !output.includes("No files changed"), output });
      else
        reject(
          new BuildError(`forge build in ${path.relative(ROOT, cwd)} failed (${signal ?? `exit ${code}`})`, output),
        );
    });
  });
}

/**
 * Prepares contracts/symbiotic for `forge build`:
 * - its node_modules must be a symlink to the repo's node_modules (see contracts/symbiotic/foundry.toml); it is
 *   committed, and recreated here if missing;
 * - its out dir must exist beforehand: Forge records an out dir outside the root relatively while it does not exist
 *   and absolutely once it does, so the build after a clean one would see changed paths and recompile everything.
 */
export function prepareSymbioticBuild(): void {
  const link = path.join(SYMBIOTIC_DIR, "node_modules");
  try {
    lstatSync(link);
  } catch {
    symlinkSync(path.join("..", "..", "node_modules"), link, "dir");
  }
  mkdirSync(SYMBIOTIC_OUT_DIR, { recursive: true });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error("could not find a free port"))));
    });
  });
}

export interface Anvil {
  rpcUrl: string;
  /** Stops this anvil (SIGTERM, then SIGKILL after 2 s). Safe to call more than once. */
  stop(): Promise<void>;
}

/** Options pinned so that numbers do not drift with anvil's defaults. */
export const ANVIL_HARDFORK = "osaka";
export const ANVIL_GENESIS_TIMESTAMP = 1_750_000_000;

/** Starts a fresh anvil on a free 127.0.0.1 port and resolves once it answers JSON-RPC. */
export async function startAnvil(extraArgs: readonly string[] = []): Promise<Anvil> {
  installExitHooks();
  const port = await freePort();
  const args = [
    "--host",
    "127.0.0.1",
    "--port",
    String(port),
    "--hardfork",
    ANVIL_HARDFORK,
    "--timestamp",
    String(ANVIL_GENESIS_TIMESTAMP),
    "--silent",
    ...extraArgs,
  ];
  const child = spawn(foundryBinary("anvil"), args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  };
  running.add(kill);

  const stop = async (): Promise<void> => {
    running.delete(kill);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 2000);
    await exited;
    clearTimeout(timer);
  };

  const rpcUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      running.delete(kill);
      throw new Error(`anvil exited before it was ready: ${stderr.trim() || "no output"}`);
    }
    try {
      const response = await fetch(rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      });
      if (response.ok) return { rpcUrl, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`anvil did not answer on ${rpcUrl} within 15 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
