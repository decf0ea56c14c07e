/** An input that could not be opened or read: the run stops before anything is written, naming it. */
export class CombineInputError extends Error {
  constructor(
    readonly input: string,
    readonly reason: unknown,
  ) {
    super(`${input}: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.name = "CombineInputError";
  }
}
