import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { RECORD_SHEET } from "../../src/core/record";
import { t, type Lang } from "../../src/i18n";
import { columnLetters } from "../excel-double/address";
import { modelFromFile } from "../excel-double/fromExcelJS";
import { modelFromJson, modelToJson, type WorkbookJson } from "../excel-double/serialize";
import { controls } from "./accessibleNames";
import { hasChromium, launchBrowser, type Browser } from "./browser";
import { buildPane } from "./buildPane";
import { cliWorkbook, paneWorkbook } from "./compareWithCli";
import { activeSheet, byTestId, chooseOption, doubleStats, dumpWorkbook, focused, openPane, progressSeen, recordProgress, selection, selectionAfter, shownValue, tabTo } from "./pane";
import { TestServer } from "./server";

/**
 * The real task pane, built by webpack.config.js, in headless Chromium, with the strict
 * Excel double standing in for Excel and a shared sample workbook loaded into it: the flow
 * a salesperson goes through, and the workbook afterwards compared with what the command
 * line writes for the same input.
 */

const SHARED = join(__dirname, "../../../shared/samples");
const SCREENSHOTS = resolve(__dirname, "../../test-output/screenshots");

interface ExpectedCustomer {
  tier: "A" | "B" | "C" | "D";
  change: string;
  recent: number;
  prior: number;
  overdue_days: number | null;
  cost_flag: string | null;
}

interface Expected {
  tiers: Record<"A" | "B" | "C" | "D", { customers: number }>;
  customers: Record<string, ExpectedCustomer>;
  data_issues: { sheet: string; cell: string; field: string }[];
}

interface Sample {
  key: string;
  file: string;
  lang: Lang;
  expected: Expected;
  sheets: Record<"customers" | "orders" | "visits" | "costs", string>;
  /** An issue the samples' README says must be reported; clicking it must select exactly this cell. */
  issue: string;
  /** A mapping the user changes and changes back, so the output stays comparable with the command line's. */
  mapping: string;
}

const expected = (name: string) => JSON.parse(readFileSync(join(SHARED, name), "utf8")) as Expected;

const SAMPLES: Sample[] = [
  {
    key: "zh",
    file: "销售台账-示例.xlsx",
    lang: "zh-CN",
    expected: expected("expected-zh.json"),
    sheets: { customers: "客户表", orders: "订单表", visits: "拜访记录", costs: "费用表" },
    issue: "订单表!B1388",
    mapping: "mapping-orders-amount",
  },
  {
    key: "en",
    file: "sales-ledger-sample.xlsx",
    lang: "en-US",
    expected: expected("expected-en.json"),
    sheets: { customers: "Customers", orders: "Orders", visits: "Visits", costs: "Costs" },
    issue: "Orders!B1146",
    mapping: "mapping-orders-amount",
  },
];

const TIERS = ["A", "B", "C", "D"] as const;

/**
 * The action list's sizes from the expected figures: its first section is every Down/Lost
 * customer; then overdue A/B customers; then cost flags. (Order within a tier is the core's
 * business, tested there.)
 */
function expectedActions(e: Expected): { changes: string[]; total: number } {
  const all = Object.entries(e.customers);
  const changes = all.filter(([, c]) => c.change === "Down" || c.change === "Lost").map(([id]) => id);
  const overdue = all.filter(([, c]) => (c.tier === "A" || c.tier === "B") && (c.overdue_days ?? 0) > 0).length;
  const costs = all.filter(([, c]) => c.cost_flag !== null).length;
  return { changes, total: changes.length + overdue + costs };
}

/** The one cell of the customer sheet that holds this customer id, as "Sheet!A1". */
function customerCell(json: WorkbookJson, sheet: string, id: string): string {
  const { values, origin } = modelFromJson(json).sheetValues(sheet);
  const hits: string[] = [];
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === id) hits.push(`${sheet}!${columnLetters(origin.col + c)}${origin.row + r + 1}`);
    }),
  );
  if (hits.length !== 1) throw new Error(`customer ${id} is in ${hits.length} cells of ${sheet}: ${hits.join(", ")}`);
  return hits[0]!;
}

/** Switches the pane's language through Settings → Language, as a user does. */
async function switchLanguage(page: Page, lang: Lang, from: Lang): Promise<void> {
  const settings = byTestId(page, "settings");
  if (!(await settings.isVisible())) await page.locator('[data-testid="settings-header"] button').click();
  await chooseOption(page, "lang-switch", t(from, `pane.lang.${lang}`));
  await page.locator("h1", { hasText: t(lang, "pane.title") }).waitFor();
}

const suite = hasChromium() ? describe : describe.skip;
const skipped = hasChromium() ? "" : " (SKIPPED: /usr/bin/chromium is missing; install Debian's chromium package to run the browser tests)";

