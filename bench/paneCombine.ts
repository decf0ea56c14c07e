/**
 * Issue 17's "a 10 MB workbook must not freeze the pane" (`npm run bench:pane-combine`): the
 * built pane in headless Chromium with the strict Excel double, the en-US sample open, and the
 * benchmark's issue-size workbook (bench:file's `issue`, ~166,000 orders, ~11 MB; generated into
 * bench/.cache when missing) picked in the Team tab and combined. While it runs, the page records
 * every long task (PerformanceObserver "longtask", > 50 ms on the pane's thread) and the longest
 * gap between animation frames, per wording of the pane's progress line (reading each file in the
 * worker, writing, reviewing). The strict double runs in the page, so what it does for a write
 * (Excel's work, in Excel's own process in real life) counts on the pane's thread here. A benchmark, not a test: it
 * prints figures.
 */
import { existsSync, rmSync } from "node:fs";
import { ensureWorkbook, ISSUE_SIZE } from "./file/generateWorkbook";
import { launchBrowser, hasChromium } from "../test/e2e/browser";
import { buildPane } from "../test/e2e/buildPane";
import { byTestId, openPane } from "../test/e2e/pane";
import { SAMPLES } from "../test/e2e/samples";
import { TestServer } from "../test/e2e/server";
import { modelFromFile } from "../test/excel-double/fromExcelJS";
import { modelToJson } from "../test/excel-double/serialize";
import { profileByScript, profileStart, topPaneFunctions, type CpuProfile, type Share } from "./profileByScript";

interface Watch {
  longTasks: { start: number; ms: number }[];
  frameGaps: { at: number; ms: number }[];
  /** Each new wording of the progress line (digits masked), with when it first showed. */
  stages: { text: string; at: number }[];
}

/**
 * Installed in the page before the pick: long tasks, frame gaps, and when the progress first says
 * a new wording (and when the results show: the pane then reads the workbook again, now its
 * combined sheets, as after any change to it). Plain JavaScript text: tsx would wrap a function's inner names in a helper the page lacks.
 */
const START_WATCHING = `(() => {
  const w = { longTasks: [], frameGaps: [], stages: [] };
  window.__watch = w;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: "longtask", buffered: false });
  let last = performance.now();
  const frame = (now) => {
    w.frameGaps.push({ at: last, ms: now - last });
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new MutationObserver(() => {
    const done = document.querySelector('[data-testid="combine-done"]') ? "(done: results shown; the pane reads the workbook again)" : "";
    const text = (document.querySelector('[data-testid="combine-progress"]')?.getAttribute("aria-label") ?? done).replace(/[0-9,.%]+/g, "#");
    const last = w.stages[w.stages.length - 1];
    if (text && (!last || last.text !== text)) w.stages.push({ text, at: performance.now() });
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
})()`;

function summarize(w: Watch, from: number, to: number): string {
  const tasks = w.longTasks.filter((t) => t.start >= from && t.start < to).map((t) => t.ms);
  const gaps = w.frameGaps.filter((g) => g.at >= from && g.at < to).map((g) => g.ms);
  const max = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
  return `${((to - from) / 1000).toFixed(1)} s; long tasks ${tasks.length}, longest ${max(tasks).toFixed(0)} ms, over 200 ms ${tasks.filter((ms) => ms > 200).length}; longest gap between frames ${max(gaps).toFixed(0)} ms`;
}

/** A profile's shares in ms: the double (Excel's work, in the page here), the pane's own code, the garbage collector, the rest. */
function shares(s: Share): string {
  const f = (ms: number) => `${Math.round(ms).toLocaleString("en-US")} ms`;
  return `double ${f(s.double)}, pane ${f(s.pane)}, GC ${f(s.gc)}, other ${f(s.other)}`;
}

/** 30 ms of a named function in the page, right after the profiler starts: its first sample ties the profile's clock to the page's (profileStart). */
const ALIGN = `(function __benchAlign() { const s = performance.now(); while (performance.now() - s < 30); return s; })()`;

