// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

// Invariants (each an invariant_* function below: checked after every handler call in its own campaign, and all of
// them at the end of every run of every campaign by afterInvariant):
// invariant_solvency                            token balance of the core ≥ totalDeposited, per asset
// invariant_balanceEqualsDepositsPlusDonations  token balance of the core == totalDeposited + tokens sent unasked
// invariant_assetTotalEqualsSumOfPools          totalDeposited == Σ pools' totalAssets, per asset
// invariant_poolSharesEqualPositionsPlusQueued  pool totalShares == Σ stakers' sharesOf + Σ queued withdrawal shares
// invariant_encumberedAtMostMaxMagnitude        encumbered ≤ max magnitude, and Σ sets' slashable magnitudes ≤ it
// invariant_encumberedEqualsSumOfAllocations    encumbered == Σ sets max(magnitude, pendingMagnitude) (raw storage)
// invariant_allocationViewMatchesRawStorage     getAllocation == raw allocation with a due pending change applied
// invariant_allocatedPoolsCountMatches          Membership.allocatedPools == #assets with raw magnitude or pending ≠ 0
// invariant_nonMembersHaveNoAllocation          not a member ⇒ no allocation (current or pending) and no count
// invariant_noPendingWithoutEffectTime          effectAt == 0 ⇒ pending == 0; effectAt ≠ 0 ⇒ pending ≠ magnitude
// invariant_fullySlashedPoolsHaveNoAllocations  max magnitude 0 ⇒ no assets, nothing encumbered, no allocation
// invariant_slashableSumAtMostPoolAssets        Σ sets slashableAssets ≤ pool totalAssets
// invariant_slashNeverExceedsAllocation         every slash took > 0 magnitude and ≤ the set's slashableAssets before
// invariant_slashIsolation                      a slash moves no other set's slashableAssets (other sets on the
//                                               slashed pool may gain the 1 wei the slash rounded down, never lose)
// invariant_slashMatchesModel                   slash took floor(m*wad/WAD) magnitude (from m, M and encumbered)
//                                               and floor(A*slashed/M) assets, sent to the set's recipient
// invariant_slashedMagnitudeMatchesGhost        pool slashedMagnitude == Σ magnitude its slashes took
// invariant_slashRecipientsReceivedExactly      burn address, sink and treasury hold exactly what slashes sent them
// invariant_tokenConservation                   minted == held by core + paid to receivers + burned + slash recipients
// invariant_stakerNeverWithdrawsMoreThanDeposited paid + value of positions + value of queued ≤ deposited
//                                               (+ at most 1 wei per rounding operation: others' rounding dust)
// invariant_stakersTogetherNeverGainValue       Σ stakers (paid + positions + queued) + Σ slashed ≤ Σ deposited
// invariant_withdrawalHashesMatchGhost          isWithdrawalPending(id) exactly for the ghost's pending ids
// invariant_slashRequestsMatchGhost             slashCount and every request's status match the ghost
// invariant_previewsMatchExecution              deposit/complete gave what assetsToShares/sharesToAssets said
// invariant_allocationChangesFollowModel        an allocation change lands at the model's target and effect time
// invariant_queuedWithdrawalsAsAsked            each queued Withdrawal has the id, delay, shares and parties asked

import {vm} from "../utils/Vm.sol";
import {RampartTestBase} from "../utils/RampartTestBase.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {RampartHandler, HandlerConfig, RawAllocation} from "./RampartHandler.sol";
import {Allocation, Membership, Pool, SlashingPolicy, SlashStatus, Withdrawal} from "../../src/interfaces/IRampart.sol";

