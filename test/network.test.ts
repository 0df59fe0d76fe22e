// `npm start` end to end: the same entry point (scripts/start.ts) in a child process, each run with its own port and
// temporary data directory (and the API on a free port). Checks the deployment file and the seeded scenario on chain,
// a clean stop and restart (same chain), a crash (SIGKILL of everything) and restart (at most about a second lost),
// the port-in-use message, that the same seed gives the same scenario, and that the LST stand-ins' rates grow with
// time; then the indexer and the API beside the chain: the seeded counts, a deposit followed within a second, a
// restart that resumes the index, an index from another chain or a reset chain discarded and rebuilt, --no-indexer,
// and the API port's errors.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { type Address, createPublicClient, http, numberToHex, type PublicClient, parseAbiItem } from "viem";
import { foundry } from "viem/chains";
import { dataFiles, spawnAnvil } from "../src/network/anvil.ts";
import { parseNetworkOptions } from "../src/network/options.ts";
import { planScenario } from "../src/network/scenario.ts";
import { directoryAbi, localStandInLstAbi, rampartAbi } from "../src/sdk/abis.ts";
import { approveAndDeposit } from "../src/sdk/actions/deposit.ts";
import { mintTestTokens } from "../src/sdk/actions/mintTestTokens.ts";
import { createRampartClient } from "../src/sdk/client.ts";
import { type Deployment, readDeployment } from "../src/sdk/deployment.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const START = path.join(ROOT, "scripts", "start.ts");
const READY = /ready in ([\d.]+) s/;

// ─────────────────────────── Running `npm start` ───────────────────────────

interface Network {
  child: ChildProcess;
  port: number;
  dataDir: string;
  rpcUrl: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children = new Set<ChildProcess>();
const tempDirs: string[] = [];

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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "rampart-net-"));
  tempDirs.push(dir);
  return dir;
}

function launch(port: number, dataDir: string, extra: string[] = []): Network {
  // The API on a free port unless the test chooses: runs in parallel must not meet on the default 8546.
  const api = extra.includes("--api-port") || extra.includes("--no-indexer") ? [] : ["--api-port", "0"];
  const child = spawn(
    process.execPath,
    ["--import", "tsx", START, "--port", String(port), "--data-dir", dataDir, ...api, ...extra],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        RAMPART_PORT: "",
        RAMPART_DATA_DIR: "",
        RAMPART_SEED: "",
        RAMPART_API_PORT: "",
        DATABASE_URL: "",
      },
    },
  );
  children.add(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, port, dataDir, rpcUrl: `http://127.0.0.1:${port}`, output: () => output, exited };
}

