import fc from "fast-check";
import { DistinctIds } from "./buildActivity";

describe("DistinctIds", () => {
  it("counts each id once per group, also when groups take turns with the same id", () => {
    const d = new DistinctIds(10);
    const [a, b, c] = [d.group(), d.group(), d.group()];
    for (const [g, id] of [
      [a, 7],
      [b, 7],
      [c, 7],
      [a, 7],
      [b, 7],
      [a, 3],
      [a, 3],
      [c, 9],
      [b, 3],
      [a, 7],
    ])
      d.add(g, id);
    expect([d.count(a), d.count(b), d.count(c)]).toEqual([2, 2, 2]);
  });

  it("gives 0 for a group that counted nothing", () => {
    const d = new DistinctIds(0);
    expect(d.count(d.group())).toBe(0);
  });

  it("sizes for the largest id of the first n rows", () => {
    expect(DistinctIds.sizeFor(Int32Array.of(4, -1, 9, 12), 3)).toBe(10);
    expect(DistinctIds.sizeFor(Int32Array.of(-1, -1), 2)).toBe(0);
    expect(DistinctIds.sizeFor(new Int32Array(0), 0)).toBe(0);
  });

  it("agrees with a Set per group on any sequence", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(4), fc.nat(30)), { maxLength: 300 }), (adds) => {
        const d = new DistinctIds(31);
        const groups = Array.from({ length: 5 }, () => d.group());
        const sets = groups.map(() => new Set<number>());
        for (const [g, id] of adds) {
          d.add(groups[g], id);
          sets[g].add(id);
        }
        expect(groups.map((g) => d.count(g))).toEqual(sets.map((s) => s.size));
      }),
    );
  });
});
