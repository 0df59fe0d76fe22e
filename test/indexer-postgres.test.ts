// The indexer on a real PostgreSQL server (RAMPART_TEST_DATABASE_URL; .ci/run starts one with scripts/postgres.sh):
// the same history indexed into PostgreSQL and into PGlite gives identical rows, typed the same in JavaScript (every
// derived table, events, blocks, checkpoint); a reorg heals the same way; a child indexer SIGKILLed mid-sync and an
// indexer closed and reopened both resume from their checkpoint; several processes can open one database at once.
// Every test gets a fresh database, dropped afterwards. Without the variable the server tests are skipped (and fail
// when CI is set, so CI cannot skip them silently). Bad URLs fail with one clear line, server or not.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { type Address, parseUnits } from "viem";
import { createApiServer, ROUTES } from "../src/api/server.ts";
import { chooseDatabase, type Db, maskUrl, openDatabase, type Queryable } from "../src/indexer/db.ts";
import { createIndexer, dumpDerived, type Indexer } from "../src/indexer/indexer.ts";
import { DERIVED_TABLES, SCHEMA_VERSION } from "../src/indexer/schema.ts";
import { mockErc20Abi } from "../src/sdk/abis.ts";
import { writeDeployment } from "../src/sdk/deployment.ts";
import { approveAndDeposit, createRewardProgram, mintTestTokens, type RampartClient, write } from "../src/sdk/index.ts";
import { type Fixture, startFixture } from "./helpers/fixture.ts";
import { runIndexerChild } from "./helpers/indexerChild.ts";
import { LIFECYCLE, runLifecycle } from "./helpers/lifecycle.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MAIN = path.join(ROOT, "src", "indexer", "main.ts");
const BASE_URL = process.env.RAMPART_TEST_DATABASE_URL?.trim() || undefined;
const HOW =
  "start a server with `scripts/postgres.sh start /tmp/rampart-pg` and set RAMPART_TEST_DATABASE_URL to the URL it prints";
const units = (text: string) => parseUnits(text, 18);
const { operators: OPERATORS, service: SERVICE, stakers: STAKERS } = LIFECYCLE;

if (!BASE_URL && process.env.CI) {
  it("has a PostgreSQL server to test against in CI", () => {
    assert.fail(`CI is set but RAMPART_TEST_DATABASE_URL is not, so the PostgreSQL tests cannot run: ${HOW}`);
  });
}

