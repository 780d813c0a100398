// Business figures written in a description ("月付 30 元", "$20 per seat per month", "annual contract of $50k",
// "30 家客户", "saves each agent 5 hours a week", "loaded cost $60/hour", "adoption 70%", "CAC $40", "the app stores
// take 15%", "目标市场约 30 万", "1000 多位付费老师", "50 seats per customer", "deflects 30% of contacts") for the finance
// model, and the constraints a team states ("2 engineers, 8 weeks", "预算 50 万"). A number counts only when the words
// around it say what it is: a currency and a period for money, "节省/save" and a period for hours, a named rate for a
// percentage. "30 天", "3 个月内" or "每天 30 条" are never money. The words themselves live in business-lexicon.ts.
import * as L from "~/domain/profile/business-lexicon";
import { findNumbers, type NumberMatch } from "~/domain/profile/numbers";
import type { Currency } from "~/domain/scenario";

/** Figures the finance model reads, named as in `business.*` of the input. */
export const BUSINESS_FACT_KEYS = [
  "pricePerUserMonth",
  "contractValuePerYear",
  "targetCustomers",
  "staffAffected",
  "hoursSavedPerStaffPerWeek",
  "loadedHourlyWage",
  "adoptionRate",
  "conversionRate",
  "monthlyChurnRate",
  "salesCycleMonths",
  "acquisitionCostPerCustomer",
  "channelFeeShare",
  "marketSize",
  "payingCustomers",
  "monthlyReach",
  "seatsPerCustomer",
  "pricePerUse",
  "deflectionRate",
  "costPerContact",
  "minutesSavedPerUse",
] as const;
export type BusinessFactKey = (typeof BUSINESS_FACT_KEYS)[number];

/** Constraints the team states, named after `constraints.*` of the input (teamSize, weeks, budget). */
export const CONSTRAINT_FACT_KEYS = ["constraintTeamSize", "constraintWeeks", "constraintBudget"] as const;
export type ConstraintFactKey = (typeof CONSTRAINT_FACT_KEYS)[number];
/** What one use reads, named after `usage.*` of the input. */
export const USAGE_FIGURE_KEYS = ["pagesPerUse", "audioMinutesPerUse"] as const;
export type UsageFigureKey = (typeof USAGE_FIGURE_KEYS)[number];
export type FigureKey = BusinessFactKey | ConstraintFactKey | UsageFigureKey;

/** The money figures among them; their currency is recorded so the estimator can convert. */
export const MONEY_FACT_KEYS: readonly FigureKey[] = [
  "pricePerUserMonth",
  "contractValuePerYear",
  "loadedHourlyWage",
  "acquisitionCostPerCustomer",
  "pricePerUse",
  "costPerContact",
  "constraintBudget",
];
/** Shares between 0 and 1. */
export const RATE_FACT_KEYS: readonly FigureKey[] = [
  "adoptionRate",
  "conversionRate",
  "monthlyChurnRate",
  "channelFeeShare",
  "deflectionRate",
];

/**
 * How a finding was derived when it is not the number as written, as codes the views translate
 * (app/i18n/assumption-labels.ts, `businessNoteText`).
 */
export const BUSINESS_NOTE_CODES = [
  "churn_from_renewal",
  "yearly_to_monthly",
  "hours_per_week",
  "customer_fee_times_12",
  "seat_year_div_12",
  "currency_from_language",
  "weeks_to_months",
  "months_to_weeks",
  "at_least",
] as const;
export type BusinessNoteCode = (typeof BUSINESS_NOTE_CODES)[number];

export interface BusinessFinding {
  value: number;
  /** The words that stated it, e.g. `月付 30 元`. */
  evidence: string;
  /** Money only: the currency written, or the description's language's currency when none was written. */
  currency?: Currency;
  /** How the value was derived when it is not the number as written (a conversion of period or unit). */
  notes?: BusinessNoteCode[];
  /** An approximate amount ("几十元", "1000 多", "tens of dollars"): the span the words allow, the value being its mode. */
  range?: { low: number; high: number };
}

