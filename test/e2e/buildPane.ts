import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import webpack, { type Configuration, type Stats } from "webpack";

const ROOT = resolve(__dirname, "../..");

export interface BuiltPane {
  /** The temporary folder holding both; remove it when done. */
  outDir: string;
  /** The pane as `npm run build` makes it (production), with office.js from `officeJsUrl`; minified only if asked. */
  distDir: string;
  /** harness.js: the strict double installed as window.Excel (see harness/harness.ts). */
  harnessDir: string;
  /** Milliseconds the two builds took together. */
  ms: number;
}

type ConfigFactory = (env: Record<string, unknown>, argv: { mode: string }) => Promise<Configuration>;

/** The harness bundle: plain webpack + ts-loader, like the pane, but unminified and without source maps. */
function harnessConfig(outDir: string): Configuration {
  return {
    mode: "development",
    devtool: false,
    target: "web",
    context: ROOT,
    entry: { harness: join(__dirname, "harness/harness.ts") },
    output: { path: outDir, filename: "[name].js" },
    resolve: {
      extensions: [".ts", ".js"],
      alias: { "chinese-days$": join(ROOT, "node_modules/chinese-days/dist/index.min.js") },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: join(ROOT, "tsconfig.json"),
              // ES2022 as in tsconfig.json: the double's proxies rely on class fields being defined, not assigned
              // (useDefineForClassFields); with an older target the field initialisers hit the proxies' set trap.
              compilerOptions: { module: "es2020", target: "es2022", noEmit: false },
            },
          },
        },
      ],
    },
  };
}

/**
 * Webpack's file cache under node_modules/.cache (issue 12): a second `npm test` rebuilds only what
 * changed (webpack checks every source file and the two configs' files). A fresh clone has none and
 * builds everything, as before.
 */
function persistentCache(name: string): Configuration["cache"] {
  return {
    type: "filesystem",
    cacheDirectory: join(ROOT, "node_modules/.cache/sales-review-e2e"),
    name,
    buildDependencies: { config: [join(ROOT, "webpack.config.js"), __filename] },
  };
}

/**
 * Builds the real task pane with the project's webpack.config.js in production mode, into a
 * temporary folder, with OFFICE_JS_URL pointing at the test server; and the harness beside it.
 * Independent of any earlier `npm run build`. `minify: false` skips only Terser and the source
 * maps (same modules, same production React, same tree shaking): 12 s of CPU instead of 31 s.
 */
export async function buildPane(officeJsUrl: string, { minify }: { minify: boolean }): Promise<BuiltPane> {
  const started = Date.now();
  const out = mkdtempSync(join(tmpdir(), "sales-review-e2e-"));
  const distDir = join(out, "dist");
  const harnessDir = join(out, "harness");
  const saved = process.env.OFFICE_JS_URL;
  process.env.OFFICE_JS_URL = officeJsUrl;
  let pane: Configuration;
  try {
    const factory = (await import(join(ROOT, "webpack.config.js"))) as ConfigFactory | { default: ConfigFactory };
    pane = await (typeof factory === "function" ? factory : factory.default)({}, { mode: "production" });
  } finally {
    if (saved === undefined) delete process.env.OFFICE_JS_URL;
    else process.env.OFFICE_JS_URL = saved;
  }
  pane = {
    ...pane,
    context: ROOT,
    output: { ...pane.output, path: distDir },
    infrastructureLogging: { level: "error" },
    cache: persistentCache(minify ? "pane-minified" : "pane"),
  };
  if (!minify) pane = { ...pane, devtool: false, optimization: { ...pane.optimization, minimize: false } };
  const compiler = webpack([pane, { ...harnessConfig(harnessDir), cache: persistentCache("harness") }]);
  const stats = await new Promise<Stats[]>((done, fail) =>
    compiler.run((err, multi) => {
      // Closing writes the cache: wait for it, so nothing of webpack runs after the test file ends.
      compiler.close((closeErr) => {
        if (err ?? closeErr) return fail(err ?? closeErr);
        if (!multi) return fail(new Error("webpack returned no stats"));
        done(multi.stats);
      });
    }),
  );
  const errors = stats.flatMap((s) => s.compilation.errors.map((e) => e.message));
  if (errors.length > 0) throw new Error(`the e2e build failed:\n${errors.join("\n")}`);
  if (!readdirSync(distDir).includes("taskpane.html"))
    throw new Error(`the e2e build made no taskpane.html in ${distDir}`);
  return { outDir: out, distDir, harnessDir, ms: Date.now() - started };
}
