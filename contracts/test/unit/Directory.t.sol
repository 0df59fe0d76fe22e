// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {vm} from "../utils/Vm.sol";
import {RampartTestBase} from "../utils/RampartTestBase.sol";
import {IRampart, Allocation} from "../../src/interfaces/IRampart.sol";
import {IDirectory, Commission, OperatorInfo, ServiceCategory, ServiceInfo} from "../../src/interfaces/IDirectory.sol";

/// @notice The Directory: operators (registration, metadata, delegate, allocation delay, commissions) and services.
contract DirectoryTest is RampartTestBase {
    /// @dev Test start time, kept in storage: via-IR may re-read `block.timestamp` for a local after `vm.warp`.
    uint256 internal start;

    uint32 internal constant MAX_ALLOCATION_DELAY = 30 days;
    uint16 internal constant DEFAULT_COMMISSION = 1_000;
    uint16 internal constant MAX_COMMISSION = 10_000;

    address internal carol = address(0xCA201); // an operator registered by the tests
    address internal dave = address(0xDA7E); // carol's delegate
    address internal eve = address(0xE7E);
    address internal stranger = address(0x5757);
    address internal oracle = address(0x0AC1E);

    // ─────────────────────────── registerOperator ─────────────────────

    function test_registerOperator_registersAndEmits() public {
        vm.expectEmit(address(directory));
        emit IDirectory.OperatorRegistered(carol, dave, 2 days, "ipfs://carol");
        vm.prank(carol);
        directory.registerOperator("ipfs://carol", dave, 2 days);

        vm.assertTrue(directory.isOperator(carol), "registered");
        OperatorInfo memory info = directory.getOperator(carol);
        vm.assertTrue(info.registered, "info.registered");
        vm.assertEq(info.delegate, dave, "delegate");
        vm.assertEq(uint256(info.allocationDelay), 2 days, "allocation delay");
        vm.assertEq(uint256(info.pendingAllocationDelay), 0, "no pending delay");
        vm.assertEq(uint256(info.allocationDelayEffectAt), 0, "no pending effectAt");
        // A new operator's delay applies at once.
        vm.assertEq(uint256(directory.allocationDelayOf(carol)), 2 days, "delay in force");
    }

    function test_registerOperator_acceptsMaxAllocationDelay() public {
        vm.prank(carol);
        directory.registerOperator("", address(0), MAX_ALLOCATION_DELAY);
        vm.assertEq(uint256(directory.allocationDelayOf(carol)), MAX_ALLOCATION_DELAY, "delay");
    }

    function test_registerOperator_revertsWhenAlreadyRegistered() public {
        vm.expectRevert(abi.encodeWithSelector(IDirectory.OperatorAlreadyRegistered.selector, operatorA));
        vm.prank(operatorA);
        directory.registerOperator("ipfs://again", address(0), 0);
    }

    function test_registerOperator_revertsWhenAllocationDelayTooLong() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IDirectory.AllocationDelayTooLong.selector, MAX_ALLOCATION_DELAY + 1, MAX_ALLOCATION_DELAY
            )
        );
        vm.prank(carol);
        directory.registerOperator("ipfs://carol", address(0), MAX_ALLOCATION_DELAY + 1);
    }

    // ─────────────────────────── setOperatorMetadata ──────────────────

    function test_setOperatorMetadata_emitsWhenCalledByOperator() public {
        vm.expectEmit(address(directory));
        emit IDirectory.OperatorMetadataUpdated(operatorA, "ipfs://a-v2");
        vm.prank(operatorA);
        directory.setOperatorMetadata(operatorA, "ipfs://a-v2");
    }

    function test_setOperatorMetadata_emitsWhenCalledByDelegate() public {
        _registerCarol(0);
        vm.expectEmit(address(directory));
        emit IDirectory.OperatorMetadataUpdated(carol, "ipfs://carol-v2");
        vm.prank(dave);
        directory.setOperatorMetadata(carol, "ipfs://carol-v2");
    }

    function test_setOperatorMetadata_revertsWhenNotOperatorOrDelegate() public {
        vm.expectRevert(abi.encodeWithSelector(IDirectory.NotOperatorOrDelegate.selector, operatorB, operatorA));
        vm.prank(operatorB);
        directory.setOperatorMetadata(operatorA, "ipfs://hijack");
    }

    function test_setOperatorMetadata_revertsWhenOperatorNotRegistered() public {
        vm.expectRevert(abi.encodeWithSelector(IDirectory.OperatorNotRegistered.selector, stranger));
        vm.prank(stranger);
        directory.setOperatorMetadata(stranger, "ipfs://nobody");
    }

    // ─────────────────────────── setOperatorDelegate ──────────────────

    function test_setOperatorDelegate_setsAndEmits() public {
        vm.expectEmit(address(directory));
        emit IDirectory.OperatorDelegateSet(operatorA, dave);
        vm.prank(operatorA);
        directory.setOperatorDelegate(dave);
        vm.assertEq(directory.getOperator(operatorA).delegate, dave, "delegate");
    }

    function test_setOperatorDelegate_clearsAndEmits() public {
        _registerCarol(0);
        vm.expectEmit(address(directory));
        emit IDirectory.OperatorDelegateSet(carol, address(0));
        vm.prank(carol);
        directory.setOperatorDelegate(address(0));
        vm.assertEq(directory.getOperator(carol).delegate, address(0), "cleared");
    }

    function test_setOperatorDelegate_revertsWhenNotRegistered() public {
        vm.expectRevert(abi.encodeWithSelector(IDirectory.OperatorNotRegistered.selector, stranger));
        vm.prank(stranger);
        directory.setOperatorDelegate(dave);
    }

    function test_setOperatorDelegate_revertsWhenCalledByDelegate() public {
        _registerCarol(0);
        // The delegate is not an operator: it can only ever address its own (missing) registration.
        vm.expectRevert(abi.encodeWithSelector(IDirectory.OperatorNotRegistered.selector, dave));
        vm.prank(dave);
        directory.setOperatorDelegate(eve);
        vm.assertEq(directory.getOperator(carol).delegate, dave, "carol's delegate unchanged");
    }

    function test_setOperatorDelegate_delegateCanJoinAndAllocateInCore() public {
        _registerCarol(0);
        _deposit(alice, carol, wstETH, 10 ether);

        vm.expectEmit(address(rampart));
        emit IRampart.OperatorJoined(instantSet, carol);
        vm.prank(dave);
        rampart.joinOperatorSet(carol, instantSet, "");
        vm.assertTrue(rampart.getMembership(carol, instantSet).member, "joined");

        vm.prank(dave);
        rampart.allocate(carol, address(wstETH), instantSet, WAD / 2);
        vm.assertEq(uint256(rampart.getAllocation(carol, address(wstETH), instantSet).magnitude), WAD / 2, "allocated");
        vm.assertEq(rampart.slashableAssets(carol, address(wstETH), instantSet), 5 ether, "slashable");
    }

    function test_setOperatorDelegate_delegateCanSetCommissionAndDelay() public {
        _registerCarol(0);
        vm.prank(dave);
        directory.setCommission(carol, serviceDA, 500);
        vm.assertEq(uint256(directory.commissionOf(carol, serviceDA)), 500, "commission");
        vm.prank(dave);
        directory.setAllocationDelay(carol, 1 days);
        vm.assertEq(uint256(directory.allocationDelayOf(carol)), 1 days, "delay (old one was 0)");
    }

    function test_setOperatorDelegate_clearingRemovesRights() public {
        _registerCarol(0);
        vm.prank(dave);
        rampart.joinOperatorSet(carol, instantSet, "");
        vm.prank(carol);
        directory.setOperatorDelegate(address(0));

        vm.expectRevert(abi.encodeWithSelector(IDirectory.NotOperatorOrDelegate.selector, dave, carol));
        vm.prank(dave);
        rampart.allocate(carol, address(wstETH), instantSet, WAD / 2);

        vm.expectRevert(abi.encodeWithSelector(IDirectory.NotOperatorOrDelegate.selector, dave, carol));
        vm.prank(dave);
        rampart.joinOperatorSet(carol, vetoSet, "");

        vm.expectRevert(abi.encodeWithSelector(IDirectory.NotOperatorOrDelegate.selector, dave, carol));
        vm.prank(dave);
        directory.setCommission(carol, serviceDA, 0);

        // The operator itself still can.
        vm.prank(carol);
        rampart.allocate(carol, address(wstETH), instantSet, WAD / 2);
    }

    function test_setOperatorDelegate_replacingRevokesOldDelegate() public {
        _registerCarol(0);
        vm.prank(carol);
        directory.setOperatorDelegate(eve);

        vm.expectRevert(abi.encodeWithSelector(IDirectory.NotOperatorOrDelegate.selector, dave, carol));
        vm.prank(dave);
        rampart.joinOperatorSet(carol, instantSet, "");
        vm.prank(eve);
        rampart.joinOperatorSet(carol, instantSet, "");
        vm.assertTrue(rampart.getMembership(carol, instantSet).member, "joined by the new delegate");
    }

    // ─────────────────────────── setAllocationDelay ───────────────────

    function test_setAllocationDelay_fromZeroAppliesAtOnce() public {
        vm.expectEmit(address(directory));
        emit IDirectory.AllocationDelaySet(operatorA, 3 days, SafeCast.toUint40(block.timestamp));
        vm.prank(operatorA);
        directory.setAllocationDelay(operatorA, 3 days);
        vm.assertEq(uint256(directory.allocationDelayOf(operatorA)), 3 days, "in force now");
    }

    function test_setAllocationDelay_shorterAppliesAfterCurrentDelay() public {
        _registerCarol(2 days);
        start = block.timestamp;
        vm.expectEmit(address(directory));
        emit IDirectory.AllocationDelaySet(carol, 1 days, SafeCast.toUint40(start + 2 days));
        vm.prank(carol);
        directory.setAllocationDelay(carol, 1 days);

        OperatorInfo memory info = directory.getOperator(carol);
        vm.assertEq(uint256(info.allocationDelay), 2 days, "current kept");
        vm.assertEq(uint256(info.pendingAllocationDelay), 1 days, "pending");
        vm.assertEq(uint256(info.allocationDelayEffectAt), start + 2 days, "effectAt");

        vm.assertEq(uint256(directory.allocationDelayOf(carol)), 2 days, "before");
        vm.warp(start + 2 days - 1);
        vm.assertEq(uint256(directory.allocationDelayOf(carol)), 2 days, "just before");
        vm.warp(start + 2 days);
        vm.assertEq(uint256(directory.allocationDelayOf(carol)), 1 days, "after");
    }

    function test_setAllocationDelay_longerAppliesAfterCurrentDelay() public {
        _registerCarol(2 days);
        start = block.timestamp;
        vm.prank(carol);
        directory.setAllocationDelay(carol, 10 days);
        vm.assertEq(uint256(directory.allocationDelayOf(carol)), 2 days, "before");
        vm.warp(start + 2 days);
        vm.assertEq(uint256(directory.allocationDelayOf(carol)), 10 days, "after");
    }

    function test_setAllocationDelay_supersedesPendingChange() public {
        _registerCarol(2 days);
        start = block.timestamp;
        vm.prank(carol);
        directory.setAllocationDelay(carol, 1 days); // would apply at start + 2 days
        vm.warp(start + 1 days);
        vm.prank(carol);
        directory.setAllocationDelay(carol, 5 days); // the current delay is still 2 days: applies at start + 3 days

        vm.warp(start + 2 days);
        vm.assertEq(uint256(directory.allocationDelayOf(carol)), 2 days, "the superseded change never applies");
        vm.warp(start + 3 days);
        vm.assertEq(uint256(directory.allocationDelayOf(carol)), 5 days, "the new change applies");
    }

    function test_setAllocationDelay_coreUsesDelayInForce() public {
        _registerCarol(2 days);
        _deposit(alice, carol, wstETH, 10 ether);
        vm.prank(carol);
        rampart.joinOperatorSet(carol, instantSet, "");
        vm.prank(carol);
        directory.setAllocationDelay(carol, 0);

        // The 2-day delay is still in force: the increase becomes slashable only after it.
        start = block.timestamp;
        vm.prank(carol);
        rampart.allocate(carol, address(wstETH), instantSet, WAD / 2);
        Allocation memory allocation = rampart.getAllocation(carol, address(wstETH), instantSet);
        vm.assertEq(uint256(allocation.magnitude), 0, "not yet slashable");
        vm.assertEq(uint256(allocation.pendingMagnitude), WAD / 2, "pending");
        vm.assertEq(uint256(allocation.effectAt), start + 2 days, "after the old delay");
    }

    function test_setAllocationDelay_revertsWhenTooLong() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IDirectory.AllocationDelayTooLong.selector, MAX_ALLOCATION_DELAY + 1, MAX_ALLOCATION_DELAY
            )
        );
        vm.prank(operatorA);
        directory.setAllocationDelay(operatorA, MAX_ALLOCATION_DELAY + 1);
    }

    function test_setAllocationDelay_revertsWhenNotOperatorOrDelegate() public {
        vm.expectRevert(abi.encodeWithSelector(IDirectory.NotOperatorOrDelegate.selector, stranger, operatorA));
        vm.prank(stranger);
        directory.setAllocationDelay(operatorA, 1 days);
    }

    function test_setAllocationDelay_revertsWhenOperatorNotRegistered() public {
        vm.expectRevert(abi.encodeWithSelector(IDirectory.OperatorNotRegistered.selector, stranger));
        vm.prank(stranger);
        directory.setAllocationDelay(stranger, 1 days);
    }

    // ─────────────────────────── setCommission ────────────────────────

    function test_commissionOf_defaultsTo1000Bps() public view {
        vm.assertEq(uint256(directory.commissionOf(operatorA, serviceDA)), DEFAULT_COMMISSION, "default");
        vm.assertEq(uint256(directory.commissionOf(stranger, stranger)), DEFAULT_COMMISSION, "default for anyone");
        Commission memory c = directory.getCommission(operatorA, serviceDA);
        vm.assertFalse(c.set, "not set");
        vm.assertEq(uint256(c.bps), 0, "bps");
        vm.assertEq(uint256(c.pendingBps), 0, "pendingBps");
        vm.assertEq(uint256(c.effectAt), 0, "effectAt");
    }

    function test_setCommission_decreaseAppliesAtOnce() public {
        vm.expectEmit(address(directory));
        emit IDirectory.CommissionSet(operatorA, serviceDA, 500, SafeCast.toUint40(block.timestamp));
        vm.prank(operatorA);
        directory.setCommission(operatorA, serviceDA, 500);

        vm.assertEq(uint256(directory.commissionOf(operatorA, serviceDA)), 500, "in force");
        Commission memory c = directory.getCommission(operatorA, serviceDA);
        vm.assertTrue(c.set, "set");
        vm.assertEq(uint256(c.bps), 500, "bps");
        vm.assertEq(uint256(c.effectAt), 0, "nothing pending");
    }

    function test_setCommission_equalAppliesAtOnce() public {
        vm.expectEmit(address(directory));
        emit IDirectory.CommissionSet(operatorA, serviceDA, DEFAULT_COMMISSION, SafeCast.toUint40(block.timestamp));
        vm.prank(operatorA);
        directory.setCommission(operatorA, serviceDA, DEFAULT_COMMISSION);
        vm.assertEq(uint256(directory.commissionOf(operatorA, serviceDA)), DEFAULT_COMMISSION, "unchanged");
        vm.assertTrue(directory.getCommission(operatorA, serviceDA).set, "now recorded");
    }

    function test_setCommission_increaseAppliesAfterWithdrawalDelay() public {
        start = block.timestamp;
        vm.expectEmit(address(directory));
        emit IDirectory.CommissionSet(operatorA, serviceDA, 2_000, SafeCast.toUint40(start + WITHDRAWAL_DELAY));
        vm.prank(operatorA);
        directory.setCommission(operatorA, serviceDA, 2_000);

        Commission memory c = directory.getCommission(operatorA, serviceDA);
        vm.assertTrue(c.set, "set");
        vm.assertEq(uint256(c.bps), DEFAULT_COMMISSION, "old rate kept");
        vm.assertEq(uint256(c.pendingBps), 2_000, "pending");
        vm.assertEq(uint256(c.effectAt), start + WITHDRAWAL_DELAY, "effectAt");

        vm.assertEq(uint256(directory.commissionOf(operatorA, serviceDA)), DEFAULT_COMMISSION, "before");
        vm.warp(start + WITHDRAWAL_DELAY - 1);
        vm.assertEq(uint256(directory.commissionOf(operatorA, serviceDA)), DEFAULT_COMMISSION, "just before");
        vm.warp(start + WITHDRAWAL_DELAY);
        vm.assertEq(uint256(directory.commissionOf(operatorA, serviceDA)), 2_000, "after");
    }

    function test_setCommission_increaseWaitsCurrentCoreWithdrawalDelay() public {
        vm.prank(governance);
        rampart.setWithdrawalDelay(3 days);
        start = block.timestamp;
        vm.expectEmit(address(directory));
        emit IDirectory.CommissionSet(operatorA, serviceDA, 1_500, SafeCast.toUint40(start + 3 days));
        vm.prank(operatorA);
        directory.setCommission(operatorA, serviceDA, 1_500);
        vm.warp(start + 3 days);
        vm.assertEq(uint256(directory.commissionOf(operatorA, serviceDA)), 1_500, "after the core's delay");
    }

    function test_setCommission_increaseFromLoweredRateIsDelayed() public {
        vm.startPrank(operatorA);
        directory.setCommission(operatorA, serviceDA, 500);
        directory.setCommission(operatorA, serviceDA, 600);
        vm.stopPrank();
        vm.assertEq(uint256(directory.commissionOf(operatorA, serviceDA)), 500, "still 500");
        _skip(WITHDRAWAL_DELAY);
        vm.assertEq(uint256(directory.commissionOf(operatorA, serviceDA)), 600, "600 after the delay");
    }

    function test_setCommission_decreaseCancelsPendingIncrease() public {
        start = block.timestamp;
        vm.startPrank(operatorA);
        directory.setCommission(operatorA, serviceDA, 3_000);
        directory.setCommission(operatorA, serviceDA, 800);
        vm.stopPrank();
        vm.assertEq(uint256(directory.commissionOf(operatorA, serviceDA)), 800, "decrease at once");
        vm.warp(start + WITHDRAWAL_DELAY);
        vm.assertEq(uint256(directory.commissionOf(operatorA, serviceDA)), 800, "the increase never lands");
    }

    function test_setCommission_secondIncreaseRestartsDelay() public {
        start = block.timestamp;
        vm.prank(operatorA);
        directory.setCommission(operatorA, serviceDA, 2_000);
        vm.warp(start + 1 days);
        vm.prank(operatorA);
        directory.setCommission(operatorA, serviceDA, 3_000);

        vm.warp(start + WITHDRAWAL_DELAY);
        vm.assertEq(uint256(directory.commissionOf(operatorA, serviceDA)), DEFAULT_COMMISSION, "first never lands");
        vm.warp(start + 1 days + WITHDRAWAL_DELAY);
        vm.assertEq(uint256(directory.commissionOf(operatorA, serviceDA)), 3_000, "second lands");
    }

    function test_setCommission_landedIncreaseBecomesBaseOfNextChange() public {
        vm.prank(operatorA);
        directory.setCommission(operatorA, serviceDA, 2_000);
        _skip(WITHDRAWAL_DELAY);
        // 2,000 is in force now; 1,500 is a decrease from it and applies at once.
        vm.prank(operatorA);
        directory.setCommission(operatorA, serviceDA, 1_500);
        vm.assertEq(uint256(directory.commissionOf(operatorA, serviceDA)), 1_500, "decrease from the landed rate");
        vm.assertEq(uint256(directory.getCommission(operatorA, serviceDA).effectAt), 0, "nothing pending");
    }

    function test_setCommission_isPerService() public {
        vm.prank(operatorA);
        directory.setCommission(operatorA, serviceDA, 0);
        vm.assertEq(uint256(directory.commissionOf(operatorA, serviceDA)), 0, "DA");
        vm.assertEq(uint256(directory.commissionOf(operatorA, serviceBridge)), DEFAULT_COMMISSION, "bridge");
        vm.assertEq(uint256(directory.commissionOf(operatorB, serviceDA)), DEFAULT_COMMISSION, "other operator");
    }

    function test_setCommission_acceptsMaximum() public {
        vm.prank(operatorA);
        directory.setCommission(operatorA, serviceDA, MAX_COMMISSION);
        _skip(WITHDRAWAL_DELAY);
        vm.assertEq(uint256(directory.commissionOf(operatorA, serviceDA)), MAX_COMMISSION, "100%");
    }

    function test_setCommission_revertsWhenTooHigh() public {
        vm.expectRevert(abi.encodeWithSelector(IDirectory.CommissionTooHigh.selector, uint256(MAX_COMMISSION) + 1));
        vm.prank(operatorA);
        directory.setCommission(operatorA, serviceDA, MAX_COMMISSION + 1);
    }

    function test_setCommission_revertsWhenServiceNotRegistered() public {
        vm.expectRevert(abi.encodeWithSelector(IDirectory.ServiceNotRegistered.selector, stranger));
        vm.prank(operatorA);
        directory.setCommission(operatorA, stranger, 500);
    }

    function test_setCommission_revertsWhenNotOperatorOrDelegate() public {
        vm.expectRevert(abi.encodeWithSelector(IDirectory.NotOperatorOrDelegate.selector, serviceDA, operatorA));
        vm.prank(serviceDA);
        directory.setCommission(operatorA, serviceDA, 0);
    }

    function test_setCommission_revertsWhenOperatorNotRegistered() public {
        vm.expectRevert(abi.encodeWithSelector(IDirectory.OperatorNotRegistered.selector, stranger));
        vm.prank(stranger);
        directory.setCommission(stranger, serviceDA, 500);
    }

    // ─────────────────────────── Services ─────────────────────────────

    function test_registerService_registersAndEmits() public {
        vm.expectEmit(address(directory));
        emit IDirectory.ServiceRegistered(oracle, ServiceCategory.Oracle, "ipfs://oracle");
        vm.prank(oracle);
        directory.registerService("ipfs://oracle", ServiceCategory.Oracle);

        vm.assertTrue(directory.isService(oracle), "registered");
        ServiceInfo memory info = directory.getService(oracle);
        vm.assertTrue(info.registered, "info.registered");
        vm.assertEq(uint256(info.category), uint256(ServiceCategory.Oracle), "category");
    }

    function test_registerService_revertsWhenAlreadyRegistered() public {
        vm.expectRevert(abi.encodeWithSelector(IDirectory.ServiceAlreadyRegistered.selector, serviceDA));
        vm.prank(serviceDA);
        directory.registerService("ipfs://da-again", ServiceCategory.Other);
    }

    function test_registerService_canCreateOperatorSetInCore() public {
        vm.prank(oracle);
        directory.registerService("ipfs://oracle", ServiceCategory.Oracle);
        address[] memory assets = new address[](1);
        assets[0] = address(weth);
        vm.prank(oracle);
        uint32 setId = rampart.createOperatorSet(assets, _instantPolicy(), address(0));
        vm.assertEq(rampart.getOperatorSet(setId).service, oracle, "set owned by the new service");
    }

    function test_setServiceMetadata_emits() public {
        vm.expectEmit(address(directory));
        emit IDirectory.ServiceMetadataUpdated(serviceDA, "ipfs://da-v2");
        vm.prank(serviceDA);
        directory.setServiceMetadata("ipfs://da-v2");
    }

    function test_setServiceMetadata_revertsWhenNotRegistered() public {
        vm.expectRevert(abi.encodeWithSelector(IDirectory.ServiceNotRegistered.selector, operatorA));
        vm.prank(operatorA);
        directory.setServiceMetadata("ipfs://not-a-service");
    }

    // ─────────────────────────── Views ────────────────────────────────

    function test_core_isRampart() public view {
        vm.assertEq(directory.core(), address(rampart), "core");
        vm.assertEq(address(rampart.directory()), address(directory), "directory");
    }

    function test_isOperator_onlyRegisteredOperators() public view {
        vm.assertTrue(directory.isOperator(operatorA), "A");
        vm.assertTrue(directory.isOperator(operatorB), "B");
        vm.assertFalse(directory.isOperator(stranger), "stranger");
        vm.assertFalse(directory.isOperator(serviceDA), "a service is not an operator");
    }

    function test_isService_onlyRegisteredServices() public view {
        vm.assertTrue(directory.isService(serviceDA), "DA");
        vm.assertTrue(directory.isService(serviceBridge), "bridge");
        vm.assertFalse(directory.isService(stranger), "stranger");
        vm.assertFalse(directory.isService(operatorA), "an operator is not a service");
    }

    function test_getOperator_returnsFixtureRegistration() public view {
        OperatorInfo memory info = directory.getOperator(operatorA);
        vm.assertTrue(info.registered, "registered");
        vm.assertEq(info.delegate, address(0), "no delegate");
        vm.assertEq(uint256(info.allocationDelay), 0, "delay");
        OperatorInfo memory none = directory.getOperator(stranger);
        vm.assertFalse(none.registered, "unknown");
        vm.assertEq(none.delegate, address(0), "unknown delegate");
    }

    function test_getService_returnsCategory() public view {
        ServiceInfo memory da = directory.getService(serviceDA);
        vm.assertTrue(da.registered, "DA registered");
        vm.assertEq(uint256(da.category), uint256(ServiceCategory.DataAvailability), "DA category");
        vm.assertEq(
            uint256(directory.getService(serviceBridge).category), uint256(ServiceCategory.Bridge), "bridge category"
        );
        vm.assertFalse(directory.getService(stranger).registered, "unknown");
    }

    function test_getCommission_returnsRecord() public {
        vm.prank(operatorA);
        directory.setCommission(operatorA, serviceBridge, 700);
        Commission memory c = directory.getCommission(operatorA, serviceBridge);
        vm.assertTrue(c.set, "set");
        vm.assertEq(uint256(c.bps), 700, "bps");
        vm.assertEq(uint256(c.pendingBps), 700, "pendingBps");
        vm.assertEq(uint256(c.effectAt), 0, "effectAt");
    }

    function test_checkCanActFor_allowsOperatorAndDelegateOnly() public {
        _registerCarol(0);
        directory.checkCanActFor(carol, carol);
        directory.checkCanActFor(dave, carol);
        vm.expectRevert(abi.encodeWithSelector(IDirectory.NotOperatorOrDelegate.selector, eve, carol));
        directory.checkCanActFor(eve, carol);
        vm.expectRevert(abi.encodeWithSelector(IDirectory.OperatorNotRegistered.selector, stranger));
        directory.checkCanActFor(stranger, stranger);
    }

    // ─────────────────────────── Helpers ──────────────────────────────

    /// @dev Registers `carol` as an operator with `dave` as delegate.
    function _registerCarol(uint32 allocationDelay) internal {
        vm.prank(carol);
        directory.registerOperator("ipfs://carol", dave, allocationDelay);
    }
}
