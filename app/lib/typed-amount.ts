// Numbers as people type them into a field: "12,000", "12，000", "3%", "¥30", "$8k", "30k", "1.5万", "2亿", "1.2M".
// Shared by the browser and the server (no server-only imports).
import type { Currency } from "~/domain/scenario";

export type AmountKind =
  /** A share shown as a percentage: "3" and "3%" both mean 0.03. */
  | { kind: "percent" }
  /** A share written as a fraction: "0.03" and "3%" both mean 0.03. */
  | { kind: "fraction" }
  | { kind: "money"; currency: Currency }
  | { kind: "number" };

export type AmountResult =
  { ok: true; value: number } | { ok: false; code: "not_number" | "wrong_currency"; params?: Record<string, string> };

// Thousands separators: "12,000", "1 000", "12_000", the full-width comma of Chinese input ("12，000"), thin spaces.
const SEPARATORS = /[,_\s，\u00a0\u2009\u202f']/g;
const CURRENCY_MARKS: [RegExp, Currency][] = [
  [/^(?:US\$|USD|\$)|(?:USD|美元|美金)$/i, "USD"],
  [/^(?:CN¥|RMB|CNY|[¥￥])|(?:元|块|CNY|RMB|人民币)$/i, "CNY"],
];
const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  K: 1e3,
  千: 1e3,
  w: 1e4,
  W: 1e4,
  万: 1e4,
  m: 1e6,
  M: 1e6,
  百万: 1e6,
  亿: 1e8,
  b: 1e9,
  B: 1e9,
};

/** Full-width digits and signs (typed with a Chinese input method) as their ASCII forms. */
function halfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[−–—]/g, "-");
}

export function readAmount(text: string, kind: AmountKind = { kind: "number" }): AmountResult | undefined {
  let s = halfWidth(text).trim().replace(SEPARATORS, "");
  if (s === "") return undefined;
  // A unit after a slash ("30/月", "¥30/month") restates the field's unit.
  s = s.replace(/\/.*$/u, "");
  let currency: Currency | null = null;
  for (const [mark, cur] of CURRENCY_MARKS) {
    if (mark.test(s)) {
      currency = cur;
      s = s.replace(mark, "");
      break;
    }
  }
  const percent = /%$/.test(s);
  if (percent) s = s.slice(0, -1);
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(百万|[kK千wW万mM亿bB])?$/u.exec(s);
  if (!m) return { ok: false, code: "not_number" };
  let value = Number(m[1]) * (m[2] ? MULTIPLIERS[m[2]] : 1);
  if (!Number.isFinite(value)) return { ok: false, code: "not_number" };
  if (currency) {
    if (kind.kind !== "money") return { ok: false, code: "not_number" };
    if (currency !== kind.currency) return { ok: false, code: "wrong_currency", params: { currency: kind.currency } };
  }
  if (percent || kind.kind === "percent") {
    if (kind.kind === "money") return { ok: false, code: "not_number" };
    if (percent || kind.kind === "percent") value /= 100;
  }
  // Percent arithmetic in binary floating point (3 / 100 = 0.030000000000000002) must not leak into a plan.
  return { ok: true, value: Number(value.toPrecision(12)) };
}
