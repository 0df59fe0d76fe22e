import { createContext, useContext } from "react";
import type { AppConfig } from "./app-config.ts";

export const AppConfigContext = createContext<AppConfig | null>(null);

export function useAppConfig(): AppConfig {
  const config = useContext(AppConfigContext);
  if (!config) throw new Error("AppConfigContext is missing");
  return config;
}

/** Asset symbol and decimals by lowercase address, from the deployment (the API also sends them beside amounts). */
export function useAssetInfo(): Map<string, { symbol: string; decimals: number }> {
  const config = useAppConfig();
  const map = new Map<string, { symbol: string; decimals: number }>();
  for (const a of config.deployment.assets) map.set(a.address.toLowerCase(), a);
  for (const t of config.deployment.rewardTokens ?? []) map.set(t.address.toLowerCase(), t);
  return map;
}
