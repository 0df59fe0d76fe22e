// The APR breakdown: base staking yield, then each service's rewards net of commission, against plain staking of
// the same assets. Recharts is heavy, so this is its own lazy chunk; the figures are also given as a table so the
// chart is never the only way to read them.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Table } from "../components/ui.tsx";
import { formatPercent } from "../format.ts";

export interface AprBreakdown {
  base: number;
  rewards: number;
  total: number;
  plainStaking: number;
  expectedLoss?: number;
  net?: number;
  byService?: { service: string; serviceName?: string; apr: number }[];
}

export default function AprChart(props: {
  apr: AprBreakdown;
  serviceName: (service: string, fallback?: string) => string;
}) {
  const { apr } = props;
  const rows = [
    { name: "Base staking yield", apr: apr.base },
    ...(apr.byService ?? []).map((s) => ({ name: props.serviceName(s.service, s.serviceName), apr: s.apr })),
    { name: "Total (restaking)", apr: apr.total },
    ...(apr.expectedLoss !== undefined ? [{ name: "Expected slashing loss", apr: -apr.expectedLoss }] : []),
    ...(apr.net !== undefined ? [{ name: "Net of expected loss", apr: apr.net }] : []),
    { name: "Plain staking (same assets)", apr: apr.plainStaking },
  ];
  const data = rows.map((r) => ({ ...r, percent: Number((r.apr * 100).toFixed(3)) }));
  return (
    <figure aria-labelledby="apr-caption" style={{ margin: 0 }}>
      <figcaption id="apr-caption">APR breakdown, % a year: restaking against plain staking</figcaption>
      <div
        className="chart"
        role="img"
        aria-label="Bar chart of the APR breakdown; the same figures are in the table below"
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ left: 16, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" unit="%" />
            <YAxis type="category" dataKey="name" width={160} />
            <Tooltip formatter={(v) => `${v}%`} />
            <Bar dataKey="percent" name="APR" fill="#1f4e79" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table caption="APR breakdown (figures of the chart)">
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col" className="num">
              APR
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <td>{r.name}</td>
              <td className="num">{formatPercent(r.apr)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </figure>
  );
}
