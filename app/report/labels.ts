// Every fixed string of the report views (PDF, Markdown, chart specs), in both languages. Labels of enum values
// (verdicts, tiers, dimensions, sources, profile facts...) live in `~/i18n/enums`, shared with the web pages.
import type { Locale } from "~/domain/scenario";
import type { LocalizedText } from "~/domain/text";

export type { LocalizedText };

export function tr(text: Partial<LocalizedText> | undefined | null, locale: Locale, fallback = ""): string {
  if (!text) return fallback;
  return text[locale] || text.en || text.zh || fallback;
}

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
  tornadoTitle: { zh: "敏感性分析（各因素 ±20% 对净现值的影响）", en: "Sensitivity (NPV with each driver ±20%)" },
  tornadoLow: { zh: "因素 −20%", en: "Driver −20%" },
  tornadoHigh: { zh: "因素 +20%", en: "Driver +20%" },
  tornadoAxis: { zh: "净现值", en: "NPV" },
  noData: { zh: "暂无数据", en: "No data yet" },
} satisfies Record<string, LocalizedText>;

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
  assumed: { zh: "依据的默认值：", en: "Assumed: " },
} satisfies Record<string, LocalizedText>;

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
