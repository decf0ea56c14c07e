import type { BlockedTable } from "../../adapters/port";
import type { DateSystem } from "../../core/_lib/dates";
import type { WorkbookRecord } from "../../core/record";
import type { Grid } from "../../core/types";
import type { ReadProgress } from "../../adapters/xlsx/stream/readWorkbookGrids";
import type { Lang } from "../../i18n";
import type { Inspection } from "../host";

/** What the pane asks the read worker: open a picked file (its bytes moved, not copied), read its grids, let it go. */
export type ReadRequest =
  | { type: "open"; id: number; name: string; lang: Lang; bytes: ArrayBuffer }
  | { type: "grids"; id: number; skip: string[] }
  /** Open, read and detect a picked file, answer what was detected, and let it go (the Team view, before a run). */
  | { type: "inspect"; id: number; name: string; lang: Lang; bytes: ArrayBuffer }
  | { type: "close"; id: number };

export interface ReadMeta {
  sheetNames: string[];
  record: WorkbookRecord;
  dateSystem: DateSystem;
}

/**
 * What the worker answers. A failure carries the command line's words for it (`describeRunError`,
 * in the request's language) when it is a file that cannot be read, and the error's own message.
 */
export type ReadReply =
  | { type: "meta"; id: number; meta: ReadMeta }
  | { type: "progress"; id: number; progress: ReadProgress }
  | { type: "grids"; id: number; grids: Grid[]; blocked: BlockedTable[] }
  | { type: "inspection"; id: number; inspection: Inspection }
  | { type: "error"; id: number; words?: string; detail: string };