/** Fresh databases on the test server (C collation, like PGlite), all dropped by dropAll(). */
function databases() {
  const created: string[] = [];
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: BASE_URL });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    async fresh(): Promise<string> {
      const name = `rampart_t_${process.pid}_${randomBytes(4).toString("hex")}`;
      await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'`));
      created.push(name);
      const url = new URL(BASE_URL as string);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async dropAll(): Promise<void> {
      if (created.length === 0) return;
      await admin(async (c) => {
        for (const name of created.splice(0)) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    },
  };
}

/**
 * Everything the indexer stores, as the JavaScript values queries return (so a type parsed differently shows up),
 * plus `dumpDerived`'s text rows. `checkpoint.updated_at` is a wall-clock time and left out.
 */
async function fullDump(db: Queryable): Promise<Record<string, unknown>> {
  const dump: Record<string, unknown> = { derivedText: await dumpDerived(db) };
  for (const table of DERIVED_TABLES) {
    dump[table] = await db.query(`SELECT * FROM ${table} AS t ORDER BY t::text`);
  }
  dump.events = await db.query("SELECT * FROM events ORDER BY block_number, log_index");
  dump.blocks = await db.query("SELECT * FROM blocks ORDER BY number");
  dump.checkpoint = await db.query(
    "SELECT id, chain_id, rampart, block_number, block_hash FROM checkpoint ORDER BY id",
  );
  dump.meta = await db.query("SELECT * FROM meta ORDER BY key");
  return dump;
}

describe("indexer on a PostgreSQL server", {
  skip: BASE_URL ? false : `RAMPART_TEST_DATABASE_URL is not set: ${HOW}`,
}, () => {
  const dbs = databases();
  let fixture: Fixture;
  let as: (index: number) => RampartClient;
  let lite: Db;
  let liteIndexer: Indexer;
  let url: string;
  let server: Db;
  let serverIndexer: Indexer;
  const lines: string[] = [];
  const operator = (i: number) => fixture.accounts[OPERATORS[i] as number] as Address;

  /** `db` holds exactly what `reference` (default: the PGlite indexer beside it, synced first) holds. */
  async function assertSameAsPglite(db: Db, reference?: Db): Promise<Record<string, unknown>> {
    if (!reference) await liteIndexer.syncOnce();
    const expected = await fullDump(reference ?? lite);
    const actual = await fullDump(db);
    for (const key of Object.keys(expected)) assert.deepEqual(actual[key], expected[key], `${key} differs`);
    return actual;
  }

  /** More blocks: `deposits` deposits (one per block), then `empty` empty blocks. */
  async function moreBlocks(deposits: number, empty = 0): Promise<void> {
    const staker = STAKERS[3] as number;
    for (let i = 0; i < deposits; i++) {
      await approveAndDeposit(as(staker), { operator: operator(i % 2), asset: "rETH", amount: units("0.01") + 1n });
    }
    if (empty > 0)
      await as(0).publicClient.request({ method: "anvil_mine", params: [`0x${empty.toString(16)}`] } as never);
  }

  before(async () => {
    fixture = await startFixture();
    as = (index) => fixture.client(index);
    const { setId } = await runLifecycle(fixture, "Indexed on PostgreSQL");
    // A reward program too, for the JSONB columns (weights, operator amounts).
    const token = fixture.deployment.rewardTokens[0]?.address as Address;
    await write(
      as(SERVICE),
      {
        address: token,
        abi: mockErc20Abi,
        functionName: "mint",
        args: [fixture.accounts[SERVICE] as Address, units("100")],
      },
      "minting",
    );
    await createRewardProgram(as(SERVICE), { setId, token, amount: units("70"), days: 7 });
    lite = await openDatabase();
    liteIndexer = createIndexer({ client: as(0), db: lite, batchBlocks: 50 });
    url = await dbs.fresh();
    server = await openDatabase({ url });
    serverIndexer = createIndexer({ client: as(0), db: server, log: (line) => lines.push(line), batchBlocks: 50 });
  });

  after(async () => {
    await server?.close();
    await lite?.close();
    await fixture?.stop();
    await dbs.dropAll();
  });

  it("returns every column type as the same JavaScript value as PGlite", async () => {
    const sql = `SELECT 1::int2 AS int2, 2::int4 AS int4, 3::int8 AS int8, 9007199254740993::int8 AS int8_unsafe,
      123456789012345678901234567890::numeric(78,0) AS numeric, 1.5::float8 AS float8, 1.5::float4 AS float4,
      true AS bool, '{"a":"1","b":[1,2]}'::jsonb AS jsonb, '{"x":1}'::json AS json, 'x'::text AS text,
      'y'::varchar AS varchar, NULL::int8 AS null_int8, count(*) AS count, sum(3::numeric) AS sum,
      '2024-05-01 10:00:00+02'::timestamptz AS timestamptz, '2024-05-01 10:00'::timestamp AS timestamp,
      '2024-05-01'::date AS date, 'infinity'::timestamptz AS infinity, '1 day 02:00'::interval AS interval,
      '12:00'::time AS time, '(1,2)'::point AS point, 'ab'::bytea AS bytea, 1::oid AS oid,
      '00000000-0000-0000-0000-000000000001'::uuid AS uuid, ARRAY[1, NULL]::int8[] AS int8_array,
      ARRAY[1.5, 2]::numeric[] AS numeric_array, ARRAY['a', 'b,c', 'NULL', 'q"x', NULL]::text[] AS text_array,
      '{{1,2},{3,4}}'::int4[] AS nested_array, ARRAY['{"a":1}']::jsonb[] AS jsonb_array, '{}'::int4[] AS empty_array,
      ARRAY[true, false]::bool[] AS bool_array, now()::text LIKE '%+00' AS utc_session`;
    const [expected] = await lite.query(sql);
    const [actual] = await server.query(sql);
    assert.ok(expected && actual);
    for (const key of Object.keys(expected)) assert.deepEqual(actual[key], expected[key], key);
    assert.equal(expected.int8_unsafe, 9007199254740993n);
    assert.deepEqual(expected.numeric_array, ["1.5", "2"]);
  });

  it("stores exactly what PGlite stores, with the same JavaScript types", async () => {
    const result = await serverIndexer.syncOnce();
    assert.ok(result.events > 30, `indexed ${result.events} events`);
    const dump = await assertSameAsPglite(server);
    // The types the rest of the code relies on, spelled out.
    const [pool] = dump.pools as Record<string, unknown>[];
    assert.equal(typeof pool?.total_shares, "string", "NUMERIC is a decimal string");
    const [event] = dump.events as Record<string, unknown>[];
    assert.equal(typeof event?.block_number, "number", "BIGINT is a number (when safe)");
    assert.equal(typeof event?.log_index, "number", "INTEGER is a number");
    assert.equal(typeof event?.args, "object", "JSONB is parsed");
    const [program] = dump.reward_programs as Record<string, unknown>[];
    assert.ok(Array.isArray(program?.weights), "a reward program with JSONB weights was indexed");
    const [membership] = dump.memberships as Record<string, unknown>[];
    assert.equal(membership?.active, true, "BOOLEAN is a boolean");
    assert.ok(server.location.startsWith("postgres://"), server.location);
    assert.equal((await serverIndexer.syncOnce()).events, 0, "a second sync with nothing new is a no-op");
  });

  // Every list the API serves is ordered, so the two engines' plans cannot change an answer.
  it("serves the same API answers from PostgreSQL as from PGlite", async () => {
    await serverIndexer.syncOnce();
    await liteIndexer.syncOnce();
    const apis = await Promise.all(
      [lite, server].map((db) => createApiServer({ db, deployment: fixture.deployment, port: 0, client: as(0) })),
    );
    try {
      const addresses = [...OPERATORS, SERVICE, ...STAKERS].map((i) => (fixture.accounts[i] as string).toLowerCase());
      // The indexer's own routes (the risk and rewards engines' routes compute from the same rows, slowly).
      const paths = ROUTES.map((r) => r.path)
        .filter((p) => !p.startsWith("/risk/") && !p.startsWith("/rewards/"))
        .flatMap((p) => (p.includes("{address}") ? addresses.map((a) => p.replace("{address}", a)) : [p]))
        .filter((p) => !p.includes("{"));
      assert.ok(paths.length >= 10, `${paths.length} paths`);
      for (const p of paths) {
        const [expected, actual] = await Promise.all(
          apis.map(async (api) => {
            const res = await fetch(`${api.url}${p}`);
            return { status: res.status, body: await res.json() };
          }),
        );
        assert.deepEqual(actual, expected, p);
      }
    } finally {
      await Promise.all(apis.map((api) => api.close()));
    }
  });

  it("heals a reorg like PGlite does", async () => {
    await serverIndexer.syncOnce();
    await liteIndexer.syncOnce();
    const c = as(0);
    const ghost = 11;
    const snapshot = await c.publicClient.request({ method: "evm_snapshot" } as never);
    await mintTestTokens(as(ghost), { asset: "wstETH", amount: units("100") });
    await approveAndDeposit(as(ghost), { operator: operator(1), asset: "wstETH", amount: units("7") });
    await approveAndDeposit(as(ghost), { operator: operator(1), asset: "wstETH", amount: units("3") });
    await serverIndexer.syncOnce();
    await assertSameAsPglite(server);
    const ghostRows = async () =>
      (
        await server.query("SELECT * FROM positions WHERE staker = $1", [
          (fixture.accounts[ghost] as string).toLowerCase(),
        ])
      ).length;
    assert.equal(await ghostRows(), 1);

    await c.publicClient.request({ method: "evm_revert", params: [snapshot] } as never);
    for (let i = 0; i < 5; i++) {
      await approveAndDeposit(as(STAKERS[1] as number), { operator: operator(1), asset: "rETH", amount: units("1") });
    }
    const result = await serverIndexer.syncOnce();
    assert.ok(result.reorgs >= 1, "a reorg was detected");
    assert.ok(lines.some((line) => line.startsWith("reorg:")));
    assert.equal(await ghostRows(), 0, "the reverted deposits are gone");
    await assertSameAsPglite(server);
  });

  it("resumes from its checkpoint after close and reopen", async () => {
    await serverIndexer.syncOnce();
    await server.close();
    const before = await as(0).publicClient.getBlockNumber();
    await moreBlocks(6);
    server = await openDatabase({ url });
    serverIndexer = createIndexer({ client: as(0), db: server, log: (line) => lines.push(line), batchBlocks: 50 });
    const checkpoint = await serverIndexer.checkpoint();
    assert.equal(checkpoint?.blockNumber, before, "the checkpoint survived the close");
    const result = await serverIndexer.syncOnce();
    await liteIndexer.syncOnce();
    const [fresh] = await lite.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE block_number > $1", [
      String(before),
    ]);
    assert.ok(result.events >= 6, `${result.events} new events`);
    assert.equal(result.events, fresh?.n, "only the new blocks were indexed");
    await assertSameAsPglite(server);
  });

  it("SIGKILLed mid-sync and restarted, ends with the same rows as PGlite", async () => {
    await moreBlocks(40, 300);
    const head = await as(0).publicClient.getBlockNumber();
    const crashed = await dbs.fresh();
    const run = (killAfterFirstBatch: boolean) =>
      runIndexerChild(fixture, ["--database-url", crashed], killAfterFirstBatch);

    let kills = 0;
    for (let i = 0; i < 3; i++) {
      const { killed, output } = await run(true);
      if (!killed) break;
      kills++;
      assert.match(output, /\[indexer\] database: postgres:\/\//);
      const partial = await openDatabase({ url: crashed });
      const [cp] = await partial.query<{ n: string }>("SELECT block_number::text AS n FROM checkpoint");
      await partial.close();
      assert.ok(cp && BigInt(cp.n) < head, `killed mid-sync (checkpoint ${cp?.n}, head ${head})`);
    }
    assert.ok(kills >= 1, "the indexer finished before it could be killed");
    const resumed = await run(false);
    assert.match(resumed.output, /synced to block/);
    console.log(`${kills} kills; resumed run: ${resumed.output.trim().split("\n").at(-1)}`);
    // Compared with an uninterrupted PGlite run over the same chain in the same batches (the recent blocks it
    // remembers depend on them), fresh: the other PGlite healed a reorg.
    const db = await openDatabase({ url: crashed });
    const uninterrupted = await openDatabase();
    try {
      await createIndexer({ client: as(0), db: uninterrupted, batchBlocks: 5 }).syncOnce();
      const dump = await assertSameAsPglite(db, uninterrupted);
      assert.ok((dump.events as unknown[]).length > 80, `${(dump.events as unknown[]).length} events`);
      const [cp] = await db.query<{ n: string }>("SELECT block_number::text AS n FROM checkpoint");
      assert.equal(cp?.n, String(head));
    } finally {
      await db.close();
      await uninterrupted.close();
    }
  });

  it("lets several processes open one database at once (schema DDL takes an advisory lock)", async () => {
    const shared = await dbs.fresh();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => openDatabase({ url: shared, poolSize: 2 })),
    );
    const opened = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    try {
      assert.deepEqual(
        results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : [])),
        [],
        "every open succeeded",
      );
      const rows = await opened[0]?.query("SELECT value FROM meta WHERE key = 'schema_version'");
      assert.deepEqual(rows, [{ value: String(SCHEMA_VERSION) }]);
    } finally {
      await Promise.all(opened.map((db) => db.close()));
    }
  });

  it("refuses a database with another schema version, saying what to do", async () => {
    const other = await dbs.fresh();
    const db = await openDatabase({ url: other });
    await db.query("UPDATE meta SET value = '999' WHERE key = 'schema_version'");
    await db.close();
    await assert.rejects(openDatabase({ url: other }), (error: Error) => {
      assert.match(error.message, /has schema version 999, this code expects \d+; drop and re-create the database/);
      return true;
    });
  });

  it("rolls a failed transaction back and keeps serving queries", async () => {
    await assert.rejects(
      server.transaction(async (tx) => {
        await tx.query("INSERT INTO meta (key, value) VALUES ('rollback-test', 'x')");
        throw new Error("boom");
      }),
      /boom/,
    );
    assert.deepEqual(await server.query("SELECT * FROM meta WHERE key = 'rollback-test'"), []);
    const inside = await server.transaction(async (tx) => (await tx.query<{ n: number }>("SELECT 1 AS n"))[0]?.n);
    assert.equal(inside, 1);
  });
});

