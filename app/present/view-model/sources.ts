// Sources are cited by number in the tables ("[3]") and listed in full, numbered, in the appendix. A source keeps the
// language it was published in; where it is not in the page's language the views label it (〔英文原文〕, 〔原文〕) and
// mark its other-language words with `lang` (issue 11 item 7). The engine's own references to the profile or the
// input ("profile.usage.users (heuristic)", "business.pricePerUserMonth") are not sources in another language but
// keys: they are named in the page's language.
import type { Locale } from "~/domain/scenario";
import type { Translate } from "~/i18n/translate";
import type { SourceText } from "~/present/view-model/types";

/** Latin words (two letters or more) and Chinese characters: what tells the two languages apart in a source. */
const LATIN_WORD = /[A-Za-z]{2,}/u;
const HAN = /[\u3400-\u9fff]/u;

/** A source as published, with `original` set when it is not (wholly) in the page's language. */
export function sourceText(text: string, locale: Locale): SourceText {
  const [other, own] = locale === "zh" ? [LATIN_WORD, HAN] : [HAN, LATIN_WORD];
  if (!other.test(text)) return { text };
  return { text, original: own.test(text) ? "part" : "whole" };
}

/** The label a source kept in its own language carries: "〔英文原文〕" (wholly in English), "〔原文〕" (partly). */
export function originalLabel(s: SourceText, t: Translate): string {
  return s.original ? t(s.original === "whole" ? "source.original.whole" : "source.original.part") : "";
}

/** The source as one line of text (the PDF and the Markdown): its label, then the words as published. */
export function sourceLine(s: SourceText, t: Translate): string {
  return s.original ? `${originalLabel(s, t)} ${s.text}` : s.text;
}

/**
 * The stretches of a source in the other language than the page's (Latin words on a Chinese page, Chinese on an
 * English one), for a page to mark with `lang`: [text, lang | undefined][].
 */
export function languageRuns(text: string, locale: Locale): [string, Locale | undefined][] {
  const otherRun =
    locale === "zh"
      ? /[A-Za-z][^\u3000-\u303f\u3400-\u9fff\uff00-\uffef]*/gu
      : /[\u3400-\u9fff][\u3000-\u303f\u3400-\u9fff\uff00-\uffef]*/gu;
  const lang: Locale = locale === "zh" ? "en" : "zh";
  const out: [string, Locale | undefined][] = [];
  let at = 0;
  for (const m of text.matchAll(otherRun)) {
    const start = m.index ?? 0;
    if (start > at) out.push([text.slice(at, start), undefined]);
    out.push([m[0], lang]);
    at = start + m[0].length;
  }
  if (at < text.length) out.push([text.slice(at), undefined]);
  return out;
}

/** The engine's references to a profile fact or an input field, named in the page's language; anything else as is. */
export function citationText(text: string, t: Translate): string {
  const profile = /^profile\.(?:[a-z]+\.)?([A-Za-z]+) \((\w+)\)$/u.exec(text);
  if (profile) return t("source.profileFact", { fact: t.label("fact", profile[1]), source: t.label("source", profile[2]) });
  const input = /^business\.([A-Za-z]+)$/u.exec(text);
  if (input && t.has(`form.field.${input[1]}`)) return t("source.inputField", { field: t(`form.field.${input[1]}` as never) });
  return text;
}

/** A provider by the name its readers know it by ("Alibaba Cloud Model Studio (百炼)" is 阿里云百炼 in Chinese). */
export function providerName(name: string, t: Translate): string {
  return t.has(`provider.${name}`) ? t.label("provider", name) : name;
}

export class SourceList {
  private seen = new Map<string, number>();
  private list: string[] = [];
  constructor(private readonly t?: Translate) {}
  add(s: string | undefined | null): string {
    const raw = (s ?? "").trim();
    if (!raw) return "";
    const v = this.t ? citationText(raw, this.t) : raw;
    let n = this.seen.get(v);
    if (n === undefined) {
      this.list.push(v);
      n = this.list.length;
      this.seen.set(v, n);
    }
    return `[${n}]`;
  }
  refs(list: readonly (string | undefined | null)[]): string {
    return [...new Set(list.map((s) => this.add(s)).filter(Boolean))].join(" ");
  }
  values(): string[] {
    return [...this.list];
  }
  /** The list as the views show it, each source with its language label when it is not in the page's language. */
  texts(): SourceText[] {
    return this.list.map((s) => sourceText(s, this.t?.locale ?? "en"));
  }
}
