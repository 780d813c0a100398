// The plan's estimates: team, timeline, data and feedback, compute, cost and the 36-month business case with
// sensitivity and seeded Monte Carlo ranges. Every figure goes through the assumption book (overridable, sourced).
import type { Assessment } from "~/domain/engine/assess";
import { AssumptionBook } from "~/domain/estimate/assumption-book";
import { byCurrency, planShape, type EstimateContext } from "~/domain/estimate/context";
import { dataAnchors, dataNeeds, dataVolumes, feedbackPlan } from "~/domain/estimate/data-feedback";
import { HORIZON_MONTHS, monteCarlo, project, sensitivity, WEEKS_PER_MONTH, type Driver, type FinanceParams } from "~/domain/estimate/finance";
import { EST } from "~/domain/estimate/kb";
import { roundMoney, round3 } from "~/domain/estimate/money";
import { planCompute } from "~/domain/estimate/plan-compute";
import { teamAndTimeline } from "~/domain/estimate/team-timeline";
import type { BusinessFactKey } from "~/domain/profile/business";
import type { Profile } from "~/domain/profile/types";
import type { Currency, ScenarioInput } from "~/domain/scenario";
import type { Assumption, Compute, Cost, CostCategory, CostLine, DataPlan, FeedbackPlan, Finance, FinanceMonth, Team, Timeline } from "~/domain/estimate/types";
import type { LocalizedText } from "~/domain/text";

export interface EstimateInput {
  input: ScenarioInput;
  profile: Profile;
  assessment: Assessment;
  currency: Currency;
}

export interface Estimates {
  team: Team;
  timeline: Timeline;
  feedback: FeedbackPlan;
  data: DataPlan;
  compute: Compute;
  cost: Cost;
  finance: Finance;
  assumptions: Assumption[];
}

export const DEFAULT_MC_SEED = 20240126;
export const DEFAULT_MC_RUNS = 400;

/**
 * The base case only, for callers that re-estimate many variants (the judgment's `confirm[]`): the same cost and
 * finance figures as `estimatePlan`, without the sensitivity table and the Monte Carlo.
 */
export function estimateCore(args: EstimateInput): Pick<Estimates, "cost" | "finance" | "team" | "timeline"> {
  const { cost, finance, team, timeline } = estimatePlan(args, { ranges: false });
  return { cost, finance, team, timeline };
}

