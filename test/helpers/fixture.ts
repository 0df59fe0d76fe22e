// A fresh Rampart deployment on a fresh anvil for the SDK and CLI tests: the core and its timelock, two LST stand-ins
// (wstETH, rETH) and a WETH stand-in listed through governance, and a deployment file in a temp dir.
//
// Dev accounts: 0 deployer/governance proposer, 1 pauser, 2 unpauser; the tests use 3.. for their actors.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  type Address,
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  getAddress,
  http,
  parseUnits,
} from "viem";
import { foundry } from "viem/chains";
import { deployRampart, type RampartWalletClient, runGovernanceAction } from "../../src/deploy.ts";
import {
  localStandInLstAbi,
  localStandInLstBytecode,
  localStandInWethAbi,
  localStandInWethBytecode,
  mockErc20Abi,
  mockErc20Bytecode,
  rampartAbi,
} from "../../src/sdk/abis.ts";
import { createRampartClient, type RampartClient } from "../../src/sdk/client.ts";
import { type Deployment, writeDeployment } from "../../src/sdk/deployment.ts";
import { type Anvil, startAnvil } from "./anvil.ts";

export const DAY = 86_400;
export const WITHDRAWAL_DELAY = 7 * DAY;
export const ASSET_CAP = parseUnits("1000000", 18);
/** The fixture's RampartRewards activation delay (its minimum). Dev account 0 is the rewards updater. */
export const ROOT_ACTIVATION_DELAY = 3_600;

export interface Fixture {
  anvil: Anvil;
  rpcUrl: string;
  deployment: Deployment;
  deploymentFile: string;
  dir: string;
  /** anvil's dev accounts, by index. */
  accounts: Address[];
  /** A client signing as dev account `index` (or read-only without one). */
  client(index?: number): RampartClient;
  stop(): Promise<void>;
}

export async function startFixture(options: { accounts?: number } = {}): Promise<Fixture> {
  const anvil = await startAnvil({ accounts: options.accounts ?? 12 });
  const dir = mkdtempSync(path.join(tmpdir(), "rampart-test-"));
  try {
    const transport = http(anvil.rpcUrl);
    const publicClient = createPublicClient({ chain: foundry, transport, pollingInterval: 50 });
    const accounts = (await createWalletClient({ chain: foundry, transport }).getAddresses()).map((a) => getAddress(a));
    const deployer = accounts[0] as Address;
    const wallet: RampartWalletClient = createWalletClient({
      account: deployer,
      chain: foundry,
      transport,
      pollingInterval: 50,
    });
    const startBlock = Number(await publicClient.getBlockNumber());
    const core = await deployRampart({
      publicClient,
      walletClient: wallet,
      governanceDelay: DAY,
      withdrawalDelay: WITHDRAWAL_DELAY,
      pauser: accounts[1] as Address,
      unpauser: accounts[2] as Address,
      proposers: [deployer],
      rewardsUpdater: deployer,
      rootActivationDelay: ROOT_ACTIVATION_DELAY,
    });
    const deployed = async (hash: Promise<`0x${string}`>): Promise<Address> => {
      const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
      if (!receipt.contractAddress) throw new Error("fixture: token deployment has no address");
      return getAddress(receipt.contractAddress);
    };
    const lst = (name: string, symbol: string, rate: string, aprBps: bigint) =>
      deployed(
        wallet.deployContract({
          abi: localStandInLstAbi,
          bytecode: localStandInLstBytecode,
          args: [name, symbol, parseUnits(rate, 18), aprBps],
        }),
      );
    const wstETH = await lst("Wrapped staked ETH (local stand-in)", "wstETH", "1.2", 300n);
    const rETH = await lst("Rocket Pool ETH (local stand-in)", "rETH", "1.1", 280n);
    const weth = await deployed(
      wallet.deployContract({ abi: localStandInWethAbi, bytecode: localStandInWethBytecode }),
    );
    const rewardToken = await deployed(
      wallet.deployContract({ abi: mockErc20Abi, bytecode: mockErc20Bytecode, args: ["Reward token", "RWD", 18] }),
    );
    await runGovernanceAction({
      publicClient,
      walletClient: wallet,
      timelock: core.timelock,
      calls: [wstETH, rETH, weth].map((asset) => ({
        target: core.rampart,
        data: encodeFunctionData({ abi: rampartAbi, functionName: "listAsset", args: [asset, ASSET_CAP] }),
      })),
      advanceTime: true,
      description: "list the test assets",
    });
    const deployment: Deployment = {
      version: 1,
      chainId: await publicClient.getChainId(),
      startBlock,
      contracts: core,
      assets: [
        { symbol: "wstETH", address: wstETH, decimals: 18, kind: "LST", localStandIn: true },
        { symbol: "rETH", address: rETH, decimals: 18, kind: "LST", localStandIn: true },
        { symbol: "WETH", address: weth, decimals: 18, kind: "WETH", localStandIn: true },
      ],
      rewardTokens: [
        { symbol: "RWD", address: rewardToken, decimals: 18, localStandIn: true, ethPerToken: (10n ** 15n).toString() },
      ],
    };
    const deploymentFile = path.join(dir, "deployment.json");
    writeDeployment(deploymentFile, deployment);
    return {
      anvil,
      rpcUrl: anvil.rpcUrl,
      deployment,
      deploymentFile,
      dir,
      accounts,
      client: (index) =>
        createRampartClient({
          rpcUrl: anvil.rpcUrl,
          deployment,
          account: index === undefined ? undefined : accounts[index],
        }),
      stop: async () => {
        await anvil.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await anvil.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
