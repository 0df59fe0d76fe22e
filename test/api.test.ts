// The HTTP API against a real anvil and the real indexer: a lifecycle driven through the SDK (operators, a service,
// a set, deposits, a completed and a pending withdrawal, a redelegation, a slash), indexed with syncOnce(), then
// every endpoint compared with direct chain reads for every operator, pool and position; errors; the OpenAPI file.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Address } from "viem";
import { type ApiServer, createApiServer, ROUTES } from "../src/api/server.ts";
import { type Db, openDatabase } from "../src/indexer/db.ts";
import { createIndexer } from "../src/indexer/indexer.ts";
import { queueWithdrawal, type RampartClient, WAD } from "../src/sdk/index.ts";
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
    api = await createApiServer({ db, deployment: fixture.deployment, port: 0 });
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
        { ...detail.body, pools: undefined, allocations: undefined, slashes: undefined },
        {
          ...summary,
          pools: undefined,
          allocations: undefined,
          slashes: undefined,
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
    assert.deepEqual(overview.body.counts, {
      operators: OPERATORS.length,
      services: 1,
      sets: 1,
      stakers: stakersWithShares.size,
      positions: positionCount,
    });
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
    for (const path of ["/overview", "/operators", `/operators/${operator(0)}`, "/slashes"]) {
      check((await get(path)).body, path);
    }
    check((await get(`/stakers/${fixture.accounts[STAKERS[1] as number]}/portfolio`)).body, "portfolio");
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
    // Every route in the table actually answers (with a sample address where it takes one).
    for (const route of ROUTES) {
      const path = route.path.replace("{address}", operator(0));
      assert.equal((await get(path)).status, 200, path);
    }
  });
});
