// What `npm start` prints once the network is up: where it runs, what is deployed, who is who, what to try.
import path from "node:path";
import { type Address, formatUnits } from "viem";
import type { Deployment } from "../sdk/deployment.ts";
import { describeRoles, ROLES } from "./accounts.ts";
import { DEFAULT_DATA_DIR, DEFAULT_PORT } from "./options.ts";
import { LSTS, SERVICES } from "./scenario.ts";
import type { SeedSummary } from "./seed.ts";

export interface AssetLine {
  symbol: string;
  address: Address;
  name: string;
  /** ETH per token now (LSTs), WAD. */
  rateWad?: bigint;
  aprBps?: number;
  cap: bigint;
  deposited: bigint;
}

export interface BannerInput {
  rpcUrl: string;
  chainId: number;
  port: number;
  dataDir: string;
  blockNumber: bigint;
  deployment: Deployment;
  assets: AssetLine[];
  /** What this start did: "resumed", "deployed and seeded", ... */
  status: string;
  scenario?: SeedSummary;
  exampleStaker: Address;
  exampleOperator: { address: Address; name: string };
  notes: string[];
  /** The indexer's HTTP API and the block it had indexed when ready; undefined with --no-indexer. */
  api?: { url: string; indexedBlock: bigint; web: boolean };
}

