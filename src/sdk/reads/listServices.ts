// Services with their operator sets: each set's slashing policy, assets, and members with their allocations.
import { type Address, zeroAddress } from "viem";
import type { RampartClient } from "../client.ts";
import { RampartError } from "../errors.ts";
import { type AllocationSummary, isAllocated, readAllocation } from "./allocations.ts";
import { assetOf, reading } from "./internal.ts";
import {
  getOperatorRegistrations,
  getOperatorSetRecords,
  getServiceRegistrations,
  type OperatorSetRecord,
  type Registration,
} from "./registry.ts";

export interface SetPolicySummary {
  /** True when slashes execute at once (no veto window). */
  instant: boolean;
  /** Seconds a slash request waits, during which the committee may veto it; 0 for instant sets. */
  vetoWindow: number;
  /** address(0) for instant sets. */
  vetoCommittee: Address;
  /** Largest fraction (WAD) of an allocation one slash may take. */
  maxSlashWad: bigint;
  /** Receives slashed tokens; undefined when they are burned. */
  slashRecipient: Address | undefined;
  burns: boolean;
  /** The set's deallocation delay, seconds. */
  deallocationDelay: number;
  /** What applies: min(deallocation delay, withdrawal delay). */
  effectiveDeallocationDelay: number;
}

export interface SetMemberAllocation extends AllocationSummary {
  asset: Address;
  symbol: string;
  decimals: number;
}

export interface SetMember {
  operator: Address;
  operatorName: string | undefined;
  /** Allocations with anything in them (now or pending), one per asset of the set. */
  allocations: SetMemberAllocation[];
}

export interface OperatorSetSummary {
  id: number;
  service: Address;
  serviceName: string | undefined;
  /** undefined when the set has no registrar. */
  registrar: Address | undefined;
  policy: SetPolicySummary;
  assets: { address: Address; symbol: string; decimals: number }[];
  members: SetMember[];
}

export interface ServiceSummary {
  address: Address;
  name: string | undefined;
  metadataURI: string;
  category: number;
  /** "data availability", "bridge", ... */
  categoryName: string;
  sets: OperatorSetSummary[];
}

/** Shared by listServices and getOperatorSet. */
async function summarizeSet(
  client: RampartClient,
  set: OperatorSetRecord,
  operators: Registration[],
  serviceName: string | undefined,
  withdrawalDelay: number,
): Promise<OperatorSetSummary> {
  const { publicClient, rampart } = client;
  const memberships = await Promise.all(
    operators.map((op) =>
      publicClient.readContract({ ...rampart, functionName: "getMembership", args: [op.address, set.id] }),
    ),
  );
  const members = operators.filter((_, i) => memberships[i]?.member);
  const assets = set.assets.map((address) => {
    const asset = assetOf(client, address);
    return { address, symbol: asset.symbol, decimals: asset.decimals };
  });
  const memberSummaries = await Promise.all(
    members.map(async (op): Promise<SetMember> => {
      const allocations = await Promise.all(
        assets.map(async (asset) => {
          const maxMagnitude = await publicClient.readContract({
            ...rampart,
            functionName: "maxMagnitude",
            args: [op.address, asset.address],
          });
          const allocation = await readAllocation(client, op.address, asset.address, set.id, maxMagnitude);
          return { ...allocation, asset: asset.address, symbol: asset.symbol, decimals: asset.decimals };
        }),
      );
      return { operator: op.address, operatorName: op.name, allocations: allocations.filter(isAllocated) };
    }),
  );
  const { policy } = set;
  return {
    id: set.id,
    service: set.service,
    serviceName,
    registrar: set.registrar === zeroAddress ? undefined : set.registrar,
    policy: {
      instant: policy.vetoWindow === 0,
      vetoWindow: policy.vetoWindow,
      vetoCommittee: policy.vetoCommittee,
      maxSlashWad: policy.maxSlashWad,
      slashRecipient: policy.slashRecipient === zeroAddress ? undefined : policy.slashRecipient,
      burns: policy.slashRecipient === zeroAddress,
      deallocationDelay: policy.deallocationDelay,
      effectiveDeallocationDelay: Math.min(policy.deallocationDelay, withdrawalDelay),
    },
    assets,
    members: memberSummaries,
  };
}

/**
 * Lists every registered service with its category and operator sets (policy, assets, members, allocations).
 * @example
 * for (const service of await listServices(client)) {
 *   console.log(service.name ?? service.address, service.categoryName, service.sets.map((set) => set.id));
 * }
 */
export async function listServices(client: RampartClient): Promise<ServiceSummary[]> {
  const [services, operators, sets, withdrawalDelay] = await Promise.all([
    getServiceRegistrations(client),
    getOperatorRegistrations(client),
    getOperatorSetRecords(client),
    reading("reading the withdrawal delay", () =>
      client.publicClient.readContract({ ...client.rampart, functionName: "withdrawalDelay" }),
    ),
  ]);
  return reading("reading operator sets", () =>
    Promise.all(
      services.map(async (service) => ({
        address: service.address,
        name: service.name,
        metadataURI: service.metadataURI,
        category: service.category,
        categoryName: service.categoryName,
        sets: await Promise.all(
          sets
            .filter((set) => set.service.toLowerCase() === service.address.toLowerCase())
            .map((set) => summarizeSet(client, set, operators, service.name, withdrawalDelay)),
        ),
      })),
    ),
  );
}

/**
 * One operator set with its policy, assets and members.
 * @example
 * const set = await getOperatorSet(client, 1);
 * console.log(set.policy.instant ? "instant slashing" : `veto window ${set.policy.vetoWindow}s`);
 */
export async function getOperatorSet(client: RampartClient, setId: number): Promise<OperatorSetSummary> {
  const [sets, services, operators, withdrawalDelay] = await Promise.all([
    getOperatorSetRecords(client),
    getServiceRegistrations(client),
    getOperatorRegistrations(client),
    reading("reading the withdrawal delay", () =>
      client.publicClient.readContract({ ...client.rampart, functionName: "withdrawalDelay" }),
    ),
  ]);
  const set = sets.find((s) => s.id === setId);
  if (!set) {
    throw new RampartError(`operator set ${setId} does not exist (${sets.length} created)`, {
      hint: "run `rampart services` to list the sets",
    });
  }
  const service = services.find((s) => s.address.toLowerCase() === set.service.toLowerCase());
  return reading(`reading operator set ${setId}`, () =>
    summarizeSet(client, set, operators, service?.name, withdrawalDelay),
  );
}
