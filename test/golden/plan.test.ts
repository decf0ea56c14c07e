import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { EXPECTED_EN, EXPECTED_ZH, SAMPLE_EN, SAMPLE_ZH } from "../fixtures/paths";
import { creditLimits, customerKeyOf, expectedReceivables, serialOf } from "../support/expectedReceivables";
import { dumpWorkbook, type SheetDump } from "../support/readBack";
import type { Cell } from "../../src/core/_lib/cells";

/**
 * Golden test of next month's plan (issue 16): the command line with --plan on both samples,
 * the plan sheet read back with ExcelJS and checked against lists computed here from the
 * independently computed figures of test/fixtures/samples/expected-*.json, the credit flags of
 * test/support/expectedReceivables.ts and the input's own birthday cells — not from the engine.
 */

interface Expected {
  customers: Record<
    string,
    {
      tier: string;
      change: string;
      due: string | null;
      overdue_days: number | null;
    }
  >;
}

/** yyyy-mm-dd of a 1900-system serial, by plain arithmetic (Excel's day 0 is 1899-12-30 for serials past 60). */
const iso = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);

const cases = [
  {
    lang: "zh-CN" as const,
    input: SAMPLE_ZH,
    expected: EXPECTED_ZH,
    month: "2026-10",
    asOf: "2026-10-31",
    sheet: "拜访计划 2026-11",
    planEnd: "2026-11-30",
    customers: "客户表",
    credit: {
      orders: "订单表",
      headerRow: 0,
      id: "客户编号",
      limit: "信用额度",
      columns: { headerRow: 0, date: "订单日期", customer: "客户编号", amount: "金额", paid: "已回款" },
    },
    sections: { visits: "拜访", greetings: "吉祥日", prospects: "潜在客户" },
    // Official 2026 schedule (国办发明电〔2025〕7号): no holiday and no make-up day in November 2026.
    holidays: [] as string[],
    makeUp: [] as string[],
    reasons: {
      due: "到期",
      down: "订货下降",
      lost: "流失",
      collect: "催收",
      overdue: (n: number) => `逾期${n}天`,
      sep: "、",
      birthday: "生日",
    },
  },
  {
    lang: "en-US" as const,
    input: SAMPLE_EN,
    expected: EXPECTED_EN,
    month: "2026-06",
    asOf: "2026-06-30",
    sheet: "Plan 2026-07",
    planEnd: "2026-07-31",
    customers: "Customers",
    credit: {
      orders: "Orders",
      headerRow: 2,
      id: "Customer ID",
      limit: "Credit Limit",
      columns: { headerRow: 2, date: "Order Date", customer: "Customer ID", amount: "Amount", paid: "Paid" },
    },
    sections: {
      visits: "Visits",
      greetings: "Greetings",
      prospects: "Prospects",
    },
    // 5 U.S.C. 6103: Independence Day 2026 falls on a Saturday and is observed on Friday 3 July.
    holidays: ["2026-07-03"],
    makeUp: [] as string[],
    reasons: {
      due: "Due",
      down: "Down",
      lost: "Lost",
      collect: "Collect",
      overdue: (n: number) => `Overdue ${n} days`,
      sep: ", ",
      birthday: "Birthday",
    },
  },
];

function section(sheet: SheetDump, title: string): Cell[][] {
  const start = sheet.rows.findIndex((r) => r[0] === title);
  const rows: Cell[][] = [];
  for (let r = start + 2; r < sheet.rows.length && sheet.rows[r].some((c) => c !== null); r++) rows.push(sheet.rows[r]);
  return rows;
}

