// Business figures written in a description ("月付 30 元", "$20 per seat per month", "annual contract of $50k",
// "30 家客户", "saves each agent 5 hours a week", "loaded cost $60/hour", "adoption 70%") for the finance model.
// A number counts only when the words around it say what it is: a currency and a period for money, "节省/save" and a
// period for hours, a named rate for a percentage. "30 天", "3 个月内" or "每天 30 条" are never money.
import { findNumbers, type NumberMatch } from "~/domain/profile/numbers";
import type { Currency } from "~/domain/scenario";
import type { LocalizedText } from "~/domain/text";

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
] as const;
export type BusinessFactKey = (typeof BUSINESS_FACT_KEYS)[number];

/** Labels for the views (web profile table, PDF appendix, Markdown memo). */
export const BUSINESS_FACT_LABELS: Record<BusinessFactKey, LocalizedText> = {
  pricePerUserMonth: { zh: "每用户月费", en: "Price per user per month" },
  contractValuePerYear: { zh: "客户年合同额", en: "Contract value per year" },
  targetCustomers: { zh: "目标客户数", en: "Target customers" },
  staffAffected: { zh: "受益员工数", en: "Staff affected" },
  hoursSavedPerStaffPerWeek: { zh: "每人每周节省工时", en: "Hours saved per person per week" },
  loadedHourlyWage: { zh: "员工小时成本", en: "Loaded hourly wage" },
  adoptionRate: { zh: "采用率", en: "Adoption rate" },
  conversionRate: { zh: "付费转化率", en: "Conversion to paid" },
  monthlyChurnRate: { zh: "月流失率", en: "Monthly churn" },
  salesCycleMonths: { zh: "销售周期（月）", en: "Sales cycle (months)" },
};

/** The money figures among them; their currency is recorded so the estimator can convert. */
export const MONEY_FACT_KEYS: readonly BusinessFactKey[] = ["pricePerUserMonth", "contractValuePerYear", "loadedHourlyWage"];

export interface BusinessFinding {
  value: number;
  /** The words that stated it, e.g. `月付 30 元`. */
  evidence: string;
  /** Money only: the currency written, or the description's language's currency when none was written. */
  currency?: Currency;
  /** How the value was derived when it is not the number as written (a conversion of period or unit). */
  note?: string;
  /** An approximate amount ("几十元", "tens of dollars"): the span the words allow, the value being its mode. */
  range?: { low: number; high: number };
}

export type BusinessFindings = Partial<Record<BusinessFactKey, BusinessFinding>>;

/** The notes a finding can carry, in English (the profile's note language) and Chinese (for zh citations). */
export const BUSINESS_NOTES: Record<string, string> = {
  "churn = 1 − renewal": "流失率 = 1 − 续费率",
  "yearly rate converted to monthly": "年率已折算为月率",
  "churn = 1 − renewal; yearly rate converted to monthly": "流失率 = 1 − 续费率；年率已折算为月率",
  "converted to hours per week (5 working days a week)": "已折算为每周小时数（每周 5 个工作日）",
  "monthly fee per customer × 12": "每客户月费 × 12",
  "yearly price per seat ÷ 12": "每席位年费 ÷ 12",
  "no currency written; read as CNY, the currency of the description's language": "未写币种，按描述语言读作人民币",
  "no currency written; read as USD, the currency of the description's language": "未写币种，按描述语言读作美元",
};

const BEFORE = 28;
const AFTER = 32;
/** A clause ends at a sentence end or a comma: the words that qualify a figure sit in its own clause. */
const CLAUSE_BREAK = /[。！？!?；;\n,，、]|\.\s/gu;

const USD_BEFORE = /(?:US\s?\$|\$|USD\s?|美元\s?)\s*$/iu;
const CNY_BEFORE = /(?:[¥￥]|RMB\s?|CNY\s?|人民币\s?)\s*$/iu;
const CURRENCY_AFTER = /^\s*(?:(美元|美金|刀(?![片具])|dollars?\b|bucks\b|USD\b)|(元|块钱?|人民币|RMB\b|CNY\b|yuan\b|rmb\b))/iu;

