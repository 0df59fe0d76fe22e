// Serves forge the two solc entry points it uses (`--version`, `--standard-json`) from an npm
// `solc` package, so no native compiler is ever downloaded. Usage: solc-shim.mjs <npm-package> [args]
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const [pkg, ...args] = process.argv.slice(2);
const solc = createRequire(import.meta.url)(pkg);

if (args.includes("--version")) {
  // forge parses "Version: X.Y.Z+commit..." exactly like the native binary prints it.
  process.stdout.write(
    `solc, the solidity compiler commandline interface\nVersion: ${solc.version().replace(".Emscripten.clang", ".Linux.g++")}\n`,
  );
  process.exit(0);
}
if (!args.includes("--standard-json")) {
  process.stderr.write(`solc-shim: only --version and --standard-json are supported (got: ${args.join(" ")})\n`);
  process.exit(2);
}

const basePathIndex = args.indexOf("--base-path");
const basePath = basePathIndex >= 0 ? args[basePathIndex + 1] : process.cwd();
const input = readFileSync(0, "utf8");
// forge inlines every source; the callback only covers a rare import it did not resolve itself.
const findImports = (importPath) => {
  try {
    return { contents: readFileSync(path.resolve(basePath, importPath), "utf8") };
  } catch {
    return { error: `File not found: ${importPath}` };
  }
};
process.stdout.write(solc.compile(input, { import: findImports }));
