// Helpers shared by the reads and actions: event scans from the deployment's start block, asset lookups, ETH rates,
// names from metadata, operator references.
import { type Address, getAddress, isAddress } from "viem";
import { localStandInLstAbi } from "../abis.ts";
import type { RampartClient } from "../client.ts";
import { type DeployedAsset, findAsset } from "../deployment.ts";
import { RampartError, toRampartError } from "../errors.ts";
import { WAD } from "../format.ts";

/** Most blocks asked for in one eth_getLogs call (public RPCs cap the range). */
export const LOG_CHUNK_BLOCKS = 50_000n;

/** The latest block's number and timestamp: "now" for every read. */
export interface ChainNow {
  blockNumber: bigint;
  timestamp: bigint;
}

/** Reads the latest block. */
export async function chainNow(client: RampartClient): Promise<ChainNow> {
  const block = await client.publicClient.getBlock({ blockTag: "latest" });
  return { blockNumber: block.number, timestamp: block.timestamp };
}

/**
 * Runs `fetch` over [deployment.startBlock, toBlock] in ranges of at most LOG_CHUNK_BLOCKS blocks and concatenates
 * the results in order.
 */
export async function scanLogs<T>(
  client: RampartClient,
  fetch: (fromBlock: bigint, toBlock: bigint) => Promise<T[]>,
  toBlock?: bigint,
): Promise<T[]> {
  const last = toBlock ?? (await client.publicClient.getBlockNumber({ cacheTime: 0 }));
  const results: T[] = [];
  for (let from = BigInt(client.deployment.startBlock); from <= last; from += LOG_CHUNK_BLOCKS) {
    const to = from + LOG_CHUNK_BLOCKS - 1n < last ? from + LOG_CHUNK_BLOCKS - 1n : last;
    results.push(...(await fetch(from, to)));
  }
  return results;
}

/** The core's events indexed by staker. */
export type StakerEventName = "Deposited" | "WithdrawalQueued" | "WithdrawalCompleted";

/** Every `eventName` log of `staker` from the deployment block to `toBlock`, in chunks. */
export function scanStakerEvents<E extends StakerEventName>(
  client: RampartClient,
  staker: Address,
  eventName: E,
  toBlock: bigint,
) {
  return reading(`reading ${eventName} events`, () =>
    scanLogs(
      client,
      (fromBlock, to) =>
        client.publicClient.getContractEvents({
          ...client.rampart,
          eventName,
          // All three events index `staker`; TypeScript cannot see that through the generic event name.
          args: { staker } as never,
          fromBlock,
          toBlock: to,
        }),
      toBlock,
    ),
  );
}

/** Orders logs as the chain did. */
export function byChainOrder(
  a: { blockNumber: bigint | null; logIndex: number | null },
  b: { blockNumber: bigint | null; logIndex: number | null },
): number {
  const blocks = (a.blockNumber ?? 0n) - (b.blockNumber ?? 0n);
  if (blocks !== 0n) return blocks < 0n ? -1 : 1;
  return (a.logIndex ?? 0) - (b.logIndex ?? 0);
}

/** Runs a read and turns any failure into a RampartError (connection problems get their hint). */
export async function reading<T>(what: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw toRampartError(error, what);
  }
}

// ─────────────────────────── Assets ───────────────────────────

/** An asset of the deployment, or the minimum we can say about an address the deployment does not list. */
export function assetOf(client: RampartClient, address: Address): DeployedAsset {
  const found = client.deployment.assets.find((asset) => asset.address.toLowerCase() === address.toLowerCase());
  return (
    found ?? {
      symbol: `${address.slice(0, 6)}…${address.slice(-4)}`,
      address,
      decimals: 18,
      kind: "other",
      localStandIn: false,
    }
  );
}

/** Resolves an asset given by symbol (case-insensitive), address, or as a deployment asset. */
export function resolveAsset(client: RampartClient, asset: string | DeployedAsset): DeployedAsset {
  if (typeof asset !== "string") return asset;
  if (isAddress(asset, { strict: false })) {
    const known = client.deployment.assets.find((a) => a.address.toLowerCase() === asset.toLowerCase());
    if (known) return known;
  }
  return findAsset(client.deployment, asset);
}

/**
 * ETH per whole token (WAD) for assets whose ETH value we know: LocalStandInLST.exchangeRate() for LST stand-ins,
 * 1 for WETH; undefined otherwise (a real LST needs its own rate feed, which the deployment does not name).
 */
export async function ethRateOf(client: RampartClient, asset: DeployedAsset): Promise<bigint | undefined> {
  if (asset.kind === "WETH") return WAD;
  if (asset.kind === "LST" && asset.localStandIn) {
    return client.publicClient.readContract({
      address: asset.address,
      abi: localStandInLstAbi,
      functionName: "exchangeRate",
    });
  }
  return undefined;
}

/** Value in ETH wei of `amount` base units of a token worth `rate` ETH (WAD) per whole token. */
export function toEth(amount: bigint, decimals: number, rate: bigint | undefined): bigint | undefined {
  return rate === undefined ? undefined : (amount * rate) / 10n ** BigInt(decimals);
}

// ─────────────────────────── Names ───────────────────────────

/**
 * The JSON object a metadata URI carries inline: `data:application/json,{...}` (URL-encoded or base64) or a bare
 * JSON object. Remote URIs are never fetched: undefined, as for anything that is not a JSON object.
 */
export function metadataJson(uri: string | undefined): Record<string, unknown> | undefined {
  if (!uri) return undefined;
  const data = /^data:application\/json(;[^,]*)?,(.*)$/is.exec(uri);
  try {
    let json: string | undefined;
    if (data) {
      const payload = data[2] ?? "";
      json = /;base64/i.test(data[1] ?? "")
        ? Buffer.from(payload, "base64").toString("utf8")
        : decodeURIComponent(payload);
    } else if (uri.trim().startsWith("{")) {
      json = uri;
    }
    if (json === undefined) return undefined;
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The `name` in a metadata URI's inline JSON (see metadataJson); undefined for remote URIs. */
export function metadataName(uri: string): string | undefined {
  const name = metadataJson(uri)?.name;
  return typeof name === "string" && name.trim() !== "" ? name.trim() : undefined;
}

/**
 * A metadata URI that carries its JSON inline, so that names show up without fetching anything.
 * @example
 * metadataUri({ name: "Alpha Staking" }); // "data:application/json,%7B%22name%22%3A%22Alpha%20Staking%22%7D"
 */
export function metadataUri(metadata: { name: string; [key: string]: unknown }): string {
  return `data:application/json,${encodeURIComponent(JSON.stringify(metadata))}`;
}

/** Checks and checksums an address typed by a person. */
export function parseAddress(text: string, what = "address"): Address {
  const trimmed = text.trim();
  if (!isAddress(trimmed, { strict: false })) {
    throw new RampartError(`"${text}" is not a valid ${what}`, {
      hint: "an address is 0x followed by 40 hexadecimal characters",
    });
  }
  return getAddress(trimmed);
}
