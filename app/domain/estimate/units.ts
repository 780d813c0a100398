// Units and conversions every estimator shares: weeks per month (from the knowledge base), the plan's currency
// against USD price tables, per-currency knowledge-base figures. One place, so no module has its own copy.
import { EST } from "~/domain/estimate/kb";
import type { Currency } from "~/domain/scenario";

export const WEEKS_PER_MONTH = EST.constants.weeksPerMonth.value;
export const HOURS_PER_MONTH = EST.constants.hoursPerMonth.value;

export interface Money {
  currency: Currency;
  /** CNY per USD. */
  fx: number;
}

/** USD → plan currency. */
export function fromUsd(m: Money, usd: number): number {
  return m.currency === "USD" ? usd : usd * m.fx;
}

/** Plan currency → USD. */
export function toUsd(m: Money, amount: number): number {
  return m.currency === "USD" ? amount : amount / m.fx;
}

/** An amount quoted in `from` → plan currency. */
export function convert(m: Money, amount: number, from: Currency): number {
  if (from === m.currency) return amount;
  return from === "USD" ? amount * m.fx : amount / m.fx;
}

/** A knowledge-base figure quoted in both currencies. */
export function byCurrency(m: Money, v: { CNY: number; USD: number }): number {
  return m.currency === "CNY" ? v.CNY : v.USD;
}
