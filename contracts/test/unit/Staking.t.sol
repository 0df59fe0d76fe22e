// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {vm} from "../utils/Vm.sol";
import {RampartTestBase} from "../utils/RampartTestBase.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {IRampart, Pool, Withdrawal} from "../../src/interfaces/IRampart.sol";
import {IDirectory} from "../../src/interfaces/IDirectory.sol";

/// @notice Deposits and the share math: shares = ⌊amount · (S + 1e6) / (A + 1)⌋, value = ⌊shares · (A + 1) / (S + 1e6)⌋.
contract StakingTest is RampartTestBase {
    uint256 internal constant VIRTUAL_SHARES = 1e6;
    uint256 internal constant MAX_FUZZ_AMOUNT = 1e29;

    address internal attacker = address(0xBAD);
    address internal stranger = address(0x5757);

    // ─────────────────────────── deposit: success ─────────────────────

    function test_deposit_firstDepositMintsAmountTimesVirtualShares() public {
        uint256 shares = _deposit(alice, operatorA, wstETH, 5 ether);

        vm.assertEq(shares, 5 ether * 1e6, "shares");
        vm.assertEq(rampart.sharesOf(alice, operatorA, address(wstETH)), 5 ether * 1e6, "position");
        Pool memory pool = rampart.getPool(operatorA, address(wstETH));
        vm.assertEq(uint256(pool.totalShares), 5 ether * 1e6, "pool shares");
        vm.assertEq(uint256(pool.totalAssets), 5 ether, "pool assets");
        vm.assertEq(uint256(rampart.getAsset(address(wstETH)).totalDeposited), 5 ether, "asset total");
        vm.assertEq(wstETH.balanceOf(address(rampart)), 5 ether, "core balance");
        vm.assertEq(wstETH.balanceOf(alice), 0, "alice paid");
    }

    function test_deposit_mintsSharesByFormulaWithoutSlash() public {
        _deposit(alice, operatorA, wstETH, 3 ether);
        uint256 shares = _deposit(bob, operatorA, wstETH, 7 ether);
        // 7e18 · (3e24 + 1e6) / (3e18 + 1) = 7e24 exactly.
        vm.assertEq(shares, 7e24, "shares");
        vm.assertEq(uint256(rampart.getPool(operatorA, address(wstETH)).totalShares), 10e24, "pool shares");
    }

    function test_deposit_mintsSharesByFormulaAfterSlash() public {
        _deposit(alice, operatorA, wstETH, 3 ether);
        _join(operatorA, instantSet);
        _allocate(operatorA, wstETH, instantSet, WAD / 2);
        // 10% of a 50% allocation: magnitude 5e16, assets 3e18 · 5e16 / 1e18 = 1.5e17 → A = 2.85e18.
        _slash(serviceDA, instantSet, operatorA, wstETH, WAD / 10);
        vm.assertEq(uint256(rampart.getPool(operatorA, address(wstETH)).totalAssets), 2.85e18, "pool after slash");

        uint256 shares = _deposit(bob, operatorA, wstETH, 7 ether);
        // ⌊7e18 · (3e24 + 1e6) / (2.85e18 + 1)⌋
        vm.assertEq(shares, 7368421052631578947239150, "shares");
        vm.assertEq(shares, (7 ether * (3e24 + VIRTUAL_SHARES)) / (2.85e18 + 1), "formula");
    }

    function test_deposit_creditsOnBehalfAndChargesPayer() public {
        wstETH.mint(alice, 4 ether);
        vm.startPrank(alice);
        wstETH.approve(address(rampart), 4 ether);
        uint256 shares = rampart.deposit(operatorA, address(wstETH), 4 ether, bob, 0);
        vm.stopPrank();

        vm.assertEq(shares, 4e24, "shares");
        vm.assertEq(rampart.sharesOf(bob, operatorA, address(wstETH)), 4e24, "bob credited");
        vm.assertEq(rampart.sharesOf(alice, operatorA, address(wstETH)), 0, "alice not credited");
        vm.assertEq(wstETH.balanceOf(alice), 0, "alice paid");
        vm.assertEq(wstETH.balanceOf(address(rampart)), 4 ether, "core received");

        // Bob owns the position: he can withdraw it, alice cannot.
        vm.expectRevert(abi.encodeWithSelector(IRampart.InsufficientShares.selector, 4e24, 0));
        vm.prank(alice);
        rampart.queueWithdrawal(operatorA, address(wstETH), 4e24, alice);
        _queue(bob, operatorA, wstETH, 4e24);
    }

    function test_deposit_emitsDeposited() public {
        wstETH.mint(alice, 2 ether);
        vm.startPrank(alice);
        wstETH.approve(address(rampart), 2 ether);
        vm.expectEmit(address(rampart));
        emit IRampart.Deposited(bob, operatorA, address(wstETH), alice, 2 ether, 2e24);
        rampart.deposit(operatorA, address(wstETH), 2 ether, bob, 0);
        vm.stopPrank();
    }

    function test_deposit_succeedsWhenSharesEqualMinShares() public {
        wstETH.mint(alice, 1 ether);
        vm.startPrank(alice);
        wstETH.approve(address(rampart), 1 ether);
        uint256 shares = rampart.deposit(operatorA, address(wstETH), 1 ether, alice, 1e24);
        vm.stopPrank();
        vm.assertEq(shares, 1e24, "shares");
    }

    function test_deposit_accumulatesPosition() public {
        _deposit(alice, operatorA, wstETH, 1 ether);
        _deposit(alice, operatorA, wstETH, 2 ether);
        vm.assertEq(rampart.sharesOf(alice, operatorA, address(wstETH)), 3e24, "position");
    }

    // ─────────────────────────── deposit: reverts ─────────────────────

    function test_deposit_revertsWhenSharesTooLow() public {
        wstETH.mint(alice, 1 ether);
        vm.startPrank(alice);
        wstETH.approve(address(rampart), 1 ether);
        vm.expectRevert(abi.encodeWithSelector(IRampart.SharesTooLow.selector, 1e24, 1e24 + 1));
        rampart.deposit(operatorA, address(wstETH), 1 ether, alice, 1e24 + 1);
        vm.stopPrank();
    }

    function test_deposit_revertsWhenSharesTooLowAfterSlash() public {
        _deposit(alice, operatorA, wstETH, 3 ether);
        _join(operatorA, instantSet);
        _allocate(operatorA, wstETH, instantSet, WAD / 2);
        // The guard compares against the exact mint of the pool as it is at execution (A = 2.85e18, S = 3e24).
        _slash(serviceDA, instantSet, operatorA, wstETH, WAD / 10);
        wstETH.mint(bob, 7 ether);
        vm.startPrank(bob);
        wstETH.approve(address(rampart), 7 ether);
        uint256 expected = 7368421052631578947239150;
        vm.expectRevert(abi.encodeWithSelector(IRampart.SharesTooLow.selector, expected, expected + 1));
        rampart.deposit(operatorA, address(wstETH), 7 ether, bob, expected + 1);
        vm.stopPrank();
    }

    function test_deposit_revertsWhenZeroAmount() public {
        vm.expectRevert(abi.encodeWithSelector(IRampart.ZeroAmount.selector));
        vm.prank(alice);
        rampart.deposit(operatorA, address(wstETH), 0, alice, 0);
    }

    function test_deposit_revertsWhenOnBehalfZero() public {
        wstETH.mint(alice, 1 ether);
        vm.startPrank(alice);
        wstETH.approve(address(rampart), 1 ether);
        vm.expectRevert(abi.encodeWithSelector(IRampart.ZeroAddress.selector));
        rampart.deposit(operatorA, address(wstETH), 1 ether, address(0), 0);
        vm.stopPrank();
    }

    function test_deposit_revertsWhenAssetNotListed() public {
        MockERC20 token = new MockERC20("Unlisted", "UNL", 18);
        token.mint(alice, 1 ether);
        vm.startPrank(alice);
        token.approve(address(rampart), 1 ether);
        vm.expectRevert(abi.encodeWithSelector(IRampart.AssetNotListed.selector, address(token)));
        rampart.deposit(operatorA, address(token), 1 ether, alice, 0);
        vm.stopPrank();
    }

    function test_deposit_revertsWhenOperatorNotRegistered() public {
        wstETH.mint(alice, 1 ether);
        vm.startPrank(alice);
        wstETH.approve(address(rampart), 1 ether);
        vm.expectRevert(abi.encodeWithSelector(IDirectory.OperatorNotRegistered.selector, stranger));
        rampart.deposit(stranger, address(wstETH), 1 ether, alice, 0);
        vm.stopPrank();
    }

    function test_deposit_revertsWhenPoolFullySlashed() public {
        _deposit(alice, operatorA, wstETH, 100 ether);
        _fullySlash(operatorA, wstETH);
        vm.assertEq(uint256(rampart.maxMagnitude(operatorA, address(wstETH))), 0, "fully slashed");
        vm.assertEq(wstETH.balanceOf(slashSink), 100 ether, "everything to the sink");

        wstETH.mint(bob, 1 ether);
        vm.startPrank(bob);
        wstETH.approve(address(rampart), 1 ether);
        vm.expectRevert(abi.encodeWithSelector(IRampart.PoolFullySlashed.selector, operatorA, address(wstETH)));
        rampart.deposit(operatorA, address(wstETH), 1 ether, bob, 0);
        vm.stopPrank();

        // The operator's other pools and other operators' pools of the asset still take deposits.
        _deposit(bob, operatorA, rETH, 1 ether);
        _deposit(bob, operatorB, wstETH, 1 ether);
    }

    // ─────────────────────────── Diversification ──────────────────────

    function test_deposit_positionsAcrossOperatorsAndAssetsAreIndependent() public {
        uint256 sAW = _deposit(alice, operatorA, wstETH, 10 ether);
        uint256 sAR = _deposit(alice, operatorA, rETH, 20 ether);
        uint256 sBW = _deposit(alice, operatorB, wstETH, 30 ether);
        uint256 sBR = _deposit(alice, operatorB, rETH, 40 ether);

        vm.assertEq(sAW, 10e24, "A/wstETH shares");
        vm.assertEq(sAR, 20e24, "A/rETH shares");
        vm.assertEq(sBW, 30e24, "B/wstETH shares");
        vm.assertEq(sBR, 40e24, "B/rETH shares");
        vm.assertEq(rampart.sharesOf(alice, operatorA, address(wstETH)), 10e24, "A/wstETH position");
        vm.assertEq(rampart.sharesOf(alice, operatorA, address(rETH)), 20e24, "A/rETH position");
        vm.assertEq(rampart.sharesOf(alice, operatorB, address(wstETH)), 30e24, "B/wstETH position");
        vm.assertEq(rampart.sharesOf(alice, operatorB, address(rETH)), 40e24, "B/rETH position");
        vm.assertEq(uint256(rampart.getAsset(address(wstETH)).totalDeposited), 40 ether, "wstETH total");
        vm.assertEq(uint256(rampart.getAsset(address(rETH)).totalDeposited), 60 ether, "rETH total");

        // A slash of operator A's wstETH pool touches only that position: 50% of a 50% allocation of 10 ether.
        _join(operatorA, instantSet);
        _allocate(operatorA, wstETH, instantSet, WAD / 2);
        _slash(serviceDA, instantSet, operatorA, wstETH, WAD / 2);

        // ⌊10e24 · (7.5e18 + 1) / (10e24 + 1e6)⌋ = 7.5e18.
        vm.assertEq(rampart.sharesToAssets(operatorA, address(wstETH), sAW), 7.5e18, "A/wstETH value slashed");
        vm.assertEq(rampart.sharesToAssets(operatorA, address(rETH), sAR), 20 ether, "A/rETH untouched");
        vm.assertEq(rampart.sharesToAssets(operatorB, address(wstETH), sBW), 30 ether, "B/wstETH untouched");
        vm.assertEq(rampart.sharesToAssets(operatorB, address(rETH), sBR), 40 ether, "B/rETH untouched");
    }

    function test_deposit_positionsOfManyStakersInOnePoolShareAProRataLoss() public {
        uint256 sA = _deposit(alice, operatorA, wstETH, 30 ether);
        uint256 sB = _deposit(bob, operatorA, wstETH, 10 ether);
        _join(operatorA, instantSet);
        _allocate(operatorA, wstETH, instantSet, WAD);
        _slash(serviceDA, instantSet, operatorA, wstETH, WAD / 2); // half of the 40 ether pool

        uint256 assets = 20 ether;
        uint256 totalShares = 40e24;
        vm.assertEq(
            rampart.sharesToAssets(operatorA, address(wstETH), sA),
            (sA * (assets + 1)) / (totalShares + VIRTUAL_SHARES),
            "alice"
        );
        vm.assertEq(
            rampart.sharesToAssets(operatorA, address(wstETH), sB),
            (sB * (assets + 1)) / (totalShares + VIRTUAL_SHARES),
            "bob"
        );
        vm.assertApproxEqAbs(rampart.sharesToAssets(operatorA, address(wstETH), sA), 15 ether, 1, "alice ~15");
        vm.assertApproxEqAbs(rampart.sharesToAssets(operatorA, address(wstETH), sB), 5 ether, 1, "bob ~5");
    }

    // ─────────────────────────── Views ────────────────────────────────

    function test_sharesToAssets_emptyPoolUsesVirtualOffset() public view {
        vm.assertEq(rampart.sharesToAssets(operatorA, address(wstETH), 5e6), 5, "5e6 shares = 5 wei");
        vm.assertEq(rampart.sharesToAssets(operatorA, address(wstETH), 1e6 - 1), 0, "below one wei rounds down");
        vm.assertEq(rampart.sharesToAssets(operatorA, address(wstETH), 0), 0, "zero");
    }

    function test_assetsToShares_emptyPoolUsesVirtualOffset() public view {
        vm.assertEq(rampart.assetsToShares(operatorA, address(wstETH), 3), 3e6, "3 wei = 3e6 shares");
        vm.assertEq(rampart.assetsToShares(operatorA, address(wstETH), 0), 0, "zero");
    }

    function test_assetsToShares_matchesMintedShares() public {
        _deposit(alice, operatorA, wstETH, 3 ether);
        _join(operatorA, instantSet);
        _allocate(operatorA, wstETH, instantSet, WAD / 2);
        _slash(serviceDA, instantSet, operatorA, wstETH, WAD / 10);

        uint256 quoted = rampart.assetsToShares(operatorA, address(wstETH), 7 ether);
        vm.assertEq(quoted, 7368421052631578947239150, "quote");
        vm.assertEq(_deposit(bob, operatorA, wstETH, 7 ether), quoted, "minted = quoted");
    }

    function test_sharesToAssets_afterSlashRoundsDown() public {
        _deposit(alice, operatorA, wstETH, 3 ether);
        _join(operatorA, instantSet);
        _allocate(operatorA, wstETH, instantSet, WAD / 2);
        _slash(serviceDA, instantSet, operatorA, wstETH, WAD / 10); // A = 2.85e18, S = 3e24

        // ⌊1e24 · (2.85e18 + 1) / (3e24 + 1e6)⌋ = 0.95e18
        vm.assertEq(rampart.sharesToAssets(operatorA, address(wstETH), 1e24), 0.95e18, "1e24 shares");
        vm.assertEq(rampart.sharesToAssets(operatorA, address(wstETH), 3e24), 2.85e18, "all shares");
        vm.assertEq(
            rampart.sharesToAssets(operatorA, address(wstETH), 1e24),
            (1e24 * (2.85e18 + 1)) / (3e24 + VIRTUAL_SHARES),
            "formula"
        );
    }

    function test_sharesToAssets_poolsAreSeparate() public {
        _deposit(alice, operatorA, wstETH, 3 ether);
        vm.assertEq(rampart.sharesToAssets(operatorA, address(wstETH), 3e24), 3 ether, "deposited pool");
        vm.assertEq(rampart.sharesToAssets(operatorB, address(wstETH), 3e24), 3e18, "empty pool: 3e24 / 1e6");
        vm.assertEq(rampart.assetsToShares(operatorA, address(rETH), 1 ether), 1e24, "other asset's empty pool");
    }

    // ─────────────────────────── Inflation attack ─────────────────────

    function test_deposit_donationDoesNotMoveSharePrice() public {
        _deposit(attacker, operatorA, wstETH, 1);
        uint256 valueBefore = rampart.sharesToAssets(operatorA, address(wstETH), 1e6);
        uint256 quoteBefore = rampart.assetsToShares(operatorA, address(wstETH), 10 ether);

        wstETH.mint(attacker, 1000 ether);
        vm.prank(attacker);
        vm.assertTrue(wstETH.transfer(address(rampart), 1000 ether), "donation");

        vm.assertEq(rampart.sharesToAssets(operatorA, address(wstETH), 1e6), valueBefore, "value unchanged");
        vm.assertEq(rampart.assetsToShares(operatorA, address(wstETH), 10 ether), quoteBefore, "quote unchanged");
        vm.assertEq(uint256(rampart.getPool(operatorA, address(wstETH)).totalAssets), 1, "pool counts 1 wei");
        vm.assertEq(uint256(rampart.getAsset(address(wstETH)).totalDeposited), 1, "asset counts 1 wei");
    }

    function test_deposit_firstDepositorInflationAttackFails() public {
        // The attacker takes the first 1 wei and "donates" a fortune straight to the contract.
        uint256 attackerShares = _deposit(attacker, operatorA, wstETH, 1);
        vm.assertEq(attackerShares, 1e6, "attacker shares");
        wstETH.mint(attacker, 1000 ether);
        vm.prank(attacker);
        vm.assertTrue(wstETH.transfer(address(rampart), 1000 ether), "donation");

        // The victim loses at most rounding dust.
        uint256 victimDeposit = 10 ether;
        uint256 victimShares = _deposit(alice, operatorA, wstETH, victimDeposit);
        // ⌊10e18 · (1e6 + 1e6) / (1 + 1)⌋ = 10e24
        vm.assertEq(victimShares, 10e24, "victim shares");
        uint256 victimValue = rampart.sharesToAssets(operatorA, address(wstETH), victimShares);
        vm.assertGe(victimValue, victimDeposit - 1, "victim keeps the deposit");
        vm.assertLe(victimValue, victimDeposit, "victim gains nothing");

        // The attacker's shares are still worth 1 wei: the donation is lost to them.
        vm.assertLe(rampart.sharesToAssets(operatorA, address(wstETH), attackerShares), 1, "attacker value");
        Withdrawal memory w = _queue(attacker, operatorA, wstETH, attackerShares);
        _skip(WITHDRAWAL_DELAY);
        vm.assertLe(rampart.completeWithdrawal(w), 1, "attacker withdraws dust");
    }

    // ─────────────────────────── Fuzz ─────────────────────────────────

    function testFuzz_deposit_firstDepositMintsAmountTimes1e6(uint256 amount) public {
        amount = _bound(amount, 1, MAX_FUZZ_AMOUNT);
        uint256 shares = _deposit(alice, operatorA, wstETH, amount);
        vm.assertEq(shares, amount * VIRTUAL_SHARES, "shares");
        vm.assertEq(rampart.sharesToAssets(operatorA, address(wstETH), shares), amount, "value");
    }

    function testFuzz_deposit_sequenceSharesMatchFormula(uint256 a1, uint256 a2, uint256 a3, uint256 a4) public {
        uint256[4] memory amounts = [
            _bound(a1, 1, MAX_FUZZ_AMOUNT),
            _bound(a2, 1, MAX_FUZZ_AMOUNT),
            _bound(a3, 1, MAX_FUZZ_AMOUNT),
            _bound(a4, 1, MAX_FUZZ_AMOUNT)
        ];
        uint256 totalShares;
        uint256 totalAssets;
        for (uint256 i; i < 4; ++i) {
            address staker = i % 2 == 0 ? alice : bob;
            uint256 amount = amounts[i];
            uint256 expected = (amount * (totalShares + VIRTUAL_SHARES)) / (totalAssets + 1);
            uint256 shares = _deposit(staker, operatorA, wstETH, amount);
            vm.assertEq(shares, expected, "shares == formula");

            totalShares += shares;
            totalAssets += amount;
            uint256 value = (shares * (totalAssets + 1)) / (totalShares + VIRTUAL_SHARES);
            vm.assertEq(rampart.sharesToAssets(operatorA, address(wstETH), shares), value, "view == formula");
            vm.assertLe(value, amount, "value <= amount");
            vm.assertGe(value + 1, amount, "value >= amount - 1 (unslashed)");
        }
        Pool memory pool = rampart.getPool(operatorA, address(wstETH));
        vm.assertEq(uint256(pool.totalShares), totalShares, "pool shares");
        vm.assertEq(uint256(pool.totalAssets), totalAssets, "pool assets");
    }

    function testFuzz_deposit_doesNotDiluteExistingStakers(uint256 a1, uint256 a2) public {
        a1 = _bound(a1, 1, MAX_FUZZ_AMOUNT);
        a2 = _bound(a2, 1, MAX_FUZZ_AMOUNT);
        uint256 sharesAlice = _deposit(alice, operatorA, wstETH, a1);
        uint256 before = rampart.sharesToAssets(operatorA, address(wstETH), sharesAlice);
        _deposit(bob, operatorA, wstETH, a2);
        vm.assertGe(rampart.sharesToAssets(operatorA, address(wstETH), sharesAlice), before, "no dilution");
    }

    function testFuzz_deposit_afterSlashSharesMatchFormula(uint256 a1, uint256 wadSeed, uint256 a2) public {
        a1 = _bound(a1, 1, MAX_FUZZ_AMOUNT);
        a2 = _bound(a2, 1, MAX_FUZZ_AMOUNT);
        // The instant set may slash at most 50%; the allocation is WAD / 2, so wad ≥ 2 takes a non-zero magnitude.
        uint64 wad = SafeCast.toUint64(_bound(wadSeed, 2, WAD / 2));

        uint256 s1 = _deposit(alice, operatorA, wstETH, a1);
        _join(operatorA, instantSet);
        _allocate(operatorA, wstETH, instantSet, WAD / 2);
        _slash(serviceDA, instantSet, operatorA, wstETH, wad);

        uint256 slashedMagnitude = (uint256(WAD / 2) * wad) / WAD;
        uint256 totalAssets = a1 - (a1 * slashedMagnitude) / WAD;
        uint256 totalShares = s1;
        vm.assertEq(uint256(rampart.getPool(operatorA, address(wstETH)).totalAssets), totalAssets, "pool after slash");

        uint256 expected = (a2 * (totalShares + VIRTUAL_SHARES)) / (totalAssets + 1);
        uint256 shares = _deposit(bob, operatorA, wstETH, a2);
        vm.assertEq(shares, expected, "shares == formula");
        uint256 value = (shares * (totalAssets + a2 + 1)) / (totalShares + shares + VIRTUAL_SHARES);
        vm.assertEq(rampart.sharesToAssets(operatorA, address(wstETH), shares), value, "view == formula");
        vm.assertLe(value, a2, "value <= amount");
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
