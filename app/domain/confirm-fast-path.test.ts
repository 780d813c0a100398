// confirm[] re-judges the plan up to fifteen times; the shortcuts that make that cheap (the wording read once, the
// plan's own assessment and base case reused, a point-estimate base case) must give exactly what the long way gives,
// on every template in both languages and every row of the scenario table.
import { describe, expect, it } from "vitest";
import { confirmFacts } from "~/domain/confirm";
import { assess } from "~/domain/engine/assess";
import { estimateCore, estimatePlan } from "~/domain/estimate/pipeline";
import { TEMPLATES } from "~/domain/kb/templates";
import { buildPlan } from "~/domain/plan";
import { buildProfile, TextReadings } from "~/domain/profile/build-profile";
import { HUMAN_REVIEW, MARKETS, parseScenarioInput, STAKES, type ScenarioInput, type ScenarioInputRaw } from "~/domain/scenario";
import { SCENARIOS } from "../../test/scenario-table.fixtures";

function parse(raw: ScenarioInputRaw): ScenarioInput {
  const parsed = parseScenarioInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const CASES: [string, ScenarioInput][] = [
  ...TEMPLATES.flatMap((t) => [
    [`${t.id} zh`, parse(t.input.zh)] as [string, ScenarioInput],
    [`${t.id} en`, parse(t.input.en)] as [string, ScenarioInput],
  ]),
  ...SCENARIOS.map((s) => [s.id, parse(s.input)] as [string, ScenarioInput]),
];

/** The variants confirm[] builds: other stated stakes, review, market, users, and facts assumed instead of read. */
function variants(input: ScenarioInput): { input: ScenarioInput; assume: Parameters<typeof buildProfile>[1] }[] {
  return [
    ...STAKES.map((stakes) => ({ input: { ...input, stakes }, assume: {} })),
    ...HUMAN_REVIEW.map((humanReview) => ({ input: { ...input, humanReview }, assume: {} })),
    ...MARKETS.map((market) => ({ input: { ...input, market }, assume: {} })),
    { input: { ...input, usage: { ...input.usage, users: 12_345 } }, assume: {} },
    { input, assume: { publicFacing: true, personalData: false, jurisdictions: [], valueKind: "public_service" } },
  ];
}

describe("confirm[]'s fast path equals the long way", () => {
  it("has cases to check: every template in both languages and every scenario row", () => {
    expect(CASES.length).toBe(TEMPLATES.length * 2 + SCENARIOS.length);
  });

  it.each(CASES)("%s: a profile built with the shared readings of its text equals one read afresh", (_id, input) => {
    const readings = new TextReadings();
    // Fill the readings with the plan's own profile first, as buildPlan does, then rebuild every variant.
    expect(buildProfile(input, {}, readings)).toEqual(buildProfile(input));
    for (const v of variants(input)) expect(buildProfile(v.input, v.assume, readings)).toEqual(buildProfile(v.input, v.assume));
  });

  it("starts over when the text changes (readings of one description are never used for another)", () => {
    const readings = new TextReadings();
    const [a, b] = [CASES[0][1], CASES[1][1]];
    buildProfile(a, {}, readings);
    expect(buildProfile(b, {}, readings)).toEqual(buildProfile(b));
    expect(buildProfile({ ...b, title: "客服 support bot" }, {}, readings)).toEqual(buildProfile({ ...b, title: "客服 support bot" }));
  });

  it.each(CASES)("%s: estimateCore (a point estimate) equals the full estimate's base case", (_id, input) => {
    const profile = buildProfile(input);
    const currency = input.business?.currency ?? (profile.locale.value === "zh" ? "CNY" : "USD");
    const args = { input, profile, assessment: assess(profile), currency } as const;
    const core = estimateCore(args);
    const full = estimatePlan(args);
    expect(core.cost).toEqual(full.cost);
    expect(core.team).toEqual(full.team);
    expect(core.timeline).toEqual(full.timeline);
    expect(core.constraints).toEqual(full.constraints);
    expect(core.finance.npv).toBe(full.finance.npv);
    expect(core.finance.breakEvenMonth).toBe(full.finance.breakEvenMonth);
    expect(core.finance.months).toEqual(full.finance.months);
    expect(core.finance.unitEconomics).toEqual(full.finance.unitEconomics);
  });

  it.each(CASES)("%s: the plan's confirm[] equals confirm[] judged from nothing shared", (_id, input) => {
    const plan = buildPlan(input);
    const economicsCapped = plan.feasibility.reasons.some(
      (r) => r.kind === "gate" && (r.ruleId === "plan.no_break_even" || r.ruleId === "plan.break_even_unlikely"),
    );
    // No readings, no assessment, no base case: every profile read afresh and every base case estimated.
    const slow = confirmFacts(input, plan.profile, plan.currency, { economicsCapped });
    expect(plan.confirm).toEqual(slow);
  });
});