export function estimatePlan({ input, profile, assessment, currency }: EstimateInput, options: { ranges?: boolean } = {}): Estimates {
  const book = new AssumptionBook(input.assumptions ?? {});
  const shape = planShape(profile, assessment);
  const fxKb = EST.exchangeRate;
  const fx = book.num("compute.exchangeRateCnyPerUsd", {
    value: fxKb.cnyPerUsd,
    source: "kb",
    citation: `${fxKb.source} (${fxKb.date})`,
    unit: "CNY/USD",
    label: { zh: "汇率（人民币/美元）", en: "Exchange rate (CNY per USD)" },
    group: "cost",
    range: { low: fxKb.low, high: fxKb.high },
  });
  const ctx: EstimateContext = { input, profile, assessment, currency, locale: profile.locale.value, book, fx, ...shape };

  const volumes = dataVolumes(ctx);
  const rounds = ctx.fineTune ? Math.round(book.kb("timeline.iterationRounds", EST.timeline.iterationRounds, {
    unit: "rounds",
    label: { zh: "SFT/RM 迭代轮数", en: "SFT / RM iteration rounds" },
    group: "timeline",
    range: { low: EST.timeline.iterationRounds.low!, high: EST.timeline.iterationRounds.high! },
  })) : 0;
  const computeOut = planCompute(ctx, volumes, 1 + rounds);
  const tt = teamAndTimeline(ctx, volumes, computeOut.compute.fineTune?.wallHours ?? 0);
  const feedback = feedbackPlan(ctx, volumes, tt.labelledBeforeLaunch, computeOut.workingDaysPerMonth);
  const needs = dataNeeds(ctx, volumes, tt.hourlyCost);
  const data: DataPlan = {
    needs,
    anchors: dataAnchors(),
    tokensPerExample: book.value("compute.tokensPerExample") ?? 512,
    totalToCollect: needs.filter((n) => n.unit !== "documents").reduce((s, n) => s + n.toCollect, 0),
    annotationHours: round3(needs.reduce((s, n) => s + n.annotationHours, 0)),
    annotationCost: roundMoney(needs.reduce((s, n) => s + n.annotationCost, 0)),
    currency,
  };

  // Cost
  const contingencyShare = book.kb("cost.contingencyShare", EST.cost.contingencyShare, {
    unit: "share of one-off",
    label: { zh: "一次性成本预备金比例", en: "Contingency on one-off costs" },
    group: "cost",
    range: { low: EST.cost.contingencyShare.low!, high: EST.cost.contingencyShare.high! },
  });
  const otherMonthly = book.kb("cost.otherMonthly", EST.cost.otherMonthly, {
    value: byCurrency(ctx, EST.cost.otherMonthly),
    unit: `${currency}/month`,
    label: { zh: "其他月度成本（向量库、日志、监控）", en: "Other monthly costs (vector DB, logging, monitoring)" },
    group: "cost",
  });
  const otherOneOffExtra = book.num("cost.otherOneOff", {
    value: 0,
    source: "default",
    citation: "assumption: no other one-off purchase unless you add one (licences, security audit, hardware)",
    unit: currency,
    label: { zh: "其他一次性成本", en: "Other one-off costs" },
    group: "cost",
  });
  const contingency = contingencyShare * (tt.buildLabour + tt.buildAnnotation + computeOut.fineTuneOneOff) + otherOneOffExtra;
  const line = (id: string, category: CostCategory, label: LocalizedText, oneOff: number, monthly: number): CostLine => ({
    id,
    category,
    label,
    oneOff: roundMoney(oneOff),
    monthly: roundMoney(monthly),
  });
  const lines: CostLine[] = [
    line("build_labour", "labour", { zh: "研发与管理人力", en: "Engineering and management labour" }, tt.buildLabour, tt.runLabour),
    line("data_work", "annotation", { zh: "数据整理与标注人力", en: "Data curation and annotation labour" }, tt.buildAnnotation, tt.runAnnotation),
    line("fine_tune", "compute", { zh: "微调算力（含迭代与重训）", en: "Fine-tuning compute (incl. iterations and retraining)" }, computeOut.fineTuneOneOff, computeOut.retrainMonthly),
    line(
      "inference",
      "inference",
      computeOut.compute.deployment === "api" ? { zh: "API 调用费用", en: "API token cost" } : { zh: "推理 GPU 费用", en: "Serving GPUs" },
      0,
      computeOut.inferenceMonthly,
    ),
    line("other", "other", { zh: "工具、预备金及其他", en: "Tools, contingency and other" }, contingency, otherMonthly),
  ];
  const categories: { category: CostCategory; label: LocalizedText }[] = [
    { category: "labour", label: { zh: "人力", en: "Labour" } },
    { category: "compute", label: { zh: "算力", en: "Compute" } },
    { category: "annotation", label: { zh: "数据标注", en: "Annotation" } },
    { category: "inference", label: { zh: "推理", en: "Inference" } },
    { category: "other", label: { zh: "其他", en: "Other" } },
  ];
  const byCategory = categories.map((c) => ({
    ...c,
    oneOff: roundMoney(lines.filter((l) => l.category === c.category).reduce((s, l) => s + l.oneOff, 0)),
    monthly: roundMoney(lines.filter((l) => l.category === c.category).reduce((s, l) => s + l.monthly, 0)),
  }));
  const oneOffTotal = roundMoney(lines.reduce((s, l) => s + l.oneOff, 0));
  const monthlyTotal = roundMoney(lines.reduce((s, l) => s + l.monthly, 0));
  const cost: Cost = { currency, lines, byCategory, oneOffTotal, monthlyTotal, firstYearTotal: roundMoney(oneOffTotal + 12 * monthlyTotal) };

  const finance = buildFinance(ctx, {
    launchMonth: Math.max(1, Math.ceil(tt.launchWeek / WEEKS_PER_MONTH - 1e-9)),
    launchMonthRange: {
      low: Math.max(1, tt.launchWeekRange.low / WEEKS_PER_MONTH),
      high: Math.max(1, tt.launchWeekRange.high / WEEKS_PER_MONTH),
    },
    oneOffLabour: tt.buildLabour + tt.buildAnnotation,
    oneOffOther: computeOut.fineTuneOneOff + contingency,
    runningLabour: tt.runLabour + tt.runAnnotation,
    runningInference: computeOut.inferenceMonthly,
    runningOther: otherMonthly + computeOut.retrainMonthly,
    users: feedback.inputs.users,
    interactionsPerUserPerDay: feedback.inputs.interactionsPerUserPerDay,
    workingDaysPerMonth: feedback.inputs.workingDaysPerMonth,
    apiTokenCost: computeOut.apiTokenCost,
    deployment: computeOut.compute.deployment,
  }, options.ranges !== false);

  return { team: tt.team, timeline: tt.timeline, feedback, data, compute: computeOut.compute, cost, finance, assumptions: book.list() };
}

