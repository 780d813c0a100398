// Tokens per request from what the task reads and writes (data/estimation.json `workload.profiles`): a label for
// classification, a page for extraction, the schema for text-to-SQL, k retrieved chunks for answers over documents,
// the transcript of a call, the pages of a long document, steps × context for an agent run.
import { derived, kb } from "~/domain/estimate/assumptions/book";
import type { EstimateContext } from "~/domain/estimate/context";
import { EST, SERVICES } from "~/domain/estimate/kb";
import type { Workload } from "~/domain/estimate/types";

const W = EST.workload;
const P = W.profiles;

type ProfileId = keyof typeof P & string;

/** Tasks that read a document in full (its pages are priced as input). */
const READS_DOCUMENT = new Set(["summarization", "extraction", "rewriting", "translation", "qa", "classification"]);

/** The profile that sets a request: the heaviest of the tasks, an agent run when the plan commits to one. */
export function requestProfile(ctx: Pick<EstimateContext, "profile" | "techniques">): ProfileId {
  const tasks = ctx.profile.tasks.value;
  const agent = ctx.techniques.has("agent") || tasks.includes("agent_workflow");
  if (tasks.includes("code") && agent) return "coding_agent";
  if (agent) return "agent_workflow";
  let best: ProfileId = tasks.find((t) => P[t]) ?? "generation";
  for (const t of tasks) if (P[t] && P[t].input + P[t].output > P[best].input + P[best].output) best = t;
  return best;
}

/**
 * The plan's workload, registered as `compute.inputTokensPerRequest` / `compute.outputTokensPerRequest` (one request =
 * one use: a question answered, a call summarised, an agent run) and `compute.agentSteps` for multi-step runs.
 */
export function planWorkload(ctx: EstimateContext): Workload {
  const { book } = ctx;
  const id = requestProfile(ctx);
  const base = P[id];
  const steps = base.steps
    ? book.get("compute.agentSteps", {
        ...kb({ value: base.steps, source: base.source }),
        range: { low: base.steps / 2, high: base.steps * 2.5 },
      })
    : 1;
  const pages = statedPages(ctx);
  const minutes = statedMinutes(ctx);
  // A document read in full replaces the profile's page of text; retrieval adds k chunks instead.
  const document = pages > 0 && READS_DOCUMENT.has(id) ? pages * book.get("services.tokensPerPage", kb(SERVICES.ocr.tokensPerPage)) : 0;
  const chunks = ctx.rag && id !== "coding_agent" && id !== "agent_workflow" ? W.ragChunks.value * W.ragChunkTokens.value : 0;
  const transcript = minutes > 0 ? minutes * book.get("services.tokensPerAudioMinute", kb(SERVICES.speechToText.tokensPerAudioMinute)) : 0;
  const prompt = document > 0 ? Math.min(base.input, 500) : base.input;
  const perStepScale = steps / (base.steps ?? 1);
  const input = Math.round((prompt + document + chunks + transcript) * perStepScale);
  const output = Math.round(base.output * perStepScale);
  const params = {
    profile: id,
    base: base.input,
    pages,
    document: Math.round(document),
    chunks,
    minutes,
    transcript: Math.round(transcript),
    steps,
  };
  const inputTokens = book.get("compute.inputTokensPerRequest", {
    ...derived(input, "workload.input_tokens", params),
    citation: base.source,
    range: { low: Math.round(input * 0.5), high: Math.round(input * 2) },
  });
  const outputTokens = book.get("compute.outputTokensPerRequest", {
    ...derived(output, "workload.output_tokens", { profile: id, base: base.output, steps }),
    citation: base.source,
    range: { low: Math.round(output * 0.4), high: Math.round(output * 2.5) },
  });
  return {
    profile: id,
    inputTokens,
    outputTokens,
    steps,
    tokensPerRequest: inputTokens + outputTokens,
    derivation: { code: "workload.profile", params },
  };
}

/** Pages one use reads, as stated (usage.pagesPerUse or the description), registered when stated. */
function statedPages(ctx: EstimateContext): number {
  const f = ctx.profile.pagesPerUse;
  if (!f || f.value === null) return 0;
  return ctx.book.get("usage.pagesPerUse", {
    value: f.value,
    source: f.source === "user" ? "user" : "profile",
    citation: f.evidence?.[0] ?? "usage.pagesPerUse",
  });
}

/** Minutes of audio one use carries: stated, or a KB call length when the input is audio but no length is stated. */
function statedMinutes(ctx: EstimateContext): number {
  const f = ctx.profile.audioMinutesPerUse;
  if (f && f.value !== null)
    return ctx.book.get("usage.audioMinutesPerUse", {
      value: f.value,
      source: f.source === "user" ? "user" : "profile",
      citation: f.evidence?.[0] ?? "usage.audioMinutesPerUse",
    });
  if (!ctx.profile.audioInput?.value) return 0;
  return ctx.book.get("usage.audioMinutesPerUse", { ...derived(10, "workload.default_audio_minutes"), range: { low: 3, high: 30 } });
}
