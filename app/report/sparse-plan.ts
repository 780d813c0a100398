// Plans reach the views at every stage of the project and from older saved versions: a section may be missing
// or half-filled. Views read the plan through this type so that the compiler makes them handle every absence.
import type { DecisionPlan } from "~/domain/plan-types";

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
