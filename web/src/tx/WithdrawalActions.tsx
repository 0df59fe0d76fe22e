// "Complete" on a pending withdrawal: the Withdrawal struct comes from its WithdrawalQueued event; the call is
// simulated as soon as the withdrawal is ready, and the button stays disabled with the decoded reason if it would
// revert.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Address } from "viem";
import { useConnection, usePublicClient, useWalletClient } from "wagmi";
import { rampartAbi } from "../../../src/sdk/abis.ts";
import type { PendingWithdrawal } from "../api.ts";
import { useAppConfig } from "../context.ts";
import { refreshSoon, runTransaction, simulate } from "./run.ts";

export function WithdrawalActions(props: { withdrawal: PendingWithdrawal; ready: boolean }) {
  const config = useAppConfig();
  const connection = useConnection();
  const publicClient = usePublicClient();
  const { data: walletClient } = useWalletClient();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const rampart = config.deployment.contracts.rampart as Address;
  const id = BigInt(props.withdrawal.id);
  const check = useQuery({
    queryKey: ["simulate-complete", props.withdrawal.id, connection.address],
    enabled: props.ready && !!publicClient && !!connection.address,
    queryFn: async () => {
      if (!publicClient || !connection.address) return { error: { message: "not connected" } };
      const logs = await publicClient.getContractEvents({
        address: rampart,
        abi: rampartAbi,
        eventName: "WithdrawalQueued",
        args: { id },
        fromBlock: BigInt(config.deployment.startBlock),
      });
      const withdrawal = logs[0]?.args.withdrawal;
      if (!withdrawal) return { error: { message: `withdrawal ${id} was never queued` } };
      const call = { address: rampart, abi: rampartAbi, functionName: "completeWithdrawal", args: [withdrawal] };
      return { call, error: await simulate(publicClient, connection.address, call) };
    },
  });
  if (!props.ready) {
    return (
      <button type="button" className="small" disabled title="Not ready yet">
        Complete
      </button>
    );
  }
  const error = check.data?.error;
  return (
    <span>
      <button
        type="button"
        className="small"
        disabled={busy || check.isLoading || !!error || !walletClient || !check.data?.call}
        onClick={async () => {
          const call = check.data?.call;
          if (!call || !publicClient || !walletClient) return;
          setBusy(true);
          const ok = await runTransaction({
            title: `Complete withdrawal ${id}`,
            publicClient,
            walletClient,
            call,
          });
          setBusy(false);
          if (ok) refreshSoon(queryClient);
        }}
      >
        {busy ? "Completing…" : check.isLoading ? "Checking…" : "Complete"}
      </button>
      {error ? (
        <span className="small-text" role="status">
          {" "}
          Would fail: {error.message}
          {"hint" in error && error.hint ? ` — ${error.hint}` : ""}
        </span>
      ) : null}
    </span>
  );
}
