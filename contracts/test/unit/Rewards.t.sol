// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

import {vm} from "../utils/Vm.sol";
import {Merkle} from "../utils/Merkle.sol";
import {RewardsTestBase} from "../utils/RewardsTestBase.sol";
import {RampartRewards} from "../../src/RampartRewards.sol";
import {IRampartRewards, DistributionRoot} from "../../src/interfaces/IRampartRewards.sol";
import {IRampart} from "../../src/interfaces/IRampart.sol";

/// @notice RampartRewards construction, governance (owner, updater, activation delay), pausing, constant views, and
/// the Merkle leaf format against vectors from OpenZeppelin's merkle-tree.
contract RewardsTest is RewardsTestBase {
    uint32 internal constant MIN_DELAY = 1 hours;
    uint32 internal constant MAX_DELAY = 30 days;
    uint8 internal constant PAUSE_PROGRAMS = 1;
    uint8 internal constant PAUSE_CLAIMS = 2;

    address internal stranger = address(0x5757);
    address internal newUpdater = address(0x0D2);
    address internal newOwner = address(0x0E1);

    // ─────────────────────────── Constructor ───────────────────────────

    function test_constructor_setsState() public view {
        vm.assertEq(address(rewards.core()), address(rampart), "core");
        vm.assertEq(rewards.owner(), governance, "owner");
        vm.assertEq(rewards.pendingOwner(), address(0), "pending owner");
        vm.assertEq(rewards.rewardsUpdater(), updater, "updater");
        vm.assertEq(uint256(rewards.activationDelay()), ACTIVATION_DELAY, "delay");
        vm.assertEq(uint256(rewards.pausedFlags()), 0, "flags");
        vm.assertEq(uint256(rewards.programCount()), 0, "programs");
        vm.assertEq(uint256(rewards.rootCount()), 0, "roots");
    }

    function test_constants() public view {
        vm.assertEq(uint256(rewards.DAY()), 1 days, "DAY");
        vm.assertEq(uint256(rewards.MAX_RETROACTIVE()), 30 days, "MAX_RETROACTIVE");
        vm.assertEq(uint256(rewards.MAX_FUTURE()), 90 days, "MAX_FUTURE");
        vm.assertEq(uint256(rewards.MAX_DURATION()), 365 days, "MAX_DURATION");
        vm.assertEq(rewards.MAX_PROGRAM_AMOUNT(), type(uint128).max, "MAX_PROGRAM_AMOUNT");
        vm.assertEq(uint256(rewards.MIN_ACTIVATION_DELAY()), MIN_DELAY, "MIN_ACTIVATION_DELAY");
        vm.assertEq(uint256(rewards.MAX_ACTIVATION_DELAY()), MAX_DELAY, "MAX_ACTIVATION_DELAY");
        vm.assertEq(uint256(rewards.PAUSE_PROGRAMS()), PAUSE_PROGRAMS, "PAUSE_PROGRAMS");
        vm.assertEq(uint256(rewards.PAUSE_CLAIMS()), PAUSE_CLAIMS, "PAUSE_CLAIMS");
    }

    function test_constructor_emitsEvents() public {
        vm.expectEmit();
        emit Ownable.OwnershipTransferred(address(0), governance);
        vm.expectEmit();
        emit IRampartRewards.RewardsUpdaterSet(updater);
        vm.expectEmit();
        emit IRampartRewards.ActivationDelaySet(ACTIVATION_DELAY);
        new RampartRewards(rampart, governance, updater, ACTIVATION_DELAY);
    }

    function test_constructor_revertsWhenCoreZero() public {
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.ZeroAddress.selector));
        new RampartRewards(IRampart(address(0)), governance, updater, ACTIVATION_DELAY);
    }

    function test_constructor_revertsWhenUpdaterZero() public {
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.ZeroAddress.selector));
        new RampartRewards(rampart, governance, address(0), ACTIVATION_DELAY);
    }

    function test_constructor_revertsWhenOwnerZero() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableInvalidOwner.selector, address(0)));
        new RampartRewards(rampart, address(0), updater, ACTIVATION_DELAY);
    }

    function test_constructor_revertsWhenDelayBelowMin() public {
        vm.expectRevert(
            abi.encodeWithSelector(IRampartRewards.DelayOutOfBounds.selector, MIN_DELAY - 1, MIN_DELAY, MAX_DELAY)
        );
        new RampartRewards(rampart, governance, updater, MIN_DELAY - 1);
    }

    function test_constructor_revertsWhenDelayAboveMax() public {
        vm.expectRevert(
            abi.encodeWithSelector(IRampartRewards.DelayOutOfBounds.selector, MAX_DELAY + 1, MIN_DELAY, MAX_DELAY)
        );
        new RampartRewards(rampart, governance, updater, MAX_DELAY + 1);
    }

    // ─────────────────────────── Ownership ────────────────────────────

    function test_ownership_transfersInTwoSteps() public {
        vm.prank(governance);
        rewards.transferOwnership(newOwner);
        vm.assertEq(rewards.owner(), governance, "owner until accepted");
        vm.assertEq(rewards.pendingOwner(), newOwner, "pending owner");

        vm.prank(newOwner);
        rewards.acceptOwnership();
        vm.assertEq(rewards.owner(), newOwner, "owner");

        vm.prank(newOwner);
        rewards.setRewardsUpdater(newUpdater);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, governance));
        vm.prank(governance);
        rewards.setRewardsUpdater(updater);
    }

    // ─────────────────────────── Updater ──────────────────────────────

    function test_setRewardsUpdater_setsAndEmits() public {
        vm.expectEmit(address(rewards));
        emit IRampartRewards.RewardsUpdaterSet(newUpdater);
        vm.prank(governance);
        rewards.setRewardsUpdater(newUpdater);
        vm.assertEq(rewards.rewardsUpdater(), newUpdater, "updater");

        // The new updater posts; the old one no longer can.
        vm.prank(newUpdater);
        rewards.submitRoot(keccak256("root"), _today());
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.NotUpdater.selector, updater));
        vm.prank(updater);
        rewards.submitRoot(keccak256("root"), _today());
    }

    function test_setRewardsUpdater_revertsWhenNotOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, updater));
        vm.prank(updater);
        rewards.setRewardsUpdater(stranger);
    }

    function test_renounceOwnership_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.RenounceOwnershipDisabled.selector));
        vm.prank(governance);
        rewards.renounceOwnership();
        vm.assertEq(rewards.owner(), governance, "owner kept");
    }

    function test_setRewardsUpdater_revertsWhenZero() public {
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.ZeroAddress.selector));
        vm.prank(governance);
        rewards.setRewardsUpdater(address(0));
    }

    // ─────────────────────────── Activation delay ─────────────────────

    function test_setActivationDelay_setsAndEmits() public {
        vm.expectEmit(address(rewards));
        emit IRampartRewards.ActivationDelaySet(5 days);
        vm.prank(governance);
        rewards.setActivationDelay(5 days);
        vm.assertEq(uint256(rewards.activationDelay()), 5 days, "delay");
    }

    function test_setActivationDelay_acceptsBounds() public {
        vm.startPrank(governance);
        rewards.setActivationDelay(MIN_DELAY);
        vm.assertEq(uint256(rewards.activationDelay()), MIN_DELAY, "min");
        rewards.setActivationDelay(MAX_DELAY);
        vm.assertEq(uint256(rewards.activationDelay()), MAX_DELAY, "max");
        vm.stopPrank();
    }

    function test_setActivationDelay_revertsWhenBelowMin() public {
        vm.expectRevert(
            abi.encodeWithSelector(IRampartRewards.DelayOutOfBounds.selector, MIN_DELAY - 1, MIN_DELAY, MAX_DELAY)
        );
        vm.prank(governance);
        rewards.setActivationDelay(MIN_DELAY - 1);
    }

    function test_setActivationDelay_revertsWhenAboveMax() public {
        vm.expectRevert(
            abi.encodeWithSelector(IRampartRewards.DelayOutOfBounds.selector, MAX_DELAY + 1, MIN_DELAY, MAX_DELAY)
        );
        vm.prank(governance);
        rewards.setActivationDelay(MAX_DELAY + 1);
    }

    function test_setActivationDelay_revertsWhenNotOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        rewards.setActivationDelay(5 days);
    }

    function test_setActivationDelay_appliesToLaterRootsOnly() public {
        uint32 first = _submit(keccak256("first"), _today());
        vm.prank(governance);
        rewards.setActivationDelay(MIN_DELAY);
        uint32 second = _submit(keccak256("second"), _today());
        vm.assertEq(uint256(rewards.getRoot(first).activatesAt), T0 + ACTIVATION_DELAY, "old delay kept");
        vm.assertEq(uint256(rewards.getRoot(second).activatesAt), T0 + MIN_DELAY, "new delay");
    }

    // ─────────────────────────── Pause ────────────────────────────────

    function test_pause_setsFlagsAndEmits() public {
        vm.expectEmit(address(rewards));
        emit IRampartRewards.PausedFlagsSet(PAUSE_CLAIMS);
        vm.prank(pauser);
        rewards.pause(PAUSE_CLAIMS);
        vm.assertEq(uint256(rewards.pausedFlags()), PAUSE_CLAIMS, "claims");

        vm.expectEmit(address(rewards));
        emit IRampartRewards.PausedFlagsSet(PAUSE_CLAIMS | PAUSE_PROGRAMS);
        vm.prank(pauser);
        rewards.pause(PAUSE_PROGRAMS);
        vm.assertEq(uint256(rewards.pausedFlags()), PAUSE_CLAIMS | PAUSE_PROGRAMS, "flags accumulate");
    }

    function test_pause_revertsWhenNotPauser() public {
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.NotPauser.selector, unpauser));
        vm.prank(unpauser);
        rewards.pause(PAUSE_CLAIMS);
    }

    function test_pause_followsTheCorePausers() public {
        vm.prank(governance);
        rampart.setPauser(stranger, true);
        vm.prank(stranger);
        rewards.pause(PAUSE_PROGRAMS);
        vm.assertEq(uint256(rewards.pausedFlags()), PAUSE_PROGRAMS, "new core pauser pauses");

        vm.prank(governance);
        rampart.setPauser(pauser, false);
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.NotPauser.selector, pauser));
        vm.prank(pauser);
        rewards.pause(PAUSE_CLAIMS);
    }

    function test_unpause_clearsOnlyGivenFlagsAndEmits() public {
        vm.prank(pauser);
        rewards.pause(PAUSE_PROGRAMS | PAUSE_CLAIMS);
        vm.expectEmit(address(rewards));
        emit IRampartRewards.PausedFlagsSet(PAUSE_PROGRAMS);
        vm.prank(unpauser);
        rewards.unpause(PAUSE_CLAIMS);
        vm.assertEq(uint256(rewards.pausedFlags()), PAUSE_PROGRAMS, "programs still paused");
    }

    function test_unpause_revertsWhenNotUnpauser() public {
        vm.prank(pauser);
        rewards.pause(PAUSE_CLAIMS);
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.NotUnpauser.selector, pauser));
        vm.prank(pauser);
        rewards.unpause(PAUSE_CLAIMS);
    }

    function test_unpause_followsTheCoreUnpauser() public {
        vm.prank(pauser);
        rewards.pause(PAUSE_CLAIMS);
        vm.prank(governance);
        rampart.setUnpauser(stranger);
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.NotUnpauser.selector, unpauser));
        vm.prank(unpauser);
        rewards.unpause(PAUSE_CLAIMS);
        vm.prank(stranger);
        rewards.unpause(PAUSE_CLAIMS);
        vm.assertEq(uint256(rewards.pausedFlags()), 0, "unpaused");
    }

    // ─────────────────────────── Views ────────────────────────────────

    function test_getRoot_revertsWhenUnknown() public {
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.UnknownRoot.selector, uint32(0)));
        rewards.getRoot(0);
    }

    function test_getRoot_returnsPostedRoot() public {
        _skip(12 hours);
        _submit(keccak256("root"), T0);
        DistributionRoot memory root = rewards.getRoot(0);
        vm.assertEq(root.root, keccak256("root"), "root");
        vm.assertEq(uint256(root.calculatedUntil), T0, "calculatedUntil");
        vm.assertEq(uint256(root.activatesAt), T0 + 12 hours + ACTIVATION_DELAY, "activatesAt");
        vm.assertFalse(root.disabled, "disabled");
    }

    // ─────────────────────────── Leaves ───────────────────────────────

    /// @dev Vector from OpenZeppelin's merkle-tree 1.0.8: StandardMerkleTree.of([[earner, token, amount]],
    /// ["address", "address", "uint256"]).leafHash(...) for the values below.
    function test_leafOf_matchesStandardMerkleTree() public view {
        vm.assertEq(
            rewards.leafOf(address(0xA11CE), address(0x1111111111111111111111111111111111111111), 1_000_000),
            0x23e82c5e48bb21913cf099a3c163c8088e2fc5dfe610bbe57c584e38e6d21a2e,
            "leaf"
        );
    }

    function testFuzz_leafOf_isDoubleHashedAbiEncoding(address earner, address token, uint256 amount) public view {
        bytes32 expected = keccak256(bytes.concat(keccak256(abi.encode(earner, token, amount))));
        vm.assertEq(rewards.leafOf(earner, token, amount), expected, "leaf");
        vm.assertEq(Merkle.leaf(earner, token, amount), expected, "helper leaf");
    }

    /// @dev Roots from OpenZeppelin's merkle-tree 1.0.8 for the first 1, 2, 3 and 5 of the values below: the test
    /// helper builds the very trees the calculator does, and every proof it gives verifies with MerkleProof.
    function test_merkleHelper_matchesStandardMerkleTree() public pure {
        bytes32[] memory leaves = new bytes32[](5);
        leaves[0] = Merkle.leaf(address(0xA11CE), address(0x1111111111111111111111111111111111111111), 1_000_000);
        leaves[1] = Merkle.leaf(address(0xB0B), address(0x1111111111111111111111111111111111111111), 2_500_000);
        leaves[2] = Merkle.leaf(address(0xA11CE), address(0x2222222222222222222222222222222222222222), 7 ether);
        leaves[3] = Merkle.leaf(address(0xA1), address(0x1111111111111111111111111111111111111111), 1);
        leaves[4] = Merkle.leaf(address(0xb1), address(0x2222222222222222222222222222222222222222), type(uint128).max);
        bytes32[4] memory roots = [
            bytes32(0x23e82c5e48bb21913cf099a3c163c8088e2fc5dfe610bbe57c584e38e6d21a2e),
            0x9d03c9afd8ec27dfbbd3c3670bf7515ad9082b94b8e978a0174f2adbfdf77d84,
            0xf768afdea5c15b2fc3b12c26933877ccaa5bc81b02525afe6727b6ba014382cc,
            0xdf1b7c41a858d268db537dc6a9554760a925f22b674d7f205688d754da72cdd5
        ];
        uint256[4] memory sizes = [uint256(1), 2, 3, 5];
        for (uint256 s; s < sizes.length; ++s) {
            bytes32[] memory subset = new bytes32[](sizes[s]);
            for (uint256 i; i < subset.length; ++i) {
                subset[i] = leaves[i];
            }
            bytes32[] memory tree = Merkle.build(subset);
            vm.assertEq(tree[0], roots[s], "root");
            for (uint256 i; i < subset.length; ++i) {
                vm.assertTrue(MerkleProof.verify(Merkle.proof(tree, subset[i]), tree[0], subset[i]), "proof");
            }
        }
        // Same vector, proof of the first value in the 5-leaf tree, as the library gives it.
        bytes32[] memory proof = Merkle.proof(Merkle.build(leaves), leaves[0]);
        vm.assertEq(proof.length, 3, "proof length");
        vm.assertEq(proof[0], 0x7510c71beb57594c6a13873537d40af4631a2c76e7fcb713a3d5657964cc9839, "proof[0]");
        vm.assertEq(proof[1], 0xfb33b8d89a46a0be072e959983d7766ddabf3adfe0f995297fc2fa192df52c68, "proof[1]");
        vm.assertEq(proof[2], 0xc0674f04cb41d973d4a3d0249b97b91bb07e71ae1fce3100f1afc5153c1f848b, "proof[2]");
    }
}
