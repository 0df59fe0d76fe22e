// The demo scenario of the local network, as data: who registers, which operator sets exist with which slashing
// policies, who allocates what, who deposits what, and the slashes and withdrawals that give the network a history.
//
// The cast and the policies are fixed (written for realism and contrast); the seed chooses the numbers: allocation
// fractions, commissions, which stakers back which operators with which assets and how much, who withdraws, who
// redelegates. `planScenario` is a pure function of the seed, so the same seed always gives the same scenario.
import { ROLES } from "./accounts.ts";
import { createRandom } from "./random.ts";

const WAD = 10n ** 18n;
const HOUR = 3600;
const DAY = 86_400;

export type AssetSymbol = "wstETH" | "rETH" | "cbETH" | "WETH";
export const ASSET_SYMBOLS: readonly AssetSymbol[] = ["wstETH", "rETH", "cbETH", "WETH"];

export interface LstSpec {
  symbol: Exclude<AssetSymbol, "WETH">;
  name: string;
  /** ETH per token at deployment, WAD. */
  initialRateWad: bigint;
  /** Yearly growth of the rate, basis points. */
  aprBps: number;
}

/** The liquid staking token stand-ins: each grows at its own rate, like the real ones (roughly). */
export const LSTS: readonly LstSpec[] = [
  { symbol: "wstETH", name: "wstETH (local stand-in)", initialRateWad: 1_170_000_000_000_000_000n, aprBps: 290 },
  { symbol: "rETH", name: "rETH (local stand-in)", initialRateWad: 1_100_000_000_000_000_000n, aprBps: 310 },
  { symbol: "cbETH", name: "cbETH (local stand-in)", initialRateWad: 1_080_000_000_000_000_000n, aprBps: 330 },
];

/** Deposit caps set at listing: a few times what the scenario deposits, so that caps are visible but leave room. */
export const ASSET_CAPS: Readonly<Record<AssetSymbol, bigint>> = {
  wstETH: 5_000n * WAD,
  rETH: 2_500n * WAD,
  cbETH: 1_500n * WAD,
  WETH: 2_500n * WAD,
};

export type ServiceKey = "da" | "bridge" | "oracle" | "sequencer";

export type RewardTokenSymbol = "LDA" | "PYO" | "RSQ";

export interface RewardTokenSpec {
  symbol: RewardTokenSymbol;
  name: string;
  /** Assumed ETH per whole token (WAD), to value rewards on the local network: a stand-in, not a market price. */
  ethPerToken: bigint;
}

/** The services' own reward tokens (stand-ins); the bridge pays in WETH. */
export const REWARD_TOKENS: readonly RewardTokenSpec[] = [
  { symbol: "LDA", name: "Lattice DA token (local stand-in)", ethPerToken: 400_000_000_000_000n },
  { symbol: "PYO", name: "Pythia Oracle token (local stand-in)", ethPerToken: 800_000_000_000_000n },
  { symbol: "RSQ", name: "Relay Sequencer token (local stand-in)", ethPerToken: 200_000_000_000_000n },
];

export interface ProgramSpec {
  service: ServiceKey;
  token: RewardTokenSymbol | "WETH";
  /** Whole tokens over the program. Operator-directed programs split it by `directed` (fractions summing to 1). */
  amount: number;
  days: number;
  /** Operator-directed programs: operator account → share of the amount. */
  directed?: readonly { operator: number; share: number }[];
}

/**
 * One or two reward programs per service, all starting on the day the network is seeded. Weights are each asset's
 * ETH value per token (the LST's exchange rate), so a unit of stake counts for what it is worth.
 */
export const PROGRAMS: readonly ProgramSpec[] = [
  { service: "da", token: "LDA", amount: 30_000, days: 90 },
  { service: "bridge", token: "WETH", amount: 6, days: 60 },
  {
    service: "oracle",
    token: "PYO",
    amount: 5_000,
    days: 60,
    directed: [
      { operator: ROLES.operators[1], share: 0.5 },
      { operator: ROLES.operators[2], share: 0.3 },
      { operator: ROLES.operators[4], share: 0.2 },
    ],
  },
  { service: "sequencer", token: "RSQ", amount: 40_000, days: 120 },
  { service: "sequencer", token: "WETH", amount: 1, days: 30 },
];

/** IDirectory.ServiceCategory */
export const SERVICE_CATEGORY = { Other: 0, DataAvailability: 1, Bridge: 2, Oracle: 3, Sequencer: 4 } as const;

