import type { DoubleErrorCode } from "./errors";
import type { EventRegistry } from "./events";
import type { WorkbookModel } from "./model";

/** Excel on the web refuses requests and responses over 5 MB. */
export const DEFAULT_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Reads of more than 5 million cells fail (Office's documented range limit). */
export const DEFAULT_MAX_READ_CELLS = 5_000_000;

export interface DoubleOptions {
  /** Largest request a sync may send, in bytes of JSON; default 5 MB as Excel on the web. */
  requestLimitBytes?: number;
  /** Largest response a sync may receive; defaults to `requestLimitBytes`. */
  responseLimitBytes?: number;
  /** Most cells one load of values/formulas/numberFormat/text may read; default 5,000,000. */
  maxReadCells?: number;
  /** Makes sync number n (1-based, over the double's lifetime) reject before executing: `true` → GeneralException, or the code to reject with. */
  failOnSync?: (n: number) => boolean | DoubleErrorCode;
  /** The user is typing in a cell: every sync that has work rejects with InvalidOperationInCellEditMode. Mutable between runs. */
  editMode?: boolean;
  /**
   * The requirement sets the host has, each with its highest version ({ ExcelApi: "1.12" });
   * a set not listed is missing. Undefined: every set the double models is there. An API of
   * a newer version then fails its sync with ApiNotFound, as an older Excel does.
   */
  apiSets?: Record<string, string>;
  /** Milliseconds each round trip takes (setTimeout); 0 resolves on a microtask, safe with fake timers. */
  latencyMs?: number;
}

/** What one `context.sync()` cost. Empty syncs (nothing queued) send nothing, as in Office, and cost 0 bytes. */
export interface SyncRecord {
  n: number;
  requestBytes: number;
  responseBytes: number;
  ops: number;
  /** The flush Excel.run does itself when the batch leaves work queued. */
  implicit: boolean;
  /** The error code the sync rejected with. */
  error?: string;
}

export interface RunRecord {
  mergeUndoGroup?: boolean;
  delayForCellEdit?: boolean;
}

/** Everything the double counts; adapter tests assert on these. */
export class DoubleStats {
  syncCount = 0;
  readonly syncs: SyncRecord[] = [];
  readonly runs: RunRecord[] = [];
  suspendApiCalculationCalls = 0;
  suspendScreenUpdatingCalls = 0;

  /** Syncs that actually went to Excel (had queued work). */
  get roundTrips(): number {
    return this.syncs.filter((s) => s.ops > 0).length;
  }

  get maxRequestBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.requestBytes), 0);
  }

  get maxResponseBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.responseBytes), 0);
  }

  get totalBytes(): number {
    return this.syncs.reduce((m, s) => m + s.requestBytes + s.responseBytes, 0);
  }

  reset(): void {
    this.syncCount = 0;
    this.syncs.length = 0;
    this.runs.length = 0;
    this.suspendApiCalculationCalls = 0;
    this.suspendScreenUpdatingCalls = 0;
  }
}

export interface DoubleHost {
  readonly model: WorkbookModel;
  readonly options: DoubleOptions;
  readonly stats: DoubleStats;
  /** Event handlers the add-in registered (they outlive the run that added them). */
  readonly events: EventRegistry;
}

/** Office.context.requirements.isSetSupported over `options.apiSets`: versions compare part by part ("1.9" < "1.13"). */
export function isSetSupported(options: DoubleOptions, name: string, version = "1.1"): boolean {
  if (!options.apiSets) return true;
  const have = options.apiSets[name];
  if (have === undefined) return false;
  const a = have.split(".").map(Number);
  const b = version.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

/** UTF-8 size of a string: what goes over the wire. TextEncoder exists in browsers and Node alike. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}
