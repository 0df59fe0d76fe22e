import type { Address } from "viem";
import { type RampartClient, write } from "../client.ts";
import type { DeployedAsset } from "../deployment.ts";
import { parseAddress, resolveAsset } from "../reads/internal.ts";
import type { Withdrawal } from "../reads/withdrawals.ts";
import { accountAddress, transactionInfo } from "./internal.ts";
import type { QueueWithdrawalResult } from "./queueWithdrawal.ts";
import { sharesForSize, type WithdrawalSize } from "./withdrawalSize.ts";

export interface QueueRedelegationParams {
  from: Address | string;
  to: Address | string;
  asset: string | DeployedAsset;
  size: WithdrawalSize;
}

/**
 * Queues a move of a position to another operator's pool for the same asset. It is a queued withdrawal whose
 * completion deposits into the new pool: slashable in the old pool until then.
 * @example
 * const { id } = await queueRedelegation(client, { from: opA, to: opB, asset: "rETH", size: "all" });
 */
export async function queueRedelegation(
  client: RampartClient,
  params: QueueRedelegationParams,
): Promise<QueueWithdrawalResult> {
  const staker = accountAddress(client);
  const asset = resolveAsset(client, params.asset);
  const from = parseAddress(params.from, "operator address");
  const to = parseAddress(params.to, "operator address");
  const shares = await sharesForSize(client, staker, from, asset, params.size);
  const valueNow = await client.publicClient.readContract({
    ...client.rampart,
    functionName: "sharesToAssets",
    args: [from, asset.address, shares],
  });
  const { receipt, result } = await write<Withdrawal>(
    client,
    { ...client.rampart, functionName: "queueRedelegation", args: [from, asset.address, shares, to] },
    `queueing a redelegation of ${asset.symbol}`,
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
