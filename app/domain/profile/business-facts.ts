// The business facts of a profile: each figure the finance model reads and each constraint the team states, from the
// input when the user set it, else from the description's words (business.ts), else null with source `default`; and
// the revenue model, which picks the finance model. Called by buildProfile; the LLM's proposals are merged afterwards.
import {
  BUSINESS_FACT_KEYS,
  CONSTRAINT_FACT_KEYS,
  USAGE_FIGURE_KEYS,
  MONEY_FACT_KEYS,
  type BusinessFindings,
  type ConstraintFactKey,
  type FigureKey,
  type UsageFigureKey,
} from "~/domain/profile/business";
import { AUDIO_INPUT, FREE, SCANNED_INPUT } from "~/domain/profile/business-lexicon";
import type { BusinessFact, Fact } from "~/domain/profile/types";
import type { Currency, Locale, Market, RevenueModel, ScenarioInput } from "~/domain/scenario";

const CONSTRAINT_INPUT: Record<ConstraintFactKey, "teamSize" | "weeks" | "budget"> = {
  constraintTeamSize: "teamSize",
  constraintWeeks: "weeks",
  constraintBudget: "budget",
};

function userValue(input: ScenarioInput, key: FigureKey): number | undefined {
  if (key in CONSTRAINT_INPUT) return input.constraints?.[CONSTRAINT_INPUT[key as ConstraintFactKey]];
  if ((USAGE_FIGURE_KEYS as readonly string[]).includes(key)) return input.usage?.[key as UsageFigureKey];
  return input.business?.[key as (typeof BUSINESS_FACT_KEYS)[number]];
}

/** Every business figure and constraint as a profile fact, with its words, currency, derivation codes and span. */
export function businessFigureFacts(input: ScenarioInput, figures: BusinessFindings, locale: Locale): Record<FigureKey, BusinessFact> {
  const out = {} as Record<FigureKey, BusinessFact>;
  const userCurrency: Currency = input.business?.currency ?? (locale === "zh" ? "CNY" : "USD");
  for (const key of [...BUSINESS_FACT_KEYS, ...CONSTRAINT_FACT_KEYS, ...USAGE_FIGURE_KEYS]) {
    const money = MONEY_FACT_KEYS.includes(key);
    const stated = userValue(input, key);
    const found = figures[key];
    if (stated !== undefined) {
      out[key] = money ? { value: stated, source: "user", currency: userCurrency } : { value: stated, source: "user" };
    } else if (found) {
      const fact: BusinessFact = { value: found.value, source: "heuristic", evidence: [found.evidence] };
      if (found.currency) fact.currency = found.currency;
      if (found.notes?.length) fact.note = found.notes.join("; ");
      if (found.range) fact.range = found.range;
      out[key] = fact;
    } else {
      out[key] = { value: null, source: "default" };
    }
  }
  return out;
}

/**
 * The revenue model: the user's, else what the words say (a free service books no revenue; a price per use is usage;
 * a seat price or seats per customer sold to companies are seats; a yearly contract is a contract; a price per month
 * to consumers is a subscription; hours saved or contacts deflected are savings), else the market's usual model.
 */
export function revenueModelFact(
  input: ScenarioInput,
  facts: Record<FigureKey, BusinessFact>,
  market: Market,
  text: string,
): Fact<RevenueModel> {
  if (input.business?.revenueModel) return { value: input.business.revenueModel, source: "user" };
  const has = (key: FigureKey) => facts[key].value !== null;
  const words = (key: FigureKey) => facts[key].evidence ?? [`business.${key}`];
  const priced = (["pricePerUserMonth", "contractValuePerYear", "pricePerUse"] as const).some(has);
  const free = FREE.exec(text);
  if (free && !priced) return { value: "none", source: "heuristic", evidence: [free[0]] };
  if (has("pricePerUse")) return { value: "usage", source: "heuristic", evidence: words("pricePerUse") };
  if (market === "toB" && (has("seatsPerCustomer") || (has("pricePerUserMonth") && !has("contractValuePerYear")))) {
    return { value: "seats", source: "heuristic", evidence: words(has("seatsPerCustomer") ? "seatsPerCustomer" : "pricePerUserMonth") };
  }
  if (has("contractValuePerYear") && market !== "internal")
    return { value: "contract", source: "heuristic", evidence: words("contractValuePerYear") };
  if (has("pricePerUserMonth") && market !== "internal")
    return { value: "subscription", source: "heuristic", evidence: words("pricePerUserMonth") };
  for (const key of ["hoursSavedPerStaffPerWeek", "minutesSavedPerUse", "deflectionRate", "costPerContact"] as const) {
    if (has(key)) return { value: "savings", source: "heuristic", evidence: words(key) };
  }
  const byMarket: Record<Market, RevenueModel> = { toC: "subscription", toB: "contract", internal: "savings" };
  return { value: byMarket[market], source: "default" };
}

/** What a use reads: audio to transcribe, scanned pages to OCR (a stated length of audio implies audio). */
export function mediaFacts(
  text: string,
  facts: Record<FigureKey, BusinessFact>,
): { audioInput: Fact<boolean>; scannedInput: Fact<boolean> } {
  const audio = AUDIO_INPUT.exec(text);
  const scanned = SCANNED_INPUT.exec(text);
  const minutes = facts.audioMinutesPerUse;
  return {
    audioInput: audio
      ? { value: true, source: "heuristic", evidence: [audio[0]] }
      : minutes.value !== null
        ? {
            value: true,
            source: minutes.source === "user" ? "user" : "heuristic",
            evidence: minutes.evidence ?? ["usage.audioMinutesPerUse"],
          }
        : { value: false, source: "default" },
    scannedInput: scanned ? { value: true, source: "heuristic", evidence: [scanned[0]] } : { value: false, source: "default" },
  };
}
