import { type DoubleErrorCode, isDoubleError, officeError } from "./errors";
import { DEFAULT_PAYLOAD_LIMIT_BYTES, type DoubleHost, type SyncRecord, utf8Bytes } from "./host";
import type { ClientObjectLike, ContextLike, LoadSpec, QueuedOp } from "./proxy";
import { ApplicationDouble, WorkbookDouble } from "./worksheet";

/**
 * Excel.RequestContext: holds the queue of operations and runs it on `sync()`.
 * A sync measures its request (JSON of every queued operation and its arguments)
 * before running anything, so an oversized request changes nothing, exactly as
 * Excel on the web refuses it whole. Operations then run in order and stop at the
 * first error, leaving earlier ones applied, as Excel does.
 */
export class RequestContextDouble implements ContextLike {
  readonly workbook: WorkbookDouble;
  readonly application: ApplicationDouble;
  /** Office's object tracking; the double's objects never expire within a run, so these are no-ops. */
  readonly trackedObjects = { add: (_o: unknown): void => undefined, remove: (_o: unknown): void => undefined };
  private queue: QueuedOp[] = [];
  private staged: { payload: unknown; apply: () => void }[] = [];
  private closed = false;

  constructor(readonly host: DoubleHost) {
    this.workbook = new WorkbookDouble(this);
    this.application = this.workbook.application;
  }

  /** Queued operations not yet synced. */
  get _pending(): number {
    return this.queue.length;
  }

  _enqueue(op: QueuedOp): void {
    // Office would send this with the next sync of a finished run and fail with
    // InvalidObjectPath; the double says so at once, where the mistake is.
    if (this.closed)
      throw officeError(
        "InvalidObjectPath",
        `${op.path}.${op.name}`,
        "the Excel.run that created this object has finished",
        op.path,
      );
    this.queue.push(op);
  }

  _stage(payload: unknown, apply: () => void): void {
    this.staged.push({ payload, apply });
  }

  /** `context.load(object, "a,b")`, the older spelling of `object.load`. */
  load<O extends ClientObjectLike>(object: O, spec?: LoadSpec): O {
    object.load(spec);
    return object;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    await this._sync(false);
    return passThroughValue as T;
  }

  async _sync(implicit: boolean): Promise<void> {
    const { stats, options } = this.host;
    const ops = this.queue;
    this.queue = [];
    stats.syncCount += 1;
    const n = stats.syncCount;
    const request =
      ops.length === 0 ? "" : JSON.stringify(ops.map((o) => ({ path: o.path, name: o.name, args: o.args })));
    const record: SyncRecord = { n, requestBytes: utf8Bytes(request), responseBytes: 0, ops: ops.length, implicit };
    stats.syncs.push(record);
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    else await Promise.resolve();
    if (ops.length === 0) return; // Office sends nothing when nothing is queued
    const reject = (code: DoubleErrorCode, details: string): never => {
      record.error = code;
      throw officeError(code, undefined, details);
    };
    if (options.editMode) reject("InvalidOperationInCellEditMode", `sync ${n}: options.editMode is on`);
    const forced = options.failOnSync?.(n);
    if (forced) reject(forced === true ? "GeneralException" : forced, `sync ${n} failed by options.failOnSync`);
    const requestLimit = options.requestLimitBytes ?? DEFAULT_PAYLOAD_LIMIT_BYTES;
    if (record.requestBytes > requestLimit)
      reject(
        "RequestPayloadSizeLimitExceeded",
        `sync ${n} sends ${record.requestBytes} bytes; the limit is ${requestLimit}`,
      );

    this.staged = [];
    try {
      for (const op of ops) op.run();
    } catch (e) {
      record.error = isDoubleError(e) ? e.code : "GeneralException";
      this.staged = [];
      throw e;
    } finally {
      // What the request changed, even up to an operation that failed, raises Excel's events.
      this.host.events.flush(this.host.model, "ThisLocalAddin");
    }
    const staged = this.staged;
    this.staged = [];
    record.responseBytes = staged.length === 0 ? 0 : utf8Bytes(JSON.stringify(staged.map((s) => s.payload)));
    const responseLimit = options.responseLimitBytes ?? requestLimit;
    if (record.responseBytes > responseLimit)
      reject(
        "ResponsePayloadSizeLimitExceeded",
        `sync ${n} would return ${record.responseBytes} bytes; the limit is ${responseLimit}`,
      );
    for (const s of staged) s.apply();
  }

  _close(): void {
    this.closed = true;
  }
}
