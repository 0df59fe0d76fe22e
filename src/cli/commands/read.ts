// Commands that only look: status, assets, operators, services, pools, positions, balances, slashes, accounts.
import type { Command } from "commander";
import { formatPercent, formatTimestamp } from "../../sdk/format.ts";
import { getBalances } from "../../sdk/reads/getBalances.ts";
import { getNetworkStatus } from "../../sdk/reads/getNetworkStatus.ts";
import { getPositions } from "../../sdk/reads/getPositions.ts";
import { chainNow } from "../../sdk/reads/internal.ts";
import { listAssets } from "../../sdk/reads/listAssets.ts";
import { listOperators } from "../../sdk/reads/listOperators.ts";
import { listPools } from "../../sdk/reads/listPools.ts";
import { listServices } from "../../sdk/reads/listServices.ts";
import { getOperatorRegistrations, getServiceRegistrations } from "../../sdk/reads/registry.ts";
import { listSlashes } from "../../sdk/reads/slashes.ts";
import { listWithdrawals } from "../../sdk/reads/withdrawals.ts";
import { devAccounts, subjectOf } from "../context.ts";
import { amount, duration, eth, say, short, table, when, who } from "../output.ts";
import { emit, run } from "../run.ts";

const pct = (wad: bigint) => formatPercent(wad);

