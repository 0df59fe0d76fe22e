// The SDK's entry point: one object that knows the chain, the deployment and (optionally) the account that signs.
import {
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  defineChain,
  type Hash,
  http,
  type PublicClient,
  type TransactionReceipt,
  type Transport,
  type WalletClient,
} from "viem";
import { directoryAbi, rampartAbi, rewardsAbi } from "./abis.ts";
import type { Deployment } from "./deployment.ts";
import { RampartError, toRampartError } from "./errors.ts";

export interface RampartClient {
  readonly deployment: Deployment;
  readonly chain: Chain;
  readonly publicClient: PublicClient<Transport, Chain>;
  /** Present when an account was given: the client can send transactions. */
  readonly walletClient: WalletClient<Transport, Chain, Account> | undefined;
  readonly rampart: { readonly address: Address; readonly abi: typeof rampartAbi };
  readonly directory: { readonly address: Address; readonly abi: typeof directoryAbi };
  readonly rewards: { readonly address: Address; readonly abi: typeof rewardsAbi };
}

export interface CreateRampartClientParams {
  rpcUrl: string;
  deployment: Deployment;
  /** A viem account (local private key) or the address of an account the node unlocks (anvil's dev accounts). */
  account?: Account | Address;
}

/**
 * Creates a client for a Rampart deployment on any EVM JSON-RPC endpoint.
 * @example
 * const client = createRampartClient({ rpcUrl: "http://127.0.0.1:8545", deployment: readDeployment(".rampart/deployment.json") });
 */
export function createRampartClient(params: CreateRampartClientParams): RampartClient {
  const { deployment, rpcUrl } = params;
  const chain = defineChain({
    id: deployment.chainId,
    name: deployment.chainId === 31337 ? "Rampart local network" : `chain ${deployment.chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const transport = http(rpcUrl, { retryCount: 0 });
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 50 });
  const walletClient = params.account
    ? createWalletClient({ chain, transport, account: params.account as Account })
    : undefined;
  return {
    deployment,
    chain,
    publicClient,
    walletClient,
    rampart: { address: deployment.contracts.rampart, abi: rampartAbi },
    directory: { address: deployment.contracts.directory, abi: directoryAbi },
    rewards: { address: deployment.contracts.rewards, abi: rewardsAbi },
  };
}

/** The wallet of a client, or a clear error saying an account is needed. */
export function requireWallet(client: RampartClient): WalletClient<Transport, Chain, Account> {
  if (!client.walletClient) {
    throw new RampartError("this action sends a transaction but no account was given", {
      hint: "pass --account <index|address> (local dev accounts) or set RAMPART_PRIVATE_KEY",
    });
  }
  return client.walletClient;
}

/** Checks that the RPC endpoint serves the deployment's chain and that the core is deployed there. */
export async function checkDeployment(client: RampartClient): Promise<void> {
  let chainId: number;
  try {
    chainId = await client.publicClient.getChainId();
  } catch (error) {
    throw toRampartError(error);
  }
  if (chainId !== client.deployment.chainId) {
    throw new RampartError(
      `the RPC serves chain ${chainId}, but the deployment is for chain ${client.deployment.chainId}`,
      {
        hint: "point --rpc at the right node or pass the matching --deployment file",
      },
    );
  }
  const code = await client.publicClient.getCode({ address: client.rampart.address });
  if (!code || code === "0x") {
    throw new RampartError(`no Rampart contract at ${client.rampart.address} on this chain`, {
      hint: "the chain was reset; restart the local network with `npm start` (or use a fresh --data-dir)",
    });
  }
}

/** A contract write: simulated first (so a revert is decoded before anything is signed), then sent and confirmed. */
export interface WriteRequest {
  address: Address;
  // biome-ignore lint/suspicious/noExplicitAny: the ABI/function pairing is checked by each typed action.
  abi: any;
  functionName: string;
  args: readonly unknown[];
  value?: bigint;
}

export interface WriteResult<T> {
  hash: Hash;
  receipt: TransactionReceipt;
  /** What the function returned in the simulation. */
  result: T;
}

/** Simulates, sends and waits for a contract write; any failure becomes a RampartError with a hint. */
export async function write<T = unknown>(
  client: RampartClient,
  request: WriteRequest,
  context: string,
): Promise<WriteResult<T>> {
  const wallet = requireWallet(client);
  try {
    const simulation = await client.publicClient.simulateContract({ ...request, account: wallet.account });
    const hash = await wallet.writeContract(simulation.request);
    const receipt = await client.publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new RampartError(`${context}: transaction ${hash} reverted`);
    return { hash, receipt, result: simulation.result as T };
  } catch (error) {
    throw toRampartError(error, context);
  }
}
