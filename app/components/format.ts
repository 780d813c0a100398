// Views format numbers and money here, with the plan's currency; the domain hands over plain numbers.
import type { Currency, Locale } from "~/domain/scenario";
import { formatMoney, formatNumber, formatPercent } from "~/report/format";

export interface Formatters {
  money: (v: number | null | undefined) => string;
  moneyCompact: (v: number | null | undefined) => string;
  num: (v: number | null | undefined, digits?: number) => string;
  pct: (v: number | null | undefined, digits?: number) => string;
  date: (iso: string) => string;
}

// Node's ICU and the browser's disagree on the default fraction digits of compact currency ("$60.0K" vs "$60K"),
// which breaks hydration; pinning both bounds makes server and browser print the same string.
function compactMoney(value: number | null | undefined, currency: Currency, locale: Locale): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "—";
  if (Math.abs(value) < 10_000) return formatMoney(value, currency, locale);
  return new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", { style: "currency", currency, notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(value);
}

export function formatters(locale: Locale, currency: Currency): Formatters {
  const dates = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return {
    money: (v) => formatMoney(v, currency, locale),
    moneyCompact: (v) => compactMoney(v, currency, locale),
    num: (v, digits = 1) => formatNumber(v, locale, digits),
    pct: (v, digits = 0) => formatPercent(v, locale, digits),
    date: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : `${dates.format(d)} UTC`;
    },
  };
}
