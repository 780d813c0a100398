import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AssumptionsEditor } from "~/components/plan/assumptions-editor";
import { BriefView } from "~/components/plan/brief-view";
import { PlanDocument } from "~/components/plan/plan-document";
import { SharePanel } from "~/components/plan/share-panel";
import { ChangeList, VersionHistory } from "~/components/plan/version-history";
import { PdfBusyNotice, PdfLink } from "~/components/pdf-link";
import { RouteError } from "~/components/route-error";
import { AuditTrail } from "~/components/audit-trail";
import { ManageDone, ScenarioManage } from "~/components/workshop/scenario-manage";
import workshopCss from "~/styles/workshop.css?url";
import { parseScenarioInput } from "~/domain/scenario";
import { getEnv } from "~/env.server";
import { fieldErrorText } from "~/i18n/field-errors";
import { resolveLocale, resolveTimeZone } from "~/i18n/locale.server";
import { translator, type MessageKey } from "~/i18n/translate";
import { useT } from "~/i18n/use-locale";
import { requireScenario } from "~/lib/auth.server";
import { diffVersions } from "~/lib/diff";
import { namedFieldError, parseForm, positiveInteger, text } from "~/lib/form-data";
import { readAssumptionEdits, readConfirmEdit, type EditReply } from "~/lib/plan-edits.server";
import { pageLimitWait, retryAfterHeaders } from "~/lib/rate-limit.server";
import { retryAfterFromAction } from "~/lib/retry-after-headers";
import { ROLE_RANK } from "~/lib/roles";
import { planViewOf } from "~/lib/view-plan.server";
import { listScenarioAudit, recordAudit } from "~/models/audit.server";
import { computePlan } from "~/models/planning.server";
import { pdfBusyRetry } from "~/report/pdf-response.server";
import { createShareLink, getScenarioOverview, getVersion, revokeShareLink, saveVersion } from "~/models/scenario.server";
import { formatDateTime } from "~/present/format";
import type { PlanView } from "~/present/view-model/types";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: workshopCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.view.title} · Tierwise` : "Tierwise" }];

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

export const headers = retryAfterFromAction;

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  // Another workspace's scenario is a 404, like one that does not exist.
  const principal = await requireScenario({ request, context }, id, "viewer");
  const canEdit = ROLE_RANK[principal.role] >= ROLE_RANK.editor;
  const url = new URL(request.url);
  const [overview, audit] = await Promise.all([getScenarioOverview({ id }), listScenarioAudit({ scenarioId: id, limit: 30 })]);
  if (!overview) notFound();
  const { scenario, versions, shareLinks } = overview;
  const asked = Number(url.searchParams.get("v"));
  const version = Number.isInteger(asked) && asked >= 1 && asked <= scenario.latestVersion ? asked : scenario.latestVersion;
  const locale = resolveLocale(request);
  const timeZone = resolveTimeZone(request);
  const t = translator(locale);
  // Read-only: the page only looks at them (no copy of the cached plan per view).
  const shown = await getVersion({ id, version, readOnly: true });
  if (!shown) notFound();
  const opts = { locale, audience: "owner" as const, timeZone };
  // The latest version carries the scenario's name (a rename is metadata); an older one keeps its own title.
  const view = planViewOf(shown, { ...opts, ...(version === scenario.latestVersion ? { title: scenario.title } : {}) });
  const previous = version > 1 ? await getVersion({ id, version: version - 1, readOnly: true }) : null;
  const diff = previous ? diffVersions({ ...previous, view: planViewOf(previous, opts) }, { ...shown, view }, t) : null;
  const saved = Number(url.searchParams.get("saved"));
  return {
    id,
    latestVersion: scenario.latestVersion,
    version,
    view,
    diff,
    versions: versions.map((v) => ({
      version: v.version,
      createdAt: v.createdAt,
      createdAtText: formatDateTime(v.createdAt, locale, timeZone),
      verdict: v.verdict,
      grade: v.grade,
      score: v.score,
    })),
    // A share link hands the plan to anyone holding it: only editors and owners see and manage them.
    shareLinks: canEdit ? shareLinks : [],
    canEdit,
    // Who created, edited, shared, revoked and exported it (newest first), in the reader's time zone.
    audit: audit.map((e) => ({ ...e, atText: formatDateTime(e.at, locale, timeZone) })),
    // A what-if names the scenario and version it was copied from (same workspace, so this reader may open it).
    whatIfOf: overview.origin,
    // Share links are built from PUBLIC_URL, never from the request's Host header.
    origin: getEnv().PUBLIC_URL,
    saved: Number.isInteger(saved) && saved === version ? saved : null,
    sharedNow: url.searchParams.get("shared"),
    done: url.searchParams.get("done"),
    pdfBusy: pdfBusyRetry(url),
    // Everything on the page besides the URL and the root data: the server caches the rendered page under it.
    renderKey: `${scenario.latestVersion}|${scenario.title}|${principal.role}|${audit[0]?.id ?? 0}|${shareLinks.map((l) => `${l.token}${l.revokedAt ? "-" : "+"}`).join(",")}`,
  };
}

const versionNumber = positiveInteger();
/**
 * Every post of the plan page (editors and owners): one kind per `intent`. The assumption editor's own fields
 * (`a:<key>`, one per assumption of the version shown) are read by readAssumptionEdits, which knows each one's unit.
 */
const PlanPageForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("share-create"), shareVersion: z.union([z.literal("latest"), versionNumber]).optional() }),
  z.object({ intent: z.literal("share-revoke"), token: text(200) }),
  z.object({ intent: z.literal("assumptions"), version: versionNumber.optional() }).passthrough(),
  z.object({ intent: z.literal("confirm"), version: versionNumber.optional(), field: text(100), value: text(1000).default("") }),
]);
const LABELS: Record<string, MessageKey> = {
  intent: "form.field.intent",
  shareVersion: "form.field.shareVersion",
  token: "form.field.shareLink",
  version: "form.field.version",
  field: "form.field.confirmField",
  value: "form.field.value",
};

export async function action({ params, request, context }: ActionFunctionArgs) {
  const id = params.id ?? "";
  const principal = await requireScenario({ request, context }, id, "editor");
  const locale = resolveLocale(request);
  const t = translator(locale);
  const form = await request.formData();
  const reply = (r: Partial<EditReply>, status = 400, headers: Record<string, string> = {}) =>
    data<EditReply>({ errors: {}, values: {}, notice: null, confirmError: null, ...r }, { status, headers });
  const parsed = parseForm(PlanPageForm, form);
  if (!parsed.ok) {
    // A refusal names the field in the page's language; a correction keeps what was typed beside the fact it was for.
    const { message } = namedFieldError(parsed.errors, t, LABELS);
    const typed = (name: string) => (typeof form.get(name) === "string" ? String(form.get(name)) : "");
    return form.get("intent") === "confirm"
      ? reply({ confirmError: { field: typed("field"), message, value: typed("value") } })
      : reply({ formError: message });
  }
  const post = parsed.value;
  const overview = await getScenarioOverview({ id });
  if (!overview) notFound();
  const latest = overview.scenario.latestVersion;

  if (post.intent === "share-create") {
    const link = await createShareLink({ id, version: post.shareVersion });
    if (!link) notFound();
    await recordAudit({
      actor: principal,
      action: "shared",
      scenarioId: id,
      detail: { link: `${link.token.slice(0, 6)}…`, version: link.version ?? "latest" },
    });
    return redirect(`/scenarios/${id}?shared=${encodeURIComponent(link.token)}#share`);
  }
  if (post.intent === "share-revoke") {
    const { token } = post;
    if (await revokeShareLink({ id, token }))
      await recordAudit({ actor: principal, action: "revoked", scenarioId: id, detail: { link: `${token.slice(0, 6)}…` } });
    return redirect(`/scenarios/${id}#share`);
  }

  // Edits start from the version on screen, which may be an older one (one past the latest: the latest).
  const asked = post.version ?? latest;
  const base = await getVersion({ id, version: asked <= latest ? asked : latest });
  if (!base) notFound();
  const next =
    post.intent === "confirm"
      ? readConfirmEdit(post, base, t)
      : readAssumptionEdits(form, planViewOf(base, { locale, audience: "owner", timeZone: null }), base, t);
  if ("reply" in next) return reply(next.reply);
  const planned = parseScenarioInput(next.input);
  if (!planned.ok) {
    if (post.intent === "confirm")
      return reply({ confirmError: { field: post.field, message: fieldErrorText(planned.errors[0], t), value: post.value } });
    const errors: Record<string, string> = {};
    for (const e of planned.errors) errors[e.path.replace(/^assumptions\./, "")] = fieldErrorText(e, t);
    return reply({ errors, values: next.values });
  }
  // Past the plan limit: 429 + Retry-After, and the form comes back with what was typed.
  const wait = await pageLimitWait("plan", { context, principal });
  if (wait !== null) {
    const message = t("error.rateLimited", { seconds: wait });
    return post.intent === "confirm"
      ? reply({ confirmError: { field: post.field, message, value: post.value } }, 429, retryAfterHeaders(wait))
      : reply({ notice: "rateLimited", retryAfter: wait, values: next.values }, 429, retryAfterHeaders(wait));
  }
  const plan = await computePlan(planned.value);
  const saved = await saveVersion({ id, input: planned.value, plan, note: next.note, actor: principal });
  if (!saved) notFound();
  return redirect(`/scenarios/${id}?saved=${saved.version}#${next.anchor}`);
}

