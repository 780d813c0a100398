// Labels for the ids of the input vocabulary and the plan, in both languages. Ids stay stable; only labels change.
// The one source of these labels for every view: the web pages, the PDF, the Markdown memo and the chart specs.
// Plain data without React so that the server-side report can import it too.
import { BUSINESS_FACT_LABELS } from "~/domain/profile/business";
import type { LocalizedText } from "~/domain/text";

type Labels = Record<string, LocalizedText>;

export const INDUSTRY_LABELS: Labels = {
  education: { zh: "教育", en: "Education" },
  healthcare: { zh: "医疗", en: "Healthcare" },
  finance: { zh: "金融", en: "Finance" },
  legal: { zh: "法律", en: "Legal" },
  retail_ecommerce: { zh: "零售电商", en: "Retail & e-commerce" },
  manufacturing: { zh: "制造", en: "Manufacturing" },
  government: { zh: "政务", en: "Government" },
  media: { zh: "传媒", en: "Media" },
  internet: { zh: "互联网", en: "Internet" },
  other: { zh: "其他", en: "Other" },
};

export const MARKET_LABELS: Labels = {
  toC: { zh: "ToC（面向个人用户收费）", en: "ToC (consumers pay)" },
  toB: { zh: "ToB（面向企业客户收费）", en: "ToB (businesses pay)" },
  internal: { zh: "内部提效（节省成本）", en: "Internal (cost savings)" },
};

export const TASK_LABELS: Labels = {
  generation: { zh: "内容生成", en: "Generation" },
  rewriting: { zh: "改写润色", en: "Rewriting" },
  classification: { zh: "分类", en: "Classification" },
  extraction: { zh: "信息抽取", en: "Extraction" },
  summarization: { zh: "摘要", en: "Summarisation" },
  qa: { zh: "问答", en: "Question answering" },
  conversation: { zh: "多轮对话", en: "Conversation" },
  text_to_sql: { zh: "文本转 SQL", en: "Text-to-SQL" },
  agent_workflow: { zh: "智能体流程", en: "Agent workflow" },
  code: { zh: "代码", en: "Code" },
  translation: { zh: "翻译", en: "Translation" },
  multimodal: { zh: "多模态", en: "Multimodal" },
};

export const KNOWLEDGE_LABELS: Labels = {
  general: { zh: "通用知识", en: "General knowledge" },
  private_documents: { zh: "私有文档", en: "Private documents" },
  structured_data: { zh: "结构化数据", en: "Structured data" },
  vertical_expertise: { zh: "垂直领域专业知识", en: "Vertical expertise" },
  realtime: { zh: "实时信息", en: "Real-time information" },
};

export const STAKES_LABELS: Labels = {
  low: { zh: "低：错了容易发现和纠正", en: "Low: mistakes are cheap to catch" },
  medium: { zh: "中：错误会带来一定损失", en: "Medium: mistakes cost something" },
  high: { zh: "高：错误代价大", en: "High: mistakes are expensive" },
  critical: { zh: "极高：涉及生命、财产或法律责任", en: "Critical: safety, money or legal liability" },
};

export const HUMAN_REVIEW_LABELS: Labels = {
  always: { zh: "每条输出都有人审核", en: "A person reviews every output" },
  sampled: { zh: "抽检", en: "Sampled review" },
  none: { zh: "无人审核", en: "No review" },
};

export const DEPLOYMENT_LABELS: Labels = {
  cloud_api: { zh: "云端 API", en: "Cloud API" },
  private_cloud: { zh: "私有云", en: "Private cloud" },
  on_prem: { zh: "本地私有化部署", en: "On premises" },
};

export const LOCALE_LABELS: Labels = {
  zh: { zh: "中文", en: "Chinese" },
  en: { zh: "英文", en: "English" },
};

export const FEEDBACK_MODE_LABELS: Labels = {
  explicit: { zh: "显式反馈（评分、修改）", en: "Explicit (ratings, edits)" },
  implicit: { zh: "隐式反馈（多选一）", en: "Implicit (pick one of several)" },
  none: { zh: "无反馈通道", en: "No feedback channel" },
};

/** Where a fact or an assumption came from: shown beside every value. */
export const SOURCE_LABELS: Labels = {
  user: { zh: "用户输入", en: "Your input" },
  llm: { zh: "AI 推断", en: "AI proposed" },
  heuristic: { zh: "关键词推断", en: "Inferred from wording" },
  default: { zh: "默认值", en: "Default" },
  profile: { zh: "来自场景画像", en: "From the profile" },
  kb: { zh: "知识库", en: "Knowledge base" },
};

