// Derived state from events: one function that applies a stored event to the derived tables with SQL. The same code
// runs when a batch is indexed and when the derived tables are rebuilt from `events` after a reorg, so the two can
// never disagree. Amounts travel as decimal strings and are added in NUMERIC, never in floats.
import type { Queryable } from "./db.ts";

/** An event as stored in the `events` table (args: JSON with bigints as decimal strings, addresses lowercase). */
export interface StoredEvent {
  blockNumber: bigint;
  logIndex: number;
  blockHash: string;
  blockTime: bigint;
  txHash: string;
  contract: "rampart" | "directory" | "rewards";
  name: string;
  args: Record<string, unknown>;
}

const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

function str(value: unknown, what: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  throw new Error(`event argument ${what} is missing`);
}

function obj(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null) throw new Error(`event argument ${what} is not a struct`);
  return value as Record<string, unknown>;
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`event argument ${what} is not a list`);
  return value;
}

async function addToPool(tx: Queryable, operator: string, asset: string, shares: string, assets: string) {
  await tx.query(
    `INSERT INTO pools (operator, asset, total_shares, total_assets) VALUES ($1, $2, $3, $4)
     ON CONFLICT (operator, asset) DO UPDATE SET
       total_shares = pools.total_shares + EXCLUDED.total_shares,
       total_assets = pools.total_assets + EXCLUDED.total_assets`,
    [operator, asset, shares, assets],
  );
}

async function addToPosition(tx: Queryable, staker: string, operator: string, asset: string, shares: string) {
  await tx.query(
    `INSERT INTO positions (staker, operator, asset, shares) VALUES ($1, $2, $3, $4)
     ON CONFLICT (staker, operator, asset) DO UPDATE SET shares = positions.shares + EXCLUDED.shares`,
    [staker, operator, asset, shares],
  );
}

