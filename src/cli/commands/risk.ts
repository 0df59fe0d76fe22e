// `rampart risk …` (position, dossier, compare, plan, security, cascade) and `rampart snapshot`: the risk and yield
// engine on a network snapshot file, or on a snapshot read from the chain when no file is given. See
// docs/risk-investor.md and docs/snapshot.md.
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
// Types only: the engine itself (zod schemas, HiGHS, the Monte Carlo) loads when a risk command runs, so that it adds
// nothing to the start-up of every other command.
import type { Dossier } from "../../risk/dossier.ts";
import type { InvestorModel } from "../../risk/investor-model.ts";
import type { CompareReport } from "../../risk/montecarlo.ts";
import type { PlanLimits, PlanReport } from "../../risk/plan.ts";
import type { PositionReport } from "../../risk/position.ts";
import type { Snapshot } from "../../risk/snapshot.ts";
import type { SecurityNetwork } from "../../risk/types.ts";
import { RampartError } from "../../sdk/errors.ts";
import { formatAmount, parseAmount, parseDuration, parsePercent } from "../../sdk/format.ts";
import { parseAddress } from "../../sdk/reads/internal.ts";
import { contextOf } from "../context.ts";
import { say, table, toJson } from "../output.ts";

type Engine = typeof import("../../risk/index.ts");
/** The risk engine, loaded by the first risk command that runs. */
let E: Engine;

interface RiskOptions {
  snapshot?: string;
  ethUsd?: string;
  slashProb?: string;
  json?: boolean;
}

interface Loaded {
  snapshot: Snapshot;
  /** The file, or "the chain (block #n)". */
  origin: string;
  notes: string[];
}

/** The snapshot a command works on: --snapshot <file> (or `file`), else the chain through --rpc/--deployment. */
async function loadSnapshot(
  command: Command,
  file: string | undefined,
  exportOptions: { stakers?: string[] } = {},
): Promise<Loaded> {
  const options = command.optsWithGlobals() as RiskOptions;
  const ethUsd = options.ethUsd === undefined ? undefined : parseUsd(options.ethUsd);
  const given = file ?? options.snapshot;
  if (given) {
    const snapshot = E.readSnapshotFile(path.resolve(given));
    if (ethUsd !== undefined) snapshot.assumptions = { ...snapshot.assumptions, ethUsd };
    return { snapshot, origin: given, notes: [] };
  }
  const context = await contextOf(command);
  const { snapshot, notes } = await E.snapshotFromChain(context.client, { ethUsd, stakers: exportOptions.stakers });
  const parsed = E.parseSnapshot(snapshot, "the snapshot read from the chain");
  return { snapshot: parsed, origin: `the chain (block #${snapshot.source?.blockNumber ?? "?"})`, notes };
}

function parseUsd(text: string): bigint {
  const cleaned = text.trim().replace(/^\$/, "").replace(/[,_]/g, "");
  if (!/^\d+(\.\d{1,18})?$/.test(cleaned) || Number(cleaned) <= 0) {
    throw new RampartError(`"${text}" is not a USD price of ETH`, { hint: "write it like --eth-usd 3000" });
  }
  return E.decimalToWad(cleaned);
}

/** "--slash-prob lattice-da=2%,set-3=0.05" → service id → yearly probability. */
function parseProbabilities(model: InvestorModel, text: string | undefined): Map<string, number> {
  const result = new Map<string, number>();
  if (!text) return result;
  for (const part of text.split(",")) {
    const [ref = "", value = ""] = part.split("=");
    const service = E.findEntity(model.services, ref);
    if (!service) {
      throw new RampartError(`--slash-prob: unknown service "${ref.trim()}"`, {
        hint: `use a service id: ${model.services.map((s) => s.id).join(", ")}`,
      });
    }
    const fraction = E.parseFraction(value);
    if (typeof fraction === "string") {
      throw new RampartError(`--slash-prob ${ref.trim()}: ${fraction}`, { hint: 'write it like "lattice-da=2%"' });
    }
    result.set(service.id, Number(fraction.num) / Number(fraction.den));
  }
  return result;
}

function parseProbability(text: string, what: string): number {
  const fraction = E.parseFraction(text);
  if (typeof fraction === "string")
    throw new RampartError(`${what}: ${fraction}`, { hint: 'write it like "5%" or "0.05"' });
  return Number(fraction.num) / Number(fraction.den);
}

function parseRate(text: string, what: string, max = 10): number {
  const match = /^(-?\d+(?:\.\d+)?)\s*(%?)$/.exec(text.trim());
  const value = match ? Number(match[1]) / (match[2] ? 100 : 1) : Number.NaN;
  if (!match || !Number.isFinite(value) || Math.abs(value) > max) {
    throw new RampartError(`${what} "${text}" is not a yearly rate`, { hint: 'write it like "60%" or "0.6"' });
  }
  return value;
}

