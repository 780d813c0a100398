// A dependency scheduler: each phase starts when all it depends on have ended, on a half-week grid for the Gantt and in
// exact weeks for the money (so staffing changes do not move cost through rounding).
import { EST } from "~/domain/estimate/kb";
import { round3 } from "~/domain/estimate/money";
import type { PhaseDraft } from "~/domain/estimate/team/phases";
import type { Locale } from "~/domain/scenario";
import type { Timeline, TimelinePhase } from "~/domain/estimate/types";

const half = (w: number) => Math.ceil(w * 2 - 1e-9) / 2;

export interface Schedule {
  timeline: Timeline;
  /** Exact weeks to launch (the end of the last build phase), for the finance model. */
  launchWeek: number;
  /** Exact week the first version reaches real users (the start of the trial). */
  firstVersionWeek: number;
  /** Exact start week of each phase. */
  start: Map<string, number>;
}

export function schedule(phases: PhaseDraft[], locale: Locale): Schedule {
  const names = EST.timeline.phases;
  const end = new Map<string, number>();
  const exactEnd = new Map<string, number>();
  const exactStart = new Map<string, number>();
  const out: TimelinePhase[] = [];
  for (const p of phases) {
    const start = Math.max(0, ...p.dependsOn.map((d) => end.get(d) ?? 0));
    const s = Math.max(0, ...p.dependsOn.map((d) => exactEnd.get(d) ?? 0));
    const weeks = half(p.weeks);
    end.set(p.id, start + weeks);
    exactStart.set(p.id, s);
    exactEnd.set(p.id, s + p.weeks);
    const nameText = names[p.nameKey] ?? { zh: p.nameKey, en: p.nameKey };
    out.push({
      id: p.id,
      nameKey: p.nameKey,
      name: nameText[locale],
      nameText,
      startWeek: start,
      weeks,
      dependsOn: p.dependsOn,
      roles: Object.entries(p.roles).map(([role, fte]) => ({ role, fte: round3(fte as number) })),
      ...(p.workVolume ? { workVolume: p.workVolume } : {}),
      ongoing: Boolean(p.ongoing),
      ...(p.milestone ? { milestone: EST.timeline.milestone } : {}),
    });
  }
  const build = phases.filter((p) => !p.ongoing);
  const launchWeek = Math.max(0, ...build.map((p) => exactEnd.get(p.id) ?? 0));
  const trial = phases.find((p) => p.id === "internal_trial");
  const firstVersionWeek = trial ? (exactStart.get(trial.id) ?? launchWeek) : launchWeek;
  const prod = out[out.length - 1];
  const trialOut = out.find((p) => p.id === "internal_trial");
  return {
    timeline: {
      phases: out,
      totalWeeks: Math.max(...out.map((p) => p.startWeek + p.weeks)),
      firstVersionWeek: trialOut ? trialOut.startWeek : prod.startWeek,
      launchWeek: prod.startWeek,
    },
    launchWeek,
    firstVersionWeek,
    start: exactStart,
  };
}
