// The parameters of the 36-month business case, one block per revenue model, plus the costs every model shares.
// Plain numbers in the plan's currency; the Monte Carlo redraws them through the drivers (drivers.ts).
import type { RevenueModel } from "~/domain/scenario";

export const HORIZON_MONTHS = 36;

export interface FinanceParams {
  revenueModel: RevenueModel;
  /** Month in which the first version goes live; benefits start the month after. */
  launchMonth: number;
  /** One-off build costs, spread evenly over months 1..launchMonth. */
  oneOffLabour: number;
  oneOffOther: number;
  /** Running costs that do not follow use (team on the loop, GPUs kept on, tools), from the month after launch. */
  runningLabour: number;
  runningFixed: number;
  /** Inference, services and support per active user per month (what follows use). */
  variablePerActiveUser: number;
  /** Users at full use: variable costs scale with the share of them active. */
  fullUsers: number;
  annualDiscountRate: number;
  /** Share of revenue kept by stores, platforms and payment processors. */
  channelFeeShare: number;
  /** Per new paying user or customer. */
  acquisitionCost: number;
  subscription: {
    monthlyReach: number;
    monthlyGrowthRate: number;
    conversionRate: number;
    monthlyChurnRate: number;
    pricePerUserMonth: number;
    /** People who could buy at all: cumulative reach stops there (Infinity when unstated). */
    marketSize: number;
    /** The paying base stated (today or as a target): the funnel saturates there (Infinity when unstated). */
    payingCap: number;
  };
  accounts: {
    /** `seats`: revenue follows seats in use; `contract`: each customer pays its contract from signing. */
    perSeat: boolean;
    newCustomersPerMonth: number;
    salesCycleMonths: number;
    targetCustomers: number;
    customerMonthlyChurnRate: number;
    /** Contract value per customer per month (contract), or the seat price per month (seats). */
    pricePerMonth: number;
    seatsPerCustomer: number;
    seatRampMonths: number;
    seatStartShare: number;
    implementationCostPerCustomer: number;
    /** Customer-success cost per customer per month. */
    successCostPerCustomer: number;
  };
  usage: { users: number; usesPerUserMonth: number; pricePerUse: number; rampMonths: number };
  savings: {
    staff: number;
    adoptionRate: number;
    rampMonths: number;
    /** Hours saved per adopting person per week, less the review time the tool adds. */
    netHoursPerWeek: number;
    loadedHourlyWage: number;
    recaptureShare: number;
    /** Contacts a month the tool could deflect at full use, the share it resolves, and what a handled one costs. */
    contactsPerMonth: number;
    deflectionRate: number;
    costPerContact: number;
  };
}

export function cloneParams(p: FinanceParams): FinanceParams {
  return { ...p, subscription: { ...p.subscription }, accounts: { ...p.accounts }, usage: { ...p.usage }, savings: { ...p.savings } };
}