/** A horizon in years: "1y", "6mo", "13w", "90d" ("m" would be minutes, as in every duration; months are "mo"). */
function parseHorizon(text: string): number {
  const cleaned = text.trim().toLowerCase();
  const match = /^(\d+(?:\.\d+)?)\s*(y|yr|years?|mo|months?|w|weeks?|d|days?)$/.exec(cleaned);
  let years: number;
  if (match) {
    const n = Number(match[1]);
    const unit = match[2] ?? "y";
    years = unit.startsWith("y") ? n : unit.startsWith("mo") ? n / 12 : unit.startsWith("w") ? (n * 7) / 365 : n / 365;
  } else {
    try {
      years = parseDuration(cleaned) / (365 * 86_400);
    } catch {
      throw new RampartError(`"${text}" is not a horizon`, { hint: 'write it like "1y", "6mo", "13w" or "90d"' });
    }
  }
  if (/^\d+(\.\d+)?\s*m$/.test(cleaned)) {
    throw new RampartError(`horizon "${text}" is ambiguous: "m" means minutes`, {
      hint: 'write months as "mo", e.g. "6mo"',
    });
  }
  if (years < 1 / 365) {
    throw new RampartError(`horizon "${text}" is shorter than a day`, { hint: 'use e.g. "1y", "6mo", "90d"' });
  }
  if (!(years > 0) || years > 10) {
    throw new RampartError(`horizon "${text}" is out of range`, { hint: 'use e.g. "1y", "6mo", "90d" (up to 10y)' });
  }
  return years;
}

function parseCount(text: string, what: string, min: number, max: number): number {
  const value = Number(text.replace(/[,_]/g, ""));
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RampartError(`${what} "${text}" must be a whole number from ${min} to ${max.toLocaleString("en-US")}`);
  }
  return value;
}

// ─────────────────────────── Formatting ───────────────────────────

const eth = (wei: bigint) => formatAmount(wei, 18, "ETH");
const pct = (x: number, digits = 2) => `${(x * 100).toFixed(digits)}%`;
const signedPct = (x: number) => `${x >= 0 ? "+" : "−"}${pct(Math.abs(x))}`;
const ethNum = (x: number) =>
  `${x.toLocaleString("en-US", { maximumFractionDigits: x >= 1000 ? 0 : x >= 10 ? 2 : 4 })} ETH`;
const usd = (x: number) => `$${x.toLocaleString("en-US", { maximumFractionDigits: 0 })}`;
const weiFromEth = (x: number) => BigInt(Math.round(x * 1e6)) * 10n ** 12n;

function header(loaded: Loaded, what: string): void {
  const when = new Date(loaded.snapshot.timestamp * 1000).toISOString().slice(0, 16).replace("T", " ");
  say(`${what} · snapshot "${loaded.snapshot.name}" (${when} UTC) from ${loaded.origin}`);
}

function printNotes(loaded: Loaded, model: InvestorModel): void {
  const notes = [...loaded.notes, ...model.notes];
  if (notes.length === 0) return;
  say();
  say("Notes:");
  for (const note of notes) say(`  - ${note}`);
}

function concentrationLine(label: string, c: PositionReport["concentration"]["operator"]): string {
  if (c.shares.length === 0) return `  ${label.padEnd(12)} none`;
  const shares = c.shares
    .slice(0, 4)
    .map((s) => `${s.name} ${pct(s.share, 0)}`)
    .join(", ");
  return `  ${label.padEnd(12)} HHI ${c.hhi.toFixed(2)} · effective number ${c.effective.toFixed(1)} (${shares}${c.shares.length > 4 ? ", …" : ""})`;
}

