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

export function estimatePlan({ input, profile, assessment, currency }: EstimateInput): Estimates {
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
  const rounds = ctx.fineTune ? Math.round(book.num("timeline.iterationRounds", {
    value: EST.timeline.iterationRounds.value,
    source: "kb",
    citation: EST.timeline.iterationRounds.source,
    unit: "rounds",
    label: { zh: "SFT/RM 迭代轮数", en: "SFT / RM iteration rounds" },
    group: "timeline",
    range: { low: EST.timeline.iterationRounds.low!, high: EST.timeline.iterationRounds.high! },
  })) : 0;
  const computeOut = planCompute(ctx, volumes, 1 + rounds);
  const tt = teamAndTimeline(ctx, volumes, computeOut.compute.fineTune?.wallHours ?? 0);
  const feedback = feedbackPlan(ctx, volumes, tt.labelledBeforeLaunch);
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
  const contingencyShare = book.num("cost.contingencyShare", {
    value: EST.cost.contingencyShare.value,
    source: "kb",
    citation: EST.cost.contingencyShare.source,
    unit: "share of one-off",
    label: { zh: "一次性成本预备金比例", en: "Contingency on one-off costs" },
    group: "cost",
    range: { low: EST.cost.contingencyShare.low!, high: EST.cost.contingencyShare.high! },
  });
  const otherMonthly = book.num("cost.otherMonthly", {
    value: byCurrency(ctx, EST.cost.otherMonthly),
    source: "kb",
    citation: EST.cost.otherMonthly.source,
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
    apiTokenCost: computeOut.apiTokenCost,
    deployment: computeOut.compute.deployment,
  });

  return { team: tt.team, timeline: tt.timeline, feedback, data, compute: computeOut.compute, cost, finance, assumptions: book.list() };
}

