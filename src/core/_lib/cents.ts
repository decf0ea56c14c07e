/**
 * Whole cents of an amount, half a cent away from zero (as accounting and Excel's ROUND
 * do). The amount is first snapped to a millionth of a cent, so that binary noise
 * (2.675 is stored as 2.67499999…, 0.1 + 0.2 as 0.30000000000000004) does not decide
 * the half: what was typed, or summed from what was typed, is what is rounded.
 * @example wholeCents(2.675) === 268; wholeCents(-0.125) === -13; wholeCents(0.1 + 0.2) === 30
 */
export function wholeCents(amount: number): number {
  const snapped = Math.round(Math.abs(amount) * 1e8) / 1e6;
  const cents = Math.round(snapped);
  return amount < 0 && cents !== 0 ? -cents : cents;
}

/**
 * A money figure as a sheet shows it: a sum's binary noise cut at 15 significant digits, so
 * 0.1 + 0.2 is written 0.3 (the figure itself is not rounded to cents).
 * @example cleanMoney(0.1 + 0.2) === 0.3; cleanMoney(1234.5678) === 1234.5678
 */
export function cleanMoney(x: number): number {
  return Number(x.toPrecision(15));
}
