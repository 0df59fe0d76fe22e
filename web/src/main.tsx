// Entry: read /app-config.json, then render the app with wagmi and TanStack Query. Screens load lazily (App.tsx).
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { WagmiProvider } from "wagmi";
import { App } from "./App.tsx";
import { parseAppConfig } from "./app-config.ts";
import { AppConfigContext } from "./context.ts";
import "./styles.css";
import { createWagmiConfig } from "./wallet/config.ts";

const root = createRoot(document.getElementById("root") as HTMLElement);

async function start(): Promise<void> {
  let config: ReturnType<typeof parseAppConfig>;
  try {
    const res = await fetch("./app-config.json", { headers: { accept: "application/json" } });
    if (!res.ok) throw new Error(`/app-config.json answered HTTP ${res.status}`);
    config = parseAppConfig(await res.json());
  } catch (error) {
    root.render(
      <main className="boot-error">
        <h1>Rampart cannot start</h1>
        <p role="alert">{error instanceof Error ? error.message : String(error)}</p>
        <p>
          The app reads its chain and deployment from <code>/app-config.json</code>, which the Rampart API server
          provides. Start the local network with <code>npm start</code>, or see docs/web.md.
        </p>
      </main>,
    );
    return;
  }
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 5_000 } } });
  const wagmiConfig = createWagmiConfig(config);
  root.render(
    <StrictMode>
      <AppConfigContext.Provider value={config}>
        <WagmiProvider config={wagmiConfig}>
          <QueryClientProvider client={queryClient}>
            <App />
          </QueryClientProvider>
        </WagmiProvider>
      </AppConfigContext.Provider>
    </StrictMode>,
  );
}

void start();
