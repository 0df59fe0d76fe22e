// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IRampart} from "./interfaces/IRampart.sol";
import {
    IRampartRewards,
    DistributionRoot,
    ProgramKind,
    ProgramParams,
    TokenClaim
} from "./interfaces/IRampartRewards.sol";

/// @title RampartRewards
/// @notice Escrows the reward programs of services and pays earners against Merkle roots of cumulative earnings.
/// @dev Rules: docs/rewards.md. Programs are validated and escrowed here but not stored: the off-chain calculator
/// reads them from `RewardProgramCreated`. The only money rule on-chain is that no token pays out more than was
/// funded in it, which bounds what a wrong root can cost to the escrow of that token.
contract RampartRewards is IRampartRewards, Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    // ─────────────────────────── Constants ────────────────────────────

    uint32 public constant DAY = 1 days;
    uint32 public constant MAX_RETROACTIVE = 30 days;
    uint32 public constant MAX_FUTURE = 90 days;
    uint32 public constant MAX_DURATION = 365 days;
    /// @dev Keeps every per-day amount and weighted stake product of the calculator far from 2^256.
    uint256 public constant MAX_PROGRAM_AMOUNT = type(uint128).max;
    uint32 public constant MIN_ACTIVATION_DELAY = 1 hours;
    uint32 public constant MAX_ACTIVATION_DELAY = 30 days;
    uint8 public constant PAUSE_PROGRAMS = 1;
    uint8 public constant PAUSE_CLAIMS = 2;

    // ───────────────────────────── Storage ────────────────────────────

    IRampart internal immutable CORE;

    // One slot for what createProgram and claim read, so each touches a single slot of these.
    /// @inheritdoc IRampartRewards
    address public rewardsUpdater;
    /// @inheritdoc IRampartRewards
    uint64 public programCount;
    /// @inheritdoc IRampartRewards
    uint8 public pausedFlags;
    /// @inheritdoc IRampartRewards
    uint32 public activationDelay;

    DistributionRoot[] internal _roots;

    /// @inheritdoc IRampartRewards
    mapping(address earner => address) public claimerOf;
    /// @inheritdoc IRampartRewards
    mapping(address earner => mapping(address token => uint256)) public cumulativeClaimed;
    /// @inheritdoc IRampartRewards
    mapping(address token => uint256) public totalFunded;
    /// @inheritdoc IRampartRewards
    mapping(address token => uint256) public totalClaimed;

    /// @param core_ The core whose operator sets, assets and pausers apply. @param owner_ Governance (a timelock).
    /// @param updater_ Posts roots. @param activationDelay_ Within [MIN_ACTIVATION_DELAY, MAX_ACTIVATION_DELAY].
    constructor(IRampart core_, address owner_, address updater_, uint32 activationDelay_) Ownable(owner_) {
        require(address(core_) != address(0) && updater_ != address(0), ZeroAddress());
        _checkDelay(activationDelay_);
        CORE = core_;
        rewardsUpdater = updater_;
        activationDelay = activationDelay_;
        emit RewardsUpdaterSet(updater_);
        emit ActivationDelaySet(activationDelay_);
    }

    // ─────────────────────────── Modifiers ────────────────────────────

    modifier whenNotPaused(uint8 flag) {
        require(pausedFlags & flag == 0, RewardsPaused(flag));
        _;
    }

    // ─────────────────────────── Governance ───────────────────────────

    /// @notice Disabled: without an owner nobody could ever replace the updater or change the activation delay.
    function renounceOwnership() public pure override {
        revert RenounceOwnershipDisabled();
    }

    /// @inheritdoc IRampartRewards
    function setRewardsUpdater(address updater) external onlyOwner {
        require(updater != address(0), ZeroAddress());
        rewardsUpdater = updater;
        emit RewardsUpdaterSet(updater);
    }

    /// @inheritdoc IRampartRewards
    function setActivationDelay(uint32 delay) external onlyOwner {
        _checkDelay(delay);
        activationDelay = delay;
        emit ActivationDelaySet(delay);
    }

    /// @inheritdoc IRampartRewards
    function pause(uint8 flags) external {
        // The core's roles, so that one set of emergency keys covers the whole protocol.
        require(CORE.isPauser(msg.sender), NotPauser(msg.sender));
        pausedFlags |= flags;
        emit PausedFlagsSet(pausedFlags);
    }

    /// @inheritdoc IRampartRewards
    function unpause(uint8 flags) external {
        require(msg.sender == CORE.unpauser(), NotUnpauser(msg.sender));
        pausedFlags &= ~flags;
        emit PausedFlagsSet(pausedFlags);
    }

    // ─────────────────────────── Programs ─────────────────────────────

    /// @inheritdoc IRampartRewards
    function createProgram(ProgramParams calldata params)
        external
        nonReentrant
        whenNotPaused(PAUSE_PROGRAMS)
        returns (uint64 programId)
    {
        uint32 setId = params.setId;
        address service = CORE.getOperatorSet(setId).service;
        require(service != address(0), UnknownOperatorSet(setId));
        require(msg.sender == service, NotSetService(msg.sender, setId));
        address token = params.token;
        require(token != address(0), ZeroAddress());
        // Without code, a transferFrom through SafeERC20 would "succeed" and escrow nothing.
        require(token.code.length != 0, NotAContract(token));
        uint256 amount = params.amount;
        require(amount != 0, ZeroAmount());
        require(amount <= MAX_PROGRAM_AMOUNT, AmountTooLarge(amount, MAX_PROGRAM_AMOUNT));
        _checkSchedule(params.startTime, params.duration);
        _checkAssets(setId, params.assets, params.weights);
        _checkOperators(params);

        totalFunded[token] += amount;
        programId = ++programCount;
        emit RewardProgramCreated(programId, setId, msg.sender, params);
        _pullExact(token, amount);
    }

    // ─────────────────────────── Roots ────────────────────────────────

    /// @inheritdoc IRampartRewards
    /// @dev Not pausable: pausing claims is enough to stop payouts, and the updater should keep up meanwhile.
    function submitRoot(bytes32 root, uint40 calculatedUntil) external returns (uint32 rootIndex) {
        require(msg.sender == rewardsUpdater, NotUpdater(msg.sender));
        // A zero root proves nothing: it can only be a mistake (an unset value), not a distribution.
        require(root != bytes32(0), ZeroRoot());
        require(calculatedUntil % DAY == 0, NotDayAligned(calculatedUntil));
        // forge-lint: disable-next-line(unsafe-typecast) timestamps fit 40 bits for 34,000 years
        uint40 now_ = uint40(block.timestamp);
        require(calculatedUntil <= now_, CalculatedUntilInFuture(calculatedUntil, now_));
        uint256 count = _roots.length;
        if (count != 0) {
            uint40 previous = _roots[count - 1].calculatedUntil;
            // Equal is allowed: it replaces a root for the same days (e.g. after disabling a wrong one).
            require(calculatedUntil >= previous, CalculatedUntilDecreasing(calculatedUntil, previous));
        }
        uint40 activatesAt = now_ + activationDelay;
        // forge-lint: disable-next-line(unsafe-typecast) 2^32 roots would take 136 years at one per second
        rootIndex = uint32(count);
        _roots.push(
            DistributionRoot({root: root, calculatedUntil: calculatedUntil, activatesAt: activatesAt, disabled: false})
        );
        emit DistributionRootSubmitted(rootIndex, root, calculatedUntil, activatesAt);
    }

    /// @inheritdoc IRampartRewards
    /// @dev Only before activation: once claims may have been paid against a root, disabling it would only stop the
    /// earners who have not claimed yet. A root found wrong later is answered by pausing claims.
    function disableRoot(uint32 rootIndex) external {
        require(CORE.isPauser(msg.sender), NotPauser(msg.sender));
        DistributionRoot storage root = _root(rootIndex);
        require(block.timestamp < root.activatesAt, RootAlreadyActive(rootIndex, root.activatesAt));
        require(!root.disabled, RootDisabled(rootIndex));
        root.disabled = true;
        emit DistributionRootDisabled(rootIndex);
    }

    // ─────────────────────────── Claims ───────────────────────────────

    /// @inheritdoc IRampartRewards
    function setClaimer(address claimer) external {
        claimerOf[msg.sender] = claimer;
        emit ClaimerSet(msg.sender, claimer);
    }

    /// @inheritdoc IRampartRewards
    function claim(uint32 rootIndex, address earner, address recipient, TokenClaim[] calldata claims)
        external
        nonReentrant
        whenNotPaused(PAUSE_CLAIMS)
    {
        require(claims.length != 0, NoClaims());
        require(recipient != address(0), ZeroAddress());
        // claimerOf is address(0) by default, which is never msg.sender.
        require(msg.sender == earner || msg.sender == claimerOf[earner], NotClaimer(msg.sender, earner));
        DistributionRoot storage root = _root(rootIndex);
        require(!root.disabled, RootDisabled(rootIndex));
        require(block.timestamp >= root.activatesAt, RootNotActive(rootIndex, root.activatesAt));
        bytes32 merkleRoot = root.root;

        for (uint256 i; i < claims.length; ++i) {
            _claimToken(rootIndex, merkleRoot, earner, recipient, claims[i]);
        }
    }

    // ───────────────────────────── Views ──────────────────────────────

    /// @inheritdoc IRampartRewards
    function core() external view returns (IRampart) {
        return CORE;
    }

    /// @inheritdoc IRampartRewards
    function rootCount() external view returns (uint32) {
        // forge-lint: disable-next-line(unsafe-typecast) indices are uint32 (see submitRoot)
        return uint32(_roots.length);
    }

    /// @inheritdoc IRampartRewards
    function getRoot(uint32 rootIndex) external view returns (DistributionRoot memory) {
        return _root(rootIndex);
    }

    /// @inheritdoc IRampartRewards
    function latestActiveRootIndex() external view returns (uint32) {
        // Activation times are not monotonic (the delay can be lowered), so every pending root is skipped over.
        for (uint256 i = _roots.length; i != 0;) {
            --i;
            DistributionRoot storage root = _roots[i];
            // forge-lint: disable-next-line(unsafe-typecast) i < rootCount, a uint32
            if (!root.disabled && block.timestamp >= root.activatesAt) return uint32(i);
        }
        revert UnknownRoot(type(uint32).max);
    }

    /// @inheritdoc IRampartRewards
    function leafOf(address earner, address token, uint256 cumulativeAmount) public pure returns (bytes32) {
        // StandardMerkleTree's leaf (what the calculator builds with); hashing twice also keeps any leaf preimage
        // from having the 64-byte shape of an inner node.
        return keccak256(bytes.concat(keccak256(abi.encode(earner, token, cumulativeAmount))));
    }

    // ─────────────────────────── Internals ────────────────────────────

    function _root(uint32 rootIndex) internal view returns (DistributionRoot storage) {
        require(rootIndex < _roots.length, UnknownRoot(rootIndex));
        return _roots[rootIndex];
    }

    function _claimToken(uint32 rootIndex, bytes32 merkleRoot, address earner, address recipient, TokenClaim calldata c)
        internal
    {
        address token = c.token;
        uint256 cumulative = c.cumulativeAmount;
        require(
            MerkleProof.verifyCalldata(c.proof, merkleRoot, leafOf(earner, token, cumulative)),
            InvalidProof(earner, token, cumulative)
        );
        uint256 amount = _recordClaim(earner, token, cumulative);
        emit RewardsClaimed(rootIndex, earner, token, recipient, amount, cumulative);
        // The guard keeps a token's callback out of every function that moves tokens or their accounting, so the
        // next token of the batch reads settled state.
        IERC20(token).safeTransfer(recipient, amount);
    }

    /// @return amount What `cumulative` adds to what the earner already claimed of `token`.
    function _recordClaim(address earner, address token, uint256 cumulative) internal returns (uint256 amount) {
        // Amounts are cumulative, so an older root (or the same one again) pays nothing new.
        uint256 claimed = cumulativeClaimed[earner][token];
        require(cumulative > claimed, NothingToClaim(earner, token, cumulative, claimed));
        amount = cumulative - claimed;
        uint256 claimedAfter = totalClaimed[token] + amount;
        uint256 funded = totalFunded[token];
        require(claimedAfter <= funded, ClaimExceedsFunding(token, claimedAfter, funded));
        cumulativeClaimed[earner][token] = cumulative;
        totalClaimed[token] = claimedAfter;
    }

    /// @dev Whole days, so that programs and roots share the calculator's day grid. Retroactive starts let a service
    /// pay for work already done, but only as far back as the calculator can be expected to still cover.
    function _checkSchedule(uint40 startTime, uint32 duration) internal view {
        require(startTime % DAY == 0, NotDayAligned(startTime));
        require(duration % DAY == 0, NotDayAligned(duration));
        require(duration != 0 && duration <= MAX_DURATION, DurationOutOfBounds(duration, MAX_DURATION));
        uint256 earliest = block.timestamp > MAX_RETROACTIVE ? block.timestamp - MAX_RETROACTIVE : 0;
        // forge-lint: disable-next-line(unsafe-typecast) below block.timestamp, which fits 40 bits
        require(startTime >= earliest, StartTooOld(startTime, uint40(earliest)));
        uint256 latest = block.timestamp + MAX_FUTURE;
        // forge-lint: disable-next-line(unsafe-typecast) block.timestamp + 90 days fits 40 bits
        require(startTime <= latest, StartTooFar(startTime, uint40(latest)));
    }

    /// @dev Assets must be distinct assets of the set, so there are at most MAX_ASSETS_PER_SET (16): O(n²) is fine.
    function _checkAssets(uint32 setId, address[] calldata assets, uint96[] calldata weights) internal view {
        require(assets.length != 0, NoAssets());
        require(assets.length == weights.length, LengthMismatch());
        for (uint256 i; i < assets.length; ++i) {
            address asset = assets[i];
            for (uint256 j; j < i; ++j) {
                require(assets[j] != asset, DuplicateAsset(asset));
            }
            require(weights[i] != 0, ZeroWeight(asset));
            // A delisted asset stays in its sets but takes no new deposits: no new programs should pay for it.
            require(CORE.getAsset(asset).listed, AssetNotListed(asset));
            require(CORE.isSetAsset(setId, asset), AssetNotInSet(setId, asset));
        }
    }

    function _checkOperators(ProgramParams calldata params) internal pure {
        address[] calldata operators = params.operators;
        uint256[] calldata amounts = params.operatorAmounts;
        if (params.kind == ProgramKind.ProRata) {
            require(operators.length == 0 && amounts.length == 0, OperatorsMismatch(params.kind, operators.length));
            return;
        }
        require(operators.length != 0, OperatorsMismatch(params.kind, 0));
        require(operators.length == amounts.length, LengthMismatch());
        // Strictly ascending from a non-zero first operator: no duplicates and no zero address anywhere.
        require(operators[0] != address(0), ZeroAddress());
        uint256 sum;
        address previous;
        for (uint256 i; i < operators.length; ++i) {
            address operator = operators[i];
            require(operator > previous, OperatorsNotAscending(operator));
            require(amounts[i] != 0, ZeroAmount());
            sum += amounts[i];
            previous = operator;
        }
        require(sum == params.amount, AmountMismatch(params.amount, sum));
    }

    /// @dev Pulls exactly `amount`: a token that delivers less (fee on transfer) would leave programs unfunded.
    function _pullExact(address token, uint256 amount) internal {
        uint256 balanceBefore = IERC20(token).balanceOf(address(this));
        IERC20(token).safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = IERC20(token).balanceOf(address(this)) - balanceBefore;
        require(received == amount, TransferAmountMismatch(token, amount, received));
    }

    function _checkDelay(uint32 delay) internal pure {
        require(
            delay >= MIN_ACTIVATION_DELAY && delay <= MAX_ACTIVATION_DELAY,
            DelayOutOfBounds(delay, MIN_ACTIVATION_DELAY, MAX_ACTIVATION_DELAY)
        );
    }
}
