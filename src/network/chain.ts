// Clients for the local chain: viem for reads and the deployment helpers, the batch sender for seeding.
import {
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  defineChain,
  getAddress,
  http,
  type PublicClient,
  type Transport,
  type WalletClient,
} from "viem";
import { DEV_ACCOUNT_COUNT } from "./accounts.ts";
import { CHAIN_ID } from "./options.ts";
import { JsonRpc } from "./rpc.ts";
import { TxSender } from "./transactions.ts";

export interface LocalChain {
  rpcUrl: string;
  rpc: JsonRpc;
  chain: Chain;
  publicClient: PublicClient<Transport, Chain>;
  sender: TxSender;
  /** anvil's dev accounts, by index. */
  accounts: readonly Address[];
  /** Address of dev account `index`. */
  address(index: number): Address;
  /** A wallet client that sends from dev account `index` (anvil signs: the account is unlocked). */
  wallet(index: number): WalletClient<Transport, Chain, Account>;
}

export async function connectLocalChain(rpcUrl: string): Promise<LocalChain> {
  const rpc = new JsonRpc(rpcUrl);
  const chain = defineChain({
    id: CHAIN_ID,
    name: "Rampart local network",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const transport = http(rpcUrl, { retryCount: 0 });
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 25 });
  const accounts = (await rpc.call<string[]>("eth_accounts")).map((a) => getAddress(a));
  if (accounts.length < DEV_ACCOUNT_COUNT) {
    throw new Error(`the node has ${accounts.length} dev accounts; the local network needs ${DEV_ACCOUNT_COUNT}`);
  }
  const address = (index: number): Address => {
    const account = accounts[index];
    if (!account) throw new Error(`no dev account #${index}`);
    return account;
  };
  const wallets = new Map<number, WalletClient<Transport, Chain, Account>>();
  const wallet = (index: number): WalletClient<Transport, Chain, Account> => {
    let client = wallets.get(index);
    if (!client) {
      client = createWalletClient({ chain, transport, account: address(index), pollingInterval: 25 });
      wallets.set(index, client);
    }
    return client;
  };
  return {
    rpcUrl,
    rpc,
    chain,
    publicClient,
    sender: new TxSender(rpc, publicClient as PublicClient),
    accounts,
    address,
    wallet,
  };
}
