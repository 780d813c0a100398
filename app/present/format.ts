// Number and money formatting for the report views. The domain never formats money; every view formats it here,
// so the PDF, the Markdown memo, the chart text alternatives and the web page show the same strings.
import type { Currency, Locale } from "~/domain/scenario";

const intlLocale = (locale: Locale) => (locale === "zh" ? "zh-CN" : "en-US");

// Intl.NumberFormat construction is slow relative to formatting; the report formats hundreds of figures.
const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(locale), options);
    cache.set(key, f);
  }
  return f;
}

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Whole units of the currency: plans are estimates, cents would suggest a precision they do not have. */
export function formatMoney(value: number | null | undefined, currency: Currency, locale: Locale): string {
  if (!isNum(value)) return "—";
  return nf(locale, { style: "currency", currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(value);
}

/** A unit price ($19.99 per seat, ¥2.5 per hour): cents matter here, unlike in the plan's totals. */
export function formatPrice(value: number | null | undefined, currency: Currency, locale: Locale): string {
  if (!isNum(value)) return "—";
  return nf(locale, { style: "currency", currency, maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(value);
}

/** ¥123.5万 / $1.2M: for key figures and chart text where the magnitude matters more than the last digit. */
export function formatMoneyCompact(value: number | null | undefined, currency: Currency, locale: Locale): string {
  if (!isNum(value)) return "—";
  if (Math.abs(value) < 10_000) return formatMoney(value, currency, locale);
  // Node's ICU and Chromium's disagree on the default minimum fraction digits of compact currency ("$60.0K" vs
  // "$60K"); pinning both bounds makes the server, the browser and the PDF print the same string.
  return nf(locale, { style: "currency", currency, notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(value);
}

export function formatNumber(value: number | null | undefined, locale: Locale, maximumFractionDigits = 1): string {
  if (!isNum(value)) return "—";
  return nf(locale, { maximumFractionDigits }).format(value);
}

export function formatPercent(fraction: number | null | undefined, locale: Locale, maximumFractionDigits = 0): string {
  if (!isNum(fraction)) return "—";
  return nf(locale, { style: "percent", maximumFractionDigits }).format(fraction);
}

/** The unit a chart axis is scaled to, so that tick labels stay short without a formatter function in the spec. */
export interface MoneyScale {
  divisor: number;
  /** e.g. "万元", "k USD", "M USD". */
  unit: string;
}

export function moneyScale(maxAbs: number, currency: Currency, locale: Locale): MoneyScale {
  const symbol = currency === "CNY" ? (locale === "zh" ? "元" : "CNY") : locale === "zh" ? "美元" : "USD";
  if (locale === "zh") {
    if (maxAbs >= 1e8) return { divisor: 1e8, unit: `亿${symbol}` };
    if (maxAbs >= 1e4) return { divisor: 1e4, unit: `万${symbol}` };
    return { divisor: 1, unit: symbol };
  }
  if (maxAbs >= 1e6) return { divisor: 1e6, unit: `M ${symbol}` };
  if (maxAbs >= 1e3) return { divisor: 1e3, unit: `k ${symbol}` };
  return { divisor: 1, unit: symbol };
}

/** Scaled value rounded to what a tick or tooltip can show. */
export function scaled(value: number, scale: MoneyScale): number {
  const r = Math.round((value / scale.divisor) * 100) / 100;
  // -0 would not survive JSON (it comes back as 0): specs must round-trip unchanged.
  return r === 0 ? 0 : r;
}
