import { describe, expect, it } from "vitest";
import { buildPlan } from "~/domain/plan";
import { TEMPLATES } from "~/domain/kb/templates";
import { chooseConversion, convertMoney, defaultCurrency, inCurrency, parseCurrency, parseRate } from "~/domain/workshop/currency";
import { workshopOption, type WorkshopOption } from "~/domain/workshop/options";
import { buildPortfolio, valueForEffort, WEEKS_PER_MONTH } from "~/domain/workshop/portfolio";
import { feasibilityWithoutValue, GO_BAR, quadrantOf, splitFor, valueScore } from "~/domain/workshop/position";
import { EST } from "~/domain/estimate/kb";

const dims = (
  scores: Record<string, number>,
  weights: Record<string, number> = { value: 0.25, data_readiness: 0.2, technical_fit: 0.25, risk_compliance: 0.2, org_readiness: 0.1 },
) => Object.entries(scores).map(([id, score]) => ({ id: id as "value", score, weight: weights[id] }));

describe("matrix position", () => {
  it("feasibility leaves value out: the weighted mean of the other dimensions, so the axes move independently", () => {
    const base = dims({ value: 90, data_readiness: 80, technical_fit: 60, risk_compliance: 90, org_readiness: 70 });
    // (80·0.2 + 60·0.25 + 90·0.2 + 70·0.1) / 0.75 = 74.67
    expect(feasibilityWithoutValue(base)).toBe(74.7);
    expect(valueScore(base)).toBe(90);
    const lessValue = base.map((d) => (d.id === "value" ? { ...d, score: 20 } : d));
    expect(feasibilityWithoutValue(lessValue)).toBe(74.7);
    expect(feasibilityWithoutValue(dims({ value: 50 }))).toBeNull();
  });

  it("on every template, moving the value dimension alone leaves feasibility unchanged (the overall score moves)", () => {
    for (const t of TEMPLATES) {
      const plan = buildPlan(t.input.en);
      const d = plan.feasibility.dimensions;
      const bumped = d.map((x) => (x.id === "value" ? { ...x, score: Math.max(0, x.score - 30) } : x));
      expect(feasibilityWithoutValue(bumped), t.id).toBe(feasibilityWithoutValue(d));
      expect(valueScore(bumped), t.id).not.toBe(valueScore(d));
    }
  });

  it("names quadrants against the go bar by default, or against the median of the options", () => {
    expect(GO_BAR).toBe(68);
    const bar = splitFor("bar", []);
    expect(quadrantOf({ feasibility: 80, value: 80 }, bar)).toBe("quick_win");
    expect(quadrantOf({ feasibility: 50, value: 80 }, bar)).toBe("big_bet");
    expect(quadrantOf({ feasibility: 80, value: 50 }, bar)).toBe("fill_in");
    expect(quadrantOf({ feasibility: 50, value: 50 }, bar)).toBe("deprioritise");
    expect(quadrantOf({ feasibility: 68, value: 68 }, bar)).toBe("quick_win");
    const median = splitFor("median", [
      { feasibility: 70, value: 80 },
      { feasibility: 80, value: 90 },
      { feasibility: 60, value: 75 },
      { feasibility: 75, value: 70 },
    ]);
    expect(median).toEqual({ mode: "median", feasibility: 72.5, value: 77.5 });
    expect(splitFor("median", [])).toEqual({ mode: "bar", feasibility: 68, value: 68 });
  });
});

function option(over: Partial<WorkshopOption> & { id: string }): WorkshopOption {
  return {
    title: over.id,
    tags: [],
    verdict: "go",
    grade: "B",
    score: 70,
    value: 80,
    feasibility: 75,
    tier: 1,
    techniques: [],
    headcount: 3,
    personWeeks: 30,
    launchWeek: 10,
    feedbackPerMonth: 100,
    breakEvenMonth: 12,
    horizonMonths: 36,
    roi: 1,
    ...over,
    money: { currency: "USD", fx: 7.1, oneOff: 50_000, monthly: 2_000, firstYear: 74_000, npv: 100_000, ...over.money },
  };
}

