// A form post through one zod schema: FormData → a typed value, or the field errors in the reader's language with the
// field's name in them. The route actions that take several kinds of post (account, workspace, the plan page, the
// list's manage menu) give their schema as a discriminated union on `intent`; the errors are the same FieldError
// codes the scenario form and the API use (zodErrors), worded by app/i18n/field-errors.ts.
import { z } from "zod";
import { zodErrors, type FieldError } from "~/domain/scenario";
import { fieldErrorText } from "~/i18n/field-errors";
import type { MessageKey, Translate } from "~/i18n/translate";

/** A file where text was expected: kept as a marker (never read), so the schema refuses it as "must be text". */
const FILE = Object.freeze({ file: true });

/** FormData → a plain object: a name sent once is its string, sent several times the list of them. */
export function formFields(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const [name, v] of form.entries()) {
    const value = typeof v === "string" ? v : FILE;
    const was = out[name];
    out[name] = was === undefined ? value : Array.isArray(was) ? [...was, value] : [was, value];
  }
  return out;
}

export type ParsedForm<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function parseForm<S extends z.ZodTypeAny>(schema: S, form: FormData): ParsedForm<z.output<S>> {
  const parsed = schema.safeParse(formFields(form));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: zodErrors(parsed.error) };
}

/** A text field: a string of at most `max` characters (a list or a file is "must be text"). */
export const text = (max: number) => z.string().max(max);
/** Several values of one name (checkboxes, tags): one string or a list of them. */
export const texts = (max: number, count: number) =>
  z.union([
    z
      .string()
      .max(max)
      .transform((s) => [s]),
    z.array(z.string().max(max)).max(count),
  ]);

/** A whole number from 1 as a form posts it ("3"); anything else is "must be a whole number". */
export const positiveInteger = () =>
  text(12).transform((v, ctx) => {
    const n = Number(v);
    if (v.trim() !== "" && Number.isInteger(n) && n >= 1) return n;
    ctx.addIssue({ code: z.ZodIssueCode.custom, params: { code: "not_integer" } });
    return z.NEVER;
  });

/** The message for the first field error, the field named by its label in the page's language ("Role: is not one of the choices"). */
export function namedFieldError(
  errors: FieldError[],
  t: Translate,
  labels: Record<string, MessageKey>,
): { field: string; message: string } {
  const e = errors[0] ?? { path: "(root)", message: "is not valid", code: "invalid" as const };
  const field = e.path.split(".")[0];
  const label = labels[field];
  return { field, message: t("form.fieldError", { field: label ? t(label) : field, message: fieldErrorText(e, t) }) };
}
