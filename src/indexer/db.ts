// The indexer's database: PGlite (embedded PostgreSQL in WASM) under a data directory or in memory, or a PostgreSQL
// server through a `pg` Pool when a postgres:// URL is given. Everything above this file talks to the small `Db`
// interface with plain PostgreSQL and $1-style parameters, and gets the same JavaScript values back from both: the
// pool parses column types the way PGlite does (see PGLITE_PARSERS), so dumps of the two are identical.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { SCHEMA_SQL, SCHEMA_VERSION } from "./schema.ts";

export type Row = Record<string, unknown>;

/** Something that runs SQL: the database, or a transaction inside it. */
export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements without parameters (DDL). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /** Where the data lives: a directory, "memory", or the PostgreSQL URL with its password masked. */
  readonly location: string;
  /**
   * How many writes this handle has made (transactions, DDL, non-SELECT statements), when it is the database's only
   * writer (PGlite: one process owns the directory). Readers can key caches on it without a query. Undefined on a
   * PostgreSQL server, where other processes may write.
   */
  writes?(): number;
}

export interface OpenDatabaseOptions {
  /** Data directory for PGlite (created if missing). Omit both this and `url` for an in-memory database. */
  dir?: string;
  /** A PostgreSQL server, postgres://user:password@host:5432/database. Takes precedence over `dir`. */
  url?: string;
  /** Connections in the pool (PostgreSQL only; default 10). */
  poolSize?: number;
  /** How long to wait for a PostgreSQL connection, in ms (default 10,000). */
  connectTimeoutMs?: number;
}

/** The `DATABASE_URL` env variable: when set (and not empty), the indexer uses that PostgreSQL server. */
export const DATABASE_URL_ENV = "DATABASE_URL";

/**
 * Resolves where the indexer's data lives. An explicit URL wins, then an explicit directory, then `DATABASE_URL`
 * from the environment, then PGlite under `defaultDir`. An explicit directory beats the env variable so that a
 * command line naming a directory never writes into whatever server the shell happens to point at.
 */
export function chooseDatabase(choice: {
  url?: string;
  dir?: string;
  defaultDir: string;
  env?: Record<string, string | undefined>;
}): OpenDatabaseOptions {
  const url = choice.url?.trim();
  const dir = choice.dir?.trim();
  if (url && dir) {
    throw new Error("give either a database URL (--database-url) or a data directory (--data-dir), not both");
  }
  if (url) return { url };
  if (dir) return { dir };
  const fromEnv = (choice.env ?? process.env)[DATABASE_URL_ENV]?.trim();
  if (fromEnv) return { url: fromEnv };
  return { dir: choice.defaultDir };
}

/** The URL with its password replaced by ***, for logs and error messages. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/(\/\/[^/:@]*:)[^@/]*@/, "$1***@");
  }
}

/** Opens (and creates or migrates) the indexer's database: a PostgreSQL server if `url` is given, else PGlite. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Db> {
  if (options.url !== undefined) return openPostgres(options.url, options);
  return openPglite(options.dir);
}

// ---------------------------------------------------------------------------------------------------------------
// PGlite

function wrapPglite(pglite: Pick<PGlite, "query">): Queryable {
  return {
    async query<T extends Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await pglite.query<T>(sql, params as unknown[]);
      return result.rows;
    },
  };
}

async function openPglite(dir: string | undefined): Promise<Db> {
  let pglite: PGlite;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    pglite = await PGlite.create(dir);
  } else {
    pglite = await PGlite.create();
  }
  let writes = 0;
  const plain = wrapPglite(pglite);
  const db: Db = {
    location: dir ?? "memory",
    async query<T extends Row>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      if (!/^\s*(SELECT|WITH)\b/i.test(sql)) writes++;
      try {
        return await plain.query<T>(sql, params);
      } finally {
        if (!/^\s*(SELECT|WITH)\b/i.test(sql)) writes++;
      }
    },
    transaction: async (fn) => {
      writes++;
      try {
        return await pglite.transaction((tx) => fn(wrapPglite(tx)));
      } finally {
        writes++;
      }
    },
    exec: async (sql) => {
      writes++;
      try {
        await pglite.exec(sql);
      } finally {
        writes++;
      }
    },
    close: () => pglite.close(),
    writes: () => writes,
  };
  // One process owns a PGlite directory, so no lock is needed around the DDL.
  try {
    await db.exec(SCHEMA_SQL);
    await checkSchemaVersion(db, "delete the directory to re-index from the chain", db.location);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL server

/** Key of the advisory lock that serializes schema creation between processes opening the same database. */
const SCHEMA_LOCK_KEY = 0x72616d70; // "ramp"

