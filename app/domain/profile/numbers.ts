// Numbers as people write them in scenario descriptions: "50,000", "5万", "五万份", "20 万条", "3k", "1.2亿", "两千".

export interface NumberMatch {
  value: number;
  /** Offsets in the text, end exclusive. */
  start: number;
  end: number;
  raw: string;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

const SUFFIX_MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  w: 1e4,
  十: 10,
  百: 100,
  千: 1e3,
  万: 1e4,
  十万: 1e5,
  百万: 1e6,
  千万: 1e7,
  亿: 1e8,
};

/**
 * Arabic digits with thousands separators or a decimal point, then an optional multiplier. Latin multipliers must
 * not run into a word ("3 kg", "5 months" are not thousands or millions). `+`, `多`, `余` ("1,000+ 老师", "1000多") are
 * approximations and are swallowed so that the unit that follows is next to the number.
 */
const ARABIC = new RegExp(
  String.raw`(\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)` +
    String.raw`(?:\s*(十万|百万|千万|[十百千万亿])|\s?(thousand|million|billion|mn|bn|[kKmMbBwW])(?![a-zA-Z]))?` +
    String.raw`(\s*(?:\+|多|余))?`,
  "gu",
);
/** A Chinese numeral must start with a digit or 十 so that words like 千万 ("by all means") are not read alone. */
const CHINESE = /[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*(多|余)?/gu;

/** "五万" → 50000, "两千三百" → 2300, "十二" → 12, "一亿二千万" → 120000000. NaN if it is not a numeral. */
export function parseChineseNumeral(text: string): number {
  let total = 0;
  let section = 0;
  let digit = 0;
  let sawAny = false;
  for (const ch of text) {
    if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch];
      sawAny = true;
    } else if (ch in CN_SMALL_UNITS) {
      // "十二" means 12: a bare 十 counts as one ten.
      section += (digit === 0 ? 1 : digit) * CN_SMALL_UNITS[ch];
      digit = 0;
      sawAny = true;
    } else if (ch in CN_BIG_UNITS) {
      const unit = CN_BIG_UNITS[ch];
      section += digit;
      // 亿 applies to everything before it, 万 only to the current section.
      if (unit === 1e8) {
        total = (total + section) * unit;
      } else {
        total += section * unit;
      }
      section = 0;
      digit = 0;
      sawAny = true;
    } else {
      return Number.NaN;
    }
  }
  return sawAny ? total + section + digit : Number.NaN;
}

/** One number token such as "50,000", "5万", "3k", "1.2亿", "五万", "两千". NaN when it is not a number. */
export function parseNumber(token: string): number {
  const all = findNumbers(token.trim());
  return all.length === 1 && all[0].start === 0 && all[0].end === token.trim().length ? all[0].value : Number.NaN;
}

/** The run of name characters right before `at` ("Qwen2.5-" before "72B") holds a Latin letter. */
function partOfName(text: string, at: number): boolean {
  let i = at - 1;
  if (i >= 0 && /[A-Za-z_]/.test(text[i])) return true;
  while (i >= 0 && /[A-Za-z0-9_.-]/.test(text[i])) {
    if (/[A-Za-z]/.test(text[i])) return true;
    i--;
  }
  return false;
}

/** Every number in the text, left to right, with its offsets. */
export function findNumbers(text: string): NumberMatch[] {
  const found: NumberMatch[] = [];
  ARABIC.lastIndex = 0;
  for (let m = ARABIC.exec(text); m; m = ARABIC.exec(text)) {
    // A digit glued to a Latin letter is part of a name ("GPT4", "A100", "H100-80G"), and so is one joined to a name
    // by a hyphen or dot ("GPT-4", "Qwen-72B", "Qwen2.5-72B", "Llama-3.1"): not a quantity.
    if (partOfName(text, m.index)) continue;
    const base = Number(m[1].replace(/[,，]/g, ""));
    const suffix = (m[2] ?? m[3] ?? "").toLowerCase();
    const value = base * (suffix ? (SUFFIX_MULTIPLIERS[suffix] ?? 1) : 1);
    if (Number.isFinite(value)) found.push({ value, start: m.index, end: m.index + m[0].length, raw: m[0] });
  }
  CHINESE.lastIndex = 0;
  for (let m = CHINESE.exec(text); m; m = CHINESE.exec(text)) {
    const numeral = m[1] ? m[0].slice(0, -1) : m[0];
    const value = parseChineseNumeral(numeral);
    if (Number.isFinite(value)) found.push({ value, start: m.index, end: m.index + m[0].length, raw: m[0] });
  }
  // Arabic digits followed by a Chinese unit ("5万") were matched whole by ARABIC; drop overlapping Chinese matches.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: NumberMatch[] = [];
  let lastEnd = -1;
  for (const n of found) {
    if (n.start >= lastEnd) {
      result.push(n);
      lastEnd = n.end;
    }
  }
  return result;
}
