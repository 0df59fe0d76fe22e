// A deployment file tells the SDK where a Rampart instance lives: which chain, which contracts, which assets.
// `npm start` writes one for the local network (.rampart/deployment.json); any real chain gets one the same way.
import { readFileSync, writeFileSync } from "node:fs";
import { type Address, getAddress, isAddress } from "viem";
import { z } from "zod";
import { RampartError } from "./errors.ts";

const address = z
  .string()
  .refine((value) => isAddress(value, { strict: false }), { message: "not a 0x-prefixed 20-byte address" })
  .transform((value) => getAddress(value) as Address);

const assetSchema = z.object({
  symbol: z.string().min(1),
  address,
  decimals: z.number().int().min(0).max(36),
  /** What the asset is, for people: "LST" for liquid staking tokens, "WETH" for wrapped ether. */
  kind: z.enum(["LST", "WETH", "other"]),
  /** True for local test tokens and rate feeds that stand in for real ones; never true on a real chain. */
  localStandIn: z.boolean(),
});

export const deploymentSchema = z.object({
  version: z.literal(1),
  chainId: z.number().int().positive(),
  /** Block of the first deployment transaction: where event scans start. */
  startBlock: z.number().int().min(0),
  contracts: z.object({ rampart: address, directory: address, timelock: address, rewards: address }),
  assets: z.array(assetSchema),
  /**
   * Tokens services pay rewards in, for names and values. `ethPerToken` (WAD, ETH per whole token) is an assumed price
   * for valuing rewards; set only for local stand-ins, never read from a market.
   */
  rewardTokens: z
    .array(
      z.object({
        symbol: z.string().min(1),
        address,
        decimals: z.number().int().min(0).max(36),
        localStandIn: z.boolean(),
        ethPerToken: z.string().regex(/^\d+$/, { message: "a decimal integer (WAD)" }).optional(),
      }),
    )
    .default([]),
  /** Set when the local network seeded its demo scenario: the seed it used. */
  scenarioSeed: z.string().optional(),
});

export type Deployment = z.infer<typeof deploymentSchema>;
export type DeployedAsset = Deployment["assets"][number];
export type RewardToken = Deployment["rewardTokens"][number];

/** Validates a parsed deployment; every problem names its path. */
export function parseDeployment(value: unknown, source = "deployment"): Deployment {
  const result = deploymentSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new RampartError(`${source} is not a valid Rampart deployment (${problems.join("; ")})`, {
    hint: "regenerate it with `npm start` (local network) or fix the listed fields",
  });
}

/** Reads and validates a deployment file. */
export function readDeployment(file: string): Deployment {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new RampartError(`no deployment file at ${file}`, {
      hint: "start the local network with `npm start`, or pass --deployment <file>",
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RampartError(`${file} is not JSON (${(error as Error).message})`, {
      hint: "regenerate it with `npm start` or restore the file",
    });
  }
  return parseDeployment(json, file);
}

/** Writes a deployment file (pretty JSON, trailing newline). */
export function writeDeployment(file: string, deployment: Deployment): void {
  writeFileSync(file, `${JSON.stringify(deploymentSchema.parse(deployment), null, 2)}\n`);
}

/** Finds an asset by symbol (case-insensitive) or address. */
export function findAsset(deployment: Deployment, symbolOrAddress: string): DeployedAsset {
  const wanted = symbolOrAddress.toLowerCase();
  const asset = deployment.assets.find((a) => a.symbol.toLowerCase() === wanted || a.address.toLowerCase() === wanted);
  if (!asset) {
    throw new RampartError(`unknown asset "${symbolOrAddress}"`, {
      hint: `use one of: ${deployment.assets.map((a) => a.symbol).join(", ") || "(none listed)"}; run \`rampart assets\``,
    });
  }
  return asset;
}
