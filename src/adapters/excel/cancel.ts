/** Thrown between chunks when the user pressed Cancel; `code` as Office errors carry one. */
export class RunCancelledError extends Error {
  readonly code = "Cancelled";
  constructor() {
    super("The run was cancelled");
    this.name = "RunCancelledError";
  }
}

/** Stops the run here if the user cancelled: called between requests, never inside one. */
export function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RunCancelledError();
}
