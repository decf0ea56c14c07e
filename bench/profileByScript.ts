/**
 * Where the pane's thread spent its time in a CPU profile (Chrome DevTools Protocol's Profiler),
 * by script: the strict double (harness.js, standing in for Excel, whose work happens in
 * Excel's own process in real life), the pane's own bundles, the garbage collector, the rest.
 * `within` keeps the samples inside the given intervals (page milliseconds, performance.now()).
 */
export interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string } }[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export type Share = Record<"double" | "pane" | "gc" | "other", number>;

/** `startAt`: the page's performance.now() when the profile started (its own clock is another). */
export function profileByScript(
  profile: CpuProfile,
  startAt: number,
  within: readonly { start: number; ms: number }[],
): Share {
  const kind = new Map<number, keyof Share | undefined>();
  for (const n of profile.nodes) kind.set(n.id, kindOf(n.callFrame.url, n.callFrame.functionName));
  const share: Share = { double: 0, pane: 0, gc: 0, other: 0 };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let at = startAt;
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] / 1000;
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const k = kind.get(samples[i]);
    if (!k || !within.some((w) => at >= w.start && at < w.start + w.ms)) continue;
    share[k] += ms;
  }
  return share;
}

function kindOf(url: string, fn: string): keyof Share | undefined {
  if (fn === "(idle)") return undefined;
  if (fn === "(garbage collector)") return "gc";
  if (url.endsWith("/harness.js")) return "double";
  // The pane's bundles (webpack's, hashed) are every other script of the page but the office.js stub.
  if (url.startsWith("http") && !url.includes("/office/")) return "pane";
  return "other";
}
