/**
 * The file cannot be read as an .xlsx workbook: not a zip, a damaged zip, a zip
 * without a workbook part, or a package with an unsafe entry name (`../x`, `/etc/x`).
 * A RangeError, so that the command line reports it as bad input (exit code 2) with
 * the message, which names the file and the reason.
 */
export class NotAnXlsxError extends RangeError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file} is not an .xlsx workbook: ${reason}`);
    this.name = "NotAnXlsxError";
  }
}
