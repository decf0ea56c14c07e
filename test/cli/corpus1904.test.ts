import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { fixClock } from "../support/fixedClock";
import { itFull } from "../support/tier";
import { CORPUS } from "../fixtures/paths";

/**
 * Issue 13: a 1904 workbook's review shows the same calendar dates as its 1900 twin's in
 * another reader. LibreOffice (not our code, not ExcelJS) opens both outputs and writes every
 * sheet as the text it displays; the analysis sheet and the customer sheet's owned date columns
 * must read the same. Full tier (a LibreOffice start is seconds); skipped, saying so, without soffice.
 */
const SOFFICE = "/usr/bin/soffice";
const hasSoffice = existsSync(SOFFICE);
const skipped = hasSoffice
  ? ""
  : " (SKIPPED: /usr/bin/soffice is missing; install Debian's libreoffice-calc-nogui to run it)";
const FIXED_NOW = new Date(2026, 11, 6, 9, 30);

/** Reviews `file` into `dir` with the clock fixed, so the "generated" line is the same in both outputs. */
async function review(file: string, dir: string, name: string): Promise<string> {
  const out = join(dir, `${name}.xlsx`);
  const err: string[] = [];
  const code = await main(
    [join(CORPUS, file), "--out", out, "--lang", "en-US"],
    () => undefined,
    (l) => err.push(l),
  );
  expect({ code, err }).toEqual({ code: 0, err: [] });
  return out;
}

/** Every sheet of `xlsx` as LibreOffice shows it (CSV, formatted text), by sheet name. */
function asLibreOfficeShows(xlsx: string, dir: string, name: string, sheets: string[]): Map<string, string> {
  // Its own profile, so another soffice running on the machine neither blocks nor shares it.
  const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${join(dir, "profile")}`,
      "--headless",
      "--convert-to",
      filter,
      "--outdir",
      dir,
      xlsx,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  return new Map(sheets.map((s) => [s, readFileSync(join(dir, `${name}-${s}.csv`), "utf8")]));
}

(hasSoffice ? describe : describe.skip)(`a 1904 workbook's review in LibreOffice${skipped}`, () => {
  fixClock(FIXED_NOW);

  itFull("shows the as-of, last-visit and due dates as the 1900 twin's, sheet for sheet", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-corpus1904-"));
    const out1904 = await review("ledger-openpyxl-1904.xlsx", dir, "r1904");
    const out1900 = await review("ledger-openpyxl.xlsx", dir, "r1900");
    const workbookXml = await (await JSZip.loadAsync(readFileSync(out1904))).file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toContain('<workbookPr date1904="1"/>');
    const sheets = ["Review 2026-06", "Customers", "Orders", "Visits"];
    const shown1904 = asLibreOfficeShows(out1904, dir, "r1904", sheets);
    const shown1900 = asLibreOfficeShows(out1900, dir, "r1900", sheets);
    for (const s of sheets) expect({ sheet: s, text: shown1904.get(s) }).toEqual({ sheet: s, text: shown1900.get(s) });
    const sheet = shown1904.get("Review 2026-06")!.split("\n");
    expect(sheet[2]).toBe("As of,2026-06-30,,,,,,,,,,,");
    const customers = shown1904.get("Customers")!.split("\n");
    const at = customers[0].split(",").indexOf("Last visit");
    expect(customers[0].split(",").slice(at, at + 2)).toEqual(["Last visit", "Visit due"]);
    expect(customers.slice(1, 3).map((l) => l.split(",").slice(at, at + 2))).toEqual([
      ["2026-05-03", "Overdue 28 days"],
      ["", "2026-06-30"],
    ]);
  });
});
