// Who is registered: operators and services from the Directory's events, operator sets from the core. The building
// blocks of the other reads, exported for callers that only need the list.
import { type Address, isAddress } from "viem";
import type { RampartClient } from "../client.ts";
import { RampartError } from "../errors.ts";
import { byChainOrder, metadataName, parseAddress, reading, scanLogs } from "./internal.ts";

/** Service categories, in the order of the Directory's `ServiceCategory` enum. */
export const SERVICE_CATEGORIES = [
  { id: 0, key: "other", name: "other" },
  { id: 1, key: "da", name: "data availability" },
  { id: 2, key: "bridge", name: "bridge" },
  { id: 3, key: "oracle", name: "oracle" },
  { id: 4, key: "sequencer", name: "sequencer" },
  { id: 5, key: "coprocessor", name: "coprocessor" },
  { id: 6, key: "keeper", name: "keeper" },
] as const;

export type ServiceCategoryKey = (typeof SERVICE_CATEGORIES)[number]["key"];

/** Human name of a category id ("data availability"). */
export function categoryName(category: number): string {
  return SERVICE_CATEGORIES[category]?.name ?? `category ${category}`;
}

/**
 * Category id from a key or name: "da", "data-availability", "bridge", "oracle", "sequencer", "coprocessor", "keeper",
 * "other", or the number.
 */
export function parseCategory(text: string): number {
  const wanted = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
  if (/^\d+$/.test(wanted) && SERVICE_CATEGORIES[Number(wanted)]) return Number(wanted);
  const found = SERVICE_CATEGORIES.find((c) => c.key === wanted || c.name === wanted);
  if (!found) {
    throw new RampartError(`unknown service category "${text}"`, {
      hint: `use one of: ${SERVICE_CATEGORIES.map((c) => c.key).join(", ")}`,
    });
  }
  return found.id;
}

/** A registered operator or service as the Directory's events describe it. */
export interface Registration {
  address: Address;
  /** Latest metadata URI. */
  metadataURI: string;
  /** The `name` inside an inline (data:) JSON metadata URI, if any. */
  name: string | undefined;
  /** Block of the registration. */
  registeredAtBlock: bigint;
}

export interface ServiceRegistration extends Registration {
  category: number;
  categoryName: string;
}

/**
 * Every registered operator, in registration order, with its latest metadata.
 * @example
 * const operators = await getOperatorRegistrations(client);
 */
export async function getOperatorRegistrations(client: RampartClient): Promise<Registration[]> {
  return reading("reading operator registrations", async () => {
    const { publicClient, directory } = client;
    const [registered, updated] = await Promise.all([
      scanLogs(client, (fromBlock, toBlock) =>
        publicClient.getContractEvents({ ...directory, eventName: "OperatorRegistered", fromBlock, toBlock }),
      ),
      scanLogs(client, (fromBlock, toBlock) =>
        publicClient.getContractEvents({ ...directory, eventName: "OperatorMetadataUpdated", fromBlock, toBlock }),
      ),
    ]);
    const operators = new Map<string, Registration>();
    for (const log of registered.sort(byChainOrder)) {
      const { operator, metadataURI } = log.args;
      if (!operator) continue;
      operators.set(operator.toLowerCase(), {
        address: operator,
        metadataURI: metadataURI ?? "",
        name: metadataName(metadataURI ?? ""),
        registeredAtBlock: log.blockNumber,
      });
    }
    for (const log of updated.sort(byChainOrder)) {
      const entry = log.args.operator && operators.get(log.args.operator.toLowerCase());
      if (entry) {
        entry.metadataURI = log.args.metadataURI ?? "";
        entry.name = metadataName(entry.metadataURI);
      }
    }
    return [...operators.values()];
  });
}

/**
 * Every registered service, in registration order, with its latest metadata and category.
 * @example
 * const services = await getServiceRegistrations(client);
 */
