import type { Page } from "playwright-core";

/**
 * Roles of things a user operates or is told about (a dialog, a progress bar); each needs a
 * name a screen reader can say.
 */
const CONTROL_ROLES = new Set([
  "alertdialog",
  "button",
  "checkbox",
  "combobox",
  "dialog",
  "link",
  "listbox",
  "menuitem",
  "option",
  "progressbar",
  "radio",
  "searchbox",
  "slider",
  "spinbutton",
  "switch",
  "tab",
  "textbox",
]);

export interface Control {
  role: string;
  name: string;
  /** The accessible description (aria-describedby: hints, tooltips), "" when none. */
  description: string;
  /** data-testid of the element or the nearest one around it, for messages. */
  where: string;
}

interface AXNode {
  ignored: boolean;
  role?: { value?: string };
  name?: { value?: string };
  description?: { value?: string };
  backendDOMNodeId?: number;
}

/**
 * Every control in the page's accessibility tree as Chromium computes it (aria-label,
 * aria-labelledby, <label for>, Field's label, text content — whatever a screen reader gets).
 */
export async function controls(page: Page): Promise<Control[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("DOM.getDocument", { depth: -1 });
    const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as unknown as { nodes: AXNode[] };
    const out: Control[] = [];
    for (const node of nodes) {
      const role = node.role?.value ?? "";
      if (node.ignored || !CONTROL_ROLES.has(role)) continue;
      let where = "?";
      if (node.backendDOMNodeId !== undefined) {
        const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: node.backendDOMNodeId });
        if (object.objectId) {
          const res = await cdp.send("Runtime.callFunctionOn", {
            objectId: object.objectId,
            functionDeclaration:
              "function () { const el = this.nodeType === 1 ? this : this.parentElement; const t = el && el.closest('[data-testid]'); return (t ? t.getAttribute('data-testid') : '') + ' <' + (el ? el.tagName.toLowerCase() : '?') + '>'; }",
            returnByValue: true,
          });
          where = String(res.result.value);
          await cdp.send("Runtime.releaseObject", { objectId: object.objectId });
        }
      }
      out.push({
        role,
        name: (node.name?.value ?? "").trim(),
        description: (node.description?.value ?? "").trim(),
        where,
      });
    }
    return out;
  } finally {
    await cdp.detach();
  }
}
