// Security and cascade reports as plain JSON (ids instead of indices, decimal strings for amounts, fractions as a
// rounded decimal plus exact num/den) and as text for the CLI.
import { formatAmount } from "../sdk/format.ts";
import { cmp, ONE, rational, toDecimal } from "./rational.ts";
import type { Attack, CascadeReport, SecurityNetwork, SecurityReport, SignedRational } from "./types.ts";

export interface FractionJson {
  /** Rounded to 6 decimals (half away from zero), trailing zeros dropped. */
  value: string;
  num: string;
  den: string;
}

export interface AttackJson {
  services: string[];
  operators: string[];
  profit: string;
  loss: string;
  /** profit − loss (negative for an attack that does not pay). */
  netProfit: string;
}

const fractionJson = (r: SignedRational): FractionJson => ({
  value: toDecimal(r, 6),
  num: r.num.toString(),
  den: r.den.toString(),
});

const maybeFraction = (r: SignedRational | null): FractionJson | null => (r ? fractionJson(r) : null);

const operatorId = (network: SecurityNetwork, v: number): string => network.operators[v]?.id ?? `#${v}`;
const serviceId = (network: SecurityNetwork, s: number): string => network.services[s]?.id ?? `#${s}`;

function attackJson(attack: Attack, network: SecurityNetwork): AttackJson {
  return {
    services: attack.services.map((s) => serviceId(network, s)),
    operators: attack.operators.map((v) => operatorId(network, v)),
    profit: attack.profit.toString(),
    loss: attack.loss.toString(),
    netProfit: (attack.profit - attack.loss).toString(),
  };
}

/** The security report as JSON-safe data: ids for indices, strings for bigints. */
export function securityReportToJson(report: SecurityReport, network: SecurityNetwork) {
  return {
    verdict: report.verdict,
    secure: report.secure,
    proof: report.proof,
    worstAttack: report.worstAttack ? attackJson(report.worstAttack, network) : null,
    worstAttackExact: report.worstAttackExact,
    gammaStar: maybeFraction(report.gammaStar),
    gammaStarExact: report.gammaStarExact,
    gammaStarLowerBound: maybeFraction(report.gammaStarLowerBound),
    gammaStarAttack: report.gammaStarAttack ? attackJson(report.gammaStarAttack, network) : null,
    gammaCertified: maybeFraction(report.gammaCertified),
    cheapCheck: {
      passes: report.cheapCheck.passes,
      maxEffectiveLoad: maybeFraction(report.cheapCheck.maxEffectiveLoad),
      overloaded: report.cheapCheck.overloaded.map((v) => operatorId(network, v)),
      operators: report.cheapCheck.operators.map((o) => ({
        id: operatorId(network, o.operator),
        load: maybeFraction(o.load),
        effectiveLoad: maybeFraction(o.effectiveLoad),
        exceeds: o.effectiveLoad ? cmp(o.effectiveLoad, ONE) > 0 : false,
      })),
    },
    services: report.services.map((s) => ({
      id: serviceId(network, s.service),
      profitFromCorruption: (network.services[s.service]?.profitFromCorruption ?? 0n).toString(),
      threshold: maybeFraction(
        network.services[s.service]
          ? rational(
              (network.services[s.service] as SecurityNetwork["services"][number]).threshold.num,
              (network.services[s.service] as SecurityNetwork["services"][number]).threshold.den,
            )
          : null,
      ),
      backing: s.backing.toString(),
      required: s.required.toString(),
      costOfCorruption: s.costOfCorruption.toString(),
      costOfCorruptionLowerBound: s.costOfCorruptionLowerBound.toString(),
      costOfCorruptionExact: s.costOfCorruptionExact,
      corruptingOperators: s.corruptingOperators.map((v) => operatorId(network, v)),
      nakamoto: s.nakamoto,
    })),
    overlap: report.overlap.map((o) => ({
      services: [serviceId(network, o.services[0]), serviceId(network, o.services[1])],
      sharedStake: o.sharedStake.toString(),
      sharedOperators: o.sharedOperators,
      fractionOfFirst: fractionJson(o.fractionOfFirst),
      fractionOfSecond: fractionJson(o.fractionOfSecond),
    })),
    resolution: report.resolution.toString(),
    stats: report.stats,
  };
}

