import { z } from "zod";

// The LLM step is configured by the environment alone (DESIGN.md): on when OPENAI_API_KEY is set. Everything here is
// checked with zod here, once for the CLI and the server: in the CLI a bad value turns the step off with a message
// naming the variable and the plan still gets made; the server refuses to start on it (~/env.server).

/** Environment variables as plain strings (process.env, or a test's own object). */
export type LlmEnv = Record<string, string | undefined>;

export const DEFAULT_MODEL = "gpt-4o-mini";
export const DEFAULT_TIMEOUT_MS = 20_000;
/** The SDK retries 408/409/429/5xx and dropped connections with exponential backoff; the issue allows two. */
export const MAX_RETRIES = 2;
export const RESPONSE_FORMATS = ["json_schema", "json_object"] as const;
export type ResponseFormatMode = (typeof RESPONSE_FORMATS)[number];

/**
 * Providers known to speak OpenAI's chat API but not `response_format: json_schema` (as of 2026-11): they get
 * JSON mode unless TIERWISE_LLM_RESPONSE_FORMAT says otherwise. Matched on the base URL's host.
 */
const JSON_OBJECT_HOSTS = [/(^|\.)deepseek\.com$/i, /(^|\.)moonshot\.(cn|ai)$/i];

const LlmEnvSchema = z.object({
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.string().url("must be a URL such as https://api.openai.com/v1").optional(),
  TIERWISE_LLM_MODEL: z.string().min(1).max(200).optional(),
  TIERWISE_LLM_TIMEOUT_MS: z.coerce
    .number({ invalid_type_error: "must be a number of milliseconds" })
    .int("must be a whole number of milliseconds")
    .min(1, "must be at least 1 ms")
    .max(600_000, "must be at most 600000 ms")
    .optional(),
  TIERWISE_LLM_RESPONSE_FORMAT: z
    .enum(RESPONSE_FORMATS, { errorMap: () => ({ message: "must be json_schema or json_object" }) })
    .optional(),
});

export interface LlmConfig {
  apiKey: string;
  /** Undefined means the SDK's default (api.openai.com). */
  baseURL?: string;
  /** What the settings page may show: the host, never the key nor any credentials in the URL. */
  baseUrlHost: string;
  model: string;
  timeoutMs: number;
  responseFormat: ResponseFormatMode;
  /** Whether the response format came from the environment or from the provider's host. */
  responseFormatSource: "env" | "provider" | "default";
  maxRetries: number;
}

export type LlmConfigResult =
  { status: "off" } | { status: "invalid"; errors: { path: string; message: string }[] } | { status: "on"; config: LlmConfig };

/** Empty (or blank) variables in a shell environment mean "unset", not "invalid". */
export function withoutEmpty(env: LlmEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === "string" && e[1].trim() !== ""));
}

export function readLlmConfig(env: LlmEnv): LlmConfigResult {
  const parsed = LlmEnvSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    return { status: "invalid", errors: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
  }
  const e = parsed.data;
  if (!e.OPENAI_API_KEY) return { status: "off" };
  const host = e.OPENAI_BASE_URL ? new URL(e.OPENAI_BASE_URL).host : "api.openai.com";
  const byHost = JSON_OBJECT_HOSTS.some((re) => re.test(host.replace(/:\d+$/, "")));
  return {
    status: "on",
    config: {
      apiKey: e.OPENAI_API_KEY,
      baseURL: e.OPENAI_BASE_URL,
      baseUrlHost: host,
      model: e.TIERWISE_LLM_MODEL ?? DEFAULT_MODEL,
      timeoutMs: e.TIERWISE_LLM_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS,
      responseFormat: e.TIERWISE_LLM_RESPONSE_FORMAT ?? (byHost ? "json_object" : "json_schema"),
      responseFormatSource: e.TIERWISE_LLM_RESPONSE_FORMAT ? "env" : byHost ? "provider" : "default",
      maxRetries: MAX_RETRIES,
    },
  };
}
