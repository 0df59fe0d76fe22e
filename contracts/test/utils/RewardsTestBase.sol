// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {vm} from "./Vm.sol";
import {Merkle} from "./Merkle.sol";
import {RampartTestBase} from "./RampartTestBase.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {RampartRewards} from "../../src/RampartRewards.sol";
import {ProgramKind, ProgramParams, TokenClaim} from "../../src/interfaces/IRampartRewards.sol";

/// @notice The core of RampartTestBase plus a RampartRewards and two reward tokens, at a day boundary. Roots are built
/// with `Merkle` exactly as the calculator's StandardMerkleTree would build them.
abstract contract RewardsTestBase is RampartTestBase {
    /// @dev One earning: a leaf of a distribution root.
    struct Earning {
        address earner;
        address token;
        uint256 cumulative;
    }

    uint32 internal constant DAY = 1 days;
    uint32 internal constant ACTIVATION_DELAY = 2 days;
    /// @dev The first day boundary after RampartTestBase's start time (1,700,000,000).
    uint40 internal constant T0 = 19_676 days;

    address internal updater = address(0x0D);

    RampartRewards internal rewards;
    MockERC20 internal usdc;
    MockERC20 internal rwd;

    constructor() {
        vm.warp(T0);
        rewards = new RampartRewards(rampart, governance, updater, ACTIVATION_DELAY);
        usdc = new MockERC20("USD Coin", "USDC", 6);
        rwd = new MockERC20("Reward", "RWD", 18);
        vm.label(address(rewards), "RampartRewards");
        vm.label(address(usdc), "USDC");
        vm.label(address(rwd), "RWD");
    }

    // ─────────────────────────── Programs ─────────────────────────────

    /// @dev A pro-rata program of `instantSet` (serviceDA's) over wstETH and rETH, starting today, for 30 days.
    function _proRata(MockERC20 token, uint256 amount) internal view returns (ProgramParams memory params) {
        params.setId = instantSet;
        params.kind = ProgramKind.ProRata;
        params.token = address(token);
        params.amount = amount;
        params.startTime = _today();
        params.duration = 30 days;
        params.assets = _assets2(address(wstETH), address(rETH));
        params.weights = new uint96[](2);
        params.weights[0] = 1;
        params.weights[1] = 2;
    }

    /// @dev `_proRata` directed at operatorA and operatorB (ascending), `amountA` and `amountB` each.
    function _directed(MockERC20 token, uint256 amountA, uint256 amountB)
        internal
        view
        returns (ProgramParams memory params)
    {
        params = _proRata(token, amountA + amountB);
        params.kind = ProgramKind.OperatorDirected;
        params.operators = _assets2(operatorA, operatorB);
        params.operatorAmounts = new uint256[](2);
        params.operatorAmounts[0] = amountA;
        params.operatorAmounts[1] = amountB;
    }

    /// @dev Mints the program's amount to serviceDA, approves it and creates the program as serviceDA.
    function _create(ProgramParams memory params) internal returns (uint64 programId) {
        _fund(serviceDA, MockERC20(params.token), params.amount);
        vm.prank(serviceDA);
        programId = rewards.createProgram(params);
    }

    function _fund(address service, MockERC20 token, uint256 amount) internal {
        token.mint(service, amount);
        vm.prank(service);
        token.approve(address(rewards), amount);
    }

    // ─────────────────────────── Roots ────────────────────────────────

    function _submit(bytes32 root, uint40 calculatedUntil) internal returns (uint32 rootIndex) {
        vm.prank(updater);
        rootIndex = rewards.submitRoot(root, calculatedUntil);
    }

    /// @dev Posts the root of `earnings`, calculated until today, and waits for it to activate.
    function _submitActive(bytes32[] memory tree) internal returns (uint32 rootIndex) {
        rootIndex = _submit(tree[0], _today());
        _skip(ACTIVATION_DELAY);
    }

    function _tree(Earning[] memory earnings) internal pure returns (bytes32[] memory) {
        bytes32[] memory leaves = new bytes32[](earnings.length);
        for (uint256 i; i < earnings.length; ++i) {
            leaves[i] = Merkle.leaf(earnings[i].earner, earnings[i].token, earnings[i].cumulative);
        }
        return Merkle.build(leaves);
    }

    function _claim(bytes32[] memory tree, address earner, address token, uint256 cumulative)
        internal
        pure
        returns (TokenClaim memory)
    {
        return TokenClaim({
            token: token,
            cumulativeAmount: cumulative,
            proof: Merkle.proof(tree, Merkle.leaf(earner, token, cumulative))
        });
    }

    function _claims1(TokenClaim memory a) internal pure returns (TokenClaim[] memory claims) {
        claims = new TokenClaim[](1);
        claims[0] = a;
    }

    function _today() internal view returns (uint40) {
        // forge-lint: disable-next-line(unsafe-typecast) block.timestamp fits 40 bits
        return uint40(block.timestamp - block.timestamp % DAY);
    }
}
