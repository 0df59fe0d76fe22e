// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {IOperatorSetRegistrar} from "../../src/interfaces/IOperatorSetRegistrar.sol";

/// @notice Test double for a service's eligibility hook: an allowlist on join, and a leave hook that can be told to
/// revert or to burn all its gas (to prove neither blocks an exit).
contract MockRegistrar is IOperatorSetRegistrar {
    error NotAllowed(address operator);

    mapping(address => bool) public allowed;
    bool public revertOnLeave;
    bool public burnGasOnLeave;
    uint256 public leaves;

    function setAllowed(address operator, bool value) external {
        allowed[operator] = value;
    }

    function setLeaveBehaviour(bool revert_, bool burnGas) external {
        revertOnLeave = revert_;
        burnGasOnLeave = burnGas;
    }

    function onJoin(address operator, uint32, bytes calldata) external view {
        require(allowed[operator], NotAllowed(operator));
    }

    function onLeave(address, uint32) external {
        require(!revertOnLeave, NotAllowed(msg.sender));
        if (burnGasOnLeave) {
            while (true) {}
        }
        ++leaves;
    }
}
