// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {MockERC20} from "./MockERC20.sol";

/// @notice Test double for a hostile token: on every transfer (not mint or burn) it calls a configured target with
/// configured data and bubbles any revert, to prove that a token cannot reenter what pays or escrows it.
contract CallbackERC20 is MockERC20 {
    address public target;
    bytes public data;

    constructor() MockERC20("Callback Token", "CALL", 18) {}

    function setCallback(address target_, bytes calldata data_) external {
        target = target_;
        data = data_;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (target == address(0) || from == address(0) || to == address(0)) return;
        (bool ok, bytes memory reason) = target.call(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(reason, 0x20), mload(reason))
            }
        }
    }
}
