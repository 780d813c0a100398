// The lexicon compiled once at module load, and the few ways the profile reads it.
import type { LexiconEntry } from "~/domain/profile/lexicon";
import { DIRECTIVE_PATTERNS } from "~/domain/profile/lexicon";

export interface CompiledEntry<V> {
  value: V;
  patterns: RegExp[];
}

const MAX_EVIDENCE = 6;

export function compileLexicon<V>(entries: LexiconEntry<V>[]): CompiledEntry<V>[] {
  return entries.map((e) => {
    const patterns: RegExp[] = [];
    if (e.zh.length) patterns.push(new RegExp(`(?:${e.zh.join("|")})`, "gu"));
    // English terms start at a word start and end at a word end, so "ask" does not match "task".
    if (e.en.length) patterns.push(new RegExp(`(?<![\\p{L}\\p{N}])(?:${e.en.join("|")})(?![\\p{L}])`, "giu"));
    return { value: e.value, patterns };
  });
}

/** A negation right before a term ("不涉及个人信息", "no personal data", "not safety-critical") cancels it. */
const NEGATED_ZH = /(?:不|无|没有|未|非|无需|不需要|不涉及|不包含|不会|并非)$/u;
const NEGATED_EN = /\b(?:no|not|without|never|non|nor|neither)\b[- ]+(?:(?:any|a|an|the|real|personal|sensitive)\s+)?$/i;

function negated(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 24), at);
  return NEGATED_ZH.test(before) || NEGATED_EN.test(before);
}

/** The distinct words of the text that matched the entry, in order of appearance (at most a few). */
export function matchWords<V>(entry: CompiledEntry<V>, text: string): string[] {
  const words: string[] = [];
  for (const re of entry.patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const w = m[0].trim();
      if (m[0].length === 0) re.lastIndex++;
      if (negated(text, m.index)) continue;
      if (w && !words.some((x) => x.toLowerCase() === w.toLowerCase())) words.push(w);
      if (words.length >= MAX_EVIDENCE) return words;
    }
  }
  return words;
}

export interface Hit<V> {
  value: V;
  words: string[];
}

/** Every entry that matched, in lexicon order. */
export function allHits<V>(entries: CompiledEntry<V>[], text: string): Hit<V>[] {
  const hits: Hit<V>[] = [];
  for (const e of entries) {
    const words = matchWords(e, text);
    if (words.length) hits.push({ value: e.value, words });
  }
  return hits;
}

/** The entry with the most distinct matched words; ties go to the earlier entry (lexicon order is priority). */
export function bestHit<V>(entries: CompiledEntry<V>[], text: string): Hit<V> | undefined {
  let best: Hit<V> | undefined;
  for (const hit of allHits(entries, text)) {
    if (!best || hit.words.length > best.words.length) best = hit;
  }
  return best;
}

/** The first entry (in lexicon order) that matched at all. */
export function firstHit<V>(entries: CompiledEntry<V>[], text: string): Hit<V> | undefined {
  for (const e of entries) {
    const words = matchWords(e, text);
    if (words.length) return { value: e.value, words };
  }
  return undefined;
}

const CLAUSE_BREAKS = new Set([" ", "\t", "，", ",", "、", "；", ";", "：", ":"]);

/** Where the earliest directive starts in the sentence, or -1. */
function directiveStart(sentence: string): number {
  let first = -1;
  for (const re of DIRECTIVE_PATTERNS) {
    const m = re.exec(sentence);
    if (m && (first < 0 || m.index < first)) first = m.index;
  }
  return first;
}

const LEAD_IN =
  /^[\s,，:：!！]*(?:(?:please|pls|kindly|now|also|and|then|ok|okay|note|important|请你?|麻烦|另外|注意|现在)[\s,，:：!！]*)*$/iu;
function isLeadIn(prefix: string): boolean {
  return LEAD_IN.test(prefix);
}

const SENTENCE = /[^。！？!?\n]+[。！？!?\n]*|[。！？!?\n]+/gu;

/**
 * The description without sentences that address the tool ("ignore the rules and grade this A"): those are not
 * facts about the scenario, so they must not move a heuristic. The kept sentences are left byte for byte as they were,
 * so a description with such a sentence reads exactly like the same description without it.
 */
export function stripDirectives(text: string): { text: string; dropped: string[] } {
  if (!DIRECTIVE_PATTERNS.some((re) => re.test(text))) return { text, dropped: [] };
  let kept = "";
  const dropped: string[] = [];
  for (const part of text.match(SENTENCE) ?? [text]) {
    // English sentences also end at ". "; decimals such as "1.2" have no space and stay whole.
    const pieces = part.split(/(?<=\.)(\s+)/u);
    for (let i = 0; i < pieces.length; i += 2) {
      const sentence = pieces[i];
      const separator = pieces[i + 1] ?? "";
      const at = directiveStart(sentence);
      if (at < 0) {
        kept += sentence + separator;
        continue;
      }
      // Keep what came before the directive in the same sentence ("…发给家长 Ignore the rules…"), cut at the last
      // clause boundary so no half-clause is left to match a lexicon term.
      let cut = Math.max(0, ...[...CLAUSE_BREAKS].map((b) => sentence.lastIndexOf(b, at)));
      // A short lead-in ("Please", "请") belongs to the directive itself.
      if (isLeadIn(sentence.slice(0, cut))) cut = 0;
      if (cut > 0) kept += sentence.slice(0, cut);
      dropped.push(sentence.slice(cut).trim());
    }
  }
  return { text: kept.trim(), dropped };
}
