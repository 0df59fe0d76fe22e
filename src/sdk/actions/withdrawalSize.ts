// How much of a position to queue for a withdrawal or a redelegation: a token amount, shares, or everything.
import type { Address } from "viem";
import type { RampartClient } from "../client.ts";
import type { DeployedAsset } from "../deployment.ts";
import { RampartError } from "../errors.ts";
import { formatAmount } from "../format.ts";
import { reading } from "../reads/internal.ts";

const VIRTUAL_SHARES = 1_000_000n;
const VIRTUAL_ASSETS = 1n;

/** How much to take out of a position: a token amount, a number of shares, or everything. */
export type WithdrawalSize = { amount: bigint } | { shares: bigint } | "all";

/**
 * Shares to queue for a size: "all" is every share held; an amount is the shares it takes, rounded up (as the
 * protocol rounds against the caller), capped at the shares held.
 */
export async function sharesForSize(
  client: RampartClient,
  staker: Address,
  operator: Address,
  asset: DeployedAsset,
  size: WithdrawalSize,
): Promise<bigint> {
  const { publicClient, rampart } = client;
  const [held, pool] = await reading("reading your position", () =>
    Promise.all([
      publicClient.readContract({ ...rampart, functionName: "sharesOf", args: [staker, operator, asset.address] }),
      publicClient.readContract({ ...rampart, functionName: "getPool", args: [operator, asset.address] }),
    ]),
  );
  if (held === 0n) {
    throw new RampartError(`${staker} holds no ${asset.symbol} shares with operator ${operator}`, {
      hint: "run `rampart positions` to see your positions",
    });
  }
  if (size === "all") return held;
  if ("shares" in size) {
    if (size.shares <= 0n) throw new RampartError("the number of shares must be greater than zero");
    if (size.shares > held) {
      throw new RampartError(`you hold ${held} shares in this pool, fewer than the ${size.shares} requested`, {
        hint: 'ask for fewer shares, or "all"',
      });
    }
    return size.shares;
  }
  if (size.amount <= 0n)
    throw new RampartError("the amount must be greater than zero", { hint: "use a positive amount" });
  const value = (held * (BigInt(pool.totalAssets) + VIRTUAL_ASSETS)) / (BigInt(pool.totalShares) + VIRTUAL_SHARES);
  if (size.amount > value) {
    throw new RampartError(
      `amount above your position: ${formatAmount(size.amount, asset.decimals, asset.symbol)} requested, your shares are worth ${formatAmount(value, asset.decimals, asset.symbol)}`,
      { hint: 'withdraw at most that, or "all"' },
    );
  }
  const numerator = size.amount * (BigInt(pool.totalShares) + VIRTUAL_SHARES);
  const denominator = BigInt(pool.totalAssets) + VIRTUAL_ASSETS;
  const needed = (numerator + denominator - 1n) / denominator;
  return needed < held ? needed : held;
}
