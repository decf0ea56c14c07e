import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { main } from "../../src/cli/main";
import { SAMPLE_EN, SAMPLE_ZH } from "../fixtures/paths";
import { ownedByKey, readGrids, reportFigures, roundFigures } from "../support/compareReviews";
import { cutGrids, writeGrids } from "../support/cutWorkbook";
import { dumpWorkbook, rowOf } from "../support/readBack";

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err: err.join("\n") };
}

/** Cuts a workbook into `parts` per-salesperson workbooks (salespeople dealt round-robin), each with the whole customer sheet. */
async function cutBySalesperson(file: string, dir: string, parts: number): Promise<string[]> {
  const reps: string[] = [];
  const cuts = cutGrids(await readGrids(file), parts, (_role, _row, text) => {
    const rep = text("salesperson");
    if (!reps.includes(rep)) reps.push(rep);
    return reps.indexOf(rep) % parts;
  });
  const files = cuts.map((_, i) => join(dir, `rep${i + 1}.xlsx`));
  for (let i = 0; i < parts; i++) await writeGrids(cuts[i], files[i]);
  return files;
}

const CASES = [
  {
    name: "zh-CN sample",
    file: SAMPLE_ZH,
    lang: "zh-CN",
    review: "月度分析 2026-10",
    customers: "客户表",
    headerRow: 0,
    key: "客户编号",
    source: "来源",
    monthly: "月度活动表",
    issues: "数据问题",
  },
  {
    name: "en-US sample",
    file: SAMPLE_EN,
    lang: "en-US",
    review: "Review 2026-06",
    customers: "Customers",
    headerRow: 2,
    key: "Customer ID",
    source: "Source",
    monthly: "Monthly activity",
    issues: "Data issues",
  },
] as const;

