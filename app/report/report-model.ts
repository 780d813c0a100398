// The one report model of a plan: sections, key figures, tables and chart specs, in one language. The PDF and the
// Markdown memo are both rendered from it, so they can never disagree. It formats (money, numbers) but never
// computes a figure the domain did not; the only derived figure is the sum of monthly costs up to break-even.
import type { DecisionPlan } from "~/domain/plan-types";
import type { Currency, Locale } from "~/domain/scenario";
import { buildChartSpecs, type ChartId, type ChartSpec } from "~/report/chart-specs";
import { formatMoney, formatMoneyCompact, formatNumber, formatPercent } from "~/present/format";
import {
  COST_CATEGORY_LABELS,
  DIMENSION_LABELS,
  FINANCE_MODEL_LABELS,
  REASON_KIND_LABELS,
  SEVERITY_LABELS,
  SOURCE_LABELS,
  TIER_LABELS,
  VERDICT_LABELS,
} from "~/i18n/enums";
import { fill, REPORT_TEXT, tr, type LocalizedText } from "~/report/labels";
import { assumptionLabel, dataNeedLabel, workVolumeLabel } from "~/i18n/assumption-labels";
import { assumptionSourceText, reasonText as derivedReason } from "~/i18n/derivations";
import { assumedFactTexts, profileFactRows } from "~/report/profile-facts";
import { isNum, list, planCurrency, sparse, type SparsePlan } from "~/report/sparse-plan";

export interface KeyFigure {
  id: "verdict" | "grade" | "primaryTier" | "teamSize" | "weeksToFirstVersion" | "costToBreakEven" | "breakEvenMonth" | "npv";
  label: string;
  value: string;
  detail?: string;
}

export interface TableBlock {
  kind: "table";
  columns: string[];
  rows: string[][];
  /** Relative column widths for the PDF ("*" shares the rest). */
  widths?: (number | "*" | "auto")[];
}

export type Block =
  | { kind: "paragraph"; text: string; ai?: boolean }
  | { kind: "bullets"; items: string[]; ai?: boolean }
  | { kind: "subheading"; text: string }
  | { kind: "figures"; figures: KeyFigure[] }
  | { kind: "chart"; chartId: ChartId }
  | { kind: "notice"; text: string }
  | TableBlock;

export type SectionId = "summary" | "q1" | "q2" | "q3" | "q4" | "q5" | "q6" | "risks" | "assumptions" | "methodology";

export interface Section {
  id: SectionId;
  heading: string;
  blocks: Block[];
  /** Starts on a new page in the PDF. */
  newPage: boolean;
}

export interface ReportModel {
  locale: Locale;
  currency: Currency;
  /** BCP 47 tag for the document language. */
  lang: "zh-CN" | "en";
  title: string;
  meta: { title: string; subject: string; author: string; keywords: string; language: "zh-CN" | "en" };
  cover: { product: string; docKind: string; title: string; verdict: string; grade: string; score: string; tier: string; versions: string };
  keyFigures: KeyFigure[];
  sections: Section[];
  charts: Record<ChartId, ChartSpec>;
  /** Every source cited anywhere in the plan, deduplicated, in order of first appearance. */
  sources: string[];
}

const t = (text: LocalizedText | undefined, locale: Locale, fallback = "") => tr(text, locale, fallback);
type LT = LocalizedText | undefined;

