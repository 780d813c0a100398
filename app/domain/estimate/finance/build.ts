// The business case: the revenue model's inputs (models.ts) on top of the costs every model shares, the monthly
// projection, unit economics, the sensitivity of each driver and the seeded Monte Carlo ranges.
import { derived, kb } from "~/domain/estimate/assumptions/book";
import type { EstimateContext } from "~/domain/estimate/context";
import { monteCarlo, sensitivity, type Driver, type MonteCarloResult } from "~/domain/estimate/finance/analysis";
import { setupModel, type Commercial } from "~/domain/estimate/finance/models";
import { HORIZON_MONTHS, type FinanceParams } from "~/domain/estimate/finance/params";
import { project } from "~/domain/estimate/finance/project";
import { unitEconomics } from "~/domain/estimate/finance/unit-economics";
import { EST } from "~/domain/estimate/kb";
import { roundMoney, round3 } from "~/domain/estimate/money";
import type { Finance, FinanceMonth } from "~/domain/estimate/types";
import { byCurrency, WEEKS_PER_MONTH } from "~/domain/estimate/units";
import type { Load } from "~/domain/estimate/workload/load";

export const DEFAULT_MC_SEED = 20240126;
export const DEFAULT_MC_RUNS = 400;

export interface FinanceInputs {
  load: Load;
  launchWeek: number;
  launchWeekRange: { low: number; high: number };
  oneOffLabour: number;
  oneOffOther: number;
  runningLabour: number;
  /** Running costs that do not follow use (GPUs kept on, tools, retraining). */
  runningFixed: number;
  /** Costs that follow use at full use (API tokens, services), per month. */
  variableMonthly: number;
  reviewShare: number;
  apiTokenCost: { input: number; output: number; inPrice: number; outPrice: number; requests: number };
  deployment: "api" | "self_hosted";
}

export interface FinanceOutcome {
  finance: Finance;
  commercial?: Commercial;
  /** Customers (seats, contract) at the horizon, for the customer-success headcount. */
  customersAtHorizon: number;
}

const NO_RANGES: MonteCarloResult = {
  breakEvenMonth: { p10: null, p50: null, p90: null },
  breakEvenProbability: 0,
  npv: { p10: 0, p50: 0, p90: 0 },
  roi: { p10: 0, p50: 0, p90: 0 },
  cumulative: [],
};

function emptyParams(ctx: EstimateContext, f: FinanceInputs, discountRate: number, variablePerActiveUser: number): FinanceParams {
  return {
    // Profiles built before the revenue model existed (fixtures, older saved plans) take the market's usual model.
    revenueModel: ctx.profile.revenueModel?.value ?? ({ toC: "subscription", toB: "contract", internal: "savings" } as const)[ctx.market],
    launchMonth: Math.max(1, Math.ceil(f.launchWeek / WEEKS_PER_MONTH - 1e-9)),
    oneOffLabour: f.oneOffLabour,
    oneOffOther: f.oneOffOther,
    runningLabour: f.runningLabour,
    runningFixed: f.runningFixed,
    variablePerActiveUser,
    fullUsers: f.load.users,
    annualDiscountRate: discountRate,
    channelFeeShare: 0,
    acquisitionCost: 0,
    subscription: {
      monthlyReach: 0,
      monthlyGrowthRate: 0,
      conversionRate: 0,
      monthlyChurnRate: 0,
      pricePerUserMonth: 0,
      marketSize: Number.POSITIVE_INFINITY,
      payingCap: Number.POSITIVE_INFINITY,
    },
    accounts: {
      perSeat: false,
      newCustomersPerMonth: 0,
      salesCycleMonths: 0,
      targetCustomers: 0,
      customerMonthlyChurnRate: 0,
      pricePerMonth: 0,
      seatsPerCustomer: 1,
      seatRampMonths: 0,
      seatStartShare: 1,
      implementationCostPerCustomer: 0,
      successCostPerCustomer: 0,
    },
    usage: { users: f.load.users, usesPerUserMonth: 0, pricePerUse: 0, rampMonths: 6 },
    savings: {
      staff: 0,
      adoptionRate: 0,
      rampMonths: 0,
      netHoursPerWeek: 0,
      loadedHourlyWage: 0,
      recaptureShare: 0,
      contactsPerMonth: 0,
      deflectionRate: 0,
      costPerContact: 0,
    },
  };
}

