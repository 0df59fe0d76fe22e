// Queued withdrawals and redelegations of a staker: still waiting, ready to complete, or completed.
import { type Address, type ContractFunctionArgs, zeroAddress } from "viem";
import type { rampartAbi } from "../abis.ts";
import type { RampartClient } from "../client.ts";
import { RampartError } from "../errors.ts";
import { assetOf, byChainOrder, chainNow, parseAddress, reading, scanLogs, scanStakerEvents } from "./internal.ts";
import { getOperatorRegistrations } from "./registry.ts";

/** The Withdrawal struct, as `completeWithdrawal` takes it. */
export type Withdrawal = ContractFunctionArgs<typeof rampartAbi, "nonpayable", "completeWithdrawal">[0];

export type WithdrawalStatus = "waiting" | "ready" | "completed";

export interface WithdrawalSummary {
  id: bigint;
  kind: "withdrawal" | "redelegation";
  staker: Address;
  operator: Address;
  operatorName: string | undefined;
  asset: Address;
  symbol: string;
  decimals: number;
  shares: bigint;
  /** Receives the tokens (a withdrawal). */
  receiver: Address;
  /** The operator whose pool receives the assets (a redelegation). */
  redelegateTo: Address | undefined;
  redelegateToName: string | undefined;
  /** From when it can be completed (unix seconds). */
  completableAt: number;
  status: WithdrawalStatus;
  /** Seconds until it can be completed (0 once ready or completed). */
  readyIn: number;
  /** What the shares are worth now if pending; what was paid (or moved) if completed. Base units. */
  value: bigint;
  /** Shares minted in the new pool by a completed redelegation. */
  newShares: bigint | undefined;
  queuedAtBlock: bigint;
  /** The struct to pass to `completeWithdrawal`. */
  withdrawal: Withdrawal;
}

/**
 * The struct of a queued withdrawal, from its WithdrawalQueued event.
 * @example
 * const withdrawal = await getWithdrawal(client, 3n);
 */
export async function getWithdrawal(client: RampartClient, id: bigint): Promise<Withdrawal> {
  const logs = await reading(`looking up withdrawal ${id}`, () =>
    scanLogs(client, (fromBlock, toBlock) =>
      client.publicClient.getContractEvents({
        ...client.rampart,
        eventName: "WithdrawalQueued",
        args: { id },
        fromBlock,
        toBlock,
      }),
    ),
  );
  const withdrawal = logs[0]?.args.withdrawal;
  if (!withdrawal) {
    throw new RampartError(`withdrawal ${id} was never queued`, {
      hint: "run `rampart withdraw list` to see your withdrawals and their ids",
    });
  }
  return withdrawal;
}

export interface ListWithdrawalsOptions {
  /** Leave completed withdrawals out (default false: they are listed with status "completed"). */
  pendingOnly?: boolean;
}

/**
 * Lists the withdrawals and redelegations `staker` queued, with their status and current value.
 * @example
 * const ready = (await listWithdrawals(client, alice)).filter((w) => w.status === "ready");
 */
export async function listWithdrawals(
  client: RampartClient,
  staker: Address | string,
  options: ListWithdrawalsOptions = {},
): Promise<WithdrawalSummary[]> {
  const account = parseAddress(staker, "staker address");
  const { publicClient, rampart } = client;
  const now = await reading("reading the latest block", () => chainNow(client));
  const [queued, completed, operators] = await Promise.all([
    scanStakerEvents(client, account, "WithdrawalQueued", now.blockNumber),
    scanStakerEvents(client, account, "WithdrawalCompleted", now.blockNumber),
    getOperatorRegistrations(client),
  ]);
  const nameOf = (address: Address) => operators.find((op) => op.address.toLowerCase() === address.toLowerCase())?.name;
  const completions = new Map(completed.map((log) => [log.args.id, log.args]));
  const summaries = await reading("reading withdrawals", () =>
    Promise.all(
      queued.sort(byChainOrder).map(async (log): Promise<WithdrawalSummary | undefined> => {
        const withdrawal = log.args.withdrawal;
        if (!withdrawal) return undefined;
        const pending = await publicClient.readContract({
          ...rampart,
          functionName: "isWithdrawalPending",
          args: [withdrawal.id],
        });
        const completion = completions.get(withdrawal.id);
        const value = pending
          ? await publicClient.readContract({
              ...rampart,
              functionName: "sharesToAssets",
              args: [withdrawal.operator, withdrawal.asset, withdrawal.shares],
            })
          : (completion?.assets ?? 0n);
        const readyIn = Math.max(0, withdrawal.completableAt - Number(now.timestamp));
        const asset = assetOf(client, withdrawal.asset);
        const redelegation = withdrawal.redelegateTo !== zeroAddress;
        return {
          id: withdrawal.id,
          kind: redelegation ? "redelegation" : "withdrawal",
          staker: withdrawal.staker,
          operator: withdrawal.operator,
          operatorName: nameOf(withdrawal.operator),
          asset: withdrawal.asset,
          symbol: asset.symbol,
          decimals: asset.decimals,
          shares: withdrawal.shares,
          receiver: withdrawal.receiver,
          redelegateTo: redelegation ? withdrawal.redelegateTo : undefined,
          redelegateToName: redelegation ? nameOf(withdrawal.redelegateTo) : undefined,
          completableAt: withdrawal.completableAt,
          status: !pending ? "completed" : readyIn > 0 ? "waiting" : "ready",
          readyIn: pending ? readyIn : 0,
          value,
          newShares: pending ? undefined : completion?.newShares,
          queuedAtBlock: log.blockNumber,
          withdrawal,
        };
      }),
    ),
  );
  return summaries.filter(
    (summary): summary is WithdrawalSummary =>
      summary !== undefined && (!options.pendingOnly || summary.status !== "completed"),
  );
}
