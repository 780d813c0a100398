// The stated team is compared with the people the build needs working at once (full-time equivalents at the busiest
// time), not with the headcount (every person named, part-time ones included), and every label of the comparison
// says so in both languages.
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/translate";
import { buildPlan } from "~/domain/plan";
import type { DecisionPlan } from "~/domain/plan-types";
import { parseScenarioInput, type ScenarioInputRaw } from "~/domain/scenario";

function plan(raw: ScenarioInputRaw): DecisionPlan {
  const parsed = parseScenarioInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return buildPlan(parsed.value);
}

/** FTE working at once at the busiest moment of the build, from the plan's own phases (each phase's roles × fte). */
function peakConcurrentFte(p: DecisionPlan): number {
  const build = p.timeline.phases.filter((ph) => !ph.ongoing);
  let peak = 0;
  for (const at of build.map((ph) => ph.startWeek)) {
    const busy = build.filter((ph) => ph.startWeek <= at && at < ph.startWeek + Math.max(ph.weeks, 1e-9));
    peak = Math.max(
      peak,
      busy.reduce((s, ph) => s + ph.roles.reduce((r, x) => r + x.fte, 0), 0),
    );
  }
  return peak;
}

const STARTUP = {
  en: "We are 2 engineers with 8 weeks and a budget of $40,000 to launch an AI résumé reviewer for job seekers: upload a résumé and get rewrite suggestions. $9 a month subscription.",
  zh: "我们是 2 名工程师的小团队，要在 8 周内上线一个帮小红书博主写笔记文案的 AI 工具，预算 50 万元，月付 19 元。",
};

describe("the stated-team check", () => {
  for (const locale of ["en", "zh"] as const) {
    it(`${locale}: compares the stated team with peak FTE (rounded up), which the headcount may exceed`, () => {
      const p = plan({ description: STARTUP[locale] });
      const team = p.constraints.find((c) => c.kind === "team");
      expect(team).toMatchObject({ stated: 2 });
      expect(team!.planned).toBe(Math.ceil(peakConcurrentFte(p) - 1e-9));
      expect(team!.fits).toBe(team!.planned <= 2);
      // The two figures differ here: 3 people are named (a part-time PM and annotator) for 2 FTE at the peak, so a
      // bare "Team" beside 2 would contradict the headcount of 3 shown on the same page.
      expect(p.team.headcount).toBeGreaterThan(team!.planned);
    });
  }

  it("labels the comparison as full-time equivalents at the peak, in both languages", () => {
    expect(translator("en").label("constraint", "team")).toMatch(/peak.*\bFTE\b/);
    expect(translator("zh").label("constraint", "team")).toMatch(/高峰.*折合全职/);
  });

  it("says full-time equivalents working at once when the stated team is too small, in both languages", () => {
    const p = plan({ description: STARTUP.en, constraints: { teamSize: 1 } });
    const team = p.constraints.find((c) => c.kind === "team")!;
    expect(team).toMatchObject({ stated: 1, fits: false, source: "user" });
    const reason = p.feasibility.reasons.find((r) => r.ruleId === "plan.constraint.team");
    expect(reason?.text.en).toContain(`${team.planned} people working at once (full-time equivalents), more than the stated 1`);
    expect(reason?.text.zh).toContain(`同时需要折合 ${team.planned} 名全职人员，超过给定的 1 人`);
  });
});
