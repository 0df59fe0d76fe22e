// The staking-versus-restaking fan chart: for each horizon, the p5–p95 band and the median (p50) of the simulated
// end value in ETH, for plain staking and for restaking the same tokens (GET /risk/compare). Recharts lives in this
// lazy chunk; the same figures are in the table below the chart.
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Table } from "../components/ui.tsx";
import { formatEth, formatPercent } from "../format.ts";

export interface FanPoint {
  days: number;
  staking: { p5: string; p50: string; p95: string };
  restaking: { p5: string; p50: string; p95: string };
  probabilityRestakingBelow: number;
}

const eth = (wei: string) => Number(BigInt(wei) / 10n ** 12n) / 1e6;

export default function FanChart(props: { asset: string; startEth: string; points: FanPoint[]; paths: number }) {
  const start = eth(props.startEth);
  const data = [
    { days: 0, stakingBand: [start, start], restakingBand: [start, start], stakingP50: start, restakingP50: start },
    ...props.points.map((p) => ({
      days: p.days,
      stakingBand: [eth(p.staking.p5), eth(p.staking.p95)],
      restakingBand: [eth(p.restaking.p5), eth(p.restaking.p95)],
      stakingP50: eth(p.staking.p50),
      restakingP50: eth(p.restaking.p50),
    })),
  ];
  const all = data.flatMap((d) => [...d.stakingBand, ...d.restakingBand]);
  const min = Math.min(...all);
  const max = Math.max(...all);
  const pad = (max - min) * 0.1 || start * 0.01 || 0.01;
  return (
    <figure aria-labelledby="fan-caption" style={{ margin: 0 }}>
      <figcaption id="fan-caption">
        {props.asset}: value in ETH over the next year, staking against restaking (p5–p95 band, p50 line;{" "}
        {props.paths.toLocaleString("en-US")} simulated paths per point)
      </figcaption>
      <div
        className="chart"
        role="img"
        aria-label="Fan chart of the simulated value of staking and restaking over time; the same figures are in the table below"
      >
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ left: 8, right: 16, top: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="days" type="number" domain={[0, "dataMax"]} unit=" d" />
            <YAxis
              domain={[Math.max(0, min - pad), max + pad]}
              tickFormatter={(v: number) => v.toFixed(2)}
              width={64}
              label={{ value: "ETH", angle: -90, position: "insideLeft" }}
            />
            <Tooltip
              formatter={(v) =>
                Array.isArray(v) ? v.map((x) => Number(x).toFixed(4)).join(" – ") : Number(v).toFixed(4)
              }
            />
            <Legend />
            <Area
              dataKey="stakingBand"
              isAnimationActive={false}
              name="Staking p5–p95"
              fill="#9bb7d4"
              stroke="#5b7fa6"
              fillOpacity={0.35}
            />
            <Area
              dataKey="restakingBand"
              isAnimationActive={false}
              name="Restaking p5–p95"
              fill="#e0b070"
              stroke="#a8742a"
              fillOpacity={0.35}
            />
            <Line
              dataKey="stakingP50"
              isAnimationActive={false}
              name="Staking p50"
              stroke="#1f4e79"
              strokeWidth={2}
              dot
            />
            <Line
              dataKey="restakingP50"
              isAnimationActive={false}
              name="Restaking p50"
              stroke="#7a4a00"
              strokeWidth={2}
              dot
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <Table caption={`${props.asset}: the fan chart's figures (ETH)`} id="fan-table">
        <thead>
          <tr>
            <th scope="col">Horizon</th>
            <th scope="col" className="num">
              Staking p5
            </th>
            <th scope="col" className="num">
              Staking p50
            </th>
            <th scope="col" className="num">
              Staking p95
            </th>
            <th scope="col" className="num">
              Restaking p5
            </th>
            <th scope="col" className="num">
              Restaking p50
            </th>
            <th scope="col" className="num">
              Restaking p95
            </th>
            <th scope="col" className="num">
              Restaking ends below staking
            </th>
          </tr>
        </thead>
        <tbody>
          {props.points.map((p) => (
            <tr key={p.days} data-testid="fan-row">
              <td>{p.days} days</td>
              {[p.staking.p5, p.staking.p50, p.staking.p95, p.restaking.p5, p.restaking.p50, p.restaking.p95].map(
                (v, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                  <td className="num" key={i} title={formatEth(v).full}>
                    {formatEth(v).text}
                  </td>
                ),
              )}
              <td className="num">{formatPercent(p.probabilityRestakingBelow)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </figure>
  );
}
