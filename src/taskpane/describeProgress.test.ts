import { describeProgress } from "./describeProgress";

describe("describeProgress", () => {
  it("names the stage and how far through it, in English", () => {
    expect(describeProgress({ stage: "read", done: 2, total: 5 }, "en-US")).toEqual({
      stage: "Reading sheets",
      label: "Reading sheets: 2 of 5",
      value: 0.4,
    });
  });

  it("names the stage in Chinese", () => {
    expect(describeProgress({ stage: "write", done: 3, total: 4 }, "zh-CN")).toEqual({
      stage: "正在写入结果",
      label: "正在写入结果：3/4",
      value: 0.75,
    });
    expect(describeProgress({ stage: "compute", done: 1, total: 1 }, "zh-CN")).toEqual({
      stage: "正在计算",
      label: "正在计算：1/1",
      value: 1,
    });
  });

  describe("edge cases", () => {
    it("is indeterminate before the first report", () => {
      expect(describeProgress(null, "en-US")).toEqual({ stage: "Starting", label: "Starting", value: undefined });
    });

    it("is indeterminate when the total is unknown", () => {
      expect(describeProgress({ stage: "read", done: 0, total: 0 }, "en-US")).toEqual({
        stage: "Reading sheets",
        label: "Reading sheets",
        value: undefined,
      });
    });

    it("keeps the bar between 0 and 1 when done overshoots", () => {
      expect(describeProgress({ stage: "read", done: 7, total: 5 }, "en-US").value).toBe(1);
      expect(describeProgress({ stage: "read", done: -1, total: 5 }, "en-US").value).toBe(0);
    });
  });
});