export interface ServiceSpec {
  key: ServiceKey;
  account: number;
  name: string;
  description: string;
  category: number;
  /** The operator set's immutable slashing policy. Account indexes stand for addresses; undefined = none/burn. */
  policy: {
    vetoWindow: number;
    deallocationDelay: number;
    maxSlashWad: bigint;
    vetoCommittee: number | undefined;
    slashRecipient: number | undefined;
  };
  assets: readonly AssetSymbol[];
  /** Dossier facts published in the metadata URI (docs/metadata.md). Invented for the local scenario. */
  facts: {
    launched: string;
    audits: { auditor: string; date: string; scope: string }[];
    risk: { profitFromCorruption: string; attackThreshold: string };
  };
}

const S = ROLES.services;

/** One operator set per service, with four different slashing policies. */
export const SERVICES: readonly ServiceSpec[] = [
  {
    key: "da",
    account: S.da,
    name: "Lattice DA",
    description: "Data availability layer: operators store and serve blob data for rollups.",
    category: SERVICE_CATEGORY.DataAvailability,
    policy: {
      vetoWindow: 0,
      deallocationDelay: 5 * DAY,
      maxSlashWad: WAD / 2n,
      vetoCommittee: undefined,
      slashRecipient: undefined,
    },
    assets: ["wstETH", "rETH", "cbETH", "WETH"],
    facts: {
      launched: "2025-03-01",
      audits: [
        { auditor: "Halden Security", date: "2025-11-10", scope: "blob commitments and slashing" },
        { auditor: "Ortelius Labs", date: "2026-06-02", scope: "full protocol" },
      ],
      risk: { profitFromCorruption: (60n * WAD).toString(), attackThreshold: "1/3" },
    },
  },
  {
    key: "bridge",
    account: S.bridge,
    name: "Driftway Bridge",
    description: "Cross-chain bridge: operators attest to withdrawal roots; a committee reviews slashes.",
    category: SERVICE_CATEGORY.Bridge,
    policy: {
      vetoWindow: 2 * DAY,
      deallocationDelay: 7 * DAY,
      maxSlashWad: WAD,
      vetoCommittee: ROLES.bridgeVetoCommittee,
      slashRecipient: ROLES.bridgeSlashRecipient,
    },
    assets: ["wstETH", "rETH", "WETH"],
    facts: {
      launched: "2025-09-15",
      audits: [{ auditor: "Halden Security", date: "2026-02-20", scope: "withdrawal roots" }],
      risk: { profitFromCorruption: (80n * WAD).toString(), attackThreshold: "2/3" },
    },
  },
  {
    key: "oracle",
    account: S.oracle,
    name: "Pythia Oracle",
    description: "Price oracle: operators sign price reports; disputed reports go to a committee.",
    category: SERVICE_CATEGORY.Oracle,
    policy: {
      vetoWindow: 1 * DAY,
      deallocationDelay: 3 * DAY,
      maxSlashWad: WAD / 5n,
      vetoCommittee: ROLES.oracleVetoCommittee,
      slashRecipient: undefined,
    },
    assets: ["wstETH", "rETH", "cbETH"],
    facts: {
      launched: "2024-11-01",
      audits: [
        { auditor: "Ortelius Labs", date: "2025-01-12", scope: "report aggregation" },
        { auditor: "Tessera Audits", date: "2026-08-30", scope: "dispute committee" },
      ],
      risk: { profitFromCorruption: (50n * WAD).toString(), attackThreshold: "1/2" },
    },
  },
  {
    key: "sequencer",
    account: S.sequencer,
    name: "Relay Sequencer",
    description: "Shared sequencer: operators take turns ordering rollup transactions; missed slots are slashed.",
    category: SERVICE_CATEGORY.Sequencer,
    policy: {
      vetoWindow: 0,
      deallocationDelay: 2 * DAY,
      maxSlashWad: WAD / 10n,
      vetoCommittee: undefined,
      slashRecipient: ROLES.sequencerSlashRecipient,
    },
    assets: ["wstETH", "WETH"],
    facts: {
      launched: "2026-05-20",
      audits: [],
      risk: { profitFromCorruption: (40n * WAD).toString(), attackThreshold: "1/2" },
    },
  },
];

export interface OperatorProfile {
  account: number;
  name: string;
  description: string;
  /** Seconds before an allocation increase becomes slashable. */
  allocationDelay: number;
  /** Pools the operator runs (stakers only deposit into these). */
  assets: readonly AssetSymbol[];
  /** Operator sets it joins. */
  services: readonly ServiceKey[];
  /** Range of the total fraction of each pool it allocates across its sets. */
  appetite: readonly [number, number];
}

const O = ROLES.operators;

