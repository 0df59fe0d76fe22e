// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {
    IRampart,
    Allocation,
    AssetConfig,
    Membership,
    OperatorSet,
    Pool,
    SlashingPolicy,
    SlashParams,
    SlashRequest,
    SlashStatus,
    Withdrawal
} from "./interfaces/IRampart.sol";
import {IDirectory} from "./interfaces/IDirectory.sol";
import {Directory} from "./Directory.sol";
import {IOperatorSetRegistrar} from "./interfaces/IOperatorSetRegistrar.sol";
import {SharesMath} from "./libraries/SharesMath.sol";
import {MagnitudeMath} from "./libraries/MagnitudeMath.sol";

/// @title Rampart
/// @notice The restaking core: assets, operators, services and operator sets, pools and positions, allocation,
/// slashing and the withdrawal queue, in one immutable contract owned by a governance timelock.
/// @dev Rules, invariants and threat model: docs/protocol.md. Sections below follow the interface.
contract Rampart is IRampart, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    // ─────────────────────────── Constants ────────────────────────────

    uint64 public constant WAD = 1e18;
    uint8 public constant PAUSE_DEPOSITS = 1;
    uint8 public constant PAUSE_WITHDRAWALS = 2;
    uint8 public constant PAUSE_ALLOCATIONS = 4;
    uint8 public constant PAUSE_SLASHING = 8;

    uint32 public constant MIN_WITHDRAWAL_DELAY = 3 days;
    uint32 public constant MAX_WITHDRAWAL_DELAY = 30 days;
    uint32 public constant MIN_DEALLOCATION_DELAY = 1 days;
    /// @dev Below MIN_WITHDRAWAL_DELAY, and each set's window must also be below its own deallocation delay, so a
    /// vetoable slash always lands before the stake it targets can leave.
    uint32 public constant MAX_VETO_WINDOW = 2 days;
    /// @dev How long after its veto window a request still holds back a decrease of the allocation it targets.
    uint32 public constant SLASH_EXECUTION_GRACE = 1 days;
    uint256 public constant MAX_ASSETS_PER_SET = 16;
    /// @dev Gas a registrar gets to react to an operator leaving; the caller must bring it, so an operator cannot
    /// starve the hook on purpose, and the hook cannot block the exit.
    uint256 public constant REGISTRAR_LEAVE_GAS = 200_000;
    address public constant BURN_ADDRESS = 0x000000000000000000000000000000000000dEaD;

    // ───────────────────────────── Storage ────────────────────────────

    IDirectory internal immutable DIRECTORY;

    /// @inheritdoc IRampart
    address public owner;
    /// @inheritdoc IRampart
    address public pendingOwner;
    /// @inheritdoc IRampart
    address public unpauser;
    /// @inheritdoc IRampart
    uint8 public pausedFlags;
    /// @inheritdoc IRampart
    uint32 public withdrawalDelay;
    /// @inheritdoc IRampart
    uint32 public operatorSetCount;
    /// @inheritdoc IRampart
    uint64 public withdrawalCount;
    /// @inheritdoc IRampart
    uint256 public slashCount;

    /// @inheritdoc IRampart
    mapping(address account => bool) public isPauser;
    mapping(address asset => AssetConfig) internal _assets;
    mapping(uint32 setId => OperatorSet) internal _sets;
    mapping(uint32 setId => mapping(address asset => bool)) internal _setAssets;
    mapping(address operator => mapping(uint32 setId => Membership)) internal _memberships;
    mapping(address operator => mapping(address asset => Pool)) internal _pools;
    mapping(address operator => mapping(address asset => mapping(uint32 setId => Allocation))) internal _allocations;
    /// @inheritdoc IRampart
    mapping(address staker => mapping(address operator => mapping(address asset => uint256))) public sharesOf;
    mapping(uint64 id => bytes32 withdrawalHash) internal _pendingWithdrawals;
    mapping(uint256 slashId => SlashRequest) internal _slashRequests;

    /// @param owner_ Governance (a timelock). @param pauser First pauser. @param unpauser_ The unpauser.
    /// @param withdrawalDelay_ Initial withdrawal delay, within [MIN_WITHDRAWAL_DELAY, MAX_WITHDRAWAL_DELAY].
    constructor(address owner_, address pauser, address unpauser_, uint32 withdrawalDelay_) {
        require(owner_ != address(0) && pauser != address(0) && unpauser_ != address(0), ZeroAddress());
        _checkDelay(withdrawalDelay_, MIN_WITHDRAWAL_DELAY, MAX_WITHDRAWAL_DELAY);
        DIRECTORY = new Directory(address(this));
        owner = owner_;
        isPauser[pauser] = true;
        unpauser = unpauser_;
        withdrawalDelay = withdrawalDelay_;
        emit OwnershipTransferred(address(0), owner_);
        emit PauserSet(pauser, true);
        emit UnpauserSet(unpauser_);
        emit WithdrawalDelaySet(withdrawalDelay_);
    }

    // ─────────────────────────── Modifiers ────────────────────────────

    modifier onlyOwner() {
        require(msg.sender == owner, NotOwner(msg.sender));
        _;
    }

    modifier whenNotPaused(uint8 flag) {
        require(pausedFlags & flag == 0, Paused(flag));
        _;
    }

    modifier onlyOperatorOrDelegate(address operator) {
        DIRECTORY.checkCanActFor(msg.sender, operator);
        _;
    }

    // ─────────────────────────── Governance ───────────────────────────

    /// @inheritdoc IRampart
    function transferOwnership(address newOwner) external onlyOwner {
        pendingOwner = newOwner;
        emit OwnershipTransferStarted(owner, newOwner);
    }

    /// @inheritdoc IRampart
    function acceptOwnership() external {
        require(msg.sender == pendingOwner, NotPendingOwner(msg.sender));
        emit OwnershipTransferred(owner, msg.sender);
        owner = msg.sender;
        pendingOwner = address(0);
    }

    /// @inheritdoc IRampart
    function setPauser(address account, bool allowed) external onlyOwner {
        require(account != address(0), ZeroAddress());
        isPauser[account] = allowed;
        emit PauserSet(account, allowed);
    }

    /// @inheritdoc IRampart
    function setUnpauser(address account) external onlyOwner {
        require(account != address(0), ZeroAddress());
        unpauser = account;
        emit UnpauserSet(account);
    }

    /// @inheritdoc IRampart
    function pause(uint8 flags) external {
        require(isPauser[msg.sender], NotPauser(msg.sender));
        pausedFlags |= flags;
        emit PausedFlagsSet(pausedFlags);
    }

    /// @inheritdoc IRampart
    function unpause(uint8 flags) external {
        require(msg.sender == unpauser, NotUnpauser(msg.sender));
        pausedFlags &= ~flags;
        emit PausedFlagsSet(pausedFlags);
    }

    /// @inheritdoc IRampart
    function setWithdrawalDelay(uint32 delay) external onlyOwner {
        _checkDelay(delay, MIN_WITHDRAWAL_DELAY, MAX_WITHDRAWAL_DELAY);
        withdrawalDelay = delay;
        emit WithdrawalDelaySet(delay);
    }

    /// @inheritdoc IRampart
    function listAsset(address asset, uint128 cap) external onlyOwner {
        AssetConfig storage config = _assets[asset];
        require(asset != address(0), ZeroAddress());
        require(!config.listed, AssetAlreadyListed(asset));
        uint8 decimals = _readDecimals(asset);
        config.listed = true;
        config.decimals = decimals;
        config.cap = cap;
        emit AssetListed(asset, decimals, cap);
    }

    /// @inheritdoc IRampart
    function setAssetCap(address asset, uint128 cap) external onlyOwner {
        AssetConfig storage config = _assets[asset];
        require(config.listed, AssetNotListed(asset));
        config.cap = cap;
        emit AssetCapSet(asset, cap);
    }

    /// @inheritdoc IRampart
    function delistAsset(address asset) external onlyOwner {
        AssetConfig storage config = _assets[asset];
        require(config.listed, AssetNotListed(asset));
        config.listed = false;
        emit AssetDelisted(asset);
    }

    // ─────────────────────────── Services ─────────────────────────────

    /// @inheritdoc IRampart
    function createOperatorSet(address[] calldata assets, SlashingPolicy calldata policy, address registrar)
        external
        returns (uint32 setId)
    {
        require(DIRECTORY.isService(msg.sender), IDirectory.ServiceNotRegistered(msg.sender));
        require(assets.length != 0, NoAssets());
        require(policy.maxSlashWad != 0 && policy.maxSlashWad <= WAD, SlashWadOutOfBounds(policy.maxSlashWad, WAD));
        _checkDelay(policy.deallocationDelay, MIN_DEALLOCATION_DELAY, MAX_WITHDRAWAL_DELAY);
        require(policy.vetoWindow <= MAX_VETO_WINDOW, VetoWindowTooLong(policy.vetoWindow, MAX_VETO_WINDOW));
        // Otherwise an operator could deallocate after a request and be gone before it executes.
        require(
            policy.vetoWindow < policy.deallocationDelay,
            VetoWindowNotBelowDeallocationDelay(policy.vetoWindow, policy.deallocationDelay)
        );
        require(
            (policy.vetoWindow == 0) == (policy.vetoCommittee == address(0)),
            VetoCommitteeMismatch(policy.vetoWindow, policy.vetoCommittee)
        );

        setId = ++operatorSetCount;
        OperatorSet storage set = _sets[setId];
        set.service = msg.sender;
        set.registrar = registrar;
        set.policy = policy;
        for (uint256 i; i < assets.length; ++i) {
            _addSetAsset(setId, set, assets[i]);
        }
        emit OperatorSetCreated(setId, msg.sender, registrar, policy, assets);
    }

    /// @inheritdoc IRampart
    function addOperatorSetAsset(uint32 setId, address asset) external {
        OperatorSet storage set = _setOfService(setId);
        _addSetAsset(setId, set, asset);
        emit OperatorSetAssetAdded(setId, asset);
    }

    /// @inheritdoc IRampart
    function joinOperatorSet(address operator, uint32 setId, bytes calldata data)
        external
        nonReentrant
        onlyOperatorOrDelegate(operator)
        whenNotPaused(PAUSE_ALLOCATIONS)
    {
        OperatorSet storage set = _existingSet(setId);
        Membership storage membership = _memberships[operator][setId];
        require(!membership.member, AlreadyMember(operator, setId));
        membership.member = true;
        emit OperatorJoined(setId, operator);
        address registrar = set.registrar;
        if (registrar != address(0)) IOperatorSetRegistrar(registrar).onJoin(operator, setId, data);
    }

    /// @inheritdoc IRampart
    function leaveOperatorSet(address operator, uint32 setId) external nonReentrant onlyOperatorOrDelegate(operator) {
        OperatorSet storage set = _existingSet(setId);
        Membership storage membership = _memberships[operator][setId];
        require(membership.member, NotMember(operator, setId));
        require(membership.allocatedPools == 0, StillAllocated(operator, setId, membership.allocatedPools));
        membership.member = false;
        emit OperatorLeft(setId, operator);

        address registrar = set.registrar;
        if (registrar == address(0)) return;
        // 1/64 of the gas stays with the caller (EIP-150); require enough that the hook really gets its budget.
        uint256 required = REGISTRAR_LEAVE_GAS + REGISTRAR_LEAVE_GAS / 63 + 10_000;
        require(gasleft() >= required, InsufficientGasForHook(gasleft(), required));
        try IOperatorSetRegistrar(registrar).onLeave{gas: REGISTRAR_LEAVE_GAS}(operator, setId) {}
        catch (bytes memory reason) {
            emit RegistrarHookFailed(setId, operator, reason);
        }
    }

    // ─────────────────────────── Allocation ───────────────────────────

    /// @inheritdoc IRampart
    function allocate(address operator, address asset, uint32 setId, uint64 fractionWad)
        external
        onlyOperatorOrDelegate(operator)
        whenNotPaused(PAUSE_ALLOCATIONS)
    {
        _existingSet(setId);
        require(_memberships[operator][setId].member, NotMember(operator, setId));
        require(_setAssets[setId][asset], AssetNotInSet(setId, asset));
        require(fractionWad <= WAD, FractionAboveOne(fractionWad));

        (Pool storage pool, Allocation storage allocation) = _settled(operator, asset, setId);
        require(allocation.effectAt == 0, AllocationChangePending(operator, asset, setId, allocation.effectAt));
        uint64 maxMag = WAD - pool.slashedMagnitude;
        require(maxMag != 0, PoolFullySlashed(operator, asset));
        uint64 current = allocation.magnitude;
        uint64 target = MagnitudeMath.fromFractionDown(fractionWad, maxMag);
        require(target != current, AllocationUnchanged(operator, asset, setId));

        if (target > current) {
            _increase(operator, setId, pool, allocation, target, maxMag);
        } else {
            // The magnitude stays slashable, and encumbered, until the deallocation delay has passed.
            _schedule(allocation, target, _deallocationDelay(_sets[setId]));
        }
        _emitAllocation(operator, asset, setId, allocation);
        emit PoolMagnitudesUpdated(operator, asset, maxMag, pool.encumberedMagnitude);
    }

    /// @inheritdoc IRampart
    function settleAllocation(address operator, address asset, uint32 setId) external {
        _existingSet(setId);
        _settled(operator, asset, setId);
    }

    // ─────────────────────────── Staking ──────────────────────────────

    /// @inheritdoc IRampart
    function deposit(address operator, address asset, uint256 amount, address onBehalf, uint256 minShares)
        external
        nonReentrant
        whenNotPaused(PAUSE_DEPOSITS)
        returns (uint256 shares)
    {
        require(amount != 0, ZeroAmount());
        require(onBehalf != address(0), ZeroAddress());
        AssetConfig storage config = _assets[asset];
        require(config.listed, AssetNotListed(asset));
        require(DIRECTORY.isOperator(operator), IDirectory.OperatorNotRegistered(operator));
        uint256 totalAfter = config.totalDeposited + amount;
        require(totalAfter <= config.cap, DepositCapExceeded(asset, totalAfter, config.cap));

        Pool storage pool = _pools[operator][asset];
        require(pool.slashedMagnitude < WAD, PoolFullySlashed(operator, asset));
        shares = SharesMath.toSharesDown(amount, pool.totalAssets, pool.totalShares);
        require(shares != 0 && shares >= minShares, SharesTooLow(shares, minShares));

        // A pool slashed almost to nothing prices shares so low that a deposit could overflow the share supply.
        require(_fitsShares(pool, shares), PoolSharesOverflow(operator, asset));
        // forge-lint: disable-next-line(unsafe-typecast) checked just above
        pool.totalShares += uint128(shares);
        // forge-lint: disable-next-line(unsafe-typecast) the pool's assets ≤ the asset's total ≤ its uint128 cap
        pool.totalAssets += uint128(amount);
        sharesOf[onBehalf][operator][asset] += shares;
        // forge-lint: disable-next-line(unsafe-typecast) totalAfter ≤ cap, a uint128
        config.totalDeposited = uint128(totalAfter);
        emit Deposited(onBehalf, operator, asset, msg.sender, amount, shares);

        _pullExact(asset, amount);
    }

    /// @inheritdoc IRampart
    function queueWithdrawal(address operator, address asset, uint256 shares, address receiver)
        external
        whenNotPaused(PAUSE_WITHDRAWALS)
        returns (Withdrawal memory)
    {
        require(receiver != address(0), ZeroAddress());
        return _queue(operator, asset, shares, receiver, address(0));
    }

    /// @inheritdoc IRampart
    function queueRedelegation(address operator, address asset, uint256 shares, address newOperator)
        external
        whenNotPaused(PAUSE_WITHDRAWALS)
        returns (Withdrawal memory)
    {
        require(newOperator != operator, SameOperator(operator));
        require(DIRECTORY.isOperator(newOperator), IDirectory.OperatorNotRegistered(newOperator));
        require(_pools[newOperator][asset].slashedMagnitude < WAD, PoolFullySlashed(newOperator, asset));
        return _queue(operator, asset, shares, msg.sender, newOperator);
    }

    /// @inheritdoc IRampart
    function completeWithdrawal(Withdrawal calldata withdrawal)
        external
        nonReentrant
        whenNotPaused(PAUSE_WITHDRAWALS)
        returns (uint256 assets)
    {
        uint64 id = withdrawal.id;
        require(_pendingWithdrawals[id] == keccak256(abi.encode(withdrawal)), UnknownWithdrawal(id));
        require(block.timestamp >= withdrawal.completableAt, WithdrawalNotReady(id, withdrawal.completableAt));
        delete _pendingWithdrawals[id];

        Pool storage pool = _pools[withdrawal.operator][withdrawal.asset];
        assets = SharesMath.toAssetsDown(withdrawal.shares, pool.totalAssets, pool.totalShares);
        // The shares were counted in the pool and assets ≤ its total: both fit in 128 bits and cannot underflow.
        // forge-lint: disable-next-line(unsafe-typecast)
        pool.totalShares -= uint128(withdrawal.shares);
        // forge-lint: disable-next-line(unsafe-typecast)
        pool.totalAssets -= uint128(assets);

        address to = withdrawal.redelegateTo;
        if (to != address(0)) {
            Pool storage target = _pools[to][withdrawal.asset];
            uint256 newShares = SharesMath.toSharesDown(assets, target.totalAssets, target.totalShares);
            // A target that can no longer take the assets (fully slashed, or so nearly that the shares would not fit)
            // must not trap them: the staker is paid instead.
            if (target.slashedMagnitude < WAD && newShares != 0 && _fitsShares(target, newShares)) {
                // forge-lint: disable-next-line(unsafe-typecast) checked just above
                target.totalShares += uint128(newShares);
                // forge-lint: disable-next-line(unsafe-typecast) assets come from the same asset's uint128 total
                target.totalAssets += uint128(assets);
                sharesOf[withdrawal.staker][to][withdrawal.asset] += newShares;
                emit WithdrawalCompleted(id, withdrawal.staker, assets, newShares);
                return assets;
            }
        }
        // forge-lint: disable-next-line(unsafe-typecast) assets ≤ the pool's total ≤ the asset's total
        _assets[withdrawal.asset].totalDeposited -= uint128(assets);
        emit WithdrawalCompleted(id, withdrawal.staker, assets, 0);
        IERC20(withdrawal.asset).safeTransfer(to == address(0) ? withdrawal.receiver : withdrawal.staker, assets);
    }

    // ─────────────────────────── Slashing ─────────────────────────────

    /// @inheritdoc IRampart
    function slash(SlashParams calldata params)
        external
        nonReentrant
        whenNotPaused(PAUSE_SLASHING)
        returns (uint256 slashId)
    {
        OperatorSet storage set = _setOfService(params.setId);
        _checkSlashParams(params, set.policy.maxSlashWad);
        slashId = ++slashCount;
        uint40 executableAt = uint40(block.timestamp) + set.policy.vetoWindow;
        emit SlashRequested(
            slashId, params.setId, params.operator, params.assets, params.wads, executableAt, params.reason
        );
        if (executableAt == block.timestamp) {
            _executeSlash(slashId, params.setId, set, params.operator, params.assets, params.wads, true);
        } else {
            _openSlashRequest(slashId, params, executableAt);
        }
    }

    /// @inheritdoc IRampart
    function vetoSlash(uint256 slashId) external {
        SlashRequest storage request = _pendingRequest(slashId);
        require(msg.sender == _sets[request.setId].policy.vetoCommittee, NotVetoCommittee(msg.sender));
        require(block.timestamp < request.executableAt, VetoWindowClosed(slashId, request.executableAt));
        request.status = SlashStatus.Vetoed;
        emit SlashVetoed(slashId, msg.sender);
    }

    /// @inheritdoc IRampart
    function executeSlash(uint256 slashId) external nonReentrant whenNotPaused(PAUSE_SLASHING) {
        SlashRequest storage request = _pendingRequest(slashId);
        require(block.timestamp >= request.executableAt, VetoWindowOpen(slashId, request.executableAt));
        request.status = SlashStatus.Executed;
        _executeSlash(
            slashId, request.setId, _sets[request.setId], request.operator, request.assets, request.wads, false
        );
    }

    // ───────────────────────────── Views ──────────────────────────────

    /// @inheritdoc IRampart
    function getAllocation(address operator, address asset, uint32 setId) external view returns (Allocation memory) {
        return _allocationView(operator, asset, setId);
    }

    /// @inheritdoc IRampart
    function slashableAssets(address operator, address asset, uint32 setId) external view returns (uint256) {
        Pool storage pool = _pools[operator][asset];
        uint64 maxMag = WAD - pool.slashedMagnitude;
        if (maxMag == 0) return 0;
        uint64 magnitude = _allocationView(operator, asset, setId).magnitude;
        return MagnitudeMath.toAssetsDown(pool.totalAssets, magnitude, maxMag);
    }

    /// @inheritdoc IRampart
    function sharesToAssets(address operator, address asset, uint256 shares) external view returns (uint256) {
        Pool storage pool = _pools[operator][asset];
        return SharesMath.toAssetsDown(shares, pool.totalAssets, pool.totalShares);
    }

    /// @inheritdoc IRampart
    function assetsToShares(address operator, address asset, uint256 amount) external view returns (uint256) {
        Pool storage pool = _pools[operator][asset];
        return SharesMath.toSharesDown(amount, pool.totalAssets, pool.totalShares);
    }

    /// @inheritdoc IRampart
    function isWithdrawalPending(uint64 id) external view returns (bool) {
        return _pendingWithdrawals[id] != bytes32(0);
    }

    /// @inheritdoc IRampart
    function directory() external view returns (IDirectory) {
        return DIRECTORY;
    }

    /// @inheritdoc IRampart
    function getPool(address operator, address asset) external view returns (Pool memory) {
        return _pools[operator][asset];
    }

    /// @inheritdoc IRampart
    function maxMagnitude(address operator, address asset) external view returns (uint64) {
        return WAD - _pools[operator][asset].slashedMagnitude;
    }

    /// @inheritdoc IRampart
    function getAsset(address asset) external view returns (AssetConfig memory) {
        return _assets[asset];
    }

    /// @inheritdoc IRampart
    function getOperatorSet(uint32 setId) external view returns (OperatorSet memory) {
        return _sets[setId];
    }

    /// @inheritdoc IRampart
    function isSetAsset(uint32 setId, address asset) external view returns (bool) {
        return _setAssets[setId][asset];
    }

    /// @inheritdoc IRampart
    function getMembership(address operator, uint32 setId) external view returns (Membership memory) {
        return _memberships[operator][setId];
    }

    /// @inheritdoc IRampart
    function getSlashRequest(uint256 slashId) external view returns (SlashRequest memory) {
        return _slashRequests[slashId];
    }

    // ─────────────────────────── Internals ────────────────────────────

    function _queue(address operator, address asset, uint256 shares, address receiver, address redelegateTo)
        internal
        returns (Withdrawal memory withdrawal)
    {
        require(shares != 0, ZeroAmount());
        uint256 available = sharesOf[msg.sender][operator][asset];
        require(shares <= available, InsufficientShares(shares, available));
        unchecked {
            sharesOf[msg.sender][operator][asset] = available - shares;
        }
        withdrawal = Withdrawal({
            id: ++withdrawalCount,
            completableAt: uint40(block.timestamp) + withdrawalDelay,
            staker: msg.sender,
            operator: operator,
            asset: asset,
            shares: shares,
            receiver: receiver,
            redelegateTo: redelegateTo
        });
        _pendingWithdrawals[withdrawal.id] = keccak256(abi.encode(withdrawal));
        emit WithdrawalQueued(withdrawal.id, msg.sender, withdrawal);
    }

    /// @dev Slashes each asset's allocation by its fraction. Gas is independent of the number of stakers: the loss
    /// lands on the pool's assets, so every share (positions and queued withdrawals alike) is worth less.
    function _executeSlash(
        uint256 slashId,
        uint32 setId,
        OperatorSet storage set,
        address operator,
        address[] memory assets,
        uint64[] memory wads,
        bool strict
    ) internal {
        address recipient = set.policy.slashRecipient;
        if (recipient == address(0)) recipient = BURN_ADDRESS;
        for (uint256 i; i < assets.length; ++i) {
            uint256 assetsSlashed = _slashPool(slashId, setId, operator, assets[i], wads[i], recipient, strict);
            if (assetsSlashed != 0) IERC20(assets[i]).safeTransfer(recipient, assetsSlashed);
        }
    }

    /// @dev Takes `wad` of the allocation's magnitude from the allocation and from the pool's max magnitude together,
    /// and the assets that magnitude stands for from the pool.
    /// An executed veto request (`strict` false) skips an asset with nothing to take instead of reverting, so that
    /// one such asset cannot block the others.
    function _slashPool(
        uint256 slashId,
        uint32 setId,
        address operator,
        address asset,
        uint64 wad,
        address recipient,
        bool strict
    ) internal returns (uint256 assetsSlashed) {
        (Pool storage pool, Allocation storage allocation) = _settled(operator, asset, setId);
        uint64 magnitude = allocation.magnitude;
        uint64 slashed = MagnitudeMath.slashedMagnitudeDown(magnitude, wad);
        if (slashed == 0) {
            if (strict) {
                require(magnitude != 0, NoAllocation(operator, asset, setId));
                revert SlashRoundsToZero(asset, magnitude, wad);
            }
            emit Slashed(slashId, setId, operator, asset, 0, 0, recipient);
            return 0;
        }
        uint64 maxMag = WAD - pool.slashedMagnitude;
        assetsSlashed = MagnitudeMath.toAssetsDown(pool.totalAssets, slashed, maxMag);

        // assetsSlashed ≤ the pool's total ≤ the asset's total, both uint128.
        // forge-lint: disable-next-line(unsafe-typecast)
        pool.totalAssets -= uint128(assetsSlashed);
        pool.slashedMagnitude += slashed;
        pool.encumberedMagnitude -= slashed;
        // forge-lint: disable-next-line(unsafe-typecast)
        _assets[asset].totalDeposited -= uint128(assetsSlashed);
        if (_reduceAllocation(allocation, magnitude, slashed)) --_memberships[operator][setId].allocatedPools;

        emit Slashed(slashId, setId, operator, asset, slashed, assetsSlashed, recipient);
        _emitAllocation(operator, asset, setId, allocation);
        emit PoolMagnitudesUpdated(operator, asset, maxMag - slashed, pool.encumberedMagnitude);
    }

    /// @dev Lowers an allocation by a slashed magnitude; returns true if nothing (current or pending) is left.
    function _reduceAllocation(Allocation storage allocation, uint64 magnitude, uint64 slashed)
        internal
        returns (bool emptied)
    {
        allocation.magnitude = magnitude - slashed;
        if (allocation.effectAt != 0) {
            uint64 pending = allocation.pendingMagnitude;
            // A pending increase keeps its size; a pending decrease keeps its proportion of what is left.
            allocation.pendingMagnitude =
                pending > magnitude ? pending - slashed : MagnitudeMath.scaleDown(pending, magnitude, slashed);
        }
        emptied = allocation.magnitude == 0 && allocation.pendingMagnitude == 0;
        if (emptied) allocation.effectAt = 0;
    }

    /// @dev Encumbers the increase at once (so the pool never promises more than 100%) and makes it slashable after
    /// the operator's allocation delay.
    function _increase(
        address operator,
        uint32 setId,
        Pool storage pool,
        Allocation storage allocation,
        uint64 target,
        uint64 maxMag
    ) internal {
        uint64 current = allocation.magnitude;
        uint64 available = maxMag - pool.encumberedMagnitude;
        require(target - current <= available, InsufficientMagnitude(target - current, available));
        pool.encumberedMagnitude += target - current;
        _schedule(allocation, target, DIRECTORY.allocationDelayOf(operator));
        if (current == 0) ++_memberships[operator][setId].allocatedPools;
    }

    /// @dev Sets `target` as the magnitude now (no delay) or from `delay` seconds on.
    function _schedule(Allocation storage allocation, uint64 target, uint32 delay) internal {
        if (delay == 0) {
            allocation.magnitude = target;
        } else {
            allocation.pendingMagnitude = target;
            allocation.effectAt = uint40(block.timestamp) + delay;
        }
    }

    /// @dev The pool and the allocation, with a pending change applied if its time has come; a finished decrease
    /// frees its magnitude.
    function _settled(address operator, address asset, uint32 setId)
        internal
        returns (Pool storage pool, Allocation storage allocation)
    {
        pool = _pools[operator][asset];
        allocation = _allocations[operator][asset][setId];
        uint40 effectAt = allocation.effectAt;
        if (effectAt == 0 || block.timestamp < effectAt) return (pool, allocation);
        uint64 magnitude = allocation.magnitude;
        uint64 pending = allocation.pendingMagnitude;
        allocation.magnitude = pending;
        allocation.pendingMagnitude = 0;
        allocation.effectAt = 0;
        _emitAllocation(operator, asset, setId, allocation);
        if (pending < magnitude) {
            pool.encumberedMagnitude -= magnitude - pending;
            if (pending == 0) --_memberships[operator][setId].allocatedPools;
            emit PoolMagnitudesUpdated(operator, asset, WAD - pool.slashedMagnitude, pool.encumberedMagnitude);
        }
    }

    function _emitAllocation(address operator, address asset, uint32 setId, Allocation storage allocation) internal {
        emit AllocationUpdated(
            operator, asset, setId, allocation.magnitude, allocation.pendingMagnitude, allocation.effectAt
        );
    }

    function _allocationView(address operator, address asset, uint32 setId)
        internal
        view
        returns (Allocation memory allocation)
    {
        allocation = _allocations[operator][asset][setId];
        if (allocation.effectAt != 0 && block.timestamp >= allocation.effectAt) {
            allocation = Allocation({magnitude: allocation.pendingMagnitude, pendingMagnitude: 0, effectAt: 0});
        }
    }

    function _checkSlashParams(SlashParams calldata params, uint64 maxWad) internal view {
        uint256 count = params.assets.length;
        require(count == params.wads.length, LengthMismatch());
        require(count != 0, NoAssets());
        for (uint256 i; i < count; ++i) {
            uint64 wad = params.wads[i];
            require(wad != 0 && wad <= maxWad, SlashWadOutOfBounds(wad, maxWad));
            address asset = params.assets[i];
            require(_setAssets[params.setId][asset], AssetNotInSet(params.setId, asset));
            // A repeated asset would take the fraction twice and beat the policy's per-slash maximum.
            for (uint256 j; j < i; ++j) {
                require(params.assets[j] != asset, DuplicateAsset(asset));
            }
        }
    }

    function _openSlashRequest(uint256 slashId, SlashParams calldata params, uint40 executableAt) internal {
        uint40 holdUntil = executableAt + SLASH_EXECUTION_GRACE;
        for (uint256 i; i < params.assets.length; ++i) {
            address asset = params.assets[i];
            (, Allocation storage allocation) = _settled(params.operator, asset, params.setId);
            // Reject at once what could never execute; the amounts are fixed only at execution.
            require(allocation.magnitude != 0, NoAllocation(params.operator, asset, params.setId));
            // A decrease started before the request must not take the stake out of reach during the veto window:
            // it waits until the request can have been executed.
            uint40 effectAt = allocation.effectAt;
            if (effectAt != 0 && effectAt < holdUntil && allocation.pendingMagnitude < allocation.magnitude) {
                allocation.effectAt = holdUntil;
                _emitAllocation(params.operator, asset, params.setId, allocation);
            }
        }
        SlashRequest storage request = _slashRequests[slashId];
        request.setId = params.setId;
        request.status = SlashStatus.Pending;
        request.executableAt = executableAt;
        request.operator = params.operator;
        request.assets = params.assets;
        request.wads = params.wads;
    }

    function _pendingRequest(uint256 slashId) internal view returns (SlashRequest storage request) {
        request = _slashRequests[slashId];
        require(request.status != SlashStatus.None, UnknownSlash(slashId));
        require(request.status == SlashStatus.Pending, SlashNotPending(slashId, request.status));
    }

    function _existingSet(uint32 setId) internal view returns (OperatorSet storage set) {
        set = _sets[setId];
        require(set.service != address(0), UnknownOperatorSet(setId));
    }

    function _setOfService(uint32 setId) internal view returns (OperatorSet storage set) {
        set = _existingSet(setId);
        require(set.service == msg.sender, NotSetService(msg.sender, setId));
    }

    function _addSetAsset(uint32 setId, OperatorSet storage set, address asset) internal {
        require(_assets[asset].listed, AssetNotListed(asset));
        require(!_setAssets[setId][asset], AssetAlreadyInSet(setId, asset));
        require(set.assets.length < MAX_ASSETS_PER_SET, TooManyAssets(setId));
        _setAssets[setId][asset] = true;
        set.assets.push(asset);
    }

    /// @dev A set's deallocation delay never outlasts the withdrawal delay: stake that is still slashable for a set
    /// cannot be withdrawn, and stake a staker withdraws stays slashable at least as long as a deallocation would.
    function _deallocationDelay(OperatorSet storage set) internal view returns (uint32) {
        uint32 delay = set.policy.deallocationDelay;
        return delay < withdrawalDelay ? delay : withdrawalDelay;
    }

    /// @dev Pulls exactly `amount`; tokens that deliver less (fee on transfer) or more are rejected.
    function _pullExact(address asset, uint256 amount) internal {
        uint256 balanceBefore = IERC20(asset).balanceOf(address(this));
        IERC20(asset).safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = IERC20(asset).balanceOf(address(this)) - balanceBefore;
        require(received == amount, TransferAmountMismatch(asset, amount, received));
    }

    function _readDecimals(address asset) internal view returns (uint8) {
        // A call to an address without code would "succeed" with no data and fail to decode outside the try.
        require(asset.code.length != 0, NotAContract(asset));
        try IERC20Metadata(asset).decimals() returns (uint8 decimals) {
            require(decimals <= 36, UnsupportedDecimals(asset, decimals));
            return decimals;
        } catch {
            revert UnsupportedDecimals(asset, 0);
        }
    }

    function _fitsShares(Pool storage pool, uint256 newShares) internal view returns (bool) {
        return newShares <= type(uint128).max - pool.totalShares;
    }

    function _checkDelay(uint256 delay, uint256 min, uint256 max) internal pure {
        require(delay >= min && delay <= max, DelayOutOfBounds(delay, min, max));
    }
}
