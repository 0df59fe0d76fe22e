// Restake: choose an asset, an amount and operators, with a diversified split suggested by the risk engine under
// your limits (GET /risk/plan/{address}), or your own split; preview the simulated result (each deposit's shares,
// the new exposure per service, expected APR, fees and gas) before signing; then approve once for the total and
// deposit to each operator, each step simulated again before it is signed, with its status.
import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useState } from "react";
import { type Abi, type Address, erc20Abi } from "viem";
import { useConnection, usePublicClient, useWalletClient } from "wagmi";
import { localStandInLstAbi, localStandInWethAbi } from "../../../src/sdk/abis.ts";
import { getJson, type HttpError, type OperatorDetail, useApi } from "../api.ts";
import { AddressLink, Amount, ErrorNotice, EthAmount, Loading, Notice, Table, TokenAndEth } from "../components/ui.tsx";
import { useChainNow } from "../consoles/shared.tsx";
import { useAppConfig } from "../context.ts";
import { formatAmount, formatBps, formatCountdown, formatEth, formatPercent, formatTime } from "../format.ts";
import { useServices } from "../hooks.ts";
import { pendingAllocations } from "../restake/pending.ts";
import {
  newExposure,
  type PlanAnswer,
  type PlanPool,
  parsePercentText,
  parseTokenAmount,
  planWeights,
  type SplitLeg,
  splitApr,
  splitByWeights,
  toEthWei,
} from "../restake/plan.ts";
import { type Preview, SHARES_TOLERANCE_BPS, simulateSplit } from "../restake/simulate.ts";
import { href } from "../router.ts";
import { refreshSoon, runTransaction } from "../tx/run.ts";

const ZERO = "0x0000000000000000000000000000000000000000";
const OPERATOR_LIMITS = ["25%", "34%", "50%", "100%"];
const SERVICE_LIMITS = ["10%", "25%", "50%", "100%"];
const MIN_SCORES = ["0", "40", "60", "80"];
const TEST_TOKENS = 100n;

type StepState = { state: "waiting" | "running" | "done" | "failed"; note?: string };

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function planPath(staker: string, asset: string, amount: string, limits: { op: string; svc: string; score: string }) {
  const q = new URLSearchParams({
    asset,
    amount,
    maxPerOperator: limits.op,
    maxPerService: limits.svc,
    minScore: limits.score,
  });
  return `/risk/plan/${staker}?${q.toString()}`;
}

