// One allocation (operator, asset, operator set) as people read it: fractions of the pool and assets at stake.
import type { Address } from "viem";
import type { RampartClient } from "../client.ts";
import { WAD } from "../format.ts";

export interface AllocationSummary {
  setId: number;
  /** Slashable magnitude now (lazy updates applied). */
  magnitude: bigint;
  /** Magnitude from `effectAt` on; equal to `magnitude` when nothing is pending. */
  pendingMagnitude: bigint;
  /** When the pending change applies (unix seconds); 0 when nothing is pending. */
  effectAt: number;
  /** Fraction of the pool the set can slash now (WAD). */
  fractionWad: bigint;
  /** Fraction of the pool after the pending change (WAD); equal to `fractionWad` when nothing is pending. */
  pendingFractionWad: bigint;
  /** Assets of the pool the set can slash now, base units. */
  slashableAssets: bigint;
}

/** Magnitude as a fraction of a pool's max magnitude (WAD). */
export function magnitudeToFraction(magnitude: bigint, maxMagnitude: bigint): bigint {
  return maxMagnitude === 0n ? 0n : (magnitude * WAD) / maxMagnitude;
}

/** Reads one allocation with its slashable assets; `maxMagnitude` is the pool's. */
export async function readAllocation(
  client: RampartClient,
  operator: Address,
  asset: Address,
  setId: number,
  maxMagnitude: bigint,
): Promise<AllocationSummary> {
  const [allocation, slashableAssets] = await Promise.all([
    client.publicClient.readContract({
      ...client.rampart,
      functionName: "getAllocation",
      args: [operator, asset, setId],
    }),
    client.publicClient.readContract({
      ...client.rampart,
      functionName: "slashableAssets",
      args: [operator, asset, setId],
    }),
  ]);
  const pending = allocation.effectAt === 0 ? allocation.magnitude : allocation.pendingMagnitude;
  return {
    setId,
    magnitude: allocation.magnitude,
    pendingMagnitude: pending,
    effectAt: allocation.effectAt,
    fractionWad: magnitudeToFraction(allocation.magnitude, maxMagnitude),
    pendingFractionWad: magnitudeToFraction(pending, maxMagnitude),
    slashableAssets,
  };
}

/** True when the allocation has anything, now or pending. */
export function isAllocated(allocation: AllocationSummary): boolean {
  return allocation.magnitude > 0n || allocation.pendingMagnitude > 0n;
}
