import { monthStart } from "./dates";

/**
 * Places epoch days into consecutive months [first, first + count) without building
 * a Date per row: month lengths are 28–31 days, so a guess from the average length
 * is off by at most one, corrected against the month starts.
 * @example const at = monthLocator(monthIndex(2026, 1), 12); at(ymdToDay(2026, 3, 5)!) === 2
 */
export function monthLocator(first: number, count: number): (day: number) => number {
  const starts = new Int32Array(count + 1);
  for (let i = 0; i <= count; i++) starts[i] = monthStart(first + i);
  const base = starts[0];
  return (day: number): number => {
    if (day < base) return -1;
    if (day >= starts[count]) return count;
    let i = Math.min(count - 1, Math.floor((day - base) / 30.436875));
    while (day < starts[i]) i--;
    while (day >= starts[i + 1]) i++;
    return i;
  };
}
