// Rate limits kept in the database, so every app server counts the same requests (ASVS V11.1.4, V2.2.1). A fixed
// window per (limit, caller): one upsert per request, refused past the limit with the seconds left in the window.
import { createHash } from "node:crypto";
import { getDb, type Database } from "~/models/db.server";

export interface LimitSpec {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export type LimitVerdict = { ok: true; count: number } | { ok: false; count: number; retryAfterSeconds: number };

/** One request against the limit `name` for `who` (a user id, an address, an email: hashed before it is stored). */
export async function hitRateLimit({
  db: given,
  name,
  who,
  spec,
  now = Date.now(),
}: {
  db?: Database;
  name: string;
  who: string;
  spec: LimitSpec;
  now?: number;
}): Promise<LimitVerdict> {
  const db = given ?? (await getDb());
  const window = Math.floor(now / spec.windowMs);
  const ends = (window + 1) * spec.windowMs;
  const bucket = `${name}:${createHash("sha256").update(who).digest("base64url").slice(0, 22)}:${window}`;
  const r = await db.run<{ count: number }>(
    "INSERT INTO rate_limits (bucket, count, expires_at) VALUES (?, 1, ?) ON CONFLICT (bucket) DO UPDATE SET count = rate_limits.count + 1 RETURNING count",
    [bucket, ends],
  );
  // Now and then, forget windows that are over (any server may do it; the DELETE is cheap on its index).
  if (Math.random() < 0.01) await db.run("DELETE FROM rate_limits WHERE expires_at < ?", [now]).catch(() => undefined);
  const count = Number(r.rows[0]?.count ?? 1);
  return count <= spec.limit ? { ok: true, count } : { ok: false, count, retryAfterSeconds: Math.max(1, Math.ceil((ends - now) / 1000)) };
}
