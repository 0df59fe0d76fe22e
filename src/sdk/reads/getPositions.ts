// A staker's positions: shares per (operator, asset), what they are worth, what went in, what slashes took, and
// how much of each operator set's slashable stake is theirs.
import { type Address, zeroAddress } from "viem";
import type { RampartClient } from "../client.ts";
import { WAD } from "../format.ts";
import { magnitudeToFraction } from "./allocations.ts";
import {
  assetOf,
  byChainOrder,
  chainNow,
  ethRateOf,
  parseAddress,
  reading,
  scanLogs,
  scanStakerEvents,
  toEth,
} from "./internal.ts";
import { getOperatorRegistrations, getOperatorSetRecords } from "./registry.ts";

export interface PositionExposure {
  setId: number;
  service: Address;
  /** Fraction of the pool the set can slash now (WAD). */
  fractionWad: bigint;
  /** Assets of the whole pool the set can slash now. */
  poolSlashable: bigint;
  /** The staker's part of it: poolSlashable × shares / totalShares. */
  yourSlashable: bigint;
}

export interface Position {
  operator: Address;
  operatorName: string | undefined;
  asset: Address;
  symbol: string;
  decimals: number;
  /** Shares held (queued withdrawals excluded). */
  shares: bigint;
  /** Share of the pool's shares (WAD). */
  poolShareWad: bigint;
  /** What the shares are worth now, base units. */
  value: bigint;
  /** `value` in ETH wei when the asset's rate is known. */
  ethValue: bigint | undefined;
  /**
   * What the shares still held cost: deposits (and assets redelegated in) minus the part taken out by queued
   * withdrawals, pro rata to shares. Base units.
   */
  deposited: bigint;
  /** `deposited − value` when positive: what slashes took (and the pool's rounding, a few wei). */
  loss: bigint;
  /** Operator sets this pool is allocated to, with the staker's part of what they can slash. */
  exposures: PositionExposure[];
}

/** Differences up to this many base units are rounding, not losses. */
const ROUNDING_DUST = 10n;

export interface GetPositionsOptions {
  /** Also list (operator, asset) pairs where the staker holds no shares any more (default false). */
  includeEmpty?: boolean;
}

/**
 * The staker's positions, from their Deposited events and the redelegations they completed.
 * @example
 * for (const p of await getPositions(client, alice)) console.log(p.symbol, p.value, p.loss);
 */
