// Modelling fixes from the template review: usage bounds the hours saved, headcount counts people, on-hand data
// still needs screening, integration and the internal trial scale with the rollout, and accept/edit is feedback.
import { describe, expect, it } from "vitest";
import { EST } from "~/domain/estimate/kb";
import { WEEKS_PER_MONTH } from "~/domain/estimate/units";
import { findTemplate, TEMPLATES } from "~/domain/kb/templates";
import { buildPlan } from "~/domain/plan";
import { parseScenarioInput, type ScenarioInputRaw } from "~/domain/scenario";
import type { DecisionPlan } from "~/domain/plan-types";

function planOf(raw: ScenarioInputRaw): DecisionPlan {
  const parsed = parseScenarioInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return buildPlan(parsed.value);
}
function template(id: string, locale: "zh" | "en") {
  const t = findTemplate(id);
  if (!t) throw new Error(`no template ${id}`);
  return t.input[locale] as ScenarioInputRaw;
}
const assumption = (plan: DecisionPlan, key: string) => plan.assumptions.find((a) => a.key === key);
const phase = (plan: DecisionPlan, id: string) => plan.timeline.phases.find((p) => p.id === id);

describe("internal savings are bounded by how often people use the tool", () => {
  const policy = planOf({ description: template("policy-document-qa", "zh").description });

  it("caps the default hours saved at uses a week × minutes saved per use", () => {
    const ipd = policy.feedback.inputs.interactionsPerUserPerDay;
    const days = policy.feedback.inputs.workingDaysPerMonth;
    const minutes = assumption(policy, "finance.minutesSavedPerInteraction");
    const hours = assumption(policy, "finance.hoursSavedPerStaffPerWeek");
    expect(minutes?.source).toBe("kb");
    expect(hours?.value).toBeCloseTo((ipd * days * (minutes!.value as number)) / WEEKS_PER_MONTH / 60, 3);
    expect(hours!.value as number).toBeLessThan(EST.finance.internal.hoursSavedPerStaffPerWeek.value);
    expect(hours?.derivation?.code).toBe("finance.hours_from_uses");
  });

  it("keeps the monthly saving for 3,000 staff asking once or twice a week under ¥100k, not ¥1M+", () => {
    expect(policy.finance.monthlyBenefitAtHorizon).toBeLessThan(100_000);
    expect(policy.finance.monthlyBenefitAtHorizon).toBeGreaterThan(0);
  });

  it("keeps the knowledge-base default when usage is heavy enough to save it", () => {
    const heavy = planOf({ description: "Internal tool: 200 agents, each uses the reply assistant 40 times a day.", market: "internal" });
    expect(assumption(heavy, "finance.hoursSavedPerStaffPerWeek")?.value).toBe(EST.finance.internal.hoursSavedPerStaffPerWeek.value);
  });

  it("uses the hours the user states, unbounded", () => {
    const raw = {
      description: template("policy-document-qa", "en").description,
      market: "internal" as const,
      business: { hoursSavedPerStaffPerWeek: 3 },
    };
    const plan = planOf(raw);
    expect(assumption(plan, "finance.hoursSavedPerStaffPerWeek")).toMatchObject({ value: 3, source: "user" });
    expect(assumption(plan, "finance.minutesSavedPerInteraction")).toBeUndefined();
  });

  it("moves with the minutes-saved assumption when it is overridden", () => {
    const raw = { description: template("policy-document-qa", "en").description };
    const base = assumption(planOf(raw), "finance.hoursSavedPerStaffPerWeek")!.value as number;
    const more = assumption(
      planOf({ ...raw, assumptions: { "finance.minutesSavedPerInteraction": 10 } }),
      "finance.hoursSavedPerStaffPerWeek",
    )!.value as number;
    // Both are rounded to 3 decimals, so compare to 2.
    expect(more).toBeCloseTo(base * 2, 2);
  });
});

describe("headcount counts people, not phase seats", () => {
  it.each(["zh", "en"] as const)(
    "the law-firm template (%s) has the seed's 3 curators doing both knowledge prep and data curation",
    (locale) => {
      const plan = planOf(template("vertical-legal-finetune", locale));
      const curators = plan.team.roles.find((r) => r.role === "ops_curator")!;
      expect(curators.count).toBe(EST.timeline.opsCurators.value);
      const prep = phase(plan, "knowledge_prep")!;
      const curation = phase(plan, "data_curation")!;
      expect(prep.dependsOn).toContain("data_curation");
      expect(prep.startWeek).toBeGreaterThanOrEqual(curation.startWeek + curation.weeks);
    },
  );

  it("makes every role's count the ceiling of its largest concurrent FTE on every template", () => {
    for (const t of TEMPLATES) {
      for (const locale of ["zh", "en"] as const) {
        const plan = planOf(t.input[locale] as ScenarioInputRaw);
        for (const r of plan.team.roles) {
          let peak = r.runFte;
          for (const a of plan.timeline.phases) {
            let sum = 0;
            for (const b of plan.timeline.phases) {
              if (b.startWeek <= a.startWeek && a.startWeek < b.startWeek + Math.max(b.weeks, 1e-9))
                sum += b.roles.find((x) => x.role === r.role)?.fte ?? 0;
            }
            peak = Math.max(peak, sum);
          }
          expect(r.count, `${t.id}.${locale} ${r.role}`).toBe(Math.max(1, Math.ceil(peak - 1e-3)));
        }
        expect(plan.team.headcount).toBe(plan.team.roles.reduce((s, r) => s + r.count, 0));
      }
    }
  });
});

