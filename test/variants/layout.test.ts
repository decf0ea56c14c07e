import { readFileSync } from "node:fs";
import type ExcelJS from "exceljs";
import { loadWorkbook, sheetTables } from "../support/loadWorkbook";
import { itWritesTheSameFigures, type Role } from "./sameFigures";
import {
  headerRowOf,
  loadSample,
  renameHeader,
  runCli,
  SAMPLE,
  saveVariant,
  sheetOf,
  SHEETS,
  tableModels,
  type Run,
} from "./support";

/**
 * Metamorphic tests, variants 1–3: the sample workbook laid out differently but
 * holding the same data. Each must give exactly the original run's figures.
 */
let original: Run;
beforeAll(async () => {
  original = await runCli(SAMPLE);
});

/**
 * Variant 1: other header names for every column, and neutral sheet names
 * (Sheet1 … Sheet4). Sheets are found by their headers, matched case-, width-
 * and whitespace-insensitively.
 */
const NEUTRAL: Record<Role, string> = { customers: "Sheet1", orders: "Sheet2", visits: "Sheet3", costs: "Sheet4" };

async function renamed(name: string, headers: Record<Role, Record<string, string>>): Promise<Run> {
  const wb = await loadSample();
  for (const role of Object.keys(SHEETS) as Role[]) {
    const ws = wb.getWorksheet(SHEETS[role]) as ExcelJS.Worksheet;
    for (const [from, to] of Object.entries(headers[role])) renameHeader(ws, from, to);
    ws.name = NEUTRAL[role];
  }
  return runCli(await saveVariant(wb, name));
}

const HEADER_SETS: { title: string; name: string; headers: Record<Role, Record<string, string>> }[] = [
  {
    title: "Chinese synonyms",
    name: "synonyms-zh",
    headers: {
      customers: {
        客户编号: "客户代码",
        客户名称: "单位名称",
        业务员: "销售代表",
        区域: "片区",
        首次交易日期: "合作开始日期",
        信用额度: "授信额度",
        生日: "出生日期",
      },
      orders: {
        订单号: "订单编号",
        订单日期: "下单日期",
        客户编号: "客户号",
        金额: "订货额",
        毛利: "利润额",
        已回款: "回款金额",
      },
      visits: { 拜访日期: "日期", 客户编号: "客户ID", 业务员: "客户经理", 费用: "差旅费" },
      costs: { 业务员: "负责人", 工资: "底薪", 提成: "佣金", 差旅费: "交通费" },
    },
  },
  {
    title: "English, full-width, spaced and unit-suffixed headers",
    name: "synonyms-forms",
    headers: {
      customers: {
        客户编号: "ＣＵＳＴＯＭＥＲ ＩＤ",
        客户名称: "Customer  Name",
        业务员: " sales rep ",
        区域: "TERRITORY",
        首次交易日期: "Customer Since",
        信用额度: "Credit Limit",
        生日: "Date of Birth",
      },
      orders: {
        订单号: "Order No",
        订单日期: "订单　日期",
        客户编号: "客户 编号",
        金额: "金额(元)",
        毛利: "Gross Margin",
        已回款: "Amount Paid",
      },
      visits: { 拜访日期: "Visit Date", 客户编号: "ｃｕｓｔｏｍｅｒ ｃｏｄｅ", 业务员: "Rep", 费用: "Travel Cost" },
      costs: { 月份: "ＭＯＮＴＨ", 业务员: "Owner", 工资: "Salary", 提成: "Commission", 差旅费: "Travel" },
    },
  },
  {
    title: "the shortest synonyms, shared by several fields or sheets",
    name: "synonyms-short",
    headers: {
      customers: {
        客户编号: "客户号",
        客户名称: "客户",
        业务员: "Owner",
        区域: "城市",
        首次交易日期: "起始交易时间",
        信用额度: "信用额度",
        生日: "Birthday",
      },
      orders: {
        订单号: "单号",
        订单日期: "日期",
        客户编号: "Account ID",
        金额: "含税金额",
        毛利: "毛利额",
        已回款: "已收款",
      },
      visits: { 拜访日期: "Date", 客户编号: "客户代码", 业务员: "销售员", 费用: "拜访费用" },
      costs: { 月份: "Month", 业务员: "Salesperson", 工资: "工资", 提成: "提成", 差旅费: "其他费用" },
    },
  },
];

describe.each(HEADER_SETS)("variant: $title, neutral sheet names", ({ name, headers }) => {
  let run: Run;
  beforeAll(async () => {
    run = await renamed(name, headers);
  });

  it("builds the variant as meant: neutral sheet names, every header renamed", () => {
    const missing = (Object.keys(NEUTRAL) as Role[]).flatMap((role) =>
      Object.values(headers[role]).filter((h) => !sheetOf(run.input, NEUTRAL[role]).rows[0].includes(h)),
    );
    expect({ sheets: [...run.input.keys()], missing }).toEqual({ sheets: Object.values(NEUTRAL), missing: [] });
  });

  itWritesTheSameFigures(
    () => original,
    () => run,
    { sheets: NEUTRAL },
  );
});

