// Rewards: programs (services fund), the distribution (anyone computes, the updater posts), verification and claims.
import path from "node:path";
import type { Command } from "commander";
import type { Address } from "viem";
import {
  claimRewards,
  computeDistribution,
  dayFloor,
  getEarnings,
  postDistributionRoot,
  verifyRoot,
} from "../../rewards/distribution.ts";
import { DAY } from "../../rewards/model.ts";
import { createRewardProgram } from "../../sdk/actions/createRewardProgram.ts";
import { write } from "../../sdk/client.ts";
import { RampartError } from "../../sdk/errors.ts";
import { formatTimestamp, parseAmount } from "../../sdk/format.ts";
import { chainNow, parseAddress, resolveAsset } from "../../sdk/reads/internal.ts";
import { getServiceRegistrations, resolveOperator } from "../../sdk/reads/registry.ts";
import {
  listDistributionRoots,
  listRewardPrograms,
  resolveRewardToken,
  rewardTokenOf,
} from "../../sdk/reads/rewardPrograms.ts";
import type { Context } from "../context.ts";
import { amount, say, short, table, when } from "../output.ts";
import { emit, run } from "../run.ts";

/** Published trees live next to the deployment file: <dir>/rewards/root-<n>.json. */
export function treesDirOf(context: Context): string {
  return path.join(path.dirname(context.deploymentFile), "rewards");
}

/** "2026-01-31" (a UTC day) or a unix time → the midnight starting that day. */
export function parseDay(text: string, what = "day"): bigint {
  // "what" names the option, e.g. "--until day".
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    const ms = Date.parse(`${trimmed}T00:00:00Z`);
    // Date.parse rolls 2026-02-30 over to March: accept only a date that reads back the same.
    if (!Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === trimmed) return BigInt(ms / 1000);
  }
  if (/^\d+$/.test(trimmed)) return BigInt(trimmed);
  throw new RampartError(`"${text}" is not a ${what}`, { hint: "give a UTC date like 2026-01-31, or unix seconds" });
}

function tokenAmount(context: Context, token: Address, value: bigint): string {
  const info = rewardTokenOf(context.client, token);
  return amount(value, info.decimals, info.symbol);
}

async function serviceNames(context: Context): Promise<(address: string) => string> {
  const services = await getServiceRegistrations(context.client);
  return (address) => {
    const found = services.find((s) => s.address.toLowerCase() === address.toLowerCase());
    return found?.name ?? short(address);
  };
}

/** "wstETH=1.17,rETH=1" → weights scaled to 1e4 per unit (4 decimals). */
function parseWeights(context: Context, text: string): { asset: string; weight: bigint }[] {
  return text.split(",").map((item) => {
    const [asset, weight] = item.split("=").map((s) => s.trim());
    if (!asset || !weight || !/^\d+(\.\d{1,4})?$/.test(weight)) {
      throw new RampartError(`"${item}" is not asset=weight`, { hint: "e.g. --weights wstETH=1.17,rETH=1.1,WETH=1" });
    }
    return { asset: resolveAsset(context.client, asset).address, weight: parseAmount(weight, 4, "weight") };
  });
}

