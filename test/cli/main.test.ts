import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { dumpWorkbook } from "../support/readBack";
import { SAMPLE_ZH as SAMPLE } from "../fixtures/paths";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function workbookFile(dir: string, name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("analyze (command line)", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "cli-"));
  });

  it("prints usage and exits 2 without an input or an output", async () => {
    expect((await run([])).code).toBe(2);
    const r = await run([SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--out");
  });

  it("refuses to write over its input without --in-place", async () => {
    const input = join(dir, "in.xlsx");
    copyFileSync(SAMPLE, input);
    const before = readFileSync(input);
    const r = await run([input, "--out", input]);
    expect(r.code).toBe(2);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("leaves its input untouched and writes the output", async () => {
    const input = join(dir, "in.xlsx");
    copyFileSync(SAMPLE, input);
    const before = readFileSync(input);
    const r = await run([input, "--out", join(dir, "out.xlsx")]);
    expect(r.code).toBe(0);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(statSync(join(dir, "out.xlsx")).size).toBeGreaterThan(0);
    expect(readdirSync(dir).sort()).toEqual(["in.xlsx", "out.xlsx"]);
  });

  it("writes into the input with --in-place", async () => {
    const input = join(dir, "in.xlsx");
    copyFileSync(SAMPLE, input);
    expect((await run([input, "--in-place"])).code).toBe(0);
    expect([...(await dumpWorkbook(input)).keys()]).toContain("月度分析 2026-10");
  });

  it("reviews another month with --month", async () => {
    const r = await run([SAMPLE, "--out", join(dir, "out.xlsx"), "--month", "2026-06"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("分析月份 2026-06，截止 2026-06-30");
    expect([...(await dumpWorkbook(join(dir, "out.xlsx"))).keys()]).toContain("月度分析 2026-06");
  });

  it("rejects a malformed --month with exit 2", async () => {
    const r = await run([SAMPLE, "--out", join(dir, "out.xlsx"), "--month", "2026-13"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("2026-13");
    expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
  });

  describe("invalid input", () => {
    it("names the missing amount column, the sheet and the headers it saw, and exits 2", async () => {
      const input = await workbookFile(dir, "invalid-no-amount.xlsx", {
        订单: [
          ["订单日期", "客户名称", "备注"],
          [new Date(Date.UTC(2026, 9, 1)), "甲公司", "x"],
        ],
      });
      const r = await run([input, "--out", join(dir, "out.xlsx")]);
      expect(r.code).toBe(2);
      expect(r.err).toBe("没有找到订单表：需要 金额 / 数量。\n工作表“订单”第 1 行的列：订单日期, 客户名称, 备注");
      expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
    });

    it("says so in English with --lang en-US", async () => {
      const input = await workbookFile(dir, "invalid-no-customer.xlsx", {
        Orders: [
          ["Order Date", "Amount"],
          [46296, 10],
        ],
      });
      const r = await run([input, "--out", join(dir, "out.xlsx"), "--lang", "en-US"]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        'No Orders sheet found: it needs customer ID / customer name.\nSheet "Orders" row 1 has: Order Date, Amount',
      );
    });

    it("stops with one message when no order row can be read", async () => {
      const input = await workbookFile(dir, "invalid-no-dates.xlsx", {
        Orders: [
          ["Order Date", "Customer", "Amount"],
          ["next Tuesday", "A", 1],
        ],
      });
      const r = await run([input, "--out", join(dir, "out.xlsx"), "--lang", "en-US"]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        'No row of the order sheet "Orders" could be read (1 data issues; the first: Orders!A2 Not a date). Fix those cells, or choose the review month.',
      );
    });

    it("completes on bad rows and reports them", async () => {
      const input = await workbookFile(dir, "invalid-rows.xlsx", {
        Orders: [
          ["Order Date", "Customer", "Amount"],
          [46296, "A", 100],
          ["next Tuesday", "B", 50],
          [46297, "C", "TBD"],
        ],
      });
      const r = await run([input, "--out", join(dir, "out.xlsx"), "--lang", "en-US"]);
      expect(r.code).toBe(0);
      expect(r.out).toContain("Rows skipped: 2 (see the data issues)");
    });
  });
});
