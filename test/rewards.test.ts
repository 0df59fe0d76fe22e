// Rewards against a real anvil and the real RampartRewards: a program funded through the SDK, roots posted as days
// pass, claims with proofs recomputed from chain events, and the failure paths (claim twice, before activation,
// against a disabled root, a tampered root caught by verify, the CLI's one-line errors).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { type Address, parseUnits } from "viem";
import { calculateRewards, RewardsLedger } from "../src/rewards/calculator.ts";
import {
  advanceTimeWithRoots,
  claimRewards,
  computeDistribution,
  getEarnings,
  postDistributionRoot,
  verifyRoot,
} from "../src/rewards/distribution.ts";
import { readRewardEvents } from "../src/rewards/events.ts";
import { buildDistributionTree, proofOf } from "../src/rewards/merkle.ts";
import { addr, DAY } from "../src/rewards/model.ts";
import { mockErc20Abi } from "../src/sdk/abis.ts";
import {
  allocate,
  approveAndDeposit,
  completeWithdrawal,
  createOperatorSet,
  createRewardProgram,
  joinOperatorSet,
  listDistributionRoots,
  mintTestTokens,
  queueRedelegation,
  queueWithdrawal,
  type RampartClient,
  RampartError,
  registerOperator,
  registerService,
  slash,
  WAD,
  write,
} from "../src/sdk/index.ts";
import { type Fixture, ROOT_ACTIVATION_DELAY, startFixture, WITHDRAWAL_DELAY } from "./helpers/fixture.ts";

const units = (text: string) => parseUnits(text, 18);
const OPERATOR = 3;
const SERVICE = 4;
const ALICE = 5;
const BOB = 6;
const CAROL = 7;
const SECOND_OPERATOR = 8;
const PAUSER = 1;
const UPDATER = 0;

async function rejects(action: Promise<unknown>, match: RegExp): Promise<RampartError> {
  try {
    await action;
  } catch (error) {
    assert.ok(error instanceof RampartError, `expected a RampartError, got ${String(error)}`);
    assert.match(`${error.errorName ?? ""} ${error.oneLine()}`, match);
    return error;
  }
  assert.fail("expected a RampartError, but it succeeded");
}

