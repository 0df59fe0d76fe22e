import { ENGINE_OPENAPI_PATHS } from "./engines.ts";
import { address, addressParam, amount, arrayOf, json, object, query, ref, seconds } from "./schema.ts";

// The hand-written OpenAPI 3.1 document served at /openapi.json. Keep it in step with ROUTES in server.ts (the API
// test checks that every served route is listed here).

const errors = {
  "400": json(ref("Error"), "Invalid input, e.g. a bad address"),
  "404": json(ref("Error"), "Unknown route or unknown resource"),
};
const ratio = {
  type: ["number", "null"],
  description: "A share or an APR as a fraction (0.05 = 5%); null when undefined",
};
const ethWei = {
  type: ["string", "null"],
  pattern: "^[0-9]+$",
  description: "ETH value in wei; null when an asset has no ETH price",
};
const rangeParam = (fallback: string) =>
  query("range", `Days the series covers, ending today (default ${fallback})`, {
    type: "string",
    enum: ["1w", "1m", "3m", "1y", "all"],
  });
const badRange = { "400": json(ref("Error"), "A bad query parameter, e.g. an unknown range") };
const operatorSummary = object({
  operator: address,
  delegate: address,
  metadataUri: { type: "string" },
  allocationDelay: { type: "integer", description: "Seconds" },
  registeredTime: seconds,
  name: { type: ["string", "null"] },
  pendingAllocationDelay: { type: ["integer", "null"] },
  allocationDelayEffectAt: { type: ["integer", "null"] },
  tvl: arrayOf(ref("AssetAmount")),
  tvlEth: ethWei,
  stakers: { type: "integer" },
  sets: arrayOf(
    object({
      setId: { type: "integer" },
      service: address,
      serviceName: { type: ["string", "null"] },
      joinedTime: seconds,
    }),
  ),
  servicesSecured: arrayOf(object({ service: address, name: { type: ["string", "null"] } })),
  commissions: arrayOf(
    object({
      service: address,
      bps: { type: "integer" },
      pendingBps: { type: ["integer", "null"] },
      effectAt: { type: ["integer", "null"] },
      default: { type: "boolean", description: "True when the operator never set a rate for this service (10%)" },
    }),
  ),
  concentration: object({
    shareOfNetworkTvl: { ...ratio, description: "The operator's share of all TVL (in ETH)" },
    largestStakerShare: { ...ratio, description: "The largest staker's share of the operator's TVL (in ETH)" },
  }),
});

const seriesPoint = (fields: Record<string, unknown>) =>
  object({
    day: { type: "integer", description: "UTC day: unix seconds / 86400" },
    date: { type: "string" },
    ...fields,
  });
