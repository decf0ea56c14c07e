/** Median of a list (mean of the two middle values when even); NaN when empty. @example median([3, 1, 2, 10]) === 2.5 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = Float64Array.from(values).sort(); // a typed array sorts numerically, with no comparator to call
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
