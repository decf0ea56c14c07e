/**
 * Offline validation of manifest.xml. `npm run validate` asks Microsoft's online service, which is
 * out of reach here, and Microsoft's XSDs ship in no npm package; so these tests check what the
 * service would: well-formed XML, the schema's element order, HTTPS URLs that the build produces,
 * defined resources within length limits, a zh-CN override for every user-visible string, icons.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import {
  ROOT,
  attr,
  child,
  children,
  localName,
  orderProblems,
  parseXml,
  pngSize,
  walk,
  type XmlNode,
} from "./manifestXml";
import { builtFiles, copyPatterns, htmlPages, webpackConfig } from "./buildOutputs";

const MANIFEST = path.join(ROOT, "manifest.xml");
const xml = fs.readFileSync(MANIFEST, "utf8");
const DEV_URL = webpackConfig.DEV_URL;
const CJK = /[\u4e00-\u9fff]/;

/** What office-addin-manifest's readManifestFile returns (the fields checked here). */
interface ManifestInfo {
  officeAppType?: string;
  defaultLocale?: string;
  displayName?: string;
  hosts?: string[];
  permissions?: string;
  defaultSettings?: { sourceLocation?: string };
}

let root: XmlNode;
beforeAll(async () => {
  root = await parseXml(xml);
});

const elements = (name: string) =>
  [...walk(root)].filter(({ node }) => localName(node) === name).map(({ node }) => node);
const zhCN = (node: XmlNode) =>
  children(node).find((c) => localName(c) === "Override" && attr(c, "Locale") === "zh-CN");
const resources = (kind: string) => children(child(root, "VersionOverrides", "Resources", kind));
const resource = (kind: string, id: string) => resources(kind).find((r) => attr(r, "id") === id);

