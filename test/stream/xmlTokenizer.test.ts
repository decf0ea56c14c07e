import { decodeAttr, decodeText, referenceEnd } from "../../src/adapters/xlsx/stream/xmlReferences";
import { MAX_NAMED_DEPTH, XmlError, XmlTokenizer, type XmlHandler } from "../../src/adapters/xlsx/stream/xmlTokenizer";

/** Every event as a string, text decoded; `text` pieces joined as a reader joins them. */
function eventsOf(xml: string, size = xml.length): string[] {
  const events: string[] = [];
  const handler: XmlHandler = {
    open: (s, name, attrs, end) => events.push(`<${name}${s.slice(attrs, end - 1).replace(/\/$/, "")}>`),
    close: (name) => events.push(`</${name}>`),
    text: (s, start, end) => {
      const text = decodeText(s, start, end);
      if (events.length > 0 && events[events.length - 1].startsWith("text ")) events[events.length - 1] += text;
      else events.push(`text ${text}`);
    },
    cdata: (s, start, end) => events.push(`cdata ${s.slice(start, end)}`),
  };
  const tokenizer = new XmlTokenizer(handler);
  for (let i = 0; i < xml.length; i += size) tokenizer.write(xml.slice(i, i + size));
  tokenizer.close();
  return events;
}

function errorOf(xml: string, size = xml.length): { kind: string; message: string } {
  try {
    eventsOf(xml, size);
  } catch (e) {
    if (e instanceof XmlError) return { kind: e.kind, message: e.message };
    throw e;
  }
  throw new Error("no error");
}

describe("XmlTokenizer", () => {
  it("hands over tags, text and CDATA in order, whatever the chunk size", () => {
    const xml = `\ufeff<?xml version="1.0"?><!-- c --><x:a k='v>w' m="1"><b/>t&amp;u&#x41;<![CDATA[<z>]]><c>\r\nd</c></x:a>\n`;
    const expected = [
      `<x:a k='v>w' m="1">`,
      "<b>",
      "</b>",
      "text t&uA",
      "cdata <z>",
      "<c>",
      "text \nd",
      "</c>",
      "</x:a>",
    ];
    for (let size = 1; size <= 12; size++) expect(eventsOf(xml, size)).toEqual(expected);
  });

  it("counts elements past MAX_NAMED_DEPTH without naming them, so deep nesting costs no memory", () => {
    const depth = MAX_NAMED_DEPTH + 10;
    const xml = `<r>${"<e>".repeat(depth)}${"</e>".repeat(depth)}</r>`;
    const events = eventsOf(xml, 1000);
    expect(events.length).toBe(2 * depth + 2);
    expect(events[events.length - 1]).toBe("</r>");
  });

  describe("invalid input", () => {
    it.each([
      ["<a><b></a></b>", "malformed", "</a> closes <b> (character 7)"],
      ["<a/><b/>", "malformed", "a second root element <b> (character 5)"],
      ["<a/>x", "malformed", "text outside the root element (character 5)"],
      ["<a><b>", "malformed", "the part ends inside <b> (character 7)"],
      ["<a><b x='1'", "malformed", "the part ends inside markup (character 4)"],
      ["<a>x & y</a>", "malformed", "an & that starts no reference (character 6)"],
      ["<a>x &#0; y</a>", "malformed", "&#0; is no character XML allows"],
      ["<a>&nbsp;</a>", "entities", "undefined entity &nbsp;"],
      ['<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', "entities", "a document type or entity declaration"],
      ["<a><b <c/></a>", "malformed", "a < inside a tag (character 7)"],
      ["</a>", "malformed", "</a> closes no element (character 1)"],
      ["", "malformed", "no root element (character 1)"],
    ])("refuses %j", (xml, kind, message) => {
      expect(errorOf(xml)).toEqual({ kind, message });
      if (xml.length > 2) expect(errorOf(xml, 2).kind).toBe(kind);
    });
  });
});

describe("XML references", () => {
  it("decodes text as an XML parser gives it", () => {
    const raw = "a&lt;b&gt;&quot;&apos;&amp;&#233;&#x1F600;\r\nz\r";
    expect(decodeText(raw, 0, raw.length)).toBe(`a<b>"'&é😀\nz\n`);
  });

  it("normalises white space in attribute values but keeps references to it", () => {
    expect(decodeAttr("a\r\nb\tc&#10;d")).toBe("a b c\nd");
  });

  it("finds where a reference ends, or -1 when it is cut", () => {
    expect([referenceEnd("x&amp;y", 1, 7), referenceEnd("x&am", 1, 4)]).toEqual([5, -1]);
  });
});
