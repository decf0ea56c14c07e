import { readFileSync } from "node:fs";
import { lazy, runCli } from "./fixtures/runCli";
import { clearColumn, editPackage, insertColumn, sheetPart, tablePart } from "./fixtures/editPackage";
import { smallWorkbook } from "./fixtures/smallWorkbook";
import { enUserWorkbook, zhUserWorkbook } from "./fixtures/userWorkbooks";
import { SAMPLE_EN, SAMPLE_ZH } from "../fixtures/paths";
import { compareXlsx, type Comparison } from "./xlsxCompare";
import { columnValues, openPackage, partText, readRecord, relationships } from "./xlsxPackage";
import { fixClock } from "../support/fixedClock";

/**
 * Guarantee 1 and 2 on the .xlsx path, checked with an independent reader (xlsxCompare):
 * a run changes nothing of the user's outside the columns and sheets its record lists.
 *
 * A group of checks the command line fails is declared with `it.failing` and the reason
 * (checkGroups' second argument), so main stays green and the fix is visible: jest fails a
 * `failing` test that starts passing. The ExcelJS-based command line failed most groups;
 * the package-level writer passes them all.
 */
const FIXED_NOW = new Date(2026, 10, 23, 9, 30);
// Each scenario's first test runs the command line on a 5,857-order workbook and compares the packages.
jest.setTimeout(600_000);
const zhIn = lazy(zhUserWorkbook);
const zhOnce = lazy(async () => runCli(await zhIn(), "--lang", "zh-CN"));
const enIn = lazy(enUserWorkbook);
const enOnce = lazy(async () => runCli(await enIn(), "--lang", "en-US"));
const zhFirstRun = lazy(async () => compareXlsx(await zhIn(), await zhOnce()));

/** Findings by group, so that a writer can pass one group at a time. */
const GROUPS = {
  "parts it does not own stay byte for byte": /^(part\.|contentTypes|workbook\.relationship)/,
  "user cells keep value, type, formula and text": /^cell\.(?!s$)/,
  "user cells keep their style index and styles only grow": /^(cell\.s$|styles\.)/,
  "rows, merged cells, validations, filters, panes, links, widths and conditional formats stay":
    /^(row|sheet\.|cols|conditionalFormatting\.)/,
  "tables change only by the owned columns": /^table\./,
  "sheets, their order, defined names and views stay": /^workbook\.(?!relationship)/,
  "only recorded columns are written, each under a header": /^owned\./,
} as const;
type Group = keyof typeof GROUPS;

function describeFindings(c: Comparison, group: Group): string[] {
  return c.findings
    .filter((f) => GROUPS[group].test(f.check))
    .map((f) => `${f.check} ${f.where}: ${f.detail.slice(0, 300)}`);
}

/** One test per group; `failingToday` lists the groups today's writer fails, with the reason in `why`. */
function checkGroups(compare: () => Promise<Comparison>, failingToday: Partial<Record<Group, string>>): void {
  for (const group of Object.keys(GROUPS) as Group[]) {
    const why = failingToday[group];
    const body = async () => expect(describeFindings(await compare(), group).slice(0, 30)).toEqual([]);
    if (why) it.failing(`${group} (fails today: ${why})`, body);
    else it(group, body);
  }
}

fixClock(FIXED_NOW);

describe("the zh-CN workbook with tables, run once (guarantee 1)", () => {
  const compare = zhFirstRun;

  it("compares every user cell of the three input sheets and takes the owned columns from the record", async () => {
    const c = await compare();
    expect(c.owned).toEqual(
      [..."IJKLMNOPQRSTUVWXYZ", "AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI", "AJ"]
        .map((l) => `客户表!${l}`)
        .concat(["订单表!G", "订单表!H", "拜访记录!E", "拜访记录!F"]),
    );
    expect(c.cellsCompared).toBe(51_634);
    expect(c.identicalParts).toEqual(
      expect.arrayContaining([
        "xl/comments1.xml",
        "xl/drawings/vmlDrawing1.vml",
        "xl/sharedStrings.xml",
        "xl/theme/theme1.xml",
        "xl/tables/table4.xml",
        "xl/tables/table5.xml",
      ]),
    );
    expect(c.record?.ownedSheets).toEqual([{ sheet: "月度分析 2026-10", kind: "review" }]);
  });

  it("keeps the user's own 客户等级 column and writes ours beside it as 客户等级 (2)", async () => {
    const pkg = await openPackage(await zhOnce());
    expect(columnValues(pkg, "客户表", 8, 1, 4)).toEqual(["客户等级", "普通", "VIP", "普通"]);
    expect(columnValues(pkg, "客户表", 9, 1, 1)).toEqual(["客户等级 (2)"]);
  });

  checkGroups(compare, {});
});

