// The app's reads from the Rampart API (docs/api.md): relative URLs (the API serves the app, or Vite proxies them in
// development) and TanStack Query for caching.
import { keepPreviousData, useQuery } from "@tanstack/react-query";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly hint: string | undefined,
  ) {
    super(message);
  }
}

export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path.startsWith("/") ? `.${path}` : path, { headers: { accept: "application/json" } });
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (!res.ok) {
    const b = (body ?? {}) as { error?: string; hint?: string };
    throw new HttpError(res.status, b.error ?? `${path}: HTTP ${res.status}`, b.hint);
  }
  return body as T;
}

/** Reads `path`; `null` disables the query. Refreshes every 15 s while the page is open. */
export function useApi<T>(path: string | null, options: { refetchMs?: number; keepPrevious?: boolean } = {}) {
  return useQuery<T, HttpError>({
    queryKey: ["api", path],
    queryFn: () => getJson<T>(path as string),
    enabled: path !== null,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    refetchInterval: options.refetchMs ?? 15_000,
    retry: (count, error) => error.status >= 500 && count < 2,
  });
}

// ---- Response shapes (docs/api.md). Amounts are decimal strings of base units with `decimals` beside them. ----

export interface AssetAmount {
  asset: string;
  symbol: string | null;
  decimals: number;
  amount: string;
}

export interface Overview {
  chainId: number;
  rampart: string;
  indexedBlock: number | null;
  indexedTime: number | null;
  tvl: AssetAmount[];
  counts: { operators: number; services: number; sets: number; stakers: number; positions: number };
}

export interface OperatorSummary {
  operator: string;
  /** TVL in ETH wei (newer API versions; null when an asset has no rate). */
  tvlEth?: string | null;
  concentration?: { shareOfNetworkTvl: number | null; largestStakerShare: number | null };
  delegate: string;
  metadataUri: string;
  allocationDelay: number;
  registeredTime: number;
  tvl: AssetAmount[];
  stakers: number;
  sets: { setId: number; service: string; joinedTime: number }[];
  commissions: { service: string; bps: number; pendingBps: number | null; effectAt: number | null }[];
}

export interface SlashRow {
  slashId: string;
  setId: number;
  service: string | null;
  operator: string;
  status: "requested" | "vetoed" | "executed" | string;
  executableAt: number;
  reason: string | null;
  requestedBlock: number;
  requestedTime: number;
  resolvedTime: number | null;
  txHash?: string;
  assets: {
    asset: string;
    symbol: string | null;
    decimals: number;
    wad: string;
    magnitudeSlashed: string | null;
    assetsSlashed: string | null;
    recipient: string | null;
  }[];
}

export interface OperatorDetail extends OperatorSummary {
  pools: {
    asset: string;
    symbol: string | null;
    decimals: number;
    totalShares: string;
    totalAssets: string;
    maxMagnitude: string;
    encumberedMagnitude: string;
    /** ETH value of totalAssets (wei); null when the asset has no ETH price. */
    eth?: string | null;
  }[];
  allocations: {
    asset: string;
    setId: number;
    magnitude: string;
    pendingMagnitude: string;
    effectAt: number;
    /** What a slash of 100% could take now, in tokens and ETH. */
    slashable?: { amount: string; eth: string | null; decimals: number; symbol: string | null } | null;
  }[];
  slashes: SlashRow[];
  history?: {
    range: string;
    points: { day: number; date: string; tvlEth: string | null; tvl: AssetAmount[]; stakerPositions: number }[];
  };
  recentEvents?: { blockNumber: number; logIndex: number; time: number; txHash: string; name: string }[];
}

/** What one service could slash of a position (newer API versions). */
export interface PositionExposure {
  setId: number;
  service: string;
  serviceName: string | null;
  slashable: { amount: string; eth: string | null; decimals: number; symbol: string | null };
  /** The position's slashable amount as a share of all the stake securing the service in that asset. */
  shareOfServiceStake: number | null;
}

export interface Position {
  operator: string;
  asset: string;
  symbol: string | null;
  decimals: number;
  shares: string;
  assets: string;
  /** ETH value in wei, when the API gives it. */
  eth?: string | null;
  valueEth?: string;
  exposure?: PositionExposure[];
}

export interface PendingWithdrawal {
  id: string;
  operator: string;
  asset: string;
  symbol: string | null;
  decimals: number;
  shares: string;
  /** Assets the withdrawal is worth now, when the API gives it. */
  assets?: string;
  amount?: string;
  eth?: string | null;
  status?: string;
  receiver: string;
  redelegateTo: string | null;
  queuedTime: number;
  completableAt: number;
  secondsRemaining: number;
}

export interface Portfolio {
  staker: string;
  asOf: number;
  /** Total value in ETH wei (newer API versions; null when an asset has no rate). */
  valueEth?: string | null;
  positions: Position[];
  pendingWithdrawals: PendingWithdrawal[];
  /** Rewards by service, token and role with claimable amounts: the answer of /rewards/earnings/{address}. */
  rewards?: unknown;
}

/** Operator display name from its metadata URI (data: JSON with a name), else undefined. */
export function metadataName(uri: string | null | undefined): string | undefined {
  const meta = metadataJson(uri);
  return typeof meta?.name === "string" ? meta.name : undefined;
}

export function metadataJson(uri: string | null | undefined): Record<string, unknown> | undefined {
  if (!uri) return undefined;
  const data = /^data:application\/json(;[^,]*)?,(.*)$/is.exec(uri);
  try {
    let json: string | undefined;
    if (data) {
      const payload = data[2] ?? "";
      json = /;base64/i.test(data[1] ?? "")
        ? new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)))
        : decodeURIComponent(payload);
    } else if (uri.trim().startsWith("{")) {
      json = uri;
    }
    if (json === undefined) return undefined;
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
