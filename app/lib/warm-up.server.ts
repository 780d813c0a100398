// What the server does right after it starts listening (scripts/serve.mjs calls warmUp without awaiting it, so
// "ready at …" is not delayed): the plan threads start and plan every template in both languages, behind any real
// save or preview (ADR 0053). Measured on this project's 2-core machine: the first plan of a cold thread takes ~295 ms
// and the next ones 50–100 ms; after the 18 template plans (~0.8 s of the thread, in the background) the first real
// plan takes ~65 ms and the first 40 together 0.98 s instead of 1.33 s.
import { TEMPLATES } from "~/domain/kb/templates";
import { parseScenarioInput, type ScenarioInput } from "~/domain/scenario";
import { warmUpPlanPool } from "~/models/plan-pool.server";

export async function warmUp(): Promise<void> {
  const inputs: ScenarioInput[] = [];
  for (const template of TEMPLATES)
    for (const raw of [template.input.zh, template.input.en]) {
      const parsed = parseScenarioInput(raw);
      if (parsed.ok) inputs.push(parsed.value);
    }
  await warmUpPlanPool(inputs);
}
