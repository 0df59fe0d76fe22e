// The operator and service consoles in headless chromium, against the app `npm start` serves on a fresh data directory
// (test/helpers/webConsoles.ts): an operator registers, joins a set, allocates and sees the pending → effective
// timeline, changes its commission and sees the delay; a service requests a slash, sees the veto window, executes it,
// and a staker's portfolio shows the loss (cross-checked with the chain and the API); a service creates a set and
// funds a reward program; transactions that would revert show the decoded reason with the button disabled.
// axe-core on every screen; screenshots in test-artifacts/web/.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { Address } from "viem";
import { formatAmount, formatPercent, formatTime, shortAddress } from "../web/src/format.ts";
import { deriveDevAccounts } from "../web/src/wallet/derive.ts";
import {
  ARTIFACTS,
  buildWebApp,
  findChromium,
  launchChromium,
  screenshot,
  seriousA11yViolations,
} from "./helpers/web.ts";
import { type ServedNetwork, startServedNetwork } from "./helpers/webConsoles.ts";

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are read field by field
type Any = any;

const DAY = 86_400;
const ACCOUNTS = deriveDevAccounts(40).map((a) => a.address);
const addr = (i: number): Address => ACCOUNTS[i] as Address;
/** npm start's roles (src/network/accounts.ts). */
const BASTION = 3; // operator "Bastion Staking": sets 1 (DA), 2 (bridge), 4 (sequencer); no allocation delay
const FREE = 18;
const DA = 10; // Lattice DA: set 1, instant, max 50%
const BRIDGE = 11; // Driftway Bridge: set 2, 2-day veto window, committee #14
const COMMITTEE = 14; // the bridge's veto committee

const chromium = findChromium();
const skipReason = chromium
  ? false
  : "no chromium (install Debian's chromium or set CHROMIUM_PATH); the console journeys need a real browser";

