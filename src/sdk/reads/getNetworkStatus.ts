// One look at a deployment: the chain, the contracts, the value locked, and how many of everything there are.
import type { Address } from "viem";
import type { RampartClient } from "../client.ts";
import { pauseFlagName } from "../errors.ts";
import { chainNow, reading, scanLogs } from "./internal.ts";
import { type AssetSummary, listAssets } from "./listAssets.ts";
import { getOperatorRegistrations, getServiceRegistrations } from "./registry.ts";

export interface NetworkStatus {
  chainId: number;
  blockNumber: bigint;
  /** Timestamp of the latest block (unix seconds): the chain's "now". */
  blockTimestamp: bigint;
  contracts: { rampart: Address; directory: Address; timelock: Address };
  /** Seconds between queueing and completing a withdrawal. */
  withdrawalDelay: number;
  /** Paused actions as bit flags, and their names ("none" when nothing is paused). */
  pausedFlags: number;
  paused: string;
  /** Value locked per asset. */
  assets: AssetSummary[];
  /** Sum of the ETH values that are known (assets without a rate are left out). */
  totalValueLockedEth: bigint;
  counts: {
    operators: number;
    services: number;
    operatorSets: number;
    /** Distinct addresses that ever held a position (from Deposited events). */
    stakers: number;
    withdrawalsQueued: bigint;
    slashes: bigint;
  };
}

/**
 * Reads the state of the whole deployment.
 * @example
 * const status = await getNetworkStatus(client);
 * console.log(`block ${status.blockNumber}, ${status.counts.operators} operators`);
 */
export async function getNetworkStatus(client: RampartClient): Promise<NetworkStatus> {
  const { publicClient, rampart } = client;
  const now = await reading("reading the latest block", () => chainNow(client));
  const [chainId, assets, operators, services, core, deposits] = await Promise.all([
    reading("reading the chain id", () => publicClient.getChainId()),
    listAssets(client),
    getOperatorRegistrations(client),
    getServiceRegistrations(client),
    reading("reading the core", () =>
      Promise.all([
        publicClient.readContract({ ...rampart, functionName: "withdrawalDelay" }),
        publicClient.readContract({ ...rampart, functionName: "pausedFlags" }),
        publicClient.readContract({ ...rampart, functionName: "operatorSetCount" }),
        publicClient.readContract({ ...rampart, functionName: "withdrawalCount" }),
        publicClient.readContract({ ...rampart, functionName: "slashCount" }),
      ]),
    ),
    reading("reading deposits", () =>
      scanLogs(
        client,
        (fromBlock, toBlock) =>
          publicClient.getContractEvents({ ...rampart, eventName: "Deposited", fromBlock, toBlock }),
        now.blockNumber,
      ),
    ),
  ]);
  const [withdrawalDelay, pausedFlags, operatorSets, withdrawalsQueued, slashes] = core;
  const stakers = new Set(deposits.map((log) => log.args.staker?.toLowerCase()).filter(Boolean));
  return {
    chainId,
    blockNumber: now.blockNumber,
    blockTimestamp: now.timestamp,
    contracts: { ...client.deployment.contracts },
    withdrawalDelay,
    pausedFlags,
    paused: pauseFlagName(pausedFlags),
    assets,
    totalValueLockedEth: assets.reduce((sum, asset) => sum + (asset.totalDepositedEth ?? 0n), 0n),
    counts: {
      operators: operators.length,
      services: services.length,
      operatorSets,
      stakers: stakers.size,
      withdrawalsQueued,
      slashes,
    },
  };
}
