import type { SlashRow } from "../api.ts";
import { formatAmount, formatTime, formatWadPercent } from "../format.ts";
import { AddressLink, Badge, Table } from "./ui.tsx";

export function SlashTable(props: {
  slashes: SlashRow[];
  caption: string;
  operatorNames: Map<string, string>;
  serviceNames: Map<string, string>;
}) {
  if (props.slashes.length === 0) return <p>No slashes.</p>;
  return (
    <Table caption={props.caption}>
      <thead>
        <tr>
          <th scope="col">ID</th>
          <th scope="col">Status</th>
          <th scope="col">Service</th>
          <th scope="col">Operator</th>
          <th scope="col">Asked / taken</th>
          <th scope="col">Reason</th>
          <th scope="col">Requested</th>
        </tr>
      </thead>
      <tbody>
        {props.slashes.map((s) => (
          <tr key={s.slashId} data-testid="slash-row">
            <td>{s.slashId}</td>
            <td>
              <Badge tone={s.status === "executed" ? "bad" : s.status === "vetoed" ? "neutral" : "warn"}>
                {s.status === "requested" ? `requested (executable ${formatTime(s.executableAt)})` : s.status}
              </Badge>
            </td>
            <td>
              {s.service ? (
                <AddressLink address={s.service} kind="services" name={props.serviceNames.get(s.service)} />
              ) : (
                "—"
              )}
            </td>
            <td>
              <AddressLink address={s.operator} kind="operators" name={props.operatorNames.get(s.operator)} />
            </td>
            <td>
              {s.assets.map((a) => {
                const taken = a.assetsSlashed ? formatAmount(a.assetsSlashed, a.decimals, a.symbol ?? "tokens") : null;
                return (
                  <div key={a.asset}>
                    {formatWadPercent(a.wad)} of {a.symbol ?? "asset"} allocation
                    {taken ? (
                      <>
                        {" "}
                        → <span title={taken.full}>{taken.text}</span> taken
                      </>
                    ) : null}
                  </div>
                );
              })}
            </td>
            <td>{s.reason || "—"}</td>
            <td>{formatTime(s.requestedTime)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
