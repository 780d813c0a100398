// The scenario table (test/scenario-table.fixtures.ts) run end to end through buildPlan: verdict, grade range,
// primary tier and key techniques as an experienced LLM product lead would give them.
import { describe, expect, it } from "vitest";
import { GRADES } from "~/domain/engine/types";
import { RULES } from "~/domain/kb/rules";
import { buildPlan } from "~/domain/plan";
import { parseScenarioInput } from "~/domain/scenario";
import { SCENARIOS } from "./scenario-table.fixtures";

const freeText = SCENARIOS.filter((s) => Object.keys(s.input).every((k) => k === "description"));

describe("the scenario table", () => {
  it("has at least 24 scenarios in Chinese and English, half of them free text only, each justified", () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(24);
    expect(freeText.length).toBeGreaterThanOrEqual(SCENARIOS.length / 2 - 1);
    const zh = SCENARIOS.filter((s) => /[\u4e00-\u9fff]/.test(s.input.description as string));
    expect(zh.length).toBeGreaterThanOrEqual(SCENARIOS.length / 3);
    expect(SCENARIOS.length - zh.length).toBeGreaterThanOrEqual(SCENARIOS.length / 3);
    for (const s of SCENARIOS) expect(s.why.length, s.id).toBeGreaterThan(40);
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
    // Every verdict appears, so the table exercises the whole scale.
    expect(new Set(SCENARIOS.map((s) => s.verdict))).toEqual(new Set(["go", "pilot", "rethink", "no_go"]));
  });

  describe.each(SCENARIOS)("$id", (s) => {
    const parsed = parseScenarioInput(s.input);
    if (!parsed.ok) throw new Error(`${s.id}: ${JSON.stringify(parsed.errors)}`);
    const plan = buildPlan(parsed.value);
    const techniques = plan.techniques.map((t) => t.id);

    it(`is ${s.verdict}, grade ${s.grades.join("–")}, tier ${s.primaryTier}`, () => {
      expect(plan.feasibility.verdict).toBe(s.verdict);
      const g = GRADES.indexOf(plan.feasibility.grade);
      expect(g).toBeGreaterThanOrEqual(GRADES.indexOf(s.grades[0]));
      expect(g).toBeLessThanOrEqual(GRADES.indexOf(s.grades[1]));
      expect(plan.primaryTier).toBe(s.primaryTier);
    });

    it(`uses ${s.techniques.join(", ")}${s.notTechniques ? ` and not ${s.notTechniques.join(", ")}` : ""}`, () => {
      expect(techniques).toEqual(expect.arrayContaining(s.techniques));
      for (const t of s.notTechniques ?? []) expect(techniques).not.toContain(t);
      // A gated technique waits on its eval result; every other expected technique is committed now.
      for (const t of plan.techniques.filter((x) => s.techniques.includes(x.id))) {
        if ((s.gated ?? []).includes(t.id)) expect(t.gate, `${t.id} should wait on a gate`).toBeTruthy();
        else expect(t.gate, `${t.id} should be committed`).toBeUndefined();
      }
    });

    it("explains itself in the scenario's language", () => {
      const zh = /[\u4e00-\u9fff]/.test(s.input.description as string);
      expect(plan.locale).toBe(zh ? "zh" : "en");
      expect(plan.feasibility.reasons.length).toBeGreaterThan(0);
      for (const t of plan.techniques) expect(/[\u4e00-\u9fff]/.test(t.why)).toBe(zh);
    });
  });
});

describe("rule coverage", () => {
  it("every score rule, gate and risk fires for at least one scenario of the table, and none fires for all", () => {
    const fired = new Map<string, number>();
    for (const s of SCENARIOS) {
      const parsed = parseScenarioInput(s.input);
      if (!parsed.ok) throw new Error(s.id);
      for (const t of buildPlan(parsed.value).feasibility.trace) if (t.fired) fired.set(t.ruleId, (fired.get(t.ruleId) ?? 0) + 1);
    }
    const scoreAndRisk = [...RULES.rules.map((r) => r.id), ...RULES.risks.map((r) => `risk.${r.id}`), "gate.weakest_dimension"];
    // A rule no scenario exercises is untested judgement; a score rule every scenario triggers does not discriminate.
    const dead = scoreAndRisk.filter((id) => !fired.has(id));
    expect(dead).toEqual([]);
    const constant = RULES.rules.map((r) => r.id).filter((id) => fired.get(id) === SCENARIOS.length);
    expect(constant).toEqual([]);
  });
});
