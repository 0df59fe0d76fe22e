// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {vm, Vm} from "../utils/Vm.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {
    IRampart,
    Allocation,
    AssetConfig,
    Pool,
    SlashParams,
    SlashRequest,
    SlashStatus,
    Withdrawal
} from "../../src/interfaces/IRampart.sol";

/// @notice Who and what the handler acts on; built by the invariant suite's setUp.
struct HandlerConfig {
    IRampart rampart;
    address governance;
    address vetoCommittee;
    address[5] stakers;
    /// @dev Receives some withdrawals instead of the staker.
    address extraReceiver;
    address[3] operators;
    /// @dev Delegate of operators[2], which also has an allocation delay.
    address delegate;
    MockERC20[2] tokens;
    /// @dev [instant 50% burn, veto 100% to a sink, instant 100% to a treasury].
    uint32[3] sets;
    address[3] services;
    /// @dev Where each set's slashes go (BURN_ADDRESS for a burn).
    address[3] recipients;
}

/// @notice Raw storage of an allocation as last reported by `AllocationUpdated` (which every write emits), i.e.
/// without the lazy application of a due pending change that `getAllocation` performs.
struct RawAllocation {
    uint64 magnitude;
    uint64 pendingMagnitude;
    uint40 effectAt;
    bool touched;
}

