// Reward programs, distribution roots and claims, read from RampartRewards' events and state.
import { type Address, getAddress, type Hex } from "viem";
import type { RampartClient } from "../client.ts";
import { RampartError } from "../errors.ts";
import { byChainOrder, chainNow, reading, scanLogs } from "./internal.ts";

export type RewardProgramKind = "pro-rata" | "operator-directed";

/** A reward program as the service funded it. */
export interface RewardProgramInfo {
  id: bigint;
  setId: number;
  service: Address;
  kind: RewardProgramKind;
  token: Address;
  /** Escrowed, in the token's base units. */
  amount: bigint;
  /** First day's start and the program's length, unix seconds. */
  startTime: bigint;
  duration: bigint;
  /** Assets whose allocated stake earns, and how much one base unit of each counts. */
  assets: { address: Address; weight: bigint }[];
  /** Operator-directed programs: each named operator's amount over the whole program. */
  operators: { address: Address; amount: bigint }[];
  /** The creation's block, timestamp and transaction. */
  createdAtBlock: bigint;
  createdAt: bigint;
  transactionHash: Hex;
}

const KINDS: readonly RewardProgramKind[] = ["pro-rata", "operator-directed"];

/**
 * Every reward program created so far, oldest first.
 * @example
 * const programs = await listRewardPrograms(client);
 */
export async function listRewardPrograms(client: RampartClient): Promise<RewardProgramInfo[]> {
  return reading("reading reward programs", async () => {
    const logs = await scanLogs(client, (fromBlock, toBlock) =>
      client.publicClient.getContractEvents({
        ...client.rewards,
        eventName: "RewardProgramCreated",
        fromBlock,
        toBlock,
      }),
    );
    logs.sort(byChainOrder);
    const times = await blockTimes(client, logs);
    return logs.map((log) => {
      const { programId, service, params } = log.args as Required<typeof log.args>;
      return {
        id: programId,
        setId: params.setId,
        service: getAddress(service),
        kind: KINDS[params.kind] ?? "pro-rata",
        token: getAddress(params.token),
        amount: params.amount,
        startTime: BigInt(params.startTime),
        duration: BigInt(params.duration),
        assets: params.assets.map((address, i) => ({
          address: getAddress(address),
          weight: params.weights[i] ?? 0n,
        })),
        operators: params.operators.map((address, i) => ({
          address: getAddress(address),
          amount: params.operatorAmounts[i] ?? 0n,
        })),
        createdAtBlock: log.blockNumber,
        createdAt: times.get(log.blockNumber) ?? 0n,
        transactionHash: log.transactionHash,
      };
    });
  });
}

/** A posted distribution root and its state now. */
export interface DistributionRootInfo {
  index: number;
  root: Hex;
  calculatedUntil: bigint;
  activatesAt: bigint;
  disabled: boolean;
  /** "active", "pending" (not yet activated) or "disabled". */
  status: "active" | "pending" | "disabled";
}

/**
 * Every posted root, oldest first, with its status at the latest block.
 * @example
 * const roots = await listDistributionRoots(client);
 */
export async function listDistributionRoots(client: RampartClient): Promise<DistributionRootInfo[]> {
  return reading("reading distribution roots", async () => {
    const [count, now] = await Promise.all([
      client.publicClient.readContract({ ...client.rewards, functionName: "rootCount" }),
      chainNow(client),
    ]);
    const roots = await Promise.all(
      Array.from({ length: count }, (_, index) =>
        client.publicClient.readContract({ ...client.rewards, functionName: "getRoot", args: [index] }),
      ),
    );
    return roots.map((root, index) => ({
      index,
      root: root.root,
      calculatedUntil: BigInt(root.calculatedUntil),
      activatesAt: BigInt(root.activatesAt),
      disabled: root.disabled,
      status: root.disabled ? "disabled" : now.timestamp >= BigInt(root.activatesAt) ? "active" : "pending",
    }));
  });
}