suite(`the task pane in headless Chromium${skipped}`, () => {
  const server = new TestServer();
  let browser: Browser;
  const workbooks = new Map<string, WorkbookJson>();
  let buildMs = 0;
  let buildDir: string | undefined;

  beforeAll(async () => {
    await server.start();
    const officeJs = `${server.origin}/office/office.js`;
    const [built] = await Promise.all([
      buildPane(officeJs),
      ...SAMPLES.map(async (s) => {
        const json = modelToJson(await modelFromFile(join(SHARED, s.file)));
        workbooks.set(s.key, json);
        server.addWorkbook(s.key, json);
      }),
    ]);
    buildMs = built.ms;
    buildDir = built.outDir;
    server.serve(built.distDir, built.harnessDir, officeJs);
    browser = await launchBrowser(server.port);
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server.close();
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  });

  afterEach(() => {
    // Each test asserts these itself; clearing them keeps one test's failure out of the next.
    if (!browser) return;
    browser.blocked.length = 0;
    browser.pageErrors.length = 0;
  });

  it("builds the pane with office.js from the local @microsoft/office-js package", async () => {
    expect(buildMs).toBeGreaterThan(0);
    const html = await (await fetch(`${server.origin}/taskpane.html`)).text();
    expect(html).toContain(`<script src=${server.origin}/office/office.js></script>`);
    expect(html).not.toContain("appsforoffice.microsoft.com");
  });

  describe.each(SAMPLES)("on $file ($lang)", (sample) => {
    it("detects the sheets, takes a mapping change, runs with progress, and writes exactly what the command line writes", async () => {
      const page = await browser.newPage();
      const { lang } = sample;
      await openPane(page, server.origin, sample.key);
      // office.js loaded from our server (it fetches its file table beside itself) and found no Office host.
      expect(server.requests).toEqual(expect.arrayContaining(["/office/office.js", "/office/o15apptofilemappingtable.js"]));

      // Outside Office the pane starts in en-US; the user switches to the workbook's language.
      if (lang !== "en-US") await switchLanguage(page, lang, "en-US");
      expect(await page.locator("h1").textContent()).toBe(t(lang, "pane.title"));

      // Detected: each input sheet by role.
      for (const [role, sheet] of Object.entries(sample.sheets)) expect({ role, sheet: await shownValue(page, `sheet-${role}`) }).toEqual({ role, sheet });

      // The user takes the amount column away: the pane says what is missing and will not run; then puts it back.
      const notUsed = t(lang, "pane.detected.notUsed");
      const original = await shownValue(page, sample.mapping);
      expect(original).not.toBe(notUsed);
      await chooseOption(page, sample.mapping, notUsed);
      expect(await shownValue(page, sample.mapping)).toBe(notUsed);
      await byTestId(page, "missing-orders").waitFor();
      expect(await byTestId(page, "run-button").getAttribute("aria-disabled")).toBe("true");
      expect(await byTestId(page, "run-blocked").textContent()).toBe(t(lang, "pane.fixFirst"));
      await chooseOption(page, sample.mapping, original);
      expect(await shownValue(page, sample.mapping)).toBe(original);
      await byTestId(page, "missing-orders").waitFor({ state: "detached" });
      expect(await byTestId(page, "run-button").getAttribute("aria-disabled")).not.toBe("true");

      // Run, with the progress bar showing the stages.
      await recordProgress(page);
      await byTestId(page, "run-button").click();
      await byTestId(page, "results").waitFor({ timeout: 60_000 });
      const stages = (["start", "read", "compute", "write"] as const).map((s) => t(lang, `pane.stage.${s}`));
      const progress = await progressSeen(page);
      expect(progress.length).toBeGreaterThan(0);
      for (const text of progress) expect(stages.some((s) => text.startsWith(s))).toBe(true);
      // Reading reports its row count as it goes. (Writing reports only after each write batch, so on a
      // workbook written in one batch its stage never shows: the pane says "Calculating" while writing.)
      expect(progress.some((text) => text.startsWith(t(lang, "pane.stage.read")) && /\d+\D+\d+/.test(text))).toBe(true);
      expect(await byTestId(page, "progress").count()).toBe(0);

      // Tier counts as the samples' expected figures.
      for (const tier of TIERS) {
        const label = await byTestId(page, `tier-count-${tier}`).getAttribute("aria-label");
        expect({ tier, label }).toEqual({ tier, label: t(lang, "pane.results.tierCount", { tier, n: sample.expected.tiers[tier].customers }) });
      }

      // The action list: every Down/Lost customer first, important tiers first; then the overdue and the cost flags.
      const want = expectedActions(sample.expected);
      const rows = page.locator('[data-testid="action-row"]');
      const customers = await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-customer") ?? ""));
      expect(customers.length).toBe(want.total);
      const changes = customers.slice(0, want.changes.length);
      expect([...changes].sort()).toEqual([...want.changes].sort());
      const tiers = changes.map((id) => sample.expected.customers[id]!.tier).join("");
      expect(tiers).toBe([...tiers].sort().join(""));
      expect(tiers[0]).toBe("A");

      // The data issues: every cell the samples must report is listed; clicking one selects exactly that cell.
      const cells = await page.locator('[data-testid="issue-row"]').evaluateAll((els) => els.map((el) => el.getAttribute("data-cell") ?? ""));
      expect(cells).toEqual(expect.arrayContaining(sample.expected.data_issues.map((i) => `${i.sheet}!${i.cell}`)));
      const before = await selection(page);
      await page.locator(`[data-testid="issue-row"][data-cell="${sample.issue}"]`).click();
      expect(await selectionAfter(page, before)).toBe(sample.issue);
      expect(await activeSheet(page)).toBe(sample.issue.split("!")[0]);

      // Enter on an action row selects the customer's row (its id cell) in the customer sheet.
      const first = rows.first();
      const customer = (await first.getAttribute("data-customer"))!;
      const cell = customerCell(workbooks.get(sample.key)!, sample.sheets.customers, customer);
      await first.focus();
      await page.keyboard.press("Enter");
      expect(await selectionAfter(page, sample.issue)).toBe(cell);

      // The pane at rest after the run (no hover highlight from the mouse), for a person to look at.
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(SCREENSHOTS, `taskpane-${lang}.png`), fullPage: true });

      // The workbook the pane wrote equals the command line's output for the same input.
      const stats = await doubleStats(page);
      expect(stats.runs).toBeGreaterThanOrEqual(4); // inspect, run, re-inspect, two selects: the double answered them all
      const written = modelFromJson(await dumpWorkbook(page));
      const pane = paneWorkbook(written, lang);
      const cli = await cliWorkbook(join(SHARED, sample.file), lang);
      expect(pane.names).toEqual(cli.names);
      for (let i = 0; i < cli.sheets.length; i++) expect(pane.sheets[i]).toEqual(cli.sheets[i]);
      expect(written.sheet(RECORD_SHEET)?.visibility).toBe("VeryHidden");

      expect(browser.pageErrors).toEqual([]);
      expect(browser.unexpected()).toEqual([]);
      await page.close();
    });
  });

  it("works with the keyboard alone, and every control has an accessible name", async () => {
    const sample = SAMPLES[1]!;
    const page = await browser.newPage();
    await openPane(page, server.origin, sample.key);

    // Settings open with Enter on their header; Run is reached with Tab and pressed with Enter.
    await tabTo(page, "settings-header");
    await page.keyboard.press("Enter");
    await byTestId(page, "settings").waitFor();
    const presses = await tabTo(page, "run-button");
    await page.keyboard.press("Enter");
    await byTestId(page, "results").waitFor({ timeout: 60_000 });

    // Tab on into the action list; Enter selects the customer's row.
    await tabTo(page, "action-row");
    const customer = await page.evaluate(() => document.activeElement?.getAttribute("data-customer") ?? "");
    await page.keyboard.press("Enter");
    expect(await selectionAfter(page, null)).toBe(customerCell(workbooks.get(sample.key)!, sample.sheets.customers, customer));

    // And on past every action row (one Tab stop each) into the data issues; Enter selects the bad cell.
    const actionRows = await byTestId(page, "action-row").count();
    await tabTo(page, "issue-row", actionRows + 10);
    const issue = await page.evaluate(() => document.activeElement?.getAttribute("data-cell") ?? "");
    const before = await selection(page);
    await page.keyboard.press("Enter");
    expect(await selectionAfter(page, before)).toBe(issue);
    expect(await focused(page)).toBe("issue-row");

    // Every control in the pane (Detected and Settings open, results shown) has a name.
    const all = await controls(page);
    const unnamed = all.filter((c) => c.name === "");
    expect(unnamed).toEqual([]);
    const count = (role: string) => all.filter((c) => c.role === role).length;
    // The check saw the whole pane: 4 sheet dropdowns + 11 + 5 + 2 + 9 column dropdowns (every role found) + 3 settings dropdowns.
    expect(count("combobox")).toBeGreaterThanOrEqual(4 + 11 + 5 + 2 + 9 + 3);
    expect(count("spinbutton")).toBe(7);
    expect(count("radio")).toBe(2);
    expect(count("textbox")).toBe(1);
    expect(all.filter((c) => c.role === "button" && c.where.startsWith("action-row")).length).toBeGreaterThan(0);
    expect(all.filter((c) => c.role === "button" && c.where.startsWith("issue-row")).length).toBeGreaterThan(0);
    expect(presses).toBeGreaterThan(0);

    expect(browser.pageErrors).toEqual([]);
    expect(browser.unexpected()).toEqual([]);
    await page.close();
  });
});
