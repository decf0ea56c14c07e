import { outlineXml, Splices } from "../../src/adapters/xlsx/package/xmlOutline";
import { decodeXml } from "../../src/adapters/xlsx/package/xmlText";

describe("outlineXml", () => {
  it("gives each element's name, attributes and offsets, skipping comments, CDATA and declarations", () => {
    const xml = `<?xml version="1.0"?>\n<!-- <a> --><x:root xmlns:x="u" a='1 > 0'><x:b/><![CDATA[<c>]]><x:c k="v">t</x:c ></x:root>`;
    const root = outlineXml(xml);
    expect([root.name, root.prefix, root.local, root.attrs]).toEqual([
      "x:root",
      "x",
      "root",
      { "xmlns:x": "u", a: "1 > 0" },
    ]);
    expect(root.children.map((c) => [c.local, xml.slice(c.start, c.end), c.selfClosing])).toEqual([
      ["b", "<x:b/>", true],
      ["c", '<x:c k="v">t</x:c >', false],
    ]);
    expect(xml.slice(root.closeStart, root.end)).toBe("</x:root>");
  });

  it("outlines elements above keepDepth only, counting deeper ones to find the parent's end", () => {
    const xml = `<w><s><x/></s><e><d><d><d/></d></d></e><t/></w>`;
    const root = outlineXml(xml, 2);
    expect(root.children.map((c) => [c.local, c.children.length, xml.slice(c.start, c.end)])).toEqual([
      ["s", 0, "<s><x/></s>"],
      ["e", 0, "<e><d><d><d/></d></d></e>"],
      ["t", 0, "<t/>"],
    ]);
  });

  describe("invalid input", () => {
    it("throws on a close tag that does not match", () => {
      expect(() => outlineXml("<a><b></a></b>")).toThrow("outlineXml: </a> at 6 closes <b>");
    });

    it("throws on an element never closed", () => {
      expect(() => outlineXml("<a><b/>")).toThrow("outlineXml: <a> is never closed");
    });
  });
});

describe("Splices", () => {
  it("sets attributes in place or after the last one, and opens a self-closed element to append", () => {
    const xml = `<r><s count='1' x="y"/><t/></r>`;
    const [s, t] = outlineXml(xml).children;
    const out = new Splices(xml)
      .setAttr(s, "count", "2")
      .appendChild(s, "<e/>")
      .setAttr(t, "count", "1")
      .appendChild(t, "<f/>")
      .apply();
    expect(out).toBe('<r><s count="2" x="y"><e/></s><t count="1"><f/></t></r>');
  });

  it("keeps insertions at one offset in call order", () => {
    expect(new Splices("<a></a>").insert(3, "1").insert(3, "2").apply()).toBe("<a>12</a>");
  });

  it("throws on overlapping edits", () => {
    expect(() => new Splices("abcdef").replace(1, 4, "x").replace(2, 3, "y").apply()).toThrow(
      "Splices: overlapping edits at 2",
    );
  });
});

describe("decodeXml", () => {
  it("decodes the predefined entities and character references", () => {
    expect(decodeXml("a&amp;b&lt;&#x41;&#66;&quot;")).toBe('a&b<AB"');
  });
});
