import { describe, expect, it } from "vitest";
import { scoreCase, totals, trivialPlanner, type PlanLike } from "./score";
import { TUNING, type RealCase } from "./types";

// The scorer itself, on hand-made plans: a harness that scores wrongly would make every figure meaningless.

const base: RealCase = {
  id: "sample",
  locale: "en",
  outcome: "success",
  year: 2024,
  happened: "n/a",
  sources: [],
  input: { description: "A sample. It has sentences. Three of them.", locale: "en", stakes: "high" },
  notes: "",
  expected: {
    verdict: "pilot",
    primaryTier: 3,
    needs: ["traditional", ["sft", "lora"]],
    mustNotLead: ["dpo", "text_to_sql"],
    stakes: "high",
    why: "n/a",
  },
};

const plan = (over: Partial<PlanLike> = {}): PlanLike => ({
  feasibility: { verdict: "pilot" },
  primaryTier: 3,
  techniques: [{ id: "traditional" }, { id: "lora" }],
  profile: { stakes: { value: "high" } },
  ...over,
});

describe("scoreCase", () => {
  it("agrees strictly when all five parts agree; an any-of need is met by one of its options", () => {
    const s = scoreCase(base, plan(), "fields");
    expect(s.strict).toBe(true);
    expect(s.missing).toEqual([]);
  });

  it("does not count a gated technique as committed, for needs or for what must not lead", () => {
    const gatedNeed = scoreCase(
      base,
      plan({ techniques: [{ id: "traditional" }, { id: "lora", gate: { metric: "f1", below: 0.9 } }] }),
      "fields",
    );
    expect(gatedNeed.parts.needs).toBe(false);
    expect(gatedNeed.missing).toEqual(["sft|lora"]);
    const gatedForbidden = scoreCase(
      base,
      plan({ techniques: [{ id: "traditional" }, { id: "sft" }, { id: "dpo", gate: "pairs ≥ 5k" }] }),
      "fields",
    );
    expect(gatedForbidden.parts.mustNotLead).toBe(true);
    const committedForbidden = scoreCase(
      base,
      plan({ techniques: [{ id: "traditional" }, { id: "sft" }, { id: "text_to_sql" }] }),
      "fields",
    );
    expect(committedForbidden.forbidden).toEqual(["text_to_sql"]);
    expect(committedForbidden.strict).toBe(false);
  });

  it("scores verdict, tier and stakes separately", () => {
    const s = scoreCase(base, plan({ feasibility: { verdict: "go" }, primaryTier: 2, profile: { stakes: { value: "medium" } } }), "text");
    expect(s.parts).toEqual({ verdict: false, tier: false, needs: true, mustNotLead: true, stakes: false });
    expect(totals([s, scoreCase(base, plan(), "text")])).toEqual({
      n: 2,
      strict: 1,
      parts: { verdict: 1, tier: 1, needs: 2, mustNotLead: 2, stakes: 1 },
    });
  });
});

describe("trivialPlanner", () => {
  it("always answers pilot, tier 2, retrieval; echoes the entered stakes only in fields mode", () => {
    const input = { description: "x", stakes: "critical" as const };
    expect(trivialPlanner("fields")(input)).toEqual({
      feasibility: { verdict: "pilot" },
      primaryTier: 2,
      techniques: [{ id: "rag" }],
      profile: { stakes: { value: "critical" } },
    });
    expect(trivialPlanner("text")(input).profile.stakes.value).toBe("medium");
    expect(trivialPlanner("fields")({ description: "x" }).profile.stakes.value).toBe("medium");
    const withTuningForbidden = {
      ...base,
      expected: { ...base.expected, needs: ["rag" as const], mustNotLead: TUNING, primaryTier: 2 as const },
    };
    expect(scoreCase(withTuningForbidden, trivialPlanner("text")({ description: "x" }), "text").parts.mustNotLead).toBe(true);
  });
});
