// The PostgreSQL dialect: a pool of `pg` connections in pipeline mode. A batch (BEGIN, its statements, COMMIT) is
// written to one connection in one go and answered in one round trip; statements are named, so each connection
// parses a statement once and reuses the plan. SQL is written once with `?` placeholders (see toPostgresPlaceholders).
import { createHash } from "node:crypto";
import pg from "pg";
import type { Database, Db, Row, RunResult, SqlParam, Stmt } from "~/models/db.server";

export interface PostgresOptions {
  url: string;
  /** Connections in this process's pool (TIERWISE_DB_POOL_MAX, default 10). */
  max?: number;
}

/** COUNT and SUM answer bigint/numeric, which pg hands over as strings; every figure here fits a double. */
const TYPES = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (v: string) => (v === null ? null : Number(v));
    return pg.types.getTypeParser(oid, format);
  },
};

/**
 * `?` → `$1, $2…`, leaving alone what sits inside quotes, identifiers, comments and dollar-quoted bodies. Models
 * write one SQL text for both databases; PostgreSQL's own `?` operators (jsonb) are therefore not available.
 */
export function toPostgresPlaceholders(sql: string): string {
  let out = "";
  let n = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const rest = sql.slice(i);
    let skip = 0;
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === c) {
          if (sql[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      skip = j + 1 - i;
    } else if (rest.startsWith("--")) {
      const end = sql.indexOf("\n", i);
      skip = (end === -1 ? sql.length : end) - i;
    } else if (rest.startsWith("/*")) {
      const end = sql.indexOf("*/", i + 2);
      skip = (end === -1 ? sql.length : end + 2) - i;
    } else if (c === "$") {
      const tag = /^\$[A-Za-z_]*\$/.exec(rest)?.[0];
      if (tag) {
        const end = sql.indexOf(tag, i + tag.length);
        skip = (end === -1 ? sql.length : end + tag.length) - i;
      }
    } else if (c === "?") {
      out += `$${++n}`;
      i++;
      continue;
    }
    if (skip > 0) {
      out += sql.slice(i, i + skip);
      i += skip;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const translated = new Map<string, { text: string; name: string }>();
function prepared(sql: string): { text: string; name: string } {
  let t = translated.get(sql);
  if (!t) {
    const text = toPostgresPlaceholders(sql);
    t = { text, name: `tw_${createHash("sha1").update(text).digest("hex").slice(0, 20)}` };
    if (translated.size > 2_000) translated.clear();
    translated.set(sql, t);
  }
  return t;
}

type Querier = Pick<pg.PoolClient, "query">;

function query(conn: Querier, sql: string, params: readonly SqlParam[] = []) {
  const { text, name } = prepared(sql);
  return conn.query({ name, text, values: params as unknown[] });
}

const asRun = <T>(r: pg.QueryResult): RunResult<T> => ({ changes: r.rowCount ?? 0, rows: r.rows as T[] });

function on(conn: Querier): Db {
  return {
    dialect: "postgres",
    all: async <T = Row>(sql: string, params?: readonly SqlParam[]) => (await query(conn, sql, params)).rows as T[],
    get: async <T = Row>(sql: string, params?: readonly SqlParam[]) => (await query(conn, sql, params)).rows[0] as T | undefined,
    run: async <T = Row>(sql: string, params?: readonly SqlParam[]) => asRun<T>(await query(conn, sql, params)),
    exec: async (sql: string) => {
      await conn.query(sql);
    },
  };
}

/** SQLSTATEs after which the whole transaction can simply run again: nothing of it was committed. */
const RETRYABLE = new Set(["40001", "40P01"]);
const ABORTED = "25P02";

/** The URL without its password, to name the database in logs and cache keys. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://(unparsable URL)";
  }
}

export async function openPostgres({ url, max = 10 }: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    pipeline: true,
    types: TYPES,
    application_name: "tierwise",
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  } as pg.PoolConfig);
  // A connection that dies while idle in the pool (server restart, failover) must not take the process down.
  pool.on("error", (err) => console.error(`postgres: idle connection lost: ${err.message}`));
  // Fails here, not at the first query, when the server cannot be reached or the credentials are wrong.
  await pool.query("SELECT 1");

  const pooled = on(pool);

  async function batchOnce(stmts: Stmt[], readOnly: boolean): Promise<RunResult[]> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      // All of it is written at once (pipeline mode); if a statement fails, the ones after it fail with 25P02 and
      // COMMIT becomes ROLLBACK, so nothing of the batch is kept.
      const sent = [
        client.query(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN"),
        ...stmts.map((s) => query(client, s.sql, s.params)),
        client.query("COMMIT"),
      ];
      const settled = await Promise.allSettled(sent);
      const failures = settled
        .filter((s): s is PromiseRejectedResult => s.status === "rejected")
        .map((s) => s.reason as Error & { code?: string });
      if (failures.length) {
        const cause = failures.find((f) => f.code !== ABORTED) ?? failures[0];
        // Without a SQLSTATE the connection itself failed: do not hand it to the next caller.
        if (!cause.code) broken = cause;
        else if (client.getTransactionStatus?.() !== "I") await client.query("ROLLBACK").catch((e: Error) => (broken = e));
        throw cause;
      }
      return settled.slice(1, -1).map((s) => asRun((s as PromiseFulfilledResult<pg.QueryResult>).value));
    } finally {
      client.release(broken);
    }
  }

  async function batch<T = Row>(stmts: Stmt[], options: { readOnly?: boolean } = {}): Promise<RunResult<T>[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await batchOnce(stmts, options.readOnly ?? false)) as RunResult<T>[];
      } catch (err) {
        if (attempt >= 3 || !RETRYABLE.has((err as { code?: string }).code ?? "")) throw err;
      }
    }
  }

  async function transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      try {
        const value = await fn(on(client));
        await client.query("COMMIT");
        return value;
      } catch (err) {
        await client.query("ROLLBACK").catch((e: Error) => (broken = e));
        throw err;
      }
    } finally {
      client.release(broken);
    }
  }

  let closing: Promise<void> | undefined;
  return {
    ...pooled,
    name: redactUrl(url),
    batch,
    transaction,
    close: () => (closing ??= pool.end()),
  };
}
