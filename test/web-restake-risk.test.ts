// The Restake and Risk screens, end to end in headless chromium against the app `npm start` serves on a fresh data
// directory (test/helpers/web.ts startNetworkStack): a restaker (dev account #21) deposits split across two operators
// as the risk engine suggests, sees the positions and the APR breakdown on Portfolio, queues a withdrawal, the clock
// moves 8 days (`rampart time advance`), completes it and claims rewards; the Risk screen's exposure, fan chart,
// security status and cascade slider, checked against the API's answers; a deposit above the balance shows the
// decoded revert with the button disabled. Pure helpers of the Restake screen are unit-tested first.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { Address } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { DEV_MNEMONIC } from "../src/network/accounts.ts";
import { formatAmount, formatEth, formatPercent, shortAddress } from "../web/src/format.ts";
import {
  newExposure,
  type PlanPool,
  parsePercentText,
  parseTokenAmount,
  splitApr,
  splitByWeights,
} from "../web/src/restake/plan.ts";
import {
  ARTIFACTS,
  buildWebApp,
  findChromium,
  launchChromium,
  type NetworkStack,
  screenshot,
  seriousA11yViolations,
  startNetworkStack,
} from "./helpers/web.ts";

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are read field by field
type Any = any;

const E18 = 10n ** 18n;

describe("Restake split helpers", () => {
  it("splits an amount by weights into whole units that add up exactly", () => {
    const legs = splitByWeights(10n * E18, [
      { operator: "0xa", weight: 0.4999999999995 },
      { operator: "0xb", weight: 0.4999999999995 },
    ]);
    assert.deepEqual(
      legs.map((l) => l.amount),
      [5n * E18, 5n * E18],
    );
    const thirds = splitByWeights(10n, [
      { operator: "0xa", weight: 1 },
      { operator: "0xb", weight: 1 },
      { operator: "0xc", weight: 1 },
    ]);
    assert.equal(
      thirds.reduce((s, l) => s + l.amount, 0n),
      10n,
    );
    assert.deepEqual(splitByWeights(10n, [{ operator: "0xa", weight: 0 }]), []);
    assert.deepEqual(splitByWeights(0n, [{ operator: "0xa", weight: 1 }]), []);
  });

  it("parses amounts and percentages as typed, refusing what is not one", () => {
    assert.equal(parseTokenAmount("1.5", 18), 15n * 10n ** 17n);
    assert.equal(parseTokenAmount("1,000", 6), 1_000_000_000n);
    assert.equal(parseTokenAmount("1.0000001", 6), undefined);
    assert.equal(parseTokenAmount("-1", 18), undefined);
    assert.equal(parseTokenAmount("abc", 18), undefined);
    assert.equal(parsePercentText("33.5%"), 33.5);
    assert.ok(Number.isNaN(parsePercentText("x")));
  });

  it("computes the new exposure and the split's APR from the pools", () => {
    const pool = (operator: string, fraction: number, apr: number): PlanPool => ({
      operator,
      operatorName: operator,
      stake: "0",
      stakeEth: "0",
      baseApr: 0.03,
      rewardApr: apr - 0.03,
      totalApr: apr,
      expectedLoss: 0.01,
      netApr: apr - 0.01,
      services: [
        {
          service: "set-1",
          serviceName: "DA",
          address: null,
          allocatedFraction: fraction,
          maxSlash: 0.5,
          probability: 0.02,
          rewardApr: apr - 0.03,
          commissionBps: 500,
        },
      ],
      qualifies: true,
      excludedReason: null,
    });
    const pools = [pool("0xa", 0.5, 0.1), pool("0xb", 0.25, 0.2)];
    const legs = [
      { operator: "0xa", amount: 4n * E18 },
      { operator: "0xb", amount: 4n * E18 },
    ];
    const [row] = newExposure(legs, pools);
    assert.equal(row?.allocated, 3n * E18); // 4 × 50% + 4 × 25%
    assert.equal(row?.atCap, 15n * 10n ** 17n);
    const apr = splitApr(legs, pools);
    assert.ok(apr && Math.abs(apr.total - 0.15) < 1e-9 && Math.abs(apr.net - 0.14) < 1e-9);
  });
});

