import { median } from "./median";

describe("median", () => {
  it("takes the middle value of an odd count", () => {
    expect(median([5, 1, 3])).toEqual(3);
  });

  it("takes the mean of the two middle values of an even count", () => {
    expect(median([3, 1, 2, 10])).toEqual(2.5);
  });

  it("is NaN for no values", () => {
    expect(median([])).toEqual(NaN);
  });
});
