import { storageTips, takeTip } from "./onceTips";

/** localStorage's two methods over a Map, recording writes. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe("storageTips", () => {
  it("remembers a shown tip in the storage, for the next opening of the pane", () => {
    const storage = memoryStorage();
    const tips = storageTips(storage);
    expect(tips.seen("ctrlZ")).toBe(false);
    tips.markSeen("ctrlZ");
    expect(tips.seen("ctrlZ")).toBe(true);
    expect([...storage.items]).toEqual([["salesReview.tipSeen.ctrlZ", "1"]]);
    expect(storageTips(storage).seen("ctrlZ")).toBe(true);
    expect(storageTips(storage).seen("other")).toBe(false);
  });

  describe("invalid input", () => {
    it("remembers for the session when the storage refuses or is missing", () => {
      const refusing = {
        getItem: () => {
          throw new Error("SecurityError");
        },
        setItem: () => {
          throw new Error("QuotaExceededError");
        },
      };
      for (const storage of [refusing, undefined]) {
        const tips = storageTips(storage);
        expect(tips.seen("ctrlZ")).toBe(false);
        tips.markSeen("ctrlZ");
        expect(tips.seen("ctrlZ")).toBe(true);
      }
    });
  });
});

describe("takeTip", () => {
  it("shows a tip the first time it is relevant, then never again", () => {
    const tips = storageTips(memoryStorage());
    expect(takeTip(tips, "ctrlZ", false)).toBe(false);
    expect(tips.seen("ctrlZ")).toBe(false);
    expect(takeTip(tips, "ctrlZ", true)).toBe(true);
    expect(takeTip(tips, "ctrlZ", true)).toBe(false);
  });

  it("shows nothing without a store", () => {
    expect(takeTip(undefined, "ctrlZ", true)).toBe(false);
  });
});
