import { AMOUNT_NOISE, MAX_AMOUNT, readAmount } from "./cells";

describe("readAmount at the edge of what sums can hold", () => {
  it("reads amounts up to ±10^15", () => {
    expect(MAX_AMOUNT).toBe(1e15);
    expect(readAmount(1e15)).toEqual({ ok: true, value: 1e15 });
    expect(readAmount(-1e15)).toEqual({ ok: true, value: -1e15 });
    expect(readAmount("1,000,000,000,000,000")).toEqual({ ok: true, value: 1e15 });
    expect(readAmount("(1000000000000000)")).toEqual({ ok: true, value: -1e15 });
  });

  it("does not read larger ones, so that a million of them still sum to a finite number", () => {
    for (const v of [
      1.000000000000001e15,
      1e308,
      -Number.MAX_VALUE,
      "1e309",
      "10000000000000000",
      "1000000000000000000000万",
    ]) {
      expect([v, readAmount(v)]).toEqual([v, { ok: false, problem: "notANumber" }]);
    }
  });

  it("reads amounts below a millionth (formula noise, denormals) as 0, so no ratio over them overflows", () => {
    expect(AMOUNT_NOISE).toBe(1e-6);
    expect(readAmount(5e-324)).toEqual({ ok: true, value: 0 });
    expect(readAmount(0.1 + 0.2 - 0.3)).toEqual({ ok: true, value: 0 });
    expect(readAmount("0.0000009")).toEqual({ ok: true, value: 0 });
    expect(readAmount(0.000001)).toEqual({ ok: true, value: 0.000001 });
    expect(readAmount("-0.000001")).toEqual({ ok: true, value: -0.000001 });
  });
});
