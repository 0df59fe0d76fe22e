// The indexer's tables. Portable PostgreSQL (runs on PGlite and on a PostgreSQL server): amounts are NUMERIC(78,0)
// (any uint256), addresses and hashes lowercase 0x-hex TEXT, times unix seconds in BIGINT.
//
// Two kinds of tables:
// - the source of truth: `events` (every decoded log of the three contracts) and `blocks` (hashes of recent blocks,
//   for reorg detection), plus the one-row `checkpoint`;
// - derived state (`DERIVED_TABLES`): a pure function of `events` in chain order, rebuilt from them after a reorg.
//   This includes the daily snapshots (`*_days`): the state at the last second of each UTC day that had events,
//   written when the first event of a later day is applied (days without events repeat the previous day's state).

/** Bump when the DDL changes incompatibly; a database with another version is rejected with a clear message. */
export const SCHEMA_VERSION = 3;

/** The derived tables, in the order a rebuild truncates them. */
export const DERIVED_TABLES = [
  "assets",
  "operators",
  "commissions",
  "services",
  "operator_sets",
  "operator_set_assets",
  "memberships",
  "pools",
  "positions",
  "allocations",
  "slashes",
  "slash_assets",
  "withdrawals",
  "reward_programs",
  "roots",
  "claims",
  "pool_days",
  "allocation_days",
  "network_days",
  "day_cursor",
] as const;

export type DerivedTable = (typeof DERIVED_TABLES)[number];

