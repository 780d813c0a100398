import type { Locale } from "~/domain/scenario";

/** Text the domain produces or the knowledge base holds, in both languages; views pick one. */
export interface LocalizedText {
  zh: string;
  en: string;
}

export function pick(text: LocalizedText, locale: Locale): string {
  return text[locale] || text.en || text.zh;
}
