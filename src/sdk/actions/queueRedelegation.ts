import type { Address } from "viem";
import type { RampartClient } from "../client.ts";
import type { DeployedAsset } from "../deployment.ts";
import { parseAddress } from "../reads/internal.ts";
import { type QueueWithdrawalResult, queueShares } from "./queueWithdrawal.ts";
import type { WithdrawalSize } from "./withdrawalSize.ts";

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
  const to = parseAddress(params.to, "operator address");
  return queueShares(client, params.from, params.asset, params.size, (from, asset, shares) => ({
    functionName: "queueRedelegation",
    args: [from, asset.address, shares, to],
    context: `queueing a redelegation of ${asset.symbol}`,
  }));
}
