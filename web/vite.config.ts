// Vite config of the web app (docs/web.md). `npm run build:web` writes web/dist, which the API server serves at `/`
// (createApiServer({ webRoot })). In development (`npx vite --config web/vite.config.ts`) the API routes and
// /app-config.json are proxied to a running API server: RAMPART_API (default http://127.0.0.1:8546).
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const api = process.env.RAMPART_API ?? "http://127.0.0.1:8546";
/** Every API path prefix the app reads; the app itself lives at `/` with hash routes. */
const API_PREFIXES = [
  "/app-config.json",
  "/openapi.json",
  "/overview",
  "/operators",
  "/stakers",
  "/slashes",
  "/services",
  "/assets",
  "/withdrawals",
  "/timeseries",
  "/risk",
  "/rewards",
];

export default defineConfig({
  root,
  base: "./",
  plugins: [react()],
  server: {
    proxy: Object.fromEntries(API_PREFIXES.map((prefix) => [prefix, { target: api, changeOrigin: true }])),
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1200,
  },
});
