// Deployment of a Rampart instance (governance timelock, core, directory) and the governance path through the
// timelock (schedule, wait for the delay, execute).
import {
  type Abi,
  type Account,
  type Address,
  BaseError,
  type Chain,
  ContractFunctionRevertedError,
  decodeErrorResult,
  type EIP1193RequestFn,
  encodeDeployData,
  getAddress,
  type Hex,
  numberToHex,
  type PublicClient,
  type TransactionReceipt,
  type Transport,
  toHex,
  type WalletClient,
  zeroAddress,
  zeroHash,
} from "viem";
import {
  directoryAbi,
  rampartAbi,
  rampartBytecode,
  rewardsAbi,
  rewardsBytecode,
  timelockAbi,
  timelockBytecode,
} from "./sdk/abis.ts";

/** A wallet client with its account and chain fixed: every transaction here is sent from that account. */
export type RampartWalletClient = WalletClient<Transport, Chain, Account>;

/** ABIs used to name custom errors in messages (the timelock bubbles up the core's errors unchanged). */
const KNOWN_ABIS: readonly Abi[] = [rampartAbi, directoryAbi, rewardsAbi, timelockAbi];

export class RampartDeployError extends Error {
  override name = "RampartDeployError";
}

/** A short, readable reason for a failed call: the decoded custom error if there is one, else viem's summary. */
export function describeError(error: unknown): string {
  if (error instanceof BaseError) {
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError && reverted.data?.errorName) {
      return formatCustomError(reverted.data.errorName, reverted.data.args);
    }
    // Raw revert data (a deployment, or a custom error of another contract bubbled up): try every known ABI.
    let data: Hex | undefined;
    error.walk((e) => {
      const candidate = (e as { data?: unknown }).data;
      if (typeof candidate === "string" && /^0x[0-9a-fA-F]{8,}$/.test(candidate)) data = candidate as Hex;
      return false;
    });
    if (data) {
      for (const abi of KNOWN_ABIS) {
        try {
          const decoded = decodeErrorResult({ abi, data });
          return formatCustomError(decoded.errorName, decoded.args);
        } catch {
          // not an error of this ABI
        }
      }
    }
    return error.shortMessage;
  }
  return error instanceof Error ? error.message : String(error);
}

function formatCustomError(name: string, args: readonly unknown[] | undefined): string {
  return `${name}(${(args ?? []).map((arg) => String(arg)).join(", ")})`;
}

async function step<T>(what: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof RampartDeployError) throw error;
    throw new RampartDeployError(`${what} failed: ${describeError(error)}`, { cause: error });
  }
}

/**
 * Runs a deployment as a call first: a node may accept a transaction that reverts (JSON-RPC accounts are not
 * estimated by viem), and only the call returns the revert data that names the error.
 */
async function preflightDeploy(publicClient: PublicClient, walletClient: RampartWalletClient, data: Hex) {
  await publicClient.call({ account: walletClient.account, data });
}

async function confirm(publicClient: PublicClient, hash: Hex, what: string): Promise<TransactionReceipt> {
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new RampartDeployError(`${what}: transaction ${hash} reverted`);
  return receipt;
}

export interface DeployRampartParams {
  publicClient: PublicClient;
  /** Sends every deployment; needs no role afterwards. */
  walletClient: RampartWalletClient;
  /** Seconds between scheduling and executing a governance operation (the timelock's min delay). */
  governanceDelay: bigint | number;
  /** Seconds between queueing and completing a withdrawal; the core enforces its bounds (3 to 30 days). */
  withdrawalDelay: number;
  pauser: Address;
  unpauser: Address;
  /** May schedule and cancel governance operations (the governance multisig). Anyone may execute ready ones. */
  proposers: readonly Address[];
  /** Posts the rewards distribution roots (RampartRewards' updater). */
  rewardsUpdater: Address;
  /** Seconds between posting a root and claims against it; RampartRewards enforces [1 h, 30 days]. */
  rootActivationDelay: number;
}

export interface RampartDeployment {
  rampart: Address;
  directory: Address;
  timelock: Address;
  rewards: Address;
}

/**
 * Deploys RampartTimelock (min delay `governanceDelay`, the given proposers, open execution, no admin: it administers
 * itself), then Rampart owned by it, which deploys its Directory, then RampartRewards (also owned by the timelock). Throws a RampartDeployError naming the failed step.
 */
