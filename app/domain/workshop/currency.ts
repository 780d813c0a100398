// One currency per comparison: every option's money converted into it, at one rate that the page states with where it
// came from. Plans in a workshop are often in both currencies (a Chinese and an English scenario), and a table with
// "US$653K" beside "CN¥39.7K" compares nothing.
import { EST } from "~/domain/estimate/kb";
import { CURRENCIES, type Currency, type Locale } from "~/domain/scenario";
import type { OptionMoney, WorkshopOption } from "~/domain/workshop/options";

/** Where the rate came from: typed by the user, the rate all converted plans assume, or the knowledge base's. */
export type RateSource = "user" | "plans" | "reference";

export interface Conversion {
  currency: Currency;
  /** CNY per USD; null when no option needed converting. */
  rate: number | null;
  source: RateSource | null;
  /** How many options were converted. */
  converted: number;
  /** The plans' own assumptions when they differ from the rate used (the page says so). */
  planRates: number[];
  reference: { rate: number; date: string; source: string };
}

/** The same bounds the plan's own exchange-rate assumption accepts. */
export const RATE_MIN = 0.1;
export const RATE_MAX = 100;

export function parseCurrency(raw: string | null | undefined): Currency | null {
  const up = (raw ?? "").trim().toUpperCase();
  return (CURRENCIES as readonly string[]).includes(up) ? (up as Currency) : null;
}

/** A typed rate ("7.2", "7,2") within bounds, or null. */
export function parseRate(raw: string | null | undefined): number | null {
  const t = (raw ?? "").trim().replace(",", ".");
  if (!/^\d{1,3}(\.\d{1,6})?$/.test(t)) return null;
  const n = Number(t);
  return n >= RATE_MIN && n <= RATE_MAX ? n : null;
}

/** The currency most options are in; a tie goes to the page's language (CNY for Chinese, USD for English). */
export function defaultCurrency(options: readonly Pick<WorkshopOption, "money">[], locale: Locale): Currency {
  const counts = { CNY: 0, USD: 0 } as Record<Currency, number>;
  for (const o of options) counts[o.money.currency]++;
  if (counts.CNY !== counts.USD) return counts.CNY > counts.USD ? "CNY" : "USD";
  return locale === "zh" ? "CNY" : "USD";
}

/**
 * The rate to convert at: the user's when given; else the one every converted plan assumes (they agree unless someone
 * edited it); else the knowledge base's reference rate.
 */
export function chooseConversion(
  options: readonly Pick<WorkshopOption, "money">[],
  currency: Currency,
  userRate: number | null,
): Conversion {
  const reference = { rate: EST.exchangeRate.cnyPerUsd, date: EST.exchangeRate.date, source: EST.exchangeRate.source };
  const foreign = options.filter((o) => o.money.currency !== currency);
  const planRates = [...new Set(foreign.map((o) => o.money.fx).filter((r): r is number => r !== null))].sort((a, b) => a - b);
  if (foreign.length === 0) return { currency, rate: null, source: null, converted: 0, planRates, reference };
  if (userRate !== null) return { currency, rate: userRate, source: "user", converted: foreign.length, planRates, reference };
  if (planRates.length === 1 && foreign.every((o) => o.money.fx !== null))
    return { currency, rate: planRates[0], source: "plans", converted: foreign.length, planRates, reference };
  return { currency, rate: reference.rate, source: "reference", converted: foreign.length, planRates, reference };
}

// TEMPORARY: the numbers stream's `convert` in app/domain/estimate/units.ts (same signature) replaces this the moment
// it lands on main; it is the one conversion helper of the domain.
function convert(m: { currency: Currency; fx: number }, amount: number, from: Currency): number {
  if (from === m.currency) return amount;
  return from === "USD" ? amount * m.fx : amount / m.fx;
}

/** An option's money in the comparison's currency. */
export function convertMoney(money: OptionMoney, c: Pick<Conversion, "currency" | "rate">): OptionMoney {
  if (money.currency === c.currency || c.rate === null) return money;
  const m = { currency: c.currency, fx: c.rate };
  const to = (v: number | null) => (v === null ? null : convert(m, v, money.currency));
  return {
    currency: c.currency,
    fx: c.rate,
    oneOff: to(money.oneOff),
    monthly: to(money.monthly),
    firstYear: to(money.firstYear),
    npv: to(money.npv),
  };
}

/** Every option in the comparison's currency. */
export function inCurrency<T extends Pick<WorkshopOption, "money">>(options: readonly T[], c: Conversion): T[] {
  return options.map((o) => ({ ...o, money: convertMoney(o.money, c) }));
}
