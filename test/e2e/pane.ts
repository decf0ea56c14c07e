import type { Page } from "playwright-core";
import type { DoubleErrorCode } from "../excel-double/errors";
import type { WorkbookSnapshot } from "../excel-double/model";
import type { WorkbookJson } from "../excel-double/serialize";
import type { E2eProbe } from "./harness/harness";

/** Page-side helpers for driving the pane; everything the test reads from the workbook goes through the harness's probe. */

type ProbeWindow = Window & { __e2e: E2eProbe; __progressSeen?: string[]; __progressHooksFired?: string[] };

/** What Office says to the pane (test/e2e/server.ts): its display language and theme. Outside Office: en-US, light. */
export interface OfficeSays {
  lang?: string;
  theme?: "light" | "dark";
}

/** Opens the pane on the workbook registered as `key` and waits until it has read the workbook. */
export async function openPane(page: Page, origin: string, key: string, office: OfficeSays = {}): Promise<void> {
  const query = new URLSearchParams({
    workbook: key,
    ...(office.lang ? { lang: office.lang } : {}),
    ...(office.theme ? { theme: office.theme } : {}),
  });
  await page.goto(`${origin}/taskpane.html?${query.toString()}`);
  try {
    await page.locator('[data-testid="app"][data-status="ready"]').waitFor({ timeout: 30_000 });
  } catch (e) {
    const status = await page
      .locator('[data-testid="app"]')
      .getAttribute("data-status", { timeout: 1000 })
      .catch(() => "no pane rendered");
    const text = await page.evaluate(() => document.body.innerText);
    throw new Error(`the pane did not get ready (status: ${status}); it shows:\n${text}\n${String(e)}`);
  }
}

export const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/** Opens a Fluent Dropdown with the mouse and picks the option with exactly this text. */
export async function chooseOption(page: Page, testId: string, option: string): Promise<void> {
  await byTestId(page, testId).click();
  await page.getByRole("option", { name: option, exact: true }).click();
  await page.getByRole("listbox").waitFor({ state: "detached" });
}

/** The text a Dropdown shows for its current choice. */
export async function shownValue(page: Page, testId: string): Promise<string> {
  return ((await byTestId(page, testId).textContent()) ?? "").trim();
}

export async function selection(page: Page): Promise<string | null> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__e2e.selection());
}

export async function activeSheet(page: Page): Promise<string | null> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__e2e.activeSheet());
}

export async function doubleStats(page: Page): Promise<ReturnType<E2eProbe["stats"]>> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__e2e.stats());
}

/**
 * The workbook as the double compares it, for before/after equality. Sent as one JSON string:
 * Playwright checks a structured result element by element (~10 s of CPU for the samples' workbooks
 * in the quick tier's two flows), a string at once; both are plain JSON (test/excel-double/serialize.ts).
 */
export async function snapshot(page: Page): Promise<WorkbookSnapshot> {
  const text = await page.evaluate(() => JSON.stringify((window as unknown as ProbeWindow).__e2e.snapshot()));
  return JSON.parse(text) as WorkbookSnapshot;
}

/** Makes every sync from now on take `ms` milliseconds. */
export async function setLatency(page: Page, ms: number): Promise<void> {
  await page.evaluate((m) => (window as unknown as ProbeWindow).__e2e.setLatency(m), ms);
}

/** Makes the `k`-th sync from now fail with `code`. */
export async function failSyncFromNow(page: Page, k: number, code: DoubleErrorCode): Promise<void> {
  await page.evaluate(
    ([n, c]) => (window as unknown as ProbeWindow).__e2e.failSyncFromNow(n as number, c as DoubleErrorCode),
    [k, code] as const,
  );
}

/**
 * Makes Excel fail the request after the one under way when the progress field first shows
 * exactly `text`: an observer in the page sees the text as soon as the pane renders it.
 */
