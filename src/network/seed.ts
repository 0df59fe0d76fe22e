// Puts a ScenarioPlan on chain, phase by phase. Within a phase every transaction is independent of the others
// except through its own account's nonce order, so a phase is sent at once and only its end is awaited.
import { type Address, encodeFunctionData, type Hex, zeroAddress } from "viem";
import {
  directoryAbi,
  localStandInLstAbi,
  localStandInWethAbi,
  mockErc20Abi,
  rampartAbi,
  rewardsAbi,
} from "../sdk/abis.ts";
import { metadataUri } from "../sdk/reads/internal.ts";
import type { LocalChain } from "./chain.ts";
import {
  type AssetSymbol,
  LSTS,
  PROGRAMS,
  type RewardTokenSymbol,
  type ScenarioPlan,
  type ServiceKey,
} from "./scenario.ts";
import type { TxSpec } from "./transactions.ts";

export interface SeedTargets {
  rampart: Address;
  directory: Address;
  tokens: Readonly<Record<AssetSymbol, Address>>;
  rewards: Address;
  rewardTokens: Readonly<Record<RewardTokenSymbol, Address>>;
}

export interface SeedSummary {
  operators: number;
  services: number;
  operatorSets: number;
  allocations: number;
  stakers: number;
  positions: number;
  withdrawalsQueued: number;
  slashes: { executed: number; vetoed: number; pending: number };
  rewardPrograms: number;
  transactions: number;
}

const call = (
  from: Address,
  to: Address,
  // biome-ignore lint/suspicious/noExplicitAny: one helper for the ABIs of the core, the directory and the tokens
  abi: any,
  functionName: string,
  args: readonly unknown[],
  label: string,
  value?: bigint,
): TxSpec => ({ from, to, data: encodeFunctionData({ abi, functionName, args }) as Hex, value, label });

/**
 * Phase 1 of seeding, which needs the tokens deployed but not listed, so it runs alongside the listing: operators and
 * services register, stakers get their tokens (LSTs minted, ETH wrapped) and approve the core for their deposits.
 */
export async function seedRegistrationsAndFunding(
  chain: LocalChain,
  plan: ScenarioPlan,
  targets: SeedTargets,
): Promise<number> {
  const txs: TxSpec[] = [];
  for (const operator of plan.operators) {
    txs.push(
      call(
        chain.address(operator.account),
        targets.directory,
        directoryAbi,
        "registerOperator",
        [
          metadataUri({ name: operator.name, description: operator.description }),
          zeroAddress,
          operator.allocationDelay,
        ],
        `operator #${operator.account} (${operator.name}) registers`,
      ),
    );
  }
  for (const service of plan.services) {
    txs.push(
      call(
        chain.address(service.account),
        targets.directory,
        directoryAbi,
        "registerService",
        [metadataUri({ name: service.name, description: service.description, ...service.facts }), service.category],
        `service #${service.account} (${service.name}) registers`,
      ),
    );
  }
  for (const staker of plan.stakers) {
    const from = chain.address(staker.account);
    for (const [symbol, amount] of Object.entries(staker.funding) as [AssetSymbol, bigint][]) {
      const token = targets.tokens[symbol];
      txs.push(
        symbol === "WETH"
          ? call(from, token, localStandInWethAbi, "deposit", [], `staker #${staker.account} wraps ETH`, amount)
          : call(from, token, localStandInLstAbi, "mint", [from, amount], `staker #${staker.account} mints ${symbol}`),
      );
      const deposited = staker.deposits.filter((d) => d.asset === symbol).reduce((sum, d) => sum + d.amount, 0n);
      if (deposited > 0n) {
        txs.push(
          call(
            from,
            token,
            localStandInLstAbi,
            "approve",
            [targets.rampart, deposited],
            `staker #${staker.account} approves ${symbol}`,
          ),
        );
      }
    }
  }
  await chain.sender.send("seeding: registrations and staker funding", txs);
  return txs.length;
}

