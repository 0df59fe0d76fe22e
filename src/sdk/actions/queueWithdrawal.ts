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
  const receiver = params.receiver ? parseAddress(params.receiver, "receiver address") : staker;
  return queueShares(client, params.operator, params.asset, params.size, (operator, asset, shares) => ({
    functionName: "queueWithdrawal",
    args: [operator, asset.address, shares, receiver],
    context: `queueing a withdrawal of ${asset.symbol}`,
  }));
}

/**
 * Shared by withdrawals and redelegations: sizes the request in shares of the caller's position, sends the core
 * function `request` names, and reports the queued withdrawal.
 */
export async function queueShares(
  client: RampartClient,
  operatorInput: Address | string,
  assetInput: string | DeployedAsset,
  size: WithdrawalSize,
  request: (
    operator: Address,
    asset: DeployedAsset,
    shares: bigint,
  ) => { functionName: "queueWithdrawal" | "queueRedelegation"; args: readonly unknown[]; context: string },
): Promise<QueueWithdrawalResult> {
  const staker = accountAddress(client);
  const asset = resolveAsset(client, assetInput);
  const operator = parseAddress(operatorInput, "operator address");
  const shares = await sharesForSize(client, staker, operator, asset, size);
  const valueNow = await client.publicClient.readContract({
    ...client.rampart,
    functionName: "sharesToAssets",
    args: [operator, asset.address, shares],
  });
  const { functionName, args, context } = request(operator, asset, shares);
  const { receipt, result } = await write<Withdrawal>(client, { ...client.rampart, functionName, args }, context);
  return {
    ...transactionInfo(receipt),
    id: result.id,
    completableAt: result.completableAt,
    shares,
    valueNow,
    withdrawal: result,
  };
}
