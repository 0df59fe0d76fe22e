// Turning on-chain integers into text people read, and text people type into on-chain integers.
//
// Amounts are bigints in token base units; fractions are WAD (1e18 = 100%); commissions are basis points
// (10,000 = 100%); durations are seconds. Parsers throw a RampartError that says what was expected.
import { RampartError } from "./errors.ts";

/** 1e18: fractions and magnitudes are WAD-based. */
export const WAD = 10n ** 18n;
/** 10,000 basis points = 100%. */
export const BPS = 10_000n;

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export interface FormatAmountOptions {
  /**
   * Decimal places shown for amounts of 1 and more (default 4); amounts below 1 show `precision` significant digits
   * instead, so that dust stays visible. Digits beyond are cut (never rounded up: a balance is never overstated).
   */
  precision?: number;
  /** Thousands separators in the integer part (default true). */
  separators?: boolean;
}

/**
 * Formats a token amount: thousands separators, at most 4 decimals (trailing zeros dropped), and the symbol.
 * @example
 * formatAmount(1234567890000000000000n, 18, "wstETH"); // "1,234.5678 wstETH"
 * formatAmount(1200000000000n, 18); // "0.0000012"
 */
export function formatAmount(
  value: bigint,
  decimals: number,
  symbol?: string,
  options: FormatAmountOptions = {},
): string {
  const precision = options.precision ?? 4;
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const scale = 10n ** BigInt(decimals);
  const whole = absolute / scale;
  const fraction = (absolute % scale).toString().padStart(decimals, "0");
  let shown: string;
  if (whole > 0n || fraction.length === 0) {
    shown = fraction.slice(0, precision);
  } else {
    // Below 1: keep `precision` significant digits after the leading zeros.
    const firstDigit = fraction.search(/[1-9]/);
    shown = firstDigit < 0 ? "" : fraction.slice(0, firstDigit + precision);
  }
  shown = shown.replace(/0+$/, "");
  const integer = options.separators === false ? whole.toString() : groupThousands(whole.toString());
  const text = `${negative && absolute > 0n ? "-" : ""}${integer}${shown ? `.${shown}` : ""}`;
  return symbol ? `${text} ${symbol}` : text;
}

export interface FormatPercentOptions {
  /** Most decimal places shown (default 2); trailing zeros are dropped. */
  precision?: number;
}

/**
 * Formats a fraction as a percentage. `unit` says how the value is scaled: "wad" (1e18 = 100%, the default) or
 * "bps" (10,000 = 100%).
 * @example
 * formatPercent(250000000000000000n); // "25%"
 * formatPercent(1000, "bps"); // "10%"
 */
export function formatPercent(
  value: bigint | number,
  unit: "wad" | "bps" = "wad",
  options: FormatPercentOptions = {},
): string {
  const precision = options.precision ?? 2;
  const scaled = BigInt(value);
  // percent × 10^precision = value × 100 × 10^precision / one
  const one = unit === "wad" ? WAD : BPS;
  const factor = 10n ** BigInt(precision);
  const negative = scaled < 0n;
  const absolute = negative ? -scaled : scaled;
  const hundredths = (absolute * 100n * factor + one / 2n) / one;
  const whole = hundredths / factor;
  const fraction = precision > 0 ? (hundredths % factor).toString().padStart(precision, "0").replace(/0+$/, "") : "";
  const tiny = absolute > 0n && hundredths === 0n;
  const text = tiny
    ? `<${precision > 0 ? `0.${"0".repeat(precision - 1)}1` : "1"}`
    : `${groupThousands(whole.toString())}${fraction ? `.${fraction}` : ""}`;
  return `${negative && !tiny && hundredths > 0n ? "-" : ""}${text}%`;
}

/**
 * Formats a number of seconds with its two largest units.
 * @example
 * formatDuration(604_740); // "6d 23h"
 * formatDuration(90); // "1m 30s"
 */
export function formatDuration(seconds: bigint | number): string {
  let rest = Math.max(0, Math.floor(Number(seconds)));
  if (rest === 0) return "0s";
  const parts: string[] = [];
  for (const [unit, size] of [
    ["d", DAY],
    ["h", HOUR],
    ["m", MINUTE],
    ["s", 1],
  ] as const) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || parts.length > 0) parts.push(`${count}${unit}`);
    if (parts.length === 2) break;
  }
  return parts.filter((part, index) => index === 0 || !part.startsWith("0")).join(" ");
}

/**
 * Formats a unix timestamp as a UTC date, "2025-11-25 09:30 UTC".
 * @example
 * formatTimestamp(1764063000); // "2025-11-25 09:30 UTC"
 */
