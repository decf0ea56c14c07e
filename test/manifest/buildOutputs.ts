import * as fs from "node:fs";
import * as path from "node:path";
import { createRequire } from "node:module";
import { ROOT } from "./manifestXml";

interface HtmlPage {
  userOptions: { filename: string; template: string; templateParameters?: Record<string, string> };
}
interface CopyPattern {
  from: string;
  to: string;
  transform?: (content: Buffer, absoluteFrom: string) => string | Buffer;
}
export interface WebpackConfig {
  output: { path: string };
  plugins: object[];
}
export interface WebpackConfigModule {
  (env: object, argv: { mode: string }): Promise<WebpackConfig>;
  rewriteManifest(xml: string, base?: string): string;
  prodUrl(value?: string): string;
  DEV_URL: string;
}

const load = createRequire(path.join(ROOT, "package.json"));
type PluginClass = abstract new (...args: never[]) => object;

/** The project's webpack.config.js, loaded as webpack-cli loads it. */
export const webpackConfig = load("./webpack.config.js") as WebpackConfigModule;
const HtmlWebpackPlugin = load("html-webpack-plugin") as PluginClass;
const CopyWebpackPlugin = load("copy-webpack-plugin") as PluginClass;

export const htmlPages = (config: WebpackConfig): HtmlPage[] =>
  config.plugins.filter((p): p is HtmlPage => p instanceof HtmlWebpackPlugin);

export const copyPatterns = (config: WebpackConfig): CopyPattern[] =>
  config.plugins.flatMap((p) => (p instanceof CopyWebpackPlugin ? (p as { patterns: CopyPattern[] }).patterns : []));

/** A copy pattern's `from` (a path or a one-level `dir/*.ext` glob) as the files it matches. */
function sources(from: string): string[] {
  if (!from.includes("*")) return fs.existsSync(path.join(ROOT, from)) ? [from] : [];
  const dir = path.posix.dirname(from);
  const glob = new RegExp(
    `^${path.posix
      .basename(from)
      .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, "[^/]*")}$`,
  );
  return fs
    .readdirSync(path.join(ROOT, dir))
    .filter((f) => glob.test(f))
    .map((f) => `${dir}/${f}`);
}

/**
 * Every file the build writes into dist/, by its path relative to dist/, with the source it comes from
 * (an HTML template, or the file copied): the pages of HtmlWebpackPlugin and the files CopyWebpackPlugin copies.
 */
export function builtFiles(config: WebpackConfig): Map<string, string> {
  const files = new Map<string, string>();
  for (const page of htmlPages(config)) files.set(page.userOptions.filename, page.userOptions.template);
  for (const { from, to } of copyPatterns(config)) {
    for (const source of sources(from)) {
      const ext = path.posix.extname(source);
      files.set(to.replace("[name]", path.posix.basename(source, ext)).replace("[ext]", ext), source);
    }
  }
  return files;
}
