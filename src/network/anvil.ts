// anvil as a long-running local node whose chain survives restarts and crashes.
//
// Persistence, and why it is not anvil's own `--state-interval`: anvil rewrites its state file in place (truncate,
// then write), so a crash during a write would leave a file it can no longer load. Instead:
// - every second, if a new block exists, this process fetches the state (`anvil_dumpState`) and replaces
//   <data-dir>/state.json atomically (write a temporary file, fsync, rename): a crash loses at most about a second;
// - anvil loads state.json at start and, on a clean exit, dumps the full state to state.exit.json, which replaces
//   state.json once anvil has exited successfully: a clean stop loses nothing;
// - a state.exit.json found at start (anvil stopped cleanly but this process was gone) is promoted if it is complete
//   and at least as recent as state.json.
// On Linux anvil is started under `setpriv --pdeathsig SIGTERM`, so that it stops (and saves) even if this process is
// killed outright and cannot stop it.
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { open, rename } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { DEV_ACCOUNT_COUNT, DEV_MNEMONIC } from "./accounts.ts";
import { CHAIN_ID, HOST } from "./options.ts";
import { JsonRpc, probeChainId } from "./rpc.ts";

const gunzipAsync = promisify(gunzip);

/** EVM version the contracts are compiled for (contracts/foundry.toml). */
export const HARDFORK = "cancun";

/** A failure the user can act on: printed as one line, exit code 1. */
export class NetworkError extends Error {
  override name = "NetworkError";
}

export interface DataFiles {
  dir: string;
  state: string;
  exitState: string;
  deployment: string;
  lock: string;
  log: string;
  /** Summary of the seeded scenario, for the banner of later starts. */
  scenario: string;
  /** Exists while a new chain is being deployed and seeded; found at start, it means that start never finished. */
  pendingFirstStart: string;
}

export function dataFiles(dir: string): DataFiles {
  return {
    dir,
    state: path.join(dir, "state.json"),
    exitState: path.join(dir, "state.exit.json"),
    deployment: path.join(dir, "deployment.json"),
    lock: path.join(dir, "network.lock"),
    log: path.join(dir, "anvil.log"),
    scenario: path.join(dir, "scenario.json"),
    pendingFirstStart: path.join(dir, "first-start.pending"),
  };
}

// ─────────────────────────── The anvil binary ───────────────────────────

/** Resolves anvil from its npm platform package, as scripts/foundry.mjs does (the npm launcher loses exit codes). */
export function anvilBinary(): string {
  const arch = ({ x64: "amd64", arm64: "arm64" } as Record<string, string>)[process.arch];
  if (!arch) throw new NetworkError(`no anvil npm binary for the ${process.arch} architecture`);
  const pkg = `@foundry-rs/anvil-${process.platform}-${arch}`;
  const name = process.platform === "win32" ? "anvil.exe" : "anvil";
  try {
    const binary = createRequire(import.meta.url).resolve(`${pkg}/bin/${name}`);
    if (existsSync(binary)) return binary;
  } catch {
    // reported below
  }
  throw new NetworkError(`${pkg} is not installed: run \`npm ci\` first`);
}

/** setpriv (util-linux) lets anvil get SIGTERM when its parent dies; absent elsewhere, which is fine. */
function setprivBinary(): string | undefined {
  if (process.platform !== "linux") return undefined;
  return ["/usr/bin/setpriv", "/bin/setpriv"].find((file) => existsSync(file));
}

// ─────────────────────────── Port ───────────────────────────

function portInUseMessage(port: number, chainId: number | undefined): string {
  const by = chainId === undefined ? "" : ` by an Ethereum node (chain ${chainId}: another \`npm start\` or anvil?)`;
  return `port ${port} on ${HOST} is already in use${by}; stop that, or choose another port with --port <n> or RAMPART_PORT=<n>`;
}

