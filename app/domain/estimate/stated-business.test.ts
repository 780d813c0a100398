// Business figures written in the description reach the finance model, cited by their words.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildPlan } from "~/domain/plan";
import { parseScenarioInput, type ScenarioInputRaw } from "~/domain/scenario";
import type { DecisionPlan } from "~/domain/plan-types";
import { WEEKS_PER_MONTH } from "~/domain/estimate/units";

function plan(raw: ScenarioInputRaw): DecisionPlan {
  const parsed = parseScenarioInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return buildPlan(parsed.value);
}
const assumption = (p: DecisionPlan, key: string) => p.assumptions.find((a) => a.key === key);
const width = (p: DecisionPlan, key: string) => {
  const a = assumption(p, key)!;
  return (a.range!.high - a.range!.low) / (a.value as number);
};

const artStudio = (price: string) =>
  `画室老师输入学生画作的要点，AI 生成评语，老师修改后发给家长。面向全国画室老师，1000 多位老师，${price}。`;

describe("the seed's art-studio description", () => {
  const p30 = plan({ description: artStudio("月付 30 元") });

  it("takes the price per user per month from the description, cited by its words", () => {
    expect(p30.finance.model).toBe("toC");
    expect(assumption(p30, "finance.pricePerUserMonth")).toMatchObject({ value: 30, source: "profile" });
    expect(assumption(p30, "finance.pricePerUserMonth")!.derivation).toMatchObject({
      code: "finance.stated",
      params: { words: "月付 30 元" },
    });
    expect(p30.profile.pricePerUserMonth).toMatchObject({ value: 30, source: "heuristic", currency: "CNY" });
  });

  it("draws a stated price from a narrower range than the knowledge-base default", () => {
    const unstated = plan({ description: artStudio("按月收费") });
    expect(assumption(unstated, "finance.pricePerUserMonth")!.source).toBe("kb");
    expect(width(p30, "finance.pricePerUserMonth")).toBeLessThan(width(unstated, "finance.pricePerUserMonth"));
  });

  it("earns more every month and never breaks even later at 月付 60 元", () => {
    const p60 = plan({ description: artStudio("月付 60 元") });
    expect(assumption(p60, "finance.pricePerUserMonth")!.value).toBe(60);
    const live = p30.finance.months.filter((m) => m.month > p30.finance.launchMonth);
    for (const m of live) expect(p60.finance.months[m.month - 1].revenue).toBeGreaterThan(m.revenue);
    expect(p60.finance.breakEvenMonth ?? Infinity).toBeLessThanOrEqual(p30.finance.breakEvenMonth ?? Infinity);
  });

  it("never breaks even later as the stated price rises (any two prices)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 300 }), fc.integer({ min: 5, max: 300 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const beLo = plan({ description: artStudio(`月付 ${lo} 元`) }).finance.breakEvenMonth ?? Infinity;
        const beHi = plan({ description: artStudio(`月付 ${hi} 元`) }).finance.breakEvenMonth ?? Infinity;
        return beHi <= beLo;
      }),
      { numRuns: 15 },
    );
  });

  it("lets business.pricePerUserMonth win over the description", () => {
    const p = plan({ description: artStudio("月付 30 元"), business: { pricePerUserMonth: 45 } });
    expect(assumption(p, "finance.pricePerUserMonth")).toMatchObject({ value: 45, source: "user", citation: "business.pricePerUserMonth" });
  });
});

describe("currencies are never mixed", () => {
  it("converts a dollar price in a Chinese description to yuan with the exchange-rate assumption", () => {
    const fx = 7;
    const p = plan({ description: artStudio("每人每月 $5"), assumptions: { "compute.exchangeRateCnyPerUsd": fx } });
    expect(p.currency).toBe("CNY");
    expect(assumption(p, "finance.pricePerUserMonth")!.value).toBeCloseTo(5 * fx, 6);
    expect(assumption(p, "finance.pricePerUserMonth")!.derivation?.params).toMatchObject({
      words: expect.stringContaining("$5"),
      from: "USD",
    });
  });

  it("converts a yuan price in an English description to dollars", () => {
    const p = plan({
      description: "A consumer app for art teachers who write comments for parents, priced at ¥70 per month.",
      assumptions: { "compute.exchangeRateCnyPerUsd": 7 },
    });
    expect(p.currency).toBe("USD");
    expect(assumption(p, "finance.pricePerUserMonth")!.value).toBeCloseTo(10, 6);
  });
});

