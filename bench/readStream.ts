// Streaming-reader benchmark: generates a 1,048,575-row order sheet in bench/.cache with ExcelJS's
// WorkbookWriter (if missing), streams it through readWorkbookGrids, prints rows/s and peak RSS.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readWorkbookGrids } from "../src/adapters/xlsx/stream/readWorkbookGrids";
import { openXlsx } from "../src/adapters/xlsx/package/openXlsx";

const CACHE_DIR = join(__dirname, ".cache");
const file = process.argv[2] ?? join(CACHE_DIR, "orders-1048575.xlsx");
const ROWS = 1_048_575;

async function generate(): Promise<void> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet("Orders");
  ws.addRow(["Order", "Date", "Customer", "Amount", "Cost"]).commit();
  for (let i = 1; i < ROWS; i++)
    ws.addRow([`O${i}`, 45000 + (i % 365), `Customer ${i % 800}`, (i % 997) * 1.25, (i % 577) * 0.75]).commit();
  ws.commit();
  await wb.commit();
}

async function main(): Promise<void> {
  if (!existsSync(file)) await generate();
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const start = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const pkg = await openXlsx(file);
  const grids = await readWorkbookGrids(pkg);
  await pkg.close();
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const rows = grids.reduce((n, g) => n + g.values.length, 0);
  // CPU seconds too: on a shared machine the wall clock also counts other processes' turns.
  console.log(
    `${rows} rows in ${secs.toFixed(1)} s = ${Math.round(rows / secs)} rows/s (${cpuSecs.toFixed(1)} CPU s = ${Math.round(rows / cpuSecs)} rows per CPU s), peak RSS ${Math.round(peak / 1048576)} MB`,
  );
}

void main();
