import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ASSUMPTION_FIELD_PREFIX } from "~/components/plan/assumptions-table";
import { PlanView } from "~/components/plan/plan-view";
import { VersionHistory } from "~/components/plan/version-history";
import { SharePanel } from "~/components/plan/share-panel";
import { RouteError } from "~/components/route-error";
import { parseScenarioInput } from "~/domain/scenario";
import { resolveLocale } from "~/i18n/locale.server";
import { localizeFieldMessage } from "~/i18n/messages";
import { useT } from "~/i18n/use-locale";
import { diffInputs, diffPlans } from "~/lib/diff";
import type { ChartId, ChartSpec } from "~/report/chart-specs";
import { chartsForVersion, planForView } from "~/lib/view-plan";

// Chart specs are JSON-safe by design; the serialised loader type is just too deep for the compiler to follow.
type Charts = Record<ChartId, ChartSpec>;
import { computePlan } from "~/models/planning.server";
import { createShareLink, getScenario, getScenarioPage, getVersion, revokeShareLink, saveVersion } from "~/models/scenario.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.plan.title} · Tierwise` : "Tierwise" }];

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const url = new URL(request.url);
  const asked = url.searchParams.get("v");
  const page = await getScenarioPage({ id, version: asked === null ? undefined : Number(asked) });
  if (!page) notFound();
  const { scenario, shown, previous, versions, shareLinks } = page;
  const saved = Number(url.searchParams.get("saved"));
  return {
    id,
    latestVersion: scenario.latestVersion,
    version: shown.version,
    plan: planForView(shown.plan),
    charts: chartsForVersion(`${id}:${shown.version}`, shown.plan, resolveLocale(request)),
    versions,
    inputChanges: previous ? diffInputs(previous.input, shown.input) : null,
    planChanges: previous ? diffPlans(previous.plan, shown.plan) : null,
    shareLinks,
    origin: url.origin,
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
    const n = Number(raw.trim().replace(/[,_\s，]/g, ""));
    if (raw.trim() === "" || !Number.isFinite(n)) {
      errors[key] = localizeFieldMessage("must be a number", locale);
      continue;
    }
    if (n !== current.get(key)) changes[key] = n;
  }
  if (Object.keys(errors).length) return data({ errors, values, notice: null }, { status: 400 });
  if (Object.keys(changes).length === 0) return { errors: {}, values, notice: "noChange" as const };

  const parsed = parseScenarioInput({ ...base.input, assumptions: { ...(base.input.assumptions ?? {}), ...changes } });
  if (!parsed.ok) {
    for (const e of parsed.errors) errors[e.path.replace(/^assumptions\./, "")] = localizeFieldMessage(e.message, locale);
    return data({ errors, values, notice: null }, { status: 400 });
  }
  const plan = await computePlan(parsed.value);
  const saved = await saveVersion({ id, input: parsed.value, plan, note: `assumptions: ${Object.keys(changes).join(", ")}` });
  if (!saved) notFound();
  return redirect(`/scenarios/${id}?saved=${saved.version}`);
}

export default function ScenarioPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useT();
  const lang = `lang=${locale}`;
  const versionQuery = d.version === d.latestVersion ? "" : `&v=${d.version}`;
  return (
    <article data-testid="plan-page" data-version={d.version}>
      <div className="plan-head">
        <div>
          <h1 data-testid="plan-title">{d.plan.title}</h1>
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
        plan={d.plan}
        charts={d.charts as unknown as Charts}
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
            node: <VersionHistory id={d.id} versions={d.versions} shown={d.version} inputChanges={d.inputChanges} planChanges={d.planChanges} plan={d.plan} t={t} locale={locale} />,
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
