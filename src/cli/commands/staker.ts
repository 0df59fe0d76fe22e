// Commands of a restaker: mint (local test tokens), deposit, withdraw queue/complete/list, redelegate.
import type { Command } from "commander";
import { completeWithdrawal } from "../../sdk/actions/completeWithdrawal.ts";
import { approveAndDeposit } from "../../sdk/actions/deposit.ts";
import { mintTestTokens } from "../../sdk/actions/mintTestTokens.ts";
import { queueRedelegation } from "../../sdk/actions/queueRedelegation.ts";
import { queueWithdrawal } from "../../sdk/actions/queueWithdrawal.ts";
import type { WithdrawalSize } from "../../sdk/actions/withdrawalSize.ts";
import type { DeployedAsset } from "../../sdk/deployment.ts";
import { RampartError } from "../../sdk/errors.ts";
import { parseAmount } from "../../sdk/format.ts";
import { chainNow, parseAddress, resolveAsset } from "../../sdk/reads/internal.ts";
import { resolveOperator } from "../../sdk/reads/registry.ts";
import { listWithdrawals } from "../../sdk/reads/withdrawals.ts";
import { subjectOf } from "../context.ts";
import { amount, readyIn, say, table, when, who } from "../output.ts";
import { emit, run } from "../run.ts";

/** "all", or a token amount of the asset. */
function sizeOf(text: string, asset: DeployedAsset): WithdrawalSize {
  return text.trim().toLowerCase() === "all" ? "all" : { amount: parseAmount(text, asset.decimals) };
}

function parseId(text: string, what: string): bigint {
  if (!/^\d+$/.test(text.trim())) {
    throw new RampartError(`"${text}" is not a ${what} id`, {
      hint: `${what} ids are whole numbers; run rampart withdraw list`,
    });
  }
  return BigInt(text.trim());
}