type Parser = (text: string) => unknown;

const identity: Parser = (text) => text;
const toNumber: Parser = (text) => +text;
/** PGlite's BIGINT: a number when it is a safe integer, else a bigint. */
const toSafeInteger: Parser = (text) => {
  const n = BigInt(text);
  return n < BigInt(Number.MIN_SAFE_INTEGER) || n > BigInt(Number.MAX_SAFE_INTEGER) ? n : Number(n);
};
const toDate: Parser = (text) => (text === "infinity" ? Infinity : text === "-infinity" ? -Infinity : new Date(text));
const toBytes: Parser = (text) => {
  const hex = text.slice(2);
  return Uint8Array.from({ length: hex.length / 2 }, (_, i) => Number.parseInt(hex.substring(i * 2, i * 2 + 2), 16));
};

/**
 * The text-format parsers PGlite (0.5) applies, by type OID; every other type comes back as the server's text.
 * node-postgres differs on BIGINT (string), NUMERIC[] (floats!), INTERVAL and POINT (objects), BYTEA (Buffer) and
 * DATE (local midnight), so its defaults are not used at all.
 */
const PGLITE_PARSERS = new Map<number, Parser>([
  [16, (text) => text === "t"], // boolean
  [17, toBytes], // bytea
  [20, toSafeInteger], // int8
  [21, toNumber], // int2
  [23, toNumber], // int4
  [26, toNumber], // oid
  [700, toNumber], // float4
  [701, toNumber], // float8
  [114, JSON.parse], // json
  [3802, JSON.parse], // jsonb
  [1082, toDate], // date
  [1114, toDate], // timestamp
  [1184, toDate], // timestamptz
]);

/** Parses a PostgreSQL array literal ({a,"b,c",NULL,{1,2}}, with an optional [1:2]= prefix). */
export function parseArrayLiteral(text: string, element: Parser, delimiter = ","): unknown[] {
  let i = text.startsWith("[") ? text.indexOf("=") + 1 : 0;
  const parseLevel = (): unknown[] => {
    const out: unknown[] = [];
    i++; // the opening brace
    while (i < text.length) {
      const ch = text[i];
      if (ch === "}") {
        i++;
        return out;
      }
      if (ch === delimiter) {
        i++;
      } else if (ch === "{") {
        out.push(parseLevel());
      } else if (ch === '"') {
        let value = "";
        i++;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === "\\") i++;
          value += text[i];
          i++;
        }
        i++; // the closing quote
        out.push(element(value));
      } else {
        let end = i;
        while (end < text.length && text[end] !== delimiter && text[end] !== "}") end++;
        const raw = text.slice(i, end);
        out.push(raw === "NULL" ? null : element(raw));
        i = end;
      }
    }
    return out;
  };
  return parseLevel();
}

/** Type parsers for one pool that give back what PGlite would; `arrays` maps array type OIDs to element OIDs. */
function pgliteCompatibleTypes(arrays: ReadonlyMap<number, number>): pg.CustomTypesConfig {
  const getTypeParser = (oid: number, format?: string): Parser => {
    if (format === "binary") return pg.types.getTypeParser(oid, "binary") as Parser;
    const scalar = PGLITE_PARSERS.get(oid);
    if (scalar) return scalar;
    const element = arrays.get(oid);
    if (element !== undefined) {
      const parse = PGLITE_PARSERS.get(element) ?? identity;
      return (text) => parseArrayLiteral(text, parse, oid === 1020 ? ";" : ",");
    }
    return identity;
  };
  return { getTypeParser: getTypeParser as pg.CustomTypesConfig["getTypeParser"] };
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/** A connection failure as one line: what went wrong and what to do about it. */
function connectError(error: unknown, location: string, database: string, timeoutMs: number): Error {
  const e = error as { code?: string; message?: string; errors?: { code?: string; message?: string }[] };
  const code = e.code ?? e.errors?.[0]?.code;
  const message = oneLine(e.message || e.errors?.[0]?.message || String(error));
  let what: string;
  let hint: string;
  if (code === "ECONNREFUSED") {
    what = "connection refused";
    hint =
      "check that the server is running and listening on that host and port " +
      "(scripts/postgres.sh start <dir> starts a local one), or fix DATABASE_URL / --database-url";
  } else if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    what = `unknown host (${code})`;
    hint = "check the host name in DATABASE_URL / --database-url";
  } else if (code === "28P01" || code === "28000") {
    what = message;
    hint = "check the user and password in DATABASE_URL / --database-url";
  } else if (code === "3D000") {
    what = message;
    hint = `create it (createdb ${database}) or point DATABASE_URL / --database-url at an existing database`;
  } else if (/timeout/i.test(message)) {
    what = `no connection within ${timeoutMs} ms`;
    hint = "check the host and port, and that a firewall lets the connection through";
  } else {
    what = code ? `${message} (${code})` : message;
    hint = "check DATABASE_URL / --database-url and the server's log";
  }
  return new Error(`cannot connect to PostgreSQL at ${location}: ${what}; ${hint}`, { cause: error });
}

