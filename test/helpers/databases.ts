// The same model tests run on SQLite and on PostgreSQL. SQLite always (a temp file); PostgreSQL when a server is
// reachable at TIERWISE_TEST_DATABASE_URL (default: the dev cluster, postgres://tierwise:tierwise@127.0.0.1:5432/postgres,
// a role allowed to create databases). Each test gets a database of its own, created and dropped around it, so test
// files and worktrees running at the same time never see each other's rows. When no server answers, the PostgreSQL
// half is skipped with the reason printed, unless TIERWISE_REQUIRE_POSTGRES=1 (CI), which makes that a failure.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase, type Database, type DatabaseTarget, type Dialect } from "~/models/db.server";

export const DEFAULT_TEST_DATABASE_URL = "postgres://tierwise:tierwise@127.0.0.1:5432/postgres";
export const TEST_DATABASE_URL = process.env.TIERWISE_TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (err) {
    return `PostgreSQL tests skipped: no server at ${redact(TEST_DATABASE_URL)} (${(err as Error).message}); set TIERWISE_TEST_DATABASE_URL`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

/** Why the PostgreSQL half does not run here, or null when it does. */
export const POSTGRES_SKIP_REASON = await probePostgres();
if (POSTGRES_SKIP_REASON) {
  if (process.env.TIERWISE_REQUIRE_POSTGRES === "1") throw new Error(POSTGRES_SKIP_REASON.replace("skipped", "required"));
  console.warn(POSTGRES_SKIP_REASON);
}

/** The dialects this run tests: for `describe.each(TEST_DIALECTS)`. */
export const TEST_DIALECTS: Dialect[] = POSTGRES_SKIP_REASON ? ["sqlite"] : ["sqlite", "postgres"];

export interface TestDatabase {
  dialect: Dialect;
  /** What to hand the app (DATABASE_URL or DATABASE_PATH) to reach this database. */
  target: DatabaseTarget;
  /** The environment variables that point a server at this database. */
  env: Record<string, string>;
  /** The database, migrated. */
  db: Database;
  /** Another handle on the same database (a second app server). Closed by drop(). */
  open(): Promise<Database>;
  /** Closes every handle and deletes the database. */
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Drops a test database once our connections are closed. Plain DROP, retried while "being accessed by other users":
 * it makes an autovacuum worker on the new database step aside, whereas WITH (FORCE) refuses to terminate a process
 * of another role (seen on a busy machine: "must be a member of the role whose process is being terminated").
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name}`));
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== "55006" || attempt >= 50) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** An empty, migrated database of the given dialect. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const handles: Database[] = [];
  let target: DatabaseTarget;
  let env: Record<string, string>;
  let remove: () => Promise<void>;
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "tierwise-db-"));
    const path = join(dir, "nested", "test.sqlite");
    target = { path };
    env = { DATABASE_PATH: path };
    remove = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `tw_test_${randomBytes(6).toString("hex")}`;
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    target = { url: url.toString() };
    env = { DATABASE_URL: url.toString() };
    remove = () => dropDatabase(name);
  }
  const open = async () => {
    const db = await openDatabase({ ...target, poolMax: 4 });
    handles.push(db);
    return db;
  };
  const db = await open();
  return {
    dialect,
    target,
    env,
    db,
    open,
    async drop() {
      for (const h of handles) await h.close().catch(() => undefined);
      await remove();
    },
  };
}
