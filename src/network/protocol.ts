// Deploy-if-needed: reuse the deployment recorded in the data directory when its contracts are on this chain;
// otherwise deploy the core, the asset stand-ins, list them through the timelock, and seed the scenario.
import { existsSync, renameSync } from "node:fs";
import { type Address, encodeDeployData, encodeFunctionData, getAddress } from "viem";
import { deployRampart, runGovernanceAction } from "../deploy.ts";
import {
  localStandInLstAbi,
  localStandInLstBytecode,
  localStandInWethAbi,
  localStandInWethBytecode,
  mockErc20Abi,
  mockErc20Bytecode,
  rampartAbi,
} from "../sdk/abis.ts";
import { type Deployment, readDeployment, writeDeployment } from "../sdk/deployment.ts";
import { RampartError } from "../sdk/errors.ts";
import { ROLES } from "./accounts.ts";
import type { LocalChain } from "./chain.ts";
import { CHAIN_ID, GOVERNANCE_DELAY, ROOT_ACTIVATION_DELAY, WITHDRAWAL_DELAY } from "./options.ts";
import { ASSET_CAPS, type AssetSymbol, LSTS, planScenario, REWARD_TOKENS, type RewardTokenSymbol } from "./scenario.ts";
import { type SeedSummary, type SeedTargets, seedRegistrationsAndFunding, seedScenario } from "./seed.ts";

const TOKEN_DEPLOY_GAS = 4_000_000n;

export interface EnsureResult {
  deployment: Deployment;
  /** True when this start deployed the protocol. */
  deployed: boolean;
  /** Why a new deployment was needed (absent when the recorded one was reused). */
  reason?: string;
  /** Present when this start seeded the scenario. */
  seeded?: SeedSummary;
}

/** The recorded deployment if it is usable on this chain, or the reason it is not. */
export async function findDeployment(
  chain: LocalChain,
  file: string,
): Promise<{ deployment: Deployment } | { reason: string }> {
  if (!existsSync(file)) return { reason: "no deployment recorded yet" };
  let deployment: Deployment;
  try {
    deployment = readDeployment(file);
  } catch (error) {
    return { reason: error instanceof RampartError ? error.shortMessage : String(error) };
  }
  if (deployment.chainId !== CHAIN_ID) {
    return { reason: `${file} is for chain ${deployment.chainId}, not the local chain ${CHAIN_ID}` };
  }
  const addresses = [
    deployment.contracts.rampart,
    deployment.contracts.directory,
    deployment.contracts.timelock,
    deployment.contracts.rewards,
    ...deployment.assets.map((a) => a.address),
  ];
  const codes = await Promise.all(addresses.map((address) => chain.publicClient.getCode({ address })));
  if (codes.some((code) => !code || code === "0x")) {
    return { reason: "the recorded contracts are not on this chain (was the chain state removed?)" };
  }
  return { deployment };
}

/** Writes the deployment file atomically: a crash never leaves half a file behind. */
function saveDeployment(file: string, deployment: Deployment): void {
  const tmp = `${file}.tmp`;
  writeDeployment(tmp, deployment);
  renameSync(tmp, file);
}

export interface EnsureOptions {
  deploymentFile: string;
  seed: string;
  noSeed: boolean;
  /** Progress lines ("deploying...", "seeding..."). */
  log: (line: string) => void;
}

