import type { WorkbookPort } from "../../port";
import type { ReadProgress } from "../stream/readWorkbookGrids";
import { openXlsxBytes } from "./openXlsxBytes";
import { packageReader } from "./readPort";
import { NotZipError, sniffBytes } from "./sniffBytes";

/** A read-only port over a workbook held in memory; `write` is never called on an input. */
export type BytesPort = WorkbookPort & { close(): Promise<void> };

/**
 * The port the pane reads a picked .xlsx through, with no Node module: the file is sniffed as
 * the command line's inspectPaths sniffs it (NotZipError for an encrypted workbook, an old .xls,
 * a CSV), opened with fflate (openXlsxBytes) and read by the same readers as the command line.
 */
export async function openBytesPort(
  data: Uint8Array,
  name: string,
  onRows?: (p: ReadProgress) => void,
): Promise<BytesPort> {
  const notZip = await sniffBytes(data);
  if (notZip) throw new NotZipError(notZip, name);
  const reader = packageReader(await openXlsxBytes(data, name), onRows);
  return {
    ...reader,
    async write() {
      throw new Error(`openBytesPort: ${name} is read only`);
    },
    close: async () => {},
  };
}
