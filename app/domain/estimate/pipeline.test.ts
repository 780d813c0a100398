import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { estimateCore, estimatePlan } from "~/domain/estimate/pipeline";
import { assess } from "~/domain/engine/assess";
import { buildProfile } from "~/domain/profile/build-profile";
import { ASSUMPTION_KEYS, ASSUMPTIONS, validateAssumptionOverrides } from "~/domain/estimate/assumptions/registry";
import { makeEstimateInput } from "~/domain/estimate/test-fixtures";
import { parseScenarioInput } from "~/domain/scenario";

const tier3 = ["prompt_engineering", "sft", "lora", "reward_model"];
const tier2 = ["prompt_engineering", "rag"];

describe("the seed's art-studio comment tool", () => {
  // Seed: 1,000+ teachers paying tens of yuan a month (全国1000多月付费几十元的用户).
  const plan = estimatePlan(
    makeEstimateInput({
      profile: { locale: "zh", market: "toC", users: 1000, interactionsPerUserPerDay: 5, feedbackMode: "implicit" },
      techniques: ["prompt_engineering", "few_shot"],
      input: { business: { pricePerUserMonth: 30 } },
    }),
  );

  it("shows monthly revenue in the tens of thousands of yuan", () => {
    expect(plan.finance.currency).toBe("CNY");
    expect(plan.finance.monthlyBenefitAtHorizon).toBeGreaterThanOrEqual(10_000);
    expect(plan.finance.monthlyBenefitAtHorizon).toBeLessThan(100_000);
    const price = plan.assumptions.find((a) => a.key === "finance.pricePerUserMonth");
    expect(price).toMatchObject({ value: 30, source: "user", citation: "business.pricePerUserMonth" });
  });

  it("is a tier-1 plan: no fine-tune phase, no fine-tune compute, API deployment", () => {
    expect(plan.timeline.phases.map((p) => p.id)).not.toContain("first_finetune");
    expect(plan.compute.fineTune).toBeNull();
    expect(plan.compute.deployment).toBe("api");
    expect(plan.team.roles.map((r) => r.role)).not.toContain("ml_engineer");
  });

  it("counts the reviewed outputs, their edits and the thumbs on the rest in the monthly feedback", () => {
    expect(plan.feedback.supervisedPairsPerMonth).toBeGreaterThan(0);
    expect(plan.feedback.perMonth).toBe(plan.feedback.reviewedPerMonth + plan.feedback.explicitPerMonth + plan.feedback.picksPerMonth);
  });
});

describe("a tier-3 plan on premises", () => {
  const plan = estimatePlan(makeEstimateInput({ profile: { deployment: "on_prem", tasks: ["conversation"] }, techniques: tier3 }));

  it("follows the seed's phases with dependencies and a Gantt that adds up", () => {
    const ids = plan.timeline.phases.map((p) => p.id);
    for (const id of ["data_curation", "first_finetune", "internal_trial", "iteration", "production_feedback"]) expect(ids).toContain(id);
    const byId = new Map(plan.timeline.phases.map((p) => [p.id, p]));
    for (const p of plan.timeline.phases) {
      for (const d of p.dependsOn) {
        const dep = byId.get(d)!;
        expect(p.startWeek).toBeGreaterThanOrEqual(dep.startWeek + dep.weeks);
      }
      expect(p.roles.length).toBeGreaterThan(0);
    }
    expect(plan.timeline.totalWeeks).toBe(Math.max(...plan.timeline.phases.map((p) => p.startWeek + p.weeks)));
    expect(byId.get("data_curation")!.workVolume!.quantity).toBeGreaterThan(0);
  });

  it("serves an open model of the task's tier on its own GPUs, staffed with MLOps and ML engineers", () => {
    expect(plan.compute.deployment).toBe("self_hosted");
    expect(plan.compute.modelSizeB).toBe(plan.compute.serving.paramsB);
    expect(plan.compute.serving.ownership).toBe("owned");
    expect([1, 2, 4, 8]).toContain(plan.compute.serving.gpusPerReplica);
    expect(plan.compute.fineTune?.fits).toBe(true);
    expect(plan.compute.fineTuneOptions.map((o) => o.method)).toEqual(["full", "lora", "qlora"]);
    const roles = plan.team.roles.map((r) => r.role);
    expect(roles).toEqual(expect.arrayContaining(["ml_engineer", "mlops_engineer", "ops_curator", "domain_annotator", "pm"]));
  });

  it("anchors the data needs on the published set sizes and gives a reward-model target", () => {
    const sft = plan.data.needs.find((n) => n.id === "sft")!;
    expect(sft.examplesNeeded).toBeGreaterThanOrEqual(1000);
    expect(sft.annotationHours).toBeGreaterThan(0);
    expect(plan.data.anchors.map((a) => a.examples)).toEqual(expect.arrayContaining([1000, 13000, 33000, 52000]));
    expect(plan.feedback.rewardModelTarget).toBeGreaterThan(sft.examplesNeeded);
  });

  it("sums the cost breakdown and the 36-month projection", () => {
    const sumOneOff = plan.cost.byCategory.reduce((s, c) => s + c.oneOff, 0);
    expect(Math.abs(sumOneOff - plan.cost.oneOffTotal)).toBeLessThan(0.05);
    expect(plan.finance.months).toHaveLength(36);
    const cum = plan.finance.months.reduce((s, m) => s + m.net, 0);
    expect(Math.abs(cum - plan.finance.months[35].cumulative)).toBeLessThan(1);
  });

  it("records every figure as an assumption with a known key and a source", () => {
    expect(plan.assumptions.length).toBeGreaterThan(30);
    for (const a of plan.assumptions) {
      expect(ASSUMPTION_KEYS).toContain(a.key);
      expect(["user", "profile", "kb", "default", "heuristic", "llm"]).toContain(a.source);
      if (a.source === "kb") expect(a.citation?.length).toBeGreaterThan(5);
      if (a.range) expect(a.range.low <= a.range.mode && a.range.mode <= a.range.high).toBe(true);
    }
  });
});

