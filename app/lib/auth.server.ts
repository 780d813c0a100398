// Who is asking, and may they (ADR 0041). Two modes:
// - TIERWISE_AUTH=off (the default, loopback only): one person, no login, everything in the workspace "local".
// - TIERWISE_AUTH=password: a session cookie (pages) or `Authorization: Bearer <token>` (scripts) names a person and
//   a workspace; pages without one redirect to /login, the API answers 401; a role too low for the action answers
//   403; another workspace's scenario answers 404, exactly like a scenario that does not exist.
//
// The app handler authenticates every request once, before any route (fail-closed: a new route is protected
// without doing anything) and hands the principal to loaders and actions in the load context; routes then ask
// `requireUser` / `requireScenario` for the role they need.
import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getEnv, type Env } from "~/env.server";
import { errorResponse } from "~/lib/http.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import {
  LOCAL_PRINCIPAL,
  LOCAL_WORKSPACE_ID,
  resolveApiToken,
  resolveSession,
  ROLE_RANK,
  SESSION_MAX_MS,
  type Principal,
  type Role,
} from "~/models/accounts.server";
import { getDb } from "~/models/db.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Set by the app handler: the person (or token) asking; null when nobody signed in. */
    principal?: Principal | null;
  }
}

type Args = { request: Request; context?: AppLoadContext };
type AuthEnv = Pick<Env, "TIERWISE_AUTH" | "PUBLIC_URL">;

/** Reachable without signing in, in every mode. */
const PUBLIC_PATHS = [
  /^\/healthz$/,
  /^\/login(\.data)?$/,
  // Single sign-on: the button's post and the provider's way back (ADR 0043).
  /^\/login\/oidc(\/callback)?(\.data)?$/,
  /^\/lang$/,
  /^\/invite\/[^/]+(\.data)?$/,
  /^\/share\/[^/]+(\/.*)?$/,
  /^\/favicon\.(ico|svg)$/,
  /^\/robots\.txt$/,
  // Remix's route discovery (which routes the page's links lead to; the same facts as the public JS bundles). Behind
  // the sign-in, a visitor's /login and /invite pages got the login page's HTML instead and fell into the 500 page.
  /^\/__manifest$/,
];
export const isPublicPath = (pathname: string) => PUBLIC_PATHS.some((re) => re.test(pathname));
const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");
/** Remix's own data requests (single fetch): redirects must come from a loader or action to reach the browser. */
const isDataRequest = (url: URL) => url.pathname.endsWith(".data") || url.searchParams.has("_data");

/** Behind TLS (PUBLIC_URL is https, or the request came over https): cookies are Secure and take the __Host- prefix. */
export function isSecure(request: Request, env: AuthEnv = getEnv()): boolean {
  return env.PUBLIC_URL.startsWith("https:") || new URL(request.url).protocol === "https:";
}
export const sessionCookieName = (secure: boolean) => (secure ? "__Host-tierwise_session" : "tierwise_session");

function cookieValue(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      // A malformed escape ("%zz") is no value (not a 500): no session, or the single sign-on's "state" page.
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** The Set-Cookie for a new session (HttpOnly, SameSite=Lax, Secure behind TLS), or one that removes it. */
export function sessionCookie(request: Request, token: string | null, env: AuthEnv = getEnv()): string {
  const secure = isSecure(request, env);
  const attrs = ["Path=/", "HttpOnly", "SameSite=Lax", ...(secure ? ["Secure"] : [])];
  if (token === null) return [`${sessionCookieName(secure)}=`, "Max-Age=0", ...attrs].join("; ");
  return [`${sessionCookieName(secure)}=${token}`, `Max-Age=${Math.floor(SESSION_MAX_MS / 1000)}`, ...attrs].join("; ");
}

/**
 * The state of a single sign-on under way, held by the browser that started it: the callback must bring back the
 * same value (so a callback link made for someone else's sign-in does nothing here). SameSite=Lax: the provider's
 * redirect back is a top-level GET, which carries it. Ten minutes, like the pending row.
 */
export const oidcStateCookieName = (secure: boolean) => (secure ? "__Host-tierwise_oidc_state" : "tierwise_oidc_state");
export function oidcStateCookie(request: Request, state: string | null, env: AuthEnv = getEnv()): string {
  const secure = isSecure(request, env);
  const attrs = ["Path=/", "HttpOnly", "SameSite=Lax", ...(secure ? ["Secure"] : [])];
  return [`${oidcStateCookieName(secure)}=${state ?? ""}`, `Max-Age=${state === null ? 0 : 600}`, ...attrs].join("; ");
}
/** The session token this browser sends (signed in or not): what a new sign-in replaces. */
export const readSessionCookie = (request: Request, env: AuthEnv = getEnv()) =>
  cookieValue(request, sessionCookieName(isSecure(request, env)));
export const readOidcStateCookie = (request: Request, env: AuthEnv = getEnv()) =>
  cookieValue(request, oidcStateCookieName(isSecure(request, env)));

export type Authentication = { principal: Principal | null; problem?: string };

/** The principal of a request: the local person with accounts off; else its Bearer token or its session cookie. */
export async function authenticate(request: Request, env: AuthEnv = getEnv()): Promise<Authentication> {
  if (env.TIERWISE_AUTH === "off") return { principal: LOCAL_PRINCIPAL };
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!m) return { principal: null, problem: "Authorization must be `Bearer <token>`" };
    const principal = await resolveApiToken({ db: await getDb(), token: m[1] });
    return principal ? { principal } : { principal: null, problem: "the token is unknown or revoked" };
  }
  const token = cookieValue(request, sessionCookieName(isSecure(request, env)));
  if (!token) return { principal: null };
  return { principal: await resolveSession({ db: await getDb(), token }) };
}

