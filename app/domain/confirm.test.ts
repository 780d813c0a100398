import { describe, expect, it } from "vitest";
import { CONFIRM_MAX } from "~/domain/confirm";
import { assess } from "~/domain/engine/assess";
import { estimateCore } from "~/domain/estimate/pipeline";
import { buildPlan } from "~/domain/plan";
import { buildProfile } from "~/domain/profile/build-profile";
import type { Profile } from "~/domain/profile/types";
import { parseScenarioInput, type ScenarioInputRaw } from "~/domain/scenario";
import { SCENARIOS } from "../../test/scenario-table.fixtures";

function input(raw: ScenarioInputRaw) {
  const parsed = parseScenarioInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const RANK = { verdict: 4, primaryTier: 2, oneOffCost: 1 } as const;

describe("confirm[]: the guesses that would change the plan", () => {
  const freeText = buildPlan(
    input({
      description:
        "电商客服：客户问“订单到哪了、能不能退货”，系统先用 SQL 从订单数据库查出物流和退货状态，再由大模型生成回复草稿，客服确认后发送。每天约 8000 次咨询。",
    }),
  );

  it("lists only inferred facts (read from the wording or defaulted), each with what it would change", () => {
    expect(freeText.confirm.length).toBeGreaterThan(0);
    for (const c of freeText.confirm) {
      const fact = (freeText.profile as unknown as Record<string, { value: unknown; source: string }>)[c.key];
      expect(["heuristic", "default"]).toContain(fact.source);
      expect(c.source).toBe(fact.source);
      expect(c.value).toEqual(fact.value);
      expect(c.affects.length).toBeGreaterThan(0);
      expect(c.alternative.value).not.toEqual(c.value);
    }
    // Who pays decides the business case here (internal savings assumed): it must be asked.
    expect(freeText.confirm.find((c) => c.key === "market")?.affects).toContain("verdict");
  });

  it("never asks about what the user stated", () => {
    const stated = buildPlan(
      input({
        description: "Summarise internal meeting transcripts into action items for the attendees, who edit them before sharing.",
        industry: "other",
        market: "internal",
        tasks: ["summarization"],
        knowledge: ["general"],
        stakes: "low",
        humanReview: "always",
        deployment: "cloud_api",
        data: { labeledExamples: 0, documents: 0, chatLogs: 0, preferencePairs: 0 },
        usage: { users: 800, interactionsPerUserPerDay: 1 },
        business: { staffAffected: 800, hoursSavedPerStaffPerWeek: 1 },
      }),
    );
    const userKeys = [
      "industry",
      "market",
      "tasks",
      "knowledge",
      "stakes",
      "humanReview",
      "deployment",
      "labeledExamples",
      "users",
      "interactionsPerUserPerDay",
      "staffAffected",
      "hoursSavedPerStaffPerWeek",
    ];
    for (const c of stated.confirm) expect(userKeys).not.toContain(c.key);
  });

  it("is right about what each alternative changes: the tier and the one-off cost of the plan with that value", () => {
    for (const s of SCENARIOS.slice(0, 12)) {
      const base = input(s.input);
      const plan = buildPlan(base);
      for (const c of plan.confirm) {
        const patched = withValue(base, c.key, c.alternative.value);
        if (!patched) continue;
        const alt = buildPlan(patched);
        if (c.affects.includes("primaryTier")) expect(alt.primaryTier, `${s.id} ${c.key}`).toBe(c.alternative.primaryTier);
        else expect(alt.primaryTier, `${s.id} ${c.key}`).toBe(plan.primaryTier);
        if (c.affects.includes("oneOffCost")) {
          expect(alt.cost.oneOffTotal).toBeCloseTo(c.alternative.oneOffTotal!, 0);
          expect(Math.abs(alt.cost.oneOffTotal - plan.cost.oneOffTotal) / plan.cost.oneOffTotal).toBeGreaterThan(0.2);
        }
      }
    }
  });

  it("puts what changes the verdict first, then the tier, then the cost, and asks at most a few questions", () => {
    for (const s of SCENARIOS) {
      const plan = buildPlan(input(s.input));
      expect(plan.confirm.length).toBeLessThanOrEqual(CONFIRM_MAX);
      const weights = plan.confirm.map((c) => c.affects.reduce((w, e) => w + RANK[e], 0));
      expect(weights).toEqual([...weights].sort((a, b) => b - a));
    }
  });

  it("reads the issue's misreads as questions: a user count that is only a default is asked when it moves the verdict", () => {
    const plan = buildPlan(input({ description: "A drafting helper for our in-house lawyers to produce first drafts of NDAs." }));
    const users = plan.confirm.find((c) => c.key === "users");
    expect(plan.profile.users.source).toBe("default");
    expect(users?.affects).toContain("verdict");
    expect(users?.alternative.value).toBe(plan.profile.users.value * 10);
  });

  it("re-estimates only when an alternative changes what the estimators read (the judgment-only facts do not move the base case)", () => {
    for (const s of SCENARIOS.slice(0, 10)) {
      const base = input(s.input);
      const profile = buildProfile(base);
      const assessment = assess(profile);
      const core = estimateCore({ input: base, profile, assessment, currency: "USD" });
      const flipped = {
        ...profile,
        publicFacing: { value: !profile.publicFacing?.value, source: "user" },
        personalData: { value: !profile.personalData.value, source: "user" },
        jurisdictions: { value: ["EU"], source: "user" },
        stakeDrivers: { value: ["minors"], source: "user" },
        safeguards: { value: ["human_handoff"], source: "user" },
      } as Profile;
      expect(estimateCore({ input: base, profile: flipped, assessment, currency: "USD" })).toEqual(core);
    }
  });
});

/** The input with the confirmed fact set to another value, for the facts an input field holds. */
function withValue(base: ReturnType<typeof input>, key: string, value: unknown): ReturnType<typeof input> | undefined {
  switch (key) {
    case "stakes":
    case "humanReview":
    case "market":
    case "deployment":
    case "knowledge":
      return { ...base, [key]: value };
    case "users":
    case "interactionsPerUserPerDay":
      return { ...base, usage: { ...base.usage, [key]: value as number } };
    case "labeledExamples":
      return { ...base, data: { ...base.data, labeledExamples: value as number } };
    default:
      return undefined;
  }
}
