import { describe, expect, it } from "vitest";
import referenceCasesJson from "../../../data/reference-cases.json";
import rulesJson from "../../../data/rules.json";
import techniquesJson from "../../../data/techniques.json";
import templatesJson from "../../../data/templates.json";
import { REFERENCE_CASES, referenceCase } from "~/domain/kb/reference-cases";
import { RULES } from "~/domain/kb/rules";
import { RulesFileSchema, TechniquesFileSchema, TemplatesFileSchema, ReferenceCasesFileSchema } from "~/domain/kb/schemas";
import { TECHNIQUES } from "~/domain/kb/techniques";
import { TEMPLATES } from "~/domain/kb/templates";
import { buildPlan } from "~/domain/plan";

const RAW: Record<string, unknown> = {
  "data/techniques.json": techniquesJson,
  "data/rules.json": rulesJson,
  "data/reference-cases.json": referenceCasesJson,
  "data/templates.json": templatesJson,
};
const FILES = Object.keys(RAW);
// A deep copy, so a test that breaks an entry on purpose cannot leak into the loaded knowledge base.
const read = (file: string) => structuredClone(RAW[file]);

/** Every object that is an entry (has an id, or is a grade/verdict band) outside condition trees and inputs. */
function entries(node: unknown, path: string, out: { path: string; entry: Record<string, unknown> }[]) {
  if (Array.isArray(node)) node.forEach((x, i) => entries(x, `${path}[${i}]`, out));
  else if (node && typeof node === "object") {
    const obj = node as Record<string, unknown>;
    if ("id" in obj || "grade" in obj || "verdict" in obj || path.endsWith("weakestLink")) out.push({ path, entry: obj });
    for (const [k, v] of Object.entries(obj)) {
      if (k === "when" || k === "input" || k === "figures") continue;
      entries(v, `${path}.${k}`, out);
    }
  }
}

