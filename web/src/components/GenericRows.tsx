// Renders the arrays of objects in a JSON answer as tables: for API routes whose shapes are still being settled
// (rewards), so the screen shows what the API says instead of nothing. Amount-like fields beside `decimals` are
// formatted as tokens.
import { formatAmount, shortAddress } from "../format.ts";
import { Table } from "./ui.tsx";

type Row = Record<string, unknown>;

function cell(key: string, value: unknown, row: Row): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string" && /^\d+$/.test(value) && typeof row.decimals === "number" && !/id$/i.test(key)) {
    return formatAmount(value, row.decimals, String(row.symbol ?? row.token ?? "")).text;
  }
  if (typeof value === "string" && /^0x[0-9a-fA-F]{40}$/.test(value)) return shortAddress(value);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function arraysOf(value: unknown, path: string[] = []): { path: string; rows: Row[] }[] {
  if (Array.isArray(value)) {
    return value.length > 0 && value.every((v) => v && typeof v === "object" && !Array.isArray(v))
      ? [{ path: path.join("."), rows: value as Row[] }]
      : [];
  }
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => arraysOf(v, [...path, k]));
  }
  return [];
}

export function GenericRows(props: { data: unknown; caption: string }) {
  const tables = arraysOf(props.data);
  if (tables.length === 0) return <p className="muted">Nothing to show yet.</p>;
  return (
    <>
      {tables.map(({ path, rows }) => {
        const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter(
          (k) => k !== "decimals" && (typeof rows[0]?.[k] !== "object" || rows[0]?.[k] === null),
        );
        return (
          <Table key={path} caption={`${props.caption}${path ? ` (${path})` : ""}`}>
            <thead>
              <tr>
                {keys.map((k) => (
                  <th key={k} scope="col">
                    {k}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of an unknown shape have no id
                <tr key={i}>
                  {keys.map((k) => (
                    <td key={k}>{cell(k, row[k], row)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        );
      })}
    </>
  );
}
