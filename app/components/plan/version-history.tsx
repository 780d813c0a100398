import { Link } from "@remix-run/react";
import { LocalTime } from "~/components/local-time";
import type { Locale } from "~/domain/scenario";
import type { Translate } from "~/i18n/translate";
import type { VersionDiff, WordedChange } from "~/lib/diff";

export interface VersionRow {
  version: number;
  createdAt: string;
  /** The save time as the server could format it (the reader's zone when known). */
  createdAtText: string;
  verdict: string;
  grade: string;
  score: number;
}

/** Changes as sentences: "Break-even: month 20 → month 33". */
export function ChangeList({ changes, testId }: { changes: WordedChange[]; testId?: string }) {
  return (
    <ul className="change-list" data-testid={testId}>
      {changes.map((c) => (
        <li key={c.id} data-change={c.id}>
          <strong>{c.label}</strong>: <span className="change-before">{c.before}</span> → <span className="change-after">{c.after}</span>
        </li>
      ))}
    </ul>
  );
}

export function DiffView({ diff, t }: { diff: VersionDiff; t: Translate }) {
  return (
    <div className="diff" data-testid="diff">
      {diff.figures.length ? <ChangeList changes={diff.figures} testId="diff-figures" /> : <p className="muted">{t("diff.noFigure")}</p>}
      {diff.inputs.length ? (
        <>
          <p className="diff__because">{t("diff.because")}</p>
          <ChangeList changes={diff.inputs} testId="diff-inputs" />
        </>
      ) : null}
    </div>
  );
}

export function VersionHistory({
  id,
  versions,
  shown,
  diff,
  t,
  locale,
}: {
  id: string;
  versions: VersionRow[];
  shown: number;
  diff: VersionDiff | null;
  t: Translate;
  locale: Locale;
}) {
  return (
    <div className="grid-2">
      <div className="card">
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("a11y.table", { name: t("plan.versions") })}>
          <table data-testid="versions-table">
            <thead>
              <tr>
                <th scope="col">{t("plan.versions.version")}</th>
                <th scope="col">{t("plan.versions.date")}</th>
                <th scope="col">{t("list.col.verdict")}</th>
                <th scope="col" className="num">
                  {t("list.col.score")}
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version} aria-current={v.version === shown ? "true" : undefined}>
                  <td>
                    {v.version === shown ? (
                      <strong>
                        v{v.version} <span className="muted small">({t("plan.versions.current")})</span>
                      </strong>
                    ) : (
                      <Link to={`/scenarios/${id}?v=${v.version}`}>v{v.version}</Link>
                    )}
                  </td>
                  <td className="small">
                    <LocalTime iso={v.createdAt} text={v.createdAtText} locale={locale} />
                  </td>
                  <td>
                    <span className={`badge badge--${v.verdict}`}>{t.label("verdict", v.verdict)}</span>
                  </td>
                  <td className="num">
                    {v.grade} · {Math.round(v.score)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div className="card">
        <h3>{t("plan.versions.changes")}</h3>
        {diff === null ? <p className="muted">{t("plan.versions.first")}</p> : <DiffView diff={diff} t={t} />}
      </div>
    </div>
  );
}