async function main(): Promise<void> {
  if (!hasChromium()) throw new Error("/usr/bin/chromium is missing (Debian's chromium package)");
  const big = await ensureWorkbook(ISSUE_SIZE, (l) => console.log(l));
  if (!existsSync(big.file)) throw new Error(`no workbook at ${big.file}`);
  console.log(`picked file: ${big.file}, ${(big.bytes / 1024 / 1024).toFixed(1)} MB, ${big.rows.orders} order rows`);
  const server = new TestServer();
  await server.start();
  const officeJs = `${server.origin}/office/office.js`;
  // `--no-minify`: the pane's own function names in the profile's top list (timings then differ a little).
  const built = await buildPane(officeJs, { minify: !process.argv.includes("--no-minify") });
  const sample = SAMPLES.find((s) => s.key === "en")!;
  server.addWorkbook(sample.key, modelToJson(await modelFromFile(sample.path)));
  server.serve(built.distDir, built.harnessDir, officeJs);
  const browser = await launchBrowser(server.port);
  try {
    const page = await browser.newPage();
    await openPane(page, server.origin, sample.key);
    await byTestId(page, "tab-team").click();
    await page.evaluate(START_WATCHING);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 1000 });
    await cdp.send("Profiler.start");
    const t0 = (await page.evaluate(ALIGN)) as number;
    await byTestId(page, "combine-files").setInputFiles([big.file]);
    await byTestId(page, "combine-include-own").click();
    await byTestId(page, "combine-run").click();
    await page
      .locator('[data-testid="combine-done"], [data-testid="combine-error"]')
      .first()
      .waitFor({ timeout: 30 * 60_000 });
    const error = await byTestId(page, "combine-error").allTextContents();
    if (error.length > 0) throw new Error(`the combine failed: ${error.join(" ")}`);
    const w = (await page.evaluate("window.__watch")) as Watch;
    const t1 = await page.evaluate(() => performance.now());
    const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: CpuProfile };
    const at = profileStart(profile, "__benchAlign", t0);
    // Up to a second on a busy machine: with the page's clock read at the start as before, a task's neighbours were charged to it.
    console.log(
      `the profile began ${(t0 - at).toFixed(0)} ms before the page's clock was read (__benchAlign's first sample)`,
    );
    const stages = w.stages.filter((st) => st.at >= t0);
    for (let k = 0; k < stages.length; k++) {
      const end = k + 1 < stages.length ? stages[k + 1].at : t1;
      console.log(`"${stages[k].text}": ${summarize(w, stages[k].at, end)}`);
    }
    console.log(`whole combine: ${summarize(w, t0, t1)}`);
    const long = w.longTasks.filter((t) => t.start >= t0 && t.ms > 200);
    console.log(`CPU in tasks over 200 ms, by script: ${shares(profileByScript(profile, at, long))}`);
    const most = (t: { start: number; ms: number }) => {
      const share = profileByScript(profile, at, [t]);
      return (Object.keys(share) as (keyof Share)[]).reduce((a, b) => (share[b] > share[a] ? b : a));
    };
    const byMost = long.map(most).reduce<Record<string, number>>((m, k) => ({ ...m, [k]: (m[k] ?? 0) + 1 }), {});
    console.log(`tasks over 200 ms by what took most of each: ${JSON.stringify(byMost)}`);
    console.log(`the pane's functions in those tasks: ${topPaneFunctions(profile, at, long).join("; ")}`);
    // `--tasks`: each task over 200 ms on its own, when it started (s after the pick), its length and its shares.
    if (process.argv.includes("--tasks"))
      for (const task of long)
        console.log(
          `  task at ${((task.start - t0) / 1000).toFixed(1)} s (${stages.filter((st) => st.at <= task.start).pop()?.text ?? "start"}), ${Math.round(task.ms)} ms: ${shares(profileByScript(profile, at, [task]))}; ${topPaneFunctions(profile, at, [task], 3).join("; ")}`,
        );
    console.log(
      `CPU on the pane's thread, whole combine: ${shares(profileByScript(profile, at, [{ start: t0, ms: t1 - t0 }]))}`,
    );
    console.log(`errors in the page: ${browser.pageErrors.length ? browser.pageErrors.join("; ") : "none"}`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(built.outDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
