// `npm start` options: flags first, then environment variables, then defaults.
import path from "node:path";
import { parseArgs } from "node:util";

export const DEFAULT_PORT = 8545;
/** The HTTP API's port (the indexer's read-only JSON API beside the chain). */
export const DEFAULT_API_PORT = 8546;
/** How often the indexer polls the chain for new blocks once caught up: well under the one second it must follow in. */
export const INDEXER_POLL_MS = 250;
export const DEFAULT_DATA_DIR = ".rampart";
export const DEFAULT_SEED = "rampart";
export const HOST = "127.0.0.1";
export const CHAIN_ID = 31337;
/** The governance timelock's delay on the local network (the listing moves the dev chain's clock past it). */
export const GOVERNANCE_DELAY = 86_400;
/** Withdrawal delay of the local deployment (docs/protocol.md: "7 days local"). */
export const WITHDRAWAL_DELAY = 7 * 86_400;
/** RampartRewards' root activation delay on the local network: its minimum, one hour. */
export const ROOT_ACTIVATION_DELAY = 3_600;

export interface NetworkOptions {
  port: number;
  /** Absolute path of the data directory. */
  dataDir: string;
  /** Scenario seed; only used when the network seeds a fresh deployment. */
  seed: string;
  /** Deploy and list the assets, but create no operators, services or stakers. */
  noSeed: boolean;
  /** Run the indexer and its HTTP API beside the chain (false with --no-indexer). */
  indexer: boolean;
  /** The API's port on 127.0.0.1; 0 picks a free one (tests). */
  apiPort: number;
}

/** A mistake in the command line or the environment: reported as one line, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export const USAGE = `Usage: npm start -- [options]

Starts a local Rampart network: anvil on ${HOST} with its chain saved in a data directory, the protocol deployed
and a demo scenario seeded on first start, and the indexer with its HTTP API following the chain. Stop it with
Ctrl-C; starting again resumes the same chain and the same index.

Options:
  --port <n>          JSON-RPC port (env RAMPART_PORT, default ${DEFAULT_PORT})
  --api-port <n>      HTTP API port, 0 for any free one (env RAMPART_API_PORT, default ${DEFAULT_API_PORT})
  --no-indexer        run the chain only: no indexer, no API
  --data-dir <dir>    where the chain, deployment.json and the index live (env RAMPART_DATA_DIR, default ${DEFAULT_DATA_DIR})
  --seed <string>     seed of the demo scenario on first start (env RAMPART_SEED, default "${DEFAULT_SEED}")
  --no-seed           deploy and list the assets only: no operators, services or stakers
  -h, --help          show this help`;

function parsePort(text: string, source: string, allowZero = false): number {
  const trimmed = text.trim();
  const port = Number(trimmed);
  const min = allowZero ? 0 : 1;
  if (!/^\d+$/.test(trimmed) || !Number.isInteger(port) || port < min || port > 65_535) {
    const range = allowZero ? "from 0 (any free port) to 65535" : "from 1 to 65535";
    throw new UsageError(`${source} must be a port number ${range} (got "${text}")`);
  }
  return port;
}

/**
 * Reads the options from argv (without the node and script paths) and the environment.
 * Returns undefined when help was asked for.
 */
export function parseNetworkOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): NetworkOptions | undefined {
  let values: {
    port?: string;
    "api-port"?: string;
    "data-dir"?: string;
    seed?: string;
    "no-seed"?: boolean;
    "no-indexer"?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: "string" },
        "api-port": { type: "string" },
        "no-indexer": { type: "boolean" },
        "data-dir": { type: "string" },
        seed: { type: "string" },
        "no-seed": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split("\n")[0]} (see npm start -- --help)`);
  }
  if (values.help) return undefined;

  const port =
    values.port !== undefined
      ? parsePort(values.port, "--port")
      : env.RAMPART_PORT
        ? parsePort(env.RAMPART_PORT, "RAMPART_PORT")
        : DEFAULT_PORT;
  const apiPort =
    values["api-port"] !== undefined
      ? parsePort(values["api-port"], "--api-port", true)
      : env.RAMPART_API_PORT
        ? parsePort(env.RAMPART_API_PORT, "RAMPART_API_PORT", true)
        : DEFAULT_API_PORT;
  const indexer = !(values["no-indexer"] ?? false);
  if (indexer && apiPort === port) {
    throw new UsageError(`the API port and the JSON-RPC port are both ${port}; choose another with --api-port <n>`);
  }
  const dataDirText = values["data-dir"] ?? (env.RAMPART_DATA_DIR || DEFAULT_DATA_DIR);
  if (dataDirText.trim() === "") throw new UsageError("--data-dir must not be empty");
  const seed = values.seed ?? (env.RAMPART_SEED || DEFAULT_SEED);
  if (seed === "") throw new UsageError("--seed must not be empty");
  return {
    port,
    dataDir: path.resolve(cwd, dataDirText),
    seed,
    noSeed: values["no-seed"] ?? false,
    indexer,
    apiPort,
  };
}