/** The cascade report as JSON-safe data. */
export function cascadeReportToJson(report: CascadeReport, network: SecurityNetwork) {
  return {
    shock: fractionJson(report.shock),
    shockOperators: report.shockOperators.map((v) => operatorId(network, v)),
    shockStake: report.shockStake.toString(),
    rounds: report.rounds.map((attack) => attackJson(attack, network)),
    totalLoss: report.totalLoss.toString(),
    totalStake: report.totalStake.toString(),
    lossFraction: fractionJson(report.lossFraction),
    exact: report.exact,
    method: report.method,
    candidates: report.candidates,
  };
}

export interface FormatOptions {
  /** Decimals of the network's unit (default 18: amounts are ETH wei, as in snapshots). */
  decimals?: number;
  /** Unit shown after amounts (default "ETH"). */
  symbol?: string;
  /** Most services, operators and pairs listed per section (default 10). */
  limit?: number;
}

const percent = (r: SignedRational): string => `${toDecimal({ num: r.num * 100n, den: r.den }, 2)}%`;

function names(ids: string[], limit = 5): string {
  return ids.length <= limit ? ids.join(", ") : `${ids.slice(0, limit).join(", ")} and ${ids.length - limit} more`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** Human-readable summary of a security report (amounts in ETH unless told otherwise). */
export function formatSecurityReport(
  report: SecurityReport,
  network: SecurityNetwork,
  options: FormatOptions = {},
): string {
  const decimals = options.decimals ?? 18;
  const symbol = options.symbol ?? "ETH";
  const limit = options.limit ?? 10;
  const amount = (x: bigint): string => formatAmount(x, decimals, symbol);
  const describe = (attack: Attack): string =>
    `corrupting ${plural(attack.services.length, "service")} (${names(attack.services.map((s) => serviceId(network, s)))}) with ${plural(attack.operators.length, "operator")} (${names(attack.operators.map((v) => operatorId(network, v)))})`;
  const lines: string[] = [];
  const gamma = report.gammaStar ? toDecimal(report.gammaStar, 4) : "+∞";
  const gammaText = report.gammaStarExact
    ? `γ* = ${gamma}`
    : `γ* between ${report.gammaStarLowerBound ? toDecimal(report.gammaStarLowerBound, 4) : "-1"} and ${gamma}`;
  if (report.verdict === "secure") {
    lines.push(`SECURE: no profitable attack exists (${gammaText}).`);
  } else if (report.verdict === "insecure") {
    const worst = report.worstAttack as Attack;
    lines.push(
      `INSECURE: a profitable attack exists — ${describe(worst)} gains ${amount(worst.profit)} and loses ${amount(worst.loss)} (net ${amount(worst.profit - worst.loss)}${report.worstAttackExact ? ", the largest possible" : ", the largest found"}).`,
    );
  } else {
    lines.push(`UNDETERMINED: no profitable attack found, but none ruled out within the time limit (${gammaText}).`);
  }
  const how: Record<SecurityReport["proof"], string> = {
    "cheap-check": "the per-operator load check alone (exact arithmetic)",
    enumeration: "exhaustive search in exact arithmetic",
    "split-bound": "the stake-split bound (exact arithmetic): no attack can gain more than its operators lose",
    milp: `the MILP solver (HiGHS) with every answer re-checked exactly; net profits below ${amount(report.resolution)} cannot be told apart`,
    witness: "an attack re-checked in exact arithmetic",
    "time-limit": "nothing: the time limit ran out",
  };
  lines.push(`Decided by: ${how[report.proof]}.`);
  if (report.gammaStar && report.gammaStarAttack) {
    const a = report.gammaStarAttack;
    const times = (g: SignedRational): string => toDecimal({ num: g.num + g.den, den: g.den }, 4);
    const guaranteed = report.gammaStarExact ? report.gammaStar : report.gammaStarLowerBound;
    const guarantee = guaranteed
      ? `every attack loses at least ${times(guaranteed)}× what it gains`
      : "no attack is proven to lose more than it gains";
    lines.push(
      `Slack: ${gammaText} — ${guarantee}. ${report.gammaStarExact ? "Tightest" : `Tightest found (loses ${times(report.gammaStar)}×)`}: ${describe(a)}, profit ${amount(a.profit)}, loss ${amount(a.loss)}.`,
    );
  } else {
    lines.push("Slack: γ* = +∞ — no service has a profit from corruption.");
  }
  const check = report.cheapCheck;
  const withStake = check.operators.filter((o) => o.effectiveLoad !== null).length;
  const largest = check.overloaded[0];
  lines.push(
    `Cheap check (EigenLayer's per-operator load): ${check.passes ? "passes" : "fails"} — ${check.overloaded.length} of ${withStake} operators above 1${
      check.maxEffectiveLoad ? `, largest ${toDecimal(check.maxEffectiveLoad, 4)}` : ""
    }${largest !== undefined ? ` (${operatorId(network, largest)})` : ""}; it certifies γ ≥ ${report.gammaCertified ? toDecimal(report.gammaCertified, 4) : "+∞"}.`,
  );
  if (check.overloaded.length > 0) {
    lines.push(
      `  Overloaded: ${names(
        check.overloaded.map((v) => operatorId(network, v)),
        limit,
      )}.`,
    );
  }
  // Services most at risk first: profit over cost of corruption.
  const services = [...report.services].sort((a, b) => {
    const pa = network.services[a.service]?.profitFromCorruption ?? 0n;
    const pb = network.services[b.service]?.profitFromCorruption ?? 0n;
    const x = pa * (b.costOfCorruption || 1n);
    const y = pb * (a.costOfCorruption || 1n);
    return x > y ? -1 : x < y ? 1 : a.service - b.service;
  });
  if (services.length > 0) {
    lines.push(`Services (most at risk first; cost of corruption = least stake lost to corrupt it alone):`);
    for (const s of services.slice(0, limit)) {
      const service = network.services[s.service];
      const alpha = service ? toDecimal(rational(service.threshold.num * 100n, service.threshold.den), 2) : "?";
      const coc = s.costOfCorruptionExact
        ? amount(s.costOfCorruption)
        : `${amount(s.costOfCorruptionLowerBound)}–${amount(s.costOfCorruption)}`;
      lines.push(
        `  ${serviceId(network, s.service)}: profit ${amount(service?.profitFromCorruption ?? 0n)}, backing ${amount(s.backing)}, threshold ${alpha}%, cost of corruption ${coc}, Nakamoto coefficient ${s.nakamoto}`,
      );
    }
    if (services.length > limit) lines.push(`  … and ${services.length - limit} more`);
  }
  // Under unique stake (Rampart's own model) no stake backs two services: pairs that share none are noise.
  const shared = report.overlap.filter((o) => o.sharedStake > 0n);
  if (shared.length > 0) {
    lines.push("Most shared stake between services:");
    for (const o of shared.slice(0, Math.min(limit, 5))) {
      const [a, b] = o.services;
      lines.push(
        `  ${serviceId(network, a)} & ${serviceId(network, b)}: ${amount(o.sharedStake)} shared by ${plural(o.sharedOperators, "operator")} (${percent(o.fractionOfFirst)} of ${serviceId(network, a)}, ${percent(o.fractionOfSecond)} of ${serviceId(network, b)})`,
      );
    }
  }
  if (report.stats.timedOut) lines.push("Note: the time limit cut the search short; unproven figures are bounds.");
  return lines.join("\n");
}

/** Human-readable summary of a cascade report. */
export function formatCascadeReport(
  report: CascadeReport,
  network: SecurityNetwork,
  options: FormatOptions = {},
): string {
  const decimals = options.decimals ?? 18;
  const symbol = options.symbol ?? "ETH";
  const amount = (x: bigint): string => formatAmount(x, decimals, symbol);
  const lines: string[] = [];
  const shockShare = report.totalStake > 0n ? percent(rational(report.shockStake, report.totalStake)) : "0%";
  const shock =
    report.shockOperators.length > 0
      ? `removing ${plural(report.shockOperators.length, "operator")} (${names(report.shockOperators.map((v) => operatorId(network, v)))}; ${amount(report.shockStake)}, ${shockShare} of all stake)`
      : "removing no operator (none fits, or none makes things worse)";
  lines.push(
    `Shock of up to ${percent(report.shock)} of all stake: ${shock} is followed by ${plural(report.rounds.length, "profitable attack")}.`,
  );
  lines.push(
    `Worst total loss R_ψ = ${percent(report.lossFraction)} of all stake (${amount(report.totalLoss)} of ${amount(report.totalStake)}) — ${report.exact ? "exact (every shock and attack sequence searched)" : `a lower bound (${plural(report.candidates, "candidate shock")}, greedy attack sequences)`}.`,
  );
  report.rounds.forEach((attack, i) => {
    lines.push(
      `  Round ${i + 1}: corrupting ${names(attack.services.map((s) => serviceId(network, s)))} with ${names(attack.operators.map((v) => operatorId(network, v)))} — profit ${amount(attack.profit)}, loss ${amount(attack.loss)}`,
    );
  });
  return lines.join("\n");
}
