// The decision memo as Markdown (the CLI's `--format md` and the web page's Markdown export), rendered from the
// same report model as the PDF so the two never disagree. Charts appear as their text alternatives.
import type { DecisionPlan } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";
import { REPORT_TEXT, tr } from "~/report/labels";
import { buildReportModel, type Block, type ReportModel } from "~/report/report-model";
import type { SparsePlan } from "~/report/sparse-plan";

export function renderPlanMarkdown(plan: DecisionPlan | SparsePlan, locale: Locale): string {
  return renderModelMarkdown(buildReportModel(plan, locale));
}

export function renderModelMarkdown(model: ReportModel): string {
  const out: string[] = [];
  out.push(`# ${inline(model.title)}`, "");
  out.push(`*${inline(model.cover.docKind)} · ${inline(model.cover.product)} · ${inline(model.cover.versions)}*`, "");
  for (const section of model.sections) {
    out.push(`## ${inline(section.heading)}`, "");
    for (const block of section.blocks) out.push(...renderBlock(block, model), "");
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

function renderBlock(block: Block, model: ReportModel): string[] {
  const aiTag = `**${tr(REPORT_TEXT.aiWrittenTag, model.locale)}:** `;
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
      return table(
        model.locale === "zh" ? ["指标", "数值", "说明"] : ["Figure", "Value", "Detail"],
        block.figures.map((f) => [f.label, f.value, f.detail ?? ""]),
      );
    case "chart": {
      const spec = model.charts[block.chartId];
      return [`*${inline(tr(REPORT_TEXT.figure, model.locale))}: ${inline(spec.title)}.* ${inline(spec.alt)}`];
    }
    case "table":
      return table(block.columns, block.rows);
  }
}

function table(columns: string[], rows: string[][]): string[] {
  return [`| ${columns.map(cell).join(" | ")} |`, `|${columns.map(() => " --- ").join("|")}|`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)];
}

/**
 * User text (titles, descriptions, LLM output) must stay text: no raw HTML, no links or images it did not spell
 * out as text, no heading or list syntax breaking out of its line.
 */
export function inline(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/\s*\n\s*/g, " ")
    .replace(/([\\`*_<>|#!])/g, "\\$1")
    // Brackets only make links or references when "]" is followed by "(", "[" or ":"; plain "[3]" stays readable.
    .replace(/\]([([:])/g, "\\]$1");
}

function cell(text: string): string {
  return inline(text);
}
