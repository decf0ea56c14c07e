/**
 * A file the pane's read worker could not read: `words` are what the command line says of it
 * (`describeRunError`, worked out in the worker where the error's own type is known), or
 * undefined when it is a bug rather than a bad file; `detail` is the error's own message.
 */
export class PickedFileError extends Error {
  constructor(
    readonly file: string,
    readonly words: string | undefined,
    readonly detail: string,
  ) {
    super(words ?? `${file}: ${detail}`);
    this.name = "PickedFileError";
  }
}
