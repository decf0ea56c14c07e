/**
 * Plan benchmark (issue 16): on the full-size bench workbook, prints a fingerprint (SHA-1 of
 * the JSON of planNextMonth + buildPlanSheet) and the plan's CPU and wall time over several
 * runs, the work a run does for the plan sheet. `npx tsx bench/planShare.ts [--runs N]`.
 * A benchmark, not a test: it prints figures and asserts nothing.
 */
import { createHash } from "node:crypto";
import { loadavg } from "node:os";
import { runReview } from "../src/core/runReview";
import { buildPlanSheet } from "../src/core/plan/buildPlanSheet";
import { planNextMonth } from "../src/core/plan/planNextMonth";
import { generateWorkbook } from "./generate";

const args = process.argv.slice(2);
const runs = Math.max(1, Number(args[args.indexOf("--runs") + 1]) || 7);
const review = runReview(generateWorkbook(1).grids);
const run = () => {
  const plan = planNextMonth(review, "zh-CN");
  return { plan, sheet: buildPlanSheet(review, plan, "zh-CN", "拜访计划", "2026-01-01 00:00") };
};
const out = run();
const sha = createHash("sha1").update(JSON.stringify(out)).digest("hex");
console.log(
  `fingerprint ${sha}: ${out.plan.visits.length} visits, ${out.plan.greetings.length} greetings, ${out.sheet.rows.length} rows`,
);
const cpuMs = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const cpu: number[] = [];
const cpuPlan: number[] = [];
const cpuSheet: number[] = [];
const wall: number[] = [];
for (let i = 0; i < runs; i++) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const plan = planNextMonth(review, "zh-CN");
  cpuPlan.push(cpuMs(c0));
  const c1 = process.cpuUsage();
  buildPlanSheet(review, plan, "zh-CN", "拜访计划", "2026-01-01 00:00");
  cpuSheet.push(cpuMs(c1));
  wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
  cpu.push(cpuMs(c0));
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const line = (label: string, xs: number[]) =>
  console.log(`${label} median ${med(xs).toFixed(0)} [${xs.map((x) => x.toFixed(0)).join(" ")}]`);
line("plan cpu ms", cpu);
line("  planNextMonth cpu ms", cpuPlan);
line("  buildPlanSheet cpu ms", cpuSheet);
line("plan wall ms", wall);
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
