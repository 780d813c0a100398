import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GradeBadge, VerdictBadge } from "~/components/badges";
import { formatters } from "~/components/format";
import { RouteError } from "~/components/route-error";
import { useT } from "~/i18n/use-locale";
import { listScenarios } from "~/models/scenario.server";
import { TIER_LABELS } from "~/i18n/enums";
import { tr } from "~/report/labels";

export const meta: MetaFunction = () => [{ title: "Tierwise · 大模型落地决策台" }];

export async function loader() {
  return { scenarios: await listScenarios() };
}

export default function Index() {
  const { scenarios } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  const f = formatters(locale, "USD");
  if (scenarios.length === 0) {
    return (
      <div className="card empty" data-testid="empty-state">
        <div className="empty__art" aria-hidden="true">
          <span style={{ height: "40%" }} />
          <span style={{ height: "70%" }} />
          <span style={{ height: "100%" }} />
        </div>
        <h1>{t("list.empty.title")}</h1>
        <p>{t("list.empty.text")}</p>
        <Link to="/scenarios/new" className="button">
          {t("list.empty.cta")}
        </Link>
      </div>
    );
  }
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("list.title")}</h1>
          <p>{t("list.intro")}</p>
        </div>
        <Link to="/scenarios/new" className="button">
          {t("nav.new")}
        </Link>
      </div>
      {/* A GET form: ticking boxes and pressing Compare works without JavaScript. */}
      <Form method="get" action="/compare">
        <div className="card table-wrap">
          <table className="list-table" data-testid="scenario-list">
            <caption className="muted small" style={{ fontWeight: 400 }}>
              {t("list.count", { n: scenarios.length })} · {t("list.compareHint")}
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t("list.col.select")}</span>
                </th>
                <th scope="col">{t("list.col.title")}</th>
                <th scope="col">{t("list.col.verdict")}</th>
                <th scope="col">{t("list.col.grade")}</th>
                <th scope="col" className="num col-optional">{t("list.col.score")}</th>
                <th scope="col" className="col-optional">{t("list.col.tier")}</th>
                <th scope="col" className="num col-optional">{t("list.col.versions")}</th>
                <th scope="col" className="col-optional">{t("list.col.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {scenarios.map((s) => (
                <tr key={s.id} data-scenario={s.id}>
                  <td>
                    <input type="checkbox" name="ids" value={s.id} aria-label={`${t("list.col.select")}: ${s.title}`} />
                  </td>
                  <td className="table-title">
                    <Link to={`/scenarios/${s.id}`}>{s.title}</Link>
                  </td>
                  <td>
                    <VerdictBadge verdict={s.verdict} locale={locale} />
                  </td>
                  <td>
                    <GradeBadge grade={s.grade} />
                  </td>
                  <td className="num col-optional">{Math.round(s.score)}</td>
                  <td className="col-optional small">{tr(TIER_LABELS[s.tier], locale)}</td>
                  <td className="num col-optional">{s.latestVersion}</td>
                  <td className="col-optional small">{f.date(s.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="actions" style={{ marginTop: "0.75rem" }}>
          <button type="submit" className="button--ghost" data-testid="compare-selected">
            {t("list.compareSelected")}
          </button>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