export type BusinessFindings = Partial<Record<FigureKey, BusinessFinding>>;

const WORKDAYS_PER_WEEK = 5;
const WEEKS_PER_YEAR = 52.143;
const WEEKS_PER_MONTH = WEEKS_PER_YEAR / 12;

interface Window {
  before: string;
  after: string;
}

function clauseWindows(text: string, start: number, end: number): Window {
  const rawBefore = text.slice(Math.max(0, start - L.WINDOW_BEFORE), start);
  const rawAfter = text.slice(end, end + L.WINDOW_AFTER);
  let cut = 0;
  L.CLAUSE_BREAK.lastIndex = 0;
  for (let m = L.CLAUSE_BREAK.exec(rawBefore); m; m = L.CLAUSE_BREAK.exec(rawBefore)) cut = m.index + m[0].length;
  L.CLAUSE_BREAK.lastIndex = 0;
  const stop = L.CLAUSE_BREAK.exec(rawAfter);
  return { before: rawBefore.slice(cut), after: stop ? rawAfter.slice(0, stop.index) : rawAfter };
}

function keep(found: BusinessFindings, key: FigureKey, finding: BusinessFinding) {
  // The first statement wins: later ones are usually comparisons ("比以前的 20 元贵").
  found[key] ??= finding;
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A number as read from the text; approximate amounts carry the span their words allow. */
interface Reading extends NumberMatch {
  range?: { low: number; high: number };
}

const ZH_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 };
// "几十/数百/上千/几万/几十万": some number of the unit, read as 3 of them (the mode people mean) within 1–9 of them.
// "上" only goes with 百/千/万/亿 ("上十" is not said). "十几(万)": 11–19 of the unit, mode 15; "二十几": 21–29.
const ZH_APPROX = /(?:(几|数)([十百千])?([万亿])?|(上)([百千万亿])|([一二两三四五六七八九])?十几([万亿])?)/gu;
const ZH_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
// "a few" is at least two; "tens/hundreds/thousands of" 1–9 of the unit, mode 3, as in Chinese.
const EN_APPROX: { re: RegExp; unit: number; lowFactor: number }[] = [
  { re: /\btens\s+of\s+thousands(?:\s+of)?\b/giu, unit: 1e4, lowFactor: 1 },
  { re: /\bhundreds\s+of\s+thousands(?:\s+of)?\b/giu, unit: 1e5, lowFactor: 1 },
  { re: /\ba\s+few\s+hundred\b/giu, unit: 100, lowFactor: 2 },
  { re: /\ba\s+few\s+thousand\b/giu, unit: 1000, lowFactor: 2 },
  { re: /\btens\s+of\b/giu, unit: 10, lowFactor: 1 },
  { re: /\bhundreds\s+of\b/giu, unit: 100, lowFactor: 1 },
  { re: /\bthousands\s+of\b/giu, unit: 1000, lowFactor: 1 },
  // A bare "a few" is too vague a count ("a few customers" is a pilot, not a market); as an amount it is money only.
  { re: /\ba\s+few(?=\s+(?:dollars?|bucks|yuan|USD|RMB|CNY)\b)/giu, unit: 1, lowFactor: 2 },
];

