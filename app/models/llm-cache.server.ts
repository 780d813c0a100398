import { createHash } from "node:crypto";
import { parseLlmProposal, type LlmProposal } from "~/domain/llm/proposal";
import type { Db } from "~/models/db.server";

// Answers of the LLM assist by model + prompt version + input, and what each step spent. Every function takes one
// object argument with the database handle first, like the other models.

export interface CacheKeyParts {
  model: string;
  promptVersion: string;
  responseFormat: string;
  providerHost: string;
  /** What was sent about the scenario; anything that changes the prompt must be in here. */
  input: { title?: string; description: string; locale: string };
}

export interface CachedProposal {
  proposal: LlmProposal;
  model: string;
  usage: { promptTokens: number; completionTokens: number; costUsd: number | null };
  createdAt: string;
}

export interface LlmUsageTotals {
  calls: number;
  cachedCalls: number;
  failedCalls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  /** Calls whose model had no price in the table, so `costUsd` leaves them out. */
  unpricedCalls: number;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export function inputHash(input: CacheKeyParts["input"]): string {
  return sha256(JSON.stringify([input.title ?? "", input.description, input.locale]));
}

export function cacheKey(parts: CacheKeyParts): string {
  return sha256(
    JSON.stringify([parts.model, parts.promptVersion, parts.responseFormat, parts.providerHost.toLowerCase(), inputHash(parts.input)]),
  );
}

/** The cached proposal for `key`, validated again (a row written by an older build must not slip past the schema). */
export async function getCachedProposal({ db, key }: { db: Db; key: string }): Promise<CachedProposal | undefined> {
  const row = await db.get<{
    proposal_json: string;
    model: string;
    prompt_tokens: number;
    completion_tokens: number;
    cost_usd: number | null;
    created_at: string;
  }>("SELECT proposal_json, model, prompt_tokens, completion_tokens, cost_usd, created_at FROM llm_cache WHERE cache_key = ?", [key]);
  if (!row) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(row.proposal_json);
  } catch {
    return undefined;
  }
  const parsed = parseLlmProposal(json);
  if (!parsed.ok) return undefined;
  await db.run("UPDATE llm_cache SET hits = hits + 1, last_hit_at = ? WHERE cache_key = ?", [new Date().toISOString(), key]);
  return {
    proposal: parsed.proposal,
    model: row.model,
    usage: { promptTokens: row.prompt_tokens, completionTokens: row.completion_tokens, costUsd: row.cost_usd },
    createdAt: row.created_at,
  };
}

export async function putCachedProposal({
  db,
  key,
  parts,
  proposal,
  usage,
}: {
  db: Db;
  key: string;
  parts: CacheKeyParts;
  proposal: LlmProposal;
  usage: { promptTokens: number; completionTokens: number; costUsd: number | null };
}): Promise<void> {
  // An upsert: two tabs (or two servers) analysing the same text at once both pay, and the later answer is kept.
  await db.run(
    `INSERT INTO llm_cache (cache_key, model, prompt_version, input_hash, proposal_json, prompt_tokens, completion_tokens, cost_usd, hits, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
     ON CONFLICT (cache_key) DO UPDATE SET model = excluded.model, prompt_version = excluded.prompt_version, input_hash = excluded.input_hash,
       proposal_json = excluded.proposal_json, prompt_tokens = excluded.prompt_tokens, completion_tokens = excluded.completion_tokens,
       cost_usd = excluded.cost_usd, hits = 0, created_at = excluded.created_at, last_hit_at = NULL`,
    [
      key,
      parts.model,
      parts.promptVersion,
      inputHash(parts.input),
      JSON.stringify(proposal),
      usage.promptTokens,
      usage.completionTokens,
      usage.costUsd,
      new Date().toISOString(),
    ],
  );
}

export async function recordLlmCall({
  db,
  key,
  model,
  status,
  cached,
  usage,
  failure,
  scenarioId,
}: {
  db: Db;
  key: string;
  model: string;
  status: "ok" | "failed";
  cached: boolean;
  usage?: { promptTokens: number; completionTokens: number; costUsd: number | null };
  failure?: string;
  scenarioId?: string;
}): Promise<void> {
  await db.run(
    `INSERT INTO llm_calls (scenario_id, cache_key, model, status, cached, prompt_tokens, completion_tokens, cost_usd, failure, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      scenarioId ?? null,
      key,
      model,
      status,
      cached ? 1 : 0,
      // A cache hit spends nothing: its tokens were counted on the call that filled the cache.
      cached ? 0 : (usage?.promptTokens ?? 0),
      cached ? 0 : (usage?.completionTokens ?? 0),
      cached ? 0 : (usage?.costUsd ?? null),
      failure ?? null,
      new Date().toISOString(),
    ],
  );
}

/** Totals over every LLM step, or over one scenario's steps. */
export async function getLlmUsageTotals({ db, scenarioId }: { db: Db; scenarioId?: string }): Promise<LlmUsageTotals> {
  const where = scenarioId ? "WHERE scenario_id = ?" : "";
  // snake_case aliases: PostgreSQL folds unquoted names to lower case.
  const row = await db.get<Record<string, number | null>>(
    `SELECT COUNT(*) AS calls,
            COALESCE(SUM(cached), 0) AS cached_calls,
            COALESCE(SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0) AS failed_calls,
            COALESCE(SUM(prompt_tokens), 0) AS prompt_tokens,
            COALESCE(SUM(completion_tokens), 0) AS completion_tokens,
            COALESCE(SUM(cost_usd), 0) AS cost_usd,
            COALESCE(SUM(CASE WHEN cost_usd IS NULL AND cached = 0 AND status = 'ok' THEN 1 ELSE 0 END), 0) AS unpriced_calls
       FROM llm_calls ${where}`,
    scenarioId ? [scenarioId] : [],
  );
  const n = (v: number | null | undefined) => Number(v ?? 0);
  return {
    calls: n(row?.calls),
    cachedCalls: n(row?.cached_calls),
    failedCalls: n(row?.failed_calls),
    promptTokens: n(row?.prompt_tokens),
    completionTokens: n(row?.completion_tokens),
    costUsd: Math.round(n(row?.cost_usd) * 1e6) / 1e6,
    unpricedCalls: n(row?.unpriced_calls),
  };
}
