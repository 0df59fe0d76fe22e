// The SDK against a fresh anvil: every read and action, in the order a local network lives through them
// (register → create sets → join → deposit → allocate → slash → withdraw → redelegate → leave), plus the parsers and
// formatters, and the errors people meet (amount above balance, delays, node not running).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Address, createPublicClient, custom, parseUnits } from "viem";
import { foundry } from "viem/chains";
import {
  advanceTime,
  allocate,
  approveAndDeposit,
  completeWithdrawal,
  createOperatorSet,
  createRampartClient,
  executeSlash,
  formatAmount,
  formatDuration,
  formatPercent,
  getBalances,
  getNetworkStatus,
  getOperatorSet,
  getPositions,
  getSlashRequest,
  joinOperatorSet,
  leaveOperatorSet,
  listAssets,
  listOperators,
  listPools,
  listServices,
  listSlashes,
  listWithdrawals,
  metadataName,
  mintTestTokens,
  parseAmount,
  parseBps,
  parseDuration,
  parsePercent,
  queueRedelegation,
  queueWithdrawal,
  type RampartClient,
  RampartError,
  registerOperator,
  registerService,
  resolveOperator,
  setCommission,
  slash,
  vetoSlash,
  WAD,
} from "../src/sdk/index.ts";
import { DAY, type Fixture, startFixture, WITHDRAWAL_DELAY } from "./helpers/fixture.ts";

const units = (text: string) => parseUnits(text, 18);

/** Awaits `action`, which must throw a RampartError; returns it. */
async function rejects(action: Promise<unknown>, match?: RegExp): Promise<RampartError> {
  try {
    await action;
  } catch (error) {
    assert.ok(error instanceof RampartError, `expected a RampartError, got ${String(error)}`);
    if (match) assert.match(error.oneLine(), match);
    return error;
  }
  assert.fail("expected a RampartError, but it succeeded");
}

describe("format and parse", () => {
  it("formats amounts with separators and at most 4 decimals, dust with significant digits", () => {
    assert.equal(formatAmount(units("1234.56789"), 18, "wstETH"), "1,234.5678 wstETH");
    assert.equal(formatAmount(units("1000000"), 18), "1,000,000");
    assert.equal(formatAmount(units("0.0000012345"), 18), "0.000001234");
    assert.equal(formatAmount(0n, 18, "ETH"), "0 ETH");
    assert.equal(formatAmount(-units("1.5"), 18), "-1.5");
    assert.equal(formatAmount(1234n, 0), "1,234");
    assert.equal(formatAmount(units("2.5"), 18, undefined, { precision: 0 }), "2");
  });

  it("formats percentages from WAD and bps, and durations", () => {
    assert.equal(formatPercent(units("0.25")), "25%");
    assert.equal(formatPercent(units("0.123456")), "12.35%");
    assert.equal(formatPercent(1000, "bps"), "10%");
    assert.equal(formatPercent(1n), "<0.01%");
    assert.equal(formatDuration(7 * DAY - 60), "6d 23h");
    assert.equal(formatDuration(90), "1m 30s");
    assert.equal(formatDuration(DAY), "1d");
    assert.equal(formatDuration(0), "0s");
  });

  it("parses amounts, durations, percentages and commissions, with clear errors", () => {
    assert.equal(parseAmount("1.5", 18), units("1.5"));
    assert.equal(parseAmount("1,000", 6), 1_000_000_000n);
    assert.equal(parseAmount(".5", 1), 5n);
    assert.throws(() => parseAmount("1.2.3", 18), /not a valid amount/);
    assert.throws(() => parseAmount("-1", 18), RampartError);
    assert.throws(() => parseAmount("1.123", 2), /more decimals/);
    assert.equal(parseDuration("7d"), 7 * DAY);
    assert.equal(parseDuration("12h"), 12 * 3600);
    assert.equal(parseDuration("90m"), 5400);
    assert.equal(parseDuration("30s"), 30);
    assert.equal(parseDuration("1d 12h"), 1.5 * DAY);
    assert.throws(() => parseDuration("soon"), /not a duration/);
    assert.equal(parsePercent("25%"), units("0.25"));
    assert.equal(parsePercent("0.25"), units("0.25"));
    assert.equal(parsePercent("12.5%"), units("0.125"));
    assert.throws(() => parsePercent("25"), /ambiguous/);
    assert.throws(() => parsePercent("120%"), /above 100%/);
    assert.equal(parseBps("5%"), 500);
    assert.equal(parseBps("250bps"), 250);
    assert.equal(parseBps("750"), 750);
    assert.throws(() => parseBps("101%"), RampartError);
  });

  it("reads names from inline metadata only", () => {
    assert.equal(metadataName('data:application/json,{"name":"Alpha"}'), "Alpha");
    assert.equal(
      metadataName(`data:application/json;base64,${Buffer.from('{"name":"Beta"}').toString("base64")}`),
      "Beta",
    );
    assert.equal(metadataName("https://example.test/op.json"), undefined);
  });
});

