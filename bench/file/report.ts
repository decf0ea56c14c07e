/**
 * The file benchmark's table: per size, the command line's and LibreOffice's seconds
 * (median, min, max over the runs that succeeded), peak RSS, their ratio and µs per order
 * row; then the growth from 1/8 to full size and the targets of issues 5 and 12.
 */
import { median } from "../../src/core/_lib/median";
import type { Measured } from "./measure";

export interface SizeResult {
  /** `1/8`, `full`, `issue` (see `BenchSize`). */
  label: string;
  orderRows: number;
  fileMB: number;
  cli: Measured[];
  soffice: Measured[];
}

interface Stats {
  ok: number;
  runs: number;
  median: number;
  min: number;
  max: number;
  /** Median CPU seconds (user + system) of the runs that succeeded. */
  cpu: number;
  /** Largest peak RSS of all runs, failed ones included (an out-of-memory run is the point). */
  peakMB: number | null;
}

const TARGET_RATIO = 1.0;
const TARGET_PEAK_MB = 2048;
const TARGET_GROWTH = 1.5;
/** Issue 12: at least 6× faster than LibreOffice on its workbook, 3× at full size. */
const TARGET_ISSUE_RATIO = 1 / 6;
const TARGET_FULL_RATIO = 1 / 3;

function stats(ms: Measured[]): Stats | null {
  if (ms.length === 0) return null;
  const secs = ms.filter((m) => m.ok).map((m) => m.seconds);
  const peaks = ms.map((m) => m.peakMB).filter((p): p is number => p !== null);
  const peakMB = peaks.length > 0 ? Math.max(...peaks) : null;
  const cpus = ms.filter((m) => m.ok && m.cpuSeconds !== null).map((m) => m.cpuSeconds as number);
  const cpu = cpus.length > 0 ? median(cpus) : NaN;
  if (secs.length === 0) return { ok: 0, runs: ms.length, median: NaN, min: NaN, max: NaN, cpu, peakMB };
  return {
    ok: secs.length,
    runs: ms.length,
    median: median(secs),
    min: Math.min(...secs),
    max: Math.max(...secs),
    cpu,
    peakMB,
  };
}

const num = (n: number | null | undefined, digits: number, width: number) =>
  (n === null || n === undefined || Number.isNaN(n) ? "—" : n.toFixed(digits)).padStart(width);

function cells(s: Stats | null, rows: number): string {
  if (!s) return [8, 8, 8, 8, 8, 9, 6].map((w) => "—".padStart(w)).join("");
  const ok = s.ok === s.runs ? "" : `${s.ok}/${s.runs}`;
  return `${num(s.median, 2, 8)}${num(s.min, 2, 8)}${num(s.max, 2, 8)}${num(s.cpu, 2, 8)}${num(s.peakMB, 0, 8)}${num((s.median * 1e6) / rows, 2, 9)}${ok.padStart(6)}`;
}