/** Approximate magnitudes written in words: "几十元" is a stated price, only a vague one. */
export function findApproximateAmounts(text: string): Reading[] {
  const out: Reading[] = [];
  ZH_APPROX.lastIndex = 0;
  for (let m = ZH_APPROX.exec(text); m; m = ZH_APPROX.exec(text)) {
    if (m[0] === "几" || m[0] === "数") continue;
    let unit: number;
    let value: number;
    let range: { low: number; high: number };
    if (m[0].includes("十几")) {
      // "十几" is 11–19, "二十几" 21–29.
      const tens = 10 * (m[6] ? ZH_DIGITS[m[6]] : 1);
      unit = m[7] ? ZH_UNITS[m[7]] : 1;
      value = (tens + 5) * unit;
      range = { low: (tens + 1) * unit, high: (tens + 9) * unit };
    } else {
      unit = m[4] ? ZH_UNITS[m[5]] : (m[2] ? ZH_UNITS[m[2]] : 1) * (m[3] ? ZH_UNITS[m[3]] : 1);
      value = 3 * unit;
      range = { low: unit, high: 9 * unit };
    }
    out.push({ value, start: m.index, end: m.index + m[0].length, raw: m[0], range });
  }
  for (const { re, unit, lowFactor } of EN_APPROX) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      out.push({
        value: 3 * unit,
        start: m.index,
        end: m.index + m[0].length,
        raw: m[0],
        range: { low: lowFactor * unit, high: 9 * unit },
      });
    }
  }
  return out;
}

/** Numbers and approximate amounts left to right; the longer reading wins where they overlap ("几十" over its "十"). */
function readNumbers(text: string): Reading[] {
  const all: Reading[] = [...findApproximateAmounts(text), ...findNumbers(text).map(withApproximation)];
  // Earlier first, then longer: "几十" starts before its "十" and "二十几" is longer than its "二十".
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: Reading[] = [];
  let lastEnd = -1;
  for (const n of all) {
    if (n.start < lastEnd) continue;
    result.push(n);
    lastEnd = n.end;
  }
  return result;
}

/** "1000多" is 1,000–1,999 and "30多" 31–39 (one more of the last round unit); "1,000+" is at least 1,000, read up to 2×. */
function withApproximation(n: NumberMatch): Reading {
  const raw = n.raw.trim();
  if (/[多余]$/u.test(raw) && n.value >= 10) {
    let unit = 1;
    while (n.value % (unit * 10) === 0 && unit * 10 <= n.value) unit *= 10;
    return { ...n, range: { low: n.value, high: n.value + unit - 1 } };
  }
  if (raw.endsWith("+")) return { ...n, range: { low: n.value, high: 2 * n.value } };
  return n;
}

/** What one number says, as the context reads it; `undefined` when it is none of the figures. */
interface Read {
  key: FigureKey;
  value: number;
  /** Characters of context before and after the number that belong in the evidence. */
  before: number;
  after: number;
  currency?: Currency;
  notes?: BusinessNoteCode[];
  range?: { low: number; high: number };
}

interface Ctx {
  n: Reading;
  w: Window;
  clause: string;
  textCurrency: Currency;
}

/** The evidence runs from the earliest qualifying word before the number to the last one after it. */
function spanning(w: Window, res: RegExp[], minAfter: number): { before: number; after: number } {
  let before = 0;
  let after = minAfter;
  for (const re of res) {
    const b = re.exec(w.before);
    if (b) before = Math.max(before, w.before.length - b.index);
    const a = re.exec(w.after);
    if (a) after = Math.max(after, a.index + a[0].length);
  }
  return { before, after };
}

function readPercent({ n, w, clause }: Ctx): Read | undefined {
  const pct = L.PERCENT_AFTER.exec(w.after);
  if (!pct) return undefined;
  const share = n.value / 100;
  if (share > 1) return undefined;
  const span = (res: RegExp[]) => spanning(w, res, pct[0].length);
  if (L.CHANNEL_FEE.test(clause)) return { key: "channelFeeShare", value: round(share), ...span([L.CHANNEL_FEE]) };
  if (L.DEFLECTION.test(clause)) return { key: "deflectionRate", value: round(share), ...span([L.DEFLECTION]) };
  if (L.CHURN.test(clause)) return readChurn(n, share, clause, span([L.CHURN, L.MONTH, L.YEAR]));
  if (L.CONVERSION.test(clause)) return { key: "conversionRate", value: round(share), ...span([L.CONVERSION]) };
  if (L.ADOPTION.test(clause)) return { key: "adoptionRate", value: round(share), ...span([L.ADOPTION]) };
  return undefined;
}