function printPosition(report: PositionReport, model: InvestorModel): void {
  if (report.positions.length === 0) {
    say("  No positions.");
    return;
  }
  say(
    table(
      ["operator", "asset", "amount", "value", "base APR", "rewards", "total APR", "at cap", "expected loss/yr"],
      report.positions.map((p) => [
        p.operatorName,
        p.asset,
        formatAmount(p.amount, p.decimals, p.asset),
        eth(p.valueEth),
        pct(p.baseApr),
        pct(p.rewardApr),
        pct(p.totalApr),
        eth(p.atCapEth),
        eth(p.expectedLossEth),
      ]),
      [2, 3, 4, 5, 6, 7, 8],
    ),
  );
  say(`  total value ${eth(report.valueEth)}`);
  say();
  say("APR (a year, on today's value):");
  const notes = [
    ...new Set(
      report.positions.map(
        (p) => `${p.asset}: ${model.assets[model.assetIndex.get(p.asset) ?? -1]?.baseAprNote ?? ""}`,
      ),
    ),
  ];
  const rows: string[][] = [["base staking", pct(report.apr.base), notes.join("; ")]];
  for (const s of report.apr.byService)
    rows.push([s.serviceName, signedPct(s.apr), "rewards net of the operator's commission"]);
  rows.push(["total", pct(report.apr.total), `plain staking of the same assets: ${pct(report.apr.plainStaking)}`]);
  rows.push([
    "expected slashing loss",
    `−${pct(report.apr.expectedLoss)}`,
    "probability × what a slash at the cap takes",
  ]);
  rows.push([
    "net",
    pct(report.apr.net),
    `versus plain staking ${signedPct(report.apr.net - report.apr.plainStaking)}`,
  ]);
  say(
    table(
      ["", "APR", "how"],
      rows.map((r) => [`  ${r[0]}`, r[1] ?? "", r[2] ?? ""]),
      [1],
    ),
  );
  say();
  say("Exposure (what each service can slash of what you hold):");
  if (report.exposure.byService.length === 0) say("  none: no service can slash these positions");
  else {
    say(
      table(
        ["  service", "allocated", "share", "one slash at cap", "P(slash)/yr", "expected loss/yr"],
        report.exposure.byService.map((e) => [
          `  ${e.serviceName}`,
          eth(e.allocatedEth),
          pct(e.allocatedFraction, 1),
          eth(e.atCapEth),
          pct(e.probability),
          eth(e.expectedLossEth),
        ]),
        [1, 2, 3, 4, 5],
      ),
    );
    const worst = report.exposure.worstEvent;
    if (worst) {
      const share = Number((worst.lossEth * 10_000n) / (report.valueEth || 1n)) / 10_000;
      say(`  worst single event: ${worst.description}: ${eth(worst.lossEth)} (${pct(share, 1)} of your stake)`);
    }
    say(
      `  expected loss ${eth(report.exposure.expectedLossEth)} a year; one slash by every service at its cap: ${eth(report.exposure.totalAtCapEth)}`,
    );
  }
  say();
  say("Concentration:");
  say(concentrationLine("by operator", report.concentration.operator));
  say(concentrationLine("by service", report.concentration.service));
  say(concentrationLine("by asset", report.concentration.asset));
  if (report.warnings.length > 0) {
    say();
    say("Warnings:");
    for (const warning of report.warnings) say(`  - ${warning}`);
  }
}

function printDossier(dossier: Dossier): void {
  const probability =
    dossier.probability.source === "none"
      ? ""
      : ` · ${dossier.kind === "service" ? "slashing" : "peg-shock"} probability ${pct(dossier.probability.value)} a year (${
          dossier.probability.source === "score" ? "default from the score" : `from the ${dossier.probability.source}`
        })`;
  say(`${dossier.name} (${dossier.kind} ${dossier.id}) · score ${dossier.score.toFixed(0)}/100${probability}`);
  for (const [key, value] of dossier.facts) say(`  ${key.padEnd(26)} ${value}`);
  if (dossier.pegShock !== undefined && dossier.kind === "asset" && dossier.pegShock > 0) {
    say(`  ${"peg shock size".padEnd(26)} ${pct(dossier.pegShock, 1)} (recovers over weeks in the simulation)`);
  }
  say();
  say(
    table(
      ["  factor", "value", "score", "weight"],
      dossier.factors.map((f) => [`  ${f.name}`, f.value, f.score.toFixed(0), String(f.weight)]),
      [2, 3],
    ),
  );
  if (dossier.warnings.length > 0) {
    say();
    for (const warning of dossier.warnings) say(`  ! ${warning}`);
  }
}

function percentileRow(
  label: string,
  p: { p5: number; p50: number; p95: number; mean: number },
  f: (x: number) => string,
) {
  return [label, f(p.p5), f(p.p50), f(p.p95), f(p.mean)];
}

function printCompare(report: CompareReport): void {
  say(
    `${formatAmount(report.amount, report.decimals, report.asset)} (${ethNum(report.startEth)}, ${usd(report.startUsd)} at ${usd(
      report.parameters.ethUsd,
    )}/ETH) over ${report.horizonYears === 1 ? "1 year" : `${+report.horizonYears.toFixed(3)} years`} · ${report.paths.toLocaleString(
      "en-US",
    )} paths · seed "${report.seed}" · ${(report.elapsedMs / 1000).toFixed(2)} s`,
  );
  say(`Restaking plan: ${report.plan.map((p) => `${p.operatorName} ${pct(p.weight, 0)}`).join(", ")}`);
  say();
  say(
    table(
      ["end value", "p5", "p50", "p95", "mean"],
      [
        percentileRow("staking (ETH)", report.staking.eth, ethNum),
        percentileRow("restaking (ETH)", report.restaking.eth, ethNum),
        percentileRow("staking (USD)", report.staking.usd, usd),
        percentileRow("restaking (USD)", report.restaking.usd, usd),
      ],
      [1, 2, 3, 4],
    ),
  );
  say();
  say(`Probability that restaking ends below plain staking: ${pct(report.probabilityRestakingBelow, 1)}`);
  say();
  say("What the simulation assumed:");
  say(
    `  ${report.asset} base APR ${pct(report.baseApr)}; peg shocks ${pct(report.depegProbability, 1)} a year of ${pct(
      report.pegShock,
      1,
    )}, half recovered in ${report.parameters.pegRecoveryDays}d (both strategies alike)`,
  );
  say(
    `  ETH/USD volatility ${pct(report.parameters.ethVolatility, 0)}, drift ${pct(report.parameters.ethDrift, 0)} a year; stake securing each service grows ${pct(
      report.parameters.stakeGrowth,
      0,
    )} a year (±${pct(report.parameters.stakeGrowthVolatility, 0)}), diluting its rewards; expired programs renewed with probability ${pct(
      report.parameters.renewal,
      0,
    )}`,
  );
  if (report.services.length > 0) {
    say(
      table(
        ["  service", "reward APR now", "funded for", "P(slash)/yr"],
        report.services.map((s) => [
          `  ${s.serviceName}`,
          pct(s.rewardApr),
          s.fundedYears > 0 ? `${Math.round(s.fundedYears * 365)}d` : "not funded",
          pct(s.slashProbability),
        ]),
        [1, 2, 3],
      ),
    );
  }
}

