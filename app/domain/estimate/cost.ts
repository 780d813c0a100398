// The cost model: one-off build costs and running costs at full use, by line and category. The finance model scales the
// variable part of the running costs with active users month by month.
import { kb } from "~/domain/estimate/assumptions/book";
import type { ComputeOutcome } from "~/domain/estimate/compute-plan";
import type { EstimateContext } from "~/domain/estimate/context";
import { EST } from "~/domain/estimate/kb";
import { roundMoney } from "~/domain/estimate/money";
import type { TeamTimeline } from "~/domain/estimate/team/plan";
import type { Cost, CostCategory, CostLine } from "~/domain/estimate/types";
import { byCurrency } from "~/domain/estimate/units";

export interface CostOutcome {
  cost: Cost;
  contingency: number;
  otherMonthly: number;
}

export interface CostAssumptions {
  contingencyShare: number;
  otherMonthly: number;
  otherOneOff: number;
}

export function costAssumptions(ctx: EstimateContext): CostAssumptions {
  const { book } = ctx;
  return {
    contingencyShare: book.get("cost.contingencyShare", kb(EST.cost.contingencyShare, true)),
    otherMonthly: book.get("cost.otherMonthly", {
      value: byCurrency(ctx, EST.cost.otherMonthly),
      source: "kb",
      citation: EST.cost.otherMonthly.source,
    }),
    otherOneOff: book.get("cost.otherOneOff", { value: 0, source: "default", derivation: { code: "cost.no_other_one_off" } }),
  };
}

const CATEGORIES: CostCategory[] = ["labour", "compute", "annotation", "inference", "other"];

export function costPlan(
  ctx: EstimateContext,
  tt: TeamTimeline,
  c: ComputeOutcome,
  commercialMonthly: number,
  a: CostAssumptions,
): CostOutcome {
  const { contingencyShare, otherMonthly, otherOneOff } = a;
  const contingency = contingencyShare * (tt.buildLabour + tt.buildAnnotation + c.fineTuneOneOff + c.hardwareOneOff) + otherOneOff;
  const services = c.compute.services.reduce((s, x) => s + x.monthlyCost, 0);
  const inference = c.compute.deployment === "api" ? c.compute.api.monthlyCost : c.compute.serving.monthlyCost;
  const line = (id: string, category: CostCategory, oneOff: number, monthly: number): CostLine => ({
    id,
    category,
    oneOff: roundMoney(oneOff),
    monthly: roundMoney(monthly),
  });
  const lines: CostLine[] = [
    line("build_labour", "labour", tt.buildLabour, tt.runLabour),
    line("data_work", "annotation", tt.buildAnnotation, tt.runAnnotation),
    ...(c.fineTuneOneOff > 0 || c.retrainMonthly > 0 ? [line("fine_tune", "compute", c.fineTuneOneOff, c.retrainMonthly)] : []),
    ...(c.hardwareOneOff > 0 ? [line("serving_hardware", "compute", c.hardwareOneOff, 0)] : []),
    line(
      c.compute.deployment === "api" ? "inference_api" : c.compute.serving.ownership === "owned" ? "inference_power" : "inference_gpu",
      "inference",
      0,
      inference,
    ),
    ...(services > 0 || c.servicesOneOff > 0 ? [line("services", "inference", c.servicesOneOff, services)] : []),
    ...(commercialMonthly > 0 ? [line("sales_success", "labour", 0, commercialMonthly)] : []),
    line("other", "other", contingency, otherMonthly),
  ];
  const byCategory = CATEGORIES.map((category) => ({
    category,
    oneOff: roundMoney(lines.filter((l) => l.category === category).reduce((s, l) => s + l.oneOff, 0)),
    monthly: roundMoney(lines.filter((l) => l.category === category).reduce((s, l) => s + l.monthly, 0)),
  }));
  const oneOffTotal = roundMoney(lines.reduce((s, l) => s + l.oneOff, 0));
  const monthlyTotal = roundMoney(lines.reduce((s, l) => s + l.monthly, 0));
  return {
    cost: {
      currency: ctx.currency,
      lines,
      byCategory,
      oneOffTotal,
      monthlyTotal,
      firstYearTotal: roundMoney(oneOffTotal + 12 * monthlyTotal),
    },
    contingency,
    otherMonthly,
  };
}
