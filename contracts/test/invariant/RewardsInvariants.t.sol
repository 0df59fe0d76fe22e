// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

// Invariants (each an invariant_* function below, checked after every handler call in its own campaign, and all of
// them at the end of every run of every campaign by afterInvariant), for each of the two reward tokens:
// invariant_balanceEqualsFundedMinusClaimed   token balance of the contract == totalFunded − totalClaimed
// invariant_claimedAtMostFunded               totalClaimed ≤ totalFunded
// invariant_earnersClaimsSumToTotal           Σ earners' cumulativeClaimed == totalClaimed == Σ paid to payees
// invariant_claimedNeverDecreases             no cumulativeClaimed ever went down
// invariant_claimedWithinSomeRoot             cumulativeClaimed[e][t] ≤ max of (e, t) over the non-disabled roots
// invariant_fundingMatchesGhost               totalFunded and programCount match the programs created

import {vm} from "../utils/Vm.sol";
import {RewardsTestBase} from "../utils/RewardsTestBase.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {RewardsHandler, RewardsHandlerConfig} from "./RewardsHandler.sol";

/// @notice Stateful fuzzing of RampartRewards: two services fund programs of both kinds in two honest tokens; the
/// updater posts honest and greedy roots over four earners; pausers disable pending roots; earners (one through a
/// claimer) claim against random roots.
contract RewardsInvariantsTest is RewardsTestBase {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    address internal claimer = address(0xC1A1);
    address internal claimRecipient = address(0x4EC1);

    RewardsHandler internal handler;
    MockERC20[2] internal toks;
    address[4] internal earners;

    function setUp() public {
        toks = [usdc, rwd];
        earners = [operatorA, operatorB, alice, bob];
        vm.prank(earners[0]);
        rewards.setClaimer(claimer);
        handler = new RewardsHandler(
            RewardsHandlerConfig({
                rewards: rewards,
                governance: governance,
                updater: updater,
                pauser: pauser,
                tokens: toks,
                services: [serviceDA, serviceBridge],
                sets: [instantSet, vetoSet],
                assets: [address(wstETH), address(rETH)],
                operators: [operatorA, operatorB],
                earners: earners,
                claimer: claimer,
                claimRecipient: claimRecipient
            })
        );
        vm.label(address(handler), "RewardsHandler");
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        bytes4[] memory selectors = new bytes4[](9);
        selectors[0] = RewardsHandler.createProgram.selector;
        selectors[1] = RewardsHandler.submitRoot.selector;
        selectors[2] = RewardsHandler.disableRoot.selector;
        selectors[3] = RewardsHandler.claim.selector;
        selectors[4] = RewardsHandler.warp.selector;
        selectors[5] = RewardsHandler.setActivationDelay.selector;
        // Claims are where the money moves: give them three times the weight.
        selectors[6] = RewardsHandler.claim.selector;
        selectors[7] = RewardsHandler.claim.selector;
        selectors[8] = RewardsHandler.createProgram.selector;
        targets = new FuzzSelector[](1);
        targets[0] = FuzzSelector({addr: address(handler), selectors: selectors});
    }

    /// @dev Forge runs a separate campaign for each invariant_* function and checks only that one after every call;
    /// at the end of every run, check them all.
    function afterInvariant() public view {
        invariant_balanceEqualsFundedMinusClaimed();
        invariant_claimedAtMostFunded();
        invariant_earnersClaimsSumToTotal();
        invariant_claimedNeverDecreases();
        invariant_claimedWithinSomeRoot();
        invariant_fundingMatchesGhost();
    }

    /// @dev A fixed campaign through the handler reaches every path it predicts (each success and each refusal),
    /// so that the invariants above are not passing on a handler that skips the interesting cases.
    function test_handlerReachesEveryPath() public {
        for (uint256 i; i < 240; ++i) {
            uint256 r = uint256(keccak256(abi.encode(i)));
            uint256 action = i % 8;
            if (action == 0) handler.createProgram(r, r >> 8, r >> 16);
            else if (action == 1) handler.submitRoot(r);
            else if (action == 2) handler.disableRoot(r);
            else if (action == 3) handler.setActivationDelay(r);
            else if (action == 7) handler.warp(r);
            else handler.claim(r);
        }
        string[13] memory paths = [
            "createProgramProRata",
            "createProgramDirected",
            "submitRootHonest",
            "submitRootGreedy",
            "disableRoot",
            "setActivationDelay",
            "warp",
            "claim",
            "claimBatch",
            "claimRefused:RootDisabled",
            "claimRefused:RootNotActive",
            "claimRefused:NothingToClaim",
            "claimRefused:ClaimExceedsFunding"
        ];
        for (uint256 i; i < paths.length; ++i) {
            vm.assertGt(handler.ran(paths[i]), 0, paths[i]);
        }
        afterInvariant();
    }

    function invariant_balanceEqualsFundedMinusClaimed() public view {
        for (uint256 t; t < 2; ++t) {
            address token = address(toks[t]);
            vm.assertEq(
                toks[t].balanceOf(address(rewards)),
                rewards.totalFunded(token) - rewards.totalClaimed(token),
                "balance != funded - claimed"
            );
        }
    }

    function invariant_claimedAtMostFunded() public view {
        for (uint256 t; t < 2; ++t) {
            address token = address(toks[t]);
            vm.assertLe(rewards.totalClaimed(token), rewards.totalFunded(token), "claimed above funded");
        }
    }

    function invariant_earnersClaimsSumToTotal() public view {
        for (uint256 t; t < 2; ++t) {
            address token = address(toks[t]);
            uint256 sum;
            uint256 received = toks[t].balanceOf(claimRecipient);
            for (uint256 e; e < 4; ++e) {
                sum += rewards.cumulativeClaimed(earners[e], token);
                received += toks[t].balanceOf(earners[e]);
            }
            vm.assertEq(sum, rewards.totalClaimed(token), "sum of earners' claims != totalClaimed");
            vm.assertEq(received, rewards.totalClaimed(token), "paid to payees != totalClaimed");
            vm.assertEq(handler.ghostPaid(token), rewards.totalClaimed(token), "ghost paid != totalClaimed");
        }
    }

    function invariant_claimedNeverDecreases() public view {
        vm.assertFalse(handler.claimedDecreased(), "a cumulativeClaimed went down");
        for (uint256 e; e < 4; ++e) {
            for (uint256 t; t < 2; ++t) {
                vm.assertGe(
                    rewards.cumulativeClaimed(earners[e], address(toks[t])),
                    handler.lastClaimed(e, t),
                    "below the last value seen"
                );
            }
        }
    }

    function invariant_claimedWithinSomeRoot() public view {
        uint256 roots = handler.rootCount();
        for (uint256 e; e < 4; ++e) {
            for (uint256 t; t < 2; ++t) {
                uint256 max;
                for (uint256 i; i < roots; ++i) {
                    // forge-lint: disable-next-line(unsafe-typecast) the handler posts at most 24 roots
                    if (rewards.getRoot(uint32(i)).disabled) continue;
                    uint256 amount = handler.rootAmount(i, e, t);
                    if (amount > max) max = amount;
                }
                vm.assertLe(
                    rewards.cumulativeClaimed(earners[e], address(toks[t])), max, "claimed beyond every usable root"
                );
            }
        }
    }

    function invariant_fundingMatchesGhost() public view {
        for (uint256 t; t < 2; ++t) {
            address token = address(toks[t]);
            vm.assertEq(rewards.totalFunded(token), handler.ghostFunded(token), "totalFunded != programs' amounts");
        }
        vm.assertEq(uint256(rewards.programCount()), uint256(handler.ghostPrograms()), "programCount");
        vm.assertEq(uint256(rewards.rootCount()), handler.rootCount(), "rootCount");
    }
}
