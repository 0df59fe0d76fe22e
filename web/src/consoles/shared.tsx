// Shared by the operator and service consoles: one "simulated action" (simulate on every change, show the decoded
// revert with its hint and keep the button disabled, sign and send with toasts), the chain's clock, the chain reads
// the API does not serve (operator sets with their policies, delays), and input parsing.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useId, useState } from "react";
import type { Abi, Address } from "viem";
import { usePublicClient, useWalletClient } from "wagmi";
import { directoryAbi, rampartAbi } from "../../../src/sdk/abis.ts";
import { useAppConfig } from "../context.ts";
import { formatCountdown, formatTime } from "../format.ts";
import { useNowSeconds } from "../hooks.ts";
import { type ContractCall, explain, runTransaction } from "../tx/run.ts";

export const WAD = 10n ** 18n;
const ZERO = "0x0000000000000000000000000000000000000000";

export const isZeroAddress = (a: string | null | undefined): boolean => !a || a.toLowerCase() === ZERO;
export const sameAddress = (a: string | null | undefined, b: string | null | undefined): boolean =>
  !!a && !!b && a.toLowerCase() === b.toLowerCase();

/** JSON with bigints as strings: a stable query key for a call. */
export function keyOf(value: unknown): string {
  return JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v));
}

/** "25", "12.5", "0.01" (percent) → WAD; undefined for anything else or outside [0, 100]. */
export function percentToWad(text: string): bigint | undefined {
  const t = text.trim().replace(/%$/, "").trim();
  const m = /^(\d{1,3})(?:\.(\d{0,16}))?$/.exec(t);
  if (!m) return undefined;
  const whole = BigInt(m[1] ?? "0");
  const fraction = (m[2] ?? "").padEnd(16, "0");
  const wad = whole * 10n ** 16n + BigInt(fraction || "0");
  return wad > WAD ? undefined : wad;
}

/** A decimal token amount ("1.5") in base units; undefined when it is not a positive decimal within `decimals`. */
export function parseTokenAmount(text: string, decimals: number): bigint | undefined {
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text.trim().replace(/,/g, ""));
  if (!m) return undefined;
  const fraction = m[2] ?? "";
  if (fraction.length > decimals) return undefined;
  return BigInt(m[1] ?? "0") * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, "0") || "0");
}

/** Refreshes the API's answers and the chain reads now and twice more while the indexer catches up. */
export function refreshAll(queryClient: ReturnType<typeof useQueryClient>): void {
  for (const delay of [0, 1_000, 3_000]) setTimeout(() => void queryClient.invalidateQueries(), delay);
}

/** The chain's clock (latest block time, ticking between blocks): a dev chain's time may run ahead of the wall. */
export function useChainNow(): number {
  const publicClient = usePublicClient();
  const wall = useNowSeconds();
  const q = useQuery({
    queryKey: ["chain", "now"],
    enabled: !!publicClient,
    refetchInterval: 5_000,
    queryFn: async () => {
      const block = await publicClient?.getBlock({ blockTag: "latest" });
      return { chain: Number(block?.timestamp ?? 0n), wall: Date.now() / 1000 };
    },
  });
  if (!q.data || q.data.chain === 0) return wall;
  return q.data.chain + Math.max(0, wall - q.data.wall);
}

/** "2026-11-25 13:05 UTC (in 6d 23h)" or "… (passed)". */
export function When(props: { at: number; now: number }) {
  const left = props.at - props.now;
  return (
    <span>
      {formatTime(props.at)} <span className="muted">({left > 0 ? `in ${formatCountdown(left)}` : "passed"})</span>
    </span>
  );
}

/** Seconds as "2d 0h", "6h 0m", or "none". */
export function formatDelay(seconds: number): string {
  return seconds > 0 ? formatCountdown(seconds) : "none";
}

export interface ChainSet {
  setId: number;
  service: Address;
  registrar: Address;
  policy: {
    vetoWindow: number;
    deallocationDelay: number;
    maxSlashWad: bigint;
    vetoCommittee: Address;
    slashRecipient: Address;
  };
  assets: readonly Address[];
}

/** Every operator set, read from the core (the API lists sets per service only). */
export function useAllSets() {
  const config = useAppConfig();
  const publicClient = usePublicClient();
  const rampart = config.deployment.contracts.rampart as Address;
  return useQuery({
    queryKey: ["chain", "sets"],
    enabled: !!publicClient,
    refetchInterval: 15_000,
    queryFn: async (): Promise<ChainSet[]> => {
      if (!publicClient) return [];
      const count = await publicClient.readContract({
        address: rampart,
        abi: rampartAbi,
        functionName: "operatorSetCount",
      });
      const ids = Array.from({ length: Number(count) }, (_, i) => i + 1);
      const sets = await Promise.all(
        ids.map((id) =>
          publicClient.readContract({ address: rampart, abi: rampartAbi, functionName: "getOperatorSet", args: [id] }),
        ),
      );
      return sets.map((s, i) => ({
        setId: ids[i] as number,
        service: s.service,
        registrar: s.registrar,
        policy: {
          vetoWindow: Number(s.policy.vetoWindow),
          deallocationDelay: Number(s.policy.deallocationDelay),
          maxSlashWad: BigInt(s.policy.maxSlashWad),
          vetoCommittee: s.policy.vetoCommittee,
          slashRecipient: s.policy.slashRecipient,
        },
        assets: s.assets,
      }));
    },
  });
}

