import { NS_MAIN } from "./namespaces";
import { textXml } from "./xmlText";

/** Bytes of a shared strings part's chunk, as a sheet part's. */
const CHUNK_BYTES = 1 << 20;

/**
 * The shared strings of a workbook the run makes (`newWorkbookPackage`): each distinct text is
 * numbered in order of first use, and text cells refer to it by that number, as Excel writes
 * them. The team review's combined sheets name the source file and sheet on every row: as
 * inline strings, 82 MB of the full-size combine's 712 MB of sheet XML.
 * The part is made once every sheet has used the table; a text first used after that throws.
 * @example const t = new SharedStringTable(); t.index("a") === 0; t.index("b") === 1; t.index("a") === 0
 */
export class SharedStringTable {
  private readonly indexes = new Map<string, number>();
  private sealed = false;
  /** Text cells that refer to the table (its part's `count`). */
  private uses = 0;

  index(text: string): number {
    this.uses++;
    let i = this.indexes.get(text);
    if (i === undefined) {
      if (this.sealed) throw new Error("SharedStringTable: a text was used after the shared strings part was made");
      i = this.indexes.size;
      this.indexes.set(text, i);
    }
    return i;
  }

  /** The sharedStrings part, chunk by chunk; no text can be added once it is begun. */
  *part(): Generator<Buffer> {
    this.sealed = true;
    const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS_MAIN}" count="${this.uses}" uniqueCount="${this.indexes.size}">`;
    let xml = head;
    for (const text of this.indexes.keys()) {
      xml += `<si>${textXml(text)}</si>`;
      if (xml.length >= CHUNK_BYTES / 3) {
        yield Buffer.from(xml, "utf8");
        xml = "";
      }
    }
    yield Buffer.from(`${xml}</sst>`, "utf8");
  }
}
