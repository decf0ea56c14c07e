import { formatBox } from "./address";
import { fail, type ContextLike } from "./proxy";
import { isSetSupported } from "./host";
import type { ModelEvent, WorkbookModel } from "./model";

/**
 * Events of the worksheet collection as Office.js raises them (learn.microsoft.com, "Work with
 * events using the Excel JavaScript API"; the event args' reference pages). `add(handler)` is
 * queued and takes effect at the next sync, a set the host lacks fails that sync with ApiNotFound;
 * handlers stay registered after the `Excel.run` that added them, for as long as the add-in runs.
 * Excel calls them asynchronously, after the change, whoever made it: the user (userEdits.ts,
 * or a test changing the model between runs) and the add-in's own requests
 * (`triggerSource: "ThisLocalAddin"`, ExcelApi 1.14) alike. `settled()` waits for every call.
 */

export type EventName =
  | "onAdded"
  | "onDeleted"
  | "onCalculated"
  | "onChanged"
  | "onFormatChanged"
  | "onRowSorted"
  | "onColumnSorted"
  | "onNameChanged";

/** The ExcelApi version that brought each event of `WorksheetCollection` (@types/office-js, Api set notes). */
export const EVENT_API_SETS: Record<EventName, string> = {
  onAdded: "1.7",
  onDeleted: "1.7",
  onCalculated: "1.8",
  onChanged: "1.9",
  onFormatChanged: "1.9",
  onRowSorted: "1.10",
  onColumnSorted: "1.10",
  onNameChanged: "1.17",
};

type Handler = (args: Record<string, unknown>) => unknown;
type Trigger = "ThisLocalAddin" | "Unknown";

/** The handlers registered on one double, and the calls Excel owes them. */
export class EventRegistry {
  private readonly handlers = new Map<EventName, Set<Handler>>();
  private delivering: Promise<void> = Promise.resolve();
  /** Every event told to at least one handler, in order, for tests. */
  readonly raised: { name: EventName; args: Record<string, unknown> }[] = [];
  /** What handlers threw or rejected with (Excel drops them; tests may look). */
  readonly handlerErrors: unknown[] = [];

  add(name: EventName, handler: Handler): void {
    let set = this.handlers.get(name);
    if (!set) this.handlers.set(name, (set = new Set()));
    set.add(handler);
  }

  remove(name: EventName, handler: Handler): void {
    this.handlers.get(name)?.delete(handler);
  }

  /** Handlers registered for `name`. */
  count(name: EventName): number {
    return this.handlers.get(name)?.size ?? 0;
  }

  /** Resolves when every handler call owed so far has run (and its promise settled). */
  settled(): Promise<void> {
    return this.delivering;
  }

  /** Tells the handlers what changed in the model since the last flush; nothing is kept when no one listens. */
  flush(model: WorkbookModel, trigger: Trigger): void {
    for (const { name, args } of takeEvents(model, trigger)) {
      const set = this.handlers.get(name);
      if (!set || set.size === 0) continue;
      this.raised.push({ name, args });
      for (const h of [...set]) {
        this.delivering = this.delivering.then(async () => {
          try {
            await h(args);
          } catch (e) {
            this.handlerErrors.push(e);
          }
        });
      }
    }
  }
}

/** The events a model's changes raise, in Excel's order of telling: sheets added, renamed, cells, sorts, deleted, calculation. */
function takeEvents(model: WorkbookModel, trigger: Trigger): { name: EventName; args: Record<string, unknown> }[] {
  const pending = model.pendingEvents.splice(0);
  const out: { name: EventName; args: Record<string, unknown> }[] = [];
  const base = (sheetId: string) => ({ source: "Local", worksheetId: sheetId });
  const changeType = new Map<string, string>();
  for (const e of pending) if (e.kind === "changeType") changeType.set(e.sheetId, e.changeType);
  const of = (kind: ModelEvent["kind"]) => pending.filter((e) => e.kind === kind);
  for (const e of of("added")) out.push({ name: "onAdded", args: { type: "WorksheetAdded", ...base(e.sheetId) } });
  for (const e of of("renamed"))
    if (e.kind === "renamed")
      out.push({
        name: "onNameChanged",
        args: { type: "WorksheetNameChanged", ...base(e.sheetId), nameBefore: e.nameBefore, nameAfter: e.nameAfter },
      });
  let anyChange = false;
  for (const sheet of model.sheets) {
    if (!sheet.changed) continue;
    anyChange = true;
    out.push({
      name: "onChanged",
      args: {
        type: "WorksheetChanged",
        changeType: changeType.get(sheet.id) ?? "RangeEdited",
        ...base(sheet.id),
        address: formatBox(sheet.changed),
        triggerSource: trigger,
      },
    });
    sheet.changed = null;
  }
  for (const sheet of model.sheets) {
    if (!sheet.formatChanged) continue;
    out.push({
      name: "onFormatChanged",
      args: { type: "WorksheetFormatChanged", ...base(sheet.id), address: formatBox(sheet.formatChanged) },
    });
    sheet.formatChanged = null;
  }
  for (const e of pending) {
    if (e.kind === "rowSorted")
      out.push({
        name: "onRowSorted",
        args: { type: "WorksheetRowSorted", ...base(e.sheetId), address: formatBox(e.box) },
      });
    if (e.kind === "columnSorted")
      out.push({
        name: "onColumnSorted",
        args: { type: "WorksheetColumnSorted", ...base(e.sheetId), address: formatBox(e.box) },
      });
  }
  for (const e of of("deleted"))
    out.push({ name: "onDeleted", args: { type: "WorksheetDeleted", ...base(e.sheetId) } });
  // Automatic calculation: after a change every sheet with formulas recalculates; a volatile recalculation (userEdits.recalculate) alone too.
  const calculated = new Set(of("calculated").map((e) => e.sheetId));
  if (anyChange) for (const s of model.sheets) if (s.hasFormulas) calculated.add(s.id);
  for (const id of calculated) {
    const sheet = model.sheetById(id);
    const used = sheet?.usedBox(false);
    if (sheet)
      out.push({
        name: "onCalculated",
        args: { type: "WorksheetCalculated", worksheetId: id, address: used ? formatBox(used) : "A1" },
      });
  }
  return out;
}

/** `OfficeExtension.EventHandlers` of one event: `add` and `remove`, queued like any call. */
export class EventHandlersDouble {
  constructor(
    private readonly context: ContextLike,
    private readonly path: string,
    private readonly name: EventName,
  ) {}

  add(handler: Handler): EventHandlerResultDouble {
    if (typeof handler !== "function") fail("InvalidArgument", `${this.name}.add`, "the handler must be a function");
    this.queue("add", () => this.context.host.events.add(this.name, handler));
    return new EventHandlerResultDouble(this.context, () =>
      this.queue("remove", () => this.context.host.events.remove(this.name, handler)),
    );
  }

  private queue(op: string, apply: () => void): void {
    const { name } = this;
    this.context._enqueue({
      path: `${this.path}.${name}`,
      name: op,
      args: ["handler"],
      run: () => {
        if (!isSetSupported(this.context.host.options, "ExcelApi", EVENT_API_SETS[name]))
          fail("ApiNotFound", `WorksheetCollection.${name}`, `${name} needs ExcelApi ${EVENT_API_SETS[name]}`);
        apply();
      },
    });
  }
}

/** What `add` returns: `remove()` queues the removal in the context it was added with. */
export class EventHandlerResultDouble {
  constructor(
    readonly context: ContextLike,
    private readonly removeQueued: () => void,
  ) {}

  remove(): void {
    this.removeQueued();
  }
}
