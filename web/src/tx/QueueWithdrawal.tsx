// "Withdraw" on a position: choose a part of it, see the simulated result (what it is worth now, when it can be
// completed) before signing; the button stays disabled with the decoded reason if the call would revert.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { Address } from "viem";
import { useConnection, usePublicClient, useWalletClient } from "wagmi";
import { rampartAbi } from "../../../src/sdk/abis.ts";
import type { Position } from "../api.ts";
import { useAppConfig } from "../context.ts";
import { formatAmount, formatTime, toBigInt } from "../format.ts";
import { explain, refreshSoon, runTransaction } from "./run.ts";

const PARTS = [25, 50, 100] as const;

export function QueueWithdrawal(props: { position: Position }) {
  const { position: p } = props;
  const config = useAppConfig();
  const connection = useConnection();
  const publicClient = usePublicClient();
  const { data: walletClient } = useWalletClient();
  const queryClient = useQueryClient();
  const id = useId();
  const [part, setPart] = useState<number>(100);
  const [busy, setBusy] = useState(false);
  const rampart = config.deployment.contracts.rampart as Address;
  const shares = (toBigInt(p.shares) * BigInt(part)) / 100n;
  const preview = useQuery({
    queryKey: ["simulate-queue", p.operator, p.asset, shares.toString(), connection.address],
    enabled: !!publicClient && !!connection.address && shares > 0n,
    queryFn: async () => {
      if (!publicClient || !connection.address) return { error: { message: "not connected" } };
      const args = [p.operator as Address, p.asset as Address, shares, connection.address] as const;
      const call = { address: rampart, abi: rampartAbi, functionName: "queueWithdrawal", args };
      try {
        const [sim, value] = await Promise.all([
          publicClient.simulateContract({
            address: rampart,
            abi: rampartAbi,
            functionName: "queueWithdrawal",
            args,
            account: connection.address,
          }),
          publicClient.readContract({
            address: rampart,
            abi: rampartAbi,
            functionName: "sharesToAssets",
            args: [p.operator as Address, p.asset as Address, shares],
          }),
        ]);
        return { call, completableAt: Number(sim.result.completableAt), value };
      } catch (error) {
        return { call, error: explain(error) };
      }
    },
  });
  const error = preview.data?.error;
  const value = preview.data && "value" in preview.data ? preview.data.value : undefined;
  const completableAt = preview.data && "completableAt" in preview.data ? preview.data.completableAt : undefined;
  return (
    <form
      className="inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const call = preview.data?.call;
        if (!call || !publicClient || !walletClient || error) return;
        setBusy(true);
        const ok = await runTransaction({
          title: `Queue a withdrawal of ${part}% of ${p.symbol ?? "the position"}`,
          publicClient,
          walletClient,
          call,
        });
        setBusy(false);
        if (ok) refreshSoon(queryClient);
      }}
    >
      <label htmlFor={`${id}-part`} className="visually-hidden">
        Part of the {p.symbol} position to withdraw
      </label>
      <select id={`${id}-part`} value={part} onChange={(e) => setPart(Number(e.target.value))}>
        {PARTS.map((x) => (
          <option key={x} value={x}>
            {x === 100 ? "All" : `${x}%`}
          </option>
        ))}
      </select>{" "}
      <button type="submit" className="small" disabled={busy || preview.isLoading || !!error || !walletClient}>
        {busy ? "Queueing…" : "Withdraw"}
      </button>
      <div className="small-text muted" role="status">
        {error
          ? `Would fail: ${error.message}${"hint" in error && error.hint ? ` — ${error.hint}` : ""}`
          : value !== undefined && completableAt !== undefined
            ? `≈ ${formatAmount(value, p.decimals, p.symbol ?? "tokens").text}, completable from ${formatTime(completableAt)}`
            : null}
      </div>
    </form>
  );
}