// TODO(issue 10, registry step): citations become derivation codes rendered by app/i18n; until then the two notes.
const NOTES: Record<string, [string, string]> = {
  churn_from_renewal: ["流失率 = 1 − 续费率", "churn = 1 − renewal"],
  yearly_to_monthly: ["年率已折算为月率", "yearly rate converted to monthly"],
  hours_per_week: ["已折算为每周小时数（每周 5 个工作日）", "converted to hours per week (5 working days a week)"],
  customer_fee_times_12: ["每客户月费 × 12", "monthly fee per customer × 12"],
  seat_year_div_12: ["每席位年费 ÷ 12", "yearly price per seat ÷ 12"],
  currency_from_language: ["未写币种，按描述语言的币种读取", "no currency written; read in the currency of the description's language"],
};
const noteZh = (note: string) => note.split("; ").map((c) => NOTES[c]?.[0] ?? c).join("；");
const noteEn = (note: string) => note.split("; ").map((c) => NOTES[c]?.[1] ?? c).join("; ");

const NO_RANGES = {
  breakEvenMonth: { p10: null, p50: null, p90: null },
  breakEvenProbability: 0,
  npv: { p10: 0, p50: 0, p90: 0 },
  roi: { p10: 0, p50: 0, p90: 0 },
  cumulative: [],
};

/** Relative spread around a figure the description states: it is the writer's plan, not a measurement. */
export const STATED_SPREAD = 0.1;

/** The range drawn for a stated figure: the span its words allow ("几十元": 10–90) when approximate, else ±10%. */
function statedRange(value: number, max?: number, span?: { low: number; high: number }): { low: number; high: number } {
  const low = round3(Math.min(value, span ? span.low : value * (1 - STATED_SPREAD)));
  const high = round3(Math.max(value, span ? span.high : value * (1 + STATED_SPREAD)));
  return { low, high: max === undefined ? high : Math.min(max, Math.max(value, high)) };
}

/**
 * A business figure the description states (a heuristic or LLM profile fact), in the plan's currency, with the words
 * as its citation. Undefined when the user set it (the book applies `business.*` itself) or nobody stated it.
 */
export function stated(ctx: EstimateContext, key: BusinessFactKey): { value: number; citation: string; range?: { low: number; high: number } } | undefined {
  const fact = ctx.profile[key];
  if (!fact || fact.value === null || fact.source === "user" || fact.source === "default") return undefined;
  const words = fact.evidence?.[0] ?? String(fact.value);
  const zh = ctx.locale === "zh";
  let value = fact.value;
  let range = fact.range;
  let citation = zh ? `描述中的"${words}"` : `the description: "${words}"`;
  if (fact.currency && fact.currency !== ctx.currency) {
    // Never mix currencies: an amount stated in the other currency is converted with the exchange-rate assumption.
    const convert = (x: number) => (fact.currency === "USD" ? x * ctx.fx : x / ctx.fx);
    value = convert(value);
    if (range) range = { low: round3(convert(range.low)), high: round3(convert(range.high)) };
    citation += zh
      ? `（${fact.value} ${fact.currency}，按汇率 ${ctx.fx} 折算为 ${ctx.currency}）`
      : ` (${fact.value} ${fact.currency} converted to ${ctx.currency} at ${ctx.fx} CNY/USD)`;
  }
  if (fact.note) citation += zh ? `；${noteZh(fact.note)}` : `; ${noteEn(fact.note)}`;
  return { value: round3(value), citation, ...(range ? { range } : {}) };
}

/**
 * ToB with a per-seat price but no contract value: a customer's contract is the seat price × 12 × its seats, the seats
 * being the stated staff per customer or the users spread over the target customers.
 */
