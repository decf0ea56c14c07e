import * as fs from "node:fs";
import * as path from "node:path";
import { createRequire } from "node:module";

/** An element as xml2js gives it with `explicitChildren` + `preserveChildrenOrder`. */
export interface XmlNode {
  "#name": string;
  $?: Record<string, string>;
  _?: string;
  $$?: XmlNode[];
}

export const ROOT = path.resolve(__dirname, "../..");

// office-addin-manifest parses manifests with xml2js; use its copy rather than a hand-written parser.
const fromManifestPackage = createRequire(require.resolve("office-addin-manifest"));
const xml2js = fromManifestPackage("xml2js") as {
  parseStringPromise(xml: string, options: object): Promise<Record<string, XmlNode>>;
};

/** Parses strictly (sax strict mode: a malformed document throws), keeping children in document order. */
export async function parseXml(xml: string): Promise<XmlNode> {
  const doc = await xml2js.parseStringPromise(xml, {
    explicitChildren: true,
    preserveChildrenOrder: true,
    trim: true,
    strict: true,
  });
  const roots = Object.values(doc);
  if (roots.length !== 1) throw new Error(`expected one root element, got ${roots.length}`);
  return roots[0];
}

/** "bt:Image" → "Image": order rules are by local name. */
export const localName = (node: XmlNode): string => node["#name"].replace(/^.*:/, "");
export const children = (node: XmlNode): XmlNode[] => node.$$ ?? [];
export const attr = (node: XmlNode, name: string): string | undefined => node.$?.[name];

/** Every element of the tree, depth first, with its parent. */
export function* walk(node: XmlNode, parent?: XmlNode): Generator<{ node: XmlNode; parent?: XmlNode }> {
  yield { node, parent };
  for (const c of children(node)) yield* walk(c, node);
}

/** The children of `node` on the path of local names `names` (first match at each step). */
export function child(node: XmlNode, ...names: string[]): XmlNode {
  let at = node;
  for (const name of names) {
    const next = children(at).find((c) => localName(c) === name);
    if (!next) throw new Error(`<${localName(at)}> has no <${name}>`);
    at = next;
  }
  return at;
}

/**
 * Child order from Microsoft's schemas (OfficeAppManifestV1_1.xsd, TaskPaneAppVersionOverridesV1_0.xsd,
 * OfficeAppBasicTypesV1_0.xsd; docs: "How to find the proper order of manifest elements"), for the
 * elements a task-pane add-in uses. A child must be listed, and children must follow this order.
 * Actions are keyed by their xsi:type.
 */
export const SCHEMA_ORDER: Record<string, string[]> = {
  OfficeApp: [
    "Id",
    "AlternateId",
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
    "Dictionary",
    "VersionOverrides",
  ],
  DisplayName: ["Override"],
  Description: ["Override"],
  IconUrl: ["Override"],
  HighResolutionIconUrl: ["Override"],
  SupportUrl: ["Override"],
  AppDomains: ["AppDomain"],
  Hosts: ["Host"],
  Requirements: ["Sets", "Methods"],
  Sets: ["Set"],
  Methods: ["Method"],
  DefaultSettings: ["SourceLocation", "RequestedWidth", "RequestedHeight"],
  SourceLocation: ["Override"],
  VersionOverrides: [
    "Description",
    "Requirements",
    "Hosts",
    "Resources",
    "WebApplicationInfo",
    "EquivalentAddins",
    "VersionOverrides",
  ],
  Host: ["AllFormFactors", "DesktopFormFactor"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  ExtensionPoint: ["OfficeTab", "CustomTab"],
  OfficeTab: ["Group"],
  CustomTab: ["Group", "Label"],
  Group: ["Label", "Icon", "Control"],
  Icon: ["Image"],
  Control: ["Label", "Supertip", "Icon", "Action", "Items"],
  Supertip: ["Title", "Description"],
  "Action:ShowTaskpane": ["TaskpaneId", "SourceLocation", "Title"],
  "Action:ExecuteFunction": ["FunctionName"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
  Images: ["Image"],
  Urls: ["Url"],
  ShortStrings: ["String"],
  LongStrings: ["String"],
  Image: ["Override"],
  Url: ["Override"],
  String: ["Override"],
};

/** Every element whose children break SCHEMA_ORDER, in words; empty when the order is right. */
export function orderProblems(root: XmlNode): string[] {
  const problems: string[] = [];
  for (const { node } of walk(root)) {
    const kids = children(node);
    if (kids.length === 0) continue;
    const key = localName(node) === "Action" ? `Action:${attr(node, "xsi:type")}` : localName(node);
    const order = SCHEMA_ORDER[key];
    if (!order) {
      problems.push(`<${key}> has children but no ordering rule`);
      continue;
    }
    let last = -1;
    for (const kid of kids) {
      const at = order.indexOf(localName(kid));
      if (at < 0) problems.push(`<${localName(kid)}> is not a valid child of <${key}>`);
      else if (at < last)
        problems.push(`<${localName(kid)}> is out of order in <${key}> (schema order: ${order.join(", ")})`);
      else last = at;
    }
  }
  return problems;
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the signature. */
export function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString("latin1", 12, 16) !== "IHDR")
    throw new Error(`${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
