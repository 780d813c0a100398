// The database layer: one API, two dialects. SQLite (the file at DATABASE_PATH) is the default and needs nothing
// installed; PostgreSQL (DATABASE_URL) lets several app servers share one database. Models write SQL once, with `?`
// placeholders, in the portable subset described in docs/decisions/0050-database-layer-two-dialects.md, and:
//
// - read with `all` / `get`;
// - write with `run` (a single statement, its own transaction; RETURNING rows come back in `rows`);
// - save with `batch([...])`: several statements in ONE short transaction, sent together (one message to the SQLite
//   worker, one round trip to PostgreSQL). A save must not depend on a value read in JS between its statements: write
//   it so the database computes it (`UPDATE … SET n = n + 1 … RETURNING n`, `INSERT … SELECT`);
// - `transaction(fn)` only when a write truly depends on a read in between (it costs a round trip per statement and
//   holds SQLite's single write lock for all of them).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { getEnv } from "~/env.server";
import { openPostgres } from "~/models/db-postgres.server";
import { openSqlite } from "~/models/db-sqlite.server";

export type Dialect = "sqlite" | "postgres";
/** What a statement may bind: text, numbers, null, bytes. Store flags as 0/1 and times as ISO-8601 text. */
export type SqlParam = string | number | bigint | null | Uint8Array;
export type Row = Record<string, unknown>;

export interface Stmt {
  sql: string;
  params?: readonly SqlParam[];
}

export interface RunResult<T = Row> {
  /** Rows inserted, updated or deleted (with RETURNING: rows returned). */
  changes: number;
  /** The RETURNING rows; empty without RETURNING. */
  rows: T[];
}

/** Statements against the database, or against an open transaction inside `transaction(fn)`. */
export interface Db {
  readonly dialect: Dialect;
  all<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined>;
  run<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<RunResult<T>>;
  /** Statements without parameters, several allowed (migrations, DDL). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Db {
  /** Which database this is (a file, or a URL without its password): for cache keys and logs. */
  readonly name: string;
  /**
   * The statements in one transaction, all or nothing, sent at once. `readOnly`: a consistent snapshot for several
   * reads (one round trip for a page's data).
   */
  batch<T = Row>(stmts: Stmt[], options?: { readOnly?: boolean }): Promise<RunResult<T>[]>;
  /** An interactive transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: READ COMMITTED). Prefer `batch`. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseTarget = { url: string; path?: undefined } | { path: string; url?: undefined };

export interface OpenOptions {
  migrationsDir?: string;
  /** Apply pending migrations on open (default true). Deployments may run `npm run migrate` as a step instead. */
  migrate?: boolean;
  /** PostgreSQL pool size. */
  poolMax?: number;
  /** Called once if the database becomes unusable for good (the SQLite worker thread died). */
  onBroken?: (err: Error) => void;
}

/** Opens (and migrates) the database a target names: `{ url: "postgres://…" }` or `{ path: "file.sqlite" }`. */
export async function openDatabase(target: DatabaseTarget & OpenOptions): Promise<Database> {
  // (PostgreSQL needs no onBroken: the pool replaces a lost connection by itself.)
  const db = target.url
    ? await openPostgres({ url: target.url, max: target.poolMax })
    : await openSqlite(target.path!, { onBroken: target.onBroken });
  if (target.migrate !== false) {
    try {
      await migrate(db, target.migrationsDir);
    } catch (err) {
      await db.close().catch(() => undefined);
      throw err;
    }
  }
  return db;
}

/** The database the environment names: DATABASE_URL when set, else the SQLite file at DATABASE_PATH. */
export function databaseTarget(env: { DATABASE_URL?: string; DATABASE_PATH: string } = getEnv()): DatabaseTarget {
  return env.DATABASE_URL ? { url: env.DATABASE_URL } : { path: env.DATABASE_PATH };
}

// One database (a SQLite worker or a PostgreSQL pool) per process; kept on globalThis so dev-server reloads reuse it.
const holder = globalThis as typeof globalThis & { __tierwiseDb?: Promise<Database> };

export function getDb(): Promise<Database> {
  if (!holder.__tierwiseDb) {
    const env = getEnv();
    // A database that broke (its worker thread died) is forgotten, so the next request opens it again.
    const forget = () => {
      if (holder.__tierwiseDb === opening) holder.__tierwiseDb = undefined;
    };
    const opening: Promise<Database> = openDatabase({ ...databaseTarget(env), poolMax: env.TIERWISE_DB_POOL_MAX, onBroken: forget });
    holder.__tierwiseDb = opening;
    opening.catch(forget);
  }
  return holder.__tierwiseDb;
}