function contractFromSeatPrice(ctx: EstimateContext, targetCustomers: number, users: number) {
  const b = ctx.input.business ?? {};
  if (b.contractValuePerYear !== undefined || stated(ctx, "contractValuePerYear")) return undefined;
  const price: ReturnType<typeof stated> = b.pricePerUserMonth !== undefined ? { value: b.pricePerUserMonth, citation: "business.pricePerUserMonth" } : stated(ctx, "pricePerUserMonth");
  if (!price) return undefined;
  const staff = b.staffAffected ?? stated(ctx, "staffAffected")?.value;
  // Without a seat count per customer the contract cannot be sized from the seat price: keep the default contract.
  if (staff === undefined && (ctx.profile.users.source === "default" || users <= targetCustomers)) return undefined;
  const seats = Math.max(1, Math.round(staff ?? users / Math.max(1, targetCustomers)));
  const value = price.value * 12 * seats;
  const zh = ctx.locale === "zh";
  const citation = zh
    ? `由${price.citation}推算：每席位月费 × 12 × 每客户 ${seats} 个席位（${staff !== undefined ? "描述中的人数" : "用户数 ÷ 目标客户数"}）`
    : `derived from ${price.citation}: seat price × 12 × ${seats} seats per customer (${staff !== undefined ? "the stated head count" : "users ÷ target customers"})`;
  // An approximate seat price ("几十元") widens the contract's span by as much as its own.
  const low = Math.min(value * 0.6, price.range ? price.range.low * 12 * seats : Infinity);
  const high = Math.max(value * 1.3, price.range ? price.range.high * 12 * seats : 0);
  return { value: round3(value), source: "profile" as const, citation, range: { low: round3(low), high: round3(high) } };
}

/**
 * Nobody stated the hours saved: a person cannot save more time than their uses of the tool, so the knowledge-base
 * default (hours per person per week) is capped by interactions × working days a week × minutes saved per interaction.
 */
function usageBoundHours(ctx: EstimateContext, f: FinanceInputs) {
  const s = EST.finance.internal;
  const m = s.minutesSavedPerInteraction;
  const minutes = ctx.book.kb("finance.minutesSavedPerInteraction", m, {
    unit: "min/interaction",
    label: { zh: "每次交互节省分钟数", en: "Minutes saved per interaction" },
    group: "finance",
    range: { low: m.low ?? m.value, high: m.high ?? m.value },
  });
  const minutesRange = ctx.book.range("finance.minutesSavedPerInteraction");
  const usesPerWeek = (f.interactionsPerUserPerDay * f.workingDaysPerMonth) / WEEKS_PER_MONTH;
  const cap = (perUse: number) => (usesPerWeek * perUse) / 60;
  const kb = s.hoursSavedPerStaffPerWeek;
  const value = round3(Math.min(kb.value, cap(minutes)));
  const low = round3(Math.min(kb.low ?? kb.value, value, cap(minutesRange?.low ?? minutes)));
  const high = round3(Math.min(kb.high ?? kb.value, Math.max(value, cap(minutesRange?.high ?? minutes))));
  const bound = value < kb.value;
  const citation = bound
    ? `derived: ${round3(usesPerWeek)} uses per person per week (usage.interactionsPerUserPerDay × working days ÷ weeks) × ${minutes} min saved per use ÷ 60, below the ${kb.value} h default (${kb.source})`
    : `${kb.source}; within the usage bound of ${round3(cap(minutes))} h (${round3(usesPerWeek)} uses a week × ${minutes} min)`;
  return { value, source: bound ? ("default" as const) : ("kb" as const), citation, range: high > low ? { low, high } : undefined };
}

interface FinanceInputs {
  interactionsPerUserPerDay: number;
  workingDaysPerMonth: number;
  launchMonth: number;
  launchMonthRange: { low: number; high: number };
  oneOffLabour: number;
  oneOffOther: number;
  runningLabour: number;
  runningInference: number;
  runningOther: number;
  users: number;
  apiTokenCost: { input: number; output: number; inPrice: number; outPrice: number; requests: number };
  deployment: "api" | "self_hosted";
}

