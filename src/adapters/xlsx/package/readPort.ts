import { decodeRecord } from "../../../core/record";
import type { BlockedTable, WorkbookPort } from "../../port";
import { readWorkbook, type ReadProgress } from "../stream/readWorkbookGrids";
import type { PackageParts } from "./describeParts";
import { streamWorkbook } from "./openXlsxParts";
import { recordCells } from "./recordCells";

/** The reading half of a `WorkbookPort` over a package, whichever zip layer opened it. */
export type PackageReader = Pick<WorkbookPort, "readMeta" | "readGrids"> & { blockedTables(): readonly BlockedTable[] };

/**
 * Reads a package as the command line and the pane both do: sheet names from workbook.xml,
 * the record from the very hidden record sheet's column A, grids from the streaming reader
 * (which also finds the tables that cannot widen). `onRows` hears rows as they are read;
 * `readGrids`' own `onProgress` hears each sheet read (done of total sheets).
 */
export function packageReader(pkg: PackageParts, onRows?: (p: ReadProgress) => void): PackageReader {
  let blocked: BlockedTable[] = [];
  return {
    async readMeta() {
      const { sheets } = await streamWorkbook(await pkg.openStream(pkg.workbookPath), pkg.workbookPath);
      return {
        sheetNames: sheets.map((s) => s.name),
        record: decodeRecord(await recordCells(pkg)),
        dateSystem: pkg.date1904 ? 1904 : 1900,
      };
    },
    async readGrids(skip, onProgress) {
      let told = -1;
      const read = await readWorkbook(pkg, skip, (p) => {
        onRows?.(p);
        if (p.done !== told) onProgress?.({ stage: "read", done: (told = p.done), total: p.total });
      });
      blocked = read.blocked;
      return read.grids;
    },
    blockedTables: () => blocked,
  };
}
