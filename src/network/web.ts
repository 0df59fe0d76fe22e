// The web app that `npm start` serves beside the API (web/, built by Vite into web/dist). Built here when the build
// is missing or older than the app's sources, so a fresh clone serves the app without a separate step.
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const WEB_SOURCE = join(ROOT, "web");
export const WEB_DIST = join(WEB_SOURCE, "dist");

/** Newest modification time under `path` (files only). */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === "dist" || entry === "node_modules") continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/**
 * The directory to serve the web app from, building it first if needed; undefined (with a note) when there is no app
 * source or the build fails: the API still runs.
 */
export async function ensureWebBuild(say: (line: string) => void): Promise<string | undefined> {
  if (!existsSync(join(WEB_SOURCE, "index.html"))) return undefined;
  const built = join(WEB_DIST, "index.html");
  if (existsSync(built) && statSync(built).mtimeMs >= newest(WEB_SOURCE)) return WEB_DIST;
  say("building the web app (web/ → web/dist)…");
  const started = performance.now();
  try {
    const { build } = await import("vite");
    await build({ configFile: join(WEB_SOURCE, "vite.config.ts"), logLevel: "warn" });
  } catch (error) {
    say(
      `the web app did not build (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); serving the API only`,
    );
    return undefined;
  }
  say(`web app built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return WEB_DIST;
}
