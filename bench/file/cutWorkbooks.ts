/**
 * The team review's benchmark input (issue 17): the benchmark workbook of a size cut into
 * `parts` per-salesperson workbooks (salespeople dealt round-robin; each file keeps the whole
 * customer sheet and its salespeople's orders, visits and cost rows), written as the
 * benchmark writes its workbook and cached beside it in `bench/.cache/`.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { generateWorkbook } from "../generate";
import { cutGrids } from "../../test/support/cutWorkbook";
import { CACHE_DIR, workbookPath, writeGridsFile, type BenchSize } from "./generateWorkbook";

/**
 * The cut files of a size, generated first when missing.
 * @example (await ensureCutWorkbooks(parseSizes(["--sizes", "1"])[0], 8)).length === 8
 */
export async function ensureCutWorkbooks(
  size: BenchSize,
  parts: number,
  log: (line: string) => void = () => undefined,
): Promise<string[]> {
  const files = Array.from({ length: parts }, (_, i) =>
    workbookPath(size).replace(/\.xlsx$/, `-cut${parts}-${i + 1}.xlsx`),
  );
  if (files.every((f) => existsSync(f))) return files;
  mkdirSync(CACHE_DIR, { recursive: true });
  log(`cutting ${workbookPath(size)} into ${parts} per-salesperson workbooks …`);
  const t0 = Date.now();
  const { grids } = generateWorkbook(1 / size.divisor, undefined, size.counts);
  const reps: string[] = [];
  const cuts = cutGrids(grids, parts, (_role, _row, text) => {
    const rep = text("salesperson");
    if (!reps.includes(rep)) reps.push(rep);
    return reps.indexOf(rep) % parts;
  });
  for (let i = 0; i < parts; i++) {
    const tmp = `${files[i]}.${process.pid}.tmp`;
    try {
      await writeGridsFile(cuts[i], tmp);
      renameSync(tmp, files[i]);
    } finally {
      rmSync(tmp, { force: true });
    }
  }
  log(`  ${parts} files in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return files;
}
