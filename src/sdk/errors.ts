// Errors are product: every failure the SDK reports names what went wrong and what to do about it.
//
// Contract reverts are decoded against every ABI we ship (core, directory, timelock, tokens), so an error bubbled up
// from another contract still gets its name; each custom error has a hint written for the person at the keyboard.
import { type Abi, BaseError, ContractFunctionRevertedError, decodeErrorResult, type Hex } from "viem";
import { directoryAbi, mockErc20Abi, rampartAbi, rewardsAbi, timelockAbi } from "./abis.ts";

/** An error the SDK raises: a one-line `shortMessage`, an optional `hint` (what to do), and the decoded revert. */
export class RampartError extends Error {
  override name = "RampartError";
  readonly shortMessage: string;
  readonly hint: string | undefined;
  /** Name of the contract's custom error, when the failure was a revert. */
  readonly errorName: string | undefined;
  readonly errorArgs: readonly unknown[] | undefined;

  constructor(
    shortMessage: string,
    options: { hint?: string; errorName?: string; errorArgs?: readonly unknown[]; cause?: unknown } = {},
  ) {
    super(options.hint ? `${shortMessage}\n${options.hint}` : shortMessage, { cause: options.cause });
    this.shortMessage = shortMessage;
    this.hint = options.hint;
    this.errorName = options.errorName;
    this.errorArgs = options.errorArgs;
  }

  /** One line for a terminal: what went wrong, then what to do. */
  oneLine(): string {
    return this.hint ? `${this.shortMessage} — ${this.hint}` : this.shortMessage;
  }
}

const DECODING_ABIS: readonly Abi[] = [rampartAbi, directoryAbi, rewardsAbi, timelockAbi, mockErc20Abi];

type Hint = (args: readonly unknown[]) => string;

/** A WAD fraction (1e18 = 100%) as a percentage with up to two decimals. */
const wadPercent = (wad: unknown): string => `${Number((BigInt(wad as bigint) * 10_000n) / 10n ** 18n) / 100}%`;

const time = (seconds: unknown): string => new Date(Number(seconds) * 1000).toISOString().replace(".000Z", "Z");

