// Every fixed string of the report views (PDF, Markdown, chart specs), in both languages.
import type { Locale } from "~/domain/scenario";
import type { LocalizedText } from "~/domain/text";

export type { LocalizedText };

export function tr(text: LocalizedText | undefined | null, locale: Locale, fallback = ""): string {
  if (!text) return fallback;
  return text[locale] || text.en || text.zh || fallback;
}

export const VERDICT_TEXT: Record<string, LocalizedText> = {
  go: { zh: "推进", en: "Go" },
  pilot: { zh: "先试点", en: "Pilot first" },
  rethink: { zh: "需重新思考", en: "Rethink" },
  no_go: { zh: "不建议推进", en: "No-go" },
};

export const TIER_TEXT: Record<number, LocalizedText> = {
  1: { zh: "第一阶：提示工程", en: "Tier 1: prompting" },
  2: { zh: "第二阶：检索、工具与智能体", en: "Tier 2: retrieval, tools and agents" },
  3: { zh: "第三阶：微调与反馈闭环", en: "Tier 3: fine-tuning and feedback loops" },
};

export const DIMENSION_TEXT: Record<string, LocalizedText> = {
  value: { zh: "业务价值", en: "Value" },
  data_readiness: { zh: "数据就绪度", en: "Data readiness" },
  technical_fit: { zh: "技术匹配度", en: "Technical fit" },
  risk_compliance: { zh: "风险与合规", en: "Risk and compliance" },
  org_readiness: { zh: "组织就绪度", en: "Organisational readiness" },
};

export const COST_CATEGORY_TEXT: Record<string, LocalizedText> = {
  labour: { zh: "人力", en: "Labour" },
  compute: { zh: "算力", en: "Compute" },
  annotation: { zh: "数据标注", en: "Annotation" },
  inference: { zh: "推理服务", en: "Inference" },
  other: { zh: "其他", en: "Other" },
};

export const CHART_TEXT = {
  radarTitle: { zh: "各维度得分", en: "Dimension scores" },
  radarDataset: { zh: "得分（0–100）", en: "Score (0–100)" },
  ganttTitle: { zh: "项目周期（甘特图）", en: "Timeline (Gantt)" },
  ganttAxis: { zh: "周", en: "Weeks" },
  ganttDataset: { zh: "阶段", en: "Phase" },
  ganttOngoing: { zh: "持续进行", en: "Ongoing" },
  costTitle: { zh: "成本构成", en: "Cost breakdown" },
  costOneOff: { zh: "一次性投入（建设期）", en: "One-off (build)" },
  costRunning: { zh: "运行成本（上线后 12 个月）", en: "Running (12 months after launch)" },
  cashTitle: { zh: "累计现金流与盈亏平衡", en: "Cumulative cash flow and break-even" },
  cashAxisX: { zh: "月份", en: "Month" },
  cashCumulative: { zh: "累计现金流", en: "Cumulative cash flow" },
  cashP10: { zh: "P10（悲观）", en: "P10 (pessimistic)" },
  cashP90: { zh: "P90（乐观）", en: "P90 (optimistic)" },
  cashBreakEven: { zh: "盈亏平衡点", en: "Break-even" },
  cashZero: { zh: "零线", en: "Zero" },
  tornadoTitle: { zh: "敏感性分析（各因素 ±20% 对净现值的影响）", en: "Sensitivity (NPV with each driver ±20%)" },
  tornadoLow: { zh: "因素 −20%", en: "Driver −20%" },
  tornadoHigh: { zh: "因素 +20%", en: "Driver +20%" },
  tornadoAxis: { zh: "净现值", en: "NPV" },
  noData: { zh: "暂无数据", en: "No data yet" },
} satisfies Record<string, LocalizedText>;

export const TECHNIQUE_TEXT: Record<string, LocalizedText> = {
  prompt_engineering: { zh: "提示工程", en: "Prompt engineering" },
  few_shot: { zh: "少样本提示", en: "Few-shot prompting" },
  chain_of_thought: { zh: "思维链", en: "Chain of thought" },
  tree_of_thought: { zh: "思维树", en: "Tree of thought" },
  rag: { zh: "检索增强生成（RAG）", en: "Retrieval-augmented generation (RAG)" },
  text_to_sql: { zh: "文本转 SQL", en: "Text-to-SQL" },
  agent: { zh: "智能体", en: "Agent" },
  sft: { zh: "监督微调（SFT）", en: "Supervised fine-tuning (SFT)" },
  lora: { zh: "LoRA 微调", en: "LoRA fine-tuning" },
  qlora: { zh: "QLoRA 微调", en: "QLoRA fine-tuning" },
  reward_model: { zh: "奖励模型", en: "Reward model" },
  rlhf: { zh: "基于人类反馈的强化学习（RLHF）", en: "RLHF" },
  dpo: { zh: "直接偏好优化（DPO）", en: "Direct preference optimisation (DPO)" },
  traditional: { zh: "传统技术（规则、检索、BI、经典机器学习）", en: "Traditional software (rules, search, BI, classic ML)" },
};

export const SOURCE_TEXT: Record<string, LocalizedText> = {
  user: { zh: "用户输入", en: "User input" },
  llm: { zh: "大模型提议", en: "Proposed by the LLM" },
  heuristic: { zh: "启发式推断", en: "Heuristic" },
  default: { zh: "默认值", en: "Default" },
  kb: { zh: "知识库", en: "Knowledge base" },
  profile: { zh: "场景画像", en: "Scenario profile" },
};

