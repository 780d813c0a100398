import { Chart as ChartJS, registerables } from "chart.js";
import { Chart } from "react-chartjs-2";
import type { ChartSpec } from "~/present/charts/spec";

ChartJS.register(...registerables);
// The page's own font stack, so Chinese labels use the same CJK font as the text around them.
ChartJS.defaults.font.family =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
ChartJS.defaults.color = "#333333";

type Cell = number | string | null | undefined | [number, number] | { x: number; y: number; r?: number };

function cellText(v: Cell): string {
  if (v === null || v === undefined) return "—";
  if (Array.isArray(v)) return `${v[0]} – ${v[1]}`;
  if (typeof v === "object") return `${v.x}, ${v.y}`;
  return String(v);
}

/**
 * One chart: drawn by chart.js in the browser; without JavaScript, the same spec drawn on the server as an image
 * (`imageSrc`). The spec's text alternative is the caption, and the figures are a table behind a disclosure, so the
 * page says the same without JavaScript or without sight.
 */
export function ChartFigure({
  spec,
  tableLabel,
  imageSrc,
  tall = false,
}: {
  spec: ChartSpec;
  tableLabel: string;
  imageSrc?: string;
  tall?: boolean;
}) {
  const labels = (spec.config.data.labels ?? []) as unknown[];
  const datasets = spec.config.data.datasets as { label?: string; data: Cell[] }[];
  return (
    <figure className="chart" data-chart={spec.id}>
      {spec.empty ? null : (
        <div className={tall ? "chart__canvas chart__canvas--tall" : "chart__canvas"}>
          <Chart
            type={spec.config.type}
            data={spec.config.data as never}
            options={spec.config.options as never}
            role="img"
            aria-label={spec.title}
          />
          {imageSrc ? (
            <noscript>
              <img className="chart__image" src={imageSrc} alt={spec.title} loading="lazy" />
            </noscript>
          ) : null}
        </div>
      )}
      <figcaption>{spec.alt}</figcaption>
      {spec.empty || labels.length === 0 ? null : (
        <details>
          <summary>{tableLabel}</summary>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={spec.title}>
            <table>
              <caption className="visually-hidden">{spec.title}</caption>
              <thead>
                <tr>
                  <td />
                  {datasets.map((d, i) => (
                    <th scope="col" key={i} className="num">
                      {d.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {labels.map((label, r) => (
                  <tr key={r}>
                    <th scope="row">{String(label)}</th>
                    {datasets.map((d, i) => (
                      <td key={i} className="num">
                        {cellText(d.data[r])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}
