// Words for what the estimators and the business lexicon emit as keys and codes: assumption keys (also the keys of
// the sensitivity drivers), data needs, cost lines, work volumes, business-fact derivation notes and revenue models.
// The domain never writes prose; views call these. The words live in the one catalogue (app/i18n/catalog).
import type { Locale } from "~/domain/scenario";
import { pick, type LocalizedText } from "~/domain/text";
import { translator } from "~/i18n/translate";

type Params = Record<string, string | number>;

/** The catalogue's words for `kind.id`, else the plan's own label (plans stored before the codes), else the id. */
function word(kind: "assumption" | "dataNeed" | "costLine", id: string, locale: Locale, legacy?: LocalizedText): string {
  const t = translator(locale);
  if (t.has(`${kind}.${id}`)) return t.label(kind, id);
  return legacy ? pick(legacy, locale) : id;
}

/** The label of an assumption key, e.g. `finance.pricePerUserMonth` → "Price per user per month". */
export function assumptionLabel(key: string, locale: Locale, legacy?: LocalizedText): string {
  return word("assumption", key, locale, legacy);
}

export function dataNeedLabel(id: string, locale: Locale, legacy?: LocalizedText): string {
  return word("dataNeed", id, locale, legacy);
}

export function costLineLabel(id: string, locale: Locale, legacy?: LocalizedText): string {
  return word("costLine", id, locale, legacy);
}

/** The work that sized a phase ("documents to prepare"), from its kind and parameters. */
export function workVolumeLabel(volume: { kind?: string; params?: Params; label?: LocalizedText }, locale: Locale): string {
  const t = translator(locale);
  if (volume.kind && t.has(`workVolume.${volume.kind}`)) return t(`workVolume.${volume.kind}` as Parameters<typeof t>[0], volume.params);
  return volume.label ? pick(volume.label, locale) : "";
}

/** A business fact's note: derivation codes joined by "; " become words; anything else is shown as is. */
export function businessNoteText(note: string | undefined, locale: Locale): string | undefined {
  if (!note) return undefined;
  const t = translator(locale);
  const parts = note.split(/;\s*/u).filter(Boolean);
  if (!parts.every((p) => t.has(`businessNote.${p}`))) return note;
  return parts.map((p) => t.label("businessNote", p)).join(locale === "zh" ? "；" : "; ");
}

export function revenueModelLabel(model: string, locale: Locale): string {
  return translator(locale).label("revenueModel", model);
}

/** What a quality band measures (`execution_accuracy` → "queries that return the right result"); the code if unknown. */
export function qualityMetricLabel(metric: string, locale: Locale): string {
  return translator(locale).label("qualityMetric", metric);
}

/** The largest scope that fits the stated constraints, in a sentence (`constraintScope.prompt_only`). */
export function constraintScopeText(code: string, locale: Locale): string {
  return translator(locale).label("constraintScope", code);
}

/** Why a plan without revenue is still worth doing (`value.public_service` → "A public service: …"). */
export function valueStatementText(code: string, locale: Locale): string {
  return translator(locale).label("valueStatement", code.replace(/^value\./u, ""));
}
