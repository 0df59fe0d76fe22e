// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {vm, Vm} from "../utils/Vm.sol";
import {RampartTestBase} from "../utils/RampartTestBase.sol";
import {IRampart, Allocation, Pool, SlashingPolicy} from "../../src/interfaces/IRampart.sol";
import {IDirectory} from "../../src/interfaces/IDirectory.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @notice Unit and fuzz tests of allocations: increases after the allocation delay, decreases slashable for the
/// deallocation delay, encumbrance that keeps every pool at or below 100%, and settlement.
contract AllocationTest is RampartTestBase {
    uint32 internal constant ALLOCATION_DELAY = 1 days;
    /// @dev Deallocation delay of `longSet`, above the withdrawal delay, so its decreases wait the withdrawal delay.
    uint32 internal constant LONG_DEALLOCATION_DELAY = 20 days;

    /// @dev Registered with an allocation delay of ALLOCATION_DELAY and a delegate.
    address internal operatorC = address(0xC1);
    address internal delegateC = address(0xDE1E);
    address internal carol = address(0xCA201);

    uint32 internal longSet;

    function setUp() public {
        vm.prank(operatorC);
        directory.registerOperator("ipfs://operator-c", delegateC, ALLOCATION_DELAY);

        SlashingPolicy memory policy = _instantPolicy();
        policy.deallocationDelay = LONG_DEALLOCATION_DELAY;
        vm.prank(serviceDA);
        longSet = rampart.createOperatorSet(_assets2(address(wstETH), address(rETH)), policy, address(0));

        _deposit(alice, operatorA, wstETH, 100 ether);
        _deposit(alice, operatorC, wstETH, 100 ether);
        _deposit(bob, operatorA, rETH, 40 ether);

        _join(operatorA, instantSet);
        _join(operatorA, vetoSet);
        _join(operatorC, instantSet);
        _join(operatorC, vetoSet);
    }

    // ─────────────────────────── Helpers ──────────────────────────────

    function _assertAllocation(
        address operator,
        address asset,
        uint32 setId,
        uint256 magnitude,
        uint256 pending,
        uint256 effectAt,
        string memory label
    ) internal view {
        Allocation memory allocation = rampart.getAllocation(operator, asset, setId);
        vm.assertEq(allocation.magnitude, magnitude, string.concat(label, ": magnitude"));
        vm.assertEq(allocation.pendingMagnitude, pending, string.concat(label, ": pending"));
        vm.assertEq(allocation.effectAt, effectAt, string.concat(label, ": effectAt"));
    }

    function _encumbered(address operator, address asset) internal view returns (uint256) {
        return rampart.getPool(operator, asset).encumberedMagnitude;
    }

    function _expectAllocationEvents(
        address operator,
        address asset,
        uint32 setId,
        uint64 magnitude,
        uint64 pending,
        uint40 effectAt,
        uint64 maxMagnitude,
        uint64 encumbered
    ) internal {
        vm.expectEmit(address(rampart));
        emit IRampart.AllocationUpdated(operator, asset, setId, magnitude, pending, effectAt);
        vm.expectEmit(address(rampart));
        emit IRampart.PoolMagnitudesUpdated(operator, asset, maxMagnitude, encumbered);
    }

    function _now() internal view returns (uint40) {
        return uint40(block.timestamp);
    }

    // ─────────────────────────── allocate: increases ──────────────────

    function test_allocate_appliesAtOnce_whenAllocationDelayZero() public {
        _expectAllocationEvents(operatorA, address(wstETH), instantSet, 0.3e18, 0, 0, WAD, 0.3e18);
        _allocate(operatorA, wstETH, instantSet, 0.3e18);

        _assertAllocation(operatorA, address(wstETH), instantSet, 0.3e18, 0, 0, "allocation");
        vm.assertEq(rampart.slashableAssets(operatorA, address(wstETH), instantSet), 30 ether, "slashable");
        Pool memory pool = rampart.getPool(operatorA, address(wstETH));
        vm.assertEq(pool.encumberedMagnitude, 0.3e18, "encumbered");
        vm.assertEq(pool.slashedMagnitude, 0, "nothing slashed");
        vm.assertEq(rampart.maxMagnitude(operatorA, address(wstETH)), WAD, "max magnitude");
        vm.assertEq(rampart.getMembership(operatorA, instantSet).allocatedPools, 1, "one pool");
    }

    function test_allocate_isPendingUntilAllocationDelay() public {
        uint40 effectAt = _now() + ALLOCATION_DELAY;
        _expectAllocationEvents(operatorC, address(wstETH), instantSet, 0, 0.3e18, effectAt, WAD, 0.3e18);
        _allocate(operatorC, wstETH, instantSet, 0.3e18);

        _assertAllocation(operatorC, address(wstETH), instantSet, 0, 0.3e18, effectAt, "pending");
        vm.assertEq(rampart.slashableAssets(operatorC, address(wstETH), instantSet), 0, "not slashable yet");
        vm.assertEq(_encumbered(operatorC, address(wstETH)), 0.3e18, "encumbered at once");
        vm.assertEq(rampart.getMembership(operatorC, instantSet).allocatedPools, 1, "counted at once");

        _skip(ALLOCATION_DELAY - 1);
        _assertAllocation(operatorC, address(wstETH), instantSet, 0, 0.3e18, effectAt, "one second before");
        vm.assertEq(rampart.slashableAssets(operatorC, address(wstETH), instantSet), 0, "still not slashable");

        _skip(1);
        _assertAllocation(operatorC, address(wstETH), instantSet, 0.3e18, 0, 0, "effective");
        vm.assertEq(rampart.slashableAssets(operatorC, address(wstETH), instantSet), 30 ether, "slashable");
        vm.assertEq(_encumbered(operatorC, address(wstETH)), 0.3e18, "encumbered unchanged");
    }

    function test_allocate_encumbersPendingIncreaseAtOnce() public {
        _allocate(operatorC, wstETH, instantSet, 0.7e18);
        vm.expectRevert(abi.encodeWithSelector(IRampart.InsufficientMagnitude.selector, 0.4e18, 0.3e18));
        _allocate(operatorC, wstETH, vetoSet, 0.4e18);

        _allocate(operatorC, wstETH, vetoSet, 0.3e18);
        vm.assertEq(_encumbered(operatorC, address(wstETH)), WAD, "fully encumbered while both are pending");
    }

    function test_allocate_reverts_whenInsufficientMagnitude() public {
        _allocate(operatorA, wstETH, instantSet, 0.6e18);
        vm.expectRevert(abi.encodeWithSelector(IRampart.InsufficientMagnitude.selector, 0.5e18, 0.4e18));
        _allocate(operatorA, wstETH, vetoSet, 0.5e18);
    }

    function test_allocate_reverts_whenIncreaseExceedsFreeMagnitude() public {
        _allocate(operatorA, wstETH, instantSet, 0.3e18);
        _allocate(operatorA, wstETH, vetoSet, 0.6e18);
        // Only the increase (0.5 - 0.3) is requested; 0.1 is free.
        vm.expectRevert(abi.encodeWithSelector(IRampart.InsufficientMagnitude.selector, 0.2e18, 0.1e18));
        _allocate(operatorA, wstETH, instantSet, 0.5e18);

        _allocate(operatorA, wstETH, instantSet, 0.4e18);
        vm.assertEq(_encumbered(operatorA, address(wstETH)), WAD, "exactly full");
    }

    function test_allocate_sumAcrossSetsNeverAboveOne() public {
        _allocate(operatorA, wstETH, instantSet, 0.6e18);
        _allocate(operatorA, wstETH, vetoSet, 0.4e18);
        vm.assertEq(_encumbered(operatorA, address(wstETH)), WAD, "100%");
        vm.assertEq(
            rampart.slashableAssets(operatorA, address(wstETH), instantSet)
                + rampart.slashableAssets(operatorA, address(wstETH), vetoSet),
            100 ether,
            "whole pool allocated, not more"
        );

        vm.expectRevert(abi.encodeWithSelector(IRampart.InsufficientMagnitude.selector, 1, 0));
        _allocate(operatorA, wstETH, vetoSet, 0.4e18 + 1);

        _join(operatorA, longSet);
        vm.expectRevert(abi.encodeWithSelector(IRampart.InsufficientMagnitude.selector, 1, 0));
        _allocate(operatorA, wstETH, longSet, 1);

        // Pools are per asset: the rETH pool is untouched.
        _allocate(operatorA, rETH, longSet, WAD);
        vm.assertEq(_encumbered(operatorA, address(rETH)), WAD, "rETH pool");
    }

    function test_allocate_succeeds_whenCalledByDelegate() public {
        uint40 effectAt = _now() + ALLOCATION_DELAY;
        vm.expectEmit(address(rampart));
        emit IRampart.AllocationUpdated(operatorC, address(wstETH), vetoSet, 0, 0.25e18, effectAt);
        vm.prank(delegateC);
        rampart.allocate(operatorC, address(wstETH), vetoSet, 0.25e18);
        _assertAllocation(operatorC, address(wstETH), vetoSet, 0, 0.25e18, effectAt, "delegate allocated");
    }

    // ─────────────────────────── allocate: decreases ──────────────────

    function test_allocate_decreaseStaysSlashableUntilDeallocationDelay() public {
        _allocate(operatorA, wstETH, instantSet, 0.5e18);
        uint40 effectAt = _now() + DEALLOCATION_DELAY;
        _expectAllocationEvents(operatorA, address(wstETH), instantSet, 0.5e18, 0.2e18, effectAt, WAD, 0.5e18);
        _allocate(operatorA, wstETH, instantSet, 0.2e18);

        _assertAllocation(operatorA, address(wstETH), instantSet, 0.5e18, 0.2e18, effectAt, "pending decrease");
        vm.assertEq(rampart.slashableAssets(operatorA, address(wstETH), instantSet), 50 ether, "old amount slashable");
        vm.assertEq(_encumbered(operatorA, address(wstETH)), 0.5e18, "still encumbered");

        _skip(DEALLOCATION_DELAY - 1);
        vm.assertEq(rampart.slashableAssets(operatorA, address(wstETH), instantSet), 50 ether, "a second before");

        _skip(1);
        _assertAllocation(operatorA, address(wstETH), instantSet, 0.2e18, 0, 0, "effective");
        vm.assertEq(rampart.slashableAssets(operatorA, address(wstETH), instantSet), 20 ether, "new amount");
        vm.assertEq(_encumbered(operatorA, address(wstETH)), 0.5e18, "encumbered until settled");
        vm.assertEq(rampart.getMembership(operatorA, instantSet).allocatedPools, 1, "still allocated");

        _expectAllocationEvents(operatorA, address(wstETH), instantSet, 0.2e18, 0, 0, WAD, 0.2e18);
        vm.prank(alice);
        rampart.settleAllocation(operatorA, address(wstETH), instantSet);
        vm.assertEq(_encumbered(operatorA, address(wstETH)), 0.2e18, "freed");
    }

    function test_allocate_decreaseFreesMagnitudeOnlyAfterSettle() public {
        _allocate(operatorA, wstETH, instantSet, WAD);
        _allocate(operatorA, wstETH, instantSet, 0.4e18);

        vm.expectRevert(abi.encodeWithSelector(IRampart.InsufficientMagnitude.selector, 0.3e18, 0));
        _allocate(operatorA, wstETH, vetoSet, 0.3e18);

        _skip(DEALLOCATION_DELAY);
        // Matured but not settled: allocating to another set does not settle this one.
        vm.expectRevert(abi.encodeWithSelector(IRampart.InsufficientMagnitude.selector, 0.3e18, 0));
        _allocate(operatorA, wstETH, vetoSet, 0.3e18);

        rampart.settleAllocation(operatorA, address(wstETH), instantSet);
        _allocate(operatorA, wstETH, vetoSet, 0.6e18);
        vm.assertEq(_encumbered(operatorA, address(wstETH)), WAD, "refilled");
    }

    function test_allocate_decreaseWaitsWithdrawalDelay_whenSetDelayLonger() public {
        _join(operatorA, longSet);
        _allocate(operatorA, wstETH, longSet, 0.5e18);
        _allocate(operatorA, wstETH, longSet, 0);
        _assertAllocation(operatorA, address(wstETH), longSet, 0.5e18, 0, _now() + WITHDRAWAL_DELAY, "capped delay");

        _skip(WITHDRAWAL_DELAY);
        vm.assertEq(rampart.slashableAssets(operatorA, address(wstETH), longSet), 0, "freed after withdrawal delay");
    }

    function test_allocate_decreaseWaitsCurrentWithdrawalDelay() public {
        vm.prank(governance);
        rampart.setWithdrawalDelay(3 days);
        _allocate(operatorA, wstETH, instantSet, 0.5e18);
        _allocate(operatorA, wstETH, instantSet, 0.1e18);
        _assertAllocation(operatorA, address(wstETH), instantSet, 0.5e18, 0.1e18, _now() + 3 days, "3-day cap");
    }

    function test_allocate_settlesMaturedChangeFirst() public {
        _allocate(operatorA, wstETH, instantSet, 0.5e18);
        _allocate(operatorA, wstETH, instantSet, 0.2e18);
        _skip(DEALLOCATION_DELAY);

        _expectAllocationEvents(operatorA, address(wstETH), instantSet, 0.2e18, 0, 0, WAD, 0.2e18);
        _expectAllocationEvents(operatorA, address(wstETH), instantSet, 0.3e18, 0, 0, WAD, 0.3e18);
        _allocate(operatorA, wstETH, instantSet, 0.3e18);
        vm.assertEq(_encumbered(operatorA, address(wstETH)), 0.3e18, "encumbered");
    }

    function test_allocate_toZero_keepsPoolCountedUntilSettled() public {
        _allocate(operatorA, wstETH, instantSet, 0.5e18);
        uint40 effectAt = _now() + DEALLOCATION_DELAY;
        _expectAllocationEvents(operatorA, address(wstETH), instantSet, 0.5e18, 0, effectAt, WAD, 0.5e18);
        _allocate(operatorA, wstETH, instantSet, 0);
        vm.assertEq(rampart.getMembership(operatorA, instantSet).allocatedPools, 1, "pending");

        _skip(DEALLOCATION_DELAY);
        vm.assertEq(rampart.getMembership(operatorA, instantSet).allocatedPools, 1, "unsettled");
        rampart.settleAllocation(operatorA, address(wstETH), instantSet);
        vm.assertEq(rampart.getMembership(operatorA, instantSet).allocatedPools, 0, "settled");
        vm.assertEq(_encumbered(operatorA, address(wstETH)), 0, "nothing encumbered");
        _assertAllocation(operatorA, address(wstETH), instantSet, 0, 0, 0, "empty");
    }

    // ─────────────────────────── allocate: reverts ────────────────────

    function test_allocate_reverts_whenDecreasePending() public {
        _allocate(operatorA, wstETH, instantSet, 0.5e18);
        _allocate(operatorA, wstETH, instantSet, 0.2e18);
        uint40 effectAt = _now() + DEALLOCATION_DELAY;
        vm.expectRevert(
            abi.encodeWithSelector(
                IRampart.AllocationChangePending.selector, operatorA, address(wstETH), instantSet, effectAt
            )
        );
        _allocate(operatorA, wstETH, instantSet, 0.6e18);

        _skip(DEALLOCATION_DELAY - 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRampart.AllocationChangePending.selector, operatorA, address(wstETH), instantSet, effectAt
            )
        );
        _allocate(operatorA, wstETH, instantSet, 0.1e18);
    }

    function test_allocate_reverts_whenIncreasePending() public {
        _allocate(operatorC, wstETH, instantSet, 0.5e18);
        uint40 effectAt = _now() + ALLOCATION_DELAY;
        vm.expectRevert(
            abi.encodeWithSelector(
                IRampart.AllocationChangePending.selector, operatorC, address(wstETH), instantSet, effectAt
            )
        );
        _allocate(operatorC, wstETH, instantSet, 0.1e18);
    }

    function test_allocate_reverts_whenUnchanged() public {
        vm.expectRevert(
            abi.encodeWithSelector(IRampart.AllocationUnchanged.selector, operatorA, address(wstETH), instantSet)
        );
        _allocate(operatorA, wstETH, instantSet, 0);

        _allocate(operatorA, wstETH, instantSet, 0.3e18);
        vm.expectRevert(
            abi.encodeWithSelector(IRampart.AllocationUnchanged.selector, operatorA, address(wstETH), instantSet)
        );
        _allocate(operatorA, wstETH, instantSet, 0.3e18);
    }

    function test_allocate_reverts_whenFractionAboveOne() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.FractionAboveOne.selector, WAD + 1));
        _allocate(operatorA, wstETH, instantSet, WAD + 1);
        vm.expectRevert(abi.encodeWithSelector(IRampart.FractionAboveOne.selector, type(uint64).max));
        _allocate(operatorA, wstETH, instantSet, type(uint64).max);
    }

    function test_allocate_reverts_whenNotMember() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotMember.selector, operatorB, instantSet));
        _allocate(operatorB, wstETH, instantSet, 0.1e18);
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotMember.selector, operatorA, longSet));
        _allocate(operatorA, wstETH, longSet, 0.1e18);
    }

    function test_allocate_reverts_whenAssetNotInSet() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.AssetNotInSet.selector, instantSet, address(weth)));
        _allocate(operatorA, weth, instantSet, 0.1e18);
    }

    function test_allocate_reverts_whenUnknownOperatorSet() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.UnknownOperatorSet.selector, uint32(99)));
        _allocate(operatorA, wstETH, 99, 0.1e18);
    }

    function test_allocate_reverts_whenPoolFullySlashed() public {
        _allocate(operatorA, wstETH, vetoSet, WAD);
        uint256 slashId = _slash(serviceBridge, vetoSet, operatorA, wstETH, WAD);
        _skip(VETO_WINDOW);
        rampart.executeSlash(slashId);
        vm.assertEq(rampart.maxMagnitude(operatorA, address(wstETH)), 0, "fully slashed");

        vm.expectRevert(abi.encodeWithSelector(IRampart.PoolFullySlashed.selector, operatorA, address(wstETH)));
        _allocate(operatorA, wstETH, instantSet, 0.1e18);
        vm.expectRevert(abi.encodeWithSelector(IRampart.PoolFullySlashed.selector, operatorA, address(wstETH)));
        _allocate(operatorA, wstETH, vetoSet, 0);
    }

    function test_allocate_reverts_whenNotOperatorOrDelegate() public {
        vm.expectRevert(abi.encodeWithSelector(IDirectory.NotOperatorOrDelegate.selector, alice, operatorA));
        vm.prank(alice);
        rampart.allocate(operatorA, address(wstETH), instantSet, 0.1e18);

        vm.expectRevert(abi.encodeWithSelector(IDirectory.NotOperatorOrDelegate.selector, delegateC, operatorA));
        vm.prank(delegateC);
        rampart.allocate(operatorA, address(wstETH), instantSet, 0.1e18);
    }

    function test_allocate_reverts_whenOperatorNotRegistered() public {
        vm.expectRevert(abi.encodeWithSelector(IDirectory.OperatorNotRegistered.selector, carol));
        vm.prank(carol);
        rampart.allocate(carol, address(wstETH), instantSet, 0.1e18);
    }

    function test_allocate_reverts_whenAllocationsPaused() public {
        vm.prank(pauser);
        rampart.pause(4);
        vm.expectRevert(abi.encodeWithSelector(IRampart.Paused.selector, uint8(4)));
        _allocate(operatorA, wstETH, instantSet, 0.1e18);
    }

    // ─────────────────────────── allocate after a slash ───────────────

    /// @dev After a slash the pool's max magnitude M is below WAD; a fraction is of M, rounded down.
    function test_allocate_fractionIsOfCurrentMaxMagnitude_afterSlash() public {
        _allocate(operatorA, wstETH, instantSet, 0.5e18);
        _slash(serviceDA, instantSet, operatorA, wstETH, 0.5e18);
        // s = 0.25e18 taken from m and M; 25 ether burned.
        uint64 maxMag = 0.75e18;
        vm.assertEq(rampart.maxMagnitude(operatorA, address(wstETH)), maxMag, "M");
        vm.assertEq(rampart.getPool(operatorA, address(wstETH)).totalAssets, 75 ether, "A");

        uint64 third = WAD / 3; // 333333333333333333
        uint64 target = uint64((uint256(third) * maxMag) / WAD); // 249999999999999999.75, down
        vm.assertEq(target, 249_999_999_999_999_999, "target rounded down");
        uint64 encumbered = 0.25e18 + target;
        _expectAllocationEvents(operatorA, address(wstETH), vetoSet, target, 0, 0, maxMag, encumbered);
        _allocate(operatorA, wstETH, vetoSet, third);

        _assertAllocation(operatorA, address(wstETH), vetoSet, target, 0, 0, "veto allocation");
        uint256 expectedSlashable = (75 ether * uint256(target)) / maxMag;
        vm.assertEq(rampart.slashableAssets(operatorA, address(wstETH), vetoSet), expectedSlashable, "slashable");
        // One unit of magnitude is A / M = 100 wei here: the rounded-down target costs at most that.
        vm.assertApproxEqAbs(expectedSlashable, 25 ether, 100, "a third of the remaining pool");

        // Another fraction that rounds to the same magnitude changes nothing.
        vm.expectRevert(
            abi.encodeWithSelector(IRampart.AllocationUnchanged.selector, operatorA, address(wstETH), vetoSet)
        );
        _allocate(operatorA, wstETH, vetoSet, third - 1);

        // 100% of the instant set is M = 0.75e18; the increase of 0.5e18 exceeds what is free.
        uint256 available = maxMag - encumbered;
        vm.expectRevert(abi.encodeWithSelector(IRampart.InsufficientMagnitude.selector, 0.5e18, available));
        _allocate(operatorA, wstETH, instantSet, WAD);

        // 50% again is now 0.375e18: an increase of 0.125e18.
        _allocate(operatorA, wstETH, instantSet, 0.5e18);
        _assertAllocation(operatorA, address(wstETH), instantSet, 0.375e18, 0, 0, "instant re-allocated");
        vm.assertEq(rampart.slashableAssets(operatorA, address(wstETH), instantSet), 37.5 ether, "half of 75");
    }

    // ─────────────────────────── settleAllocation ─────────────────────

    function test_settleAllocation_appliesMaturedIncrease_withoutPoolEvent() public {
        _allocate(operatorC, wstETH, instantSet, 0.4e18);
        _skip(ALLOCATION_DELAY);

        vm.recordLogs();
        vm.prank(bob);
        rampart.settleAllocation(operatorC, address(wstETH), instantSet);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        vm.assertEq(logs.length, 1, "one event");
        vm.assertEq(logs[0].topics[0], IRampart.AllocationUpdated.selector, "AllocationUpdated");
        vm.assertEq(logs[0].data, abi.encode(uint64(0.4e18), uint64(0), uint40(0)), "magnitude, pending and effectAt");
        vm.assertEq(_encumbered(operatorC, address(wstETH)), 0.4e18, "encumbered unchanged");
        _assertAllocation(operatorC, address(wstETH), instantSet, 0.4e18, 0, 0, "settled");
    }

    function test_settleAllocation_freesEncumbered_whenCalledByAnyone() public {
        _allocate(operatorA, wstETH, instantSet, 0.8e18);
        _allocate(operatorA, wstETH, instantSet, 0.3e18);
        _skip(DEALLOCATION_DELAY);

        _expectAllocationEvents(operatorA, address(wstETH), instantSet, 0.3e18, 0, 0, WAD, 0.3e18);
        vm.prank(carol);
        rampart.settleAllocation(operatorA, address(wstETH), instantSet);
        vm.assertEq(_encumbered(operatorA, address(wstETH)), 0.3e18, "freed 0.5");
        _assertAllocation(operatorA, address(wstETH), instantSet, 0.3e18, 0, 0, "settled");
    }

    function test_settleAllocation_doesNothing_beforeEffect() public {
        _allocate(operatorA, wstETH, instantSet, 0.8e18);
        _allocate(operatorA, wstETH, instantSet, 0.3e18);
        _skip(DEALLOCATION_DELAY - 1);

        vm.recordLogs();
        rampart.settleAllocation(operatorA, address(wstETH), instantSet);
        vm.assertEq(vm.getRecordedLogs().length, 0, "no event");
        vm.assertEq(_encumbered(operatorA, address(wstETH)), 0.8e18, "still encumbered");
        _assertAllocation(operatorA, address(wstETH), instantSet, 0.8e18, 0.3e18, _now() + 1, "still pending");
    }

    function test_settleAllocation_doesNothing_whenNothingPending() public {
        _allocate(operatorA, wstETH, instantSet, 0.8e18);
        vm.recordLogs();
        rampart.settleAllocation(operatorA, address(wstETH), instantSet);
        rampart.settleAllocation(operatorB, address(wstETH), vetoSet);
        vm.assertEq(vm.getRecordedLogs().length, 0, "no event");
        vm.assertEq(_encumbered(operatorA, address(wstETH)), 0.8e18, "unchanged");
    }

    function test_settleAllocation_reverts_whenUnknownOperatorSet() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.UnknownOperatorSet.selector, uint32(99)));
        rampart.settleAllocation(operatorA, address(wstETH), 99);
    }

    // ─────────────────────────── Membership counts ────────────────────

    function test_membership_allocatedPools_countsPoolsPerSet() public {
        _allocate(operatorA, wstETH, instantSet, 0.5e18);
        _allocate(operatorA, rETH, instantSet, 0.5e18);
        _allocate(operatorA, wstETH, vetoSet, 0.5e18);
        vm.assertEq(rampart.getMembership(operatorA, instantSet).allocatedPools, 2, "instant: two pools");
        vm.assertEq(rampart.getMembership(operatorA, vetoSet).allocatedPools, 1, "veto: one pool");

        // Increases and partial decreases do not change the count.
        _allocate(operatorA, rETH, instantSet, 0.4e18);
        vm.assertEq(rampart.getMembership(operatorA, instantSet).allocatedPools, 2, "partial decrease");

        _allocate(operatorA, wstETH, instantSet, 0);
        vm.assertEq(rampart.getMembership(operatorA, instantSet).allocatedPools, 2, "decrease to zero pending");
        _skip(DEALLOCATION_DELAY);
        rampart.settleAllocation(operatorA, address(wstETH), instantSet);
        vm.assertEq(rampart.getMembership(operatorA, instantSet).allocatedPools, 1, "one left");
        rampart.settleAllocation(operatorA, address(rETH), instantSet);
        vm.assertEq(rampart.getMembership(operatorA, instantSet).allocatedPools, 1, "rETH still allocated");

        // Allocating again from zero counts again.
        _allocate(operatorA, wstETH, instantSet, 0.1e18);
        vm.assertEq(rampart.getMembership(operatorA, instantSet).allocatedPools, 2, "counted again");
    }

    // ─────────────────────────── Fuzz ─────────────────────────────────

    /// @dev Independent model of one pool's allocations to three sets: the stored state, settled lazily exactly where
    /// the core settles (allocate, settleAllocation and slash of that allocation).
    struct Model {
        uint64[3] magnitude;
        uint64[3] pending;
        uint40[3] effectAt;
        uint64 encumbered;
        uint64 maxMag;
        uint32[3] sets;
        uint32[3] deallocationDelays;
        address operator;
        uint32 allocationDelay;
    }

    function _modelSettle(Model memory model, uint256 i) internal view {
        uint40 effectAt = model.effectAt[i];
        if (effectAt == 0 || block.timestamp < effectAt) return;
        if (model.pending[i] < model.magnitude[i]) model.encumbered -= model.magnitude[i] - model.pending[i];
        model.magnitude[i] = model.pending[i];
        model.pending[i] = 0;
        model.effectAt[i] = 0;
    }

    function _modelAllocate(Model memory model, uint256 i, uint64 fraction) internal {
        uint32 setId = model.sets[i];
        // Work on a copy: a revert rolls back the core's lazy settlement too.
        Model memory next = _copy(model);
        _modelSettle(next, i);
        uint64 current = next.magnitude[i];
        uint64 target = uint64((uint256(fraction) * next.maxMag) / WAD);
        bytes memory expectedError;
        if (next.effectAt[i] != 0) {
            expectedError = abi.encodeWithSelector(
                IRampart.AllocationChangePending.selector, model.operator, address(wstETH), setId, next.effectAt[i]
            );
        } else if (target == current) {
            expectedError =
                abi.encodeWithSelector(IRampart.AllocationUnchanged.selector, model.operator, address(wstETH), setId);
        } else if (target > current) {
            uint256 requested = target - current;
            uint256 available = next.maxMag - next.encumbered;
            if (requested > available) {
                expectedError = abi.encodeWithSelector(IRampart.InsufficientMagnitude.selector, requested, available);
            } else {
                next.encumbered += target - current;
                if (model.allocationDelay == 0) {
                    next.magnitude[i] = target;
                } else {
                    next.pending[i] = target;
                    next.effectAt[i] = _now() + model.allocationDelay;
                }
            }
        } else {
            next.pending[i] = target;
            next.effectAt[i] = _now() + model.deallocationDelays[i];
        }

        if (expectedError.length != 0) vm.expectRevert(expectedError);
        _allocate(model.operator, wstETH, setId, fraction);
        if (expectedError.length == 0) _assign(model, next);
    }

    /// @dev Slash of `wad` by set i (an instant set of `serviceDA`): s = ⌊m · wad / WAD⌋ off m, M and E; a pending
    /// increase keeps its size, a pending decrease its proportion.
    function _modelSlash(Model memory model, uint256 i, uint64 wad) internal {
        uint32 setId = model.sets[i];
        Model memory next = _copy(model);
        _modelSettle(next, i);
        uint64 m = next.magnitude[i];
        uint64 s = uint64((uint256(m) * wad) / WAD);
        bytes memory expectedError;
        if (m == 0) {
            expectedError =
                abi.encodeWithSelector(IRampart.NoAllocation.selector, model.operator, address(wstETH), setId);
        } else if (s == 0) {
            expectedError = abi.encodeWithSelector(IRampart.SlashRoundsToZero.selector, address(wstETH), m, wad);
        } else {
            next.magnitude[i] = m - s;
            if (next.effectAt[i] != 0) {
                uint64 p = next.pending[i];
                next.pending[i] = p > m ? p - s : uint64((uint256(p) * (m - s)) / m);
            }
            if (next.magnitude[i] == 0 && next.pending[i] == 0) next.effectAt[i] = 0;
            next.encumbered -= s;
            next.maxMag -= s;
        }

        if (expectedError.length != 0) vm.expectRevert(expectedError);
        _slash(serviceDA, setId, model.operator, wstETH, wad);
        if (expectedError.length == 0) _assign(model, next);
    }

    function _copy(Model memory model) internal pure returns (Model memory copy) {
        copy = Model({
            magnitude: [model.magnitude[0], model.magnitude[1], model.magnitude[2]],
            pending: [model.pending[0], model.pending[1], model.pending[2]],
            effectAt: [model.effectAt[0], model.effectAt[1], model.effectAt[2]],
            encumbered: model.encumbered,
            maxMag: model.maxMag,
            sets: model.sets,
            deallocationDelays: model.deallocationDelays,
            operator: model.operator,
            allocationDelay: model.allocationDelay
        });
    }

    function _assign(Model memory model, Model memory next) internal pure {
        for (uint256 i; i < 3; ++i) {
            model.magnitude[i] = next.magnitude[i];
            model.pending[i] = next.pending[i];
            model.effectAt[i] = next.effectAt[i];
        }
        model.encumbered = next.encumbered;
        model.maxMag = next.maxMag;
    }

    function _max(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a : b;
    }

    function _checkModel(Model memory model) internal view {
        address operator = model.operator;
        uint256 encumbered = _encumbered(operator, address(wstETH));
        uint256 maxMag = rampart.maxMagnitude(operator, address(wstETH));
        vm.assertEq(encumbered, model.encumbered, "encumbered = model");
        vm.assertEq(maxMag, model.maxMag, "M = model");
        vm.assertLe(encumbered, maxMag, "encumbered <= M");
        uint256 rawSum;
        uint256 viewSum;
        for (uint256 i; i < 3; ++i) {
            rawSum += _max(model.magnitude[i], model.pending[i]);
            Allocation memory allocation = rampart.getAllocation(operator, address(wstETH), model.sets[i]);
            viewSum += _max(allocation.magnitude, allocation.pendingMagnitude);
            bool matured = model.effectAt[i] != 0 && block.timestamp >= model.effectAt[i];
            vm.assertEq(allocation.magnitude, matured ? model.pending[i] : model.magnitude[i], "view magnitude = model");
            vm.assertEq(allocation.pendingMagnitude, matured ? 0 : model.pending[i], "view pending = model");
            vm.assertEq(allocation.effectAt, matured ? 0 : model.effectAt[i], "view effectAt = model");
            bool allocated = model.magnitude[i] != 0 || model.pending[i] != 0;
            vm.assertEq(
                rampart.getMembership(operator, model.sets[i]).allocatedPools, allocated ? 1 : 0, "allocatedPools"
            );
        }
        vm.assertEq(encumbered, rawSum, "encumbered = sum of max(m, pending) over stored allocations");
        // Matured decreases not yet settled keep their magnitude encumbered.
        vm.assertGe(encumbered, viewSum, "encumbered >= sum over current allocations");
    }

    /// @dev Random sequences of allocate / skip / settle / slash on one pool, checked against an independent model
    /// after every step: the encumbered magnitude equals Σ max(m, pending) and never exceeds M; after settling every
    /// allocation the views sum to it exactly.
    function testFuzz_allocate_randomSequence_keepsEncumberedConsistent(bool delayed, uint256[16] memory ops) public {
        Model memory model;
        model.operator = delayed ? operatorC : operatorA;
        model.allocationDelay = delayed ? ALLOCATION_DELAY : 0;
        model.maxMag = WAD;
        model.sets = [instantSet, vetoSet, longSet];
        model.deallocationDelays = [DEALLOCATION_DELAY, DEALLOCATION_DELAY, WITHDRAWAL_DELAY];
        _join(model.operator, longSet);

        for (uint256 k; k < ops.length; ++k) {
            uint256 op = ops[k];
            uint256 i = (op >> 3) % 3;
            uint256 kind = op % 6;
            if (kind <= 1) {
                uint256 choice = (op >> 5) % 4;
                uint256 fraction;
                if (choice == 0) fraction = 0;
                else if (choice == 1) fraction = _bound(op >> 64, 0, WAD);
                else fraction = _bound(op >> 64, 1, WAD / 3);
                _modelAllocate(model, i, SafeCast.toUint64(fraction));
            } else if (kind == 2) {
                _skip(_bound(op >> 8, 0, 8 days));
            } else if (kind == 3) {
                rampart.settleAllocation(model.operator, address(wstETH), model.sets[i]);
                _modelSettle(model, i);
            } else {
                // The instant sets (0 and 2) slash at most WAD / 2.
                _modelSlash(model, i == 1 ? 0 : i, SafeCast.toUint64(_bound(op >> 64, 1, WAD / 2)));
            }
            _checkModel(model);
        }

        // Settle everything: the views now are the stored state, and sum exactly to the encumbered magnitude.
        _skip(8 days);
        uint256 sum;
        for (uint256 i; i < 3; ++i) {
            rampart.settleAllocation(model.operator, address(wstETH), model.sets[i]);
            _modelSettle(model, i);
            Allocation memory allocation = rampart.getAllocation(model.operator, address(wstETH), model.sets[i]);
            sum += _max(allocation.magnitude, allocation.pendingMagnitude);
        }
        _checkModel(model);
        vm.assertEq(_encumbered(model.operator, address(wstETH)), sum, "settled: encumbered = sum");
        vm.assertLe(sum, rampart.maxMagnitude(model.operator, address(wstETH)), "at most 100% of M");
    }
}
