// The "dev accounts" connector for the local network: anvil's public test mnemonic, accounts 0..N-1 derived in the
// browser (derive.ts), transactions signed locally and sent as raw transactions to the node. Only offered when the chain id is 31337 (see devAccountsOffered): these
// keys are public and must never hold real funds.

import {
  type Address,
  type Chain,
  createWalletClient,
  type EIP1193RequestFn,
  getAddress,
  type Hex,
  http,
  numberToHex,
} from "viem";
import type { PrivateKeyAccount } from "viem/accounts";
import { createConnector } from "wagmi";
import { deriveDevAccounts } from "./derive.ts";

const STORAGE_KEY = "rampart.devAccount";

/** The index the dev connector uses when connecting; persisted so a reload stays on the same account. */
export function storedDevIndex(): number | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    return raw === null || raw === undefined ? undefined : Number(raw);
  } catch {
    return undefined;
  }
}

function storeDevIndex(index: number | undefined): void {
  try {
    if (index === undefined) globalThis.localStorage?.removeItem(STORAGE_KEY);
    else globalThis.localStorage?.setItem(STORAGE_KEY, String(index));
  } catch {
    // storage may be unavailable (private mode): the account just is not remembered
  }
}

let selectedIndex = 0;
const listeners = new Set<(accounts: Address[]) => void>();

/** Chooses the dev account to use; when connected, the app switches to it at once. */
export function selectDevAccount(index: number): void {
  selectedIndex = index;
  if (storedDevIndex() !== undefined) storeDevIndex(index);
  const account = deriveDevAccounts(index + 1)[index];
  if (account) for (const listener of listeners) listener([account.address]);
}

export const DEV_CONNECTOR_ID = "rampartDevAccounts";

type TxParams = { from?: Hex; to?: Hex; data?: Hex; value?: Hex; gas?: Hex; nonce?: Hex };

export function devAccounts(options: { rpcUrl: string; count: number }) {
  let connected = false;
  return createConnector<{ request: EIP1193RequestFn }>((config) => {
    const chain = (): Chain => config.chains[0];
    const account = (): PrivateKeyAccount => {
      const accounts = deriveDevAccounts(options.count);
      const a = accounts[selectedIndex];
      if (!a) throw new Error(`no dev account ${selectedIndex}`);
      return a;
    };
    const rpc = async (method: string, params: unknown): Promise<unknown> => {
      const res = await fetch(options.rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params: params ?? [] }),
      });
      const body = (await res.json()) as {
        result?: unknown;
        error?: { code: number; message: string; data?: unknown };
      };
      if (body.error) throw Object.assign(new Error(body.error.message), body.error);
      return body.result;
    };
    const request = (async ({ method, params }: { method: string; params?: unknown }) => {
      switch (method) {
        case "eth_accounts":
          return connected ? [account().address] : [];
        case "eth_requestAccounts":
          return [account().address];
        case "eth_chainId":
          return numberToHex(chain().id);
        case "wallet_switchEthereumChain":
          return null;
        case "eth_sendTransaction": {
          const tx = (params as [TxParams])[0];
          const wallet = createWalletClient({ account: account(), chain: chain(), transport: http(options.rpcUrl) });
          return wallet.sendTransaction({
            to: tx.to,
            data: tx.data,
            value: tx.value ? BigInt(tx.value) : undefined,
            gas: tx.gas ? BigInt(tx.gas) : undefined,
          });
        }
        case "personal_sign": {
          const [message] = params as [Hex];
          return account().signMessage({ message: { raw: message } });
        }
        default:
          return rpc(method, params);
      }
    }) as EIP1193RequestFn;
    const onSelect = (accounts: Address[]) => {
      if (connected) config.emitter.emit("change", { accounts });
    };
    return {
      id: DEV_CONNECTOR_ID,
      name: "Dev accounts (local network)",
      type: "devAccounts",
      async setup() {
        const stored = storedDevIndex();
        if (stored !== undefined && Number.isInteger(stored)) selectedIndex = stored;
        listeners.add(onSelect);
      },
      async connect(parameters) {
        connected = true;
        storeDevIndex(selectedIndex);
        const accounts = [getAddress(account().address)];
        return {
          accounts: (parameters?.withCapabilities
            ? accounts.map((address) => ({ address, capabilities: {} }))
            : accounts) as never,
          chainId: chain().id,
        };
      },
      async disconnect() {
        connected = false;
        storeDevIndex(undefined);
      },
      async getAccounts() {
        return connected ? [getAddress(account().address)] : [];
      },
      async getChainId() {
        return chain().id;
      },
      async getProvider() {
        return { request };
      },
      async getClient() {
        return createWalletClient({ account: account(), chain: chain(), transport: http(options.rpcUrl) });
      },
      async isAuthorized() {
        const stored = storedDevIndex();
        if (stored === undefined) return false;
        selectedIndex = stored;
        connected = true;
        return true;
      },
      onAccountsChanged(accounts) {
        config.emitter.emit("change", { accounts: accounts.map((a) => getAddress(a)) });
      },
      onChainChanged(chainId) {
        config.emitter.emit("change", { chainId: Number(chainId) });
      },
      onDisconnect() {
        connected = false;
        config.emitter.emit("disconnect");
      },
    };
  });
}
