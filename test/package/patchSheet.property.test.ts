import { Readable } from "node:stream";
import fc from "fast-check";
import { DOMParser, XMLSerializer, type Element } from "@xmldom/xmldom";
import type { Cell } from "../../src/core/_lib/cells";
import type { ColumnPlan, NumberFormat, SheetPlan } from "../../src/core/output";
import { columnLetters } from "../../src/core/_lib/a1";
import { patchSheet, type SheetStyles } from "../../src/adapters/xlsx/package/patchSheet";
import { fromXmlText } from "../../src/adapters/xlsx/package/xmlText";
import { FORMAT_STYLE, STYLES as TEST_STYLES } from "./sheetStyles";

/**
 * Random sheet parts (prefixes, implicit rows and cells, gaps, every cell kind, CJK and
 * emoji, white space) and random plans, fed in random chunks, checked by reading input and
 * output with a DOM parser: owned cells hold the plan's values, every other cell and row is
 * as it was, and the output is well-formed.
 */
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const STYLES: SheetStyles = { ...TEST_STYLES, dxf: () => 0 };

interface GenCell {
  col: number;
  explicit: boolean;
  xml: (ref: string, p: string) => string;
}
interface GenRow {
  row: number;
  explicit: boolean;
  attrs: string;
  cells: GenCell[];
  ws: string;
}

const cellKinds: ((ref: string, p: string) => string)[] = [
  (r, p) => `<${p}c${r} t="s"><${p}v>3</${p}v></${p}c>`,
  (r, p) => `<${p}c${r} s="1"><${p}v>45474.5</${p}v></${p}c>`,
  (r, p) => `<${p}c${r} t="inlineStr"><${p}is><${p}t>客户 😀 &amp; 𠮷</${p}t></${p}is></${p}c>`,
  (r, p) => `<${p}c${r}><${p}f>SUM(A1:A2)</${p}f><${p}v>3</${p}v></${p}c>`,
  (r, p) => `<${p}c${r} s='2'/>`,
  (r, p) =>
    `<${p}c t="inlineStr"${r}><${p}is><${p}r><${p}rPr><${p}color rgb="FFFF0000"/></${p}rPr><${p}t xml:space="preserve"> red </${p}t></${p}r></${p}is></${p}c>`,
];

interface RowSpec {
  gap: number;
  implicit: boolean;
  attrs: string;
  ws: string;
  cells: { gap: number; implicit: boolean; kind: number }[];
}

const rowArb: fc.Arbitrary<RowSpec> = fc.record({
  gap: fc.integer({ min: 1, max: 3 }),
  implicit: fc.boolean(),
  attrs: fc.constantFrom("", ' spans="1:4"', ' ht="20" customHeight="1" spans=\'2:3\'', " x14ac:dyDescent='0.25'"),
  ws: fc.constantFrom("", "\n", "\n  "),
  cells: fc.array(
    fc.record({
      gap: fc.integer({ min: 1, max: 2 }),
      implicit: fc.boolean(),
      kind: fc.integer({ min: 0, max: cellKinds.length - 1 }),
    }),
    { maxLength: 5 },
  ),
});

function buildRows(spec: RowSpec[]): GenRow[] {
  let row = -1;
  return spec.map((r) => {
    const next = row + r.gap;
    const explicit = !(r.implicit && r.gap === 1);
    row = next;
    let col = -1;
    const cells = r.cells.map((c) => {
      col += c.gap;
      return { col, explicit: !(c.implicit && c.gap === 1), xml: cellKinds[c.kind] };
    });
    return { row, explicit, attrs: r.attrs, cells, ws: r.ws };
  });
}

