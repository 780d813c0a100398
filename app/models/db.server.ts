import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import sqlite3 from "sqlite3";
import { getEnv } from "~/env.server";

export type SqlParams = unknown[] | Record<string, unknown>;

/** The promisified handle every model uses. Inside `transaction(fn)`, `fn` receives one of these bound to the open transaction. */
export interface Db {
  run(sql: string, params?: SqlParams): Promise<{ lastID: number; changes: number }>;
  get<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T | undefined>;
  all<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

export interface Database extends Db {
  readonly path: string;
  /**
   * Runs `fn` inside BEGIN IMMEDIATE … COMMIT (ROLLBACK on throw). Transactions are queued: the one connection
   * can hold one transaction at a time, so two concurrent saves run one after the other and both land.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const BUSY_TIMEOUT_MS = 5_000;

function raw(conn: sqlite3.Database): Db {
  return {
    run: (sql, params = []) =>
      new Promise((ok, fail) =>
        conn.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
          if (err) fail(err);
          else ok({ lastID: this.lastID, changes: this.changes });
        }),
      ),
    get: <T,>(sql: string, params: SqlParams = []) =>
      new Promise<T | undefined>((ok, fail) => conn.get(sql, params, (err: Error | null, row: T) => (err ? fail(err) : ok(row)))),
    all: <T,>(sql: string, params: SqlParams = []) =>
      new Promise<T[]>((ok, fail) => conn.all(sql, params, (err: Error | null, rows: T[]) => (err ? fail(err) : ok(rows)))),
    exec: (sql) => new Promise((ok, fail) => conn.exec(sql, (err: Error | null) => (err ? fail(err) : ok()))),
  };
}

function findMigrationsDir(): string {
  const candidates = [
    process.env.TIERWISE_MIGRATIONS_DIR,
    resolve(process.cwd(), "migrations"),
    // app/models/ in tests and build/server/ in production both sit two levels below the project root.
    fileURLToPath(new URL("../../migrations", import.meta.url)),
  ].filter((c): c is string => Boolean(c));
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`migrations folder not found (looked in ${candidates.join(", ")})`);
  return found;
}

/** Applies every `migrations/NNNN_*.sql` not yet recorded, in name order, each in its own transaction. */
export async function migrate(db: Db, dir: string = findMigrationsDir()): Promise<string[]> {
  await db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
  const done = new Set((await db.all<{ name: string }>("SELECT name FROM schema_migrations")).map((r) => r.name));
  const files = readdirSync(dir).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const sql = readFileSync(join(dir, file), "utf8");
    await db.exec("BEGIN IMMEDIATE");
    try {
      await db.exec(sql);
      await db.run("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)", [file, new Date().toISOString()]);
      await db.exec("COMMIT");
    } catch (err) {
      await db.exec("ROLLBACK").catch(() => undefined);
      throw new Error(`migration ${file} failed: ${(err as Error).message}`);
    }
    applied.push(file);
  }
  return applied;
}

export async function openDatabase({ path, migrationsDir }: { path: string; migrationsDir?: string }): Promise<Database> {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const conn = await new Promise<sqlite3.Database>((ok, fail) => {
    const c = new sqlite3.Database(path, (err) => (err ? fail(err) : ok(c)));
  });
  conn.configure("busyTimeout", BUSY_TIMEOUT_MS);
  const base = raw(conn);
  await base.exec(`PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; PRAGMA synchronous = NORMAL;`);
  await migrate(base, migrationsDir);

  let queue: Promise<unknown> = Promise.resolve();
  const transaction = <T,>(fn: (tx: Db) => Promise<T>): Promise<T> => {
    const next = queue.then(async () => {
      await base.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn(base);
        await base.exec("COMMIT");
        return result;
      } catch (err) {
        await base.exec("ROLLBACK").catch(() => undefined);
        throw err;
      }
    });
    // A failed transaction must not block the ones queued behind it.
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    path,
    ...base,
    // A lone write waits for any open transaction so it never slips into someone else's.
    run: (sql, params) => transaction((tx) => tx.run(sql, params)),
    transaction,
    close: () => queue.then(() => new Promise<void>((ok, fail) => conn.close((err) => (err ? fail(err) : ok())))),
  };
}

// One connection per process; kept on globalThis so dev-server reloads reuse it instead of leaking handles.
const holder = globalThis as typeof globalThis & { __tierwiseDb?: Promise<Database> };

export function getDb(): Promise<Database> {
  if (!holder.__tierwiseDb) {
    holder.__tierwiseDb = openDatabase({ path: getEnv().DATABASE_PATH });
    holder.__tierwiseDb.catch(() => {
      holder.__tierwiseDb = undefined;
    });
  }
  return holder.__tierwiseDb;
}
