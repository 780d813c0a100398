// The monthly projection of the business case for every revenue model. Pure and allocation-light: the Monte Carlo
// calls it hundreds of times per plan. Costs that follow use scale with the active users of the month.
import { cloneParams, HORIZON_MONTHS, type FinanceParams } from "~/domain/estimate/finance/params";
import { roundMoney, round3 } from "~/domain/estimate/money";
import type { FinanceMonth } from "~/domain/estimate/types";
import { WEEKS_PER_MONTH } from "~/domain/estimate/units";

export { cloneParams, HORIZON_MONTHS };

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
  /** At the last month: active units, benefit, all costs, costs that follow use, fees. */
  last: { units: number; activeUsers: number; benefit: number; cost: number; variable: number; fees: number };
}

export interface Buffers {
  net: Float64Array;
  cumulative: Float64Array;
  cohorts: Float64Array;
  /** Accounts models, by a cohort's age in months: the share of its customers still there, and its seats in use. */
  keptByAge: Float64Array;
  seatShareByAge: Float64Array;
}

export function makeBuffers(): Buffers {
  const n = HORIZON_MONTHS;
  return {
    net: new Float64Array(n),
    cumulative: new Float64Array(n),
    cohorts: new Float64Array(n),
    keptByAge: new Float64Array(n),
    seatShareByAge: new Float64Array(n),
  };
}

interface State {
  units: number;
  reached: number;
  growth: number;
  signed: number;
  pending: number;
  /** Active users of the previous month (usage: new active users are acquired). */
  active: number;
}

interface MonthResult {
  benefit: number;
  units: number;
  activeUsers: number;
  /** Costs of the month beyond the fixed running costs: acquisition, implementation, customer success, fees. */
  extra: number;
  fees: number;
}

const ramp = (live: number, months: number) => (months > 0 ? Math.min(1, live / months) : 1);

function subscriptionMonth(p: FinanceParams, s: State, r: MonthResult): void {
  const c = p.subscription;
  let reach = c.monthlyReach * s.growth;
  s.growth *= 1 + c.monthlyGrowthRate;
  // Nobody is reached twice: the market caps the cumulative reach.
  reach = Math.max(0, Math.min(reach, c.marketSize - s.reached));
  s.reached += reach;
  const kept = s.units * (1 - c.monthlyChurnRate);
  const fresh = Math.max(0, Math.min(reach * c.conversionRate, c.payingCap - kept));
  s.units = kept + fresh;
  const revenue = s.units * c.pricePerUserMonth;
  const fees = revenue * p.channelFeeShare;
  set(r, revenue, s.units, s.units, fresh * p.acquisitionCost + fees, fees);
}

function set(r: MonthResult, benefit: number, units: number, activeUsers: number, extra: number, fees: number): void {
  r.benefit = benefit;
  r.units = units;
  r.activeUsers = activeUsers;
  r.extra = extra;
  r.fees = fees;
}

/** The accounts tables for these parameters (the same products the month loop would form, formed once). */
function accountsTables(p: FinanceParams, b: Buffers): void {
  const a = p.accounts;
  const keep = 1 - a.customerMonthlyChurnRate;
  for (let age = 0; age < HORIZON_MONTHS; age++) {
    b.keptByAge[age] = Math.pow(keep, age);
    b.seatShareByAge[age] = a.seatStartShare + (1 - a.seatStartShare) * ramp(age + 1, a.seatRampMonths);
  }
}

function accountsMonth(p: FinanceParams, s: State, live: number, b: Buffers, r: MonthResult): void {
  const cohorts = b.cohorts;
  const a = p.accounts;
  let fresh = 0;
  if (live > a.salesCycleMonths) {
    s.pending += a.newCustomersPerMonth;
    fresh = Math.min(Math.floor(s.pending + 1e-9), Math.max(0, a.targetCustomers - s.signed));
    s.pending -= Math.floor(s.pending + 1e-9);
    s.signed += fresh;
  }
  cohorts[live - 1] = fresh;
  let customers = 0;
  let seats = 0;
  for (let k = 0; k < live; k++) {
    const n = cohorts[k];
    if (n === 0) continue;
    const age = live - 1 - k;
    const alive = n * b.keptByAge[age];
    customers += alive;
    seats += alive * a.seatsPerCustomer * b.seatShareByAge[age];
  }
  s.units = customers;
  const revenue = a.perSeat ? seats * a.pricePerMonth : customers * a.pricePerMonth;
  const fees = revenue * p.channelFeeShare;
  const extra = fresh * (p.acquisitionCost + a.implementationCostPerCustomer) + customers * a.successCostPerCustomer + fees;
  set(r, revenue, customers, seats, extra, fees);
}

