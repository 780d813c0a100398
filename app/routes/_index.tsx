import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { GradeBadge, VerdictBadge } from "~/components/badges";
import { LocalTime } from "~/components/local-time";
import { RouteError } from "~/components/route-error";
import { VERDICTS } from "~/domain/engine/types";
import type { Locale } from "~/domain/scenario";
import { resolveLocale, resolveTimeZone } from "~/i18n/locale.server";
import type { Translate } from "~/i18n/translate";
import { useT } from "~/i18n/use-locale";
import { requireUser } from "~/lib/auth.server";
import { pageHref, readPage } from "~/lib/paging";
import { ROLE_RANK } from "~/lib/roles";
import { findScenarios, listTags, scenarioState, type ScenarioListItem } from "~/models/workshop.server";
import { LIST_SORTS, LIST_STATUSES, TRASH_DAYS, type ListSort, type ListStatus } from "~/workshop/list";
import { formatDateTime } from "~/present/format";
import workshopCss from "~/styles/workshop.css?url";
import { afterAction, backTo, DONE, runManageAction, type Done, type ManageResult } from "~/workshop/manage.server";

export const meta: MetaFunction = () => [{ title: "Tierwise · 大模型落地决策台" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: workshopCss }];

const oneOf = <T extends string>(list: readonly T[], v: string | null, fallback: T): T =>
  (list as readonly string[]).includes(v ?? "") ? (v as T) : fallback;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { workspaceId, role } = await requireUser({ request, context });
  const url = new URL(request.url);
  const p = url.searchParams;
  const locale = resolveLocale(request);
  const timeZone = resolveTimeZone(request);
  const status = oneOf<ListStatus>(LIST_STATUSES, p.get("status"), "active");
  const sort = oneOf<ListSort>(LIST_SORTS, p.get("sort"), "updated");
  const verdict = oneOf<string>(VERDICTS, p.get("verdict"), "");
  const q = (p.get("q") ?? "").trim().slice(0, 200);
  const tag = (p.get("tag") ?? "").trim().slice(0, 64);
  const page = readPage(p);
  const doneKind = oneOf<Done | "">(DONE, p.get("done"), "");
  const doneId = p.get("id") ?? "";
  const [found, tags, done] = await Promise.all([
    findScenarios({ workspaceId, page, q, tags: tag ? [tag] : [], status, verdict: verdict || undefined, sort }),
    listTags({ workspaceId }),
    doneKind && doneId ? scenarioState({ workspaceId, id: doneId }) : Promise.resolve(null),
  ]);
  const at = (iso: string) => formatDateTime(iso, locale, timeZone);
  const restorableUntil = (deletedAt: string) => new Date(new Date(deletedAt).getTime() + TRASH_DAYS * 86_400_000).toISOString();
  return {
    filters: { q, tag, status, verdict, sort },
    filtered: Boolean(q || tag || verdict),
    scenarios: found.items.map((s) => ({
      ...s,
      updatedAtText: at(s.updatedAt),
      restorableUntilText: s.deletedAt ? at(restorableUntil(s.deletedAt)) : null,
    })),
    paging: { page: found.page, pages: found.pages, total: found.total, size: found.size },
    tags: tags.map((x) => x.tag),
    done: done && doneKind ? { kind: doneKind, id: doneId, title: done.title, deleted: done.deleted } : null,
    // Viewers read; the manage menu and "New" are for editors and owners.
    canEdit: ROLE_RANK[role] >= ROLE_RANK.editor,
  };
}

/** The manage menu: editors and owners (a viewer's post is a 403). */
export async function action({ request, context }: ActionFunctionArgs) {
  const { workspaceId } = await requireUser({ request, context }, "editor");
  const form = await request.formData();
  const result = await runManageAction(form, resolveLocale(request), workspaceId);
  if (result.ok) return redirect(afterAction(result, backTo(form.get("back"))));
  return data(result, { status: result.status });
}