export default function ScenarioPage() {
  const d = useLoaderData<typeof loader>();
  // Plain JSON both ways; the serialised types are too deep for the compiler to follow.
  const actionData = useActionData<typeof action>() as EditReply | undefined;
  const { t, locale } = useT();
  const view = d.view as unknown as PlanView;
  const lang = `lang=${locale}`;
  const vq = `v=${d.version}`;
  const pdfHref = `/scenarios/${d.id}/report.pdf?${lang}&${vq}`;
  const action = `/scenarios/${d.id}${d.version === d.latestVersion ? "" : `?v=${d.version}`}`;
  const errorCount = actionData ? Object.keys(actionData.errors).length : 0;
  return (
    <article data-testid="plan-page" data-version={d.version}>
      <header className="plan-head">
        <div>
          <h1 data-testid="plan-title">{view.title}</h1>
          <p className="muted small plan-head__stamp" data-testid="stamp">
            {view.stamp.text}
            {d.version !== d.latestVersion ? (
              <>
                {" · "}
                <Link to={`/scenarios/${d.id}`}>{t("plan.viewLatest")}</Link>
              </>
            ) : null}
          </p>
          {d.whatIfOf ? <WhatIfOf origin={d.whatIfOf} t={t} /> : null}
        </div>
        <nav className="actions no-print" aria-label={t("plan.exports")}>
          <PdfLink href={pdfHref} label={t("plan.export.pdf")} t={t} testId="pdf-link" />
          <a className="button button--ghost" href={`/scenarios/${d.id}/export.md?${lang}&${vq}`} data-testid="md-link">
            {t("plan.export.md")}
          </a>
          <a className="button button--ghost" href={`/scenarios/${d.id}/export.json?${vq}`}>
            {t("plan.export.json")}
          </a>
          {d.canEdit ? (
            <>
              <Link className="button button--ghost" to={`/scenarios/${d.id}/edit`}>
                {t("plan.edit")}
              </Link>
              <ScenarioManage id={d.id} version={d.version} title={view.title} t={t} />
            </>
          ) : null}
        </nav>
      </header>
      {d.saved && !actionData ? (
        <div className="notice notice--ok" role="status" data-testid="saved-notice">
          <p>{t("plan.savedAs", { n: d.saved })}</p>
          {d.diff ? <ChangeList changes={d.diff.figures.length ? d.diff.figures : d.diff.inputs} testId="saved-changes" /> : null}
        </div>
      ) : null}
      <PdfBusyNotice seconds={d.pdfBusy} href={pdfHref} t={t} />
      <ManageDone done={d.done} title={view.title} t={t} />
      {actionData?.notice === "rateLimited" ? (
        <p className="notice notice--error" role="alert" data-testid="rate-limited">
          {t("error.rateLimited", { seconds: actionData.retryAfter ?? 60 })}
        </p>
      ) : null}
      {actionData?.formError ? (
        <p className="notice notice--error" role="alert" data-testid="form-error">
          {actionData.formError}
        </p>
      ) : null}
      {actionData?.notice === "noChange" ? (
        <p className="notice" role="status">
          {t("plan.assumptions.noChange")}
        </p>
      ) : null}
      {errorCount ? (
        <p className="notice notice--error" role="alert">
          <a href="#assumptions-errors">{t("assumptions.errorSummary", { n: errorCount })}</a>
        </p>
      ) : null}
      {d.version !== d.latestVersion ? (
        <p className="notice notice--warn">{t("plan.viewingOld", { n: d.version, latest: d.latestVersion })}</p>
      ) : null}
      {view.upgradeNotice ? <p className="notice notice--warn">{view.upgradeNotice}</p> : null}
      <BriefView
        brief={view.brief}
        t={t}
        editing={d.canEdit ? { action, version: d.version, error: actionData?.confirmError ?? null } : undefined}
      />
      <PlanDocument
        ctx={{
          view,
          t,
          chartImage: (chart) => `/scenarios/${d.id}/charts/${chart}.png?${vq}&${lang}`,
          ...(d.canEdit
            ? {
                assumptionsEditor: (groups: Parameters<typeof AssumptionsEditor>[0]["groups"]) => (
                  <AssumptionsEditor
                    groups={groups}
                    t={t}
                    state={{ action, version: d.version, errors: actionData?.errors, values: actionData?.values }}
                  />
                ),
              }
            : {}),
        }}
        extra={[
          {
            id: "versions",
            title: t("plan.versions"),
            node: <VersionHistory id={d.id} versions={d.versions} shown={d.version} diff={d.diff} t={t} locale={locale} />,
          },
          ...(d.canEdit
            ? [
                {
                  id: "share",
                  title: t("plan.share"),
                  node: (
                    <SharePanel
                      links={d.shareLinks}
                      origin={d.origin}
                      createdToken={d.sharedNow}
                      version={d.version}
                      action={action}
                      t={t}
                      locale={locale}
                    />
                  ),
                },
              ]
            : []),
          { id: "activity", title: t("audit.title"), node: <AuditTrail events={d.audit} t={t} locale={locale} /> },
        ]}
      />
    </article>
  );
}

/** "What-if of <origin> (v2)", the origin's name a link to the version it was copied from. */
function WhatIfOf({ origin, t }: { origin: { id: string; version: number; title: string }; t: ReturnType<typeof useT>["t"] }) {
  const MARK = "\u0000";
  const [before, after] = t("plan.whatIfOf", { title: MARK, n: origin.version }).split(MARK);
  const href = `/scenarios/${origin.id}?v=${origin.version}`;
  return (
    <p className="muted small" data-testid="what-if-of">
      {before}
      <Link to={href}>{origin.title}</Link>
      {after}
    </p>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