function readChurn(n: Reading, share: number, clause: string, span: { before: number; after: number }): Read {
  const retention = L.RETENTION.test(clause);
  const yearly = L.YEAR.test(clause) || (retention && !L.MONTH.test(clause));
  const toMonthlyChurn = (s: number) => {
    const l = retention ? 1 - s : s;
    return round(yearly ? 1 - Math.pow(1 - l, 1 / 12) : l);
  };
  const notes: BusinessNoteCode[] = [
    ...(retention ? (["churn_from_renewal"] as const) : []),
    ...(yearly ? (["yearly_to_monthly"] as const) : []),
  ];
  // Renewal runs the other way from churn, so the span is converted end by end, not scaled.
  const ends = n.range ? [toMonthlyChurn(n.range.low / 100), toMonthlyChurn(Math.min(1, n.range.high / 100))] : undefined;
  return {
    key: "monthlyChurnRate",
    value: toMonthlyChurn(share),
    ...span,
    ...(notes.length ? { notes } : {}),
    ...(ends ? { range: { low: Math.min(...ends), high: Math.max(...ends) } } : {}),
  };
}

/** Time saved: per use ("20 minutes per question") or per person and period ("5 hours a week"). */
function readTimeSaved({ n, w, clause }: Ctx): Read | "skip" | undefined {
  const hours = L.HOURS_AFTER.exec(w.after);
  if (!hours || !L.SAVE.test(clause)) return undefined;
  const minutes = hours[2] ? n.value : n.value * 60;
  if (L.PER_USE.test(clause) && !L.WEEK.test(clause) && !L.DAY.test(clause)) {
    return minutes <= 480
      ? { key: "minutesSavedPerUse", value: round(minutes, 2), ...spanning(w, [L.SAVE, L.PER_USE], hours[0].length) }
      : "skip";
  }
  const perHour = minutes / 60;
  const factor = L.WEEK.test(clause)
    ? 1
    : L.DAY.test(clause)
      ? WORKDAYS_PER_WEEK
      : L.MONTH.test(clause)
        ? 1 / WEEKS_PER_MONTH
        : L.YEAR.test(clause)
          ? 1 / WEEKS_PER_YEAR
          : 0;
  // "每单节省 5 分钟" (per task, no period) is not per person per week.
  if (!(factor > 0 && perHour * factor <= 80)) return "skip";
  return {
    key: "hoursSavedPerStaffPerWeek",
    value: round(perHour * factor, 2),
    ...spanning(w, [L.SAVE, L.WEEK, L.DAY, L.MONTH, L.YEAR, L.PER_PERSON], hours[0].length),
    ...(factor === 1 && !hours[2] ? {} : { notes: ["hours_per_week"] as BusinessNoteCode[] }),
  };
}

/** What one use reads: pages of a document ("150-page contracts") or minutes of audio ("calls last 30 minutes"). */
function readUsage({ n, w, clause }: Ctx): Read | undefined {
  const pages = L.PAGES_AFTER.exec(w.after);
  if (pages || (L.PAGES_BEFORE.test(w.before) && /^\s*页/u.test(w.after))) {
    return n.value >= 1 && n.value <= 100_000
      ? { key: "pagesPerUse", value: Math.round(n.value), before: 0, after: pages ? pages[0].length : 2 }
      : undefined;
  }
  const minutes = L.MINUTES_AFTER.exec(w.after);
  if (minutes && L.AUDIO_CONTEXT.test(clause) && !L.SAVE.test(clause) && n.value <= 1440) {
    return { key: "audioMinutesPerUse", value: n.value, ...spanning(w, [L.AUDIO_CONTEXT], minutes[0].length) };
  }
  return undefined;
}

