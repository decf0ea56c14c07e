import { t, type Lang } from "../i18n";

/** What the command line is doing, as its progress line says it. */
export type CliProgress = ReadUpdate | { stage: "compute" } | { stage: "write"; sheet?: string };

/**
 * A sheet's rows read so far. `done` counts the workbook's sheets finished, this one included
 * once it is: a sheet whose update raises it has finished.
 */
interface ReadUpdate {
  stage: "read";
  sheet: string;
  rows: number;
  done?: number;
}

/** The part of a stream the line needs (`process.stderr`, or a fake one in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  /** Terminal width; the line is cut to fit so that `\r` can go back over it. */
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressLine {
  update(progress: CliProgress): void;
  /** Erases the line (before the summary or a message); a later update draws it again. */
  clear(): void;
}

/** At most five redraws a second within a stage; a new stage is drawn at once, the same text not again. */
export const REDRAW_MS = 200;

const ERASE = "\r\x1b[K";

/**
 * One line on a terminal that says what the run is doing: `读取 订单表 … 512,000 行`, redrawn
 * in place (`\r`, then erase to the end of the line). Does nothing when the stream is not
 * a TTY (or not given), so that pipes, files and tests see exactly the output they saw before.
 * @example const line = progressLine(process.stderr, "en-US"); line.update({ stage: "read", sheet: "Orders", rows: 65_536 }) writes "\r\x1b[KReading Orders … 65,536 rows"
 */
export function progressLine(
  stream: ProgressStream | undefined,
  lang: Lang,
  now: () => number = Date.now,
): ProgressLine {
  if (stream?.isTTY !== true) return { update: () => undefined, clear: () => undefined };
  const tty = stream;
  /** The text on the line now; undefined when nothing is. */
  let shown: string | undefined;
  let stage: CliProgress["stage"] | undefined;
  let drawnAt = -Infinity;
  const read = sheetsBeingRead();
  return {
    update(progress) {
      const at = now();
      const reading = progress.stage === "read" ? read(progress) : [];
      if (progress.stage === stage && at - drawnAt < REDRAW_MS) return;
      const text = fit(describe(progress, reading, lang), tty.columns);
      if (text === shown) return;
      stage = progress.stage;
      drawnAt = at;
      shown = text;
      tty.write(ERASE + text);
    },
    clear() {
      if (shown === undefined) return;
      shown = undefined;
      stage = undefined;
      tty.write(ERASE);
    },
  };
}

/**
 * The sheets being read, each with its rows so far, in the order they started: the command line
 * reads its largest sheet on another thread beside the others, and the line shows both. A sheet
 * is shown once more as it finishes, then leaves; a `done` lower than before is a new workbook's read.
 */
function sheetsBeingRead(): (p: ReadUpdate) => [string, number][] {
  const rows = new Map<string, number>();
  let done = 0;
  return (p) => {
    if (p.done !== undefined && p.done < done) rows.clear();
    rows.set(p.sheet, p.rows);
    const shown = [...rows];
    if (p.done !== undefined && p.done > done) rows.delete(p.sheet);
    done = p.done ?? done;
    return shown;
  };
}

/** `读取 订单表 … 393,216 行 · 拜访表 … 65,536 行` */
function describeRead(sheets: readonly [string, number][], lang: Lang): string {
  return sheets
    .map(([sheet, rows], i) =>
      t(lang, i === 0 ? "cli.progress.read" : "cli.progress.readAlso", { sheet, rows: groupDigits(rows) }),
    )
    .join(" · ");
}

/** The line's text; `reading`, the sheets being read (`sheetsBeingRead`) when `p` is a read's. */
function describe(p: CliProgress, reading: readonly [string, number][], lang: Lang): string {
  if (p.stage === "read") return describeRead(reading, lang);
  if (p.stage === "compute") return t(lang, "cli.progress.compute");
  return p.sheet === undefined ? t(lang, "cli.progress.writeFile") : t(lang, "cli.progress.write", { sheet: p.sheet });
}

/** `1048575` → `1,048,575` (the same in both languages, as the brief's 订单表 example writes it). */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Cuts the text to less than the terminal's width (East Asian characters take two columns),
 * ending it with `…`: a line that wrapped could not be redrawn with `\r`.
 */
function fit(text: string, columns: number | undefined): string {
  if (columns === undefined || columns < 2) return text;
  let width = 0;
  let out = "";
  for (const ch of text) {
    const w = ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
    if (width + w > columns - 2) return `${out}…`;
    width += w;
    out += ch;
  }
  return text;
}
