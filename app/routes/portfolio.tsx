import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { VerdictBadge } from "~/components/badges";
import { RouteError } from "~/components/route-error";
import { MatrixFigure } from "~/components/workshop/matrix-figure";
import { WorkshopControls, WorkshopNav } from "~/components/workshop/workshop-controls";
import type { Translate } from "~/i18n/translate";
import { useT } from "~/i18n/use-locale";
import { formatMoneyCompact, formatNumber } from "~/present/format";
import workshopCss from "~/styles/workshop.css?url";
import { requireUser } from "~/lib/auth.server";
import { loadWorkshop } from "~/workshop/load.server";
import { withParams, workshopSearch } from "~/workshop/query";
import type { WorkshopView } from "~/workshop/view";

export const meta: MetaFunction = () => [{ title: "Portfolio · Tierwise" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: workshopCss }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const principal = await requireUser({ request, context });
  // A portfolio of one is still a plan to budget for.
  return loadWorkshop(request, { min: 1, workspaceId: principal.workspaceId });
}

export default function Portfolio() {
  const { selection, params, view, missing } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  const { search } = useLocation();
  const pdf = (lang: "zh" | "en") => `/portfolio.pdf${withParams(workshopSearch(search), { lang })}`;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("portfolio.title")}</h1>
          <p>{t("portfolio.intro")}</p>
        </div>
      </div>
      {!view ? (
        <p className="notice" role="status">
          {selection.problem === "tooMany"
            ? t("compare.tooMany")
            : selection.problem === "tagNone"
              ? t("compare.byTagNone", { tag: selection.tag ?? "" })
              : t("portfolio.none")}{" "}
          <Link to="/compare">{t("compare.title")}</Link>
        </p>
      ) : (
        <div className="stack">
          <WorkshopNav search={search} t={t} current="portfolio" />
          {missing > 0 ? <p className="notice notice--warn">{t("compare.missing", { n: missing })}</p> : null}
          <WorkshopControls
            view={view}
            params={params}
            selection={selection}
            t={t}
            extra={
              <label className="ws-field">
                <span className="label">
                  {t("portfolio.budget", { currency: t(view.conversion.currency === "CNY" ? "ws.currency.CNY" : "ws.currency.USD") })}
                </span>
                <input
                  name="budget"
                  inputMode="decimal"
                  size={12}
                  defaultValue={params.budgetInvalid ? "" : params.budget !== null ? String(params.budget) : ""}
                  aria-invalid={params.budgetInvalid || undefined}
                  data-testid="budget"
                />
              </label>
            }
          />
          {params.budgetInvalid ? (
            <p className="field-error" role="alert">
              {t("portfolio.budget.invalid")}
            </p>
          ) : null}
          <div className="actions no-print">
            <a className="button" href={pdf(locale)} data-testid="portfolio-pdf">
              {t("portfolio.pdf")}
            </a>
            <a className="button button--ghost" href={pdf(locale === "zh" ? "en" : "zh")} hrefLang={locale === "zh" ? "en" : "zh-CN"}>
              {t("portfolio.pdf")} ({locale === "zh" ? "English" : "中文"})
            </a>
          </div>
          <Totals view={view} t={t} locale={locale} />
          <RankTable view={view} t={t} locale={locale} />
          {view.matrix ? <MatrixFigure matrix={view.matrix} t={t} /> : null}
        </div>
      )}
    </>
  );
}

