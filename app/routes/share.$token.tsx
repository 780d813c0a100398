import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BriefView } from "~/components/plan/brief-view";
import { PlanDocument } from "~/components/plan/plan-document";
import { RouteError } from "~/components/route-error";
import { resolveLocale, resolveTimeZone } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-locale";
import { planViewOf } from "~/lib/view-plan.server";
import { getScenario, getVersion, resolveShareLink } from "~/models/scenario.server";
import type { PlanView } from "~/present/view-model/types";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${(data.view as unknown as PlanView).title} · Tierwise` : "Tierwise" },
  // Share links are private by construction; keep them out of search engines.
  { name: "robots", content: "noindex, nofollow" },
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const id = await resolveShareLink({ token });
  const scenario = id ? await getScenario({ id }) : null;
  if (!scenario) throw new Response("Not found", { status: 404 });
  const shown = await getVersion({ id: scenario.id, version: scenario.latestVersion });
  if (!shown) throw new Response("Not found", { status: 404 });
  const locale = resolveLocale(request);
  // Only the reader's view of the plan: no scenario id, versions or share tokens reach a reader of a shared link.
  return {
    view: planViewOf(shown, { locale, audience: "reader", timeZone: resolveTimeZone(request) }),
    token,
    // The token in the URL names the scenario; the version is all else the page depends on (see entry.server).
    renderKey: `v${shown.version}`,
  };
}

export default function SharedPlan() {
  const d = useLoaderData<typeof loader>();
  const view = d.view as unknown as PlanView;
  const { t, locale } = useT();
  return (
    <article data-testid="share-page">
      <header className="plan-head">
        <div>
          <h1 data-testid="plan-title">{view.title}</h1>
          <p className="muted small plan-head__stamp" data-testid="stamp">
            {view.stamp.text} · {t("plan.readOnly")}
          </p>
        </div>
        <nav className="actions no-print" aria-label={t("plan.exports")}>
          <a className="button" href={`/share/${d.token}/report.pdf?lang=${locale}`} data-testid="pdf-link">
            {t("plan.export.pdf")}
          </a>
        </nav>
      </header>
      {view.upgradeNotice ? <p className="notice notice--warn">{view.upgradeNotice}</p> : null}
      <BriefView brief={view.brief} t={t} />
      <PlanDocument ctx={{ view, t, chartImage: (chart) => `/share/${d.token}/charts/${chart}.png?lang=${locale}` }} />
    </article>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