/** The latest root that can be claimed against now, or undefined. */
export function latestActiveRoot(roots: readonly DistributionRootInfo[]): DistributionRootInfo | undefined {
  for (let i = roots.length - 1; i >= 0; i--) {
    const root = roots[i] as DistributionRootInfo;
    if (root.status === "active") return root;
  }
  return undefined;
}

/** What `earner` has claimed of each of `tokens` (base units). */
export async function getClaimed(
  client: RampartClient,
  earner: Address,
  tokens: readonly Address[],
): Promise<Map<Address, bigint>> {
  return reading("reading claimed rewards", async () => {
    const claimed = await Promise.all(
      tokens.map((token) =>
        client.publicClient.readContract({
          ...client.rewards,
          functionName: "cumulativeClaimed",
          args: [earner, token],
        }),
      ),
    );
    return new Map(tokens.map((token, i) => [token, claimed[i] ?? 0n]));
  });
}

/**
 * Timestamps of the blocks of `logs` (plus `extra` blocks). Nodes that put `blockTimestamp` in logs (anvil, geth,
 * reth) need no further request; for the others each block's header is fetched once.
 */
export async function blockTimes(
  client: RampartClient,
  logs: readonly { blockNumber: bigint | null; blockTimestamp?: bigint | null | undefined }[],
  extra: readonly bigint[] = [],
): Promise<Map<bigint, bigint>> {
  const times = new Map<bigint, bigint>();
  for (const log of logs) {
    if (log.blockNumber !== null && typeof log.blockTimestamp === "bigint")
      times.set(log.blockNumber, log.blockTimestamp);
  }
  const wanted = [...logs.map((log) => log.blockNumber).filter((b): b is bigint => b !== null), ...extra];
  const unique = [...new Set(wanted)].filter((block) => !times.has(block));
  const BATCH = 50;
  for (let i = 0; i < unique.length; i += BATCH) {
    const slice = unique.slice(i, i + BATCH);
    const fetched = await Promise.all(
      slice.map((blockNumber) => client.publicClient.getBlock({ blockNumber, includeTransactions: false })),
    );
    fetched.forEach((block, j) => {
      times.set(slice[j] as bigint, block.timestamp);
    });
  }
  return times;
}

/** The reward token entry of the deployment for `token`, or a minimal description of an unknown one. */
export function rewardTokenOf(
  client: RampartClient,
  token: Address,
): { symbol: string; address: Address; decimals: number; ethPerToken: bigint | undefined } {
  const lower = token.toLowerCase();
  const known = client.deployment.rewardTokens.find((t) => t.address.toLowerCase() === lower);
  if (known) {
    return {
      symbol: known.symbol,
      address: known.address,
      decimals: known.decimals,
      ethPerToken: known.ethPerToken === undefined ? undefined : BigInt(known.ethPerToken),
    };
  }
  const asset = client.deployment.assets.find((a) => a.address.toLowerCase() === lower);
  if (asset) return { symbol: asset.symbol, address: asset.address, decimals: asset.decimals, ethPerToken: undefined };
  return { symbol: `${token.slice(0, 6)}…${token.slice(-4)}`, address: token, decimals: 18, ethPerToken: undefined };
}

/** Resolves a reward token given by symbol or address against the deployment's reward tokens and assets. */
export function resolveRewardToken(client: RampartClient, text: string): Address {
  const wanted = text.trim().toLowerCase();
  const found =
    client.deployment.rewardTokens.find(
      (t) => t.symbol.toLowerCase() === wanted || t.address.toLowerCase() === wanted,
    ) ?? client.deployment.assets.find((a) => a.symbol.toLowerCase() === wanted || a.address.toLowerCase() === wanted);
  if (found) return found.address;
  if (/^0x[0-9a-fA-F]{40}$/.test(text.trim())) return getAddress(text.trim());
  throw new RampartError(`unknown reward token "${text}"`, {
    hint: `use an address or one of: ${[...client.deployment.rewardTokens, ...client.deployment.assets].map((t) => t.symbol).join(", ")}`,
  });
}
