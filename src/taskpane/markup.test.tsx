import { FluentProvider, SSRProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { t } from "../i18n";
import { App } from "./App";
import { DetectedSection } from "./DetectedSection";
import { InvalidMark } from "./InvalidMark";
import { PlanSection } from "./PlanSection";
import { initMapping } from "./mappingState";
import { ResultsSection } from "./ResultsSection";
import { RunSection } from "./RunSection";
import { SettingsSection } from "./SettingsSection";
import { initSettings } from "./settingsState";
import { fakeHost, inspectionOf, LAST_RUN, PLAN, SUMMARY } from "./testFixtures";
import { UndoSection } from "./UndoSection";

// No DOM here (jest runs in node): the markup is rendered to a string, as a server would.
const html = (el: ReactElement) =>
  renderToString(
    <SSRProvider>
      <FluentProvider theme={webLightTheme}>{el}</FluentProvider>
    </SSRProvider>,
  );
const count = (text: string, what: string) => text.split(what).length - 1;
/** The Detected section's "Change columns" toggle: whether it says open, and its words. */
const toggle = (text: string) => {
  const m = /<button([^>]*data-testid="change-columns"[^>]*)>([^<]*)<\/button>/.exec(text);
  return m && { expanded: /aria-expanded="(\w+)"/.exec(m[1])?.[1], text: m[2] };
};

/** The Detected section as the pane renders it for an inspection (its mapping as first detected). */
const detected = (
  inspection: ReturnType<typeof inspectionOf>,
  lang: "en-US" | "zh-CN" = "en-US",
  extra: { problems?: Parameters<typeof DetectedSection>[0]["problems"]; defaultExpanded?: boolean } = {},
) =>
  html(
    <DetectedSection
      lang={lang}
      inspection={inspection}
      mapping={initMapping(inspection.detection)}
      problems={extra.problems ?? {}}
      onChange={() => undefined}
      disabled={false}
      defaultExpanded={extra.defaultExpanded}
    />,
  );

describe("task pane markup", () => {
  it.each([
    ["en-US", "a setting needs fixing"],
    ["zh-CN", "有设置需要修正"],
  ] as const)("marks the Settings tab with an accessible name while a setting is invalid (%s)", (lang, name) => {
    const out = html(<InvalidMark lang={lang} />);
    expect(out).toContain('data-testid="settings-invalid"');
    expect(out).toContain('role="img"');
    expect(out).toContain(`aria-label="${name}"`);
    expect(name).toBe(t(lang, "pane.settings.invalidMark"));
  });

  it("shows loading first", () => {
    const out = renderToString(<App host={fakeHost()} initialLang="zh-CN" theme="dark" />);
    expect(out).toContain('data-testid="loading"');
    expect(out).toContain("正在读取工作簿…");
    expect(out).toContain('data-status="loading"');
  });

  it("shows one summary line and no dropdowns while every required column is found", () => {
    const inspection = inspectionOf();
    const out = detected(inspection);
    expect(out).toContain(">Found: 订单, 拜访 — all columns</span>");
    expect(toggle(out)).toEqual({ expanded: "false", text: "Change columns" });
    expect(count(out, 'data-testid="mapping-')).toBe(0);
    expect(count(out, 'data-testid="sheet-')).toBe(0);
    // Running creates the customer sheet: said without opening the dropdowns.
    expect(out).toContain('data-testid="create-customers"');
  });

  it("opens the dropdowns when something required is missing", () => {
    const inspection = inspectionOf();
    const out = detected(inspection, "en-US", { problems: { orders: [["amount"]] } });
    expect(out).not.toContain('data-testid="detected-summary"');
    expect(out).not.toContain('data-testid="change-columns"');
    expect(out).toContain('data-testid="missing-orders"');
    expect(count(out, 'data-testid="mapping-')).toBe(12 + 5);
  });

  it("gives every mapping dropdown a test id and an accessible name", () => {
    const inspection = inspectionOf();
    const out = detected(inspection, "en-US", { defaultExpanded: true });
    expect(toggle(out)).toEqual({ expanded: "true", text: "Hide columns" });
    expect(out).toContain('data-testid="mapping-orders-amount"');
    expect(out).toContain('aria-label="Orders: column for amount"');
    expect(out).toContain('data-testid="sheet-orders"');
    expect(out).toContain('data-testid="create-customers"');
    expect(out).toContain("Running the review creates the sheet &quot;Customers&quot;");
    expect(count(out, 'data-testid="mapping-')).toBe(12 + 5);
  });

  it("shows the host's missing-column message", () => {
    const inspection = inspectionOf({ detection: undefined, missing: "未找到订单表：需要 金额 / 数量。" });
    const out = detected(inspection, "zh-CN");
    expect(out).toContain('data-testid="missing-message"');
    expect(out).toContain("未找到订单表：需要 金额 / 数量。");
    expect(out).toContain("— 未找到 —");
  });

  it("labels every setting", () => {
    const out = html(
      <SettingsSection
        lang="en-US"
        settings={initSettings(inspectionOf())}
        errors={{}}
        latestMonth="2026-10"
        onChange={() => undefined}
        onLangChange={() => undefined}
        disabled={false}
      />,
    );
    for (const id of [
      "lang-switch",
      "setting-month",
      "setting-tier-window",
      "setting-change-window",
      "setting-baseline",
      "setting-threshold",
      "setting-cut-a",
      "setting-cut-b",
      "setting-interval-A",
      "setting-visit-cost",
    ]) {
      expect(out).toContain(`data-testid="${id}"`);
    }
    expect(count(out, "<label")).toBeGreaterThanOrEqual(12);
    expect(out).toContain("YYYY-MM. Default: the month of the latest order (2026-10).");
    // The threshold and the tier cuts are described by their tooltips (shown in the browser, not rendered on a server).
    const describedBy = (id: string) =>
      new RegExp(`<input[^>]*data-testid="${id}"[^>]*>`).exec(out)?.[0].match(/aria-describedby="([^"]*)"/)?.[1];
    expect(describedBy("setting-threshold")).toMatch(/^field-\S+__hint tooltip-\S+$/);
    expect(describedBy("setting-cut-a")).toMatch(/^tooltip-\S+$/);
    expect(describedBy("setting-cut-b")).toMatch(/^tooltip-\S+$/);
    expect(describedBy("setting-interval-A")).toBeUndefined();
  });

  it("marks both tier cuts invalid under one message, and only the field whose value is wrong", () => {
    const out = html(
      <SettingsSection
        lang="en-US"
        settings={initSettings(inspectionOf())}
        errors={{ cuts: "pane.settings.cutsInvalid", intervalB: "pane.settings.intervalInvalid" }}
        latestMonth="2026-10"
        onChange={() => undefined}
        onLangChange={() => undefined}
        disabled={false}
      />,
    );
    const invalid = (id: string) =>
      new RegExp(`<input[^>]*data-testid="${id}"[^>]*>`).exec(out)![0].includes('aria-invalid="true"');
    expect(["setting-cut-a", "setting-cut-b", "setting-interval-B"].map(invalid)).toEqual([true, true, true]);
    expect(["setting-threshold", "setting-interval-A", "setting-visit-cost"].map(invalid)).toEqual([
      false,
      false,
      false,
    ]);
    expect(count(out, t("en-US", "pane.settings.cutsInvalid").replaceAll("'", "&#x27;"))).toBe(1);
    expect(count(out, t("en-US", "pane.settings.intervalInvalid"))).toBe(1);
  });

  it("shows the plan's switch off, and its settings with labels and messages only while it is on", () => {
    const start = initSettings(inspectionOf());
    const props = {
      lang: "en-US" as const,
      latestMonth: "2026-10",
      onChange: () => undefined,
      onLangChange: () => undefined,
      disabled: false,
    };
    const off = html(<SettingsSection {...props} settings={start} errors={{}} />);
    expect(off).toMatch(/<input[^>]*data-testid="setting-plan"[^>]*>/);
    expect(/<input[^>]*data-testid="setting-plan"[^>]*>/.exec(off)![0]).not.toContain("checked");
    expect(off).toContain("Next month&#x27;s plan");
    expect(count(off, 'data-testid="setting-visits-per-day"')).toBe(0);
    const on = html(
      <SettingsSection
        {...props}
        settings={{ ...start, plan: true, visitsPerDay: 0 }}
        errors={{ visitsPerDay: "pane.settings.visitsPerDayInvalid" }}
      />,
    );
    expect(/<input[^>]*data-testid="setting-plan"[^>]*>/.exec(on)![0]).toContain('checked=""');
    for (const id of ["setting-visits-per-day", "setting-prospect-target", "setting-plan-calendar"])
      expect(count(on, `data-testid="${id}"`)).toBe(1);
    expect(on).toContain("Visits per day, at most");
    expect(on).toContain(t("en-US", "pane.settings.visitsPerDayInvalid"));
    expect(on).toContain(">As the language<");
  });

  it("shows the stage and progress while running, and Cancel in Run's place", () => {
    const out = html(
      <RunSection
        lang="zh-CN"
        running
        progress={{ stage: "read", done: 1, total: 4 }}
        canRun
        onRun={() => undefined}
      />,
    );
    expect(out).not.toContain('data-testid="run-button"');
    expect(count(out, 'data-testid="cancel-button"')).toBe(1);
    expect(out).toContain(">取消运行</button>");
    expect(out).toContain('data-testid="progress"');
    expect(out).toContain("正在读取工作表：1/4");
  });

  it("shows Cancel as pressed while the run is being rolled back", () => {
    const out = html(<RunSection lang="en-US" running cancelling progress={null} canRun onRun={() => undefined} />);
    expect(out).toMatch(
      /data-testid="cancel-button"[^>]*aria-disabled="true"|aria-disabled="true"[^>]*data-testid="cancel-button"/,
    );
    expect(out).toContain(">Cancelling…</button>");
  });

  it("lists what a failed run wrote, under the host's message that says how to repair (once)", () => {
    const written = ["Customers: 15 columns written", "Review 2026-10: not written"];
    const repair = t("en-US", "run.repair");
    const out = html(
      <RunSection
        lang="en-US"
        running={false}
        progress={null}
        canRun
        error={`Excel reported an error. ${repair}`}
        written={written}
        onRun={() => undefined}
      />,
    );
    expect(out).toContain('data-testid="run-error"');
    expect(out).toContain('tabindex="-1"');
    expect(out).toContain("The review could not run");
    expect(out).toContain("<li>Customers: 15 columns written</li><li>Review 2026-10: not written</li>");
    expect(out.split(repair).length).toBe(2);
    expect(out.indexOf(repair)).toBeLessThan(out.indexOf("<li>Customers"));
  });

  it("titles a failed undo as the undo's", () => {
    const out = html(
      <RunSection
        lang="zh-CN"
        running={false}
        progress={null}
        canRun
        error="找不到工作表。"
        failed="undo"
        onRun={() => undefined}
      />,
    );
    expect(out).toContain("未能撤销上次运行");
  });

  it("says a run was cancelled, or undone", () => {
    const cancelled = html(
      <RunSection lang="en-US" running={false} progress={null} canRun notice="cancelled" onRun={() => undefined} />,
    );
    expect(cancelled).toContain('data-testid="notice-cancelled"');
    expect(cancelled).toContain("The run was cancelled. The workbook is as it was before the run.");
    const undone = html(
      <RunSection lang="zh-CN" running={false} progress={null} canRun notice="undone" onRun={() => undefined} />,
    );
    expect(undone).toContain("已撤销上次运行，工作簿与该次运行前相同。");
  });

  it("offers Undo with what it would take back, and is off when there is nothing", () => {
    const on = html(
      <UndoSection
        lang="en-US"
        last={LAST_RUN}
        enabled
        onUndo={() => undefined}
        ctrlZTip={false}
        onDismissTip={() => undefined}
      />,
    );
    expect(on).toContain(">Undo last run</button>");
    expect(on).toContain("Last run 2026-11-02 09:15: analysis sheet 月度分析 2026-10.");
    expect(on).toContain('aria-describedby="undo-hint"');
    expect(on).not.toContain('aria-disabled="true"');
    expect(on).not.toContain('data-testid="ctrlz-tip"');
    const off = html(
      <UndoSection
        lang="zh-CN"
        last={undefined}
        enabled={false}
        onUndo={() => undefined}
        ctrlZTip
        onDismissTip={() => undefined}
      />,
    );
    expect(off).toContain('aria-disabled="true"');
    expect(off).toContain("暂无可撤销的运行。");
    expect(off).toContain("提示：在 Excel 中按一次 Ctrl+Z（Mac 上为 ⌘Z）也可撤销整次运行。");
  });

  it("shows the results with selectable rows", () => {
    const out = html(<ResultsSection lang="zh-CN" summary={SUMMARY} host={fakeHost()} />);
    expect(count(out, 'data-testid="action-row"')).toBe(2);
    expect(count(out, 'data-testid="issue-row"')).toBe(1);
    expect(out).toContain('data-testid="report-link"');
    expect(out).toContain('aria-label="流失：C001 华东贸易，A 级"');
    expect(out).toContain('data-cell="订单!C17"');
    expect(out).toContain('data-testid="tier-count-C"');
    expect(out).toContain("已根据订单新建客户表“客户表”。");
    // The heading can take the focus; each list is one arrow-key group.
    expect(out).toMatch(
      /<h2[^>]*tabindex="-1"[^>]*>10 月|<h2[^>]*id="results-title"[^>]*tabindex="-1"|<h2[^>]*tabindex="-1"[^>]*id="results-title"/,
    );
    expect(count(out, "data-tabster=")).toBe(2);
  });

  it("shows the Collect list under its heading: the credit counts first, then the flagged customers", () => {
    const collect = [
      { reason: "超额度", customer: "C001", name: "华东贸易", tier: "A" as const, overdue: "12,000.00" },
      { reason: "逾期90天以上", customer: "C009", name: null, tier: "B" as const, overdue: "3,500.50" },
    ];
    const out = html(
      <ResultsSection
        lang="zh-CN"
        summary={{ ...SUMMARY, credit: { overLimit: 1, overdue: 2 }, collect }}
        host={fakeHost()}
      />,
    );
    const at = (what: string) => out.indexOf(what);
    expect(at('id="collect-title"')).toBeGreaterThan(at('data-testid="action-list"'));
    expect(at('data-testid="credit-summary"')).toBeGreaterThan(at('id="collect-title"'));
    expect(at('data-testid="collect-row"')).toBeGreaterThan(at('data-testid="credit-summary"'));
    expect(out).toContain(">催收（2）</h3>");
    expect(out).toContain("超信用额度：1 位 · 有逾期：2 位");
    expect(count(out, 'data-testid="collect-row"')).toBe(2);
  });

  it("shows the plan by salesperson and day, customers as named buttons, the rows that did not fit marked", () => {
    const out = html(<PlanSection lang="zh-CN" plan={PLAN} host={fakeHost()} />);
    expect(out).toContain(`>${t("zh-CN", "plan.title", { month: "2026-11" })}<`);
    expect(out).toContain('aria-label="转到计划表 拜访计划 2026-11"');
    expect(count(out, 'data-testid="plan-rep"')).toBe(2);
    expect([...out.matchAll(/data-testid="plan-day" data-date="([^"]*)"/g)].map((m) => m[1])).toEqual([
      "2026-11-02",
      "2026-11-03",
      "",
      "2026-11-02",
    ]);
    expect([...out.matchAll(/data-testid="plan-visit" data-customer="([^"]*)"/g)].map((m) => m[1])).toEqual([
      "C001",
      "C004",
      "C007",
      "C009",
      "C011",
    ]);
    expect(out).toContain('aria-label="2026-11-02 · 华东：C001 华东贸易，A 级，逾期5天、订货下降"');
    expect(out).toContain(">本月排不下<");
    expect(out).toContain(t("zh-CN", "pane.plan.overCapacityHint"));
    // A customer missing from the customer sheet cannot be gone to, but stays focusable for its name.
    expect(/<button[^>]*data-customer="C009"[^>]*>/.exec(out)![0]).toContain('aria-disabled="true"');
    // Greetings under their dates; a customer's selects its row, a festival's is a line.
    expect([...out.matchAll(/data-testid="plan-greeting-day" data-date="([^"]*)"/g)].map((m) => m[1])).toEqual([
      "2026-11-05",
      "2026-11-07",
    ]);
    expect([...out.matchAll(/data-testid="plan-greeting" data-customer="([^"]*)"/g)].map((m) => m[1])).toEqual([
      "C001",
    ]);
    expect(out).toContain('aria-label="2026-11-05 生日：C001 华东贸易，A 级，李明"');
    expect(out).toContain(">生日 · 李明<");
    // A greeting is not an alert: its detail is not in the red of the visits' reasons.
    const classOf = (text: string) => new RegExp(`<span class="([^"]*)">${text}</span>`).exec(out)?.[1];
    expect(classOf("生日 · 李明")).toBeDefined();
    expect(classOf("逾期5天、订货下降")).toBeDefined();
    expect(classOf("生日 · 李明")).not.toBe(classOf("逾期5天、订货下降"));
    expect(out).toContain(">立冬 · 3 位客户 · 李明<");
    expect(out).toContain(t("zh-CN", "plan.noProspectSheet"));
    // Each salesperson's list is one arrow-key group, and so are the greetings.
    expect(count(out, "data-tabster=")).toBe(3);
  });

  it("shows the prospect pools short, and says how to get a plan when there is none", () => {
    const out = html(
      <PlanSection
        lang="en-US"
        plan={{ ...PLAN, greetings: [], prospects: [{ salesperson: "Lee", total: 7, target: 10, shortfall: 3 }] }}
        host={fakeHost()}
      />,
    );
    expect(out).toContain("Lee: 7 of 10 prospects, 3 short");
    expect(out).toContain("No greetings next month.");
    const none = html(<PlanSection lang="en-US" plan={undefined} host={fakeHost()} />);
    expect(none).toContain('data-testid="plan-none"');
    expect(none).toContain("No plan yet. Turn on &quot;Next month&#x27;s plan&quot; in Settings and run the review.");
  });
});
