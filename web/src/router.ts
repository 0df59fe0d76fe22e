// Hash routes (#/portfolio, #/operators/0x…): the API serves the app at `/` and owns every other path.
import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/** The current route's segments: "#/operators/0xab" → ["operators", "0xab"]; empty hash → ["portfolio"]. */
export function useRoute(): string[] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const parts = hash
    .replace(/^#\/?/, "")
    .split("?")[0]
    ?.split("/")
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
  return parts && parts.length > 0 ? parts : ["portfolio"];
}

export function href(...segments: string[]): string {
  return `#/${segments.map((s) => encodeURIComponent(s)).join("/")}`;
}

export function navigate(...segments: string[]): void {
  window.location.hash = href(...segments).slice(1);
}
