// Daily series for charts. The indexer snapshots the state at the end of every UTC day that had events
// (`pool_days`, `allocation_days`, `network_days`); a day without events repeats the last snapshot before it, and days
// from the open day (the day of the last indexed event) on are the live tables. Values are per UTC day, as of its last
// second (today: as of the last indexed block).

import { DAY, RANGES, type RangeKey } from "../common.ts";
import { ApiError } from "../http.ts";
import type { Context } from "../route.ts";

export interface DayWindow {
  /** UTC days (unix seconds / 86400), oldest first. */
  days: number[];
  today: number;
}

/** The days a range covers, ending today (the day of the last indexed block), never before the first indexed day. */
export async function dayWindow(ctx: Context, range: RangeKey): Promise<DayWindow> {
  const today = Math.floor((await ctx.now()) / DAY);
  const [first] = await ctx.perBlock("firstDay", () =>
    ctx.db.query<{ d: string | null }>("SELECT (MIN(block_time) / 86400)::text AS d FROM events"),
  );
  const firstDay = first?.d === null || first?.d === undefined ? today : Number(first.d);
  const span = RANGES[range];
  const start = span === null ? firstDay : Math.max(firstDay, today - span + 1);
  const days: number[] = [];
  for (let d = start; d <= today; d++) days.push(d);
  if (days.length > 3_660) {
    throw new ApiError(400, `range "${range}" covers ${days.length} days`, "ask for a shorter range, e.g. ?range=1y");
  }
  return { days, today };
}

/** Which source each day reads: a snapshot day, "live", or null (before any snapshot). */
export async function daySources(
  ctx: Context,
  window: DayWindow,
): Promise<{ source: (number | "live" | null)[]; snapshotDays: number[] }> {
  const [cursor] = await ctx.db.query<{ d: string }>("SELECT open_day::text AS d FROM day_cursor");
  const openDay = cursor ? Number(cursor.d) : null;
  const first = window.days[0] ?? window.today;
  const last = window.days[window.days.length - 1] ?? window.today;
  const rows = await ctx.db.query<{ day: string }>(
    `SELECT day::text AS day FROM network_days
     WHERE network_days.day <= $2
       AND network_days.day >= COALESCE((SELECT MAX(n.day) FROM network_days n WHERE n.day <= $1), $1)
     ORDER BY network_days.day`,
    [String(first), String(last)],
  );
  const snapshots = rows.map((r) => Number(r.day));
  const source: (number | "live" | null)[] = [];
  let i = -1;
  for (const d of window.days) {
    if (openDay !== null && d >= openDay) {
      source.push("live");
      continue;
    }
    while (i + 1 < snapshots.length && (snapshots[i + 1] as number) <= d) i++;
    source.push(i >= 0 ? (snapshots[i] as number) : null);
  }
  return { source, snapshotDays: [...new Set(source.filter((s): s is number => typeof s === "number"))] };
}

/** Last second of UTC day `day`. */
export const endOfDay = (day: number): number => (day + 1) * DAY - 1;

/** ISO date of a UTC day, e.g. 2026-11-25. */
export const isoDay = (day: number): string => new Date(day * DAY * 1000).toISOString().slice(0, 10);
