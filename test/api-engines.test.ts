// The API's engine routes (/risk/..., /rewards/...) against a real anvil and the real indexer: the lifecycle of the
// API test plus a funded reward program and posted roots, indexed with syncOnce(); then every route compared with the
// same engine run on the SDK's chain reads (snapshotFromChain, getEarnings), a proof from /rewards/proofs claimed on
// chain, a tampered root refused with 409, and the 400/404 cases.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { type Address, parseUnits } from "viem";
import { ENGINE_OPENAPI_PATHS, ENGINE_ROUTES } from "../src/api/engines.ts";
import { loadEthRates } from "../src/api/rates.ts";
import { createApiServer, ROUTES } from "../src/api/server.ts";
import { snapshotFromDb } from "../src/api/snapshot-from-db.ts";
import { type Db, openDatabase } from "../src/indexer/db.ts";
import { createIndexer } from "../src/indexer/indexer.ts";
import { advanceTimeWithRoots, getEarnings } from "../src/rewards/distribution.ts";
import { readRewardEvents } from "../src/rewards/events.ts";
import { rewardEventsFromDb } from "../src/rewards/events-from-db.ts";
import { DAY } from "../src/rewards/model.ts";
import {
  analyzeCascade,
  analyzeHoldings,
  analyzeSecurity,
  buildInvestorModel,
  cascadeReportToJson,
  holdingsOf,
  PLAN_DEFAULTS,
  parseSnapshot,
  planPositions,
  securityReportToJson,
  serviceDossier,
  snapshotFromChain,
  toSecurityNetwork,
  valueEth,
} from "../src/risk/index.ts";
import { mockErc20Abi } from "../src/sdk/abis.ts";
import { createRewardProgram, listDistributionRoots, type RampartClient, write } from "../src/sdk/index.ts";
import { type Fixture, ROOT_ACTIVATION_DELAY, startFixture } from "./helpers/fixture.ts";
import { LIFECYCLE, runLifecycle } from "./helpers/lifecycle.ts";

const { operators: OPERATORS, service: SERVICE, stakers: STAKERS } = LIFECYCLE;
const units = (text: string) => parseUnits(text, 18);
const NOBODY = "0x000000000000000000000000000000000000beef";

// biome-ignore lint/suspicious/noExplicitAny: JSON responses are checked field by field
type Any = any;

/** A JSON copy with every address lowercase, as the API answers. */
const lowerAddresses = (value: unknown): Any =>
  JSON.parse(
    JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)),
    (_k, v) => (typeof v === "string" && /^0x[0-9a-fA-F]{40}$/.test(v) ? v.toLowerCase() : v),
  );

/** Every string in a JSON value that is a decimal amount, and no float where money is expected. */
function assertNoMoneyFloats(value: unknown, where: string, money: RegExp): void {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) assertNoMoneyFloats(v, `${where}[${i}]`, money);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (money.test(k) && v !== null && typeof v !== "object") {
        assert.equal(typeof v, "string", `${where}.${k} is money and must be a decimal string, got ${String(v)}`);
        assert.match(v as string, /^-?\d+$/, `${where}.${k}`);
      }
      assertNoMoneyFloats(v, `${where}.${k}`, money);
    }
  }
}

