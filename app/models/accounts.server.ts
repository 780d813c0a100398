// People, workspaces and roles; sessions, API tokens and invitations (ADR 0041). Secrets handed to people (session
// cookies, tokens, invitation links) are 256-bit random values stored only as SHA-256 hashes, so a copy of the
// database lets no one in. Every function takes one object; `db` is optional so tests can pass their own database.
import { createHash, randomBytes } from "node:crypto";
import { getDb, isUniqueViolation, type Database } from "~/models/db.server";

interface WithDb {
  db?: Database;
}
const open = (given?: Database) => (given ? Promise.resolve(given) : getDb());
const now = () => new Date().toISOString();

import type { Role } from "~/lib/roles";
export { isRole, ROLE_RANK, ROLES, type Role } from "~/lib/roles";

/** The workspace of a machine without accounts, and of every scenario saved before accounts (migration 0040). */
export const LOCAL_WORKSPACE_ID = "local";

export const SESSION_IDLE_MS = 7 * 24 * 3600_000;
export const SESSION_MAX_MS = 30 * 24 * 3600_000;
export const INVITE_TTL_MS = 7 * 24 * 3600_000;
/** Sessions and tokens record when they were last used at most this often (a write per request would cost). */
const TOUCH_EVERY_MS = 5 * 60_000;

export function newId(): string {
  return randomBytes(12).toString("base64url");
}
export function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
/** Enough to catch a typo, not an RFC 5322 parser. */
export function emailProblem(email: string): string | null {
  const e = normalizeEmail(email);
  if (e.length > 254) return "must be at most 254 characters";
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) ? null : "must be an email address such as name@example.com";
}

// ---------------------------------------------------------------------------------------------------------------
// Workspaces, people, memberships

export interface Workspace {
  id: string;
  name: string;
}
export interface User {
  id: string;
  email: string;
  passwordHash: string | null;
  disabled: boolean;
}
export interface Membership {
  workspaceId: string;
  workspaceName: string;
  role: Role;
}
export interface Member {
  userId: string;
  email: string;
  role: Role;
  since: string;
}

export async function findWorkspaceByName({ db: given, name }: WithDb & { name: string }): Promise<Workspace | null> {
  const db = await open(given);
  const row = await db.get<{ id: string; name: string }>("SELECT id, name FROM workspaces WHERE name = ?", [name.trim()]);
  return row ?? null;
}

export async function getWorkspace({ db: given, id }: WithDb & { id: string }): Promise<Workspace | null> {
  const db = await open(given);
  return (await db.get<{ id: string; name: string }>("SELECT id, name FROM workspaces WHERE id = ?", [id])) ?? null;
}

/** The name of the workspace whose id is LOCAL_WORKSPACE_ID: naming it takes over the scenarios saved without accounts. */
export const LOCAL_WORKSPACE_NAME = "Local";

/** The workspace of that name, created when there is none ("Local" is the one of the scenarios saved without accounts). */
export async function ensureWorkspace({ db: given, name }: WithDb & { name: string }): Promise<Workspace & { created: boolean }> {
  const db = await open(given);
  const id = name.trim() === LOCAL_WORKSPACE_NAME ? LOCAL_WORKSPACE_ID : newId();
  const r = await db.run("INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING", [
    id,
    name.trim(),
    now(),
  ]);
  if (r.changes === 1) return { id, name: name.trim(), created: true };
  const found = await findWorkspaceByName({ db, name });
  if (!found) throw new Error(`workspace ${name} vanished`);
  return { ...found, created: false };
}

interface UserRow {
  id: string;
  email: string;
  password_hash: string | null;
  disabled_at: string | null;
}
const toUser = (r: UserRow): User => ({ id: r.id, email: r.email, passwordHash: r.password_hash, disabled: r.disabled_at !== null });

export async function getUserByEmail({ db: given, email }: WithDb & { email: string }): Promise<User | null> {
  const db = await open(given);
  const row = await db.get<UserRow>("SELECT id, email, password_hash, disabled_at FROM users WHERE email = ?", [normalizeEmail(email)]);
  return row ? toUser(row) : null;
}

