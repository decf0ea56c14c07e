/* Build of the add-in: the task pane and the ribbon's function file, modelled on Office's
 * task-pane React template.
 *
 *   npm run build       production: minified, hashed bundles; dist/manifest.xml points at ADDIN_PROD_URL
 *   npm run build:dev   development: dist/manifest.xml keeps https://localhost:3000/
 *   npm run dev-server  HTTPS dev server on :3000 with office-addin-dev-certs' certificate
 *
 * Environment:
 *   ADDIN_PROD_URL  where dist/ is hosted in production (https, default https://sales-review.example.com/)
 *   OFFICE_JS_URL   the office.js both pages load (default: Microsoft's CDN; the browser tests
 *                   serve the copy from node_modules/@microsoft/office-js instead)
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const DEFAULT_PROD_URL = "https://sales-review.example.com/";
const DEFAULT_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The production base URL: https, ending in "/", so every manifest URL rewrites by prefix. */
function prodUrl(value = process.env.ADDIN_PROD_URL || DEFAULT_PROD_URL) {
  const url = new URL(value);
  if (url.protocol !== "https:")
    throw new Error(`ADDIN_PROD_URL must be an https URL (Office loads add-ins over HTTPS only), got ${value}`);
  if (url.search || url.hash)
    throw new Error(`ADDIN_PROD_URL must be a plain base URL without ?query or #hash, got ${value}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * The manifest with every development URL pointing at the production host instead:
 * https://localhost:3000/x → <prod>/x, and the bare origin (AppDomain) → the production origin.
 */
function rewriteManifest(xml, base = prodUrl()) {
  const origin = new URL(base).origin;
  return xml.split(DEV_URL).join(base).split(DEV_URL.slice(0, -1)).join(origin);
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const officeJs = process.env.OFFICE_JS_URL || DEFAULT_OFFICE_JS;
  const base = dev ? DEV_URL : prodUrl();
  const page = (name, template) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template,
      chunks: [name],
      templateParameters: { officeJs },
    });

  return {
    mode: dev ? "development" : "production",
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Office caches add-in files hard; hashed names make a new deployment take effect.
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // chinese-days says "type": "commonjs" yet its "module" file is ESM, which webpack then refuses: take its UMD build.
      alias: { "chinese-days$": path.resolve(__dirname, "node_modules/chinese-days/dist/index.min.js") },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // ES modules so webpack can tree-shake Fluent UI; the root tsconfig is CommonJS for Node.
              compilerOptions: { jsx: "react-jsx", module: "es2020", target: "es2020", noEmit: false, sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      page("taskpane", "./src/taskpane/taskpane.html"),
      page("commands", "./src/commands/commands.html"),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/support/support.html", to: "support.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : rewriteManifest(content.toString("utf8"), base)),
          },
        ],
      }),
    ],
    performance: {
      // React, Fluent UI and the engine make the pane ~600 KB minified (webpack's default budget is
      // 244 KB); it loads once and Office caches it. Warn if it grows well past that.
      hints: dev ? false : "warning",
      maxAssetSize: 1_000_000,
      maxEntrypointSize: 1_000_000,
    },
    devServer: {
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      // Only `webpack serve` needs the certificate; a build never touches the certificate store.
      server: env.WEBPACK_SERVE ? { type: "https", options: await httpsOptions() } : undefined,
    },
  };
};

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

module.exports.rewriteManifest = rewriteManifest;
module.exports.prodUrl = prodUrl;
module.exports.DEV_URL = DEV_URL;
