// The inputs of each revenue model, registered once in the book (stated figures quoted, defaults sourced), with the
// drivers the sensitivity table and the Monte Carlo move: one table per model, each row an assumption key and where it
// lives in the parameters.
import { derived, kb, type Entry } from "~/domain/estimate/assumptions/book";
import type { AssumptionKey } from "~/domain/estimate/assumptions/registry";
import type { EstimateContext } from "~/domain/estimate/context";
import type { Driver } from "~/domain/estimate/finance/analysis";
import { businessFigure, isStated } from "~/domain/estimate/finance/inputs";
import { HORIZON_MONTHS, type FinanceParams } from "~/domain/estimate/finance/params";
import { EST } from "~/domain/estimate/kb";
import { round3 } from "~/domain/estimate/money";
import { roleRateOf } from "~/domain/estimate/team/staffing";
import type { Derivation } from "~/domain/estimate/types";
import { byCurrency, WEEKS_PER_MONTH } from "~/domain/estimate/units";
import { requestProfile } from "~/domain/estimate/workload/tokens";
import type { Load } from "~/domain/estimate/workload/load";
import { FREE } from "~/domain/profile/business-lexicon";

const F = EST.finance;

/** People who sell and look after customers (seats and contracts), for the team and the cost lines. */
export interface Commercial {
  salesReps: number;
  salesRate: number;
  customersPerSuccessManager: number;
  successRate: number;
}

export interface ModelSetup {
  drivers: Driver[];
  commercial?: Commercial;
  valueStatement?: Derivation;
}

type Row = [key: AssumptionKey, get: (p: FinanceParams) => number, set: (p: FinanceParams, v: number) => void, max?: number];

function drivers(ctx: EstimateContext, rows: Row[]): Driver[] {
  return rows.map(([key, get, set, max]) => {
    const range = ctx.book.range(key);
    return { key, get, set, ...(max !== undefined ? { max } : {}), ...(range ? { range } : {}) };
  });
}

const APP = /\bapps?\b|app\s*store|ios|android|google\s+play|小程序|应用商店|苹果|安卓/iu;
/** A bot customers talk to instead of an agent (not an assistant for the agents). */
const SUPPORT_BOT = /客服机器人|智能客服|support\s+(?:bot|chatbot)|customer[- ]service\s+(?:bot|chatbot)|chatbot|help\s*desk\s+bot/iu;

