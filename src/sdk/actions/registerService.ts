import type { Address } from "viem";
import { type RampartClient, write } from "../client.ts";
import { RampartError } from "../errors.ts";
import { metadataUri } from "../reads/internal.ts";
import { categoryName, parseCategory } from "../reads/registry.ts";
import { accountAddress, type TransactionInfo, transactionInfo } from "./internal.ts";

export interface RegisterServiceParams {
  /** Category id (Directory `ServiceCategory`) or key: "da", "bridge", "oracle", "sequencer", ... */
  category: number | string;
  metadataURI?: string;
  /** A name for people (stored inline in the metadata URI when `metadataURI` is not given). */
  name?: string;
}

export interface RegisterServiceResult extends TransactionInfo {
  service: Address;
  category: number;
  categoryName: string;
  metadataURI: string;
}

/**
 * Registers the client's account as a service in the Directory.
 * @example
 * await registerService(client, { category: "da", name: "Lightning DA" });
 */
export async function registerService(
  client: RampartClient,
  params: RegisterServiceParams,
): Promise<RegisterServiceResult> {
  const service = accountAddress(client);
  const category = typeof params.category === "number" ? params.category : parseCategory(params.category);
  if (params.metadataURI !== undefined && params.name !== undefined) {
    throw new RampartError("give a metadata URI or a name, not both", {
      hint: "put the name inside your metadata document instead",
    });
  }
  const metadataURI = params.metadataURI ?? (params.name ? metadataUri({ name: params.name }) : "");
  const { receipt } = await write(
    client,
    { ...client.directory, functionName: "registerService", args: [metadataURI, category] },
    "registering the service",
  );
  return { ...transactionInfo(receipt), service, category, categoryName: categoryName(category), metadataURI };
}