/**
 * Variant 2: every Excel table turned into a plain range, with one to three title
 * rows (and mostly a blank row) inserted above its header. Headers are looked for
 * in the first 10 rows, so every figure stays, and every data issue's address
 * moves down by exactly the rows inserted above it.
 */
describe("variant: title rows above every header, plain ranges", () => {
  const TITLES: Record<Role, (string | null)[][]> = {
    customers: [["客户档案 2026"], []],
    orders: [["订单明细"], ["制表：销售部", null, null, null, "单位：元"], []],
    visits: [["拜访记录"], ["2024-11 至 2026-10"], ["（内部资料）"], []],
    costs: [["业务员费用"]],
  };
  const PROBE: Record<Role, string> = { customers: "客户名称", orders: "订单号", visits: "拜访日期", costs: "月份" };
  let run: Run;
  let tablesLeft: string[];
  beforeAll(async () => {
    const wb = await loadSample();
    for (const role of Object.keys(SHEETS) as Role[]) {
      const ws = wb.getWorksheet(SHEETS[role]) as ExcelJS.Worksheet;
      for (const t of tableModels(ws)) ws.removeTable(t.name);
      ws.spliceRows(1, 0, ...TITLES[role]);
    }
    const file = await saveVariant(wb, "title-rows");
    tablesLeft = (await loadWorkbook(readFileSync(file))).worksheets.flatMap((ws) =>
      sheetTables(ws).map((t) => t.name),
    );
    run = await runCli(file);
  });

  it("builds the variant as meant: no tables, headers moved down", () => {
    const headers = Object.fromEntries(
      (Object.keys(SHEETS) as Role[]).map((role) => [
        role,
        headerRowOf(sheetOf(run.input, SHEETS[role]), PROBE[role]) + 1,
      ]),
    );
    expect({ tablesLeft, headers }).toEqual({
      tablesLeft: [],
      headers: { customers: 3, orders: 4, visits: 5, costs: 2 },
    });
  });

  itWritesTheSameFigures(
    () => original,
    () => run,
    { sheets: SHEETS, shift: { customers: 2, orders: 3, visits: 4, costs: 1 } },
  );
});

/**
 * Variant 3: orders and visits name their customer (客户名称, looked up from 客户表)
 * instead of its id; the unmatched X00n keep their code as the name. Some names
 * are padded with spaces, and the X00n are written in other case and width:
 * customer keys are trimmed and folded. Orders without ids match by name.
 */
describe("variant: orders and visits keyed by customer name", () => {
  const X_FORMS = (x: string, i: number) =>
    [x, ` ${x.toLowerCase()} `, x.replace(/[0-9A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))][i % 3];
  let run: Run;
  beforeAll(async () => {
    const wb = await loadSample();
    const names = new Map<string, string>();
    (wb.getWorksheet(SHEETS.customers) as ExcelJS.Worksheet).eachRow((row, r) => {
      const [id, name] = [row.getCell(1).value, row.getCell(2).value];
      if (r > 1 && typeof id === "string" && typeof name === "string" && !names.has(id)) names.set(id, name);
    });
    for (const [sheet, col] of [
      [SHEETS.orders, 3],
      [SHEETS.visits, 2],
    ] as const) {
      const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
      renameHeader(ws, "客户编号", "客户名称");
      ws.eachRow((row, r) => {
        const cell = row.getCell(col);
        if (r === 1 || typeof cell.value !== "string") return;
        const name = names.get(cell.value);
        cell.value = name === undefined ? X_FORMS(cell.value, r) : r % 7 === 0 ? `  ${name} ` : name;
      });
    }
    run = await runCli(await saveVariant(wb, "keyed-by-name"));
  });

  it("builds the variant as meant: names in the order and visit sheets, X00n in three forms", () => {
    const orders = sheetOf(run.input, SHEETS.orders).rows;
    const visits = sheetOf(run.input, SHEETS.visits).rows;
    expect({
      orders: [orders[0][2], orders[1][2], orders[6][2]],
      visits: [visits[0][1], visits[1][1]],
      unmatched: [...new Set(orders.map((r) => r[2]).filter((v) => /^\s*[xXＸ]/.test(String(v))))].sort(),
    }).toEqual({
      orders: ["客户名称", "苏州锦程五金有限公司", "  苏州永盛食品有限公司 "],
      visits: ["客户名称", "苏州万隆化工有限公司"],
      unmatched: [" x001 ", " x002 ", " x003 ", "X001", "X002", "X003", "Ｘ００１", "Ｘ００２", "Ｘ００３"],
    });
  });

  itWritesTheSameFigures(
    () => original,
    () => run,
    { sheets: SHEETS, unmatchedByKey: true },
  );
});
