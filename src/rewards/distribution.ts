// The rewards workflow against a live deployment: compute the distribution from chain events, post its root
// (updater), verify a posted root, and claim with proofs recomputed from the chain — nobody has to trust a file.
import { existsSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { type Address, getAddress, type Hex, parseEventLogs } from "viem";
import { rewardsAbi } from "../sdk/abis.ts";
import { type AdvanceTimeResult, advanceTime } from "../sdk/actions/advanceTime.ts";
import { type TransactionInfo, transactionInfo } from "../sdk/actions/internal.ts";
import { type RampartClient, requireWallet, write } from "../sdk/client.ts";
import { RampartError } from "../sdk/errors.ts";
import { chainNow, parseAddress } from "../sdk/reads/internal.ts";
import {
  type DistributionRootInfo,
  getClaimed,
  latestActiveRoot,
  listDistributionRoots,
} from "../sdk/reads/rewardPrograms.ts";
import { type CalculateOptions, calculateRewards, type RewardsResult } from "./calculator.ts";
import { readRewardEvents } from "./events.ts";
import {
  buildDistributionTree,
  type DistributionTree,
  proofOf,
  readPublishedTree,
  writePublishedTree,
} from "./merkle.ts";
import { addr, DAY } from "./model.ts";

/** The last day boundary at or before `time`. */
export function dayFloor(time: bigint): bigint {
  return time - (time % DAY);
}

export interface Distribution {
  result: RewardsResult;
  tree: DistributionTree | undefined;
  /** Block the events were read up to. */
  toBlock: bigint;
}

/**
 * Computes every earner's cumulative earnings for the days ended by `calculatedUntil` (default: the latest midnight
 * of the chain's clock) from the chain's events, and the tree of those earnings.
 * @example
 * const { result, tree } = await computeDistribution(client);
 */
export async function computeDistribution(
  client: RampartClient,
  options: CalculateOptions & { calculatedUntil?: bigint; onLogs?: (count: number) => void } = {},
): Promise<Distribution> {
  const read = await readRewardEvents(client, { onProgress: options.onLogs });
  const calculatedUntil = options.calculatedUntil ?? dayFloor(read.toTime);
  if (calculatedUntil % DAY !== 0n) {
    throw new RampartError(`${calculatedUntil} is not a day boundary`, { hint: "roots cover whole UTC days" });
  }
  if (calculatedUntil > read.toTime) {
    throw new RampartError("cannot compute days that have not ended on chain yet", {
      hint: "use a time at or before the latest block's",
    });
  }
  const result = calculateRewards(read.events, calculatedUntil, options);
  return { result, tree: buildDistributionTree(result.earnings), toBlock: read.toBlock };
}

/** Where published trees live: `<dir>/root-<index>.json`. */
export function treeFile(treesDir: string, rootIndex: number): string {
  return path.join(treesDir, `root-${rootIndex}.json`);
}

export interface PostRootResult extends TransactionInfo {
  rootIndex: number;
  root: Hex;
  calculatedUntil: bigint;
  activatesAt: bigint;
  leaves: number;
  /** The published tree (leaves and all), for verifiers and claimers. */
  file: string;
}

/**
 * Computes the distribution until `calculatedUntil` (default: the latest midnight), posts its root from the client's
 * account (the rewards updater) and publishes the tree in `treesDir`.
 * @example
 * await postDistributionRoot(updaterClient, { treesDir: ".rampart/rewards" });
 */
export async function postDistributionRoot(
  client: RampartClient,
  options: { treesDir: string; calculatedUntil?: bigint; tamper?: (tree: DistributionTree) => DistributionTree },
): Promise<PostRootResult> {
  const wallet = requireWallet(client);
  const updater = await client.publicClient.readContract({ ...client.rewards, functionName: "rewardsUpdater" });
  if (updater.toLowerCase() !== wallet.account.address.toLowerCase()) {
    throw new RampartError(`${wallet.account.address} is not the rewards updater (${updater})`, {
      hint: "post roots with the updater's account (--account); on the local network it is dev account #0",
    });
  }
  const distribution = await computeDistribution(client, { calculatedUntil: options.calculatedUntil });
  let tree = distribution.tree;
  if (!tree) {
    throw new RampartError("nobody has earned anything by then: there is no root to post", {
      hint: "rewards start once a program's first day with allocated stake has ended",
    });
  }
  if (options.tamper) tree = options.tamper(tree);
  const calculatedUntil = distribution.result.calculatedUntil;
  const roots = await listDistributionRoots(client);
  const last = roots.at(-1);
  if (last && !last.disabled && last.root === tree.root && last.calculatedUntil === calculatedUntil) {
    throw new RampartError(`root ${last.index} already is this distribution (${tree.root})`, {
      hint: "nothing to post until another day ends",
    });
  }
  const { receipt } = await write(
    client,
    { ...client.rewards, functionName: "submitRoot", args: [tree.root, Number(calculatedUntil)] },
    "posting the distribution root",
  );
  const [event] = parseEventLogs({ abi: rewardsAbi, logs: receipt.logs, eventName: "DistributionRootSubmitted" });
  if (!event) throw new RampartError("the root transaction emitted no DistributionRootSubmitted event");
  const rootIndex = event.args.rootIndex;
  mkdirSync(options.treesDir, { recursive: true });
  const file = treeFile(options.treesDir, rootIndex);
  writePublishedTree(
    `${file}.tmp`,
    {
      chainId: client.deployment.chainId,
      rewards: client.rewards.address,
      calculatedUntil: calculatedUntil.toString(),
    },
    tree,
  );
  renameSync(`${file}.tmp`, file);
  return {
    ...transactionInfo(receipt),
    rootIndex,
    root: tree.root,
    calculatedUntil,
    activatesAt: BigInt(event.args.activatesAt),
    leaves: tree.leaves.length,
    file,
  };
}

/** One (earner, token) whose amount in a posted tree differs from the chain's events. */
export interface LeafDifference {
  earner: Address;
  token: Address;
  posted: bigint | undefined;
  expected: bigint | undefined;
}

export interface VerifyResult {
  rootIndex: number;
  calculatedUntil: bigint;
  postedRoot: Hex;
  expectedRoot: Hex | undefined;
  matches: boolean;
  /** From the published tree, when there is one: the leaves that differ. */
  differences: LeafDifference[] | undefined;
  /** Why the differences are unknown (no published tree, or one that does not hash to the posted root). */
  note: string | undefined;
}

/**
 * Recomputes a posted root (default: the latest) from the chain's events and says whether it matches; with the
 * published tree it also lists the leaves that differ.
 */
export async function verifyRoot(
  client: RampartClient,
  options: { rootIndex?: number; treesDir?: string; treeFile?: string } = {},
): Promise<VerifyResult> {
  const roots = await listDistributionRoots(client);
  if (roots.length === 0) {
    throw new RampartError("no distribution root has been posted yet", {
      hint: "post one with `rampart rewards post`",
    });
  }
  const root = options.rootIndex === undefined ? (roots.at(-1) as DistributionRootInfo) : roots[options.rootIndex];
  if (!root) {
    throw new RampartError(`root ${options.rootIndex} does not exist (${roots.length} posted)`, {
      hint: `use 0 to ${roots.length - 1}`,
    });
  }
  const { tree } = await computeDistribution(client, { calculatedUntil: root.calculatedUntil });
  const matches = tree?.root === root.root;
  let differences: LeafDifference[] | undefined;
  let note: string | undefined;
  const file = options.treeFile ?? (options.treesDir ? treeFile(options.treesDir, root.index) : undefined);
  if (!matches) {
    if (file && existsSync(file)) {
      try {
        const published = readPublishedTree(file).tree;
        if (published.root.toLowerCase() !== root.root.toLowerCase()) {
          note = `the published tree ${file} is for root ${published.root}, not the posted ${root.root}`;
        } else {
          differences = diffLeaves(
            published.leaves.map((l) => ({ earner: l.earner, token: l.token, amount: l.cumulativeAmount })),
            tree?.leaves.map((l) => ({ earner: l.earner, token: l.token, amount: l.cumulativeAmount })) ?? [],
          );
        }
      } catch (error) {
        note = `the published tree ${file} is unusable: ${(error as Error).message}`;
      }
    } else {
      note =
        "no published tree for this root here, so the differing leaves cannot be named; pass the updater's tree file with --tree";
    }
  }
  return {
    rootIndex: root.index,
    calculatedUntil: root.calculatedUntil,
    postedRoot: root.root,
    expectedRoot: tree?.root,
    matches,
    differences,
    note,
  };
}

function diffLeaves(
  posted: { earner: string; token: string; amount: bigint }[],
  expected: { earner: string; token: string; amount: bigint }[],
): LeafDifference[] {
  const key = (l: { earner: string; token: string }) => `${l.earner.toLowerCase()}${l.token.toLowerCase()}`;
  const byKey = new Map<string, LeafDifference>();
  for (const l of posted) {
    byKey.set(key(l), {
      earner: getAddress(l.earner),
      token: getAddress(l.token),
      posted: l.amount,
      expected: undefined,
    });
  }
  for (const l of expected) {
    const found = byKey.get(key(l));
    if (found) found.expected = l.amount;
    else
      byKey.set(key(l), {
        earner: getAddress(l.earner),
        token: getAddress(l.token),
        posted: undefined,
        expected: l.amount,
      });
  }
  return [...byKey.values()].filter((d) => d.posted !== d.expected);
}

export interface ClaimResult extends TransactionInfo {
  rootIndex: number;
  earner: Address;
  recipient: Address;
  claimed: { token: Address; amount: bigint; cumulative: bigint }[];
}

/**
 * Claims everything claimable for `earner` (default: the client's account) against the latest active root, with
 * proofs recomputed from the chain's events. Refuses if the posted root is not what the events give.
 * @example
 * await claimRewards(client, { recipient: "0x…" });
 */
export async function claimRewards(
  client: RampartClient,
  options: { earner?: string; recipient?: string; tokens?: readonly Address[]; treeFile?: string } = {},
): Promise<ClaimResult> {
  const wallet = requireWallet(client);
  const earner = options.earner ? parseAddress(options.earner, "earner address") : wallet.account.address;
  const recipient = options.recipient ? parseAddress(options.recipient, "recipient address") : earner;
  const roots = await listDistributionRoots(client);
  const root = latestActiveRoot(roots);
  if (!root) {
    const pending = roots.filter((r) => r.status === "pending").at(-1);
    throw new RampartError("no distribution root is active yet, so nothing can be claimed", {
      hint: pending
        ? `root ${pending.index} activates at ${new Date(Number(pending.activatesAt) * 1000).toISOString()}; wait (rampart time advance on a local chain)`
        : "the rewards updater has not posted a root yet",
    });
  }
  let tree: DistributionTree | undefined;
  if (options.treeFile) {
    // A tree someone published: its leaves must hash to the posted root, but its amounts are taken on trust.
    let published: DistributionTree;
    try {
      published = readPublishedTree(options.treeFile).tree;
    } catch (error) {
      throw new RampartError(`the tree file ${options.treeFile} is unusable: ${(error as Error).message}`, {
        hint: "pass the root-<n>.json file the updater published",
      });
    }
    if (published.root !== root.root) {
      throw new RampartError(`the tree file is for root ${published.root}, not the active root ${root.root}`, {
        hint: `pass the file of root ${root.index}`,
      });
    }
    tree = published;
  } else {
    tree = (await computeDistribution(client, { calculatedUntil: root.calculatedUntil })).tree;
    if (!tree || tree.root !== root.root) {
      throw new RampartError(`root ${root.index} (${root.root}) is not what the chain's events give`, {
        hint: "run `rampart rewards verify` and report it; to claim anyway, pass the updater's tree with --tree",
      });
    }
  }
  const leaves = tree.leaves.filter(
    (l) =>
      l.earner.toLowerCase() === earner.toLowerCase() &&
      (!options.tokens || options.tokens.some((t) => t.toLowerCase() === l.token.toLowerCase())),
  );
  const claimed = await getClaimed(
    client,
    earner,
    leaves.map((l) => l.token),
  );
  const claims = leaves
    .filter((l) => l.cumulativeAmount > (claimed.get(l.token) ?? 0n))
    .map((l) => {
      const proof = proofOf(tree, l.earner, l.token);
      if (!proof) throw new RampartError(`no proof for ${l.earner}/${l.token}`);
      return { token: l.token, cumulativeAmount: l.cumulativeAmount, proof: proof.proof };
    });
  if (claims.length === 0) {
    throw new RampartError(`nothing to claim for ${earner} in root ${root.index}`, {
      hint:
        leaves.length === 0 ? "this address has not earned rewards yet" : "everything in this root is claimed already",
    });
  }
  const { receipt } = await write(
    client,
    { ...client.rewards, functionName: "claim", args: [root.index, earner, recipient, claims] },
    "claiming rewards",
  );
  const events = parseEventLogs({ abi: rewardsAbi, logs: receipt.logs, eventName: "RewardsClaimed" });
  return {
    ...transactionInfo(receipt),
    rootIndex: root.index,
    earner,
    recipient,
    claimed: events.map((e) => ({
      token: getAddress(e.args.token),
      amount: e.args.amount,
      cumulative: e.args.cumulativeClaimed,
    })),
  };
}

/** One line of `rewards show`: an earner's earnings from one service in one token. */
export interface EarningsLine {
  service: Address;
  token: Address;
  role: "operator" | "staker" | "refund";
  /** In the latest active root (claimable up to this, minus what was claimed). */
  inActiveRoot: bigint;
  /** All completed days, posted or not. */
  completedDays: bigint;
  /** Including today so far (today's share as if it ended now: an estimate). */
  withToday: bigint;
}

export interface EarningsSummary {
  earner: Address;
  activeRoot: DistributionRootInfo | undefined;
  /** False when the active root is not what the chain's events give: claims against it are refused, claimable is 0. */
  activeRootVerified: boolean;
  lines: EarningsLine[];
  /** Per token: claimed so far, claimable now (in the active root, unclaimed), earned in total (completed days). */
  tokens: { token: Address; claimed: bigint; claimable: bigint; earned: bigint; withToday: bigint }[];
}

/**
 * An earner's rewards by service and token: what the active root holds, what completed days add, and an estimate
 * including today; per token, claimed and claimable.
 */
export async function getEarnings(client: RampartClient, earnerText: string): Promise<EarningsSummary> {
  const earner = parseAddress(earnerText, "address");
  const key = addr(earner);
  const read = await readRewardEvents(client);
  const roots = await listDistributionRoots(client);
  const active = latestActiveRoot(roots);
  const completedUntil = dayFloor(read.toTime);
  // Today as if it ended now (the state so far stands for the whole day), with the ended days as a checkpoint.
  const today = calculateRewards(read.events, completedUntil + DAY, {
    breakdownFor: new Set([key]),
    checkpoints: [completedUntil],
  });
  const completed = { breakdown: today.checkpoints.get(completedUntil) ?? [] };
  // The active root's own figures, and whether the root is what the events give: if not, nothing is claimable.
  const inRoot = active
    ? calculateRewards(read.events, active.calculatedUntil, { breakdownFor: new Set([key]) })
    : undefined;
  const activeRootVerified = active && inRoot ? buildDistributionTree(inRoot.earnings)?.root === active.root : false;
  const lines = new Map<string, EarningsLine>();
  const line = (l: { service: string; token: string; role: EarningsLine["role"] }): EarningsLine => {
    const k = `${l.service}${l.token}${l.role}`;
    let found = lines.get(k);
    if (!found) {
      found = {
        service: getAddress(l.service),
        token: getAddress(l.token),
        role: l.role,
        inActiveRoot: 0n,
        completedDays: 0n,
        withToday: 0n,
      };
      lines.set(k, found);
    }
    return found;
  };
  for (const l of inRoot?.breakdown ?? []) if (l.earner === key) line(l).inActiveRoot += l.amount;
  for (const l of completed.breakdown) line(l).completedDays += l.amount;
  for (const l of today.breakdown) line(l).withToday += l.amount;
  const tokens = [...new Set([...lines.values()].map((l) => l.token))].sort();
  const claimed = await getClaimed(client, earner, tokens);
  return {
    earner,
    activeRoot: active,
    activeRootVerified,
    lines: [...lines.values()],
    tokens: tokens.map((token) => {
      const sum = (pick: (l: EarningsLine) => bigint) =>
        [...lines.values()].filter((l) => l.token === token).reduce((s, l) => s + pick(l), 0n);
      const inActive = sum((l) => l.inActiveRoot);
      const done = claimed.get(token) ?? 0n;
      return {
        token,
        claimed: done,
        claimable: activeRootVerified && inActive > done ? inActive - done : 0n,
        earned: sum((l) => l.completedDays),
        withToday: sum((l) => l.withToday),
      };
    }),
  };
}

/** The chain's current day boundary (for "days passed" logic). */
export async function currentDay(client: RampartClient): Promise<bigint> {
  return dayFloor((await chainNow(client)).timestamp);
}

/** Most roots one `time advance` posts; a longer jump posts one root at its last midnight. */
const MAX_ROOTS_PER_ADVANCE = 14;

export interface AdvanceWithRootsResult extends AdvanceTimeResult {
  /** Roots posted at the midnights crossed. */
  roots: PostRootResult[];
  /** Why no root was posted, when none was. */
  note: string | undefined;
}

/**
 * Dev chains: moves the clock forward by `seconds`, stopping at each UTC midnight crossed so that the rewards updater
 * (`updater`, a client signing as it) posts the root of the day that just ended — as a real updater would.
 */
export async function advanceTimeWithRoots(
  client: RampartClient,
  seconds: number,
  options: { updater: RampartClient | undefined; treesDir: string },
): Promise<AdvanceWithRootsResult> {
  const start = await chainNow(client);
  const target = start.timestamp + BigInt(seconds);
  const roots: PostRootResult[] = [];
  let note: string | undefined;
  if (!options.updater) {
    const result = await advanceTime(client, seconds);
    return { ...result, roots, note: "the node cannot sign for the rewards updater, so no root was posted" };
  }
  let now = start.timestamp;
  const midnights: bigint[] = [];
  for (let m = dayFloor(now) + DAY; m <= target; m += DAY) midnights.push(m);
  const stops = midnights.length > MAX_ROOTS_PER_ADVANCE ? midnights.slice(-1) : midnights;
  let last: AdvanceTimeResult | undefined;
  for (const midnight of stops) {
    if (midnight > now) {
      last = await advanceTime(client, midnight - now);
      now = last.to;
    }
    try {
      roots.push(await postDistributionRoot(options.updater, { treesDir: options.treesDir }));
    } catch (error) {
      if (!(error instanceof RampartError)) throw error;
      note = error.shortMessage;
    }
  }
  if (target > now) {
    last = await advanceTime(client, target - now);
    now = last.to;
  }
  return {
    from: start.timestamp,
    to: now,
    blockNumber: last?.blockNumber ?? start.blockNumber,
    roots,
    note: roots.length === 0 ? (note ?? "no midnight was crossed") : undefined,
  };
}
