// Signing in with email and password (ASVS V2.2): one generic failure for an unknown email and a wrong password
// (the same scrypt work either way), throttled per account and per address, a new session id on every sign-in.
import type { AppLoadContext } from "@remix-run/node";
import { RateLimited, checkRateLimit } from "~/lib/rate-limit.server";
import { verifyPassword } from "~/lib/password.server";
import { createSession, getUserByEmail, listMemberships, normalizeEmail, type User } from "~/models/accounts.server";

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