function summaryRows(reports: [string, PositionReport | undefined][]): string[][] {
  const present = reports.filter((r): r is [string, PositionReport] => r[1] !== undefined);
  const row = (label: string, f: (r: PositionReport) => string) => [label, ...present.map(([, r]) => f(r))];
  const largest = (r: PositionReport) => {
    const top = [...r.exposure.byService].sort((a, b) => b.allocatedFraction - a.allocatedFraction)[0];
    return top ? `${pct(top.allocatedFraction, 1)} (${top.serviceName})` : "none";
  };
  return [
    row("value", (r) => eth(r.valueEth)),
    row("total APR", (r) => pct(r.apr.total)),
    row("plain staking APR", (r) => pct(r.apr.plainStaking)),
    row("expected slashing loss", (r) => `−${pct(r.apr.expectedLoss)}`),
    row("net APR", (r) => pct(r.apr.net)),
    row("worst single event", (r) =>
      r.exposure.worstEvent
        ? `${pct(Number((r.exposure.worstEvent.lossEth * 10_000n) / (r.valueEth || 1n)) / 10_000, 1)} (${r.exposure.worstEvent.name})`
        : "none",
    ),
    row("largest service exposure", largest),
    row("operators (effective)", (r) => r.concentration.operator.effective.toFixed(1)),
    row("services (effective)", (r) => r.concentration.service.effective.toFixed(1)),
  ];
}

