import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cloneParams, monteCarlo, project, type FinanceParams } from "~/domain/estimate/finance";
import { mulberry32, percentileSorted, percentilesInPlace, triangular } from "~/domain/estimate/random";

const params = fc.record({
  launch: fc.integer({ min: 1, max: 12 }),
  oneOff: fc.double({ min: 0, max: 2e6, noNaN: true }),
  running: fc.double({ min: 0, max: 1e5, noNaN: true }),
  reach: fc.double({ min: 0, max: 1e5, noNaN: true }),
  conv: fc.double({ min: 0.001, max: 0.5, noNaN: true }),
  price: fc.double({ min: 1, max: 500, noNaN: true }),
  churn: fc.double({ min: 0, max: 0.5, noNaN: true }),
  growth: fc.double({ min: -0.05, max: 0.1, noNaN: true }),
  acv: fc.double({ min: 1000, max: 1e6, noNaN: true }),
  fresh: fc.double({ min: 0.1, max: 5, noNaN: true }),
  cycle: fc.integer({ min: 0, max: 9 }),
});

function toParams(x: Record<string, number>, model: FinanceParams["model"]): FinanceParams {
  return {
    model,
    launchMonth: x.launch,
    oneOffLabour: x.oneOff * 0.8,
    oneOffOther: x.oneOff * 0.2,
    runningLabour: x.running * 0.5,
    runningInference: x.running * 0.3,
    runningOther: x.running * 0.2,
    annualDiscountRate: 0.1,
    toC: { monthlyReach: x.reach, conversionRate: x.conv, pricePerUserMonth: x.price, monthlyChurnRate: x.churn, monthlyGrowthRate: x.growth },
    toB: { targetCustomers: 30, contractValuePerYear: x.acv, salesCycleMonths: x.cycle, implementationCostPerCustomer: x.acv * 0.1, newCustomersPerMonth: x.fresh, customerMonthlyChurnRate: x.churn / 10 },
    internal: { staffAffected: x.reach / 100, hoursSavedPerStaffPerWeek: 2, loadedHourlyWage: x.price, adoptionRate: 0.6, adoptionRampMonths: 6 },
  };
}

const be = (m: number | null) => (m === null ? Number.POSITIVE_INFINITY : m);

describe("36-month projection", () => {
  it("cost to break-even is what the monthly rows spend up to the break-even month, and null when it never breaks even", () => {
    fc.assert(
      fc.property(params, fc.constantFrom<FinanceParams["model"]>("toC", "toB", "internal"), (x, model) => {
        const rows: Parameters<typeof project>[1] = [];
        const r = project(toParams(x, model), rows);
        if (r.breakEvenMonth === null) {
          expect(r.costToBreakEven).toBeNull();
        } else {
          const spent = rows!.filter((m) => m.month <= (r.breakEvenMonth as number)).reduce((a, m) => a + m.costs, 0);
          expect(r.costToBreakEven).toBeCloseTo(spent, -1);
          expect(r.costToBreakEven as number).toBeLessThanOrEqual(r.totalCost + 1e-6);
        }
      }),
    );
  });

  it("break-even never comes earlier when the price falls (ToC, ToB contract value, internal wage)", () => {
    fc.assert(
      fc.property(params, fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.constantFrom("toC", "toB", "internal" as const), (x, cut, model) => {
        const p = toParams(x, model);
        const lower = cloneParams(p);
        lower.toC.pricePerUserMonth *= 1 - cut;
        lower.toB.contractValuePerYear *= 1 - cut;
        lower.internal.loadedHourlyWage *= 1 - cut;
        expect(be(project(lower).breakEvenMonth)).toBeGreaterThanOrEqual(be(project(p).breakEvenMonth));
      }),
      { numRuns: 200 },
    );
  });

  it("break-even never comes earlier when churn rises", () => {
    fc.assert(
      fc.property(params, fc.double({ min: 0.001, max: 0.5, noNaN: true }), fc.constantFrom("toC", "toB" as const), (x, up, model) => {
        const p = toParams(x, model);
        const worse = cloneParams(p);
        worse.toC.monthlyChurnRate = Math.min(1, worse.toC.monthlyChurnRate + up);
        worse.toB.customerMonthlyChurnRate = Math.min(1, worse.toB.customerMonthlyChurnRate + up);
        expect(be(project(worse).breakEvenMonth)).toBeGreaterThanOrEqual(be(project(p).breakEvenMonth));
      }),
      { numRuns: 200 },
    );
  });

  it("spends the whole one-off budget before launch and nothing else", () => {
    fc.assert(
      fc.property(params, (x) => {
        const p = toParams(x, "toC");
        p.runningLabour = p.runningInference = p.runningOther = 0;
        p.toC.conversionRate = 0;
        const r = project(p);
        expect(r.totalCost).toBeCloseTo(p.oneOffLabour + p.oneOffOther, 4);
        expect(r.breakEvenMonth === null || p.oneOffLabour + p.oneOffOther < 1e-9).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("Monte Carlo bands are ordered and reproducible for a seed", () => {
    const p = toParams({ launch: 4, oneOff: 500_000, running: 20_000, reach: 3000, conv: 0.03, price: 30, churn: 0.08, growth: 0.02, acv: 1e5, fresh: 1, cycle: 3 }, "toC");
    const drivers = [
      { key: "price", label: { zh: "价", en: "price" }, get: (q: FinanceParams) => q.toC.pricePerUserMonth, set: (q: FinanceParams, v: number) => (q.toC.pricePerUserMonth = v), range: { low: 20, mode: 30, high: 40 } },
    ];
    const a = monteCarlo(p, drivers, 42, 300);
    expect(a).toEqual(monteCarlo(p, drivers, 42, 300));
    expect(a.npv.p10).toBeLessThanOrEqual(a.npv.p50);
    expect(a.npv.p50).toBeLessThanOrEqual(a.npv.p90);
    expect(a.npv.p10).toBeLessThan(a.npv.p90);
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
    const values = fc.array(fc.oneof(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), fc.constantFrom(0, 1, 1, Number.POSITIVE_INFINITY)), { minLength: 1, maxLength: 500 });
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
