// Operators with their pools, commissions and operator sets.
import type { Address } from "viem";
import type { RampartClient } from "../client.ts";
import { chainNow, ethRateOf, reading, toEth } from "./internal.ts";
import { getOperatorRegistrations, getOperatorSetRecords, getServiceRegistrations } from "./registry.ts";

export interface OperatorPoolSummary {
  asset: Address;
  symbol: string;
  decimals: number;
  totalAssets: bigint;
  totalShares: bigint;
  /** `totalAssets` in ETH wei, when the asset's rate is known. */
  ethValue: bigint | undefined;
}

export interface OperatorCommission {
  service: Address;
  serviceName: string | undefined;
  /** Commission in force now, basis points. */
  bps: number;
  /** A pending increase, applying at `effectAt`. */
  pending: { bps: number; effectAt: number } | undefined;
  /** False while the operator never set a commission for this service (the default, 1,000 bps, applies). */
  set: boolean;
}

export interface OperatorSummary {
  /** Position in registration order, from 1: what `--operator 2` refers to. */
  index: number;
  address: Address;
  name: string | undefined;
  metadataURI: string;
  /** address(0) when the operator has no delegate. */
  delegate: Address;
  /** Allocation delay in force now, seconds. */
  allocationDelay: number;
  /** A pending change of the allocation delay. */
  pendingAllocationDelay: { delay: number; effectAt: number } | undefined;
  /** Pools with anything in them, one per deployment asset. */
  pools: OperatorPoolSummary[];
  /** Sum of the pools' known ETH values. */
  totalEth: bigint;
  /** Commission per registered service. */
  commissions: OperatorCommission[];
  /** Ids of the operator sets the operator is a member of. */
  sets: number[];
}

/**
 * Lists every registered operator (from the Directory's OperatorRegistered events) with its pools, commissions and
 * operator sets.
 * @example
 * const operators = await listOperators(client);
 * console.log(operators.map((op) => `${op.name ?? op.address}: ${op.sets.length} sets`));
 */
export async function listOperators(client: RampartClient): Promise<OperatorSummary[]> {
  const { publicClient, rampart, directory } = client;
  const [registrations, services, sets, now] = await Promise.all([
    getOperatorRegistrations(client),
    getServiceRegistrations(client),
    getOperatorSetRecords(client),
    reading("reading the latest block", () => chainNow(client)),
  ]);
  return reading("reading operators", async () => {
    const rates = await Promise.all(client.deployment.assets.map((asset) => ethRateOf(client, asset)));
    return Promise.all(
      registrations.map(async (registration, index) => {
        const operator = registration.address;
        const [info, allocationDelay, pools, commissions, memberships] = await Promise.all([
          publicClient.readContract({ ...directory, functionName: "getOperator", args: [operator] }),
          publicClient.readContract({ ...directory, functionName: "allocationDelayOf", args: [operator] }),
          Promise.all(
            client.deployment.assets.map((asset) =>
              publicClient.readContract({ ...rampart, functionName: "getPool", args: [operator, asset.address] }),
            ),
          ),
          Promise.all(
            services.map((service) =>
              publicClient.readContract({
                ...directory,
                functionName: "getCommission",
                args: [operator, service.address],
              }),
            ),
          ),
          Promise.all(
            sets.map((set) =>
              publicClient.readContract({ ...rampart, functionName: "getMembership", args: [operator, set.id] }),
            ),
          ),
        ]);
        const poolSummaries: OperatorPoolSummary[] = [];
        client.deployment.assets.forEach((asset, i) => {
          const pool = pools[i];
          if (!pool || (pool.totalAssets === 0n && pool.totalShares === 0n)) return;
          poolSummaries.push({
            asset: asset.address,
            symbol: asset.symbol,
            decimals: asset.decimals,
            totalAssets: pool.totalAssets,
            totalShares: pool.totalShares,
            ethValue: toEth(pool.totalAssets, asset.decimals, rates[i]),
          });
        });
        const commissionSummaries = services.map((service, i): OperatorCommission => {
          const record = commissions[i];
          const pendingApplied = record && record.effectAt !== 0 && BigInt(record.effectAt) <= now.timestamp;
          const bps = !record?.set ? 1000 : pendingApplied ? record.pendingBps : record.bps;
          return {
            service: service.address,
            serviceName: service.name,
            bps,
            pending:
              record && record.effectAt !== 0 && !pendingApplied
                ? { bps: record.pendingBps, effectAt: record.effectAt }
                : undefined,
            set: record?.set ?? false,
          };
        });
        const delayPending =
          info.allocationDelayEffectAt !== 0 && BigInt(info.allocationDelayEffectAt) > now.timestamp
            ? { delay: info.pendingAllocationDelay, effectAt: info.allocationDelayEffectAt }
            : undefined;
        return {
          index: index + 1,
          address: operator,
          name: registration.name,
          metadataURI: registration.metadataURI,
          delegate: info.delegate,
          allocationDelay,
          pendingAllocationDelay: delayPending,
          pools: poolSummaries,
          totalEth: poolSummaries.reduce((sum, pool) => sum + (pool.ethValue ?? 0n), 0n),
          commissions: commissionSummaries,
          sets: sets.filter((_, i) => memberships[i]?.member).map((set) => set.id),
        };
      }),
    );
  });
}