export default function Restake() {
  const config = useAppConfig();
  const connection = useConnection();
  const publicClient = usePublicClient();
  const { data: walletClient } = useWalletClient();
  const queryClient = useQueryClient();
  const uid = useId();
  const assets = config.deployment.assets;
  const [symbol, setSymbol] = useState(assets[0]?.symbol ?? "");
  const [amountText, setAmountText] = useState("10");
  const [maxOp, setMaxOp] = useState("50%");
  const [maxSvc, setMaxSvc] = useState("100%");
  const [minScore, setMinScore] = useState("0");
  const [mode, setMode] = useState<"suggested" | "manual">("suggested");
  const [manual, setManual] = useState<Record<string, string>>({});
  const [steps, setSteps] = useState<StepState[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  // The sequence being signed, frozen: the live preview drops the approval once it is mined.
  const [ran, setRan] = useState<Preview | null>(null);
  const [failure, setFailure] = useState<string | undefined>();

  const asset = assets.find((a) => a.symbol === symbol) ?? assets[0];
  const decimals = asset?.decimals ?? 18;
  const amount = parseTokenAmount(amountText, decimals);
  const amountError =
    amountText.trim() === ""
      ? "Enter an amount."
      : amount === undefined
        ? `Not an amount of ${symbol}: write a number like 10 or 2.5, with at most ${decimals} decimals.`
        : amount === 0n
          ? "The amount must be above 0."
          : undefined;
  const staker = connection.address ?? ZERO;
  const debounced = useDebounced({ symbol, amountText, maxOp, maxSvc, minScore }, 350);
  const validDebounced = parseTokenAmount(debounced.amountText, decimals);
  const canPlan = validDebounced !== undefined && validDebounced > 0n;
  const suggested = useApi<PlanAnswer>(
    canPlan
      ? planPath(staker, debounced.symbol, debounced.amountText.trim(), {
          op: debounced.maxOp,
          svc: debounced.maxSvc,
          score: debounced.minScore,
        })
      : null,
    { refetchMs: 60_000, keepPrevious: true },
  );
  // Every pool of the asset (no limits bind): APRs and allocations for a hand-made split.
  const all = useApi<PlanAnswer>(
    canPlan
      ? planPath(staker, debounced.symbol, debounced.amountText.trim(), { op: "100%", svc: "100%", score: "0" })
      : null,
    { refetchMs: 60_000, keepPrevious: true },
  );
  const pools: PlanPool[] = all.data?.pools ?? suggested.data?.pools ?? [];
  const priceEth = all.data?.asset.priceEth ?? suggested.data?.asset.priceEth;
  // Allocations not in force yet (the plan's figures use the magnitudes in force): from each operator's detail.
  const chainNow = useChainNow();
  const services = useServices();
  const poolOperators = pools.map((p) => p.operator.toLowerCase());
  const operatorDetails = useQueries({
    queries: poolOperators.map((op) => ({
      queryKey: ["api", `/operators/${op}`],
      queryFn: () => getJson<OperatorDetail>(`/operators/${op}`),
      refetchInterval: 15_000,
    })),
  });
  const pendingOf = (operator: string) =>
    pendingAllocations(
      operatorDetails[poolOperators.indexOf(operator.toLowerCase())]?.data,
      chainNow,
      asset?.address ?? "",
    );

  const legs: SplitLeg[] = useMemo(() => {
    if (!amount || amount === 0n) return [];
    if (mode === "suggested") return suggested.error ? [] : splitByWeights(amount, planWeights(suggested.data));
    return splitByWeights(
      amount,
      Object.entries(manual).map(([operator, text]) => ({ operator, weight: parsePercentText(text) })),
    );
  }, [amount, mode, manual, suggested.data, suggested.error]);
  const manualSum = Object.values(manual).reduce((s, t) => s + (parsePercentText(t) || 0), 0);
  const manualInvalid = Object.values(manual).some((t) => t.trim() !== "" && Number.isNaN(parsePercentText(t)));
  const manualError =
    mode !== "manual"
      ? undefined
      : manualInvalid
        ? "Each share is a percentage such as 50 or 33.5."
        : Math.abs(manualSum - 100) > 1e-9
          ? `The shares add up to ${Number(manualSum.toFixed(4))}%, not 100%.`
          : undefined;

  const rampart = config.deployment.contracts.rampart as Address;
  const assetAddress = asset?.address as Address;
  const legsKey = legs.map((l) => `${l.operator}:${l.amount}`).join(",");
  const preview = useQuery<Preview>({
    queryKey: ["restake-preview", connection.address, assetAddress, legsKey],
    enabled: !!publicClient && !!connection.address && legs.length > 0 && !manualError && !done,
    queryFn: () =>
      simulateSplit({
        publicClient: publicClient as NonNullable<typeof publicClient>,
        account: connection.address as Address,
        rampart,
        asset: assetAddress,
        legs,
      }),
    refetchInterval: 15_000,
  });
  const balance = useQuery({
    queryKey: ["restake-balance", connection.address, assetAddress],
    enabled: !!publicClient && !!connection.address,
    queryFn: async () =>
      (await publicClient?.readContract({
        address: assetAddress,
        abi: erc20Abi,
        functionName: "balanceOf",
        args: [connection.address as Address],
      })) as bigint,
  });

  // A new question clears the previous run's step statuses.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the split itself changes
  useEffect(() => {
    setSteps([]);
    setDone(false);
    setRan(null);
  }, [legsKey, assetAddress]);

  const local = config.chainId === 31337 && asset?.localStandIn === true;
  const p = ran ?? preview.data;
  const totalGas = (p?.steps ?? []).reduce((s, x) => s + (x.gas ?? 0n), 0n);
  const apr = splitApr(legs, pools);
  const exposure = newExposure(legs, pools);
  const nameOf = (operator: string) =>
    pools.find((x) => x.operator.toLowerCase() === operator.toLowerCase())?.operatorName ?? operator;
  const blocked =
    !walletClient ||
    !p ||
    !!p.error ||
    (preview.isFetching && !ran) ||
    busy ||
    done ||
    legs.length === 0 ||
    !!manualError ||
    !!amountError;

  async function run(): Promise<void> {
    if (!p || !publicClient || !walletClient) return;
    setBusy(true);
    setFailure(undefined);
    setRan(p);
    const states: StepState[] = p.steps.map(() => ({ state: "waiting" }));
    setSteps([...states]);
    for (const [i, step] of p.steps.entries()) {
      states[i] = { state: "running" };
      setSteps([...states]);
      const title =
        step.kind === "approve"
          ? `Approve ${formatAmount(step.amount, decimals, symbol).text} for Rampart`
          : `Deposit ${formatAmount(step.amount, decimals, symbol).text} with ${nameOf(step.operator ?? "")}`;
      const ok = await runTransaction({ title, publicClient, walletClient, call: step.call });
      states[i] = { state: ok ? "done" : "failed", note: ok ? undefined : "see the notice at the bottom right" };
      setSteps([...states]);
      if (!ok) break;
    }
    setBusy(false);
    if (states.every((s) => s.state === "done")) setDone(true);
    else {
      const failed = states.findIndex((x) => x.state === "failed");
      setFailure(
        `Step ${failed + 1} failed (its notice at the bottom right says why); the steps before it are on chain. The preview below is for what is left.`,
      );
      setRan(null);
      setSteps([]);
    }
    refreshSoon(queryClient);
    void queryClient.invalidateQueries({ queryKey: ["restake-balance"] });
  }

  async function getTestTokens(): Promise<void> {
    if (!publicClient || !walletClient || !asset || !connection.address) return;
    const units = TEST_TOKENS * 10n ** BigInt(decimals);
    const call =
      asset.kind === "WETH"
        ? { address: assetAddress, abi: localStandInWethAbi as Abi, functionName: "deposit", args: [], value: units }
        : {
            address: assetAddress,
            abi: localStandInLstAbi as Abi,
            functionName: "mint",
            args: [connection.address, units],
          };
    setBusy(true);
    await runTransaction({
      title: asset.kind === "WETH" ? `Wrap ${TEST_TOKENS} ETH into WETH` : `Mint ${TEST_TOKENS} test ${symbol}`,
      publicClient,
      walletClient,
      call: call as Parameters<typeof runTransaction>[0]["call"],
    });
    setBusy(false);
    void queryClient.invalidateQueries({ queryKey: ["restake-balance"] });
    void queryClient.invalidateQueries({ queryKey: ["restake-preview"] });
  }

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Restake</h1>
      <p className="muted">
        Choose what to deposit and with whom. The risk engine suggests a split that maximises the expected yield after
        expected slashing losses, within your limits; you see the simulated result before you sign anything.
      </p>
      {!connection.address ? (
        <Notice title="No account yet.">
          Connect a wallet (or a dev account on the local network) to see your balance and preview the deposits. The
          suggested split below works without one.
        </Notice>
      ) : null}

      <form className="restake-form" onSubmit={(e) => e.preventDefault()} aria-label="What to deposit">
        <fieldset>
          <legend>What to deposit</legend>
          <div className="toolbar">
            <div>
              <label htmlFor={`${uid}-asset`}>Asset</label>
              <select id={`${uid}-asset`} value={symbol} onChange={(e) => setSymbol(e.target.value)}>
                {assets.map((a) => (
                  <option key={a.address} value={a.symbol}>
                    {a.symbol}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${uid}-amount`}>Amount ({symbol})</label>
              <input
                id={`${uid}-amount`}
                inputMode="decimal"
                value={amountText}
                onChange={(e) => setAmountText(e.target.value)}
                aria-invalid={amountError ? true : undefined}
                aria-describedby={`${uid}-amount-help`}
                autoComplete="off"
                size={16}
              />
            </div>
          </div>
          <p id={`${uid}-amount-help`} className="small-text" data-testid="restake-balance">
            {amountError ? <span className="error-text">{amountError} </span> : null}
            {amount && priceEth ? (
              <>
                Worth <EthAmount wei={toEthWei(amount, decimals, priceEth)} /> at today's rate.{" "}
              </>
            ) : null}
            {balance.data !== undefined ? (
              <>
                You hold <Amount value={balance.data} decimals={decimals} unit={symbol} />.
              </>
            ) : null}
          </p>
          {local && connection.address ? (
            <p className="small-text">
              <button
                type="button"
                className="small secondary"
                onClick={getTestTokens}
                disabled={busy || !walletClient}
              >
                Get {TEST_TOKENS.toString()} test {symbol}
              </button>{" "}
              <span className="muted">Local network only: the stand-in tokens are free to mint.</span>
            </p>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>Your limits</legend>
          <div className="toolbar">
            <div>
              <label htmlFor={`${uid}-maxop`}>At most with one operator</label>
              <select id={`${uid}-maxop`} value={maxOp} onChange={(e) => setMaxOp(e.target.value)}>
                {OPERATOR_LIMITS.map((x) => (
                  <option key={x}>{x}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${uid}-maxsvc`}>At most slashable by one service</label>
              <select id={`${uid}-maxsvc`} value={maxSvc} onChange={(e) => setMaxSvc(e.target.value)}>
                {SERVICE_LIMITS.map((x) => (
                  <option key={x}>{x}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${uid}-score`}>Minimum risk score of its services</label>
              <select id={`${uid}-score`} value={minScore} onChange={(e) => setMinScore(e.target.value)}>
                {MIN_SCORES.map((x) => (
                  <option key={x}>{x}</option>
                ))}
              </select>
            </div>
          </div>
        </fieldset>

        <fieldset>
          <legend>Split across operators</legend>
          <div className="radio-row" role="radiogroup" aria-label="How to split">
            <label>
              <input
                type="radio"
                name={`${uid}-mode`}
                checked={mode === "suggested"}
                onChange={() => setMode("suggested")}
              />{" "}
              Suggested by the risk engine
            </label>
            <label>
              <input
                type="radio"
                name={`${uid}-mode`}
                checked={mode === "manual"}
                onChange={() => {
                  // Start from the suggestion, so "adjust it" is one step.
                  const from = planWeights(suggested.data);
                  const next: Record<string, string> = {};
                  for (const pool of pools) next[pool.operator] = "";
                  const sum = from.reduce((s, w) => s + w.weight, 0);
                  for (const w of from) next[w.operator] = String(Math.round((w.weight / sum) * 10_000) / 100);
                  setManual(next);
                  setMode("manual");
                }}
              />{" "}
              My own split
            </label>
          </div>
          {mode === "suggested" && suggested.error ? (
            <Notice kind="warn" title="No split meets your limits.">
              {(suggested.error as HttpError).message}
              {(suggested.error as HttpError).hint ? <> — {(suggested.error as HttpError).hint}</> : null}. Loosen a
              limit, or make your own split.
            </Notice>
          ) : null}
          {suggested.isLoading || all.isLoading ? <Loading what="the risk engine's split" /> : null}
          {all.error && !all.data ? <ErrorNotice error={all.error} what="the pools of this asset" /> : null}
          {pools.length > 0 ? (
            <Table caption={`Operators running a ${symbol} pool, and your split`} id="restake-split">
              <thead>
                <tr>
                  <th scope="col">Operator</th>
                  <th scope="col">Services that can slash it (share of the pool)</th>
                  <th scope="col" className="num">
                    APR
                  </th>
                  <th scope="col" className="num">
                    Expected loss
                  </th>
                  <th scope="col" className="num">
                    Net APR
                  </th>
                  <th scope="col" className="num">
                    Your share
                  </th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {pools.map((pool) => {
                  const leg = legs.find((l) => l.operator.toLowerCase() === pool.operator.toLowerCase());
                  const share = amount && leg ? Number((leg.amount * 10_000n) / amount) / 10_000 : 0;
                  return (
                    <tr key={pool.operator} data-testid="split-row" data-chosen={leg ? "yes" : "no"}>
                      <td>
                        <AddressLink address={pool.operator} kind="operators" name={pool.operatorName} />
                        {!pool.qualifies && pool.excludedReason ? (
                          <div className="small-text muted">Left out of the suggestion: {pool.excludedReason}</div>
                        ) : null}
                      </td>
                      <td>
                        {pool.services.length === 0
                          ? pendingOf(pool.operator).length === 0
                            ? "None: plain staking"
                            : "None in force yet"
                          : pool.services
                              .map(
                                (s) =>
                                  `${s.serviceName} ${formatPercent(s.allocatedFraction)} (slash cap ${formatPercent(s.maxSlash)})`,
                              )
                              .join("; ")}
                        {pendingOf(pool.operator).map((a) => (
                          <div key={a.setId} className="small-text" data-testid="pending-allocation">
                            Pending: {(a.service && services.names.get(a.service.toLowerCase())) ?? `set #${a.setId}`}{" "}
                            {formatPercent(a.fractionNow)} → {formatPercent(a.fractionThen)} from{" "}
                            {formatTime(a.effectAt)} (in {formatCountdown(a.effectAt - chainNow)})
                          </div>
                        ))}
                      </td>
                      <td className="num">{formatPercent(pool.totalApr)}</td>
                      <td className="num">{pool.expectedLoss > 0 ? `−${formatPercent(pool.expectedLoss)}` : "0%"}</td>
                      <td className="num">{formatPercent(pool.netApr)}</td>
                      <td className="num">
                        {mode === "manual" ? (
                          <>
                            <label className="visually-hidden" htmlFor={`${uid}-share-${pool.operator}`}>
                              Share with {pool.operatorName}, percent
                            </label>
                            <input
                              id={`${uid}-share-${pool.operator}`}
                              className="share-input"
                              inputMode="decimal"
                              value={manual[pool.operator] ?? ""}
                              placeholder="0"
                              size={6}
                              onChange={(e) => setManual({ ...manual, [pool.operator]: e.target.value })}
                            />
                            %
                          </>
                        ) : leg ? (
                          formatPercent(share)
                        ) : (
                          "—"
                        )}
                      </td>
                      <td className="num">
                        {leg ? (
                          <TokenAndEth
                            value={leg.amount}
                            decimals={decimals}
                            unit={symbol}
                            wei={priceEth ? toEthWei(leg.amount, decimals, priceEth) : undefined}
                          />
                        ) : (
                          "—"
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          ) : null}
          {manualError ? (
            <p className="error-text small-text" role="status">
              {manualError}
            </p>
          ) : null}
          {mode === "suggested" && suggested.data && !suggested.error ? (
            <p className="small-text muted" data-testid="plan-summary">
              Suggested:{" "}
              {suggested.data.positions.map((x) => `${x.operatorName} ${formatPercent(x.share, 1)}`).join(", ")}.
              Expected net APR {formatPercent(suggested.data.plan.apr.net)} against{" "}
              {formatPercent(suggested.data.naive.apr.net)} for an even split over every pool; every limit checked in
              integer arithmetic before it is shown.
            </p>
          ) : null}
        </fieldset>
      </form>

      <section aria-labelledby="preview-title">
        <h2 id="preview-title">Preview</h2>
        {!connection.address ? (
          <p className="muted">Connect to simulate the deposits.</p>
        ) : legs.length === 0 ? (
          <p className="muted">Choose an amount and a split to simulate the deposits.</p>
        ) : preview.isLoading ? (
          <Loading what="the simulation" />
        ) : preview.error ? (
          <ErrorNotice error={preview.error} what="the simulation" />
        ) : p ? (
          <>
            {p.error ? (
              <Notice kind="error" title="This would fail, so it cannot be signed.">
                <span data-testid="revert-reason">
                  {p.error.message}
                  {p.error.hint ? ` — ${p.error.hint}` : ""}.
                </span>
                {p.balance < (amount ?? 0n) ? (
                  <>
                    {" "}
                    You hold {formatAmount(p.balance, decimals, symbol).text}: deposit at most that
                    {local ? `, or get test ${symbol} above` : ""}.
                  </>
                ) : null}
              </Notice>
            ) : null}
            <Table caption="The transactions, simulated in order" id="restake-steps">
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col">What</th>
                  <th scope="col" className="num">
                    Shares you receive
                  </th>
                  <th scope="col" className="num">
                    Gas
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {p.steps.map((step, i) => {
                  const s = steps[i];
                  return (
                    <tr key={`${step.kind}-${step.operator ?? ""}`} data-testid="restake-step">
                      <td>{i + 1}</td>
                      <td>
                        {step.kind === "approve" ? (
                          <>
                            Approve Rampart to move <Amount value={step.amount} decimals={decimals} unit={symbol} />{" "}
                            (once, for the total)
                          </>
                        ) : (
                          <>
                            Deposit <Amount value={step.amount} decimals={decimals} unit={symbol} /> with{" "}
                            {nameOf(step.operator ?? "")}
                          </>
                        )}
                      </td>
                      <td className="num">
                        {step.shares !== undefined ? (
                          <Amount value={step.shares} decimals={decimals + 6} unit="shares" />
                        ) : (
                          "—"
                        )}
                      </td>
                      <td className="num">{step.gas !== undefined ? step.gas.toLocaleString("en-US") : "—"}</td>
                      <td>
                        {s?.state === "done"
                          ? "Confirmed"
                          : s?.state === "running"
                            ? "Signing and sending…"
                            : s?.state === "failed"
                              ? `Failed (${s.note})`
                              : step.error
                                ? "Would fail"
                                : s?.state === "waiting"
                                  ? "Waiting for the step before"
                                  : "Simulated: OK"}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
            <div className="cards" data-testid="restake-summary">
              <div className="card">
                <div className="label">Expected APR (today's rates)</div>
                <div className="value">{apr ? formatPercent(apr.total) : "—"}</div>
                <div className="small-text muted">
                  {apr
                    ? `base staking ${formatPercent(apr.base)}, expected slashing loss −${formatPercent(apr.expectedLoss)}, net ${formatPercent(apr.net)}`
                    : null}
                </div>
              </div>
              <div className="card">
                <div className="label">Gas for {p.steps.length} transactions</div>
                <div className="value" title={`${totalGas} gas at ${p.gasPrice} wei`}>
                  {formatEth(totalGas * p.gasPrice).text}
                </div>
                <div className="small-text muted">
                  {totalGas.toLocaleString("en-US")} gas at {formatAmount(p.gasPrice, 9, "gwei").text}
                </div>
              </div>
              <div className="card">
                <div className="label">Fees</div>
                <div className="value">No deposit fee</div>
                <div className="small-text muted">
                  Operators keep a commission on the rewards they pass on:{" "}
                  {legs
                    .map((l) => {
                      const pool = pools.find((x) => x.operator.toLowerCase() === l.operator.toLowerCase());
                      const c = (pool?.services ?? []).map(
                        (s) => `${s.commissionBps === null ? "—" : formatBps(s.commissionBps)} of ${s.serviceName}'s`,
                      );
                      return `${pool?.operatorName ?? l.operator} ${c.length ? c.join(", ") : "nothing (no rewards)"}`;
                    })
                    .join("; ")}
                  .
                </div>
              </div>
            </div>
            <Table caption="New exposure: what each service could slash of this deposit" id="restake-exposure">
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col" className="num">
                    Allocated to it
                  </th>
                  <th scope="col" className="num">
                    One slash at its cap
                  </th>
                  <th scope="col" className="num">
                    Yearly slash probability
                  </th>
                </tr>
              </thead>
              <tbody>
                {exposure.length === 0 ? (
                  <tr>
                    <td colSpan={4}>No service can slash these pools: plain staking.</td>
                  </tr>
                ) : (
                  exposure.map((e) => (
                    <tr key={e.service} data-testid="exposure-row">
                      <td>{e.serviceName}</td>
                      <td className="num">
                        <TokenAndEth
                          value={e.allocated}
                          decimals={decimals}
                          unit={symbol}
                          wei={priceEth ? toEthWei(e.allocated, decimals, priceEth) : undefined}
                        />
                      </td>
                      <td className="num">
                        <TokenAndEth
                          value={e.atCap}
                          decimals={decimals}
                          unit={symbol}
                          wei={priceEth ? toEthWei(e.atCap, decimals, priceEth) : undefined}
                        />
                      </td>
                      <td className="num">{formatPercent(e.probability)}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </Table>
            {mode === "suggested" && suggested.data && suggested.data.plan.warnings.length > 0 ? (
              <Notice kind="warn" title="Worth knowing about this split:">
                <ul className="plain tight">
                  {suggested.data.plan.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </Notice>
            ) : null}
            <p className="small-text muted">
              Each deposit asks for at least its simulated shares less {Number(SHARES_TOLERANCE_BPS) / 100}% (in case
              the pool's rate moves before it is mined); every transaction is simulated again right before you sign it.
            </p>
          </>
        ) : null}
        <div className="toolbar">
          <button type="button" onClick={run} disabled={blocked} data-testid="restake-submit">
            {busy
              ? "Working…"
              : done
                ? "Deposited"
                : p?.steps.some((s) => s.kind === "approve")
                  ? `Approve and deposit (${p.steps.length} transactions)`
                  : `Deposit (${p?.steps.length ?? legs.length} transaction${(p?.steps.length ?? legs.length) === 1 ? "" : "s"})`}
          </button>
          {failure ? (
            <p role="status" className="error-text">
              {failure}
            </p>
          ) : null}
          {done ? (
            <p role="status">
              Deposited. See it on your <a href={href("portfolio")}>Portfolio</a> (the API shows it within seconds).
            </p>
          ) : null}
        </div>
      </section>
    </section>
  );
}
