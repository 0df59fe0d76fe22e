// ETH values for the API: how many ETH one whole token is worth at a given time. Only what is known for sure is
// priced: WETH is 1:1, a local stand-in LST follows its contract's published linear rate (contracts/src/local), and a
// reward token's `ethPerToken` comes from the deployment file (an assumed price for local stand-ins). Anything else
// has no ETH value (null) rather than a guess; responses then say so.
import { localStandInLstAbi } from "../sdk/abis.ts";
import type { RampartClient } from "../sdk/client.ts";
import type { Deployment } from "../sdk/deployment.ts";

const WAD = 10n ** 18n;
const YEAR = 365n * 86_400n;

export type RateSource = "WETH 1:1" | "stand-in exchange rate" | "deployment ethPerToken" | "none";

export interface EthRates {
  /** ETH per whole token as a WAD at unix time `time`, or null when no price is known. `asset` lowercase. */
  rateAt(asset: string, time: number): bigint | null;
  /** Where the rate of `asset` comes from. */
  source(asset: string): RateSource;
}

/** `amount` base units of a token with `decimals` in wei, rounded down; null without a rate. */
export function toWei(amount: bigint, decimals: number, rate: bigint | null): bigint | null {
  if (rate === null) return null;
  return (amount * rate) / 10n ** BigInt(decimals);
}

interface LinearRate {
  initial: bigint;
  aprBps: bigint;
  start: bigint;
}

/** The stand-in's exchangeRate() at `time`: initial + initial·apr·(t − start) / (10⁴·year), as the contract computes. */
function linearRate(rate: LinearRate, time: bigint): bigint {
  if (time <= rate.start) return rate.initial;
  return rate.initial + (rate.initial * rate.aprBps * (time - rate.start)) / (10_000n * YEAR);
}

/**
 * Rates for a deployment. With a client, local stand-in LSTs' rate parameters are read once from their contracts;
 * without one (or for real LSTs) those assets have no ETH value.
 */
export async function loadEthRates(deployment: Deployment, client?: RampartClient): Promise<EthRates> {
  const fixed = new Map<string, { rate: bigint; source: RateSource }>();
  const linear = new Map<string, LinearRate>();
  for (const token of deployment.rewardTokens) {
    if (token.ethPerToken) {
      fixed.set(token.address.toLowerCase(), { rate: BigInt(token.ethPerToken), source: "deployment ethPerToken" });
    }
  }
  for (const asset of deployment.assets) {
    const key = asset.address.toLowerCase();
    if (asset.kind === "WETH") fixed.set(key, { rate: WAD, source: "WETH 1:1" });
    else if (asset.kind === "LST" && asset.localStandIn && client) {
      const read = (functionName: "aprBps" | "initialRate" | "startTime") =>
        client.publicClient.readContract({ address: asset.address, abi: localStandInLstAbi, functionName });
      try {
        const [aprBps, initial, start] = await Promise.all([read("aprBps"), read("initialRate"), read("startTime")]);
        linear.set(key, { aprBps: BigInt(aprBps), initial: BigInt(initial), start: BigInt(start) });
      } catch {
        // Not a stand-in after all (or not deployed on this chain): no ETH value.
      }
    }
  }
  return {
    rateAt(asset, time) {
      const f = fixed.get(asset);
      if (f) return f.rate;
      const l = linear.get(asset);
      return l ? linearRate(l, BigInt(Math.floor(time))) : null;
    },
    source(asset) {
      return fixed.get(asset)?.source ?? (linear.has(asset) ? "stand-in exchange rate" : "none");
    },
  };
}