export function printTable(results: SizeResult[], runs: number, runner: string): void {
  console.log(
    `\nwall seconds per whole process, ${runs} runs each: median/min/max of the runs that succeeded ("ok" shows k/n when some failed);`,
  );
  console.log(
    `cpu = median user+system CPU seconds; µs/row = median wall ÷ order rows; ratio = CLI ÷ LibreOffice (wall, and cpu)`,
  );
  const head = (who: string) =>
    `${`${who} med`.padStart(8)}${"min".padStart(8)}${"max".padStart(8)}${"cpu".padStart(8)}${"peakMB".padStart(8)}${"µs/row".padStart(9)}${"ok".padStart(6)}`;
  console.log(
    `${"size".padEnd(6)}${"rows".padStart(9)}${"fileMB".padStart(8)} |${head("CLI")} |${head("LO")} |${"ratio".padStart(7)}${"cpu".padStart(6)}`,
  );
  const rowsOf = new Map<string, { cli: Stats | null; lo: Stats | null; rows: number }>();
  for (const r of results) {
    const cli = stats(r.cli);
    const lo = stats(r.soffice);
    rowsOf.set(r.label, { cli, lo, rows: r.orderRows });
    const ratio = cli && lo ? cli.median / lo.median : NaN;
    const cpuRatio = cli && lo ? cli.cpu / lo.cpu : NaN;
    console.log(
      `${r.label.padEnd(6)}${String(r.orderRows).padStart(9)}${num(r.fileMB, 1, 8)} |${cells(cli, r.orderRows)} |${cells(lo, r.orderRows)} |${num(ratio, 2, 7)}${num(cpuRatio, 2, 6)}`,
    );
  }

  const full = rowsOf.get("full");
  const eighth = rowsOf.get("1/8");
  const perRow = (s: Stats | null | undefined, rows: number, cpu: boolean) =>
    s ? ((cpu ? s.cpu : s.median) * 1e6) / rows : NaN;
  const growth = (pick: "cli" | "lo", cpu = false) =>
    full && eighth ? perRow(full[pick], full.rows, cpu) / perRow(eighth[pick], eighth.rows, cpu) : NaN;
  const gCli = growth("cli");
  if (full && eighth) {
    console.log(
      `\ngrowth of time per order row, full ÷ 1/8: CLI ${num(gCli, 2, 0)} wall, ${num(growth("cli", true), 2, 0)} cpu; LibreOffice ${num(growth("lo"), 2, 0)} wall, ${num(growth("lo", true), 2, 0)} cpu`,
    );
  }

  console.log(`\ntargets, command line run as ${runner === "node" ? "node bin/sales-review.js" : "npx tsx"}:`);
  printRatioTarget("issue 12: on issue 12's workbook", rowsOf.get("issue"), TARGET_ISSUE_RATIO);
  printRatioTarget("issue 12: at full size", full, TARGET_FULL_RATIO);
  console.log("issue 5:");
  if (!full) {
    console.log("  full size not run (--sizes without 1)");
    return;
  }
  const ratio = full.cli && full.lo ? full.cli.median / full.lo.median : NaN;
  const peak = full.cli?.peakMB ?? null;
  const fullOk = full.cli ? `${full.cli.ok}/${full.cli.runs} runs succeeded` : "not run";
  console.log(`  full size: ${fullOk}`);
  console.log(
    `  CLI ÷ LibreOffice open-and-save at full size ${num(ratio, 2, 0)} < ${TARGET_RATIO.toFixed(1)}: ${verdict(measured(ratio) === null ? null : ratio < TARGET_RATIO)}`,
  );
  console.log(
    `  CLI peak RSS at full size ${num(peak, 0, 0)} MB < ${TARGET_PEAK_MB} MB: ${verdict(peak === null ? null : peak < TARGET_PEAK_MB)}`,
  );
  console.log(
    `  CLI µs/row growth full ÷ 1/8 ${num(gCli, 2, 0)} ≤ ${TARGET_GROWTH}: ${verdict(measured(gCli) === null ? null : gCli <= TARGET_GROWTH)}`,
  );
}

const verdict = (ok: boolean | null) => (ok === null ? "not measured" : ok ? "met" : "NOT met");
const measured = (n: number) => (Number.isNaN(n) ? null : n);

/** One "CLI ÷ LibreOffice ≤ target" line, for a size that was run with both. */
function printRatioTarget(
  what: string,
  size: { cli: Stats | null; lo: Stats | null } | undefined,
  target: number,
): void {
  const ratio = size?.cli && size.lo ? size.cli.median / size.lo.median : NaN;
  const times = `${num(1 / target, 0, 0)}× faster`;
  console.log(
    `  ${what}, CLI ÷ LibreOffice ${num(ratio, 3, 0)} ≤ ${num(target, 3, 0)} (${times}): ${verdict(measured(ratio) === null ? null : ratio <= target)}`,
  );
}
