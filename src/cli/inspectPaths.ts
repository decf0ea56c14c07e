import { open, stat } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";

/** Why the command line will not start on these paths; each is worded in i18n (`cli.unreadable.<kind>`, `cli.out.<kind>`). */
export type PathProblem =
  | { on: "input"; kind: "missing" | "folder" | "encrypted" | "oldXls" | "text" | "notZip" }
  | { on: "out"; kind: "isFolder" | "noFolder" | "needsXlsm" | "needsXlsx" };

const OLE = Buffer.from("d0cf11e0a1b11ae1", "hex");
/** The stream an encrypted Office file keeps its key data in (MS-OFFCRYPTO), as its directory entry spells it. */
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");
const HEAD = 4096;

/**
 * What stops a run before any part is read: an input that is missing, a folder, or not a
 * zip at all (an encrypted workbook and an old .xls are OLE compound files; a CSV or other
 * text), and an output that names a folder or lies in a folder that does not exist (never
 * created: a typo in --out should not make folders). Undefined when the run may start.
 */
export async function inspectPaths(input: string, output: string): Promise<PathProblem | undefined> {
  const info = await stat(input).catch(() => undefined);
  if (!info) return { on: "input", kind: "missing" };
  if (info.isDirectory()) return { on: "input", kind: "folder" };
  const target = await stat(output).catch(() => undefined);
  if (target?.isDirectory()) return { on: "out", kind: "isFolder" };
  if (!target && !(await stat(dirname(resolve(output))).catch(() => undefined))?.isDirectory()) return { on: "out", kind: "noFolder" };
  const kind = await sniff(input);
  return kind ? { on: "input", kind } : undefined;
}

/**
 * Excel opens a package only under a name that matches its type: a macro-enabled workbook
 * as .xlsm (.xltm), any other as .xlsx (.xltx). The output keeps the input's macros and
 * type, so its name must say so; other endings are the user's choice.
 * @example outputNameProblem(true, "team.xlsx") → { on: "out", kind: "needsXlsm" }
 */
export function outputNameProblem(macroEnabled: boolean, output: string): { on: "out"; kind: "needsXlsm" | "needsXlsx" } | undefined {
  const ext = extname(output).toLowerCase();
  if (macroEnabled && (ext === ".xlsx" || ext === ".xltx")) return { on: "out", kind: "needsXlsm" };
  if (!macroEnabled && (ext === ".xlsm" || ext === ".xltm")) return { on: "out", kind: "needsXlsx" };
  return undefined;
}

/** A zip (undefined: let the package reader judge it), or what else the file's first bytes say it is. */
async function sniff(file: string): Promise<"encrypted" | "oldXls" | "text" | "notZip" | undefined> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(HEAD);
    const { bytesRead } = await handle.read(head, 0, HEAD, 0);
    const bytes = head.subarray(0, bytesRead);
    if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return undefined;
    if (bytes.subarray(0, 8).equals(OLE)) return (await containsAt(handle, ENCRYPTION_INFO)) ? "encrypted" : "oldXls";
    return isText(bytes) ? "text" : "notZip";
  } finally {
    await handle.close();
  }
}

/** Whether the file holds `needle` anywhere, read in 1 MiB blocks (an encrypted workbook's directory may lie past its data). */
async function containsAt(handle: Awaited<ReturnType<typeof open>>, needle: Buffer): Promise<boolean> {
  const block = Buffer.alloc(1024 * 1024 + needle.length);
  let position = 0;
  let carried = 0;
  for (;;) {
    const { bytesRead } = await handle.read(block, carried, block.length - carried, position);
    if (bytesRead === 0) return false;
    const filled = carried + bytesRead;
    if (block.subarray(0, filled).includes(needle)) return true;
    position += bytesRead;
    carried = Math.min(needle.length - 1, filled);
    block.copy(block, 0, filled - carried, filled);
  }
}

/** Text: no NUL and few control characters in the first bytes (UTF-8, a BOM, CSV, TSV, HTML or XML all pass). */
function isText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  let control = 0;
  for (const b of bytes) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  }
  return control <= bytes.length / 100;
}
