// The rewards calculator on event histories written by a small model of the core (test/helpers/rewardsScenario.ts):
// hand-computed vectors and fast-check properties. Chain-backed checks are in test/rewards.test.ts.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import fc from "fast-check";
import { calculateRewards, type RewardsResult, totalEarned } from "../src/rewards/calculator.ts";
import { buildDistributionTree, proofOf, toStandardTree } from "../src/rewards/merkle.ts";
import { type Addr, DAY } from "../src/rewards/model.ts";
import { addrOf, EventWriter, proRata, T0 } from "./helpers/rewardsScenario.ts";

const E18 = 10n ** 18n;
const service = addrOf(0x5e);
const token = addrOf(0x70);
const token2 = addrOf(0x71);
const stETH = addrOf(0xa5);
const rETH = addrOf(0xa6);
const opA = addrOf(0x0a);
const opB = addrOf(0x0b);
const alice = addrOf(0xa1);
const bob = addrOf(0xb0);
const carol = addrOf(0xc0);
const SET = 1;

const earned = (result: RewardsResult, earner: Addr, t: Addr = token): bigint =>
  result.earnings.get(earner)?.get(t) ?? 0n;
const day = (n: number): bigint => T0 + BigInt(n) * DAY;

describe("rewards calculator: worked example (docs/rewards.md)", () => {
  it("splits a day by allocated stake × weight, takes commission, then splits pools by shares", () => {
    const w = new EventWriter().createSet(T0 - DAY, SET, service);
    w.deposit(T0 - DAY, alice, opA, stETH, 100n * E18);
    w.deposit(T0 - DAY, bob, opA, stETH, 300n * E18);
    w.deposit(T0 - DAY, carol, opB, rETH, 100n * E18);
    w.allocate(T0 - DAY, opA, stETH, SET, E18 / 2n); // 200 stETH allocated
    w.allocate(T0 - DAY, opB, rETH, SET, E18); // 100 rETH allocated
    w.commission(T0 - DAY, opB, service, 500n); // 5% instead of the default 10%
    // 10 days × 1,000 tokens; rETH counts 2× a unit of stETH, so A weighs 200 and B weighs 200.
    w.program(
      T0 - DAY,
      proRata(1n, SET, service, token, 10_000n * E18, 10, [
        { asset: stETH, weight: 1n },
        { asset: rETH, weight: 2n },
      ]),
    );
    const result = calculateRewards(w.sorted(), day(1));
    // Each operator: 500 tokens. A keeps 10% = 50, its stakers share 450 as 1:3; B keeps 5% = 25, carol gets 475.
    assert.equal(earned(result, opA), 50n * E18);
    assert.equal(earned(result, alice), (450n * E18) / 4n);
    assert.equal(earned(result, bob), (450n * E18 * 3n) / 4n);
    assert.equal(earned(result, opB), 25n * E18);
    assert.equal(earned(result, carol), 475n * E18);
    const [program] = result.programs;
    assert.equal(program?.daysElapsed, 1);
    assert.equal(program?.toOperators, 75n * E18);
    assert.equal(program?.refunded, 0n);
  });

  it("returns days with no allocated stake to the service, and operator-directed amounts of absent operators", () => {
    const w = new EventWriter().createSet(T0, SET, service);
    w.program(T0, proRata(1n, SET, service, token, 700n, 7, [{ asset: stETH, weight: 1n }]));
    w.program(T0, {
      ...proRata(2n, SET, service, token, 70n, 7, [{ asset: stETH, weight: 1n }]),
      kind: "operator-directed",
      operatorAmounts: [{ operator: opA, amount: 70n }],
    });
    w.deposit(day(2) + 5n, alice, opA, stETH, 10n * E18);
    w.allocate(day(2) + 6n, opA, stETH, SET, E18);
    const result = calculateRewards(w.sorted(), day(4));
    // Days 0 and 1: nobody allocated → 2 × 100 + 2 × 10 back to the service. Days 2 and 3 earn.
    assert.equal(earned(result, service), 220n);
    assert.equal(earned(result, opA), 2n * 10n + 2n * 1n);
    assert.equal(earned(result, alice), 2n * 90n + 2n * 9n);
  });

  it("applies a commission increase from the day it takes effect", () => {
    const w = new EventWriter().createSet(T0 - DAY, SET, service);
    w.deposit(T0 - DAY, alice, opA, stETH, E18);
    w.allocate(T0 - DAY, opA, stETH, SET, E18);
    w.program(T0 - DAY, proRata(1n, SET, service, token, 3_000n, 3, [{ asset: stETH, weight: 1n }]));
    w.commission(T0 + 10n, opA, service, 2_000n, day(2) + 100n); // raise announced on day 0, effective on day 2
    const result = calculateRewards(w.sorted(), day(3));
    assert.equal(earned(result, opA), 100n + 100n + 200n);
    assert.equal(earned(result, alice), 900n + 900n + 800n);
  });

  it("counts a pending allocation increase from the day it becomes effective", () => {
    const w = new EventWriter().createSet(T0 - DAY, SET, service);
    w.deposit(T0 - DAY, alice, opA, stETH, E18);
    w.deposit(T0 - DAY, bob, opB, stETH, E18);
    w.allocate(T0 - DAY, opA, stETH, SET, E18);
    w.allocateLater(T0 - DAY, opB, stETH, SET, E18, day(1) + 3600n);
    w.commission(T0 - DAY, opA, service, 0n).commission(T0 - DAY, opB, service, 0n);
    w.program(T0 - DAY, proRata(1n, SET, service, token, 2_000n, 2, [{ asset: stETH, weight: 1n }]));
    const result = calculateRewards(w.sorted(), day(2));
    assert.equal(earned(result, alice), 1_000n + 500n);
    assert.equal(earned(result, bob), 500n);
  });
});

