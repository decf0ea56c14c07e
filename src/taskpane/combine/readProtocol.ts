import type { CombineInput, CombineOptions } from "../../adapters/combineWorkbooks";
import type { OwnSheets } from "../../adapters/excel/combineInExcel";
import type { ReadProgress } from "../../adapters/xlsx/stream/readWorkbookGrids";
import type { Lang } from "../../i18n";
import type { Inspection } from "../host";
import type { PostedError } from "../../adapters/postedError";

/** A picked file of a combine: its name, its bytes (moved, not copied) and the mapping the user chose for it. */
export interface CombineFile {
  name: string;
  bytes: ArrayBuffer;
  overrides?: CombineInput["overrides"];
}

/** What the pane asks the read worker. */
export type ReadRequest =
  /** Open, read and detect a picked file, answer what was detected, and let it go (the Team view, before a run). */
  | { type: "inspect"; id: number; name: string; lang: Lang; bytes: ArrayBuffer }
  /**
   * The whole team review (combineWorkbooks) over the picked files, the open workbook's own sheets
   * first when they take part (read by the pane, which alone reaches Excel): answered by `slice`s
   * of its large arrays, then `combined`.
   */
  | {
      type: "combine";
      id: number;
      files: CombineFile[];
      own?: OwnSheets;
      options: Omit<CombineOptions, "onMerge">;
    };

/** How far a combine is: reading a file (rows per sheet), merging it, or merging the last one and reviewing. */
export type CombineStep =
  | { kind: "read"; file: string; progress: ReadProgress }
  | { kind: "merge"; file: string }
  | { kind: "review"; file: string };

/** What the worker answers; a request that fails is answered with its error as data (postedError). */
export type ReadReply =
  | { type: "inspection"; id: number; inspection: Inspection }
  | { type: "error"; id: number; error: PostedError }
  | { type: "step"; id: number; step: CombineStep }
  | { type: "slice"; id: number; key: number; items: unknown[] }
  | { type: "combined"; id: number; skeleton: unknown };
