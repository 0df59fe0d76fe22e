// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {IDirectory} from "./IDirectory.sol";

/// @notice Lifecycle of a slash request of a veto-window set. Instant slashes are executed in the transaction that
/// requests them and are not stored (their status reads `None`); their events tell their story.
enum SlashStatus {
    None,
    Pending,
    Vetoed,
    Executed
}

/// @notice One operator's pool for one asset: the stakers' shares and the assets behind them, plus the
/// magnitudes that partition the pool between operator sets.
/// @dev Two storage slots: the staking slot (touched by deposits and withdrawals) and the allocation slot.
struct Pool {
    uint128 totalShares;
    uint128 totalAssets;
    /// @dev Magnitude taken by slashes so far. The pool's max magnitude is WAD - slashedMagnitude.
    uint64 slashedMagnitude;
    /// @dev Sum over operator sets of max(current magnitude, pending magnitude). Never above the max magnitude.
    uint64 encumberedMagnitude;
}

/// @notice An operator's allocation of one pool to one operator set.
/// @dev `magnitude / pool.maxMagnitude` is the fraction of the pool the set can slash. A pending change becomes the
/// magnitude at `effectAt`; it is applied lazily by the first call that touches the allocation after that time.
struct Allocation {
    uint64 magnitude;
    uint64 pendingMagnitude;
    uint40 effectAt;
}

/// @notice The rules a service fixes when it creates an operator set. Immutable afterwards, so that stakers can
/// judge the risk of an operator set once and rely on it.
struct SlashingPolicy {
    /// @dev 0 = instant slashing. Otherwise a request waits this long and the veto committee may cancel it.
    uint32 vetoWindow;
    /// @dev How long a decrease of an allocation to this set stays slashable (capped by the withdrawal delay).
    uint32 deallocationDelay;
    /// @dev Largest fraction (WAD) of an allocation that one slash may take.
    uint64 maxSlashWad;
    /// @dev May veto pending requests; required iff vetoWindow > 0.
    address vetoCommittee;
    /// @dev Receives slashed tokens; address(0) burns them (sent to BURN_ADDRESS).
    address slashRecipient;
}

/// @notice An operator set: a group of operators a service asks to secure it with certain assets.
struct OperatorSet {
    address service;
    /// @dev Consulted on join (may reject) and on leave (cannot block the exit); address(0) for none.
    address registrar;
    SlashingPolicy policy;
    address[] assets;
}

/// @notice Membership of an operator in an operator set.
struct Membership {
    bool member;
    /// @dev Number of this operator's pools with a non-zero (current or pending) allocation to the set.
    uint32 allocatedPools;
}

/// @notice A queued withdrawal or redelegation. Only its hash is stored; the struct is emitted in
/// `WithdrawalQueued` and passed back to `completeWithdrawal`.
struct Withdrawal {
    uint64 id;
    uint40 completableAt;
    address staker;
    address operator;
    address asset;
    /// @dev Pool shares still held in the pool, so they keep taking every slash until completion.
    uint256 shares;
    /// @dev Receives the tokens; ignored for a redelegation.
    address receiver;
    /// @dev address(0) for a withdrawal; otherwise the operator whose pool receives the assets.
    address redelegateTo;
}

/// @notice Listing data of a collateral asset.
struct AssetConfig {
    bool listed;
    uint8 decimals;
    /// @dev Maximum of `totalDeposited`; new deposits above it revert.
    uint128 cap;
    /// @dev Assets held for all pools of this asset, queued withdrawals included, slashes excluded.
    uint128 totalDeposited;
}

/// @notice What a service asks when it slashes: for each asset, the fraction `wads[i]` of the operator's allocation.
struct SlashParams {
    uint32 setId;
    address operator;
    address[] assets;
    uint64[] wads;
    string reason;
}

/// @notice A slash request (pending, vetoed or executed).
struct SlashRequest {
    uint32 setId;
    SlashStatus status;
    uint40 executableAt;
    address operator;
    address[] assets;
    uint64[] wads;
}

/// @title IRampart
/// @notice The restaking core. Stakers deposit collateral to a chosen operator's pool and receive shares; operators
/// allocate fractions of each pool to the operator sets of services; services slash allocations of misbehaving
/// operators, which costs every share of the pool pro rata, queued withdrawals included.
/// @dev Rules and invariants: docs/protocol.md. Amounts are token base units; fractions are WAD (1e18 = 100%);
/// commissions are basis points (10_000 = 100%). Every rounding goes against the caller.
interface IRampart {
    // ───────────────────────────── Errors ─────────────────────────────

