// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {vm} from "./utils/Vm.sol";
import {RampartTestBase} from "./utils/RampartTestBase.sol";
import {Withdrawal} from "../src/interfaces/IRampart.sol";

/// @notice The whole lifecycle once, as a quick sanity check of the fixture.
contract SmokeTest is RampartTestBase {
    function test_lifecycle_depositAllocateSlashWithdraw() public {
        uint256 shares = _deposit(alice, operatorA, wstETH, 100 ether);
        _join(operatorA, instantSet);
        _allocate(operatorA, wstETH, instantSet, WAD / 2);
        vm.assertEq(rampart.slashableAssets(operatorA, address(wstETH), instantSet), 50 ether, "slashable");
        _slash(serviceDA, instantSet, operatorA, wstETH, WAD / 2);
        vm.assertEq(wstETH.balanceOf(rampart.BURN_ADDRESS()), 25 ether, "burned");
        Withdrawal memory w = _queue(alice, operatorA, wstETH, shares);
        _skip(WITHDRAWAL_DELAY);
        uint256 paid = rampart.completeWithdrawal(w);
        vm.assertApproxEqAbs(paid, 75 ether, 1, "paid");
        vm.assertEq(wstETH.balanceOf(alice), paid, "alice balance");
    }
}
