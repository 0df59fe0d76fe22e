// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {vm} from "../utils/Vm.sol";
import {RampartTestBase} from "../utils/RampartTestBase.sol";
import {RewardsTestBase} from "../utils/RewardsTestBase.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {Withdrawal} from "../../src/interfaces/IRampart.sol";
import {ProgramParams, TokenClaim} from "../../src/interfaces/IRampartRewards.sol";

/// @notice One operation per test, everything else in setUp, so `forge snapshot` (contracts/.gas-snapshot) records
/// the gas of that operation alone. Review diffs of the snapshot like code. Full-transaction figures and the
/// comparison with Symbiotic come from `npm run bench:gas`.
contract GasTest is RampartTestBase {
    Withdrawal internal queued;

    function setUp() public {
        _deposit(alice, operatorA, wstETH, 100 ether);
        _deposit(bob, operatorA, wstETH, 50 ether);
        _join(operatorA, instantSet);
        _join(operatorA, vetoSet);
        _allocate(operatorA, wstETH, instantSet, WAD / 2);
        queued = _queue(bob, operatorA, wstETH, 10 ether);
        _skip(WITHDRAWAL_DELAY);
        wstETH.mint(alice, 10 ether);
        vm.prank(alice);
        wstETH.approve(address(rampart), type(uint256).max);
    }

    function test_gas_deposit() public {
        vm.prank(alice);
        rampart.deposit(operatorA, address(wstETH), 10 ether, alice, 0);
    }

    function test_gas_queueWithdrawal() public {
        vm.prank(alice);
        rampart.queueWithdrawal(operatorA, address(wstETH), 1 ether, alice);
    }

    function test_gas_completeWithdrawal() public {
        rampart.completeWithdrawal(queued);
    }

    function test_gas_allocate() public {
        vm.prank(operatorA);
        rampart.allocate(operatorA, address(wstETH), vetoSet, WAD / 4);
    }

    function test_gas_slash() public {
        vm.prank(serviceDA);
        rampart.slash(_slashParams(instantSet, operatorA, address(wstETH), WAD / 10));
    }
}

/// @notice The same slash against pools of 1 and of 10,000 stakers: the cost must not depend on the count.
contract SlashScalingGasTest is RampartTestBase {
    function _setUpStakers(uint256 count) internal {
        wstETH.mint(address(this), count * 1 ether);
        wstETH.approve(address(rampart), type(uint256).max);
        for (uint256 i; i < count; ++i) {
            // forge-lint: disable-next-line(unsafe-typecast) 0x100000 + i is far below 2^160
            rampart.deposit(operatorA, address(wstETH), 1 ether, address(uint160(0x100000 + i)), 0);
        }
        _join(operatorA, instantSet);
        _allocate(operatorA, wstETH, instantSet, WAD / 2);
    }

    function test_gas_slash_1_staker() public {
        _setUpStakers(1);
        vm.prank(serviceDA);
        rampart.slash(_slashParams(instantSet, operatorA, address(wstETH), WAD / 10));
        vm.snapshotGasLastCall("slash_1_staker");
    }

    function test_gas_slash_10000_stakers() public {
        _setUpStakers(10_000);
        vm.prank(serviceDA);
        rampart.slash(_slashParams(instantSet, operatorA, address(wstETH), WAD / 10));
        vm.snapshotGasLastCall("slash_10000_stakers");
    }

    /// @dev The property itself, asserted: same slash, same gas, whether the pool has 1 staker or 10,000.
    function test_slashGas_doesNotDependOnStakerCount() public {
        address warmUp = address(0xA3);
        vm.prank(warmUp);
        directory.registerOperator("ipfs://warm-up", address(0), 0);
        _fill(warmUp, 1);
        _fill(operatorA, 1);
        _fill(operatorB, 10_000);
        // The first slash ever creates the burn address's balance; pay that once, outside the comparison.
        _slashGas(warmUp, "compare_warm_up");
        uint256 one = _slashGas(operatorA, "compare_1_staker");
        uint256 many = _slashGas(operatorB, "compare_10000_stakers");
        vm.assertApproxEqAbs(many, one, one / 100, "slash gas grew with the number of stakers");
    }

    function _fill(address operator, uint256 stakers) internal {
        wstETH.mint(address(this), stakers * 1 ether);
        wstETH.approve(address(rampart), type(uint256).max);
        for (uint256 i; i < stakers; ++i) {
            // forge-lint: disable-next-line(unsafe-typecast) i < 10,000
            rampart.deposit(operator, address(wstETH), 1 ether, address(uint160(0x200000 + i)), 0);
        }
        _join(operator, instantSet);
        _allocate(operator, wstETH, instantSet, WAD / 2);
    }

    function _slashGas(address operator, string memory name) internal returns (uint256 gasUsed) {
        vm.prank(serviceDA);
        rampart.slash(_slashParams(instantSet, operator, address(wstETH), WAD / 10));
        gasUsed = vm.snapshotGasLastCall(name);
    }
}