describe("overrides", () => {
  it("recomputes the plan when an assumption is overridden, and marks it as the user's", () => {
    const base = estimatePlan(makeEstimateInput({ techniques: tier3 }));
    const over = estimatePlan(makeEstimateInput({ techniques: tier3, input: { assumptions: { "compute.modelSizeB": 33 } } }));
    expect(over.compute.modelSizeB).toBe(33);
    expect(over.compute.fineTune!.gpuHours).toBeGreaterThan(base.compute.fineTune!.gpuHours);
    expect(over.assumptions.find((a) => a.key === "compute.modelSizeB")).toMatchObject({ source: "user", overridden: true });
  });

  it("rejects an unknown assumption key naming the field", () => {
    const r = parseScenarioInput({ description: "x", assumptions: { "finance.notAThing": 1 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([expect.objectContaining({ path: "assumptions.finance.notAThing" })]);
  });

  it("rejects an out-of-range override naming the field", () => {
    const r = parseScenarioInput({ description: "x", assumptions: { "finance.conversionRate": 3 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].path).toBe("assumptions.finance.conversionRate");
  });

  it("accepts every exported key at its lower bound", () => {
    const numeric = ASSUMPTION_KEYS.filter((k) => (ASSUMPTIONS[k] as { bounds?: unknown }).bounds);
    const r = parseScenarioInput({ description: "x", assumptions: Object.fromEntries(numeric.slice(0, 60).map((k) => [k, 1])) });
    // Keys whose lower bound is above 1 are reported; none of the others are.
    if (!r.ok) for (const e of r.errors) expect(e.message).toMatch(/must be between/);
  });
});

describe("properties", () => {
  it("cost never falls when the team grows", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("team.annotators", "team.opsCurators", "team.fineTuneEngineers", "team.backendEngineers"),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(tier3, tier2),
        (key, base, extra, techniques) => {
          const small = estimatePlan(makeEstimateInput({ techniques, input: { assumptions: { [key]: base } } }));
          const big = estimatePlan(makeEstimateInput({ techniques, input: { assumptions: { [key]: base + extra } } }));
          expect(big.cost.oneOffTotal).toBeGreaterThanOrEqual(small.cost.oneOffTotal - 0.01);
          expect(big.cost.monthlyTotal).toBeGreaterThanOrEqual(small.cost.monthlyTotal - 0.01);
          expect(big.team.labourCost).toBeGreaterThanOrEqual(small.team.labourCost - 0.01);
        },
      ),
      { numRuns: 25 },
    );
  });

  const breakEvenOrInf = (m: number | null) => (m === null ? Number.POSITIVE_INFINITY : m);

  it("break-even never comes earlier when the price falls or churn rises", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 200 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 0.01, max: 0.3, noNaN: true }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        fc.integer({ min: 200, max: 20000 }),
        (price, cut, churn, churnUp, users) => {
          const run = (p: number, c: number) =>
            estimatePlan(
              makeEstimateInput({
                profile: { users },
                techniques: ["prompt_engineering"],
                input: { assumptions: { "finance.pricePerUserMonth": p, "finance.monthlyChurnRate": c, "finance.monteCarloRuns": 50 } },
              }),
            ).finance.breakEvenMonth;
          const base = breakEvenOrInf(run(price, churn));
          expect(breakEvenOrInf(run(price * (1 - cut), churn))).toBeGreaterThanOrEqual(base);
          expect(breakEvenOrInf(run(price, Math.min(1, churn + churnUp)))).toBeGreaterThanOrEqual(base);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("more feedback per month never lengthens the time to the reward-model target", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        (users, more, rate) => {
          const months = (u: number) =>
            estimatePlan(
              makeEstimateInput({
                profile: { users: u },
                techniques: tier3,
                input: { assumptions: { "feedback.explicitRate": rate, "finance.monteCarloRuns": 50 } },
              }),
            ).feedback.monthsToRewardModelTarget;
          const a = months(users);
          const b = months(users + more);
          expect(breakEvenOrInf(b)).toBeLessThanOrEqual(breakEvenOrInf(a));
        },
      ),
      { numRuns: 25 },
    );
  });

  it("P10 ≤ P50 ≤ P90 for NPV, ROI, break-even and every month of cumulative cash", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("toC", "toB", "internal" as const),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.constantFrom(tier3, tier2, ["prompt_engineering"]),
        (market, seed, techniques) => {
          const plan = estimatePlan(
            makeEstimateInput({
              profile: { market },
              techniques,
              input: { assumptions: { "finance.monteCarloSeed": seed, "finance.monteCarloRuns": 100 } },
            }),
          );
          const r = plan.finance.ranges;
          expect(r.npv.p10).toBeLessThanOrEqual(r.npv.p50);
          expect(r.npv.p50).toBeLessThanOrEqual(r.npv.p90);
          expect(r.roi.p10).toBeLessThanOrEqual(r.roi.p50);
          expect(r.roi.p50).toBeLessThanOrEqual(r.roi.p90);
          expect(breakEvenOrInf(r.breakEvenMonth.p10)).toBeLessThanOrEqual(breakEvenOrInf(r.breakEvenMonth.p50));
          expect(breakEvenOrInf(r.breakEvenMonth.p50)).toBeLessThanOrEqual(breakEvenOrInf(r.breakEvenMonth.p90));
          expect(r.cumulative).toHaveLength(36);
          for (const m of r.cumulative) {
            expect(m.p10).toBeLessThanOrEqual(m.p50);
            expect(m.p50).toBeLessThanOrEqual(m.p90);
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it("more documents to prepare never shorten a retrieval plan", () => {
    // 0 documents means "not stated" (a mid-size default corpus is planned), so stated counts start at 1.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 1, max: 200_000 }), (docs, more) => {
        const weeks = (d: number) =>
          estimatePlan(
            makeEstimateInput({ profile: { documents: d }, techniques: tier2, input: { assumptions: { "finance.monteCarloRuns": 50 } } }),
          ).timeline.launchWeek;
        expect(weeks(docs + more)).toBeGreaterThanOrEqual(weeks(docs));
      }),
      { numRuns: 20 },
    );
  });

  it("the same seed gives the same ranges; another seed moves them", () => {
    const at = (seed: number) =>
      estimatePlan(makeEstimateInput({ techniques: tier3, input: { assumptions: { "finance.monteCarloSeed": seed } } })).finance.ranges;
    expect(at(7)).toEqual(at(7));
    expect(at(7).npv).not.toEqual(at(8).npv);
  });

  it("sorts the sensitivity table by effect, largest first", () => {
    for (const market of ["toC", "toB", "internal"] as const) {
      const rows = estimatePlan(makeEstimateInput({ profile: { market }, techniques: tier2 })).finance.sensitivity;
      expect(rows.length).toBeGreaterThan(3);
      for (let i = 1; i < rows.length; i++) expect(rows[i - 1].effect).toBeGreaterThanOrEqual(rows[i].effect);
    }
  });
});

