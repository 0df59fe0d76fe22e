// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title MagnitudeMath
/// @notice Allocation and slashing arithmetic. A pool's max magnitude M starts at WAD; an operator set's allocation
/// is a magnitude m with Σm ≤ M, and the set can slash the fraction m / M of the pool's assets. A slash removes the
/// same magnitude from m and from M, so every other set's share m' / M of the (smaller) pool keeps its absolute size.
/// @dev Every function rounds down: a slash never takes more than the fraction asked of the allocation it targets,
/// which is what keeps a 1-wei rounding error from growing into a wipe-out.
library MagnitudeMath {
    uint64 internal constant WAD = 1e18;

    /// @notice Magnitude that a fraction `fractionWad` of a pool with max magnitude `maxMagnitude` stands for.
    function fromFractionDown(uint64 fractionWad, uint64 maxMagnitude) internal pure returns (uint64) {
        // Both factors are ≤ WAD, so the product fits in 128 bits and the quotient in 64.
        return uint64((uint256(fractionWad) * maxMagnitude) / WAD);
    }

    /// @notice Magnitude a slash of `wad` takes from an allocation of `magnitude`.
    function slashedMagnitudeDown(uint64 magnitude, uint64 wad) internal pure returns (uint64) {
        return uint64((uint256(magnitude) * wad) / WAD);
    }

    /// @notice Assets that `magnitude` of a pool with `totalAssets` and max magnitude `maxMagnitude` stand for.
    function toAssetsDown(uint256 totalAssets, uint64 magnitude, uint64 maxMagnitude) internal pure returns (uint256) {
        return Math.mulDiv(totalAssets, magnitude, maxMagnitude);
    }

    /// @notice A pending decrease scaled down with the allocation it belongs to, after a slash took
    /// `slashed` of `magnitude`: the target stays the same fraction of what is left.
    function scaleDown(uint64 target, uint64 magnitude, uint64 slashed) internal pure returns (uint64) {
        return uint64((uint256(target) * (magnitude - slashed)) / magnitude);
    }
}