export function registerStakerCommands(program: Command): void {
  program
    .command("mint <asset> <amount>")
    .description("local network only: mint LST stand-in tokens, or wrap ETH into the WETH stand-in")
    .option("--to <address>", "recipient (default: the account)")
    .action(
      run(async (context, [assetName = "", amountText = ""], options) => {
        const asset = resolveAsset(context.client, assetName);
        const result = await mintTestTokens(context.client, {
          asset,
          amount: parseAmount(amountText, asset.decimals),
          to: options.to ? parseAddress(String(options.to), "recipient address") : undefined,
        });
        emit(context, result, () =>
          say(
            `${asset.kind === "WETH" ? "Wrapped" : "Minted"} ${amount(result.amount, asset.decimals, asset.symbol)} to ${result.to}. tx ${result.hash}`,
          ),
        );
      }),
    );

  program
    .command("deposit <asset> <amount>")
    .description("deposit into an operator's pool (approves the exact amount first if needed)")
    .requiredOption("--operator <operator>", "operator: address, # from `rampart operators`, or name")
    .action(
      run(async (context, [assetName = "", amountText = ""], options) => {
        const asset = resolveAsset(context.client, assetName);
        const value = parseAmount(amountText, asset.decimals);
        const operator = await resolveOperator(context.client, String(options.operator));
        const result = await approveAndDeposit(context.client, { operator: operator.address, asset, amount: value });
        emit(context, result, () => {
          say(`Deposited ${amount(value, asset.decimals, asset.symbol)} with ${who(operator.address, operator.name)}.`);
          if (result.approvalHash) say(`  approval tx ${result.approvalHash}`);
          say(`  deposit tx  ${result.hash}`);
          say("See it: rampart positions");
        });
      }),
    );

  const withdraw = program.command("withdraw").description("queue, complete and list withdrawals");

  withdraw
    .command("queue <asset> <amount>")
    .description('queue a withdrawal of a token amount, or "all"; completable after the withdrawal delay')
    .requiredOption("--operator <operator>", "operator of the position: address, # or name")
    .option("--receiver <address>", "who receives the tokens (default: the account)")
    .action(
      run(async (context, [assetName = "", amountText = ""], options) => {
        const asset = resolveAsset(context.client, assetName);
        const size = sizeOf(amountText, asset);
        const operator = await resolveOperator(context.client, String(options.operator));
        const receiver = options.receiver ? parseAddress(String(options.receiver), "receiver address") : undefined;
        const result = await queueWithdrawal(context.client, { operator: operator.address, asset, size, receiver });
        const now = (await chainNow(context.client)).timestamp;
        emit(context, result, () => {
          say(
            `Queued withdrawal #${result.id}: ${amount(result.valueNow, asset.decimals, asset.symbol)} (at today's value) ` +
              `from ${who(operator.address, operator.name)}.`,
          );
          say(`  completable from ${when(result.completableAt, now)}; the shares stay slashable until completion.`);
          say(`  then: rampart withdraw complete ${result.id}`);
          say(`  tx ${result.hash}`);
        });
      }),
    );

  withdraw
    .command("complete <id>")
    .description("complete a queued withdrawal or redelegation once its delay has passed")
    .action(
      run(async (context, [idText = ""]) => {
        const result = await completeWithdrawal(context.client, { id: parseId(idText, "withdrawal") });
        const asset = resolveAsset(context.client, result.withdrawal.asset);
        emit(context, result, () => {
          say(
            result.redelegated
              ? `Completed redelegation #${result.id}: moved ${amount(result.assets, asset.decimals, asset.symbol)} into ${result.withdrawal.redelegateTo}'s pool.`
              : `Completed withdrawal #${result.id}: paid ${amount(result.assets, asset.decimals, asset.symbol)} to ${result.withdrawal.receiver}.`,
          );
          say(`  tx ${result.hash}`);
        });
      }),
    );

  withdraw
    .command("list [address]")
    .description("withdrawals and redelegations of a staker: waiting, ready or completed")
    .option("--pending", "leave completed ones out")
    .action(
      run(async (context, [address], options) => {
        const staker = subjectOf(context, address, "withdraw list");
        const list = await listWithdrawals(context.client, staker, { pendingOnly: Boolean(options.pending) });
        const now = (await chainNow(context.client)).timestamp;
        emit(context, list, () => {
          say(`Withdrawals of ${staker}`);
          if (list.length === 0) return say("  none");
          say(
            table(
              ["id", "kind", "operator", "value", "status"],
              list.map((w) => [
                String(w.id),
                w.kind === "redelegation" ? `redelegation → ${w.redelegateToName ?? w.redelegateTo}` : "withdrawal",
                who(w.operator, w.operatorName),
                w.status === "completed"
                  ? `${amount(w.value, w.decimals, w.symbol)} ${w.kind === "redelegation" ? "moved" : "paid"}`
                  : `${amount(w.value, w.decimals, w.symbol)} now`,
                w.status === "completed"
                  ? "completed"
                  : w.status === "ready"
                    ? `ready: rampart withdraw complete ${w.id}`
                    : `${readyIn(w.readyIn)} (${when(w.completableAt, now).split(" (")[0]})`,
              ]),
              [3],
            ),
          );
        });
      }),
    );

  program
    .command("redelegate <asset> <amount>")
    .description('move a position (a token amount or "all") to another operator; completes like a withdrawal')
    .requiredOption("--from <operator>", "current operator: address, # or name")
    .requiredOption("--to <operator>", "new operator: address, # or name")
    .action(
      run(async (context, [assetName = "", amountText = ""], options) => {
        const asset = resolveAsset(context.client, assetName);
        const size = sizeOf(amountText, asset);
        const from = await resolveOperator(context.client, String(options.from));
        const to = await resolveOperator(context.client, String(options.to));
        const result = await queueRedelegation(context.client, { from: from.address, to: to.address, asset, size });
        const now = (await chainNow(context.client)).timestamp;
        emit(context, result, () => {
          say(
            `Queued redelegation #${result.id}: ${amount(result.valueNow, asset.decimals, asset.symbol)} from ` +
              `${who(from.address, from.name)} to ${who(to.address, to.name)}.`,
          );
          say(`  completable from ${when(result.completableAt, now)}; slashable in the old pool until then.`);
          say(`  then: rampart withdraw complete ${result.id}`);
          say(`  tx ${result.hash}`);
        });
      }),
    );
}