/** Seven operators, from aggressive (everything allocated) to none at all. */
export const OPERATORS: readonly OperatorProfile[] = [
  {
    account: O[0],
    name: "Bastion Staking",
    description: "Large operator, all services but the oracle.",
    allocationDelay: 0,
    assets: ["wstETH", "rETH", "WETH"],
    services: ["da", "bridge", "sequencer"],
    appetite: [0.5, 0.8],
  },
  {
    account: O[1],
    name: "Keystone Validators",
    description: "Conservative operator, data and oracle services only.",
    allocationDelay: 0,
    assets: ["wstETH", "rETH", "cbETH"],
    services: ["da", "oracle"],
    appetite: [0.4, 0.7],
  },
  {
    account: O[2],
    name: "Northwall Nodes",
    description: "Yield-maximising operator: every service, nearly all of each pool, no allocation delay.",
    allocationDelay: 0,
    assets: ["wstETH", "rETH", "cbETH", "WETH"],
    services: ["da", "bridge", "oracle", "sequencer"],
    appetite: [0.85, 1],
  },
  {
    account: O[3],
    name: "Parapet Infrastructure",
    description: "Rollup infrastructure specialist.",
    allocationDelay: 6 * HOUR,
    assets: ["wstETH", "WETH"],
    services: ["bridge", "sequencer"],
    appetite: [0.3, 0.6],
  },
  {
    account: O[4],
    name: "Moatworks",
    description: "Small operator for rETH and cbETH holders.",
    allocationDelay: 0,
    assets: ["rETH", "cbETH"],
    services: ["da", "oracle"],
    appetite: [0.4, 0.7],
  },
  {
    account: O[5],
    name: "Watchtower Ops",
    description: "Cautious: a small slice of each pool, and a one-day allocation delay.",
    allocationDelay: DAY,
    assets: ["wstETH", "cbETH", "WETH"],
    services: ["da"],
    appetite: [0.1, 0.25],
  },
  {
    account: O[6],
    name: "Citadel Collective",
    description: "Plain staking: secures no service, so no restaking risk and no restaking rewards.",
    allocationDelay: 0,
    assets: ["wstETH", "rETH", "cbETH", "WETH"],
    services: [],
    appetite: [0, 0],
  },
];

export interface PlannedAllocation {
  operator: number;
  service: ServiceKey;
  asset: AssetSymbol;
  fractionWad: bigint;
}

export interface PlannedDeposit {
  staker: number;
  operator: number;
  asset: AssetSymbol;
  amount: bigint;
}

export interface PlannedStaker {
  account: number;
  /** Tokens to mint (LSTs) or wrap (WETH): the deposits plus a spare balance to play with. */
  funding: Record<AssetSymbol, bigint>;
  deposits: PlannedDeposit[];
}

export interface PlannedWithdrawal {
  staker: number;
  operator: number;
  asset: AssetSymbol;
  /** Fraction of the position's shares, basis points. */
  shareBps: number;
  /** Set for a redelegation. */
  redelegateTo?: number;
}

export interface PlannedSlash {
  service: ServiceKey;
  operator: number;
  assets: AssetSymbol[];
  wad: bigint;
  reason: string;
  /** Veto sets only: the committee cancels the request. */
  vetoed: boolean;
}

export interface ScenarioPlan {
  seed: string;
  operators: readonly OperatorProfile[];
  services: readonly ServiceSpec[];
  /** Commission per operator and joined service, basis points (10% applies until set). */
  commissions: { operator: number; service: ServiceKey; bps: number }[];
  allocations: PlannedAllocation[];
  stakers: PlannedStaker[];
  withdrawals: PlannedWithdrawal[];
  slashes: PlannedSlash[];
}

/** Spare tokens each staker holds after seeding, to try deposits with. */
export const SPARE_LST = 25n * WAD;
export const SPARE_WETH = 10n * WAD;

/** Tokens with two decimals, as wei: 12.34 → 12_340_000_000_000_000_000n. */
const tokens = (amount: number): bigint => BigInt(Math.max(1, Math.round(amount * 100))) * 10n ** 16n;
/** A fraction with whole-percent precision, as WAD. */
const percent = (fraction: number): bigint => BigInt(Math.max(1, Math.floor(fraction * 100))) * 10n ** 16n;

const COMMISSION_CHOICES = [200, 400, 500, 700, 800, 1000, 1200];

