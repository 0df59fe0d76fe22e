// A network snapshot (src/risk/snapshot.ts) built from the indexer's database instead of a node: the same facts
// `snapshotFromChain` reads through the SDK, from the derived tables and `events`, turned into a snapshot by the same
// `buildSnapshot` (src/risk/export.ts), so the two agree on every rule and assumption.
//
// One fact is not in any event: an LST's exchange rate. For the local LST stand-ins it is a linear function of three
// immutables (initialRate, aprBps, startTime) and the block time; given a way to read those once (`standIns`), the rate
// is computed at the indexed block's time exactly as the contract's exchangeRate() does. Without it, LSTs are priced
// at 1 ETH with a note, as snapshotFromChain does for an asset without a rate feed.
import { type Address, getAddress, type PublicClient, zeroAddress } from "viem";
import type { Queryable } from "../indexer/db.ts";
import { rewardEventsFromDb } from "../rewards/events-from-db.ts";
import type { ProtocolEvent } from "../rewards/model.ts";
import { buildSnapshot, type NetworkFacts, wadToDecimal } from "../risk/export.ts";
import type { SnapshotInput } from "../risk/snapshot.ts";
import { localStandInLstAbi } from "../sdk/abis.ts";
import type { Deployment } from "../sdk/deployment.ts";
import { metadataName } from "../sdk/reads/internal.ts";
import { sharesToAssets } from "./http.ts";

const WAD = 10n ** 18n;
const YEAR = 365n * 86_400n;
/** Directory.DEFAULT_COMMISSION_BPS: what an operator charges a service until it sets a commission. */
const DEFAULT_COMMISSION_BPS = 1_000;

/** An LST stand-in's immutable rate parameters (LocalStandInLST.sol). */
export interface StandInParams {
  initialRate: bigint;
  aprBps: bigint;
  startTime: bigint;
}

/** Reads a stand-in's immutables; undefined when they cannot be read. */
export type StandInSource = (asset: Address) => Promise<StandInParams | undefined>;

/** LocalStandInLST.exchangeRate() at block time `time`. */
export function standInRateAt(params: StandInParams, time: bigint): bigint {
  const elapsed = time > params.startTime ? time - params.startTime : 0n;
  return params.initialRate + (params.initialRate * params.aprBps * elapsed) / (10_000n * YEAR);
}

/** Reads stand-in immutables through a node, once per asset (they never change). */
export function standInsFromChain(publicClient: Pick<PublicClient, "readContract">): StandInSource {
  const cache = new Map<string, Promise<StandInParams | undefined>>();
  return (asset) => {
    const key = asset.toLowerCase();
    let found = cache.get(key);
    if (!found) {
      const read = (functionName: "aprBps" | "initialRate" | "startTime") =>
        publicClient.readContract({ address: asset, abi: localStandInLstAbi, functionName }) as Promise<bigint>;
      found = Promise.all([read("initialRate"), read("aprBps"), read("startTime")]).then(
        ([initialRate, aprBps, startTime]) => ({ initialRate, aprBps, startTime }),
        () => {
          cache.delete(key); // a node that was down: try again next time
          return undefined;
        },
      );
      cache.set(key, found);
    }
    return found;
  };
}

export interface SnapshotFromDbOptions {
  /** ETH price in USD (WAD); default DEFAULT_ETH_USD. */
  ethUsd?: bigint;
  /** Only these stakers' positions (default: every staker's; an empty list: none). */
  stakers?: readonly string[];
  /** How to read LST stand-ins' rate parameters (exact prices, declared APR and history, as snapshotFromChain). */
  standIns?: StandInSource;
  /**
   * Otherwise, ETH per token at a time (the API's EthRates, src/api/rates.ts): prices, and a history of two points
   * (the first indexed event, now). Without either, LSTs are priced at 1 ETH (noted).
   */
  rates?: { rateAt(asset: string, time: number): bigint | null };
}

type Row = Record<string, string | null>;

/**
 * The facts `buildSnapshot` needs, as of the indexer's checkpoint, from its database. Reward programs come from the
 * same protocol events the rewards calculator reads (`rewardEventsFromDb`); pass them in to avoid reading them twice.
 */
