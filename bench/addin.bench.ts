/**
 * Add-in benchmark (`npm run bench:addin`): the Office.js path (`createExcelHost(...).run`,
 * as the task pane's Run button) on the benchmark workbook (`bench/generate.ts`, the data of
 * `npm run bench` and `npm run bench:file`) held in the strict Excel double, which counts
 * every sync and measures every request and response as Office would send it (JSON).
 * Prints syncs, bytes read and written, the largest request and response, the bound of
 * issue 5 (syncs ≤ 1.2 × total bytes ÷ 4 MiB + 15, no request over 4 MiB), and a modelled
 * time in Excel (see MODEL below).
 *
 * Each size runs in its own Node process (peak RSS measured by GNU time), so a size that
 * does not fit in memory fails alone and is reported with its exit code.
 * Options: `--sizes 64,8,100000,1` (a divisor of full size, or an order-row count ≥ 1,000),
 * `--heap-mb N` old-space limit of each child (default 8192), `--timeout-min M` (default 30),
 * `--detail` (every round trip's operations and bytes), `--rerun` (each size is then run a second
 * time on its own output, as a user's second Run of the month: the undo snapshot of the cells
 * it replaces is read and saved first; reported as its own row), `--pane` (what the task pane asks
 * of Excel, not the host's run alone: "open" is the pane opening (inspect and what Undo would take
 * back), "Run" is the run plus whatever the pane then reads to show its results and Undo).
 */
import { generateWorkbook, FULL_SIZE } from "./generate";
import { measure, type Measured } from "./file/measure";

const MiB = 1024 * 1024;
const LIMIT = 4 * MiB;
const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const RESULT = "BENCH_RESULT ";

/**
 * The time model, for Excel on the web: each round trip (a sync that sends work) costs a
 * fixed latency, every byte of request and response goes at a fixed rate, and the add-in's
 * own JavaScript runs as measured here (the run's wall time minus the time inside the
 * double's syncs). Excel's own work on the cells is assumed to be inside the byte rate.
 */
const MODEL = { rttMs: 150, bytesPerSecond: 5_000_000 };
const modelDescription = `modelled time = add-in JS (measured) + ${MODEL.rttMs} ms × round trips + (request + response bytes) ÷ ${MODEL.bytesPerSecond / 1e6} MB/s`;

interface AddinResult {
  label: string;
  orderRows: number;
  ok: boolean;
  failure?: string;
  summary: string;
  setupMs: number;
  wallMs: number;
  inSyncMs: number;
  syncs: number;
  roundTrips: number;
  requestBytes: number;
  responseBytes: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Per sync that sent work: [operations, request bytes, response bytes]. */
  trips: [number, number, number][];
  peakMB: number | null;
}

type Row = AddinResult | { label: string; orderRows: number; failedRun: Measured };

/** `--detail`: each round trip's operations and KiB sent and received, to see where syncs go. */
function printTrips(r: AddinResult): void {
  const kib = (b: number) => (b / 1024).toFixed(0);
  r.trips.forEach(([ops, req, resp], i) =>
    console.log(
      `    trip ${String(i + 1).padStart(3)}: ${String(ops).padStart(6)} ops, sent ${kib(req).padStart(6)} KiB, received ${kib(resp).padStart(6)} KiB`,
    ),
  );
}

