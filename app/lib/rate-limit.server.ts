// Rate limits on the costly routes (ASVS V11.1.4): planning (CPU; the LLM when configured), the AI analysis (paid
// calls), exports (PDF rendering) and sign-in (password guessing). Counted in the database, per caller: the person
// or token when signed in, else the client's address. Past the limit: 429 with Retry-After.
import type { AppLoadContext } from "@remix-run/node";
import { getEnv, type Env } from "~/env.server";
import { errorResponse } from "~/lib/http.server";
import type { Principal } from "~/models/accounts.server";
import { hitRateLimit, type LimitSpec } from "~/models/rate-limit.server";

export type LimitName = "plan" | "analyse" | "export" | "sign-in" | "sign-in-address" | "sso-start";

const MINUTE = 60_000;
/**
 * Sized for people and their scripts, not for crawlers: a workshop re-planning every few seconds stays far below
 * "plan"; "sign-in" lets a person mistype a few times and stops a guesser after 10 tries per account and 15 minutes.
 */
export const DEFAULT_LIMITS: Record<LimitName, LimitSpec> = {
  plan: { limit: 120, windowMs: MINUTE },
  analyse: { limit: 30, windowMs: MINUTE },
  export: { limit: 60, windowMs: MINUTE },
  "sign-in": { limit: 10, windowMs: 15 * MINUTE },
  "sign-in-address": { limit: 100, windowMs: 15 * MINUTE },
  // Single sign-on's start (a redirect and a pending row, no guess at anything): its own bucket per address, so that
  // starts never use up the address's sign-ins (ADR 0043).
  "sso-start": { limit: 60, windowMs: 15 * MINUTE },
};

/** The limits in force: the defaults with TIERWISE_RATE_LIMITS's overrides; null when it says `off`. */
export function activeLimits(env: Pick<Env, "TIERWISE_RATE_LIMITS"> = getEnv()): Record<LimitName, LimitSpec> | null {
  const raw = env.TIERWISE_RATE_LIMITS;
  if (raw === "off") return null;
  const limits = { ...DEFAULT_LIMITS };
  for (const pair of raw ? raw.split(",") : []) {
    const [name, count] = pair.split("=") as [LimitName, string];
    limits[name] = { ...limits[name], limit: Number(count) };
  }
  return limits;
}

/** Who a limit counts: the person or token; else (a share-link reader, a sign-in attempt) the client's address. */
export function callerKey(principal: Principal | null | undefined, context: AppLoadContext | undefined): string {
  if (principal?.userId) return `user:${principal.userId}`;
  return `address:${context?.clientAddress ?? "unknown"}`;
}

export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited for ${retryAfterSeconds} s`);
  }
}

/** Counts one request; throws RateLimited past the limit. */
export async function checkRateLimit(name: LimitName, who: string, env?: Pick<Env, "TIERWISE_RATE_LIMITS">): Promise<void> {
  const limits = activeLimits(env);
  if (!limits) return;
  const verdict = await hitRateLimit({ name, who, spec: limits[name] });
  if (!verdict.ok) throw new RateLimited(verdict.retryAfterSeconds);
}

/** The 429 for a route: `{errors}` JSON for the API and downloads, plain text for pages. */
export function tooManyRequests(err: RateLimited, { api }: { api: boolean }): Response {
  const headers = { "retry-after": String(err.retryAfterSeconds) };
  const message = `too many requests: try again in ${err.retryAfterSeconds} s`;
  if (api) return errorResponse([{ path: "(root)", message }], 429, headers);
  return new Response(`429: ${message}\n`, { status: 429, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
}

/** For loaders and actions: counts the request against `name` for this caller, throwing the 429 to send. */
export async function limitRequest(
  name: LimitName,
  { request, context, principal }: { request: Request; context?: AppLoadContext; principal?: Principal | null },
): Promise<void> {
  try {
    await checkRateLimit(name, callerKey(principal ?? context?.principal, context));
  } catch (err) {
    if (err instanceof RateLimited) {
      const path = new URL(request.url).pathname;
      throw tooManyRequests(err, { api: path.startsWith("/api/") || /\.(pdf|json|md)$/.test(path) });
    }
    throw err;
  }
}

/**
 * For page actions that answer their own form: counts the request against `name`; past the limit, the seconds to
 * wait (the action then returns the form with what was typed, status 429 and `retryAfterHeaders`), else null.
 */
export async function pageLimitWait(
  name: LimitName,
  { context, principal }: { context?: AppLoadContext; principal?: Principal | null },
): Promise<number | null> {
  try {
    await checkRateLimit(name, callerKey(principal ?? context?.principal, context));
    return null;
  } catch (err) {
    if (err instanceof RateLimited) return err.retryAfterSeconds;
    throw err;
  }
}

export const retryAfterHeaders = (seconds: number) => ({ "retry-after": String(seconds) });
