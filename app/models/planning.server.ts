import type { PlanText } from "~/domain/plan-text";
import type { ScenarioInput } from "~/domain/scenario";
import { getEnv } from "~/env.server";
import { runLlmStep } from "~/llm/plan-with-llm.server";
import { getDb } from "~/models/db.server";
import { buildPlanOffLoop } from "~/models/plan-pool.server";

/**
 * Input → plan (as JSON text, ~/domain/plan-text: what is stored and sent) for every web entry point: the LLM step when configured, the offline pipeline otherwise.
 * `useLlm: false` is the form's "use the AI step" box unticked; `preview: true` a plan that is shown, not stored
 * (POST /api/plan): it waits behind the saves' plans in the plan pool. The database caches the LLM's answers so saving
 * after "analyse with AI", or saving the same text again, does not pay twice.
 */
export async function computePlan(
  input: ScenarioInput,
  { useLlm = true, preview = false }: { useLlm?: boolean; preview?: boolean } = {},
): Promise<PlanText> {
  const { llm } = getEnv();
  // Offline (no LLM configured, or the AI step unticked): pure CPU, computed by the plan pool's thread (ADR 0053); the
  // same plan as buildPlan(input, {llm: {status: "off"}}). With an LLM step (or a broken LLM setting, whose notice
  // the plan carries) the step runs here, since it waits for the provider and its cache is this process's database;
  // its outcome goes to the pool with the input.
  if (!useLlm || llm.status === "off") return buildPlanOffLoop(input, { preview });
  // Only an active LLM step needs the cache; without one, planning must not open (or create) a database.
  const db = llm.status === "on" ? await getDb().catch(() => undefined) : undefined;
  // The step waits for the provider here; the plan it feeds is computed by the pool like any other.
  const step = await runLlmStep(input, { llm, db });
  return buildPlanOffLoop(input, { preview, options: { llm: step.llm, proposal: step.proposal } });
}
