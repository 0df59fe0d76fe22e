// Operator console, for the connected account as an operator: register, join and leave operator sets, allocate with
// the pending → effective timeline, and change commissions with their delay. Every action is simulated first
// (consoles/shared.tsx TxAction): a revert shows its decoded reason and hint, and the button stays disabled.
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { type Address, isAddress, zeroAddress } from "viem";
import { useConnection, usePublicClient } from "wagmi";
import { directoryAbi, rampartAbi } from "../../../src/sdk/abis.ts";
import { Amount, Badge, Loading, Notice, Table } from "../components/ui.tsx";
import {
  type ChainSet,
  Field,
  formatDelay,
  percentToWad,
  TxAction,
  useAllSets,
  useChainNow,
  useDirectoryOperator,
  useWithdrawalDelay,
  WAD,
  When,
} from "../consoles/shared.tsx";
import { useAppConfig, useAssetInfo } from "../context.ts";
import { formatBps, formatPercent, formatWadPercent, shortAddress } from "../format.ts";
import { useOperators, useServices } from "../hooks.ts";
import { href } from "../router.ts";

const ZERO_MAG = 0n;
const pct = (part: bigint, whole: bigint): string =>
  whole === 0n ? "0%" : formatPercent(Number((part * 1_000_000n) / whole) / 1_000_000);

interface AllocationState {
  setId: number;
  asset: Address;
  magnitude: bigint;
  pendingMagnitude: bigint;
  effectAt: number;
  slashable: bigint;
}

interface PoolState {
  asset: Address;
  maxMagnitude: bigint;
  encumbered: bigint;
  totalAssets: bigint;
}

/** The operator's memberships, allocations (the core's view, pending changes applied lazily), pools, commissions. */
function useOperatorState(operator: Address | undefined, sets: ChainSet[] | undefined) {
  const config = useAppConfig();
  const publicClient = usePublicClient();
  const rampart = config.deployment.contracts.rampart as Address;
  const directory = config.deployment.contracts.directory as Address;
  return useQuery({
    queryKey: ["chain", "operator-state", operator, sets?.length],
    enabled: !!publicClient && !!operator && !!sets,
    refetchInterval: 10_000,
    queryFn: async () => {
      if (!publicClient || !operator || !sets) throw new Error("not ready");
      const memberships = await Promise.all(
        sets.map((s) =>
          publicClient.readContract({
            address: rampart,
            abi: rampartAbi,
            functionName: "getMembership",
            args: [operator, s.setId],
          }),
        ),
      );
      const member = new Map(sets.map((s, i) => [s.setId, memberships[i]?.member ?? false]));
      const allocatedPools = new Map(sets.map((s, i) => [s.setId, Number(memberships[i]?.allocatedPools ?? 0)]));
      const allocationKeys = sets
        .filter((s) => member.get(s.setId))
        .flatMap((s) => s.assets.map((asset) => ({ setId: s.setId, asset })));
      const allocations: AllocationState[] = await Promise.all(
        allocationKeys.map(async (k) => {
          const [a, slashable] = await Promise.all([
            publicClient.readContract({
              address: rampart,
              abi: rampartAbi,
              functionName: "getAllocation",
              args: [operator, k.asset, k.setId],
            }),
            publicClient.readContract({
              address: rampart,
              abi: rampartAbi,
              functionName: "slashableAssets",
              args: [operator, k.asset, k.setId],
            }),
          ]);
          return {
            ...k,
            magnitude: BigInt(a.magnitude),
            pendingMagnitude: BigInt(a.pendingMagnitude),
            effectAt: Number(a.effectAt),
            slashable,
          };
        }),
      );
      const assets = [...new Set(sets.flatMap((s) => s.assets))];
      const poolList = await Promise.all(
        assets.map((asset) =>
          publicClient.readContract({
            address: rampart,
            abi: rampartAbi,
            functionName: "getPool",
            args: [operator, asset],
          }),
        ),
      );
      const pools = new Map<string, PoolState>(
        assets.map((asset, i) => {
          const p = poolList[i];
          return [
            asset.toLowerCase(),
            {
              asset,
              maxMagnitude: WAD - BigInt(p?.slashedMagnitude ?? 0n),
              encumbered: BigInt(p?.encumberedMagnitude ?? 0n),
              totalAssets: BigInt(p?.totalAssets ?? 0n),
            },
          ];
        }),
      );
      const services = [...new Set(sets.filter((s) => member.get(s.setId)).map((s) => s.service.toLowerCase()))];
      const commissions = await Promise.all(
        services.map(async (service) => {
          const [inForce, stored] = await Promise.all([
            publicClient.readContract({
              address: directory,
              abi: directoryAbi,
              functionName: "commissionOf",
              args: [operator, service as Address],
            }),
            publicClient.readContract({
              address: directory,
              abi: directoryAbi,
              functionName: "getCommission",
              args: [operator, service as Address],
            }),
          ]);
          return {
            service: service as Address,
            bps: Number(inForce),
            set: stored.set,
            pendingBps: Number(stored.pendingBps),
            effectAt: Number(stored.effectAt),
          };
        }),
      );
      return { member, allocatedPools, allocations, pools, commissions };
    },
  });
}