// Between an amount and its period: "/", "per seat per", "每人每", "a", "each user a"...
const FILLER = String.raw`(?:\s+|\/|每|个|一|per\b|an?\b|each\b|every\b|for\s+each\b|seats?\b|users?\b|persons?\b|teachers?\b|agents?\b|licen[cs]es?\b|members?\b|accounts?\b|customers?\b|clients?\b|人|位|名|用户|席位?|账号|老师|坐席|家|客户)`;
const PERIOD_AFTER = new RegExp(
  `^${FILLER}*?(?:(月(?!活)|months?\\b|mo\\b|monthly\\b)|(年(?!龄|级)|years?\\b|yr\\b|annum\\b|annually\\b|yearly\\b)|(小时|钟头|hours?\\b|hr\\b|h\\b|hourly\\b))`,
  "iu",
);
const PER_SEAT = /seat|user|person|teacher|agent|licen|member|人|位|名|用户|席|账号|老师|坐席/iu;
const PER_SEAT_BEFORE = /每人|每位|每名|每个?用户|每个?账号|每个?席位?|每个?老师|人均|per\s+(?:seat|user|teacher|agent|person|licen[cs]e)/iu;
const PER_CUSTOMER_BEFORE = /每家|每个客户|per\s+(?:customer|client|account|company)/iu;
const PER_CUSTOMER = /customer|client|account|company|家|客户|企业|公司/iu;

/** Words right before an amount that name its period (and make an amount without a currency sign money). */
const MONTH_KEY = /(?:(?:每个?|按)月付费|月付费?|月费|包月|月租|每月|每个月|月订阅|月度订阅|monthly(?:\s+(?:fee|price|subscription|plan|licen[cs]e))?|per\s+month|a\s+month)/iu;
const YEAR_KEY = /(?:年费|年付|包年|每年|年订阅|年合同|年度合同|annual(?:ly)?(?:\s+(?:contract|fee|licen[cs]e|subscription|deal))?(?:\s+value)?|per\s+year|a\s+year|yearly|ACV)/iu;
const HOUR_KEY = /(?:时薪|每小时|小时成本|人力成本|hourly(?:\s+(?:rate|wage|cost))?|per\s+hour|loaded\s+(?:cost|rate|wage)|wage|labou?r\s+cost)/iu;
/** A price or contract word: an amount after it is money even without a sign ("客单价 5 万/年", "price 20"). */
const PRICE_KEY = /(?:客单价|单价|售价|定价|价格|收费|订阅费|会员费|合同额|合同金额|合同价|priced?\s+at|price(?:\s+of)?|pricing|fee(?:\s+of)?|charges?|pays?|contract(?:\s+(?:value|worth|size))?(?:\s+of)?|deal\s+size|ACV(?:\s+of)?)/iu;
/** Key words that make an amount money without a currency sign; bare periods ("每月 30 条") do not. */
const MONEY_WORD = /月付|月费|包月|月租|订阅|年费|年付|包年|合同|时薪|小时成本|人力成本|价|收费|fee|subscription|licen|contract|deal|ACV|rate|wage|cost|pric|charge|pay/iu;
const CONTRACT_KEY = /客单价|合同|年费|年付|包年|contract|ACV|deal\s+size|annual\s+(?:fee|licen|subscription)/iu;
/** Anything between a key word and the amount: "月付 30", "年费为 10 万", "annual contract of $50k", "price: ~$20". */
const KEY_GAP = String.raw`(?:\s|[:：=~约为是]|大约|大概|of\b|at\b|is\b|around\b|about\b|roughly\b|only\b|just\b)*`;
const KEY_BEFORE = new RegExp(`(?:${MONTH_KEY.source}|${YEAR_KEY.source}|${HOUR_KEY.source}|${PRICE_KEY.source})${KEY_GAP}$`, "iu");

/** Money that is spent, not earned: a budget, a salary, the API bill. Not a price. */
const SPEND = /成本|预算|开支|花费|工资|月薪|年薪|薪资|薪水|收入|营收|营业额|融资|估值|API|GPU|显卡|算力|服务器|token|budget|salary|salaries|spend|revenue|turnover|valuation|funding|bill|infra\w*|server|compute|GPU|token|A100|H100|cloud/iu;
/** For hourly figures, only machines are excluded: "loaded cost $60/hour" is a wage. */
const MACHINE = /API|GPU|显卡|算力|服务器|A100|H100|L40|4090|instance|server|cloud|云/iu;

