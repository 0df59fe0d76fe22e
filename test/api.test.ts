// The HTTP API against a real anvil and the real indexer: a lifecycle driven through the SDK (operators, a service,
// a set, deposits, a completed and a pending withdrawal, a redelegation, a slash), indexed with syncOnce(), then
// every endpoint compared with direct chain reads for every operator, pool and position; errors; the OpenAPI file.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Address } from "viem";
import { type ApiServer, createApiServer, ROUTES } from "../src/api/server.ts";
import { type Db, openDatabase } from "../src/indexer/db.ts";
import { createIndexer } from "../src/indexer/indexer.ts";
import { localStandInLstAbi } from "../src/sdk/abis.ts";
import { approveAndDeposit, queueWithdrawal, type RampartClient, WAD } from "../src/sdk/index.ts";
import { type Fixture, startFixture, WITHDRAWAL_DELAY } from "./helpers/fixture.ts";
import { LIFECYCLE, runLifecycle } from "./helpers/lifecycle.ts";

const { operators: OPERATORS, service: SERVICE, stakers: STAKERS } = LIFECYCLE;

// biome-ignore lint/suspicious/noExplicitAny: JSON responses are checked field by field
type Any = any;

describe("API on a real chain and indexer", () => {
  let fixture: Fixture;
  let as: (index: number) => RampartClient;
  let db: Db;
  let api: ApiServer;
  let setId: number;
  const lower = (a: string) => a.toLowerCase();
  const operator = (i: number) => fixture.accounts[OPERATORS[i] as number] as Address;

  async function get(path: string): Promise<{ status: number; body: Any; type: string | null }> {
    const res = await fetch(`${api.url}${path}`);
    return { status: res.status, body: await res.json(), type: res.headers.get("content-type") };
  }

  before(async () => {
    fixture = await startFixture();
    as = (index) => fixture.client(index);
    ({ setId } = await runLifecycle(fixture, "API DA"));
    // Still pending at the end: a fresh withdrawal with the whole delay ahead of it.
    await queueWithdrawal(as(STAKERS[1] as number), {
      operator: operator(1),
      asset: "rETH",
      size: { shares: 10n ** 20n },
    });
    db = await openDatabase();
    await createIndexer({ client: as(0), db, batchBlocks: 500 }).syncOnce();
    api = await createApiServer({ db, deployment: fixture.deployment, port: 0, client: as(0) });
  });

  after(async () => {
    await api?.close();
    await db?.close();
    await fixture?.stop();
  });

  it("serves operators, pools, overview and portfolios that agree with direct chain reads", async () => {
    const c = as(0);
    const read = c.publicClient;
    const list = await get("/operators");
    assert.equal(list.status, 200);
    assert.match(list.type ?? "", /application\/json/);
    const listed = list.body.operators as Any[];
    assert.deepEqual(
      listed.map((o) => o.operator).sort(),
      OPERATORS.map((i) => lower(fixture.accounts[i] as string)).sort(),
    );

    const tvlByAsset = new Map<string, bigint>();
    const stakersWithShares = new Set<string>();
    let positionsCompared = 0;
    let positionCount = 0;
    for (const summary of listed) {
      const op = summary.operator as Address;
      const detail = await get(`/operators/${op}`);
      assert.equal(detail.status, 200);
      assert.deepEqual(
        detail.body.sets.map((s: Any) => s.setId),
        [setId],
      );
      assert.deepEqual(
        detail.body.commissions.map((x: Any) => [x.service, x.bps]),
        [[lower(fixture.accounts[SERVICE] as string), 500]],
      );
      const distinct = new Set<string>();
      for (const asset of fixture.deployment.assets) {
        const a = lower(asset.address);
        const pool = await read.readContract({ ...c.rampart, functionName: "getPool", args: [op, asset.address] });
        const tvl = summary.tvl.find((t: Any) => t.asset === a);
        const row = detail.body.pools.find((p: Any) => p.asset === a);
        assert.equal(tvl?.amount ?? "0", pool.totalAssets.toString(), `TVL ${op}/${asset.symbol}`);
        if (tvl) assert.equal(tvl.decimals, asset.decimals);
        assert.deepEqual(
          row
            ? [row.totalShares, row.totalAssets, row.maxMagnitude, row.encumberedMagnitude]
            : ["0", "0", String(WAD), "0"],
          [
            pool.totalShares.toString(),
            pool.totalAssets.toString(),
            (WAD - pool.slashedMagnitude).toString(),
            pool.encumberedMagnitude.toString(),
          ],
          `pool ${op}/${asset.symbol}`,
        );
        tvlByAsset.set(a, (tvlByAsset.get(a) ?? 0n) + pool.totalAssets);
        for (const s of [...STAKERS, 10]) {
          const staker = fixture.accounts[s] as Address;
          const shares = await read.readContract({
            ...c.rampart,
            functionName: "sharesOf",
            args: [staker, op, asset.address],
          });
          const portfolio = await get(`/stakers/${staker}/portfolio`);
          assert.equal(portfolio.status, 200);
          const position = portfolio.body.positions.find((p: Any) => p.operator === op && p.asset === a);
          assert.equal(position?.shares ?? "0", shares.toString(), `shares ${staker} in ${op}/${asset.symbol}`);
          if (shares > 0n) {
            const worth = await read.readContract({
              ...c.rampart,
              functionName: "sharesToAssets",
              args: [op, asset.address, shares],
            });
            assert.equal(position.assets, worth.toString(), `assets ${staker} in ${op}/${asset.symbol}`);
            distinct.add(lower(staker));
            positionCount++;
            stakersWithShares.add(lower(staker));
          }
          positionsCompared++;
        }
      }
      assert.equal(summary.stakers, distinct.size, `staker count of ${op}`);
      assert.deepEqual(
        {
          ...detail.body,
          pools: undefined,
          allocations: undefined,
          slashes: undefined,
          history: undefined,
          recentEvents: undefined,
        },
        {
          ...summary,
          pools: undefined,
          allocations: undefined,
          slashes: undefined,
          history: undefined,
          recentEvents: undefined,
        },
      );
    }
    assert.ok(positionsCompared >= 20 && positionCount >= 6, `${positionsCompared} positions compared`);

    const overview = await get("/overview");
    assert.equal(overview.status, 200);
    for (const asset of fixture.deployment.assets) {
      const row = overview.body.tvl.find((t: Any) => t.asset === lower(asset.address));
      assert.equal(row?.amount ?? "0", (tvlByAsset.get(lower(asset.address)) ?? 0n).toString(), `TVL ${asset.symbol}`);
      if (row) assert.equal(row.decimals, asset.decimals);
    }
    assert.deepEqual(
      { ...overview.body.counts, executedSlashes: undefined, queuedWithdrawals: undefined, rewardPrograms: undefined },
      {
        operators: OPERATORS.length,
        services: 1,
        sets: 1,
        stakers: stakersWithShares.size,
        positions: positionCount,
        executedSlashes: undefined,
        queuedWithdrawals: undefined,
        rewardPrograms: undefined,
      },
    );
    assert.equal(overview.body.counts.executedSlashes, 1);
  });

  it("lists pending withdrawals with completableAt and the seconds remaining", async () => {
    const pending = await get(`/stakers/${fixture.accounts[STAKERS[1] as number]}/portfolio`);
    const [w] = pending.body.pendingWithdrawals as Any[];
    assert.equal(pending.body.pendingWithdrawals.length, 1);
    const block = await as(0).publicClient.getBlock();
    assert.equal(pending.body.asOf, Number(block.timestamp));
    assert.equal(w.secondsRemaining, w.completableAt - Number(block.timestamp));
    assert.ok(w.secondsRemaining > WITHDRAWAL_DELAY - 60 && w.secondsRemaining <= WITHDRAWAL_DELAY);
    assert.equal(w.shares, (10n ** 20n).toString());
    // The redelegation queued before the time jump is completable now.
    const redelegated = await get(`/stakers/${fixture.accounts[STAKERS[2] as number]}/portfolio`);
    const [r] = redelegated.body.pendingWithdrawals as Any[];
    assert.equal(r.redelegateTo, lower(operator(1)));
    assert.equal(r.secondsRemaining, 0);
    // The completed one is gone.
    const done = await get(`/stakers/${fixture.accounts[STAKERS[0] as number]}/portfolio`);
    assert.deepEqual(done.body.pendingWithdrawals, []);
  });

  it("serves slashes", async () => {
    const { status, body } = await get("/slashes");
    assert.equal(status, 200);
    assert.equal(body.slashes.length, 1);
    const [s] = body.slashes as Any[];
    assert.equal(s.status, "executed");
    assert.equal(s.operator, lower(operator(0)));
    assert.equal(s.setId, setId);
    assert.equal(s.assets[0].wad, (WAD / 10n).toString());
    assert.match(s.assets[0].assetsSlashed, /^[1-9][0-9]*$/);
  });

  it("answers bad input with 400 and unknown things with 404, each with error and hint", async () => {
    for (const path of ["/operators/0x123", "/operators/not-an-address", "/stakers/0xZZ/portfolio"]) {
      const { status, body, type } = await get(path);
      assert.equal(status, 400, path);
      assert.match(type ?? "", /application\/json/);
      assert.match(body.error, /is not an address/);
      assert.match(body.hint, /40 hex digits/);
    }
    const unknownOperator = await get(`/operators/${fixture.accounts[10]}`);
    assert.equal(unknownOperator.status, 404);
    assert.match(unknownOperator.body.error, /no operator/);
    assert.ok(unknownOperator.body.hint);
    for (const path of ["/nope", "/operators/0x1/extra", "/stakers"]) {
      const { status, body } = await get(path);
      assert.equal(status, 404, path);
      assert.match(body.error, /no route/);
      assert.match(body.hint, /openapi\.json/);
    }
    const malformed = await get("/%E0%A4%A");
    assert.equal(malformed.status, 404, "a malformed escape is no route, not a 500");
    const unknownService = await get(`/timeseries/apr?service=${fixture.accounts[10]}`);
    assert.equal(unknownService.status, 404);
    assert.match(unknownService.body.error, /no service/);
    assert.equal((await get("/timeseries/apr?service=0xnope")).status, 400);
    const huge = await fetch(`${api.url}/overview?x=${"a".repeat(20_000)}`);
    assert.equal(huge.status, 431);
    assert.match(((await huge.json()) as Any).error, /too large/);
    const head = await fetch(`${api.url}/overview`, { method: "HEAD" });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), "");
    const doubled = await get("//overview");
    assert.equal(doubled.status, 200);
    assert.equal(doubled.body.chainId, fixture.deployment.chainId);
    assert.equal((await fetch(`${api.url}/`, { method: "POST" })).status, 405);
    const post = await fetch(`${api.url}/overview`, { method: "POST" });
    assert.equal(post.status, 405);
    assert.ok(((await post.json()) as Any).error);
  });

  it("never serves an amount as a JSON number", async () => {
    const amountKeys = /^(amount|shares|assets|totalShares|totalAssets|wad|assetsSlashed|magnitude\w*|\w*Magnitude)$/;
    const check = (value: unknown, where: string): void => {
      if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) check(v, `${where}[${i}]`);
      } else if (value && typeof value === "object") {
        for (const [k, v] of Object.entries(value)) {
          if (amountKeys.test(k) && v !== null && !Array.isArray(v)) assert.equal(typeof v, "string", `${where}.${k}`);
          check(v, `${where}.${k}`);
        }
      }
    };
    const amountKeys2 = /(Eth|^eth|^tvl|^cap|^restaked|^stake|^amount|PerDay|^perDay|Paid|Shares)$/;
    const checkMoney = (value: unknown, where: string): void => {
      if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) checkMoney(v, `${where}[${i}]`);
      } else if (value && typeof value === "object") {
        for (const [k, v] of Object.entries(value)) {
          if (amountKeys2.test(k) && v !== null && !Array.isArray(v) && typeof v !== "object") {
            assert.equal(typeof v, "string", `${where}.${k}`);
          }
          checkMoney(v, `${where}.${k}`);
        }
      }
    };
    for (const path of [
      "/overview",
      "/assets",
      "/operators",
      `/operators/${operator(0)}`,
      "/services",
      `/services/${fixture.accounts[SERVICE]}`,
      "/withdrawals",
      "/slashes",
      "/timeseries/tvl?range=all",
      "/timeseries/apr",
    ]) {
      const body = (await get(path)).body;
      check(body, path);
      checkMoney(body, path);
    }
    check((await get(`/stakers/${fixture.accounts[STAKERS[1] as number]}/portfolio`)).body, "portfolio");
  });

  it("serves assets with TVL and ETH values that agree with the chain", async () => {
    const c = as(0);
    const read = c.publicClient;
    const { status, body } = await get("/assets");
    assert.equal(status, 200);
    const block = await read.getBlock();
    assert.equal(body.asOf, Number(block.timestamp));
    for (const asset of fixture.deployment.assets) {
      const row = body.assets.find((a: Any) => a.asset === lower(asset.address));
      assert.ok(row, `asset ${asset.symbol} listed`);
      let tvl = 0n;
      for (const i of OPERATORS) {
        const pool = await read.readContract({
          ...c.rampart,
          functionName: "getPool",
          args: [fixture.accounts[i] as Address, asset.address],
        });
        tvl += pool.totalAssets;
      }
      assert.equal(row.tvl, tvl.toString(), `TVL ${asset.symbol}`);
      const rate =
        asset.kind === "WETH"
          ? WAD
          : await read.readContract({ address: asset.address, abi: localStandInLstAbi, functionName: "exchangeRate" });
      assert.equal(row.ethPerToken, rate.toString(), `rate ${asset.symbol}`);
      assert.equal(row.tvlEth, ((tvl * rate) / WAD).toString(), `TVL in ETH ${asset.symbol}`);
    }
    const overview = (await get("/overview")).body;
    const sum = body.assets.reduce((t: bigint, a: Any) => t + BigInt(a.tvlEth), 0n);
    assert.equal(overview.tvlEth, sum.toString());
    assert.ok(overview.restakedShare > 0 && overview.restakedShare < 1, `restaked share ${overview.restakedShare}`);
  });

  it("serves services whose stake per asset equals the chain's slashable assets", async () => {
    const c = as(0);
    const read = c.publicClient;
    const service = lower(fixture.accounts[SERVICE] as string);
    const list = await get("/services");
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.services.map((s: Any) => s.service),
      [service],
    );
    const { status, body } = await get(`/services/${fixture.accounts[SERVICE]}`);
    assert.equal(status, 200);
    assert.equal(body.name, "API DA");
    assert.equal(body.categoryName, "data availability");
    const onChain = await read.readContract({ ...c.rampart, functionName: "getOperatorSet", args: [setId] });
    const [set] = body.sets as Any[];
    assert.equal(set.setId, setId);
    assert.equal(set.policy.vetoWindow, onChain.policy.vetoWindow);
    assert.equal(set.policy.deallocationDelay, onChain.policy.deallocationDelay);
    assert.equal(set.policy.maxSlashWad, onChain.policy.maxSlashWad.toString());
    assert.deepEqual(set.assets.map((a: Any) => a.asset).sort(), onChain.assets.map(lower).sort());
    let shares = 0;
    for (const asset of fixture.deployment.assets) {
      let expected = 0n;
      for (const i of OPERATORS) {
        expected += await read.readContract({
          ...c.rampart,
          functionName: "slashableAssets",
          args: [fixture.accounts[i] as Address, asset.address, setId],
        });
      }
      const row = body.stake.find((x: Any) => x.asset === lower(asset.address));
      assert.equal(row?.amount ?? "0", expected.toString(), `stake ${asset.symbol}`);
    }
    for (const o of body.operators as Any[]) shares += o.shareOfStake;
    assert.ok(Math.abs(shares - 1) < 1e-6, `operator shares sum to ${shares}`);
    assert.equal(body.slashes.length, 1);
    assert.equal(body.executedSlashes, 1);
    const unknown = await get(`/services/${fixture.accounts[10]}`);
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.error, /no service/);
    assert.equal((await get("/services/0x12")).status, 400);
    // The stake series ends with today's stake.
    const series = await get(`/timeseries/services/${service}/stake?range=1w`);
    assert.equal(series.status, 200);
    assert.deepEqual(series.body.points.at(-1).stake, body.stake);
  });

  it("serves the withdrawal queue with statuses, filters and pages", async () => {
    const all = await get("/withdrawals");
    assert.equal(all.status, 200);
    const statuses = (all.body.withdrawals as Any[]).map((w) => w.status).sort();
    assert.deepEqual(statuses, ["completed", "queued", "ready"]);
    const completed = await get("/withdrawals?status=completed");
    const [done] = completed.body.withdrawals as Any[];
    assert.equal(completed.body.withdrawals.length, 1);
    assert.match(done.assetsPaid, /^[1-9][0-9]*$/);
    assert.equal(done.staker, lower(fixture.accounts[STAKERS[0] as number] as string));
    const ready = await get("/withdrawals?status=ready");
    assert.equal(ready.body.withdrawals[0].redelegateTo, lower(operator(1)));
    assert.equal(ready.body.withdrawals[0].secondsRemaining, 0);
    const queued = await get(`/withdrawals?status=queued&staker=${fixture.accounts[STAKERS[1] as number]}`);
    assert.equal(queued.body.withdrawals.length, 1);
    assert.ok(queued.body.withdrawals[0].secondsRemaining > 0);
    // Pages of one, newest first, follow the `next` cursor to the end.
    const seen: string[] = [];
    let next: string | null = "";
    while (next !== null) {
      const page = await get(`/withdrawals?limit=1${next ? `&${next}` : ""}`);
      assert.equal(page.status, 200);
      seen.push(...page.body.withdrawals.map((w: Any) => w.id));
      next = page.body.withdrawals.length === 0 ? null : page.body.next;
    }
    assert.deepEqual(
      seen,
      (all.body.withdrawals as Any[]).map((w) => w.id),
    );
    for (const [query, what] of [
      ["status=soon", /status "soon"/],
      ["limit=0", /limit "0"/],
      ["limit=abc", /limit "abc"/],
      ["staker=0x12", /is not an address/],
      ["before=x", /before "x"/],
    ] as const) {
      const bad = await get(`/withdrawals?${query}`);
      assert.equal(bad.status, 400, query);
      assert.match(bad.body.error, what);
      assert.ok(bad.body.hint);
    }
  });

  it("serves daily TVL whose past days equal the chain's state at each day's last block", async () => {
    const c = as(0);
    const read = c.publicClient;
    const { status, body } = await get("/timeseries/tvl?range=all");
    assert.equal(status, 200);
    const points = body.points as Any[];
    assert.ok(points.length >= 2, `${points.length} days`);
    const latest = await read.getBlockNumber();
    const times: bigint[] = [];
    for (let n = 0n; n <= latest; n++) times.push((await read.getBlock({ blockNumber: n })).timestamp);
    for (const point of points) {
      const end = BigInt((point.day + 1) * 86_400 - 1);
      let blockNumber = -1;
      for (const [n, t] of times.entries()) if (t <= end) blockNumber = n;
      for (const asset of fixture.deployment.assets) {
        let tvl = 0n;
        for (const i of OPERATORS) {
          const pool = await read.readContract({
            ...c.rampart,
            functionName: "getPool",
            args: [fixture.accounts[i] as Address, asset.address],
            blockNumber: BigInt(blockNumber),
          });
          tvl += pool.totalAssets;
        }
        const row = point.assets.find((a: Any) => a.asset === lower(asset.address));
        assert.equal(row?.amount ?? "0", tvl.toString(), `${point.date} ${asset.symbol}`);
      }
    }
    const overview = (await get("/overview")).body;
    assert.equal(points.at(-1).tvlEth, overview.tvlEth);
    assert.equal(points.at(-1).counts.stakers, overview.counts.stakers);
    assert.equal(points.at(-1).counts.operators, overview.counts.operators);
    assert.ok(
      points.every((p: Any) => p.counts.stakers <= overview.counts.stakers + 1),
      "staker counts per day",
    );
    const week = await get("/timeseries/tvl?range=1w");
    assert.ok(week.body.points.length <= 7);
    assert.deepEqual(week.body.points.at(-1), points.at(-1));
    const apr = await get("/timeseries/apr?range=1m");
    assert.equal(apr.status, 200);
    for (const p of apr.body.points as Any[]) {
      for (const s of p.services) assert.equal(s.rewardsPerDayEth, "0", "this history funds no reward program");
    }
    for (const path of ["/timeseries/tvl?range=2w", "/timeseries/apr?range=", `/operators/${operator(0)}?range=x`]) {
      const bad = await get(path);
      assert.equal(bad.status, 400, path);
      assert.match(bad.body.error, /range/);
      assert.match(bad.body.hint, /1w, 1m, 3m, 1y or all/);
    }
  });

  it("serves cached answers until the indexer commits, then fresh ones (and gzips large answers)", async () => {
    const staker = fixture.accounts[STAKERS[3] as number] as Address;
    const path = `/stakers/${staker}/portfolio`;
    const before = (await get(path)).body;
    await approveAndDeposit(as(STAKERS[3] as number), { operator: operator(1), asset: "wstETH", amount: 10n ** 18n });
    assert.deepEqual((await get(path)).body, before, "nothing new is indexed yet: the same answer");
    await createIndexer({ client: as(0), db, batchBlocks: 500 }).syncOnce();
    const after = (await get(path)).body;
    const shares = (body: Any) =>
      (body.positions as Any[])
        .filter((p) => p.operator === lower(operator(1)) && p.symbol === "wstETH")
        .reduce((sum, p) => sum + BigInt(p.shares), 0n);
    assert.ok(shares(after) > shares(before), "the deposit shows once indexed");
    const zipped = await fetch(`${api.url}/operators`, { headers: { "accept-encoding": "gzip" } });
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers.get("content-encoding"), "gzip");
    const list = (await zipped.json()) as Any;
    assert.ok(Array.isArray(list.operators));
  });

  it("/openapi.json is OpenAPI 3.1 and lists every route the server serves", async () => {
    const { status, body } = await get("/openapi.json");
    assert.equal(status, 200);
    assert.match(body.openapi, /^3\.1\./);
    const paths = Object.keys(body.paths).sort();
    assert.deepEqual(paths, ROUTES.map((r) => r.path).sort());
    for (const p of paths) assert.ok(body.paths[p].get?.responses?.["200"], `${p} documents its 200 response`);
    for (const p of paths.filter((x) => x.includes("{address}"))) {
      assert.equal(body.paths[p].get.parameters[0].name, "address");
      assert.ok(body.paths[p].get.responses["400"]);
    }
    // Every route in the table actually answers (with a sample address of the right kind where it takes one).
    const service = fixture.accounts[SERVICE] as string;
    const staker = fixture.accounts[STAKERS[1] as number] as string;
    for (const route of ROUTES) {
      const sample = route.path.startsWith("/operators")
        ? operator(0)
        : route.path.includes("services") || route.path.startsWith("/risk/dossiers")
          ? service
          : staker;
      const path =
        route.path.replace(/\{[^}]+\}/, sample) +
        (route.path === "/risk/cascade"
          ? "?shock=0.1"
          : route.path === "/risk/plan/{address}"
            ? "?asset=wstETH&amount=1"
            : "");
      const answer = await get(path);
      if (route.path === "/rewards/proofs/{address}" && answer.status === 404) {
        // This history posted no distribution root: nothing to prove, and the answer says why.
        assert.match(answer.body.error, /root/, path);
      } else {
        assert.equal(answer.status, 200, path);
      }
    }
  });
});
