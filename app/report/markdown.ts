// The decision memo as Markdown (the CLI's `--format md` and the web page's Markdown export), rendered from the plan's
// one view model, like the PDF: the brief first, then the six questions and the appendix. Charts appear as their text
// alternatives.
import type { DecisionPlan } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";
import { translator, type Translate } from "~/i18n/translate";
import { buildPlanView, type PlanViewOptions } from "~/present/view-model/plan-view";
import { sourceLine } from "~/present/view-model/sources";
import type { Block, Cell, KeyFigure, PlanView } from "~/present/view-model/types";

export function renderPlanMarkdown(plan: DecisionPlan, locale: Locale, options: Omit<PlanViewOptions, "locale" | "audience"> = {}): string {
  return renderViewMarkdown(buildPlanView(plan, { ...options, locale, audience: "reader" }));
}

export function renderViewMarkdown(view: PlanView): string {
  const t = translator(view.locale);
  const b = view.brief;
  const out: string[] = [
    `# ${inline(view.title)}`,
    "",
    `*${inline(view.meta.docKind)} · ${inline(view.meta.product)} · ${inline(view.stamp.text)}*`,
    "",
  ];
  if (view.upgradeNotice) out.push(`> ${inline(view.upgradeNotice)}`, "");
  out.push(
    `**${inline(b.verdict.label)}** · ${inline(t("report.grade"))} ${b.grade} · ${b.score}/100 · ${inline(b.tier)}`,
    "",
    inline(b.answer),
    "",
  );
  if (b.regulations.length)
    out.push(
      `### ${inline(t("brief.regulations"))}`,
      "",
      ...b.regulations.map(
        (r) => `- ${inline(`${r.text}${r.cap ? ` (${r.cap})` : ""} ${r.source} — ${t("regulation.requires", { text: r.requirement })}`)}`,
      ),
      "",
    );
  out.push(`### ${inline(t("brief.theAsk"))}`, "", ...figures(b.ask, t), "");
  out.push(`### ${inline(t("brief.theMoney"))}`, "", ...figures([...b.money, ...(b.quality ? [b.quality] : [])], t), "");
  if (b.constraints.length)
    out.push(
      ...table(
        [t("brief.constraint"), t("brief.constraint.stated"), t("brief.constraint.planned"), ""],
        b.constraints.map((c) => [c.label, c.stated, c.planned, t(c.fits ? "brief.constraint.ok" : "brief.constraint.notOk")]),
      ),
      "",
    );
  if (b.confirm.length) {
    out.push(`### ${inline(t("brief.confirm"))}`, "", inline(t("brief.confirmIntro")), "");
    out.push(
      ...table(
        [t("brief.confirm.fact"), t("brief.confirm.value"), t("brief.confirm.quote"), t("brief.confirm.affects")],
        b.confirm.map((c) => [
          c.label,
          `${c.value} (${c.sourceLabel})`,
          c.quotes.map((q) => `“${q}”`).join(" "),
          [t.list(c.affects), c.ifOther].filter(Boolean).join(" "),
        ]),
      ),
      "",
    );
  }
  out.push(
    `### ${inline(t("brief.risks"))}`,
    "",
    ...table(
      [t("plan.risks"), t("plan.risk.severity"), t("plan.risk.mitigation")],
      b.risks.map((r) => [r.text, r.severityLabel, r.mitigation]),
    ),
    "",
  );
  if (b.mustBeTrue.length) out.push(`### ${inline(t("brief.mustBeTrue"))}`, "", ...b.mustBeTrue.map((m) => `- ${inline(m)}`), "");
  out.push(`### ${inline(t("brief.next"))}`, "", inline(b.nextStep.text), ...(b.nextStep.gate ? ["", inline(b.nextStep.gate)] : []), "");
  for (const section of view.sections) {
    out.push(`## ${inline(section.heading)}`, "");
    for (const block of section.blocks) out.push(...renderBlock(block, view, t), "");
  }
  return (
    out
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n"
  );
}