function Totals({ view, t, locale }: { view: WorkshopView; t: Translate; locale: "zh" | "en" }) {
  const c = view.conversion.currency;
  const money = (v: number) => formatMoneyCompact(v, c, locale);
  const p = view.portfolio;
  return (
    <section className="card" aria-labelledby="ws-totals-title">
      <h2 id="ws-totals-title">{t("portfolio.totals")}</h2>
      <dl className="ws-totals" data-testid="portfolio-totals">
        <div>
          <dt>{t("portfolio.total.oneOff")}</dt>
          <dd data-total="oneOff">{money(p.totals.oneOff)}</dd>
        </div>
        <div>
          <dt>{t("portfolio.total.monthly")}</dt>
          <dd>{money(p.totals.monthly)}</dd>
        </div>
        <div>
          <dt>{t("portfolio.total.firstYear")}</dt>
          <dd>{money(p.totals.firstYear)}</dd>
        </div>
        <div>
          <dt>{t("portfolio.total.effort")}</dt>
          <dd>{t("ws.unit.personWeeks", { n: formatNumber(p.totals.personWeeks, locale, 0) })}</dd>
        </div>
      </dl>
      {p.totals.missing ? <p className="small muted">{t("portfolio.missing", { n: p.totals.missing })}</p> : null}
      {p.budget ? (
        <p className="notice notice--ok" role="status" data-testid="budget-fits">
          {t("portfolio.budget.fits", { budget: money(p.budget.amount), n: p.budget.count, total: money(p.budget.chosen.oneOff) })}
        </p>
      ) : null}
      <p className="small">{view.moneyNote}</p>
    </section>
  );
}

function RankTable({ view, t, locale }: { view: WorkshopView; t: Translate; locale: "zh" | "en" }) {
  const c = view.conversion.currency;
  const money = (v: number | null) => formatMoneyCompact(v, c, locale);
  const p = view.portfolio;
  const budget = p.budget !== null;
  return (
    <section className="card" aria-labelledby="ws-rank-title">
      <h2 id="ws-rank-title">{t("present.ranking")}</h2>
      <p className="ws-rule small">{t("portfolio.rule")}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="ws-rank-title">
        <table className="ws-rank-table" data-testid="rank-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("portfolio.col.rank")}
              </th>
              <th scope="col">{t("ws.col.option")}</th>
              <th scope="col">{t("ws.col.quadrant")}</th>
              <th scope="col">{t("ws.col.verdict")}</th>
              <th scope="col" className="num">
                {t("ws.row.valueForEffort")}
              </th>
              <th scope="col" className="num">
                {t("ws.row.personWeeks")}
              </th>
              <th scope="col" className="num">
                {t("ws.row.oneOff")}
              </th>
              <th scope="col" className="num">
                {t("ws.row.monthly")}
              </th>
              <th scope="col" className="num">
                {t("portfolio.col.cumulative")}
              </th>
              {budget ? <th scope="col">{t("portfolio.col.budget")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {p.ranked.map((r) => (
              <tr
                key={r.option.id}
                data-option={r.option.id}
                data-rank={r.rank ?? undefined}
                data-budget={r.withinBudget === null ? undefined : r.withinBudget ? "in" : "out"}
              >
                <td className="num">{r.rank}</td>
                <th scope="row">
                  <span className={`ws-num ws-num--${r.option.verdict}`}>{r.option.number}</span>{" "}
                  <Link to={`/scenarios/${r.option.id}`}>{r.option.title}</Link>
                </th>
                <td>{r.quadrant ? t(`ws.quadrant.${r.quadrant}`) : "—"}</td>
                <td>
                  <VerdictBadge verdict={r.option.verdict} t={t} />
                </td>
                <td className="num">{r.valueForEffort === null ? "—" : formatNumber(r.valueForEffort, locale, 2)}</td>
                <td className="num">{r.option.personWeeks === null ? "—" : formatNumber(r.option.personWeeks, locale, 0)}</td>
                <td className="num">{money(r.option.money.oneOff)}</td>
                <td className="num">{money(r.option.money.monthly)}</td>
                <td className="num">{money(r.cumulativeOneOff)}</td>
                {budget ? <td>{r.withinBudget ? t("portfolio.budget.in") : t("portfolio.budget.out")}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.excluded.length ? (
        <>
          <h3>{t("portfolio.excluded")}</h3>
          <ul data-testid="excluded">
            {p.excluded.map((r) => (
              <li key={r.option.id}>
                <Link to={`/scenarios/${r.option.id}`}>{r.option.title}</Link> — <VerdictBadge verdict={r.option.verdict} t={t} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
