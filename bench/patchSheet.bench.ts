/**
 * patchSheet throughput: a generated 1,048,575-row, 6-column worksheet part (as Excel writes
 * it: shared strings, dates, numbers, spans) patched with 8 owned columns, output drained.
 * Prints rows per CPU-second and per wall-second of the patcher alone and through the stream,
 * input and output bytes, and peak RSS. A benchmark, not a test:
 *   nice -n 10 npx tsx bench/patchSheet.bench.ts [rows]
 */
import { Readable } from "node:stream";
import { createHash } from "node:crypto";
import type { Cell } from "../src/core/_lib/cells";
import type { ColumnPlan, NumberFormat, SheetPlan } from "../src/core/output";
import { patchSheet, SheetPatcher, type SheetStyles } from "../src/adapters/xlsx/package/patchSheet";

const ROWS = Number(process.argv[2] ?? 1048575);

function* sheetPart(rows: number): Generator<Buffer> {
  yield Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<dimension ref="A1:F${rows}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="6" width="14" customWidth="1"/></cols><sheetData>`,
  );
  let batch = "";
  for (let r = 1; r <= rows; r++) {
    batch +=
      r === 1
        ? `<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>`
        : `<row r="${r}" spans="1:6"><c r="A${r}" t="s"><v>${6 + (r % 5000)}</v></c><c r="B${r}" s="1"><v>${45000 + (r % 700)}</v></c><c r="C${r}" t="s"><v>${6 + (r % 3000)}</v></c><c r="D${r}" s="2"><v>${(r * 7.31) % 10000}</v></c><c r="E${r}" s="2"><v>${(r * 1.17) % 900}</v></c><c r="F${r}" t="s"><v>${r % 40}</v></c></row>`;
    if (batch.length > 65536) {
      yield Buffer.from(batch);
      batch = "";
    }
  }
  yield Buffer.from(
    `${batch}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
  );
}

function plan(rows: number): SheetPlan {
  const n = rows - 1;
  const col = (c: number, header: string, format: NumberFormat, value: (k: number) => Cell): ColumnPlan => ({
    output: header,
    header,
    col: c,
    format,
    values: Array.from({ length: n }, (_, k) => value(k)),
  });
  const tiers = ["A", "B", "C", "D"];
  const changes = ["Up", "Down", "Stable", "Lost", "New"];
  return {
    sheet: "Orders",
    headerRow: 0,
    firstRow: 1,
    lastRow: rows - 1,
    columns: [
      {
        ...col(6, "Tier", "general", (k) => tiers[k % 4]),
        highlights: [{ text: "A", fill: "#C6EFCE", font: "#006100" }],
      },
      col(7, "Order type", "general", (k) => (k % 9 === 0 ? "New" : "Existing")),
      col(8, "Change", "general", (k) => changes[k % 5]),
      col(9, "Visit cost", "money", (k) => (k % 13) * 17.5),
      col(10, "Cost ratio", "percent", (k) => (k % 13 === 0 ? null : (k % 97) / 100)),
      col(11, "Visits", "integer", (k) => k % 7),
      {
        ...col(12, "Visit due", "date", (k) => (k % 4 === 0 ? "Overdue 12 days" : 46000 + (k % 60))),
        cellFormats: Array.from({ length: n }, (_, k) => (k % 4 === 0 ? "general" : null)),
      },
      col(13, "Flag", "general", (k) => (k % 11 === 0 ? "High cost" : null)),
    ],
  };
}

const styles: SheetStyles = {
  header: 3,
  body: (f) => ({ general: 4, money: 5, percent: 6, date: 7, integer: 8, decimal: 9, oneDecimal: 10 })[f],
  dxf: () => 0,
};

/** The patcher's output over chunks generated beforehand, hashed (not timed). */
function hashPatcher(p: SheetPlan, chunks: Buffer[]): string {
  const patcher = new SheetPatcher(p, styles);
  const hash = createHash("sha256");
  for (const chunk of chunks) for (const out of patcher.push(chunk)) hash.update(out);
  for (const out of patcher.end()) hash.update(out);
  return hash.digest("hex").slice(0, 16);
}

/** Times only the patcher's own work on chunks generated beforehand (best of 3), its output dropped: CPU and wall. */
function timePatcher(p: SheetPlan, chunks: Buffer[]): { wall: number; cpu: number } {
  let best = { wall: Infinity, cpu: Infinity };
  for (let run = 0; run < 3; run++) {
    const patcher = new SheetPatcher(p, styles);
    let outBytes = 0;
    const w0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    for (const chunk of chunks) for (const out of patcher.push(chunk)) outBytes += out.length;
    for (const out of patcher.end()) outBytes += out.length;
    const c = process.cpuUsage(c0);
    const wall = Number(process.hrtime.bigint() - w0) / 1e9;
    const cpu = (c.user + c.system) / 1e6;
    if (outBytes === 0) throw new Error("no output");
    if (cpu < best.cpu) best = { wall, cpu };
  }
  return best;
}

async function main(): Promise<void> {
  const p = plan(ROWS);
  const planRss = process.memoryUsage.rss();
  let peak = planRss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);

  // Through the stream, the input generated as it is read: memory stays bounded.
  let inBytes = 0;
  const source = Readable.from(
    (function* () {
      for (const b of sheetPart(ROWS)) {
        inBytes += b.length;
        yield b;
      }
    })(),
  );
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const hash = createHash("sha256");
  let outBytes = 0;
  for await (const chunk of patchSheet(source, p, styles)) {
    hash.update(chunk as Buffer);
    outBytes += (chunk as Buffer).length;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  const streamHash = hash.digest("hex").slice(0, 16);
  console.log(
    `rows ${ROWS.toLocaleString("en-US")}  in ${(inBytes / 1e6).toFixed(1)} MB  out ${(outBytes / 1e6).toFixed(1)} MB  sha256 ${streamHash}`,
  );
  // CPU time beside wall time: on a shared machine the wall clock mostly measures the others.
  console.log(
    `patchSheet stream, generating and hashing included: CPU ${cpuSeconds.toFixed(2)} s = ${Math.round(ROWS / cpuSeconds).toLocaleString("en-US")} rows/CPU-s; wall ${seconds.toFixed(2)} s = ${Math.round(ROWS / seconds).toLocaleString("en-US")} rows/s`,
  );
  console.log(
    `peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB, of which ${(planRss / 2 ** 20).toFixed(0)} MiB before patching (the plan's 8 value arrays of ${(ROWS - 1).toLocaleString("en-US")})`,
  );

  const chunks = [...sheetPart(ROWS)];
  const same = hashPatcher(p, chunks) === streamHash ? "same bytes" : "DIFFERENT BYTES";
  const direct = timePatcher(p, chunks);
  console.log(
    `SheetPatcher alone, input in memory, best of 3: CPU ${direct.cpu.toFixed(2)} s = ${Math.round(ROWS / direct.cpu).toLocaleString("en-US")} rows/CPU-s; wall ${direct.wall.toFixed(2)} s = ${Math.round(ROWS / direct.wall).toLocaleString("en-US")} rows/s (${same})`,
  );
}

void main();
