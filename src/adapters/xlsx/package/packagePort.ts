import { randomBytes } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { WritePlan } from "../../../core/output";
import type { WorkbookRecord } from "../../../core/record";
import type { WorkbookPort } from "../../port";
import type { ReadProgress } from "../stream/readWorkbookGrids";
import type { XlsxPackage } from "./openXlsx";
import { packageReader } from "./readPort";
import { writeXlsx } from "./writeXlsx";

/** The port over an opened package; `write` keeps the plan, `save` writes the output file. */
export interface PackagePort extends WorkbookPort {
  /**
   * Writes the input package with the kept plan to a temporary file beside `outFile`, closes
   * the input and renames the temporary file over `outFile`: a crash never leaves half a
   * file, and the input (even with `outFile` equal to it) is only ever replaced by the rename.
   */
  save(outFile: string): Promise<void>;
  /** Closes the input package (again is harmless). */
  close(): Promise<void>;
}

/**
 * What the command line's progress line shows: rows read in a sheet (see `readWorkbook`),
 * and the output being written, sheet by sheet as each input sheet's part is patched.
 */
export type FileProgress = ({ stage: "read" } & ReadProgress) | { stage: "write"; sheet?: string };

/**
 * A `WorkbookPort` over an .xlsx package opened with `openXlsx`: sheet names from
 * workbook.xml, the record from the very hidden record sheet's column A, grids from the
 * streaming reader (which also finds the tables that cannot widen, as the Office.js reader
 * does, so that both paths write the same cells), and the output written at package level by `writeXlsx`.
 * `readGrids` reports a sheet read as its `Progress` (done of total sheets); `onProgress`
 * hears rows as well, and `save`'s writing, which no `Progress` covers.
 */
export function packagePort(pkg: XlsxPackage, options: { onProgress?: (p: FileProgress) => void } = {}): PackagePort {
  let kept: { plan: WritePlan; record: WorkbookRecord; replaceSheets: readonly string[] } | undefined;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await pkg.close();
  };
  const tell = options.onProgress;
  return {
    ...packageReader(pkg, tell && ((p) => tell({ stage: "read", ...p }))),
    async write(plan, record, replaceSheets) {
      kept = { plan, record, replaceSheets };
    },
    async save(outFile) {
      if (!kept) throw new Error("packagePort.save: nothing was written");
      const target = resolve(outFile);
      await mkdir(dirname(target), { recursive: true });
      const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString("hex")}.tmp`);
      try {
        tell?.({ stage: "write" });
        await writeXlsx(
          pkg,
          kept.plan,
          kept.record,
          kept.replaceSheets,
          tmp,
          undefined,
          tell && ((sheet) => tell({ stage: "write", sheet })),
        );
        await close();
        await rename(tmp, target);
      } catch (e) {
        await rm(tmp, { force: true });
        throw e;
      }
    },
    close,
  };
}