function printPlan(report: PlanReport, staker: string | undefined): void {
  const l = report.limits;
  const limitText = [
    `≤ ${pct(Number(l.maxPerOperator) / 1e18, 0)} per operator`,
    `≤ ${pct(Number(l.maxPerService) / 1e18, 0)} per service`,
    l.maxPerAsset < 10n ** 18n ? `≤ ${pct(Number(l.maxPerAsset) / 1e18, 0)} per asset` : "",
    l.minScore > 0 ? `scores ≥ ${l.minScore}` : "",
    l.maxPositions !== undefined ? `≤ ${l.maxPositions} positions` : "",
    l.assets ? `assets ${l.assets.join(", ")}` : "",
  ]
    .filter(Boolean)
    .join(", ");
  say(`Plan for ${eth(report.budgetEth)} · ${limitText}`);
  say(
    table(
      ["operator", "asset", "amount", "value", "share", "net APR"],
      report.positions.map((p) => [
        p.operatorName,
        p.asset,
        formatAmount(p.amount, p.decimals, p.asset),
        eth(p.valueEth),
        pct(p.share, 1),
        pct(p.netApr),
      ]),
      [2, 3, 4, 5],
    ),
  );
  say();
  const columns: [string, PositionReport | undefined][] = [
    ["plan", report.plan],
    ["even split", report.naive],
    [staker ? "yours now" : "", report.current],
  ];
  say(
    table(
      ["", ...columns.filter(([, r]) => r).map(([name]) => name)],
      summaryRows(columns).map((r) => [`  ${r[0]}`, ...r.slice(1)]),
      [1, 2, 3],
    ),
  );
  say();
  const worstOp = report.checks.filter((c) => c.limit.startsWith("operator")).sort((a, b) => b.value - a.value)[0];
  const worstSvc = report.checks.filter((c) => c.limit.startsWith("service")).sort((a, b) => b.value - a.value)[0];
  say(
    `Checked in integer arithmetic before showing: every limit holds${worstOp ? ` (largest operator ${pct(worstOp.value, 2)} ≤ ${pct(worstOp.max, 0)}` : ""}${
      worstSvc ? `, largest service ${pct(worstSvc.value, 2)} ≤ ${pct(worstSvc.max, 0)}` : ""
    }${worstOp ? ")" : ""}; ${report.solver.milp ? "MILP" : "LP"} with ${report.solver.variables} variables, ${report.solver.constraints} constraints, solved by HiGHS in ${Math.round(report.solver.ms)} ms.`,
  );
  if (report.unplacedWei > 0n) say(`Left unplaced by rounding to base units: ${eth(report.unplacedWei)}.`);
  if (report.excluded.length > 0) {
    say(
      `Left out (${report.excluded.length}): ${report.excluded
        .slice(0, 6)
        .map((e) => `${e.operator}/${e.asset}: ${e.reason}`)
        .join("; ")}${report.excluded.length > 6 ? "; …" : ""}`,
    );
  }
  for (const note of report.notes) say(`Note: ${note}`);
  if (report.plan.warnings.length > 0) {
    say();
    say("Warnings about the plan:");
    for (const warning of report.plan.warnings) say(`  - ${warning}`);
  }
}

// ─────────────────────────── Commands ───────────────────────────

type Action = (command: Command, args: string[], options: Record<string, unknown>, json: boolean) => Promise<void>;

function action(handler: Action) {
  return async (...all: unknown[]): Promise<void> => {
    const command = all[all.length - 1] as Command;
    E ??= await import("../../risk/index.ts");
    const json = Boolean((command.optsWithGlobals() as RiskOptions).json);
    await handler(command, command.processedArgs as string[], command.opts(), json);
  };
}

const SNAPSHOT_OPTION = ["--snapshot <file>", "a snapshot file (docs/snapshot.md); default: read the chain"] as const;
const ETH_USD_OPTION = ["--eth-usd <usd>", "USD per ETH (an assumption; default: the snapshot's, else 3000)"] as const;
const SLASH_OPTION = [
  "--slash-prob <service=p,…>",
  "yearly slashing probability per service, overriding the dossier default (e.g. lattice-da=2%)",
] as const;

export function registerRiskCommands(program: Command): void {
  program
    .command("snapshot")
    .description("export a network snapshot of the live network (docs/snapshot.md)")
    .option("--out <file>", "write the snapshot to this file (default: print it)")
    .option(...ETH_USD_OPTION)
    .option("--staker <address>", "only this staker's positions (default: every staker's)")
    .action(
      action(async (command, _args, options, json) => {
        const context = await contextOf(command);
        const ethUsd = options.ethUsd === undefined ? undefined : parseUsd(String(options.ethUsd));
        const stakers = options.staker ? [parseAddress(String(options.staker), "staker address")] : undefined;
        const { snapshot, notes } = await E.snapshotFromChain(context.client, { ethUsd, stakers });
        const text = `${JSON.stringify(snapshot, null, 2)}\n`;
        if (!options.out) {
          process.stdout.write(text);
          return;
        }
        const file = path.resolve(String(options.out));
        try {
          writeFileSync(file, text);
        } catch (error) {
          throw new RampartError(`cannot write ${file} (${(error as Error).message})`, {
            hint: "choose a writable path for --out",
          });
        }
        const summary = {
          file,
          blockNumber: snapshot.source?.blockNumber,
          operators: snapshot.operators.length,
          services: snapshot.services.length,
          allocations: snapshot.allocations.length,
          rewardPrograms: snapshot.rewardPrograms?.length ?? 0,
          positions: snapshot.positions?.length ?? 0,
          notes,
        };
        if (json) return say(toJson(summary));
        say(
          `Wrote ${file}: block #${summary.blockNumber}, ${summary.operators} operator(s), ${summary.services} service(s) (one per operator set), ` +
            `${summary.allocations} allocation(s), ${summary.rewardPrograms} reward program(s), ${summary.positions} position(s).`,
        );
        say("Assumptions and gaps:");
        for (const note of notes) say(`  - ${note}`);
      }),
    );

  const risk = program
    .command("risk")
    .description("risk and yield: positions, dossiers, staking vs restaking, diversification, network security");

  risk
    .command("position <address>")
    .description("a staker's APR decomposition, exposure per service, expected loss and concentration")
    .option(...SNAPSHOT_OPTION)
    .option(...ETH_USD_OPTION)
    .option(...SLASH_OPTION)
    .action(
      action(async (command, [address = ""], options, json) => {
        const onChain = !options.snapshot;
        const staker = onChain ? parseAddress(address, "staker address") : address;
        const loaded = await loadSnapshot(command, undefined, onChain ? { stakers: [staker] } : {});
        const model = E.buildInvestorModel(loaded.snapshot);
        const holdings = E.holdingsOf(model, staker);
        if (holdings.length === 0 && !onChain) {
          const known = E.stakersOf(model);
          throw new RampartError(`${address} has no positions in ${loaded.origin}`, {
            hint:
              known.length > 0
                ? `stakers in it: ${known.slice(0, 5).join(", ")}${known.length > 5 ? ", …" : ""}`
                : "the snapshot lists no positions",
          });
        }
        const report = E.analyzeHoldings(model, holdings, {
          staker,
          slashProbabilities: parseProbabilities(model, options.slashProb as string | undefined),
        });
        if (json) return say(toJson({ origin: loaded.origin, notes: [...loaded.notes, ...model.notes], ...report }));
        header(loaded, `Position of ${staker}`);
        printPosition(report, model);
        printNotes(loaded, model);
      }),
    );

  risk
    .command("dossier <service-or-asset>")
    .description(
      "a service's or an asset's score, factor by factor, and the slashing (or peg-shock) probability it implies",
    )
    .option(...SNAPSHOT_OPTION)
    .action(
      action(async (command, [ref = ""], _options, json) => {
        const loaded = await loadSnapshot(command, undefined, { stakers: [] });
        const model = E.buildInvestorModel(loaded.snapshot);
        const service =
          E.findEntity(model.services, ref) ?? model.services.find((s) => String(s.source.setId) === ref.trim());
        const asset = E.findEntity(model.assets, ref);
        if (!service && !asset) {
          throw new RampartError(`no service or asset "${ref}" in ${loaded.origin}`, {
            hint: `services: ${model.services.map((s) => s.id).join(", ") || "none"}; assets: ${model.assets.map((a) => a.id).join(", ")}`,
          });
        }
        const dossier = service
          ? E.serviceDossier(model, service.index)
          : E.assetDossier(model, (asset as { index: number }).index);
        if (json) return say(toJson({ origin: loaded.origin, ...dossier }));
        header(loaded, `Dossier`);
        printDossier(dossier);
      }),
    );

  risk
    .command("compare <amount> <asset>")
    .description("Monte Carlo: plain staking versus restaking the same tokens, p5/p50/p95 in ETH and USD")
    .option("--horizon <time>", 'how long ("1y", "6mo", "90d")', "1y")
    .option(
      "--operators <list>",
      "the restaking plan: operators (id, name or #n), optionally weighted: bastion:60%,northwall:40%",
    )
    .option("--paths <n>", "simulated paths", "100000")
    .option("--seed <text>", "random seed (same seed, same numbers)", "rampart")
    .option("--eth-vol <rate>", "yearly ETH/USD volatility", "60%")
    .option("--eth-drift <rate>", "yearly ETH/USD drift", "0%")
    .option("--stake-growth <rate>", "yearly growth of the stake securing each service (dilutes rewards)", "30%")
    .option("--renewal <p>", "probability a service renews its rewards when its programs end", "80%")
    .option("--depeg-prob <p>", "yearly probability of an LST peg shock (default: from the asset's dossier)")
    .option(...SNAPSHOT_OPTION)
    .option(...ETH_USD_OPTION)
    .option(...SLASH_OPTION)
    .action(
      action(async (command, [amountText = "", assetRef = ""], options, json) => {
        const horizonYears = parseHorizon(String(options.horizon));
        const paths = parseCount(String(options.paths), "--paths", 100, 2_000_000);
        const loaded = await loadSnapshot(command, undefined, { stakers: [] });
        const model = E.buildInvestorModel(loaded.snapshot);
        const asset = E.findEntity(model.assets, assetRef);
        if (!asset) {
          throw new RampartError(`unknown asset "${assetRef}"`, {
            hint: `use one of: ${model.assets.map((a) => a.id).join(", ")}`,
          });
        }
        const amount = parseAmount(amountText, asset.decimals);
        if (amount === 0n)
          throw new RampartError("the amount must be above 0", { hint: "e.g. rampart risk compare 10 wstETH" });
        const slashProbabilities = parseProbabilities(model, options.slashProb as string | undefined);
        const plan = options.operators
          ? parsePlan(model, String(options.operators), asset.index)
          : await defaultPlan(model, amount, asset.index, slashProbabilities);
        const report = E.compareStrategies(model, {
          ...E.COMPARE_DEFAULTS,
          amount,
          asset: asset.index,
          plan,
          horizonYears,
          paths,
          seed: String(options.seed),
          ethUsd: Number(E.ethUsdOf(loaded.snapshot)) / 1e18,
          ethVolatility: parseRate(String(options.ethVol), "--eth-vol", 5),
          ethDrift: parseRate(String(options.ethDrift), "--eth-drift", 5),
          stakeGrowth: parseRate(String(options.stakeGrowth), "--stake-growth", 10),
          renewal: parseProbability(String(options.renewal), "--renewal"),
          slashProbabilities,
          depegProbability:
            options.depegProb === undefined ? undefined : parseProbability(String(options.depegProb), "--depeg-prob"),
        });
        if (json) {
          const money = (p: { p5: number; p50: number; p95: number; mean: number }, f: (x: number) => bigint) => ({
            p5: f(p.p5),
            p50: f(p.p50),
            p95: f(p.p95),
            mean: f(p.mean),
          });
          const cents = (x: number) => BigInt(Math.round(x * 100));
          return say(
            toJson({
              ...report,
              units: { eth: "wei", usd: "cents" },
              staking: { eth: money(report.staking.eth, weiFromEth), usd: money(report.staking.usd, cents) },
              restaking: { eth: money(report.restaking.eth, weiFromEth), usd: money(report.restaking.usd, cents) },
              startEth: weiFromEth(report.startEth),
              startUsd: cents(report.startUsd),
            }),
          );
        }
        header(loaded, "Staking versus restaking");
        printCompare(report);
      }),
    );

  risk
    .command("plan <amount>")
    .description(
      "positions across operators and assets that maximise expected net APR within your limits (amount in ETH)",
    )
    .option("--max-per-service <percent>", "largest share of the amount any one service can slash", "100%")
    .option("--max-per-operator <percent>", "largest share of the amount with any one operator", "50%")
    .option("--max-per-asset <percent>", "largest share of the amount in any one asset", "100%")
    .option(
      "--min-score <score>",
      "leave out pools whose asset or any service they back scores below this (0–100)",
      "0",
    )
    .option("--max-positions <n>", "at most this many positions (solved as a MILP)")
    .option("--assets <list>", "only these assets (e.g. wstETH,rETH)")
    .option("--staker <address>", "show this staker's current positions next to the plan")
    .option(...SNAPSHOT_OPTION)
    .option(...ETH_USD_OPTION)
    .option(...SLASH_OPTION)
    .action(
      action(async (command, [amountText = ""], options, json) => {
        const budget = parseAmount(amountText, 18, "amount of ETH");
        const limits: PlanLimits = {
          maxPerService: parsePercent(String(options.maxPerService), "--max-per-service"),
          maxPerOperator: parsePercent(String(options.maxPerOperator), "--max-per-operator"),
          maxPerAsset: parsePercent(String(options.maxPerAsset), "--max-per-asset"),
          minScore: parseScore(String(options.minScore)),
          maxPositions:
            options.maxPositions === undefined
              ? undefined
              : parseCount(String(options.maxPositions), "--max-positions", 1, 1000),
          assets: undefined,
        };
        for (const [name, value] of [
          ["--max-per-service", limits.maxPerService],
          ["--max-per-operator", limits.maxPerOperator],
          ["--max-per-asset", limits.maxPerAsset],
        ] as const) {
          if (value === 0n) throw new RampartError(`${name} 0% leaves no room`, { hint: "give a share above 0%" });
        }
        const onChain = !options.snapshot;
        const staker = options.staker ? String(options.staker) : undefined;
        const loaded = await loadSnapshot(command, undefined, {
          stakers: onChain && staker ? [parseAddress(staker, "staker address")] : [],
        });
        const model = E.buildInvestorModel(loaded.snapshot);
        if (options.assets) {
          limits.assets = String(options.assets)
            .split(",")
            .map((ref) => {
              const asset = E.findEntity(model.assets, ref);
              if (!asset)
                throw new RampartError(`--assets: unknown asset "${ref.trim()}"`, {
                  hint: `use: ${model.assets.map((a) => a.id).join(", ")}`,
                });
              return asset.id;
            });
        }
        const current = staker ? E.holdingsOf(model, staker) : undefined;
        const report = await E.planPositions(model, budget, limits, {
          slashProbabilities: parseProbabilities(model, options.slashProb as string | undefined),
          current,
        });
        if (json) return say(toJson({ origin: loaded.origin, ...report }));
        header(loaded, "Diversification plan");
        printPlan(report, staker);
        printNotes(loaded, model);
      }),
    );

  risk
    .command("security [snapshot]")
    .description("network security: profitable attacks, slack γ, per-service cost of corruption (docs/risk.md)")
    .option(...SNAPSHOT_OPTION)
    .option(...ETH_USD_OPTION)
    .option("--time-limit <seconds>", "stop searching after this long and report bounds (default 60)", "60")
    .action(
      action(async (command, [file], options, json) => {
        const loaded = await loadSnapshot(command, file, { stakers: [] });
        const network = E.toSecurityNetwork(loaded.snapshot);
        const security = E;
        const timeLimitSeconds = Number(options.timeLimit);
        if (!(timeLimitSeconds > 0)) {
          throw new RampartError(`--time-limit "${String(options.timeLimit)}" is not a positive number of seconds`, {
            hint: "e.g. --time-limit 10",
          });
        }
        const report = await security.analyzeSecurity(network, { timeLimitSeconds });
        if (json)
          return say(toJson({ origin: loaded.origin, ...(security.securityReportToJson(report, network) as object) }));
        header(loaded, "Network security");
        say(security.formatSecurityReport(report, labelled(network, loaded.snapshot)));
        printNotes(loaded, E.buildInvestorModel(loaded.snapshot));
      }),
    );

  risk
    .command("cascade [snapshot]")
    .description("cascading attacks after a shock that removes ψ of all stake (docs/risk.md)")
    .requiredOption("--shock <psi>", 'the share of all stake the shock removes ("10%", "0.1", "1/10")')
    .option(...SNAPSHOT_OPTION)
    .option(...ETH_USD_OPTION)
    .action(
      action(async (command, [file], options, json) => {
        const shock = E.parseFraction(String(options.shock));
        if (typeof shock === "string") throw new RampartError(`--shock: ${shock}`, { hint: 'write it like "10%"' });
        const loaded = await loadSnapshot(command, file, { stakers: [] });
        const network = E.toSecurityNetwork(loaded.snapshot);
        const security = E;
        const report = await security.analyzeCascade(network, shock);
        if (json)
          return say(toJson({ origin: loaded.origin, ...(security.cascadeReportToJson(report, network) as object) }));
        header(loaded, `Cascade after a shock of ${options.shock}`);
        say(security.formatCascadeReport(report, labelled(network, loaded.snapshot)));
      }),
    );
}

/** The network with people's names as ids, for the text reports ("Bastion Staking (0x90F7…b906)"). */
function labelled(network: SecurityNetwork, snapshot: Snapshot): SecurityNetwork {
  const label = (id: string, name: string | undefined) =>
    name && name !== id ? (/^0x[0-9a-fA-F]{40}$/.test(id) ? `${name} (${id.slice(0, 6)}…${id.slice(-4)})` : name) : id;
  return {
    ...network,
    operators: network.operators.map((o, i) => ({ ...o, id: label(o.id, snapshot.operators[i]?.name) })),
    services: network.services.map((s, i) => ({ ...s, id: label(s.id, snapshot.services[i]?.name) })),
  };
}

function parseScore(text: string): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || value > 100) {
    throw new RampartError(`--min-score "${text}" is not a score`, { hint: "scores run from 0 to 100" });
  }
  return value;
}

