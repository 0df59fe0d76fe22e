// Reads the calculator's input from a node through the SDK: every core, Directory and RampartRewards event that moves
// stake, allocations, commissions or programs, in chain order, with block timestamps.
import { type Address, decodeEventLog, type Log } from "viem";
import { directoryAbi, rampartAbi, rewardsAbi } from "../sdk/abis.ts";
import type { RampartClient } from "../sdk/client.ts";
import { byChainOrder, reading, scanLogs } from "../sdk/reads/internal.ts";
import { blockTimes } from "../sdk/reads/rewardPrograms.ts";
import { addr, type ProtocolEvent } from "./model.ts";

const KINDS = ["pro-rata", "operator-directed"] as const;

const CORE_EVENTS = new Set([
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
  if (from === client.rampart.address.toLowerCase()) {
    let decoded: ReturnType<typeof decodeEventLog<typeof rampartAbi>>;
    try {
      decoded = decodeEventLog({ abi: rampartAbi, data: log.data, topics: log.topics });
    } catch {
      return undefined;
    }
    if (!CORE_EVENTS.has(decoded.eventName)) return undefined;
    switch (decoded.eventName) {
      case "OperatorSetCreated":
        return { ...position, type: decoded.eventName, setId: decoded.args.setId, service: addr(decoded.args.service) };
      case "AllocationUpdated": {
        const a = decoded.args;
        return {
          ...position,
          type: decoded.eventName,
          operator: addr(a.operator),
          asset: addr(a.asset),
          setId: a.setId,
          magnitude: a.magnitude,
          pendingMagnitude: a.pendingMagnitude,
          effectAt: BigInt(a.effectAt),
        };
      }
      case "PoolMagnitudesUpdated": {
        const a = decoded.args;
        return {
          ...position,
          type: decoded.eventName,
          operator: addr(a.operator),
          asset: addr(a.asset),
          maxMagnitude: a.maxMagnitude,
        };
      }
      case "Deposited": {
        const a = decoded.args;
        return {
          ...position,
          type: decoded.eventName,
          staker: addr(a.staker),
          operator: addr(a.operator),
          asset: addr(a.asset),
          amount: a.amount,
          shares: a.shares,
        };
      }
      case "WithdrawalQueued": {
        const w = decoded.args.withdrawal;
        return {
          ...position,
          type: decoded.eventName,
          id: decoded.args.id,
          staker: addr(w.staker),
          operator: addr(w.operator),
          asset: addr(w.asset),
          shares: w.shares,
          redelegateTo: /^0x0{40}$/.test(w.redelegateTo) ? undefined : addr(w.redelegateTo),
        };
      }
      case "WithdrawalCompleted":
        return {
          ...position,
          type: decoded.eventName,
          id: decoded.args.id,
          assets: decoded.args.assets,
          newShares: decoded.args.newShares,
        };
      case "Slashed":
        return {
          ...position,
          type: decoded.eventName,
          operator: addr(decoded.args.operator),
          asset: addr(decoded.args.asset),
          assetsSlashed: decoded.args.assetsSlashed,
        };
      default:
        return undefined;
    }
  }
  if (from === client.directory.address.toLowerCase()) {
    try {
      const decoded = decodeEventLog({ abi: directoryAbi, data: log.data, topics: log.topics });
      if (decoded.eventName !== "CommissionSet") return undefined;
      return {
        ...position,
        type: "CommissionSet",
        operator: addr(decoded.args.operator),
        service: addr(decoded.args.service),
        bps: BigInt(decoded.args.bps),
        effectAt: BigInt(decoded.args.effectAt),
      };
    } catch {
      return undefined;
    }
  }
  if (from === client.rewards.address.toLowerCase()) {
    try {
      const decoded = decodeEventLog({ abi: rewardsAbi, data: log.data, topics: log.topics });
      if (decoded.eventName !== "RewardProgramCreated") return undefined;
      const p = decoded.args.params;
      return {
        ...position,
        type: "RewardProgramCreated",
        program: {
          id: decoded.args.programId,
          setId: p.setId,
          service: addr(decoded.args.service),
          kind: KINDS[p.kind] ?? "pro-rata",
          token: addr(p.token),
          amount: p.amount,
          startTime: BigInt(p.startTime),
          duration: BigInt(p.duration),
          weights: p.assets.map((asset, i) => ({ asset: addr(asset), weight: p.weights[i] ?? 0n })),
          operatorAmounts: p.operators.map((operator, i) => ({
            operator: addr(operator),
            amount: p.operatorAmounts[i] ?? 0n,
          })),
          createdAt: time,
        },
      };
    } catch {
      return undefined;
    }
  }
  return undefined;
}
