// Sends many transactions from anvil's unlocked dev accounts at once: explicit nonces (per account, in the order
// given), explicit gas limits (no estimation against a state that earlier transactions of the same batch are about to
// change), all in a few JSON-RPC batches; then waits for every receipt. A revert is replayed as a call to name its
// custom error, and reported with the label of the transaction.
import { type Address, type Hex, numberToHex, type PublicClient } from "viem";
import { describeError } from "../deploy.ts";
import type { JsonRpc } from "./rpc.ts";

export interface TxSpec {
  from: Address;
  /** Omitted for a contract creation. */
  to?: Address;
  data: Hex;
  value?: bigint;
  /** Gas limit (default DEFAULT_GAS). */
  gas?: bigint;
  /** What the transaction does, for error messages. */
  label: string;
}

export interface RpcReceipt {
  transactionHash: Hex;
  status: Hex;
  blockNumber: Hex;
  contractAddress: Address | null;
  logs: { address: Address; topics: Hex[]; data: Hex }[];
}

/** Generous: a limit only caps a transaction, it costs nothing unused. Far below the 30M block gas limit. */
export const DEFAULT_GAS = 2_000_000n;
const PRIORITY_FEE = 1_000_000_000n;
const RECEIPT_TIMEOUT_MS = 60_000;

export class SeedError extends Error {
  override name = "SeedError";
}

export class TxSender {
  constructor(
    private readonly rpc: JsonRpc,
    private readonly publicClient: PublicClient,
  ) {}

  /**
   * Sends `txs` (each account's in the given order) and waits for all of them. With `sequential`, each waits for the
   * previous one to be mined first: use it where the order across accounts matters (ids handed out in order).
   */
  async send(phase: string, txs: readonly TxSpec[], options: { sequential?: boolean } = {}): Promise<RpcReceipt[]> {
    if (txs.length === 0) return [];
    const started = performance.now();
    try {
      return await this.sendInner(phase, txs, options);
    } finally {
      if (process.env.RAMPART_DEBUG) {
        process.stderr.write(`[debug] ${phase}: ${txs.length} tx in ${(performance.now() - started).toFixed(0)} ms\n`);
      }
    }
  }

  private async sendInner(
    phase: string,
    txs: readonly TxSpec[],
    options: { sequential?: boolean },
  ): Promise<RpcReceipt[]> {
    if (options.sequential) {
      const receipts: RpcReceipt[] = [];
      for (const tx of txs) receipts.push(...(await this.send(phase, [tx])));
      return receipts;
    }
    const senders = [...new Set(txs.map((tx) => tx.from.toLowerCase()))];
    const [block, ...nonces] = await this.rpc.batchOrThrow<unknown>([
      { method: "eth_getBlockByNumber", params: ["latest", false] },
      ...senders.map((from) => ({ method: "eth_getTransactionCount", params: [from, "pending"] })),
    ]);
    const baseFee = BigInt((block as { baseFeePerGas?: Hex }).baseFeePerGas ?? "0x3b9aca00");
    const maxFeePerGas = baseFee * 2n + PRIORITY_FEE;
    const nextNonce = new Map(senders.map((from, i) => [from, BigInt(nonces[i] as Hex)]));

    // anvil's automine can leave a transaction queued forever when an account's transactions arrive out of nonce
    // order (foundry-rs/foundry#10122), and the items of one JSON-RPC batch are handled concurrently. So a batch
    // holds at most one transaction per account: the first of each account, then the second of each, and so on.
    const levels: number[][] = [];
    const requests = txs.map((tx, i) => {
      const from = tx.from.toLowerCase();
      const nonce = nextNonce.get(from) ?? 0n;
      nextNonce.set(from, nonce + 1n);
      const level = Number(nonce - BigInt(nonces[senders.indexOf(from)] as Hex));
      const batch = levels[level] ?? [];
      batch.push(i);
      levels[level] = batch;
      return {
        method: "eth_sendTransaction",
        params: [
          {
            from: tx.from,
            ...(tx.to ? { to: tx.to } : {}),
            data: tx.data,
            value: numberToHex(tx.value ?? 0n),
            gas: numberToHex(tx.gas ?? DEFAULT_GAS),
            nonce: numberToHex(nonce),
            maxFeePerGas: numberToHex(maxFeePerGas),
            maxPriorityFeePerGas: numberToHex(PRIORITY_FEE),
            type: "0x2",
          },
        ],
      };
    });
    const hashes: Hex[] = new Array(txs.length);
    for (const level of levels) {
      const answers = await this.rpc.batch(level.map((i) => requests[i] as (typeof requests)[number]));
      answers.forEach((answer, j) => {
        const i = level[j] as number;
        if (answer.error) throw new SeedError(`${phase}: ${txs[i]?.label}: not accepted: ${answer.error.message}`);
        hashes[i] = answer.result as Hex;
      });
    }

    const receipts = await this.waitForReceipts(phase, hashes, txs);
    const failed = receipts.findIndex((receipt) => receipt.status !== "0x1");
    if (failed >= 0) {
      const tx = txs[failed] as TxSpec;
      const receipt = receipts[failed] as RpcReceipt;
      throw new SeedError(`${phase}: ${tx.label}: reverted (${await this.revertReason(tx, receipt)})`);
    }
    return receipts;
  }

  private async waitForReceipts(phase: string, hashes: readonly Hex[], txs: readonly TxSpec[]): Promise<RpcReceipt[]> {
    const receipts: (RpcReceipt | null)[] = hashes.map(() => null);
    const deadline = Date.now() + RECEIPT_TIMEOUT_MS;
    for (;;) {
      const missing = receipts.flatMap((receipt, i) => (receipt ? [] : [i]));
      if (missing.length === 0) return receipts as RpcReceipt[];
      if (Date.now() > deadline) {
        const first = txs[missing[0] as number];
        throw new SeedError(`${phase}: ${missing.length} transaction(s) not mined in time (first: ${first?.label})`);
      }
      const answers = await this.rpc.batchOrThrow<RpcReceipt | null>(
        missing.map((i) => ({ method: "eth_getTransactionReceipt", params: [hashes[i]] })),
      );
      answers.forEach((answer, j) => {
        receipts[missing[j] as number] = answer;
      });
      if (answers.some((answer) => answer === null)) await new Promise((resolve) => setTimeout(resolve, 15));
    }
  }

  /** Replays a reverted transaction as a call on its parent block to get (and decode) the revert data. */
  private async revertReason(tx: TxSpec, receipt: RpcReceipt): Promise<string> {
    try {
      await this.publicClient.call({
        account: tx.from,
        to: tx.to,
        data: tx.data,
        value: tx.value,
        gas: tx.gas ?? DEFAULT_GAS,
        blockNumber: BigInt(receipt.blockNumber) - 1n,
      });
      return `transaction ${receipt.transactionHash}; the replay on the parent block succeeded, so it depended on a transaction of the same block`;
    } catch (error) {
      return describeError(error);
    }
  }
}
