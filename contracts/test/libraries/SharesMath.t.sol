// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {vm} from "../utils/Vm.sol";
import {SharesMath} from "../../src/libraries/SharesMath.sol";

/// @notice Exposes the internal SharesMath functions to external calls.
contract SharesMathHarness {
    function toSharesDown(uint256 assets, uint256 totalAssets, uint256 totalShares) external pure returns (uint256) {
        return SharesMath.toSharesDown(assets, totalAssets, totalShares);
    }

    function toSharesUp(uint256 assets, uint256 totalAssets, uint256 totalShares) external pure returns (uint256) {
        return SharesMath.toSharesUp(assets, totalAssets, totalShares);
    }

    function toAssetsDown(uint256 shares, uint256 totalAssets, uint256 totalShares) external pure returns (uint256) {
        return SharesMath.toAssetsDown(shares, totalAssets, totalShares);
    }
}

/// @notice 512-bit arithmetic written from scratch (128-bit limbs), independent of OpenZeppelin's `mulDiv`, to check
/// `floor(a * b / c)` on the whole uint256 range: q is that floor iff q * c ≤ a * b < (q + 1) * c.
library Wide {
    uint256 internal constant LOW = type(uint128).max;

    /// @dev a * b as (hi, lo) with a * b = hi * 2^256 + lo.
    function mul(uint256 a, uint256 b) internal pure returns (uint256 hi, uint256 lo) {
        uint256 a0 = a & LOW;
        uint256 a1 = a >> 128;
        uint256 b0 = b & LOW;
        uint256 b1 = b >> 128;
        uint256 p00 = a0 * b0;
        uint256 p01 = a0 * b1;
        uint256 p10 = a1 * b0;
        uint256 p11 = a1 * b1;
        // Middle column: the high half of p00 plus the low halves of the cross products (fits in 130 bits).
        uint256 mid = (p00 >> 128) + (p01 & LOW) + (p10 & LOW);
        lo = (mid << 128) | (p00 & LOW);
        hi = p11 + (p01 >> 128) + (p10 >> 128) + (mid >> 128);
    }

    /// @dev (hi, lo) + c as a 512-bit number.
    function add(uint256 hi, uint256 lo, uint256 c) internal pure returns (uint256, uint256) {
        unchecked {
            uint256 sum = lo + c;
            return (sum < lo ? hi + 1 : hi, sum);
        }
    }

    /// @dev (h1, l1) ≤ (h2, l2).
    function le(uint256 h1, uint256 l1, uint256 h2, uint256 l2) internal pure returns (bool) {
        return h1 < h2 || (h1 == h2 && l1 <= l2);
    }

    /// @dev (h1, l1) < (h2, l2).
    function lt(uint256 h1, uint256 l1, uint256 h2, uint256 l2) internal pure returns (bool) {
        return h1 < h2 || (h1 == h2 && l1 < l2);
    }

    /// @dev True iff q == floor(a * b / c) (c > 0).
    function isFloorDiv(uint256 q, uint256 a, uint256 b, uint256 c) internal pure returns (bool) {
        (uint256 ph, uint256 pl) = mul(a, b);
        (uint256 qh, uint256 ql) = mul(q, c);
        (uint256 nh, uint256 nl) = add(qh, ql, c);
        return le(qh, ql, ph, pl) && lt(ph, pl, nh, nl);
    }

    /// @dev True iff q == ceil(a * b / c) (c > 0): (q - 1) * c < a * b ≤ q * c.
    function isCeilDiv(uint256 q, uint256 a, uint256 b, uint256 c) internal pure returns (bool) {
        (uint256 ph, uint256 pl) = mul(a, b);
        (uint256 qh, uint256 ql) = mul(q, c);
        if (!le(ph, pl, qh, ql)) return false;
        if (q == 0) return true;
        (uint256 mh, uint256 ml) = mul(q - 1, c);
        return lt(mh, ml, ph, pl);
    }
}

