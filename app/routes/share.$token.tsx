import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PlanView } from "~/components/plan/plan-view";
import { RouteError } from "~/components/route-error";
import { useT } from "~/i18n/use-locale";
import { resolveLocale } from "~/i18n/locale.server";
import { getScenario, resolveShareLink } from "~/models/scenario.server";
import type { ChartId, ChartSpec } from "~/report/chart-specs";
import { chartsForVersion, planForView } from "~/lib/view-plan";

// JSON-safe by design; the serialised loader type is too deep for the compiler to follow.
type Charts = Record<ChartId, ChartSpec>;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.plan.title} · Tierwise` : "Tierwise" },
  // Share links are private by construction; keep them out of search engines.
  { name: "robots", content: "noindex, nofollow" },
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = await resolveShareLink({ token: params.token ?? "" });
  const scenario = id ? await getScenario({ id }) : null;
  if (!scenario) throw new Response("Not found", { status: 404 });
  // Only the plan: no scenario id, versions or share tokens reach a reader of a shared link.
  return {
    plan: planForView(scenario.plan),
    charts: chartsForVersion(`${scenario.id}:${scenario.latestVersion}`, scenario.plan, resolveLocale(request)),
    token: params.token ?? "",
    // The token in the URL names the scenario; the version is all else the page depends on (see entry.server).
    renderKey: `v${scenario.latestVersion}`,
  };
}

export default function SharedPlan() {
  const { plan, charts, token } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  return (
    <article data-testid="share-page">
      <div className="plan-head">
        <div>
          <h1>{plan.title}</h1>
          <p className="muted">{t("plan.readOnly")}</p>
        </div>
        <div className="actions no-print">
          <a className="button" href={`/share/${token}/report.pdf?lang=${locale}`}>
            {t("plan.export.pdf")}
          </a>
        </div>
      </div>
      <PlanView plan={plan} charts={charts as unknown as Charts} locale={locale} t={t} editable={false} />
    </article>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
