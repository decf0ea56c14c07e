/**
 * Preloaded (`node --require`) into the command line's Node processes when GNU time is
 * missing: on exit each appends its peak RSS in KiB and its CPU µs to `$BENCH_RUSAGE_FILE`. A process that
 * dies without running exit handlers (an out-of-memory abort) writes nothing.
 */
import { appendFileSync } from "node:fs";

const target = process.env.BENCH_RUSAGE_FILE;
if (target) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    appendFileSync(target, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}\n`);
  });
}