function buildFinance(ctx: EstimateContext, f: FinanceInputs, withRanges: boolean): Finance {
  const { book, currency, profile, input } = ctx;
  const b = input.business ?? {};
  const F = EST.finance;
  const model = profile.market.value;
  const kbRange = (c: { low?: number; high?: number }, value: number) =>
    c.low !== undefined && c.high !== undefined ? { low: Math.min(c.low, value), high: Math.max(c.high, value) } : undefined;
  // A figure the description states replaces the knowledge-base default, cited by its words, with a narrower range.
  const figure = (key: BusinessFactKey, kbValue: number, kbCitation: string, range: { low: number; high: number } | undefined, max?: number) => {
    const s = stated(ctx, key);
    if (!s) return { value: kbValue, source: "kb" as const, citation: kbCitation, range };
    return { value: s.value, source: "profile" as const, citation: s.citation, range: statedRange(s.value, max, s.range) };
  };
  const discountRate = book.kb("finance.discountRate", F.discountRate, {
    value: byCurrency(ctx, F.discountRate),
    unit: "per year",
    label: { zh: "年折现率", en: "Annual discount rate" },
    group: "finance",
  });

  const params: FinanceParams = {
    model,
    launchMonth: f.launchMonth,
    oneOffLabour: f.oneOffLabour,
    oneOffOther: f.oneOffOther,
    runningLabour: f.runningLabour,
    runningInference: f.runningInference,
    runningOther: f.runningOther,
    annualDiscountRate: discountRate,
    toC: { monthlyReach: 0, conversionRate: 0, pricePerUserMonth: 0, monthlyChurnRate: 0, monthlyGrowthRate: 0 },
    toB: { targetCustomers: 0, contractValuePerYear: 0, salesCycleMonths: 0, implementationCostPerCustomer: 0, newCustomersPerMonth: 0, customerMonthlyChurnRate: 0 },
    internal: { staffAffected: 0, hoursSavedPerStaffPerWeek: 0, loadedHourlyWage: 0, adoptionRate: 0, adoptionRampMonths: 0 },
  };
  const drivers: Driver[] = [];
  const driver = (key: Driver["key"], label: LocalizedText, get: Driver["get"], set: Driver["set"], max?: number) => {
    const range = book.range(key as Parameters<typeof book.range>[0]);
    drivers.push({ key, label, get, set, max, ...(range ? { range } : {}) });
  };

  if (model === "toC") {
    const c = F.toC;
    const conversion = book.num("finance.conversionRate", { ...figure("conversionRate", c.conversionRate.value, c.conversionRate.source, kbRange(c.conversionRate, c.conversionRate.value), 1), unit: "share", label: { zh: "付费转化率", en: "Conversion to paid" }, group: "finance", userValue: b.conversionRate, userField: "business.conversionRate" });
    const churn = book.num("finance.monthlyChurnRate", { ...figure("monthlyChurnRate", c.monthlyChurnRate.value, c.monthlyChurnRate.source, kbRange(c.monthlyChurnRate, c.monthlyChurnRate.value), 1), unit: "per month", label: { zh: "月流失率", en: "Monthly churn" }, group: "finance", userValue: b.monthlyChurnRate, userField: "business.monthlyChurnRate" });
    const kbPrice = byCurrency(ctx, c.pricePerUserMonth);
    const price = book.num("finance.pricePerUserMonth", { ...figure("pricePerUserMonth", kbPrice, c.pricePerUserMonth.source, { low: kbPrice * 0.7, high: kbPrice * 1.2 }), unit: `${currency}/user/month`, label: { zh: "每用户月费", en: "Price per user per month" }, group: "finance", userValue: b.pricePerUserMonth, userField: "business.pricePerUserMonth" });
    // Without a reach figure, the active users are taken as the paying base at steady state: reach·conversion/churn = users.
    // Derived from the knowledge-base churn and conversion, not the scenario's, so that changing churn or conversion
    // moves revenue rather than silently rescaling the reach.
    const reachDefault = (f.users * c.monthlyChurnRate.value) / c.conversionRate.value;
    const reach = book.num("finance.monthlyReach", { value: Math.round(reachDefault), source: "default", citation: `derived: monthly reach such that, at the default conversion (${c.conversionRate.value}) and churn (${c.monthlyChurnRate.value}), the paying base settles at the active users (reach × conversion ÷ churn = users)`, unit: "people/month", label: { zh: "月触达人数", en: "People reached per month" }, group: "finance", range: { low: Math.round(reachDefault * 0.6), high: Math.round(reachDefault * 1.4) }, userValue: b.monthlyReach, userField: "business.monthlyReach" });
    const growth = book.kb("finance.monthlyGrowthRate", c.monthlyGrowthRate, { unit: "per month", label: { zh: "触达月增长率", en: "Monthly growth of reach" }, group: "finance", range: kbRange(c.monthlyGrowthRate, c.monthlyGrowthRate.value), userValue: b.monthlyGrowthRate, userField: "business.monthlyGrowthRate" });
    params.toC = { monthlyReach: reach, conversionRate: conversion, pricePerUserMonth: price, monthlyChurnRate: churn, monthlyGrowthRate: growth };
    driver("finance.pricePerUserMonth", { zh: "每用户月费", en: "Price per user per month" }, (p) => p.toC.pricePerUserMonth, (p, v) => (p.toC.pricePerUserMonth = v));
    driver("finance.conversionRate", { zh: "付费转化率", en: "Conversion to paid" }, (p) => p.toC.conversionRate, (p, v) => (p.toC.conversionRate = v), 1);
    driver("finance.monthlyReach", { zh: "月触达人数", en: "People reached per month" }, (p) => p.toC.monthlyReach, (p, v) => (p.toC.monthlyReach = v));
    driver("finance.monthlyChurnRate", { zh: "月流失率", en: "Monthly churn" }, (p) => p.toC.monthlyChurnRate, (p, v) => (p.toC.monthlyChurnRate = v), 1);
    driver("finance.monthlyGrowthRate", { zh: "触达月增长率", en: "Monthly growth of reach" }, (p) => p.toC.monthlyGrowthRate, (p, v) => (p.toC.monthlyGrowthRate = v), 1);
  } else if (model === "toB") {
    const t = F.toB;
    const target = book.num("finance.targetCustomers", { ...figure("targetCustomers", t.targetCustomers.value, t.targetCustomers.source, { low: t.targetCustomers.value * 0.5, high: t.targetCustomers.value * 1.5 }), unit: "customers", label: { zh: "目标客户数", en: "Target customers" }, group: "finance", userValue: b.targetCustomers, userField: "business.targetCustomers" });
    const kbAcv = byCurrency(ctx, t.contractValuePerYear);
    const acv = book.num("finance.contractValuePerYear", { ...(contractFromSeatPrice(ctx, target, f.users) ?? figure("contractValuePerYear", kbAcv, t.contractValuePerYear.source, { low: kbAcv * 0.6, high: kbAcv * 1.3 })), unit: `${currency}/year`, label: { zh: "客户年合同额", en: "Contract value per year" }, group: "finance", userValue: b.contractValuePerYear, userField: "business.contractValuePerYear" });
    const cycle = book.num("finance.salesCycleMonths", { ...figure("salesCycleMonths", t.salesCycleMonths.value, t.salesCycleMonths.source, kbRange(t.salesCycleMonths, t.salesCycleMonths.value)), unit: "months", label: { zh: "销售周期", en: "Sales cycle" }, group: "finance", userValue: b.salesCycleMonths, userField: "business.salesCycleMonths" });
    const impl = book.kb("finance.implementationCostPerCustomer", t.implementationCostPerCustomer, { value: byCurrency(ctx, t.implementationCostPerCustomer), unit: currency, label: { zh: "单客户实施成本", en: "Implementation cost per customer" }, group: "finance", range: { low: byCurrency(ctx, t.implementationCostPerCustomer) * 0.7, high: byCurrency(ctx, t.implementationCostPerCustomer) * 1.5 }, userValue: b.implementationCostPerCustomer, userField: "business.implementationCostPerCustomer" });
    const fresh = book.kb("finance.newCustomersPerMonth", t.newCustomersPerMonth, { unit: "customers/month", label: { zh: "每月新签客户", en: "New customers per month" }, group: "finance", range: kbRange(t.newCustomersPerMonth, t.newCustomersPerMonth.value), userValue: b.newCustomersPerMonth, userField: "business.newCustomersPerMonth" });
    const churn = book.kb("finance.customerMonthlyChurnRate", t.customerMonthlyChurnRate, { unit: "per month", label: { zh: "客户月流失率", en: "Customer churn per month" }, group: "finance", range: kbRange(t.customerMonthlyChurnRate, t.customerMonthlyChurnRate.value) });
    params.toB = { targetCustomers: target, contractValuePerYear: acv, salesCycleMonths: cycle, implementationCostPerCustomer: impl, newCustomersPerMonth: fresh, customerMonthlyChurnRate: churn };
    driver("finance.contractValuePerYear", { zh: "客户年合同额", en: "Contract value per year" }, (p) => p.toB.contractValuePerYear, (p, v) => (p.toB.contractValuePerYear = v));
    driver("finance.newCustomersPerMonth", { zh: "每月新签客户", en: "New customers per month" }, (p) => p.toB.newCustomersPerMonth, (p, v) => (p.toB.newCustomersPerMonth = v));
    driver("finance.targetCustomers", { zh: "目标客户数", en: "Target customers" }, (p) => p.toB.targetCustomers, (p, v) => (p.toB.targetCustomers = v));
    driver("finance.salesCycleMonths", { zh: "销售周期", en: "Sales cycle" }, (p) => p.toB.salesCycleMonths, (p, v) => (p.toB.salesCycleMonths = v));
    driver("finance.implementationCostPerCustomer", { zh: "单客户实施成本", en: "Implementation cost per customer" }, (p) => p.toB.implementationCostPerCustomer, (p, v) => (p.toB.implementationCostPerCustomer = v));
    driver("finance.customerMonthlyChurnRate", { zh: "客户月流失率", en: "Customer churn per month" }, (p) => p.toB.customerMonthlyChurnRate, (p, v) => (p.toB.customerMonthlyChurnRate = v), 1);
  } else {
    const s = F.internal;
    const staffDefault = { value: f.users, source: "default" as const, citation: "derived: the active users of the tool are the staff whose work it assists", range: { low: f.users * 0.7, high: f.users * 1.2 } };
    const staff = book.num("finance.staffAffected", { ...(stated(ctx, "staffAffected") ? figure("staffAffected", f.users, "", undefined) : staffDefault), unit: "people", label: { zh: "受益员工数", en: "Staff affected" }, group: "finance", userValue: b.staffAffected, userField: "business.staffAffected" });
    const hours = book.num("finance.hoursSavedPerStaffPerWeek", { ...(b.hoursSavedPerStaffPerWeek !== undefined || stated(ctx, "hoursSavedPerStaffPerWeek") ? figure("hoursSavedPerStaffPerWeek", s.hoursSavedPerStaffPerWeek.value, s.hoursSavedPerStaffPerWeek.source, kbRange(s.hoursSavedPerStaffPerWeek, s.hoursSavedPerStaffPerWeek.value)) : usageBoundHours(ctx, f)), unit: "h/person/week", label: { zh: "每人每周节省工时", en: "Hours saved per person per week" }, group: "finance", userValue: b.hoursSavedPerStaffPerWeek, userField: "business.hoursSavedPerStaffPerWeek" });
    const kbWage = byCurrency(ctx, s.loadedHourlyWage);
    const wage = book.num("finance.loadedHourlyWage", { ...figure("loadedHourlyWage", kbWage, s.loadedHourlyWage.source, { low: kbWage * 0.8, high: kbWage * 1.2 }), unit: `${currency}/h`, label: { zh: "员工小时成本（含福利）", en: "Loaded hourly wage" }, group: "finance", userValue: b.loadedHourlyWage, userField: "business.loadedHourlyWage" });
    const adoption = book.num("finance.adoptionRate", { ...figure("adoptionRate", s.adoptionRate.value, s.adoptionRate.source, kbRange(s.adoptionRate, s.adoptionRate.value), 1), unit: "share", label: { zh: "采用率", en: "Adoption rate" }, group: "finance", userValue: b.adoptionRate, userField: "business.adoptionRate" });
    const ramp = book.kb("finance.adoptionRampMonths", s.adoptionRampMonths, { unit: "months", label: { zh: "采用爬坡月数", en: "Adoption ramp" }, group: "finance" });
    params.internal = { staffAffected: staff, hoursSavedPerStaffPerWeek: hours, loadedHourlyWage: wage, adoptionRate: adoption, adoptionRampMonths: ramp };
    driver("finance.hoursSavedPerStaffPerWeek", { zh: "每人每周节省工时", en: "Hours saved per person per week" }, (p) => p.internal.hoursSavedPerStaffPerWeek, (p, v) => (p.internal.hoursSavedPerStaffPerWeek = v));
    driver("finance.loadedHourlyWage", { zh: "员工小时成本", en: "Loaded hourly wage" }, (p) => p.internal.loadedHourlyWage, (p, v) => (p.internal.loadedHourlyWage = v));
    driver("finance.adoptionRate", { zh: "采用率", en: "Adoption rate" }, (p) => p.internal.adoptionRate, (p, v) => (p.internal.adoptionRate = v), 1);
    driver("finance.staffAffected", { zh: "受益员工数", en: "Staff affected" }, (p) => p.internal.staffAffected, (p, v) => (p.internal.staffAffected = v));
  }

  // Cost-side drivers: labour rates (one shared factor over the role-rate ranges), inference and compute prices.
  const rateRange = book.range("team.rate.pm");
  const baseLabour = { oneOff: params.oneOffLabour, running: params.runningLabour };
  const labourFactor: Driver = {
    key: "team.rates",
    label: { zh: "人力成本", en: "Labour cost" },
    get: (p) => (baseLabour.oneOff > 0 ? p.oneOffLabour / baseLabour.oneOff : 1),
    set: (p, v) => {
      p.oneOffLabour = baseLabour.oneOff * v;
      p.runningLabour = baseLabour.running * v;
    },
    ...(rateRange ? { range: { low: rateRange.low / rateRange.mode, mode: 1, high: rateRange.high / rateRange.mode } } : {}),
  };
  drivers.push(labourFactor);
  const baseInference = params.runningInference;
  const tokenRange = (() => {
    const ri = book.range("compute.inputTokensPerRequest");
    const ro = book.range("compute.outputTokensPerRequest");
    const t = f.apiTokenCost;
    const unit = t.input * t.inPrice + t.output * t.outPrice;
    if (f.deployment !== "api" || !ri || !ro || unit <= 0) {
      const g = book.range("compute.gpuPricePerHourUsd");
      return g ? { low: g.low / g.mode, mode: 1, high: g.high / g.mode } : undefined;
    }
    return { low: (ri.low * t.inPrice + ro.low * t.outPrice) / unit, mode: 1, high: (ri.high * t.inPrice + ro.high * t.outPrice) / unit };
  })();
  drivers.push({
    key: "cost.inference",
    label: { zh: "推理成本", en: "Inference cost" },
    get: (p) => (baseInference > 0 ? p.runningInference / baseInference : 1),
    set: (p, v) => (p.runningInference = baseInference * v),
    ...(tokenRange && baseInference > 0 ? { range: tokenRange } : {}),
  });
  const baseOther = params.oneOffOther;
  const mfuRange = book.range("compute.fineTuneMfu");
  drivers.push({
    key: "cost.oneOffOther",
    label: { zh: "算力与其他一次性成本", en: "Compute and other one-off costs" },
    get: (p) => (baseOther > 0 ? p.oneOffOther / baseOther : 1),
    set: (p, v) => (p.oneOffOther = baseOther * v),
    ...(mfuRange && baseOther > 0 && ctx.fineTune ? { range: { low: 0.8, mode: 1, high: mfuRange.mode / mfuRange.low > 1.5 ? 1.5 : mfuRange.mode / mfuRange.low } } : {}),
  });

  // Schedule risk: a later launch delays every benefit (the build budget is unchanged; labour is its own driver).
  const lr = f.launchMonthRange;
  drivers.push({
    key: "timeline.launchMonth",
    label: { zh: "上线时间", en: "Launch month" },
    get: (p) => p.launchMonth,
    set: (p, v) => (p.launchMonth = Math.max(1, v)),
    ...(lr.high > lr.low ? { range: { low: Math.min(lr.low, params.launchMonth), mode: params.launchMonth, high: Math.max(lr.high, params.launchMonth) } } : {}),
  });

  const rows: FinanceMonth[] = [];
  const base = project(params, rows);
  // Sensitivity on the money drivers (as ±20% of their base); ratios of cost factors are shown as 1 ± 0.2.
  const sens = withRanges ? sensitivity(params, drivers.filter((d) => d.get(params) > 0)) : [];
  const seed = Math.round(book.num("finance.monteCarloSeed", { value: DEFAULT_MC_SEED, source: "default", citation: "fixed seed so the same input gives the same ranges", unit: "seed", label: { zh: "蒙特卡洛随机种子", en: "Monte Carlo seed" }, group: "finance" }));
  const runs = Math.round(book.num("finance.monteCarloRuns", { value: DEFAULT_MC_RUNS, source: "default", citation: "enough runs for stable P10/P50/P90 within the 10 ms plan budget", unit: "runs", label: { zh: "蒙特卡洛次数", en: "Monte Carlo runs" }, group: "finance" }));
  const mc = withRanges ? monteCarlo(params, drivers, seed, runs) : NO_RANGES;
  const last = rows[rows.length - 1];
  return {
    currency,
    model,
    horizonMonths: HORIZON_MONTHS,
    months: rows,
    breakEvenMonth: base.breakEvenMonth,
    costToBreakEven: base.costToBreakEven === null ? null : roundMoney(base.costToBreakEven),
    totalRevenue: roundMoney(base.totalBenefit),
    totalCost: roundMoney(base.totalCost),
    roi: round3(base.roi),
    npv: roundMoney(base.npv),
    discountRate,
    launchMonth: params.launchMonth,
    monthlyBenefitAtHorizon: last ? roundMoney(last.revenue + last.savings) : 0,
    sensitivity: sens,
    ranges: {
      breakEvenMonth: mc.breakEvenMonth,
      breakEvenProbability: mc.breakEvenProbability,
      npv: mc.npv,
      roi: mc.roi,
      cumulative: mc.cumulative,
    },
    monteCarlo: { seed, runs, distribution: "triangular" },
    exchangeRateCnyPerUsd: ctx.fx,
  };
}
