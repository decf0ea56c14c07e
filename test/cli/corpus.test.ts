import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { main } from "../../src/cli/main";
import { t, type MessageKey } from "../../src/i18n";
import { changedCells } from "../support/changedCells";
import { ledgerFigures, type LedgerLayout } from "../support/ledgerFigures";
import { loadWorkbook } from "../support/loadWorkbook";
import { changedUnownedParts } from "../support/unownedParts";
import { CORPUS } from "../fixtures/paths";

/**
 * Issue 13, item 5: the command line over small workbooks from real producers
 * (test/fixtures/corpus/README.md: producer, source, license of each). A ledger is reviewed with
 * the figures computed here from its cells, every part the run does not own byte for byte as it
 * was and every original cell unchanged; a workbook without one ends in words, exit 2, nothing written.
 */
const lang = "en-US";

async function run(
  file: string,
): Promise<{ dir: string; input: string; out: string; code: number; stdout: string[]; stderr: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), "cli-corpus-"));
  const input = join(dir, basename(file));
  copyFileSync(file, input);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = join(dir, "out.xlsx");
  const code = await main(
    [input, "--out", out, "--lang", lang],
    (l) => stdout.push(l),
    (l) => stderr.push(l),
  );
  return { dir, input, out, code, stdout, stderr };
}

const english = (headerRow: number): LedgerLayout => ({
  customers: { sheet: "Customers", headerRow: 1 },
  orders: { sheet: "Orders", headerRow },
  visits: { sheet: "Visits", headerRow },
});
const ledgers: { file: string; layout: LedgerLayout }[] = [
  {
    file: "ledger-libreoffice.xlsx",
    layout: {
      customers: { sheet: "客户表", headerRow: 1 },
      orders: { sheet: "订单表", headerRow: 1 },
      visits: { sheet: "拜访记录", headerRow: 1 },
    },
  },
  { file: "ledger-openpyxl.xlsx", layout: english(1) },
  { file: "ledger-openpyxl-1904.xlsx", layout: english(1) },
  { file: "ledger-exceljs.xlsx", layout: english(2) },
];

describe("analyze (command line) on the corpus of real producers", () => {
  it.each(ledgers)(
    "reviews $file with the figures of its ledger, touching nothing of the user's",
    async ({ file, layout }) => {
      const before = readFileSync(join(CORPUS, file));
      const inWb = await loadWorkbook(before);
      const figures = ledgerFigures(inWb, layout);
      const r = await run(join(CORPUS, file));
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: [] });
      expect(r.stdout).toContain(
        t(lang, "cli.rowsRead", { orders: figures.orders, visits: figures.visits, customers: figures.customers }),
      );
      expect(r.stdout).toContain(t(lang, "cli.tiers", figures.tiers));
      const after = readFileSync(r.out);
      expect(readFileSync(r.input).equals(before)).toBe(true);
      expect(await changedUnownedParts(before, after)).toEqual([]);
      const cells = changedCells(inWb, await loadWorkbook(after));
      const rows = (s: { headerRow: number }, n: number, width: number) => (s.headerRow + n) * width;
      expect(cells).toEqual({
        compared:
          rows(layout.customers, figures.customers, 4) +
          rows(layout.orders, figures.orders, 3) +
          rows(layout.visits, figures.visits, 3),
        changed: [],
      });
    },
  );

  const noLedger = (folder: string, names: string[]) => names.map((n) => join(folder, `${n}.xlsx`));
  it.each([
    ...noLedger("calamine", [
      "date",
      "date_1904",
      "errors",
      "hyperlinks",
      "inlineStr_cdata",
      "inventory-table",
      "merge_cells",
      "nonstandard-xml-ns-prefix",
      "picture",
      "pivots",
      "richtext-namespaced",
    ]),
    ...noLedger("rust_xlsxwriter", [
      "autofilter01",
      "chart_bar01",
      "comment01",
      "cond_format01",
      "data_validation01",
      "defined_name02",
      "hyperlink01",
      "image01",
      "merge_range01",
      "protect01",
      "table01",
    ]),
  ])("says %s holds no order sheet, exits 2 and writes nothing", async (file) => {
    const r = await run(join(CORPUS, file));
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: [] });
    // The words, then what the nearest sheet's header row holds (nothing when every sheet is empty).
    expect(r.stderr.join("\n")).toMatch(
      /^No Orders sheet found: it needs (order date, )?customer ID \/ customer name, (amount \/ quantity|unit price)\.(\nSheet "[^"]+" row \d+ has: [^]*)?$/,
    );
    expect(readdirSync(r.dir)).toEqual([basename(file)]);
  });

  it.each([
    ["calamine/issue252.xlsx", "cli.unreadable.damaged"],
    ["calamine/pass_protected.xlsx", "cli.unreadable.encrypted"],
    ["calamine/strict_iso_paths.xlsx", "cli.unreadable.strict"],
  ] as [string, MessageKey][])("refuses %s in words, exits 2 and writes nothing", async (file, key) => {
    const r = await run(join(CORPUS, file));
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({
      code: 2,
      stdout: [],
      stderr: [t(lang, key, { file: r.input })],
    });
    expect(readdirSync(r.dir)).toEqual([basename(file)]);
  });
});
