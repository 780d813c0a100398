// Plans for the report tests and the PDF bench. They come from the real pipeline (buildPlan); while the rule
// engine and the estimators are still placeholders, the sections they leave empty are filled with a consistent
// synthetic set so that every chart and table is exercised. Sections the pipeline does fill are never replaced.
import { buildPlan } from "~/domain/plan";
import type { DecisionPlan } from "~/domain/plan-types";
import { parseScenarioInput, type ScenarioInputRaw } from "~/domain/scenario";

export const ART_STUDIO_ZH: ScenarioInputRaw = {
  title: "画室评语小工具",
  description:
    "画室老师使用 AI 给学生的画作撰写评语。全国有 1000 多位老师，每月付费几十元。我们有 5000 条老师写过的评语，希望保持画室自己的评语风格。",
  locale: "zh",
  market: "toC",
};

/** The review's internal dispatch assistant: seven facts to confirm, the longest brief of the review's journeys. */
export const DISPATCH_EN: ScenarioInputRaw = {
  title: "Carrier email drafts",
  description:
    "An internal assistant that drafts replies to carrier emails for our 30 dispatchers at a B2B logistics company. Each dispatcher handles about 30 emails a day; replies are sent only after a dispatcher reviews them.",
  locale: "en",
};

export const SUPPORT_EN: ScenarioInputRaw = {
  title: "Customer-service replies from order data",
  description:
    "Draft customer-service replies for an online shop: classify the ticket, look up the order in our database with text-to-SQL, and write a reply an agent approves. 200 agents, 40 tickets each per day.",
  locale: "en",
  market: "internal",
};

export function planFrom(raw: ScenarioInputRaw): DecisionPlan {
  const parsed = parseScenarioInput(raw);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join("; "));
  return withSyntheticSections(buildPlan(parsed.value));
}

type Loose = Record<string, unknown>;
const has = (v: unknown) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null);

