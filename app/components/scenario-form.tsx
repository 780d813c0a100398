import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Locale } from "~/domain/scenario";
import type { LabelKind, MessageKey, Translate } from "~/i18n/translate";
import {
  ASSUMPTIONS_FIELD,
  BUSINESS_GROUPS,
  CONSTRAINT_FIELDS,
  DATA_FIELDS,
  LIST_FIELDS,
  MONEY_FIELDS,
  SELECT_FIELDS,
  USAGE_FIELDS,
  type FormValues,
} from "~/lib/scenario-form";

export interface ScenarioFormProps {
  t: Translate;
  locale: Locale;
  values: FormValues;
  /** Field errors by dotted path, already in the page's language. */
  errors: Record<string, string>;
  submitLabel: string;
  /** Extra controls placed just above the submit button (the optional AI analysis step plugs in here). */
  beforeSubmit?: ReactNode;
  /** Hidden fields the page needs to round-trip (e.g. the template id). */
  hidden?: Record<string, string>;
}

const one = (values: FormValues, key: string): string => {
  const v = values[key];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
};
const many = (values: FormValues, key: string): string[] => {
  const v = values[key];
  return Array.isArray(v) ? v : v ? [v] : [];
};
/** The key of an error about the whole form rather than one field. */
export const FORM_ERROR = "(form)";

const fieldId = (name: string) => `f-${name.replace(/\./g, "-")}`;

function ErrorText({ name, errors }: { name: string; errors: Record<string, string> }) {
  const e = errors[name];
  return e ? (
    <p className="field-error" id={`${fieldId(name)}-error`} role="alert">
      {e}
    </p>
  ) : null;
}

