// Small HTTP helpers for the API: JSON responses, errors with a hint, address validation, and share math that
// matches the core's (contracts/src/libraries/SharesMath.sol).
import type { ServerResponse } from "node:http";

/** An error the API answers with `{ error, hint }` and an HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendJsonText(res, status, JSON.stringify(body));
}

export function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    // Public, read-only data: any page (the web app in development, an analyst's notebook) may read it.
    "access-control-allow-origin": "*",
  });
  res.end(text);
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** A path segment that must be an address: returned lowercase (as the indexer stores them), or a 400. */
export function parseAddress(value: string, what: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    decoded = value;
  }
  if (!ADDRESS.test(decoded)) {
    throw new ApiError(
      400,
      `${what} "${decoded}" is not an address`,
      "pass a 0x-prefixed 20-byte hex address (40 hex digits), e.g. 0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
    );
  }
  return decoded.toLowerCase();
}

/** SharesMath.VIRTUAL_SHARES and VIRTUAL_ASSETS. */
export const VIRTUAL_SHARES = 1_000_000n;
export const VIRTUAL_ASSETS = 1n;

/** Assets `shares` are worth in a pool, rounded down: SharesMath.toAssetsDown. */
export function sharesToAssets(shares: bigint, totalAssets: bigint, totalShares: bigint): bigint {
  return (shares * (totalAssets + VIRTUAL_ASSETS)) / (totalShares + VIRTUAL_SHARES);
}
