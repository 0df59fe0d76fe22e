// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {vm} from "../utils/Vm.sol";
import {RewardsTestBase} from "../utils/RewardsTestBase.sol";
import {MockERC20, FeeOnTransferERC20} from "../mocks/MockERC20.sol";
import {CallbackERC20} from "../mocks/CallbackERC20.sol";
import {IRampartRewards, ProgramKind, ProgramParams} from "../../src/interfaces/IRampartRewards.sol";

/// @notice createProgram: escrow, events, and every rule a program must meet (one test per error, bounds at the edge).
contract RewardsProgramsTest is RewardsTestBase {
    uint256 internal constant AMOUNT = 30_000e6;
    uint40 internal constant MAX_RETROACTIVE = 30 days;
    uint40 internal constant MAX_FUTURE = 90 days;
    uint32 internal constant MAX_DURATION = 365 days;
    uint8 internal constant PAUSE_PROGRAMS = 1;
    uint8 internal constant PAUSE_CLAIMS = 2;

    address internal stranger = address(0x5757);

    // ─────────────────────────── Success ──────────────────────────────

    function test_createProgram_proRataEscrowsAndEmits() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        _fund(serviceDA, usdc, AMOUNT);

        vm.expectEmit(address(rewards));
        emit IRampartRewards.RewardProgramCreated(1, instantSet, serviceDA, params);
        vm.prank(serviceDA);
        uint64 programId = rewards.createProgram(params);

        vm.assertEq(uint256(programId), 1, "id");
        vm.assertEq(uint256(rewards.programCount()), 1, "count");
        vm.assertEq(rewards.totalFunded(address(usdc)), AMOUNT, "funded");
        vm.assertEq(rewards.totalClaimed(address(usdc)), 0, "claimed");
        vm.assertEq(usdc.balanceOf(address(rewards)), AMOUNT, "escrowed");
        vm.assertEq(usdc.balanceOf(serviceDA), 0, "paid by the service");
    }

    function test_createProgram_operatorDirectedEscrowsAndEmits() public {
        ProgramParams memory params = _directed(rwd, 3 ether, 1 ether);
        _fund(serviceDA, rwd, 4 ether);

        vm.expectEmit(address(rewards));
        emit IRampartRewards.RewardProgramCreated(1, instantSet, serviceDA, params);
        vm.prank(serviceDA);
        rewards.createProgram(params);
        vm.assertEq(rewards.totalFunded(address(rwd)), 4 ether, "funded");
        vm.assertEq(rwd.balanceOf(address(rewards)), 4 ether, "escrowed");
    }

    function test_createProgram_idsAreSequentialAndFundingAddsUp() public {
        vm.assertEq(uint256(_create(_proRata(usdc, AMOUNT))), 1, "first");
        vm.assertEq(uint256(_create(_directed(usdc, 5, 7))), 2, "second");
        vm.assertEq(uint256(_create(_proRata(rwd, 1 ether))), 3, "third");
        vm.assertEq(uint256(rewards.programCount()), 3, "count");
        vm.assertEq(rewards.totalFunded(address(usdc)), AMOUNT + 12, "usdc funded");
        vm.assertEq(rewards.totalFunded(address(rwd)), 1 ether, "rwd funded");
    }

    function test_createProgram_byTheServiceOfAnotherSet() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.setId = vetoSet;
        _fund(serviceBridge, usdc, AMOUNT);
        vm.expectEmit(address(rewards));
        emit IRampartRewards.RewardProgramCreated(1, vetoSet, serviceBridge, params);
        vm.prank(serviceBridge);
        rewards.createProgram(params);
    }

    function test_createProgram_acceptsOneAsset() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.assets = new address[](1);
        params.assets[0] = address(rETH);
        params.weights = new uint96[](1);
        params.weights[0] = type(uint96).max;
        _create(params);
    }

    function test_createProgram_acceptsOneOperator() public {
        ProgramParams memory params = _directed(usdc, 1, 0);
        params.operators = new address[](1);
        params.operators[0] = operatorB;
        params.operatorAmounts = new uint256[](1);
        params.operatorAmounts[0] = 1;
        _create(params);
    }

    function test_createProgram_acceptsMaxAmount() public {
        uint256 max = type(uint128).max;
        _create(_proRata(rwd, max));
        vm.assertEq(rewards.totalFunded(address(rwd)), max, "funded");
    }

    // ─────────────────────────── Schedule ─────────────────────────────

    function test_createProgram_acceptsStartAtMaxRetroactive() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.startTime = T0 - MAX_RETROACTIVE;
        _create(params);
    }

    function test_createProgram_revertsWhenStartOneDayBeyondMaxRetroactive() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.startTime = T0 - MAX_RETROACTIVE - DAY;
        _expectCreateRevert(
            params, abi.encodeWithSelector(IRampartRewards.StartTooOld.selector, params.startTime, T0 - MAX_RETROACTIVE)
        );
    }

    /// @dev Mid-day, the earliest start is not a day boundary: the first accepted start is the next one.
    function test_createProgram_retroactiveLimitMidDay() public {
        _skip(1 hours);
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.startTime = T0 - MAX_RETROACTIVE;
        _expectCreateRevert(
            params,
            abi.encodeWithSelector(
                IRampartRewards.StartTooOld.selector, params.startTime, T0 + 1 hours - MAX_RETROACTIVE
            )
        );
        params.startTime += DAY;
        _create(params);
    }

    /// @dev Before MAX_RETROACTIVE has elapsed since 1970 the earliest start is 0, not an underflow.
    function test_createProgram_earlyChainAcceptsStartZero() public {
        vm.warp(10 days);
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.startTime = 0;
        _create(params);
    }

    function test_createProgram_acceptsStartAtMaxFuture() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.startTime = T0 + MAX_FUTURE;
        _create(params);
    }

    function test_createProgram_revertsWhenStartOneDayBeyondMaxFuture() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.startTime = T0 + MAX_FUTURE + DAY;
        _expectCreateRevert(
            params, abi.encodeWithSelector(IRampartRewards.StartTooFar.selector, params.startTime, T0 + MAX_FUTURE)
        );
    }

    function test_createProgram_acceptsMaxDuration() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.duration = MAX_DURATION;
        _create(params);
    }

    function test_createProgram_acceptsOneDay() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.duration = DAY;
        _create(params);
    }

    function test_createProgram_revertsWhenDurationOneDayBeyondMax() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.duration = MAX_DURATION + DAY;
        _expectCreateRevert(
            params,
            abi.encodeWithSelector(IRampartRewards.DurationOutOfBounds.selector, MAX_DURATION + DAY, MAX_DURATION)
        );
    }

    function test_createProgram_revertsWhenDurationZero() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.duration = 0;
        _expectCreateRevert(
            params, abi.encodeWithSelector(IRampartRewards.DurationOutOfBounds.selector, uint32(0), MAX_DURATION)
        );
    }

    function test_createProgram_revertsWhenStartNotDayAligned() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.startTime += 1;
        _expectCreateRevert(
            params, abi.encodeWithSelector(IRampartRewards.NotDayAligned.selector, uint256(params.startTime))
        );
    }

    function test_createProgram_revertsWhenDurationNotDayAligned() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.duration = 30 days + 1 hours;
        _expectCreateRevert(
            params, abi.encodeWithSelector(IRampartRewards.NotDayAligned.selector, uint256(30 days + 1 hours))
        );
    }

    /// @dev Every (start, duration) is accepted exactly when it meets the rules, and otherwise reverts with the
    /// first rule it breaks.
    function testFuzz_createProgram_scheduleBounds(uint40 startTime, uint32 duration) public {
        // Mostly near the window, aligned or not.
        if (startTime % 2 == 0) {
            // forge-lint: disable-next-line(unsafe-typecast) T0 ± 180 days
            startTime = uint40(T0 - 60 days + _bound(startTime, 0, 180 days));
        }
        if (startTime % 3 == 0) startTime -= startTime % DAY;
        if (duration % 2 == 0) duration = uint32(_bound(duration, 0, 400)) * DAY;

        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.startTime = startTime;
        params.duration = duration;
        bytes memory expected;
        if (startTime % DAY != 0) {
            expected = abi.encodeWithSelector(IRampartRewards.NotDayAligned.selector, uint256(startTime));
        } else if (duration % DAY != 0) {
            expected = abi.encodeWithSelector(IRampartRewards.NotDayAligned.selector, uint256(duration));
        } else if (duration == 0 || duration > MAX_DURATION) {
            expected = abi.encodeWithSelector(IRampartRewards.DurationOutOfBounds.selector, duration, MAX_DURATION);
        } else if (startTime < T0 - MAX_RETROACTIVE) {
            expected = abi.encodeWithSelector(IRampartRewards.StartTooOld.selector, startTime, T0 - MAX_RETROACTIVE);
        } else if (startTime > T0 + MAX_FUTURE) {
            expected = abi.encodeWithSelector(IRampartRewards.StartTooFar.selector, startTime, T0 + MAX_FUTURE);
        }
        if (expected.length != 0) {
            _expectCreateRevert(params, expected);
        } else {
            _create(params);
            vm.assertEq(rewards.totalFunded(address(usdc)), AMOUNT, "funded");
        }
    }

    // ─────────────────────────── Caller, token, amount ────────────────

    function test_createProgram_revertsWhenPaused() public {
        vm.prank(pauser);
        rewards.pause(PAUSE_PROGRAMS);
        _expectCreateRevert(
            _proRata(usdc, AMOUNT), abi.encodeWithSelector(IRampartRewards.RewardsPaused.selector, PAUSE_PROGRAMS)
        );
        vm.prank(unpauser);
        rewards.unpause(PAUSE_PROGRAMS);
        _create(_proRata(usdc, AMOUNT));
    }

    function test_createProgram_notBlockedByClaimsPause() public {
        vm.prank(pauser);
        rewards.pause(PAUSE_CLAIMS);
        _create(_proRata(usdc, AMOUNT));
    }

    function test_createProgram_revertsWhenSetUnknown() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.setId = 99;
        _expectCreateRevert(params, abi.encodeWithSelector(IRampartRewards.UnknownOperatorSet.selector, uint32(99)));
        params.setId = 0;
        _expectCreateRevert(params, abi.encodeWithSelector(IRampartRewards.UnknownOperatorSet.selector, uint32(0)));
    }

    function test_createProgram_revertsWhenNotSetService() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        _fund(serviceBridge, usdc, AMOUNT);
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.NotSetService.selector, serviceBridge, instantSet));
        vm.prank(serviceBridge);
        rewards.createProgram(params);

        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.NotSetService.selector, stranger, instantSet));
        vm.prank(stranger);
        rewards.createProgram(params);
    }

    function test_createProgram_revertsWhenTokenZero() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.token = address(0);
        _expectCreateRevert(params, abi.encodeWithSelector(IRampartRewards.ZeroAddress.selector));
    }

    function test_createProgram_revertsWhenTokenNotAContract() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.token = stranger;
        _expectCreateRevert(params, abi.encodeWithSelector(IRampartRewards.NotAContract.selector, stranger));
    }

    function test_createProgram_revertsWhenAmountZero() public {
        _expectCreateRevert(_proRata(usdc, 0), abi.encodeWithSelector(IRampartRewards.ZeroAmount.selector));
    }

    function test_createProgram_revertsWhenAmountTooLarge() public {
        uint256 max = type(uint128).max;
        _expectCreateRevert(
            _proRata(usdc, max + 1), abi.encodeWithSelector(IRampartRewards.AmountTooLarge.selector, max + 1, max)
        );
    }

    function test_createProgram_revertsWhenFeeOnTransfer() public {
        FeeOnTransferERC20 fee = new FeeOnTransferERC20();
        ProgramParams memory params = _proRata(MockERC20(address(fee)), 100 ether);
        _fund(serviceDA, fee, 100 ether);
        vm.expectRevert(
            abi.encodeWithSelector(IRampartRewards.TransferAmountMismatch.selector, address(fee), 100 ether, 99 ether)
        );
        vm.prank(serviceDA);
        rewards.createProgram(params);
    }

    function test_createProgram_revertsWhenTokenReenters() public {
        CallbackERC20 token = new CallbackERC20();
        ProgramParams memory params = _proRata(MockERC20(address(token)), 1 ether);
        token.setCallback(address(rewards), abi.encodeCall(rewards.createProgram, (params)));
        _fund(serviceDA, token, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector));
        vm.prank(serviceDA);
        rewards.createProgram(params);
    }

    function test_createProgram_revertsWhenAllowanceMissing() public {
        usdc.mint(serviceDA, AMOUNT);
        vm.expectRevert();
        vm.prank(serviceDA);
        rewards.createProgram(_proRata(usdc, AMOUNT));
    }

    // ─────────────────────────── Assets ───────────────────────────────

    function test_createProgram_revertsWhenNoAssets() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.assets = new address[](0);
        params.weights = new uint96[](0);
        _expectCreateRevert(params, abi.encodeWithSelector(IRampartRewards.NoAssets.selector));
    }

    function test_createProgram_revertsWhenWeightsLengthMismatch() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.weights = new uint96[](1);
        params.weights[0] = 1;
        _expectCreateRevert(params, abi.encodeWithSelector(IRampartRewards.LengthMismatch.selector));
    }

    function test_createProgram_revertsWhenAssetNotListed() public {
        MockERC20 unlisted = new MockERC20("Unlisted", "UNL", 18);
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.assets[1] = address(unlisted);
        _expectCreateRevert(params, abi.encodeWithSelector(IRampartRewards.AssetNotListed.selector, address(unlisted)));
    }

    function test_createProgram_revertsWhenAssetDelisted() public {
        vm.prank(governance);
        rampart.delistAsset(address(rETH));
        _expectCreateRevert(
            _proRata(usdc, AMOUNT), abi.encodeWithSelector(IRampartRewards.AssetNotListed.selector, address(rETH))
        );
    }

    function test_createProgram_revertsWhenAssetNotInSet() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.assets[1] = address(weth);
        _expectCreateRevert(
            params, abi.encodeWithSelector(IRampartRewards.AssetNotInSet.selector, instantSet, address(weth))
        );
    }

    function test_createProgram_revertsWhenDuplicateAsset() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.assets[1] = address(wstETH);
        _expectCreateRevert(params, abi.encodeWithSelector(IRampartRewards.DuplicateAsset.selector, address(wstETH)));
    }

    function test_createProgram_revertsWhenZeroWeight() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.weights[1] = 0;
        _expectCreateRevert(params, abi.encodeWithSelector(IRampartRewards.ZeroWeight.selector, address(rETH)));
    }

    // ─────────────────────────── Operators ────────────────────────────

    function test_createProgram_revertsWhenProRataNamesOperators() public {
        ProgramParams memory params = _directed(usdc, 1, 2);
        params.kind = ProgramKind.ProRata;
        _expectCreateRevert(
            params, abi.encodeWithSelector(IRampartRewards.OperatorsMismatch.selector, ProgramKind.ProRata, 2)
        );
    }

    function test_createProgram_revertsWhenProRataNamesOperatorAmounts() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.operatorAmounts = new uint256[](1);
        params.operatorAmounts[0] = AMOUNT;
        _expectCreateRevert(
            params, abi.encodeWithSelector(IRampartRewards.OperatorsMismatch.selector, ProgramKind.ProRata, 0)
        );
    }

    function test_createProgram_revertsWhenDirectedNamesNoOperator() public {
        ProgramParams memory params = _proRata(usdc, AMOUNT);
        params.kind = ProgramKind.OperatorDirected;
        _expectCreateRevert(
            params, abi.encodeWithSelector(IRampartRewards.OperatorsMismatch.selector, ProgramKind.OperatorDirected, 0)
        );
    }

    function test_createProgram_revertsWhenOperatorAmountsLengthMismatch() public {
        ProgramParams memory params = _directed(usdc, 1, 2);
        params.operatorAmounts = new uint256[](1);
        params.operatorAmounts[0] = 3;
        _expectCreateRevert(params, abi.encodeWithSelector(IRampartRewards.LengthMismatch.selector));
    }

    function test_createProgram_revertsWhenOperatorsDescending() public {
        ProgramParams memory params = _directed(usdc, 1, 2);
        params.operators[0] = operatorB;
        params.operators[1] = operatorA;
        _expectCreateRevert(params, abi.encodeWithSelector(IRampartRewards.OperatorsNotAscending.selector, operatorA));
    }

    function test_createProgram_revertsWhenOperatorRepeated() public {
        ProgramParams memory params = _directed(usdc, 1, 2);
        params.operators[1] = operatorA;
        _expectCreateRevert(params, abi.encodeWithSelector(IRampartRewards.OperatorsNotAscending.selector, operatorA));
    }

    function test_createProgram_revertsWhenOperatorZero() public {
        ProgramParams memory params = _directed(usdc, 1, 2);
        params.operators[0] = address(0);
        _expectCreateRevert(params, abi.encodeWithSelector(IRampartRewards.ZeroAddress.selector));
    }

    function test_createProgram_revertsWhenOperatorAmountZero() public {
        ProgramParams memory params = _directed(usdc, 0, 2);
        _expectCreateRevert(params, abi.encodeWithSelector(IRampartRewards.ZeroAmount.selector));
    }

    function test_createProgram_revertsWhenOperatorAmountsDoNotSum() public {
        ProgramParams memory params = _directed(usdc, 1, 2);
        params.amount = 4;
        _expectCreateRevert(params, abi.encodeWithSelector(IRampartRewards.AmountMismatch.selector, 4, 3));
    }

    /// @dev Any split of the amount between two operators is accepted; any other sum is not.
    function testFuzz_createProgram_operatorAmountsMustSum(uint128 amountA, uint128 amountB, uint128 amount) public {
        amountA = uint128(_bound(amountA, 1, type(uint128).max / 2));
        amountB = uint128(_bound(amountB, 1, type(uint128).max / 2));
        amount = uint128(_bound(amount, 1, type(uint128).max));
        ProgramParams memory params = _directed(usdc, amountA, amountB);
        params.amount = amount;
        if (amount == uint256(amountA) + amountB) {
            _create(params);
            vm.assertEq(rewards.totalFunded(address(usdc)), amount, "funded");
        } else {
            _expectCreateRevert(
                params,
                abi.encodeWithSelector(IRampartRewards.AmountMismatch.selector, amount, uint256(amountA) + amountB)
            );
        }
    }

    // ─────────────────────────── Helpers ──────────────────────────────

    /// @dev Funds and approves serviceDA as for a valid program, so that only the rule under test can fail.
    function _expectCreateRevert(ProgramParams memory params, bytes memory expected) internal {
        if (params.token.code.length != 0 && params.amount <= type(uint128).max) {
            _fund(serviceDA, MockERC20(params.token), params.amount);
        }
        vm.expectRevert(expected);
        vm.prank(serviceDA);
        rewards.createProgram(params);
    }
}