/** Every URL in the manifest: DefaultValue/Value of URL settings and resources, and AppDomains. */
function urls(node: XmlNode): string[] {
  return [...walk(node)].flatMap(({ node: n }) => {
    if (localName(n) === "AppDomain") return [n._ ?? ""];
    return ["DefaultValue", "Value"].map((a) => attr(n, a) ?? "").filter((v) => /^[a-z]+:\/\//i.test(v));
  });
}

describe("manifest.xml", () => {
  it("is well-formed XML (the parser is strict: a truncated copy is rejected)", async () => {
    expect(localName(root)).toBe("OfficeApp");
    await expect(parseXml(xml.slice(0, xml.indexOf("</Resources>")))).rejects.toThrow();
  });

  it("is read by office-addin-manifest as an Excel task-pane add-in", () => {
    // In a child Node: the package loads ES-only dependencies (uuid, @microsoft/app-manifest) that
    // Node 20 requires natively but Jest's module loader cannot.
    const script =
      "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1]).then((i) => process.stdout.write(JSON.stringify(i)))";
    const info = JSON.parse(
      execFileSync(process.execPath, ["-e", script, MANIFEST], {
        cwd: ROOT,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }),
    ) as ManifestInfo;
    expect([info.officeAppType, info.defaultLocale, info.displayName, info.hosts, info.permissions]).toEqual([
      "TaskPaneApp",
      "en-US",
      "Sales Review",
      ["Workbook"],
      "ReadWriteDocument",
    ]);
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_URL}taskpane.html`);
  });

  it("has the elements Office requires, in the order the manifest reference gives", () => {
    expect(children(root).map(localName)).toEqual([
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ]);
    expect(attr(root, "xsi:type")).toBe("TaskPaneApp");
    expect(attr(child(root, "VersionOverrides"), "xsi:type")).toBe("VersionOverridesV1_0");
  });

  it("orders the children of every element as the schemas do", () => {
    expect(orderProblems(root)).toEqual([]);
  });

  it("has an order check that reports an element out of place", async () => {
    const swapped = await parseXml(
      xml.replace(/(<Version>.*<\/Version>)(\s*)(<ProviderName>.*<\/ProviderName>)/, "$3$2$1"),
    );
    expect(orderProblems(swapped)).toEqual([expect.stringMatching(/^<Version> is out of order in <OfficeApp>/)]);
  });

  it("uses one GUID as its id and the package's version", () => {
    expect(child(root, "Id")._).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(child(root, "Version")._).toBe(`${pkg.version}.0`);
  });

  it("runs in Excel with ExcelApi 1.9 and may read and write the workbook", () => {
    expect(children(child(root, "Hosts")).map((h) => attr(h, "Name"))).toEqual(["Workbook"]);
    expect(children(child(root, "Requirements", "Sets")).map((s) => [attr(s, "Name"), attr(s, "MinVersion")])).toEqual([
      ["ExcelApi", "1.9"],
    ]);
    expect(child(root, "Permissions")._).toBe("ReadWriteDocument");
  });

  it("puts one group on the Home tab: Open Sales Review shows the pane, Run review calls runReview", () => {
    const form = child(root, "VersionOverrides", "Hosts", "Host", "DesktopFormFactor");
    const tab = child(form, "ExtensionPoint", "OfficeTab");
    expect([attr(child(form, "ExtensionPoint"), "xsi:type"), attr(tab, "id"), children(tab).length]).toEqual([
      "PrimaryCommandSurface",
      "TabHome",
      1,
    ]);
    const controls = children(child(tab, "Group")).filter((c) => localName(c) === "Control");
    const text = (c: XmlNode) =>
      attr(resource("ShortStrings", attr(child(c, "Label"), "resid") ?? "")!, "DefaultValue");
    const action = (c: XmlNode) => child(c, "Action");
    expect(controls.map((c) => [text(c), attr(action(c), "xsi:type")])).toEqual([
      ["Open Sales Review", "ShowTaskpane"],
      ["Run review", "ExecuteFunction"],
    ]);
    expect(child(action(controls[0]), "TaskpaneId")._).toBe("ButtonId1");
    const url = (n: XmlNode) => attr(resource("Urls", attr(n, "resid") ?? "")!, "DefaultValue");
    expect(url(child(action(controls[0]), "SourceLocation"))).toBe(`${DEV_URL}taskpane.html`);
    expect(url(child(form, "FunctionFile"))).toBe(`${DEV_URL}commands.html`);
    expect(child(action(controls[1]), "FunctionName")._).toBe("runReview");
    expect(fs.readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8")).toMatch(
      /associate\(\s*["']runReview["']/,
    );
  });
});

describe("manifest URLs", () => {
  it("are all HTTPS", () => {
    expect(urls(root).length).toBeGreaterThan(10);
    expect(urls(root).filter((u) => !u.startsWith("https://"))).toEqual([]);
  });

  it("point at files the build produces", async () => {
    const built = builtFiles(await webpackConfig({ WEBPACK_BUILD: true }, { mode: "development" }));
    const local = urls(root)
      .filter((u) => u.startsWith(DEV_URL))
      .map((u) => u.slice(DEV_URL.length));
    expect(local).toEqual(
      expect.arrayContaining(["taskpane.html", "commands.html", "support.html", "assets/icon-16.png"]),
    );
    expect(local.filter((file) => !built.has(file) || !fs.existsSync(path.join(ROOT, built.get(file)!)))).toEqual([]);
    expect(urls(root).filter((u) => !u.startsWith(DEV_URL) && u !== DEV_URL.slice(0, -1))).toEqual([]);
  });

  it("name the add-in's own origin as its only app domain", () => {
    expect(children(child(root, "AppDomains")).map((d) => d._)).toEqual([DEV_URL.slice(0, -1)]);
  });

  describe("in the production build", () => {
    const saved = process.env.ADDIN_PROD_URL;
    afterEach(() => {
      if (saved === undefined) delete process.env.ADDIN_PROD_URL;
      else process.env.ADDIN_PROD_URL = saved;
    });
    const copiedManifest = async (mode: string) => {
      const pattern = copyPatterns(await webpackConfig({ WEBPACK_BUILD: true }, { mode })).find(
        (p) => p.from === "manifest.xml",
      )!;
      return String(pattern.transform ? pattern.transform(Buffer.from(xml), MANIFEST) : xml);
    };

    it("point at ADDIN_PROD_URL, with the same add-in id", async () => {
      process.env.ADDIN_PROD_URL = "https://cdn.contoso.com/sales-review";
      const prod = await parseXml(await copiedManifest("production"));
      const base = "https://cdn.contoso.com/sales-review/";
      expect(urls(prod).filter((u) => !u.startsWith(base))).toEqual(["https://cdn.contoso.com"]);
      // The same URLs in the same places, moved to the production host (AppDomain: its origin).
      const back = (u: string) =>
        u.startsWith(base)
          ? DEV_URL + u.slice(base.length)
          : u.replace("https://cdn.contoso.com", DEV_URL.slice(0, -1));
      expect(urls(prod).map(back)).toEqual(urls(root));
      expect(child(prod, "Id")._).toBe(child(root, "Id")._);
      expect(orderProblems(prod)).toEqual([]);
    });

    it("default to https://sales-review.example.com/", async () => {
      delete process.env.ADDIN_PROD_URL;
      expect(
        urls(await parseXml(await copiedManifest("production"))).filter(
          (u) => !u.startsWith("https://sales-review.example.com"),
        ),
      ).toEqual([]);
    });

    it("stay on localhost in a development build", async () => {
      process.env.ADDIN_PROD_URL = "https://cdn.contoso.com/";
      expect(await copiedManifest("development")).toBe(xml);
    });

    it("must be HTTPS", async () => {
      process.env.ADDIN_PROD_URL = "http://cdn.contoso.com/";
      await expect(webpackConfig({ WEBPACK_BUILD: true }, { mode: "production" })).rejects.toThrow(
        "ADDIN_PROD_URL must be an https URL",
      );
    });
  });
});

describe("manifest resources", () => {
  const KIND_OF: Record<string, string> = {
    Label: "ShortStrings",
    Title: "ShortStrings",
    Description: "LongStrings",
    SourceLocation: "Urls",
    FunctionFile: "Urls",
    LearnMoreUrl: "Urls",
    Image: "Images",
  };
  const references = () =>
    [...walk(root)]
      .filter(({ node }) => attr(node, "resid") !== undefined)
      .map(({ node }) => ({ element: localName(node), resid: attr(node, "resid")! }));
  const KINDS = ["Images", "Urls", "ShortStrings", "LongStrings"];

  it("define every resid referenced, as the kind of resource the element takes", () => {
    expect(references().filter(({ element, resid }) => !resource(KIND_OF[element] ?? "?", resid))).toEqual([]);
  });

  it("are all referenced", () => {
    const used = new Set(references().map((r) => r.resid));
    expect(KINDS.flatMap((k) => resources(k).map((r) => attr(r, "id")!)).filter((id) => !used.has(id))).toEqual([]);
  });

  it("have unique ids of at most 32 characters", () => {
    const ids = KINDS.flatMap((k) => resources(k).map((r) => attr(r, "id")!));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.length > 32)).toEqual([]);
    expect(references().filter((r) => r.resid.length > 32)).toEqual([]);
  });

  it("keep short strings within 125 characters and long strings within 250, in every language", () => {
    const tooLong = (kind: string, max: number) =>
      resources(kind)
        .flatMap((s) => [attr(s, "DefaultValue")!, ...children(s).map((o) => attr(o, "Value")!)])
        .filter((v) => v.length > max);
    expect(tooLong("ShortStrings", 125)).toEqual([]);
    expect(tooLong("LongStrings", 250)).toEqual([]);
    expect(
      [child(root, "DisplayName"), zhCN(child(root, "DisplayName"))!].filter(
        (n) => (attr(n, "DefaultValue") ?? attr(n, "Value")!).length > 125,
      ),
    ).toEqual([]);
    expect(
      [child(root, "Description"), zhCN(child(root, "Description"))!].filter(
        (n) => (attr(n, "DefaultValue") ?? attr(n, "Value")!).length > 250,
      ),
    ).toEqual([]);
  });

  it("translate every string, the DisplayName and the Description into zh-CN", () => {
    const strings = [
      ...resources("ShortStrings"),
      ...resources("LongStrings"),
      child(root, "DisplayName"),
      child(root, "Description"),
    ];
    expect(
      strings.filter((s) => !CJK.test(attr(zhCN(s) ?? s, "Value") ?? "")).map((s) => attr(s, "id") ?? localName(s)),
    ).toEqual([]);
    expect(attr(zhCN(resource("ShortStrings", "SR.Group.Label")!)!, "Value")).toBe("销售分析");
    expect(attr(zhCN(resource("ShortStrings", "SR.OpenPane.Label")!)!, "Value")).toBe("打开销售分析");
    expect(attr(zhCN(resource("ShortStrings", "SR.RunReview.Label")!)!, "Value")).toBe("运行分析");
  });
});

describe("manifest icons", () => {
  const file = (url: string) => path.join(ROOT, url.slice(DEV_URL.length));

  it("give every icon the 16, 32 and 80 px images Office requires, each of the size it claims", () => {
    for (const icon of elements("Icon")) {
      const images = children(icon).map((i) => ({
        size: Number(attr(i, "size")),
        url: attr(resource("Images", attr(i, "resid")!)!, "DefaultValue")!,
      }));
      expect(images.map((i) => i.size)).toEqual(expect.arrayContaining([16, 32, 80]));
      expect(
        images.filter(({ size, url }) => pngSize(file(url)).width !== size || pngSize(file(url)).height !== size),
      ).toEqual([]);
    }
  });

  it("use a 32 px IconUrl and a 64 px HighResolutionIconUrl", () => {
    expect(pngSize(file(attr(child(root, "IconUrl"), "DefaultValue")!))).toEqual({ width: 32, height: 32 });
    expect(pngSize(file(attr(child(root, "HighResolutionIconUrl"), "DefaultValue")!))).toEqual({
      width: 64,
      height: 64,
    });
  });

  it("are PNGs with the pixel size their names say", () => {
    const pngs = fs.readdirSync(path.join(ROOT, "assets")).filter((f) => f.endsWith(".png"));
    expect(pngs.sort()).toEqual(["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]);
    expect(pngs.map((f) => pngSize(path.join(ROOT, "assets", f)))).toEqual(
      pngs.map((f) => ({ width: Number(/\d+/.exec(f)![0]), height: Number(/\d+/.exec(f)![0]) })),
    );
  });
});

describe("add-in pages", () => {
  const saved = process.env.OFFICE_JS_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.OFFICE_JS_URL;
    else process.env.OFFICE_JS_URL = saved;
  });

  it("load office.js from Microsoft's CDN through one template parameter, before any other script", async () => {
    delete process.env.OFFICE_JS_URL;
    const pages = htmlPages(await webpackConfig({ WEBPACK_BUILD: true }, { mode: "production" }));
    expect(pages.map((p) => [p.userOptions.filename, p.userOptions.templateParameters?.officeJs])).toEqual([
      ["taskpane.html", "https://appsforoffice.microsoft.com/lib/1/hosted/office.js"],
      ["commands.html", "https://appsforoffice.microsoft.com/lib/1/hosted/office.js"],
    ]);
    for (const page of pages) {
      const scripts = fs
        .readFileSync(path.join(ROOT, page.userOptions.template), "utf8")
        .match(/<script\b.*?<\/script>/gs);
      expect(scripts).toEqual(['<script type="text/javascript" src="<%= officeJs %>"></script>']);
    }
  });

  it("load office.js from OFFICE_JS_URL when it is set", async () => {
    process.env.OFFICE_JS_URL = "/office-js/office.js";
    const pages = htmlPages(await webpackConfig({ WEBPACK_BUILD: true }, { mode: "development" }));
    expect(pages.map((p) => p.userOptions.templateParameters?.officeJs)).toEqual([
      "/office-js/office.js",
      "/office-js/office.js",
    ]);
  });
});

describe("add-in tooling", () => {
  // office-addin-usage-data 2.1.1 and later are stubs that send nothing (they read no opt-out: there
  // is nothing left to opt out of). This fails if an upgrade brings a reporting version back.
  function expectSilentUsageData(tool: string): void {
    const usageData = require.resolve("office-addin-usage-data", {
      paths: [path.dirname(require.resolve(`${tool}/package.json`))],
    });
    const pkg = JSON.parse(
      fs.readFileSync(path.join(usageData.slice(0, usageData.lastIndexOf("lib")), "package.json"), "utf8"),
    ) as { dependencies?: object };
    expect(Object.keys(pkg.dependencies ?? {})).not.toContain("applicationinsights");
    expect(fs.readFileSync(usageData.replace(/main\.js$/, "usageData.js"), "utf8")).not.toMatch(
      /require\("(applicationinsights|https?|node-fetch|axios)"\)/,
    );
  }

  it.each(["office-addin-manifest", "office-addin-dev-certs"])("%s sends no usage data", expectSilentUsageData);

  // The sideloading tools are optional dependencies: they need libsecret to build and a newcomer's
  // install goes on without them. Where they installed, their copies are checked as above.
  const sideloading = ["office-addin-debugging", "office-addin-dev-settings"];
  const lock = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package-lock.json"), "utf8")) as {
    packages: Record<string, { version?: string; optional?: boolean }>;
  };
  it.each(sideloading)(
    "%s sends no usage data where it installed, and is optional in the lock file where it did not",
    (tool) => {
      if (fs.existsSync(path.join(__dirname, "../../node_modules", tool, "package.json"))) expectSilentUsageData(tool);
      else expect(lock.packages[`node_modules/${tool}`]?.optional).toBe(true);
    },
  );

  it("every office-addin-usage-data in the lock file, installed or not, is a stub (2.1.1 or later)", () => {
    const versions = Object.entries(lock.packages)
      .filter(([where]) => where.endsWith("node_modules/office-addin-usage-data"))
      .map(([, p]) => (p.version ?? "0.0.0").split(".").map(Number));
    expect(versions.length).toBeGreaterThan(0);
    expect(versions.filter(([major, minor, patch]) => major * 1e6 + minor * 1e3 + patch < 2_001_001)).toEqual([]);
  });

  it("keeps the sideloading tools optional, so that npm install needs no libsecret", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as Record<
      string,
      Record<string, string> | undefined
    >;
    expect(Object.keys(pkg.optionalDependencies ?? {})).toEqual(["office-addin-debugging"]);
    expect(Object.keys(pkg.devDependencies ?? {})).not.toContain("office-addin-debugging");
  });
});