describe("one currency per comparison", () => {
  const usd = option({ id: "u", money: { currency: "USD", fx: 7.1, oneOff: 10_000, monthly: 1_000, firstYear: 22_000, npv: -5_000 } });
  const cny = option({ id: "c", money: { currency: "CNY", fx: 7.1, oneOff: 71_000, monthly: 7_100, firstYear: 156_200, npv: 35_500 } });

  it("takes the majority currency, the page language's on a tie", () => {
    expect(defaultCurrency([usd, cny, cny], "en")).toBe("CNY");
    expect(defaultCurrency([usd, cny], "en")).toBe("USD");
    expect(defaultCurrency([usd, cny], "zh")).toBe("CNY");
  });

  it("converts at the plans' own rate when they agree, the user's when given, the reference rate otherwise", () => {
    expect(chooseConversion([usd, cny], "CNY", null)).toMatchObject({ rate: 7.1, source: "plans", converted: 1 });
    expect(chooseConversion([usd, cny], "CNY", 7.25)).toMatchObject({ rate: 7.25, source: "user", converted: 1 });
    const other = option({ id: "u2", money: { ...usd.money, fx: 6.9 } });
    expect(chooseConversion([usd, other, cny], "CNY", null)).toMatchObject({
      rate: EST.exchangeRate.cnyPerUsd,
      source: "reference",
      converted: 2,
      planRates: [6.9, 7.1],
    });
    expect(chooseConversion([cny], "CNY", 7.3)).toMatchObject({ rate: null, source: null, converted: 0 });
  });

  it("converts every money figure both ways, and leaves plans already in the currency alone", () => {
    const toCny = chooseConversion([usd, cny], "CNY", 7.1);
    expect(convertMoney(usd.money, toCny)).toEqual({
      currency: "CNY",
      fx: 7.1,
      oneOff: 71_000,
      monthly: 7_100,
      firstYear: 156_200,
      npv: -35_500,
    });
    expect(convertMoney(cny.money, toCny)).toBe(cny.money);
    const toUsd = chooseConversion([usd, cny], "USD", 7.1);
    const back = convertMoney(cny.money, toUsd);
    expect(back.oneOff).toBeCloseTo(10_000, 6);
    expect(back.npv).toBeCloseTo(5_000, 6);
    expect(inCurrency([usd, cny], toUsd).map((o) => o.money.currency)).toEqual(["USD", "USD"]);
  });

  it("reads a typed currency and rate, refusing nonsense", () => {
    expect(parseCurrency(" usd ")).toBe("USD");
    expect(parseCurrency("EUR")).toBeNull();
    expect(parseRate("7,25")).toBe(7.25);
    expect(parseRate("0")).toBeNull();
    expect(parseRate("1e3")).toBeNull();
    expect(parseRate("7.2abc")).toBeNull();
    expect(parseRate("101")).toBeNull();
  });
});

describe("the ranked portfolio", () => {
  it("value for effort is value × feasibility / 100 per person-month", () => {
    expect(valueForEffort({ value: 80, feasibility: 75, personWeeks: WEEKS_PER_MONTH * 10 })).toBe(6);
    expect(valueForEffort({ value: 80, feasibility: 75, personWeeks: 0 })).toBeNull();
    expect(valueForEffort({ value: null, feasibility: 75, personWeeks: 10 })).toBeNull();
  });

  it("orders go and pilot by value for effort, then rethink; leaves no-go out of the order and the totals", () => {
    const options = [
      option({ id: "slow", personWeeks: 120 }),
      option({ id: "fast", personWeeks: 20 }),
      option({ id: "redo", verdict: "rethink", personWeeks: 5 }),
      option({ id: "pilot", verdict: "pilot", personWeeks: 40 }),
      option({ id: "never", verdict: "no_go", personWeeks: 1 }),
    ];
    const p = buildPortfolio(options, splitFor("bar", []));
    expect(p.ranked.map((r) => [r.option.id, r.rank])).toEqual([
      ["fast", 1],
      ["pilot", 2],
      ["slow", 3],
      ["redo", 4],
    ]);
    expect(p.excluded.map((r) => r.option.id)).toEqual(["never"]);
    expect(p.totals).toEqual({ oneOff: 200_000, monthly: 8_000, firstYear: 296_000, personWeeks: 185, missing: 0 });
    expect(p.ranked.map((r) => r.cumulativeOneOff)).toEqual([50_000, 100_000, 150_000, 200_000]);
    expect(p.ranked[0].quadrant).toBe("quick_win");
  });

  it("breaks ties by value, then cost, then title: the same order every time", () => {
    const a = option({ id: "a", title: "B", value: 80 });
    const b = option({ id: "b", title: "A", value: 80 });
    const c = option({
      id: "c",
      title: "C",
      value: 80,
      money: { currency: "USD", fx: 7.1, oneOff: 10, monthly: 0, firstYear: 10, npv: 0 },
    });
    const order = (xs: WorkshopOption[]) => buildPortfolio(xs, splitFor("bar", [])).ranked.map((r) => r.option.id);
    expect(order([a, b, c])).toEqual(["c", "b", "a"]);
    expect(order([c, a, b])).toEqual(["c", "b", "a"]);
  });

  it("with a budget, takes options in order and skips one that no longer fits", () => {
    const options = [
      option({ id: "first", personWeeks: 10, money: { currency: "USD", fx: 7.1, oneOff: 60_000, monthly: 0, firstYear: 0, npv: 0 } }),
      option({ id: "second", personWeeks: 20, money: { currency: "USD", fx: 7.1, oneOff: 50_000, monthly: 0, firstYear: 0, npv: 0 } }),
      option({ id: "third", personWeeks: 30, money: { currency: "USD", fx: 7.1, oneOff: 30_000, monthly: 0, firstYear: 0, npv: 0 } }),
    ];
    const p = buildPortfolio(options, splitFor("bar", []), 100_000);
    expect(p.ranked.map((r) => [r.option.id, r.withinBudget])).toEqual([
      ["first", true],
      ["second", false],
      ["third", true],
    ]);
    expect(p.budget).toMatchObject({ amount: 100_000, count: 2, chosen: { oneOff: 90_000 } });
  });

  it("reads a real plan's figures: the workshop option of a template", () => {
    const plan = buildPlan(TEMPLATES[0].input.zh);
    const o = workshopOption("x", "画室", plan, ["a"]);
    expect(o).toMatchObject({ id: "x", title: "画室", tags: ["a"], verdict: plan.feasibility.verdict, score: plan.feasibility.score });
    expect(o.money.oneOff).toBe(plan.cost.oneOffTotal);
    expect(o.money.fx).toBe(plan.finance.exchangeRateCnyPerUsd);
    expect(o.personWeeks).toBe(plan.team.personWeeks);
    expect(o.feasibility).toBe(feasibilityWithoutValue(plan.feasibility.dimensions));
  });
});