describe("API engine routes on a real chain and indexer", () => {
  let fixture: Fixture;
  let as: (index: number) => RampartClient;
  let db: Db;
  let api: { url: string; close(): Promise<void> };
  let indexer: ReturnType<typeof createIndexer>;
  let token: Address;
  let setId: number;
  const lower = (a: string) => a.toLowerCase();
  const account = (i: number) => fixture.accounts[i] as Address;

  async function get(p: string): Promise<{ status: number; body: Any }> {
    const res = await fetch(`${api.url}${p}`);
    return { status: res.status, body: await res.json() };
  }

  async function secondsPastNextMidnight(extra: number): Promise<number> {
    const now = (await as(0).publicClient.getBlock({ blockTag: "latest" })).timestamp;
    return Number(DAY - (now % DAY)) + extra;
  }

  before(async () => {
    fixture = await startFixture();
    as = (index) => fixture.client(index);
    ({ setId } = await runLifecycle(fixture, "Engines DA"));
    token = fixture.deployment.rewardTokens[0]?.address as Address;
    await write(
      as(SERVICE),
      { address: token, abi: mockErc20Abi, functionName: "mint", args: [account(SERVICE), units("1000")] },
      "minting",
    );
    await createRewardProgram(as(SERVICE), { setId, token, amount: units("700"), days: 7 });
    const treesDir = path.join(fixture.dir, "rewards");
    // Root 0 at the next midnight, root 1 a day later; both active once the activation delay has passed.
    await advanceTimeWithRoots(as(0), await secondsPastNextMidnight(60), { updater: as(0), treesDir });
    await advanceTimeWithRoots(as(0), Number(DAY), { updater: as(0), treesDir });
    await advanceTimeWithRoots(as(0), ROOT_ACTIVATION_DELAY + 60, { updater: as(0), treesDir });
    db = await openDatabase();
    indexer = createIndexer({ client: as(0), db, batchBlocks: 500 });
    await indexer.syncOnce();
    // No client: the risk snapshot prices the stand-in LSTs with the server's rates (the route tests compare with
    // the chain's snapshot, which reads the same rates).
    api = await createApiServer({
      db,
      deployment: fixture.deployment,
      port: 0,
      rates: await loadEthRates(fixture.deployment, as(0)),
    });
  });

  after(async () => {
    await api?.close();
    await db?.close();
    await fixture?.stop();
  });

  it("reads the calculator's events from the database exactly as from the chain", async () => {
    const chain = await readRewardEvents(as(0));
    const indexed = await rewardEventsFromDb(db);
    assert.equal(indexed.toBlock, chain.toBlock);
    assert.equal(indexed.toTime, chain.toTime);
    assert.deepEqual(indexed.events, chain.events);
    assert.ok(indexed.events.some((e) => e.type === "RewardProgramCreated"));
  });

  it("builds the snapshot snapshotFromChain builds, from the database", async () => {
    const chain = await snapshotFromChain(as(0));
    const rates = await loadEthRates(fixture.deployment, as(0));
    const fromDb = await snapshotFromDb(db, fixture.deployment, { rates });
    const strip = (s: Any) => ({
      ...s,
      notes: undefined,
      assets: s.assets.map((a: Any) => ({ ...a, rateHistory: undefined, aprBps: undefined })),
    });
    assert.deepEqual(strip(fromDb.snapshot), strip(chain.snapshot));
    // With the stand-ins' own parameters, the history and declared APR match too.
    const { standInsFromChain } = await import("../src/api/snapshot-from-db.ts");
    const exact = await snapshotFromDb(db, fixture.deployment, { standIns: standInsFromChain(as(0).publicClient) });
    const points = (s: Any) => s.assets.map((a: Any) => [a.aprBps, a.rateHistory?.[0], a.rateHistory?.at(-1)]);
    assert.deepEqual(points(exact.snapshot), points(chain.snapshot));
    assert.deepEqual(
      { ...exact.snapshot, notes: undefined },
      { ...chain.snapshot, notes: undefined, assets: exact.snapshot.assets },
    );
  });

  it("/risk/security agrees with the engine on snapshotFromChain", async () => {
    const { snapshot } = await snapshotFromChain(as(0), { stakers: [] });
    const network = toSecurityNetwork(parseSnapshot(snapshot));
    const expected = securityReportToJson(await analyzeSecurity(network, { timeLimitSeconds: 10 }), network) as Any;
    const { status, body } = await get("/risk/security");
    assert.equal(status, 200, JSON.stringify(body));
    for (const key of ["verdict", "secure", "worstAttack", "gammaStar", "gammaCertified", "cheapCheck", "services"]) {
      assert.deepEqual(body[key], lowerAddresses(expected[key]), key);
    }
    assert.equal(body.asOf.block, Number(await as(0).publicClient.getBlockNumber()));
    // Cached at this block: the same report, to the millisecond figures of its stats.
    const again = await get("/risk/security");
    assert.deepEqual(again.body.stats, body.stats);
  });

  it("/risk/cascade agrees with the engine, and refuses a missing or out-of-range shock", async () => {
    const { snapshot } = await snapshotFromChain(as(0), { stakers: [] });
    const network = toSecurityNetwork(parseSnapshot(snapshot));
    const expected = cascadeReportToJson(await analyzeCascade(network, 0.1), network) as Any;
    const { status, body } = await get("/risk/cascade?shock=0.1");
    assert.equal(status, 200, JSON.stringify(body));
    assert.deepEqual(body.lossFraction, expected.lossFraction);
    assert.deepEqual(body.rounds, lowerAddresses(expected.rounds));
    for (const bad of ["", "?shock=", "?shock=2", "?shock=-0.1", "?shock=abc", "?shock=0.1&timeLimit=0"]) {
      const r = await get(`/risk/cascade${bad}`);
      assert.equal(r.status, 400, bad);
      assert.match(r.body.error, /shock|timeLimit/);
      assert.ok(r.body.hint);
    }
  });

  it("/risk/security refuses a bad time limit", async () => {
    for (const bad of ["abc", "0", "-1", "61", "1e3"]) {
      const r = await get(`/risk/security?timeLimit=${bad}`);
      assert.equal(r.status, 400, bad);
      assert.match(r.body.error, /timeLimit/);
    }
  });

  it("/risk/position gives each staker's exposure and APR as the engine on the chain's snapshot", async () => {
    const model = buildInvestorModel(parseSnapshot((await snapshotFromChain(as(0))).snapshot));
    for (const i of STAKERS) {
      const staker = account(i);
      const expected = analyzeHoldings(model, holdingsOf(model, staker), { staker });
      const { status, body } = await get(`/risk/position/${staker}`);
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body.staker, lower(staker));
      assert.equal(body.valueEth, expected.valueEth.toString());
      assert.deepEqual(
        body.positions.map((p: Any) => [p.operator, p.asset, p.amount, p.valueEth]),
        expected.positions.map((p) => [lower(p.operator), p.asset, p.amount.toString(), p.valueEth.toString()]),
      );
      assert.deepEqual(
        body.exposure.byService.map((e: Any) => [e.service, e.allocatedEth, e.atCapEth]),
        expected.exposure.byService.map((e) => [e.service, e.allocatedEth.toString(), e.atCapEth.toString()]),
      );
      // The base APR comes from a two-point rate history here (the server's rates): equal to a few parts per million.
      for (const key of ["base", "rewards", "total", "net"] as const) {
        assert.ok(
          Math.abs(body.apr[key] - expected.apr[key]) < 1e-5,
          `${key}: ${body.apr[key]} vs ${expected.apr[key]}`,
        );
      }
      assertNoMoneyFloats(body, "position", /Eth$|^amount$/);
    }
    const empty = await get(`/risk/position/${NOBODY}`);
    assert.equal(empty.status, 200);
    assert.deepEqual(empty.body.positions, []);
    const bad = await get("/risk/position/0x12");
    assert.equal(bad.status, 400);
    assert.match(bad.body.error, /not an address/);
  });

  it("/risk/dossiers lists every service and asset; one dossier by id; 404 for an unknown one", async () => {
    const model = buildInvestorModel(parseSnapshot((await snapshotFromChain(as(0), { stakers: [] })).snapshot));
    const list = await get("/risk/dossiers");
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.services.map((s: Any) => s.id),
      model.services.map((s) => s.id),
    );
    assert.deepEqual(
      list.body.assets.map((a: Any) => a.id),
      ["wstETH", "rETH", "WETH"],
    );
    const expected = serviceDossier(model, 0);
    for (const ref of [`set-${setId}`, String(setId), lower(account(SERVICE))]) {
      const one = await get(`/risk/dossiers/${ref}`);
      assert.equal(one.status, 200, ref);
      assert.equal(one.body.id, `set-${setId}`);
      assert.equal(one.body.score, expected.score);
      assert.deepEqual(
        one.body.factors.map((f: Any) => f.name),
        expected.factors.map((f) => f.name),
      );
    }
    const asset = await get("/risk/dossiers/wstETH");
    assert.equal(asset.status, 200);
    assert.equal(asset.body.kind, "asset");
    const missing = await get("/risk/dossiers/set-999");
    assert.equal(missing.status, 404);
    assert.match(missing.body.error, /no service or asset "set-999"/);
  });

  it("/risk/compare runs a bounded, seeded Monte Carlo per asset held, and refuses bad parameters", async () => {
    const staker = account(STAKERS[1] as number);
    const q = "?horizonDays=90&paths=2000&seed=t";
    const { status, body } = await get(`/risk/compare/${staker}${q}`);
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.paths, 2000);
    assert.ok(body.comparisons.length >= 1);
    for (const c of body.comparisons) {
      for (const s of [c.staking.eth, c.restaking.eth, c.staking.usd, c.restaking.usd]) {
        assert.match(s.p5, /^\d+$/);
        assert.ok(BigInt(s.p5) <= BigInt(s.p50) && BigInt(s.p50) <= BigInt(s.p95), JSON.stringify(s));
      }
      assert.ok(c.probabilityRestakingBelow >= 0 && c.probabilityRestakingBelow <= 1);
    }
    assert.deepEqual((await get(`/risk/compare/${staker}${q}`)).body, body, "same seed, same numbers");
    for (const bad of [
      "?paths=10",
      "?paths=100000000",
      "?paths=1.5",
      "?horizonDays=0",
      "?horizonDays=x",
      "?asset=DOGE",
    ]) {
      const r = await get(`/risk/compare/${staker}${bad}`);
      assert.equal(r.status, 400, bad);
      assert.ok(r.body.error && r.body.hint, bad);
    }
    assert.equal((await get(`/risk/compare/${NOBODY}`)).status, 404);
    assert.equal((await get("/risk/compare/nope")).status, 400);
  });

  it("/risk/plan splits a deposit of one asset as planPositions does, under the limits; 400 on bad input", async () => {
    const staker = account(STAKERS[0] as number);
    const q = "asset=wstETH&amount=10&maxPerOperator=50%25&maxPerService=100%25";
    const { status, body } = await get(`/risk/plan/${staker}?${q}`);
    assert.equal(status, 200, JSON.stringify(body));
    // The plan function on the same snapshot the server builds from the database.
    const { snapshot } = await snapshotFromDb(db, fixture.deployment, {
      rates: await loadEthRates(fixture.deployment, as(0)),
      rewardEvents: (await rewardEventsFromDb(db)).events,
    });
    const model = buildInvestorModel(parseSnapshot(snapshot));
    const wst = model.assets.find((a) => a.id === "wstETH");
    assert.ok(wst);
    const amount = units("10");
    const expected = await planPositions(
      model,
      valueEth(amount, wst),
      { ...PLAN_DEFAULTS, maxPerOperator: units("0.5"), assets: ["wstETH"] },
      { current: holdingsOf(model, staker) },
    );
    assert.equal(body.amount, amount.toString());
    assert.equal(body.budgetEth, expected.budgetEth.toString());
    assert.deepEqual(
      body.positions.map((p: Any) => [p.operator, p.asset, p.amount, p.valueEth]),
      expected.positions.map((p) => [lower(p.operator), p.asset, p.amount.toString(), p.valueEth.toString()]),
    );
    assert.ok(body.positions.length >= 2, "50% per operator needs two operators");
    for (const p of body.positions) assert.ok(p.share <= 0.5 + 1e-9, `${p.operator} ${p.share}`);
    assert.equal(body.plan.apr.net, expected.plan.apr.net);
    assert.deepEqual(body.checks, expected.checks);
    assert.equal(body.unplacedWei, expected.unplacedWei.toString());
    assert.deepEqual(
      body.pools.map((p: Any) => p.operator).sort(),
      model.operators
        .filter((o) => (o.stake[wst.index] ?? 0n) > 0n)
        .map((o) => lower(o.id))
        .sort(),
    );
    for (const pool of body.pools) {
      assert.ok(Math.abs(pool.netApr - (pool.totalApr - pool.expectedLoss)) < 1e-12);
    }
    assert.ok(body.current, "the staker's current positions are shown next to the plan");
    assertNoMoneyFloats(body, "plan", /Eth$|^amount$|Wei$/);
    // Same question at the same block: the same answer.
    assert.deepEqual((await get(`/risk/plan/${staker}?${q}`)).body, body);
    for (const bad of [
      "",
      "?asset=wstETH",
      "?amount=10",
      "?asset=DOGE&amount=1",
      "?asset=wstETH&amount=0",
      "?asset=wstETH&amount=-1",
      "?asset=wstETH&amount=1e3",
      "?asset=wstETH&amount=10000000000",
      "?asset=wstETH&amount=1.0000000000000000001",
      "?asset=wstETH&amount=1&maxPerOperator=0%25",
      "?asset=wstETH&amount=1&maxPerOperator=150%25",
      "?asset=wstETH&amount=1&maxPerService=abc",
      "?asset=wstETH&amount=1&minScore=101",
      "?asset=wstETH&amount=1&maxPositions=0",
      "?asset=wstETH&amount=1&maxPositions=11",
      // Two operators run wstETH: at most 10% each cannot place it all (the binding limit is named).
      "?asset=wstETH&amount=1&maxPerOperator=10%25",
    ]) {
      const r = await get(`/risk/plan/${staker}${bad}`);
      assert.equal(r.status, 400, `${bad}: ${JSON.stringify(r.body)}`);
      assert.ok(r.body.error && r.body.hint, bad);
    }
    const infeasible = await get(`/risk/plan/${staker}?asset=wstETH&amount=1&maxPerOperator=10%25`);
    assert.match(infeasible.body.hint, /needs at least 10 operators/);
    assert.equal((await get("/risk/plan/0x12?asset=wstETH&amount=1")).status, 400);
  });

  it("values a service's rewards per day and its reward APR from the funded program", async () => {
    const service = account(SERVICE).toLowerCase();
    const { status, body } = await get(`/services/${service}`);
    assert.equal(status, 200);
    // 700 RWD over 7 days, at the deployment's assumed 0.001 ETH per RWD: 0.1 ETH a day.
    const perDay = ((units("700") / 7n) * 10n ** 15n) / 10n ** 18n;
    assert.equal(body.rewardsPerDayEth, perDay.toString());
    const expected = Number((perDay * 365n * 1_000_000_000n) / BigInt(body.stakeEth)) / 1e9;
    assert.equal(body.rewardApr, expected);
    const [program] = body.programs as Any[];
    assert.equal(program.status, "active");
    assert.equal(program.perDay, (units("700") / 7n).toString());
    const series = await get(`/timeseries/apr?range=1w&service=${service}`);
    assert.equal(series.status, 200);
    const today = series.body.points.at(-1).services[0];
    assert.equal(today.rewardsPerDayEth, perDay.toString());
    assert.equal(today.stakeEth, body.stakeEth);
    assert.equal(today.apr, expected);
  });

  it("/rewards/roots lists the posted roots with the chain's status", async () => {
    const chain = await listDistributionRoots(as(0));
    const { status, body } = await get("/rewards/roots");
    assert.equal(status, 200);
    assert.deepEqual(
      body.roots.map((r: Any) => [r.index, r.root, r.calculatedUntil, r.status]),
      chain.map((r) => [r.index, lower(r.root), Number(r.calculatedUntil), r.status]),
    );
    assert.equal(body.activeRoot, 1);
  });

  it("/rewards/earnings equals getEarnings for every staker, operator and the service", async () => {
    for (const i of [...STAKERS, ...OPERATORS, SERVICE]) {
      const who = account(i);
      const expected = await getEarnings(as(0), who);
      const { status, body } = await get(`/rewards/earnings/${who}`);
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body.activeRootVerified, expected.activeRootVerified);
      assert.equal(body.activeRoot?.index, expected.activeRoot?.index);
      const byToken = (rows: Any[]) =>
        rows.map((t) => [lower(t.token), ...[t.claimed, t.claimable, t.earned, t.withToday].map(String)]).sort();
      assert.deepEqual(byToken(body.tokens), byToken(expected.tokens));
      const lines = (rows: Any[]) =>
        rows
          .map((l) => [
            lower(l.service),
            lower(l.token),
            l.role,
            String(l.inActiveRoot),
            String(l.completedDays),
            String(l.withToday),
          ])
          .sort();
      assert.deepEqual(lines(body.lines), lines(expected.lines));
      assertNoMoneyFloats(body, "earnings", /^(claimed|claimable|earned|withToday|inActiveRoot|completedDays)$/);
      if (body.tokens.length > 0) assert.equal(body.tokens[0].decimals, 18);
    }
    const someone = await get(`/rewards/earnings/${account(STAKERS[0] as number)}`);
    assert.ok(BigInt(someone.body.tokens[0]?.claimable ?? 0) > 0n, "something to claim");
    assert.equal((await get("/rewards/earnings/0xZZ")).status, 400);
  });

  it("a proof from /rewards/proofs claims on chain; afterwards nothing is left to claim", async () => {
    const earner = account(STAKERS[0] as number);
    const { status, body } = await get(`/rewards/proofs/${earner}`);
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.verified, true);
    assert.equal(body.rootIndex, 1);
    const claims = body.claim.claims as Any[];
    assert.equal(claims.length, 1);
    const before = await as(0).publicClient.readContract({
      address: token,
      abi: mockErc20Abi,
      functionName: "balanceOf",
      args: [earner],
    });
    await write(
      as(STAKERS[0] as number),
      {
        ...as(0).rewards,
        functionName: "claim",
        args: [
          body.claim.rootIndex,
          earner,
          earner,
          claims.map((c) => ({ token: c.token, cumulativeAmount: BigInt(c.cumulativeAmount), proof: c.proof })),
        ],
      },
      "claiming with the API's proof",
    );
    const paid =
      (await as(0).publicClient.readContract({
        address: token,
        abi: mockErc20Abi,
        functionName: "balanceOf",
        args: [earner],
      })) - before;
    assert.equal(paid, BigInt(body.tokens[0].claimable));
    await indexer.syncOnce();
    const after = await get(`/rewards/proofs/${earner}`);
    assert.equal(after.body.tokens[0].claimable, "0");
    assert.equal(after.body.tokens[0].claimed, paid.toString());
    assert.deepEqual(after.body.claim.claims, []);
    const earned = await get(`/rewards/earnings/${earner}`);
    assert.equal(earned.body.tokens[0].claimed, paid.toString());
    const none = await get(`/rewards/proofs/${NOBODY}`);
    assert.equal(none.status, 200);
    assert.deepEqual(none.body.tokens, []);
    assert.equal((await get("/rewards/proofs/0x1234")).status, 400);
  });

  it("refuses to serve proofs against a root the indexed events do not reproduce (409)", async () => {
    const roots = await listDistributionRoots(as(0));
    const last = roots.at(-1);
    assert.ok(last);
    await write(
      as(0),
      { ...as(0).rewards, functionName: "submitRoot", args: [`0x${"ab".repeat(32)}`, Number(last.calculatedUntil)] },
      "posting a wrong root",
    );
    await advanceTimeWithRoots(as(0), ROOT_ACTIVATION_DELAY + 60, { updater: undefined, treesDir: fixture.dir });
    await indexer.syncOnce();
    const { status, body } = await get(`/rewards/proofs/${account(STAKERS[1] as number)}`);
    assert.equal(status, 409, JSON.stringify(body));
    assert.match(body.error, /root 2 \(0xabab.*\) does not verify/);
    const earnings = await get(`/rewards/earnings/${account(STAKERS[1] as number)}`);
    const expected = await getEarnings(as(0), account(STAKERS[1] as number));
    assert.equal(earnings.body.activeRootVerified, false);
    assert.equal(expected.activeRootVerified, false);
    assert.equal(earnings.body.tokens[0].claimable, "0");
  });

  it("documents every engine route in its OpenAPI fragment, and the server serves them", () => {
    assert.deepEqual(Object.keys(ENGINE_OPENAPI_PATHS).sort(), ENGINE_ROUTES.map((r) => r.path).sort());
    const missing = ENGINE_ROUTES.filter((r) => !ROUTES.some((s) => s.path === r.path)).map((r) => r.path);
    assert.deepEqual(missing, [], "every engine route is in the server's route table");
  });
});
