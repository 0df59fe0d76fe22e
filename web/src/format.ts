// Formatting for people: token amounts (at most 4 decimals, never overstated, "<0.0001" for dust, the unit always
// shown, the full value kept for a tooltip), ETH values, percentages, durations and short addresses.
// Pure functions with no DOM or React: the unit tests import this file directly (test/web.test.ts).

/** Most decimals shown for an amount; the full value goes to the tooltip. */
export const MAX_DECIMALS = 4;

export interface FormattedAmount {
  /** What to show: "1,234.5678 wstETH", "<0.0001 ETH", "0 rETH". */
  text: string;
  /** Every digit, for the hover title: "1234.567812345678901234 wstETH". */
  full: string;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** `value` base units (bigint, or the API's decimal string) as a full-precision decimal string, trailing zeros cut. */
export function toDecimalString(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const scale = 10n ** BigInt(decimals);
  const whole = (abs / scale).toString();
  const fraction = decimals > 0 ? (abs % scale).toString().padStart(decimals, "0").replace(/0+$/, "") : "";
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** Parses the API's decimal string of base units (or a bigint or safe integer); garbage becomes 0n. */
export function toBigInt(value: bigint | string | number | null | undefined): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number") return Number.isSafeInteger(value) ? BigInt(value) : 0n;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return BigInt(value);
  return 0n;
}

/**
 * Formats `value` base units of a token with `decimals` decimals and its unit: thousands separators, at most
 * `MAX_DECIMALS` decimals cut (never rounded up, so a balance is never overstated), trailing zeros dropped, "<0.0001"
 * for a non-zero amount below the smallest shown step. `full` keeps every digit.
 */
export function formatAmount(
  value: bigint | string | number,
  decimals: number,
  unit: string,
  maxDecimals = MAX_DECIMALS,
): FormattedAmount {
  const v = toBigInt(value);
  const suffix = unit ? ` ${unit}` : "";
  const full = `${toDecimalString(v, decimals)}${suffix}`;
  const negative = v < 0n;
  const abs = negative ? -v : v;
  const shown = Math.min(maxDecimals, decimals);
  const step = 10n ** BigInt(decimals - shown);
  if (abs > 0n && abs < step) {
    const dust = `0.${"0".repeat(Math.max(0, shown - 1))}1`;
    return { text: `${negative ? ">-" : "<"}${dust}${suffix}`, full };
  }
  const scale = 10n ** BigInt(decimals);
  const whole = abs / scale;
  const fraction = shown > 0 ? ((abs % scale) / step).toString().padStart(shown, "0").replace(/0+$/, "") : "";
  const text = `${negative && abs >= step ? "-" : ""}${groupThousands(whole.toString())}${fraction ? `.${fraction}` : ""}`;
  return { text: `${text}${suffix}`, full };
}

/** An ETH value in wei. */
export function formatEth(wei: bigint | string | number): FormattedAmount {
  return formatAmount(wei, 18, "ETH");
}

/** A fraction (0.0345) as a percentage with up to `digits` decimals: "3.45%". Not finite: "—". */
export function formatPercent(fraction: number, digits = 2): string {
  if (!Number.isFinite(fraction)) return "—";
  const rounded = Number((fraction * 100).toFixed(digits));
  return `${rounded.toLocaleString("en-US", { maximumFractionDigits: digits })}%`;
}

/** Basis points (500) as a percentage: "5%". */
export function formatBps(bps: number): string {
  return formatPercent(bps / 10_000);
}

/** A WAD fraction (1e18 = 100%) given as the API's decimal string, as a percentage. */
export function formatWadPercent(wad: bigint | string): string {
  const v = toBigInt(wad);
  return formatPercent(Number((v * 1_000_000n) / 10n ** 18n) / 1_000_000);
}

/** Seconds left as "6d 23h", "5h 12m", "4m 10s", "12s"; 0 or less: "ready". */
export function formatCountdown(seconds: number): string {
  if (!(seconds > 0)) return "ready";
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${s % 60}s`;
  return `${s}s`;
}

/** Unix seconds as "2026-11-25 13:05 UTC". */
export function formatTime(unixSeconds: number | null | undefined): string {
  if (unixSeconds === null || unixSeconds === undefined || !Number.isFinite(unixSeconds)) return "—";
  return `${new Date(unixSeconds * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** 0x1234…abcd */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

/** Sum of decimal strings of base units. */
export function sumAmounts(values: readonly (string | bigint)[]): bigint {
  return values.reduce<bigint>((acc, v) => acc + toBigInt(v), 0n);
}
