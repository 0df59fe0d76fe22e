// The network snapshot: a documented, versioned JSON description of a restaking network (docs/snapshot.md) that every
// risk command works on. It is exported from the chain by `rampart snapshot`, or written by hand: the abstract networks
// of the literature (full, elastic and unique-stake restaking) are snapshots too.
//
// On disk every amount is a decimal string of base units (never a float), every price a decimal string, every
// fraction "0.5", "50%" or "1/3". `parseSnapshot` validates the JSON with zod, then checks the cross-references, and
// reports every problem with its path in one RampartError. The parsed snapshot carries bigints and rationals.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { RampartError } from "../sdk/errors.ts";
import type { Rational, SecurityAllocation, SecurityNetwork } from "./types.ts";

/** The schema version this code reads and writes. */
export const SNAPSHOT_VERSION = 1;

/** ETH price in USD assumed when neither the snapshot nor `--eth-usd` gives one. Documented in docs/snapshot.md. */
export const DEFAULT_ETH_USD = "3000";

/** The protocol's commission until an operator sets one (docs/protocol.md, Commissions): 10%. */
export const DEFAULT_COMMISSION_BPS = 1000;

export const SECONDS_PER_YEAR = 365 * 86_400;

const WAD = 10n ** 18n;

// ─────────────────────────── Scalar formats ───────────────────────────

/** A non-negative integer amount of base units, as a decimal string. */
const amount = z
  .string()
  .regex(/^\d+$/, 'expected a decimal string of base units, like "1500000000000000000" (no sign, dot or exponent)')
  .transform((text) => BigInt(text));

/** A non-negative decimal number as a string ("1.17", "3000"), kept as WAD (18 decimals). */
const decimal = z
  .string()
  .regex(/^\d+(\.\d{1,18})?$/, 'expected a decimal string like "1.17" (at most 18 decimals, no sign or exponent)')
  .transform((text) => decimalToWad(text));

/** A fraction in [0, 1]: "0.25", "25%" or "1/4". */
const fraction = z.string().transform((text, ctx) => {
  const parsed = parseFraction(text);
  if (typeof parsed === "string") {
    ctx.addIssue({ code: "custom", message: parsed });
    return z.NEVER;
  }
  return parsed;
});

/** Unix seconds, or an ISO 8601 date ("2025-03-01" or "2025-03-01T12:00:00Z"). */
const time = z.union([z.number().int().min(0), z.string()]).transform((value, ctx) => {
  if (typeof value === "number") return value;
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) {
    ctx.addIssue({ code: "custom", message: 'expected unix seconds or an ISO date like "2025-03-01"' });
    return z.NEVER;
  }
  const ms = Date.parse(/T| /.test(value) ? value : `${value}T00:00:00Z`);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: "custom", message: `"${value}" is not a valid date` });
    return z.NEVER;
  }
  return Math.floor(ms / 1000);
});

const seconds = z.number().int().min(0);
const bps = z.number().int().min(0).max(10_000);
const id = z
  .string()
  .min(1, "an id cannot be empty")
  .max(100)
  .regex(/^[^\s,=]+$/, "an id has no spaces, commas or '=' (it is typed on the command line)");

/** Wei per ETH-denominated WAD: `decimalToWad("1.5") = 1.5e18`. */
export function decimalToWad(text: string): bigint {
  const [whole = "0", frac = ""] = text.split(".");
  return BigInt(whole) * WAD + BigInt(frac.padEnd(18, "0").slice(0, 18) || "0");
}