describe("rewards calculator: properties", () => {
  /** A random history: stakers deposit, queue and complete; operators allocate; slashes hit; programs pay. */
  const history = fc.record({
    deposits: fc.array(
      fc.record({
        staker: fc.constantFrom(alice, bob, carol),
        operator: fc.constantFrom(opA, opB),
        asset: fc.constantFrom(stETH, rETH),
        amount: fc.bigInt({ min: 1n, max: 10n ** 24n }),
        day: fc.integer({ min: -1, max: 8 }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    fractions: fc.array(fc.bigInt({ min: 0n, max: E18 }), { minLength: 4, maxLength: 4 }),
    slashes: fc.array(
      fc.record({
        operator: fc.constantFrom(opA, opB),
        asset: fc.constantFrom(stETH, rETH),
        wad: fc.bigInt({ min: 1n, max: E18 }),
        day: fc.integer({ min: 0, max: 9 }),
      }),
      { maxLength: 3 },
    ),
    queues: fc.array(fc.record({ index: fc.nat(), day: fc.integer({ min: 0, max: 9 }) }), { maxLength: 3 }),
    commissionA: fc.bigInt({ min: 0n, max: 10_000n }),
    programs: fc.array(
      fc.record({
        amount: fc.bigInt({ min: 1n, max: 10n ** 30n }),
        days: fc.integer({ min: 1, max: 10 }),
        start: fc.integer({ min: 0, max: 4 }),
        token: fc.constantFrom(token, token2),
        weightSt: fc.bigInt({ min: 1n, max: 1000n }),
        weightR: fc.bigInt({ min: 1n, max: 1000n }),
        directed: fc.option(fc.array(fc.bigInt({ min: 1n, max: 10n ** 20n }), { minLength: 2, maxLength: 2 })),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  });

  type History = typeof history extends fc.Arbitrary<infer H> ? H : never;

  function build(h: History): { writer: EventWriter; funded: Map<Addr, bigint> } {
    const w = new EventWriter().createSet(T0 - 2n * DAY, SET, service);
    w.commission(T0 - 2n * DAY, opA, service, h.commissionA);
    const pools = [
      [opA, stETH],
      [opA, rETH],
      [opB, stETH],
      [opB, rETH],
    ] as const;
    pools.forEach(([op, asset], i) => {
      w.allocate(T0 - 2n * DAY, op, asset, SET, h.fractions[i] ?? 0n);
    });
    const funded = new Map<Addr, bigint>();
    h.programs.forEach((p, i) => {
      const base = proRata(BigInt(i + 1), SET, service, p.token, p.amount, p.days, [
        { asset: stETH, weight: p.weightSt },
        { asset: rETH, weight: p.weightR },
      ]);
      base.startTime = day(p.start);
      if (p.directed) {
        base.kind = "operator-directed";
        base.operatorAmounts = [
          { operator: opA, amount: p.directed[0] as bigint },
          { operator: opB, amount: p.directed[1] as bigint },
        ];
        base.amount = (p.directed[0] as bigint) + (p.directed[1] as bigint);
      }
      w.program(T0 - DAY, base);
      funded.set(p.token, (funded.get(p.token) ?? 0n) + base.amount);
    });
    // Actions in time order, each day's actions mid-day.
    type Action = { time: bigint; run: () => void };
    const actions: Action[] = [];
    const deposited: { staker: Addr; operator: Addr; asset: Addr }[] = [];
    h.deposits.forEach((d, i) => {
      actions.push({
        time: day(d.day) + 1000n + BigInt(i),
        run: () => {
          w.deposit(day(d.day) + 1000n + BigInt(i), d.staker, d.operator, d.asset, d.amount);
          deposited.push(d);
        },
      });
    });
    h.slashes.forEach((s, i) => {
      const time = day(s.day) + 2000n + BigInt(i);
      actions.push({ time, run: () => w.slash(time, s.operator, s.asset, SET, s.wad) });
    });
    h.queues.forEach((q, i) => {
      const time = day(q.day) + 3000n + BigInt(i);
      actions.push({
        time,
        run: () => {
          const d = deposited[q.index % Math.max(1, deposited.length)];
          if (!d) return;
          const shares = w.pool(d.operator, d.asset).stakers.get(d.staker) ?? 0n;
          if (shares > 0n) w.queue(time, d.staker, d.operator, d.asset, shares / 2n + 1n);
        },
      });
    });
    actions.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
    for (const action of actions) action.run();
    return { writer: w, funded };
  }

  it("never credits more than was funded, and accounts for every scheduled token", () => {
    fc.assert(
      fc.property(history, (h) => {
        const { writer, funded } = build(h);
        const result = calculateRewards(writer.sorted(), day(15));
        for (const [t, amount] of funded) {
          const credited = totalEarned(result, t);
          assert.ok(credited <= amount, `credited ${credited} > funded ${amount}`);
          // Conservation: what the programs paid out + dust + unscheduled = funded (all programs ended by day 15).
          const programs = result.programs.filter((p) => p.token === t);
          const paid = programs.reduce((s, p) => s + p.toOperators + p.toStakers + p.refunded, 0n);
          const dust = programs.reduce((s, p) => s + p.dust + p.unscheduled, 0n);
          assert.equal(paid + dust, amount);
          assert.equal(credited + (result.stakerDust.get(t) ?? 0n), paid);
        }
        // And per program: nothing pays more than that program funded.
        for (const p of result.programs) {
          assert.equal(p.toOperators + p.toStakers + p.refunded + p.dust + p.unscheduled, p.amount, `program ${p.id}`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("pays stakers with equal shares in the same pool equally", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 24n }),
        fc.bigInt({ min: 1n, max: 10n ** 30n }),
        fc.bigInt({ min: 0n, max: 10n ** 24n }),
        (amount, reward, other) => {
          const w = new EventWriter().createSet(T0 - DAY, SET, service);
          // Two equal deposits into the same fresh pool at the same price mint the same shares.
          const sa = w.deposit(T0 - DAY, alice, opA, stETH, amount);
          const sb = w.deposit(T0 - DAY, bob, opA, stETH, amount);
          if (other > 0n) w.deposit(T0 - DAY, carol, opA, stETH, other);
          assert.equal(sa, sb);
          w.allocate(T0 - DAY, opA, stETH, SET, E18);
          w.program(T0 - DAY, proRata(1n, SET, service, token, reward, 3, [{ asset: stETH, weight: 1n }]));
          const result = calculateRewards(w.sorted(), day(3));
          assert.equal(earned(result, alice), earned(result, bob));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("takes exactly floor(share × commission / 10,000) for the operator", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10_000n }), fc.bigInt({ min: 1n, max: 10n ** 30n }), (bps, daily) => {
        const w = new EventWriter().createSet(T0 - DAY, SET, service);
        w.deposit(T0 - DAY, alice, opA, stETH, E18);
        w.allocate(T0 - DAY, opA, stETH, SET, E18);
        w.commission(T0 - DAY, opA, service, bps);
        w.program(T0 - DAY, proRata(1n, SET, service, token, daily, 1, [{ asset: stETH, weight: 1n }]));
        const result = calculateRewards(w.sorted(), day(1));
        assert.equal(earned(result, opA), (daily * bps) / 10_000n);
        assert.equal(earned(result, alice), daily - (daily * bps) / 10_000n);
      }),
      { numRuns: 200 },
    );
  });

  it("a slash reduces the slashed pool's earnings from its day on, never before", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.bigInt({ min: E18 / 100n, max: E18 }), (slashDay, wad) => {
        const make = (slash: boolean) => {
          const w = new EventWriter().createSet(T0 - DAY, SET, service);
          w.deposit(T0 - DAY, alice, opA, stETH, 100n * E18);
          w.deposit(T0 - DAY, bob, opB, stETH, 100n * E18);
          w.allocate(T0 - DAY, opA, stETH, SET, E18).allocate(T0 - DAY, opB, stETH, SET, E18);
          w.program(T0 - DAY, proRata(1n, SET, service, token, 7n * 10n ** 21n, 7, [{ asset: stETH, weight: 1n }]));
          if (slash) w.slash(day(slashDay) + 500n, opA, stETH, SET, wad);
          return w.sorted();
        };
        const [clean, slashed] = [make(false), make(true)];
        const before = calculateRewards(slashed, day(slashDay));
        assert.equal(earned(before, alice), earned(calculateRewards(clean, day(slashDay)), alice));
        const after = calculateRewards(slashed, day(7));
        assert.ok(earned(after, alice) < earned(calculateRewards(clean, day(7)), alice));
        assert.ok(earned(after, bob) > earned(calculateRewards(clean, day(7)), bob));
      }),
      { numRuns: 60 },
    );
  });

  it("a staker who joins late earns only from that day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), (joinDay) => {
        const w = new EventWriter().createSet(T0 - DAY, SET, service);
        w.deposit(T0 - DAY, alice, opA, stETH, 10n * E18);
        w.allocate(T0 - DAY, opA, stETH, SET, E18);
        w.program(T0 - DAY, proRata(1n, SET, service, token, 10n * E18, 10, [{ asset: stETH, weight: 1n }]));
        w.deposit(day(joinDay) + 42n, bob, opA, stETH, 10n * E18);
        const events = w.sorted();
        assert.equal(earned(calculateRewards(events, day(joinDay)), bob), 0n);
        const oneDay = earned(calculateRewards(events, day(joinDay + 1)), bob);
        assert.ok(oneDay > 0n);
        // From then on bob and alice hold the same shares' worth... alice has more shares (she was first), so
        // bob earns half of the stakers' part minus rounding at most.
        assert.ok(oneDay <= (10n ** 18n * 9n) / 10n / 2n + 1n);
      }),
      { numRuns: 8 },
    );
  });

  it("queued shares stop earning from the day they are queued", () => {
    const w = new EventWriter().createSet(T0 - DAY, SET, service);
    const shares = w.deposit(T0 - DAY, alice, opA, stETH, 10n * E18);
    w.deposit(T0 - DAY, bob, opA, stETH, 10n * E18);
    w.allocate(T0 - DAY, opA, stETH, SET, E18);
    w.commission(T0 - DAY, opA, service, 0n);
    w.program(T0 - DAY, proRata(1n, SET, service, token, 3_000n, 3, [{ asset: stETH, weight: 1n }]));
    w.queue(day(1) + 10n, alice, opA, stETH, shares);
    const result = calculateRewards(w.sorted(), day(3));
    assert.equal(earned(result, alice), 500n);
    assert.equal(earned(result, bob), 500n + 1_000n + 1_000n);
  });
});

describe("distribution tree", () => {
  it("has one leaf per earner and token and proves each", () => {
    const earnings = new Map<Addr, Map<Addr, bigint>>([
      [
        alice,
        new Map([
          [token, 5n],
          [token2, 7n],
        ]),
      ],
      [bob, new Map([[token, 11n]])],
    ]);
    const tree = buildDistributionTree(earnings);
    assert.ok(tree);
    assert.equal(tree.leaves.length, 3);
    assert.equal(proofOf(tree, alice, token2)?.cumulativeAmount, 7n);
    assert.equal(proofOf(tree, carol, token), undefined);
    // The same earnings in another insertion order give the same root.
    const again = buildDistributionTree(new Map([...earnings].reverse()));
    assert.equal(again?.root, tree.root);
    assert.equal(buildDistributionTree(new Map()), undefined);
  });

  it("is the tree @openzeppelin/merkle-tree builds, and its proofs verify there", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 1, max: 500 }),
            fc.integer({ min: 1, max: 4 }),
            fc.bigInt({ min: 1n, max: 2n ** 200n }),
          ),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        (entries) => {
          const earnings = new Map<Addr, Map<Addr, bigint>>();
          for (const [e, t, amount] of entries) {
            const tokens = earnings.get(addrOf(e)) ?? new Map<Addr, bigint>();
            tokens.set(addrOf(0x7000 + t), amount);
            earnings.set(addrOf(e), tokens);
          }
          const ours = buildDistributionTree(earnings);
          assert.ok(ours);
          const values = ours.leaves.map((l) => [l.earner, l.token, l.cumulativeAmount.toString()]);
          const reference = StandardMerkleTree.of(values, ["address", "address", "uint256"]);
          assert.equal(ours.root, reference.root);
          assert.deepEqual(toStandardTree(ours).dump(), reference.dump());
          const first = ours.leaves[0];
          assert.ok(first);
          const proof = proofOf(ours, first.earner, first.token);
          assert.ok(proof);
          assert.ok(
            StandardMerkleTree.verify(ours.root, ["address", "address", "uint256"], values[0] as string[], proof.proof),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
