// End to end against a real anvil: deploy (timelock + core), list two collaterals through governance, register
// operators and services, deposit → allocate → slash → withdraw, and the veto path of a vetoable set.
//
// Every expected number is computed here with bigint arithmetic from the protocol's formulas (docs/protocol.md), from
// the inputs of the test alone, never read back from the chain; the chain's values are then compared with them exactly.
//
// The deployment uses the bytecode in src/sdk/abis.ts: before anything else, the test checks that it matches the
// Foundry build in contracts/out (building first only if artifacts are missing).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import {
  type Address,
  BaseError,
  type ContractFunctionArgs,
  ContractFunctionRevertedError,
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  getAddress,
  getContract,
  type Hex,
  http,
  type PublicClient,
  parseEventLogs,
  parseUnits,
  type TransactionReceipt,
  zeroAddress,
} from "viem";
import { foundry } from "viem/chains";
import { CONTRACTS, OUT_DIR, ROOT, staleExports } from "../scripts/gen-abis.ts";
import {
  advanceDevChainTime,
  deployRampart,
  describeError,
  type RampartDeployment,
  type RampartWalletClient,
  runGovernanceAction,
} from "../src/deploy.ts";
import * as abis from "../src/sdk/abis.ts";
import { directoryAbi, mockErc20Abi, mockErc20Bytecode, rampartAbi, timelockAbi } from "../src/sdk/abis.ts";
import { type Anvil, startAnvil } from "./helpers/anvil.ts";

// ─────────────────────────── The protocol's formulas, independently ───────────────────────────

const WAD = 10n ** 18n;
const VIRTUAL_SHARES = 1_000_000n;
const VIRTUAL_ASSETS = 1n;
const DAY = 86_400;
const BURN_ADDRESS: Address = "0x000000000000000000000000000000000000dEaD";

/** Model of one pool: what the test expects the chain to hold. */
interface PoolModel {
  assets: bigint;
  shares: bigint;
  slashedMagnitude: bigint;
  encumberedMagnitude: bigint;
}

/** shares = floor(amount × (S + 1e6) / (A + 1)) */
const sharesFor = (amount: bigint, pool: PoolModel): bigint =>
  (amount * (pool.shares + VIRTUAL_SHARES)) / (pool.assets + VIRTUAL_ASSETS);
/** value = floor(shares × (A + 1) / (S + 1e6)) */
const worth = (shares: bigint, pool: PoolModel): bigint =>
  (shares * (pool.assets + VIRTUAL_ASSETS)) / (pool.shares + VIRTUAL_SHARES);
/** M = 1e18 − slashedMagnitude */
const maxMagnitudeOf = (pool: PoolModel): bigint => WAD - pool.slashedMagnitude;
/** magnitude = floor(fraction × M / 1e18) */
const magnitudeFor = (fractionWad: bigint, pool: PoolModel): bigint => (fractionWad * maxMagnitudeOf(pool)) / WAD;
/** slashed magnitude = floor(m × wad / 1e18) */
const slashedMagnitudeFor = (magnitude: bigint, wad: bigint): bigint => (magnitude * wad) / WAD;
/** assets of a magnitude = floor(A × magnitude / M) (slashable assets, and assets a slash takes) */
const assetsOfMagnitude = (magnitude: bigint, pool: PoolModel): bigint =>
  (pool.assets * magnitude) / maxMagnitudeOf(pool);

// ─────────────────────────── Scenario inputs ───────────────────────────

const ALICE_WSTETH = parseUnits("100", 18);
/** Not a round number, so that every floor above really drops something. */
const BOB_WSTETH = parseUnits("37.5", 18) + 1_234_567n;
const ALICE_RETH = parseUnits("25", 18);
const BOB_RETH = parseUnits("12", 18);
const DA_FRACTION = parseUnits("0.4", 18);
const BRIDGE_FRACTION = parseUnits("0.3", 18);
const DA_MAX_SLASH = parseUnits("0.5", 18);
const DA_SLASH = parseUnits("0.25", 18);
const BRIDGE_MAX_SLASH = parseUnits("0.5", 18);
const BRIDGE_SLASH = parseUnits("0.2", 18);
const WITHDRAWAL_DELAY = 7 * DAY;
const GOVERNANCE_DELAY = 1 * DAY;
const VETO_WINDOW = 1 * DAY;
const ASSET_CAP = parseUnits("1000000", 18);

