// The harness a measuring side gets: a fresh anvil, its dev accounts, deploy/send/read helpers and a gas recorder.
//
// Every transaction lands in its own block, 12 s after the previous one (mainnet slot time), on a chain whose genesis
// timestamp is pinned: block timestamps, and so checkpoint writes ("append" vs "overwrite in the same block"), are the
// same on every run. `advanceTime` moves that clock forward (epochs, delays).
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  type Abi,
  type Address,
  createTestClient,
  type Hex,
  http,
  publicActions,
  type TransactionReceipt,
  walletActions,
} from "viem";
import { foundry } from "viem/chains";
import { ANVIL_GENESIS_TIMESTAMP, type Anvil, startAnvil } from "./foundry.ts";

/** Gas by operation name: the full transaction's receipt.gasUsed (what explorers show). */
export type GasResults = Record<string, number>;

export type Log = (message: string) => void;

export interface Artifact {
  contractName: string;
  abi: Abi;
  bytecode: Hex;
}

/** Reads `<outDir>/<sourceFile>/<contractName>.json` as written by `forge build`. */
export function loadArtifact(outDir: string, contractName: string, sourceFile = `${contractName}.sol`): Artifact {
  const file = path.join(outDir, sourceFile, `${contractName}.json`);
  const json = JSON.parse(readFileSync(file, "utf8")) as { abi?: Abi; bytecode?: { object?: string } };
  const bytecode = json.bytecode?.object;
  if (!json.abi || !bytecode || bytecode === "0x") throw new Error(`${file}: no ABI or creation bytecode`);
  return { contractName, abi: json.abi, bytecode: bytecode as Hex };
}

export interface Call {
  from: Address;
  to: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
  /** Gas limit; defaults to TX_GAS_LIMIT. Only bounds the transaction: receipt.gasUsed does not depend on it. */
  gas?: bigint;
}

export const SLOT_SECONDS = 12n;

/**
 * Fixed gas limit for every transaction, under Osaka's per-transaction cap (EIP-7825, 2^24). No eth_estimateGas: anvil
 * estimates against the latest block's timestamp rather than the one set for the next block, so an estimate can miss
 * the cost of appending a checkpoint and the transaction runs out of gas.
 */
export const TX_GAS_LIMIT = 16_000_000n;

function createClient(rpcUrl: string) {
  return createTestClient({ chain: foundry, mode: "anvil", transport: http(rpcUrl), pollingInterval: 10 })
    .extend(publicActions)
    .extend(walletActions);
}

export type BenchClient = ReturnType<typeof createClient>;

export class Bench {
  readonly client: BenchClient;
  /** anvil's unlocked dev accounts (10, each with 10,000 ETH). */
  readonly accounts: readonly Address[];
  /** What `measure` recorded, in call order. */
  readonly results: GasResults = {};
  readonly log: Log;
  private readonly anvil: Anvil;
  private clock: bigint;

  private constructor(anvil: Anvil, client: BenchClient, accounts: readonly Address[], log: Log) {
    this.anvil = anvil;
    this.client = client;
    this.accounts = accounts;
    this.log = log;
    this.clock = BigInt(ANVIL_GENESIS_TIMESTAMP);
  }

  static async start(log: Log): Promise<Bench> {
    const anvil = await startAnvil();
    try {
      const client = createClient(anvil.rpcUrl);
      const accounts = await client.getAddresses();
      const latest = await client.getBlock();
      const bench = new Bench(anvil, client, accounts, log);
      bench.clock = latest.timestamp;
      return bench;
    } catch (error) {
      await anvil.stop();
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.anvil.stop();
  }

  /** dev account `index`, failing loudly rather than returning undefined. */
  account(index: number): Address {
    const account = this.accounts[index];
    if (!account) throw new Error(`anvil has no dev account #${index}`);
    return account;
  }

  /** Timestamp of the latest block this bench mined. */
  get now(): bigint {
    return this.clock;
  }

  /** The next transaction lands `seconds` later than it otherwise would (plus the usual slot). */
  advanceTime(seconds: bigint | number): void {
    this.clock += BigInt(seconds);
  }

  private async nextBlock(): Promise<void> {
    this.clock += SLOT_SECONDS;
    await this.client.setNextBlockTimestamp({ timestamp: this.clock });
  }

  private async receipt(hash: Hex, what: string): Promise<TransactionReceipt> {
    const receipt = await this.client.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`${what}: transaction ${hash} reverted`);
    return receipt;
  }

  async deploy(artifact: Artifact, args: readonly unknown[], from: Address): Promise<Address> {
    await this.nextBlock();
    const hash = await this.client.deployContract({
      abi: artifact.abi,
      bytecode: artifact.bytecode,
      args,
      account: from,
      chain: foundry,
      gas: TX_GAS_LIMIT,
    });
    const receipt = await this.receipt(hash, `deploy ${artifact.contractName}`);
    if (!receipt.contractAddress) throw new Error(`deploy ${artifact.contractName}: no contract address`);
    return receipt.contractAddress;
  }

  /** Sends a transaction (one block) and returns its successful receipt. */
  async send(call: Call): Promise<TransactionReceipt> {
    await this.nextBlock();
    const hash = await this.client.writeContract({
      address: call.to,
      abi: call.abi,
      functionName: call.functionName,
      args: call.args ?? [],
      account: call.from,
      chain: foundry,
      gas: call.gas ?? TX_GAS_LIMIT,
    });
    return this.receipt(hash, call.functionName);
  }

  /** Sends `call` and records its full transaction gas under `name`. */
  async measure(name: string, call: Call): Promise<number> {
    this.log(`measuring ${name}...`);
    const receipt = await this.send(call);
    const gas = Number(receipt.gasUsed);
    this.results[name] = gas;
    return gas;
  }

  async read<T>(to: Address, abi: Abi, functionName: string, args: readonly unknown[] = []): Promise<T> {
    return (await this.client.readContract({ address: to, abi, functionName, args })) as T;
  }
}

/** Runs `fn` against a fresh anvil and always stops that anvil afterwards, on success or error. */
export async function withBench<T>(log: Log, fn: (bench: Bench) => Promise<T>): Promise<T> {
  const bench = await Bench.start(log);
  try {
    return await fn(bench);
  } finally {
    await bench.stop();
  }
}
