import { buildRunRequest } from "./buildRunRequest";
import { initMapping, mappingReducer } from "./mappingState";
import { initSettings } from "./settingsState";
import { inspectionOf } from "./testFixtures";

const inspection = inspectionOf();
const start = initSettings(inspection);
const mapping = initMapping(inspection.detection);

describe("buildRunRequest", () => {
  it("sends only the language when nothing changed", () => {
    expect(buildRunRequest("zh-CN", start, start, mapping, inspection)).toEqual({ lang: "zh-CN", settings: {} });
  });

  it("sends another month, padded", () => {
    expect(buildRunRequest("en-US", { ...start, month: "2026-9" }, start, mapping, inspection)).toEqual({
      lang: "en-US",
      month: "2026-09",
      settings: {},
    });
  });

  it("sends changed settings and mapping overrides together", () => {
    const edited = mappingReducer(mapping, { type: "column", role: "orders", field: "region", col: 4 });
    expect(
      buildRunRequest("zh-CN", { ...start, baseline: "lastYear", thresholdPct: 25 }, start, edited, inspection),
    ).toEqual({
      lang: "zh-CN",
      settings: {
        baseline: "lastYear",
        threshold: 0.25,
        overrides: { orders: { sheet: "订单", headerRow: 0, columns: { region: 4 } } },
      },
    });
  });

  describe("edge cases", () => {
    it("sends no month when the field is blank or says the same month", () => {
      expect(buildRunRequest("en-US", { ...start, month: "" }, start, mapping, inspection).month).toBeUndefined();
      expect(
        buildRunRequest("en-US", { ...start, month: "2026-10 " }, start, mapping, inspection).month,
      ).toBeUndefined();
    });

    it("works without a detection (no order sheet yet) once the user picks one", () => {
      const none = inspectionOf({ detection: undefined, latestMonth: undefined, missing: "No Orders sheet found" });
      const picked = mappingReducer(initMapping(undefined), { type: "sheet", role: "orders", sheet: "说明" });
      const s = initSettings(none);
      expect(buildRunRequest("en-US", s, s, picked, none)).toEqual({
        lang: "en-US",
        settings: { overrides: { orders: { sheet: "说明" } } },
      });
    });
  });
});