describe("data curation when the examples are on hand", () => {
  const legal = template("vertical-legal-finetune", "en");

  it("still screens the on-hand examples (define good and bad data), for at least the minimum weeks", () => {
    const curation = phase(planOf(legal), "data_curation")!;
    expect(curation.weeks).toBeGreaterThanOrEqual(EST.timeline.minDataCurationWeeks.value);
    expect(curation.workVolume?.quantity).toBeGreaterThan(0);
    expect(curation.workVolume?.kind).toBe("curation_screened");
    expect(curation.workVolume?.params?.screened).toBeGreaterThan(0);
  });

  it("grows with the screening rate", () => {
    const slow = phase(planOf({ ...legal, assumptions: { "data.minutesPerOnHandExample": 2 } }), "data_curation")!;
    const fast = phase(planOf(legal), "data_curation")!;
    expect(slow.weeks).toBeGreaterThan(fast.weeks);
  });

  it("is sized by the minimum when almost nothing is on hand to screen", () => {
    const tiny = phase(
      planOf({ ...legal, data: { labeledExamples: 50_000, documents: 0 }, assumptions: { "data.minutesPerOnHandExample": 0.01 } }),
      "data_curation",
    )!;
    expect(tiny.weeks).toBe(EST.timeline.minDataCurationWeeks.value);
  });
});

describe("integration and the internal trial scale with the rollout", () => {
  const base: ScenarioInputRaw = {
    description: "Internal assistant that drafts replies.",
    market: "internal",
    tasks: ["generation"],
    knowledge: ["general"],
    deployment: "cloud_api",
    stakes: "low",
    humanReview: "always",
  };
  const weeks = (raw: ScenarioInputRaw, id: string) => phase(planOf(raw), id)!.weeks;

  it("lengthens the trial with more users (staged rollout waves)", () => {
    expect(weeks({ ...base, usage: { users: 3000 } }, "internal_trial")).toBeGreaterThan(
      weeks({ ...base, usage: { users: 40 } }, "internal_trial"),
    );
  });

  it("lengthens integration with more tasks and with on-premises serving", () => {
    const one = weeks(base, "integration");
    expect(weeks({ ...base, tasks: ["generation", "classification", "extraction"] }, "integration")).toBeGreaterThan(one);
    expect(weeks({ ...base, deployment: "on_prem" }, "integration")).toBeGreaterThan(one);
  });

  it("lengthens integration with a larger private corpus", () => {
    const rag = { ...base, tasks: ["qa" as const], knowledge: ["private_documents" as const] };
    expect(weeks({ ...rag, data: { documents: 50_000 } }, "integration")).toBeGreaterThan(
      weeks({ ...rag, data: { documents: 200 } }, "integration"),
    );
  });

  it("no longer gives 40 agents and 3,000 employees the same launch", () => {
    const agents = planOf(template("order-service-replies", "en"));
    const staff = planOf(template("policy-document-qa", "en"));
    expect(staff.timeline.launchWeek).toBeGreaterThan(agents.timeline.launchWeek);
    expect(assumption(staff, "timeline.internalTrialWeeks")?.derivation).toMatchObject({
      code: "timeline.trial_internal",
      params: { users: 3000 },
    });
    expect(assumption(agents, "timeline.internalTrialWeeks")?.derivation?.code).toBe("timeline.trial_internal");
  });
});

describe("feedback from an accept/edit step", () => {
  it.each(["zh", "en"] as const)("counts the order-service agent's confirm/edit as implicit feedback (%s)", (locale) => {
    const plan = planOf({ description: template("order-service-replies", locale).description });
    expect(plan.feedback.mode).toBe("implicit");
    expect(plan.feedback.implicitPerMonth).toBeGreaterThan(0);
  });

  it("gives a Q&A tool whose answers HR samples labels on the sample and the thumbs its integration ships on the rest", () => {
    const plan = planOf({ description: template("policy-document-qa", "zh").description });
    const outputs = plan.compute.monthlyRequests;
    expect(plan.feedback.review.humanReview).toBe("sampled");
    expect(plan.feedback.reviewedPerMonth).toBe(Math.round(outputs * plan.feedback.review.reviewShare));
    expect(plan.feedback.explicitPerMonth).toBeGreaterThan(0);
    expect(plan.feedback.perMonth).toBe(plan.feedback.reviewedPerMonth + plan.feedback.explicitPerMonth);
  });

  it("gives every output a nurse reviews as a label, and fewer labels when review is sampled (adding review never lowers them)", () => {
    const triage = {
      description: "医院分诊助手：患者描述症状，AI 给出分诊级别和建议科室，护士审核后发给患者。",
      market: "toC" as const,
      usage: { users: 400, interactionsPerUserPerDay: 1 },
    };
    const always = planOf({ ...triage, humanReview: "always" });
    const sampled = planOf({ ...triage, humanReview: "sampled" });
    const none = planOf({ ...triage, humanReview: "none" });
    expect(always.feedback.reviewedPerMonth).toBe(always.compute.monthlyRequests);
    // A service patients use any day of the month.
    expect(always.feedback.review.daysPerMonth).toBeCloseTo(30.4, 1);
    expect(always.feedback.perMonth).toBeGreaterThanOrEqual(sampled.feedback.perMonth);
    expect(sampled.feedback.perMonth).toBeGreaterThanOrEqual(none.feedback.perMonth);
  });

  it("counts a pick of one of k candidates as k − 1 comparisons (the seed's Midjourney example)", () => {
    const plan = planOf({
      description: "A logo generator shows 4 candidate logos and the user picks one to download.",
      market: "toC",
      usage: { users: 1000, interactionsPerUserPerDay: 2 },
    });
    expect(plan.feedback.review.candidatesPerPick).toBe(4);
    expect(plan.feedback.comparisonsPerMonth).toBe(Math.round(plan.feedback.picksPerMonth * 3));
    expect(plan.feedback.picksPerMonth).toBeGreaterThan(0);
  });
});