function subscription(ctx: EstimateContext, p: FinanceParams, load: Load): ModelSetup {
  const c = F.toC;
  const s = F.subscription;
  const kbPrice = byCurrency(ctx, c.pricePerUserMonth);
  const price = businessFigure(ctx, "finance.pricePerUserMonth", "pricePerUserMonth", {
    value: kbPrice,
    source: "kb",
    citation: c.pricePerUserMonth.source,
    range: { low: kbPrice * 0.7, high: kbPrice * 1.2 },
  });
  const conversion = businessFigure(ctx, "finance.conversionRate", "conversionRate", kb(c.conversionRate, true), 1);
  const churn = businessFigure(ctx, "finance.monthlyChurnRate", "monthlyChurnRate", kb(c.monthlyChurnRate, true), 1);
  const cap = isStated(ctx, "payingCustomers")
    ? businessFigure(ctx, "finance.payingCustomers", "payingCustomers", { value: 0, source: "default" })
    : Number.POSITIVE_INFINITY;
  const market = isStated(ctx, "marketSize")
    ? businessFigure(ctx, "finance.marketSize", "marketSize", { value: 0, source: "default" })
    : Number.POSITIVE_INFINITY;
  // Without a stated reach: enough people a month to fill the stated paying base in about a year and then replace its
  // churn (at the knowledge base's conversion and churn, so changing those moves revenue, not the reach); else the
  // addressable market reached evenly over the horizon; else a base of the active users.
  const usersStated = ctx.profile.users.source !== "default";
  const capOrUsers = Number.isFinite(cap) ? cap : usersStated && !Number.isFinite(market) ? load.users : Number.POSITIVE_INFINITY;
  const fillPerMonth = 1 / 12;
  const reachDefault = Number.isFinite(capOrUsers)
    ? Math.round((capOrUsers * (c.monthlyChurnRate.value + fillPerMonth)) / c.conversionRate.value)
    : Number.isFinite(market)
      ? Math.round(market / HORIZON_MONTHS)
      : Math.round((load.users * (c.monthlyChurnRate.value + fillPerMonth)) / c.conversionRate.value);
  const reachWhy = Number.isFinite(capOrUsers)
    ? { code: "finance.reach_fills_base", base: capOrUsers }
    : Number.isFinite(market)
      ? { code: "finance.reach_spreads_market", base: market }
      : { code: "finance.reach_fills_base", base: load.users };
  const reach = businessFigure(ctx, "finance.monthlyReach", "monthlyReach", {
    ...derived(reachDefault, reachWhy.code, {
      base: round3(reachWhy.base),
      churn: c.monthlyChurnRate.value,
      conversion: c.conversionRate.value,
      months: 12,
    }),
    range: { low: Math.round(reachDefault * 0.6), high: Math.round(reachDefault * 1.4) },
  });
  const growth = ctx.book.get("finance.monthlyGrowthRate", { ...kb(c.monthlyGrowthRate, true), ...userOf(ctx, "monthlyGrowthRate") });
  const cacDefault: Entry = {
    ...derived(round3(price * s.acquisitionMonthsOfPrice.value), "finance.cac_months_of_price", {
      months: s.acquisitionMonthsOfPrice.value,
    }),
    citation: s.acquisitionMonthsOfPrice.source,
    range: { low: round3(price * s.acquisitionMonthsOfPrice.low!), high: round3(price * s.acquisitionMonthsOfPrice.high!) },
  };
  const cac = businessFigure(ctx, "finance.acquisitionCostPerCustomer", "acquisitionCostPerCustomer", cacDefault);
  const fee = businessFigure(
    ctx,
    "finance.channelFeeShare",
    "channelFeeShare",
    kb(APP.test(ctx.input.description) ? s.appStoreFeeShare : s.channelFeeShare, true),
    1,
  );
  // Users the description states are the scale the product is planned for: the paying base stays within them.
  p.subscription = {
    monthlyReach: reach,
    monthlyGrowthRate: growth,
    conversionRate: conversion,
    monthlyChurnRate: churn,
    pricePerUserMonth: price,
    marketSize: market,
    payingCap: Math.min(cap, capOrUsers),
  };
  p.acquisitionCost = cac;
  p.channelFeeShare = fee;
  const rows: Row[] = [
    ["finance.pricePerUserMonth", (q) => q.subscription.pricePerUserMonth, (q, v) => (q.subscription.pricePerUserMonth = v)],
    ["finance.conversionRate", (q) => q.subscription.conversionRate, (q, v) => (q.subscription.conversionRate = v), 1],
    ["finance.monthlyReach", (q) => q.subscription.monthlyReach, (q, v) => (q.subscription.monthlyReach = v)],
    ["finance.monthlyChurnRate", (q) => q.subscription.monthlyChurnRate, (q, v) => (q.subscription.monthlyChurnRate = v), 1],
    ["finance.monthlyGrowthRate", (q) => q.subscription.monthlyGrowthRate, (q, v) => (q.subscription.monthlyGrowthRate = v), 1],
    ["finance.acquisitionCostPerCustomer", (q) => q.acquisitionCost, (q, v) => (q.acquisitionCost = v)],
    ["finance.channelFeeShare", (q) => q.channelFeeShare, (q, v) => (q.channelFeeShare = v), 1],
  ];
  if (Number.isFinite(cap))
    rows.push(["finance.payingCustomers", (q) => q.subscription.payingCap, (q, v) => (q.subscription.payingCap = v)]);
  else if (Number.isFinite(capOrUsers))
    ctx.book.get("finance.payingCustomers", {
      value: capOrUsers,
      source: "profile",
      citation: ctx.profile.users.evidence?.[0] ?? "usage.users",
    });
  if (Number.isFinite(market))
    rows.push(["finance.marketSize", (q) => q.subscription.marketSize, (q, v) => (q.subscription.marketSize = v)]);
  return { drivers: drivers(ctx, rows) };
}

