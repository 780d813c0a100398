import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { resolveLocale, resolveTimeZone } from "~/i18n/locale.server";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GradeBadge, VerdictBadge } from "~/components/badges";
import { LocalTime } from "~/components/local-time";
import { RouteError } from "~/components/route-error";
import { useT } from "~/i18n/use-locale";
import { listScenarios } from "~/models/scenario.server";
import { formatDateTime } from "~/present/format";

export const meta: MetaFunction = () => [{ title: "Tierwise · 大模型落地决策台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = resolveLocale(request);
  const timeZone = resolveTimeZone(request);
  const scenarios = await listScenarios();
  return { scenarios: scenarios.map((s) => ({ ...s, updatedAtText: formatDateTime(s.updatedAt, locale, timeZone) })) };
}

export default function Index() {
  const { scenarios } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  if (scenarios.length === 0) {
    return (
      <div className="card empty" data-testid="empty-state">
        <div className="empty__art" aria-hidden="true">
          <span className="h40" />
          <span className="h70" />
          <span className="h100" />
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
            <caption className="muted small caption-plain">
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
                    <VerdictBadge verdict={s.verdict} t={t} />
                  </td>
                  <td>
                    <GradeBadge grade={s.grade} t={t} />
                  </td>
                  <td className="num col-optional">{Math.round(s.score)}</td>
                  <td className="col-optional small">{t.label("tier", s.tier)}</td>
                  <td className="num col-optional">{s.latestVersion}</td>
                  <td className="col-optional small"><LocalTime iso={s.updatedAt} text={s.updatedAtText} locale={locale} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="actions actions--below">
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
