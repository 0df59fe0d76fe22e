// GENERATED FILE: DO NOT EDIT. Written by scripts/gen-abis.ts from the Foundry build in contracts/out.
// Regenerate: npm run build:contracts && npm run gen:abis
// Check it is current: npm run gen:abis -- --check
//
// ABIs are JSON literals with `as const`, so viem infers exact argument, return, event and error types.

/**
 * Rampart (contracts/src/Rampart.sol).
 * The restaking core (constructor: owner, pauser, unpauser, withdrawalDelay). It deploys its Directory.
 */
export const rampartAbi = [
  {
    type: "constructor",
    inputs: [
      { type: "address", name: "owner_", internalType: "address" },
      { type: "address", name: "pauser", internalType: "address" },
      { type: "address", name: "unpauser_", internalType: "address" },
      { type: "uint32", name: "withdrawalDelay_", internalType: "uint32" },
    ],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "BURN_ADDRESS",
    inputs: [],
    outputs: [{ type: "address", name: "", internalType: "address" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "MAX_ASSETS_PER_SET",
    inputs: [],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "MAX_VETO_WINDOW",
    inputs: [],
    outputs: [{ type: "uint32", name: "", internalType: "uint32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "MAX_WITHDRAWAL_DELAY",
    inputs: [],
    outputs: [{ type: "uint32", name: "", internalType: "uint32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "MIN_DEALLOCATION_DELAY",
    inputs: [],
    outputs: [{ type: "uint32", name: "", internalType: "uint32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "MIN_WITHDRAWAL_DELAY",
    inputs: [],
    outputs: [{ type: "uint32", name: "", internalType: "uint32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "PAUSE_ALLOCATIONS",
    inputs: [],
    outputs: [{ type: "uint8", name: "", internalType: "uint8" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "PAUSE_DEPOSITS",
    inputs: [],
    outputs: [{ type: "uint8", name: "", internalType: "uint8" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "PAUSE_SLASHING",
    inputs: [],
    outputs: [{ type: "uint8", name: "", internalType: "uint8" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "PAUSE_WITHDRAWALS",
    inputs: [],
    outputs: [{ type: "uint8", name: "", internalType: "uint8" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "REGISTRAR_LEAVE_GAS",
    inputs: [],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "SLASH_EXECUTION_GRACE",
    inputs: [],
    outputs: [{ type: "uint32", name: "", internalType: "uint32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "WAD",
    inputs: [],
    outputs: [{ type: "uint64", name: "", internalType: "uint64" }],
    stateMutability: "view",
  },
  { type: "function", name: "acceptOwnership", inputs: [], outputs: [], stateMutability: "nonpayable" },
  {
    type: "function",
    name: "addOperatorSetAsset",
    inputs: [
      { type: "uint32", name: "setId", internalType: "uint32" },
      { type: "address", name: "asset", internalType: "address" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "allocate",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "address", name: "asset", internalType: "address" },
      { type: "uint32", name: "setId", internalType: "uint32" },
      { type: "uint64", name: "fractionWad", internalType: "uint64" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "assetsToShares",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "address", name: "asset", internalType: "address" },
      { type: "uint256", name: "amount", internalType: "uint256" },
    ],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "completeWithdrawal",
    inputs: [
      {
        type: "tuple",
        name: "withdrawal",
        internalType: "struct Withdrawal",
        components: [
          { type: "uint64", name: "id", internalType: "uint64" },
          { type: "uint40", name: "completableAt", internalType: "uint40" },
          { type: "address", name: "staker", internalType: "address" },
          { type: "address", name: "operator", internalType: "address" },
          { type: "address", name: "asset", internalType: "address" },
          { type: "uint256", name: "shares", internalType: "uint256" },
          { type: "address", name: "receiver", internalType: "address" },
          { type: "address", name: "redelegateTo", internalType: "address" },
        ],
      },
    ],
    outputs: [{ type: "uint256", name: "assets", internalType: "uint256" }],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "createOperatorSet",
    inputs: [
      { type: "address[]", name: "assets", internalType: "address[]" },
      {
        type: "tuple",
        name: "policy",
        internalType: "struct SlashingPolicy",
        components: [
          { type: "uint32", name: "vetoWindow", internalType: "uint32" },
          { type: "uint32", name: "deallocationDelay", internalType: "uint32" },
          { type: "uint64", name: "maxSlashWad", internalType: "uint64" },
          { type: "address", name: "vetoCommittee", internalType: "address" },
          { type: "address", name: "slashRecipient", internalType: "address" },
        ],
      },
      { type: "address", name: "registrar", internalType: "address" },
    ],
    outputs: [{ type: "uint32", name: "setId", internalType: "uint32" }],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "delistAsset",
    inputs: [{ type: "address", name: "asset", internalType: "address" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "deposit",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "address", name: "asset", internalType: "address" },
      { type: "uint256", name: "amount", internalType: "uint256" },
      { type: "address", name: "onBehalf", internalType: "address" },
      { type: "uint256", name: "minShares", internalType: "uint256" },
    ],
    outputs: [{ type: "uint256", name: "shares", internalType: "uint256" }],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "directory",
    inputs: [],
    outputs: [{ type: "address", name: "", internalType: "contract IDirectory" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "executeSlash",
    inputs: [{ type: "uint256", name: "slashId", internalType: "uint256" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "getAllocation",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "address", name: "asset", internalType: "address" },
      { type: "uint32", name: "setId", internalType: "uint32" },
    ],
    outputs: [
      {
        type: "tuple",
        name: "",
        internalType: "struct Allocation",
        components: [
          { type: "uint64", name: "magnitude", internalType: "uint64" },
          { type: "uint64", name: "pendingMagnitude", internalType: "uint64" },
          { type: "uint40", name: "effectAt", internalType: "uint40" },
        ],
      },
    ],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "getAsset",
    inputs: [{ type: "address", name: "asset", internalType: "address" }],
    outputs: [
      {
        type: "tuple",
        name: "",
        internalType: "struct AssetConfig",
        components: [
          { type: "bool", name: "listed", internalType: "bool" },
          { type: "uint8", name: "decimals", internalType: "uint8" },
          { type: "uint128", name: "cap", internalType: "uint128" },
          { type: "uint128", name: "totalDeposited", internalType: "uint128" },
        ],
      },
    ],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "getMembership",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "uint32", name: "setId", internalType: "uint32" },
    ],
    outputs: [
      {
        type: "tuple",
        name: "",
        internalType: "struct Membership",
        components: [
          { type: "bool", name: "member", internalType: "bool" },
          { type: "uint32", name: "allocatedPools", internalType: "uint32" },
        ],
      },
    ],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "getOperatorSet",
    inputs: [{ type: "uint32", name: "setId", internalType: "uint32" }],
    outputs: [
      {
        type: "tuple",
        name: "",
        internalType: "struct OperatorSet",
        components: [
          { type: "address", name: "service", internalType: "address" },
          { type: "address", name: "registrar", internalType: "address" },
          {
            type: "tuple",
            name: "policy",
            internalType: "struct SlashingPolicy",
            components: [
              { type: "uint32", name: "vetoWindow", internalType: "uint32" },
              { type: "uint32", name: "deallocationDelay", internalType: "uint32" },
              { type: "uint64", name: "maxSlashWad", internalType: "uint64" },
              { type: "address", name: "vetoCommittee", internalType: "address" },
              { type: "address", name: "slashRecipient", internalType: "address" },
            ],
          },
          { type: "address[]", name: "assets", internalType: "address[]" },
        ],
      },
    ],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "getPool",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "address", name: "asset", internalType: "address" },
    ],
    outputs: [
      {
        type: "tuple",
        name: "",
        internalType: "struct Pool",
        components: [
          { type: "uint128", name: "totalShares", internalType: "uint128" },
          { type: "uint128", name: "totalAssets", internalType: "uint128" },
          { type: "uint64", name: "slashedMagnitude", internalType: "uint64" },
          { type: "uint64", name: "encumberedMagnitude", internalType: "uint64" },
        ],
      },
    ],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "getSlashRequest",
    inputs: [{ type: "uint256", name: "slashId", internalType: "uint256" }],
    outputs: [
      {
        type: "tuple",
        name: "",
        internalType: "struct SlashRequest",
        components: [
          { type: "uint32", name: "setId", internalType: "uint32" },
          { type: "uint8", name: "status", internalType: "enum SlashStatus" },
          { type: "uint40", name: "executableAt", internalType: "uint40" },
          { type: "address", name: "operator", internalType: "address" },
          { type: "address[]", name: "assets", internalType: "address[]" },
          { type: "uint64[]", name: "wads", internalType: "uint64[]" },
        ],
      },
    ],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "isPauser",
    inputs: [{ type: "address", name: "account", internalType: "address" }],
    outputs: [{ type: "bool", name: "", internalType: "bool" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "isSetAsset",
    inputs: [
      { type: "uint32", name: "setId", internalType: "uint32" },
      { type: "address", name: "asset", internalType: "address" },
    ],
    outputs: [{ type: "bool", name: "", internalType: "bool" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "isWithdrawalPending",
    inputs: [{ type: "uint64", name: "id", internalType: "uint64" }],
    outputs: [{ type: "bool", name: "", internalType: "bool" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "joinOperatorSet",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "uint32", name: "setId", internalType: "uint32" },
      { type: "bytes", name: "data", internalType: "bytes" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "leaveOperatorSet",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "uint32", name: "setId", internalType: "uint32" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "listAsset",
    inputs: [
      { type: "address", name: "asset", internalType: "address" },
      { type: "uint128", name: "cap", internalType: "uint128" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "maxMagnitude",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "address", name: "asset", internalType: "address" },
    ],
    outputs: [{ type: "uint64", name: "", internalType: "uint64" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "operatorSetCount",
    inputs: [],
    outputs: [{ type: "uint32", name: "", internalType: "uint32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "owner",
    inputs: [],
    outputs: [{ type: "address", name: "", internalType: "address" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "pause",
    inputs: [{ type: "uint8", name: "flags", internalType: "uint8" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "pausedFlags",
    inputs: [],
    outputs: [{ type: "uint8", name: "", internalType: "uint8" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "pendingOwner",
    inputs: [],
    outputs: [{ type: "address", name: "", internalType: "address" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "queueRedelegation",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "address", name: "asset", internalType: "address" },
      { type: "uint256", name: "shares", internalType: "uint256" },
      { type: "address", name: "newOperator", internalType: "address" },
    ],
    outputs: [
      {
        type: "tuple",
        name: "",
        internalType: "struct Withdrawal",
        components: [
          { type: "uint64", name: "id", internalType: "uint64" },
          { type: "uint40", name: "completableAt", internalType: "uint40" },
          { type: "address", name: "staker", internalType: "address" },
          { type: "address", name: "operator", internalType: "address" },
          { type: "address", name: "asset", internalType: "address" },
          { type: "uint256", name: "shares", internalType: "uint256" },
          { type: "address", name: "receiver", internalType: "address" },
          { type: "address", name: "redelegateTo", internalType: "address" },
        ],
      },
    ],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "queueWithdrawal",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "address", name: "asset", internalType: "address" },
      { type: "uint256", name: "shares", internalType: "uint256" },
      { type: "address", name: "receiver", internalType: "address" },
    ],
    outputs: [
      {
        type: "tuple",
        name: "",
        internalType: "struct Withdrawal",
        components: [
          { type: "uint64", name: "id", internalType: "uint64" },
          { type: "uint40", name: "completableAt", internalType: "uint40" },
          { type: "address", name: "staker", internalType: "address" },
          { type: "address", name: "operator", internalType: "address" },
          { type: "address", name: "asset", internalType: "address" },
          { type: "uint256", name: "shares", internalType: "uint256" },
          { type: "address", name: "receiver", internalType: "address" },
          { type: "address", name: "redelegateTo", internalType: "address" },
        ],
      },
    ],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "setAssetCap",
    inputs: [
      { type: "address", name: "asset", internalType: "address" },
      { type: "uint128", name: "cap", internalType: "uint128" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "setPauser",
    inputs: [
      { type: "address", name: "account", internalType: "address" },
      { type: "bool", name: "allowed", internalType: "bool" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "setUnpauser",
    inputs: [{ type: "address", name: "account", internalType: "address" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "setWithdrawalDelay",
    inputs: [{ type: "uint32", name: "delay", internalType: "uint32" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "settleAllocation",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "address", name: "asset", internalType: "address" },
      { type: "uint32", name: "setId", internalType: "uint32" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "sharesOf",
    inputs: [
      { type: "address", name: "staker", internalType: "address" },
      { type: "address", name: "operator", internalType: "address" },
      { type: "address", name: "asset", internalType: "address" },
    ],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "sharesToAssets",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "address", name: "asset", internalType: "address" },
      { type: "uint256", name: "shares", internalType: "uint256" },
    ],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "slash",
    inputs: [
      {
        type: "tuple",
        name: "params",
        internalType: "struct SlashParams",
        components: [
          { type: "uint32", name: "setId", internalType: "uint32" },
          { type: "address", name: "operator", internalType: "address" },
          { type: "address[]", name: "assets", internalType: "address[]" },
          { type: "uint64[]", name: "wads", internalType: "uint64[]" },
          { type: "string", name: "reason", internalType: "string" },
        ],
      },
    ],
    outputs: [{ type: "uint256", name: "slashId", internalType: "uint256" }],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "slashCount",
    inputs: [],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "slashableAssets",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "address", name: "asset", internalType: "address" },
      { type: "uint32", name: "setId", internalType: "uint32" },
    ],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "transferOwnership",
    inputs: [{ type: "address", name: "newOwner", internalType: "address" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "unpause",
    inputs: [{ type: "uint8", name: "flags", internalType: "uint8" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "unpauser",
    inputs: [],
    outputs: [{ type: "address", name: "", internalType: "address" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "vetoSlash",
    inputs: [{ type: "uint256", name: "slashId", internalType: "uint256" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "withdrawalCount",
    inputs: [],
    outputs: [{ type: "uint64", name: "", internalType: "uint64" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "withdrawalDelay",
    inputs: [],
    outputs: [{ type: "uint32", name: "", internalType: "uint32" }],
    stateMutability: "view",
  },
  {
    type: "event",
    name: "AllocationUpdated",
    inputs: [
      { type: "address", name: "operator", indexed: true, internalType: "address" },
      { type: "address", name: "asset", indexed: true, internalType: "address" },
      { type: "uint32", name: "setId", indexed: true, internalType: "uint32" },
      { type: "uint64", name: "magnitude", indexed: false, internalType: "uint64" },
      { type: "uint64", name: "pendingMagnitude", indexed: false, internalType: "uint64" },
      { type: "uint40", name: "effectAt", indexed: false, internalType: "uint40" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "AssetCapSet",
    inputs: [
      { type: "address", name: "asset", indexed: true, internalType: "address" },
      { type: "uint128", name: "cap", indexed: false, internalType: "uint128" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "AssetDelisted",
    inputs: [{ type: "address", name: "asset", indexed: true, internalType: "address" }],
    anonymous: false,
  },
  {
    type: "event",
    name: "AssetListed",
    inputs: [
      { type: "address", name: "asset", indexed: true, internalType: "address" },
      { type: "uint8", name: "decimals", indexed: false, internalType: "uint8" },
      { type: "uint128", name: "cap", indexed: false, internalType: "uint128" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "Deposited",
    inputs: [
      { type: "address", name: "staker", indexed: true, internalType: "address" },
      { type: "address", name: "operator", indexed: true, internalType: "address" },
      { type: "address", name: "asset", indexed: true, internalType: "address" },
      { type: "address", name: "payer", indexed: false, internalType: "address" },
      { type: "uint256", name: "amount", indexed: false, internalType: "uint256" },
      { type: "uint256", name: "shares", indexed: false, internalType: "uint256" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "OperatorJoined",
    inputs: [
      { type: "uint32", name: "setId", indexed: true, internalType: "uint32" },
      { type: "address", name: "operator", indexed: true, internalType: "address" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "OperatorLeft",
    inputs: [
      { type: "uint32", name: "setId", indexed: true, internalType: "uint32" },
      { type: "address", name: "operator", indexed: true, internalType: "address" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "OperatorSetAssetAdded",
    inputs: [
      { type: "uint32", name: "setId", indexed: true, internalType: "uint32" },
      { type: "address", name: "asset", indexed: true, internalType: "address" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "OperatorSetCreated",
    inputs: [
      { type: "uint32", name: "setId", indexed: true, internalType: "uint32" },
      { type: "address", name: "service", indexed: true, internalType: "address" },
      { type: "address", name: "registrar", indexed: false, internalType: "address" },
      {
        type: "tuple",
        name: "policy",
        indexed: false,
        internalType: "struct SlashingPolicy",
        components: [
          { type: "uint32", name: "vetoWindow", internalType: "uint32" },
          { type: "uint32", name: "deallocationDelay", internalType: "uint32" },
          { type: "uint64", name: "maxSlashWad", internalType: "uint64" },
          { type: "address", name: "vetoCommittee", internalType: "address" },
          { type: "address", name: "slashRecipient", internalType: "address" },
        ],
      },
      { type: "address[]", name: "assets", indexed: false, internalType: "address[]" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "OwnershipTransferStarted",
    inputs: [
      { type: "address", name: "previousOwner", indexed: true, internalType: "address" },
      { type: "address", name: "newOwner", indexed: true, internalType: "address" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "OwnershipTransferred",
    inputs: [
      { type: "address", name: "previousOwner", indexed: true, internalType: "address" },
      { type: "address", name: "newOwner", indexed: true, internalType: "address" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "PausedFlagsSet",
    inputs: [{ type: "uint8", name: "flags", indexed: false, internalType: "uint8" }],
    anonymous: false,
  },
  {
    type: "event",
    name: "PauserSet",
    inputs: [
      { type: "address", name: "account", indexed: true, internalType: "address" },
      { type: "bool", name: "allowed", indexed: false, internalType: "bool" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "PoolMagnitudesUpdated",
    inputs: [
      { type: "address", name: "operator", indexed: true, internalType: "address" },
      { type: "address", name: "asset", indexed: true, internalType: "address" },
      { type: "uint64", name: "maxMagnitude", indexed: false, internalType: "uint64" },
      { type: "uint64", name: "encumberedMagnitude", indexed: false, internalType: "uint64" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "RegistrarHookFailed",
    inputs: [
      { type: "uint32", name: "setId", indexed: true, internalType: "uint32" },
      { type: "address", name: "operator", indexed: true, internalType: "address" },
      { type: "bytes", name: "reason", indexed: false, internalType: "bytes" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "SlashRequested",
    inputs: [
      { type: "uint256", name: "slashId", indexed: true, internalType: "uint256" },
      { type: "uint32", name: "setId", indexed: true, internalType: "uint32" },
      { type: "address", name: "operator", indexed: true, internalType: "address" },
      { type: "address[]", name: "assets", indexed: false, internalType: "address[]" },
      { type: "uint64[]", name: "wads", indexed: false, internalType: "uint64[]" },
      { type: "uint40", name: "executableAt", indexed: false, internalType: "uint40" },
      { type: "string", name: "reason", indexed: false, internalType: "string" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "SlashVetoed",
    inputs: [
      { type: "uint256", name: "slashId", indexed: true, internalType: "uint256" },
      { type: "address", name: "committee", indexed: false, internalType: "address" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "Slashed",
    inputs: [
      { type: "uint256", name: "slashId", indexed: true, internalType: "uint256" },
      { type: "uint32", name: "setId", indexed: true, internalType: "uint32" },
      { type: "address", name: "operator", indexed: true, internalType: "address" },
      { type: "address", name: "asset", indexed: false, internalType: "address" },
      { type: "uint64", name: "magnitudeSlashed", indexed: false, internalType: "uint64" },
      { type: "uint256", name: "assetsSlashed", indexed: false, internalType: "uint256" },
      { type: "address", name: "recipient", indexed: false, internalType: "address" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "UnpauserSet",
    inputs: [{ type: "address", name: "account", indexed: true, internalType: "address" }],
    anonymous: false,
  },
  {
    type: "event",
    name: "WithdrawalCompleted",
    inputs: [
      { type: "uint64", name: "id", indexed: true, internalType: "uint64" },
      { type: "address", name: "staker", indexed: true, internalType: "address" },
      { type: "uint256", name: "assets", indexed: false, internalType: "uint256" },
      { type: "uint256", name: "newShares", indexed: false, internalType: "uint256" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "WithdrawalDelaySet",
    inputs: [{ type: "uint32", name: "delay", indexed: false, internalType: "uint32" }],
    anonymous: false,
  },
  {
    type: "event",
    name: "WithdrawalQueued",
    inputs: [
      { type: "uint64", name: "id", indexed: true, internalType: "uint64" },
      { type: "address", name: "staker", indexed: true, internalType: "address" },
      {
        type: "tuple",
        name: "withdrawal",
        indexed: false,
        internalType: "struct Withdrawal",
        components: [
          { type: "uint64", name: "id", internalType: "uint64" },
          { type: "uint40", name: "completableAt", internalType: "uint40" },
          { type: "address", name: "staker", internalType: "address" },
          { type: "address", name: "operator", internalType: "address" },
          { type: "address", name: "asset", internalType: "address" },
          { type: "uint256", name: "shares", internalType: "uint256" },
          { type: "address", name: "receiver", internalType: "address" },
          { type: "address", name: "redelegateTo", internalType: "address" },
        ],
      },
    ],
    anonymous: false,
  },
  {
    type: "error",
    name: "AllocationChangePending",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "address", name: "asset", internalType: "address" },
      { type: "uint32", name: "setId", internalType: "uint32" },
      { type: "uint40", name: "effectAt", internalType: "uint40" },
    ],
  },
  {
    type: "error",
    name: "AllocationUnchanged",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "address", name: "asset", internalType: "address" },
      { type: "uint32", name: "setId", internalType: "uint32" },
    ],
  },
  {
    type: "error",
    name: "AlreadyMember",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "uint32", name: "setId", internalType: "uint32" },
    ],
  },
  {
    type: "error",
    name: "AssetAlreadyInSet",
    inputs: [
      { type: "uint32", name: "setId", internalType: "uint32" },
      { type: "address", name: "asset", internalType: "address" },
    ],
  },
  { type: "error", name: "AssetAlreadyListed", inputs: [{ type: "address", name: "asset", internalType: "address" }] },
  {
    type: "error",
    name: "AssetNotInSet",
    inputs: [
      { type: "uint32", name: "setId", internalType: "uint32" },
      { type: "address", name: "asset", internalType: "address" },
    ],
  },
  { type: "error", name: "AssetNotListed", inputs: [{ type: "address", name: "asset", internalType: "address" }] },
  {
    type: "error",
    name: "DelayOutOfBounds",
    inputs: [
      { type: "uint256", name: "delay", internalType: "uint256" },
      { type: "uint256", name: "min", internalType: "uint256" },
      { type: "uint256", name: "max", internalType: "uint256" },
    ],
  },
  {
    type: "error",
    name: "DepositCapExceeded",
    inputs: [
      { type: "address", name: "asset", internalType: "address" },
      { type: "uint256", name: "totalAfter", internalType: "uint256" },
      { type: "uint256", name: "cap", internalType: "uint256" },
    ],
  },
  { type: "error", name: "DuplicateAsset", inputs: [{ type: "address", name: "asset", internalType: "address" }] },
  {
    type: "error",
    name: "FractionAboveOne",
    inputs: [{ type: "uint64", name: "fractionWad", internalType: "uint64" }],
  },
  {
    type: "error",
    name: "InsufficientGasForHook",
    inputs: [
      { type: "uint256", name: "gasLeft", internalType: "uint256" },
      { type: "uint256", name: "required", internalType: "uint256" },
    ],
  },
  {
    type: "error",
    name: "InsufficientMagnitude",
    inputs: [
      { type: "uint256", name: "requested", internalType: "uint256" },
      { type: "uint256", name: "available", internalType: "uint256" },
    ],
  },
  {
    type: "error",
    name: "InsufficientShares",
    inputs: [
      { type: "uint256", name: "requested", internalType: "uint256" },
      { type: "uint256", name: "available", internalType: "uint256" },
    ],
  },
  { type: "error", name: "LengthMismatch", inputs: [] },
  {
    type: "error",
    name: "NoAllocation",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "address", name: "asset", internalType: "address" },
      { type: "uint32", name: "setId", internalType: "uint32" },
    ],
  },
  { type: "error", name: "NoAssets", inputs: [] },
  { type: "error", name: "NotAContract", inputs: [{ type: "address", name: "asset", internalType: "address" }] },
  {
    type: "error",
    name: "NotMember",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "uint32", name: "setId", internalType: "uint32" },
    ],
  },
  { type: "error", name: "NotOwner", inputs: [{ type: "address", name: "caller", internalType: "address" }] },
  { type: "error", name: "NotPauser", inputs: [{ type: "address", name: "caller", internalType: "address" }] },
  { type: "error", name: "NotPendingOwner", inputs: [{ type: "address", name: "caller", internalType: "address" }] },
  {
    type: "error",
    name: "NotSetService",
    inputs: [
      { type: "address", name: "caller", internalType: "address" },
      { type: "uint32", name: "setId", internalType: "uint32" },
    ],
  },
  { type: "error", name: "NotUnpauser", inputs: [{ type: "address", name: "caller", internalType: "address" }] },
  { type: "error", name: "NotVetoCommittee", inputs: [{ type: "address", name: "caller", internalType: "address" }] },
  {
    type: "error",
    name: "OperatorNotRegistered",
    inputs: [{ type: "address", name: "operator", internalType: "address" }],
  },
  { type: "error", name: "Paused", inputs: [{ type: "uint8", name: "flag", internalType: "uint8" }] },
  {
    type: "error",
    name: "PoolFullySlashed",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "address", name: "asset", internalType: "address" },
    ],
  },
  {
    type: "error",
    name: "PoolSharesOverflow",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "address", name: "asset", internalType: "address" },
    ],
  },
  { type: "error", name: "ReentrancyGuardReentrantCall", inputs: [] },
  {
    type: "error",
    name: "SafeERC20FailedOperation",
    inputs: [{ type: "address", name: "token", internalType: "address" }],
  },
  { type: "error", name: "SameOperator", inputs: [{ type: "address", name: "operator", internalType: "address" }] },
  {
    type: "error",
    name: "ServiceNotRegistered",
    inputs: [{ type: "address", name: "service", internalType: "address" }],
  },
  {
    type: "error",
    name: "SharesTooLow",
    inputs: [
      { type: "uint256", name: "shares", internalType: "uint256" },
      { type: "uint256", name: "minShares", internalType: "uint256" },
    ],
  },
  {
    type: "error",
    name: "SlashNotPending",
    inputs: [
      { type: "uint256", name: "slashId", internalType: "uint256" },
      { type: "uint8", name: "status", internalType: "enum SlashStatus" },
    ],
  },
  {
    type: "error",
    name: "SlashRoundsToZero",
    inputs: [
      { type: "address", name: "asset", internalType: "address" },
      { type: "uint64", name: "magnitude", internalType: "uint64" },
      { type: "uint64", name: "wad", internalType: "uint64" },
    ],
  },
  {
    type: "error",
    name: "SlashWadOutOfBounds",
    inputs: [
      { type: "uint64", name: "wad", internalType: "uint64" },
      { type: "uint64", name: "maxWad", internalType: "uint64" },
    ],
  },
  {
    type: "error",
    name: "StillAllocated",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "uint32", name: "setId", internalType: "uint32" },
      { type: "uint32", name: "allocatedPools", internalType: "uint32" },
    ],
  },
  { type: "error", name: "TooManyAssets", inputs: [{ type: "uint32", name: "setId", internalType: "uint32" }] },
  {
    type: "error",
    name: "TransferAmountMismatch",
    inputs: [
      { type: "address", name: "asset", internalType: "address" },
      { type: "uint256", name: "expected", internalType: "uint256" },
      { type: "uint256", name: "actual", internalType: "uint256" },
    ],
  },
  { type: "error", name: "UnknownOperatorSet", inputs: [{ type: "uint32", name: "setId", internalType: "uint32" }] },
  { type: "error", name: "UnknownSlash", inputs: [{ type: "uint256", name: "slashId", internalType: "uint256" }] },
  { type: "error", name: "UnknownWithdrawal", inputs: [{ type: "uint64", name: "id", internalType: "uint64" }] },
  {
    type: "error",
    name: "UnsupportedDecimals",
    inputs: [
      { type: "address", name: "asset", internalType: "address" },
      { type: "uint8", name: "decimals", internalType: "uint8" },
    ],
  },
  {
    type: "error",
    name: "VetoCommitteeMismatch",
    inputs: [
      { type: "uint32", name: "vetoWindow", internalType: "uint32" },
      { type: "address", name: "vetoCommittee", internalType: "address" },
    ],
  },
  {
    type: "error",
    name: "VetoWindowClosed",
    inputs: [
      { type: "uint256", name: "slashId", internalType: "uint256" },
      { type: "uint40", name: "executableAt", internalType: "uint40" },
    ],
  },
  {
    type: "error",
    name: "VetoWindowNotBelowDeallocationDelay",
    inputs: [
      { type: "uint32", name: "vetoWindow", internalType: "uint32" },
      { type: "uint32", name: "deallocationDelay", internalType: "uint32" },
    ],
  },
  {
    type: "error",
    name: "VetoWindowOpen",
    inputs: [
      { type: "uint256", name: "slashId", internalType: "uint256" },
      { type: "uint40", name: "executableAt", internalType: "uint40" },
    ],
  },
  {
    type: "error",
    name: "VetoWindowTooLong",
    inputs: [
      { type: "uint32", name: "vetoWindow", internalType: "uint32" },
      { type: "uint32", name: "max", internalType: "uint32" },
    ],
  },
  {
    type: "error",
    name: "WithdrawalNotReady",
    inputs: [
      { type: "uint64", name: "id", internalType: "uint64" },
      { type: "uint40", name: "completableAt", internalType: "uint40" },
    ],
  },
  { type: "error", name: "ZeroAddress", inputs: [] },
  { type: "error", name: "ZeroAmount", inputs: [] },
] as const;

/** Creation bytecode of Rampart; the ABI-encoded constructor arguments go after it. */
export const rampartBytecode: `0x${string}` =
  "0x60a0346102aa57601f616b9538819003918201601f19168301916001600160401b03831184841017610235578084926080946040528339810103126102aa57610047816102ae565b90610054602082016102ae565b916060610063604084016102ae565b9201519063ffffffff8216908183036102aa576001600160a01b03169283151580610298575b80610286575b15610277576203f4808210158061026a575b156102495760405161109e808201906001600160401b03821183831017610235576020918391615af783393081520301905ff094851561022a576001600160a01b039586166080525f80546001600160a01b03191686178155908616808252600560209081526040808420805460ff1916600117905560028054600164ffffffff0160a01b0319169590991694851760a89790971b63ffffffff60a81b169690961790975593517ff2f153f913e1c0e3d090578547c0c02b72c310d7414db03ce8b7f65a5157df8a96959294927fa11b5803b8a35081b8f993e0dee5bc30301a3d83f644e5ab2ff39f972f0a807f92879291907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e08180a360018152a2604051917fd2b48fbfc1fab012dc73bf1683b5748505355794a1f65a3fb73be980c2af2b7f5f80a28152a160405161583490816102c382396080518181816104fc01528181610a9201528181610ff201528181611474015281816115b601528181611ca00152612cbb0152f35b6040513d5f823e3d90fd5b634e487b7160e01b5f52604160045260245ffd5b506318b0f13b60e11b5f526004526203f48060245262278d0060445260645ffd5b5062278d008211156100a1565b63d92e233d60e01b5f5260045ffd5b506001600160a01b038116151561008f565b506001600160a01b0385161515610089565b5f80fd5b51906001600160a01b03821682036102aa5756fe6080806040526004361015610012575f80fd5b5f905f3560e01c90816309733c2314613a325750806325af10a71461377a5780632ca2f9f414613724578063301c7e5d1461367457806330b8b2c6146135d7578063321386541461345457806341272df21461342e57806346fbf68e146133f15780634a5f2b5d146133d45780634b353f02146132c55780634d21497f146132a8578063531aa03e146131ed578063568428b8146131d257806356bd903f146131b557806358715e3b146130c75780635f2fede714612c0657806362b9321214612b8c57806363bc3071146122d857806369ae9af8146121545780636a146024146121325780636ca4569b146120c157806371706cbe1461209b5780637180c8ca146120005780637360233f14611fa05780637605bbb014611f1e57806379ba509714611e885780637ac0931a14611d96578063898b607414611d7b5780638da5cb5b14611d5657806390ab967614611c6b578063927a544614611baf57806393b9c46114611b7a57806397125c0b14611572578063a050c2e514611b2d578063a238f9df14611b0f578063a571520514611577578063a653114314611572578063a7ab69611461154b578063b24c1075146114d8578063bd5b2191146114bc578063bffa777d14611498578063c41c2f2414611454578063c69c4c1f146112dc578063c8bd1ad81461129a578063ce5484281461121a578063d791099e146111fe578063d96c4a2b14610f81578063da6a2a6c146109e1578063da77830114610975578063e30c39781461094e578063e362735b146108f9578063ea428ca11461048e578063eab66d7a14610467578063ecd50e6a14610429578063ed243fb71461040d578063edf07f1514610352578063f2fde38b146102e4578063f8742750146102c65763fccc2813146102a7575f80fd5b346102c357806003193601126102c357602060405161dead8152f35b80fd5b50346102c357806003193601126102c357602060405162030d408152f35b50346102c35760203660031901126102c3576102fe613abf565b6001600160a01b03808354169161031733843314613f45565b1690816001600160a01b031960015416176001557f38d16b8cac22d99fc7c124b9cd0de2d3fa1faef420bfe791d8c362d765e227008380a380f35b50346102c35760203660031901126102c35760043560ff811680910361040957338252600560205260ff604083205416156103dd5760207fc2b7df3d5257f7258f6789130432cfb3d511b1a57fe8c06216f14f207f622d419160ff60a01b1960ff60a01b6002549260ff8460a01c161760a01b169116178060025560ff6040519160a01c168152a180f35b6024827f206a346e00000000000000000000000000000000000000000000000000000000815233600452fd5b5080fd5b50346102c357806003193601126102c357602060405160028152f35b50346102c35760203660031901126102c3576004356001600160401b038116809103610409578160409160209352600d835220541515604051908152f35b50346102c357806003193601126102c35760206001600160a01b0360025416604051908152f35b50346102c3576001600160a01b036104a536613b38565b9194926104b3949194613d3d565b506104c56002805460a01c1615613d79565b16926001600160a01b038216918483146108cd576040516336b87bd760e11b81528360048201526020816024816001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000165afa9081156108c2579161053d818993610578958991610893575b50613fd7565b848652600a602052604086206001600160a01b0383165f52602052670de0b6b3a76400006001600160401b03600160405f2001541610614021565b610580613d3d565b50801561088457338352600c60205260408320845f5260205260405f206001600160a01b0386165f5260205260405f205480821161086d57338452600c60205260408420855f5260205260405f206001600160a01b0387165f526020528160405f2091039055600354936001600160401b0385166001600160401b03811461085957956001600160a01b03916001600160401b03600161085599011680976001600160401b0319161760035564ffffffffff61064963ffffffff60025460a81c168242166140bc565b604051986106568a613ce5565b8952166020880152336040880152606087015216608085015260a08401523360c084015260e083015260408051602081019061071381610705878591909160e06001600160a01b03816101008401956001600160401b03815116855264ffffffffff602082015116602086015282604082015116604086015282606082015116606086015282608082015116608086015260a081015160a08601528260c08201511660c0860152015116910152565b03601f198101835282613d1c565b519020916001600160401b038451168152600d60205220556001600160401b03815116604051907f57807180a1ae8b993bc707aa2ea35db1652905535984cf09c9c2db19e0ffaa513392806107d7868291909160e06001600160a01b03816101008401956001600160401b03815116855264ffffffffff602082015116602086015282604082015116604086015282606082015116606086015282608082015116608086015260a081015160a08601528260c08201511660c0860152015116910152565b0390a36040519182918291909160e06001600160a01b03816101008401956001600160401b03815116855264ffffffffff602082015116602086015282604082015116604086015282606082015116606086015282608082015116608086015260a081015160a08601528260c08201511660c0860152015116910152565b0390f35b602485634e487b7160e01b81526011600452fd5b839060449263658ec5dd60e11b8352600452602452fd5b600483631f2a200560e01b8152fd5b6108b5915060203d6020116108bb575b6108ad8183613d1c565b810190613fbf565b5f610537565b503d6108a3565b6040513d87823e3d90fd5b602484867f36a65423000000000000000000000000000000000000000000000000000000008252600452fd5b50346102c3576109466020916001600160a01b0380604061091936613c15565b9591949094168152600a87522091165f52835260405f2054906001600160801b0382169160801c90614d08565b604051908152f35b50346102c357806003193601126102c35760206001600160a01b0360015416604051908152f35b50346102c35760403660031901126102c35761098f613b12565b63ffffffff6001600160a01b036109a4613ad5565b6109b7816109b186614b94565b866151f4565b1691167f2a367edb3ba3116256e4ac2d731580243fa20a7e02eea717358fb59270a233238380a380f35b50346102c35760e03660031901126102c3576004356001600160401b03811161040957366023820112156104095780600401356001600160401b038111610f7d576024820191602436918360051b010111610f7d5760a0366023190112610f7d5760c4356001600160a01b038116809103610f79576040517fe9d8dbfd0000000000000000000000000000000000000000000000000000000081523360048201526020816024816001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000165afa9081156108c2578591610f5a575b5015610f2e578115610f1f576001600160401b03610ade6141f3565b16151580610efd575b610aef6141f3565b9015610ed6575063ffffffff610b03614085565b166201518081101580610ec9575b15610ea957506202a30063ffffffff610b28614098565b1611610b32614098565b90610e715750610b40614098565b63ffffffff80610b4e614085565b16911610610b5a614098565b610b62614085565b9115610e3a57505063ffffffff610b77614098565b16156001600160a01b03610b896140d8565b161514610b94614098565b610b9c6140d8565b9115610dfd57505060025492610bba63ffffffff8560c81c16614993565b63ffffffff8116947fffffff00000000ffffffffffffffffffffffffffffffffffffffffffffffffff7cffffffff000000000000000000000000000000000000000000000000008360c81b169116176002558486526007602052604086206001600160a01b0333166001600160a01b031982541617815560018101846001600160a01b0319825416179055610cc66002820163ffffffff610c59614098565b1663ffffffff19825416178155610c6e614085565b67ffffffff0000000082549160201b169067ffffffff000000001916178155610c956141f3565b6fffffffffffffffff0000000000000000196fffffffffffffffff000000000000000083549260401b169116179055565b610cce6140d8565b6001600160a01b036003830191166001600160a01b031982541617905560a435906001600160a01b03821692838303610df95760048201846001600160a01b0319825416179055885b878110610dd35750505060405193845263ffffffff610d34613aff565b16602085015263ffffffff610d47613b25565b1660408501526001600160401b03610d5d613c4f565b1660608501526084356001600160a01b038116809103610dcf577f3d41ae4a3d75bc07cb7f42fb1d96934599f2e820b34a910e8884cff19452d39a938593849360209a610dc49460808c9a0152505060a084015260e060c0840152339660e0840191614137565b0390a3604051908152f35b8780fd5b80610df3610dec610de76001948c8b6149aa565b6140ee565b85856151f4565b01610d17565b8880fd5b7f3c279c5800000000000000000000000000000000000000000000000000000000865263ffffffff166004526001600160a01b0316602452604484fd5b7f9be1d1e300000000000000000000000000000000000000000000000000000000865263ffffffff90811660045216602452604484fd5b7f7ffd832b00000000000000000000000000000000000000000000000000000000855263ffffffff166004526202a300602452604484fd5b6318b0f13b60e11b85526004526201518060245262278d00604452606484fd5b5062278d00811115610b11565b630a511e5f60e01b85526001600160401b0316600452670de0b6b3a7640000602452604484fd5b50670de0b6b3a76400006001600160401b03610f176141f3565b161115610ae7565b600484635373815f60e01b8152fd5b6024847f7a0d2d9100000000000000000000000000000000000000000000000000000000815233600452fd5b610f73915060203d6020116108bb576108ad8183613d1c565b5f610ac2565b8380fd5b8280fd5b50346102c35760603660031901126102c357610f9b613abf565b90610fa4613aff565b916044356001600160401b038111610f7d5736602382011215610f7d5780600401356001600160401b038111610f79573660248284010111610f7957610fe8614ace565b6001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016803b156111fa57604051633cf475e760e01b81523360048201526001600160a01b0385166024820152908590829060449082905afa80156108c2579085916111e5575b5050611069600460025460a01c1615613daf565b6001600160a01b0361107a86614d80565b93169081855260096020526040852063ffffffff87165f5260205260405f20805460ff81166111af579663ffffffff916001889960ff191617905516926001600160a01b0360016040519685877f1bbbb9efdf4c6472e157b8b2f0aaa858331e4415e4ed27f23dca3feb61e212078b80a3015416918261111c575b86807f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005d80f35b823b156111ab5785611172819593899793889484967f90bf7a6500000000000000000000000000000000000000000000000000000000865260048601526024850152606060448501526024606485019201614178565b03925af180156111a05761118b575b80808080806110f5565b8161119591613d1c565b6102c357805f611181565b6040513d84823e3d90fd5b8680fd5b60448763ffffffff8a877fedd3e8c000000000000000000000000000000000000000000000000000000000845260045216602452fd5b816111ef91613d1c565b610f7957835f611055565b8480fd5b50346102c357806003193601126102c357602060405160048152f35b50346102c35760203660031901126102c3576001600160a01b0361123c613abf565b61124b33838554163314613f45565b16801561128b57806001600160a01b031960025416176002557fd2b48fbfc1fab012dc73bf1683b5748505355794a1f65a3fb73be980c2af2b7f8280a280f35b60048263d92e233d60e01b8152fd5b50346102c35760603660031901126102c3576112d76112b7613abf565b6112bf613ad5565b6112c7613b25565b916112d183614d80565b50614ea3565b505080f35b50346102c35760203660031901126102c35760406001600160a01b039163ffffffff611306613b12565b606080855161131481613c94565b858152856020820152865161132881613cca565b868152866020820152868882015286838201528660808201528782015201521681526007602052206108556040519161136083613c94565b838154168352836080816001840154169260208601938452826113dd60056040519361138b85613cca565b6001600160401b03600282015463ffffffff8116875263ffffffff8160201c16602088015260401c166040860152836003820154166060860152836004820154168686015260408a0194855201613ded565b946060880195865260405198899860208a5251166020890152511660408701525163ffffffff815116606087015263ffffffff602082015116828701526001600160401b0360408201511660a08701528260608201511660c087015201511660e08401525161010080840152610120830190613b86565b50346102c357806003193601126102c35760206040516001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000168152f35b50346102c357806003193601126102c357602060ff60025460a01c16604051908152f35b50346102c357806003193601126102c357602060405160088152f35b50346102c35760603660031901126102c35760606115166114f7613abf565b6114ff613ad5565b611507613b25565b91611510614975565b50614dd2565b64ffffffffff60408051926001600160401b0381511684526001600160401b0360208201511660208501520151166040820152f35b50346102c357806003193601126102c357602063ffffffff60025460a81c16604051908152f35b613bf8565b50346102c35760803660031901126102c357611591613abf565b9061159a613ad5565b6115a2613b25565b906115ab613c4f565b906001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001694853b156111fa57604051633cf475e760e01b81523360048201526001600160a01b038216602482015285816044818a5afa8015611b0457908691611aef575b505061162a600460025460a01c1615613daf565b61163384614d80565b506001600160a01b0381169384865260096020526040862063ffffffff82165f52602052611669818360ff60405f205416614601565b63ffffffff8116918287526008602052604087206001600160a01b0385165f5260205261169e848360ff60405f20541661492d565b6001600160401b038516670de0b6b3a76400008111611ac457506116c3828583614ea3565b93909884549664ffffffffff8860801c1680611a78575061171060016001600160401b039b9c01986116f78c8b54166141af565b9b8c916117098b898486161515614021565b169261509d565b906001600160401b038216818114611a3b578c9110156119b057506001600160401b03865416906001600160401b03895460401c1661174f818d6141d3565b6001600160401b0361176185856141d3565b911690816001600160401b0361177787876141d3565b921611611977575050906117cd61179b84938f9561179590856141d3565b90615163565b8b546fffffffffffffffff0000000000000000191660409190911b6fffffffffffffffff000000000000000016178b55565b60208b6024604051809781937fe650c90e00000000000000000000000000000000000000000000000000000000835260048301525afa90811561196c578b9484926118ef575b50957f10f9e656e8120668591382fa007008d612454d55dce605309d91e0aa5510bf079a95611870958a9561189b9a956118628e9d966001600160a01b039f979c6001600160401b039d6150c2565b156118a1575b505050615183565b5460401c166040519384931696839092916001600160401b0360209181604085019616845216910152565b0390a380f35b6040918152600960205220905f526020526118e760405f206118cc63ffffffff825460081c16614993565b64ffffffff0082549160081b169064ffffffff001916179055565b5f8c8f611868565b915096919350602099949897929599813d602011611964575b8161191560209383613d1c565b81010312611960575163ffffffff81168103611960579398969791969095909491938a93917f10f9e656e8120668591382fa007008d612454d55dce605309d91e0aa5510bf07611813565b8580fd5b3d9150611908565b6040513d85823e3d90fd5b8e826001600160401b036044937ffb15ddb900000000000000000000000000000000000000000000000000000000845216600452602452fd5b611870925094876001600160401b0395611a2e6001600160a01b039a9994897f10f9e656e8120668591382fa007008d612454d55dce605309d91e0aa5510bf079d9861189b9b52600760205263ffffffff600260408320015460201c169063ffffffff60025460a81c1690508082105f14611a335750905b866150c2565b615183565b905090611a28565b60648d866001600160a01b038c8f7ff0c4a8c300000000000000000000000000000000000000000000000000000000855260045216602452604452fd5b89608491856001600160a01b038b604051947f2338483c000000000000000000000000000000000000000000000000000000008652600486015216602484015260448301526064820152fd5b7f449cb264000000000000000000000000000000000000000000000000000000008852600452602487fd5b81611af991613d1c565b6111fa57845f611616565b6040513d88823e3d90fd5b50346102c357806003193601126102c357602060405162278d008152f35b50346102c3576109466020916001600160a01b03806040611b4d36613c15565b9591949094168152600a87522091165f52835260405f2054906001600160801b0382169160801c90614b42565b50346102c35760603660031901126102c3576020610946611b99613abf565b611ba1613ad5565b611ba9613b25565b916148b6565b50346102c35760207f322234eb6a445043833d142d84eac7a73cf4a7bd62e591e326b147d65e374cd6611be136613bc2565b611bfa939193336001600160a01b038754163314613f45565b611c58816001600160a01b0386169586885260068552611c22604089209160ff835416613f82565b9071ffffffffffffffffffffffffffffffff00001971ffffffffffffffffffffffffffffffff000083549260101b169116179055565b6001600160801b0360405191168152a280f35b5034611d52576040366003190112611d5257611c85613abf565b90611c8e613aff565b611c96614ace565b6001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016803b15611d5257604051633cf475e760e01b81523360048201526001600160a01b0385166024820152905f90829060449082905afa8015611d4757611d31575b50611d0b9192614667565b807f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005d80f35b611d0b92505f611d4091613d1c565b5f91611d00565b6040513d5f823e3d90fd5b5f80fd5b34611d52575f366003190112611d525760206001600160a01b035f5416604051908152f35b34611d52575f366003190112611d5257602060405160018152f35b34611d52576020366003190112611d5257600435611db381614c75565b805463ffffffff81165f5260076020526001600160a01b03600360405f200154163303611e5c5764ffffffffff9060281c1680421015611e2d575064020000000064ff00000000198254161790557f49ce2af6f9eff47520af802ee4225594cec845f6f9b053986af3e82d59bf3cdb6020604051338152a2005b827fff5efdd4000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b7fa1bad532000000000000000000000000000000000000000000000000000000005f523360045260245ffd5b34611d52575f366003190112611d52576001546001600160a01b0381163303611ef2576001600160a01b0319905f54336001600160a01b0382167f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e05f80a3821633175f5516600155005b7fa09b9a43000000000000000000000000000000000000000000000000000000005f523360045260245ffd5b34611d52576020366003190112611d5257611f37613abf565b611f4d336001600160a01b035f54163314613f45565b6001600160a01b03811690815f52600660205260405f2090611f7482549160ff8316613f82565b60ff191690557f0dbe9df74ce436c3581a9b776be4332c99531fc70e3f377b63266eb8253532405f80a2005b34611d5257610100366003190112611d5257611fba614ace565b611fcb6002805460a01c1615613d79565b6020611fd561423d565b5f7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005d604051908152f35b34611d52576040366003190112611d5257612019613abf565b60243590811515809203611d52576001600160a01b039061203f33835f54163314613f45565b1690811561208c5760207fa11b5803b8a35081b8f993e0dee5bc30301a3d83f644e5ab2ff39f972f0a807f91835f526005825260405f2060ff1981541660ff8316179055604051908152a2005b63d92e233d60e01b5f5260045ffd5b34611d52575f366003190112611d525760206001600160401b0360035416604051908152f35b34611d52576040366003190112611d52576120da613abf565b6001600160a01b036120ea613ad5565b91165f52600a6020526001600160a01b0360405f2091165f5260205260206121216001600160401b03600160405f200154166141af565b6001600160401b0360405191168152f35b34611d52575f366003190112611d52576020604051670de0b6b3a76400008152f35b34611d52576020366003190112611d5257600435612170614ace565b612182600860025460a01c1615613d94565b61218b81614c75565b64ffffffffff815460281c168042106122a9575064030000000064ff000000001982541617815580549063ffffffff821691825f5260076020526001600160a01b0360405f209160501c16906001600160a01b0360046121f960026121f260018801613ded565b9601613e40565b9201541691821561229f575b5f5b845181101561227a57806122495f868a6001600160a01b0361222b6001978c614c61565b5116878c6001600160401b03612241898d614c61565b51169361539e565b80612256575b5001612207565b61227490866001600160a01b0361226d858b614c61565b5116614d2b565b8861224f565b5f7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005d005b61dead9250612205565b827fde8843db000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b34611d52576020366003190112611d52576004356001600160401b038111611d525780600401908036039060a0600319830112611d5257612317614ace565b612329600860025460a01c1615613d94565b61233a612335846140ab565b614b94565b9060028201936001600160401b03855460401c1692604483019261235e8484614102565b9050606482019561236f8786614102565b90508203612b64578115612b55575f5b828110612a3d575050506004545f1981146129f95763ffffffff60016123b492019889600455541664ffffffffff42166140bc565b906123be846140ab565b60248201976123cc896140ee565b926123d78888614102565b9190926123e48b8a614102565b91909260848101359160221901821215611d525701906004820135916001600160401b038311611d5257602401948236038613611d52579060208f959493926124399060405196608088526080880191614137565b858103828701528281520192905f5b818110612a0d57505050916124a781927fa875750c373efdae4f87b631a7db1d4879e5dd0506520365901c41c98ce70ac29463ffffffff6001600160a01b0364ffffffffff8d169b8c6040880152868503606088015216991697614178565b0390a442810361261e5750506124da6124d26124cb6124c5856140ab565b976140ee565b9484614102565b959093614102565b926124e486614198565b956124f26040519788613d1c565b808752602087019060051b820191368311611d5257905b8282106126065750505061251c83614198565b9261252a6040519485613d1c565b808452602084019060051b820191368311611d5257905b8282106125ee57505050600401546001600160a01b03169182156125e4575b5f5b84518110156125b057806125866001868a6001600160a01b0361222b84978c614c61565b80612593575b5001612562565b6125aa90866001600160a01b0361226d858b614c61565b8861258c565b5050505050506020905f7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005d604051908152f35b61dead9250612560565b602080916125fb84613c65565b815201910190612541565b6020809161261384613aeb565b815201910190612509565b6201518091979596949250019364ffffffffff85116129f9575f5b6126438385614102565b90508110156127525780612666610de76001936126608789614102565b906149aa565b612682612672886140ee565b8261267c896140ab565b91614ea3565b809150546001600160401b0381166126af61269c8b6140ee565b856126a68c6140ab565b91841515614be9565b64ffffffffff8260801c16918215159283612741575b508261272b575b50506126db575b505001612639565b805464ffffffffff60801b191660808a901b74ffffffffff000000000000000000000000000000001617815561272491612714896140ee565b9061271e896140ab565b91615183565b89806126d3565b60401c6001600160401b03161090508c806126cc565b64ffffffffff8d161192508e6126c5565b50949350612802919295855f52600e60205260405f209663ffffffff612777866140ab565b1663ffffffff1989541617885564010000000064ff00000000198954161788557fffff00000000000000000000000000000000000000000000000000ffffffffff69ffffffffff00000000007dffffffffffffffffffffffffffffffffffffffff000000000000000000006127ed8b54946140ee565b60501b169360281b1691161717865582614102565b9060018601906001600160401b0383116129ae576801000000000000000083116129ae5781548383558084106129dd575b50905f5260205f205f5b8381106129c2575050505060029161285491614102565b91909301926001600160401b0382116129ae576801000000000000000082116129ae578354828555808310612960575b50925f5260205f208160021c905f5b82811061290e5750600319831690920391826128b6575b50505060209150611fd5565b5f9485935b8087106128d25750506020945001558280806128aa565b909360206129036001926128e588614209565b908a60031b6001600160401b03809160031b9316831b921b19161790565b9501960195906128bb565b5f5f5b60048110612926575082820155600101612893565b9690602061295760019261293985614209565b908b60031b6001600160401b03809160031b9316831b921b19161790565b92019701612911565b61298e90855f5260205f20600380860160021c820192601887831b1680612994575b500160021c0190614c4b565b84612884565b5f198501908154905f1990602003851b1c16905589612982565b634e487b7160e01b5f52604160045260245ffd5b60019060206129d0856140ee565b940193818401550161283d565b6129f390835f528460205f209182019101614c4b565b87612833565b634e487b7160e01b5f52601160045260245ffd5b9194955091926020806001926001600160401b03612a2a89613c65565b1681520195019101918f95949392612448565b6001600160401b03612a5b612a56836126608c8b614102565b614209565b1680151580612b4b575b15612b345750612a7c610de7826126608a8a614102565b63ffffffff612a8a886140ab565b165f52600860205260405f206001600160a01b0382165f52602052612ac08160ff60405f205416612aba8a6140ab565b9061492d565b6001600160a01b03165f5b8888848310612ae0575050505060010161237f565b612afa610de78461266087956001600160a01b0395614102565b1614612b0857600101612acb565b507f437a40b1000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b9050630a511e5f60e01b5f5260045260245260445ffd5b5082811115612a65565b635373815f60e01b5f5260045ffd5b7fff633a38000000000000000000000000000000000000000000000000000000005f5260045ffd5b34611d52576060366003190112611d5257612ba5613abf565b612bad613ad5565b604435916001600160a01b0383168303611d52576001600160a01b03165f52600c6020526001600160a01b0360405f2091165f526020526001600160a01b0360405f2091165f52602052602060405f2054604051908152f35b34611d525760a0366003190112611d5257612c1f613abf565b612c27613ad5565b9060443590606435916001600160a01b038316809303611d525760843593612c4d614ace565b600160025460a01c166130b35781156130a457831561208c576001600160a01b03811693845f52600660205260405f20918254612c8d8260ff8316613f82565b6040516336b87bd760e11b81526001600160a01b038716948560048301526020826024816001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000165afa8015611d475788612cf7916001945f916130855750613fd7565b01916001600160801b03612d0e8782865416614014565b9260101c168083116130525750612d5390855f52600a60205260405f20895f5260205260405f2097670de0b6b3a76400006001600160401b0360018b01541610614021565b855495612d6e6001600160801b038816809860801c88614b42565b9687151580613048575b1561301857889950612d8e88839a98999a614b64565b15612fe85791612def6001600160801b03939284612db08195828e1690614065565b166001600160801b0319825416178155612dd0848b16825460801c614065565b6001600160801b036001600160801b031983549260801b169116179055565b845f52600c60205260405f20865f5260205260405f20875f5260205260405f20612e1a8a8254614014565b905516166001600160801b03198254161790557fac4a479cafc9e3d0dc6d97e11ee4185d7a83e5193842b36b3fa29295d5134eb96060604051338152866020820152876040820152a4604051926370a0823160e01b8452306004850152602084602481845afa938415611d47575f94612fb4575b50612ee26040517f23b872dd00000000000000000000000000000000000000000000000000000000602082015233602482015230604482015283606482015260648152612edc608482613d1c565b826157ba565b604051936370a0823160e01b8552306004860152602085602481855afa948515611d47575f95612f80575b5084039384116129f957818403612f4c576020835f7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005d604051908152f35b9091507f541b1c9e000000000000000000000000000000000000000000000000000000005f5260045260245260445260645ffd5b9094506020813d602011612fac575b81612f9c60209383613d1c565b81010312611d5257519385612f0d565b3d9150612f8f565b9093506020813d602011612fe0575b81612fd060209383613d1c565b81010312611d5257519284612e8e565b3d9150612fc3565b86867f9a49e933000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b89887fa531cd4a000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b5089881015612d78565b82897f90f0c544000000000000000000000000000000000000000000000000000000005f5260045260245260445260645ffd5b61309e915060203d6020116108bb576108ad8183613d1c565b8d610537565b631f2a200560e01b5f5260045ffd5b638f121e4360e01b5f52600160045260245ffd5b34611d52576020366003190112611d52576130e0613b12565b6130f6336001600160a01b035f54163314613f45565b63ffffffff8116906203f480821015806131a8575b15613187577ff2f153f913e1c0e3d090578547c0c02b72c310d7414db03ce8b7f65a5157df8a916020917fffffffffffffff00000000ffffffffffffffffffffffffffffffffffffffffff78ffffffff0000000000000000000000000000000000000000006002549260a81b16911617600255604051908152a1005b506318b0f13b60e11b5f526004526203f48060245262278d0060445260645ffd5b5062278d0082111561310b565b34611d52575f366003190112611d525760206040516202a3008152f35b34611d52575f366003190112611d5257602060405160108152f35b34611d52576040366003190112611d5257613206613abf565b6001600160a01b03613216613ad5565b9161321f613dc9565b50165f52600a6020526001600160a01b0360405f2091165f52602052608060405f206001600160401b0360405161325581613c94565b818354916001600160801b036001818516968784526020840195891c865201549383606060408501948288168652019560401c168552604051968752511660208601525116604084015251166060820152f35b34611d52575f366003190112611d52576020600454604051908152f35b34611d52576132d336613bc2565b6132e9336001600160a01b035f54163314613f45565b6001600160a01b03821691825f52600660205260405f2090831561208c5781549060ff82166133a857836133977f8079babf957c1e84da22b441e73ea854440c141bfbc798d4bb4c31ddc2de79b395604095600161334e6001600160801b03966149ce565b9661ff008860081b169061ffff1916171781559071ffffffffffffffffffffffffffffffff00001971ffffffffffffffffffffffffffffffff000083549260101b169116179055565b60ff845193168352166020820152a2005b847f99dd81ed000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b34611d52575f366003190112611d525760206040516203f4808152f35b34611d52576020366003190112611d52576001600160a01b03613412613abf565b165f526005602052602060ff60405f2054166040519015158152f35b34611d52575f366003190112611d5257602063ffffffff60025460c81c16604051908152f35b34611d52576020366003190112611d5257606060a060405161347581613caf565b5f81525f60208201525f60408201525f8382015282608082015201526004355f52600e60205260405f20604051906134ac82613caf565b805463ffffffff8116835260ff8160201c1691602084019260048110156135c35783526040840164ffffffffff8360281c1681526001600160a01b03606086019360501c168352613512600261350460018501613ded565b936080880194855201613e40565b9360a0860194855263ffffffff604051966020885251166020870152519260048410156135c3576001600160a01b039064ffffffffff6135759493889796604089015251166060870152511660808501525160c060a085015260e0840190613b86565b905190601f198382030160c0840152602080835192838152019201905f5b8181106135a1575050500390f35b82516001600160401b0316845285945060209384019390920191600101613593565b634e487b7160e01b5f52602160045260245ffd5b34611d52576020366003190112611d52576001600160a01b036135f8613abf565b613600613dc9565b50165f526006602052608060405f206001600160801b0360405161362381613c94565b81835460ff80821615159586855260608460016020880193858760081c1685528260408a019760101c1687520154169501948552604051968752511660208601525116604084015251166060820152f35b34611d52576020366003190112611d525760043560ff81168103611d5257600254906001600160a01b03821633036136f8577fc2b7df3d5257f7258f6789130432cfb3d511b1a57fe8c06216f14f207f622d419160ff60a01b1960ff60a01b80602094198460a01c1660a01b16169116178060025560ff6040519160a01c168152a1005b7fae0e00fd000000000000000000000000000000000000000000000000000000005f523360045260245ffd5b34611d52576040366003190112611d525761373d613b12565b63ffffffff61374a613ad5565b91165f5260086020526001600160a01b0360405f2091165f52602052602060ff60405f2054166040519015158152f35b34611d52576001600160a01b0361379036613b38565b61379c94919294613d3d565b506137ae6002805460a01c1615613d79565b1690811561208c576137be613d3d565b5080156130a457335f52600c60205260405f206001600160a01b0384165f5260205260405f206001600160a01b0385165f5260205260405f2054808211613a1c57335f52600c60205260405f206001600160a01b0385165f5260205260405f206001600160a01b0386165f526020528160405f2091039055600354926001600160401b038416946001600160401b0386146129f9576001600160a01b0380926001600160401b03600161085599011680976001600160401b0319161760035564ffffffffff61389a63ffffffff60025460a81c168242166140bc565b604051986138a78a613ce5565b895216602088015233604088015216606086015216608084015260a083015260c08201525f60e0820152604051602081019061395681610705858591909160e06001600160a01b03816101008401956001600160401b03815116855264ffffffffff602082015116602086015282604082015116604086015282606082015116606086015282608082015116608086015260a081015160a08601528260c08201511660c0860152015116910152565b5190206001600160401b038251165f52600d60205260405f20556001600160401b03815116604051907f57807180a1ae8b993bc707aa2ea35db1652905535984cf09c9c2db19e0ffaa513392806107d7868291909160e06001600160a01b03816101008401956001600160401b03815116855264ffffffffff602082015116602086015282604082015116604086015282606082015116606086015282608082015116608086015260a081015160a08601528260c08201511660c0860152015116910152565b9063658ec5dd60e11b5f5260045260245260445ffd5b34611d52576040366003190112611d52576001600160a01b03613a53613abf565b5f6020613a5e613aff565b94613a6881613c79565b8281520152165f52600960205263ffffffff60405f2091165f526020526040805f2063ffffffff825191613a9b83613c79565b5481602060ff8316151594858152019160081c168152835192835251166020820152f35b600435906001600160a01b0382168203611d5257565b602435906001600160a01b0382168203611d5257565b35906001600160a01b0382168203611d5257565b6024359063ffffffff82168203611d5257565b6004359063ffffffff82168203611d5257565b6044359063ffffffff82168203611d5257565b6080906003190112611d52576004356001600160a01b0381168103611d5257906024356001600160a01b0381168103611d525790604435906064356001600160a01b0381168103611d525790565b90602080835192838152019201905f5b818110613ba35750505090565b82516001600160a01b0316845260209384019390920191600101613b96565b6040906003190112611d52576004356001600160a01b0381168103611d5257906024356001600160801b0381168103611d525790565b34611d52575f366003190112611d52576020604051620151808152f35b6060906003190112611d52576004356001600160a01b0381168103611d5257906024356001600160a01b0381168103611d52579060443590565b606435906001600160401b0382168203611d5257565b35906001600160401b0382168203611d5257565b604081019081106001600160401b038211176129ae57604052565b608081019081106001600160401b038211176129ae57604052565b60c081019081106001600160401b038211176129ae57604052565b60a081019081106001600160401b038211176129ae57604052565b61010081019081106001600160401b038211176129ae57604052565b606081019081106001600160401b038211176129ae57604052565b90601f801991011681019081106001600160401b038211176129ae57604052565b60405190613d4a82613ce5565b5f60e0838281528260208201528260408201528260608201528260808201528260a08201528260c08201520152565b15613d8057565b638f121e4360e01b5f52600260045260245ffd5b15613d9b57565b638f121e4360e01b5f52600860045260245ffd5b15613db657565b638f121e4360e01b5f526004805260245ffd5b60405190613dd682613c94565b5f6060838281528260208201528260408201520152565b90604051918281549182825260208201905f5260205f20925f5b818110613e1e575050613e1c92500383613d1c565b565b84546001600160a01b0316835260019485019487945060209093019201613e07565b90604051918281549182825260208201905f5260205f20925f905b806003830110613ef357613e1c945491818110613ed9575b818110613ebc575b818110613e9f575b10613e91575b500383613d1c565b60c01c81526020015f613e89565b9260206001916001600160401b038560801c168152019301613e83565b9260206001916001600160401b038560401c168152019301613e7b565b9260206001916001600160401b0385168152019301613e73565b916004919350608060019186546001600160401b03811682526001600160401b038160401c1660208301526001600160401b0381841c16604083015260c01c6060820152019401920185929391613e5b565b15613f4d5750565b6001600160a01b03907f245aecd3000000000000000000000000000000000000000000000000000000005f521660045260245ffd5b15613f8a5750565b6001600160a01b03907fd0957f1f000000000000000000000000000000000000000000000000000000005f521660045260245ffd5b90816020910312611d5257518015158103611d525790565b15613fdf5750565b6001600160a01b03907fbd620133000000000000000000000000000000000000000000000000000000005f521660045260245ffd5b919082018092116129f957565b1561402a575050565b906001600160a01b0380927f88bc5f94000000000000000000000000000000000000000000000000000000005f52166004521660245260445ffd5b906001600160801b03809116911601906001600160801b0382116129f957565b60443563ffffffff81168103611d525790565b60243563ffffffff81168103611d525790565b3563ffffffff81168103611d525790565b9064ffffffffff8091169116019064ffffffffff82116129f957565b6084356001600160a01b0381168103611d525790565b356001600160a01b0381168103611d525790565b903590601e1981360301821215611d5257018035906001600160401b038211611d5257602001918160051b36038313611d5257565b916020908281520191905f5b8181106141505750505090565b9091926020806001926001600160a01b0361416a88613aeb565b168152019401929101614143565b908060209392818452848401375f828201840152601f01601f1916010190565b6001600160401b0381116129ae5760051b60200190565b6001600160401b0316670de0b6b3a764000003906001600160401b0382116129f957565b906001600160401b03809116911603906001600160401b0382116129f957565b6064356001600160401b0381168103611d525790565b356001600160401b0381168103611d525790565b906001600160801b03809116911603906001600160801b0382116129f957565b600435906001600160401b03821691828103611d5257825f52600d60205260405f2054926040516020810192508183526024359464ffffffffff861691828703611d5257826040820152604435906001600160a01b038216958683141580611d5257876060840152606435916001600160a01b038316808403611d5257806080860152608435936001600160a01b03851698898603611d52578960a088015260a4359d8e60c089015260c435996001600160a01b038b16808c03611d525760e08a015260e435956001600160a01b038716998a8803611d52578a610100820152610100815261432e61012082613d1c565b519020036145d557508042106145a65750895f52600d60205260405f205f9055505f52600a60205260405f20905f91885f5260205260405f209081548d6001600160801b038216809260801c61438392614d08565b9d6001600160801b03166143969161421d565b6001600160801b031682546001600160801b0319161782556001600160801b038d169182815460801c906143c99161421d565b81546001600160801b031660809190911b6001600160801b031916179055508b851595861561447e575b505050611d5257855f526006602052600160405f20016001600160801b03614420818d168284541661421d565b166001600160801b0319825416179055611d5257613e1c9689967f3825d2d85e35c414c7952f30758ad804b043bef05cc741c24c66aa3f32ad068e604080518a81525f6020820152a35015614476575090614d2b565b905090614d2b565b80919293505f52600a60205260405f20925f938a5f5260205260405f20906144b782546001600160801b03811695869160801c90614b42565b93670de0b6b3a76400006001600160401b03600185015416108061459d575b8061458d575b6144ea5750508d91506143f3565b9d9e9d60409a50849998507f3825d2d85e35c414c7952f30758ad804b043bef05cc741c24c66aa3f32ad068e9b9650612dd0929395506145386001600160801b039182614552971690614065565b166001600160801b0319845416178355825460801c614065565b885f52600c602052855f20905f52602052845f2091505f52602052825f2061457b838254614014565b9055508151908682526020820152a390565b506145988584614b64565b6144dc565b508415156144d6565b8a7f44aed805000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b8b7f71a84aae000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b1561460a575050565b906001600160a01b0363ffffffff927f30c8076b000000000000000000000000000000000000000000000000000000005f52166004521660245260445ffd5b8115614653570490565b634e487b7160e01b5f52601260045260245ffd5b9061467181614d80565b905f906001600160a01b03841693845f52600960205260405f2063ffffffff83165f5260205260405f20906146ac8383549260ff8416614601565b63ffffffff8160081c168061487d575060ff1916905563ffffffff16916001600160a01b039060019085857f97baa8916c1ed61d5a3ccc4c9db94fa8e25ab910237e713b232d07bcc0c3406f5f80a3015416801561487757620340b65a105a906148455750803b15611d52575f80916044604051809481937f55b85ba900000000000000000000000000000000000000000000000000000000835289600484015288602484015262030d40f19081614830575b5061482b573d15614800573d6001600160401b0381116147ec57604080517f2d8daf2ea4a6f8405d72c582a6a31ba8fdc37e9897a413289d5d581b01de448393926147b4601f8201601f191660200183613d1c565b81523d83602083013e5b6020825193849282845280519283918282870152018585015e828201840152601f01601f19168101030190a3565b602482634e487b7160e01b81526041600452fd5b7f2d8daf2ea4a6f8405d72c582a6a31ba8fdc37e9897a413289d5d581b01de448390604060606147be565b505050565b61483d9192505f90613d1c565b5f905f61475f565b7f0b09e5f8000000000000000000000000000000000000000000000000000000005f52600452620340b660245260445ffd5b50505050565b63ffffffff84887f97db7a9e000000000000000000000000000000000000000000000000000000005f526004521660245260445260645ffd5b906001600160a01b0382165f52600a60205260405f206001600160a01b0382165f5260205260405f20906001600160401b036148f7816001850154166141af565b1692831561492457614921946001600160401b039261491592614dd2565b5116905460801c615300565b90565b50505050505f90565b15614936575050565b9063ffffffff6001600160a01b03927fc6f7b762000000000000000000000000000000000000000000000000000000005f52166004521660245260445ffd5b6040519061498282613d01565b5f6040838281528260208201520152565b63ffffffff1663ffffffff81146129f95760010190565b91908110156149ba5760051b0190565b634e487b7160e01b5f52603260045260245ffd5b803b15614a99576001600160a01b0316906040517f313ce567000000000000000000000000000000000000000000000000000000008152602081600481865afa5f9181614a5b575b50614a325782630bf8c3df60e11b5f526004525f60245260445ffd5b909160ff82169060248211614a4657505090565b630bf8c3df60e11b5f5260045260245260445ffd5b9091506020813d602011614a91575b81614a7760209383613d1c565b81010312611d52575160ff81168103611d5257905f614a16565b3d9150614a6a565b6001600160a01b03907f8a8b41ec000000000000000000000000000000000000000000000000000000005f521660045260245ffd5b7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005c614b1a5760017f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005d565b7f3ee5aeb5000000000000000000000000000000000000000000000000000000005f5260045ffd5b91620f424081018091116129f957600182018092116129f95761492192615300565b6001600160801b039054166001600160801b03036001600160801b0381116129f9576001600160801b0316101590565b90614b9e82614d80565b916001600160a01b038354163303614bb35750565b63ffffffff907f7a23c2ce000000000000000000000000000000000000000000000000000000005f52336004521660245260445ffd5b15614bf357505050565b63ffffffff92916001600160a01b0380927f9647429c000000000000000000000000000000000000000000000000000000005f5216600452166024521660445260645ffd5b818102929181159184041417156129f957565b818110614c56575050565b5f8155600101614c4b565b80518210156149ba5760209160051b010190565b90815f52600e60205260405f209160ff835460201c1690600482109081156135c3578215614cdd5760018303614caa57505050565b7f7fd228d2000000000000000000000000000000000000000000000000000000005f52600452156135c35760245260445ffd5b7fb32c6c62000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b9190600181018091116129f957620f424082018092116129f95761492192615300565b613e1c926001600160a01b03604051937fa9059cbb000000000000000000000000000000000000000000000000000000006020860152166024840152604483015260448252614d7b606483613d1c565b6157ba565b63ffffffff1690815f52600760205260405f20916001600160a01b0383541615614da75750565b7f90e80925000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b6001600160a01b0390614de3614975565b50165f52600b6020526001600160a01b0360405f2091165f5260205263ffffffff60405f2091165f5260205260405f209060405191614e2183613d01565b546001600160401b038116835264ffffffffff6001600160401b038260401c169182602086015260801c1692836040820152928015159081614e86575b50614e665750565b604051919250614e7582613d01565b81525f60208201525f604082015290565b90504210155f614e5e565b63ffffffff1680156129f9575f190190565b92906001600160a01b038416805f52600a60205260405f206001600160a01b0383165f5260205260405f20938495825f52600b60205260405f206001600160a01b0385165f5260205260405f2063ffffffff83165f5260205260405f20809664ffffffffff825460801c168015908115615093575b5061508957505085546001600160401b03604082901c81167fffffffffffffffffffffff000000000000000000000000000000000000000000831681178955911691614f6990889085908890615183565b818110614f78575b5050505050565b7f10f9e656e8120668591382fa007008d612454d55dce605309d91e0aa5510bf0792614fac826001600160a01b03946141d3565b91614ffd614fcb60018c01946001600160401b03865460401c166141d3565b84546fffffffffffffffff0000000000000000191660409190911b6fffffffffffffffff000000000000000016178455565b15615051575b50549361504461501b6001600160401b0387166141af565b604080516001600160401b03928316815297811c90911660208801529190921694918291820190565b0390a35f80808080614f71565b845f52600960205263ffffffff60405f2091165f5260205261508360405f206118cc63ffffffff825460081c16614e91565b5f615003565b9750955050505050565b905042105f614f18565b6150bd670de0b6b3a7640000916001600160401b03808095169116614c38565b041690565b9163ffffffff16806150e957506001600160401b03166001600160401b0319825416179055565b615135906151288493613e1c95906fffffffffffffffff0000000000000000196fffffffffffffffff000000000000000083549260401b169116179055565b64ffffffffff42166140bc565b64ffffffffff60801b1974ffffffffff0000000000000000000000000000000083549260801b169116179055565b906001600160401b03809116911601906001600160401b0382116129f957565b91909260606001600160a01b038063ffffffff7f24354c75d5bc44d1455179e5675f3413e70191c7af147f6e71ca73b67b0cfaca94549564ffffffffff604051976001600160401b03811689526001600160401b038160401c1660208a015260801c166040880152169616941692a4565b63ffffffff9061521d6001600160a01b03851694855f52600660205260ff60405f205416613f82565b1690815f52600860205260405f20835f5260205260ff60405f2054166152d157600501906010825410156152a6575f52600860205260405f20825f5260205260405f20600160ff19825416179055805490680100000000000000008210156129ae57600182018082558210156149ba575f5260205f2001906001600160a01b0319825416179055565b7fe3889c43000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b507fcb355c02000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b90915f19838309928083029283808610950394808603951461539157848311156153795790829109815f0382168092046002816003021880820260020302808202600203028082026002030280820260020302808202600203028091026002030293600183805f03040190848311900302920304170290565b82634e487b715f52156003026011186020526024601cfd5b5050906149219250614649565b9196959294969390936153b2858783614ea3565b90956001600160401b03825416976153ca858a61509d565b946001600160401b0386169788156156fd575050600188019687546001600160401b03166153f7906141af565b96895460801c906001600160401b038916615413908484615300565b9d8e9b6001600160801b038d16938461542b9161421d565b81546001600160801b031660809190911b6001600160801b031916179055888b546001600160401b03169061545f91615163565b8b5467ffffffffffffffff19166001600160401b0391821617808d5561548a918b9160401c166141d3565b8b546fffffffffffffffff0000000000000000191660409190911b6fffffffffffffffff000000000000000016178b556001600160a01b0385169c8d93845f52600660205260405f206001019081546001600160801b0316906154ec9161421d565b6001600160801b031681546001600160801b03191617905561550e8a826141d3565b6001600160401b03166001600160401b03198954161788558754908a8260801c64ffffffffff16615674575b50505086546001600160401b03811615908161565f575b508061564b575b61560b575b6001600160a01b0388169b8c94604051948552602085015260408401526001600160a01b0316606083015263ffffffff85169160807fe5440938112c34e4c3e10fffcb7bf6f60b4e94665ca7f277deda8de1dedd38ec91a46155be93615183565b6155c7916141d3565b9054604080516001600160401b03938416815291811c90921660208201527f10f9e656e8120668591382fa007008d612454d55dce605309d91e0aa5510bf079190a3565b6001600160a01b0388165f52600960205260405f2063ffffffff87165f5260205261564660405f206118cc63ffffffff825460081c16614e91565b61555d565b64ffffffffff60801b198854168855615558565b6001600160401b03915060401c16155f615551565b6156c99260401c6001600160401b031691808311156156d15750615697916141d3565b88546fffffffffffffffff0000000000000000191660409190911b6fffffffffffffffff000000000000000016178855565b5f808a61553a565b6156f26001600160401b0393846156eb6156f795856141d3565b1690614c38565b614649565b16615697565b9350945097929550979893955061576657505063ffffffff6001600160a01b037fe5440938112c34e4c3e10fffcb7bf6f60b4e94665ca7f277deda8de1dedd38ec938160809481604051991689525f60208a01525f60408a015216606088015216951693a45f90565b6001600160401b0392506001600160a01b0386615787898288861515614be9565b7f899f8c89000000000000000000000000000000000000000000000000000000005f52166004526024521660445260645ffd5b905f602091828151910182855af115611d47575f513d61581e57506001600160a01b0381163b155b6157e95750565b6001600160a01b03907f5274afe7000000000000000000000000000000000000000000000000000000005f521660045260245ffd5b600114156157e256fea164736f6c634300081e000a60a034606d57601f61109e38819003918201601f19168301916001600160401b03831184841017607157808492602094604052833981010312606d57516001600160a01b0381168103606d576080526040516110189081610086823960805181818161023d01526105520152f35b5f80fd5b634e487b7160e01b5f52604160045260245ffdfe60806040526004361015610011575f80fd5b5f3560e01c806302c1777014610cb557806315a5230214610c185780631a05ada914610b4a5780633aed641114610aeb5780633cf475e714610abf57806355309a7314610aa257806356c483e6146109585780635865c60c146108825780636a3db6fe146107a45780636d70f7ae146107685780637f022c271461074c57806391776e9514610699578063e1c95bfe14610613578063e62977f8146105f7578063e650c90e146105b3578063e9d8dbfd14610576578063f2f4eb2614610533578063f9cfcafd146103bc5763ff935af9146100ea575f80fd5b3461036657606036600319011261036657610103610d3e565b61010b610d54565b9060443561ffff811691828203610366576101268133610e56565b6127108311610390576001600160a01b039061015482861695865f52600260205260ff60405f205416610f48565b1691825f52600160205260405f20845f5260205260405f209161017683610f85565b835464ffff0000ff1916601883901b64ffff000000161760011784554264ffffffffff16919061ffff811684116102045750835460089190911b62ffff001669ffffffffff0000ffff0019909116179092557f9753d1b05cff6be427d8dc06d9499d10967d8a71f4ce7764f767d58218946a46916040919064ffffffffff905b8351928352166020820152a3005b9190506040517fa7ab69610000000000000000000000000000000000000000000000000000000081526020816004816001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000165afa908115610385575f916102f0575b50917f9753d1b05cff6be427d8dc06d9499d10967d8a71f4ce7764f767d58218946a46946102c86102ae64ffffffffff9463ffffffff604098971690610f18565b92829062ffff0082549160081b169062ffff001916179055565b805469ffffffffff00000000001916602883901b69ffffffffff0000000000161790556101f6565b90506020939291933d60201161037e575b601f8101601f1916820167ffffffffffffffff81118382101761036a5760209183916040528101031261036657519063ffffffff82168203610366579192907f9753d1b05cff6be427d8dc06d9499d10967d8a71f4ce7764f767d58218946a4661026d565b5f80fd5b634e487b7160e01b5f52604160045260245ffd5b503d610301565b6040513d5f823e3d90fd5b827f5511758a000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b346103665760603660031901126103665760043567ffffffffffffffff8111610366576103ed903690600401610d6a565b906103f6610d54565b6044359063ffffffff82169283830361036657335f525f60205260405f209081549460ff8616610507576104e1856105029460017f030df73143df63815e5fd138435404c82b4e76af31dec9f459bfc0aec978984d996104646001600160a01b039a62278d00881115610ed7565b7fffffffffffffff000000000000000000000000000000000000000000000000ff9091167fffffffffffffff000000000000000000000000000000000000000000000000009091161774ffffffffffffffffffffffffffffffffffffffff00600889901b161760a89290921b63ffffffff60a81b16919091179055565b60405194859416845260208401526060604084015233956060840191610da5565b0390a2005b7f866b0dcf000000000000000000000000000000000000000000000000000000005f523360045260245ffd5b34610366575f3660031901126103665760206040516001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000168152f35b34610366576020366003190112610366576001600160a01b03610597610d3e565b165f526002602052602060ff60405f2054166040519015158152f35b34610366576020366003190112610366576001600160a01b036105d4610d3e565b165f525f60205260206105e960405f20610fce565b63ffffffff60405191168152f35b34610366575f3660031901126103665760206040516127108152f35b346103665760203660031901126103665760043567ffffffffffffffff8111610366577f70ae2e7c8a10144cddfb8f1717a9e13b0aa45a6aceb6376a7803dd4adee6111c610668610502923690600401610d6a565b9290335f5260026020526106833360ff60405f205416610f48565b6040519182916020835233956020840191610da5565b34610366576020366003190112610366576106b2610d3e565b335f525f6020526107158160405f206106cf3360ff835416610e19565b907fffffffffffffffffffffff0000000000000000000000000000000000000000ff74ffffffffffffffffffffffffffffffffffffffff0083549260081b169116179055565b6001600160a01b03604051911681527f0c33c7347982d959b0fcdd8bb409e983825aef265f91c262fc15672e8b1ca6f360203392a2005b34610366575f3660031901126103665760206040516103e88152f35b34610366576020366003190112610366576001600160a01b03610789610d3e565b165f525f602052602060ff60405f2054166040519015158152f35b346103665760403660031901126103665760043567ffffffffffffffff8111610366576107d5903690600401610d6a565b90602435600781101561036657335f52600260205260405f2090815460ff8116610856577fa8c8e25b5ab5cc20e435139827b9a25862295045d1f2b5484a9f2eb527f5691c936108439360016105029361ff008660081b169061ffff19161717905560405193848094610d98565b6040602084015233956040840191610da5565b7fa6ea5e72000000000000000000000000000000000000000000000000000000005f523360045260245ffd5b34610366576020366003190112610366576001600160a01b036108a3610d3e565b5f60806040516108b281610dfd565b8281528260208201528260408201528260608201520152165f525f60205260a060405f2064ffffffffff6040516108e881610dfd565b63ffffffff83548160ff82161515958685526001600160a01b0360208601818560081c168152608088600160408a0195878960a81c1687528760608c019960c81c168952015416970196875260405198895251166020880152511660408601525116606084015251166080820152f35b3461036657604036600319011261036657610971610d3e565b6024359063ffffffff821690818303610366577f9e703ccf2d2ae63cb946e8fdc3a5896cb69fd873390d292a5c4701b7b467b859916001600160a01b03826109bb60409433610e56565b6109cb8662278d00851115610ed7565b1693845f525f60205264ffffffffff6001845f206109e881610fce565b93610a386109fe63ffffffff8716864216610f18565b9583907fffffffffffffff00000000ffffffffffffffffffffffffffffffffffffffffff63ffffffff60a81b83549260a81b169116179055565b7fffffff00000000ffffffffffffffffffffffffffffffffffffffffffffffffff7cffffffff0000000000000000000000000000000000000000000000000083549260c81b169116178155019116908164ffffffffff1982541617905582519182526020820152a2005b34610366575f36600319011261036657602060405162278d008152f35b3461036657604036600319011261036657610ae9610adb610d3e565b610ae3610d54565b90610e56565b005b3461036657604036600319011261036657610b04610d3e565b6001600160a01b03610b14610d54565b91165f5260016020526001600160a01b0360405f2091165f526020526020610b3e60405f20610f85565b61ffff60405191168152f35b3461036657604036600319011261036657610b63610d3e565b6001600160a01b03610b73610d54565b915f6060604051610b8381610de1565b8281528260208201528260408201520152165f5260016020526001600160a01b0360405f2091165f52602052608060405f2064ffffffffff60405191610bc883610de1565b5461ffff60ff82161515938481528160208201818560081c1681528560606040850194848860181c168652019560281c168552604051968752511660208601525116604084015251166060820152f35b34610366576020366003190112610366576001600160a01b03610c39610d3e565b5f6020604051610c4881610dc5565b8281520152165f52600260205260405f2060ff60405191610c6883610dc5565b548181161515835260081c169060208101916007811015610ca15782610c9f91604094528351925115158352516020830190610d98565bf35b634e487b7160e01b5f52602160045260245ffd5b3461036657604036600319011261036657610cce610d3e565b6024359067ffffffffffffffff8211610366576001600160a01b037f29184e8fccfd7eb88168073250e27d68e320593c490b2e640325399b247cec7091610d1c610502943690600401610d6a565b9490610d288333610e56565b6040519384936020855216956020840191610da5565b600435906001600160a01b038216820361036657565b602435906001600160a01b038216820361036657565b9181601f840112156103665782359167ffffffffffffffff8311610366576020838186019501011161036657565b906007821015610ca15752565b908060209392818452848401375f828201840152601f01601f1916010190565b6040810190811067ffffffffffffffff82111761036a57604052565b6080810190811067ffffffffffffffff82111761036a57604052565b60a0810190811067ffffffffffffffff82111761036a57604052565b15610e215750565b6001600160a01b03907fbd620133000000000000000000000000000000000000000000000000000000005f521660045260245ffd5b906001600160a01b0380821692835f525f602052610e7c60405f20549360ff8516610e19565b1690828214908115610ec1575b5015610e93575050565b7f1ed25e7d000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b6001600160a01b03915060081c1681145f610e89565b15610edf5750565b63ffffffff907f4e189da4000000000000000000000000000000000000000000000000000000005f521660045262278d0060245260445ffd5b9064ffffffffff8091169116019064ffffffffff8211610f3457565b634e487b7160e01b5f52601160045260245ffd5b15610f505750565b6001600160a01b03907f7a0d2d91000000000000000000000000000000000000000000000000000000005f521660045260245ffd5b5460ff811615610fc7578064ffffffffff61ffff9260281c168015159081610fbc575b5015610fb55760181c1690565b60081c1690565b90504210155f610fa8565b506103e890565b63ffffffff9064ffffffffff6001820154168015159081611000575b5015610ff8575460c81c1690565b5460a81c1690565b90504210155f610fea56fea164736f6c634300081e000a";

/**
 * Directory (contracts/src/Directory.sol).
 * Registry of operators and services, deployed by the core: read its address with `directory()`.
 */
export const directoryAbi = [
  {
    type: "constructor",
    inputs: [{ type: "address", name: "core_", internalType: "address" }],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "DEFAULT_COMMISSION_BPS",
    inputs: [],
    outputs: [{ type: "uint16", name: "", internalType: "uint16" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "MAX_ALLOCATION_DELAY",
    inputs: [],
    outputs: [{ type: "uint32", name: "", internalType: "uint32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "MAX_COMMISSION_BPS",
    inputs: [],
    outputs: [{ type: "uint16", name: "", internalType: "uint16" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "allocationDelayOf",
    inputs: [{ type: "address", name: "operator", internalType: "address" }],
    outputs: [{ type: "uint32", name: "", internalType: "uint32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "checkCanActFor",
    inputs: [
      { type: "address", name: "caller", internalType: "address" },
      { type: "address", name: "operator", internalType: "address" },
    ],
    outputs: [],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "commissionOf",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "address", name: "service", internalType: "address" },
    ],
    outputs: [{ type: "uint16", name: "", internalType: "uint16" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "core",
    inputs: [],
    outputs: [{ type: "address", name: "", internalType: "address" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "getCommission",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "address", name: "service", internalType: "address" },
    ],
    outputs: [
      {
        type: "tuple",
        name: "",
        internalType: "struct Commission",
        components: [
          { type: "bool", name: "set", internalType: "bool" },
          { type: "uint16", name: "bps", internalType: "uint16" },
          { type: "uint16", name: "pendingBps", internalType: "uint16" },
          { type: "uint40", name: "effectAt", internalType: "uint40" },
        ],
      },
    ],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "getOperator",
    inputs: [{ type: "address", name: "operator", internalType: "address" }],
    outputs: [
      {
        type: "tuple",
        name: "",
        internalType: "struct OperatorInfo",
        components: [
          { type: "bool", name: "registered", internalType: "bool" },
          { type: "address", name: "delegate", internalType: "address" },
          { type: "uint32", name: "allocationDelay", internalType: "uint32" },
          { type: "uint32", name: "pendingAllocationDelay", internalType: "uint32" },
          { type: "uint40", name: "allocationDelayEffectAt", internalType: "uint40" },
        ],
      },
    ],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "getService",
    inputs: [{ type: "address", name: "service", internalType: "address" }],
    outputs: [
      {
        type: "tuple",
        name: "",
        internalType: "struct ServiceInfo",
        components: [
          { type: "bool", name: "registered", internalType: "bool" },
          { type: "uint8", name: "category", internalType: "enum ServiceCategory" },
        ],
      },
    ],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "isOperator",
    inputs: [{ type: "address", name: "operator", internalType: "address" }],
    outputs: [{ type: "bool", name: "", internalType: "bool" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "isService",
    inputs: [{ type: "address", name: "service", internalType: "address" }],
    outputs: [{ type: "bool", name: "", internalType: "bool" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "registerOperator",
    inputs: [
      { type: "string", name: "metadataURI", internalType: "string" },
      { type: "address", name: "delegate", internalType: "address" },
      { type: "uint32", name: "allocationDelay", internalType: "uint32" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "registerService",
    inputs: [
      { type: "string", name: "metadataURI", internalType: "string" },
      { type: "uint8", name: "category", internalType: "enum ServiceCategory" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "setAllocationDelay",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "uint32", name: "delay", internalType: "uint32" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "setCommission",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "address", name: "service", internalType: "address" },
      { type: "uint16", name: "bps", internalType: "uint16" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "setOperatorDelegate",
    inputs: [{ type: "address", name: "delegate", internalType: "address" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "setOperatorMetadata",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "string", name: "metadataURI", internalType: "string" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "setServiceMetadata",
    inputs: [{ type: "string", name: "metadataURI", internalType: "string" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "event",
    name: "AllocationDelaySet",
    inputs: [
      { type: "address", name: "operator", indexed: true, internalType: "address" },
      { type: "uint32", name: "delay", indexed: false, internalType: "uint32" },
      { type: "uint40", name: "effectAt", indexed: false, internalType: "uint40" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "CommissionSet",
    inputs: [
      { type: "address", name: "operator", indexed: true, internalType: "address" },
      { type: "address", name: "service", indexed: true, internalType: "address" },
      { type: "uint16", name: "bps", indexed: false, internalType: "uint16" },
      { type: "uint40", name: "effectAt", indexed: false, internalType: "uint40" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "OperatorDelegateSet",
    inputs: [
      { type: "address", name: "operator", indexed: true, internalType: "address" },
      { type: "address", name: "delegate", indexed: false, internalType: "address" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "OperatorMetadataUpdated",
    inputs: [
      { type: "address", name: "operator", indexed: true, internalType: "address" },
      { type: "string", name: "metadataURI", indexed: false, internalType: "string" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "OperatorRegistered",
    inputs: [
      { type: "address", name: "operator", indexed: true, internalType: "address" },
      { type: "address", name: "delegate", indexed: false, internalType: "address" },
      { type: "uint32", name: "allocationDelay", indexed: false, internalType: "uint32" },
      { type: "string", name: "metadataURI", indexed: false, internalType: "string" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "ServiceMetadataUpdated",
    inputs: [
      { type: "address", name: "service", indexed: true, internalType: "address" },
      { type: "string", name: "metadataURI", indexed: false, internalType: "string" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "ServiceRegistered",
    inputs: [
      { type: "address", name: "service", indexed: true, internalType: "address" },
      { type: "uint8", name: "category", indexed: false, internalType: "enum ServiceCategory" },
      { type: "string", name: "metadataURI", indexed: false, internalType: "string" },
    ],
    anonymous: false,
  },
  {
    type: "error",
    name: "AllocationDelayTooLong",
    inputs: [
      { type: "uint32", name: "delay", internalType: "uint32" },
      { type: "uint32", name: "max", internalType: "uint32" },
    ],
  },
  { type: "error", name: "CommissionTooHigh", inputs: [{ type: "uint256", name: "bps", internalType: "uint256" }] },
  {
    type: "error",
    name: "NotOperatorOrDelegate",
    inputs: [
      { type: "address", name: "caller", internalType: "address" },
      { type: "address", name: "operator", internalType: "address" },
    ],
  },
  {
    type: "error",
    name: "OperatorAlreadyRegistered",
    inputs: [{ type: "address", name: "operator", internalType: "address" }],
  },
  {
    type: "error",
    name: "OperatorNotRegistered",
    inputs: [{ type: "address", name: "operator", internalType: "address" }],
  },
  {
    type: "error",
    name: "ServiceAlreadyRegistered",
    inputs: [{ type: "address", name: "service", internalType: "address" }],
  },
  {
    type: "error",
    name: "ServiceNotRegistered",
    inputs: [{ type: "address", name: "service", internalType: "address" }],
  },
] as const;

/**
 * RampartTimelock (contracts/src/governance/RampartTimelock.sol).
 * Governance timelock that owns the core (OpenZeppelin TimelockController).
 */
export const timelockAbi = [
  {
    type: "constructor",
    inputs: [
      { type: "uint256", name: "minDelay", internalType: "uint256" },
      { type: "address[]", name: "proposers", internalType: "address[]" },
      { type: "address[]", name: "executors", internalType: "address[]" },
      { type: "address", name: "admin", internalType: "address" },
    ],
    stateMutability: "nonpayable",
  },
  { type: "receive", stateMutability: "payable" },
  {
    type: "function",
    name: "CANCELLER_ROLE",
    inputs: [],
    outputs: [{ type: "bytes32", name: "", internalType: "bytes32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "DEFAULT_ADMIN_ROLE",
    inputs: [],
    outputs: [{ type: "bytes32", name: "", internalType: "bytes32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "EXECUTOR_ROLE",
    inputs: [],
    outputs: [{ type: "bytes32", name: "", internalType: "bytes32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "PROPOSER_ROLE",
    inputs: [],
    outputs: [{ type: "bytes32", name: "", internalType: "bytes32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "cancel",
    inputs: [{ type: "bytes32", name: "id", internalType: "bytes32" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "execute",
    inputs: [
      { type: "address", name: "target", internalType: "address" },
      { type: "uint256", name: "value", internalType: "uint256" },
      { type: "bytes", name: "payload", internalType: "bytes" },
      { type: "bytes32", name: "predecessor", internalType: "bytes32" },
      { type: "bytes32", name: "salt", internalType: "bytes32" },
    ],
    outputs: [],
    stateMutability: "payable",
  },
  {
    type: "function",
    name: "executeBatch",
    inputs: [
      { type: "address[]", name: "targets", internalType: "address[]" },
      { type: "uint256[]", name: "values", internalType: "uint256[]" },
      { type: "bytes[]", name: "payloads", internalType: "bytes[]" },
      { type: "bytes32", name: "predecessor", internalType: "bytes32" },
      { type: "bytes32", name: "salt", internalType: "bytes32" },
    ],
    outputs: [],
    stateMutability: "payable",
  },
  {
    type: "function",
    name: "getMinDelay",
    inputs: [],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "getOperationState",
    inputs: [{ type: "bytes32", name: "id", internalType: "bytes32" }],
    outputs: [{ type: "uint8", name: "", internalType: "enum TimelockController.OperationState" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "getRoleAdmin",
    inputs: [{ type: "bytes32", name: "role", internalType: "bytes32" }],
    outputs: [{ type: "bytes32", name: "", internalType: "bytes32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "getTimestamp",
    inputs: [{ type: "bytes32", name: "id", internalType: "bytes32" }],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "grantRole",
    inputs: [
      { type: "bytes32", name: "role", internalType: "bytes32" },
      { type: "address", name: "account", internalType: "address" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "hasRole",
    inputs: [
      { type: "bytes32", name: "role", internalType: "bytes32" },
      { type: "address", name: "account", internalType: "address" },
    ],
    outputs: [{ type: "bool", name: "", internalType: "bool" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "hashOperation",
    inputs: [
      { type: "address", name: "target", internalType: "address" },
      { type: "uint256", name: "value", internalType: "uint256" },
      { type: "bytes", name: "data", internalType: "bytes" },
      { type: "bytes32", name: "predecessor", internalType: "bytes32" },
      { type: "bytes32", name: "salt", internalType: "bytes32" },
    ],
    outputs: [{ type: "bytes32", name: "", internalType: "bytes32" }],
    stateMutability: "pure",
  },
  {
    type: "function",
    name: "hashOperationBatch",
    inputs: [
      { type: "address[]", name: "targets", internalType: "address[]" },
      { type: "uint256[]", name: "values", internalType: "uint256[]" },
      { type: "bytes[]", name: "payloads", internalType: "bytes[]" },
      { type: "bytes32", name: "predecessor", internalType: "bytes32" },
      { type: "bytes32", name: "salt", internalType: "bytes32" },
    ],
    outputs: [{ type: "bytes32", name: "", internalType: "bytes32" }],
    stateMutability: "pure",
  },
  {
    type: "function",
    name: "isOperation",
    inputs: [{ type: "bytes32", name: "id", internalType: "bytes32" }],
    outputs: [{ type: "bool", name: "", internalType: "bool" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "isOperationDone",
    inputs: [{ type: "bytes32", name: "id", internalType: "bytes32" }],
    outputs: [{ type: "bool", name: "", internalType: "bool" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "isOperationPending",
    inputs: [{ type: "bytes32", name: "id", internalType: "bytes32" }],
    outputs: [{ type: "bool", name: "", internalType: "bool" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "isOperationReady",
    inputs: [{ type: "bytes32", name: "id", internalType: "bytes32" }],
    outputs: [{ type: "bool", name: "", internalType: "bool" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "onERC1155BatchReceived",
    inputs: [
      { type: "address", name: "", internalType: "address" },
      { type: "address", name: "", internalType: "address" },
      { type: "uint256[]", name: "", internalType: "uint256[]" },
      { type: "uint256[]", name: "", internalType: "uint256[]" },
      { type: "bytes", name: "", internalType: "bytes" },
    ],
    outputs: [{ type: "bytes4", name: "", internalType: "bytes4" }],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "onERC1155Received",
    inputs: [
      { type: "address", name: "", internalType: "address" },
      { type: "address", name: "", internalType: "address" },
      { type: "uint256", name: "", internalType: "uint256" },
      { type: "uint256", name: "", internalType: "uint256" },
      { type: "bytes", name: "", internalType: "bytes" },
    ],
    outputs: [{ type: "bytes4", name: "", internalType: "bytes4" }],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "onERC721Received",
    inputs: [
      { type: "address", name: "", internalType: "address" },
      { type: "address", name: "", internalType: "address" },
      { type: "uint256", name: "", internalType: "uint256" },
      { type: "bytes", name: "", internalType: "bytes" },
    ],
    outputs: [{ type: "bytes4", name: "", internalType: "bytes4" }],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "renounceRole",
    inputs: [
      { type: "bytes32", name: "role", internalType: "bytes32" },
      { type: "address", name: "callerConfirmation", internalType: "address" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "revokeRole",
    inputs: [
      { type: "bytes32", name: "role", internalType: "bytes32" },
      { type: "address", name: "account", internalType: "address" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "schedule",
    inputs: [
      { type: "address", name: "target", internalType: "address" },
      { type: "uint256", name: "value", internalType: "uint256" },
      { type: "bytes", name: "data", internalType: "bytes" },
      { type: "bytes32", name: "predecessor", internalType: "bytes32" },
      { type: "bytes32", name: "salt", internalType: "bytes32" },
      { type: "uint256", name: "delay", internalType: "uint256" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "scheduleBatch",
    inputs: [
      { type: "address[]", name: "targets", internalType: "address[]" },
      { type: "uint256[]", name: "values", internalType: "uint256[]" },
      { type: "bytes[]", name: "payloads", internalType: "bytes[]" },
      { type: "bytes32", name: "predecessor", internalType: "bytes32" },
      { type: "bytes32", name: "salt", internalType: "bytes32" },
      { type: "uint256", name: "delay", internalType: "uint256" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "supportsInterface",
    inputs: [{ type: "bytes4", name: "interfaceId", internalType: "bytes4" }],
    outputs: [{ type: "bool", name: "", internalType: "bool" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "updateDelay",
    inputs: [{ type: "uint256", name: "newDelay", internalType: "uint256" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "event",
    name: "CallExecuted",
    inputs: [
      { type: "bytes32", name: "id", indexed: true, internalType: "bytes32" },
      { type: "uint256", name: "index", indexed: true, internalType: "uint256" },
      { type: "address", name: "target", indexed: false, internalType: "address" },
      { type: "uint256", name: "value", indexed: false, internalType: "uint256" },
      { type: "bytes", name: "data", indexed: false, internalType: "bytes" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "CallSalt",
    inputs: [
      { type: "bytes32", name: "id", indexed: true, internalType: "bytes32" },
      { type: "bytes32", name: "salt", indexed: false, internalType: "bytes32" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "CallScheduled",
    inputs: [
      { type: "bytes32", name: "id", indexed: true, internalType: "bytes32" },
      { type: "uint256", name: "index", indexed: true, internalType: "uint256" },
      { type: "address", name: "target", indexed: false, internalType: "address" },
      { type: "uint256", name: "value", indexed: false, internalType: "uint256" },
      { type: "bytes", name: "data", indexed: false, internalType: "bytes" },
      { type: "bytes32", name: "predecessor", indexed: false, internalType: "bytes32" },
      { type: "uint256", name: "delay", indexed: false, internalType: "uint256" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "Cancelled",
    inputs: [{ type: "bytes32", name: "id", indexed: true, internalType: "bytes32" }],
    anonymous: false,
  },
  {
    type: "event",
    name: "MinDelayChange",
    inputs: [
      { type: "uint256", name: "oldDuration", indexed: false, internalType: "uint256" },
      { type: "uint256", name: "newDuration", indexed: false, internalType: "uint256" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "RoleAdminChanged",
    inputs: [
      { type: "bytes32", name: "role", indexed: true, internalType: "bytes32" },
      { type: "bytes32", name: "previousAdminRole", indexed: true, internalType: "bytes32" },
      { type: "bytes32", name: "newAdminRole", indexed: true, internalType: "bytes32" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "RoleGranted",
    inputs: [
      { type: "bytes32", name: "role", indexed: true, internalType: "bytes32" },
      { type: "address", name: "account", indexed: true, internalType: "address" },
      { type: "address", name: "sender", indexed: true, internalType: "address" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "RoleRevoked",
    inputs: [
      { type: "bytes32", name: "role", indexed: true, internalType: "bytes32" },
      { type: "address", name: "account", indexed: true, internalType: "address" },
      { type: "address", name: "sender", indexed: true, internalType: "address" },
    ],
    anonymous: false,
  },
  { type: "error", name: "AccessControlBadConfirmation", inputs: [] },
  {
    type: "error",
    name: "AccessControlUnauthorizedAccount",
    inputs: [
      { type: "address", name: "account", internalType: "address" },
      { type: "bytes32", name: "neededRole", internalType: "bytes32" },
    ],
  },
  { type: "error", name: "FailedCall", inputs: [] },
  {
    type: "error",
    name: "TimelockInsufficientDelay",
    inputs: [
      { type: "uint256", name: "delay", internalType: "uint256" },
      { type: "uint256", name: "minDelay", internalType: "uint256" },
    ],
  },
  {
    type: "error",
    name: "TimelockInvalidOperationLength",
    inputs: [
      { type: "uint256", name: "targets", internalType: "uint256" },
      { type: "uint256", name: "payloads", internalType: "uint256" },
      { type: "uint256", name: "values", internalType: "uint256" },
    ],
  },
  {
    type: "error",
    name: "TimelockUnauthorizedCaller",
    inputs: [{ type: "address", name: "caller", internalType: "address" }],
  },
  {
    type: "error",
    name: "TimelockUnexecutedPredecessor",
    inputs: [{ type: "bytes32", name: "predecessorId", internalType: "bytes32" }],
  },
  {
    type: "error",
    name: "TimelockUnexpectedOperationState",
    inputs: [
      { type: "bytes32", name: "operationId", internalType: "bytes32" },
      { type: "bytes32", name: "expectedStates", internalType: "bytes32" },
    ],
  },
] as const;

/** Creation bytecode of RampartTimelock; the ABI-encoded constructor arguments go after it. */
export const timelockBytecode: `0x${string}` =
  "0x608060405234801561000f575f5ffd5b50604051611f5b380380611f5b83398101604081905261002e916102fe565b8383838361003c5f30610183565b506001600160a01b03811615610058576100565f82610183565b505b5f5b83518110156100ec576100ac7fb09aa5aeb3702cfd50b6b62bc4532604938f21248a27a1d5ca736082b6819cc18583815181106100995761009961037d565b602002602001015161018360201b60201c565b506100e37ffd643c72710c63c0180259aba6b2d05451e3591a24e58b62239378085726f7838583815181106100995761009961037d565b5060010161005a565b505f5b82518110156101375761012e7fd8aa0f3194971a2a116679f7c2090f6939c8d4e01a2a8d7e41d55e5351469e638483815181106100995761009961037d565b506001016100ef565b506002849055604080515f8152602081018690527f11c24f4ead16507c69ac467fbd5e4eed5fb5c699626d2cc6d66421df253886d5910160405180910390a15050505050505050610391565b5f828152602081815260408083206001600160a01b038516845290915281205460ff16610223575f838152602081815260408083206001600160a01b03861684529091529020805460ff191660011790556101db3390565b6001600160a01b0316826001600160a01b0316847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a4506001610226565b505f5b92915050565b634e487b7160e01b5f52604160045260245ffd5b80516001600160a01b0381168114610256575f5ffd5b919050565b5f82601f83011261026a575f5ffd5b81516001600160401b038111156102835761028361022c565b604051600582901b90603f8201601f191681016001600160401b03811182821017156102b1576102b161022c565b6040529182526020818501810192908101868411156102ce575f5ffd5b6020860192505b838310156102f4576102e683610240565b8152602092830192016102d5565b5095945050505050565b5f5f5f5f60808587031215610311575f5ffd5b845160208601519094506001600160401b0381111561032e575f5ffd5b61033a8782880161025b565b604087015190945090506001600160401b03811115610357575f5ffd5b6103638782880161025b565b92505061037260608601610240565b905092959194509250565b634e487b7160e01b5f52603260045260245ffd5b611bbd8061039e5f395ff3fe6080604052600436106101b2575f3560e01c80638065657f116100e7578063bc197c8111610087578063d547741f11610062578063d547741f1461059b578063e38335e5146105ba578063f23a6e61146105cd578063f27a0c9214610611575f5ffd5b8063bc197c811461050d578063c4d252f514610551578063d45c443514610570575f5ffd5b806391d14854116100c257806391d1485414610466578063a217fddf146104a8578063b08e51c0146104bb578063b1c5f427146104ee575f5ffd5b80638065657f146103f55780638f2a0bb0146104145780638f61f4f514610433575f5ffd5b80632ab0f5291161015257806336568abe1161012d57806336568abe1461036c578063584b153e1461038b57806364d62353146103aa5780637958004c146103c9575f5ffd5b80632ab0f5291461030f5780632f2ff15d1461032e57806331d507501461034d575f5ffd5b8063134008d31161018d578063134008d31461025357806313bc9f2014610266578063150b7a0214610285578063248a9ca3146102e1575f5ffd5b806301d5062a146101bd57806301ffc9a7146101de57806307bd026514610212575f5ffd5b366101b957005b5f5ffd5b3480156101c8575f5ffd5b506101dc6101d7366004611385565b610625565b005b3480156101e9575f5ffd5b506101fd6101f83660046113f4565b6106f9565b60405190151581526020015b60405180910390f35b34801561021d575f5ffd5b506102457fd8aa0f3194971a2a116679f7c2090f6939c8d4e01a2a8d7e41d55e5351469e6381565b604051908152602001610209565b6101dc61026136600461141b565b610709565b348015610271575f5ffd5b506101fd610280366004611482565b6107fe565b348015610290575f5ffd5b506102c861029f36600461154a565b7f150b7a0200000000000000000000000000000000000000000000000000000000949350505050565b6040516001600160e01b03199091168152602001610209565b3480156102ec575f5ffd5b506102456102fb366004611482565b5f9081526020819052604090206001015490565b34801561031a575f5ffd5b506101fd610329366004611482565b610823565b348015610339575f5ffd5b506101dc6103483660046115ae565b61082b565b348015610358575f5ffd5b506101fd610367366004611482565b610855565b348015610377575f5ffd5b506101dc6103863660046115ae565b610879565b348015610396575f5ffd5b506101fd6103a5366004611482565b6108ca565b3480156103b5575f5ffd5b506101dc6103c4366004611482565b61090f565b3480156103d4575f5ffd5b506103e86103e3366004611482565b61099b565b60405161020991906115ec565b348015610400575f5ffd5b5061024561040f36600461141b565b6109e3565b34801561041f575f5ffd5b506101dc61042e366004611653565b610a21565b34801561043e575f5ffd5b506102457fb09aa5aeb3702cfd50b6b62bc4532604938f21248a27a1d5ca736082b6819cc181565b348015610471575f5ffd5b506101fd6104803660046115ae565b5f918252602082815260408084206001600160a01b0393909316845291905290205460ff1690565b3480156104b3575f5ffd5b506102455f81565b3480156104c6575f5ffd5b506102457ffd643c72710c63c0180259aba6b2d05451e3591a24e58b62239378085726f78381565b3480156104f9575f5ffd5b50610245610508366004611708565b610bc3565b348015610518575f5ffd5b506102c8610527366004611835565b7fbc197c810000000000000000000000000000000000000000000000000000000095945050505050565b34801561055c575f5ffd5b506101dc61056b366004611482565b610c07565b34801561057b575f5ffd5b5061024561058a366004611482565b5f9081526001602052604090205490565b3480156105a6575f5ffd5b506101dc6105b53660046115ae565b610cb1565b6101dc6105c8366004611708565b610cd5565b3480156105d8575f5ffd5b506102c86105e73660046118e4565b7ff23a6e610000000000000000000000000000000000000000000000000000000095945050505050565b34801561061c575f5ffd5b50600254610245565b7fb09aa5aeb3702cfd50b6b62bc4532604938f21248a27a1d5ca736082b6819cc161064f81610eaf565b5f61065e8989898989896109e3565b905061066a8184610ebc565b5f817f4cf4410cc57040e44862ef0f45f3dd5a5e02db8eb8add648d4b0e236f1d07dca8b8b8b8b8b8a6040516106a596959493929190611960565b60405180910390a383156106ee57807f20fda5fd27a1ea7bf5b9567f143ac5470bb059374a27e8f67cb44f946f6d0387856040516106e591815260200190565b60405180910390a25b505050505050505050565b5f61070382610f66565b92915050565b5f80527fdae2aa361dfd1ca020a396615627d436107c35eff9fe7738a3512819782d70696020527f5ba6852781629bcdcd4bdaa6de76d786f1c64b16acdac474e55bebc0ea157951547fd8aa0f3194971a2a116679f7c2090f6939c8d4e01a2a8d7e41d55e5351469e639060ff16610785576107858133610fa3565b5f6107948888888888886109e3565b90506107a08185611012565b6107ac88888888611079565b5f817fc2617efa69bab66782fa219543714338489c4e9e178271560a91b82c3f612b588a8a8a8a6040516107e3949392919061199d565b60405180910390a36107f4816110ed565b5050505050505050565b5f60025b61080b8361099b565b600381111561081c5761081c6115d8565b1492915050565b5f6003610802565b5f8281526020819052604090206001015461084581610eaf565b61084f8383611118565b50505050565b5f806108608361099b565b6003811115610871576108716115d8565b141592915050565b6001600160a01b03811633146108bb576040517f6697b23200000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6108c582826111bf565b505050565b5f5f6108d58361099b565b905060018160038111156108eb576108eb6115d8565b148061090857506002816003811115610906576109066115d8565b145b9392505050565b33308114610959576040517fe2850c590000000000000000000000000000000000000000000000000000000081526001600160a01b03821660048201526024015b60405180910390fd5b60025460408051918252602082018490527f11c24f4ead16507c69ac467fbd5e4eed5fb5c699626d2cc6d66421df253886d5910160405180910390a150600255565b5f81815260016020526040812054805f036109b857505f92915050565b600181036109c95750600392915050565b428111156109da5750600192915050565b50600292915050565b5f8686868686866040516020016109ff96959493929190611960565b6040516020818303038152906040528051906020012090509695505050505050565b7fb09aa5aeb3702cfd50b6b62bc4532604938f21248a27a1d5ca736082b6819cc1610a4b81610eaf565b8887141580610a5a5750888514155b15610aa2576040517fffb03211000000000000000000000000000000000000000000000000000000008152600481018a90526024810186905260448101889052606401610950565b5f610ab38b8b8b8b8b8b8b8b610bc3565b9050610abf8184610ebc565b5f5b8a811015610b745780827f4cf4410cc57040e44862ef0f45f3dd5a5e02db8eb8add648d4b0e236f1d07dca8e8e85818110610afe57610afe6119c5565b9050602002016020810190610b1391906119d9565b8d8d86818110610b2557610b256119c5565b905060200201358c8c87818110610b3e57610b3e6119c5565b9050602002810190610b5091906119f2565b8c8b604051610b6496959493929190611960565b60405180910390a3600101610ac1565b508315610bb657807f20fda5fd27a1ea7bf5b9567f143ac5470bb059374a27e8f67cb44f946f6d038785604051610bad91815260200190565b60405180910390a25b5050505050505050505050565b5f8888888888888888604051602001610be3989796959493929190611aca565b60405160208183030381529060405280519060200120905098975050505050505050565b7ffd643c72710c63c0180259aba6b2d05451e3591a24e58b62239378085726f783610c3181610eaf565b610c3a826108ca565b610c765781610c496002611240565b610c536001611240565b604051635ead8eb560e01b81526004810193909352176024820152604401610950565b5f828152600160205260408082208290555183917fbaa1eb22f2a492ba1a5fea61b8df4d27c6c8b5f3971e63bb58fa14ff72eedb7091a25050565b5f82815260208190526040902060010154610ccb81610eaf565b61084f83836111bf565b5f80527fdae2aa361dfd1ca020a396615627d436107c35eff9fe7738a3512819782d70696020527f5ba6852781629bcdcd4bdaa6de76d786f1c64b16acdac474e55bebc0ea157951547fd8aa0f3194971a2a116679f7c2090f6939c8d4e01a2a8d7e41d55e5351469e639060ff16610d5157610d518133610fa3565b8786141580610d605750878414155b15610da8576040517fffb03211000000000000000000000000000000000000000000000000000000008152600481018990526024810185905260448101879052606401610950565b5f610db98a8a8a8a8a8a8a8a610bc3565b9050610dc58185611012565b5f5b89811015610e99575f8b8b83818110610de257610de26119c5565b9050602002016020810190610df791906119d9565b90505f8a8a84818110610e0c57610e0c6119c5565b905060200201359050365f8a8a86818110610e2957610e296119c5565b9050602002810190610e3b91906119f2565b91509150610e4b84848484611079565b84867fc2617efa69bab66782fa219543714338489c4e9e178271560a91b82c3f612b5886868686604051610e82949392919061199d565b60405180910390a350505050806001019050610dc7565b50610ea3816110ed565b50505050505050505050565b610eb98133610fa3565b50565b610ec582610855565b15610ef65781610ed45f611240565b604051635ead8eb560e01b815260048101929092526024820152604401610950565b5f610f0060025490565b905080821015610f46576040517f543366090000000000000000000000000000000000000000000000000000000081526004810183905260248101829052604401610950565b610f508242611b82565b5f93845260016020526040909320929092555050565b5f6001600160e01b031982167f4e2312e0000000000000000000000000000000000000000000000000000000001480610703575061070382611262565b5f828152602081815260408083206001600160a01b038516845290915290205460ff1661100e576040517fe2517d3f0000000000000000000000000000000000000000000000000000000081526001600160a01b038216600482015260248101839052604401610950565b5050565b61101b826107fe565b61102a5781610ed46002611240565b801580159061103f575061103d81610823565b155b1561100e576040517f90a9a61800000000000000000000000000000000000000000000000000000000815260048101829052602401610950565b5f5f856001600160a01b0316858585604051611096929190611ba1565b5f6040518083038185875af1925050503d805f81146110d0576040519150601f19603f3d011682016040523d82523d5f602084013e6110d5565b606091505b50915091506110e482826112c8565b50505050505050565b6110f6816107fe565b6111055780610ed46002611240565b5f90815260016020819052604090912055565b5f828152602081815260408083206001600160a01b038516845290915281205460ff166111b8575f838152602081815260408083206001600160a01b03861684529091529020805460ff191660011790556111703390565b6001600160a01b0316826001600160a01b0316847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a4506001610703565b505f610703565b5f828152602081815260408083206001600160a01b038516845290915281205460ff16156111b8575f838152602081815260408083206001600160a01b0386168085529252808320805460ff1916905551339286917ff6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b9190a4506001610703565b5f816003811115611253576112536115d8565b600160ff919091161b92915050565b5f6001600160e01b031982167f7965db0b00000000000000000000000000000000000000000000000000000000148061070357507f01ffc9a7000000000000000000000000000000000000000000000000000000006001600160e01b0319831614610703565b6060826112dd576112d8826112e4565b610703565b5080610703565b8051156112f357805160208201fd5b6040517fd6bda27500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b80356001600160a01b038116811461133b575f5ffd5b919050565b5f5f83601f840112611350575f5ffd5b50813567ffffffffffffffff811115611367575f5ffd5b60208301915083602082850101111561137e575f5ffd5b9250929050565b5f5f5f5f5f5f5f60c0888a03121561139b575f5ffd5b6113a488611325565b965060208801359550604088013567ffffffffffffffff8111156113c6575f5ffd5b6113d28a828b01611340565b989b979a50986060810135976080820135975060a09091013595509350505050565b5f60208284031215611404575f5ffd5b81356001600160e01b031981168114610908575f5ffd5b5f5f5f5f5f5f60a08789031215611430575f5ffd5b61143987611325565b955060208701359450604087013567ffffffffffffffff81111561145b575f5ffd5b61146789828a01611340565b979a9699509760608101359660809091013595509350505050565b5f60208284031215611492575f5ffd5b5035919050565b634e487b7160e01b5f52604160045260245ffd5b604051601f8201601f1916810167ffffffffffffffff811182821017156114d6576114d6611499565b604052919050565b5f82601f8301126114ed575f5ffd5b813567ffffffffffffffff81111561150757611507611499565b61151a601f8201601f19166020016114ad565b81815284602083860101111561152e575f5ffd5b816020850160208301375f918101602001919091529392505050565b5f5f5f5f6080858703121561155d575f5ffd5b61156685611325565b935061157460208601611325565b925060408501359150606085013567ffffffffffffffff811115611596575f5ffd5b6115a2878288016114de565b91505092959194509250565b5f5f604083850312156115bf575f5ffd5b823591506115cf60208401611325565b90509250929050565b634e487b7160e01b5f52602160045260245ffd5b602081016004831061160c57634e487b7160e01b5f52602160045260245ffd5b91905290565b5f5f83601f840112611622575f5ffd5b50813567ffffffffffffffff811115611639575f5ffd5b6020830191508360208260051b850101111561137e575f5ffd5b5f5f5f5f5f5f5f5f5f60c08a8c03121561166b575f5ffd5b893567ffffffffffffffff811115611681575f5ffd5b61168d8c828d01611612565b909a5098505060208a013567ffffffffffffffff8111156116ac575f5ffd5b6116b88c828d01611612565b90985096505060408a013567ffffffffffffffff8111156116d7575f5ffd5b6116e38c828d01611612565b9a9d999c50979a969997986060880135976080810135975060a0013595509350505050565b5f5f5f5f5f5f5f5f60a0898b03121561171f575f5ffd5b883567ffffffffffffffff811115611735575f5ffd5b6117418b828c01611612565b909950975050602089013567ffffffffffffffff811115611760575f5ffd5b61176c8b828c01611612565b909750955050604089013567ffffffffffffffff81111561178b575f5ffd5b6117978b828c01611612565b999c989b509699959896976060870135966080013595509350505050565b5f82601f8301126117c4575f5ffd5b813567ffffffffffffffff8111156117de576117de611499565b8060051b6117ee602082016114ad565b91825260208185018101929081019086841115611809575f5ffd5b6020860192505b8383101561182b578235825260209283019290910190611810565b9695505050505050565b5f5f5f5f5f60a08688031215611849575f5ffd5b61185286611325565b945061186060208701611325565b9350604086013567ffffffffffffffff81111561187b575f5ffd5b611887888289016117b5565b935050606086013567ffffffffffffffff8111156118a3575f5ffd5b6118af888289016117b5565b925050608086013567ffffffffffffffff8111156118cb575f5ffd5b6118d7888289016114de565b9150509295509295909350565b5f5f5f5f5f60a086880312156118f8575f5ffd5b61190186611325565b945061190f60208701611325565b93506040860135925060608601359150608086013567ffffffffffffffff8111156118cb575f5ffd5b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b6001600160a01b038716815285602082015260a060408201525f61198860a083018688611938565b60608301949094525060800152949350505050565b6001600160a01b0385168152836020820152606060408201525f61182b606083018486611938565b634e487b7160e01b5f52603260045260245ffd5b5f602082840312156119e9575f5ffd5b61090882611325565b5f5f8335601e19843603018112611a07575f5ffd5b83018035915067ffffffffffffffff821115611a21575f5ffd5b60200191503681900382131561137e575f5ffd5b5f8383855260208501945060208460051b820101835f5b86811015611abe57838303601f19018852813536879003601e19018112611a71575f5ffd5b860160208101903567ffffffffffffffff811115611a8d575f5ffd5b803603821315611a9b575f5ffd5b611aa6858284611938565b60209a8b019a90955093909301925050600101611a4c565b50909695505050505050565b60a080825281018890525f8960c08301825b8b811015611b0a576001600160a01b03611af584611325565b16825260209283019290910190600101611adc565b5083810360208501528881527f07ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff891115611b42575f5ffd5b8860051b9150818a60208301370182810360209081016040850152611b6a9082018789611a35565b60608401959095525050608001529695505050505050565b8082018082111561070357634e487b7160e01b5f52601160045260245ffd5b818382375f910190815291905056fea164736f6c634300081e000a";

/**
 * RampartRewards (contracts/src/RampartRewards.sol).
 * Reward programs and their Merkle distribution (constructor: core, owner, rewardsUpdater, activationDelay).
 */
export const rewardsAbi = [
  {
    type: "constructor",
    inputs: [
      { type: "address", name: "core_", internalType: "contract IRampart" },
      { type: "address", name: "owner_", internalType: "address" },
      { type: "address", name: "updater_", internalType: "address" },
      { type: "uint32", name: "activationDelay_", internalType: "uint32" },
    ],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "DAY",
    inputs: [],
    outputs: [{ type: "uint32", name: "", internalType: "uint32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "MAX_ACTIVATION_DELAY",
    inputs: [],
    outputs: [{ type: "uint32", name: "", internalType: "uint32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "MAX_DURATION",
    inputs: [],
    outputs: [{ type: "uint32", name: "", internalType: "uint32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "MAX_FUTURE",
    inputs: [],
    outputs: [{ type: "uint32", name: "", internalType: "uint32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "MAX_PROGRAM_AMOUNT",
    inputs: [],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "MAX_RETROACTIVE",
    inputs: [],
    outputs: [{ type: "uint32", name: "", internalType: "uint32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "MIN_ACTIVATION_DELAY",
    inputs: [],
    outputs: [{ type: "uint32", name: "", internalType: "uint32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "PAUSE_CLAIMS",
    inputs: [],
    outputs: [{ type: "uint8", name: "", internalType: "uint8" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "PAUSE_PROGRAMS",
    inputs: [],
    outputs: [{ type: "uint8", name: "", internalType: "uint8" }],
    stateMutability: "view",
  },
  { type: "function", name: "acceptOwnership", inputs: [], outputs: [], stateMutability: "nonpayable" },
  {
    type: "function",
    name: "activationDelay",
    inputs: [],
    outputs: [{ type: "uint32", name: "", internalType: "uint32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "claim",
    inputs: [
      { type: "uint32", name: "rootIndex", internalType: "uint32" },
      { type: "address", name: "earner", internalType: "address" },
      { type: "address", name: "recipient", internalType: "address" },
      {
        type: "tuple[]",
        name: "claims",
        internalType: "struct TokenClaim[]",
        components: [
          { type: "address", name: "token", internalType: "address" },
          { type: "uint256", name: "cumulativeAmount", internalType: "uint256" },
          { type: "bytes32[]", name: "proof", internalType: "bytes32[]" },
        ],
      },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "claimerOf",
    inputs: [{ type: "address", name: "earner", internalType: "address" }],
    outputs: [{ type: "address", name: "", internalType: "address" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "core",
    inputs: [],
    outputs: [{ type: "address", name: "", internalType: "contract IRampart" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "createProgram",
    inputs: [
      {
        type: "tuple",
        name: "params",
        internalType: "struct ProgramParams",
        components: [
          { type: "uint32", name: "setId", internalType: "uint32" },
          { type: "uint8", name: "kind", internalType: "enum ProgramKind" },
          { type: "address", name: "token", internalType: "address" },
          { type: "uint256", name: "amount", internalType: "uint256" },
          { type: "uint40", name: "startTime", internalType: "uint40" },
          { type: "uint32", name: "duration", internalType: "uint32" },
          { type: "address[]", name: "assets", internalType: "address[]" },
          { type: "uint96[]", name: "weights", internalType: "uint96[]" },
          { type: "address[]", name: "operators", internalType: "address[]" },
          { type: "uint256[]", name: "operatorAmounts", internalType: "uint256[]" },
        ],
      },
    ],
    outputs: [{ type: "uint64", name: "programId", internalType: "uint64" }],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "cumulativeClaimed",
    inputs: [
      { type: "address", name: "earner", internalType: "address" },
      { type: "address", name: "token", internalType: "address" },
    ],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "disableRoot",
    inputs: [{ type: "uint32", name: "rootIndex", internalType: "uint32" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "getRoot",
    inputs: [{ type: "uint32", name: "rootIndex", internalType: "uint32" }],
    outputs: [
      {
        type: "tuple",
        name: "",
        internalType: "struct DistributionRoot",
        components: [
          { type: "bytes32", name: "root", internalType: "bytes32" },
          { type: "uint40", name: "calculatedUntil", internalType: "uint40" },
          { type: "uint40", name: "activatesAt", internalType: "uint40" },
          { type: "bool", name: "disabled", internalType: "bool" },
        ],
      },
    ],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "latestActiveRootIndex",
    inputs: [],
    outputs: [{ type: "uint32", name: "", internalType: "uint32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "leafOf",
    inputs: [
      { type: "address", name: "earner", internalType: "address" },
      { type: "address", name: "token", internalType: "address" },
      { type: "uint256", name: "cumulativeAmount", internalType: "uint256" },
    ],
    outputs: [{ type: "bytes32", name: "", internalType: "bytes32" }],
    stateMutability: "pure",
  },
  {
    type: "function",
    name: "owner",
    inputs: [],
    outputs: [{ type: "address", name: "", internalType: "address" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "pause",
    inputs: [{ type: "uint8", name: "flags", internalType: "uint8" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "pausedFlags",
    inputs: [],
    outputs: [{ type: "uint8", name: "", internalType: "uint8" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "pendingOwner",
    inputs: [],
    outputs: [{ type: "address", name: "", internalType: "address" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "programCount",
    inputs: [],
    outputs: [{ type: "uint64", name: "", internalType: "uint64" }],
    stateMutability: "view",
  },
  { type: "function", name: "renounceOwnership", inputs: [], outputs: [], stateMutability: "pure" },
  {
    type: "function",
    name: "rewardsUpdater",
    inputs: [],
    outputs: [{ type: "address", name: "", internalType: "address" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "rootCount",
    inputs: [],
    outputs: [{ type: "uint32", name: "", internalType: "uint32" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "setActivationDelay",
    inputs: [{ type: "uint32", name: "delay", internalType: "uint32" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "setClaimer",
    inputs: [{ type: "address", name: "claimer", internalType: "address" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "setRewardsUpdater",
    inputs: [{ type: "address", name: "updater", internalType: "address" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "submitRoot",
    inputs: [
      { type: "bytes32", name: "root", internalType: "bytes32" },
      { type: "uint40", name: "calculatedUntil", internalType: "uint40" },
    ],
    outputs: [{ type: "uint32", name: "rootIndex", internalType: "uint32" }],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "totalClaimed",
    inputs: [{ type: "address", name: "token", internalType: "address" }],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "totalFunded",
    inputs: [{ type: "address", name: "token", internalType: "address" }],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "transferOwnership",
    inputs: [{ type: "address", name: "newOwner", internalType: "address" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "unpause",
    inputs: [{ type: "uint8", name: "flags", internalType: "uint8" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "event",
    name: "ActivationDelaySet",
    inputs: [{ type: "uint32", name: "delay", indexed: false, internalType: "uint32" }],
    anonymous: false,
  },
  {
    type: "event",
    name: "ClaimerSet",
    inputs: [
      { type: "address", name: "earner", indexed: true, internalType: "address" },
      { type: "address", name: "claimer", indexed: true, internalType: "address" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "DistributionRootDisabled",
    inputs: [{ type: "uint32", name: "rootIndex", indexed: true, internalType: "uint32" }],
    anonymous: false,
  },
  {
    type: "event",
    name: "DistributionRootSubmitted",
    inputs: [
      { type: "uint32", name: "rootIndex", indexed: true, internalType: "uint32" },
      { type: "bytes32", name: "root", indexed: false, internalType: "bytes32" },
      { type: "uint40", name: "calculatedUntil", indexed: false, internalType: "uint40" },
      { type: "uint40", name: "activatesAt", indexed: false, internalType: "uint40" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "OwnershipTransferStarted",
    inputs: [
      { type: "address", name: "previousOwner", indexed: true, internalType: "address" },
      { type: "address", name: "newOwner", indexed: true, internalType: "address" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "OwnershipTransferred",
    inputs: [
      { type: "address", name: "previousOwner", indexed: true, internalType: "address" },
      { type: "address", name: "newOwner", indexed: true, internalType: "address" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "PausedFlagsSet",
    inputs: [{ type: "uint8", name: "flags", indexed: false, internalType: "uint8" }],
    anonymous: false,
  },
  {
    type: "event",
    name: "RewardProgramCreated",
    inputs: [
      { type: "uint64", name: "programId", indexed: true, internalType: "uint64" },
      { type: "uint32", name: "setId", indexed: true, internalType: "uint32" },
      { type: "address", name: "service", indexed: true, internalType: "address" },
      {
        type: "tuple",
        name: "params",
        indexed: false,
        internalType: "struct ProgramParams",
        components: [
          { type: "uint32", name: "setId", internalType: "uint32" },
          { type: "uint8", name: "kind", internalType: "enum ProgramKind" },
          { type: "address", name: "token", internalType: "address" },
          { type: "uint256", name: "amount", internalType: "uint256" },
          { type: "uint40", name: "startTime", internalType: "uint40" },
          { type: "uint32", name: "duration", internalType: "uint32" },
          { type: "address[]", name: "assets", internalType: "address[]" },
          { type: "uint96[]", name: "weights", internalType: "uint96[]" },
          { type: "address[]", name: "operators", internalType: "address[]" },
          { type: "uint256[]", name: "operatorAmounts", internalType: "uint256[]" },
        ],
      },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "RewardsClaimed",
    inputs: [
      { type: "uint32", name: "rootIndex", indexed: true, internalType: "uint32" },
      { type: "address", name: "earner", indexed: true, internalType: "address" },
      { type: "address", name: "token", indexed: true, internalType: "address" },
      { type: "address", name: "recipient", indexed: false, internalType: "address" },
      { type: "uint256", name: "amount", indexed: false, internalType: "uint256" },
      { type: "uint256", name: "cumulativeClaimed", indexed: false, internalType: "uint256" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "RewardsUpdaterSet",
    inputs: [{ type: "address", name: "updater", indexed: true, internalType: "address" }],
    anonymous: false,
  },
  {
    type: "error",
    name: "AmountMismatch",
    inputs: [
      { type: "uint256", name: "amount", internalType: "uint256" },
      { type: "uint256", name: "sumOfOperatorAmounts", internalType: "uint256" },
    ],
  },
  {
    type: "error",
    name: "AmountTooLarge",
    inputs: [
      { type: "uint256", name: "amount", internalType: "uint256" },
      { type: "uint256", name: "max", internalType: "uint256" },
    ],
  },
  {
    type: "error",
    name: "AssetNotInSet",
    inputs: [
      { type: "uint32", name: "setId", internalType: "uint32" },
      { type: "address", name: "asset", internalType: "address" },
    ],
  },
  { type: "error", name: "AssetNotListed", inputs: [{ type: "address", name: "asset", internalType: "address" }] },
  {
    type: "error",
    name: "CalculatedUntilDecreasing",
    inputs: [
      { type: "uint40", name: "calculatedUntil", internalType: "uint40" },
      { type: "uint40", name: "previous", internalType: "uint40" },
    ],
  },
  {
    type: "error",
    name: "CalculatedUntilInFuture",
    inputs: [
      { type: "uint40", name: "calculatedUntil", internalType: "uint40" },
      { type: "uint40", name: "now_", internalType: "uint40" },
    ],
  },
  {
    type: "error",
    name: "ClaimExceedsFunding",
    inputs: [
      { type: "address", name: "token", internalType: "address" },
      { type: "uint256", name: "claimedAfter", internalType: "uint256" },
      { type: "uint256", name: "funded", internalType: "uint256" },
    ],
  },
  {
    type: "error",
    name: "DelayOutOfBounds",
    inputs: [
      { type: "uint256", name: "delay", internalType: "uint256" },
      { type: "uint256", name: "min", internalType: "uint256" },
      { type: "uint256", name: "max", internalType: "uint256" },
    ],
  },
  { type: "error", name: "DuplicateAsset", inputs: [{ type: "address", name: "asset", internalType: "address" }] },
  {
    type: "error",
    name: "DurationOutOfBounds",
    inputs: [
      { type: "uint32", name: "duration", internalType: "uint32" },
      { type: "uint32", name: "max", internalType: "uint32" },
    ],
  },
  {
    type: "error",
    name: "InvalidProof",
    inputs: [
      { type: "address", name: "earner", internalType: "address" },
      { type: "address", name: "token", internalType: "address" },
      { type: "uint256", name: "cumulativeAmount", internalType: "uint256" },
    ],
  },
  { type: "error", name: "LengthMismatch", inputs: [] },
  { type: "error", name: "NoAssets", inputs: [] },
  { type: "error", name: "NoClaims", inputs: [] },
  { type: "error", name: "NotAContract", inputs: [{ type: "address", name: "token", internalType: "address" }] },
  {
    type: "error",
    name: "NotClaimer",
    inputs: [
      { type: "address", name: "caller", internalType: "address" },
      { type: "address", name: "earner", internalType: "address" },
    ],
  },
  { type: "error", name: "NotDayAligned", inputs: [{ type: "uint256", name: "value", internalType: "uint256" }] },
  { type: "error", name: "NotPauser", inputs: [{ type: "address", name: "caller", internalType: "address" }] },
  {
    type: "error",
    name: "NotSetService",
    inputs: [
      { type: "address", name: "caller", internalType: "address" },
      { type: "uint32", name: "setId", internalType: "uint32" },
    ],
  },
  { type: "error", name: "NotUnpauser", inputs: [{ type: "address", name: "caller", internalType: "address" }] },
  { type: "error", name: "NotUpdater", inputs: [{ type: "address", name: "caller", internalType: "address" }] },
  {
    type: "error",
    name: "NothingToClaim",
    inputs: [
      { type: "address", name: "earner", internalType: "address" },
      { type: "address", name: "token", internalType: "address" },
      { type: "uint256", name: "cumulativeAmount", internalType: "uint256" },
      { type: "uint256", name: "alreadyClaimed", internalType: "uint256" },
    ],
  },
  {
    type: "error",
    name: "OperatorsMismatch",
    inputs: [
      { type: "uint8", name: "kind", internalType: "enum ProgramKind" },
      { type: "uint256", name: "operators", internalType: "uint256" },
    ],
  },
  {
    type: "error",
    name: "OperatorsNotAscending",
    inputs: [{ type: "address", name: "operator", internalType: "address" }],
  },
  { type: "error", name: "OwnableInvalidOwner", inputs: [{ type: "address", name: "owner", internalType: "address" }] },
  {
    type: "error",
    name: "OwnableUnauthorizedAccount",
    inputs: [{ type: "address", name: "account", internalType: "address" }],
  },
  { type: "error", name: "ReentrancyGuardReentrantCall", inputs: [] },
  { type: "error", name: "RenounceOwnershipDisabled", inputs: [] },
  { type: "error", name: "RewardsPaused", inputs: [{ type: "uint8", name: "flag", internalType: "uint8" }] },
  {
    type: "error",
    name: "RootAlreadyActive",
    inputs: [
      { type: "uint32", name: "rootIndex", internalType: "uint32" },
      { type: "uint40", name: "activatesAt", internalType: "uint40" },
    ],
  },
  { type: "error", name: "RootDisabled", inputs: [{ type: "uint32", name: "rootIndex", internalType: "uint32" }] },
  {
    type: "error",
    name: "RootNotActive",
    inputs: [
      { type: "uint32", name: "rootIndex", internalType: "uint32" },
      { type: "uint40", name: "activatesAt", internalType: "uint40" },
    ],
  },
  {
    type: "error",
    name: "SafeERC20FailedOperation",
    inputs: [{ type: "address", name: "token", internalType: "address" }],
  },
  {
    type: "error",
    name: "StartTooFar",
    inputs: [
      { type: "uint40", name: "startTime", internalType: "uint40" },
      { type: "uint40", name: "latest", internalType: "uint40" },
    ],
  },
  {
    type: "error",
    name: "StartTooOld",
    inputs: [
      { type: "uint40", name: "startTime", internalType: "uint40" },
      { type: "uint40", name: "earliest", internalType: "uint40" },
    ],
  },
  {
    type: "error",
    name: "TransferAmountMismatch",
    inputs: [
      { type: "address", name: "token", internalType: "address" },
      { type: "uint256", name: "expected", internalType: "uint256" },
      { type: "uint256", name: "actual", internalType: "uint256" },
    ],
  },
  { type: "error", name: "UnknownOperatorSet", inputs: [{ type: "uint32", name: "setId", internalType: "uint32" }] },
  { type: "error", name: "UnknownRoot", inputs: [{ type: "uint32", name: "rootIndex", internalType: "uint32" }] },
  { type: "error", name: "ZeroAddress", inputs: [] },
  { type: "error", name: "ZeroAmount", inputs: [] },
  { type: "error", name: "ZeroRoot", inputs: [] },
  { type: "error", name: "ZeroWeight", inputs: [{ type: "address", name: "asset", internalType: "address" }] },
] as const;

/** Creation bytecode of RampartRewards; the ABI-encoded constructor arguments go after it. */
export const rewardsBytecode: `0x${string}` =
  "0x60a060405234801561000f575f5ffd5b506040516132ed3803806132ed83398101604081905261002e91610237565b826001600160a01b03811661005d57604051631e4fbdf760e01b81525f60048201526024015b60405180910390fd5b61006681610150565b506001600160a01b0384161580159061008757506001600160a01b03821615155b6100a45760405163d92e233d60e01b815260040160405180910390fd5b6100ad8161016c565b6001600160a01b03848116608052600280546001600160a01b03191691841691821790556003805463ffffffff191663ffffffff84161790556040517f909d31d60dc6d3c2f6a4a23acdb8f81df4fc26e1ddc280cb4c3653ade436f713905f90a260405163ffffffff821681527ff216965d3262477134aab38b12984aa4bee5265099f5e88a9d73c74ef3b289989060200160405180910390a15050505061029b565b600180546001600160a01b0319169055610169816101d4565b50565b610e1063ffffffff82161080159061018d575062278d0063ffffffff821611155b81610e1062278d009091926101ce576040516318b0f13b60e11b815263ffffffff938416600482015291831660248301529091166044820152606401610054565b50505050565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b6001600160a01b0381168114610169575f5ffd5b5f5f5f5f6080858703121561024a575f5ffd5b845161025581610223565b602086015190945061026681610223565b604086015190935061027781610223565b606086015190925063ffffffff81168114610290575f5ffd5b939692955090935050565b6080516130106102dd5f395f81816105750152818161066101528181610822015281816112f70152818161147701528181611ab70152611baa01526130105ff3fe608060405234801561000f575f5ffd5b506004361061024f575f3560e01c8063900d361a1161013d578063e30c3978116100b8578063f2f4eb2611610088578063f7edd0581161006e578063f7edd058146105ac578063f96abf2e146105c3578063fbf1e2c1146105d6575f5ffd5b8063f2f4eb2614610573578063f2fde38b14610599575f5ffd5b8063e30c397814610526578063edf07f1514610537578063ef5d9ae81461054a578063f1bb36b914610569575f5ffd5b8063b3d18b961161010d578063bffa777d116100f3578063bffa777d1461048c578063cdfb5832146104a0578063e02912a4146104b3575f5ffd5b8063b3d18b961461045a578063bc1c2c291461046d575f5ffd5b8063900d361a146104045780639f7966341461042c578063a370793314610447578063b1724b461461044f575f5ffd5b80635ed271d5116101cd578063863cb9a91161019d5780638ab0e241116101835780638ab0e241146103bd5780638da5cb5b146103c65780638f059613146103ea575f5ffd5b8063863cb9a914610372578063865c695314610385575f5ffd5b80635ed271d51461034757806368c501891461034f578063715018a61461036257806379ba50971461036a575f5ffd5b806327cfe856116102225780633a8c0786116102085780633a8c0786146102f8578063534beffa1461030857806358baaa3e14610334575f5ffd5b806327cfe856146102d9578063301c7e5d146102e3575f5ffd5b80630487a94214610253578063135dd3611461025357806321111bb41461027757806324b9e9a11461027f575b5f5ffd5b61025d62278d0081565b60405163ffffffff90911681526020015b60405180910390f35b60045461025d565b61029261028d366004612650565b6105e9565b60405161026e91905f6080820190508251825264ffffffffff602084015116602083015264ffffffffff604084015116604083015260608301511515606083015292915050565b61025d6201518081565b6102f66102f1366004612680565b61065f565b005b60035461025d9063ffffffff1681565b61031b61031636600461269b565b610794565b60405167ffffffffffffffff909116815260200161026e565b6102f6610342366004612650565b610b77565b61025d610bd0565b61025d61035d3660046126e7565b610c6d565b6102f6610f7e565b6102f6610fb0565b6102f6610380366004612730565b610ff4565b6103af61039336600461274b565b600660209081525f928352604080842090915290825290205481565b60405190815260200161026e565b61025d610e1081565b5f546001600160a01b03165b6040516001600160a01b03909116815260200161026e565b6103f2600281565b60405160ff909116815260200161026e565b6103d2610412366004612730565b60056020525f90815260409020546001600160a01b031681565b60025461031b90600160a01b900467ffffffffffffffff1681565b6103f2600181565b61025d6301e1338081565b6102f6610468366004612782565b61106c565b6103af61047b366004612730565b60076020525f908152604090205481565b6002546103f290600160e01b900460ff1681565b6102f66104ae366004612730565b61128c565b6103af6104c1366004612827565b604080516001600160a01b038086166020830152841691810191909152606081018290525f9060800160408051601f19818403018152828252805160209182012090830152016040516020818303038152906040528051906020012090509392505050565b6001546001600160a01b03166103d2565b6102f6610545366004612680565b6112e2565b6103af610558366004612730565b60086020525f908152604090205481565b61025d6276a70081565b7f00000000000000000000000000000000000000000000000000000000000000006103d2565b6102f66105a7366004612730565b6113f2565b6103af6fffffffffffffffffffffffffffffffff81565b6102f66105d1366004612650565b611462565b6002546103d2906001600160a01b031681565b604080516080810182525f80825260208201819052918101829052606081019190915261061582611611565b604080516080810182528254815260019092015464ffffffffff80821660208501526501000000000082041691830191909152600160501b900460ff161515606082015292915050565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663eab66d7a6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156106bb573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906106df9190612865565b33906001600160a01b03168114610733576040517fae0e00fd0000000000000000000000000000000000000000000000000000000081526001600160a01b0390911660048201526024015b60405180910390fd5b5060028054600160e01b80820484191660ff908116820260ff60e01b19909316929092179283905560405192041681527fc2b7df3d5257f7258f6789130432cfb3d511b1a57fe8c06216f14f207f622d41906020015b60405180910390a150565b5f61079d611673565b6002546001908190600160e01b90048116156107d25760405163bb1b60db60e01b815260ff909116600482015260240161072a565b505f6107e16020850185612650565b6040517fc69c4c1f00000000000000000000000000000000000000000000000000000000815263ffffffff821660048201529091505f906001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000169063c69c4c1f906024015f60405180830381865afa158015610866573d5f5f3e3d5ffd5b505050506040513d5f823e601f3d908101601f1916820160405261088d919081019061299a565b519050816001600160a01b0382166108da576040517f90e8092500000000000000000000000000000000000000000000000000000000815263ffffffff909116600482015260240161072a565b5033826001600160a01b0383168214610936576040517f7a23c2ce0000000000000000000000000000000000000000000000000000000081526001600160a01b03909216600483015263ffffffff16602482015260440161072a565b505f905061094a6060870160408801612730565b90506001600160a01b0381166109735760405163d92e233d60e01b815260040160405180910390fd5b806001600160a01b0381163b6109c1576040517f8a8b41ec0000000000000000000000000000000000000000000000000000000081526001600160a01b03909116600482015260240161072a565b5060608601355f8190036109e857604051631f2a200560e01b815260040160405180910390fd5b806fffffffffffffffffffffffffffffffff80821115610a3d576040517f7f1627030000000000000000000000000000000000000000000000000000000081526004810192909252602482015260440161072a565b50610a689050610a5360a0890160808a01612aba565b610a6360c08a0160a08b01612650565b6116fb565b610a8b84610a7960c08a018a612ad3565b610a8660e08c018c612ad3565b6118ca565b610a9487611c72565b6001600160a01b0382165f9081526007602052604081208054839290610abb908490612b34565b909155505060028054601490610ae190600160a01b900467ffffffffffffffff16612b47565b91906101000a81548167ffffffffffffffff021916908367ffffffffffffffff16021790559550336001600160a01b03168463ffffffff168767ffffffffffffffff167fc89dbc5db4e4632988b9c8c9b11c8eccf06df0ad0d4aa8346ba88a0086268ca98a604051610b539190612ce7565b60405180910390a4610b658282611f13565b5050505050610b7261205d565b919050565b610b7f612087565b610b88816120b3565b6003805463ffffffff191663ffffffff83169081179091556040519081527ff216965d3262477134aab38b12984aa4bee5265099f5e88a9d73c74ef3b2899890602001610789565b6004545f905b8015610c4d57610be581612e1c565b90505f60048281548110610bfb57610bfb612e31565b905f5260205f209060020201905080600101600a9054906101000a900460ff16158015610c3c5750600181015465010000000000900464ffffffffff164210155b15610c475750919050565b50610bd6565b50604051632cf3912760e21b815263ffffffff600482015260240161072a565b6002545f9033906001600160a01b03168114610cc1576040517fd7041e110000000000000000000000000000000000000000000000000000000081526001600160a01b03909116600482015260240161072a565b5082610cf9576040517fb263ae7300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b610d066201518083612e59565b829064ffffffffff1615610d37576040516311b916f960e31b815264ffffffffff909116600482015260240161072a565b5042828164ffffffffff8082169083161115610d90576040517f3345cef900000000000000000000000000000000000000000000000000000000815264ffffffffff92831660048201529116602482015260440161072a565b50506004548015610e2b575f6004610da9600184612e82565b81548110610db957610db9612e31565b5f91825260209091206001600290920201015464ffffffffff9081169150859082908216811115610e27576040517ff40d04f300000000000000000000000000000000000000000000000000000000815264ffffffffff92831660048201529116602482015260440161072a565b5050505b6003545f90610e409063ffffffff1684612e95565b6040805160808101825288815264ffffffffff808916602083019081528185168385019081525f60608501818152600480546001810182559252945160029091027f8a35acfbc15ff81a39ae7d344fd709f28e8600b4aa8c65c6b64bfe7fe36bd19b81019190915591517f8a35acfbc15ff81a39ae7d344fd709f28e8600b4aa8c65c6b64bfe7fe36bd19c9092018054915194511515600160501b026aff0000000000000000000019958516650100000000000269ffffffffffffffffffff199093169390941692909217179290921617905551929450849290915063ffffffff8316907faa535a00080a4908e47604ef6601186d9be70fab2014300d52ab17d0921bfaeb90610f6d9089908990869092835264ffffffffff918216602084015216604082015260600190565b60405180910390a250505092915050565b6040517fffc0fd9300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b60015433906001600160a01b03168114610fe85760405163118cdaa760e01b81526001600160a01b038216600482015260240161072a565b610ff181612134565b50565b610ffc612087565b6001600160a01b0381166110235760405163d92e233d60e01b815260040160405180910390fd5b600280546001600160a01b0319166001600160a01b0383169081179091556040517f909d31d60dc6d3c2f6a4a23acdb8f81df4fc26e1ddc280cb4c3653ade436f713905f90a250565b611074611673565b600280548190600160e01b90048116156110a75760405163bb1b60db60e01b815260ff909116600482015260240161072a565b505f8290036110e2576040517fe120557300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6001600160a01b0384166111095760405163d92e233d60e01b815260040160405180910390fd5b336001600160a01b038616148061113857506001600160a01b038581165f908152600560205260409020541633145b33869091611185576040517f44162fc50000000000000000000000000000000000000000000000000000000081526001600160a01b0392831660048201529116602482015260440161072a565b50505f61119187611611565b60018101549091508790600160501b900460ff16156111cc576040516328da57a160e11b815263ffffffff909116600482015260240161072a565b506001810154879065010000000000900464ffffffffff1642811115611233576040517f0540576200000000000000000000000000000000000000000000000000000000815263ffffffff909216600483015264ffffffffff16602482015260440161072a565b505080545f5b848110156112795761127189838a8a8a8a8781811061125a5761125a612e31565b905060200281019061126c9190612eb2565b61214d565b600101611239565b5050505061128561205d565b5050505050565b335f8181526005602052604080822080546001600160a01b0319166001600160a01b03861690811790915590519092917f4925eafc82d0c4d67889898eeed64b18488ab19811e61620f387026dec126a2891a350565b60405163237dfb4760e11b81523360048201527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316906346fbf68e90602401602060405180830381865afa158015611344573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906113689190612edf565b3390611393576040516310351a3760e11b81526001600160a01b03909116600482015260240161072a565b506002805460ff60e01b198116600160e01b9182900460ff90811685821617830291909117928390556040519190920490911681527fc2b7df3d5257f7258f6789130432cfb3d511b1a57fe8c06216f14f207f622d4190602001610789565b6113fa612087565b600180546001600160a01b0383166001600160a01b0319909116811790915561142a5f546001600160a01b031690565b6001600160a01b03167f38d16b8cac22d99fc7c124b9cd0de2d3fa1faef420bfe791d8c362d765e2270060405160405180910390a350565b60405163237dfb4760e11b81523360048201527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316906346fbf68e90602401602060405180830381865afa1580156114c4573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906114e89190612edf565b3390611513576040516310351a3760e11b81526001600160a01b03909116600482015260240161072a565b505f61151e82611611565b6001810154909150829065010000000000900464ffffffffff16428111611586576040517fbab8b1d700000000000000000000000000000000000000000000000000000000815263ffffffff909216600483015264ffffffffff16602482015260440161072a565b505060018101548290600160501b900460ff16156115c0576040516328da57a160e11b815263ffffffff909116600482015260240161072a565b506001810180546aff000000000000000000001916600160501b17905560405163ffffffff8316907fd850e6e5dfa497b72661fa73df2923464eaed9dc2ff1d3cb82bccbfeabe5c41e905f90a25050565b6004545f90829063ffffffff82161061164657604051632cf3912760e21b815263ffffffff909116600482015260240161072a565b5060048263ffffffff168154811061166057611660612e31565b905f5260205f2090600202019050919050565b7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005c156116cc576040517f3ee5aeb500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6116f960017f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005b906122b7565b565b6117086201518083612e59565b829064ffffffffff1615611739576040516311b916f960e31b815264ffffffffff909116600482015260240161072a565b506117476201518082612ef8565b819063ffffffff1615611776576040516311b916f960e31b815263ffffffff909116600482015260240161072a565b5063ffffffff81161580159061179657506301e1338063ffffffff821611155b816301e1338090916117e4576040517f36e0131000000000000000000000000000000000000000000000000000000000815263ffffffff92831660048201529116602482015260440161072a565b505f905062278d0042116117f8575f611805565b61180562278d0042612e82565b9050828164ffffffffff821681111561185b576040517fb9a0797400000000000000000000000000000000000000000000000000000000815264ffffffffff92831660048201529116602482015260440161072a565b505f905061186c6276a70042612b34565b9050838164ffffffffff82168110156118c2576040517f60662b8900000000000000000000000000000000000000000000000000000000815264ffffffffff92831660048201529116602482015260440161072a565b505050505050565b5f839003611904576040517f5373815f00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b82811461193d576040517fff633a3800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f5b838110156118c2575f85858381811061195a5761195a612e31565b905060200201602081019061196f9190612730565b90505f5b82811015611a0457816001600160a01b031687878381811061199757611997612e31565b90506020020160208101906119ac9190612730565b6001600160a01b0316141582906119fb576040517f437a40b10000000000000000000000000000000000000000000000000000000081526001600160a01b03909116600482015260240161072a565b50600101611973565b50838383818110611a1757611a17612e31565b9050602002016020810190611a2c9190612f1f565b81906bffffffffffffffffffffffff16611a7e576040517f168cecf70000000000000000000000000000000000000000000000000000000081526001600160a01b03909116600482015260240161072a565b506040517f30b8b2c60000000000000000000000000000000000000000000000000000000081526001600160a01b0382811660048301527f000000000000000000000000000000000000000000000000000000000000000016906330b8b2c690602401608060405180830381865afa158015611afc573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190611b209190612f57565b518190611b65576040517fd0957f1f0000000000000000000000000000000000000000000000000000000081526001600160a01b03909116600482015260240161072a565b506040517f2ca2f9f400000000000000000000000000000000000000000000000000000000815263ffffffff881660048201526001600160a01b0382811660248301527f00000000000000000000000000000000000000000000000000000000000000001690632ca2f9f490604401602060405180830381865afa158015611bef573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190611c139190612edf565b87829091611c64576040517fc6f7b76200000000000000000000000000000000000000000000000000000000815263ffffffff90921660048301526001600160a01b0316602482015260440161072a565b50505080600101905061193f565b365f611c82610100840184612ad3565b9092509050365f611c97610120860186612ad3565b90925090505f611cad6040870160208801612fb8565b6001811115611cbe57611cbe612b81565b03611d0a5782158015611ccf575080155b611cdf6040870160208801612fb8565b908490611d0157604051632bc2cf7960e11b815260040161072a929190612fd1565b50505050505050565b821515611d1d6040870160208801612fb8565b5f9091611d3f57604051632bc2cf7960e11b815260040161072a929190612fd1565b5050828114611d7a576040517fff633a3800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f84848281611d8b57611d8b612e31565b9050602002016020810190611da09190612730565b6001600160a01b031603611dc75760405163d92e233d60e01b815260040160405180910390fd5b5f5f5f5b85811015611ebf575f878783818110611de657611de6612e31565b9050602002016020810190611dfb9190612730565b9050826001600160a01b0316816001600160a01b0316118190611e56576040517ffaae162a0000000000000000000000000000000000000000000000000000000081526001600160a01b03909116600482015260240161072a565b50858583818110611e6957611e69612e31565b905060200201355f03611e8f57604051631f2a200560e01b815260040160405180910390fd5b858583818110611ea157611ea1612e31565b9050602002013584611eb39190612b34565b93509150600101611dcb565b50606087013582808214611f08576040517fce6b173b0000000000000000000000000000000000000000000000000000000081526004810192909252602482015260440161072a565b505050505050505050565b6040516370a0823160e01b81523060048201525f906001600160a01b038416906370a0823190602401602060405180830381865afa158015611f57573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190611f7b9190612fec565b9050611f926001600160a01b0384163330856122be565b6040516370a0823160e01b81523060048201525f9082906001600160a01b038616906370a0823190602401602060405180830381865afa158015611fd8573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190611ffc9190612fec565b6120069190612e82565b9050838382818114611d01576040517f541b1c9e0000000000000000000000000000000000000000000000000000000081526001600160a01b0390931660048401526024830191909152604482015260640161072a565b6116f95f7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f006116f3565b5f546001600160a01b031633146116f95760405163118cdaa760e01b815233600482015260240161072a565b610e1063ffffffff8216108015906120d4575062278d0063ffffffff821611155b81610e1062278d0090919261212e576040517f3161e27600000000000000000000000000000000000000000000000000000000815263ffffffff93841660048201529183166024830152909116604482015260640161072a565b50505050565b600180546001600160a01b0319169055610ff18161233a565b5f61215b6020830183612730565b905060208201356121d66121726040850185612ad3565b604080516001600160a01b03808b166020808401919091529088168284015260608083018890528351808403909101815260808301845280519082012060a0808401919091528351808403909101815260c090920190925280519101208990612389565b85838390919261222c576040517f62d714920000000000000000000000000000000000000000000000000000000081526001600160a01b039384166004820152929091166024830152604482015260640161072a565b5050505f61223b8684846123a0565b604080516001600160a01b03888116825260208201849052918101859052919250808516919088169063ffffffff8b16907f741e129da114685363f278ed014f2e0ef13d6d81cf457a01830f34ecf24ff9419060600160405180910390a46122ad6001600160a01b0384168683612507565b5050505050505050565b80825d5050565b6040516001600160a01b03848116602483015283811660448301526064820183905261212e9186918216906323b872dd906084015b604051602081830303815290604052915060e01b6020820180517bffffffffffffffffffffffffffffffffffffffffffffffffffffffff838183161783525050505061253d565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b5f826123968686856125c2565b1495945050505050565b6001600160a01b038084165f90815260066020908152604080832093861683529290529081205484848483808211612423576040517fd3ac54e00000000000000000000000000000000000000000000000000000000081526001600160a01b0394851660048201529390921660248401526044830152606482015260840161072a565b5050505080836124339190612e82565b6001600160a01b0385165f908152600860205260408120549193509061245a908490612b34565b6001600160a01b0386165f90815260076020526040902054909150858282808211156124cb576040517ffbaf6a630000000000000000000000000000000000000000000000000000000081526001600160a01b0390931660048401526024830191909152604482015260640161072a565b5050506001600160a01b039687165f90815260066020908152604080832098909916825296875287812095909555506008909452509290205590565b6040516001600160a01b0383811660248301526044820183905261253891859182169063a9059cbb906064016122f3565b505050565b5f5f60205f8451602086015f885af18061255c576040513d5f823e3d81fd5b50505f513d91508115612573578060011415612580565b6001600160a01b0384163b155b1561212e576040517f5274afe70000000000000000000000000000000000000000000000000000000081526001600160a01b038516600482015260240161072a565b5f81815b848110156125fa576125f0828787848181106125e4576125e4612e31565b90506020020135612603565b91506001016125c6565b50949350505050565b5f81831061261d575f82815260208490526040902061262b565b5f8381526020839052604090205b90505b92915050565b63ffffffff81168114610ff1575f5ffd5b8035610b7281612634565b5f60208284031215612660575f5ffd5b813561266b81612634565b9392505050565b60ff81168114610ff1575f5ffd5b5f60208284031215612690575f5ffd5b813561266b81612672565b5f602082840312156126ab575f5ffd5b813567ffffffffffffffff8111156126c1575f5ffd5b8201610140818503121561266b575f5ffd5b803564ffffffffff81168114610b72575f5ffd5b5f5f604083850312156126f8575f5ffd5b82359150612708602084016126d3565b90509250929050565b6001600160a01b0381168114610ff1575f5ffd5b8035610b7281612711565b5f60208284031215612740575f5ffd5b813561266b81612711565b5f5f6040838503121561275c575f5ffd5b823561276781612711565b9150602083013561277781612711565b809150509250929050565b5f5f5f5f5f60808688031215612796575f5ffd5b85356127a181612634565b945060208601356127b181612711565b935060408601356127c181612711565b9250606086013567ffffffffffffffff8111156127dc575f5ffd5b8601601f810188136127ec575f5ffd5b803567ffffffffffffffff811115612802575f5ffd5b8860208260051b8401011115612816575f5ffd5b959894975092955050506020019190565b5f5f5f60608486031215612839575f5ffd5b833561284481612711565b9250602084013561285481612711565b929592945050506040919091013590565b5f60208284031215612875575f5ffd5b815161266b81612711565b634e487b7160e01b5f52604160045260245ffd5b6040516080810167ffffffffffffffff811182821017156128b7576128b7612880565b60405290565b60405160a0810167ffffffffffffffff811182821017156128b7576128b7612880565b604051601f8201601f1916810167ffffffffffffffff8111828210171561290957612909612880565b604052919050565b5f82601f830112612920575f5ffd5b815167ffffffffffffffff81111561293a5761293a612880565b8060051b61294a602082016128e0565b91825260208185018101929081019086841115612965575f5ffd5b6020860192505b8383101561299057825161297f81612711565b82526020928301929091019061296c565b9695505050505050565b5f602082840312156129aa575f5ffd5b815167ffffffffffffffff8111156129c0575f5ffd5b82018084036101008112156129d3575f5ffd5b6129db612894565b82516129e681612711565b815260208301516129f681612711565b602082015260a0603f1983011215612a0c575f5ffd5b612a146128bd565b91506040830151612a2481612634565b82526060830151612a3481612634565b6020830152608083015167ffffffffffffffff81168114612a53575f5ffd5b604083015260a0830151612a6681612711565b606083015260c0830151612a7981612711565b6080830152604081019190915260e08201519067ffffffffffffffff821115612aa0575f5ffd5b612aac86838501612911565b606082015295945050505050565b5f60208284031215612aca575f5ffd5b61262b826126d3565b5f5f8335601e19843603018112612ae8575f5ffd5b83018035915067ffffffffffffffff821115612b02575f5ffd5b6020019150600581901b3603821315612b19575f5ffd5b9250929050565b634e487b7160e01b5f52601160045260245ffd5b8082018082111561262e5761262e612b20565b5f67ffffffffffffffff821667ffffffffffffffff8103612b6a57612b6a612b20565b60010192915050565b803560028110610b72575f5ffd5b634e487b7160e01b5f52602160045260245ffd5b60028110612bb157634e487b7160e01b5f52602160045260245ffd5b9052565b5f5f8335601e19843603018112612bca575f5ffd5b830160208101925035905067ffffffffffffffff811115612be9575f5ffd5b8060051b3603821315612b19575f5ffd5b8183526020830192505f815f5b84811015612c38578135612c1a81612711565b6001600160a01b031686526020958601959190910190600101612c07565b5093949350505050565b80356bffffffffffffffffffffffff81168114610b72575f5ffd5b8183526020830192505f815f5b84811015612c38576bffffffffffffffffffffffff612c8883612c42565b1686526020958601959190910190600101612c6a565b8183525f7f07ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff831115612cce575f5ffd5b8260051b80836020870137939093016020019392505050565b60208152612d0560208201612cfb84612645565b63ffffffff169052565b5f612d1260208401612b73565b612d1f6040840182612b95565b50612d2c60408401612725565b6001600160a01b0381166060840152506060830135608083810191909152612d559084016126d3565b64ffffffffff811660a084015250612d6f60a08401612645565b63ffffffff811660c084015250612d8960c0840184612bb5565b61014060e0850152612da061016085018284612bfa565b915050612db060e0850185612bb5565b848303601f1901610100860152612dc8838284612c5d565b92505050612dda610100850185612bb5565b848303601f1901610120860152612df2838284612bfa565b92505050612e04610120850185612bb5565b848303601f1901610140860152612990838284612c9e565b5f81612e2a57612e2a612b20565b505f190190565b634e487b7160e01b5f52603260045260245ffd5b634e487b7160e01b5f52601260045260245ffd5b5f64ffffffffff831680612e6f57612e6f612e45565b8064ffffffffff84160691505092915050565b8181038181111561262e5761262e612b20565b64ffffffffff818116838216019081111561262e5761262e612b20565b5f8235605e19833603018112612ec6575f5ffd5b9190910192915050565b80518015158114610b72575f5ffd5b5f60208284031215612eef575f5ffd5b61262b82612ed0565b5f63ffffffff831680612f0d57612f0d612e45565b8063ffffffff84160691505092915050565b5f60208284031215612f2f575f5ffd5b61262b82612c42565b80516fffffffffffffffffffffffffffffffff81168114610b72575f5ffd5b5f6080828403128015612f68575f5ffd5b50612f71612894565b612f7a83612ed0565b81526020830151612f8a81612672565b6020820152612f9b60408401612f38565b6040820152612fac60608401612f38565b60608201529392505050565b5f60208284031215612fc8575f5ffd5b61262b82612b73565b60408101612fdf8285612b95565b8260208301529392505050565b5f60208284031215612ffc575f5ffd5b505191905056fea164736f6c634300081e000a";

/**
 * IOperatorSetRegistrar (contracts/src/interfaces/IOperatorSetRegistrar.sol).
 * Interface of the eligibility hook a service may attach to an operator set.
 */
export const operatorSetRegistrarAbi = [
  {
    type: "function",
    name: "onJoin",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "uint32", name: "setId", internalType: "uint32" },
      { type: "bytes", name: "data", internalType: "bytes" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "onLeave",
    inputs: [
      { type: "address", name: "operator", internalType: "address" },
      { type: "uint32", name: "setId", internalType: "uint32" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
] as const;

/**
 * LocalStandInLST (contracts/src/local/LocalStandInLST.sol).
 * LOCAL NETWORK ONLY: a stand-in liquid staking token whose exchangeRate() grows like staking yield
 * (constructor: name, symbol, initialRate WAD, aprBps). Anyone can mint. Never deploy it on a real chain.
 */
export const localStandInLstAbi = [
  {
    type: "constructor",
    inputs: [
      { type: "string", name: "name_", internalType: "string" },
      { type: "string", name: "symbol_", internalType: "string" },
      { type: "uint256", name: "initialRate_", internalType: "uint256" },
      { type: "uint256", name: "aprBps_", internalType: "uint256" },
    ],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "allowance",
    inputs: [
      { type: "address", name: "owner", internalType: "address" },
      { type: "address", name: "spender", internalType: "address" },
    ],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "approve",
    inputs: [
      { type: "address", name: "spender", internalType: "address" },
      { type: "uint256", name: "value", internalType: "uint256" },
    ],
    outputs: [{ type: "bool", name: "", internalType: "bool" }],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "aprBps",
    inputs: [],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "balanceOf",
    inputs: [{ type: "address", name: "account", internalType: "address" }],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "decimals",
    inputs: [],
    outputs: [{ type: "uint8", name: "", internalType: "uint8" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "exchangeRate",
    inputs: [],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "initialRate",
    inputs: [],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "mint",
    inputs: [
      { type: "address", name: "to", internalType: "address" },
      { type: "uint256", name: "amount", internalType: "uint256" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "name",
    inputs: [],
    outputs: [{ type: "string", name: "", internalType: "string" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "startTime",
    inputs: [],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "symbol",
    inputs: [],
    outputs: [{ type: "string", name: "", internalType: "string" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "totalSupply",
    inputs: [],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "transfer",
    inputs: [
      { type: "address", name: "to", internalType: "address" },
      { type: "uint256", name: "value", internalType: "uint256" },
    ],
    outputs: [{ type: "bool", name: "", internalType: "bool" }],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "transferFrom",
    inputs: [
      { type: "address", name: "from", internalType: "address" },
      { type: "address", name: "to", internalType: "address" },
      { type: "uint256", name: "value", internalType: "uint256" },
    ],
    outputs: [{ type: "bool", name: "", internalType: "bool" }],
    stateMutability: "nonpayable",
  },
  {
    type: "event",
    name: "Approval",
    inputs: [
      { type: "address", name: "owner", indexed: true, internalType: "address" },
      { type: "address", name: "spender", indexed: true, internalType: "address" },
      { type: "uint256", name: "value", indexed: false, internalType: "uint256" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "Transfer",
    inputs: [
      { type: "address", name: "from", indexed: true, internalType: "address" },
      { type: "address", name: "to", indexed: true, internalType: "address" },
      { type: "uint256", name: "value", indexed: false, internalType: "uint256" },
    ],
    anonymous: false,
  },
  {
    type: "error",
    name: "ERC20InsufficientAllowance",
    inputs: [
      { type: "address", name: "spender", internalType: "address" },
      { type: "uint256", name: "allowance", internalType: "uint256" },
      { type: "uint256", name: "needed", internalType: "uint256" },
    ],
  },
  {
    type: "error",
    name: "ERC20InsufficientBalance",
    inputs: [
      { type: "address", name: "sender", internalType: "address" },
      { type: "uint256", name: "balance", internalType: "uint256" },
      { type: "uint256", name: "needed", internalType: "uint256" },
    ],
  },
  {
    type: "error",
    name: "ERC20InvalidApprover",
    inputs: [{ type: "address", name: "approver", internalType: "address" }],
  },
  {
    type: "error",
    name: "ERC20InvalidReceiver",
    inputs: [{ type: "address", name: "receiver", internalType: "address" }],
  },
  { type: "error", name: "ERC20InvalidSender", inputs: [{ type: "address", name: "sender", internalType: "address" }] },
  {
    type: "error",
    name: "ERC20InvalidSpender",
    inputs: [{ type: "address", name: "spender", internalType: "address" }],
  },
] as const;

/** Creation bytecode of LocalStandInLST; the ABI-encoded constructor arguments go after it. */
export const localStandInLstBytecode: `0x${string}` =
  "0x60e060405234801561000f575f5ffd5b50604051610c6c380380610c6c83398101604081905261002e916100fd565b8383600361003c83826101f5565b50600461004982826101f5565b50505060809190915260a05250504260c0526102af565b634e487b7160e01b5f52604160045260245ffd5b5f82601f830112610083575f5ffd5b81516001600160401b0381111561009c5761009c610060565b604051601f8201601f19908116603f011681016001600160401b03811182821017156100ca576100ca610060565b6040528181528382016020018510156100e1575f5ffd5b8160208501602083015e5f918101602001919091529392505050565b5f5f5f5f60808587031215610110575f5ffd5b84516001600160401b03811115610125575f5ffd5b61013187828801610074565b602087015190955090506001600160401b0381111561014e575f5ffd5b61015a87828801610074565b604087015160609097015195989097509350505050565b600181811c9082168061018557607f821691505b6020821081036101a357634e487b7160e01b5f52602260045260245ffd5b50919050565b601f8211156101f057805f5260205f20601f840160051c810160208510156101ce5750805b601f840160051c820191505b818110156101ed575f81556001016101da565b50505b505050565b81516001600160401b0381111561020e5761020e610060565b6102228161021c8454610171565b846101a9565b6020601f821160018114610254575f831561023d5750848201515b5f19600385901b1c1916600184901b1784556101ed565b5f84815260208120601f198516915b828110156102835787850151825560209485019460019092019101610263565b50848210156102a057868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b60805160a05160c0516109776102f55f395f81816101cb015261034a01525f8181610151015261037401525f81816101f90152818161039501526103d301526109775ff3fe608060405234801561000f575f5ffd5b50600436106100e5575f3560e01c806340c10f191161008857806395d89b411161006357806395d89b41146101ef5780639e51051f146101f7578063a9059cbb1461021d578063dd62ed3e14610230575f5ffd5b806340c10f191461018c57806370a08231146101a157806378e97925146101c9575f5ffd5b806323b872dd116100c357806323b872dd1461013c57806325ac1df21461014f578063313ce567146101755780633ba0b9a914610184575f5ffd5b806306fdde03146100e9578063095ea7b31461010757806318160ddd1461012a575b5f5ffd5b6100f1610268565b6040516100fe91906107bf565b60405180910390f35b61011a61011536600461080f565b6102f8565b60405190151581526020016100fe565b6002545b6040519081526020016100fe565b61011a61014a366004610837565b610311565b7f000000000000000000000000000000000000000000000000000000000000000061012e565b604051601281526020016100fe565b61012e610334565b61019f61019a36600461080f565b6103fc565b005b61012e6101af366004610871565b6001600160a01b03165f9081526020819052604090205490565b7f000000000000000000000000000000000000000000000000000000000000000061012e565b6100f161040a565b7f000000000000000000000000000000000000000000000000000000000000000061012e565b61011a61022b36600461080f565b610419565b61012e61023e366004610891565b6001600160a01b039182165f90815260016020908152604080832093909416825291909152205490565b606060038054610277906108c2565b80601f01602080910402602001604051908101604052809291908181526020018280546102a3906108c2565b80156102ee5780601f106102c5576101008083540402835291602001916102ee565b820191905f5260205f20905b8154815290600101906020018083116102d157829003601f168201915b5050505050905090565b5f33610305818585610426565b60019150505b92915050565b5f3361031e858285610438565b6103298585856104d2565b506001949350505050565b5f6103456301e1338061271061090e565b61036f7f000000000000000000000000000000000000000000000000000000000000000042610925565b6103b97f00000000000000000000000000000000000000000000000000000000000000007f000000000000000000000000000000000000000000000000000000000000000061090e565b6103c3919061090e565b6103cd9190610938565b6103f7907f0000000000000000000000000000000000000000000000000000000000000000610957565b905090565b6104068282610548565b5050565b606060048054610277906108c2565b5f336103058185856104d2565b610433838383600161057c565b505050565b6001600160a01b038381165f908152600160209081526040808320938616835292905220545f198110156104cc57818110156104be576040517ffb8f41b20000000000000000000000000000000000000000000000000000000081526001600160a01b038416600482015260248101829052604481018390526064015b60405180910390fd5b6104cc84848484035f61057c565b50505050565b6001600160a01b038316610514576040517f96c6fd1e0000000000000000000000000000000000000000000000000000000081525f60048201526024016104b5565b6001600160a01b03821661053d5760405163ec442f0560e01b81525f60048201526024016104b5565b610433838383610680565b6001600160a01b0382166105715760405163ec442f0560e01b81525f60048201526024016104b5565b6104065f8383610680565b6001600160a01b0384166105be576040517fe602df050000000000000000000000000000000000000000000000000000000081525f60048201526024016104b5565b6001600160a01b038316610600576040517f94280d620000000000000000000000000000000000000000000000000000000081525f60048201526024016104b5565b6001600160a01b038085165f90815260016020908152604080832093871683529290522082905580156104cc57826001600160a01b0316846001600160a01b03167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b9258460405161067291815260200190565b60405180910390a350505050565b6001600160a01b0383166106aa578060025f82825461069f9190610957565b909155506107339050565b6001600160a01b0383165f9081526020819052604090205481811015610715576040517fe450d38c0000000000000000000000000000000000000000000000000000000081526001600160a01b038516600482015260248101829052604481018390526064016104b5565b6001600160a01b0384165f9081526020819052604090209082900390555b6001600160a01b03821661074f5760028054829003905561076d565b6001600160a01b0382165f9081526020819052604090208054820190555b816001600160a01b0316836001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef836040516107b291815260200190565b60405180910390a3505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b80356001600160a01b038116811461080a575f5ffd5b919050565b5f5f60408385031215610820575f5ffd5b610829836107f4565b946020939093013593505050565b5f5f5f60608486031215610849575f5ffd5b610852846107f4565b9250610860602085016107f4565b929592945050506040919091013590565b5f60208284031215610881575f5ffd5b61088a826107f4565b9392505050565b5f5f604083850312156108a2575f5ffd5b6108ab836107f4565b91506108b9602084016107f4565b90509250929050565b600181811c908216806108d657607f821691505b6020821081036108f457634e487b7160e01b5f52602260045260245ffd5b50919050565b634e487b7160e01b5f52601160045260245ffd5b808202811582820484141761030b5761030b6108fa565b8181038181111561030b5761030b6108fa565b5f8261095257634e487b7160e01b5f52601260045260245ffd5b500490565b8082018082111561030b5761030b6108fa56fea164736f6c634300081e000a";

/**
 * LocalStandInWETH (contracts/src/local/LocalStandInWETH.sol).
 * LOCAL NETWORK ONLY: a stand-in WETH (deposit ETH 1:1, withdraw). Never deploy it on a real chain.
 */
export const localStandInWethAbi = [
  { type: "constructor", inputs: [], stateMutability: "nonpayable" },
  { type: "receive", stateMutability: "payable" },
  {
    type: "function",
    name: "allowance",
    inputs: [
      { type: "address", name: "owner", internalType: "address" },
      { type: "address", name: "spender", internalType: "address" },
    ],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "approve",
    inputs: [
      { type: "address", name: "spender", internalType: "address" },
      { type: "uint256", name: "value", internalType: "uint256" },
    ],
    outputs: [{ type: "bool", name: "", internalType: "bool" }],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "balanceOf",
    inputs: [{ type: "address", name: "account", internalType: "address" }],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "decimals",
    inputs: [],
    outputs: [{ type: "uint8", name: "", internalType: "uint8" }],
    stateMutability: "view",
  },
  { type: "function", name: "deposit", inputs: [], outputs: [], stateMutability: "payable" },
  {
    type: "function",
    name: "name",
    inputs: [],
    outputs: [{ type: "string", name: "", internalType: "string" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "symbol",
    inputs: [],
    outputs: [{ type: "string", name: "", internalType: "string" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "totalSupply",
    inputs: [],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "transfer",
    inputs: [
      { type: "address", name: "to", internalType: "address" },
      { type: "uint256", name: "value", internalType: "uint256" },
    ],
    outputs: [{ type: "bool", name: "", internalType: "bool" }],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "transferFrom",
    inputs: [
      { type: "address", name: "from", internalType: "address" },
      { type: "address", name: "to", internalType: "address" },
      { type: "uint256", name: "value", internalType: "uint256" },
    ],
    outputs: [{ type: "bool", name: "", internalType: "bool" }],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "withdraw",
    inputs: [{ type: "uint256", name: "amount", internalType: "uint256" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "event",
    name: "Approval",
    inputs: [
      { type: "address", name: "owner", indexed: true, internalType: "address" },
      { type: "address", name: "spender", indexed: true, internalType: "address" },
      { type: "uint256", name: "value", indexed: false, internalType: "uint256" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "Transfer",
    inputs: [
      { type: "address", name: "from", indexed: true, internalType: "address" },
      { type: "address", name: "to", indexed: true, internalType: "address" },
      { type: "uint256", name: "value", indexed: false, internalType: "uint256" },
    ],
    anonymous: false,
  },
  {
    type: "error",
    name: "ERC20InsufficientAllowance",
    inputs: [
      { type: "address", name: "spender", internalType: "address" },
      { type: "uint256", name: "allowance", internalType: "uint256" },
      { type: "uint256", name: "needed", internalType: "uint256" },
    ],
  },
  {
    type: "error",
    name: "ERC20InsufficientBalance",
    inputs: [
      { type: "address", name: "sender", internalType: "address" },
      { type: "uint256", name: "balance", internalType: "uint256" },
      { type: "uint256", name: "needed", internalType: "uint256" },
    ],
  },
  {
    type: "error",
    name: "ERC20InvalidApprover",
    inputs: [{ type: "address", name: "approver", internalType: "address" }],
  },
  {
    type: "error",
    name: "ERC20InvalidReceiver",
    inputs: [{ type: "address", name: "receiver", internalType: "address" }],
  },
  { type: "error", name: "ERC20InvalidSender", inputs: [{ type: "address", name: "sender", internalType: "address" }] },
  {
    type: "error",
    name: "ERC20InvalidSpender",
    inputs: [{ type: "address", name: "spender", internalType: "address" }],
  },
  { type: "error", name: "EthTransferFailed", inputs: [] },
  {
    type: "error",
    name: "InsufficientBalance",
    inputs: [
      { type: "uint256", name: "requested", internalType: "uint256" },
      { type: "uint256", name: "available", internalType: "uint256" },
    ],
  },
] as const;

/** Creation bytecode of LocalStandInWETH; the ABI-encoded constructor arguments go after it. */
export const localStandInWethBytecode: `0x${string}` =
  "0x608060405234801561000f575f5ffd5b506040518060400160405280601e81526020017f5772617070656420457468657220286c6f63616c207374616e642d696e290000815250604051806040016040528060048152602001630ae8aa8960e31b8152508160039081610072919061011f565b50600461007f828261011f565b5050506101d9565b634e487b7160e01b5f52604160045260245ffd5b600181811c908216806100af57607f821691505b6020821081036100cd57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f82111561011a57805f5260205f20601f840160051c810160208510156100f85750805b601f840160051c820191505b81811015610117575f8155600101610104565b50505b505050565b81516001600160401b0381111561013857610138610087565b61014c81610146845461009b565b846100d3565b6020601f82116001811461017e575f83156101675750848201515b5f19600385901b1c1916600184901b178455610117565b5f84815260208120601f198516915b828110156101ad578785015182556020948501946001909201910161018d565b50848210156101ca57868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b610956806101e65f395ff3fe6080604052600436106100bb575f3560e01c8063313ce56711610071578063a9059cbb1161004c578063a9059cbb146101e6578063d0e30db014610205578063dd62ed3e1461020d575f5ffd5b8063313ce5671461018357806370a082311461019e57806395d89b41146101d2575f5ffd5b806318160ddd116100a157806318160ddd1461012757806323b872dd146101455780632e1a7d4d14610164575f5ffd5b806306fdde03146100ce578063095ea7b3146100f8575f5ffd5b366100ca576100c8610251565b005b5f5ffd5b3480156100d9575f5ffd5b506100e261025d565b6040516100ef91906107d8565b60405180910390f35b348015610103575f5ffd5b50610117610112366004610828565b6102ed565b60405190151581526020016100ef565b348015610132575f5ffd5b506002545b6040519081526020016100ef565b348015610150575f5ffd5b5061011761015f366004610850565b610306565b34801561016f575f5ffd5b506100c861017e36600461088a565b610329565b34801561018e575f5ffd5b50604051601281526020016100ef565b3480156101a9575f5ffd5b506101376101b83660046108a1565b6001600160a01b03165f9081526020819052604090205490565b3480156101dd575f5ffd5b506100e2610412565b3480156101f1575f5ffd5b50610117610200366004610828565b610421565b6100c8610251565b348015610218575f5ffd5b506101376102273660046108c1565b6001600160a01b039182165f90815260016020908152604080832093909416825291909152205490565b61025b333461042e565b565b60606003805461026c906108f2565b80601f0160208091040260200160405190810160405280929190818152602001828054610298906108f2565b80156102e35780601f106102ba576101008083540402835291602001916102e3565b820191905f5260205f20905b8154815290600101906020018083116102c657829003601f168201915b5050505050905090565b5f336102fa818585610466565b60019150505b92915050565b5f33610313858285610473565b61031e858585610508565b506001949350505050565b335f90815260208190526040902054818180821115610382576040517fcf479181000000000000000000000000000000000000000000000000000000008152600481019290925260248201526044015b60405180910390fd5b505061038e3383610565565b6040515f90339084908381818185875af1925050503d805f81146103cd576040519150601f19603f3d011682016040523d82523d5f602084013e6103d2565b606091505b505090508061040d576040517f6d963f8800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b505050565b60606004805461026c906108f2565b5f336102fa818585610508565b6001600160a01b0382166104575760405163ec442f0560e01b81525f6004820152602401610379565b6104625f8383610595565b5050565b61040d83838360016106d4565b6001600160a01b038381165f908152600160209081526040808320938616835292905220545f1981101561050257818110156104f4576040517ffb8f41b20000000000000000000000000000000000000000000000000000000081526001600160a01b03841660048201526024810182905260448101839052606401610379565b61050284848484035f6106d4565b50505050565b6001600160a01b03831661053157604051634b637e8f60e11b81525f6004820152602401610379565b6001600160a01b03821661055a5760405163ec442f0560e01b81525f6004820152602401610379565b61040d838383610595565b6001600160a01b03821661058e57604051634b637e8f60e11b81525f6004820152602401610379565b610462825f835b6001600160a01b0383166105bf578060025f8282546105b4919061092a565b909155506106489050565b6001600160a01b0383165f908152602081905260409020548181101561062a576040517fe450d38c0000000000000000000000000000000000000000000000000000000081526001600160a01b03851660048201526024810182905260448101839052606401610379565b6001600160a01b0384165f9081526020819052604090209082900390555b6001600160a01b03821661066457600280548290039055610682565b6001600160a01b0382165f9081526020819052604090208054820190555b816001600160a01b0316836001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef836040516106c791815260200190565b60405180910390a3505050565b6001600160a01b038416610716576040517fe602df050000000000000000000000000000000000000000000000000000000081525f6004820152602401610379565b6001600160a01b038316610758576040517f94280d620000000000000000000000000000000000000000000000000000000081525f6004820152602401610379565b6001600160a01b038085165f908152600160209081526040808320938716835292905220829055801561050257826001600160a01b0316846001600160a01b03167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925846040516107ca91815260200190565b60405180910390a350505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b80356001600160a01b0381168114610823575f5ffd5b919050565b5f5f60408385031215610839575f5ffd5b6108428361080d565b946020939093013593505050565b5f5f5f60608486031215610862575f5ffd5b61086b8461080d565b92506108796020850161080d565b929592945050506040919091013590565b5f6020828403121561089a575f5ffd5b5035919050565b5f602082840312156108b1575f5ffd5b6108ba8261080d565b9392505050565b5f5f604083850312156108d2575f5ffd5b6108db8361080d565b91506108e96020840161080d565b90509250929050565b600181811c9082168061090657607f821691505b60208210810361092457634e487b7160e01b5f52602260045260245ffd5b50919050565b8082018082111561030057634e487b7160e01b5f52601160045260245ffdfea164736f6c634300081e000a";

/**
 * MockERC20 (contracts/test/mocks/MockERC20.sol).
 * TEST DOUBLE, local chains only: a plain ERC-20 that anyone can mint (constructor: name, symbol, decimals).
 * Stands in for collateral such as wstETH in tests and local networks; never deploy it anywhere that matters.
 */
export const mockErc20Abi = [
  {
    type: "constructor",
    inputs: [
      { type: "string", name: "name", internalType: "string" },
      { type: "string", name: "symbol", internalType: "string" },
      { type: "uint8", name: "decimals_", internalType: "uint8" },
    ],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "allowance",
    inputs: [
      { type: "address", name: "owner", internalType: "address" },
      { type: "address", name: "spender", internalType: "address" },
    ],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "approve",
    inputs: [
      { type: "address", name: "spender", internalType: "address" },
      { type: "uint256", name: "value", internalType: "uint256" },
    ],
    outputs: [{ type: "bool", name: "", internalType: "bool" }],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "balanceOf",
    inputs: [{ type: "address", name: "account", internalType: "address" }],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "decimals",
    inputs: [],
    outputs: [{ type: "uint8", name: "", internalType: "uint8" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "mint",
    inputs: [
      { type: "address", name: "to", internalType: "address" },
      { type: "uint256", name: "amount", internalType: "uint256" },
    ],
    outputs: [],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "name",
    inputs: [],
    outputs: [{ type: "string", name: "", internalType: "string" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "symbol",
    inputs: [],
    outputs: [{ type: "string", name: "", internalType: "string" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "totalSupply",
    inputs: [],
    outputs: [{ type: "uint256", name: "", internalType: "uint256" }],
    stateMutability: "view",
  },
  {
    type: "function",
    name: "transfer",
    inputs: [
      { type: "address", name: "to", internalType: "address" },
      { type: "uint256", name: "value", internalType: "uint256" },
    ],
    outputs: [{ type: "bool", name: "", internalType: "bool" }],
    stateMutability: "nonpayable",
  },
  {
    type: "function",
    name: "transferFrom",
    inputs: [
      { type: "address", name: "from", internalType: "address" },
      { type: "address", name: "to", internalType: "address" },
      { type: "uint256", name: "value", internalType: "uint256" },
    ],
    outputs: [{ type: "bool", name: "", internalType: "bool" }],
    stateMutability: "nonpayable",
  },
  {
    type: "event",
    name: "Approval",
    inputs: [
      { type: "address", name: "owner", indexed: true, internalType: "address" },
      { type: "address", name: "spender", indexed: true, internalType: "address" },
      { type: "uint256", name: "value", indexed: false, internalType: "uint256" },
    ],
    anonymous: false,
  },
  {
    type: "event",
    name: "Transfer",
    inputs: [
      { type: "address", name: "from", indexed: true, internalType: "address" },
      { type: "address", name: "to", indexed: true, internalType: "address" },
      { type: "uint256", name: "value", indexed: false, internalType: "uint256" },
    ],
    anonymous: false,
  },
  {
    type: "error",
    name: "ERC20InsufficientAllowance",
    inputs: [
      { type: "address", name: "spender", internalType: "address" },
      { type: "uint256", name: "allowance", internalType: "uint256" },
      { type: "uint256", name: "needed", internalType: "uint256" },
    ],
  },
  {
    type: "error",
    name: "ERC20InsufficientBalance",
    inputs: [
      { type: "address", name: "sender", internalType: "address" },
      { type: "uint256", name: "balance", internalType: "uint256" },
      { type: "uint256", name: "needed", internalType: "uint256" },
    ],
  },
  {
    type: "error",
    name: "ERC20InvalidApprover",
    inputs: [{ type: "address", name: "approver", internalType: "address" }],
  },
  {
    type: "error",
    name: "ERC20InvalidReceiver",
    inputs: [{ type: "address", name: "receiver", internalType: "address" }],
  },
  { type: "error", name: "ERC20InvalidSender", inputs: [{ type: "address", name: "sender", internalType: "address" }] },
  {
    type: "error",
    name: "ERC20InvalidSpender",
    inputs: [{ type: "address", name: "spender", internalType: "address" }],
  },
] as const;

/** Creation bytecode of MockERC20; the ABI-encoded constructor arguments go after it. */
export const mockErc20Bytecode: `0x${string}` =
  "0x60a060405234801561000f575f5ffd5b50604051610aa4380380610aa483398101604081905261002e916100f7565b8282600361003c83826101f8565b50600461004982826101f8565b50505060ff16608052506102b29050565b634e487b7160e01b5f52604160045260245ffd5b5f82601f83011261007d575f5ffd5b81516001600160401b038111156100965761009661005a565b604051601f8201601f19908116603f011681016001600160401b03811182821017156100c4576100c461005a565b6040528181528382016020018510156100db575f5ffd5b8160208501602083015e5f918101602001919091529392505050565b5f5f5f60608486031215610109575f5ffd5b83516001600160401b0381111561011e575f5ffd5b61012a8682870161006e565b602086015190945090506001600160401b03811115610147575f5ffd5b6101538682870161006e565b925050604084015160ff81168114610169575f5ffd5b809150509250925092565b600181811c9082168061018857607f821691505b6020821081036101a657634e487b7160e01b5f52602260045260245ffd5b50919050565b601f8211156101f357805f5260205f20601f840160051c810160208510156101d15750805b601f840160051c820191505b818110156101f0575f81556001016101dd565b50505b505050565b81516001600160401b038111156102115761021161005a565b6102258161021f8454610174565b846101ac565b6020601f821160018114610257575f83156102405750848201515b5f19600385901b1c1916600184901b1784556101f0565b5f84815260208120601f198516915b828110156102865787850151825560209485019460019092019101610266565b50848210156102a357868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b6080516107da6102ca5f395f61012a01526107da5ff3fe608060405234801561000f575f5ffd5b50600436106100b9575f3560e01c806340c10f191161007257806395d89b411161005857806395d89b4114610191578063a9059cbb14610199578063dd62ed3e146101ac575f5ffd5b806340c10f191461015457806370a0823114610169575f5ffd5b806318160ddd116100a257806318160ddd146100fe57806323b872dd14610110578063313ce56714610123575f5ffd5b806306fdde03146100bd578063095ea7b3146100db575b5f5ffd5b6100c56101e4565b6040516100d29190610673565b60405180910390f35b6100ee6100e93660046106c3565b610274565b60405190151581526020016100d2565b6002545b6040519081526020016100d2565b6100ee61011e3660046106eb565b61028d565b60405160ff7f00000000000000000000000000000000000000000000000000000000000000001681526020016100d2565b6101676101623660046106c3565b6102b0565b005b610102610177366004610725565b6001600160a01b03165f9081526020819052604090205490565b6100c56102be565b6100ee6101a73660046106c3565b6102cd565b6101026101ba366004610745565b6001600160a01b039182165f90815260016020908152604080832093909416825291909152205490565b6060600380546101f390610776565b80601f016020809104026020016040519081016040528092919081815260200182805461021f90610776565b801561026a5780601f106102415761010080835404028352916020019161026a565b820191905f5260205f20905b81548152906001019060200180831161024d57829003601f168201915b5050505050905090565b5f336102818185856102da565b60019150505b92915050565b5f3361029a8582856102ec565b6102a5858585610386565b506001949350505050565b6102ba82826103fc565b5050565b6060600480546101f390610776565b5f33610281818585610386565b6102e78383836001610430565b505050565b6001600160a01b038381165f908152600160209081526040808320938616835292905220545f198110156103805781811015610372576040517ffb8f41b20000000000000000000000000000000000000000000000000000000081526001600160a01b038416600482015260248101829052604481018390526064015b60405180910390fd5b61038084848484035f610430565b50505050565b6001600160a01b0383166103c8576040517f96c6fd1e0000000000000000000000000000000000000000000000000000000081525f6004820152602401610369565b6001600160a01b0382166103f15760405163ec442f0560e01b81525f6004820152602401610369565b6102e7838383610534565b6001600160a01b0382166104255760405163ec442f0560e01b81525f6004820152602401610369565b6102ba5f8383610534565b6001600160a01b038416610472576040517fe602df050000000000000000000000000000000000000000000000000000000081525f6004820152602401610369565b6001600160a01b0383166104b4576040517f94280d620000000000000000000000000000000000000000000000000000000081525f6004820152602401610369565b6001600160a01b038085165f908152600160209081526040808320938716835292905220829055801561038057826001600160a01b0316846001600160a01b03167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b9258460405161052691815260200190565b60405180910390a350505050565b6001600160a01b03831661055e578060025f82825461055391906107ae565b909155506105e79050565b6001600160a01b0383165f90815260208190526040902054818110156105c9576040517fe450d38c0000000000000000000000000000000000000000000000000000000081526001600160a01b03851660048201526024810182905260448101839052606401610369565b6001600160a01b0384165f9081526020819052604090209082900390555b6001600160a01b03821661060357600280548290039055610621565b6001600160a01b0382165f9081526020819052604090208054820190555b816001600160a01b0316836001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef8360405161066691815260200190565b60405180910390a3505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b80356001600160a01b03811681146106be575f5ffd5b919050565b5f5f604083850312156106d4575f5ffd5b6106dd836106a8565b946020939093013593505050565b5f5f5f606084860312156106fd575f5ffd5b610706846106a8565b9250610714602085016106a8565b929592945050506040919091013590565b5f60208284031215610735575f5ffd5b61073e826106a8565b9392505050565b5f5f60408385031215610756575f5ffd5b61075f836106a8565b915061076d602084016106a8565b90509250929050565b600181811c9082168061078a57607f821691505b6020821081036107a857634e487b7160e01b5f52602260045260245ffd5b50919050565b8082018082111561028757634e487b7160e01b5f52601160045260245ffdfea164736f6c634300081e000a";