export function planScenario(seed: string): ScenarioPlan {
  const random = createRandom(seed);
  const serviceOf = (key: ServiceKey): ServiceSpec => {
    const service = SERVICES.find((s) => s.key === key);
    if (!service) throw new Error(`unknown service ${key}`);
    return service;
  };

  // Operators: commissions for the services they secure, then a split of each pool between the sets that accept it.
  const commissions: ScenarioPlan["commissions"] = [];
  const allocations: PlannedAllocation[] = [];
  for (const operator of OPERATORS) {
    for (const key of operator.services) {
      commissions.push({ operator: operator.account, service: key, bps: random.pick(COMMISSION_CHOICES) });
    }
    for (const asset of operator.assets) {
      const sets = operator.services.filter((key) => serviceOf(key).assets.includes(asset));
      if (sets.length === 0) continue;
      const budget = random.uniform(operator.appetite[0], operator.appetite[1]);
      const weights = sets.map(() => random.uniform(0.5, 1.5));
      const total = weights.reduce((a, b) => a + b, 0);
      sets.forEach((key, i) => {
        allocations.push({
          operator: operator.account,
          service: key,
          asset,
          fractionWad: percent((budget * (weights[i] ?? 1)) / total),
        });
      });
    }
  }

  // Stakers: each backs two to four operators, with one or two of each operator's assets.
  const stakers: PlannedStaker[] = ROLES.stakers.map((account) => {
    const wealth = random.logUniform(2, 400);
    const chosen = random.shuffle(OPERATORS).slice(0, random.int(2, 4));
    const deposits: PlannedDeposit[] = [];
    for (const operator of chosen) {
      const assets = random.shuffle(operator.assets).slice(0, random.chance(0.25) ? 2 : 1);
      for (const asset of assets) {
        deposits.push({
          staker: account,
          operator: operator.account,
          asset,
          amount: tokens(wealth * random.uniform(0.15, 1)),
        });
      }
    }
    return { account, funding: { wstETH: 0n, rETH: 0n, cbETH: 0n, WETH: 0n }, deposits };
  });
  // Every pool an operator runs gets at least one staker, so that every allocation stands for real stake.
  for (const operator of OPERATORS) {
    for (const asset of operator.assets) {
      const backed = stakers.some((s) => s.deposits.some((d) => d.operator === operator.account && d.asset === asset));
      if (backed) continue;
      const staker = random.pick(stakers);
      staker.deposits.push({
        staker: staker.account,
        operator: operator.account,
        asset,
        amount: tokens(random.logUniform(1, 150)),
      });
    }
  }
  for (const staker of stakers) {
    for (const asset of ASSET_SYMBOLS) {
      const deposited = staker.deposits.filter((d) => d.asset === asset).reduce((sum, d) => sum + d.amount, 0n);
      staker.funding[asset] = deposited + (asset === "WETH" ? SPARE_WETH : SPARE_LST);
    }
  }

  // Withdrawals: three stakers queue part (or all) of a position, one redelegates to another operator.
  // A whole position leaves only from a staker with three or more operators: every staker keeps two or more.
  const [w1, w2, w3, r1] = random.shuffle(stakers);
  const canLeave = (staker: PlannedStaker | undefined): boolean =>
    new Set(staker?.deposits.map((d) => d.operator)).size >= 3;
  const withdrawals: PlannedWithdrawal[] = [];
  for (const staker of [w1, w2, w3]) {
    const deposit = staker && random.pick(staker.deposits);
    if (!deposit) continue;
    withdrawals.push({
      staker: deposit.staker,
      operator: deposit.operator,
      asset: deposit.asset,
      shareBps: random.pick(canLeave(staker) ? [2500, 4000, 5000, 10_000] : [2500, 4000, 5000]),
    });
  }
  const movable = (r1?.deposits ?? []).flatMap((deposit) =>
    OPERATORS.filter((o) => o.account !== deposit.operator && o.assets.includes(deposit.asset)).map((target) => ({
      deposit,
      target,
    })),
  );
  if (movable.length > 0) {
    const { deposit, target } = random.pick(movable);
    withdrawals.push({
      staker: deposit.staker,
      operator: deposit.operator,
      asset: deposit.asset,
      shareBps: canLeave(r1) ? random.pick([5000, 10_000]) : 5000,
      redelegateTo: target.account,
    });
  }

  // Slashing history: an executed instant slash, a request the committee vetoed, and one still in its veto window.
  const [bastion, keystone, northwall] = OPERATORS;
  const slashes: PlannedSlash[] = [
    {
      service: "sequencer",
      operator: bastion?.account ?? O[0],
      assets: ["wstETH", "WETH"],
      wad: percent(random.uniform(0.02, 0.08)),
      reason: `missed ${random.int(8, 40)} sequencing slots in epoch ${random.int(8000, 9999)}`,
      vetoed: false,
    },
    {
      service: "oracle",
      operator: keystone?.account ?? O[1],
      assets: ["wstETH", "cbETH"],
      wad: percent(random.uniform(0.05, 0.15)),
      reason: `price report ${random.int(1000, 9999)} off by more than 2% (disputed: feed outage upstream)`,
      vetoed: true,
    },
    {
      service: "bridge",
      operator: northwall?.account ?? O[2],
      assets: ["wstETH", "WETH"],
      wad: percent(random.uniform(0.15, 0.35)),
      reason: `signed a conflicting withdrawal root for batch ${random.int(10_000, 99_999)} (under review)`,
      vetoed: false,
    },
  ];

  return { seed, operators: OPERATORS, services: SERVICES, commissions, allocations, stakers, withdrawals, slashes };
}
