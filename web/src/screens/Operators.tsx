// Operators: a searchable, sortable list (TVL per asset, stakers, commission, services secured, a slashing record
// badge in words) with links to each operator's detail.
import { useMemo, useState } from "react";
import { type OperatorSummary, type SlashRow, useApi } from "../api.ts";
import { AddressLink, Badge, ErrorNotice, EthAmount, Loading, Table, TokenAndEth } from "../components/ui.tsx";
import { formatBps, formatPercent, toBigInt } from "../format.ts";
import { useOperators } from "../hooks.ts";

type SortKey = "name" | "tvl" | "stakers" | "commission" | "services" | "slashes";

const SORTS: { key: SortKey; label: string }[] = [
  { key: "tvl", label: "TVL" },
  { key: "name", label: "Name" },
  { key: "stakers", label: "Stakers" },
  { key: "commission", label: "Commission" },
  { key: "services", label: "Services secured" },
  { key: "slashes", label: "Slashes" },
];

/** TVL in ETH when the API gives it, else summed over assets scaled to 18 decimals: only for ordering. */
function tvlForSort(o: OperatorSummary): bigint {
  if (o.tvlEth) return toBigInt(o.tvlEth);
  return o.tvl.reduce((acc, t) => acc + toBigInt(t.amount) * 10n ** BigInt(Math.max(0, 18 - t.decimals)), 0n);
}

function commissionRange(o: OperatorSummary): { min: number; max: number } | undefined {
  if (o.commissions.length === 0) return undefined;
  const bps = o.commissions.map((c) => c.bps);
  return { min: Math.min(...bps), max: Math.max(...bps) };
}

/** Above this share of an operator's TVL, one staker leaving (or one key lost) moves the whole operator. */
const CONCENTRATED = 0.5;

/**
 * What a restaker should know before backing an operator, in words (never colour alone): its slashing record,
 * whether it secures no service at all (plain staking, no extra rewards, no extra risk), and whether one staker
 * dominates its pools.
 */
export function RiskSignals(props: { operator: OperatorSummary; slashes: SlashRow[] }) {
  const executed = props.slashes.filter((s) => s.status === "executed").length;
  const requested = props.slashes.filter((s) => s.status === "requested").length;
  const largest = props.operator.concentration?.largestStakerShare ?? null;
  const secures = new Set(props.operator.sets.map((s) => s.service)).size;
  return (
    <span className="signals">
      {executed > 0 ? <Badge tone="bad">Slashed {executed}×</Badge> : <Badge tone="ok">No slashes</Badge>}
      {requested > 0 ? <Badge tone="warn">{requested} slash pending</Badge> : null}
      {secures === 0 ? <Badge tone="neutral">Plain staking only</Badge> : null}
      {largest !== null && largest > CONCENTRATED ? (
        <Badge tone="warn">One staker holds {formatPercent(largest, 0)}</Badge>
      ) : null}
    </span>
  );
}

export default function Operators() {
  const operators = useOperators();
  const slashes = useApi<{ slashes: SlashRow[] }>("/slashes");
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<SortKey>("tvl");
  const [descending, setDescending] = useState(true);
  const slashesOf = useMemo(() => {
    const map = new Map<string, SlashRow[]>();
    for (const s of slashes.data?.slashes ?? []) map.set(s.operator, [...(map.get(s.operator) ?? []), s]);
    return map;
  }, [slashes.data]);
  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const list = (operators.data?.operators ?? []).filter((o) => {
      if (!needle) return true;
      const name = operators.names.get(o.operator) ?? "";
      return name.toLowerCase().includes(needle) || o.operator.includes(needle);
    });
    const key = (o: OperatorSummary): bigint | number | string => {
      switch (sort) {
        case "name":
          return (operators.names.get(o.operator) ?? o.operator).toLowerCase();
        case "tvl":
          return tvlForSort(o);
        case "stakers":
          return o.stakers;
        case "commission":
          return commissionRange(o)?.max ?? -1;
        case "services":
          return new Set(o.sets.map((s) => s.service)).size;
        case "slashes":
          return (slashesOf.get(o.operator) ?? []).filter((s) => s.status === "executed").length;
      }
    };
    const sorted = [...list].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const c = x < y ? -1 : x > y ? 1 : 0;
      return descending ? -c : c;
    });
    return sorted;
  }, [operators.data, operators.names, search, sort, descending, slashesOf]);

  const header = (key: SortKey, label: string, numeric = false) => (
    <th
      scope="col"
      className={numeric ? "num" : undefined}
      aria-sort={sort === key ? (descending ? "descending" : "ascending") : "none"}
    >
      <button
        type="button"
        className="sort"
        onClick={() => {
          if (sort === key) setDescending(!descending);
          else {
            setSort(key);
            setDescending(key !== "name");
          }
        }}
      >
        {label}
        {sort === key ? (descending ? " ↓" : " ↑") : ""}
        <span className="visually-hidden">, sort</span>
      </button>
    </th>
  );

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Operators</h1>
      <p className="muted">
        Operators run the validators your stake backs. Each chooses which services may slash its pools and what
        commission it takes on their rewards.
      </p>
      <div className="toolbar">
        <div>
          <label htmlFor="operator-search">Search by name or address</label>
          <input
            id="operator-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            autoComplete="off"
          />
        </div>
        <div>
          <label htmlFor="operator-sort">Sort by</label>
          <select id="operator-sort" value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            {SORTS.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="secondary" onClick={() => setDescending(!descending)}>
          Order: {descending ? "high to low" : "low to high"}
        </button>
      </div>
      {operators.isLoading ? <Loading what="operators" /> : null}
      {operators.error ? <ErrorNotice error={operators.error} what="operators" /> : null}
      {operators.data ? (
        <>
          <p role="status" className="muted small-text">
            {rows.length} of {operators.data.operators.length} operators
          </p>
          <Table caption="Registered operators" id="operators">
            <thead>
              <tr>
                {header("name", "Operator")}
                {header("tvl", "TVL", true)}
                {header("stakers", "Stakers", true)}
                {header("commission", "Commission", true)}
                {header("services", "Services secured", true)}
                {header("slashes", "Risk signals")}
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => {
                const range = commissionRange(o);
                return (
                  <tr key={o.operator} data-testid="operator-row">
                    <td>
                      <AddressLink address={o.operator} kind="operators" name={operators.names.get(o.operator)} />
                    </td>
                    <td className="num">
                      {o.tvl.length === 0
                        ? "—"
                        : o.tvl.map((t) => (
                            <div key={t.asset}>
                              <TokenAndEth
                                value={t.amount}
                                decimals={t.decimals}
                                unit={t.symbol}
                                wei={(t as { eth?: string | null }).eth}
                              />
                            </div>
                          ))}
                      {o.tvlEth && o.tvl.length > 1 ? (
                        <div>
                          <strong>
                            Total <EthAmount wei={o.tvlEth} />
                          </strong>
                        </div>
                      ) : null}
                    </td>
                    <td className="num">{o.stakers}</td>
                    <td className="num">
                      {range
                        ? range.min === range.max
                          ? formatBps(range.min)
                          : `${formatBps(range.min)}–${formatBps(range.max)}`
                        : "—"}
                    </td>
                    <td className="num">{new Set(o.sets.map((s) => s.service)).size}</td>
                    <td>
                      <RiskSignals operator={o} slashes={slashesOf.get(o.operator) ?? []} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </>
      ) : null}
    </section>
  );
}
