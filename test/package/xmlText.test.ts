import fc from "fast-check";
import { SaxesParser } from "saxes";
import {
  cellValueXml,
  cellXml,
  escapeXmlAttr,
  escapeXmlText,
  fromXmlText,
  toXstring,
} from "../../src/adapters/xlsx/package/xmlText";
import { unescapeText } from "../../src/adapters/xlsx/stream/readSharedStrings";

/** Parses one element and returns its text and attributes as a conforming XML parser sees them. */
function parse(xml: string): { text: string; attributes: Record<string, string> } {
  const parser = new SaxesParser();
  let text = "";
  let attributes: Record<string, string> = {};
  parser.on("opentag", (tag) => {
    if (Object.keys(attributes).length === 0) attributes = tag.attributes as Record<string, string>;
  });
  parser.on("text", (t) => (text += t));
  parser.on("error", (e) => {
    throw e;
  });
  parser.write(xml).close();
  return { text, attributes };
}

describe("toXstring", () => {
  it("writes C0 controls other than tab, LF and CR as _xHHHH_", () => {
    expect(toXstring("a\u0000b\u0001c\u0008d\u000Be\u000Cf\u000Eg\u001Fh")).toBe(
      "a_x0000_b_x0001_c_x0008_d_x000B_e_x000C_f_x000E_g_x001F_h",
    );
    expect(toXstring("tab\tlf\ncr\r")).toBe("tab\tlf\ncr\r");
  });

  it("writes U+FFFE, U+FFFF and lone surrogates as _xHHHH_ and keeps surrogate pairs", () => {
    expect(toXstring("\uFFFE\uFFFF")).toBe("_xFFFE__xFFFF_");
    expect(toXstring("a\uD83Db")).toBe("a_xD83D_b");
    expect(toXstring("a\uDE00b")).toBe("a_xDE00_b");
    expect(toXstring("\uDE00\uD83D")).toBe("_xDE00__xD83D_");
    expect(toXstring("😀客户")).toBe("😀客户");
  });

  it("protects a literal _xHHHH_ so it reads back as itself", () => {
    expect(toXstring("_x0041_")).toBe("_x005F_x0041_");
    expect(toXstring("a_x00ab_b")).toBe("a_x005F_x00ab_b");
    expect(toXstring("_x005F_")).toBe("_x005F_x005F_");
    expect(toXstring("_x41_ _xZZZZ_ x0041_")).toBe("_x41_ _xZZZZ_ x0041_");
  });

  it("escapes the underscore of _xHHHH when the next escape would close it (found by the property below)", () => {
    const s = "_x1010\u0001";
    expect(toXstring(s)).toBe("_x005F_x1010_x0001_");
    expect(unescapeText(parse(`<t>${escapeXmlText(toXstring(s))}</t>`).text)).toBe(s);
  });

  it("leaves ordinary text untouched (same string)", () => {
    const s = "华东 Key Account #1 & <b>";
    expect(toXstring(s)).toBe(s);
  });

  it("round-trips any string through escaping, an XML parser and the reader's _xHHHH_ decoding", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 40 }),
        fc.string({ unit: fc.constantFrom("_", "x", "0", "0", "4", "1", "F", "f", "\u0001", "\r"), maxLength: 20 }),
        (a, b) => {
          const s = a + b;
          const xml = `<t>${escapeXmlText(toXstring(s))}</t>`;
          expect(unescapeText(parse(xml).text)).toBe(s);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("escapeXmlText", () => {
  it("escapes &, <, > and CR", () => {
    expect(escapeXmlText("a<b & c]]>d\r\n")).toBe("a&lt;b &amp; c]]&gt;d&#13;\n");
  });

  it("keeps quotes and tabs in text", () => {
    expect(escapeXmlText(`"it's"\t`)).toBe(`"it's"\t`);
  });

  it("throws on a character XML cannot hold", () => {
    expect(() => escapeXmlText("a\u0001")).toThrow(
      "escapeXmlText: U+0001 at index 1 cannot be written in XML 1.0; encode the text with toXstring first",
    );
    expect(() => escapeXmlText("\uD83D")).toThrow("U+D83D at index 0");
  });
});

describe("escapeXmlAttr", () => {
  it("escapes quotes of both kinds and whitespace an attribute would normalise", () => {
    expect(escapeXmlAttr(`a"b'c<d>e&f\tg\nh\ri`)).toBe("a&quot;b&apos;c&lt;d&gt;e&amp;f&#9;g&#10;h&#13;i");
  });

  it("reads back as itself in either quote style", () => {
    const s = `O'Brien "East"\t区\n`;
    expect(parse(`<a v="${escapeXmlAttr(s)}"/>`).attributes.v).toBe(s);
    expect(parse(`<a v='${escapeXmlAttr(s)}'/>`).attributes.v).toBe(s);
  });

  it("throws on a character XML cannot hold", () => {
    expect(() => escapeXmlAttr("\uFFFF")).toThrow("escapeXmlAttr: U+FFFF at index 0");
  });
});

describe("fromXmlText", () => {
  it("decodes entity and character references and _xHHHH_", () => {
    expect(fromXmlText("a &amp; b &lt;&gt;&quot;&apos; &#26469;&#x1F600; _x000D_ _x005F_x0041_")).toBe(
      "a & b <>\"' 来😀 \r _x0041_",
    );
  });

  it("reads back what escapeXmlAttr(toXstring(s)) wrote", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), (s) =>
        expect(fromXmlText(escapeXmlAttr(toXstring(s)))).toBe(s),
      ),
    );
  });
});

