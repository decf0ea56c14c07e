/** What a file's first bytes say it is when it is not a zip; each kind is worded in i18n (`cli.unreadable.<kind>`, `cli.notXlsx`). */
export type NotZipKind = "encrypted" | "oldXls" | "text" | "notZip";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The stream an encrypted Office file keeps its key data in (MS-OFFCRYPTO), as its directory entry spells it (UTF-16LE). */
export const ENCRYPTION_INFO = Uint8Array.from([..."EncryptionInfo"].flatMap((c) => [c.charCodeAt(0), 0]));

/** How many first bytes `sniffHead` needs. */
export const HEAD = 4096;

/**
 * A zip (undefined: let the package reader judge it), or what else the file's first bytes say it
 * is: an encrypted workbook and an old .xls are OLE compound files (told apart by whether the
 * file holds an EncryptionInfo stream, which `holdsEncryptionInfo` searches), a CSV or other text.
 * @example await sniffHead(new TextEncoder().encode("a,b\n1,2\n"), async () => false) === "text"
 */
export async function sniffHead(
  head: Uint8Array,
  holdsEncryptionInfo: () => Promise<boolean>,
): Promise<NotZipKind | undefined> {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b) return undefined;
  if (head.length >= 8 && OLE.every((b, i) => head[i] === b))
    return (await holdsEncryptionInfo()) ? "encrypted" : "oldXls";
  return isText(head) ? "text" : "notZip";
}

/** `sniffHead` over a whole file held in memory (a file picked in the pane). */
export function sniffBytes(data: Uint8Array): Promise<NotZipKind | undefined> {
  return sniffHead(data.subarray(0, HEAD), async () => indexOfBytes(data, ENCRYPTION_INFO) >= 0);
}

/** Where `needle` first occurs in `data`, or -1. */
export function indexOfBytes(data: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  for (let i = data.indexOf(first); i >= 0 && i <= data.length - needle.length; i = data.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && data[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

/** Text: no NUL and few control characters in the first bytes (UTF-8, a BOM, CSV, TSV, HTML or XML all pass). */
function isText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  let control = 0;
  for (const b of bytes) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  }
  return control <= bytes.length / 100;
}

/** A picked file that is not a zip: `kind` says what it is instead (the pane's counterpart of inspectPaths' problem). */
export class NotZipError extends Error {
  constructor(
    readonly kind: NotZipKind,
    readonly file: string,
  ) {
    super(`${file} is not an .xlsx workbook: ${kind}`);
    this.name = "NotZipError";
  }
}
