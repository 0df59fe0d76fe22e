// The collateral assets of a deployment, with their on-chain listing data and ETH rates.
import type { Address } from "viem";
import type { RampartClient } from "../client.ts";
import type { DeployedAsset } from "../deployment.ts";
import { ethRateOf, reading, toEth } from "./internal.ts";

export interface AssetSummary {
  symbol: string;
  address: Address;
  decimals: number;
  /** "LST", "WETH" or "other" (from the deployment file). */
  kind: DeployedAsset["kind"];
  /** A local test token standing in for a real one. */
  localStandIn: boolean;
  /** Whether new deposits are accepted. */
  listed: boolean;
  /** Deposit cap, base units. */
  cap: bigint;
  /** Assets held for all pools (queued withdrawals included, slashes excluded), base units. */
  totalDeposited: bigint;
  /** ETH per whole token (WAD) when known: the stand-in's exchangeRate() for LSTs, 1 for WETH. */
  ethRate: bigint | undefined;
  /** `totalDeposited` in ETH wei, when the rate is known. */
  totalDepositedEth: bigint | undefined;
}

/**
 * Lists the deployment's assets with their on-chain AssetConfig and ETH value.
 * @example
 * for (const asset of await listAssets(client)) console.log(asset.symbol, asset.totalDeposited);
 */
export async function listAssets(client: RampartClient): Promise<AssetSummary[]> {
  return reading("reading assets", () =>
    Promise.all(
      client.deployment.assets.map(async (asset) => {
        const [config, ethRate] = await Promise.all([
          client.publicClient.readContract({ ...client.rampart, functionName: "getAsset", args: [asset.address] }),
          ethRateOf(client, asset),
        ]);
        return {
          symbol: asset.symbol,
          address: asset.address,
          decimals: asset.decimals,
          kind: asset.kind,
          localStandIn: asset.localStandIn,
          listed: config.listed,
          cap: config.cap,
          totalDeposited: config.totalDeposited,
          ethRate,
          totalDepositedEth: toEth(config.totalDeposited, asset.decimals, ethRate),
        };
      }),
    ),
  );
}
