// Global options → a client: which node (--rpc), which deployment (--deployment), which account signs (--account or
// RAMPART_PRIVATE_KEY), and whether to print JSON.
import path from "node:path";
import type { Command } from "commander";
import { type Account, type Address, createWalletClient, getAddress, type Hex, http, isAddress } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { checkDeployment, createRampartClient, type RampartClient } from "../sdk/client.ts";
import { readDeployment } from "../sdk/deployment.ts";
import { RampartError, toRampartError } from "../sdk/errors.ts";

export const DEFAULT_RPC = "http://127.0.0.1:8545";

export interface GlobalOptions {
  rpc?: string;
  deployment?: string;
  account?: string;
  json?: boolean;
}

export interface Context {
  client: RampartClient;
  json: boolean;
  rpcUrl: string;
  deploymentFile: string;
  /** The signing account's address, when one was given. */
  account: Address | undefined;
}

/** Where the deployment file is: --deployment, RAMPART_DEPLOYMENT, $RAMPART_DATA_DIR/deployment.json, .rampart/. */
export function deploymentPath(options: GlobalOptions): string {
  if (options.deployment) return path.resolve(options.deployment);
  if (process.env.RAMPART_DEPLOYMENT) return path.resolve(process.env.RAMPART_DEPLOYMENT);
  if (process.env.RAMPART_DATA_DIR) return path.resolve(process.env.RAMPART_DATA_DIR, "deployment.json");
  return path.resolve(".rampart", "deployment.json");
}

export function rpcUrlOf(options: GlobalOptions): string {
  return options.rpc ?? process.env.RAMPART_RPC ?? DEFAULT_RPC;
}

/** The node's unlocked accounts (anvil's dev accounts). */
export async function devAccounts(rpcUrl: string): Promise<Address[]> {
  const client = createWalletClient({ transport: http(rpcUrl, { retryCount: 0 }) });
  try {
    const accounts = await client.getAddresses();
    return accounts.map((a) => getAddress(a));
  } catch (error) {
    throw toRampartError(error, "listing the node's accounts");
  }
}

async function resolveAccount(options: GlobalOptions, rpcUrl: string): Promise<Account | Address | undefined> {
  const given = options.account ?? process.env.RAMPART_ACCOUNT;
  if (given !== undefined) {
    const text = given.trim();
    if (/^\d+$/.test(text)) {
      const accounts = await devAccounts(rpcUrl);
      const account = accounts[Number(text)];
      if (!account) {
        throw new RampartError(`the node has no dev account #${text} (it has ${accounts.length})`, {
          hint: `use --account 0 to ${Math.max(0, accounts.length - 1)}, an unlocked address, or RAMPART_PRIVATE_KEY`,
        });
      }
      return account;
    }
    if (!isAddress(text, { strict: false })) {
      throw new RampartError(`"${given}" is not an account index or address`, {
        hint: "use --account <index> for the local dev accounts (see `rampart accounts`) or --account <0x address>",
      });
    }
    return getAddress(text);
  }
  const key = process.env.RAMPART_PRIVATE_KEY?.trim();
  if (key) {
    const hex = (key.startsWith("0x") ? key : `0x${key}`) as Hex;
    if (!/^0x[0-9a-fA-F]{64}$/.test(hex)) {
      throw new RampartError("RAMPART_PRIVATE_KEY is not a private key", {
        hint: "set it to 32 bytes of hex (64 hex characters, 0x optional)",
      });
    }
    return privateKeyToAccount(hex);
  }
  return undefined;
}

/** Builds the client for a command and checks that the node serves the deployment. */
export async function contextOf(command: Command): Promise<Context> {
  const options = command.optsWithGlobals() as GlobalOptions;
  const deploymentFile = deploymentPath(options);
  const deployment = readDeployment(deploymentFile);
  const rpcUrl = rpcUrlOf(options);
  const account = await resolveAccount(options, rpcUrl);
  const client = createRampartClient({ rpcUrl, deployment, account });
  await checkDeployment(client);
  return {
    client,
    json: Boolean(options.json),
    rpcUrl,
    deploymentFile,
    account: client.walletClient?.account.address,
  };
}

/** The account a read is about: the argument, else the signing account; an error saying so otherwise. */
export function subjectOf(context: Context, address: string | undefined, what: string): string {
  if (address) return address;
  if (context.account) return context.account;
  throw new RampartError(`whose ${what}? give an address or --account`, {
    hint: `e.g. rampart ${what} 0x… or rampart ${what} --account 8`,
  });
}
