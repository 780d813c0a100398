// The profile as the views show it: one label, one formatted value and one source per fact, so the web profile table,
// the PDF appendix and the Markdown memo list the same rows with the same strings. Business figures with no value
// are listed with "—" (not hidden): the PM sees which figures the finance model lacks and can state them.
import { BUSINESS_FACT_KEYS, CONSTRAINT_FACT_KEYS, MONEY_FACT_KEYS, RATE_FACT_KEYS, type FigureKey } from "~/domain/profile/business";
import { businessNoteText } from "~/i18n/assumption-labels";
import type { Currency, Locale } from "~/domain/scenario";
import { PROFILE_FACT_LABELS, SOURCE_LABELS, VALUE_LABELS } from "~/i18n/enums";
import { MESSAGES, type MessageKey } from "~/i18n/messages";
import { formatNumber, formatPercent, formatPrice } from "~/present/format";
import { tr } from "~/report/labels";

export interface ProfileFactRow {
  key: string;
  label: string;
  value: string;
  /** The source id (`user`, `llm`, `heuristic`, `default`), for badges. */
  source: string;
  sourceLabel: string;
  evidence: string[];
  note?: string;
}

interface LooseFact {
  value?: unknown;
  source?: string;
  evidence?: unknown;
  note?: string;
  currency?: string;
}

const FIGURE_KEYS: readonly string[] = [...BUSINESS_FACT_KEYS, ...CONSTRAINT_FACT_KEYS];
const isBusinessKey = (key: string): key is FigureKey => FIGURE_KEYS.includes(key);
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

export function factLabel(key: string, locale: Locale): string {
  return tr(PROFILE_FACT_LABELS[key], locale, key);
}

/**
 * A fact's value in words: enum ids by their label, booleans as yes/no, business figures with their unit (money in
 * the currency it was stated in, rates as %, hours per week, months). Missing values are "—", never "null".
 */
export function formatFactValue(key: string, fact: LooseFact | undefined, locale: Locale, fallbackCurrency: Currency): string {
  const v = fact?.value;
  const zh = locale === "zh";
  if (v === null || v === undefined) return "—";
  if (isBusinessKey(key) && isNum(v)) {
    if (MONEY_FACT_KEYS.includes(key)) return formatPrice(v, (fact?.currency as Currency | undefined) ?? fallbackCurrency, locale);
    if (RATE_FACT_KEYS.includes(key)) return formatPercent(v, locale, 1);
    if (key === "minutesSavedPerUse") return zh ? `每次 ${formatNumber(v, locale, 1)} 分钟` : `${formatNumber(v, locale, 1)} min per use`;
    if (key === "constraintWeeks") return zh ? `${formatNumber(v, locale, 1)} 周` : `${formatNumber(v, locale, 1)} weeks`;
    if (key === "hoursSavedPerStaffPerWeek") return zh ? `每周 ${formatNumber(v, locale, 1)} 小时` : `${formatNumber(v, locale, 1)} h/week`;
    if (key === "salesCycleMonths") return zh ? `${formatNumber(v, locale, 1)} 个月` : `${formatNumber(v, locale, 1)} months`;
    return formatNumber(v, locale, 0);
  }
  const labels = VALUE_LABELS[key];
  const one = (x: unknown): string => {
    if (typeof x === "boolean") return zh ? (x ? "是" : "否") : x ? "yes" : "no";
    if (isNum(x)) return formatNumber(x, locale, Math.abs(x) < 1 ? 3 : 2);
    if (typeof x === "string") return labels ? tr(labels[x], locale, x) : x;
    return x === null || x === undefined ? "—" : String(x);
  };
  if (Array.isArray(v)) return v.length ? v.map(one).join(zh ? "、" : ", ") : "—";
  return one(v);
}

/** Evidence that names an input field (`business.pricePerUserMonth`) is shown as that field's form label. */
function localEvidence(evidence: string, locale: Locale): string {
  const field = /^[a-z]+\.([A-Za-z]+)$/u.exec(evidence);
  if (!field) return evidence;
  const label = MESSAGES[locale][`form.field.${field[1]}` as MessageKey] as string | undefined;
  return label ?? evidence;
}

export function profileFactRows(profile: Record<string, unknown> | undefined | null, locale: Locale, currency: Currency): ProfileFactRow[] {
  const rows: ProfileFactRow[] = [];
  for (const [key, raw] of Object.entries(profile ?? {})) {
    if (!raw || typeof raw !== "object" || !("source" in raw)) continue;
    const fact = raw as LooseFact;
    const source = fact.source ?? "";
    const evidence = (Array.isArray(fact.evidence) ? fact.evidence : typeof fact.evidence === "string" ? [fact.evidence] : []).filter((e): e is string => typeof e === "string" && e.trim() !== "").map((e) => localEvidence(e, locale));
    const unstated = isBusinessKey(key) && (fact.value === null || fact.value === undefined);
    const note = (isBusinessKey(key) ? businessNoteText(fact.note, locale) : fact.note) ?? (unstated ? (locale === "zh" ? "描述与输入均未说明" : "Not stated in the description or the inputs") : undefined);
    rows.push({
      key,
      label: factLabel(key, locale),
      value: formatFactValue(key, fact, locale, currency),
      source,
      sourceLabel: tr(SOURCE_LABELS[source], locale, source),
      evidence,
      ...(note ? { note } : {}),
    });
  }
  return rows;
}

/**
 * The defaults a rule relied on, as "Stakes = Medium … (Default)": confirming or changing them may change the reason.
 */
export function assumedFactTexts(keys: readonly string[] | undefined | null, profile: Record<string, unknown> | undefined | null, locale: Locale, currency: Currency): string[] {
  const zh = locale === "zh";
  const source = tr(SOURCE_LABELS.default, locale, "default");
  return (keys ?? []).filter((k) => typeof k === "string" && k !== "").map((key) => {
    const fact = profile?.[key] as LooseFact | undefined;
    const value = fact && typeof fact === "object" ? formatFactValue(key, fact, locale, currency) : "—";
    return zh ? `${factLabel(key, locale)} = ${value}（${source}）` : `${factLabel(key, locale)} = ${value} (${source.toLowerCase()})`;
  });
}
