import { describeError, missingExcel, officeEnvironment } from "./officeEnvironment";

describe("officeEnvironment", () => {
  it("follows Office's display language and theme", () => {
    const env = officeEnvironment({
      displayLanguage: "zh-CN",
      officeTheme: { bodyBackgroundColor: "#262626" },
      requirements: { isSetSupported: (n, v) => n === "ExcelApi" && v === "1.12" },
    });
    expect([
      env.lang,
      env.theme,
      env.isSetSupported("ExcelApi", "1.12"),
      env.isSetSupported("ExcelApi", "1.20"),
    ]).toEqual(["zh-CN", "dark", true, false]);
  });

  it("takes Chinese locales other than zh-CN as zh-CN and others as en-US", () => {
    expect(officeEnvironment({ displayLanguage: "zh-TW" }).lang).toBe("zh-CN");
    expect(officeEnvironment({ displayLanguage: "de-DE" }).lang).toBe("en-US");
  });

  describe("edge cases", () => {
    it("is en-US, light and supports nothing outside Office", () => {
      const env = officeEnvironment(undefined);
      expect([env.lang, env.theme, env.isSetSupported("ExcelApi", "1.1")]).toEqual(["en-US", "light", false]);
    });

    it("copes with Office properties that throw", () => {
      const context = {
        get displayLanguage(): string {
          throw new Error("not in Office");
        },
        get officeTheme(): { bodyBackgroundColor: string } {
          throw new Error("not in Office");
        },
      };
      const env = officeEnvironment(context);
      expect([env.lang, env.theme]).toEqual(["en-US", "light"]);
    });
  });
});

describe("missingExcel", () => {
  it("fails every call in words", async () => {
    await expect(missingExcel("en-US").run(async () => 1)).rejects.toThrow(
      "This page runs inside Excel. Open it from Excel's Home tab (Sales Review).",
    );
  });
});

describe("describeError", () => {
  it("says the page must run inside Excel, in the pane's language", async () => {
    const error = await missingExcel("en-US")
      .run(async () => 1)
      .catch((e: unknown) => e);
    expect(describeError(error, "zh-CN")).toBe("此页面需要在 Excel 中运行。请从 Excel“开始”选项卡中的“销售分析”打开。");
  });

  it("words Office's errors with what to do next", () => {
    expect(describeError(Object.assign(new Error("x"), { code: "InvalidOperationInCellEditMode" }), "en-US")).toBe(
      "Excel is editing a cell. Press Enter or Esc in the sheet, then run again.",
    );
  });
});