export async function deployRampart(params: DeployRampartParams): Promise<RampartDeployment> {
  const { publicClient, walletClient, pauser, unpauser, proposers, withdrawalDelay } = params;
  const governanceDelay = BigInt(params.governanceDelay);
  if (proposers.length === 0) {
    throw new RampartDeployError("deployRampart: no proposers: nobody could ever schedule a governance operation");
  }
  if (governanceDelay < 0n) throw new RampartDeployError("deployRampart: governanceDelay must not be negative");

  const timelock = await step("deployRampart: deploying RampartTimelock", async () => {
    const deploy = {
      abi: timelockAbi,
      bytecode: timelockBytecode,
      args: [governanceDelay, proposers, [zeroAddress], zeroAddress],
    } as const;
    await preflightDeploy(publicClient, walletClient, encodeDeployData(deploy));
    const hash = await walletClient.deployContract(deploy);
    const receipt = await confirm(publicClient, hash, "RampartTimelock deployment");
    if (!receipt.contractAddress) throw new RampartDeployError("RampartTimelock deployment: no contract address");
    return getAddress(receipt.contractAddress);
  });

  const rampart = await step("deployRampart: deploying Rampart", async () => {
    const deploy = {
      abi: rampartAbi,
      bytecode: rampartBytecode,
      args: [timelock, pauser, unpauser, withdrawalDelay],
    } as const;
    await preflightDeploy(publicClient, walletClient, encodeDeployData(deploy));
    const hash = await walletClient.deployContract(deploy);
    const receipt = await confirm(publicClient, hash, "Rampart deployment");
    if (!receipt.contractAddress) throw new RampartDeployError("Rampart deployment: no contract address");
    return getAddress(receipt.contractAddress);
  });

  const directory = await step("deployRampart: reading the Directory address", async () => {
    const [directoryAddress, owner] = await Promise.all([
      publicClient.readContract({ address: rampart, abi: rampartAbi, functionName: "directory" }),
      publicClient.readContract({ address: rampart, abi: rampartAbi, functionName: "owner" }),
    ]);
    if (owner !== timelock) {
      throw new RampartDeployError(`Rampart at ${rampart} is owned by ${owner}, not the timelock ${timelock}`);
    }
    return directoryAddress;
  });

  const rewards = await step("deployRampart: deploying RampartRewards", async () => {
    const deploy = {
      abi: rewardsAbi,
      bytecode: rewardsBytecode,
      args: [rampart, timelock, params.rewardsUpdater, params.rootActivationDelay],
    } as const;
    await preflightDeploy(publicClient, walletClient, encodeDeployData(deploy));
    const hash = await walletClient.deployContract(deploy);
    const receipt = await confirm(publicClient, hash, "RampartRewards deployment");
    if (!receipt.contractAddress) throw new RampartDeployError("RampartRewards deployment: no contract address");
    return getAddress(receipt.contractAddress);
  });

  return { rampart, directory, timelock, rewards };
}

// ─────────────────────────── Governance ───────────────────────────

/** One call the timelock makes. */
export interface GovernanceCall {
  target: Address;
  data: Hex;
  value?: bigint;
}

export interface GovernanceOperation {
  calls: readonly GovernanceCall[];
  predecessor: Hex;
  salt: Hex;
}

export interface GovernanceActionParams {
  publicClient: PublicClient;
  /** A proposer of the timelock; it also executes (execution is open to anyone). */
  walletClient: RampartWalletClient;
  timelock: Address;
  /** Executed in order, atomically, as one timelock batch operation. */
  calls: readonly GovernanceCall[];
  /** Operation that must have been executed first (default: none). */
  predecessor?: Hex;
  /** Distinguishes operations with the same calls (default: random). */
  salt?: Hex;
  /**
   * Dev chains only (anvil): move the chain's clock past the delay with `evm_increaseTime` + `evm_mine` instead of
   * waiting for real blocks. Never set it against a real network.
   */
  advanceTime?: boolean;
  /**
   * Without `advanceTime`: how often to look at the latest block while waiting for the delay, in ms (default 1000).
   * The wait ends when a block at or after the ready time exists, so a dev chain that mines only on demand (anvil's
   * default) needs `advanceTime` instead.
   */
  pollingInterval?: number;
  /** What the operation does, for error messages. */
  description?: string;
}

export interface GovernanceActionResult {
  operationId: Hex;
  /** Timestamp from which the operation could be executed. */
  readyAt: bigint;
  scheduleReceipt: TransactionReceipt;
  executeReceipt: TransactionReceipt;
}

function batchArgs(operation: GovernanceOperation) {
  return [
    operation.calls.map((call) => call.target),
    operation.calls.map((call) => call.value ?? 0n),
    operation.calls.map((call) => call.data),
    operation.predecessor,
    operation.salt,
  ] as const;
}