describe("the zh-CN workbook run twice (guarantee 2)", () => {
  const zhTwice = lazy(async () => runCli(await zhOnce(), "--lang", "zh-CN"));
  const compare = lazy(async () => compareXlsx(await zhOnce(), await zhTwice(), { replaces: ["月度分析 2026-10"] }));

  it("replaces the analysis sheet of the same month and rewrites the same owned columns", async () => {
    const c = await compare();
    expect(c.record?.ownedSheets).toEqual([{ sheet: "月度分析 2026-10", kind: "review" }]);
    expect(c.owned).toEqual((await zhFirstRun()).owned);
  });

  // With the clock fixed the second output should be the first, part for part (after decompression).
  it("gives an output equal to the first's, part for part", async () => {
    const once = await openPackage(await zhOnce());
    const twice = await openPackage(await zhTwice());
    expect([...twice.parts.keys()].sort()).toEqual([...once.parts.keys()].sort());
    expect(
      [...once.parts].filter(([name, data]) => !twice.parts.get(name)!.equals(data)).map(([name]) => name),
    ).toEqual([]);
  });

  checkGroups(compare, {});
});

describe("the zh-CN workbook re-run for another month (guarantee 2)", () => {
  const zhMonth = lazy(async () => runCli(await zhOnce(), "--lang", "zh-CN", "--month", "2026-09"));
  const compare = lazy(async () => compareXlsx(await zhOnce(), await zhMonth()));

  it("adds the new month's analysis sheet beside the first", async () => {
    const c = await compare();
    expect(c.record?.ownedSheets).toEqual([
      { sheet: "月度分析 2026-10", kind: "review" },
      { sheet: "月度分析 2026-09", kind: "review" },
    ]);
  });

  it("keeps the first analysis sheet, its drawing and its charts byte for byte", async () => {
    const once = await openPackage(await zhOnce());
    const month = await openPackage(await zhMonth());
    const part = once.sheets.find((s) => s.name === "月度分析 2026-10")!.part!;
    const drawing = [...relationships(once, part).values()].find((r) => r.type.endsWith("/drawing"))!.target;
    const charts = [...relationships(once, drawing).values()].map((r) => r.target);
    expect(charts).toHaveLength(2);
    expect(month.sheets.find((s) => s.name === "月度分析 2026-10")?.part).toBe(part);
    for (const p of [part, `xl/worksheets/_rels/${part.split("/").pop()}.rels`, drawing, ...charts])
      expect([p, month.parts.get(p)?.equals(once.parts.get(p)!)]).toEqual([p, true]);
    expect(partText(month, "xl/styles.xml").length).toBeGreaterThanOrEqual(partText(once, "xl/styles.xml").length);
  });

  checkGroups(compare, {});
});

describe("an owned column cleared by hand, then re-run (guarantee 2)", () => {
  const cleared = lazy(async () =>
    editPackage(await zhOnce(), (pkg, write) => {
      const col = readRecord(pkg)!.owned.find((o) => o.output === "customer.recent")!.col + 1;
      const part = sheetPart(pkg, "客户表");
      write(part, clearColumn(partText(pkg, part), col, 2));
    }),
  );
  const again = lazy(async () => runCli(await cleared(), "--lang", "zh-CN"));
  const compare = lazy(async () => compareXlsx(await cleared(), await again(), { replaces: ["月度分析 2026-10"] }));

  it("recreates the column in place with the first run's values", async () => {
    const once = await openPackage(await zhOnce());
    const col = readRecord(once)!.owned.find((o) => o.output === "customer.recent")!.col + 1;
    const emptied = columnValues(await openPackage(await cleared()), "客户表", col, 1, 203);
    expect(emptied.slice(1).every((v) => v === "")).toBe(true);
    expect(columnValues(await openPackage(await again()), "客户表", col, 1, 203)).toEqual(
      columnValues(once, "客户表", col, 1, 203),
    );
  });

  checkGroups(compare, {});
});

describe("the en-US workbook with plain ranges under titles, run once (guarantee 1)", () => {
  const compare = lazy(async () => compareXlsx(await enIn(), await enOnce()));

  it("compares every user cell of the three input sheets and takes the owned columns from the record", async () => {
    const c = await compare();
    expect(c.owned).toEqual(
      [..."IJKLMNOPQRSTUVWXYZ", "AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI", "AJ"]
        .map((l) => `Customers!${l}`)
        .concat(["Orders!H", "Orders!I", "Visits!E", "Visits!F"]),
    );
    expect(c.cellsCompared).toBe(33_210);
    expect(columnValues(await openPackage(await enOnce()), "Customers", 8, 3, 5)).toEqual(["Tier", "Gold", "Standard"]);
    expect(columnValues(await openPackage(await enOnce()), "Customers", 9, 3, 3)).toEqual(["Tier (2)"]);
  });

  checkGroups(compare, {});
});

