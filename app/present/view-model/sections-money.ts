// Question 6: how it makes or saves money, what it costs, and when it breaks even, with the ranges and the drivers.
import { costLineLabel } from "~/i18n/assumption-labels";
import { breakEvenRange } from "~/present/view-model/brief";
import type { ViewContext } from "~/present/view-model/context";
import { unitEconomicsOf } from "~/present/view-model/plan-extensions";
import type { Block, Section } from "~/present/view-model/types";

export function moneySection(ctx: ViewContext): Section {
  const { plan, t, f } = ctx;
  const fin = plan.finance;
  const cost = plan.cost;
  const blocks: Block[] = [{ kind: "paragraph", text: t("q6.model", { model: t.label("financeModel", fin.model) }) }];
  if (cost.lines.length) {
    blocks.push({ kind: "chart", chartId: "cost" });
    blocks.push({
      kind: "table",
      testId: "cost-table",
      columns: [t("plan.cost.line"), t("plan.cost.oneOff"), t("plan.cost.monthly")],
      rows: [
        ...cost.lines.map((l) => [costLineLabel(l.id, t.locale), f.money(l.oneOff), f.money(l.monthly)]),
        [{ text: t("plan.team.total") }, f.money(cost.oneOffTotal), f.money(cost.monthlyTotal)],
      ],
      numeric: [false, true, true],
      widths: ["*", 100, 100],
    });
    blocks.push({ kind: "paragraph", text: t("q6.firstYear", { v: f.money(cost.firstYearTotal) }) });
  }
  if (fin.months.length) {
    blocks.push({ kind: "chart", chartId: "cashflow" });
    const r = fin.ranges;
    const range = (a: string, b: string) => t("brief.range", { a, b });
    const rows = [
      [
        t("brief.money.breakEven"),
        fin.breakEvenMonth === null ? t("brief.never") : t("brief.month", { n: fin.breakEvenMonth }),
        breakEvenRange(ctx),
      ],
      [t("q6.npv", { rate: f.pct(fin.discountRate, 1) }), f.money(fin.npv), range(f.moneyCompact(r.npv.p10), f.moneyCompact(r.npv.p90))],
      [t("q6.roi", { n: fin.horizonMonths }), f.pct(fin.roi), range(f.pct(r.roi.p10), f.pct(r.roi.p90))],
      [t("q6.probability", { n: fin.horizonMonths }), f.pct(r.breakEvenProbability), ""],
      [t(fin.model === "internal" ? "q6.totalSavings" : "q6.totalRevenue", { n: fin.horizonMonths }), f.money(fin.totalRevenue), ""],
      [t("q6.totalCost", { n: fin.horizonMonths }), f.money(fin.totalCost), ""],
      [
        t("q6.spentBeforeBreakEven"),
        fin.costToBreakEven === null ? t("brief.never") : f.money(fin.costToBreakEven),
        t("q6.spentBeforeBreakEvenNote"),
      ],
    ];
    blocks.push({
      kind: "table",
      testId: "finance-table",
      columns: [t("q6.measure"), t("q6.base"), t("q6.range")],
      rows,
      numeric: [false, true, false],
      widths: ["*", 100, 150],
    });
    blocks.push({ kind: "paragraph", text: t("q6.monteCarlo", { runs: f.num(fin.monteCarlo.runs, 0) }) });
  } else blocks.push({ kind: "paragraph", text: t("plan.finance.none") });
  const ue = unitEconomicsOf(plan);
  if (ue) {
    const rows: string[][] = [];
    const add = (key: Parameters<typeof t>[0], v: number | null, show: (x: number) => string) => {
      if (v !== null) rows.push([t(key), show(v)]);
    };
    add("q6.ue.costPerActiveUserMonth", ue.costPerActiveUserMonth, f.price);
    add("q6.ue.grossMargin", ue.grossMargin, (x) => f.pct(x));
    add("q6.ue.ltv", ue.ltv, f.money);
    add("q6.ue.cac", ue.cac, f.money);
    add("q6.ue.ltvToCac", ue.ltvToCac, (x) => f.num(x, 1));
    add("q6.ue.paybackMonths", ue.paybackMonths, (x) => t("q6.ue.months", { n: f.num(x, 1) }));
    if (rows.length)
      blocks.push(
        { kind: "subheading", text: t("q6.unitEconomics") },
        { kind: "table", columns: [t("q6.measure"), t("q6.base")], rows, numeric: [false, true], widths: ["*", 120] },
      );
  }
  if (ctx.drivers.length) {
    blocks.push({ kind: "subheading", text: t("plan.finance.sensitivity") }, { kind: "chart", chartId: "tornado" });
    blocks.push({
      kind: "table",
      columns: [t("plan.finance.driver"), t("plan.finance.npvLow"), t("plan.finance.npvHigh"), t("q6.breakEvenLowHigh")],
      rows: ctx.drivers.map((g) => [
        g.label,
        f.moneyCompact(g.npvLow),
        f.moneyCompact(g.npvHigh),
        `${g.breakEvenLow ?? "—"} / ${g.breakEvenHigh ?? "—"}`,
      ]),
      numeric: [false, true, true, true],
      widths: ["*", 75, 75, 90],
    });
  }
  return { id: "q6", heading: t("plan.q6"), short: t("toc.q6"), blocks, appendix: false };
}
