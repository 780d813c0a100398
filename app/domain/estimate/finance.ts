// The 36-month business case: ToC (reach, conversion, price, churn, growth), ToB (customers, contract value, sales
// cycle, implementation cost) or internal savings (hours saved × loaded wage × adoption). Pure and allocation-light:
// the Monte Carlo calls `project` hundreds of times per plan.
import { roundMoney, round3 } from "~/domain/estimate/money";
import { mulberry32, percentilesInPlace, triangular } from "~/domain/estimate/random";
import type { AssumptionRange, Band, FinanceModel, FinanceMonth, NullableBand, SensitivityRow } from "~/domain/estimate/types";
import type { LocalizedText } from "~/domain/text";

export const HORIZON_MONTHS = 36;
export const WEEKS_PER_MONTH = 52.143 / 12;

export interface FinanceParams {
  model: FinanceModel;
  /** Month in which the first version goes live; benefits start the month after. */
  launchMonth: number;
  /** One-off build costs, spread evenly over months 1..launchMonth. */
  oneOffLabour: number;
  oneOffOther: number;
  /** Running costs from the month after launch. */
  runningLabour: number;
  runningInference: number;
  runningOther: number;
  annualDiscountRate: number;
  toC: { monthlyReach: number; conversionRate: number; pricePerUserMonth: number; monthlyChurnRate: number; monthlyGrowthRate: number };
  toB: {
    targetCustomers: number;
    contractValuePerYear: number;
    salesCycleMonths: number;
    implementationCostPerCustomer: number;
    newCustomersPerMonth: number;
    customerMonthlyChurnRate: number;
  };
  internal: { staffAffected: number; hoursSavedPerStaffPerWeek: number; loadedHourlyWage: number; adoptionRate: number; adoptionRampMonths: number };
}

export interface Projection {
  net: Float64Array;
  cumulative: Float64Array;
  breakEvenMonth: number | null;
  npv: number;
  roi: number;
  totalBenefit: number;
  totalCost: number;
  /** Everything spent up to and including the break-even month (null when it never breaks even). */
  costToBreakEven: number | null;
}

/**
 * Fast path (no row objects): what the Monte Carlo and the sensitivity table need. `buffers` lets the Monte Carlo
 * reuse one pair of arrays over its runs (every month is overwritten) instead of allocating two per run.
 */
export function project(p: FinanceParams, rows?: FinanceMonth[], buffers?: { net: Float64Array; cumulative: Float64Array }): Projection {
  const n = HORIZON_MONTHS;
  const net = buffers?.net ?? new Float64Array(n);
  const cumulative = buffers?.cumulative ?? new Float64Array(n);
  const launch = Math.max(0, Math.min(n, Math.round(p.launchMonth)));
  const buildMonthly = launch > 0 ? (p.oneOffLabour + p.oneOffOther) / launch : 0;
  const running = p.runningLabour + p.runningInference + p.runningOther;
  const monthlyFactor = Math.pow(1 + p.annualDiscountRate, 1 / 12);
  let discount = 1;
  let growth = 1;
  let units = 0;
  let signed = 0;
  let pendingSignings = 0;
  let cum = 0;
  let npv = 0;
  let totalBenefit = 0;
  let totalCost = 0;
  let breakEven: number | null = null;
  let costToBreakEven: number | null = null;
  // If the build takes the whole horizon, the one-off still counts in full.
  const unspentBuild = launch === 0 ? p.oneOffLabour + p.oneOffOther : 0;
  for (let i = 0; i < n; i++) {
    const month = i + 1;
    let benefit = 0;
    let cost = month <= launch ? buildMonthly : running;
    if (month === 1) cost += unspentBuild;
    const live = month - launch; // months since launch (≥ 1 once live)
    if (live >= 1) {
      if (p.model === "toC") {
        const c = p.toC;
        const reach = c.monthlyReach * growth;
        growth *= 1 + c.monthlyGrowthRate;
        units = units * (1 - c.monthlyChurnRate) + reach * c.conversionRate;
        benefit = units * c.pricePerUserMonth;
      } else if (p.model === "toB") {
        const b = p.toB;
        let fresh = 0;
        if (live > b.salesCycleMonths) {
          pendingSignings += b.newCustomersPerMonth;
          fresh = Math.min(Math.floor(pendingSignings + 1e-9), Math.max(0, b.targetCustomers - signed));
          pendingSignings -= Math.floor(pendingSignings + 1e-9);
          signed += fresh;
        }
        units = units * (1 - b.customerMonthlyChurnRate) + fresh;
        benefit = (units * b.contractValuePerYear) / 12;
        cost += fresh * b.implementationCostPerCustomer;
      } else {
        const s = p.internal;
        const ramp = s.adoptionRampMonths > 0 ? Math.min(1, live / s.adoptionRampMonths) : 1;
        units = s.staffAffected * s.adoptionRate * ramp;
        benefit = units * s.hoursSavedPerStaffPerWeek * WEEKS_PER_MONTH * s.loadedHourlyWage;
      }
    }
    const value = benefit - cost;
    net[i] = value;
    cum += value;
    cumulative[i] = cum;
    discount /= monthlyFactor;
    npv += value * discount;
    totalBenefit += benefit;
    totalCost += cost;
    if (breakEven === null && live >= 1 && cum >= 0) {
      breakEven = month;
      costToBreakEven = totalCost;
    }
    if (rows) {
      rows.push({
        month,
        revenue: p.model === "internal" ? 0 : roundMoney(benefit),
        savings: p.model === "internal" ? roundMoney(benefit) : 0,
        costs: roundMoney(cost),
        net: roundMoney(value),
        cumulative: roundMoney(cum),
        activeUnits: round3(units),
      });
    }
  }
  return { net, cumulative, breakEvenMonth: breakEven, npv, roi: totalCost > 0 ? (totalBenefit - totalCost) / totalCost : 0, totalBenefit, totalCost, costToBreakEven };
}

