import { enUS } from "./en-US";
import { zhCN } from "./zh-CN";

export type Lang = "zh-CN" | "en-US";
export const LANGS: readonly Lang[] = ["zh-CN", "en-US"];
export type MessageKey = keyof typeof enUS;
export type Messages = Record<MessageKey, string>;

const TABLES: Record<Lang, Messages> = { "en-US": enUS, "zh-CN": zhCN };

/** The messages of a language, for tests that check every key exists in every language. */
export function messages(lang: Lang): Messages {
  return TABLES[lang];
}

/** A `{name}` placeholder, as `t` fills it. */
const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * A user-visible string in the given language, with `{name}` placeholders filled.
 * @example t("zh-CN", "due.overdue", { n: 5 }) === "逾期5天"
 */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = TABLES[lang][key] ?? TABLES["en-US"][key];
  // Most messages have no placeholder; the action list asks for tens of thousands of them.
  if (!text.includes("{")) return text;
  return text.replace(PLACEHOLDER, (m, name: string) => (name in params ? String(params[name]) : m));
}

/**
 * The names of the placeholders `t` fills in a message, each once, sorted.
 * @example placeholdersOf("{sheet}!{cell} ({sheet})") → ["cell", "sheet"]
 */
export function placeholdersOf(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1]))].sort();
}

/** The language for an Office or system locale: Chinese locales get zh-CN, all others en-US. */
export function langFor(locale: string | undefined): Lang {
  return locale && /^zh\b/i.test(locale) ? "zh-CN" : "en-US";
}