export function registerReadCommands(program: Command): void {
  program
    .command("status")
    .description("the chain, the contracts, value locked and counts")
    .action(
      run(async (context) => {
        const status = await getNetworkStatus(context.client);
        emit(context, { rpcUrl: context.rpcUrl, deploymentFile: context.deploymentFile, ...status }, () => {
          const { counts } = status;
          say(
            `Rampart on chain ${status.chainId} · block #${status.blockNumber} at ${formatTimestamp(status.blockTimestamp)}`,
          );
          say(`  RPC         ${context.rpcUrl}`);
          say(`  rampart     ${status.contracts.rampart}`);
          say(`  directory   ${status.contracts.directory}`);
          say(`  timelock    ${status.contracts.timelock}`);
          say(`  withdrawal delay ${duration(status.withdrawalDelay)} · paused: ${status.paused}`);
          say();
          say(
            table(
              ["asset", "deposited", "in ETH"],
              status.assets.map((a) => [
                a.symbol,
                amount(a.totalDeposited, a.decimals, a.symbol),
                eth(a.totalDepositedEth),
              ]),
              [1, 2],
            ),
          );
          say(`Total value locked: ${eth(status.totalValueLockedEth)}`);
          say();
          say(
            `${counts.operators} operator(s) · ${counts.services} service(s) · ${counts.operatorSets} operator set(s) · ` +
              `${counts.stakers} staker(s) · ${counts.withdrawalsQueued} withdrawal(s) queued · ${counts.slashes} slash(es)`,
          );
        });
      }),
    );

  program
    .command("assets")
    .description("collateral assets: listing, cap, deposits, ETH rate")
    .action(
      run(async (context) => {
        const assets = await listAssets(context.client);
        emit(context, assets, () => {
          say(
            table(
              ["asset", "kind", "listed", "deposited", "cap", "ETH per token", "in ETH", "address"],
              assets.map((a) => [
                a.symbol,
                a.localStandIn ? `${a.kind} (local stand-in)` : a.kind,
                a.listed ? "yes" : "no (delisted)",
                amount(a.totalDeposited, a.decimals, a.symbol),
                amount(a.cap, a.decimals, a.symbol),
                a.ethRate === undefined ? "unknown" : amount(a.ethRate, 18, ""),
                eth(a.totalDepositedEth),
                a.address,
              ]),
              [3, 4, 5, 6],
            ),
          );
        });
      }),
    );

  program
    .command("operators")
    .description("registered operators: pools, commissions, operator sets")
    .action(
      run(async (context) => {
        const operators = await listOperators(context.client);
        const now = (await chainNow(context.client)).timestamp;
        emit(context, operators, () => {
          if (operators.length === 0) return say("No operators registered yet.");
          say(
            table(
              ["#", "operator", "address", "alloc delay", "sets", "stake", "in ETH"],
              operators.map((op) => [
                String(op.index),
                op.name ?? "",
                op.address,
                duration(op.allocationDelay) +
                  (op.pendingAllocationDelay ? ` (→ ${duration(op.pendingAllocationDelay.delay)})` : ""),
                op.sets.join(", ") || "none",
                op.pools.map((p) => amount(p.totalAssets, p.decimals, p.symbol)).join(", ") || "nothing yet",
                eth(op.totalEth),
              ]),
              [6],
            ),
          );
          const rows = operators.flatMap((op) =>
            op.commissions
              .filter((c) => c.set || c.pending)
              .map((c) => [
                op.name ?? short(op.address),
                c.serviceName ?? c.service,
                formatPercent(c.bps, "bps"),
                c.pending ? `${formatPercent(c.pending.bps, "bps")} from ${when(c.pending.effectAt, now)}` : "",
              ]),
          );
          say();
          if (rows.length > 0) {
            say("Commissions (10% where not set):");
            say(table(["operator", "service", "rate", "pending increase"], rows));
          } else {
            say("Commissions: 10% everywhere (the default; none set).");
          }
        });
      }),
    );

  program
    .command("services")
    .description("registered services and their operator sets: policy, assets, members, allocations")
    .action(
      run(async (context) => {
        const services = await listServices(context.client);
        const now = (await chainNow(context.client)).timestamp;
        emit(context, services, () => {
          if (services.length === 0) return say("No services registered yet.");
          say(
            table(
              ["service", "category", "address", "sets"],
              services.map((s) => [
                s.name ?? "",
                s.categoryName,
                s.address,
                s.sets.map((x) => x.id).join(", ") || "none",
              ]),
            ),
          );
          for (const service of services) {
            for (const set of service.sets) {
              const { policy } = set;
              say();
              say(`Operator set ${set.id} · ${service.name ?? service.address} (${service.categoryName})`);
              say(
                `  slashing    ${policy.instant ? "instant" : `veto window ${duration(policy.vetoWindow)}, committee ${policy.vetoCommittee}`}` +
                  ` · at most ${pct(policy.maxSlashWad)} of an allocation per slash`,
              );
              say(`  slashed to  ${policy.burns ? "burned" : policy.slashRecipient}`);
              say(
                `  dealloc     ${duration(policy.effectiveDeallocationDelay)}` +
                  (policy.effectiveDeallocationDelay < policy.deallocationDelay
                    ? ` (set asks ${duration(policy.deallocationDelay)}, capped by the withdrawal delay)`
                    : ""),
              );
              say(`  assets      ${set.assets.map((a) => a.symbol).join(", ")}`);
              if (set.registrar) say(`  registrar   ${set.registrar}`);
              const rows = set.members.flatMap((member) =>
                member.allocations.length === 0
                  ? [[who(member.operator, member.operatorName), "", "not allocated", "", ""]]
                  : member.allocations.map((a) => [
                      who(member.operator, member.operatorName),
                      a.symbol,
                      pct(a.fractionWad),
                      amount(a.slashableAssets, a.decimals, a.symbol),
                      a.effectAt ? `→ ${pct(a.pendingFractionWad)} from ${when(a.effectAt, now)}` : "",
                    ]),
              );
              if (rows.length === 0) say("  members     none yet");
              else
                say(
                  table(
                    ["  member", "asset", "allocated", "slashable", "pending"],
                    rows.map((r) => [`  ${r[0]}`, ...r.slice(1)]),
                    [3],
                  ),
                );
            }
          }
        });
      }),
    );

  program
    .command("pools")
    .description("every (operator, asset) pool: assets, shares, encumbered and slashed magnitude, allocations")
    .action(
      run(async (context) => {
        const pools = await listPools(context.client);
        const now = (await chainNow(context.client)).timestamp;
        emit(context, pools, () => {
          if (pools.length === 0) return say("No pools yet: nobody has deposited.");
          say(
            table(
              ["operator", "asset", "assets", "in ETH", "allocated", "slashed"],
              pools.map((p) => [
                who(p.operator, p.operatorName),
                p.symbol,
                amount(p.totalAssets, p.decimals, p.symbol),
                eth(p.ethValue),
                p.fullySlashed ? "fully slashed" : pct(p.encumberedWad),
                pct(p.slashedWad),
              ]),
              [2, 3, 4, 5],
            ),
          );
          const rows = pools.flatMap((p) =>
            p.allocations.map((a) => [
              who(p.operator, p.operatorName),
              p.symbol,
              String(a.setId),
              pct(a.fractionWad),
              amount(a.slashableAssets, p.decimals, p.symbol),
              a.effectAt ? `→ ${pct(a.pendingFractionWad)} from ${when(a.effectAt, now)}` : "",
            ]),
          );
          if (rows.length > 0) {
            say();
            say("Allocations:");
            say(table(["operator", "asset", "set", "allocated", "slashable", "pending"], rows, [3, 4]));
          }
        });
      }),
    );

  program
    .command("positions [address]")
    .description("a staker's positions: value now, deposited, loss from slashes, exposure per operator set")
    .action(
      run(async (context, [address]) => {
        const staker = subjectOf(context, address, "positions");
        const [positions, withdrawals] = await Promise.all([
          getPositions(context.client, staker),
          listWithdrawals(context.client, staker, { pendingOnly: true }),
        ]);
        emit(context, positions, () => {
          say(`Positions of ${staker}`);
          if (positions.length === 0) say("  none");
          else
            say(
              table(
                ["operator", "asset", "value", "in ETH", "deposited", "slashed", "pool share"],
                positions.map((p) => [
                  who(p.operator, p.operatorName),
                  p.symbol,
                  amount(p.value, p.decimals, p.symbol),
                  eth(p.ethValue),
                  amount(p.deposited, p.decimals, p.symbol),
                  p.loss > 0n ? `-${amount(p.loss, p.decimals, p.symbol)}` : "0",
                  pct(p.poolShareWad),
                ]),
                [2, 3, 4, 5, 6],
              ),
            );
          const exposures = positions.flatMap((p) =>
            p.exposures.map((e) => [
              who(p.operator, p.operatorName),
              p.symbol,
              String(e.setId),
              pct(e.fractionWad),
              amount(e.yourSlashable, p.decimals, p.symbol),
            ]),
          );
          if (exposures.length > 0) {
            say();
            say("At stake (your part of what each operator set can slash):");
            say(table(["operator", "asset", "set", "pool allocated", "yours at stake"], exposures, [3, 4]));
          }
          if (withdrawals.length > 0) {
            say();
            say(`${withdrawals.length} withdrawal(s) pending: rampart withdraw list ${staker}`);
          }
        });
      }),
    );

  program
    .command("balances [address]")
    .description("ETH and token balances of an account, with allowances to Rampart")
    .action(
      run(async (context, [address]) => {
        const balances = await getBalances(context.client, subjectOf(context, address, "balances"));
        emit(context, balances, () => {
          say(`Balances of ${balances.account}`);
          say(
            table(
              ["asset", "balance", "allowance to Rampart"],
              [
                ["ETH", amount(balances.eth, 18, "ETH"), ""],
                ...balances.tokens.map((t) => [
                  t.symbol,
                  amount(t.balance, t.decimals, t.symbol),
                  amount(t.allowance, t.decimals, t.symbol),
                ]),
              ],
              [1, 2],
            ),
          );
        });
      }),
    );

  program
    .command("slashes")
    .description("every slash: operator set, operator, fractions, status, what it took")
    .action(
      run(async (context) => {
        const slashes = await listSlashes(context.client);
        const now = (await chainNow(context.client)).timestamp;
        emit(context, slashes, () => {
          if (slashes.length === 0) return say("No slashes yet.");
          say(
            table(
              ["id", "set", "operator", "asked", "status", "taken", "reason"],
              slashes.map((s) => [
                String(s.slashId),
                String(s.setId),
                who(s.operator, s.operatorName),
                s.assets.map((a) => `${pct(a.wad)} ${a.symbol}`).join(", "),
                s.status === "pending"
                  ? s.executable
                    ? "pending, executable now"
                    : `pending, veto window until ${when(s.executableAt, now)}`
                  : s.status,
                s.status === "executed"
                  ? s.assets.map((a) => amount(a.assetsSlashed ?? 0n, a.decimals, a.symbol)).join(", ")
                  : "",
                s.reason,
              ]),
            ),
          );
        });
      }),
    );

  program
    .command("accounts")
    .description("the node's dev accounts (for --account <index>) and what they are registered as")
    .action(
      run(async (context) => {
        const [accounts, operators, services] = await Promise.all([
          devAccounts(context.rpcUrl),
          getOperatorRegistrations(context.client),
          getServiceRegistrations(context.client),
        ]);
        const rows = await Promise.all(
          accounts.map(async (address, index) => {
            const operator = operators.find((o) => o.address === address);
            const service = services.find((s) => s.address === address);
            const role = operator
              ? `operator${operator.name ? ` ${operator.name}` : ""}`
              : service
                ? `service${service.name ? ` ${service.name}` : ""} (${service.categoryName})`
                : "";
            return { index, address, eth: await context.client.publicClient.getBalance({ address }), role };
          }),
        );
        emit(context, rows, () => {
          say(
            table(
              ["#", "address", "ETH", "registered as"],
              rows.map((r) => [String(r.index), r.address, amount(r.eth, 18, "ETH"), r.role]),
              [2],
            ),
          );
        });
      }),
    );
}
