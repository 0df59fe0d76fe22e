// Rewards by token and by service (GET /rewards/earnings/{address}), valued in ETH at the deployment's assumed
// prices where it gives one, and claiming: the tokens with something claimable are selected (all by default), the
// proofs come from GET /rewards/proofs/{address}, the claim is simulated first and the button stays disabled with the
// decoded reason if it would revert.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Address, Hex } from "viem";
import { useConnection, usePublicClient, useWalletClient } from "wagmi";
import { rewardsAbi } from "../../../src/sdk/abis.ts";
import { getJson } from "../api.ts";
import { AddressLink, Amount, Notice, Table, TokenAndEth } from "../components/ui.tsx";
import { useAppConfig } from "../context.ts";
import { formatTime, shortAddress, toBigInt } from "../format.ts";
import { refreshSoon, runTransaction, simulate } from "../tx/run.ts";

interface TokenLine {
  token: string;
  symbol: string | null;
  decimals: number | null;
  claimed: string;
  claimable: string;
  earned: string;
  withToday: string;
}

interface ServiceLine {
  service: string;
  token: string;
  role: string;
  symbol: string | null;
  decimals: number | null;
  inActiveRoot: string;
  completedDays: string;
  withToday: string;
}

export interface Earnings {
  earner: string;
  completedUntil?: number;
  activeRoot: { index: number; calculatedUntil: number; activatesAt: number } | null;
  activeRootVerified?: boolean;
  lines: ServiceLine[];
  tokens: TokenLine[];
}

interface Proofs {
  claim: {
    rootIndex: number;
    earner: string;
    claims: { token: string; cumulativeAmount: string; proof: string[] }[];
  };
}

export function isEarnings(value: unknown): value is Earnings {
  const v = value as Partial<Earnings> | null;
  return !!v && Array.isArray(v.tokens) && Array.isArray(v.lines);
}

/** ETH value of `amount` of a reward token at the deployment's assumed price (ethPerToken, WAD), if it has one. */
function useTokenEth(): (token: string, amount: string, decimals: number) => string | undefined {
  const config = useAppConfig();
  const prices = new Map(
    (config.deployment.rewardTokens ?? [])
      .filter((t) => t.ethPerToken)
      .map((t) => [t.address.toLowerCase(), toBigInt(t.ethPerToken)]),
  );
  for (const a of config.deployment.assets) if (a.kind === "WETH") prices.set(a.address.toLowerCase(), 10n ** 18n);
  return (token, amount, decimals) => {
    const price = prices.get(token.toLowerCase());
    return price === undefined ? undefined : ((toBigInt(amount) * price) / 10n ** BigInt(decimals)).toString();
  };
}

