// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title LocalStandInLST
/// @notice LOCAL NETWORK ONLY. A stand-in for a liquid staking token (wstETH, rETH, cbETH, ...) so that `npm start`
/// has collateral whose value grows like staking yield. Anyone may mint; never deploy it on a real chain.
/// @dev The exchange rate (ETH per token, WAD) grows linearly at `aprBps` a year from `initialRate`, which is close
/// enough to compounding over the spans a local network lives. It stands in for the LST's own rate feed.
contract LocalStandInLST is ERC20 {
    uint256 internal constant WAD = 1e18;
    uint256 internal constant YEAR = 365 days;

    uint256 internal immutable INITIAL_RATE;
    uint256 internal immutable APR_BPS;
    uint256 internal immutable START_TIME;

    constructor(string memory name_, string memory symbol_, uint256 initialRate_, uint256 aprBps_)
        ERC20(name_, symbol_)
    {
        INITIAL_RATE = initialRate_;
        APR_BPS = aprBps_;
        START_TIME = block.timestamp;
    }

    /// @notice ETH per token at `startTime()`, WAD.
    function initialRate() external view returns (uint256) {
        return INITIAL_RATE;
    }

    /// @notice Annual growth of the rate, basis points (300 = 3%).
    function aprBps() external view returns (uint256) {
        return APR_BPS;
    }

    /// @notice When the rate was `initialRate()`.
    function startTime() external view returns (uint256) {
        return START_TIME;
    }

    /// @notice ETH value of one token now, WAD. Stand-in for the LST's exchange-rate feed.
    function exchangeRate() public view returns (uint256) {
        return INITIAL_RATE + (INITIAL_RATE * APR_BPS * (block.timestamp - START_TIME)) / (10_000 * YEAR);
    }

    /// @notice Mints test tokens. Local network only.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