export async function getServiceRegistrations(client: RampartClient): Promise<ServiceRegistration[]> {
  return reading("reading service registrations", async () => {
    const { publicClient, directory } = client;
    const [registered, updated] = await Promise.all([
      scanLogs(client, (fromBlock, toBlock) =>
        publicClient.getContractEvents({ ...directory, eventName: "ServiceRegistered", fromBlock, toBlock }),
      ),
      scanLogs(client, (fromBlock, toBlock) =>
        publicClient.getContractEvents({ ...directory, eventName: "ServiceMetadataUpdated", fromBlock, toBlock }),
      ),
    ]);
    const services = new Map<string, ServiceRegistration>();
    for (const log of registered.sort(byChainOrder)) {
      const { service, metadataURI, category } = log.args;
      if (!service) continue;
      services.set(service.toLowerCase(), {
        address: service,
        metadataURI: metadataURI ?? "",
        name: metadataName(metadataURI ?? ""),
        registeredAtBlock: log.blockNumber,
        category: category ?? 0,
        categoryName: categoryName(category ?? 0),
      });
    }
    for (const log of updated.sort(byChainOrder)) {
      const entry = log.args.service && services.get(log.args.service.toLowerCase());
      if (entry) {
        entry.metadataURI = log.args.metadataURI ?? "";
        entry.name = metadataName(entry.metadataURI);
      }
    }
    return [...services.values()];
  });
}

/** An operator set as the core stores it. */
export interface OperatorSetRecord {
  id: number;
  service: Address;
  /** address(0) when the set has no registrar. */
  registrar: Address;
  policy: {
    vetoWindow: number;
    deallocationDelay: number;
    maxSlashWad: bigint;
    vetoCommittee: Address;
    slashRecipient: Address;
  };
  assets: readonly Address[];
}

/**
 * Every operator set (ids 1 to operatorSetCount), with its policy and assets.
 * @example
 * const sets = await getOperatorSetRecords(client);
 */
export async function getOperatorSetRecords(client: RampartClient): Promise<OperatorSetRecord[]> {
  return reading("reading operator sets", async () => {
    const count = await client.publicClient.readContract({ ...client.rampart, functionName: "operatorSetCount" });
    const ids = Array.from({ length: count }, (_, index) => index + 1);
    return Promise.all(
      ids.map(async (id) => {
        const set = await client.publicClient.readContract({
          ...client.rampart,
          functionName: "getOperatorSet",
          args: [id],
        });
        return { id, service: set.service, registrar: set.registrar, policy: { ...set.policy }, assets: set.assets };
      }),
    );
  });
}

/**
 * Resolves how a person named an operator: its address, its number in `rampart operators` ("2" or "#2"), or the
 * unique name in its metadata (case-insensitive). Throws a RampartError naming the choices otherwise.
 * @example
 * const operator = await resolveOperator(client, "Alpha Staking");
 */
export async function resolveOperator(client: RampartClient, ref: string | Address): Promise<Registration> {
  const operators = await getOperatorRegistrations(client);
  const trimmed = ref.trim();
  if (trimmed.startsWith("0x")) {
    const address = parseAddress(trimmed, "operator address");
    const found = operators.find((op) => op.address.toLowerCase() === address.toLowerCase());
    if (!found) {
      throw new RampartError(`${address} is not a registered operator`, {
        hint: "run `rampart operators` to list them",
      });
    }
    return found;
  }
  const numbered = /^#?(\d+)$/.exec(trimmed);
  if (numbered) {
    const found = operators[Number(numbered[1]) - 1];
    if (!found) {
      throw new RampartError(`there is no operator #${numbered[1]} (${operators.length} registered)`, {
        hint: "run `rampart operators` to list them",
      });
    }
    return found;
  }
  const matches = operators.filter((op) => op.name?.toLowerCase() === trimmed.toLowerCase());
  if (matches.length === 1 && matches[0]) return matches[0];
  throw new RampartError(
    matches.length > 1 ? `more than one operator is named "${ref}"` : `no operator is named "${ref}"`,
    { hint: "give the operator's address or its # from `rampart operators`" },
  );
}

/** Resolves a service given by address or by the unique name in its metadata. */
export async function resolveService(client: RampartClient, ref: string): Promise<ServiceRegistration> {
  const services = await getServiceRegistrations(client);
  const trimmed = ref.trim();
  if (trimmed.startsWith("0x") || isAddress(trimmed, { strict: false })) {
    const address = parseAddress(trimmed, "service address");
    const found = services.find((s) => s.address.toLowerCase() === address.toLowerCase());
    if (!found) {
      throw new RampartError(`${address} is not a registered service`, { hint: "run `rampart services` to list them" });
    }
    return found;
  }
  const matches = services.filter((s) => s.name?.toLowerCase() === trimmed.toLowerCase());
  if (matches.length === 1 && matches[0]) return matches[0];
  throw new RampartError(
    matches.length > 1 ? `more than one service is named "${ref}"` : `no service is named "${ref}"`,
    { hint: "give the service's address; run `rampart services` to list them" },
  );
}
