// `rampart snapshot`: a network snapshot of a live deployment, read through the SDK (docs/snapshot.md#from-the-chain).
//
// Each Rampart operator set becomes one snapshot service (`set-<id>`): slashing policies, allocations and reward
// programs are per set. What the chain does not say is filled with documented assumptions and listed in `notes`
// (and, per service, in `assumed`): the ETH/USD price, π and α when the service's metadata does not publish them, the
// exchange-rate history when past blocks cannot be read. Remote metadata URIs are never fetched.
import { type Address, getAddress, zeroAddress } from "viem";
import { localStandInLstAbi } from "../sdk/abis.ts";
import type { RampartClient } from "../sdk/client.ts";
import type { Deployment } from "../sdk/deployment.ts";
import { RampartError } from "../sdk/errors.ts";
import { chainNow, metadataJson, reading, scanLogs } from "../sdk/reads/internal.ts";
import { type AssetSummary, listAssets } from "../sdk/reads/listAssets.ts";
import {
  listOperators,
  type OperatorCommission,
  type OperatorPoolSummary,
  type OperatorSummary,
} from "../sdk/reads/listOperators.ts";
import { listPools, type PoolAllocation, type PoolSummary } from "../sdk/reads/listPools.ts";
import { listServices, type OperatorSetSummary, type ServiceSummary } from "../sdk/reads/listServices.ts";
import { SERVICE_CATEGORIES } from "../sdk/reads/registry.ts";
import { listRewardPrograms, type RewardProgramInfo } from "../sdk/reads/rewardPrograms.ts";
import { listSlashes, type SlashSummary } from "../sdk/reads/slashes.ts";
import { DEFAULT_ETH_USD, decimalToWad, parseSnapshot, SNAPSHOT_VERSION, type SnapshotInput } from "./snapshot.ts";

const WAD = 10n ** 18n;

/** α assumed for a service whose metadata does not publish one: a third, the BFT safety threshold. */
export const ASSUMED_ATTACK_THRESHOLD = "1/3";
/** π assumed for a service whose metadata does not publish one, as a fraction of the stake allocated to it. */
export const ASSUMED_PFC_OF_SECURED = 0.2;

export interface ExportOptions {
  /** ETH price in USD (WAD); default DEFAULT_ETH_USD. */
  ethUsd?: bigint;
  /** Only these stakers' positions (default: every staker's; an empty list: none). */
  stakers?: readonly string[];
  /** Exchange-rate samples per LST stand-in (default 6). */
  historySamples?: number;
}