export default function OperatorConsole() {
  const connection = useConnection();
  const address = connection.address;
  const directoryInfo = useDirectoryOperator(address);
  const sets = useAllSets();
  const state = useOperatorState(directoryInfo.data?.registered ? address : undefined, sets.data);
  const services = useServices();
  const withdrawalDelay = useWithdrawalDelay();
  const now = useChainNow();
  // The list, not /operators/{address}: right after registering, the indexer may not know the operator yet.
  const operators = useOperators();
  const name = address ? operators.names.get(address.toLowerCase()) : undefined;
  const serviceName = (s: string) => services.names.get(s.toLowerCase()) ?? shortAddress(s);

  if (!address) {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title">Operator console</h1>
        <Notice title="Connect an operator's account.">
          Use Connect at the top. On the local network, dev accounts #3 to #9 are the seeded operators and #18 and #19
          are free to register as new ones.
        </Notice>
      </section>
    );
  }
  const d = directoryInfo.data;
  const delayInForce =
    d && d.allocationDelayEffectAt > 0 && now >= d.allocationDelayEffectAt
      ? d.pendingAllocationDelay
      : d?.allocationDelay;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Operator console</h1>
      {directoryInfo.isLoading || sets.isLoading ? <Loading what="your operator record" /> : null}
      {d ? (
        <dl className="facts" data-testid="operator-facts">
          <dt>Account</dt>
          <dd className="mono break">{address}</dd>
          <dt>Status</dt>
          <dd>
            {d.registered ? (
              <>
                <Badge tone="ok">Registered</Badge> {name ? <a href={href("operators", address)}>{name}</a> : null}
              </>
            ) : (
              <Badge tone="neutral">Not registered</Badge>
            )}
          </dd>
          {d.registered ? (
            <>
              <dt>Allocation delay</dt>
              <dd data-testid="allocation-delay">
                {delayInForce && delayInForce > 0
                  ? `${formatDelay(delayInForce)}: an increase becomes slashable this long after you make it`
                  : "none: an increase becomes slashable at once"}
              </dd>
            </>
          ) : null}
          <dt>Commission delay</dt>
          <dd>
            {withdrawalDelay !== undefined
              ? `${formatDelay(withdrawalDelay)} (the withdrawal delay): an increase waits this long; a decrease applies at once`
              : "…"}
          </dd>
        </dl>
      ) : null}
      {d && !d.registered ? <RegisterOperator /> : null}
      {d?.registered && sets.data && state.data ? (
        <>
          <SetsSection
            sets={sets.data}
            member={state.data.member}
            allocatedPools={state.data.allocatedPools}
            allocations={state.data.allocations}
            serviceName={serviceName}
            operator={address}
            withdrawalDelay={withdrawalDelay}
          />
          <AllocationsSection
            operator={address}
            sets={sets.data}
            state={state.data}
            serviceName={serviceName}
            allocationDelay={delayInForce ?? 0}
            withdrawalDelay={withdrawalDelay}
            now={now}
          />
          <CommissionsSection
            operator={address}
            commissions={state.data.commissions}
            serviceName={serviceName}
            withdrawalDelay={withdrawalDelay}
            now={now}
          />
        </>
      ) : null}
    </section>
  );
}

