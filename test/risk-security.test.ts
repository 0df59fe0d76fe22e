// Network security analysis (src/risk/security.ts): hand-computed vectors in the papers' style, a cross-check against
// brute-force enumeration on hundreds of random small networks (full, elastic and unique-stake allocations), and
// property tests (monotonicity in profit, threshold, services and shock size). docs/risk.md defines every quantity.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { toDecimal } from "../src/risk/rational.ts";
import {
  analyzeCascade,
  analyzeSecurity,
  cascadeReportToJson,
  formatCascadeReport,
  formatSecurityReport,
  securityReportToJson,
} from "../src/risk/security.ts";
import type { SecurityAllocation, SecurityNetwork, SecurityReport, SignedRational } from "../src/risk/types.ts";
import { RampartError } from "../src/sdk/errors.ts";

// ─────────────────────────── Helpers ───────────────────────────

const frac = (num: bigint, den: bigint) => ({ num, den });
const UNITS = { decimals: 0, symbol: "units" } as const;

/** A network from compact rows: stakes, [π, α] per service, and [operator, service, amount] allocations. */
function net(
  stakes: bigint[],
  services: [bigint, bigint, bigint][],
  allocations: [number, number, bigint | "full"][],
): SecurityNetwork {
  return {
    operators: stakes.map((stake, v) => ({ id: `v${v}`, stake })),
    services: services.map(([profit, num, den], s) => ({
      id: `s${s}`,
      profitFromCorruption: profit,
      threshold: frac(num, den),
    })),
    allocations: allocations.map(([operator, service, amount]) => ({ operator, service, amount })),
  };
}

/** Exact equality of a signed rational with num/den (both reduced). */
function assertRational(actual: SignedRational | null, num: bigint, den: bigint, what: string): void {
  assert.ok(actual, `${what}: expected ${num}/${den}, got null`);
  assert.equal(actual.num * den, num * actual.den, `${what}: expected ${num}/${den}, got ${actual.num}/${actual.den}`);
}

interface Brute {
  /** max over attacks of profit − loss, or 0 (the empty attack). */
  bestNet: bigint;
  /** min loss/profit over attacks with positive profit, as [loss, profit]; null when none. */
  bestRatio: [bigint, bigint] | null;
  /** Per service: least loss to corrupt it alone, and fewest operators. */
  coc: bigint[];
  nakamoto: number[];
}

/** Brute force over every (A, B): the definitions, written as plainly as possible. */
function brute(network: SecurityNetwork): Brute {
  const n = network.operators.length;
  const m = network.services.length;
  const alloc = (v: number, s: number): bigint => {
    const a = network.allocations.find((x) => x.operator === v && x.service === s);
    if (!a) return 0n;
    return a.amount === "full" ? (network.operators[v]?.stake ?? 0n) : a.amount;
  };
  const backing = Array.from({ length: m }, (_, s) => {
    let b = 0n;
    for (let v = 0; v < n; v++) b += alloc(v, s);
    return b;
  });
  const covers = (s: number, B: number): boolean => {
    let covered = 0n;
    for (let v = 0; v < n; v++) if (B & (1 << v)) covered += alloc(v, s);
    const t = network.services[s]?.threshold ?? frac(1n, 1n);
    return covered * t.den >= t.num * (backing[s] as bigint);
  };
  const lossOf = (A: number, B: number): bigint => {
    let loss = 0n;
    for (let v = 0; v < n; v++) {
      if (!(B & (1 << v))) continue;
      let sum = 0n;
      for (let s = 0; s < m; s++) if (A & (1 << s)) sum += alloc(v, s);
      const stake = network.operators[v]?.stake ?? 0n;
      loss += sum < stake ? sum : stake;
    }
    return loss;
  };
  let bestNet = 0n;
  let bestRatio: [bigint, bigint] | null = null;
  const coc = new Array<bigint>(m).fill(-1n);
  const nakamoto = new Array<number>(m).fill(Number.POSITIVE_INFINITY);
  for (let A = 1; A < 1 << m; A++) {
    let profit = 0n;
    for (let s = 0; s < m; s++) if (A & (1 << s)) profit += network.services[s]?.profitFromCorruption ?? 0n;
    for (let B = 0; B < 1 << n; B++) {
      let ok = true;
      for (let s = 0; s < m && ok; s++) if (A & (1 << s) && !covers(s, B)) ok = false;
      if (!ok) continue;
      const loss = lossOf(A, B);
      if (profit - loss > bestNet) bestNet = profit - loss;
      if (profit > 0n && (!bestRatio || loss * bestRatio[1] < bestRatio[0] * profit)) bestRatio = [loss, profit];
      if ((A & (A - 1)) === 0) {
        const s = Math.log2(A);
        if (coc[s] === -1n || loss < (coc[s] as bigint)) coc[s] = loss;
        const size = [...Array(n).keys()].filter((v) => B & (1 << v)).length;
        if (size < (nakamoto[s] as number)) nakamoto[s] = size;
      }
    }
  }
  return { bestNet, bestRatio, coc, nakamoto };
}

