// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {vm} from "../utils/Vm.sol";
import {RampartTestBase} from "../utils/RampartTestBase.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {MockRegistrar} from "../mocks/MockRegistrar.sol";
import {IRampart, Membership, OperatorSet, SlashingPolicy} from "../../src/interfaces/IRampart.sol";
import {IDirectory} from "../../src/interfaces/IDirectory.sol";
import {IOperatorSetRegistrar} from "../../src/interfaces/IOperatorSetRegistrar.sol";

/// @notice Registrar that records the gas its leave hook was given, to prove the hook gets its whole budget.
contract GasRecordingRegistrar is IOperatorSetRegistrar {
    uint256 public gasAtLeave;

    function onJoin(address, uint32, bytes calldata) external {}

    function onLeave(address, uint32) external {
        gasAtLeave = gasleft();
    }
}

/// @notice Unit tests of operator sets: creation, accepted assets, joining, leaving and the registrar hooks.
contract OperatorSetsTest is RampartTestBase {
    uint32 internal constant MIN_DEALLOCATION_DELAY = 1 days;
    uint32 internal constant MAX_DELAY = 30 days;
    uint32 internal constant MAX_VETO_WINDOW = 2 days;
    uint256 internal constant LEAVE_GAS = 200_000;
    /// @dev What `leaveOperatorSet` demands before calling the hook: the budget, its 1/64 (EIP-150) and 10,000.
    uint256 internal constant LEAVE_GAS_REQUIRED = LEAVE_GAS + LEAVE_GAS / 63 + 10_000;

    address internal operatorC = address(0xC1);
    address internal delegateC = address(0xDE1E);
    address internal carol = address(0xCA201);

    MockRegistrar internal registrar;
    /// @dev A set of `serviceDA` with `registrar` attached.
    uint32 internal gatedSet;

    function setUp() public {
        vm.prank(operatorC);
        directory.registerOperator("ipfs://operator-c", delegateC, 0);

        registrar = new MockRegistrar();
        registrar.setAllowed(operatorA, true);
        registrar.setAllowed(operatorC, true);
        vm.prank(serviceDA);
        gatedSet = rampart.createOperatorSet(_one(address(wstETH)), _instantPolicy(), address(registrar));

        _deposit(alice, operatorA, wstETH, 100 ether);
    }

    // ─────────────────────────── Helpers ──────────────────────────────

    function _one(address asset) internal pure returns (address[] memory assets) {
        assets = new address[](1);
        assets[0] = asset;
    }

    function _policy(uint32 vetoWindow, uint32 deallocationDelay, uint64 maxSlashWad, address committee)
        internal
        view
        returns (SlashingPolicy memory)
    {
        return SlashingPolicy({
            vetoWindow: vetoWindow,
            deallocationDelay: deallocationDelay,
            maxSlashWad: maxSlashWad,
            vetoCommittee: committee,
            slashRecipient: slashSink
        });
    }

    function _create(address[] memory assets, SlashingPolicy memory policy) internal returns (uint32) {
        vm.prank(serviceDA);
        return rampart.createOperatorSet(assets, policy, address(0));
    }

    /// @dev `count` freshly deployed and listed tokens.
    function _listedTokens(uint256 count) internal returns (address[] memory tokens) {
        tokens = new address[](count);
        for (uint256 i; i < count; ++i) {
            tokens[i] = address(new MockERC20("Token", "TKN", 18));
            vm.prank(governance);
            rampart.listAsset(tokens[i], CAP);
        }
    }

    function _pause(uint8 flags) internal {
        vm.prank(pauser);
        rampart.pause(flags);
    }

    /// @dev Calls `leaveOperatorSet` as `operator` with exactly `gasLimit` gas.
    function _leaveWithGas(address operator, uint32 setId, uint256 gasLimit)
        internal
        returns (bool ok, bytes memory returnData)
    {
        vm.prank(operator);
        (ok, returnData) =
            address(rampart).call{gas: gasLimit}(abi.encodeCall(IRampart.leaveOperatorSet, (operator, setId)));
    }

    /// @dev Decodes the arguments of a custom error with two uint256 arguments (calldata slicing needs an external call).
    function decodeTwoWords(bytes calldata revertData) external pure returns (uint256, uint256) {
        return abi.decode(revertData[4:], (uint256, uint256));
    }

    function _assertPolicy(SlashingPolicy memory actual, SlashingPolicy memory expected) internal pure {
        vm.assertEq(actual.vetoWindow, expected.vetoWindow, "vetoWindow");
        vm.assertEq(actual.deallocationDelay, expected.deallocationDelay, "deallocationDelay");
        vm.assertEq(actual.maxSlashWad, expected.maxSlashWad, "maxSlashWad");
        vm.assertEq(actual.vetoCommittee, expected.vetoCommittee, "vetoCommittee");
        vm.assertEq(actual.slashRecipient, expected.slashRecipient, "slashRecipient");
    }

    // ─────────────────────────── createOperatorSet ────────────────────

    function test_createOperatorSet_assignsIdsFromOne() public {
        vm.assertEq(instantSet, 1, "first set");
        vm.assertEq(vetoSet, 2, "second set");
        vm.assertEq(gatedSet, 3, "third set");
        uint32 id = _create(_one(address(weth)), _instantPolicy());
        vm.assertEq(id, 4, "fourth set");
        vm.assertEq(rampart.operatorSetCount(), 4, "count");
    }

    function test_createOperatorSet_storesSetAndEmits() public {
        address[] memory assets = _assets2(address(weth), address(rETH));
        SlashingPolicy memory policy = _policy(12 hours, 3 days, WAD / 4, vetoCommittee);

        vm.expectEmit(address(rampart));
        emit IRampart.OperatorSetCreated(4, serviceBridge, address(registrar), policy, assets);
        vm.prank(serviceBridge);
        uint32 id = rampart.createOperatorSet(assets, policy, address(registrar));

        OperatorSet memory set = rampart.getOperatorSet(id);
        vm.assertEq(set.service, serviceBridge, "service");
        vm.assertEq(set.registrar, address(registrar), "registrar");
        _assertPolicy(set.policy, policy);
        vm.assertEq(set.assets.length, 2, "assets length");
        vm.assertEq(set.assets[0], address(weth), "asset 0");
        vm.assertEq(set.assets[1], address(rETH), "asset 1");
        vm.assertTrue(rampart.isSetAsset(id, address(weth)), "weth accepted");
        vm.assertTrue(rampart.isSetAsset(id, address(rETH)), "rETH accepted");
        vm.assertFalse(rampart.isSetAsset(id, address(wstETH)), "wstETH not accepted");
    }

    function test_createOperatorSet_succeeds_whenBoundsAreInclusive() public {
        uint32 low = _create(_one(address(weth)), _policy(0, MIN_DEALLOCATION_DELAY, 1, address(0)));
        uint32 high = _create(_one(address(weth)), _policy(MAX_VETO_WINDOW, MAX_DELAY, WAD, vetoCommittee));
        vm.assertEq(rampart.getOperatorSet(low).policy.deallocationDelay, MIN_DEALLOCATION_DELAY, "min delay");
        vm.assertEq(rampart.getOperatorSet(low).policy.maxSlashWad, 1, "min slash wad");
        vm.assertEq(rampart.getOperatorSet(high).policy.deallocationDelay, MAX_DELAY, "max delay");
        vm.assertEq(rampart.getOperatorSet(high).policy.vetoWindow, MAX_VETO_WINDOW, "max veto window");
        vm.assertEq(rampart.getOperatorSet(high).policy.maxSlashWad, WAD, "max slash wad");
    }

    function test_createOperatorSet_succeeds_whenSixteenAssets() public {
        address[] memory assets = _listedTokens(16);
        uint32 id = _create(assets, _instantPolicy());
        vm.assertEq(rampart.getOperatorSet(id).assets.length, 16, "sixteen assets");
        vm.assertTrue(rampart.isSetAsset(id, assets[15]), "last accepted");
    }

    function test_createOperatorSet_reverts_whenServiceNotRegistered() public {
        vm.expectRevert(abi.encodeWithSelector(IDirectory.ServiceNotRegistered.selector, alice));
        vm.prank(alice);
        rampart.createOperatorSet(_one(address(weth)), _instantPolicy(), address(0));
    }

    function test_createOperatorSet_reverts_whenNoAssets() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.NoAssets.selector));
        _create(new address[](0), _instantPolicy());
    }

    function test_createOperatorSet_reverts_whenAssetNotListed() public {
        MockERC20 unlisted = new MockERC20("Unlisted", "UNL", 18);
        vm.expectRevert(abi.encodeWithSelector(IRampart.AssetNotListed.selector, address(unlisted)));
        _create(_assets2(address(weth), address(unlisted)), _instantPolicy());
    }

    function test_createOperatorSet_reverts_whenAssetDelisted() public {
        vm.prank(governance);
        rampart.delistAsset(address(weth));
        vm.expectRevert(abi.encodeWithSelector(IRampart.AssetNotListed.selector, address(weth)));
        _create(_one(address(weth)), _instantPolicy());
    }

    function test_createOperatorSet_reverts_whenDuplicateAsset() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.AssetAlreadyInSet.selector, uint32(4), address(weth)));
        _create(_assets2(address(weth), address(weth)), _instantPolicy());
    }

    function test_createOperatorSet_reverts_whenMoreThanSixteenAssets() public {
        address[] memory assets = _listedTokens(17);
        vm.expectRevert(abi.encodeWithSelector(IRampart.TooManyAssets.selector, uint32(4)));
        _create(assets, _instantPolicy());
    }

    function test_createOperatorSet_reverts_whenMaxSlashWadZero() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.SlashWadOutOfBounds.selector, uint64(0), WAD));
        _create(_one(address(weth)), _policy(0, DEALLOCATION_DELAY, 0, address(0)));
    }

    function test_createOperatorSet_reverts_whenMaxSlashWadAboveWad() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.SlashWadOutOfBounds.selector, WAD + 1, WAD));
        _create(_one(address(weth)), _policy(0, DEALLOCATION_DELAY, WAD + 1, address(0)));
    }

    function test_createOperatorSet_reverts_whenDeallocationDelayBelowMin() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IRampart.DelayOutOfBounds.selector, uint256(1 days - 1), uint256(1 days), uint256(30 days)
            )
        );
        _create(_one(address(weth)), _policy(0, 1 days - 1, WAD, address(0)));
    }

    function test_createOperatorSet_reverts_whenDeallocationDelayAboveMax() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IRampart.DelayOutOfBounds.selector, uint256(30 days + 1), uint256(1 days), uint256(30 days)
            )
        );
        _create(_one(address(weth)), _policy(0, 30 days + 1, WAD, address(0)));
    }

    function test_createOperatorSet_reverts_whenVetoWindowTooLong() public {
        vm.expectRevert(
            abi.encodeWithSelector(IRampart.VetoWindowTooLong.selector, MAX_VETO_WINDOW + 1, MAX_VETO_WINDOW)
        );
        _create(_one(address(weth)), _policy(MAX_VETO_WINDOW + 1, MAX_DELAY, WAD, vetoCommittee));
    }

    function test_createOperatorSet_reverts_whenVetoWindowWithoutCommittee() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.VetoCommitteeMismatch.selector, uint32(1 days), address(0)));
        _create(_one(address(weth)), _policy(1 days, DEALLOCATION_DELAY, WAD, address(0)));
    }

    function test_createOperatorSet_reverts_whenCommitteeWithoutVetoWindow() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.VetoCommitteeMismatch.selector, uint32(0), vetoCommittee));
        _create(_one(address(weth)), _policy(0, DEALLOCATION_DELAY, WAD, vetoCommittee));
    }

    /// @dev docs/protocol.md (Parameters): the veto window is "strictly below the deallocation delay", so that a
    /// vetoable slash always lands before the stake it targets can be deallocated. A window of 2 days with a
    /// deallocation delay of 1 day (or equal to it) breaks that and must be rejected.
    function test_createOperatorSet_reverts_whenVetoWindowNotBelowDeallocationDelay() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IRampart.VetoWindowNotBelowDeallocationDelay.selector, MAX_VETO_WINDOW, MIN_DEALLOCATION_DELAY
            )
        );
        _create(_one(address(weth)), _policy(MAX_VETO_WINDOW, MIN_DEALLOCATION_DELAY, WAD, vetoCommittee));
        vm.expectRevert(
            abi.encodeWithSelector(
                IRampart.VetoWindowNotBelowDeallocationDelay.selector, uint32(1 days), uint32(1 days)
            )
        );
        _create(_one(address(weth)), _policy(1 days, 1 days, WAD, vetoCommittee));
    }

    // ─────────────────────────── addOperatorSetAsset ──────────────────

    function test_addOperatorSetAsset_addsAndEmits() public {
        vm.expectEmit(address(rampart));
        emit IRampart.OperatorSetAssetAdded(instantSet, address(weth));
        vm.prank(serviceDA);
        rampart.addOperatorSetAsset(instantSet, address(weth));

        vm.assertTrue(rampart.isSetAsset(instantSet, address(weth)), "accepted");
        address[] memory assets = rampart.getOperatorSet(instantSet).assets;
        vm.assertEq(assets.length, 3, "length");
        vm.assertEq(assets[2], address(weth), "appended");
        vm.assertFalse(rampart.isSetAsset(vetoSet, address(weth)), "other set untouched");
    }

    function test_addOperatorSetAsset_reverts_whenNotSetService() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotSetService.selector, serviceBridge, instantSet));
        vm.prank(serviceBridge);
        rampart.addOperatorSetAsset(instantSet, address(weth));
    }

    function test_addOperatorSetAsset_reverts_whenUnknownOperatorSet() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.UnknownOperatorSet.selector, uint32(99)));
        vm.prank(serviceDA);
        rampart.addOperatorSetAsset(99, address(weth));
    }

    function test_addOperatorSetAsset_reverts_whenAssetNotListed() public {
        MockERC20 unlisted = new MockERC20("Unlisted", "UNL", 18);
        vm.expectRevert(abi.encodeWithSelector(IRampart.AssetNotListed.selector, address(unlisted)));
        vm.prank(serviceDA);
        rampart.addOperatorSetAsset(instantSet, address(unlisted));
    }

    function test_addOperatorSetAsset_reverts_whenAssetAlreadyInSet() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.AssetAlreadyInSet.selector, instantSet, address(wstETH)));
        vm.prank(serviceDA);
        rampart.addOperatorSetAsset(instantSet, address(wstETH));
    }

    function test_addOperatorSetAsset_reverts_whenSeventeenthAsset() public {
        address[] memory tokens = _listedTokens(15);
        uint32 id = _create(_one(address(weth)), _instantPolicy());
        vm.startPrank(serviceDA);
        for (uint256 i; i < 15; ++i) {
            rampart.addOperatorSetAsset(id, tokens[i]);
        }
        vm.assertEq(rampart.getOperatorSet(id).assets.length, 16, "sixteen");
        vm.expectRevert(abi.encodeWithSelector(IRampart.TooManyAssets.selector, id));
        rampart.addOperatorSetAsset(id, address(wstETH));
        vm.stopPrank();
    }

    // ─────────────────────────── joinOperatorSet ──────────────────────

    function test_joinOperatorSet_joinsAndEmits() public {
        vm.expectEmit(address(rampart));
        emit IRampart.OperatorJoined(instantSet, operatorA);
        vm.prank(operatorA);
        rampart.joinOperatorSet(operatorA, instantSet, "");

        Membership memory membership = rampart.getMembership(operatorA, instantSet);
        vm.assertTrue(membership.member, "member");
        vm.assertEq(membership.allocatedPools, 0, "no pools");
        vm.assertFalse(rampart.getMembership(operatorA, vetoSet).member, "other set untouched");
        vm.assertFalse(rampart.getMembership(operatorB, instantSet).member, "other operator untouched");
    }

    function test_joinOperatorSet_succeeds_whenCalledByDelegate() public {
        vm.expectEmit(address(rampart));
        emit IRampart.OperatorJoined(instantSet, operatorC);
        vm.prank(delegateC);
        rampart.joinOperatorSet(operatorC, instantSet, "");
        vm.assertTrue(rampart.getMembership(operatorC, instantSet).member, "member");
    }

    function test_joinOperatorSet_succeeds_whenRegistrarAllows() public {
        vm.expectEmit(address(rampart));
        emit IRampart.OperatorJoined(gatedSet, operatorA);
        vm.prank(operatorA);
        rampart.joinOperatorSet(operatorA, gatedSet, hex"c0ffee");
        vm.assertTrue(rampart.getMembership(operatorA, gatedSet).member, "member");
    }

    function test_joinOperatorSet_reverts_whenRegistrarRejects() public {
        vm.expectRevert(abi.encodeWithSelector(MockRegistrar.NotAllowed.selector, operatorB));
        vm.prank(operatorB);
        rampart.joinOperatorSet(operatorB, gatedSet, "");
        vm.assertFalse(rampart.getMembership(operatorB, gatedSet).member, "not a member");
    }

    function test_joinOperatorSet_reverts_whenAlreadyMember() public {
        _join(operatorA, instantSet);
        vm.expectRevert(abi.encodeWithSelector(IRampart.AlreadyMember.selector, operatorA, instantSet));
        vm.prank(operatorA);
        rampart.joinOperatorSet(operatorA, instantSet, "");
    }

    function test_joinOperatorSet_reverts_whenOperatorNotRegistered() public {
        vm.expectRevert(abi.encodeWithSelector(IDirectory.OperatorNotRegistered.selector, carol));
        vm.prank(carol);
        rampart.joinOperatorSet(carol, instantSet, "");
    }

    function test_joinOperatorSet_reverts_whenNotOperatorOrDelegate() public {
        vm.expectRevert(abi.encodeWithSelector(IDirectory.NotOperatorOrDelegate.selector, alice, operatorA));
        vm.prank(alice);
        rampart.joinOperatorSet(operatorA, instantSet, "");
    }

    function test_joinOperatorSet_reverts_whenDelegateOfAnotherOperator() public {
        vm.expectRevert(abi.encodeWithSelector(IDirectory.NotOperatorOrDelegate.selector, delegateC, operatorA));
        vm.prank(delegateC);
        rampart.joinOperatorSet(operatorA, instantSet, "");
    }

    function test_joinOperatorSet_reverts_whenUnknownOperatorSet() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.UnknownOperatorSet.selector, uint32(99)));
        vm.prank(operatorA);
        rampart.joinOperatorSet(operatorA, 99, "");
    }

    function test_joinOperatorSet_reverts_whenAllocationsPaused() public {
        _pause(4);
        vm.expectRevert(abi.encodeWithSelector(IRampart.Paused.selector, uint8(4)));
        vm.prank(operatorA);
        rampart.joinOperatorSet(operatorA, instantSet, "");
    }

    function test_joinOperatorSet_succeeds_whenOtherActionsPaused() public {
        _pause(1 | 2 | 8);
        _join(operatorA, instantSet);
        vm.assertTrue(rampart.getMembership(operatorA, instantSet).member, "member");
    }

    // ─────────────────────────── leaveOperatorSet ─────────────────────

    function test_leaveOperatorSet_leavesAndEmits() public {
        _join(operatorA, instantSet);
        vm.expectEmit(address(rampart));
        emit IRampart.OperatorLeft(instantSet, operatorA);
        vm.prank(operatorA);
        rampart.leaveOperatorSet(operatorA, instantSet);
        vm.assertFalse(rampart.getMembership(operatorA, instantSet).member, "left");

        // Leaving is not final: the operator may join again.
        _join(operatorA, instantSet);
        vm.assertTrue(rampart.getMembership(operatorA, instantSet).member, "rejoined");
    }

    function test_leaveOperatorSet_succeeds_whenCalledByDelegate() public {
        _join(operatorC, instantSet);
        vm.expectEmit(address(rampart));
        emit IRampart.OperatorLeft(instantSet, operatorC);
        vm.prank(delegateC);
        rampart.leaveOperatorSet(operatorC, instantSet);
        vm.assertFalse(rampart.getMembership(operatorC, instantSet).member, "left");
    }

    function test_leaveOperatorSet_succeeds_whenEverythingPaused() public {
        _join(operatorA, instantSet);
        _pause(1 | 2 | 4 | 8);
        vm.prank(operatorA);
        rampart.leaveOperatorSet(operatorA, instantSet);
        vm.assertFalse(rampart.getMembership(operatorA, instantSet).member, "left while paused");
    }

    function test_leaveOperatorSet_reverts_whenNotMember() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotMember.selector, operatorA, instantSet));
        vm.prank(operatorA);
        rampart.leaveOperatorSet(operatorA, instantSet);
    }

    function test_leaveOperatorSet_reverts_whenUnknownOperatorSet() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.UnknownOperatorSet.selector, uint32(99)));
        vm.prank(operatorA);
        rampart.leaveOperatorSet(operatorA, 99);
    }

    function test_leaveOperatorSet_reverts_whenNotOperatorOrDelegate() public {
        _join(operatorA, instantSet);
        vm.expectRevert(abi.encodeWithSelector(IDirectory.NotOperatorOrDelegate.selector, alice, operatorA));
        vm.prank(alice);
        rampart.leaveOperatorSet(operatorA, instantSet);
    }

    function test_leaveOperatorSet_reverts_whenOperatorNotRegistered() public {
        vm.expectRevert(abi.encodeWithSelector(IDirectory.OperatorNotRegistered.selector, carol));
        vm.prank(carol);
        rampart.leaveOperatorSet(carol, instantSet);
    }

    function test_leaveOperatorSet_reverts_whenStillAllocated() public {
        _deposit(alice, operatorA, rETH, 10 ether);
        _join(operatorA, instantSet);
        _allocate(operatorA, wstETH, instantSet, WAD / 2);
        vm.expectRevert(abi.encodeWithSelector(IRampart.StillAllocated.selector, operatorA, instantSet, uint32(1)));
        vm.prank(operatorA);
        rampart.leaveOperatorSet(operatorA, instantSet);

        _allocate(operatorA, rETH, instantSet, WAD / 4);
        vm.expectRevert(abi.encodeWithSelector(IRampart.StillAllocated.selector, operatorA, instantSet, uint32(2)));
        vm.prank(operatorA);
        rampart.leaveOperatorSet(operatorA, instantSet);
    }

    function test_leaveOperatorSet_reverts_whenAllocationIncreasePending() public {
        vm.prank(operatorC);
        directory.setAllocationDelay(operatorC, 1 days);
        _skip(1); // the new operator's delay of 0 applied at once; the new one too
        _join(operatorC, instantSet);
        _allocate(operatorC, wstETH, instantSet, WAD / 2);
        vm.assertEq(rampart.getAllocation(operatorC, address(wstETH), instantSet).magnitude, 0, "not yet slashable");
        vm.expectRevert(abi.encodeWithSelector(IRampart.StillAllocated.selector, operatorC, instantSet, uint32(1)));
        vm.prank(operatorC);
        rampart.leaveOperatorSet(operatorC, instantSet);
    }

    function test_leaveOperatorSet_reverts_whenDeallocationPendingOrUnsettled() public {
        _join(operatorA, instantSet);
        _allocate(operatorA, wstETH, instantSet, WAD / 2);
        _allocate(operatorA, wstETH, instantSet, 0);

        // Pending deallocation: still slashable, so still allocated.
        vm.expectRevert(abi.encodeWithSelector(IRampart.StillAllocated.selector, operatorA, instantSet, uint32(1)));
        vm.prank(operatorA);
        rampart.leaveOperatorSet(operatorA, instantSet);

        // The delay has passed but nobody settled: the count is still 1.
        _skip(DEALLOCATION_DELAY);
        vm.assertEq(rampart.getAllocation(operatorA, address(wstETH), instantSet).magnitude, 0, "view settled");
        vm.expectRevert(abi.encodeWithSelector(IRampart.StillAllocated.selector, operatorA, instantSet, uint32(1)));
        vm.prank(operatorA);
        rampart.leaveOperatorSet(operatorA, instantSet);

        rampart.settleAllocation(operatorA, address(wstETH), instantSet);
        vm.assertEq(rampart.getMembership(operatorA, instantSet).allocatedPools, 0, "settled");
        vm.expectEmit(address(rampart));
        emit IRampart.OperatorLeft(instantSet, operatorA);
        vm.prank(operatorA);
        rampart.leaveOperatorSet(operatorA, instantSet);
        vm.assertFalse(rampart.getMembership(operatorA, instantSet).member, "left");
    }

    function test_leaveOperatorSet_callsRegistrarHook() public {
        _join(operatorA, gatedSet);
        vm.recordLogs();
        vm.prank(operatorA);
        rampart.leaveOperatorSet(operatorA, gatedSet);
        vm.assertEq(registrar.leaves(), 1, "hook called once");
        vm.assertFalse(rampart.getMembership(operatorA, gatedSet).member, "left");
        // Only OperatorLeft: no RegistrarHookFailed.
        vm.assertEq(vm.getRecordedLogs().length, 1, "one event");
    }

    function test_leaveOperatorSet_emitsRegistrarHookFailed_whenHookReverts() public {
        _join(operatorA, gatedSet);
        registrar.setLeaveBehaviour(true, false);
        vm.expectEmit(address(rampart));
        emit IRampart.OperatorLeft(gatedSet, operatorA);
        vm.expectEmit(address(rampart));
        emit IRampart.RegistrarHookFailed(
            gatedSet, operatorA, abi.encodeWithSelector(MockRegistrar.NotAllowed.selector, address(rampart))
        );
        vm.prank(operatorA);
        rampart.leaveOperatorSet(operatorA, gatedSet);
        vm.assertFalse(rampart.getMembership(operatorA, gatedSet).member, "left anyway");
        vm.assertEq(registrar.leaves(), 0, "hook reverted");
    }

    function test_leaveOperatorSet_emitsRegistrarHookFailed_whenHookBurnsAllGas() public {
        _join(operatorA, gatedSet);
        registrar.setLeaveBehaviour(false, true);
        vm.expectEmit(address(rampart));
        emit IRampart.RegistrarHookFailed(gatedSet, operatorA, "");
        vm.prank(operatorA);
        rampart.leaveOperatorSet(operatorA, gatedSet);
        vm.assertFalse(rampart.getMembership(operatorA, gatedSet).member, "left anyway");
    }

    function test_leaveOperatorSet_succeeds_whenHookBurnsAllGasAndCallerBringsBudgetOnly() public {
        _join(operatorA, gatedSet);
        registrar.setLeaveBehaviour(false, true);
        // The hook's 200k budget plus a modest margin is enough: the hook cannot make the exit cost more.
        (bool ok,) = _leaveWithGas(operatorA, gatedSet, 300_000);
        vm.assertTrue(ok, "exit not blocked");
        vm.assertFalse(rampart.getMembership(operatorA, gatedSet).member, "left");
    }

    function test_leaveOperatorSet_reverts_whenInsufficientGasForHook() public {
        _join(operatorA, gatedSet);
        (bool ok, bytes memory returnData) = _leaveWithGas(operatorA, gatedSet, 150_000);
        vm.assertFalse(ok, "reverted");
        vm.assertEq(returnData.length, 68, "custom error with two words");
        (uint256 gasLeft, uint256 required) = this.decodeTwoWords(returnData);
        vm.assertEq(
            returnData,
            abi.encodeWithSelector(IRampart.InsufficientGasForHook.selector, gasLeft, required),
            "InsufficientGasForHook"
        );
        vm.assertEq(required, LEAVE_GAS_REQUIRED, "required");
        vm.assertLt(gasLeft, required, "gas left below required");
        vm.assertGt(gasLeft, 100_000, "gas left is what the call still had");
        vm.assertTrue(rampart.getMembership(operatorA, gatedSet).member, "still a member");
    }

    function test_leaveOperatorSet_succeeds_withLittleGas_whenNoRegistrar() public {
        _join(operatorA, instantSet);
        (bool ok,) = _leaveWithGas(operatorA, instantSet, 100_000);
        vm.assertTrue(ok, "no hook, no gas requirement");
        vm.assertFalse(rampart.getMembership(operatorA, instantSet).member, "left");
    }

    /// @dev At the smallest gas limit for which the exit succeeds, the hook still receives its whole budget, so an
    /// operator cannot starve it on purpose.
    function test_leaveOperatorSet_givesHookFullBudget_atMinimalGas() public {
        GasRecordingRegistrar recorder = new GasRecordingRegistrar();
        vm.prank(serviceDA);
        uint32 id = rampart.createOperatorSet(_one(address(wstETH)), _instantPolicy(), address(recorder));
        _join(operatorA, id);

        uint256 low = 100_000; // fails
        uint256 high = 600_000; // succeeds
        while (high - low > 1) {
            uint256 mid = (low + high) / 2;
            uint256 snapshot = vm.snapshotState();
            (bool ok,) = _leaveWithGas(operatorA, id, mid);
            vm.revertToState(snapshot);
            if (ok) high = mid;
            else low = mid;
        }
        (bool success,) = _leaveWithGas(operatorA, id, high);
        vm.assertTrue(success, "left at minimal gas");
        vm.assertGe(high, LEAVE_GAS_REQUIRED, "minimal gas covers the requirement");
        // The budget minus the hook's own function dispatch.
        vm.assertGe(recorder.gasAtLeave(), LEAVE_GAS - 500, "hook got its budget");
    }

    // ─────────────────────────── Views ────────────────────────────────

    function test_getOperatorSet_returnsFixtureSets() public view {
        OperatorSet memory instant = rampart.getOperatorSet(instantSet);
        vm.assertEq(instant.service, serviceDA, "instant service");
        vm.assertEq(instant.registrar, address(0), "no registrar");
        _assertPolicy(instant.policy, _instantPolicy());
        vm.assertEq(instant.assets.length, 2, "instant assets");
        vm.assertEq(instant.assets[0], address(wstETH), "asset 0");
        vm.assertEq(instant.assets[1], address(rETH), "asset 1");

        OperatorSet memory veto = rampart.getOperatorSet(vetoSet);
        vm.assertEq(veto.service, serviceBridge, "veto service");
        _assertPolicy(veto.policy, _vetoPolicy());

        OperatorSet memory gated = rampart.getOperatorSet(gatedSet);
        vm.assertEq(gated.registrar, address(registrar), "registrar");
    }

    function test_getOperatorSet_returnsEmpty_whenUnknown() public view {
        OperatorSet memory unknown = rampart.getOperatorSet(99);
        vm.assertEq(unknown.service, address(0), "no service");
        vm.assertEq(unknown.assets.length, 0, "no assets");
        vm.assertEq(unknown.policy.maxSlashWad, 0, "no policy");
    }

    function test_isSetAsset_reflectsAcceptedAssets() public view {
        vm.assertTrue(rampart.isSetAsset(instantSet, address(wstETH)), "wstETH");
        vm.assertTrue(rampart.isSetAsset(instantSet, address(rETH)), "rETH");
        vm.assertFalse(rampart.isSetAsset(instantSet, address(weth)), "weth");
        vm.assertFalse(rampart.isSetAsset(gatedSet, address(rETH)), "gated rETH");
        vm.assertFalse(rampart.isSetAsset(99, address(wstETH)), "unknown set");
    }

    function test_getMembership_tracksJoinAllocationAndLeave() public {
        Membership memory before = rampart.getMembership(operatorA, instantSet);
        vm.assertFalse(before.member, "not a member");
        vm.assertEq(before.allocatedPools, 0, "no pools");

        _join(operatorA, instantSet);
        _allocate(operatorA, wstETH, instantSet, WAD / 10);
        Membership memory allocated = rampart.getMembership(operatorA, instantSet);
        vm.assertTrue(allocated.member, "member");
        vm.assertEq(allocated.allocatedPools, 1, "one pool");

        _allocate(operatorA, wstETH, instantSet, 0);
        _skip(DEALLOCATION_DELAY);
        rampart.settleAllocation(operatorA, address(wstETH), instantSet);
        vm.prank(operatorA);
        rampart.leaveOperatorSet(operatorA, instantSet);
        Membership memory left = rampart.getMembership(operatorA, instantSet);
        vm.assertFalse(left.member, "left");
        vm.assertEq(left.allocatedPools, 0, "no pools after leaving");
    }
}