/** The Withdrawal struct, as the ABI types it. */
type Withdrawal = ContractFunctionArgs<typeof rampartAbi, "nonpayable", "completeWithdrawal">[0];

enum ServiceCategory {
  DataAvailability = 1,
  Bridge = 2,
}
enum SlashStatus {
  Pending = 1,
  Vetoed = 2,
  Executed = 3,
}

// ─────────────────────────── Helpers ───────────────────────────

/** Builds the contracts only if an artifact the ABIs come from is missing, then checks src/sdk/abis.ts is current. */
function ensureFreshAbis(): void {
  const missing = CONTRACTS.map((c) => path.join(OUT_DIR, c.file, `${c.contract}.json`)).filter((f) => !existsSync(f));
  if (missing.length > 0) {
    console.log(
      `e2e: ${missing.length} artifact(s) missing in contracts/out (${missing.map((f) => path.basename(f)).join(", ")}): ` +
        "running `forge build` (via-IR, may take ~30 s)...",
    );
    const build = spawnSync(process.execPath, [path.join(ROOT, "scripts", "foundry.mjs"), "forge", "build"], {
      cwd: path.join(ROOT, "contracts"),
      stdio: "inherit",
    });
    assert.equal(build.status, 0, "e2e: forge build failed; see its output above");
  }
  const stale = staleExports(abis);
  assert.deepEqual(
    stale,
    [],
    `src/sdk/abis.ts is stale vs contracts/out (${stale.join(", ")}): run \`npm run gen:abis\` and commit it`,
  );
}

/** Waits for a sent transaction, which must succeed; a revert is replayed as a call to name its custom error. */
async function mined(publicClient: PublicClient, hash: Promise<Hex>): Promise<TransactionReceipt> {
  const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
  if (receipt.status !== "success") {
    // A JSON-RPC account's transaction is mined even when it reverts: the call on the parent block says why.
    const tx = await publicClient.getTransaction({ hash: receipt.transactionHash });
    let reason = "no reason found";
    try {
      await publicClient.call({
        account: tx.from,
        to: tx.to,
        data: tx.input,
        value: tx.value,
        blockNumber: receipt.blockNumber - 1n,
      });
    } catch (error) {
      reason = describeError(error);
    }
    assert.fail(`transaction ${receipt.transactionHash} reverted: ${reason}`);
  }
  return receipt;
}

/**
 * Awaits `action` (a simulation: pass its `account`, which getContract's `simulate` does not take from the wallet
 * client), which must revert with the custom error `errorName` (decoded by viem); returns its arguments.
 */
async function revertsWith(action: Promise<unknown>, errorName: string): Promise<readonly unknown[]> {
  try {
    await action;
  } catch (error) {
    assert.ok(error instanceof BaseError, `expected a viem error, got: ${String(error)}`);
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
    assert.ok(reverted instanceof ContractFunctionRevertedError, `expected a contract revert, got: ${error.message}`);
    assert.equal(reverted.data?.errorName, errorName, `expected ${errorName}, got: ${reverted.shortMessage}`);
    return reverted.data?.args ?? [];
  }
  assert.fail(`expected a revert with ${errorName}, but the call succeeded`);
}

/** Steps share state: once one fails, each following one fails at once, naming the step it depends on. */
let failedStep: string | undefined;
function step(name: string, fn: () => Promise<void>): void {
  it(name, async () => {
    if (failedStep) assert.fail(`not run: the earlier step "${failedStep}" failed`);
    try {
      await fn();
    } catch (error) {
      failedStep = name;
      throw error;
    }
  });
}

// ─────────────────────────── The scenario ───────────────────────────

