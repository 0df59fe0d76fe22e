// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {IRampart} from "./IRampart.sol";

/// @notice How a reward program splits its tokens across the operators of its operator set.
enum ProgramKind {
    /// @dev Each day's amount is split by allocated stake × asset weight.
    ProRata,
    /// @dev The service names an amount per operator (e.g. for performance), paid evenly over the program's days.
    OperatorDirected
}

/// @notice What a service funds. Every amount is escrowed when the program is created.
struct ProgramParams {
    uint32 setId;
    ProgramKind kind;
    /// @dev Any ERC-20 that transfers exactly what it is asked to (fee-on-transfer tokens are rejected).
    address token;
    /// @dev Total escrowed; for OperatorDirected programs, the sum of `operatorAmounts`.
    uint256 amount;
    /// @dev Start of the first day (a multiple of 1 day, unix seconds).
    uint40 startTime;
    /// @dev Whole days, in seconds.
    uint32 duration;
    /// @dev Assets of the set whose allocated stake earns, and how much one base unit of each counts.
    address[] assets;
    uint96[] weights;
    /// @dev OperatorDirected only: strictly ascending operator addresses and the amount each is due over the program.
    address[] operators;
    uint256[] operatorAmounts;
}

/// @notice A posted Merkle root of cumulative earnings per (earner, token).
struct DistributionRoot {
    bytes32 root;
    /// @dev Earnings of every day that ended at or before this time are included (a multiple of 1 day).
    uint40 calculatedUntil;
    /// @dev Claims against this root are accepted from this time on.
    uint40 activatesAt;
    /// @dev Set by a pauser before activation; a disabled root can never be claimed against.
    bool disabled;
}

/// @notice One token of a claim: the earner's cumulative earnings in the root, and its Merkle proof.
struct TokenClaim {
    address token;
    uint256 cumulativeAmount;
    bytes32[] proof;
}

/// @title IRampartRewards
/// @notice Reward programs and their Merkle distribution. Services escrow reward tokens for an operator set; the
/// off-chain calculator (src/rewards) turns chain events into each earner's cumulative earnings per token; the
/// rewards updater posts the Merkle root of those earnings; after the activation delay an earner (or the claimer it
/// named) claims the difference between the cumulative amount in the root and what it already claimed.
/// @dev Rules and invariants: docs/rewards.md. A leaf is the OpenZeppelin StandardMerkleTree leaf of
/// (address earner, address token, uint256 cumulativeAmount):
/// keccak256(bytes.concat(keccak256(abi.encode(earner, token, cumulativeAmount)))).
/// No root can pay out more of a token than services funded in that token.
interface IRampartRewards {
    // ───────────────────────────── Errors ─────────────────────────────

    error NotPauser(address caller);
    error NotUnpauser(address caller);
    error NotUpdater(address caller);
    error RenounceOwnershipDisabled();
    /// @dev Named apart from the core's `Paused` so that clients can tell which flags (PAUSE_PROGRAMS, PAUSE_CLAIMS) are meant.
    error RewardsPaused(uint8 flag);
    error ZeroAddress();
    error ZeroAmount();
    error DelayOutOfBounds(uint256 delay, uint256 min, uint256 max);

    error UnknownOperatorSet(uint32 setId);
    error NotSetService(address caller, uint32 setId);
    error NotAContract(address token);
    error NotDayAligned(uint256 value);
    error StartTooOld(uint40 startTime, uint40 earliest);
    error StartTooFar(uint40 startTime, uint40 latest);
    error DurationOutOfBounds(uint32 duration, uint32 max);
    error AmountTooLarge(uint256 amount, uint256 max);
    error NoAssets();
    error LengthMismatch();
    error DuplicateAsset(address asset);
    error AssetNotListed(address asset);
    error AssetNotInSet(uint32 setId, address asset);
    error ZeroWeight(address asset);
    /// @dev A ProRata program named operators, or an OperatorDirected program named none.
    error OperatorsMismatch(ProgramKind kind, uint256 operators);
    error OperatorsNotAscending(address operator);
    error AmountMismatch(uint256 amount, uint256 sumOfOperatorAmounts);
    error TransferAmountMismatch(address token, uint256 expected, uint256 actual);

    error ZeroRoot();
    error CalculatedUntilDecreasing(uint40 calculatedUntil, uint40 previous);
    error CalculatedUntilInFuture(uint40 calculatedUntil, uint40 now_);
    error UnknownRoot(uint32 rootIndex);
    error RootNotActive(uint32 rootIndex, uint40 activatesAt);
    error RootDisabled(uint32 rootIndex);
    error RootAlreadyActive(uint32 rootIndex, uint40 activatesAt);

    error NoClaims();
    error NotClaimer(address caller, address earner);
    error InvalidProof(address earner, address token, uint256 cumulativeAmount);
    error NothingToClaim(address earner, address token, uint256 cumulativeAmount, uint256 alreadyClaimed);
    error ClaimExceedsFunding(address token, uint256 claimedAfter, uint256 funded);

    // ───────────────────────────── Events ─────────────────────────────