type Style = "full" | "elastic" | "unique";

/** A random small network (fast-check arbitrary). */
function arbitraryNetwork(
  style: Style,
  maxOperators = 6,
  maxServices = 4,
  { maxProfit = 30, minStake = 0 } = {},
): fc.Arbitrary<SecurityNetwork> {
  return fc
    .record({
      stakes: fc.array(fc.integer({ min: minStake, max: 20 }), { minLength: 1, maxLength: maxOperators }),
      services: fc.array(
        fc.record({
          profit: fc.integer({ min: 0, max: maxProfit }),
          den: fc.integer({ min: 1, max: 6 }),
          num: fc.integer({ min: 1, max: 6 }),
        }),
        { minLength: 1, maxLength: maxServices },
      ),
      links: fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 1000 })), { minLength: 24, maxLength: 24 }),
    })
    .map(({ stakes, services, links }) => {
      const allocations: SecurityAllocation[] = [];
      stakes.forEach((stake, v) => {
        let left = BigInt(stake);
        services.forEach((_, s) => {
          const [on, share] = links[(v * services.length + s) % links.length] as [boolean, number];
          if (!on) return;
          if (style === "full") allocations.push({ operator: v, service: s, amount: "full" });
          else if (style === "elastic") {
            allocations.push({ operator: v, service: s, amount: (BigInt(stake) * BigInt(share)) / 1000n });
          } else {
            const amount = (left * BigInt(share)) / 1000n;
            left -= amount;
            allocations.push({ operator: v, service: s, amount });
          }
        });
      });
      return {
        operators: stakes.map((stake, v) => ({ id: `v${v}`, stake: BigInt(stake) })),
        services: services.map((s, i) => ({
          id: `s${i}`,
          profitFromCorruption: BigInt(s.profit),
          threshold: frac(BigInt(Math.min(s.num, s.den)), BigInt(s.den)),
        })),
        allocations,
      };
    });
}

const netProfit = (report: SecurityReport): bigint =>
  report.worstAttack ? report.worstAttack.profit - report.worstAttack.loss : 0n;

// ─────────────────────────── Hand-computed vectors ───────────────────────────

