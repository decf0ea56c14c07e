/**
 * The team review's merge alone (`npm run bench:merge`, issue 17): the benchmark workbook cut
 * into per-salesperson files (as `npm run bench:file` cuts it, cached in bench/.cache), every
 * input's grids read first, then merged `--runs` times in one process, as the command line's
 * build runs it (compiled first with `tsc`, as bench:file does). Without the reading's share of
 * the machine and with the grids already in memory, the merge's time varies far less from run
 * to run than a whole combine's: run it before and after a change to the merge, alternated.
 * Prints each merge's wall and CPU seconds and the combined sheets' rows.
 *
 * Options: `--sizes 1` (one size: a divisor of full size, or `issue`), `--parts 8`, `--runs 4`.
 * The first merge of a process is the slowest (V8 compiles as it goes); the median leaves it in.
 * A benchmark, not a test: it asserts nothing.
 */
import { ensureCutWorkbooks } from "./file/cutWorkbooks";
import { parseSizes } from "./file/generateWorkbook";
import { buildCli, requireBuilt } from "./file/runners";
import { median } from "../src/core/_lib/median";
import type * as OpenXlsx from "../src/adapters/xlsx/package/openXlsx";
import type * as PackagePort from "../src/adapters/xlsx/package/packagePort";
import type * as ReadInputGrids from "../src/adapters/readInputGrids";
import type * as MergeWorkbooks from "../src/core/mergeWorkbooks";

const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const parts = Math.max(2, Number(option("--parts") ?? 8) || 8);
const runs = Math.max(1, Number(option("--runs") ?? 4) || 4);

async function main(): Promise<void> {
  const size = parseSizes(argv, "1")[0];
  const files = await ensureCutWorkbooks(size, parts, (line) => console.log(line));
  const built = buildCli();
  if (built.typeErrors > 0) console.log(`(the build has ${built.typeErrors} type errors)`);
  const { openXlsx } = requireBuilt<typeof OpenXlsx>("src/adapters/xlsx/package/openXlsx");
  const { packagePort } = requireBuilt<typeof PackagePort>("src/adapters/xlsx/package/packagePort");
  const { readInputGrids } = requireBuilt<typeof ReadInputGrids>("src/adapters/readInputGrids");
  const { WorkbookMerger } = requireBuilt<typeof MergeWorkbooks>("src/core/mergeWorkbooks");
  const inputs: ReadInputGrids.InputGrids[] = [];
  for (const file of files) {
    const pkg = await openXlsx(file);
    try {
      inputs.push(await readInputGrids(packagePort(pkg), "zh-CN"));
    } finally {
      await pkg.close();
    }
  }
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    const merger = new WorkbookMerger("zh-CN");
    inputs.forEach((input, i) => merger.add(files[i], input.grids, input.run));
    const merged = merger.finish();
    const cpu = process.cpuUsage(c0);
    walls.push(Number(process.hrtime.bigint() - t0) / 1e9);
    cpus.push((cpu.user + cpu.system) / 1e6);
    const rows = merged.grids.map((g) => `${g.sheet} ${g.values.length - 1}`).join(", ");
    console.log(`merge ${r + 1}: ${walls[r].toFixed(2)} s, cpu ${cpus[r].toFixed(2)} s (${rows})`);
  }
  console.log(`median of ${runs}: ${median(walls).toFixed(2)} s, cpu ${median(cpus).toFixed(2)} s`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
