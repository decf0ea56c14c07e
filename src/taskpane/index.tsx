import { createRoot } from "react-dom/client";
import { createExcelHost } from "../adapters/excel/excelHost";
import { App } from "./App";
import { startReadWorker } from "./combine/startReadWorker";
import { missingExcel, officeEnvironment, type OfficeContextLike } from "./officeEnvironment";
import { storageTips } from "./onceTips";

/** Renders the pane into #container (made if the page lacks it), following Office's language and theme. */
function start(): void {
  const context = typeof Office !== "undefined" ? (Office.context as OfficeContextLike | undefined) : undefined;
  const env = officeEnvironment(context);
  const excel = typeof Excel !== "undefined" ? Excel : missingExcel(env.lang);
  const host = createExcelHost(excel, { isSetSupported: env.isSetSupported, now: () => new Date() });
  let container = document.getElementById("container");
  if (!container) {
    container = document.createElement("div");
    container.id = "container";
    document.body.appendChild(container);
  }
  document.documentElement.lang = env.lang;
  const tips = storageTips(readLocalStorage());
  const undoGroups = env.isSetSupported("ExcelApi", "1.20");
  createRoot(container).render(
    <App
      host={host}
      initialLang={env.lang}
      theme={env.theme}
      undoGroups={undoGroups}
      tips={tips}
      startWorker={startReadWorker}
    />,
  );
}

/** The page's localStorage, or undefined where reading it throws (storage blocked for the add-in's origin). */
function readLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => start());
} else {
  start();
}