export function formatTimestamp(timestamp: bigint | number): string {
  const iso = new Date(Number(timestamp) * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * How far `timestamp` is from `now` (both unix seconds): "in 6d 23h", "3h 5m ago" or "now".
 * @example
 * formatRelative(1_000_000n + 3600n, 1_000_000n); // "in 1h"
 */
export function formatRelative(timestamp: bigint | number, now: bigint | number): string {
  const delta = Number(timestamp) - Number(now);
  if (delta === 0) return "now";
  return delta > 0 ? `in ${formatDuration(delta)}` : `${formatDuration(-delta)} ago`;
}

// ─────────────────────────── Parsing ───────────────────────────

/**
 * Parses a decimal amount of a token into base units. Accepts "1.5", "1,000", "1_000.25", ".5"; rejects negative
 * numbers, exponents and more decimals than the token has.
 * @example
 * parseAmount("1.5", 18); // 1500000000000000000n
 */
export function parseAmount(text: string, decimals: number, what = "amount"): bigint {
  const cleaned = text.trim().replace(/[,_]/g, "");
  const match = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || cleaned === "" || cleaned === "." || (match[1] === "" && (match[2] ?? "") === "")) {
    throw new RampartError(`"${text}" is not a valid ${what}`, {
      hint: "write a positive decimal number such as 1.5 or 1000",
    });
  }
  const whole = match[1] || "0";
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > decimals) {
    throw new RampartError(`"${text}" has more decimals than the token's ${decimals}`, {
      hint: `round the ${what} to at most ${decimals} decimal places`,
    });
  }
  return BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, "0") || "0");
}

/**
 * Parses a duration into seconds: "7d", "12h", "90m", "30s", combinations such as "1d12h" or "1d 12h", or a plain
 * number of seconds.
 * @example
 * parseDuration("1d12h"); // 129600
 */
export function parseDuration(text: string): number {
  const cleaned = text.trim().toLowerCase().replace(/\s+/g, "");
  if (/^\d+$/.test(cleaned)) return Number(cleaned);
  const units: Record<string, number> = { w: 7 * DAY, d: DAY, h: HOUR, m: MINUTE, s: 1 };
  const parts = [...cleaned.matchAll(/(\d+(?:\.\d+)?)([wdhms])/g)];
  if (cleaned === "" || parts.map((part) => part[0]).join("") !== cleaned) {
    throw new RampartError(`"${text}" is not a duration`, {
      hint: 'write it like "7d", "12h", "90m", "30s" or "1d12h" (or a number of seconds)',
    });
  }
  let seconds = 0;
  for (const [, count, unit] of parts) seconds += Number(count) * (units[unit ?? "s"] ?? 1);
  return Math.round(seconds);
}

/**
 * Parses a fraction into WAD: "25%", "0.25" and "12.5%" are accepted; a bare number above 1 is rejected as
 * ambiguous ("25" could mean 25% or 2500%).
 * @example
 * parsePercent("25%"); // 250000000000000000n
 * parsePercent("0.25"); // 250000000000000000n
 */
export function parsePercent(text: string, what = "percentage"): bigint {
  const cleaned = text.trim();
  const isPercent = cleaned.endsWith("%");
  const number = isPercent ? cleaned.slice(0, -1).trim() : cleaned;
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(number)) {
    throw new RampartError(`"${text}" is not a valid ${what}`, { hint: 'write it like "25%" or as a fraction "0.25"' });
  }
  // WAD from a decimal string: percent has 16 decimals to spare, a fraction 18.
  const value = isPercent ? parseAmount(number, 16, what) : parseAmount(number, 18, what);
  if (!isPercent && value > WAD) {
    throw new RampartError(`ambiguous ${what} "${text}"`, {
      hint: `add a percent sign ("${text}%") or write the fraction (0 to 1)`,
    });
  }
  if (value > WAD) {
    throw new RampartError(`${what} "${text}" is above 100%`, { hint: "use at most 100%" });
  }
  return value;
}

/**
 * Parses a commission into basis points: "5%", "500bps", "500" (a bare integer above 1 is basis points) or "0.05".
 * @example
 * parseBps("5%"); // 500
 */
export function parseBps(text: string, what = "commission"): number {
  const cleaned = text.trim().toLowerCase();
  let bps: bigint;
  if (cleaned.endsWith("bps") || /^\d+$/.test(cleaned)) {
    const number = cleaned.replace(/bps$/, "").trim();
    if (!/^\d+$/.test(number)) {
      throw new RampartError(`"${text}" is not a valid ${what}`, { hint: 'basis points are whole numbers: "500bps"' });
    }
    bps = BigInt(number);
    // "1" and "0" as bare numbers read as fractions (100%, 0%): nobody means 1 bps by "1"
    if (!cleaned.endsWith("bps") && bps <= 1n) bps *= BPS;
  } else {
    const wad = parsePercent(text, what);
    if ((wad * BPS) % WAD !== 0n) {
      throw new RampartError(`"${text}" is finer than a basis point`, { hint: "use at most 2 decimals of a percent" });
    }
    bps = (wad * BPS) / WAD;
  }
  if (bps > BPS) throw new RampartError(`${what} "${text}" is above 100%`, { hint: "use at most 100% (10000 bps)" });
  return Number(bps);
}