export async function failOnProgress(page: Page, text: string, code: DoubleErrorCode): Promise<void> {
  await page.evaluate(
    ([want, c]) => {
      const w = window as unknown as ProbeWindow;
      const observer = new MutationObserver(() => {
        if (
          document.querySelector('[data-testid="progress"] [role="progressbar"]')?.getAttribute("aria-valuetext") !==
          want
        )
          return;
        observer.disconnect();
        w.__e2e.failSyncFromNow(1, c as DoubleErrorCode);
        (w.__progressHooksFired ??= []).push(`fail at ${want}`);
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    [text, code] as const,
  );
}

/**
 * Clicks the element with data-testid `testId` as soon as the progress field first shows exactly
 * `text` (an observer in the page, so a fast run cannot slip past the moment).
 */
export async function clickOnProgress(page: Page, text: string, testId: string): Promise<void> {
  await page.evaluate(
    ([want, id]) => {
      const observer = new MutationObserver(() => {
        if (
          document.querySelector('[data-testid="progress"] [role="progressbar"]')?.getAttribute("aria-valuetext") !==
          want
        )
          return;
        observer.disconnect();
        const target = document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
        target?.click();
        const w = window as unknown as ProbeWindow;
        (w.__progressHooksFired ??= []).push(target ? `clicked ${id} at ${want}` : `no ${id} at ${want}`);
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    [text, testId] as const,
  );
}

/** Waits until failOnProgress or clickOnProgress has fired, and returns what they did so far, in order. */
export async function progressHooksFired(page: Page): Promise<string[]> {
  await page.waitForFunction(() => ((window as unknown as ProbeWindow).__progressHooksFired ?? []).length > 0, null, {
    timeout: 60_000,
  });
  return page.evaluate(() => (window as unknown as ProbeWindow).__progressHooksFired ?? []);
}

/** What the pane's polite live region says now. */
export async function liveText(page: Page): Promise<string> {
  return ((await page.locator('[data-testid="live-region"]').textContent()) ?? "").trim();
}

/** The double's whole workbook, as one JSON string for speed (see `snapshot`). */
export async function dumpWorkbook(page: Page): Promise<WorkbookJson> {
  const text = await page.evaluate(() => JSON.stringify((window as unknown as ProbeWindow).__e2e.dump()));
  return JSON.parse(text) as WorkbookJson;
}

/** Waits until Excel's selection is no longer `before` (selecting is an Excel.run), then returns it. */
export async function selectionAfter(page: Page, before: string | null): Promise<string | null> {
  await page.waitForFunction((b) => (window as unknown as ProbeWindow).__e2e.selection() !== b, before, {
    timeout: 10_000,
  });
  return selection(page);
}

/**
 * Records every text the progress field shows from now on: a run on a small workbook is
 * over in well under a second, too quickly to poll for, so an observer in the page keeps them.
 */
export async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    const seen: string[] = (w.__progressSeen = []);
    const look = () => {
      const text = document.querySelector('[data-testid="progress"]')?.textContent ?? null;
      if (text !== null && seen[seen.length - 1] !== text) seen.push(text);
    };
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
}

export async function progressSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__progressSeen ?? []);
}

/** The data-testid of the focused element or of the nearest element around it that has one (else its tag). */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.closest("[data-testid]")?.getAttribute("data-testid") ?? el?.tagName.toLowerCase() ?? "none";
  });
}

/**
 * Presses Tab until the focused element is (inside) the one with data-testid `testId` (keyboard only), and
 * returns how many presses it took; fails after `max` presses with the path it took.
 */
export async function tabTo(page: Page, testId: string, max = 120): Promise<number> {
  const path: string[] = [];
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    path.push(now);
    if (now === testId) return i;
  }
  throw new Error(`Tab never reached ${testId} in ${max} presses; focus went: ${path.join(" → ")}`);
}

/** Waits until the pane is at rest after a run or an undo (not running, not undoing). */
export async function settled(page: Page): Promise<string> {
  await page.waitForFunction(
    () =>
      !["running", "undoing", "loading"].includes(
        document.querySelector('[data-testid="app"]')?.getAttribute("data-status") ?? "",
      ),
    null,
    {
      timeout: 60_000,
    },
  );
  return (await byTestId(page, "app").getAttribute("data-status")) ?? "";
}

/** Waits until Undo is on (the pane asked the host what the last run was). */
export async function undoEnabled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const b = document.querySelector('[data-testid="undo-button"]');
      return b !== null && b.getAttribute("aria-disabled") !== "true";
    },
    null,
    { timeout: 10_000 },
  );
}

/** Where things sit in the page, in CSS pixels from the top of the document (not of the scrolled viewport). */
export interface Layout {
  viewport: { width: number; height: number };
  /** The document's width beyond the viewport's: 0 when nothing scrolls sideways. */
  overflowX: number;
  pageHeight: number;
  /** The bottom edge of each element asked for by data-testid (its lowest one when several), or null when absent or hidden. */
  bottoms: Record<string, number | null>;
}

/** The page's size and the bottom edges of the elements with these test ids. */
export async function layout(page: Page, testIds: string[]): Promise<Layout> {
  return page.evaluate((ids) => {
    const doc = document.documentElement;
    const bottoms: Record<string, number | null> = {};
    for (const id of ids) {
      const rects = Array.from(document.querySelectorAll(`[data-testid="${id}"]`))
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.height > 0);
      bottoms[id] = rects.length === 0 ? null : Math.round(Math.max(...rects.map((r) => r.bottom)) + window.scrollY);
    }
    return {
      viewport: { width: window.innerWidth, height: window.innerHeight },
      overflowX: Math.max(doc.scrollWidth, document.body.scrollWidth) - doc.clientWidth,
      pageHeight: Math.max(doc.scrollHeight, document.body.scrollHeight),
      bottoms,
    };
  }, testIds);
}

/** The pane's background colour's brightness, 0–255 (BT.601 luma, as themeFor judges Office's). */
export async function backgroundLuma(page: Page): Promise<number> {
  return page.evaluate(() => {
    const [r, g, b] = (
      getComputedStyle(document.querySelector('[data-testid="app"]')!).backgroundColor.match(/\d+/g) ?? []
    ).map(Number);
    return Math.round(0.299 * r! + 0.587 * g! + 0.114 * b!);
  });
}
