// Helpers shared by the actions.
import type { Address, Hash, TransactionReceipt } from "viem";
import { type RampartClient, requireWallet } from "../client.ts";
import { parseAddress } from "../reads/internal.ts";

/** What every action returns about its transaction. */
export interface TransactionInfo {
  hash: Hash;
  blockNumber: bigint;
  gasUsed: bigint;
}

export function transactionInfo(receipt: TransactionReceipt): TransactionInfo {
  return { hash: receipt.transactionHash, blockNumber: receipt.blockNumber, gasUsed: receipt.gasUsed };
}

/** The address of the client's account (throws the "no account" RampartError without one). */
export function accountAddress(client: RampartClient): Address {
  return requireWallet(client).account.address;
}

/** The operator an operator action is for: the one given, or the client's account itself. */
export function operatorOrSelf(client: RampartClient, operator: Address | string | undefined): Address {
  return operator === undefined ? accountAddress(client) : parseAddress(operator, "operator address");
}