/** Starts the network and resolves once it prints its ready line. */
async function start(port: number, dataDir: string, extra: string[] = []): Promise<Network> {
  const network = launch(port, dataDir, extra);
  const deadline = Date.now() + 30_000;
  let exitedEarly = false;
  void network.exited.then(() => {
    exitedEarly = true;
  });
  while (!READY.test(network.output())) {
    if (exitedEarly) assert.fail(`npm start exited before it was ready:\n${network.output()}`);
    if (Date.now() > deadline) assert.fail(`npm start was not ready within 30 s:\n${network.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return network;
}

async function stop(network: Network, signal: NodeJS.Signals = "SIGTERM") {
  network.child.kill(signal);
  return network.exited;
}

function client(network: Network): PublicClient {
  return createPublicClient({
    chain: foundry,
    transport: http(network.rpcUrl, { retryCount: 0 }),
    pollingInterval: 50,
  });
}

async function rpc(network: Network, method: string, params: unknown[] = []): Promise<unknown> {
  const response = await fetch(network.rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

// ─────────────────────────── Reading the scenario back ───────────────────────────

const depositedEvent = parseAbiItem(
  "event Deposited(address indexed staker, address indexed operator, address indexed asset, address payer, uint256 amount, uint256 shares)",
);

/** Every (staker, operator, asset) that ever received a deposit, with its shares now; sorted, as text. */
async function positions(publicClient: PublicClient, deployment: Deployment): Promise<string[]> {
  const logs = await publicClient.getLogs({
    address: deployment.contracts.rampart,
    event: depositedEvent,
    fromBlock: BigInt(deployment.startBlock),
    toBlock: "latest",
  });
  const keys = new Map<string, [Address, Address, Address]>();
  for (const log of logs) {
    const { staker, operator, asset } = log.args;
    if (staker && operator && asset) keys.set(`${staker}:${operator}:${asset}`, [staker, operator, asset]);
  }
  const out = await Promise.all(
    [...keys.entries()].map(async ([key, args]) => {
      const shares = await publicClient.readContract({
        address: deployment.contracts.rampart,
        abi: rampartAbi,
        functionName: "sharesOf",
        args,
      });
      return `${key}:${shares}`;
    }),
  );
  return out.sort();
}

/** Stakers and positions with shares, from the chain: what the API's overview counts. */
async function chainCounts(publicClient: PublicClient, deployment: Deployment) {
  const held = (await positions(publicClient, deployment)).filter((p) => BigInt(p.split(":")[3] ?? "0") > 0n);
  return { stakers: new Set(held.map((p) => p.split(":")[0])).size, positions: held.length };
}

// ─────────────────────────── The API ───────────────────────────

const API_LINE = /API +(http:\/\/127\.0\.0\.1:\d+) +\(OpenAPI: \/openapi\.json\)/;

function apiUrl(network: Network): string {
  const url = API_LINE.exec(network.output())?.[1];
  assert.ok(url, `no API line in:\n${network.output()}`);
  return url;
}

async function api<T>(network: Network, route: string): Promise<T> {
  const response = await fetch(`${apiUrl(network)}${route}`);
  const body = await response.text();
  assert.equal(response.status, 200, `GET ${route}: ${response.status} ${body.slice(0, 300)}`);
  return JSON.parse(body) as T;
}

interface Overview {
  chainId: number;
  rampart: string;
  indexedBlock: number | null;
  counts: { operators: number; services: number; sets: number; stakers: number; positions: number };
}

/** The API's overview agrees with the chain: the seeded cast, and the stakers and positions with shares now. */
async function assertOverviewMatchesChain(network: Network, deployment: Deployment): Promise<Overview> {
  const overview = await api<Overview>(network, "/overview");
  const scenario = JSON.parse(readFileSync(path.join(network.dataDir, "scenario.json"), "utf8")) as {
    operators: number;
    services: number;
    operatorSets: number;
  };
  assert.equal(overview.chainId, 31337);
  assert.equal(overview.rampart, deployment.contracts.rampart.toLowerCase());
  const { operators, services, sets, stakers, positions: held } = overview.counts;
  assert.deepEqual(
    { operators, services, sets, stakers, positions: held },
    {
      operators: scenario.operators,
      services: scenario.services,
      sets: scenario.operatorSets,
      ...(await chainCounts(client(network), deployment)),
    },
    "the API's counts are the chain's",
  );
  return overview;
}

// ─────────────────────────── Tests ───────────────────────────

after(() => {
  for (const child of children) child.kill("SIGKILL");
  // An anvil whose npm start was just killed still writes its exit dump for a moment: retry.
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

describe("options", () => {
  it("take flags over environment variables over defaults", () => {
    const cwd = "/work";
    assert.deepEqual(parseNetworkOptions([], {}, cwd), {
      port: 8545,
      dataDir: "/work/.rampart",
      seed: "rampart",
      noSeed: false,
      indexer: true,
      apiPort: 8546,
    });
    assert.deepEqual(
      parseNetworkOptions([], { RAMPART_PORT: "9545", RAMPART_DATA_DIR: "net", RAMPART_API_PORT: "9546" }, cwd),
      { port: 9545, dataDir: "/work/net", seed: "rampart", noSeed: false, indexer: true, apiPort: 9546 },
    );
    assert.deepEqual(
      parseNetworkOptions(
        ["--port", "18545", "--data-dir", "./my-net", "--seed", "x", "--api-port", "0"],
        { RAMPART_PORT: "9545", RAMPART_API_PORT: "9546" },
        cwd,
      ),
      { port: 18545, dataDir: "/work/my-net", seed: "x", noSeed: false, indexer: true, apiPort: 0 },
    );
    assert.deepEqual(parseNetworkOptions(["--no-indexer", "--api-port", "8545"], {}, cwd), {
      port: 8545,
      dataDir: "/work/.rampart",
      seed: "rampart",
      noSeed: false,
      indexer: false,
      apiPort: 8545,
    });
    assert.equal(parseNetworkOptions(["--help"], {}, cwd), undefined);
    assert.throws(() => parseNetworkOptions(["--port", "70000"], {}, cwd), /--port must be a port number/);
    assert.throws(() => parseNetworkOptions([], { RAMPART_PORT: "abc" }, cwd), /RAMPART_PORT must be a port number/);
    assert.throws(() => parseNetworkOptions(["--nope"], {}, cwd), /Unknown option/);
    assert.throws(
      () => parseNetworkOptions(["--api-port", "http"], {}, cwd),
      /--api-port must be a port number from 0 \(any free port\) to 65535/,
    );
    assert.throws(() => parseNetworkOptions([], { RAMPART_API_PORT: "-1" }, cwd), /RAMPART_API_PORT must be a port/);
    assert.throws(() => parseNetworkOptions(["--api-port", "8545"], {}, cwd), /both 8545.*--api-port/);
  });
});

describe("scenario plan", () => {
  it("is a function of the seed", () => {
    const a = planScenario("rampart");
    assert.deepEqual(planScenario("rampart"), a);
    assert.notDeepEqual(planScenario("another seed"), a);
  });

  it("is rich enough and within the protocol's rules", () => {
    const plan = planScenario("rampart");
    assert.ok(plan.operators.length >= 6);
    assert.ok(plan.services.length >= 4);
    assert.ok(plan.services.some((s) => s.policy.vetoWindow === 0));
    assert.ok(plan.services.some((s) => s.policy.vetoWindow > 0));
    assert.ok(plan.stakers.length >= 20);
    for (const staker of plan.stakers) {
      const left = staker.deposits.filter(
        (d) =>
          !plan.withdrawals.some(
            (w) => w.staker === d.staker && w.operator === d.operator && w.asset === d.asset && w.shareBps === 10_000,
          ),
      );
      assert.ok(new Set(left.map((d) => d.operator)).size >= 2, `staker #${staker.account}: 2+ operators`);
    }
    // A pool never allocates more than 100% across sets.
    const totals = new Map<string, bigint>();
    for (const a of plan.allocations) {
      const key = `${a.operator}:${a.asset}`;
      totals.set(key, (totals.get(key) ?? 0n) + a.fractionWad);
    }
    for (const [key, total] of totals) assert.ok(total <= 10n ** 18n, `${key} allocates ${total}`);
    for (const s of plan.services) {
      assert.ok(s.policy.vetoWindow < s.policy.deallocationDelay, `${s.name}: veto window below deallocation delay`);
    }
  });
});

