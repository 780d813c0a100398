// Transitional: the report's fixed strings, read from the one catalogue (keys `report.*`, `chart.*`). Removed once the
// report renders the view model.
import type { Locale } from "~/domain/scenario";
import type { LocalizedText } from "~/domain/text";
import { en } from "~/i18n/catalog/en";
import { zh } from "~/i18n/catalog/zh";

function textsOf(prefix: "report" | "chart"): Record<string, LocalizedText> {
  const out: Record<string, LocalizedText> = {};
  for (const [key, text] of Object.entries(en)) if (key.startsWith(`${prefix}.`)) out[key.slice(prefix.length + 1)] = { en: text, zh: zh[key as keyof typeof en] };
  return out;
}

export type { LocalizedText };

export function tr(text: Partial<LocalizedText> | undefined | null, locale: Locale, fallback = ""): string {
  if (!text) return fallback;
  return text[locale] || text.en || text.zh || fallback;
}

export const CHART_TEXT = textsOf("chart");

/** Headings and fixed phrases of the decision memo (PDF and Markdown). */
export const REPORT_TEXT = textsOf("report");

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
