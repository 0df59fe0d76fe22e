// Activity: recent slashes, withdrawals and distribution roots, newest first, each with its transaction hash. The
// events and hashes come from the chain's logs (the API's /withdrawals carries no hashes), over the last
// ACTIVITY_BLOCKS blocks; withdrawal amounts in tokens and ETH come from GET /withdrawals, matched by id.
import { useQuery } from "@tanstack/react-query";
import { type AbiEvent, type Address, formatUnits } from "viem";
import { usePublicClient } from "wagmi";
import { rampartAbi, rewardsAbi } from "../../../src/sdk/abis.ts";
import { useApi } from "../api.ts";
import { CopyButton, ErrorNotice, Loading, Notice, Table, TokenAndEth } from "../components/ui.tsx";
import { useAppConfig, useAssetInfo } from "../context.ts";
import { formatAmount, formatTime, shortAddress } from "../format.ts";
import { useOperators } from "../hooks.ts";

const ACTIVITY_BLOCKS = 50_000n;
const RAMPART_EVENTS = ["SlashRequested", "SlashVetoed", "Slashed", "WithdrawalQueued", "WithdrawalCompleted"];
const REWARDS_EVENTS = ["DistributionRootSubmitted"];

const pick = (abi: readonly unknown[], names: string[]) =>
  (abi as AbiEvent[]).filter((e) => e.type === "event" && names.includes(e.name));

interface Item {
  key: string;
  kind: string;
  what: string;
  block: bigint;
  time?: number;
  hash: string;
  /** For withdrawal rows: the withdrawal's id, to show its amount from GET /withdrawals. */
  withdrawalId?: string;
}

/** The fields of GET /withdrawals this screen reads (docs/api.md). */
interface ApiWithdrawal {
  id: string;
  symbol: string | null;
  decimals: number;
  amount: string;
  eth: string | null;
  status: string;
}

type Args = Record<string, unknown>;