/** Throws a NetworkError with a one-line explanation if anvil could not listen on the port. */
export async function assertPortFree(port: number): Promise<void> {
  const problem = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) => resolve(error));
    server.listen({ port, host: HOST, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
  if (!problem) return;
  if (problem.code === "EADDRINUSE") {
    throw new NetworkError(portInUseMessage(port, await probeChainId(`http://${HOST}:${port}`)));
  }
  if (problem.code === "EACCES") {
    throw new NetworkError(`not allowed to listen on port ${port}; pick a port above 1023 with --port <n>`);
  }
  throw new NetworkError(`cannot listen on ${HOST}:${port}: ${problem.message}`);
}

// ─────────────────────────── Lock: one network per data directory ───────────────────────────

interface LockContents {
  pid: number;
  anvilPid?: number;
  port: number;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** On Linux, whether the process's command line mentions `word` (guards against reused pids); elsewhere true. */
function commandMentions(pid: number, word: string): boolean {
  if (process.platform !== "linux") return true;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(word);
  } catch {
    return false;
  }
}

export interface DataDirLock {
  setAnvilPid(pid: number): void;
  release(): void;
}

/** Throws a NetworkError if another live `npm start` (or an anvil it left behind) uses the data directory. */
export function assertDataDirFree(files: DataFiles): void {
  if (existsSync(files.lock)) {
    let held: LockContents | undefined;
    try {
      held = JSON.parse(readFileSync(files.lock, "utf8")) as LockContents;
    } catch {
      held = undefined;
    }
    if (held && held.pid !== process.pid && isAlive(held.pid) && commandMentions(held.pid, "start")) {
      throw new NetworkError(
        `${files.dir} is in use by another \`npm start\` (pid ${held.pid}, port ${held.port}); ` +
          "stop it first (Ctrl-C in its terminal), or use another --data-dir",
      );
    }
    if (held?.anvilPid && isAlive(held.anvilPid) && commandMentions(held.anvilPid, "anvil")) {
      throw new NetworkError(
        `an anvil left over from an earlier run (pid ${held.anvilPid}, port ${held.port}) still uses ${files.dir}; ` +
          `stop it (kill ${held.anvilPid}) and start again`,
      );
    }
  }
}

/** Claims the data directory for this process (call assertDataDirFree first). */
export function lockDataDir(files: DataFiles, port: number): DataDirLock {
  let contents: LockContents = { pid: process.pid, port, startedAt: new Date().toISOString() };
  writeFileSync(files.lock, `${JSON.stringify(contents)}\n`);
  return {
    setAnvilPid(pid) {
      contents = { ...contents, anvilPid: pid };
      writeFileSync(files.lock, `${JSON.stringify(contents)}\n`);
    },
    release() {
      try {
        const current = JSON.parse(readFileSync(files.lock, "utf8")) as LockContents;
        if (current.pid === process.pid) rmSync(files.lock, { force: true });
      } catch {
        // already gone
      }
    },
  };
}

// ─────────────────────────── State files ───────────────────────────

/** Block number recorded in a state dump, or undefined if the file is missing or not a complete dump. */
function dumpedBlock(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const state = JSON.parse(readFileSync(file, "utf8")) as { best_block_number?: unknown };
    const best = state.best_block_number;
    if (typeof best === "number") return best;
    if (typeof best === "string") return Number(BigInt(best));
    return undefined;
  } catch {
    return undefined;
  }
}

/**
 * Settles the state files before anvil starts: promotes a complete state.exit.json, removes leftovers, and checks
 * that state.json can be loaded. Returns whether there is a chain to resume and notes for the user.
 */
export function prepareState(files: DataFiles): { resume: boolean; notes: string[] } {
  const notes: string[] = [];
  rmSync(`${files.state}.tmp`, { force: true });
  if (existsSync(files.pendingFirstStart)) {
    // A chain whose first deployment never finished holds nothing but half a deployment: start it again cleanly,
    // so that the same seed always gives the same chain.
    for (const file of [files.state, files.exitState, files.deployment, files.scenario, files.pendingFirstStart]) {
      rmSync(file, { force: true });
    }
    notes.push("the first start in this directory was interrupted before it finished: starting a new chain");
  }
  if (existsSync(files.exitState)) {
    const exitBlock = dumpedBlock(files.exitState);
    const stateBlock = dumpedBlock(files.state);
    if (exitBlock !== undefined && (stateBlock === undefined || exitBlock >= stateBlock)) {
      renameSync(files.exitState, files.state);
      notes.push("resuming from the state anvil saved when it stopped (the previous run did not finish its shutdown)");
    } else {
      rmSync(files.exitState, { force: true });
    }
  }
  if (!existsSync(files.state)) return { resume: false, notes };
  if (dumpedBlock(files.state) === undefined) {
    throw new NetworkError(
      `${files.state} is damaged and cannot be loaded; move it away (or delete ${files.dir}) to start a new chain`,
    );
  }
  return { resume: true, notes };
}

// ─────────────────────────── The process ───────────────────────────

export interface AnvilProcess {
  rpcUrl: string;
  pid: number;
  /** Resolves when anvil exits, for whatever reason. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Asks anvil to stop (SIGTERM: it dumps its state and exits), SIGKILL after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Kills anvil at once (its exit dump may be incomplete; state.json is not touched). */
  kill(): void;
  /** False once anvil has exited. */
  running(): boolean;
  /** The end of anvil's output (anvil.log). */
  logTail(): string;
}

export interface SpawnAnvilOptions {
  port: number;
  files: DataFiles;
  /** Load state.json. */
  resume: boolean;
  /** Genesis timestamp of a new chain (seconds); ignored when resuming. */
  genesisTimestamp?: number;
  timeoutMs?: number;
}

function tail(file: string, max = 2000): string {
  try {
    const text = readFileSync(file, "utf8");
    return text.slice(-max).trim();
  } catch {
    return "";
  }
}

