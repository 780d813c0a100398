// The app as one fetch-style function, wrapped around Remix's request handler: the request guard first, then the
// route, then the security headers on whatever the route answered. scripts/serve.mjs adapts it to Node's HTTP server;
// tests call it with plain Requests.
import { randomBytes } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { getEnv, type Env } from "~/env.server";
import { gate } from "~/lib/auth.server";
import { errorResponse } from "~/lib/http.server";
import {
  DEFAULT_GATE_SETTINGS,
  GateClosedError,
  GateFullError,
  gateClass,
  currentGate,
  processGate,
  RequestGate,
  type GateSettings,
} from "~/lib/request-gate.server";
import { guardRequest } from "~/lib/request-guard.server";
import { withSecurityHeaders } from "~/lib/security-headers.server";
import { closeDb } from "~/models/db.server";
import { closePlanPool } from "~/models/plan-pool.server";
import { closeRenderPool } from "~/report/render-pool.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The nonce this response's inline scripts carry (the page CSP names it). */
    cspNonce?: string;
    /** The client's address (the proxy's X-Forwarded-For when TIERWISE_TRUST_PROXY=1): rate limits key on it. */
    clientAddress?: string;
  }
}

export type RemixHandler = (request: Request, context?: AppLoadContext) => Promise<Response>;
export type AppHandler = (request: Request, info?: { clientAddress?: string }) => Promise<Response>;

/** The gate's settings from the environment (defaults in ~/lib/request-gate.server). */
export function gateSettings(env: Partial<Pick<Env, "TIERWISE_GATE_CONCURRENCY" | "TIERWISE_GATE_QUEUE">>): GateSettings {
  return {
    concurrency: env.TIERWISE_GATE_CONCURRENCY ?? DEFAULT_GATE_SETTINGS.concurrency,
    queue: env.TIERWISE_GATE_QUEUE ?? DEFAULT_GATE_SETTINGS.queue,
    readEvery: DEFAULT_GATE_SETTINGS.readEvery,
    writeReserve: DEFAULT_GATE_SETTINGS.writeReserve,
    crowdHoldMs: DEFAULT_GATE_SETTINGS.crowdHoldMs,
    writeHoldMs: DEFAULT_GATE_SETTINGS.writeHoldMs,
  };
}

/** 503 + Retry-After when the gate refuses a request: `{errors}` JSON for the API, plain text for pages. */
function gateRefusal(request: Request, err: GateFullError | GateClosedError): Response {
  const retryAfter = String(err instanceof GateFullError ? err.retryAfterSeconds : 5);
  const message = err instanceof GateFullError ? "the server is busy: try again shortly" : "the server is restarting: try again shortly";
  const headers = { "retry-after": retryAfter, "cache-control": "no-store" };
  if (new URL(request.url).pathname.startsWith("/api/")) return errorResponse([{ path: "(root)", message }], 503, headers);
  return new Response(`503: ${message}\n`, { status: 503, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
}

/** This process's gate (one per server, whatever number of handlers), made on first use. */
export function requestGate(env: Env = getEnv()): RequestGate {
  return processGate(() => new RequestGate(gateSettings(env)));
}

/**
 * Tells this process's gate of every connection the HTTP server accepts, so that a crowd connecting at once is let in
 * before pages render (RequestGate.noteConnection). scripts/serve.mjs calls it with its server.
 */
export function watchConnections(server: { on(event: "connection", listener: () => void): unknown }, env: Env = getEnv()): void {
  const gate = requestGate(env);
  server.on("connection", () => gate.noteConnection());
}

export function createAppHandler({
  handle,
  env = getEnv(),
  gate: requests = requestGate(env),
}: {
  handle: RemixHandler;
  env?: Env;
  /** Admission control (ADR 0052): saves before page views, a bounded number at once; null turns it off. */
  gate?: RequestGate | null;
}): AppHandler {
  const https = env.PUBLIC_URL.startsWith("https:");
  // Guard (origin, host, body), then who is asking (a protected path without anyone: 401 or /login), then the route.
  const answer = async (request: Request, nonce: string, clientAddress: string | undefined): Promise<Response> => {
    const guarded = await guardRequest(request, env);
    if (!guarded.ok) return guarded.response;
    const auth = await gate(guarded.request, env);
    if (!auth.ok) return auth.response;
    return handle(guarded.request, { cspNonce: nonce, clientAddress, principal: auth.principal });
  };
  const llm = env.llm.status === "on";
  // Admission: the request waits for a slot (saves first) before anything of it runs, its body unread.
  const admitted = async (request: Request, nonce: string, clientAddress: string | undefined): Promise<Response> => {
    if (!requests) return answer(request, nonce, clientAddress);
    const kind = gateClass(request, { llm });
    if (!kind) {
      // Downloads (and, with an LLM, plans) take no slot but wait while a crowd is let in; health checks never wait.
      if (new URL(request.url).pathname !== "/healthz") await requests.afterCrowd(request.signal);
      return answer(request, nonce, clientAddress);
    }
    let release: () => void;
    try {
      release = await requests.acquire(kind, request.signal);
    } catch (err) {
      if (err instanceof GateFullError || err instanceof GateClosedError) return gateRefusal(request, err);
      // The client left while waiting: nobody reads this answer.
      return new Response(null, { status: 503, headers: { "retry-after": "1" } });
    }
    try {
      return await answer(request, nonce, clientAddress);
    } finally {
      release();
    }
  };
  return async (request, info = {}) => {
    // 128 bits, fresh for every response (CSP 3 asks for at least 128).
    const nonce = randomBytes(16).toString("base64");
    const response = await admitted(request, nonce, info.clientAddress);
    return withSecurityHeaders(response, { nonce, https });
  };
}

/** On shutdown, after the last request: the render and plan threads and the database (its pool, or the SQLite worker). */
export async function closeServerResources(): Promise<void> {
  currentGate()?.close();
  await Promise.allSettled([closeRenderPool(), closePlanPool(), closeDb()]);
}
