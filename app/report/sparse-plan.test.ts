import { describe, expect, it } from "vitest";
import { planCurrency } from "~/report/sparse-plan";

describe("the plan's currency as every view reads it", () => {
  it("takes the finance model's, then the cost's, then the plan's, then the locale's for a plan that has none", () => {
    expect(planCurrency({ currency: "CNY", cost: { currency: "CNY" }, finance: { currency: "USD" } }, "zh")).toBe("USD");
    expect(planCurrency({ currency: "USD", cost: { currency: "CNY" } }, "en")).toBe("CNY");
    expect(planCurrency({ currency: "CNY" }, "en")).toBe("CNY");
    expect(planCurrency({}, "zh")).toBe("CNY");
    expect(planCurrency({}, "en")).toBe("USD");
  });
});