export async function networkFactsFromDb(
  db: Queryable,
  deployment: Deployment,
  options: SnapshotFromDbOptions & { rewardEvents?: readonly ProtocolEvent[] } = {},
): Promise<{ facts: NetworkFacts; notes: string[] }> {
  const notes: string[] = [];
  const read = options.rewardEvents ? undefined : await rewardEventsFromDb(db);
  const [head] = await db.query<Row>(
    `SELECT c.block_number::text AS n,
       COALESCE((SELECT b.timestamp FROM blocks b WHERE b.number = c.block_number),
                (SELECT MAX(block_time) FROM events))::text AS t
     FROM checkpoint c`,
  );
  const now = { blockNumber: BigInt(head?.n ?? 0), timestamp: BigInt(head?.t ?? 0) };
  const nowText = now.timestamp.toString();
  const [delayRow] = await db.query<{ delay: string }>(
    `SELECT args->>'delay' AS delay FROM events WHERE contract = 'rampart' AND name = 'WithdrawalDelaySet'
     ORDER BY block_number DESC, log_index DESC LIMIT 1`,
  );
  const withdrawalDelay = Number(delayRow?.delay ?? 0);
  const [firstRow] = await db.query<{ t: string | null }>("SELECT MIN(block_time)::text AS t FROM events");
  const firstTime = firstRow?.t ?? null;

  // Assets, in the deployment's order, with their ETH rates at the indexed block's time.
  const assets: NetworkFacts["assets"] = [];
  let missingRates = false;
  for (const asset of deployment.assets) {
    const base = {
      symbol: asset.symbol,
      address: asset.address,
      decimals: asset.decimals,
      kind: asset.kind,
      localStandIn: asset.localStandIn,
    };
    if (asset.kind === "WETH") {
      assets.push({ ...base, ethRate: WAD });
    } else if (asset.kind === "LST" && asset.localStandIn) {
      const params = options.standIns ? await options.standIns(asset.address) : undefined;
      if (params) {
        const rate = standInRateAt(params, now.timestamp);
        assets.push({
          ...base,
          ethRate: rate,
          // The rate is linear in time: its start and its value now are its whole history.
          standIn: {
            aprBps: Number(params.aprBps),
            initialRate: params.initialRate,
            startTime: Number(params.startTime),
            sampled: [{ time: Number(now.timestamp), rate: wadToDecimal(rate) }],
          },
        });
        continue;
      }
      const rate = options.rates?.rateAt(asset.address.toLowerCase(), Number(now.timestamp)) ?? null;
      if (rate === null) {
        missingRates = true;
        assets.push({ ...base, ethRate: undefined });
        continue;
      }
      // Only the rate at a time is known: the history is its value at the first indexed event and now.
      const first = Number(firstTime ?? now.timestamp);
      const then = options.rates?.rateAt(asset.address.toLowerCase(), first) ?? rate;
      assets.push({
        ...base,
        ethRate: rate,
        history: [
          ...(first < Number(now.timestamp) ? [{ time: first, rate: wadToDecimal(then) }] : []),
          { time: Number(now.timestamp), rate: wadToDecimal(rate) },
        ],
      });
    } else {
      const rate = options.rates?.rateAt(asset.address.toLowerCase(), Number(now.timestamp)) ?? null;
      assets.push({ ...base, ethRate: rate ?? undefined });
    }
  }
  if (missingRates) {
    notes.push(
      "no exchange rate is known for the LST stand-ins (the API was given no node to read their rate parameters from), so they are priced at 1 ETH",
    );
  }
  const assetBy = new Map(deployment.assets.map((a) => [a.address.toLowerCase(), a]));
  const assetOrder = (address: string) => deployment.assets.findIndex((a) => a.address.toLowerCase() === address);

  // Operators and services in registration order (their registration events' order).
  const operatorRows = await db.query<Row>(
    `SELECT o.operator, o.metadata_uri, o.allocation_delay::text AS allocation_delay,
       o.pending_allocation_delay::text AS pending_allocation_delay,
       o.allocation_delay_effect_at::text AS allocation_delay_effect_at
     FROM operators o
     LEFT JOIN events e ON e.name = 'OperatorRegistered' AND e.contract = 'directory' AND e.args->>'operator' = o.operator
     ORDER BY e.block_number, e.log_index, o.operator`,
  );
  const serviceRows = await db.query<Row>(
    `SELECT s.service, s.metadata_uri, s.category::text AS category
     FROM services s
     LEFT JOIN events e ON e.name = 'ServiceRegistered' AND e.contract = 'directory' AND e.args->>'service' = s.service
     ORDER BY e.block_number, e.log_index, s.service`,
  );
  const poolRows = await db.query<Row>(
    `SELECT operator, asset, total_shares::text AS total_shares, total_assets::text AS total_assets,
       max_magnitude::text AS max_magnitude FROM pools`,
  );
  const commissionRows = await db.query<Row>(
    `SELECT operator, service, CASE WHEN effect_at IS NOT NULL AND effect_at <= $1::bigint THEN pending_bps ELSE bps END
       ::text AS bps FROM commissions`,
    [nowText],
  );
  const commissionOf = new Map(commissionRows.map((r) => [`${r.operator}${r.service}`, Number(r.bps)]));
  const nameOf = new Map(operatorRows.map((r) => [r.operator as string, metadataName(r.metadata_uri ?? "")]));
  const operators: NetworkFacts["operators"] = operatorRows.map((r) => {
    const operator = r.operator as string;
    const effectAt = r.allocation_delay_effect_at;
    const pendingDue = effectAt !== null && effectAt !== undefined && BigInt(effectAt) <= now.timestamp;
    return {
      address: getAddress(operator),
      name: nameOf.get(operator),
      metadataURI: r.metadata_uri ?? "",
      allocationDelay: Number(pendingDue ? r.pending_allocation_delay : r.allocation_delay),
      pools: poolRows
        .filter((p) => p.operator === operator && assetBy.has(p.asset as string))
        .filter((p) => p.total_assets !== "0" || p.total_shares !== "0")
        .sort((a, b) => assetOrder(a.asset as string) - assetOrder(b.asset as string))
        .map((p) => ({
          symbol: assetBy.get(p.asset as string)?.symbol as string,
          totalAssets: BigInt(p.total_assets as string),
        })),
      commissions: serviceRows.map((s) => ({
        service: getAddress(s.service as string),
        bps: commissionOf.get(`${operator}${s.service}`) ?? DEFAULT_COMMISSION_BPS,
      })),
    };
  });

  // Operator sets, with their assets in the order the events added them.
  const setRows = await db.query<Row>(
    `SELECT set_id::text AS set_id, service, veto_window::text AS veto_window,
       deallocation_delay::text AS deallocation_delay, max_slash_wad::text AS max_slash_wad, slash_recipient
     FROM operator_sets ORDER BY operator_sets.set_id`,
  );
  const setAssetEvents = await db.query<{ name: string; set_id: string; assets: unknown; asset: string | null }>(
    `SELECT name, args->>'setId' AS set_id, args->'assets' AS assets, args->>'asset' AS asset FROM events
     WHERE contract = 'rampart' AND name IN ('OperatorSetCreated', 'OperatorSetAssetAdded')
     ORDER BY block_number, log_index`,
  );
  const setAssets = new Map<string, string[]>();
  for (const e of setAssetEvents) {
    const list = setAssets.get(e.set_id) ?? [];
    const added =
      e.name === "OperatorSetCreated"
        ? ((typeof e.assets === "string" ? JSON.parse(e.assets) : e.assets) as string[])
        : [e.asset as string];
    for (const a of added) if (!list.includes(a.toLowerCase())) list.push(a.toLowerCase());
    setAssets.set(e.set_id, list);
  }
  const services: NetworkFacts["services"] = serviceRows.map((s) => ({
    address: getAddress(s.service as string),
    name: metadataName(s.metadata_uri ?? ""),
    metadataURI: s.metadata_uri ?? "",
    category: Number(s.category),
    sets: setRows
      .filter((set) => set.service === s.service)
      .map((set) => ({
        id: Number(set.set_id),
        policy: {
          maxSlashWad: BigInt(set.max_slash_wad as string),
          vetoWindow: Number(set.veto_window),
          effectiveDeallocationDelay: Math.min(Number(set.deallocation_delay), withdrawalDelay),
          burns: set.slash_recipient === zeroAddress,
        },
        assets: (setAssets.get(set.set_id as string) ?? []).map((a) => ({
          symbol: assetBy.get(a)?.symbol ?? getAddress(a),
        })),
      })),
  }));

  // Pools with their allocations in force now (a pending change counts once its time has come, as the core's view).
  const allocationRows = await db.query<Row>(
    `SELECT operator, asset, set_id::text AS set_id, magnitude::text AS magnitude,
       pending_magnitude::text AS pending_magnitude, effect_at::text AS effect_at
     FROM allocations ORDER BY allocations.set_id`,
  );
  const registered = new Map(operatorRows.map((r, i) => [r.operator as string, i]));
  const poolKeys = new Map<string, { operator: string; asset: string }>();
  for (const r of [...poolRows, ...allocationRows]) {
    poolKeys.set(`${r.operator}${r.asset}`, { operator: r.operator as string, asset: r.asset as string });
  }
  const poolState = new Map(poolRows.map((p) => [`${p.operator}${p.asset}`, p]));
  const pools: NetworkFacts["pools"] = [...poolKeys.values()]
    .filter((p) => assetBy.has(p.asset))
    .sort(
      (a, b) =>
        (registered.get(a.operator) ?? -1) - (registered.get(b.operator) ?? -1) ||
        assetOrder(a.asset) - assetOrder(b.asset),
    )
    .map(({ operator, asset }) => {
      const state = poolState.get(`${operator}${asset}`);
      const totalAssets = BigInt(state?.total_assets ?? 0);
      const maxMagnitude = BigInt(state?.max_magnitude ?? WAD);
      return {
        operator: getAddress(operator),
        operatorName: nameOf.get(operator),
        asset: getAddress(asset),
        symbol: assetBy.get(asset)?.symbol as string,
        allocations: allocationRows
          .filter((a) => a.operator === operator && a.asset === asset)
          .map((a) => {
            const effectAt = BigInt(a.effect_at ?? 0);
            const due = effectAt !== 0n && effectAt <= now.timestamp;
            const magnitude = BigInt((due ? a.pending_magnitude : a.magnitude) ?? 0);
            const pendingMagnitude = effectAt === 0n || due ? magnitude : BigInt(a.pending_magnitude ?? 0);
            return {
              setId: Number(a.set_id),
              magnitude,
              pendingMagnitude,
              // MagnitudeMath.toAssetsDown, as the core's slashableAssets().
              slashableAssets: maxMagnitude === 0n ? 0n : (totalAssets * magnitude) / maxMagnitude,
            };
          })
          .filter((a) => a.magnitude > 0n || a.pendingMagnitude > 0n),
      };
    });

  const slashRows = await db.query<Row>(
    `SELECT s.slash_id::text AS slash_id, s.set_id::text AS set_id, s.operator, s.status,
       s.executable_at::text AS executable_at, s.reason, a.wad::text AS wad
     FROM slashes s LEFT JOIN slash_assets a USING (slash_id) ORDER BY s.slash_id, a.asset`,
  );
  const slashes: NetworkFacts["slashes"] = [];
  const slashById = new Map<string, NetworkFacts["slashes"][number]>();
  for (const r of slashRows) {
    let slash = slashById.get(r.slash_id as string);
    if (!slash) {
      slash = {
        setId: Number(r.set_id),
        operator: getAddress(r.operator as string),
        executableAt: Number(r.executable_at),
        status: r.status === "requested" ? "pending" : (r.status as "vetoed" | "executed"),
        reason: r.reason ?? "",
        assets: [],
      };
      slashById.set(r.slash_id as string, slash);
      slashes.push(slash);
    }
    if (r.wad !== null) slash.assets.push({ wad: BigInt(r.wad as string) });
  }

  const events = options.rewardEvents ?? read?.events ?? [];
  const programs: NetworkFacts["programs"] = [];
  for (const e of events) {
    if (e.type !== "RewardProgramCreated") continue;
    const p = e.program;
    programs.push({
      id: p.id,
      setId: p.setId,
      kind: p.kind,
      token: getAddress(p.token),
      amount: p.amount,
      startTime: p.startTime,
      duration: p.duration,
      assets: p.weights.map((w) => ({ address: getAddress(w.asset), weight: w.weight })),
      operators: p.operatorAmounts.map((o) => ({ address: getAddress(o.operator), amount: o.amount })),
    });
  }

  return {
    facts: {
      chainId: deployment.chainId,
      rampart: deployment.contracts.rampart,
      now,
      withdrawalDelay,
      assets,
      operators,
      services,
      pools,
      slashes,
      programs,
      rewardTokens: deployment.rewardTokens,
      positions: await positionsFromDb(db, options.stakers, assetBy, poolState),
    },
    notes,
  };
}

