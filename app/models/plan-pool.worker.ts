// One planning thread of the plan pool (plan-pool.server.ts): a scenario input in, its decision plan out as JSON text
// (~/domain/plan-text). The same pure pipeline the server, the CLI and the tests call (buildPlan), so a plan made here
// is the plan made anywhere else.
// Nothing here may reach the database, the environment reader or the LLM: a worker sees only the input it is given.
import { buildPlan, type PlanOptions } from "~/domain/plan";
import { toPlanText, type PlanText } from "~/domain/plan-text";
import type { ScenarioInput } from "~/domain/scenario";

export interface PlanJob {
  input: ScenarioInput;
  /** The LLM step's outcome and proposal when the step ran (on the event loop: it waits for the provider). */
  options?: PlanOptions;
}

export default function plan(job: PlanJob): PlanText {
  return toPlanText(buildPlan(job.input, job.options));
}
