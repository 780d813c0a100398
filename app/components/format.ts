// Views format numbers and money here, with the plan's currency; the domain hands over plain numbers.
import type { Currency, Locale } from "~/domain/scenario";
import { formatMoney, formatMoneyCompact, formatNumber, formatPercent } from "~/present/format";

export interface Formatters {
  money: (v: number | null | undefined) => string;
  moneyCompact: (v: number | null | undefined) => string;
  num: (v: number | null | undefined, digits?: number) => string;
  pct: (v: number | null | undefined, digits?: number) => string;
  date: (iso: string) => string;
}

export function formatters(locale: Locale, currency: Currency): Formatters {
  const dates = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return {
    money: (v) => formatMoney(v, currency, locale),
    moneyCompact: (v) => formatMoneyCompact(v, currency, locale),
    num: (v, digits = 1) => formatNumber(v, locale, digits),
    pct: (v, digits = 0) => formatPercent(v, locale, digits),
    date: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : `${dates.format(d)} UTC`;
    },
  };
}