/// @notice RampartRewards: creating a program, and claiming one token or a batch of three, each against an active
/// root of eight leaves (a proof of three hashes), by an earner who has claimed before (so the storage is warm as it
/// is for a regular claimer, not the one-off first claim).
contract RewardsGasTest is RewardsTestBase {
    MockERC20 internal third;
    ProgramParams internal program;
    TokenClaim[] internal claimOne;
    TokenClaim[] internal claimThree;
    uint32 internal rootIndex;

    function setUp() public {
        third = new MockERC20("Third", "THIRD", 18);
        _create(_proRata(usdc, 1_000e6));
        _create(_proRata(rwd, 1_000 ether));
        _create(_proRata(third, 1_000 ether));
        program = _proRata(usdc, 1_000e6);
        _fund(serviceDA, usdc, 1_000e6);

        // A first root, claimed in full: later claims add to existing balances and cumulative amounts.
        _claimAll(_submitActive(_tree(_earnings(1))), _tree(_earnings(1)), 1);
        _skip(DAY);
        bytes32[] memory tree = _tree(_earnings(2));
        rootIndex = _submitActive(tree);
        claimOne.push(_claim(tree, alice, address(usdc), 2e6));
        claimThree.push(_claim(tree, bob, address(usdc), 2e6));
        claimThree.push(_claim(tree, bob, address(rwd), 2 ether));
        claimThree.push(_claim(tree, bob, address(third), 2 ether));
    }

    function test_gas_createProgram_proRata_2assets() public {
        vm.prank(serviceDA);
        rewards.createProgram(program);
    }

    function test_gas_claim_1token() public {
        vm.prank(alice);
        rewards.claim(rootIndex, alice, alice, claimOne);
    }

    function test_gas_claim_3tokens() public {
        vm.prank(bob);
        rewards.claim(rootIndex, bob, bob, claimThree);
    }

    /// @dev Eight leaves: alice, bob, operatorA and operatorB, in USDC and RWD (bob also in THIRD, alice not in RWD),
    /// each `k` units of the token.
    function _earnings(uint256 k) internal view returns (Earning[] memory e) {
        e = new Earning[](8);
        e[0] = Earning({earner: alice, token: address(usdc), cumulative: k * 1e6});
        e[1] = Earning({earner: alice, token: address(third), cumulative: k * 1 ether});
        e[2] = Earning({earner: bob, token: address(usdc), cumulative: k * 1e6});
        e[3] = Earning({earner: bob, token: address(rwd), cumulative: k * 1 ether});
        e[4] = Earning({earner: bob, token: address(third), cumulative: k * 1 ether});
        e[5] = Earning({earner: operatorA, token: address(usdc), cumulative: k * 1e6});
        e[6] = Earning({earner: operatorB, token: address(rwd), cumulative: k * 1 ether});
        e[7] = Earning({earner: operatorB, token: address(usdc), cumulative: k * 1e6});
    }

    function _claimAll(uint32 index, bytes32[] memory tree, uint256 k) internal {
        TokenClaim[] memory claims = new TokenClaim[](1);
        claims[0] = _claim(tree, alice, address(usdc), k * 1e6);
        vm.prank(alice);
        rewards.claim(index, alice, alice, claims);
        claims = new TokenClaim[](3);
        claims[0] = _claim(tree, bob, address(usdc), k * 1e6);
        claims[1] = _claim(tree, bob, address(rwd), k * 1 ether);
        claims[2] = _claim(tree, bob, address(third), k * 1 ether);
        vm.prank(bob);
        rewards.claim(index, bob, bob, claims);
    }
}
