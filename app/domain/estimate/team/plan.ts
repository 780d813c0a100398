// Team and timeline for a scope: the phases sized by their work, scheduled by their dependencies, staffed and costed.
import type { EstimateContext } from "~/domain/estimate/context";
import type { DataVolumes } from "~/domain/estimate/data";
import { draftPhases, phaseAssumptions, type PhaseAssumptions, type Scope } from "~/domain/estimate/team/phases";
import { schedule } from "~/domain/estimate/team/schedule";
import { staff } from "~/domain/estimate/team/staffing";
import type { Team, Timeline } from "~/domain/estimate/types";

export interface TeamTimeline {
  team: Team;
  timeline: Timeline;
  /** Preference labels the in-house annotators produce before launch (count toward the RM target). */
  labelledBeforeLaunch: number;
  /** Hourly in-house cost of the people who curate and annotate (plan currency). */
  hourlyCost: { curator: number; annotator: number };
  /** Build labour split by cost category. */
  buildLabour: number;
  buildAnnotation: number;
  runLabour: number;
  runAnnotation: number;
  /** Exact weeks to launch, for the finance model. */
  launchWeek: number;
  /** Exact weeks to the first version in real users' hands. */
  firstVersionWeek: number;
  /** Launch week if the trial and iteration assumptions land at the low / high ends of their ranges. */
  launchWeekRange: { low: number; high: number };
}

/** The scope the plan proposes: what the committed techniques call for. */
export function proposedScope(ctx: EstimateContext): Scope {
  return { fineTune: ctx.fineTune, iterate: ctx.fineTune, rag: ctx.rag, tasks: Math.max(1, ctx.profile.tasks.value.length) };
}

export function teamAndTimeline(
  ctx: EstimateContext,
  v: DataVolumes,
  firstRunWallHours: number,
  scope: Scope = proposedScope(ctx),
  assumptions?: PhaseAssumptions,
): TeamTimeline {
  const a = assumptions ?? phaseAssumptions(ctx, v, scope);
  const phases = draftPhases(ctx, v, scope, a, firstRunWallHours);
  const sched = schedule(phases, ctx.locale);
  const s = staff(ctx.book, ctx, phases, sched, v.productiveHoursPerWeek);
  // Half of the annotators' time during trial and iteration goes to preference labels.
  const labelledBeforeLaunch =
    ctx.rewardModel && scope.fineTune
      ? Math.floor((a.annotators * (a.trial + a.rounds * a.perRound) * v.productiveHoursPerWeek * 60 * 0.5) / v.minutesPerComparison)
      : 0;
  return {
    team: s.team,
    timeline: sched.timeline,
    labelledBeforeLaunch,
    hourlyCost: s.hourlyCost,
    buildLabour: s.buildLabour,
    buildAnnotation: s.buildAnnotation,
    runLabour: s.runLabour,
    runAnnotation: s.runAnnotation,
    launchWeek: sched.launchWeek,
    firstVersionWeek: sched.firstVersionWeek,
    launchWeekRange: slipRange(ctx, sched.launchWeek, scope),
  };
}

/** The critical path ends with the internal trial and the iteration rounds; their ranges move the launch. */
function slipRange(ctx: EstimateContext, launch: number, scope: Scope): { low: number; high: number } {
  const { book } = ctx;
  const span = (key: "timeline.internalTrialWeeks" | "timeline.iterationRounds" | "timeline.weeksPerIterationRound") => {
    const r = book.range(key);
    const v = book.value(key) ?? 0;
    return { v, low: r?.low ?? v, high: r?.high ?? v };
  };
  const trial = span("timeline.internalTrialWeeks");
  let low = launch - (trial.v - trial.low);
  let high = launch + (trial.high - trial.v);
  if (scope.fineTune && scope.iterate) {
    const rounds = span("timeline.iterationRounds");
    const per = span("timeline.weeksPerIterationRound");
    const base = Math.round(rounds.v) * per.v;
    low -= base - Math.round(rounds.low) * per.low;
    high += Math.round(rounds.high) * per.high - base;
  }
  return { low: Math.max(1, Math.min(low, launch)), high: Math.max(high, launch) };
}
