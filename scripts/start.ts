// `npm start`: builds the contracts and says what exists so far.
// The full local network (anvil, deployment, toolkit) arrives with a later milestone.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const contractsDir = path.join(root, "contracts");
const outDir = path.join(contractsDir, "out");
/** EIP-170 limit on deployed bytecode size. */
const MAX_RUNTIME_BYTES = 24_576;

interface BuiltContract {
  name: string;
  source: string;
  /** Deployed bytecode size in bytes; 0 for interfaces and abstract contracts. */
  runtimeBytes: number;
}

interface Artifact {
  deployedBytecode?: { object?: string };
  metadata?: { settings?: { compilationTarget?: Record<string, string> } };
}

function buildContracts(): Promise<void> {
  const wrapper = path.join(root, "scripts", "foundry.mjs");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wrapper, "forge", "build"], { cwd: contractsDir, stdio: "inherit" });
    child.on("error", (error) => reject(new Error(`could not start forge: ${error.message}`)));
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`forge build failed (${signal ?? `exit code ${code}`}); see the compiler output above`));
    });
  });
}

/** Contracts compiled from contracts/src whose source still exists (forge leaves stale artifacts behind). */
function listBuiltContracts(): BuiltContract[] {
  if (!existsSync(outDir)) return [];
  const contracts: BuiltContract[] = [];
  for (const dir of readdirSync(outDir, { withFileTypes: true })) {
    if (!dir.isDirectory() || !dir.name.endsWith(".sol")) continue;
    for (const file of readdirSync(path.join(outDir, dir.name))) {
      if (!file.endsWith(".json")) continue;
      let artifact: Artifact;
      try {
        artifact = JSON.parse(readFileSync(path.join(outDir, dir.name, file), "utf8")) as Artifact;
      } catch {
        continue;
      }
      const target = artifact.metadata?.settings?.compilationTarget ?? {};
      for (const [source, name] of Object.entries(target)) {
        if (!source.startsWith("src/") || !existsSync(path.join(contractsDir, source))) continue;
        const hex = artifact.deployedBytecode?.object ?? "0x";
        contracts.push({ name, source: `contracts/${source}`, runtimeBytes: Math.max(0, (hex.length - 2) / 2) });
      }
    }
  }
  return contracts.sort((a, b) => a.source.localeCompare(b.source) || a.name.localeCompare(b.name));
}

/** README.md plus every Markdown file in docs/, as repository-relative paths. */
function listDocs(): string[] {
  const docsDir = path.join(root, "docs");
  const docs = existsSync(docsDir)
    ? readdirSync(docsDir, { recursive: true, encoding: "utf8" })
        .filter((file) => file.endsWith(".md"))
        .map((file) => `docs/${file.split(path.sep).join("/")}`)
        .sort()
    : [];
  return ["README.md", ...docs];
}

function printSummary(contracts: BuiltContract[]): void {
  const lines = ["", "Rampart"];
  if (contracts.length === 0) {
    lines.push("  Contracts: none in contracts/src yet.");
  } else {
    lines.push(`  Contracts built from contracts/src (${contracts.length}):`);
    const nameWidth = Math.max(...contracts.map((c) => c.name.length));
    const sourceWidth = Math.max(...contracts.map((c) => c.source.length));
    for (const c of contracts) {
      const size =
        c.runtimeBytes === 0
          ? "no bytecode (interface or abstract)"
          : `${c.runtimeBytes.toLocaleString("en-US")} bytes deployed${c.runtimeBytes > MAX_RUNTIME_BYTES ? " - OVER the 24,576-byte limit" : ""}`;
      lines.push(`    ${c.name.padEnd(nameWidth)}  ${c.source.padEnd(sourceWidth)}  ${size}`);
    }
  }
  lines.push(
    "  Artifacts: contracts/out/",
    `  Docs:      ${listDocs().join(", ")}`,
    "  Tests:     npm test (lint, typecheck, build, contract tests, TypeScript tests)",
    "  Not yet:   the local network (anvil with deployed contracts) arrives with a later milestone.",
    "",
  );
  console.log(lines.join("\n"));
}

try {
  await buildContracts();
  printSummary(listBuiltContracts());
} catch (error) {
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
