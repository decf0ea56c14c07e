/**
 * The file cannot be read as an .xlsx workbook: not a zip, a damaged zip, a zip
 * without a workbook part, or a package with an unsafe entry name (`../x`, `/etc/x`).
 * A RangeError, so that the command line reports it as bad input (exit code 2) with
 * the message, which names the file and the reason.
 */
export class NotAnXlsxError extends RangeError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file} is not an .xlsx workbook: ${reason}`);
    this.name = "NotAnXlsxError";
  }
}

/** What makes a part of an .xlsx package unreadable; the command line words each (`cli.unreadable.<kind>`). */
export type UnreadableKind = "damaged" | "tooLarge" | "entities" | "utf16" | "malformed" | "strict" | "rowOrder";

/**
 * A part of the package cannot be read safely: its compressed data is damaged, a text in it
 * is larger than any cell holds, it declares or uses XML entities (never resolved), it is
 * UTF-16 (the package writer splices UTF-8 bytes), its XML is not well-formed, the package is
 * Strict Open XML (written only in the transitional class), or a sheet the run writes into
 * stores its rows out of order (the patcher inserts rows in order). `detail`
 * is the parser's or zlib's own message, for a bug report; the user is told `kind` in words.
 */
export class UnreadablePartError extends Error {
  constructor(
    readonly kind: UnreadableKind,
    readonly part: string,
    readonly detail: string,
  ) {
    super(`${part}: ${kind}: ${detail}`);
    this.name = "UnreadablePartError";
  }
}

/** UTF-16 text, by its byte-order mark or a `<` followed or preceded by a NUL byte. */
export function looksUtf16(head: Uint8Array): boolean {
  if (head.length < 2) return false;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  return (head[0] === 0x3c && head[1] === 0) || (head[0] === 0 && head[1] === 0x3c);
}

/** Whether XML text declares a document type or entities (refused: nothing is ever resolved). */
export function declaresEntities(text: string): boolean {
  return text.includes("<!DOCTYPE") || text.includes("<!ENTITY");
}

/** The kind of an error thrown while a part was inflated or parsed, when it is one of the above. */
export function unreadableKindOf(e: unknown): UnreadableKind | undefined {
  if (e instanceof UnreadablePartError) return e.kind;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code.startsWith("Z_")) return "damaged"; // zlib: a corrupt deflate stream
  if (e instanceof RangeError && /Invalid string length|Array buffer allocation failed/.test(e.message))
    return "tooLarge";
  return undefined;
}
