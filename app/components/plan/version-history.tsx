import { Link } from "@remix-run/react";
import { GradeBadge, VerdictBadge } from "~/components/badges";
import { formatters } from "~/components/format";
import type { DecisionPlan } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";
import type { Translate } from "~/i18n/messages";
import type { Change } from "~/lib/diff";
import { labelChanges } from "~/lib/diff-labels";
import type { VersionSummary } from "~/models/scenario.server";

/**
 * The changes between two versions, labelled in the page's language. The raw path stays on the row (`data-path`, and
 * as a tooltip) and, for an assumption, beside its label: the assumptions table lists them by that key.
 */
export function ChangeTable({ changes, plan, t, locale }: { changes: Change[]; plan: DecisionPlan; t: Translate; locale: Locale }) {
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
          {labelChanges(changes, plan, locale).map((c) => (
            <tr key={c.path} data-path={c.path}>
              <td title={c.path}>
                {c.field}
                {c.path.startsWith("assumptions.") ? (
                  <span className="citation">
                    <code>{c.path.slice("assumptions.".length)}</code>
                  </span>
                ) : null}
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