/** "0.25", "25%", "1/4" → a rational in [0, 1], or the reason it is not one. */
export function parseFraction(text: string): Rational | string {
  const trimmed = text.trim();
  let num: bigint;
  let den: bigint;
  const ratio = /^(\d+)\s*\/\s*(\d+)$/.exec(trimmed);
  const percent = /^(\d+(?:\.\d{1,16})?)\s*%$/.exec(trimmed);
  if (ratio) {
    num = BigInt(ratio[1] ?? "0");
    den = BigInt(ratio[2] ?? "1");
    if (den === 0n) return `"${text}" divides by zero`;
  } else if (percent) {
    num = decimalToWad(percent[1] ?? "0");
    den = 100n * WAD;
  } else if (/^\d+(\.\d{1,18})?$/.test(trimmed)) {
    num = decimalToWad(trimmed);
    den = WAD;
  } else {
    return `expected a fraction like "0.25", "25%" or "1/4", got "${text}"`;
  }
  if (num > den) return `"${text}" is above 1 (100%)`;
  return reduce({ num, den });
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function reduce(r: Rational): Rational {
  const g = gcd(r.num, r.den);
  return g > 1n ? { num: r.num / g, den: r.den / g } : r;
}

/** A rational as a float (for rates and probabilities, never for money). */
export function ratioToNumber(r: Rational): number {
  return Number((r.num * 10n ** 18n) / r.den) / 1e18;
}

/** A rational as WAD, rounded down. */
export function ratioToWad(r: Rational): bigint {
  return (r.num * WAD) / r.den;
}

// ─────────────────────────── Schema ───────────────────────────

export const SERVICE_CATEGORY_KEYS = ["da", "bridge", "oracle", "sequencer", "coprocessor", "keeper", "other"] as const;

const audit = z.strictObject({
  auditor: z.string().min(1),
  date: time,
  scope: z.string().optional(),
  report: z.string().optional(),
});

const rateSample = z.strictObject({ time, rate: decimal });

const assetSchema = z.strictObject({
  id,
  name: z.string().optional(),
  address: z.string().optional(),
  decimals: z.number().int().min(0).max(36),
  /** "ETH" (ETH or WETH: worth 1 ETH, earns nothing by itself), "LST" (a liquid staking token), "other". */
  kind: z.enum(["ETH", "LST", "other"]),
  /** ETH per whole token now. */
  priceEth: decimal,
  /** Exchange-rate history (ETH per whole token), oldest first: the base staking APR comes from its growth. */
  rateHistory: z.array(rateSample).optional(),
  /** Staking APR the token declares, basis points: used when the history is too short. */
  aprBps: bps.optional(),
  localStandIn: z.boolean().optional(),
  /** Dossier facts (LSTs): see docs/metadata.md. */
  facts: z
    .looseObject({
      provider: z.string().optional(),
      launched: time.optional(),
      audits: z.array(audit).optional(),
      /** Share of all staked ETH this LST holds. */
      shareOfStakedEth: fraction.optional(),
      /** Largest discount of the market price to the exchange rate over the last year. */
      pegDeviation: fraction.optional(),
      /** Days to redeem for ETH through the provider's queue. */
      redemptionDays: z.number().min(0).optional(),
      /** Yearly probability of a peg shock, overriding the default from the score. */
      depegProbability: fraction.optional(),
      /** Size of a peg shock, overriding the default. */
      pegShock: fraction.optional(),
    })
    .optional(),
});

const tokenSchema = z.strictObject({
  id,
  name: z.string().optional(),
  address: z.string().optional(),
  decimals: z.number().int().min(0).max(36),
  priceEth: decimal,
});

const operatorSchema = z.strictObject({
  id,
  name: z.string().optional(),
  address: z.string().optional(),
  /** Stake per asset id, base units: everything in the operator's pools (what can be slashed). */
  stake: z.record(z.string(), amount),
  /** Commission per service id, basis points; services not listed get `defaultCommissionBps`. */
  commissions: z.record(z.string(), bps).optional(),
  defaultCommissionBps: bps.optional(),
  /** Seconds before an allocation increase becomes slashable. */
  allocationDelay: seconds.optional(),
  metadataURI: z.string().optional(),
});

const serviceSlashingSchema = z.strictObject({
  /** Largest fraction of an allocation one slash may take. */
  maxSlash: fraction,
  /** Seconds a veto committee has to cancel a slash; 0 = instant. */
  vetoWindow: seconds.optional(),
  deallocationDelay: seconds.optional(),
  /** True when slashed funds are burned (else they go to a recipient). */
  burns: z.boolean().optional(),
});

const slashRecord = z.strictObject({
  time,
  operator: z.string().optional(),
  fraction: fraction.optional(),
  status: z.enum(["executed", "vetoed", "pending"]),
  reason: z.string().optional(),
});

const serviceSchema = z.strictObject({
  id,
  name: z.string().optional(),
  address: z.string().optional(),
  /** The Rampart operator set this service entry stands for. */
  setId: z.number().int().min(0).optional(),
  category: z.enum(SERVICE_CATEGORY_KEYS),
  /** π: what corrupting the service is worth to an attacker, ETH wei. */
  profitFromCorruption: amount,
  /** α: the fraction of the stake backing the service an attacker must control. */
  attackThreshold: fraction,
  slashing: serviceSlashingSchema,
  /** Asset ids the service accepts (informational). */
  assets: z.array(z.string()).optional(),
  metadataURI: z.string().optional(),
  facts: z
    .looseObject({
      description: z.string().optional(),
      website: z.string().optional(),
      launched: time.optional(),
      audits: z.array(audit).optional(),
      slashes: z.array(slashRecord).optional(),
      /** Yearly probability that an allocation to this service is slashed, overriding the dossier default. */
      slashingProbability: fraction.optional(),
    })
    .optional(),
  /** Fields the exporter could not read and filled with a documented assumption. */
  assumed: z.array(z.string()).optional(),
});

const allocationSchema = z.strictObject({
  operator: z.string(),
  service: z.string(),
  /** Omitted: the operator's whole stake, every asset (full restaking). */
  asset: z.string().optional(),
  /** Base units of `asset`; omitted or "full": the operator's whole stake (of `asset` when given). */
  amount: z.union([z.literal("full"), amount]).optional(),
});

const programSchema = z.strictObject({
  id,
  service: z.string(),
  kind: z.enum(["pro-rata", "operator-directed"]),
  /** An asset id or a token id: what the program pays in. */
  token: z.string(),
  /** Total paid over the program, base units of the token. */
  amount,
  startTime: time,
  /** Seconds. */
  duration: z.number().int().positive(),
  /** Assets whose allocated stake earns, weight per base unit. Omitted: every asset, weighted by its ETH value. */
  assets: z.array(z.strictObject({ asset: z.string(), weight: amount })).optional(),
  /** Operator-directed programs: the amount each operator is due over the program. */
  operators: z.array(z.strictObject({ operator: z.string(), amount })).optional(),
});

const positionSchema = z.strictObject({
  /** An address, or any label for hand-written snapshots. */
  staker: z.string().min(1),
  operator: z.string(),
  asset: z.string(),
  amount,
});

export const snapshotSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(SNAPSHOT_VERSION, { message: `expected version ${SNAPSHOT_VERSION} (the only version)` }),
  name: z.string().min(1),
  description: z.string().optional(),
  /** The time the snapshot describes, unix seconds or ISO date. */
  timestamp: time,
  source: z
    .strictObject({
      kind: z.enum(["chain", "hand-written", "paper"]),
      chainId: z.number().int().optional(),
      blockNumber: z.string().optional(),
      rampart: z.string().optional(),
      reference: z.string().optional(),
    })
    .optional(),
  /** Prices nobody on chain can tell us. */
  assumptions: z.strictObject({ ethUsd: decimal.optional() }).optional(),
  network: z.strictObject({ withdrawalDelay: seconds.optional() }).optional(),
  assets: z.array(assetSchema).min(1, "a snapshot needs at least one asset"),
  tokens: z.array(tokenSchema).optional(),
  operators: z.array(operatorSchema),
  services: z.array(serviceSchema),
  allocations: z.array(allocationSchema),
  rewardPrograms: z.array(programSchema).optional(),
  positions: z.array(positionSchema).optional(),
  notes: z.array(z.string()).optional(),
});

