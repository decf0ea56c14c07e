import { themeFor } from "./themeFor";

describe("themeFor", () => {
  it("is light for Office's white and colorful themes", () => {
    expect(themeFor("#FFFFFF")).toBe("light");
    expect(themeFor("#f3f2f1")).toBe("light");
  });

  it("is dark for Office's black and dark gray themes", () => {
    expect(themeFor("#262626")).toBe("dark");
    expect(themeFor("#000000")).toBe("dark");
    expect(themeFor("#444")).toBe("dark");
  });

  it("reads colours without the leading #", () => {
    expect(themeFor("1f1f1f")).toBe("dark");
  });

  describe("edge cases", () => {
    it("takes mid grey #808080 (brightness 128) as light", () => {
      expect(themeFor("#808080")).toBe("light");
      expect(themeFor("#7f7f7f")).toBe("dark");
    });
  });

  describe("invalid input", () => {
    it("is light when there is no Office or no colour", () => {
      expect(themeFor(undefined)).toBe("light");
      expect(themeFor(null)).toBe("light");
      expect(themeFor("")).toBe("light");
      expect(themeFor("rgb(0,0,0)")).toBe("light");
    });
  });
});
