import { buildPlan } from "~/domain/plan";
import type { LlmInfo } from "~/domain/plan-types";
import type { Profile } from "~/domain/profile/types";
import { parseScenarioInput, type FieldError } from "~/domain/scenario";
import type { LlmConfigResult } from "~/llm/config.server";
import { runLlmStep } from "~/llm/plan-with-llm.server";
import type { Db } from "~/models/db.server";

/** What the settings page and the AI step may show about the provider: never the key. */
export interface LlmPublicSettings {
  configured: boolean;
  invalid?: FieldError[];
  baseUrlHost?: string;
  model?: string;
  responseFormat?: string;
  responseFormatSource?: string;
  timeoutMs?: number;
  maxRetries?: number;
}

export function publicLlmSettings(read: LlmConfigResult): LlmPublicSettings {
  if (read.status === "off") return { configured: false };
  if (read.status === "invalid") return { configured: false, invalid: read.errors };
  const c = read.config;
  return {
    configured: true,
    baseUrlHost: c.baseUrlHost,
    model: c.model,
    responseFormat: c.responseFormat,
    responseFormatSource: c.responseFormatSource,
    timeoutMs: c.timeoutMs,
    maxRetries: c.maxRetries,
  };
}

export type AnalyseResult = { ok: true; llm: LlmInfo; profile: Profile } | { ok: false; errors: FieldError[] };

/**
 * The "analyse with AI" step: the proposal merged into the profile, exactly as saving the scenario will merge it
 * (the answer is cached, so the save does not pay again).
 */
export async function analyseScenario(raw: unknown, { llm, db }: { llm: LlmConfigResult; db?: Db }): Promise<AnalyseResult> {
  const parsed = parseScenarioInput(raw);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const step = await runLlmStep(parsed.value, { llm, db });
  const plan = buildPlan(parsed.value, { llm: step.llm, proposal: step.proposal });
  return { ok: true, llm: plan.llm, profile: plan.profile };
}
