export type ThemeName = "light" | "dark";

/**
 * Whether the pane should be dark: Office's body background colour (e.g. `#262626` in
 * the Black theme) is dark when its perceived brightness is below half. Anything
 * unreadable, or no Office at all, gives light, Office's default.
 * @example themeFor("#262626") === "dark"; themeFor("#FFFFFF") === "light"
 */
export function themeFor(bodyBackgroundColor: string | undefined | null): ThemeName {
  const rgb = parseColor(bodyBackgroundColor);
  if (!rgb) return "light";
  const [r, g, b] = rgb;
  // ITU-R BT.601 luma: the weights the eye gives red, green and blue.
  return Math.round(0.299 * r + 0.587 * g + 0.114 * b) < 128 ? "dark" : "light";
}

function parseColor(color: string | undefined | null): [number, number, number] | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((color ?? "").trim());
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}
