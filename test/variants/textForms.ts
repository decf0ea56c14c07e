import type ExcelJS from "exceljs";

/** Text forms of amounts, dates and months that SPEC.md's "Reading values" lists, for the text-values variant. */
const FW = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** `x` as text in the i-th form (cycling); negatives in the forms a ledger writes returns. */
export function amountText(x: number, i: number): string {
  const c = Math.round(Math.abs(x) * 100);
  const fixed = `${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}`;
  const grouped = fixed.replace(/\B(?=(\d{3})+\.)/g, ",");
  const plain = fixed.replace(/\.?0+$/, "");
  const wan = `${Math.floor(c / 1_000_000)}.${String(c % 1_000_000).padStart(6, "0")}`.replace(/\.?0+$/, "");
  if (x < 0)
    return [`(${grouped})`, `-${grouped}元`, `¥-${grouped}`, `RMB -${plain}`, `-${wan}万`, `(${plain})`][i % 6];
  return [
    `¥${grouped}`,
    `${grouped}元`,
    `RMB ${plain}`,
    FW(grouped),
    `${wan}万`,
    `￥ ${grouped}`,
    `$${grouped}`,
    grouped,
    `RMB${FW(plain)}`,
  ][i % 9];
}

/** A date as text in the i-th form (cycling), some followed by a time. */
export function dateText(d: Date, i: number): string {
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const [mm, dd] = [String(m).padStart(2, "0"), String(day).padStart(2, "0")];
  return [
    `${y}/${m}/${day}`,
    `${y}.${m}.${day}`,
    `${y}年${m}月${day}日`,
    `${y}${mm}${dd}`,
    `${y}-${mm}-${dd} 00:00:00.000`,
    `${y}-${mm}-${dd}`,
    `${y}/${mm}/${dd} 14:30`,
    `${y}年${m}月${day}日 9:05:00`,
  ][i % 8];
}

/** A cost-sheet month `YYYY-MM` in the i-th form (cycling): text or a real date. */
export function monthValue(text: string, i: number): ExcelJS.CellValue {
  const [y, m] = text.split("-").map(Number);
  return [text, `${y}年${m}月`, `${y}${String(m).padStart(2, "0")}`, new Date(Date.UTC(y, m - 1, 1))][i % 4];
}

/** Rewrites the cells of the given 1-based columns below the header. */
export function rewrite(
  ws: ExcelJS.Worksheet,
  cols: number[],
  f: (v: ExcelJS.CellValue, i: number) => ExcelJS.CellValue,
): void {
  ws.eachRow((row, r) => {
    if (r === 1) return;
    for (const c of cols) {
      const cell = row.getCell(c);
      if (cell.value !== null && cell.value !== undefined) cell.value = f(cell.value, r + c);
    }
  });
}

export const asAmount = (v: ExcelJS.CellValue, i: number) => (typeof v === "number" ? amountText(v, i) : v);
export const asDate = (v: ExcelJS.CellValue, i: number) => (v instanceof Date ? dateText(v, i) : v);
