// `npm run gen:abis`: writes src/sdk/abis.ts (typed ABIs and creation bytecode) from the Foundry build in
// contracts/out, so that the TypeScript side never hand-copies an ABI.
//
//   npm run build:contracts && npm run gen:abis   regenerate src/sdk/abis.ts
//   npm run gen:abis -- --check                   exit 1 if src/sdk/abis.ts is not what contracts/out would give
//
// Each ABI is written as a JSON literal with `as const`, so viem infers exact function, event and error types. The
// output is deterministic: entries keep forge's order, keys inside an entry are put in a fixed order, and the text is
// formatted by the repository's Biome (same version, same config) so `npm run lint` accepts it unchanged.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Foundry's output folder; FOUNDRY_OUT (relative to contracts/) overrides it, as it does for forge. */
export const OUT_DIR = path.join(ROOT, "contracts", process.env.FOUNDRY_OUT ?? "out");
export const ABIS_FILE = path.join(ROOT, "src", "sdk", "abis.ts");
const ABIS_FILE_RELATIVE = "src/sdk/abis.ts";

export interface ContractSpec {
  /** Prefix of the exports: `<name>Abi` and, with `bytecode`, `<name>Bytecode`. */
  name: string;
  /** Solidity file name (forge's out/<file>/ folder) and contract name inside it. */
  file: string;
  contract: string;
  /** Source, for the doc comment. */
  source: string;
  /** Whether the creation bytecode is exported too (contracts the toolkit deploys). */
  bytecode: boolean;
  /** Doc comment lines. */
  doc: readonly string[];
}