/** A snapshot as written in JSON. */
export type SnapshotInput = z.input<typeof snapshotSchema>;
/** A validated snapshot: amounts are bigint, prices WAD bigint, fractions rationals, times unix seconds. */
export type Snapshot = z.output<typeof snapshotSchema>;
export type SnapshotAsset = Snapshot["assets"][number];
export type SnapshotOperator = Snapshot["operators"][number];
export type SnapshotService = Snapshot["services"][number];
export type SnapshotAllocation = Snapshot["allocations"][number];
export type SnapshotProgram = NonNullable<Snapshot["rewardPrograms"]>[number];
export type SnapshotPosition = NonNullable<Snapshot["positions"]>[number];
export type SnapshotToken = NonNullable<Snapshot["tokens"]>[number];
export type Audit = z.output<typeof audit>;

// ─────────────────────────── Parsing ───────────────────────────

/** `operators[2].stake.wstETH` */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text === "" ? String(key) : `.${String(key)}`;
  }
  return text || "(root)";
}

/**
 * Validates a parsed JSON value as a snapshot. Throws one RampartError listing every problem as `path: problem`
 * (structure first; cross-references once the structure is right).
 * @example
 * const snapshot = parseSnapshot(JSON.parse(text), "examples/snapshots/realistic.json");
 */