describe("knowledge base", () => {
  it.each(FILES)("every entry of %s carries a source", (file) => {
    const json = read(file) as Record<string, unknown>;
    expect(typeof json.source, `${file} (root)`).toBe("string");
    const found: { path: string; entry: Record<string, unknown> }[] = [];
    entries(json, file, found);
    expect(found.length).toBeGreaterThan(5);
    const unsourced = found
      .filter((e) => typeof e.entry.source !== "string" || (e.entry.source as string).trim().length < 8)
      .map((e) => e.path);
    expect(unsourced).toEqual([]);
  });

  it("rejects an entry without a source at load", () => {
    const techniques = read("data/techniques.json") as { techniques: Record<string, unknown>[] };
    const broken = { ...techniques, techniques: techniques.techniques.map((t, i) => (i === 0 ? { ...t, source: "" } : t)) };
    expect(TechniquesFileSchema.safeParse(broken).success).toBe(false);
    const rules = read("data/rules.json") as { rules: Record<string, unknown>[] };
    const noSource = { ...rules, rules: rules.rules.map((r, i) => (i === 0 ? { ...r, source: undefined } : r)) };
    expect(RulesFileSchema.safeParse(noSource).success).toBe(false);
    expect(
      ReferenceCasesFileSchema.safeParse({
        version: "x",
        source: "somewhere real",
        cases: [{ id: "x", name: { zh: "x", en: "x" }, kind: "finetune", figures: {}, origin: "seed" }],
      }).success,
    ).toBe(false);
  });

  it("rejects a rule over an unknown fact or operator", () => {
    const rules = read("data/rules.json") as { rules: Record<string, unknown>[] };
    const badFact = { ...rules, rules: [{ ...rules.rules[0], when: { fact: "mood", operator: "equal", value: 1 } }] };
    const badOp = { ...rules, rules: [{ ...rules.rules[0], when: { fact: "stakes", operator: "resembles", value: 1 } }] };
    expect(RulesFileSchema.safeParse(badFact).success).toBe(false);
    expect(RulesFileSchema.safeParse(badOp).success).toBe(false);
  });

  it("catalogues every technique id of DESIGN.md with a tier, effort and at least one reason to choose it", () => {
    const ids = TECHNIQUES.map((t) => t.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "prompt_engineering",
        "few_shot",
        "chain_of_thought",
        "tree_of_thought",
        "rag",
        "text_to_sql",
        "agent",
        "sft",
        "lora",
        "qlora",
        "reward_model",
        "rlhf",
        "dpo",
        "traditional",
      ]),
    );
    for (const t of TECHNIQUES) expect(t.select.length, t.id).toBeGreaterThan(0);
    // Evaluation order is tier order, so a higher tier can build on what a lower one chose.
    const llmTiers = TECHNIQUES.filter((t) => t.kind === "llm").map((t) => t.tier);
    expect(llmTiers).toEqual([...llmTiers].sort());
  });

  it("weights the five dimensions and orders the verdict bands without gaps", () => {
    expect(RULES.dimensions.reduce((s, d) => s + d.weight, 0)).toBeCloseTo(1);
    const bands = [...RULES.verdicts].sort((a, b) => a.minScore - b.minScore);
    expect(bands[0].minScore).toBe(0);
    for (let i = 1; i < bands.length; i++) expect(bands[i].minScore).toBe(bands[i - 1].maxScore + 1);
    expect(bands[bands.length - 1].maxScore).toBe(100);
  });

  it("holds the seed's figures", () => {
    expect(referenceCase("seed-instructgpt-sft").figures.examples).toBe(13000);
    expect(referenceCase("seed-instructgpt-rm").figures.prompts).toBe(33000);
    expect(referenceCase("seed-alpaca").figures).toMatchObject({
      examples: 52000,
      gpus: 8,
      gpuType: "a100-80g",
      hours: 3,
      costUsdMax: 100,
      dataCostUsdMax: 500,
    });
    expect(referenceCase("lima-1k").figures.examples).toBe(1000);
    expect(referenceCase("seed-first-finetune-round").figures).toMatchObject({ people: 2, weeks: 3 });
    expect(referenceCase("seed-data-collection").figures).toMatchObject({ people: 3, weeks: 3 });
    expect(referenceCase("seed-model-sizes").figures.paramsB).toEqual([13, 33, 65]);
    expect(referenceCase("seed-art-studio").figures.payingUsers).toBe(1000);
  });

  it("holds the published cases of the calibration set, each with its own source", () => {
    const calibration = REFERENCE_CASES.filter((c) => c.origin === "calibration");
    expect(calibration.length).toBeGreaterThanOrEqual(70);
    for (const id of [
      "alpaca-7b-full-sft",
      "instructgpt-sft",
      "instructgpt-rm",
      "guanaco-65b-qlora",
      "lima-65b-sft",
      "opt13b-kv-cache-vllm",
    ]) {
      expect(
        calibration.some((c) => c.id === id),
        id,
      ).toBe(true);
    }
    expect(new Set(calibration.map((c) => c.source)).size).toBeGreaterThan(20);
  });
});

describe("templates", () => {
  it("offers the seed's scenarios, each valid in Chinese and in English", () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(8);
    const ids = TEMPLATES.map((t) => t.id).join(" ");
    for (const want of ["art-studio", "ticket", "order", "sql", "document", "finetune", "medical", "finance"]) expect(ids).toContain(want);
    expect(TemplatesFileSchema.safeParse(read("data/templates.json")).success).toBe(true);
    for (const t of TEMPLATES) {
      expect(t.input.zh.description).toMatch(/[\u4e00-\u9fff]/);
      expect(t.input.en.description).not.toMatch(/[\u4e00-\u9fff]/);
      expect(buildPlan(t.input.zh).locale).toBe("zh");
      expect(buildPlan(t.input.en).locale).toBe("en");
    }
  });

  it("gives the same verdict and techniques in both languages of a template (the verdict differs only where one market's own economics cap it)", () => {
    const economicCap = (p: ReturnType<typeof buildPlan>) =>
      p.feasibility.reasons.some((r) => r.kind === "gate" && r.ruleId.startsWith("plan."));
    for (const t of TEMPLATES) {
      const zh = buildPlan(t.input.zh);
      const en = buildPlan(t.input.en);
      // Wages, prices and GPUs differ by market (issue 10), so a plan can pay back in one currency and not the other;
      // then the capped side must say so. Otherwise the two languages must agree.
      if (!economicCap(zh) && !economicCap(en)) expect(zh.feasibility.verdict, t.id).toBe(en.feasibility.verdict);
      expect(
        zh.techniques.map((x) => x.id),
        t.id,
      ).toEqual(en.techniques.map((x) => x.id));
    }
  });
});