function ClaimPanel(props: { earnings: Earnings; proofsPath: string }) {
  const config = useAppConfig();
  const connection = useConnection();
  const publicClient = usePublicClient();
  const { data: walletClient } = useWalletClient();
  const queryClient = useQueryClient();
  const claimable = props.earnings.tokens.filter((t) => toBigInt(t.claimable) > 0n);
  const [unselected, setUnselected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const selected = claimable.filter((t) => !unselected.has(t.token));
  const rewards = config.deployment.contracts.rewards as Address;
  const check = useQuery({
    queryKey: ["simulate-claim", props.proofsPath, selected.map((t) => t.token).join(","), connection.address],
    enabled: selected.length > 0 && !!publicClient && !!connection.address,
    queryFn: async () => {
      if (!publicClient || !connection.address) return { error: { message: "not connected" } };
      const proofs = await getJson<Proofs>(props.proofsPath);
      const wanted = new Set(selected.map((t) => t.token.toLowerCase()));
      const claims = proofs.claim.claims
        .filter((c) => wanted.has(c.token.toLowerCase()))
        .map((c) => ({
          token: c.token as Address,
          cumulativeAmount: BigInt(c.cumulativeAmount),
          proof: c.proof as Hex[],
        }));
      const earner = proofs.claim.earner as Address;
      const call = {
        address: rewards,
        abi: rewardsAbi,
        functionName: "claim",
        args: [proofs.claim.rootIndex, earner, connection.address, claims],
      };
      return { call, error: await simulate(publicClient, connection.address, call) };
    },
  });
  if (claimable.length === 0) {
    return (
      <p className="muted">
        Nothing to claim yet
        {props.earnings.activeRoot
          ? ` (the active root covers rewards until ${formatTime(props.earnings.activeRoot.calculatedUntil)})`
          : ": no distribution root is active yet"}
        .
      </p>
    );
  }
  const error = check.data?.error;
  const allSelected = unselected.size === 0;
  return (
    <fieldset className="claim">
      <legend>Claim rewards</legend>
      <label>
        <input
          type="checkbox"
          checked={allSelected}
          onChange={() => setUnselected(allSelected ? new Set(claimable.map((t) => t.token)) : new Set())}
        />{" "}
        Select all
      </label>
      {claimable.map((t) => (
        <label key={t.token} className="claim-token">
          <input
            type="checkbox"
            checked={!unselected.has(t.token)}
            onChange={() => {
              const next = new Set(unselected);
              if (next.has(t.token)) next.delete(t.token);
              else next.add(t.token);
              setUnselected(next);
            }}
          />{" "}
          <Amount value={t.claimable} decimals={t.decimals ?? 18} unit={t.symbol ?? shortAddress(t.token)} />
        </label>
      ))}
      <div>
        <button
          type="button"
          disabled={busy || selected.length === 0 || check.isLoading || !!error || !walletClient || !check.data?.call}
          onClick={async () => {
            const call = check.data?.call;
            if (!call || !publicClient || !walletClient) return;
            setBusy(true);
            const ok = await runTransaction({
              title: `Claim ${selected.map((t) => t.symbol ?? shortAddress(t.token)).join(", ")}`,
              publicClient,
              walletClient,
              call,
            });
            setBusy(false);
            if (ok) refreshSoon(queryClient);
          }}
        >
          {busy ? "Claiming…" : check.isLoading ? "Checking…" : `Claim ${selected.length} token(s)`}
        </button>
        {check.error ? (
          <span className="small-text" role="status">
            {" "}
            Cannot prepare the claim: {check.error.message}
          </span>
        ) : null}
        {error ? (
          <span className="small-text" role="status">
            {" "}
            Would fail: {error.message}
            {"hint" in error && error.hint ? ` — ${error.hint}` : ""}
          </span>
        ) : null}
      </div>
    </fieldset>
  );
}

export function Rewards(props: {
  earnings: Earnings;
  address: string;
  /** The connected account is the earner: offer the claim. */
  canClaim: boolean;
  serviceNames: Map<string, string>;
}) {
  const { earnings } = props;
  const tokenEth = useTokenEth();
  if (earnings.tokens.length === 0) {
    return <p>No rewards earned yet. Rewards accrue daily to positions whose operators secure paying services.</p>;
  }
  return (
    <>
      {earnings.activeRootVerified === false && earnings.activeRoot ? (
        <Notice kind="warn">
          The active distribution root does not match what the indexed events give, so nothing is shown as claimable.
        </Notice>
      ) : null}
      <Table caption="Rewards by token (earned up to the last full day, and including today so far)" id="rewards">
        <thead>
          <tr>
            <th scope="col">Token</th>
            <th scope="col" className="num">
              Earned
            </th>
            <th scope="col" className="num">
              Including today
            </th>
            <th scope="col" className="num">
              Claimable
            </th>
            <th scope="col" className="num">
              Claimed
            </th>
          </tr>
        </thead>
        <tbody>
          {earnings.tokens.map((t) => {
            const d = t.decimals ?? 18;
            const unit = t.symbol ?? shortAddress(t.token);
            return (
              <tr key={t.token} data-testid="reward-row">
                <td>{unit}</td>
                <td className="num">
                  <TokenAndEth value={t.earned} decimals={d} unit={unit} wei={tokenEth(t.token, t.earned, d)} />
                </td>
                <td className="num">
                  <Amount value={t.withToday} decimals={d} unit={unit} />
                </td>
                <td className="num">
                  <Amount value={t.claimable} decimals={d} unit={unit} />
                </td>
                <td className="num">
                  <Amount value={t.claimed} decimals={d} unit={unit} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      {earnings.lines.length > 0 ? (
        <Table caption="Rewards by service and token" id="rewards-by-service">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">As</th>
              <th scope="col" className="num">
                Earned
              </th>
              <th scope="col" className="num">
                Including today
              </th>
            </tr>
          </thead>
          <tbody>
            {earnings.lines.map((l) => {
              const d = l.decimals ?? 18;
              const unit = l.symbol ?? shortAddress(l.token);
              return (
                <tr key={`${l.service}:${l.token}:${l.role}`}>
                  <td>
                    <AddressLink address={l.service} kind="services" name={props.serviceNames.get(l.service)} />
                  </td>
                  <td>{l.role}</td>
                  <td className="num">
                    <TokenAndEth
                      value={l.completedDays}
                      decimals={d}
                      unit={unit}
                      wei={tokenEth(l.token, l.completedDays, d)}
                    />
                  </td>
                  <td className="num">
                    <Amount value={l.withToday} decimals={d} unit={unit} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      ) : null}
      {props.canClaim ? (
        <ClaimPanel earnings={earnings} proofsPath={`/rewards/proofs/${props.address}`} />
      ) : (
        <p className="muted small-text">Connect this account to claim.</p>
      )}
    </>
  );
}