/** The core's withdrawal delay: how long a commission increase waits, and the cap on deallocation delays. */
export function useWithdrawalDelay(): number | undefined {
  const config = useAppConfig();
  const publicClient = usePublicClient();
  const q = useQuery({
    queryKey: ["chain", "withdrawalDelay"],
    enabled: !!publicClient,
    staleTime: 60_000,
    queryFn: async () =>
      Number(
        await publicClient?.readContract({
          address: config.deployment.contracts.rampart as Address,
          abi: rampartAbi,
          functionName: "withdrawalDelay",
        }),
      ),
  });
  return q.data;
}

/** The Directory's record of `address` as an operator (registration, delegate, allocation delay). */
export function useDirectoryOperator(address: Address | undefined) {
  const config = useAppConfig();
  const publicClient = usePublicClient();
  return useQuery({
    queryKey: ["chain", "directory-operator", address],
    enabled: !!publicClient && !!address,
    refetchInterval: 15_000,
    queryFn: async () => {
      const info = await publicClient?.readContract({
        address: config.deployment.contracts.directory as Address,
        abi: directoryAbi,
        functionName: "getOperator",
        args: [address as Address],
      });
      return {
        registered: !!info?.registered,
        delegate: info?.delegate ?? (ZERO as Address),
        allocationDelay: Number(info?.allocationDelay ?? 0),
        pendingAllocationDelay: Number(info?.pendingAllocationDelay ?? 0),
        allocationDelayEffectAt: Number(info?.allocationDelayEffectAt ?? 0),
      };
    },
  });
}

/** Whether `address` is a registered service in the Directory. */
export function useIsService(address: Address | undefined) {
  const config = useAppConfig();
  const publicClient = usePublicClient();
  return useQuery({
    queryKey: ["chain", "is-service", address],
    enabled: !!publicClient && !!address,
    refetchInterval: 15_000,
    queryFn: async () =>
      !!(await publicClient?.readContract({
        address: config.deployment.contracts.directory as Address,
        abi: directoryAbi,
        functionName: "isService",
        args: [address as Address],
      })),
  });
}

export interface TxActionProps {
  /** The button's text. */
  label: string;
  /** The toast's title. */
  title: string;
  /** The call to simulate and send; null while the form is incomplete (then `blocked` says why). */
  call: ContractCall | null;
  blocked?: string;
  /** What the simulated call will do (its return value is passed). */
  preview?: (result: unknown) => ReactNode;
  onDone?: () => void;
  testId?: string;
  small?: boolean;
  /** Button and status on one line (tables). */
  inline?: boolean;
}

/**
 * A transaction button that is only enabled once the call simulates cleanly from the connected account. While the
 * call would revert, the decoded reason and what to do are shown and the button stays disabled. Sending simulates
 * again, signs, waits for the receipt and posts toasts with the hash (web/src/tx/run.ts).
 */
export function TxAction(props: TxActionProps) {
  const publicClient = usePublicClient();
  const { data: walletClient } = useWalletClient();
  const queryClient = useQueryClient();
  const statusId = useId();
  const [busy, setBusy] = useState(false);
  const account = walletClient?.account.address;
  const sim = useQuery({
    queryKey: ["chain", "simulate", props.label, account, keyOf(props.call)],
    enabled: !!publicClient && !!account && !!props.call,
    refetchInterval: 10_000,
    queryFn: async (): Promise<{ ok: true; result: unknown } | { ok: false; message: string; hint?: string }> => {
      if (!publicClient || !account || !props.call) return { ok: false, message: "not connected" };
      try {
        const { result } = await publicClient.simulateContract({
          ...props.call,
          account,
        } as Parameters<typeof publicClient.simulateContract>[0]);
        return { ok: true, result };
      } catch (error) {
        return { ok: false, ...explain(error) };
      }
    },
  });
  const failure = sim.data && !sim.data.ok ? sim.data : undefined;
  const ready = !!props.call && !!walletClient && sim.data?.ok === true;
  const status = !walletClient
    ? "Connect a wallet to send this."
    : !props.call
      ? (props.blocked ?? null)
      : sim.isLoading
        ? "Simulating…"
        : failure
          ? null
          : sim.data?.ok && props.preview
            ? props.preview(sim.data.result)
            : null;
  return (
    <div className={props.inline ? "tx-action inline" : "tx-action"} data-testid={props.testId}>
      <button
        type="button"
        className={props.small ? "small" : undefined}
        disabled={busy || !ready}
        aria-describedby={statusId}
        onClick={async () => {
          if (!props.call || !publicClient || !walletClient) return;
          setBusy(true);
          const ok = await runTransaction({ title: props.title, publicClient, walletClient, call: props.call });
          setBusy(false);
          if (ok) {
            refreshAll(queryClient);
            props.onDone?.();
          }
        }}
      >
        {busy ? "Sending…" : props.label}
      </button>
      <div id={statusId} className="small-text tx-status" role="status">
        {failure ? (
          <span className="would-fail">
            <strong>Would fail:</strong> {failure.message}
            {failure.hint ? <> — {failure.hint}</> : null}
          </span>
        ) : (
          status
        )}
      </div>
    </div>
  );
}

/** A labelled form field (label above the control), for the console forms. */
export function Field(props: { id: string; label: string; help?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.help ? (
        <span id={`${props.id}-help`} className="muted small-text">
          {props.help}
        </span>
      ) : null}
    </div>
  );
}

export type { Abi, ContractCall };