function figures(list: KeyFigure[], t: Translate): string[] {
  return table(
    [t("md.figure"), t("md.value"), t("md.detail")],
    list.map((f) => [
      f.label,
      f.value,
      [f.detail, f.assumed?.length ? t("brief.assumedOn", { list: f.assumed.map((a) => a.text).join("; "), more: "" }) : ""]
        .filter(Boolean)
        .join(" · "),
    ]),
  );
}

function renderBlock(block: Block, view: PlanView, t: Translate): string[] {
  const aiTag = `**${t("report.aiWrittenTag")}:** `;
  switch (block.kind) {
    case "paragraph":
      return [block.ai ? `> ${inline(block.text)}` : inline(block.text)];
    case "notice":
      return [`> ${inline(block.text)}`];
    case "subheading":
      return [`### ${inline(block.text)}`];
    case "bullets":
      return block.items.map((item) => `- ${block.ai ? aiTag : ""}${inline(item)}`);
    case "figures":
      return figures(block.figures, t);
    case "chart": {
      const spec = view.charts[block.chartId];
      return [`*${inline(t("report.figure"))}: ${inline(spec.title)}.* ${inline(spec.alt)}`];
    }
    case "reasons":
      return table(
        [t("q1.reason"), t("q1.kind"), t("q3.sources")],
        block.items.map((r) => [[r.text, r.assumed].filter(Boolean).join(" "), r.kindLabel, r.source ?? ""]),
      );
    case "assumptions":
      return block.groups.flatMap((g) => [
        `### ${inline(g.title)}`,
        "",
        ...table(
          [t("plan.assumptions.key"), t("plan.assumptions.value"), t("plan.assumptions.source"), t("plan.assumptions.range")],
          g.items.map((i) => [
            i.assumed ? `${i.label} (${t("assumptions.assumedTag")})` : i.label,
            i.display,
            `${i.sourceLabel} ${i.ref ?? ""}`.trim(),
            i.range ?? "",
          ]),
        ),
        "",
      ]);
    case "facts":
      return table(
        [t("plan.profile.fact"), t("plan.profile.value"), t("plan.profile.source"), t("plan.profile.evidence")],
        block.rows.map((r) => [r.label, r.value, r.sourceLabel, [...r.evidence.map((e) => `“${e}”`), r.note].filter(Boolean).join("; ")]),
      );
    case "sources":
      // Each source on its own line, labelled when it is not in the memo's language ("〔英文原文〕 …").
      return block.items.map((s, i) => `- [${i + 1}] ${inline(sourceLine(s, t))}`);
    case "table":
      return [...(block.caption ? [`*${inline(block.caption)}*`, ""] : []), ...table(block.columns, block.rows, t)];
  }
}

function table(columns: string[], rows: Cell[][], t?: Translate): string[] {
  const sub = (c: Exclude<Cell, string>) => (c.subSource && t ? sourceLine(c.subSource, t) : c.sub);
  const cell = (c: Cell) => inline(typeof c === "string" ? c : [c.text, sub(c)].filter(Boolean).join(" — "));
  return [
    `| ${columns.map(cell).join(" | ")} |`,
    `|${columns.map(() => " --- ").join("|")}|`,
    ...rows.map((r) => `| ${columns.map((_, i) => cell(r[i] ?? "")).join(" | ")} |`),
  ];
}

/**
 * User text (titles, descriptions, LLM output) must stay text: no raw HTML, no links or images it did not spell
 * out as text, no heading or list syntax breaking out of its line.
 */
export function inline(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
      .replace(/\s*\n\s*/g, " ")
      .replace(/([\\`*_<>|#!])/g, "\\$1")
      // Brackets only make links or references when "]" is followed by "(", "[" or ":"; plain "[3]" stays readable.
      .replace(/\]([([:])/g, "\\]$1")
  );
}