describe("cellValueXml", () => {
  it("is what cellXml writes after the r and s attributes", () => {
    expect(cellValueXml("A1", "x")).toBe(' t="inlineStr"><is><t>x</t></is></c>');
    expect(cellValueXml("A1", 3, "x:")).toBe("><x:v>3</x:v></x:c>");
    expect(cellValueXml("A1", null)).toBe("/>");
  });

  it("writes any text as the escapes would, plain text included (which skips them)", () => {
    const escaped = (s: string) => {
      const space = /^[ \t\r\n]|[ \t\r\n]$|[\r\n]/.test(s) ? ' xml:space="preserve"' : "";
      return ` t="inlineStr"><is><t${space}>${escapeXmlText(toXstring(s))}</t></is></c>`;
    };
    const edges = [" ", "\t", "\n", "\r", "\u0001", "\u001f", "_", "_x0041", "x", "0", "A", "&", "<", ">", '"', "'"];
    const more = ["\u4e2d", "\ud7ff", "\ud800", "\udc00", "\ud83d\ude00", "\ue000", "\uff01", "\ufffe", "\uffff"];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...edges, ...more), maxLength: 12 }), (s) => {
        expect(cellValueXml("A1", s)).toBe(escaped(s));
      }),
      { numRuns: 2000 },
    );
    for (const s of ["", "_x0041", " a", "a ", "a\tb", "a\u0001", "a&b", "a<b", "a>b", "\ud800", "\ufffe", "a\nb"])
      expect(cellValueXml("A1", s)).toBe(escaped(s));
    expect(cellValueXml("A1", "客户A-001 Key")).toBe(' t="inlineStr"><is><t>客户A-001 Key</t></is></c>');
  });
});

describe("cellXml", () => {
  it("writes a number as <v> with its style", () => {
    expect(cellXml("B2", 1.5, 3)).toBe('<c r="B2" s="3"><v>1.5</v></c>');
    expect(cellXml("B2", -0.000125, 3)).toBe('<c r="B2" s="3"><v>-0.000125</v></c>');
    expect(cellXml("B2", 1e21, 3)).toBe('<c r="B2" s="3"><v>1e+21</v></c>');
  });

  it("leaves out style 0", () => {
    expect(cellXml("A1", 7, 0)).toBe('<c r="A1"><v>7</v></c>');
  });

  it("writes a boolean as t=b", () => {
    expect(cellXml("C4", true, 2)).toBe('<c r="C4" s="2" t="b"><v>1</v></c>');
    expect(cellXml("C4", false, 2)).toBe('<c r="C4" s="2" t="b"><v>0</v></c>');
  });

  it("writes text as an inline string, never a formula", () => {
    expect(cellXml("D5", '=HYPERLINK("http://x","y")', 4)).toBe(
      '<c r="D5" s="4" t="inlineStr"><is><t>=HYPERLINK("http://x","y")</t></is></c>',
    );
    expect(cellXml("D5", "A & <B>", 4)).toBe('<c r="D5" s="4" t="inlineStr"><is><t>A &amp; &lt;B&gt;</t></is></c>');
    expect(cellXml("D5", "", 4)).toBe('<c r="D5" s="4" t="inlineStr"><is><t></t></is></c>');
  });

  it("preserves leading and trailing spaces and newlines", () => {
    expect(cellXml("E1", " a", 1)).toBe('<c r="E1" s="1" t="inlineStr"><is><t xml:space="preserve"> a</t></is></c>');
    expect(cellXml("E1", "a ", 1)).toBe('<c r="E1" s="1" t="inlineStr"><is><t xml:space="preserve">a </t></is></c>');
    expect(cellXml("E1", "a\nb", 1)).toBe(
      '<c r="E1" s="1" t="inlineStr"><is><t xml:space="preserve">a\nb</t></is></c>',
    );
    expect(cellXml("E1", "a b", 1)).toBe('<c r="E1" s="1" t="inlineStr"><is><t>a b</t></is></c>');
  });

  it("encodes control characters and protects _xHHHH_ in text", () => {
    expect(cellXml("F1", "a\u0007_x0041_", 1)).toBe(
      '<c r="F1" s="1" t="inlineStr"><is><t>a_x0007__x005F_x0041_</t></is></c>',
    );
  });

  it("writes every element with the part's namespace prefix when it has one", () => {
    expect(cellXml("A1", 2, 1, "x:")).toBe('<x:c r="A1" s="1"><x:v>2</x:v></x:c>');
    expect(cellXml("A1", true, 0, "x:")).toBe('<x:c r="A1" t="b"><x:v>1</x:v></x:c>');
    expect(cellXml("A1", " t", 1, "x:")).toBe(
      '<x:c r="A1" s="1" t="inlineStr"><x:is><x:t xml:space="preserve"> t</x:t></x:is></x:c>',
    );
    expect(cellXml("A1", null, 1, "x:")).toBe('<x:c r="A1" s="1"/>');
  });

  it("writes null as an empty styled cell", () => {
    expect(cellXml("G9", null, 5)).toBe('<c r="G9" s="5"/>');
  });

  describe("invalid input", () => {
    it("throws on a non-finite number", () => {
      expect(() => cellXml("H1", Infinity, 1)).toThrow("cellXml: H1 holds Infinity, which an .xlsx cannot store");
      expect(() => cellXml("H1", NaN, 1)).toThrow("cellXml: H1 holds NaN");
      expect(() => cellXml("H1", -Infinity, 1)).toThrow("cellXml: H1 holds -Infinity");
    });
  });
});
