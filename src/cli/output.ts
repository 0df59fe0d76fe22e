// Human output (aligned tables, amounts with symbols, dates with relative times) and --json output.
import type { Address } from "viem";
import { formatAmount, formatDuration, formatRelative, formatTimestamp } from "../sdk/format.ts";

/** JSON with bigints as decimal strings and absent values as null. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v === undefined ? null : v), 2);
}

// `rampart pools | head` closes the pipe early: that is the reader being done, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

/** Writes one line (or block) to stdout. */
export function say(text = ""): void {
  process.stdout.write(`${text}\n`);
}

export type Align = "left" | "right";

/** Visible width of a string (no ANSI codes are ever produced here). */
const width = (text: string): number => [...text].length;

/**
 * An aligned table: an upper-case header row, then the rows; columns two spaces apart. Columns listed in `right` are
 * right-aligned (amounts).
 */
export function table(headers: string[], rows: string[][], right: number[] = []): string {
  if (rows.length === 0) return "";
  const widths = headers.map((header, column) =>
    Math.max(width(header), ...rows.map((row) => width(row[column] ?? ""))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => {
        const pad = " ".repeat(Math.max(0, (widths[column] ?? 0) - width(cell)));
        return right.includes(column) ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  return [line(headers.map((h) => h.toUpperCase())), ...rows.map(line)].join("\n");
}

/** A short form of an address for tables where a name is shown too. */
export function short(address: Address | string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** "Alpha Staking (0x90F7…b906)" or the full address when there is no name. */
export function who(address: Address | string, name: string | undefined): string {
  return name ? `${name} (${short(address)})` : address;
}

/** Amount with symbol, 4 decimals. */
export function amount(value: bigint, decimals: number, symbol: string): string {
  return formatAmount(value, decimals, symbol);
}

/** "≈ 12.3 ETH", or "" when the value is unknown. */
export function eth(value: bigint | undefined): string {
  return value === undefined ? "" : `≈ ${formatAmount(value, 18, "ETH")}`;
}

/** "2025-12-02 09:30 UTC (in 6d 23h)". */
export function when(timestamp: bigint | number, now: bigint | number): string {
  return `${formatTimestamp(timestamp)} (${formatRelative(timestamp, now)})`;
}

/** "ready" or "ready in 6d 23h". */
export function readyIn(seconds: number): string {
  return seconds <= 0 ? "ready" : `ready in ${formatDuration(seconds)}`;
}

/** A duration, "0s" for none. */
export function duration(seconds: number | bigint): string {
  return formatDuration(seconds);
}