function userOf(
  ctx: EstimateContext,
  field: "monthlyGrowthRate" | "newCustomersPerMonth" | "implementationCostPerCustomer",
): { userValue?: number; userField?: string } {
  const v = ctx.input.business?.[field];
  return v === undefined ? {} : { userValue: v, userField: `business.${field}` };
}

function accounts(ctx: EstimateContext, p: FinanceParams, load: Load, perSeat: boolean): ModelSetup {
  const { book } = ctx;
  const t = F.toB;
  const A = F.accounts;
  const target = businessFigure(ctx, "finance.targetCustomers", "targetCustomers", {
    ...kb(t.targetCustomers),
    range: { low: t.targetCustomers.value * 0.5, high: t.targetCustomers.value * 1.5 },
  });
  // Seats per customer: stated, else the staff per customer the description names, else the users spread over the customers.
  const spread = Math.round(load.users / Math.max(1, target));
  const seatsEntry: Entry = isStated(ctx, "staffAffected")
    ? {
        ...derived(ctx.profile.staffAffected!.value!, "finance.seats_from_staff", { staff: ctx.profile.staffAffected!.value! }),
        range: { low: ctx.profile.staffAffected!.value! * 0.5, high: ctx.profile.staffAffected!.value! * 1.5 },
      }
    : spread >= 2
      ? {
          ...derived(spread, "finance.seats_from_users", { users: load.users, customers: target }),
          range: { low: Math.max(1, spread * 0.5), high: spread * 1.5 },
        }
      : kb(A.seatsPerCustomer, true);
  const seats = businessFigure(ctx, "finance.seatsPerCustomer", "seatsPerCustomer", seatsEntry);
  let pricePerMonth: number;
  if (perSeat) {
    const kbSeat = byCurrency(ctx, t.contractValuePerYear) / 12 / Math.max(1, seats);
    pricePerMonth = businessFigure(ctx, "finance.pricePerUserMonth", "pricePerUserMonth", {
      ...derived(round3(kbSeat), "finance.seat_price_from_contract", { seats }),
      range: { low: kbSeat * 0.6, high: kbSeat * 1.3 },
    });
    book.get("finance.seatRampMonths", kb(A.seatRampMonths, true));
    book.get("finance.seatStartShare", kb(A.seatStartShare, true));
  } else {
    const kbAcv = byCurrency(ctx, t.contractValuePerYear);
    pricePerMonth =
      businessFigure(ctx, "finance.contractValuePerYear", "contractValuePerYear", {
        value: kbAcv,
        source: "kb",
        citation: t.contractValuePerYear.source,
        range: { low: kbAcv * 0.6, high: kbAcv * 1.3 },
      }) / 12;
  }
  const cycle = businessFigure(ctx, "finance.salesCycleMonths", "salesCycleMonths", kb(t.salesCycleMonths, true));
  const implDefault = byCurrency(ctx, t.implementationCostPerCustomer);
  const impl = book.get("finance.implementationCostPerCustomer", {
    value: implDefault,
    source: "kb",
    citation: t.implementationCostPerCustomer.source,
    range: { low: implDefault * 0.7, high: implDefault * 1.5 },
    ...userOf(ctx, "implementationCostPerCustomer"),
  });
  const churn = book.get("finance.customerMonthlyChurnRate", kb(t.customerMonthlyChurnRate, true));
  const reps = book.get("team.salesReps", kb(A.salesReps));
  const closes = book.get("finance.newCustomersPerMonth", {
    ...derived(round3(reps * A.closesPerRepPerMonth.value), "finance.sales_capacity", { reps, perRep: A.closesPerRepPerMonth.value }),
    citation: A.closesPerRepPerMonth.source,
    range: { low: reps * A.closesPerRepPerMonth.low!, high: reps * A.closesPerRepPerMonth.high! },
    ...userOf(ctx, "newCustomersPerMonth"),
  });
  const salesRate = roleRateOf(book, ctx, "sales_rep");
  // A stated CAC is the all-in cost of a customer; otherwise the sales team's cost per customer it signs.
  const cac = businessFigure(
    ctx,
    "finance.acquisitionCostPerCustomer",
    "acquisitionCostPerCustomer",
    derived(round3((reps * salesRate) / Math.max(0.01, closes)), "finance.cac_from_sales_team", { reps, closes }),
  );
  const perCsm = book.get("team.customersPerSuccessManager", kb(A.customersPerSuccessManager, true));
  const successRate = roleRateOf(book, ctx, "customer_success");
  const fee = businessFigure(ctx, "finance.channelFeeShare", "channelFeeShare", derived(0, "finance.no_channel_fee_invoiced"), 1);
  p.accounts = {
    perSeat,
    newCustomersPerMonth: closes,
    salesCycleMonths: cycle,
    targetCustomers: target,
    customerMonthlyChurnRate: churn,
    pricePerMonth,
    seatsPerCustomer: seats,
    seatRampMonths: perSeat ? book.value("finance.seatRampMonths")! : 0,
    seatStartShare: perSeat ? book.value("finance.seatStartShare")! : 1,
    implementationCostPerCustomer: impl,
    successCostPerCustomer: successRate / perCsm,
  };
  p.acquisitionCost = cac;
  p.channelFeeShare = fee;
  const priceKey: AssumptionKey = perSeat ? "finance.pricePerUserMonth" : "finance.contractValuePerYear";
  const scale = perSeat ? 1 : 12;
  return {
    drivers: drivers(ctx, [
      [priceKey, (q) => q.accounts.pricePerMonth * scale, (q, v) => (q.accounts.pricePerMonth = v / scale)],
      ["finance.newCustomersPerMonth", (q) => q.accounts.newCustomersPerMonth, (q, v) => (q.accounts.newCustomersPerMonth = v)],
      ["finance.targetCustomers", (q) => q.accounts.targetCustomers, (q, v) => (q.accounts.targetCustomers = v)],
      ["finance.seatsPerCustomer", (q) => q.accounts.seatsPerCustomer, (q, v) => (q.accounts.seatsPerCustomer = v)],
      ["finance.salesCycleMonths", (q) => q.accounts.salesCycleMonths, (q, v) => (q.accounts.salesCycleMonths = v)],
      [
        "finance.implementationCostPerCustomer",
        (q) => q.accounts.implementationCostPerCustomer,
        (q, v) => (q.accounts.implementationCostPerCustomer = v),
      ],
      [
        "finance.customerMonthlyChurnRate",
        (q) => q.accounts.customerMonthlyChurnRate,
        (q, v) => (q.accounts.customerMonthlyChurnRate = v),
        1,
      ],
      ["finance.acquisitionCostPerCustomer", (q) => q.acquisitionCost, (q, v) => (q.acquisitionCost = v)],
    ]),
    commercial: { salesReps: reps, salesRate, customersPerSuccessManager: perCsm, successRate },
  };
}

