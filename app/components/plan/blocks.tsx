// The view model's blocks as HTML. The PDF and Markdown renderers lay out the same blocks; this file only decides
// how they look on a screen (tables turn into cards on a phone, sources link to the numbered list).
import { Fragment, type ReactNode } from "react";
import { ChartFigure } from "~/components/charts/chart-figure";
import type { Translate } from "~/i18n/translate";
import type { ChartId } from "~/present/charts/spec";
import { languageRuns, originalLabel } from "~/present/view-model/sources";
import type {
  AssumptionGroupView,
  Block,
  Cell,
  FactRow,
  KeyFigure,
  PlanView,
  ReasonItem,
  SourceText,
  TableBlock,
} from "~/present/view-model/types";

export interface BlockContext {
  view: PlanView;
  t: Translate;
  /** Where the server draws a chart as an image (the page without JavaScript). */
  chartImage?: (id: ChartId) => string;
  /** Renders the assumptions block when the page edits them (the owner's page). */
  assumptionsEditor?: (groups: AssumptionGroupView[]) => ReactNode;
}

export function Section({ id, title, children, className }: { id: string; title: string; children: ReactNode; className?: string }) {
  return (
    <section id={id} className={className ? `section ${className}` : "section"} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** "[3]" → a link to the third source in the list at the end. */
function SourceRefs({ refs }: { refs: string }) {
  const parts = refs.split(/(\[\d+\])/).filter(Boolean);
  return (
    <>
      {parts.map((p, i) => {
        const n = /^\[(\d+)\]$/.exec(p)?.[1];
        return n ? (
          <a key={i} href={`#source-${n}`} className="source-ref">
            {p}
          </a>
        ) : (
          <span key={i}>{p}</span>
        );
      })}
    </>
  );
}

/**
 * A source as published. Outside the page's language it carries its label ("〔英文原文〕") and its other-language
 * words are marked with `lang`, so a screen reader reads them in their language and a reader knows why they are.
 */
export function SourceTextView({ source, t }: { source: SourceText; t: Translate }) {
  if (!source.original) return <>{source.text}</>;
  const other = t.locale === "zh" ? "en" : "zh";
  return (
    <>
      <span className="source-original">{originalLabel(source, t)}</span>{" "}
      {source.original === "whole" ? (
        <span lang={other}>{source.text}</span>
      ) : (
        languageRuns(source.text, t.locale).map(([text, lang], i) =>
          lang ? (
            <span key={i} lang={lang}>
              {text}
            </span>
          ) : (
            <Fragment key={i}>{text}</Fragment>
          ),
        )
      )}
    </>
  );
}

export function CellView({ cell, t }: { cell: Cell; t: Translate }) {
  if (typeof cell === "string") return /\[\d+\]/.test(cell) ? <SourceRefs refs={cell} /> : <>{cell}</>;
  return (
    <>
      {cell.badge ? <span className={`source source--${cell.badge.kind}`}>{cell.badge.label}</span> : null}
      <span lang={cell.lang}>{cell.text}</span>
      {cell.subSource ? (
        <span className="citation">
          <SourceTextView source={cell.subSource} t={t} />
        </span>
      ) : cell.sub ? (
        <span className="citation">{cell.sub}</span>
      ) : null}
    </>
  );
}

/** A table that reads on a phone: each row becomes a card, each cell labelled by its column. */
export function TableView({
  block,
  label,
  t,
}: {
  block: Pick<TableBlock, "columns" | "rows" | "numeric" | "caption" | "testId">;
  label?: string;
  t: Translate;
}) {
  // A scrollable region the keyboard can reach, named apart from the section around it (landmarks must differ).
  const name = t("a11y.table", { name: block.caption ?? label ?? block.columns.join(" · ") });
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={name}>
      <table className="cards-on-phone" data-testid={block.testId}>
        {block.caption ? <caption>{block.caption}</caption> : null}
        <thead>
          <tr>
            {block.columns.map((c, i) => (
              <th key={i} scope="col" className={block.numeric?.[i] ? "num" : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((row, r) => (
            <tr key={r}>
              {block.columns.map((c, i) => (
                <td key={i} data-label={c} className={block.numeric?.[i] ? "num" : undefined}>
                  <CellView cell={row[i] ?? ""} t={t} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function FigureView({ figure, t, assumedLink = "#assumptions" }: { figure: KeyFigure; t: Translate; assumedLink?: string }) {
  return (
    <div className={`kpi kpi--${figure.tone ?? "neutral"}`} data-figure={figure.id}>
      <div className="kpi__label">{figure.label}</div>
      <div className="kpi__value">{figure.value}</div>
      {figure.detail ? <div className="kpi__sub">{figure.detail}</div> : null}
      {figure.assumed?.length ? (
        <details className="assumed-chip" data-testid="assumed-chip">
          <summary>{t("brief.assumedCount", { n: figure.assumed.length })}</summary>
          <ul>
            {figure.assumed.map((a) => (
              <li key={a.key}>
                <a href={assumedLink === "#assumptions" ? `#a-${a.key.replace(/[^A-Za-z0-9_-]/g, "-")}` : assumedLink}>{a.text}</a>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function Reasons({ items, t }: { items: ReasonItem[]; t: Translate }) {
  return (
    <ul className="reasons">
      {items.map((r, i) => (
        <li key={i}>
          <span className={`reason-kind reason-kind--${r.kind}`}>{r.kindLabel}</span>
          <span>
            {r.text}
            {r.source ? (
              <span className="citation">
                {t("plan.reason.source")}: <SourceRefs refs={r.source} />
              </span>
            ) : null}
            {r.assumed ? (
              <span className="reason-assumed small" data-testid="reason-assumed">
                {r.assumed}
              </span>
            ) : null}
          </span>
          <span className="muted small">{r.points ?? ""}</span>
        </li>
      ))}
    </ul>
  );
}

function Facts({ rows, t }: { rows: FactRow[]; t: Translate }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t("a11y.table", { name: t("plan.profile") })}>
      <table className="cards-on-phone" data-testid="profile-table">
        <thead>
          <tr>
            <th scope="col">{t("plan.profile.fact")}</th>
            <th scope="col">{t("plan.profile.value")}</th>
            <th scope="col">{t("plan.profile.source")}</th>
            <th scope="col">{t("plan.profile.evidence")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-fact={row.key}>
              <td data-label={t("plan.profile.fact")}>{row.label}</td>
              <td data-label={t("plan.profile.value")}>{row.value}</td>
              <td data-label={t("plan.profile.source")}>
                <span className={`source source--${row.source}`}>{row.sourceLabel}</span>
              </td>
              <td data-label={t("plan.profile.evidence")} className="small">
                {row.evidence.map((e) => `“${e}”`).join(" ")}
                {row.note ? <span className="citation">{row.note}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The assumptions as a reader sees them: grouped tables, nothing to edit. */
export function AssumptionTables({ groups, t }: { groups: AssumptionGroupView[]; t: Translate }) {
  return (
    <>
      {groups.map((g) => (
        <details key={g.id} className="assumption-group" open={g.open} data-group={g.id}>
          <summary>
            {g.title} <span className="muted small">({g.items.length})</span>
          </summary>
          <TableView
            t={t}
            label={g.title}
            block={{
              columns: [t("plan.assumptions.key"), t("plan.assumptions.value"), t("plan.assumptions.source"), t("plan.assumptions.range")],
              numeric: [false, true, false, true],
              rows: g.items.map((i) => [
                { text: i.label, ...(i.assumed ? { sub: t("assumptions.assumedTag") } : {}) },
                i.display,
                { text: i.sourceLabel, ...(i.note ? { sub: i.note, ...(i.noteSource ? { subSource: i.noteSource } : {}) } : {}) },
                i.range ?? "",
              ]),
            }}
          />
        </details>
      ))}
    </>
  );
}

export function BlockView({ block, ctx }: { block: Block; ctx: BlockContext }) {
  const { t, view } = ctx;
  switch (block.kind) {
    case "paragraph":
      return block.ai ? (
        <p className="ai-text">
          <span className="ai-label">AI</span> {block.text}
        </p>
      ) : (
        <p>{block.text}</p>
      );
    case "bullets":
      return (
        <ul className={block.ai ? "ai-text" : undefined}>
          {block.items.map((item, i) => (
            <li key={i}>{/\[\d+\]/.test(item) && !block.ai ? <SourceRefs refs={item} /> : item}</li>
          ))}
        </ul>
      );
    case "subheading":
      return <h3>{block.text}</h3>;
    case "figures":
      return (
        <div className="kpis">
          {block.figures.map((f) => (
            <FigureView key={f.id} figure={f} t={t} />
          ))}
        </div>
      );
    case "chart":
      return (
        <ChartFigure
          spec={view.charts[block.chartId]}
          tableLabel={t("plan.chart.showData")}
          imageSrc={ctx.chartImage?.(block.chartId)}
          tall={block.chartId === "cashflow"}
        />
      );
    case "notice":
      return (
        <p className={`notice${block.tone === "warn" ? " notice--warn" : ""}`} data-testid={block.testId}>
          {block.text}
        </p>
      );
    case "reasons":
      return <Reasons items={block.items} t={t} />;
    case "assumptions":
      return ctx.assumptionsEditor ? <>{ctx.assumptionsEditor(block.groups)}</> : <AssumptionTables groups={block.groups} t={t} />;
    case "facts":
      return <Facts rows={block.rows} t={t} />;
    case "sources":
      // The numbered list of sources: each entry is the target of the "[n]" links.
      return (
        <ul className="sources" data-testid="sources">
          {block.items.map((s, i) => (
            <li key={i} id={`source-${i + 1}`} data-original={s.original}>
              [{i + 1}] <SourceTextView source={s} t={t} />
            </li>
          ))}
        </ul>
      );
    case "table":
      return <TableView block={block} t={t} />;
  }
}
