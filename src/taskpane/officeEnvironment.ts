import type { ExcelApi } from "../adapters/excel/excelHost";
import { describeOfficeError } from "../adapters/excel/officeError";
import { langFor, t, type Lang } from "../i18n";
import { themeFor, type ThemeName } from "./themeFor";

/** What the pane takes from Office at start: its display language, theme and requirement sets. */
export interface OfficeEnvironment {
  lang: Lang;
  theme: ThemeName;
  isSetSupported(name: string, version: string): boolean;
}

/** The parts of `Office.context` the pane reads; any of them may be missing outside Office. */
export interface OfficeContextLike {
  displayLanguage?: string;
  officeTheme?: { bodyBackgroundColor?: string };
  requirements?: { isSetSupported(name: string, version?: string): boolean };
}

/**
 * The pane's language, theme and requirement check from `Office.context`; en-US, light
 * and "nothing supported" when the page is opened outside Office.
 * @example officeEnvironment({ displayLanguage: "zh-CN", officeTheme: { bodyBackgroundColor: "#262626" } })
 *   → { lang: "zh-CN", theme: "dark", … }
 */
export function officeEnvironment(context: OfficeContextLike | undefined): OfficeEnvironment {
  const read = <T>(get: () => T): T | undefined => {
    try {
      return get();
    } catch {
      return undefined; // outside Office some properties throw instead of being undefined
    }
  };
  return {
    lang: langFor(read(() => context?.displayLanguage)),
    theme: themeFor(read(() => context?.officeTheme?.bodyBackgroundColor)),
    isSetSupported: (name, version) => read(() => context?.requirements?.isSetSupported(name, version)) === true,
  };
}

const NOT_IN_EXCEL = "NotInExcel";

/** An Excel that is not there (the page opened in a plain browser): every call fails in words. */
export function missingExcel(lang: Lang): ExcelApi {
  const fail = () => Promise.reject(Object.assign(new Error(t(lang, "pane.notInExcel")), { code: NOT_IN_EXCEL }));
  return { run: fail } as ExcelApi;
}

/**
 * An error thrown by the host, in words with what to do next: Office's errors as the
 * adapter words them; the page opened outside Excel as it says.
 * @example describeError(Object.assign(new Error("x"), { code: "InvalidOperationInCellEditMode" }), "en-US")
 *   === "Excel is editing a cell. Press Enter or Esc in the sheet, then run again."
 */
export function describeError(error: unknown, lang: Lang): string {
  if (error instanceof Error && (error as Error & { code?: unknown }).code === NOT_IN_EXCEL)
    return t(lang, "pane.notInExcel");
  return describeOfficeError(error, lang).message;
}