export function registerRewardsCommands(program: Command): void {
  const rewards = program
    .command("rewards")
    .description("reward programs, distribution roots, verification and claims (docs/rewards.md)");

  rewards
    .command("programs")
    .description("list reward programs: who pays what, to which operator set, until when")
    .action(
      run(async (context) => {
        const [programs, now, name] = await Promise.all([
          listRewardPrograms(context.client),
          chainNow(context.client),
          serviceNames(context),
        ]);
        emit(context, programs, () => {
          if (programs.length === 0) return say("No reward programs yet. Services fund one with: rampart rewards fund");
          say(
            table(
              ["id", "service", "set", "kind", "total", "per day", "from", "until", "status"],
              programs.map((p) => {
                const end = p.startTime + p.duration;
                const days = p.duration / DAY;
                return [
                  String(p.id),
                  name(p.service),
                  String(p.setId),
                  p.kind,
                  tokenAmount(context, p.token, p.amount),
                  tokenAmount(context, p.token, p.amount / days),
                  formatTimestamp(p.startTime).slice(0, 10),
                  formatTimestamp(end).slice(0, 10),
                  now.timestamp < p.startTime ? "upcoming" : now.timestamp < end ? "running" : "ended",
                ];
              }),
              [4, 5],
            ),
          );
        });
      }),
    );

  rewards
    .command("fund <setId> <token> <amount>")
    .description("(service) escrow a reward program for your operator set, in any ERC-20")
    .requiredOption("--days <n>", "length in whole days (1 to 365)")
    .option("--start <day>", "first day, a UTC date (default: today on the chain's clock)")
    .option("--weights <list>", "asset=weight per unit (e.g. wstETH=1.17,WETH=1); default: every set asset, 1")
    .option("--directed <list>", "operator-directed: operator=amount,… (amounts in tokens, summing to <amount>)")
    .action(
      run(async (context, [setText = "", tokenText = "", amountText = ""], options) => {
        if (!/^\d+$/.test(setText)) {
          throw new RampartError(`"${setText}" is not an operator set id`, { hint: "run rampart services" });
        }
        const token = resolveRewardToken(context.client, tokenText);
        const info = rewardTokenOf(context.client, token);
        const days = Number(options.days);
        const directed = options.directed
          ? await Promise.all(
              String(options.directed)
                .split(",")
                .map(async (item) => {
                  const [operator, value] = item.split("=").map((s) => s.trim());
                  if (!operator || !value) {
                    throw new RampartError(`"${item}" is not operator=amount`, {
                      hint: "e.g. --directed 0xabc…=600,0xdef…=400",
                    });
                  }
                  return {
                    operator: (await resolveOperator(context.client, operator)).address,
                    amount: parseAmount(value, info.decimals),
                  };
                }),
            )
          : undefined;
        const result = await createRewardProgram(context.client, {
          setId: Number(setText),
          token,
          amount: parseAmount(amountText, info.decimals),
          days,
          startTime: options.start ? parseDay(String(options.start), "valid --start day") : undefined,
          weights: options.weights ? parseWeights(context, String(options.weights)) : undefined,
          operatorAmounts: directed,
        });
        emit(context, result, () => {
          say(
            `Funded program ${result.programId}: ${tokenAmount(context, token, result.amount)} over ${days} days ` +
              `(${tokenAmount(context, token, result.amount / BigInt(days))} a day) for operator set ${setText}, ` +
              `from ${formatTimestamp(result.startTime).slice(0, 10)}.`,
          );
          say(`  tx ${result.hash}`);
        });
      }),
    );

  rewards
    .command("calculate")
    .description("compute everyone's earnings from the chain's events (no transaction)")
    .option("--until <day>", "include the days ended by this UTC midnight (default: the latest)")
    .action(
      run(async (context, _args, options) => {
        const { result, tree } = await computeDistribution(context.client, {
          calculatedUntil: options.until ? parseDay(String(options.until), "valid --until day") : undefined,
        });
        const name = await serviceNames(context);
        const earners = [...result.earnings.entries()].flatMap(([earner, tokens]) =>
          [...tokens.entries()].map(([token, value]) => ({ earner, token, amount: value })),
        );
        const data = {
          calculatedUntil: result.calculatedUntil,
          root: tree?.root ?? null,
          leaves: tree?.leaves.length ?? 0,
          programs: result.programs,
          stakerDust: Object.fromEntries(result.stakerDust),
          earnings: earners,
        };
        emit(context, data, () => {
          say(
            `Earnings for the days ended by ${formatTimestamp(result.calculatedUntil)}: ${earners.length} (earner, token) ` +
              `leaves, root ${tree?.root ?? "(none: nothing earned yet)"}.`,
          );
          if (result.programs.length === 0) return;
          say();
          say(
            table(
              ["program", "service", "days", "to operators", "to stakers", "back to service", "dust"],
              result.programs.map((p) => [
                String(p.id),
                name(p.service),
                `${p.daysElapsed}/${p.days}`,
                tokenAmount(context, p.token, p.toOperators),
                tokenAmount(context, p.token, p.toStakers),
                tokenAmount(context, p.token, p.refunded),
                tokenAmount(context, p.token, p.dust + p.unscheduled),
              ]),
              [3, 4, 5, 6],
            ),
          );
          const dust = [...result.stakerDust.entries()].filter(([, v]) => v > 0n);
          if (dust.length > 0) {
            say(
              `Per-staker rounding left in escrow: ${dust.map(([t, v]) => tokenAmount(context, t as Address, v)).join(", ")}.`,
            );
          }
        });
      }),
    );

  rewards
    .command("post")
    .description("(rewards updater) post the root of everyone's cumulative earnings and publish its tree")
    .option("--until <day>", "include the days ended by this UTC midnight (default: the latest)")
    .action(
      run(async (context, _args, options) => {
        const result = await postDistributionRoot(context.client, {
          treesDir: treesDirOf(context),
          calculatedUntil: options.until ? parseDay(String(options.until), "valid --until day") : undefined,
        });
        const now = await chainNow(context.client);
        emit(context, result, () => {
          say(
            `Posted root ${result.rootIndex} (${result.root}) for the days ended by ${formatTimestamp(result.calculatedUntil)}: ` +
              `${result.leaves} leaves. Claims open ${when(result.activatesAt, now.timestamp)}.`,
          );
          say(`  tree ${result.file}`);
          say(`  tx ${result.hash}`);
        });
      }),
    );

  rewards
    .command("verify [rootIndex]")
    .description("recompute a posted root (default: the latest) from the chain's events and compare")
    .option(
      "--tree <file>",
      "the published tree to name differing leaves from (default: <data dir>/rewards/root-<n>.json)",
    )
    .action(
      run(async (context, [indexText], options) => {
        if (indexText !== undefined && !/^\d+$/.test(indexText)) {
          throw new RampartError(`"${indexText}" is not a root index`, { hint: "run rampart rewards roots" });
        }
        const result = await verifyRoot(context.client, {
          rootIndex: indexText === undefined ? undefined : Number(indexText),
          treesDir: treesDirOf(context),
          treeFile: options.tree as string | undefined,
        });
        emit(context, result, () => {
          if (result.matches) {
            say(
              `Root ${result.rootIndex} MATCHES: the chain's events give ${result.postedRoot} for the days ended by ` +
                `${formatTimestamp(result.calculatedUntil)}.`,
            );
            return;
          }
          say(
            `Root ${result.rootIndex} DOES NOT MATCH: posted ${result.postedRoot}, the chain's events give ` +
              `${result.expectedRoot ?? "no tree at all"}.`,
          );
          if (result.note) say(result.note);
          if (result.differences && result.differences.length > 0) {
            say(
              table(
                ["earner", "token", "posted", "expected"],
                result.differences.map((d) => [
                  d.earner,
                  rewardTokenOf(context.client, d.token).symbol,
                  d.posted === undefined ? "(absent)" : tokenAmount(context, d.token, d.posted),
                  d.expected === undefined ? "(absent)" : tokenAmount(context, d.token, d.expected),
                ]),
                [2, 3],
              ),
            );
          }
        });
        if (!result.matches) process.exitCode = 3;
      }),
    );

  rewards
    .command("roots")
    .description("list the posted distribution roots and their status")
    .action(
      run(async (context) => {
        const [roots, now] = await Promise.all([listDistributionRoots(context.client), chainNow(context.client)]);
        emit(context, roots, () => {
          if (roots.length === 0) return say("No root posted yet.");
          say(
            table(
              ["root", "covers days until", "claims from", "status", "hash"],
              roots.map((r) => [
                String(r.index),
                formatTimestamp(r.calculatedUntil),
                when(r.activatesAt, now.timestamp),
                r.status,
                r.root,
              ]),
            ),
          );
        });
      }),
    );

  rewards
    .command("disable <rootIndex>")
    .description("(pauser) disable a root before it activates")
    .action(
      run(async (context, [indexText = ""]) => {
        if (!/^\d+$/.test(indexText)) throw new RampartError(`"${indexText}" is not a root index`);
        const { hash } = await write(
          context.client,
          { ...context.client.rewards, functionName: "disableRoot", args: [Number(indexText)] },
          `disabling root ${indexText}`,
        );
        emit(context, { rootIndex: Number(indexText), hash }, () => say(`Disabled root ${indexText}.\n  tx ${hash}`));
      }),
    );

  rewards
    .command("claim")
    .description("claim everything claimable for your account, with proofs recomputed from the chain")
    .option("--recipient <address>", "send the tokens here (default: the earner)")
    .option("--earner <address>", "claim for this earner (you must be its claimer)")
    .option("--tree <file>", "take proofs from this published tree instead of recomputing (its root must be posted)")
    .action(
      run(async (context, _args, options) => {
        const result = await claimRewards(context.client, {
          earner: options.earner as string | undefined,
          recipient: options.recipient as string | undefined,
          treeFile: options.tree as string | undefined,
        });
        emit(context, result, () => {
          say(
            `Claimed against root ${result.rootIndex} for ${result.earner}: ` +
              `${result.claimed.map((c) => tokenAmount(context, c.token, c.amount)).join(", ")} → ${result.recipient}.`,
          );
          say(`  tx ${result.hash}`);
        });
      }),
    );

  rewards
    .command("show [address]")
    .description("earnings by service and token: claimed, claimable, earned, and today's estimate")
    .action(
      run(async (context, [address]) => {
        const subject = address ?? context.account;
        if (!subject) {
          throw new RampartError("whose rewards? give an address or --account", {
            hint: "e.g. rampart rewards show 0x… or rampart rewards show --account 20",
          });
        }
        const summary = await getEarnings(context.client, parseAddress(subject));
        const name = await serviceNames(context);
        const now = await chainNow(context.client);
        emit(context, summary, () => {
          if (summary.lines.length === 0) {
            say(`${summary.earner} has no rewards yet.`);
            return;
          }
          say(
            `Rewards of ${summary.earner}` +
              (summary.activeRoot
                ? ` (active root ${summary.activeRoot.index} covers days until ${formatTimestamp(summary.activeRoot.calculatedUntil)})`
                : " (no active root yet: nothing is claimable until the updater posts one)"),
          );
          if (summary.activeRoot && !summary.activeRootVerified) {
            say(
              `WARNING: root ${summary.activeRoot.index} is not what the chain's events give; claims against it are refused ` +
                "(run rampart rewards verify). Nothing is shown as claimable.",
            );
          }
          say();
          say(
            table(
              ["service", "as", "in active root", "all ended days", "incl. today (est.)"],
              summary.lines.map((l) => [
                name(l.service),
                l.role,
                tokenAmount(context, l.token, l.inActiveRoot),
                tokenAmount(context, l.token, l.completedDays),
                tokenAmount(context, l.token, l.withToday),
              ]),
              [2, 3, 4],
            ),
          );
          say();
          say(
            table(
              ["token", "claimed", "claimable now", "earned (ended days)"],
              summary.tokens.map((t) => [
                rewardTokenOf(context.client, t.token).symbol,
                tokenAmount(context, t.token, t.claimed),
                tokenAmount(context, t.token, t.claimable),
                tokenAmount(context, t.token, t.earned),
              ]),
              [1, 2, 3],
            ),
          );
          const next = dayFloor(now.timestamp) + DAY;
          say();
          say(
            `Today's share is final at ${formatTimestamp(next)}; it becomes claimable once a root covering it is posted and active.`,
          );
          if (summary.tokens.some((t) => t.claimable > 0n)) say("Claim with: rampart rewards claim --account <you>");
        });
      }),
    );
}
