import { Form, useNavigation } from "@remix-run/react";
import { SourceBadge } from "~/components/badges";
import type { Formatters } from "~/components/format";
import type { Locale } from "~/domain/scenario";
import type { LocalizedText } from "~/domain/text";
import { assumptionLabel } from "~/i18n/assumption-labels";
import { assumptionSourceText } from "~/i18n/derivations";
import type { Translate } from "~/i18n/messages";
import { isNum, list, type SparsePlan } from "~/report/sparse-plan";

/** Form field name of one assumption: the key after a prefix that cannot clash with other fields. */
export const ASSUMPTION_FIELD_PREFIX = "a:";

const GROUP_ORDER = ["team", "timeline", "data", "feedback", "compute", "cost", "finance"];

/**
 * Every assumption with its source. Editable: each numeric value is an input; the form posts to the plan route,
 * which recomputes the plan and saves it as a new version (works without JavaScript).
 */
export function AssumptionsTable({
  plan,
  locale,
  t,
  f,
  editable,
  errors = {},
  values = {},
  version,
}: {
  plan: SparsePlan;
  locale: Locale;
  t: Translate;
  f: Formatters;
  editable: boolean;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  /** The version shown: edits start from its input. */
  version?: number;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "assumptions";
  const rows = [...list(plan.assumptions)].sort((a, b) => GROUP_ORDER.indexOf(a.group ?? "") - GROUP_ORDER.indexOf(b.group ?? ""));
  if (!rows.length) return <p className="muted">{t("plan.assumptions.none")}</p>;
  const table = (
    <div className="card table-wrap">
      <table data-testid="assumptions-table">
        <thead>
          <tr>
            <th scope="col">{t("plan.assumptions.key")}</th>
            <th scope="col" className="num">{t("plan.assumptions.value")}</th>
            <th scope="col">{t("plan.assumptions.unit")}</th>
            <th scope="col">{t("plan.assumptions.source")}</th>
            <th scope="col" className="num">{t("plan.assumptions.range")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a, i) => {
            const key = a.key ?? String(i);
            const label = assumptionLabel(key, locale, a.label as LocalizedText | undefined);
            const source = assumptionSourceText(a as Parameters<typeof assumptionSourceText>[0], locale);
            const field = ASSUMPTION_FIELD_PREFIX + key;
            const error = errors[key];
            const inputId = `assumption-${key.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
            return (
              <tr key={key} className={a.overridden ? "assumption-row--changed" : undefined} data-assumption={key}>
                <td>
                  {editable && typeof a.value === "number" ? <label htmlFor={inputId} style={{ fontWeight: 400, margin: 0 }}>{label}</label> : label}
                  <span className="citation">
                    <code>{key}</code>
                    {a.overridden ? ` · ${t("plan.assumptions.overridden")}` : ""}
                  </span>
                </td>
                <td className="num">
                  {editable && typeof a.value === "number" ? (
                    <>
                      <input
                        id={inputId}
                        className="assumption-input"
                        type="text"
                        inputMode="decimal"
                        name={field}
                        defaultValue={values[key] ?? String(a.value)}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${inputId}-error` : undefined}
                      />
                      {error ? (
                        <div className="field-error" id={`${inputId}-error`}>
                          {error}
                        </div>
                      ) : null}
                    </>
                  ) : typeof a.value === "number" ? (
                    f.num(a.value, 4)
                  ) : (
                    String(a.value ?? "—")
                  )}
                </td>
                <td className="small">{a.unit ?? ""}</td>
                <td>
                  {a.source ? <SourceBadge source={a.source} locale={locale} /> : null}
                  {source ? <span className="citation">{source}</span> : null}
                </td>
                <td className="num small">{a.range && isNum(a.range.low) && isNum(a.range.high) ? `${f.num(a.range.low, 3)} – ${f.num(a.range.high, 3)}` : ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
  if (!editable) return table;
  return (
    <Form method="post" replace preventScrollReset={false} id="assumptions-form">
      <input type="hidden" name="version" value={version ?? ""} />
      <input type="hidden" name="intent" value="assumptions" />
      {table}
      <div className="actions" style={{ marginTop: "0.75rem" }}>
        <button type="submit" disabled={busy} data-testid="save-assumptions">
          {busy ? "…" : t("plan.assumptions.save")}
        </button>
      </div>
    </Form>
  );
}
