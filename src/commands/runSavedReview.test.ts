import { fakeHost, inspectionOf, SUMMARY } from "../taskpane/testFixtures";
import { runSavedReview } from "./runSavedReview";

describe("runSavedReview", () => {
  it("runs with the saved settings in the workbook's saved language", async () => {
    const host = fakeHost({
      inspect: async (lang) => (
        host.calls.push(["inspect", lang]),
        inspectionOf({ settings: { lang: "en-US", threshold: 0.2 } })
      ),
    });
    expect(await runSavedReview(host, "zh-CN")).toEqual({ ok: true, summary: SUMMARY });
    expect(host.calls).toEqual([
      ["inspect", "zh-CN"],
      ["run", { lang: "en-US", settings: {} }],
    ]);
  });

  it("uses Office's language when the workbook saved none", async () => {
    const host = fakeHost();
    await runSavedReview(host, "zh-CN");
    expect(host.calls[1]).toEqual(["run", { lang: "zh-CN", settings: {} }]);
  });

  describe("invalid input", () => {
    it("ignores a saved language the add-in does not have", async () => {
      const host = fakeHost({ inspect: async () => inspectionOf({ settings: { lang: "fr-FR" } }) });
      await runSavedReview(host, "en-US");
      expect(host.calls).toEqual([["run", { lang: "en-US", settings: {} }]]);
    });

    it("passes a failed run's outcome on", async () => {
      const host = fakeHost({ run: async () => ({ ok: false, code: "ProtectedWorksheet", message: "protected" }) });
      expect(await runSavedReview(host, "en-US")).toEqual({
        ok: false,
        code: "ProtectedWorksheet",
        message: "protected",
      });
    });
  });
});
