import type { XlsxPackage } from "./openXlsx";
import { parseRels, relsPathOf } from "./openXlsxParts";

/** A relationship target from one part to another, relative to the source part's folder. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/**
 * Parts reachable only through the replaced sheets (their drawings, charts, the charts'
 * styles, images only they show), with their relationship parts. A part that anything
 * else in the package still reaches, from the package's own relationships down, is kept.
 */
export async function unreferencedParts(pkg: XlsxPackage, replaced: readonly string[]): Promise<Set<string>> {
  const cache = new Map<string, string[]>();
  const refs = async (part: string): Promise<string[]> => {
    const hit = cache.get(part);
    if (hit) return hit;
    const relsPath = relsPathOf(part);
    const out = pkg.has(relsPath) ? parseRels(await pkg.readText(relsPath), part).map((r) => r.target) : [];
    cache.set(part, out);
    return out;
  };
  const closure = async (from: readonly string[], stopAt: ReadonlySet<string>): Promise<Set<string>> => {
    const seen = new Set<string>();
    const stack = [...from];
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (seen.has(p) || stopAt.has(p)) continue;
      seen.add(p);
      stack.push(...(await refs(p)));
    }
    return seen;
  };
  if (replaced.length === 0) return new Set();
  const stop = new Set(replaced);
  const candidates = await closure((await Promise.all(replaced.map(refs))).flat(), stop);
  const live = await closure([""], stop);
  const dropped = new Set<string>();
  for (const p of candidates) {
    if (live.has(p) || !pkg.has(p)) continue;
    dropped.add(p);
    if (pkg.has(relsPathOf(p))) dropped.add(relsPathOf(p));
  }
  return dropped;
}