export function unauthorized(message = "sign in, or send Authorization: Bearer <token>"): Response {
  return errorResponse([{ path: "(root)", message }], 401, { "www-authenticate": 'Bearer realm="tierwise"' });
}

export function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  const next = safeRedirectPath(url.pathname.replace(/\.data$/, "") + url.search, "/");
  return redirect(next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`);
}

/**
 * Before any route: the principal, or the answer for a protected path without one (API 401, pages → /login).
 * Remix data requests go through, so that `requireUser` in the loader or action sends the redirect in a form the
 * browser's router follows.
 */
export async function gate(
  request: Request,
  env: AuthEnv = getEnv(),
): Promise<{ ok: true; principal: Principal | null } | { ok: false; response: Response }> {
  const url = new URL(request.url);
  const auth = await authenticate(request, env);
  if (auth.principal || isPublicPath(url.pathname)) return { ok: true, principal: auth.principal };
  if (isApiPath(url.pathname) || auth.problem) return { ok: false, response: unauthorized(auth.problem) };
  if (isDataRequest(url)) return { ok: true, principal: null };
  return { ok: false, response: loginRedirect(request) };
}

async function principalOf({ request, context }: Args): Promise<Principal | null> {
  if (context && context.principal !== undefined) return context.principal;
  // Called without the app handler (a test calling a loader): authenticate here.
  return (await authenticate(request)).principal;
}

function forbidden(api: boolean, needed: Role): Response {
  const message = `needs the ${needed} role in this workspace`;
  return api
    ? errorResponse([{ path: "(root)", message }], 403)
    : new Response(`403: ${message}\n`, { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
}

function notFoundResponse(api: boolean, what: string): Response {
  return api ? errorResponse([{ path: "(root)", message: `${what} not found` }], 404) : new Response("Not found", { status: 404 });
}

const apiRequest = (request: Request) => isApiPath(new URL(request.url).pathname);

/** The signed-in principal with at least `role` in their current workspace; throws the right answer otherwise. */
export async function requireUser(args: Args, role: Role = "viewer"): Promise<Principal> {
  const principal = await principalOf(args);
  const api = apiRequest(args.request);
  if (!principal) throw api ? unauthorized() : loginRedirect(args.request);
  if (ROLE_RANK[principal.role] < ROLE_RANK[role]) throw forbidden(api, role);
  return principal;
}

/** Like requireUser, for pages that work without a sign-in too (the login page): null instead of a redirect. */
export async function optionalUser(args: Args): Promise<Principal | null> {
  return principalOf(args);
}

/**
 * The principal acting on scenario `id` with at least `role`, in the scenario's own workspace (a person may open a
 * scenario of any workspace they belong to; a token, only of its own). Unknown id and another workspace's scenario
 * are the same 404. Throws the answer to send.
 */
export async function requireScenario(args: Args, id: string, role: Role = "viewer"): Promise<Principal> {
  const principal = await requireUser(args, "viewer");
  const api = apiRequest(args.request);
  const db = await getDb();
  const row = await db.get<{ workspace_id: string; role: Role | null }>(
    "SELECT s.workspace_id, m.role FROM scenarios s LEFT JOIN memberships m ON m.workspace_id = s.workspace_id AND m.user_id = ? WHERE s.id = ?",
    [principal.userId ?? "", id],
  );
  let acting: Principal | null = null;
  if (row) {
    if (principal.kind === "local") acting = row.workspace_id === LOCAL_WORKSPACE_ID ? principal : null;
    else if (principal.kind === "token") acting = row.workspace_id === principal.workspaceId ? principal : null;
    else acting = row.role ? { ...principal, workspaceId: row.workspace_id, role: row.role } : null;
  }
  if (!acting) throw notFoundResponse(api, `scenario ${JSON.stringify(id)}`);
  if (ROLE_RANK[acting.role] < ROLE_RANK[role]) throw forbidden(api, role);
  return acting;
}
