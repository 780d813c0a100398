import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { monteCarlo } from "~/domain/estimate/finance/analysis";
import { cloneParams, type FinanceParams } from "~/domain/estimate/finance/params";
import { project } from "~/domain/estimate/finance/project";
import { unitEconomics } from "~/domain/estimate/finance/unit-economics";
import { mulberry32, percentileSorted, percentilesInPlace, triangular } from "~/domain/estimate/random";
import type { RevenueModel } from "~/domain/scenario";

const params = fc.record({
  launch: fc.integer({ min: 1, max: 12 }),
  oneOff: fc.double({ min: 0, max: 2e6, noNaN: true }),
  running: fc.double({ min: 0, max: 1e5, noNaN: true }),
  variable: fc.double({ min: 0, max: 5, noNaN: true }),
  reach: fc.double({ min: 0, max: 1e5, noNaN: true }),
  conv: fc.double({ min: 0.001, max: 0.5, noNaN: true }),
  price: fc.double({ min: 10, max: 500, noNaN: true }),
  churn: fc.double({ min: 0, max: 0.5, noNaN: true }),
  growth: fc.double({ min: -0.05, max: 0.1, noNaN: true }),
  cac: fc.double({ min: 0, max: 200, noNaN: true }),
  fee: fc.double({ min: 0, max: 0.3, noNaN: true }),
  acv: fc.double({ min: 1000, max: 1e6, noNaN: true }),
  fresh: fc.double({ min: 0.1, max: 5, noNaN: true }),
  cycle: fc.integer({ min: 0, max: 9 }),
  seats: fc.integer({ min: 1, max: 200 }),
  cap: fc.double({ min: 10, max: 1e5, noNaN: true }),
});

type X = Record<string, number>;

function toParams(x: X, revenueModel: RevenueModel): FinanceParams {
  return {
    revenueModel,
    launchMonth: x.launch,
    oneOffLabour: x.oneOff * 0.8,
    oneOffOther: x.oneOff * 0.2,
    runningLabour: x.running * 0.6,
    runningFixed: x.running * 0.4,
    variablePerActiveUser: x.variable,
    fullUsers: 1000,
    annualDiscountRate: 0.1,
    channelFeeShare: x.fee,
    acquisitionCost: x.cac,
    subscription: {
      monthlyReach: x.reach,
      monthlyGrowthRate: x.growth,
      conversionRate: x.conv,
      monthlyChurnRate: x.churn,
      pricePerUserMonth: x.price,
      marketSize: Number.POSITIVE_INFINITY,
      payingCap: Number.POSITIVE_INFINITY,
    },
    accounts: {
      perSeat: revenueModel === "seats",
      newCustomersPerMonth: x.fresh,
      salesCycleMonths: x.cycle,
      targetCustomers: 30,
      customerMonthlyChurnRate: x.churn / 10,
      pricePerMonth: revenueModel === "seats" ? x.price : x.acv / 12,
      seatsPerCustomer: x.seats,
      seatRampMonths: 6,
      seatStartShare: 0.3,
      implementationCostPerCustomer: x.acv * 0.1,
      successCostPerCustomer: x.acv * 0.01,
    },
    usage: { users: 1000, usesPerUserMonth: 50, pricePerUse: x.price / 100, rampMonths: 6 },
    savings: {
      staff: x.reach / 100,
      adoptionRate: 0.6,
      rampMonths: 6,
      netHoursPerWeek: 2,
      loadedHourlyWage: x.price,
      recaptureShare: 0.5,
      contactsPerMonth: x.reach,
      deflectionRate: 0.25,
      costPerContact: 5,
    },
  };
}

const MODELS = fc.constantFrom<RevenueModel>("subscription", "seats", "contract", "usage", "savings", "none");
const PAID = fc.constantFrom<RevenueModel>("subscription", "seats", "contract");
const be = (m: number | null) => (m === null ? Number.POSITIVE_INFINITY : m);

