// The web app: unit tests of its amount formatting, then end-to-end journeys in headless chromium against the built
// app served by the API over a real chain and indexer (test/helpers/web.ts): connect a dev account, see the
// portfolio's positions and withdrawals as the API gives them, complete a ready withdrawal, browse and search
// operators, services and activity; an axe-core check on every screen and screenshots in test-artifacts/web/.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Address } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { devAccountsOffered, localAppConfig, parseAppConfig } from "../web/src/app-config.ts";
import {
  formatAmount,
  formatBps,
  formatCountdown,
  formatEth,
  formatPercent,
  shortAddress,
  toDecimalString,
} from "../web/src/format.ts";
import { deriveDevAccounts } from "../web/src/wallet/derive.ts";
import { LIFECYCLE } from "./helpers/lifecycle.ts";
import {
  ARTIFACTS,
  buildWebApp,
  type FixtureStack,
  findChromium,
  launchChromium,
  screenshot,
  seriousA11yViolations,
  startFixtureStack,
} from "./helpers/web.ts";
import { runWebScenario, WEB_STAKER } from "./helpers/webScenario.ts";

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are read field by field
type Any = any;

const E18 = 10n ** 18n;

describe("amount formatting", () => {
  it("shows at most 4 decimals, cut (never rounded up), with the unit and thousands separators", () => {
    assert.deepEqual(formatAmount(1234567812345678901234n, 18, "wstETH"), {
      text: "1,234.5678 wstETH",
      full: "1234.567812345678901234 wstETH",
    });
    assert.equal(formatAmount(19999999999999999999n, 18, "rETH").text, "19.9999 rETH");
    assert.equal(formatAmount("30400000000000000000", 18, "wstETH").text, "30.4 wstETH");
    assert.equal(formatAmount(10n * E18, 18, "WETH").text, "10 WETH");
    assert.equal(formatAmount(0n, 18, "ETH").text, "0 ETH");
    assert.equal(formatAmount(1_500_000n, 6, "USDC").text, "1.5 USDC");
    assert.equal(formatAmount(7n, 0, "shares").text, "7 shares");
  });

  it("shows dust as <0.0001 and keeps the full value for the hover title", () => {
    assert.deepEqual(formatAmount(1n, 18, "ETH"), { text: "<0.0001 ETH", full: "0.000000000000000001 ETH" });
    assert.equal(formatAmount(99_999_999_999_999n, 18, "rETH").text, "<0.0001 rETH");
    assert.equal(formatAmount(100_000_000_000_000n, 18, "rETH").text, "0.0001 rETH");
    assert.equal(formatAmount(-1n, 18, "ETH").text, ">-0.0001 ETH");
    assert.equal(formatAmount(-(15n * E18) / 10n, 18, "ETH").text, "-1.5 ETH");
    assert.equal(formatEth(E18 / 3n).text, "0.3333 ETH");
    assert.equal(toDecimalString(1230000000000000000n, 18), "1.23");
  });

  it("never drops the unit, and treats garbage as zero", () => {
    assert.equal(formatAmount("not a number", 18, "wstETH").text, "0 wstETH");
    assert.ok(formatAmount(123n, 18, "RWD").text.endsWith(" RWD"));
  });

  it("formats percentages, commissions, countdowns and addresses", () => {
    assert.equal(formatPercent(0.0345), "3.45%");
    assert.equal(formatPercent(Number.NaN), "—");
    assert.equal(formatBps(500), "5%");
    assert.equal(formatCountdown(0), "ready");
    assert.equal(formatCountdown(-5), "ready");
    assert.equal(formatCountdown(7 * 86_400 - 1), "6d 23h");
    assert.equal(formatCountdown(3_725), "1h 2m");
    assert.equal(formatCountdown(42), "42s");
    assert.equal(shortAddress("0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc"), "0x9965…A4dc");
  });
});

/**
 * An EIP-1193 provider announced through EIP-6963, for the wallet journey: on chain 1, no account until asked (as a
 * wallet the site was never connected to), failing the first switch (as a dismissed prompt leaves it), accepting the
 * second. Plain JavaScript source: it runs in the page as is.
 */
