import { describe, expect, it } from "vitest";
import { parseLlmProposal, plainText, PROPOSAL_LIMITS } from "~/domain/llm/proposal";

describe("parseLlmProposal", () => {
  it("keeps valid facts, normalises lists like ScenarioInput does and skips nulls", () => {
    const r = parseLlmProposal({
      facts: {
        stakes: { value: "high", quotes: ["诊断建议"] },
        tasks: { value: ["qa", "classification", "qa"], quotes: ["回答患者问题"] },
        labeledExamples: { value: 1200, quotes: ["1200 条标注"] },
        industry: null,
      },
      risks: ["误诊"],
      narrative: ["第一段。"],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.proposal.facts.stakes).toEqual({ value: "high", quotes: ["诊断建议"] });
    expect(r.proposal.facts.tasks?.value).toEqual(["classification", "qa"]);
    expect(r.proposal.facts.industry).toBeUndefined();
    expect(r.proposal.rejected).toEqual([]);
  });

  it("rejects a fact that fails its ScenarioInput field schema, alone", () => {
    const r = parseLlmProposal({
      facts: {
        stakes: { value: "extreme", quotes: ["x"] },
        labeledExamples: { value: -5, quotes: ["x"] },
        users: { value: 2.5, quotes: ["x"] },
        deployment: { value: "on_prem", quotes: ["本地部署"] },
      },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.proposal.facts)).toEqual(["deployment"]);
    expect(r.proposal.rejected?.map((x) => x.key).sort()).toEqual(["labeledExamples", "stakes", "users"]);
    expect(r.proposal.rejected?.find((x) => x.key === "labeledExamples")?.reason).toMatch(/negative/);
  });

  it("ignores keys that would set a grade, a score or a verdict", () => {
    const r = parseLlmProposal({
      grade: "A",
      feasibility: { score: 100, grade: "A", verdict: "go" },
      facts: { grade: { value: "A", quotes: ["grade A"] }, score: { value: 100, quotes: [] } },
      narrative: [],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.proposal).not.toHaveProperty("grade");
    expect(r.proposal).not.toHaveProperty("feasibility");
    expect(r.proposal.facts).toEqual({});
    expect(r.proposal.rejected?.map((x) => x.key)).toEqual(["grade", "score"]);
  });

  it("fails when the envelope is wrong", () => {
    expect(parseLlmProposal("hello").ok).toBe(false);
    expect(parseLlmProposal({ facts: "stakes high" }).ok).toBe(false);
    expect(parseLlmProposal({ risks: [] }).ok).toBe(false);
    expect(parseLlmProposal([]).ok).toBe(false);
  });

  it("bounds risks and narrative and accepts risks written as {text}", () => {
    const many = Array.from({ length: 20 }, (_, i) => `risk ${i}`);
    const r = parseLlmProposal({
      facts: {},
      risks: [{ text: "a", severity: "high" }, ...many, 42, ""],
      narrative: ["x".repeat(5000), "ok"],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.proposal.risks[0]).toBe("a");
    expect(r.proposal.risks).toHaveLength(PROPOSAL_LIMITS.risksMax);
    expect(r.proposal.narrative).toEqual(["ok"]);
  });

  it("keeps AI text plain: no HTML, no link or image targets", () => {
    expect(plainText("See <script>x()</script>[the docs](http://evil.example) ![](http://evil.example/t.png) now")).toBe(
      "See x()the docs now",
    );
    const r = parseLlmProposal({ facts: {}, narrative: ["<b>Bold</b> claim", "<img src=x>"] });
    expect(r.ok && r.proposal.narrative).toEqual(["Bold claim"]);
  });
});