/** A driver of the business case: how to read it from and write it into the parameters. */
export interface Driver {
  key: string;
  label: LocalizedText;
  get: (p: FinanceParams) => number;
  set: (p: FinanceParams, v: number) => void;
  /** Upper bound after moving it (rates stay ≤ 1). */
  max?: number;
  /** Triangular range for the Monte Carlo; absent → not drawn. */
  range?: AssumptionRange;
}

export function cloneParams(p: FinanceParams): FinanceParams {
  return { ...p, toC: { ...p.toC }, toB: { ...p.toB }, internal: { ...p.internal } };
}

/** Each driver moved −20% and +20%, NPV and break-even recomputed; sorted by effect on NPV, largest first. */
export function sensitivity(base: FinanceParams, drivers: Driver[], swing = 0.2): SensitivityRow[] {
  const rows: SensitivityRow[] = [];
  for (const d of drivers) {
    const v = d.get(base);
    const lowV = v * (1 - swing);
    const highV = d.max === undefined ? v * (1 + swing) : Math.min(d.max, v * (1 + swing));
    const lo = cloneParams(base);
    d.set(lo, lowV);
    const hi = cloneParams(base);
    d.set(hi, highV);
    const pl = project(lo);
    const ph = project(hi);
    rows.push({
      key: d.key,
      label: d.label,
      base: round3(v),
      low: round3(lowV),
      high: round3(highV),
      npvLow: roundMoney(pl.npv),
      npvHigh: roundMoney(ph.npv),
      breakEvenLow: pl.breakEvenMonth,
      breakEvenHigh: ph.breakEvenMonth,
      effect: roundMoney(Math.abs(ph.npv - pl.npv)),
    });
  }
  return rows.sort((a, b) => b.effect - a.effect || a.key.localeCompare(b.key));
}

export interface MonteCarloResult {
  breakEvenMonth: NullableBand;
  breakEvenProbability: number;
  npv: Band;
  roi: Band;
  cumulative: { month: number; p10: number; p50: number; p90: number }[];
}

const DECILES = [10, 50, 90] as const;

/** Seeded Monte Carlo over the drivers' triangular ranges. Same seed, same drivers → same bands. */
export function monteCarlo(base: FinanceParams, drivers: Driver[], seed: number, runs: number): MonteCarloResult {
  const rand = mulberry32(seed);
  const drawn = drivers.filter((d) => d.range && d.range.high > d.range.low);
  const n = HORIZON_MONTHS;
  const cum = new Float64Array(runs * n);
  const npvs = new Float64Array(runs);
  const rois = new Float64Array(runs);
  const breakEvens = new Float64Array(runs);
  let hits = 0;
  const p = cloneParams(base);
  const buffers = { net: new Float64Array(n), cumulative: new Float64Array(n) };
  for (let r = 0; r < runs; r++) {
    for (const d of drawn) {
      const range = d.range as AssumptionRange;
      d.set(p, triangular(rand(), range.low, range.mode, range.high));
    }
    const res = project(p, undefined, buffers);
    npvs[r] = res.npv;
    rois[r] = res.roi;
    breakEvens[r] = res.breakEvenMonth ?? Number.POSITIVE_INFINITY;
    if (res.breakEvenMonth !== null) hits++;
    // Transposed layout: month-major, so each month's runs are contiguous for the percentile selection.
    for (let m = 0; m < n; m++) cum[m * runs + r] = res.cumulative[m];
  }
  const band = (a: Float64Array, money: boolean): Band => {
    const f = money ? roundMoney : round3;
    const [p10, p50, p90] = percentilesInPlace(a, DECILES);
    return { p10: f(p10), p50: f(p50), p90: f(p90) };
  };
  const [be10, be50, be90] = percentilesInPlace(breakEvens, DECILES).map((v) => (Number.isFinite(v) ? v : null));
  const cumulative = [];
  for (let m = 0; m < n; m++) {
    const [p10, p50, p90] = percentilesInPlace(cum.subarray(m * runs, (m + 1) * runs), DECILES);
    cumulative.push({ month: m + 1, p10: roundMoney(p10), p50: roundMoney(p50), p90: roundMoney(p90) });
  }
  return {
    breakEvenMonth: { p10: be10, p50: be50, p90: be90 },
    breakEvenProbability: round3(hits / runs),
    npv: band(npvs, true),
    roi: band(rois, false),
    cumulative,
  };
}
