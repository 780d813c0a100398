// Words for what the estimators and the business lexicon emit as keys and codes: business-fact derivation notes,
// revenue models, and (as the estimators move to codes) assumption keys, roles, phases and cost lines. The domain
// never writes prose; views call these. The words themselves live in the one catalogue (app/i18n/catalog).
import type { Locale } from "~/domain/scenario";
import { translator } from "~/i18n/translate";

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
