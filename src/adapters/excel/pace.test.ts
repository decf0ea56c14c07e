import { buildPaced, nextTask, pacer } from "./pace";

/** A clock the test moves by hand. */
function handClock(): { now: () => number; at: number } {
  const clock = { at: 0, now: () => clock.at };
  return clock;
}

describe("nextTask", () => {
  it("resolves after a timer queued before it has run, not within the current task", async () => {
    const order: string[] = [];
    setTimeout(() => order.push("timer"), 0);
    const next = nextTask().then(() => order.push("next"));
    await Promise.resolve();
    expect(order).toEqual([]);
    await next;
    expect(order).toEqual(["timer", "next"]);
  });
});

describe("pacer", () => {
  it("hands the thread back only once the budget has passed since it last did", async () => {
    const clock = handClock();
    const pace = pacer(40, clock.now);
    const timers: string[] = [];
    const spy = jest.spyOn(global, "setTimeout");
    try {
      await pace();
      clock.at = 39;
      await pace();
      timers.push(`at 39: ${spy.mock.calls.length}`);
      clock.at = 40;
      await pace();
      timers.push(`at 40: ${spy.mock.calls.length}`);
      clock.at = 79;
      await pace();
      timers.push(`at 79: ${spy.mock.calls.length}`);
      clock.at = 80;
      await pace();
      timers.push(`at 80: ${spy.mock.calls.length}`);
    } finally {
      spy.mockRestore();
    }
    expect(timers).toEqual(["at 39: 0", "at 40: 1", "at 79: 1", "at 80: 2"]);
  });
});

describe("buildPaced", () => {
  it("makes every item in order, as Array.from would", async () => {
    const pace = jest.fn(async () => {});
    const made = await buildPaced(7, (i) => i * i, pace, 3);
    expect(made).toEqual([0, 1, 4, 9, 16, 25, 36]);
    expect(pace).toHaveBeenCalledTimes(3);
  });

  it("calls pace between steps, after each step's items are made", async () => {
    const log: string[] = [];
    const made = await buildPaced(
      5,
      (i) => {
        log.push(`make ${i}`);
        return `#${i}`;
      },
      async () => void log.push("pace"),
      2,
    );
    expect(made).toEqual(["#0", "#1", "#2", "#3", "#4"]);
    expect(log).toEqual(["make 0", "make 1", "pace", "make 2", "make 3", "pace", "make 4", "pace"]);
  });

  describe("edge cases", () => {
    it("makes an empty array of nothing without pacing", async () => {
      const pace = jest.fn(async () => {});
      expect(await buildPaced(0, () => 1, pace)).toEqual([]);
      expect(pace).not.toHaveBeenCalled();
    });
  });
});
