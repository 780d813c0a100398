// The assumptions editor of the owner's page: the drivers that move the money most first, the rest grouped and
// collapsible, the unit inside each field, values read as people type them ("3%", "¥30", "1.5万"). A plain POST form:
// it works without JavaScript. Saving recomputes the plan as a new version and keeps the reader where they were; an
// error keeps the page, names the field beside it, lists it at the top of the editor and moves focus there.
import { Form, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { SourceTextView } from "~/components/plan/blocks";
import type { Translate } from "~/i18n/translate";
import type { AssumptionGroupView, AssumptionItem } from "~/present/view-model/types";

/** Form field name of one assumption: the key after a prefix that cannot clash with other fields. */
export const ASSUMPTION_FIELD_PREFIX = "a:";

/** The element id of an assumption's row and field (the target of "assumed" links and error links). */
export const assumptionAnchor = (key: string) => `a-${key.replace(/[^A-Za-z0-9_-]/g, "-")}`;

export interface EditorState {
  /** Where the form posts (the plan page without ?saved, so an error page never shows a stale "saved"). */
  action: string;
  version: number;
  errors?: Record<string, string>;
  values?: Record<string, string>;
}

export function AssumptionsEditor({ groups, t, state }: { groups: AssumptionGroupView[]; t: Translate; state: EditorState }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "assumptions";
  const errors = state.errors ?? {};
  const errorKeys = Object.keys(errors);
  // With JavaScript, focus goes to the first field in error (the summary lists the others).
  useEffect(() => {
    if (!errorKeys.length) return;
    const first = document.getElementById(`${assumptionAnchor(errorKeys[0])}-input`) as HTMLInputElement | null;
    first?.focus();
    first?.scrollIntoView({ block: "center" });
  }, [errorKeys.join("|")]);
  const label = new Map(groups.flatMap((g) => g.items.map((i) => [i.key, i.label] as const)));
  return (
    <Form method="post" action={state.action} preventScrollReset id="assumptions-form" className="assumptions-editor" noValidate>
      <input type="hidden" name="version" value={state.version} />
      <input type="hidden" name="intent" value="assumptions" />
      {errorKeys.length ? (
        <div className="notice notice--error error-summary" role="alert" id="assumptions-errors" data-testid="assumption-errors">
          <p>{t("assumptions.errorSummary", { n: errorKeys.length })}</p>
          <ul>
            {errorKeys.map((k) => (
              <li key={k}>
                <a href={`#${assumptionAnchor(k)}-input`}>
                  {label.get(k) ?? k}: {errors[k]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {groups.map((g) => {
        const hasError = g.items.some((i) => errors[i.key]);
        return (
          <details key={g.id} className="assumption-group" open={g.open || hasError} data-group={g.id}>
            <summary>
              {g.title} <span className="muted small">({g.items.length})</span>
            </summary>
            <div className="assumption-rows">
              {g.items.map((item) => (
                <AssumptionRow
                  key={item.key}
                  item={item}
                  t={t}
                  error={errors[item.key]}
                  typed={state.values?.[item.key]}
                  autoFocus={item.key === errorKeys[0]}
                />
              ))}
            </div>
          </details>
        );
      })}
      <div className="actions assumptions-editor__save">
        <button type="submit" disabled={busy} data-testid="save-assumptions">
          {busy ? t("assumptions.saving") : t("plan.assumptions.save")}
        </button>
        <span className="muted small">{t("assumptions.saveHint")}</span>
      </div>
    </Form>
  );
}

function AssumptionRow({
  item,
  t,
  error,
  typed,
  autoFocus,
}: {
  item: AssumptionItem;
  t: Translate;
  error?: string;
  typed?: string;
  autoFocus: boolean;
}) {
  const id = assumptionAnchor(item.key);
  return (
    <div
      className={`assumption-row${item.overridden ? " assumption-row--changed" : ""}${error ? " assumption-row--error" : ""}`}
      id={id}
      data-assumption={item.key}
    >
      <div className="assumption-row__label">
        {item.editable ? <label htmlFor={`${id}-input`}>{item.label}</label> : <span>{item.label}</span>}
        {item.assumed ? <span className="tag tag--assumed">{t("assumptions.assumedTag")}</span> : null}
        {item.overridden ? <span className="tag tag--changed">{t("plan.assumptions.overridden")}</span> : null}
      </div>
      <div className="assumption-row__value">
        {item.editable ? (
          <span className={`unit-field${error ? " unit-field--error" : ""}`}>
            {item.prefix ? <span className="unit-field__unit">{item.prefix}</span> : null}
            <input
              id={`${id}-input`}
              name={ASSUMPTION_FIELD_PREFIX + item.key}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              defaultValue={typed ?? item.field}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              autoFocus={autoFocus}
            />
            {item.suffix ? <span className="unit-field__unit">{item.suffix}</span> : null}
          </span>
        ) : (
          <span>{item.display}</span>
        )}
        {error ? (
          <span className="field-error" id={`${id}-error`}>
            {error}
          </span>
        ) : null}
      </div>
      <div className="assumption-row__source small">
        <span className={`source source--${item.source}`}>{item.sourceLabel}</span>
        {item.range ? <span className="muted"> {t("assumptions.range", { range: item.range })}</span> : null}
        {item.note ? (
          <details className="assumption-note">
            <summary>{t("assumptions.note")}</summary>
            <p>{item.noteSource ? <SourceTextView source={item.noteSource} t={t} /> : item.note}</p>
            <p className="muted">
              <code>{item.key}</code>
            </p>
          </details>
        ) : null}
      </div>
    </div>
  );
}