function printTable(rows: Row[]): void {
  const mb = (b: number) => (b / MiB).toFixed(2);
  console.log(
    `\nOffice.js path in the strict Excel double (port limit ${LIMIT / MiB} MiB a request); MB = MiB; bound = 1.2 × (read + written) ÷ 4 MiB + 15`,
  );
  const cols = [
    "size",
    "rows",
    "syncs",
    "trips",
    "read MB",
    "wrote MB",
    "max req",
    "max resp",
    "bound",
    "meets",
    "JS s",
    "model s",
    "peakMB",
  ];
  const widths = [22, 9, 7, 7, 9, 9, 9, 9, 8, 7, 8, 9, 8];
  const line = (cells: string[]) =>
    console.log(cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(""));
  line(cols);
  for (const r of rows) {
    if ("failedRun" in r) {
      line([r.label, String(r.orderRows), ...cols.slice(2, -1).map(() => "—"), r.failedRun.peakMB?.toFixed(0) ?? "—"]);
      continue;
    }
    const total = r.requestBytes + r.responseBytes;
    const bound = 1.2 * (total / LIMIT) + 15;
    const meets = r.ok && r.syncs <= bound && r.maxRequestBytes <= LIMIT && r.maxResponseBytes <= LIMIT;
    const jsMs = r.wallMs - r.inSyncMs;
    const modelMs = jsMs + MODEL.rttMs * r.roundTrips + (total / MODEL.bytesPerSecond) * 1000;
    line([
      r.label,
      String(r.orderRows),
      String(r.syncs),
      String(r.roundTrips),
      mb(r.responseBytes),
      mb(r.requestBytes),
      mb(r.maxRequestBytes),
      mb(r.maxResponseBytes),
      bound.toFixed(1),
      r.ok ? (meets ? "yes" : "NO") : "FAILED",
      (jsMs / 1000).toFixed(2),
      (modelMs / 1000).toFixed(1),
      r.peakMB?.toFixed(0) ?? "—",
    ]);
  }
  console.log(`\n${modelDescription}; the double's own time inside syncs is left out of "JS s"`);
}

/** A size is a divisor of full size (1, 8, 64) or, from 1,000 up, a number of order rows. */
function scaleOf(size: number): { label: string; scale: number } {
  return size >= 1000
    ? { label: `${size.toLocaleString("en-US")} rows`, scale: size / FULL_SIZE.orders }
    : { label: `1/${size}`, scale: 1 / size };
}

async function child(size: number): Promise<void> {
  // Node only: the double's model and Office.js semantics; loaded here so the parent stays small.
  const { WorkbookModel } = await import("../test/excel-double/model");
  const { asExcel, createExcelDouble } = await import("../test/excel-double/excelDouble");
  const { RequestContextDouble } = await import("../test/excel-double/context");
  const { createExcelHost } = await import("../src/adapters/excel/excelHost");

  const { scale } = scaleOf(size);
  let t0 = Date.now();
  const { grids, rows } = generateWorkbook(scale);
  const model = new WorkbookModel();
  for (const g of grids) {
    model.addSheet(g.sheet);
    model.setValues(g.sheet, g.origin, g.values as (string | number | boolean | null)[][]);
  }
  const setupMs = Date.now() - t0;

  // Time spent inside the double's sync (Excel's side: measuring, applying, answering) is
  // taken out of the add-in's own JavaScript time.
  let inSyncNs = 0n;
  const proto = RequestContextDouble.prototype;
  const original = proto._sync;
  proto._sync = async function timed(
    this: InstanceType<typeof RequestContextDouble>,
    implicit: boolean,
  ): Promise<void> {
    const s = process.hrtime.bigint();
    try {
      await original.call(this, implicit);
    } finally {
      inSyncNs += process.hrtime.bigint() - s;
    }
  };

  const double = createExcelDouble(model);
  const pane = argv.includes("--pane");
  // The pane asks Office which requirement sets Excel has; the double has every set it models.
  const env = {
    isSetSupported: pane ? double.isSetSupported : () => false,
    now: () => new Date(2026, 10, 23, 9, 30),
    port: { limitBytes: LIMIT },
  };
  const host = createExcelHost(asExcel(double), env);
  const lastRun = async () => (host.lastRun ? host.lastRun() : undefined);
  if (pane) {
    double.stats.reset();
    inSyncNs = 0n;
    t0 = Date.now();
    await host.inspect("zh-CN");
    await lastRun();
    console.log(RESULT + JSON.stringify(resultOf(`${scaleOf(size).label} open`, undefined, Date.now() - t0)));
  }
  for (const rerun of argv.includes("--rerun") ? [false, true] : [false]) {
    double.stats.reset();
    inSyncNs = 0n;
    t0 = Date.now();
    const outcome = await host.run({ lang: "zh-CN", settings: {} }, () => undefined);
    // Before issue 14 the pane read the workbook again after a run to show what it held.
    if (pane && !("after" in outcome)) {
      await host.inspect("zh-CN");
      await lastRun();
    }
    console.log(
      RESULT +
        JSON.stringify(
          resultOf(`${scaleOf(size).label}${pane ? " Run" : ""}${rerun ? " re-run" : ""}`, outcome, Date.now() - t0),
        ),
    );
  }

  /** What the double counted since its stats were reset; `outcome` undefined for the pane opening. */
  function resultOf(
    label: string,
    outcome: Awaited<ReturnType<typeof host.run>> | undefined,
    wallMs: number,
  ): AddinResult {
    const s = double.stats;
    return {
      label,
      orderRows: rows.orders,
      ok: outcome?.ok ?? true,
      failure: outcome === undefined || outcome.ok ? undefined : `${outcome.code}: ${outcome.message}`,
      summary: outcome?.ok
        ? `month ${outcome.summary.month}, tiers A ${outcome.summary.tiers.A} B ${outcome.summary.tiers.B} C ${outcome.summary.tiers.C} D ${outcome.summary.tiers.D}, ${outcome.summary.issueCount} data issues`
        : "",
      setupMs,
      wallMs,
      inSyncMs: Number(inSyncNs) / 1e6,
      syncs: s.syncCount,
      roundTrips: s.roundTrips,
      requestBytes: s.syncs.reduce((n, x) => n + x.requestBytes, 0),
      responseBytes: s.syncs.reduce((n, x) => n + x.responseBytes, 0),
      maxRequestBytes: s.maxRequestBytes,
      maxResponseBytes: s.maxResponseBytes,
      trips: s.syncs.filter((x) => x.ops > 0).map((x) => [x.ops, x.requestBytes, x.responseBytes]),
      peakMB: null,
    };
  }
}

