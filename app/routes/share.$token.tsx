import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BriefView } from "~/components/plan/brief-view";
import { PlanDocument } from "~/components/plan/plan-document";
import { PdfBusyNotice, PdfLink } from "~/components/pdf-link";
import { RouteError } from "~/components/route-error";
import { resolveLocale, resolveTimeZone } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-locale";
import { planViewOf } from "~/lib/view-plan.server";
import { sharedVersion } from "~/lib/shared-version.server";
import { formatDateTime } from "~/present/format";
import { pdfBusyRetry } from "~/report/pdf-response.server";
import type { PlanView } from "~/present/view-model/types";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${(data.view as unknown as PlanView).title} · Tierwise` : "Tierwise" },
  // Share links are private by construction; keep them out of search engines.
  { name: "robots", content: "noindex, nofollow" },
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const shared = await sharedVersion(token);
  if (!shared) throw new Response("Not found", { status: 404 });
  const { shown, followsLatest, latestVersion } = shared;
  const locale = resolveLocale(request);
  const timeZone = resolveTimeZone(request);
  // Only the reader's view of the plan: no scenario id or share tokens but this one reach a reader of a shared link.
  return {
    view: planViewOf(shown, { locale, audience: "reader", timeZone, title: shared.title }),
    token,
    followsLatest,
    /** The newest version's number when it is newer than the one this link is pinned to. */
    newer: !followsLatest && latestVersion > shown.version ? latestVersion : null,
    savedAtText: formatDateTime(shown.createdAt, locale, timeZone),
    pdfBusy: pdfBusyRetry(new URL(request.url)),
    // The token in the URL names the scenario; the versions are all else the page depends on (see entry.server).
    renderKey: `v${shown.version}|${latestVersion}|${shared.title ?? ""}`,
  };
}

export default function SharedPlan() {
  const d = useLoaderData<typeof loader>();
  const view = d.view as unknown as PlanView;
  const { t, locale } = useT();
  const pdfHref = `/share/${d.token}/report.pdf?lang=${locale}`;
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
          <PdfLink href={pdfHref} label={t("plan.export.pdf")} t={t} testId="pdf-link" />
        </nav>
      </header>
      <PdfBusyNotice seconds={d.pdfBusy} href={pdfHref} t={t} />
      {d.newer ? (
        <p className="notice notice--warn" role="status" data-testid="newer-version">
          {t("share.pinnedNewer", { n: view.stamp.version ?? "?", date: d.savedAtText, latest: d.newer })}
        </p>
      ) : d.followsLatest ? (
        <p className="notice" data-testid="follows-latest">
          {t("share.followsLatest")}
        </p>
      ) : null}
      {view.upgradeNotice ? <p className="notice notice--warn">{view.upgradeNotice}</p> : null}
      <BriefView brief={view.brief} t={t} />
      <PlanDocument ctx={{ view, t, chartImage: (chart) => `/share/${d.token}/charts/${chart}.png?lang=${locale}` }} />
    </article>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
