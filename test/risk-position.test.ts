// The snapshot schema (every error names its path and problem), the adapter to the security network, and position
// risk and yield checked against figures computed by hand (docs/risk-investor.md), plus properties with fast-check.
import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import {
  assetDossier,
  hhi,
  serviceDossier,
  serviceStakeByOperator,
  slashProbabilityFromScore,
} from "../src/risk/dossier.ts";
import { buildInvestorModel } from "../src/risk/investor-model.ts";
import { analyzeHoldings, holdingsOf } from "../src/risk/position.ts";
import {
  parseFraction,
  parseSnapshot,
  readSnapshotFile,
  SECONDS_PER_YEAR,
  type SnapshotInput,
  toSecurityNetwork,
} from "../src/risk/snapshot.ts";
import { RampartError } from "../src/sdk/errors.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const E = 10n ** 18n;
const eth = (x: string) => {
  const [whole = "0", frac = ""] = x.split(".");
  return (BigInt(whole) * E + BigInt(frac.padEnd(18, "0"))).toString();
};

/**
 * A network small enough to compute by hand. Half a year in; stk's rate grew 1.00 → 1.02 in that half year (base APR
 * 4%) and it trades at 1.1 ETH. Operator A allocates 40% of its stk to s1 and its whole stake (no asset: full
 * restaking) to s2; B its whole stk (asset, no amount) to s1. s1 pays 15.4 ETH a year (30.8 T at 0.5 ETH).
 */
function handSnapshot(): SnapshotInput {
  return {
    version: 1,
    name: "hand",
    timestamp: SECONDS_PER_YEAR / 2,
    assets: [
      { id: "ETH", decimals: 18, kind: "ETH", priceEth: "1" },
      {
        id: "stk",
        decimals: 18,
        kind: "LST",
        priceEth: "1.1",
        rateHistory: [
          { time: 0, rate: "1" },
          { time: SECONDS_PER_YEAR / 2, rate: "1.02" },
        ],
      },
    ],
    tokens: [{ id: "T", decimals: 18, priceEth: "0.5" }],
    operators: [
      { id: "A", stake: { stk: eth("100"), ETH: eth("50") }, commissions: { s1: 1000 } },
      { id: "B", stake: { stk: eth("100") }, defaultCommissionBps: 2000 },
    ],
    services: [
      {
        id: "s1",
        category: "oracle",
        profitFromCorruption: eth("10"),
        attackThreshold: "1/2",
        slashing: { maxSlash: "50%" },
        facts: { slashingProbability: "2%" },
      },
      {
        id: "s2",
        category: "da",
        profitFromCorruption: eth("20"),
        attackThreshold: "0.25",
        slashing: { maxSlash: "1" },
        facts: { slashingProbability: "0.1" },
      },
    ],
    allocations: [
      { operator: "A", service: "s1", asset: "stk", amount: eth("40") },
      { operator: "A", service: "s2" },
      { operator: "B", service: "s1", asset: "stk" },
    ],
    rewardPrograms: [
      {
        id: "p1",
        service: "s1",
        kind: "pro-rata",
        token: "T",
        amount: eth("30.8"),
        startTime: 0,
        duration: SECONDS_PER_YEAR,
      },
    ],
    positions: [
      { staker: "s", operator: "A", asset: "stk", amount: eth("10") },
      { staker: "s", operator: "B", asset: "stk", amount: eth("10") },
      { staker: "s", operator: "A", asset: "ETH", amount: eth("5") },
    ],
  };
}

