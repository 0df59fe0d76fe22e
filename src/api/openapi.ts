// The hand-written OpenAPI 3.1 document served at /openapi.json. Keep it in step with ROUTES in server.ts (the API
// test checks that every served route is listed here).

const amount = { type: "string", pattern: "^[0-9]+$", description: "Decimal integer in base units" };
const address = { type: "string", pattern: "^0x[0-9a-f]{40}$", description: "Lowercase 0x address" };
const seconds = { type: "integer", description: "Unix seconds" };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const arrayOf = (items: unknown) => ({ type: "array", items });
const object = (properties: Record<string, unknown>) => ({
  type: "object",
  required: Object.keys(properties),
  properties,
});
const json = (schema: unknown, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const errors = {
  "400": json(ref("Error"), "Invalid input, e.g. a bad address"),
  "404": json(ref("Error"), "Unknown route or unknown resource"),
};
const addressParam = (description: string) => ({
  name: "address",
  in: "path",
  required: true,
  description,
  schema: { type: "string", pattern: "^0x[0-9a-fA-F]{40}$" },
});

const operatorSummary = object({
  operator: address,
  delegate: address,
  metadataUri: { type: "string" },
  allocationDelay: { type: "integer", description: "Seconds" },
  registeredTime: seconds,
  tvl: arrayOf(ref("AssetAmount")),
  stakers: { type: "integer" },
  sets: arrayOf(object({ setId: { type: "integer" }, service: address, joinedTime: seconds })),
  commissions: arrayOf(
    object({
      service: address,
      bps: { type: "integer" },
      pendingBps: { type: ["integer", "null"] },
      effectAt: { type: ["integer", "null"] },
    }),
  ),
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
        summary: "Network overview: TVL per asset and counts",
        responses: {
          "200": json(
            object({
              chainId: { type: "integer" },
              rampart: address,
              indexedBlock: { type: ["integer", "null"] },
              indexedTime: { type: ["integer", "null"] },
              tvl: arrayOf(ref("AssetAmount")),
              counts: object({
                operators: { type: "integer" },
                services: { type: "integer" },
                sets: { type: "integer" },
                stakers: { type: "integer" },
                positions: { type: "integer" },
              }),
            }),
            "The overview",
          ),
        },
      },
    },
    "/operators": {
      get: {
        summary: "Operators with TVL per asset, staker count, sets joined and commissions",
        responses: { "200": json(object({ operators: arrayOf(ref("OperatorSummary")) }), "All registered operators") },
      },
    },
    "/operators/{address}": {
      get: {
        summary: "One operator: the summary plus pools, allocations and slashes",
        parameters: [addressParam("The operator's address")],
        responses: { "200": json(ref("OperatorDetail"), "The operator"), ...errors },
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
                }),
              ),
              pendingWithdrawals: arrayOf(
                object({
                  id: amount,
                  operator: address,
                  asset: address,
                  symbol: { type: ["string", "null"] },
                  decimals: { type: "integer" },
                  shares: amount,
                  receiver: address,
                  redelegateTo: { type: ["string", "null"] },
                  queuedTime: seconds,
                  completableAt: seconds,
                  secondsRemaining: { type: "integer", minimum: 0 },
                }),
              ),
            }),
            "The portfolio (empty lists for an address with no history)",
          ),
          ...errors,
        },
      },
    },
    "/slashes": {
      get: {
        summary: "Every slash request: requested, vetoed or executed",
        responses: { "200": json(object({ slashes: arrayOf(ref("Slash")) }), "All slashes, oldest first") },
      },
    },
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
