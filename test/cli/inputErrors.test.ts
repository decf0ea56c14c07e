import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

describe("analyze (command line) on input it cannot read", () => {
  it("names a file that is not there and exits 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-input-"));
    const r = await run([join(dir, "missing.xlsx"), "--out", join(dir, "out.xlsx"), "--lang", "en-US"]);
    expect(r).toEqual({ code: 2, out: [], err: [`No file "${join(dir, "missing.xlsx")}".`] });
  });

  it("says a file that is no zip is not an .xlsx workbook, in the chosen language, exits 2 and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-input-"));
    const input = join(dir, "report.xlsx");
    writeFileSync(input, "Name,Amount\nAcme,12\n");
    const r = await run([input, "--out", join(dir, "out.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(new RegExp(`^“${input.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}”无法作为 \\.xlsx 工作簿读取（.+）。请在 Excel 中另存为“Excel 工作簿 \\(\\*\\.xlsx\\)”后重试。$`));
    expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
    expect(readdirSync(dir)).toEqual(["report.xlsx"]);
  });
});
