import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GradeBadge, VerdictBadge } from "~/components/badges";
import { ChartFigure } from "~/components/charts/chart-figure";
import { matrixPoint, matrixSpec } from "~/components/charts/matrix-spec";
import { formatters } from "~/present/format";
import { RouteError } from "~/components/route-error";
import type { MessageKey } from "~/i18n/translate";
import { useT } from "~/i18n/use-locale";
import { getScenario, listScenarios } from "~/models/scenario.server";
import type { DecisionPlan } from "~/domain/plan-types";

export const meta: MetaFunction = () => [{ title: "Compare · Tierwise" }];

const COMPARE_MIN = 2;
const COMPARE_MAX = 6;

export async function loader({ request }: LoaderFunctionArgs) {
  const ids = [...new Set(new URL(request.url).searchParams.getAll("ids").filter(Boolean))];
  const all = await listScenarios();
  const problem = ids.length === 0 ? null : ids.length < COMPARE_MIN ? ("tooFew" as const) : ids.length > COMPARE_MAX ? ("tooMany" as const) : null;
  const chosen = problem || ids.length === 0 ? [] : (await Promise.all(ids.map((id) => getScenario({ id })))).filter((s) => s !== null);
  return {
    all: all.map((s) => ({ id: s.id, title: s.title, verdict: s.verdict, grade: s.grade })),
    ids,
    problem,
    chosen: chosen.map((s) => ({ id: s.id, plan: s.plan })),
  };
}

type Row = { key: MessageKey; cell: (p: DecisionPlan) => React.ReactNode };

export default function Compare() {
  const { all, ids, problem, chosen } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  const fmt = (p: DecisionPlan) => formatters(locale, p.currency);
  const rows: Row[] = [
    { key: "plan.verdict", cell: (p) => <VerdictBadge verdict={p.feasibility.verdict} t={t} /> },
    { key: "plan.grade", cell: (p) => <GradeBadge grade={p.feasibility.grade} t={t} /> },
    { key: "plan.score", cell: (p) => Math.round(p.feasibility.score) },
    { key: "plan.tier", cell: (p) => t.label("tier", p.primaryTier) },
    { key: "plan.q3", cell: (p) => t.list(p.techniques.map((x) => t.pick(x.name, x.id))) },
    { key: "plan.achieve.team", cell: (p) => t("plan.achieve.people", { n: p.team.headcount }) },
    { key: "plan.achieve.firstVersion", cell: (p) => t("plan.achieve.weeks", { n: p.timeline.launchWeek }) },
    { key: "plan.achieve.feedback", cell: (p) => fmt(p).num(p.feedback.perMonth, 0) },
    { key: "plan.cost.oneOff", cell: (p) => fmt(p).moneyCompact(p.cost.oneOffTotal) },
    { key: "plan.cost.monthly", cell: (p) => fmt(p).moneyCompact(p.cost.monthlyTotal) },
    { key: "plan.finance.breakEven", cell: (p) => (p.finance.breakEvenMonth !== null ? t("plan.achieve.month", { n: p.finance.breakEvenMonth }) : t("plan.achieve.never", { n: p.finance.horizonMonths })) },
    { key: "plan.finance.npv", cell: (p) => fmt(p).moneyCompact(p.finance.npv) },
    { key: "plan.finance.roi", cell: (p) => fmt(p).pct(p.finance.roi) },
  ];
  const plans = chosen.map((c) => ({ id: c.id, plan: c.plan }));
  const spec = matrixSpec(
    plans.map((c) => matrixPoint(c.plan.title || c.id, c.plan)),
    locale,
    { title: t("compare.matrix"), x: t("compare.matrix.x"), y: t("compare.matrix.y") },
  );
  const selected = new Set(ids);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("compare.title")}</h1>
          <p>{t("compare.intro")}</p>
        </div>
      </div>
      {all.length === 0 ? (
        <p className="muted">{t("compare.none")}</p>
      ) : (
        <Form method="get" className="card no-print compare-pick">
          <fieldset className="fieldset-plain">
            <legend className="label">{t("compare.pick")}</legend>
            <div className="pick-list">
              {all.map((s) => (
                <label key={s.id} className="check">
                  <input type="checkbox" name="ids" value={s.id} defaultChecked={selected.has(s.id)} />
                  {s.title} <VerdictBadge verdict={s.verdict} t={t} />
                </label>
              ))}
            </div>
          </fieldset>
          {problem ? (
            <p className="field-error" role="alert">
              {t(problem === "tooFew" ? "compare.tooFew" : "compare.tooMany")}
            </p>
          ) : null}
          <button type="submit" data-testid="compare-submit">
            {t("compare.submit")}
          </button>
        </Form>
      )}
      {plans.length >= COMPARE_MIN ? (
        <div className="stack">
          <div className="card table-wrap" tabIndex={0} role="region" aria-label={t("compare.title")}>
            <table className="compare-table" data-testid="compare-table">
              <thead>
                <tr>
                  <th scope="col">{t("compare.metric")}</th>
                  {plans.map((c) => (
                    <th scope="col" key={c.id} className="compare-table__scenario">
                      <Link to={`/scenarios/${c.id}`}>{c.plan.title}</Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{t(r.key).replace(/^\d · /, "")}</th>
                    {plans.map((c) => (
                      <td key={c.id}>{r.cell(c.plan)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ChartFigure spec={spec} tableLabel={t("plan.chart.showData")} tall />
        </div>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
