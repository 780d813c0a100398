// Field errors in the reader's language, from their code and parameters (never from the English message).
import type { FieldError } from "~/domain/scenario";
import { formatNumber } from "~/present/format";
import type { Translate } from "~/i18n/translate";

/** The message for one field error; numbers in it are formatted for the locale ("1,000,000,000,000"). */
export function fieldErrorText(error: Pick<FieldError, "code" | "params" | "message">, t: Translate): string {
  const key = `fieldError.${error.code ?? ""}`;
  if (!error.code || !t.has(key)) return t.locale === "en" ? error.message : t("fieldError.invalid");
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(error.params ?? {})) vars[k] = typeof v === "number" ? formatNumber(v, t.locale, 6) : v;
  return t(key, vars);
}

/** Field errors by dotted path, translated; a list item's error (`tasks.0`) lands on the list. */
export function fieldErrorsByPath(errors: FieldError[], t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.path.replace(/\.\d+$/, "")] ??= fieldErrorText(e, t);
  return out;
}
