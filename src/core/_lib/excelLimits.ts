/** Excel's worksheet limits (Excel specifications and limits, Excel 2007 and later). */
export const EXCEL_LIMITS = {
  /** Rows per sheet: 1 … 1,048,576. */
  rows: 1_048_576,
  /** Columns per sheet: A … XFD. */
  cols: 16_384,
  /** Characters a cell holds. */
  text: 32_767,
  /** Characters of a sheet name. */
  sheetName: 31,
} as const;