    event RewardsUpdaterSet(address indexed updater);
    event ActivationDelaySet(uint32 delay);
    event PausedFlagsSet(uint8 flags);

    /// @param programId Sequential from 1. @param service The set's service, which paid.
    event RewardProgramCreated(
        uint64 indexed programId, uint32 indexed setId, address indexed service, ProgramParams params
    );
    event DistributionRootSubmitted(uint32 indexed rootIndex, bytes32 root, uint40 calculatedUntil, uint40 activatesAt);
    event DistributionRootDisabled(uint32 indexed rootIndex);
    event ClaimerSet(address indexed earner, address indexed claimer);
    /// @param amount Paid now. @param cumulativeClaimed The earner's total claimed of `token` afterwards.
    event RewardsClaimed(
        uint32 indexed rootIndex,
        address indexed earner,
        address indexed token,
        address recipient,
        uint256 amount,
        uint256 cumulativeClaimed
    );

    // ─────────────────────────── Governance ───────────────────────────

    /// @notice Names the account that posts distribution roots. Owner only.
    function setRewardsUpdater(address updater) external;

    /// @notice Sets the delay between posting a root and claims against it, within
    /// [MIN_ACTIVATION_DELAY, MAX_ACTIVATION_DELAY]. Owner only; applies to roots posted afterwards.
    function setActivationDelay(uint32 delay) external;

    /// @notice Sets pause flags (PAUSE_PROGRAMS, PAUSE_CLAIMS). Any pauser of the core.
    function pause(uint8 flags) external;

    /// @notice Clears pause flags. The core's unpauser only.
    function unpause(uint8 flags) external;

    // ─────────────────────────── Programs ─────────────────────────────

    /// @notice Escrows `params.amount` of `params.token` for the operator set `params.setId`. Only the set's service.
    /// @return programId Sequential from 1.
    function createProgram(ProgramParams calldata params) external returns (uint64 programId);

    // ─────────────────────────── Roots ────────────────────────────────

    /// @notice Posts the (non-zero) root of cumulative earnings for every day ended by `calculatedUntil`. Updater
    /// only. `calculatedUntil` is a multiple of 1 day, not in the future, and not below the previous root's.
    /// @return rootIndex Sequential from 0.
    function submitRoot(bytes32 root, uint40 calculatedUntil) external returns (uint32 rootIndex);

    /// @notice Disables a root that has not activated yet. Any pauser of the core.
    function disableRoot(uint32 rootIndex) external;

    // ─────────────────────────── Claims ───────────────────────────────

    /// @notice Lets `claimer` (address(0): nobody) claim on the caller's behalf, to any recipient.
    function setClaimer(address claimer) external;

    /// @notice Pays `recipient`, for each token, the earner's cumulative amount in the root minus what the earner
    /// already claimed. The caller is the earner or its claimer; the root is active and not disabled.
    function claim(uint32 rootIndex, address earner, address recipient, TokenClaim[] calldata claims) external;

    // ───────────────────────────── Views ──────────────────────────────

    /// @notice The core whose operator sets, assets and pausers this contract uses.
    function core() external view returns (IRampart);

    /// @notice The account that posts roots.
    function rewardsUpdater() external view returns (address);

    /// @notice Seconds between posting a root and its activation (for roots posted from now on).
    function activationDelay() external view returns (uint32);

    /// @notice Current pause flags.
    function pausedFlags() external view returns (uint8);

    /// @notice Number of programs created so far (the last program's id).
    function programCount() external view returns (uint64);

    /// @notice Number of roots posted so far.
    function rootCount() external view returns (uint32);

    /// @notice A posted root.
    function getRoot(uint32 rootIndex) external view returns (DistributionRoot memory);

    /// @notice The latest root that is active and not disabled; reverts UnknownRoot(type(uint32).max) if none.
    function latestActiveRootIndex() external view returns (uint32);

    /// @notice The account allowed to claim for `earner` besides itself.
    function claimerOf(address earner) external view returns (address);

    /// @notice Total `earner` has claimed of `token`.
    function cumulativeClaimed(address earner, address token) external view returns (uint256);

    /// @notice Total escrowed in `token` by all programs.
    function totalFunded(address token) external view returns (uint256);

    /// @notice Total claimed in `token` by all earners.
    function totalClaimed(address token) external view returns (uint256);

    /// @notice The Merkle leaf of (earner, token, cumulativeAmount).
    function leafOf(address earner, address token, uint256 cumulativeAmount) external pure returns (bytes32);

    function DAY() external view returns (uint32);
    function MAX_RETROACTIVE() external view returns (uint32);
    function MAX_FUTURE() external view returns (uint32);
    function MAX_DURATION() external view returns (uint32);
    function MAX_PROGRAM_AMOUNT() external view returns (uint256);
    function MIN_ACTIVATION_DELAY() external view returns (uint32);
    function MAX_ACTIVATION_DELAY() external view returns (uint32);
    function PAUSE_PROGRAMS() external view returns (uint8);
    function PAUSE_CLAIMS() external view returns (uint8);
}
