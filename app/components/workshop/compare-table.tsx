import { Link } from "@remix-run/react";
import type { Translate } from "~/i18n/translate";
import { withParams } from "~/workshop/query";
import type { WorkshopView } from "~/workshop/view";
import { VerdictBadge } from "~/components/badges";

/**
 * The options side by side, one column each (numbered as on the matrix), one row per figure, money in one currency.
 * A row's name sorts the columns by it (a link: works without JavaScript); each row marks its best and worst in words,
 * not by colour alone.
 */
export function CompareTable({ view, search, t }: { view: WorkshopView; search: string; t: Translate }) {
  const byId = new Map(view.options.map((o) => [o.id, o]));
  const columns = view.order.map((id) => byId.get(id)!);
  const sortedRow = view.rows.find((r) => r.id === view.sortedBy);
  return (
    <div className="card ws-compare">
      <p className="small muted" id="ws-sort-note" role="status">
        {sortedRow ? t("compare.sorted", { metric: sortedRow.label }) : t("compare.unsorted")}{" "}
        {sortedRow ? (
          <Link to={withParams(search, { sort: null })} preventScrollReset>
            {t("list.clear")}
          </Link>
        ) : null}
      </p>
      <div className="table-wrap ws-compare__scroll" tabIndex={0} role="region" aria-label={t("compare.title")}>
        <table className="compare-table ws-compare__table" data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">{t("compare.metric")}</th>
              {columns.map((o) => (
                <th scope="col" key={o.id} className="ws-compare__option" data-option={o.id}>
                  <span className={`ws-num ws-num--${o.verdict}`}>{o.number}</span> <Link to={`/scenarios/${o.id}`}>{o.title}</Link>
                  {o.archived ? <span className="muted small"> · {t("compare.archived")}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.id} data-row={r.id}>
                <th scope="row" aria-sort={r.id === view.sortedBy ? "descending" : undefined}>
                  {r.sortable ? (
                    <Link
                      to={withParams(search, { sort: r.id })}
                      preventScrollReset
                      title={t("compare.sortBy", { metric: r.label })}
                      data-testid={`sort-${r.id}`}
                    >
                      {r.label}
                      {r.id === view.sortedBy ? <span aria-hidden="true"> ↓</span> : null}
                    </Link>
                  ) : (
                    r.label
                  )}
                </th>
                {columns.map((o) => {
                  const cell = r.cells[o.id];
                  return (
                    <td key={o.id} className={cell.mark ? `ws-cell ws-cell--${cell.mark}` : "ws-cell"} data-mark={cell.mark ?? undefined}>
                      {cell.verdict ? <VerdictBadge verdict={cell.verdict} t={t} /> : cell.text}
                      {cell.mark ? (
                        <span className={`ws-mark ws-mark--${cell.mark}`}>
                          {cell.mark === "best" ? `▲ ${t("compare.best")}` : `▼ ${t("compare.worst")}`}
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small muted">{t("compare.marks")}</p>
    </div>
  );
}
