/**
 * Where the pane's thread spent its time in a CPU profile (Chrome DevTools Protocol's Profiler),
 * by script: the strict double (harness.js, standing in for Excel, whose work happens in
 * Excel's own process in real life), the pane's own bundles, the garbage collector, the rest
 * (the browser's own work: message deserialization, layout, rendering). A builtin without a
 * script (JSON.stringify, Array.prototype.map, …) counts for the script that called it.
 * `within` keeps the samples inside the given intervals (page milliseconds, performance.now()).
 */
export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

interface CallFrame {
  url: string;
  functionName: string;
  lineNumber?: number;
}

export type Share = Record<"double" | "pane" | "gc" | "other", number>;
type Interval = { start: number; ms: number };

/** `startAt`: the page's performance.now() when the profile started (its own clock is another). */
export function profileByScript(profile: CpuProfile, startAt: number, within: readonly Interval[]): Share {
  const share: Share = { double: 0, pane: 0, gc: 0, other: 0 };
  for (const { frame, ms } of samplesWithin(profile, startAt, within)) {
    const k = kindOf(frame);
    if (k) share[k] += ms;
  }
  return share;
}

/**
 * The page's performance.now() when the profile started, found from a function the page ran
 * (named `name`, started at page time `at`): `at` less the profile time of its first sample.
 * The profile keeps its own clock, and a round trip to the page to read the page's at the start
 * can take tens of milliseconds on a busy machine, which would charge a task's neighbours to it.
 */
export function profileStart(profile: CpuProfile, name: string, at: number): number {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const inside = new Set<number>();
  const mark = (id: number): void => {
    inside.add(id);
    for (const c of byId.get(id)?.children ?? []) mark(c);
  };
  for (const x of profile.nodes) if (x.callFrame.functionName === name) mark(x.id);
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let ms = 0;
  for (let i = 0; i < samples.length; i++) {
    ms += deltas[i] / 1000;
    if (inside.has(samples[i])) return at - ms;
  }
  throw new Error(`the profile holds no sample of ${name}`);
}

/** The pane's functions that took most self time within `within`: "name (file:line) ms", at most `n`. */
export function topPaneFunctions(profile: CpuProfile, startAt: number, within: readonly Interval[], n = 12): string[] {
  const self = new Map<string, number>();
  for (const { frame, ms } of samplesWithin(profile, startAt, within)) {
    if (kindOf(frame) !== "pane") continue;
    const key = `${frame.functionName || "(anonymous)"} (${frame.url.split("/").pop()}:${frame.lineNumber ?? "?"})`;
    self.set(key, (self.get(key) ?? 0) + ms);
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, ms]) => `${k} ${Math.round(ms)} ms`);
}

/** Each sample inside `within`: the frame it is charged to (a builtin's caller with a script) and its milliseconds. */
function* samplesWithin(profile: CpuProfile, startAt: number, within: readonly Interval[]) {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const charged = (id: number): CallFrame => {
    let at: number | undefined = id;
    const own = byId.get(id)!.callFrame;
    if (own.url || own.functionName.startsWith("(")) return own;
    while (at !== undefined && !byId.get(at)!.callFrame.url) at = parent.get(at);
    return at === undefined ? own : byId.get(at)!.callFrame;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let at = startAt;
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] / 1000;
    if (within.some((w) => at >= w.start && at < w.start + w.ms))
      yield { frame: charged(samples[i]), ms: (deltas[i + 1] ?? 0) / 1000 };
  }
}

function kindOf(frame: CallFrame): keyof Share | undefined {
  if (frame.functionName === "(idle)") return undefined;
  if (frame.functionName === "(garbage collector)") return "gc";
  if (frame.url.endsWith("/harness.js")) return "double";
  // The pane's bundles (webpack's, hashed) are every other script of the page but the office.js stub.
  if (frame.url.startsWith("http") && !frame.url.includes("/office/")) return "pane";
  return "other";
}