function RegisterOperator() {
  const config = useAppConfig();
  const id = useId();
  const [name, setName] = useState("");
  const [delayHours, setDelayHours] = useState("24");
  const [delegate, setDelegate] = useState("");
  const hours = Number(delayHours);
  const delayOk = delayHours.trim() !== "" && Number.isFinite(hours) && hours >= 0 && hours <= 720;
  const delegateOk = delegate.trim() === "" || isAddress(delegate.trim(), { strict: false });
  const metadata = name.trim()
    ? `data:application/json,${encodeURIComponent(JSON.stringify({ name: name.trim() }))}`
    : "";
  const call =
    delayOk && delegateOk && name.trim()
      ? {
          address: config.deployment.contracts.directory as Address,
          abi: directoryAbi,
          functionName: "registerOperator",
          args: [metadata, (delegate.trim() || zeroAddress) as Address, Math.round(hours * 3600)],
        }
      : null;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Register as an operator</h2>
      <p className="muted small-text">
        Your name goes in the metadata URI. The allocation delay (at most 30 days) is how long stakers get before an
        allocation increase makes their stake slashable: longer is safer for them.
      </p>
      <div className="form-grid">
        <Field id={`${id}-name`} label="Name">
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </Field>
        <Field id={`${id}-delay`} label="Allocation delay (hours)">
          <input
            id={`${id}-delay`}
            inputMode="decimal"
            value={delayHours}
            onChange={(e) => setDelayHours(e.target.value)}
          />
        </Field>
        <Field id={`${id}-delegate`} label="Delegate (optional)" help="An address that may act for you">
          <input
            id={`${id}-delegate`}
            value={delegate}
            onChange={(e) => setDelegate(e.target.value)}
            placeholder="0x…"
            spellCheck={false}
            aria-describedby={`${id}-delegate-help`}
          />
        </Field>
      </div>
      <TxAction
        label="Register"
        title={`Register operator "${name.trim()}"`}
        call={call}
        blocked={
          !name.trim()
            ? "Give your operator a name."
            : !delayOk
              ? "The allocation delay is a number of hours from 0 to 720."
              : "The delegate is not an address."
        }
        preview={() => `Registers ${name.trim()} with an allocation delay of ${formatDelay(Math.round(hours * 3600))}.`}
        testId="register-operator"
      />
    </section>
  );
}

function policyText(s: ChainSet): string {
  const veto = s.policy.vetoWindow > 0 ? `veto window ${formatDelay(s.policy.vetoWindow)}` : "instant slashing";
  return `max ${formatWadPercent(s.policy.maxSlashWad)} per slash, ${veto}, deallocation delay ${formatDelay(s.policy.deallocationDelay)}`;
}

