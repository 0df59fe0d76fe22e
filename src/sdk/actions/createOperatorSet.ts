import { type Address, zeroAddress } from "viem";
import { type RampartClient, write } from "../client.ts";
import type { DeployedAsset } from "../deployment.ts";
import { RampartError } from "../errors.ts";
import { resolveAsset } from "../reads/internal.ts";
import { type TransactionInfo, transactionInfo } from "./internal.ts";

export interface CreateOperatorSetParams {
  /** Symbols or addresses of listed assets the set accepts (1 to 16). */
  assets: readonly (string | DeployedAsset)[];
  /** Largest fraction (WAD) of an allocation one slash may take, (0, 1e18]. */
  maxSlashWad: bigint;
  /** Seconds a decrease stays slashable (1 to 30 days; default 7 days). */
  deallocationDelay?: number;
  /** Seconds a slash request waits for a veto (0 = instant, the default; at most 2 days, below the dealloc delay). */
  vetoWindow?: number;
  /** Required with a veto window. */
  vetoCommittee?: Address;
  /** Receives slashed tokens (default: burned). */
  slashRecipient?: Address;
  /** Eligibility hook (default none). */
  registrar?: Address;
}

export interface CreateOperatorSetResult extends TransactionInfo {
  setId: number;
}

/**
 * Creates an operator set of the calling service, with an immutable slashing policy.
 * @example
 * const { setId } = await createOperatorSet(client, { assets: ["wstETH", "rETH"], maxSlashWad: parsePercent("50%") });
 */
export async function createOperatorSet(
  client: RampartClient,
  params: CreateOperatorSetParams,
): Promise<CreateOperatorSetResult> {
  if (params.assets.length === 0)
    throw new RampartError("name at least one asset", { hint: "e.g. --assets wstETH,rETH" });
  const assets = params.assets.map((asset) => resolveAsset(client, asset).address);
  const vetoWindow = params.vetoWindow ?? 0;
  if (vetoWindow > 0 && !params.vetoCommittee) {
    throw new RampartError("a veto window needs a veto committee", { hint: "pass --veto-committee <address>" });
  }
  const policy = {
    vetoWindow,
    deallocationDelay: params.deallocationDelay ?? 7 * 86_400,
    maxSlashWad: params.maxSlashWad,
    vetoCommittee: vetoWindow > 0 ? (params.vetoCommittee ?? zeroAddress) : zeroAddress,
    slashRecipient: params.slashRecipient ?? zeroAddress,
  };
  const { receipt, result } = await write<number>(
    client,
    { ...client.rampart, functionName: "createOperatorSet", args: [assets, policy, params.registrar ?? zeroAddress] },
    "creating the operator set",
  );
  return { ...transactionInfo(receipt), setId: result };
}