export const PROFILE_FACT_LABELS: Labels = {
  locale: { zh: "语言", en: "Language" },
  industry: { zh: "行业", en: "Industry" },
  market: { zh: "商业模式", en: "Business model" },
  tasks: { zh: "任务类型", en: "Tasks" },
  knowledge: { zh: "所需知识", en: "Knowledge needed" },
  stakes: { zh: "出错代价", en: "Stakes" },
  humanReview: { zh: "人工审核", en: "Human review" },
  deployment: { zh: "部署方式", en: "Deployment" },
  replacesSystemOfRecord: { zh: "取代核心业务系统", en: "Replaces a system of record" },
  labeledExamples: { zh: "已标注样本", en: "Labelled examples" },
  documents: { zh: "文档数", en: "Documents" },
  chatLogs: { zh: "聊天记录", en: "Chat logs" },
  preferencePairs: { zh: "偏好对比数据", en: "Preference pairs" },
  users: { zh: "用户数", en: "Users" },
  interactionsPerUserPerDay: { zh: "每人每日使用次数", en: "Interactions per user per day" },
  feedbackMode: { zh: "反馈方式", en: "Feedback mode" },
  houseStyle: { zh: "需保持固定风格", en: "House style to keep" },
  personalData: { zh: "涉及个人敏感数据", en: "Personal data" },
  businessCase: { zh: "已说明盈利或节省方式", en: "Business case stated" },
  ...BUSINESS_FACT_LABELS,
};

export const VALUE_LABELS: Record<string, Labels> = {
  locale: LOCALE_LABELS,
  industry: INDUSTRY_LABELS,
  market: MARKET_LABELS,
  tasks: TASK_LABELS,
  knowledge: KNOWLEDGE_LABELS,
  stakes: STAKES_LABELS,
  humanReview: HUMAN_REVIEW_LABELS,
  deployment: DEPLOYMENT_LABELS,
  feedbackMode: FEEDBACK_MODE_LABELS,
};

export const VERDICT_LABELS: Labels = {
  go: { zh: "推进", en: "Go" },
  pilot: { zh: "先试点", en: "Pilot first" },
  rethink: { zh: "需重新思考", en: "Rethink" },
  no_go: { zh: "不建议推进", en: "No-go" },
};

export const TIER_LABELS: Record<number, LocalizedText> = {
  1: { zh: "第一阶：提示工程", en: "Tier 1: prompting" },
  2: { zh: "第二阶：检索、工具与智能体", en: "Tier 2: retrieval, tools and agents" },
  3: { zh: "第三阶：微调与反馈闭环", en: "Tier 3: fine-tuning and feedback loops" },
};

export const DIMENSION_LABELS: Labels = {
  value: { zh: "业务价值", en: "Value" },
  data_readiness: { zh: "数据就绪度", en: "Data readiness" },
  technical_fit: { zh: "技术匹配度", en: "Technical fit" },
  risk_compliance: { zh: "风险与合规", en: "Risk and compliance" },
  org_readiness: { zh: "组织就绪度", en: "Organisational readiness" },
};

export const COST_CATEGORY_LABELS: Labels = {
  labour: { zh: "人力", en: "Labour" },
  compute: { zh: "算力", en: "Compute" },
  annotation: { zh: "数据标注", en: "Annotation" },
  inference: { zh: "推理服务", en: "Inference" },
  other: { zh: "其他", en: "Other" },
};

export const FINANCE_MODEL_LABELS: Labels = {
  toC: { zh: "面向个人用户（ToC）：订阅收入", en: "Consumers (ToC): subscription revenue" },
  toB: { zh: "面向企业客户（ToB）：合同收入", en: "Businesses (ToB): contract revenue" },
  internal: { zh: "内部提效：节省的人力成本", en: "Internal use: staff time saved" },
};

export const SEVERITY_LABELS: Labels = {
  low: { zh: "低", en: "Low" },
  medium: { zh: "中", en: "Medium" },
  high: { zh: "高", en: "High" },
};

export const REASON_KIND_LABELS: Labels = {
  gate: { zh: "硬性门槛", en: "Gate" },
  positive: { zh: "加分", en: "Positive" },
  negative: { zh: "减分", en: "Negative" },
};
