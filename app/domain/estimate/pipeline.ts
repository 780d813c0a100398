// The plan's estimates: context → load → data → compute → team and timeline → feedback → cost → finance → constraints
// → expected quality. Every figure goes through one assumption book (overridable, sourced, registered once).
import type { Assessment } from "~/domain/engine/assess";
import { AssumptionBook, kb } from "~/domain/estimate/assumptions/book";
import { planCompute } from "~/domain/estimate/compute-plan";
import { checkConstraints } from "~/domain/estimate/constraints";
import { planShape, type EstimateContext } from "~/domain/estimate/context";
import { costAssumptions, costPlan } from "~/domain/estimate/cost";
import { dataAnchors, dataNeeds, dataVolumes } from "~/domain/estimate/data";
import { feedbackPlan } from "~/domain/estimate/feedback";
import { buildFinance } from "~/domain/estimate/finance/build";
import { EST } from "~/domain/estimate/kb";
import { roundMoney, round3 } from "~/domain/estimate/money";
import { expectedQuality } from "~/domain/estimate/quality";
import { withCommercialRoles } from "~/domain/estimate/team/commercial";
import { teamAndTimeline } from "~/domain/estimate/team/plan";
import type {
  Assumption,
  Compute,
  ConstraintCheck,
  ConstraintScope,
  Cost,
  DataPlan,
  FeedbackPlan,
  Finance,
  Quality,
  Team,
  Timeline,
} from "~/domain/estimate/types";
import { planLoad } from "~/domain/estimate/workload/load";
import type { Profile } from "~/domain/profile/types";
import type { Currency, ScenarioInput } from "~/domain/scenario";

export interface EstimateInput {
  input: ScenarioInput;
  profile: Profile;
  assessment: Assessment;
  currency: Currency;
}

export interface Estimates {
  team: Team;
  timeline: Timeline;
  feedback: FeedbackPlan;
  data: DataPlan;
  compute: Compute;
  cost: Cost;
  finance: Finance;
  /** One check per stated constraint (team, weeks, budget); empty when none is stated. */
  constraints: ConstraintCheck[];
  /** When a stated constraint does not fit: the largest scope that does (or the closest). */
  constraintScope?: ConstraintScope;
  /** The expected effect band for the task at the chosen tier, and its projection over feedback rounds. */
  quality: Quality;
  assumptions: Assumption[];
}

function context({ input, profile, assessment, currency }: EstimateInput): EstimateContext {
  const book = new AssumptionBook(input.assumptions ?? {}, currency);
  const fxKb = EST.exchangeRate;
  const fx = book.get("compute.exchangeRateCnyPerUsd", {
    ...kb({ value: fxKb.cnyPerUsd, low: fxKb.low, high: fxKb.high, source: `${fxKb.source} (${fxKb.date})` }, true),
  });
  return {
    input,
    profile,
    assessment,
    currency,
    locale: profile.locale.value,
    market: profile.market.value,
    book,
    fx,
    ...planShape(profile, assessment),
  };
}

export type CoreEstimates = Pick<Estimates, "cost" | "finance" | "team" | "timeline" | "constraints">;

/**
 * The base case only, for callers that re-estimate many variants (the judgment's `confirm[]`): the same cost, team,
 * timeline, finance and constraints as `estimatePlan` (pipeline.test.ts holds them equal on every template and
 * scenario), a point estimate: no sensitivity table, no Monte Carlo, and none of what only the page shows (the data
 * plan, the expected quality, the assumption list).
 */
export function estimateCore(args: EstimateInput): CoreEstimates {
  const { cost, finance, team, timeline, constraints } = baseCase(args, false, false).core;
  return { cost, finance, team, timeline, constraints };
}

