import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { Progress } from "../../src/adapters/port";
import { openXlsx } from "../../src/adapters/xlsx/package/openXlsx";
import { packagePort, type FileProgress } from "../../src/adapters/xlsx/package/packagePort";
import { readSheetCells, ROWS_PER_REPORT } from "../../src/adapters/xlsx/stream/readSheetCells";
import { reviewWorkbook } from "../../src/adapters/reviewWorkbook";
// SAMPLE's sheets hold 202, 5,850, 3,754 and 121 rows, header rows included (the CLI summary says 201, 5,849, 3,753, 120 rows of data).
import { SAMPLE_ZH as SAMPLE } from "../fixtures/paths";

/** A sheet part of `rows` rows of one cell each, streamed in chunks of 64 KiB. */
function rowsSheet(rows: number): Readable {
  function* parts() {
    yield "<worksheet><sheetData>";
    let chunk = "";
    for (let r = 1; r <= rows; r++) {
      chunk += `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
      if (chunk.length > 65_536) {
        yield chunk;
        chunk = "";
      }
    }
    yield `${chunk}</sheetData></worksheet>`;
  }
  return Readable.from(parts());
}

describe("progress of the .xlsx reader", () => {
  it("tells the rows read after every 65,536 and counts them all", async () => {
    const told: number[] = [];
    const read = await readSheetCells(rowsSheet(2 * ROWS_PER_REPORT + 5), [], {
      date1904: false,
      onRows: (n) => told.push(n),
    });
    expect({ told, rows: read.rows }).toEqual({ told: [65_536, 131_072], rows: 131_077 });
  });

  it("reports each sheet's start and end through the port, rows to the command line, and the sheets it writes", async () => {
    const file: FileProgress[] = [];
    const port = packagePort(await openXlsx(SAMPLE), { onProgress: (p) => file.push(p) });
    const progress: Progress[] = [];
    try {
      await reviewWorkbook(port, {
        lang: "zh-CN",
        generatedAt: "2026-11-30 09:00",
        onProgress: (p) => p.stage === "read" && progress.push(p),
      });
      await port.save(join(mkdtempSync(join(tmpdir(), "read-progress-")), "out.xlsx"));
    } finally {
      await port.close();
    }
    expect(progress).toEqual([0, 1, 2, 3, 4].map((done) => ({ stage: "read", done, total: 4 })));
    expect(file).toEqual([
      { stage: "read", sheet: "客户表", rows: 0, done: 0, total: 4 },
      { stage: "read", sheet: "客户表", rows: 202, done: 1, total: 4 },
      { stage: "read", sheet: "订单表", rows: 0, done: 1, total: 4 },
      { stage: "read", sheet: "订单表", rows: 5850, done: 2, total: 4 },
      { stage: "read", sheet: "拜访记录", rows: 0, done: 2, total: 4 },
      { stage: "read", sheet: "拜访记录", rows: 3754, done: 3, total: 4 },
      { stage: "read", sheet: "费用表", rows: 0, done: 3, total: 4 },
      { stage: "read", sheet: "费用表", rows: 121, done: 4, total: 4 },
      { stage: "write" },
      { stage: "write", sheet: "客户表" },
      { stage: "write", sheet: "订单表" },
      { stage: "write", sheet: "拜访记录" },
    ]);
  });
});