/** A sales cycle ("6-month sales cycle") or a deadline ("8 周内上线", "with 8 weeks"), both durations. */
function readDuration({ n, w }: Ctx): Read | "skip" | undefined {
  const cycle = L.CYCLE_AFTER.exec(w.after);
  if (cycle && (L.CYCLE_BEFORE.test(w.before) || L.CYCLE_BEFORE.test(w.after))) {
    const months = cycle[2] ? n.value / WEEKS_PER_MONTH : n.value;
    if (months > 120) return "skip";
    return {
      key: "salesCycleMonths",
      value: round(months, 2),
      ...spanning(w, [L.CYCLE_BEFORE], cycle[0].length),
      ...(cycle[2] ? { notes: ["weeks_to_months"] as BusinessNoteCode[] } : {}),
    };
  }
  const deadline = L.DEADLINE_AFTER.exec(w.after);
  if (!deadline) return undefined;
  // "3 months of chat logs" is a quantity of data, not a deadline.
  if (/^\s*(?:of\b|的(?:数据|记录|聊天|日志))/iu.test(w.after.slice(deadline[0].length))) return undefined;
  const near = w.before.slice(-14) + w.after.slice(deadline[0].length, deadline[0].length + 8);
  if (!L.DEADLINE_CONTEXT.test(near)) return undefined;
  const weeks = deadline[2] ? n.value * WEEKS_PER_MONTH : n.value;
  if (weeks < 0.5 || weeks > 520) return "skip";
  return {
    key: "constraintWeeks",
    value: round(weeks, 2),
    ...spanning(w, [L.DEADLINE_CONTEXT], deadline[0].length),
    ...(deadline[2] ? { notes: ["months_to_weeks"] as BusinessNoteCode[] } : {}),
  };
}

/** Counts of people or companies: market, paying base, customers, seats, the team, staff, monthly reach. */
function readCount({ n, w, clause }: Ctx): Read | undefined {
  const whole = Math.round(n.value);
  const count = (key: FigureKey, after: number, before = 0): Read => ({
    key,
    value: whole,
    before,
    after,
    ...(n.range ? { range: n.range } : {}),
  });
  const money =
    L.USD_BEFORE.test(w.before) || L.CNY_BEFORE.test(w.before) || L.CURRENCY_AFTER.test(w.after) || L.PERCENT_AFTER.test(w.after);
  if (money) return undefined;
  const market = L.MARKET_BEFORE.exec(w.before);
  if (market && !L.RATE_AFTER.test(w.after)) return count("marketSize", Math.min(w.after.length, 12), w.before.length - market.index);
  const paying = L.PAYING_AFTER.exec(w.after);
  if (paying && !L.RATE_AFTER.test(w.after.slice(0, paying[0].length))) {
    // The evidence runs to the end of the noun that follows ("paying teachers", "付费老师").
    const noun = /^\s*[A-Za-z]+|^[\u4e00-\u9fff]{0,4}/u.exec(w.after.slice(paying[0].length));
    return count("payingCustomers", paying[0].length + (noun ? noun[0].length : 0));
  }
  const payingBefore = L.PAYING_BEFORE.exec(w.before);
  if (payingBefore) return count("payingCustomers", 0, w.before.length - payingBefore.index);
  const customers = L.CUSTOMERS_AFTER.exec(w.after);
  if (customers && !L.RATE_AFTER.test(w.after)) return count("targetCustomers", customers[0].length);
  const seats = L.SEATS_AFTER.exec(w.after);
  if (seats && L.SEATS_CONTEXT.test(clause)) return count("seatsPerCustomer", seats[0].length, spanning(w, [L.SEATS_CONTEXT], 0).before);
  if (whole >= 1 && whole <= 1000) {
    const builders = L.TEAM_BUILDERS_AFTER.exec(w.after);
    if (builders && L.TEAM_CONTEXT.test(w.before))
      return count("constraintTeamSize", builders[0].length, spanning(w, [L.TEAM_CONTEXT], 0).before);
    const people = L.TEAM_PEOPLE_AFTER.exec(w.after);
    const before = L.TEAM_PEOPLE_BEFORE.exec(w.before);
    if (people && before) return count("constraintTeamSize", people[0].length, w.before.length - before.index);
  }
  const staff = L.STAFF_AFTER.exec(w.after);
  if (staff && !L.RATE_AFTER.test(w.after)) return count("staffAffected", staff[0].length);
  if (L.REACH.test(clause) && L.MONTH.test(clause))
    return count("monthlyReach", spanning(w, [L.MONTH], 0).after, spanning(w, [L.REACH], 0).before);
  return undefined;
}