const close = (actual: number, expected: number, what: string, tolerance = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} ≠ ${expected}`);

/** The problems listed in a RampartError from parseSnapshot. */
function problemsOf(json: unknown): string {
  try {
    parseSnapshot(json, "test.json");
  } catch (error) {
    assert.ok(error instanceof RampartError);
    return error.shortMessage;
  }
  assert.fail("expected the snapshot to be refused");
}

describe("snapshot schema", () => {
  it("accepts the example snapshots", () => {
    for (const name of ["paper-full-restaking", "paper-elastic", "realistic"]) {
      const snapshot = readSnapshotFile(path.join(ROOT, "examples", "snapshots", `${name}.json`));
      assert.equal(snapshot.version, 1);
    }
  });

  it("names the path and the problem of every structural error, all at once", () => {
    const bad = handSnapshot() as Record<string, unknown> & SnapshotInput;
    const operators = structuredClone(bad.operators);
    (operators[0] as { stake: Record<string, string> }).stake.stk = "12.5";
    const message = problemsOf({
      ...bad,
      version: 2,
      operators,
      services: [
        { ...bad.services[0], attackThreshold: "150%" },
        { ...bad.services[1], category: "casino" },
      ],
      extra: true,
    });
    assert.match(message, /^test\.json is not a valid snapshot: 5 problems: /);
    assert.match(message, /version: expected version 1/);
    assert.match(message, /operators\[0\]\.stake\.stk: expected a decimal string of base units/);
    assert.match(message, /services\[0\]\.attackThreshold: "150%" is above 1 \(100%\)/);
    assert.match(message, /services\[1\]\.category: /);
    assert.match(message, /\(root\): Unrecognized key: "extra"/);
  });

  it("checks references and amounts once the structure is right", () => {
    const s = handSnapshot();
    s.allocations.push({ operator: "C", service: "s1", asset: "stk", amount: "1" });
    s.allocations.push({ operator: "B", service: "s2", asset: "ETH", amount: "1" });
    s.allocations.push({ operator: "A", service: "s2", asset: "stk", amount: eth("101") });
    s.allocations.push({ operator: "A", service: "s1", amount: "5" });
    s.operators.push({ id: "A", stake: {} });
    s.positions?.push({ staker: "t", operator: "B", asset: "stk", amount: eth("95") });
    s.rewardPrograms?.push({
      id: "p2",
      service: "s1",
      kind: "operator-directed",
      token: "USD",
      amount: "10",
      startTime: 0,
      duration: 1,
      operators: [{ operator: "A", amount: "9" }],
    });
    const message = problemsOf(s);
    for (const expected of [
      /operators\[2\]\.id: "A" is already used by operators\[0\]/,
      /allocations\[3\]\.operator: unknown operator "C" \(known: A, B\)/,
      /allocations\[4\]\.asset: operator "B" has no ETH stake to allocate/,
      /allocations\[5\]\.amount: 101000000000000000000 is above operator "A"'s stk stake of 100000000000000000000/,
      /allocations\[6\]\.amount: an amount needs its asset/,
      /rewardPrograms\[1\]\.token: unknown token "USD"/,
      /rewardPrograms\[1\]\.operators: amounts sum to 9, not the program's amount 10/,
      /positions\[3\]\.amount: positions in operator "B"'s stk pool add up to 105000000000000000000, above its stake/,
    ]) {
      assert.match(message, expected);
    }
  });

  it("parses fractions as exact rationals, and refuses what is not one", () => {
    assert.deepEqual(parseFraction("1/3"), { num: 1n, den: 3n });
    assert.deepEqual(parseFraction("25%"), { num: 1n, den: 4n });
    assert.deepEqual(parseFraction("0.125"), { num: 1n, den: 8n });
    assert.match(String(parseFraction("4/3")), /above 1/);
    assert.match(String(parseFraction("1/0")), /divides by zero/);
    assert.match(String(parseFraction("-0.1")), /expected a fraction/);
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 30n }), fc.bigInt({ min: 0n, max: 10n ** 30n }), (den, n) => {
        const num = n % (den + 1n);
        const parsed = parseFraction(`${num}/${den}`);
        assert.ok(typeof parsed !== "string");
        assert.equal(parsed.num * den, num * parsed.den);
      }),
    );
  });

  it("maps to the security network: whole stake in ETH, 'full' for allocations without an asset", () => {
    const network = toSecurityNetwork(parseSnapshot(handSnapshot()));
    assert.deepEqual(
      network.operators.map((o) => [o.id, o.stake]),
      [
        ["A", 160n * E],
        ["B", 110n * E],
      ],
    );
    assert.deepEqual(network.services[1]?.threshold, { num: 1n, den: 4n });
    assert.deepEqual(network.allocations, [
      { operator: 0, service: 0, amount: 44n * E },
      { operator: 0, service: 1, amount: "full" },
      { operator: 1, service: 0, amount: 110n * E },
    ]);
    const elastic = toSecurityNetwork(readSnapshotFile(path.join(ROOT, "examples", "snapshots", "paper-elastic.json")));
    const byOperator = (id: string) =>
      elastic.allocations.filter((a) => elastic.operators[a.operator]?.id === id).map((a) => a.amount);
    assert.deepEqual(byOperator("full"), ["full", "full"]);
    assert.deepEqual(byOperator("elastic"), [8n * E, 8n * E, 6n * E], "elastic: allocations sum above the stake");
    assert.deepEqual(byOperator("unique"), [4n * E, 6n * E]);
  });
});

describe("position risk and yield (hand-computed)", () => {
  const model = buildInvestorModel(parseSnapshot(handSnapshot()));
  const report = analyzeHoldings(model, holdingsOf(model, "S"), { staker: "s" });
  const line = (operator: string, asset: string) => {
    const found = report.positions.find((p) => p.operator === operator && p.asset === asset);
    assert.ok(found, `${operator}/${asset}`);
    return found;
  };

  it("decomposes the APR: base from the rate growth, rewards net of commission, versus plain staking", () => {
    close(model.assets[1]?.baseApr ?? 0, 0.04, "base APR of stk");
    // s1 pays 15.4 ETH a year, by allocated value: A 44 ETH, B 110 ETH; A keeps 10%, B 20%; pools are 110 ETH.
    close(line("A", "stk").rewards[0]?.apr ?? 0, (15.4 * (44 / 154) * 0.9) / 110, "A/stk s1"); // 3.6%
    close(line("B", "stk").rewards[0]?.apr ?? 0, (15.4 * (110 / 154) * 0.8) / 110, "B/stk s1"); // 8%
    close(line("A", "stk").totalApr, 0.076, "A/stk total");
    close(line("A", "ETH").totalApr, 0, "A/ETH total: no program pays s2");
    assert.equal(report.valueEth, 27n * E);
    close(report.apr.base, 0.88 / 27, "base");
    close(report.apr.rewards, 1.276 / 27, "rewards");
    close(report.apr.plainStaking, 0.88 / 27, "plain staking");
    close(report.apr.total, (0.88 + 1.276) / 27, "total");
  });

  it("computes what each service can slash at its cap, the worst event and the expected loss", () => {
    const exposure = (operator: string, asset: string, service: string) =>
      line(operator, asset).exposures.find((e) => e.service === service);
    assert.equal(exposure("A", "stk", "s1")?.allocatedEth, 4_400_000_000_000_000_000n);
    assert.equal(exposure("A", "stk", "s1")?.atCapEth, 2_200_000_000_000_000_000n);
    assert.equal(exposure("A", "stk", "s1")?.expectedLossEth, 44_000_000_000_000_000n);
    assert.equal(exposure("A", "stk", "s2")?.atCapEth, 11n * E);
    assert.equal(exposure("A", "ETH", "s2")?.atCapEth, 5n * E);
    assert.equal(exposure("B", "stk", "s1")?.atCapEth, 5_500_000_000_000_000_000n);
    assert.equal(line("A", "stk").atCapEth, 11n * E, "capped at the position's value");
    assert.deepEqual(
      report.exposure.byService.map((e) => [e.service, e.allocatedEth, e.atCapEth, e.expectedLossEth]),
      [
        ["s1", 15_400_000_000_000_000_000n, 7_700_000_000_000_000_000n, 154_000_000_000_000_000n],
        ["s2", 16n * E, 16n * E, 1_600_000_000_000_000_000n],
      ],
    );
    assert.equal(report.exposure.totalAtCapEth, 21_500_000_000_000_000_000n);
    assert.equal(report.exposure.expectedLossEth, 1_754_000_000_000_000_000n);
    close(report.apr.expectedLoss, 1.754 / 27, "expected loss rate");
    assert.equal(report.exposure.worstEvent?.id, "s2");
    assert.equal(report.exposure.worstEvent?.lossEth, 16n * E);
  });

  it("measures concentration with HHI and the effective number", () => {
    close(report.concentration.operator.hhi, 377 / 729, "HHI by operator");
    close(report.concentration.operator.effective, 729 / 377, "effective operators");
    close(report.concentration.asset.hhi, 509 / 729, "HHI by asset");
    close(report.concentration.service.hhi, (15.4 ** 2 + 16 ** 2) / 31.4 ** 2, "HHI by service");
    assert.ok(report.warnings.some((w) => /59\.3% of your stake is with one operator \(A\)/.test(w)));
    assert.ok(
      report.warnings.some((w) =>
        /59\.3% of your stake is allocated to s2 \(one slash at its cap takes [\d.]+%/.test(w),
      ),
    );
    assert.ok(
      report.warnings.some((w) => /expected yearly slashing loss \(6\.5%\) is above the restaking rewards/.test(w)),
    );
  });

  it("HHI lies between 1/n and 1, and the effective number at most n", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (values) => {
          const index = hhi(values);
          assert.ok(index >= 1 / values.length - 1e-12 && index <= 1 + 1e-12);
        },
      ),
    );
  });

  it("never shows more at stake than a position is worth (random holdings of the realistic network)", () => {
    const real = buildInvestorModel(readSnapshotFile(path.join(ROOT, "examples", "snapshots", "realistic.json")));
    const pools = real.operators.flatMap((o) =>
      real.assets.filter((a) => (o.stake[a.index] ?? 0n) > 0n).map((a) => [o.index, a.index]),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(pools.length - 1), fc.bigInt({ min: 1n, max: 10n ** 21n })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (picks, p) => {
          const holdings = picks.map(([i, amount]) => ({
            operator: pools[i]?.[0] ?? 0,
            asset: pools[i]?.[1] ?? 0,
            amount,
          }));
          const probabilities = new Map(real.services.map((s) => [s.id, p]));
          const r = analyzeHoldings(real, holdings, { slashProbabilities: probabilities });
          for (const position of r.positions) {
            assert.ok(position.atCapEth <= position.valueEth);
            assert.ok(position.expectedLossEth <= position.atCapEth);
            for (const e of position.exposures)
              assert.ok(e.atCapEth <= e.allocatedEth && e.allocatedEth <= position.valueEth);
          }
          assert.ok(r.exposure.totalAtCapEth <= r.valueEth);
          assert.ok(r.apr.net <= r.apr.total + 1e-12);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("dossiers", () => {
  const real = buildInvestorModel(readSnapshotFile(path.join(ROOT, "examples", "snapshots", "realistic.json")));

  it("scores services from weighted factors that sum to 100, each with its value", () => {
    for (const service of real.services) {
      const dossier = serviceDossier(real, service.index);
      assert.equal(
        dossier.factors.reduce((sum, f) => sum + f.weight, 0),
        100,
      );
      const mean = dossier.factors.reduce((sum, f) => sum + f.weight * f.score, 0) / 100;
      close(dossier.score, mean, `${service.id} score`);
      for (const factor of dossier.factors)
        assert.ok(factor.value.length > 0 && factor.score >= 0 && factor.score <= 100);
    }
    const young = serviceDossier(real, real.serviceIndex.get("ember-coprocessor") ?? -1);
    const mature = serviceDossier(real, real.serviceIndex.get("pythia-oracle") ?? -1);
    assert.ok(young.score < mature.score);
    assert.ok(young.probability.value > mature.probability.value, "a weaker score means a higher slashing probability");
    assert.equal(young.factors.find((f) => f.key === "audits")?.value, "none published");
  });

  it("computes the operators and concentration factors by their documented formulas", () => {
    for (const service of real.services) {
      const dossier = serviceDossier(real, service.index);
      const stakes = serviceStakeByOperator(real, service.index).filter((x) => x > 0n);
      const operators = dossier.factors.find((f) => f.key === "operators");
      const concentration = dossier.factors.find((f) => f.key === "concentration");
      assert.ok(operators && concentration, `${service.id}: factors present`);
      // docs/risk-investor.md: 25 × log2(operators with an allocation), clamped to 0–100.
      close(
        operators.score,
        Math.min(100, Math.max(0, 25 * Math.log2(Math.max(1, stakes.length)))),
        `${service.id} operators`,
      );
      if (stakes.length > 0) {
        const total = stakes.reduce((a, b) => a + b, 0n);
        const shares = stakes.map((x) => Number(x) / Number(total));
        // 100 × (1 − HHI of the operators' allocated stake).
        close(concentration.score, 100 * (1 - hhi(shares)), `${service.id} concentration`);
      }
    }
  });

  it("derives default probabilities from the score, and lets overrides win", () => {
    close(slashProbabilityFromScore(100), 0.002, "score 100");
    close(slashProbabilityFromScore(0), 0.2, "score 0");
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (a, b) => {
          if (a <= b) assert.ok(slashProbabilityFromScore(a) >= slashProbabilityFromScore(b));
        },
      ),
    );
    const dossier = serviceDossier(real, 0, 0.3);
    assert.deepEqual(dossier.probability, { value: 0.3, source: "override" });
    const weth = assetDossier(real, real.assetIndex.get("WETH") ?? -1);
    assert.equal(weth.score, 100);
    assert.equal(weth.probability.value, 0);
  });
});
