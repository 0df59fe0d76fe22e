// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {vm} from "../utils/Vm.sol";
import {RampartTestBase} from "../utils/RampartTestBase.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {IRampart, Pool, Withdrawal} from "../../src/interfaces/IRampart.sol";
import {IDirectory} from "../../src/interfaces/IDirectory.sol";

/// @notice The withdrawal queue: queueWithdrawal, queueRedelegation, completeWithdrawal, isWithdrawalPending.
contract WithdrawalsTest is RampartTestBase {
    /// @dev Test start time, kept in storage: via-IR may re-read `block.timestamp` for a local after `vm.warp`.
    uint256 internal start;

    uint256 internal constant VIRTUAL_SHARES = 1e6;

    address internal carol = address(0xCA201);
    address internal keeper = address(0x4EE9);
    address internal stranger = address(0x5757);

    // ─────────────────────────── queueWithdrawal ──────────────────────

    function test_queueWithdrawal_returnsStruct() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        start = block.timestamp;
        vm.prank(alice);
        Withdrawal memory w = rampart.queueWithdrawal(operatorA, address(wstETH), 4e24, carol);

        vm.assertEq(uint256(w.id), 1, "id");
        vm.assertEq(uint256(w.completableAt), start + WITHDRAWAL_DELAY, "completableAt");
        vm.assertEq(w.staker, alice, "staker");
        vm.assertEq(w.operator, operatorA, "operator");
        vm.assertEq(w.asset, address(wstETH), "asset");
        vm.assertEq(w.shares, 4e24, "shares");
        vm.assertEq(w.receiver, carol, "receiver");
        vm.assertEq(w.redelegateTo, address(0), "not a redelegation");
    }

    function test_queueWithdrawal_incrementsId() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        _deposit(bob, operatorB, rETH, 10 ether);
        vm.assertEq(uint256(rampart.withdrawalCount()), 0, "none yet");
        Withdrawal memory w1 = _queue(alice, operatorA, wstETH, 1e24);
        Withdrawal memory w2 = _queue(bob, operatorB, rETH, 1e24);
        vm.prank(alice);
        Withdrawal memory w3 = rampart.queueRedelegation(operatorA, address(wstETH), 1e24, operatorB);
        vm.assertEq(uint256(w1.id), 1, "first");
        vm.assertEq(uint256(w2.id), 2, "second");
        vm.assertEq(uint256(w3.id), 3, "redelegations share the counter");
        vm.assertEq(uint256(rampart.withdrawalCount()), 3, "count");
    }

    function test_queueWithdrawal_sharesLeavePositionButStayInPool() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        _queue(alice, operatorA, wstETH, 4e24);

        vm.assertEq(rampart.sharesOf(alice, operatorA, address(wstETH)), 6e24, "position");
        Pool memory pool = rampart.getPool(operatorA, address(wstETH));
        vm.assertEq(uint256(pool.totalShares), 10e24, "pool shares unchanged");
        vm.assertEq(uint256(pool.totalAssets), 10 ether, "pool assets unchanged");
        vm.assertEq(uint256(rampart.getAsset(address(wstETH)).totalDeposited), 10 ether, "asset total unchanged");
        vm.assertEq(wstETH.balanceOf(address(rampart)), 10 ether, "no tokens moved");
        vm.assertEq(wstETH.balanceOf(alice), 0, "nothing paid yet");
    }

    function test_queueWithdrawal_emitsWithdrawalQueued() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        Withdrawal memory expected = Withdrawal({
            id: 1,
            completableAt: SafeCast.toUint40(block.timestamp + WITHDRAWAL_DELAY),
            staker: alice,
            operator: operatorA,
            asset: address(wstETH),
            shares: 4e24,
            receiver: carol,
            redelegateTo: address(0)
        });
        vm.expectEmit(address(rampart));
        emit IRampart.WithdrawalQueued(1, alice, expected);
        vm.prank(alice);
        rampart.queueWithdrawal(operatorA, address(wstETH), 4e24, carol);
    }

    function test_queueWithdrawal_revertsWhenInsufficientShares() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        vm.expectRevert(abi.encodeWithSelector(IRampart.InsufficientShares.selector, 10e24 + 1, 10e24));
        vm.prank(alice);
        rampart.queueWithdrawal(operatorA, address(wstETH), 10e24 + 1, alice);
    }

    function test_queueWithdrawal_revertsWhenSharesAlreadyQueued() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        _queue(alice, operatorA, wstETH, 7e24);
        vm.expectRevert(abi.encodeWithSelector(IRampart.InsufficientShares.selector, 4e24, 3e24));
        vm.prank(alice);
        rampart.queueWithdrawal(operatorA, address(wstETH), 4e24, alice);
    }

    function test_queueWithdrawal_revertsWhenOtherStakersPosition() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        vm.expectRevert(abi.encodeWithSelector(IRampart.InsufficientShares.selector, 1, 0));
        vm.prank(bob);
        rampart.queueWithdrawal(operatorA, address(wstETH), 1, bob);
    }

    function test_queueWithdrawal_revertsWhenZeroAmount() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        vm.expectRevert(abi.encodeWithSelector(IRampart.ZeroAmount.selector));
        vm.prank(alice);
        rampart.queueWithdrawal(operatorA, address(wstETH), 0, alice);
    }

    function test_queueWithdrawal_revertsWhenReceiverZero() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        vm.expectRevert(abi.encodeWithSelector(IRampart.ZeroAddress.selector));
        vm.prank(alice);
        rampart.queueWithdrawal(operatorA, address(wstETH), 1e24, address(0));
    }

    // ─────────────────────────── completeWithdrawal ───────────────────

    function test_completeWithdrawal_paysReceiverNotStaker() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        vm.prank(alice);
        Withdrawal memory w = rampart.queueWithdrawal(operatorA, address(wstETH), 4e24, carol);
        _skip(WITHDRAWAL_DELAY);

        uint256 paid = rampart.completeWithdrawal(w);

        vm.assertEq(paid, 4 ether, "paid");
        vm.assertEq(wstETH.balanceOf(carol), 4 ether, "receiver paid");
        vm.assertEq(wstETH.balanceOf(alice), 0, "staker not paid");
        vm.assertEq(wstETH.balanceOf(address(rampart)), 6 ether, "core balance");
        Pool memory pool = rampart.getPool(operatorA, address(wstETH));
        vm.assertEq(uint256(pool.totalShares), 6e24, "pool shares");
        vm.assertEq(uint256(pool.totalAssets), 6 ether, "pool assets");
        vm.assertEq(uint256(rampart.getAsset(address(wstETH)).totalDeposited), 6 ether, "asset total");
        vm.assertEq(rampart.sharesOf(alice, operatorA, address(wstETH)), 6e24, "rest of the position");
    }

    function test_completeWithdrawal_anyoneCanCallAndReceiverIsPaid() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        vm.prank(alice);
        Withdrawal memory w = rampart.queueWithdrawal(operatorA, address(wstETH), 10e24, carol);
        _skip(WITHDRAWAL_DELAY);

        vm.prank(keeper);
        uint256 paid = rampart.completeWithdrawal(w);

        vm.assertEq(paid, 10 ether, "paid");
        vm.assertEq(wstETH.balanceOf(carol), 10 ether, "receiver paid");
        vm.assertEq(wstETH.balanceOf(keeper), 0, "caller gets nothing");
        vm.assertEq(wstETH.balanceOf(alice), 0, "staker gets nothing");
    }

    function test_completeWithdrawal_succeedsExactlyAtCompletableAt() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        start = block.timestamp;
        Withdrawal memory w = _queue(alice, operatorA, wstETH, 10e24);
        vm.warp(start + WITHDRAWAL_DELAY);
        vm.assertEq(rampart.completeWithdrawal(w), 10 ether, "paid");
    }

    function test_completeWithdrawal_revertsWhenNotReady() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        start = block.timestamp;
        Withdrawal memory w = _queue(alice, operatorA, wstETH, 10e24);
        uint40 completableAt = SafeCast.toUint40(start + WITHDRAWAL_DELAY);

        vm.expectRevert(abi.encodeWithSelector(IRampart.WithdrawalNotReady.selector, uint64(1), completableAt));
        rampart.completeWithdrawal(w);

        vm.warp(start + WITHDRAWAL_DELAY - 1);
        vm.expectRevert(abi.encodeWithSelector(IRampart.WithdrawalNotReady.selector, uint64(1), completableAt));
        rampart.completeWithdrawal(w);
    }

    function test_completeWithdrawal_revertsWhenForgedShares() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        Withdrawal memory w = _queue(alice, operatorA, wstETH, 1e24);
        _skip(WITHDRAWAL_DELAY);
        w.shares = 10e24;
        vm.expectRevert(abi.encodeWithSelector(IRampart.UnknownWithdrawal.selector, uint64(1)));
        rampart.completeWithdrawal(w);
    }

    function test_completeWithdrawal_revertsWhenForgedReceiver() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        Withdrawal memory w = _queue(alice, operatorA, wstETH, 1e24);
        _skip(WITHDRAWAL_DELAY);
        w.receiver = stranger;
        vm.expectRevert(abi.encodeWithSelector(IRampart.UnknownWithdrawal.selector, uint64(1)));
        rampart.completeWithdrawal(w);
    }

    function test_completeWithdrawal_revertsWhenForgedCompletableAt() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        Withdrawal memory w = _queue(alice, operatorA, wstETH, 1e24);
        w.completableAt = SafeCast.toUint40(block.timestamp);
        vm.expectRevert(abi.encodeWithSelector(IRampart.UnknownWithdrawal.selector, uint64(1)));
        rampart.completeWithdrawal(w);
    }

    function test_completeWithdrawal_revertsWhenIdNeverQueued() public {
        Withdrawal memory w = Withdrawal({
            id: 99,
            completableAt: 0,
            staker: alice,
            operator: operatorA,
            asset: address(wstETH),
            shares: 1,
            receiver: alice,
            redelegateTo: address(0)
        });
        vm.expectRevert(abi.encodeWithSelector(IRampart.UnknownWithdrawal.selector, uint64(99)));
        rampart.completeWithdrawal(w);
    }

    function test_completeWithdrawal_revertsWhenCompletedTwice() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        _deposit(bob, operatorA, wstETH, 10 ether); // so the pool could pay twice
        Withdrawal memory w = _queue(alice, operatorA, wstETH, 5e24);
        _skip(WITHDRAWAL_DELAY);
        rampart.completeWithdrawal(w);
        vm.expectRevert(abi.encodeWithSelector(IRampart.UnknownWithdrawal.selector, uint64(1)));
        rampart.completeWithdrawal(w);
        vm.assertEq(wstETH.balanceOf(alice), 5 ether, "paid once");
    }

    function test_completeWithdrawal_emitsWithdrawalCompleted() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        Withdrawal memory w = _queue(alice, operatorA, wstETH, 4e24);
        _skip(WITHDRAWAL_DELAY);
        vm.expectEmit(address(rampart));
        emit IRampart.WithdrawalCompleted(1, alice, 4 ether, 0);
        rampart.completeWithdrawal(w);
    }

    function test_completeWithdrawal_paysLessAfterSlashWhileQueued() public {
        _deposit(alice, operatorA, wstETH, 100 ether); // 1e26 shares
        _join(operatorA, instantSet);
        _allocate(operatorA, wstETH, instantSet, WAD / 2);
        Withdrawal memory w = _queue(alice, operatorA, wstETH, 5e25); // half, queued

        // 50% of a 50% allocation: magnitude 2.5e17 of 1e18, assets 100e18 · 0.25 = 25e18 burned.
        _slash(serviceDA, instantSet, operatorA, wstETH, WAD / 2);
        vm.assertEq(uint256(rampart.getPool(operatorA, address(wstETH)).totalAssets), 75 ether, "pool after slash");

        _skip(WITHDRAWAL_DELAY);
        uint256 paid = rampart.completeWithdrawal(w);
        // ⌊5e25 · (75e18 + 1) / (1e26 + 1e6)⌋ = 37.5e18: the queued half took half of the loss.
        vm.assertEq(paid, 37.5 ether, "paid");
        vm.assertEq(wstETH.balanceOf(alice), 37.5 ether, "alice balance");

        // The active half lost exactly as much per share.
        vm.assertEq(rampart.sharesToAssets(operatorA, address(wstETH), 5e25), 37.5 ether, "active half");
        vm.assertEq(uint256(rampart.getAsset(address(wstETH)).totalDeposited), 37.5 ether, "asset total");
    }

    function test_completeWithdrawal_paysRoundedDownAfterOddSlashWhileQueued() public {
        _deposit(alice, operatorA, wstETH, 3 ether); // 3e24 shares
        _deposit(bob, operatorA, wstETH, 7 ether); // 7e24 shares
        _join(operatorA, instantSet);
        _allocate(operatorA, wstETH, instantSet, WAD / 3);
        Withdrawal memory w = _queue(alice, operatorA, wstETH, 3e24);

        _slash(serviceDA, instantSet, operatorA, wstETH, 0.3e18);
        // magnitude m = ⌊(WAD/3) · WAD / WAD⌋ = 333333333333333333; slashed s = ⌊m · 0.3⌋ = 99999999999999999;
        // assets x = ⌊10e18 · s / WAD⌋ = 999999999999999990; A = 9000000000000000010.
        uint256 totalAssets = 9000000000000000010;
        vm.assertEq(uint256(rampart.getPool(operatorA, address(wstETH)).totalAssets), totalAssets, "pool");

        _skip(WITHDRAWAL_DELAY);
        uint256 paid = rampart.completeWithdrawal(w);
        // ⌊3e24 · (A + 1) / (10e24 + 1e6)⌋
        vm.assertEq(paid, 2700000000000000003, "paid");
        vm.assertEq(paid, (3e24 * (totalAssets + 1)) / (10e24 + VIRTUAL_SHARES), "formula");
    }

    function test_completeWithdrawal_vetoSlashExecutedWhileQueuedReducesPayout() public {
        _deposit(alice, operatorA, wstETH, 100 ether);
        _join(operatorA, vetoSet);
        _allocate(operatorA, wstETH, vetoSet, WAD);
        // The request is opened before the withdrawal and lands while it is queued.
        uint256 slashId = _slash(serviceBridge, vetoSet, operatorA, wstETH, WAD / 5);
        Withdrawal memory w = _queue(alice, operatorA, wstETH, 1e26);
        _skip(VETO_WINDOW);
        rampart.executeSlash(slashId);
        _skip(WITHDRAWAL_DELAY - VETO_WINDOW);

        // 20% of the whole pool to the sink; the withdrawal is all the shares: ⌊1e26 · (80e18 + 1) / (1e26 + 1e6)⌋.
        vm.assertEq(rampart.completeWithdrawal(w), 80 ether, "paid");
        vm.assertEq(wstETH.balanceOf(slashSink), 20 ether, "sink");
    }

    function test_completeWithdrawal_fullySlashedWhileQueuedPaysZero() public {
        _deposit(alice, operatorA, wstETH, 100 ether);
        _join(operatorA, vetoSet);
        _allocate(operatorA, wstETH, vetoSet, WAD);
        uint256 slashId = _slash(serviceBridge, vetoSet, operatorA, wstETH, WAD);
        Withdrawal memory w = _queue(alice, operatorA, wstETH, 1e26);
        _skip(VETO_WINDOW);
        rampart.executeSlash(slashId);
        _skip(WITHDRAWAL_DELAY);

        vm.expectEmit(address(rampart));
        emit IRampart.WithdrawalCompleted(1, alice, 0, 0);
        vm.assertEq(rampart.completeWithdrawal(w), 0, "nothing left");
        vm.assertFalse(rampart.isWithdrawalPending(1), "closed");
    }

    function testFuzz_completeWithdrawal_queuedAndActiveStakeLoseAlike(uint256 a1, uint256 a2, uint256 wadSeed) public {
        a1 = _bound(a1, 1, 1e29);
        a2 = _bound(a2, 1, 1e29);
        uint64 wad = SafeCast.toUint64(_bound(wadSeed, 1, WAD / 2));
        uint256 s1 = _deposit(alice, operatorA, wstETH, a1);
        uint256 s2 = _deposit(bob, operatorA, wstETH, a2);
        _join(operatorA, instantSet);
        _allocate(operatorA, wstETH, instantSet, WAD);
        Withdrawal memory w = _queue(alice, operatorA, wstETH, s1);
        _slash(serviceDA, instantSet, operatorA, wstETH, wad);

        // Magnitude taken = wad (allocation = WAD); assets taken = ⌊(a1 + a2) · wad / WAD⌋.
        uint256 totalAssets = a1 + a2 - ((a1 + a2) * wad) / WAD;
        uint256 totalShares = s1 + s2;
        uint256 expectedPaid = (s1 * (totalAssets + 1)) / (totalShares + VIRTUAL_SHARES);
        uint256 bobBefore = (s2 * (totalAssets + 1)) / (totalShares + VIRTUAL_SHARES);
        vm.assertEq(rampart.sharesToAssets(operatorA, address(wstETH), s2), bobBefore, "active value");

        _skip(WITHDRAWAL_DELAY);
        uint256 paid = rampart.completeWithdrawal(w);
        vm.assertEq(paid, expectedPaid, "paid == formula");
        vm.assertLe(paid, a1, "never more than deposited");
        // The withdrawal leaves the remaining stake at least as well off (rounding stays in the pool).
        vm.assertGe(rampart.sharesToAssets(operatorA, address(wstETH), s2), bobBefore, "bob not hurt");
        vm.assertEq(wstETH.balanceOf(alice), paid, "alice balance");
    }

    // ─────────────────────────── queueRedelegation ────────────────────

    function test_queueRedelegation_returnsStructAndEmits() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        Withdrawal memory expected = Withdrawal({
            id: 1,
            completableAt: SafeCast.toUint40(block.timestamp + WITHDRAWAL_DELAY),
            staker: alice,
            operator: operatorA,
            asset: address(wstETH),
            shares: 4e24,
            receiver: alice,
            redelegateTo: operatorB
        });
        vm.expectEmit(address(rampart));
        emit IRampart.WithdrawalQueued(1, alice, expected);
        vm.prank(alice);
        Withdrawal memory w = rampart.queueRedelegation(operatorA, address(wstETH), 4e24, operatorB);

        vm.assertEq(keccak256(abi.encode(w)), keccak256(abi.encode(expected)), "struct");
        vm.assertEq(rampart.sharesOf(alice, operatorA, address(wstETH)), 6e24, "position");
        vm.assertEq(uint256(rampart.getPool(operatorA, address(wstETH)).totalShares), 10e24, "still in old pool");
        vm.assertTrue(rampart.isWithdrawalPending(1), "pending");
    }

    function test_queueRedelegation_revertsWhenSameOperator() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        vm.expectRevert(abi.encodeWithSelector(IRampart.SameOperator.selector, operatorA));
        vm.prank(alice);
        rampart.queueRedelegation(operatorA, address(wstETH), 1e24, operatorA);
    }

    function test_queueRedelegation_revertsWhenNewOperatorNotRegistered() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        vm.expectRevert(abi.encodeWithSelector(IDirectory.OperatorNotRegistered.selector, stranger));
        vm.prank(alice);
        rampart.queueRedelegation(operatorA, address(wstETH), 1e24, stranger);
    }

    function test_queueRedelegation_revertsWhenTargetPoolFullySlashed() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        _deposit(bob, operatorB, wstETH, 10 ether);
        _fullySlash(operatorB, wstETH);
        vm.expectRevert(abi.encodeWithSelector(IRampart.PoolFullySlashed.selector, operatorB, address(wstETH)));
        vm.prank(alice);
        rampart.queueRedelegation(operatorA, address(wstETH), 1e24, operatorB);
    }

    function test_queueRedelegation_revertsWhenInsufficientShares() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        vm.expectRevert(abi.encodeWithSelector(IRampart.InsufficientShares.selector, 10e24 + 1, 10e24));
        vm.prank(alice);
        rampart.queueRedelegation(operatorA, address(wstETH), 10e24 + 1, operatorB);
    }

    function test_queueRedelegation_revertsWhenZeroAmount() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        vm.expectRevert(abi.encodeWithSelector(IRampart.ZeroAmount.selector));
        vm.prank(alice);
        rampart.queueRedelegation(operatorA, address(wstETH), 0, operatorB);
    }

    function test_completeWithdrawal_redelegationMovesSharesWithoutTokens() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        vm.prank(alice);
        Withdrawal memory w = rampart.queueRedelegation(operatorA, address(wstETH), 4e24, operatorB);
        _skip(WITHDRAWAL_DELAY);

        // 4 ether into operator B's empty pool: 4e18 · 1e6 new shares.
        vm.expectEmit(address(rampart));
        emit IRampart.WithdrawalCompleted(1, alice, 4 ether, 4e24);
        vm.prank(keeper);
        uint256 moved = rampart.completeWithdrawal(w);

        vm.assertEq(moved, 4 ether, "assets moved");
        vm.assertEq(rampart.sharesOf(alice, operatorB, address(wstETH)), 4e24, "new position, same staker");
        vm.assertEq(rampart.sharesOf(alice, operatorA, address(wstETH)), 6e24, "old position");
        vm.assertEq(wstETH.balanceOf(address(rampart)), 10 ether, "no tokens left the core");
        vm.assertEq(wstETH.balanceOf(alice), 0, "nothing paid to the staker");
        vm.assertEq(wstETH.balanceOf(keeper), 0, "nothing paid to the caller");
        vm.assertEq(uint256(rampart.getAsset(address(wstETH)).totalDeposited), 10 ether, "asset total unchanged");

        Pool memory oldPool = rampart.getPool(operatorA, address(wstETH));
        vm.assertEq(uint256(oldPool.totalShares), 6e24, "old pool shares");
        vm.assertEq(uint256(oldPool.totalAssets), 6 ether, "old pool assets");
        Pool memory newPool = rampart.getPool(operatorB, address(wstETH));
        vm.assertEq(uint256(newPool.totalShares), 4e24, "new pool shares");
        vm.assertEq(uint256(newPool.totalAssets), 4 ether, "new pool assets");
    }

    function test_completeWithdrawal_redelegationMintsAtTargetPoolPrice() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        _deposit(bob, operatorB, wstETH, 3 ether);
        _join(operatorB, instantSet);
        _allocate(operatorB, wstETH, instantSet, WAD / 2);
        _slash(serviceDA, instantSet, operatorB, wstETH, WAD / 10); // B: A = 2.85e18, S = 3e24

        vm.prank(alice);
        Withdrawal memory w = rampart.queueRedelegation(operatorA, address(wstETH), 7e24, operatorB);
        _skip(WITHDRAWAL_DELAY);
        rampart.completeWithdrawal(w);

        // 7 ether moved; shares ⌊7e18 · (3e24 + 1e6) / (2.85e18 + 1)⌋.
        uint256 expectedShares = 7368421052631578947239150;
        vm.assertEq(expectedShares, (7 ether * (3e24 + VIRTUAL_SHARES)) / (2.85e18 + 1), "formula");
        vm.assertEq(rampart.sharesOf(alice, operatorB, address(wstETH)), expectedShares, "new shares");
        Pool memory newPool = rampart.getPool(operatorB, address(wstETH));
        vm.assertEq(uint256(newPool.totalAssets), 2.85e18 + 7 ether, "new pool assets");
        vm.assertEq(uint256(newPool.totalShares), 3e24 + expectedShares, "new pool shares");
    }

    function test_completeWithdrawal_redelegationStillSlashedByOldOperatorSetWhileQueued() public {
        _deposit(alice, operatorA, wstETH, 100 ether);
        _join(operatorA, instantSet);
        _allocate(operatorA, wstETH, instantSet, WAD / 2);
        vm.prank(alice);
        Withdrawal memory w = rampart.queueRedelegation(operatorA, address(wstETH), 1e26, operatorB);

        // The old operator's set slashes while the move is queued: 25 ether of the 100 ether pool.
        _slash(serviceDA, instantSet, operatorA, wstETH, WAD / 2);
        _skip(WITHDRAWAL_DELAY);
        uint256 moved = rampart.completeWithdrawal(w);

        // ⌊1e26 · (75e18 + 1) / (1e26 + 1e6)⌋ = 75e18 moves, minting 75e18 · 1e6 shares in B's empty pool.
        vm.assertEq(moved, 75 ether, "moved after the slash");
        vm.assertEq(rampart.sharesOf(alice, operatorB, address(wstETH)), 75e24, "new shares");
        vm.assertEq(wstETH.balanceOf(rampart.BURN_ADDRESS()), 25 ether, "burned");
        vm.assertEq(uint256(rampart.getAsset(address(wstETH)).totalDeposited), 75 ether, "asset total");
    }

    function test_completeWithdrawal_redelegationNotSlashedByNewOperatorWhileQueued() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        _deposit(bob, operatorB, wstETH, 10 ether);
        _join(operatorB, instantSet);
        _allocate(operatorB, wstETH, instantSet, WAD);
        vm.prank(alice);
        Withdrawal memory w = rampart.queueRedelegation(operatorA, address(wstETH), 10e24, operatorB);

        // The new operator is slashed while the move is queued: half of B's pool, none of alice's stake.
        _slash(serviceDA, instantSet, operatorB, wstETH, WAD / 2);
        _skip(WITHDRAWAL_DELAY);
        vm.assertEq(rampart.completeWithdrawal(w), 10 ether, "all of it moves");

        // B's pool: A = 5e18, S = 10e24 before; 10 ether mints ⌊10e18 · (10e24 + 1e6) / (5e18 + 1)⌋ shares.
        uint256 expectedShares = (10 ether * (10e24 + VIRTUAL_SHARES)) / (5 ether + 1);
        vm.assertEq(rampart.sharesOf(alice, operatorB, address(wstETH)), expectedShares, "new shares");
        vm.assertApproxEqAbs(
            rampart.sharesToAssets(operatorB, address(wstETH), expectedShares), 10 ether, 1, "worth what moved"
        );
    }

    function test_completeWithdrawal_redelegationPaysStakerWhenTargetFullySlashed() public {
        _deposit(alice, operatorA, wstETH, 10 ether);
        _deposit(bob, operatorB, wstETH, 10 ether);
        vm.prank(alice);
        Withdrawal memory w = rampart.queueRedelegation(operatorA, address(wstETH), 4e24, operatorB);
        _fullySlash(operatorB, wstETH); // takes VETO_WINDOW
        _skip(WITHDRAWAL_DELAY - VETO_WINDOW);

        vm.expectEmit(address(rampart));
        emit IRampart.WithdrawalCompleted(1, alice, 4 ether, 0);
        vm.prank(keeper);
        uint256 paid = rampart.completeWithdrawal(w);

        vm.assertEq(paid, 4 ether, "paid");
        vm.assertEq(wstETH.balanceOf(alice), 4 ether, "staker paid in tokens");
        vm.assertEq(wstETH.balanceOf(keeper), 0, "caller not paid");
        vm.assertEq(rampart.sharesOf(alice, operatorB, address(wstETH)), 0, "no shares in the dead pool");
        Pool memory dead = rampart.getPool(operatorB, address(wstETH));
        vm.assertEq(uint256(dead.totalShares), 10e24, "dead pool shares unchanged");
        vm.assertEq(uint256(dead.totalAssets), 0, "dead pool empty");
        // 10 (alice) + 10 (bob) - 10 (slashed) - 4 (paid)
        vm.assertEq(uint256(rampart.getAsset(address(wstETH)).totalDeposited), 6 ether, "asset total");
        vm.assertEq(wstETH.balanceOf(address(rampart)), 6 ether, "core balance");
    }

    // ─────────────────────────── isWithdrawalPending ──────────────────

    function test_isWithdrawalPending_tracksLifecycle() public {
        vm.assertFalse(rampart.isWithdrawalPending(1), "never queued");
        _deposit(alice, operatorA, wstETH, 10 ether);
        Withdrawal memory w = _queue(alice, operatorA, wstETH, 1e24);
        vm.prank(alice);
        Withdrawal memory r = rampart.queueRedelegation(operatorA, address(wstETH), 1e24, operatorB);
        vm.assertTrue(rampart.isWithdrawalPending(w.id), "withdrawal pending");
        vm.assertTrue(rampart.isWithdrawalPending(r.id), "redelegation pending");
        vm.assertFalse(rampart.isWithdrawalPending(3), "next id not pending");

        _skip(WITHDRAWAL_DELAY);
        rampart.completeWithdrawal(w);
        vm.assertFalse(rampart.isWithdrawalPending(w.id), "withdrawal done");
        vm.assertTrue(rampart.isWithdrawalPending(r.id), "redelegation still pending");
        rampart.completeWithdrawal(r);
        vm.assertFalse(rampart.isWithdrawalPending(r.id), "redelegation done");
    }

    // ─────────────────────────── Helpers ──────────────────────────────

    /// @dev Allocates all of `operator`'s `token` pool to the veto set and slashes 100% of it through the window.
    function _fullySlash(address operator, MockERC20 token) internal {
        _join(operator, vetoSet);
        _allocate(operator, token, vetoSet, WAD);
        uint256 slashId = _slash(serviceBridge, vetoSet, operator, token, WAD);
        _skip(VETO_WINDOW);
        rampart.executeSlash(slashId);
    }
}