describe("e2e on anvil: deposit → allocate → slash → withdraw, and the veto path", { timeout: 120_000 }, () => {
  let anvil: Anvil | undefined;
  let publicClient: PublicClient;
  let actors: Record<
    | "deployer"
    | "pauser"
    | "unpauser"
    | "operatorA"
    | "operatorB"
    | "daService"
    | "bridgeService"
    | "vetoCommittee"
    | "alice"
    | "bob"
    | "aliceReceiver"
    | "bridgeTreasury",
    RampartWalletClient
  >;
  let deployment: RampartDeployment;
  let wstETH: Address;
  let rETH: Address;
  let daSet: number;
  let bridgeSet: number;

  // The test's own expectation of operator A's wstETH pool and its allocations.
  const poolA: PoolModel = { assets: 0n, shares: 0n, slashedMagnitude: 0n, encumberedMagnitude: 0n };
  let daMagnitude = 0n;
  let bridgeMagnitude = 0n;
  let aliceShares = 0n;
  let bobShares = 0n;
  let burned = 0n;
  let toBridgeTreasury = 0n;
  let queued: Withdrawal;

  const rampartAs = (wallet: RampartWalletClient) =>
    getContract({ address: deployment.rampart, abi: rampartAbi, client: { public: publicClient, wallet } });
  const directoryAs = (wallet: RampartWalletClient) =>
    getContract({ address: deployment.directory, abi: directoryAbi, client: { public: publicClient, wallet } });
  const token = (address: Address, wallet: RampartWalletClient) =>
    getContract({ address, abi: mockErc20Abi, client: { public: publicClient, wallet } });
  const read = () => rampartAs(actors.deployer).read;
  const balanceOf = (asset: Address, account: Address) => token(asset, actors.deployer).read.balanceOf([account]);
  const addressOf = (wallet: RampartWalletClient): Address => wallet.account.address;

  async function assertPoolA(): Promise<void> {
    const pool = await read().getPool([addressOf(actors.operatorA), wstETH]);
    assert.deepEqual(
      {
        assets: pool.totalAssets,
        shares: pool.totalShares,
        slashedMagnitude: pool.slashedMagnitude,
        encumberedMagnitude: pool.encumberedMagnitude,
      },
      poolA,
      "operator A's wstETH pool differs from the model",
    );
  }

  before(async () => {
    ensureFreshAbis();
    anvil = await startAnvil({ accounts: 12 });
    const transport = http(anvil.rpcUrl);
    publicClient = createPublicClient({ chain: foundry, transport, pollingInterval: 50 });
    const addresses = await createWalletClient({ chain: foundry, transport }).getAddresses();
    assert.ok(addresses.length >= 12, "anvil should have 12 dev accounts");
    const wallets: RampartWalletClient[] = addresses.map((account) =>
      createWalletClient({ account, chain: foundry, transport, pollingInterval: 50 }),
    );
    const wallet = (index: number): RampartWalletClient => {
      const client = wallets[index];
      if (!client) throw new Error(`anvil has no dev account #${index}`);
      return client;
    };
    actors = {
      deployer: wallet(0),
      pauser: wallet(1),
      unpauser: wallet(2),
      operatorA: wallet(3),
      operatorB: wallet(4),
      daService: wallet(5),
      bridgeService: wallet(6),
      vetoCommittee: wallet(7),
      alice: wallet(8),
      bob: wallet(9),
      aliceReceiver: wallet(10),
      bridgeTreasury: wallet(11),
    };
  });

  after(async () => {
    await anvil?.stop();
  });

  step("deploys the timelock and the core owned by it", async () => {
    deployment = await deployRampart({
      publicClient,
      walletClient: actors.deployer,
      governanceDelay: GOVERNANCE_DELAY,
      withdrawalDelay: WITHDRAWAL_DELAY,
      pauser: addressOf(actors.pauser),
      unpauser: addressOf(actors.unpauser),
      proposers: [addressOf(actors.deployer)],
      rewardsUpdater: addressOf(actors.deployer),
      rootActivationDelay: 3_600,
    });
    const core = read();
    assert.equal(await core.owner(), deployment.timelock);
    assert.equal(await core.directory(), deployment.directory);
    assert.equal(await core.withdrawalDelay(), WITHDRAWAL_DELAY);
    assert.equal(await core.isPauser([addressOf(actors.pauser)]), true);
    assert.equal(await core.unpauser(), addressOf(actors.unpauser));
    assert.equal(await directoryAs(actors.deployer).read.core(), deployment.rampart);

    const timelock = getContract({ address: deployment.timelock, abi: timelockAbi, client: publicClient });
    assert.equal(await timelock.read.getMinDelay(), BigInt(GOVERNANCE_DELAY));
    const [proposerRole, executorRole, adminRole] = await Promise.all([
      timelock.read.PROPOSER_ROLE(),
      timelock.read.EXECUTOR_ROLE(),
      timelock.read.DEFAULT_ADMIN_ROLE(),
    ]);
    assert.equal(await timelock.read.hasRole([proposerRole, addressOf(actors.deployer)]), true);
    assert.equal(await timelock.read.hasRole([executorRole, zeroAddress]), true);
    assert.equal(await timelock.read.hasRole([adminRole, addressOf(actors.deployer)]), false);
    assert.equal(await timelock.read.hasRole([adminRole, deployment.timelock]), true);
  });

  step("deploys two local test-double collaterals and lists them through the timelock", async () => {
    const deployToken = async (name: string, symbol: string): Promise<Address> => {
      const receipt = await mined(
        publicClient,
        actors.deployer.deployContract({ abi: mockErc20Abi, bytecode: mockErc20Bytecode, args: [name, symbol, 18] }),
      );
      assert.ok(receipt.contractAddress, `${symbol}: no contract address`);
      return getAddress(receipt.contractAddress);
    };
    wstETH = await deployToken("Test double: wstETH-like (local only)", "tWSTETH");
    rETH = await deployToken("Test double: rETH-like (local only)", "tRETH");

    // Governance is the only lister: a direct call from the proposer is refused.
    await revertsWith(
      rampartAs(actors.deployer).simulate.listAsset([wstETH, ASSET_CAP], { account: addressOf(actors.deployer) }),
      "NotOwner",
    );

    const result = await runGovernanceAction({
      publicClient,
      walletClient: actors.deployer,
      timelock: deployment.timelock,
      calls: [wstETH, rETH].map((asset) => ({
        target: deployment.rampart,
        data: encodeFunctionData({ abi: rampartAbi, functionName: "listAsset", args: [asset, ASSET_CAP] }),
      })),
      advanceTime: true,
      description: "list wstETH and rETH test doubles",
    });
    const scheduledBlock = await publicClient.getBlock({ blockHash: result.scheduleReceipt.blockHash });
    assert.equal(result.readyAt - scheduledBlock.timestamp, BigInt(GOVERNANCE_DELAY), "ready one governance delay on");
    for (const asset of [wstETH, rETH]) {
      const config = await read().getAsset([asset]);
      assert.deepEqual(config, { listed: true, decimals: 18, cap: ASSET_CAP, totalDeposited: 0n });
    }
  });

  step("registers two operators and two services with their operator sets", async () => {
    for (const [operator, name] of [
      [actors.operatorA, "A"],
      [actors.operatorB, "B"],
    ] as const) {
      // Allocation delay 0: allocations are slashable at once (the simplest case for this walk-through).
      await mined(
        publicClient,
        directoryAs(operator).write.registerOperator([`https://example.test/operator-${name}.json`, zeroAddress, 0]),
      );
    }
    await mined(
      publicClient,
      directoryAs(actors.daService).write.registerService([
        "https://example.test/da-layer.json",
        ServiceCategory.DataAvailability,
      ]),
    );
    await mined(
      publicClient,
      directoryAs(actors.bridgeService).write.registerService([
        "https://example.test/bridge.json",
        ServiceCategory.Bridge,
      ]),
    );

    const createSet = async (
      service: RampartWalletClient,
      policy: {
        vetoWindow: number;
        deallocationDelay: number;
        maxSlashWad: bigint;
        vetoCommittee: Address;
        slashRecipient: Address;
      },
    ): Promise<number> => {
      const receipt = await mined(
        publicClient,
        rampartAs(service).write.createOperatorSet([[wstETH, rETH], policy, zeroAddress]),
      );
      const [created] = parseEventLogs({ abi: rampartAbi, logs: receipt.logs, eventName: "OperatorSetCreated" });
      assert.ok(created, "OperatorSetCreated not emitted");
      assert.equal(created.args.service, addressOf(service));
      return created.args.setId;
    };
    // A DA layer: instant slashing, at most 50% of an allocation per slash, slashed tokens burned.
    daSet = await createSet(actors.daService, {
      vetoWindow: 0,
      deallocationDelay: DAY,
      maxSlashWad: DA_MAX_SLASH,
      vetoCommittee: zeroAddress,
      slashRecipient: zeroAddress,
    });
    // A bridge: slashes wait a 1-day veto window during which its committee may cancel them; proceeds to a treasury.
    bridgeSet = await createSet(actors.bridgeService, {
      vetoWindow: VETO_WINDOW,
      deallocationDelay: 2 * DAY,
      maxSlashWad: BRIDGE_MAX_SLASH,
      vetoCommittee: addressOf(actors.vetoCommittee),
      slashRecipient: addressOf(actors.bridgeTreasury),
    });
    assert.deepEqual([daSet, bridgeSet], [1, 2]);

    for (const operator of [actors.operatorA, actors.operatorB]) {
      for (const setId of [daSet, bridgeSet]) {
        await mined(publicClient, rampartAs(operator).write.joinOperatorSet([addressOf(operator), setId, "0x"]));
        assert.deepEqual(await read().getMembership([addressOf(operator), setId]), { member: true, allocatedPools: 0 });
      }
    }
  });

  step("two stakers deposit with two operators; shares follow floor(amount × (S + 1e6) / (A + 1))", async () => {
    const deposits = [
      { staker: actors.alice, operator: actors.operatorA, asset: wstETH, amount: ALICE_WSTETH },
      { staker: actors.bob, operator: actors.operatorA, asset: wstETH, amount: BOB_WSTETH },
      { staker: actors.alice, operator: actors.operatorB, asset: rETH, amount: ALICE_RETH },
      { staker: actors.bob, operator: actors.operatorB, asset: rETH, amount: BOB_RETH },
    ];
    const poolB: PoolModel = { assets: 0n, shares: 0n, slashedMagnitude: 0n, encumberedMagnitude: 0n };
    for (const { staker, operator, asset, amount } of deposits) {
      const model = asset === wstETH ? poolA : poolB;
      const expectedShares = sharesFor(amount, model);
      await mined(publicClient, token(asset, staker).write.mint([addressOf(staker), amount]));
      await mined(publicClient, token(asset, staker).write.approve([deployment.rampart, amount]));
      const receipt = await mined(
        publicClient,
        rampartAs(staker).write.deposit([addressOf(operator), asset, amount, addressOf(staker), expectedShares]),
      );
      const [deposited] = parseEventLogs({ abi: rampartAbi, logs: receipt.logs, eventName: "Deposited" });
      assert.equal(deposited?.args.shares, expectedShares, "shares minted");
      model.assets += amount;
      model.shares += expectedShares;
      if (asset === wstETH) {
        if (staker === actors.alice) aliceShares = expectedShares;
        else bobShares = expectedShares;
      }
    }
    // First deposit into an empty pool: amount × 1e6 shares exactly.
    assert.equal(aliceShares, ALICE_WSTETH * VIRTUAL_SHARES);
    assert.equal(await read().sharesOf([addressOf(actors.alice), addressOf(actors.operatorA), wstETH]), aliceShares);
    assert.equal(await read().sharesOf([addressOf(actors.bob), addressOf(actors.operatorA), wstETH]), bobShares);
    await assertPoolA();
    const poolBOnChain = await read().getPool([addressOf(actors.operatorB), rETH]);
    assert.equal(poolBOnChain.totalAssets, poolB.assets);
    assert.equal(poolBOnChain.totalShares, poolB.shares);
    assert.equal(await balanceOf(wstETH, deployment.rampart), ALICE_WSTETH + BOB_WSTETH);
    assert.equal((await read().getAsset([wstETH])).totalDeposited, ALICE_WSTETH + BOB_WSTETH);
  });

  step("operator A allocates 40% of its wstETH pool to the DA set and 30% to the bridge set", async () => {
    const operator = addressOf(actors.operatorA);
    daMagnitude = magnitudeFor(DA_FRACTION, poolA);
    bridgeMagnitude = magnitudeFor(BRIDGE_FRACTION, poolA);
    await mined(publicClient, rampartAs(actors.operatorA).write.allocate([operator, wstETH, daSet, DA_FRACTION]));
    await mined(
      publicClient,
      rampartAs(actors.operatorA).write.allocate([operator, wstETH, bridgeSet, BRIDGE_FRACTION]),
    );
    poolA.encumberedMagnitude = daMagnitude + bridgeMagnitude;

    assert.deepEqual(await read().getAllocation([operator, wstETH, daSet]), {
      magnitude: daMagnitude,
      pendingMagnitude: 0n,
      effectAt: 0,
    });
    assert.deepEqual(await read().getAllocation([operator, wstETH, bridgeSet]), {
      magnitude: bridgeMagnitude,
      pendingMagnitude: 0n,
      effectAt: 0,
    });
    await assertPoolA();
    assert.equal(await read().slashableAssets([operator, wstETH, daSet]), assetsOfMagnitude(daMagnitude, poolA));
    assert.equal(
      await read().slashableAssets([operator, wstETH, bridgeSet]),
      assetsOfMagnitude(bridgeMagnitude, poolA),
    );
  });

  step("the DA layer slashes 25% of operator A's allocation at once; the tokens are burned", async () => {
    const operator = addressOf(actors.operatorA);
    const poolBBefore = await read().getPool([addressOf(actors.operatorB), rETH]);
    const bridgeSlashableBefore = await read().slashableAssets([operator, wstETH, bridgeSet]);
    assert.equal(bridgeSlashableBefore, assetsOfMagnitude(bridgeMagnitude, poolA));

    // Expected, from the formulas: slashed magnitude, then the assets it stands for with M before the slash.
    const slashedMagnitude = slashedMagnitudeFor(daMagnitude, DA_SLASH);
    const assetsSlashed = assetsOfMagnitude(slashedMagnitude, poolA);
    assert.equal(slashedMagnitude, parseUnits("0.1", 18));

    const receipt = await mined(
      publicClient,
      rampartAs(actors.daService).write.slash([
        { setId: daSet, operator, assets: [wstETH], wads: [DA_SLASH], reason: "withheld data for block 1234" },
      ]),
    );
    const [slashed] = parseEventLogs({ abi: rampartAbi, logs: receipt.logs, eventName: "Slashed" });
    assert.ok(slashed, "Slashed not emitted");
    assert.equal(slashed.args.magnitudeSlashed, slashedMagnitude);
    assert.equal(slashed.args.assetsSlashed, assetsSlashed);
    assert.equal(slashed.args.recipient, BURN_ADDRESS);

    poolA.assets -= assetsSlashed;
    poolA.slashedMagnitude += slashedMagnitude;
    poolA.encumberedMagnitude -= slashedMagnitude;
    daMagnitude -= slashedMagnitude;
    burned += assetsSlashed;
    await assertPoolA();
    assert.equal(await read().maxMagnitude([operator, wstETH]), WAD - slashedMagnitude);
    assert.equal((await read().getAllocation([operator, wstETH, daSet])).magnitude, daMagnitude);
    assert.equal(await read().slashableAssets([operator, wstETH, daSet]), assetsOfMagnitude(daMagnitude, poolA));

    // The bridge set's allocation keeps its absolute size (the model says so too for these inputs).
    const bridgeSlashableAfter = await read().slashableAssets([operator, wstETH, bridgeSet]);
    assert.equal(bridgeSlashableAfter, assetsOfMagnitude(bridgeMagnitude, poolA));
    assert.equal(bridgeSlashableAfter, bridgeSlashableBefore, "the other set's slashable assets are unchanged");

    // Every staker of the pool pays pro rata; operator B's pool is untouched.
    assert.equal(await read().sharesToAssets([operator, wstETH, aliceShares]), worth(aliceShares, poolA));
    assert.equal(await read().sharesToAssets([operator, wstETH, bobShares]), worth(bobShares, poolA));
    assert.ok(worth(aliceShares, poolA) < ALICE_WSTETH);
    assert.deepEqual(await read().getPool([addressOf(actors.operatorB), rETH]), poolBBefore);

    assert.equal(await balanceOf(wstETH, BURN_ADDRESS), burned);
    assert.equal(await balanceOf(wstETH, deployment.rampart), poolA.assets);
    assert.equal((await read().getAsset([wstETH])).totalDeposited, poolA.assets);
  });

  step("Alice queues a withdrawal of all her shares; completing before the delay reverts", async () => {
    const operator = addressOf(actors.operatorA);
    const receipt = await mined(
      publicClient,
      rampartAs(actors.alice).write.queueWithdrawal([operator, wstETH, aliceShares, addressOf(actors.aliceReceiver)]),
    );
    const [event] = parseEventLogs({ abi: rampartAbi, logs: receipt.logs, eventName: "WithdrawalQueued" });
    assert.ok(event, "WithdrawalQueued not emitted");
    queued = event.args.withdrawal;
    const block = await publicClient.getBlock({ blockHash: receipt.blockHash });
    assert.equal(BigInt(queued.completableAt), block.timestamp + BigInt(WITHDRAWAL_DELAY));
    assert.equal(queued.shares, aliceShares);
    assert.equal(await read().sharesOf([addressOf(actors.alice), operator, wstETH]), 0n);
    assert.equal(await read().isWithdrawalPending([queued.id]), true);
    // The shares stay in the pool (and keep taking slashes) until completion.
    await assertPoolA();

    const args = await revertsWith(
      rampartAs(actors.bob).simulate.completeWithdrawal([queued], { account: addressOf(actors.bob) }),
      "WithdrawalNotReady",
    );
    assert.deepEqual(args, [queued.id, queued.completableAt]);
  });

  step("bridge veto path: a request vetoed by the committee slashes nothing", async () => {
    const operator = addressOf(actors.operatorA);
    const params = {
      setId: bridgeSet,
      operator,
      assets: [wstETH],
      wads: [BRIDGE_SLASH],
      reason: "signed a fraudulent withdrawal root",
    };
    const receipt = await mined(publicClient, rampartAs(actors.bridgeService).write.slash([params]));
    const [requested] = parseEventLogs({ abi: rampartAbi, logs: receipt.logs, eventName: "SlashRequested" });
    assert.ok(requested, "SlashRequested not emitted");
    const slashId = requested.args.slashId;
    const block = await publicClient.getBlock({ blockHash: receipt.blockHash });
    assert.equal(BigInt(requested.args.executableAt), block.timestamp + BigInt(VETO_WINDOW));
    assert.equal((await read().getSlashRequest([slashId])).status, SlashStatus.Pending);
    await assertPoolA(); // nothing moves while a request is pending

    await revertsWith(
      rampartAs(actors.bob).simulate.executeSlash([slashId], { account: addressOf(actors.bob) }),
      "VetoWindowOpen",
    );
    await revertsWith(
      rampartAs(actors.bob).simulate.vetoSlash([slashId], { account: addressOf(actors.bob) }),
      "NotVetoCommittee",
    );
    await mined(publicClient, rampartAs(actors.vetoCommittee).write.vetoSlash([slashId]));
    assert.equal((await read().getSlashRequest([slashId])).status, SlashStatus.Vetoed);

    await advanceDevChainTime(publicClient, VETO_WINDOW);
    await revertsWith(
      rampartAs(actors.bob).simulate.executeSlash([slashId], { account: addressOf(actors.bob) }),
      "SlashNotPending",
    );
    await assertPoolA();
    assert.equal(await balanceOf(wstETH, addressOf(actors.bridgeTreasury)), 0n);
  });

  step("bridge veto path: a request not vetoed executes after the 1-day window, queued shares included", async () => {
    const operator = addressOf(actors.operatorA);
    const daSlashableBefore = await read().slashableAssets([operator, wstETH, daSet]);
    const receipt = await mined(
      publicClient,
      rampartAs(actors.bridgeService).write.slash([
        { setId: bridgeSet, operator, assets: [wstETH], wads: [BRIDGE_SLASH], reason: "second fraudulent root" },
      ]),
    );
    const [requested] = parseEventLogs({ abi: rampartAbi, logs: receipt.logs, eventName: "SlashRequested" });
    assert.ok(requested, "SlashRequested not emitted");
    const slashId = requested.args.slashId;

    await advanceDevChainTime(publicClient, VETO_WINDOW);
    // The committee is too late now; anyone may execute.
    await revertsWith(
      rampartAs(actors.vetoCommittee).simulate.vetoSlash([slashId], { account: addressOf(actors.vetoCommittee) }),
      "VetoWindowClosed",
    );

    const slashedMagnitude = slashedMagnitudeFor(bridgeMagnitude, BRIDGE_SLASH);
    const assetsSlashed = assetsOfMagnitude(slashedMagnitude, poolA); // M = 1e18 − 0.1e18 here
    const executed = await mined(publicClient, rampartAs(actors.bob).write.executeSlash([slashId]));
    const [slashed] = parseEventLogs({ abi: rampartAbi, logs: executed.logs, eventName: "Slashed" });
    assert.equal(slashed?.args.magnitudeSlashed, slashedMagnitude);
    assert.equal(slashed?.args.assetsSlashed, assetsSlashed);
    assert.equal(slashed?.args.recipient, addressOf(actors.bridgeTreasury));
    assert.equal((await read().getSlashRequest([slashId])).status, SlashStatus.Executed);

    poolA.assets -= assetsSlashed;
    poolA.slashedMagnitude += slashedMagnitude;
    poolA.encumberedMagnitude -= slashedMagnitude;
    bridgeMagnitude -= slashedMagnitude;
    toBridgeTreasury += assetsSlashed;
    await assertPoolA();
    assert.equal(await balanceOf(wstETH, addressOf(actors.bridgeTreasury)), toBridgeTreasury);
    assert.equal(await balanceOf(wstETH, BURN_ADDRESS), burned);
    const daSlashableAfter = await read().slashableAssets([operator, wstETH, daSet]);
    assert.equal(daSlashableAfter, assetsOfMagnitude(daMagnitude, poolA));
    assert.equal(daSlashableAfter, daSlashableBefore, "the other set's slashable assets are unchanged");
    assert.equal(
      await read().slashableAssets([operator, wstETH, bridgeSet]),
      assetsOfMagnitude(bridgeMagnitude, poolA),
    );
  });

  step("after the withdrawal delay, completion pays the receiver what the shares are worth now", async () => {
    const latest = await publicClient.getBlock({ blockTag: "latest" });
    // 7 days after queueing in all (the veto path above already used part of it).
    await advanceDevChainTime(publicClient, BigInt(queued.completableAt) - latest.timestamp);

    const expectedPaid = worth(queued.shares, poolA);
    assert.ok(expectedPaid < ALICE_WSTETH, "Alice's queued shares took both slashes");
    const receipt = await mined(publicClient, rampartAs(actors.bob).write.completeWithdrawal([queued]));
    const [completed] = parseEventLogs({ abi: rampartAbi, logs: receipt.logs, eventName: "WithdrawalCompleted" });
    assert.equal(completed?.args.assets, expectedPaid);
    assert.equal(await balanceOf(wstETH, addressOf(actors.aliceReceiver)), expectedPaid);
    assert.equal(await balanceOf(wstETH, addressOf(actors.alice)), 0n);
    assert.equal(await read().isWithdrawalPending([queued.id]), false);
    await revertsWith(
      rampartAs(actors.bob).simulate.completeWithdrawal([queued], { account: addressOf(actors.bob) }),
      "UnknownWithdrawal",
    );

    poolA.assets -= expectedPaid;
    poolA.shares -= queued.shares;
    await assertPoolA();
    // Bob, still staked, holds what the formula says; the books balance to the wei.
    assert.equal(
      await read().sharesToAssets([addressOf(actors.operatorA), wstETH, bobShares]),
      worth(bobShares, poolA),
    );
    assert.equal(await balanceOf(wstETH, deployment.rampart), poolA.assets);
    assert.equal((await read().getAsset([wstETH])).totalDeposited, poolA.assets);
    assert.equal(poolA.assets + burned + toBridgeTreasury + expectedPaid, ALICE_WSTETH + BOB_WSTETH);
  });
});
