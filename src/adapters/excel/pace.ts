/**
 * Long loops on the pane's thread hand it back now and then, so that no task of ours holds it
 * over 200 ms (issue 17: "a 10 MB workbook must not freeze the pane"): the browser paints the
 * progress and answers clicks (Cancel) between two pieces of a loop. Only when the loop is done
 * is the request it built sent: pacing never adds a sync.
 */

/** What a piece of a paced loop may take before the thread is handed back: well under a long task's 200 ms. */
export const PACE_MS = 40;

/** Resolves in a new task (a timer's), after the browser has had its turn: what a promise alone never gives. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A checkpoint for a long loop: `await pace()` hands the thread back (nextTask) once `budgetMs`
 * have passed since the loop last did, and only costs a clock reading otherwise.
 * @example const pace = pacer(); for (const row of rows) { build(row); await pace(); }
 */
export function pacer(budgetMs = PACE_MS, now: () => number = () => performance.now()): () => Promise<void> {
  let since = now();
  return async () => {
    if (now() - since < budgetMs) return;
    await nextTask();
    since = now();
  };
}

/**
 * `Array.from({ length }, (_, i) => make(i))`, made `step` items at a time with `pace()`
 * between the steps.
 * @example await buildPaced(3, (i) => i * 2, pacer()) // [0, 2, 4]
 */
export async function buildPaced<T>(
  length: number,
  make: (i: number) => T,
  pace: () => Promise<void>,
  step = 512,
): Promise<T[]> {
  const out = new Array<T>(length);
  for (let i = 0; i < length; i += step) {
    const end = Math.min(length, i + step);
    for (let k = i; k < end; k++) out[k] = make(k);
    await pace();
  }
  return out;
}
