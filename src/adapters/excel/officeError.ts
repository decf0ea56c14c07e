import { t, type Lang } from "../../i18n";

/** An Office error in words, with what to do next (STYLE: never only logged). */
export interface OfficeProblem {
  code: string;
  message: string;
}

/**
 * Words for the Office errors a run can meet: a protected sheet, a cell being edited,
 * a sheet renamed or deleted since the last run, a request too large, anything else.
 * @example describeOfficeError({ code: "InvalidOperationInCellEditMode" }, "en-US").message
 *   → "Excel is editing a cell. Press Enter or Esc in the sheet, then run again."
 */
export function describeOfficeError(error: unknown, lang: Lang): OfficeProblem {
  const code =
    typeof error === "object" && error !== null && "code" in error
      ? String((error as { code: unknown }).code)
      : "Unknown";
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case "AccessDenied":
    case "ProtectedWorksheet":
      return { code, message: t(lang, "office.protected") };
    case "InvalidOperationInCellEditMode":
      return { code, message: t(lang, "office.editMode") };
    case "ItemNotFound":
      return { code, message: t(lang, "office.notFound") };
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return { code, message: t(lang, "office.tooLarge") };
    case "Cancelled":
      return { code, message: t(lang, "office.cancelled") };
    default:
      return { code, message: t(lang, "office.other", { detail }) };
  }
}
