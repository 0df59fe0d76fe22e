// Stake securing a service over time, from GET /timeseries/services/{address}/stake?range=.
import { useState } from "react";
import { useApi } from "../api.ts";
import { ErrorNotice, Loading } from "../components/ui.tsx";
import AmountHistory, { type HistoryPoint, type Range, RangePicker } from "./AmountHistory.tsx";

interface Point {
  day: number;
  date: string;
  stake: HistoryPoint["amounts"];
  stakeEth?: string | null;
}

export default function StakeHistory(props: { path: string; title: string }) {
  const [range, setRange] = useState<Range>("1m");
  const q = useApi<{ points: Point[] }>(`${props.path}?range=${range}`, { refetchMs: 60_000 });
  return (
    <figure style={{ margin: 0 }} aria-labelledby="stake-history-caption">
      <figcaption id="stake-history-caption">{props.title}</figcaption>
      <RangePicker range={range} onRange={setRange} label="Range of the stake history" />
      {q.isLoading ? <Loading what="the history" /> : null}
      {q.error ? <ErrorNotice error={q.error} what="the history" /> : null}
      {q.data ? (
        <AmountHistory
          title={props.title}
          points={q.data.points.map((p) => ({ day: p.day, date: p.date, amounts: p.stake, eth: p.stakeEth }))}
        />
      ) : null}
    </figure>
  );
}
