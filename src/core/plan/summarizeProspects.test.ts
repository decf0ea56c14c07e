import type { ClassedProspect } from "./planNextMonth";
import { summarizeProspects } from "./summarizeProspects";

const p = (
  salesperson: string | null,
  man: ClassedProspect["man"],
  closeness: ClassedProspect["closeness"],
): ClassedProspect => ({
  row: 1,
  name: "x",
  salesperson,
  man,
  closeness,
  lastVisit: null,
});

describe("summarizeProspects", () => {
  it("counts each salesperson's prospects by MAN class and closeness, with the shortfall against the target", () => {
    const prospects = [p("王", 1, "A"), p("王", 1, null), p("王", 8, "C"), p("李", 3, "B")];
    expect(summarizeProspects(prospects, ["王", "李"], 2)).toEqual([
      {
        salesperson: "李",
        byClass: [0, 0, 1, 0, 0, 0, 0, 0],
        byCloseness: [0, 1, 0],
        total: 1,
        target: 2,
        shortfall: 1,
      },
      {
        salesperson: "王",
        byClass: [2, 0, 0, 0, 0, 0, 0, 1],
        byCloseness: [1, 0, 1],
        total: 3,
        target: 2,
        shortfall: 0,
      },
    ]);
  });

  it("lists salespeople without prospects, names only the prospect sheet knows, and the unassigned last", () => {
    const out = summarizeProspects([p(null, 5, null), p("赵", 2, null)], ["钱", ""], 10);
    expect(out.map((x) => [x.salesperson, x.total, x.shortfall])).toEqual([
      ["赵", 1, 9],
      ["钱", 0, 10],
      ["", 1, 9],
    ]);
  });

  describe("edge cases", () => {
    it("leaves out the unassigned row when every prospect has a salesperson", () => {
      expect(summarizeProspects([p("钱", 1, "A")], ["钱"], 1).map((x) => x.salesperson)).toEqual(["钱"]);
    });
  });
});