export function parseSnapshot(json: unknown, source = "snapshot"): Snapshot {
  const result = snapshotSchema.safeParse(json);
  if (!result.success) {
    throw invalid(
      source,
      result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
    );
  }
  const problems = crossCheck(result.data);
  if (problems.length > 0) throw invalid(source, problems);
  return result.data;
}

function invalid(source: string, problems: string[]): RampartError {
  const shown = problems.slice(0, 12);
  const more = problems.length > shown.length ? `; and ${problems.length - shown.length} more` : "";
  return new RampartError(
    `${source} is not a valid snapshot: ${problems.length} problem${problems.length === 1 ? "" : "s"}: ${shown.join("; ")}${more}`,
    { hint: "fix the fields named (docs/snapshot.md describes each), or export a fresh one with `rampart snapshot`" },
  );
}

/** Reads and validates a snapshot file. */
export function readSnapshotFile(file: string): Snapshot {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new RampartError(`no snapshot file at ${file}`, {
      hint: "give a snapshot file (examples/snapshots/ has some), or leave --snapshot out to read the chain",
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RampartError(`${file} is not JSON (${(error as Error).message})`, {
      hint: "a snapshot is a JSON file; see docs/snapshot.md",
    });
  }
  return parseSnapshot(json, file);
}

/** References between sections: ids unique, every reference resolves, amounts consistent. */
function crossCheck(s: Snapshot): string[] {
  const problems: string[] = [];
  const unique = (list: { id: string }[], section: string) => {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined)
        problems.push(`${section}[${i}].id: "${item.id}" is already used by ${section}[${first}]`);
      else seen.set(item.id, i);
    });
  };
  unique(s.assets, "assets");
  unique(s.tokens ?? [], "tokens");
  unique(s.operators, "operators");
  unique(s.services, "services");
  unique(s.rewardPrograms ?? [], "rewardPrograms");
  const assets = new Set(s.assets.map((a) => a.id));
  const tokens = new Set((s.tokens ?? []).map((t) => t.id));
  for (const [i, token] of (s.tokens ?? []).entries()) {
    if (assets.has(token.id)) problems.push(`tokens[${i}].id: "${token.id}" is also an asset id; use the asset`);
  }
  // The first of duplicated ids counts (the duplicate is reported above).
  const operators = new Map<string, Snapshot["operators"][number]>();
  for (const operator of s.operators) if (!operators.has(operator.id)) operators.set(operator.id, operator);
  const services = new Set(s.services.map((x) => x.id));
  const list = (set: Set<string> | Map<string, unknown>) => {
    const names = [...set.keys()];
    return names.length > 8 ? `${names.slice(0, 8).join(", ")}, …` : names.join(", ") || "none";
  };
  const ref = (path: string, value: string, set: Set<string> | Map<string, unknown>, what: string) => {
    if (!set.has(value)) problems.push(`${path}: unknown ${what} "${value}" (known: ${list(set)})`);
    return set.has(value);
  };

  s.assets.forEach((asset, i) => {
    if (asset.priceEth === 0n) problems.push(`assets[${i}].priceEth: must be above 0`);
    asset.rateHistory?.forEach((sample, j) => {
      const previous = asset.rateHistory?.[j - 1];
      if (previous && sample.time <= previous.time) {
        problems.push(`assets[${i}].rateHistory[${j}].time: samples must be in increasing time order`);
      }
      if (sample.rate === 0n) problems.push(`assets[${i}].rateHistory[${j}].rate: must be above 0`);
    });
  });
  s.operators.forEach((operator, i) => {
    for (const asset of Object.keys(operator.stake)) ref(`operators[${i}].stake.${asset}`, asset, assets, "asset");
    for (const service of Object.keys(operator.commissions ?? {})) {
      ref(`operators[${i}].commissions.${service}`, service, services, "service");
    }
  });
  s.services.forEach((service, i) => {
    const alpha = service.attackThreshold;
    if (alpha.num === 0n) problems.push(`services[${i}].attackThreshold: must be above 0 (α is in (0, 1])`);
    if (service.slashing.maxSlash.num === 0n) problems.push(`services[${i}].slashing.maxSlash: must be above 0`);
    service.assets?.forEach((asset, j) => {
      ref(`services[${i}].assets[${j}]`, asset, assets, "asset");
    });
  });

  // Allocations: references, amount ≤ the operator's stake of the asset, one entry per (operator, service, asset).
  const seenAllocation = new Map<string, number>();
  s.allocations.forEach((allocation, i) => {
    const path = `allocations[${i}]`;
    const operator = operators.get(allocation.operator);
    ref(`${path}.operator`, allocation.operator, operators, "operator");
    ref(`${path}.service`, allocation.service, services, "service");
    if (allocation.asset === undefined) {
      if (allocation.amount !== undefined && allocation.amount !== "full") {
        problems.push(`${path}.amount: an amount needs its asset; omit both for the whole stake (full restaking)`);
      }
    } else if (ref(`${path}.asset`, allocation.asset, assets, "asset") && operator) {
      const stake = operator.stake[allocation.asset] ?? 0n;
      if (stake === 0n) {
        problems.push(`${path}.asset: operator "${operator.id}" has no ${allocation.asset} stake to allocate`);
      } else if (typeof allocation.amount === "bigint" && allocation.amount > stake) {
        problems.push(
          `${path}.amount: ${allocation.amount} is above operator "${operator.id}"'s ${allocation.asset} stake of ${stake} (one allocation is at most the stake)`,
        );
      }
    }
    const key = `${allocation.operator}\u0000${allocation.service}\u0000${allocation.asset ?? "*"}`;
    const first = seenAllocation.get(key);
    if (first !== undefined) problems.push(`${path}: same operator, service and asset as allocations[${first}]`);
    else seenAllocation.set(key, i);
  });

  (s.rewardPrograms ?? []).forEach((program, i) => {
    const path = `rewardPrograms[${i}]`;
    ref(`${path}.service`, program.service, services, "service");
    if (!assets.has(program.token) && !tokens.has(program.token)) {
      problems.push(`${path}.token: unknown token "${program.token}" (an asset id, or an id from "tokens")`);
    }
    program.assets?.forEach((entry, j) => {
      ref(`${path}.assets[${j}].asset`, entry.asset, assets, "asset");
      if (entry.weight === 0n) problems.push(`${path}.assets[${j}].weight: must be above 0`);
    });
    if (program.kind === "operator-directed") {
      if (!program.operators || program.operators.length === 0) {
        problems.push(`${path}.operators: an operator-directed program names the operators it pays`);
      } else {
        const sum = program.operators.reduce((total, entry) => total + entry.amount, 0n);
        if (sum !== program.amount) {
          problems.push(`${path}.operators: amounts sum to ${sum}, not the program's amount ${program.amount}`);
        }
      }
    } else if (program.operators && program.operators.length > 0) {
      problems.push(`${path}.operators: only operator-directed programs name operators`);
    }
    program.operators?.forEach((entry, j) => {
      ref(`${path}.operators[${j}].operator`, entry.operator, operators, "operator");
    });
  });

  // Positions: references, and the listed stakers never hold more of a pool than the pool has.
  const held = new Map<string, { total: bigint; first: number }>();
  (s.positions ?? []).forEach((position, i) => {
    const path = `positions[${i}]`;
    const operatorKnown = ref(`${path}.operator`, position.operator, operators, "operator");
    const assetKnown = ref(`${path}.asset`, position.asset, assets, "asset");
    if (!operatorKnown || !assetKnown) return;
    const key = `${position.operator}\u0000${position.asset}`;
    const entry = held.get(key) ?? { total: 0n, first: i };
    entry.total += position.amount;
    held.set(key, entry);
    const stake = operators.get(position.operator)?.stake[position.asset] ?? 0n;
    if (entry.total > stake) {
      problems.push(
        `${path}.amount: positions in operator "${position.operator}"'s ${position.asset} pool add up to ${entry.total}, above its stake of ${stake}`,
      );
    }
  });
  return problems;
}

