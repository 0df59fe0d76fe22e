// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {vm} from "../utils/Vm.sol";
import {RampartTestBase} from "../utils/RampartTestBase.sol";
import {IRampart, Allocation, SlashParams, SlashStatus} from "../../src/interfaces/IRampart.sol";

/// @notice Guards found by review: a slash cannot name an asset twice (which would beat the per-slash maximum), and a
/// veto request holds back a decrease that started before it, so the targeted stake stays within reach.
contract SlashGuardsTest is RampartTestBase {
    function setUp() public {
        _deposit(alice, operatorA, wstETH, 100 ether);
        _join(operatorA, instantSet);
        _join(operatorA, vetoSet);
        _allocate(operatorA, wstETH, instantSet, WAD / 2);
        _allocate(operatorA, wstETH, vetoSet, WAD / 2);
    }

    function test_slash_revertsWithDuplicateAsset_whenAnAssetIsNamedTwice() public {
        address[] memory assets = _assets2(address(wstETH), address(wstETH));
        uint64[] memory wads = new uint64[](2);
        wads[0] = WAD / 2;
        wads[1] = WAD / 2;
        vm.prank(serviceDA);
        vm.expectRevert(abi.encodeWithSelector(IRampart.DuplicateAsset.selector, address(wstETH)));
        rampart.slash(SlashParams({setId: instantSet, operator: operatorA, assets: assets, wads: wads, reason: "x"}));
    }

    function test_slash_vetoRequestHoldsBackAnEarlierDeallocation() public {
        // The operator starts leaving the veto set; the decrease would take effect after DEALLOCATION_DELAY.
        _allocate(operatorA, wstETH, vetoSet, 0);
        uint40 decreaseAt = uint40(block.timestamp) + DEALLOCATION_DELAY;
        // Misbehaviour is reported late: the request's window ends after the decrease would have taken effect.
        _skip(DEALLOCATION_DELAY - 1 hours);
        uint256 slashable = rampart.slashableAssets(operatorA, address(wstETH), vetoSet);
        vm.assertEq(slashable, 50 ether, "still slashable when the request is made");

        uint256 slashId = _slash(serviceBridge, vetoSet, operatorA, wstETH, WAD);
        uint40 holdUntil = uint40(block.timestamp) + VETO_WINDOW + rampart.SLASH_EXECUTION_GRACE();
        Allocation memory held = rampart.getAllocation(operatorA, address(wstETH), vetoSet);
        vm.assertEq(uint256(held.effectAt), uint256(holdUntil), "decrease held until the request can have executed");
        vm.assertGt(uint256(held.effectAt), uint256(decreaseAt), "held past its original time");

        _skip(VETO_WINDOW + 1 hours);
        rampart.executeSlash(slashId);
        vm.assertEq(wstETH.balanceOf(slashSink), 50 ether, "the whole allocation was still there to slash");
        vm.assertEq(uint8(rampart.getSlashRequest(slashId).status), uint8(SlashStatus.Executed), "executed");
    }

    function test_slash_vetoRequestLeavesALaterDecreaseAlone() public {
        // A decrease that ends after the request's window and grace is already slow enough: it is not touched.
        _allocate(operatorA, wstETH, vetoSet, 0);
        uint40 decreaseAt = uint40(block.timestamp) + DEALLOCATION_DELAY;
        vm.recordLogs();
        uint256 slashId = _slash(serviceBridge, vetoSet, operatorA, wstETH, WAD / 10);
        vm.assertEq(vm.getRecordedLogs().length, 1, "only SlashRequested: the allocation was not rewritten");
        vm.assertEq(
            uint256(rampart.getAllocation(operatorA, address(wstETH), vetoSet).effectAt), uint256(decreaseAt), "same"
        );
        vm.assertEq(uint8(rampart.getSlashRequest(slashId).status), uint8(SlashStatus.Pending), "pending");
    }

    function test_listAsset_revertsWithNotAContract_forAnAddressWithoutCode() public {
        vm.prank(governance);
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotAContract.selector, address(0xBEEF)));
        rampart.listAsset(address(0xBEEF), 1 ether);
    }
}
