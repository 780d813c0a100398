import { Link } from "@remix-run/react";
import { GradeBadge, VerdictBadge } from "~/components/badges";
import { formatters } from "~/components/format";
import type { DecisionPlan } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";
import { pick } from "~/domain/text";
import { PROFILE_FACT_LABELS } from "~/i18n/enums";
import { MESSAGES, type MessageKey, type Translate } from "~/i18n/messages";
import type { Change } from "~/lib/diff";
import type { VersionSummary } from "~/models/scenario.server";

/** A readable name for a changed input path: the form's label, the assumption's label, or the path itself. */
function pathLabel(path: string, plan: DecisionPlan, t: Translate, locale: Locale): string {
  const leaf = path.split(".").pop() ?? path;
  if (path.startsWith("assumptions.")) {
    const key = path.slice("assumptions.".length);
    const a = plan.assumptions?.find((x) => x.key === key);
    return a?.label ? pick(a.label, locale) : key;
  }
  const formKey = `form.field.${leaf}` as MessageKey;
  if (formKey in MESSAGES.en) return t(formKey);
  const planKey = path as MessageKey;
  if (planKey in MESSAGES.en) return t(planKey);
  if (path === "plan.breakEvenMonth") return t("plan.finance.breakEven");
  if (path === "plan.npv") return t("plan.finance.npv");
  const fact = PROFILE_FACT_LABELS[leaf];
  return fact ? pick(fact, locale) : path;
}

function ChangeTable({ changes, plan, t, locale }: { changes: Change[]; plan: DecisionPlan; t: Translate; locale: Locale }) {
  return (
    <div className="table-wrap">
      <table data-testid="diff-table">
        <thead>
          <tr>
            <th scope="col">{t("plan.diff.field")}</th>
            <th scope="col">{t("plan.diff.before")}</th>
            <th scope="col">{t("plan.diff.after")}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.path}>
              <td>
                {pathLabel(c.path, plan, t, locale)}
                <span className="citation">
                  <code>{c.path}</code>
                </span>
              </td>
              <td className="diff-del">{c.before ?? "—"}</td>
              <td className="diff-add">{c.after ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function VersionHistory({
  id,
  versions,
  shown,
  inputChanges,
  planChanges,
  plan,
  t,
  locale,
}: {
  id: string;
  versions: VersionSummary[];
  shown: number;
  inputChanges: Change[] | null;
  planChanges: Change[] | null;
  plan: DecisionPlan;
  t: Translate;
  locale: Locale;
}) {
  const f = formatters(locale, plan.currency ?? "USD");
  const changes = [...(planChanges ?? []), ...(inputChanges ?? [])];
  return (
    <div className="grid-2">
      <div className="card table-wrap">
        <table data-testid="versions-table">
          <thead>
            <tr>
              <th scope="col">{t("plan.versions.version")}</th>
              <th scope="col">{t("plan.versions.date")}</th>
              <th scope="col">{t("list.col.verdict")}</th>
              <th scope="col">{t("list.col.grade")}</th>
              <th scope="col" className="num">{t("list.col.score")}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version} aria-current={v.version === shown ? "true" : undefined}>
                <td>
                  {v.version === shown ? (
                    <strong>
                      v{v.version} <span className="muted small">({t("plan.versions.current")})</span>
                    </strong>
                  ) : (
                    <Link to={`/scenarios/${id}?v=${v.version}#versions`}>v{v.version}</Link>
                  )}
                </td>
                <td className="small">{f.date(v.createdAt)}</td>
                <td>
                  <VerdictBadge verdict={v.verdict} locale={locale} />
                </td>
                <td>
                  <GradeBadge grade={v.grade} />
                </td>
                <td className="num">{Math.round(v.score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card">
        <h3>{t("plan.versions.changes")}</h3>
        {inputChanges === null ? (
          <p className="muted">{t("plan.versions.first")}</p>
        ) : changes.length === 0 ? (
          <p className="muted">{t("plan.versions.none")}</p>
        ) : (
          <ChangeTable changes={changes} plan={plan} t={t} locale={locale} />
        )}
      </div>
    </div>
  );
}
