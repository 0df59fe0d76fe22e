import { parseEventLogs, zeroAddress } from "viem";
import { rampartAbi } from "../abis.ts";
import { type RampartClient, write } from "../client.ts";
import { getWithdrawal, type Withdrawal } from "../reads/withdrawals.ts";
import { type TransactionInfo, transactionInfo } from "./internal.ts";

export interface CompleteWithdrawalResult extends TransactionInfo {
  id: bigint;
  /** Tokens paid to the receiver, or assets moved into the new pool. */
  assets: bigint;
  /** Shares minted in the new pool (0 for a withdrawal, or a redelegation paid in tokens). */
  newShares: bigint;
  redelegated: boolean;
  withdrawal: Withdrawal;
}

/**
 * Completes a queued withdrawal or redelegation by id (the struct comes from its WithdrawalQueued event). Anyone may
 * call it once the delay has passed; before, it fails with WithdrawalNotReady and the time it will be ready.
 * @example
 * const { assets } = await completeWithdrawal(client, { id: 1n });
 */
export async function completeWithdrawal(
  client: RampartClient,
  params: { id: bigint },
): Promise<CompleteWithdrawalResult> {
  const withdrawal = await getWithdrawal(client, params.id);
  const { receipt, result } = await write<bigint>(
    client,
    { ...client.rampart, functionName: "completeWithdrawal", args: [withdrawal] },
    `completing withdrawal ${params.id}`,
  );
  const [completed] = parseEventLogs({ abi: rampartAbi, logs: receipt.logs, eventName: "WithdrawalCompleted" });
  return {
    ...transactionInfo(receipt),
    id: params.id,
    assets: completed?.args.assets ?? result,
    newShares: completed?.args.newShares ?? 0n,
    redelegated: withdrawal.redelegateTo !== zeroAddress && (completed?.args.newShares ?? 0n) > 0n,
    withdrawal,
  };
}
