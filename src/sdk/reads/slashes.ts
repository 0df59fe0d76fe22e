// Slashes: what a service asked for, its status (pending, vetoed, executed) and what each asset lost.
import type { Address } from "viem";
import type { RampartClient } from "../client.ts";
import { RampartError } from "../errors.ts";
import { assetOf, chainNow, reading, scanLogs } from "./internal.ts";
import { getOperatorRegistrations } from "./registry.ts";

export type SlashStatusName = "pending" | "vetoed" | "executed";

export interface SlashAssetSummary {
  asset: Address;
  symbol: string;
  decimals: number;
  /** Fraction of the allocation asked for (WAD). */
  wad: bigint;
  /** Once executed: magnitude and assets taken (0 when the asset was skipped, having nothing left to take). */
  magnitudeSlashed: bigint | undefined;
  assetsSlashed: bigint | undefined;
}

export interface SlashSummary {
  slashId: bigint;
  setId: number;
  operator: Address;
  operatorName: string | undefined;
  reason: string;
  status: SlashStatusName;
  /** When the request executed or could execute (unix seconds); the request's block time for an instant slash. */
  executableAt: number;
  /** True for a pending request whose veto window has passed: anyone may execute it. */
  executable: boolean;
  /** Seconds until the veto window closes (0 when it has). */
  executableIn: number;
  /** Whether the request went through a veto window (false: an instant slash). */
  vetoable: boolean;
  /** Where slashed tokens went (the burn address when the set burns them), once executed. */
  recipient: Address | undefined;
  assets: SlashAssetSummary[];
  requestedAtBlock: bigint;
}

async function readSlashes(client: RampartClient, slashId?: bigint): Promise<SlashSummary[]> {
  const { publicClient, rampart } = client;
  const now = await reading("reading the latest block", () => chainNow(client));
  const args = slashId === undefined ? undefined : { slashId };
  const scan = <T>(fetch: (fromBlock: bigint, toBlock: bigint) => Promise<T[]>) =>
    scanLogs(client, fetch, now.blockNumber);
  const [requested, vetoed, slashed, operators] = await Promise.all([
    reading("reading slash requests", () =>
      scan((fromBlock, toBlock) =>
        publicClient.getContractEvents({ ...rampart, eventName: "SlashRequested", args, fromBlock, toBlock }),
      ),
    ),
    reading("reading vetoes", () =>
      scan((fromBlock, toBlock) =>
        publicClient.getContractEvents({ ...rampart, eventName: "SlashVetoed", args, fromBlock, toBlock }),
      ),
    ),
    reading("reading executed slashes", () =>
      scan((fromBlock, toBlock) =>
        publicClient.getContractEvents({ ...rampart, eventName: "Slashed", args, fromBlock, toBlock }),
      ),
    ),
    getOperatorRegistrations(client),
  ]);
  const requests = await reading("reading slash requests", () =>
    Promise.all(
      requested.map((log) =>
        publicClient.readContract({ ...rampart, functionName: "getSlashRequest", args: [log.args.slashId ?? 0n] }),
      ),
    ),
  );
  return requested.map((log, index): SlashSummary => {
    const {
      slashId: id = 0n,
      setId = 0,
      operator = "0x",
      assets = [],
      wads = [],
      executableAt = 0,
      reason = "",
    } = log.args;
    const executions = slashed.filter((s) => s.args.slashId === id);
    const status: SlashStatusName = vetoed.some((v) => v.args.slashId === id)
      ? "vetoed"
      : executions.length > 0
        ? "executed"
        : "pending";
    const executableIn = Math.max(0, executableAt - Number(now.timestamp));
    return {
      slashId: id,
      setId,
      operator: operator as Address,
      operatorName: operators.find((op) => op.address.toLowerCase() === operator.toLowerCase())?.name,
      reason,
      status,
      executableAt,
      executable: status === "pending" && executableIn === 0,
      executableIn: status === "pending" ? executableIn : 0,
      // The core keeps a request only for veto-window sets; an instant slash's status stays None (0).
      vetoable: (requests[index]?.status ?? 0) !== 0,
      recipient: executions[0]?.args.recipient,
      assets: assets.map((asset, i) => {
        const info = assetOf(client, asset);
        const execution = executions.find((e) => e.args.asset?.toLowerCase() === asset.toLowerCase());
        return {
          asset,
          symbol: info.symbol,
          decimals: info.decimals,
          wad: wads[i] ?? 0n,
          magnitudeSlashed: execution?.args.magnitudeSlashed,
          assetsSlashed: execution?.args.assetsSlashed,
        };
      }),
      requestedAtBlock: log.blockNumber,
    };
  });
}

/**
 * A slash by id: the request (from its SlashRequested event), its status and what it took. Works for instant slashes
 * too (the core keeps no request for them; the events tell).
 * @example
 * const slash = await getSlashRequest(client, 1n);
 * if (slash.status === "pending" && slash.executable) await executeSlash(client, { slashId: 1n });
 */
export async function getSlashRequest(client: RampartClient, slashId: bigint): Promise<SlashSummary> {
  const [found] = await readSlashes(client, slashId);
  if (!found) {
    throw new RampartError(`slash ${slashId} does not exist`, { hint: "run `rampart slashes` to list them" });
  }
  return found;
}

/**
 * Every slash ever requested, oldest first.
 * @example
 * const pending = (await listSlashes(client)).filter((s) => s.status === "pending");
 */
export async function listSlashes(client: RampartClient): Promise<SlashSummary[]> {
  return readSlashes(client);
}
