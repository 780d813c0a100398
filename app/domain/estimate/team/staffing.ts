// The team on the phases: each role's person-weeks and peak concurrent FTE (whole people), its build and running cost,
// and the average FTE the build keeps busy beside the peak headcount.
import type { AssumptionBook } from "~/domain/estimate/assumptions/book";
import type { AssumptionKey } from "~/domain/estimate/assumptions/registry";
import { ROLE_IDS, roleRate } from "~/domain/estimate/kb";
import { roundMoney, round3 } from "~/domain/estimate/money";
import type { PhaseDraft, RoleId } from "~/domain/estimate/team/phases";
import type { Schedule } from "~/domain/estimate/team/schedule";
import type { Team, TeamRole } from "~/domain/estimate/types";
import { byCurrency, WEEKS_PER_MONTH, type Money } from "~/domain/estimate/units";

/** Loaded monthly rate of a role in the plan's currency, registered once as `team.rate.<role>`. */
export function roleRateOf(book: AssumptionBook, money: Money, id: RoleId): number {
  const key = `team.rate.${id}` as AssumptionKey;
  const known = book.value(key);
  if (known !== undefined) return known;
  const r = roleRate(id);
  const value = byCurrency(money, { CNY: r.monthlyCNY, USD: r.monthlyUSD });
  return book.get(key, { value, source: "kb", citation: `${r.source} (${r.date})`, range: { low: value * 0.8, high: value * 1.3 } });
}

/** The most FTE a role carries at once (phases overlap on the Gantt), from the exact schedule. */
export function peakFte(phases: PhaseDraft[], start: Map<string, number>, role: RoleId): number {
  let peak = 0;
  for (const a of phases) {
    const t = start.get(a.id) ?? 0;
    let concurrent = 0;
    for (const b of phases) {
      const s = start.get(b.id) ?? 0;
      if (s <= t + 1e-9 && t < s + Math.max(b.weeks, 1e-9) - 1e-9) concurrent += b.roles[role] ?? 0;
    }
    peak = Math.max(peak, concurrent);
  }
  return peak;
}

export interface Staffing {
  team: Team;
  buildLabour: number;
  buildAnnotation: number;
  runLabour: number;
  runAnnotation: number;
  hourlyCost: { curator: number; annotator: number };
}

export function staff(book: AssumptionBook, money: Money, phases: PhaseDraft[], sched: Schedule, productiveHoursPerWeek: number): Staffing {
  const roles: TeamRole[] = [];
  let buildLabour = 0;
  let buildAnnotation = 0;
  let runLabour = 0;
  let runAnnotation = 0;
  const build = phases.filter((p) => !p.ongoing);
  const run = phases.find((p) => p.ongoing);
  const rate = (id: RoleId) => roleRateOf(book, money, id);
  for (const id of ROLE_IDS) {
    const perPhase = build.filter((p) => (p.roles[id] ?? 0) > 0).map((p) => ({ phaseId: p.id, fte: round3(p.roles[id]!) }));
    const runFte = run?.roles[id] ?? 0;
    if (perPhase.length === 0 && runFte === 0) continue;
    const personWeeks = build.reduce((s, p) => s + (p.roles[id] ?? 0) * p.weeks, 0);
    const labourCost = (personWeeks / WEEKS_PER_MONTH) * rate(id);
    const runMonthlyCost = runFte * rate(id);
    const peak = Math.max(runFte, peakFte(build, sched.start, id));
    roles.push({
      role: id,
      label: roleRate(id).label,
      count: Math.max(1, Math.ceil(peak - 1e-9)),
      ftePerPhase: runFte > 0 && run ? [...perPhase, { phaseId: run.id, fte: round3(runFte) }] : perPhase,
      personWeeks: round3(personWeeks),
      monthlyRate: roundMoney(rate(id)),
      labourCost: roundMoney(labourCost),
      runFte: round3(runFte),
      runMonthlyCost: roundMoney(runMonthlyCost),
    });
    if (id === "ops_curator" || id === "domain_annotator") {
      buildAnnotation += labourCost;
      runAnnotation += runMonthlyCost;
    } else {
      buildLabour += labourCost;
      runLabour += runMonthlyCost;
    }
  }
  const personWeeks = roles.reduce((s, r) => s + r.personWeeks, 0);
  const hourly = (id: RoleId) => rate(id) / WEEKS_PER_MONTH / productiveHoursPerWeek;
  return {
    team: {
      roles,
      headcount: roles.reduce((s, r) => s + r.count, 0),
      averageFte: round3(sched.launchWeek > 0 ? personWeeks / sched.launchWeek : 0),
      personWeeks: round3(personWeeks),
      labourCost: roundMoney(buildLabour + buildAnnotation),
      runMonthlyCost: roundMoney(runLabour + runAnnotation),
      currency: money.currency,
    },
    buildLabour,
    buildAnnotation,
    runLabour,
    runAnnotation,
    hourlyCost: { curator: hourly("ops_curator"), annotator: hourly("domain_annotator") },
  };
}
