/**
 * Fixes only the clock (Date) for the tests of a file, so that the analysis sheet's "generated"
 * time is the same in every run; timers, ticks and performance stay real.
 * @example fixClock(new Date(2026, 10, 23, 9, 30)) // at the top of a test file
 */
export function fixClock(now: Date): void {
  beforeAll(() =>
    jest.useFakeTimers({
      now,
      doNotFake: [
        "nextTick",
        "setImmediate",
        "clearImmediate",
        "setInterval",
        "clearInterval",
        "setTimeout",
        "clearTimeout",
        "queueMicrotask",
        "hrtime",
        "performance",
      ],
    }),
  );
  afterAll(() => jest.useRealTimers());
}