describe("36-month projection", () => {
  it("cost to break-even is what the monthly rows spend up to the break-even month, and null when it never breaks even", () => {
    fc.assert(
      fc.property(params, MODELS, (x, model) => {
        const rows: Parameters<typeof project>[1] = [];
        const r = project(toParams(x, model), rows);
        if (r.breakEvenMonth === null) {
          expect(r.costToBreakEven).toBeNull();
        } else {
          const spent = rows!.filter((m) => m.month <= (r.breakEvenMonth as number)).reduce((a, m) => a + m.costs, 0);
          expect(r.costToBreakEven).toBeCloseTo(spent, -1);
        }
      }),
    );
  });

  it("a cost-only plan earns nothing and never breaks even", () => {
    fc.assert(
      fc.property(params, (x) => {
        const r = project(toParams(x, "none"));
        expect(r.totalBenefit).toBe(0);
        expect(r.breakEvenMonth).toBeNull();
      }),
      { numRuns: 100 },
    );
  });

  it("break-even never comes earlier when the price falls", () => {
    fc.assert(
      fc.property(params, fc.double({ min: 0.01, max: 0.99, noNaN: true }), MODELS, (x, cut, model) => {
        const p = toParams(x, model);
        const lower = cloneParams(p);
        lower.subscription.pricePerUserMonth *= 1 - cut;
        lower.accounts.pricePerMonth *= 1 - cut;
        lower.usage.pricePerUse *= 1 - cut;
        lower.savings.loadedHourlyWage *= 1 - cut;
        expect(be(project(lower).breakEvenMonth)).toBeGreaterThanOrEqual(be(project(p).breakEvenMonth));
      }),
      { numRuns: 200 },
    );
  });

  it("more churn never shortens the payback (break-even)", () => {
    fc.assert(
      fc.property(params, fc.double({ min: 0.001, max: 0.5, noNaN: true }), PAID, (x, up, model) => {
        const p = toParams(x, model);
        // A unit that costs more to serve than it pays would make losing it a gain: margins are positive here.
        p.variablePerActiveUser = 0;
        const worse = cloneParams(p);
        worse.subscription.monthlyChurnRate = Math.min(1, worse.subscription.monthlyChurnRate + up);
        worse.accounts.customerMonthlyChurnRate = Math.min(1, worse.accounts.customerMonthlyChurnRate + up);
        expect(be(project(worse).breakEvenMonth)).toBeGreaterThanOrEqual(be(project(p).breakEvenMonth));
      }),
      { numRuns: 200 },
    );
  });

  it("more CAC never raises NPV", () => {
    fc.assert(
      fc.property(params, fc.double({ min: 0.01, max: 500, noNaN: true }), MODELS, (x, more, model) => {
        const p = toParams(x, model);
        const dearer = cloneParams(p);
        dearer.acquisitionCost += more;
        expect(project(dearer).npv).toBeLessThanOrEqual(project(p).npv + 1e-6);
      }),
      { numRuns: 200 },
    );
  });

  it("a market cap never raises revenue, nor does a paying-base cap", () => {
    fc.assert(
      fc.property(params, (x) => {
        const p = toParams(x, "subscription");
        const capped = cloneParams(p);
        capped.subscription.marketSize = x.cap;
        const base = cloneParams(p);
        base.subscription.payingCap = x.cap;
        expect(project(capped).totalBenefit).toBeLessThanOrEqual(project(p).totalBenefit + 1e-6);
        expect(project(base).totalBenefit).toBeLessThanOrEqual(project(p).totalBenefit + 1e-6);
        // The paying base never passes its cap, nor the share of the market the funnel converts.
        const rows: Parameters<typeof project>[1] = [];
        project(base, rows);
        for (const m of rows!) expect(m.activeUnits).toBeLessThanOrEqual(x.cap + 1e-3);
        const rowsM: Parameters<typeof project>[1] = [];
        project(capped, rowsM);
        for (const m of rowsM!) expect(m.activeUnits).toBeLessThanOrEqual(x.cap * x.conv + 1e-3);
      }),
      { numRuns: 200 },
    );
  });

  it("a higher channel fee never raises NPV", () => {
    fc.assert(
      fc.property(params, fc.double({ min: 0.01, max: 0.5, noNaN: true }), MODELS, (x, more, model) => {
        const p = toParams(x, model);
        const dearer = cloneParams(p);
        dearer.channelFeeShare = Math.min(1, p.channelFeeShare + more);
        expect(project(dearer).npv).toBeLessThanOrEqual(project(p).npv + 1e-6);
      }),
      { numRuns: 200 },
    );
  });

  it("spends the whole one-off budget before launch and nothing else", () => {
    fc.assert(
      fc.property(params, (x) => {
        const p = toParams(x, "subscription");
        p.runningLabour = p.runningFixed = 0;
        p.subscription.conversionRate = 0;
        const r = project(p);
        expect(r.totalCost).toBeCloseTo(p.oneOffLabour + p.oneOffOther, 4);
        expect(r.breakEvenMonth).toBeNull();
      }),
      { numRuns: 100 },
    );
  });

  it("Monte Carlo bands are ordered and reproducible for a seed", () => {
    const p = toParams(
      {
        launch: 4,
        oneOff: 500_000,
        running: 20_000,
        variable: 1,
        reach: 3000,
        conv: 0.03,
        price: 30,
        churn: 0.08,
        growth: 0.02,
        cac: 50,
        fee: 0.03,
        acv: 1e5,
        fresh: 1,
        cycle: 3,
        seats: 20,
        cap: 1e9,
      },
      "subscription",
    );
    const drivers = [
      {
        key: "price",
        get: (q: FinanceParams) => q.subscription.pricePerUserMonth,
        set: (q: FinanceParams, v: number) => (q.subscription.pricePerUserMonth = v),
        range: { low: 20, mode: 30, high: 40 },
      },
    ];
    const a = monteCarlo(p, drivers, 42, 300);
    expect(a).toEqual(monteCarlo(p, drivers, 42, 300));
    expect(a.npv.p10).toBeLessThanOrEqual(a.npv.p50);
    expect(a.npv.p50).toBeLessThanOrEqual(a.npv.p90);
    expect(a.npv.p10).toBeLessThan(a.npv.p90);
  });
});

