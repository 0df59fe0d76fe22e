// A fresh anvil per test file: free port, quiet, automine, ready once it answers eth_chainId; stopped in after().
//
// anvil is started through scripts/foundry.mjs (which resolves the binary from its npm platform package; the npm
// launcher does not pass exit codes through) in a process group of its own, so stopping kills the wrapper and anvil
// together. A last-resort hook kills any anvil still running when this process exits.
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const FOUNDRY = path.join(ROOT, "scripts", "foundry.mjs");

/** EVM version the contracts are compiled for (contracts/foundry.toml `evm_version`). */
export const ANVIL_HARDFORK = "cancun";

export interface Anvil {
  rpcUrl: string;
  /** Stops anvil (SIGTERM to its process group, SIGKILL after 2 s). Safe to call more than once. */
  stop(): Promise<void>;
}

export interface StartAnvilOptions {
  /** Dev accounts to create (default 10), each with 10,000 ETH. */
  accounts?: number;
  /** How long to wait for anvil to answer, in ms (default 20,000). */
  timeoutMs?: number;
  /** More anvil flags. */
  args?: readonly string[];
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const child of running) killGroup(child, "SIGKILL");
  });
  // anvil runs in its own process group, so a signal that ends this process would not reach it: pass it on, then
  // let the signal end this process as it would have (unless someone else handles it).
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      for (const child of running) killGroup(child, "SIGKILL");
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error("anvil: could not find a free port"))));
    });
  });
}

async function answersChainId(rpcUrl: string): Promise<boolean> {
  try {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(1000),
    });
    if (!response.ok) return false;
    const body = (await response.json()) as { result?: unknown };
    return typeof body.result === "string";
  } catch {
    return false;
  }
}

class PortTakenError extends Error {}

async function startOnce(port: number, options: StartAnvilOptions): Promise<Anvil> {
  const args = [
    "anvil",
    "--host",
    "127.0.0.1",
    "--port",
    String(port),
    "--accounts",
    String(options.accounts ?? 10),
    "--hardfork",
    ANVIL_HARDFORK,
    "--quiet",
    ...(options.args ?? []),
  ];
  const child = spawn(process.execPath, [FOUNDRY, ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  running.add(child);
  let output = "";
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let spawnError: Error | undefined;
  child.once("error", (error) => {
    spawnError = error;
  });

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, "SIGTERM");
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), 2000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
  };

  const rpcUrl = `http://127.0.0.1:${port}`;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (spawnError) {
      running.delete(child);
      throw new Error(`anvil: could not start node ${FOUNDRY} anvil: ${spawnError.message}`);
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      running.delete(child);
      const reason = output.trim() || "no output";
      if (/address already in use/i.test(reason)) throw new PortTakenError(reason);
      throw new Error(
        `anvil: exited (${child.signalCode ?? `exit code ${child.exitCode}`}) before it was ready: ${reason}`,
      );
    }
    if (await answersChainId(rpcUrl)) return { rpcUrl, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `anvil: no answer to eth_chainId on ${rpcUrl} within ${timeoutMs} ms` +
          (output.trim() ? `; its output: ${output.trim()}` : ""),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts a fresh anvil on a free 127.0.0.1 port and resolves once it answers JSON-RPC. */
export async function startAnvil(options: StartAnvilOptions = {}): Promise<Anvil> {
  installExitHook();
  // The port is free when picked but could be taken before anvil binds it: try a few.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(await freePort(), options);
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt >= 3) throw error;
    }
  }
}
