import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { Page } from "playwright-core";
import { t, type Lang } from "../../src/i18n";
import { columnLetters } from "../excel-double/address";
import { modelFromJson, type WorkbookJson } from "../excel-double/serialize";
import { EXPECTED_EN, EXPECTED_ZH, SAMPLE_EN, SAMPLE_ZH } from "../fixtures/paths";
import { byTestId, chooseOption } from "./pane";

/** The sample workbooks the browser tests open (test/fixtures/samples), with their expected figures. */

export const SCREENSHOTS = resolve(__dirname, "../../test-output/screenshots");

interface ExpectedCustomer {
  tier: "A" | "B" | "C" | "D";
  change: string;
  recent: number;
  prior: number;
  overdue_days: number | null;
  cost_flag: string | null;
}

export interface Expected {
  /** The review month, `YYYY-MM`. */
  month: string;
  tiers: Record<"A" | "B" | "C" | "D", { customers: number }>;
  customers: Record<string, ExpectedCustomer>;
  data_issues: { sheet: string; cell: string; field: string }[];
}

export interface Sample {
  key: string;
  /** The workbook's file name, for test titles. */
  file: string;
  /** The workbook's path, a fixture. */
  path: string;
  lang: Lang;
  expected: Expected;
  sheets: Record<"customers" | "orders" | "visits" | "costs", string>;
  /** An issue the samples' README says must be reported; clicking it must select exactly this cell. */
  issue: string;
  /** A mapping the user changes and changes back, so the output stays comparable with the command line's. */
  mapping: string;
}

const expected = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Expected;

export const SAMPLES: Sample[] = [
  {
    key: "zh",
    file: basename(SAMPLE_ZH),
    path: SAMPLE_ZH,
    lang: "zh-CN",
    expected: expected(EXPECTED_ZH),
    sheets: { customers: "客户表", orders: "订单表", visits: "拜访记录", costs: "费用表" },
    issue: "订单表!B1388",
    mapping: "mapping-orders-amount",
  },
  {
    key: "en",
    file: basename(SAMPLE_EN),
    path: SAMPLE_EN,
    lang: "en-US",
    expected: expected(EXPECTED_EN),
    sheets: { customers: "Customers", orders: "Orders", visits: "Visits", costs: "Costs" },
    issue: "Orders!B1146",
    mapping: "mapping-orders-amount",
  },
];

export const TIERS = ["A", "B", "C", "D"] as const;

/**
 * The action list's sizes from the expected figures: its first section is every Down/Lost
 * customer; then overdue A/B customers; then cost flags. (Order within a tier is the core's
 * business, tested there.)
 */
export function expectedActions(e: Expected): { changes: string[]; total: number } {
  const all = Object.entries(e.customers);
  const changes = all.filter(([, c]) => c.change === "Down" || c.change === "Lost").map(([id]) => id);
  const overdue = all.filter(([, c]) => (c.tier === "A" || c.tier === "B") && (c.overdue_days ?? 0) > 0).length;
  const costs = all.filter(([, c]) => c.cost_flag !== null).length;
  return { changes, total: changes.length + overdue + costs };
}

/** The one cell of the customer sheet that holds this customer id, as "Sheet!A1". */
export function customerCell(json: WorkbookJson, sheet: string, id: string): string {
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

/** Switches the pane's language through Settings → Language, as a user does, and goes back to Review. */
export async function switchLanguage(page: Page, lang: Lang, from: Lang): Promise<void> {
  await byTestId(page, "tab-settings").click();
  await chooseOption(page, "lang-switch", t(from, `pane.lang.${lang}`));
  await page.locator("h1", { hasText: t(lang, "pane.title") }).waitFor();
  await byTestId(page, "tab-review").click();
  await byTestId(page, "view-review").waitFor();
}

/** The Detected section's one line for a sample whose every sheet and required column is found. */
export function summaryLine(sample: Sample): string {
  const { customers, orders, visits, costs } = sample.sheets;
  return t(sample.lang, "pane.detected.summary", { sheets: [customers, orders, visits, costs].join(", ") });
}
