// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {vm} from "../utils/Vm.sol";
import {MagnitudeMath} from "../../src/libraries/MagnitudeMath.sol";
import {Wide} from "./SharesMath.t.sol";

/// @notice Exposes the internal MagnitudeMath functions to external calls.
contract MagnitudeMathHarness {
    function fromFractionDown(uint64 fractionWad, uint64 maxMagnitude) external pure returns (uint64) {
        return MagnitudeMath.fromFractionDown(fractionWad, maxMagnitude);
    }

    function slashedMagnitudeDown(uint64 magnitude, uint64 wad) external pure returns (uint64) {
        return MagnitudeMath.slashedMagnitudeDown(magnitude, wad);
    }

    function toAssetsDown(uint256 totalAssets, uint64 magnitude, uint64 maxMagnitude) external pure returns (uint256) {
        return MagnitudeMath.toAssetsDown(totalAssets, magnitude, maxMagnitude);
    }

    function scaleDown(uint64 target, uint64 magnitude, uint64 slashed) external pure returns (uint64) {
        return MagnitudeMath.scaleDown(target, magnitude, slashed);
    }
}

/// @notice MagnitudeMath against naive references on its domain (magnitudes and fractions ≤ WAD, so no product can
/// overflow), a 512-bit reference for `toAssetsDown` on any pool size, and the rounding bounds slashing relies on.
contract MagnitudeMathTest {
    uint64 internal constant WAD = 1e18;

    MagnitudeMathHarness internal h = new MagnitudeMathHarness();

    function _bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        if (x >= min && x <= max) return x;
        return min + (x % (max - min + 1));
    }

    function _b64(uint256 x, uint256 min, uint256 max) internal pure returns (uint64) {
        // forge-lint: disable-next-line(unsafe-typecast) max ≤ WAD < 2^64
        return uint64(_bound(x, min, max));
    }

    // ─────────────────────────── fromFractionDown ───────────────────────────

    /// @dev fromFractionDown is exactly floor(fraction * M / WAD): at most the exact value, less than it plus one.
    function testFuzz_fromFractionDown_isFloor(uint256 fraction, uint256 maxMag) public view {
        uint64 f = _b64(fraction, 0, WAD);
        uint64 m = _b64(maxMag, 0, WAD);
        uint256 got = h.fromFractionDown(f, m);
        uint256 exact = uint256(f) * m; // = got * WAD + remainder
        vm.assertEq(got, exact / WAD, "fromFractionDown != naive");
        vm.assertLe(got * WAD, exact, "above fraction * M / WAD");
        vm.assertGt((got + 1) * WAD, exact, "more than one below fraction * M / WAD");
        vm.assertLe(got, m, "above the max magnitude");
    }

    function testFuzz_fromFractionDown_boundsAndMonotonic(uint256 f1, uint256 f2, uint256 maxMag) public view {
        uint64 m = _b64(maxMag, 0, WAD);
        uint64 a = _b64(f1, 0, WAD);
        uint64 b = _b64(f2, 0, WAD);
        if (a > b) (a, b) = (b, a);
        vm.assertLe(h.fromFractionDown(a, m), h.fromFractionDown(b, m), "not monotonic");
        vm.assertEq(h.fromFractionDown(WAD, m), m, "100% is not the max magnitude");
        vm.assertEq(h.fromFractionDown(0, m), 0, "0% is not zero");
    }

    // ───────────────────────── slashedMagnitudeDown ─────────────────────────

    function testFuzz_slashedMagnitudeDown_isFloorAndAtMostMagnitude(uint256 magnitude, uint256 wad) public view {
        uint64 m = _b64(magnitude, 0, WAD);
        uint64 w = _b64(wad, 0, WAD);
        uint64 got = h.slashedMagnitudeDown(m, w);
        vm.assertEq(got, (uint256(m) * w) / WAD, "slashedMagnitudeDown != naive");
        vm.assertLe(got, m, "slashes more than the allocation");
        vm.assertEq(h.slashedMagnitudeDown(m, WAD), m, "100% does not take everything");
    }

    /// @dev It rounds to zero exactly when m * wad < WAD: that is what `SlashRoundsToZero` rejects.
    function testFuzz_slashedMagnitudeDown_zeroIffTiny(uint256 magnitude, uint256 wad) public view {
        uint64 m = _b64(magnitude, 1, WAD);
        uint64 w = _b64(wad, 1, WAD);
        vm.assertEq(h.slashedMagnitudeDown(m, w) == 0, uint256(m) * w < WAD, "zero iff m * wad < WAD");
    }

    // ───────────────────────────── toAssetsDown ─────────────────────────────

    function testFuzz_toAssetsDown_matchesNaive(uint128 totalAssets, uint256 magnitude, uint256 maxMag) public view {
        uint64 mm = _b64(maxMag, 1, WAD);
        uint64 m = _b64(magnitude, 0, mm);
        vm.assertEq(h.toAssetsDown(totalAssets, m, mm), (uint256(totalAssets) * m) / mm, "toAssetsDown != naive");
    }

    function testFuzz_toAssetsDown_fullRangeIsFloor(uint256 totalAssets, uint64 magnitude, uint64 maxMag) public view {
        if (maxMag == 0) return;
        (uint256 hi,) = Wide.mul(totalAssets, magnitude);
        if (hi >= maxMag) return; // the quotient would not fit
        uint256 q = h.toAssetsDown(totalAssets, magnitude, maxMag);
        vm.assertTrue(Wide.isFloorDiv(q, totalAssets, magnitude, maxMag), "toAssetsDown is not the floor");
    }

    /// @dev An allocation never stands for more than the pool; two allocations never for more than their sum would.
    function testFuzz_toAssetsDown_atMostPoolAndSuperadditive(
        uint256 totalAssets,
        uint256 m1,
        uint256 m2,
        uint256 maxMag
    ) public view {
        totalAssets = _bound(totalAssets, 0, type(uint128).max);
        uint64 mm = _b64(maxMag, 1, WAD);
        uint64 a = _b64(m1, 0, mm);
        uint64 b = _b64(m2, 0, mm - a);
        vm.assertLe(h.toAssetsDown(totalAssets, a, mm), totalAssets, "allocation worth more than the pool");
        vm.assertEq(h.toAssetsDown(totalAssets, mm, mm), totalAssets, "100% is not the whole pool");
        vm.assertLe(
            h.toAssetsDown(totalAssets, a, mm) + h.toAssetsDown(totalAssets, b, mm),
            h.toAssetsDown(totalAssets, a + b, mm),
            "sets together slash more than their sum"
        );
    }

    // ─────────────────────────────── scaleDown ───────────────────────────────

    function testFuzz_scaleDown_isFloorAndAtMostRemainder(uint256 target, uint256 magnitude, uint256 slashed)
        public
        view
    {
        uint64 m = _b64(magnitude, 1, WAD);
        uint64 s = _b64(slashed, 0, m);
        uint64 t = _b64(target, 0, m);
        uint64 got = h.scaleDown(t, m, s);
        vm.assertEq(got, (uint256(t) * (m - s)) / m, "scaleDown != naive");
        vm.assertLe(got, m - s, "scaled target above what is left");
        vm.assertLe(got, t, "scaling raised the target");
        vm.assertEq(h.scaleDown(m, m, s), m - s, "full target does not scale to the remainder");
    }

    /// @dev A pending decrease below the magnitude stays strictly below what is left (unless nothing is left), so a
    /// slash never turns a decrease into "no change".
    function testFuzz_scaleDown_strictDecreaseStaysStrict(uint256 target, uint256 magnitude, uint256 slashed)
        public
        view
    {
        uint64 m = _b64(magnitude, 1, WAD);
        uint64 s = _b64(slashed, 0, m - 1);
        uint64 t = _b64(target, 0, m - 1);
        vm.assertLt(h.scaleDown(t, m, s), m - s, "decrease became equal to the magnitude");
    }

    // ─────────────────────────── Slash composition ───────────────────────────

    /// @dev One slash, end to end: set X with magnitude m is slashed `wad`; another set with m' (Σ ≤ M) keeps its
    /// slashable assets up to a 1-wei rounding gain (never a loss), and X loses no more than it could slash.
    function testFuzz_slashKeepsOtherSetsWhole(
        uint256 totalAssets,
        uint256 maxMag,
        uint256 magnitude,
        uint256 other,
        uint256 wad
    ) public view {
        totalAssets = _bound(totalAssets, 0, type(uint128).max);
        uint64 mm = _b64(maxMag, 1, WAD);
        uint64 m = _b64(magnitude, 1, mm);
        uint64 slashed = h.slashedMagnitudeDown(m, _b64(wad, 1, WAD));
        uint256 taken = h.toAssetsDown(totalAssets, slashed, mm);
        vm.assertLe(taken, h.toAssetsDown(totalAssets, m, mm), "took more than the set could slash");
        if (slashed == mm) {
            vm.assertEq(taken, totalAssets, "a full slash leaves assets behind");
            return;
        }
        _checkOtherSetKept(totalAssets, taken, mm, slashed, _b64(other, 0, mm - m));
        // What is left of X is still worth its share of what is left.
        vm.assertGe(
            h.toAssetsDown(totalAssets - taken, m - slashed, mm - slashed) + taken + 1,
            h.toAssetsDown(totalAssets, m, mm),
            "slashed set's remainder lost value"
        );
    }

    function _checkOtherSetKept(uint256 totalAssets, uint256 taken, uint64 mm, uint64 slashed, uint64 other)
        internal
        view
    {
        uint256 before = h.toAssetsDown(totalAssets, other, mm);
        uint256 afterSlash = h.toAssetsDown(totalAssets - taken, other, mm - slashed);
        vm.assertGe(afterSlash, before, "another set lost slashable assets");
        vm.assertLe(afterSlash, before + 1, "another set gained more than rounding");
    }
}