/** What to do about each custom error. Keys are error names; arguments arrive in ABI order. */
export const ERROR_HINTS: Readonly<Record<string, Hint>> = {
  // Governance and pausing
  NotOwner: () => "only governance (the timelock) may do this; propose it through the timelock",
  NotPendingOwner: () => "only the address named by transferOwnership may accept it",
  NotPauser: () => "this account is not a pauser",
  NotUnpauser: () => "only the unpauser may unpause",
  Paused: ([flag]) =>
    `this action is paused by governance (flag ${flag}: ${pauseFlagName(Number(flag))}); wait until it is unpaused`,
  ZeroAddress: () => "an address argument was the zero address; pass a real address",
  ZeroAmount: () => "the amount must be greater than zero",
  DelayOutOfBounds: ([delay, min, max]) => `delay ${delay}s is outside the allowed range [${min}s, ${max}s]`,
  // Assets
  AssetAlreadyListed: () => "this asset is already listed",
  AssetNotListed: () => "this asset is not listed (or was delisted); run `rampart assets` to see the listed ones",
  UnsupportedDecimals: () => "the token's decimals() is missing or above 36; it cannot be listed",
  NotAContract: () => "there is no contract at this address; check the token address",
  DepositCapExceeded: ([, totalAfter, cap]) =>
    `the deposit would bring the asset's total to ${totalAfter}, above its cap of ${cap}; deposit less or another asset`,
  TransferAmountMismatch: ([, expected, actual]) =>
    `the token moved ${actual} instead of ${expected}: fee-on-transfer and rebasing tokens are not supported`,
  // Operators and services
  OperatorAlreadyRegistered: () => "this address is already a registered operator",
  OperatorNotRegistered: ([operator]) =>
    `${operator} is not a registered operator; run \`rampart operators\` to list them`,
  NotOperatorOrDelegate: ([caller, operator]) =>
    `${caller} may not act for operator ${operator}; use the operator's account or its delegate`,
  CommissionTooHigh: () => "commission is in basis points and at most 10000 (100%)",
  AllocationDelayTooLong: ([, max]) => `the allocation delay may be at most ${max}s (30 days)`,
  ServiceAlreadyRegistered: () => "this address is already a registered service",
  ServiceNotRegistered: ([service]) => `${service} is not a registered service; register it first`,
  // Operator sets
  UnknownOperatorSet: ([setId]) => `operator set ${setId} does not exist; run \`rampart services\` to list sets`,
  NotSetService: ([, setId]) => `only the service that created operator set ${setId} may do this`,
  VetoCommitteeMismatch: () => "a veto window needs a veto committee, and an instant policy must not name one",
  VetoWindowTooLong: ([, max]) => `the veto window may be at most ${max}s (2 days)`,
  VetoWindowNotBelowDeallocationDelay: () =>
    "the veto window must be shorter than the deallocation delay, or operators could leave before a slash executes",
  TooManyAssets: () => "an operator set accepts at most 16 assets",
  AssetAlreadyInSet: () => "the operator set already accepts this asset",
  AssetNotInSet: ([setId]) => `operator set ${setId} does not accept this asset`,
  AlreadyMember: () => "the operator is already a member of this operator set",
  NotMember: ([, setId]) => `the operator is not a member of operator set ${setId}; join it first`,
  StillAllocated: ([, setId, pools]) =>
    `the operator still has ${pools} pool(s) allocated to set ${setId}; allocate 0%, wait the deallocation delay, settle, then leave`,
  InsufficientGasForHook: ([, required]) => `send at least ${required} gas so the set's registrar can be told`,
  NoAssets: () => "name at least one asset",
  LengthMismatch: () => "the lists must have the same length: one fraction (or weight, or amount) per entry",
  DuplicateAsset: () => "name each asset once",
  // Allocation
  FractionAboveOne: () => "an allocation is a fraction of the pool: at most 100%",
  AllocationUnchanged: () => "the allocation already has this value",
  AllocationChangePending: ([, , , effectAt]) =>
    `a change to this allocation is pending until ${time(effectAt)}; wait for it (rampart time advance on a local chain)`,
  InsufficientMagnitude: ([requested, available]) =>
    `the pool cannot allocate that much: ${requested} requested, ${available} free (allocations sum to at most 100%)`,
  PoolFullySlashed: ([operator]) => `operator ${operator}'s pool for this asset was fully slashed; choose another`,
  PoolSharesOverflow: ([operator]) =>
    `operator ${operator}'s pool for this asset was slashed almost to nothing and cannot take this deposit; choose another`,
  // Staking and withdrawals
  SharesTooLow: ([shares, min]) => `the deposit would mint ${shares} shares, fewer than the minimum ${min}`,
  InsufficientShares: ([requested, available]) =>
    `you hold ${available} shares in this pool, fewer than the ${requested} requested; run \`rampart positions\``,
  UnknownWithdrawal: ([id]) =>
    `withdrawal ${id} is not pending: it was completed already, or never queued; run \`rampart withdraw list\``,
  WithdrawalNotReady: ([id, at]) =>
    `withdrawal ${id} can be completed from ${time(at)}; wait until then (rampart time advance on a local chain)`,
  SameOperator: () => "redelegate to a different operator",
  // Slashing
  SlashWadOutOfBounds: ([, max]) =>
    `the slash fraction must be above 0% and at most the set's maximum, ${wadPercent(max)}`,
  NoAllocation: ([operator, , setId]) => `operator ${operator} has no slashable allocation to set ${setId} here`,
  SlashRoundsToZero: () => "the allocation is too small for this fraction: the slash would take nothing",
  UnknownSlash: ([id]) => `slash ${id} does not exist (instant slashes have no request to act on)`,
  SlashNotPending: ([id]) => `slash ${id} is no longer pending: it was vetoed or executed already`,
  VetoWindowOpen: ([id, at]) => `slash ${id} can be executed from ${time(at)}, when its veto window closes`,
  VetoWindowClosed: ([id]) => `the veto window of slash ${id} has closed; it can no longer be vetoed`,
  NotVetoCommittee: () => "only the operator set's veto committee may veto",
  // Rewards
  RewardsPaused: ([flag]) =>
    `${Number(flag) === 1 ? "new reward programs are" : Number(flag) === 2 ? "claims are" : `rewards flag ${flag} is`} paused by a pauser; wait until the unpauser lifts it`,
  RenounceOwnershipDisabled: () => "ownership of RampartRewards cannot be renounced; transfer it instead",
  OwnableUnauthorizedAccount: ([account]) => `${account} is not the owner: only governance (the timelock) may do this`,
  NotUpdater: () => "only the rewards updater may post distribution roots",
  NotDayAligned: ([value]) =>
    `${value} is not a whole number of days: program starts, durations and root times are multiples of 86400 s (UTC midnight)`,
  StartTooOld: ([, earliest]) =>
    `a program may start at most 30 days in the past: start on ${time(((BigInt(earliest as bigint) + 86_399n) / 86_400n) * 86_400n)} or later`,
  StartTooFar: ([, latest]) =>
    `a program may start at most 90 days ahead: start on ${time((BigInt(latest as bigint) / 86_400n) * 86_400n)} or earlier`,
  DurationOutOfBounds: ([, max]) => `a program lasts 1 day to ${Number(max) / 86_400} days`,
  AmountTooLarge: ([, max]) => `a program's amount may be at most ${max} base units`,
  ZeroWeight: () => "every asset of a program needs a weight above zero; leave out assets that should not earn",
  OperatorsMismatch: ([kind]) =>
    Number(kind) === 0
      ? "a pro-rata program names no operators; use an operator-directed program to set amounts per operator"
      : "an operator-directed program names at least one operator and its amount",
  OperatorsNotAscending: () =>
    "list the operators of an operator-directed program once each, in ascending address order",
  AmountMismatch: ([amount, sum]) =>
    `the program's amount ${amount} must equal the sum of the operators' amounts ${sum}`,
  ZeroRoot: () => "a distribution root cannot be zero",
  CalculatedUntilDecreasing: ([, previous]) =>
    `a new root must cover at least up to the previous root's ${time(previous)}`,
  CalculatedUntilInFuture: () => "a root can only cover days that have ended",
  UnknownRoot: ([index]) =>
    Number(index) === 4_294_967_295
      ? "no distribution root is active yet; wait for the updater to post one and for its activation delay"
      : `root ${index} does not exist; run \`rampart rewards show\``,
  RootNotActive: ([index, at]) =>
    `root ${index} can be claimed against from ${time(at)}; wait for its activation (rampart time advance on a local chain)`,
  RootDisabled: ([index]) => `root ${index} was disabled by a pauser; claim against a later root`,
  RootAlreadyActive: ([index]) => `root ${index} is already active: only roots that have not activated can be disabled`,
  NoClaims: () => "name at least one token to claim",
  NotClaimer: ([, earner]) => `only ${earner} or the claimer it named may claim its rewards`,
  InvalidProof: () =>
    "the proof does not match the root: recompute it from the root's tree (`rampart rewards claim` does) or check the amounts",
  NothingToClaim: ([, , cumulative, claimed]) =>
    `nothing new to claim: the root says ${cumulative} in total and ${claimed} was claimed already`,
  ClaimExceedsFunding: ([, after, funded]) =>
    `the root would pay ${after} in total of this token, more than the ${funded} services funded; the root is wrong, report it`,
  // Tokens (OpenZeppelin ERC-20)
  ERC20InsufficientBalance: ([, balance, needed]) => `token balance ${balance} is below the ${needed} needed`,
  ERC20InsufficientAllowance: ([, allowance, needed]) =>
    `token allowance ${allowance} is below the ${needed} needed; approve the Rampart contract first`,
  // Timelock
  TimelockUnexpectedOperationState: () => "the governance operation is not in the state this step needs",
  TimelockInsufficientDelay: ([delay, min]) => `the timelock needs a delay of at least ${min}s, got ${delay}s`,
};