describe("SDK on anvil", { timeout: 60_000 }, () => {
  let fx: Fixture;
  let opA: Address;
  let opB: Address;
  let daService: Address;
  let bridgeService: Address;
  let committee: Address;
  let alice: Address;
  let treasury: Address;
  let as: (index: number) => RampartClient;
  let reader: RampartClient;
  let daSet: number;
  let bridgeSet: number;

  before(async () => {
    fx = await startFixture();
    as = (index) => fx.client(index);
    reader = fx.client();
    const account = (index: number): Address => {
      const address = fx.accounts[index];
      if (!address) throw new Error(`anvil has no dev account #${index}`);
      return address;
    };
    [opA, opB, daService, bridgeService, committee, alice, treasury] = [3, 4, 5, 6, 7, 8, 10].map(account) as [
      Address,
      Address,
      Address,
      Address,
      Address,
      Address,
      Address,
    ];
  });
  after(async () => {
    await fx?.stop();
  });

  it("getNetworkStatus and listAssets on a fresh deployment", async () => {
    const status = await getNetworkStatus(reader);
    assert.equal(status.chainId, 31337);
    assert.equal(status.withdrawalDelay, WITHDRAWAL_DELAY);
    assert.equal(status.paused, "none");
    assert.deepEqual(status.counts, {
      operators: 0,
      services: 0,
      operatorSets: 0,
      stakers: 0,
      withdrawalsQueued: 0n,
      slashes: 0n,
    });
    assert.equal(status.totalValueLockedEth, 0n);
    const assets = await listAssets(reader);
    assert.deepEqual(
      assets.map((a) => [a.symbol, a.listed, a.totalDeposited]),
      [
        ["wstETH", true, 0n],
        ["rETH", true, 0n],
        ["WETH", true, 0n],
      ],
    );
    const wsteth = assets[0];
    assert.ok(wsteth?.ethRate && wsteth.ethRate >= units("1.2"), "LST stand-in rate read from exchangeRate()");
    assert.equal(assets[2]?.ethRate, WAD);
  });

  it("registers operators and services; lists and resolves them", async () => {
    await registerOperator(as(3), { name: "Alpha Staking" });
    await registerOperator(as(4), { name: "Beacon Ops", allocationDelay: DAY });
    await registerService(as(5), { category: "da", name: "Lightning DA" });
    await registerService(as(6), { category: "bridge", metadataURI: "https://example.test/bridge.json" });
    const operators = await listOperators(reader);
    assert.deepEqual(
      operators.map((op) => [op.index, op.address, op.name, op.allocationDelay]),
      [
        [1, opA, "Alpha Staking", 0],
        [2, opB, "Beacon Ops", DAY],
      ],
    );
    assert.equal((await resolveOperator(reader, "alpha staking")).address, opA);
    assert.equal((await resolveOperator(reader, "#2")).address, opB);
    assert.equal((await resolveOperator(reader, opB.toLowerCase())).address, opB);
    await rejects(resolveOperator(reader, "Nobody"), /no operator is named/);
    await rejects(resolveOperator(reader, "0x1234"), /not a valid operator address/);
    await rejects(registerOperator(as(3), {}), /OperatorAlreadyRegistered/);
  });

  it("creates operator sets and lists their policies", async () => {
    ({ setId: daSet } = await createOperatorSet(as(5), {
      assets: ["wstETH", "rETH", "WETH"],
      maxSlashWad: parsePercent("50%"),
      deallocationDelay: DAY,
    }));
    ({ setId: bridgeSet } = await createOperatorSet(as(6), {
      assets: ["wstETH"],
      maxSlashWad: parsePercent("50%"),
      deallocationDelay: 2 * DAY,
      vetoWindow: DAY,
      vetoCommittee: committee,
      slashRecipient: treasury,
    }));
    assert.deepEqual([daSet, bridgeSet], [1, 2]);
    await rejects(createOperatorSet(as(5), { assets: ["DOGE"], maxSlashWad: WAD }), /unknown asset "DOGE"/);
    const services = await listServices(reader);
    assert.equal(services.length, 2);
    const [da, bridge] = services;
    assert.equal(da?.name, "Lightning DA");
    assert.equal(da?.categoryName, "data availability");
    assert.equal(bridge?.categoryName, "bridge");
    assert.equal(da?.sets[0]?.policy.instant, true);
    assert.equal(da?.sets[0]?.policy.burns, true);
    assert.deepEqual(
      da?.sets[0]?.assets.map((a) => a.symbol),
      ["wstETH", "rETH", "WETH"],
    );
    const bridgeSetSummary = bridge?.sets[0];
    assert.equal(bridgeSetSummary?.policy.instant, false);
    assert.equal(bridgeSetSummary?.policy.vetoWindow, DAY);
    assert.equal(bridgeSetSummary?.policy.slashRecipient, treasury);
    assert.equal(bridgeSetSummary?.policy.effectiveDeallocationDelay, 2 * DAY);
  });

  it("joins sets and sets commissions", async () => {
    await joinOperatorSet(as(3), { setId: daSet });
    await joinOperatorSet(as(3), { setId: bridgeSet });
    await joinOperatorSet(as(4), { setId: daSet });
    await rejects(joinOperatorSet(as(4), { setId: daSet }), /AlreadyMember/);
    const lower = await setCommission(as(3), { service: daService, bps: 500 });
    const higher = await setCommission(as(3), { service: bridgeService, bps: 1500 });
    const block = await reader.publicClient.getBlock();
    assert.ok(BigInt(lower.effectAt) <= block.timestamp, "a decrease applies at once");
    assert.ok(BigInt(higher.effectAt) >= block.timestamp + BigInt(WITHDRAWAL_DELAY) - 5n, "an increase waits");
    const [a, b] = await listOperators(reader);
    assert.deepEqual(a?.sets, [daSet, bridgeSet]);
    assert.deepEqual(b?.sets, [daSet]);
    assert.deepEqual(
      a?.commissions.map((c) => [c.service, c.bps, c.pending?.bps]),
      [
        [daService, 500, undefined],
        [bridgeService, 1000, 1500],
      ],
    );
    const set = await getOperatorSet(reader, daSet);
    assert.deepEqual(
      set.members.map((m) => m.operatorName),
      ["Alpha Staking", "Beacon Ops"],
    );
  });

  it("mints test tokens and deposits (approve only when needed; amount above balance is refused)", async () => {
    const alice8 = as(8);
    await mintTestTokens(alice8, { asset: "wstETH", amount: units("100") });
    await mintTestTokens(alice8, { asset: "WETH", amount: units("5") });
    const balances = await getBalances(reader, alice);
    assert.deepEqual(
      balances.tokens.map((t) => [t.symbol, t.balance]),
      [
        ["wstETH", units("100")],
        ["rETH", 0n],
        ["WETH", units("5")],
      ],
    );
    const tooMuch = await rejects(
      approveAndDeposit(alice8, { operator: opA, asset: "wstETH", amount: units("101") }),
      /amount above balance/,
    );
    assert.match(tooMuch.hint ?? "", /rampart mint wstETH/);
    await rejects(approveAndDeposit(alice8, { operator: opA, asset: "DOGE", amount: 1n }), /unknown asset/);

    const first = await approveAndDeposit(alice8, { operator: opA, asset: "wstETH", amount: units("60") });
    assert.ok(first.approvalHash, "approved first");
    assert.equal(first.shares, units("60") * 1_000_000n, "virtual offset: 1e6 shares per asset in an empty pool");
    await approveAndDeposit(alice8, { operator: opB, asset: "wstETH", amount: units("40") });
    await approveAndDeposit(alice8, { operator: opA, asset: "WETH", amount: units("5") });
    // A fresh approval exactly covering a new deposit; an allowance left over would skip it.
    const positions = await getPositions(reader, alice);
    assert.deepEqual(
      positions.map((p) => [p.operatorName, p.symbol, p.value, p.deposited, p.loss]),
      [
        ["Alpha Staking", "wstETH", units("60"), units("60"), 0n],
        ["Beacon Ops", "wstETH", units("40"), units("40"), 0n],
        ["Alpha Staking", "WETH", units("5"), units("5"), 0n],
      ],
    );
    const status = await getNetworkStatus(reader);
    assert.equal(status.counts.stakers, 1);
    assert.equal(status.assets[0]?.totalDeposited, units("100"));
    assert.ok(status.totalValueLockedEth >= units("125"), "100 wstETH at ≥1.2 ETH + 5 WETH");
  });

  it("allocates (at once with a 0 delay, pending with a 1-day delay) and lists pools", async () => {
    const a = await allocate(as(3), { asset: "wstETH", setId: daSet, fractionWad: parsePercent("40%") });
    assert.equal(a.magnitude, units("0.4"));
    assert.equal(a.effectAt, 0);
    await allocate(as(3), { asset: "wstETH", setId: bridgeSet, fractionWad: parsePercent("30%") });
    await allocate(as(3), { asset: "WETH", setId: daSet, fractionWad: parsePercent("100%") });
    const b = await allocate(as(4), { asset: "wstETH", setId: daSet, fractionWad: parsePercent("50%") });
    assert.equal(b.magnitude, 0n);
    assert.equal(b.pendingMagnitude, units("0.5"));
    assert.ok(b.effectAt > 0);
    await rejects(
      allocate(as(4), { asset: "wstETH", setId: daSet, fractionWad: parsePercent("60%") }),
      /AllocationChangePending.*wait for it/,
    );
    const pools = await listPools(reader);
    assert.deepEqual(
      pools.map((p) => [p.operatorName, p.symbol, p.totalAssets, p.encumberedWad]),
      [
        ["Alpha Staking", "wstETH", units("60"), units("0.7")],
        ["Alpha Staking", "WETH", units("5"), WAD],
        ["Beacon Ops", "wstETH", units("40"), units("0.5")],
      ],
    );
    const poolA = pools[0];
    assert.deepEqual(
      poolA?.allocations.map((x) => [x.setId, x.fractionWad, x.slashableAssets]),
      [
        [daSet, units("0.4"), units("24")],
        [bridgeSet, units("0.3"), units("18")],
      ],
    );
    assert.deepEqual(
      pools[2]?.allocations.map((x) => [x.setId, x.fractionWad, x.pendingFractionWad, x.slashableAssets]),
      [[daSet, 0n, units("0.5"), 0n]],
    );
    const [positionA] = await getPositions(reader, alice);
    assert.deepEqual(
      positionA?.exposures.map((e) => [e.setId, e.yourSlashable]),
      [
        [daSet, units("24")],
        [bridgeSet, units("18")],
      ],
    );
  });

  it("slashes instantly: every share of the pool pays, the position shows the loss", async () => {
    const result = await slash(as(5), {
      setId: daSet,
      operator: opA,
      assets: [{ asset: "wstETH", wad: parsePercent("25%") }],
      reason: "equivocation",
    });
    assert.equal(result.executed, true);
    // s = 0.4e18 × 0.25 = 0.1e18; x = 60 × 0.1 = 6 wstETH
    assert.deepEqual(
      result.slashed.map((s) => [s.magnitudeSlashed, s.assetsSlashed]),
      [[units("0.1"), units("6")]],
    );
    const request = await getSlashRequest(reader, result.slashId);
    assert.equal(request.status, "executed");
    assert.equal(request.vetoable, false);
    assert.equal(request.reason, "equivocation");
    assert.equal(request.assets[0]?.assetsSlashed, units("6"));
    const [positionA] = await getPositions(reader, alice);
    assert.equal(positionA?.deposited, units("60"));
    assert.ok(positionA && positionA.loss >= units("6") && positionA.loss <= units("6") + 1n);
    await rejects(
      slash(as(5), { setId: daSet, operator: opA, assets: [{ asset: "wstETH", wad: parsePercent("60%") }] }),
      /SlashWadOutOfBounds/,
    );
    await rejects(
      slash(as(6), { setId: daSet, operator: opA, assets: [{ asset: "wstETH", wad: parsePercent("10%") }] }),
      /NotSetService/,
    );
  });

  it("veto path: pending request, too early to execute, vetoed; another one executes after the window", async () => {
    const requested = await slash(as(6), {
      setId: bridgeSet,
      operator: opA,
      assets: [{ asset: "wstETH", wad: parsePercent("20%") }],
      reason: "fraudulent root",
    });
    assert.equal(requested.executed, false);
    const pending = await getSlashRequest(reader, requested.slashId);
    assert.equal(pending.status, "pending");
    assert.equal(pending.executable, false);
    assert.ok(pending.executableIn > DAY - 10);
    const early = await rejects(executeSlash(as(9), { slashId: requested.slashId }), /VetoWindowOpen/);
    assert.match(early.hint ?? "", /when its veto window closes/);
    await rejects(vetoSlash(as(9), { slashId: requested.slashId }), /NotVetoCommittee/);
    await vetoSlash(as(7), { slashId: requested.slashId });
    assert.equal((await getSlashRequest(reader, requested.slashId)).status, "vetoed");

    const second = await slash(as(6), {
      setId: bridgeSet,
      operator: opA,
      assets: [{ asset: "wstETH", wad: parsePercent("20%") }],
    });
    await advanceTime(reader, DAY);
    assert.equal((await getSlashRequest(reader, second.slashId)).executable, true);
    const executed = await executeSlash(as(9), { slashId: second.slashId });
    assert.equal(executed.slashed[0]?.recipient, treasury);
    assert.ok((executed.slashed[0]?.assetsSlashed ?? 0n) > 0n);
    assert.deepEqual(
      (await listSlashes(reader)).map((s) => s.status),
      ["executed", "vetoed", "executed"],
    );
    await rejects(getSlashRequest(reader, 99n), /does not exist/);
  });

  it("withdraws by amount and all; too early is refused with the time; completes after the delay", async () => {
    const alice8 = as(8);
    await rejects(
      queueWithdrawal(alice8, { operator: opA, asset: "wstETH", size: { amount: units("1000") } }),
      /amount above your position/,
    );
    await rejects(queueWithdrawal(alice8, { operator: opA, asset: "rETH", size: "all" }), /holds no rETH shares/);
    const partial = await queueWithdrawal(alice8, { operator: opA, asset: "wstETH", size: { amount: units("10") } });
    assert.ok(partial.valueNow >= units("10") && partial.valueNow <= units("10") + 1n);
    const all = await queueWithdrawal(alice8, { operator: opB, asset: "wstETH", size: "all", receiver: treasury });
    assert.equal(all.valueNow, units("40"));
    let list = await listWithdrawals(reader, alice);
    assert.deepEqual(
      list.map((w) => [w.id, w.status, w.kind]),
      [
        [partial.id, "waiting", "withdrawal"],
        [all.id, "waiting", "withdrawal"],
      ],
    );
    assert.ok((list[0]?.readyIn ?? 0) > WITHDRAWAL_DELAY - 60);
    const early = await rejects(completeWithdrawal(alice8, { id: partial.id }), /WithdrawalNotReady/);
    assert.match(early.hint ?? "", /wait until then/);
    await rejects(completeWithdrawal(alice8, { id: 99n }), /never queued/);

    await advanceTime(reader, WITHDRAWAL_DELAY);
    list = await listWithdrawals(reader, alice);
    assert.deepEqual(
      list.map((w) => w.status),
      ["ready", "ready"],
    );
    const before = (await getBalances(reader, alice)).tokens[0]?.balance ?? 0n;
    const done = await completeWithdrawal(as(9), { id: partial.id }); // anyone may complete
    assert.ok(done.assets >= units("10") && done.assets <= units("10") + 1n);
    assert.equal((await getBalances(reader, alice)).tokens[0]?.balance, before + done.assets);
    await completeWithdrawal(alice8, { id: all.id });
    list = await listWithdrawals(reader, alice);
    assert.deepEqual(
      list.map((w) => [w.status, w.value]),
      [
        ["completed", done.assets],
        ["completed", units("40")],
      ],
    );
    assert.equal((await listWithdrawals(reader, alice, { pendingOnly: true })).length, 0);
    await rejects(completeWithdrawal(alice8, { id: partial.id }), /UnknownWithdrawal/);
  });

  it("redelegates: a queued move that lands in the new pool", async () => {
    const alice8 = as(8);
    await rejects(queueRedelegation(alice8, { from: opA, to: opA, asset: "WETH", size: "all" }), /SameOperator/);
    const queued = await queueRedelegation(alice8, { from: opA, to: opB, asset: "WETH", size: "all" });
    const [pending] = await listWithdrawals(reader, alice, { pendingOnly: true });
    assert.equal(pending?.kind, "redelegation");
    assert.equal(pending?.redelegateToName, "Beacon Ops");
    await advanceTime(reader, WITHDRAWAL_DELAY);
    const done = await completeWithdrawal(alice8, { id: queued.id });
    assert.equal(done.redelegated, true);
    assert.equal(done.assets, units("5"));
    const positions = await getPositions(reader, alice);
    const moved = positions.find((p) => p.symbol === "WETH");
    assert.deepEqual([moved?.operator, moved?.value, moved?.deposited], [opB, units("5"), units("5")]);
    assert.equal(
      positions.some((p) => p.symbol === "WETH" && p.operator === opA),
      false,
      "the old position is empty",
    );
  });

  it("leaves a set: refused while allocated, then settles the finished deallocation itself", async () => {
    await rejects(leaveOperatorSet(as(3), { setId: daSet }), /still allocated.*allocate 0% first/);
    await allocate(as(3), { asset: "wstETH", setId: daSet, fractionWad: 0n });
    await allocate(as(3), { asset: "WETH", setId: daSet, fractionWad: 0n });
    await rejects(leaveOperatorSet(as(3), { setId: daSet }), /still allocated.*until.*wait until the deallocation/);
    await advanceTime(reader, DAY);
    const left = await leaveOperatorSet(as(3), { setId: daSet });
    assert.equal(left.settled.length, 2);
    assert.deepEqual((await listOperators(reader))[0]?.sets, [bridgeSet]);
  });

  it("time advance refuses a node that is not a dev chain; a missing node is named as such", async () => {
    const fake = createPublicClient({
      chain: foundry,
      transport: custom({
        request: async ({ method }: { method: string }) => {
          if (method === "web3_clientVersion") return "Geth/v1.14.0";
          throw new Error(`unexpected ${method}`);
        },
      }),
    });
    const client = { ...reader, publicClient: fake } as unknown as RampartClient;
    await rejects(advanceTime(client, 60), /not a local dev chain/);

    const offline = createRampartClient({ rpcUrl: "http://127.0.0.1:1", deployment: fx.deployment });
    const error = await rejects(getNetworkStatus(offline), /cannot reach the RPC endpoint/);
    assert.match(error.hint ?? "", /npm start/);
    await rejects(approveAndDeposit(reader, { operator: opA, asset: "wstETH", amount: 1n }), /no account was given/);
  });
});
