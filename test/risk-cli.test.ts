// `rampart risk …` and `rampart snapshot` as people run them: first on the example snapshot files (no chain, fast),
// then `rampart snapshot` against a fresh fixture network seeded through the SDK, and `risk position` on the result.
// Every failure must be one line on stderr with a non-zero exit code.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { Address } from "viem";
import { mockErc20Abi } from "../src/sdk/abis.ts";
import {
  allocate,
  approveAndDeposit,
  createOperatorSet,
  createRewardProgram,
  joinOperatorSet,
  metadataUri,
  mintTestTokens,
  parseAmount,
  parsePercent,
  registerOperator,
  registerService,
} from "../src/sdk/index.ts";
import { DAY, type Fixture, startFixture } from "./helpers/fixture.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(ROOT, "bin", "rampart.mjs");
const EXAMPLES = path.join(ROOT, "examples", "snapshots");
const REALISTIC = path.join(EXAMPLES, "realistic.json");
const ALICE = "0xA11CE00000000000000000000000000000000001";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith("RAMPART_")) env[key] = value;
  return env;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: cleanEnv(), timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

function ok(run: Run): string {
  assert.equal(run.code, 0, `command failed (exit ${run.code}): ${run.stderr}`);
  assert.equal(run.stderr, "", "nothing on stderr");
  return run.stdout;
}

function json<T = Record<string, unknown>>(run: Run): T {
  return JSON.parse(ok(run)) as T;
}

function assertOneLineError(run: Run, pattern: RegExp, code?: number): void {
  assert.notEqual(run.code, 0, `expected a failure, got exit 0 with: ${run.stdout}`);
  if (code !== undefined) assert.equal(run.code, code);
  const lines = run.stderr.trimEnd().split("\n");
  assert.equal(lines.length, 1, `expected one stderr line, got:\n${run.stderr}`);
  assert.match(lines[0] ?? "", /^rampart: /);
  assert.match(lines[0] ?? "", pattern);
  assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
}

