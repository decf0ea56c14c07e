import { t, type Lang } from "../i18n";

/** What the command line is doing, as its progress line says it. */
export type CliProgress =
  { stage: "read"; sheet: string; rows: number } | { stage: "compute" } | { stage: "write"; sheet?: string };

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
  return {
    update(progress) {
      const at = now();
      if (progress.stage === stage && at - drawnAt < REDRAW_MS) return;
      const text = fit(describe(progress, lang), tty.columns);
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

function describe(p: CliProgress, lang: Lang): string {
  if (p.stage === "read") return t(lang, "cli.progress.read", { sheet: p.sheet, rows: groupDigits(p.rows) });
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
