// What an account holds outside the protocol: ETH and each deployment asset, with its allowance to the core.
import type { Address } from "viem";
import { mockErc20Abi } from "../abis.ts";
import type { RampartClient } from "../client.ts";
import { parseAddress, reading } from "./internal.ts";

export interface TokenBalance {
  symbol: string;
  address: Address;
  decimals: number;
  balance: bigint;
  /** What the Rampart core may pull from the account. */
  allowance: bigint;
}

export interface Balances {
  account: Address;
  /** Native ETH, wei. */
  eth: bigint;
  tokens: TokenBalance[];
}

/**
 * ETH and token balances of an account, with allowances to the Rampart core.
 * @example
 * const { eth, tokens } = await getBalances(client, alice);
 */
export async function getBalances(client: RampartClient, account: Address | string): Promise<Balances> {
  const owner = parseAddress(account, "account address");
  return reading("reading balances", async () => {
    const [eth, tokens] = await Promise.all([
      client.publicClient.getBalance({ address: owner }),
      Promise.all(
        client.deployment.assets.map(async (asset) => {
          const [balance, allowance] = await Promise.all([
            client.publicClient.readContract({
              address: asset.address,
              abi: mockErc20Abi,
              functionName: "balanceOf",
              args: [owner],
            }),
            client.publicClient.readContract({
              address: asset.address,
              abi: mockErc20Abi,
              functionName: "allowance",
              args: [owner, client.rampart.address],
            }),
          ]);
          return { symbol: asset.symbol, address: asset.address, decimals: asset.decimals, balance, allowance };
        }),
      ),
    ]);
    return { account: owner, eth, tokens };
  });
}
