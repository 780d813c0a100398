// One day count for the rules and the estimators: how many days a month a tool is used. Staff use internal and
// business tools on working days; consumers, patients and citizens use a service any day. No imports but types, so
// the rule engine and the profile can read it without pulling in the estimators.
import type { Market } from "~/domain/scenario";

/** ≈ 261 working days a year ÷ 12 (the estimators' `feedback.workingDaysPerMonth` default for staff). */
export const WORKING_DAYS_PER_MONTH = 22;
/** 365 days ÷ 12. */
export const CALENDAR_DAYS_PER_MONTH = 30.4;

/** Days of use per month for a product sold to (or used by) this market. */
export function daysPerMonth(market: Market): number {
  return market === "toC" ? CALENDAR_DAYS_PER_MONTH : WORKING_DAYS_PER_MONTH;
}