    error NotOwner(address caller);
    error NotPendingOwner(address caller);
    error NotPauser(address caller);
    error NotUnpauser(address caller);
    error Paused(uint8 flag);
    error ZeroAddress();
    error ZeroAmount();
    error DelayOutOfBounds(uint256 delay, uint256 min, uint256 max);

    error AssetAlreadyListed(address asset);
    error AssetNotListed(address asset);
    error UnsupportedDecimals(address asset, uint8 decimals);
    error NotAContract(address asset);
    error DepositCapExceeded(address asset, uint256 totalAfter, uint256 cap);
    /// @notice The token moved a different amount than asked: fee-on-transfer or rebasing tokens are not supported.
    error TransferAmountMismatch(address asset, uint256 expected, uint256 actual);

    error UnknownOperatorSet(uint32 setId);
    error NotSetService(address caller, uint32 setId);
    error VetoCommitteeMismatch(uint32 vetoWindow, address vetoCommittee);
    error VetoWindowTooLong(uint32 vetoWindow, uint32 max);
    error VetoWindowNotBelowDeallocationDelay(uint32 vetoWindow, uint32 deallocationDelay);
    error TooManyAssets(uint32 setId);
    error AssetAlreadyInSet(uint32 setId, address asset);
    error AssetNotInSet(uint32 setId, address asset);
    error AlreadyMember(address operator, uint32 setId);
    error NotMember(address operator, uint32 setId);
    error StillAllocated(address operator, uint32 setId, uint32 allocatedPools);
    error InsufficientGasForHook(uint256 gasLeft, uint256 required);

    error FractionAboveOne(uint64 fractionWad);
    error AllocationUnchanged(address operator, address asset, uint32 setId);
    error AllocationChangePending(address operator, address asset, uint32 setId, uint40 effectAt);
    error InsufficientMagnitude(uint256 requested, uint256 available);
    error PoolFullySlashed(address operator, address asset);
    /// @notice The pool was slashed so close to nothing that the shares for this deposit would not fit.
    error PoolSharesOverflow(address operator, address asset);

    error SharesTooLow(uint256 shares, uint256 minShares);
    error InsufficientShares(uint256 requested, uint256 available);
    error UnknownWithdrawal(uint64 id);
    error WithdrawalNotReady(uint64 id, uint40 completableAt);
    error SameOperator(address operator);

    error SlashWadOutOfBounds(uint64 wad, uint64 maxWad);
    error NoAssets();
    error DuplicateAsset(address asset);
    error LengthMismatch();
    error NoAllocation(address operator, address asset, uint32 setId);
    /// @notice The slash would take nothing: the allocation is too small for this fraction.
    error SlashRoundsToZero(address asset, uint64 magnitude, uint64 wad);
    error UnknownSlash(uint256 slashId);
    error SlashNotPending(uint256 slashId, SlashStatus status);
    error VetoWindowOpen(uint256 slashId, uint40 executableAt);
    error VetoWindowClosed(uint256 slashId, uint40 executableAt);
    error NotVetoCommittee(address caller);

    // ───────────────────────────── Events ─────────────────────────────