describe("rampart risk on snapshot files", { timeout: 120_000 }, () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), "rampart-risk-cli-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("risk position: APR decomposition, exposure, concentration and warnings, with units", async () => {
    const [human, machine] = await Promise.all([
      cli("risk", "position", ALICE, "--snapshot", REALISTIC),
      cli("risk", "position", ALICE.toLowerCase(), "--snapshot", REALISTIC, "--json"),
    ]);
    const text = ok(human);
    for (const part of [/APR \(a year/, /base staking\s+2\.64%/, /Driftway Bridge\s+\+2\.18%/, /plain staking/]) {
      assert.match(text, part);
    }
    assert.match(text, /worst single event: .* ETH \(26\.8% of your stake\)/);
    assert.match(text, /by operator\s+HHI 0\.54 · effective number 1\.8/);
    assert.match(text, /Warnings:\n\s+- 64\.3% of your stake is with one operator/);
    const report = json<{ valueEth: string; apr: { total: number; plainStaking: number }; positions: unknown[] }>(
      machine,
    );
    assert.equal(report.positions.length, 3);
    assert.equal(report.valueEth, "113139000000000000000");
    assert.ok(report.apr.total > report.apr.plainStaking);
  });

  it("risk dossier: a service's and an asset's factors with values and weights", async () => {
    const [service, asset, bySet] = await Promise.all([
      cli("risk", "dossier", "Lattice DA", "--snapshot", REALISTIC),
      cli("risk", "dossier", "cbeth", "--snapshot", REALISTIC, "--json"),
      cli("risk", "dossier", "ember-coprocessor", "--snapshot", REALISTIC),
    ]);
    const text = ok(service);
    assert.match(text, /score \d+\/100 · slashing probability [\d.]+% a year \(default from the score\)/);
    for (const factor of ["audits", "value secured", "operators", "concentration", "age", "slashing history"]) {
      assert.match(text, new RegExp(`\\n  ${factor}\\s`), `factor ${factor}`);
    }
    const dossier = json<{ kind: string; factors: { key: string; weight: number }[] }>(asset);
    assert.equal(dossier.kind, "asset");
    assert.deepEqual(
      dossier.factors.map((f) => f.key),
      ["provider", "audits", "shareOfStakedEth", "pegDeviation", "redemptionTime"],
    );
    assert.equal(
      dossier.factors.reduce((sum, f) => sum + f.weight, 0),
      100,
    );
    assert.match(ok(bySet), /not published: audits/);
  });

  it("risk compare: the same seed gives the same numbers; p5/p50/p95 in ETH and USD", async () => {
    const args = ["risk", "compare", "10", "wstETH", "--snapshot", REALISTIC, "--paths", "5000", "--operators"];
    const [first, second, human] = await Promise.all([
      cli(...args, "bastion,northwall", "--seed", "s1", "--json"),
      cli(...args, "bastion,northwall", "--seed", "s1", "--json"),
      cli(...args, "bastion:75%,keystone:25%", "--horizon", "6mo"),
    ]);
    const a = json<{ restaking: unknown; staking: unknown; probabilityRestakingBelow: number }>(first);
    const b = json<{ restaking: unknown; staking: unknown; probabilityRestakingBelow: number }>(second);
    assert.deepEqual(a.restaking, b.restaking);
    assert.deepEqual(a.staking, b.staking);
    assert.equal(a.probabilityRestakingBelow, b.probabilityRestakingBelow);
    const text = ok(human);
    assert.match(text, /over 0\.5 years · 5,000 paths/);
    assert.match(text, /Restaking plan: Bastion Staking 75%, Keystone Validators 25%/);
    assert.match(text, /restaking \(ETH\)\s+[\d.]+ ETH/);
    assert.match(text, /restaking \(USD\)\s+\$[\d,]+/);
    assert.match(text, /Probability that restaking ends below plain staking: [\d.]+%/);
  });

  it("risk plan: respects every limit, beats the even split, shows the staker's current figures", async () => {
    const run = await cli(
      "risk",
      "plan",
      "100",
      "--max-per-service",
      "20%",
      "--max-per-operator",
      "25%",
      "--min-score",
      "60",
      "--staker",
      ALICE,
      "--snapshot",
      REALISTIC,
      "--json",
    );
    const report = json<{
      positions: { share: number }[];
      checks: { limit: string; value: number; max: number }[];
      plan: { apr: { net: number } };
      naive: { apr: { net: number } };
      current: { apr: { net: number } } | null;
    }>(run);
    assert.ok(report.positions.length >= 4);
    for (const check of report.checks) assert.ok(check.value <= check.max + 1e-12, `${check.limit}`);
    assert.ok(report.plan.apr.net > report.naive.apr.net);
    assert.ok(report.current);
    const human = ok(await cli("risk", "plan", "100", "--max-per-operator", "25%", "--snapshot", REALISTIC));
    assert.match(human, /PLAN\s+EVEN SPLIT/);
    assert.match(human, /Checked in integer arithmetic before showing: every limit holds/);
  });

  it("risk security and cascade run the security analysis on a paper-style snapshot", async () => {
    const [security, cascade, asJson] = await Promise.all([
      cli("risk", "security", path.join(EXAMPLES, "paper-elastic.json")),
      cli("risk", "cascade", path.join(EXAMPLES, "paper-full-restaking.json"), "--shock", "10%"),
      cli("risk", "security", path.join(EXAMPLES, "paper-full-restaking.json"), "--json"),
    ]);
    assert.match(ok(security), /Network security · snapshot "Elastic, full and unique stake side by side"/);
    assert.match(ok(cascade), /Cascade after a shock of 10%/);
    assert.equal(typeof json(asJson), "object");
  });

  it("a bad snapshot fails with one line naming each path and problem (exit 1)", async () => {
    const bad = JSON.parse(readFileSync(path.join(EXAMPLES, "paper-elastic.json"), "utf8"));
    bad.operators[1].stake.ETH = "1e3";
    bad.services[0].attackThreshold = "3/2";
    const file = path.join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(bad));
    const crossRef = structuredClone(JSON.parse(readFileSync(path.join(EXAMPLES, "paper-elastic.json"), "utf8")));
    crossRef.allocations[2].service = "Z";
    const crossFile = path.join(dir, "cross.json");
    writeFileSync(crossFile, JSON.stringify(crossRef));
    const [structure, references, notJson] = await Promise.all([
      cli("risk", "position", "alice", "--snapshot", file),
      cli("risk", "security", crossFile),
      cli("risk", "dossier", "A", "--snapshot", BIN),
    ]);
    assertOneLineError(structure, /operators\[1\]\.stake\.ETH: expected a decimal string of base units/, 1);
    assertOneLineError(structure, /services\[0\]\.attackThreshold: "3\/2" is above 1/);
    assertOneLineError(references, /allocations\[2\]\.service: unknown service "Z"/, 1);
    assertOneLineError(notJson, /is not JSON/, 1);
  });

  it("bad flags fail with a readable line", async () => {
    const [tooMuch, unknownOption, infeasible, horizon, slashProb, missingShock] = await Promise.all([
      cli("risk", "plan", "100", "--max-per-service", "120%", "--snapshot", REALISTIC),
      cli("risk", "plan", "100", "--max-per-everything", "1%", "--snapshot", REALISTIC),
      cli("risk", "plan", "100", "--max-per-operator", "10%", "--min-score", "80", "--snapshot", REALISTIC),
      cli("risk", "compare", "1", "wstETH", "--horizon", "soon", "--snapshot", REALISTIC),
      cli("risk", "position", ALICE, "--slash-prob", "nope=2%", "--snapshot", REALISTIC),
      cli("risk", "cascade", path.join(EXAMPLES, "paper-elastic.json")),
    ]);
    assertOneLineError(tooMuch, /--max-per-service "120%" is above 100%/, 1);
    assertOneLineError(unknownOption, /unknown option '--max-per-everything'/, 2);
    assertOneLineError(infeasible, /no plan meets the limits .* needs at least 10 operators/, 1);
    assertOneLineError(horizon, /"soon" is not a horizon — write it like "1y"/, 1);
    assertOneLineError(slashProb, /--slash-prob: unknown service "nope"/, 1);
    assertOneLineError(missingShock, /required option '--shock <psi>' not specified/, 2);
    const [minutes, timeLimit] = await Promise.all([
      cli("risk", "compare", "1", "wstETH", "--horizon", "5m", "--snapshot", REALISTIC),
      cli("risk", "security", path.join(EXAMPLES, "paper-elastic.json"), "--time-limit", "0"),
    ]);
    assertOneLineError(minutes, /horizon "5m" is ambiguous: "m" means minutes — write months as "mo"/, 1);
    assertOneLineError(timeLimit, /--time-limit "0" is not a positive number of seconds/, 1);
  });
});

