import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { ASSUMPTION_FIELD_PREFIX } from "~/components/plan/assumptions-table";
import { PlanView } from "~/components/plan/plan-view";
import { VersionHistory } from "~/components/plan/version-history";
import { SharePanel } from "~/components/plan/share-panel";
import { RouteError } from "~/components/route-error";
import { parseScenarioInput } from "~/domain/scenario";
import { getEnv } from "~/env.server";
import { resolveLocale } from "~/i18n/locale.server";
import { fieldErrorText } from "~/i18n/field-errors";
import { translator } from "~/i18n/translate";
import { useT } from "~/i18n/use-locale";
import { diffInputs, diffPlans } from "~/lib/diff";
import { buildChartSpecs, type ChartId, type ChartSpec } from "~/report/chart-specs";
import { cachedPayload, planForView } from "~/lib/view-plan";
import { readTypedNumber } from "~/lib/scenario-form";
import type { DecisionPlan } from "~/domain/plan-types";
import type { Change } from "~/lib/diff";
import { computePlan } from "~/models/planning.server";
import { createShareLink, getScenario, getScenarioOverview, getVersion, revokeShareLink, saveVersion } from "~/models/scenario.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · Tierwise` : "Tierwise" }];

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/** The part of the page that depends only on the (immutable) version and the locale. */
export interface VersionView {
  plan: DecisionPlan;
  charts: Record<ChartId, ChartSpec>;
  inputChanges: Change[] | null;
  planChanges: Change[] | null;
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const url = new URL(request.url);
  const overview = await getScenarioOverview({ id });
  if (!overview) notFound();
  const { scenario, versions, shareLinks } = overview;
  const asked = Number(url.searchParams.get("v"));
  const version = Number.isInteger(asked) && asked >= 1 && asked <= scenario.latestVersion ? asked : scenario.latestVersion;
  const locale = resolveLocale(request);
  const view = await cachedPayload(`plan-page\n${id}\n${version}\n${locale}`, async (): Promise<VersionView> => {
    const shown = await getVersion({ id, version });
    if (!shown) notFound();
    const previous = version > 1 ? await getVersion({ id, version: version - 1 }) : null;
    return {
      plan: planForView(shown.plan),
      charts: buildChartSpecs(shown.plan, locale),
      inputChanges: previous ? diffInputs(previous.input, shown.input) : null,
      planChanges: previous ? diffPlans(previous.plan, shown.plan) : null,
    };
  });
  const saved = Number(url.searchParams.get("saved"));
  return {
    id,
    title: versions.find((v) => v.version === version)?.title ?? scenario.title,
    latestVersion: scenario.latestVersion,
    version,
    /** A VersionView as JSON (see cachedPayload). */
    view,
    versions,
    shareLinks,
    // Share links are built from PUBLIC_URL, never from the request's Host header.
    origin: getEnv().PUBLIC_URL,
    saved: Number.isInteger(saved) && saved > 0 ? saved : null,
    sharedNow: url.searchParams.get("shared"),
    // Everything on the page besides the URL and the locale: the server caches the rendered page under it.
    renderKey: `${scenario.latestVersion}|${shareLinks.map((l) => `${l.token}${l.revokedAt ? "-" : "+"}`).join(",")}`,
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const id = params.id ?? "";
  const locale = resolveLocale(request);
  const form = await request.formData();
  const intent = form.get("intent");
  const scenario = await getScenario({ id });
  if (!scenario) notFound();

  if (intent === "share-create") {
    const link = await createShareLink({ id });
    if (!link) notFound();
    return redirect(`/scenarios/${id}?shared=${encodeURIComponent(link.token)}#share`);
  }
  if (intent === "share-revoke") {
    await revokeShareLink({ id, token: String(form.get("token") ?? "") });
    return redirect(`/scenarios/${id}#share`);
  }
  if (intent !== "assumptions") return data({ errors: { "(root)": "unknown intent" } as Record<string, string>, values: {} as Record<string, string>, notice: null }, { status: 400 });

  // Edits start from the version on screen, which may be an older one.
  const asked = Number(form.get("version"));
  const base = Number.isInteger(asked) && asked >= 1 && asked < scenario.latestVersion ? await getVersion({ id, version: asked }) : { input: scenario.input, plan: scenario.plan };
  if (!base) notFound();
  const current = new Map(base.plan.assumptions?.map((a) => [a.key, a.value]) ?? []);
  const errors: Record<string, string> = {};
  const values: Record<string, string> = {};
  const changes: Record<string, number> = {};
  for (const [name, raw] of form.entries()) {
    if (!name.startsWith(ASSUMPTION_FIELD_PREFIX) || typeof raw !== "string") continue;
    const key = name.slice(ASSUMPTION_FIELD_PREFIX.length);
    values[key] = raw;
    if (!current.has(key)) continue;
    const n = readTypedNumber(raw);
    if (n === undefined) {
      errors[key] = fieldErrorText({ code: "not_number", message: "must be a number" }, translator(locale));
      continue;
    }
    if (n !== current.get(key)) changes[key] = n;
  }
  if (Object.keys(errors).length) return data({ errors, values, notice: null }, { status: 400 });
  if (Object.keys(changes).length === 0) return { errors: {}, values, notice: "noChange" as const };

  const parsed = parseScenarioInput({ ...base.input, assumptions: { ...(base.input.assumptions ?? {}), ...changes } });
  if (!parsed.ok) {
    for (const e of parsed.errors) errors[e.path.replace(/^assumptions\./, "")] = fieldErrorText(e, translator(locale));
    return data({ errors, values, notice: null }, { status: 400 });
  }
  const plan = await computePlan(parsed.value);
  const saved = await saveVersion({ id, input: parsed.value, plan, note: `assumptions: ${Object.keys(changes).join(", ")}` });
  if (!saved) notFound();
  return redirect(`/scenarios/${id}?saved=${saved.version}`);
}

export default function ScenarioPage() {
  const d = useLoaderData<typeof loader>();
  const view = useMemo(() => JSON.parse(d.view) as VersionView, [d.view]);
  const actionData = useActionData<typeof action>();
  const { t, locale } = useT();
  const lang = `lang=${locale}`;
  const versionQuery = d.version === d.latestVersion ? "" : `&v=${d.version}`;
  return (
    <article data-testid="plan-page" data-version={d.version}>
      <div className="plan-head">
        <div>
          <h1 data-testid="plan-title">{view.plan.title}</h1>
          <p className="muted">{t("plan.version", { n: d.version })}</p>
        </div>
        <div className="actions no-print">
          <a className="button" href={`/scenarios/${d.id}/report.pdf?${lang}`} data-testid="pdf-link">
            {t("plan.export.pdf")}
          </a>
          <a className="button button--ghost" href={`/scenarios/${d.id}/export.md?${lang}${versionQuery}`}>
            {t("plan.export.md")}
          </a>
          <a className="button button--ghost" href={`/scenarios/${d.id}/export.json?${versionQuery.slice(1)}`}>
            {t("plan.export.json")}
          </a>
          <Link className="button button--ghost" to={`/scenarios/${d.id}/edit`}>
            {t("plan.edit")}
          </Link>
        </div>
      </div>
      {d.saved ? (
        <p className="notice notice--ok" role="status" data-testid="saved-notice">
          {t("plan.savedAs", { n: d.saved })}
        </p>
      ) : null}
      {actionData?.notice === "noChange" ? <p className="notice" role="status">{t("plan.assumptions.noChange")}</p> : null}
      {actionData && Object.keys(actionData.errors).length ? (
        <p className="notice notice--error" role="alert">
          {t("form.errors")}
        </p>
      ) : null}
      {d.version !== d.latestVersion ? (
        <p className="notice notice--warn">
          {t("plan.viewingOld", { n: d.version, latest: d.latestVersion })} <Link to={`/scenarios/${d.id}`}>{t("plan.viewLatest")}</Link>
        </p>
      ) : null}
      <PlanView
        plan={view.plan}
        charts={view.charts}
        locale={locale}
        t={t}
        editable
        version={d.version}
        assumptionErrors={actionData?.errors}
        assumptionValues={actionData?.values}
        extraSections={[
          {
            id: "versions",
            title: t("plan.versions"),
            node: <VersionHistory id={d.id} versions={d.versions} shown={d.version} inputChanges={view.inputChanges} planChanges={view.planChanges} plan={view.plan} t={t} locale={locale} />,
          },
          {
            id: "share",
            title: t("plan.share"),
            node: <SharePanel links={d.shareLinks} origin={d.origin} createdToken={d.sharedNow} t={t} locale={locale} />,
          },
        ]}
      />
    </article>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
