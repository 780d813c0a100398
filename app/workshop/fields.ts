// What people type when they manage scenarios: a new title and tags. Read the same way by the list page, the plan
// page and any API, with errors as codes the catalogue words (like every other field error).
import { LIMITS } from "~/domain/scenario";

export const TAG_MAX_CHARS = 32;
export const TAGS_MAX = 10;
/** A scenario's suffix when it is copied as a what-if, by the page's language. */
export const WHAT_IF_SUFFIX = { en: " (what-if)", zh: "（假设）" } as const;

export type FieldResult<T> =
  { ok: true; value: T } | { ok: false; code: "required" | "too_long" | "too_many" | "invalid"; params?: Record<string, number | string> };

// eslint-disable-next-line no-control-regex -- control and bidi-override characters never belong in a title or tag
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function readTitle(raw: unknown): FieldResult<string> {
  const text = typeof raw === "string" ? raw.replace(CONTROL, " ").replace(/\s+/g, " ").trim() : "";
  if (!text) return { ok: false, code: "required" };
  if (Array.from(text).length > LIMITS.titleMax) return { ok: false, code: "too_long", params: { max: LIMITS.titleMax } };
  return { ok: true, value: text };
}

/** Letters and digits of any script, spaces and a few joiners: a tag is a word or two, not markup. */
const TAG_CHARS = /^[\p{L}\p{N}\p{M} ._\-+&#/]+$/u;

/** The key tags are matched by: lower-cased the same way on every server, whatever the database does. */
export const tagKey = (tag: string) => tag.toLowerCase();

/** "a, b；c、d" or several values → distinct tags in the order typed (the first spelling of a tag wins). */
export function readTags(raw: unknown): FieldResult<string[]> {
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string");
  const parts = values
    .flatMap((v) => v.split(/[,，;；、\n]/))
    .map((t) => t.replace(CONTROL, " ").replace(/\s+/g, " ").trim())
    .filter(Boolean);
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const t of parts) {
    if (Array.from(t).length > TAG_MAX_CHARS) return { ok: false, code: "too_long", params: { max: TAG_MAX_CHARS } };
    if (!TAG_CHARS.test(t)) return { ok: false, code: "invalid", params: { value: t } };
    if (seen.has(tagKey(t))) continue;
    seen.add(tagKey(t));
    tags.push(t);
  }
  if (tags.length > TAGS_MAX) return { ok: false, code: "too_many", params: { max: TAGS_MAX } };
  return { ok: true, value: tags };
}