describe("analyzeSecurity: hand-computed vectors", () => {
  // Restaking leverage (Durvasula–Roughgarden's basic example): v0 and v1 each back both services with their whole
  // stake. Either service alone costs 10 to corrupt for a profit of 6, but one operator holds half of both, so
  // corrupting both costs 10 for a profit of 12.
  const leverage = net(
    [10n, 10n],
    [
      [6n, 1n, 2n],
      [6n, 1n, 2n],
    ],
    [
      [0, 0, "full"],
      [0, 1, "full"],
      [1, 0, "full"],
      [1, 1, "full"],
    ],
  );

  it("analyzeSecurity_findsTheLeverageAttack_whenOneOperatorHoldsHalfOfTwoServices", async () => {
    for (const method of ["auto", "milp", "enumeration"] as const) {
      const report = await analyzeSecurity(leverage, { method });
      assert.equal(report.secure, false, method);
      assert.equal(report.verdict, "insecure");
      assert.deepEqual(report.worstAttack?.services, [0, 1]);
      assert.equal(report.worstAttack?.operators.length, 1);
      assert.equal(report.worstAttack?.profit, 12n);
      assert.equal(report.worstAttack?.loss, 10n);
      assertRational(report.gammaStar, -1n, 6n, `${method} γ*`); // 10/12 − 1
      assert.equal(report.gammaStarExact, true);
      // Loads: 6/10 + 6/10 = 1.2 for both operators; 1/1.2 − 1 = −1/6 (the cheap check is tight here).
      assert.equal(report.cheapCheck.passes, false);
      assert.deepEqual(report.cheapCheck.overloaded, [0, 1]);
      assertRational(report.cheapCheck.operators[0]?.load ?? null, 6n, 5n, "load");
      assertRational(report.gammaCertified, -1n, 6n, "γ-certified");
      assert.equal(report.services[0]?.costOfCorruption, 10n);
      assert.equal(report.services[0]?.nakamoto, 1);
      assert.deepEqual(report.overlap[0]?.services, [0, 1]);
      assert.equal(report.overlap[0]?.sharedStake, 20n);
      assertRational(report.overlap[0]?.fractionOfFirst ?? null, 1n, 1n, "overlap fraction");
    }
  });

  it("analyzeSecurity_isSecureThoughTheCheapCheckFails_whenTwoOfThreeEqualOperatorsAreNeeded", async () => {
    // Three operators of 10 back one service with α = 1/2 and π = 19: the cheap check sees 19/15 of load on each
    // (fractional covers), but a real attacker needs two whole operators, losing 20 > 19.
    const network = net(
      [10n, 10n, 10n],
      [[19n, 1n, 2n]],
      [
        [0, 0, "full"],
        [1, 0, "full"],
        [2, 0, "full"],
      ],
    );
    for (const method of ["auto", "milp", "enumeration"] as const) {
      const report = await analyzeSecurity(network, { method });
      assert.equal(report.secure, true, method);
      assert.equal(report.worstAttack, null);
      assertRational(report.gammaStar, 1n, 19n, `${method} γ*`); // 20/19 − 1
      assert.equal(report.gammaStarExact, true);
      assert.equal(report.cheapCheck.passes, false);
      assert.equal(report.cheapCheck.overloaded.length, 3);
      assertRational(report.gammaCertified, -4n, 19n, "γ-certified"); // 15/19 − 1
      assert.equal(report.services[0]?.costOfCorruption, 20n);
      assert.equal(report.services[0]?.costOfCorruptionExact, true);
      assert.equal(report.services[0]?.nakamoto, 2);
    }
  });

  it("analyzeSecurity_countsElasticLossAtMostTheStake_whenAllocationsExceedIt", async () => {
    // Bar-Zur–Eyal's elastic restaking: stake 10, allocations 8 and 8. Each service alone costs 8 > 6; both cost
    // min(10, 16) = 10 < 12.
    const network = net(
      [10n],
      [
        [6n, 1n, 1n],
        [6n, 1n, 1n],
      ],
      [
        [0, 0, 8n],
        [0, 1, 8n],
      ],
    );
    const report = await analyzeSecurity(network);
    assert.equal(report.secure, false);
    assert.equal(report.worstAttack?.loss, 10n);
    assert.equal(report.worstAttack?.profit, 12n);
    assertRational(report.gammaStar, -1n, 6n, "γ*");
    // The same operator with unique stake (5 and 5) loses 5 per service: both cost 10 > 8, each 5 > 4.
    const unique = net(
      [10n],
      [
        [4n, 1n, 1n],
        [4n, 1n, 1n],
      ],
      [
        [0, 0, 5n],
        [0, 1, 5n],
      ],
    );
    const secure = await analyzeSecurity(unique);
    assert.equal(secure.secure, true);
    assertRational(secure.gammaStar, 1n, 4n, "γ* unique"); // 5/4 − 1
    assert.equal(secure.cheapCheck.passes, true);
    assertRational(secure.gammaCertified, 1n, 4n, "γ-certified unique"); // load 4/5 + 4/5 over 10 … max(0.8, 0.8)
  });

  it("cheapCheck_failsForASmallAllocationOfALargeStake_whereEigenLayersLoadAloneWouldPass", async () => {
    // Stake 100, only 1 allocated to a service it backs alone, π = 2: the attack costs 1 < 2. EigenLayer's load is
    // 1·2/(1·100) = 0.02, below 1; the effective load max(0.02, π/(α·backing) = 2) = 2 catches it.
    const network = net([100n], [[2n, 1n, 1n]], [[0, 0, 1n]]);
    const report = await analyzeSecurity(network);
    assert.equal(report.secure, false);
    assertRational(report.cheapCheck.operators[0]?.load ?? null, 1n, 50n, "load");
    assertRational(report.cheapCheck.operators[0]?.effectiveLoad ?? null, 2n, 1n, "effective load");
    assert.equal(report.cheapCheck.passes, false);
    assertRational(report.gammaCertified, -1n, 2n, "γ-certified");
    assertRational(report.gammaStar, -1n, 2n, "γ*");
  });

  it("analyzeSecurity_reportsGammaMinusOne_whenAServiceWithProfitHasNoBacking", async () => {
    const network = net(
      [10n],
      [
        [5n, 1n, 2n],
        [3n, 1n, 2n],
      ],
      [[0, 0, "full"]],
    );
    const report = await analyzeSecurity(network);
    assert.equal(report.secure, false);
    assert.deepEqual(report.worstAttack?.services, [1]);
    assert.deepEqual(report.worstAttack?.operators, []);
    assertRational(report.gammaStar, -1n, 1n, "γ*");
    assertRational(report.gammaCertified, -1n, 1n, "γ-certified");
    assert.equal(report.services[1]?.nakamoto, 0);
  });

  it("analyzeSecurity_reportsInfiniteSlack_whenNoServiceHasAProfit", async () => {
    const report = await analyzeSecurity(net([10n], [[0n, 1n, 2n]], [[0, 0, "full"]]));
    assert.equal(report.secure, true);
    assert.equal(report.proof, "cheap-check");
    assert.equal(report.gammaStar, null);
    assert.equal(report.gammaStarExact, true);
    assert.equal(report.gammaCertified, null);
  });

  it("analyzeSecurity_canTurnInsecure_whenAnOperatorAddsStake", async () => {
    // Not monotone in stake: v0 grows from 10 to 20 and alone reaches α = 3/5 of both services it shares with v1
    // and v2, now losing 20 for a profit of 22.
    const build = (stake: bigint): SecurityNetwork =>
      net(
        [stake, 10n, 10n],
        [
          [11n, 3n, 5n],
          [11n, 3n, 5n],
        ],
        [
          [0, 0, "full"],
          [0, 1, "full"],
          [1, 0, "full"],
          [2, 1, "full"],
        ],
      );
    assert.equal((await analyzeSecurity(build(10n))).secure, true);
    const grown = await analyzeSecurity(build(20n));
    assert.equal(grown.secure, false);
    assert.deepEqual(grown.worstAttack?.operators, [0]);
  });

  it("analyzeSecurity_agreesWithItselfInWei_whenAmountsAreScaledBy1e18", async () => {
    const scale = 10n ** 18n;
    const scaled: SecurityNetwork = {
      ...leverage,
      operators: leverage.operators.map((o) => ({ ...o, stake: o.stake * scale })),
      services: leverage.services.map((s) => ({ ...s, profitFromCorruption: s.profitFromCorruption * scale })),
    };
    const report = await analyzeSecurity(scaled, { method: "milp" });
    assert.equal(report.secure, false);
    assert.equal(report.worstAttack?.profit, 12n * scale);
    assertRational(report.gammaStar, -1n, 6n, "γ*");
  });

  it("analyzeSecurity_neverReportsAnAttackShortOfItsThresholdByOneWei", async () => {
    // v0 holds X, one wei short of α·backing; the MILP's float tolerance cannot see the difference. Only {v0, v1}
    // corrupts the service, and it loses X + Y = π: not profitable.
    const X = 10n ** 30n;
    const Y = 10n ** 29n;
    const network: SecurityNetwork = {
      operators: [
        { id: "v0", stake: X },
        { id: "v1", stake: Y },
      ],
      services: [{ id: "s0", profitFromCorruption: X + Y, threshold: frac(X + 1n, X + Y) }],
      allocations: [
        { operator: 0, service: 0, amount: "full" },
        { operator: 1, service: 0, amount: "full" },
      ],
    };
    for (const method of ["auto", "milp"] as const) {
      const report = await analyzeSecurity(network, { method });
      assert.equal(report.secure, true, method);
      assert.equal(report.worstAttack, null);
      assertRational(report.gammaStar, 0n, 1n, `${method} γ*`);
    }
  });
});

