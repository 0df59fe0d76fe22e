// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {vm} from "../utils/Vm.sol";
import {RewardsTestBase} from "../utils/RewardsTestBase.sol";
import {IRampartRewards, DistributionRoot} from "../../src/interfaces/IRampartRewards.sol";

/// @notice submitRoot, disableRoot and latestActiveRootIndex.
contract RewardsRootsTest is RewardsTestBase {
    uint8 internal constant PAUSE_PROGRAMS = 1;
    uint8 internal constant PAUSE_CLAIMS = 2;
    bytes32 internal constant ROOT_A = keccak256("root A");
    bytes32 internal constant ROOT_B = keccak256("root B");
    bytes32 internal constant ROOT_C = keccak256("root C");

    address internal stranger = address(0x5757);

    // ─────────────────────────── submitRoot ───────────────────────────

    function test_submitRoot_storesAndEmits() public {
        _skip(5 hours);
        uint40 activatesAt = T0 + 5 hours + ACTIVATION_DELAY;
        vm.expectEmit(address(rewards));
        emit IRampartRewards.DistributionRootSubmitted(0, ROOT_A, T0, activatesAt);
        uint32 index = _submit(ROOT_A, T0);

        vm.assertEq(uint256(index), 0, "index");
        vm.assertEq(uint256(rewards.rootCount()), 1, "count");
        DistributionRoot memory root = rewards.getRoot(0);
        vm.assertEq(root.root, ROOT_A, "root");
        vm.assertEq(uint256(root.calculatedUntil), T0, "calculatedUntil");
        vm.assertEq(uint256(root.activatesAt), activatesAt, "activatesAt");
        vm.assertFalse(root.disabled, "disabled");
    }

    function test_submitRoot_indicesAreSequential() public {
        vm.assertEq(uint256(_submit(ROOT_A, T0 - DAY)), 0, "first");
        vm.assertEq(uint256(_submit(ROOT_B, T0)), 1, "second");
        _skip(DAY);
        vm.assertEq(uint256(_submit(ROOT_C, T0 + DAY)), 2, "third");
        vm.assertEq(uint256(rewards.rootCount()), 3, "count");
        vm.assertEq(rewards.getRoot(1).root, ROOT_B, "second root");
    }

    function test_submitRoot_acceptsCalculatedUntilNow() public {
        _submit(ROOT_A, uint40(block.timestamp));
        vm.assertEq(uint256(rewards.getRoot(0).calculatedUntil), T0, "calculatedUntil");
    }

    function test_submitRoot_acceptsSameCalculatedUntilAgain() public {
        _submit(ROOT_A, T0);
        _submit(ROOT_B, T0);
        vm.assertEq(uint256(rewards.getRoot(1).calculatedUntil), T0, "calculatedUntil");
    }

    function test_submitRoot_allowedWhilePaused() public {
        vm.prank(pauser);
        rewards.pause(PAUSE_PROGRAMS | PAUSE_CLAIMS);
        _submit(ROOT_A, T0);
        vm.assertEq(uint256(rewards.rootCount()), 1, "posted");
    }

    function test_submitRoot_revertsWhenNotUpdater() public {
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.NotUpdater.selector, governance));
        vm.prank(governance);
        rewards.submitRoot(ROOT_A, T0);
    }

    function test_submitRoot_revertsWhenRootZero() public {
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.ZeroRoot.selector));
        vm.prank(updater);
        rewards.submitRoot(bytes32(0), T0);
    }

    function test_submitRoot_revertsWhenNotDayAligned() public {
        _skip(DAY);
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.NotDayAligned.selector, T0 + 1));
        vm.prank(updater);
        rewards.submitRoot(ROOT_A, T0 + 1);
    }

    function test_submitRoot_revertsWhenCalculatedUntilInFuture() public {
        _skip(DAY - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IRampartRewards.CalculatedUntilInFuture.selector, T0 + DAY, T0 + DAY - 1)
        );
        vm.prank(updater);
        rewards.submitRoot(ROOT_A, T0 + DAY);
    }

    function test_submitRoot_revertsWhenCalculatedUntilDecreasing() public {
        _submit(ROOT_A, T0);
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.CalculatedUntilDecreasing.selector, T0 - DAY, T0));
        vm.prank(updater);
        rewards.submitRoot(ROOT_B, T0 - DAY);
    }

    /// @dev A disabled root still sets the floor: its replacement covers the same days or more.
    function test_submitRoot_disabledRootStillBoundsCalculatedUntil() public {
        _submit(ROOT_A, T0);
        vm.prank(pauser);
        rewards.disableRoot(0);
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.CalculatedUntilDecreasing.selector, T0 - DAY, T0));
        vm.prank(updater);
        rewards.submitRoot(ROOT_B, T0 - DAY);
        _submit(ROOT_B, T0);
    }

    // ─────────────────────────── disableRoot ──────────────────────────

    function test_disableRoot_disablesAndEmits() public {
        _submit(ROOT_A, T0);
        vm.expectEmit(address(rewards));
        emit IRampartRewards.DistributionRootDisabled(0);
        vm.prank(pauser);
        rewards.disableRoot(0);
        vm.assertTrue(rewards.getRoot(0).disabled, "disabled");
    }

    function test_disableRoot_allowedOneSecondBeforeActivation() public {
        _submit(ROOT_A, T0);
        _skip(ACTIVATION_DELAY - 1);
        vm.prank(pauser);
        rewards.disableRoot(0);
        vm.assertTrue(rewards.getRoot(0).disabled, "disabled");
    }

    function test_disableRoot_revertsWhenNotPauser() public {
        _submit(ROOT_A, T0);
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.NotPauser.selector, updater));
        vm.prank(updater);
        rewards.disableRoot(0);
    }

    function test_disableRoot_revertsWhenUnknown() public {
        _submit(ROOT_A, T0);
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.UnknownRoot.selector, uint32(1)));
        vm.prank(pauser);
        rewards.disableRoot(1);
    }

    function test_disableRoot_revertsWhenActive() public {
        _submit(ROOT_A, T0);
        _skip(ACTIVATION_DELAY);
        vm.expectRevert(
            abi.encodeWithSelector(IRampartRewards.RootAlreadyActive.selector, uint32(0), T0 + ACTIVATION_DELAY)
        );
        vm.prank(pauser);
        rewards.disableRoot(0);
    }

    function test_disableRoot_revertsWhenAlreadyDisabled() public {
        _submit(ROOT_A, T0);
        vm.prank(pauser);
        rewards.disableRoot(0);
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.RootDisabled.selector, uint32(0)));
        vm.prank(pauser);
        rewards.disableRoot(0);
    }

    // ─────────────────────────── latestActiveRootIndex ────────────────

    function test_latestActiveRootIndex_revertsWhenNoRoot() public {
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.UnknownRoot.selector, type(uint32).max));
        rewards.latestActiveRootIndex();
    }

    function test_latestActiveRootIndex_revertsWhenOnlyPending() public {
        _submit(ROOT_A, T0);
        _skip(ACTIVATION_DELAY - 1);
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.UnknownRoot.selector, type(uint32).max));
        rewards.latestActiveRootIndex();
        _skip(1);
        vm.assertEq(uint256(rewards.latestActiveRootIndex()), 0, "active at activatesAt");
    }

    function test_latestActiveRootIndex_revertsWhenOnlyDisabled() public {
        _submit(ROOT_A, T0);
        vm.prank(pauser);
        rewards.disableRoot(0);
        _skip(ACTIVATION_DELAY);
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.UnknownRoot.selector, type(uint32).max));
        rewards.latestActiveRootIndex();
    }

    function test_latestActiveRootIndex_skipsPendingAndDisabled() public {
        _submit(ROOT_A, T0); // 0: activates at T0 + 2 days
        _skip(DAY);
        _submit(ROOT_B, T0); // 1: activates at T0 + 3 days, disabled below
        _skip(DAY);
        _submit(ROOT_C, T0 + DAY); // 2: activates at T0 + 4 days
        vm.prank(pauser);
        rewards.disableRoot(1);

        vm.assertEq(uint256(rewards.latestActiveRootIndex()), 0, "only the first is active");
        _skip(DAY);
        vm.assertEq(uint256(rewards.latestActiveRootIndex()), 0, "the second is disabled");
        _skip(DAY);
        vm.assertEq(uint256(rewards.latestActiveRootIndex()), 2, "the third");
    }

    /// @dev After the delay is lowered, a later root can activate before an earlier one.
    function test_latestActiveRootIndex_whenDelayLowered() public {
        vm.prank(governance);
        rewards.setActivationDelay(10 days);
        _submit(ROOT_A, T0); // 0: activates at T0 + 10 days
        _skip(DAY);
        vm.prank(governance);
        rewards.setActivationDelay(1 hours);
        _submit(ROOT_B, T0); // 1: activates at T0 + 1 day + 1 hour
        _skip(DAY);
        _submit(ROOT_C, T0 + DAY); // 2: activates at T0 + 2 days + 1 hour

        vm.assertEq(uint256(rewards.latestActiveRootIndex()), 1, "root 1 active, root 2 pending");
        _skip(1 hours);
        vm.assertEq(uint256(rewards.latestActiveRootIndex()), 2, "root 2");
    }
}
