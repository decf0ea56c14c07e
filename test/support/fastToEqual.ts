import { isDeepStrictEqual } from "node:util";

/**
 * `toEqual` with a fast path (issue 12): values Node finds deeply and strictly equal pass at once,
 * everything else goes to Jest's own `toEqual`, which gives the verdict and the diff. Strict
 * equality implies Jest's equality (same keys, same prototypes, same values: `toEqual` only
 * forgives more), so no test passes that would fail; Node's comparison is 4-5x faster than
 * Jest's on the whole sheets the safety and adapter tests compare (~36 s of the quick tier's CPU).
 * Negated and asymmetric uses (`.not`, `expect.any`) always take Jest's path.
 */
type MatcherContext = jest.MatcherContext;
type Matcher = (this: MatcherContext, received: unknown, expected: unknown) => jest.CustomMatcherResult;

const JEST_MATCHERS = Symbol.for("$$jest-matchers-object");
const registry = (globalThis as unknown as Record<symbol, { matchers: Record<string, Matcher> }>)[JEST_MATCHERS];
const jestToEqual = registry.matchers.toEqual;
if (!jestToEqual) throw new Error("test/support/fastToEqual.ts: Jest's toEqual is not where Jest 29 keeps it");

let fastPasses = 0;

/** How many toEqual calls of this test file the fast path passed (for its own test). */
export function fastPassCount(): number {
  return fastPasses;
}

expect.extend({
  toEqual(this: MatcherContext, received: unknown, expected: unknown): jest.CustomMatcherResult {
    if (!this.isNot && isDeepStrictEqual(received, expected)) {
      fastPasses++;
      return { pass: true, message: () => "" };
    }
    return jestToEqual.call(this, received, expected);
  },
});
