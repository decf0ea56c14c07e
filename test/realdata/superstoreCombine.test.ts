import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { SUPERSTORE_ZH } from "../fixtures/paths";
import { ownedByKey, readGrids, reportFigures, roundFigures } from "../support/compareReviews";
import { cutGrids, writeGrids } from "../support/cutWorkbook";
import { dumpWorkbook } from "../support/readBack";
import { describeFull } from "../support/tier";

/**
 * Real data, the team review (issue 17): the order log of 示例 - 超市 cut into three per-region
 * workbooks (its six 地区 dealt round-robin; 退货 and 销售人员 copied into each), combined
 * through the command line, gives the figures of the whole log. Full tier: the quick tier runs the
 * same cut-and-combine on both samples (test/cli/combine.test.ts, "gives exactly the whole
 * workbook's figures and customer columns"); this adds only the log's size (10,000 orders).
 */
describeFull("示例 - 超市 cut into three per-region workbooks and combined", () => {
  it("gives the whole log's analysis rows and customer columns", async () => {
    const dir = mkdtempSync(join(tmpdir(), "superstore-combine-"));
    const regions: string[] = [];
    const cuts = cutGrids(await readGrids(SUPERSTORE_ZH), 3, (_role, _row, text) => {
      const region = text("region");
      if (!regions.includes(region)) regions.push(region);
      return regions.indexOf(region) % 3;
    });
    expect(regions).toHaveLength(6);
    const files = cuts.map((_, i) => join(dir, `region${i + 1}.xlsx`));
    for (let i = 0; i < 3; i++) await writeGrids(cuts[i], files[i]);
    const say: string[] = [];
    expect(
      await main(
        [...files, "--out", join(dir, "team.xlsx")],
        (l) => say.push(l),
        (l) => say.push(l),
      ),
    ).toBe(0);
    expect(
      await main(
        [SUPERSTORE_ZH, "--out", join(dir, "whole.xlsx")],
        () => undefined,
        (l) => say.push(l),
      ),
    ).toBe(0);
    expect(say.filter((l) => l.startsWith("读取："))).toEqual(["读取：订单 10000 行，拜访 0 行，客户 790 个"]);
    const a = await dumpWorkbook(join(dir, "whole.xlsx"));
    const b = await dumpWorkbook(join(dir, "team.xlsx"));
    const figures = (book: typeof a) =>
      roundFigures(reportFigures(book.get("月度分析 2017-12")!, "月度活动表", "数据问题"));
    // Without a customer sheet, customers are numbered as the orders first name them, which
    // orders ties in the action list: from there on the rows are compared as a set.
    const split = (rows: unknown[][]) => {
      const at = rows.findIndex((r) => r[0] === "行动清单");
      return {
        before: rows.slice(0, at),
        after: rows
          .slice(at)
          .map((r) => JSON.stringify(r))
          .sort(),
      };
    };
    expect(split(figures(b))).toEqual(split(figures(a)));
    const owned = b.get("客户表")!.rows[0].slice(4) as string[];
    expect(owned).toContain("客户等级");
    expect(ownedByKey(b.get("客户表")!, 0, ["客户编号"], owned)).toEqual(
      ownedByKey(a.get("客户表")!, 0, ["客户编号"], owned),
    );
  });
});
