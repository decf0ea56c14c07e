/**
 * A worker for test/package/worker.test.ts: throws the error `workerData` names inside the
 * worker thread and posts it as `postedError` makes it, as a real worker's failure crosses.
 */
import { parentPort, workerData } from "node:worker_threads";
import { NotAnXlsxError, UnreadablePartError } from "../../src/adapters/xlsx/package/openXlsxError";
import { postedError } from "../../src/adapters/postedError";

const ERRORS: Record<string, () => Error> = {
  unreadable: () => new UnreadablePartError("rowOrder", "订单表", "row 3 after row 4 in 订单表"),
  notXlsx: () => new NotAnXlsxError("a.xlsx", "part xl/workbook.xml is missing"),
  zlib: () => Object.assign(new Error("invalid distance too far back"), { code: "Z_DATA_ERROR" }),
  range: () => new RangeError("--month 2026-13 is not a month"),
  plain: () => new Error("a bug"),
};

try {
  throw ERRORS[workerData as string]();
} catch (e) {
  parentPort?.postMessage(postedError(e));
}
