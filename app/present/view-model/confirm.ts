// "Please confirm": the inferred facts the answer depends on, each with the words it was read from, what it would
// change if wrong, and the input field that corrects it in place (the page posts it and the plan is recomputed).
import { DEPLOYMENTS, HUMAN_REVIEW, INDUSTRIES, MARKETS, STAKES, type Currency, type ScenarioInput } from "~/domain/scenario";
import type { LabelKind } from "~/i18n/translate";
import { fieldValue } from "~/present/view-model/assumptions";
import type { ViewContext } from "~/present/view-model/context";
import { confirmOf } from "~/present/view-model/plan-extensions";
import { formatFactValue } from "~/present/view-model/profile-facts";
import type { ConfirmView, UnitKind } from "~/present/view-model/types";

interface EditSpec {
  /** Dotted ScenarioInput path. */
  field: string;
  choices?: { values: readonly string[]; kind: LabelKind };
  boolean?: true;
  unit?: (currency: Currency) => UnitKind;
}

const count: UnitKind = { kind: "count" };
const planMoney = (currency: Currency): UnitKind => ({ kind: "money", currency });

/** Profile fact → the input field that sets it. */
export const CONFIRM_EDITS: Record<string, EditSpec> = {
  industry: { field: "industry", choices: { values: INDUSTRIES, kind: "industry" } },
  market: { field: "market", choices: { values: MARKETS, kind: "market" } },
  stakes: { field: "stakes", choices: { values: STAKES, kind: "stakes" } },
  humanReview: { field: "humanReview", choices: { values: HUMAN_REVIEW, kind: "humanReview" } },
  deployment: { field: "deployment", choices: { values: DEPLOYMENTS, kind: "deployment" } },
  replacesSystemOfRecord: { field: "replacesSystemOfRecord", boolean: true },
  users: { field: "usage.users", unit: () => count },
  interactionsPerUserPerDay: { field: "usage.interactionsPerUserPerDay", unit: () => count },
  labeledExamples: { field: "data.labeledExamples", unit: () => count },
  documents: { field: "data.documents", unit: () => count },
  chatLogs: { field: "data.chatLogs", unit: () => count },
  preferencePairs: { field: "data.preferencePairs", unit: () => count },
  pricePerUserMonth: { field: "business.pricePerUserMonth", unit: planMoney },
  contractValuePerYear: { field: "business.contractValuePerYear", unit: planMoney },
  loadedHourlyWage: { field: "business.loadedHourlyWage", unit: planMoney },
  targetCustomers: { field: "business.targetCustomers", unit: () => count },
  staffAffected: { field: "business.staffAffected", unit: () => count },
  hoursSavedPerStaffPerWeek: { field: "business.hoursSavedPerStaffPerWeek", unit: () => count },
  salesCycleMonths: { field: "business.salesCycleMonths", unit: () => count },
  conversionRate: { field: "business.conversionRate", unit: () => ({ kind: "fraction" }) },
  monthlyChurnRate: { field: "business.monthlyChurnRate", unit: () => ({ kind: "fraction" }) },
  adoptionRate: { field: "business.adoptionRate", unit: () => ({ kind: "fraction" }) },
};

/** Sets one dotted path of an input to a value, copying the objects on the way (the input is not modified). */
export function setInputField(input: ScenarioInput, field: string, value: unknown): ScenarioInput {
  const [head, leaf] = field.split(".");
  if (!leaf) return { ...input, [head]: value } as ScenarioInput;
  const group = ((input as Record<string, unknown>)[head] ?? {}) as Record<string, unknown>;
  return { ...input, [head]: { ...group, [leaf]: value } } as ScenarioInput;
}

export function confirmViews(ctx: ViewContext): ConfirmView[] {
  const { plan, t, f } = ctx;
  const profile = plan.profile as unknown as Record<string, { value?: unknown; evidence?: string[]; currency?: "CNY" | "USD" } | undefined>;
  return confirmOf(plan).map((c) => {
    const fact = profile[c.key];
    const spec = CONFIRM_EDITS[c.key];
    const value = fact?.value ?? c.value;
    const show = (v: unknown) =>
      formatFactValue(
        c.key,
        { value: v, source: c.source as "default", ...(fact?.currency ? { currency: fact.currency } : {}) },
        t,
        ctx.currency,
      );
    const view: ConfirmView = {
      key: c.key,
      label: t.label("fact", c.key),
      value: show(value),
      sourceLabel: t.label("source", c.source),
      quotes: c.evidence ?? fact?.evidence ?? [],
      affects: c.affects.map((a) => t.label("affects", a)),
    };
    const alt = c.alternative;
    if (alt) {
      const then = [
        alt.verdict ? t("confirm.then.verdict", { verdict: t.label("verdict", alt.verdict) }) : null,
        alt.primaryTier ? t("confirm.then.tier", { tier: t.label("tier", alt.primaryTier) }) : null,
        typeof alt.oneOffTotal === "number" ? t("confirm.then.oneOff", { v: f.moneyCompact(alt.oneOffTotal) }) : null,
      ].filter((x): x is string => Boolean(x));
      if (then.length) view.ifOther = t("confirm.ifOther", { value: show(alt.value), then: t.list(then) });
    }
    if (spec) {
      const unit = spec.unit?.(ctx.currency);
      const current =
        typeof value === "number" && unit ? fieldValue(value, unit, f) : value === null || value === undefined ? "" : String(value);
      view.edit = {
        field: spec.field,
        current,
        ...(spec.choices ? { options: spec.choices.values.map((v) => ({ value: v, label: t.label(spec.choices!.kind, v) })) } : {}),
        ...(spec.boolean
          ? {
              options: [
                { value: "true", label: t("value.yes") },
                { value: "false", label: t("value.no") },
              ],
            }
          : {}),
        ...(unit ? { unit } : {}),
        ...(unit?.kind === "fraction" ? { suffix: "%" } : unit?.kind === "money" ? { suffix: unit.currency === "CNY" ? "¥" : "$" } : {}),
      };
    }
    return view;
  });
}