describe("operator and service consoles against npm start", { skip: process.env.CI ? false : skipReason }, () => {
  let net: ServedNetwork;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  async function api(path: string): Promise<Any> {
    const res = await fetch(`${net.apiUrl}${path}`);
    assert.equal(res.status, 200, `${path} answered ${res.status}`);
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

  /** Connects (or switches to) dev account `index` through the header's picker. */
  async function connect(index: number, p: Page = page): Promise<void> {
    const connected = p.getByTestId("connected-address");
    if (await connected.count()) {
      await p.locator("#dev-account").selectOption(String(index));
      await p.getByRole("button", { name: "Switch", exact: true }).click();
    } else {
      await p.getByRole("button", { name: "Connect", exact: true }).click();
      await p.locator("#dev-account").selectOption(String(index));
      await p.getByRole("button", { name: "Connect dev account" }).click();
    }
    await p.waitForFunction(
      `document.querySelector("[data-testid=connected-address]")?.textContent === ${JSON.stringify(shortAddress(addr(index)))}`,
    );
  }

  /**
   * Clicks a console action once its simulation passed, waits for its own confirmed toast, then for the indexer.
   * Earlier toasts are dismissed first: a confirmed toast stays 8 s, and one with the same title (two slash requests
   * in a row) would otherwise satisfy the wait before this transaction is mined.
   */
  async function send(testId: string, toast: string | RegExp): Promise<void> {
    const button = page.getByTestId(testId).getByRole("button");
    await assertEnabled(testId);
    await dismissToasts();
    await page.waitForFunction(`document.querySelectorAll(".toasts .notice").length === 0`, undefined, {
      timeout: 10_000,
    });
    await assertEnabled(testId);
    await button.click();
    const confirmed = page.locator(".toasts .notice").filter({ hasText: toast }).filter({ hasText: "Confirmed" });
    await confirmed.first().waitFor({ timeout: 30_000 });
    const text = (await confirmed.first().textContent()) ?? "";
    assert.match(text, /0x[0-9a-f]{64}/, "the toast shows the transaction hash");
    await net.synced();
  }

  /** Asks the API until `pick` finds something in the answer (the indexer may be a block behind the receipt). */
  async function apiUntil<T>(path: string, pick: (answer: Any) => T | undefined, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = pick(await api(path));
      if (found !== undefined && found !== null && found !== false) return found;
      if (Date.now() > deadline) assert.fail(`${path}: nothing matched within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async function assertEnabled(testId: string): Promise<void> {
    await page.waitForFunction(
      `(() => { const b = document.querySelector('[data-testid="${testId}"] button'); return b && !b.disabled; })()`,
      undefined,
      { timeout: 20_000 },
    );
  }

  /** Dismisses the toasts still shown (confirmed ones also go by themselves after 8 s). */
  async function dismissToasts(): Promise<void> {
    const buttons = page.locator(".toasts button", { hasText: "Dismiss" });
    for (let i = 0; i < 20 && (await buttons.count()) > 0; i++)
      await buttons
        .first()
        .click({ timeout: 2_000 })
        .catch(() => undefined);
  }

  before(async () => {
    assert.ok(chromium, "CI is set but no chromium was found: the console journeys must run in CI");
    await buildWebApp();
    net = await startServedNetwork();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    await page.goto(`${net.url}#/operator-console`);
    await page.locator("h1").first().waitFor();
  });

  after(async () => {
    await browser?.close();
    await net?.stop();
    if (consoleErrors.length > 0) console.log(`browser console errors:\n${consoleErrors.join("\n")}`);
    console.log(`screenshots: ${ARTIFACTS}`);
  });

  it("is served by npm start itself, and asks to connect first", async () => {
    assert.match(net.output(), /Web app\s+http:\/\/127\.0\.0\.1:\d+\//);
    await page.getByRole("heading", { level: 1, name: "Operator console" }).waitFor();
    await page.getByText("Connect an operator's account.").waitFor();
    await checkA11y("operator console (not connected)");
    await go("#/service-console");
    await page.getByText("Connect a service's account.").waitFor();
    await checkA11y("service console (not connected)");
  });

  it("an operator registers, joins a set, allocates (pending → effective) and raises its commission (delayed)", async () => {
    await go("#/operator-console");
    await connect(FREE);
    await page.getByTestId("operator-facts").getByText("Not registered").waitFor();
    await page.getByLabel("Name").fill("Rampart Test Operator");
    await page.getByLabel("Allocation delay (hours)").fill("24");
    await page.getByTestId("register-operator").getByText("allocation delay of 1d 0h").waitFor();
    await checkA11y("operator console: register");
    await screenshot(page, "c01-operator-register");
    await send("register-operator", "Register operator");
    await page.getByTestId("operator-facts").getByText("Registered").waitFor();
    await page
      .getByTestId("allocation-delay")
      .getByText(/^1d 0h/)
      .waitFor();

    // Join Lattice DA's set #1 (the first set), then allocate 25% of the wstETH pool to it.
    await page.getByLabel("Set to join").selectOption("1");
    await send("join-set", "Join operator set #1");
    await page.locator("[data-testid=set-row]", { hasText: "#1" }).getByText("Member").waitFor();
    const wstETH = net.deployment.assets.find((a) => a.symbol === "wstETH")?.address as Address;
    await page.getByLabel("Pool (asset)").selectOption(wstETH.toLowerCase());
    await page.getByLabel("Target share of the pool (%)").fill("25");
    await page
      .getByTestId("allocate")
      .getByText(/Pending: 0% now, 25% slashable from .* \(your allocation delay, 1d 0h\)/)
      .waitFor();
    await send("allocate", "Allocate 25% of wstETH to set #1");
    const allocation = await net.client.publicClient.readContract({
      ...net.client.rampart,
      functionName: "getAllocation",
      args: [addr(FREE), wstETH, 1],
    });
    assert.equal(allocation.magnitude, 0n);
    assert.equal(allocation.pendingMagnitude, 25n * 10n ** 16n);
    const row = page.getByTestId("allocation-row").filter({ hasText: "wstETH" });
    await row.getByText("Pending").waitFor();
    const rowText = (await row.textContent()) ?? "";
    assert.match(rowText, /now 0%/);
    assert.ok(rowText.includes(`rises to 25% at ${formatTime(allocation.effectAt)}`), rowText);
    assert.match(rowText, /\(in (1d 0h|23h 5\dm)\)/);
    // The API agrees: the increase is pending until effectAt.
    const detail = await api(`/operators/${addr(FREE)}`);
    const apiAllocation = detail.allocations.find((a: Any) => a.setId === 1 && a.asset === wstETH.toLowerCase());
    assert.equal(apiAllocation?.effectAt, allocation.effectAt);
    assert.equal(apiAllocation?.pendingMagnitude, (25n * 10n ** 16n).toString());

    // Commission on Lattice DA, from the default 10% to 15%, by keyboard only: an increase waits the withdrawal delay.
    const commission = page.getByLabel("New commission (%)");
    await commission.focus();
    await page.keyboard.type("15");
    await page
      .getByTestId("set-commission")
      .getByText(/An increase: 10% stays in force until .* \(after the withdrawal delay, 7d 0h\)/)
      .waitFor();
    await assertEnabled("set-commission");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate("document.activeElement.textContent"), "Set commission");
    await page.keyboard.press("Enter");
    await page
      .locator(".toasts .notice")
      .filter({ hasText: "Confirmed: Set the Lattice DA commission to 15%" })
      .waitFor({
        timeout: 30_000,
      });
    await net.synced();
    const stored = await net.client.publicClient.readContract({
      ...net.client.directory,
      functionName: "getCommission",
      args: [addr(FREE), addr(DA)],
    });
    assert.equal(stored.pendingBps, 1500);
    const commissionRow = page.getByTestId("commission-row").filter({ hasText: "Lattice DA" });
    await commissionRow.getByText(`to 15% at ${formatTime(stored.effectAt)}`).waitFor();
    assert.match((await commissionRow.textContent()) ?? "", /10%.*Pending.*\(in (7d 0h|6d 23h)\)/);
    await checkA11y("operator console: pending allocation and commission");
    await screenshot(page, "c02-operator-pending");

    // A day later the allocation is in force; the commission is still pending.
    await net.advance(DAY + 60);
    await page.reload();
    await row.getByText("Effective").waitFor({ timeout: 20_000 });
    assert.match((await row.textContent()) ?? "", /25% in force/);
    await commissionRow.getByText("Pending").waitFor();
    await dismissToasts();
    await screenshot(page, "c03-operator-effective");
  });

  it("keeps Allocate disabled with the decoded reason when the pool has too little unallocated", async () => {
    await connect(BASTION);
    await page.getByTestId("operator-facts").getByText("Registered").waitFor();
    const rETH = net.deployment.assets.find((a) => a.symbol === "rETH")?.address as Address;
    await page.getByRole("combobox", { name: "Set", exact: true }).selectOption("1");
    await page.getByLabel("Pool (asset)").selectOption(rETH.toLowerCase());
    const pool = await net.client.publicClient.readContract({
      ...net.client.rampart,
      functionName: "getPool",
      args: [addr(BASTION), rETH],
    });
    const free = 10n ** 18n - pool.slashedMagnitude - pool.encumberedMagnitude;
    const current = await net.client.publicClient.readContract({
      ...net.client.rampart,
      functionName: "getAllocation",
      args: [addr(BASTION), rETH, 1],
    });
    // Ask for everything already in this set plus the free part plus 10 points more.
    const askWad = current.magnitude + free + 10n ** 17n;
    assert.ok(askWad <= 10n ** 18n, "the test needs a pool allocated elsewhere too");
    const ask = Number(askWad / 10n ** 16n);
    const maxMag = 10n ** 18n - pool.slashedMagnitude;
    const upTo = formatPercent(Number(((current.magnitude + free) * 1_000_000n) / maxMag) / 1_000_000);
    await page.getByTestId("allocate-context").getByText(`This set's share can go up to ${upTo}.`).waitFor();
    await page.getByLabel("Target share of the pool (%)").fill(String(ask));
    const status = page.getByTestId("allocate").getByRole("status");
    await status.getByText("Would fail:").waitFor({ timeout: 20_000 });
    const text = (await status.textContent()) ?? "";
    assert.match(text, /reverted with InsufficientMagnitude/);
    assert.match(text, /the pool cannot allocate that much: .* free \(allocations sum to at most 100%\)/);
    assert.equal(await page.getByTestId("allocate").getByRole("button", { name: "Allocate" }).isDisabled(), true);
    await checkA11y("operator console: revert");
    await screenshot(page, "c04-operator-revert");
  });

  it("a service requests a slash, sees the veto window, executes it, and the staker's portfolio shows the loss", async () => {
    const rETH = net.deployment.assets.find((a) => a.symbol === "rETH")?.address as Address;
    const weth = net.deployment.assets.find((a) => a.symbol === "WETH")?.address as Address;
    // A staker of Bastion's rETH pool.
    let staker: number | undefined;
    let before: Any;
    for (let i = 20; i < 40 && staker === undefined; i++) {
      const portfolio = await api(`/stakers/${addr(i)}/portfolio`);
      const p = portfolio.positions.find(
        (x: Any) => x.operator === addr(BASTION).toLowerCase() && x.asset === rETH.toLowerCase(),
      );
      if (p) {
        staker = i;
        before = p;
      }
    }
    assert.ok(staker !== undefined, "a staker holds rETH with Bastion");

    await go("#/service-console");
    await connect(BRIDGE);
    await page.getByTestId("service-facts").getByText("Registered service").waitFor();
    await page.getByTestId("service-set-row").first().waitFor();
    assert.match((await page.getByTestId("service-set-row").first().textContent()) ?? "", /100%.*2d 0h/);
    const form = page.locator("fieldset", { hasText: "Slash an operator" });
    await form.getByLabel("Operator").selectOption(addr(BASTION).toLowerCase());
    await form.getByLabel("Asset", { exact: true }).selectOption(rETH.toLowerCase());
    await form.getByLabel("Share of the allocation (%)").fill("10");
    await form.getByLabel("Reason").fill("missed attestations");
    await page.getByTestId("slash-context").getByText("a request waits the 2d 0h veto window").waitFor();
    await page
      .getByTestId("slash")
      .getByText(/Opens a request, executable from .* \(in 2d 0h\)/)
      .waitFor();
    await checkA11y("service console: slash request");
    await screenshot(page, "c05-service-slash-form");
    await send("slash", "Request a slash of Bastion Staking");

    const request = await apiUntil(`/slashes?service=${addr(BRIDGE)}&status=requested`, (a) =>
      (a.slashes as Any[]).find(
        (s) => s.operator === addr(BASTION).toLowerCase() && s.reason === "missed attestations",
      ),
    );
    assert.ok(request, "the API lists the request");
    const requestRow = page.getByTestId("slash-request-row").filter({ hasText: `#${request.slashId}` });
    await requestRow.getByText("in veto window").waitFor({ timeout: 20_000 });
    const rowText = (await requestRow.textContent()) ?? "";
    assert.ok(rowText.includes(`executable from ${formatTime(request.executableAt)}`), rowText);
    assert.match(rowText, /\(in (2d 0h|1d 23h)\)/);
    assert.match(rowText, /10% of rETH/);
    // Executing now would revert: the decoded reason is shown and the button stays disabled.
    const execute = page.getByTestId(`execute-${request.slashId}`);
    await execute.getByText("Would fail:").waitFor({ timeout: 20_000 });
    assert.match((await execute.textContent()) ?? "", /VetoWindowOpen.*when its veto window closes/);
    assert.equal(await execute.getByRole("button").isDisabled(), true);
    await screenshot(page, "c06-service-veto-window");

    // A second request, vetoed by the set's committee (#14) during its window.
    await form.getByLabel("Asset", { exact: true }).selectOption(weth.toLowerCase());
    await form.getByLabel("Share of the allocation (%)").fill("5");
    await form.getByLabel("Reason").fill("disputed report");
    await send("slash", "Request a slash of Bastion Staking");
    const second = await apiUntil(`/slashes?service=${addr(BRIDGE)}&status=requested`, (a) =>
      (a.slashes as Any[]).find((s) => s.reason === "disputed report"),
    );
    assert.ok(second, "the API lists the second request");
    await connect(COMMITTEE);
    const vetoRow = page
      .locator("#console-veto [data-testid=slash-request-row]")
      .filter({ hasText: `#${second.slashId}` });
    await vetoRow.getByText("in veto window").waitFor({ timeout: 20_000 });
    assert.ok(((await vetoRow.textContent()) ?? "").includes(`executable from ${formatTime(second.executableAt)}`));
    await page.getByTestId(`veto-${second.slashId}`).getByText("Cancels the request: nothing is slashed.").waitFor();
    await checkA11y("service console: veto committee");
    await screenshot(page, "c06b-committee-veto");
    await send(`veto-${second.slashId}`, `Veto slash #${second.slashId}`);
    const vetoed = await apiUntil(`/slashes?service=${addr(BRIDGE)}&status=vetoed`, (a) =>
      (a.slashes as Any[]).some((s) => s.slashId === second.slashId),
    );
    assert.ok(vetoed, "the API shows the veto");
    await connect(BRIDGE);
    await page
      .getByTestId("slash-request-row")
      .filter({ hasText: `#${second.slashId}` })
      .getByText("vetoed")
      .waitFor({ timeout: 20_000 });

    // After the window, anyone may execute: the service does.
    await net.advance(2 * DAY + 60);
    await page.reload();
    await requestRow.getByText("executable", { exact: true }).waitFor({ timeout: 20_000 });
    const poolBefore = await net.client.publicClient.readContract({
      ...net.client.rampart,
      functionName: "getPool",
      args: [addr(BASTION), rETH],
    });
    await send(`execute-${request.slashId}`, `Execute slash #${request.slashId}`);
    const executed = await apiUntil(`/slashes?service=${addr(BRIDGE)}&status=executed`, (a) =>
      (a.slashes as Any[]).find((s) => s.slashId === request.slashId),
    );
    const taken = BigInt(executed.assets[0].assetsSlashed);
    assert.ok(taken > 0n);
    assert.equal(
      BigInt(poolBefore.totalAssets) - taken,
      (
        await net.client.publicClient.readContract({
          ...net.client.rampart,
          functionName: "getPool",
          args: [addr(BASTION), rETH],
        })
      ).totalAssets,
    );
    await page
      .getByTestId("slash-request-row")
      .filter({ hasText: `#${request.slashId}` })
      .getByText("executed")
      .waitFor({
        timeout: 20_000,
      });
    await page
      .getByTestId("slash-request-row")
      .filter({ hasText: `#${request.slashId}` })
      .getByText(`took ${formatAmount(taken, 18, "rETH").text}`)
      .waitFor();
    await dismissToasts();
    await screenshot(page, "c07-service-slash-executed");

    // The staker's position: shares × (A + 1) / (S + 1e6), before and after the pool lost `taken`.
    const shares = BigInt(before.shares);
    const A = BigInt(poolBefore.totalAssets);
    const S = BigInt(poolBefore.totalShares);
    const valueBefore = (shares * (A + 1n)) / (S + 10n ** 6n);
    const expected = (shares * (A - taken + 1n)) / (S + 10n ** 6n);
    assert.equal(BigInt(before.assets), valueBefore, "the API's value before matches the pool math");
    const portfolio = await api(`/stakers/${addr(staker as number)}/portfolio`);
    const afterPosition = portfolio.positions.find(
      (x: Any) => x.operator === addr(BASTION).toLowerCase() && x.asset === rETH.toLowerCase(),
    );
    assert.equal(BigInt(afterPosition.assets), expected, "the API shows the position after the slash");
    assert.ok(expected < valueBefore);
    await go("#/portfolio");
    await connect(staker as number);
    const position = page
      .getByTestId("position-row")
      .filter({ hasText: "Bastion Staking" })
      .filter({ hasText: "rETH" });
    const shown = formatAmount(expected, 18, "rETH");
    await position.getByText(shown.text).first().waitFor({ timeout: 20_000 });
    assert.equal(await position.locator(".amount").first().getAttribute("title"), shown.full);
    assert.notEqual(shown.text, formatAmount(valueBefore, 18, "rETH").text, "the loss is visible at 4 decimals");
    console.log(
      `staker #${staker}: ${formatAmount(valueBefore, 18, "rETH").text} → ${shown.text} (lost ${formatAmount(valueBefore - expected, 18, "rETH").text}; the pool lost ${formatAmount(taken, 18, "rETH").text})`,
    );
    await checkA11y("portfolio after the slash");
    await screenshot(page, "c08-portfolio-after-slash");
  });

  it("a service creates an operator set and funds a reward program (mint, approve, create)", async () => {
    await go("#/service-console");
    await connect(DA);
    await page.getByTestId("service-facts").getByText("Registered service").waitFor();
    await page.getByTestId("service-set-row").first().waitFor();
    const setsBefore = await page.getByTestId("service-set-row").count();
    const create = page.locator("section", { has: page.getByRole("heading", { name: "Create an operator set" }) });
    await create.getByLabel("wstETH").check();
    await create.getByLabel("rETH").check();
    await create.getByLabel("Max per slash (%)").fill("20");
    const count = await net.client.publicClient.readContract({
      ...net.client.rampart,
      functionName: "operatorSetCount",
    });
    const newSet = count + 1;
    await page
      .getByTestId("create-set")
      .getByText(
        `Creates operator set #${newSet}: wstETH, rETH, at most 20% per slash, instant slashing, 7d 0h deallocation delay, slashed tokens burned.`,
      )
      .waitFor();
    await checkA11y("service console: create set");
    await screenshot(page, "c09-service-create-set");
    await send("create-set", "Create an operator set (wstETH, rETH)");
    await page.waitForFunction(
      `document.querySelectorAll("[data-testid=service-set-row]").length === ${setsBefore + 1}`,
      undefined,
      {
        timeout: 20_000,
      },
    );
    const newRow = page.getByTestId("service-set-row").filter({ hasText: `#${newSet}` });
    assert.match((await newRow.textContent()) ?? "", /wstETH, rETH.*20%.*none \(instant\).*7d 0h.*burned/);
    const onChain = await net.client.publicClient.readContract({
      ...net.client.rampart,
      functionName: "getOperatorSet",
      args: [newSet],
    });
    assert.equal(onChain.service, addr(DA));
    assert.equal(onChain.policy.maxSlashWad, 2n * 10n ** 17n);

    // Fund a 30-day program of 1,000 LDA for the new set: the service holds none, so mint, approve, then create.
    const programs = page.locator("fieldset", { hasText: "Fund a reward program" });
    await programs.getByLabel("Set", { exact: true }).selectOption(String(newSet));
    await programs.getByLabel("Amount (LDA)").fill("1000");
    await programs.getByLabel("Days").fill("30");
    await page
      .getByTestId("create-program")
      .getByText("Your balance is below 1,000 LDA: mint test tokens first.")
      .waitFor();
    assert.equal(await page.getByTestId("create-program").getByRole("button").isDisabled(), true);
    await send("mint-reward", "Mint 1,000 LDA");
    await send("approve-reward", "Approve 1,000 LDA");
    const programCount = await net.client.publicClient.readContract({
      ...net.client.rewards,
      functionName: "programCount",
    });
    await page
      .getByTestId("create-program")
      .getByText(
        `Creates program #${programCount + 1n}: 1,000 LDA over 30 days, 33.3333 LDA a day, for set #${newSet}.`,
      )
      .waitFor({ timeout: 20_000 });
    await screenshot(page, "c10-service-fund-program");
    await send("create-program", `Fund a 30-day LDA program for set #${newSet}`);
    const program = await apiUntil(`/services/${addr(DA)}`, (a) =>
      (a.programs as Any[]).find((p) => p.setId === newSet),
    );
    assert.ok(program, "the API lists the new program");
    assert.equal(program.amount, (1000n * 10n ** 18n).toString());
    const programRow = page.getByTestId("program-row").filter({ hasText: `#${program.programId}` });
    await programRow.waitFor({ timeout: 20_000 });
    const text = (await programRow.textContent()) ?? "";
    assert.ok(text.includes("1,000 LDA"), text);
    assert.ok(text.includes(formatAmount(program.perDay, 18, "LDA").text), text);
    assert.match(text, /30 days/);
    await dismissToasts();
    await checkA11y("service console: programs");
    await screenshot(page, "c11-service-program-funded");
  });

  it("keeps Slash disabled above the set's maximum, then slashes at once in an instant set", async () => {
    await connect(DA);
    const form = page.locator("fieldset", { hasText: "Slash an operator" });
    await form.getByLabel("Set", { exact: true }).selectOption("1");
    await form.getByLabel("Operator").selectOption(addr(BASTION).toLowerCase());
    const wstETH = net.deployment.assets.find((a) => a.symbol === "wstETH")?.address as Address;
    await form.getByLabel("Asset", { exact: true }).selectOption(wstETH.toLowerCase());
    await form.getByLabel("Share of the allocation (%)").fill("60");
    await page.getByTestId("slash-context").getByText("at most 50% per slash").waitFor();
    const status = page.getByTestId("slash").getByRole("status");
    await status.getByText("Would fail:").waitFor({ timeout: 20_000 });
    assert.match(
      (await status.textContent()) ?? "",
      /reverted with SlashWadOutOfBounds.*the slash fraction must be above 0% and at most the set's maximum, 50%/,
    );
    assert.equal(await page.getByTestId("slash").getByRole("button", { name: "Slash now" }).isDisabled(), true);
    await checkA11y("service console: slash revert");
    await screenshot(page, "c12-service-slash-revert");

    const slashable = await net.client.publicClient.readContract({
      ...net.client.rampart,
      functionName: "slashableAssets",
      args: [addr(BASTION), wstETH, 1],
    });
    await form.getByLabel("Share of the allocation (%)").fill("5");
    await page
      .getByTestId("slash")
      .getByText(`Executes at once and takes about ${formatAmount((slashable * 5n) / 100n, 18, "wstETH").text}`)
      .waitFor({ timeout: 20_000 });
    const executedBefore = new Set(
      ((await api(`/slashes?service=${addr(DA)}&status=executed`)).slashes as Any[]).map((s) => s.slashId),
    );
    await send("slash", "Slash Bastion Staking");
    const executed = await apiUntil(`/slashes?service=${addr(DA)}&status=executed`, (a) =>
      (a.slashes as Any[]).find((s) => !executedBefore.has(s.slashId)),
    );
    assert.equal(executed.operator, addr(BASTION).toLowerCase());
    await page
      .getByTestId("slash-request-row")
      .filter({ hasText: `#${executed.slashId}` })
      .getByText("executed")
      .waitFor({ timeout: 20_000 });
  });

  it("fits a 375 px phone: both consoles, connected", async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true });
    const p = await phone.newPage();
    await p.goto(`${net.url}#/operator-console`);
    await connect(BASTION, p);
    await p.getByTestId("allocation-row").first().waitFor({ timeout: 20_000 });
    let width = Number(await p.evaluate("document.documentElement.scrollWidth"));
    assert.ok(width <= 375, `the operator console is ${width} px wide at 375 px`);
    await checkA11y("operator console 375 px", p);
    await screenshot(p, "c13-operator-console-375px");
    await p.evaluate(`window.location.hash = "#/service-console"`);
    await connect(BRIDGE, p);
    await p.getByTestId("slash-request-row").first().waitFor({ timeout: 20_000 });
    width = Number(await p.evaluate("document.documentElement.scrollWidth"));
    assert.ok(width <= 375, `the service console is ${width} px wide at 375 px`);
    await checkA11y("service console 375 px", p);
    await screenshot(p, "c14-service-console-375px");
    await phone.close();
  });

  it("logged no errors in the browser console", () => {
    assert.deepEqual(
      consoleErrors.filter((e) => !/favicon/i.test(e)),
      [],
    );
  });
});
