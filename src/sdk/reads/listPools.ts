// Every (operator, asset) pool with its assets, shares, magnitudes and allocations.
import type { Address } from "viem";
import type { RampartClient } from "../client.ts";
import { WAD } from "../format.ts";
import { type AllocationSummary, isAllocated, magnitudeToFraction, readAllocation } from "./allocations.ts";
import { assetOf, chainNow, ethRateOf, reading, scanLogs, toEth } from "./internal.ts";
import { getOperatorRegistrations, getOperatorSetRecords } from "./registry.ts";

export interface PoolAllocation extends AllocationSummary {
  service: Address;
}

export interface PoolSummary {
  operator: Address;
  operatorName: string | undefined;
  asset: Address;
  symbol: string;
  decimals: number;
  totalAssets: bigint;
  totalShares: bigint;
  /** `totalAssets` in ETH wei when the asset's rate is known. */
  ethValue: bigint | undefined;
  /** WAD minus the magnitude slashed so far; 0 once fully slashed. */
  maxMagnitude: bigint;
  encumberedMagnitude: bigint;
  /** Share of the pool promised to operator sets, now or pending (WAD, E / M). */
  encumberedWad: bigint;
  /** Share of the pool's original magnitude lost to slashes (WAD). */
  slashedWad: bigint;
  fullySlashed: boolean;
  /** Allocations with anything in them, now or pending. */
  allocations: PoolAllocation[];
}

/** The (operator, asset) pairs of every pool that ever saw a deposit or an allocation, and the sets allocated. */
export async function findPools(
  client: RampartClient,
  toBlock?: bigint,
): Promise<{ operator: Address; asset: Address; setIds: number[] }[]> {
  const { publicClient, rampart } = client;
  const [deposits, allocations] = await Promise.all([
    scanLogs(
      client,
      (fromBlock, to) => publicClient.getContractEvents({ ...rampart, eventName: "Deposited", fromBlock, toBlock: to }),
      toBlock,
    ),
    scanLogs(
      client,
      (fromBlock, to) =>
        publicClient.getContractEvents({ ...rampart, eventName: "AllocationUpdated", fromBlock, toBlock: to }),
      toBlock,
    ),
  ]);
  const pools = new Map<string, { operator: Address; asset: Address; setIds: number[] }>();
  const poolOf = (operator: Address, asset: Address) => {
    const key = `${operator}:${asset}`.toLowerCase();
    let pool = pools.get(key);
    if (!pool) {
      pool = { operator, asset, setIds: [] };
      pools.set(key, pool);
    }
    return pool;
  };
  for (const log of deposits) {
    if (log.args.operator && log.args.asset) poolOf(log.args.operator, log.args.asset);
  }
  for (const log of allocations) {
    const { operator, asset, setId } = log.args;
    if (!operator || !asset || setId === undefined) continue;
    const pool = poolOf(operator, asset);
    if (!pool.setIds.includes(setId)) pool.setIds.push(setId);
  }
  for (const pool of pools.values()) pool.setIds.sort((a, b) => a - b);
  return [...pools.values()];
}

/**
 * Lists every pool seen in Deposited or AllocationUpdated events, with its current state.
 * @example
 * for (const pool of await listPools(client)) {
 *   console.log(pool.operator, pool.symbol, pool.totalAssets, pool.allocations.length);
 * }
 */
export async function listPools(client: RampartClient): Promise<PoolSummary[]> {
  const now = await reading("reading the latest block", () => chainNow(client));
  const [found, operators, sets] = await Promise.all([
    reading("reading pool events", () => findPools(client, now.blockNumber)),
    getOperatorRegistrations(client),
    getOperatorSetRecords(client),
  ]);
  return reading("reading pools", async () => {
    const rates = new Map<string, bigint | undefined>();
    for (const asset of new Set(found.map((pool) => pool.asset))) {
      rates.set(asset.toLowerCase(), await ethRateOf(client, assetOf(client, asset)));
    }
    const pools = await Promise.all(
      found.map((pool) => summarizePool(client, pool, operators, sets, rates.get(pool.asset.toLowerCase()))),
    );
    const order = (address: Address) => operators.findIndex((op) => op.address.toLowerCase() === address.toLowerCase());
    const assetOrder = (address: Address) =>
      client.deployment.assets.findIndex((a) => a.address.toLowerCase() === address.toLowerCase());
    return pools.sort((a, b) => order(a.operator) - order(b.operator) || assetOrder(a.asset) - assetOrder(b.asset));
  });
}

async function summarizePool(
  client: RampartClient,
  pool: { operator: Address; asset: Address; setIds: number[] },
  operators: { address: Address; name: string | undefined }[],
  sets: { id: number; service: Address }[],
  ethRate: bigint | undefined,
): Promise<PoolSummary> {
  const { publicClient, rampart } = client;
  const { operator, asset } = pool;
  const state = await publicClient.readContract({ ...rampart, functionName: "getPool", args: [operator, asset] });
  const maxMagnitude = WAD - state.slashedMagnitude;
  const allocations = await Promise.all(
    pool.setIds.map(async (setId) => ({
      ...(await readAllocation(client, operator, asset, setId, maxMagnitude)),
      service: sets.find((set) => set.id === setId)?.service ?? operator,
    })),
  );
  const info = assetOf(client, asset);
  return {
    operator,
    operatorName: operators.find((op) => op.address.toLowerCase() === operator.toLowerCase())?.name,
    asset,
    symbol: info.symbol,
    decimals: info.decimals,
    totalAssets: state.totalAssets,
    totalShares: state.totalShares,
    ethValue: toEth(state.totalAssets, info.decimals, ethRate),
    maxMagnitude,
    encumberedMagnitude: state.encumberedMagnitude,
    encumberedWad: magnitudeToFraction(state.encumberedMagnitude, maxMagnitude),
    slashedWad: state.slashedMagnitude,
    fullySlashed: maxMagnitude === 0n,
    allocations: allocations.filter(isAllocated),
  };
}

/**
 * One pool's current state and allocations.
 * @example
 * const pool = await getPool(client, operator, "wstETH");
 */
export async function getPool(client: RampartClient, operator: Address, asset: Address): Promise<PoolSummary> {
  const [found, operators, sets] = await Promise.all([
    reading("reading pool events", () => findPools(client)),
    getOperatorRegistrations(client),
    getOperatorSetRecords(client),
  ]);
  const match = found.find(
    (pool) =>
      pool.operator.toLowerCase() === operator.toLowerCase() && pool.asset.toLowerCase() === asset.toLowerCase(),
  ) ?? { operator, asset, setIds: [] };
  return reading("reading the pool", async () =>
    summarizePool(client, match, operators, sets, await ethRateOf(client, assetOf(client, asset))),
  );
}
