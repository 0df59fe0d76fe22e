// The indexer against a real anvil and PGlite: a lifecycle driven through the SDK (operators, services, a set,
// allocations, deposits, a withdrawal, a redelegation, a slash), then (a) every pool, position and allocation in the
// database equals a direct chain read, (b) an anvil snapshot/revert reorg heals, (c) a child indexer SIGKILLed
// mid-sync and restarted ends with exactly the derived tables of an uninterrupted run.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { type Address, maxUint256, parseUnits } from "viem";
import { applyEvent, type StoredEvent } from "../src/indexer/apply.ts";
import { type Db, openDatabase } from "../src/indexer/db.ts";
import { createIndexer, dumpDerived, type Indexer } from "../src/indexer/indexer.ts";
import { mockErc20Abi } from "../src/sdk/abis.ts";
import { approveAndDeposit, mintTestTokens, type RampartClient, WAD } from "../src/sdk/index.ts";
import { type Fixture, startFixture } from "./helpers/fixture.ts";
import { runIndexerChild } from "./helpers/indexerChild.ts";
import { LIFECYCLE, runLifecycle } from "./helpers/lifecycle.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const _MAIN = path.join(ROOT, "src", "indexer", "main.ts");
const units = (text: string) => parseUnits(text, 18);
const { operators: OPERATORS, stakers: STAKERS } = LIFECYCLE;

