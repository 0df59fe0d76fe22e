// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {vm} from "../utils/Vm.sol";
import {RampartTestBase} from "../utils/RampartTestBase.sol";
import {MockERC20, FeeOnTransferERC20, NoDecimalsToken} from "../mocks/MockERC20.sol";
import {IRampart, AssetConfig, Withdrawal} from "../../src/interfaces/IRampart.sol";

/// @notice Asset listing: listAsset, setAssetCap, delistAsset, the deposit cap and the fee-on-transfer guard.
contract AssetsTest is RampartTestBase {
    address internal stranger = address(0x5757);

    // ─────────────────────────── listAsset ────────────────────────────

    function test_listAsset_recordsDecimalsAndCap() public {
        MockERC20 usdc = new MockERC20("USD Coin", "USDC", 6);
        vm.expectEmit(address(rampart));
        emit IRampart.AssetListed(address(usdc), 6, 5e12);
        vm.prank(governance);
        rampart.listAsset(address(usdc), 5e12);

        AssetConfig memory config = rampart.getAsset(address(usdc));
        vm.assertTrue(config.listed, "listed");
        vm.assertEq(uint256(config.decimals), 6, "decimals");
        vm.assertEq(uint256(config.cap), 5e12, "cap");
        vm.assertEq(uint256(config.totalDeposited), 0, "nothing deposited");
    }

    function test_listAsset_acceptsZeroDecimals() public {
        MockERC20 token = new MockERC20("Zero", "ZERO", 0);
        vm.expectEmit(address(rampart));
        emit IRampart.AssetListed(address(token), 0, CAP);
        vm.prank(governance);
        rampart.listAsset(address(token), CAP);
        vm.assertTrue(rampart.getAsset(address(token)).listed, "listed");
        vm.assertEq(uint256(rampart.getAsset(address(token)).decimals), 0, "decimals");
    }

    function test_listAsset_accepts36Decimals() public {
        MockERC20 token = new MockERC20("Many", "MANY", 36);
        vm.prank(governance);
        rampart.listAsset(address(token), CAP);
        vm.assertEq(uint256(rampart.getAsset(address(token)).decimals), 36, "decimals");
    }

    function test_listAsset_revertsWhenDecimalsAbove36() public {
        MockERC20 token = new MockERC20("Too many", "TOOMANY", 37);
        vm.expectRevert(abi.encodeWithSelector(IRampart.UnsupportedDecimals.selector, address(token), uint8(37)));
        vm.prank(governance);
        rampart.listAsset(address(token), CAP);
    }

    function test_listAsset_revertsWhenNoDecimals() public {
        NoDecimalsToken token = new NoDecimalsToken();
        vm.expectRevert(abi.encodeWithSelector(IRampart.UnsupportedDecimals.selector, address(token), uint8(0)));
        vm.prank(governance);
        rampart.listAsset(address(token), CAP);
    }

    function test_listAsset_revertsWhenAlreadyListed() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.AssetAlreadyListed.selector, address(wstETH)));
        vm.prank(governance);
        rampart.listAsset(address(wstETH), CAP);
    }

    function test_listAsset_revertsWhenZeroAddress() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.ZeroAddress.selector));
        vm.prank(governance);
        rampart.listAsset(address(0), CAP);
    }

    function test_listAsset_revertsWhenNotOwner() public {
        MockERC20 token = new MockERC20("Token", "TKN", 18);
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotOwner.selector, stranger));
        vm.prank(stranger);
        rampart.listAsset(address(token), CAP);
    }

    function test_listAsset_relistsDelistedAssetKeepingDeposits() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        vm.startPrank(governance);
        rampart.delistAsset(address(wstETH));
        rampart.listAsset(address(wstETH), 20 ether);
        vm.stopPrank();

        AssetConfig memory config = rampart.getAsset(address(wstETH));
        vm.assertTrue(config.listed, "listed again");
        vm.assertEq(uint256(config.cap), 20 ether, "new cap");
        vm.assertEq(uint256(config.totalDeposited), 10 ether, "deposits kept");
        _deposit(bob, operatorA, wstETH, 10 ether);
    }

    // ─────────────────────────── setAssetCap ──────────────────────────

    function test_setAssetCap_updatesCap() public {
        vm.expectEmit(address(rampart));
        emit IRampart.AssetCapSet(address(wstETH), 42 ether);
        vm.prank(governance);
        rampart.setAssetCap(address(wstETH), 42 ether);
        vm.assertEq(uint256(rampart.getAsset(address(wstETH)).cap), 42 ether, "cap");
    }

    function test_setAssetCap_revertsWhenNotListed() public {
        MockERC20 token = new MockERC20("Token", "TKN", 18);
        vm.expectRevert(abi.encodeWithSelector(IRampart.AssetNotListed.selector, address(token)));
        vm.prank(governance);
        rampart.setAssetCap(address(token), 1);
    }

    function test_setAssetCap_revertsWhenDelisted() public {
        vm.startPrank(governance);
        rampart.delistAsset(address(weth));
        vm.expectRevert(abi.encodeWithSelector(IRampart.AssetNotListed.selector, address(weth)));
        rampart.setAssetCap(address(weth), 1);
        vm.stopPrank();
    }

    function test_setAssetCap_revertsWhenNotOwner() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotOwner.selector, stranger));
        vm.prank(stranger);
        rampart.setAssetCap(address(wstETH), 1);
    }

    function test_setAssetCap_belowDepositsOnlyStopsNewDeposits() public {
        uint256 shares = _deposit(alice, operatorA, wstETH, 10 ether);
        vm.prank(governance);
        rampart.setAssetCap(address(wstETH), 5 ether);

        wstETH.mint(bob, 1);
        vm.startPrank(bob);
        wstETH.approve(address(rampart), 1);
        vm.expectRevert(
            abi.encodeWithSelector(IRampart.DepositCapExceeded.selector, address(wstETH), 10 ether + 1, 5 ether)
        );
        rampart.deposit(operatorA, address(wstETH), 1, bob, 0);
        vm.stopPrank();

        // The existing position still leaves in full.
        Withdrawal memory w = _queue(alice, operatorA, wstETH, shares);
        _skip(WITHDRAWAL_DELAY);
        rampart.completeWithdrawal(w);
        vm.assertEq(wstETH.balanceOf(alice), 10 ether, "withdrawn");
        vm.assertEq(uint256(rampart.getAsset(address(wstETH)).totalDeposited), 0, "total");
    }

    // ─────────────────────────── Deposit cap ──────────────────────────

    function test_deposit_revertsWhenCapExceeded() public {
        vm.prank(governance);
        rampart.setAssetCap(address(rETH), 100 ether);
        _deposit(alice, operatorA, rETH, 60 ether);

        rETH.mint(bob, 50 ether);
        vm.startPrank(bob);
        rETH.approve(address(rampart), 50 ether);
        // The cap is per asset, across all operators' pools.
        vm.expectRevert(
            abi.encodeWithSelector(IRampart.DepositCapExceeded.selector, address(rETH), 110 ether, 100 ether)
        );
        rampart.deposit(operatorB, address(rETH), 50 ether, bob, 0);
        vm.stopPrank();
    }

    function test_deposit_succeedsUpToCapExactly() public {
        vm.prank(governance);
        rampart.setAssetCap(address(rETH), 100 ether);
        _deposit(alice, operatorA, rETH, 60 ether);
        _deposit(bob, operatorB, rETH, 40 ether);
        vm.assertEq(uint256(rampart.getAsset(address(rETH)).totalDeposited), 100 ether, "at cap");
    }

    function test_deposit_capRoomFreedByCompletedWithdrawal() public {
        vm.prank(governance);
        rampart.setAssetCap(address(rETH), 100 ether);
        uint256 shares = _deposit(alice, operatorA, rETH, 100 ether);

        // Queued stake still counts against the cap.
        Withdrawal memory w = _queue(alice, operatorA, rETH, shares / 4);
        rETH.mint(bob, 1);
        vm.startPrank(bob);
        rETH.approve(address(rampart), 1);
        vm.expectRevert(
            abi.encodeWithSelector(IRampart.DepositCapExceeded.selector, address(rETH), 100 ether + 1, 100 ether)
        );
        rampart.deposit(operatorB, address(rETH), 1, bob, 0);
        vm.stopPrank();

        _skip(WITHDRAWAL_DELAY);
        rampart.completeWithdrawal(w);
        vm.assertEq(uint256(rampart.getAsset(address(rETH)).totalDeposited), 75 ether, "total after withdrawal");
        _deposit(bob, operatorB, rETH, 25 ether);
    }

    function test_deposit_capRoomFreedBySlash() public {
        vm.prank(governance);
        rampart.setAssetCap(address(rETH), 100 ether);
        _deposit(alice, operatorA, rETH, 100 ether);
        _join(operatorA, instantSet);
        _allocate(operatorA, rETH, instantSet, WAD / 2);
        _slash(serviceDA, instantSet, operatorA, rETH, WAD / 2); // takes 25% of the pool

        vm.assertEq(uint256(rampart.getAsset(address(rETH)).totalDeposited), 75 ether, "slash left the total");
        _deposit(bob, operatorB, rETH, 25 ether);
    }

    // ─────────────────────────── Fee-on-transfer ──────────────────────

    function test_deposit_revertsWhenFeeOnTransfer() public {
        FeeOnTransferERC20 fee = new FeeOnTransferERC20();
        vm.prank(governance);
        rampart.listAsset(address(fee), CAP);

        fee.mint(alice, 100 ether);
        vm.startPrank(alice);
        fee.approve(address(rampart), 100 ether);
        vm.expectRevert(
            abi.encodeWithSelector(IRampart.TransferAmountMismatch.selector, address(fee), 100 ether, 99 ether)
        );
        rampart.deposit(operatorA, address(fee), 100 ether, alice, 0);
        vm.stopPrank();

        vm.assertEq(fee.balanceOf(alice), 100 ether, "nothing moved");
        vm.assertEq(uint256(rampart.getAsset(address(fee)).totalDeposited), 0, "nothing counted");
    }

    // ─────────────────────────── delistAsset ──────────────────────────

    function test_delistAsset_stopsDeposits() public {
        vm.expectEmit(address(rampart));
        emit IRampart.AssetDelisted(address(wstETH));
        vm.prank(governance);
        rampart.delistAsset(address(wstETH));

        AssetConfig memory config = rampart.getAsset(address(wstETH));
        vm.assertFalse(config.listed, "delisted");
        vm.assertEq(uint256(config.decimals), 18, "decimals kept");
        vm.assertEq(uint256(config.cap), CAP, "cap kept");

        wstETH.mint(alice, 1 ether);
        vm.startPrank(alice);
        wstETH.approve(address(rampart), 1 ether);
        vm.expectRevert(abi.encodeWithSelector(IRampart.AssetNotListed.selector, address(wstETH)));
        rampart.deposit(operatorA, address(wstETH), 1 ether, alice, 0);
        vm.stopPrank();
    }

    function test_delistAsset_revertsWhenNotListed() public {
        MockERC20 token = new MockERC20("Token", "TKN", 18);
        vm.expectRevert(abi.encodeWithSelector(IRampart.AssetNotListed.selector, address(token)));
        vm.prank(governance);
        rampart.delistAsset(address(token));
    }

    function test_delistAsset_revertsWhenAlreadyDelisted() public {
        vm.startPrank(governance);
        rampart.delistAsset(address(weth));
        vm.expectRevert(abi.encodeWithSelector(IRampart.AssetNotListed.selector, address(weth)));
        rampart.delistAsset(address(weth));
        vm.stopPrank();
    }

    function test_delistAsset_revertsWhenNotOwner() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.NotOwner.selector, stranger));
        vm.prank(stranger);
        rampart.delistAsset(address(wstETH));
    }

    function test_delistAsset_existingPositionsCanQueueAndCompleteWithdrawals() public {
        uint256 shares = _deposit(alice, operatorA, wstETH, 10 ether);
        vm.prank(governance);
        rampart.delistAsset(address(wstETH));

        Withdrawal memory w = _queue(alice, operatorA, wstETH, shares);
        vm.assertEq(rampart.sharesOf(alice, operatorA, address(wstETH)), 0, "position queued");
        _skip(WITHDRAWAL_DELAY);
        uint256 paid = rampart.completeWithdrawal(w);
        vm.assertEq(paid, 10 ether, "paid");
        vm.assertEq(wstETH.balanceOf(alice), 10 ether, "alice balance");
        vm.assertEq(uint256(rampart.getAsset(address(wstETH)).totalDeposited), 0, "total");
    }

    function test_delistAsset_existingPositionsCanRedelegate() public {
        uint256 shares = _deposit(alice, operatorA, wstETH, 10 ether);
        vm.prank(governance);
        rampart.delistAsset(address(wstETH));

        vm.prank(alice);
        Withdrawal memory w = rampart.queueRedelegation(operatorA, address(wstETH), shares, operatorB);
        _skip(WITHDRAWAL_DELAY);
        rampart.completeWithdrawal(w);
        // 10 ether into an empty pool: 10 ether * 1e6 shares.
        vm.assertEq(rampart.sharesOf(alice, operatorB, address(wstETH)), 10 ether * 1e6, "moved");
    }

    function test_delistAsset_allocationsAndSlashesStillWork() public {
        _deposit(alice, operatorA, wstETH, 100 ether);
        _join(operatorA, instantSet);
        _allocate(operatorA, wstETH, instantSet, WAD / 4);
        vm.prank(governance);
        rampart.delistAsset(address(wstETH));

        // Allocations can still change after delisting.
        _allocate(operatorA, wstETH, instantSet, WAD / 2);
        vm.assertEq(
            uint256(rampart.getAllocation(operatorA, address(wstETH), instantSet).magnitude), WAD / 2, "allocated"
        );
        vm.assertEq(rampart.slashableAssets(operatorA, address(wstETH), instantSet), 50 ether, "slashable");

        // And slashes still land: 50% of a 50% allocation = 25 ether burned.
        _slash(serviceDA, instantSet, operatorA, wstETH, WAD / 2);
        vm.assertEq(wstETH.balanceOf(rampart.BURN_ADDRESS()), 25 ether, "burned");
        vm.assertEq(uint256(rampart.getPool(operatorA, address(wstETH)).totalAssets), 75 ether, "pool");
        vm.assertEq(uint256(rampart.getAsset(address(wstETH)).totalDeposited), 75 ether, "total");
    }

    function test_delistAsset_vetoSlashExecutesAfterDelisting() public {
        _deposit(alice, operatorA, wstETH, 100 ether);
        _join(operatorA, vetoSet);
        _allocate(operatorA, wstETH, vetoSet, WAD / 2);
        uint256 slashId = _slash(serviceBridge, vetoSet, operatorA, wstETH, WAD / 5);
        vm.prank(governance);
        rampart.delistAsset(address(wstETH));

        _skip(VETO_WINDOW);
        rampart.executeSlash(slashId);
        // 20% of a 50% allocation of 100 ether = 10 ether to the sink.
        vm.assertEq(wstETH.balanceOf(slashSink), 10 ether, "sink");
    }
}
