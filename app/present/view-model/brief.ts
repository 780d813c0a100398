// The bottom line: verdict and a one-sentence answer, the ask, the money with its range, the three most serious risks,
// what must be true, the next step and its gate, and the inferred facts to confirm. The same object heads the plan
// page, the share page, the Markdown memo and pages 1–2 of the PDF.
import type { Verdict } from "~/domain/engine/types";
import { assumedRefs, moneyAssumptionKeys, usageAssumptionKeys } from "~/present/view-model/assumptions";
import { confirmViews } from "~/present/view-model/confirm";
import type { ViewContext } from "~/present/view-model/context";
import { constraintsOf, gateOf, qualityOf, regulationsOf } from "~/present/view-model/plan-extensions";
import { assumedFactTexts } from "~/present/view-model/profile-facts";
import type { Brief, BriefRisk, ConstraintView, KeyFigure, RegulationView, Tone } from "~/present/view-model/types";
import { qualityMetricLabel } from "~/i18n/assumption-labels";

const VERDICT_TONE: Record<Verdict, Tone> = { go: "good", pilot: "warn", rethink: "warn", no_go: "bad" };
const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

export function buildBrief(ctx: ViewContext): Brief {
  const { plan, t } = ctx;
  const constraints = constraintViews(ctx);
  const ask = askFigures(ctx, constraints);
  const money = moneyFigures(ctx);
  const quality = qualityFigure(ctx);
  return {
    verdict: {
      id: plan.feasibility.verdict,
      label: t.label("verdict", plan.feasibility.verdict),
      tone: VERDICT_TONE[plan.feasibility.verdict],
    },
    grade: plan.feasibility.grade,
    score: ctx.f.num(plan.feasibility.score, 0),
    tier: t.label("tier", plan.primaryTier),
    answer: answerSentence(ctx),
    ask,
    money,
    ...(quality ? { quality } : {}),
    risks: topRisks(ctx),
    mustBeTrue: mustBeTrue(ctx),
    nextStep: nextStep(ctx),
    confirm: confirmViews(ctx),
    constraints,
    // Only the rules that cap the verdict head the brief; an obligation that leaves it unchanged is among the risks.
    regulations: regulationViews(ctx, { capsOnly: true }),
    charts: plan.finance.months.length ? ["cashflow"] : [],
  };
}

function monthText(ctx: ViewContext, m: number | null): string {
  return m === null ? ctx.t("brief.never") : ctx.t("brief.month", { n: m });
}

/** "P10–P90: month 9 to month 20"; an end past the horizon is said once, not "never to never". */
export function breakEvenRange(ctx: ViewContext): string {
  const band = ctx.plan.finance.ranges.breakEvenMonth;
  if (band.p10 === null && band.p90 === null) return ctx.t("brief.range.neverBoth");
  return ctx.t("brief.range", { a: monthText(ctx, band.p10), b: band.p90 === null ? ctx.t("brief.beyond") : monthText(ctx, band.p90) });
}

function answerSentence(ctx: ViewContext): string {
  const { plan, t, f } = ctx;
  const fin = plan.finance;
  const money =
    fin.breakEvenMonth === null
      ? t("brief.answer.noBreakEven", { n: fin.horizonMonths, p: f.pct(fin.ranges.breakEvenProbability) })
      : t("brief.answer.breakEven", { m: fin.breakEvenMonth, range: breakEvenRange(ctx) });
  return t("brief.answer", {
    verdict: t.label("verdict", plan.feasibility.verdict),
    tier: t.label("tier", plan.primaryTier),
    people: f.num(plan.team.headcount, 0),
    weeks: f.num(plan.timeline.launchWeek),
    oneOff: f.moneyCompact(plan.cost.oneOffTotal),
    monthly: f.moneyCompact(plan.cost.monthlyTotal),
    money,
  });
}

function constraintViews(ctx: ViewContext): ConstraintView[] {
  const { t, f } = ctx;
  const show = (kind: string, v: number) =>
    kind === "budget" ? f.moneyCompact(v) : kind === "team" ? t("brief.people", { n: f.num(v, 0) }) : t("brief.weeks", { n: f.num(v) });
  return constraintsOf(ctx.plan).map((c) => ({
    kind: c.kind,
    label: t.label("constraint", c.kind),
    stated: show(c.kind, c.stated),
    planned: show(c.kind, c.planned),
    fits: c.fits,
  }));
}

function askFigures(ctx: ViewContext, constraints: ConstraintView[]): KeyFigure[] {
  const { plan, t, f } = ctx;
  const over = (kind: string): Partial<KeyFigure> => {
    const c = constraints.find((x) => x.kind === kind);
    return c
      ? { tone: c.fits ? "good" : "bad", detail: t(c.fits ? "brief.constraint.fits" : "brief.constraint.over", { stated: c.stated }) }
      : {};
  };
  const usageAssumed = assumedRefs(ctx, usageAssumptionKeys(ctx));
  return [
    {
      id: "oneOff",
      label: t("brief.ask.oneOff"),
      value: f.moneyCompact(plan.cost.oneOffTotal),
      detail: t("brief.ask.firstYear", { v: f.moneyCompact(plan.cost.firstYearTotal) }),
      ...over("budget"),
    },
    {
      id: "monthly",
      label: t("brief.ask.monthly"),
      value: f.moneyCompact(plan.cost.monthlyTotal),
      detail: t("brief.ask.monthlyDetail"),
      ...(usageAssumed.length ? { assumed: usageAssumed } : {}),
    },
    {
      id: "people",
      label: t("brief.ask.people"),
      value: t("brief.people", { n: f.num(plan.team.headcount, 0) }),
      detail: t("brief.ask.personWeeks", { n: f.num(plan.team.personWeeks, 0) }),
      ...over("team"),
    },
    {
      id: "weeks",
      label: t("brief.ask.weeks"),
      value: t("brief.weeks", { n: f.num(plan.timeline.launchWeek) }),
      detail: t("brief.ask.weeksDetail"),
      ...over("weeks"),
    },
  ];
}

