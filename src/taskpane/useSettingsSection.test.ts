import { shown, spinValue } from "./useSettingsSection";

describe("spinValue", () => {
  it("takes the stepped value", () => {
    expect(spinValue({ value: 35 })).toBe(35);
  });

  it("takes what was typed, with or without a percent sign", () => {
    expect(spinValue({ value: undefined, displayValue: "25" })).toBe(25);
    expect(spinValue({ value: null, displayValue: " 12.5% " })).toBe(12.5);
  });

  describe("invalid input", () => {
    it("is null when cleared and NaN for text", () => {
      expect(spinValue({ value: undefined, displayValue: "" })).toBeNull();
      expect(spinValue({ value: undefined, displayValue: "abc" })).toBeNaN();
    });
  });
});

describe("shown", () => {
  it("shows NaN as blank", () => {
    expect(shown(Number.NaN)).toBeNull();
    expect(shown(3)).toBe(3);
    expect(shown(null)).toBeNull();
  });
});
