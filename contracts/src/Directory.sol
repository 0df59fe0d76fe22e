// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IDirectory, Commission, OperatorInfo, ServiceCategory, ServiceInfo} from "./interfaces/IDirectory.sol";

/// @notice The core's withdrawal delay, which an increase of commission waits for.
interface IWithdrawalDelay {
    /// @notice Seconds between queueing and completing a withdrawal in the core.
    function withdrawalDelay() external view returns (uint32);
}

/// @title Directory
/// @notice Registry of operators and services. Split from the core so the core stays under the contract size limit
/// and holds only what touches money; the core deploys it and reads it.
contract Directory is IDirectory {
    /// @notice Upper bound of an operator's allocation delay.
    uint32 public constant MAX_ALLOCATION_DELAY = 30 days;
    /// @notice 100%, in basis points.
    uint16 public constant MAX_COMMISSION_BPS = 10_000;
    /// @notice The commission of an operator on a service until it sets one (10%).
    uint16 public constant DEFAULT_COMMISSION_BPS = 1_000;

    address internal immutable CORE;

    mapping(address operator => OperatorInfo) internal _operators;
    mapping(address operator => mapping(address service => Commission)) internal _commissions;
    mapping(address service => ServiceInfo) internal _services;

    constructor(address core_) {
        CORE = core_;
    }

    modifier onlyOperatorOrDelegate(address operator) {
        checkCanActFor(msg.sender, operator);
        _;
    }

    // ─────────────────────────── Operators ────────────────────────────

    /// @inheritdoc IDirectory
    function registerOperator(string calldata metadataURI, address delegate, uint32 allocationDelay) external {
        OperatorInfo storage info = _operators[msg.sender];
        require(!info.registered, OperatorAlreadyRegistered(msg.sender));
        require(allocationDelay <= MAX_ALLOCATION_DELAY, AllocationDelayTooLong(allocationDelay, MAX_ALLOCATION_DELAY));
        info.registered = true;
        info.delegate = delegate;
        info.allocationDelay = allocationDelay;
        emit OperatorRegistered(msg.sender, delegate, allocationDelay, metadataURI);
    }

    /// @inheritdoc IDirectory
    function setOperatorMetadata(address operator, string calldata metadataURI)
        external
        onlyOperatorOrDelegate(operator)
    {
        emit OperatorMetadataUpdated(operator, metadataURI);
    }

    /// @inheritdoc IDirectory
    function setOperatorDelegate(address delegate) external {
        OperatorInfo storage info = _operators[msg.sender];
        require(info.registered, OperatorNotRegistered(msg.sender));
        info.delegate = delegate;
        emit OperatorDelegateSet(msg.sender, delegate);
    }

    /// @inheritdoc IDirectory
    function setAllocationDelay(address operator, uint32 delay) external onlyOperatorOrDelegate(operator) {
        require(delay <= MAX_ALLOCATION_DELAY, AllocationDelayTooLong(delay, MAX_ALLOCATION_DELAY));
        OperatorInfo storage info = _operators[operator];
        uint32 current = _allocationDelay(info);
        uint40 effectAt = uint40(block.timestamp) + current;
        info.allocationDelay = current;
        info.pendingAllocationDelay = delay;
        info.allocationDelayEffectAt = effectAt;
        emit AllocationDelaySet(operator, delay, effectAt);
    }

    /// @inheritdoc IDirectory
    function setCommission(address operator, address service, uint16 bps) external onlyOperatorOrDelegate(operator) {
        require(bps <= MAX_COMMISSION_BPS, CommissionTooHigh(bps));
        require(_services[service].registered, ServiceNotRegistered(service));
        Commission storage commission = _commissions[operator][service];
        uint16 current = _commission(commission);
        uint40 effectAt = uint40(block.timestamp);
        commission.set = true;
        commission.pendingBps = bps;
        if (bps <= current) {
            commission.bps = bps;
            commission.effectAt = 0;
        } else {
            // Stakers who disagree queue a withdrawal now and are out when the new rate starts.
            effectAt += IWithdrawalDelay(CORE).withdrawalDelay();
            commission.bps = current;
            commission.effectAt = effectAt;
        }
        emit CommissionSet(operator, service, bps, effectAt);
    }

    // ─────────────────────────── Services ─────────────────────────────

    /// @inheritdoc IDirectory
    function registerService(string calldata metadataURI, ServiceCategory category) external {
        ServiceInfo storage info = _services[msg.sender];
        require(!info.registered, ServiceAlreadyRegistered(msg.sender));
        info.registered = true;
        info.category = category;
        emit ServiceRegistered(msg.sender, category, metadataURI);
    }

    /// @inheritdoc IDirectory
    function setServiceMetadata(string calldata metadataURI) external {
        require(_services[msg.sender].registered, ServiceNotRegistered(msg.sender));
        emit ServiceMetadataUpdated(msg.sender, metadataURI);
    }

    // ───────────────────────────── Views ──────────────────────────────

    /// @inheritdoc IDirectory
    function core() external view returns (address) {
        return CORE;
    }

    /// @inheritdoc IDirectory
    function isOperator(address operator) external view returns (bool) {
        return _operators[operator].registered;
    }

    /// @inheritdoc IDirectory
    function checkCanActFor(address caller, address operator) public view {
        OperatorInfo storage info = _operators[operator];
        require(info.registered, OperatorNotRegistered(operator));
        require(caller == operator || caller == info.delegate, NotOperatorOrDelegate(caller, operator));
    }

    /// @inheritdoc IDirectory
    function getOperator(address operator) external view returns (OperatorInfo memory) {
        return _operators[operator];
    }

    /// @inheritdoc IDirectory
    function allocationDelayOf(address operator) external view returns (uint32) {
        return _allocationDelay(_operators[operator]);
    }

    /// @inheritdoc IDirectory
    function commissionOf(address operator, address service) external view returns (uint16) {
        return _commission(_commissions[operator][service]);
    }

    /// @inheritdoc IDirectory
    function getCommission(address operator, address service) external view returns (Commission memory) {
        return _commissions[operator][service];
    }

    /// @inheritdoc IDirectory
    function isService(address service) external view returns (bool) {
        return _services[service].registered;
    }

    /// @inheritdoc IDirectory
    function getService(address service) external view returns (ServiceInfo memory) {
        return _services[service];
    }

    function _allocationDelay(OperatorInfo storage info) internal view returns (uint32) {
        uint40 effectAt = info.allocationDelayEffectAt;
        return effectAt != 0 && block.timestamp >= effectAt ? info.pendingAllocationDelay : info.allocationDelay;
    }

    function _commission(Commission storage commission) internal view returns (uint16) {
        if (!commission.set) return DEFAULT_COMMISSION_BPS;
        uint40 effectAt = commission.effectAt;
        return effectAt != 0 && block.timestamp >= effectAt ? commission.pendingBps : commission.bps;
    }
}
