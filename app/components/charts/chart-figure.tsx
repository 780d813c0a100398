import { Chart as ChartJS, registerables, type ChartConfiguration } from "chart.js";
import { Chart } from "react-chartjs-2";
import type { ChartSpec } from "~/report/chart-specs";

ChartJS.register(...registerables);
// The page's own font stack, so Chinese labels use the same CJK font as the text around them.
ChartJS.defaults.font.family = getComputedFontFamily();
ChartJS.defaults.color = "#333333";

function getComputedFontFamily(): string {
  return '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
}

export interface FigureSpec {
  id: string;
  title: string;
  alt: string;
  empty: boolean;
  config: ChartSpec["config"] | ChartConfiguration;
}

type Cell = number | string | null | undefined | [number, number] | { x: number; y: number };

function cellText(v: Cell): string {
  if (v === null || v === undefined) return "—";
  if (Array.isArray(v)) return `${v[0]} – ${v[1]}`;
  if (typeof v === "object") return `${v.x}, ${v.y}`;
  return String(v);
}

/**
 * One chart: the canvas (drawn by chart.js in the browser), the spec's text alternative as its caption, and the
 * figures as a table behind a disclosure, so the page says the same without JavaScript or without sight.
 */
export function ChartFigure({ spec, tableLabel, emptyText, tall = false }: { spec: FigureSpec; tableLabel: string; emptyText: string; tall?: boolean }) {
  const labels = (spec.config.data.labels ?? []) as unknown[];
  const datasets = spec.config.data.datasets as { label?: string; data: Cell[] }[];
  return (
    <figure className="chart" data-chart={spec.id}>
      {spec.empty ? (
        <div className="chart__empty">{emptyText}</div>
      ) : (
        <div className={tall ? "chart__canvas chart__canvas--tall" : "chart__canvas"}>
          <Chart
            type={spec.config.type}
            data={spec.config.data as never}
            options={spec.config.options as never}
            role="img"
            aria-label={spec.alt}
            fallbackContent={<p>{spec.alt}</p>}
          />
        </div>
      )}
      <figcaption>{spec.alt}</figcaption>
      {spec.empty || labels.length === 0 ? null : (
        <details>
          <summary>{tableLabel}</summary>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{spec.title}</caption>
              <thead>
                <tr>
                  <th scope="col" />
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
