import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import { parseLlmProposal, type LlmProposal } from "~/domain/llm/proposal";
import type { Locale, ScenarioInput } from "~/domain/scenario";
import type { LlmConfig } from "~/llm/config.server";
import { buildPrompt, PROMPT_VERSION } from "~/llm/prompt.server";
import { RESPONSE_SCHEMA_NAME, ResponseSchema } from "~/llm/response-schema.server";

/** Why an LLM call did not give a usable proposal; each kind gets its own notice. */
export type LlmFailureKind = "timeout" | "http" | "connection" | "refusal" | "truncated" | "not_json" | "schema" | "empty" | "config";

export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
}

export type ProposalCall =
  | { ok: true; proposal: LlmProposal; usage: LlmUsage; model: string }
  | { ok: false; kind: LlmFailureKind; message: string; usage?: LlmUsage; status?: number };

/** Completion tokens are bounded so a model that rambles is cut short (and reported as truncated) rather than billed. */
export const MAX_COMPLETION_TOKENS = 2_000;

export function createLlmClient(config: LlmConfig): OpenAI {
  return new OpenAI({
    apiKey: config.apiKey,
    // Explicit so the SDK never falls back to a different OPENAI_BASE_URL in process.env than the `env` we were given.
    baseURL: config.baseURL ?? "https://api.openai.com/v1",
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    // The SDK would otherwise pick up OPENAI_ORG_ID etc. from process.env; configuration comes from `env` only.
    organization: null,
    project: null,
  });
}

/**
 * Sends the scenario to the model and validates the answer. Never throws: every failure comes back as a value
 * so the caller can still plan from the heuristics. TIERWISE_LLM_TIMEOUT_MS bounds the whole step, retries
 * included, because a person is waiting on the other side.
 */
export async function requestProposal(
  config: LlmConfig,
  input: Pick<ScenarioInput, "title" | "description">,
  locale: Locale,
  client: OpenAI = createLlmClient(config),
): Promise<ProposalCall> {
  const prompt = buildPrompt(input, locale, config.responseFormat);
  const deadline = AbortSignal.timeout(config.timeoutMs);
  try {
    const data = await client.chat.completions.create(
      {
        model: config.model,
        messages: [
          { role: "system", content: prompt.system },
          { role: "user", content: prompt.user },
        ],
        temperature: 0,
        max_tokens: MAX_COMPLETION_TOKENS,
        response_format:
          config.responseFormat === "json_schema" ? zodResponseFormat(ResponseSchema, RESPONSE_SCHEMA_NAME) : { type: "json_object" },
      },
      { signal: deadline, headers: { "X-Tierwise-Prompt-Version": PROMPT_VERSION } },
    );
    const usage: LlmUsage = {
      promptTokens: data.usage?.prompt_tokens ?? 0,
      completionTokens: data.usage?.completion_tokens ?? 0,
    };
    const choice = data.choices[0];
    const message = choice?.message;
    if (!message) return { ok: false, kind: "empty", message: "the answer had no message", usage };
    if (message.refusal) return { ok: false, kind: "refusal", message: `the model refused: ${message.refusal.slice(0, 200)}`, usage };
    if (choice.finish_reason === "length") return { ok: false, kind: "truncated", message: "the answer was cut off at the token limit", usage };
    if (choice.finish_reason === "content_filter") return { ok: false, kind: "refusal", message: "the provider's content filter stopped the answer", usage };
    const content = message.content?.trim() ?? "";
    if (!content) return { ok: false, kind: "empty", message: "the answer was empty", usage };
    let json: unknown;
    try {
      json = JSON.parse(stripCodeFence(content));
    } catch {
      return { ok: false, kind: "not_json", message: `the answer is not JSON: "${content.slice(0, 80)}"`, usage };
    }
    const parsed = parseLlmProposal(json);
    if (!parsed.ok) return { ok: false, kind: "schema", message: parsed.error, usage };
    return { ok: true, proposal: parsed.proposal, usage, model: data.model || config.model };
  } catch (err) {
    return classifyError(err, deadline);
  }
}

// JSON-mode providers sometimes wrap the object in a Markdown fence despite being told not to.
function stripCodeFence(text: string): string {
  const m = /^```(?:json)?\s*([\s\S]*?)\s*```$/i.exec(text);
  return m ? m[1] : text;
}

function classifyError(err: unknown, deadline: AbortSignal): ProposalCall {
  if (deadline.aborted || err instanceof OpenAI.APIConnectionTimeoutError) {
    return { ok: false, kind: "timeout", message: "no answer within the time limit" };
  }
  if (err instanceof OpenAI.APIError && typeof err.status === "number") {
    return { ok: false, kind: "http", status: err.status, message: `the provider answered HTTP ${err.status}${err.status === 429 ? " (rate limited)" : ""}` };
  }
  if (err instanceof OpenAI.APIConnectionError) {
    return { ok: false, kind: "connection", message: "could not reach the provider" };
  }
  return { ok: false, kind: "config", message: err instanceof Error ? err.message : String(err) };
}