interface MoneyWords {
  currency?: Currency;
  /** The words before the amount, without its currency sign. */
  before: string;
  /** The words after the amount, without its currency sign. */
  after: string;
  /** Length of the currency sign after the amount. */
  signAfter: number;
}

function moneyWords(w: Window): MoneyWords {
  let before = w.before;
  let currency: Currency | undefined;
  const usd = L.USD_BEFORE.exec(before);
  const cny = usd ? null : L.CNY_BEFORE.exec(before);
  if (usd || cny) {
    currency = usd ? "USD" : "CNY";
    before = before.slice(0, (usd ?? cny)!.index);
  }
  const sign = L.CURRENCY_AFTER.exec(w.after);
  if (sign) currency ??= sign[1] ? "USD" : "CNY";
  return { currency, before, after: sign ? w.after.slice(sign[0].length) : w.after, signAfter: sign ? sign[0].length : 0 };
}

/** Money with a named purpose: a budget, an acquisition cost, the cost of a contact, a price per use. */
function readPurposeMoney({ n, w, clause, textCurrency }: Ctx, m: MoneyWords): Read | undefined {
  const unmarked: BusinessNoteCode[] | undefined = m.currency ? undefined : ["currency_from_language"];
  const money = (key: FigureKey, purpose: RegExp, after = m.signAfter): Read => ({
    key,
    value: n.value,
    currency: m.currency ?? textCurrency,
    ...spanning(w, [purpose], after),
    ...(unmarked ? { notes: unmarked } : {}),
  });
  // Durations and counts next to these words are not amounts ("预算 3 个月", "budget for 5 people").
  if (
    !m.currency &&
    (L.DEADLINE_AFTER.test(m.after) ||
      L.TEAM_PEOPLE_AFTER.test(m.after) ||
      L.TEAM_BUILDERS_AFTER.test(m.after) ||
      L.HOURS_AFTER.test(m.after))
  )
    return undefined;
  if (L.BUDGET.test(clause)) return money("constraintBudget", L.BUDGET);
  if (L.ACQUISITION.test(clause) && (m.currency || L.ACQUISITION.test(m.before))) return money("acquisitionCostPerCustomer", L.ACQUISITION);
  if (L.CONTACT_COST.test(clause) && (m.currency || L.CONTACT_COST.test(m.before))) return money("costPerContact", L.CONTACT_COST);
  const perUse = L.PER_USE_AFTER.exec(m.after);
  if ((perUse || L.USE_BEFORE.test(m.before)) && !L.SPEND.test(clause) && (m.currency || L.MONEY_WORD.test(m.before))) {
    return money("pricePerUse", L.USE_BEFORE, m.signAfter + (perUse ? perUse[0].length : 0));
  }
  return undefined;
}

