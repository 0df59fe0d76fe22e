// Every transaction goes the same way: simulate (viem simulateContract, so a revert is caught before signing and
// decoded with the SDK's hints), sign and send through the connected wallet, wait for the receipt, with a toast at
// each step carrying the hash.
import type { QueryClient } from "@tanstack/react-query";
import type { Abi, Account, Address, Chain, PublicClient, Transport, WalletClient } from "viem";
import { toRampartError } from "../../../src/sdk/errors.ts";
import { postToast, updateToast } from "./toasts.tsx";

export interface ContractCall {
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
}

/** A revert or failure in words: the decoded reason and what to do. */
export function explain(error: unknown): { message: string; hint?: string } {
  const e = toRampartError(error);
  return { message: e.shortMessage, hint: e.hint };
}

/** Simulates `call` from `account`: undefined when it would succeed, else the decoded reason. */
export async function simulate(
  publicClient: PublicClient,
  account: Address,
  call: ContractCall,
): Promise<{ message: string; hint?: string } | undefined> {
  try {
    await publicClient.simulateContract({ ...call, account } as Parameters<PublicClient["simulateContract"]>[0]);
    return undefined;
  } catch (error) {
    return explain(error);
  }
}

export async function runTransaction(options: {
  title: string;
  publicClient: PublicClient;
  walletClient: WalletClient<Transport, Chain, Account>;
  call: ContractCall;
}): Promise<boolean> {
  const { publicClient, walletClient, call, title } = options;
  const id = postToast({ kind: "pending", title, detail: "Simulating…" });
  try {
    const { request } = await publicClient.simulateContract({
      ...call,
      account: walletClient.account,
    } as Parameters<PublicClient["simulateContract"]>[0]);
    updateToast(id, { detail: "Waiting for your signature…" });
    const hash = await walletClient.writeContract(request as Parameters<typeof walletClient.writeContract>[0]);
    updateToast(id, { detail: "Sent; waiting for the block…", hash });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") {
      updateToast(id, { kind: "failed", detail: "The transaction reverted on chain.", hash });
      return false;
    }
    updateToast(id, { kind: "confirmed", detail: `In block ${receipt.blockNumber}.`, hash });
    return true;
  } catch (error) {
    const { message, hint } = explain(error);
    updateToast(id, { kind: "failed", detail: hint ? `${message} — ${hint}` : message });
    return false;
  }
}

/** Refreshes the API's answers now and twice more while the indexer catches up with the new block. */
export function refreshSoon(queryClient: QueryClient): void {
  for (const delay of [0, 1_000, 3_000]) {
    setTimeout(() => void queryClient.invalidateQueries({ queryKey: ["api"] }), delay);
  }
}