/** Applies one event to the derived tables. Events must arrive in chain order. Unknown names change nothing. */
export async function applyEvent(tx: Queryable, event: StoredEvent): Promise<void> {
  const a = event.args;
  const time = String(event.blockTime);
  const block = String(event.blockNumber);
  const s = (key: string) => str(a[key], `${event.name}.${key}`);
  switch (event.name) {
    // --- Rampart: assets
    case "AssetListed":
      await tx.query(
        `INSERT INTO assets (asset, decimals, cap, listed, listed_block) VALUES ($1, $2, $3, TRUE, $4)
         ON CONFLICT (asset) DO UPDATE SET decimals = EXCLUDED.decimals, cap = EXCLUDED.cap, listed = TRUE`,
        [s("asset"), s("decimals"), s("cap"), block],
      );
      return;
    case "AssetCapSet":
      await tx.query("UPDATE assets SET cap = $2 WHERE asset = $1", [s("asset"), s("cap")]);
      return;
    case "AssetDelisted":
      await tx.query("UPDATE assets SET listed = FALSE WHERE asset = $1", [s("asset")]);
      return;
    // --- Rampart: operator sets and memberships
    case "OperatorSetCreated": {
      const policy = obj(a.policy, "OperatorSetCreated.policy");
      const p = (key: string) => str(policy[key], `OperatorSetCreated.policy.${key}`);
      await tx.query(
        `INSERT INTO operator_sets (set_id, service, registrar, veto_window, deallocation_delay, max_slash_wad,
           veto_committee, slash_recipient, created_block, created_time)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          s("setId"),
          s("service"),
          s("registrar"),
          p("vetoWindow"),
          p("deallocationDelay"),
          p("maxSlashWad"),
          p("vetoCommittee"),
          p("slashRecipient"),
          block,
          time,
        ],
      );
      for (const asset of list(a.assets, "OperatorSetCreated.assets")) {
        await tx.query(
          "INSERT INTO operator_set_assets (set_id, asset) VALUES ($1, $2) ON CONFLICT (set_id, asset) DO NOTHING",
          [s("setId"), str(asset, "OperatorSetCreated.assets[]")],
        );
      }
      return;
    }
    case "OperatorSetAssetAdded":
      await tx.query(
        "INSERT INTO operator_set_assets (set_id, asset) VALUES ($1, $2) ON CONFLICT (set_id, asset) DO NOTHING",
        [s("setId"), s("asset")],
      );
      return;
    case "OperatorJoined":
      await tx.query(
        `INSERT INTO memberships (set_id, operator, active, joined_time) VALUES ($1, $2, TRUE, $3)
         ON CONFLICT (set_id, operator) DO UPDATE SET active = TRUE, joined_time = EXCLUDED.joined_time, left_time = NULL`,
        [s("setId"), s("operator"), time],
      );
      return;
    case "OperatorLeft":
      await tx.query("UPDATE memberships SET active = FALSE, left_time = $3 WHERE set_id = $1 AND operator = $2", [
        s("setId"),
        s("operator"),
        time,
      ]);
      return;
    // --- Rampart: pools, positions, allocations
    case "PoolMagnitudesUpdated":
      await tx.query(
        `INSERT INTO pools (operator, asset, max_magnitude, encumbered) VALUES ($1, $2, $3, $4)
         ON CONFLICT (operator, asset) DO UPDATE SET max_magnitude = EXCLUDED.max_magnitude, encumbered = EXCLUDED.encumbered`,
        [s("operator"), s("asset"), s("maxMagnitude"), s("encumberedMagnitude")],
      );
      return;
    case "AllocationUpdated":
      await tx.query(
        `INSERT INTO allocations (operator, asset, set_id, magnitude, pending_magnitude, effect_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (operator, asset, set_id) DO UPDATE SET magnitude = EXCLUDED.magnitude,
           pending_magnitude = EXCLUDED.pending_magnitude, effect_at = EXCLUDED.effect_at`,
        [s("operator"), s("asset"), s("setId"), s("magnitude"), s("pendingMagnitude"), s("effectAt")],
      );
      return;
    case "Deposited":
      await addToPool(tx, s("operator"), s("asset"), s("shares"), s("amount"));
      await addToPosition(tx, s("staker"), s("operator"), s("asset"), s("shares"));
      return;
    case "WithdrawalQueued": {
      const w = obj(a.withdrawal, "WithdrawalQueued.withdrawal");
      const f = (key: string) => str(w[key], `WithdrawalQueued.withdrawal.${key}`);
      const redelegateTo = f("redelegateTo");
      await tx.query("UPDATE positions SET shares = shares - $4 WHERE staker = $1 AND operator = $2 AND asset = $3", [
        f("staker"),
        f("operator"),
        f("asset"),
        f("shares"),
      ]);
      await tx.query(
        `INSERT INTO withdrawals (id, staker, operator, asset, shares, receiver, redelegate_to, queued_time,
           completable_at, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'queued')`,
        [
          s("id"),
          f("staker"),
          f("operator"),
          f("asset"),
          f("shares"),
          f("receiver"),
          redelegateTo === ZERO_ADDRESS ? null : redelegateTo,
          time,
          f("completableAt"),
        ],
      );
      return;
    }
    case "WithdrawalCompleted": {
      const [w] = await tx.query<{
        operator: string;
        asset: string;
        staker: string;
        shares: string;
        to: string | null;
      }>("SELECT operator, asset, staker, shares::text AS shares, redelegate_to AS to FROM withdrawals WHERE id = $1", [
        s("id"),
      ]);
      if (!w) throw new Error(`WithdrawalCompleted for unknown withdrawal #${s("id")} (block ${block})`);
      await addToPool(tx, w.operator, w.asset, `-${w.shares}`, `-${s("assets")}`);
      const newShares = s("newShares");
      if (newShares !== "0" && w.to) {
        await addToPool(tx, w.to, w.asset, newShares, s("assets"));
        await addToPosition(tx, w.staker, w.to, w.asset, newShares);
      }
      await tx.query(
        `UPDATE withdrawals SET status = 'completed', assets_paid = $2, new_shares = $3, completed_time = $4
         WHERE id = $1`,
        [s("id"), s("assets"), newShares, time],
      );
      return;
    }
    // --- Rampart: slashing
    case "SlashRequested": {
      await tx.query(
        `INSERT INTO slashes (slash_id, set_id, operator, status, executable_at, reason, requested_block, requested_time)
         VALUES ($1, $2, $3, 'requested', $4, $5, $6, $7)`,
        [s("slashId"), s("setId"), s("operator"), s("executableAt"), s("reason"), block, time],
      );
      const assets = list(a.assets, "SlashRequested.assets");
      const wads = list(a.wads, "SlashRequested.wads");
      for (const [i, asset] of assets.entries()) {
        await tx.query("INSERT INTO slash_assets (slash_id, asset, wad) VALUES ($1, $2, $3)", [
          s("slashId"),
          str(asset, "SlashRequested.assets[]"),
          str(wads[i], "SlashRequested.wads[]"),
        ]);
      }
      return;
    }
    case "SlashVetoed":
      await tx.query("UPDATE slashes SET status = 'vetoed', resolved_time = $2 WHERE slash_id = $1", [
        s("slashId"),
        time,
      ]);
      return;
    case "Slashed":
      await tx.query("UPDATE slashes SET status = 'executed', resolved_time = $2 WHERE slash_id = $1", [
        s("slashId"),
        time,
      ]);
      await tx.query(
        `UPDATE slash_assets SET magnitude_slashed = $3, assets_slashed = $4, recipient = $5
         WHERE slash_id = $1 AND asset = $2`,
        [s("slashId"), s("asset"), s("magnitudeSlashed"), s("assetsSlashed"), s("recipient")],
      );
      await addToPool(tx, s("operator"), s("asset"), "0", `-${s("assetsSlashed")}`);
      return;
    // --- Directory
    case "OperatorRegistered":
      await tx.query(
        `INSERT INTO operators (operator, delegate, metadata_uri, allocation_delay, registered_block, registered_time)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [s("operator"), s("delegate"), s("metadataURI"), s("allocationDelay"), block, time],
      );
      return;
    case "OperatorDelegateSet":
      await tx.query("UPDATE operators SET delegate = $2 WHERE operator = $1", [s("operator"), s("delegate")]);
      return;
    case "OperatorMetadataUpdated":
      await tx.query("UPDATE operators SET metadata_uri = $2 WHERE operator = $1", [s("operator"), s("metadataURI")]);
      return;
    case "AllocationDelaySet":
      // A change due by now is folded into the current value first; the new one is pending until effectAt.
      await tx.query(
        `UPDATE operators SET
           allocation_delay = CASE WHEN $3::bigint <= $4::bigint THEN $2::bigint
             WHEN allocation_delay_effect_at IS NOT NULL AND allocation_delay_effect_at <= $4::bigint
               THEN pending_allocation_delay ELSE allocation_delay END,
           pending_allocation_delay = CASE WHEN $3::bigint <= $4::bigint THEN NULL ELSE $2::bigint END,
           allocation_delay_effect_at = CASE WHEN $3::bigint <= $4::bigint THEN NULL ELSE $3::bigint END
         WHERE operator = $1`,
        [s("operator"), s("delay"), s("effectAt"), time],
      );
      return;
    case "CommissionSet":
      // The Directory applies a decrease at once and schedules an increase; the event's effectAt says which.
      await tx.query(
        `INSERT INTO commissions (operator, service, bps, pending_bps, effect_at)
         VALUES ($1, $2, CASE WHEN $4::bigint <= $5::bigint THEN $3::integer ELSE 1000 END,
           CASE WHEN $4::bigint <= $5::bigint THEN NULL ELSE $3::integer END,
           CASE WHEN $4::bigint <= $5::bigint THEN NULL ELSE $4::bigint END)
         ON CONFLICT (operator, service) DO UPDATE SET
           bps = CASE WHEN $4::bigint <= $5::bigint THEN $3::integer
             WHEN commissions.effect_at IS NOT NULL AND commissions.effect_at <= $5::bigint THEN commissions.pending_bps
             ELSE commissions.bps END,
           pending_bps = EXCLUDED.pending_bps,
           effect_at = EXCLUDED.effect_at`,
        [s("operator"), s("service"), s("bps"), s("effectAt"), time],
      );
      return;
    case "ServiceRegistered":
      await tx.query(
        `INSERT INTO services (service, category, metadata_uri, registered_block, registered_time)
         VALUES ($1, $2, $3, $4, $5)`,
        [s("service"), s("category"), s("metadataURI"), block, time],
      );
      return;
    case "ServiceMetadataUpdated":
      await tx.query("UPDATE services SET metadata_uri = $2 WHERE service = $1", [s("service"), s("metadataURI")]);
      return;
    // --- RampartRewards
    case "RewardProgramCreated": {
      const p = obj(a.params, "RewardProgramCreated.params");
      const f = (key: string) => str(p[key], `RewardProgramCreated.params.${key}`);
      const assets = list(p.assets, "params.assets");
      const weights = list(p.weights, "params.weights");
      const operators = list(p.operators, "params.operators");
      const operatorAmounts = list(p.operatorAmounts, "params.operatorAmounts");
      await tx.query(
        `INSERT INTO reward_programs (program_id, set_id, service, kind, token, amount, start_time, duration, weights,
           operator_amounts, created_time)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          s("programId"),
          s("setId"),
          s("service"),
          f("kind"),
          f("token"),
          f("amount"),
          f("startTime"),
          f("duration"),
          JSON.stringify(assets.map((asset, i) => ({ asset, weight: weights[i] }))),
          JSON.stringify(operators.map((operator, i) => ({ operator, amount: operatorAmounts[i] }))),
          time,
        ],
      );
      return;
    }
    case "DistributionRootSubmitted":
      await tx.query(
        `INSERT INTO roots (root_index, root, calculated_until, activates_at, disabled, submitted_time)
         VALUES ($1, $2, $3, $4, FALSE, $5)`,
        [s("rootIndex"), s("root"), s("calculatedUntil"), s("activatesAt"), time],
      );
      return;
    case "DistributionRootDisabled":
      await tx.query("UPDATE roots SET disabled = TRUE WHERE root_index = $1", [s("rootIndex")]);
      return;
    case "RewardsClaimed":
      await tx.query(
        `INSERT INTO claims (block_number, log_index, root_index, earner, token, recipient, amount, cumulative_claimed,
           claimed_time)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          block,
          event.logIndex,
          s("rootIndex"),
          s("earner"),
          s("token"),
          s("recipient"),
          s("amount"),
          s("cumulativeClaimed"),
          time,
        ],
      );
      return;
    default:
      // Governance, pausing, ownership, registrar-hook failures, claimers: kept in `events` only.
      return;
  }
}

export const DAY = 86_400n;

/** Snapshots the state at the end of UTC day `day` into the `*_days` tables. */
async function snapshotDay(tx: Queryable, day: bigint): Promise<void> {
  await tx.query(
    `INSERT INTO pool_days (day, operator, asset, total_shares, total_assets, max_magnitude, encumbered, stakers)
     SELECT $1, l.operator, l.asset, l.total_shares, l.total_assets, l.max_magnitude, l.encumbered,
       (SELECT COUNT(*) FROM positions p WHERE p.operator = l.operator AND p.asset = l.asset AND p.shares > 0)
     FROM pools l`,
    [String(day)],
  );
  // Raw magnitudes with any pending change: a chart evaluates them at each day's end (a change can take effect on a
  // later day without any event).
  await tx.query(
    `INSERT INTO allocation_days (day, operator, asset, set_id, magnitude, pending_magnitude, effect_at)
     SELECT $1, operator, asset, set_id, magnitude, pending_magnitude, effect_at FROM allocations
     WHERE magnitude > 0 OR pending_magnitude > 0`,
    [String(day)],
  );
  await tx.query(
    `INSERT INTO network_days (day, operators, services, sets, stakers, positions)
     SELECT $1, (SELECT COUNT(*) FROM operators), (SELECT COUNT(*) FROM services), (SELECT COUNT(*) FROM operator_sets),
       (SELECT COUNT(DISTINCT staker) FROM positions WHERE shares > 0),
       (SELECT COUNT(*) FROM positions WHERE shares > 0)`,
    [String(day)],
  );
}

/**
 * Applies events in chain order, snapshotting the state at the end of each UTC day that had events just before the
 * first event of a later day. Used for new batches and for rebuilds alike, so snapshots are a pure function of
 * `events` too.
 */
export async function applyEvents(tx: Queryable, events: Iterable<StoredEvent>): Promise<void> {
  const [cursor] = await tx.query<{ open_day: string }>("SELECT open_day::text AS open_day FROM day_cursor");
  const start = cursor ? BigInt(cursor.open_day) : null;
  let openDay = start;
  // Deposits only add to pools and positions, so a run of them (within one day) commutes and is applied as two bulk
  // statements instead of two per event: most of a history's events are deposits.
  let deposits: StoredEvent[] = [];
  const flush = async () => {
    if (deposits.length > 0) await applyDeposits(tx, deposits);
    deposits = [];
  };
  for (const event of events) {
    const day = event.blockTime / DAY;
    if (openDay !== null && day > openDay) {
      await flush();
      await snapshotDay(tx, openDay);
    }
    if (openDay === null || day > openDay) openDay = day;
    if (event.name === "Deposited") {
      deposits.push(event);
      continue;
    }
    await flush();
    await applyEvent(tx, event);
  }
  await flush();
  if (openDay !== null && openDay !== start) {
    await tx.query(
      `INSERT INTO day_cursor (id, open_day) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET open_day = EXCLUDED.open_day`,
      [String(openDay)],
    );
  }
}

/** Applies `Deposited` events in bulk: the same sums applyEvent would add one by one. */
async function applyDeposits(tx: Queryable, events: StoredEvent[]): Promise<void> {
  const pools = new Map<string, { operator: string; asset: string; shares: bigint; amount: bigint }>();
  const positions = new Map<string, { staker: string; operator: string; asset: string; shares: bigint }>();
  for (const event of events) {
    const s = (key: string) => str(event.args[key], `Deposited.${key}`);
    const [staker, operator, asset] = [s("staker"), s("operator"), s("asset")];
    const shares = BigInt(s("shares"));
    const pool = pools.get(`${operator}:${asset}`) ?? { operator, asset, shares: 0n, amount: 0n };
    pool.shares += shares;
    pool.amount += BigInt(s("amount"));
    pools.set(`${operator}:${asset}`, pool);
    const position = positions.get(`${staker}:${operator}:${asset}`) ?? { staker, operator, asset, shares: 0n };
    position.shares += shares;
    positions.set(`${staker}:${operator}:${asset}`, position);
  }
  const json = (rows: Iterable<Record<string, unknown>>) =>
    JSON.stringify([...rows], (_, v) => (typeof v === "bigint" ? v.toString() : v));
  await tx.query(
    `INSERT INTO pools (operator, asset, total_shares, total_assets)
     SELECT operator, asset, shares::numeric, amount::numeric
     FROM jsonb_to_recordset($1::jsonb) AS r(operator TEXT, asset TEXT, shares TEXT, amount TEXT)
     ON CONFLICT (operator, asset) DO UPDATE SET
       total_shares = pools.total_shares + EXCLUDED.total_shares,
       total_assets = pools.total_assets + EXCLUDED.total_assets`,
    [json(pools.values())],
  );
  await tx.query(
    `INSERT INTO positions (staker, operator, asset, shares)
     SELECT staker, operator, asset, shares::numeric
     FROM jsonb_to_recordset($1::jsonb) AS r(staker TEXT, operator TEXT, asset TEXT, shares TEXT)
     ON CONFLICT (staker, operator, asset) DO UPDATE SET shares = positions.shares + EXCLUDED.shares`,
    [json(positions.values())],
  );
}
