import { describe, expect, it } from "vitest";
import { assess } from "~/domain/engine/assess";
import { REGULATIONS } from "~/domain/kb/regulations";
import { buildProfile } from "~/domain/profile/build-profile";
import { parseScenarioInput, type ScenarioInputRaw } from "~/domain/scenario";

function run(raw: ScenarioInputRaw) {
  const parsed = parseScenarioInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return assess(buildProfile(parsed.value));
}
const fired = (a: ReturnType<typeof run>) => (a.regulations ?? []).map((r) => r.id);

// One description per rule of data/regulations.json, written as a PM would, in the rule's market.
const CASES: [string, ScenarioInputRaw][] = [
  ["cn.ai_prescription", { description: "互联网医院让患者在线问诊，AI 根据问诊记录自动生成处方，医生审核后开出。" }],
  [
    "any.ai_prescription_unsigned",
    { description: "Patients describe their symptoms in our app and the AI issues prescriptions for antibiotics automatically." },
  ],
  [
    "any.patient_diagnosis_unsupervised",
    { description: "患者在 App 上描述症状，AI 直接给出诊断和用药剂量建议，全自动回复，不需要医生审核。" },
  ],
  ["cn.patient_diagnosis", { description: "患者在 App 上描述症状，AI 给出诊断建议，医生每周抽查。" }],
  [
    "us.patient_diagnosis",
    {
      description:
        "Patients in the United States describe symptoms in our app and get a diagnosis; a doctor spot-checks a sample each week.",
    },
  ],
  [
    "us.il.ai_therapy",
    { description: "An AI therapist for adults in Illinois: users chat with it about depression and it answers directly." },
  ],
  [
    "us.ca.companion_chatbot",
    { description: "A virtual girlfriend companion app for users in California that chats with them every evening." },
  ],
  [
    "eu.prohibited_practice",
    { description: "Analyse webcam video of employees in our German offices to detect their emotions and stress during meetings." },
  ],
  [
    "eu.high_risk",
    { description: "Screen and rank job applicants' CVs for our offices in France and Germany; recruiters see the shortlist." },
  ],
  [
    "eu.ai_disclosure",
    { description: "A chatbot on our website answers customers' questions about our products across the European Union." },
  ],
  [
    "us.credit_adverse_action",
    {
      description:
        "Help U.S. credit officers decide loan applications from the application form and credit data; officers review every decision.",
    },
  ],
  [
    "us.nyc.hiring_audit",
    { description: "Screen and rank job applicants' resumes for our New York City stores; recruiters review the shortlist." },
  ],
  ["cn.automated_decision", { description: "银行用大模型做贷款审批，全自动放款，无需人工。" }],
  ["cn.investment_advice", { description: "面向散户的炒股 App，AI 根据用户持仓给出荐股和买卖建议，合规人员抽查。" }],
  [
    "us.investment_advice",
    { description: "A U.S. app for retail investors that gives stock picks based on their portfolio; compliance staff spot-check." },
  ],
  [
    "us.legal_advice_public",
    { description: "A U.S. website chatbot that gives members of the public legal advice about their tenant rights." },
  ],
  [
    "us.hipaa_baa",
    {
      description: "A U.S. hospital summarises patients' medical records with the OpenAI API; doctors review every summary.",
      industry: "healthcare",
      deployment: "cloud_api",
    },
  ],
  ["cn.genai_public_service", { description: "面向个人用户的写作助手 App，月付 15 元，帮用户写小红书文案。" }],
  ["cn.minors", { description: "面向小学生的课后答疑 App，孩子拍照或打字提问，AI 讲解解题思路。" }],
];

describe("regulations as data", () => {
  it("has a case here for every rule of data/regulations.json", () => {
    expect(CASES.map(([id]) => id).sort()).toEqual(REGULATIONS.rules.map((r) => r.id).sort());
  });

  it.each(CASES)("%s fires from a description that names the use and the market", (id, raw) => {
    const a = run(raw);
    expect(fired(a)).toContain(id);
    const finding = a.regulations!.find((r) => r.id === id)!;
    const rule = REGULATIONS.rules.find((r) => r.id === id)!;
    expect(finding.source).toBe(rule.source);
    expect(finding.text.zh && finding.text.en && finding.requirement.zh && finding.requirement.en).toBeTruthy();
    // Every finding is also a risk to manage, with what the rule requires as its mitigation.
    expect(a.risks.find((r) => r.id === `regulation.${id}`)?.mitigation).toEqual(rule.requirement);
    // A rule that caps the verdict is a gate reason citing the rule.
    if (finding.capVerdict) {
      const reason = a.feasibility.reasons.find((r) => r.ruleId === `regulation.${id}`)!;
      expect(reason).toMatchObject({ kind: "gate", source: rule.source });
    }
  });

  it("makes no-go reachable from a description, the reason citing the rule", () => {
    const a = run({ description: "互联网医院让患者在线问诊，AI 根据问诊记录自动生成处方，医生审核后开出。" });
    expect(a.feasibility.verdict).toBe("no_go");
    expect(a.feasibility.grade).toBe("E");
    expect(a.feasibility.reasons[0].ruleId).toBe("regulation.cn.ai_prescription");
    expect(a.feasibility.reasons[0].text.zh).toMatch(/互联网诊疗监管细则/);
  });

  it("applies a market's rule only in that market; a prohibited practice with no market named is rethink", () => {
    const scoring =
      "Score our customers' social behaviour and online activity into a trustworthiness score and refuse service to low scorers.";
    const eu = run({ description: `${scoring} Our customers are in Germany.` });
    expect(eu.feasibility.verdict).toBe("no_go");
    const unknown = run({ description: scoring });
    expect(fired(unknown)).toContain("eu.prohibited_practice");
    expect(unknown.regulations!.find((r) => r.id === "eu.prohibited_practice")).toMatchObject({
      capVerdict: "rethink",
      marketUnknown: true,
    });
    expect(unknown.feasibility.verdict).not.toBe("go");
    // A Chinese description is read as the Chinese market unless it names another; a U.S. one is not under CN rules.
    const us = run({
      description:
        "Our U.S. telehealth app lets doctors approve AI-drafted prescriptions; the AI drafts prescriptions for the doctor, who signs each one.",
    });
    expect(fired(us)).not.toContain("cn.ai_prescription");
    expect(fired(us)).not.toContain("any.ai_prescription_unsigned");
  });

  it("lifts a licence gate when the description says the licence is held", () => {
    const base = "面向散户的炒股 App，AI 根据用户持仓给出荐股和买卖建议，合规人员抽查。";
    expect(fired(run({ description: base }))).toContain("cn.investment_advice");
    expect(fired(run({ description: `${base}我们是持牌证券投资咨询机构，已取得证监会投资咨询业务许可。` }))).not.toContain(
      "cn.investment_advice",
    );
  });

  it("a filing is an obligation to plan for, not a limit on the verdict", () => {
    const a = run({ description: "面向个人用户的写作助手 App，月付 15 元，帮用户写小红书文案。" });
    const filing = a.regulations!.find((r) => r.id === "cn.genai_public_service")!;
    expect(filing.capVerdict).toBeUndefined();
    expect(a.feasibility.reasons.some((r) => r.ruleId === "regulation.cn.genai_public_service")).toBe(false);
    expect(a.risks.some((r) => r.id === "regulation.cn.genai_public_service")).toBe(true);
  });
});