describe("PostgreSQL connection errors", () => {
  const oneLine = (error: Error) => {
    assert.doesNotMatch(error.message, /\n/);
    return true;
  };

  it("a server that is not there: says where, why, and what to do, with the password masked", async () => {
    await assert.rejects(openDatabase({ url: "postgres://rampart:s3cret@127.0.0.1:1/nowhere" }), (error: Error) => {
      assert.match(
        error.message,
        /^cannot connect to PostgreSQL at postgres:\/\/rampart:\*\*\*@127\.0\.0\.1:1\/nowhere: connection refused; check that the server is running/,
      );
      assert.doesNotMatch(error.message, /s3cret/);
      return oneLine(error);
    });
  });

  it("a malformed URL or another scheme", async () => {
    await assert.rejects(openDatabase({ url: "127.0.0.1:5432/rampart" }), (error: Error) => {
      assert.match(error.message, /^the database URL "127\.0\.0\.1:5432\/rampart" is (malformed|not a PostgreSQL URL)/);
      assert.match(error.message, /expected postgres:\/\/user:password@host:5432\/database/);
      return oneLine(error);
    });
    await assert.rejects(openDatabase({ url: "mysql://u:pw@db/rampart" }), (error: Error) => {
      assert.match(
        error.message,
        /^the database URL "mysql:\/\/u:\*\*\*@db\/rampart" is not a PostgreSQL URL \(mysql:\/\/\)/,
      );
      return oneLine(error);
    });
    await assert.rejects(openDatabase({ url: "postgres://u:pw@[oops/db" }), (error: Error) => {
      assert.match(error.message, /is malformed/);
      assert.doesNotMatch(error.message, /pw/);
      return oneLine(error);
    });
  });

  it("a database that does not exist", {
    skip: BASE_URL ? false : `RAMPART_TEST_DATABASE_URL is not set: ${HOW}`,
  }, async () => {
    const missing = new URL(BASE_URL as string);
    missing.pathname = "/rampart_no_such_database";
    await assert.rejects(openDatabase({ url: missing.toString() }), (error: Error) => {
      assert.match(
        error.message,
        /database "rampart_no_such_database" does not exist; create it \(createdb rampart_no_such_database\)/,
      );
      return oneLine(error);
    });
  });

  it("the indexer process exits 1 with that one line, no stack", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rampart-pg-test-"));
    try {
      const zero = "0x0000000000000000000000000000000000000001" as Address;
      const deploymentFile = path.join(dir, "deployment.json");
      writeDeployment(deploymentFile, {
        version: 1,
        chainId: 31337,
        startBlock: 0,
        contracts: { rampart: zero, directory: zero, timelock: zero, rewards: zero },
        assets: [],
        rewardTokens: [],
      });
      const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ["--import", "tsx", MAIN, "--deployment", deploymentFile, "--database-url", "postgres://x:pw@127.0.0.1:1/db"],
          { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] },
        );
        let stderr = "";
        child.stderr?.on("data", (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        child.once("error", reject);
        child.once("exit", (exitCode) => resolve({ code: exitCode, stderr }));
      });
      assert.equal(code, 1);
      assert.match(
        stderr,
        /^\[indexer\] error: cannot connect to PostgreSQL at postgres:\/\/x:\*\*\*@127\.0\.0\.1:1\/db: connection refused;.*\n$/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("choosing the database", () => {
  it("--database-url, else --data-dir, else DATABASE_URL, else the default directory", () => {
    const env = { DATABASE_URL: "postgres://u@h/env" };
    assert.deepEqual(chooseDatabase({ url: "postgres://u@h/flag", defaultDir: "d", env }), {
      url: "postgres://u@h/flag",
    });
    assert.deepEqual(chooseDatabase({ dir: "mine", defaultDir: "d", env }), { dir: "mine" });
    assert.deepEqual(chooseDatabase({ defaultDir: "d", env }), { url: "postgres://u@h/env" });
    assert.deepEqual(chooseDatabase({ defaultDir: "d", env: { DATABASE_URL: " " } }), { dir: "d" });
    assert.deepEqual(chooseDatabase({ defaultDir: "d", env: {} }), { dir: "d" });
    assert.throws(() => chooseDatabase({ url: "postgres://u@h/x", dir: "y", defaultDir: "d", env }), /not both/);
  });

  it("masks passwords in locations", () => {
    assert.equal(
      maskUrl("postgres://u:p%40ss@h:5432/db?sslmode=require"),
      "postgres://u:***@h:5432/db?sslmode=require",
    );
    assert.equal(maskUrl("postgres://u@h/db"), "postgres://u@h/db");
  });
});
