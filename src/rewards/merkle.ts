// The distribution tree: one leaf per (earner, token) with the earner's cumulative earnings, in the layout of an
// @openzeppelin/merkle-tree StandardMerkleTree of (address, address, uint256) — the leaf RampartRewards.leafOf
// computes on chain, sorted leaf hashes, sorted-pair node hashing, the same array-encoded complete binary tree.
//
// The hashing is done here with a WebAssembly keccak (hash-wasm), about 10× the library's pure-JS one, and the
// library's per-leaf lookup table is skipped: at 10⁶ leaves those two took minutes. `toStandardTree` gives the
// library's own object for interop, and test/rewards-calculator.test.ts checks the two agree leaf for leaf.
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { createKeccak } from "hash-wasm";
import type { Address, Hex } from "viem";
import type { Addr } from "./model.ts";

export const LEAF_ENCODING = ["address", "address", "uint256"] as const;

/** A leaf's values: earner, token (lowercase), cumulative amount (decimal string, as the tree library stores it). */
export type LeafValue = [earner: Address, token: Address, cumulativeAmount: string];

export interface DistributionLeaf {
  earner: Address;
  token: Address;
  cumulativeAmount: bigint;
  /** Position of the leaf's hash in `nodes`. */
  treeIndex: number;
}

export interface DistributionTree {
  root: Hex;
  /** The complete binary tree, root first (StandardMerkleTree's `tree`). */
  nodes: string[];
  /** Leaves sorted by (earner, token). */
  leaves: DistributionLeaf[];
}

/** Keccak-256 in WebAssembly. */
const keccak = await createKeccak(256);

function hash(data: Uint8Array): Uint8Array {
  keccak.init();
  keccak.update(data);
  return keccak.digest("binary");
}

const toHex = (bytes: Uint8Array): string =>
  `0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}`;

/** abi.encode(address, address, uint256) → keccak256(keccak256(…)): StandardMerkleTree's leaf hash. */
export function leafHash(earner: string, token: string, amount: bigint): string {
  const encoded = Buffer.alloc(96);
  encoded.write(earner.slice(2), 12, "hex");
  encoded.write(token.slice(2), 44, "hex");
  encoded.write(amount.toString(16).padStart(64, "0"), 64, "hex");
  return toHex(hash(hash(encoded)));
}

const pair = Buffer.alloc(64);
/** StandardMerkleTree's node hash: keccak256 of the two children, smaller first. */
function nodeHash(a: string, b: string): string {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  pair.write(lo.slice(2), 0, "hex");
  pair.write(hi.slice(2), 32, "hex");
  return toHex(hash(pair));
}

/** Builds the tree of (earner, token, cumulative amount) entries; undefined without a positive amount. */
export function buildTreeOfLeaves(entries: Iterable<[string, string, bigint]>): DistributionTree | undefined {
  const leaves: DistributionLeaf[] = [];
  for (const [earner, token, amount] of entries) {
    if (amount > 0n) {
      leaves.push({
        earner: earner.toLowerCase() as Address,
        token: token.toLowerCase() as Address,
        cumulativeAmount: amount,
        treeIndex: 0,
      });
    }
  }
  if (leaves.length === 0) return undefined;
  leaves.sort((a, b) => (a.earner !== b.earner ? (a.earner < b.earner ? -1 : 1) : a.token < b.token ? -1 : 1));
  const hashed = leaves.map((leaf, index) => ({
    index,
    hash: leafHash(leaf.earner, leaf.token, leaf.cumulativeAmount),
  }));
  // Lowercase hex of equal length sorts like the bytes it stands for.
  hashed.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  const nodes = new Array<string>(2 * hashed.length - 1);
  hashed.forEach((leaf, i) => {
    nodes[nodes.length - 1 - i] = leaf.hash;
    (leaves[leaf.index] as DistributionLeaf).treeIndex = nodes.length - 1 - i;
  });
  for (let i = nodes.length - 1 - hashed.length; i >= 0; i--) {
    nodes[i] = nodeHash(nodes[2 * i + 1] as string, nodes[2 * i + 2] as string);
  }
  return { root: nodes[0] as Hex, nodes, leaves };
}

