// Exact rational arithmetic on bigints for the security analysis. Every verdict the analysis reports is re-checked
// here; floats only ever steer the search (the MILP solver), they never decide.
//
// A value is { num, den } with den > 0 and gcd(|num|, den) = 1. `Rational` in types.ts is the non-negative case; the
// functions here also accept and return signed values (a slack γ can be negative).
import type { SignedRational } from "./types.ts";

export type { SignedRational };

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** num/den in lowest terms with a positive denominator. Throws on a zero denominator. */
export function rational(num: bigint, den = 1n): SignedRational {
  if (den === 0n) throw new RangeError("rational: zero denominator");
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

export const ZERO: SignedRational = { num: 0n, den: 1n };
export const ONE: SignedRational = { num: 1n, den: 1n };

export function add(a: SignedRational, b: SignedRational): SignedRational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: SignedRational, b: SignedRational): SignedRational {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function mul(a: SignedRational, b: SignedRational): SignedRational {
  return rational(a.num * b.num, a.den * b.den);
}

export function div(a: SignedRational, b: SignedRational): SignedRational {
  if (b.num === 0n) throw new RangeError("rational: division by zero");
  return rational(a.num * b.den, a.den * b.num);
}

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function cmp(a: SignedRational, b: SignedRational): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function min(a: SignedRational, b: SignedRational): SignedRational {
  return cmp(a, b) <= 0 ? a : b;
}

export function max(a: SignedRational, b: SignedRational): SignedRational {
  return cmp(a, b) >= 0 ? a : b;
}

/** The smaller of two bigints (Math.min does not take bigints). */
export function minBig(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** The larger of two bigints. */
export function maxBig(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

/** ⌈num/den⌉ for den > 0. */
export function ceilDiv(num: bigint, den: bigint): bigint {
  const q = num / den;
  return num % den !== 0n && num > 0n ? q + 1n : q;
}

/** ⌊num/den⌋ for den > 0. */
export function floorDiv(num: bigint, den: bigint): bigint {
  const q = num / den;
  return num % den !== 0n && num < 0n ? q - 1n : q;
}

/**
 * The exact value of a finite double as a rational (every double is a dyadic rational), e.g. 0.1 →
 * 3602879701896397/36028797018963968. Throws on NaN and infinities.
 */
export function fromNumber(value: number): SignedRational {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (Number.isInteger(value)) return { num: BigInt(value), den: 1n };
  // Scale by powers of two until the value is an integer: exact, since doubles are dyadic.
  let den = 1n;
  let scaled = value;
  while (!Number.isInteger(scaled)) {
    scaled *= 2;
    den *= 2n;
  }
  return rational(BigInt(scaled), den);
}

/** Nearest double (to within a relative 2^-52), also for numerators and denominators far beyond 2^1024. */
export function toNumber(r: SignedRational): number {
  if (r.num === 0n) return 0;
  const negative = r.num < 0n;
  const n = abs(r.num);
  // Shift both to ~60 significant bits so the float division is accurate and never overflows.
  const shiftN = Math.max(0, n.toString(2).length - 60);
  const shiftD = Math.max(0, r.den.toString(2).length - 60);
  const value = (Number(n >> BigInt(shiftN)) / Number(r.den >> BigInt(shiftD))) * 2 ** (shiftN - shiftD);
  return negative ? -value : value;
}

/**
 * Decimal text rounded half away from zero to `places` decimals, trailing zeros dropped: toDecimal({1n, 3n}) →
 * "0.333333", toDecimal({1n, 2n}, 0) → "1".
 */
export function toDecimal(r: SignedRational, places = 6): string {
  const negative = r.num < 0n;
  const scale = 10n ** BigInt(places);
  const scaledTwice = (abs(r.num) * scale * 2n) / r.den;
  const rounded = (scaledTwice + 1n) / 2n;
  const whole = rounded / scale;
  const fraction = (rounded % scale).toString().padStart(places, "0").replace(/0+$/, "");
  const text = fraction ? `${whole}.${fraction}` : `${whole}`;
  return negative && rounded !== 0n ? `-${text}` : text;
}

/** An exact rational from a number (a double, taken exactly) or a rational (reduced). */
export function toRational(value: number | SignedRational): SignedRational {
  return typeof value === "number" ? fromNumber(value) : rational(value.num, value.den);
}
