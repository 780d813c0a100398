import { Link } from "@remix-run/react";
import { VerdictBadge } from "~/components/badges";
import type { Translate } from "~/i18n/translate";
import type { MatrixView } from "~/workshop/view";

/**
 * The value × feasibility matrix: drawn on the server as SVG (one drawing for wide screens, one for phones; CSS shows
 * the one that fits), so it shows with JavaScript off and its labels are text. Below it, what the sizes, lines and
 * marks mean, and every option as a row of a table (numbers match the bubbles).
 */
export function MatrixFigure({ matrix, t, large = false }: { matrix: MatrixView; t: Translate; large?: boolean }) {
  return (
    <figure className={large ? "ws-matrix ws-matrix--large" : "ws-matrix"} data-testid="matrix">
      <figcaption className="ws-matrix__title">{t("ws.matrix.title")}</figcaption>
      {/* The SVG is built from escaped text only (app/workshop/matrix-svg.ts). */}
      <div className="ws-matrix__svg ws-matrix__svg--desktop" dangerouslySetInnerHTML={{ __html: matrix.desktop }} />
      <div className="ws-matrix__svg ws-matrix__svg--phone" dangerouslySetInnerHTML={{ __html: matrix.phone }} />
      <ul className="ws-matrix__notes small">
        <li>{matrix.splitNote}</li>
        {matrix.sizeNote ? <li>{matrix.sizeNote}</li> : null}
        {matrix.sizeUnknown ? <li>{t("ws.matrix.sizeUnknown")}</li> : null}
        {matrix.moved ? <li>{t("ws.matrix.moved")}</li> : null}
        <li>
          {t("ws.matrix.colour")}{" "}
          {(["go", "pilot", "rethink", "no_go"] as const).map((v) => (
            <span key={v} className="ws-swatch-item">
              <span className={`ws-swatch ws-swatch--${v}`} aria-hidden="true" /> {t.label("verdict", v)}
            </span>
          ))}
        </li>
        {matrix.unlabelled.length ? <li>{t("ws.matrix.unlabelled", { list: t.list(matrix.unlabelled) })}</li> : null}
      </ul>
      {large ? null : <MatrixKey matrix={matrix} t={t} />}
    </figure>
  );
}

export function MatrixKey({ matrix, t }: { matrix: MatrixView; t: Translate }) {
  return (
    <div className="table-wrap">
      <table className="ws-key" data-testid="matrix-key">
        <caption className="visually-hidden">{t("ws.matrix.key")}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t("ws.col.number")}
            </th>
            <th scope="col">{t("ws.col.option")}</th>
            <th scope="col">{t("ws.col.quadrant")}</th>
            <th scope="col">{t("ws.col.verdict")}</th>
            <th scope="col" className="num col-optional">
              {t("ws.col.value")}
            </th>
            <th scope="col" className="num col-optional">
              {t("ws.col.feasibility")}
            </th>
            <th scope="col" className="num col-optional">
              {t("ws.row.oneOff")}
            </th>
          </tr>
        </thead>
        <tbody>
          {matrix.key.map((k) => (
            <tr key={k.id} data-option={k.id}>
              <td className="num">
                <span className={`ws-num ws-num--${k.verdict}`}>{k.number}</span>
              </td>
              <th scope="row">
                <Link to={`/scenarios/${k.id}`}>{k.title}</Link>
                {k.archived ? <span className="muted small"> · {t("compare.archived")}</span> : null}
              </th>
              <td>{k.quadrant ? t(`ws.quadrant.${k.quadrant}`) : "—"}</td>
              <td>
                <VerdictBadge verdict={k.verdict} t={t} />
              </td>
              <td className="num col-optional">{k.value}</td>
              <td className="num col-optional">{k.feasibility}</td>
              <td className="num col-optional">{k.oneOff}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
