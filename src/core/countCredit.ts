import type { Receivables } from "./computeReceivables";

/**
 * How many customers are over their credit limit, and how many have something overdue:
 * what the pane and the command line's summary say.
 * @example countCredit({ flag: ["OverLimit", null], overdue: [0, 12.5] } as Receivables) → { overLimit: 1, overdue: 1 }
 */
export function countCredit(r: Pick<Receivables, "flag" | "overdue">): { overLimit: number; overdue: number } {
  let overLimit = 0;
  let overdue = 0;
  for (let k = 0; k < r.flag.length; k++) {
    if (r.flag[k] === "OverLimit") overLimit++;
    if (r.overdue[k] > 0) overdue++;
  }
  return { overLimit, overdue };
}
