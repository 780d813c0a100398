// The form's side of the one input schema: FormData → raw ScenarioInput (validated by `parseScenarioInput`, the
// same function the JSON API and the CLI use) and ScenarioInput → the strings the form shows.
// Shared by the browser and the server, so no server-only imports here.
import type { BusinessSchema, Locale } from "~/domain/scenario";
import {
  CURRENCIES,
  DEPLOYMENTS,
  HUMAN_REVIEW,
  INDUSTRIES,
  KNOWLEDGE,
  LOCALES,
  MARKETS,
  parseScenarioInput,
  REVENUE_MODELS,
  STAKES,
  TASKS,
  type ScenarioInput,
} from "~/domain/scenario";
import type { Currency } from "~/domain/scenario";
import { fieldErrorsByPath } from "~/i18n/field-errors";
import { readAmount, type AmountKind } from "~/lib/typed-amount";
import { translator } from "~/i18n/translate";

/** What the form shows: one string per field, string lists for the checkbox groups; keys are dotted input paths. */
export type FormValues = Record<string, string | string[]>;

export const SELECT_FIELDS = {
  locale: LOCALES,
  industry: INDUSTRIES,
  market: MARKETS,
  stakes: STAKES,
  humanReview: HUMAN_REVIEW,
  deployment: DEPLOYMENTS,
  "business.currency": CURRENCIES,
  "business.revenueModel": REVENUE_MODELS,
} as const;

export const LIST_FIELDS = { tasks: TASKS, knowledge: KNOWLEDGE } as const;

export const DATA_FIELDS = ["labeledExamples", "documents", "chatLogs", "preferencePairs"] as const;
export const USAGE_FIELDS = ["users", "interactionsPerUserPerDay"] as const;
export const BUSINESS_GROUPS = {
  toC: [
    "monthlyReach",
    "conversionRate",
    "pricePerUserMonth",
    "monthlyChurnRate",
    "monthlyGrowthRate",
    "marketSize",
    "payingCustomers",
    "pricePerUse",
  ],
  toB: [
    "targetCustomers",
    "contractValuePerYear",
    "seatsPerCustomer",
    "salesCycleMonths",
    "implementationCostPerCustomer",
    "newCustomersPerMonth",
  ],
  acquisition: ["acquisitionCostPerCustomer", "channelFeeShare"],
  internal: [
    "staffAffected",
    "hoursSavedPerStaffPerWeek",
    "minutesSavedPerUse",
    "loadedHourlyWage",
    "adoptionRate",
    "deflectionRate",
    "costPerContact",
  ],
} as const;

/** What the team must fit in (`constraints.*`). */
export const CONSTRAINT_FIELDS = ["teamSize", "weeks", "budget"] as const;

/** Business fields that hold money: the form shows the currency beside them. */
export const MONEY_FIELDS = new Set([
  "pricePerUserMonth",
  "contractValuePerYear",
  "implementationCostPerCustomer",
  "loadedHourlyWage",
  "acquisitionCostPerCustomer",
  "pricePerUse",
  "costPerContact",
  "budget",
]);

// Every business field of the schema must appear in one group: a field added to the schema shows up here as a type error.
type BusinessKey = Exclude<keyof typeof BusinessSchema.shape, "currency" | "revenueModel">;
const _allBusinessFieldsGrouped: Record<BusinessKey, true> = Object.fromEntries(
  Object.values(BUSINESS_GROUPS)
    .flat()
    .map((k) => [k, true]),
) as Record<(typeof BUSINESS_GROUPS)[keyof typeof BUSINESS_GROUPS][number], true>;
void _allBusinessFieldsGrouped;

/** Hidden field carrying assumption overrides through an edit, so editing the text keeps the numbers someone set. */
export const ASSUMPTIONS_FIELD = "assumptionsJson";

function text(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  if (typeof v !== "string") return undefined;
  const trimmed = v.trim();
  return trimmed === "" ? undefined : v;
}

// Thousands separators people type: "12,000", "1 000", "12_000", and the full-width comma of Chinese input ("12，000").
const TYPED_SEPARATORS = /[,_\s，]/g;

/** A number as people type it into a field; undefined when the text is empty or not a number. */
export function readTypedNumber(v: string): number | undefined {
  const cleaned = v.trim().replace(TYPED_SEPARATORS, "");
  if (cleaned === "") return undefined;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : undefined;
}

/** Business fields that are shares (0–1): "3%" reads as 0.03, and so does 0.03. */
export const SHARE_FIELDS = new Set([
  "conversionRate",
  "monthlyChurnRate",
  "monthlyGrowthRate",
  "channelFeeShare",
  "adoptionRate",
  "deflectionRate",
]);

/**
 * A number as typed ("12,000", "1.5万", "30k", "3%", "¥30"); anything unreadable is handed on as text so the schema
 * can name the field. Money may carry its currency sign; it must be the form's currency when one is chosen.
 */
function numberOrText(v: string | undefined, kind: AmountKind = { kind: "number" }): number | string | undefined {
  if (v === undefined || v.trim().replace(TYPED_SEPARATORS, "") === "") return undefined;
  const r = readAmount(v, kind);
  return r?.ok ? r.value : v;
}