describe("npm start", { timeout: 120_000 }, () => {
  let first: Network;
  let deployment: Deployment;
  let seededPositions: string[];

  it("deploys and seeds a fresh data directory, and records the deployment", async () => {
    first = await start(await freePort(), tempDir());
    const out = first.output();
    assert.match(out, new RegExp(`RPC +http://127\\.0\\.0\\.1:${first.port} +chain id 31337`));
    assert.match(out, /npx rampart status/);
    assert.match(out, /npx rampart positions 0x[0-9a-fA-F]{40}/);
    assert.match(out, /npx rampart deposit wstETH 1\.5 --operator 0x[0-9a-fA-F]{40} --account 25/);
    const readySeconds = Number(READY.exec(out)?.[1]);
    assert.ok(readySeconds < 15, `cold start took ${readySeconds} s`);

    deployment = readDeployment(path.join(first.dataDir, "deployment.json"));
    assert.equal(deployment.chainId, 31337);
    assert.equal(deployment.scenarioSeed, "rampart");
    const publicClient = client(first);
    assert.equal(await publicClient.getChainId(), 31337);
    for (const contract of Object.values(deployment.contracts)) {
      assert.notEqual(await publicClient.getCode({ address: contract }), undefined, `no code at ${contract}`);
    }

    // Assets: three LSTs and WETH, all listed with a cap, all local stand-ins.
    const lsts = deployment.assets.filter((a) => a.kind === "LST");
    assert.ok(lsts.length >= 3, "at least three LSTs");
    assert.equal(deployment.assets.filter((a) => a.kind === "WETH").length, 1);
    for (const asset of deployment.assets) {
      assert.equal(asset.localStandIn, true);
      const config = await publicClient.readContract({
        address: deployment.contracts.rampart,
        abi: rampartAbi,
        functionName: "getAsset",
        args: [asset.address],
      });
      assert.equal(config.listed, true, `${asset.symbol} listed`);
      assert.ok(config.cap > 0n && config.totalDeposited > 0n, `${asset.symbol} has a cap and deposits`);
    }
    const rates = await Promise.all(
      lsts.map((a) =>
        publicClient.readContract({ address: a.address, abi: localStandInLstAbi, functionName: "aprBps" }),
      ),
    );
    assert.equal(new Set(rates.map(String)).size, lsts.length, "each LST grows at its own rate");

    // Operators and services.
    const fromBlock = BigInt(deployment.startBlock);
    const operatorLogs = await publicClient.getContractEvents({
      address: deployment.contracts.directory,
      abi: directoryAbi,
      eventName: "OperatorRegistered",
      fromBlock,
    });
    assert.ok(operatorLogs.length >= 6, `${operatorLogs.length} operators`);
    assert.ok(operatorLogs.every((log) => log.args.metadataURI?.startsWith("data:application/json,")));
    const names = operatorLogs.map((log) => JSON.parse(decodeURIComponent(log.args.metadataURI?.split(",")[1] ?? "")));
    assert.equal(new Set(names.map((n: { name: string }) => n.name)).size, operatorLogs.length, "named operators");
    const serviceLogs = await publicClient.getContractEvents({
      address: deployment.contracts.directory,
      abi: directoryAbi,
      eventName: "ServiceRegistered",
      fromBlock,
    });
    assert.ok(serviceLogs.length >= 4, `${serviceLogs.length} services`);
    assert.ok(new Set(serviceLogs.map((log) => log.args.category)).size >= 4, "services of different categories");
    const commissions = await publicClient.getContractEvents({
      address: deployment.contracts.directory,
      abi: directoryAbi,
      eventName: "CommissionSet",
      fromBlock,
    });
    assert.ok(new Set(commissions.map((log) => log.args.bps)).size >= 3, "different commissions");

    // Operator sets: both instant and veto-window policies, with members and allocations.
    const setCount = await publicClient.readContract({
      address: deployment.contracts.rampart,
      abi: rampartAbi,
      functionName: "operatorSetCount",
    });
    assert.ok(setCount >= 4);
    const sets = await Promise.all(
      Array.from({ length: setCount }, (_, i) =>
        publicClient.readContract({
          address: deployment.contracts.rampart,
          abi: rampartAbi,
          functionName: "getOperatorSet",
          args: [i + 1],
        }),
      ),
    );
    assert.ok(
      sets.some((s) => s.policy.vetoWindow === 0),
      "an instant-slashing set",
    );
    assert.ok(
      sets.some(
        (s) => s.policy.vetoWindow > 0 && s.policy.vetoCommittee !== "0x0000000000000000000000000000000000000000",
      ),
    );
    assert.ok(new Set(sets.map((s) => s.policy.maxSlashWad)).size >= 3, "different max slash caps");
    const joins = await publicClient.getContractEvents({
      address: deployment.contracts.rampart,
      abi: rampartAbi,
      eventName: "OperatorJoined",
      fromBlock,
    });
    assert.ok(joins.length >= 10, `${joins.length} memberships`);
    const allocations = await publicClient.getContractEvents({
      address: deployment.contracts.rampart,
      abi: rampartAbi,
      eventName: "AllocationUpdated",
      fromBlock,
    });
    assert.ok(allocations.length >= 20, `${allocations.length} allocation updates`);

    // Stakers: twenty or more, each with positions with at least two operators.
    seededPositions = await positions(publicClient, deployment);
    const operatorsByStaker = new Map<string, Set<string>>();
    for (const position of seededPositions) {
      const [staker = "", operator = "", , shares = "0"] = position.split(":");
      if (BigInt(shares) === 0n) continue;
      const set = operatorsByStaker.get(staker) ?? new Set<string>();
      set.add(operator);
      operatorsByStaker.set(staker, set);
    }
    const diversified = [...operatorsByStaker.values()].filter((ops) => ops.size >= 2).length;
    assert.ok(diversified >= 20, `${diversified} stakers with 2+ operators`);

    // History: a slash executed, one vetoed, one pending; queued withdrawals.
    const slashed = await publicClient.getContractEvents({
      address: deployment.contracts.rampart,
      abi: rampartAbi,
      eventName: "Slashed",
      fromBlock,
    });
    assert.ok(
      slashed.some((log) => (log.args.assetsSlashed ?? 0n) > 0n),
      "an executed slash took assets",
    );
    const slashCount = await publicClient.readContract({
      address: deployment.contracts.rampart,
      abi: rampartAbi,
      functionName: "slashCount",
    });
    const requests = await Promise.all(
      Array.from({ length: Number(slashCount) }, (_, i) =>
        publicClient.readContract({
          address: deployment.contracts.rampart,
          abi: rampartAbi,
          functionName: "getSlashRequest",
          args: [BigInt(i + 1)],
        }),
      ),
    );
    assert.ok(
      requests.some((r) => r.status === 1),
      "a slash request in its veto window",
    );
    assert.ok(
      requests.some((r) => r.status === 2),
      "a vetoed slash request",
    );
    const withdrawalCount = await publicClient.readContract({
      address: deployment.contracts.rampart,
      abi: rampartAbi,
      functionName: "withdrawalCount",
    });
    assert.ok(withdrawalCount >= 3n, `${withdrawalCount} queued withdrawals`);
  });

  it("keeps every block over a clean stop (SIGTERM) and resumes the same chain", async () => {
    const before = client(first);
    await rpc(first, "evm_mine");
    const blockBefore = await before.getBlockNumber();
    const latestHash = (await before.getBlock({ blockNumber: blockBefore })).hash;
    const result = await stop(first, "SIGTERM");
    assert.equal(result.code, 0, `clean exit; output:\n${first.output()}`);
    assert.match(first.output(), /stopped; the chain is saved/);

    const second = await start(first.port, first.dataDir);
    const readySeconds = Number(READY.exec(second.output())?.[1]);
    assert.ok(readySeconds < 5, `warm restart took ${readySeconds} s`);
    assert.match(second.output(), /resumed the saved chain/);
    assert.match(second.output(), /indexer: resumed from block \d+/);
    const after = client(second);
    assert.ok((await after.getBlockNumber()) >= blockBefore, "no block lost");
    assert.equal((await after.getBlock({ blockNumber: blockBefore })).hash, latestHash, "the same chain");
    assert.deepEqual(readDeployment(path.join(first.dataDir, "deployment.json")).contracts, deployment.contracts);
    assert.deepEqual(await positions(after, deployment), seededPositions, "the same positions");
    // A new block's time never goes back: it follows the last block's.
    await rpc(second, "evm_mine");
    const tip = await after.getBlock();
    const previous = await after.getBlock({ blockNumber: tip.number - 1n });
    assert.ok(tip.timestamp >= previous.timestamp);
    first = second;
  });

  it("loses at most about a second when everything is killed (SIGKILL)", async () => {
    const publicClient = client(first);
    for (let i = 0; i < 3; i++) await rpc(first, "evm_mine");
    const saved = await publicClient.getBlockNumber();
    const savedHash = (await publicClient.getBlock({ blockNumber: saved })).hash;
    await new Promise((resolve) => setTimeout(resolve, 1600)); // one save interval, plus margin
    await rpc(first, "evm_mine"); // may be lost: mined less than a second before the crash
    const lock = JSON.parse(readFileSync(path.join(first.dataDir, "network.lock"), "utf8")) as { anvilPid: number };
    process.kill(lock.anvilPid, "SIGKILL");
    first.child.kill("SIGKILL");
    await first.exited;

    const again = await start(first.port, first.dataDir);
    const after = client(again);
    assert.ok((await after.getBlockNumber()) >= saved, "blocks older than a second survive a crash");
    assert.equal((await after.getBlock({ blockNumber: saved })).hash, savedHash, "the same chain");
    assert.deepEqual(await positions(after, deployment), seededPositions);
    // The index survives too (PostgreSQL's write-ahead log), and rolls back a block the chain lost, if any.
    assert.match(again.output(), /indexer: resumed from block \d+/);
    const overview = await assertOverviewMatchesChain(again, deployment);
    assert.equal(BigInt(overview.indexedBlock ?? -1), await after.getBlockNumber(), "indexed to the chain's head");
    first = again;
  });

  it("stops anvil, which saves everything, when npm start alone is killed (SIGKILL)", {
    skip: !["/usr/bin/setpriv", "/bin/setpriv"].some((f) => existsSync(f)) && "needs setpriv (Linux)",
  }, async () => {
    const publicClient = client(first);
    await rpc(first, "evm_mine");
    const last = await publicClient.getBlockNumber(); // mined just now: a crash could lose it, a clean stop not
    const lock = JSON.parse(readFileSync(path.join(first.dataDir, "network.lock"), "utf8")) as { anvilPid: number };
    first.child.kill("SIGKILL");
    await first.exited;
    const deadline = Date.now() + 10_000;
    while (isAlive(lock.anvilPid)) {
      assert.ok(Date.now() < deadline, "anvil outlived npm start");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const again = await start(first.port, first.dataDir);
    assert.match(again.output(), /resuming from the state anvil saved when it stopped/);
    assert.ok((await client(again).getBlockNumber()) >= last, "the last block survived");
    const result = await stop(again, "SIGINT");
    assert.equal(result.code, 0);
  });

  it("explains a port in use in one line and exits non-zero", async () => {
    const server = net.createServer();
    const port = await new Promise<number>((resolve) => {
      server.listen(0, "127.0.0.1", () => {
        const address = server.address();
        resolve(typeof address === "object" && address ? address.port : 0);
      });
    });
    try {
      const network = launch(port, tempDir());
      const { code } = await network.exited;
      assert.equal(code, 1);
      const lines = network.output().trim().split("\n");
      assert.equal(lines.length, 1, `one line, got:\n${network.output()}`);
      assert.match(lines[0] ?? "", new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use.*--port`));
    } finally {
      server.close();
    }
  });

  it("reports anvil failing to bind its port (lost race after the check) as a port in use", async () => {
    const server = net.createServer();
    const port = await new Promise<number>((resolve) => {
      server.listen(0, "127.0.0.1", () => {
        const address = server.address();
        resolve(typeof address === "object" && address ? address.port : 0);
      });
    });
    try {
      await assert.rejects(
        spawnAnvil({ port, files: dataFiles(tempDir()), resume: false }),
        (error: Error) =>
          error.name === "NetworkError" && /port \d+ on 127\.0\.0\.1 is already in use/.test(error.message),
      );
    } finally {
      server.close();
    }
  });

  it("gives the same scenario for the same seed, even after an interrupted first start; LST rates grow", async () => {
    // A first start killed while it deploys: the next start begins a new chain rather than build on half of one.
    const port = await freePort();
    const dataDir = tempDir();
    const interrupted = launch(port, dataDir);
    const deadline = Date.now() + 30_000;
    while (!/deploying the protocol/.test(interrupted.output())) {
      assert.ok(Date.now() < deadline, `no deployment started:\n${interrupted.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const lock = JSON.parse(readFileSync(path.join(dataDir, "network.lock"), "utf8")) as { anvilPid: number };
    process.kill(lock.anvilPid, "SIGKILL");
    interrupted.child.kill("SIGKILL");
    await interrupted.exited;

    const other = await start(port, dataDir, ["--no-indexer"]);
    try {
      assert.match(other.output(), /interrupted before it finished: starting a new chain/);
      assert.match(other.output(), /API +off \(--no-indexer\)/);
      assert.doesNotMatch(other.output(), /indexer:/);
      const otherDeployment = readDeployment(path.join(other.dataDir, "deployment.json"));
      assert.deepEqual(otherDeployment.contracts, deployment.contracts);
      assert.deepEqual(otherDeployment.assets, deployment.assets);
      const publicClient = client(other);
      assert.deepEqual(await positions(publicClient, otherDeployment), seededPositions, "same seed, same positions");

      const lsts = otherDeployment.assets.filter((a) => a.kind === "LST");
      const rate = (address: Address) =>
        publicClient.readContract({ address, abi: localStandInLstAbi, functionName: "exchangeRate" });
      const before = await Promise.all(lsts.map((a) => rate(a.address)));
      await rpc(other, "evm_increaseTime", [numberToHex(365 * 86_400)]);
      await rpc(other, "evm_mine");
      const after = await Promise.all(lsts.map((a) => rate(a.address)));
      for (const [i, asset] of lsts.entries()) {
        const apr = await publicClient.readContract({
          address: asset.address,
          abi: localStandInLstAbi,
          functionName: "aprBps",
        });
        const growthBps = (((after[i] ?? 0n) - (before[i] ?? 0n)) * 10_000n) / (before[i] ?? 1n);
        assert.ok(
          growthBps >= apr - 2n && growthBps <= apr + 2n,
          `${asset.symbol}: +${growthBps} bps in a year, not ${apr}`,
        );
      }
    } finally {
      await stop(other);
    }
  });
});

describe("npm start: the indexer and the API beside the chain", { timeout: 180_000 }, () => {
  let network: Network;
  let deployment: Deployment;

  it("indexes the seeded chain before it is ready and serves its counts", async () => {
    network = await start(await freePort(), tempDir());
    assert.match(network.output(), /indexer: indexing from the deployment's first block/);
    assert.match(network.output(), /indexer: caught up to block \d+: \d+ events/);
    deployment = readDeployment(path.join(network.dataDir, "deployment.json"));
    const overview = await assertOverviewMatchesChain(network, deployment);
    assert.ok(overview.counts.operators >= 6 && overview.counts.stakers >= 20, JSON.stringify(overview.counts));
    const head = await client(network).getBlockNumber();
    assert.equal(BigInt(overview.indexedBlock ?? -1), head, "indexed to the chain's head when ready");
    const openapi = await api<{ openapi: string }>(network, "/openapi.json");
    assert.match(openapi.openapi, /^3\./);
    assert.ok(existsSync(path.join(network.dataDir, "indexer")), "the index lives in <data dir>/indexer");
  });

  it("follows a deposit made through the SDK within a second", async () => {
    // Account #19, untouched by the scenario, becomes a staker of operator #3: a new staker, with no history.
    const accounts = (await rpc(network, "eth_accounts")) as Address[];
    const [staker, operator] = [accounts[19], accounts[3]] as [Address, Address];
    const before = await api<Overview>(network, "/overview");
    const sdk = createRampartClient({ rpcUrl: network.rpcUrl, deployment, account: staker });
    await mintTestTokens(sdk, { asset: "wstETH", amount: 1_500_000_000_000_000_000n });
    const deposited = await approveAndDeposit(sdk, { operator, asset: "wstETH", amount: 1_500_000_000_000_000_000n });
    const mined = performance.now(); // the receipt is in: the block exists from here on
    const shares = await client(network).readContract({
      address: deployment.contracts.rampart,
      abi: rampartAbi,
      functionName: "sharesOf",
      args: [staker, operator, deployed(deployment, "wstETH")],
    });
    // The indexer commits a block's events with its checkpoint in one transaction: once the API reports the deposit's
    // block as indexed, every route answers with the deposit in it.
    let indexed = -1;
    while (indexed < deposited.blockNumber && performance.now() - mined < 2_000) {
      indexed = (await api<Overview>(network, "/overview")).indexedBlock ?? -1;
      if (indexed < deposited.blockNumber) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const elapsed = performance.now() - mined;
    assert.ok(indexed >= deposited.blockNumber, `block ${deposited.blockNumber} was not indexed within 2 s`);
    assert.ok(elapsed <= 1_000, `the API indexed the deposit's block ${Math.round(elapsed)} ms after its receipt`);

    type Portfolio = { positions: { operator: string; asset: string; shares: string }[] };
    const wstEth = deployed(deployment, "wstETH").toLowerCase();
    const portfolio = await api<Portfolio>(network, `/stakers/${staker}/portfolio`);
    assert.ok(
      portfolio.positions.some(
        (p) => p.operator === operator.toLowerCase() && p.asset === wstEth && p.shares === String(shares),
      ),
      `the portfolio lacks the deposit's ${shares} shares: ${JSON.stringify(portfolio.positions)}`,
    );
    const after = await assertOverviewMatchesChain(network, deployment);
    assert.equal(after.counts.stakers, before.counts.stakers + 1, "one more staker");
  });

  it("resumes the index on a restart of the same data directory, without re-indexing", async () => {
    const indexed = (await api<Overview>(network, "/overview")).indexedBlock ?? -1;
    const result = await stop(network, "SIGINT");
    assert.equal(result.code, 0, network.output());
    assert.match(network.output(), /stopping the indexer and the API, then stopping anvil/);
    const again = await start(network.port, network.dataDir);
    const resumed = /indexer: resumed from block (\d+)/.exec(again.output());
    assert.ok(resumed, `no resume line in:\n${again.output()}`);
    assert.ok(Number(resumed[1]) >= indexed, `resumed from block ${resumed[1]}, had indexed ${indexed}`);
    assert.doesNotMatch(again.output(), /indexing from the deployment's first block|discarded/);
    const readySeconds = Number(READY.exec(again.output())?.[1]);
    assert.ok(readySeconds < 5, `warm restart took ${readySeconds} s`);
    await assertOverviewMatchesChain(again, deployment);
    network = again;
  });

  it("discards an index of another chain (same addresses, another history), of a reset chain, or damaged", async () => {
    // A second chain from the same seed: the same addresses, other block hashes. Give it the first one's index.
    const other = await start(await freePort(), tempDir());
    await stop(other, "SIGINT");
    await stop(network, "SIGINT");
    rmSync(path.join(other.dataDir, "indexer"), { recursive: true });
    cpSync(path.join(network.dataDir, "indexer"), path.join(other.dataDir, "indexer"), { recursive: true });
    const again = await start(other.port, other.dataDir);
    try {
      assert.match(again.output(), /indexer: discarded the index in .* \(block \d+ has another hash on this chain\)/);
      await assertOverviewMatchesChain(again, readDeployment(path.join(other.dataDir, "deployment.json")));
    } finally {
      await stop(again, "SIGINT");
    }

    // A reset chain (the chain's files deleted, the index left behind): the index goes with it.
    for (const file of ["state.json", "deployment.json", "scenario.json"]) rmSync(path.join(other.dataDir, file));
    const reset = await start(other.port, other.dataDir);
    try {
      assert.match(reset.output(), /indexer: a new chain: discarded the index of the previous one/);
      await assertOverviewMatchesChain(reset, readDeployment(path.join(other.dataDir, "deployment.json")));
    } finally {
      await stop(reset, "SIGINT");
    }

    // An index that cannot be opened (damaged, or from another schema version) is rebuilt too.
    writeFileSync(path.join(other.dataDir, "indexer", "PG_VERSION"), "99\n");
    const damaged = await start(other.port, other.dataDir);
    try {
      assert.match(damaged.output(), /indexer: could not open the index \(.*\): discarded it/);
      await assertOverviewMatchesChain(damaged, readDeployment(path.join(other.dataDir, "deployment.json")));
    } finally {
      await stop(damaged, "SIGINT");
    }
  });

  it("explains a bad or busy API port in one line", async () => {
    const bad = launch(await freePort(), tempDir(), ["--api-port", "http"]);
    assert.equal((await bad.exited).code, 2);
    assert.deepEqual(bad.output().trim().split("\n"), [
      'npm start: --api-port must be a port number from 0 (any free port) to 65535 (got "http")',
    ]);

    const server = net.createServer();
    const port = await new Promise<number>((resolve) => {
      server.listen(0, "127.0.0.1", () => {
        const address = server.address();
        resolve(typeof address === "object" && address ? address.port : 0);
      });
    });
    try {
      const busy = launch(await freePort(), tempDir(), ["--api-port", String(port)]);
      assert.equal((await busy.exited).code, 1);
      const lines = busy.output().trim().split("\n");
      assert.equal(lines.length, 1, `one line, got:\n${busy.output()}`);
      assert.match(lines[0] ?? "", new RegExp(`API port ${port} on 127\\.0\\.0\\.1 is already in use.*--api-port`));
    } finally {
      server.close();
    }
  });
});

function deployed(deployment: Deployment, symbol: string): Address {
  const asset = deployment.assets.find((a) => a.symbol === symbol);
  assert.ok(asset, `no ${symbol} in the deployment`);
  return asset.address;
}