export function buildReportModel(plan: DecisionPlan | SparsePlan, locale: Locale): ReportModel {
  const p = sparse(plan);
  const currency = planCurrency(p, locale);
  const money = (v: number | null | undefined) => formatMoney(v, currency, locale);
  const compact = (v: number | null | undefined) => formatMoneyCompact(v, currency, locale);
  const num = (v: number | null | undefined, d = 1) => formatNumber(v, locale, d);
  const na = t(REPORT_TEXT.notAvailable, locale);
  const zh = locale === "zh";
  const title = (p.title ?? "").trim() || t(REPORT_TEXT.docKind, locale);
  const charts = buildChartSpecs(p, locale);
  const sources = new SourceList();

  // ── key figures (executive summary) ──
  const verdict = t(VERDICT_LABELS[p.feasibility?.verdict ?? ""], locale, p.feasibility?.verdict ?? na);
  const grade = p.feasibility?.grade ?? "—";
  const score = isNum(p.feasibility?.score) ? num(p.feasibility.score, 0) : "—";
  const tier = isNum(p.primaryTier) ? t(TIER_LABELS[p.primaryTier], locale) : na;
  const headcount = p.team?.headcount;
  const launchWeek = p.timeline?.launchWeek;
  const be = p.finance?.breakEvenMonth;
  const beBand = p.finance?.ranges?.breakEvenMonth;
  const months = list(p.finance?.months).filter((m) => m && isNum(m.month) && isNum(m.costs));
  const costToBreakEven = isNum(p.finance?.costToBreakEven) ? p.finance.costToBreakEven : null;
  const horizon = isNum(p.finance?.horizonMonths) ? p.finance.horizonMonths : months.length;
  const totalCost = isNum(p.finance?.totalCost) ? p.finance.totalCost : null;
  const monthText = (n: number | null | undefined) => (isNum(n) ? fill(t(REPORT_TEXT.month, locale), { n }) : t(REPORT_TEXT.noBreakEven, locale));
  const bandText = beBand && (isNum(beBand.p10) || isNum(beBand.p90)) ? fill(t(REPORT_TEXT.range, locale), { a: monthText(beBand.p10), b: monthText(beBand.p90) }) : undefined;

  const keyFigures: KeyFigure[] = [
    { id: "verdict", label: t(REPORT_TEXT.verdict, locale), value: verdict },
    { id: "grade", label: t(REPORT_TEXT.grade, locale), value: grade, detail: `${t(REPORT_TEXT.score, locale)} ${score}/100` },
    { id: "primaryTier", label: t(REPORT_TEXT.primaryTier, locale), value: tier },
    { id: "teamSize", label: t(REPORT_TEXT.teamSize, locale), value: isNum(headcount) && headcount > 0 ? fill(t(REPORT_TEXT.people, locale), { n: num(headcount, 0) }) : na },
    { id: "weeksToFirstVersion", label: t(REPORT_TEXT.weeksToFirstVersion, locale), value: isNum(launchWeek) && launchWeek > 0 ? fill(t(REPORT_TEXT.weeks, locale), { n: num(launchWeek, 1) }) : na },
    {
      id: "costToBreakEven",
      label: t(REPORT_TEXT.costToBreakEven, locale),
      value: costToBreakEven !== null ? money(costToBreakEven) : months.length ? t(REPORT_TEXT.noBreakEven, locale) : na,
      detail: costToBreakEven === null && totalCost !== null ? (zh ? `${horizon} 个月总成本 ${money(totalCost)}` : `total cost over ${horizon} months: ${money(totalCost)}`) : undefined,
    },
    { id: "breakEvenMonth", label: t(REPORT_TEXT.breakEvenMonth, locale), value: months.length || isNum(be) ? monthText(be) : na, detail: bandText },
    {
      id: "npv",
      label: zh ? `${horizon || 36} 个月净现值` : `NPV over ${horizon || 36} months`,
      value: isNum(p.finance?.npv) ? money(p.finance.npv) : na,
      detail: p.finance?.ranges?.npv && isNum(p.finance.ranges.npv.p10) ? fill(t(REPORT_TEXT.range, locale), { a: compact(p.finance.ranges.npv.p10), b: compact(p.finance.ranges.npv.p90) }) : undefined,
    },
  ];

  const reasons = list(p.feasibility?.reasons).filter(Boolean);
  const reasonText = (r: (typeof reasons)[number]) => t(r.text as LT, locale, r.ruleId ?? "");
  // The defaults a reason rests on, so the reader sees which unstated facts drive the verdict.
  const assumedText = (r: (typeof reasons)[number]) => {
    const items = assumedFactTexts(list(r.assumed as string[] | undefined), p.profile as Record<string, unknown> | undefined, locale, currency);
    return items.length ? `${t(REPORT_TEXT.assumed, locale)}${items.join(zh ? "；" : "; ")}` : "";
  };
  const llm = p.llm;
  const aiNarrative = list(llm?.narrative).filter((s): s is string => typeof s === "string" && s.trim() !== "");
  const aiRisks = list(llm?.risks).filter((s): s is string => typeof s === "string" && s.trim() !== "");

  // ── executive summary ──
  const summary: Block[] = [{ kind: "figures", figures: keyFigures }, { kind: "subheading", text: t(REPORT_TEXT.topReasons, locale) }];
  summary.push(
    reasons.length
      ? { kind: "bullets", items: reasons.slice(0, 3).map((r) => {
          const kind = t(REASON_KIND_LABELS[r.kind ?? ""], locale, r.kind ?? "");
          const assumed = assumedText(r);
          const line = zh ? `${reasonText(r)}（${kind}）` : `${reasonText(r)} (${kind})`;
          return assumed ? `${line}${zh ? "。" : ". "}${assumed}` : line;
        }) }
      : { kind: "paragraph", text: zh ? "规则引擎尚未给出理由。" : "The rule engine gave no reasons yet." },
  );
  // The executive reads the money story at a glance: the same cash-flow chart as question 6.
  if (months.length) summary.push({ kind: "chart", chartId: "cashflow" });
  if (llm?.status === "failed" && llm.notice) summary.push({ kind: "notice", text: llm.notice });
  if (aiNarrative.length) summary.push({ kind: "paragraph", text: t(REPORT_TEXT.aiWritten, locale), ai: true }, ...aiNarrative.map((text) => ({ kind: "paragraph" as const, text, ai: true })));

  // ── 1. reliable, and why ──
  const dims = list(p.feasibility?.dimensions).filter((d) => d && isNum(d.score));
  const q1: Block[] = [
    {
      kind: "paragraph",
      text: zh
        ? `结论：${verdict}。评级 ${grade}，综合得分 ${score}/100。评分由规则引擎按场景画像逐条计算，每条理由都可追溯到规则与来源。`
        : `Verdict: ${verdict}. Grade ${grade}, overall score ${score}/100. The rule engine scores the scenario profile rule by rule; every reason below traces to a rule and its source.`,
    },
  ];
  if (dims.length) {
    q1.push({ kind: "chart", chartId: "radar" });
    q1.push({
      kind: "table",
      columns: zh ? ["维度", "得分", "权重"] : ["Dimension", "Score", "Weight"],
      rows: dims.map((d) => [t(d.label as LT, locale, t(DIMENSION_LABELS[d.id ?? ""], locale, d.id ?? "")), num(d.score, 0), isNum(d.weight) ? formatPercent(d.weight, locale) : "—"]),
      widths: ["*", 60, 60],
    });
  }
  if (reasons.length) {
    q1.push({
      kind: "table",
      columns: zh ? ["理由", "类型", "影响", "来源"] : ["Reason", "Kind", "Points", "Source"],
      rows: reasons.map((r) => [[reasonText(r), assumedText(r)].filter(Boolean).join("\n"), t(REASON_KIND_LABELS[r.kind ?? ""], locale, r.kind ?? ""), isNum(r.weight) && r.kind !== "gate" ? (r.weight > 0 ? `+${num(r.weight)}` : num(r.weight)) : "—", sources.add(r.source)]),
      widths: ["*", 45, 40, 45],
    });
  }

  // ── 2. what a small team can achieve ──
  const techniques = list(p.techniques).filter((x) => x && x.id);
  const dataNeeds = list(p.data?.needs).filter((n) => n && n.id);
  const q2: Block[] = [
    {
      kind: "paragraph",
      text: zh
        ? `以现有技术，${isNum(headcount) && headcount > 0 ? `${num(headcount, 0)} 人的团队` : "一个小团队"}${isNum(launchWeek) && launchWeek > 0 ? `约 ${num(launchWeek)} 周可上线第一个版本` : "可先做出第一个版本"}，所需最高技术为${tier}。${techniques.length ? `核心技术：${techniques.map((x) => techniqueName(x, locale)).join("、")}。` : ""}`
        : `With today's technology, ${isNum(headcount) && headcount > 0 ? `a team of ${num(headcount, 0)}` : "a small team"} can ${isNum(launchWeek) && launchWeek > 0 ? `have a first version live in about ${num(launchWeek)} weeks` : "build a first version"}; the plan needs ${tier}. ${techniques.length ? `Core techniques: ${techniques.map((x) => techniqueName(x, locale)).join(", ")}.` : ""}`.trim(),
    },
  ];
  if (dataNeeds.length) {
    q2.push({ kind: "subheading", text: zh ? "数据需求" : "Data needed" });
    q2.push({
      kind: "table",
      columns: zh ? ["数据", "需要", "已有", "待收集", "标注工时", "标注成本"] : ["Data", "Needed", "On hand", "To collect", "Annotation hours", "Annotation cost"],
      rows: dataNeeds.map((n) => [dataNeedLabel(n.id ?? "", locale, n.label as LT | undefined), num(n.examplesNeeded, 0), num(n.onHand, 0), num(n.toCollect, 0), num(n.annotationHours, 0), money(n.annotationCost)]),
      widths: ["*", 55, 55, 55, 60, 70],
    });
    const anchors = list(p.data?.anchors).filter((a) => a && a.name);
    if (anchors.length) {
      q2.push({ kind: "paragraph", text: (zh ? "数据规模参照：" : "Sizes anchored on: ") + anchors.map((a) => `${a.name} (${num(a.examples, 0)}) ${sources.add(a.citation)}`.trim()).join(zh ? "；" : "; ") });
    }
  }
  if (aiNarrative.length) q2.push({ kind: "notice", text: zh ? "AI 撰写的场景说明见执行摘要（已标注）。" : "The AI-written narrative is in the executive summary (labelled)." });

  // ── 3. techniques by tier, and compute ──
  const q3: Block[] = [];
  for (const tierNo of [1, 2, 3] as const) {
    const inTier = techniques.filter((x) => x.tier === tierNo);
    if (!inTier.length) continue;
    q3.push({ kind: "subheading", text: t(TIER_LABELS[tierNo], locale) });
    q3.push({
      kind: "table",
      columns: zh ? ["技术", "类型", "原因", "来源"] : ["Technique", "Kind", "Why", "Sources"],
      rows: inTier.map((x) => [
        techniqueName(x, locale),
        x.kind === "traditional" ? (zh ? "传统技术" : "Traditional") : zh ? "大模型" : "LLM",
        t(x.whyText as LT, locale, x.why ?? ""),
        sources.refs(list(x.sources)),
      ]),
      widths: [110, 50, "*", 50],
    });
  }
  if (!q3.length) q3.push({ kind: "paragraph", text: na });
  const compute = p.compute;
  if (compute && (isNum(compute.modelSizeB) || compute.fineTune || compute.api || compute.serving)) {
    q3.push({ kind: "subheading", text: zh ? "算力与部署" : "Compute and deployment" });
    const rows: string[][] = [];
    if (isNum(compute.modelSizeB)) rows.push([zh ? "模型规模" : "Model size", `${num(compute.modelSizeB)}B`]);
    if (compute.deployment) rows.push([zh ? "部署方式" : "Deployment", `${compute.deployment === "api" ? (zh ? "调用 API" : "Hosted API") : zh ? "自建部署" : "Self-hosted"}${compute.deploymentReason ? ` — ${derivedReason(compute.deploymentReason as Parameters<typeof derivedReason>[0], locale)}` : ""}`]);
    const ft = compute.fineTune;
    if (ft && ft.method) {
      rows.push([
        zh ? "微调" : "Fine-tune",
        zh
          ? `${ft.method.toUpperCase()}，${num(ft.paramsB)}B，${num(ft.gpus, 0)} × ${ft.gpu ?? "GPU"}，约 ${num(ft.wallHours)} 小时（${num(ft.gpuHours)} GPU 小时），每轮 ${formatMoney(ft.costUsd, "USD", locale)}，共 ${num(ft.runs, 0)} 轮 ${money(ft.cost)}${ft.fits === false ? "（显存不足）" : ""}`
          : `${ft.method.toUpperCase()}, ${num(ft.paramsB)}B, ${num(ft.gpus, 0)} × ${ft.gpu ?? "GPU"}, about ${num(ft.wallHours)} h (${num(ft.gpuHours)} GPU-hours), ${formatMoney(ft.costUsd, "USD", locale)} a run, ${num(ft.runs, 0)} runs ${money(ft.cost)}${ft.fits === false ? " (does not fit in memory)" : ""}`,
      ]);
    }
    const sv = compute.serving;
    if (sv && isNum(sv.totalGb)) {
      rows.push([zh ? "自建推理" : "Self-hosted serving", zh ? `${sv.precision ?? ""} 显存 ${num(sv.totalGb)} GB，${num(sv.gpus, 0)} × ${sv.gpu ?? "GPU"}，每月 ${money(sv.monthlyCost)}` : `${sv.precision ?? ""} ${num(sv.totalGb)} GB, ${num(sv.gpus, 0)} × ${sv.gpu ?? "GPU"}, ${money(sv.monthlyCost)} a month`]);
    }
    const api = compute.api;
    if (api && isNum(api.monthlyCost)) {
      rows.push([zh ? "API 调用" : "Hosted API", zh ? `${api.provider ?? ""} ${api.model ?? ""}，每月约 ${num(api.monthlyRequests, 0)} 次请求，${money(api.monthlyCost)}/月（价格日期 ${api.priceDate ?? "—"}）${sources.add(api.citation)}` : `${api.provider ?? ""} ${api.model ?? ""}, about ${num(api.monthlyRequests, 0)} requests a month, ${money(api.monthlyCost)} a month (prices as of ${api.priceDate ?? "—"}) ${sources.add(api.citation)}`.trim()]);
    }
    if (rows.length) q3.push({ kind: "table", columns: zh ? ["项目", "估算"] : ["Item", "Estimate"], rows, widths: [110, "*"] });
  }

  // ── 4. team ──
  const roles = list(p.team?.roles).filter((r) => r && (r.role || r.label));
  const q4: Block[] = [];
  if (roles.length) {
    q4.push({
      kind: "paragraph",
      text: zh
        ? `团队共 ${num(headcount, 0)} 人，建设期约 ${num(p.team?.personWeeks, 0)} 人周，人力成本 ${money(p.team?.labourCost)}；上线后每月运维人力成本 ${money(p.team?.runMonthlyCost)}。`
        : `A team of ${num(headcount, 0)}: about ${num(p.team?.personWeeks, 0)} person-weeks to build, labour cost ${money(p.team?.labourCost)}; after launch ${money(p.team?.runMonthlyCost)} a month to run.`,
    });
    q4.push({
      kind: "table",
      columns: zh ? ["角色", "人数", "人周", "月薪成本", "建设期人力成本", "上线后 FTE"] : ["Role", "People", "Person-weeks", "Monthly rate", "Build labour cost", "Run FTE"],
      rows: roles.map((r) => [t(r.label as LT, locale, r.role ?? ""), num(r.count, 0), num(r.personWeeks), money(r.monthlyRate), money(r.labourCost), num(r.runFte, 2)]),
      widths: ["*", 40, 55, 70, 80, 50],
    });
  } else q4.push({ kind: "paragraph", text: na });

  // ── 5. timeline, data volumes, feedback ──
  const phases = list(p.timeline?.phases).filter((ph) => ph && isNum(ph.startWeek));
  const q5: Block[] = [];
  if (phases.length) {
    q5.push({ kind: "chart", chartId: "gantt" });
    q5.push({
      kind: "table",
      columns: zh ? ["阶段", "开始周", "周数", "工作量", "人员"] : ["Phase", "Start week", "Weeks", "Work volume", "People"],
      rows: phases.map((ph) => {
        const wv = ph.workVolume;
        const volume = wv && isNum(wv.quantity) ? `${num(wv.quantity, 0)} ${workVolumeLabel(wv as Parameters<typeof workVolumeLabel>[0], locale) || (wv.unit ?? "")}${isNum(wv.ratePerWeek) ? (zh ? `（每周 ${num(wv.ratePerWeek, 0)}）` : ` (${num(wv.ratePerWeek, 0)}/week)`) : ""}${isNum(wv.rounds) && wv.rounds > 1 ? (zh ? `，${wv.rounds} 轮` : `, ${wv.rounds} rounds`) : ""}` : "";
        const people = list(ph.roles).filter((r) => r && r.role).map((r) => `${roleName(r.role as string, roles, locale)} ${num(r.fte, 1)}`).join(zh ? "、" : ", ");
        return [`${t(ph.nameText as LT, locale, ph.name ?? ph.id ?? "")}${ph.ongoing ? (zh ? "（持续）" : " (ongoing)") : ""}`, num(ph.startWeek, 1), num(ph.weeks, 1), volume, people];
      }),
      widths: [110, 45, 40, "*", 110],
    });
  } else q5.push({ kind: "paragraph", text: na });
  const fb = p.feedback;
  if (fb && isNum(fb.perMonth) && (fb.perMonth > 0 || fb.mode)) {
    q5.push({ kind: "subheading", text: zh ? "人类反馈" : "Human feedback" });
    const items = [
      fb.perMonth > 0
        ? zh
          ? `每月可收集约 ${num(fb.perMonth, 0)} 条人类反馈（显式 ${num(fb.explicitPerMonth, 0)}，隐式 ${num(fb.implicitPerMonth, 0)}）。`
          : `About ${num(fb.perMonth, 0)} pieces of human feedback a month (${num(fb.explicitPerMonth, 0)} explicit, ${num(fb.implicitPerMonth, 0)} implicit).`
        : zh
          ? "上线后没有可收集的人类反馈（产品中没有反馈入口）。"
          : "No human feedback is collected in production (the product has no feedback flow).",
    ];
    if (fb.formula) items.push((zh ? "计算方式：" : "How: ") + fb.formula);
    if (isNum(fb.rewardModelTarget) && fb.rewardModelTarget > 0) {
      items.push(
        zh
          ? `奖励模型需要约 ${num(fb.rewardModelTarget, 0)} 条比较数据，${isNum(fb.monthsToRewardModelTarget) ? `约 ${num(fb.monthsToRewardModelTarget)} 个月可以攒够` : "按当前反馈量无法攒够"}。`
          : `A reward model needs about ${num(fb.rewardModelTarget, 0)} comparisons: ${isNum(fb.monthsToRewardModelTarget) ? `about ${num(fb.monthsToRewardModelTarget)} months of feedback` : "not reachable with the current feedback flow"}.`,
      );
    }
    q5.push({ kind: "bullets", items });
  }
  if (isNum(p.data?.totalToCollect) && p.data.totalToCollect > 0) {
    q5.push({ kind: "paragraph", text: zh ? `需收集或编写的数据共约 ${num(p.data.totalToCollect, 0)} 条，标注约 ${num(p.data.annotationHours, 0)} 小时，成本 ${money(p.data.annotationCost)}。` : `About ${num(p.data.totalToCollect, 0)} examples to collect or write, about ${num(p.data.annotationHours, 0)} annotation hours, costing ${money(p.data.annotationCost)}.` });
  }

  // ── 6. business model, cost, return ──
  const f = p.finance;
  const q6: Block[] = [];
  if (f?.model) q6.push({ kind: "paragraph", text: (zh ? "商业模式：" : "Business model: ") + t(FINANCE_MODEL_LABELS[f.model], locale, f.model) });
  const cats = list(p.cost?.byCategory).filter((c) => c && c.category);
  if (cats.length) {
    q6.push({ kind: "chart", chartId: "cost" });
    q6.push({
      kind: "table",
      columns: zh ? ["成本类别", "一次性", "每月"] : ["Cost category", "One-off", "Monthly"],
      rows: [
        ...cats.map((c) => [t(c.label as LT, locale, t(COST_CATEGORY_LABELS[c.category ?? ""], locale, c.category ?? "")), money(c.oneOff), money(c.monthly)]),
        [zh ? "合计" : "Total", money(p.cost?.oneOffTotal), money(p.cost?.monthlyTotal)],
      ],
      widths: ["*", 100, 100],
    });
    if (isNum(p.cost?.firstYearTotal)) q6.push({ kind: "paragraph", text: zh ? `首年总成本（一次性 + 12 个月运行）：${money(p.cost.firstYearTotal)}。` : `First-year cost (one-off + 12 running months): ${money(p.cost.firstYearTotal)}.` });
  }
  if (months.length) {
    q6.push({ kind: "chart", chartId: "cashflow" });
    const r = f?.ranges;
    const rows: string[][] = [
      [t(REPORT_TEXT.breakEvenMonth, locale), monthText(be), bandText ?? "—"],
      [zh ? `净现值（折现率 ${formatPercent(f?.discountRate, locale, 1)}）` : `NPV (discount rate ${formatPercent(f?.discountRate, locale, 1)})`, money(f?.npv), r?.npv ? fill(t(REPORT_TEXT.range, locale), { a: compact(r.npv.p10), b: compact(r.npv.p90) }) : "—"],
      [zh ? `投资回报率（${horizon} 个月）` : `ROI (${horizon} months)`, formatPercent(f?.roi, locale), r?.roi ? fill(t(REPORT_TEXT.range, locale), { a: formatPercent(r.roi.p10, locale), b: formatPercent(r.roi.p90, locale) }) : "—"],
      [zh ? "总收入/节省" : "Total revenue or savings", money(f?.totalRevenue), ""],
      [zh ? "总成本" : "Total cost", money(f?.totalCost), ""],
      [t(REPORT_TEXT.costToBreakEven, locale), costToBreakEven !== null ? money(costToBreakEven) : t(REPORT_TEXT.noBreakEven, locale), ""],
    ];
    if (isNum(r?.breakEvenProbability)) rows.push([zh ? "期内回本概率" : "Chance of breaking even in the horizon", formatPercent(r.breakEvenProbability, locale), ""]);
    q6.push({ kind: "table", columns: zh ? ["指标", "基准", "区间"] : ["Measure", "Base case", "Range"], rows, widths: ["*", 100, 150] });
    if (f?.monteCarlo && isNum(f.monteCarlo.runs)) {
      q6.push({ kind: "paragraph", text: zh ? `区间来自 ${num(f.monteCarlo.runs, 0)} 次蒙特卡洛模拟（三角分布，随机种子 ${f.monteCarlo.seed}）。` : `Ranges from ${num(f.monteCarlo.runs, 0)} Monte Carlo runs (triangular distributions, seed ${f.monteCarlo.seed}).` });
    }
  }
  const sens = list(f?.sensitivity).filter((s) => s && isNum(s.npvLow));
  if (sens.length) {
    q6.push({ kind: "chart", chartId: "tornado" });
    q6.push({
      kind: "table",
      columns: zh ? ["因素", "基准值", "−20% 时净现值", "+20% 时净现值", "回本月（−20% / +20%）"] : ["Driver", "Base", "NPV at −20%", "NPV at +20%", "Break-even (−20% / +20%)"],
      rows: sens.map((s) => [assumptionLabel(s.key ?? "", locale, s.label as LT | undefined), num(s.base, 2), compact(s.npvLow), compact(s.npvHigh), `${isNum(s.breakEvenLow) ? s.breakEvenLow : "—"} / ${isNum(s.breakEvenHigh) ? s.breakEvenHigh : "—"}`]),
      widths: ["*", 60, 75, 75, 90],
    });
  }
  if (!q6.length) q6.push({ kind: "paragraph", text: na });

  // ── risks ──
  const risks = list(p.risks).filter((r) => r && r.text);
  const riskBlocks: Block[] = [];
  if (risks.length) {
    riskBlocks.push({
      kind: "table",
      columns: zh ? ["风险", "严重度", "应对", "来源"] : ["Risk", "Severity", "Mitigation", "Source"],
      rows: risks.map((r) => [t(r.text as LT, locale), t(SEVERITY_LABELS[r.severity ?? ""], locale, r.severity ?? ""), t(r.mitigation as LT, locale), sources.add(r.source)]),
      widths: ["*", 45, "*", 45],
    });
  } else riskBlocks.push({ kind: "paragraph", text: zh ? "规则引擎未识别出具体风险。" : "The rule engine raised no specific risk." });
  if (aiRisks.length) riskBlocks.push({ kind: "paragraph", text: t(REPORT_TEXT.aiWritten, locale), ai: true }, { kind: "bullets", items: aiRisks, ai: true });

  // ── assumptions appendix ──
  const assumptions = list(p.assumptions).filter((a) => a && a.key);
  const appendix: Block[] = [];
  if (assumptions.length) {
    appendix.push({
      kind: "table",
      columns: zh ? ["假设", "取值", "来源", "引用", "模拟区间"] : ["Assumption", "Value", "Source", "Cited", "Range"],
      rows: assumptions.map((a) => [
        `${assumptionLabel(a.key ?? "", locale, a.label as LT | undefined)}\n${a.key}`,
        `${formatValue(a.value, locale)}${a.unit ? ` ${a.unit}` : ""}${a.overridden ? (zh ? "（已修改）" : " (edited)") : ""}`,
        t(SOURCE_LABELS[a.source ?? ""], locale, a.source ?? ""),
        sources.add(assumptionSourceText(a as Parameters<typeof assumptionSourceText>[0], locale) || undefined),
        a.range && isNum(a.range.low) ? `${formatValue(a.range.low, locale)} – ${formatValue(a.range.high, locale)}` : "",
      ]),
      widths: ["*", 110, 70, 45, 80],
    });
  } else appendix.push({ kind: "paragraph", text: na });
  const facts = profileFactRows(p.profile as Record<string, unknown> | undefined, locale, currency);
  if (facts.length) {
    appendix.push({ kind: "subheading", text: zh ? "场景画像中的事实" : "Facts of the scenario profile" });
    appendix.push({
      kind: "table",
      columns: zh ? ["事实", "取值", "来源", "依据"] : ["Fact", "Value", "Source", "Evidence"],
      rows: facts.map((fa) => [fa.label, fa.value, fa.sourceLabel, [...fa.evidence.map((e) => (zh ? `“${e}”` : `"${e}"`)), fa.note].filter(Boolean).join("; ")]),
      widths: [110, 110, 70, "*"],
    });
  }
  const sourceList = sources.values();
  if (sourceList.length) {
    appendix.push({ kind: "subheading", text: zh ? "引用来源" : "Sources cited" });
    appendix.push({ kind: "bullets", items: sourceList.map((s, i) => `[${i + 1}] ${s}`) });
  }

  // ── methodology ──
  const mc = f?.monteCarlo;
  const method: Block[] = [
    {
      kind: "bullets",
      items: zh
        ? [
            "流程：场景输入 → 场景画像（每个事实标明来源：用户、大模型、启发式或默认值）→ 规则评估 → 估算（团队、周期、数据与反馈、算力、成本、财务）→ 本报告。",
            "可行性：规则以数据形式定义，按确定的顺序评估；每条触发的规则记录比较的值与结果。评分、评级和结论只由规则给出。",
            "大模型只提议、规则来决定：大模型可以提议画像事实并撰写说明文字（已标注为 AI 撰写），但不设定任何分数或数字。",
            "估算：公式与常数来自知识库，每个数字都列在附录中并注明来源；任何假设都可以修改后重新计算。",
            `财务：${horizon || 36} 个月预测，净现值、投资回报率与各因素 ±20% 的敏感性；区间来自${mc && isNum(mc.runs) ? ` ${num(mc.runs, 0)} 次` : ""}带固定随机种子的蒙特卡洛模拟（三角分布），相同输入得到相同结果。`,
            "盈亏平衡前总投入：从项目开始到盈亏平衡月（含）各月成本之和。",
          ]
        : [
            "Pipeline: scenario input → profile (each fact with its source: user, LLM, heuristic or default) → rule assessment → estimates (team, timeline, data and feedback, compute, cost, finance) → this report.",
            "Feasibility: the rules are data, evaluated in a fixed order; each fired rule records the values it compared and the outcome. Only the rules set the score, the grade and the verdict.",
            "The LLM proposes, the rules decide: a language model may propose profile facts and write narrative text (labelled AI-written); it never sets a score or a figure.",
            "Estimates: formulas and constants come from the knowledge base; every figure is listed in the appendix with its source, and any assumption can be edited and the plan recomputed.",
            `Finance: a ${horizon || 36}-month projection, NPV, ROI and the sensitivity of each driver moved ±20%; ranges come from a seeded Monte Carlo${mc && isNum(mc.runs) ? ` of ${num(mc.runs, 0)} runs` : ""} over triangular distributions, so the same input gives the same ranges.`,
            "Total cost to break-even: the sum of monthly costs from the start of the project to the break-even month inclusive.",
          ],
    },
    {
      kind: "paragraph",
      text: zh
        ? `引擎版本 ${p.meta?.engineVersion ?? "—"}，知识库版本 ${p.meta?.knowledgeBaseVersion ?? "—"}，大模型：${llmStatusText(p, locale)}。`
        : `Engine ${p.meta?.engineVersion ?? "—"}, knowledge base ${p.meta?.knowledgeBaseVersion ?? "—"}, LLM: ${llmStatusText(p, locale)}.`,
    },
  ];

  const section = (id: SectionId, heading: LocalizedText, blocks: Block[], newPage: boolean): Section => ({ id, heading: t(heading, locale), blocks, newPage });
  const lang = zh ? "zh-CN" : "en";
  return {
    locale,
    currency,
    lang,
    title,
    meta: {
      title,
      subject: t(REPORT_TEXT.subject, locale),
      author: t(REPORT_TEXT.product, locale),
      keywords: [t(REPORT_TEXT.docKind, locale), verdict, `${t(REPORT_TEXT.grade, locale)} ${grade}`].join(", "),
      language: lang,
    },
    cover: {
      product: zh ? "Tierwise · 大模型落地决策台" : "Tierwise · LLM adoption decision desk",
      docKind: t(REPORT_TEXT.docKind, locale),
      title,
      verdict,
      grade,
      score,
      tier,
      versions: zh ? `引擎 ${p.meta?.engineVersion ?? "—"} · 知识库 ${p.meta?.knowledgeBaseVersion ?? "—"}` : `Engine ${p.meta?.engineVersion ?? "—"} · knowledge base ${p.meta?.knowledgeBaseVersion ?? "—"}`,
    },
    keyFigures,
    sections: [
      section("summary", REPORT_TEXT.execSummary, summary, true),
      section("q1", REPORT_TEXT.q1, q1, true),
      section("q2", REPORT_TEXT.q2, q2, false),
      section("q3", REPORT_TEXT.q3, q3, false),
      section("q4", REPORT_TEXT.q4, q4, false),
      section("q5", REPORT_TEXT.q5, q5, true),
      section("q6", REPORT_TEXT.q6, q6, true),
      section("risks", REPORT_TEXT.risks, riskBlocks, true),
      section("assumptions", REPORT_TEXT.assumptions, appendix, true),
      section("methodology", REPORT_TEXT.methodology, method, true),
    ],
    charts,
    sources: sourceList,
  };
}