const HOURS_AFTER = /^\s*(?:个)?\s*(?:(小时|钟头|hours?\b|hrs?\b|h\b)|(分钟|minutes?\b|mins?\b))/iu;
const SAVE = /节省|节约|省下|省去|省出|省|减少|腾出|saves?\b|saved\b|saving\b|free[sd]?\s+up|frees\b|cuts?\b|reduces?\b|back\b/iu;
const WEEK = /每周|每星期|一周|周均|\/\s*周|a\s+week\b|per\s+week\b|each\s+week\b|every\s+week\b|weekly\b|\/\s*w(?:ee)?k\b/iu;
const DAY = /每天|每日|一天|日均|\/\s*天|a\s+day\b|per\s+day\b|each\s+day\b|every\s+day\b|daily\b|\/\s*day\b/iu;
const MONTH = /每月|每个月|一个月|月均|\/\s*月|a\s+month\b|per\s+month\b|each\s+month\b|every\s+month\b|monthly\b|\/\s*mo(?:nth)?\b/iu;
const YEAR = /每年|一年|年均|\/\s*年|a\s+year\b|per\s+year\b|each\s+year\b|every\s+year\b|annual\w*|yearly\b|\/\s*yr\b/iu;
const PER_PERSON = /每人|每位|每名|人均|each\s+(?:agent|employee|person|rep|teacher|lawyer|doctor|nurse|analyst)\b|per\s+(?:agent|employee|person|head|rep)\b/iu;
const WORKDAYS_PER_WEEK = 5;
const WEEKS_PER_MONTH = 52.143 / 12;

const PERCENT_AFTER = /^\s*(?:%|％|percent\b|per\s?cent\b)/iu;
const ADOPTION = /采用率|使用率|渗透率|覆盖率|采用|会用|会使用|愿意用|adoption|adopt\w*|will\s+use|would\s+use|uptake|usage\s+rate/iu;
const CONVERSION = /转化率|付费率|付费转化|转化|conversion|convert\w*|paid\s+rate/iu;
const CHURN = /流失率|流失|退订率|退订|续费率|churn\w*|cancel\w*|renewal/iu;
/** A renewal or retention rate is the complement of churn. */
const RETENTION = /续费率|留存率|renewal|retention|retain/iu;

const CYCLE_BEFORE = /销售周期|签约周期|成交周期|采购周期|sales\s+cycles?|deal\s+cycles?|to\s+close|closing/iu;
const CYCLE_AFTER = /^\s*(?:-|‑)?\s*(?:个)?\s*(?:(月|months?\b)|(周|星期|weeks?\b))/iu;

const CUSTOMERS_AFTER = /^\s*(?:多|余|\+)?\s*(?:家|个)(?:目标|付费|企业|公司)?(?:客户|企业|公司|机构|医院|银行|律所|学校|工厂|门店|画室|品牌|商家|诊所|单位)|^\s*\+?\s*(?:(?:paying|target|enterprise|business|corporate|B2B|new|signed|mid-market|SMB)\s+)*(?:customers|clients|companies|accounts|firms|hospitals|banks|law\s+firms|schools|enterprises|businesses|organi[sz]ations|retailers|clinics)\b/iu;
const STAFF_AFTER = /^\s*(?:多|余|\+)?\s*(?:名|位|个)?\s*(?:客服人员|客服|坐席|员工|销售|律师|医生|护士|分析师|会计|运营人员|运营|审核员|标注员|理赔员|核保员|工程师|编辑|职员)|^\s*\+?\s*(?:(?:support|customer[- ]service|service|sales|in-house|full-time|contact[- ]center|call[- ]center|claims|our)\s+)*(?:agents|employees|staff|reps|representatives|analysts|lawyers|paralegals|nurses|doctors|clinicians|accountants|operators|reviewers|underwriters|adjusters|workers|editors|engineers)\b/iu;
/** "5,000 customers a day" is traffic, not a customer base. */
const RATE_AFTER = /^[^。！？!?；;\n,，]{0,24}?(?:每天|每日|每月|每周|一天|a\s+day\b|per\s+day\b|daily\b|a\s+month\b|per\s+month\b|a\s+week\b|per\s+week\b)/iu;

interface Window {
  before: string;
  after: string;
  /** Offsets of the windows in the text. */
  beforeStart: number;
}

function clauseWindows(text: string, start: number, end: number): Window {
  const rawBefore = text.slice(Math.max(0, start - BEFORE), start);
  const rawAfter = text.slice(end, end + AFTER);
  let cut = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(rawBefore); m; m = CLAUSE_BREAK.exec(rawBefore)) cut = m.index + m[0].length;
  CLAUSE_BREAK.lastIndex = 0;
  const stop = CLAUSE_BREAK.exec(rawAfter);
  return {
    before: rawBefore.slice(cut),
    after: stop ? rawAfter.slice(0, stop.index) : rawAfter,
    beforeStart: start - rawBefore.length + cut,
  };
}

