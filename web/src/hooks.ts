// Shared data hooks: names for operators and services, a ticking clock, and generic rendering helpers for routes
// whose shapes are not settled yet.
import { useEffect, useState } from "react";
import { metadataName, type OperatorSummary, useApi } from "./api.ts";

/** Operator names by lowercase address (from metadata), and the list itself. */
export function useOperators() {
  const q = useApi<{ operators: OperatorSummary[] }>("/operators");
  const names = new Map<string, string>();
  for (const o of q.data?.operators ?? []) {
    const name = metadataName(o.metadataUri);
    if (name) names.set(o.operator.toLowerCase(), name);
  }
  return { ...q, names };
}

export interface ServiceInfo {
  service: string;
  name?: string;
  category?: string;
  metadataUri?: string;
  [key: string]: unknown;
}

/** Services from GET /services, with names by address. */
export function useServices() {
  const q = useApi<{ services?: ServiceInfo[] } | ServiceInfo[]>("/services", { refetchMs: 60_000 });
  const list: ServiceInfo[] | undefined = q.data
    ? Array.isArray(q.data)
      ? q.data
      : (q.data.services ?? [])
    : undefined;
  const names = new Map<string, string>();
  for (const s of list ?? []) {
    const address = String(s.service ?? s.address ?? "").toLowerCase();
    const name = typeof s.name === "string" ? s.name : metadataName(s.metadataUri);
    if (address && name) names.set(address, name);
  }
  return { list, names, query: q };
}

/** Seconds since the epoch, updated every second. */
export function useNowSeconds(): number {
  const [now, setNow] = useState(() => Date.now() / 1000);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() / 1000), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
