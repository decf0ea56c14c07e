import type { ClassedProspect } from "./planNextMonth";

/** One salesperson's prospect pool: counts by MAN class (1–8) and closeness (A–C), and the shortfall. */
export interface ProspectPool {
  /** "" for prospects without a salesperson. */
  salesperson: string;
  byClass: number[];
  byCloseness: [number, number, number];
  total: number;
  target: number;
  shortfall: number;
}

/**
 * Each salesperson's prospect pool against the target: every salesperson of the review (even
 * with no prospect) and every one the prospect sheet names, in name order, prospects without a
 * salesperson last (only when there are any).
 * @example summarizeProspects([{ row: 1, name: "甲", salesperson: "李", man: 1, closeness: "A", lastVisit: null }], ["李"], 10)
 *   → [{ salesperson: "李", byClass: [1, 0, 0, 0, 0, 0, 0, 0], byCloseness: [1, 0, 0], total: 1, target: 10, shortfall: 9 }]
 */
export function summarizeProspects(
  prospects: readonly ClassedProspect[],
  salespeople: readonly string[],
  target: number,
): ProspectPool[] {
  const names = [...new Set([...salespeople.filter((x) => x !== ""), ...prospects.map((p) => p.salesperson ?? "")])];
  names.sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a < b ? -1 : a > b ? 1 : 0));
  const out: ProspectPool[] = [];
  for (const salesperson of names) {
    const mine = prospects.filter((p) => (p.salesperson ?? "") === salesperson);
    if (salesperson === "" && mine.length === 0) continue;
    const byClass = [1, 2, 3, 4, 5, 6, 7, 8].map((k) => mine.filter((p) => p.man === k).length);
    const close = (x: "A" | "B" | "C") => mine.filter((p) => p.closeness === x).length;
    out.push({
      salesperson,
      byClass,
      byCloseness: [close("A"), close("B"), close("C")],
      total: mine.length,
      target,
      shortfall: Math.max(0, target - mine.length),
    });
  }
  return out;
}
