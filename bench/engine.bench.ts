/**
 * Engine benchmark (`npm run bench`): times `runReview` on a generated workbook with
 * 1,048,575 order rows (Excel's limit), 50,000 customers and 200,000 visits, then at
 * 1/8 and 1/64 of that size, and reports the process's peak memory. Targets on a
 * 2-core machine: full size under 1.5 s, peak RSS under 800 MB.
 *
 * Options: `--runs N` timed runs per size (default 5); `--full-only`; `--receivables-off`: the
 * workbook without its 已回款 and 信用额度 columns (as before issue 15: no receivables, no safety);
 * `--compiled`: time the engine as the command line runs it, compiled to CommonJS by tsc
 * (bench/file's build, untimed), not as tsx loads it: tsx reaches every function another
 * module exports through two getters, which the engine's per-row loops call millions of times.
 * A benchmark, not a test: it prints figures and asserts nothing.
 */
import { createRequire } from "node:module";
import { median } from "../src/core/_lib/median";
import * as sourceReview from "../src/core/runReview";
import type { Review } from "../src/core/runReview";
import * as sourcePlanSheet from "../src/core/plan/buildPlanSheet";
import * as sourcePlan from "../src/core/plan/planNextMonth";
import { generateWorkbook, type BenchWorkbook } from "./generate";

const TARGET_MS = 1500;
const TARGET_RSS_MB = 800;

interface SizeResult {
  label: string;
  orderRows: number;
  cold: number;
  times: number[];
  /** CPU time of each timed run (user + system, all threads: GC included), steadier than wall time on a loaded machine. */
  cpu: number[];
}

const MB = 1024 * 1024;
const args = process.argv.slice(2);
const { runReview, buildPlanSheet, planNextMonth } = engine();
const runs = Math.max(1, Number(args[args.indexOf("--runs") + 1]) || 5);
const sizes: [string, number][] = args.includes("--full-only")
  ? [["1", 1]]
  : [
      ["1", 1],
      ["1/8", 1 / 8],
      ["1/64", 1 / 64],
    ];

/** Drops the paid and credit-limit columns (the last of their sheets), so that the review runs without receivables. */
function dropReceivables(wb: BenchWorkbook): void {
  for (const g of wb.grids) {
    const at = g.values[0].findIndex((h) => h === "已回款" || h === "信用额度");
    if (at >= 0) for (const row of g.values) row.splice(at, 1);
  }
}

/** The engine timed: its sources as tsx loads them, or (`--compiled`) the command line's tsc build of them. */
function engine(): typeof sourceReview & typeof sourcePlanSheet & typeof sourcePlan {
  if (!args.includes("--compiled")) return { ...sourceReview, ...sourcePlanSheet, ...sourcePlan };
  // Loaded only here: bench/file's build brings ExcelJS, whose memory then counts in this run's RSS figures.
  const runners = createRequire(__filename)("./file/runners") as typeof import("./file/runners");
  const build = runners.buildCli();
  console.log(
    `engine compiled with tsc in ${build.seconds.toFixed(1)} s (not timed)${build.typeErrors ? `, ${build.typeErrors} type errors in the tree, emitted anyway` : ""}`,
  );
  return {
    ...runners.requireBuilt<typeof sourceReview>("src/core/runReview"),
    ...runners.requireBuilt<typeof sourcePlanSheet>("src/core/plan/buildPlanSheet"),
    ...runners.requireBuilt<typeof sourcePlan>("src/core/plan/planNextMonth"),
  };
}

function timeRun(wb: BenchWorkbook): { ms: number; cpuMs: number; review: Review } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const review = runReview(wb.grids);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, review };
}

/**
 * Next month's plan (issue 16) on a review, timed apart: what planOutput does for it — the schedule,
 * greetings and the plan sheet's cells (the bench workbook has no prospect sheet, so no prospect columns).
 */
function timePlan(review: Review): { ms: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const plan = planNextMonth(review, "zh-CN");
  buildPlanSheet(review, plan, "zh-CN", "拜访计划", "2026-01-01 00:00");
  const c = process.cpuUsage(c0);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, cpuMs: (c.user + c.system) / 1000 };
}
const planShares: string[] = [];

const fmt = (n: number, digits = 0) => n.toFixed(digits).padStart(9);
const rssMB = () => (process.resourceUsage().maxRSS * 1024) / MB;
const heapMB = () => process.memoryUsage().heapUsed / MB;

