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
    // The SDK would sleep for whatever Retry-After says (600 s measured), past our deadline and deaf to its signal:
    // requestProposal retries itself, within the deadline.
    maxRetries: 0,
    // The SDK would otherwise pick up OPENAI_ORG_ID etc. from process.env; configuration comes from `env` only.
    organization: null,
    project: null,
  });
}

/** Backoff before retry n (1, 2, …) when the provider names no wait: 0.5 s, 1 s, 2 s… with ±25% jitter, at most 8 s. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  return Math.min(8_000, 500 * 2 ** (attempt - 1)) * (0.75 + random() * 0.5);
}

/** The wait a provider asks for (`retry-after-ms`, `Retry-After` in seconds or as a date), in ms; undefined if none. */
export function requestedWaitMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms)) return Math.max(0, ms);
  const raw = headers?.get("retry-after");
  if (!raw) return undefined;
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** 408, 409, 429, 5xx and dropped connections are worth another try; the rest are answers. */
function retryable(err: unknown): boolean {
  if (err instanceof OpenAI.APIConnectionTimeoutError) return false;
  if (err instanceof OpenAI.APIError && typeof err.status === "number") {
    const said = err.headers?.get("x-should-retry");
    if (said === "true" || said === "false") return said === "true";
    return err.status === 408 || err.status === 409 || err.status === 429 || err.status >= 500;
  }
  return err instanceof OpenAI.APIConnectionError;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * Sends the scenario to the model and validates the answer. Never throws: every failure comes back as a value
 * so the caller can still plan from the heuristics. TIERWISE_LLM_TIMEOUT_MS bounds the whole step, retries
 * included, because a person is waiting on the other side: 429/5xx are retried up to `config.maxRetries` times,
 * waiting what the provider asks (Retry-After) or a backoff, but never past the deadline; a provider asking for
 * longer than the time left gets its error reported at once.
 */
export async function requestProposal(
  config: LlmConfig,
  input: Pick<ScenarioInput, "title" | "description">,
  locale: Locale,
  client: OpenAI = createLlmClient(config),
): Promise<ProposalCall> {
  const started = Date.now();
  const deadline = AbortSignal.timeout(config.timeoutMs);
  for (let attempt = 0; ; attempt++) {
    try {
      return await requestOnce(config, input, locale, client, deadline);
    } catch (err) {
      if (deadline.aborted || attempt >= config.maxRetries || !retryable(err)) return classifyError(err, deadline);
      const wait = requestedWaitMs(err instanceof OpenAI.APIError ? err.headers : undefined) ?? backoffMs(attempt + 1);
      const left = config.timeoutMs - (Date.now() - started);
      // Not worth waiting if the retry could not even start before the deadline.
      if (wait >= left) return classifyError(err, deadline, wait);
      await sleep(wait, deadline);
      if (deadline.aborted) return classifyError(err, deadline);
    }
  }
}

async function requestOnce(
  config: LlmConfig,
  input: Pick<ScenarioInput, "title" | "description">,
  locale: Locale,
  client: OpenAI,
  deadline: AbortSignal,
): Promise<ProposalCall> {
  const prompt = buildPrompt(input, locale, config.responseFormat);
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
  if (!data || typeof data !== "object" || !Array.isArray(data.choices))
    return { ok: false, kind: "not_json", message: "the provider's answer is not a chat completion" };
  const usage: LlmUsage = {
    promptTokens: data.usage?.prompt_tokens ?? 0,
    completionTokens: data.usage?.completion_tokens ?? 0,
  };
  const choice = data.choices[0];
  const message = choice?.message;
  if (!message) return { ok: false, kind: "empty", message: "the answer had no message", usage };
  if (message.refusal) return { ok: false, kind: "refusal", message: `the model refused: ${message.refusal.slice(0, 200)}`, usage };
  if (choice.finish_reason === "length")
    return { ok: false, kind: "truncated", message: "the answer was cut off at the token limit", usage };
  if (choice.finish_reason === "content_filter")
    return { ok: false, kind: "refusal", message: "the provider's content filter stopped the answer", usage };
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
}

// JSON-mode providers sometimes wrap the object in a Markdown fence despite being told not to.
function stripCodeFence(text: string): string {
  const m = /^```(?:json)?\s*([\s\S]*?)\s*```$/i.exec(text);
  return m ? m[1] : text;
}

function classifyError(err: unknown, deadline: AbortSignal, refusedWaitMs?: number): ProposalCall {
  if (deadline.aborted || err instanceof OpenAI.APIConnectionTimeoutError) {
    return { ok: false, kind: "timeout", message: "no answer within the time limit" };
  }
  if (err instanceof OpenAI.APIError && typeof err.status === "number") {
    const wait = refusedWaitMs === undefined ? "" : `; it asked to wait ${Math.ceil(refusedWaitMs / 1000)} s, longer than the time left`;
    return {
      ok: false,
      kind: "http",
      status: err.status,
      message: `the provider answered HTTP ${err.status}${err.status === 429 ? " (rate limited)" : ""}${wait}`,
    };
  }
  if (err instanceof OpenAI.APIConnectionError) {
    return { ok: false, kind: "connection", message: "could not reach the provider" };
  }
  // The SDK's own complaints (a missing key, a bad option) are configuration; anything else is an answer we could
  // not read, and its internal message stays in the server log.
  if (err instanceof OpenAI.OpenAIError) return { ok: false, kind: "config", message: err.message };
  console.warn(`llm: unreadable answer: ${err instanceof Error ? err.message : String(err)}`);
  return {
    ok: false,
    kind: "not_json",
    message: err instanceof SyntaxError ? "the provider's answer is not valid JSON" : "the provider's answer could not be read",
  };
}
