// The indexer's database: PGlite (embedded PostgreSQL in WASM) under a data directory, or in memory for tests.
// Everything above this file talks to the small `Db` interface with plain PostgreSQL and $1-style parameters, so a
// `pg` Pool can stand in for PGlite later without touching the indexer.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
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
  /** Where the data lives: a directory, or "memory". */
  readonly location: string;
}

export interface OpenDatabaseOptions {
  /** Data directory (created if missing). Omit for an in-memory database. */
  dir?: string;
}

function wrap(pg: Pick<PGlite, "query">): Queryable {
  return {
    async query<T extends Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await pg.query<T>(sql, params as unknown[]);
      return result.rows;
    },
  };
}

/** Opens (and creates or migrates) the indexer's database. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Db> {
  let pg: PGlite;
  if (options.dir) {
    mkdirSync(options.dir, { recursive: true });
    pg = await PGlite.create(options.dir);
  } else {
    pg = await PGlite.create();
  }
  const base = wrap(pg);
  const db: Db = {
    ...base,
    location: options.dir ?? "memory",
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    close: () => pg.close(),
  };
  await db.exec(SCHEMA_SQL);
  const [version] = await db.query<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'");
  if (!version) {
    await db.query("INSERT INTO meta (key, value) VALUES ('schema_version', $1)", [String(SCHEMA_VERSION)]);
  } else if (version.value !== String(SCHEMA_VERSION)) {
    await db.close();
    throw new Error(
      `the indexer database at ${db.location} has schema version ${version.value}, this code expects ${SCHEMA_VERSION}; ` +
        "delete the directory to re-index from the chain",
    );
  }
  return db;
}