const fakeWallet = (account: string) => `(() => {
  let chainId = "0x1";
  let switches = 0;
  let authorized = false;
  const listeners = {};
  const emit = (event, value) => (listeners[event] || []).forEach((l) => l(value));
  const provider = {
    request: async ({ method, params }) => {
      switch (method) {
        case "eth_requestAccounts":
          authorized = true;
          return [${JSON.stringify(account)}];
        case "eth_accounts":
          return authorized ? [${JSON.stringify(account)}] : [];
        case "eth_chainId":
          return chainId;
        case "wallet_switchEthereumChain":
          switches += 1;
          if (switches === 1) throw Object.assign(new Error("switch failed"), { code: -32603 });
          chainId = params[0].chainId;
          emit("chainChanged", chainId);
          return null;
        case "wallet_requestPermissions":
        case "wallet_getPermissions":
          return [{ parentCapability: "eth_accounts" }];
        default:
          throw Object.assign(new Error("fake wallet: " + method + " not supported"), { code: 4200 });
      }
    },
    on: (event, listener) => { (listeners[event] = listeners[event] || []).push(listener); },
    removeListener: (event, listener) => {
      listeners[event] = (listeners[event] || []).filter((l) => l !== listener);
    },
  };
  const info = {
    uuid: "0b7d8a2e-0000-4000-8000-000000000001",
    name: "Test Wallet",
    icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1 1'/%3E",
    rdns: "org.example.testwallet",
  };
  const announce = () =>
    window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info, provider }) }));
  window.addEventListener("eip6963:requestProvider", announce);
  announce();
})();`;

