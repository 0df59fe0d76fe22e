// The Rampart SDK: a viem-based client, reads, actions, formatting, errors and the deployment file.
//
// Usage: create a client with a deployment file and an RPC URL, then call reads and actions with it as the first
// argument. See docs/sdk.md.

export * from "./actions/advanceTime.ts";
export * from "./actions/allocate.ts";
export * from "./actions/completeWithdrawal.ts";
export * from "./actions/createOperatorSet.ts";
export * from "./actions/createRewardProgram.ts";
export * from "./actions/deposit.ts";
export type { TransactionInfo } from "./actions/internal.ts";
export * from "./actions/joinOperatorSet.ts";
export * from "./actions/leaveOperatorSet.ts";
export * from "./actions/mintTestTokens.ts";
export * from "./actions/queueRedelegation.ts";
export * from "./actions/queueWithdrawal.ts";
export * from "./actions/registerOperator.ts";
export * from "./actions/registerService.ts";
export * from "./actions/setCommission.ts";
export * from "./actions/settleAllocation.ts";
export * from "./actions/slash.ts";
export * from "./actions/withdrawalSize.ts";
export * from "./client.ts";
export * from "./deployment.ts";
export * from "./errors.ts";
export * from "./format.ts";
export * from "./reads/allocations.ts";
export * from "./reads/getBalances.ts";
export * from "./reads/getNetworkStatus.ts";
export * from "./reads/getPositions.ts";
export { metadataJson, metadataName, metadataUri, parseAddress, resolveAsset } from "./reads/internal.ts";
export * from "./reads/listAssets.ts";
export * from "./reads/listOperators.ts";
export * from "./reads/listPools.ts";
export * from "./reads/listServices.ts";
export * from "./reads/registry.ts";
export * from "./reads/rewardPrograms.ts";
export * from "./reads/slashes.ts";
export * from "./reads/withdrawals.ts";