export default function Activity() {
  const config = useAppConfig();
  const assets = useAssetInfo();
  const operators = useOperators();
  const client = usePublicClient();
  const opName = (a: unknown) => {
    const address = String(a).toLowerCase();
    return operators.names.get(address) ?? shortAddress(address);
  };
  const amount = (asset: unknown, value: unknown) => {
    const info = assets.get(String(asset).toLowerCase());
    return info
      ? formatAmount(value as bigint, info.decimals, info.symbol).text
      : `${formatUnits(value as bigint, 18)} tokens`;
  };
  const withdrawals = useApi<{ withdrawals: ApiWithdrawal[] }>("/withdrawals?limit=500");
  const withdrawalById = new Map((withdrawals.data?.withdrawals ?? []).map((w) => [String(w.id), w]));
  const q = useQuery({
    queryKey: ["activity", config.deployment.contracts.rampart],
    enabled: !!client,
    refetchInterval: 15_000,
    queryFn: async (): Promise<Item[]> => {
      if (!client) return [];
      const latest = await client.getBlockNumber();
      const start = BigInt(config.deployment.startBlock);
      const fromBlock = latest > start + ACTIVITY_BLOCKS ? latest - ACTIVITY_BLOCKS : start;
      const [core, rewards] = await Promise.all([
        client.getLogs({
          address: config.deployment.contracts.rampart as Address,
          events: pick(rampartAbi, RAMPART_EVENTS),
          fromBlock,
          toBlock: latest,
        }),
        client.getLogs({
          address: config.deployment.contracts.rewards as Address,
          events: pick(rewardsAbi, REWARDS_EVENTS),
          fromBlock,
          toBlock: latest,
        }),
      ]);
      const blocks = new Map<bigint, number>();
      const logs = [...core, ...rewards].sort((a, b) =>
        a.blockNumber === b.blockNumber
          ? Number((b.logIndex ?? 0) - (a.logIndex ?? 0))
          : Number((b.blockNumber ?? 0n) - (a.blockNumber ?? 0n)),
      );
      const recent = logs.slice(0, 100);
      for (const log of recent) {
        const n = log.blockNumber ?? 0n;
        const withTime = log as { blockTimestamp?: bigint | string };
        if (withTime.blockTimestamp !== undefined) blocks.set(n, Number(withTime.blockTimestamp));
      }
      const missing = [...new Set(recent.map((l) => l.blockNumber ?? 0n))].filter((n) => !blocks.has(n));
      await Promise.all(
        missing.map(async (n) => blocks.set(n, Number((await client.getBlock({ blockNumber: n })).timestamp))),
      );
      return recent.map((log) => {
        const args = (log as unknown as { args: Args }).args ?? {};
        const name = (log as unknown as { eventName: string }).eventName;
        let kind = name;
        let what = "";
        switch (name) {
          case "SlashRequested":
            kind = "Slash requested";
            what = `slash ${args.slashId} of ${opName(args.operator)} (set ${args.setId})${args.reason ? `: ${args.reason}` : ""}`;
            break;
          case "SlashVetoed":
            kind = "Slash vetoed";
            what = `slash ${args.slashId} vetoed by ${shortAddress(String(args.committee))}`;
            break;
          case "Slashed":
            kind = "Slashed";
            what = `${opName(args.operator)} lost ${amount(args.asset, args.assetsSlashed)} (slash ${args.slashId})`;
            break;
          case "WithdrawalQueued":
            kind = "Withdrawal queued";
            what = `withdrawal ${args.id} by ${shortAddress(String(args.staker))}`;
            break;
          case "WithdrawalCompleted":
            kind = "Withdrawal completed";
            what = `withdrawal ${args.id} by ${shortAddress(String(args.staker))}`;
            break;
          case "DistributionRootSubmitted":
            kind = "Rewards root posted";
            what = `root ${args.rootIndex}, covering rewards until ${formatTime(Number(args.calculatedUntil))}`;
            break;
        }
        return {
          key: `${log.transactionHash}:${log.logIndex}`,
          kind,
          what,
          block: log.blockNumber ?? 0n,
          time: blocks.get(log.blockNumber ?? 0n),
          hash: log.transactionHash ?? "",
          withdrawalId: name === "WithdrawalQueued" || name === "WithdrawalCompleted" ? String(args.id) : undefined,
        };
      });
    },
  });
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Activity</h1>
      <p className="muted">
        Recent slashes, withdrawals and rewards roots on this deployment, newest first, with their transactions.
      </p>
      {q.isLoading ? <Loading what="activity" /> : null}
      {q.error ? <ErrorNotice error={q.error} what="activity" /> : null}
      {q.data && q.data.length === 0 ? <Notice>No slashes, withdrawals or roots yet.</Notice> : null}
      {q.data && q.data.length > 0 && !config.explorerTxUrl ? (
        <p className="muted small-text" data-testid="no-explorer">
          Local network: no explorer. Transaction hashes are shown in full, each with a copy button.
        </p>
      ) : null}
      {q.data && q.data.length > 0 ? (
        <Table caption="Recent protocol activity" id="activity">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Event</th>
              <th scope="col">Details</th>
              <th scope="col">Transaction</th>
            </tr>
          </thead>
          <tbody>
            {q.data.map((item) => (
              <tr key={item.key} data-testid="activity-row">
                <td>
                  {formatTime(item.time)}
                  <div className="muted small-text">block {item.block.toString()}</div>
                </td>
                <td>{item.kind}</td>
                <td>
                  {item.what}
                  <WithdrawalAmount withdrawal={withdrawalById.get(item.withdrawalId ?? "")} kind={item.kind} />
                </td>
                <td className="mono" title={item.hash}>
                  {config.explorerTxUrl ? (
                    <a href={config.explorerTxUrl.replace("{hash}", item.hash)} target="_blank" rel="noreferrer">
                      {shortAddress(item.hash)}
                    </a>
                  ) : (
                    <>
                      <span className="break">{item.hash}</span> <CopyButton text={item.hash} label="Copy the hash" />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </section>
  );
}

/** ": 0.5 wstETH (0.6 ETH)", paid for a completed withdrawal, else what its shares are worth now. */
function WithdrawalAmount(props: { withdrawal: ApiWithdrawal | undefined; kind: string }) {
  const w = props.withdrawal;
  if (!w) return null;
  const paid = w.status === "completed";
  return (
    <>
      {paid ? (props.kind === "Withdrawal completed" ? ", paid " : ", since paid ") : ", worth now "}
      <TokenAndEth value={w.amount} decimals={w.decimals} unit={w.symbol} wei={w.eth} />
    </>
  );
}
