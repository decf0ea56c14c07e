import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { App } from "./App";
import { DetectedSection } from "./DetectedSection";
import { initMapping } from "./mappingState";
import { ResultsSection } from "./ResultsSection";
import { RunSection } from "./RunSection";
import { SettingsSection } from "./SettingsSection";
import { initSettings } from "./settingsState";
import { fakeHost, inspectionOf, SUMMARY } from "./testFixtures";

// No DOM here (jest runs in node): the markup is rendered to a string, as a server would.
const html = (el: ReactElement) => renderToString(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>);
const count = (text: string, what: string) => text.split(what).length - 1;

describe("task pane markup", () => {
  it("shows loading first", () => {
    const out = renderToString(<App host={fakeHost()} initialLang="zh-CN" theme="dark" />);
    expect(out).toContain('data-testid="loading"');
    expect(out).toContain("正在读取工作簿…");
    expect(out).toContain('data-status="loading"');
  });

  it("gives every mapping dropdown a test id and an accessible name", () => {
    const inspection = inspectionOf();
    const out = html(<DetectedSection lang="en-US" inspection={inspection} mapping={initMapping(inspection.detection)} problems={{}} onChange={() => undefined} disabled={false} />);
    expect(out).toContain('data-testid="mapping-orders-amount"');
    expect(out).toContain('aria-label="Orders: column for amount"');
    expect(out).toContain('data-testid="sheet-orders"');
    expect(out).toContain('data-testid="create-customers"');
    expect(out).toContain("Running the review creates the sheet &quot;Customers&quot;");
    expect(count(out, 'data-testid="mapping-')).toBe(11 + 5);
  });

  it("shows the host's missing-column message", () => {
    const inspection = inspectionOf({ detection: undefined, missing: "未找到订单表：需要 金额 / 数量。" });
    const out = html(<DetectedSection lang="zh-CN" inspection={inspection} mapping={initMapping(undefined)} problems={{}} onChange={() => undefined} disabled={false} />);
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
    for (const id of ["lang-switch", "setting-month", "setting-tier-window", "setting-change-window", "setting-baseline", "setting-threshold", "setting-cut-a", "setting-cut-b", "setting-interval-A", "setting-visit-cost"]) {
      expect(out).toContain(`data-testid="${id}"`);
    }
    expect(count(out, "<label")).toBeGreaterThanOrEqual(12);
    expect(out).toContain("YYYY-MM. Default: the month of the latest order (2026-10).");
  });

  it("shows the stage and progress while running", () => {
    const out = html(<RunSection lang="zh-CN" running progress={{ stage: "read", done: 1, total: 4 }} canRun onRun={() => undefined} />);
    expect(out).toContain('data-testid="run-button"');
    expect(out).toContain('data-testid="progress"');
    expect(out).toContain("正在读取工作表：1/4");
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
  });
});