export function estimatePlan(args: EstimateInput, options: { ranges?: boolean } = {}): Estimates {
  const { ctx, needs = [], computeOut, feedback, core, scope } = baseCase(args, options.ranges !== false, true);
  const data: DataPlan = {
    needs,
    anchors: dataAnchors(),
    tokensPerExample: ctx.book.value("compute.tokensPerExample") ?? computeOut.compute.fineTune?.tokensPerExample ?? 0,
    totalToCollect: needs.filter((n) => n.unit !== "documents").reduce((s, n) => s + n.toCollect, 0),
    annotationHours: round3(needs.reduce((s, n) => s + n.annotationHours, 0)),
    annotationCost: roundMoney(needs.reduce((s, n) => s + n.annotationCost, 0)),
    currency: ctx.currency,
  };
  return {
    team: core.team,
    timeline: core.timeline,
    feedback,
    data,
    compute: computeOut.compute,
    cost: core.cost,
    finance: core.finance,
    constraints: core.constraints,
    ...(scope ? { constraintScope: scope } : {}),
    quality: expectedQuality(ctx),
    assumptions: ctx.book.list(),
  };
}

/**
 * Context → load → compute, team and timeline → feedback → (the data plan, when `withData`) → cost → finance →
 * constraints. The data plan is read in its place so the assumptions are listed in the same order as always.
 */
function baseCase(args: EstimateInput, ranges: boolean, withData: boolean) {
  const ctx = context(args);
  const load = planLoad(ctx);
  const volumes = dataVolumes(ctx);
  const { tt, computeOut } = teamAndTimelineFor(ctx, volumes, load);
  const feedback = feedbackPlan(ctx, volumes, tt.labelledBeforeLaunch, load);
  const needs = withData ? dataNeeds(ctx, volumes, tt.hourlyCost) : undefined;
  const ca = costAssumptions(ctx);
  const costs0 = costPlan(ctx, tt, computeOut, 0, ca);
  const fin = buildFinance(
    ctx,
    {
      load,
      launchWeek: tt.launchWeek,
      launchWeekRange: tt.launchWeekRange,
      oneOffLabour: tt.buildLabour + tt.buildAnnotation,
      oneOffOther: computeOut.fineTuneOneOff + computeOut.hardwareOneOff + computeOut.servicesOneOff + costs0.contingency,
      runningLabour: tt.runLabour + tt.runAnnotation,
      runningFixed: computeOut.fixedMonthly + costs0.otherMonthly + computeOut.retrainMonthly,
      variableMonthly: computeOut.variableMonthly,
      reviewShare: feedback.review.reviewShare,
      apiTokenCost: computeOut.apiTokenCost,
      deployment: computeOut.compute.deployment,
    },
    ranges,
  );
  const team = withCommercialRoles(tt.team, fin.commercial, fin.customersAtHorizon);
  const commercialMonthly = roundMoney(team.runMonthlyCost - tt.team.runMonthlyCost);
  const { cost } = commercialMonthly > 0 ? costPlan(ctx, tt, computeOut, commercialMonthly, ca) : costs0;
  const checked = checkConstraints(ctx, tt, cost.oneOffTotal, computeOut.fineTuneOneOff, computeOut.hardwareOneOff);
  const core: CoreEstimates = { team, timeline: tt.timeline, cost, finance: fin.finance, constraints: checked.constraints };
  return { ctx, needs, computeOut, feedback, core, scope: checked.scope };
}

/** Compute comes first (the fine-tune's wall time sizes the first round), then the team and timeline around it. */
function teamAndTimelineFor(ctx: EstimateContext, volumes: ReturnType<typeof dataVolumes>, load: ReturnType<typeof planLoad>) {
  const rounds = ctx.fineTune ? Math.round(ctx.input.assumptions?.["timeline.iterationRounds"] ?? EST.timeline.iterationRounds.value) : 0;
  const computeOut = planCompute(ctx, volumes, 1 + rounds, load);
  const tt = teamAndTimeline(ctx, volumes, computeOut.compute.fineTune?.wallHours ?? 0);
  return { tt, computeOut };
}