export async function spawnAnvil(options: SpawnAnvilOptions): Promise<AnvilProcess> {
  const { port, files } = options;
  const binary = anvilBinary();
  const args = [
    "--host",
    HOST,
    "--port",
    String(port),
    "--chain-id",
    String(CHAIN_ID),
    "--accounts",
    String(DEV_ACCOUNT_COUNT),
    "--mnemonic",
    DEV_MNEMONIC,
    "--hardfork",
    HARDFORK,
    "--quiet",
    "--dump-state",
    files.exitState,
    ...(options.resume ? ["--load-state", files.state] : []),
    ...(!options.resume && options.genesisTimestamp !== undefined
      ? ["--timestamp", String(options.genesisTimestamp)]
      : []),
  ];
  rmSync(files.exitState, { force: true });
  const setpriv = setprivBinary();
  const [command, commandArgs] = setpriv ? [setpriv, ["--pdeathsig", "SIGTERM", binary, ...args]] : [binary, args];
  // Output goes to a file, not a pipe: anvil must never depend on this process being alive to read it.
  const logFd = openSync(files.log, "w");
  let child: ChildProcess;
  try {
    child = spawn(command, commandArgs, { stdio: ["ignore", logFd, logFd], detached: true });
  } finally {
    closeSync(logFd);
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  let spawnError: Error | undefined;
  child.once("error", (error) => {
    spawnError = error;
  });
  let done = false;
  void exited.then(() => {
    done = true;
  });

  const kill = (): void => {
    if (!done) child.kill("SIGKILL");
  };
  const stop = async (timeoutMs = 15_000) => {
    if (!done) child.kill("SIGTERM");
    const timer = setTimeout(kill, timeoutMs);
    const result = await exited;
    clearTimeout(timer);
    return result;
  };

  const rpcUrl = `http://${HOST}:${port}`;
  const rpc = new JsonRpc(rpcUrl, 1000);
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (spawnError) throw new NetworkError(`could not start anvil (${binary}): ${spawnError.message}`);
    if (done) {
      const { code, signal } = await exited;
      const output = tail(files.log);
      if (/address already in use/i.test(output)) throw new NetworkError(portInUseMessage(port, undefined));
      const lastLine = output.split("\n").filter(Boolean).pop() ?? "no output";
      throw new NetworkError(
        `anvil exited (${signal ?? `exit code ${code}`}) before it was ready: ${lastLine} (full output: ${files.log})`,
      );
    }
    try {
      const id = await rpc.call<string>("eth_chainId");
      if (Number(BigInt(id)) === CHAIN_ID) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop(2000);
      throw new NetworkError(`anvil did not answer on ${rpcUrl} in time (its output: ${files.log})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  if (child.pid === undefined) throw new NetworkError("anvil started without a process id");
  return { rpcUrl, pid: child.pid, exited, stop, kill, running: () => !done, logTail: () => tail(files.log) };
}

/**
 * After a restart anvil's clock is the wall clock again. If the chain had been moved ahead (evm_increaseTime, the
 * governance delay, `rampart time advance`), keep that lead: time never runs backwards on a chain.
 */
export async function keepClockMonotonic(rpc: JsonRpc): Promise<number> {
  const block = await rpc.call<{ timestamp: string }>("eth_getBlockByNumber", ["latest", false]);
  const lead = Number(BigInt(block.timestamp)) - Math.floor(Date.now() / 1000);
  if (lead >= 0) await rpc.call("evm_increaseTime", [`0x${(lead + 1).toString(16)}`]);
  return Math.max(0, lead);
}

/** Promotes anvil's exit dump after a clean exit. Returns false if it was missing or incomplete. */
export function promoteExitState(files: DataFiles): boolean {
  if (dumpedBlock(files.exitState) === undefined) {
    rmSync(files.exitState, { force: true });
    return false;
  }
  renameSync(files.exitState, files.state);
  return true;
}

// ─────────────────────────── Periodic, atomic state saves ───────────────────────────

export class StateSaver {
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private lastBlockHash: string | undefined;
  private warned = false;
  /** Saves done, for diagnostics. */
  saves = 0;

  constructor(
    private readonly rpc: JsonRpc,
    private readonly files: DataFiles,
    private readonly warn: (message: string) => void,
    private readonly intervalMs = 1000,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      void this.save(false);
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Saves now (queued behind a save in progress). With `force`, even if no block was added since the last save. */
  save(force: boolean): Promise<void> {
    this.chain = this.chain.then(() => this.saveOnce(force));
    return this.chain;
  }

  /** Stops the timer and waits for a save in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.chain;
  }

  private async saveOnce(force: boolean): Promise<void> {
    try {
      const block = await this.rpc.call<{ hash: string }>("eth_getBlockByNumber", ["latest", false]);
      if (!force && block.hash === this.lastBlockHash) return;
      const hex = await this.rpc.call<string>("anvil_dumpState");
      const json = await gunzipAsync(Buffer.from(hex.slice(2), "hex"));
      const tmp = `${this.files.state}.tmp`;
      const handle = await open(tmp, "w");
      try {
        await handle.writeFile(json);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, this.files.state);
      if (process.env.RAMPART_DEBUG) process.stderr.write(`[debug] state saved (${json.length} bytes)\n`);
      this.lastBlockHash = block.hash;
      this.saves += 1;
      this.warned = false;
    } catch (error) {
      if (!this.warned) {
        this.warned = true;
        this.warn(`could not save the chain state: ${(error as Error).message}`);
      }
    }
  }
}
