import type { WorkbookModel } from "./model";
import { ClientObjectDouble, type Reader } from "./proxy";
import { serialOf } from "./typedInput";

/**
 * Excel.Functions, as far as the add-in calls it: `date(year, month, day)` (ExcelApi 1.2),
 * which gives the serial in the workbook's date system (so DATE(1904,1,1) is 0 in a 1904
 * workbook and 1462 otherwise, how the add-in finds the system). Any other function is
 * "not implemented", as every member the double does not model.
 */
export class FunctionsDouble extends ClientObjectDouble<WorkbookModel> {
  readonly _typeName = "Functions";

  override _readers(): Record<string, Reader<WorkbookModel>> {
    return {};
  }

  date(year: number, month: number, day: number): FunctionResultDouble {
    const result = new FunctionResultDouble(this.context, this._childPath("date", [year, month, day]), "method", () => {
      const serial = serialOf(year, month, day);
      const shift = this.context.host.model.date1904 ? 1462 : 0;
      // Excel answers #NUM! for a date its system cannot show (before 1904-01-01 in a 1904 workbook).
      return serial === undefined || serial - shift < 0
        ? { error: "#NUM!", value: null }
        : { error: null, value: serial - shift };
    });
    return this._method(result, "date", [year, month, day]);
  }
}

/** What a worksheet function gave: `value`, or `error` (English, such as "#NUM!") when it failed. */
export class FunctionResultDouble extends ClientObjectDouble<{ error: string | null; value: number | null }> {
  readonly _typeName = "FunctionResult";

  override _readers(): Record<string, Reader<{ error: string | null; value: number | null }>> {
    return { error: (r) => r.error, value: (r) => r.value };
  }
  get error(): string | null {
    return this._get("error");
  }
  get value(): number | null {
    return this._get("value");
  }
}
