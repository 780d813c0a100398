import { describe, expect, it } from "vitest";
import { assess } from "~/domain/engine/assess";
import { VERDICTS, type Verdict } from "~/domain/engine/types";
import { RULES } from "~/domain/kb/rules";
import { TECHNIQUES } from "~/domain/kb/techniques";
import { buildProfile } from "~/domain/profile/build-profile";
import { parseScenarioInput, type ScenarioInputRaw } from "~/domain/scenario";

const base: ScenarioInputRaw = {
  description: "An assistant for our team.",
  industry: "other",
  market: "internal",
  tasks: ["generation"],
  knowledge: ["general"],
  stakes: "medium",
  humanReview: "sampled",
  deployment: "cloud_api",
  usage: { users: 100, interactionsPerUserPerDay: 5 },
};

function run(over: Partial<ScenarioInputRaw> = {}) {
  const parsed = parseScenarioInput({ ...base, ...over });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return assess(buildProfile(parsed.value));
}
const worseOrEqual = (v: Verdict, bound: Verdict) => VERDICTS.indexOf(v) >= VERDICTS.indexOf(bound);
const ids = (a: ReturnType<typeof run>) => a.techniques.map((t) => t.id);

describe("gates", () => {
  it("critical stakes with no human review is neither go nor pilot", () => {
    const a = run({ stakes: "critical", humanReview: "none", tasks: ["summarization"], knowledge: ["general"] });
    expect(worseOrEqual(a.feasibility.verdict, "rethink")).toBe(true);
    expect(a.feasibility.reasons[0]).toMatchObject({ kind: "gate" });
    expect(a.feasibility.reasons.map((r) => r.ruleId)).toContain("gate.critical_no_review");
  });

  it("replacing a system of record with no human in the loop is rethink at best", () => {
    const a = run({ replacesSystemOfRecord: true, humanReview: "none", stakes: "low", tasks: ["extraction"] });
    expect(worseOrEqual(a.feasibility.verdict, "rethink")).toBe(true);
  });

  it("replacing a system of record even with review is pilot at best", () => {
    const a = run({ replacesSystemOfRecord: true, humanReview: "always", stakes: "low", tasks: ["extraction"] });
    expect(worseOrEqual(a.feasibility.verdict, "pilot")).toBe(true);
  });

  it("caps the score with the verdict so the grade never reads better than the verdict", () => {
    const a = run({ stakes: "critical", humanReview: "none", tasks: ["summarization"] });
    const band = RULES.verdicts.find((v) => v.verdict === a.feasibility.verdict)!;
    expect(a.feasibility.score).toBeLessThanOrEqual(band.maxScore);
    expect(a.feasibility.scoreBeforeGates).toBeGreaterThanOrEqual(a.feasibility.score);
  });
});

describe("feasibility", () => {
  it("scores five weighted dimensions and an overall 0–100 with a matching grade", () => {
    const f = run().feasibility;
    expect(f.dimensions.map((d) => d.id)).toEqual(["value", "data_readiness", "technical_fit", "risk_compliance", "org_readiness"]);
    for (const d of f.dimensions) {
      expect(d.score).toBeGreaterThanOrEqual(0);
      expect(d.score).toBeLessThanOrEqual(100);
      expect(d.label.zh && d.label.en).toBeTruthy();
    }
    const band = [...RULES.grades].sort((a, b) => b.minScore - a.minScore).find((g) => f.score >= g.minScore)!;
    expect(f.grade).toBe(band.grade);
  });

  it("sorts reasons: gates first, then by the size of their weight", () => {
    const f = run({ stakes: "high", humanReview: "none", industry: "finance", tasks: ["agent_workflow"], market: "toC" }).feasibility;
    const firstNonGate = f.reasons.findIndex((r) => r.kind !== "gate");
    expect(firstNonGate).toBeGreaterThan(0);
    expect(f.reasons.slice(firstNonGate).every((r) => r.kind !== "gate")).toBe(true);
    const weights = f.reasons.slice(firstNonGate).map((r) => Math.abs(r.weight));
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    for (const r of f.reasons) expect(r.text.zh && r.text.en && r.source).toBeTruthy();
  });

  it("traces every score rule, gate, technique selector and risk rule, fired or not", () => {
    const f = run().feasibility;
    const traced = new Set(f.trace.map((t) => t.ruleId));
    for (const r of RULES.rules) expect(traced.has(r.id), r.id).toBe(true);
    for (const r of RULES.risks) expect(traced.has(`risk.${r.id}`), r.id).toBe(true);
    for (const t of TECHNIQUES) for (const s of t.select) expect(traced.has(`technique.${t.id}.${s.id}`)).toBe(true);
    expect(traced.has("gate.weakest_dimension")).toBe(true);
    expect(f.trace.some((t) => !t.fired)).toBe(true);
    const fired = f.trace.filter((t) => t.fired && t.conditions.length > 0);
    for (const t of fired)
      expect(
        t.conditions.some((c) => c.pass),
        t.ruleId,
      ).toBe(true);
  });
});