const results: SizeResult[] = [];
let memory = { dataHeap: 0, dataRss: 0, resultHeap: 0, peakRss: 0, planRss: 0 };
// Full size first, so that the peak RSS measured is the full-size run's.
for (const [label, scale] of sizes) {
  const g0 = Date.now();
  let wb: BenchWorkbook | null = generateWorkbook(scale);
  if (args.includes("--receivables-off")) dropReceivables(wb);
  const r = wb.rows;
  console.log(
    `size ${label}: ${r.orders} order rows, ${r.customers} customers, ${r.visits} visits, ${r.costs} cost rows (generated in ${Date.now() - g0} ms, not timed)`,
  );
  const dataHeap = heapMB();
  const dataRss = rssMB();
  const cold = timeRun(wb).ms;
  const times: number[] = [];
  const cpu: number[] = [];
  let review: Review | null = null;
  for (let i = 0; i < runs; i++) {
    review = null; // let the previous result go, as a host re-running the review would
    const t = timeRun(wb);
    times.push(t.ms);
    cpu.push(t.cpuMs);
    review = t.review;
  }
  // The engine's peak and heap are read before the plan runs: maxRSS only rises, and the plan's work is not runReview's.
  const engineRss = rssMB();
  const resultHeap = heapMB();
  if (review) {
    const plans = [0, 1, 2].map(() => timePlan(review!));
    const planMs = median(plans.map((p) => p.ms));
    const planCpu = median(plans.map((p) => p.cpuMs));
    const med = median(times);
    const cpuMed = median(cpu);
    planShares.push(
      `  size ${label}: plan ${planMs.toFixed(0)} ms (median of 3) against runReview ${med.toFixed(0)} ms: ${((100 * planMs) / (planMs + med)).toFixed(1)}% of the engine's time (target < 10%)`,
      `  size ${label}: plan ${planCpu.toFixed(0)} CPU ms against runReview ${cpuMed.toFixed(0)} CPU ms: ${((100 * planCpu) / (planCpu + cpuMed)).toFixed(1)}% of the engine's CPU time`,
    );
  }
  if (scale === 1 && review) {
    memory = { dataHeap, dataRss, resultHeap, peakRss: engineRss, planRss: rssMB() };
    console.log(
      `  review: month ${review.month}, ${review.customers.size} customers, ${review.issues.length} data issues, ${review.inputs.orders.n} orders read, receivables ${review.credit ? "on" : "off"}`,
    );
  }
  results.push({ label, orderRows: r.orders, cold, times, cpu });
  review = null;
  wb = null;
}

console.log(
  `\nrunReview time (ms), ${runs} timed runs after one cold run; "cpu med" is the median CPU time (all threads)`,
);
console.log(
  `${"size".padEnd(6)}${"rows".padStart(9)}${"cold".padStart(9)}${"median".padStart(9)}${"min".padStart(9)}${"max".padStart(9)}${"µs/row".padStart(9)}${"cpu med".padStart(9)}`,
);
for (const s of results) {
  const med = median(s.times);
  const perRow = (med * 1000) / s.orderRows;
  console.log(
    `${s.label.padEnd(6)}${fmt(s.orderRows)}${fmt(s.cold)}${fmt(med)}${fmt(Math.min(...s.times))}${fmt(Math.max(...s.times))}${fmt(perRow, 3)}${fmt(median(s.cpu))}`,
  );
}

if (memory.peakRss > 0) {
  const full = results[0];
  const med = median(full.times);
  console.log(`\nmemory at full size (MB)`);
  console.log(`  heap used, generated grids only        ${fmt(memory.dataHeap)}`);
  console.log(`  heap used, grids + last review result  ${fmt(memory.resultHeap)}`);
  console.log(`  peak RSS after generating the grids    ${fmt(memory.dataRss)}`);
  console.log(`  peak RSS after the runs (maxRSS)       ${fmt(memory.peakRss)}`);
  console.log(`  peak RSS after the plan's runs too     ${fmt(memory.planRss)}`);
  console.log(
    `\ntargets: time ${med.toFixed(0)} ms < ${TARGET_MS} ms: ${med < TARGET_MS ? "met" : "NOT met"}; peak RSS ${memory.peakRss.toFixed(0)} MB < ${TARGET_RSS_MB} MB: ${memory.peakRss < TARGET_RSS_MB ? "met" : "NOT met"}`,
  );
}
console.log(`\nnext month's plan (issue 16)`);
for (const line of planShares) console.log(line);