const group = (value: bigint, decimals = 18, fractionDigits = 0): string => {
  const [whole = "0", fraction = ""] = formatUnits(value, decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fractionDigits > 0 ? `${grouped}.${fraction.padEnd(fractionDigits, "0").slice(0, fractionDigits)}` : grouped;
};

/** Example CLI commands, with --rpc/--deployment only when they are not the CLI's defaults. */
export function exampleCommands(
  input: Pick<BannerInput, "port" | "dataDir" | "exampleStaker" | "exampleOperator"> & { seeded: boolean },
) {
  const globals: string[] = [];
  if (input.port !== DEFAULT_PORT) globals.push(`--rpc http://127.0.0.1:${input.port}`);
  if (path.resolve(input.dataDir) !== path.resolve(DEFAULT_DATA_DIR)) {
    const relative = path.relative(process.cwd(), path.join(input.dataDir, "deployment.json"));
    globals.push(`--deployment ${relative.startsWith("..") ? path.join(input.dataDir, "deployment.json") : relative}`);
  }
  const g = globals.length > 0 ? ` ${globals.join(" ")}` : "";
  if (!input.seeded) {
    return [
      { command: `npx rampart status${g}`, what: "the network at a glance" },
      { command: `npx rampart operator register --name "My operator" --account 18${g}`, what: "become an operator" },
      { command: `npx rampart mint wstETH 10 --account 20${g}`, what: "get test tokens to deposit" },
    ];
  }
  return [
    { command: `npx rampart status${g}`, what: "the network at a glance" },
    { command: `npx rampart positions ${input.exampleStaker}${g}`, what: `a seeded staker's positions and risk` },
    {
      command: `npx rampart deposit wstETH 1.5 --operator ${input.exampleOperator.address} --account 25${g}`,
      what: `deposit as staker #25 with ${input.exampleOperator.name}`,
    },
  ];
}

export function renderBanner(input: BannerInput): string {
  const { deployment } = input;
  const lines: string[] = [""];
  lines.push("Rampart local network");
  lines.push(`  RPC          ${input.rpcUrl}   chain id ${input.chainId}   block ${input.blockNumber}`);
  lines.push(
    input.api
      ? `  API          ${input.api.url}   (OpenAPI: /openapi.json)   indexed to block ${input.api.indexedBlock}, following the chain`
      : "  API          off (--no-indexer)",
    ...(input.api?.web
      ? [`  Web app      ${input.api.url}/   (dev accounts built in: pick #20, a staker, to start)`]
      : []),
  );
  lines.push(
    `  Data dir     ${input.dataDir}   (state.json, deployment.json, anvil.log${input.api ? ", indexer/" : ""})`,
  );
  lines.push(`  This start   ${input.status}`);
  for (const note of input.notes) lines.push(`  Note         ${note}`);
  lines.push("  Contracts");
  lines.push(`    Rampart    ${deployment.contracts.rampart}`);
  lines.push(`    Directory  ${deployment.contracts.directory}`);
  lines.push(`    Timelock   ${deployment.contracts.timelock}   (governance, 1-day delay)`);
  lines.push(`    Rewards    ${deployment.contracts.rewards}   (reward programs and Merkle claims)`);
  if (deployment.rewardTokens.length > 0) {
    lines.push(
      `  Reward tokens (local stand-ins; anyone may mint) ${deployment.rewardTokens.map((t) => `${t.symbol} ${t.address}`).join(", ")}`,
    );
  }
  lines.push("  Assets (local stand-ins; anyone may mint the LSTs, WETH wraps ETH)");
  const width = Math.max(...input.assets.map((a) => a.symbol.length));
  for (const asset of input.assets) {
    const rate =
      asset.rateWad !== undefined
        ? `${group(asset.rateWad, 18, 4)} ETH, +${((asset.aprBps ?? 0) / 100).toFixed(2)}%/yr`
        : "1 ETH";
    lines.push(
      `    ${asset.symbol.padEnd(width)}  ${asset.address}  ${rate.padEnd(24)} deposited ${group(asset.deposited)} / cap ${group(asset.cap)}`,
    );
  }
  const s = input.scenario;
  if (s) {
    const instant = SERVICES.filter((x) => x.policy.vetoWindow === 0).length;
    lines.push(
      `  Scenario     seed "${deployment.scenarioSeed ?? "?"}": ${s.operators} operators, ${s.services} services ` +
        `(${instant} instant-slashing sets, ${s.operatorSets - instant} with a veto window), ${s.allocations} allocations,`,
    );
    lines.push(
      `               ${s.stakers} stakers with ${s.positions} positions, ${s.withdrawalsQueued} queued withdrawals, ` +
        `slashes: ${s.slashes.executed} executed, ${s.slashes.vetoed} vetoed, ${s.slashes.pending} in a veto window, ` +
        `${s.rewardPrograms} reward programs (a root is posted each midnight crossed by \`rampart time advance\`)`,
    );
  } else if (deployment.scenarioSeed) {
    lines.push(`  Scenario     seed "${deployment.scenarioSeed}" (see docs/network.md)`);
  } else {
    lines.push("  Scenario     none (started with --no-seed)");
  }
  const [first = "", ...rest] = describeRoles();
  lines.push(`  Accounts     ${first}`);
  for (const line of rest) lines.push(`               ${line}`);
  lines.push(`               (anvil's dev accounts, 10,000 ETH each; --account <index> in the CLI)`);
  lines.push("");
  lines.push("Try the CLI in another terminal:");
  for (const example of exampleCommands({ ...input, seeded: deployment.scenarioSeed !== undefined }))
    lines.push(`  ${example.command}\n      ${example.what}`);
  if (input.api) lines.push(`Or the API:\n  curl -s ${input.api.url}/overview\n      TVL and counts, from the indexer`);
  lines.push("");
  lines.push(
    `Ctrl-C stops the network and keeps the chain${input.api ? " and its index" : ""} in ${input.dataDir}; \`npm start\` again resumes it. ` +
      `LST rates: ${LSTS.map((l) => `${l.symbol} ${(l.aprBps / 100).toFixed(1)}%`).join(", ")} a year.`,
  );
  return lines.join("\n");
}

/** The staker used in the examples: the first staker account. */
export const EXAMPLE_STAKER_INDEX: number = ROLES.stakers[0] ?? 20;
/** The operator used in the deposit example: the first operator (runs a wstETH pool). */
export const EXAMPLE_OPERATOR_INDEX = ROLES.operators[0];