describe("technique mapping", () => {
  it("stays at tier 1 when nothing asks for more", () => {
    const a = run();
    expect(a.primaryTier).toBe(1);
    expect(ids(a)).toContain("prompt_engineering");
    expect(a.techniques.every((t) => t.tier === 1)).toBe(true);
  });

  it.each([
    [{ knowledge: ["private_documents"] }, "rag", 2],
    [{ knowledge: ["structured_data"] }, "text_to_sql", 2],
    [{ tasks: ["text_to_sql"] }, "text_to_sql", 2],
    [{ tasks: ["agent_workflow", "code"] }, "tree_of_thought", 2],
    [{ tasks: ["agent_workflow"] }, "agent", 2],
    [{ description: "Answers must cite the statutes and case law they rely on." }, "rag", 2],
    [{ description: "Customers ask where is my order; the assistant looks up the customer's order status." }, "tool_calls", 2],
    [{ knowledge: ["vertical_expertise"], tasks: ["qa"] }, "rag", 2],
  ] as [Partial<ScenarioInputRaw>, string, number][])("escalates for a stated reason: %o → %s", (over, technique, tier) => {
    const a = run(over);
    expect(ids(a)).toContain(technique);
    expect(a.primaryTier).toBe(tier);
    const t = a.techniques.find((x) => x.id === technique)!;
    expect(t.gate).toBeUndefined();
    expect(t.triggeredBy.length).toBeGreaterThan(0);
    expect(t.sources.length).toBeGreaterThan(0);
  });

  it("looks up one customer's records with a tool call, and keeps text-to-SQL for analytics", () => {
    const lookup = run({
      description: "Customers ask where is my order; we look up the customer's order status with SQL in the order database.",
    });
    expect(ids(lookup)).toContain("tool_calls");
    expect(ids(lookup)).not.toContain("text_to_sql");
    const both = run({
      knowledge: ["structured_data"],
      description: "Agents look up the customer's orders and managers ask for sales by region and trends.",
    });
    expect(ids(both)).toEqual(expect.arrayContaining(["tool_calls", "text_to_sql"]));
  });

  it("reads on-premises as self-hosting an open model, not as fine-tuning", () => {
    const a = run({ deployment: "on_prem" });
    expect(ids(a)).not.toContain("sft");
    expect(ids(a)).not.toContain("qlora");
    expect(a.primaryTier).toBe(1);
  });

  it("sends vertical facts to retrieval and does not fine-tune with no examples", () => {
    const a = run({ knowledge: ["vertical_expertise"], tasks: ["qa"] });
    expect(ids(a)).toContain("rag");
    expect(ids(a)).not.toContain("sft");
  });

  it("lists fine-tuning with its gate, without raising the tier, when examples exist but no eval has shown the gap", () => {
    const a = run({ knowledge: ["vertical_expertise"], tasks: ["qa"], data: { labeledExamples: 5000 } });
    const sft = a.techniques.find((t) => t.id === "sft")!;
    expect(sft.gate).toBeTruthy();
    expect(sft.gateText?.zh && sft.gateText.en).toBeTruthy();
    expect(sft.gate).toBe(sft.gateText!.en);
    // LoRA follows SFT, so it waits on the same gate.
    expect(a.techniques.find((t) => t.id === "lora")!.gate).toBe(sft.gate);
    expect(a.primaryTier).toBe(2);
  });

  it("commits to fine-tuning with evidence: a volume where a small model pays, or a lower tier that missed the bar", () => {
    const volume = run({
      tasks: ["classification"],
      data: { labeledExamples: 200_000 },
      usage: { users: 500, interactionsPerUserPerDay: 100 },
    });
    expect(volume.techniques.find((t) => t.id === "sft")?.gate).toBeUndefined();
    expect(volume.primaryTier).toBe(3);
    const failed = run({
      description: "Few-shot prompting with GPT-4o fell short of our format on the eval set.",
      data: { labeledExamples: 3000 },
    });
    expect(failed.techniques.find((t) => t.id === "sft")?.gate).toBeUndefined();
    expect(failed.primaryTier).toBe(3);
  });

  it("fine-tunes with LoRA in the cloud and QLoRA on premises, never both", () => {
    const cloud = ids(run({ knowledge: ["vertical_expertise"], data: { labeledExamples: 5000 } }));
    expect(cloud).toContain("lora");
    expect(cloud).not.toContain("qlora");
    const onPrem = ids(run({ knowledge: ["vertical_expertise"], data: { labeledExamples: 5000 }, deployment: "on_prem" }));
    expect(onPrem).toContain("qlora");
    expect(onPrem).not.toContain("lora");
  });

  it("uses preference methods only when people choose between candidates or pairs exist; an edited draft is not a preference", () => {
    const vertical = { knowledge: ["vertical_expertise"], data: { labeledExamples: 5000 } } as Partial<ScenarioInputRaw>;
    expect(ids(run({ description: "Users pick one of four drafts." }))).not.toContain("dpo");
    expect(ids(run({ ...vertical, description: "Users edit each draft before sending it." }))).not.toContain("dpo");
    const picks = run({ ...vertical, description: "Users pick one of four drafts." });
    expect(picks.techniques.find((t) => t.id === "dpo")?.gate).toBeTruthy();
    const rlhf = run({
      tasks: ["classification"],
      data: { labeledExamples: 200_000, preferencePairs: 40_000 },
      usage: { users: 500, interactionsPerUserPerDay: 100 },
    });
    expect(ids(rlhf)).toEqual(expect.arrayContaining(["reward_model", "rlhf"]));
    expect(rlhf.techniques.find((t) => t.id === "reward_model")?.gate).toBeUndefined();
    expect(ids(rlhf)).not.toContain("dpo");
  });

  it("recognises pretraining from scratch, flags the evidence against it and never commits to it", () => {
    const a = run({ description: "We want to pretrain our own foundation model from scratch on our filings." });
    const t = a.techniques.find((x) => x.id === "pretrain_from_scratch")!;
    expect(t.gate).toBeTruthy();
    expect(t.whyText.en).toMatch(/BloombergGPT/);
    expect(a.primaryTier).toBe(1);
  });

  it("puts traditional software beside the LLM as kind traditional, tier 1, without raising the primary tier", () => {
    const a = run({ tasks: ["classification"], data: { labeledExamples: 5000 } });
    const t = a.techniques.find((x) => x.id === "traditional")!;
    expect(t).toMatchObject({ kind: "traditional", tier: 1 });
    expect(a.primaryTier).toBe(1);
  });

  it("writes why in the profile's language", () => {
    const zh = run({ locale: "zh", knowledge: ["private_documents"] });
    const en = run({ locale: "en", knowledge: ["private_documents"] });
    const ragZh = zh.techniques.find((t) => t.id === "rag")!;
    const ragEn = en.techniques.find((t) => t.id === "rag")!;
    expect(ragZh.why).toBe(ragZh.whyText.zh);
    expect(ragZh.why).toMatch(/[\u4e00-\u9fff]/);
    expect(ragEn.why).toBe(ragEn.whyText.en);
    expect(ragEn.why).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("risks", () => {
  it("lists risks with mitigations in both languages, most severe first", () => {
    const a = run({ knowledge: ["structured_data"], tasks: ["agent_workflow"], stakes: "high", humanReview: "always" });
    const rank = { high: 0, medium: 1, low: 2 };
    expect(a.risks.map((r) => rank[r.severity])).toEqual([...a.risks.map((r) => rank[r.severity])].sort());
    expect(a.risks.map((r) => r.id)).toEqual(expect.arrayContaining(["wrong_answers", "wrong_sql", "agent_actions", "high_stakes_errors"]));
    for (const r of a.risks) expect(r.text.zh && r.text.en && r.mitigation.zh && r.mitigation.en && r.source).toBeTruthy();
  });
});

describe("weakest link", () => {
  it("caps the verdict at pilot and names the weak dimension when one falls below the line", () => {
    // Fine-tuning committed (prompting fell short) with no examples on hand yet leaves data readiness far behind.
    const a = run({
      description: "Prompting fell short of our format; we will label examples.",
      stakes: "low",
      humanReview: "always",
      tasks: ["summarization"],
    });
    const weak = a.feasibility.dimensions.filter((d) => d.score < RULES.weakestLink.below);
    expect(weak.map((d) => d.id)).toContain("data_readiness");
    const reason = a.feasibility.reasons.find((r) => r.ruleId === "gate.weakest_dimension")!;
    expect(reason.text.en).toContain("Data readiness");
    expect(reason.text.zh).toContain("数据就绪");
    expect(worseOrEqual(a.feasibility.verdict, "pilot")).toBe(true);
  });
});

describe("assumptions behind reasons", () => {
  it("names the default facts a fired rule relied on, and flags unstated stakes or review as a risk", () => {
    const parsed = parseScenarioInput({ description: "Summarise meeting notes." });
    if (!parsed.ok) throw new Error("bad input");
    const a = assess(buildProfile(parsed.value));
    const sampled = a.feasibility.reasons.find((r) => r.ruleId === "risk.review_sampled")!;
    expect(sampled.assumed).toEqual(["humanReview"]);
    expect(a.risks.map((r) => r.id)).toContain("unconfirmed_assumptions");
    const stated = run({ humanReview: "sampled" });
    expect(stated.feasibility.reasons.find((r) => r.ruleId === "risk.review_sampled")!.assumed).toBeUndefined();
    expect(stated.risks.map((r) => r.id)).not.toContain("unconfirmed_assumptions");
  });
});
