// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {vm} from "../utils/Vm.sol";
import {RampartTestBase} from "../utils/RampartTestBase.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {
    IRampart,
    Allocation,
    Pool,
    SlashingPolicy,
    SlashParams,
    SlashRequest,
    SlashStatus,
    Withdrawal
} from "../../src/interfaces/IRampart.sol";

/// @notice Unit and fuzz tests of slashing: instant and veto-window sets, every revert, and the properties whose
/// violation audits of other restaking protocols found (isolation between sets, never more than the allocation,
/// no silent zero slashes, tiny allocations, slashes during pending changes and queued withdrawals, O(1) gas).
contract SlashingTest is RampartTestBase {
    uint32 internal constant ALLOCATION_DELAY = 1 days;
    uint256 internal constant VIRTUAL_SHARES = 1e6;
    uint256 internal constant VIRTUAL_ASSETS = 1;
    address internal constant BURN = 0x000000000000000000000000000000000000dEaD;
    string internal constant REASON = "double signing";

    /// @dev Registered with an allocation delay of ALLOCATION_DELAY.
    address internal operatorC = address(0xC1);
    address internal operatorD = address(0xD1);
    address internal carol = address(0xCA201);

    /// @dev Instant set of `serviceDA` that may slash up to 100% per request; burns.
    uint32 internal fullSet;

    function setUp() public {
        vm.prank(operatorC);
        directory.registerOperator("ipfs://operator-c", address(0), ALLOCATION_DELAY);
        vm.prank(operatorD);
        directory.registerOperator("ipfs://operator-d", address(0), 0);

        SlashingPolicy memory policy = _instantPolicy();
        policy.maxSlashWad = WAD;
        vm.prank(serviceDA);
        fullSet = rampart.createOperatorSet(_assets2(address(wstETH), address(rETH)), policy, address(0));

        _deposit(alice, operatorA, wstETH, 100 ether);
        _deposit(bob, operatorA, wstETH, 50 ether);

        _join(operatorA, instantSet);
        _join(operatorA, vetoSet);
        _join(operatorA, fullSet);
    }

    // ─────────────────────────── Helpers ──────────────────────────────

    function _one(address asset) internal pure returns (address[] memory assets) {
        assets = new address[](1);
        assets[0] = asset;
    }

    function _wads(uint64 wad) internal pure returns (uint64[] memory wads) {
        wads = new uint64[](1);
        wads[0] = wad;
    }

    function _params(uint32 setId, address operator, address[] memory assets, uint64[] memory wads)
        internal
        pure
        returns (SlashParams memory)
    {
        return SlashParams({setId: setId, operator: operator, assets: assets, wads: wads, reason: REASON});
    }

    function _now() internal view returns (uint40) {
        return uint40(block.timestamp);
    }

    function _pool(address operator, MockERC20 token) internal view returns (Pool memory) {
        return rampart.getPool(operator, address(token));
    }

    function _magnitude(address operator, MockERC20 token, uint32 setId) internal view returns (uint64) {
        return rampart.getAllocation(operator, address(token), setId).magnitude;
    }

    function _slashable(address operator, MockERC20 token, uint32 setId) internal view returns (uint256) {
        return rampart.slashableAssets(operator, address(token), setId);
    }

    /// @dev Magnitude and assets a slash of `wad` of magnitude `m` takes from a pool (A, M), computed here from the
    /// model: s = ⌊m · wad / WAD⌋, x = ⌊A · s / M⌋.
    function _expected(uint256 m, uint256 wad, uint256 totalAssets, uint256 maxMag)
        internal
        pure
        returns (uint64 s, uint256 x)
    {
        uint256 slashed = (m * wad) / WAD;
        // forge-lint: disable-next-line(unsafe-typecast) slashed ≤ m, a uint64
        s = uint64(slashed);
        x = (totalAssets * slashed) / maxMag;
    }

    /// @dev Assets `shares` are worth in a pool, computed here: ⌊shares · (A + 1) / (S + 10^6)⌋.
    function _worth(uint256 shares, Pool memory pool) internal pure returns (uint256) {
        return (shares * (uint256(pool.totalAssets) + VIRTUAL_ASSETS)) / (uint256(pool.totalShares) + VIRTUAL_SHARES);
    }

    function _expectSlashEvents(
        uint256 slashId,
        uint32 setId,
        address operator,
        MockERC20 token,
        uint64 s,
        uint256 x,
        address recipient,
        Allocation memory after_,
        uint64 maxMagAfter,
        uint64 encumberedAfter
    ) internal {
        _expectSlashed(slashId, setId, operator, token, s, x, recipient);
        _expectMagnitudeEvents(setId, operator, token, after_, maxMagAfter, encumberedAfter);
    }

    /// @dev First half of `_expectSlashEvents`, for tests with too many locals to pass all ten arguments at once
    /// (the legacy pipeline's stack limit); follow it with `_expectMagnitudeEvents`.
    function _expectSlashed(
        uint256 slashId,
        uint32 setId,
        address operator,
        MockERC20 token,
        uint64 s,
        uint256 x,
        address recipient
    ) internal {
        vm.expectEmit(address(rampart));
        emit IRampart.Slashed(slashId, setId, operator, address(token), s, x, recipient);
    }

    /// @dev Second half of `_expectSlashEvents`: the allocation and the pool magnitudes after the slash.
    function _expectMagnitudeEvents(
        uint32 setId,
        address operator,
        MockERC20 token,
        Allocation memory after_,
        uint64 maxMagAfter,
        uint64 encumberedAfter
    ) internal {
        vm.expectEmit(address(rampart));
        emit IRampart.AllocationUpdated(
            operator, address(token), setId, after_.magnitude, after_.pendingMagnitude, after_.effectAt
        );
        vm.expectEmit(address(rampart));
        emit IRampart.PoolMagnitudesUpdated(operator, address(token), maxMagAfter, encumberedAfter);
    }

    function _pause(uint8 flags) internal {
        vm.prank(pauser);
        rampart.pause(flags);
    }

    // ─────────────────────────── slash: instant ───────────────────────

    function test_slash_executesAtOnce_whenInstant() public {
        _deposit(carol, operatorA, wstETH, 7); // odd total, so the floors matter
        uint64 m = 0.4e18 + 12_345;
        uint64 wad = 0.3e18 + 1;
        _allocate(operatorA, wstETH, instantSet, m);

        Pool memory before = _pool(operatorA, wstETH);
        uint256 depositedBefore = rampart.getAsset(address(wstETH)).totalDeposited;
        uint256 heldBefore = wstETH.balanceOf(address(rampart));
        (uint64 s, uint256 x) = _expected(m, wad, before.totalAssets, WAD);
        vm.assertEq(s, 120_000_000_000_003_703, "s = floor(m * wad / WAD)");
        vm.assertEq(x, 18_000_000_000_000_555_450, "x = floor(A * s / M)");

        vm.expectEmit(address(rampart));
        emit IRampart.SlashRequested(1, instantSet, operatorA, _one(address(wstETH)), _wads(wad), _now(), REASON);
        _expectSlashed(1, instantSet, operatorA, wstETH, s, x, BURN);
        _expectMagnitudeEvents(
            instantSet,
            operatorA,
            wstETH,
            Allocation({magnitude: m - s, pendingMagnitude: 0, effectAt: 0}),
            WAD - s,
            m - s
        );
        uint256 slashId = _slash(serviceDA, instantSet, operatorA, wstETH, wad);

        vm.assertEq(slashId, 1, "slash id");
        vm.assertEq(rampart.slashCount(), 1, "count");
        vm.assertEq(wstETH.balanceOf(BURN), x, "burned");
        vm.assertEq(wstETH.balanceOf(address(rampart)), heldBefore - x, "left the core");
        Pool memory afterPool = _pool(operatorA, wstETH);
        vm.assertEq(afterPool.totalAssets, before.totalAssets - x, "pool assets");
        vm.assertEq(afterPool.totalShares, before.totalShares, "shares untouched");
        vm.assertEq(afterPool.slashedMagnitude, s, "slashed magnitude");
        vm.assertEq(afterPool.encumberedMagnitude, m - s, "encumbered");
        vm.assertEq(rampart.maxMagnitude(operatorA, address(wstETH)), WAD - s, "M");
        vm.assertEq(rampart.getAsset(address(wstETH)).totalDeposited, depositedBefore - x, "asset total");
        vm.assertEq(_magnitude(operatorA, wstETH, instantSet), m - s, "allocation");
        vm.assertEq(
            _slashable(operatorA, wstETH, instantSet),
            (uint256(afterPool.totalAssets) * (m - s)) / (WAD - s),
            "slashable after"
        );
        // Instant slashes are only in events.
        vm.assertEq(uint8(rampart.getSlashRequest(slashId).status), uint8(SlashStatus.None), "not stored");
    }

    function test_slash_costsEveryStakerProRata_includingQueuedWithdrawal() public {
        uint256 aliceShares = rampart.sharesOf(alice, operatorA, address(wstETH));
        uint256 bobShares = rampart.sharesOf(bob, operatorA, address(wstETH));
        Withdrawal memory queued = _queue(bob, operatorA, wstETH, bobShares / 2);
        uint256 bobKept = bobShares - queued.shares;

        Pool memory before = _pool(operatorA, wstETH);
        uint256 aliceBefore = rampart.sharesToAssets(operatorA, address(wstETH), aliceShares);
        uint256 queuedBefore = rampart.sharesToAssets(operatorA, address(wstETH), queued.shares);
        vm.assertEq(aliceBefore, _worth(aliceShares, before), "alice before");

        _allocate(operatorA, wstETH, instantSet, 0.5e18);
        _slash(serviceDA, instantSet, operatorA, wstETH, 0.5e18);
        (, uint256 x) = _expected(0.5e18, 0.5e18, 150 ether, WAD);
        vm.assertEq(x, 37.5 ether, "a quarter of the pool");

        Pool memory afterPool = _pool(operatorA, wstETH);
        vm.assertEq(afterPool.totalAssets, 112.5 ether, "pool after");
        uint256 aliceAfter = rampart.sharesToAssets(operatorA, address(wstETH), aliceShares);
        uint256 bobAfter = rampart.sharesToAssets(operatorA, address(wstETH), bobKept);
        uint256 queuedAfter = rampart.sharesToAssets(operatorA, address(wstETH), queued.shares);
        vm.assertEq(aliceAfter, _worth(aliceShares, afterPool), "alice exact");
        vm.assertEq(bobAfter, _worth(bobKept, afterPool), "bob exact");
        vm.assertEq(queuedAfter, _worth(queued.shares, afterPool), "queued exact");
        // Every position lost the same 25%.
        vm.assertApproxEqAbs(aliceAfter, (aliceBefore * 3) / 4, 2, "alice lost 25%");
        vm.assertApproxEqAbs(aliceAfter, 75 ether, 2, "alice 75");
        vm.assertApproxEqAbs(bobAfter, 18.75 ether, 2, "bob kept 18.75");
        vm.assertApproxEqAbs(queuedAfter, (queuedBefore * 3) / 4, 2, "queued lost 25%");

        _skip(WITHDRAWAL_DELAY);
        uint256 paid = rampart.completeWithdrawal(queued);
        vm.assertEq(paid, queuedAfter, "payout is the slashed value");
        vm.assertEq(wstETH.balanceOf(bob), paid, "bob received");
        vm.assertApproxEqAbs(paid, 18.75 ether, 2, "queued 25 -> 18.75");
    }

    function test_slash_reducesQueuedWithdrawalPayoutExactly_acrossSeveralSlashes() public {
        uint256 aliceShares = rampart.sharesOf(alice, operatorA, address(wstETH));
        Withdrawal memory queued = _queue(alice, operatorA, wstETH, aliceShares);

        _allocate(operatorA, wstETH, instantSet, 0.3e18);
        _allocate(operatorA, wstETH, fullSet, 0.2e18 + 3);
        _slash(serviceDA, instantSet, operatorA, wstETH, 0.5e18); // s = 0.15e18, x = 22.5 ether
        _skip(1 days);
        _slash(serviceDA, fullSet, operatorA, wstETH, 0.7e18 + 11);

        // Independent replay of the two slashes on (A, M).
        uint256 totalAssets = 150 ether;
        uint256 maxMag = WAD;
        (uint64 s1, uint256 x1) = _expected(0.3e18, 0.5e18, totalAssets, maxMag);
        totalAssets -= x1;
        maxMag -= s1;
        (, uint256 x2) = _expected(0.2e18 + 3, 0.7e18 + 11, totalAssets, maxMag);
        totalAssets -= x2;
        Pool memory afterPool = _pool(operatorA, wstETH);
        vm.assertEq(afterPool.totalAssets, totalAssets, "pool after two slashes");

        _skip(WITHDRAWAL_DELAY);
        uint256 expectedPayout =
            (aliceShares * (totalAssets + VIRTUAL_ASSETS)) / (uint256(afterPool.totalShares) + VIRTUAL_SHARES);
        uint256 paid = rampart.completeWithdrawal(queued);
        vm.assertEq(paid, expectedPayout, "exact pro rata payout");
        vm.assertEq(wstETH.balanceOf(alice), expectedPayout, "alice received");
        // Pro rata: alice held 2/3 of the pool.
        vm.assertApproxEqAbs(paid, (totalAssets * 2) / 3, 2, "two thirds of what is left");
    }

    function test_slash_fullSlash_takesWholePool() public {
        _allocate(operatorA, wstETH, fullSet, WAD);
        _expectSlashEvents(
            1,
            fullSet,
            operatorA,
            wstETH,
            WAD,
            150 ether,
            BURN,
            Allocation({magnitude: 0, pendingMagnitude: 0, effectAt: 0}),
            0,
            0
        );
        _slash(serviceDA, fullSet, operatorA, wstETH, WAD);

        vm.assertEq(wstETH.balanceOf(BURN), 150 ether, "everything burned");
        vm.assertEq(rampart.maxMagnitude(operatorA, address(wstETH)), 0, "M = 0");
        vm.assertEq(_slashable(operatorA, wstETH, fullSet), 0, "nothing left to slash");
        vm.assertEq(rampart.getMembership(operatorA, fullSet).allocatedPools, 0, "emptied allocation uncounted");
        vm.expectRevert(abi.encodeWithSelector(IRampart.NoAllocation.selector, operatorA, address(wstETH), fullSet));
        _slash(serviceDA, fullSet, operatorA, wstETH, WAD);

        // Nothing is left allocated, so the operator may leave at once.
        vm.prank(operatorA);
        rampart.leaveOperatorSet(operatorA, fullSet);
        vm.assertFalse(rampart.getMembership(operatorA, fullSet).member, "left");
    }

    // ─────────────────────────── slash: veto window ───────────────────

    function _requestVetoSlash(uint64 fraction, uint64 wad) internal returns (uint256 slashId, uint40 executableAt) {
        _allocate(operatorA, wstETH, vetoSet, fraction);
        executableAt = _now() + VETO_WINDOW;
        slashId = _slash(serviceBridge, vetoSet, operatorA, wstETH, wad);
    }

    function test_slash_opensRequest_whenVetoWindow() public {
        _allocate(operatorA, wstETH, vetoSet, 0.5e18);
        Pool memory before = _pool(operatorA, wstETH);
        uint40 executableAt = _now() + VETO_WINDOW;

        vm.expectEmit(address(rampart));
        emit IRampart.SlashRequested(1, vetoSet, operatorA, _one(address(wstETH)), _wads(0.6e18), executableAt, REASON);
        vm.recordLogs();
        uint256 slashId = _slash(serviceBridge, vetoSet, operatorA, wstETH, 0.6e18);
        vm.assertEq(vm.getRecordedLogs().length, 1, "only the request");

        vm.assertEq(slashId, 1, "id");
        SlashRequest memory request = rampart.getSlashRequest(slashId);
        vm.assertEq(request.setId, vetoSet, "setId");
        vm.assertEq(uint8(request.status), uint8(SlashStatus.Pending), "pending");
        vm.assertEq(request.executableAt, executableAt, "executableAt");
        vm.assertEq(request.operator, operatorA, "operator");
        vm.assertEq(request.assets.length, 1, "assets");
        vm.assertEq(request.assets[0], address(wstETH), "asset");
        vm.assertEq(request.wads.length, 1, "wads");
        vm.assertEq(request.wads[0], 0.6e18, "wad");

        Pool memory afterPool = _pool(operatorA, wstETH);
        vm.assertEq(afterPool.totalAssets, before.totalAssets, "nothing taken yet");
        vm.assertEq(afterPool.slashedMagnitude, 0, "no magnitude taken");
        vm.assertEq(wstETH.balanceOf(slashSink), 0, "nothing sent");
    }

    function test_vetoSlash_cancelsAndEmits() public {
        (uint256 slashId, uint40 executableAt) = _requestVetoSlash(0.5e18, WAD);
        vm.warp(executableAt - 1);

        vm.expectEmit(address(rampart));
        emit IRampart.SlashVetoed(slashId, vetoCommittee);
        vm.prank(vetoCommittee);
        rampart.vetoSlash(slashId);
        vm.assertEq(uint8(rampart.getSlashRequest(slashId).status), uint8(SlashStatus.Vetoed), "vetoed");

        _skip(1);
        vm.expectRevert(abi.encodeWithSelector(IRampart.SlashNotPending.selector, slashId, SlashStatus.Vetoed));
        rampart.executeSlash(slashId);
        vm.assertEq(_pool(operatorA, wstETH).totalAssets, 150 ether, "nothing slashed");
        vm.assertEq(_magnitude(operatorA, wstETH, vetoSet), 0.5e18, "allocation intact");
    }

    function test_vetoSlash_reverts_whenNotVetoCommittee() public {
        (uint256 slashId,) = _requestVetoSlash(0.5e18, WAD);
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotVetoCommittee.selector, alice));
        vm.prank(alice);
        rampart.vetoSlash(slashId);
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotVetoCommittee.selector, serviceBridge));
        vm.prank(serviceBridge);
        rampart.vetoSlash(slashId);
    }

    function test_vetoSlash_reverts_whenWindowClosed() public {
        (uint256 slashId, uint40 executableAt) = _requestVetoSlash(0.5e18, WAD);
        vm.warp(executableAt);
        vm.expectRevert(abi.encodeWithSelector(IRampart.VetoWindowClosed.selector, slashId, executableAt));
        vm.prank(vetoCommittee);
        rampart.vetoSlash(slashId);
    }

    function test_vetoSlash_reverts_whenUnknownSlash() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.UnknownSlash.selector, uint256(99)));
        vm.prank(vetoCommittee);
        rampart.vetoSlash(99);

        // An instant slash is not a request.
        _allocate(operatorA, wstETH, instantSet, 0.5e18);
        uint256 instantId = _slash(serviceDA, instantSet, operatorA, wstETH, 0.1e18);
        vm.expectRevert(abi.encodeWithSelector(IRampart.UnknownSlash.selector, instantId));
        vm.prank(vetoCommittee);
        rampart.vetoSlash(instantId);
    }

    function test_vetoSlash_reverts_whenNotPending() public {
        (uint256 vetoedId,) = _requestVetoSlash(0.5e18, 0.5e18);
        vm.prank(vetoCommittee);
        rampart.vetoSlash(vetoedId);
        vm.expectRevert(abi.encodeWithSelector(IRampart.SlashNotPending.selector, vetoedId, SlashStatus.Vetoed));
        vm.prank(vetoCommittee);
        rampart.vetoSlash(vetoedId);

        uint256 executedId = _slash(serviceBridge, vetoSet, operatorA, wstETH, 0.5e18);
        _skip(VETO_WINDOW);
        rampart.executeSlash(executedId);
        vm.expectRevert(abi.encodeWithSelector(IRampart.SlashNotPending.selector, executedId, SlashStatus.Executed));
        vm.prank(vetoCommittee);
        rampart.vetoSlash(executedId);
    }

    function test_executeSlash_reverts_whenVetoWindowOpen() public {
        (uint256 slashId, uint40 executableAt) = _requestVetoSlash(0.5e18, WAD);
        vm.expectRevert(abi.encodeWithSelector(IRampart.VetoWindowOpen.selector, slashId, executableAt));
        rampart.executeSlash(slashId);
        vm.warp(executableAt - 1);
        vm.expectRevert(abi.encodeWithSelector(IRampart.VetoWindowOpen.selector, slashId, executableAt));
        rampart.executeSlash(slashId);
    }

    function test_executeSlash_byAnyone_sendsToRecipient() public {
        (uint256 slashId, uint40 executableAt) = _requestVetoSlash(0.5e18, 0.8e18);
        vm.warp(executableAt);
        (uint64 s, uint256 x) = _expected(0.5e18, 0.8e18, 150 ether, WAD);
        vm.assertEq(x, 60 ether, "40% of the pool");

        _expectSlashEvents(
            slashId,
            vetoSet,
            operatorA,
            wstETH,
            s,
            x,
            slashSink,
            Allocation({magnitude: 0.5e18 - s, pendingMagnitude: 0, effectAt: 0}),
            WAD - s,
            0.5e18 - s
        );
        vm.prank(carol);
        rampart.executeSlash(slashId);

        vm.assertEq(wstETH.balanceOf(slashSink), x, "sent to the slash recipient");
        vm.assertEq(wstETH.balanceOf(BURN), 0, "nothing burned");
        vm.assertEq(uint8(rampart.getSlashRequest(slashId).status), uint8(SlashStatus.Executed), "executed");
        vm.assertEq(_pool(operatorA, wstETH).totalAssets, 150 ether - x, "pool");
        vm.assertEq(_magnitude(operatorA, wstETH, vetoSet), 0.5e18 - s, "allocation");
    }

    function test_executeSlash_reverts_whenAlreadyExecuted() public {
        (uint256 slashId,) = _requestVetoSlash(0.5e18, 0.5e18);
        _skip(VETO_WINDOW);
        rampart.executeSlash(slashId);
        vm.expectRevert(abi.encodeWithSelector(IRampart.SlashNotPending.selector, slashId, SlashStatus.Executed));
        rampart.executeSlash(slashId);
    }

    function test_executeSlash_reverts_whenUnknownSlash() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.UnknownSlash.selector, uint256(42)));
        rampart.executeSlash(42);

        _allocate(operatorA, wstETH, instantSet, 0.5e18);
        uint256 instantId = _slash(serviceDA, instantSet, operatorA, wstETH, 0.1e18);
        vm.expectRevert(abi.encodeWithSelector(IRampart.UnknownSlash.selector, instantId));
        rampart.executeSlash(instantId);
    }

    /// @dev The amounts are fixed at execution: a slash by another set in the window changes A and M, and the
    /// request takes exactly what its allocation is worth then.
    function test_executeSlash_usesAllocationAtExecution() public {
        _allocate(operatorA, wstETH, instantSet, 0.3e18);
        (uint256 slashId,) = _requestVetoSlash(0.4e18, WAD);
        _slash(serviceDA, instantSet, operatorA, wstETH, 0.5e18);
        _skip(VETO_WINDOW);

        Pool memory before = _pool(operatorA, wstETH);
        uint256 slashable = _slashable(operatorA, wstETH, vetoSet);
        (uint64 s, uint256 x) = _expected(0.4e18, WAD, before.totalAssets, WAD - before.slashedMagnitude);
        vm.assertEq(s, 0.4e18, "whole allocation");
        vm.assertEq(x, 60 ether, "still 40% of the original pool");
        vm.assertEq(x, slashable, "exactly the allocation's value at execution");

        rampart.executeSlash(slashId);
        vm.assertEq(wstETH.balanceOf(slashSink), x, "sent");
        vm.assertEq(_pool(operatorA, wstETH).totalAssets, before.totalAssets - x, "pool");
    }

    function test_executeSlash_multiAsset_whenVetoWindow() public {
        _deposit(alice, operatorA, rETH, 80 ether);
        _allocate(operatorA, wstETH, vetoSet, 0.5e18);
        _allocate(operatorA, rETH, vetoSet, 0.25e18);
        uint64[] memory wads = new uint64[](2);
        wads[0] = WAD;
        wads[1] = 0.5e18;
        vm.prank(serviceBridge);
        uint256 slashId = rampart.slash(_params(vetoSet, operatorA, _assets2(address(wstETH), address(rETH)), wads));
        _skip(VETO_WINDOW);
        rampart.executeSlash(slashId);
        vm.assertEq(wstETH.balanceOf(slashSink), 75 ether, "wstETH");
        vm.assertEq(rETH.balanceOf(slashSink), 10 ether, "rETH");
    }

    // ─────────────────────────── slash: reverts ───────────────────────

    function test_slash_reverts_whenNotSetService() public {
        _allocate(operatorA, wstETH, instantSet, 0.5e18);
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotSetService.selector, serviceBridge, instantSet));
        _slash(serviceBridge, instantSet, operatorA, wstETH, 0.1e18);
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotSetService.selector, alice, instantSet));
        _slash(alice, instantSet, operatorA, wstETH, 0.1e18);
    }

    function test_slash_reverts_whenUnknownOperatorSet() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.UnknownOperatorSet.selector, uint32(99)));
        _slash(serviceDA, 99, operatorA, wstETH, 0.1e18);
    }

    function test_slash_reverts_whenLengthMismatch() public {
        _allocate(operatorA, wstETH, instantSet, 0.5e18);
        vm.expectRevert(abi.encodeWithSelector(IRampart.LengthMismatch.selector));
        vm.prank(serviceDA);
        rampart.slash(_params(instantSet, operatorA, _assets2(address(wstETH), address(rETH)), _wads(0.1e18)));

        vm.expectRevert(abi.encodeWithSelector(IRampart.LengthMismatch.selector));
        vm.prank(serviceDA);
        rampart.slash(_params(instantSet, operatorA, new address[](0), _wads(0.1e18)));
    }

    function test_slash_reverts_whenNoAssets() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.NoAssets.selector));
        vm.prank(serviceDA);
        rampart.slash(_params(instantSet, operatorA, new address[](0), new uint64[](0)));
    }

    function test_slash_reverts_whenWadZero() public {
        _allocate(operatorA, wstETH, instantSet, 0.5e18);
        vm.expectRevert(abi.encodeWithSelector(IRampart.SlashWadOutOfBounds.selector, uint64(0), WAD / 2));
        _slash(serviceDA, instantSet, operatorA, wstETH, 0);
    }

    function test_slash_reverts_whenWadAboveMaxSlashWad() public {
        _allocate(operatorA, wstETH, instantSet, 0.5e18);
        vm.expectRevert(abi.encodeWithSelector(IRampart.SlashWadOutOfBounds.selector, WAD / 2 + 1, WAD / 2));
        _slash(serviceDA, instantSet, operatorA, wstETH, WAD / 2 + 1);

        _allocate(operatorA, wstETH, vetoSet, 0.5e18);
        vm.expectRevert(abi.encodeWithSelector(IRampart.SlashWadOutOfBounds.selector, WAD + 1, WAD));
        _slash(serviceBridge, vetoSet, operatorA, wstETH, WAD + 1);

        // The bound is checked for every asset of the request.
        uint64[] memory wads = new uint64[](2);
        wads[0] = 0.1e18;
        wads[1] = 0.6e18;
        vm.expectRevert(abi.encodeWithSelector(IRampart.SlashWadOutOfBounds.selector, uint64(0.6e18), WAD / 2));
        vm.prank(serviceDA);
        rampart.slash(_params(instantSet, operatorA, _assets2(address(wstETH), address(rETH)), wads));
    }

    function test_slash_reverts_whenAssetNotInSet() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.AssetNotInSet.selector, instantSet, address(weth)));
        _slash(serviceDA, instantSet, operatorA, weth, 0.1e18);
    }

    function test_slash_reverts_whenNoAllocation() public {
        // Member without an allocation.
        vm.expectRevert(abi.encodeWithSelector(IRampart.NoAllocation.selector, operatorA, address(wstETH), instantSet));
        _slash(serviceDA, instantSet, operatorA, wstETH, 0.1e18);

        // Not even a member.
        vm.expectRevert(abi.encodeWithSelector(IRampart.NoAllocation.selector, operatorB, address(wstETH), instantSet));
        _slash(serviceDA, instantSet, operatorB, wstETH, 0.1e18);

        // Only a pending increase: not slashable yet.
        _deposit(alice, operatorC, wstETH, 10 ether);
        _join(operatorC, instantSet);
        _allocate(operatorC, wstETH, instantSet, 0.5e18);
        vm.expectRevert(abi.encodeWithSelector(IRampart.NoAllocation.selector, operatorC, address(wstETH), instantSet));
        _slash(serviceDA, instantSet, operatorC, wstETH, 0.1e18);

        // Deallocated, delay passed, not settled: the slash settles first and finds nothing.
        _allocate(operatorA, wstETH, instantSet, 0.5e18);
        _allocate(operatorA, wstETH, instantSet, 0);
        _skip(DEALLOCATION_DELAY);
        vm.expectRevert(abi.encodeWithSelector(IRampart.NoAllocation.selector, operatorA, address(wstETH), instantSet));
        _slash(serviceDA, instantSet, operatorA, wstETH, 0.1e18);
        vm.assertEq(rampart.slashCount(), 0, "no slash recorded");
    }

    function test_slash_reverts_whenNoAllocation_atVetoRequest() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.NoAllocation.selector, operatorA, address(wstETH), vetoSet));
        _slash(serviceBridge, vetoSet, operatorA, wstETH, 0.5e18);

        // One asset without allocation rejects the whole request.
        _allocate(operatorA, wstETH, vetoSet, 0.5e18);
        uint64[] memory wads = new uint64[](2);
        wads[0] = 0.5e18;
        wads[1] = 0.5e18;
        vm.expectRevert(abi.encodeWithSelector(IRampart.NoAllocation.selector, operatorA, address(rETH), vetoSet));
        vm.prank(serviceBridge);
        rampart.slash(_params(vetoSet, operatorA, _assets2(address(wstETH), address(rETH)), wads));
        vm.assertEq(rampart.slashCount(), 0, "no request recorded");
    }

    function test_slash_reverts_whenRoundsToZero() public {
        _allocate(operatorA, wstETH, instantSet, 1); // magnitude 1
        vm.assertEq(_magnitude(operatorA, wstETH, instantSet), 1, "m = 1");
        vm.expectRevert(abi.encodeWithSelector(IRampart.SlashRoundsToZero.selector, address(wstETH), 1, WAD / 2));
        _slash(serviceDA, instantSet, operatorA, wstETH, WAD / 2);

        _allocate(operatorA, wstETH, fullSet, 3); // magnitude 3
        vm.expectRevert(abi.encodeWithSelector(IRampart.SlashRoundsToZero.selector, address(wstETH), 3, WAD / 4));
        _slash(serviceDA, fullSet, operatorA, wstETH, WAD / 4);

        vm.assertEq(rampart.slashCount(), 0, "nothing recorded");
        vm.assertEq(_pool(operatorA, wstETH).slashedMagnitude, 0, "nothing taken");
        vm.assertEq(wstETH.balanceOf(BURN), 0, "nothing burned");

        // Just above the threshold a slash takes its one unit of magnitude, and its value.
        _slash(serviceDA, fullSet, operatorA, wstETH, WAD / 3 + 1);
        vm.assertEq(_pool(operatorA, wstETH).slashedMagnitude, 1, "one unit");
        vm.assertEq(wstETH.balanceOf(BURN), 150, "150 ether per WAD of magnitude");
    }

    /// @dev A request only checks that an allocation exists; the rounding is checked when the amounts are fixed. An
    /// executed request skips an asset whose slash rounds to zero, with a zero `Slashed` event, instead of reverting
    /// (IRampart.executeSlash), so that one such asset cannot block the others.
    function test_executeSlash_skipsAsset_whenRoundsToZero() public {
        (uint256 slashId,) = _requestVetoSlash(1, WAD / 2);
        vm.assertEq(uint8(rampart.getSlashRequest(slashId).status), uint8(SlashStatus.Pending), "request opened");
        _skip(VETO_WINDOW);
        vm.expectEmit(address(rampart));
        emit IRampart.Slashed(slashId, vetoSet, operatorA, address(wstETH), 0, 0, slashSink);
        vm.recordLogs();
        rampart.executeSlash(slashId);
        vm.assertEq(vm.getRecordedLogs().length, 1, "only the zero Slashed event");
        vm.assertEq(uint8(rampart.getSlashRequest(slashId).status), uint8(SlashStatus.Executed), "executed");
        vm.assertEq(_pool(operatorA, wstETH).slashedMagnitude, 0, "nothing taken");
        vm.assertEq(_pool(operatorA, wstETH).totalAssets, 150 ether, "pool intact");
        vm.assertEq(_magnitude(operatorA, wstETH, vetoSet), 1, "allocation intact");
        vm.assertEq(wstETH.balanceOf(slashSink), 0, "nothing sent");
    }

    function test_slash_reverts_whenSlashingPaused_butVetoWorks() public {
        _allocate(operatorA, wstETH, instantSet, 0.5e18);
        (uint256 slashId,) = _requestVetoSlash(0.5e18, WAD);
        uint256 otherId = _slash(serviceBridge, vetoSet, operatorA, wstETH, 0.5e18);
        _pause(8);

        vm.expectRevert(abi.encodeWithSelector(IRampart.Paused.selector, uint8(8)));
        _slash(serviceDA, instantSet, operatorA, wstETH, 0.1e18);
        vm.expectRevert(abi.encodeWithSelector(IRampart.Paused.selector, uint8(8)));
        _slash(serviceBridge, vetoSet, operatorA, wstETH, 0.1e18);

        // Vetoing is never paused.
        vm.expectEmit(address(rampart));
        emit IRampart.SlashVetoed(otherId, vetoCommittee);
        vm.prank(vetoCommittee);
        rampart.vetoSlash(otherId);
        vm.assertEq(uint8(rampart.getSlashRequest(otherId).status), uint8(SlashStatus.Vetoed), "vetoed while paused");

        _skip(VETO_WINDOW);
        vm.expectRevert(abi.encodeWithSelector(IRampart.Paused.selector, uint8(8)));
        rampart.executeSlash(slashId);
        vm.assertEq(uint8(rampart.getSlashRequest(slashId).status), uint8(SlashStatus.Pending), "still pending");

        // Once unpaused, the request executes.
        vm.prank(unpauser);
        rampart.unpause(8);
        rampart.executeSlash(slashId);
        vm.assertEq(wstETH.balanceOf(slashSink), 75 ether, "executed after unpause");
    }

    // ─────────────────────────── Properties ───────────────────────────

    /// @dev (1) A slash by set X leaves set Y's slashable assets exactly unchanged.
    function test_slash_isolation_otherSetUnchanged() public {
        _allocate(operatorA, wstETH, instantSet, 0.3e18); // X
        _allocate(operatorA, wstETH, vetoSet, 0.4e18); // Y
        vm.assertEq(_slashable(operatorA, wstETH, instantSet), 45 ether, "X before");
        vm.assertEq(_slashable(operatorA, wstETH, vetoSet), 60 ether, "Y before");

        _slash(serviceDA, instantSet, operatorA, wstETH, 0.5e18);

        vm.assertEq(_slashable(operatorA, wstETH, vetoSet), 60 ether, "Y unchanged");
        vm.assertEq(_slashable(operatorA, wstETH, instantSet), 22.5 ether, "X halved");
        vm.assertEq(_pool(operatorA, wstETH).totalAssets, 127.5 ether, "pool lost 22.5");
        vm.assertEq(rampart.maxMagnitude(operatorA, address(wstETH)), 0.85e18, "M");
        vm.assertEq(_magnitude(operatorA, wstETH, vetoSet), 0.4e18, "Y's magnitude untouched");

        // Y can still take exactly its 60 ether.
        uint256 slashId = _slash(serviceBridge, vetoSet, operatorA, wstETH, WAD);
        _skip(VETO_WINDOW);
        rampart.executeSlash(slashId);
        vm.assertEq(wstETH.balanceOf(slashSink), 60 ether, "Y took 60");
        vm.assertEq(_pool(operatorA, wstETH).totalAssets, 67.5 ether, "the unallocated 30% plus X's rest");
    }

    /// @dev (4) A magnitude of a few wei slashed at 100% takes only its proportional assets.
    function test_slash_tinyAllocation_takesOnlyItsShare() public {
        _allocate(operatorA, wstETH, fullSet, 3);
        uint256 aliceShares = rampart.sharesOf(alice, operatorA, address(wstETH));
        uint256 aliceBefore = rampart.sharesToAssets(operatorA, address(wstETH), aliceShares);

        _slash(serviceDA, fullSet, operatorA, wstETH, WAD);

        uint256 x = (150 ether * uint256(3)) / WAD;
        vm.assertEq(x, 450, "450 wei");
        vm.assertEq(wstETH.balanceOf(BURN), x, "burned only the allocation's value");
        uint256 left = _pool(operatorA, wstETH).totalAssets;
        vm.assertGe(left * WAD, 150 ether * (WAD - uint256(3)), "pool keeps A * (M - m) / M");
        uint256 aliceAfter = rampart.sharesToAssets(operatorA, address(wstETH), aliceShares);
        vm.assertLe(aliceBefore - aliceAfter, 301, "alice lost about her 2/3 of 450 wei");
    }

    /// @dev (5) A slash during a pending decrease takes the OLD magnitude, and the pending target keeps its
    /// proportion: pending' = ⌊pending · (m − s) / m⌋.
    function test_slash_duringPendingDeallocation_slashesOldMagnitude() public {
        _allocate(operatorA, wstETH, fullSet, 0.5e18);
        uint40 effectAt = _now() + DEALLOCATION_DELAY;
        _allocate(operatorA, wstETH, fullSet, 0.2e18 + 7);
        _skip(DEALLOCATION_DELAY - 1);
        vm.assertEq(_slashable(operatorA, wstETH, fullSet), 75 ether, "old amount still slashable");

        uint64 wad = 0.6e18 + 3;
        (uint64 s, uint256 x) = _expected(0.5e18, wad, 150 ether, WAD);
        uint64 m = 0.5e18;
        uint64 pending = 0.2e18 + 7;
        uint64 scaled = uint64((uint256(pending) * (m - s)) / m);
        vm.assertEq(scaled, 0.08e18 + 2, "pending scaled down");
        _expectSlashed(1, fullSet, operatorA, wstETH, s, x, BURN);
        _expectMagnitudeEvents(
            fullSet,
            operatorA,
            wstETH,
            Allocation({magnitude: m - s, pendingMagnitude: scaled, effectAt: effectAt}),
            WAD - s,
            m - s
        );
        _slash(serviceDA, fullSet, operatorA, wstETH, wad);
        vm.assertEq(wstETH.balanceOf(BURN), x, "slashed at the old magnitude");

        Allocation memory allocation = rampart.getAllocation(operatorA, address(wstETH), fullSet);
        vm.assertEq(allocation.magnitude, m - s, "m - s");
        vm.assertEq(allocation.pendingMagnitude, scaled, "pending scaled");
        vm.assertEq(allocation.effectAt, effectAt, "same effectAt");

        _skip(1);
        rampart.settleAllocation(operatorA, address(wstETH), fullSet);
        vm.assertEq(_magnitude(operatorA, wstETH, fullSet), scaled, "decrease applied");
        vm.assertEq(_pool(operatorA, wstETH).encumberedMagnitude, scaled, "freed m - s - scaled");
        Pool memory pool = _pool(operatorA, wstETH);
        vm.assertEq(
            _slashable(operatorA, wstETH, fullSet),
            (uint256(pool.totalAssets) * scaled) / (WAD - s),
            "slashable at the scaled target"
        );
    }

    /// @dev Once the deallocation delay has passed, a slash settles first and only takes the new magnitude.
    function test_slash_afterDeallocationDelay_slashesNewMagnitude() public {
        _allocate(operatorA, wstETH, fullSet, 0.5e18);
        _allocate(operatorA, wstETH, fullSet, 0.2e18);
        _skip(DEALLOCATION_DELAY);

        vm.expectEmit(address(rampart));
        emit IRampart.AllocationUpdated(operatorA, address(wstETH), fullSet, 0.2e18, 0, 0);
        vm.expectEmit(address(rampart));
        emit IRampart.PoolMagnitudesUpdated(operatorA, address(wstETH), WAD, 0.2e18);
        _expectSlashEvents(
            1,
            fullSet,
            operatorA,
            wstETH,
            0.1e18,
            15 ether,
            BURN,
            Allocation({magnitude: 0.1e18, pendingMagnitude: 0, effectAt: 0}),
            0.9e18,
            0.1e18
        );
        _slash(serviceDA, fullSet, operatorA, wstETH, 0.5e18);
        vm.assertEq(wstETH.balanceOf(BURN), 15 ether, "half of the new 30 ether");
    }

    /// @dev (5) A slash during a pending increase: the increase keeps its size (pending' = pending − s).
    function test_slash_duringPendingIncrease_keepsIncreaseSize() public {
        _deposit(alice, operatorC, wstETH, 100 ether);
        _join(operatorC, instantSet);
        _allocate(operatorC, wstETH, instantSet, 0.2e18);
        _skip(ALLOCATION_DELAY);
        _allocate(operatorC, wstETH, instantSet, 0.5e18);
        uint40 effectAt = _now() + ALLOCATION_DELAY;
        vm.assertEq(_slashable(operatorC, wstETH, instantSet), 20 ether, "only the effective part");

        _expectSlashEvents(
            1,
            instantSet,
            operatorC,
            wstETH,
            0.1e18,
            10 ether,
            BURN,
            Allocation({magnitude: 0.1e18, pendingMagnitude: 0.4e18, effectAt: effectAt}),
            0.9e18,
            0.4e18
        );
        _slash(serviceDA, instantSet, operatorC, wstETH, 0.5e18);

        Allocation memory allocation = rampart.getAllocation(operatorC, address(wstETH), instantSet);
        vm.assertEq(allocation.magnitude, 0.1e18, "m - s");
        vm.assertEq(allocation.pendingMagnitude, 0.4e18, "pending - s: the increase of 0.3 is kept");
        vm.assertEq(_pool(operatorC, wstETH).encumberedMagnitude, 0.4e18, "encumbered = max(m, pending)");

        _skip(ALLOCATION_DELAY);
        vm.assertEq(_slashable(operatorC, wstETH, instantSet), 40 ether, "90 * 0.4 / 0.9");
    }

    /// @dev (7) The gas of a slash does not depend on the number of stakers of the pool.
    function test_slash_gasIndependentOfStakerCount() public {
        // Warm-up slash, so that global slots (slash count, burn balance, asset total) are written in both cases.
        _allocate(operatorA, wstETH, instantSet, 0.5e18);
        _slash(serviceDA, instantSet, operatorA, wstETH, 0.1e18);

        _deposit(carol, operatorB, wstETH, 100 ether); // one staker
        wstETH.mint(address(this), 100 ether);
        wstETH.approve(address(rampart), type(uint256).max);
        for (uint256 i; i < 200; ++i) {
            // forge-lint: disable-next-line(unsafe-typecast) 0x100000 + i is far below 2^160
            rampart.deposit(operatorD, address(wstETH), 0.5 ether, address(uint160(0x100000 + i)), 0);
        }
        _join(operatorB, instantSet);
        _join(operatorD, instantSet);
        _allocate(operatorB, wstETH, instantSet, 0.5e18);
        _allocate(operatorD, wstETH, instantSet, 0.5e18);

        SlashParams memory one = _slashParams(instantSet, operatorB, address(wstETH), 0.1e18);
        SlashParams memory many = _slashParams(instantSet, operatorD, address(wstETH), 0.1e18);
        vm.prank(serviceDA);
        uint256 gasBefore = gasleft();
        rampart.slash(one);
        uint256 gasOne = gasBefore - gasleft();
        vm.prank(serviceDA);
        gasBefore = gasleft();
        rampart.slash(many);
        uint256 gasMany = gasBefore - gasleft();

        vm.assertEq(_pool(operatorB, wstETH).totalAssets, _pool(operatorD, wstETH).totalAssets, "same slash");
        uint256 diff = gasOne > gasMany ? gasOne - gasMany : gasMany - gasOne;
        vm.assertLe(diff * 100, gasOne, "gas within 1% for 1 and 200 stakers");
    }

    /// @dev (8) One call slashes several assets; each asset's allocation and pool independently.
    function test_slash_multiAsset_inOneCall() public {
        _deposit(alice, operatorA, rETH, 80 ether);
        _allocate(operatorA, wstETH, instantSet, 0.5e18);
        _allocate(operatorA, rETH, instantSet, 0.25e18);
        address[] memory assets = _assets2(address(wstETH), address(rETH));
        uint64[] memory wads = new uint64[](2);
        wads[0] = 0.5e18;
        wads[1] = 0.2e18;

        vm.expectEmit(address(rampart));
        emit IRampart.SlashRequested(1, instantSet, operatorA, assets, wads, _now(), REASON);
        _expectSlashEvents(
            1,
            instantSet,
            operatorA,
            wstETH,
            0.25e18,
            37.5 ether,
            BURN,
            Allocation({magnitude: 0.25e18, pendingMagnitude: 0, effectAt: 0}),
            0.75e18,
            0.25e18
        );
        _expectSlashEvents(
            1,
            instantSet,
            operatorA,
            rETH,
            0.05e18,
            4 ether,
            BURN,
            Allocation({magnitude: 0.2e18, pendingMagnitude: 0, effectAt: 0}),
            0.95e18,
            0.2e18
        );
        vm.prank(serviceDA);
        uint256 slashId = rampart.slash(_params(instantSet, operatorA, assets, wads));

        vm.assertEq(slashId, 1, "one slash id");
        vm.assertEq(wstETH.balanceOf(BURN), 37.5 ether, "wstETH burned");
        vm.assertEq(rETH.balanceOf(BURN), 4 ether, "rETH burned");
        vm.assertEq(_pool(operatorA, wstETH).totalAssets, 112.5 ether, "wstETH pool");
        vm.assertEq(_pool(operatorA, rETH).totalAssets, 76 ether, "rETH pool");
    }

    function test_slash_multiAsset_isAtomic_whenOneAssetFails() public {
        _deposit(alice, operatorA, rETH, 80 ether);
        _allocate(operatorA, wstETH, instantSet, 0.5e18);
        uint64[] memory wads = new uint64[](2);
        wads[0] = 0.5e18;
        wads[1] = 0.5e18;
        vm.expectRevert(abi.encodeWithSelector(IRampart.NoAllocation.selector, operatorA, address(rETH), instantSet));
        vm.prank(serviceDA);
        rampart.slash(_params(instantSet, operatorA, _assets2(address(wstETH), address(rETH)), wads));
        vm.assertEq(_pool(operatorA, wstETH).totalAssets, 150 ether, "first asset not slashed either");
    }

    /// @dev The veto window must end before a deallocation requested after the slash request takes effect
    /// (docs/protocol.md: "a vetoable slash requested while stake is allocated always executes before that stake can
    /// leave"). Either such a policy is rejected at creation, or the request still takes the targeted allocation.
    function test_slash_vetoRequestCannotBeEscapedByDeallocating_whenVetoWindowNotBelowDeallocationDelay() public {
        SlashingPolicy memory policy = _vetoPolicy();
        policy.vetoWindow = 2 days;
        policy.deallocationDelay = 1 days;
        vm.prank(serviceBridge);
        try rampart.createOperatorSet(_one(address(wstETH)), policy, address(0)) returns (uint32 setId) {
            _join(operatorA, setId);
            _allocate(operatorA, wstETH, setId, 0.5e18);
            uint256 slashId = _slash(serviceBridge, setId, operatorA, wstETH, WAD);
            uint256 targeted = _slashable(operatorA, wstETH, setId);
            // The operator sees the request and deallocates at once.
            _allocate(operatorA, wstETH, setId, 0);
            _skip(2 days);
            rampart.executeSlash(slashId);
            vm.assertEq(wstETH.balanceOf(slashSink), targeted, "the request took the allocation it targeted");
        } catch {
            // Rejected at creation: correct as well.
        }
    }

    // ─────────────────────────── Fuzz ─────────────────────────────────

    /// @dev (2) Several slashes, alternating between two sets of one pool: each takes exactly ⌊A·s/M⌋, never more
    /// than the slashable assets of the allocation it targets; the other set's slashable assets never go down (and go
    /// up by at most 1 wei of rounding); the value of a unit of magnitude (A / M) never goes down.
    function testFuzz_slash_neverExceedsAllocation(
        uint256 amount,
        uint64 fractionX,
        uint64 fractionY,
        uint64[4] memory wads,
        uint8 targets
    ) public {
        amount = _bound(amount, 1, 1e29);
        fractionX = SafeCast.toUint64(_bound(fractionX, 1, WAD));
        fractionY = SafeCast.toUint64(_bound(fractionY, 0, WAD - fractionX));
        _deposit(carol, operatorA, rETH, amount);
        _allocate(operatorA, rETH, fullSet, fractionX);
        if (fractionY != 0) _allocate(operatorA, rETH, vetoSet, fractionY);

        uint256 burned;
        uint256 sunk;
        for (uint256 k; k < wads.length; ++k) {
            bool onX = fractionY == 0 || (targets >> k) & 1 == 0;
            uint256 x = _slashAndCheckStep(onX, wads[k]);
            if (onX) burned += x;
            else sunk += x;
        }
        vm.assertEq(rETH.balanceOf(BURN), burned, "burned = sum of X's slashes");
        vm.assertEq(rETH.balanceOf(slashSink), sunk, "sent = sum of Y's slashes");
        // Everyone outside the two allocations keeps the unallocated part.
        vm.assertGe(
            uint256(_pool(operatorA, rETH).totalAssets) * WAD,
            amount * (WAD - uint256(fractionX) - fractionY),
            "unallocated part intact"
        );
    }

    /// @dev One step of `testFuzz_slash_neverExceedsAllocation`, kept in memory to stay within the legacy stack.
    struct SlashStep {
        uint32 target;
        uint32 other;
        uint64 m;
        uint64 wad;
        uint256 maxMag;
        uint256 slashableTarget;
        uint256 slashableOther;
        uint64 s;
        uint256 x;
    }

    /// @dev Slashes the set `onX` selects (X = fullSet, Y = vetoSet) by `rawWad` bounded to (0, WAD], checks the
    /// step's properties and returns the assets it took (0 when there was nothing to slash or the slash rounded to
    /// zero).
    function _slashAndCheckStep(bool onX, uint64 rawWad) internal returns (uint256) {
        SlashStep memory step;
        step.target = onX ? fullSet : vetoSet;
        step.other = onX ? vetoSet : fullSet;
        step.m = _magnitude(operatorA, rETH, step.target);
        if (step.m == 0) return 0;
        step.wad = SafeCast.toUint64(_bound(rawWad, 1, WAD));

        Pool memory before = _pool(operatorA, rETH);
        step.maxMag = WAD - before.slashedMagnitude;
        step.slashableTarget = _slashable(operatorA, rETH, step.target);
        step.slashableOther = _slashable(operatorA, rETH, step.other);
        (step.s, step.x) = _expected(step.m, step.wad, before.totalAssets, step.maxMag);

        if (onX) {
            if (step.s == 0) {
                vm.expectRevert(
                    abi.encodeWithSelector(IRampart.SlashRoundsToZero.selector, address(rETH), step.m, step.wad)
                );
            }
            _slash(serviceDA, fullSet, operatorA, rETH, step.wad);
        } else {
            // A request only checks that an allocation exists; the amounts are fixed at execution, and an executed
            // request skips an asset whose slash rounds to zero with a zero `Slashed` event instead of reverting.
            uint256 slashId = _slash(serviceBridge, vetoSet, operatorA, rETH, step.wad);
            _skip(VETO_WINDOW);
            if (step.s == 0) {
                vm.expectEmit(address(rampart));
                emit IRampart.Slashed(slashId, vetoSet, operatorA, address(rETH), 0, 0, slashSink);
            }
            rampart.executeSlash(slashId);
        }
        if (step.s == 0) {
            vm.assertEq(_pool(operatorA, rETH).totalAssets, before.totalAssets, "nothing taken");
            return 0;
        }

        Pool memory afterPool = _pool(operatorA, rETH);
        vm.assertEq(before.totalAssets - afterPool.totalAssets, step.x, "took exactly floor(A * s / M)");
        vm.assertLe(step.x, step.slashableTarget, "never more than the targeted allocation is worth");
        vm.assertEq(afterPool.slashedMagnitude - before.slashedMagnitude, step.s, "magnitude taken");
        vm.assertEq(_magnitude(operatorA, rETH, step.target), step.m - step.s, "allocation reduced by s");
        uint256 otherAfter = _slashable(operatorA, rETH, step.other);
        vm.assertGe(otherAfter, step.slashableOther, "other set not reduced");
        vm.assertLe(otherAfter, step.slashableOther + 1, "other set unchanged up to rounding");
        // A' / M' >= A / M: no unit of magnitude (no staker) loses value beyond the slashed allocation.
        vm.assertGe(
            uint256(afterPool.totalAssets) * step.maxMag,
            uint256(before.totalAssets) * (step.maxMag - step.s),
            "value per magnitude kept"
        );
        return step.x;
    }

    /// @dev (1) Isolation under random allocations, deposits and slash fractions.
    function testFuzz_slash_isolation(uint256 amount, uint64 fractionX, uint64 fractionY, uint64 wad) public {
        amount = _bound(amount, 1, 1e29);
        fractionX = SafeCast.toUint64(_bound(fractionX, 1, WAD - 1));
        fractionY = SafeCast.toUint64(_bound(fractionY, 1, WAD - fractionX));
        wad = SafeCast.toUint64(_bound(wad, 1, WAD));
        _deposit(carol, operatorA, rETH, amount);
        _allocate(operatorA, rETH, fullSet, fractionX);
        _allocate(operatorA, rETH, vetoSet, fractionY);

        uint256 yBefore = _slashable(operatorA, rETH, vetoSet);
        vm.assertEq(yBefore, (amount * fractionY) / WAD, "Y's share of the pool");
        (uint64 s,) = _expected(fractionX, wad, amount, WAD);
        if (s == 0) {
            vm.expectRevert(abi.encodeWithSelector(IRampart.SlashRoundsToZero.selector, address(rETH), fractionX, wad));
        }
        _slash(serviceDA, fullSet, operatorA, rETH, wad);

        uint256 yAfter = _slashable(operatorA, rETH, vetoSet);
        vm.assertGe(yAfter, yBefore, "Y not reduced");
        vm.assertLe(yAfter, yBefore + 1, "Y unchanged up to one wei of rounding");
        vm.assertEq(_magnitude(operatorA, rETH, vetoSet), fractionY, "Y's magnitude untouched");
        // Exact whenever the slashed value A * s / M has no remainder.
        if ((amount * s) % WAD == 0) vm.assertEq(yAfter, yBefore, "exact without remainder");

        // Y can still take what it could before.
        uint256 slashId = _slash(serviceBridge, vetoSet, operatorA, rETH, WAD);
        _skip(VETO_WINDOW);
        rampart.executeSlash(slashId);
        vm.assertEq(rETH.balanceOf(slashSink), yAfter, "Y took its whole allocation");
    }

    /// @dev (4) A tiny magnitude slashed by any fraction never costs the pool more than its proportional value.
    function testFuzz_slash_tinyAllocation_boundedLoss(uint256 amount, uint64 magnitude, uint64 wad) public {
        amount = _bound(amount, 1, 1e29);
        magnitude = SafeCast.toUint64(_bound(magnitude, 1, 1000));
        wad = SafeCast.toUint64(_bound(wad, 1, WAD));
        _deposit(carol, operatorA, rETH, amount);
        _allocate(operatorA, rETH, fullSet, magnitude);

        (uint64 s, uint256 x) = _expected(magnitude, wad, amount, WAD);
        if (s == 0) {
            vm.expectRevert(abi.encodeWithSelector(IRampart.SlashRoundsToZero.selector, address(rETH), magnitude, wad));
            _slash(serviceDA, fullSet, operatorA, rETH, wad);
            return;
        }
        _slash(serviceDA, fullSet, operatorA, rETH, wad);
        uint256 left = _pool(operatorA, rETH).totalAssets;
        vm.assertEq(amount - left, x, "exact loss");
        vm.assertLe(x * WAD, amount * magnitude, "at most A * m / M");
        vm.assertGe(left * WAD, amount * (WAD - uint256(magnitude)), "pool keeps A * (M - m) / M");
    }

    /// @dev (5) A slash during a pending decrease, random sizes: old magnitude slashed, pending scaled down.
    function testFuzz_slash_duringPendingDeallocation_scalesPending(uint64 m, uint64 pending, uint64 wad) public {
        m = SafeCast.toUint64(_bound(m, 2, WAD));
        pending = SafeCast.toUint64(_bound(pending, 0, m - 1));
        wad = SafeCast.toUint64(_bound(wad, 1, WAD));
        _allocate(operatorA, wstETH, fullSet, m);
        _allocate(operatorA, wstETH, fullSet, pending);
        _skip(DEALLOCATION_DELAY - 1);

        (uint64 s, uint256 x) = _expected(m, wad, 150 ether, WAD);
        vm.assume(s != 0);
        _slash(serviceDA, fullSet, operatorA, wstETH, wad);
        vm.assertEq(wstETH.balanceOf(BURN), x, "old magnitude slashed");
        uint256 scaled = (uint256(pending) * (m - s)) / m;
        Allocation memory allocation = rampart.getAllocation(operatorA, address(wstETH), fullSet);
        vm.assertEq(allocation.magnitude, m - s, "m - s");
        vm.assertEq(allocation.pendingMagnitude, m == s ? 0 : scaled, "pending scaled");
        vm.assertEq(_pool(operatorA, wstETH).encumberedMagnitude, m - s, "encumbered");

        _skip(1);
        rampart.settleAllocation(operatorA, address(wstETH), fullSet);
        vm.assertEq(_pool(operatorA, wstETH).encumberedMagnitude, scaled, "after settle");
        vm.assertEq(rampart.getMembership(operatorA, fullSet).allocatedPools, scaled == 0 ? 0 : 1, "allocated pools");
    }
}