function usage(ctx: EstimateContext, p: FinanceParams, load: Load, variablePerUse: number): ModelSetup {
  const markup = 3;
  const price = businessFigure(
    ctx,
    "finance.pricePerUse",
    "pricePerUse",
    derived(round3(variablePerUse * markup), "finance.price_per_use_markup", { markup }),
  );
  const ramp = ctx.book.get("finance.adoptionRampMonths", kb(F.usage.adoptionRampMonths));
  const cac = isStated(ctx, "acquisitionCostPerCustomer")
    ? businessFigure(ctx, "finance.acquisitionCostPerCustomer", "acquisitionCostPerCustomer", { value: 0, source: "default" })
    : 0;
  const fee = businessFigure(ctx, "finance.channelFeeShare", "channelFeeShare", kb(F.subscription.channelFeeShare, true), 1);
  p.usage = {
    users: load.users,
    usesPerUserMonth: load.interactionsPerUserPerDay * load.daysPerMonth,
    pricePerUse: price,
    rampMonths: ramp,
  };
  p.acquisitionCost = cac;
  p.channelFeeShare = fee;
  return {
    drivers: drivers(ctx, [
      ["finance.pricePerUse", (q) => q.usage.pricePerUse, (q, v) => (q.usage.pricePerUse = v)],
      ["finance.channelFeeShare", (q) => q.channelFeeShare, (q, v) => (q.channelFeeShare = v), 1],
    ]),
  };
}

