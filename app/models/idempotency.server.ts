// Idempotency-Key on POST API routes: the first answer to a (caller, route, key) is stored with the writes it
// answers, in the same transaction, and a retry gets it back instead of writing again (a client that timed out and
// retried used to create a duplicate). Kept a day. A key reused with a different body is refused (422).
import { createHash } from "node:crypto";
import { getDb, type Database, type SqlParam, type Stmt } from "~/models/db.server";

export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

export interface IdempotencyClaim {
  scope: string;
  key: string;
  requestHash: string;
  /** Unique to this request: the save's later statements write only if the stored claim is this one. */
  claim: string;
}

export interface StoredAnswer {
  status: number;
  body: string;
  requestHash: string;
}

/** The header's value: absent (null), usable, or a problem to report. */
export function readIdempotencyKey(request: Request): { key: string | null } | { problem: string } {
  const raw = request.headers.get("idempotency-key");
  if (raw === null) return { key: null };
  const key = raw.trim();
  return KEY_SHAPE.test(key) ? { key } : { problem: "must be 1 to 255 visible ASCII characters (a UUID is a good choice)" };
}

export function hashRequest(parts: string[]): string {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\0");
  return h.digest("hex");
}

export async function findAnswer({ db: given, scope, key }: { db?: Database; scope: string; key: string }): Promise<StoredAnswer | null> {
  const db = given ?? (await getDb());
  const row = await db.get<{ status: number; body: string; request_hash: string }>(
    "SELECT status, body, request_hash FROM idempotency_keys WHERE scope = ? AND idem_key = ? AND expires_at > ?",
    [scope, key, Date.now()],
  );
  if (Math.random() < 0.01) await db.run("DELETE FROM idempotency_keys WHERE expires_at < ?", [Date.now()]).catch(() => undefined);
  return row ? { status: Number(row.status), body: row.body, requestHash: row.request_hash } : null;
}

/** The first statement of an idempotent save: stores its answer, unless another request stored one first. */
export function claimStmt(c: IdempotencyClaim, status: number, body: string): Stmt {
  const at = Date.now();
  return {
    // An expired row may be replaced; a live one is kept (DO UPDATE … WHERE only touches expired rows).
    sql: `INSERT INTO idempotency_keys (scope, idem_key, request_hash, claim, status, body, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (scope, idem_key) DO UPDATE SET request_hash = excluded.request_hash, claim = excluded.claim, status = excluded.status,
            body = excluded.body, created_at = excluded.created_at, expires_at = excluded.expires_at
          WHERE idempotency_keys.expires_at < ?`,
    params: [c.scope, c.key, c.requestHash, c.claim, status, body, new Date(at).toISOString(), at + IDEMPOTENCY_TTL_MS, at],
  };
}

/** A condition for the save's other statements: true only in the request whose claim was stored. */
export function claimed(c: IdempotencyClaim | undefined): { sql: string; params: SqlParam[] } {
  if (!c) return { sql: "1 = 1", params: [] };
  return {
    sql: "EXISTS (SELECT 1 FROM idempotency_keys WHERE scope = ? AND idem_key = ? AND claim = ?)",
    params: [c.scope, c.key, c.claim],
  };
}

/**
 * After the save's statements: the stored answer learns a value only the save knew (`{{name}}` in the body, replaced
 * by what `valueSql` selects, e.g. the version number an UPDATE gave), inside the same transaction.
 */
export function fillAnswerStmt(c: IdempotencyClaim, name: string, valueSql: string, params: SqlParam[]): Stmt {
  return {
    sql: `UPDATE idempotency_keys SET body = REPLACE(body, '{{${name}}}', COALESCE(CAST((${valueSql}) AS TEXT), 'null')) WHERE scope = ? AND idem_key = ? AND claim = ?`,
    params: [...params, c.scope, c.key, c.claim],
  };
}

/** After the save's statements: the claim goes when the save wrote nothing (no such row), so the key answers nothing. */
export function dropClaimUnlessStmt(c: IdempotencyClaim, existsSql: string, params: SqlParam[]): Stmt {
  return {
    sql: `DELETE FROM idempotency_keys WHERE scope = ? AND idem_key = ? AND claim = ? AND NOT EXISTS (${existsSql})`,
    params: [c.scope, c.key, c.claim, ...params],
  };
}
