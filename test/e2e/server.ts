import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import type { WorkbookJson } from "../excel-double/serialize";

/** office.js as the @microsoft/office-js package ships it; it loads o15apptofilemappingtable.js from beside itself. */
export const OFFICE_JS_DIR = resolve(__dirname, "../../node_modules/@microsoft/office-js/dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
};

/**
 * The test's web server on 127.0.0.1 (a free port):
 *   /office/*           the @microsoft/office-js package's dist folder
 *   /e2e/harness.js     the harness bundle
 *   /e2e/model/<key>.js the workbook registered under <key>, as `window.__MODEL_JSON__ = …`
 *   /taskpane.html?workbook=<key>  the built pane page with those two scripts put before office.js
 *   anything else       the built dist folder
 * Every request path is recorded in `requests`.
 */
export class TestServer {
  readonly requests: string[] = [];
  private readonly models = new Map<string, string>();
  private server: Server | undefined;
  private distDir: string | undefined;
  private harnessDir: string | undefined;
  private officeJsUrl = "";
  port = 0;

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      try {
        const url = new URL(req.url ?? "/", this.origin);
        this.requests.push(url.pathname);
        const body = this.respond(url);
        if (!body) {
          res.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${url.pathname}`);
          return;
        }
        res.writeHead(200, { "content-type": body.type, "cache-control": "no-store" }).end(body.data);
      } catch (e) {
        res.writeHead(500, { "content-type": "text/plain" }).end(String(e));
      }
    });
    await new Promise<void>((done) => this.server!.listen(0, "127.0.0.1", done));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Where the built pane and harness are, and the office.js URL the pane was built with. */
  serve(distDir: string, harnessDir: string, officeJsUrl: string): void {
    this.distDir = distDir;
    this.harnessDir = harnessDir;
    this.officeJsUrl = officeJsUrl;
  }

  addWorkbook(key: string, json: WorkbookJson): void {
    if (!/^[a-z0-9-]+$/.test(key)) throw new Error(`workbook key must be [a-z0-9-]: ${key}`);
    this.models.set(key, `window.__MODEL_JSON__ = ${JSON.stringify(json)};\n`);
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }

  private respond(url: URL): { type: string; data: string | Buffer } | undefined {
    const path = url.pathname;
    if (path.startsWith("/office/")) return file(OFFICE_JS_DIR, path.slice("/office/".length));
    if (path === "/e2e/harness.js") return this.harnessDir ? file(this.harnessDir, "harness.js") : undefined;
    const model = /^\/e2e\/model\/([a-z0-9-]+)\.js$/.exec(path);
    if (model) {
      const data = this.models.get(model[1]!);
      return data === undefined ? undefined : { type: TYPES[".js"]!, data };
    }
    if (!this.distDir) return undefined;
    if (path === "/taskpane.html" && url.searchParams.has("workbook")) {
      const key = url.searchParams.get("workbook")!;
      if (!this.models.has(key)) return undefined;
      const html = readFileSync(join(this.distDir, "taskpane.html"), "utf8");
      const office = officeOverrides(url.searchParams);
      return { type: TYPES[".html"]!, data: injectHarness(html, this.officeJsUrl, key, office) };
    }
    return file(this.distDir, path === "/" ? "index.html" : path.slice(1));
  }
}

/** A file under `root`, never outside it. */
function file(root: string, relative: string): { type: string; data: Buffer } | undefined {
  const full = normalize(join(root, decodeURIComponent(relative)));
  if (!full.startsWith(root + sep) || !existsSync(full) || !statSync(full).isFile()) return undefined;
  return { type: TYPES[extname(full)] ?? "application/octet-stream", data: readFileSync(full) };
}

/**
 * The pane's page with the workbook and the harness loaded first: classic scripts run in
 * document order and the pane's bundle is deferred, so `window.Excel` is the double before
 * office.js loads and long before index.tsx reads it.
 */
export function injectHarness(html: string, officeJsUrl: string, key: string, office: OfficeOverrides = {}): string {
  const at = html.indexOf(officeJsUrl);
  const tag = at < 0 ? -1 : html.lastIndexOf("<script", at);
  if (tag < 0) throw new Error(`taskpane.html does not load office.js from ${officeJsUrl}:\n${html}`);
  const scripts = `<script src="/e2e/model/${key}.js"></script><script src="/e2e/harness.js"></script>`;
  const end = html.indexOf("</script>", at) + "</script>".length;
  const after = Object.keys(office).length > 0 ? officeContextScript(office) : "";
  return html.slice(0, tag) + scripts + html.slice(tag, end) + after + html.slice(end);
}

/** What Office would tell the pane in a host: its display language and its theme's body colour. */
export interface OfficeOverrides {
  displayLanguage?: string;
  bodyBackgroundColor?: string;
}

/** Office's Black theme's body colour: the pane goes dark on it (src/taskpane/themeFor.ts). */
export const OFFICE_BLACK = "#262626";

/** `?lang=zh-CN&theme=dark` on the pane's URL: Office's display language and its Black theme. */
function officeOverrides(params: URLSearchParams): OfficeOverrides {
  const out: OfficeOverrides = {};
  const lang = params.get("lang");
  if (lang && /^[a-z]{2}-[A-Z]{2}$/.test(lang)) out.displayLanguage = lang;
  if (params.get("theme") === "dark") out.bodyBackgroundColor = OFFICE_BLACK;
  return out;
}

/**
 * A classic script right after office.js (so before the pane's deferred bundle): Office.onReady
 * hands the pane an Office.context that says `office`'s language and theme, as a host's would.
 * Outside a host office.js leaves those out, which is why the pane starts in en-US and light.
 */
function officeContextScript(office: OfficeOverrides): string {
  const theme = office.bodyBackgroundColor ? { officeTheme: { bodyBackgroundColor: office.bodyBackgroundColor } } : {};
  const extra = JSON.stringify({
    ...theme,
    ...(office.displayLanguage ? { displayLanguage: office.displayLanguage } : {}),
  });
  // Office.context is a getter office.js will not let go of; the object it returns takes the properties.
  const set =
    "Object.keys(extra).forEach(function(k){Object.defineProperty(Office.context,k,{value:extra[k],configurable:true});})";
  return `<script>(function(){var extra=${extra};var ready=Office.onReady;Office.onReady=function(cb){return ready.call(Office,function(info){${set};return cb?cb(info):info;});};})();</script>`;
}