function techniqueName(x: { id?: string; name?: { zh?: string; en?: string } }, locale: Locale): string {
  return tr(x.name, locale, x.id ?? "");
}

function roleName(role: string, roles: { role?: string; label?: { zh?: string; en?: string } }[], locale: Locale): string {
  const found = roles.find((r) => r.role === role);
  const label = found?.label;
  return (label && (label[locale] || label.en || label.zh)) || role;
}

function formatValue(v: unknown, locale: Locale): string {
  if (typeof v === "number") return formatNumber(v, locale, Math.abs(v) < 1 ? 3 : 2);
  if (typeof v === "boolean") return locale === "zh" ? (v ? "是" : "否") : v ? "yes" : "no";
  if (Array.isArray(v)) return v.map((x) => formatValue(x, locale)).join(", ");
  if (v === null || v === undefined) return "—";
  return String(v);
}

function llmStatusText(p: SparsePlan, locale: Locale): string {
  const s = p.llm?.status;
  if (s === "ok") return `${p.llm?.model ?? "LLM"}${p.llm?.promptVersion ? ` (prompt ${p.llm.promptVersion})` : ""}`;
  if (s === "failed") return locale === "zh" ? "调用失败，已使用启发式规则" : "failed; the heuristic extractor was used";
  return locale === "zh" ? "未使用（离线、可复现）" : "off (offline, reproducible)";
}

/** Sources are cited by number in the tables ("[3]") and listed in full, numbered, in the appendix. */
class SourceList {
  private seen = new Map<string, number>();
  private list: string[] = [];
  add(s: string | undefined | null): string {
    const v = (s ?? "").trim();
    if (!v) return "";
    let n = this.seen.get(v);
    if (n === undefined) {
      this.list.push(v);
      n = this.list.length;
      this.seen.set(v, n);
    }
    return `[${n}]`;
  }
  refs(list: (string | undefined | null)[]): string {
    return [...new Set(list.map((s) => this.add(s)).filter(Boolean))].join(" ");
  }
  values(): string[] {
    return [...this.list];
  }
}