function wrapClient(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T extends Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await client.query<T>(sql, params as unknown[]);
      return result.rows;
    },
  };
}

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Db> {
  const location = maskUrl(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(
      `the database URL "${location}" is malformed; expected postgres://user:password@host:5432/database ` +
        "(percent-encode special characters in the password)",
    );
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new Error(
      `the database URL "${location}" is not a PostgreSQL URL (${parsed.protocol}//); ` +
        "expected postgres://user:password@host:5432/database",
    );
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "(the user's name)";
  const timeoutMs = options.connectTimeoutMs ?? 10_000;
  const arrays = new Map<number, number>();
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: timeoutMs,
    idleTimeoutMillis: 30_000,
    types: pgliteCompatibleTypes(arrays),
    // The same session settings as PGlite, so that timestamps and intervals print the same as text.
    onConnect: async (client) => {
      await client.query("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, MDY'; SET IntervalStyle = 'postgres'");
    },
  });
  // An idle connection that breaks (server restart) is dropped by the pool and replaced on the next query; without
  // a listener the error would end the process.
  pool.on("error", (error) => {
    process.stderr.write(`[db] idle PostgreSQL connection lost (${oneLine(error.message)}); reconnecting on demand\n`);
  });

  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => {});
    throw connectError(error, location, database, timeoutMs);
  }

  const db: Db = {
    ...wrapClient(pool),
    location,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const tx = await pool.connect();
      let broken = false;
      try {
        await tx.query("BEGIN");
        const result = await fn(wrapClient(tx));
        await tx.query("COMMIT");
        return result;
      } catch (error) {
        try {
          await tx.query("ROLLBACK");
        } catch {
          broken = true; // the connection is gone: do not hand it out again
        }
        throw error;
      } finally {
        tx.release(broken);
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };

  try {
    // Array types as PGlite knows them (it parses every array whose element type it parses).
    const rows = await client.query<{ array: number; element: number }>(
      "SELECT typarray::int AS array, oid::int AS element FROM pg_type WHERE typarray <> 0",
    );
    for (const row of rows.rows) arrays.set(row.array, row.element);
    // CREATE TABLE IF NOT EXISTS is not safe against a concurrent CREATE of the same table (both can pass the check
    // and one fails on pg_type's unique index): an indexer and an API opening one database at once take turns.
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [SCHEMA_LOCK_KEY]);
    await client.query(SCHEMA_SQL);
    await checkSchemaVersion(
      wrapClient(client),
      "drop and re-create the database (or point DATABASE_URL at a new one) to re-index from the chain",
      location,
    );
    await client.query("COMMIT");
    client.release();
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    client.release(true);
    await pool.end().catch(() => {});
    throw error;
  }
  return db;
}

// ---------------------------------------------------------------------------------------------------------------

async function checkSchemaVersion(q: Queryable, remedy: string, location: string): Promise<void> {
  const [version] = await q.query<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'");
  if (!version) {
    await q.query("INSERT INTO meta (key, value) VALUES ('schema_version', $1)", [String(SCHEMA_VERSION)]);
  } else if (version.value !== String(SCHEMA_VERSION)) {
    throw new Error(
      `the indexer database at ${location} has schema version ${version.value}, ` +
        `this code expects ${SCHEMA_VERSION}; ${remedy}`,
    );
  }
}