describe("rewards on a real chain", () => {
  let fixture: Fixture;
  let as: (index: number) => RampartClient;
  let token: Address;
  let treesDir: string;
  let setId: number;

  const balanceOf = (who: Address) =>
    as(0).publicClient.readContract({ address: token, abi: mockErc20Abi, functionName: "balanceOf", args: [who] });
  const advance = (seconds: number) => advanceTimeWithRoots(as(0), seconds, { updater: as(UPDATER), treesDir });
  /** A direct claim transaction with a proof from the tree of `calculatedUntil`, bypassing the SDK's checks. */
  async function rawClaim(earnerIndex: number, rootIndex: number, calculatedUntil: bigint) {
    const { tree } = await computeDistribution(as(0), { calculatedUntil });
    assert.ok(tree);
    const earner = fixture.accounts[earnerIndex] as Address;
    const proof = proofOf(tree, earner, token);
    assert.ok(proof);
    return write(
      as(earnerIndex),
      {
        ...as(earnerIndex).rewards,
        functionName: "claim",
        args: [rootIndex, earner, earner, [{ token, cumulativeAmount: proof.cumulativeAmount, proof: proof.proof }]],
      },
      "claiming",
    );
  }

  /** Seconds from the chain's now to `extra` seconds after the next UTC midnight. */
  async function secondsPastNextMidnight(extra: number): Promise<number> {
    const now = (await as(0).publicClient.getBlock({ blockTag: "latest" })).timestamp;
    return Number(DAY - (now % DAY)) + extra;
  }

  before(async () => {
    fixture = await startFixture();
    as = (index) => fixture.client(index);
    treesDir = path.join(fixture.dir, "rewards");
    token = fixture.deployment.rewardTokens[0]?.address as Address;
    await registerOperator(as(OPERATOR), { name: "Solo Operator" });
    await registerService(as(SERVICE), { category: "da", name: "Test DA" });
    ({ setId } = await createOperatorSet(as(SERVICE), { assets: ["wstETH"], maxSlashWad: WAD / 2n }));
    await joinOperatorSet(as(OPERATOR), { setId });
    await allocate(as(OPERATOR), { asset: "wstETH", setId, fractionWad: WAD });
    for (const staker of [ALICE, BOB]) {
      await mintTestTokens(as(staker), { asset: "wstETH", amount: units("10") });
      await approveAndDeposit(as(staker), {
        operator: fixture.accounts[OPERATOR] as Address,
        asset: "wstETH",
        amount: units("10"),
      });
    }
    await write(
      as(SERVICE),
      {
        address: token,
        abi: mockErc20Abi,
        functionName: "mint",
        args: [fixture.accounts[SERVICE] as Address, units("1000")],
      },
      "minting",
    );
  });

  after(async () => {
    await fixture?.stop();
  });

  it("refuses a program the contract would refuse, before approving anything", async () => {
    await rejects(createRewardProgram(as(SERVICE), { setId: 99, token, amount: 1n, days: 1 }), /UnknownOperatorSet/);
    await rejects(createRewardProgram(as(ALICE), { setId, token, amount: 1n, days: 1 }), /NotSetService/);
    await rejects(createRewardProgram(as(SERVICE), { setId, token, amount: 1n, days: 400 }), /DurationOutOfBounds/);
    await rejects(
      createRewardProgram(as(SERVICE), { setId, token, amount: 1n, days: 1, startTime: 999_993_600n }),
      /StartTooOld/,
    );
    await rejects(
      createRewardProgram(as(SERVICE), { setId, token, amount: 1n, days: 1, startTime: 1n }),
      /NotDayAligned/,
    );
    await rejects(
      createRewardProgram(as(SERVICE), { setId, token, amount: 1n, days: 1, weights: [{ asset: "rETH", weight: 1n }] }),
      /AssetNotInSet/,
    );
    const allowance = await as(0).publicClient.readContract({
      address: token,
      abi: mockErc20Abi,
      functionName: "allowance",
      args: [fixture.accounts[SERVICE] as Address, fixture.deployment.contracts.rewards],
    });
    assert.equal(allowance, 0n);
  });

  it("funds a program, and the first root pays both equal stakers equally", async () => {
    const program = await createRewardProgram(as(SERVICE), { setId, token, amount: units("700"), days: 7 });
    assert.equal(program.programId, 1n);
    assert.notEqual(program.approvalHash, undefined);
    const result = await advance(await secondsPastNextMidnight(60));
    assert.equal(result.roots.length, 1, `expected one root, note: ${result.note}`);
    const roots = await listDistributionRoots(as(0));
    assert.equal(roots[0]?.status, "pending");
    const { result: distribution } = await computeDistribution(as(0), { calculatedUntil: roots[0]?.calculatedUntil });
    const alice = distribution.earnings.get(addr(fixture.accounts[ALICE] as Address))?.get(addr(token));
    const bob = distribution.earnings.get(addr(fixture.accounts[BOB] as Address))?.get(addr(token));
    const operator = distribution.earnings.get(addr(fixture.accounts[OPERATOR] as Address))?.get(addr(token));
    // Day 1: 100 tokens; default commission 10% → 10 to the operator, 45 to each staker (alice's first deposit
    // priced the pool; bob's shares are the same to the unit or one less).
    assert.equal(operator, units("10"));
    assert.ok(alice !== undefined && bob !== undefined);
    assert.ok(alice - bob <= 1n && alice + bob <= units("90"), `alice ${alice}, bob ${bob}`);
  });

  it("does not pay against a root before its activation", async () => {
    const roots = await listDistributionRoots(as(0));
    const root = roots[0];
    assert.ok(root && root.status === "pending");
    await rejects(claimRewards(as(ALICE)), /no distribution root is active yet/);
    await rejects(rawClaim(ALICE, 0, root.calculatedUntil), /RootNotActive/);
  });

  it("does not pay against a root a pauser disabled", async () => {
    await rejects(
      write(as(ALICE), { ...as(ALICE).rewards, functionName: "disableRoot", args: [0] }, "disabling"),
      /NotPauser/,
    );
    await write(as(PAUSER), { ...as(PAUSER).rewards, functionName: "disableRoot", args: [0] }, "disabling");
    await advance(ROOT_ACTIVATION_DELAY + 60);
    const roots = await listDistributionRoots(as(0));
    assert.equal(roots[0]?.status, "disabled");
    await rejects(rawClaim(ALICE, 0, roots[0]?.calculatedUntil ?? 0n), /RootDisabled/);
    await rejects(claimRewards(as(ALICE)), /no distribution root is active/);
  });

  it("claims the cumulative amount once, against the next root, and a second claim pays nothing", async () => {
    const result = await advance(Number(DAY));
    assert.equal(result.roots.length, 1);
    await advance(ROOT_ACTIVATION_DELAY);
    const before = await balanceOf(fixture.accounts[ALICE] as Address);
    const claimed = await claimRewards(as(ALICE));
    const paid = (await balanceOf(fixture.accounts[ALICE] as Address)) - before;
    assert.equal(claimed.claimed[0]?.amount, paid);
    assert.ok(paid > units("89") && paid <= units("90"), `two days of 45: ${paid}`);
    await rejects(claimRewards(as(ALICE)), /nothing to claim/);
    const roots = await listDistributionRoots(as(0));
    await rejects(rawClaim(ALICE, 1, roots[1]?.calculatedUntil ?? 0n), /NothingToClaim/);
    assert.equal((await balanceOf(fixture.accounts[ALICE] as Address)) - before, paid);
  });

  it("sends to another recipient and reports earnings by service", async () => {
    const carol = fixture.accounts[CAROL] as Address;
    const before = await balanceOf(carol);
    const claimed = await claimRewards(as(BOB), { recipient: carol });
    assert.equal((await balanceOf(carol)) - before, claimed.claimed[0]?.amount);
    const earnings = await getEarnings(as(0), fixture.accounts[BOB] as Address);
    const line = earnings.tokens.find((t) => t.token.toLowerCase() === token.toLowerCase());
    assert.equal(line?.claimed, claimed.claimed[0]?.amount);
    assert.equal(line?.claimable, 0n);
    assert.ok((line?.withToday ?? 0n) > (line?.earned ?? 0n), "today's estimate adds today's share");
  });

  it("rebuilds, from events alone, the pools and shares the chain holds after a slash, withdrawals and a redelegation", async () => {
    const operator = fixture.accounts[OPERATOR] as Address;
    const second = fixture.accounts[SECOND_OPERATOR] as Address;
    await registerOperator(as(SECOND_OPERATOR), { name: "Second Operator" });
    const w1 = await queueWithdrawal(as(ALICE), { operator, asset: "wstETH", size: { amount: units("3") } });
    const r1 = await queueRedelegation(as(BOB), {
      from: operator,
      to: second,
      asset: "wstETH",
      size: { amount: units("4") },
    });
    await slash(as(SERVICE), { setId, operator, assets: [{ asset: "wstETH", wad: WAD / 10n }], reason: "test" });
    await advance(WITHDRAWAL_DELAY + 60);
    await completeWithdrawal(as(ALICE), { id: w1.id });
    await completeWithdrawal(as(BOB), { id: r1.id });

    const { events } = await readRewardEvents(as(0));
    const ledger = new RewardsLedger();
    for (const event of events) ledger.apply(event);
    const wstETH = fixture.deployment.assets[0]?.address as Address;
    for (const op of [operator, second]) {
      const onChain = await as(0).publicClient.readContract({
        ...as(0).rampart,
        functionName: "getPool",
        args: [op, wstETH],
      });
      const rebuilt = ledger.pools.get(addr(op) + addr(wstETH));
      assert.ok(rebuilt, `pool of ${op}`);
      assert.equal(rebuilt.totalAssets, onChain.totalAssets, "total assets");
      assert.equal(rebuilt.totalShares, onChain.totalShares, "total shares");
      assert.equal(rebuilt.maxMagnitude, WAD - onChain.slashedMagnitude, "max magnitude");
      for (const staker of [ALICE, BOB]) {
        const who = fixture.accounts[staker] as Address;
        const shares = await as(0).publicClient.readContract({
          ...as(0).rampart,
          functionName: "sharesOf",
          args: [who, op, wstETH],
        });
        assert.equal(rebuilt.stakers.get(addr(who)) ?? 0n, shares, `shares of #${staker} with ${op}`);
      }
    }
    // The slashed pool's allocation as the calculator sees it is exactly what the core says the set can slash.
    const allocation = ledger.allocations.get(setId)?.get(addr(operator) + addr(wstETH));
    const slashable = await as(0).publicClient.readContract({
      ...as(0).rampart,
      functionName: "slashableAssets",
      args: [operator, wstETH, setId],
    });
    const pool = ledger.pools.get(addr(operator) + addr(wstETH));
    assert.ok(allocation && pool);
    assert.equal((pool.totalAssets * allocation.magnitude) / pool.maxMagnitude, slashable);
  });

  it("recomputes posted roots from events alone, and verify catches a tampered root", async () => {
    const ok = await verifyRoot(as(0), { treesDir });
    assert.equal(ok.matches, true);
    await advance(Number(DAY));
    const alice = fixture.accounts[ALICE] as Address;
    const tampered = await postDistributionRoot(as(UPDATER), {
      treesDir,
      tamper: (tree) => {
        const earnings = new Map<`0x${string}`, Map<`0x${string}`, bigint>>();
        for (const leaf of tree.leaves) {
          const extra = leaf.earner.toLowerCase() === alice.toLowerCase() ? units("1") : 0n;
          earnings.set(addr(leaf.earner), new Map([[addr(leaf.token), leaf.cumulativeAmount + extra]]));
        }
        const result = buildDistributionTree(earnings);
        assert.ok(result);
        return result;
      },
    });
    const verdict = await verifyRoot(as(0), { treesDir, rootIndex: tampered.rootIndex });
    assert.equal(verdict.matches, false);
    assert.equal(verdict.differences?.length, 1);
    assert.equal(verdict.differences?.[0]?.earner, alice);
    assert.equal((verdict.differences?.[0]?.posted ?? 0n) - (verdict.differences?.[0]?.expected ?? 0n), units("1"));
    // The claim path recomputes too, and refuses the bad root instead of using it; show claims nothing claimable.
    await advance(ROOT_ACTIVATION_DELAY);
    await rejects(claimRewards(as(ALICE)), /is not what the chain's events give/);
    const shown = await getEarnings(as(0), alice);
    assert.equal(shown.activeRootVerified, false);
    assert.ok(shown.tokens.every((t) => t.claimable === 0n));
    // With the published tree (taken on trust) the claim goes through, bounded by what was funded.
    const claimed = await claimRewards(as(ALICE), { treeFile: tampered.file });
    assert.ok((claimed.claimed[0]?.amount ?? 0n) > units("1"));
  });

  it("credits no more than funded, and the events read from the chain reproduce every posted root", async () => {
    const { events } = await readRewardEvents(as(0));
    const roots = await listDistributionRoots(as(0));
    const result = calculateRewards(events, roots.at(-1)?.calculatedUntil ?? 0n);
    let total = 0n;
    for (const tokens of result.earnings.values()) total += tokens.get(addr(token)) ?? 0n;
    assert.ok(total <= units("700"));
    for (const root of roots.slice(0, -1)) {
      const tree = buildDistributionTree(calculateRewards(events, root.calculatedUntil).earnings);
      assert.equal(tree?.root, root.root, `root ${root.index}`);
    }
  });

  it("CLI: shows, verifies and fails in one readable line", () => {
    const cli = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ["bin/rampart.mjs", ...args, "--rpc", fixture.rpcUrl, "--deployment", fixture.deploymentFile],
        {
          encoding: "utf8",
        },
      );
    const show = cli("rewards", "show", fixture.accounts[ALICE] as string);
    assert.equal(show.status, 0, show.stderr);
    assert.match(show.stdout, /Test DA\s+staker/);
    assert.match(show.stdout, /RWD/);
    const verify = cli("rewards", "verify");
    assert.equal(verify.status, 3, "a mismatching root exits 3");
    assert.match(verify.stdout, /DOES NOT MATCH/);
    const post = cli("rewards", "post", "--account", "5");
    assert.equal(post.status, 1);
    assert.equal(post.stderr.trim().split("\n").length, 1);
    assert.match(post.stderr, /is not the rewards updater/);
    const badDay = cli("rewards", "calculate", "--until", "yesterday");
    assert.equal(badDay.status, 1);
    assert.match(badDay.stderr, /not a valid --until day — give a UTC date/);
    const rolledOver = cli("rewards", "calculate", "--until", "2026-02-30");
    assert.equal(rolledOver.status, 1, "February 30th is refused, not read as March 2nd");
    const programs = cli("rewards", "programs", "--json");
    assert.equal(programs.status, 0, programs.stderr);
    assert.equal(JSON.parse(programs.stdout)[0].amount, units("700").toString());
  });
});
