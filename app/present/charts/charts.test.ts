import { describe, expect, it } from "vitest";
import { buildPlan } from "~/domain/plan";
import { parseScenarioInput } from "~/domain/scenario";
import { zeroAxis } from "~/present/charts/axis";
import { chartSpecsFor as buildChartSpecs } from "~/present/charts/build";
import { cashFlowRange } from "~/present/charts/cashflow";
import { CHART_IDS } from "~/present/charts/spec";
import { TORNADO_MAX_ROWS } from "~/present/charts/tornado";
import { assumptionLabel } from "~/i18n/assumption-labels";
import { ASSUMPTION_KEYS } from "~/domain/estimate/assumptions/registry";
import { translator } from "~/i18n/translate";
import { sensitivityGroups } from "~/present/sensitivity";
import { ART_STUDIO_ZH, planFrom, SUPPORT_EN } from "../../../test/report-fixtures";

const barePlan = () => {
  const r = parseScenarioInput({ description: "A chatbot that answers questions about our HR policies." });
  if (!r.ok) throw new Error("fixture");
  return buildPlan(r.value);
};

describe("chart specs", () => {
  it("gives all five charts for a full plan, serialisable and with text alternatives", () => {
    const plan = planFrom(SUPPORT_EN);
    const specs = buildChartSpecs(plan, "en");
    expect(Object.keys(specs)).toEqual([...CHART_IDS]);
    for (const id of CHART_IDS) {
      const s = specs[id];
      expect(s.empty, id).toBe(false);
      expect(s.alt.length, id).toBeGreaterThan(20);
      // No functions anywhere: the JSON round trip keeps everything.
      expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    }
  });

  it("draws the Gantt bars from startWeek to startWeek + weeks", () => {
    const plan = planFrom(SUPPORT_EN);
    const gantt = buildChartSpecs(plan, "en").gantt;
    const bars = gantt.config.data.datasets[0].data;
    expect(bars).toEqual(plan.timeline.phases.map((p) => [p.startWeek, p.startWeek + p.weeks]));
    expect(gantt.config.data.labels).toEqual(plan.timeline.phases.map((p) => p.nameText.en));
  });

  it("labels charts in the requested language", () => {
    const plan = planFrom(ART_STUDIO_ZH);
    const zh = buildChartSpecs(plan, "zh");
    const en = buildChartSpecs(plan, "en");
    expect(zh.cashflow.title).toMatch(/[\u4e00-\u9fff]/);
    expect(en.cashflow.title).not.toMatch(/[\u4e00-\u9fff]/);
    expect(zh.radar.config.data.labels).toEqual(plan.feasibility.dimensions.map((d) => d.label.zh));
    expect(en.gantt.alt).toContain(plan.timeline.phases[0].nameText.en);
  });

  it("marks the break-even month and the P10–P90 band on the cash-flow chart", () => {
    const plan = planFrom(ART_STUDIO_ZH);
    const spec = buildChartSpecs(plan, "en").cashflow;
    const be = plan.finance.breakEvenMonth;
    expect(be).not.toBeNull();
    const marker = spec.config.data.datasets.find((d) => String(d.label).startsWith("Break-even"));
    const idx = (spec.config.data.labels as string[]).indexOf(String(be));
    expect(marker?.data[idx]).not.toBeNull();
    expect(marker?.data.filter((v) => v !== null)).toHaveLength(1);
    const p90 = spec.config.data.datasets.find((d) => String(d.label).startsWith("P90"));
    expect((p90 as { fill?: unknown } | undefined)?.fill).toBe("-1");
    expect(spec.alt).toContain(`month ${be}`);
  });

  it("says a break-even range with an end past the horizon in words, in both languages", () => {
    const plan = planFrom(ART_STUDIO_ZH);
    const be = plan.finance.breakEvenMonth;
    expect(be).not.toBeNull();
    const withRange = (p10: number | null, p90: number | null) => ({
      ...plan,
      finance: { ...plan.finance, ranges: { ...plan.finance.ranges, breakEvenMonth: { ...plan.finance.ranges.breakEvenMonth, p10, p90 } } },
    });
    const open = buildChartSpecs(withRange(13, null), "en").cashflow.alt;
    expect(open).toContain(`Breaks even in month ${be} (P10–P90: month 13 to beyond the horizon).`);
    const openZh = buildChartSpecs(withRange(null, 13), "zh").cashflow.alt;
    expect(openZh).toContain(`第 ${be} 个月实现盈亏平衡（P10–P90：第 13 个月至预测期之后）。`);
    expect(buildChartSpecs(withRange(null, null), "zh").cashflow.alt).toContain("两端都在预测期之外");
    // Ends given in either order read from the earlier month to the later one.
    expect(buildChartSpecs(withRange(20, 9), "en").cashflow.alt).toContain("month 9 to 20");
  });

  it("draws the zero line as an emphasised grid line, not as a legend entry", () => {
    for (const locale of ["en", "zh"] as const) {
      const spec = buildChartSpecs(planFrom(ART_STUDIO_ZH), locale).cashflow;
      const labels = spec.config.data.datasets.map((d) => String(d.label));
      expect(labels.some((l) => /^(Zero|零)/.test(l))).toBe(false);
      // Every dataset left is a series of the plan: none is a constant line at 0.
      for (const d of spec.config.data.datasets) expect(d.data.every((v) => v === 0)).toBe(false);
      const y = (spec.config.options?.scales as Record<string, ReturnType<typeof zeroAxis>>).y;
      const zeroAt = Math.round((0 - y.min) / y.ticks.stepSize);
      expect(y.min + zeroAt * y.ticks.stepSize).toBeCloseTo(0, 9);
      expect(y.grid.color[zeroAt]).not.toBe(y.grid.color[(zeroAt + 1) % y.grid.color.length]);
      expect(y.grid.lineWidth[zeroAt]).toBeGreaterThan(1);
    }
  });

  it("fixes the y ticks so that they cover the data and include 0", () => {
    for (const values of [[-12.3, 45.6], [0.2, 0.9], [-7, -1], [0], [-0.03, 1234]]) {
      const y = zeroAxis(values);
      expect(y.min).toBeLessThanOrEqual(Math.min(0, ...values));
      expect(y.max).toBeGreaterThanOrEqual(Math.max(0, ...values));
      const steps = (y.max - y.min) / y.ticks.stepSize;
      expect(Math.abs(steps - Math.round(steps))).toBeLessThan(1e-9);
      expect(y.grid.color).toHaveLength(Math.round(steps) + 1);
      expect(y.grid.lineWidth.filter((w) => w > 1)).toHaveLength(1);
      expect(y.min + y.grid.lineWidth.indexOf(2) * y.ticks.stepSize).toBeCloseTo(0, 9);
    }
  });

  it("sorts tornado rows by effect and keeps them around the base NPV", () => {
    const plan = planFrom(SUPPORT_EN);
    const keys = ASSUMPTION_KEYS.slice(0, 12);
    plan.finance.sensitivity = Array.from({ length: 12 }, (_, i) => ({
      key: keys[i],
      base: 1,
      low: 0.8,
      high: 1.2,
      npvLow: plan.finance.npv - i * 1000,
      npvHigh: plan.finance.npv + i * 500,
      breakEvenLow: null,
      breakEvenHigh: null,
      effect: i * 1500,
    }));
    const spec = buildChartSpecs(plan, "en").tornado;
    expect(spec.config.data.labels).toHaveLength(TORNADO_MAX_ROWS);
    expect(spec.config.data.labels?.[0]).toBe(assumptionLabel(keys[11], "en"));
    const [low] = spec.config.data.datasets;
    const starts = (low.data as [number, number][]).map((d) => d[0]);
    expect(new Set(starts).size).toBe(1);
  });

  it("gives every chart of a bare plan a text alternative and a spec that survives JSON", () => {
    const plan = barePlan();
    const specs = buildChartSpecs(plan, "zh");
    for (const id of CHART_IDS) {
      expect(specs[id].alt).toBeTruthy();
      expect(JSON.parse(JSON.stringify(specs[id]))).toEqual(specs[id]);
    }
  });

  it("scales the cash-flow axis to the base case and the downside, so a far optimistic edge cannot flatten the base line", () => {
    // Base from −250K to +91K, P90 up to 2.5M: the axis stops at twice the base's span, and says the band goes on.
    const base = [-100e3, -250e3, -120e3, 91e3];
    const wide = cashFlowRange(base, [-120e3, -300e3, -200e3, -150e3], [0, 200e3, 900e3, 2.5e6]);
    expect(wide).toEqual({ lo: -300e3, hi: 91e3 + 391e3, clipped: true });
    // A band within reach is shown whole.
    expect(cashFlowRange(base, [-300e3], [100e3, 300e3])).toEqual({ lo: -300e3, hi: 300e3, clipped: false });
    const plan = planFrom(ART_STUDIO_ZH);
    const last = plan.finance.ranges.cumulative.at(-1)!;
    last.p90 = 50 * Math.max(...plan.finance.months.map((m) => Math.abs(m.cumulative)));
    const spec = buildChartSpecs(plan, "en").cashflow;
    const y = (spec.config.options?.scales as Record<string, ReturnType<typeof zeroAxis>>).y;
    const baseSeries = spec.config.data.datasets
      .find((d) => d.label === "Cumulative cash flow")!
      .data.filter((v): v is number => v !== null);
    // The axis stops far below the optimistic edge, so the base case keeps a readable share of it (the pessimistic
    // edge, which the decision must survive, is kept whole: at most half the axis above the base's top and P10's floor).
    expect(y.max).toBeLessThan(last.p90 / 10);
    expect((Math.max(...baseSeries) - Math.min(...baseSeries)) / (y.max - y.min)).toBeGreaterThan(0.25);
    expect(spec.alt).toMatch(/above the top of the chart/);
  });

  it("merges drivers that move the NPV identically into one bar named after all of them", () => {
    const plan = planFrom(ART_STUDIO_ZH);
    const [a, b] = plan.finance.sensitivity;
    plan.finance.sensitivity = [
      a,
      { ...b, npvLow: a.npvLow, npvHigh: a.npvHigh, breakEvenLow: a.breakEvenLow, breakEvenHigh: a.breakEvenHigh },
      ...plan.finance.sensitivity.slice(2),
    ];
    const groups = sensitivityGroups(plan, translator("en"));
    expect(groups[0].keys).toEqual(expect.arrayContaining([a.key, b.key]));
    expect(groups[0].label).toContain(assumptionLabel(a.key, "en"));
    expect(groups[0].label).toContain(assumptionLabel(b.key, "en"));
    const labels = buildChartSpecs(plan, "en").tornado.config.data.labels as string[];
    expect(labels.filter((l) => l === assumptionLabel(a.key, "en") || l === assumptionLabel(b.key, "en"))).toEqual([]);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