/**
 * The tree of cumulative earnings (earner → token → amount); undefined when nobody has earned anything yet.
 * The same earnings always give the same root, whatever order they were inserted in.
 */
export function buildDistributionTree(earnings: Map<Addr, Map<Addr, bigint>>): DistributionTree | undefined {
  function* entries(): Generator<[string, string, bigint]> {
    for (const [earner, tokens] of earnings) for (const [token, amount] of tokens) yield [earner, token, amount];
  }
  return buildTreeOfLeaves(entries());
}

/** The proof of (earner, token), with its cumulative amount; undefined if the tree has no such leaf. */
export function proofOf(
  tree: DistributionTree,
  earner: string,
  token: string,
): { cumulativeAmount: bigint; proof: Hex[] } | undefined {
  const e = earner.toLowerCase();
  const t = token.toLowerCase();
  const leaf = tree.leaves.find((l) => l.earner === e && l.token === t);
  if (!leaf) return undefined;
  const proof: Hex[] = [];
  for (let i = leaf.treeIndex; i > 0; i = Math.floor((i - 1) / 2)) {
    proof.push(tree.nodes[i % 2 === 1 ? i + 1 : i - 1] as Hex);
  }
  return { cumulativeAmount: leaf.cumulativeAmount, proof };
}

/** The same tree as @openzeppelin/merkle-tree's own object (dump, render, multiproofs…). */
export function toStandardTree(tree: DistributionTree): StandardMerkleTree<LeafValue> {
  return StandardMerkleTree.load<LeafValue>({
    format: "standard-v1",
    leafEncoding: [...LEAF_ENCODING],
    tree: tree.nodes,
    values: tree.leaves.map((l) => ({
      value: [l.earner, l.token, l.cumulativeAmount.toString()],
      treeIndex: l.treeIndex,
    })),
  });
}

/** The header line of a published tree file; one JSON line per leaf follows: [earner, token, amount]. */
export interface PublishedTreeHeader {
  format: "rampart-distribution-v1";
  chainId: number;
  rewards: Address;
  calculatedUntil: string;
  root: Hex;
  leafEncoding: readonly string[];
  leaves: number;
}

/**
 * Writes a tree as NDJSON: the header, then one leaf per line. Streamed, so that a million-leaf tree never has to
 * fit in one string.
 */
export function writePublishedTree(
  file: string,
  header: Omit<PublishedTreeHeader, "format" | "leafEncoding" | "leaves" | "root">,
  tree: DistributionTree,
): void {
  const fd = openSync(file, "w");
  try {
    const full: PublishedTreeHeader = {
      format: "rampart-distribution-v1",
      ...header,
      root: tree.root,
      leafEncoding: LEAF_ENCODING,
      leaves: tree.leaves.length,
    };
    writeSync(fd, `${JSON.stringify(full)}\n`);
    const CHUNK = 10_000;
    for (let i = 0; i < tree.leaves.length; i += CHUNK) {
      const lines = tree.leaves
        .slice(i, i + CHUNK)
        .map((l) => `["${l.earner}","${l.token}","${l.cumulativeAmount}"]`)
        .join("\n");
      writeSync(fd, `${lines}\n`);
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads a published tree, rebuilds it from its leaves and checks that they hash to the root it names. */
export function readPublishedTree(file: string): { header: PublishedTreeHeader; tree: DistributionTree } {
  const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
  const header = JSON.parse(lines[0] ?? "{}") as PublishedTreeHeader;
  if (header.format !== "rampart-distribution-v1") {
    throw new Error(`unknown tree format "${String(header.format)}"`);
  }
  const tree = buildTreeOfLeaves(
    lines.slice(1).map((line) => {
      const [earner, token, amount] = JSON.parse(line) as [string, string, string];
      return [earner, token, BigInt(amount)] as [string, string, bigint];
    }),
  );
  if (!tree || tree.root.toLowerCase() !== header.root.toLowerCase()) {
    throw new Error(`its leaves hash to ${tree?.root ?? "nothing"}, not the root ${header.root} it names`);
  }
  return { header, tree };
}
