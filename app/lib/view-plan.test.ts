import { describe, expect, it } from "vitest";
import { buildPlan } from "~/domain/plan";
import { parseScenarioInput } from "~/domain/scenario";
import { chartsForVersion, planForView } from "~/lib/view-plan";
import { buildChartSpecs } from "~/report/chart-specs";

function plan() {
  const r = parseScenarioInput({ description: "Draft replies to customer emails for our online shop; an agent approves each one.", market: "toB" });
  if (!r.ok) throw new Error("fixture");
  return buildPlan(r.value);
}

describe("the plan as the page receives it", () => {
  it("drops only what the page does not render and leaves the stored plan untouched", () => {
    const full = plan();
    const copy = structuredClone(full);
    const view = planForView(full);
    expect(view.feasibility.trace).toEqual([]);
    expect(view.finance.months).toEqual([]);
    expect(view.feasibility.reasons).toEqual(full.feasibility.reasons);
    expect(view.finance.npv).toBe(full.finance.npv);
    expect(view.assumptions).toEqual(full.assumptions);
    expect(full).toEqual(copy);
    expect(JSON.stringify(view).length).toBeLessThan(JSON.stringify(full).length);
  });

  it("builds the charts from the full plan, the same as the report's specs", () => {
    const full = plan();
    expect(chartsForVersion("test:1", full, "zh")).toEqual(buildChartSpecs(full, "zh"));
    expect(chartsForVersion("test:1", full, "en").cashflow.title).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