export const FINANCE_MODEL_TEXT: Record<string, LocalizedText> = {
  toC: { zh: "面向个人用户（ToC）：订阅收入", en: "Consumers (ToC): subscription revenue" },
  toB: { zh: "面向企业客户（ToB）：合同收入", en: "Businesses (ToB): contract revenue" },
  internal: { zh: "内部提效：节省的人力成本", en: "Internal use: staff time saved" },
};

export const SEVERITY_TEXT: Record<string, LocalizedText> = {
  low: { zh: "低", en: "Low" },
  medium: { zh: "中", en: "Medium" },
  high: { zh: "高", en: "High" },
};

export const REASON_KIND_TEXT: Record<string, LocalizedText> = {
  gate: { zh: "硬性门槛", en: "Gate" },
  positive: { zh: "加分", en: "Positive" },
  negative: { zh: "减分", en: "Negative" },
};

export const PROFILE_FACT_TEXT: Record<string, LocalizedText> = {
  locale: { zh: "语言", en: "Language" },
  industry: { zh: "行业", en: "Industry" },
  market: { zh: "市场", en: "Market" },
  tasks: { zh: "任务类型", en: "Tasks" },
  knowledge: { zh: "知识类型", en: "Knowledge" },
  stakes: { zh: "出错代价", en: "Stakes" },
  humanReview: { zh: "人工审核", en: "Human review" },
  deployment: { zh: "部署约束", en: "Deployment" },
  replacesSystemOfRecord: { zh: "替代核心业务系统", en: "Replaces a system of record" },
  labeledExamples: { zh: "已标注样本", en: "Labelled examples" },
  documents: { zh: "文档数", en: "Documents" },
  chatLogs: { zh: "聊天记录", en: "Chat logs" },
  preferencePairs: { zh: "偏好对", en: "Preference pairs" },
  users: { zh: "用户数", en: "Users" },
  interactionsPerUserPerDay: { zh: "每用户每日交互", en: "Interactions per user per day" },
  feedbackMode: { zh: "反馈方式", en: "Feedback mode" },
  houseStyle: { zh: "固定表达风格", en: "House style" },
  personalData: { zh: "涉及个人数据", en: "Personal data" },
};

/** Headings and fixed phrases of the decision memo (PDF and Markdown). */
export const REPORT_TEXT = {
  product: { zh: "大模型落地决策台", en: "Tierwise" },
  docKind: { zh: "大模型落地决策备忘录", en: "LLM adoption decision memo" },
  subject: { zh: "大模型应用可行性、技术路线、团队、周期与商业回报评估", en: "Feasibility, techniques, team, timeline and business case for an LLM application" },
  execSummary: { zh: "执行摘要", en: "Executive summary" },
  verdict: { zh: "结论", en: "Verdict" },
  grade: { zh: "评级", en: "Grade" },
  score: { zh: "综合得分", en: "Overall score" },
  primaryTier: { zh: "所需最高技术阶", en: "Primary tier" },
  topReasons: { zh: "最重要的三条理由", en: "The three reasons that weigh most" },
  teamSize: { zh: "团队规模", en: "Team size" },
  weeksToFirstVersion: { zh: "首个版本上线", en: "Weeks to a first version" },
  costToBreakEven: { zh: "盈亏平衡前总投入", en: "Total cost to break-even" },
  breakEvenMonth: { zh: "盈亏平衡月份", en: "Break-even month" },
  q1: { zh: "一、这个场景靠谱吗？为什么", en: "1. Is this a reliable use of LLMs, and why?" },
  q2: { zh: "二、少量投入能做到什么效果", en: "2. What can a small team achieve?" },
  q3: { zh: "三、需要哪些技术（按三阶划分）", en: "3. Which techniques, by tier?" },
  q4: { zh: "四、组建什么样的团队", en: "4. Which team to staff?" },
  q5: { zh: "五、周期：数据量与每月人类反馈", en: "5. Timeline, data volumes and feedback per month" },
  q6: { zh: "六、商业模式、成本与回报", en: "6. Business model, cost and return" },
  risks: { zh: "风险与应对", en: "Risks and mitigations" },
  assumptions: { zh: "附录：假设与来源", en: "Appendix: assumptions and sources" },
  methodology: { zh: "方法说明", en: "Methodology" },
  aiWritten: { zh: "【AI 撰写】以下内容由大模型生成，仅供参考，不影响评分与数字。", en: "[AI-written] The following text was written by a language model; it sets no score or figure." },
  aiWrittenTag: { zh: "AI 撰写", en: "AI-written" },
  page: { zh: "第 {n} 页，共 {total} 页", en: "Page {n} of {total}" },
  notAvailable: { zh: "尚未估算", en: "Not estimated yet" },
  noBreakEven: { zh: "预测期内未回本", en: "No break-even within the horizon" },
  weeks: { zh: "{n} 周", en: "{n} weeks" },
  people: { zh: "{n} 人", en: "{n} people" },
  month: { zh: "第 {n} 月", en: "Month {n}" },
  range: { zh: "P10–P90：{a} 至 {b}", en: "P10–P90: {a} to {b}" },
  figure: { zh: "图", en: "Figure" },
} satisfies Record<string, LocalizedText>;

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
