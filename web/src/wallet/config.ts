// wagmi configuration from the app config: one chain (the deployment's), the dev accounts connector on the local
// network, and every injected wallet found through EIP-6963 discovery (plus a plain injected fallback for wallets
// that only set window.ethereum).
import { type Chain, defineChain, http } from "viem";
import { createConfig, injected } from "wagmi";
import { type AppConfig, devAccountsOffered } from "../app-config.ts";
import { devAccounts } from "./devAccounts.ts";

export function appChain(config: AppConfig): Chain {
  return defineChain({
    id: config.chainId,
    name: config.chainName ?? (config.chainId === 31337 ? "Rampart local network" : `chain ${config.chainId}`),
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [config.rpcUrl] } },
  });
}

export function createWagmiConfig(config: AppConfig) {
  const chain = appChain(config);
  const connectors = [];
  if (devAccountsOffered(config)) {
    connectors.push(devAccounts({ rpcUrl: config.rpcUrl, count: config.devAccountCount ?? 40 }));
  }
  connectors.push(injected({ shimDisconnect: true }));
  return createConfig({
    chains: [chain],
    connectors,
    multiInjectedProviderDiscovery: true,
    transports: { [chain.id]: http(config.rpcUrl) },
  });
}