/** "bastion:60%,northwall:40%" or "bastion,northwall" (even split) → plan weights. */
function parsePlan(model: InvestorModel, text: string, asset: number): { operator: number; weight: number }[] {
  const entries = text.split(",").map((part) => {
    const [ref = "", weight] = part.split(":");
    const operator = E.findEntity(model.operators, ref);
    if (!operator) {
      throw new RampartError(`--operators: unknown operator "${ref.trim()}"`, {
        hint: `use an id, a name or #n: ${model.operators
          .slice(0, 6)
          .map((o) => o.id)
          .join(", ")}${model.operators.length > 6 ? ", …" : ""}`,
      });
    }
    if ((operator.stake[asset] ?? 0n) === 0n) {
      throw new RampartError(`${operator.name} runs no ${model.assets[asset]?.id} pool`, {
        hint: "choose operators with a pool of that asset (rampart risk plan shows them)",
      });
    }
    return {
      operator: operator.index,
      weight: weight === undefined ? Number.NaN : Number(parsePercent(weight, "weight")) / 1e18,
    };
  });
  const given = entries.filter((e) => !Number.isNaN(e.weight));
  if (given.length > 0 && given.length < entries.length) {
    throw new RampartError("--operators: give a weight to every operator or to none", {
      hint: "e.g. bastion:60%,northwall:40%",
    });
  }
  const total = entries.reduce((sum, e) => sum + (Number.isNaN(e.weight) ? 1 : e.weight), 0);
  if (total <= 0) throw new RampartError("--operators: the weights add up to 0");
  return entries.map((e) => ({ operator: e.operator, weight: (Number.isNaN(e.weight) ? 1 : e.weight) / total }));
}

