// Assumptions as the views show them: value with its unit, source, note, range, whether nobody stated it (assumed),
// and how the editor reads what people type. Grouped the way a PM thinks: the drivers that move the money most
// first, then usage, money, team, timeline, data and feedback, compute, and the technical knobs under "advanced".
import { assumptionDef, isAssumptionKey } from "~/domain/estimate/assumptions/registry";
import type { Assumption } from "~/domain/estimate/types";
import type { DecisionPlan } from "~/domain/plan-types";
import type { Profile } from "~/domain/profile/types";
import type { Currency } from "~/domain/scenario";
import { assumptionLabel } from "~/i18n/assumption-labels";
import { assumptionSourceText } from "~/i18n/derivations";
import { gpuName } from "~/i18n/gpu-names";
import type { MessageKey, Translate } from "~/i18n/translate";
import type { Formatters } from "~/present/format";
import type { SensitivityGroup } from "~/present/sensitivity";
import type { ViewContext } from "~/present/view-model/context";
import { citationText, sourceText } from "~/present/view-model/sources";
import type { AssumedRef, AssumptionGroupView, AssumptionItem, UnitKind } from "~/present/view-model/types";

/** Technical knobs of the simulation: not business assumptions, kept out of the way. */
const ADVANCED_KEYS = new Set(["finance.monteCarloSeed", "finance.monteCarloRuns"]);
/** Facts about this business only the PM knows; when nobody stated them, every figure built on them is assumed. */
const BUSINESS_PREFIXES = ["finance.", "usage."];
const NOT_BUSINESS = new Set(["finance.discountRate", ...ADVANCED_KEYS]);
/** Assumptions copied from a profile fact: whether they are stated depends on that fact's own source. */
const PROFILE_FACT_OF: Record<string, keyof Profile> = {
  "usage.users": "users",
  "usage.interactionsPerUserPerDay": "interactionsPerUserPerDay",
  "finance.pricePerUserMonth": "pricePerUserMonth",
  "finance.contractValuePerYear": "contractValuePerYear",
  "finance.targetCustomers": "targetCustomers",
  "finance.staffAffected": "staffAffected",
  "finance.hoursSavedPerStaffPerWeek": "hoursSavedPerStaffPerWeek",
  "finance.loadedHourlyWage": "loadedHourlyWage",
  "finance.adoptionRate": "adoptionRate",
  "finance.conversionRate": "conversionRate",
  "finance.monthlyChurnRate": "monthlyChurnRate",
  "finance.salesCycleMonths": "salesCycleMonths",
};
const FRACTION_UNITS = new Set(["fraction", "share", "share of interactions", "share of one-off", "per month", "per year"]);

export function isAssumed(a: Assumption, profile: Profile): boolean {
  if (a.overridden || a.source === "user" || a.source === "heuristic" || a.source === "llm") return false;
  if (!BUSINESS_PREFIXES.some((p) => a.key.startsWith(p)) || NOT_BUSINESS.has(a.key)) return false;
  if (a.source === "profile") {
    const fact = PROFILE_FACT_OF[a.key];
    const source = fact ? (profile[fact] as { source?: string } | undefined)?.source : undefined;
    return source === "default" || source === undefined;
  }
  return true;
}

export function unitKind(a: Assumption): UnitKind {
  const unit = a.unit ?? "";
  // The registry says what a value measures: every share ("share of revenue", "share of outputs"…) shows as a percent.
  const registered = isAssumptionKey(a.key) ? assumptionDef(a.key).kind : undefined;
  if (FRACTION_UNITS.has(unit) || registered === "fraction")
    return { kind: "fraction", ...(unit.startsWith("per ") ? { per: unit.slice(4) } : {}) };
  const money = unit === "CNY/USD" ? null : /^(CNY|USD)(?:\/(.+))?$/.exec(unit);
  if (money) return { kind: "money", currency: money[1] as Currency, ...(money[2] ? { per: money[2] } : {}) };
  if (unit === "seed" || unit === "rank") return { kind: "plain", unit };
  return { kind: "count", unit: unit || undefined };
}