/** The currency a typed amount names by its sign or word, if any ("$8k" → USD, "30元" → CNY). */
function currencyOf(v: string | undefined): Currency | null {
  if (!v) return null;
  if (readAmount(v, { kind: "money", currency: "USD" })?.ok && /\$|usd|美元|美金/i.test(v)) return "USD";
  if (readAmount(v, { kind: "money", currency: "CNY" })?.ok && /[¥￥元块]|cny|rmb|人民币/i.test(v)) return "CNY";
  return null;
}

function compact<T extends Record<string, unknown>>(o: T): T | undefined {
  const entries = Object.entries(o).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as T) : undefined;
}

/** FormData → the raw object `parseScenarioInput` validates. Empty fields are left out (inferred). */
export function formDataToRawInput(form: FormData): Record<string, unknown> {
  const raw: Record<string, unknown> = {
    title: text(form, "title"),
    description: typeof form.get("description") === "string" ? form.get("description") : undefined,
  };
  for (const name of ["locale", "industry", "market", "stakes", "humanReview", "deployment"] as const) raw[name] = text(form, name);
  for (const name of Object.keys(LIST_FIELDS)) {
    const values = form.getAll(name).filter((v): v is string => typeof v === "string" && v !== "");
    raw[name] = values.length ? values : undefined;
  }
  const sor = text(form, "replacesSystemOfRecord");
  raw.replacesSystemOfRecord = sor === "true" ? true : sor === "false" ? false : sor;
  raw.data = compact(Object.fromEntries(DATA_FIELDS.map((k) => [k, numberOrText(text(form, `data.${k}`))])));
  raw.usage = compact(Object.fromEntries(USAGE_FIELDS.map((k) => [k, numberOrText(text(form, `usage.${k}`))])));
  // A money figure typed with its sign sets the currency when the form has none chosen.
  const moneyTyped = [...MONEY_FIELDS].map((k) => text(form, `business.${k}`)).find((v) => currencyOf(v));
  const currency = (text(form, "business.currency") as Currency | undefined) ?? currencyOf(moneyTyped) ?? undefined;
  const business: Record<string, unknown> = { currency, revenueModel: text(form, "business.revenueModel") };
  for (const k of Object.values(BUSINESS_GROUPS).flat()) {
    const kind: AmountKind = SHARE_FIELDS.has(k)
      ? { kind: "fraction" }
      : MONEY_FIELDS.has(k) && currency
        ? { kind: "money", currency }
        : { kind: "number" };
    business[k] = numberOrText(text(form, `business.${k}`), kind);
  }
  raw.business = compact(business);
  raw.constraints = compact(
    Object.fromEntries(
      CONSTRAINT_FIELDS.map((k) => [
        k,
        numberOrText(text(form, `constraints.${k}`), k === "budget" && currency ? { kind: "money", currency } : { kind: "number" }),
      ]),
    ),
  );
  const assumptions = text(form, ASSUMPTIONS_FIELD);
  if (assumptions) {
    try {
      raw.assumptions = JSON.parse(assumptions);
    } catch {
      raw.assumptions = assumptions;
    }
  }
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
}

/** What the user typed, as strings, to put back into the form after an error. */
export function formDataToValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, v] of form.entries()) {
    if (typeof v !== "string" || key.startsWith("_") || key === "intent") continue;
    if (key in LIST_FIELDS) values[key] = [...((values[key] as string[] | undefined) ?? []), v];
    else values[key] = v;
  }
  return values;
}

/** A saved or template input → form strings. */
export function inputToValues(input: Partial<ScenarioInput>): FormValues {
  const values: FormValues = {};
  const put = (key: string, v: unknown) => {
    if (v === undefined || v === null) return;
    if (Array.isArray(v)) values[key] = v.map(String);
    else values[key] = String(v);
  };
  put("title", input.title);
  put("description", input.description);
  for (const k of [
    "locale",
    "industry",
    "market",
    "stakes",
    "humanReview",
    "deployment",
    "tasks",
    "knowledge",
    "replacesSystemOfRecord",
  ] as const)
    put(k, input[k]);
  for (const k of DATA_FIELDS) put(`data.${k}`, input.data?.[k]);
  for (const k of USAGE_FIELDS) put(`usage.${k}`, input.usage?.[k]);
  put("business.currency", input.business?.currency);
  put("business.revenueModel", input.business?.revenueModel);
  for (const k of CONSTRAINT_FIELDS) put(`constraints.${k}`, input.constraints?.[k]);
  for (const k of Object.values(BUSINESS_GROUPS).flat()) put(`business.${k}`, input.business?.[k as BusinessKey]);
  if (input.assumptions && Object.keys(input.assumptions).length) values[ASSUMPTIONS_FIELD] = JSON.stringify(input.assumptions);
  return values;
}

export type ParsedScenarioForm = { ok: true; value: ScenarioInput } | { ok: false; errors: Record<string, string>; values: FormValues };

/**
 * A submitted scenario form through the one schema. On failure the errors come by field in the reader's language,
 * with the typed values, so the form can be shown again without losing anything.
 */
export function parseScenarioForm(form: FormData, locale: Locale): ParsedScenarioForm {
  const parsed = parseScenarioInput(formDataToRawInput(form));
  if (parsed.ok) return parsed;
  const errors = fieldErrorsByPath(parsed.errors, translator(locale));
  return { ok: false, errors, values: formDataToValues(form) };
}
