import type { Address, Hex } from "viem";
import { type RampartClient, write } from "../client.ts";
import { operatorOrSelf, type TransactionInfo, transactionInfo } from "./internal.ts";

export interface JoinOperatorSetParams {
  /** Default: the client's account. */
  operator?: Address;
  setId: number;
  /** Passed to the set's registrar, if any (default empty). */
  data?: Hex;
}

/**
 * Joins an operator set (the set's registrar may reject).
 * @example
 * await joinOperatorSet(client, { setId: 1 });
 */
export async function joinOperatorSet(
  client: RampartClient,
  params: JoinOperatorSetParams,
): Promise<TransactionInfo & { operator: Address; setId: number }> {
  const operator = operatorOrSelf(client, params.operator);
  const { receipt } = await write(
    client,
    { ...client.rampart, functionName: "joinOperatorSet", args: [operator, params.setId, params.data ?? "0x"] },
    `joining operator set ${params.setId}`,
  );
  return { ...transactionInfo(receipt), operator, setId: params.setId };
}