/** Every (staker, operator, asset) with shares, valued as the core does (sharesToAssets), in first-deposit order. */
async function positionsFromDb(
  db: Queryable,
  stakers: readonly string[] | undefined,
  assetBy: Map<string, { symbol: string }>,
  poolState: Map<string, Row>,
): Promise<NonNullable<SnapshotInput["positions"]>> {
  const wanted = stakers?.map((s) => s.toLowerCase());
  if (wanted && wanted.length === 0) return [];
  const rows = await db.query<Row>(
    `SELECT staker, operator, asset, shares::text AS shares FROM positions
     WHERE shares > 0 ${wanted ? "AND staker = ANY($1::text[])" : ""}`,
    wanted ? [wanted] : [],
  );
  // The order snapshotFromChain lists them in: by first deposit, then those only redelegated into, in chain order.
  const firstSeen = new Map<string, number>();
  const seen = await db.query<{ staker: string | null; operator: string | null; asset: string | null }>(
    `SELECT COALESCE(args->>'staker', args->'withdrawal'->>'staker') AS staker,
       COALESCE(args->>'operator', args->'withdrawal'->>'redelegateTo') AS operator,
       COALESCE(args->>'asset', args->'withdrawal'->>'asset') AS asset
     FROM events WHERE contract = 'rampart' AND name IN ('Deposited', 'WithdrawalQueued')
     ORDER BY name = 'WithdrawalQueued', block_number, log_index`,
  );
  for (const e of seen) {
    const key = `${e.staker}${e.operator}${e.asset}`;
    if (!firstSeen.has(key)) firstSeen.set(key, firstSeen.size);
  }
  const positions: (NonNullable<SnapshotInput["positions"]>[number] & { order: number })[] = [];
  for (const r of rows) {
    const symbol = assetBy.get(r.asset as string)?.symbol;
    const pool = poolState.get(`${r.operator}${r.asset}`);
    if (!symbol || !pool) continue;
    const amount = sharesToAssets(
      BigInt(r.shares as string),
      BigInt(pool.total_assets as string),
      BigInt(pool.total_shares as string),
    );
    if (amount === 0n) continue;
    positions.push({
      staker: getAddress(r.staker as string),
      operator: getAddress(r.operator as string),
      asset: symbol,
      amount: amount.toString(),
      order: firstSeen.get(`${r.staker}${r.operator}${r.asset}`) ?? Number.MAX_SAFE_INTEGER,
    });
  }
  positions.sort((a, b) => a.order - b.order);
  return positions.map(({ order: _order, ...p }) => p);
}

/**
 * A snapshot of the network as of the indexer's checkpoint, from its database (what `snapshotFromChain` gives for a
 * node at the same block), with the notes on what it assumes.
 * @example
 * const { snapshot } = await snapshotFromDb(db, deployment, { standIns: standInsFromChain(client.publicClient) });
 */
export async function snapshotFromDb(
  db: Queryable,
  deployment: Deployment,
  options: SnapshotFromDbOptions & { rewardEvents?: readonly ProtocolEvent[] } = {},
): Promise<{ snapshot: SnapshotInput; notes: string[] }> {
  const { facts, notes } = await networkFactsFromDb(db, deployment, options);
  const built = buildSnapshot(facts, options);
  const all = [...notes, ...built.notes];
  built.snapshot.notes = all;
  return { snapshot: built.snapshot, notes: all };
}
