// What the plan page's two editing forms ask for, read from the form: assumption edits (the editor) and a corrected
// fact (the bottom line's "please confirm"). Each gives the next input to plan, or what to answer instead (errors by
// field, or "nothing changed"). The route plans and saves; nothing is saved when a reply comes back.
import { ASSUMPTION_FIELD_PREFIX, assumptionAnchor } from "~/components/plan/assumptions-editor";
import type { ScenarioInput } from "~/domain/scenario";
import type { Translate } from "~/i18n/translate";
import { readAmount, type AmountKind, type AmountResult } from "~/lib/typed-amount";
import type { ScenarioVersion } from "~/models/scenario.server";
import { CONFIRM_EDITS, setInputField } from "~/present/view-model/confirm";
import type { AssumptionItem, PlanView, UnitKind } from "~/present/view-model/types";

export interface EditReply {
  errors: Record<string, string>;
  values: Record<string, string>;
  notice: "noChange" | "rateLimited" | null;
  /** With notice "rateLimited": the seconds to wait (also sent as Retry-After). */
  retryAfter?: number;
  confirmError: { field: string; message: string; value: string } | null;
  /** A post refused before any edit was read (an unknown intent, a malformed field), in the page's language, field named. */
  formError?: string;
}

export type Edit = { input: ScenarioInput; values: Record<string, string>; note: string; anchor: string } | { reply: Partial<EditReply> };

/** How typed text is read for a field: its unit decides ("3" in a percentage field is 3%). */
export function amountKind(unit: UnitKind): AmountKind {
  if (unit.kind === "fraction") return { kind: "percent" };
  if (unit.kind === "money") return { kind: "money", currency: unit.currency };
  return { kind: "number" };
}

/** Why typed text could not be read, in the page's words; null when it was read. */
function unreadable(read: AmountResult | undefined, t: Translate): string | null {
  if (!read) return t("fieldError.required");
  if (read.ok) return null;
  return read.code === "wrong_currency"
    ? t("fieldError.wrong_currency", { currency: read.params?.currency ?? "" })
    : t("fieldError.not_number");
}

/** A value the page showed and posted back unchanged must not count as an edit (shares travel as percentages). */
const sameValue = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** The editor's fields (`a:<key>`) against the version they were shown for: overrides for what changed. */
export function readAssumptionEdits(form: FormData, view: PlanView, base: ScenarioVersion, t: Translate): Edit {
  const items = new Map<string, AssumptionItem>();
  for (const s of view.sections)
    for (const b of s.blocks) if (b.kind === "assumptions") for (const g of b.groups) for (const i of g.items) items.set(i.key, i);
  const current = new Map(base.plan.assumptions.map((a) => [a.key, a.value]));
  const errors: Record<string, string> = {};
  const values: Record<string, string> = {};
  const changes: Record<string, number> = {};
  for (const [name, raw] of form.entries()) {
    if (!name.startsWith(ASSUMPTION_FIELD_PREFIX) || typeof raw !== "string") continue;
    const key = name.slice(ASSUMPTION_FIELD_PREFIX.length);
    const item = items.get(key);
    values[key] = raw;
    if (!item?.editable) continue;
    const read = readAmount(raw, amountKind(item.unit));
    const problem = unreadable(read, t);
    if (problem || !read?.ok) {
      errors[key] = problem ?? t("fieldError.not_number");
      continue;
    }
    const was = current.get(key);
    if (typeof was !== "number" || !sameValue(read.value, was)) changes[key] = read.value;
  }
  if (Object.keys(errors).length) return { reply: { errors, values } };
  const keys = Object.keys(changes);
  if (keys.length === 0) return { reply: { notice: "noChange", values } };
  return {
    input: { ...base.input, assumptions: { ...(base.input.assumptions ?? {}), ...changes } },
    values,
    note: `assumptions: ${keys.join(", ")}`,
    anchor: assumptionAnchor(keys[0]),
  };
}

/** A corrected fact (`field`, `value`) from the bottom line: the input with that field set. */
export function readConfirmEdit(post: { field: string; value: string }, base: ScenarioVersion, t: Translate): Edit {
  const { field, value: raw } = post;
  const spec = Object.values(CONFIRM_EDITS).find((s) => s.field === field);
  const fail = (message: string): Edit => ({ reply: { confirmError: { field, message, value: raw } } });
  if (!spec) return fail(t("fieldError.unknown_field"));
  let value: unknown;
  if (spec.boolean) value = raw === "true";
  else if (spec.choices) value = raw;
  else {
    const read = readAmount(raw, amountKind(spec.unit?.(base.plan.currency) ?? { kind: "count" }));
    const problem = unreadable(read, t);
    if (problem || !read?.ok) return fail(problem ?? t("fieldError.not_number"));
    value = read.value;
  }
  return { input: setInputField(base.input, field, value), values: {}, note: `confirmed: ${field}`, anchor: "bottom-line" };
}