describe("rampart snapshot on a fresh network", { timeout: 180_000 }, () => {
  let fx: Fixture;
  let staker: Address;
  let dir: string;
  const rpc = () => ["--rpc", fx.rpcUrl, "--deployment", fx.deploymentFile];

  before(async () => {
    fx = await startFixture();
    dir = mkdtempSync(path.join(tmpdir(), "rampart-risk-chain-"));
    staker = fx.accounts[8] as Address;
    // Two operators, a DA service publishing its risk facts, a bridge that publishes nothing.
    await registerOperator(fx.client(3), { name: "Alpha Staking" });
    await registerOperator(fx.client(4), { name: "Beacon Ops" });
    await registerService(fx.client(5), {
      category: "da",
      metadataURI: metadataUri({
        name: "Lightning DA",
        launched: "2025-01-15",
        audits: [{ auditor: "Halden Security", date: "2025-10-01" }],
        risk: { profitFromCorruption: (50n * 10n ** 18n).toString(), attackThreshold: "1/2" },
      }),
    });
    await registerService(fx.client(6), { category: "bridge", name: "Arc Bridge" });
    const { setId: daSet } = await createOperatorSet(fx.client(5), {
      assets: ["wstETH", "rETH"],
      maxSlashWad: parsePercent("50%"),
      deallocationDelay: 2 * DAY,
    });
    const { setId: bridgeSet } = await createOperatorSet(fx.client(6), {
      assets: ["wstETH"],
      maxSlashWad: parsePercent("100%"),
      deallocationDelay: 2 * DAY,
    });
    await joinOperatorSet(fx.client(3), { setId: daSet });
    await joinOperatorSet(fx.client(3), { setId: bridgeSet });
    await joinOperatorSet(fx.client(4), { setId: daSet });
    await mintTestTokens(fx.client(8), { asset: "wstETH", amount: parseAmount("100", 18) });
    await mintTestTokens(fx.client(8), { asset: "rETH", amount: parseAmount("50", 18) });
    await approveAndDeposit(fx.client(8), {
      operator: fx.accounts[3] as Address,
      asset: "wstETH",
      amount: parseAmount("30", 18),
    });
    await approveAndDeposit(fx.client(8), {
      operator: fx.accounts[4] as Address,
      asset: "rETH",
      amount: parseAmount("20", 18),
    });
    await allocate(fx.client(3), { asset: "wstETH", setId: daSet, fractionWad: parsePercent("40%") });
    await allocate(fx.client(3), { asset: "wstETH", setId: bridgeSet, fractionWad: parsePercent("30%") });
    await allocate(fx.client(4), { asset: "rETH", setId: daSet, fractionWad: parsePercent("50%") });
    // The DA layer funds 30 days of rewards in the fixture's reward token (priced in the deployment file).
    const token = fx.deployment.rewardTokens[0]?.address as Address;
    const da = fx.client(5);
    const hash = await da.walletClient?.writeContract({
      address: token,
      abi: mockErc20Abi,
      functionName: "mint",
      args: [fx.accounts[5] as Address, parseAmount("10000", 18)],
    });
    if (hash) await da.publicClient.waitForTransactionReceipt({ hash });
    await createRewardProgram(da, { setId: daSet, token, amount: parseAmount("10000", 18), days: 30 });
  });
  after(async () => {
    await fx?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("exports a valid snapshot and risk position runs on it and on the chain directly", async () => {
    const file = path.join(dir, "snapshot.json");
    const written = ok(await cli("snapshot", "--out", file, "--eth-usd", "2500", ...rpc()));
    assert.match(written, /Wrote .*snapshot\.json: block #\d+, 2 operator\(s\), 2 service\(s\)/);
    assert.match(written, /ETH\/USD 2500 is an assumption/);
    const snapshot = JSON.parse(readFileSync(file, "utf8"));
    assert.equal(snapshot.source.kind, "chain");
    const da = snapshot.services.find((s: { name: string }) => s.name === "Lightning DA");
    assert.equal(da.attackThreshold, "1/2");
    assert.equal(da.assumed, undefined);
    assert.deepEqual(snapshot.services.find((s: { name: string }) => s.name === "Arc Bridge").assumed, [
      "profitFromCorruption",
      "attackThreshold",
    ]);
    assert.equal(snapshot.positions.length, 2);
    assert.equal(snapshot.allocations.length, 3);

    const [fromFile, fromChain] = await Promise.all([
      cli("risk", "position", staker, "--snapshot", file, "--json"),
      cli("risk", "position", staker, ...rpc()),
    ]);
    const report = json<{ positions: { asset: string; exposures: { service: string }[] }[]; apr: { base: number } }>(
      fromFile,
    );
    assert.equal(report.positions.length, 2);
    const wst = report.positions.find((p) => p.asset === "wstETH");
    assert.equal(wst?.exposures.length, 2);
    assert.ok(report.apr.base > 0.02, "the stand-ins' declared APR is the base APR");
    const text = ok(fromChain);
    assert.match(text, /Position of 0x[0-9a-fA-F]{40} · snapshot "Rampart on chain 31337 at block #\d+"/);
    assert.match(text, /Alpha Staking\s+wstETH\s+30 wstETH/);
    assert.match(text, /Notes:\n\s+- ETH\/USD 3000 is an assumption/);
  });
});
