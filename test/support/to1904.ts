import JSZip from "jszip";

/**
 * A 1904-date-system twin of an .xlsx workbook, built in the test (no binary fixture): every
 * numeric cell whose style shows a date is shifted down by 1,462 days and workbook.xml gets
 * `<workbookPr date1904="1"/>`, so each date cell shows the same calendar date as before, as
 * Mac Excel would have stored it. Text dates, amounts and everything else are left as they are.
 * Returns the bytes and how many cells were shifted (so a test can say the twin is not the same file).
 */
export async function to1904(xlsx: Buffer): Promise<{ bytes: Buffer; shifted: number }> {
  const zip = await JSZip.loadAsync(xlsx);
  const dateStyles = dateStyleIndexes(await zip.file("xl/styles.xml")!.async("string"));
  let shifted = 0;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    const out = xml.replace(
      /<c ([^>]*?)>(<f>[^<]*<\/f>)?<v>([^<]*)<\/v>/g,
      (whole, attrs: string, f: string | undefined, v: string) => {
        const s = /\bs="(\d+)"/.exec(attrs);
        const t = /\bt="(\w+)"/.exec(attrs);
        if (!s || !dateStyles.has(Number(s[1])) || (t && t[1] !== "n")) return whole;
        shifted++;
        return `<c ${attrs}>${f ?? ""}<v>${Number(v) - 1462}</v>`;
      },
    );
    zip.file(name, out);
  }
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const flagged = /<workbookPr\b[^>]*\bdate1904=/.test(workbook)
    ? workbook.replace(/\bdate1904="[^"]*"/, 'date1904="1"')
    : /<workbookPr\b/.test(workbook)
      ? workbook.replace(/<workbookPr\b/, '<workbookPr date1904="1"')
      : workbook.replace(/(<workbook\b[^>]*>)/, '$1<workbookPr date1904="1"/>');
  if (flagged === workbook) throw new Error("to1904: workbook.xml left unchanged");
  zip.file("xl/workbook.xml", flagged);
  return { bytes: await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }), shifted };
}

/** Built-in number formats that show a date (ECMA-376 Part 1, 18.8.30; 27–36 and 50–58 are the East Asian ones). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 22, ...range(27, 36), ...range(50, 58)]);

/** Indexes of cellXfs whose number format shows a date: built in, or a custom code with y or d outside quotes and brackets. */
function dateStyleIndexes(styles: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g))
    custom.set(Number(m[1]), m[2]);
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  const out = new Set<number>();
  [...xfs.matchAll(/<xf\b[^>]*?(?:\/>|>)/g)].forEach((m, i) => {
    const id = Number(/numFmtId="(\d+)"/.exec(m[0])?.[1] ?? 0);
    const code = custom.get(id);
    const isDate =
      code === undefined ? BUILT_IN_DATES.has(id) : /[yd]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ""));
    if (isDate) out.add(i);
  });
  return out;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
