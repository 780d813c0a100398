// The app as one fetch-style function, wrapped around Remix's request handler: the request guard first, then the
// route, then the security headers on whatever the route answered. scripts/serve.mjs adapts it to Node's HTTP server;
// tests call it with plain Requests.
import { randomBytes } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { getEnv, type Env } from "~/env.server";
import { gate } from "~/lib/auth.server";
import { guardRequest } from "~/lib/request-guard.server";
import { withSecurityHeaders } from "~/lib/security-headers.server";
import { closeDb } from "~/models/db.server";
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

export function createAppHandler({ handle, env = getEnv() }: { handle: RemixHandler; env?: Env }): AppHandler {
  const https = env.PUBLIC_URL.startsWith("https:");
  // Guard (origin, host, body), then who is asking (a protected path without anyone: 401 or /login), then the route.
  const answer = async (request: Request, nonce: string, clientAddress: string | undefined): Promise<Response> => {
    const guarded = await guardRequest(request, env);
    if (!guarded.ok) return guarded.response;
    const auth = await gate(guarded.request, env);
    if (!auth.ok) return auth.response;
    return handle(guarded.request, { cspNonce: nonce, clientAddress, principal: auth.principal });
  };
  return async (request, info = {}) => {
    // 128 bits, fresh for every response (CSP 3 asks for at least 128).
    const nonce = randomBytes(16).toString("base64");
    const response = await answer(request, nonce, info.clientAddress);
    return withSecurityHeaders(response, { nonce, https });
  };
}

/** On shutdown, after the last request: the render threads and the database (its pool, or the SQLite worker). */
export async function closeServerResources(): Promise<void> {
  await Promise.allSettled([closeRenderPool(), closeDb()]);
}