async function parent(): Promise<void> {
  if (argv.includes("--help")) {
    console.log(
      "npm run bench:addin -- [--sizes 64,8,100000,1] [--heap-mb 8192] [--timeout-min 30] [--detail] [--rerun] [--pane]\n(see the comment at the top of bench/addin.bench.ts)",
    );
    return;
  }
  const sizes = (option("--sizes") ?? "64,8,100000,1").split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new RangeError(`--sizes takes divisors or row counts, like 64,8,100000,1; got ${option("--sizes")}`);
  const heapMB = Number(option("--heap-mb") ?? 8192) || 8192;
  const timeoutMs = (Number(option("--timeout-min") ?? 30) || 30) * 60_000;
  const results: (AddinResult | { label: string; orderRows: number; failedRun: Measured })[] = [];
  for (const size of sizes) {
    const { label, scale } = scaleOf(size);
    const args = [
      ...process.execArgv,
      `--max-old-space-size=${heapMB}`,
      __filename,
      "--child",
      String(size),
      ...["--rerun", "--pane"].filter((f) => argv.includes(f)),
    ];
    const m = await measure(process.execPath, args, { timeoutMs });
    const lines = m.stdout.split("\n").filter((l) => l.startsWith(RESULT));
    const orderRows = Math.max(10, Math.round((FULL_SIZE.orders + 1) * scale) - 1);
    if (m.ok && lines.length > 0) {
      for (const line of lines) {
        const r = JSON.parse(line.slice(RESULT.length)) as AddinResult;
        r.peakMB = m.peakMB;
        results.push(r);
        console.log(
          `${r.label}: ${r.ok ? r.summary : `run failed: ${r.failure}`} (set-up ${(r.setupMs / 1000).toFixed(1)} s, run ${(r.wallMs / 1000).toFixed(1)} s, peak ${m.peakMB?.toFixed(0) ?? "n/a"} MB)`,
        );
        if (argv.includes("--detail")) printTrips(r);
      }
    } else {
      results.push({ label, orderRows, failedRun: m });
      const why = m.timedOut ? "timed out" : m.signal ? `killed (${m.signal})` : `exit code ${m.code}`;
      console.log(
        `${label}: the process FAILED (${why}) after ${m.seconds.toFixed(1)} s, peak ${m.peakMB?.toFixed(0) ?? "n/a"} MB, heap limit ${heapMB} MB`,
      );
      for (const l of m.stderrTail.trim().split("\n").slice(-6)) console.log(`    | ${l}`);
    }
  }
  printTable(results);
}

const childAt = argv.indexOf("--child");
(childAt >= 0 ? child(Number(argv[childAt + 1])) : parent()).catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});