describe.each(cases)("the plan on the $lang sample, review $month", (c) => {
  let plan: SheetDump;
  let input: Map<string, SheetDump>;
  const expected = JSON.parse(readFileSync(c.expected, "utf8")) as Expected;

  beforeAll(async () => {
    const out = join(mkdtempSync(join(tmpdir(), "plan-")), "out.xlsx");
    const printed: string[] = [];
    const code = await main(
      [c.input, "--out", out, "--lang", c.lang, "--month", c.month, "--plan"],
      (l) => printed.push(l),
      (l) => printed.push(l),
    );
    expect({ code, printed: code === 0 ? [] : printed }).toEqual({
      code: 0,
      printed: [],
    });
    plan = (await dumpWorkbook(out)).get(c.sheet)!;
    input = await dumpWorkbook(c.input);
  }, 120_000);

  it("lists exactly the customers SPEC.md requires, with every reason", () => {
    const k = c.credit;
    const limits = creditLimits(input.get(c.customers)!, k.headerRow, k.id, k.limit);
    const credit = expectedReceivables(input.get(k.orders)!, k.columns, serialOf(c.asOf), limits);
    const want = new Map<string, string>();
    for (const [id, x] of Object.entries(expected.customers)) {
      if (x.tier === "D") continue;
      const reasons: string[] = [];
      if ((x.overdue_days ?? 0) > 0) reasons.push(c.reasons.overdue(x.overdue_days!));
      else if (x.due !== null && x.due <= c.planEnd) reasons.push(c.reasons.due);
      if (x.tier !== "C" && x.change === "Down") reasons.push(c.reasons.down);
      if (x.tier !== "C" && x.change === "Lost") reasons.push(c.reasons.lost);
      if (credit.get(customerKeyOf(id)!)?.flag) reasons.push(c.reasons.collect);
      if (reasons.length > 0) want.set(id, reasons.join(c.reasons.sep));
    }
    const got = new Map(section(plan, c.sections.visits).map((r) => [r[3] as string, r[6] as string]));
    expect(got.size).toBe(want.size);
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
  });

  it("dates every row on a working day, one region and at most 4 visits a salesperson a day", () => {
    const rows = section(plan, c.sections.visits);
    const perDay = new Map<string, { regions: Set<Cell>; n: number }>();
    for (const r of rows) {
      expect(typeof r[1]).toBe("number"); // the samples fit in the month: no Over capacity row
      const day = iso(r[1] as number);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      expect({
        day,
        working: c.makeUp.includes(day) || (weekday >= 1 && weekday <= 5 && !c.holidays.includes(day)),
      }).toEqual({ day, working: true });
      expect(day.slice(0, 7)).toBe(c.planEnd.slice(0, 7));
      const key = `${r[0]}|${day}`;
      const slot = perDay.get(key) ?? { regions: new Set(), n: 0 };
      slot.regions.add(r[2]);
      slot.n++;
      perDay.set(key, slot);
    }
    for (const [key, slot] of perDay)
      expect({ key, regions: slot.regions.size, fits: slot.n <= 4 }).toEqual({
        key,
        regions: 1,
        fits: true,
      });
  });

  it("greets every A–C birthday of the plan month", () => {
    const sheet = input.get(c.customers)!;
    const header = sheet.rows.findIndex((r) => r.includes(c.lang === "zh-CN" ? "生日" : "Birthday"));
    const col = sheet.rows[header].indexOf(c.lang === "zh-CN" ? "生日" : "Birthday");
    const want: string[] = [];
    for (const r of sheet.rows.slice(header + 1)) {
      const id = r[0] as string;
      const born = typeof r[col] === "number" ? iso(r[col] as number) : null;
      if (!born || expected.customers[id]?.tier === "D" || born.slice(5, 7) !== c.planEnd.slice(5, 7)) continue;
      want.push(`${c.planEnd.slice(0, 4)}-${born.slice(5)} ${id}`);
    }
    const got = section(plan, c.sections.greetings)
      .filter((r) => r[1] === c.reasons.birthday)
      .map((r) => `${iso(r[0] as number)} ${r[2]}`);
    expect(want.length).toBeGreaterThan(0);
    expect(got.sort()).toEqual(want.sort());
  });
});
