// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title LocalStandInWETH
/// @notice LOCAL NETWORK ONLY. A stand-in for WETH: wrap ETH 1:1 with `deposit`, unwrap with `withdraw`. Unlike the
/// LST stand-ins it has no mint: local accounts hold ETH, as on a real chain.
contract LocalStandInWETH is ERC20 {
    error InsufficientBalance(uint256 requested, uint256 available);
    error EthTransferFailed();

    constructor() ERC20("Wrapped Ether (local stand-in)", "WETH") {}

    /// @notice Wraps the ETH sent.
    function deposit() public payable {
        _mint(msg.sender, msg.value);
    }

    /// @notice Unwraps `amount` back to ETH.
    function withdraw(uint256 amount) external {
        uint256 balance = balanceOf(msg.sender);
        require(amount <= balance, InsufficientBalance(amount, balance));
        _burn(msg.sender, amount);
        (bool ok,) = msg.sender.call{value: amount}("");
        require(ok, EthTransferFailed());
    }

    receive() external payable {
        deposit();
    }
}