/// @notice Drives Rampart through random but always valid actions and keeps ghost state for the invariant suite.
/// Every function bounds its inputs so the action is valid and returns early when it is not possible: with
/// fail_on_revert = true, any revert is a finding (either a contract bug or a wrong precondition here).
contract RampartHandler {
    uint64 internal constant WAD = 1e18;
    uint256 internal constant N_STAKERS = 5;
    uint256 internal constant N_OPS = 3;
    uint256 internal constant N_ASSETS = 2;
    uint256 internal constant N_SETS = 3;
    uint256 internal constant N_KEYS = N_OPS * N_ASSETS * N_SETS;
    /// @dev The veto set's index in `sets`.
    uint256 internal constant VETO = 1;

    IRampart public rampart;
    address public governance;
    address public vetoCommittee;
    address public extraReceiver;
    address public delegate;

    address[5] internal _stakers;
    address[3] internal _operators;
    MockERC20[2] internal _tokens;
    uint32[3] internal _sets;
    address[3] internal _services;
    address[3] internal _recipients;

    // ─────────────────────────────── Ghosts ───────────────────────────────

    /// @dev Tokens deposited on behalf of a staker (whoever paid).
    mapping(address staker => mapping(address asset => uint256)) public ghostDeposited;
    /// @dev Tokens paid out for a staker's withdrawals (to whichever receiver).
    mapping(address staker => mapping(address asset => uint256)) public ghostPaid;
    mapping(address asset => uint256) public ghostMinted;
    mapping(address asset => uint256) public ghostPaidTotal;
    mapping(address asset => uint256) public ghostDonated;
    mapping(address recipient => mapping(address asset => uint256)) public ghostSlashReceived;
    mapping(address operator => mapping(address asset => uint256)) public ghostSlashedMagnitude;
    /// @dev Operations that round inside a pool (deposits, completions, slashes): each leaves under one wei of dust
    /// with the shares that stay, which bounds what a staker can gain from the others' rounding.
    uint256 public ghostRoundingOps;

    Withdrawal[] internal _pending;
    mapping(uint64 id => bool) public ghostPendingId;
    uint64 public ghostWithdrawalCount;

    uint256[] internal _openRequests;
    mapping(uint256 slashId => SlashStatus) public ghostSlashStatus;
    uint256 public ghostSlashCount;

    mapping(address operator => mapping(address asset => mapping(uint32 setId => RawAllocation))) internal _raw;
    /// @dev (operator, asset, set) keys whose allocation was ever written, in first-write order.
    bytes32[] public touchedKeys;

    /// @dev Another set's slashable assets on a slashed pool moved by more than rounding (or at all on other pools).
    bool public isolationBroken;
    /// @dev A slash took more assets than the set could slash just before it.
    bool public overSlash;
    /// @dev A slash took no magnitude.
    bool public zeroMagnitudeSlash;
    /// @dev A slash took other magnitude or assets than floor(m * wad / WAD) and floor(A * slashed / M).
    bool public slashModelMismatch;
    /// @dev A deposit or completion gave other shares or assets than the views promised just before.
    bool public previewMismatch;
    /// @dev An allocation change landed other than the model (target, delay) says.
    bool public allocationModelMismatch;
    /// @dev A queued withdrawal's struct differs from what was asked.
    bool public withdrawalMismatch;

    /// @dev How often each action really ran (not skipped), for coverage checks.
    mapping(string action => uint256) public ran;

    constructor(HandlerConfig memory c) {
        rampart = c.rampart;
        governance = c.governance;
        vetoCommittee = c.vetoCommittee;
        extraReceiver = c.extraReceiver;
        delegate = c.delegate;
        _stakers = c.stakers;
        _operators = c.operators;
        _tokens = c.tokens;
        _sets = c.sets;
        _services = c.services;
        _recipients = c.recipients;
    }

    // ─────────────────────────────── Staking ───────────────────────────────

    function deposit(uint256 payerSeed, uint256 stakerSeed, uint256 opSeed, uint256 assetSeed, uint256 amount)
        external
    {
        address staker = _stakers[stakerSeed % N_STAKERS];
        address payer = payerSeed % 4 == 0 ? _stakers[(payerSeed / 4) % N_STAKERS] : staker;
        address op = _operators[opSeed % N_OPS];
        MockERC20 token = _tokens[assetSeed % N_ASSETS];
        // Dust-sized deposits a third of the time, to stress the rounding.
        amount = amount % 3 == 0 ? _bound(amount, 1, 1e9) : _bound(amount, 1, 1e24);

        Pool memory pool = rampart.getPool(op, address(token));
        if (pool.slashedMagnitude == WAD) return;
        AssetConfig memory config = rampart.getAsset(address(token));
        if (config.totalDeposited + amount > config.cap) return;
        uint256 expected = rampart.assetsToShares(op, address(token), amount);
        if (expected == 0) return;
        // After a near-total slash the share price collapses and the minted shares would overflow the pool's
        // uint128 share supply: the core rejects such a deposit with PoolSharesOverflow (unit-tested).
        if (pool.totalShares + expected > type(uint128).max) {
            ++ran["depositShareOverflow"];
            return;
        }

        token.mint(payer, amount);
        ghostMinted[address(token)] += amount;
        vm.startPrank(payer);
        token.approve(address(rampart), amount);
        uint256 shares = rampart.deposit(op, address(token), amount, staker, expected);
        vm.stopPrank();

        if (shares != expected) previewMismatch = true;
        ghostDeposited[staker][address(token)] += amount;
        ++ghostRoundingOps;
        ++ran["deposit"];
    }

    function queueWithdrawal(uint256 stakerSeed, uint256 opSeed, uint256 assetSeed, uint256 sharesSeed, uint256 rSeed)
        external
    {
        address staker = _stakers[stakerSeed % N_STAKERS];
        address op = _operators[opSeed % N_OPS];
        address asset = address(_tokens[assetSeed % N_ASSETS]);
        uint256 available = rampart.sharesOf(staker, op, asset);
        if (available == 0) return;
        uint256 shares = sharesSeed % 4 == 0 ? available : _bound(sharesSeed, 1, available);
        address receiver =
            rSeed % 3 == 0 ? (rSeed % 2 == 0 ? extraReceiver : _stakers[(rSeed / 6) % N_STAKERS]) : staker;

        vm.prank(staker);
        Withdrawal memory w = rampart.queueWithdrawal(op, asset, shares, receiver);
        _recordQueued(w, staker, op, asset, shares, receiver, address(0));
        ++ran["queueWithdrawal"];
    }

    function queueRedelegation(
        uint256 stakerSeed,
        uint256 opSeed,
        uint256 assetSeed,
        uint256 sharesSeed,
        uint256 toSeed
    ) external {
        address staker = _stakers[stakerSeed % N_STAKERS];
        uint256 opIndex = opSeed % N_OPS;
        address op = _operators[opIndex];
        address newOp = _operators[(opIndex + 1 + (toSeed % (N_OPS - 1))) % N_OPS];
        address asset = address(_tokens[assetSeed % N_ASSETS]);
        uint256 available = rampart.sharesOf(staker, op, asset);
        if (available == 0) return;
        if (rampart.getPool(newOp, asset).slashedMagnitude == WAD) return;
        uint256 shares = sharesSeed % 4 == 0 ? available : _bound(sharesSeed, 1, available);

        vm.prank(staker);
        Withdrawal memory w = rampart.queueRedelegation(op, asset, shares, newOp);
        _recordQueued(w, staker, op, asset, shares, staker, newOp);
        ++ran["queueRedelegation"];
    }

    /// @dev Completes a queued withdrawal, warping to its completion time if needed. Any account may complete.
    function completeWithdrawal(uint256 indexSeed, uint256 callerSeed) external {
        if (_pending.length == 0) return;
        uint256 index = indexSeed % _pending.length;
        Withdrawal memory w = _pending[index];
        if (block.timestamp < w.completableAt) vm.warp(w.completableAt);

        uint256 expected = rampart.sharesToAssets(w.operator, w.asset, w.shares);
        // A redelegation moves into the target pool when it can take the assets; otherwise (fully slashed, or so
        // nearly that the new shares would be zero or overflow) the staker is paid. Either way it completes.
        uint256 expectedShares;
        bool intoPool;
        if (w.redelegateTo != address(0)) {
            Pool memory target = rampart.getPool(w.redelegateTo, w.asset);
            expectedShares = rampart.assetsToShares(w.redelegateTo, w.asset, expected);
            intoPool = target.slashedMagnitude < WAD && expectedShares != 0
                && target.totalShares + expectedShares <= type(uint128).max;
            if (!intoPool) expectedShares = 0;
        }
        uint256 sharesBefore = intoPool ? rampart.sharesOf(w.staker, w.redelegateTo, w.asset) : 0;
        address payee = w.redelegateTo == address(0) ? w.receiver : w.staker;
        uint256 balanceBefore = MockERC20(w.asset).balanceOf(payee);

        vm.prank(callerSeed % 2 == 0 ? w.staker : _stakers[callerSeed % N_STAKERS]);
        uint256 assets = rampart.completeWithdrawal(w);

        if (assets != expected) previewMismatch = true;
        if (intoPool) {
            if (rampart.sharesOf(w.staker, w.redelegateTo, w.asset) - sharesBefore != expectedShares) {
                previewMismatch = true;
            }
            ++ran["completeRedelegation"];
        } else {
            if (MockERC20(w.asset).balanceOf(payee) - balanceBefore != assets) previewMismatch = true;
            ghostPaid[w.staker][w.asset] += assets;
            ghostPaidTotal[w.asset] += assets;
            ++ran[w.redelegateTo == address(0) ? "completeWithdrawal" : "redelegationPaidOut"];
        }
        ghostPendingId[w.id] = false;
        _pending[index] = _pending[_pending.length - 1];
        _pending.pop();
        ++ghostRoundingOps;
    }

    /// @dev Tokens sent to the core without a deposit: they must never count as anyone's.
    function donate(uint256 assetSeed, uint256 amount) external {
        MockERC20 token = _tokens[assetSeed % N_ASSETS];
        amount = _bound(amount, 1, 1e20);
        token.mint(address(rampart), amount);
        ghostMinted[address(token)] += amount;
        ghostDonated[address(token)] += amount;
        ++ran["donate"];
    }

    // ──────────────────────────── Operator sets ────────────────────────────

    function joinOperatorSet(uint256 opSeed, uint256 setSeed, bool viaDelegate) external {
        address op = _operators[opSeed % N_OPS];
        uint32 setId = _sets[setSeed % N_SETS];
        if (rampart.getMembership(op, setId).member) return;
        _join(op, setId, viaDelegate);
        ++ran["join"];
    }

    /// @dev Leaves when possible; optionally settles the set's allocations first so a finished full deallocation
    /// (which only counts as freed once settled) does not block the exit.
    function leaveOperatorSet(uint256 opSeed, uint256 setSeed, bool settleFirst, bool viaDelegate) external {
        address op = _operators[opSeed % N_OPS];
        uint32 setId = _sets[setSeed % N_SETS];
        if (!rampart.getMembership(op, setId).member) return;
        if (settleFirst) {
            vm.recordLogs();
            for (uint256 a; a < N_ASSETS; ++a) {
                rampart.settleAllocation(op, address(_tokens[a]), setId);
            }
            _syncLogs();
        }
        if (rampart.getMembership(op, setId).allocatedPools != 0) return;
        vm.prank(_actorFor(op, viaDelegate));
        rampart.leaveOperatorSet(op, setId);
        ++ran["leave"];
    }

    // ────────────────────────────── Allocation ──────────────────────────────

    /// @param mode 0: deallocate fully; 1: allocate all that is available; otherwise a random valid target.
    function allocate(uint256 opSeed, uint256 assetSeed, uint256 setSeed, uint256 magSeed, uint8 mode, bool viaDelegate)
        external
    {
        address op = _operators[opSeed % N_OPS];
        address asset = address(_tokens[assetSeed % N_ASSETS]);
        uint32 setId = _sets[setSeed % N_SETS];
        if (!rampart.isSetAsset(setId, asset)) return;
        uint64 maxMag = rampart.maxMagnitude(op, asset);
        if (maxMag == 0) return;
        if (!rampart.getMembership(op, setId).member) _join(op, setId, viaDelegate);

        vm.recordLogs();
        // Settle first so that the pool's encumbered magnitude already reflects a finished decrease of this set.
        rampart.settleAllocation(op, asset, setId);
        _syncLogs();
        Allocation memory current = rampart.getAllocation(op, asset, setId);
        if (current.effectAt != 0) return;
        uint64 available = maxMag - rampart.getPool(op, asset).encumberedMagnitude;
        uint256 wanted = mode % 4 == 0
            ? 0
            : mode % 4 == 1
                ? uint256(current.magnitude) + available
                : _bound(magSeed, 0, uint256(current.magnitude) + available);
        // forge-lint: disable-next-line(unsafe-typecast) wanted ≤ maxMag, so the fraction is ≤ WAD
        uint64 fraction = uint64((wanted * WAD) / maxMag);
        uint64 target = uint64((uint256(fraction) * maxMag) / WAD);
        if (target == current.magnitude) return;

        vm.recordLogs();
        vm.prank(_actorFor(op, viaDelegate));
        rampart.allocate(op, asset, setId, fraction);
        _syncLogs();

        RawAllocation memory raw = _raw[op][asset][setId];
        uint256 delay;
        if (target > current.magnitude) {
            delay = rampart.directory().allocationDelayOf(op);
            ++ran["allocateUp"];
        } else {
            uint32 dealloc = rampart.getOperatorSet(setId).policy.deallocationDelay;
            uint32 wd = rampart.withdrawalDelay();
            delay = dealloc < wd ? dealloc : wd;
            ++ran["allocateDown"];
        }
        bool asModel = delay == 0
            ? raw.magnitude == target && raw.pendingMagnitude == 0 && raw.effectAt == 0
            : raw.magnitude == current.magnitude && raw.pendingMagnitude == target
                && raw.effectAt == block.timestamp + delay;
        if (!asModel) allocationModelMismatch = true;
    }

    function settleAllocation(uint256 opSeed, uint256 assetSeed, uint256 setSeed) external {
        address op = _operators[opSeed % N_OPS];
        address asset = address(_tokens[assetSeed % N_ASSETS]);
        uint32 setId = _sets[setSeed % N_SETS];
        vm.recordLogs();
        rampart.settleAllocation(op, asset, setId);
        _syncLogs();
        ++ran["settle"];
    }

    // ─────────────────────────────── Slashing ───────────────────────────────

    /// @dev An instant slash by the set's service, of one asset or of both the set accepts.
    function slashInstant(
        uint256 opSeed,
        bool fullSet,
        uint256 assetSeed,
        uint256 wadSeed0,
        uint256 wadSeed1,
        bool both
    ) external {
        uint256 setIndex = fullSet ? 2 : 0;
        uint32 setId = _sets[setIndex];
        address op = _allocatedOperator(opSeed, setId);
        (address[] memory assets, uint64[] memory wads) =
            _slashTargets(op, setId, assetSeed, [wadSeed0, wadSeed1], both, true);
        if (assets.length == 0) return;
        _checkedSlash(setIndex, op, assets, wads, 0, _services[setIndex]);
        ++ran[assets.length == 2 ? "slashInstant2" : "slashInstant1"];
    }

    /// @dev Opens a request in the veto set. Any wad up to the policy's maximum: whether it can execute is only
    /// known at execution.
    function requestSlash(uint256 opSeed, uint256 assetSeed, uint256 wadSeed0, uint256 wadSeed1, bool both) external {
        uint32 setId = _sets[VETO];
        address op = _allocatedOperator(opSeed, setId);
        (address[] memory assets, uint64[] memory wads) =
            _slashTargets(op, setId, assetSeed, [wadSeed0, wadSeed1], both, false);
        if (assets.length == 0) return;
        // A request settles due changes and holds back earlier decreases of what it targets: mirror those writes.
        vm.recordLogs();
        vm.prank(_services[VETO]);
        uint256 slashId =
            rampart.slash(SlashParams({setId: setId, operator: op, assets: assets, wads: wads, reason: "fuzz"}));
        _syncLogs();
        if (slashId != ++ghostSlashCount) slashModelMismatch = true;
        ghostSlashStatus[slashId] = SlashStatus.Pending;
        _openRequests.push(slashId);
        ++ran["requestSlash"];
    }

    /// @dev The committee vetoes an open request while its window is open.
    function vetoSlash(uint256 indexSeed) external {
        if (_openRequests.length == 0) return;
        uint256 index = indexSeed % _openRequests.length;
        uint256 slashId = _openRequests[index];
        if (block.timestamp >= rampart.getSlashRequest(slashId).executableAt) return;
        vm.prank(vetoCommittee);
        rampart.vetoSlash(slashId);
        ghostSlashStatus[slashId] = SlashStatus.Vetoed;
        _removeRequest(index);
        ++ran["vetoSlash"];
    }

    /// @dev Executes an open request once its window has passed (warping to it if needed), with the allocation as it
    /// is then: an asset with nothing left to take is skipped by the core, not a revert.
    function executeSlash(uint256 indexSeed, uint256 callerSeed) external {
        if (_openRequests.length == 0) return;
        uint256 index = indexSeed % _openRequests.length;
        uint256 slashId = _openRequests[index];
        SlashRequest memory request = rampart.getSlashRequest(slashId);
        if (block.timestamp < request.executableAt) vm.warp(request.executableAt);
        _checkedSlash(VETO, request.operator, request.assets, request.wads, slashId, _stakers[callerSeed % N_STAKERS]);
        ghostSlashStatus[slashId] = SlashStatus.Executed;
        _removeRequest(index);
        ++ran["executeSlash"];
    }

    // ──────────────────────────── Time, governance ────────────────────────────

    function warp(uint256 secondsSeed) external {
        vm.warp(block.timestamp + _bound(secondsSeed, 1, 10 days));
        ++ran["warp"];
    }

    /// @dev Governance changes the withdrawal delay now and then (one call in four).
    function setWithdrawalDelay(uint256 seed) external {
        if (seed % 4 != 0) return;
        vm.prank(governance);
        rampart.setWithdrawalDelay(uint32(_bound(seed / 4, 3 days, 30 days)));
        ++ran["setWithdrawalDelay"];
    }

    // ─────────────────────────────── Views ───────────────────────────────

    function stakers() external view returns (address[5] memory) {
        return _stakers;
    }

    function operators() external view returns (address[3] memory) {
        return _operators;
    }

    function tokens() external view returns (MockERC20[2] memory) {
        return _tokens;
    }

    function sets() external view returns (uint32[3] memory) {
        return _sets;
    }

    function recipients() external view returns (address[3] memory) {
        return _recipients;
    }

    function pendingCount() external view returns (uint256) {
        return _pending.length;
    }

    function pendingAt(uint256 i) external view returns (Withdrawal memory) {
        return _pending[i];
    }

    function openRequestCount() external view returns (uint256) {
        return _openRequests.length;
    }

    function touchedCount() external view returns (uint256) {
        return touchedKeys.length;
    }

    function rawAllocation(address op, address asset, uint32 setId) external view returns (RawAllocation memory) {
        return _raw[op][asset][setId];
    }

    // ───────────────────────────── Internals ─────────────────────────────

    function _join(address op, uint32 setId, bool viaDelegate) internal {
        vm.prank(_actorFor(op, viaDelegate));
        rampart.joinOperatorSet(op, setId, "");
    }

    /// @dev The operator, or its delegate when it has one and `viaDelegate`.
    function _actorFor(address op, bool viaDelegate) internal view returns (address) {
        return viaDelegate && op == _operators[2] ? delegate : op;
    }

    function _recordQueued(
        Withdrawal memory w,
        address staker,
        address op,
        address asset,
        uint256 shares,
        address receiver,
        address redelegateTo
    ) internal {
        bool asAsked = w.id == ++ghostWithdrawalCount && w.staker == staker && w.operator == op && w.asset == asset
            && w.shares == shares && w.receiver == receiver && w.redelegateTo == redelegateTo
            && w.completableAt == block.timestamp + rampart.withdrawalDelay();
        if (!asAsked) withdrawalMismatch = true;
        _pending.push(w);
        ghostPendingId[w.id] = true;
    }

    /// @dev The first operator from `opSeed` on with a slashable allocation to `setId` (or the seed's operator if none
    /// has one), so that slashes are rarely skipped.
    function _allocatedOperator(uint256 opSeed, uint32 setId) internal view returns (address) {
        for (uint256 k; k < N_OPS; ++k) {
            address op = _operators[(opSeed % N_OPS + k) % N_OPS];
            if (rampart.getMembership(op, setId).allocatedPools != 0) return op;
        }
        return _operators[opSeed % N_OPS];
    }

    function _removeRequest(uint256 index) internal {
        _openRequests[index] = _openRequests[_openRequests.length - 1];
        _openRequests.pop();
    }

    /// @dev One or two assets of the set with a current allocation, each with a wad ≤ the policy's maximum; if
    /// `mustTakeMagnitude`, raised where needed (and possible) so that floor(m * wad / WAD) > 0, and assets where it
    /// is not are dropped.
    function _slashTargets(
        address op,
        uint32 setId,
        uint256 assetSeed,
        uint256[2] memory wadSeeds,
        bool both,
        bool mustTakeMagnitude
    ) internal view returns (address[] memory assets, uint64[] memory wads) {
        uint64 maxWad = rampart.getOperatorSet(setId).policy.maxSlashWad;
        address[2] memory picked;
        uint64[2] memory pickedWads;
        uint256 count;
        for (uint256 k; k < N_ASSETS; ++k) {
            if (count == 1 && !both) break;
            address asset = address(_tokens[(assetSeed % N_ASSETS + k) % N_ASSETS]);
            uint64 wad = _slashWad(op, setId, asset, wadSeeds[k], maxWad, mustTakeMagnitude);
            if (wad == 0) continue;
            picked[count] = asset;
            pickedWads[count] = wad;
            ++count;
        }
        assets = new address[](count);
        wads = new uint64[](count);
        for (uint256 i; i < count; ++i) {
            assets[i] = picked[i];
            wads[i] = pickedWads[i];
        }
    }

    /// @dev The policy maximum one time in four, else a random wad in [1, maxWad]; 0 if the set does not accept the
    /// asset, has no current allocation of it, or (if it must take magnitude) no wad ≤ maxWad takes any.
    function _slashWad(address op, uint32 setId, address asset, uint256 seed, uint64 maxWad, bool mustTakeMagnitude)
        internal
        view
        returns (uint64)
    {
        if (!rampart.isSetAsset(setId, asset)) return 0;
        uint64 m = rampart.getAllocation(op, asset, setId).magnitude;
        if (m == 0) return 0;
        uint256 wad = seed % 4 == 0 ? maxWad : _bound(seed, 1, maxWad);
        if (mustTakeMagnitude && uint256(m) * wad < WAD) {
            wad = (WAD + m - 1) / m; // the smallest wad that takes one unit of magnitude
            if (wad > maxWad) return 0;
        }
        // forge-lint: disable-next-line(unsafe-typecast) wad ≤ maxWad, a uint64
        return uint64(wad);
    }

    /// @dev What one asset of a slash should do, worked out from the state just before it.
    struct SlashExpectation {
        Pool poolBefore;
        /// @dev floor(m * wad / WAD) with m the settled magnitude.
        uint256 magnitude;
        /// @dev floor(A * magnitude / M).
        uint256 assets;
        /// @dev Magnitude a due decrease frees when the slash settles the allocation first.
        uint256 freed;
        /// @dev The slashed set's slashableAssets just before.
        uint256 slashableBefore;
        uint256 recipientBalanceBefore;
    }

    /// @dev Executes a slash as `caller` (instant when `slashId` is 0, else the pending request) and checks it against
    /// the model: exact magnitude and assets taken, no more than the set could slash, every other set's slashable
    /// assets kept.
    function _checkedSlash(
        uint256 setIndex,
        address op,
        address[] memory assets,
        uint64[] memory wads,
        uint256 slashId,
        address caller
    ) internal {
        uint256[] memory before = _slashableSnapshot();
        SlashExpectation[] memory expected = new SlashExpectation[](assets.length);
        for (uint256 i; i < assets.length; ++i) {
            expected[i] = _expectSlash(setIndex, op, assets[i], wads[i]);
        }

        vm.recordLogs();
        vm.prank(caller);
        if (slashId == 0) {
            uint256 id = rampart.slash(
                SlashParams({setId: _sets[setIndex], operator: op, assets: assets, wads: wads, reason: "fuzz"})
            );
            if (id != ++ghostSlashCount) slashModelMismatch = true;
        } else {
            rampart.executeSlash(slashId);
        }
        _syncLogs();

        for (uint256 i; i < assets.length; ++i) {
            _verifySlash(expected[i], _recipients[setIndex], op, assets[i], slashId == 0);
        }
        _checkIsolation(before, setIndex, op, assets);
    }

    function _expectSlash(uint256 setIndex, address op, address asset, uint64 wad)
        internal
        view
        returns (SlashExpectation memory e)
    {
        uint32 setId = _sets[setIndex];
        e.poolBefore = rampart.getPool(op, asset);
        uint64 m = rampart.getAllocation(op, asset, setId).magnitude;
        uint256 maxMag = WAD - e.poolBefore.slashedMagnitude;
        e.magnitude = (uint256(m) * wad) / WAD;
        e.assets = maxMag == 0 ? 0 : (uint256(e.poolBefore.totalAssets) * e.magnitude) / maxMag;
        // The raw magnitude is above the settled one exactly when a decrease is due.
        uint64 rawMagnitude = _raw[op][asset][setId].magnitude;
        e.freed = rawMagnitude > m ? rawMagnitude - m : 0;
        e.slashableBefore = rampart.slashableAssets(op, asset, setId);
        e.recipientBalanceBefore = MockERC20(asset).balanceOf(_recipients[setIndex]);
    }

    function _verifySlash(SlashExpectation memory e, address recipient, address op, address asset, bool instant)
        internal
    {
        Pool memory p = rampart.getPool(op, asset);
        uint256 tookMag = p.slashedMagnitude - e.poolBefore.slashedMagnitude;
        uint256 tookAssets = e.poolBefore.totalAssets - p.totalAssets;
        // Instant slashes are strict (the handler only sends ones that take something); an executed request may skip
        // an asset whose allocation no longer yields any magnitude, and then must take nothing.
        if (tookMag == 0 && (instant || e.magnitude != 0)) zeroMagnitudeSlash = true;
        if (tookMag == 0) ++ran["skippedAsset"];
        if (tookMag != e.magnitude || tookAssets != e.assets) slashModelMismatch = true;
        if (e.poolBefore.encumberedMagnitude - p.encumberedMagnitude != e.freed + tookMag) slashModelMismatch = true;
        if (MockERC20(asset).balanceOf(recipient) - e.recipientBalanceBefore != tookAssets) slashModelMismatch = true;
        if (tookAssets > e.slashableBefore) overSlash = true;
        ghostSlashReceived[recipient][asset] += tookAssets;
        ghostSlashedMagnitude[op][asset] += tookMag;
        ++ghostRoundingOps;
        if (p.slashedMagnitude == WAD) ++ran["fullSlash"];
    }

    /// @dev After a slash of `setIndex` on `op`'s `assets` pools: every other set on those pools keeps its slashable
    /// assets (a gain of one wei from the slash's rounding down is allowed, a loss never); every other pool is untouched.
    function _checkIsolation(uint256[] memory before, uint256 setIndex, address op, address[] memory assets) internal {
        uint256[] memory afterSlash = _slashableSnapshot();
        uint256 opIndex = _opIndex(op);
        for (uint256 o; o < N_OPS; ++o) {
            for (uint256 a; a < N_ASSETS; ++a) {
                bool slashedPool = o == opIndex && _contains(assets, address(_tokens[a]));
                for (uint256 s; s < N_SETS; ++s) {
                    uint256 k = _key(o, a, s);
                    if (slashedPool && s == setIndex) continue;
                    if (slashedPool) {
                        if (afterSlash[k] < before[k] || afterSlash[k] > before[k] + 1) isolationBroken = true;
                        if (afterSlash[k] != before[k]) ++ran["isolationRoundingGain"];
                    } else if (afterSlash[k] != before[k]) {
                        isolationBroken = true;
                    }
                }
            }
        }
    }

    function _slashableSnapshot() internal view returns (uint256[] memory values) {
        values = new uint256[](N_KEYS);
        for (uint256 o; o < N_OPS; ++o) {
            for (uint256 a; a < N_ASSETS; ++a) {
                for (uint256 s; s < N_SETS; ++s) {
                    values[_key(o, a, s)] = rampart.slashableAssets(_operators[o], address(_tokens[a]), _sets[s]);
                }
            }
        }
    }

    /// @dev Mirrors every `AllocationUpdated` emitted since `vm.recordLogs()` into the raw allocation ghost.
    function _syncLogs() internal {
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i; i < logs.length; ++i) {
            Vm.Log memory log = logs[i];
            if (log.emitter != address(rampart) || log.topics[0] != IRampart.AllocationUpdated.selector) continue;
            address op = address(uint160(uint256(log.topics[1])));
            address asset = address(uint160(uint256(log.topics[2])));
            // forge-lint: disable-next-line(unsafe-typecast) an indexed uint32
            uint32 setId = uint32(uint256(log.topics[3]));
            (uint64 magnitude, uint64 pendingMagnitude, uint40 effectAt) =
                abi.decode(log.data, (uint64, uint64, uint40));
            RawAllocation storage raw = _raw[op][asset][setId];
            if (!raw.touched) touchedKeys.push(keccak256(abi.encode(op, asset, setId)));
            raw.magnitude = magnitude;
            raw.pendingMagnitude = pendingMagnitude;
            raw.effectAt = effectAt;
            raw.touched = true;
        }
    }

    function _key(uint256 o, uint256 a, uint256 s) internal pure returns (uint256) {
        return (o * N_ASSETS + a) * N_SETS + s;
    }

    function _opIndex(address op) internal view returns (uint256 i) {
        while (_operators[i] != op) ++i;
    }

    function _assetIndex(address asset) internal view returns (uint256 i) {
        while (address(_tokens[i]) != asset) ++i;
    }

    function _contains(address[] memory list, address x) internal pure returns (bool) {
        for (uint256 i; i < list.length; ++i) {
            if (list[i] == x) return true;
        }
        return false;
    }

    function _bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        if (x >= min && x <= max) return x;
        return min + (x % (max - min + 1));
    }
}
