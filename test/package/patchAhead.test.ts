import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import JSZip from "jszip";
import { reviewWorkbook } from "../../src/adapters/reviewWorkbook";
import { openXlsx } from "../../src/adapters/xlsx/package/openXlsx";
import { packagePort } from "../../src/adapters/xlsx/package/packagePort";
import { writeXlsx } from "../../src/adapters/xlsx/package/writeXlsx";
import type { WritePlan } from "../../src/core/output";
import type { WorkbookRecord } from "../../src/core/record";
import { SAMPLE_ZH } from "../fixtures/paths";
import { crc32, inflateRawSync } from "node:zlib";
import type { Highlight, NumberFormat, SheetPlan } from "../../src/core/output";
import { patchAhead } from "../../src/adapters/xlsx/package/patchAhead";
import { patchSheet, type SheetStyles } from "../../src/adapters/xlsx/package/patchSheet";
import { UnreadablePartError } from "../../src/adapters/xlsx/package/openXlsxError";
import { styleTableOf, stylesFromTable } from "../../src/adapters/xlsx/package/sheetStyleTable";

const FORMAT_STYLE: Partial<Record<NumberFormat, number>> = { general: 8, money: 9, date: 11 };
const STYLES: SheetStyles = {
  header: 7,
  body: (f) => FORMAT_STYLE[f] ?? -1,
  dxf: (h: Highlight) => (h.text === "A" ? 3 : 4),
};

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const ROWS = 3000;

/** A sheet of `rows` rows (header, then numbered orders), its rows in the order `order` gives. */
function sheetXml(rows: number, order = (r: number) => r): string {
  let xml = `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet ${NS}><dimension ref="A1:B${rows}"/><sheetData>`;
  for (let k = 1; k <= rows; k++) {
    const r = order(k);
    xml += `<row r="${r}" spans="1:2"><c r="A${r}" t="s"><v>${r % 7}</v></c><c r="B${r}"><v>${r * 1.5}</v></c></row>`;
  }
  return `${xml}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

const PLAN: SheetPlan = {
  sheet: "订单表",
  headerRow: 0,
  firstRow: 1,
  lastRow: ROWS - 1,
  columns: [
    {
      output: "order.tier",
      header: "等级",
      col: 2,
      format: "general",
      values: Array.from({ length: ROWS - 1 }, (_, k) => ["A", "B", "C"][k % 3]),
      highlights: [
        { text: "A", fill: "#C6EFCE", font: "#006100" },
        { text: "B", fill: "#FFEB9C", font: "#9C5700" },
      ],
    },
    {
      output: "order.cost",
      header: "成本",
      col: 4,
      format: "money",
      values: Array.from({ length: ROWS - 1 }, (_, k) => (k % 5 === 0 ? null : k * 0.25)),
      cellFormats: Array.from({ length: ROWS - 1 }, (_, k) => (k % 4 === 0 ? "date" : null)),
    },
  ],
};

/** The part fed in chunks of 1,000 bytes, as an inflater hands it over. */
const source = (xml: string) => async () => {
  const bytes = Buffer.from(xml, "utf8");
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 1000) chunks.push(bytes.subarray(at, at + 1000));
  return Readable.from(chunks);
};

async function patchedInOneStream(xml: string): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const chunk of patchSheet(await source(xml)(), PLAN, STYLES)) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

describe("patchAhead", () => {
  it("deflates on a worker thread exactly what patchSheet writes on this one, with its CRC-32 and size", async () => {
    const xml = sheetXml(ROWS);
    const expected = await patchedInOneStream(xml);
    const [worker, here] = await Promise.all([
      patchAhead(source(xml), PLAN, STYLES, 1, true).result,
      patchAhead(source(xml), PLAN, STYLES, 1, false).result,
    ]);
    expect(inflateRawSync(worker.bytes).equals(expected)).toBe(true);
    expect({ crc32: worker.crc32, size: worker.size }).toEqual({ crc32: crc32(expected), size: expected.length });
    expect(Buffer.from(worker.bytes).equals(Buffer.from(here.bytes))).toBe(true);
    expect(here.size).toBe(expected.length);
  });

  describe("invalid input", () => {
    it("rejects with the worker's UnreadablePartError, its kind and sheet kept", async () => {
      const swapped = sheetXml(ROWS, (r) => (r === 200 ? 201 : r === 201 ? 200 : r));
      const failure = patchAhead(source(swapped), PLAN, STYLES, 1, true).result;
      await expect(failure).rejects.toBeInstanceOf(UnreadablePartError);
      await expect(failure).rejects.toMatchObject({ kind: "rowOrder", part: "订单表" });
    });

    it("rejects with the source's own error when the part cannot be read", async () => {
      const broken = async () =>
        Readable.from(
          (async function* () {
            yield Buffer.from(sheetXml(10).slice(0, 200));
            throw new UnreadablePartError("damaged", "xl/worksheets/sheet2.xml", "invalid distance too far back");
          })(),
        );
      await expect(patchAhead(broken, PLAN, STYLES, 1, true).result).rejects.toMatchObject({
        kind: "damaged",
        part: "xl/worksheets/sheet2.xml",
      });
    });
  });
});

describe("styleTableOf", () => {
  it("answers for the plan as the styles it was made from, highlights matched by position", () => {
    const copy = structuredClone(PLAN);
    const styles = stylesFromTable(copy, styleTableOf(PLAN, STYLES));
    const [tier] = copy.columns;
    expect([styles.header, styles.body("general"), styles.body("money"), styles.body("date")]).toEqual([7, 8, 9, 11]);
    expect(tier.highlights!.map((h) => styles.dxf(h))).toEqual([3, 4]);
    expect(() => styles.body("percent")).toThrow("sheetStyleTable: format percent of 订单表 was not planned");
    expect(() => styles.dxf({ text: "A", fill: "#C6EFCE", font: "#006100" })).toThrow(
      "sheetStyleTable: a highlight of 订单表 was not planned",
    );
  });
});

/** Every entry of a zip in its order, decompressed. */
async function parts(file: string): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out: [string, string][] = [];
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.push([name, await f.async("string")]);
  return out;
}

describe("writeXlsx with the largest sheet part on a worker thread", () => {
  it("writes every part as the one-stream writer does, in the same order", async () => {
    const pkg = await openXlsx(SAMPLE_ZH);
    const port = packagePort(pkg);
    let kept: [WritePlan, WorkbookRecord, readonly string[]] | undefined;
    port.write = async (plan, record, replaceSheets) => void (kept = [plan, record, replaceSheets]);
    try {
      await reviewWorkbook(port, { lang: "zh-CN", generatedAt: "2026-11-02 09:00" });
      const dir = mkdtempSync(join(tmpdir(), "patch-ahead-"));
      const [streamed, ahead] = [join(dir, "streamed.xlsx"), join(dir, "ahead.xlsx")];
      await writeXlsx(pkg, ...kept!, streamed, 1, undefined, Infinity);
      const sheets: string[] = [];
      await writeXlsx(pkg, ...kept!, ahead, 1, (sheet) => sheets.push(sheet), 0);
      expect(await parts(ahead)).toEqual(await parts(streamed));
      expect(sheets).toEqual(kept![0].sheets.map((s) => s.sheet));
      expect(readFileSync(ahead).length).toBe(readFileSync(streamed).length);
    } finally {
      await port.close();
    }
  });
});
