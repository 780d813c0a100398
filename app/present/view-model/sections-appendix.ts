// After the six questions: the risks, every assumption with its source, the profile the plan read from the
// description, and how the plan is made (with every source cited).
import { assumptionGroups } from "~/present/view-model/assumptions";
import { regulationViews } from "~/present/view-model/brief";
import type { ViewContext } from "~/present/view-model/context";
import { factRows } from "~/present/view-model/profile-facts";
import type { Block, Section } from "~/present/view-model/types";

export function risksSection(ctx: ViewContext): Section {
  const { plan, t } = ctx;
  const blocks: Block[] = [];
  const regulations = regulationViews(ctx);
  if (regulations.length) {
    blocks.push({ kind: "subheading", text: t("brief.regulations") });
    blocks.push({
      kind: "table",
      columns: [t("brief.regulations"), t("regulation.requirement"), t("q3.sources")],
      rows: regulations.map((r) => [r.cap ? { text: r.text, sub: r.cap } : r.text, r.requirement, r.source]),
      widths: ["*", "*", 40],
    });
    blocks.push({ kind: "subheading", text: t("plan.risks") });
  }
  if (plan.risks.length) {
    blocks.push({
      kind: "table",
      columns: [t("plan.risks"), t("plan.risk.severity"), t("plan.risk.mitigation"), t("q3.sources")],
      rows: plan.risks.map((r) => [t.pick(r.text), t.label("severity", r.severity), t.pick(r.mitigation), ctx.sources.add(r.source)]),
      widths: ["*", 40, "*", 40],
    });
  } else blocks.push({ kind: "paragraph", text: t("risks.none") });
  const ai = plan.llm.risks ?? [];
  if (ai.length) blocks.push({ kind: "notice", text: t("report.aiWritten") }, { kind: "bullets", items: ai, ai: true });
  return { id: "risks", heading: t("report.risks"), short: t("toc.risks"), blocks, appendix: true };
}

export function assumptionsSection(ctx: ViewContext): Section {
  const { t } = ctx;
  return {
    id: "assumptions",
    heading: t("plan.assumptions"),
    short: t("toc.assumptions"),
    blocks: [
      { kind: "paragraph", text: t(ctx.audience === "owner" ? "plan.assumptions.intro" : "assumptions.introReader") },
      { kind: "assumptions", groups: assumptionGroups(ctx) },
    ],
    appendix: true,
  };
}

export function profileSection(ctx: ViewContext): Section {
  const { plan, t } = ctx;
  return {
    id: "profile",
    heading: t("plan.profile"),
    short: t("toc.profile"),
    blocks: [
      { kind: "paragraph", text: t("profile.intro") },
      { kind: "facts", rows: factRows(plan.profile, t, ctx.currency) },
    ],
    appendix: true,
  };
}

export function methodologySection(ctx: ViewContext, provenance: string): Section {
  const { plan, t, f } = ctx;
  const blocks: Block[] = [
    {
      kind: "bullets",
      items: [
        t("method.pipeline"),
        t("method.rules"),
        t("method.llm"),
        t("method.estimates"),
        t("method.finance", { n: plan.finance.horizonMonths, runs: f.num(plan.finance.monteCarlo.runs, 0) }),
        t("method.spent"),
      ],
    },
    { kind: "paragraph", text: provenance },
  ];
  const sources = ctx.sources.texts();
  if (sources.length)
    blocks.push(
      { kind: "subheading", text: t("method.sources") },
      { kind: "notice", text: t("method.sourcesNote") },
      { kind: "sources", items: sources },
    );
  return { id: "methodology", heading: t("report.methodology"), short: t("toc.methodology"), blocks, appendix: true };
}