/** The rest of the scenario, once the assets are listed. */
export async function seedScenario(
  chain: LocalChain,
  plan: ScenarioPlan,
  targets: SeedTargets,
  phase1Transactions: number,
): Promise<SeedSummary> {
  const { rampart } = targets;
  const addressesOf = (assets: readonly AssetSymbol[]): Address[] => assets.map((symbol) => targets.tokens[symbol]);
  let transactions = phase1Transactions;

  // Operator sets: one after the other, so that their ids (handed out in order) follow the plan.
  const setTxs = plan.services.map((service) =>
    call(
      chain.address(service.account),
      rampart,
      rampartAbi,
      "createOperatorSet",
      [
        addressesOf(service.assets),
        {
          vetoWindow: service.policy.vetoWindow,
          deallocationDelay: service.policy.deallocationDelay,
          maxSlashWad: service.policy.maxSlashWad,
          vetoCommittee:
            service.policy.vetoCommittee === undefined ? zeroAddress : chain.address(service.policy.vetoCommittee),
          slashRecipient:
            service.policy.slashRecipient === undefined ? zeroAddress : chain.address(service.policy.slashRecipient),
        },
        zeroAddress,
      ],
      `service #${service.account} (${service.name}) creates its operator set`,
    ),
  );
  await chain.sender.send("seeding: operator sets", setTxs, { sequential: true });
  transactions += setTxs.length;
  const setCount = await chain.publicClient.readContract({
    address: rampart,
    abi: rampartAbi,
    functionName: "operatorSetCount",
  });
  const setIdOf = new Map<ServiceKey, number>();
  for (let id = 1; id <= setCount; id++) {
    const set = await chain.publicClient.readContract({
      address: rampart,
      abi: rampartAbi,
      functionName: "getOperatorSet",
      args: [id],
    });
    const service = plan.services.find((s) => chain.address(s.account) === set.service);
    if (service && !setIdOf.has(service.key)) setIdOf.set(service.key, id);
  }
  const setId = (key: ServiceKey): number => {
    const id = setIdOf.get(key);
    if (id === undefined) throw new Error(`the operator set of service ${key} was not found`);
    return id;
  };
  const serviceAddress = (key: ServiceKey): Address => {
    const service = plan.services.find((s) => s.key === key);
    if (!service) throw new Error(`unknown service ${key}`);
    return chain.address(service.account);
  };

  // Operators join, set commissions and allocate; stakers deposit. Each operator's joins come before its allocations
  // in its own nonce order.
  const txs: TxSpec[] = [];
  for (const operator of plan.operators) {
    const from = chain.address(operator.account);
    for (const key of operator.services) {
      txs.push(
        call(
          from,
          rampart,
          rampartAbi,
          "joinOperatorSet",
          [from, setId(key), "0x"],
          `#${operator.account} joins ${key}`,
        ),
      );
    }
    for (const commission of plan.commissions.filter((c) => c.operator === operator.account)) {
      txs.push(
        call(
          from,
          targets.directory,
          directoryAbi,
          "setCommission",
          [from, serviceAddress(commission.service), commission.bps],
          `#${operator.account} sets its ${commission.service} commission`,
        ),
      );
    }
    for (const allocation of plan.allocations.filter((a) => a.operator === operator.account)) {
      txs.push(
        call(
          from,
          rampart,
          rampartAbi,
          "allocate",
          [from, targets.tokens[allocation.asset], setId(allocation.service), allocation.fractionWad],
          `#${operator.account} allocates ${allocation.asset} to ${allocation.service}`,
        ),
      );
    }
  }
  for (const staker of plan.stakers) {
    const from = chain.address(staker.account);
    for (const deposit of staker.deposits) {
      txs.push(
        call(
          from,
          rampart,
          rampartAbi,
          "deposit",
          [chain.address(deposit.operator), targets.tokens[deposit.asset], deposit.amount, from, 0n],
          `staker #${staker.account} deposits ${deposit.asset} with operator #${deposit.operator}`,
        ),
      );
    }
  }
  await chain.sender.send("seeding: memberships, allocations and deposits", txs);
  transactions += txs.length;

  // Reward programs: each service mints (or wraps) its reward tokens, approves and funds, from today's midnight.
  const now = (await chain.publicClient.getBlock({ blockTag: "latest" })).timestamp;
  const startTime = Number(now - (now % 86_400n));
  const WAD = 10n ** 18n;
  const weightOf = (symbol: AssetSymbol): bigint =>
    (LSTS.find((lst) => lst.symbol === symbol)?.initialRateWad ?? WAD) / 10n ** 14n;
  const programTxs: TxSpec[] = [];
  for (const program of PROGRAMS) {
    const service = plan.services.find((s) => s.key === program.service);
    if (!service) throw new Error(`unknown service ${program.service}`);
    const from = chain.address(service.account);
    const amount = BigInt(program.amount) * WAD;
    const token = program.token === "WETH" ? targets.tokens.WETH : targets.rewardTokens[program.token];
    programTxs.push(
      program.token === "WETH"
        ? call(from, token, localStandInWethAbi, "deposit", [], `${service.name} wraps ETH for rewards`, amount)
        : call(from, token, mockErc20Abi, "mint", [from, amount], `${service.name} mints ${program.token}`),
      call(from, token, mockErc20Abi, "approve", [targets.rewards, amount], `${service.name} approves rewards`),
    );
    const directed = (program.directed ?? [])
      .map((d) => ({
        operator: chain.address(d.operator),
        amount: (amount * BigInt(Math.round(d.share * 1000))) / 1000n,
      }))
      .sort((a, b) => (a.operator.toLowerCase() < b.operator.toLowerCase() ? -1 : 1));
    programTxs.push(
      call(
        from,
        targets.rewards,
        rewardsAbi,
        "createProgram",
        [
          {
            setId: setId(program.service),
            kind: directed.length > 0 ? 1 : 0,
            token,
            amount: directed.length > 0 ? directed.reduce((sum, d) => sum + d.amount, 0n) : amount,
            startTime,
            duration: program.days * 86_400,
            assets: addressesOf(service.assets),
            weights: service.assets.map(weightOf),
            operators: directed.map((d) => d.operator),
            operatorAmounts: directed.map((d) => d.amount),
          },
        ],
        `${service.name} funds a ${program.days}-day ${program.token} program`,
      ),
    );
  }
  await chain.sender.send("seeding: reward programs", programTxs);
  transactions += programTxs.length;

  // Withdrawals and a redelegation, in plan order (withdrawal ids are handed out in order).
  const shares = await Promise.all(
    plan.withdrawals.map((w) =>
      chain.publicClient.readContract({
        address: rampart,
        abi: rampartAbi,
        functionName: "sharesOf",
        args: [chain.address(w.staker), chain.address(w.operator), targets.tokens[w.asset]],
      }),
    ),
  );
  const withdrawalTxs = plan.withdrawals.map((w, i) => {
    const from = chain.address(w.staker);
    const amount = ((shares[i] ?? 0n) * BigInt(w.shareBps)) / 10_000n;
    return w.redelegateTo === undefined
      ? call(
          from,
          rampart,
          rampartAbi,
          "queueWithdrawal",
          [chain.address(w.operator), targets.tokens[w.asset], amount, from],
          `staker #${w.staker} queues a withdrawal`,
        )
      : call(
          from,
          rampart,
          rampartAbi,
          "queueRedelegation",
          [chain.address(w.operator), targets.tokens[w.asset], amount, chain.address(w.redelegateTo)],
          `staker #${w.staker} queues a redelegation`,
        );
  });
  await chain.sender.send("seeding: withdrawals", withdrawalTxs, { sequential: true });
  transactions += withdrawalTxs.length;

  // Slashes, in plan order (slash ids are handed out in order); a vetoed one is vetoed right after its request.
  const slashes = { executed: 0, vetoed: 0, pending: 0 };
  for (const slash of plan.slashes) {
    const service = plan.services.find((s) => s.key === slash.service);
    if (!service) throw new Error(`unknown service ${slash.service}`);
    await chain.sender.send("seeding: slashes", [
      call(
        chain.address(service.account),
        rampart,
        rampartAbi,
        "slash",
        [
          {
            setId: setId(slash.service),
            operator: chain.address(slash.operator),
            assets: addressesOf(slash.assets),
            wads: slash.assets.map(() => slash.wad),
            reason: slash.reason,
          },
        ],
        `${service.name} slashes operator #${slash.operator}`,
      ),
    ]);
    transactions += 1;
    if (service.policy.vetoWindow === 0) {
      slashes.executed += 1;
    } else if (slash.vetoed && service.policy.vetoCommittee !== undefined) {
      const slashId = await chain.publicClient.readContract({
        address: rampart,
        abi: rampartAbi,
        functionName: "slashCount",
      });
      await chain.sender.send("seeding: slashes", [
        call(
          chain.address(service.policy.vetoCommittee),
          rampart,
          rampartAbi,
          "vetoSlash",
          [slashId],
          `the ${service.name} committee vetoes slash ${slashId}`,
        ),
      ]);
      transactions += 1;
      slashes.vetoed += 1;
    } else {
      slashes.pending += 1;
    }
  }

  return {
    operators: plan.operators.length,
    services: plan.services.length,
    operatorSets: setIdOf.size,
    allocations: plan.allocations.length,
    stakers: plan.stakers.length,
    positions: plan.stakers.reduce((sum, s) => sum + s.deposits.length, 0),
    withdrawalsQueued: plan.withdrawals.length,
    slashes,
    rewardPrograms: PROGRAMS.length,
    transactions,
  };
}