function keep(found: BusinessFindings, key: BusinessFactKey, finding: BusinessFinding) {
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
      out.push({ value: 3 * unit, start: m.index, end: m.index + m[0].length, raw: m[0], range: { low: lowFactor * unit, high: 9 * unit } });
    }
  }
  return out;
}

/** Numbers and approximate amounts left to right; the longer reading wins where they overlap ("几十" over its "十"). */
function readNumbers(text: string): Reading[] {
  const all: Reading[] = [...findApproximateAmounts(text), ...findNumbers(text)];
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

/**
 * The business figures a description states. `textCurrency` is the currency an amount written without one is read in
 * (the description's language: CNY for Chinese, USD for English).
 */
export function findBusinessFigures(text: string, textCurrency: Currency): BusinessFindings {
  const found: BusinessFindings = {};
  for (const n of readNumbers(text)) {
    const w = clauseWindows(text, n.start, n.end);
    // An approximate amount keeps its span through the same conversion as its value (× 12, ÷ 100, hours...).
    const put = (key: BusinessFactKey, finding: BusinessFinding) => {
      const range = finding.range ?? (n.range && n.value > 0 ? { low: round((n.range.low * finding.value) / n.value), high: round((n.range.high * finding.value) / n.value) } : undefined);
      keep(found, key, range ? { ...finding, range } : finding);
    };
    const clause = w.before + n.raw + w.after;
    const evidenceFrom = (beforeLen: number, afterLen: number) =>
      text.slice(n.start - beforeLen, n.end + afterLen).trim().replace(/\s+/gu, " ");
    // The evidence runs from the earliest qualifying word before the number to the last one after it.
    const evidenceSpanning = (res: RegExp[], minAfter: number) => {
      let beforeLen = 0;
      let afterLen = minAfter;
      for (const re of res) {
        const b = re.exec(w.before);
        if (b) beforeLen = Math.max(beforeLen, w.before.length - b.index);
        const a = re.exec(w.after);
        if (a) afterLen = Math.max(afterLen, a.index + a[0].length);
      }
      return evidenceFrom(beforeLen, afterLen);
    };

    // Percentages: adoption, conversion, churn.
    const pct = PERCENT_AFTER.exec(w.after);
    if (pct) {
      const share = n.value / 100;
      if (share > 1) continue;
      const ev = evidenceSpanning([CHURN, CONVERSION, ADOPTION, MONTH, YEAR], pct[0].length);
      if (CHURN.test(clause)) {
        const retention = RETENTION.test(clause);
        const yearly = YEAR.test(clause) || (retention && !MONTH.test(clause));
        const toMonthlyChurn = (s: number) => {
          const l = retention ? 1 - s : s;
          return round(yearly ? 1 - Math.pow(1 - l, 1 / 12) : l);
        };
        const note = [retention ? "churn = 1 − renewal" : "", yearly ? "yearly rate converted to monthly" : ""].filter(Boolean).join("; ");
        // Renewal runs the other way from churn, so the span is converted end by end, not scaled.
        const ends = n.range ? [toMonthlyChurn(n.range.low / 100), toMonthlyChurn(Math.min(1, n.range.high / 100))] : undefined;
        const range = ends ? { low: Math.min(...ends), high: Math.max(...ends) } : undefined;
        put("monthlyChurnRate", { value: toMonthlyChurn(share), evidence: ev, ...(note ? { note } : {}), ...(range ? { range } : {}) });
      } else if (CONVERSION.test(clause)) {
        put("conversionRate", { value: round(share), evidence: ev });
      } else if (ADOPTION.test(clause)) {
        put("adoptionRate", { value: round(share), evidence: ev });
      }
      continue;
    }

    // Hours saved per person: needs a saving verb and a period; "每单节省 5 分钟" (per task) is not per week.
    const hours = HOURS_AFTER.exec(w.after);
    if (hours && SAVE.test(clause)) {
      const perHour = hours[2] ? n.value / 60 : n.value;
      const factor = WEEK.test(clause) ? 1 : DAY.test(clause) ? WORKDAYS_PER_WEEK : MONTH.test(clause) ? 1 / WEEKS_PER_MONTH : YEAR.test(clause) ? 1 / 52.143 : 0;
      if (factor > 0 && perHour * factor <= 80) {
        const note = factor === 1 && !hours[2] ? undefined : `converted to hours per week (${WORKDAYS_PER_WEEK} working days a week)`;
        put("hoursSavedPerStaffPerWeek", { value: round(perHour * factor, 2), evidence: evidenceSpanning([SAVE, WEEK, DAY, MONTH, YEAR, PER_PERSON], hours[0].length), ...(note ? { note } : {}) });
      }
      continue;
    }

    const cycle = CYCLE_AFTER.exec(w.after);
    if (cycle && (CYCLE_BEFORE.test(w.before) || CYCLE_BEFORE.test(w.after))) {
      const months = cycle[2] ? n.value / WEEKS_PER_MONTH : n.value;
      if (months <= 120) put("salesCycleMonths", { value: round(months, 2), evidence: evidenceSpanning([CYCLE_BEFORE], cycle[0].length) });
      continue;
    }

    const customers = CUSTOMERS_AFTER.exec(w.after);
    if (customers && !RATE_AFTER.test(w.after)) {
      put("targetCustomers", { value: Math.round(n.value), evidence: evidenceFrom(0, customers[0].length) });
      continue;
    }
    const staff = STAFF_AFTER.exec(w.after);
    if (staff && !RATE_AFTER.test(w.after)) {
      put("staffAffected", { value: Math.round(n.value), evidence: evidenceFrom(0, staff[0].length) });
      continue;
    }

    const money = readMoney(n.value, w, clause, textCurrency);
    if (money) put(money.key, { value: money.value, currency: money.currency, evidence: evidenceFrom(money.beforeLen, money.afterLen), ...(money.note ? { note: money.note } : {}) });
  }
  return found;
}

interface MoneyReading {
  key: BusinessFactKey;
  value: number;
  currency: Currency;
  beforeLen: number;
  afterLen: number;
  note?: string;
}

function readMoney(amount: number, w: Window, clause: string, textCurrency: Currency): MoneyReading | undefined {
  let before = w.before;
  let currency: Currency | undefined;
  const usd = USD_BEFORE.exec(before);
  const cny = usd ? null : CNY_BEFORE.exec(before);
  if (usd || cny) {
    currency = usd ? "USD" : "CNY";
    before = before.slice(0, (usd ?? cny)!.index);
  }
  let afterLen = 0;
  let after = w.after;
  const sign = CURRENCY_AFTER.exec(after);
  if (sign) {
    currency ??= sign[1] ? "USD" : "CNY";
    afterLen = sign[0].length;
    after = after.slice(afterLen);
  }
  const key = KEY_BEFORE.exec(before);
  // No currency and no price word: a count, a duration, a size. Never money.
  if (!currency && !(key && MONEY_WORD.test(key[0]))) return undefined;
  const period = PERIOD_AFTER.exec(after);
  if (period) afterLen += period[0].length;
  const keyText = key?.[0] ?? "";
  const between = period?.[0] ?? "";
  const hourly = period?.[3] !== undefined || (!period && HOUR_KEY.test(keyText));
  const monthly = period?.[1] !== undefined || (!period && MONTH_KEY.test(keyText));
  const yearly = period?.[2] !== undefined || (!period && YEAR_KEY.test(keyText));
  const beforeLen = key ? w.before.length - key.index : w.before.length - before.length;
  const base = { currency: currency ?? textCurrency, beforeLen, afterLen };
  const unmarked = currency ? undefined : `no currency written; read as ${textCurrency}, the currency of the description's language`;
  const withNote = (r: Omit<MoneyReading, "currency" | "beforeLen" | "afterLen">): MoneyReading => ({ ...base, ...r, ...(unmarked && !r.note ? { note: unmarked } : {}) });

  if (hourly) {
    if (MACHINE.test(clause)) return undefined;
    return withNote({ key: "loadedHourlyWage", value: amount });
  }
  if (SPEND.test(clause)) return undefined;
  const perCustomer = PER_CUSTOMER.test(between) || PER_CUSTOMER_BEFORE.test(w.before);
  const perSeat = !perCustomer && (PER_SEAT.test(between) || PER_SEAT_BEFORE.test(w.before));
  if (monthly) {
    if (perCustomer) return withNote({ key: "contractValuePerYear", value: amount * 12, note: "monthly fee per customer × 12" });
    return withNote({ key: "pricePerUserMonth", value: amount });
  }
  if (yearly) {
    if (perSeat) return withNote({ key: "pricePerUserMonth", value: round(amount / 12, 2), note: "yearly price per seat ÷ 12" });
    return withNote({ key: "contractValuePerYear", value: amount });
  }
  // A contract or unit price with no period: contracts are read as yearly, a unit price alone says too little.
  if (CONTRACT_KEY.test(keyText)) return withNote({ key: "contractValuePerYear", value: amount });
  return undefined;
}
