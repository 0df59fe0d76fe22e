// Rampart gas: our side of `npm run bench:gas`, on its own fresh anvil, mirroring bench/symbiotic.ts step for step so
// the numbers compare like with like (same collateral contract, same other stakers, same kind of first writes).
//
// Accounts: #0 governance (owner, pauser, unpauser; deploys), #1 service, #3 operator, #4 alice, #5 bob, #6 carol (the
// measured staker), #7 and #8 the operators of the 1-staker and 10,000-staker pools.
import { type Address, parseEther } from "viem";
import { type Bench, type GasResults, loadArtifact } from "./lib/bench.ts";
import { OUT_DIR, SYMBIOTIC_OUT_DIR } from "./lib/foundry.ts";

export const RAMPART_OPERATIONS = [
  "deposit",
  "deposit_repeat",
  "allocate",
  "queueWithdrawal",
  "completeWithdrawal",
  "slash",
  "slash_1_staker",
  "slash_10000_stakers",
] as const;

const WAD = 10n ** 18n;
const DAY = 24n * 3600n;
const WITHDRAWAL_DELAY = 7n * DAY;
const STAKERS_IN_BIG_POOL = 10_000;
const STAKERS_PER_TX = 200;

export async function measureRampart(bench: Bench): Promise<GasResults> {
  const rampartArtifact = loadArtifact(OUT_DIR, "Rampart");
  const directoryArtifact = loadArtifact(OUT_DIR, "Directory");
  const bulkArtifact = loadArtifact(OUT_DIR, "BulkDepositor");
  // The same OpenZeppelin ERC-20 as Symbiotic's collateral, so token costs are identical on both sides.
  const token = loadArtifact(SYMBIOTIC_OUT_DIR, "Token");
  const [governance, service, operator, alice, bob, carol, smallOperator, bigOperator] = [0, 1, 3, 4, 5, 6, 7, 8].map(
    (i) => bench.account(i),
  ) as [Address, Address, Address, Address, Address, Address, Address, Address];

  bench.log("Rampart: deploying core, directory and collateral...");
  const rampart = await bench.deploy(
    rampartArtifact,
    [governance, governance, governance, WITHDRAWAL_DELAY],
    governance,
  );
  const directory = await bench.read<Address>(rampart, rampartArtifact.abi, "directory");
  const collateral = await bench.deploy(token, ["Token"], governance);
  const core = { to: rampart, abi: rampartArtifact.abi };
  const dir = { to: directory, abi: directoryArtifact.abi };
  const erc20 = { to: collateral, abi: token.abi };
  await bench.send({ ...core, from: governance, functionName: "listAsset", args: [collateral, 10n ** 30n] });
  for (const staker of [alice, bob, carol]) {
    await bench.send({ ...erc20, from: governance, functionName: "transfer", args: [staker, parseEther("10000")] });
  }

  bench.log("Rampart: onboarding operator and service...");
  for (const who of [operator, smallOperator, bigOperator]) {
    await bench.send({ ...dir, from: who, functionName: "registerOperator", args: ["ipfs://op", zero, 0] });
  }
  await bench.send({ ...dir, from: service, functionName: "registerService", args: ["ipfs://service", 1] });
  const policy = {
    vetoWindow: 0,
    deallocationDelay: 7 * 86400,
    maxSlashWad: WAD,
    vetoCommittee: zero,
    slashRecipient: zero,
  };
  await bench.send({ ...core, from: service, functionName: "createOperatorSet", args: [[collateral], policy, zero] });
  const setId = 1;
  for (const who of [operator, smallOperator, bigOperator]) {
    await bench.send({ ...core, from: who, functionName: "joinOperatorSet", args: [who, setId, "0x"] });
  }

  const deposit = async (staker: Address, amount: bigint, name?: string) => {
    await bench.send({ ...erc20, from: staker, functionName: "approve", args: [rampart, amount] });
    const call = { ...core, from: staker, functionName: "deposit", args: [operator, collateral, amount, staker, 0n] };
    if (name) await bench.measure(name, call);
    else await bench.send(call);
  };
  // Other stakers are already in the pool; carol's first deposit is measured, then a repeat one.
  await deposit(alice, parseEther("1000"));
  await deposit(bob, parseEther("2000"));
  await deposit(carol, parseEther("100"), "deposit");
  await deposit(carol, parseEther("100"), "deposit_repeat");

  // Symbiotic's allocation is two curator calls (network limit, operator shares); ours is one operator call.
  await bench.measure("allocate", {
    ...core,
    from: operator,
    functionName: "allocate",
    args: [operator, collateral, setId, WAD],
  });

  // alice queues first (as in Symbiotic's run), then carol's queue is measured.
  const queue = (staker: Address, amount: bigint) => ({
    ...core,
    from: staker,
    functionName: "queueWithdrawal",
    args: [operator, collateral, amount * 10n ** 6n, staker],
  });
  await bench.send(queue(alice, parseEther("100")));
  const queued = await bench.measure("queueWithdrawal", queue(carol, parseEther("50")));
  void queued;
  const carolWithdrawal = await lastQueuedWithdrawal(bench, rampart, rampartArtifact.abi, carol);

  // bob queues before the slash (a live pool has queued stake), then 10% of the allocation is slashed.
  await bench.send(queue(bob, parseEther("200")));
  const slashParams = (who: Address) => ({
    setId,
    operator: who,
    assets: [collateral],
    wads: [WAD / 10n],
    reason: "equivocation",
  });
  await bench.measure("slash", { ...core, from: service, functionName: "slash", args: [slashParams(operator)] });

  bench.advanceTime(WITHDRAWAL_DELAY);
  await bench.measure("completeWithdrawal", {
    ...core,
    from: carol,
    functionName: "completeWithdrawal",
    args: [carolWithdrawal],
  });

  bench.log(`Rampart: filling one pool with 1 staker and one with ${STAKERS_IN_BIG_POOL.toLocaleString("en-US")}...`);
  await bench.send({ ...erc20, from: governance, functionName: "approve", args: [rampart, parseEther("1")] });
  await bench.send({
    ...core,
    from: governance,
    functionName: "deposit",
    args: [smallOperator, collateral, parseEther("1"), alice, 0n],
  });
  const bulk = await bench.deploy(bulkArtifact, [], governance);
  await bench.send({ ...erc20, from: governance, functionName: "approve", args: [bulk, parseEther("100000")] });
  for (let first = 0; first < STAKERS_IN_BIG_POOL; first += STAKERS_PER_TX) {
    await bench.send({
      to: bulk,
      abi: bulkArtifact.abi,
      from: governance,
      functionName: "depositMany",
      args: [rampart, bigOperator, collateral, BigInt(0x1000000 + first), BigInt(STAKERS_PER_TX), parseEther("1")],
    });
    if ((first / STAKERS_PER_TX) % 10 === 9) bench.log(`  ${first + STAKERS_PER_TX} stakers in`);
  }
  const pool = await bench.read<{ totalShares: bigint }>(rampart, rampartArtifact.abi, "getPool", [
    bigOperator,
    collateral,
  ]);
  if (pool.totalShares !== BigInt(STAKERS_IN_BIG_POOL) * parseEther("1") * 10n ** 6n) {
    throw new Error(`big pool holds ${pool.totalShares} shares, expected ${STAKERS_IN_BIG_POOL} stakers' worth`);
  }
  for (const who of [smallOperator, bigOperator]) {
    await bench.send({ ...core, from: who, functionName: "allocate", args: [who, collateral, setId, WAD] });
  }
  await bench.measure("slash_1_staker", {
    ...core,
    from: service,
    functionName: "slash",
    args: [slashParams(smallOperator)],
  });
  await bench.measure("slash_10000_stakers", {
    ...core,
    from: service,
    functionName: "slash",
    args: [slashParams(bigOperator)],
  });
  return bench.results;
}

const zero: Address = "0x0000000000000000000000000000000000000000";

/** The struct of `staker`'s latest queued withdrawal, read back from the WithdrawalQueued event. */
async function lastQueuedWithdrawal(
  bench: Bench,
  rampart: Address,
  abi: Parameters<Bench["read"]>[1],
  staker: Address,
) {
  const logs = await bench.client.getContractEvents({
    address: rampart,
    abi,
    eventName: "WithdrawalQueued",
    args: { staker },
    fromBlock: 0n,
  });
  const last = logs.at(-1) as { args: { withdrawal?: unknown } } | undefined;
  if (!last?.args.withdrawal) throw new Error(`no WithdrawalQueued event for ${staker}`);
  return last.args.withdrawal;
}