/** The unit words inside the field: "¥" before and "/月" after a monthly CNY figure, "%" after a share. */
export function unitAdornment(kind: UnitKind, t: Translate): { prefix?: string; suffix?: string } {
  const words = (key: string) => (t.has(key) ? t(key as MessageKey) : undefined);
  switch (kind.kind) {
    case "money":
      return {
        prefix: kind.currency === "CNY" ? "¥" : "$",
        suffix: kind.per ? (words(`unit.per.${kind.per}`) ?? `/${kind.per}`) : undefined,
      };
    case "fraction":
      return { suffix: kind.per ? (words(`unit.percentPer.${kind.per}`) ?? "%") : "%" };
    case "count":
      return { suffix: kind.unit ? (words(`unit.${kind.unit}`) ?? kind.unit) : undefined };
    case "plain":
      return {};
  }
}

const exact = (v: number, f: Formatters) => f.num(Number(v.toPrecision(12)), 10);

/** The value as the field holds it: exact (a save without a change must change nothing), shares in percent. */
export function fieldValue(value: number, kind: UnitKind, f: Formatters): string {
  if (kind.kind === "fraction") return exact(value * 100, f);
  if (kind.kind === "plain") return String(value);
  return exact(value, f);
}

export function displayValue(value: number, kind: UnitKind, f: Formatters, t: Translate): string {
  const { prefix = "", suffix = "" } = unitAdornment(kind, t);
  if (kind.kind === "fraction") return `${f.num(Number((value * 100).toPrecision(12)), 2)}${suffix}`;
  if (kind.kind === "plain") return `${value}${suffix ? ` ${suffix}` : ""}`;
  const digits = Math.abs(value) < 10 ? 2 : Math.abs(value) < 1000 ? 1 : 0;
  const sep = kind.kind === "count" && suffix && !/^[/%]/.test(suffix) ? " " : "";
  return `${prefix}${f.num(value, digits)}${sep}${suffix}`;
}

// Only what applies to the path the plan takes: no self-hosting figures under an API plan, no fine-tuning knobs
// without a fine-tune, no reward-model figures without a reward model.
// The serving estimate (GPU, precision, utilisation, rental price, peak load) is computed for every plan, so that a
// change of deployment re-estimates at once, but it sizes servers an API plan does not run.
const SELF_HOSTING_KEYS = [
  "compute.servingGpu",
  "compute.servingPrecision",
  "compute.servingUtilisation",
  "compute.servingGpuPricePerHourUsd",
  "compute.servingConcurrency",
  "compute.servingContextTokens",
  "compute.secondsPerRequest",
  // Only the GPU sizing reads the peak (workload/load.ts: peakRequestsPerSecond); an API bills tokens, not hours.
  "compute.activeHoursPerDay",
  "compute.peakToAverage",
];
const FINE_TUNE_KEYS = [
  "compute.fineTuneMfu",
  "compute.fineTuneGpus",
  "compute.epochs",
  "compute.loraRank",
  "compute.tokensPerExample",
  "data.sftExamplesNeeded",
  "data.minutesPerSftExample",
];
const OPEN_MODEL_KEYS = ["compute.model", "compute.modelSizeB", "compute.gpuPricePerHourUsd"];
const REWARD_MODEL_KEYS = ["data.rewardModelTarget", "data.minutesPerComparison"];

export function appliesToPlan(key: string, plan: DecisionPlan): boolean {
  const selfHosted = plan.compute.deployment === "self_hosted";
  const fineTune = plan.compute.fineTune !== null;
  if (SELF_HOSTING_KEYS.includes(key)) return selfHosted;
  if (FINE_TUNE_KEYS.includes(key)) return fineTune;
  if (OPEN_MODEL_KEYS.includes(key)) return selfHosted || fineTune;
  if (REWARD_MODEL_KEYS.includes(key)) return plan.feedback.rewardModelTarget > 0;
  return true;
}

