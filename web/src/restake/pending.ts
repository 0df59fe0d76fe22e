// Allocations that have not taken effect yet, from an operator's detail (`GET /operators/{address}`): the API's
// `magnitude` is the one in force now, `pendingMagnitude` the one that applies at `effectAt`. Exposure figures
// (the portfolio's `exposure`, /risk/position) use the magnitude in force, so an increase waiting for the operator's
// allocation delay would otherwise look like plain staking. Pure: shared by Portfolio, Restake and Risk.
import type { OperatorDetail } from "../api.ts";
import { toBigInt } from "../format.ts";

const WAD = 10n ** 18n;

export interface PendingAllocation {
  setId: number;
  /** The set's service, or undefined when the detail does not list the set. */
  service: string | undefined;
  /** Share of the pool slashable now (magnitude in force / max magnitude). */
  fractionNow: number;
  /** Share of the pool slashable from `effectAt` (pending magnitude / max magnitude). */
  fractionThen: number;
  effectAt: number;
}

/** The allocations of `asset` (all assets when omitted) that change after `now` (chain seconds). */
export function pendingAllocations(
  detail: OperatorDetail | undefined,
  now: number,
  asset?: string,
): (PendingAllocation & { asset: string })[] {
  if (!detail) return [];
  const serviceOf = new Map(detail.sets.map((s) => [s.setId, s.service]));
  const out: (PendingAllocation & { asset: string })[] = [];
  for (const a of detail.allocations) {
    if (asset !== undefined && a.asset.toLowerCase() !== asset.toLowerCase()) continue;
    if (!(a.effectAt > now)) continue;
    const magnitude = toBigInt(a.magnitude);
    const pending = toBigInt(a.pendingMagnitude);
    if (pending === magnitude) continue;
    const pool = detail.pools.find((p) => p.asset.toLowerCase() === a.asset.toLowerCase());
    const max = toBigInt(pool?.maxMagnitude ?? WAD.toString());
    if (max === 0n) continue;
    out.push({
      setId: a.setId,
      asset: a.asset,
      service: serviceOf.get(a.setId),
      fractionNow: Number((magnitude * 1_000_000n) / max) / 1_000_000,
      fractionThen: Number((pending * 1_000_000n) / max) / 1_000_000,
      effectAt: a.effectAt,
    });
  }
  return out.sort((x, y) => x.effectAt - y.effectAt);
}

/** `value × fraction`, in whole base units (rounded down), for amounts shown at a pending share. */
export function shareOf(value: string | bigint, fraction: number): bigint {
  return (toBigInt(value) * BigInt(Math.round(fraction * 1_000_000))) / 1_000_000n;
}