/** Labour rates (one factor over the role-rate ranges), inference (token or GPU price ranges), the one-off, the launch. */
function costDrivers(ctx: EstimateContext, p: FinanceParams, f: FinanceInputs): Driver[] {
  const { book } = ctx;
  const out: Driver[] = [];
  const rateRange = book.range("team.rate.pm");
  const baseLabour = { oneOff: p.oneOffLabour, running: p.runningLabour };
  out.push({
    key: "team.rates",
    get: (q) => (baseLabour.oneOff > 0 ? q.oneOffLabour / baseLabour.oneOff : 1),
    set: (q, v) => {
      q.oneOffLabour = baseLabour.oneOff * v;
      q.runningLabour = baseLabour.running * v;
    },
    ...(rateRange ? { range: { low: rateRange.low / rateRange.mode, mode: 1, high: rateRange.high / rateRange.mode } } : {}),
  });
  const baseVariable = p.variablePerActiveUser;
  const baseFixed = p.runningFixed;
  const ri = book.range("compute.inputTokensPerRequest");
  const ro = book.range("compute.outputTokensPerRequest");
  const t = f.apiTokenCost;
  const unit = t.input * t.inPrice + t.output * t.outPrice;
  const gpu = book.range("compute.servingGpuPricePerHourUsd");
  const range =
    f.deployment === "api" && ri && ro && unit > 0
      ? { low: (ri.low * t.inPrice + ro.low * t.outPrice) / unit, mode: 1, high: (ri.high * t.inPrice + ro.high * t.outPrice) / unit }
      : gpu
        ? { low: gpu.low / gpu.mode, mode: 1, high: gpu.high / gpu.mode }
        : undefined;
  out.push({
    key: "cost.inference",
    get: (q) => (baseVariable > 0 ? q.variablePerActiveUser / baseVariable : baseFixed > 0 ? q.runningFixed / baseFixed : 1),
    set: (q, v) => {
      q.variablePerActiveUser = baseVariable * v;
      if (f.deployment !== "api") q.runningFixed = baseFixed * v;
    },
    ...(range && (baseVariable > 0 || baseFixed > 0) ? { range } : {}),
  });
  const baseOther = p.oneOffOther;
  const mfu = book.range("compute.fineTuneMfu");
  out.push({
    key: "cost.oneOffOther",
    get: (q) => (baseOther > 0 ? q.oneOffOther / baseOther : 1),
    set: (q, v) => (q.oneOffOther = baseOther * v),
    ...(mfu && baseOther > 0 && ctx.fineTune ? { range: { low: 0.8, mode: 1, high: Math.min(1.5, mfu.mode / mfu.low) } } : {}),
  });
  // Schedule risk: a later launch delays every benefit (the build budget is unchanged; labour is its own driver).
  const lr = { low: Math.max(1, f.launchWeekRange.low / WEEKS_PER_MONTH), high: Math.max(1, f.launchWeekRange.high / WEEKS_PER_MONTH) };
  out.push({
    key: "timeline.launchMonth",
    get: (q) => q.launchMonth,
    set: (q, v) => (q.launchMonth = Math.max(1, v)),
    ...(lr.high > lr.low
      ? { range: { low: Math.min(lr.low, p.launchMonth), mode: p.launchMonth, high: Math.max(lr.high, p.launchMonth) } }
      : {}),
  });
  return out;
}

export function buildFinance(ctx: EstimateContext, f: FinanceInputs, withRanges: boolean): FinanceOutcome {
  const { book } = ctx;
  const F = EST.finance;
  const discountRate = book.get("finance.discountRate", {
    value: byCurrency(ctx, F.discountRate),
    source: "kb",
    citation: F.discountRate.source,
  });
  const perUser = f.load.users > 0 ? f.variableMonthly / f.load.users : 0;
  const p = emptyParams(ctx, f, discountRate, perUser);
  if (p.revenueModel === "subscription") {
    // Support contacts follow the paying users of a self-serve product.
    p.variablePerActiveUser += book.get("finance.supportPerActiveUser", {
      value: byCurrency(ctx, F.subscription.supportPerActiveUser),
      source: "kb",
      citation: F.subscription.supportPerActiveUser.source,
    });
  }
  const perUse = f.load.monthlyRequests > 0 ? f.variableMonthly / f.load.monthlyRequests : 0;
  const setup = setupModel(ctx, p, f.load, { variablePerUse: perUse, reviewShare: f.reviewShare });
  const drivers = [...setup.drivers, ...costDrivers(ctx, p, f)];
  const rows: FinanceMonth[] = [];
  const base = project(p, rows);
  const sens = withRanges
    ? sensitivity(
        p,
        drivers.filter((d) => d.get(p) > 0),
      )
    : [];
  const seed = Math.round(book.get("finance.monteCarloSeed", derived(DEFAULT_MC_SEED, "finance.fixed_seed")));
  const runs = Math.round(book.get("finance.monteCarloRuns", derived(DEFAULT_MC_RUNS, "finance.mc_runs")));
  const mc = withRanges ? monteCarlo(p, drivers, seed, runs) : NO_RANGES;
  const last = rows[rows.length - 1];
  void kb;
  return {
    finance: {
      currency: ctx.currency,
      model: ctx.market,
      revenueModel: p.revenueModel,
      ...(setup.valueStatement ? { valueStatement: setup.valueStatement } : {}),
      horizonMonths: HORIZON_MONTHS,
      months: rows,
      breakEvenMonth: base.breakEvenMonth,
      costToBreakEven: base.costToBreakEven === null ? null : roundMoney(base.costToBreakEven),
      totalRevenue: roundMoney(p.revenueModel === "savings" || p.revenueModel === "none" ? 0 : base.totalBenefit),
      totalSavings: roundMoney(p.revenueModel === "savings" ? base.totalBenefit : 0),
      totalCost: roundMoney(base.totalCost),
      roi: round3(base.roi),
      npv: roundMoney(base.npv),
      discountRate,
      launchMonth: p.launchMonth,
      monthlyBenefitAtHorizon: last ? roundMoney(last.revenue + last.savings) : 0,
      unitEconomics: unitEconomics(p, base),
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
    },
    ...(setup.commercial ? { commercial: setup.commercial } : {}),
    customersAtHorizon: p.revenueModel === "seats" || p.revenueModel === "contract" ? base.last.units : 0,
  };
}