describe("internal savings stated in the description", () => {
  it.each([
    ["Internal assistant for our 200 support agents. It saves each agent 5 hours a week; loaded cost $60/hour; adoption 70%.", 60],
    ["内部客服助手，200 名客服，每人每周节省 5 小时，时薪 80 元，采用率 70%。", 80],
  ])("%s", (description, wage) => {
    const p = plan({ description });
    expect(p.finance.model).toBe("internal");
    const values = Object.fromEntries(
      ["staffAffected", "hoursSavedPerStaffPerWeek", "loadedHourlyWage", "adoptionRate"].map((k) => [k, assumption(p, `finance.${k}`)]),
    );
    expect(values.staffAffected).toMatchObject({ value: 200, source: "profile" });
    expect(values.hoursSavedPerStaffPerWeek).toMatchObject({ value: 5, source: "profile" });
    expect(values.loadedHourlyWage).toMatchObject({ value: wage, source: "profile" });
    expect(values.adoptionRate).toMatchObject({ value: 0.7, source: "profile" });
    // At the adoption plateau the savings are staff × adoption × hours × weeks per month × wage × the share of the
    // time saved that turns into value (TEI recapture); a stated saving is net of review.
    const recapture = assumption(p, "finance.recaptureShare")!.value as number;
    expect(recapture).toBe(0.5);
    expect(p.finance.revenueModel).toBe("savings");
    expect(p.finance.monthlyBenefitAtHorizon).toBeCloseTo(200 * 0.7 * 5 * WEEKS_PER_MONTH * wage * recapture, 0);
  });
});

describe("a B2B business stated in the description", () => {
  it("reads contract value, customers and sales cycle (zh)", () => {
    const p = plan({ description: "为客服团队提供工单回复草稿的 SaaS，按年签约，年费 10 万，目标 30 家客户，销售周期 4 个月。" });
    expect(p.finance.model).toBe("toB");
    expect(assumption(p, "finance.contractValuePerYear")).toMatchObject({ value: 100_000, source: "profile" });
    expect(assumption(p, "finance.targetCustomers")).toMatchObject({ value: 30, source: "profile" });
    expect(assumption(p, "finance.salesCycleMonths")).toMatchObject({ value: 4, source: "profile" });
  });

  it("sells seats: the per-seat price and the seats per customer from the staff each customer has (en)", () => {
    const p = plan({
      description:
        "A B2B SaaS that drafts replies for support teams, sold per seat: $20 per seat per month, to 40 customers with 50 support agents each.",
    });
    expect(p.finance.model).toBe("toB");
    expect(p.finance.revenueModel).toBe("seats");
    expect(assumption(p, "finance.pricePerUserMonth")).toMatchObject({ value: 20, source: "profile" });
    expect(assumption(p, "finance.seatsPerCustomer")?.value).toBe(50);
    expect(assumption(p, "finance.pricePerUserMonth")!.derivation?.params?.words).toContain("$20 per seat per month");
  });

  it("takes a sourced default of seats per customer when neither seats nor users per customer are known, not one seat each", () => {
    const p = plan({ description: "A B2B SaaS for support teams at $20 per seat per month, sold to 40 customers." });
    expect(assumption(p, "finance.seatsPerCustomer")).toMatchObject({ source: "kb", value: 10 });
    const spread = plan({
      description: "A B2B SaaS for support teams at $20 per seat per month, sold to 40 customers.",
      usage: { users: 2000 },
    });
    expect(assumption(spread, "finance.seatsPerCustomer")).toMatchObject({ value: 50, derivation: { code: "finance.seats_from_users" } });
    expect(assumption(p, "finance.targetCustomers")).toMatchObject({ value: 40, source: "profile" });
  });
});

describe("an approximate amount in the description", () => {
  // The seed's own wording: "全国1000多月付费几十元的用户".
  const approx = plan({ description: "画室老师输入学生画作的要点，AI 生成评语，老师修改后发给家长。全国1000多月付费几十元的用户。" });

  it("takes the price as stated, drawn from the span its words allow instead of ±10%", () => {
    expect(assumption(approx, "finance.pricePerUserMonth")).toMatchObject({ value: 30, source: "profile", range: { low: 10, high: 90 } });
    expect(assumption(approx, "finance.pricePerUserMonth")!.derivation?.params?.words).toContain("几十元");
    expect(approx.profile.pricePerUserMonth).toMatchObject({ value: 30, source: "heuristic", range: { low: 10, high: 90 } });
  });

  it("is drawn from a wider range than an exact price, which keeps ±10%", () => {
    const exact = plan({ description: artStudio("月付 30 元") });
    expect(width(approx, "finance.pricePerUserMonth")).toBeGreaterThan(width(exact, "finance.pricePerUserMonth"));
    expect(assumption(exact, "finance.pricePerUserMonth")!.range).toMatchObject({ low: 27, high: 33 });
  });

  it("converts the span with the price when the currencies differ", () => {
    const p = plan({ description: artStudio("每人每月几十美元"), assumptions: { "compute.exchangeRateCnyPerUsd": 7 } });
    expect(p.currency).toBe("CNY");
    expect(assumption(p, "finance.pricePerUserMonth")).toMatchObject({ value: 210, range: { low: 70, high: 630 } });
  });

  it("leaves the price to the knowledge base when 几十 counts things, not money", () => {
    for (const words of ["每天几十条评语", "几十个老师"]) {
      const p = plan({ description: artStudio(words) });
      expect(p.profile.pricePerUserMonth?.value).toBeNull();
      expect(assumption(p, "finance.pricePerUserMonth")!.source).toBe("kb");
    }
  });
});