const withdrawal = object({
  id: amount,
  staker: address,
  operator: address,
  asset: address,
  symbol: { type: ["string", "null"] },
  decimals: { type: "integer" },
  amount: { ...amount, description: "Assets: paid when completed, else what the shares are worth now" },
  eth: ethWei,
  shares: amount,
  receiver: address,
  redelegateTo: { type: ["string", "null"] },
  queuedTime: seconds,
  completableAt: seconds,
  status: { type: "string", enum: ["queued", "ready", "completed"] },
  secondsRemaining: { type: "integer", minimum: 0 },
  assetsPaid: { type: ["string", "null"] },
  newShares: { type: ["string", "null"] },
  completedTime: { type: ["integer", "null"] },
});
const serviceSummary = object({
  service: address,
  name: { type: ["string", "null"] },
  category: { type: "integer" },
  categoryName: { type: "string" },
  metadataUri: { type: "string" },
  description: { type: ["string", "null"] },
  registeredTime: seconds,
  sets: { type: "integer" },
  operators: { type: "integer", description: "Operators in its sets" },
  operatorsAllocated: { type: "integer", description: "Operators with stake allocated to it" },
  stake: { ...arrayOf(ref("AssetAmount")), description: "Stake securing it per asset (slashable by it)" },
  stakeEth: ethWei,
  rewardPrograms: { type: "integer" },
  rewardsPerDayEth: ethWei,
  rewardApr: { ...ratio, description: "Today's rewards × 365 ÷ stake, both in ETH, before commission" },
  executedSlashes: { type: "integer" },
});

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Rampart API",
    version: "0.1.0",
    description:
      "Read-only JSON over the Rampart indexer's database. Amounts are decimal strings of base units with the " +
      "asset's decimals beside them. Errors are {error, hint}.",
  },
  paths: {
    "/openapi.json": {
      get: {
        summary: "This document",
        responses: { "200": json({ type: "object" }, "The OpenAPI 3.1 document") },
      },
    },
    "/overview": {
      get: {
        summary: "Network overview: TVL per asset in tokens and ETH, the restaked share, counts",
        responses: {
          "200": json(
            object({
              chainId: { type: "integer" },
              rampart: address,
              indexedBlock: { type: ["integer", "null"] },
              indexedTime: { type: ["integer", "null"] },
              tvl: arrayOf({
                allOf: [
                  ref("AssetAmount"),
                  object({ restaked: amount, restakedEth: ethWei, rateSource: { type: "string" } }),
                ],
              }),
              tvlEth: ethWei,
              restakedEth: { ...ethWei, description: "TVL allocated to at least one service (slashable), in wei" },
              restakedShare: ratio,
              counts: object({
                operators: { type: "integer" },
                services: { type: "integer" },
                sets: { type: "integer" },
                stakers: { type: "integer" },
                positions: { type: "integer" },
                executedSlashes: { type: "integer" },
                queuedWithdrawals: { type: "integer" },
                rewardPrograms: { type: "integer" },
              }),
            }),
            "The overview",
          ),
        },
      },
    },
    "/assets": {
      get: {
        summary: "Listed assets: cap, TVL in tokens and ETH, restaked part, ETH rate and its source, counts",
        responses: {
          "200": json(object({ asOf: seconds, assets: arrayOf({ type: "object" }) }), "Every listed asset"),
        },
      },
    },
    "/operators": {
      get: {
        summary: "Operators with TVL, stakers, commission per service, services secured and concentration",
        responses: {
          "200": json(
            object({ asOf: seconds, operators: arrayOf(ref("OperatorSummary")) }),
            "All registered operators",
          ),
        },
      },
    },
    "/operators/{address}": {
      get: {
        summary: "One operator: the summary plus pools, allocations, slashes, daily history and recent events",
        parameters: [addressParam("The operator's address"), rangeParam("3m")],
        responses: { "200": json(ref("OperatorDetail"), "The operator"), ...errors },
      },
    },
    "/services": {
      get: {
        summary: "Services: category, stake securing each per asset, operators, reward programs and APR, slashes",
        responses: {
          "200": json(object({ asOf: seconds, services: arrayOf(serviceSummary) }), "All registered services"),
        },
      },
    },
    "/services/{address}": {
      get: {
        summary:
          "One service: its sets with slashing policy, operators with their share of its stake, slashes, reward programs",
        parameters: [addressParam("The service's address")],
        responses: {
          "200": json(
            object({
              ...serviceSummary.properties,
              sets: arrayOf(
                object({
                  setId: { type: "integer" },
                  assets: arrayOf(
                    object({ asset: address, symbol: { type: ["string", "null"] }, decimals: { type: "integer" } }),
                  ),
                  policy: object({
                    vetoWindow: { type: "integer", description: "Seconds" },
                    deallocationDelay: { type: "integer", description: "Seconds" },
                    maxSlashWad: amount,
                    vetoCommittee: address,
                    slashRecipient: address,
                  }),
                  registrar: address,
                  createdTime: seconds,
                  operators: arrayOf(object({ operator: address, joinedTime: seconds })),
                }),
              ),
              operators: arrayOf(
                object({
                  operator: address,
                  stake: arrayOf(ref("AssetAmount")),
                  stakeEth: ethWei,
                  shareOfStake: ratio,
                  commissionBps: { type: "integer", description: "In force now" },
                  commissionIsDefault: { type: "boolean", description: "True when the operator never set one (10%)" },
                  pendingCommissionBps: { type: ["integer", "null"] },
                  commissionEffectAt: { type: ["integer", "null"] },
                  allocations: arrayOf({ type: "object" }),
                }),
              ),
              slashes: arrayOf(ref("Slash")),
              programs: arrayOf(
                object({
                  programId: amount,
                  setId: { type: "integer" },
                  kind: { type: "string", enum: ["pro-rata", "operator-directed"] },
                  asset: address,
                  symbol: { type: ["string", "null"] },
                  decimals: { type: "integer" },
                  amount,
                  eth: ethWei,
                  startTime: seconds,
                  endTime: seconds,
                  durationDays: { type: "number" },
                  perDay: amount,
                  status: { type: "string", enum: ["upcoming", "active", "ended"] },
                }),
              ),
            }),
            "The service",
          ),
          ...errors,
        },
      },
    },
    "/withdrawals": {
      get: {
        summary: "The withdrawal queue, newest first, with filters and pagination",
        parameters: [
          query("staker", "Only this staker's", { type: "string" }),
          query("operator", "Only from this operator", { type: "string" }),
          query("status", "queued (waiting), ready (completable now), pending (both), completed, all (default)", {
            type: "string",
            enum: ["queued", "ready", "pending", "completed", "all"],
          }),
          query("limit", "Page size, 1–500 (default 100)", { type: "integer", minimum: 1, maximum: 500 }),
          query("before", "Only ids below this: the `next` cursor of the previous page", { type: "string" }),
        ],
        responses: {
          "200": json(
            object({ asOf: seconds, withdrawals: arrayOf(withdrawal), next: { type: ["string", "null"] } }),
            "A page of withdrawals",
          ),
          ...badRange,
        },
      },
    },
    "/timeseries/tvl": {
      get: {
        summary: "Daily TVL and restaked amount per asset, in tokens and ETH (at each day's rate)",
        parameters: [rangeParam("1m")],
        responses: {
          "200": json(
            object({
              range: { type: "string" },
              points: arrayOf(
                seriesPoint({
                  tvlEth: ethWei,
                  restakedEth: ethWei,
                  counts: object({
                    operators: { type: "integer" },
                    services: { type: "integer" },
                    stakers: { type: "integer" },
                    positions: { type: "integer" },
                  }),
                  assets: arrayOf({ type: "object" }),
                }),
              ),
            }),
            "One point per UTC day, the last one as of the last indexed block",
          ),
          ...badRange,
        },
      },
    },
    "/timeseries/apr": {
      get: {
        summary: "Daily reward APR per service (rewards × 365 ÷ stake, in ETH, before commission) and for the network",
        parameters: [rangeParam("1m"), query("service", "Only this service", { type: "string" })],
        responses: {
          "200": json(
            object({
              range: { type: "string" },
              basis: { type: "string" },
              services: arrayOf({ type: "object" }),
              points: arrayOf(
                seriesPoint({
                  networkRewardApr: ratio,
                  services: arrayOf(
                    object({ service: address, rewardsPerDayEth: ethWei, stakeEth: ethWei, apr: ratio }),
                  ),
                }),
              ),
            }),
            "One point per UTC day",
          ),
          ...badRange,
        },
      },
    },
    "/timeseries/services/{address}/stake": {
      get: {
        summary: "Daily stake securing one service, per asset",
        parameters: [addressParam("The service's address"), rangeParam("1m")],
        responses: {
          "200": json(
            object({
              service: address,
              range: { type: "string" },
              points: arrayOf(seriesPoint({ stakeEth: ethWei, stake: arrayOf(ref("AssetAmount")) })),
            }),
            "One point per UTC day",
          ),
          ...errors,
        },
      },
    },
    "/stakers/{address}/portfolio": {
      get: {
        summary: "A staker's positions (shares and what they are worth) and pending withdrawals",
        parameters: [addressParam("The staker's address")],
        responses: {
          "200": json(
            object({
              staker: address,
              asOf: { ...seconds, description: "The time secondsRemaining counts from (last indexed block)" },
              positions: arrayOf(
                object({
                  operator: address,
                  asset: address,
                  symbol: { type: ["string", "null"] },
                  decimals: { type: "integer" },
                  shares: amount,
                  assets: { ...amount, description: "What the shares are worth now, rounded down" },
                  amount: { ...amount, description: "The same as assets" },
                  eth: ethWei,
                  exposure: arrayOf(
                    object({
                      setId: { type: "integer" },
                      service: address,
                      serviceName: { type: ["string", "null"] },
                      slashable: ref("AssetAmount"),
                      shareOfServiceStake: ratio,
                    }),
                  ),
                }),
              ),
              valueEth: ethWei,
              pendingWithdrawals: arrayOf(withdrawal),
              rewards: {
                type: "object",
                description:
                  "Rewards by service, token and role, with claimed and claimable per token: the answer of /rewards/earnings/{address}",
              },
            }),
            "The portfolio (empty lists for an address with no history)",
          ),
          ...errors,
        },
      },
    },
    "/slashes": {
      get: {
        summary: "Slash requests (requested, vetoed or executed), newest first",
        parameters: [
          query("operator", "Only this operator's", { type: "string" }),
          query("service", "Only this service's", { type: "string" }),
          query("status", "requested, vetoed or executed", {
            type: "string",
            enum: ["requested", "vetoed", "executed"],
          }),
        ],
        responses: {
          "200": json(object({ asOf: seconds, slashes: arrayOf(ref("Slash")) }), "The slashes"),
          ...badRange,
        },
      },
    },
    ...ENGINE_OPENAPI_PATHS,
  },
  components: {
    schemas: {
      Error: object({
        error: { type: "string", description: "What was wrong" },
        hint: { type: "string", description: "What to do" },
      }),
      AssetAmount: object({
        asset: address,
        symbol: { type: ["string", "null"] },
        decimals: { type: "integer" },
        amount,
        eth: ethWei,
      }),
      OperatorSummary: operatorSummary,
      OperatorDetail: {
        allOf: [
          ref("OperatorSummary"),
          object({
            pools: arrayOf(
              object({
                asset: address,
                symbol: { type: ["string", "null"] },
                decimals: { type: "integer" },
                totalShares: amount,
                totalAssets: amount,
                maxMagnitude: amount,
                encumberedMagnitude: amount,
              }),
            ),
            allocations: arrayOf(
              object({
                asset: address,
                setId: { type: "integer" },
                magnitude: amount,
                pendingMagnitude: amount,
                effectAt: seconds,
              }),
            ),
            slashes: arrayOf(ref("Slash")),
            history: object({
              range: { type: "string" },
              points: arrayOf(
                seriesPoint({ tvlEth: ethWei, tvl: arrayOf(ref("AssetAmount")), stakerPositions: { type: "integer" } }),
              ),
            }),
            recentEvents: arrayOf(
              object({
                blockNumber: { type: "integer" },
                logIndex: { type: "integer" },
                time: seconds,
                txHash: { type: "string" },
                name: { type: "string" },
                args: { type: "object" },
              }),
            ),
          }),
        ],
      },
      Slash: object({
        slashId: amount,
        setId: { type: "integer" },
        service: { type: ["string", "null"] },
        operator: address,
        status: { type: "string", enum: ["requested", "vetoed", "executed"] },
        executableAt: seconds,
        reason: { type: "string" },
        requestedBlock: { type: "integer" },
        requestedTime: seconds,
        resolvedTime: { type: ["integer", "null"] },
        vetoWindow: { type: "integer", description: "Seconds" },
        requestTx: { type: ["string", "null"] },
        resolveTx: { type: ["string", "null"] },
        assets: arrayOf(
          object({
            asset: address,
            symbol: { type: ["string", "null"] },
            decimals: { type: "integer" },
            wad: amount,
            magnitudeSlashed: { type: ["string", "null"] },
            assetsSlashed: { type: ["string", "null"] },
            recipient: { type: ["string", "null"] },
          }),
        ),
      }),
    },
  },
} as const;