describe("validateAssumptionOverrides", () => {
  it("names each bad key as assumptions.<key> and accepts good ones", () => {
    expect(validateAssumptionOverrides({ "compute.modelSizeB": 7, "finance.discountRate": 0.1 })).toEqual([]);
    expect(validateAssumptionOverrides({ nope: 1, "feedback.explicitRate": -0.1 }).map((e) => e.path)).toEqual([
      "assumptions.nope",
      "assumptions.feedback.explicitRate",
    ]);
  });
});

describe("estimateCore", () => {
  it("gives the full plan's base-case cost and finance without the ranges", () => {
    const parsed = parseScenarioInput({
      description: "画室老师输入学生画作的要点，AI 生成评语，老师修改后发给家长。月付 30 元，已有 1000 多位付费老师。",
    });
    if (!parsed.ok) throw new Error("invalid");
    const profile = buildProfile(parsed.value);
    const args = { input: parsed.value, profile, assessment: assess(profile), currency: "CNY" as const };
    const core = estimateCore(args);
    const full = estimatePlan(args);
    expect(core.cost).toEqual(full.cost);
    expect(core.finance.npv).toBe(full.finance.npv);
    expect(core.finance.breakEvenMonth).toBe(full.finance.breakEvenMonth);
    expect(core.finance.months).toEqual(full.finance.months);
    expect(core.finance.sensitivity).toEqual([]);
  });
});

describe("text assumptions", () => {
  it("refuses an override of a value that is not a number (a GPU, a model)", () => {
    const r = parseScenarioInput({ description: "x", assumptions: { "compute.servingGpu": 1 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].path).toBe("assumptions.compute.servingGpu");
  });
});
