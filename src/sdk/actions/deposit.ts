// Deposit: approve the exact amount if the allowance is short, then deposit with a minimum of shares.
import type { Address, Hash } from "viem";
import { mockErc20Abi } from "../abis.ts";
import { type RampartClient, write } from "../client.ts";
import type { DeployedAsset } from "../deployment.ts";
import { ERROR_HINTS, RampartError } from "../errors.ts";
import { formatAmount } from "../format.ts";
import { parseAddress, reading, resolveAsset } from "../reads/internal.ts";
import { accountAddress, type TransactionInfo, transactionInfo } from "./internal.ts";

export interface ApproveAndDepositParams {
  /** The operator whose pool receives the deposit. */
  operator: Address | string;
  /** Symbol or address of a deployment asset. */
  asset: string | DeployedAsset;
  /** Base units. */
  amount: bigint;
  /** Who gets the shares (default: the client's account). */
  onBehalf?: Address;
  /** Fewest shares accepted (default: what `assetsToShares` quotes just before sending). */
  minShares?: bigint;
}

export interface ApproveAndDepositResult extends TransactionInfo {
  shares: bigint;
  amount: bigint;
  asset: Address;
  operator: Address;
  /** The approval sent first, if the allowance was short. */
  approvalHash: Hash | undefined;
}

/**
 * Deposits `amount` of `asset` into `operator`'s pool. Checks the balance first (a RampartError "amount above
 * balance" with a hint otherwise), approves exactly `amount` if the allowance is short, and sends the deposit with
 * `minShares` set to the quoted shares.
 * @example
 * const { shares } = await approveAndDeposit(client, { operator, asset: "wstETH", amount: parseAmount("10", 18) });
 */
export async function approveAndDeposit(
  client: RampartClient,
  params: ApproveAndDepositParams,
): Promise<ApproveAndDepositResult> {
  const account = accountAddress(client);
  const asset = resolveAsset(client, params.asset);
  const operator = parseAddress(params.operator, "operator address");
  const { amount } = params;
  if (amount <= 0n) {
    throw new RampartError("the amount must be greater than zero", { hint: "deposit a positive amount" });
  }
  const token = { address: asset.address, abi: mockErc20Abi } as const;
  const [balance, allowance] = await reading("reading your token balance", () =>
    Promise.all([
      client.publicClient.readContract({ ...token, functionName: "balanceOf", args: [account] }),
      client.publicClient.readContract({
        ...token,
        functionName: "allowance",
        args: [account, client.rampart.address],
      }),
    ]),
  );
  if (balance < amount) {
    throw new RampartError(
      `amount above balance: ${formatAmount(amount, asset.decimals, asset.symbol)} requested, ${account} holds ${formatAmount(balance, asset.decimals, asset.symbol)}`,
      {
        hint: asset.localStandIn
          ? `deposit less, or get test tokens first: rampart mint ${asset.symbol} <amount>`
          : "deposit at most your balance",
      },
    );
  }
  let approvalHash: Hash | undefined;
  if (allowance < amount) {
    // Refuse before approving what the deposit itself would refuse, so a failed deposit leaves no approval behind.
    await checkDepositAllowed(client, operator, asset.address, amount, asset.decimals, asset.symbol);
    const approval = await write(
      client,
      { ...token, functionName: "approve", args: [client.rampart.address, amount] },
      `approving ${asset.symbol}`,
    );
    approvalHash = approval.hash;
  }
  const quoted = await reading("quoting shares", () =>
    client.publicClient.readContract({
      ...client.rampart,
      functionName: "assetsToShares",
      args: [operator, asset.address, amount],
    }),
  );
  const { receipt, result } = await write<bigint>(
    client,
    {
      ...client.rampart,
      functionName: "deposit",
      args: [operator, asset.address, amount, params.onBehalf ?? account, params.minShares ?? quoted],
    },
    `depositing ${asset.symbol}`,
  );
  return {
    ...transactionInfo(receipt),
    shares: result,
    amount,
    asset: asset.address,
    operator,
    approvalHash,
  };
}

/** The deposit's own checks (listed, operator, cap, pool alive), read before anything is signed. */
async function checkDepositAllowed(
  client: RampartClient,
  operator: Address,
  asset: Address,
  amount: bigint,
  decimals: number,
  symbol: string,
): Promise<void> {
  const [config, isOperator, maxMagnitude] = await reading("checking the deposit", () =>
    Promise.all([
      client.publicClient.readContract({ ...client.rampart, functionName: "getAsset", args: [asset] }),
      client.publicClient.readContract({ ...client.directory, functionName: "isOperator", args: [operator] }),
      client.publicClient.readContract({ ...client.rampart, functionName: "maxMagnitude", args: [operator, asset] }),
    ]),
  );
  const fail = (errorName: string, args: readonly unknown[], what: string) =>
    new RampartError(what, { hint: ERROR_HINTS[errorName]?.(args), errorName, errorArgs: args });
  if (!config.listed) throw fail("AssetNotListed", [asset], `${symbol} is not listed for deposits`);
  if (!isOperator) throw fail("OperatorNotRegistered", [operator], `${operator} is not a registered operator`);
  if (maxMagnitude === 0n) throw fail("PoolFullySlashed", [operator, asset], "this pool was fully slashed");
  const totalAfter = config.totalDeposited + amount;
  if (totalAfter > config.cap) {
    throw new RampartError(
      `the deposit would exceed the ${symbol} cap: ${formatAmount(totalAfter, decimals, symbol)} after it, cap ${formatAmount(config.cap, decimals, symbol)}`,
      {
        hint: `deposit at most ${formatAmount(config.cap - config.totalDeposited, decimals, symbol)}, or another asset`,
        errorName: "DepositCapExceeded",
      },
    );
  }
}
