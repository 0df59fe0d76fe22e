// Commands of an operator: register, commission, join, leave, allocate. --operator acts for another operator (as
// its delegate); by default the account is the operator.
import type { Command } from "commander";
import type { Address } from "viem";
import { allocate } from "../../sdk/actions/allocate.ts";
import { joinOperatorSet } from "../../sdk/actions/joinOperatorSet.ts";
import { leaveOperatorSet } from "../../sdk/actions/leaveOperatorSet.ts";
import { registerOperator } from "../../sdk/actions/registerOperator.ts";
import { setCommission } from "../../sdk/actions/setCommission.ts";
import { RampartError } from "../../sdk/errors.ts";
import { formatPercent, parseBps, parseDuration, parsePercent } from "../../sdk/format.ts";
import { magnitudeToFraction } from "../../sdk/reads/allocations.ts";
import { chainNow, parseAddress, resolveAsset } from "../../sdk/reads/internal.ts";
import { resolveOperator, resolveService } from "../../sdk/reads/registry.ts";
import type { Context } from "../context.ts";
import { say, when } from "../output.ts";
import { emit, run } from "../run.ts";

export function parseSetId(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) {
    throw new RampartError(`"${text}" is not an operator set id`, {
      hint: "set ids are 1, 2, …; run rampart services",
    });
  }
  return Number(text);
}

async function operatorFor(context: Context, ref: unknown): Promise<Address | undefined> {
  return ref === undefined ? undefined : (await resolveOperator(context.client, String(ref))).address;
}

export function registerOperatorCommands(program: Command): void {
  const operator = program
    .command("operator")
    .description("operator actions: register, commission, join, leave, allocate");
  const actingFor = "act for this operator (as its delegate); default: the account";

  operator
    .command("register")
    .description("register the account as an operator")
    .option("--metadata <uri>", "metadata URI")
    .option("--name <name>", "a name, stored inline in the metadata URI (instead of --metadata)")
    .option("--delegate <address>", "an address that may act for the operator")
    .option("--allocation-delay <duration>", "delay before an allocation increase is slashable (e.g. 0, 1d)", "0")
    .action(
      run(async (context, _args, options) => {
        const result = await registerOperator(context.client, {
          metadataURI: options.metadata as string | undefined,
          name: options.name as string | undefined,
          delegate: options.delegate ? parseAddress(String(options.delegate), "delegate address") : undefined,
          allocationDelay: parseDuration(String(options.allocationDelay)),
        });
        emit(context, result, () => {
          say(`Registered operator ${result.operator}${options.name ? ` (${options.name})` : ""}.`);
          say(`  tx ${result.hash}`);
        });
      }),
    );

  operator
    .command("commission <service> <rate>")
    .description('set the commission on a service: "5%", "500bps" or "0.05"; increases wait the withdrawal delay')
    .option("--operator <operator>", actingFor)
    .action(
      run(async (context, [serviceRef = "", rate = ""], options) => {
        const service = await resolveService(context.client, serviceRef);
        const bps = parseBps(rate);
        const result = await setCommission(context.client, {
          operator: await operatorFor(context, options.operator),
          service: service.address,
          bps,
        });
        const now = (await chainNow(context.client)).timestamp;
        emit(context, result, () => {
          const applies = BigInt(result.effectAt) <= now ? "now" : `from ${when(result.effectAt, now)}`;
          say(`Commission on ${service.name ?? service.address}: ${formatPercent(bps, "bps")}, applies ${applies}.`);
          say(`  tx ${result.hash}`);
        });
      }),
    );

  operator
    .command("join <setId>")
    .description("join an operator set")
    .option("--operator <operator>", actingFor)
    .action(
      run(async (context, [setText = ""], options) => {
        const result = await joinOperatorSet(context.client, {
          operator: await operatorFor(context, options.operator),
          setId: parseSetId(setText),
        });
        emit(context, result, () => {
          say(
            `${result.operator} joined operator set ${result.setId}. Next: rampart operator allocate <asset> ${result.setId} <percent>`,
          );
          say(`  tx ${result.hash}`);
        });
      }),
    );

  operator
    .command("leave <setId>")
    .description("leave an operator set (settles finished deallocations first)")
    .option("--operator <operator>", actingFor)
    .action(
      run(async (context, [setText = ""], options) => {
        const result = await leaveOperatorSet(context.client, {
          operator: await operatorFor(context, options.operator),
          setId: parseSetId(setText),
        });
        emit(context, result, () => {
          if (result.settled.length > 0) say(`Settled ${result.settled.length} finished deallocation(s) first.`);
          say(`${result.operator} left operator set ${result.setId}.`);
          say(`  tx ${result.hash}`);
        });
      }),
    );

  operator
    .command("allocate <asset> <setId> <percent>")
    .description('allocate a fraction of the operator\'s pool of an asset to an operator set ("40%" or "0.4")')
    .option("--operator <operator>", actingFor)
    .action(
      run(async (context, [assetName = "", setText = "", percent = ""], options) => {
        const asset = resolveAsset(context.client, assetName);
        const setId = parseSetId(setText);
        const fractionWad = parsePercent(percent, "allocation");
        const result = await allocate(context.client, {
          operator: await operatorFor(context, options.operator),
          asset,
          setId,
          fractionWad,
        });
        const [now, maxMagnitude] = await Promise.all([
          chainNow(context.client).then((n) => n.timestamp),
          context.client.publicClient.readContract({
            ...context.client.rampart,
            functionName: "maxMagnitude",
            args: [result.operator, asset.address],
          }),
        ]);
        emit(context, result, () => {
          const current = formatPercent(magnitudeToFraction(result.magnitude, maxMagnitude));
          if (result.effectAt === 0) {
            say(
              `Allocated ${current} of ${result.operator}'s ${asset.symbol} pool to operator set ${setId}, slashable now.`,
            );
          } else {
            const target = formatPercent(magnitudeToFraction(result.pendingMagnitude, maxMagnitude));
            const increase = result.pendingMagnitude > result.magnitude;
            say(
              `Allocation of ${asset.symbol} to operator set ${setId}: ${current} now, ${target} from ${when(result.effectAt, now)}` +
                (increase
                  ? " (the operator's allocation delay)."
                  : " (a decrease stays slashable for the set's deallocation delay)."),
            );
          }
          say(`  tx ${result.hash}`);
        });
      }),
    );
}