export default function Index() {
  const { filters, filtered, scenarios, paging, tags, done, canEdit } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>() as ManageResult | undefined;
  const { t, locale } = useT();
  const { search, pathname } = useLocation();
  const params = new URLSearchParams(search);
  params.delete("done");
  params.delete("id");
  const back = params.toString() ? `?${params.toString()}` : "";
  const empty = scenarios.length === 0 && !filtered && filters.status === "active" && paging.page === 1;
  if (empty && !done) {
    return (
      <div className="card empty" data-testid="empty-state">
        <div className="empty__art" aria-hidden="true">
          <span className="h40" />
          <span className="h70" />
          <span className="h100" />
        </div>
        <h1>{t("list.empty.title")}</h1>
        <p>{t("list.empty.text")}</p>
        {canEdit ? (
          <Link to="/scenarios/new" className="button">
            {t("list.empty.cta")}
          </Link>
        ) : null}
      </div>
    );
  }
  const statusHref = (status: ListStatus) => {
    const next = new URLSearchParams(params);
    next.delete("page");
    if (status === "active") next.delete("status");
    else next.set("status", status);
    const q = next.toString();
    return q ? `/?${q}` : "/";
  };
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("list.title")}</h1>
          <p>{t("list.intro")}</p>
        </div>
        {canEdit ? (
          <Link to="/scenarios/new" className="button">
            {t("nav.new")}
          </Link>
        ) : null}
      </div>
      {done ? <DoneNotice done={done} back={back} t={t} /> : null}
      {failed && !failed.ok && !failed.field ? (
        <p className="notice notice--error" role="alert">
          {failed.message}
        </p>
      ) : null}
      <nav className="ws-status-tabs" aria-label={t("list.status")}>
        {LIST_STATUSES.map((s) => (
          <Link
            key={s}
            to={statusHref(s)}
            className={filters.status === s ? "button button--small" : "button button--ghost button--small"}
            aria-current={filters.status === s ? "page" : undefined}
            data-testid={`status-${s}`}
          >
            {t(`list.status.${s}`)}
          </Link>
        ))}
      </nav>
      {/* Search and filters: a GET form, so the address says what is shown and works without JavaScript. */}
      <Form method="get" className="card ws-filters" role="search" data-testid="list-filters">
        {filters.status !== "active" ? <input type="hidden" name="status" value={filters.status} /> : null}
        <div className="ws-filters__row">
          <label className="ws-field">
            <span className="label">{t("list.searchLabel")}</span>
            <input type="search" name="q" defaultValue={filters.q} maxLength={200} data-testid="list-search" />
          </label>
          <label className="ws-field">
            <span className="label">{t("list.tag")}</span>
            <select name="tag" defaultValue={filters.tag} data-testid="list-tag">
              <option value="">{t("list.tag.any")}</option>
              {tags.map((tag) => (
                <option key={tag} value={tag}>
                  {tag}
                </option>
              ))}
            </select>
          </label>
          <label className="ws-field">
            <span className="label">{t("list.verdict")}</span>
            <select name="verdict" defaultValue={filters.verdict}>
              <option value="">{t("list.verdict.any")}</option>
              {VERDICTS.map((v) => (
                <option key={v} value={v}>
                  {t.label("verdict", v)}
                </option>
              ))}
            </select>
          </label>
          <label className="ws-field">
            <span className="label">{t("list.sort")}</span>
            <select name="sort" defaultValue={filters.sort}>
              {LIST_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`list.sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" data-testid="list-apply">
            {t("list.apply")}
          </button>
          {filtered ? (
            <Link to={statusHref(filters.status)} className="button button--ghost">
              {t("list.clear")}
            </Link>
          ) : null}
        </div>
      </Form>
      {filters.status === "trash" ? <p className="small muted">{t("list.trashNote", { days: TRASH_DAYS })}</p> : null}
      {scenarios.length === 0 ? (
        <p className="card muted" data-testid="list-empty">
          {filtered
            ? t("list.noMatch")
            : filters.status === "trash"
              ? t("list.trashEmpty", { days: TRASH_DAYS })
              : filters.status === "archived"
                ? t("list.archivedEmpty")
                : t("list.noMatch")}
        </p>
      ) : (
        <>
          {/* The compare checkboxes belong to this form by id, so the row forms below are not nested in it. */}
          <Form method="get" action="/compare" id="compare-form" />
          <div className="card table-wrap">
            <table className="list-table" data-testid="scenario-list">
              <caption className="muted small caption-plain">
                {filtered ? t("list.found", { n: paging.total }) : t("list.count", { n: paging.total })}
                {filters.status === "active" ? ` · ${t("list.compareHint")}` : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t("list.col.select")}</span>
                  </th>
                  <th scope="col">{t("list.col.title")}</th>
                  <th scope="col">{t("list.col.verdict")}</th>
                  <th scope="col">{t("list.col.grade")}</th>
                  <th scope="col" className="num col-optional">
                    {t("list.col.score")}
                  </th>
                  <th scope="col" className="col-optional">
                    {t("list.col.tier")}
                  </th>
                  <th scope="col" className="num col-optional">
                    {t("list.col.versions")}
                  </th>
                  <th scope="col" className="col-optional">
                    {t("list.col.updated")}
                  </th>
                  {canEdit ? <th scope="col">{t("list.col.actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {scenarios.map((s) => (
                  <Row
                    key={s.id}
                    s={s}
                    t={t}
                    locale={locale}
                    back={back}
                    failed={failed && !failed.ok && failed.id === s.id ? failed : null}
                    status={filters.status}
                    canEdit={canEdit}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <div className="ws-pager">
            {filters.status !== "trash" ? (
              <button type="submit" form="compare-form" className="button--ghost" data-testid="compare-selected">
                {t("list.compareSelected")}
              </button>
            ) : null}
            {paging.pages > 1 ? (
              <nav aria-label={t("list.pager")} className="ws-pager" data-testid="pager">
                {paging.page > 1 ? (
                  <Link to={pageHref(pathname, params, paging.page - 1)} rel="prev">
                    {t("list.prev")}
                  </Link>
                ) : null}
                <span className="small muted">{t("list.page", { page: paging.page, pages: paging.pages })}</span>
                {paging.page < paging.pages ? (
                  <Link to={pageHref(pathname, params, paging.page + 1)} rel="next">
                    {t("list.next")}
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </div>
        </>
      )}
    </>
  );
}

type RowData = ScenarioListItem & { updatedAtText: string; restorableUntilText: string | null };

function Row({
  s,
  t,
  locale,
  back,
  failed,
  status,
  canEdit,
}: {
  s: RowData;
  t: Translate;
  locale: Locale;
  back: string;
  failed: Extract<ManageResult, { ok: false }> | null;
  status: ListStatus;
  canEdit: boolean;
}) {
  return (
    <tr data-scenario={s.id}>
      <td>
        {status !== "trash" ? (
          <input type="checkbox" name="ids" value={s.id} form="compare-form" aria-label={`${t("list.col.select")}: ${s.title}`} />
        ) : null}
      </td>
      <td className="table-title">
        {status === "trash" ? <span>{s.title}</span> : <Link to={`/scenarios/${s.id}`}>{s.title}</Link>}
        {s.origin ? (
          <span className="ws-origin">
            {t("list.whatIfOf")} {s.origin.title ? <Link to={`/scenarios/${s.origin.id}`}>{s.origin.title}</Link> : s.origin.id}
            {s.origin.version ? ` (v${s.origin.version})` : ""}
          </span>
        ) : null}
        {s.tags.length ? (
          <span className="ws-tags" data-testid="row-tags">
            {s.tags.map((tag) => (
              <Link key={tag} to={`/?tag=${encodeURIComponent(tag)}`} className="ws-tag">
                {tag}
              </Link>
            ))}
          </span>
        ) : null}
        {s.restorableUntilText ? <span className="ws-origin">{t("list.trashLeft", { date: s.restorableUntilText })}</span> : null}
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
      <td className="col-optional small">
        <LocalTime iso={s.updatedAt} text={s.updatedAtText} locale={locale} />
      </td>
      {canEdit ? (
        <td>
          {status === "trash" ? (
            <Form method="post" className="ws-inline-form">
              <input type="hidden" name="intent" value="restore" />
              <input type="hidden" name="id" value={s.id} />
              <input type="hidden" name="back" value={back} />
              <button type="submit" className="button--ghost button--small" data-testid="restore">
                {t("list.action.restore")}
              </button>
            </Form>
          ) : (
            <details className="ws-manage" open={Boolean(failed)} data-testid="manage">
              <summary>
                {t("list.col.actions")}
                <span className="visually-hidden">: {s.title}</span>
              </summary>
              <div className="ws-manage__body">
                <ManageForm id={s.id} back={back} intent="duplicate" label={t("list.action.duplicate")} />
                <FieldForm
                  id={s.id}
                  back={back}
                  intent="rename"
                  field="title"
                  label={t("list.field.title")}
                  button={t("list.action.rename")}
                  value={s.title}
                  failed={failed}
                  required
                  testId="rename"
                />
                <FieldForm
                  id={s.id}
                  back={back}
                  intent="tags"
                  field="tags"
                  label={t("list.field.tags")}
                  button={t("list.action.tags")}
                  value={s.tags.join(", ")}
                  failed={failed}
                  testId="save-tags"
                  inputTestId="tags-input"
                />
                <div className="actions">
                  <ManageForm
                    id={s.id}
                    back={back}
                    intent={status === "archived" ? "unarchive" : "archive"}
                    label={t(status === "archived" ? "list.action.unarchive" : "list.action.archive")}
                  />
                  <ManageForm id={s.id} back={back} intent="delete" label={t("list.action.delete")} danger />
                </div>
              </div>
            </details>
          )}
        </td>
      ) : null}
    </tr>
  );
}

/** One typed value and its button (rename, tags): what was typed and the error stay beside the field after a refusal. */
function FieldForm(p: {
  id: string;
  back: string;
  intent: string;
  field: "title" | "tags";
  label: string;
  button: string;
  value: string;
  failed: Extract<ManageResult, { ok: false }> | null;
  required?: boolean;
  testId: string;
  inputTestId?: string;
}) {
  const mine = p.failed?.field === p.field ? p.failed : null;
  const errId = `err-${p.id}-${p.field}`;
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={p.intent} />
      <input type="hidden" name="id" value={p.id} />
      <input type="hidden" name="back" value={p.back} />
      <label>
        {p.label}
        <input
          type="text"
          name={p.field}
          required={p.required}
          maxLength={p.field === "title" ? 200 : undefined}
          defaultValue={mine ? mine.value : p.value}
          aria-invalid={mine ? true : undefined}
          aria-describedby={mine ? errId : undefined}
          data-testid={p.inputTestId ?? `${p.testId}-input`}
        />
      </label>
      <button type="submit" className="button--ghost button--small" data-testid={p.testId}>
        {p.button}
      </button>
      {mine ? (
        <span id={errId} className="field-error" role="alert">
          {mine.message}
        </span>
      ) : null}
    </Form>
  );
}

function ManageForm({
  id,
  back,
  intent,
  label,
  danger = false,
}: {
  id: string;
  back: string;
  intent: string;
  label: string;
  danger?: boolean;
}) {
  return (
    <Form method="post" className="ws-inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" className={danger ? "button--danger button--small" : "button--ghost button--small"} data-testid={intent}>
        {label}
      </button>
    </Form>
  );
}

function DoneNotice({ done, back, t }: { done: { kind: Done; id: string; title: string; deleted: boolean }; back: string; t: Translate }) {
  const text = t(`list.done.${done.kind}`, { title: done.title, days: TRASH_DAYS });
  return (
    <div className="notice notice--ok" role="status" data-testid="done-notice">
      {text}{" "}
      {done.kind === "deleted" && done.deleted ? (
        <Form method="post" className="ws-inline-form">
          <input type="hidden" name="intent" value="restore" />
          <input type="hidden" name="id" value={done.id} />
          <input type="hidden" name="back" value={back} />
          <button type="submit" className="button--small" data-testid="undo">
            {t("list.undo")}
          </button>
        </Form>
      ) : done.kind !== "deleted" && !done.deleted ? (
        <Link to={`/scenarios/${done.id}`}>{done.title}</Link>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