/** What src/sdk/abis.ts exports, in order. */
export const CONTRACTS: readonly ContractSpec[] = [
  {
    name: "rampart",
    file: "Rampart.sol",
    contract: "Rampart",
    source: "contracts/src/Rampart.sol",
    bytecode: true,
    doc: ["The restaking core (constructor: owner, pauser, unpauser, withdrawalDelay). It deploys its Directory."],
  },
  {
    name: "directory",
    file: "Directory.sol",
    contract: "Directory",
    source: "contracts/src/Directory.sol",
    bytecode: false,
    doc: ["Registry of operators and services, deployed by the core: read its address with `directory()`."],
  },
  {
    name: "timelock",
    file: "RampartTimelock.sol",
    contract: "RampartTimelock",
    source: "contracts/src/governance/RampartTimelock.sol",
    bytecode: true,
    doc: ["Governance timelock that owns the core (OpenZeppelin TimelockController)."],
  },
  {
    name: "rewards",
    file: "RampartRewards.sol",
    contract: "RampartRewards",
    source: "contracts/src/RampartRewards.sol",
    bytecode: true,
    doc: ["Reward programs and their Merkle distribution (constructor: core, owner, rewardsUpdater, activationDelay)."],
  },
  {
    name: "operatorSetRegistrar",
    file: "IOperatorSetRegistrar.sol",
    contract: "IOperatorSetRegistrar",
    source: "contracts/src/interfaces/IOperatorSetRegistrar.sol",
    bytecode: false,
    doc: ["Interface of the eligibility hook a service may attach to an operator set."],
  },
  {
    name: "localStandInLst",
    file: "LocalStandInLST.sol",
    contract: "LocalStandInLST",
    source: "contracts/src/local/LocalStandInLST.sol",
    bytecode: true,
    doc: [
      "LOCAL NETWORK ONLY: a stand-in liquid staking token whose exchangeRate() grows like staking yield",
      "(constructor: name, symbol, initialRate WAD, aprBps). Anyone can mint. Never deploy it on a real chain.",
    ],
  },
  {
    name: "localStandInWeth",
    file: "LocalStandInWETH.sol",
    contract: "LocalStandInWETH",
    source: "contracts/src/local/LocalStandInWETH.sol",
    bytecode: true,
    doc: ["LOCAL NETWORK ONLY: a stand-in WETH (deposit ETH 1:1, withdraw). Never deploy it on a real chain."],
  },
  {
    name: "mockErc20",
    file: "MockERC20.sol",
    contract: "MockERC20",
    source: "contracts/test/mocks/MockERC20.sol",
    bytecode: true,
    doc: [
      "TEST DOUBLE, local chains only: a plain ERC-20 that anyone can mint (constructor: name, symbol, decimals).",
      "Stands in for collateral such as wstETH in tests and local networks; never deploy it anywhere that matters.",
    ],
  },
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keys of ABI entries and parameters, in the order written; any other key follows, alphabetically. */
const KEY_ORDER = [
  "type",
  "name",
  "indexed",
  "internalType",
  "components",
  "inputs",
  "outputs",
  "stateMutability",
  "anonymous",
];

function keyRank(key: string): number {
  const index = KEY_ORDER.indexOf(key);
  return index === -1 ? KEY_ORDER.length : index;
}

/** A copy of `value` with every object's keys in the fixed order (arrays keep their order). */
export function canonicalize(value: Json): Json {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value).sort((a, b) => keyRank(a) - keyRank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const result: { [key: string]: Json } = {};
  for (const key of keys) result[key] = canonicalize(value[key] as Json);
  return result;
}

export interface LoadedContract {
  spec: ContractSpec;
  abi: Json[];
  /** Creation bytecode, for specs with `bytecode`. */
  bytecode?: `0x${string}`;
}

export class GenAbisError extends Error {
  override name = "GenAbisError";
}

function relative(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join("/");
}

/** Reads the artifacts of every contract in CONTRACTS from `outDir`; throws a GenAbisError saying what to do. */
export function loadContracts(outDir = OUT_DIR): LoadedContract[] {
  return CONTRACTS.map((spec) => {
    const file = path.join(outDir, spec.file, `${spec.contract}.json`);
    if (!existsSync(file)) {
      throw new GenAbisError(`${relative(file)} not found: build the contracts first (npm run build:contracts).`);
    }
    let artifact: { abi?: unknown; bytecode?: { object?: unknown } };
    try {
      artifact = JSON.parse(readFileSync(file, "utf8")) as typeof artifact;
    } catch (error) {
      throw new GenAbisError(
        `${relative(file)} is not valid JSON (${(error as Error).message}); rebuild the contracts.`,
      );
    }
    if (!Array.isArray(artifact.abi)) throw new GenAbisError(`${relative(file)} has no "abi" array.`);
    const loaded: LoadedContract = { spec, abi: (artifact.abi as Json[]).map(canonicalize) };
    if (spec.bytecode) {
      const object = artifact.bytecode?.object;
      if (typeof object !== "string" || !/^0x([0-9a-fA-F]{2})+$/.test(object)) {
        throw new GenAbisError(
          `${relative(file)} has no creation bytecode (an ABI-only or partial artifact). Rebuild with ` +
            "`npm run build:contracts`; if forge answers 'No files changed', delete that one artifact file and build " +
            "again so forge recompiles it.",
        );
      }
      loaded.bytecode = object.toLowerCase() as `0x${string}`;
    }
    return loaded;
  });
}

const HEADER = `// GENERATED FILE: DO NOT EDIT. Written by scripts/gen-abis.ts from the Foundry build in contracts/out.
// Regenerate: npm run build:contracts && npm run gen:abis
// Check it is current: npm run gen:abis -- --check
//
// ABIs are JSON literals with \`as const\`, so viem infers exact argument, return, event and error types.
`;

/** The TypeScript source of src/sdk/abis.ts before formatting. */
export function renderUnformatted(contracts: readonly LoadedContract[]): string {
  const parts = [HEADER];
  for (const { spec, abi, bytecode } of contracts) {
    const doc = [`${spec.contract} (${spec.source}).`, ...spec.doc].map((line) => ` * ${line}\n`).join("");
    parts.push(`\n/**\n${doc} */`);
    parts.push(`export const ${spec.name}Abi = ${JSON.stringify(abi)} as const;`);
    if (bytecode) {
      parts.push(`\n/** Creation bytecode of ${spec.contract}; the ABI-encoded constructor arguments go after it. */`);
      parts.push(`export const ${spec.name}Bytecode: \`0x\${string}\` = "${bytecode}";`);
    }
  }
  return `${parts.join("\n")}\n`;
}

/** Formats TypeScript with the repository's Biome, as if it were at src/sdk/abis.ts. */
export function formatWithBiome(source: string): string {
  const biome = path.join(path.dirname(createRequire(import.meta.url).resolve("@biomejs/biome/package.json")), "bin");
  const result = spawnSync(
    process.execPath,
    [path.join(biome, "biome"), "format", `--stdin-file-path=${ABIS_FILE_RELATIVE}`],
    { cwd: ROOT, input: source, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error) throw new GenAbisError(`could not run Biome: ${result.error.message}`);
  if (result.status !== 0 || !result.stdout) {
    throw new GenAbisError(`Biome could not format the generated file (exit ${result.status}):\n${result.stderr}`);
  }
  return result.stdout;
}

/** The exact text src/sdk/abis.ts should have for the artifacts in `outDir`. */
export function renderAbisFile(outDir = OUT_DIR): string {
  return formatWithBiome(renderUnformatted(loadContracts(outDir)));
}

/**
 * Names of the exports of a loaded src/sdk/abis.ts module whose value differs from contracts/out (missing exports
 * included). A semantic comparison, independent of formatting: for tests that import the module anyway.
 */
export function staleExports(module: Record<string, unknown>, outDir = OUT_DIR): string[] {
  const stale: string[] = [];
  for (const { spec, abi, bytecode } of loadContracts(outDir)) {
    const actualAbi = module[`${spec.name}Abi`];
    if (!Array.isArray(actualAbi) || JSON.stringify(actualAbi.map(canonicalize)) !== JSON.stringify(abi)) {
      stale.push(`${spec.name}Abi`);
    }
    if (bytecode && module[`${spec.name}Bytecode`] !== bytecode) stale.push(`${spec.name}Bytecode`);
  }
  return stale;
}

function main(args: readonly string[]): number {
  const unknown = args.filter((arg) => arg !== "--check");
  if (unknown.length > 0) {
    console.error(`gen:abis: unknown argument(s) ${unknown.join(" ")}; usage: gen-abis.ts [--check]`);
    return 2;
  }
  const check = args.includes("--check");
  let expected: string;
  try {
    expected = renderAbisFile();
  } catch (error) {
    if (!(error instanceof GenAbisError)) throw error;
    console.error(`gen:abis: ${error.message}`);
    return 1;
  }
  const current = existsSync(ABIS_FILE) ? readFileSync(ABIS_FILE, "utf8") : undefined;
  if (check) {
    if (current === expected) {
      console.log(`gen:abis: ${ABIS_FILE_RELATIVE} is up to date with contracts/out.`);
      return 0;
    }
    console.error(
      current === undefined
        ? `gen:abis: ${ABIS_FILE_RELATIVE} does not exist. Run \`npm run gen:abis\` and commit the result.`
        : `gen:abis: ${ABIS_FILE_RELATIVE} is stale: it does not match the ABIs and bytecode in contracts/out. ` +
            "Run `npm run build:contracts && npm run gen:abis` and commit the result (never edit it by hand).",
    );
    return 1;
  }
  if (current === expected) {
    console.log(`gen:abis: ${ABIS_FILE_RELATIVE} already up to date.`);
    return 0;
  }
  mkdirSync(path.dirname(ABIS_FILE), { recursive: true });
  writeFileSync(ABIS_FILE, expected);
  console.log(`gen:abis: wrote ${ABIS_FILE_RELATIVE} (${CONTRACTS.map((c) => c.contract).join(", ")}).`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
