import { type Address, parseEventLogs } from "viem";
import { directoryAbi } from "../abis.ts";
import { type RampartClient, write } from "../client.ts";
import { RampartError } from "../errors.ts";
import { parseAddress } from "../reads/internal.ts";
import { operatorOrSelf, type TransactionInfo, transactionInfo } from "./internal.ts";

export interface SetCommissionParams {
  /** Default: the client's account. */
  operator?: Address;
  service: Address | string;
  /** Basis points, 0 to 10,000. */
  bps: number;
}

export interface SetCommissionResult extends TransactionInfo {
  operator: Address;
  service: Address;
  bps: number;
  /** When the new rate applies (unix seconds): now for a decrease, after the withdrawal delay for an increase. */
  effectAt: number;
}

/**
 * Sets the operator's commission on a service's rewards. A decrease applies at once; an increase after the
 * withdrawal delay.
 * @example
 * await setCommission(client, { service: daLayer, bps: 500 }); // 5%
 */
export async function setCommission(client: RampartClient, params: SetCommissionParams): Promise<SetCommissionResult> {
  const operator = operatorOrSelf(client, params.operator);
  const service = parseAddress(params.service, "service address");
  if (!Number.isInteger(params.bps) || params.bps < 0 || params.bps > 10_000) {
    throw new RampartError(`commission ${params.bps} is out of range`, {
      hint: "use 0 to 10000 basis points (0-100%)",
    });
  }
  const { receipt } = await write(
    client,
    { ...client.directory, functionName: "setCommission", args: [operator, service, params.bps] },
    "setting the commission",
  );
  const [event] = parseEventLogs({ abi: directoryAbi, logs: receipt.logs, eventName: "CommissionSet" });
  return { ...transactionInfo(receipt), operator, service, bps: params.bps, effectAt: event?.args.effectAt ?? 0 };
}