const AMOUNT = "NUMERIC(78,0)";

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS checkpoint (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  chain_id BIGINT NOT NULL,
  rampart TEXT NOT NULL,
  block_number BIGINT NOT NULL,
  block_hash TEXT,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS blocks (
  number BIGINT PRIMARY KEY,
  hash TEXT NOT NULL,
  parent_hash TEXT,
  timestamp BIGINT
);

CREATE TABLE IF NOT EXISTS events (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  block_hash TEXT NOT NULL,
  block_time BIGINT NOT NULL,
  tx_hash TEXT NOT NULL,
  contract TEXT NOT NULL,
  name TEXT NOT NULL,
  args JSONB NOT NULL,
  PRIMARY KEY (block_number, log_index)
);
CREATE INDEX IF NOT EXISTS events_name ON events (name);

CREATE TABLE IF NOT EXISTS assets (
  asset TEXT PRIMARY KEY,
  decimals INTEGER NOT NULL,
  cap ${AMOUNT} NOT NULL,
  listed BOOLEAN NOT NULL,
  listed_block BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS operators (
  operator TEXT PRIMARY KEY,
  delegate TEXT NOT NULL,
  metadata_uri TEXT NOT NULL,
  allocation_delay BIGINT NOT NULL,
  pending_allocation_delay BIGINT,
  allocation_delay_effect_at BIGINT,
  registered_block BIGINT NOT NULL,
  registered_time BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS commissions (
  operator TEXT NOT NULL,
  service TEXT NOT NULL,
  bps INTEGER NOT NULL,
  pending_bps INTEGER,
  effect_at BIGINT,
  PRIMARY KEY (operator, service)
);

CREATE TABLE IF NOT EXISTS services (
  service TEXT PRIMARY KEY,
  category INTEGER NOT NULL,
  metadata_uri TEXT NOT NULL,
  registered_block BIGINT NOT NULL,
  registered_time BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS operator_sets (
  set_id BIGINT PRIMARY KEY,
  service TEXT NOT NULL,
  registrar TEXT NOT NULL,
  veto_window BIGINT NOT NULL,
  deallocation_delay BIGINT NOT NULL,
  max_slash_wad ${AMOUNT} NOT NULL,
  veto_committee TEXT NOT NULL,
  slash_recipient TEXT NOT NULL,
  created_block BIGINT NOT NULL,
  created_time BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS operator_set_assets (
  set_id BIGINT NOT NULL,
  asset TEXT NOT NULL,
  PRIMARY KEY (set_id, asset)
);

CREATE TABLE IF NOT EXISTS memberships (
  set_id BIGINT NOT NULL,
  operator TEXT NOT NULL,
  active BOOLEAN NOT NULL,
  joined_time BIGINT NOT NULL,
  left_time BIGINT,
  PRIMARY KEY (set_id, operator)
);

CREATE TABLE IF NOT EXISTS pools (
  operator TEXT NOT NULL,
  asset TEXT NOT NULL,
  total_shares ${AMOUNT} NOT NULL DEFAULT 0,
  total_assets ${AMOUNT} NOT NULL DEFAULT 0,
  max_magnitude ${AMOUNT} NOT NULL DEFAULT 1000000000000000000,
  encumbered ${AMOUNT} NOT NULL DEFAULT 0,
  PRIMARY KEY (operator, asset)
);

CREATE TABLE IF NOT EXISTS positions (
  staker TEXT NOT NULL,
  operator TEXT NOT NULL,
  asset TEXT NOT NULL,
  shares ${AMOUNT} NOT NULL,
  PRIMARY KEY (staker, operator, asset)
);
CREATE INDEX IF NOT EXISTS positions_pool ON positions (operator, asset);

CREATE TABLE IF NOT EXISTS allocations (
  operator TEXT NOT NULL,
  asset TEXT NOT NULL,
  set_id BIGINT NOT NULL,
  magnitude ${AMOUNT} NOT NULL,
  pending_magnitude ${AMOUNT} NOT NULL,
  effect_at BIGINT NOT NULL,
  PRIMARY KEY (operator, asset, set_id)
);

CREATE TABLE IF NOT EXISTS slashes (
  slash_id ${AMOUNT} PRIMARY KEY,
  set_id BIGINT NOT NULL,
  operator TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('requested', 'vetoed', 'executed')),
  executable_at BIGINT NOT NULL,
  reason TEXT NOT NULL,
  requested_block BIGINT NOT NULL,
  requested_time BIGINT NOT NULL,
  resolved_time BIGINT
);

CREATE TABLE IF NOT EXISTS slash_assets (
  slash_id ${AMOUNT} NOT NULL,
  asset TEXT NOT NULL,
  wad ${AMOUNT} NOT NULL,
  magnitude_slashed ${AMOUNT},
  assets_slashed ${AMOUNT},
  recipient TEXT,
  PRIMARY KEY (slash_id, asset)
);

CREATE TABLE IF NOT EXISTS withdrawals (
  id ${AMOUNT} PRIMARY KEY,
  staker TEXT NOT NULL,
  operator TEXT NOT NULL,
  asset TEXT NOT NULL,
  shares ${AMOUNT} NOT NULL,
  receiver TEXT NOT NULL,
  redelegate_to TEXT,
  queued_time BIGINT NOT NULL,
  completable_at BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'completed')),
  assets_paid ${AMOUNT},
  new_shares ${AMOUNT},
  completed_time BIGINT
);
CREATE INDEX IF NOT EXISTS withdrawals_staker ON withdrawals (staker);

CREATE TABLE IF NOT EXISTS reward_programs (
  program_id ${AMOUNT} PRIMARY KEY,
  set_id BIGINT NOT NULL,
  service TEXT NOT NULL,
  kind INTEGER NOT NULL,
  token TEXT NOT NULL,
  amount ${AMOUNT} NOT NULL,
  start_time BIGINT NOT NULL,
  duration BIGINT NOT NULL,
  weights JSONB NOT NULL,
  operator_amounts JSONB NOT NULL,
  created_time BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS roots (
  root_index BIGINT PRIMARY KEY,
  root TEXT NOT NULL,
  calculated_until BIGINT NOT NULL,
  activates_at BIGINT NOT NULL,
  disabled BOOLEAN NOT NULL,
  submitted_time BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS claims (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  root_index BIGINT NOT NULL,
  earner TEXT NOT NULL,
  token TEXT NOT NULL,
  recipient TEXT NOT NULL,
  amount ${AMOUNT} NOT NULL,
  cumulative_claimed ${AMOUNT} NOT NULL,
  claimed_time BIGINT NOT NULL,
  PRIMARY KEY (block_number, log_index)
);
CREATE INDEX IF NOT EXISTS claims_earner ON claims (earner);

-- Daily snapshots for charts: the state at the end of UTC day \`day\` (unix seconds / 86400), for days with events.
CREATE TABLE IF NOT EXISTS pool_days (
  day BIGINT NOT NULL,
  operator TEXT NOT NULL,
  asset TEXT NOT NULL,
  total_shares ${AMOUNT} NOT NULL,
  total_assets ${AMOUNT} NOT NULL,
  max_magnitude ${AMOUNT} NOT NULL,
  encumbered ${AMOUNT} NOT NULL,
  stakers INTEGER NOT NULL,
  PRIMARY KEY (day, operator, asset)
);
CREATE INDEX IF NOT EXISTS pool_days_operator ON pool_days (operator, day);

-- Allocations at the end of the day, with any pending change and its effect time (readers evaluate them at the end
-- of the day they chart, which may be a later day without events).
CREATE TABLE IF NOT EXISTS allocation_days (
  day BIGINT NOT NULL,
  operator TEXT NOT NULL,
  asset TEXT NOT NULL,
  set_id BIGINT NOT NULL,
  magnitude ${AMOUNT} NOT NULL,
  pending_magnitude ${AMOUNT} NOT NULL,
  effect_at BIGINT NOT NULL,
  PRIMARY KEY (day, operator, asset, set_id)
);
CREATE INDEX IF NOT EXISTS allocation_days_set ON allocation_days (set_id, day);

CREATE TABLE IF NOT EXISTS network_days (
  day BIGINT PRIMARY KEY,
  operators INTEGER NOT NULL,
  services INTEGER NOT NULL,
  sets INTEGER NOT NULL,
  stakers INTEGER NOT NULL,
  positions INTEGER NOT NULL
);

-- The UTC day of the last applied event: the day whose snapshot is written when a later day's event arrives.
CREATE TABLE IF NOT EXISTS day_cursor (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  open_day BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS positions_staker ON positions (staker);
-- The API looks events up by operator (recent events of an operator) and slash id (a slash's transactions).
CREATE INDEX IF NOT EXISTS events_operator ON events ((args->>'operator'));
CREATE INDEX IF NOT EXISTS events_withdrawal_operator ON events ((args->'withdrawal'->>'operator'));
CREATE INDEX IF NOT EXISTS events_redelegate_to ON events ((args->'withdrawal'->>'redelegateTo'));
CREATE INDEX IF NOT EXISTS events_slash_id ON events ((args->>'slashId'));
CREATE INDEX IF NOT EXISTS memberships_operator ON memberships (operator);
CREATE INDEX IF NOT EXISTS slashes_operator ON slashes (operator);
CREATE INDEX IF NOT EXISTS withdrawals_status ON withdrawals (status, completable_at);
`;
