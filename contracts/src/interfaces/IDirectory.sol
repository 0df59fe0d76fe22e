// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

/// @notice What a service does for a living; informational, shown to restakers.
enum ServiceCategory {
    Other,
    DataAvailability,
    Bridge,
    Oracle,
    Sequencer,
    Coprocessor,
    Keeper
}

/// @notice An operator's registration.
struct OperatorInfo {
    bool registered;
    /// @dev May act for the operator (allocate, commission, join, leave, metadata), but not change the delegate.
    address delegate;
    uint32 allocationDelay;
    uint32 pendingAllocationDelay;
    uint40 allocationDelayEffectAt;
}

/// @notice An operator's commission on one service's rewards, in basis points.
struct Commission {
    bool set;
    uint16 bps;
    uint16 pendingBps;
    uint40 effectAt;
}

/// @notice A service's registration.
struct ServiceInfo {
    bool registered;
    ServiceCategory category;
}

/// @title IDirectory
/// @notice Who is who: operators (metadata, delegate, allocation delay, commission per service) and services
/// (metadata, category). Deployed by the Rampart core, which reads it; no tokens ever pass through it.
/// @dev Rules: docs/protocol.md. Commissions are basis points (10_000 = 100%).
interface IDirectory {
    error OperatorAlreadyRegistered(address operator);
    error OperatorNotRegistered(address operator);
    error NotOperatorOrDelegate(address caller, address operator);
    error CommissionTooHigh(uint256 bps);
    error AllocationDelayTooLong(uint32 delay, uint32 max);
    error ServiceAlreadyRegistered(address service);
    error ServiceNotRegistered(address service);

    event OperatorRegistered(address indexed operator, address delegate, uint32 allocationDelay, string metadataURI);
    event OperatorMetadataUpdated(address indexed operator, string metadataURI);
    event OperatorDelegateSet(address indexed operator, address delegate);
    event AllocationDelaySet(address indexed operator, uint32 delay, uint40 effectAt);
    /// @param effectAt When `bps` applies: now for a decrease, after the withdrawal delay for an increase.
    event CommissionSet(address indexed operator, address indexed service, uint16 bps, uint40 effectAt);
    event ServiceRegistered(address indexed service, ServiceCategory category, string metadataURI);
    event ServiceMetadataUpdated(address indexed service, string metadataURI);

    /// @notice Registers the caller as an operator. A new operator's allocation delay applies at once: no waiting
    /// period before the first allocation.
    /// @param delegate Optional address that may act for the operator (address(0) for none).
    /// @param allocationDelay Seconds before an allocation increase becomes slashable, at most MAX_ALLOCATION_DELAY.
    function registerOperator(string calldata metadataURI, address delegate, uint32 allocationDelay) external;

    /// @notice Updates an operator's metadata URI. Operator or delegate.
    function setOperatorMetadata(address operator, string calldata metadataURI) external;

    /// @notice Sets or clears (address(0)) the caller's delegate. Only the operator itself.
    function setOperatorDelegate(address delegate) external;

    /// @notice Changes the allocation delay; the new value takes effect after the current one, so stakers always have
    /// at least the delay they saw. Operator or delegate.
    function setAllocationDelay(address operator, uint32 delay) external;

    /// @notice Sets the operator's commission on `service`'s rewards. A decrease applies at once; an increase applies
    /// after the core's withdrawal delay, so stakers who disagree can leave first. Operator or delegate.
    function setCommission(address operator, address service, uint16 bps) external;

    /// @notice Registers the caller as a service.
    function registerService(string calldata metadataURI, ServiceCategory category) external;

    /// @notice Updates the calling service's metadata URI.
    function setServiceMetadata(string calldata metadataURI) external;

    /// @notice The Rampart core this directory belongs to.
    function core() external view returns (address);

    /// @notice Whether `operator` is registered.
    function isOperator(address operator) external view returns (bool);

    /// @notice Whether `caller` may act for `operator`; reverts with the reason if not (unregistered, not allowed).
    function checkCanActFor(address caller, address operator) external view;

    /// @notice Registration of `operator`.
    function getOperator(address operator) external view returns (OperatorInfo memory);

    /// @notice The allocation delay in force for `operator` now.
    function allocationDelayOf(address operator) external view returns (uint32);

    /// @notice The commission in force for `operator` on `service` (DEFAULT_COMMISSION_BPS if never set).
    function commissionOf(address operator, address service) external view returns (uint16);

    /// @notice The commission record of `operator` on `service`, with any pending increase.
    function getCommission(address operator, address service) external view returns (Commission memory);

    /// @notice Whether `service` is registered.
    function isService(address service) external view returns (bool);

    /// @notice Registration of `service`.
    function getService(address service) external view returns (ServiceInfo memory);
}