export function withSyntheticSections(plan: DecisionPlan): DecisionPlan {
  const p = structuredClone(plan) as unknown as Loose & DecisionPlan;
  const cur = p.currency;
  const k = cur === "CNY" ? 7 : 1;
  if (!has(p.feasibility.dimensions)) {
    p.feasibility.dimensions = [
      { id: "value", score: 72, weight: 0.25, label: { zh: "业务价值", en: "Value" } },
      { id: "data_readiness", score: 55, weight: 0.2, label: { zh: "数据就绪度", en: "Data readiness" } },
      { id: "technical_fit", score: 80, weight: 0.25, label: { zh: "技术匹配度", en: "Technical fit" } },
      { id: "risk_compliance", score: 64, weight: 0.15, label: { zh: "风险与合规", en: "Risk and compliance" } },
      { id: "org_readiness", score: 48, weight: 0.15, label: { zh: "组织就绪度", en: "Organisational readiness" } },
    ];
  }
  if (!has(p.feasibility.reasons)) {
    p.feasibility.reasons = [
      {
        ruleId: "human_review_sampled",
        kind: "positive",
        weight: 12,
        dimension: "risk_compliance",
        source: "seed",
        text: { zh: "有人工抽检，错误可被及时发现。", en: "Sampled human review catches wrong answers early." },
      },
      {
        ruleId: "house_style",
        kind: "positive",
        weight: 9,
        dimension: "technical_fit",
        source: "seed",
        text: { zh: "需要保持固定的表达风格，适合微调。", en: "A house style to keep favours fine-tuning." },
      },
      {
        ruleId: "few_examples",
        kind: "negative",
        weight: -7,
        dimension: "data_readiness",
        source: "LIMA (arXiv:2305.11206)",
        text: { zh: "现有样本偏少。", en: "Few labelled examples on hand." },
      },
      {
        ruleId: "paying_users",
        kind: "positive",
        weight: 5,
        dimension: "value",
        source: "seed",
        text: { zh: "已有付费用户。", en: "Users already pay." },
      },
    ];
  }
  if (p.risks.length === 0) {
    p.risks = [
      {
        id: "hallucination",
        severity: "high",
        source: "rules",
        text: { zh: "模型可能编造事实。", en: "The model may invent facts." },
        mitigation: { zh: "人工审核后再发送；用检索提供依据。", en: "Review before sending; ground answers with retrieval." },
      },
      {
        id: "privacy",
        severity: "medium",
        source: "rules",
        text: { zh: "聊天记录中含有个人信息。", en: "Chat logs contain personal data." },
        mitigation: { zh: "训练前脱敏。", en: "Redact before training." },
      },
    ];
  }
  if (!has(p.team?.roles)) {
    const roles = [
      ["pm", "产品经理", "Product manager", 1],
      ["ops_curator", "运营/数据整理", "Operations / data curator", 3],
      ["ml_engineer", "算法工程师", "ML engineer", 2],
      ["backend_engineer", "后端工程师", "Backend engineer", 1],
    ] as const;
    p.team = {
      roles: roles.map(([role, zh, en, count]) => ({
        role,
        label: { zh, en },
        count,
        ftePerPhase: [],
        personWeeks: count * 6,
        monthlyRate: 6000 * k,
        labourCost: count * 6 * 1500 * k,
        runFte: 0.5,
        runMonthlyCost: 3000 * k,
      })),
      headcount: 7,
      averageFte: 4.2,
      personWeeks: 42,
      labourCost: 63000 * k,
      runMonthlyCost: 6000 * k,
      currency: cur,
    };
  }
  if (!has(p.timeline?.phases)) {
    const ph = [
      ["data_curation", "数据收集与整理", "Data collection and curation", 0, 3, false],
      ["first_finetune", "第一轮微调", "First fine-tune round", 3, 3, false],
      ["internal_trial", "内部试用与标注", "Internal trial with labelling", 6, 4, false],
      ["iteration", "SFT/奖励模型迭代", "SFT / reward-model iteration", 10, 6, false],
      ["production_feedback", "线上反馈收集", "Production feedback", 16, 8, true],
    ] as const;
    p.timeline = {
      phases: ph.map(([id, zh, en, startWeek, weeks, ongoing]) => ({
        id,
        nameKey: id,
        name: p.locale === "zh" ? zh : en,
        nameText: { zh, en },
        startWeek,
        weeks,
        dependsOn: [],
        roles: [],
        ongoing,
      })),
      totalWeeks: 24,
      launchWeek: 10,
      firstVersionWeek: 6,
    };
  }
  if (!p.feedback || !("mode" in p.feedback)) {
    p.feedback = {
      perMonth: 9000,
      reviewedPerMonth: 0,
      supervisedPairsPerMonth: 0,
      picksPerMonth: 2500,
      comparisonsPerMonth: 7500,
      explicitPerMonth: 1500,
      implicitPerMonth: 7500,
      mode: "implicit",
      review: { humanReview: "none", reviewShare: 0, editShare: 0, candidatesPerPick: 4, daysPerMonth: 30 },
      rewardModelTarget: 33000,
      preferencePairsOnHand: 0,
      monthsToRewardModelTarget: 4,
      inputs: {
        users: 1000,
        interactionsPerUserPerDay: 2,
        workingDaysPerMonth: 22,
        explicitRate: 0.07,
        implicitRate: 0.11,
        comparisonsPerImplicitEvent: 3,
      },
      formula: "users × interactions × days × rate",
    };
  }
  if (!has(p.cost)) {
    const cats = [
      ["labour", "人力", "Labour", 63000, 6000],
      ["compute", "算力", "Compute", 800, 0],
      ["annotation", "数据标注", "Annotation", 9000, 500],
      ["inference", "推理服务", "Inference", 0, 1200],
    ] as const;
    p.cost = {
      currency: cur,
      lines: [],
      byCategory: cats.map(([category, zh, en, oneOff, monthly]) => ({
        category,
        label: { zh, en },
        oneOff: oneOff * k,
        monthly: monthly * k,
      })),
      oneOffTotal: 72800 * k,
      monthlyTotal: 7700 * k,
      firstYearTotal: (72800 + 12 * 7700) * k,
    };
  }
  if (!has(p.finance?.months)) {
    const months = [];
    let cumulative = 0;
    for (let m = 1; m <= 36; m++) {
      const costs = (m <= 3 ? 24000 : 7700) * k;
      const revenue = m <= 3 ? 0 : Math.min(20000, 2500 * (m - 3)) * k;
      cumulative += revenue - costs;
      months.push({ month: m, revenue, savings: 0, costs, net: revenue - costs, cumulative, activeUnits: revenue / (40 * k) });
    }
    const be = months.find((m) => m.cumulative >= 0)?.month ?? null;
    p.finance = {
      currency: cur,
      model: "toC",
      revenueModel: "subscription",
      horizonMonths: 36,
      months,
      breakEvenMonth: be,
      costToBreakEven: be === null ? null : months.filter((m) => m.month <= be).reduce((a, m) => a + m.costs, 0),
      totalRevenue: months.reduce((a, m) => a + m.revenue, 0),
      totalSavings: 0,
      totalCost: months.reduce((a, m) => a + m.costs, 0),
      unitEconomics: { costPerActiveUserMonth: 4 * k, grossMargin: 0.8, ltv: 480 * k, cac: 60 * k, ltvToCac: 8, paybackMonths: 2.5 },
      roi: 1.4,
      npv: 210000 * k,
      discountRate: 0.1,
      launchMonth: 3,
      monthlyBenefitAtHorizon: 20000 * k,
      sensitivity: [
        {
          key: "finance.pricePerUserMonth",
          base: 30,
          low: 24,
          high: 36,
          npvLow: 120000 * k,
          npvHigh: 300000 * k,
          breakEvenLow: 14,
          breakEvenHigh: 9,
          effect: 180000 * k,
        },
        {
          key: "finance.conversionRate",
          base: 0.05,
          low: 0.04,
          high: 0.06,
          npvLow: 150000 * k,
          npvHigh: 270000 * k,
          breakEvenLow: 13,
          breakEvenHigh: 10,
          effect: 120000 * k,
        },
        {
          key: "team.monthlyRate",
          base: 6000,
          low: 4800,
          high: 7200,
          npvLow: 240000 * k,
          npvHigh: 180000 * k,
          breakEvenLow: 10,
          breakEvenHigh: 12,
          effect: 60000 * k,
        },
      ],
      ranges: {
        breakEvenMonth: { p10: be === null ? null : be - 2, p50: be, p90: be === null ? null : be + 5 },
        breakEvenProbability: 0.82,
        npv: { p10: 90000 * k, p50: 200000 * k, p90: 330000 * k },
        roi: { p10: 0.5, p50: 1.3, p90: 2.2 },
        cumulative: months.map((m) => ({
          month: m.month,
          p10: m.cumulative - 1500 * m.month * k,
          p50: m.cumulative,
          p90: m.cumulative + 1200 * m.month * k,
        })),
      },
      monteCarlo: { seed: 42, runs: 1000, distribution: "triangular" },
      exchangeRateCnyPerUsd: 7.1,
    };
  }
  if (p.assumptions.length === 0) {
    p.assumptions = [
      {
        key: "data.sftExamples",
        value: 13000,
        unit: "examples",
        unitKind: "count",
        source: "kb",
        citation: "Ouyang et al. 2022, InstructGPT, arXiv:2203.02155",
        group: "data",
      },
      {
        key: "finance.pricePerUserMonth",
        value: 30,
        unit: cur,
        unitKind: "money",
        source: "user",
        group: "finance",
        range: { low: 20, mode: 30, high: 40 },
      },
      {
        key: "compute.gpuHourUsd",
        value: 1.8,
        unit: "USD/h",
        unitKind: "money_usd",
        source: "kb",
        citation: "Lambda Labs price page, 2026-10",
        group: "compute",
      },
      { key: "finance.discountRate", value: 0.1, unitKind: "fraction", source: "default", group: "finance" },
    ];
  }
  return p as DecisionPlan;
}
