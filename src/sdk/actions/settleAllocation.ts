import type { Address } from "viem";
import { type RampartClient, write } from "../client.ts";
import type { DeployedAsset } from "../deployment.ts";
import { parseAddress, resolveAsset } from "../reads/internal.ts";
import { type TransactionInfo, transactionInfo } from "./internal.ts";

export interface SettleAllocationParams {
  operator: Address | string;
  asset: string | DeployedAsset;
  setId: number;
}

/**
 * Applies a pending allocation change whose time has come (frees deallocated magnitude). Anyone may call it.
 * @example
 * await settleAllocation(client, { operator, asset: "wstETH", setId: 1 });
 */
export async function settleAllocation(
  client: RampartClient,
  params: SettleAllocationParams,
): Promise<TransactionInfo> {
  const operator = parseAddress(params.operator, "operator address");
  const asset = resolveAsset(client, params.asset);
  const { receipt } = await write(
    client,
    { ...client.rampart, functionName: "settleAllocation", args: [operator, asset.address, params.setId] },
    `settling the ${asset.symbol} allocation to operator set ${params.setId}`,
  );
  return transactionInfo(receipt);
}