function sheetXml(rows: GenRow[], p: string): string {
  const body = rows
    .map((r) => {
      const open = `<${p}row${r.explicit ? ` r="${r.row + 1}"` : ""}${r.attrs}`;
      if (r.cells.length === 0) return `${r.ws}${open}/>`;
      const cells = r.cells
        .map((c) => r.ws + c.xml(c.explicit ? ` r="${columnLetters(c.col)}${r.row + 1}"` : "", p))
        .join("");
      return `${r.ws}${open}>${cells}</${p}row>`;
    })
    .join("");
  const ns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${p}worksheet ${ns} xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><${p}sheetData>${body}\n</${p}sheetData></${p}worksheet>`;
}

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.constantFrom('=HYPERLINK("x")', " lead", "trail ", "a\nb", "_x0041_", "下降", "😀"),
);

const planArb = fc.record({
  headerRow: fc.integer({ min: 0, max: 3 }),
  skip: fc.integer({ min: 0, max: 1 }),
  columns: fc.uniqueArray(
    fc.record({
      col: fc.integer({ min: 0, max: 9 }),
      values: fc.array(cellArb, { maxLength: 14 }),
      format: fc.constantFrom<NumberFormat>("general", "money", "date"),
    }),
    { minLength: 1, maxLength: 3, selector: (c) => c.col },
  ),
});

interface ModelCell {
  attrs: Record<string, string>;
  inner: string;
  /** The text as the parser reads it (serialising it again would lose a CR). */
  text: string;
}

/** Every cell of a part by "row:col" (implicit references resolved), and every row's attributes. */
function model(xml: string): { cells: Map<string, ModelCell>; rows: Map<number, Record<string, string>> } {
  const doc = new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
  const cells = new Map<string, ModelCell>();
  const rows = new Map<number, Record<string, string>>();
  const ser = new XMLSerializer();
  let row = -1;
  for (const r of Array.from(doc.getElementsByTagNameNS(MAIN, "row"))) {
    row = r.hasAttribute("r") ? Number(r.getAttribute("r")) - 1 : row + 1;
    rows.set(row, attrsOf(r, ["r"]));
    let col = -1;
    for (const c of Array.from(r.childNodes).filter(
      (n): n is Element => n.nodeType === 1 && (n as Element).localName === "c",
    )) {
      const ref = c.getAttribute("r");
      col = ref
        ? Number(
            /^[A-Z]+/
              .exec(ref)![0]
              .split("")
              .reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0),
          ) - 1
        : col + 1;
      cells.set(`${row}:${col}`, {
        attrs: attrsOf(c, ["r"]),
        inner: Array.from(c.childNodes)
          .map((n) => ser.serializeToString(n))
          .join(""),
        text: c.textContent ?? "",
      });
    }
  }
  return { cells, rows };
}

function attrsOf(e: Element, skip: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of Array.from(e.attributes)) if (!skip.includes(a.name)) out[a.name] = a.value;
  return out;
}

function expectedCell(value: Cell, style: number, p: string): { attrs: Record<string, string>; value: string | null } {
  const s: Record<string, string> = style === 0 ? {} : { s: String(style) };
  if (value === null) return { attrs: s, value: null };
  if (typeof value === "number")
    return { attrs: s, value: `<${p}v xmlns${p ? `:${p.slice(0, -1)}` : ""}="${MAIN}">${value}</${p}v>` };
  if (typeof value === "boolean") return { attrs: { ...s, t: "b" }, value: value ? "1" : "0" };
  return { attrs: { ...s, t: "inlineStr" }, value };
}

describe("patchSheet (property)", () => {
  it("writes exactly the plan's cells and keeps every other cell and row, whatever the part and the chunks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { maxLength: 10 }),
        planArb,
        fc.constantFrom("", "x:"),
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 40 }),
        async (rowSpec, planSpec, p, splits) => {
          const rows = buildRows(rowSpec);
          const xml = sheetXml(rows, p);
          const firstRow = planSpec.headerRow + 1 + planSpec.skip;
          const columns: ColumnPlan[] = planSpec.columns.map((c) => ({
            output: `o${c.col}`,
            header: `H${c.col}`,
            col: c.col,
            format: c.format,
            values: c.values,
          }));
          const plan: SheetPlan = {
            sheet: "S",
            headerRow: planSpec.headerRow,
            firstRow,
            lastRow: firstRow + 13,
            columns,
          };
          const bytes = Buffer.from(xml, "utf8");
          const chunks: Buffer[] = [];
          for (let i = 0, k = 0; i < bytes.length; k++) {
            const n = splits[k % splits.length];
            chunks.push(bytes.subarray(i, i + n));
            i += n;
          }
          const out: Buffer[] = [];
          for await (const c of patchSheet(Readable.from(chunks), plan, STYLES)) out.push(c as Buffer);
          const after = model(Buffer.concat(out).toString("utf8"));
          const before = model(xml);

          const written = new Map<string, { value: Cell; style: number }>();
          for (const c of columns) {
            written.set(`${plan.headerRow}:${c.col}`, { value: c.header, style: 7 });
            c.values.forEach((v, k) =>
              written.set(`${firstRow + k}:${c.col}`, { value: v, style: FORMAT_STYLE[c.format] }),
            );
          }
          for (const [key, w] of written) {
            const cell = after.cells.get(key);
            if (!cell) throw new Error(`owned cell ${key} missing`);
            const exp = expectedCell(w.value, w.style, p);
            expect(cell.attrs).toEqual(exp.attrs);
            if (typeof w.value === "string") {
              expect(fromXmlText(cell.text)).toBe(w.value);
            } else if (typeof w.value === "boolean") expect(cell.inner).toContain(`>${exp.value}</`);
            else expect(cell.inner).toBe(exp.value ?? "");
          }
          for (const [key, cell] of before.cells) if (!written.has(key)) expect(after.cells.get(key)).toEqual(cell);
          for (const key of after.cells.keys()) if (!written.has(key)) expect(before.cells.has(key)).toBe(true);
          for (const [row, attrs] of before.rows) {
            const { spans: _spans, ...rest } = attrs;
            const patched = [...written.keys()].some((k) => k.startsWith(`${row}:`));
            expect(after.rows.get(row)).toEqual(patched ? rest : attrs);
          }
          expect([...after.rows.keys()]).toEqual([...after.rows.keys()].sort((a, b) => a - b));
        },
      ),
      {
        numRuns: 300,
        examples: [
          [[], { headerRow: 0, skip: 0, columns: [{ col: 0, values: ["\r", "a\r\nb"], format: "general" }] }, "", [1]],
        ],
      },
    );
  });
});
