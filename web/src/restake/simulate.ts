// The Restake preview: the approval (when the allowance is short) and every deposit of the split simulated in one
// go, in order, as the chain would run them (viem simulateCalls, eth_simulateV1), so the preview shows each
// deposit's shares and gas and a revert anywhere in the sequence, decoded, before anything is signed. A node without
// eth_simulateV1 falls back to simulateContract of each call the current allowance lets through, plus the quoted
// shares (assetsToShares) and gas estimates.
import { type Abi, type Address, BaseError, encodeFunctionData, erc20Abi, type PublicClient } from "viem";
import { rampartAbi } from "../../../src/sdk/abis.ts";
import { explain } from "../tx/run.ts";
import type { SplitLeg } from "./plan.ts";

export interface StepCall {
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
}

export interface PreviewStep {
  kind: "approve" | "deposit";
  operator?: string;
  amount: bigint;
  call: StepCall;
  /** Shares the deposit mints (simulated), when known. */
  shares?: bigint;
  gas?: bigint;
  error?: { message: string; hint?: string };
}

export interface Preview {
  balance: bigint;
  allowance: bigint;
  gasPrice: bigint;
  steps: PreviewStep[];
  /** The first revert of the sequence, decoded. */
  error?: { message: string; hint?: string; step: number };
  /** How the sequence was simulated. */
  method: "simulateCalls" | "simulateContract";
}

/** minShares sent with each deposit: the simulated shares less this tolerance (basis points). */
export const SHARES_TOLERANCE_BPS = 50n;

export function minSharesOf(shares: bigint | undefined): bigint {
  return shares === undefined ? 0n : (shares * (10_000n - SHARES_TOLERANCE_BPS)) / 10_000n;
}

export function depositCall(rampart: Address, asset: Address, account: Address, leg: SplitLeg, minShares: bigint) {
  return {
    address: rampart,
    abi: rampartAbi as Abi,
    functionName: "deposit",
    args: [leg.operator as Address, asset, leg.amount, account, minShares] as const,
  };
}

export function approveCall(asset: Address, rampart: Address, amount: bigint): StepCall {
  return { address: asset, abi: erc20Abi as Abi, functionName: "approve", args: [rampart, amount] };
}

export async function simulateSplit(options: {
  publicClient: PublicClient;
  account: Address;
  rampart: Address;
  asset: Address;
  legs: readonly SplitLeg[];
}): Promise<Preview> {
  const { publicClient, account, rampart, asset, legs } = options;
  const total = legs.reduce((s, l) => s + l.amount, 0n);
  const [balance, allowance, gasPrice] = await Promise.all([
    publicClient.readContract({ address: asset, abi: erc20Abi, functionName: "balanceOf", args: [account] }),
    publicClient.readContract({ address: asset, abi: erc20Abi, functionName: "allowance", args: [account, rampart] }),
    publicClient.getGasPrice(),
  ]);
  const steps: PreviewStep[] = [];
  if (allowance < total) steps.push({ kind: "approve", amount: total, call: approveCall(asset, rampart, total) });
  for (const leg of legs) {
    steps.push({
      kind: "deposit",
      operator: leg.operator,
      amount: leg.amount,
      call: depositCall(rampart, asset, account, leg, 0n),
    });
  }
  try {
    const { results } = await publicClient.simulateCalls({
      account,
      calls: steps.map((s) => ({
        to: s.call.address,
        data: encodeFunctionData({ abi: s.call.abi, functionName: s.call.functionName, args: s.call.args }),
      })),
    });
    let error: Preview["error"];
    results.forEach((r, i) => {
      const step = steps[i];
      if (!step) return;
      step.gas = r.gasUsed;
      if (r.status === "success") {
        if (step.kind === "deposit" && r.data && r.data !== "0x") step.shares = BigInt(r.data.slice(0, 66));
      } else {
        step.error = explainRevert(r.error, r.data);
        error ??= { ...step.error, step: i };
      }
    });
    finalise(steps, rampart, asset, account);
    return { balance, allowance, gasPrice, steps, error, method: "simulateCalls" };
  } catch (failure) {
    if (!/simulateV1|not supported|does not exist|not available|Method not found/i.test(String(failure))) {
      const reason = explain(failure);
      return { balance, allowance, gasPrice, steps, error: { ...reason, step: 0 }, method: "simulateCalls" };
    }
  }
  // Fallback: each call on its own (deposits can only be simulated once the allowance covers them).
  let error: Preview["error"];
  for (const [i, step] of steps.entries()) {
    if (step.kind === "deposit" && allowance < total) {
      step.shares = (await publicClient.readContract({
        address: rampart,
        abi: rampartAbi,
        functionName: "assetsToShares",
        args: [step.operator as Address, asset, step.amount],
      })) as bigint;
      continue;
    }
    try {
      const sim = await publicClient.simulateContract({ ...step.call, account } as Parameters<
        PublicClient["simulateContract"]
      >[0]);
      if (step.kind === "deposit") step.shares = sim.result as bigint;
      step.gas = await publicClient.estimateContractGas({ ...step.call, account } as Parameters<
        PublicClient["estimateContractGas"]
      >[0]);
    } catch (e) {
      step.error = explain(e);
      error ??= { ...step.error, step: i };
    }
  }
  finalise(steps, rampart, asset, account);
  return { balance, allowance, gasPrice, steps, error, method: "simulateContract" };
}

/** Deposits carry minShares = the simulated shares less the tolerance. */
function finalise(steps: PreviewStep[], rampart: Address, asset: Address, account: Address): void {
  for (const step of steps) {
    if (step.kind === "deposit" && step.operator) {
      step.call = depositCall(
        rampart,
        asset,
        account,
        { operator: step.operator, amount: step.amount },
        minSharesOf(step.shares),
      );
    }
  }
}

/** A failed call of simulateCalls: its error (viem's, decoded where it can be) or the raw revert data. */
function explainRevert(error: unknown, data: `0x${string}` | undefined): { message: string; hint?: string } {
  if (data && data.length >= 10) {
    const decoded = explain(Object.assign(new BaseError("the call reverted"), { data }));
    if (decoded.hint || /reverted with/.test(decoded.message)) return decoded;
  }
  return explain(error ?? new Error("the call reverted"));
}
