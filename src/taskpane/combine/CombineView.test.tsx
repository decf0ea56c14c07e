import { FluentProvider, SSRProvider, webLightTheme } from "@fluentui/react-components";
import { renderToString } from "react-dom/server";
import { t, type Lang } from "../../i18n";
import { fakeHost, SUMMARY } from "../testFixtures";
import { CombineView } from "./CombineView";
import type { useCombineView } from "./useCombineView";

/** The view's state before anything is picked. */
const idle: ReturnType<typeof useCombineView> = {
  files: [],
  pick: () => undefined,
  changeMapping: () => undefined,
  ready: false,
  blocked: false,
  includeOwn: true,
  setIncludeOwn: () => undefined,
  status: { kind: "idle" },
  running: false,
  canRun: false,
  run: () => undefined,
  cancel: () => undefined,
};

const html = (lang: Lang, view = idle) =>
  renderToString(
    <SSRProvider>
      <FluentProvider theme={webLightTheme}>
        <CombineView lang={lang} host={fakeHost()} view={view} disabled={false} />
      </FluentProvider>
    </SSRProvider>,
  );

describe("the Combine view's file picker", () => {
  it.each(["zh-CN", "en-US"] as const)("is a button in the pane's words over a hidden file input (%s)", (lang) => {
    const out = html(lang);
    const button = /<button[^>]*data-testid="combine-choose"[^>]*>([^<]*)<\/button>/.exec(out);
    expect(button?.[1]).toBe(t(lang, "combine.pane.choose"));
    const input = /<input[^>]*data-testid="combine-files"[^>]*>/.exec(out)?.[0] ?? "";
    expect(input).toContain('type="file"');
    expect(input).toContain('accept=".xlsx,.xlsm"');
    expect(input).toMatch(/ hidden=""/);
    expect(input).toContain("multiple");
    // The button says what it does; the sentence above it (read here, sent nowhere) is its description.
    expect(/<button[^>]*data-testid="combine-choose"[^>]*>/.exec(out)?.[0]).toContain(
      'aria-describedby="combine-pick-hint"',
    );
    expect(out).toContain(`<span id="combine-pick-hint"`);
    expect(out).toMatch(
      new RegExp(`id="combine-pick-hint"[^>]*>${t(lang, "combine.pane.pick").replace(/[.()]/g, "\\$&")}<`),
    );
  });
});

describe("the Combine view after a run", () => {
  it("lists what was read from each file, then the total, one item each, above the results", () => {
    const combined = [
      "a.xlsx: Orders (10 of 10 rows)",
      "b.xlsx: Orders (4 of 5 rows)",
      "Combined 2 workbooks: 13 rows kept",
    ];
    const out = html("en-US", { ...idle, status: { kind: "done", summary: { ...SUMMARY, combined } } });
    const list = /<ul[^>]*data-testid="combine-summary"[^>]*>(.*?)<\/ul>/.exec(out)?.[1] ?? "";
    expect([...list.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1])).toEqual(combined);
    expect(out.indexOf('data-testid="combine-summary"')).toBeLessThan(out.indexOf('data-testid="results"'));
  });
});
