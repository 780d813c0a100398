// The one way to turn a catalogue key (or a vocabulary id) into words, on the server and in the browser alike.
import type { Locale } from "~/domain/scenario";
import type { LocalizedText } from "~/domain/text";
import { en, type Catalog, type MessageKey } from "~/i18n/catalog/en";
import { zh } from "~/i18n/catalog/zh";

export type { MessageKey };
export type Vars = Record<string, string | number>;

const CATALOGS: Record<Locale, Catalog> = { en, zh };

/** The id families of the vocabulary that have labels in the catalogue (`verdict.go`, `tier.1`, `fact.users`…). */
export type LabelKind =
  | "industry"
  | "market"
  | "task"
  | "knowledge"
  | "stakes"
  | "humanReview"
  | "deployment"
  | "locale"
  | "feedbackMode"
  | "source"
  | "fact"
  | "verdict"
  | "tier"
  | "dimension"
  | "costCategory"
  | "financeModel"
  | "severity"
  | "reasonKind"
  | "llmOutcome"
  | "revenueModel"
  | "businessNote"
  | "assumption"
  | "dataNeed"
  | "costLine"
  | "workVolume"
  | "derivation"
  | "qualityMetric"
  | "constraintScope"
  | "valueStatement"
  | "currency"
  | "constraint"
  | "affects"
  | "signal"
  | "regulatedUse"
  | "jurisdiction"
  | "clearance"
  | "valueKind"
  | "fineTuneMethod"
  | "provider";

export interface Translate {
  (key: MessageKey, vars?: Vars): string;
  readonly locale: Locale;
  /** The label of a vocabulary id; the id itself when the catalogue has none (a value from a newer engine). */
  label(kind: LabelKind, id: string | number | undefined | null): string;
  /** Whether `key` names a message: for keys built at run time (`form.field.${name}`). */
  has(key: string): key is MessageKey;
  /** Text the knowledge base or the engine carries in both languages, in this locale (the other one if empty). */
  pick(text: LocalizedText | undefined | null, fallback?: string): string;
  /** A list joined the way the language joins lists ("、" or ", "). */
  list(items: readonly string[]): string;
}

export function fill(template: string, vars?: Vars): string {
  return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : template;
}

const cache = new Map<Locale, Translate>();

export function translator(locale: Locale): Translate {
  const hit = cache.get(locale);
  if (hit) return hit;
  const table = CATALOGS[locale];
  const has = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(en, key);
  // One plural form where English needs it: `key.one` is used when `n` is 1 ("1 week", not "1 weeks").
  const t = ((key: MessageKey, vars?: Vars) => {
    const one = vars && String(vars.n) === "1" && has(`${key}.one`) ? table[`${key}.one` as MessageKey] : undefined;
    return fill(one ?? table[key] ?? en[key] ?? key, vars);
  }) as Translate;
  Object.assign(t, {
    locale,
    has,
    label: (kind: LabelKind, id: string | number | undefined | null) => {
      if (id === undefined || id === null || id === "") return "";
      const key = `${kind}.${id}`;
      return has(key) ? table[key] : String(id);
    },
    pick: (text: LocalizedText | undefined | null, fallback = "") => (text ? text[locale] || text.en || text.zh || fallback : fallback),
    list: (items: readonly string[]) => items.join(locale === "zh" ? "、" : ", "),
  });
  cache.set(locale, t);
  return t;
}
