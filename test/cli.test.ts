// The `rampart` CLI as people run it: `node bin/rampart.mjs <command> --rpc … --deployment …` against a fresh anvil.
// Checks human and --json output of every command, and that each kind of bad input ends with a non-zero exit code
// and exactly one line on stderr saying what to do.
//
// Each CLI process takes about a second to start (tsx), so independent invocations run concurrently.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { availableParallelism } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { Address } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import {
  createOperatorSet,
  joinOperatorSet,
  mintTestTokens,
  parseAmount,
  parsePercent,
  registerOperator,
  registerService,
} from "../src/sdk/index.ts";
import { DAY, type Fixture, startFixture } from "./helpers/fixture.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(ROOT, "bin", "rampart.mjs");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment without any RAMPART_* variable of the caller's shell, plus `extra`. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith("RAMPART_")) env[key] = value;
  return { ...env, ...extra };
}

/** At most this many CLI processes at once: more only fight over the CPU (and can make the RPC time out). */
const MAX_CONCURRENT = Math.max(2, Math.min(4, availableParallelism()));
let active = 0;
const queue: (() => void)[] = [];

async function spawnCli(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  if (active >= MAX_CONCURRENT) await new Promise<void>((resolve) => queue.push(resolve));
  active++;
  try {
    return await new Promise((resolve) => {
      execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env, timeout: 30_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  } finally {
    active--;
    queue.shift()?.();
  }
}

/** A failure must be one line on stderr, no stack trace, and a non-zero exit code. */
function assertOneLineError(run: Run, pattern: RegExp): void {
  assert.notEqual(run.code, 0, `expected a failure, got exit 0 with: ${run.stdout}`);
  const lines = run.stderr.trimEnd().split("\n");
  assert.equal(lines.length, 1, `expected one stderr line, got:\n${run.stderr}`);
  assert.match(lines[0] ?? "", /^rampart: /);
  assert.match(lines[0] ?? "", pattern);
  assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
}

function json<T = Record<string, unknown>>(run: Run): T {
  assert.equal(run.code, 0, `command failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

function ok(run: Run): string {
  assert.equal(run.code, 0, `command failed (exit ${run.code}): ${run.stderr}`);
  assert.equal(run.stderr, "", "nothing on stderr");
  return run.stdout;
}

describe("rampart CLI on anvil", { timeout: 90_000 }, () => {
  let fx: Fixture;
  let cli: (...args: string[]) => Promise<Run>;
  let alice: Address;
  let committee: Address;
  let bridgeSet: number;
  let daSet: number;

  before(async () => {
    fx = await startFixture();
    cli = (...args) => spawnCli([...args, "--rpc", fx.rpcUrl, "--deployment", fx.deploymentFile], cleanEnv());
    alice = fx.accounts[8] as Address;
    committee = fx.accounts[7] as Address;
    // What the CLI does not need to show off is set up through the SDK: operator #1, the bridge and its veto set.
    await registerOperator(fx.client(4), { name: "Beacon Ops" });
    await registerService(fx.client(6), { category: "bridge", name: "Arc Bridge" });
    ({ setId: bridgeSet } = await createOperatorSet(fx.client(6), {
      assets: ["wstETH"],
      maxSlashWad: parsePercent("50%"),
      deallocationDelay: 2 * DAY,
      vetoWindow: DAY,
      vetoCommittee: committee,
    }));
    await mintTestTokens(fx.client(8), { asset: "wstETH", amount: parseAmount("100", 18) });
  });
  after(async () => {
    await fx?.stop();
  });

  it("prints help, and usage errors as one line with exit code 2", async () => {
    const [help, missing, unknown, subHelp] = await Promise.all([
      spawnCli(["--help"], cleanEnv()),
      cli("deposit", "wstETH", "1"),
      cli("frobnicate"),
      spawnCli(["withdraw", "--help"], cleanEnv()),
    ]);
    const text = ok(help);
    for (const command of ["status", "assets", "operators", "services", "pools", "positions", "deposit", "withdraw"]) {
      assert.match(text, new RegExp(`\\n  ${command}`), `help lists ${command}`);
    }
    assert.match(ok(subHelp), /queue.*\n.*complete.*\n.*list/s);
    assertOneLineError(missing, /required option '--operator <operator>' not specified.*rampart deposit --help/);
    assert.equal(missing.code, 2);
    assertOneLineError(unknown, /unknown command 'frobnicate'.*rampart --help/);
  });

  it("operator and service setup: register, create-set, join, commission", async () => {
    const [op, service] = await Promise.all([
      cli("operator", "register", "--name", "Alpha Staking", "--account", "3"),
      cli("service", "register", "--category", "da", "--name", "Lightning DA", "--account", "5", "--json"),
    ]);
    assert.match(ok(op), /^Registered operator 0x90F79bf6EB2c4f870365E785982E1f101E93b906 \(Alpha Staking\)\./);
    assert.equal(json(service).categoryName, "data availability");

    const created = json<{ setId: number }>(
      await cli(
        "service",
        "create-set",
        "--assets",
        "wstETH,rETH,WETH",
        "--max-slash",
        "50%",
        "--dealloc-delay",
        "1d",
        "--account",
        "5",
        "--json",
      ),
    );
    daSet = created.setId;
    assert.equal(daSet, bridgeSet + 1);
    const [join] = await Promise.all([
      cli("operator", "join", String(daSet), "--account", "3"),
      joinOperatorSet(fx.client(4), { setId: daSet }),
    ]);
    assert.match(ok(join), new RegExp(`joined operator set ${daSet}`));
    assert.match(ok(await cli("operator", "join", String(bridgeSet), "--account", "3")), /joined/);
    const commission = await cli("operator", "commission", "Lightning DA", "5%", "--account", "3");
    assert.match(ok(commission), /^Commission on Lightning DA: 5%, applies now\./);
  });

  it("a restaker deposits with two operators; the operator allocates", async () => {
    const deposit = await cli("deposit", "wstETH", "60", "--operator", "Alpha Staking", "--account", "8");
    assert.match(ok(deposit), /^Deposited 60 wstETH with Alpha Staking \(0x90F7…b906\)\.\n {2}approval tx 0x/);
    const [second, allocation] = await Promise.all([
      cli("deposit", "wstETH", "40", "--operator", "1", "--account", "8", "--json"),
      cli("operator", "allocate", "wstETH", String(daSet), "40%", "--account", "3"),
    ]);
    assert.match(String(json(second).shares), /^\d+$/, "bigints as decimal strings");
    assert.match(
      ok(allocation),
      new RegExp(`^Allocated 40% of .* wstETH pool to operator set ${daSet}, slashable now`),
    );
    const bridgeAllocation = json(
      await cli("operator", "allocate", "wstETH", String(bridgeSet), "0.3", "--account", "3", "--json"),
    );
    assert.equal(bridgeAllocation.magnitude, parsePercent("30%").toString());
  });

  it("every read, in human and --json form", async () => {
    const reads: string[][] = [
      ["status"],
      ["assets"],
      ["operators"],
      ["services"],
      ["pools"],
      ["positions", alice],
      ["balances", "--account", "8"],
      ["slashes"],
      ["accounts"],
      ["withdraw", "list", alice],
    ];
    // Human output of every read; --json of those whose JSON is not checked elsewhere in this file.
    const withJson = new Set([0, 1, 2, 3, 4, 5, 7]);
    const runs = await Promise.all(
      reads.map(async (args, i) => ({
        human: await cli(...args),
        json: withJson.has(i) ? await cli(...args, "--json") : undefined,
      })),
    );
    const human = (i: number) => ok(runs[i]?.human as Run);
    const data = <T = Record<string, unknown>>(i: number) => json<T>(runs[i]?.json as Run);

    assert.match(human(0), /^Rampart on chain 31337 · block #\d+/);
    assert.match(human(0), /wstETH\s+100 wstETH\s+≈ 12\d\.\d+ ETH/);
    assert.match(human(0), /Total value locked: ≈ 12\d/);
    const status = data<{ chainId: number; counts: Record<string, unknown> }>(0);
    assert.equal(status.chainId, 31337);
    assert.deepEqual(status.counts, {
      operators: 2,
      services: 2,
      operatorSets: 2,
      stakers: 1,
      withdrawalsQueued: "0",
      slashes: "0",
    });

    assert.match(human(1), /^ASSET\s+KIND\s+LISTED\s+DEPOSITED/);
    assert.match(human(1), /wstETH\s+LST \(local stand-in\)\s+yes\s+100 wstETH/);
    assert.deepEqual(
      data<{ symbol: string; totalDeposited: string }[]>(1).map((a) => [a.symbol, a.totalDeposited]),
      [
        ["wstETH", "100000000000000000000"],
        ["rETH", "0"],
        ["WETH", "0"],
      ],
    );

    assert.match(human(2), /1\s+Beacon Ops\s+0x15d3\S+\s+0s\s+\d\s+40 wstETH/);
    assert.match(human(2), /2\s+Alpha Staking\s+0x90F7\S+\s+0s\s+1, 2\s+60 wstETH/);
    assert.match(human(2), /Alpha Staking\s+Lightning DA\s+5%/);
    assert.deepEqual(
      data<{ name: string; sets: number[] }[]>(2).map((op) => [op.name, op.sets]),
      [
        ["Beacon Ops", [daSet]],
        ["Alpha Staking", [bridgeSet, daSet]],
      ],
    );

    assert.match(human(3), /Operator set 1 · Arc Bridge \(bridge\)\n {2}slashing {4}veto window 1d, committee 0x/);
    assert.match(
      human(3),
      /Operator set 2 · Lightning DA \(data availability\)\n {2}slashing {4}instant · at most 50%/,
    );
    assert.match(human(3), /Alpha Staking \(0x90F7…b906\)\s+wstETH\s+40%\s+24 wstETH/);
    const services = data<{ name: string; sets: { policy: { maxSlashWad: string; burns: boolean } }[] }[]>(3);
    assert.deepEqual(
      services.map((s) => [s.name, s.sets[0]?.policy.maxSlashWad, s.sets[0]?.policy.burns]),
      [
        ["Arc Bridge", "500000000000000000", true],
        ["Lightning DA", "500000000000000000", true],
      ],
    );

    assert.match(human(4), /Alpha Staking \(0x90F7…b906\)\s+wstETH\s+60 wstETH\s+≈ 7\d\.\d+ ETH\s+70%\s+0%/);
    assert.match(human(4), /Allocations:\nOPERATOR\s+ASSET\s+SET/);
    assert.equal(data<unknown[]>(4).length, 2);

    assert.match(human(5), new RegExp(`^Positions of ${alice}`));
    assert.match(
      human(5),
      /Alpha Staking \(0x90F7…b906\)\s+wstETH\s+60 wstETH\s+≈ 7\d\.\d+ ETH\s+60 wstETH\s+0\s+100%/,
    );
    assert.match(human(5), /yours at stake/i);
    const positions = data<{ value: string; exposures: { setId: number; yourSlashable: string }[] }[]>(5);
    assert.deepEqual(
      positions[0]?.exposures.map((e) => [e.setId, e.yourSlashable]),
      [
        [bridgeSet, parseAmount("18", 18).toString()],
        [daSet, parseAmount("24", 18).toString()],
      ],
    );

    assert.match(human(6), /wstETH\s+0 wstETH\s+0 wstETH/);
    assert.equal(human(7).trim(), "No slashes yet.");
    assert.deepEqual(data<unknown[]>(7), []);
    assert.match(human(8), /3\s+0x90F79bf6EB2c4f870365E785982E1f101E93b906\s+[\d,.]+ ETH\s+operator Alpha Staking/);
    assert.match(human(9), /Withdrawals of .*\n {2}none/);
  });

  it("slashes: instant, and a veto request that is too early to execute, then vetoed", async () => {
    type PoolJson = {
      operatorName?: string;
      symbol: string;
      allocations: { setId: number; slashableAssets: string }[];
    };
    const bridgeSlashable = async (): Promise<bigint> => {
      const pools = json<PoolJson[]>(await cli("pools", "--json"));
      const pool = pools.find((p) => p.operatorName === "Alpha Staking" && p.symbol === "wstETH");
      const allocation = pool?.allocations.find((a) => a.setId === bridgeSet);
      assert.ok(allocation, "Alpha's wstETH pool is allocated to the bridge set");
      return BigInt(allocation.slashableAssets);
    };
    const bridgeBefore = await bridgeSlashable();
    const [instant, request] = await Promise.all([
      cli(
        "service",
        "slash",
        String(daSet),
        "Alpha Staking",
        "25%",
        "--asset",
        "wstETH",
        "--reason",
        "double sign",
        "--account",
        "5",
      ),
      cli("service", "slash", String(bridgeSet), "2", "20%", "--asset", "wstETH", "--account", "6", "--json"),
    ]);
    assert.match(ok(instant), /^Slash #\d executed: took 6 wstETH from Alpha Staking/);
    // Unique stake: the DA layer's slash leaves what the bridge can slash exactly as it was.
    assert.equal(await bridgeSlashable(), bridgeBefore, "the bridge's slashable stake moved");
    const requested = json<{ slashId: string; executed: boolean }>(request);
    assert.equal(requested.executed, false);
    const early = await cli("service", "execute-slash", requested.slashId, "--account", "9");
    assertOneLineError(early, /VetoWindowOpen.*can be executed from .* when its veto window closes/);
    const [vetoed, slashes, positions] = await Promise.all([
      cli("service", "veto", requested.slashId, "--account", "7"),
      cli("slashes"),
      cli("positions", alice),
    ]);
    assert.match(ok(vetoed), new RegExp(`^Vetoed slash #${requested.slashId}\\.`));
    assert.match(ok(slashes), /25% wstETH\s+executed\s+6 wstETH\s+double sign/);
    assert.match(
      ok(positions),
      /Alpha Staking \(0x90F7…b906\)\s+wstETH\s+54 wstETH\s+≈ [\d.]+ ETH\s+60 wstETH\s+-6 wstETH/,
    );
  });

  it("withdraws: queue, refused before the delay, time advance 7d, complete; redelegates", async () => {
    const queued = json<{ id: string; completableAt: number }>(
      await cli("withdraw", "queue", "wstETH", "10", "--operator", "Alpha Staking", "--account", "8", "--json"),
    );
    const early = await cli("withdraw", "complete", queued.id, "--account", "8");
    assertOneLineError(early, /WithdrawalNotReady.*wait until then \(rampart time advance on a local chain\)/);
    const waiting = ok(await cli("withdraw", "list", "--account", "8"));
    assert.match(waiting, /1\s+withdrawal\s+Alpha Staking \(0x90F7…b906\)\s+10 wstETH now\s+ready in (7d|6d 23h)/);

    assert.match(ok(await cli("time", "advance", "7d")), /^Advanced 7d: the chain's time is now/);
    assert.match(ok(await cli("withdraw", "list", alice)), /ready: rampart withdraw complete 1/);
    // Anyone may complete: here a fresh key from RAMPART_PRIVATE_KEY, funded for gas.
    const key = generatePrivateKey();
    const keeper = privateKeyToAccount(key).address;
    const funder = fx.client(0).walletClient;
    assert.ok(funder);
    await fx.client().publicClient.waitForTransactionReceipt({
      hash: await funder.sendTransaction({ to: keeper, value: parseAmount("1", 18) }),
    });
    const [completed, redelegated] = await Promise.all([
      spawnCli(
        ["withdraw", "complete", queued.id, "--rpc", fx.rpcUrl, "--deployment", fx.deploymentFile],
        cleanEnv({ RAMPART_PRIVATE_KEY: key }),
      ),
      cli("redelegate", "wstETH", "all", "--from", "1", "--to", "2", "--account", "8"),
    ]);
    assert.match(ok(completed), new RegExp(`^Completed withdrawal #1: paid 10 wstETH to ${alice}\\.`));
    assert.match(
      ok(redelegated),
      /^Queued redelegation #2: 40 wstETH from Beacon Ops \(0x15d3…6A65\) to Alpha Staking/,
    );
    const list = json<{ status: string; kind: string }[]>(await cli("withdraw", "list", alice, "--json"));
    assert.deepEqual(
      list.map((w) => [w.kind, w.status]),
      [
        ["withdrawal", "completed"],
        ["redelegation", "waiting"],
      ],
    );
  });

  it("leaving a set while allocated says what to do", async () => {
    assertOneLineError(
      await cli("operator", "leave", String(daSet), "--account", "3"),
      /still allocated to operator set 2 \(wstETH .*\) — allocate 0% first/,
    );
  });

  it("bad input: one line on stderr naming the problem and what to do", async () => {
    const missingNode = spawnCli(
      ["status", "--rpc", "http://127.0.0.1:1", "--deployment", fx.deploymentFile],
      cleanEnv(),
    );
    const missingFile = spawnCli(
      ["status", "--rpc", fx.rpcUrl, "--deployment", path.join(fx.dir, "nope.json")],
      cleanEnv(),
    );
    const fromDataDir = spawnCli(["status", "--json"], cleanEnv({ RAMPART_DATA_DIR: fx.dir, RAMPART_RPC: fx.rpcUrl }));
    const [unknownAsset, badAddress, aboveBalance, noAccount, badDuration, badPercent, node, file, dataDir] =
      await Promise.all([
        cli("deposit", "DOGE", "1", "--operator", "1", "--account", "8"),
        cli("positions", "0x1234"),
        cli("deposit", "wstETH", "1000", "--operator", "1", "--account", "8"),
        cli("deposit", "wstETH", "1", "--operator", "1"),
        cli("time", "advance", "soon"),
        cli("operator", "allocate", "wstETH", "1", "40", "--account", "3"),
        missingNode,
        missingFile,
        fromDataDir,
      ]);
    assertOneLineError(unknownAsset, /unknown asset "DOGE" — use one of: wstETH, rETH, WETH; run `rampart assets`/);
    assertOneLineError(badAddress, /"0x1234" is not a valid staker address — an address is 0x followed by 40/);
    assertOneLineError(aboveBalance, /amount above balance: 1,000 wstETH requested.* — .*rampart mint wstETH <amount>/);
    assertOneLineError(noAccount, /no account was given — pass --account/);
    assertOneLineError(badDuration, /"soon" is not a duration — write it like "7d"/);
    assertOneLineError(badPercent, /ambiguous allocation "40" — add a percent sign \("40%"\)/);
    assertOneLineError(
      node,
      /cannot reach the RPC endpoint — is the node running\? start the local network with `npm start`/,
    );
    assertOneLineError(
      file,
      /no deployment file at .*nope\.json — start the local network with `npm start`, or pass --deployment/,
    );
    assert.equal(json(dataDir).chainId, 31337, "RAMPART_DATA_DIR/deployment.json is the default deployment");
  });
});