function SetsSection(props: {
  sets: ChainSet[];
  member: Map<number, boolean>;
  allocatedPools: Map<number, number>;
  allocations: AllocationState[];
  serviceName: (s: string) => string;
  operator: Address;
  withdrawalDelay: number | undefined;
}) {
  const config = useAppConfig();
  const assets = useAssetInfo();
  const id = useId();
  const rampart = config.deployment.contracts.rampart as Address;
  const joinable = props.sets.filter((s) => !props.member.get(s.setId));
  const joined = props.sets.filter((s) => props.member.get(s.setId));
  const [joinId, setJoinId] = useState<number | undefined>();
  const [leaveId, setLeaveId] = useState<number | undefined>();
  const join = joinable.find((s) => s.setId === joinId) ?? joinable[0];
  const leave = joined.find((s) => s.setId === leaveId) ?? joined[0];
  // Finished deallocations not settled yet still count in the membership's allocated pools and block leaving: the
  // pools whose allocation reads as zero with nothing pending are the ones to settle (settling is a no-op otherwise).
  const live = props.allocations.filter(
    (a) => a.setId === leave?.setId && (a.magnitude > ZERO_MAG || a.effectAt > 0),
  ).length;
  const toSettle =
    leave && (props.allocatedPools.get(leave.setId) ?? 0) > live
      ? leave.assets.filter(
          (asset) =>
            !props.allocations.some(
              (a) =>
                a.setId === leave.setId &&
                a.asset.toLowerCase() === asset.toLowerCase() &&
                (a.magnitude > ZERO_MAG || a.effectAt > 0),
            ),
        )
      : [];
  const symbols = (s: ChainSet) =>
    s.assets.map((a) => assets.get(a.toLowerCase())?.symbol ?? shortAddress(a)).join(", ");
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Operator sets</h2>
      <Table caption="Every operator set, its slashing policy and whether you are a member" id="console-sets">
        <thead>
          <tr>
            <th scope="col">Set</th>
            <th scope="col">Service</th>
            <th scope="col">Assets</th>
            <th scope="col">Slashing policy</th>
            <th scope="col">You</th>
          </tr>
        </thead>
        <tbody>
          {props.sets.map((s) => (
            <tr key={s.setId} data-testid="set-row">
              <td>#{s.setId}</td>
              <td>
                <a href={href("services", s.service)}>{props.serviceName(s.service)}</a>
              </td>
              <td>{symbols(s)}</td>
              <td className="small-text">{policyText(s)}</td>
              <td>{props.member.get(s.setId) ? <Badge tone="ok">Member</Badge> : <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <div className="console-forms">
        <fieldset className="console-form">
          <legend>Join a set</legend>
          {joinable.length === 0 ? (
            <p className="muted small-text">You are a member of every set.</p>
          ) : (
            <>
              <Field id={`${id}-join`} label="Set to join">
                <select id={`${id}-join`} value={join?.setId} onChange={(e) => setJoinId(Number(e.target.value))}>
                  {joinable.map((s) => (
                    <option key={s.setId} value={s.setId}>
                      #{s.setId} {props.serviceName(s.service)}
                    </option>
                  ))}
                </select>
              </Field>
              {join ? <p className="small-text muted">{policyText(join)}</p> : null}
              <TxAction
                label="Join"
                title={`Join operator set #${join?.setId}`}
                call={
                  join
                    ? {
                        address: rampart,
                        abi: rampartAbi,
                        functionName: "joinOperatorSet",
                        args: [props.operator, join.setId, "0x"],
                      }
                    : null
                }
                preview={() =>
                  `Joins set #${join?.setId}. Nothing is slashable until you allocate to it.${join && join.registrar !== zeroAddress ? " The set's registrar checks your eligibility." : ""}`
                }
                testId="join-set"
              />
            </>
          )}
        </fieldset>
        <fieldset className="console-form">
          <legend>Leave a set</legend>
          {joined.length === 0 ? (
            <p className="muted small-text">You are not a member of any set.</p>
          ) : (
            <>
              <Field id={`${id}-leave`} label="Set to leave">
                <select id={`${id}-leave`} value={leave?.setId} onChange={(e) => setLeaveId(Number(e.target.value))}>
                  {joined.map((s) => (
                    <option key={s.setId} value={s.setId}>
                      #{s.setId} {props.serviceName(s.service)}
                    </option>
                  ))}
                </select>
              </Field>
              <p className="small-text muted">
                Deallocate everything first (to 0%), wait the set's deallocation delay, and settle: then you can leave.
              </p>
              {toSettle.map((asset) => (
                <TxAction
                  key={asset}
                  label={`Settle ${assets.get(asset.toLowerCase())?.symbol ?? shortAddress(asset)}`}
                  title={`Settle the ${assets.get(asset.toLowerCase())?.symbol ?? ""} allocation to set #${leave?.setId}`}
                  call={{
                    address: rampart,
                    abi: rampartAbi,
                    functionName: "settleAllocation",
                    args: [props.operator, asset, leave?.setId ?? 0],
                  }}
                  preview={() => "Frees a finished deallocation, so that the pool no longer counts as allocated here."}
                />
              ))}
              <TxAction
                label="Leave"
                title={`Leave operator set #${leave?.setId}`}
                call={
                  leave
                    ? {
                        address: rampart,
                        abi: rampartAbi,
                        functionName: "leaveOperatorSet",
                        args: [props.operator, leave.setId],
                      }
                    : null
                }
                preview={() => `Leaves set #${leave?.setId}.`}
                testId="leave-set"
              />
            </>
          )}
        </fieldset>
      </div>
    </section>
  );
}

function AllocationsSection(props: {
  operator: Address;
  sets: ChainSet[];
  state: { member: Map<number, boolean>; allocations: AllocationState[]; pools: Map<string, PoolState> };
  serviceName: (s: string) => string;
  allocationDelay: number;
  withdrawalDelay: number | undefined;
  now: number;
}) {
  const config = useAppConfig();
  const assets = useAssetInfo();
  const id = useId();
  const rampart = config.deployment.contracts.rampart as Address;
  const joined = props.sets.filter((s) => props.state.member.get(s.setId));
  const [setId, setSetId] = useState<number | undefined>();
  const set = joined.find((s) => s.setId === setId) ?? joined[0];
  const [assetChoice, setAssetChoice] = useState<string | undefined>();
  const asset = set?.assets.find((a) => a.toLowerCase() === assetChoice) ?? set?.assets[0];
  const [target, setTarget] = useState("");
  const info = (a: string) => assets.get(a.toLowerCase());
  const setOf = new Map(props.sets.map((s) => [s.setId, s]));
  const shown = props.state.allocations.filter((a) => a.magnitude > ZERO_MAG || a.effectAt > 0);
  const pool = asset ? props.state.pools.get(asset.toLowerCase()) : undefined;
  const current =
    set && asset
      ? props.state.allocations.find((a) => a.setId === set.setId && a.asset.toLowerCase() === asset.toLowerCase())
      : undefined;
  const targetWad = percentToWad(target);
  const maxMag = pool?.maxMagnitude ?? WAD;
  const free = pool ? pool.maxMagnitude - pool.encumbered : WAD;
  const currentMag = current ? (current.effectAt > 0 ? current.pendingMagnitude : current.magnitude) : 0n;
  const targetMag = targetWad !== undefined ? (targetWad * maxMag) / WAD : undefined;
  const increase = targetMag !== undefined && targetMag > (current?.magnitude ?? 0n);
  const deallocationDelay = set
    ? Math.min(set.policy.deallocationDelay, props.withdrawalDelay ?? set.policy.deallocationDelay)
    : 0;
  const symbol = asset ? (info(asset)?.symbol ?? shortAddress(asset)) : "";
  const call =
    set && asset && targetWad !== undefined
      ? {
          address: rampart,
          abi: rampartAbi,
          functionName: "allocate",
          args: [props.operator, asset, set.setId, targetWad],
        }
      : null;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Allocations</h2>
      {shown.length === 0 ? (
        <p>
          <Badge tone="ok">Not allocated</Badge> No service can slash your pools yet.
        </p>
      ) : (
        <Table
          caption="Your allocations: what each set can slash now, and pending changes with when they take effect"
          id="console-allocations"
        >
          <thead>
            <tr>
              <th scope="col">Set</th>
              <th scope="col">Asset</th>
              <th scope="col" className="num">
                Slashable now
              </th>
              <th scope="col">Timeline</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => {
              const s = setOf.get(a.setId);
              const p = props.state.pools.get(a.asset.toLowerCase());
              const m = p?.maxMagnitude ?? WAD;
              const a1 = info(a.asset);
              const pending = a.effectAt > 0 && a.effectAt > props.now;
              return (
                <tr key={`${a.setId}:${a.asset}`} data-testid="allocation-row">
                  <td>
                    #{a.setId} {s ? props.serviceName(s.service) : ""}
                  </td>
                  <td>{a1?.symbol ?? shortAddress(a.asset)}</td>
                  <td className="num">
                    {pct(a.magnitude, m)}
                    <div className="small-text">
                      <Amount value={a.slashable} decimals={a1?.decimals ?? 18} unit={a1?.symbol} />
                    </div>
                  </td>
                  <td>
                    {pending ? (
                      <ol className="timeline">
                        <li>
                          <Badge tone="warn">Pending</Badge> now {pct(a.magnitude, m)}
                        </li>
                        <li>
                          {a.pendingMagnitude > a.magnitude ? "rises" : "falls"} to {pct(a.pendingMagnitude, m)} at{" "}
                          <When at={a.effectAt} now={props.now} />
                        </li>
                      </ol>
                    ) : (
                      <>
                        <Badge tone="ok">Effective</Badge> {pct(a.effectAt > 0 ? a.pendingMagnitude : a.magnitude, m)}{" "}
                        in force
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {joined.length === 0 ? (
        <Notice>Join an operator set first; then you can allocate your pools to it.</Notice>
      ) : (
        <fieldset className="console-form">
          <legend>Allocate</legend>
          <div className="form-grid">
            <Field id={`${id}-set`} label="Set">
              <select
                id={`${id}-set`}
                value={set?.setId}
                onChange={(e) => {
                  setSetId(Number(e.target.value));
                  setAssetChoice(undefined);
                }}
              >
                {joined.map((s) => (
                  <option key={s.setId} value={s.setId}>
                    #{s.setId} {props.serviceName(s.service)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`${id}-asset`} label="Pool (asset)">
              <select id={`${id}-asset`} value={asset?.toLowerCase()} onChange={(e) => setAssetChoice(e.target.value)}>
                {(set?.assets ?? []).map((a) => (
                  <option key={a} value={a.toLowerCase()}>
                    {info(a)?.symbol ?? shortAddress(a)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`${id}-target`} label="Target share of the pool (%)" help="0 deallocates">
              <input
                id={`${id}-target`}
                inputMode="decimal"
                value={target}
                onChange={(e) => setTarget(e.target.value)}
                placeholder="e.g. 25"
                aria-describedby={`${id}-target-help`}
              />
            </Field>
          </div>
          <p className="small-text" data-testid="allocate-context">
            Allocated to this set: {pct(currentMag, maxMag)}. Unallocated in your {symbol} pool: {pct(free, maxMag)}
            {pool ? (
              <>
                {" "}
                (pool: <Amount value={pool.totalAssets} decimals={info(asset ?? "")?.decimals ?? 18} unit={symbol} />)
              </>
            ) : null}
            . This set's share can go up to {pct((current?.magnitude ?? 0n) + free, maxMag)}.
          </p>
          <TxAction
            label="Allocate"
            title={`Allocate ${target.trim()}% of ${symbol} to set #${set?.setId}`}
            call={call}
            blocked={target.trim() === "" ? "Enter the target share." : "The target is a percentage from 0 to 100."}
            preview={() =>
              increase
                ? props.allocationDelay > 0
                  ? `Pending: ${pct(current?.magnitude ?? 0n, maxMag)} now, ${target.trim()}% slashable from ${new Date((props.now + props.allocationDelay) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC (your allocation delay, ${formatDelay(props.allocationDelay)}).`
                  : `Takes effect at once: ${target.trim()}% of the pool becomes slashable by set #${set?.setId} now (you have no allocation delay).`
                : `A decrease: the current ${pct(current?.magnitude ?? 0n, maxMag)} stays slashable for ${formatDelay(deallocationDelay)} (the set's deallocation delay, capped by the withdrawal delay), then ${target.trim()}% applies.`
            }
            testId="allocate"
            onDone={() => setTarget("")}
          />
        </fieldset>
      )}
    </section>
  );
}

function CommissionsSection(props: {
  operator: Address;
  commissions: { service: Address; bps: number; set: boolean; pendingBps: number; effectAt: number }[];
  serviceName: (s: string) => string;
  withdrawalDelay: number | undefined;
  now: number;
}) {
  const config = useAppConfig();
  const id = useId();
  const [serviceChoice, setServiceChoice] = useState<string | undefined>();
  const [percent, setPercent] = useState("");
  const current = props.commissions.find((c) => c.service.toLowerCase() === serviceChoice) ?? props.commissions[0];
  const p = Number(percent.trim().replace(/%$/, ""));
  const bps = percent.trim() !== "" && Number.isFinite(p) && p >= 0 && p <= 100 ? Math.round(p * 100) : undefined;
  const call =
    current && bps !== undefined
      ? {
          address: config.deployment.contracts.directory as Address,
          abi: directoryAbi,
          functionName: "setCommission",
          args: [props.operator, current.service, bps],
        }
      : null;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Commissions</h2>
      {props.commissions.length === 0 ? (
        <p className="muted">Join a set to set your commission on its service's rewards.</p>
      ) : (
        <>
          <Table caption="Your commission on each service's rewards, with pending changes" id="console-commissions">
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col" className="num">
                  In force
                </th>
                <th scope="col">Pending change</th>
              </tr>
            </thead>
            <tbody>
              {props.commissions.map((c) => (
                <tr key={c.service} data-testid="commission-row">
                  <td>{props.serviceName(c.service)}</td>
                  <td className="num">
                    {formatBps(c.bps)}
                    {!c.set ? <div className="muted small-text">default</div> : null}
                  </td>
                  <td>
                    {c.effectAt > props.now ? (
                      <>
                        <Badge tone="warn">Pending</Badge> to {formatBps(c.pendingBps)} at{" "}
                        <When at={c.effectAt} now={props.now} />
                      </>
                    ) : (
                      "none"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          <fieldset className="console-form">
            <legend>Change a commission</legend>
            <div className="form-grid">
              <Field id={`${id}-service`} label="Service">
                <select
                  id={`${id}-service`}
                  value={current?.service.toLowerCase()}
                  onChange={(e) => setServiceChoice(e.target.value)}
                >
                  {props.commissions.map((c) => (
                    <option key={c.service} value={c.service.toLowerCase()}>
                      {props.serviceName(c.service)} (now {formatBps(c.bps)})
                    </option>
                  ))}
                </select>
              </Field>
              <Field id={`${id}-bps`} label="New commission (%)">
                <input
                  id={`${id}-bps`}
                  inputMode="decimal"
                  value={percent}
                  onChange={(e) => setPercent(e.target.value)}
                  placeholder="e.g. 8"
                />
              </Field>
            </div>
            <TxAction
              label="Set commission"
              title={`Set the ${current ? props.serviceName(current.service) : ""} commission to ${bps !== undefined ? formatBps(bps) : ""}`}
              call={call}
              blocked={percent.trim() === "" ? "Enter the new commission." : "A commission is from 0% to 100%."}
              preview={() =>
                current && bps !== undefined && bps > current.bps
                  ? `An increase: ${formatBps(current.bps)} stays in force until ${new Date((props.now + (props.withdrawalDelay ?? 0)) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC (after the withdrawal delay, ${formatDelay(props.withdrawalDelay ?? 0)}), so stakers who disagree can leave first.`
                  : `A decrease applies at once: ${bps !== undefined ? formatBps(bps) : ""} from now.`
              }
              testId="set-commission"
              onDone={() => setPercent("")}
            />
          </fieldset>
        </>
      )}
    </section>
  );
}
