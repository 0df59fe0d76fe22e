// The history the web journeys look at, on a fixture chain: the shared lifecycle (two operators in a service's set,
// four stakers, a slash), then a reward program paying the set, and for staker #5 one withdrawal that is ready and
// one still waiting, with a week of distribution roots posted (the last one active, so rewards are claimable).
import path from "node:path";
import { type Address, parseUnits } from "viem";
import { advanceTimeWithRoots } from "../../src/rewards/distribution.ts";
import { mockErc20Abi } from "../../src/sdk/abis.ts";
import { write } from "../../src/sdk/client.ts";
import { advanceTime, createRewardProgram, queueWithdrawal } from "../../src/sdk/index.ts";
import { type Fixture, ROOT_ACTIVATION_DELAY, WITHDRAWAL_DELAY } from "./fixture.ts";
import { LIFECYCLE, runLifecycle } from "./lifecycle.ts";

/** The staker the journeys connect as (LIFECYCLE.stakers[0]). */
export const WEB_STAKER = LIFECYCLE.stakers[0] as number;
export const REWARD_AMOUNT = parseUnits("700", 18);

export async function runWebScenario(fixture: Fixture): Promise<{ setId: number }> {
  const { setId } = await runLifecycle(fixture, "Web DA");
  const as = (index: number) => fixture.client(index);
  const service = LIFECYCLE.service;
  const token = fixture.deployment.rewardTokens[0]?.address as Address;
  await write(
    as(service),
    {
      address: token,
      abi: mockErc20Abi,
      functionName: "mint",
      args: [fixture.accounts[service] as Address, REWARD_AMOUNT],
    },
    "minting reward tokens",
  );
  await createRewardProgram(as(service), { setId, token, amount: REWARD_AMOUNT, days: 7 });
  const staker = as(WEB_STAKER);
  const operator = fixture.accounts[LIFECYCLE.operators[0] as number] as Address;
  await queueWithdrawal(staker, { operator, asset: "wstETH", size: { shares: 10n ** 24n } });
  await advanceTimeWithRoots(as(0), WITHDRAWAL_DELAY + 1, {
    updater: as(0),
    treesDir: path.join(fixture.dir, "rewards"),
  });
  await advanceTime(as(0), ROOT_ACTIVATION_DELAY + 60);
  await queueWithdrawal(staker, { operator, asset: "rETH", size: { shares: 2n * 10n ** 24n } });
  return { setId };
}
