// Transitional: the web pages' old entry point, now backed by the one catalogue (app/i18n/catalog). Removed once
// every caller uses ~/i18n/translate directly.
import type { Locale } from "~/domain/scenario";
import { en, type Catalog, type MessageKey } from "~/i18n/catalog/en";
import { zh } from "~/i18n/catalog/zh";
import { translator as catalogTranslator, type Vars } from "~/i18n/translate";

export type { MessageKey };
export type Messages = Catalog;
export const MESSAGES: Record<Locale, Catalog> = { en, zh };
export type Translate = (key: MessageKey, vars?: Vars) => string;

export function translator(locale: Locale): Translate {
  return catalogTranslator(locale);
}
