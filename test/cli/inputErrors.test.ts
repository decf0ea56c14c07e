import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

describe("analyze (command line) on input it cannot read", () => {
  it("names a file that is not there and exits 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-input-"));
    const r = await run([join(dir, "missing.xlsx"), "--out", join(dir, "out.xlsx"), "--lang", "en-US"]);
    expect(r).toEqual({ code: 2, out: [], err: [`No file "${join(dir, "missing.xlsx")}".`] });
  });

  it("says a CSV file named .xlsx is a text file, in the chosen language, exits 2 and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-input-"));
    const input = join(dir, "report.xlsx");
    writeFileSync(input, "Name,Amount\nAcme,12\n");
    const r = await run([input, "--out", join(dir, "out.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([
      `“${input}”是文本文件（如 CSV），不是 .xlsx 工作簿。请在 Excel 中打开，另存为“Excel 工作簿 (*.xlsx)”，然后重新运行。未写入任何内容。`,
    ]);
  });

  it("says a file that is neither a zip nor text is not an .xlsx workbook, exits 2 and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-input-"));
    const input = join(dir, "report.xlsx");
    writeFileSync(input, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const r = await run([input, "--out", join(dir, "out.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([
      `“${input}”无法作为 .xlsx 工作簿读取（not a zip package）。请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后重试。`,
    ]);
    expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
    expect(readdirSync(dir)).toEqual(["report.xlsx"]);
  });
});