/** Schedules `operation` on the timelock with its current min delay; returns the operation id and its ready time. */
export async function scheduleGovernanceAction(
  params: Pick<GovernanceActionParams, "publicClient" | "walletClient" | "timelock" | "description">,
  operation: GovernanceOperation,
): Promise<{ operationId: Hex; readyAt: bigint; receipt: TransactionReceipt }> {
  const { publicClient, walletClient, timelock } = params;
  const what = `governance action ${params.description ?? ""}`.trimEnd();
  if (operation.calls.length === 0) throw new RampartDeployError(`${what}: no calls`);
  return step(`${what}: scheduling on timelock ${timelock}`, async () => {
    const args = batchArgs(operation);
    const [delay, operationId] = await Promise.all([
      publicClient.readContract({ address: timelock, abi: timelockAbi, functionName: "getMinDelay" }),
      publicClient.readContract({ address: timelock, abi: timelockAbi, functionName: "hashOperationBatch", args }),
    ]);
    const { request } = await publicClient.simulateContract({
      account: walletClient.account,
      address: timelock,
      abi: timelockAbi,
      functionName: "scheduleBatch",
      args: [...args, delay],
    });
    const hash = await walletClient.writeContract(request);
    const receipt = await confirm(publicClient, hash, `${what}: scheduleBatch`);
    const readyAt = await publicClient.readContract({
      address: timelock,
      abi: timelockAbi,
      functionName: "getTimestamp",
      args: [operationId],
    });
    return { operationId, readyAt, receipt };
  });
}

/** Executes a scheduled, ready `operation` (sending the sum of its values). */
export async function executeGovernanceAction(
  params: Pick<GovernanceActionParams, "publicClient" | "walletClient" | "timelock" | "description">,
  operation: GovernanceOperation,
): Promise<TransactionReceipt> {
  const { publicClient, walletClient, timelock } = params;
  const what = `governance action ${params.description ?? ""}`.trimEnd();
  return step(`${what}: executing on timelock ${timelock}`, async () => {
    const { request } = await publicClient.simulateContract({
      account: walletClient.account,
      address: timelock,
      abi: timelockAbi,
      functionName: "executeBatch",
      args: batchArgs(operation),
      value: operation.calls.reduce((sum, call) => sum + (call.value ?? 0n), 0n),
    });
    const hash = await walletClient.writeContract(request);
    return confirm(publicClient, hash, `${what}: executeBatch`);
  });
}

type DevRpcSchema = [
  { Method: "evm_increaseTime"; Parameters: [Hex]; ReturnType: unknown },
  { Method: "evm_mine"; Parameters?: []; ReturnType: unknown },
];

/**
 * Dev chains only (anvil, hardhat): moves the clock forward by `seconds` (`evm_increaseTime`) and mines a block
 * (`evm_mine`), so the latest block's timestamp is at least `seconds` later.
 */
export async function advanceDevChainTime(publicClient: PublicClient, seconds: bigint | number): Promise<void> {
  const request = publicClient.request as unknown as EIP1193RequestFn<DevRpcSchema>;
  try {
    await request({ method: "evm_increaseTime", params: [numberToHex(BigInt(seconds))] });
    await request({ method: "evm_mine", params: [] });
  } catch (error) {
    throw new RampartDeployError(
      `could not advance the chain's time by ${seconds} s (evm_increaseTime/evm_mine: is this a dev chain?): ` +
        describeError(error),
      { cause: error },
    );
  }
}

/** Resolves once the latest block's timestamp is at least `timestamp`, advancing a dev chain's clock if asked. */
async function reachTimestamp(
  publicClient: PublicClient,
  timestamp: bigint,
  advanceTime: boolean,
  pollingInterval: number,
): Promise<void> {
  const latest = await publicClient.getBlock({ blockTag: "latest" });
  if (latest.timestamp >= timestamp) return;
  if (advanceTime) {
    await advanceDevChainTime(publicClient, timestamp - latest.timestamp);
    return;
  }
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, pollingInterval));
    const block = await publicClient.getBlock({ blockTag: "latest" });
    if (block.timestamp >= timestamp) return;
  }
}

/**
 * Runs a governance action through the timelock: schedules the batch, waits until it is ready (or, with
 * `advanceTime` on a dev chain, moves the clock), then executes it. Throws a RampartDeployError naming the failed step
 * and the decoded custom error, if any.
 */
export async function runGovernanceAction(params: GovernanceActionParams): Promise<GovernanceActionResult> {
  const operation: GovernanceOperation = {
    calls: params.calls,
    predecessor: params.predecessor ?? zeroHash,
    salt: params.salt ?? toHex(crypto.getRandomValues(new Uint8Array(32))),
  };
  const scheduled = await scheduleGovernanceAction(params, operation);
  await reachTimestamp(
    params.publicClient,
    scheduled.readyAt,
    params.advanceTime ?? false,
    params.pollingInterval ?? 1000,
  );
  const executeReceipt = await executeGovernanceAction(params, operation);
  return {
    operationId: scheduled.operationId,
    readyAt: scheduled.readyAt,
    scheduleReceipt: scheduled.receipt,
    executeReceipt,
  };
}
