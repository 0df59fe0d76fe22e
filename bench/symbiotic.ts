// Symbiotic core v1 gas, measured on the bytecode built by contracts/symbiotic (same as mainnet, metadata aside).
//
// Deployment mirrors @symbioticfi/core's script/deploy/base/DeployCoreBase.s.sol, restricted to what is used here:
// factories, registries, NetworkMiddlewareService, both OptInServices, the Vault implementation (version 1),
// NetworkRestakeDelegator (delegator type 0) and Slasher (instant, slasher type 0), and VaultConfigurator. The vault is
// created through VaultConfigurator.create with the defaults of script/DeployVault.s.sol (burner 0xdEaD with the
// burner hook on, 7-day epochs, no deposit whitelist or limit, no delegator hook), so the vault is an ERC-1967 proxy and
// the delegator and slasher are EIP-1167 clones, as on mainnet.
//
// Why NetworkRestakeDelegator: it is Symbiotic's default delegator (index 0 in DeployVault.s.sol) and the closest match
// to "an operator set with allocated stake": the curator gives a network (subnetwork) a stake limit and splits it
// between that network's operators by shares. FullRestakeDelegator is flagged "do not use without knowing what you are
// doing"; the Operator(Network)SpecificDelegators pin a single operator (and network).
import { readFileSync } from "node:fs";
import path from "node:path";
import { type Address, concat, encodeAbiParameters, type Hex, parseAbiParameters, parseEther, toHex } from "viem";
import { type Artifact, type Bench, type GasResults, loadArtifact } from "./lib/bench.ts";
import { ROOT, SYMBIOTIC_OUT_DIR } from "./lib/foundry.ts";

const BURNER: Address = "0x000000000000000000000000000000000000dEaD";
const EPOCH_DURATION = 7n * 24n * 3600n;
const SUBNETWORK_IDENTIFIER = 0n;

/** Operations this side records, in the order they run. */
export const SYMBIOTIC_OPERATIONS = [
  "symbiotic_set_network_limit",
  "symbiotic_set_operator_network_shares",
  "symbiotic_deposit",
  "symbiotic_deposit_repeat",
  "symbiotic_withdraw",
  "symbiotic_claim",
  "symbiotic_slash",
] as const;

const CONTRACTS = [
  "VaultFactory",
  "DelegatorFactory",
  "SlasherFactory",
  "NetworkRegistry",
  "OperatorRegistry",
  "NetworkMiddlewareService",
  "OptInService",
  "Vault",
  "NetworkRestakeDelegator",
  "Slasher",
  "VaultConfigurator",
  "Token",
] as const;
type ContractName = (typeof CONTRACTS)[number];

function loadSymbioticArtifacts(): Record<ContractName, Artifact> {
  const artifacts = {} as Record<ContractName, Artifact>;
  for (const name of CONTRACTS) artifacts[name] = loadArtifact(SYMBIOTIC_OUT_DIR, name);
  return artifacts;
}

// Solidity metadata trailer: a264 'ipfs' 5822 <34-byte multihash> 64 'solc' 43 <version> 0033.
const METADATA = /a264697066735822[0-9a-f]{68}64736f6c6343[0-9a-f]{6}0033/g;

/**
 * Checks that our build of each deployed contract is byte-identical, metadata hash aside, to the mainnet creation code
 * that @symbioticfi/core ships in test/integration/SymbioticCoreBytecode.sol; so the compiler settings are Symbiotic's.
 */
