import { describe, expect, it } from "vitest";
import { buildPlan } from "~/domain/plan";
import { parseScenarioInput } from "~/domain/scenario";
import { renderPlanMarkdown } from "~/report/markdown";
import { buildReportModel } from "~/report/report-model";
import { ART_STUDIO_ZH, planFrom, SUPPORT_EN } from "../../test/report-fixtures";

const bare = () => {
  const r = parseScenarioInput({ description: "Summarise weekly sales meetings for the team." });
  if (!r.ok) throw new Error("fixture");
  return buildPlan(r.value);
};

describe("report model", () => {
  it("orders the memo: summary, the six questions, risks, assumptions, methodology", () => {
    const model = buildReportModel(planFrom(SUPPORT_EN), "en");
    expect(model.sections.map((s) => s.id)).toEqual(["summary", "q1", "q2", "q3", "q4", "q5", "q6", "risks", "assumptions", "methodology"]);
    expect(model.sections[1].heading).toBe("1. Is this a reliable use of LLMs, and why?");
    expect(buildReportModel(planFrom(SUPPORT_EN), "zh").sections[6].heading).toBe("六、商业模式、成本与回报");
  });

  it("puts the key figures in the executive summary, from the plan's own numbers", () => {
    const plan = planFrom(ART_STUDIO_ZH);
    const model = buildReportModel(plan, "en");
    const fig = Object.fromEntries(model.keyFigures.map((f) => [f.id, f]));
    expect(fig.grade.value).toBe(plan.feasibility.grade);
    expect(fig.teamSize.value).toBe(`${plan.team.headcount} people`);
    expect(fig.weeksToFirstVersion.value).toBe(`${plan.timeline.launchWeek} weeks`);
    const be = plan.finance.breakEvenMonth as number;
    expect(fig.breakEvenMonth.value).toBe(`Month ${be}`);
    const band = plan.finance.ranges.breakEvenMonth;
    expect(fig.breakEvenMonth.detail).toContain(`Month ${band.p10}`);
    const money = new Intl.NumberFormat("en-US", { style: "currency", currency: plan.currency, maximumFractionDigits: 0 }).format(plan.finance.costToBreakEven as number);
    expect(fig.costToBreakEven.value).toBe(money);
    const summary = model.sections[0].blocks;
    const bullets = summary.find((b) => b.kind === "bullets");
    expect(bullets && bullets.kind === "bullets" && bullets.items).toHaveLength(Math.min(3, plan.feasibility.reasons.length));
  });

  it("says when there is no break-even instead of inventing one", () => {
    const plan = planFrom(ART_STUDIO_ZH);
    plan.finance.breakEvenMonth = null;
    const fig = buildReportModel(plan, "en").keyFigures.find((f) => f.id === "breakEvenMonth");
    expect(fig?.value).toBe("No break-even within the horizon");
  });

  it("cites every source once, numbered, in the appendix", () => {
    const plan = planFrom(SUPPORT_EN);
    const model = buildReportModel(plan, "en");
    const cited = new Set([...plan.assumptions.map((a) => a.citation), ...plan.feasibility.reasons.map((r) => r.source), ...plan.risks.map((r) => r.source)].filter(Boolean));
    for (const c of cited) expect(model.sources).toContain(c);
    expect(new Set(model.sources).size).toBe(model.sources.length);
  });

  it("builds a readable memo from a plan whose sections are empty or missing", () => {
    const plan = bare();
    for (const locale of ["zh", "en"] as const) {
      const model = buildReportModel(plan, locale);
      expect(model.keyFigures).toHaveLength(8);
      expect(model.sections).toHaveLength(10);
    }
    const gutted = { ...plan, team: undefined, timeline: undefined, finance: undefined, cost: undefined, data: undefined, compute: undefined, feedback: undefined, assumptions: undefined, risks: undefined };
    const model = buildReportModel(gutted as unknown as typeof plan, "en");
    expect(model.keyFigures.find((f) => f.id === "teamSize")?.value).toBe("Not estimated yet");
    expect(renderPlanMarkdown(gutted as unknown as typeof plan, "en")).toContain("## 6. Business model, cost and return");
  });
});

describe("Markdown memo", () => {
  it("renders the model's headings, figures and tables", () => {
    const plan = planFrom(SUPPORT_EN);
    const md = renderPlanMarkdown(plan, "en");
    const model = buildReportModel(plan, "en");
    expect(md.startsWith(`# ${SUPPORT_EN.title}\n`)).toBe(true);
    for (const s of model.sections) expect(md).toContain(`## ${s.heading}`);
    // Every table row has as many cells as its header.
    const tables = md.split("\n\n").filter((b) => b.startsWith("| "));
    expect(tables.length).toBeGreaterThan(3);
    for (const t of tables) {
      const rows = t.split("\n").map((r) => r.replace(/\\\|/g, "").split("|").length);
      expect(new Set(rows).size, t.slice(0, 80)).toBe(1);
    }
  });

  it("keeps hostile text as text: no raw HTML, links or line breaks out of a cell", () => {
    const plan = { ...planFrom(SUPPORT_EN), title: "<script>alert(1)</script> [x](javascript:alert(1)) | a\n# b" };
    const md = renderPlanMarkdown(plan, "en");
    expect(md).not.toContain("<script>");
    // An unescaped "](" would make a link.
    expect(md).not.toMatch(/[^\\]\]\(javascript/);
    expect(md.split("\n")[0]).toBe("# \\<script\\>alert(1)\\</script\\> [x\\](javascript:alert(1)) \\| a \\# b");
  });

  it("labels AI-written text", () => {
    const plan = { ...planFrom(ART_STUDIO_ZH), llm: { status: "ok" as const, narrative: ["模型写的段落。"], risks: ["Model-raised risk."] } };
    const md = renderPlanMarkdown(plan, "zh");
    expect(md).toContain("【AI 撰写】");
    expect(md).toContain("**AI 撰写:** Model-raised risk.");
  });
});
