// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {vm} from "../utils/Vm.sol";
import {RampartTestBase} from "../utils/RampartTestBase.sol";
import {IRampart, Withdrawal} from "../../src/interfaces/IRampart.sol";

/// @notice A pool slashed almost to nothing (max magnitude 1) keeps its shares while its assets collapse, so its shares
/// become nearly free. Nothing may get stuck there: deposits revert with a clear error, and a redelegation into it pays
/// the staker instead (found by the invariant suite: the share supply would overflow 128 bits).
contract NearWipeoutTest is RampartTestBase {
    Withdrawal internal redelegation;

    function setUp() public {
        _join(operatorA, vetoSet);
        _join(operatorA, instantSet);
        _allocate(operatorA, wstETH, vetoSet, WAD - 1);
        _allocate(operatorA, wstETH, instantSet, 1);
        uint256 bobShares = _deposit(bob, operatorB, wstETH, 1000 ether);
        vm.prank(bob);
        redelegation = rampart.queueRedelegation(operatorB, address(wstETH), bobShares, operatorA);
        _deposit(alice, operatorA, wstETH, 100 ether);
        uint256 slashId = _slash(serviceBridge, vetoSet, operatorA, wstETH, WAD);
        _skip(VETO_WINDOW);
        rampart.executeSlash(slashId);
    }

    function test_setUp_leavesPoolAliveButNearlyEmpty() public view {
        vm.assertEq(uint256(rampart.maxMagnitude(operatorA, address(wstETH))), 1, "max magnitude");
        vm.assertEq(uint256(rampart.getPool(operatorA, address(wstETH)).totalAssets), 100, "assets left (wei)");
    }

    function test_deposit_revertsWithPoolSharesOverflow_whenNearlyWipedOut() public {
        wstETH.mint(alice, 1000 ether);
        vm.startPrank(alice);
        wstETH.approve(address(rampart), 1000 ether);
        vm.expectRevert(abi.encodeWithSelector(IRampart.PoolSharesOverflow.selector, operatorA, address(wstETH)));
        rampart.deposit(operatorA, address(wstETH), 1000 ether, alice, 0);
        vm.stopPrank();
    }

    function test_completeWithdrawal_paysStaker_whenRedelegationTargetCannotTakeTheShares() public {
        _skip(WITHDRAWAL_DELAY);
        uint256 paid = rampart.completeWithdrawal(redelegation);
        vm.assertEq(paid, 1000 ether, "bob's stake was never slashed where it was");
        vm.assertEq(wstETH.balanceOf(bob), 1000 ether, "paid to the staker in tokens");
        vm.assertEq(rampart.sharesOf(bob, operatorA, address(wstETH)), 0, "no shares in the nearly empty pool");
        vm.assertEq(uint256(rampart.getPool(operatorB, address(wstETH)).totalShares), 0, "left the old pool");
    }
}
