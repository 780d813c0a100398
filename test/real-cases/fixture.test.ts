import { describe, expect, it } from "vitest";
import { parseScenarioInput } from "~/domain/scenario";
import { REAL_CASES } from "./cases";
import type { TechniqueId } from "./types";

// The fixture itself, independent of the engine: inputs parse, sources are citable, the set keeps its shape.

const TECHNIQUES: readonly TechniqueId[] = [
  "prompt_engineering",
  "few_shot",
  "chain_of_thought",
  "tree_of_thought",
  "rag",
  "text_to_sql",
  "agent",
  "tool_calls",
  "sft",
  "lora",
  "qlora",
  "reward_model",
  "rlhf",
  "dpo",
  "traditional",
];
const TIER_OF: Record<TechniqueId, 1 | 2 | 3 | 0> = {
  prompt_engineering: 1,
  few_shot: 1,
  chain_of_thought: 1,
  tree_of_thought: 1,
  rag: 2,
  text_to_sql: 2,
  agent: 2,
  tool_calls: 2,
  sft: 3,
  lora: 3,
  qlora: 3,
  reward_model: 3,
  rlhf: 3,
  dpo: 3,
  traditional: 0,
};
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const HAN = /\p{Script=Han}/u;

describe("real-case fixture", () => {
  it("has at least 30 cases, 10 in Chinese and 8 failures or rollbacks, with unique ids", () => {
    expect(REAL_CASES.length).toBeGreaterThanOrEqual(30);
    expect(REAL_CASES.filter((c) => c.locale === "zh").length).toBeGreaterThanOrEqual(10);
    expect(REAL_CASES.filter((c) => c.outcome === "failure" || c.outcome === "rollback").length).toBeGreaterThanOrEqual(8);
    expect(new Set(REAL_CASES.map((c) => c.id)).size).toBe(REAL_CASES.length);
  });

  it.each(REAL_CASES.map((c) => [c.id, c] as const))("%s: input parses and is written in the case's language", (_id, c) => {
    const parsed = parseScenarioInput(c.input);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(c.input.locale).toBe(c.locale);
    expect(HAN.test(c.input.description)).toBe(c.locale === "zh");
    // Several sentences, as a PM would write before launch.
    expect(c.input.description.split(/[.。!?！？]/).filter((s) => s.trim().length > 0).length).toBeGreaterThanOrEqual(3);
  });

  it.each(REAL_CASES.map((c) => [c.id, c] as const))(
    "%s: every source has a title, an http(s) url, a publisher, a date and a quote",
    (_id, c) => {
      expect(c.sources.length).toBeGreaterThan(0);
      for (const s of c.sources) {
        expect(s.title.trim()).not.toBe("");
        expect(s.url).toMatch(/^https?:\/\/\S+$/);
        expect(s.publisher.trim()).not.toBe("");
        expect(s.date).toMatch(DATE);
        expect(s.quote.trim().length).toBeGreaterThan(20);
      }
    },
  );

  it.each(REAL_CASES.map((c) => [c.id, c] as const))("%s: the expected judgment is consistent with itself", (_id, c) => {
    const { needs, mustNotLead, primaryTier, why } = c.expected;
    const needed = needs.flatMap((n) => (typeof n === "string" ? [n] : [...n]));
    for (const id of [...needed, ...mustNotLead]) expect(TECHNIQUES).toContain(id);
    // A technique cannot be both required and forbidden.
    for (const n of needs) {
      const options = typeof n === "string" ? [n] : [...n];
      expect(options.some((id) => !mustNotLead.includes(id))).toBe(true);
    }
    // No need sits above the tier the plan commits to.
    for (const n of needs) {
      const lowest = Math.min(...(typeof n === "string" ? [n] : [...n]).map((id) => TIER_OF[id]));
      expect(lowest).toBeLessThanOrEqual(primaryTier);
    }
    expect(why.trim().length).toBeGreaterThan(80);
  });
});