function savings(ctx: EstimateContext, p: FinanceParams, load: Load, reviewShare: number): ModelSetup {
  const { book, profile } = ctx;
  const s = F.internal;
  const deflects = isStated(ctx, "deflectionRate") || isStated(ctx, "costPerContact") || SUPPORT_BOT.test(ctx.input.description);
  const timeStated = isStated(ctx, "hoursSavedPerStaffPerWeek") || isStated(ctx, "minutesSavedPerUse");
  const staffTime = timeStated || !deflects;
  const staff = businessFigure(ctx, "finance.staffAffected", "staffAffected", {
    ...derived(load.users, "finance.staff_from_users"),
    range: { low: load.users * 0.7, high: load.users * 1.2 },
  });
  const kbWage = byCurrency(ctx, s.loadedHourlyWage);
  const wage = businessFigure(ctx, "finance.loadedHourlyWage", "loadedHourlyWage", {
    value: kbWage,
    source: "kb",
    citation: s.loadedHourlyWage.source,
    range: { low: kbWage * 0.8, high: kbWage * 1.2 },
  });
  const adoption = businessFigure(ctx, "finance.adoptionRate", "adoptionRate", kb(s.adoptionRate, true), 1);
  const ramp = book.get("finance.adoptionRampMonths", kb(s.adoptionRampMonths));
  const recapture = book.get("finance.recaptureShare", kb(F.recaptureShare, true));
  // A person cannot save more time than their uses of the tool: uses a week × minutes saved per use.
  const usesPerWeek = (load.interactionsPerUserPerDay * load.daysPerMonth) / WEEKS_PER_MONTH;
  let gross = 0;
  let reviewHours = 0;
  if (staffTime && isStated(ctx, "hoursSavedPerStaffPerWeek")) {
    // A saving the description (or the user) states is the writer's net figure: used as stated.
    gross = businessFigure(ctx, "finance.hoursSavedPerStaffPerWeek", "hoursSavedPerStaffPerWeek", kb(s.hoursSavedPerStaffPerWeek, true));
  } else if (staffTime) {
    const perRun = EST.finance.minutesSavedByProfile.values[requestProfile(ctx)];
    const minutesKb =
      perRun !== undefined
        ? { value: perRun, low: perRun * 0.5, high: perRun * 2, source: EST.finance.minutesSavedByProfile.source }
        : s.minutesSavedPerInteraction;
    const minutes = businessFigure(ctx, "finance.minutesSavedPerInteraction", "minutesSavedPerUse", kb(minutesKb, true));
    const bound = round3((usesPerWeek * minutes) / 60);
    const hoursDefault: Entry =
      isStated(ctx, "minutesSavedPerUse") || bound < s.hoursSavedPerStaffPerWeek.value
        ? {
            ...derived(bound, "finance.hours_from_uses", { usesPerWeek: round3(usesPerWeek), minutes }),
            range: { low: round3(bound * 0.4), high: round3(bound * 2) },
          }
        : kb(s.hoursSavedPerStaffPerWeek, true);
    gross = ctx.book.get("finance.hoursSavedPerStaffPerWeek", hoursDefault);
    // Hours derived from minutes per use are gross: the review each output now needs is taken off them.
    if (reviewShare > 0) {
      const reviewMinutes = book.get("finance.reviewMinutesPerOutput", kb(F.reviewMinutesPerOutput, true));
      reviewHours = round3((usesPerWeek * reviewShare * reviewMinutes) / 60);
    }
  }
  let contacts = 0;
  let deflection = 0;
  let perContact = 0;
  if (deflects) {
    contacts = load.monthlyRequests;
    deflection = businessFigure(ctx, "finance.deflectionRate", "deflectionRate", kb(F.deflection.deflectionRate, true), 1);
    const kbContact = byCurrency(ctx, F.deflection.costPerContact);
    perContact = businessFigure(ctx, "finance.costPerContact", "costPerContact", {
      value: kbContact,
      source: "kb",
      citation: F.deflection.costPerContact.source,
      range: { low: kbContact * 0.5, high: kbContact * 2 },
    });
  }
  p.savings = {
    staff,
    adoptionRate: adoption,
    rampMonths: ramp,
    netHoursPerWeek: Math.max(0, gross - reviewHours),
    loadedHourlyWage: wage,
    recaptureShare: recapture,
    contactsPerMonth: contacts,
    deflectionRate: deflection,
    costPerContact: perContact,
  };
  const rows: Row[] = [
    ["finance.loadedHourlyWage", (q) => q.savings.loadedHourlyWage, (q, v) => (q.savings.loadedHourlyWage = v)],
    ["finance.adoptionRate", (q) => q.savings.adoptionRate, (q, v) => (q.savings.adoptionRate = v), 1],
    ["finance.staffAffected", (q) => q.savings.staff, (q, v) => (q.savings.staff = v)],
    ["finance.recaptureShare", (q) => q.savings.recaptureShare, (q, v) => (q.savings.recaptureShare = v), 1],
  ];
  if (staffTime)
    rows.push([
      "finance.hoursSavedPerStaffPerWeek",
      (q) => q.savings.netHoursPerWeek + reviewHours,
      (q, v) => (q.savings.netHoursPerWeek = Math.max(0, v - reviewHours)),
    ]);
  if (deflects) {
    rows.push(["finance.deflectionRate", (q) => q.savings.deflectionRate, (q, v) => (q.savings.deflectionRate = v), 1]);
    rows.push(["finance.costPerContact", (q) => q.savings.costPerContact, (q, v) => (q.savings.costPerContact = v)]);
  }
  void profile;
  return { drivers: drivers(ctx, rows) };
}

