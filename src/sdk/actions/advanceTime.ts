import type { EIP1193RequestFn, Hex } from "viem";
import { numberToHex } from "viem";
import type { RampartClient } from "../client.ts";
import { RampartError, toRampartError } from "../errors.ts";
import { chainNow } from "../reads/internal.ts";

type DevRpcSchema = [
  { Method: "web3_clientVersion"; Parameters?: []; ReturnType: string },
  { Method: "evm_increaseTime"; Parameters: [Hex]; ReturnType: unknown },
  { Method: "evm_mine"; Parameters?: []; ReturnType: unknown },
];

export interface AdvanceTimeResult {
  /** Latest block before and after (unix seconds). */
  from: bigint;
  to: bigint;
  blockNumber: bigint;
}

/** The node's client version, e.g. "anvil/v1.4.0"; undefined if it does not say. */
export async function clientVersion(client: RampartClient): Promise<string | undefined> {
  const request = client.publicClient.request as unknown as EIP1193RequestFn<DevRpcSchema>;
  try {
    return await request({ method: "web3_clientVersion", params: [] });
  } catch (error) {
    const converted = toRampartError(error);
    if (/cannot reach/.test(converted.shortMessage)) throw converted;
    return undefined;
  }
}

/**
 * Dev chains only (anvil, hardhat): moves the chain's clock forward by `seconds` and mines a block. Refuses any other
 * node with a RampartError.
 * @example
 * await advanceTime(client, parseDuration("7d"));
 */
export async function advanceTime(client: RampartClient, seconds: number | bigint): Promise<AdvanceTimeResult> {
  const version = await clientVersion(client);
  if (!version || !/anvil|hardhat/i.test(version)) {
    throw new RampartError(`the node (${version ?? "unknown client"}) is not a local dev chain: time cannot be moved`, {
      hint: "time advance works on the local network (anvil) only; on a real chain, wait",
    });
  }
  if (BigInt(seconds) <= 0n) throw new RampartError("the duration must be positive", { hint: 'e.g. "7d" or "12h"' });
  const request = client.publicClient.request as unknown as EIP1193RequestFn<DevRpcSchema>;
  try {
    const before = await chainNow(client);
    await request({ method: "evm_increaseTime", params: [numberToHex(BigInt(seconds))] });
    await request({ method: "evm_mine", params: [] });
    const after = await chainNow(client);
    return { from: before.timestamp, to: after.timestamp, blockNumber: after.blockNumber };
  } catch (error) {
    throw toRampartError(error, "advancing time");
  }
}