/** Human name of a pause flag. */
export function pauseFlagName(flag: number): string {
  const names = ["deposits", "withdrawals", "allocations", "slashing"].filter((_, bit) => flag & (1 << bit));
  return names.length > 0 ? names.join(", ") : "none";
}

/** Finds the revert data or decoded custom error inside any viem error. */
function findRevert(error: BaseError): { errorName: string; args: readonly unknown[] } | undefined {
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (reverted instanceof ContractFunctionRevertedError && reverted.data?.errorName) {
    return { errorName: reverted.data.errorName, args: reverted.data.args ?? [] };
  }
  let data: Hex | undefined;
  error.walk((e) => {
    const candidate = (e as { data?: unknown }).data;
    if (typeof candidate === "string" && /^0x[0-9a-fA-F]{8,}$/.test(candidate)) data = candidate as Hex;
    if (reverted instanceof ContractFunctionRevertedError && reverted.raw) data = reverted.raw;
    return false;
  });
  if (!data) return undefined;
  for (const abi of DECODING_ABIS) {
    try {
      const decoded = decodeErrorResult({ abi, data });
      return { errorName: decoded.errorName, args: decoded.args ?? [] };
    } catch {
      // not an error of this ABI; try the next
    }
  }
  return undefined;
}

const formatArg = (arg: unknown): string => (typeof arg === "bigint" ? arg.toString() : String(arg));

/**
 * Turns anything thrown while talking to the chain into a RampartError: a decoded custom error with its arguments
 * and hint, a connection problem with what to check, or viem's own short message.
 */
export function toRampartError(error: unknown, context?: string): RampartError {
  if (error instanceof RampartError) return error;
  const prefix = context ? `${context}: ` : "";
  if (error instanceof BaseError) {
    const revert = findRevert(error);
    if (revert) {
      const call = `${revert.errorName}(${revert.args.map(formatArg).join(", ")})`;
      return new RampartError(`${prefix}reverted with ${call}`, {
        hint: ERROR_HINTS[revert.errorName]?.(revert.args),
        errorName: revert.errorName,
        errorArgs: revert.args,
        cause: error,
      });
    }
    if (/fetch failed|ECONNREFUSED|HTTP request failed/i.test(error.message)) {
      return new RampartError(`${prefix}cannot reach the RPC endpoint`, {
        hint: "is the node running? start the local network with `npm start`, or pass --rpc <url>",
        cause: error,
      });
    }
    if (/Invalid parameters were provided to the RPC method|unknown account|No Signer available/i.test(error.message)) {
      return new RampartError(`${prefix}the node cannot sign for this account`, {
        hint: "use --account <index> of a local dev account, or set RAMPART_PRIVATE_KEY to the account's key",
        cause: error,
      });
    }
    return new RampartError(`${prefix}${error.shortMessage}`, { cause: error });
  }
  return new RampartError(`${prefix}${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