/// @notice Stateful fuzzing of the whole protocol: random valid actions by five stakers, three operators (one with a
/// delegate and an allocation delay), two services with three operator sets, governance and time.
contract RampartInvariantsTest is RampartTestBase {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    uint32 internal constant ALLOCATION_DELAY_C = 2 days;

    address internal operatorC = address(0xC1);
    address internal delegateC = address(0xDE1E);
    address internal treasury = address(0x7EA5);
    address internal extraReceiver = address(0xEC);

    RampartHandler internal handler;
    /// @dev Instant slashing up to 100%, only wstETH, slashed funds to `treasury`.
    uint32 internal fullSet;

    address[5] internal stakers;
    address[3] internal ops;
    MockERC20[2] internal toks;
    uint32[3] internal setIds;

    function setUp() public {
        vm.prank(operatorC);
        directory.registerOperator("ipfs://operator-c", delegateC, ALLOCATION_DELAY_C);

        address[] memory onlyWstETH = new address[](1);
        onlyWstETH[0] = address(wstETH);
        vm.prank(serviceDA);
        fullSet = rampart.createOperatorSet(
            onlyWstETH,
            SlashingPolicy({
                vetoWindow: 0,
                deallocationDelay: 2 days,
                maxSlashWad: WAD,
                vetoCommittee: address(0),
                slashRecipient: treasury
            }),
            address(0)
        );

        stakers = [alice, bob, address(0x5701), address(0x5702), address(0x5703)];
        ops = [operatorA, operatorB, operatorC];
        toks = [wstETH, rETH];
        setIds = [instantSet, vetoSet, fullSet];
        handler = new RampartHandler(
            HandlerConfig({
                rampart: rampart,
                governance: governance,
                vetoCommittee: vetoCommittee,
                stakers: stakers,
                extraReceiver: extraReceiver,
                operators: ops,
                delegate: delegateC,
                tokens: toks,
                sets: setIds,
                services: [serviceDA, serviceBridge, serviceDA],
                recipients: [rampart.BURN_ADDRESS(), slashSink, treasury]
            })
        );
        vm.label(address(handler), "Handler");
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        bytes4[] memory selectors = new bytes4[](17);
        selectors[0] = RampartHandler.deposit.selector;
        selectors[1] = RampartHandler.queueWithdrawal.selector;
        selectors[2] = RampartHandler.queueRedelegation.selector;
        selectors[3] = RampartHandler.completeWithdrawal.selector;
        selectors[4] = RampartHandler.donate.selector;
        selectors[5] = RampartHandler.joinOperatorSet.selector;
        selectors[6] = RampartHandler.leaveOperatorSet.selector;
        selectors[7] = RampartHandler.allocate.selector;
        selectors[8] = RampartHandler.settleAllocation.selector;
        selectors[9] = RampartHandler.slashInstant.selector;
        selectors[10] = RampartHandler.requestSlash.selector;
        selectors[11] = RampartHandler.vetoSlash.selector;
        selectors[12] = RampartHandler.executeSlash.selector;
        selectors[13] = RampartHandler.warp.selector;
        selectors[14] = RampartHandler.setWithdrawalDelay.selector;
        // Allocation drives slashing: give it three times the weight.
        selectors[15] = RampartHandler.allocate.selector;
        selectors[16] = RampartHandler.allocate.selector;
        targets = new FuzzSelector[](1);
        targets[0] = FuzzSelector({addr: address(handler), selectors: selectors});
    }

    /// @dev Forge runs a separate campaign for each invariant_* function and checks only that one after every call.
    /// At the end of every run of every campaign, check them all (the sticky ghost flags above all), so that each rule
    /// gets the exploration of all campaigns, not only of its own.
    function afterInvariant() public view {
        invariant_solvency();
        invariant_balanceEqualsDepositsPlusDonations();
        invariant_assetTotalEqualsSumOfPools();
        invariant_poolSharesEqualPositionsPlusQueued();
        invariant_encumberedAtMostMaxMagnitude();
        invariant_encumberedEqualsSumOfAllocations();
        invariant_allocationViewMatchesRawStorage();
        invariant_allocatedPoolsCountMatches();
        invariant_nonMembersHaveNoAllocation();
        invariant_noPendingWithoutEffectTime();
        invariant_fullySlashedPoolsHaveNoAllocations();
        invariant_slashableSumAtMostPoolAssets();
        invariant_slashNeverExceedsAllocation();
        invariant_slashIsolation();
        invariant_slashMatchesModel();
        invariant_slashedMagnitudeMatchesGhost();
        invariant_slashRecipientsReceivedExactly();
        invariant_tokenConservation();
        invariant_stakerNeverWithdrawsMoreThanDeposited();
        invariant_stakersTogetherNeverGainValue();
        invariant_withdrawalHashesMatchGhost();
        invariant_slashRequestsMatchGhost();
        invariant_previewsMatchExecution();
        invariant_allocationChangesFollowModel();
        invariant_queuedWithdrawalsAsAsked();
    }

    // ─────────────────────────────── Accounting ───────────────────────────────

    function invariant_solvency() public view {
        for (uint256 a; a < 2; ++a) {
            vm.assertGe(
                toks[a].balanceOf(address(rampart)),
                rampart.getAsset(address(toks[a])).totalDeposited,
                "core holds less than it owes"
            );
        }
    }

    function invariant_balanceEqualsDepositsPlusDonations() public view {
        for (uint256 a; a < 2; ++a) {
            address asset = address(toks[a]);
            vm.assertEq(
                toks[a].balanceOf(address(rampart)),
                rampart.getAsset(asset).totalDeposited + handler.ghostDonated(asset),
                "balance != deposits + donations"
            );
        }
    }

    function invariant_assetTotalEqualsSumOfPools() public view {
        for (uint256 a; a < 2; ++a) {
            uint256 sum;
            for (uint256 o; o < 3; ++o) {
                sum += rampart.getPool(ops[o], address(toks[a])).totalAssets;
            }
            vm.assertEq(rampart.getAsset(address(toks[a])).totalDeposited, sum, "totalDeposited != sum of pools");
        }
    }

    function invariant_poolSharesEqualPositionsPlusQueued() public view {
        uint256[6] memory queued;
        uint256 n = handler.pendingCount();
        for (uint256 i; i < n; ++i) {
            Withdrawal memory w = handler.pendingAt(i);
            queued[_opIndex(w.operator) * 2 + _assetIndex(w.asset)] += w.shares;
        }
        for (uint256 o; o < 3; ++o) {
            for (uint256 a; a < 2; ++a) {
                uint256 sum = queued[o * 2 + a];
                for (uint256 s; s < 5; ++s) {
                    sum += rampart.sharesOf(stakers[s], ops[o], address(toks[a]));
                }
                vm.assertEq(
                    rampart.getPool(ops[o], address(toks[a])).totalShares, sum, "pool shares != positions + queued"
                );
            }
        }
    }

    // ─────────────────────────────── Magnitudes ───────────────────────────────

    function invariant_encumberedAtMostMaxMagnitude() public view {
        for (uint256 o; o < 3; ++o) {
            for (uint256 a; a < 2; ++a) {
                Pool memory p = rampart.getPool(ops[o], address(toks[a]));
                uint256 maxMag = WAD - p.slashedMagnitude;
                vm.assertLe(p.encumberedMagnitude, maxMag, "encumbered above max magnitude");
                vm.assertEq(rampart.maxMagnitude(ops[o], address(toks[a])), maxMag, "maxMagnitude view");
                uint256 sum;
                for (uint256 s; s < 3; ++s) {
                    sum += rampart.getAllocation(ops[o], address(toks[a]), setIds[s]).magnitude;
                }
                vm.assertLe(sum, maxMag, "slashable magnitudes above max magnitude");
            }
        }
    }

    function invariant_encumberedEqualsSumOfAllocations() public view {
        for (uint256 o; o < 3; ++o) {
            for (uint256 a; a < 2; ++a) {
                uint256 sum;
                for (uint256 s; s < 3; ++s) {
                    RawAllocation memory r = handler.rawAllocation(ops[o], address(toks[a]), setIds[s]);
                    sum += r.magnitude > r.pendingMagnitude ? r.magnitude : r.pendingMagnitude;
                }
                vm.assertEq(
                    rampart.getPool(ops[o], address(toks[a])).encumberedMagnitude,
                    sum,
                    "encumbered != sum of max(m, pending)"
                );
            }
        }
    }

    /// @dev The raw mirror comes from AllocationUpdated events; untouched keys mirror as zero.
    function invariant_allocationViewMatchesRawStorage() public view {
        for (uint256 o; o < 3; ++o) {
            for (uint256 a; a < 2; ++a) {
                for (uint256 s; s < 3; ++s) {
                    RawAllocation memory r = handler.rawAllocation(ops[o], address(toks[a]), setIds[s]);
                    Allocation memory v = rampart.getAllocation(ops[o], address(toks[a]), setIds[s]);
                    bool due = r.effectAt != 0 && block.timestamp >= r.effectAt;
                    vm.assertEq(v.magnitude, due ? r.pendingMagnitude : r.magnitude, "view magnitude");
                    vm.assertEq(v.pendingMagnitude, due ? 0 : r.pendingMagnitude, "view pending");
                    vm.assertEq(v.effectAt, due ? 0 : r.effectAt, "view effectAt");
                }
            }
        }
    }

    function invariant_allocatedPoolsCountMatches() public view {
        for (uint256 o; o < 3; ++o) {
            for (uint256 s; s < 3; ++s) {
                uint256 count;
                for (uint256 a; a < 2; ++a) {
                    RawAllocation memory r = handler.rawAllocation(ops[o], address(toks[a]), setIds[s]);
                    if (r.magnitude != 0 || r.pendingMagnitude != 0) ++count;
                }
                vm.assertEq(rampart.getMembership(ops[o], setIds[s]).allocatedPools, count, "allocatedPools");
            }
        }
    }

    function invariant_nonMembersHaveNoAllocation() public view {
        for (uint256 o; o < 3; ++o) {
            for (uint256 s; s < 3; ++s) {
                Membership memory m = rampart.getMembership(ops[o], setIds[s]);
                if (m.member) continue;
                vm.assertEq(m.allocatedPools, 0, "non-member with allocated pools");
                for (uint256 a; a < 2; ++a) {
                    RawAllocation memory r = handler.rawAllocation(ops[o], address(toks[a]), setIds[s]);
                    vm.assertEq(r.magnitude, 0, "non-member with magnitude");
                    vm.assertEq(r.pendingMagnitude, 0, "non-member with pending magnitude");
                    vm.assertEq(rampart.slashableAssets(ops[o], address(toks[a]), setIds[s]), 0, "non-member slashable");
                }
            }
        }
    }

    function invariant_noPendingWithoutEffectTime() public view {
        for (uint256 o; o < 3; ++o) {
            for (uint256 a; a < 2; ++a) {
                for (uint256 s; s < 3; ++s) {
                    RawAllocation memory r = handler.rawAllocation(ops[o], address(toks[a]), setIds[s]);
                    if (r.effectAt == 0) {
                        vm.assertEq(r.pendingMagnitude, 0, "pending magnitude without effect time");
                    } else {
                        vm.assertNotEq(r.pendingMagnitude, r.magnitude, "pending change that changes nothing");
                    }
                }
            }
        }
    }

    function invariant_fullySlashedPoolsHaveNoAllocations() public view {
        for (uint256 o; o < 3; ++o) {
            for (uint256 a; a < 2; ++a) {
                Pool memory p = rampart.getPool(ops[o], address(toks[a]));
                if (p.slashedMagnitude != WAD) continue;
                vm.assertEq(p.totalAssets, 0, "fully slashed pool with assets");
                vm.assertEq(p.encumberedMagnitude, 0, "fully slashed pool with encumbered magnitude");
                for (uint256 s; s < 3; ++s) {
                    RawAllocation memory r = handler.rawAllocation(ops[o], address(toks[a]), setIds[s]);
                    vm.assertEq(uint256(r.magnitude) + r.pendingMagnitude, 0, "fully slashed pool with allocation");
                }
            }
        }
    }

    function invariant_slashableSumAtMostPoolAssets() public view {
        for (uint256 o; o < 3; ++o) {
            for (uint256 a; a < 2; ++a) {
                uint256 sum;
                for (uint256 s; s < 3; ++s) {
                    sum += rampart.slashableAssets(ops[o], address(toks[a]), setIds[s]);
                }
                vm.assertLe(
                    sum, rampart.getPool(ops[o], address(toks[a])).totalAssets, "sets can slash more than the pool"
                );
            }
        }
    }

    // ─────────────────────────────── Slashing ───────────────────────────────

    function invariant_slashNeverExceedsAllocation() public view {
        vm.assertFalse(handler.overSlash(), "a slash took more than the set could slash");
        vm.assertFalse(handler.zeroMagnitudeSlash(), "a slash took no magnitude");
    }

    function invariant_slashIsolation() public view {
        vm.assertFalse(handler.isolationBroken(), "a slash changed another set's slashable assets");
    }

    function invariant_slashMatchesModel() public view {
        vm.assertFalse(handler.slashModelMismatch(), "a slash differed from the magnitude model");
    }

    function invariant_slashedMagnitudeMatchesGhost() public view {
        for (uint256 o; o < 3; ++o) {
            for (uint256 a; a < 2; ++a) {
                vm.assertEq(
                    rampart.getPool(ops[o], address(toks[a])).slashedMagnitude,
                    handler.ghostSlashedMagnitude(ops[o], address(toks[a])),
                    "slashedMagnitude != sum of slashes"
                );
            }
        }
    }

    function invariant_slashRecipientsReceivedExactly() public view {
        address[3] memory recipients = handler.recipients();
        for (uint256 r; r < 3; ++r) {
            for (uint256 a; a < 2; ++a) {
                vm.assertEq(
                    toks[a].balanceOf(recipients[r]),
                    handler.ghostSlashReceived(recipients[r], address(toks[a])),
                    "slash recipient balance"
                );
            }
        }
    }

    // ───────────────────────────── Conservation ─────────────────────────────

    function invariant_tokenConservation() public view {
        address[3] memory recipients = handler.recipients();
        for (uint256 a; a < 2; ++a) {
            MockERC20 token = toks[a];
            uint256 wallets = token.balanceOf(extraReceiver);
            for (uint256 s; s < 5; ++s) {
                wallets += token.balanceOf(stakers[s]);
            }
            vm.assertEq(wallets, handler.ghostPaidTotal(address(token)), "wallets != paid out");
            uint256 held = token.balanceOf(address(rampart)) + wallets;
            for (uint256 r; r < 3; ++r) {
                held += token.balanceOf(recipients[r]);
            }
            vm.assertEq(handler.ghostMinted(address(token)), held, "tokens created or lost");
        }
    }

    /// @dev A staker can gain only the rounding dust others leave in a pool (< 1 wei per rounding operation).
    function invariant_stakerNeverWithdrawsMoreThanDeposited() public view {
        uint256 dust = handler.ghostRoundingOps();
        for (uint256 s; s < 5; ++s) {
            for (uint256 a; a < 2; ++a) {
                uint256 worth = _stakerWorth(stakers[s], address(toks[a]));
                vm.assertLe(worth, handler.ghostDeposited(stakers[s], address(toks[a])) + dust, "staker gained value");
            }
        }
    }

    function invariant_stakersTogetherNeverGainValue() public view {
        address[3] memory recipients = handler.recipients();
        for (uint256 a; a < 2; ++a) {
            address asset = address(toks[a]);
            uint256 worth;
            uint256 deposited;
            for (uint256 s; s < 5; ++s) {
                worth += _stakerWorth(stakers[s], asset);
                deposited += handler.ghostDeposited(stakers[s], asset);
            }
            for (uint256 r; r < 3; ++r) {
                worth += handler.ghostSlashReceived(recipients[r], asset);
            }
            vm.assertLe(worth, deposited, "stakers and slashes together exceed deposits");
        }
    }

    // ───────────────────────────── Queues, requests ─────────────────────────────

    function invariant_withdrawalHashesMatchGhost() public view {
        uint64 count = rampart.withdrawalCount();
        vm.assertEq(count, handler.ghostWithdrawalCount(), "withdrawalCount");
        uint256 pendingIds;
        for (uint64 id = 1; id <= count; ++id) {
            bool pending = rampart.isWithdrawalPending(id);
            vm.assertEq(pending, handler.ghostPendingId(id), "isWithdrawalPending != ghost");
            if (pending) ++pendingIds;
        }
        vm.assertEq(pendingIds, handler.pendingCount(), "pending list size");
        vm.assertFalse(rampart.isWithdrawalPending(count + 1), "id beyond count pending");
    }

    function invariant_slashRequestsMatchGhost() public view {
        uint256 count = rampart.slashCount();
        vm.assertEq(count, handler.ghostSlashCount(), "slashCount");
        uint256 open;
        for (uint256 id = 1; id <= count; ++id) {
            SlashStatus status = rampart.getSlashRequest(id).status;
            vm.assertEq(uint256(status), uint256(handler.ghostSlashStatus(id)), "slash request status");
            if (status == SlashStatus.Pending) ++open;
        }
        vm.assertEq(open, handler.openRequestCount(), "open requests");
    }

    /// @dev A redelegation into a live pool must stay completable: the shares it would mint there fit the pool's
    /// uint128 share supply (else completeWithdrawal reverts and the staker's assets are stuck in the queue).
    /// Broken today by a near-total slash of the target pool (share price collapse; SafeCast overflow in
    /// completeWithdrawal): rare at the quick profile's depth, found by deeper runs.
    function invariant_previewsMatchExecution() public view {
        vm.assertFalse(handler.previewMismatch(), "deposit or completion differed from its preview");
    }

    function invariant_allocationChangesFollowModel() public view {
        vm.assertFalse(handler.allocationModelMismatch(), "allocation change differed from the model");
    }

    function invariant_queuedWithdrawalsAsAsked() public view {
        vm.assertFalse(handler.withdrawalMismatch(), "queued withdrawal differed from the request");
    }

    // ─────────────────────────────── Helpers ───────────────────────────────

    /// @dev Paid out + what the staker's positions and queued withdrawals of `asset` are worth now.
    function _stakerWorth(address staker, address asset) internal view returns (uint256 worth) {
        worth = handler.ghostPaid(staker, asset);
        for (uint256 o; o < 3; ++o) {
            worth += rampart.sharesToAssets(ops[o], asset, rampart.sharesOf(staker, ops[o], asset));
        }
        uint256 n = handler.pendingCount();
        for (uint256 i; i < n; ++i) {
            Withdrawal memory w = handler.pendingAt(i);
            if (w.staker == staker && w.asset == asset) worth += rampart.sharesToAssets(w.operator, asset, w.shares);
        }
    }

    function _opIndex(address op) internal view returns (uint256 i) {
        while (ops[i] != op) ++i;
    }

    function _assetIndex(address asset) internal view returns (uint256 i) {
        while (address(toks[i]) != asset) ++i;
    }
}
