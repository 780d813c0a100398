// PLACEHOLDER (being replaced by the LLM assist): plans without the LLM.
import { buildPlan } from "~/domain/plan";
import type { DecisionPlan } from "~/domain/plan-types";
import type { ScenarioInput } from "~/domain/scenario";

export async function planWithLlm(input: ScenarioInput, _opts: { env: NodeJS.ProcessEnv }): Promise<DecisionPlan> {
  return buildPlan(input);
}
