// Signing in with email and password (ASVS V2.2): one generic failure for an unknown email and a wrong password
// (the same scrypt work either way), throttled per account and per address, a new session id on every sign-in.
import type { AppLoadContext } from "@remix-run/node";
import { RateLimited, checkRateLimit } from "~/lib/rate-limit.server";
import { OidcError, randomToken, type OidcFailure, type OidcProvider } from "~/lib/oidc.server";
import { verifyPassword } from "~/lib/password.server";
import { createSession, getUserByEmail, listMemberships, normalizeEmail, type User } from "~/models/accounts.server";
import { recordAudit } from "~/models/audit.server";
import { claimPendingLogin, createPendingLogin, resolveIdentity } from "~/models/identities.server";

export type SignIn =
  { ok: true; user: User; token: string } | { ok: false; reason: "failed" } | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** Counts the attempt against both sign-in limits; a RateLimited verdict comes back as "throttled". */
export async function throttleSignIn(email: string, context: AppLoadContext | undefined): Promise<{ retryAfterSeconds: number } | null> {
  try {
    await checkRateLimit("sign-in-address", `address:${context?.clientAddress ?? "unknown"}`);
    await checkRateLimit("sign-in", `email:${normalizeEmail(email)}`);
    return null;
  } catch (err) {
    if (err instanceof RateLimited) return { retryAfterSeconds: err.retryAfterSeconds };
    throw err;
  }
}

/** Checks the password; on success, a session in the person's first workspace (they can switch on /account). */
export async function signIn(email: string, password: string, context: AppLoadContext | undefined): Promise<SignIn> {
  const throttled = await throttleSignIn(email, context);
  if (throttled) return { ok: false, reason: "throttled", retryAfterSeconds: throttled.retryAfterSeconds };
  const user = await getUserByEmail({ email });
  const good = await verifyPassword(password, user?.passwordHash);
  if (!user || !good || user.disabled) return { ok: false, reason: "failed" };
  const [first] = await listMemberships({ userId: user.id });
  if (!first) return { ok: false, reason: "failed" };
  const { token } = await createSession({ userId: user.id, workspaceId: first.workspaceId });
  return { ok: true, user, token };
}

// ---------------------------------------------------------------------------------------------------------------
// Single sign-on (ADR 0043): the second way to a session. The provider proves who the person is; this server still
// decides whether they may come in (an account with that verified email, or an open invitation for it).

export type OidcStart = { ok: true; url: string; state: string } | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** Starts a sign-in at the provider: a pending row (state, nonce, PKCE verifier, next) and the URL to send the browser to. */
export async function startOidcSignIn(
  provider: OidcProvider,
  { next, locale }: { next: string; locale?: string },
  context: AppLoadContext | undefined,
): Promise<OidcStart> {
  try {
    await checkRateLimit("sso-start", `address:${context?.clientAddress ?? "unknown"}`);
  } catch (err) {
    if (err instanceof RateLimited) return { ok: false, reason: "throttled", retryAfterSeconds: err.retryAfterSeconds };
    throw err;
  }
  const state = randomToken();
  const nonce = randomToken();
  const codeVerifier = randomToken();
  // The provider's address first: if it cannot be reached, nothing is written.
  const url = await provider.authorizationUrl({ state, nonce, codeVerifier, locale });
  await createPendingLogin({ state, nonce, codeVerifier, next });
  return { ok: true, url, state };
}

export type OidcFinish =
  | { ok: true; user: { id: string; email: string }; token: string; next: string }
  | { ok: false; reason: OidcFailure }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * The callback: the state must be this browser's (its cookie) and unused, the code is exchanged with the PKCE
 * verifier, the ID token verified (oidc.server.ts); then who the person is here (identities.server.ts), a session
 * exactly like a password sign-in's, and the audit rows. Every refusal writes nothing but the used-up state.
 */
export async function finishOidcSignIn(
  provider: OidcProvider,
  query: { state: string | null; code: string | null; error: string | null; cookieState: string | null },
  context: AppLoadContext | undefined,
): Promise<OidcFinish> {
  try {
    const { state, cookieState } = query;
    if (!state || state.length > 128) throw new OidcError("state", "no state");
    // The state comes back to the browser that started the sign-in (login CSRF: someone else's callback link).
    if (!cookieState || cookieState !== state) throw new OidcError("state", "not this browser's state");
    // Counted only now: a page on another site that makes a browser load this URL cannot use up its address's
    // sign-ins (it cannot set the state cookie).
    try {
      await checkRateLimit("sign-in-address", `address:${context?.clientAddress ?? "unknown"}`);
    } catch (err) {
      if (err instanceof RateLimited) return { ok: false, reason: "throttled", retryAfterSeconds: err.retryAfterSeconds };
      throw err;
    }
    const pending = await claimPendingLogin({ state });
    if (!pending) throw new OidcError("state", "unknown, used or expired state");
    if (query.error !== null) throw new OidcError("provider", `the provider answered ${JSON.stringify(query.error.slice(0, 64))}`);
    if (!query.code || query.code.length > 4096) throw new OidcError("provider", "no code");
    const claims = await provider.exchange({ code: query.code, codeVerifier: pending.codeVerifier, nonce: pending.nonce });
    // Not counted against the email's "sign-in" limit: that one stops password guessing, and counting the provider's
    // proven sign-ins there let anyone's wrong passwords lock the person out of single sign-on too.
    const who = await resolveIdentity({ issuer: provider.config.issuer, subject: claims.sub, email: claims.email });
    if (!who.ok) throw new OidcError(who.reason, `${who.reason} for the provider's verified email`);
    const memberships = await listMemberships({ userId: who.userId });
    // The workspace an invitation just brought them into, else their first (they can switch on /account).
    const workspaceId = who.joined[0]?.workspaceId ?? memberships[0]?.workspaceId;
    if (!workspaceId) throw new OidcError("no-invitation", "the account belongs to no workspace");
    for (const j of who.joined) {
      await recordAudit({
        actor: { workspaceId: j.workspaceId, userId: who.userId, label: who.email },
        action: "joined",
        detail: { role: j.role },
      });
    }
    const { token } = await createSession({ userId: who.userId, workspaceId });
    await recordAudit({ actor: { workspaceId, userId: who.userId, label: who.email }, action: "signed-in", detail: { method: "sso" } });
    return { ok: true, user: { id: who.userId, email: who.email }, token, next: pending.next };
  } catch (err) {
    if (!(err instanceof OidcError)) throw err;
    // The reason and what failed; never a code, a token or the state.
    console.warn(`single sign-on refused (${err.code}): ${err.detail}`);
    return { ok: false, reason: err.code };
  }
}
