// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

/// @notice Builds Merkle trees and proofs the way OpenZeppelin's merkle-tree (JS) StandardMerkleTree does, so that tests
/// produce the roots the off-chain calculator would: leaves sorted ascending and laid out from the end of a complete
/// binary tree in array form, each inner node the keccak of its two children in ascending order (the commutative
/// hash OpenZeppelin's MerkleProof verifies). Quadratic in places; meant for a handful of leaves.
library Merkle {
    /// @dev The StandardMerkleTree leaf of (address earner, address token, uint256 cumulativeAmount).
    function leaf(address earner, address token, uint256 cumulativeAmount) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(earner, token, cumulativeAmount))));
    }

    /// @dev The whole tree: the root at index 0, the leaves in the last `leaves.length` slots.
    function build(bytes32[] memory leaves) internal pure returns (bytes32[] memory tree) {
        uint256 n = leaves.length;
        require(n != 0, "Merkle: no leaves");
        bytes32[] memory sorted = _sorted(leaves);
        tree = new bytes32[](2 * n - 1);
        for (uint256 i; i < n; ++i) {
            tree[tree.length - 1 - i] = sorted[i];
        }
        for (uint256 i = tree.length - n; i != 0;) {
            --i;
            tree[i] = hashPair(tree[2 * i + 1], tree[2 * i + 2]);
        }
    }

    function root(bytes32[] memory leaves) internal pure returns (bytes32) {
        return build(leaves)[0];
    }

    /// @dev The proof of `leafHash` in `tree` (siblings from the leaf up). Reverts if the leaf is not in the tree.
    function proof(bytes32[] memory tree, bytes32 leafHash) internal pure returns (bytes32[] memory path) {
        uint256 index = _indexOf(tree, leafHash);
        bytes32[] memory buffer = new bytes32[](64);
        uint256 length;
        while (index != 0) {
            buffer[length++] = tree[index % 2 == 1 ? index + 1 : index - 1];
            index = (index - 1) / 2;
        }
        path = new bytes32[](length);
        for (uint256 i; i < length; ++i) {
            path[i] = buffer[i];
        }
    }

    function hashPair(bytes32 a, bytes32 b) internal pure returns (bytes32) {
        return a < b ? keccak256(abi.encode(a, b)) : keccak256(abi.encode(b, a));
    }

    function _indexOf(bytes32[] memory tree, bytes32 leafHash) private pure returns (uint256) {
        uint256 firstLeaf = tree.length / 2;
        for (uint256 i = firstLeaf; i < tree.length; ++i) {
            if (tree[i] == leafHash) return i;
        }
        revert("Merkle: leaf not in tree");
    }

    function _sorted(bytes32[] memory values) private pure returns (bytes32[] memory sorted) {
        sorted = new bytes32[](values.length);
        for (uint256 i; i < values.length; ++i) {
            bytes32 value = values[i];
            uint256 j = i;
            for (; j != 0 && sorted[j - 1] > value; --j) {
                sorted[j] = sorted[j - 1];
            }
            sorted[j] = value;
        }
    }
}