describe("a user column inserted between two owned columns, then re-run (guarantee 2)", () => {
  const NOTE_COL = 11;
  const inserted = lazy(async () =>
    editPackage(await enOnce(), (pkg, write) => {
      const part = sheetPart(pkg, "Customers");
      const cells = new Map<number, string>([[3, "My notes"]]);
      for (let r = 4; r <= 125; r++) cells.set(r, `note ${r}`);
      write(part, insertColumn(partText(pkg, part), NOTE_COL, cells));
    }),
  );
  const again = lazy(async () => runCli(await inserted(), "--lang", "en-US"));
  const compare = lazy(async () => compareXlsx(await inserted(), await again(), { replaces: ["Review 2026-06"] }));

  it("finds its columns where they moved and leaves the user's column as it was", async () => {
    const pkg = await openPackage(await again());
    expect(columnValues(pkg, "Customers", NOTE_COL, 3, 5)).toEqual(["My notes", "note 4", "note 5"]);
    const recorded = readRecord(pkg)!
      .owned.filter((o) => o.sheet === "Customers")
      .map((o) => o.col + 1);
    expect(recorded).not.toContain(NOTE_COL);
    expect(recorded).toHaveLength(15 + 13); // with the 13 receivable and screening columns
  });

  checkGroups(compare, {});
});

describe("the sample ledgers as written by another tool (openpyxl: inline strings, absolute part names), run once", () => {
  for (const [sample, lang, cells] of [
    [SAMPLE_ZH, "zh-CN", 51_427],
    [SAMPLE_EN, "en-US", 29_679],
  ] as const) {
    describe(sample.split("/").pop()!, () => {
      const compare = lazy(async () =>
        compareXlsx(readFileSync(sample), await runCli(readFileSync(sample), "--lang", lang)),
      );
      it("compares every user cell of the input sheets", async () => {
        expect((await compare()).cellsCompared).toBe(cells);
      });
      checkGroups(compare, {});
    });
  }
});

describe("a user's note right of a table, in the table's rows (guarantee 1)", () => {
  describe("with one free column beside the table, where the run adds two", () => {
    const input = lazy(async () => smallWorkbook({ noteBesideTable: "E5" }));
    const output = lazy(async () => runCli(await input(), "--lang", "zh-CN"));
    const compare = lazy(async () => compareXlsx(await input(), await output()));

    it("runs, and the comparer reads both input sheets", async () => {
      expect((await compare()).cellsCompared).toBe(191);
    });

    it("is kept", async () => {
      expect(
        (await compare()).findings.filter((f) => f.where === "订单表!E5").map((f) => `${f.check}: ${f.detail}`),
      ).toEqual([]);
      expect(columnValues(await openPackage(await output()), "订单表", 5, 5, 5)).toEqual(["待确认"]);
    });

    // As on the Office.js path: the table keeps its columns; ours start right of everything on the sheet (D60's note, E5).
    it("writes the new columns outside the table, from the sheet's first free column, and leaves the table as it was", async () => {
      const c = await compare();
      expect(c.owned.filter((o) => o.startsWith("订单表!"))).toEqual(["订单表!F", "订单表!G"]);
      const before = await openPackage(await input());
      const after = await openPackage(await output());
      const part = tablePart(before, "Orders");
      expect(partText(after, part)).toBe(partText(before, part));
      expect([6, 7].map((col) => columnValues(after, "订单表", col, 1, 1)[0])).toEqual(["客户等级", "新老客户"]);
    });

    checkGroups(compare, {});
  });

  describe("with three free columns beside the table, where the run adds two", () => {
    const input = lazy(async () => smallWorkbook({ noteBesideTable: "G5" }));
    const output = lazy(async () => runCli(await input(), "--lang", "zh-CN"));
    const compare = lazy(async () => compareXlsx(await input(), await output()));

    it("widens the table over the new columns and keeps the note where it was", async () => {
      const c = await compare();
      expect(c.owned.filter((o) => o.startsWith("订单表!"))).toEqual(["订单表!D", "订单表!E"]);
      expect(c.findings.filter((f) => f.where === "订单表!G5")).toEqual([]);
      const after = await openPackage(await output());
      expect(partText(after, tablePart(after, "Orders"))).toContain('ref="A1:E50"');
      expect(columnValues(after, "订单表", 7, 5, 5)).toEqual(["待确认"]);
    });

    checkGroups(compare, {});
  });
});