describe("dev accounts and app config", () => {
  it("derives anvil's dev accounts as mnemonicToAccount does, from one seed computation", () => {
    const accounts = deriveDevAccounts(40);
    assert.equal(accounts.length, 40);
    assert.equal(accounts[0]?.address, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    assert.equal(accounts[1]?.address, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    for (const i of [5, 20, 39]) {
      const expected = mnemonicToAccount("test test test test test test test test test test test junk", {
        addressIndex: i,
      });
      assert.equal(accounts[i]?.address, expected.address, `dev account ${i}`);
    }
  });

  it("offers dev accounts on the local chain only, and validates what the server sends", () => {
    const deployment = {
      chainId: 31337,
      startBlock: 0,
      contracts: { rampart: "0x1", directory: "0x2", timelock: "0x3", rewards: "0x4" },
      assets: [],
    };
    const local = localAppConfig(deployment, "http://127.0.0.1:8545");
    assert.equal(devAccountsOffered(local), true);
    assert.equal(devAccountsOffered({ ...local, chainId: 1 }), false);
    assert.equal(devAccountsOffered({ ...local, devAccounts: false }), false);
    assert.deepEqual(parseAppConfig(JSON.parse(JSON.stringify(local))), local);
    assert.throws(() => parseAppConfig({ chainId: 1 }), /no rpcUrl/);
    assert.throws(() => parseAppConfig(null), /not a JSON object/);
  });
});

const chromium = findChromium();
const skipReason = chromium
  ? false
  : "no chromium (install Debian's chromium or set CHROMIUM_PATH); the web journeys need a real browser";

describe("web app in headless chromium", { skip: process.env.CI ? false : skipReason }, () => {
  let stack: FixtureStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const staker = WEB_STAKER;
  let stakerAddress: Address;
  const consoleErrors: string[] = [];

  async function api(path: string): Promise<Any> {
    const res = await fetch(`${stack.apiUrl}${path}`);
    assert.equal(res.status, 200, `${path} answered ${res.status}`);
    return res.json();
  }

  async function go(route: string): Promise<void> {
    await page.evaluate(`window.location.hash = ${JSON.stringify(route)}`);
    await page.locator("h1").first().waitFor();
  }

  async function checkA11y(name: string): Promise<void> {
    const violations = await seriousA11yViolations(page);
    assert.deepEqual(
      violations,
      [],
      `${name}: serious or critical accessibility violations:\n${JSON.stringify(violations, null, 2)}`,
    );
  }

  before(async () => {
    assert.ok(chromium, "CI is set but no chromium was found: the web journeys must run in CI");
    await buildWebApp();
    stack = await startFixtureStack(async (fixture) => {
      await runWebScenario(fixture);
    });
    stakerAddress = stack.fixture.accounts[staker] as Address;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    await page.goto(stack.url);
    await page.locator("h1").first().waitFor();
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
    if (consoleErrors.length > 0) console.log(`browser console errors:\n${consoleErrors.join("\n")}`);
    console.log(`screenshots: ${ARTIFACTS}`);
  });

  it("is keyboard reachable from the top: the skip button first, then the navigation", async () => {
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate("document.activeElement.textContent"), "Skip to content");
    const nav = await page.locator("nav[aria-label=Main] a").allTextContents();
    assert.deepEqual(nav, [
      "Portfolio",
      "Restake",
      "Operators",
      "Services",
      "Risk",
      "Activity",
      "Operator console",
      "Service console",
    ]);
    await page.getByText("No account yet.").waitFor();
    await checkA11y("portfolio (not connected)");
    await screenshot(page, "01-portfolio-not-connected");
  });

  it("connects a dev account and shows its positions and withdrawals as the API gives them", async () => {
    await page.getByRole("button", { name: "Connect", exact: true }).click();
    await page.locator("#dev-account").selectOption(String(staker));
    await checkA11y("connect panel");
    await screenshot(page, "02-connect-panel");
    await page.getByRole("button", { name: "Connect dev account" }).click();
    await page.getByTestId("connected-address").waitFor();
    assert.equal(await page.getByTestId("connected-address").textContent(), shortAddress(stakerAddress));

    const portfolio = await api(`/stakers/${stakerAddress}/portfolio`);
    assert.ok(portfolio.positions.length >= 2, "the staker has positions");
    const rows = page.getByTestId("position-row");
    await rows.first().waitFor();
    assert.equal(await rows.count(), portfolio.positions.length);
    for (const p of portfolio.positions) {
      const text = formatAmount(p.assets, p.decimals, p.symbol).text;
      const row = rows.filter({ hasText: p.symbol }).filter({ hasText: text });
      assert.equal(await row.count(), 1, `a position row shows ${text}`);
      assert.equal(
        await row.locator(".amount").first().getAttribute("title"),
        formatAmount(p.assets, p.decimals, p.symbol).full,
      );
      assert.match((await row.textContent()) ?? "", /Operator 3/);
    }
    // Which services can slash each position: operator 3 allocated its wstETH pool, not its rETH pool.
    await page.locator("#positions").getByText("Not allocated: plain staking").first().waitFor();

    const withdrawals = page.getByTestId("withdrawal-row");
    await withdrawals.first().waitFor();
    assert.equal(await withdrawals.count(), portfolio.pendingWithdrawals.length);
    assert.equal(portfolio.pendingWithdrawals.length, 2);
    await withdrawals.filter({ hasText: "Ready to complete" }).waitFor();
    const waiting = withdrawals.filter({ hasText: "Waiting" });
    assert.match((await waiting.textContent()) ?? "", /6d 23h left|7d 0h left/);
    await checkA11y("portfolio");
    await screenshot(page, "03-portfolio");
    // The dev account is remembered: a reload reconnects it.
    await page.reload();
    await page.getByTestId("position-row").first().waitFor();
    assert.equal(await page.getByTestId("connected-address").textContent(), shortAddress(stakerAddress));
  });

  it("completes the ready withdrawal: simulated, signed by the dev account, toast with the hash, row gone", async () => {
    const ready = page.getByTestId("withdrawal-row").filter({ hasText: "Ready to complete" });
    const button = ready.getByRole("button", { name: "Complete" });
    await page.waitForFunction(
      `[...document.querySelectorAll("[data-testid=withdrawal-row] button")].some((b) => b.textContent === "Complete" && !b.disabled)`,
    );
    // The waiting one's button stays disabled.
    assert.equal(
      await page.getByTestId("withdrawal-row").filter({ hasText: "Waiting" }).getByRole("button").isDisabled(),
      true,
    );
    await button.click();
    const toast = page.locator(".toasts .notice").filter({ hasText: "Confirmed" });
    await toast.waitFor({ timeout: 20_000 });
    assert.match((await toast.textContent()) ?? "", /0x[0-9a-f]{64}/);
    await screenshot(page, "04-withdrawal-completed");
    await stack.synced();
    await page.waitForFunction(`document.querySelectorAll("[data-testid=withdrawal-row]").length === 1`, undefined, {
      timeout: 20_000,
    });
    const portfolio = await api(`/stakers/${stakerAddress}/portfolio`);
    assert.equal(portfolio.pendingWithdrawals.length, 1);
  });

  it("queues a withdrawal of half the rETH position after a simulated preview", async () => {
    const row = page.getByTestId("position-row").filter({ hasText: "rETH" });
    await row.getByRole("combobox").selectOption("50");
    await row.getByText(/completable from/).waitFor();
    await row.getByRole("button", { name: "Withdraw" }).click();
    await page.locator(".toasts .notice").filter({ hasText: "Confirmed: Queue a withdrawal of 50% of rETH" }).waitFor({
      timeout: 20_000,
    });
    await stack.synced();
    await page.waitForFunction(`document.querySelectorAll("[data-testid=withdrawal-row]").length === 2`, undefined, {
      timeout: 20_000,
    });
    await screenshot(page, "05-withdrawal-queued");
  });

  it("shows rewards by token and by service, and claims them", async () => {
    const earnings = await api(`/rewards/earnings/${stakerAddress}`);
    assert.ok(earnings.tokens.length > 0, "the staker earned rewards");
    const rows = page.getByTestId("reward-row");
    await rows.first().waitFor({ timeout: 20_000 });
    assert.equal(await rows.count(), earnings.tokens.length);
    for (const t of earnings.tokens) {
      const earned = formatAmount(t.earned, t.decimals, t.symbol).text;
      assert.equal(await rows.filter({ hasText: earned }).count(), 1, `a reward row shows ${earned}`);
    }
    assert.ok(
      earnings.tokens.some((t: Any) => BigInt(t.claimable) > 0n),
      "something is claimable (the last root is active)",
    );
    await page.locator("#rewards-by-service tbody tr").first().waitFor();
    await checkA11y("portfolio with rewards");
    const claim = page.getByRole("button", { name: /^Claim \d+ token/ });
    await page.waitForFunction(
      `[...document.querySelectorAll("fieldset.claim button")].some((b) => /^Claim \\d+ token/.test(b.textContent) && !b.disabled)`,
      undefined,
      { timeout: 20_000 },
    );
    await screenshot(page, "06-rewards");
    await claim.click();
    await page.locator(".toasts .notice").filter({ hasText: "Confirmed: Claim" }).waitFor({ timeout: 20_000 });
    await stack.synced();
    await page.getByText("Nothing to claim yet").waitFor({ timeout: 20_000 });
    const after = await api(`/rewards/earnings/${stakerAddress}`);
    assert.ok(after.tokens.every((t: Any) => BigInt(t.claimable) === 0n));
    assert.ok(after.tokens.some((t: Any) => BigInt(t.claimed) > 0n));
  });

  it("lists, searches and sorts operators, and shows one operator's detail", async () => {
    await go("#/operators");
    const rows = page.getByTestId("operator-row");
    await rows.first().waitFor();
    const list = await api("/operators");
    assert.equal(await rows.count(), list.operators.length);
    for (const o of list.operators) {
      for (const t of o.tvl) {
        const text = formatAmount(t.amount, t.decimals, t.symbol).text;
        assert.equal(await rows.filter({ hasText: text }).count(), 1, `an operator row shows ${text}`);
        if (t.eth) {
          const eth = `${text} (${formatAmount(t.eth, 18, "ETH").text})`;
          assert.equal(await rows.filter({ hasText: eth }).count(), 1, `an operator row shows ${eth}`);
        }
      }
    }
    await page.getByLabel("Search by name or address").fill("operator 8");
    await page.waitForFunction(`document.querySelectorAll("[data-testid=operator-row]").length === 1`);
    assert.match((await rows.first().textContent()) ?? "", /Operator 8/);
    await page.getByLabel("Search by name or address").fill("");
    await page.getByRole("button", { name: /^Operator/ }).click();
    assert.equal(await page.locator("th[aria-sort=descending], th[aria-sort=ascending]").count(), 1);
    const names = await rows.locator("td:first-child a").allTextContents();
    assert.deepEqual(
      names.map((n) => n.split(" 0x")[0]),
      ["Operator 3", "Operator 8"],
    );
    assert.match((await rows.first().textContent()) ?? "", /Slashed 1×/);
    await checkA11y("operators");
    await screenshot(page, "07-operators");

    await rows.first().locator("a").first().click();
    await page.getByRole("heading", { level: 1, name: "Operator 3" }).waitFor();
    const address = (stack.fixture.accounts[LIFECYCLE.operators[0] as number] as string).toLowerCase();
    await page.getByText(address, { exact: true }).waitFor();
    await page.getByRole("button", { name: "Copy the operator's address" }).waitFor();
    const detail = await api(`/operators/${address}`);
    assert.equal(await page.locator("#allocations tbody tr").count(), detail.allocations.length);
    for (const a of detail.allocations) {
      if (!a.slashable) continue;
      const text = formatAmount(a.slashable.amount, a.slashable.decimals, a.slashable.symbol).text;
      const shown = (await page.locator("#allocations").textContent()) ?? "";
      assert.ok(shown.includes(text), `allocations show the slashable ${text}`);
    }
    assert.equal(await page.getByTestId("slash-row").count(), detail.slashes.length);
    assert.match((await page.getByTestId("slash-row").first().textContent()) ?? "", /executed/);
    if (detail.history) {
      await page.locator("figure .recharts-surface").first().waitFor();
      await page.getByRole("button", { name: "1w" }).click();
      await page.locator("button[aria-pressed=true]", { hasText: "1w" }).waitFor();
    }
    if (detail.recentEvents?.length > 0) {
      assert.equal(await page.locator("#operator-events tbody tr").count(), detail.recentEvents.length);
      assert.match((await page.locator("#operator-events").textContent()) ?? "", /0x[0-9a-f]{64}/);
    }
    await checkA11y("operator detail");
    await screenshot(page, "08-operator-detail");
  });

  it("lists services and shows a service's operators and slashing history", async () => {
    await go("#/services");
    const rows = page.getByTestId("service-row");
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1);
    await checkA11y("services");
    await screenshot(page, "09-services");
    await rows.first().locator("a").first().click();
    await page.locator("#service-operators tbody tr").first().waitFor();
    assert.equal(await page.locator("#service-operators tbody tr").count(), LIFECYCLE.operators.length);
    assert.equal(await page.getByTestId("slash-row").count(), 1);
    await page.locator("figure .recharts-surface").first().waitFor();
    await page.getByText("Every day as a table").waitFor();
    const margin = page.getByTestId("security-margin");
    await margin.waitFor();
    const text = (await margin.textContent()) ?? "";
    assert.match(text, /an attack would (cost|gain)|no figures for this service/);
    assert.match(text, /Network verdict: (secure|not secure|undetermined)/);
    await checkA11y("service detail");
    await screenshot(page, "10-service-detail");
  });

  it("shows recent slashes and withdrawals with their transaction hashes", async () => {
    await go("#/activity");
    const rows = page.getByTestId("activity-row");
    await rows.first().waitFor();
    const text = (await page.locator("#activity").textContent()) ?? "";
    assert.match(text, /Slashed/);
    assert.match(text, /Withdrawal queued/);
    assert.match(text, /Withdrawal completed/);
    assert.match(text, /0x[0-9a-f]{64}/);
    const withdrawals = (await api("/withdrawals")).withdrawals;
    for (const w of withdrawals) {
      const amount = formatAmount(w.amount, w.decimals, w.symbol).text;
      assert.ok(text.includes(amount), `activity shows withdrawal ${w.id}'s ${amount}`);
    }
    await page.getByTestId("no-explorer").waitFor();
    await checkA11y("activity");
    await screenshot(page, "11-activity");
  });

  it("has every screen of the navigation built, and says so plainly for an unknown page", async () => {
    for (const [route, title] of [
      ["#/restake", "Restake"],
      ["#/risk", "Risk"],
      ["#/operator-console", "Operator console"],
      ["#/service-console", "Service console"],
    ] as const) {
      await go(route);
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      assert.equal(await page.getByText("Coming next.").count(), 0, `${title} is built`);
    }
    await go("#/no-such-page");
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    await checkA11y("page not found");
    await screenshot(page, "12-page-not-found");
  });

  it("fits a 375 px wide phone", async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true });
    const p = await phone.newPage();
    await p.goto(`${stack.url}#/portfolio/${stakerAddress}`);
    await p.getByTestId("position-row").first().waitFor();
    const overflow = Number(await p.evaluate("document.documentElement.scrollWidth"));
    assert.ok(overflow <= 375, `the page is ${overflow} px wide at 375 px`);
    await screenshot(p, "13-portfolio-375px");
    await p.goto(`${stack.url}#/operators`);
    await p.getByTestId("operator-row").first().waitFor();
    assert.ok(Number(await p.evaluate("document.documentElement.scrollWidth")) <= 375);
    await screenshot(p, "14-operators-375px");
    await phone.close();
  });

  it("finds an EIP-6963 wallet, detects its wrong chain and switches it", async () => {
    const wallet = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await wallet.newPage();
    await p.addInitScript({ content: fakeWallet(stakerAddress) });
    await p.goto(stack.url);
    await p.getByRole("button", { name: "Connect", exact: true }).click();
    await p.getByRole("button", { name: "Test Wallet" }).click();
    await p.getByTestId("connected-address").waitFor();
    const mismatch = p.getByRole("alert").filter({ hasText: "Your wallet is on chain 1" });
    await mismatch.waitFor();
    await checkA11y("chain mismatch");
    await screenshot(p, "15-chain-mismatch");
    await mismatch.getByRole("button", { name: /^Switch to/ }).click();
    await mismatch.waitFor({ state: "detached" });
    await p.getByTestId("position-row").first().waitFor();
    await wallet.close();
  });

  it("logged no errors in the browser console", () => {
    const relevant = consoleErrors.filter((e) => !/favicon/i.test(e));
    assert.deepEqual(relevant, []);
  });
});
