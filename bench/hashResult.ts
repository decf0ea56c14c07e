/**
 * Fingerprints the whole `runReview` result on the benchmark workbook at 1, 1/8 and 1/64
 * of full size under several option sets, so that a speed-up can prove it changed no
 * result: run it before and after, and compare the printed hashes.
 *
 * `npx tsx bench/hashResult.ts [--sizes 1,8,64]`
 * A tool, not a test: it prints hashes and asserts nothing.
 */
import { createHash, type Hash } from "node:crypto";
import { runReview, type Review, type RunOptions } from "../src/core/runReview";
import { CustomerTable } from "../src/core/customerTable";
import { Interner } from "../src/core/_lib/intern";
import { generateWorkbook } from "./generate";

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const divisors = (arg("--sizes") ?? "1,8,64").split(",").map(Number);

/** Option sets that reach every rule: both baselines, each window, other cuts and date orders. */
const OPTION_SETS: [string, RunOptions][] = [
  ["defaults", {}],
  ["lastYear k6 t0.1", { baseline: "lastYear", changeWindow: 6, threshold: 0.1 }],
  ["k1 tier3 month2026-06", { changeWindow: 1, tierWindow: 3, month: 2026 * 12 + 5 }],
  [
    "dayFirst cuts cost",
    { dayMonthOrder: "dayFirst", tierCuts: { a: 0.5, b: 0.9 }, defaultVisitCost: 35, tierWindow: 6 },
  ],
];

/**
 * JSON of a value with what JSON drops or merges spelled out: NaN, ±Infinity, -0,
 * typed arrays, Maps. Class instances are reduced to what they expose, so that a
 * private memo may change shape without changing the fingerprint.
 */
function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value === "number") {
    if (Number.isNaN(value) || !Number.isFinite(value)) return `#${value}`;
    if (Object.is(value, -0)) return "#-0";
    return value;
  }
  if (ArrayBuffer.isView(value))
    return { typed: value.constructor.name, values: Array.from(value as unknown as ArrayLike<number>) };
  if (value instanceof Map) return { map: [...value.entries()] };
  if (value instanceof Set) return { set: [...value.values()] };
  if (value instanceof CustomerTable) {
    const t = value;
    return {
      sheetHasIds: t.sheetHasIds,
      ids: t.ids,
      names: t.names,
      rep: t.rep,
      region: t.region,
      firstTrade: t.firstTrade,
      sheetRows: t.sheetRows,
      sheetVisits: t.sheetVisits,
      sheetVisitCost: t.sheetVisitCost,
      sortKeys: t.ids.map((_, c) => t.sortKey(c)),
      keys: t.ids.map((_, c) => t.key(c)),
    };
  }
  if (value instanceof Interner) return { names: value.names, size: value.size };
  return value;
}

function update(h: Hash, value: unknown): void {
  h.update(JSON.stringify(value, replacer) ?? "undefined");
}

/** One hash per top-level field of the review (to show where a difference lies) and one of all. */
export function hashReview(review: Review): { all: string; parts: Record<string, string> } {
  const all = createHash("sha256");
  const parts: Record<string, string> = {};
  for (const key of Object.keys(review).sort() as (keyof Review)[]) {
    const h = createHash("sha256");
    if (key === "inputs") {
      for (const k of Object.keys(review.inputs).sort()) update(h, [k, review.inputs[k as keyof Review["inputs"]]]);
    } else if (key === "results") {
      for (const r of review.results) update(h, r);
    } else update(h, review[key]);
    parts[key] = h.digest("hex").slice(0, 16);
    all.update(`${key}:${parts[key]}\n`);
  }
  return { all: all.digest("hex").slice(0, 16), parts };
}

function main(): void {
  for (const d of divisors) {
    const wb = generateWorkbook(1 / d);
    for (const [name, options] of OPTION_SETS) {
      const { all, parts } = hashReview(runReview(wb.grids, options));
      console.log(
        `1/${d}\t${name.padEnd(24)}\t${all}\t${Object.entries(parts)
          .map(([k, v]) => `${k}=${v.slice(0, 8)}`)
          .join(" ")}`,
      );
    }
  }
}

main();
