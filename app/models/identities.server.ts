// Single sign-on's rows (migration 0043, ADR 0043): the sign-ins under way (state → nonce, PKCE verifier, next), and
// the identities that link a provider's account (issuer + subject) to a person here.
import { getDb, isUniqueViolation, type Database, type Db } from "~/models/db.server";
import { auditStmt } from "~/models/audit.server";
import { hashSecret, newId, normalizeEmail, ROLE_RANK, type Role } from "~/models/accounts.server";

interface WithDb {
  db?: Database;
}
const open = (given?: Database) => (given ? Promise.resolve(given) : getDb());

/** How long a sign-in may stay at the provider before its state is refused. */
export const OIDC_LOGIN_TTL_MS = 10 * 60_000;

export interface PendingLogin {
  nonce: string;
  codeVerifier: string;
  next: string;
}

/** Records a sign-in sent to the provider (and drops those that expired). */
export async function createPendingLogin({
  db: given,
  state,
  nonce,
  codeVerifier,
  next,
}: WithDb & { state: string } & PendingLogin): Promise<void> {
  const db = await open(given);
  const at = new Date();
  await db.batch([
    { sql: "DELETE FROM oidc_logins WHERE expires_at < ?", params: [at.toISOString()] },
    {
      sql: "INSERT INTO oidc_logins (state_hash, nonce, code_verifier, next_path, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
      params: [hashSecret(state), nonce, codeVerifier, next, at.toISOString(), new Date(at.getTime() + OIDC_LOGIN_TTL_MS).toISOString()],
    },
  ]);
}

/** Uses up a state: the sign-in it started, once (a second callback with it finds nothing), or null when unknown or expired. */
export async function claimPendingLogin({ db: given, state }: WithDb & { state: string }): Promise<PendingLogin | null> {
  const db = await open(given);
  const r = await db.run<{ nonce: string; code_verifier: string; next_path: string; expires_at: string }>(
    "DELETE FROM oidc_logins WHERE state_hash = ? RETURNING nonce, code_verifier, next_path, expires_at",
    [hashSecret(state)],
  );
  const row = r.rows[0];
  if (!row || row.expires_at <= new Date().toISOString()) return null;
  return { nonce: row.nonce, codeVerifier: row.code_verifier, next: row.next_path };
}

export type Resolution =
  | {
      ok: true;
      userId: string;
      email: string;
      linked: "known" | "by-email" | "invited";
      joined: Array<{ workspaceId: string; role: Role }>;
    }
  | { ok: false; reason: "no-invitation" | "disabled" | "linked-elsewhere" };

/**
 * Who a verified provider account is here, in one transaction: the person already linked to (issuer, subject); else
 * the person with the provider's verified email, now linked; else, when an open invitation names that email, a new
 * person without a password, linked, who joins every workspace that invited them with its role. Nobody else gets
 * an account (no self-sign-up): "no-invitation", nothing written.
 */
export async function resolveIdentity({
  db: given,
  issuer,
  subject,
  email: rawEmail,
}: WithDb & { issuer: string; subject: string; email: string }): Promise<Resolution> {
  const db = await open(given);
  // Two first sign-ins of one person at once (two tabs; PostgreSQL, READ COMMITTED): the second's INSERT meets the
  // first's rows and fails as a whole; run again, it finds them.
  try {
    return await resolveOnce(db, issuer, subject, normalizeEmail(rawEmail));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return resolveOnce(db, issuer, subject, normalizeEmail(rawEmail));
  }
}

