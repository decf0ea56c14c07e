import JSZip from "jszip";

/**
 * Rewrites absolute part names in relationship targets (`Target="/xl/tables/table1.xml"`,
 * as openpyxl and some exporters write them) to the relative form Excel writes.
 * Both are valid OOXML, but ExcelJS only resolves the relative one and fails to load
 * the tables otherwise. Nothing else in the package changes.
 */
export async function normalizePackage(data: Buffer | Uint8Array): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    if (!name.endsWith(".rels")) continue;
    const file = zip.file(name);
    if (!file) continue;
    const xml = await file.async("string");
    const dir = name
      .replace(/_rels\/[^/]*$/, "")
      .split("/")
      .filter(Boolean);
    const fixed = xml.replace(/Target="\/([^"]*)"/g, (_m, target: string) => `Target="${relativeTarget(dir, target)}"`);
    if (fixed !== xml) {
      zip.file(name, fixed);
      changed = true;
    }
  }
  if (!changed) return Buffer.from(data);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The path of `target` (from the package root) relative to folder `from`. */
function relativeTarget(from: string[], target: string): string {
  const to = target.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return "../".repeat(from.length - i) + to.slice(i).join("/");
}
