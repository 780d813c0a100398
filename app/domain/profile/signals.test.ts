import { describe, expect, it } from "vitest";
import { SIGNALS } from "~/domain/kb/signals";
import { buildProfile } from "~/domain/profile/build-profile";
import { parseScenarioInput, type ScenarioInputRaw } from "~/domain/scenario";

function profileOf(raw: ScenarioInputRaw | string) {
  const parsed = parseScenarioInput(typeof raw === "string" ? { description: raw } : raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return buildProfile(parsed.value);
}

describe("stakes from who is affected and what the output commits the company to (zh and en)", () => {
  it.each([
    ["A chatbot on our airline website answers passengers about fares, refunds and bereavement discounts.", "binding_commitments", "high"],
    ["面向小学生的课后答疑 App，孩子拍照提问。", "minors", "high"],
    ["A companion chat for teenagers who feel lonely or think about suicide.", "mental_health_crisis", "critical"],
    ["面向中学生的心理陪伴聊天机器人，孩子情绪低落时可以随时倾诉。", "mental_health_crisis", "critical"],
    ["患者在 App 上咨询用药问题。", "patients", "high"],
    ["A website chatbot that answers tenants' legal questions about eviction.", "legal_advice", "high"],
    ["面向散户的 App 给出荐股和买卖建议。", "financial_advice", "high"],
    ["A chatbot for homeowners on fixing electrical faults with live wires.", "physical_safety", "high"],
    ["为独居老人提供的语音陪伴和用药提醒 App。", "elderly", "high"],
  ])("%s → %s, stakes at least %s", (text, driver, level) => {
    const p = profileOf(text);
    expect(p.stakeDrivers?.value).toContain(driver);
    expect(["high", "critical"].indexOf(p.stakes.value)).toBeGreaterThanOrEqual(["high", "critical"].indexOf(level));
    expect(p.stakes.source).toBe("heuristic");
    expect(p.stakes.evidence?.length).toBeGreaterThan(0);
  });

  it("reads prices and refunds as commitments only when they reach the public", () => {
    expect(
      profileOf("Our analysts summarise competitors' prices and refund policies for the pricing team.").stakeDrivers?.value,
    ).not.toContain("binding_commitments");
    expect(profileOf("Our website chatbot tells customers our prices and refund policy.").stakeDrivers?.value).toContain(
      "binding_commitments",
    );
  });

  it("makes unreviewed public-facing output at least high, and reads 'no staff will monitor it' as no review", () => {
    const p = profileOf("A chatbot on our website answers customers' questions about opening hours. No staff will monitor it.");
    expect(p.publicFacing?.value).toBe(true);
    expect(p.unmonitored?.value).toBe(true);
    expect(p.humanReview).toMatchObject({ value: "none", source: "heuristic" });
    expect(p.stakes.value).toBe("high");
    // The same bot with every answer reviewed stays at the wording's stakes.
    expect(
      profileOf("Our website drafts answers to customers' questions about opening hours; an agent reviews every reply before it is sent.")
        .stakes.value,
    ).not.toBe("high");
  });

  it("raises stated stakes to the floor the stated facts set, never lowers them, and keeps the stated value in the note", () => {
    const p = profileOf({ description: "面向小学生的课后答疑 App，孩子拍照提问。", stakes: "medium" });
    expect(p.stakes).toMatchObject({
      value: "high",
      source: "heuristic",
      note: "stakes_stated_floor",
      noteParams: { stated: "medium", driver: "minors", level: "high" },
    });
    expect(p.stakeDrivers?.value).toContain("minors");
    expect(profileOf({ description: "面向小学生的课后答疑 App，孩子拍照提问。", stakes: "critical" }).stakes).toEqual({
      value: "critical",
      source: "user",
    });
    // A consumer's own drafts are not the company speaking to the public: no floor from "public, unreviewed".
    expect(
      profileOf({
        description: "A writing assistant app for individuals.",
        market: "toC",
        tasks: ["generation"],
        humanReview: "none",
        stakes: "low",
      }).stakes,
    ).toEqual({ value: "low", source: "user" });
  });

  it("recognises stated safeguards, and a negated one is not a safeguard", () => {
    expect(
      profileOf(
        "Refunds are executed only after a human approves each refund; a button to talk to a human is always shown; actions are capped at $50.",
      ).safeguards?.value,
    ).toEqual(["approval_before_write", "human_handoff", "reversible_actions"].sort());
    expect(profileOf("退款前需客服审批后才执行，随时可以一键转人工，单笔上限 200 元。").safeguards?.value).toEqual(
      ["approval_before_write", "human_handoff", "reversible_actions"].sort(),
    );
    expect(profileOf("There is no human hand-off.").safeguards?.value ?? []).not.toContain("human_handoff");
  });

  it("reads the ladder's flags in both languages", () => {
    expect(profileOf("答案必须依据法规条文并注明出处。").groundedAnswers?.value).toBe(true);
    expect(profileOf("Answers must cite the statutes and case law they rely on.").groundedAnswers?.value).toBe(true);
    expect(profileOf("客户问订单到哪了，系统查询物流状态。").recordLookup?.value).toBe(true);
    expect(profileOf("Users pick one of four drafts.").preferenceSignal?.value).toBe(true);
    expect(profileOf("Users edit each draft before sending.").preferenceSignal?.value).toBe(false);
    expect(profileOf("我们计划标注 2000 条样本。").collectionPlanned?.value).toBe(true);
    expect(profileOf("试过提示词和检索，效果达不到业务标准。").lowerTierFailed?.value).toBe(true);
    expect(profileOf("We want to pretrain our own foundation model from scratch.").pretraining?.value).toBe(true);
    expect(profileOf("自研基座大模型，从零训练。").pretraining?.value).toBe(true);
  });

  it("assumes the Chinese market for a Chinese description and names no market for an English one that names none", () => {
    expect(profileOf("电商客服回复助手。").jurisdictions).toMatchObject({ value: ["CN"], source: "default" });
    expect(profileOf("A support reply assistant.").jurisdictions).toMatchObject({ value: [], source: "default" });
    expect(profileOf("A support reply assistant for our stores in Germany and California.").jurisdictions?.value).toEqual([
      "EU",
      "US",
      "US-CA",
    ]);
  });

  it("every stake driver and safeguard of data/signals.json is read from some words in each language", () => {
    for (const entry of [...SIGNALS.stakeDrivers, ...SIGNALS.safeguards]) {
      expect(entry.zh.length, entry.id).toBeGreaterThan(0);
      expect(entry.en.length, entry.id).toBeGreaterThan(0);
    }
  });
});
