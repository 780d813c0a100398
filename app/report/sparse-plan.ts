// Plans reach the views at every stage of the project and from older saved versions: a section may be missing
// or half-filled. Views read the plan through this type so that the compiler makes them handle every absence.
import type { DecisionPlan } from "~/domain/plan-types";
import type { Currency, Locale } from "~/domain/scenario";

export type DeepPartial<T> = T extends (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

export type SparsePlan = DeepPartial<DecisionPlan>;

export function sparse(plan: DecisionPlan | SparsePlan): SparsePlan {
  return plan as SparsePlan;
}

export const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

export function list<T>(v: T[] | undefined | null): T[] {
  return Array.isArray(v) ? v : [];
}

/**
 * The currency every money figure of the plan is in: the views format all of them with it, and business facts stated
 * without their own currency are shown in it. A plan missing it (an older saved version) falls back to the locale's.
 */
export function planCurrency(plan: SparsePlan, locale: Locale): Currency {
  return (plan.finance?.currency ?? plan.cost?.currency ?? plan.currency ?? (locale === "zh" ? "CNY" : "USD")) as Currency;
}