/** A new person; null when the email is taken. */
export async function createUser({
  db: given,
  email,
  passwordHash,
}: WithDb & { email: string; passwordHash: string | null }): Promise<User | null> {
  const db = await open(given);
  const id = newId();
  try {
    await db.run("INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)", [
      id,
      normalizeEmail(email),
      passwordHash,
      now(),
    ]);
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
  return { id, email: normalizeEmail(email), passwordHash, disabled: false };
}

/** A new password ends every session the person had (ASVS 3.3.3). */
export async function setPassword({ db: given, userId, passwordHash }: WithDb & { userId: string; passwordHash: string }): Promise<void> {
  const db = await open(given);
  await db.batch([
    { sql: "UPDATE users SET password_hash = ? WHERE id = ?", params: [passwordHash, userId] },
    { sql: "DELETE FROM sessions WHERE user_id = ?", params: [userId] },
  ]);
}

/** Adds the person to the workspace, or changes their role there. */
export async function setMembership({
  db: given,
  workspaceId,
  userId,
  role,
}: WithDb & { workspaceId: string; userId: string; role: Role }): Promise<void> {
  const db = await open(given);
  await db.run(
    "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role",
    [workspaceId, userId, role, now()],
  );
}

/**
 * Changes a member's role or removes them (`role: null`), never leaving a workspace without an owner: the check and
 * the change are one statement. (Two owners of a two-owner workspace demoting each other in the same instant on
 * PostgreSQL could still both pass; an admin restores an owner with `tierwise admin create-user … --role owner`.)
 */
export async function changeMembership({
  db: given,
  workspaceId,
  userId,
  role,
}: WithDb & { workspaceId: string; userId: string; role: Role | null }): Promise<"ok" | "last-owner" | "not-member"> {
  const db = await open(given);
  const keepsAnOwner =
    "(role <> 'owner' OR ? = 'owner' OR (SELECT COUNT(*) FROM memberships o WHERE o.workspace_id = memberships.workspace_id AND o.role = 'owner') > 1)";
  const r =
    role === null
      ? await db.run(`DELETE FROM memberships WHERE workspace_id = ? AND user_id = ? AND ${keepsAnOwner}`, [workspaceId, userId, ""])
      : await db.run(`UPDATE memberships SET role = ? WHERE workspace_id = ? AND user_id = ? AND ${keepsAnOwner}`, [
          role,
          workspaceId,
          userId,
          role,
        ]);
  if (r.changes === 1) {
    // Removed from the workspace: their sessions there and their tokens for it stop working.
    if (role === null)
      await db.run("UPDATE api_tokens SET revoked_at = ? WHERE workspace_id = ? AND user_id = ? AND revoked_at IS NULL", [
        now(),
        workspaceId,
        userId,
      ]);
    return "ok";
  }
  const still = await db.get("SELECT role FROM memberships WHERE workspace_id = ? AND user_id = ?", [workspaceId, userId]);
  return still ? "last-owner" : "not-member";
}

export async function listMemberships({ db: given, userId }: WithDb & { userId: string }): Promise<Membership[]> {
  const db = await open(given);
  const rows = await db.all<{ workspace_id: string; name: string; role: Role }>(
    "SELECT m.workspace_id, w.name, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id WHERE m.user_id = ? ORDER BY w.name",
    [userId],
  );
  return rows.map((r) => ({ workspaceId: r.workspace_id, workspaceName: r.name, role: r.role }));
}

export async function listMembers({ db: given, workspaceId }: WithDb & { workspaceId: string }): Promise<Member[]> {
  const db = await open(given);
  const rows = await db.all<{ user_id: string; email: string; role: Role; created_at: string }>(
    "SELECT m.user_id, u.email, m.role, m.created_at FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = ? ORDER BY u.email",
    [workspaceId],
  );
  return rows.map((r) => ({ userId: r.user_id, email: r.email, role: r.role, since: r.created_at }));
}

// ---------------------------------------------------------------------------------------------------------------
// Who is asking: sessions and API tokens resolve to the same shape.

export interface Principal {
  kind: "local" | "session" | "token";
  userId: string | null;
  email: string | null;
  /** The workspace lists and new scenarios belong to. */
  workspaceId: string;
  workspaceName: string;
  role: Role;
  /** What the audit trail shows for them. */
  label: string;
  /** The session's hash (sign-out) or the token's id (audit). */
  handle: string | null;
}

export const LOCAL_PRINCIPAL: Principal = Object.freeze({
  kind: "local",
  userId: null,
  email: null,
  workspaceId: LOCAL_WORKSPACE_ID,
  workspaceName: LOCAL_WORKSPACE_NAME,
  role: "owner",
  label: "local",
  handle: null,
}) as Principal;

/** A session for the person, in that workspace. The cookie value is returned once; only its hash is stored. */
export async function createSession({
  db: given,
  userId,
  workspaceId,
}: WithDb & { userId: string; workspaceId: string }): Promise<{ token: string; expiresAt: Date }> {
  const db = await open(given);
  const token = newSecret();
  const at = new Date();
  const expiresAt = new Date(at.getTime() + SESSION_MAX_MS);
  await db.run("INSERT INTO sessions (id_hash, user_id, workspace_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)", [
    hashSecret(token),
    userId,
    workspaceId,
    at.toISOString(),
    at.toISOString(),
    expiresAt.toISOString(),
  ]);
  return { token, expiresAt };
}

interface PrincipalRow {
  handle: string;
  user_id: string;
  email: string;
  workspace_id: string;
  workspace_name: string;
  role: Role | null;
  last_seen_at: string | null;
  label: string | null;
}

/** The person behind a session cookie, or null (unknown, expired, idle too long, disabled, or no longer a member). */
export async function resolveSession({ db: given, token }: WithDb & { token: string }): Promise<Principal | null> {
  const db = await open(given);
  const at = new Date();
  const row = await db.get<PrincipalRow>(
    `SELECT s.id_hash AS handle, u.id AS user_id, u.email, s.workspace_id, w.name AS workspace_name, m.role, s.last_seen_at, CAST(NULL AS TEXT) AS label
       FROM sessions s
       JOIN users u ON u.id = s.user_id AND u.disabled_at IS NULL
       JOIN workspaces w ON w.id = s.workspace_id
       LEFT JOIN memberships m ON m.workspace_id = s.workspace_id AND m.user_id = s.user_id
      WHERE s.id_hash = ? AND s.expires_at > ? AND s.last_seen_at > ?`,
    [hashSecret(token), at.toISOString(), new Date(at.getTime() - SESSION_IDLE_MS).toISOString()],
  );
  if (!row) return null;
  if (at.getTime() - Date.parse(row.last_seen_at ?? "") > TOUCH_EVERY_MS) {
    await db.run("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?", [at.toISOString(), row.handle]);
  }
  if (row.role === null) {
    // Removed from the session's workspace: continue in another of theirs, if any.
    const other = (await listMemberships({ db, userId: row.user_id }))[0];
    if (!other) return null;
    await db.run("UPDATE sessions SET workspace_id = ? WHERE id_hash = ?", [other.workspaceId, row.handle]);
    return {
      kind: "session",
      userId: row.user_id,
      email: row.email,
      workspaceId: other.workspaceId,
      workspaceName: other.workspaceName,
      role: other.role,
      label: row.email,
      handle: row.handle,
    };
  }
  return {
    kind: "session",
    userId: row.user_id,
    email: row.email,
    workspaceId: row.workspace_id,
    workspaceName: row.workspace_name,
    role: row.role,
    label: row.email,
    handle: row.handle,
  };
}

/** Moves the session to another of the person's workspaces; false if they are not a member there. */
export async function switchWorkspace({
  db: given,
  sessionHandle,
  userId,
  workspaceId,
}: WithDb & { sessionHandle: string; userId: string; workspaceId: string }): Promise<boolean> {
  const db = await open(given);
  const r = await db.run(
    "UPDATE sessions SET workspace_id = ? WHERE id_hash = ? AND user_id = ? AND EXISTS (SELECT 1 FROM memberships m WHERE m.workspace_id = ? AND m.user_id = ?)",
    [workspaceId, sessionHandle, userId, workspaceId, userId],
  );
  return r.changes === 1;
}

export async function deleteSession({ db: given, handle }: WithDb & { handle: string }): Promise<void> {
  const db = await open(given);
  await db.run("DELETE FROM sessions WHERE id_hash = ?", [handle]);
}

/** Sign out everywhere: every session of the person ends (their API tokens are revoked separately). */
export async function deleteUserSessions({ db: given, userId }: WithDb & { userId: string }): Promise<number> {
  const db = await open(given);
  return (await db.run("DELETE FROM sessions WHERE user_id = ?", [userId])).changes;
}

export const TOKEN_PREFIX = "tw_";

export interface ApiTokenSummary {
  id: string;
  name: string;
  workspaceId: string;
  workspaceName: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function createApiToken({
  db: given,
  userId,
  workspaceId,
  name,
}: WithDb & { userId: string; workspaceId: string; name: string }): Promise<{ id: string; token: string }> {
  const db = await open(given);
  const id = newId();
  const token = newSecret(TOKEN_PREFIX);
  await db.run("INSERT INTO api_tokens (id, token_hash, user_id, workspace_id, name, created_at) VALUES (?, ?, ?, ?, ?, ?)", [
    id,
    hashSecret(token),
    userId,
    workspaceId,
    name.trim() || "token",
    now(),
  ]);
  return { id, token };
}

/** The person behind `Authorization: Bearer <token>`, acting in the token's workspace with their role there. */
export async function resolveApiToken({ db: given, token }: WithDb & { token: string }): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const db = await open(given);
  const row = await db.get<PrincipalRow>(
    `SELECT t.id AS handle, u.id AS user_id, u.email, t.workspace_id, w.name AS workspace_name, m.role, t.last_used_at AS last_seen_at, t.name AS label
       FROM api_tokens t
       JOIN users u ON u.id = t.user_id AND u.disabled_at IS NULL
       JOIN workspaces w ON w.id = t.workspace_id
       JOIN memberships m ON m.workspace_id = t.workspace_id AND m.user_id = t.user_id
      WHERE t.token_hash = ? AND t.revoked_at IS NULL`,
    [hashSecret(token)],
  );
  if (!row || row.role === null) return null;
  const at = Date.now();
  if (!row.last_seen_at || at - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await db.run("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", [new Date(at).toISOString(), row.handle]);
  }
  return {
    kind: "token",
    userId: row.user_id,
    email: row.email,
    workspaceId: row.workspace_id,
    workspaceName: row.workspace_name,
    role: row.role,
    label: `token "${row.label}" (${row.email})`,
    handle: row.handle,
  };
}

export async function listApiTokens({ db: given, userId }: WithDb & { userId: string }): Promise<ApiTokenSummary[]> {
  const db = await open(given);
  const rows = await db.all<{
    id: string;
    name: string;
    workspace_id: string;
    workspace_name: string;
    created_at: string;
    last_used_at: string | null;
    revoked_at: string | null;
  }>(
    `SELECT t.id, t.name, t.workspace_id, w.name AS workspace_name, t.created_at, t.last_used_at, t.revoked_at
       FROM api_tokens t JOIN workspaces w ON w.id = t.workspace_id WHERE t.user_id = ? ORDER BY t.created_at DESC, t.id`,
    [userId],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    workspaceId: r.workspace_id,
    workspaceName: r.workspace_name,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}

/** Revokes one of the person's tokens (or, without `userId`, any token: the CLI). */
export async function revokeApiToken({ db: given, id, userId }: WithDb & { id: string; userId?: string }): Promise<boolean> {
  const db = await open(given);
  const r = userId
    ? await db.run("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL", [now(), id, userId])
    : await db.run("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", [now(), id]);
  return r.changes === 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Invitations: a link an owner hands to someone; it makes them a member (creating their account) once.

export interface Invite {
  workspaceId: string;
  workspaceName: string;
  email: string;
  role: Role;
  expiresAt: string;
}
export interface InviteSummary {
  /** The hash's first characters: enough to revoke it, useless to accept it. */
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

export async function createInvite({
  db: given,
  workspaceId,
  email,
  role,
  createdBy,
}: WithDb & { workspaceId: string; email: string; role: Role; createdBy: string | null }): Promise<{ token: string; expiresAt: string }> {
  const db = await open(given);
  const token = newSecret();
  const at = new Date();
  const expiresAt = new Date(at.getTime() + INVITE_TTL_MS).toISOString();
  await db.run(
    "INSERT INTO invites (token_hash, workspace_id, email, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    [hashSecret(token), workspaceId, normalizeEmail(email), role, createdBy, at.toISOString(), expiresAt],
  );
  return { token, expiresAt };
}

/** A usable invitation (not accepted, revoked or expired), or null. */
export async function findInvite({ db: given, token }: WithDb & { token: string }): Promise<Invite | null> {
  const db = await open(given);
  const row = await db.get<{ workspace_id: string; name: string; email: string; role: Role; expires_at: string }>(
    `SELECT i.workspace_id, w.name, i.email, i.role, i.expires_at FROM invites i JOIN workspaces w ON w.id = i.workspace_id
      WHERE i.token_hash = ? AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ?`,
    [hashSecret(token), now()],
  );
  return row
    ? { workspaceId: row.workspace_id, workspaceName: row.name, email: row.email, role: row.role, expiresAt: row.expires_at }
    : null;
}

/**
 * Uses the invitation for this person: marks it accepted and makes them a member with its role, in one transaction;
 * the UPDATE claims it, so a link used twice at once makes one member. Null when it is no longer usable.
 */
export async function acceptInvite({
  db: given,
  token,
  userId,
}: WithDb & { token: string; userId: string }): Promise<{ workspaceId: string; role: Role } | null> {
  const db = await open(given);
  const at = now();
  const hash = hashSecret(token);
  const [claimed] = await db.batch<{ workspace_id: string; role: Role }>([
    {
      sql: "UPDATE invites SET accepted_at = ? WHERE token_hash = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ? RETURNING workspace_id, role",
      params: [at, hash, at],
    },
    {
      sql: `INSERT INTO memberships (workspace_id, user_id, role, created_at)
            SELECT workspace_id, ?, role, ? FROM invites WHERE token_hash = ? AND accepted_at = ?
            ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role`,
      params: [userId, at, hash, at],
    },
  ]);
  const row = claimed.rows[0];
  return row ? { workspaceId: row.workspace_id, role: row.role } : null;
}

export async function listInvites({ db: given, workspaceId }: WithDb & { workspaceId: string }): Promise<InviteSummary[]> {
  const db = await open(given);
  const rows = await db.all<{
    token_hash: string;
    email: string;
    role: Role;
    created_at: string;
    expires_at: string;
    accepted_at: string | null;
    revoked_at: string | null;
  }>(
    "SELECT token_hash, email, role, created_at, expires_at, accepted_at, revoked_at FROM invites WHERE workspace_id = ? ORDER BY created_at DESC",
    [workspaceId],
  );
  return rows.map((r) => ({
    id: r.token_hash.slice(0, 16),
    email: r.email,
    role: r.role,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    acceptedAt: r.accepted_at,
    revokedAt: r.revoked_at,
  }));
}

export async function revokeInvite({ db: given, workspaceId, id }: WithDb & { workspaceId: string; id: string }): Promise<boolean> {
  if (!/^[0-9a-f]{16}$/.test(id)) return false;
  const db = await open(given);
  const r = await db.run(
    "UPDATE invites SET revoked_at = ? WHERE workspace_id = ? AND token_hash LIKE ? AND accepted_at IS NULL AND revoked_at IS NULL",
    [now(), workspaceId, `${id}%`],
  );
  return r.changes >= 1;
}
