// Amounts per asset over time (stake securing a service, an operator's TVL), with a range picker. One asset: its line
// in tokens. Several assets: their total in ETH when the API prices every day (one unit on the axis), else one line per
// asset. The axis is labelled with its unit; a short or single-day series is drawn as dots, so one point still shows.
// Lazy (Recharts). The last day's figures are also given as text, and every point as a table behind a disclosure, so
// the chart is never the only way to read them.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Amount, EthAmount, Table } from "../components/ui.tsx";
import { toBigInt } from "../format.ts";

export const RANGES = ["1w", "1m", "3m", "1y", "all"] as const;
export type Range = (typeof RANGES)[number];
const COLORS = ["#1f4e79", "#a3191b", "#1d6b35", "#7a4b00", "#5b2a86"];

export interface HistoryPoint {
  day: number;
  date: string;
  amounts: { asset: string; symbol: string | null; decimals: number; amount: string }[];
  /** The day's total in ETH wei (the API's `tvlEth` / `stakeEth`), null when an asset has no rate. */
  eth?: string | null;
}

/** Up to this many days, every point is also drawn as a dot (a single day would otherwise draw nothing). */
const DOTS_UP_TO = 40;
const ETH_KEY = "Total (ETH)";

/** A base-unit amount as a float, for plotting only (the table keeps exact values). */
const plot = (amount: string, decimals: number) =>
  Number(toBigInt(amount) / 10n ** BigInt(Math.max(0, decimals - 6))) / 1e6;

export function RangePicker(props: { range: Range; onRange: (range: Range) => void; label: string }) {
  return (
    <fieldset className="range-picker">
      <legend className="visually-hidden">{props.label}</legend>
      {RANGES.map((r) => (
        <button
          key={r}
          type="button"
          className={r === props.range ? "small" : "small secondary"}
          aria-pressed={r === props.range}
          onClick={() => props.onRange(r)}
        >
          {r}
        </button>
      ))}
    </fieldset>
  );
}

export default function AmountHistory(props: { points: HistoryPoint[]; title: string }) {
  const { points } = props;
  const assets = [...new Map(points.flatMap((p) => p.amounts.map((s) => [s.asset, s] as const))).values()];
  const hasEth = points.length > 0 && points.every((p) => p.eth !== undefined && p.eth !== null);
  const inEth = assets.length > 1 && hasEth;
  const unit = inEth ? "ETH" : assets.length === 1 ? (assets[0]?.symbol ?? "tokens") : "tokens (mixed units)";
  const series = inEth ? [{ key: ETH_KEY }] : assets.map((a) => ({ key: a.symbol ?? a.asset }));
  const data = points.map((p) => ({
    date: p.date,
    ...(inEth
      ? { [ETH_KEY]: plot(p.eth ?? "0", 18) }
      : Object.fromEntries(p.amounts.map((s) => [s.symbol ?? s.asset, plot(s.amount, s.decimals)]))),
  }));
  const dot = points.length <= DOTS_UP_TO ? { r: 3 } : false;
  const last = points.at(-1);
  if (points.length === 0) return <p className="muted">No history yet.</p>;
  return (
    <>
      <div className="chart" role="img" aria-label={`${props.title}; the figures are in the table below`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ left: 8, right: 16, top: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="date" minTickGap={24} />
            <YAxis
              width={72}
              label={{ value: unit, angle: -90, position: "insideLeft", style: { textAnchor: "middle" } }}
            />
            <Tooltip formatter={(v, name) => [`${v} ${inEth ? "ETH" : name}`, name]} />
            <Legend />
            {series.map((x, i) => (
              <Line
                key={x.key}
                type="stepAfter"
                dataKey={x.key}
                stroke={COLORS[i % COLORS.length]}
                dot={dot}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {last ? (
        <p className="small-text">
          On {last.date}:{" "}
          {last.amounts.length === 0
            ? "nothing"
            : last.amounts.map((s, i) => (
                <span key={s.asset}>
                  {i > 0 ? ", " : ""}
                  <Amount value={s.amount} decimals={s.decimals} unit={s.symbol} />
                </span>
              ))}
          {last.eth ? (
            <>
              {" "}
              (<EthAmount wei={last.eth} /> in all)
            </>
          ) : null}
        </p>
      ) : null}
      <details>
        <summary>Every day as a table</summary>
        <Table caption={`${props.title}, per day`}>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {assets.map((a) => (
                <th key={a.asset} scope="col" className="num">
                  {a.symbol ?? a.asset}
                </th>
              ))}
              {hasEth ? (
                <th scope="col" className="num">
                  Total in ETH
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.day}>
                <td>{p.date}</td>
                {assets.map((a) => {
                  const s = p.amounts.find((x) => x.asset === a.asset);
                  return (
                    <td key={a.asset} className="num">
                      {s ? <Amount value={s.amount} decimals={s.decimals} unit={s.symbol} /> : "—"}
                    </td>
                  );
                })}
                {hasEth ? <td className="num">{p.eth ? <EthAmount wei={p.eth} /> : "—"}</td> : null}
              </tr>
            ))}
          </tbody>
        </Table>
      </details>
    </>
  );
}
