// Service console, for the connected account as a service: register, create operator sets with their slashing
// policy, fund reward programs (mint test tokens on the local network, approve, create), and request, veto and
// execute slashes with the veto window shown. Every action is simulated first (consoles/shared.tsx TxAction).
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { type Address, isAddress, zeroAddress } from "viem";
import { useConnection, usePublicClient } from "wagmi";
import { directoryAbi, mockErc20Abi, rampartAbi, rewardsAbi } from "../../../src/sdk/abis.ts";
import { metadataName, type SlashRow, useApi } from "../api.ts";
import { Amount, Badge, ErrorNotice, Loading, Notice, Table } from "../components/ui.tsx";
import {
  type ChainSet,
  Field,
  formatDelay,
  isZeroAddress,
  parseTokenAmount,
  percentToWad,
  sameAddress,
  TxAction,
  useAllSets,
  useChainNow,
  useIsService,
  WAD,
  When,
} from "../consoles/shared.tsx";
import { useAppConfig, useAssetInfo } from "../context.ts";
import { formatAmount, formatTime, formatWadPercent, shortAddress } from "../format.ts";
import { useOperators } from "../hooks.ts";
import { href } from "../router.ts";

const DAY = 86_400;

const CATEGORIES = ["other", "data availability", "bridge", "oracle", "sequencer", "coprocessor", "keeper"] as const;

interface ProgramRow {
  programId: string;
  setId: number;
  kind: string;
  asset: string;
  symbol: string | null;
  decimals: number;
  amount: string;
  perDay: string;
  startTime: number;
  endTime: number;
  durationDays: number;
  status: string;
}

interface ServiceDetail {
  service: string;
  name: string | null;
  metadataUri: string;
  categoryName?: string;
  sets: {
    setId: number;
    assets: { asset: string; symbol: string | null; decimals: number }[];
    policy: {
      vetoWindow: number;
      deallocationDelay: number;
      maxSlashWad: string;
      vetoCommittee: string;
      slashRecipient: string;
    };
    operators: { operator: string; joinedTime: number }[];
  }[];
  slashes: SlashRow[];
  programs: ProgramRow[];
}