describe("unit economics", () => {
  const x = {
    launch: 3,
    oneOff: 100_000,
    running: 5_000,
    variable: 2,
    reach: 5000,
    conv: 0.04,
    price: 20,
    churn: 0.1,
    growth: 0,
    cac: 40,
    fee: 0.15,
    acv: 1e5,
    fresh: 1,
    cycle: 3,
    seats: 50,
    cap: 1e9,
  };

  it("a subscription: margin after fees and serving, LTV = margin ÷ churn, payback = CAC ÷ margin", () => {
    const p = toParams(x, "subscription");
    const ue = unitEconomics(p, project(p));
    const margin = 20 * (1 - 0.15) - 2;
    expect(ue.grossMargin).toBeCloseTo(margin / 20, 3);
    expect(ue.ltv).toBeCloseTo(margin / 0.1, 1);
    expect(ue.cac).toBe(40);
    expect(ue.ltvToCac).toBeCloseTo(margin / 0.1 / 40, 2);
    expect(ue.paybackMonths).toBeCloseTo(40 / margin, 2);
    expect(ue.costPerActiveUserMonth).toBeGreaterThan(0);
  });

  it("savings and cost-only plans have no price, so no margin, LTV or CAC", () => {
    for (const model of ["savings", "none"] as const) {
      const p = toParams(x, model);
      const ue = unitEconomics(p, project(p));
      expect(ue).toMatchObject({ grossMargin: null, ltv: null, cac: null, ltvToCac: null, paybackMonths: null });
      expect(ue.costPerActiveUserMonth).toBeGreaterThan(0);
    }
  });
});

describe("random", () => {
  it("draws triangular samples inside [low, high] with the mode most likely", () => {
    const rand = mulberry32(1);
    const xs = Array.from({ length: 5000 }, () => triangular(rand(), 10, 12, 20));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...xs)).toBeLessThanOrEqual(20);
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    expect(mean).toBeGreaterThan(13.5);
    expect(mean).toBeLessThan(14.5); // (10 + 12 + 20) / 3 = 14
  });
});

describe("percentilesInPlace (the Monte Carlo's selection instead of a sort)", () => {
  it("reads the same nearest-rank percentiles as sorting and percentileSorted", () => {
    const values = fc.array(fc.oneof(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), fc.constantFrom(0, 1, 1, Number.POSITIVE_INFINITY)), {
      minLength: 1,
      maxLength: 500,
    });
    const ps = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(values, ps, (xs, qs) => {
        const sorted = Float64Array.from(xs).sort();
        const got = percentilesInPlace(Float64Array.from(xs), qs);
        // "+ 0" folds -0 into 0: the two read the same once rounded and serialised.
        expect(got.map((v) => v + 0)).toEqual(qs.map((q) => percentileSorted(sorted, q) + 0));
      }),
    );
  });
});
