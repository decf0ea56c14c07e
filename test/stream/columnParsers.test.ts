import { columnNumber, parseA1 } from "../../src/core/_lib/a1";
import { columnOfRef } from "../../src/adapters/xlsx/package/xmlScan";
import { parseRef } from "../../src/adapters/xlsx/stream/readWorkbookGrids";

/**
 * The four places that read a column from an A1 reference, each with its own tolerance:
 * parseA1 (addresses the run wrote or Excel validated: 0-based, throws on anything else),
 * columnOfRef (the package writer: 0-based, -1 without letters, a leading `$`, either case),
 * the streaming reader's cell column (1-based, 0 without upper-case letters) and parseRef
 * (a table part's ref: 1-based row and column, `$` anywhere, either case). These pin what
 * each gives for damaged references, so that sharing one implementation changes none.
 */
const tryParseA1 = (ref: string) => {
  try {
    return parseA1(ref);
  } catch {
    return "throws";
  }
};

const CASES: [string, ReturnType<typeof tryParseA1>, number, number, { row: number; col: number }][] = [
  // ref, parseA1, columnOfRef, reader's column, parseRef
  ["", "throws", -1, 0, { row: 0, col: 0 }],
  ["1A", "throws", -1, 0, { row: NaN, col: 0 }],
  ["a1", { row: 0, col: 0 }, 0, 0, { row: 1, col: 1 }],
  ["ab12", { row: 11, col: 27 }, 27, 0, { row: 12, col: 28 }],
  ["AB12", { row: 11, col: 27 }, 27, 28, { row: 12, col: 28 }],
  ["$AB$12", { row: 11, col: 27 }, 27, 0, { row: 12, col: 28 }],
  ["AB$12", { row: 11, col: 27 }, 27, 28, { row: 12, col: 28 }],
  ["$A1", { row: 0, col: 0 }, 0, 0, { row: 1, col: 1 }],
  ["a$1", { row: 0, col: 0 }, 0, 0, { row: 1, col: 1 }],
  ["A", "throws", 0, 1, { row: 0, col: 1 }],
  ["12", "throws", -1, 0, { row: 12, col: 0 }],
  ["ABCD1", "throws", 19_009, 19_010, { row: 1, col: 19_010 }],
  [" A1", { row: 0, col: 0 }, -1, 0, { row: NaN, col: 0 }],
  ["A1 ", { row: 0, col: 0 }, 0, 1, { row: 1, col: 1 }],
  ["$", "throws", -1, 0, { row: 0, col: 0 }],
  ["$$A1", "throws", -1, 0, { row: 1, col: 1 }],
  ["A$$1", "throws", 0, 1, { row: 1, col: 1 }],
  ["$1", "throws", -1, 0, { row: 1, col: 0 }],
  ["XFD1048576", { row: 1_048_575, col: 16_383 }, 16_383, 16_384, { row: 1_048_576, col: 16_384 }],
  ["XFE1", { row: 0, col: 16_384 }, 16_384, 16_385, { row: 1, col: 16_385 }],
  ["A0", "throws", 0, 1, { row: 0, col: 1 }],
  ["Ä1", "throws", -1, 0, { row: NaN, col: 0 }],
  ["A1B", "throws", 0, 1, { row: NaN, col: 1 }],
];

describe("column parsers on damaged references", () => {
  it.each(CASES)(
    "%j gives what each gave before they shared one implementation",
    (ref, a1, ofRef, reader, tableRef) => {
      expect({
        a1: tryParseA1(ref),
        ofRef: columnOfRef(ref),
        reader: columnNumber(ref) /* readSheetCells' call */,
        tableRef: parseRef(ref),
      }).toEqual({ a1, ofRef, reader, tableRef });
    },
  );
});