/** A price, a contract or a wage: an amount with a currency or a price word, and a period. */
function readPrice({ n, w, clause, textCurrency }: Ctx, m: MoneyWords): Read | undefined {
  const key = L.KEY_BEFORE.exec(m.before);
  // No currency and no price word: a count, a duration, a size. Never money.
  if (!m.currency && !(key && L.MONEY_WORD.test(key[0]))) return undefined;
  const period = L.PERIOD_AFTER.exec(m.after);
  const keyText = key?.[0] ?? "";
  const between = period?.[0] ?? "";
  const hourly = period?.[3] !== undefined || (!period && L.HOUR_KEY.test(keyText));
  const monthly = period?.[1] !== undefined || (!period && L.MONTH_KEY.test(keyText));
  const yearly = period?.[2] !== undefined || (!period && L.YEAR_KEY.test(keyText));
  const before = key ? w.before.length - key.index : w.before.length - m.before.length;
  const after = m.signAfter + (period ? period[0].length : 0);
  const unmarked: BusinessNoteCode[] = m.currency ? [] : ["currency_from_language"];
  const read = (k: FigureKey, value: number, notes: BusinessNoteCode[] = []): Read => {
    const all = notes.length ? notes : unmarked;
    return { key: k, value, before, after, currency: m.currency ?? textCurrency, ...(all.length ? { notes: all } : {}) };
  };
  if (hourly) return L.MACHINE.test(clause) ? undefined : read("loadedHourlyWage", n.value);
  if (L.SPEND.test(clause)) return undefined;
  const perCustomer = L.PER_CUSTOMER.test(between) || L.PER_CUSTOMER_BEFORE.test(w.before);
  const perSeat = !perCustomer && (L.PER_SEAT.test(between) || L.PER_SEAT_BEFORE.test(w.before));
  if (monthly)
    return perCustomer ? read("contractValuePerYear", n.value * 12, ["customer_fee_times_12"]) : read("pricePerUserMonth", n.value);
  if (yearly)
    return perSeat ? read("pricePerUserMonth", round(n.value / 12, 2), ["seat_year_div_12"]) : read("contractValuePerYear", n.value);
  // A contract or unit price with no period: contracts are read as yearly, a unit price alone says too little.
  if (L.CONTRACT_KEY.test(keyText)) return read("contractValuePerYear", n.value);
  return undefined;
}

function readOne(ctx: Ctx): Read | undefined {
  const pct = readPercent(ctx);
  if (pct || L.PERCENT_AFTER.test(ctx.w.after)) return pct;
  const time = readTimeSaved(ctx) ?? readUsage(ctx) ?? readDuration(ctx);
  if (time) return time === "skip" ? undefined : time;
  const count = readCount(ctx);
  if (count) return count;
  const m = moneyWords(ctx.w);
  return readPurposeMoney(ctx, m) ?? readPrice(ctx, m);
}

/**
 * The business figures and constraints a description states. `textCurrency` is the currency an amount written
 * without one is read in (the description's language: CNY for Chinese, USD for English).
 */
export function findBusinessFigures(text: string, textCurrency: Currency): BusinessFindings {
  const found: BusinessFindings = {};
  for (const n of readNumbers(text)) {
    const w = clauseWindows(text, n.start, n.end);
    const r = readOne({ n, w, clause: w.before + n.raw + w.after, textCurrency });
    if (!r) continue;
    // An approximate amount keeps its span through the same conversion as its value (× 12, ÷ 100, hours...).
    const range =
      r.range ??
      (n.range && n.value > 0
        ? { low: round((n.range.low * r.value) / n.value), high: round((n.range.high * r.value) / n.value) }
        : undefined);
    const evidence = text
      .slice(n.start - r.before, n.end + r.after)
      .trim()
      .replace(/\s+/gu, " ");
    keep(found, r.key, {
      value: r.value,
      evidence,
      ...(r.currency ? { currency: r.currency } : {}),
      ...(r.notes?.length ? { notes: r.notes } : {}),
      ...(range ? { range } : {}),
    });
  }
  return found;
}

/** The currency some quoted words name (an LLM's quotes for a money fact); the language's currency when none. */
export function currencyOfWords(words: readonly string[], fallback: Currency): Currency {
  const joined = words.join(" ");
  if (L.USD_WORD.test(joined)) return "USD";
  if (L.CNY_WORD.test(joined)) return "CNY";
  return fallback;
}
