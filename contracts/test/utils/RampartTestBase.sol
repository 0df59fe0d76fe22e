// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {vm} from "./Vm.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {IRampart, SlashingPolicy, SlashParams, Withdrawal} from "../../src/interfaces/IRampart.sol";
import {IDirectory, ServiceCategory} from "../../src/interfaces/IDirectory.sol";

/// @notice A deployed Rampart with three listed assets, two operators and two services, each with one operator set
/// (an instant one and a veto one). Tests build their scenario from here.
abstract contract RampartTestBase {
    Creator internal immutable CREATOR = new Creator();

    uint64 internal constant WAD = 1e18;
    uint32 internal constant WITHDRAWAL_DELAY = 7 days;
    uint32 internal constant DEALLOCATION_DELAY = 5 days;
    uint32 internal constant VETO_WINDOW = 1 days;
    uint128 internal constant CAP = 1e30;

    address internal governance = address(0x60);
    address internal pauser = address(0x9A);
    address internal unpauser = address(0x9B);
    address internal vetoCommittee = address(0xC0);
    address internal slashSink = address(0x51);

    address internal operatorA = address(0xA1);
    address internal operatorB = address(0xB1);
    address internal serviceDA = address(0xDA);
    address internal serviceBridge = address(0xB7);
    address internal alice = address(0xA11CE);
    address internal bob = address(0xB0B);

    IRampart internal rampart;
    IDirectory internal directory;
    MockERC20 internal wstETH;
    MockERC20 internal rETH;
    MockERC20 internal weth;

    /// @dev Instant slashing, at most 50% per slash, slashed funds burned.
    uint32 internal instantSet;
    /// @dev Veto window with a committee, at most 100% per slash, slashed funds sent to `slashSink`.
    uint32 internal vetoSet;

    constructor() {
        vm.warp(1_700_000_000);
        rampart = _deployRampart(governance, pauser, unpauser, WITHDRAWAL_DELAY);
        directory = rampart.directory();
        wstETH = new MockERC20("Wrapped staked ETH", "wstETH", 18);
        rETH = new MockERC20("Rocket Pool ETH", "rETH", 18);
        weth = new MockERC20("Wrapped Ether", "WETH", 18);
        vm.label(address(rampart), "Rampart");
        vm.label(address(directory), "Directory");

        vm.startPrank(governance);
        rampart.listAsset(address(wstETH), CAP);
        rampart.listAsset(address(rETH), CAP);
        rampart.listAsset(address(weth), CAP);
        vm.stopPrank();

        vm.prank(operatorA);
        directory.registerOperator("ipfs://operator-a", address(0), 0);
        vm.prank(operatorB);
        directory.registerOperator("ipfs://operator-b", address(0), 0);

        vm.prank(serviceDA);
        directory.registerService("ipfs://da", ServiceCategory.DataAvailability);
        vm.prank(serviceBridge);
        directory.registerService("ipfs://bridge", ServiceCategory.Bridge);

        address[] memory assets = _assets2(address(wstETH), address(rETH));
        vm.prank(serviceDA);
        instantSet = rampart.createOperatorSet(assets, _instantPolicy(), address(0));
        vm.prank(serviceBridge);
        vetoSet = rampart.createOperatorSet(assets, _vetoPolicy(), address(0));
    }

    // ─────────────────────────── Fixtures ─────────────────────────────

    /// @dev Deploys the core from its build artifact, exactly the bytecode that ships. Tests talk to it through
    /// IRampart and never import Rampart.sol, so only the core is compiled with via-IR (see foundry.toml).
    /// Goes through `Creator` so that a reverting constructor can be expected with `vm.expectRevert`.
    function _deployRampart(address owner, address pauser_, address unpauser_, uint32 withdrawalDelay)
        internal
        returns (IRampart)
    {
        bytes memory args = abi.encode(owner, pauser_, unpauser_, withdrawalDelay);
        return IRampart(CREATOR.create(abi.encodePacked(vm.getCode("Rampart.sol:Rampart"), args)));
    }

    function _instantPolicy() internal pure returns (SlashingPolicy memory) {
        return SlashingPolicy({
            vetoWindow: 0,
            deallocationDelay: DEALLOCATION_DELAY,
            maxSlashWad: WAD / 2,
            vetoCommittee: address(0),
            slashRecipient: address(0)
        });
    }

    function _vetoPolicy() internal view returns (SlashingPolicy memory) {
        return SlashingPolicy({
            vetoWindow: VETO_WINDOW,
            deallocationDelay: DEALLOCATION_DELAY,
            maxSlashWad: WAD,
            vetoCommittee: vetoCommittee,
            slashRecipient: slashSink
        });
    }

    // ─────────────────────────── Actions ──────────────────────────────

    function _deposit(address staker, address operator, MockERC20 token, uint256 amount)
        internal
        returns (uint256 shares)
    {
        token.mint(staker, amount);
        vm.startPrank(staker);
        token.approve(address(rampart), amount);
        shares = rampart.deposit(operator, address(token), amount, staker, 0);
        vm.stopPrank();
    }

    function _join(address operator, uint32 setId) internal {
        vm.prank(operator);
        rampart.joinOperatorSet(operator, setId, "");
    }

    function _allocate(address operator, MockERC20 token, uint32 setId, uint64 fractionWad) internal {
        vm.prank(operator);
        rampart.allocate(operator, address(token), setId, fractionWad);
    }

    function _slash(address service, uint32 setId, address operator, MockERC20 token, uint64 wad)
        internal
        returns (uint256 slashId)
    {
        vm.prank(service);
        slashId = rampart.slash(_slashParams(setId, operator, address(token), wad));
    }

    function _queue(address staker, address operator, MockERC20 token, uint256 shares)
        internal
        returns (Withdrawal memory w)
    {
        vm.prank(staker);
        w = rampart.queueWithdrawal(operator, address(token), shares, staker);
    }

    function _slashParams(uint32 setId, address operator, address asset, uint64 wad)
        internal
        pure
        returns (SlashParams memory)
    {
        address[] memory assets = new address[](1);
        assets[0] = asset;
        uint64[] memory wads = new uint64[](1);
        wads[0] = wad;
        return SlashParams({setId: setId, operator: operator, assets: assets, wads: wads, reason: "double signing"});
    }

    function _assets2(address a, address b) internal pure returns (address[] memory assets) {
        assets = new address[](2);
        assets[0] = a;
        assets[1] = b;
    }

    function _skip(uint256 seconds_) internal {
        vm.warp(block.timestamp + seconds_);
    }

    /// @dev Maps any fuzzed `x` into [min, max] (forge-std's `bound`, which the npm forge-std lacks).
    function _bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        require(min <= max, "bound: min > max");
        if (x >= min && x <= max) return x;
        uint256 size = max - min + 1;
        return min + (x % size);
    }
}

/// @notice Deploys init code with CREATE and bubbles a constructor's revert data.
contract Creator {
    function create(bytes memory initCode) external returns (address deployed) {
        assembly ("memory-safe") {
            deployed := create(0, add(initCode, 0x20), mload(initCode))
            if iszero(deployed) {
                returndatacopy(0, 0, returndatasize())
                revert(0, returndatasize())
            }
        }
    }
}