/** Closes the process's database (graceful shutdown, tests); the next getDb() opens it again. */
export async function closeDb(): Promise<void> {
  const open = holder.__tierwiseDb;
  holder.__tierwiseDb = undefined;
  if (open) await (await open.catch(() => undefined))?.close();
}

// ---------------------------------------------------------------------------------------------------------------
// Errors, named the same way for both databases.

function errorCode(err: unknown): string {
  return String((err as { code?: unknown })?.code ?? "");
}
const message = (err: unknown) => String((err as { message?: unknown })?.message ?? "");

/** A UNIQUE or PRIMARY KEY constraint refused the write. */
export function isUniqueViolation(err: unknown): boolean {
  return errorCode(err) === "23505" || (errorCode(err) === "SQLITE_CONSTRAINT" && /UNIQUE|PRIMARY KEY/.test(message(err)));
}

/** A FOREIGN KEY constraint refused the write. */
export function isForeignKeyViolation(err: unknown): boolean {
  return errorCode(err) === "23503" || (errorCode(err) === "SQLITE_CONSTRAINT" && /FOREIGN KEY/.test(message(err)));
}

// ---------------------------------------------------------------------------------------------------------------
// Migrations: migrations/NNNN_name.sql, applied in name order, each once, recorded in schema_migrations.
//
// One file serves both databases. Most SQL is common; where the dialects differ, a line `-- @sqlite` or
// `-- @postgres` starts a part only that database runs, and `-- @all` returns to the common part. Two tokens stand for
// what has no common spelling: {{serial_pk}} (an auto-numbered integer primary key) and {{blob}} (bytes).

export const MIGRATION_FILE = /^\d{4}_.+\.sql$/;

const TOKENS: Record<Dialect, Record<string, string>> = {
  sqlite: { serial_pk: "INTEGER PRIMARY KEY AUTOINCREMENT", blob: "BLOB" },
  postgres: { serial_pk: "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", blob: "BYTEA" },
};

/** The text of a migration file as one dialect runs it. */
export function migrationSql(text: string, dialect: Dialect): string {
  const out: string[] = [];
  let part: "all" | Dialect = "all";
  for (const line of text.split("\n")) {
    const marker: "all" | Dialect | undefined = /^\s*--\s*@(all|sqlite|postgres)\s*$/.exec(line)?.[1] as "all" | Dialect | undefined;
    if (marker) {
      part = marker;
      continue;
    }
    if (part === "all" || part === dialect) out.push(line);
  }
  return out.join("\n").replace(/\{\{(\w+)\}\}/g, (whole, token: string) => {
    const value = TOKENS[dialect][token];
    if (!value) throw new Error(`unknown migration token ${whole}`);
    return value;
  });
}

export function findMigrationsDir(): string {
  const candidates = [
    getEnv().TIERWISE_MIGRATIONS_DIR,
    resolve(process.cwd(), "migrations"),
    // app/models/ in tests and build/server/ in production both sit two levels below the project root.
    fileURLToPath(new URL("../../migrations", import.meta.url)),
  ].filter((c): c is string => Boolean(c));
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`migrations folder not found (looked in ${candidates.join(", ")})`);
  return found;
}

/** Any number which both servers agree on: PostgreSQL serialises migrating servers with this advisory lock. */
const MIGRATION_LOCK = 7_411_303;

async function lockForMigration(tx: Db): Promise<void> {
  if (tx.dialect === "postgres") await tx.all("SELECT pg_advisory_xact_lock(?::bigint) AS locked", [MIGRATION_LOCK]);
}

/**
 * Applies every migration not yet recorded, each in its own transaction with its record. Safe when several servers
 * start at once: SQLite's write lock or PostgreSQL's advisory lock lets one apply a file while the others wait, then
 * see it recorded and skip it.
 */
export async function migrate(db: Database, dir: string = findMigrationsDir()): Promise<string[]> {
  await db.transaction(async (tx) => {
    await lockForMigration(tx);
    await tx.exec("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
  });
  const files = readdirSync(dir)
    .filter((f) => MIGRATION_FILE.test(f))
    .sort();
  const done = new Set((await db.all<{ name: string }>("SELECT name FROM schema_migrations")).map((r) => r.name));
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const sql = migrationSql(readFileSync(join(dir, file), "utf8"), db.dialect);
    const ran = await db
      .transaction(async (tx) => {
        await lockForMigration(tx);
        if (await tx.get("SELECT name FROM schema_migrations WHERE name = ?", [file])) return false;
        await tx.exec(sql);
        await tx.run("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)", [file, new Date().toISOString()]);
        return true;
      })
      .catch((err: Error) => {
        throw new Error(`migration ${file} failed on ${db.dialect}: ${err.message}`);
      });
    if (ran) applied.push(file);
  }
  return applied;
}
