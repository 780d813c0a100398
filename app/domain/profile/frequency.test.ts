import { describe, expect, it } from "vitest";
import { buildProfile } from "~/domain/profile/build-profile";
import { findUsageFrequency, WORKING_DAYS_PER_MONTH, WORKING_DAYS_PER_WEEK } from "~/domain/profile/frequency";
import { parseScenarioInput, type ScenarioInputRaw } from "~/domain/scenario";

function profileOf(raw: ScenarioInputRaw) {
  const parsed = parseScenarioInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return buildProfile(parsed.value);
}

describe("usage frequency as people say it", () => {
  it.each([
    ["全公司 3000 名员工，每人每周问一两次。", 1.5 / WORKING_DAYS_PER_WEEK],
    ["员工每周用两三次。", 2.5 / WORKING_DAYS_PER_WEEK],
    ["人均每天 3 次。", 3],
    ["每位老师每月用几次", 3 / WORKING_DAYS_PER_MONTH],
    ["3,000 employees, each asking once or twice a week.", 1.5 / WORKING_DAYS_PER_WEEK],
    ["Staff use it a few times a week.", 3 / WORKING_DAYS_PER_WEEK],
    ["Each analyst runs it once a day.", 1],
    ["Reps open it 2-4 times per day.", 3],
    ["Managers check it twice a month.", 2 / WORKING_DAYS_PER_MONTH],
  ])("reads %s", (text, perDay) => {
    expect(findUsageFrequency(text)?.perDay).toBeCloseTo(perDay, 6);
  });

  it("does not read a whole desk's daily volume as one person's habit", () => {
    expect(findUsageFrequency("客服每天约 8000 次咨询，40 名客服。")).toBeUndefined();
    expect(findUsageFrequency("The API is called 5000 times a day.")).toBeUndefined();
  });

  it("skips a volume to find the habit said after it", () => {
    expect(findUsageFrequency("客服每天约 8000 次咨询；每位客服每天用 20 次助手。")?.perDay).toBe(20);
  });

  it("does not read a team's routine as a use of the tool", () => {
    expect(findUsageFrequency("运营团队每周两次复盘会。")).toBeUndefined();
  });

  it("becomes interactionsPerUserPerDay with the words as evidence, per working day", () => {
    const p = profileOf({ description: "员工就报销、请假提问，系统检索制度文档回答。全公司 3000 名员工，每人每周问一两次。" });
    expect(p.interactionsPerUserPerDay.source).toBe("heuristic");
    expect(p.interactionsPerUserPerDay.value).toBeCloseTo(0.3, 2);
    expect(p.interactionsPerUserPerDay.evidence?.[0]).toContain("每周问一两次");
  });

  it("lets the user's figure win over the words", () => {
    const p = profileOf({ description: "Employees ask once or twice a week.", usage: { interactionsPerUserPerDay: 4 } });
    expect(p.interactionsPerUserPerDay).toMatchObject({ value: 4, source: "user" });
  });
});

describe("feedback read from an accept/edit step (the seed's Midjourney pick counts as feedback)", () => {
  it.each([
    "再由大模型生成回复草稿，客服确认后发送。",
    "AI 生成评语，老师修改后发给家长。",
    "给销售生成回复建议，销售选择或修改后发送。",
    "the LLM drafts the reply, and the agent confirms before sending.",
    "the agent confirms/edits before sending.",
    "The agent confirms and sends it.",
    "Reviewers accept or edit each draft.",
  ])("reads %s as implicit feedback", (description) => {
    expect(profileOf({ description }).feedbackMode.value).toBe("implicit");
  });

  it("keeps a description with no accept/edit step at none", () => {
    expect(profileOf({ description: "员工就公司制度提问，系统给出带出处的回答，HR 每周抽查。" }).feedbackMode.value).toBe("none");
  });
});

describe("medical records: a knowledge source when read, not when written", () => {
  it.each([
    "医生确认修改后写入病历系统。",
    "把问诊对话整理成结构化病历草稿，医生确认后归档。",
    "根据问诊录音自动生成病历。",
    "The doctor approves the note before it is written into the patient records.",
  ])("does not read %s as private documents", (description) => {
    expect(profileOf({ description }).knowledge.value).not.toContain("private_documents");
  });

  it.each(["医生回答问题前要查阅患者的历史病历。", "Answer doctors' questions from the patient's past records."])(
    "still reads %s as private documents",
    (description) => {
      expect(profileOf({ description }).knowledge.value).toContain("private_documents");
    },
  );

  it("still flags medical records as personal data either way", () => {
    expect(profileOf({ description: "医生确认修改后写入病历系统。" }).personalData.value).toBe(true);
  });
});
