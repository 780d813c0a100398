import { describe, expect, it } from "vitest";
import { assess } from "~/domain/engine/assess";
import { buildContext } from "~/domain/engine/facts";
import { judgeWithPlan, type PlanEconomics } from "~/domain/engine/plan-gates";
import { buildPlan } from "~/domain/plan";
import { buildProfile } from "~/domain/profile/build-profile";
import { parseScenarioInput, type ScenarioInputRaw } from "~/domain/scenario";

function input(raw: ScenarioInputRaw) {
  const parsed = parseScenarioInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

// A scenario the profile alone judges "go": reviewed, low stakes, internal, stated savings.
const GOOD = input({
  description: "Summarise internal meeting transcripts into action items for the attendees, who edit them before sharing.",
  industry: "other",
  market: "internal",
  tasks: ["summarization"],
  knowledge: ["general"],
  stakes: "low",
  humanReview: "always",
  deployment: "cloud_api",
  usage: { users: 800, interactionsPerUserPerDay: 1 },
});
const profile = buildProfile(GOOD);
const assessment = assess(profile);
const ctx = buildContext(profile);
const econ = (e: Partial<PlanEconomics>): PlanEconomics => ({
  currency: "USD",
  horizonMonths: 36,
  breakEvenMonth: 12,
  npv: 50_000,
  breakEvenProbability: 0.9,
  ...e,
});

describe("the verdict respects the plan's own numbers", () => {
  it("starts from a go the economics would not change", () => {
    expect(assessment.feasibility.verdict).toBe("go");
    const f = judgeWithPlan(assessment.feasibility, ctx, econ({}));
    expect(f.verdict).toBe("go");
    expect(f.reasons).toEqual(assessment.feasibility.reasons);
  });

  it("is no go when the median projection never breaks even and the NPV is negative; the reason gives the figures", () => {
    const f = judgeWithPlan(assessment.feasibility, ctx, econ({ breakEvenMonth: null, npv: -120_000, breakEvenProbability: 0.6 }));
    expect(f.verdict).toBe("pilot");
    expect(f.grade).toBe("C");
    expect(f.score).toBeLessThanOrEqual(67);
    const reason = f.reasons.find((r) => r.ruleId === "plan.no_break_even")!;
    expect(reason.kind).toBe("gate");
    expect(reason.text.en).toContain("−$120,000");
    expect(reason.text.en).toContain("36 months");
    expect(reason.text.zh).toContain("−$120,000");
    expect(f.trace.find((t) => t.ruleId === "plan.no_break_even")?.fired).toBe(true);
  });

  it("caps at pilot when the chance of breaking even is under one half, and says the chance", () => {
    const f = judgeWithPlan(assessment.feasibility, ctx, econ({ breakEvenProbability: 0.38 }));
    expect(f.verdict).toBe("pilot");
    expect(f.reasons.find((r) => r.ruleId === "plan.break_even_unlikely")!.text.en).toContain("38%");
    expect(judgeWithPlan(assessment.feasibility, ctx, econ({ breakEvenProbability: 0.5 })).verdict).toBe("go");
  });

  it("does not cap a stated non-financial value, and says which value", () => {
    const publicService = buildContext(
      buildProfile(input({ ...GOOD, description: `${GOOD.description} It is a free public service for residents.` })),
    );
    expect(publicService.get("valueKind")?.value).toBe("public_service");
    const f = judgeWithPlan(assessment.feasibility, publicService, econ({ breakEvenMonth: null, npv: -120_000, breakEvenProbability: 0 }));
    expect(f.verdict).toBe("go");
    const note = f.reasons.find((r) => r.ruleId === "plan.non_financial_value")!;
    expect(note.kind).not.toBe("gate");
    expect(note.text.en).toMatch(/Public service/);
    expect(note.text.zh).toMatch(/公共服务/);
  });

  it("names a stated team, deadline or budget the plan cannot meet", () => {
    const f = judgeWithPlan(
      assessment.feasibility,
      ctx,
      econ({
        constraints: [
          { kind: "team", stated: 2, planned: 4, fits: false },
          { kind: "weeks", stated: 6, planned: 13.5, fits: false },
          { kind: "budget", stated: 50_000, planned: 80_000, fits: false },
        ],
      }),
    );
    const text = (id: string) => f.reasons.find((r) => r.ruleId === id)?.text.en ?? "";
    expect(text("plan.constraint.team")).toMatch(/4 people working at once \(full-time equivalents\).*stated 2/);
    expect(text("plan.constraint.weeks")).toMatch(/13\.5 weeks.*stated 6/);
    expect(text("plan.constraint.budget")).toMatch(/\$80,000.*\$50,000/);
    // Named, not capped: a deadline the plan misses is a reason to re-plan, not a verdict on the idea.
    expect(f.verdict).toBe("go");
    const fits = judgeWithPlan(assessment.feasibility, ctx, econ({ constraints: [{ kind: "team", stated: 6, planned: 4, fits: true }] }));
    expect(fits.reasons.some((r) => r.ruleId.startsWith("plan.constraint."))).toBe(false);
  });

  it("keeps gates first, the most severe cap first", () => {
    const severe = assess(
      buildProfile(input({ description: "患者在 App 上描述症状，AI 直接给出诊断和用药剂量建议，全自动回复，不需要医生审核。" })),
    );
    const f = judgeWithPlan(
      severe.feasibility,
      buildContext(buildProfile(input({ description: "x x x" }))),
      econ({ breakEvenMonth: null, npv: -1 }),
    );
    const gates = f.reasons.filter((r) => r.kind === "gate");
    expect(f.reasons.slice(0, gates.length)).toEqual(gates);
    expect(gates[0].ruleId).not.toMatch(/^plan\./);
    expect(f.verdict).toBe("no_go");
  });

  it("in a full plan, a go never sits beside no break-even and a negative NPV, and the grade agrees", () => {
    const cheap = buildPlan(
      input({ description: "A drafting helper for our 3 in-house lawyers to produce first drafts of NDAs, maybe a few a week." }),
    );
    expect(cheap.finance.breakEvenMonth === null && cheap.finance.npv < 0).toBe(true);
    expect(cheap.feasibility.verdict).not.toBe("go");
    expect(cheap.feasibility.reasons.some((r) => r.ruleId === "plan.no_break_even")).toBe(true);
    expect(["C", "D", "E"]).toContain(cheap.feasibility.grade);
  });
});
