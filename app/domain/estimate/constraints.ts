// Stated constraints against the plan: people at the busiest time, weeks until a first version is in users' hands, the
// one-off budget. When one does not fit, the largest scope that fits them all: no iteration rounds, no fine-tune, prompt
// only, the first task only — each re-planned (team and timeline) with a stated team stretching the weeks it needs.
import { AssumptionBook } from "~/domain/estimate/assumptions/book";
import type { EstimateContext } from "~/domain/estimate/context";
import { dataVolumes } from "~/domain/estimate/data";
import { EST } from "~/domain/estimate/kb";
import { roundMoney, round3 } from "~/domain/estimate/money";
import type { Scope } from "~/domain/estimate/team/phases";
import { teamAndTimeline, type TeamTimeline } from "~/domain/estimate/team/plan";
import type { ConstraintCheck, ConstraintScope } from "~/domain/estimate/types";
import { convert } from "~/domain/estimate/units";
import type { BusinessFact } from "~/domain/profile/types";

interface Stated {
  team?: { value: number; fact: BusinessFact };
  weeks?: { value: number; fact: BusinessFact };
  budget?: { value: number; fact: BusinessFact };
}

function stated(ctx: EstimateContext): Stated {
  const p = ctx.profile;
  const out: Stated = {};
  const pick = (f: BusinessFact | undefined) => (f && f.value !== null ? f : undefined);
  const team = pick(p.constraintTeamSize);
  const weeks = pick(p.constraintWeeks);
  const budget = pick(p.constraintBudget);
  if (team) out.team = { value: team.value!, fact: team };
  if (weeks) out.weeks = { value: weeks.value!, fact: weeks };
  if (budget) out.budget = { value: round3(convert(ctx, budget.value!, budget.currency ?? ctx.currency)), fact: budget };
  return out;
}

/** People needed at the busiest time of the build: the largest sum of concurrent FTE, rounded up. */
export function peakPeople(tt: TeamTimeline): number {
  let peak = 0;
  const build = tt.timeline.phases.filter((p) => !p.ongoing);
  for (const a of build) {
    let sum = 0;
    for (const b of build)
      if (b.startWeek <= a.startWeek && a.startWeek < b.startWeek + Math.max(b.weeks, 1e-9)) sum += b.roles.reduce((s, r) => s + r.fte, 0);
    peak = Math.max(peak, sum);
  }
  return Math.max(1, Math.ceil(peak - 1e-9));
}

interface Planned {
  team: number;
  weeks: number;
  budget: number;
}

/** One-off cost of a scope: its build labour with the plan's contingency, plus the fine-tune and hardware if kept. */
function scopeBudget(ctx: EstimateContext, tt: TeamTimeline, fineTune: number, hardware: number): number {
  const share = ctx.book.value("cost.contingencyShare") ?? EST.cost.contingencyShare.value;
  return (tt.buildLabour + tt.buildAnnotation + fineTune + hardware) * (1 + share);
}

const SCOPES: { code: string; applies: (ctx: EstimateContext) => boolean; scope: (ctx: EstimateContext) => Scope }[] = [
  {
    code: "no_iteration",
    applies: (c) => c.fineTune,
    scope: (c) => ({ fineTune: true, iterate: false, rag: c.rag, tasks: Math.max(1, c.profile.tasks.value.length) }),
  },
  {
    code: "without_fine_tune",
    applies: (c) => c.fineTune,
    scope: (c) => ({ fineTune: false, iterate: false, rag: c.rag, tasks: Math.max(1, c.profile.tasks.value.length) }),
  },
  {
    code: "prompt_only",
    applies: (c) => c.fineTune || c.rag,
    scope: (c) => ({ fineTune: false, iterate: false, rag: false, tasks: Math.max(1, c.profile.tasks.value.length) }),
  },
  {
    code: "first_task_prompt_only",
    applies: (c) => c.profile.tasks.value.length > 1,
    scope: () => ({ fineTune: false, iterate: false, rag: false, tasks: 1 }),
  },
];

