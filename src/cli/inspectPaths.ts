import { open, stat } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import { ENCRYPTION_INFO, HEAD, sniffHead, type NotZipKind } from "../adapters/xlsx/package/sniffBytes";

/** Why the command line will not start on these paths; each is worded in i18n (`cli.unreadable.<kind>`, `cli.out.<kind>`). */
export type PathProblem =
  | { on: "input"; kind: "missing" | "folder" | NotZipKind }
  | { on: "out"; kind: "isFolder" | "noFolder" | "needsXlsm" | "needsXlsx" };

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
  if (!target && !(await stat(dirname(resolve(output))).catch(() => undefined))?.isDirectory())
    return { on: "out", kind: "noFolder" };
  const kind = await sniff(input);
  return kind ? { on: "input", kind } : undefined;
}

/**
 * Excel opens a package only under a name that matches its type: a macro-enabled workbook
 * as .xlsm (.xltm), any other as .xlsx (.xltx). The output keeps the input's macros and
 * type, so its name must say so; other endings are the user's choice.
 * @example outputNameProblem(true, "team.xlsx") → { on: "out", kind: "needsXlsm" }
 */
export function outputNameProblem(
  macroEnabled: boolean,
  output: string,
): { on: "out"; kind: "needsXlsm" | "needsXlsx" } | undefined {
  const ext = extname(output).toLowerCase();
  if (macroEnabled && (ext === ".xlsx" || ext === ".xltx")) return { on: "out", kind: "needsXlsm" };
  if (!macroEnabled && (ext === ".xlsm" || ext === ".xltm")) return { on: "out", kind: "needsXlsx" };
  return undefined;
}

/** A zip (undefined: let the package reader judge it), or what else the file's first bytes say it is (sniffHead). */
async function sniff(file: string): Promise<NotZipKind | undefined> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(HEAD);
    const { bytesRead } = await handle.read(head, 0, HEAD, 0);
    return await sniffHead(head.subarray(0, bytesRead), () => containsAt(handle, Buffer.from(ENCRYPTION_INFO)));
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
