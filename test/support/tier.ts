/**
 * The two tiers of the test suite. `npm test` runs the quick tier: every rule, golden, safety and
 * real-data test and one browser flow per language. `npm run test:full` (jest.full.config.js)
 * runs everything, adding the long runs: every browser flow, the fuzzers at full count, the
 * 100,000-row limits and the heavy duplicates of a quick-tier path (docs/decisions.md, issue 12).
 * A test is moved between tiers, never dropped: the quick tier lists the long ones as skipped, by name.
 */
export const FULL_TIER = process.env.SALES_REVIEW_TESTS === "full";

/** `it` in the full tier, `it.skip` in the quick one. */
export const itFull: jest.It = FULL_TIER ? it : it.skip;

/** `describe` in the full tier, `describe.skip` in the quick one. */
export const describeFull: jest.Describe = FULL_TIER ? describe : describe.skip;

/** The quick tier's count or the full tier's. */
export function tierCount(quick: number, full: number): number {
  return FULL_TIER ? full : quick;
}

/**
 * The points 1…n a test that fails or cancels "at any request" tries: all of them in the full
 * tier; in the quick one the first three, the last three and every fourth between.
 */
export function pointsToTest(n: number): number[] {
  const all = Array.from({ length: n }, (_, i) => i + 1);
  return FULL_TIER ? all : all.filter((k) => k <= 3 || k > n - 3 || k % 4 === 0);
}
