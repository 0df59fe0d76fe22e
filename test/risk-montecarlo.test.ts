// The staking-versus-restaking Monte Carlo: reproducible from its seed, and sane — with no slashing and some rewards
// restaking never ends below staking, and the chance that it does rises with the slashing probability.
import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { buildInvestorModel } from "../src/risk/investor-model.ts";
import { COMPARE_DEFAULTS, type CompareParams, compareStrategies, rateOfProbability } from "../src/risk/montecarlo.ts";
import { readSnapshotFile } from "../src/risk/snapshot.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const model = buildInvestorModel(readSnapshotFile(path.join(ROOT, "examples", "snapshots", "realistic.json")));
const op = (id: string) => model.operatorIndex.get(id) ?? -1;
const wstETH = model.assetIndex.get("wstETH") ?? -1;

function params(overrides: Partial<CompareParams> = {}): CompareParams {
  return {
    ...COMPARE_DEFAULTS,
    amount: 10n * 10n ** 18n,
    asset: wstETH,
    plan: [
      { operator: op("bastion"), weight: 0.5 },
      { operator: op("northwall"), weight: 0.5 },
    ],
    paths: 20_000,
    ethUsd: 3200,
    ...overrides,
  };
}

/** Every service of the network slashed with yearly probability p. */
const everyService = (p: number) => new Map(model.services.map((s) => [s.id, p]));

describe("Monte Carlo comparison", () => {
  it("gives the same numbers for the same seed, and others for another seed", () => {
    const { elapsedMs: _a, ...first } = compareStrategies(model, params({ seed: "alpha" }));
    const { elapsedMs: _b, ...again } = compareStrategies(model, params({ seed: "alpha" }));
    const { elapsedMs: _c, ...other } = compareStrategies(model, params({ seed: "beta" }));
    assert.deepEqual(first, again);
    assert.notDeepEqual(first.restaking, other.restaking);
  });

  it("with no slashing and rewards above 0, restaking never ends below staking", () => {
    const report = compareStrategies(model, params({ slashProbabilities: everyService(0) }));
    assert.ok(report.services.some((s) => s.rewardApr > 0));
    assert.ok(report.restaking.eth.p50 >= report.staking.eth.p50);
    assert.ok(report.restaking.usd.p50 >= report.staking.usd.p50);
    assert.equal(report.probabilityRestakingBelow, 0);
  });

  it("a plan with no service is plain staking", () => {
    const report = compareStrategies(model, params({ plan: [{ operator: op("citadel"), weight: 1 }] }));
    assert.deepEqual(report.restaking, report.staking);
    assert.equal(report.probabilityRestakingBelow, 0);
  });

  it("the probability of ending below staking rises with the slashing probability", () => {
    const below = [0.005, 0.05, 0.2, 0.6].map(
      (p) => compareStrategies(model, params({ slashProbabilities: everyService(p) })).probabilityRestakingBelow,
    );
    for (let i = 1; i < below.length; i++) assert.ok((below[i] ?? 0) > (below[i - 1] ?? 0), `${below}`);
    // Against the closed form for one pair: P(no slash of bastion by any service in a year) is the product.
    assert.ok((below[3] ?? 0) > 0.5);
  });

  it("percentiles are ordered and USD follows the ETH price paths (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        (seed, p, horizonYears) => {
          const r = compareStrategies(
            model,
            params({ seed, paths: 500, horizonYears, slashProbabilities: everyService(p) }),
          );
          for (const side of [r.staking, r.restaking]) {
            assert.ok(side.eth.p5 <= side.eth.p50 && side.eth.p50 <= side.eth.p95);
            assert.ok(side.usd.p5 <= side.usd.p50 && side.usd.p50 <= side.usd.p95);
            assert.ok(side.eth.p5 > 0);
          }
          assert.ok(r.probabilityRestakingBelow >= 0 && r.probabilityRestakingBelow <= 1);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("turns yearly probabilities into Poisson rates with the same chance of at least one event", () => {
    for (const p of [0, 0.01, 0.5, 0.99]) {
      assert.ok(Math.abs(1 - Math.exp(-rateOfProbability(p)) - p) < 1e-12);
    }
  });
});
