import { buildPlan } from "~/domain/plan";
import { REAL_CASES } from "./cases";
import { MODES, scoreAll, totals, trivialPlanner, type Planner, type Totals } from "./score";
import type { Run } from "./report-table";
import type { RealCase } from "./types";

// Runs the engine (no LLM) and the trivial baseline on every real case in both modes.

const engine: Planner = (input) => buildPlan(input);

export interface Agreement {
  engine: Run[];
  trivial: Run[];
  totals: { label: string; totals: Totals }[];
}

export function runAgreement(cases: readonly RealCase[] = REAL_CASES): Agreement {
  const engineRuns = MODES.map((mode) => ({ label: `engine ${mode}`, mode, scores: scoreAll(cases, engine, mode) }));
  const trivialRuns = MODES.map((mode) => ({ label: `trivial ${mode}`, mode, scores: scoreAll(cases, trivialPlanner(mode), mode) }));
  return {
    engine: engineRuns,
    trivial: trivialRuns,
    totals: [...engineRuns, ...trivialRuns].map((r) => ({ label: r.label, totals: totals(r.scores) })),
  };
}