/** Without --operators: the plan's positions for this asset (default limits). */
async function defaultPlan(
  model: InvestorModel,
  amount: bigint,
  asset: number,
  slashProbabilities: Map<string, number>,
): Promise<{ operator: number; weight: number }[]> {
  const info = model.assets[asset];
  if (!info) return [];
  if (!model.operators.some((o) => (o.stake[asset] ?? 0n) > 0n)) {
    throw new RampartError(`no operator runs a ${info.id} pool in this snapshot`, {
      hint: "choose another asset, or name the plan with --operators",
    });
  }
  const budget = (amount * info.priceEth) / 10n ** BigInt(info.decimals);
  const plan = (maxPerOperator: bigint) =>
    E.planPositions(
      model,
      budget > 0n ? budget : 1n,
      { ...E.PLAN_DEFAULTS, maxPerOperator, assets: [info.id] },
      {
        slashProbabilities,
      },
    );
  // With a single operator running the asset, 50% per operator cannot place everything: then the best pool alone.
  const report = await plan(E.PLAN_DEFAULTS.maxPerOperator).catch(() => plan(10n ** 18n));

  // Slivers the solver leaves below 0.1% are rounding, not a choice.
  const chosen = report.positions.filter((p) => p.share >= 0.001);
  const total = chosen.reduce((sum, p) => sum + p.share, 0);
  return chosen.map((p) => ({ operator: model.operatorIndex.get(p.operator) ?? 0, weight: p.share / total }));
}
