// The diversification plan: the LP's result respects every limit (checked again here, independently), beats an even
// split in expected net APR, and says why when no plan fits.
import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { buildInvestorModel } from "../src/risk/investor-model.ts";
import { PLAN_DEFAULTS, type PlanLimits, type PlanReport, planPositions } from "../src/risk/plan.ts";
import { readSnapshotFile, valueEth } from "../src/risk/snapshot.ts";
import { RampartError } from "../src/sdk/errors.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const model = buildInvestorModel(readSnapshotFile(path.join(ROOT, "examples", "snapshots", "realistic.json")));
const E = 10n ** 18n;
const pct = (x: number) => (BigInt(Math.round(x * 1e6)) * E) / 1_000_000n;

/** Shares of the budget per operator, service and asset, recomputed from the positions alone. */
function shares(report: PlanReport) {
  const budget = Number(report.budgetEth);
  const byOperator = new Map<string, number>();
  const byService = new Map<string, number>();
  const byAsset = new Map<string, number>();
  for (const p of report.positions) {
    const o = model.operatorIndex.get(p.operator) ?? -1;
    const a = model.assetIndex.get(p.asset) ?? -1;
    const value = Number(valueEth(p.amount, model.assets[a] as (typeof model.assets)[number]));
    byOperator.set(p.operator, (byOperator.get(p.operator) ?? 0) + value / budget);
    byAsset.set(p.asset, (byAsset.get(p.asset) ?? 0) + value / budget);
    for (const s of model.services) {
      const f = model.frac[o]?.[s.index]?.[a] ?? 0;
      if (f > 0) byService.set(s.id, (byService.get(s.id) ?? 0) + (value * f) / budget);
    }
  }
  return { byOperator, byService, byAsset };
}

function assertWithin(report: PlanReport, limits: PlanLimits): void {
  const { byOperator, byService, byAsset } = shares(report);
  const max = (m: Map<string, number>) => Math.max(0, ...m.values());
  assert.ok(max(byOperator) <= Number(limits.maxPerOperator) / 1e18 + 1e-12, `operator ${max(byOperator)}`);
  assert.ok(max(byService) <= Number(limits.maxPerService) / 1e18 + 1e-12, `service ${max(byService)}`);
  assert.ok(max(byAsset) <= Number(limits.maxPerAsset) / 1e18 + 1e-12, `asset ${max(byAsset)}`);
  if (limits.maxPositions !== undefined) assert.ok(report.positions.length <= limits.maxPositions);
  const placed = report.positions.reduce((sum, p) => sum + p.valueEth, 0n);
  assert.ok(placed <= report.budgetEth, "never more than the budget");
  assert.ok(
    report.budgetEth - placed <= report.budgetEth / 10n ** 9n + 10n ** 6n,
    "the whole budget, to a part per billion",
  );
}

describe("diversification plan", () => {
  it("respects every limit and beats an even split in expected net APR", async () => {
    const limits: PlanLimits = { ...PLAN_DEFAULTS, maxPerService: pct(0.2), maxPerOperator: pct(0.25), minScore: 60 };
    const report = await planPositions(model, 100n * E, limits);
    assertWithin(report, limits);
    assert.ok(report.plan.apr.net > report.naive.apr.net, `${report.plan.apr.net} vs ${report.naive.apr.net}`);
    assert.ok(
      report.excluded.every((e) => /Ember Coprocessor \(score \d+\)/.test(e.reason)),
      "score below 60",
    );
    assert.ok(report.positions.every((p) => !(p.operator === "northwall" && p.asset !== "rETH")));
  });

  it("with --max-positions it solves a MILP and keeps to the count", async () => {
    const limits: PlanLimits = { ...PLAN_DEFAULTS, maxPerOperator: pct(0.4), maxPositions: 3 };
    const report = await planPositions(model, 50n * E, limits);
    assert.equal(report.solver.milp, true);
    assertWithin(report, limits);
    assert.ok(report.positions.length <= 3);
  });

  it("shows the staker's current positions next to the plan", async () => {
    const current = [
      {
        operator: model.operatorIndex.get("bastion") ?? 0,
        asset: model.assetIndex.get("wstETH") ?? 0,
        amount: 10n * E,
      },
    ];
    const report = await planPositions(model, 10n * E, PLAN_DEFAULTS, { current });
    assert.equal(report.current?.positions.length, 1);
  });

  it("says which limit leaves no room", async () => {
    await assert.rejects(
      planPositions(model, 10n * E, { ...PLAN_DEFAULTS, maxPerOperator: pct(0.1) }),
      (error: unknown) =>
        error instanceof RampartError && /needs at least 10 operators, and only 7 qualify/.test(error.oneLine()),
    );
    // At a score of 99 only Citadel's WETH pool qualifies (ETH scores 100, and it backs no service).
    await assert.rejects(
      planPositions(model, 10n * E, { ...PLAN_DEFAULTS, minScore: 99 }),
      (error: unknown) =>
        error instanceof RampartError && /needs at least 2 operators, and only 1 qualify/.test(error.oneLine()),
    );
    await assert.rejects(
      planPositions(model, 10n * E, { ...PLAN_DEFAULTS, minScore: 99, assets: ["wstETH"] }),
      (error: unknown) => error instanceof RampartError && /no pool qualifies/.test(error.shortMessage),
    );
  });

  it("any limits: either a plan within them or a reason (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0.2, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 90 }),
        fc.bigInt({ min: 10n ** 15n, max: 10n ** 24n }),
        async (op, svc, asset, minScore, budget) => {
          const limits: PlanLimits = {
            ...PLAN_DEFAULTS,
            maxPerOperator: pct(op),
            maxPerService: pct(svc),
            maxPerAsset: pct(asset),
            minScore,
          };
          try {
            assertWithin(await planPositions(model, budget, limits), limits);
          } catch (error) {
            if (!(error instanceof RampartError)) throw error;
            assert.match(error.shortMessage, /no plan meets the limits|no pool qualifies/);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
