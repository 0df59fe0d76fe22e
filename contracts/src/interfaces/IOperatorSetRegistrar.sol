// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

/// @title IOperatorSetRegistrar
/// @notice Eligibility hook a service may attach to an operator set (minimum stake, allowlist, KYC, ...).
interface IOperatorSetRegistrar {
    /// @notice Called when `operator` joins `setId`. Revert to reject the operator.
    /// @param data Free-form bytes the operator passed to `joinOperatorSet` (e.g. a signature or a key).
    function onJoin(address operator, uint32 setId, bytes calldata data) external;

    /// @notice Called when `operator` leaves `setId`. A revert or running out of the gas budget is recorded in
    /// `RegistrarHookFailed` but never blocks the exit.
    function onLeave(address operator, uint32 setId) external;
}