    event OwnershipTransferStarted(address indexed previousOwner, address indexed newOwner);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);
    event PauserSet(address indexed account, bool allowed);
    event UnpauserSet(address indexed account);
    event PausedFlagsSet(uint8 flags);
    event WithdrawalDelaySet(uint32 delay);

    event AssetListed(address indexed asset, uint8 decimals, uint128 cap);
    event AssetCapSet(address indexed asset, uint128 cap);
    event AssetDelisted(address indexed asset);

    event OperatorSetCreated(
        uint32 indexed setId, address indexed service, address registrar, SlashingPolicy policy, address[] assets
    );
    event OperatorSetAssetAdded(uint32 indexed setId, address indexed asset);
    event OperatorJoined(uint32 indexed setId, address indexed operator);
    event OperatorLeft(uint32 indexed setId, address indexed operator);
    /// @notice The registrar's `onLeave` reverted; the operator left anyway.
    event RegistrarHookFailed(uint32 indexed setId, address indexed operator, bytes reason);

    /// @notice Emitted on every change of an allocation, including the lazy application of a pending change.
    /// @param magnitude Slashable magnitude now. @param pendingMagnitude Magnitude from `effectAt` on.
    event AllocationUpdated(
        address indexed operator,
        address indexed asset,
        uint32 indexed setId,
        uint64 magnitude,
        uint64 pendingMagnitude,
        uint40 effectAt
    );
    /// @notice A pool's magnitudes changed (first allocation, allocation change or slash).
    event PoolMagnitudesUpdated(
        address indexed operator, address indexed asset, uint64 maxMagnitude, uint64 encumberedMagnitude
    );

    event Deposited(
        address indexed staker,
        address indexed operator,
        address indexed asset,
        address payer,
        uint256 amount,
        uint256 shares
    );
    event WithdrawalQueued(uint64 indexed id, address indexed staker, Withdrawal withdrawal);
    /// @param assets Tokens paid to the receiver, or assets moved into `redelegateTo`'s pool.
    /// @param newShares Shares minted in `redelegateTo`'s pool (0 for a withdrawal).
    event WithdrawalCompleted(uint64 indexed id, address indexed staker, uint256 assets, uint256 newShares);

    event SlashRequested(
        uint256 indexed slashId,
        uint32 indexed setId,
        address indexed operator,
        address[] assets,
        uint64[] wads,
        uint40 executableAt,
        string reason
    );
    event SlashVetoed(uint256 indexed slashId, address committee);
    /// @notice One asset of a slash was executed: `assetsSlashed` left the pool for `recipient`.
    event Slashed(
        uint256 indexed slashId,
        uint32 indexed setId,
        address indexed operator,
        address asset,
        uint64 magnitudeSlashed,
        uint256 assetsSlashed,
        address recipient
    );

    // ─────────────────────────── Governance ───────────────────────────

    /// @notice Starts a two-step ownership transfer. Only the owner (the timelock).
    function transferOwnership(address newOwner) external;

    /// @notice Completes a two-step ownership transfer. Only the pending owner.
    function acceptOwnership() external;

    /// @notice Grants or revokes the pauser role. Only the owner.
    function setPauser(address account, bool allowed) external;

    /// @notice Sets the single unpauser. Only the owner.
    function setUnpauser(address account) external;

    /// @notice Pauses the given actions (bit flags: 1 deposits, 2 withdrawals, 4 allocations, 8 slashing). Pausers.
    function pause(uint8 flags) external;

    /// @notice Unpauses the given actions. Only the unpauser.
    function unpause(uint8 flags) external;

    /// @notice Sets the delay between queueing and completing a withdrawal, within
    /// [MIN_WITHDRAWAL_DELAY, MAX_WITHDRAWAL_DELAY]. Applies to withdrawals queued afterwards. Only the owner.
    function setWithdrawalDelay(uint32 delay) external;

    /// @notice Lists an ERC-20 as collateral with a deposit cap. Only the owner. Fee-on-transfer tokens are rejected
    /// at each deposit; rebasing tokens must not be listed (list their non-rebasing wrapper, e.g. wstETH).
    function listAsset(address asset, uint128 cap) external;

    /// @notice Changes an asset's deposit cap; lowering it below the deposits only stops new deposits. Only the owner.
    function setAssetCap(address asset, uint128 cap) external;

    /// @notice Stops new deposits of an asset. Existing positions, withdrawals, allocations and slashes are unaffected.
    function delistAsset(address asset) external;

    // ─────────────────────────── Services ─────────────────────────────

    /// @notice Creates an operator set of the calling service. Its slashing policy is immutable.
    /// @param assets Listed assets the set accepts (at most MAX_ASSETS_PER_SET).
    /// @param registrar Eligibility hook consulted on join and leave, or address(0).
    /// @return setId The new set's id (ids start at 1).
    function createOperatorSet(address[] calldata assets, SlashingPolicy calldata policy, address registrar)
        external
        returns (uint32 setId);

    /// @notice Adds an accepted asset to one of the caller's operator sets.
    function addOperatorSetAsset(uint32 setId, address asset) external;

    /// @notice Joins an operator set. The set's registrar, if any, is called and may reject by reverting.
    /// Operator or delegate.
    function joinOperatorSet(address operator, uint32 setId, bytes calldata data) external;

    /// @notice Leaves an operator set; every allocation to it must be fully deallocated first. The registrar is told,
    /// but its failure cannot block the exit. Operator or delegate.
    function leaveOperatorSet(address operator, uint32 setId) external;

    // ─────────────────────────── Allocation ───────────────────────────

    /// @notice Sets the fraction of the operator's `asset` pool allocated to `setId`. An increase becomes slashable
    /// after the operator's allocation delay; a decrease stays slashable for the set's deallocation delay. The pool's
    /// allocations never sum to more than 100%. Operator or delegate; the operator must be a member of the set.
    /// @param fractionWad Target fraction of the pool (WAD), rounded down to a magnitude.
    function allocate(address operator, address asset, uint32 setId, uint64 fractionWad) external;

    /// @notice Applies a pending allocation change whose time has come, freeing deallocated magnitude. Anyone.
    function settleAllocation(address operator, address asset, uint32 setId) external;

    // ─────────────────────────── Staking ──────────────────────────────

    /// @notice Deposits `amount` of `asset` into `operator`'s pool and credits the shares to `onBehalf`.
    /// @param minShares Reverts if fewer shares would be minted. A slash only makes shares cheaper, so this guards
    /// integrators that priced the deposit off-chain against rounding and against depositing into the wrong pool.
    /// @return shares Shares minted, rounded down.
    function deposit(address operator, address asset, uint256 amount, address onBehalf, uint256 minShares)
        external
        returns (uint256 shares);

    /// @notice Queues a withdrawal of `shares` from the caller's position. The shares stay in the pool, slashable,
    /// until completion. @return withdrawal The queued withdrawal, to pass to `completeWithdrawal`.
    function queueWithdrawal(address operator, address asset, uint256 shares, address receiver)
        external
        returns (Withdrawal memory withdrawal);

    /// @notice Queues a move of `shares` from the caller's position with `operator` to `newOperator`'s pool for the
    /// same asset, without leaving the protocol. The shares stay slashable in the old pool until completion.
    function queueRedelegation(address operator, address asset, uint256 shares, address newOperator)
        external
        returns (Withdrawal memory withdrawal);

    /// @notice Completes a queued withdrawal after its delay. Anyone may call: tokens only ever go to the receiver
    /// fixed at queue time (or into the chosen operator's pool). Pays what the shares are worth now, after every
    /// slash that happened while queued, rounded down. If the redelegation target's pool can no longer take the
    /// assets (fully slashed, or so nearly that the new shares would round to zero or overflow), the staker is paid
    /// in tokens instead.
    /// @return assets Tokens paid, or assets moved into the new pool.
    function completeWithdrawal(Withdrawal calldata withdrawal) external returns (uint256 assets);

    // ─────────────────────────── Slashing ─────────────────────────────

    /// @notice Slashes `params.operator` in the caller's set `params.setId`: for each asset, the fraction `wads[i]`
    /// of the operator's allocation of that pool to the set. Instant sets execute now; veto sets open a request.
    /// Costs every share of the pool pro rata, O(1) in the number of stakers. The policy's maximum bounds each call
    /// (each asset at most once); it does not limit how many slashes a service makes. A veto request holds back any
    /// pending decrease of the targeted allocations until SLASH_EXECUTION_GRACE after its window, so the stake it
    /// targets cannot be deallocated out of reach while it waits.
    /// @return slashId Id of the slash (its request).
    function slash(SlashParams calldata params) external returns (uint256 slashId);

    /// @notice Cancels a pending slash during its veto window. Only the set's veto committee.
    function vetoSlash(uint256 slashId) external;

    /// @notice Executes a pending slash once its veto window has passed, with the allocation as it is then. Anyone.
    /// An asset with nothing left to take (allocation gone to other slashes, or rounding to zero) is skipped with a
    /// zero `Slashed` event, so it cannot block the other assets of the request.
    function executeSlash(uint256 slashId) external;

    // ───────────────────────────── Views ──────────────────────────────

    /// @notice Current slashable magnitude of an allocation and its pending change, with lazy updates applied.
    function getAllocation(address operator, address asset, uint32 setId)
        external
        view
        returns (Allocation memory allocation);

    /// @notice Assets of `operator`'s `asset` pool that `setId` can slash right now.
    function slashableAssets(address operator, address asset, uint32 setId) external view returns (uint256);

    /// @notice Assets `shares` of a pool are worth now, rounded down.
    function sharesToAssets(address operator, address asset, uint256 shares) external view returns (uint256);

    /// @notice Shares `amount` would mint in a pool now, rounded down.
    function assetsToShares(address operator, address asset, uint256 amount) external view returns (uint256);

    /// @notice True while the queued withdrawal with this id has not been completed.
    function isWithdrawalPending(uint64 id) external view returns (bool);

    /// @notice The pool of `operator` for `asset` (all zero if nobody ever deposited or allocated).
    function getPool(address operator, address asset) external view returns (Pool memory);

    /// @notice The max magnitude of a pool: WAD until its first slash, 0 once fully slashed.
    function maxMagnitude(address operator, address asset) external view returns (uint64);

    /// @notice Shares `staker` holds in `operator`'s `asset` pool (queued withdrawals excluded).
    function sharesOf(address staker, address operator, address asset) external view returns (uint256);

    /// @notice Listing data of `asset`.
    function getAsset(address asset) external view returns (AssetConfig memory);

    /// @notice Operator set `setId` with its policy and accepted assets.
    function getOperatorSet(uint32 setId) external view returns (OperatorSet memory);

    /// @notice Whether `setId` accepts `asset`.
    function isSetAsset(uint32 setId, address asset) external view returns (bool);

    /// @notice Membership of `operator` in `setId`.
    function getMembership(address operator, uint32 setId) external view returns (Membership memory);

    /// @notice A slash request of a veto-window set (instant slashes are only in events).
    function getSlashRequest(uint256 slashId) external view returns (SlashRequest memory);

    /// @notice 1e18: fractions and magnitudes are WAD-based.
    function WAD() external view returns (uint64);

    /// @notice Pause flag for deposits.
    function PAUSE_DEPOSITS() external view returns (uint8);

    /// @notice Pause flag for queueing, redelegating and completing withdrawals.
    function PAUSE_WITHDRAWALS() external view returns (uint8);

    /// @notice Pause flag for joining operator sets and allocating.
    function PAUSE_ALLOCATIONS() external view returns (uint8);

    /// @notice Pause flag for slashing and executing slashes.
    function PAUSE_SLASHING() external view returns (uint8);

    /// @notice Lower bound of the withdrawal delay (3 days).
    function MIN_WITHDRAWAL_DELAY() external view returns (uint32);

    /// @notice Upper bound of every delay (30 days).
    function MAX_WITHDRAWAL_DELAY() external view returns (uint32);

    /// @notice Lower bound of an operator set's deallocation delay (1 day).
    function MIN_DEALLOCATION_DELAY() external view returns (uint32);

    /// @notice Upper bound of a veto window (2 days).
    function MAX_VETO_WINDOW() external view returns (uint32);

    /// @notice How long after its veto window a pending request holds back a decrease of the allocation it targets.
    function SLASH_EXECUTION_GRACE() external view returns (uint32);

    /// @notice Most assets one operator set may accept (16).
    function MAX_ASSETS_PER_SET() external view returns (uint256);

    /// @notice Gas the registrar's `onLeave` hook gets (200,000).
    function REGISTRAR_LEAVE_GAS() external view returns (uint256);

    /// @notice Where slashed tokens go when a set names no recipient (0x…dEaD).
    function BURN_ADDRESS() external view returns (address);

    /// @notice The registry of operators and services, deployed by this contract.
    function directory() external view returns (IDirectory);

    /// @notice Owner (the governance timelock).
    function owner() external view returns (address);

    /// @notice Account that may accept ownership.
    function pendingOwner() external view returns (address);

    /// @notice Whether `account` may pause.
    function isPauser(address account) external view returns (bool);

    /// @notice The account that may unpause.
    function unpauser() external view returns (address);

    /// @notice Paused actions as bit flags (1 deposits, 2 withdrawals, 4 allocations, 8 slashing).
    function pausedFlags() external view returns (uint8);

    /// @notice Seconds between queueing and completing a withdrawal.
    function withdrawalDelay() external view returns (uint32);

    /// @notice Number of operator sets created (ids run from 1 to this).
    function operatorSetCount() external view returns (uint32);

    /// @notice Number of withdrawals queued (ids run from 1 to this).
    function withdrawalCount() external view returns (uint64);

    /// @notice Number of slashes requested (ids run from 1 to this).
    function slashCount() external view returns (uint256);
}