/** The largest of some bigints (0 for none). */
function bigMax(values: bigint[]): bigint {
  let max = 0n;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** A WAD as a decimal string: 1.5e18 → "1.5". */
export function wadToDecimal(wad: bigint): string {
  const whole = wad / WAD;
  const fraction = (wad % WAD).toString().padStart(18, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole.toString();
}

const str = (value: unknown): string | undefined => (typeof value === "string" && value.trim() ? value : undefined);

/** Service facts from its metadata (docs/metadata.md); fields of the wrong type are ignored and noted. */
function serviceFacts(meta: Record<string, unknown> | undefined, notes: string[], who: string) {
  const facts: Record<string, unknown> = {};
  if (!meta) return { facts, risk: {} as Record<string, unknown> };
  if (str(meta.description)) facts.description = meta.description;
  if (str(meta.website)) facts.website = meta.website;
  if (str(meta.launched) && /^\d{4}-\d{2}-\d{2}/.test(meta.launched as string)) facts.launched = meta.launched;
  if (Array.isArray(meta.audits)) {
    const audits: { auditor: string; date: string; scope?: string; report?: string }[] = [];
    for (const entry of meta.audits as unknown[]) {
      const a = (entry && typeof entry === "object" ? entry : {}) as Record<string, unknown>;
      const auditor = str(a.auditor);
      const date = str(a.date);
      if (!auditor || !date || !/^\d{4}-\d{2}-\d{2}/.test(date)) continue;
      audits.push({
        auditor,
        date,
        ...(str(a.scope) ? { scope: a.scope as string } : {}),
        ...(str(a.report) ? { report: a.report as string } : {}),
      });
    }
    if (audits.length < meta.audits.length) {
      notes.push(
        `${who}: ${meta.audits.length - audits.length} audit(s) in its metadata lack an auditor or a date; ignored`,
      );
    }
    facts.audits = audits;
  }
  const risk = meta.risk && typeof meta.risk === "object" ? (meta.risk as Record<string, unknown>) : {};
  return { facts, risk };
}

/**
 * Samples an LST stand-in's exchange rate at past blocks (one sample per distinct block time); undefined when no past
 * block answers (a node without past state).
 */
async function rateHistory(
  client: RampartClient,
  token: Address,
  fromBlock: bigint,
  toBlock: bigint,
  samples: number,
): Promise<{ time: number; rate: string }[] | undefined> {
  const blocks = new Set<bigint>();
  const span = toBlock - fromBlock;
  for (let i = 0; i < samples; i++) {
    blocks.add(fromBlock + (span * BigInt(i)) / BigInt(Math.max(1, samples - 1)));
  }
  const history: { time: number; rate: string }[] = [];
  for (const blockNumber of [...blocks].sort((a, b) => (a < b ? -1 : 1))) {
    try {
      const [rate, block] = await Promise.all([
        client.publicClient.readContract({
          address: token,
          abi: localStandInLstAbi,
          functionName: "exchangeRate",
          blockNumber,
        }),
        client.publicClient.getBlock({ blockNumber }),
      ]);
      const time = Number(block.timestamp);
      if (history.length === 0 || time > (history[history.length - 1]?.time ?? 0)) {
        history.push({ time, rate: wadToDecimal(rate) });
      }
    } catch {
      // Before the token existed, or state the node no longer has (an anvil restarted from a dump keeps only the
      // latest state): skip the sample.
    }
  }
  return history.length > 0 ? history : undefined;
}

/**
 * What a snapshot is built from: the network's state at one block, whether read from a node (`snapshotFromChain`) or
 * from the indexer's database (src/api/snapshot-from-db.ts). `buildSnapshot` turns it into a snapshot, so both sources
 * share every rule and assumption. Field shapes are those of the SDK's reads (listAssets, listOperators, …), trimmed to
 * what the snapshot uses.
 */
export interface NetworkFacts {
  chainId: number;
  rampart: Address;
  /** The block the facts are as of. */
  now: { blockNumber: bigint; timestamp: bigint };
  /** Seconds (the core's withdrawalDelay). */
  withdrawalDelay: number;
  /** The deployment's assets, in its order. */
  assets: (Pick<AssetSummary, "symbol" | "address" | "decimals" | "kind" | "localStandIn" | "ethRate"> & {
    /** An LST stand-in's immutable rate parameters and the rate sampled at past blocks (undefined: no past state). */
    standIn?: {
      aprBps: number;
      initialRate: bigint;
      startTime: number;
      sampled: { time: number; rate: string }[] | undefined;
    };
    /** Otherwise, a known exchange-rate history (ETH per token), oldest first. */
    history?: { time: number; rate: string }[];
  })[];
  /** Registered operators, in registration order. */
  operators: (Pick<OperatorSummary, "address" | "name" | "allocationDelay" | "metadataURI"> & {
    pools: Pick<OperatorPoolSummary, "symbol" | "totalAssets">[];
    /** Commission in force per registered service (the default 1,000 bps where none was set). */
    commissions: Pick<OperatorCommission, "service" | "bps">[];
  })[];
  /** Registered services, in registration order, with their operator sets. */
  services: (Pick<ServiceSummary, "address" | "name" | "metadataURI" | "category"> & {
    sets: {
      id: number;
      policy: Pick<OperatorSetSummary["policy"], "maxSlashWad" | "vetoWindow" | "effectiveDeallocationDelay" | "burns">;
      assets: { symbol: string }[];
    }[];
  })[];
  /** Pools (operator order, then asset order) with their allocations now. */
  pools: (Pick<PoolSummary, "operator" | "operatorName" | "asset" | "symbol"> & {
    allocations: Pick<PoolAllocation, "setId" | "slashableAssets" | "magnitude" | "pendingMagnitude">[];
  })[];
  slashes: (Pick<SlashSummary, "setId" | "operator" | "executableAt" | "status" | "reason"> & {
    assets: { wad: bigint }[];
  })[];
  /** Reward programs, oldest first; a string when they could not be read (why). */
  programs:
    | Pick<
        RewardProgramInfo,
        "id" | "setId" | "kind" | "token" | "amount" | "startTime" | "duration" | "assets" | "operators"
      >[]
    | string;
  /** Reward tokens the deployment file names (symbols, decimals, assumed prices). */
  rewardTokens: Deployment["rewardTokens"];
  /** Every position wanted, valued as the core values shares (sharesToAssets). */
  positions: NonNullable<SnapshotInput["positions"]>;
}

/**
 * Builds a snapshot of the live network: assets with ETH prices (and exchange-rate history where the node keeps past
 * state), operators with their pools and commissions, one service per operator set with its policy and the facts its
 * metadata publishes, current allocations, reward programs, slashes, and the stakers' positions. The result is
 * validated with `parseSnapshot` before it is returned.
 * @example
 * const { snapshot, notes } = await snapshotFromChain(client, { ethUsd: decimalToWad("3000") });
 */
export async function snapshotFromChain(
  client: RampartClient,
  options: ExportOptions = {},
): Promise<{ snapshot: SnapshotInput; notes: string[] }> {
  return buildSnapshot(await networkFactsFromChain(client, options), options);
}

/** Reads the facts a snapshot is built from through the SDK. */
export async function networkFactsFromChain(client: RampartClient, options: ExportOptions = {}): Promise<NetworkFacts> {
  const now = await reading("reading the latest block", () => chainNow(client));
  const [assets, operators, services, pools, slashes, withdrawalDelay] = await Promise.all([
    listAssets(client),
    listOperators(client),
    listServices(client),
    listPools(client),
    listSlashes(client),
    reading("reading the withdrawal delay", () =>
      client.publicClient.readContract({ ...client.rampart, functionName: "withdrawalDelay" }),
    ),
  ]);
  let programs: NetworkFacts["programs"];
  try {
    programs = await listRewardPrograms(client);
  } catch (error) {
    programs = error instanceof RampartError ? error.shortMessage : String(error);
  }
  const samples = options.historySamples ?? 6;
  const firstBlock = BigInt(client.deployment.startBlock);
  const factAssets: NetworkFacts["assets"] = [];
  for (const asset of assets) {
    if (asset.kind === "LST" && asset.localStandIn) {
      const read = (functionName: "aprBps" | "initialRate" | "startTime") =>
        reading(`reading ${asset.symbol}'s ${functionName}()`, () =>
          client.publicClient.readContract({ address: asset.address, abi: localStandInLstAbi, functionName }),
        );
      const [aprBps, initialRate, startTime, sampled] = await Promise.all([
        read("aprBps"),
        read("initialRate"),
        read("startTime"),
        rateHistory(client, asset.address, firstBlock, now.blockNumber, samples),
      ]);
      factAssets.push({
        ...asset,
        standIn: { aprBps: Number(aprBps), initialRate, startTime: Number(startTime), sampled },
      });
    } else {
      factAssets.push(asset);
    }
  }
  const symbolOf = new Map(assets.map((a) => [a.address.toLowerCase(), a.symbol]));
  return {
    chainId: client.deployment.chainId,
    rampart: client.deployment.contracts.rampart,
    now,
    withdrawalDelay,
    assets: factAssets,
    operators,
    services,
    pools,
    slashes,
    programs,
    rewardTokens: client.deployment.rewardTokens,
    positions: await readPositions(client, now.blockNumber, options.stakers, symbolOf),
  };
}

/** The snapshot of `facts` (validated with `parseSnapshot`), and the notes on what it assumes. */
export function buildSnapshot(
  facts: NetworkFacts,
  options: Pick<ExportOptions, "ethUsd"> = {},
): { snapshot: SnapshotInput; notes: string[] } {
  const notes: string[] = [];
  const { now, assets, operators, services, pools, slashes, withdrawalDelay } = facts;
  if (typeof facts.programs === "string") {
    notes.push(`reward programs could not be read (${facts.programs}): none listed`);
  }
  const programs = typeof facts.programs === "string" ? [] : facts.programs;
  const symbolOf = new Map(assets.map((a) => [a.address.toLowerCase(), a.symbol]));
  const ethUsd = options.ethUsd ?? decimalToWad(DEFAULT_ETH_USD);
  notes.push(`ETH/USD ${wadToDecimal(ethUsd)} is an assumption (--eth-usd), not a market price`);

  // Assets: the price is the stand-in's exchangeRate() (1 for WETH); history from past blocks when the node has them.
  let historyFailed = false;
  let shortHistory = false;
  const snapshotAssets: SnapshotInput["assets"] = [];
  for (const asset of assets) {
    const entry: SnapshotInput["assets"][number] = {
      id: asset.symbol,
      address: asset.address,
      decimals: asset.decimals,
      kind: asset.kind === "WETH" ? "ETH" : asset.kind === "LST" ? "LST" : "other",
      priceEth: asset.ethRate === undefined ? "1" : wadToDecimal(asset.ethRate),
      localStandIn: asset.localStandIn,
    };
    if (asset.ethRate === undefined) notes.push(`${asset.symbol}: no ETH rate feed; its price is assumed to be 1 ETH`);
    if (asset.kind === "LST" && asset.localStandIn && asset.standIn) {
      const { aprBps, initialRate, startTime, sampled } = asset.standIn;
      entry.aprBps = aprBps;
      // The stand-in's rate was initialRate() at startTime(): a point of its history that needs no past state.
      const start = { time: startTime, rate: wadToDecimal(initialRate) };
      const current = { time: Number(now.timestamp), rate: entry.priceEth };
      if (!sampled) historyFailed = true;
      const points = [...(sampled ?? []), ...((sampled?.at(-1)?.time ?? 0) < current.time ? [current] : [])];
      const history = (points[0]?.time ?? 0) > start.time ? [start, ...points] : points;
      entry.rateHistory = history;
      const span = (history.at(-1)?.time ?? 0) - (history[0]?.time ?? 0);
      if (span < 86_400) shortHistory = true;
    } else if (asset.history) {
      entry.rateHistory = asset.history;
    }
    snapshotAssets.push(entry);
  }
  if (historyFailed) {
    notes.push(
      "exchange rates at past blocks could not be read (a restarted anvil keeps only the latest state): each LST stand-in's history is its initialRate() at startTime() and its rate now",
    );
  }
  if (shortHistory) {
    notes.push("an LST's exchange-rate history spans less than a day: its declared aprBps() is used as the base APR");
  }

  // Services: one per operator set.
  const setIdOf = (setId: number) => `set-${setId}`;
  const securedEth = new Map<number, bigint>();
  const rateOf = new Map(assets.map((a) => [a.address.toLowerCase(), a.ethRate ?? WAD]));
  const decimalsOf = new Map(assets.map((a) => [a.address.toLowerCase(), a.decimals]));
  const allocations: SnapshotInput["allocations"] = [];
  for (const pool of pools) {
    for (const allocation of pool.allocations) {
      if (allocation.slashableAssets === 0n) continue;
      allocations.push({
        operator: getAddress(pool.operator),
        service: setIdOf(allocation.setId),
        asset: pool.symbol,
        amount: allocation.slashableAssets.toString(),
      });
      const value =
        (allocation.slashableAssets * (rateOf.get(pool.asset.toLowerCase()) ?? WAD)) /
        10n ** BigInt(decimalsOf.get(pool.asset.toLowerCase()) ?? 18);
      securedEth.set(allocation.setId, (securedEth.get(allocation.setId) ?? 0n) + value);
    }
    if (pool.allocations.some((a) => a.pendingMagnitude > a.magnitude)) {
      notes.push(
        `${pool.operatorName ?? pool.operator}/${pool.symbol}: a pending allocation increase is not counted yet`,
      );
    }
  }
  const snapshotServices: SnapshotInput["services"] = [];
  for (const service of services) {
    const meta = metadataJson(service.metadataURI);
    const who = service.name ?? service.address;
    const { facts, risk } = serviceFacts(meta, notes, who);
    for (const set of service.sets) {
      const assumed: string[] = [];
      let pfc = str(risk.profitFromCorruption);
      if (!pfc || !/^\d+$/.test(pfc)) {
        const secured = securedEth.get(set.id) ?? 0n;
        pfc = ((secured * BigInt(Math.round(ASSUMED_PFC_OF_SECURED * 1000))) / 1000n).toString();
        assumed.push("profitFromCorruption");
      }
      let alpha = str(risk.attackThreshold);
      if (!alpha || !/^(\d+(\.\d+)?%?|\d+\s*\/\s*\d+)$/.test(alpha.trim())) {
        alpha = ASSUMED_ATTACK_THRESHOLD;
        assumed.push("attackThreshold");
      }
      const setSlashes = slashes
        .filter((x) => x.setId === set.id)
        .map((x) => ({
          time: x.executableAt,
          operator: x.operator,
          fraction: wadToDecimal(bigMax(x.assets.map((a) => a.wad))),
          status: x.status,
          ...(x.reason ? { reason: x.reason } : {}),
        }));
      const probability = str(risk.slashingProbability);
      snapshotServices.push({
        id: setIdOf(set.id),
        name: service.sets.length > 1 ? `${who} (set ${set.id})` : who,
        address: service.address,
        setId: set.id,
        category: SERVICE_CATEGORIES[service.category]?.key ?? "other",
        profitFromCorruption: pfc,
        attackThreshold: alpha.trim(),
        slashing: {
          maxSlash: wadToDecimal(set.policy.maxSlashWad),
          vetoWindow: set.policy.vetoWindow,
          deallocationDelay: set.policy.effectiveDeallocationDelay,
          burns: set.policy.burns,
        },
        assets: set.assets.map((a) => a.symbol),
        metadataURI: service.metadataURI,
        facts: {
          ...facts,
          slashes: setSlashes,
          ...(probability && /^(\d+(\.\d+)?%?|\d+\s*\/\s*\d+)$/.test(probability)
            ? { slashingProbability: probability }
            : {}),
        },
        ...(assumed.length > 0 ? { assumed } : {}),
      });
    }
  }
  const assumedCount = snapshotServices.filter((s) => (s.assumed?.length ?? 0) > 0).length;
  if (assumedCount > 0) {
    notes.push(
      `${assumedCount} service(s) publish no risk.profitFromCorruption / risk.attackThreshold in their metadata: π is assumed to be ${ASSUMED_PFC_OF_SECURED * 100}% of the stake allocated to them and α ${ASSUMED_ATTACK_THRESHOLD} (docs/metadata.md)`,
    );
  }

  const snapshotOperators: SnapshotInput["operators"] = operators.map((operator) => {
    const commissions: Record<string, number> = {};
    for (const commission of operator.commissions) {
      const service = services.find((s) => s.address.toLowerCase() === commission.service.toLowerCase());
      for (const set of service?.sets ?? []) commissions[setIdOf(set.id)] = commission.bps;
    }
    return {
      id: operator.address,
      ...(operator.name ? { name: operator.name } : {}),
      address: operator.address,
      stake: Object.fromEntries(operator.pools.map((pool) => [pool.symbol, pool.totalAssets.toString()])),
      commissions,
      allocationDelay: operator.allocationDelay,
      metadataURI: operator.metadataURI,
    };
  });

  // Reward programs and the tokens they pay in.
  const tokens: NonNullable<SnapshotInput["tokens"]> = [];
  const tokenId = (address: Address): string => {
    const symbol = symbolOf.get(address.toLowerCase());
    if (symbol) return symbol;
    const known = facts.rewardTokens?.find((t) => t.address.toLowerCase() === address.toLowerCase());
    const id = known?.symbol ?? address;
    if (!tokens.some((t) => t.id === id)) {
      tokens.push({
        id,
        address,
        decimals: known?.decimals ?? 18,
        priceEth: known?.ethPerToken ? wadToDecimal(BigInt(known.ethPerToken)) : "0",
      });
      if (known?.ethPerToken && known.localStandIn) {
        notes.push(
          `reward token ${id}: priced at the deployment file's assumed ${wadToDecimal(BigInt(known.ethPerToken))} ETH`,
        );
      } else if (!known?.ethPerToken) {
        notes.push(`reward token ${id}: no price known, so its programs count as 0 in APRs`);
      }
    }
    return id;
  };
  const setExists = new Set(snapshotServices.map((s) => s.id));
  const rewardPrograms: NonNullable<SnapshotInput["rewardPrograms"]> = programs
    .filter((p) => setExists.has(setIdOf(p.setId)))
    .map((p) => ({
      id: p.id.toString(),
      service: setIdOf(p.setId),
      kind: p.kind,
      token: tokenId(p.token),
      amount: p.amount.toString(),
      startTime: Number(p.startTime),
      duration: Number(p.duration),
      assets: p.assets
        .filter((a) => symbolOf.has(a.address.toLowerCase()))
        .map((a) => ({ asset: symbolOf.get(a.address.toLowerCase()) as string, weight: a.weight.toString() })),
      ...(p.kind === "operator-directed"
        ? { operators: p.operators.map((o) => ({ operator: getAddress(o.address), amount: o.amount.toString() })) }
        : {}),
    }));

  const positions = facts.positions;
  const snapshot: SnapshotInput = {
    version: SNAPSHOT_VERSION,
    name: `Rampart on chain ${facts.chainId} at block #${now.blockNumber}`,
    timestamp: Number(now.timestamp),
    source: {
      kind: "chain",
      chainId: facts.chainId,
      blockNumber: now.blockNumber.toString(),
      rampart: facts.rampart,
    },
    assumptions: { ethUsd: wadToDecimal(ethUsd) },
    network: { withdrawalDelay },
    assets: snapshotAssets,
    ...(tokens.length > 0 ? { tokens } : {}),
    operators: snapshotOperators,
    services: snapshotServices,
    allocations,
    rewardPrograms,
    positions,
    notes,
  };
  parseSnapshot(snapshot, "the snapshot read from the chain");
  return { snapshot, notes };
}

/** Every (staker, operator, asset) with shares now, valued with sharesToAssets. */
async function readPositions(
  client: RampartClient,
  toBlock: bigint,
  stakers: readonly string[] | undefined,
  symbolOf: Map<string, string>,
): Promise<NonNullable<SnapshotInput["positions"]>> {
  const { publicClient, rampart } = client;
  const wanted = stakers?.map((s) => getAddress(s));
  if (wanted && wanted.length === 0) return [];
  const [deposits, queued] = await reading("reading deposits", () =>
    Promise.all([
      scanLogs(
        client,
        (fromBlock, to) =>
          publicClient.getContractEvents({
            ...rampart,
            eventName: "Deposited",
            ...(wanted ? { args: { staker: wanted } } : {}),
            fromBlock,
            toBlock: to,
          }),
        toBlock,
      ),
      scanLogs(
        client,
        (fromBlock, to) =>
          publicClient.getContractEvents({
            ...rampart,
            eventName: "WithdrawalQueued",
            ...(wanted ? { args: { staker: wanted } } : {}),
            fromBlock,
            toBlock: to,
          }),
        toBlock,
      ),
    ]),
  );
  const triples = new Map<string, { staker: Address; operator: Address; asset: Address }>();
  const add = (staker: Address | undefined, operator: Address | undefined, asset: Address | undefined) => {
    if (!staker || !operator || !asset || operator === zeroAddress) return;
    triples.set(`${staker}:${operator}:${asset}`.toLowerCase(), { staker, operator, asset });
  };
  for (const log of deposits) add(log.args.staker, log.args.operator, log.args.asset);
  for (const log of queued) {
    const w = log.args.withdrawal;
    if (w && w.redelegateTo !== zeroAddress) add(w.staker, w.redelegateTo, w.asset);
  }
  const rows = await reading("reading positions", () =>
    Promise.all(
      [...triples.values()].map(async ({ staker, operator, asset }) => {
        const shares = await publicClient.readContract({
          ...rampart,
          functionName: "sharesOf",
          args: [staker, operator, asset],
        });
        if (shares === 0n) return undefined;
        const amount = await publicClient.readContract({
          ...rampart,
          functionName: "sharesToAssets",
          args: [operator, asset, shares],
        });
        const symbol = symbolOf.get(asset.toLowerCase());
        if (!symbol || amount === 0n) return undefined;
        return { staker: getAddress(staker), operator: getAddress(operator), asset: symbol, amount: amount.toString() };
      }),
    ),
  );
  return rows.filter((row): row is NonNullable<typeof row> => row !== undefined);
}
