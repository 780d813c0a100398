import type { DecisionPlan } from "~/domain/plan-types";
import type { ScenarioInput } from "~/domain/scenario";
import { buildPlan } from "~/domain/plan";
import { getEnv } from "~/env.server";
import { planWithLlm } from "~/llm/plan-with-llm.server";
import { getDb } from "~/models/db.server";

/**
 * Input → plan for every web entry point: the LLM step when configured, the offline pipeline otherwise.
 * `useLlm: false` is the form's "use the AI step" box unticked. The database caches the LLM's answers so saving after
 * "analyse with AI", or saving the same text again, does not pay twice.
 */
export async function computePlan(input: ScenarioInput, { useLlm = true }: { useLlm?: boolean } = {}): Promise<DecisionPlan> {
  if (!useLlm) return buildPlan(input);
  // Only an active LLM step needs the cache; without one, planning must not open (or create) a database.
  const { llm } = getEnv();
  const db = llm.status === "on" ? await getDb().catch(() => undefined) : undefined;
  return planWithLlm(input, { llm, db });
}
