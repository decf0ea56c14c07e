/**
 * The fast path of test/support/fastToEqual.ts gives Jest's verdicts: equal values pass, unequal
 * ones fail with Jest's own diff, `.not` and asymmetric matchers behave as in Jest.
 */
import { fastPassCount } from "./fastToEqual";

describe("toEqual with its fast path", () => {
  it("passes equal values, however deep, by the fast path", () => {
    const before = fastPassCount();
    expect({ a: [1, "x", { b: new Map([["k", [2]]]) }] }).toEqual({ a: [1, "x", { b: new Map([["k", [2]]]) }] });
    expect(fastPassCount()).toBe(before + 1);
  });

  it("still forgives what Jest's toEqual forgives: undefined properties, class instances", () => {
    class Point {
      constructor(readonly x: number) {}
    }
    expect({ a: 1, b: undefined }).toEqual({ a: 1 });
    const before = fastPassCount();
    expect(new Point(1)).toEqual({ x: 1 });
    expect(fastPassCount()).toBe(before); // Jest's path said so
  });

  it("fails unequal values with Jest's diff", () => {
    expect(() => expect({ a: [1, 2] }).toEqual({ a: [1, 3] })).toThrow(/Expected.*\n.*Received/s);
    expect(() => expect([0]).toEqual([-0])).toThrow();
  });

  it("keeps .not and asymmetric matchers", () => {
    expect({ a: 1 }).not.toEqual({ a: 2 });
    expect(() => expect({ a: 1 }).not.toEqual({ a: 1 })).toThrow(/not/);
    expect({ a: "text", n: 2 }).toEqual({ a: expect.any(String), n: 2 });
    expect(() => expect({ a: 1 }).toEqual({ a: expect.any(String) })).toThrow();
  });
});