export async function getPositions(
  client: RampartClient,
  staker: Address | string,
  options: GetPositionsOptions = {},
): Promise<Position[]> {
  const account = parseAddress(staker, "staker address");
  const { publicClient, rampart } = client;
  const now = await reading("reading the latest block", () => chainNow(client));
  const [deposits, queued, completed, operators, sets] = await Promise.all([
    scanStakerEvents(client, account, "Deposited", now.blockNumber),
    scanStakerEvents(client, account, "WithdrawalQueued", now.blockNumber),
    scanStakerEvents(client, account, "WithdrawalCompleted", now.blockNumber),
    getOperatorRegistrations(client),
    getOperatorSetRecords(client),
  ]);

  // Replay the staker's history in chain order to know what the shares still held cost.
  const books = new Map<string, { operator: Address; asset: Address; shares: bigint; deposited: bigint }>();
  const book = (operator: Address, asset: Address) => {
    const key = `${operator}:${asset}`.toLowerCase();
    let entry = books.get(key);
    if (!entry) {
      entry = { operator, asset, shares: 0n, deposited: 0n };
      books.set(key, entry);
    }
    return entry;
  };
  const redelegations = new Map<bigint, { to: Address; asset: Address }>();
  type Event =
    | { kind: "deposit"; log: (typeof deposits)[number] }
    | { kind: "queued"; log: (typeof queued)[number] }
    | { kind: "completed"; log: (typeof completed)[number] };
  const events: Event[] = [
    ...deposits.map((log) => ({ kind: "deposit" as const, log })),
    ...queued.map((log) => ({ kind: "queued" as const, log })),
    ...completed.map((log) => ({ kind: "completed" as const, log })),
  ].sort((a, b) => byChainOrder(a.log, b.log));
  for (const event of events) {
    if (event.kind === "deposit") {
      const { operator, asset, amount, shares } = event.log.args;
      if (!operator || !asset) continue;
      const entry = book(operator, asset);
      entry.shares += shares ?? 0n;
      entry.deposited += amount ?? 0n;
    } else if (event.kind === "queued") {
      const withdrawal = event.log.args.withdrawal;
      if (!withdrawal) continue;
      const entry = book(withdrawal.operator, withdrawal.asset);
      const removed = entry.shares > 0n ? (entry.deposited * withdrawal.shares) / entry.shares : entry.deposited;
      entry.deposited = removed > entry.deposited ? 0n : entry.deposited - removed;
      entry.shares = withdrawal.shares > entry.shares ? 0n : entry.shares - withdrawal.shares;
      if (withdrawal.redelegateTo !== zeroAddress) {
        redelegations.set(withdrawal.id, { to: withdrawal.redelegateTo, asset: withdrawal.asset });
      }
    } else {
      const { id, assets, newShares } = event.log.args;
      const target = id === undefined ? undefined : redelegations.get(id);
      if (!target || !newShares) continue; // a withdrawal, or a redelegation paid out in tokens
      const entry = book(target.to, target.asset);
      entry.shares += newShares;
      entry.deposited += assets ?? 0n;
    }
  }

  return reading("reading positions", async () => {
    const positions = await Promise.all(
      [...books.values()].map(async (entry): Promise<Position> => {
        const { operator, asset } = entry;
        const info = assetOf(client, asset);
        const [shares, pool, rate, allocationLogs] = await Promise.all([
          publicClient.readContract({ ...rampart, functionName: "sharesOf", args: [account, operator, asset] }),
          publicClient.readContract({ ...rampart, functionName: "getPool", args: [operator, asset] }),
          ethRateOf(client, info),
          scanLogs(
            client,
            (fromBlock, toBlock) =>
              publicClient.getContractEvents({
                ...rampart,
                eventName: "AllocationUpdated",
                args: { operator, asset },
                fromBlock,
                toBlock,
              }),
            now.blockNumber,
          ),
        ]);
        const value = await publicClient.readContract({
          ...rampart,
          functionName: "sharesToAssets",
          args: [operator, asset, shares],
        });
        const maxMagnitude = WAD - pool.slashedMagnitude;
        const setIds = [...new Set(allocationLogs.map((log) => log.args.setId).filter((id) => id !== undefined))];
        const exposures = (
          await Promise.all(
            setIds.map(async (setId): Promise<PositionExposure> => {
              const [allocation, poolSlashable] = await Promise.all([
                publicClient.readContract({
                  ...rampart,
                  functionName: "getAllocation",
                  args: [operator, asset, setId],
                }),
                publicClient.readContract({
                  ...rampart,
                  functionName: "slashableAssets",
                  args: [operator, asset, setId],
                }),
              ]);
              return {
                setId,
                service: sets.find((set) => set.id === setId)?.service ?? zeroAddress,
                fractionWad: magnitudeToFraction(allocation.magnitude, maxMagnitude),
                poolSlashable,
                yourSlashable: pool.totalShares === 0n ? 0n : (poolSlashable * shares) / pool.totalShares,
              };
            }),
          )
        )
          .filter((exposure) => exposure.poolSlashable > 0n || exposure.fractionWad > 0n)
          .sort((a, b) => a.setId - b.setId);
        const deposited = shares === 0n ? 0n : entry.deposited;
        return {
          operator,
          operatorName: operators.find((op) => op.address.toLowerCase() === operator.toLowerCase())?.name,
          asset,
          symbol: info.symbol,
          decimals: info.decimals,
          shares,
          poolShareWad: pool.totalShares === 0n ? 0n : (shares * WAD) / pool.totalShares,
          value,
          ethValue: toEth(value, info.decimals, rate),
          deposited,
          // A few wei are the pool's rounding (always against the withdrawer), not a slash.
          loss: deposited > value + ROUNDING_DUST ? deposited - value : 0n,
          exposures,
        };
      }),
    );
    return positions.filter((position) => options.includeEmpty || position.shares > 0n);
  });
}
