// One protocol history for the indexer and API tests, driven through the SDK on a fixture chain: two operators
// (#3, #8) in one set of a service (#4) with commissions and half of their wstETH pools allocated, four stakers
// (#5, #6, #7, #9) with deposits in wstETH and rETH, a withdrawal queued and completed, a redelegation, and an
// instant slash of the first operator's wstETH allocation.
import type { Address } from "viem";
import { parseUnits } from "viem";
import {
  advanceTime,
  allocate,
  approveAndDeposit,
  completeWithdrawal,
  createOperatorSet,
  joinOperatorSet,
  mintTestTokens,
  queueRedelegation,
  queueWithdrawal,
  registerOperator,
  registerService,
  setCommission,
  slash,
  WAD,
} from "../../src/sdk/index.ts";
import { type Fixture, WITHDRAWAL_DELAY } from "./fixture.ts";

export const LIFECYCLE = {
  operators: [3, 8],
  service: 4,
  stakers: [5, 6, 7, 9],
  assets: ["wstETH", "rETH"] as const,
};

export interface Lifecycle {
  setId: number;
  /** Address of LIFECYCLE.operators[i]. */
  operator: (i: number) => Address;
}

/** Runs the history on `fixture`'s chain; `serviceName` names the service in its metadata. */
export async function runLifecycle(fixture: Fixture, serviceName: string): Promise<Lifecycle> {
  const as = (index: number) => fixture.client(index);
  const units = (text: string) => parseUnits(text, 18);
  const { operators, service, stakers, assets } = LIFECYCLE;
  const operator = (i: number) => fixture.accounts[operators[i] as number] as Address;
  for (const i of operators) await registerOperator(as(i), { name: `Operator ${i}` });
  await registerService(as(service), { category: "da", name: serviceName });
  const { setId } = await createOperatorSet(as(service), { assets: [...assets], maxSlashWad: WAD / 2n });
  for (const i of operators) {
    await joinOperatorSet(as(i), { setId });
    await allocate(as(i), { asset: "wstETH", setId, fractionWad: WAD / 2n });
    await setCommission(as(i), { service: fixture.accounts[service] as Address, bps: 500 });
  }
  for (const [n, s] of stakers.entries()) {
    for (const asset of assets) {
      await mintTestTokens(as(s), { asset, amount: units("1000") });
      await approveAndDeposit(as(s), { operator: operator(n % 2), asset, amount: units(String(10 + n)) });
    }
  }
  const staker = stakers[0] as number;
  const { id } = await queueWithdrawal(as(staker), {
    operator: operator(0),
    asset: "wstETH",
    size: { shares: 10n ** 20n },
  });
  await queueRedelegation(as(stakers[2] as number), { from: operator(0), to: operator(1), asset: "rETH", size: "all" });
  await slash(as(service), { setId, operator: operator(0), assets: [{ asset: "wstETH", wad: WAD / 10n }] });
  await advanceTime(as(0), WITHDRAWAL_DELAY + 1);
  await completeWithdrawal(as(staker), { id });
  return { setId, operator };
}
