/**
 * Issue 13's memory case: a small .xlsx whose workbook.xml nests `--depth` elements (default
 * 3,000,000) inside an extension list, with a valid order sheet. Writes it to bench/.cache and
 * runs the compiled command line on it in a child process under GNU time (Debian package
 * `time`), printing the exit code, wall and CPU seconds and peak RSS.
 * `npm run bench:nested -- --depth 1000000`. It asserts nothing; figures go to docs/benchmarks.md.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const ROOT = join(__dirname, "..");
const CACHE = join(ROOT, "bench", ".cache");

function sheetXml(): string {
  const rows = Array.from({ length: 50 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${46000 + i}</v></c><c r="B${i + 2}" t="inlineStr"><is><t>C${i % 7}</t></is></c><c r="C${i + 2}"><v>${100 + i}</v></c></row>`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Order Date</t></is></c><c r="B1" t="inlineStr"><is><t>Customer ID</t></is></c><c r="C1" t="inlineStr"><is><t>Amount</t></is></c></row>${rows}</sheetData></worksheet>`;
}

async function nestedWorkbook(depth: number): Promise<Buffer> {
  const nested = `<extLst><ext uri="{00000000-0000-0000-0000-000000000000}">${"<x>".repeat(depth)}${"</x>".repeat(depth)}</ext></extLst>`;
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets>${nested}</workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  zip.file("xl/worksheets/sheet1.xml", sheetXml());
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

async function main(): Promise<void> {
  const at = process.argv.indexOf("--depth");
  const depth = at > 0 ? Number(process.argv[at + 1]) : 3_000_000;
  mkdirSync(CACHE, { recursive: true });
  const input = join(CACHE, `nested-${depth}.xlsx`);
  writeFileSync(input, await nestedWorkbook(depth));
  const out = join(CACHE, `nested-${depth}.review.xlsx`);
  spawnSync(process.execPath, [join(ROOT, "bin", "sales-review.js"), "--build"], { stdio: "inherit" });
  const cli = join(ROOT, ".cache", "cli", "src", "cli", "main.js");
  const run = spawnSync("/usr/bin/time", ["-f", "TIME %e %U %S %M", process.execPath, cli, input, "--out", out], { encoding: "utf8" });
  const [wall, user, sys, maxRssKb] = (/TIME (\S+) (\S+) (\S+) (\S+)/.exec(run.stderr) ?? []).slice(1).map(Number);
  console.log(`depth ${depth}: input ${statSync(input).size} bytes, exit ${run.status}, wall ${wall} s, CPU ${(user + sys).toFixed(2)} s, peak RSS ${(maxRssKb / 1024).toFixed(0)} MB`);
  if (run.status !== 0) console.log(run.stderr.replace(/TIME .*/, "").trim());
}

void main();
