import { AttrCursor, readAttr } from "../package/xmlScan";
import { parseXmlStream, parseXmlText, type ByteChunks } from "./parseXmlStream";
import { decodeAttr } from "./xmlReferences";
import { XmlTokenizer, type XmlHandler } from "./xmlTokenizer";

/** An element's attributes by qualified name, values decoded. */
export type Attributes = Record<string, string>;

/**
 * Hands `onElement` the attributes of every element named `names` (by local name, whatever
 * prefix) of an XML part, in document order, streaming it through `XmlTokenizer`: nothing but
 * those elements' attributes is kept, so a part nesting millions of elements costs no memory
 * for them. `depth` is the element's depth (the root is 0).
 */
class ElementReader implements XmlHandler {
  private depth = 0;
  private readonly attr = new AttrCursor();

  constructor(
    private readonly names: ReadonlySet<string>,
    private readonly onElement: (local: string, attrs: Attributes, depth: number) => void,
  ) {}

  open(s: string, name: string, attrs: number): void {
    const local = localNameOf(name);
    if (this.names.has(local)) this.onElement(local, readAttributes(s, attrs, this.attr), this.depth);
    this.depth++;
  }

  close(): void {
    this.depth--;
  }

  text(): void {}

  cdata(): void {}
}

/** Every attribute of the tag whose attributes start at `from`, values decoded. */
function readAttributes(s: string, from: number, a: AttrCursor): Attributes {
  const out: Attributes = {};
  for (let i = from; readAttr(s, i, a) === 1; i = a.next)
    out[s.slice(a.nameStart, a.nameEnd)] = decodeAttr(s.slice(a.valueStart, a.valueEnd));
  return out;
}

function localNameOf(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
}

type OnElement = (local: string, attrs: Attributes, depth: number) => void;

/** `ElementReader` over a part read whole. */
export function readElements(xml: string, part: string, names: string[], onElement: OnElement): void {
  parseXmlText(xml, new ElementReader(new Set(names), onElement), part);
}

/** `ElementReader` over a part streamed. */
export async function streamElements(
  stream: ByteChunks,
  part: string,
  names: string[],
  onElement: OnElement,
): Promise<void> {
  await parseXmlStream(stream, new XmlTokenizer(new ElementReader(new Set(names), onElement)), part);
}

/**
 * The value of the attribute whose local name is `local` and which has a prefix (`r:id`,
 * whatever the relationships namespace's prefix is).
 * @example prefixedAttr({ "rel:id": "rId3", name: "x" }, "id") === "rId3"
 */
export function prefixedAttr(attrs: Attributes, local: string): string | undefined {
  for (const name in attrs) if (name.endsWith(`:${local}`)) return attrs[name];
  return undefined;
}
