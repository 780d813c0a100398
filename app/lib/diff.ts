// What changed between two versions, in words: every headline figure that moved ("Break-even: month 20 → month 33")
// and the inputs that moved it ("Conversion to paid: 3% → 2%"), each value as the reader saw it in that version
// (an inferred or default value shows what the plan used, not "—").
import type { DecisionPlan } from "~/domain/plan-types";
import type { ScenarioInput } from "~/domain/scenario";
import type { LabelKind, Translate } from "~/i18n/translate";
import { formatNumber } from "~/present/format";
import { formatFactValue } from "~/present/view-model/profile-facts";
import type { AssumptionItem, KeyFigure, PlanView } from "~/present/view-model/types";

export interface WordedChange {
  /** A stable id: the figure's id, or the input's dotted path. */
  id: string;
  label: string;
  before: string;
  after: string;
}

export interface VersionDiff {
  figures: WordedChange[];
  inputs: WordedChange[];
}

export interface VersionSide {
  input: ScenarioInput;
  plan: DecisionPlan;
  view: PlanView;
}

/** Nested input → dotted paths; lists become one comma-joined value (their order is normalised by the schema). */
export function flatten(value: unknown, prefix = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  if (value === undefined || value === null) return out;
  if (Array.isArray(value)) out[prefix] = value;
  else if (typeof value === "object")
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out[prefix] = value;
  return out;
}

function headline(view: PlanView, t: Translate): { id: string; label: string; value: string }[] {
  const b = view.brief;
  const fig = (f: KeyFigure) => ({ id: f.id, label: f.label, value: f.value });
  const q2 = view.sections.find((s) => s.id === "q2")?.blocks.find((x) => x.kind === "figures");
  const feedback = q2?.kind === "figures" ? q2.figures.find((f) => f.id === "feedback") : undefined;
  const probability = b.money.find((f) => f.id === "breakEven")?.detail;
  return [
    { id: "verdict", label: t("plan.verdict"), value: b.verdict.label },
    { id: "grade", label: t("plan.grade"), value: `${b.grade} · ${b.score}/100` },
    { id: "tier", label: t("plan.tier"), value: b.tier },
    ...b.ask.map(fig),
    ...b.money.map(fig),
    ...(probability ? [{ id: "breakEvenRange", label: t("diff.breakEvenRange"), value: probability }] : []),
    ...(b.quality ? [fig(b.quality)] : []),
    ...(feedback ? [fig(feedback)] : []),
  ];
}

export function figureChanges(before: PlanView, after: PlanView, t: Translate): WordedChange[] {
  const a = new Map(headline(before, t).map((h) => [h.id, h.value]));
  return headline(after, t)
    .filter((h) => a.has(h.id) && a.get(h.id) !== h.value)
    .map((h) => ({ id: h.id, label: h.label, before: a.get(h.id) as string, after: h.value }));
}

function assumptionDisplays(view: PlanView): Map<string, AssumptionItem> {
  const out = new Map<string, AssumptionItem>();
  for (const s of view.sections)
    for (const b of s.blocks) if (b.kind === "assumptions") for (const g of b.groups) for (const i of g.items) out.set(i.key, i);
  return out;
}

/** Input enums whose values have labels. */
const VALUE_KIND: Record<string, LabelKind> = {
  locale: "locale",
  industry: "industry",
  market: "market",
  tasks: "task",
  knowledge: "knowledge",
  stakes: "stakes",
  humanReview: "humanReview",
  deployment: "deployment",
};
/** Input paths that set a profile fact: when unset, the plan used an inferred or default value, shown as such. */
const FACT_OF: Record<string, string> = {
  "usage.users": "users",
  "usage.interactionsPerUserPerDay": "interactionsPerUserPerDay",
  "data.labeledExamples": "labeledExamples",
  "data.documents": "documents",
  "data.chatLogs": "chatLogs",
  "data.preferencePairs": "preferencePairs",
  industry: "industry",
  market: "market",
  stakes: "stakes",
  humanReview: "humanReview",
  deployment: "deployment",
  tasks: "tasks",
  knowledge: "knowledge",
  replacesSystemOfRecord: "replacesSystemOfRecord",
};

export function fieldLabel(path: string, view: PlanView, t: Translate): string {
  if (path.startsWith("assumptions.")) return assumptionDisplays(view).get(path.slice(12))?.label ?? path.slice(12);
  const leaf = path.split(".").pop() ?? path;
  const formKey = `form.field.${leaf}`;
  if (t.has(formKey)) return t(formKey);
  return t.has(`fact.${leaf}`) ? t.label("fact", leaf) : path;
}

function valueText(path: string, value: unknown, side: VersionSide, t: Translate): string {
  if (path.startsWith("assumptions.")) {
    const item = assumptionDisplays(side.view).get(path.slice(12));
    if (item) return item.display;
  }
  if (value === undefined) {
    const fact = FACT_OF[path];
    const f = fact ? (side.plan.profile as unknown as Record<string, { value: unknown; source: string } | undefined>)[fact] : undefined;
    return f
      ? t("diff.inferred", { value: formatFactValue(fact, f as never, t, side.plan.currency), source: t.label("source", f.source) })
      : "—";
  }
  const kind = VALUE_KIND[path];
  if (Array.isArray(value)) return value.length ? t.list(value.map((v) => (kind ? t.label(kind, String(v)) : String(v)))) : "—";
  if (typeof value === "boolean") return t(value ? "value.yes" : "value.no");
  if (typeof value === "number") return formatNumber(value, t.locale, 4);
  if (path === "description" || path === "title")
    return String(value).length > 60 ? `${Array.from(String(value)).slice(0, 60).join("")}…` : String(value);
  return kind ? t.label(kind, String(value)) : String(value);
}

export function inputChanges(before: VersionSide, after: VersionSide, t: Translate): WordedChange[] {
  const a = flatten(before.input);
  const b = flatten(after.input);
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .sort()
    .filter((k) => !same(a[k], b[k]))
    .map((k) => ({
      id: k,
      label: fieldLabel(k, after.view, t),
      before: valueText(k, a[k], before, t),
      after: valueText(k, b[k], after, t),
    }));
}

export function diffVersions(before: VersionSide, after: VersionSide, t: Translate): VersionDiff {
  return { figures: figureChanges(before.view, after.view, t), inputs: inputChanges(before, after, t) };
}