function resolveOnce(db: Database, issuer: string, subject: string, email: string): Promise<Resolution> {
  return db.transaction(async (tx): Promise<Resolution> => {
    const at = new Date().toISOString();
    const known = await tx.get<{ user_id: string; email: string; disabled_at: string | null }>(
      "SELECT i.user_id, u.email, u.disabled_at FROM identities i JOIN users u ON u.id = i.user_id WHERE i.issuer = ? AND i.subject = ?",
      [issuer, subject],
    );
    if (known) {
      if (known.disabled_at !== null) return { ok: false, reason: "disabled" };
      await tx.run("UPDATE identities SET last_used_at = ? WHERE issuer = ? AND subject = ?", [at, issuer, subject]);
      // Invitations sent to them since (after being removed from every workspace, the only way back in: the
      // invitation page asks a person without a password to sign in first).
      const joined = await claimInvites(tx, known.user_id, known.email, at);
      return { ok: true, userId: known.user_id, email: known.email, linked: "known", joined };
    }
    const user = await tx.get<{ id: string; disabled_at: string | null }>("SELECT id, disabled_at FROM users WHERE email = ?", [email]);
    if (user) {
      if (user.disabled_at !== null) return { ok: false, reason: "disabled" };
      // One identity per provider for a person: another subject with this email (a recycled address, a second
      // account at the provider) does not become a second way into this account.
      const linked = await tx.get("SELECT 1 AS n FROM identities WHERE issuer = ? AND user_id = ?", [issuer, user.id]);
      if (linked) return { ok: false, reason: "linked-elsewhere" };
      await tx.run("INSERT INTO identities (issuer, subject, user_id, email, created_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?)", [
        issuer,
        subject,
        user.id,
        email,
        at,
        at,
      ]);
      await takeOver(tx, user.id, email);
      const joined = await claimInvites(tx, user.id, email, at);
      return { ok: true, userId: user.id, email, linked: "by-email", joined };
    }
    const invited = await tx.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM invites WHERE email = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?",
      [email, at],
    );
    if (!invited || Number(invited.n) === 0) return { ok: false, reason: "no-invitation" };
    const userId = newId();
    await tx.run("INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, NULL, ?)", [userId, email, at]);
    await tx.run("INSERT INTO identities (issuer, subject, user_id, email, created_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?)", [
      issuer,
      subject,
      userId,
      email,
      at,
      at,
    ]);
    const joined = await claimInvites(tx, userId, email, at);
    return { ok: true, userId, email, linked: "invited", joined };
  });
}

/**
 * Uses every open invitation for the email: the person joins each workspace with its role (the higher of two
 * invitations' roles; a member already there keeps a higher role). What changed, for the trail and the landing workspace.
 */
async function claimInvites(tx: Db, userId: string, email: string, at: string): Promise<Array<{ workspaceId: string; role: Role }>> {
  const claimed = await tx.run<{ workspace_id: string; role: Role }>(
    "UPDATE invites SET accepted_at = ? WHERE email = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ? RETURNING workspace_id, role",
    [at, email, at],
  );
  const invited = new Map<string, Role>();
  for (const r of claimed.rows) {
    const had = invited.get(r.workspace_id);
    if (!had || ROLE_RANK[r.role] > ROLE_RANK[had]) invited.set(r.workspace_id, r.role);
  }
  const joined: Array<{ workspaceId: string; role: Role }> = [];
  for (const [workspaceId, role] of invited) {
    const member = await tx.get<{ role: Role }>("SELECT role FROM memberships WHERE workspace_id = ? AND user_id = ?", [
      workspaceId,
      userId,
    ]);
    if (member && ROLE_RANK[member.role] >= ROLE_RANK[role]) continue;
    await tx.run(
      "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role",
      [workspaceId, userId, role, at],
    );
    joined.push({ workspaceId, role });
  }
  return joined;
}

/**
 * The provider has proved the email; whoever made the account may not have (an invitation link's holder chooses the
 * password, and nobody checks they read that mailbox). So linking takes the account over, in the linking transaction
 * ("classic-federated merge" pre-hijack, Sudhodanan & Paverd, USENIX Security 2022): its password is removed, every
 * session and API token of it is deleted, and each of its workspaces' trails says so. ADR 0043.
 */
async function takeOver(tx: Db, userId: string, email: string): Promise<void> {
  const password = await tx.run("UPDATE users SET password_hash = NULL WHERE id = ? AND password_hash IS NOT NULL", [userId]);
  const sessions = await tx.run("DELETE FROM sessions WHERE user_id = ?", [userId]);
  const live = await tx.get<{ n: number }>("SELECT COUNT(*) AS n FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL", [userId]);
  await tx.run("DELETE FROM api_tokens WHERE user_id = ?", [userId]);
  const detail = { passwordRemoved: password.changes, sessions: sessions.changes, tokens: Number(live?.n ?? 0) };
  const workspaces = await tx.all<{ workspace_id: string }>("SELECT workspace_id FROM memberships WHERE user_id = ?", [userId]);
  for (const w of workspaces) {
    const stmt = auditStmt({ workspaceId: w.workspace_id, userId, label: email }, "sso-linked", { detail });
    await tx.run(stmt.sql, stmt.params);
  }
}

export interface IdentitySummary {
  issuer: string;
  email: string;
  createdAt: string;
  lastUsedAt: string;
}

export async function listIdentities({ db: given, userId }: WithDb & { userId: string }): Promise<IdentitySummary[]> {
  const db = await open(given);
  const rows = await db.all<{ issuer: string; email: string; created_at: string; last_used_at: string }>(
    "SELECT issuer, email, created_at, last_used_at FROM identities WHERE user_id = ? ORDER BY created_at",
    [userId],
  );
  return rows.map((r) => ({ issuer: r.issuer, email: r.email, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
}