function fits(planned: Planned, s: Stated, stretchTeam: boolean): { fits: boolean; team: number; weeks: number } {
  // A smaller team does the same person-weeks: the weeks stretch by the ratio of people.
  const team = stretchTeam && s.team ? Math.min(planned.team, s.team.value) : planned.team;
  const weeks = s.team && planned.team > s.team.value ? planned.weeks * (planned.team / s.team.value) : planned.weeks;
  const ok =
    (!s.team || team <= s.team.value) &&
    (!s.weeks || weeks <= s.weeks.value + 1e-9) &&
    (!s.budget || planned.budget <= s.budget.value + 1e-6);
  return { fits: ok, team, weeks: round3(weeks) };
}

export function checkConstraints(
  ctx: EstimateContext,
  tt: TeamTimeline,
  oneOffTotal: number,
  fineTuneOneOff: number,
  hardwareOneOff: number,
): { constraints: ConstraintCheck[]; scope?: ConstraintScope } {
  const s = stated(ctx);
  const planned: Planned = { team: peakPeople(tt), weeks: round3(tt.firstVersionWeek), budget: roundMoney(oneOffTotal) };
  const check = (kind: ConstraintCheck["kind"], st: { value: number; fact: BusinessFact } | undefined, plan: number): ConstraintCheck[] => {
    if (!st) return [];
    const source = st.fact.source === "user" || st.fact.source === "llm" ? st.fact.source : "heuristic";
    return [
      {
        kind,
        stated: st.value,
        planned: plan,
        fits: plan <= st.value + 1e-6,
        source,
        ...(st.fact.evidence ? { evidence: st.fact.evidence } : {}),
      },
    ];
  };
  const constraints = [
    ...check("team", s.team, planned.team),
    ...check("weeks", s.weeks, planned.weeks),
    ...check("budget", s.budget, planned.budget),
  ];
  if (constraints.length === 0 || constraints.every((c) => c.fits)) return { constraints };
  const asPlanned = fits(planned, s, true);
  if (asPlanned.fits)
    return {
      constraints,
      scope: {
        code: "as_planned_smaller_team",
        params: {},
        team: asPlanned.team,
        weeks: asPlanned.weeks,
        budget: planned.budget,
        fits: true,
      },
    };
  let last: ConstraintScope | undefined;
  for (const option of SCOPES.filter((o) => o.applies(ctx))) {
    const scope = option.scope(ctx);
    // Re-plan the scope on a scratch book: the plan's own assumptions are registered once, for the plan as proposed.
    const alt: EstimateContext = {
      ...ctx,
      book: new AssumptionBook(ctx.input.assumptions ?? {}, ctx.currency),
      fineTune: scope.fineTune,
      rag: scope.rag,
      rewardModel: ctx.rewardModel && scope.fineTune,
      tier: scope.fineTune ? 3 : scope.rag ? 2 : 1,
    };
    const v = dataVolumes(alt);
    const wall = scope.fineTune ? (tt.timeline.phases.find((p) => p.id === "first_finetune")?.workVolume?.quantity ?? 0) : 0;
    const altTt = teamAndTimeline(alt, v, wall, scope);
    const budget = scopeBudget(ctx, altTt, scope.fineTune ? fineTuneOneOff : 0, ctx.selfHosted ? hardwareOneOff : 0);
    const r = fits({ team: peakPeople(altTt), weeks: altTt.firstVersionWeek, budget }, s, true);
    last = { code: option.code, params: { tasks: scope.tasks }, team: r.team, weeks: r.weeks, budget: roundMoney(budget), fits: r.fits };
    if (r.fits) return { constraints, scope: last };
  }
  return {
    constraints,
    scope: last
      ? { ...last, code: "none_fits", params: { ...last.params, closest: last.code } }
      : { code: "none_fits", params: {}, team: asPlanned.team, weeks: asPlanned.weeks, budget: planned.budget, fits: false },
  };
}