describe("indexer on a real chain", () => {
  let fixture: Fixture;
  let as: (index: number) => RampartClient;
  let db: Db;
  let indexer: Indexer;
  const lines: string[] = [];
  const operator = (i: number) => fixture.accounts[OPERATORS[i] as number] as Address;

  /** Every pool, position and allocation the chain has equals the database, and the other way round. */
  async function assertMatchesChain(): Promise<{ pools: number; positions: number }> {
    const c = as(0);
    let pools = 0;
    let positions = 0;
    const dbOperators = (await db.query<{ operator: string }>("SELECT operator FROM operators ORDER BY 1")).map(
      (r) => r.operator,
    );
    assert.deepEqual(dbOperators, OPERATORS.map((i) => (fixture.accounts[i] as string).toLowerCase()).sort());
    for (const op of dbOperators) {
      for (const asset of fixture.deployment.assets) {
        const a = asset.address.toLowerCase();
        const chain = await c.publicClient.readContract({
          ...c.rampart,
          functionName: "getPool",
          args: [op as Address, asset.address],
        });
        const [row] = await db.query<Record<string, string>>(
          `SELECT total_shares::text AS s, total_assets::text AS a, max_magnitude::text AS m, encumbered::text AS e
           FROM pools WHERE operator = $1 AND asset = $2`,
          [op, a],
        );
        const got = row ?? { s: "0", a: "0", m: WAD.toString(), e: "0" };
        assert.deepEqual(
          got,
          {
            s: chain.totalShares.toString(),
            a: chain.totalAssets.toString(),
            m: (WAD - chain.slashedMagnitude).toString(),
            e: chain.encumberedMagnitude.toString(),
          },
          `pool ${op}/${asset.symbol}`,
        );
        if (row) pools++;
        for (const stakerIndex of [...STAKERS, 10, 11]) {
          const staker = fixture.accounts[stakerIndex] as Address;
          const shares = await c.publicClient.readContract({
            ...c.rampart,
            functionName: "sharesOf",
            args: [staker, op as Address, asset.address],
          });
          const [position] = await db.query<{ shares: string }>(
            "SELECT shares::text AS shares FROM positions WHERE staker = $1 AND operator = $2 AND asset = $3",
            [staker.toLowerCase(), op, a],
          );
          assert.equal(position?.shares ?? "0", shares.toString(), `position ${staker} in ${op}/${asset.symbol}`);
          if (position) positions++;
        }
      }
    }
    for (const row of await db.query<Record<string, string>>(
      `SELECT operator, asset, set_id::text AS set_id, magnitude::text AS m, pending_magnitude::text AS p,
         effect_at::text AS t FROM allocations`,
    )) {
      const chain = await c.publicClient.readContract({
        ...c.rampart,
        functionName: "getAllocation",
        args: [row.operator as Address, row.asset as Address, Number(row.set_id)],
      });
      assert.deepEqual(
        { m: row.m, p: row.p, t: row.t },
        { m: chain.magnitude.toString(), p: chain.pendingMagnitude.toString(), t: String(chain.effectAt) },
        `allocation ${row.operator}/${row.asset}/${row.set_id}`,
      );
    }
    return { pools, positions };
  }

  before(async () => {
    fixture = await startFixture();
    as = (index) => fixture.client(index);
    await runLifecycle(fixture, "Indexed DA");
    db = await openDatabase();
    indexer = createIndexer({ client: as(0), db, log: (line) => lines.push(line), batchBlocks: 50 });
  });

  after(async () => {
    await db?.close();
    await fixture?.stop();
  });

  it("rebuilds pools, positions and allocations that equal direct chain reads", async () => {
    const result = await indexer.syncOnce();
    assert.ok(result.events > 30, `indexed ${result.events} events`);
    const { pools, positions } = await assertMatchesChain();
    assert.ok(pools >= 4 && positions >= 6, `${pools} pools, ${positions} positions compared`);
    const slashes = await db.query<Record<string, string>>(
      "SELECT s.status, a.assets_slashed::text AS x FROM slashes s JOIN slash_assets a USING (slash_id)",
    );
    assert.equal(slashes.length, 1);
    assert.equal(slashes[0]?.status, "executed");
    assert.notEqual(slashes[0]?.x, "0");
    const withdrawals = await db.query<{ status: string; redelegate_to: string | null }>(
      "SELECT status, redelegate_to FROM withdrawals ORDER BY id",
    );
    assert.deepEqual(
      withdrawals.map((w) => w.status),
      ["completed", "queued"],
    );
    const [commission] = await db.query<{ bps: number }>("SELECT bps FROM commissions LIMIT 1");
    assert.equal(commission?.bps, 500);
    // A second sync with nothing new is a no-op.
    assert.equal((await indexer.syncOnce()).events, 0);
  });

  it("applies deposits in bulk exactly as one by one (applyEvents equals applyEvent per event)", async () => {
    await indexer.syncOnce();
    const rows = await db.query<Record<string, string>>(
      `SELECT block_number::text AS block_number, log_index, block_hash, block_time::text AS block_time, tx_hash,
         contract, name, args FROM events ORDER BY events.block_number, events.log_index`,
    );
    const events: StoredEvent[] = rows.map((r) => ({
      blockNumber: BigInt(r.block_number as string),
      logIndex: Number(r.log_index),
      blockHash: r.block_hash as string,
      blockTime: BigInt(r.block_time as string),
      txHash: r.tx_hash as string,
      contract: r.contract as StoredEvent["contract"],
      name: r.name as string,
      args: (typeof r.args === "string" ? JSON.parse(r.args) : r.args) as Record<string, unknown>,
    }));
    assert.ok(events.filter((e) => e.name === "Deposited").length >= 8, "the history has runs of deposits");
    const oneByOne = await openDatabase();
    try {
      await oneByOne.transaction(async (tx) => {
        for (const event of events) await applyEvent(tx, event);
      });
      const bulk = await dumpDerived(db);
      const single = await dumpDerived(oneByOne);
      for (const table of ["pools", "positions", "withdrawals", "allocations", "slashes"] as const) {
        assert.deepEqual(bulk[table], single[table], table);
      }
    } finally {
      await oneByOne.close();
    }
  });

  it("SIGKILLed mid-sync and restarted, ends with the same tables as an uninterrupted run", async () => {
    // A few hundred more events, one transaction per block.
    const depositors = [10, 11];
    for (const s of depositors) {
      await mintTestTokens(as(s), { asset: "wstETH", amount: units("1000") });
      await as(s).walletClient?.writeContract({
        address: fixture.deployment.assets[0]?.address as Address,
        abi: mockErc20Abi,
        functionName: "approve",
        args: [as(s).rampart.address, maxUint256],
      });
    }
    let last: `0x${string}` | undefined;
    for (let i = 0; i < 300; i++) {
      const s = depositors[i % 2] as number;
      const wallet = as(s).walletClient;
      assert.ok(wallet);
      last = await wallet.writeContract({
        ...as(s).rampart,
        functionName: "deposit",
        args: [
          operator(i % 2),
          fixture.deployment.assets[0]?.address as Address,
          units("0.01") + BigInt(i),
          wallet.account.address,
          0n,
        ],
      });
    }
    assert.ok(last);
    await as(0).publicClient.waitForTransactionReceipt({ hash: last });
    const head = await as(0).publicClient.getBlockNumber();

    const crashed = path.join(fixture.dir, "crashed");
    const clean = path.join(fixture.dir, "clean");
    const run = (dir: string, killAfterFirstBatch: boolean) =>
      runIndexerChild(fixture, ["--data-dir", dir], killAfterFirstBatch);

    let kills = 0;
    for (let i = 0; i < 3; i++) {
      const { killed } = await run(crashed, true);
      if (!killed) break;
      kills++;
      const partial = await openDatabase({ dir: crashed });
      const [cp] = await partial.query<{ n: string }>("SELECT block_number::text AS n FROM checkpoint");
      await partial.close();
      assert.ok(cp && BigInt(cp.n) < head, `killed mid-sync (checkpoint ${cp?.n}, head ${head})`);
    }
    assert.ok(kills >= 1, "the indexer finished before it could be killed");
    const resumed = await run(crashed, false);
    assert.match(resumed.output, /synced to block/);
    const uninterrupted = await run(clean, false);
    console.log(`${kills} kills; uninterrupted run: ${uninterrupted.output.trim().split("\n").at(-1)}`);

    const a = await openDatabase({ dir: crashed });
    const b = await openDatabase({ dir: clean });
    try {
      const dumpA = await dumpDerived(a);
      assert.deepEqual(dumpA, await dumpDerived(b));
      const count = async (d: Db) => (await d.query<{ n: string }>("SELECT count(*)::text AS n FROM events"))[0]?.n;
      assert.equal(await count(a), await count(b));
      assert.ok(Number(await count(a)) > 300);
      // And the in-process indexer, synced to the same head, agrees with both.
      await indexer.syncOnce();
      assert.deepEqual(await dumpDerived(db), dumpA);
    } finally {
      await a.close();
      await b.close();
    }
    await assertMatchesChain();
  });

  it("heals a reorg: a reverted deposit disappears and the new branch is indexed", async () => {
    const c = as(0);
    const ghost = 11;
    const ghostShares = async () =>
      (
        await db.query<{ shares: string }>(
          "SELECT shares::text AS shares FROM positions WHERE staker = $1 AND operator = $2 AND asset = $3",
          [
            (fixture.accounts[ghost] as string).toLowerCase(),
            operator(1).toLowerCase(),
            fixture.deployment.assets[0]?.address.toLowerCase(),
          ],
        )
      )[0]?.shares;
    await indexer.syncOnce();
    const original = await ghostShares();
    const snapshot = await c.publicClient.request({ method: "evm_snapshot" } as never);
    await approveAndDeposit(as(ghost), { operator: operator(1), asset: "wstETH", amount: units("7") });
    await approveAndDeposit(as(ghost), { operator: operator(1), asset: "wstETH", amount: units("3") });
    await indexer.syncOnce();
    const before = await ghostShares();
    assert.notEqual(before, original);
    await assertMatchesChain();

    await c.publicClient.request({ method: "evm_revert", params: [snapshot] } as never);
    // A different branch, a day later (so the rebuild also rewrites the daily snapshots): another staker's deposits,
    // enough blocks to pass the old head.
    await c.publicClient.request({ method: "evm_increaseTime", params: [86_400] } as never);
    for (let i = 0; i < 4; i++) {
      await approveAndDeposit(as(STAKERS[1] as number), { operator: operator(1), asset: "rETH", amount: units("1") });
    }
    const result = await indexer.syncOnce();
    assert.ok(result.reorgs >= 1, "a reorg was detected");
    assert.ok(lines.some((line) => line.startsWith("reorg:")));
    assert.equal(await ghostShares(), original, "the reverted deposits are gone");
    await assertMatchesChain();
    // Every derived table, daily snapshots included, equals a fresh index of the chain as it is now.
    const fresh = await openDatabase();
    try {
      await createIndexer({ client: as(0), db: fresh, batchBlocks: 50 }).syncOnce();
      const healed = await dumpDerived(db);
      assert.ok((healed.network_days ?? []).length >= 1, "daily snapshots exist");
      assert.deepEqual(healed, await dumpDerived(fresh));
    } finally {
      await fresh.close();
    }
  });

  it("splits a block range the node refuses as too large, and ends with the same tables", async () => {
    const real = as(0);
    const ranges: string[] = [];
    const picky: RampartClient = {
      ...real,
      publicClient: new Proxy(real.publicClient, {
        get(target, key, receiver) {
          if (key !== "request") return Reflect.get(target, key, receiver);
          return (args: { method: string; params: [{ fromBlock: string; toBlock: string }] }) => {
            if (args.method === "eth_getLogs") {
              const [{ fromBlock, toBlock }] = args.params;
              ranges.push(`${BigInt(fromBlock)}-${BigInt(toBlock)}`);
              // Like a provider's cap: more than 8 blocks per query is refused.
              if (BigInt(toBlock) - BigInt(fromBlock) >= 8n) {
                return Promise.reject(new Error("query returned more than 10000 results"));
              }
            }
            return (target.request as (a: unknown) => Promise<unknown>)(args);
          };
        },
      }),
    };
    const fresh = await openDatabase();
    try {
      const splitLines: string[] = [];
      await createIndexer({
        client: picky,
        db: fresh,
        log: (line) => splitLines.push(line),
        batchBlocks: 40,
      }).syncOnce();
      assert.ok(
        splitLines.some((l) => /refused as too large .*splitting the range/.test(l)),
        splitLines.join("\n"),
      );
      assert.ok(ranges.length > 4, `${ranges.length} eth_getLogs calls`);
      await indexer.syncOnce();
      assert.deepEqual(await dumpDerived(fresh), await dumpDerived(db));
    } finally {
      await fresh.close();
    }
  });

  it("retries a failing RPC with backoff and says so", async () => {
    const real = as(0);
    let failures = 2;
    const flaky: RampartClient = {
      ...real,
      publicClient: new Proxy(real.publicClient, {
        get(target, key, receiver) {
          if (key !== "request") return Reflect.get(target, key, receiver);
          return (args: unknown) => {
            if (failures-- > 0) return Promise.reject(new Error("connection reset"));
            return (target.request as (a: unknown) => Promise<unknown>)(args);
          };
        },
      }),
    };
    const retryLines: string[] = [];
    const flakyIndexer = createIndexer({ client: flaky, db, log: (line) => retryLines.push(line), rpcRetryMs: 5 });
    await flakyIndexer.syncOnce();
    assert.match(
      retryLines[0] ?? "",
      /^RPC request failed \(eth_getBlockByNumber: connection reset\), retrying in 5 ms \(attempt 2\/8\)$/,
    );
    assert.match(retryLines[1] ?? "", /retrying in 10 ms \(attempt 3\/8\)/);
    await assertMatchesChain();
  });
});
