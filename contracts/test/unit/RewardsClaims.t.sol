// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {vm} from "../utils/Vm.sol";
import {RewardsTestBase} from "../utils/RewardsTestBase.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {CallbackERC20} from "../mocks/CallbackERC20.sol";
import {IRampartRewards, TokenClaim} from "../../src/interfaces/IRampartRewards.sol";

/// @notice setClaimer and claim: cumulative accounting, roots old and new, claimers and recipients, batches, the
/// funding bound, and every way a claim is refused.
contract RewardsClaimsTest is RewardsTestBase {
    uint8 internal constant PAUSE_CLAIMS = 2;
    uint256 internal constant FUNDED_USDC = 1_000e6;
    uint256 internal constant FUNDED_RWD = 100 ether;

    address internal claimer = address(0xC1A1);
    address internal recipient = address(0x4EC1);
    address internal stranger = address(0x5757);

    /// @dev Root 0 (active): alice 100 USDC and 10 RWD, bob 50 USDC.
    bytes32[] internal tree0;

    function setUp() public {
        _create(_proRata(usdc, FUNDED_USDC));
        _create(_proRata(rwd, FUNDED_RWD));
        tree0 = _tree(_earnings3(alice, 100e6, 10 ether, bob, 50e6));
        _submitActive(tree0);
    }

    // ─────────────────────────── setClaimer ───────────────────────────

    function test_setClaimer_setsAndEmits() public {
        vm.expectEmit(address(rewards));
        emit IRampartRewards.ClaimerSet(alice, claimer);
        vm.prank(alice);
        rewards.setClaimer(claimer);
        vm.assertEq(rewards.claimerOf(alice), claimer, "claimer");
    }

    function test_setClaimer_zeroRevokes() public {
        vm.prank(alice);
        rewards.setClaimer(claimer);
        vm.expectEmit(address(rewards));
        emit IRampartRewards.ClaimerSet(alice, address(0));
        vm.prank(alice);
        rewards.setClaimer(address(0));
        vm.assertEq(rewards.claimerOf(alice), address(0), "revoked");

        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.NotClaimer.selector, claimer, alice));
        vm.prank(claimer);
        rewards.claim(0, alice, claimer, _claims1(_claim(tree0, alice, address(usdc), 100e6)));
    }

    // ─────────────────────────── claim: success ───────────────────────

    function test_claim_paysCumulativeAmount() public {
        vm.expectEmit(address(rewards));
        emit IRampartRewards.RewardsClaimed(0, alice, address(usdc), alice, 100e6, 100e6);
        vm.prank(alice);
        rewards.claim(0, alice, alice, _claims1(_claim(tree0, alice, address(usdc), 100e6)));

        vm.assertEq(usdc.balanceOf(alice), 100e6, "paid");
        vm.assertEq(usdc.balanceOf(address(rewards)), FUNDED_USDC - 100e6, "escrow");
        vm.assertEq(rewards.cumulativeClaimed(alice, address(usdc)), 100e6, "cumulative claimed");
        vm.assertEq(rewards.totalClaimed(address(usdc)), 100e6, "total claimed");
        vm.assertEq(rewards.totalFunded(address(usdc)), FUNDED_USDC, "funded unchanged");
    }

    function test_claim_twicePaysOnce() public {
        TokenClaim[] memory claims = _claims1(_claim(tree0, alice, address(usdc), 100e6));
        vm.prank(alice);
        rewards.claim(0, alice, alice, claims);
        vm.expectRevert(
            abi.encodeWithSelector(IRampartRewards.NothingToClaim.selector, alice, address(usdc), 100e6, 100e6)
        );
        vm.prank(alice);
        rewards.claim(0, alice, alice, claims);
        vm.assertEq(usdc.balanceOf(alice), 100e6, "paid once");
    }

    function test_claim_newerRootPaysTheDifference() public {
        vm.prank(alice);
        rewards.claim(0, alice, alice, _claims1(_claim(tree0, alice, address(usdc), 100e6)));

        _skip(DAY);
        bytes32[] memory tree1 = _tree(_earnings3(alice, 250e6, 20 ether, bob, 80e6));
        uint32 index = _submitActive(tree1);

        vm.expectEmit(address(rewards));
        emit IRampartRewards.RewardsClaimed(index, alice, address(usdc), alice, 150e6, 250e6);
        vm.prank(alice);
        rewards.claim(index, alice, alice, _claims1(_claim(tree1, alice, address(usdc), 250e6)));
        vm.assertEq(usdc.balanceOf(alice), 250e6, "paid in total");
        vm.assertEq(rewards.cumulativeClaimed(alice, address(usdc)), 250e6, "cumulative claimed");
        vm.assertEq(rewards.totalClaimed(address(usdc)), 250e6, "total claimed");
    }

    function test_claim_olderRootAfterNewerPaysNothing() public {
        _skip(DAY);
        bytes32[] memory tree1 = _tree(_earnings3(alice, 250e6, 20 ether, bob, 80e6));
        uint32 index = _submitActive(tree1);
        vm.prank(alice);
        rewards.claim(index, alice, alice, _claims1(_claim(tree1, alice, address(usdc), 250e6)));

        vm.expectRevert(
            abi.encodeWithSelector(IRampartRewards.NothingToClaim.selector, alice, address(usdc), 100e6, 250e6)
        );
        vm.prank(alice);
        rewards.claim(0, alice, alice, _claims1(_claim(tree0, alice, address(usdc), 100e6)));
    }

    /// @dev An earner who has not claimed from the newer root yet can still use the older one.
    function test_claim_olderRootStillValidForUnclaimed() public {
        _skip(DAY);
        _submitActive(_tree(_earnings3(alice, 250e6, 20 ether, bob, 80e6)));
        vm.prank(bob);
        rewards.claim(0, bob, bob, _claims1(_claim(tree0, bob, address(usdc), 50e6)));
        vm.assertEq(usdc.balanceOf(bob), 50e6, "paid from the older root");
    }

    function test_claim_byClaimerToAnyRecipient() public {
        vm.prank(alice);
        rewards.setClaimer(claimer);

        vm.expectEmit(address(rewards));
        emit IRampartRewards.RewardsClaimed(0, alice, address(usdc), recipient, 100e6, 100e6);
        vm.prank(claimer);
        rewards.claim(0, alice, recipient, _claims1(_claim(tree0, alice, address(usdc), 100e6)));
        vm.assertEq(usdc.balanceOf(recipient), 100e6, "recipient paid");
        vm.assertEq(usdc.balanceOf(alice), 0, "earner not paid");
        vm.assertEq(usdc.balanceOf(claimer), 0, "claimer not paid");
        vm.assertEq(rewards.cumulativeClaimed(alice, address(usdc)), 100e6, "claimed for the earner");
    }

    function test_claim_byEarnerToAnotherRecipient() public {
        vm.prank(alice);
        rewards.claim(0, alice, recipient, _claims1(_claim(tree0, alice, address(usdc), 100e6)));
        vm.assertEq(usdc.balanceOf(recipient), 100e6, "recipient paid");
    }

    function test_claim_batchOfThreeTokens() public {
        MockERC20 third = new MockERC20("Third", "THIRD", 8);
        _create(_proRata(third, 1e8));
        _skip(DAY);
        Earning[] memory earnings = new Earning[](4);
        earnings[0] = Earning({earner: alice, token: address(usdc), cumulative: 10e6});
        earnings[1] = Earning({earner: alice, token: address(rwd), cumulative: 2 ether});
        earnings[2] = Earning({earner: alice, token: address(third), cumulative: 3e7});
        earnings[3] = Earning({earner: bob, token: address(third), cumulative: 4e7});
        bytes32[] memory tree = _tree(earnings);
        uint32 index = _submitActive(tree);

        TokenClaim[] memory claims = new TokenClaim[](3);
        claims[0] = _claim(tree, alice, address(usdc), 10e6);
        claims[1] = _claim(tree, alice, address(rwd), 2 ether);
        claims[2] = _claim(tree, alice, address(third), 3e7);
        vm.expectEmit(address(rewards));
        emit IRampartRewards.RewardsClaimed(index, alice, address(usdc), recipient, 10e6, 10e6);
        vm.expectEmit(address(rewards));
        emit IRampartRewards.RewardsClaimed(index, alice, address(rwd), recipient, 2 ether, 2 ether);
        vm.expectEmit(address(rewards));
        emit IRampartRewards.RewardsClaimed(index, alice, address(third), recipient, 3e7, 3e7);
        vm.prank(alice);
        rewards.claim(index, alice, recipient, claims);

        vm.assertEq(usdc.balanceOf(recipient), 10e6, "usdc");
        vm.assertEq(rwd.balanceOf(recipient), 2 ether, "rwd");
        vm.assertEq(third.balanceOf(recipient), 3e7, "third");
        vm.assertEq(rewards.totalClaimed(address(third)), 3e7, "third claimed");
    }

    function test_claim_batchRevertsWholeWhenOneTokenHasNothing() public {
        vm.prank(alice);
        rewards.claim(0, alice, alice, _claims1(_claim(tree0, alice, address(rwd), 10 ether)));

        TokenClaim[] memory claims = new TokenClaim[](2);
        claims[0] = _claim(tree0, alice, address(usdc), 100e6);
        claims[1] = _claim(tree0, alice, address(rwd), 10 ether);
        vm.expectRevert(
            abi.encodeWithSelector(IRampartRewards.NothingToClaim.selector, alice, address(rwd), 10 ether, 10 ether)
        );
        vm.prank(alice);
        rewards.claim(0, alice, alice, claims);
    }

    function test_claim_sameTokenTwiceInBatchReverts() public {
        TokenClaim[] memory claims = new TokenClaim[](2);
        claims[0] = _claim(tree0, alice, address(usdc), 100e6);
        claims[1] = claims[0];
        vm.expectRevert(
            abi.encodeWithSelector(IRampartRewards.NothingToClaim.selector, alice, address(usdc), 100e6, 100e6)
        );
        vm.prank(alice);
        rewards.claim(0, alice, alice, claims);
    }

    /// @dev A root of a single leaf has an empty proof.
    function test_claim_singleLeafRoot() public {
        _skip(DAY);
        Earning[] memory earnings = new Earning[](1);
        earnings[0] = Earning({earner: bob, token: address(rwd), cumulative: 1 ether});
        bytes32[] memory tree = _tree(earnings);
        uint32 index = _submitActive(tree);
        TokenClaim memory c = _claim(tree, bob, address(rwd), 1 ether);
        vm.assertEq(c.proof.length, 0, "empty proof");
        vm.prank(bob);
        rewards.claim(index, bob, bob, _claims1(c));
        vm.assertEq(rwd.balanceOf(bob), 1 ether, "paid");
    }

    // ─────────────────────────── claim: refusals ──────────────────────

    function test_claim_revertsWhenPaused() public {
        vm.prank(pauser);
        rewards.pause(PAUSE_CLAIMS);
        TokenClaim[] memory claims = _claims1(_claim(tree0, alice, address(usdc), 100e6));
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.RewardsPaused.selector, PAUSE_CLAIMS));
        vm.prank(alice);
        rewards.claim(0, alice, alice, claims);

        vm.prank(unpauser);
        rewards.unpause(PAUSE_CLAIMS);
        vm.prank(alice);
        rewards.claim(0, alice, alice, claims);
        vm.assertEq(usdc.balanceOf(alice), 100e6, "paid after unpause");
    }

    function test_claim_notBlockedByProgramsPause() public {
        vm.prank(pauser);
        rewards.pause(1);
        vm.prank(alice);
        rewards.claim(0, alice, alice, _claims1(_claim(tree0, alice, address(usdc), 100e6)));
    }

    function test_claim_revertsWhenNoClaims() public {
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.NoClaims.selector));
        vm.prank(alice);
        rewards.claim(0, alice, alice, new TokenClaim[](0));
    }

    function test_claim_revertsWhenRecipientZero() public {
        TokenClaim[] memory claims = _claims1(_claim(tree0, alice, address(usdc), 100e6));
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.ZeroAddress.selector));
        vm.prank(alice);
        rewards.claim(0, alice, address(0), claims);
    }

    function test_claim_revertsWhenNotClaimer() public {
        TokenClaim[] memory claims = _claims1(_claim(tree0, alice, address(usdc), 100e6));
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.NotClaimer.selector, stranger, alice));
        vm.prank(stranger);
        rewards.claim(0, alice, stranger, claims);

        // Another earner's claimer is no claimer of alice.
        vm.prank(bob);
        rewards.setClaimer(claimer);
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.NotClaimer.selector, claimer, alice));
        vm.prank(claimer);
        rewards.claim(0, alice, claimer, claims);
    }

    function test_claim_revertsWhenRootUnknown() public {
        TokenClaim[] memory claims = _claims1(_claim(tree0, alice, address(usdc), 100e6));
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.UnknownRoot.selector, uint32(1)));
        vm.prank(alice);
        rewards.claim(1, alice, alice, claims);
    }

    function test_claim_revertsBeforeActivation() public {
        _skip(DAY);
        bytes32[] memory tree1 = _tree(_earnings3(alice, 250e6, 20 ether, bob, 80e6));
        uint32 index = _submit(tree1[0], _today());
        uint40 activatesAt = uint40(block.timestamp) + ACTIVATION_DELAY;
        _skip(ACTIVATION_DELAY - 1);
        TokenClaim[] memory claims = _claims1(_claim(tree1, alice, address(usdc), 250e6));
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.RootNotActive.selector, index, activatesAt));
        vm.prank(alice);
        rewards.claim(index, alice, alice, claims);

        _skip(1);
        vm.prank(alice);
        rewards.claim(index, alice, alice, claims);
        vm.assertEq(usdc.balanceOf(alice), 250e6, "paid at activatesAt");
    }

    function test_claim_revertsWhenRootDisabled() public {
        _skip(DAY);
        bytes32[] memory bad = _tree(_earnings3(alice, 900e6, 90 ether, bob, 100e6));
        uint32 index = _submit(bad[0], _today());
        vm.prank(pauser);
        rewards.disableRoot(index);
        _skip(ACTIVATION_DELAY);

        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.RootDisabled.selector, index));
        vm.prank(alice);
        rewards.claim(index, alice, alice, _claims1(_claim(bad, alice, address(usdc), 900e6)));
    }

    function test_claim_revertsWhenProofInvalid() public {
        // Wrong amount.
        TokenClaim memory c = _claim(tree0, alice, address(usdc), 100e6);
        c.cumulativeAmount = 101e6;
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.InvalidProof.selector, alice, address(usdc), 101e6));
        vm.prank(alice);
        rewards.claim(0, alice, alice, _claims1(c));

        // Wrong earner: bob replays alice's proof.
        c.cumulativeAmount = 100e6;
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.InvalidProof.selector, bob, address(usdc), 100e6));
        vm.prank(bob);
        rewards.claim(0, bob, bob, _claims1(c));

        // Wrong token.
        c.token = address(rwd);
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.InvalidProof.selector, alice, address(rwd), 100e6));
        vm.prank(alice);
        rewards.claim(0, alice, alice, _claims1(c));
    }

    function test_claim_revertsWhenProofTruncated() public {
        TokenClaim memory c = _claim(tree0, alice, address(usdc), 100e6);
        bytes32[] memory truncated = new bytes32[](c.proof.length - 1);
        for (uint256 i; i < truncated.length; ++i) {
            truncated[i] = c.proof[i];
        }
        c.proof = truncated;
        vm.expectRevert(abi.encodeWithSelector(IRampartRewards.InvalidProof.selector, alice, address(usdc), 100e6));
        vm.prank(alice);
        rewards.claim(0, alice, alice, _claims1(c));
    }

    /// @dev A root that promises more than was funded pays out at most the funding of each token.
    function test_claim_revertsWhenExceedsFunding() public {
        _skip(DAY);
        bytes32[] memory bad = _tree(_earnings3(alice, 900e6, 90 ether, bob, 200e6));
        uint32 index = _submitActive(bad);

        vm.prank(alice);
        rewards.claim(index, alice, alice, _claims1(_claim(bad, alice, address(usdc), 900e6)));
        vm.expectRevert(
            abi.encodeWithSelector(IRampartRewards.ClaimExceedsFunding.selector, address(usdc), 1_100e6, FUNDED_USDC)
        );
        vm.prank(bob);
        rewards.claim(index, bob, bob, _claims1(_claim(bad, bob, address(usdc), 200e6)));

        vm.assertEq(rewards.totalClaimed(address(usdc)), 900e6, "claimed");
        vm.assertEq(usdc.balanceOf(address(rewards)), 100e6, "escrow left");
    }

    /// @dev The bound is per token: another token's funding does not cover it.
    function test_claim_revertsWhenTokenNeverFunded() public {
        MockERC20 unfunded = new MockERC20("Unfunded", "UNF", 18);
        unfunded.mint(address(rewards), 5 ether); // sent unasked: not funding
        _skip(DAY);
        Earning[] memory earnings = new Earning[](1);
        earnings[0] = Earning({earner: alice, token: address(unfunded), cumulative: 1 ether});
        bytes32[] memory tree = _tree(earnings);
        uint32 index = _submitActive(tree);
        vm.expectRevert(
            abi.encodeWithSelector(IRampartRewards.ClaimExceedsFunding.selector, address(unfunded), 1 ether, 0)
        );
        vm.prank(alice);
        rewards.claim(index, alice, alice, _claims1(_claim(tree, alice, address(unfunded), 1 ether)));
    }

    function test_claim_revertsWhenTokenReenters() public {
        CallbackERC20 token = new CallbackERC20();
        _create(_proRata(MockERC20(address(token)), 10 ether));
        _skip(DAY);
        Earning[] memory earnings = new Earning[](1);
        earnings[0] = Earning({earner: alice, token: address(token), cumulative: 1 ether});
        bytes32[] memory tree = _tree(earnings);
        uint32 index = _submitActive(tree);
        TokenClaim[] memory claims = _claims1(_claim(tree, alice, address(token), 1 ether));

        token.setCallback(address(rewards), abi.encodeCall(rewards.claim, (index, alice, alice, claims)));
        vm.expectRevert(abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector));
        vm.prank(alice);
        rewards.claim(index, alice, alice, claims);
    }

    // ─────────────────────────── Helpers ──────────────────────────────

    /// @dev Earnings of `a` in USDC and RWD and of `b` in USDC.
    function _earnings3(address a, uint256 aUsdc, uint256 aRwd, address b, uint256 bUsdc)
        internal
        view
        returns (Earning[] memory earnings)
    {
        earnings = new Earning[](3);
        earnings[0] = Earning({earner: a, token: address(usdc), cumulative: aUsdc});
        earnings[1] = Earning({earner: a, token: address(rwd), cumulative: aRwd});
        earnings[2] = Earning({earner: b, token: address(usdc), cumulative: bUsdc});
    }
}