interface FinanceInputs {
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

function buildFinance(ctx: EstimateContext, f: FinanceInputs): Finance {
  const { book, currency, profile, input } = ctx;
  const b = input.business ?? {};
  const F = EST.finance;
  const model = profile.market.value;
  const kbRange = (c: { low?: number; high?: number }, value: number) =>
    c.low !== undefined && c.high !== undefined ? { low: Math.min(c.low, value), high: Math.max(c.high, value) } : undefined;
  const discountRate = book.num("finance.discountRate", {
    value: byCurrency(ctx, F.discountRate),
    source: "kb",
    citation: F.discountRate.source,
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
    const conversion = book.num("finance.conversionRate", { value: c.conversionRate.value, source: "kb", citation: c.conversionRate.source, unit: "share", label: { zh: "付费转化率", en: "Conversion to paid" }, group: "finance", range: kbRange(c.conversionRate, c.conversionRate.value), userValue: b.conversionRate, userField: "business.conversionRate" });
    const churn = book.num("finance.monthlyChurnRate", { value: c.monthlyChurnRate.value, source: "kb", citation: c.monthlyChurnRate.source, unit: "per month", label: { zh: "月流失率", en: "Monthly churn" }, group: "finance", range: kbRange(c.monthlyChurnRate, c.monthlyChurnRate.value), userValue: b.monthlyChurnRate, userField: "business.monthlyChurnRate" });
    const price = book.num("finance.pricePerUserMonth", { value: byCurrency(ctx, c.pricePerUserMonth), source: "kb", citation: c.pricePerUserMonth.source, unit: `${currency}/user/month`, label: { zh: "每用户月费", en: "Price per user per month" }, group: "finance", range: { low: byCurrency(ctx, c.pricePerUserMonth) * 0.7, high: byCurrency(ctx, c.pricePerUserMonth) * 1.2 }, userValue: b.pricePerUserMonth, userField: "business.pricePerUserMonth" });
    // Without a reach figure, the active users are taken as the paying base at steady state: reach·conversion/churn = users.
    // Derived from the knowledge-base churn and conversion, not the scenario's, so that changing churn or conversion
    // moves revenue rather than silently rescaling the reach.
    const reachDefault = (f.users * c.monthlyChurnRate.value) / c.conversionRate.value;
    const reach = book.num("finance.monthlyReach", { value: Math.round(reachDefault), source: "default", citation: `derived: monthly reach such that, at the default conversion (${c.conversionRate.value}) and churn (${c.monthlyChurnRate.value}), the paying base settles at the active users (reach × conversion ÷ churn = users)`, unit: "people/month", label: { zh: "月触达人数", en: "People reached per month" }, group: "finance", range: { low: Math.round(reachDefault * 0.6), high: Math.round(reachDefault * 1.4) }, userValue: b.monthlyReach, userField: "business.monthlyReach" });
    const growth = book.num("finance.monthlyGrowthRate", { value: c.monthlyGrowthRate.value, source: "kb", citation: c.monthlyGrowthRate.source, unit: "per month", label: { zh: "触达月增长率", en: "Monthly growth of reach" }, group: "finance", range: kbRange(c.monthlyGrowthRate, c.monthlyGrowthRate.value), userValue: b.monthlyGrowthRate, userField: "business.monthlyGrowthRate" });
    params.toC = { monthlyReach: reach, conversionRate: conversion, pricePerUserMonth: price, monthlyChurnRate: churn, monthlyGrowthRate: growth };
    driver("finance.pricePerUserMonth", { zh: "每用户月费", en: "Price per user per month" }, (p) => p.toC.pricePerUserMonth, (p, v) => (p.toC.pricePerUserMonth = v));
    driver("finance.conversionRate", { zh: "付费转化率", en: "Conversion to paid" }, (p) => p.toC.conversionRate, (p, v) => (p.toC.conversionRate = v), 1);
    driver("finance.monthlyReach", { zh: "月触达人数", en: "People reached per month" }, (p) => p.toC.monthlyReach, (p, v) => (p.toC.monthlyReach = v));
    driver("finance.monthlyChurnRate", { zh: "月流失率", en: "Monthly churn" }, (p) => p.toC.monthlyChurnRate, (p, v) => (p.toC.monthlyChurnRate = v), 1);
    driver("finance.monthlyGrowthRate", { zh: "触达月增长率", en: "Monthly growth of reach" }, (p) => p.toC.monthlyGrowthRate, (p, v) => (p.toC.monthlyGrowthRate = v), 1);
  } else if (model === "toB") {
    const t = F.toB;
    const target = book.num("finance.targetCustomers", { value: t.targetCustomers.value, source: "kb", citation: t.targetCustomers.source, unit: "customers", label: { zh: "目标客户数", en: "Target customers" }, group: "finance", range: { low: t.targetCustomers.value * 0.5, high: t.targetCustomers.value * 1.5 }, userValue: b.targetCustomers, userField: "business.targetCustomers" });
    const acv = book.num("finance.contractValuePerYear", { value: byCurrency(ctx, t.contractValuePerYear), source: "kb", citation: t.contractValuePerYear.source, unit: `${currency}/year`, label: { zh: "客户年合同额", en: "Contract value per year" }, group: "finance", range: { low: byCurrency(ctx, t.contractValuePerYear) * 0.6, high: byCurrency(ctx, t.contractValuePerYear) * 1.3 }, userValue: b.contractValuePerYear, userField: "business.contractValuePerYear" });
    const cycle = book.num("finance.salesCycleMonths", { value: t.salesCycleMonths.value, source: "kb", citation: t.salesCycleMonths.source, unit: "months", label: { zh: "销售周期", en: "Sales cycle" }, group: "finance", range: kbRange(t.salesCycleMonths, t.salesCycleMonths.value), userValue: b.salesCycleMonths, userField: "business.salesCycleMonths" });
    const impl = book.num("finance.implementationCostPerCustomer", { value: byCurrency(ctx, t.implementationCostPerCustomer), source: "kb", citation: t.implementationCostPerCustomer.source, unit: currency, label: { zh: "单客户实施成本", en: "Implementation cost per customer" }, group: "finance", range: { low: byCurrency(ctx, t.implementationCostPerCustomer) * 0.7, high: byCurrency(ctx, t.implementationCostPerCustomer) * 1.5 }, userValue: b.implementationCostPerCustomer, userField: "business.implementationCostPerCustomer" });
    const fresh = book.num("finance.newCustomersPerMonth", { value: t.newCustomersPerMonth.value, source: "kb", citation: t.newCustomersPerMonth.source, unit: "customers/month", label: { zh: "每月新签客户", en: "New customers per month" }, group: "finance", range: kbRange(t.newCustomersPerMonth, t.newCustomersPerMonth.value), userValue: b.newCustomersPerMonth, userField: "business.newCustomersPerMonth" });
    const churn = book.num("finance.customerMonthlyChurnRate", { value: t.customerMonthlyChurnRate.value, source: "kb", citation: t.customerMonthlyChurnRate.source, unit: "per month", label: { zh: "客户月流失率", en: "Customer churn per month" }, group: "finance", range: kbRange(t.customerMonthlyChurnRate, t.customerMonthlyChurnRate.value) });
    params.toB = { targetCustomers: target, contractValuePerYear: acv, salesCycleMonths: cycle, implementationCostPerCustomer: impl, newCustomersPerMonth: fresh, customerMonthlyChurnRate: churn };
    driver("finance.contractValuePerYear", { zh: "客户年合同额", en: "Contract value per year" }, (p) => p.toB.contractValuePerYear, (p, v) => (p.toB.contractValuePerYear = v));
    driver("finance.newCustomersPerMonth", { zh: "每月新签客户", en: "New customers per month" }, (p) => p.toB.newCustomersPerMonth, (p, v) => (p.toB.newCustomersPerMonth = v));
    driver("finance.targetCustomers", { zh: "目标客户数", en: "Target customers" }, (p) => p.toB.targetCustomers, (p, v) => (p.toB.targetCustomers = v));
    driver("finance.salesCycleMonths", { zh: "销售周期", en: "Sales cycle" }, (p) => p.toB.salesCycleMonths, (p, v) => (p.toB.salesCycleMonths = v));
    driver("finance.implementationCostPerCustomer", { zh: "单客户实施成本", en: "Implementation cost per customer" }, (p) => p.toB.implementationCostPerCustomer, (p, v) => (p.toB.implementationCostPerCustomer = v));
    driver("finance.customerMonthlyChurnRate", { zh: "客户月流失率", en: "Customer churn per month" }, (p) => p.toB.customerMonthlyChurnRate, (p, v) => (p.toB.customerMonthlyChurnRate = v), 1);
  } else {
    const s = F.internal;
    const staff = book.num("finance.staffAffected", { value: f.users, source: "default", citation: "derived: the active users of the tool are the staff whose work it assists", unit: "people", label: { zh: "受益员工数", en: "Staff affected" }, group: "finance", range: { low: f.users * 0.7, high: f.users * 1.2 }, userValue: b.staffAffected, userField: "business.staffAffected" });
    const hours = book.num("finance.hoursSavedPerStaffPerWeek", { value: s.hoursSavedPerStaffPerWeek.value, source: "kb", citation: s.hoursSavedPerStaffPerWeek.source, unit: "h/person/week", label: { zh: "每人每周节省工时", en: "Hours saved per person per week" }, group: "finance", range: kbRange(s.hoursSavedPerStaffPerWeek, s.hoursSavedPerStaffPerWeek.value), userValue: b.hoursSavedPerStaffPerWeek, userField: "business.hoursSavedPerStaffPerWeek" });
    const wage = book.num("finance.loadedHourlyWage", { value: byCurrency(ctx, s.loadedHourlyWage), source: "kb", citation: s.loadedHourlyWage.source, unit: `${currency}/h`, label: { zh: "员工小时成本（含福利）", en: "Loaded hourly wage" }, group: "finance", range: { low: byCurrency(ctx, s.loadedHourlyWage) * 0.8, high: byCurrency(ctx, s.loadedHourlyWage) * 1.2 }, userValue: b.loadedHourlyWage, userField: "business.loadedHourlyWage" });
    const adoption = book.num("finance.adoptionRate", { value: s.adoptionRate.value, source: "kb", citation: s.adoptionRate.source, unit: "share", label: { zh: "采用率", en: "Adoption rate" }, group: "finance", range: kbRange(s.adoptionRate, s.adoptionRate.value), userValue: b.adoptionRate, userField: "business.adoptionRate" });
    const ramp = book.num("finance.adoptionRampMonths", { value: s.adoptionRampMonths.value, source: "kb", citation: s.adoptionRampMonths.source, unit: "months", label: { zh: "采用爬坡月数", en: "Adoption ramp" }, group: "finance" });
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
  const sens = sensitivity(params, drivers.filter((d) => d.get(params) > 0));
  const seed = Math.round(book.num("finance.monteCarloSeed", { value: DEFAULT_MC_SEED, source: "default", citation: "fixed seed so the same input gives the same ranges", unit: "seed", label: { zh: "蒙特卡洛随机种子", en: "Monte Carlo seed" }, group: "finance" }));
  const runs = Math.round(book.num("finance.monteCarloRuns", { value: DEFAULT_MC_RUNS, source: "default", citation: "enough runs for stable P10/P50/P90 within the 10 ms plan budget", unit: "runs", label: { zh: "蒙特卡洛次数", en: "Monte Carlo runs" }, group: "finance" }));
  const mc = monteCarlo(params, drivers, seed, runs);
  const last = rows[rows.length - 1];
  return {
    currency,
    model,
    horizonMonths: HORIZON_MONTHS,
    months: rows,
    breakEvenMonth: base.breakEvenMonth,
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