/** Why a plan that earns nothing is worth doing, as a code for the views. */
function valueStatement(ctx: EstimateContext): Derivation {
  const kind = (ctx.profile as unknown as { valueKind?: { value?: string } }).valueKind?.value;
  if (kind && kind !== "financial") return { code: `value.${kind}` };
  const free = FREE.exec(ctx.input.description);
  const citizens = /citizen|resident|public|patient|市民|居民|政务|公共|患者|群众/iu.test(ctx.input.description);
  return { code: citizens ? "value.public_service" : "value.free_service", params: free ? { words: free[0] } : {} };
}

export function setupModel(
  ctx: EstimateContext,
  p: FinanceParams,
  load: Load,
  extra: { variablePerUse: number; reviewShare: number },
): ModelSetup {
  switch (p.revenueModel) {
    case "subscription":
      return subscription(ctx, p, load);
    case "seats":
      return accounts(ctx, p, load, true);
    case "contract":
      return accounts(ctx, p, load, false);
    case "usage":
      return usage(ctx, p, load, extra.variablePerUse);
    case "savings":
      return savings(ctx, p, load, extra.reviewShare);
    default: {
      p.usage.rampMonths = ctx.book.get("finance.adoptionRampMonths", kb(F.usage.adoptionRampMonths));
      return { drivers: [], valueStatement: valueStatement(ctx) };
    }
  }
}
