import { existsSync } from "node:fs";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Debian's chromium package; CI installs it. Never a downloaded browser. */
export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = (): boolean => existsSync(CHROMIUM);

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * The one request office.js itself makes to the internet outside an Office host: 3 s after it
 * loads, o15apptofilemappingtable.js (which office.js fetches beside itself when it finds no host,
 * and without which Office.onReady never fires) adds a hidden iframe for Microsoft's telemetry
 * proxy. It is aborted like every other request off 127.0.0.1; the tests allow only this one.
 */
export const OFFICE_TELEMETRY_FRAME =
  "https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html";

/** About the width of Office's task pane on the desktop. */
export const PANE_VIEWPORT = { width: 360, height: 900 };

export interface Browser {
  context: BrowserContext;
  /** Every request the pages tried to send anywhere but the test server; each was aborted. */
  blocked: string[];
  /** `blocked` without office.js's own telemetry frame: what the pane (or anything else) tried to reach. */
  unexpected(): string[];
  /** Uncaught page errors and console errors. */
  pageErrors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Chromium (playwright-core launches it with a fresh temporary profile), where any request that is not for 127.0.0.1:`port` is
 * aborted and recorded: the pane must work without the internet.
 */
export async function launchBrowser(port: number): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const context = await browser.newContext({ viewport: PANE_VIEWPORT, locale: "en-US" });
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" && url.port === String(port)) return route.continue();
    blocked.push(url.href);
    return route.abort("blockedbyclient");
  });
  return {
    context,
    blocked,
    unexpected: () => blocked.filter((url) => url !== OFFICE_TELEMETRY_FRAME),
    pageErrors,
    async newPage() {
      const page = await context.newPage();
      page.on("pageerror", (e) => pageErrors.push(`pageerror: ${e.message}`));
      page.on("console", (m) => {
        // office.js says so on purpose when it is loaded outside Office.
        if (m.type() === "error") pageErrors.push(`console.error: ${m.text()}`);
      });
      return page;
    },
    async close() {
      await context.close();
      await browser.close();
    },
  };
}