export function assumptionItems(plan: DecisionPlan, drivers: SensitivityGroup[], t: Translate, f: Formatters): Map<string, AssumptionItem> {
  const rank = new Map<string, number>();
  drivers.forEach((g, i) => g.keys.forEach((k) => rank.set(k, i + 1)));
  const items = new Map<string, AssumptionItem>();
  for (const a of plan.assumptions) {
    if (!appliesToPlan(a.key, plan) && !a.overridden) continue;
    const kind = unitKind(a);
    const numeric = typeof a.value === "number";
    const { prefix, suffix } = unitAdornment(kind, t);
    // A derivation reads in the page's language; a citation is a source, quoted as published.
    const derived = Boolean((a as { derivation?: unknown }).derivation);
    const raw = assumptionSourceText(a as Parameters<typeof assumptionSourceText>[0], t.locale);
    const note = (derived ? raw : citationText(raw, t)) || undefined;
    items.set(a.key, {
      key: a.key,
      label: assumptionLabel(a.key, t.locale),
      // A GPU by its name as sold, not the catalogue's id.
      display: numeric ? displayValue(a.value as number, kind, f, t) : /gpu$/iu.test(a.key) ? gpuName(String(a.value)) : String(a.value),
      field: numeric ? fieldValue(a.value as number, kind, f) : String(a.value),
      unit: kind,
      ...(prefix ? { prefix } : {}),
      ...(suffix ? { suffix } : {}),
      editable: numeric && isAssumptionKey(a.key),
      source: a.source,
      sourceLabel: t.label("source", a.source),
      ...(note ? { note, ...(derived ? {} : { noteSource: sourceText(note, t.locale) }) } : {}),
      ...(a.range && numeric ? { range: `${displayValue(a.range.low, kind, f, t)} – ${displayValue(a.range.high, kind, f, t)}` } : {}),
      overridden: Boolean(a.overridden),
      assumed: isAssumed(a, plan.profile),
      ...(rank.has(a.key) ? { driverRank: rank.get(a.key) } : {}),
    });
  }
  return items;
}

const GROUP_OF: Record<string, AssumptionGroupView["id"]> = {
  team: "team",
  timeline: "timeline",
  data: "data",
  feedback: "data",
  compute: "compute",
  cost: "money",
  finance: "money",
};
const GROUP_ORDER: AssumptionGroupView["id"][] = ["drivers", "usage", "money", "team", "timeline", "data", "compute", "advanced"];
/** How many of the weightiest drivers lead the editor. */
export const KEY_DRIVERS_MAX = 8;

export function assumptionGroups(ctx: ViewContext): AssumptionGroupView[] {
  const { plan, t } = ctx;
  const shown = plan.assumptions.filter((a) => ctx.assumptions.has(a.key));
  const items = shown.map((a) => ctx.assumptions.get(a.key) as AssumptionItem);
  const drivers = items
    .filter((i) => i.driverRank !== undefined || (i.key.startsWith("usage.") && i.assumed))
    .sort((a, b) => (a.driverRank ?? 99) - (b.driverRank ?? 99))
    .slice(0, KEY_DRIVERS_MAX);
  const inDrivers = new Set(drivers.map((i) => i.key));
  const groupOf = (a: Assumption): AssumptionGroupView["id"] => {
    if (ADVANCED_KEYS.has(a.key) || typeof a.value !== "number") return "advanced";
    if (a.key.startsWith("usage.")) return "usage";
    return GROUP_OF[a.group ?? ""] ?? "money";
  };
  const byGroup = new Map<AssumptionGroupView["id"], AssumptionItem[]>();
  if (drivers.length) byGroup.set("drivers", drivers);
  for (const a of shown) {
    if (inDrivers.has(a.key)) continue;
    const g = groupOf(a);
    byGroup.set(g, [...(byGroup.get(g) ?? []), ctx.assumptions.get(a.key) as AssumptionItem]);
  }
  const groups = GROUP_ORDER.filter((g) => byGroup.has(g)).map((id) => ({
    id,
    title: t(`assumptions.group.${id}`),
    items: byGroup.get(id) as AssumptionItem[],
    open: id === "drivers",
  }));
  // Numbered after the sources the six questions cite, in the order the appendix lists them.
  for (const g of groups) for (const i of g.items) if (i.note) i.ref = ctx.sources.add(i.note);
  return groups;
}

/** The unstated assumptions among `keys`, weightiest driver first, as "付费转化率 3%（默认值）". */
export function assumedRefs(ctx: ViewContext, keys: readonly string[]): AssumedRef[] {
  return keys
    .map((k) => ctx.assumptions.get(k))
    .filter((i): i is AssumptionItem => Boolean(i && i.assumed))
    .sort((a, b) => (a.driverRank ?? 99) - (b.driverRank ?? 99))
    .map((i) => ({ key: i.key, text: ctx.t("assumed.item", { label: i.label, value: i.display, source: i.sourceLabel }) }));
}

/** Every business assumption nobody stated: what the money figures rest on. */
export function moneyAssumptionKeys(ctx: ViewContext): string[] {
  return [...ctx.assumptions.values()].filter((i) => i.assumed).map((i) => i.key);
}

/** The unstated usage figures: what the running cost and the feedback volume rest on. */
export function usageAssumptionKeys(ctx: ViewContext): string[] {
  return [...ctx.assumptions.values()].filter((i) => i.assumed && i.key.startsWith("usage.")).map((i) => i.key);
}
