// Business figures for the finance model: the user's input field, else the figure the description states (quoted, in
// the plan's currency, with a range its words allow), else the knowledge base's default. One reader for every model.
import type { Entry } from "~/domain/estimate/assumptions/book";
import type { AssumptionKey } from "~/domain/estimate/assumptions/registry";
import type { EstimateContext } from "~/domain/estimate/context";
import { round3 } from "~/domain/estimate/money";
import { convert } from "~/domain/estimate/units";
import { currencyOfWords, MONEY_FACT_KEYS, type FigureKey } from "~/domain/profile/business";
import type { BusinessFact } from "~/domain/profile/types";
import type { Currency, ScenarioInput } from "~/domain/scenario";

/** Relative spread around a figure the description states: it is the writer's plan, not a measurement. */
export const STATED_SPREAD = 0.1;

/** The range drawn for a stated figure: the span its words allow ("几十元": 10–90) when approximate, else ±10%. */
export function statedRange(value: number, max?: number, span?: { low: number; high: number }): { low: number; high: number } {
  const low = round3(Math.min(value, span ? span.low : value * (1 - STATED_SPREAD)));
  const high = round3(Math.max(value, span ? span.high : value * (1 + STATED_SPREAD)));
  return { low, high: max === undefined ? high : Math.min(max, Math.max(value, high)) };
}

/** The currency a stated money fact is in: the one its words name (the LLM gives none), else the language's. */
function factCurrency(ctx: EstimateContext, fact: BusinessFact): Currency {
  if (fact.currency) return fact.currency;
  return currencyOfWords(fact.evidence ?? [], ctx.locale === "zh" ? "CNY" : "USD");
}

/**
 * A business figure the description states (a heuristic or LLM profile fact), in the plan's currency, with its words
 * as the derivation. Undefined when the user set it (the book applies `business.*` itself) or nobody stated it.
 */
export function stated(
  ctx: EstimateContext,
  key: FigureKey,
): { value: number; range?: { low: number; high: number }; words: string; from?: Currency; note?: string } | undefined {
  const fact = (ctx.profile as unknown as Record<string, BusinessFact | undefined>)[key];
  if (!fact || fact.value === null || fact.source === "user" || fact.source === "default") return undefined;
  const words = fact.evidence?.[0] ?? String(fact.value);
  let value = fact.value;
  let range = fact.range;
  let from: Currency | undefined;
  if (MONEY_FACT_KEYS.includes(key)) {
    const cur = factCurrency(ctx, fact);
    if (cur !== ctx.currency) {
      // Never mix currencies: an amount stated in the other currency is converted with the exchange-rate assumption.
      from = cur;
      value = convert(ctx, value, cur);
      if (range) range = { low: round3(convert(ctx, range.low, cur)), high: round3(convert(ctx, range.high, cur)) };
    }
  }
  return { value: round3(value), words, ...(range ? { range } : {}), ...(from ? { from } : {}), ...(fact.note ? { note: fact.note } : {}) };
}

/** `business.<field>` the user set, for the book (applied over any stated or default value). */
function userField(input: ScenarioInput, field: FigureKey | undefined): { userValue?: number; userField?: string } {
  if (!field) return {};
  const v =
    (input.business as Record<string, number | undefined> | undefined)?.[field] ??
    (input.constraints as Record<string, number | undefined> | undefined)?.[field];
  return v === undefined ? {} : { userValue: v, userField: `business.${field}` };
}

/**
 * The entry for an assumption whose value the description may state: stated figure (quoted) > default; the user's
 * `business.*` field wins over both through the book. `max` caps the range of a share at 1.
 */
export function businessEntry(ctx: EstimateContext, field: FigureKey | undefined, fallback: Entry, max?: number): Entry {
  const s = field ? stated(ctx, field) : undefined;
  const user = userField(ctx.input, field);
  if (!s) return { ...fallback, ...user };
  const params: Record<string, string | number> = { words: s.words };
  if (s.from) params.from = s.from;
  if (s.note) params.note = s.note;
  return {
    value: s.value,
    source: "profile",
    derivation: { code: "finance.stated", params },
    range: statedRange(s.value, max, s.range),
    ...user,
  };
}

/** Registers a business figure in the book and returns it. */
export function businessFigure(
  ctx: EstimateContext,
  key: AssumptionKey,
  field: FigureKey | undefined,
  fallback: Entry,
  max?: number,
): number {
  return ctx.book.get(key, businessEntry(ctx, field, fallback, max));
}

/** Whether the description (or the user) states this figure at all. */
export function isStated(ctx: EstimateContext, field: FigureKey): boolean {
  const fact = (ctx.profile as unknown as Record<string, BusinessFact | undefined>)[field];
  return (fact !== undefined && fact.value !== null) || userField(ctx.input, field).userValue !== undefined;
}
