// Network security analysis of a restaking network (Durvasula–Roughgarden; Bar-Zur–Eyal for elastic allocations):
// the exact decision "is there an attack whose profit exceeds what its operators lose", the worst such attack, the
// slack γ*, EigenLayer's cheap per-operator check and the slack it certifies, per-service cost of corruption,
// Nakamoto coefficient and overlap, and cascades after a shock. docs/risk.md defines every quantity.
//
// This file is the public face; the work is in security-analysis.ts (decision, γ*), cascade.ts (R_ψ), milp.ts (the
// HiGHS model), security-exact.ts (exact searches), security-model.ts (validation, exact re-checks) and
// security-format.ts (JSON and text).
import { RampartError } from "../sdk/errors.ts";
import { analyzeCascadeModel, type CascadeOptions } from "./cascade.ts";
import { toNumber, toRational } from "./rational.ts";
import { analyzeModel, type SecurityOptions } from "./security-analysis.ts";
import { buildModel } from "./security-model.ts";
import type { CascadeReport, Rational, SecurityNetwork, SecurityReport, SignedRational } from "./types.ts";

export type { CascadeOptions } from "./cascade.ts";
export type { SecurityOptions } from "./security-analysis.ts";
export {
  type AttackJson,
  cascadeReportToJson,
  type FormatOptions,
  type FractionJson,
  formatCascadeReport,
  formatSecurityReport,
  securityReportToJson,
} from "./security-format.ts";

/**
 * Decides whether the network is secure (no attack with Σπ(A) > loss(B)) and reports the worst attack (largest net
 * profit), the slack γ*, the cheap check and γ-certified, and per service its cost of corruption, Nakamoto
 * coefficient and overlap with the others. Throws RampartError for an invalid network.
 * @example
 * const report = await analyzeSecurity(network, { timeLimitSeconds: 10 });
 * console.log(formatSecurityReport(report, network)); // "SECURE: no profitable attack exists (γ* = 0.42)." …
 */
export async function analyzeSecurity(
  network: SecurityNetwork,
  options: SecurityOptions = {},
): Promise<SecurityReport> {
  const started = performance.now();
  return analyzeModel(buildModel(network), options, started);
}

/**
 * Worst-case cascade after a shock of ψ (a fraction of all stake, in [0, 1]): the adversary removes whole operators
 * holding at most ψ of all stake, then profitable attacks follow one another, each corrupted service leaving the
 * network. R_ψ (`lossFraction`) is exact for small networks (exhaustive search), a lower bound otherwise, and never
 * decreases as ψ grows.
 * @example
 * const cascade = await analyzeCascade(network, 0.01);
 * console.log(formatCascadeReport(cascade, network));
 */
export async function analyzeCascade(
  network: SecurityNetwork,
  shock: Rational | SignedRational | number,
  options: CascadeOptions = {},
): Promise<CascadeReport> {
  const model = buildModel(network);
  let psi: SignedRational;
  try {
    psi = toRational(shock);
  } catch {
    throw new RampartError(`the shock must be a finite number or a rational { num, den }, got ${String(shock)}`);
  }
  if (psi.num < 0n || psi.num > psi.den) {
    throw new RampartError(`the shock ψ = ${toNumber(psi)} is outside [0, 1]`, {
      hint: "ψ is the fraction of all stake the shock removes, e.g. 0.01 for 1%",
    });
  }
  return analyzeCascadeModel(model, psi, options);
}
