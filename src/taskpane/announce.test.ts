import { announce } from "./announce";
import { doneAnnouncement } from "./describeResults";
import { inspectionOf, SUMMARY } from "./testFixtures";

const inspection = inspectionOf();

describe("doneAnnouncement", () => {
  it("says the tier counts, the action list and the data issues", () => {
    expect(doneAnnouncement(SUMMARY, "en-US")).toBe("Done: A 3, B 5, C 9, D 2. Action list: 2. Data issues: 1.");
    expect(doneAnnouncement(SUMMARY, "zh-CN")).toBe(
      "完成：A 级 3，B 级 5，C 级 9，D 级 2。待跟进客户：2。数据问题：1。",
    );
  });
});

describe("announce", () => {
  it("announces a finished run, a cancelled one and an undone one", () => {
    expect(announce({ status: "done", inspection, summary: SUMMARY }, "en-US")).toBe(
      "Done: A 3, B 5, C 9, D 2. Action list: 2. Data issues: 1.",
    );
    expect(announce({ status: "ready", inspection, notice: "cancelled" }, "en-US")).toBe(
      "The run was cancelled. The workbook is as it was before the run.",
    );
    expect(announce({ status: "ready", inspection, notice: "undone" }, "zh-CN")).toBe(
      "已撤销上次运行，工作簿与该次运行前相同。",
    );
  });

  it("says nothing otherwise: failures take the focus instead", () => {
    expect(announce({ status: "loading" }, "en-US")).toBe("");
    expect(announce({ status: "ready", inspection }, "en-US")).toBe("");
    expect(announce({ status: "running", inspection, progress: null, cancelling: false }, "en-US")).toBe("");
    expect(announce({ status: "error", inspection, message: "x" }, "en-US")).toBe("");
  });
});