function moneyFigures(ctx: ViewContext): KeyFigure[] {
  const { plan, t, f } = ctx;
  const fin = plan.finance;
  const assumed = assumedRefs(ctx, moneyAssumptionKeys(ctx));
  const p = fin.ranges.breakEvenProbability;
  const marks = assumed.length ? { assumed } : {};
  return [
    {
      id: "breakEven",
      label: t("brief.money.breakEven"),
      value: monthText(ctx, fin.breakEvenMonth),
      detail: `${breakEvenRange(ctx)} · ${t("brief.money.probability", { p: f.pct(p), n: fin.horizonMonths })}`,
      tone: fin.breakEvenMonth === null ? "bad" : p >= 0.8 ? "good" : "warn",
      ...marks,
    },
    {
      id: "npv",
      label: t("brief.money.npv", { n: fin.horizonMonths }),
      value: f.moneyCompact(fin.npv),
      detail: t("brief.range", { a: f.moneyCompact(fin.ranges.npv.p10), b: f.moneyCompact(fin.ranges.npv.p90) }),
      tone: fin.npv < 0 ? "bad" : fin.ranges.npv.p10 < 0 ? "warn" : "good",
      ...marks,
    },
  ];
}

function qualityFigure(ctx: ViewContext): KeyFigure | null {
  const q = qualityOf(ctx.plan);
  if (!q) return null;
  const { t, f } = ctx;
  return {
    id: "quality",
    label: t("brief.quality"),
    value: t("brief.range.plain", { a: f.pct(q.low), b: f.pct(q.high) }),
    detail: `${t.pick(q.metricText, qualityMetricLabel(q.metric, t.locale))} ${ctx.sources.refs(q.sources)}`.trim(),
  };
}

export function regulationViews(ctx: ViewContext, opts: { capsOnly?: boolean } = {}): RegulationView[] {
  const { t } = ctx;
  return regulationsOf(ctx.plan)
    .filter((r) => !opts.capsOnly || r.capVerdict)
    .map((r) => ({
      text: t.pick(r.text),
      requirement: t.pick(r.requirement),
      source: ctx.sources.add(r.source),
      ...(r.capVerdict ? { cap: t("regulation.cap", { verdict: t.label("verdict", r.capVerdict) }) } : {}),
    }));
}

function topRisks(ctx: ViewContext): BriefRisk[] {
  const { plan, t } = ctx;
  return [...plan.risks]
    .map((r, i) => ({ r, i }))
    .sort((a, b) => SEVERITY_ORDER[a.r.severity] - SEVERITY_ORDER[b.r.severity] || a.i - b.i)
    .slice(0, 3)
    .map(({ r }) => ({
      text: t.pick(r.text),
      severity: r.severity,
      severityLabel: t.label("severity", r.severity),
      mitigation: t.pick(r.mitigation),
    }));
}

/** The unstated figures the answer leans on most, and the defaults the verdict's reasons rest on. */
function mustBeTrue(ctx: ViewContext): string[] {
  const { plan, t, f } = ctx;
  const out: string[] = [];
  for (const g of ctx.drivers) {
    const items = g.keys.map((k) => ctx.assumptions.get(k)).filter((i) => i?.assumed);
    if (!items.length) continue;
    out.push(
      t("brief.mustBeTrue.driver", {
        what: t.list(items.map((i) => `${i!.label} ${i!.display}`)),
        low: f.moneyCompact(Math.min(g.npvLow, g.npvHigh)),
      }),
    );
    if (out.length === 3) break;
  }
  const facts = new Set(plan.feasibility.reasons.flatMap((r) => r.assumed ?? []));
  if (facts.size) out.push(t("brief.mustBeTrue.facts", { list: t.list(assumedFactTexts([...facts], plan.profile, t, ctx.currency)) }));
  return out;
}

function nextStep(ctx: ViewContext): Brief["nextStep"] {
  const { plan, t, f } = ctx;
  const first = plan.timeline.phases[0];
  const text = first ? t("brief.nextStep", { phase: t.pick(first.nameText, first.name), n: f.num(first.weeks) }) : t("brief.nextStep.none");
  const gated = plan.techniques.map((x) => ({ x, g: gateOf(x) })).find((y) => y.g);
  if (!gated?.g) return { text };
  return { text, gate: t("brief.gate", { gate: t.pick(gated.g.text, gated.g.gate), technique: t.pick(gated.x.name, gated.x.id) }) };
}
