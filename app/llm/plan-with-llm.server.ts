import type OpenAI from "openai";
import type { LlmProposal } from "~/domain/llm/proposal";
import { buildPlan } from "~/domain/plan";
import type { DecisionPlan, LlmInfo } from "~/domain/plan-types";
import { buildProfile } from "~/domain/profile/build-profile";
import type { Locale, ScenarioInput } from "~/domain/scenario";
import { llmNoticeText } from "~/i18n/llm-notice";
import { translator } from "~/i18n/translate";
import { requestProposal, type LlmFailureKind } from "~/llm/client.server";
import type { LlmConfig, LlmConfigResult } from "~/llm/config.server";
import { estimateCostUsd } from "~/llm/prices.server";
import { PROMPT_VERSION } from "~/llm/prompt.server";
import { openDatabase, type DatabaseTarget, type Db } from "~/models/db.server";
import { cacheKey, getCachedProposal, putCachedProposal, recordLlmCall, type CacheKeyParts } from "~/models/llm-cache.server";

export interface LlmStepOptions {
  /** The LLM section of the environment (getEnv().llm on the server; readLlmConfig(env) in the CLI). */
  llm: LlmConfigResult;
  /** Where answers are cached and spending recorded. */
  db?: Db;
  /** Without `db`, the CLI caches in the database its environment names (DATABASE_URL or DATABASE_PATH), if any. */
  database?: DatabaseTarget;
  scenarioId?: string;
  /** For callers that keep one client; tests use the real HTTP path instead. */
  client?: OpenAI;
}

export interface LlmStepResult {
  llm: LlmInfo;
  /** Present when status is `ok`: the validated proposal the plan merges. */
  proposal?: LlmProposal;
}

/** The failure in the scenario's language, as the API returns it (the views word the code in the reader's). */
function failureNotice(kind: LlmFailureKind, detail: string, locale: Locale): string {
  return llmNoticeText([{ code: "failed", kind, detail }], translator(locale));
}

function keyParts(config: LlmConfig, input: ScenarioInput, locale: Locale): CacheKeyParts {
  return {
    model: config.model,
    promptVersion: PROMPT_VERSION,
    responseFormat: config.responseFormat,
    providerHost: config.baseUrlHost,
    input: { title: input.title, description: input.description, locale },
  };
}

/** Survives a broken or locked database: the cache saves money, it must never cost the plan. */
async function quietly<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    console.warn(`llm cache: ${what} failed: ${(err as Error).message}`);
    return undefined;
  }
}

/**
 * The LLM step alone: configuration → cache → one call (the SDK retries 429/5xx at most twice) → validated
 * proposal. Never throws and never decides anything: the result only feeds `buildPlan`'s merge.
 */
export async function runLlmStep(input: ScenarioInput, options: LlmStepOptions): Promise<LlmStepResult> {
  const locale = buildProfile(input).locale.value;
  const read = options.llm;
  if (read.status === "off") return { llm: { status: "off" } };
  if (read.status === "invalid") {
    const detail = read.errors.map((e) => `${e.path} ${e.message}`).join("; ");
    return {
      llm: {
        status: "failed",
        promptVersion: PROMPT_VERSION,
        notice: failureNotice("config", detail, locale),
        notices: [{ code: "failed", kind: "config", detail }],
      },
    };
  }
  const config = read.config;
  const parts = keyParts(config, input, locale);
  const key = cacheKey(parts);
  const db = options.db;

  if (db) {
    const hit = await quietly("read", () => getCachedProposal({ db, key }));
    if (hit) {
      await quietly("record", () =>
        recordLlmCall({ db, key, model: hit.model, status: "ok", cached: true, scenarioId: options.scenarioId }),
      );
      return {
        llm: { status: "ok", model: hit.model, promptVersion: PROMPT_VERSION, cached: true, usage: hit.usage },
        proposal: hit.proposal,
      };
    }
  }

  const call = await requestProposal(config, input, locale, options.client);
  const cost = (u: { promptTokens: number; completionTokens: number }) => ({ ...u, costUsd: estimateCostUsd(config.model, u) });
  if (!call.ok) {
    const usage = call.usage ? cost(call.usage) : undefined;
    if (db) {
      await quietly("record", () =>
        recordLlmCall({
          db,
          key,
          model: config.model,
          status: "failed",
          cached: false,
          usage,
          failure: `${call.kind}: ${call.message}`,
          scenarioId: options.scenarioId,
        }),
      );
    }
    return {
      llm: {
        status: "failed",
        model: config.model,
        promptVersion: PROMPT_VERSION,
        notice: failureNotice(call.kind, call.message, locale),
        notices: [{ code: "failed", kind: call.kind, detail: call.message }],
        ...(usage ? { usage } : {}),
      },
    };
  }
  const usage = cost(call.usage);
  if (db) {
    await quietly("write", () => putCachedProposal({ db, key, parts, proposal: call.proposal, usage }));
    await quietly("record", () =>
      recordLlmCall({ db, key, model: config.model, status: "ok", cached: false, usage, scenarioId: options.scenarioId }),
    );
  }
  return {
    llm: { status: "ok", model: config.model, promptVersion: PROMPT_VERSION, cached: false, usage },
    proposal: call.proposal,
  };
}

/** The plan with the LLM's proposal merged in when the step succeeds, from the heuristics alone when it does not. */
export async function planWithLlm(input: ScenarioInput, options: LlmStepOptions): Promise<DecisionPlan> {
  if (options.db || !options.database || options.llm.status !== "on") {
    const step = await runLlmStep(input, options);
    return buildPlan(input, { llm: step.llm, proposal: step.proposal });
  }
  // The CLI: cache in the database the environment names, so re-running a batch does not pay twice.
  const target = options.database;
  const db = await quietly("open", () => openDatabase(target));
  try {
    const step = await runLlmStep(input, { ...options, db });
    return buildPlan(input, { llm: step.llm, proposal: step.proposal });
  } finally {
    await db?.close().catch(() => undefined);
  }
}
