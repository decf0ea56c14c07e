/**
 * The one error type the double throws, shaped like OfficeExtension.Error
 * (`name` "RichApi.Error", `code`, `debugInfo`), so adapter code that maps
 * `error.code` to words for the user is exercised exactly as in Excel.
 */

/** Codes as Excel.ErrorCodes / OfficeExtension.ErrorCodes spell them. */
export type DoubleErrorCode =
  | "PropertyNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidObjectPath"
  | "InvalidSelection"
  | "AccessDenied"
  | "GeneralException"
  | "RangeExceedsLimit"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "InvalidOperationInCellEditMode"
  | "RunMustReturnPromise"
  | "ApiNotFound"
  | "NotImplemented";

/** Office's own wording (from office.js's resource strings) where it has one. */
const MESSAGES: Record<DoubleErrorCode, string> = {
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "The resource being created already exists.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  InvalidObjectPath:
    'The object path \'{0}\' isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  InvalidSelection: "The current selection is invalid for this operation.",
  AccessDenied: "You cannot perform the requested operation.",
  GeneralException: "There was an internal error while processing the request.",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ResponsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  InvalidOperationInCellEditMode:
    "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
  ApiNotFound:
    'The API you are trying to use could not be found. It may be available in a newer version of Excel. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/reference/requirement-sets/excel-api-requirement-sets" for more information.',
  NotImplemented: "This is not implemented in the Excel double.",
};

export class DoubleError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: DoubleErrorCode;
  readonly httpStatusCode: number;
  readonly debugInfo: { code: DoubleErrorCode; message: string; errorLocation?: string; details?: string };

  constructor(code: DoubleErrorCode, message: string, errorLocation?: string, details?: string) {
    super(details ? `${message} (${details})` : message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.code = code;
    this.httpStatusCode =
      code === "PropertyNotLoaded" || code === "InvalidArgument" ? 400 : code === "ItemNotFound" ? 404 : 500;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}), ...(details ? { details } : {}) };
  }
}

/**
 * An error with Office's message for `code`. `location` is "Range.values"-style, as
 * Office's debugInfo.errorLocation; `details` says what the double saw, for the reader of a failing test.
 */
export function officeError(code: DoubleErrorCode, location?: string, details?: string, arg?: string): DoubleError {
  const message = MESSAGES[code].replace("{0}", arg ?? location ?? "");
  return new DoubleError(code, message, location, details);
}

/** For API members the double does not model: fail loudly instead of pretending. */
export function notImplemented(member: string): DoubleError {
  return new DoubleError("NotImplemented", `${member} is not implemented in the Excel double.`, member);
}

export function isDoubleError(e: unknown): e is DoubleError {
  return e instanceof DoubleError;
}
