import { outlineXml, Splices } from "../../src/adapters/xlsx/package/xmlOutline";
import { AttrCursor, attributes, findAttr, nextTag, readAttr } from "../../src/adapters/xlsx/package/xmlScan";
import { TagScan } from "../../src/adapters/xlsx/package/tagScan";

describe("readAttr", () => {
  it("reads one attribute at a time, then stops at the tag's / or >", () => {
    const s = `<c r="B2" t = 'inlineStr'/>`;
    const a = new AttrCursor();
    const seen: string[] = [];
    let i = 2;
    while (readAttr(s, i, a) === 1) {
      seen.push(`${s.slice(a.nameStart, a.nameEnd)}=${s.slice(a.valueStart, a.valueEnd)} from ${a.wsStart}`);
      i = a.next;
    }
    expect(seen).toEqual(["r=B2 from 2", "t=inlineStr from 9"]);
    expect([readAttr(s, i, a), s[a.next]]).toEqual([0, "/"]);
  });

  it("returns -1 when the text ends inside the tag (the rest of a stream is still to come)", () => {
    const a = new AttrCursor();
    expect([`<c r="B`, `<c r=`, `<c r`, `<c `].map((s) => readAttr(s, 2, a))).toEqual([-1, -1, -1, -1]);
  });
});

describe("findAttr and attributes", () => {
  const s = `<x:row xr:r="9" r="2" spans='1:3' note="a > b">`;
  const tag = nextTag(s, 0)!;

  it("finds an attribute by its exact qualified name, with its span from the white space before it", () => {
    const r = findAttr(s, tag, "r")!;
    expect([r.value, s.slice(r.start, r.end)]).toEqual(["2", ` r="2"`]);
    expect(findAttr(s, tag, "xr:r")?.value).toBe("9");
    expect(findAttr(s, tag, "x")).toBeNull();
  });

  it("reads every attribute, raw, by qualified name", () => {
    expect(attributes(s, tag)).toEqual({ "xr:r": "9", r: "2", spans: "1:3", note: "a > b" });
  });
});

describe("TagScan", () => {
  it("reads r and the whole spans attribute of a row tag, and says when the tag is cut short", () => {
    const scan = new TagScan();
    const s = `<row spans="1:3" r="12"><c/></row>`;
    expect(scan.read(s, 4)).toBe(true);
    expect([s.slice(scan.rStart, scan.rEnd), s.slice(scan.spansStart, scan.spansEnd), scan.end, scan.empty]).toEqual([
      "12",
      ` spans="1:3"`,
      24,
      false,
    ]);
    expect(scan.read(`<row r="3"/>`, 4)).toBe(true);
    expect([scan.spansStart, scan.empty, scan.end]).toEqual([-1, true, 12]);
    expect(scan.read(`<row r="3"`, 4)).toBe(false);
  });
});

describe("Splices.setAttr", () => {
  it("replaces the attribute itself, not a look-alike inside another attribute's value", () => {
    const xml = `<table name='x ref="A1"' ref='A1:C5'/>`;
    const root = outlineXml(xml);
    expect(new Splices(xml).setAttr(root, "ref", "A1:E5").apply()).toBe(`<table name='x ref="A1"' ref="A1:E5"/>`);
  });
});
