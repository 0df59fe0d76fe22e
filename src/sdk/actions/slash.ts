// Slashing: request (instant sets execute at once), veto, execute.
import { type Address, parseEventLogs, type TransactionReceipt } from "viem";
import { rampartAbi } from "../abis.ts";
import { type RampartClient, write } from "../client.ts";
import type { DeployedAsset } from "../deployment.ts";
import { RampartError } from "../errors.ts";
import { parseAddress, resolveAsset } from "../reads/internal.ts";
import { type TransactionInfo, transactionInfo } from "./internal.ts";

export interface SlashedAsset {
  asset: Address;
  magnitudeSlashed: bigint;
  assetsSlashed: bigint;
  recipient: Address;
}

function slashedOf(receipt: TransactionReceipt): SlashedAsset[] {
  return parseEventLogs({ abi: rampartAbi, logs: receipt.logs, eventName: "Slashed" }).map((log) => ({
    asset: log.args.asset,
    magnitudeSlashed: log.args.magnitudeSlashed,
    assetsSlashed: log.args.assetsSlashed,
    recipient: log.args.recipient,
  }));
}

export interface SlashParams {
  setId: number;
  operator: Address | string;
  /** Per asset, the fraction (WAD) of the operator's allocation to take. */
  assets: readonly { asset: string | DeployedAsset; wad: bigint }[];
  reason?: string;
}

export interface SlashResult extends TransactionInfo {
  slashId: bigint;
  /** True when the set is instant: the slash executed in this transaction. */
  executed: boolean;
  /** When a veto-window request may be executed (unix seconds). */
  executableAt: number;
  /** What each asset lost (empty while a request is pending). */
  slashed: SlashedAsset[];
}

/**
 * Slashes an operator in one of the calling service's operator sets. Instant sets execute at once; veto-window sets
 * open a request that `executeSlash` completes after the window (unless vetoed).
 * @example
 * await slash(client, { setId: 1, operator, assets: [{ asset: "wstETH", wad: parsePercent("25%") }], reason: "double signing" });
 */
export async function slash(client: RampartClient, params: SlashParams): Promise<SlashResult> {
  if (params.assets.length === 0) throw new RampartError("name at least one asset to slash");
  const operator = parseAddress(params.operator, "operator address");
  const assets = params.assets.map((entry) => resolveAsset(client, entry.asset).address);
  const { receipt, result } = await write<bigint>(
    client,
    {
      ...client.rampart,
      functionName: "slash",
      args: [
        {
          setId: params.setId,
          operator,
          assets,
          wads: params.assets.map((entry) => entry.wad),
          reason: params.reason ?? "",
        },
      ],
    },
    `slashing ${operator} in operator set ${params.setId}`,
  );
  const [requested] = parseEventLogs({ abi: rampartAbi, logs: receipt.logs, eventName: "SlashRequested" });
  const slashed = slashedOf(receipt);
  return {
    ...transactionInfo(receipt),
    slashId: requested?.args.slashId ?? result,
    executed: slashed.length > 0,
    executableAt: requested?.args.executableAt ?? 0,
    slashed,
  };
}

/**
 * Vetoes a pending slash request during its veto window. Only the set's veto committee.
 * @example
 * await vetoSlash(committeeClient, { slashId: 2n });
 */
export async function vetoSlash(client: RampartClient, params: { slashId: bigint }): Promise<TransactionInfo> {
  const { receipt } = await write(
    client,
    { ...client.rampart, functionName: "vetoSlash", args: [params.slashId] },
    `vetoing slash ${params.slashId}`,
  );
  return transactionInfo(receipt);
}

/**
 * Executes a pending slash request once its veto window has passed. Anyone.
 * @example
 * const { slashed } = await executeSlash(client, { slashId: 2n });
 */
export async function executeSlash(
  client: RampartClient,
  params: { slashId: bigint },
): Promise<TransactionInfo & { slashed: SlashedAsset[] }> {
  const { receipt } = await write(
    client,
    { ...client.rampart, functionName: "executeSlash", args: [params.slashId] },
    `executing slash ${params.slashId}`,
  );
  return { ...transactionInfo(receipt), slashed: slashedOf(receipt) };
}