function usageMonth(p: FinanceParams, s: State, live: number, r: MonthResult): void {
  const u = p.usage;
  const active = u.users * ramp(live, u.rampMonths);
  const fresh = Math.max(0, active - s.active);
  s.active = active;
  const revenue = active * u.usesPerUserMonth * u.pricePerUse;
  const fees = revenue * p.channelFeeShare;
  set(r, revenue, active, active, fees + fresh * p.acquisitionCost, fees);
}

function savingsMonth(p: FinanceParams, live: number, r: MonthResult): void {
  const s = p.savings;
  const share = s.adoptionRate * ramp(live, s.rampMonths);
  const adopters = s.staff * share;
  const hours = adopters * s.netHoursPerWeek * WEEKS_PER_MONTH * s.loadedHourlyWage * s.recaptureShare;
  const deflected = s.contactsPerMonth * share * s.deflectionRate * s.costPerContact;
  set(r, hours + deflected, adopters, p.fullUsers * share, 0, 0);
}

function month(p: FinanceParams, st: State, live: number, b: Buffers, r: MonthResult): void {
  switch (p.revenueModel) {
    case "subscription":
      return subscriptionMonth(p, st, r);
    case "seats":
    case "contract":
      return accountsMonth(p, st, live, b, r);
    case "usage":
      return usageMonth(p, st, live, r);
    case "savings":
      return savingsMonth(p, live, r);
    default: {
      const active = p.fullUsers * ramp(live, p.usage.rampMonths);
      return set(r, 0, active, active, 0, 0);
    }
  }
}

/** Fast path (no row objects): what the Monte Carlo and the sensitivity table need; rows when asked for. */
export function project(p: FinanceParams, rows?: FinanceMonth[], buffers?: Buffers): Projection {
  const n = HORIZON_MONTHS;
  const b = buffers ?? makeBuffers();
  b.cohorts.fill(0);
  if (p.revenueModel === "seats" || p.revenueModel === "contract") accountsTables(p, b);
  const launch = Math.max(0, Math.min(n, Math.round(p.launchMonth)));
  const buildMonthly = launch > 0 ? (p.oneOffLabour + p.oneOffOther) / launch : 0;
  const running = p.runningLabour + p.runningFixed;
  const monthlyFactor = Math.pow(1 + p.annualDiscountRate, 1 / 12);
  const st: State = { units: 0, reached: 0, growth: 1, signed: 0, pending: 0, active: 0 };
  let discount = 1;
  let cum = 0;
  let npv = 0;
  let totalBenefit = 0;
  let totalCost = 0;
  let breakEven: number | null = null;
  let costToBreakEven: number | null = null;
  // One month's result, rewritten each month (the Monte Carlo projects hundreds of times: no object per month).
  const r: MonthResult = { benefit: 0, units: 0, activeUsers: 0, extra: 0, fees: 0 };
  let cost = 0;
  let variable = 0;
  // If the build takes the whole horizon, the one-off still counts in full.
  const unspentBuild = launch === 0 ? p.oneOffLabour + p.oneOffOther : 0;
  for (let i = 0; i < n; i++) {
    const m = i + 1;
    const live = m - launch; // months since launch (≥ 1 once live)
    cost = m <= launch ? buildMonthly : 0;
    if (m === 1) cost += unspentBuild;
    set(r, 0, 0, 0, 0, 0);
    variable = 0;
    if (live >= 1) {
      month(p, st, live, b, r);
      variable = r.activeUsers * p.variablePerActiveUser;
      cost += running + variable + r.extra;
    }
    const value = r.benefit - cost;
    b.net[i] = value;
    cum += value;
    b.cumulative[i] = cum;
    discount /= monthlyFactor;
    npv += value * discount;
    totalBenefit += r.benefit;
    totalCost += cost;
    if (breakEven === null && live >= 1 && r.benefit > 0 && cum >= 0) {
      breakEven = m;
      costToBreakEven = totalCost;
    }
    if (rows) {
      const revenueModel = p.revenueModel !== "savings" && p.revenueModel !== "none";
      rows.push({
        month: m,
        revenue: revenueModel ? roundMoney(r.benefit) : 0,
        savings: revenueModel ? 0 : roundMoney(r.benefit),
        costs: roundMoney(cost),
        net: roundMoney(value),
        cumulative: roundMoney(cum),
        activeUnits: round3(r.units),
      });
    }
  }
  return {
    net: b.net,
    cumulative: b.cumulative,
    breakEvenMonth: breakEven,
    npv,
    roi: totalCost > 0 ? (totalBenefit - totalCost) / totalCost : 0,
    totalBenefit,
    totalCost,
    costToBreakEven,
    last: { units: r.units, activeUsers: r.activeUsers, benefit: r.benefit, cost, variable, fees: r.fees },
  };
}
