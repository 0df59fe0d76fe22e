// Reads the calculator's input from a node through the SDK: every core, Directory and RampartRewards event that moves
// stake, allocations, commissions or programs, in chain order, with block timestamps.
import { type Abi, type Address, decodeEventLog, type Log } from "viem";
import { directoryAbi, rampartAbi, rewardsAbi } from "../sdk/abis.ts";
import type { RampartClient } from "../sdk/client.ts";
import { byChainOrder, reading, scanLogs } from "../sdk/reads/internal.ts";
import { blockTimes } from "../sdk/reads/rewardPrograms.ts";
import { addr, type EventPosition, type ProtocolEvent } from "./model.ts";

const KINDS = ["pro-rata", "operator-directed"] as const;

/** The core events the calculator uses (Directory: CommissionSet; RampartRewards: RewardProgramCreated). */
export const CORE_EVENTS: ReadonlySet<string> = new Set([
  "OperatorSetCreated",
  "AllocationUpdated",
  "PoolMagnitudesUpdated",
  "Deposited",
  "WithdrawalQueued",
  "WithdrawalCompleted",
  "Slashed",
]);

export interface ReadEventsResult {
  events: ProtocolEvent[];
  /** The block the events were read up to, and its timestamp. */
  toBlock: bigint;
  toTime: bigint;
}

/**
 * Every event the rewards calculator needs, up to `toBlock` (default: latest).
 * @param onProgress called with the number of logs read so far (long scans on real chains).
 */
export async function readRewardEvents(
  client: RampartClient,
  options: { toBlock?: bigint; onProgress?: (logs: number) => void } = {},
): Promise<ReadEventsResult> {
  return reading("reading protocol events for rewards", async () => {
    const latest = options.toBlock ?? (await client.publicClient.getBlockNumber({ cacheTime: 0 }));
    const addresses = [client.rampart.address, client.directory.address, client.rewards.address];
    let count = 0;
    const logs = await scanLogs(
      client,
      async (fromBlock, toBlock) => {
        const chunk = await client.publicClient.getLogs({ address: addresses, fromBlock, toBlock });
        count += chunk.length;
        options.onProgress?.(count);
        return chunk;
      },
      latest,
    );
    logs.sort(byChainOrder);
    const times = await blockTimes(client, logs, [latest]);
    const events: ProtocolEvent[] = [];
    for (const log of logs) {
      const event = decode(client, log, times.get(log.blockNumber as bigint) ?? 0n);
      if (event) events.push(event);
    }
    return { events, toBlock: latest, toTime: times.get(latest) ?? 0n };
  });
}

function decode(client: RampartClient, log: Log, time: bigint): ProtocolEvent | undefined {
  const position = { time, blockNumber: log.blockNumber as bigint, logIndex: log.logIndex as number };
  const from = (log.address as Address).toLowerCase();
  const contract =
    from === client.rampart.address.toLowerCase()
      ? { name: "rampart" as const, abi: rampartAbi }
      : from === client.directory.address.toLowerCase()
        ? { name: "directory" as const, abi: directoryAbi }
        : from === client.rewards.address.toLowerCase()
          ? { name: "rewards" as const, abi: rewardsAbi }
          : undefined;
  if (!contract) return undefined;
  let decoded: { eventName: string; args: unknown };
  try {
    decoded = decodeEventLog({ abi: contract.abi as Abi, data: log.data, topics: log.topics }) as typeof decoded;
  } catch {
    return undefined;
  }
  return protocolEventOf(contract.name, decoded.eventName, decoded.args as Record<string, unknown>, position);
}

/** A uint argument: a bigint (as viem decodes it), a number (small uints) or a decimal string (the indexer's JSON). */
function big(value: unknown): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" || typeof value === "string") return BigInt(value);
  throw new Error(`expected an integer event argument, got ${String(value)}`);
}

const int = (value: unknown): number => Number(big(value));
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};

/**
 * The calculator's event for one decoded log, or undefined for events it does not use. `args` are the decoded
 * arguments by name, either as viem decodes them (bigints) or as the indexer stores them in its `events` table
 * (bigints as decimal strings, addresses lowercase): both paths share this mapping, so they cannot disagree.
 */
export function protocolEventOf(
  contract: "rampart" | "directory" | "rewards",
  name: string,
  args: Record<string, unknown>,
  position: EventPosition,
): ProtocolEvent | undefined {
  const a = args;
  const address = (value: unknown) => addr(String(value));
  if (contract === "rampart") {
    if (!CORE_EVENTS.has(name)) return undefined;
    switch (name) {
      case "OperatorSetCreated":
        return { ...position, type: name, setId: int(a.setId), service: address(a.service) };
      case "AllocationUpdated":
        return {
          ...position,
          type: name,
          operator: address(a.operator),
          asset: address(a.asset),
          setId: int(a.setId),
          magnitude: big(a.magnitude),
          pendingMagnitude: big(a.pendingMagnitude),
          effectAt: big(a.effectAt),
        };
      case "PoolMagnitudesUpdated":
        return {
          ...position,
          type: name,
          operator: address(a.operator),
          asset: address(a.asset),
          maxMagnitude: big(a.maxMagnitude),
        };
      case "Deposited":
        return {
          ...position,
          type: name,
          staker: address(a.staker),
          operator: address(a.operator),
          asset: address(a.asset),
          amount: big(a.amount),
          shares: big(a.shares),
        };
      case "WithdrawalQueued": {
        const w = record(a.withdrawal);
        const redelegateTo = String(w.redelegateTo);
        return {
          ...position,
          type: name,
          id: big(a.id),
          staker: address(w.staker),
          operator: address(w.operator),
          asset: address(w.asset),
          shares: big(w.shares),
          redelegateTo: /^0x0{40}$/.test(redelegateTo) ? undefined : address(redelegateTo),
        };
      }
      case "WithdrawalCompleted":
        return { ...position, type: name, id: big(a.id), assets: big(a.assets), newShares: big(a.newShares) };
      case "Slashed":
        return {
          ...position,
          type: name,
          operator: address(a.operator),
          asset: address(a.asset),
          assetsSlashed: big(a.assetsSlashed),
        };
      default:
        return undefined;
    }
  }
  if (contract === "directory") {
    if (name !== "CommissionSet") return undefined;
    return {
      ...position,
      type: "CommissionSet",
      operator: address(a.operator),
      service: address(a.service),
      bps: big(a.bps),
      effectAt: big(a.effectAt),
    };
  }
  if (name !== "RewardProgramCreated") return undefined;
  const p = record(a.params);
  const assets = list(p.assets);
  const weights = list(p.weights);
  const operators = list(p.operators);
  const operatorAmounts = list(p.operatorAmounts);
  return {
    ...position,
    type: "RewardProgramCreated",
    program: {
      id: big(a.programId),
      setId: int(p.setId),
      service: address(a.service),
      kind: KINDS[int(p.kind)] ?? "pro-rata",
      token: address(p.token),
      amount: big(p.amount),
      startTime: big(p.startTime),
      duration: big(p.duration),
      weights: assets.map((asset, i) => ({
        asset: address(asset),
        weight: weights[i] === undefined ? 0n : big(weights[i]),
      })),
      operatorAmounts: operators.map((operator, i) => ({
        operator: address(operator),
        amount: operatorAmounts[i] === undefined ? 0n : big(operatorAmounts[i]),
      })),
      createdAt: position.time,
    },
  };
}