export default function ServiceConsole() {
  const connection = useConnection();
  const address = connection.address;
  const isService = useIsService(address);
  const sets = useAllSets();
  const now = useChainNow();
  const detail = useApi<ServiceDetail>(isService.data && address ? `/services/${address}` : null);
  const operators = useOperators();
  const mySets = (sets.data ?? []).filter((s) => sameAddress(s.service, address));
  const committeeSets = (sets.data ?? []).filter((s) => sameAddress(s.policy.vetoCommittee, address));

  if (!address) {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title">Service console</h1>
        <Notice title="Connect a service's account.">
          Use Connect at the top. On the local network, dev accounts #10 to #13 are the seeded services (#10 Lattice DA,
          #11 Driftway Bridge, #12 Pythia Oracle, #13 Relay Sequencer), #14 and #16 are veto committees, and #18 and #19
          are free to register.
        </Notice>
      </section>
    );
  }
  const name = detail.data?.name ?? metadataName(detail.data?.metadataUri);
  const opName = (o: string) => operators.names.get(o.toLowerCase());
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Service console</h1>
      {isService.isLoading || sets.isLoading ? <Loading what="your service record" /> : null}
      {isService.data !== undefined ? (
        <dl className="facts" data-testid="service-facts">
          <dt>Account</dt>
          <dd className="mono break">{address}</dd>
          <dt>Status</dt>
          <dd>
            {isService.data ? (
              <>
                <Badge tone="ok">Registered service</Badge>{" "}
                {name ? <a href={href("services", address)}>{name}</a> : null}
              </>
            ) : (
              <Badge tone="neutral">Not registered as a service</Badge>
            )}
          </dd>
          {committeeSets.length > 0 ? (
            <>
              <dt>Veto committee of</dt>
              <dd>{committeeSets.map((s) => `set #${s.setId}`).join(", ")}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {committeeSets.length > 0 ? <VetoSection sets={committeeSets} now={now} opName={opName} /> : null}
      {isService.data === false ? <RegisterService /> : null}
      {isService.data && detail.error ? <ErrorNotice error={detail.error} what="your service from the API" /> : null}
      {isService.data && sets.data ? (
        <>
          <SetsSection sets={mySets} detail={detail.data} opName={opName} />
          <CreateSet />
          <SlashSection sets={mySets} detail={detail.data} now={now} opName={opName} service={address} />
          <ProgramsSection sets={mySets} detail={detail.data} service={address} now={now} />
        </>
      ) : null}
    </section>
  );
}

function RegisterService() {
  const config = useAppConfig();
  const id = useId();
  const [name, setName] = useState("");
  const [category, setCategory] = useState(0);
  const metadata = `data:application/json,${encodeURIComponent(JSON.stringify({ name: name.trim() }))}`;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Register as a service</h2>
      <div className="form-grid">
        <Field id={`${id}-name`} label="Name">
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </Field>
        <Field id={`${id}-category`} label="Category">
          <select id={`${id}-category`} value={category} onChange={(e) => setCategory(Number(e.target.value))}>
            {CATEGORIES.map((c, i) => (
              <option key={c} value={i}>
                {c}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <TxAction
        label="Register service"
        title={`Register service "${name.trim()}"`}
        call={
          name.trim()
            ? {
                address: config.deployment.contracts.directory as Address,
                abi: directoryAbi,
                functionName: "registerService",
                args: [metadata, category],
              }
            : null
        }
        blocked="Give your service a name."
        preview={() => `Registers ${name.trim()} (${CATEGORIES[category]}).`}
        testId="register-service"
      />
    </section>
  );
}

function policyCells(p: {
  vetoWindow: number;
  deallocationDelay: number;
  maxSlashWad: string | bigint;
  vetoCommittee: string;
  slashRecipient: string;
}) {
  return (
    <>
      <td className="num">{formatWadPercent(p.maxSlashWad)}</td>
      <td>
        {p.vetoWindow > 0 ? (
          <>
            {formatDelay(p.vetoWindow)}
            <div className="muted small-text">committee {shortAddress(p.vetoCommittee)}</div>
          </>
        ) : (
          "none (instant)"
        )}
      </td>
      <td>{formatDelay(p.deallocationDelay)}</td>
      <td>
        {isZeroAddress(p.slashRecipient) ? "burned" : <span className="mono">{shortAddress(p.slashRecipient)}</span>}
      </td>
    </>
  );
}

function SetsSection(props: {
  sets: ChainSet[];
  detail: ServiceDetail | undefined;
  opName: (o: string) => string | undefined;
}) {
  const assets = useAssetInfo();
  const id = useId();
  const apiSet = new Map((props.detail?.sets ?? []).map((s) => [s.setId, s]));
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Your operator sets</h2>
      {props.sets.length === 0 ? (
        <p className="muted">No operator sets yet: create one below.</p>
      ) : (
        <Table caption="Your operator sets and their immutable slashing policies" id="console-service-sets">
          <thead>
            <tr>
              <th scope="col">Set</th>
              <th scope="col">Assets</th>
              <th scope="col" className="num">
                Max per slash
              </th>
              <th scope="col">Veto window</th>
              <th scope="col">Deallocation delay</th>
              <th scope="col">Slashed tokens</th>
              <th scope="col" className="num">
                Operators
              </th>
            </tr>
          </thead>
          <tbody>
            {props.sets.map((s) => (
              <tr key={s.setId} data-testid="service-set-row">
                <td>#{s.setId}</td>
                <td>{s.assets.map((a) => assets.get(a.toLowerCase())?.symbol ?? shortAddress(a)).join(", ")}</td>
                {policyCells(s.policy)}
                <td className="num">{apiSet.get(s.setId)?.operators.length ?? "…"}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

function CreateSet() {
  const config = useAppConfig();
  const id = useId();
  const [chosen, setChosen] = useState<Set<string>>(() => new Set());
  const [maxSlash, setMaxSlash] = useState("20");
  const [vetoHours, setVetoHours] = useState("0");
  const [committee, setCommittee] = useState("");
  const [deallocDays, setDeallocDays] = useState("7");
  const [recipient, setRecipient] = useState("");
  const maxWad = percentToWad(maxSlash);
  const veto = Math.round(Number(vetoHours) * 3600);
  const dealloc = Math.round(Number(deallocDays) * DAY);
  const assets = config.deployment.assets.filter((a) => chosen.has(a.address.toLowerCase()));
  const problems: string[] = [];
  if (assets.length === 0) problems.push("Choose at least one asset.");
  if (maxWad === undefined || maxWad === 0n)
    problems.push("The maximum per slash is a percentage above 0, at most 100.");
  if (!Number.isFinite(veto) || veto < 0) problems.push("The veto window is a number of hours (0 for instant).");
  if (!Number.isFinite(dealloc) || dealloc <= 0) problems.push("The deallocation delay is a number of days.");
  if (veto > 0 && !isAddress(committee.trim(), { strict: false }))
    problems.push("A veto window needs a veto committee address.");
  if (recipient.trim() !== "" && !isAddress(recipient.trim(), { strict: false }))
    problems.push("The slash recipient is not an address.");
  const call =
    problems.length === 0 && maxWad !== undefined
      ? {
          address: config.deployment.contracts.rampart as Address,
          abi: rampartAbi,
          functionName: "createOperatorSet",
          args: [
            assets.map((a) => a.address as Address),
            {
              vetoWindow: veto,
              deallocationDelay: dealloc,
              maxSlashWad: maxWad,
              vetoCommittee: (veto > 0 ? committee.trim() : zeroAddress) as Address,
              slashRecipient: (recipient.trim() || zeroAddress) as Address,
            },
            zeroAddress,
          ],
        }
      : null;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Create an operator set</h2>
      <p className="muted small-text">
        The slashing policy is immutable once the set exists: stakers judge it once and rely on it. Veto window at most
        2 days and below the deallocation delay (1 to 30 days).
      </p>
      <fieldset className="console-form">
        <legend>Assets the set accepts</legend>
        <div className="checks">
          {config.deployment.assets.map((a) => (
            <label key={a.address} className="check-label">
              <input
                type="checkbox"
                checked={chosen.has(a.address.toLowerCase())}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(a.address.toLowerCase());
                  else next.delete(a.address.toLowerCase());
                  setChosen(next);
                }}
              />{" "}
              {a.symbol}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-grid">
        <Field id={`${id}-max`} label="Max per slash (%)">
          <input id={`${id}-max`} inputMode="decimal" value={maxSlash} onChange={(e) => setMaxSlash(e.target.value)} />
        </Field>
        <Field id={`${id}-veto`} label="Veto window (hours, 0 = instant)">
          <input
            id={`${id}-veto`}
            inputMode="decimal"
            value={vetoHours}
            onChange={(e) => setVetoHours(e.target.value)}
          />
        </Field>
        <Field id={`${id}-committee`} label="Veto committee">
          <input
            id={`${id}-committee`}
            value={committee}
            onChange={(e) => setCommittee(e.target.value)}
            placeholder="0x… (with a veto window)"
            spellCheck={false}
          />
        </Field>
        <Field id={`${id}-dealloc`} label="Deallocation delay (days)">
          <input
            id={`${id}-dealloc`}
            inputMode="decimal"
            value={deallocDays}
            onChange={(e) => setDeallocDays(e.target.value)}
          />
        </Field>
        <Field id={`${id}-recipient`} label="Slash recipient (blank burns)">
          <input
            id={`${id}-recipient`}
            value={recipient}
            onChange={(e) => setRecipient(e.target.value)}
            placeholder="0x…"
            spellCheck={false}
          />
        </Field>
      </div>
      <TxAction
        label="Create set"
        title={`Create an operator set (${assets.map((a) => a.symbol).join(", ")})`}
        call={call}
        blocked={problems[0]}
        preview={(result) =>
          `Creates operator set #${String(result)}: ${assets.map((a) => a.symbol).join(", ")}, at most ${maxWad !== undefined ? formatWadPercent(maxWad) : ""} per slash, ${veto > 0 ? `a ${formatDelay(veto)} veto window` : "instant slashing"}, ${formatDelay(dealloc)} deallocation delay, slashed tokens ${recipient.trim() ? `to ${shortAddress(recipient.trim())}` : "burned"}.`
        }
        testId="create-set"
        onDone={() => setChosen(new Set())}
      />
    </section>
  );
}

function SlashSection(props: {
  sets: ChainSet[];
  detail: ServiceDetail | undefined;
  now: number;
  opName: (o: string) => string | undefined;
  service: Address;
}) {
  const config = useAppConfig();
  const assets = useAssetInfo();
  const publicClient = usePublicClient();
  const id = useId();
  const rampart = config.deployment.contracts.rampart as Address;
  const [setChoice, setSetChoice] = useState<number | undefined>();
  const set = props.sets.find((s) => s.setId === setChoice) ?? props.sets[0];
  const members = props.detail?.sets.find((s) => s.setId === set?.setId)?.operators ?? [];
  const [opChoice, setOpChoice] = useState<string | undefined>();
  const operator = members.find((o) => o.operator === opChoice)?.operator ?? members[0]?.operator;
  const [assetChoice, setAssetChoice] = useState<string | undefined>();
  const asset = set?.assets.find((a) => a.toLowerCase() === assetChoice) ?? set?.assets[0];
  const [percent, setPercent] = useState("");
  const [reason, setReason] = useState("");
  const wad = percentToWad(percent);
  const info = asset ? assets.get(asset.toLowerCase()) : undefined;
  const slashable = useQuery({
    queryKey: ["chain", "slashable", operator, asset, set?.setId],
    enabled: !!publicClient && !!operator && !!asset && !!set,
    queryFn: async () =>
      (await publicClient?.readContract({
        address: rampart,
        abi: rampartAbi,
        functionName: "slashableAssets",
        args: [operator as Address, asset as Address, set?.setId ?? 0],
      })) ?? 0n,
  });
  const call =
    set && operator && asset && wad !== undefined && wad > 0n
      ? {
          address: rampart,
          abi: rampartAbi,
          functionName: "slash",
          args: [
            { setId: set.setId, operator: operator as Address, assets: [asset], wads: [wad], reason: reason.trim() },
          ],
        }
      : null;
  const estimate = slashable.data !== undefined && wad !== undefined ? (slashable.data * wad) / WAD : undefined;
  const requests = (props.detail?.slashes ?? []).slice().sort((a, b) => Number(b.slashId) - Number(a.slashId));
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Slashing</h2>
      {props.sets.length === 0 ? (
        <p className="muted">Create an operator set first.</p>
      ) : (
        <fieldset className="console-form">
          <legend>Slash an operator</legend>
          <div className="form-grid">
            <Field id={`${id}-set`} label="Set">
              <select
                id={`${id}-set`}
                value={set?.setId}
                onChange={(e) => {
                  setSetChoice(Number(e.target.value));
                  setOpChoice(undefined);
                  setAssetChoice(undefined);
                }}
              >
                {props.sets.map((s) => (
                  <option key={s.setId} value={s.setId}>
                    #{s.setId}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`${id}-operator`} label="Operator">
              <select id={`${id}-operator`} value={operator} onChange={(e) => setOpChoice(e.target.value)}>
                {members.length === 0 ? <option value="">no members</option> : null}
                {members.map((o) => (
                  <option key={o.operator} value={o.operator}>
                    {props.opName(o.operator) ?? shortAddress(o.operator)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`${id}-asset`} label="Asset">
              <select id={`${id}-asset`} value={asset?.toLowerCase()} onChange={(e) => setAssetChoice(e.target.value)}>
                {(set?.assets ?? []).map((a) => (
                  <option key={a} value={a.toLowerCase()}>
                    {assets.get(a.toLowerCase())?.symbol ?? shortAddress(a)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`${id}-pct`} label="Share of the allocation (%)">
              <input
                id={`${id}-pct`}
                inputMode="decimal"
                value={percent}
                onChange={(e) => setPercent(e.target.value)}
                placeholder="e.g. 10"
              />
            </Field>
            <Field id={`${id}-reason`} label="Reason">
              <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
            </Field>
          </div>
          {set ? (
            <p className="small-text" data-testid="slash-context">
              Set #{set.setId}: at most {formatWadPercent(set.policy.maxSlashWad)} per slash;{" "}
              {set.policy.vetoWindow > 0
                ? `a request waits the ${formatDelay(set.policy.vetoWindow)} veto window (committee ${shortAddress(set.policy.vetoCommittee)}), then anyone may execute it.`
                : "no veto window: the slash executes in the same transaction."}{" "}
              {slashable.data !== undefined ? (
                <>
                  Slashable now: <Amount value={slashable.data} decimals={info?.decimals ?? 18} unit={info?.symbol} />.
                </>
              ) : null}
            </p>
          ) : null}
          <TxAction
            label={set && set.policy.vetoWindow > 0 ? "Request slash" : "Slash now"}
            title={`${set && set.policy.vetoWindow > 0 ? "Request a slash of" : "Slash"} ${operator ? (props.opName(operator) ?? shortAddress(operator)) : ""}`}
            call={call}
            blocked={members.length === 0 ? "The set has no operators." : "Enter the share of the allocation to take."}
            preview={() =>
              set && set.policy.vetoWindow > 0 ? (
                <>
                  Opens a request, executable from <When at={props.now + set.policy.vetoWindow} now={props.now} />{" "}
                  unless the committee vetoes it; would take about{" "}
                  {estimate !== undefined ? (
                    <Amount value={estimate} decimals={info?.decimals ?? 18} unit={info?.symbol} />
                  ) : (
                    "…"
                  )}{" "}
                  at today's stake.
                </>
              ) : (
                <>
                  Executes at once and takes about{" "}
                  {estimate !== undefined ? (
                    <Amount value={estimate} decimals={info?.decimals ?? 18} unit={info?.symbol} />
                  ) : (
                    "…"
                  )}{" "}
                  from the operator's pool (its stakers bear it pro rata).
                </>
              )
            }
            testId="slash"
            onDone={() => setPercent("")}
          />
        </fieldset>
      )}
      <h3 className="small-heading">Your slashes</h3>
      {requests.length === 0 ? (
        <p className="muted">No slashes yet.</p>
      ) : (
        <Table caption="Your slash requests and slashes, newest first, with the veto window" id="console-slashes">
          <thead>
            <tr>
              <th scope="col">Slash</th>
              <th scope="col">Operator</th>
              <th scope="col">Asked</th>
              <th scope="col">Status</th>
              <th scope="col">Veto window</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <SlashRequestRow key={r.slashId} row={r} now={props.now} opName={props.opName} canVeto={false} />
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

function SlashRequestRow(props: {
  row: SlashRow;
  now: number;
  opName: (o: string) => string | undefined;
  canVeto: boolean;
}) {
  const config = useAppConfig();
  const r = props.row;
  const rampart = config.deployment.contracts.rampart as Address;
  const open = r.status === "requested" && r.executableAt > props.now;
  const executable = r.status === "requested" && r.executableAt <= props.now;
  return (
    <tr data-testid="slash-request-row">
      <td>
        #{r.slashId}
        <div className="muted small-text">set #{r.setId}</div>
      </td>
      <td>{props.opName(r.operator) ?? <span className="mono">{shortAddress(r.operator)}</span>}</td>
      <td>
        {r.assets.map((a) => (
          <div key={a.asset}>
            {formatWadPercent(a.wad)} of {a.symbol ?? shortAddress(a.asset)}
            {a.assetsSlashed !== null ? (
              <div className="small-text">
                took <Amount value={a.assetsSlashed} decimals={a.decimals} unit={a.symbol} />
              </div>
            ) : null}
          </div>
        ))}
      </td>
      <td>
        <Badge tone={r.status === "executed" ? "bad" : r.status === "vetoed" ? "neutral" : "warn"}>
          {r.status === "requested" ? (open ? "in veto window" : "executable") : r.status}
        </Badge>
      </td>
      <td>
        {r.status === "requested" ? (
          <>
            executable from <When at={r.executableAt} now={props.now} />
          </>
        ) : r.resolvedTime ? (
          <span className="small-text">{formatTime(r.resolvedTime)}</span>
        ) : (
          "—"
        )}
      </td>
      <td>
        {r.status === "requested" && props.canVeto ? (
          <TxAction
            small
            inline
            label={`Veto #${r.slashId}`}
            title={`Veto slash #${r.slashId}`}
            call={{ address: rampart, abi: rampartAbi, functionName: "vetoSlash", args: [BigInt(r.slashId)] }}
            preview={() => "Cancels the request: nothing is slashed."}
            testId={`veto-${r.slashId}`}
          />
        ) : null}
        {r.status === "requested" && !props.canVeto ? (
          <TxAction
            small
            inline
            label={`Execute #${r.slashId}`}
            title={`Execute slash #${r.slashId}`}
            call={{ address: rampart, abi: rampartAbi, functionName: "executeSlash", args: [BigInt(r.slashId)] }}
            preview={() =>
              executable ? "The veto window is over: executing slashes the allocation as it is now." : null
            }
            testId={`execute-${r.slashId}`}
          />
        ) : null}
        {r.status !== "requested" ? <span className="muted">—</span> : null}
      </td>
    </tr>
  );
}

function VetoSection(props: { sets: ChainSet[]; now: number; opName: (o: string) => string | undefined }) {
  const id = useId();
  const q = useApi<{ slashes: SlashRow[] }>("/slashes?status=requested");
  const ids = new Set(props.sets.map((s) => s.setId));
  const rows = (q.data?.slashes ?? []).filter((r) => ids.has(r.setId));
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Slash requests you can veto</h2>
      {rows.length === 0 ? (
        <p className="muted">No pending requests in your sets.</p>
      ) : (
        <Table caption="Pending slash requests of the sets you guard as veto committee" id="console-veto">
          <thead>
            <tr>
              <th scope="col">Slash</th>
              <th scope="col">Operator</th>
              <th scope="col">Asked</th>
              <th scope="col">Status</th>
              <th scope="col">Veto window</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <SlashRequestRow key={r.slashId} row={r} now={props.now} opName={props.opName} canVeto />
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

interface TokenOption {
  symbol: string;
  address: Address;
  decimals: number;
  mintable: boolean;
}

function ProgramsSection(props: {
  sets: ChainSet[];
  detail: ServiceDetail | undefined;
  service: Address;
  now: number;
}) {
  const config = useAppConfig();
  const publicClient = usePublicClient();
  const id = useId();
  const rewards = config.deployment.contracts.rewards as Address;
  // The reward tokens (local stand-ins have a public mint), and WETH, which services may pay in too (no mint: wrap
  // ETH first).
  const tokens: TokenOption[] = [
    ...(config.deployment.rewardTokens ?? []).map((t) => ({
      symbol: t.symbol,
      address: t.address as Address,
      decimals: t.decimals,
      mintable: (t as { localStandIn?: boolean }).localStandIn !== false && config.chainId === 31337,
    })),
    ...config.deployment.assets
      .filter((a) => a.kind === "WETH")
      .map((a) => ({ symbol: a.symbol, address: a.address as Address, decimals: a.decimals, mintable: false })),
  ];
  const [setChoice, setSetChoice] = useState<number | undefined>();
  const set = props.sets.find((s) => s.setId === setChoice) ?? props.sets[props.sets.length - 1];
  const [tokenChoice, setTokenChoice] = useState<string | undefined>();
  const token = tokens.find((t) => t.address.toLowerCase() === tokenChoice) ?? tokens[0];
  const [amountText, setAmountText] = useState("");
  const [daysText, setDaysText] = useState("30");
  const amount = token ? parseTokenAmount(amountText, token.decimals) : undefined;
  const days = Number(daysText);
  const daysOk = Number.isInteger(days) && days > 0 && days <= 365;
  const balances = useQuery({
    queryKey: ["chain", "reward-token", token?.address, props.service],
    enabled: !!publicClient && !!token,
    refetchInterval: 10_000,
    queryFn: async () => {
      if (!publicClient || !token) return { balance: 0n, allowance: 0n };
      const [balance, allowance] = await Promise.all([
        publicClient.readContract({
          address: token.address,
          abi: mockErc20Abi,
          functionName: "balanceOf",
          args: [props.service],
        }),
        publicClient.readContract({
          address: token.address,
          abi: mockErc20Abi,
          functionName: "allowance",
          args: [props.service, rewards],
        }),
      ]);
      return { balance, allowance };
    },
  });
  const startTime = Math.floor(props.now / DAY) * DAY;
  const balance = balances.data?.balance;
  const allowance = balances.data?.allowance;
  const short = amount !== undefined && balance !== undefined && balance < amount;
  const needsApproval = amount !== undefined && allowance !== undefined && allowance < amount;
  const createCall =
    set && token && amount !== undefined && amount > 0n && daysOk && !short && !needsApproval
      ? {
          address: rewards,
          abi: rewardsAbi,
          functionName: "createProgram",
          args: [
            {
              setId: set.setId,
              kind: 0,
              token: token.address,
              amount,
              startTime,
              duration: days * DAY,
              assets: [...set.assets],
              weights: set.assets.map(() => 1n),
              operators: [],
              operatorAmounts: [],
            },
          ],
        }
      : null;
  const programs = props.detail?.programs ?? [];
  const fmt = (v: bigint) => (token ? formatAmount(v, token.decimals, token.symbol).text : "");
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Reward programs</h2>
      {programs.length === 0 ? (
        <p className="muted">No reward programs yet.</p>
      ) : (
        <Table caption="Your reward programs" id="console-programs">
          <thead>
            <tr>
              <th scope="col">Program</th>
              <th scope="col">Set</th>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col" className="num">
                Per day
              </th>
              <th scope="col">Runs</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {programs.map((p) => (
              <tr key={p.programId} data-testid="program-row">
                <td>#{p.programId}</td>
                <td>#{p.setId}</td>
                <td>{p.kind}</td>
                <td className="num">
                  <Amount value={p.amount} decimals={p.decimals} unit={p.symbol} />
                </td>
                <td className="num">
                  <Amount value={p.perDay} decimals={p.decimals} unit={p.symbol} />
                </td>
                <td className="small-text">
                  {formatTime(p.startTime).slice(0, 10)} to {formatTime(p.endTime).slice(0, 10)} ({p.durationDays} days)
                </td>
                <td>{p.status}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {props.sets.length === 0 || !token ? (
        <p className="muted">
          {props.sets.length === 0 ? "Create an operator set first." : "No reward tokens in this deployment."}
        </p>
      ) : (
        <fieldset className="console-form">
          <legend>Fund a reward program</legend>
          <div className="form-grid">
            <Field id={`${id}-set`} label="Set">
              <select id={`${id}-set`} value={set?.setId} onChange={(e) => setSetChoice(Number(e.target.value))}>
                {props.sets.map((s) => (
                  <option key={s.setId} value={s.setId}>
                    #{s.setId}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`${id}-token`} label="Reward token">
              <select
                id={`${id}-token`}
                value={token.address.toLowerCase()}
                onChange={(e) => setTokenChoice(e.target.value)}
              >
                {tokens.map((t) => (
                  <option key={t.address} value={t.address.toLowerCase()}>
                    {t.symbol}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`${id}-amount`} label={`Amount (${token.symbol})`}>
              <input
                id={`${id}-amount`}
                inputMode="decimal"
                value={amountText}
                onChange={(e) => setAmountText(e.target.value)}
                placeholder="e.g. 1000"
              />
            </Field>
            <Field id={`${id}-days`} label="Days">
              <input
                id={`${id}-days`}
                inputMode="numeric"
                value={daysText}
                onChange={(e) => setDaysText(e.target.value)}
              />
            </Field>
          </div>
          <p className="small-text" data-testid="program-context">
            Your balance:{" "}
            {balance !== undefined ? <Amount value={balance} decimals={token.decimals} unit={token.symbol} /> : "…"}
            {"; approved for the rewards contract: "}
            {allowance !== undefined ? <Amount value={allowance} decimals={token.decimals} unit={token.symbol} /> : "…"}
            . Starts {formatTime(startTime)} (today, UTC midnight), pro rata over the set's allocated stake, every asset
            weighted 1.
          </p>
          <ol className="steps">
            {short && token.mintable ? (
              <li>
                <TxAction
                  label={`Mint ${fmt(amount - (balance ?? 0n))}`}
                  title={`Mint ${fmt(amount - (balance ?? 0n))} (local test token)`}
                  call={{
                    address: token.address,
                    abi: mockErc20Abi,
                    functionName: "mint",
                    args: [props.service, amount - (balance ?? 0n)],
                  }}
                  preview={() => "Local network only: the reward-token stand-ins have a public mint."}
                  testId="mint-reward"
                />
              </li>
            ) : null}
            {needsApproval || short ? (
              <li>
                <TxAction
                  label={`Approve ${amount !== undefined ? fmt(amount) : ""}`}
                  title={`Approve ${amount !== undefined ? fmt(amount) : ""} for the rewards contract`}
                  call={
                    amount !== undefined
                      ? { address: token.address, abi: mockErc20Abi, functionName: "approve", args: [rewards, amount] }
                      : null
                  }
                  preview={() => "Lets the rewards contract escrow exactly this amount."}
                  testId="approve-reward"
                />
              </li>
            ) : null}
            <li>
              <TxAction
                label="Create program"
                title={`Fund a ${days}-day ${token.symbol} program for set #${set?.setId}`}
                call={createCall}
                blocked={
                  amount === undefined || amount === 0n
                    ? "Enter the amount."
                    : !daysOk
                      ? "A program lasts 1 to 365 whole days."
                      : short
                        ? `Your balance is below ${fmt(amount)}${token.mintable ? ": mint test tokens first" : ""}.`
                        : needsApproval
                          ? "Approve the amount first."
                          : undefined
                }
                preview={(result) =>
                  amount !== undefined ? (
                    <>
                      Creates program #{String(result)}: {fmt(amount)} over {days} days,{" "}
                      <Amount value={amount / BigInt(days)} decimals={token.decimals} unit={token.symbol} /> a day, for
                      set #{set?.setId}.
                    </>
                  ) : null
                }
                testId="create-program"
                onDone={() => setAmountText("")}
              />
            </li>
          </ol>
        </fieldset>
      )}
    </section>
  );
}
