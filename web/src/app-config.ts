// What the server tells the app at /app-config.json (createApiServer({ appConfig })): where the chain is, which
// deployment to use, and whether to offer the local dev accounts. Pure TS: the server side may import
// `localAppConfig` to build it.

/** The fields of a Rampart deployment file (src/sdk/deployment.ts) the app reads. */
export interface AppDeployment {
  chainId: number;
  startBlock: number;
  contracts: { rampart: string; directory: string; timelock: string; rewards: string };
  assets: { symbol: string; address: string; decimals: number; kind?: string; localStandIn?: boolean }[];
  rewardTokens?: { symbol: string; address: string; decimals: number; ethPerToken?: string }[];
}

export interface AppConfig {
  /** JSON-RPC URL the browser can reach (reads, simulations and, with dev accounts, transactions). */
  rpcUrl: string;
  chainId: number;
  /** Shown in the header; default "Rampart local network" on 31337, otherwise "chain <id>". */
  chainName?: string;
  deployment: AppDeployment;
  /** Offer anvil's dev accounts (only honoured on chain 31337). */
  devAccounts?: boolean;
  /** How many dev accounts to offer (default 40: anvil as `npm start` runs it). */
  devAccountCount?: number;
  /** Who is who among the dev accounts, e.g. { "20": "staker" }, shown in the account picker. */
  devAccountLabels?: Record<string, string>;
  /** A transaction link template with `{hash}`, e.g. "https://etherscan.io/tx/{hash}"; none on the local network. */
  explorerTxUrl?: string;
}

export const LOCAL_CHAIN_ID = 31337;

/** The app config for the local network: dev accounts on, labels optional. */
export function localAppConfig(deployment: AppDeployment, rpcUrl: string, extra: Partial<AppConfig> = {}): AppConfig {
  return {
    rpcUrl,
    chainId: deployment.chainId,
    chainName: deployment.chainId === LOCAL_CHAIN_ID ? "Rampart local network" : `chain ${deployment.chainId}`,
    deployment,
    devAccounts: deployment.chainId === LOCAL_CHAIN_ID,
    devAccountCount: 40,
    ...extra,
  };
}

export function devAccountsOffered(config: AppConfig): boolean {
  return config.chainId === LOCAL_CHAIN_ID && config.devAccounts === true;
}

/** Validates what /app-config.json returned; throws a message a person can act on. */
export function parseAppConfig(value: unknown): AppConfig {
  const v = value as Partial<AppConfig> | null;
  if (!v || typeof v !== "object") throw new Error("/app-config.json is not a JSON object");
  if (typeof v.rpcUrl !== "string") throw new Error("/app-config.json has no rpcUrl");
  if (typeof v.chainId !== "number") throw new Error("/app-config.json has no chainId");
  if (!v.deployment || typeof v.deployment !== "object" || !v.deployment.contracts) {
    throw new Error("/app-config.json has no deployment");
  }
  return v as AppConfig;
}