const chromium = findChromium();
const skipReason = chromium
  ? false
  : "no chromium (install Debian's chromium or set CHROMIUM_PATH); the web journeys need a real browser";

const RESTAKER = 21;
const DEPOSIT = "4";

describe("Restake and Risk in headless chromium, against npm start", {
  skip: process.env.CI ? false : skipReason,
}, () => {
  let stack: NetworkStack;
  let browser: Browser;
  let page: Page;
  const restaker = mnemonicToAccount(DEV_MNEMONIC, { addressIndex: RESTAKER }).address as Address;
  const consoleErrors: string[] = [];
  /** The two operators the deposit went to. */
  const chosen: { operator: string; name: string; amount: bigint }[] = [];

  async function api(path: string): Promise<Any> {
    const res = await fetch(`${stack.apiUrl}${path}`);
    assert.equal(res.status, 200, `${path} answered ${res.status}: ${await res.clone().text()}`);
    return res.json();
  }

  async function go(route: string): Promise<void> {
    await page.evaluate(`window.location.hash = ${JSON.stringify(route)}`);
    await page.locator("h1").first().waitFor();
  }

  async function checkA11y(name: string, p: Page = page): Promise<void> {
    const violations = await seriousA11yViolations(p);
    assert.deepEqual(
      violations,
      [],
      `${name}: serious or critical violations:\n${JSON.stringify(violations, null, 2)}`,
    );
  }

  async function confirmed(title: RegExp, timeout = 30_000): Promise<string> {
    const toast = page.locator(".toasts .notice").filter({ hasText: "Confirmed" }).filter({ hasText: title });
    await toast.first().waitFor({ timeout });
    const text = (await toast.first().textContent()) ?? "";
    assert.match(text, /0x[0-9a-f]{64}/, "the toast carries the transaction hash");
    return text;
  }

  before(async () => {
    assert.ok(chromium, "CI is set but no chromium was found: the web journeys must run in CI");
    await buildWebApp();
    stack = await startNetworkStack();
    assert.match(stack.output(), /Web app\s+http:\/\/127\.0\.0\.1:\d+\//, "npm start prints the app's URL");
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    await page.goto(stack.url);
    await page.locator("h1").first().waitFor();
    await page.getByRole("button", { name: "Connect", exact: true }).click();
    await page.locator("#dev-account").selectOption(String(RESTAKER));
    await page.getByRole("button", { name: "Connect dev account" }).click();
    await page.getByTestId("connected-address").waitFor();
    assert.equal(await page.getByTestId("connected-address").textContent(), shortAddress(restaker));
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
    if (consoleErrors.length > 0) console.log(`browser console errors:\n${consoleErrors.join("\n")}`);
    console.log(`screenshots: ${ARTIFACTS}`);
  });

  it("suggests a split across two operators from the risk engine and previews it, simulated", async () => {
    await go("#/restake");
    await page.getByRole("heading", { level: 1, name: "Restake" }).waitFor();
    await page.getByLabel("Asset", { exact: true }).selectOption("wstETH");
    await page.getByLabel("Amount (wstETH)").fill(DEPOSIT);
    await page.getByTestId("plan-summary").waitFor({ timeout: 20_000 });
    const plan = await api(
      `/risk/plan/${restaker}?asset=wstETH&amount=${DEPOSIT}&maxPerOperator=50%25&maxPerService=100%25&minScore=0`,
    );
    const planned = plan.positions.filter((p: Any) => p.share >= 0.001);
    assert.equal(planned.length, 2, "at most 50% per operator: two operators");
    const rows = page.locator("[data-testid=split-row][data-chosen=yes]");
    await page.waitForFunction(`document.querySelectorAll("[data-testid=split-row][data-chosen=yes]").length === 2`);
    const total = 4n * E18;
    for (const p of planned) {
      const row = rows.filter({ hasText: p.operatorName });
      assert.equal(await row.count(), 1, `${p.operatorName} is in the split`);
      assert.match((await row.textContent()) ?? "", /50%/);
      assert.match((await row.textContent()) ?? "", /2 wstETH/);
      chosen.push({ operator: p.operator, name: p.operatorName, amount: total / 2n });
    }
    assert.match(
      (await page.getByTestId("plan-summary").textContent()) ?? "",
      new RegExp(`Expected net APR ${formatPercent(plan.plan.apr.net).replace(".", "\\.")}`),
    );
    // The preview: approve once for the total, then one deposit per operator, each simulated with its shares and gas.
    const steps = page.getByTestId("restake-step");
    await page.waitForFunction(`document.querySelectorAll("[data-testid=restake-step]").length === 3`, undefined, {
      timeout: 20_000,
    });
    assert.match((await steps.nth(0).textContent()) ?? "", /Approve Rampart to move 4 wstETH/);
    for (const i of [1, 2]) {
      const text = (await steps.nth(i).textContent()) ?? "";
      assert.match(text, /Deposit 2 wstETH with/);
      assert.match(text, /\d shares/);
      assert.match(text, /Simulated: OK/);
    }
    const summary = (await page.getByTestId("restake-summary").textContent()) ?? "";
    assert.match(summary, /Expected APR/);
    assert.match(summary, /\d gas at/);
    assert.match(summary, /No deposit fee/);
    assert.ok((await page.getByTestId("exposure-row").count()) > 0, "the new exposure per service is shown");
    assert.equal(await page.getByTestId("restake-submit").textContent(), "Approve and deposit (3 transactions)");
    await checkA11y("restake preview");
    await screenshot(page, "rr-01-restake-preview");
  });

  it("approves once and deposits to both operators, each step confirmed with its hash", async () => {
    const before = await api(`/stakers/${restaker}/portfolio`);
    const held = (operator: string, portfolio: Any): bigint =>
      portfolio.positions
        .filter((p: Any) => p.operator === operator && p.symbol === "wstETH")
        .reduce((s: bigint, p: Any) => s + BigInt(p.assets), 0n);
    await page.waitForFunction(`!document.querySelector("[data-testid=restake-submit]").disabled`, undefined, {
      timeout: 20_000,
    });
    await page.getByTestId("restake-submit").click();
    await confirmed(/Approve 4 wstETH for Rampart/);
    for (const c of chosen) await confirmed(new RegExp(`Deposit 2 wstETH with ${c.name}`));
    await page.getByText("Deposited. See it on your").waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId("restake-step").filter({ hasText: "Confirmed" }).count(), 3);
    await screenshot(page, "rr-02-restake-deposited");
    await stack.synced();
    const after = await api(`/stakers/${restaker}/portfolio`);
    for (const c of chosen) {
      const added = held(c.operator, after) - held(c.operator, before);
      // What the new shares are worth rounds down by at most a few wei.
      assert.ok(added <= c.amount && c.amount - added < 10n, `${c.name}: +${added}`);
    }
  });

  it("shows the new positions and the APR breakdown on Portfolio", async () => {
    await go("#/portfolio");
    const rows = page.getByTestId("position-row");
    await rows.first().waitFor({ timeout: 20_000 });
    const portfolio = await api(`/stakers/${restaker}/portfolio`);
    await page.waitForFunction(
      `document.querySelectorAll("[data-testid=position-row]").length === ${portfolio.positions.length}`,
      undefined,
      { timeout: 20_000 },
    );
    for (const c of chosen) {
      const p = portfolio.positions.find((x: Any) => x.operator === c.operator && x.symbol === "wstETH");
      const text = formatAmount(p.assets, p.decimals, p.symbol).text;
      const row = rows.filter({ hasText: c.name }).filter({ hasText: text });
      assert.equal(await row.count(), 1, `${c.name}: ${text}`);
    }
    await page.getByRole("region", { name: "APR breakdown (figures of the chart)" }).waitFor({ timeout: 20_000 });
    const risk = await api(`/risk/position/${restaker}`);
    const aprTable =
      (await page.getByRole("region", { name: "APR breakdown (figures of the chart)" }).textContent()) ?? "";
    assert.ok(aprTable.includes(formatPercent(risk.apr.total)), `total APR ${formatPercent(risk.apr.total)} shown`);
    assert.ok(aprTable.includes(formatPercent(risk.apr.plainStaking)), "plain staking shown");
    await checkA11y("portfolio after the deposit");
    await screenshot(page, "rr-03-portfolio-after-deposit");
  });

  it("queues a withdrawal, advances time 8 days, completes it and claims rewards", async () => {
    const first = chosen[0];
    assert.ok(first);
    const row = page.getByTestId("position-row").filter({ hasText: first.name }).filter({ hasText: "wstETH" });
    await row.getByRole("combobox").selectOption("100");
    await row.getByText(/completable from/).waitFor({ timeout: 20_000 });
    await row.getByRole("button", { name: "Withdraw" }).click();
    await confirmed(/Queue a withdrawal of 100% of wstETH/);
    await stack.synced();
    const queued = await api(`/stakers/${restaker}/portfolio`);
    const mine = queued.pendingWithdrawals.filter((w: Any) => w.operator === first.operator && w.symbol === "wstETH");
    assert.equal(mine.length, 1);
    await page.getByTestId("withdrawal-row").filter({ hasText: "Waiting" }).first().waitFor({ timeout: 20_000 });
    await screenshot(page, "rr-04-withdrawal-queued");

    const out = stack.rampart(["time", "advance", "8d"]);
    assert.match(out, /./);
    await stack.synced();
    await page.reload();
    await page.getByTestId("connected-address").waitFor();
    const ready = page.getByTestId("withdrawal-row").filter({ hasText: "Ready to complete" });
    await ready.first().waitFor({ timeout: 30_000 });
    const readyCount = await ready.count();
    await page.waitForFunction(
      `[...document.querySelectorAll("[data-testid=withdrawal-row] button")].some((b) => b.textContent === "Complete" && !b.disabled)`,
      undefined,
      { timeout: 20_000 },
    );
    await ready.first().getByRole("button", { name: "Complete" }).click();
    await confirmed(/Complete withdrawal/);
    await stack.synced();
    await page.waitForFunction(
      `[...document.querySelectorAll("[data-testid=withdrawal-row]")].filter((r) => r.textContent.includes("Ready to complete")).length === ${readyCount - 1}`,
      undefined,
      { timeout: 20_000 },
    );
    await screenshot(page, "rr-05-withdrawal-completed");

    const earnings = await api(`/rewards/earnings/${restaker}`);
    assert.ok(
      earnings.tokens.some((t: Any) => BigInt(t.claimable) > 0n),
      `something is claimable after 8 days of roots: ${JSON.stringify(earnings.tokens)}`,
    );
    await page.waitForFunction(
      `[...document.querySelectorAll("fieldset.claim button")].some((b) => /^Claim \\d+ token/.test(b.textContent) && !b.disabled)`,
      undefined,
      { timeout: 30_000 },
    );
    await page.getByRole("button", { name: /^Claim \d+ token/ }).click();
    await confirmed(/Claim/);
    await stack.synced();
    await page.getByText("Nothing to claim yet").waitFor({ timeout: 30_000 });
    const claimed = await api(`/rewards/earnings/${restaker}`);
    assert.ok(claimed.tokens.every((t: Any) => BigInt(t.claimable) === 0n));
    assert.ok(claimed.tokens.some((t: Any) => BigInt(t.claimed) > 0n));
    await checkA11y("portfolio after claiming");
    await screenshot(page, "rr-06-rewards-claimed");
  });

  it("shows the exposure, the fan chart, the security status and a cascade that follows the ψ slider", async () => {
    await go("#/risk");
    await page.getByRole("heading", { level: 1, name: "Risk" }).waitFor();
    const risk = await api(`/risk/position/${restaker}`);
    const expected = page.getByTestId("expected-loss");
    await expected.waitFor({ timeout: 20_000 });
    assert.ok(((await expected.textContent()) ?? "").includes(formatEth(risk.exposure.expectedLossEth).text));
    const worst = (await page.getByTestId("worst-event").textContent()) ?? "";
    assert.ok(worst.includes(formatEth(risk.exposure.worstEvent.lossEth).text), worst);
    assert.equal(await page.getByTestId("risk-position-row").count(), risk.positions.length);
    for (const p of risk.positions) {
      const text = formatAmount(p.amount, p.decimals, p.asset).text;
      const row = page.getByTestId("risk-position-row").filter({ hasText: p.operatorName }).filter({ hasText: text });
      assert.equal(await row.count(), 1, `${p.operatorName}: ${text}`);
      assert.ok(((await row.textContent()) ?? "").includes(formatEth(p.valueEth).text), "tokens and ETH side by side");
    }
    assert.equal(await page.getByTestId("risk-exposure-row").count(), risk.exposure.byService.length);
    for (const e of risk.exposure.byService) {
      const row = page.getByTestId("risk-exposure-row").filter({ hasText: e.serviceName });
      assert.ok(((await row.textContent()) ?? "").includes(formatEth(e.atCapEth).text), e.serviceName);
    }
    for (const w of risk.warnings) await page.getByTestId("risk-warnings").getByText(w).waitFor();
    await page
      .getByTestId("concentration")
      .getByText(/as concentrated as/)
      .first()
      .waitFor();

    // The fan chart: p5/p50/p95 per horizon, the year's row as the API computes it.
    await page.locator("#fan-table").waitFor({ timeout: 30_000 });
    await page.locator("figure .recharts-surface").first().waitFor();
    assert.equal(await page.getByTestId("fan-row").count(), 5);
    const asset = await page
      .getByLabel("Asset")
      .inputValue()
      .catch(() => undefined);
    const held = asset ?? risk.positions[0].asset;
    const year = (await api(`/risk/compare/${restaker}?asset=${held}&horizonDays=365&paths=2000`)).comparisons[0];
    const yearRow = (await page.getByTestId("fan-row").filter({ hasText: "365 days" }).textContent()) ?? "";
    for (const v of [year.staking.eth.p5, year.staking.eth.p50, year.staking.eth.p95, year.restaking.eth.p5]) {
      assert.ok(yearRow.includes(formatEth(v).text), `${formatEth(v).text} in ${yearRow}`);
    }
    for (const v of [year.restaking.eth.p50, year.restaking.eth.p95]) assert.ok(yearRow.includes(formatEth(v).text));
    assert.match(
      (await page.getByTestId("fan-summary").textContent()) ?? "",
      /\(p5\).*\(p95\), median.*In US dollars, with the ETH price simulated too: restaking \$[\d,]+ to \$[\d,]+/,
    );

    // Security status in words, as the engine decides it.
    const security = await api("/risk/security");
    const status = (await page.getByTestId("security-status").textContent()) ?? "";
    assert.match(status, security.secure ? /^Secure: no coalition/ : /^Not secure|^Undetermined/);
    assert.match(
      (await page.getByTestId("worst-attack").textContent()) ?? "",
      security.worstAttack ? /Worst attack: .* would gain/ : /Worst attack: none pays/,
    );
    await page.locator("svg.network-graph").waitFor();
    await checkA11y("risk");
    await screenshot(page, "rr-07-risk");

    // The cascade at ψ = 10%, then moved to 20% from the keyboard: the figures follow the API's.
    const at10 = await api("/risk/cascade?shock=10%25");
    await page.waitForFunction(
      `document.querySelector("[data-testid=cascade-fraction]")?.textContent === ${JSON.stringify(formatPercent(Number(at10.lossFraction.value)))}`,
      undefined,
      { timeout: 20_000 },
    );
    const before = await page.getByTestId("cascade-result").textContent();
    const slider = page.getByLabel("Shock ψ: share of all stake removed");
    await slider.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
    assert.equal(await page.getByTestId("psi-value").textContent(), "20%");
    const at20 = await api("/risk/cascade?shock=20%25");
    await page.waitForFunction(
      `document.querySelector("[data-testid=cascade-fraction]")?.textContent === ${JSON.stringify(formatPercent(Number(at20.lossFraction.value)))}`,
      undefined,
      { timeout: 20_000 },
    );
    assert.ok(((await page.getByTestId("cascade-loss").textContent()) ?? "") === formatEth(at20.totalLoss).text);
    assert.notEqual(await page.getByTestId("cascade-result").textContent(), before, "ψ changes the result");
    if (at20.rounds.length > 0) {
      assert.equal(await page.getByTestId("cascade-rounds").locator("li").count(), at20.rounds.length);
    }
    await screenshot(page, "rr-08-risk-cascade-20");
  });

  it("previews a hand-made split: everything with one operator is one deposit", async () => {
    await go("#/restake");
    await page.getByLabel("Asset", { exact: true }).selectOption("wstETH");
    await page.getByLabel("Amount (wstETH)").fill("3");
    await page.getByTestId("plan-summary").waitFor({ timeout: 20_000 });
    await page.getByRole("radio", { name: "My own split" }).check();
    const [first, second] = chosen;
    assert.ok(first && second);
    // It starts from the suggestion (50% each); move it all to the first operator.
    assert.equal(await page.getByLabel(`Share with ${first.name}, percent`).inputValue(), "50");
    await page.getByLabel(`Share with ${second.name}, percent`).fill("0");
    await page.getByText("The shares add up to 50%, not 100%.").waitFor();
    assert.equal(await page.getByTestId("restake-submit").isDisabled(), true);
    await page.getByLabel(`Share with ${first.name}, percent`).fill("100");
    await page.waitForFunction(`document.querySelectorAll("[data-testid=restake-step]").length === 2`, undefined, {
      timeout: 20_000,
    });
    const steps = page.getByTestId("restake-step");
    assert.match((await steps.nth(0).textContent()) ?? "", /Approve Rampart to move 3 wstETH/);
    assert.match(
      (await steps.nth(1).textContent()) ?? "",
      new RegExp(`Deposit 3 wstETH with ${first.name}.*Simulated: OK`),
    );
    assert.equal(await page.locator("[data-testid=split-row][data-chosen=yes]").count(), 1);
    await page.waitForFunction(`!document.querySelector("[data-testid=restake-submit]").disabled`, undefined, {
      timeout: 20_000,
    });
    await checkA11y("restake, own split");
    await screenshot(page, "rr-09-restake-own-split");
  });

  it("shows the decoded revert of a deposit above the balance, and keeps the button disabled", async () => {
    await go("#/restake");
    await page.getByLabel("Asset", { exact: true }).selectOption("wstETH");
    await page.getByRole("radio", { name: "Suggested by the risk engine" }).check();
    await page.getByLabel("Amount (wstETH)").fill("500");
    const reason = page.getByTestId("revert-reason");
    await reason.waitFor({ timeout: 30_000 });
    const text = (await reason.textContent()) ?? "";
    assert.match(text, /ERC20InsufficientBalance/);
    assert.match(text, /token balance \d+ is below the \d+ needed/);
    await page.getByText(/You hold [\d.,]+ wstETH: deposit at most that, or get test wstETH above/).waitFor();
    assert.equal(await page.getByTestId("restake-submit").isDisabled(), true);
    assert.match(
      (await page.getByTestId("restake-step").filter({ hasText: "Would fail" }).first().textContent()) ?? "",
      /Deposit/,
    );
    await checkA11y("restake revert");
    await screenshot(page, "rr-10-restake-revert");
  });

  it("fits a 375 px wide phone", async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true });
    const p = await phone.newPage();
    for (const [route, wait] of [
      [`#/risk/${restaker}`, "#fan-table"],
      ["#/restake", "#restake-split"],
    ] as const) {
      await p.goto(`${stack.url}${route}`);
      await p.locator(wait).waitFor({ timeout: 30_000 });
      const width = Number(await p.evaluate("document.documentElement.scrollWidth"));
      assert.ok(width <= 375, `${route} is ${width} px wide at 375 px`);
      await checkA11y(`${route} at 375 px`, p);
      await screenshot(p, `rr-11-${route.split("/")[1]}-375px`);
    }
    await phone.close();
  });

  it("logged no errors in the browser console", () => {
    const relevant = consoleErrors.filter((e) => !/favicon/i.test(e));
    assert.deepEqual(relevant, []);
  });
});