describe("analyze with several workbooks (team review)", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "combine-"));
  });

  describe.each(CASES)("$name cut into three per-salesperson workbooks", (c) => {
    it("gives exactly the whole workbook's figures and customer columns", async () => {
      const parts = await cutBySalesperson(c.file, dir, 3);
      const team = await run([...parts, "--out", join(dir, "team.xlsx"), "--lang", c.lang]);
      expect(team.err).toBe("");
      expect(team.code).toBe(0);
      const whole = await run([c.file, "--out", join(dir, "whole.xlsx"), "--lang", c.lang]);
      expect(whole.code).toBe(0);
      // The single-workbook summary lines after the per-input ones are the same, but for the sheet names.
      expect(team.out.slice(-5)).toEqual(whole.out.slice(-5).map((l) => l.replace("whole.xlsx", "team.xlsx")));
      const a = await dumpWorkbook(join(dir, "whole.xlsx"));
      const b = await dumpWorkbook(join(dir, "team.xlsx"));
      // Ratios are quotients of sums added in another row order: equal to 13 significant digits, not always to the last bit.
      const figures = (book: typeof a) => roundFigures(reportFigures(book.get(c.review)!, c.monthly, c.issues));
      expect(figures(b)).toEqual(figures(a));
      const combined = b.get(c.customers)!;
      // The Source column is written as shared strings: ExcelJS reads each row's files back.
      const source = combined.rows[0].indexOf(c.source);
      expect(combined.rows.slice(1).every((row) => parts.some((p) => String(row[source]).includes(basename(p))))).toBe(
        true,
      );
      const owned = combined.rows[0].slice(source + 1) as string[];
      expect(owned.length).toBeGreaterThan(10);
      expect(ownedByKey(combined, 0, [c.key], owned)).toEqual(
        ownedByKey(a.get(c.customers)!, c.headerRow, [c.key], owned),
      );
    });
  });

  it("counts a row held by two files once, keeps two identical lines of one file, and names both files of a conflict", async () => {
    const master = join(dir, "master.xlsx");
    const zhang = join(dir, "zhang.xlsx");
    await writeGrids(
      [
        {
          sheet: "客户表",
          origin: { row: 0, col: 0 },
          values: [
            ["客户编号", "客户名称", "信用额度"],
            ["C1", "甲公司", 5000],
          ],
        },
        {
          sheet: "订单表",
          origin: { row: 0, col: 0 },
          values: [
            ["订单日期", "客户编号", "金额"],
            [46296, "C1", 100],
            [46296, "C1", 100],
            [46297, "C1", 40],
          ],
        },
      ],
      master,
    );
    await writeGrids(
      [
        {
          sheet: "Customers",
          origin: { row: 0, col: 0 },
          values: [
            ["Customer ID", "Customer", "Credit Limit"],
            ["C1", "甲公司", 8000],
          ],
        },
        {
          sheet: "Orders",
          origin: { row: 0, col: 0 },
          values: [
            ["Order Date", "Customer ID", "Amount"],
            ["2026-10-02", "C1", 40],
          ],
        },
      ],
      zhang,
    );
    const r = await run([master, zhang, "--out", join(dir, "team.xlsx")]);
    expect(r.err).toBe("");
    expect(r.out.slice(0, 2)).toEqual([
      "master.xlsx：客户表“客户表”（读取 1 / 1 行），订单表“订单表”（读取 3 / 3 行）；1 行与其他工作簿相同",
      "zhang.xlsx：客户表“Customers”（读取 1 / 1 行），订单表“Orders”（读取 1 / 1 行）；1 行与其他工作簿相同",
    ]);
    const book = await dumpWorkbook(join(dir, "team.xlsx"));
    expect(book.get("订单表")!.rows.map((row) => row.slice(0, 4))).toEqual([
      ["订单日期", "客户编号", "金额", "来源"],
      [46296, "C1", 100, "master.xlsx: 订单表"],
      [46296, "C1", 100, "master.xlsx: 订单表"],
      [46297, "C1", 40, "master.xlsx: 订单表; zhang.xlsx: Orders"],
    ]);
    expect(book.get("客户表")!.rows[1].slice(0, 4)).toEqual([
      "C1",
      "甲公司",
      5000,
      "master.xlsx: 客户表; zhang.xlsx: Customers",
    ]);
    const report = book.get("月度分析 2026-10")!;
    const issues = rowOf(report, "数据问题");
    expect(report.rows[issues + 3].slice(0, 5)).toEqual([
      "[zhang.xlsx]Customers",
      "C2",
      "信用额度",
      "zhang.xlsx: 8000 ≠ master.xlsx: 5000",
      "两个工作簿的值不同，采用先列出的工作簿的值",
    ]);
  });

  it("stops before writing anything when one input cannot be read, naming it", async () => {
    const parts = await cutBySalesperson(SAMPLE_EN, dir, 2);
    const csv = join(dir, "notes.csv");
    writeFileSync(csv, "Order Date,Customer,Amount\n2026-06-01,A,1\n");
    const out = join(dir, "team.xlsx");
    const r = await run([parts[0], csv, parts[1], "--out", out, "--lang", "en-US"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `"${csv}" is a text file (such as CSV), not an .xlsx workbook. Open it in Excel, save it as "Excel Workbook (*.xlsx)", then run again. Nothing was written.`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("stops naming the input whose package is damaged, with nothing written", async () => {
    const parts = await cutBySalesperson(SAMPLE_EN, dir, 2);
    const broken = join(dir, "broken.xlsx");
    writeFileSync(broken, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(64)]));
    const out = join(dir, "team.xlsx");
    const r = await run([parts[0], parts[1], broken, "--out", out, "--lang", "en-US"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`"${broken}"`);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses an --out that is one of the inputs", async () => {
    const parts = await cutBySalesperson(SAMPLE_EN, dir, 2);
    const r = await run([parts[0], parts[1], "--out", parts[1], "--lang", "en-US"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `--out "${parts[1]}" is one of the inputs; a team review is written to a new workbook. Choose another name. Nothing was written.`,
    );
  });
});
