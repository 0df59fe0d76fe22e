// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {vm} from "../utils/Vm.sol";
import {Merkle} from "../utils/Merkle.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {RampartRewards} from "../../src/RampartRewards.sol";
import {
    IRampartRewards,
    DistributionRoot,
    ProgramKind,
    ProgramParams,
    TokenClaim
} from "../../src/interfaces/IRampartRewards.sol";

/// @notice Who and what the rewards handler acts on; built by the invariant suite's setUp.
struct RewardsHandlerConfig {
    RampartRewards rewards;
    address governance;
    address updater;
    address pauser;
    MockERC20[2] tokens;
    /// @dev [serviceDA, serviceBridge] and their sets; both sets accept `assets`.
    address[2] services;
    uint32[2] sets;
    address[2] assets;
    /// @dev Ascending, for OperatorDirected programs.
    address[2] operators;
    /// @dev Every leaf of every root is one of these (operators and stakers).
    address[4] earners;
    /// @dev earners[0] named `claimer`, which claims for it to `claimRecipient`.
    address claimer;
    address claimRecipient;
}

/// @notice Drives RampartRewards through random programs, roots (honest ones within the funding, and greedy ones that
/// promise more than was funded), disabled roots, time and claims, and keeps ghost state for the invariant suite.
/// A claim is predicted before it is made (paid amounts, or the exact error of a disabled, pending, exhausted or
/// over-funding claim); the handler reverts when the contract does anything else, which fail_on_revert reports.
contract RewardsHandler {
    uint256 internal constant N_EARNERS = 4;
    uint256 internal constant N_TOKENS = 2;
    uint256 internal constant N_LEAVES = N_EARNERS * N_TOKENS;
    /// @dev Keeps the invariants' scan over roots cheap.
    uint256 internal constant MAX_ROOTS = 24;
    uint32 internal constant DAY = 1 days;

    RampartRewards public rewards;
    address public governance;
    address public updater;
    address public pauser;
    address public claimer;
    address public claimRecipient;

    MockERC20[2] internal _tokens;
    address[2] internal _services;
    uint32[2] internal _sets;
    address[2] internal _assets;
    address[2] internal _operators;
    address[4] internal _earners;

    // ─────────────────────────────── Ghosts ───────────────────────────────

    mapping(address token => uint256) public ghostFunded;
    mapping(address token => uint256) public ghostPaid;
    uint64 public ghostPrograms;
    /// @dev Cumulative amounts of each root: [earner * N_TOKENS + token].
    uint256[N_LEAVES][] internal _rootAmounts;
    /// @dev The last honest root's amounts: what the earners are really owed, never above the funding.
    uint256[N_LEAVES] internal _honest;
    /// @dev cumulativeClaimed as last seen after a call; a lower value later is a decrease.
    uint256[N_LEAVES] internal _lastClaimed;
    /// @dev Sticky: some cumulativeClaimed went down.
    bool public claimedDecreased;

    /// @dev How often each action really ran (not skipped), for coverage checks.
    mapping(string action => uint256) public ran;

    constructor(RewardsHandlerConfig memory c) {
        rewards = c.rewards;
        governance = c.governance;
        updater = c.updater;
        pauser = c.pauser;
        claimer = c.claimer;
        claimRecipient = c.claimRecipient;
        _tokens = c.tokens;
        _services = c.services;
        _sets = c.sets;
        _assets = c.assets;
        _operators = c.operators;
        _earners = c.earners;
    }

    // ─────────────────────────────── Programs ───────────────────────────────

    /// @dev A valid program of either kind, by either service, in either token, starting anywhere in the window.
    function createProgram(uint256 seed, uint256 amount, uint256 scheduleSeed) external {
        uint256 s = seed % 2;
        MockERC20 token = _tokens[(seed / 2) % N_TOKENS];
        bool directed = (seed / 4) % 2 == 1;
        amount = _bound(amount, directed ? 2 : 1, 1e24);

        ProgramParams memory p;
        p.setId = _sets[s];
        p.kind = directed ? ProgramKind.OperatorDirected : ProgramKind.ProRata;
        p.token = address(token);
        p.amount = amount;
        uint256 today = block.timestamp - block.timestamp % DAY;
        // Today minus up to 29 days is within MAX_RETROACTIVE of now; plus up to 90 days within MAX_FUTURE.
        uint256 offset = scheduleSeed % 120;
        // forge-lint: disable-next-line(unsafe-typecast) a timestamp
        p.startTime = uint40(offset < 30 ? today - offset * DAY : today + (offset - 29) * DAY);
        // forge-lint: disable-next-line(unsafe-typecast) at most 365 days
        p.duration = uint32(_bound(scheduleSeed / 120, 1, 365)) * DAY;
        uint256 nAssets = (seed / 8) % 2 + 1;
        p.assets = new address[](nAssets);
        p.weights = new uint96[](nAssets);
        for (uint256 i; i < nAssets; ++i) {
            p.assets[i] = _assets[(i + seed / 16) % 2];
            // forge-lint: disable-next-line(unsafe-typecast) bounded to 96 bits
            p.weights[i] = uint96(_bound(seed >> (32 + 32 * i), 1, type(uint96).max));
        }
        if (directed) {
            p.operators = new address[](2);
            p.operators[0] = _operators[0];
            p.operators[1] = _operators[1];
            p.operatorAmounts = new uint256[](2);
            p.operatorAmounts[0] = _bound(seed >> 128, 1, amount - 1);
            p.operatorAmounts[1] = amount - p.operatorAmounts[0];
        }

        address service = _services[s];
        token.mint(service, amount);
        vm.startPrank(service);
        token.approve(address(rewards), amount);
        uint64 id = rewards.createProgram(p);
        vm.stopPrank();
        require(id == ++ghostPrograms, "program id");
        ghostFunded[address(token)] += amount;
        ++ran[directed ? "createProgramDirected" : "createProgramProRata"];
    }

    // ─────────────────────────────── Roots ───────────────────────────────

    /// @dev Three roots in four are honest: every amount at least the previous honest one, and the earners' total
    /// in each token within its funding. One in four is greedy: amounts up to twice the funding, some below what
    /// earners already claimed.
    function submitRoot(uint256 seed) external {
        if (_rootAmounts.length == MAX_ROOTS) return;
        uint256[N_LEAVES] memory amounts;
        bool greedy = seed % 4 == 0;
        for (uint256 t; t < N_TOKENS; ++t) {
            uint256 funded = ghostFunded[address(_tokens[t])];
            uint256 owed;
            for (uint256 e; e < N_EARNERS; ++e) {
                owed += _honest[e * N_TOKENS + t];
            }
            for (uint256 e; e < N_EARNERS; ++e) {
                uint256 k = e * N_TOKENS + t;
                uint256 r = uint256(keccak256(abi.encode(seed, k)));
                if (greedy) {
                    amounts[k] = _bound(r, 0, 2 * funded);
                } else {
                    // A quarter of what is left unowed, at most, for each earner: the total stays within funding.
                    uint256 raise = r % 3 == 0 ? 0 : _bound(r, 0, (funded - owed) / N_EARNERS);
                    amounts[k] = _honest[k] + raise;
                }
            }
        }
        if (!greedy) {
            for (uint256 k; k < N_LEAVES; ++k) {
                uint256 previous = _honest[k];
                _honest[k] = amounts[k];
                require(_honest[k] >= previous, "honest root decreased");
            }
        }

        bytes32 root = _build(amounts)[0];
        vm.prank(updater);
        // forge-lint: disable-next-line(unsafe-typecast) a timestamp
        uint32 index = rewards.submitRoot(root, uint40(block.timestamp - block.timestamp % DAY));
        require(index == _rootAmounts.length, "root index");
        _rootAmounts.push(amounts);
        ++ran[greedy ? "submitRootGreedy" : "submitRootHonest"];
    }

    /// @dev A pauser disables a random root if it is still pending.
    function disableRoot(uint256 seed) external {
        uint256 count = _rootAmounts.length;
        if (count == 0) return;
        // forge-lint: disable-next-line(unsafe-typecast) < MAX_ROOTS
        uint32 index = uint32(seed % count);
        DistributionRoot memory root = rewards.getRoot(index);
        if (root.disabled || block.timestamp >= root.activatesAt) return;
        vm.prank(pauser);
        rewards.disableRoot(index);
        ++ran["disableRoot"];
    }

    // ─────────────────────────────── Claims ───────────────────────────────

    /// @dev A claim as the handler will make it, with what it must pay or the error it must revert with.
    struct Attempt {
        uint32 index;
        address earner;
        address caller;
        address recipient;
        TokenClaim[] claims;
        uint256[2] paid;
        bytes expectedError;
    }

    /// @dev One earner claims one or both tokens against a random root, itself or (earners[0]) through its claimer.
    function claim(uint256 seed) external {
        if (_rootAmounts.length == 0) return;
        Attempt memory a = _attempt(seed);
        uint256[2] memory before = [_tokens[0].balanceOf(a.recipient), _tokens[1].balanceOf(a.recipient)];
        vm.prank(a.caller);
        try rewards.claim(a.index, a.earner, a.recipient, a.claims) {
            require(a.expectedError.length == 0, "claim should have reverted");
            for (uint256 t; t < N_TOKENS; ++t) {
                require(_tokens[t].balanceOf(a.recipient) - before[t] == a.paid[t], "paid amount");
                ghostPaid[address(_tokens[t])] += a.paid[t];
            }
            ++ran[a.claims.length == 2 ? "claimBatch" : "claim"];
        } catch (bytes memory reason) {
            require(a.expectedError.length != 0, "claim reverted unexpectedly");
            require(keccak256(reason) == keccak256(a.expectedError), "claim reverted with another error");
            ++ran[string.concat("claimRefused:", _name(bytes4(a.expectedError)))];
        }
        _checkClaimedNeverDecreased();
    }

    // ─────────────────────────────── Time and governance ───────────────────────────────

    function warp(uint256 secondsSeed) external {
        vm.warp(block.timestamp + _bound(secondsSeed, 1 hours, 3 days));
        ++ran["warp"];
    }

    /// @dev Governance changes the activation delay now and then (one call in four), down as well as up.
    function setActivationDelay(uint256 seed) external {
        if (seed % 4 != 0) return;
        vm.prank(governance);
        // forge-lint: disable-next-line(unsafe-typecast) at most 4 days
        rewards.setActivationDelay(uint32(_bound(seed / 4, 1 hours, 4 days)));
        ++ran["setActivationDelay"];
    }

    // ─────────────────────────────── Views ───────────────────────────────

    function rootCount() external view returns (uint256) {
        return _rootAmounts.length;
    }

    function rootAmount(uint256 index, uint256 earner, uint256 token) external view returns (uint256) {
        return _rootAmounts[index][earner * N_TOKENS + token];
    }

    function lastClaimed(uint256 earner, uint256 token) external view returns (uint256) {
        return _lastClaimed[earner * N_TOKENS + token];
    }

    // ─────────────────────────────── Internals ───────────────────────────────

    function _build(uint256[N_LEAVES] memory amounts) internal view returns (bytes32[] memory) {
        bytes32[] memory leaves = new bytes32[](N_LEAVES);
        for (uint256 e; e < N_EARNERS; ++e) {
            for (uint256 t; t < N_TOKENS; ++t) {
                uint256 k = e * N_TOKENS + t;
                leaves[k] = Merkle.leaf(_earners[e], address(_tokens[t]), amounts[k]);
            }
        }
        return Merkle.build(leaves);
    }

    function _attempt(uint256 seed) internal view returns (Attempt memory a) {
        uint256 count = _rootAmounts.length;
        // Mostly the latest roots, where the new money is.
        uint256 pick = seed % 4 == 0 ? (seed / 4) % count : count - 1 - ((seed / 4) % (count < 3 ? count : 3));
        // forge-lint: disable-next-line(unsafe-typecast) < MAX_ROOTS
        a.index = uint32(pick);
        uint256 e = (seed >> 64) % N_EARNERS;
        a.earner = _earners[e];
        bool viaClaimer = e == 0 && (seed >> 72) % 2 == 0;
        a.caller = viaClaimer ? claimer : a.earner;
        a.recipient = viaClaimer ? claimRecipient : a.earner;
        uint256 mask = (seed >> 80) % 3 + 1; // 1: token 0, 2: token 1, 3: both

        bytes32[] memory tree = _build(_rootAmounts[pick]);
        a.claims = new TokenClaim[](mask == 3 ? 2 : 1);
        a.expectedError = _rootError(a.index);
        uint256 n;
        for (uint256 t; t < N_TOKENS; ++t) {
            if ((mask >> t) & 1 == 0) continue;
            address token = address(_tokens[t]);
            uint256 cumulative = _rootAmounts[pick][e * N_TOKENS + t];
            a.claims[n++] = TokenClaim({
                token: token,
                cumulativeAmount: cumulative,
                proof: Merkle.proof(tree, Merkle.leaf(a.earner, token, cumulative))
            });
            // The first failure reverts the whole claim: later tokens need no prediction.
            if (a.expectedError.length == 0) (a.paid[t], a.expectedError) = _predict(a.earner, token, cumulative);
        }
    }

    /// @dev What claiming `cumulative` of `token` for `earner` pays, or the error it must revert with.
    function _predict(address earner, address token, uint256 cumulative)
        internal
        view
        returns (uint256 paid, bytes memory error_)
    {
        uint256 claimed = rewards.cumulativeClaimed(earner, token);
        if (cumulative <= claimed) {
            return
                (0, abi.encodeWithSelector(IRampartRewards.NothingToClaim.selector, earner, token, cumulative, claimed));
        }
        paid = cumulative - claimed;
        uint256 claimedAfter = rewards.totalClaimed(token) + paid;
        uint256 funded = rewards.totalFunded(token);
        if (claimedAfter > funded) {
            return
                (0, abi.encodeWithSelector(IRampartRewards.ClaimExceedsFunding.selector, token, claimedAfter, funded));
        }
    }

    /// @dev Why the root cannot be claimed against now (empty if it can).
    function _rootError(uint32 index) internal view returns (bytes memory) {
        DistributionRoot memory root = rewards.getRoot(index);
        if (root.disabled) return abi.encodeWithSelector(IRampartRewards.RootDisabled.selector, index);
        if (block.timestamp < root.activatesAt) {
            return abi.encodeWithSelector(IRampartRewards.RootNotActive.selector, index, root.activatesAt);
        }
        return "";
    }

    function _checkClaimedNeverDecreased() internal {
        for (uint256 e; e < N_EARNERS; ++e) {
            for (uint256 t; t < N_TOKENS; ++t) {
                uint256 k = e * N_TOKENS + t;
                uint256 current = rewards.cumulativeClaimed(_earners[e], address(_tokens[t]));
                if (current < _lastClaimed[k]) claimedDecreased = true;
                _lastClaimed[k] = current;
            }
        }
    }

    function _name(bytes4 selector) internal pure returns (string memory) {
        if (selector == IRampartRewards.RootDisabled.selector) return "RootDisabled";
        if (selector == IRampartRewards.RootNotActive.selector) return "RootNotActive";
        if (selector == IRampartRewards.NothingToClaim.selector) return "NothingToClaim";
        return "ClaimExceedsFunding";
    }

    /// @dev Maps any fuzzed `x` into [min, max] (forge-std's `bound`, which the npm forge-std lacks).
    function _bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        require(min <= max, "bound: min > max");
        if (x >= min && x <= max) return x;
        uint256 size = max - min + 1;
        return min + (x % size);
    }
}
