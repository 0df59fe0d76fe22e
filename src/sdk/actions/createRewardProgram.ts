// A service funds a reward program: checks the program against RampartRewards' rules first (so a refused program
// leaves no approval behind), approves the exact amount if the allowance is short, then creates it.
import { type Address, type Hash, parseEventLogs } from "viem";
import { mockErc20Abi, rewardsAbi } from "../abis.ts";
import { type RampartClient, write } from "../client.ts";
import { ERROR_HINTS, RampartError } from "../errors.ts";
import { chainNow, parseAddress, reading, resolveAsset } from "../reads/internal.ts";
import { accountAddress, type TransactionInfo, transactionInfo } from "./internal.ts";

const DAY = 86_400n;
/** RampartRewards' bounds, mirrored to refuse a program before anything is signed. */
const MAX_RETROACTIVE = 30n * DAY;
const MAX_FUTURE = 90n * DAY;
const MAX_DURATION = 365n * DAY;

export interface CreateRewardProgramParams {
  setId: number;
  /** Reward token address. */
  token: Address;
  /** Total to escrow, base units. For an operator-directed program: the sum of `operatorAmounts` (default). */
  amount?: bigint;
  /** Whole days. */
  days: number;
  /** Start of the first day (unix seconds, a UTC midnight); default: the chain's current day. */
  startTime?: bigint;
  /** Assets (symbol or address) and their weights; default: every asset of the set with weight 1. */
  weights?: { asset: string; weight: bigint }[];
  /** Set for an operator-directed program: each operator's amount over the whole program. */
  operatorAmounts?: { operator: string; amount: bigint }[];
}

export interface CreateRewardProgramResult extends TransactionInfo {
  programId: bigint;
  amount: bigint;
  startTime: bigint;
  duration: bigint;
  approvalHash: Hash | undefined;
}

/**
 * Funds a reward program for operator set `setId` from the client's account (the set's service).
 * @example
 * await createRewardProgram(client, { setId: 1, token, amount: parseAmount("9000", 18), days: 90 });
 */
export async function createRewardProgram(
  client: RampartClient,
  params: CreateRewardProgramParams,
): Promise<CreateRewardProgramResult> {
  const account = accountAddress(client);
  const token = parseAddress(params.token, "reward token address");
  const fail = (errorName: string, args: readonly unknown[], message: string): never => {
    throw new RampartError(message, { hint: ERROR_HINTS[errorName]?.(args), errorName, errorArgs: args });
  };
  if (!Number.isInteger(params.days) || params.days <= 0) {
    throw new RampartError(`a program lasts a whole number of days, not "${String(params.days)}"`, {
      hint: "e.g. --days 30",
    });
  }
  const duration = BigInt(params.days) * DAY;
  const [now, set] = await reading("reading the operator set", () =>
    Promise.all([
      chainNow(client),
      client.publicClient.readContract({ ...client.rampart, functionName: "getOperatorSet", args: [params.setId] }),
    ]),
  );
  if (/^0x0{40}$/.test(set.service))
    fail("UnknownOperatorSet", [params.setId], `operator set ${params.setId} does not exist`);
  if (set.service.toLowerCase() !== account.toLowerCase()) {
    fail("NotSetService", [account, params.setId], `${account} is not the service of operator set ${params.setId}`);
  }
  const startTime = params.startTime ?? now.timestamp - (now.timestamp % DAY);
  if (startTime % DAY !== 0n) fail("NotDayAligned", [startTime], `the start ${startTime} is not a UTC midnight`);
  if (duration > MAX_DURATION) fail("DurationOutOfBounds", [duration, MAX_DURATION], `${params.days} days is too long`);
  if (startTime + MAX_RETROACTIVE < now.timestamp) {
    fail("StartTooOld", [startTime, now.timestamp - MAX_RETROACTIVE], "the program starts too far in the past");
  }
  if (startTime > now.timestamp + MAX_FUTURE) {
    fail("StartTooFar", [startTime, now.timestamp + MAX_FUTURE], "the program starts too far ahead");
  }
  const weights = (params.weights ?? set.assets.map((asset) => ({ asset: asset as string, weight: 1n }))).map((w) => ({
    asset: resolveAsset(client, w.asset).address,
    weight: w.weight,
  }));
  for (const w of weights) {
    if (!set.assets.some((a) => a.toLowerCase() === w.asset.toLowerCase())) {
      fail("AssetNotInSet", [params.setId, w.asset], `operator set ${params.setId} does not accept ${w.asset}`);
    }
    if (w.weight <= 0n) fail("ZeroWeight", [w.asset], `the weight of ${w.asset} must be above zero`);
  }
  const directed = (params.operatorAmounts ?? [])
    .map((o) => ({ operator: parseAddress(o.operator, "operator address"), amount: o.amount }))
    .sort((a, b) => (a.operator.toLowerCase() < b.operator.toLowerCase() ? -1 : 1));
  const directedSum = directed.reduce((sum, o) => sum + o.amount, 0n);
  const amount = params.amount ?? directedSum;
  if (amount <= 0n) throw new RampartError("the program's amount must be greater than zero", { hint: "fund it" });
  if (directed.length > 0 && amount !== directedSum) {
    fail("AmountMismatch", [amount, directedSum], "the amount differs from the sum of the operators' amounts");
  }

  const erc20 = { address: token, abi: mockErc20Abi } as const;
  const [balance, allowance] = await reading("reading your reward token balance", () =>
    Promise.all([
      client.publicClient.readContract({ ...erc20, functionName: "balanceOf", args: [account] }),
      client.publicClient.readContract({
        ...erc20,
        functionName: "allowance",
        args: [account, client.rewards.address],
      }),
    ]),
  );
  if (balance < amount) {
    throw new RampartError(`the program needs ${amount} base units of the token, ${account} holds ${balance}`, {
      hint: "fund the service's account with the reward token first",
    });
  }
  let approvalHash: Hash | undefined;
  if (allowance < amount) {
    const approval = await write(
      client,
      { ...erc20, functionName: "approve", args: [client.rewards.address, amount] },
      "approving the reward token",
    );
    approvalHash = approval.hash;
  }
  const { receipt } = await write(
    client,
    {
      ...client.rewards,
      functionName: "createProgram",
      args: [
        {
          setId: params.setId,
          kind: directed.length > 0 ? 1 : 0,
          token,
          amount,
          startTime: Number(startTime),
          duration: Number(duration),
          assets: weights.map((w) => w.asset),
          weights: weights.map((w) => w.weight),
          operators: directed.map((o) => o.operator),
          operatorAmounts: directed.map((o) => o.amount),
        },
      ],
    },
    "creating the reward program",
  );
  const [event] = parseEventLogs({ abi: rewardsAbi, logs: receipt.logs, eventName: "RewardProgramCreated" });
  return {
    ...transactionInfo(receipt),
    programId: event?.args.programId ?? 0n,
    amount,
    startTime,
    duration,
    approvalHash,
  };
}
