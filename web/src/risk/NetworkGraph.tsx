// The network view's graph: operators on the left, services (one per operator set) on the right, a line for each
// operator that is a member of a service's set (solid when it has stake allocated to it, dashed when not). Nodes
// named in `marked` (the worst attack, or the operators a shock removes and the services a cascade corrupts) are
// drawn heavier and labelled in words. Plain SVG: no chart library; the same facts are in a table below it.
import { Table } from "../components/ui.tsx";

export interface GraphNode {
  id: string;
  name: string;
}

export interface GraphEdge {
  operator: string;
  service: string;
  allocated: boolean;
}

export function NetworkGraph(props: {
  operators: GraphNode[];
  services: GraphNode[];
  edges: GraphEdge[];
  /** Nodes to highlight, the caption's sentence about them, and the word for each kind ("removed by the shock"). */
  marked: { operators: Set<string>; services: Set<string>; label: string; operatorWord: string; serviceWord: string };
}) {
  const { operators, services, edges, marked } = props;
  const rows = Math.max(operators.length, services.length, 1);
  const rowH = 34;
  const height = rows * rowH + 20;
  const width = 700;
  const leftX = 230;
  const rightX = width - 200;
  const y = (i: number, n: number) => 10 + (rows * rowH * (i + 0.5)) / n;
  const opY = new Map(operators.map((o, i) => [o.id, y(i, operators.length)]));
  const svcY = new Map(services.map((s, i) => [s.id, y(i, services.length)]));
  const mark = (set: Set<string>, id: string) => set.has(id.toLowerCase()) || set.has(id);
  return (
    <figure aria-labelledby="graph-caption" style={{ margin: 0 }}>
      <figcaption id="graph-caption">
        Operators (left) and the services they secure (right): solid line, stake allocated; dashed, member without an
        allocation. {marked.label}
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="network-graph"
        role="img"
        aria-label={`Graph of ${operators.length} operators and ${services.length} services; the same links are listed in the table below`}
      >
        {edges.map((e) => {
          const y1 = opY.get(e.operator);
          const y2 = svcY.get(e.service);
          if (y1 === undefined || y2 === undefined) return null;
          const hot = mark(marked.operators, e.operator) && mark(marked.services, e.service);
          return (
            <line
              key={`${e.operator}-${e.service}`}
              x1={leftX}
              y1={y1}
              x2={rightX}
              y2={y2}
              stroke={hot ? "#a11" : "#6b7a8c"}
              strokeWidth={hot ? 3 : 1.2}
              strokeDasharray={e.allocated ? undefined : "5 4"}
            />
          );
        })}
        {operators.map((o) => {
          const hot = mark(marked.operators, o.id);
          const cy = opY.get(o.id) ?? 0;
          return (
            <g key={o.id}>
              <circle cx={leftX} cy={cy} r={hot ? 8 : 6} fill={hot ? "#a11" : "#1f4e79"} />
              <text x={leftX - 12} y={cy + 4} textAnchor="end" fontSize="13" fontWeight={hot ? 700 : 400}>
                {hot ? `⚠ ${o.name}` : o.name}
              </text>
            </g>
          );
        })}
        {services.map((s) => {
          const hot = mark(marked.services, s.id);
          const cy = svcY.get(s.id) ?? 0;
          return (
            <g key={s.id}>
              <rect
                x={rightX - 7}
                y={cy - 7}
                width={14}
                height={14}
                fill={hot ? "#a11" : "#7a4a00"}
                stroke={hot ? "#400" : "none"}
              />
              <text x={rightX + 12} y={cy + 4} fontSize="13" fontWeight={hot ? 700 : 400}>
                {hot ? `⚠ ${s.name}` : s.name}
              </text>
            </g>
          );
        })}
      </svg>
      <Table caption="Who secures what (the graph's links)" id="graph-table">
        <thead>
          <tr>
            <th scope="col">Operator</th>
            <th scope="col">Services, with stake allocated</th>
            <th scope="col">Member only (no allocation)</th>
          </tr>
        </thead>
        <tbody>
          {operators.map((o) => {
            const mine = edges.filter((e) => e.operator === o.id);
            const name = (id: string) => services.find((s) => s.id === id)?.name ?? id;
            return (
              <tr key={o.id}>
                <td>
                  {o.name}
                  {mark(marked.operators, o.id) ? <strong> ({marked.operatorWord})</strong> : null}
                </td>
                <td>
                  {mine
                    .filter((e) => e.allocated)
                    .map((e) =>
                      mark(marked.services, e.service) ? `${name(e.service)} (${marked.serviceWord})` : name(e.service),
                    )
                    .join(", ") || "—"}
                </td>
                <td>
                  {mine
                    .filter((e) => !e.allocated)
                    .map((e) => name(e.service))
                    .join(", ") || "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </figure>
  );
}
