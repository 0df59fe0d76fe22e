import { type Address, parseEventLogs } from "viem";
import { rampartAbi } from "../abis.ts";
import { type RampartClient, write } from "../client.ts";
import type { DeployedAsset } from "../deployment.ts";
import { RampartError } from "../errors.ts";
import { WAD } from "../format.ts";
import { resolveAsset } from "../reads/internal.ts";
import { operatorOrSelf, type TransactionInfo, transactionInfo } from "./internal.ts";

export interface AllocateParams {
  /** Default: the client's account. */
  operator?: Address;
  asset: string | DeployedAsset;
  setId: number;
  /** Target fraction of the pool (WAD: 0.25e18 = 25%); `parsePercent("25%")` makes one. */
  fractionWad: bigint;
}

export interface AllocateResult extends TransactionInfo {
  operator: Address;
  asset: Address;
  setId: number;
  /** Slashable magnitude now. */
  magnitude: bigint;
  /** Magnitude from `effectAt` on (equal to `magnitude` when the change applied at once). */
  pendingMagnitude: bigint;
  /** When a pending change applies (unix seconds); 0 when it applied at once. */
  effectAt: number;
}

/**
 * Sets the fraction of the operator's pool of `asset` allocated to an operator set. An increase becomes slashable
 * after the operator's allocation delay; a decrease stays slashable for the set's deallocation delay.
 * @example
 * await allocate(client, { asset: "wstETH", setId: 1, fractionWad: parsePercent("40%") });
 */
export async function allocate(client: RampartClient, params: AllocateParams): Promise<AllocateResult> {
  const operator = operatorOrSelf(client, params.operator);
  const asset = resolveAsset(client, params.asset);
  if (params.fractionWad < 0n || params.fractionWad > WAD) {
    throw new RampartError("an allocation is a fraction of the pool between 0% and 100%");
  }
  const { receipt } = await write(
    client,
    { ...client.rampart, functionName: "allocate", args: [operator, asset.address, params.setId, params.fractionWad] },
    `allocating ${asset.symbol} to operator set ${params.setId}`,
  );
  const updates = parseEventLogs({ abi: rampartAbi, logs: receipt.logs, eventName: "AllocationUpdated" });
  const last = updates[updates.length - 1];
  const magnitude = last?.args.magnitude ?? 0n;
  const effectAt = last?.args.effectAt ?? 0;
  return {
    ...transactionInfo(receipt),
    operator,
    asset: asset.address,
    setId: params.setId,
    magnitude,
    pendingMagnitude: effectAt === 0 ? magnitude : (last?.args.pendingMagnitude ?? 0n),
    effectAt,
  };
}