// ─────────────────────────── Values ───────────────────────────

/** ETH wei of `amount` base units of a token priced `priceEth` (WAD ETH per whole token), rounded down. */
export function valueEth(amountUnits: bigint, token: { decimals: number; priceEth: bigint }): bigint {
  return (amountUnits * token.priceEth) / 10n ** BigInt(token.decimals);
}

/** Base units of a token worth `wei` ETH, rounded down. */
export function unitsForEth(wei: bigint, token: { decimals: number; priceEth: bigint }): bigint {
  return (wei * 10n ** BigInt(token.decimals)) / token.priceEth;
}

/** The ETH price in USD (WAD): `override` (e.g. --eth-usd), else the snapshot's assumption, else DEFAULT_ETH_USD. */
export function ethUsdOf(snapshot: Snapshot, override?: bigint): bigint {
  return override ?? snapshot.assumptions?.ethUsd ?? decimalToWad(DEFAULT_ETH_USD);
}

// ─────────────────────────── Security network ───────────────────────────

/**
 * The abstract network the security analysis works on (src/risk/types.ts): operators with their whole stake in ETH
 * wei, services with π and α, and per (operator, service) the stake backing it in ETH wei. An allocation without an
 * asset (full restaking) becomes `amount: "full"`; one with an asset is valued at the asset's price, and several
 * allocations of one operator to one service add up (a "full" one wins: it is the whole stake).
 * @example
 * const network = toSecurityNetwork(readSnapshotFile("examples/snapshots/paper-elastic.json"));
 */
