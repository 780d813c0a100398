// Number, money and date formatting for every view. The domain never formats money; the views format it here, so
// the PDF, the Markdown memo, the chart text alternatives and the web page show the same strings.
import type { Currency, Locale } from "~/domain/scenario";
import { translator, type MessageKey } from "~/i18n/translate";

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

/** Chinese counts money in 万 (1e4) and 亿 (1e8), English in thousands and millions: the axis unit follows. */
export function moneyScale(maxAbs: number, currency: Currency, locale: Locale): MoneyScale {
  const t = translator(locale);
  const unit = t(currency === "CNY" ? "money.unit.CNY" : "money.unit.USD");
  const steps: [number, MessageKey][] =
    locale === "zh"
      ? [
          [1e8, "money.scale.1e8"],
          [1e4, "money.scale.1e4"],
        ]
      : [
          [1e6, "money.scale.1e6"],
          [1e3, "money.scale.1e3"],
        ];
  for (const [divisor, key] of steps) if (maxAbs >= divisor) return { divisor, unit: t(key, { unit }) };
  return { divisor: 1, unit };
}

/** Scaled value rounded to what a tick or tooltip can show. */
export function scaled(value: number, scale: MoneyScale): number {
  const r = Math.round((value / scale.divisor) * 100) / 100;
  // -0 would not survive JSON (it comes back as 0): specs must round-trip unchanged.
  return r === 0 ? 0 : r;
}

export interface Formatters {
  money: (v: number | null | undefined) => string;
  moneyCompact: (v: number | null | undefined) => string;
  price: (v: number | null | undefined) => string;
  num: (v: number | null | undefined, digits?: number) => string;
  pct: (v: number | null | undefined, digits?: number) => string;
  /** A moment in the reader's time zone, with the zone named ("30 Nov 2026, 21:05 (UTC+8)"). */
  dateTime: (iso: string) => string;
}

/** A valid IANA time zone name, or null: the browser reports it, so it is checked before Intl sees it. */
export function validTimeZone(tz: string | null | undefined): string | null {
  if (!tz || tz.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(tz)) return null;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return tz;
  } catch {
    return null;
  }
}

const dateCache = new Map<string, { when: Intl.DateTimeFormat; zone: Intl.DateTimeFormat }>();

export function formatDateTime(iso: string, locale: Locale, timeZone: string | null = null): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const tz = validTimeZone(timeZone) ?? "UTC";
  const key = `${locale}|${tz}`;
  let f = dateCache.get(key);
  if (!f) {
    const tag = locale === "zh" ? "zh-CN" : "en-GB";
    f = {
      when: new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: tz }),
      zone: new Intl.DateTimeFormat("en", { timeZone: tz, timeZoneName: "shortOffset" }),
    };
    dateCache.set(key, f);
  }
  const zone = (f.zone.formatToParts(d).find((p) => p.type === "timeZoneName")?.value ?? "UTC")
    .replace(/^GMT/, "UTC")
    .replace(/^UTC[+-]0$/, "UTC");
  return translator(locale)("date.withZone", { date: f.when.format(d), zone });
}

export function formatters(locale: Locale, currency: Currency, timeZone: string | null = null): Formatters {
  return {
    money: (v) => formatMoney(v, currency, locale),
    moneyCompact: (v) => formatMoneyCompact(v, currency, locale),
    price: (v) => formatPrice(v, currency, locale),
    num: (v, digits = 1) => formatNumber(v, locale, digits),
    pct: (v, digits = 0) => formatPercent(v, locale, digits),
    dateTime: (iso) => formatDateTime(iso, locale, timeZone),
  };
}
