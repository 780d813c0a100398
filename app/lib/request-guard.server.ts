// What every request passes before a route sees it (OWASP ASVS V4.2.2, V12.1.1, V13.2.5):
//
// - Cross-site writes: a POST/PUT/PATCH/DELETE whose Origin is another site (or "null"), or which the browser marks
//   Sec-Fetch-Site cross-site/same-site, is refused 403. Requests without those headers (curl, scripts, the CLI's
//   peers) are not browsers acting for someone else and pass; the API's JSON-only rule and, with accounts on, its
//   Bearer tokens cover them.
// - DNS rebinding: with accounts off the server answers only to loopback host names (or PUBLIC_URL's), so a foreign
//   site that re-points its name at 127.0.0.1 cannot read or drive a person's local Tierwise.
// - Bodies: at most BODY_LIMIT_BYTES (413 naming the limit, whatever Content-Length says); read once here, so routes
//   read a buffered copy. Form actions take form bodies only (415 otherwise, 400 for a broken multipart body), so the
//   framework's form parser never meets JSON or XML and answers 500.
import type { Env } from "~/env.server";
import { isLoopbackHost } from "~/env.server";
import { BODY_LIMIT_BYTES, errorResponse, readBodyBytes, tooLarge } from "~/lib/http.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

export type GuardResult = { ok: true; request: Request } | { ok: false; response: Response };

type GuardEnv = Pick<Env, "TIERWISE_AUTH" | "PUBLIC_URL" | "publicUrlConfigured">;

const isApi = (url: URL) => url.pathname === "/api" || url.pathname.startsWith("/api/");

/** A refusal in the shape of the route it was meant for: `{errors}` JSON for the API, plain text for pages. */
function refuse(url: URL, status: number, message: string, headers: Record<string, string> = {}): { ok: false; response: Response } {
  if (isApi(url)) return { ok: false, response: errorResponse([{ path: "(root)", message }], status, headers) };
  return {
    ok: false,
    response: new Response(`${status}: ${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", ...headers } }),
  };
}

/** The origins a browser may write from: PUBLIC_URL's and the one the request was addressed to. */
export function allowedOrigins(url: URL, env: GuardEnv): Set<string> {
  const origins = new Set([url.origin]);
  if (env.publicUrlConfigured) origins.add(new URL(env.PUBLIC_URL).origin);
  return origins;
}

export function crossSiteProblem(request: Request, url: URL, env: GuardEnv): string | null {
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (origin === "null") return "cross-origin request refused (Origin: null)";
    return allowedOrigins(url, env).has(origin) ? null : `cross-origin request refused: ${origin.slice(0, 100)} is not this site`;
  }
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return `cross-origin request refused (Sec-Fetch-Site: ${site})`;
  return null;
}

/** With accounts off, only loopback names (or PUBLIC_URL's host) may address the server. */
export function hostProblem(url: URL, env: GuardEnv): string | null {
  if (env.TIERWISE_AUTH !== "off") return null;
  if (isLoopbackHost(url.hostname)) return null;
  if (env.publicUrlConfigured && new URL(env.PUBLIC_URL).host === url.host) return null;
  return `this server answers on localhost only while accounts are off (Host: ${url.host.slice(0, 100)})`;
}

function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

function hasBody(request: Request): boolean {
  const length = request.headers.get("content-length");
  if (length !== null) return Number(length) > 0;
  return request.headers.has("transfer-encoding") || request.body !== null;
}

/**
 * A form action's post without a body: refused (415) when it names another type, else handed on as an empty
 * urlencoded form, which the framework's parser reads as no fields (the route then says what is missing) instead of
 * throwing on a missing or multipart-without-parts body (a 500).
 */
function emptyForm(request: Request, url: URL): GuardResult {
  const type = mediaType(request);
  if (type && !FORM_TYPES.includes(type))
    return refuse(url, 415, `a form action takes application/x-www-form-urlencoded or multipart/form-data, not ${type}`);
  const headers = new Headers(request.headers);
  headers.set("content-type", "application/x-www-form-urlencoded");
  headers.delete("content-length");
  return { ok: true, request: new Request(request.url, { method: request.method, headers, body: "", signal: request.signal }) };
}

export async function guardRequest(
  request: Request,
  env: GuardEnv,
  { bodyLimit = BODY_LIMIT_BYTES }: { bodyLimit?: number } = {},
): Promise<GuardResult> {
  const url = new URL(request.url);
  const host = hostProblem(url, env);
  if (host) return refuse(url, 403, host);
  if (SAFE_METHODS.has(request.method)) return { ok: true, request };

  const crossSite = crossSiteProblem(request, url, env);
  if (crossSite) return refuse(url, 403, crossSite);
  if (!hasBody(request)) return isApi(url) ? { ok: true, request } : emptyForm(request, url);

  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > bodyLimit) return refuse(url, 413, `the body ${tooLarge(bodyLimit).errors[0].message}`);
  const type = mediaType(request);
  if (!isApi(url) && !FORM_TYPES.includes(type)) {
    return refuse(
      url,
      415,
      `a form action takes application/x-www-form-urlencoded or multipart/form-data, not ${type || "a body without a Content-Type"}`,
    );
  }
  const body = await readBodyBytes(request, bodyLimit);
  if (!body.ok) return refuse(url, body.status ?? 400, `the body ${body.errors[0].message}`);
  const buffered = new Request(request.url, { method: request.method, headers: request.headers, body: body.value, signal: request.signal });
  if (type === "multipart/form-data") {
    try {
      await buffered.clone().formData();
    } catch {
      return refuse(url, 400, "the multipart form body could not be read");
    }
  }
  return { ok: true, request: buffered };
}