function describedBy(name: string, errors: Record<string, string>, hint?: boolean): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : "", errors[name] ? `${fieldId(name)}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/**
 * The scenario form: a plain POST form (works without JavaScript), every input named by its dotted input path,
 * errors printed beside their field, and the values the user typed put back after an error.
 */
export function ScenarioForm({ t, locale, values, errors, submitLabel, beforeSubmit, hidden = {} }: ScenarioFormProps) {
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  const field = (name: string, labelKey: MessageKey, input: ReactNode, hint?: string) => (
    <div className={errors[name] ? "field field--error" : "field"}>
      <label htmlFor={fieldId(name)}>{t(labelKey)}</label>
      {input}
      {hint ? (
        <span className="hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </span>
      ) : null}
      <ErrorText name={name} errors={errors} />
    </div>
  );
  const select = (name: keyof typeof SELECT_FIELDS, labelKey: MessageKey, kind: LabelKind | null, emptyKey: MessageKey = "form.infer") =>
    field(
      name,
      labelKey,
      <select
        id={fieldId(name)}
        name={name}
        defaultValue={one(values, name)}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(name, errors)}
      >
        <option value="">{t(emptyKey)}</option>
        {SELECT_FIELDS[name].map((v) => (
          <option key={v} value={v}>
            {kind ? t.label(kind, v) : v}
          </option>
        ))}
      </select>,
    );
  const number = (name: string, labelKey: MessageKey, suffix?: string) =>
    field(
      name,
      labelKey,
      <input
        id={fieldId(name)}
        name={name}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        defaultValue={one(values, name)}
        placeholder={suffix}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(name, errors)}
      />,
    );
  const checks = (name: keyof typeof LIST_FIELDS, labelKey: MessageKey, kind: LabelKind) => {
    const chosen = new Set(many(values, name));
    return (
      <fieldset className={errors[name] ? "field--error" : undefined} aria-describedby={describedBy(name, errors)}>
        <legend>{t(labelKey)}</legend>
        <div className="checks">
          {LIST_FIELDS[name].map((v) => (
            <label key={v} className="check">
              <input type="checkbox" name={name} value={v} defaultChecked={chosen.has(v)} />
              {t.label(kind, v)}
            </label>
          ))}
        </div>
        <ErrorText name={name} errors={errors} />
      </fieldset>
    );
  };
  const detailKeys = Object.keys(values).filter((k) => !["title", "description", "locale", ASSUMPTIONS_FIELD].includes(k));
  const hasErrors = Object.keys(errors).length > 0;
  const detailsOpen =
    detailKeys.some((k) => many(values, k).some((v) => v !== "")) ||
    Object.keys(errors).some((k) => k !== "description" && k !== "title" && k !== FORM_ERROR);
  const currency = one(values, "business.currency") || (locale === "zh" ? "CNY" : "USD");

  return (
    <Form method="post" className="form-layout" noValidate data-testid="scenario-form">
      {hasErrors ? (
        // The GOV.UK pattern: focus moves to a summary that names each field and links to it.
        <div className="notice notice--error error-summary" role="alert" data-testid="form-errors" tabIndex={-1} autoFocus>
          {/* An answer about the whole form (e.g. the plan limit) is said on its own, not as a field to fix. */}
          {errors[FORM_ERROR] ? <p data-testid="form-error">{errors[FORM_ERROR]}</p> : null}
          {Object.keys(errors).some((k) => k !== FORM_ERROR) ? <p>{t("form.errors")}</p> : null}
          <ul hidden={Object.keys(errors).every((k) => k === FORM_ERROR)}>
            {Object.entries(errors)
              .filter(([name]) => name !== FORM_ERROR)
              .map(([name, message]) => {
                const leaf = name.split(".").pop() ?? name;
                const key = `form.field.${leaf}`;
                return (
                  <li key={name}>
                    <a href={`#${fieldId(name)}`}>
                      {t.has(key) ? t(key) : name}: {message}
                    </a>
                  </li>
                );
              })}
          </ul>
        </div>
      ) : null}
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {values[ASSUMPTIONS_FIELD] ? <input type="hidden" name={ASSUMPTIONS_FIELD} value={one(values, ASSUMPTIONS_FIELD)} /> : null}
      <div className="card">
        <h2>{t("form.section.describe")}</h2>
        {field(
          "description",
          "form.field.description",
          <textarea
            id={fieldId("description")}
            name="description"
            rows={7}
            required
            defaultValue={one(values, "description")}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={describedBy("description", errors, true)}
          />,
          t("form.field.descriptionHint"),
        )}
        <div className="grid-2">
          {field(
            "title",
            "form.field.title",
            <input
              id={fieldId("title")}
              name="title"
              type="text"
              defaultValue={one(values, "title")}
              aria-invalid={errors.title ? true : undefined}
              aria-describedby={describedBy("title", errors, true)}
            />,
            t("form.field.titleHint"),
          )}
          {select("locale", "form.field.locale", "locale")}
        </div>
      </div>

      <details className="card disclosure" open={detailsOpen || undefined}>
        <summary>{t("form.section.details")}</summary>
        <p className="muted small">{t("form.section.detailsHint")}</p>
        <div className="fields-grid">
          {select("industry", "form.field.industry", "industry")}
          {select("market", "form.field.market", "market")}
          {select("stakes", "form.field.stakes", "stakes")}
          {select("humanReview", "form.field.humanReview", "humanReview")}
          {select("deployment", "form.field.deployment", "deployment")}
        </div>
        {checks("tasks", "form.field.tasks", "task")}
        {checks("knowledge", "form.field.knowledge", "knowledge")}
        <div className={errors.replacesSystemOfRecord ? "field field--error" : "field"}>
          <label htmlFor={fieldId("replacesSystemOfRecord")}>{t("form.field.replacesSystemOfRecord")}</label>
          <select
            id={fieldId("replacesSystemOfRecord")}
            name="replacesSystemOfRecord"
            defaultValue={one(values, "replacesSystemOfRecord")}
            className="select-narrow"
          >
            <option value="">{t("form.infer")}</option>
            <option value="true">{t("form.yes")}</option>
            <option value="false">{t("form.no")}</option>
          </select>
          <ErrorText name="replacesSystemOfRecord" errors={errors} />
        </div>
        <fieldset>
          <legend>{t("form.section.data")}</legend>
          <div className="fields-grid">
            {DATA_FIELDS.map((k) => (
              <div key={k}>{number(`data.${k}`, `form.field.${k}` as MessageKey)}</div>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("form.section.usage")}</legend>
          <div className="fields-grid">
            {USAGE_FIELDS.map((k) => (
              <div key={k}>{number(`usage.${k}`, `form.field.${k}` as MessageKey)}</div>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("form.section.business")}</legend>
          <p className="muted small">{t("form.section.businessHint")}</p>
          <div className="fields-grid">
            {select("business.currency", "form.field.currency", "currency", "form.unset")}
            {select("business.revenueModel", "form.field.revenueModel", "revenueModel")}
          </div>
          {(Object.keys(BUSINESS_GROUPS) as (keyof typeof BUSINESS_GROUPS)[]).map((group) => (
            <div key={group}>
              <h3 className="small">{t(`form.section.${group}` as MessageKey)}</h3>
              <div className="fields-grid">
                {BUSINESS_GROUPS[group].map((k) => (
                  <div key={k}>{number(`business.${k}`, `form.field.${k}` as MessageKey, MONEY_FIELDS.has(k) ? currency : undefined)}</div>
                ))}
              </div>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("form.section.constraints")}</legend>
          <p className="muted small">{t("form.section.constraintsHint")}</p>
          <div className="fields-grid">
            {CONSTRAINT_FIELDS.map((k) => (
              <div key={k}>{number(`constraints.${k}`, `form.field.${k}` as MessageKey, MONEY_FIELDS.has(k) ? currency : undefined)}</div>
            ))}
          </div>
        </fieldset>
      </details>

      {beforeSubmit}
      <div className="actions">
        <button type="submit" disabled={submitting} data-testid="submit-scenario">
          {submitting ? t("form.submitting") : submitLabel}
        </button>
      </div>
    </Form>
  );
}
