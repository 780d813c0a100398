// Words for the figures the estimators compute and explain with a code and parameters (a stated figure converted,
// a week count scaled by the rollout, the reason for a deployment or a model choice). One function per shape.
import type { Locale } from "~/domain/scenario";
import { pick, type LocalizedText } from "~/domain/text";
import { translator } from "~/i18n/translate";

/** What the domain emits to explain a derived figure: a code and the numbers and words it was derived from. */
export interface Derivation {
  code: string;
  params?: Record<string, string | number>;
}

/** The derivation in words; the code itself when the catalogue has no words for it (a plan from a newer engine). */
export function derivationText(d: Derivation, locale: Locale): string {
  const t = translator(locale);
  const key = `derivation.${d.code}`;
  if (!t.has(key)) return d.code;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(d.params ?? {})) params[k] = typeof v === "string" && t.has(v) ? t(v) : v;
  return t(key, params);
}

/** Where an assumption's value came from, in words: its derivation, else its citation (a source in the knowledge base). */
export function assumptionSourceText(a: { derivation?: Derivation; citation?: string }, locale: Locale): string {
  if (a.derivation) return derivationText(a.derivation, locale);
  return a.citation ?? "";
}

/** A reason the domain gives as a derivation, or (plans stored before the codes) in both languages. */
export function reasonText(reason: Derivation | LocalizedText | undefined, locale: Locale): string {
  if (!reason) return "";
  if ("code" in reason) return derivationText(reason, locale);
  return pick(reason, locale);
}
