import type { Address } from "viem";
import { type RampartClient, write } from "../client.ts";
import type { DeployedAsset } from "../deployment.ts";
import { parseAddress, resolveAsset } from "../reads/internal.ts";
import type { Withdrawal } from "../reads/withdrawals.ts";
import { accountAddress, type TransactionInfo, transactionInfo } from "./internal.ts";
import { sharesForSize, type WithdrawalSize } from "./withdrawalSize.ts";

export interface QueueWithdrawalParams {
  operator: Address | string;
  asset: string | DeployedAsset;
  size: WithdrawalSize;
  /** Receives the tokens (default: the client's account). */
  receiver?: Address;
}

export interface QueueWithdrawalResult extends TransactionInfo {
  id: bigint;
  /** From when `completeWithdrawal` can be called (unix seconds). */
  completableAt: number;
  shares: bigint;
  /** What the shares were worth when queued (slashes until completion lower it). */
  valueNow: bigint;
  withdrawal: Withdrawal;
}

/**
 * Queues a withdrawal from a position. The shares stay in the pool, slashable, until completion.
 * @example
 * const { id, completableAt } = await queueWithdrawal(client, { operator, asset: "wstETH", size: "all" });
 */
export async function queueWithdrawal(
  client: RampartClient,
  params: QueueWithdrawalParams,
): Promise<QueueWithdrawalResult> {
  const staker = accountAddress(client);
  const asset = resolveAsset(client, params.asset);
  const operator = parseAddress(params.operator, "operator address");
  const receiver = params.receiver ? parseAddress(params.receiver, "receiver address") : staker;
  const shares = await sharesForSize(client, staker, operator, asset, params.size);
  const valueNow = await client.publicClient.readContract({
    ...client.rampart,
    functionName: "sharesToAssets",
    args: [operator, asset.address, shares],
  });
  const { receipt, result } = await write<Withdrawal>(
    client,
    { ...client.rampart, functionName: "queueWithdrawal", args: [operator, asset.address, shares, receiver] },
    `queueing a withdrawal of ${asset.symbol}`,
  );
  return {
    ...transactionInfo(receipt),
    id: result.id,
    completableAt: result.completableAt,
    shares,
    valueNow,
    withdrawal: result,
  };
}