export function toSecurityNetwork(snapshot: Snapshot): SecurityNetwork {
  const assets = new Map(snapshot.assets.map((a) => [a.id, a]));
  const operatorIndex = new Map(snapshot.operators.map((o, i) => [o.id, i]));
  const serviceIndex = new Map(snapshot.services.map((s, i) => [s.id, i]));
  const operators = snapshot.operators.map((operator) => ({
    id: operator.id,
    stake: Object.entries(operator.stake).reduce((sum, [asset, units]) => {
      const info = assets.get(asset);
      return info ? sum + valueEth(units, info) : sum;
    }, 0n),
  }));
  const services = snapshot.services.map((service) => ({
    id: service.id,
    profitFromCorruption: service.profitFromCorruption,
    threshold: service.attackThreshold,
  }));
  const merged = new Map<string, SecurityAllocation>();
  for (const allocation of snapshot.allocations) {
    const operator = operatorIndex.get(allocation.operator);
    const service = serviceIndex.get(allocation.service);
    const info = snapshot.operators[operator ?? -1];
    if (operator === undefined || service === undefined || !info) continue;
    let amount: bigint | "full";
    if (allocation.asset === undefined) {
      amount = "full";
    } else {
      const asset = assets.get(allocation.asset);
      if (!asset) continue;
      const units =
        allocation.amount === undefined || allocation.amount === "full"
          ? (info.stake[allocation.asset] ?? 0n)
          : allocation.amount;
      amount = valueEth(units, asset);
    }
    const key = `${operator}:${service}`;
    const previous = merged.get(key);
    if (!previous) merged.set(key, { operator, service, amount });
    else if (previous.amount !== "full") {
      previous.amount = amount === "full" ? "full" : previous.amount + amount;
    }
  }
  const allocations = [...merged.values()].sort((a, b) => a.operator - b.operator || a.service - b.service);
  return { operators, services, allocations };
}
