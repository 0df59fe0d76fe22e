// The shape of one API route, shared by the server's own routes and the engine routes (risk, rewards).
import type { Db } from "../indexer/db.ts";
import type { Deployment } from "../sdk/deployment.ts";
import type { EthRates } from "./rates.ts";
import type { StandInSource } from "./snapshot-from-db.ts";

/** What a handler gets: the database, the deployment, the clock, and the path's captured segments. */
export interface Context {
  db: Db;
  deployment: Deployment;
  /** Unix seconds the answer is "as of": the last indexed block's time unless the server was given a clock. */
  now: () => Promise<number>;
  /** Captured path segments, decoded by the handler (see parseAddress). */
  params: string[];
  /** ETH per token over time, for ETH values beside token amounts. */
  rates: EthRates;
  /**
   * The local stand-in LSTs' rate parameters (declared APR, rate history) for risk snapshots; without it they are
   * priced with `rates` and their history is two points.
   */
  standIns?: StandInSource;
  /**
   * A value shared by every request at the current indexed block (computed once, concurrent callers wait for the same
   * promise). `name` must say everything the value depends on besides the block (e.g. include the clock).
   */
  perBlock<T>(name: string, make: () => Promise<T>): Promise<T>;
  /** The query string. */
  query: URLSearchParams;
}

export type Handler = (ctx: Context) => Promise<unknown>;

export interface Route {
  /** The path as the OpenAPI document writes it, e.g. /operators/{address}. */
  path: string;
  pattern: RegExp;
  handler: Handler;
}