// ─────────────────────────── Cascades ───────────────────────────

describe("analyzeCascade", () => {
  // A domino: s_i is backed by v_{i-1} and v_i (1000 each, v0 only 64) with α = 1 (needs both) and π_i = 1000 + δ_i,
  // δ = 32, 16, 8, 4, 2. Every attack costs more than it gains (the tightest, all five services by all six
  // operators, loses 5064 for 5062: γ* = 2/5062), yet once v0 is gone, v1 alone corrupts s1 (1000 < 1032), which
  // leaves v2 alone behind s2, and so on: a 64/5064 ≈ 1.26% shock wipes out everything.
  const deltas = [32n, 16n, 8n, 4n, 2n];
  const domino = net(
    [64n, 1000n, 1000n, 1000n, 1000n, 1000n],
    deltas.map((d) => [1000n + d, 1n, 1n] as [bigint, bigint, bigint]),
    deltas.flatMap((_, i) => [
      [i, i, "full"],
      [i + 1, i, "full"],
    ]) as [number, number, "full"][],
  );

  it("analyzeSecurity_isSecureWithTinySlack_forTheDomino", async () => {
    const report = await analyzeSecurity(domino);
    assert.equal(report.secure, true);
    assertRational(report.gammaStar, 1n, 2531n, "γ*"); // 5064/5062 − 1 = 2/5062
    assert.equal(report.cheapCheck.passes, false);
  });

  it("analyzeCascade_wipesOutEverything_afterASmallShock", async () => {
    const report = await analyzeCascade(domino, frac(64n, 5064n));
    assert.equal(report.exact, true);
    assert.deepEqual(report.shockOperators, [0]);
    assert.equal(report.rounds.length, 5);
    assert.deepEqual(
      report.rounds.map((r) => r.services),
      [[0], [1], [2], [3], [4]],
    );
    assertRational(report.lossFraction, 1n, 1n, "R_ψ");
    // One wei of budget less and no operator fits: nothing happens.
    const smaller = await analyzeCascade(domino, frac(63n, 5064n));
    assertRational(smaller.lossFraction, 0n, 1n, "R_ψ below the smallest operator");
    const json = cascadeReportToJson(report, domino);
    assert.equal(json.lossFraction.value, "1");
    assert.equal(json.rounds.length, 5);
    assert.deepEqual(json.shockOperators, ["v0"]);
    assert.match(formatCascadeReport(report, domino, UNITS), /R_ψ = 100% of all stake/);
  });

  it("analyzeCascade_findsTheDominoToo_withTheHeuristic", async () => {
    const report = await analyzeCascade(domino, frac(64n, 5064n), { method: "heuristic" });
    assert.equal(report.exact, false);
    assertRational(report.lossFraction, 1n, 1n, "R_ψ (lower bound)");
  });

  it("analyzeCascade_rejectsAShockOutsideZeroToOne", async () => {
    await assert.rejects(
      analyzeCascade(domino, 1.5),
      (e: unknown) => e instanceof RampartError && /outside \[0, 1\]/.test(e.message),
    );
    await assert.rejects(analyzeCascade(domino, -0.1), RampartError);
    await assert.rejects(analyzeCascade(domino, Number.NaN), RampartError);
  });
});