export async function ensureDeployment(chain: LocalChain, options: EnsureOptions): Promise<EnsureResult> {
  const found = await findDeployment(chain, options.deploymentFile);
  if ("deployment" in found) return { deployment: found.deployment, deployed: false };

  const { publicClient } = chain;
  const governance = chain.wallet(ROLES.governance);
  const startBlock = Number(await publicClient.getBlockNumber()) + 1;

  options.log("deploying the protocol (timelock, core, directory) and the asset stand-ins...");
  const core = await deployRampart({
    publicClient,
    walletClient: governance,
    governanceDelay: GOVERNANCE_DELAY,
    withdrawalDelay: WITHDRAWAL_DELAY,
    pauser: chain.address(ROLES.pauser),
    unpauser: chain.address(ROLES.unpauser),
    proposers: [chain.address(ROLES.governance)],
    rewardsUpdater: chain.address(ROLES.rewardsUpdater),
    rootActivationDelay: ROOT_ACTIVATION_DELAY,
  });

  const from = chain.address(ROLES.governance);
  const tokenReceipts = await chain.sender.send("deploying the asset stand-ins", [
    ...LSTS.map((lst) => ({
      from,
      data: encodeDeployData({
        abi: localStandInLstAbi,
        bytecode: localStandInLstBytecode,
        args: [lst.name, lst.symbol, lst.initialRateWad, BigInt(lst.aprBps)],
      }),
      gas: TOKEN_DEPLOY_GAS,
      label: `deploy ${lst.symbol}`,
    })),
    {
      from,
      data: encodeDeployData({ abi: localStandInWethAbi, bytecode: localStandInWethBytecode }),
      gas: TOKEN_DEPLOY_GAS,
      label: "deploy WETH",
    },
    ...REWARD_TOKENS.map((token) => ({
      from,
      data: encodeDeployData({ abi: mockErc20Abi, bytecode: mockErc20Bytecode, args: [token.name, token.symbol, 18] }),
      gas: TOKEN_DEPLOY_GAS,
      label: `deploy ${token.symbol}`,
    })),
  ]);
  const symbols: AssetSymbol[] = [...LSTS.map((lst) => lst.symbol), "WETH"];
  const tokens = Object.fromEntries(
    symbols.map((symbol, i) => {
      const address = tokenReceipts[i]?.contractAddress;
      if (!address) throw new Error(`deploying ${symbol}: no contract address in the receipt`);
      return [symbol, getAddress(address)];
    }),
  ) as Record<AssetSymbol, Address>;
  const rewardTokens = Object.fromEntries(
    REWARD_TOKENS.map((token, i) => {
      const address = tokenReceipts[symbols.length + i]?.contractAddress;
      if (!address) throw new Error(`deploying ${token.symbol}: no contract address in the receipt`);
      return [token.symbol, getAddress(address)];
    }),
  ) as Record<RewardTokenSymbol, Address>;
  const targets: SeedTargets = {
    rampart: core.rampart,
    directory: core.directory,
    tokens,
    rewards: core.rewards,
    rewardTokens,
  };

  // Listing goes through the timelock (schedule, move the clock past the delay, execute); the scenario's
  // registrations and token funding do not need it and run meanwhile.
  const plan = options.noSeed ? undefined : planScenario(options.seed);
  if (plan) options.log(`seeding the demo scenario (seed "${options.seed}")...`);
  const listing = runGovernanceAction({
    publicClient,
    walletClient: governance,
    timelock: core.timelock,
    calls: symbols.map((symbol) => ({
      target: core.rampart,
      data: encodeFunctionData({
        abi: rampartAbi,
        functionName: "listAsset",
        args: [tokens[symbol], ASSET_CAPS[symbol]],
      }),
    })),
    salt: `0x${"00".repeat(31)}01`,
    advanceTime: true,
    description: "list the local asset stand-ins",
  });
  const [, phase1] = await Promise.all([listing, plan ? seedRegistrationsAndFunding(chain, plan, targets) : 0]);
  const seeded = plan ? await seedScenario(chain, plan, targets, phase1) : undefined;

  const deployment: Deployment = {
    version: 1,
    chainId: CHAIN_ID,
    startBlock,
    contracts: { rampart: core.rampart, directory: core.directory, timelock: core.timelock, rewards: core.rewards },
    assets: symbols.map((symbol) => ({
      symbol,
      address: tokens[symbol],
      decimals: 18,
      kind: symbol === "WETH" ? "WETH" : "LST",
      localStandIn: true,
    })),
    rewardTokens: REWARD_TOKENS.map((token) => ({
      symbol: token.symbol,
      address: rewardTokens[token.symbol],
      decimals: 18,
      localStandIn: true,
      ethPerToken: token.ethPerToken.toString(),
    })),
    ...(plan ? { scenarioSeed: options.seed } : {}),
  };
  saveDeployment(options.deploymentFile, deployment);
  return { deployment, deployed: true, reason: found.reason, seeded };
}
