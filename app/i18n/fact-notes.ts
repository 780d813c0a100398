// A fact's note in the reader's language. The profile and the AI merge store a code (FACT_NOTE_CODES) with its
// parameters, so a plan made in Chinese reads in English and the other way round; business figures store their
// conversion codes (BUSINESS_NOTE_CODES); plans stored before the codes hold English prose, shown as written.
import { FACT_NOTE_CODES, type FactNoteCode, type FactNoteParams } from "~/domain/profile/types";
import { businessNoteText } from "~/i18n/assumption-labels";
import type { MessageKey, Translate } from "~/i18n/translate";
import { formatNumber } from "~/present/format";

export interface NotedFact {
  note?: string;
  noteParams?: FactNoteParams;
}

/** Formats a value of the fact `key` as the views show it (labels for ids, yes/no, units). */
export type ValueFormatter = (key: string, value: unknown) => string;

const isFactNoteCode = (code: string): code is FactNoteCode => (FACT_NOTE_CODES as readonly string[]).includes(code);

/** The note in words: a coded note worded, business codes worded, anything else (old prose) as stored. */
export function factNoteText(key: string, fact: NotedFact | undefined, t: Translate, formatValue: ValueFormatter): string | undefined {
  const note = fact?.note;
  if (!note) return undefined;
  if (!isFactNoteCode(note)) return businessNoteText(note, t.locale);
  const p = fact.noteParams ?? {};
  const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));
  const level = (v: unknown) => (t.has(`factNote.level.${str(v)}`) ? t(`factNote.level.${str(v)}` as MessageKey) : str(v));
  const num = (v: unknown) => (typeof v === "number" ? formatNumber(v, t.locale, 2) : str(v));
  const quoted = (v: unknown) => (t.locale === "zh" ? `「${str(v)}」` : `“${str(v)}”`);
  const factKey = str(p.key) || key;
  const value = (v: unknown) => quoted(formatValue(factKey, v));
  const words = (v: unknown) => t.list((Array.isArray(v) ? v : [v]).map(str).filter(Boolean).map(quoted)) || "—";
  const vars: Record<string, string> = {
    key: t.label("fact", factKey),
    driver: t.label("signal", str(p.driver)),
    level: level(p.level),
    stated: level(p.stated),
    read: level(p.read),
    quote: str(p.quote),
    industry: t.label("industry", str(p.industry)),
    market: t.has(`factNote.market.${str(p.market)}`) ? t(`factNote.market.${str(p.market)}` as MessageKey) : str(p.market),
    period: t.has(`factNote.period.${str(p.period)}`) ? t(`factNote.period.${str(p.period)}` as MessageKey) : str(p.period),
    days: num(p.days),
    total: num(p.total),
    users: num(p.users),
    llm: value(p.llm),
    kept: value(p.kept),
    heuristic: value(p.heuristic),
    words: words(p.words),
  };
  const msg = note === "stakes_floor" && p.read !== undefined ? "factNote.stakes_floor.read" : `factNote.${note}`;
  return t(msg as MessageKey, vars);
}
