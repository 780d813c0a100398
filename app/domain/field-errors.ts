// What went wrong with a field, as a stable code with parameters, beside the English message the API and the CLI
// print. Views translate the code (app/i18n/field-errors.ts); nothing reads the English message back.
import { z } from "zod";

export type FieldErrorCode =
  | "required"
  | "not_number"
  | "not_integer"
  | "not_text"
  | "not_boolean"
  | "not_object"
  | "negative"
  | "too_small"
  | "too_big"
  | "fraction"
  | "too_long"
  | "too_many"
  | "invalid_option"
  | "unknown_field"
  | "unknown_assumption"
  | "out_of_range"
  | "invalid_key"
  | "not_email"
  | "invalid";

export type FieldErrorParams = Record<string, string | number>;

/** The code and parameters of one zod issue. Custom issues carry theirs in `params` ({ code, ...params }). */
export function issueCode(issue: z.ZodIssue): { code: FieldErrorCode; params?: FieldErrorParams } {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === "undefined") return { code: "required" };
      if (issue.expected === "integer") return { code: "not_integer" };
      if (issue.expected === "number") return { code: "not_number" };
      if (issue.expected === "string") return { code: "not_text" };
      if (issue.expected === "boolean") return { code: "not_boolean" };
      if (issue.expected === "object") return { code: "not_object" };
      return { code: "invalid" };
    case z.ZodIssueCode.not_finite:
      return { code: "not_number" };
    case z.ZodIssueCode.too_small:
      if (issue.type === "string")
        return Number(issue.minimum) <= 1 ? { code: "required" } : { code: "too_small", params: { min: Number(issue.minimum) } };
      if (issue.type === "number" && Number(issue.minimum) === 0) return { code: "negative" };
      return { code: "too_small", params: { min: Number(issue.minimum) } };
    case z.ZodIssueCode.too_big:
      if (issue.type === "string") return { code: "too_long", params: { max: Number(issue.maximum) } };
      if (issue.type === "array" || issue.type === "set") return { code: "too_many", params: { max: Number(issue.maximum) } };
      // Every number capped at 1 in the input is a share (conversion, churn, adoption…).
      if (Number(issue.maximum) === 1) return { code: "fraction" };
      return { code: "too_big", params: { max: Number(issue.maximum) } };
    case z.ZodIssueCode.invalid_union_discriminator:
      return { code: "invalid_option", params: { options: issue.options.map(String).join(", ") } };
    case z.ZodIssueCode.invalid_enum_value:
      return { code: "invalid_option", params: { options: issue.options.join(", ") } };
    case z.ZodIssueCode.unrecognized_keys:
      return { code: "unknown_field" };
    case z.ZodIssueCode.invalid_string:
      return { code: "invalid_key" };
    case z.ZodIssueCode.custom: {
      const { code, ...params } = (issue.params ?? {}) as { code?: FieldErrorCode } & FieldErrorParams;
      return code ? { code, params } : { code: "invalid" };
    }
    default:
      return { code: "invalid" };
  }
}
