// Transitional: label maps of the vocabulary, read from the one catalogue (keys `verdict.go`, `tier.1`…). Removed
// once every caller uses `t.label(kind, id)` from ~/i18n/translate.
import type { LocalizedText } from "~/domain/text";
import { en } from "~/i18n/catalog/en";
import { zh } from "~/i18n/catalog/zh";
import type { LabelKind } from "~/i18n/translate";

type Labels = Record<string, LocalizedText>;

export function labelsOf(kind: LabelKind): Labels {
  const out: Labels = {};
  const prefix = `${kind}.`;
  for (const [key, text] of Object.entries(en)) {
    if (key.startsWith(prefix)) out[key.slice(prefix.length)] = { en: text, zh: zh[key as keyof typeof en] };
  }
  return out;
}

export const INDUSTRY_LABELS = labelsOf("industry");
export const MARKET_LABELS = labelsOf("market");
export const TASK_LABELS = labelsOf("task");
export const KNOWLEDGE_LABELS = labelsOf("knowledge");
export const STAKES_LABELS = labelsOf("stakes");
export const HUMAN_REVIEW_LABELS = labelsOf("humanReview");
export const DEPLOYMENT_LABELS = labelsOf("deployment");
export const LOCALE_LABELS = labelsOf("locale");
export const FEEDBACK_MODE_LABELS = labelsOf("feedbackMode");
export const SOURCE_LABELS = labelsOf("source");
export const PROFILE_FACT_LABELS = labelsOf("fact");
export const VERDICT_LABELS = labelsOf("verdict");
export const TIER_LABELS: Record<number, LocalizedText> = labelsOf("tier");
export const DIMENSION_LABELS = labelsOf("dimension");
export const COST_CATEGORY_LABELS = labelsOf("costCategory");
export const FINANCE_MODEL_LABELS = labelsOf("financeModel");
export const SEVERITY_LABELS = labelsOf("severity");
export const REASON_KIND_LABELS = labelsOf("reasonKind");
export const REVENUE_MODEL_LABELS = labelsOf("revenueModel");

export const VALUE_LABELS: Record<string, Labels> = {
  locale: LOCALE_LABELS,
  industry: INDUSTRY_LABELS,
  market: MARKET_LABELS,
  tasks: TASK_LABELS,
  knowledge: KNOWLEDGE_LABELS,
  stakes: STAKES_LABELS,
  humanReview: HUMAN_REVIEW_LABELS,
  deployment: DEPLOYMENT_LABELS,
  feedbackMode: FEEDBACK_MODE_LABELS,
  revenueModel: REVENUE_MODEL_LABELS,
};