// ─────────────────────────── Validation, JSON, text ───────────────────────────

describe("input validation", () => {
  const base = (): SecurityNetwork =>
    net(
      [10n, 10n],
      [[5n, 1n, 2n]],
      [
        [0, 0, "full"],
        [1, 0, 5n],
      ],
    );
  const cases: [string, (n: SecurityNetwork) => void, RegExp][] = [
    [
      "negative stake",
      (n) => {
        (n.operators[0] as { stake: bigint }).stake = -1n;
      },
      /negative stake/,
    ],
    [
      "zero threshold",
      (n) => {
        (n.services[0] as { threshold: unknown }).threshold = frac(0n, 1n);
      },
      /outside \(0, 1\]/,
    ],
    [
      "threshold above one",
      (n) => {
        (n.services[0] as { threshold: unknown }).threshold = frac(3n, 2n);
      },
      /outside \(0, 1\]/,
    ],
    [
      "negative profit",
      (n) => {
        (n.services[0] as { profitFromCorruption: bigint }).profitFromCorruption = -1n;
      },
      /negative profit/,
    ],
    [
      "unknown operator",
      (n) => n.allocations.push({ operator: 7, service: 0, amount: 1n }),
      /unknown operator index 7/,
    ],
    ["unknown service", (n) => n.allocations.push({ operator: 0, service: 3, amount: 1n }), /unknown service index 3/],
    ["duplicate pair", (n) => n.allocations.push({ operator: 1, service: 0, amount: 1n }), /repeats operator "v1"/],
    [
      "amount above stake",
      (n) => {
        (n.allocations[1] as { amount: bigint }).amount = 11n;
      },
      /more than its stake/,
    ],
    [
      "duplicate id",
      (n) => {
        (n.operators[1] as { id: string }).id = "v0";
      },
      /duplicate operator id "v0"/,
    ],
  ];
  for (const [name, mutate, pattern] of cases) {
    it(`analyzeSecurity_throwsRampartError_forA${name.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`, async () => {
      const network = base();
      mutate(network);
      await assert.rejects(
        analyzeSecurity(network),
        (e: unknown) => e instanceof RampartError && pattern.test(e.message),
      );
    });
  }
});

