// The version diff in the reader's language: a changed path is named by the form's label (or the assumption's, or the
// plan figure's) and an enum value by its label. Numbers and free text stay as they were written; so does any value the
// vocabulary no longer knows, so that an old version still reads.
import type { DecisionPlan } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";
import { pick, type LocalizedText } from "~/domain/text";
import { assumptionLabel } from "~/i18n/assumption-labels";
import { PROFILE_FACT_LABELS, TIER_LABELS, VALUE_LABELS, VERDICT_LABELS } from "~/i18n/enums";
import { MESSAGES, translator, type MessageKey } from "~/i18n/messages";
import type { Change } from "~/lib/diff";

export interface LabelledChange {
  /** The raw path, kept for keys and for readers who script against the API. */
  path: string;
  field: string;
  before: string | null;
  after: string | null;
}

const BOOLEAN_LABELS: Record<string, LocalizedText> = {
  true: { zh: "是", en: "Yes" },
  false: { zh: "否", en: "No" },
};

/** Which label table reads the values of a path. Input enums are top-level fields only: `business.*` holds numbers. */
function valueTable(path: string): Record<string, LocalizedText> | undefined {
  if (path === "plan.verdict") return VERDICT_LABELS;
  if (path === "plan.tier") return TIER_LABELS;
  if (path === "replacesSystemOfRecord") return BOOLEAN_LABELS;
  return path.includes(".") ? undefined : VALUE_LABELS[path];
}

/** A readable name for a changed path: the form's label, the assumption's label, the plan figure's, or the path itself. */
export function fieldLabel(path: string, plan: DecisionPlan | undefined, locale: Locale): string {
  const t = translator(locale);
  if (path.startsWith("assumptions.")) {
    const key = path.slice("assumptions.".length);
    const a = plan?.assumptions?.find((x) => x.key === key);
    return assumptionLabel(key, locale, a?.label);
  }
  if (path === "plan.breakEvenMonth") return t("plan.finance.breakEven");
  if (path === "plan.npv") return t("plan.finance.npv");
  const planKey = path as MessageKey;
  if (path.startsWith("plan.") && planKey in MESSAGES.en) return t(planKey);
  const leaf = path.split(".").pop() ?? path;
  const formKey = `form.field.${leaf}` as MessageKey;
  if (formKey in MESSAGES.en) return t(formKey);
  const fact = PROFILE_FACT_LABELS[leaf];
  return fact ? pick(fact, locale) : path;
}

/** A changed value as the reader should see it; lists (joined by `flatten` with ", ") are labelled item by item. */
export function valueLabel(path: string, value: string | null, locale: Locale): string | null {
  if (value === null) return null;
  const table = valueTable(path);
  if (!table || value === "") return value;
  const items = value.split(", ").map((item) => (table[item] ? pick(table[item], locale) : item));
  return items.join(locale === "zh" ? "、" : ", ");
}

export function labelChanges(changes: Change[], plan: DecisionPlan | undefined, locale: Locale): LabelledChange[] {
  return changes.map((c) => ({
    path: c.path,
    field: fieldLabel(c.path, plan, locale),
    before: valueLabel(c.path, c.before, locale),
    after: valueLabel(c.path, c.after, locale),
  }));
}
