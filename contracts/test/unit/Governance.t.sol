// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

import {vm} from "../utils/Vm.sol";
import {RampartTestBase} from "../utils/RampartTestBase.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {RampartTimelock} from "../../src/governance/RampartTimelock.sol";
import {IRampart, Withdrawal} from "../../src/interfaces/IRampart.sol";

/// @notice Governance of the core: construction, two-step ownership, pausers and the unpauser, the pause flags, the
/// withdrawal delay, and a RampartTimelock as the owner.
contract GovernanceTest is RampartTestBase {
    /// @dev Test start time, kept in storage: via-IR may re-read `block.timestamp` for a local after `vm.warp`.
    uint256 internal start;

    uint32 internal constant MIN_DELAY = 3 days;
    uint32 internal constant MAX_DELAY = 30 days;

    uint8 internal constant FLAG_DEPOSITS = 1;
    uint8 internal constant FLAG_WITHDRAWALS = 2;
    uint8 internal constant FLAG_ALLOCATIONS = 4;
    uint8 internal constant FLAG_SLASHING = 8;

    address internal newOwner = address(0x0E1);
    address internal stranger = address(0x5757);
    address internal carol = address(0xCA201);

    // State of the pause scenario (see `_prepareActions`).
    Withdrawal internal readyWithdrawal;
    uint256 internal readySlashId;
    uint256 internal openSlashId;

    // ─────────────────────────── Constructor ───────────────────────────

    function test_constructor_setsRolesAndDelay() public {
        IRampart core = _deployRampart(governance, pauser, unpauser, 10 days);
        vm.assertEq(core.owner(), governance, "owner");
        vm.assertEq(core.pendingOwner(), address(0), "pending owner");
        vm.assertTrue(core.isPauser(pauser), "pauser");
        vm.assertFalse(core.isPauser(unpauser), "unpauser is not a pauser");
        vm.assertEq(core.unpauser(), unpauser, "unpauser");
        vm.assertEq(uint256(core.withdrawalDelay()), 10 days, "delay");
        vm.assertEq(uint256(core.pausedFlags()), 0, "flags");
        vm.assertEq(core.directory().core(), address(core), "directory core");
    }

    function test_constructor_emitsEvents() public {
        vm.expectEmit();
        emit IRampart.OwnershipTransferred(address(0), governance);
        vm.expectEmit();
        emit IRampart.PauserSet(pauser, true);
        vm.expectEmit();
        emit IRampart.UnpauserSet(unpauser);
        vm.expectEmit();
        emit IRampart.WithdrawalDelaySet(WITHDRAWAL_DELAY);
        _deployRampart(governance, pauser, unpauser, WITHDRAWAL_DELAY);
    }

    function test_constructor_revertsWhenOwnerZero() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.ZeroAddress.selector));
        _deployRampart(address(0), pauser, unpauser, WITHDRAWAL_DELAY);
    }

    function test_constructor_revertsWhenPauserZero() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.ZeroAddress.selector));
        _deployRampart(governance, address(0), unpauser, WITHDRAWAL_DELAY);
    }

    function test_constructor_revertsWhenUnpauserZero() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.ZeroAddress.selector));
        _deployRampart(governance, pauser, address(0), WITHDRAWAL_DELAY);
    }

    function test_constructor_revertsWhenDelayBelowMin() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.DelayOutOfBounds.selector, MIN_DELAY - 1, MIN_DELAY, MAX_DELAY));
        _deployRampart(governance, pauser, unpauser, MIN_DELAY - 1);
    }

    function test_constructor_revertsWhenDelayAboveMax() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.DelayOutOfBounds.selector, MAX_DELAY + 1, MIN_DELAY, MAX_DELAY));
        _deployRampart(governance, pauser, unpauser, MAX_DELAY + 1);
    }

    function test_constructor_acceptsDelayBounds() public {
        vm.assertEq(
            uint256(_deployRampart(governance, pauser, unpauser, MIN_DELAY).withdrawalDelay()), MIN_DELAY, "min"
        );
        vm.assertEq(
            uint256(_deployRampart(governance, pauser, unpauser, MAX_DELAY).withdrawalDelay()), MAX_DELAY, "max"
        );
    }

    // ─────────────────────────── Ownership ────────────────────────────

    function test_transferOwnership_setsPendingOwner() public {
        vm.expectEmit(address(rampart));
        emit IRampart.OwnershipTransferStarted(governance, newOwner);
        vm.prank(governance);
        rampart.transferOwnership(newOwner);
        vm.assertEq(rampart.pendingOwner(), newOwner, "pending owner");
        vm.assertEq(rampart.owner(), governance, "owner unchanged until accepted");
    }

    function test_transferOwnership_revertsWhenNotOwner() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotOwner.selector, stranger));
        vm.prank(stranger);
        rampart.transferOwnership(stranger);
    }

    function test_transferOwnership_replacesPendingOwner() public {
        vm.startPrank(governance);
        rampart.transferOwnership(newOwner);
        rampart.transferOwnership(carol);
        vm.stopPrank();
        vm.assertEq(rampart.pendingOwner(), carol, "pending owner replaced");
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotPendingOwner.selector, newOwner));
        vm.prank(newOwner);
        rampart.acceptOwnership();
    }

    function test_acceptOwnership_transfersOwnership() public {
        vm.prank(governance);
        rampart.transferOwnership(newOwner);

        vm.expectEmit(address(rampart));
        emit IRampart.OwnershipTransferred(governance, newOwner);
        vm.prank(newOwner);
        rampart.acceptOwnership();

        vm.assertEq(rampart.owner(), newOwner, "owner");
        vm.assertEq(rampart.pendingOwner(), address(0), "pending cleared");

        // The new owner governs; the old one no longer does.
        vm.prank(newOwner);
        rampart.setAssetCap(address(weth), 1);
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotOwner.selector, governance));
        vm.prank(governance);
        rampart.setAssetCap(address(weth), 2);
    }

    function test_acceptOwnership_revertsWhenNotPendingOwner() public {
        vm.prank(governance);
        rampart.transferOwnership(newOwner);
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotPendingOwner.selector, stranger));
        vm.prank(stranger);
        rampart.acceptOwnership();
    }

    function test_acceptOwnership_revertsWhenNothingPending() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotPendingOwner.selector, governance));
        vm.prank(governance);
        rampart.acceptOwnership();
    }

    function test_acceptOwnership_revertsWhenAcceptedTwice() public {
        vm.prank(governance);
        rampart.transferOwnership(newOwner);
        vm.prank(newOwner);
        rampart.acceptOwnership();
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotPendingOwner.selector, newOwner));
        vm.prank(newOwner);
        rampart.acceptOwnership();
    }

    // ─────────────────────────── Pauser roles ─────────────────────────

    function test_setPauser_grantsRole() public {
        vm.expectEmit(address(rampart));
        emit IRampart.PauserSet(carol, true);
        vm.prank(governance);
        rampart.setPauser(carol, true);
        vm.assertTrue(rampart.isPauser(carol), "granted");
        vm.prank(carol);
        rampart.pause(FLAG_DEPOSITS);
        vm.assertEq(uint256(rampart.pausedFlags()), FLAG_DEPOSITS, "paused by the new pauser");
    }

    function test_setPauser_revokesRole() public {
        vm.expectEmit(address(rampart));
        emit IRampart.PauserSet(pauser, false);
        vm.prank(governance);
        rampart.setPauser(pauser, false);
        vm.assertFalse(rampart.isPauser(pauser), "revoked");
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotPauser.selector, pauser));
        vm.prank(pauser);
        rampart.pause(FLAG_DEPOSITS);
    }

    function test_setPauser_revertsWhenNotOwner() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotOwner.selector, pauser));
        vm.prank(pauser);
        rampart.setPauser(carol, true);
    }

    function test_setPauser_revertsWhenZeroAddress() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.ZeroAddress.selector));
        vm.prank(governance);
        rampart.setPauser(address(0), true);
    }

    function test_setUnpauser_replacesUnpauser() public {
        vm.expectEmit(address(rampart));
        emit IRampart.UnpauserSet(carol);
        vm.prank(governance);
        rampart.setUnpauser(carol);
        vm.assertEq(rampart.unpauser(), carol, "unpauser");

        vm.prank(pauser);
        rampart.pause(FLAG_DEPOSITS);
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotUnpauser.selector, unpauser));
        vm.prank(unpauser);
        rampart.unpause(FLAG_DEPOSITS);
        vm.prank(carol);
        rampart.unpause(FLAG_DEPOSITS);
        vm.assertEq(uint256(rampart.pausedFlags()), 0, "unpaused by the new unpauser");
    }

    function test_setUnpauser_revertsWhenNotOwner() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotOwner.selector, unpauser));
        vm.prank(unpauser);
        rampart.setUnpauser(carol);
    }

    function test_setUnpauser_revertsWhenZeroAddress() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.ZeroAddress.selector));
        vm.prank(governance);
        rampart.setUnpauser(address(0));
    }

    // ─────────────────────────── Pause / unpause ──────────────────────

    function test_pause_setsFlagsCumulatively() public {
        vm.expectEmit(address(rampart));
        emit IRampart.PausedFlagsSet(FLAG_DEPOSITS);
        vm.prank(pauser);
        rampart.pause(FLAG_DEPOSITS);

        vm.expectEmit(address(rampart));
        emit IRampart.PausedFlagsSet(FLAG_DEPOSITS | FLAG_SLASHING);
        vm.prank(pauser);
        rampart.pause(FLAG_SLASHING);
        vm.assertEq(uint256(rampart.pausedFlags()), FLAG_DEPOSITS | FLAG_SLASHING, "flags");
    }

    function test_pause_revertsWhenNotPauser() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotPauser.selector, stranger));
        vm.prank(stranger);
        rampart.pause(FLAG_DEPOSITS);
    }

    function test_pause_revertsWhenCalledByUnpauser() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotPauser.selector, unpauser));
        vm.prank(unpauser);
        rampart.pause(FLAG_DEPOSITS);
    }

    function test_unpause_clearsOnlyGivenFlags() public {
        vm.prank(pauser);
        rampart.pause(15);
        vm.expectEmit(address(rampart));
        emit IRampart.PausedFlagsSet(FLAG_DEPOSITS | FLAG_ALLOCATIONS);
        vm.prank(unpauser);
        rampart.unpause(FLAG_WITHDRAWALS | FLAG_SLASHING);
        vm.assertEq(uint256(rampart.pausedFlags()), FLAG_DEPOSITS | FLAG_ALLOCATIONS, "flags");
    }

    function test_unpause_revertsWhenNotUnpauser() public {
        vm.prank(pauser);
        rampart.pause(FLAG_DEPOSITS);
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotUnpauser.selector, stranger));
        vm.prank(stranger);
        rampart.unpause(FLAG_DEPOSITS);
    }

    function test_unpause_revertsWhenCalledByPauser() public {
        vm.prank(pauser);
        rampart.pause(FLAG_DEPOSITS);
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotUnpauser.selector, pauser));
        vm.prank(pauser);
        rampart.unpause(FLAG_DEPOSITS);
        vm.assertEq(uint256(rampart.pausedFlags()), FLAG_DEPOSITS, "still paused");
    }

    function test_unpause_revertsWhenCalledByOwner() public {
        vm.prank(pauser);
        rampart.pause(FLAG_DEPOSITS);
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotUnpauser.selector, governance));
        vm.prank(governance);
        rampart.unpause(FLAG_DEPOSITS);
    }

    // Each flag blocks exactly its own actions, with `Paused(flag)`.

    function test_pause_depositsFlagBlocksOnlyDeposits() public {
        _prepareActions();
        _pauseFlags(FLAG_DEPOSITS);
        _assertOnlyBlocked(FLAG_DEPOSITS);
    }

    function test_pause_withdrawalsFlagBlocksOnlyWithdrawals() public {
        _prepareActions();
        _pauseFlags(FLAG_WITHDRAWALS);
        _assertOnlyBlocked(FLAG_WITHDRAWALS);
    }

    function test_pause_allocationsFlagBlocksOnlyAllocations() public {
        _prepareActions();
        _pauseFlags(FLAG_ALLOCATIONS);
        _assertOnlyBlocked(FLAG_ALLOCATIONS);
    }

    function test_pause_slashingFlagBlocksOnlySlashing() public {
        _prepareActions();
        _pauseFlags(FLAG_SLASHING);
        _assertOnlyBlocked(FLAG_SLASHING);
    }

    function test_pause_allFlagsNeverBlockVetoLeaveOrSettle() public {
        _prepareActions();
        _pauseFlags(15);
        _assertOnlyBlocked(15);
    }

    function test_unpause_restoresEveryAction() public {
        _prepareActions();
        _pauseFlags(15);
        vm.prank(unpauser);
        rampart.unpause(15);
        _assertOnlyBlocked(0);
    }

    function test_deposit_revertsWhenDepositsPaused() public {
        _prepareActions();
        _pauseFlags(FLAG_DEPOSITS);
        vm.expectRevert(abi.encodeWithSelector(IRampart.Paused.selector, FLAG_DEPOSITS));
        vm.prank(bob);
        rampart.deposit(operatorB, address(wstETH), 1 ether, bob, 0);
    }

    function test_queueWithdrawal_revertsWhenWithdrawalsPaused() public {
        _prepareActions();
        _pauseFlags(FLAG_WITHDRAWALS);
        vm.expectRevert(abi.encodeWithSelector(IRampart.Paused.selector, FLAG_WITHDRAWALS));
        vm.prank(alice);
        rampart.queueWithdrawal(operatorA, address(wstETH), 1e24, alice);
    }

    function test_queueRedelegation_revertsWhenWithdrawalsPaused() public {
        _prepareActions();
        _pauseFlags(FLAG_WITHDRAWALS);
        vm.expectRevert(abi.encodeWithSelector(IRampart.Paused.selector, FLAG_WITHDRAWALS));
        vm.prank(alice);
        rampart.queueRedelegation(operatorA, address(wstETH), 1e24, operatorB);
    }

    function test_completeWithdrawal_revertsWhenWithdrawalsPaused() public {
        _prepareActions();
        _pauseFlags(FLAG_WITHDRAWALS);
        vm.expectRevert(abi.encodeWithSelector(IRampart.Paused.selector, FLAG_WITHDRAWALS));
        rampart.completeWithdrawal(readyWithdrawal);
    }

    function test_joinOperatorSet_revertsWhenAllocationsPaused() public {
        _prepareActions();
        _pauseFlags(FLAG_ALLOCATIONS);
        vm.expectRevert(abi.encodeWithSelector(IRampart.Paused.selector, FLAG_ALLOCATIONS));
        vm.prank(operatorB);
        rampart.joinOperatorSet(operatorB, instantSet, "");
    }

    function test_allocate_revertsWhenAllocationsPaused() public {
        _prepareActions();
        _pauseFlags(FLAG_ALLOCATIONS);
        vm.expectRevert(abi.encodeWithSelector(IRampart.Paused.selector, FLAG_ALLOCATIONS));
        vm.prank(operatorA);
        rampart.allocate(operatorA, address(rETH), instantSet, WAD / 4);
    }

    function test_slash_revertsWhenSlashingPaused() public {
        _prepareActions();
        _pauseFlags(FLAG_SLASHING);
        vm.expectRevert(abi.encodeWithSelector(IRampart.Paused.selector, FLAG_SLASHING));
        vm.prank(serviceDA);
        rampart.slash(_slashParams(instantSet, operatorA, address(wstETH), WAD / 10));
    }

    function test_executeSlash_revertsWhenSlashingPaused() public {
        _prepareActions();
        _pauseFlags(FLAG_SLASHING);
        vm.expectRevert(abi.encodeWithSelector(IRampart.Paused.selector, FLAG_SLASHING));
        rampart.executeSlash(readySlashId);
    }

    // ─────────────────────────── Withdrawal delay ─────────────────────

    function test_setWithdrawalDelay_updatesDelay() public {
        vm.expectEmit(address(rampart));
        emit IRampart.WithdrawalDelaySet(14 days);
        vm.prank(governance);
        rampart.setWithdrawalDelay(14 days);
        vm.assertEq(uint256(rampart.withdrawalDelay()), 14 days, "delay");
    }

    function test_setWithdrawalDelay_acceptsBounds() public {
        vm.startPrank(governance);
        rampart.setWithdrawalDelay(MIN_DELAY);
        vm.assertEq(uint256(rampart.withdrawalDelay()), MIN_DELAY, "min");
        rampart.setWithdrawalDelay(MAX_DELAY);
        vm.assertEq(uint256(rampart.withdrawalDelay()), MAX_DELAY, "max");
        vm.stopPrank();
    }

    function test_setWithdrawalDelay_revertsWhenBelowMin() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.DelayOutOfBounds.selector, MIN_DELAY - 1, MIN_DELAY, MAX_DELAY));
        vm.prank(governance);
        rampart.setWithdrawalDelay(MIN_DELAY - 1);
    }

    function test_setWithdrawalDelay_revertsWhenAboveMax() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.DelayOutOfBounds.selector, MAX_DELAY + 1, MIN_DELAY, MAX_DELAY));
        vm.prank(governance);
        rampart.setWithdrawalDelay(MAX_DELAY + 1);
    }

    function test_setWithdrawalDelay_revertsWhenNotOwner() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotOwner.selector, pauser));
        vm.prank(pauser);
        rampart.setWithdrawalDelay(MIN_DELAY);
    }

    function test_setWithdrawalDelay_shorterDelayAppliesOnlyToLaterWithdrawals() public {
        uint256 shares = _deposit(alice, operatorA, wstETH, 10 ether);
        start = block.timestamp;
        Withdrawal memory before = _queue(alice, operatorA, wstETH, shares / 2);

        vm.prank(governance);
        rampart.setWithdrawalDelay(MIN_DELAY);
        Withdrawal memory afterwards = _queue(alice, operatorA, wstETH, shares / 2);

        vm.assertEq(uint256(before.completableAt), start + WITHDRAWAL_DELAY, "earlier keeps its delay");
        vm.assertEq(uint256(afterwards.completableAt), start + MIN_DELAY, "later takes the new delay");

        _skip(MIN_DELAY);
        rampart.completeWithdrawal(afterwards);
        vm.expectRevert(abi.encodeWithSelector(IRampart.WithdrawalNotReady.selector, before.id, before.completableAt));
        rampart.completeWithdrawal(before);

        _skip(WITHDRAWAL_DELAY - MIN_DELAY);
        rampart.completeWithdrawal(before);
        vm.assertEq(wstETH.balanceOf(alice), 10 ether, "both paid");
    }

    function test_setWithdrawalDelay_longerDelayDoesNotExtendQueuedWithdrawals() public {
        uint256 shares = _deposit(alice, operatorA, wstETH, 10 ether);
        Withdrawal memory queued = _queue(alice, operatorA, wstETH, shares);
        vm.prank(governance);
        rampart.setWithdrawalDelay(MAX_DELAY);

        _skip(WITHDRAWAL_DELAY);
        rampart.completeWithdrawal(queued);
        vm.assertEq(wstETH.balanceOf(alice), 10 ether, "paid on the old schedule");
    }

    // ─────────────────────────── Timelock as owner ────────────────────

    function test_timelockOwner_listsAssetAfterMinDelay() public {
        (RampartTimelock timelock, address proposer) = _deployTimelock(2 days);
        IRampart core = _deployRampart(address(timelock), pauser, unpauser, WITHDRAWAL_DELAY);
        MockERC20 usdc = new MockERC20("USD Coin", "USDC", 6);
        bytes memory data = abi.encodeCall(IRampart.listAsset, (address(usdc), CAP));

        // Governance can only act through the timelock.
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotOwner.selector, proposer));
        vm.prank(proposer);
        core.listAsset(address(usdc), CAP);

        vm.prank(proposer);
        timelock.schedule(address(core), 0, data, bytes32(0), bytes32(0), 2 days);

        _skip(2 days);
        vm.expectEmit(address(core));
        emit IRampart.AssetListed(address(usdc), 6, CAP);
        timelock.execute(address(core), 0, data, bytes32(0), bytes32(0));

        vm.assertTrue(core.getAsset(address(usdc)).listed, "listed");
        vm.assertEq(uint256(core.getAsset(address(usdc)).decimals), 6, "decimals");
        vm.assertEq(uint256(core.getAsset(address(usdc)).cap), CAP, "cap");
    }

    function test_timelockOwner_revertsWhenExecutedBeforeMinDelay() public {
        (RampartTimelock timelock, address proposer) = _deployTimelock(2 days);
        IRampart core = _deployRampart(address(timelock), pauser, unpauser, WITHDRAWAL_DELAY);
        MockERC20 usdc = new MockERC20("USD Coin", "USDC", 6);
        bytes memory data = abi.encodeCall(IRampart.listAsset, (address(usdc), CAP));

        vm.prank(proposer);
        timelock.schedule(address(core), 0, data, bytes32(0), bytes32(0), 2 days);
        bytes32 id = keccak256(abi.encode(address(core), uint256(0), data, bytes32(0), bytes32(0)));

        _skip(2 days - 1);
        bytes32 readyBit = bytes32(uint256(1) << uint8(TimelockController.OperationState.Ready));
        vm.expectRevert(
            abi.encodeWithSelector(TimelockController.TimelockUnexpectedOperationState.selector, id, readyBit)
        );
        timelock.execute(address(core), 0, data, bytes32(0), bytes32(0));
        vm.assertFalse(core.getAsset(address(usdc)).listed, "not listed early");
    }

    function test_timelockOwner_acceptsOwnershipThroughTimelock() public {
        (RampartTimelock timelock, address proposer) = _deployTimelock(2 days);
        vm.prank(governance);
        rampart.transferOwnership(address(timelock));

        bytes memory data = abi.encodeCall(IRampart.acceptOwnership, ());
        vm.prank(proposer);
        timelock.schedule(address(rampart), 0, data, bytes32(0), bytes32(0), 2 days);
        _skip(2 days);
        timelock.execute(address(rampart), 0, data, bytes32(0), bytes32(0));

        vm.assertEq(rampart.owner(), address(timelock), "timelock owns the core");
        vm.assertEq(rampart.pendingOwner(), address(0), "pending cleared");
    }

    // ─────────────────────────── Helpers ──────────────────────────────

    function _deployTimelock(uint256 minDelay) internal returns (RampartTimelock timelock, address proposer) {
        proposer = address(0x7001);
        address[] memory proposers = new address[](1);
        proposers[0] = proposer;
        address[] memory executors = new address[](1);
        executors[0] = address(0); // anyone may execute a ready operation
        timelock = new RampartTimelock(minDelay, proposers, executors, address(0));
    }

    function _pauseFlags(uint8 flags) internal {
        vm.prank(pauser);
        rampart.pause(flags);
        vm.assertEq(uint256(rampart.pausedFlags()), flags, "paused flags");
    }

    /// @dev A scenario where every pausable and never-paused action can be tried once: a position, allocations to
    /// both sets, a completable withdrawal, an executable veto slash and a still-vetoable one.
    function _prepareActions() internal {
        _deposit(alice, operatorA, wstETH, 100 ether);
        _join(operatorA, instantSet);
        _join(operatorA, vetoSet);
        _allocate(operatorA, wstETH, instantSet, WAD / 2);
        _allocate(operatorA, wstETH, vetoSet, WAD / 4);
        _join(operatorB, vetoSet);

        wstETH.mint(bob, 10 ether);
        vm.prank(bob);
        wstETH.approve(address(rampart), 10 ether);

        readyWithdrawal = _queue(alice, operatorA, wstETH, 1e25);
        readySlashId = _slash(serviceBridge, vetoSet, operatorA, wstETH, WAD / 10);
        _skip(WITHDRAWAL_DELAY);
        openSlashId = _slash(serviceBridge, vetoSet, operatorA, wstETH, WAD / 10);
    }

    uint256 internal constant ACTION_COUNT = 11;

    /// @dev Action `i` of the pause matrix: who calls, the calldata and the flag that pauses it (0 = never paused).
    function _action(uint256 i) internal view returns (address caller, bytes memory data, uint8 flag) {
        if (i == 0) {
            return (bob, abi.encodeCall(IRampart.deposit, (operatorB, address(wstETH), 1 ether, bob, 0)), 1);
        }
        if (i == 1) {
            return (alice, abi.encodeCall(IRampart.queueWithdrawal, (operatorA, address(wstETH), 1e24, alice)), 2);
        }
        if (i == 2) {
            return (alice, abi.encodeCall(IRampart.queueRedelegation, (operatorA, address(wstETH), 1e24, operatorB)), 2);
        }
        if (i == 3) return (bob, abi.encodeCall(IRampart.completeWithdrawal, (readyWithdrawal)), 2);
        if (i == 4) return (operatorB, abi.encodeCall(IRampart.joinOperatorSet, (operatorB, instantSet, "")), 4);
        if (i == 5) {
            return (operatorA, abi.encodeCall(IRampart.allocate, (operatorA, address(rETH), instantSet, WAD / 4)), 4);
        }
        if (i == 6) {
            return (
                serviceDA,
                abi.encodeCall(IRampart.slash, (_slashParams(instantSet, operatorA, address(wstETH), WAD / 10))),
                8
            );
        }
        if (i == 7) return (bob, abi.encodeCall(IRampart.executeSlash, (readySlashId)), 8);
        if (i == 8) return (vetoCommittee, abi.encodeCall(IRampart.vetoSlash, (openSlashId)), 0);
        if (i == 9) return (operatorB, abi.encodeCall(IRampart.leaveOperatorSet, (operatorB, vetoSet)), 0);
        return (bob, abi.encodeCall(IRampart.settleAllocation, (operatorA, address(wstETH), instantSet)), 0);
    }

    /// @dev Tries every action from the same state: those whose flag is in `paused` must revert with `Paused(flag)`,
    /// all others must succeed.
    function _assertOnlyBlocked(uint8 paused) internal {
        for (uint256 i; i < ACTION_COUNT; ++i) {
            (address caller, bytes memory data, uint8 flag) = _action(i);
            uint256 snapshot = vm.snapshotState();
            vm.prank(caller);
            (bool ok, bytes memory ret) = address(rampart).call(data);
            if (flag & paused != 0) {
                vm.assertFalse(ok, string.concat("action should be paused: ", _name(i)));
                vm.assertEq(ret, abi.encodeWithSelector(IRampart.Paused.selector, flag), _name(i));
            } else {
                vm.assertTrue(ok, string.concat("action should not be paused: ", _name(i)));
            }
            vm.revertToState(snapshot);
        }
    }

    function _name(uint256 i) internal pure returns (string memory) {
        string[11] memory names = [
            "deposit",
            "queueWithdrawal",
            "queueRedelegation",
            "completeWithdrawal",
            "joinOperatorSet",
            "allocate",
            "slash",
            "executeSlash",
            "vetoSlash",
            "leaveOperatorSet",
            "settleAllocation"
        ];
        return names[i];
    }
}
