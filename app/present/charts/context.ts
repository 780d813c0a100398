import type { DecisionPlan } from "~/domain/plan-types";
import type { Currency, Locale } from "~/domain/scenario";
import type { Translate } from "~/i18n/translate";
import type { Formatters } from "~/present/format";

/** What every chart spec is built from: the validated plan, the words and the formatters of one language. */
export interface ChartContext {
  plan: DecisionPlan;
  t: Translate;
  f: Formatters;
  locale: Locale;
  currency: Currency;
}
