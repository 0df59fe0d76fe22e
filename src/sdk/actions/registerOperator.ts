import { type Address, zeroAddress } from "viem";
import { type RampartClient, write } from "../client.ts";
import { RampartError } from "../errors.ts";
import { metadataUri } from "../reads/internal.ts";
import { accountAddress, type TransactionInfo, transactionInfo } from "./internal.ts";

export interface RegisterOperatorParams {
  /** Metadata URI. Default: an inline JSON URI carrying `name`, or "" without a name. */
  metadataURI?: string;
  /** A name for people (stored inline in the metadata URI when `metadataURI` is not given). */
  name?: string;
  /** May act for the operator (default none). */
  delegate?: Address;
  /** Seconds before an allocation increase becomes slashable (default 0, at most 30 days). */
  allocationDelay?: number;
}

export interface RegisterOperatorResult extends TransactionInfo {
  operator: Address;
  metadataURI: string;
}

/**
 * Registers the client's account as an operator in the Directory.
 * @example
 * await registerOperator(client, { name: "Alpha Staking", allocationDelay: 0 });
 */
export async function registerOperator(
  client: RampartClient,
  params: RegisterOperatorParams = {},
): Promise<RegisterOperatorResult> {
  const operator = accountAddress(client);
  if (params.metadataURI !== undefined && params.name !== undefined) {
    throw new RampartError("give a metadata URI or a name, not both", {
      hint: "put the name inside your metadata document instead",
    });
  }
  const metadataURI = params.metadataURI ?? (params.name ? metadataUri({ name: params.name }) : "");
  const { receipt } = await write(
    client,
    {
      ...client.directory,
      functionName: "registerOperator",
      args: [metadataURI, params.delegate ?? zeroAddress, params.allocationDelay ?? 0],
    },
    "registering the operator",
  );
  return { ...transactionInfo(receipt), operator, metadataURI };
}
