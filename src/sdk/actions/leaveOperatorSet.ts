import type { Address } from "viem";
import { type RampartClient, write } from "../client.ts";
import { RampartError } from "../errors.ts";
import { formatPercent, formatTimestamp } from "../format.ts";
import { magnitudeToFraction } from "../reads/allocations.ts";
import { assetOf, chainNow, reading, scanLogs } from "../reads/internal.ts";
import { operatorOrSelf, type TransactionInfo, transactionInfo } from "./internal.ts";
import { settleAllocation } from "./settleAllocation.ts";

export interface LeaveOperatorSetResult extends TransactionInfo {
  operator: Address;
  setId: number;
  /** Assets whose finished deallocation was settled first. */
  settled: Address[];
}

/**
 * Leaves an operator set. Deallocations whose delay has passed are settled first, automatically; if anything is
 * still allocated (or a decrease is still pending) it throws a RampartError saying what to do and until when.
 * @example
 * await leaveOperatorSet(client, { setId: 2 });
 */
export async function leaveOperatorSet(
  client: RampartClient,
  params: { operator?: Address; setId: number },
): Promise<LeaveOperatorSetResult> {
  const operator = operatorOrSelf(client, params.operator);
  const { setId } = params;
  const { publicClient, rampart } = client;
  const [set, membership, now] = await reading(`reading operator set ${setId}`, () =>
    Promise.all([
      publicClient.readContract({ ...rampart, functionName: "getOperatorSet", args: [setId] }),
      publicClient.readContract({ ...rampart, functionName: "getMembership", args: [operator, setId] }),
      chainNow(client),
    ]),
  );
  const settled: Address[] = [];
  if (membership.member && membership.allocatedPools > 0) {
    for (const asset of set.assets) {
      // The stored allocation (the view applies pending changes lazily): its latest AllocationUpdated event.
      const logs = await reading("reading allocation history", () =>
        scanLogs(
          client,
          (fromBlock, toBlock) =>
            publicClient.getContractEvents({
              ...rampart,
              eventName: "AllocationUpdated",
              args: { operator, asset, setId },
              fromBlock,
              toBlock,
            }),
          now.blockNumber,
        ),
      );
      const last = logs[logs.length - 1]?.args;
      if (last?.effectAt && BigInt(last.effectAt) <= now.timestamp) {
        await settleAllocation(client, { operator, asset, setId });
        settled.push(asset);
      }
    }
    const [after, stillAllocated] = await Promise.all([
      publicClient.readContract({ ...rampart, functionName: "getMembership", args: [operator, setId] }),
      Promise.all(
        set.assets.map(async (asset) => ({
          asset,
          allocation: await publicClient.readContract({
            ...rampart,
            functionName: "getAllocation",
            args: [operator, asset, setId],
          }),
          maxMagnitude: await publicClient.readContract({
            ...rampart,
            functionName: "maxMagnitude",
            args: [operator, asset],
          }),
        })),
      ),
    ]);
    if (after.allocatedPools > 0) {
      const blocking = stillAllocated.filter((a) => a.allocation.magnitude > 0n || a.allocation.effectAt !== 0);
      const parts = blocking.map(({ asset, allocation, maxMagnitude }) => {
        const symbol = assetOf(client, asset).symbol;
        const share = formatPercent(magnitudeToFraction(allocation.magnitude, maxMagnitude));
        return allocation.effectAt !== 0 && allocation.pendingMagnitude === 0n
          ? `${symbol} ${share} until ${formatTimestamp(allocation.effectAt)}`
          : `${symbol} ${share}`;
      });
      const waiting = blocking.every((a) => a.allocation.effectAt !== 0 && a.allocation.pendingMagnitude === 0n);
      throw new RampartError(`the operator is still allocated to operator set ${setId} (${parts.join(", ")})`, {
        hint: waiting
          ? "wait until the deallocation delay has passed (rampart time advance on a local chain), then leave"
          : `allocate 0% first (rampart operator allocate <asset> ${setId} 0%), wait the deallocation delay, then leave`,
      });
    }
  }
  const { receipt } = await write(
    client,
    { ...rampart, functionName: "leaveOperatorSet", args: [operator, setId] },
    `leaving operator set ${setId}`,
  );
  return { ...transactionInfo(receipt), operator, setId, settled };
}
