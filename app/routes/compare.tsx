import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { CompareTable } from "~/components/workshop/compare-table";
import { VerdictBadge } from "~/components/badges";
import { MatrixFigure } from "~/components/workshop/matrix-figure";
import { WorkshopControls, WorkshopNav } from "~/components/workshop/workshop-controls";
import { RouteError } from "~/components/route-error";
import { useT } from "~/i18n/use-locale";
import { readPage } from "~/lib/paging";
import { findScenarios, listTags } from "~/models/workshop.server";
import workshopCss from "~/styles/workshop.css?url";
import { requireUser } from "~/lib/auth.server";
import { loadWorkshop } from "~/workshop/load.server";

export const meta: MetaFunction = () => [{ title: "Compare · Tierwise" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: workshopCss }];

/** The picker shows the most recently updated active scenarios (and whatever is selected); search finds the rest. */
const PICKER_SIZE = 60;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { workspaceId } = await requireUser({ request, context });
  const [loaded, recent, tags] = await Promise.all([
    loadWorkshop(request, { workspaceId }),
    findScenarios({
      workspaceId,
      page: readPage(new URLSearchParams({ size: String(PICKER_SIZE) }), { maxSize: PICKER_SIZE }),
      status: "active",
    }),
    listTags({ workspaceId }),
  ]);
  const { selection, params, view, missing } = loaded;
  const picked = new Set(selection.ids);
  // Selected scenarios that are not among the recent ones still show, ticked.
  const chosen = view?.options ?? [];
  const pick = [
    ...chosen.filter((o) => !recent.items.some((r) => r.id === o.id)).map((o) => ({ id: o.id, title: o.title, verdict: o.verdict })),
    ...recent.items.map((s) => ({ id: s.id, title: s.title, verdict: s.verdict })),
  ];
  return {
    selection,
    params,
    view,
    tags: tags.map((x) => x.tag),
    pick: pick.map((p) => ({ ...p, checked: picked.has(p.id) })),
    more: recent.total > PICKER_SIZE,
    missing,
  };
}

export default function Compare() {
  const { selection, params, view, tags, pick, more, missing } = useLoaderData<typeof loader>();
  const { t } = useT();
  const { search } = useLocation();
  const problem =
    selection.problem === "tagNone"
      ? t("compare.byTagNone", { tag: selection.tag ?? "" })
      : selection.problem === "tooFew"
        ? t("compare.tooFew")
        : selection.problem === "tooMany"
          ? t("compare.tooMany")
          : null;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("compare.title")}</h1>
          <p>{t("compare.intro")}</p>
        </div>
      </div>
      {pick.length === 0 ? (
        <p className="muted">{t("compare.none")}</p>
      ) : (
        <details className="card no-print ws-picker" open={!view}>
          <summary>{t("compare.pick")}</summary>
          <Form method="get">
            <fieldset className="ws-fieldset">
              <legend className="small muted">{t("compare.pickHint")}</legend>
              <div className="pick-list">
                {pick.map((s) => (
                  <label key={s.id} className="check">
                    <input type="checkbox" name="ids" value={s.id} defaultChecked={s.checked} />
                    {s.title} <VerdictBadge verdict={s.verdict} t={t} />
                  </label>
                ))}
              </div>
              {more ? <p className="small muted">{t("compare.pickMore", { n: pick.length })}</p> : null}
            </fieldset>
            <button type="submit" data-testid="compare-submit">
              {t("compare.submit")}
            </button>
          </Form>
          {tags.length ? (
            <Form method="get" className="ws-bytag">
              <label className="ws-field">
                <span className="label">{t("compare.byTag")}</span>
                <select name="tag" defaultValue={selection.tag ?? tags[0]}>
                  {tags.map((tag) => (
                    <option key={tag} value={tag}>
                      {tag}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="button--ghost" data-testid="compare-tag">
                {t("compare.submit")}
              </button>
            </Form>
          ) : null}
        </details>
      )}
      {problem ? (
        <p className="notice notice--error" role="alert" data-testid="compare-problem">
          {problem}
        </p>
      ) : null}
      {missing > 0 ? <p className="notice notice--warn">{t("compare.missing", { n: missing })}</p> : null}
      {selection.tagMore ? <p className="notice">{t("compare.byTagMore", { n: selection.ids.length })}</p> : null}
      {view ? (
        <div className="stack">
          <WorkshopNav search={search} t={t} current="compare" />
          <WorkshopControls view={view} params={params} selection={selection} t={t} keep={{ sort: view.sortedBy }} />
          <CompareTable view={view} search={search} t={t} />
          {view.matrix ? <MatrixFigure matrix={view.matrix} t={t} /> : <p className="muted">{t("ws.matrix.empty")}</p>}
        </div>
      ) : null}
      {selection.ids.length && !view && !problem ? <p className="notice">{t("list.gone")}</p> : null}
      {!view && selection.ids.length === 0 && !problem ? <p className="muted small">{t("compare.pickHint")}</p> : null}
      {view ? null : (
        <p className="small">
          <Link to="/">{t("nav.scenarios")}</Link>
        </p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
