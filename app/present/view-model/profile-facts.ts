// The profile as every view shows it: one label, one formatted value and one source per fact. Business figures with
// no value are listed with "—" (not hidden): the PM sees which figures the finance model lacks and can state them.
import { BUSINESS_FACT_KEYS, MONEY_FACT_KEYS, type BusinessFactKey } from "~/domain/profile/business";
import { factNoteText } from "~/i18n/fact-notes";
import type { Fact, Profile } from "~/domain/profile/types";
import type { Currency } from "~/domain/scenario";
import type { LabelKind, Translate } from "~/i18n/translate";
import { formatNumber, formatPercent, formatPrice } from "~/present/format";
import type { FactRow } from "~/present/view-model/types";

const RATE_KEYS: readonly BusinessFactKey[] = ["adoptionRate", "conversionRate", "monthlyChurnRate"];
const isBusinessKey = (key: string): key is BusinessFactKey => (BUSINESS_FACT_KEYS as readonly string[]).includes(key);

/** Which label family reads the values of a profile fact (`industry: education` → `industry.education`). */
const VALUE_KIND: Record<string, LabelKind> = {
  locale: "locale",
  industry: "industry",
  market: "market",
  tasks: "task",
  knowledge: "knowledge",
  stakes: "stakes",
  humanReview: "humanReview",
  deployment: "deployment",
  feedbackMode: "feedbackMode",
  stakeDrivers: "signal",
  safeguards: "signal",
  regulatedUses: "regulatedUse",
  jurisdictions: "jurisdiction",
  clearances: "clearance",
  valueKind: "valueKind",
  revenueModel: "revenueModel",
};

type LooseFact = Pick<Fact<unknown>, "value" | "source" | "evidence" | "note" | "noteParams"> & { currency?: Currency };

/**
 * A fact's value in words: enum ids by their label, booleans as yes/no, business figures with their unit (money in
 * the currency it was stated in, rates as %, hours per week, months). Missing values are "—", never "null".
 */
export function formatFactValue(key: string, fact: LooseFact | undefined, t: Translate, fallbackCurrency: Currency): string {
  const v = fact?.value;
  const locale = t.locale;
  if (v === null || v === undefined) return "—";
  if (isBusinessKey(key) && typeof v === "number") {
    if (MONEY_FACT_KEYS.includes(key)) return formatPrice(v, fact?.currency ?? fallbackCurrency, locale);
    if (RATE_KEYS.includes(key)) return formatPercent(v, locale, 1);
    if (key === "hoursSavedPerStaffPerWeek") return t("fact.unit.hoursPerWeek", { n: formatNumber(v, locale, 1) });
    if (key === "salesCycleMonths") return t("fact.unit.months", { n: formatNumber(v, locale, 1) });
    return formatNumber(v, locale, 0);
  }
  const kind = VALUE_KIND[key];
  const one = (x: unknown): string => {
    if (typeof x === "boolean") return t(x ? "value.yes" : "value.no");
    if (typeof x === "number") return formatNumber(x, locale, Math.abs(x) < 1 ? 3 : 2);
    if (typeof x === "string") return kind ? t.label(kind, x) : x;
    return x === null || x === undefined ? "—" : String(x);
  };
  if (Array.isArray(v)) return v.length ? t.list(v.map(one)) : "—";
  return one(v);
}

/** Evidence that names an input field (`business.pricePerUserMonth`) is shown as that field's form label. */
function localEvidence(evidence: string, t: Translate): string {
  const field = /^[a-z]+\.([A-Za-z]+)$/u.exec(evidence);
  if (!field) return evidence;
  const key = `form.field.${field[1]}`;
  return t.has(key) ? t(key) : evidence;
}

export function factRows(profile: Profile, t: Translate, currency: Currency): FactRow[] {
  const rows: FactRow[] = [];
  for (const [key, raw] of Object.entries(profile)) {
    if (!raw || typeof raw !== "object" || !("source" in raw)) continue;
    const fact = raw as LooseFact;
    const evidence = (fact.evidence ?? []).filter((e) => e.trim() !== "").map((e) => localEvidence(e, t));
    const unstated = isBusinessKey(key) && (fact.value === null || fact.value === undefined);
    const note =
      factNoteText(key, fact, t, (k, value) => formatFactValue(k, { value, source: fact.source }, t, currency)) ??
      (unstated ? t("fact.unstated") : undefined);
    rows.push({
      key,
      label: t.label("fact", key),
      value: formatFactValue(key, fact, t, currency),
      source: fact.source,
      sourceLabel: t.label("source", fact.source),
      evidence,
      ...(note ? { note } : {}),
    });
  }
  return rows;
}

/** The defaults a rule relied on, as "Stakes = Medium … (default)": confirming or changing them may change the reason. */
export function assumedFactTexts(keys: readonly string[] | undefined, profile: Profile, t: Translate, currency: Currency): string[] {
  return (keys ?? []).map((key) => {
    const fact = (profile as unknown as Record<string, LooseFact | undefined>)[key];
    return t("fact.assumedText", { label: t.label("fact", key), value: formatFactValue(key, fact, t, currency) });
  });
}