describe("securityReportToJson and formatSecurityReport", () => {
  it("securityReportToJson_usesIdsAndDecimalStrings", async () => {
    const network = net(
      [10n, 10n],
      [
        [6n, 1n, 2n],
        [6n, 1n, 2n],
      ],
      [
        [0, 0, "full"],
        [0, 1, "full"],
        [1, 0, "full"],
        [1, 1, "full"],
      ],
    );
    const report = await analyzeSecurity(network);
    const json = securityReportToJson(report, network);
    assert.equal(json.secure, false);
    assert.deepEqual(json.worstAttack?.services, ["s0", "s1"]);
    assert.equal(json.worstAttack?.profit, "12");
    assert.equal(json.worstAttack?.loss, "10");
    assert.equal(json.worstAttack?.netProfit, "2");
    assert.deepEqual(json.gammaStar, { value: "-0.166667", num: "-1", den: "6" });
    assert.deepEqual(json.gammaCertified, { value: "-0.166667", num: "-1", den: "6" });
    assert.deepEqual(json.cheapCheck.overloaded, ["v0", "v1"]);
    assert.equal(json.services[0]?.costOfCorruption, "10");
    // Plain JSON: survives a round trip unchanged.
    assert.deepEqual(JSON.parse(JSON.stringify(json)), json);
    const text = formatSecurityReport(report, network, UNITS);
    assert.match(text, /^INSECURE: a profitable attack exists/);
    assert.match(text, /gains 12 units and loses 10 units \(net 2 units/);
  });

  it("formatSecurityReport_statesTheSlack_whenSecure", async () => {
    const network = net(
      [10n, 10n, 10n],
      [[19n, 1n, 2n]],
      [
        [0, 0, "full"],
        [1, 0, "full"],
        [2, 0, "full"],
      ],
    );
    const text = formatSecurityReport(await analyzeSecurity(network), network, UNITS);
    assert.match(text, /^SECURE: no profitable attack exists \(γ\* = 0\.0526\)\./);
    assert.match(text, /Cheap check \(EigenLayer's per-operator load\): fails/);
    // Default unit: ETH with 18 decimals.
    assert.match(formatSecurityReport(await analyzeSecurity(network), network), /ETH/);
  });
});

// ─────────────────────────── Cross-check against brute force ───────────────────────────

describe("cross-check against brute-force enumeration", () => {
  for (const style of ["full", "elastic", "unique"] as const) {
    it(`analyzeSecurity_matchesBruteForce_onRandom${style[0]?.toUpperCase()}${style.slice(1)}Networks`, async () => {
      const samples = fc.sample(arbitraryNetwork(style, 7, 4), { numRuns: 110, seed: 7 + style.length });
      for (const network of samples) {
        const expected = brute(network);
        for (const method of ["milp", "auto"] as const) {
          const report = await analyzeSecurity(network, { method });
          const label = `${style}/${method}: ${JSON.stringify(network, (_, v) => (typeof v === "bigint" ? `${v}` : v))}`;
          assert.equal(report.secure, expected.bestNet === 0n, label);
          assert.equal(netProfit(report), expected.bestNet, label);
          assert.equal(report.worstAttackExact && report.gammaStarExact, true, label);
          if (expected.bestRatio === null) assert.equal(report.gammaStar, null, label);
          else
            assertRational(
              report.gammaStar,
              expected.bestRatio[0] - expected.bestRatio[1],
              expected.bestRatio[1],
              label,
            );
          if (report.gammaCertified && report.gammaStar) {
            assert.ok(
              report.gammaCertified.num * report.gammaStar.den <= report.gammaStar.num * report.gammaCertified.den,
              label,
            );
          }
          if (report.cheapCheck.passes) assert.equal(report.secure, true, label);
          report.services.forEach((figure, s) => {
            assert.equal(figure.costOfCorruption, expected.coc[s], `${label} CoC s${s}`);
            assert.equal(figure.nakamoto, expected.nakamoto[s], `${label} Nakamoto s${s}`);
          });
        }
      }
    });
  }
});

// ─────────────────────────── Properties ───────────────────────────

describe("properties", () => {
  const anyStyle = fc.constantFrom<Style>("full", "elastic", "unique");
  const network = anyStyle.chain((style) => arbitraryNetwork(style, 6, 3));

  it("raisingAProfitOrLoweringAThreshold_neverMakesAnInsecureNetworkSecure", async () => {
    await fc.assert(
      fc.asyncProperty(network, fc.nat(), fc.integer({ min: 1, max: 20 }), async (n, pick, extra) => {
        const before = await analyzeSecurity(n);
        if (before.secure !== false) return;
        const s = pick % n.services.length;
        const richer = structuredClone(n);
        const service = richer.services[s] as SecurityNetwork["services"][number];
        service.profitFromCorruption += BigInt(extra);
        assert.equal((await analyzeSecurity(richer)).secure, false);
        const easier = structuredClone(n);
        const t = (easier.services[s] as SecurityNetwork["services"][number]).threshold;
        (easier.services[s] as { threshold: unknown }).threshold = frac(t.num, t.den + BigInt(extra)); // smaller α
        assert.equal((await analyzeSecurity(easier)).secure, false);
      }),
      { numRuns: 120, seed: 11 },
    );
  });

  it("removingAService_neverMakesASecureNetworkInsecure", async () => {
    // Smaller profits, so that most samples are secure.
    const mostlySecure = anyStyle.chain((style) => arbitraryNetwork(style, 6, 4, { maxProfit: 6, minStake: 8 }));
    await fc.assert(
      fc.asyncProperty(mostlySecure, fc.nat(), async (n, pick) => {
        const before = await analyzeSecurity(n);
        if (before.secure !== true || n.services.length < 2) return;
        const s = pick % n.services.length;
        const smaller: SecurityNetwork = {
          operators: n.operators,
          services: n.services.filter((_, i) => i !== s),
          allocations: n.allocations
            .filter((a) => a.service !== s)
            .map((a) => ({ ...a, service: a.service > s ? a.service - 1 : a.service })),
        };
        assert.equal((await analyzeSecurity(smaller)).secure, true);
      }),
      { numRuns: 400, seed: 12 },
    );
  });

  it("lossFraction_neverDecreases_asTheShockGrows", async () => {
    const small = anyStyle.chain((style) => arbitraryNetwork(style, 5, 3));
    const psi = fc.integer({ min: 0, max: 1000 });
    for (const method of ["auto", "heuristic"] as const) {
      await fc.assert(
        fc.asyncProperty(small, psi, psi, async (n, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const low = await analyzeCascade(n, frac(BigInt(lo), 1000n), { method });
          const high = await analyzeCascade(n, frac(BigInt(hi), 1000n), { method });
          const x = low.lossFraction;
          const y = high.lossFraction;
          assert.ok(
            x.num * y.den <= y.num * x.den,
            `R(${lo}/1000) = ${toDecimal(x)} > R(${hi}/1000) = ${toDecimal(y)}`,
          );
        }),
        { numRuns: method === "auto" ? 60 : 25, seed: 13 },
      );
    }
  });

  it("lossFraction_staysWithinDurvasulaRoughgardensBound_underFullRestaking", async () => {
    // With slack γ* > 0, R_ψ ≤ (1 + 1/γ*)·ψ (their Theorem for full restaking).
    await fc.assert(
      fc.asyncProperty(
        arbitraryNetwork("full", 5, 3, { maxProfit: 12, minStake: 4 }),
        fc.integer({ min: 1, max: 1000 }),
        async (n, p) => {
          const report = await analyzeSecurity(n);
          const gamma = report.gammaStar;
          if (!gamma || gamma.num <= 0n) return;
          const cascade = await analyzeCascade(n, frac(BigInt(p), 1000n));
          // R ≤ (1 + 1/γ)·ψ  ⟺  R·γ·1000 ≤ (γ + 1)·p   with γ = g.num/g.den, R = r.num/r.den
          const r = cascade.lossFraction;
          assert.ok(r.num * gamma.num * 1000n <= (gamma.num + gamma.den) * BigInt(p) * r.den);
        },
      ),
      { numRuns: 200, seed: 14 },
    );
  });
});

describe("security: bounds reported without computing γ*", () => {
  it("never reports a lower bound on γ* above its true value", async () => {
    // v0 (10) fully backs s0 and s1 (π 8 each, α 1); s2 (π 115, α 1) is backed by v0 and v1 (100).
    // True γ* = −0.375 (v0 takes s0 and s1: loss 10, profit 16); the first attack found may be a worse one.
    const network = net(
      [10n, 100n],
      [
        [8n, 1n, 1n],
        [8n, 1n, 1n],
        [115n, 1n, 1n],
      ],
      [
        [0, 0, "full"],
        [0, 1, "full"],
        [0, 2, "full"],
        [1, 2, "full"],
      ],
    );
    const exact = await analyzeSecurity(network);
    assertRational(exact.gammaStar, -3n, 8n, "exact γ*");
    const quick = await analyzeSecurity(network, { gammaStar: false });
    assert.equal(quick.secure, false);
    assert.ok(quick.gammaStarLowerBound, "a lower bound is always given");
    const bound = quick.gammaStarLowerBound;
    assert.ok(bound.num * 8n <= -3n * bound.den, `lower bound ${bound.num}/${bound.den} must be ≤ −3/8`);
  });
});
