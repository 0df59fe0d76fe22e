// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IRampart} from "../../src/interfaces/IRampart.sol";

/// @notice Benchmark helper: fills a pool with many distinct stakers in few transactions by depositing on behalf of
/// generated addresses. Used by `npm run bench:gas` for `slash_10000_stakers`.
contract BulkDepositor {
    using SafeERC20 for IERC20;

    /// @notice Deposits `amountEach` for each of the `count` addresses `first`, `first + 1`, ...; the caller pays.
    function depositMany(
        IRampart rampart,
        address operator,
        IERC20 asset,
        uint160 first,
        uint256 count,
        uint256 amountEach
    ) external {
        asset.safeTransferFrom(msg.sender, address(this), amountEach * count);
        asset.forceApprove(address(rampart), amountEach * count);
        for (uint160 i; i < count; ++i) {
            rampart.deposit(operator, address(asset), amountEach, address(first + i), 0);
        }
    }
}