/// @notice SharesMath against independent references: a naive `a * b / c` on inputs where it cannot overflow, and a
/// from-scratch 512-bit check on the whole range; plus the rounding directions the protocol relies on.
contract SharesMathTest {
    uint256 internal constant VS = 1e6; // SharesMath.VIRTUAL_SHARES
    uint256 internal constant VA = 1; // SharesMath.VIRTUAL_ASSETS

    SharesMathHarness internal h = new SharesMathHarness();

    function _bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        if (x >= min && x <= max) return x;
        return min + (x % (max - min + 1));
    }

    // ───────────────────────── Naive references ─────────────────────────

    /// @dev assets, totalAssets < 2^128 and totalShares < 2^127: every product stays below 2^256.
    function testFuzz_toSharesDown_matchesNaive(uint128 assets, uint128 totalAssets, uint128 totalShares) public view {
        uint256 s = uint256(totalShares) >> 1;
        uint256 expected = (uint256(assets) * (s + VS)) / (uint256(totalAssets) + VA);
        vm.assertEq(h.toSharesDown(assets, totalAssets, s), expected, "toSharesDown != naive");
    }

    function testFuzz_toSharesUp_matchesNaive(uint128 assets, uint128 totalAssets, uint128 totalShares) public view {
        uint256 s = uint256(totalShares) >> 1;
        uint256 num = uint256(assets) * (s + VS);
        uint256 den = uint256(totalAssets) + VA;
        uint256 expected = num / den + (num % den == 0 ? 0 : 1);
        vm.assertEq(h.toSharesUp(assets, totalAssets, s), expected, "toSharesUp != naive");
    }

    function testFuzz_toAssetsDown_matchesNaive(uint128 shares, uint128 totalAssets, uint128 totalShares) public view {
        uint256 a = uint256(totalAssets) >> 1;
        uint256 expected = (uint256(shares) * (a + VA)) / (uint256(totalShares) + VS);
        vm.assertEq(h.toAssetsDown(shares, a, totalShares), expected, "toAssetsDown != naive");
    }

    // ─────────────────── Full range, 512-bit reference ───────────────────

    function testFuzz_toSharesDown_fullRangeIsFloor(uint256 assets, uint256 totalAssets, uint256 totalShares)
        public
        view
    {
        totalAssets = _bound(totalAssets, 0, type(uint256).max - VA);
        totalShares = _bound(totalShares, 0, type(uint256).max - VS);
        // mulDiv reverts when the quotient overflows; only compare where it fits.
        (uint256 hi,) = Wide.mul(assets, totalShares + VS);
        if (hi >= totalAssets + VA) return;
        uint256 q = h.toSharesDown(assets, totalAssets, totalShares);
        vm.assertTrue(Wide.isFloorDiv(q, assets, totalShares + VS, totalAssets + VA), "toSharesDown is not the floor");
    }

    function testFuzz_toSharesUp_fullRangeIsCeil(uint256 assets, uint256 totalAssets, uint256 totalShares) public view {
        totalAssets = _bound(totalAssets, 0, type(uint256).max - VA);
        totalShares = _bound(totalShares, 0, type(uint256).max - VS);
        (uint256 hi,) = Wide.mul(assets, totalShares + VS);
        // Leave room for the ceiling's +1 as well.
        if (hi >= totalAssets + VA || hi + 1 >= totalAssets + VA) return;
        uint256 q = h.toSharesUp(assets, totalAssets, totalShares);
        vm.assertTrue(Wide.isCeilDiv(q, assets, totalShares + VS, totalAssets + VA), "toSharesUp is not the ceiling");
    }

    function testFuzz_toAssetsDown_fullRangeIsFloor(uint256 shares, uint256 totalAssets, uint256 totalShares)
        public
        view
    {
        totalAssets = _bound(totalAssets, 0, type(uint256).max - VA);
        totalShares = _bound(totalShares, 0, type(uint256).max - VS);
        (uint256 hi,) = Wide.mul(shares, totalAssets + VA);
        if (hi >= totalShares + VS) return;
        uint256 q = h.toAssetsDown(shares, totalAssets, totalShares);
        vm.assertTrue(Wide.isFloorDiv(q, shares, totalAssets + VA, totalShares + VS), "toAssetsDown is not the floor");
    }

    // ───────────────────────── Rounding direction ─────────────────────────

    /// @dev toSharesDown ≤ exact ≤ toSharesUp, and they differ by at most one, exactly when the division is inexact.
    function testFuzz_sharesDownLeExactLeUp(uint128 assets, uint128 totalAssets, uint128 totalShares) public view {
        uint256 s = uint256(totalShares) >> 1;
        uint256 down = h.toSharesDown(assets, totalAssets, s);
        uint256 up = h.toSharesUp(assets, totalAssets, s);
        uint256 num = uint256(assets) * (s + VS);
        uint256 den = uint256(totalAssets) + VA;
        vm.assertLe(down * den, num, "down above exact");
        vm.assertGe(up * den, num, "up below exact");
        vm.assertEq(up - down, num % den == 0 ? 0 : 1, "up - down");
    }

    /// @dev Converting assets to shares (down) and back (down) never gives more than was put in.
    function testFuzz_assetsSharesAssetsNeverGrows(uint128 assets, uint128 totalAssets, uint128 totalShares)
        public
        view
    {
        uint256 s = uint256(totalShares) >> 1;
        uint256 shares = h.toSharesDown(assets, totalAssets, s);
        vm.assertLe(h.toAssetsDown(shares, totalAssets, s), assets, "toAssetsDown(toSharesDown(x)) > x");
    }

    /// @dev Shares rounded up are worth at least the assets they were computed for.
    function testFuzz_sharesUpCoverAssets(uint128 assets, uint128 totalAssets, uint128 totalShares) public view {
        uint256 s = uint256(totalShares) >> 1;
        uint256 shares = h.toSharesUp(assets, totalAssets, s);
        vm.assertGe(h.toAssetsDown(shares, totalAssets, s), assets, "toAssetsDown(toSharesUp(x)) < x");
    }

    /// @dev Deposit `amount` into a pool, then withdraw the minted shares at once: the depositor gets back at most
    /// `amount`, and the holders already in the pool lose nothing (the share price never drops).
    function testFuzz_depositWithdrawRoundTripCreatesNoValue(
        uint256 amount,
        uint256 totalAssets,
        uint256 totalShares,
        bool emptyPool
    ) public view {
        // Up to 1e12 tokens of 18 decimals, and a share supply up to 1e6 times that (the virtual-share ratio): every
        // cross product below stays under 1e70.
        amount = _bound(amount, 1, 1e30);
        totalAssets = emptyPool ? 0 : _bound(totalAssets, 0, 1e30);
        totalShares = emptyPool ? 0 : _bound(totalShares, 0, 1e36);
        uint256 shares = h.toSharesDown(amount, totalAssets, totalShares);
        uint256 a1 = totalAssets + amount;
        uint256 s1 = totalShares + shares;
        uint256 out = h.toAssetsDown(shares, a1, s1);
        vm.assertLe(out, amount, "round trip created value");
        uint256 a2 = a1 - out;
        // Price (A + VA) / (S + VS) after the deposit, and after the withdrawal, is at least the price before.
        vm.assertGe((a1 + VA) * (totalShares + VS), (totalAssets + VA) * (s1 + VS), "deposit lowered the share price");
        vm.assertGe((a2 + VA) * (totalShares + VS), (totalAssets + VA) * (totalShares + VS), "round trip lowered price");
        // The holders already in the pool can take out at least what their shares were worth before.
        vm.assertGe(
            h.toAssetsDown(totalShares, a2, totalShares),
            h.toAssetsDown(totalShares, totalAssets, totalShares),
            "existing holders lost value"
        );
    }

    /// @dev Splitting a withdrawal never pays more than withdrawing at once (floor is superadditive).
    function testFuzz_splitWithdrawalNeverPaysMore(uint128 s1, uint128 s2, uint128 totalAssets, uint128 totalShares)
        public
        view
    {
        uint256 total = uint256(totalShares) + s1 + s2;
        uint256 whole = h.toAssetsDown(uint256(s1) + s2, totalAssets, total);
        uint256 first = h.toAssetsDown(s1, totalAssets, total);
        // The second part is paid from the pool the first part left behind.
        uint256 second = h.toAssetsDown(s2, uint256(totalAssets) - first, total - s1);
        vm.assertLe(first + second, uint256(totalAssets), "split paid more than the pool");
        vm.assertLe(first + h.toAssetsDown(s2, totalAssets, total), whole, "floor not superadditive");
    }

    /// @dev More assets never mint fewer shares; more shares are never worth fewer assets.
    function testFuzz_monotonic(uint128 x, uint128 y, uint128 totalAssets, uint128 totalShares) public view {
        (uint256 lo, uint256 hi) = x <= y ? (uint256(x), uint256(y)) : (uint256(y), uint256(x));
        uint256 s = uint256(totalShares) >> 1;
        vm.assertLe(h.toSharesDown(lo, totalAssets, s), h.toSharesDown(hi, totalAssets, s), "toSharesDown");
        vm.assertLe(h.toSharesUp(lo, totalAssets, s), h.toSharesUp(hi, totalAssets, s), "toSharesUp");
        vm.assertLe(h.toAssetsDown(lo, totalAssets >> 1, s), h.toAssetsDown(hi, totalAssets >> 1, s), "toAssetsDown");
    }

    /// @dev All the shares of a pool are never worth more than its assets (the virtual shares keep a part).
    function testFuzz_allSharesWorthAtMostPool(uint128 totalAssets, uint128 totalShares) public view {
        vm.assertLe(h.toAssetsDown(totalShares, totalAssets, totalShares), totalAssets, "shares worth more than pool");
    }
}