export function verifySymbioticBuild(): number {
  const reference = readFileSync(
    path.join(ROOT, "node_modules/@symbioticfi/core/test/integration/SymbioticCoreBytecode.sol"),
    "utf8",
  );
  const shipped = new Map<string, string>();
  for (const match of reference.matchAll(/function (\w+)\(\)[^{]*\{\s*return hex"([0-9a-f]+)"/g)) {
    if (match[1] && match[2]) shipped.set(match[1].toLowerCase(), match[2]);
  }
  const artifacts = loadSymbioticArtifacts();
  const mismatches: string[] = [];
  let checked = 0;
  for (const name of CONTRACTS) {
    if (name === "Token") continue; // the package's test token is not deployed on mainnet
    const expected = shipped.get(name.toLowerCase());
    if (!expected) throw new Error(`SymbioticCoreBytecode.sol has no bytecode for ${name}`);
    const ours = artifacts[name].bytecode.slice(2).toLowerCase();
    if (ours.replace(METADATA, "") !== expected.replace(METADATA, "")) {
      mismatches.push(`${name} (ours ${ours.length / 2} bytes, mainnet ${expected.length / 2} bytes)`);
    }
    checked++;
  }
  if (mismatches.length > 0) {
    throw new Error(
      `Symbiotic build differs from mainnet bytecode: ${mismatches.join(", ")}; check contracts/symbiotic/foundry.toml`,
    );
  }
  return checked;
}

export function subnetworkOf(network: Address, identifier: bigint): Hex {
  return concat([network, toHex(identifier, { size: 12 })]);
}

/**
 * Deploys Symbiotic on `bench`'s fresh chain, sets up one network, one operator and a vault with other stakers, and
 * measures the full-transaction gas of the operations in SYMBIOTIC_OPERATIONS.
 */
export async function measureSymbiotic(bench: Bench): Promise<GasResults> {
  const a = loadSymbioticArtifacts();
  const curator = bench.account(0); // deployer, factories' owner, vault owner and every vault/delegator role
  const network = bench.account(1);
  const middleware = bench.account(2);
  const operator = bench.account(3);
  const alice = bench.account(4); // existing depositor
  const bob = bench.account(5); // existing depositor
  const carol = bench.account(6); // the staker whose operations are measured

  // --- core, as DeployCoreBase.s.sol ---
  bench.log("deploying Symbiotic core (factories, registries, services, implementations)...");
  const vaultFactory = await bench.deploy(a.VaultFactory, [curator], curator);
  const delegatorFactory = await bench.deploy(a.DelegatorFactory, [curator], curator);
  const slasherFactory = await bench.deploy(a.SlasherFactory, [curator], curator);
  const networkRegistry = await bench.deploy(a.NetworkRegistry, [], curator);
  const operatorRegistry = await bench.deploy(a.OperatorRegistry, [], curator);
  const middlewareService = await bench.deploy(a.NetworkMiddlewareService, [networkRegistry], curator);
  const vaultOptIn = await bench.deploy(
    a.OptInService,
    [operatorRegistry, vaultFactory, "OperatorVaultOptInService"],
    curator,
  );
  const networkOptIn = await bench.deploy(
    a.OptInService,
    [operatorRegistry, networkRegistry, "OperatorNetworkOptInService"],
    curator,
  );
  const vaultImpl = await bench.deploy(a.Vault, [delegatorFactory, slasherFactory, vaultFactory], curator);
  await bench.send({
    from: curator,
    to: vaultFactory,
    abi: a.VaultFactory.abi,
    functionName: "whitelist",
    args: [vaultImpl],
  });
  const delegatorImpl = await bench.deploy(
    a.NetworkRestakeDelegator,
    [networkRegistry, vaultFactory, vaultOptIn, networkOptIn, delegatorFactory, 0n],
    curator,
  );
  await bench.send({
    from: curator,
    to: delegatorFactory,
    abi: a.DelegatorFactory.abi,
    functionName: "whitelist",
    args: [delegatorImpl],
  });
  const slasherImpl = await bench.deploy(a.Slasher, [vaultFactory, middlewareService, slasherFactory, 0n], curator);
  await bench.send({
    from: curator,
    to: slasherFactory,
    abi: a.SlasherFactory.abi,
    functionName: "whitelist",
    args: [slasherImpl],
  });
  const configurator = await bench.deploy(
    a.VaultConfigurator,
    [vaultFactory, delegatorFactory, slasherFactory],
    curator,
  );

  // --- collateral: the package's test/mocks/Token.sol (OpenZeppelin 5.0.2 ERC20, 1M tokens minted to the deployer) ---
  const token = await bench.deploy(a.Token, ["Collateral"], curator);
  const erc20 = a.Token.abi;
  for (const staker of [alice, bob, carol]) {
    await bench.send({
      from: curator,
      to: token,
      abi: erc20,
      functionName: "transfer",
      args: [staker, parseEther("10000")],
    });
  }

  // --- vault, as DeployVault.s.sol with NetworkRestakeDelegator + instant Slasher ---
  bench.log("creating vault (VaultConfigurator.create: Vault v1, NetworkRestakeDelegator, Slasher)...");
  const vaultParams = encodeAbiParameters(
    parseAbiParameters(
      "(address collateral, address burner, uint48 epochDuration, bool depositWhitelist, bool isDepositLimit, uint256 depositLimit, address defaultAdminRoleHolder, address depositWhitelistSetRoleHolder, address depositorWhitelistRoleHolder, address isDepositLimitSetRoleHolder, address depositLimitSetRoleHolder)",
    ),
    [
      {
        collateral: token,
        burner: BURNER,
        epochDuration: Number(EPOCH_DURATION),
        depositWhitelist: false,
        isDepositLimit: false,
        depositLimit: 0n,
        defaultAdminRoleHolder: curator,
        depositWhitelistSetRoleHolder: curator,
        depositorWhitelistRoleHolder: curator,
        isDepositLimitSetRoleHolder: curator,
        depositLimitSetRoleHolder: curator,
      },
    ],
  );
  const delegatorParams = encodeAbiParameters(
    parseAbiParameters(
      "((address defaultAdminRoleHolder, address hook, address hookSetRoleHolder) baseParams, address[] networkLimitSetRoleHolders, address[] operatorNetworkSharesSetRoleHolders)",
    ),
    [
      {
        baseParams: {
          defaultAdminRoleHolder: curator,
          hook: "0x0000000000000000000000000000000000000000",
          hookSetRoleHolder: curator,
        },
        networkLimitSetRoleHolders: [curator],
        operatorNetworkSharesSetRoleHolders: [curator],
      },
    ],
  );
  // DeployVault.s.sol: isBurnerHook = BURNER != address(0).
  const slasherParams = encodeAbiParameters(parseAbiParameters("((bool isBurnerHook) baseParams)"), [
    { baseParams: { isBurnerHook: true } },
  ]);
  await bench.send({
    from: curator,
    to: configurator,
    abi: a.VaultConfigurator.abi,
    functionName: "create",
    args: [
      {
        version: 1n,
        owner: curator,
        vaultParams,
        delegatorIndex: 0n,
        delegatorParams,
        withSlasher: true,
        slasherIndex: 0n,
        slasherParams,
      },
    ],
  });
  const vaultStart = bench.now;
  const vault = await bench.read<Address>(vaultFactory, a.VaultFactory.abi, "entity", [0n]);
  const delegator = await bench.read<Address>(vault, a.Vault.abi, "delegator");
  const slasher = await bench.read<Address>(vault, a.Vault.abi, "slasher");
  const V = a.Vault.abi;
  const D = a.NetworkRestakeDelegator.abi;

  // --- network and operator onboarding ---
  bench.log("onboarding network, middleware and operator (registries, opt-ins, limits)...");
  const subnetwork = subnetworkOf(network, SUBNETWORK_IDENTIFIER);
  await bench.send({ from: network, to: networkRegistry, abi: a.NetworkRegistry.abi, functionName: "registerNetwork" });
  await bench.send({
    from: network,
    to: middlewareService,
    abi: a.NetworkMiddlewareService.abi,
    functionName: "setMiddleware",
    args: [middleware],
  });
  await bench.send({
    from: network,
    to: delegator,
    abi: D,
    functionName: "setMaxNetworkLimit",
    args: [SUBNETWORK_IDENTIFIER, parseEther("1000000")],
  });
  await bench.send({
    from: operator,
    to: operatorRegistry,
    abi: a.OperatorRegistry.abi,
    functionName: "registerOperator",
  });
  await bench.send({ from: operator, to: vaultOptIn, abi: a.OptInService.abi, functionName: "optIn", args: [vault] });
  await bench.send({
    from: operator,
    to: networkOptIn,
    abi: a.OptInService.abi,
    functionName: "optIn",
    args: [network],
  });
  // The curator's allocation: all of the vault (limit above its stake) to the subnetwork, all of that to the operator.
  await bench.measure("symbiotic_set_network_limit", {
    from: curator,
    to: delegator,
    abi: D,
    functionName: "setNetworkLimit",
    args: [subnetwork, parseEther("1000000")],
  });
  await bench.measure("symbiotic_set_operator_network_shares", {
    from: curator,
    to: delegator,
    abi: D,
    functionName: "setOperatorNetworkShares",
    args: [subnetwork, operator, parseEther("1")],
  });

  // --- deposits: two other stakers first, then carol's first and second deposit (exact-amount approvals) ---
  const deposit = async (staker: Address, amount: bigint, measureAs?: string): Promise<void> => {
    await bench.send({ from: staker, to: token, abi: erc20, functionName: "approve", args: [vault, amount] });
    const call = { from: staker, to: vault, abi: V, functionName: "deposit", args: [staker, amount] };
    if (measureAs) await bench.measure(measureAs, call);
    else await bench.send(call);
  };
  bench.log("seeding the vault with other depositors...");
  await deposit(alice, parseEther("1000"));
  await deposit(bob, parseEther("2000"));
  await deposit(carol, parseEther("100"), "symbiotic_deposit");
  await deposit(carol, parseEther("100"), "symbiotic_deposit_repeat");
  const carolBalance = await bench.read<bigint>(vault, V, "activeBalanceOf", [carol]);
  if (carolBalance !== parseEther("200")) throw new Error(`symbiotic: carol's active balance is ${carolBalance}`);

  // --- withdrawal queue: alice queues first in this epoch, then carol (measured) ---
  await bench.send({ from: alice, to: vault, abi: V, functionName: "withdraw", args: [alice, parseEther("100")] });
  await bench.measure("symbiotic_withdraw", {
    from: carol,
    to: vault,
    abi: V,
    functionName: "withdraw",
    args: [carol, parseEther("50")],
  });
  const withdrawEpoch = await bench.read<bigint>(vault, V, "currentEpoch");
  const claimEpoch = withdrawEpoch + 1n;
  const queued = await bench.read<bigint>(vault, V, "withdrawalsOf", [claimEpoch, carol]);
  if (queued !== parseEther("50")) throw new Error(`symbiotic: carol's queued withdrawal is ${queued}`);

  // --- claim: epoch `claimEpoch` is claimable once it has ended, i.e. from the start of epoch claimEpoch + 1 ---
  bench.advanceTime(vaultStart + (claimEpoch + 1n) * EPOCH_DURATION + 7200n - bench.now);
  const balanceBefore = await bench.read<bigint>(token, erc20, "balanceOf", [carol]);
  await bench.measure("symbiotic_claim", {
    from: carol,
    to: vault,
    abi: V,
    functionName: "claim",
    args: [carol, claimEpoch],
  });
  const claimed = (await bench.read<bigint>(token, erc20, "balanceOf", [carol])) - balanceBefore;
  if (claimed !== parseEther("50")) throw new Error(`symbiotic: carol claimed ${claimed}`);

  // --- slash: a pending withdrawal exists for next epoch (bob), as in a live vault; capture one hour ago ---
  await bench.send({ from: bob, to: vault, abi: V, functionName: "withdraw", args: [bob, parseEther("200")] });
  const captureTimestamp = bench.now - 3600n;
  const stake = await bench.read<bigint>(delegator, D, "stakeAt", [
    subnetwork,
    operator,
    Number(captureTimestamp),
    "0x",
  ]);
  if (stake === 0n) throw new Error("symbiotic: the operator has no stake to slash at the capture timestamp");
  const amount = stake / 10n;
  await bench.measure("symbiotic_slash", {
    from: middleware,
    to: slasher,
    abi: a.Slasher.abi,
    functionName: "slash",
    args: [subnetwork, operator, amount, Number(captureTimestamp), "0x"],
  });
  const slashed = await bench.read<bigint>(slasher, a.Slasher.abi, "cumulativeSlash", [subnetwork, operator]);
  if (slashed !== amount) throw new Error(`symbiotic: slashed ${slashed}, expected ${amount}`);

  return { ...bench.results };
}
