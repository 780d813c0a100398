// What the server does right after it starts listening (scripts/serve.mjs calls warmUp without awaiting it, so
// "ready at …" is not delayed): the plan threads start and plan one template in each language (ADR 0053).
import { TEMPLATES } from "~/domain/kb/templates";
import { parseScenarioInput, type ScenarioInput } from "~/domain/scenario";
import { warmUpPlanPool } from "~/models/plan-pool.server";

export async function warmUp(): Promise<void> {
  const inputs: ScenarioInput[] = [];
  const template = TEMPLATES[0];
  for (const raw of template ? [template.input.zh, template.input.en] : []) {
    const parsed = parseScenarioInput(raw);
    if (parsed.ok) inputs.push(parsed.value);
  }
  await warmUpPlanPool(inputs);
}
