// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// @title RampartTimelock
/// @notice Owner of the Rampart core: every parameter change and asset listing is proposed, waits `minDelay`, and is
/// only then executed, so stakers see it coming. OpenZeppelin's TimelockController, unchanged.
contract RampartTimelock is TimelockController {
    /// @param minDelay Seconds between scheduling and executing an operation.
    /// @param proposers May schedule and cancel operations (the governance multisig).
    /// @param executors May execute ready operations (address(0) in the list lets anyone execute).
    /// @param admin Optional bootstrap admin (address(0) for none): the timelock administers itself.
    constructor(uint256 minDelay, address[] memory proposers, address[] memory executors, address admin)
        TimelockController(minDelay, proposers, executors, admin)
    {}
}
