// `npm run backup -- <file>`: an online, consistent copy of the SQLite database at DATABASE_PATH while servers keep
// running (VACUUM INTO reads one snapshot; WAL lets writers go on), checked with integrity_check before it is kept.
// PostgreSQL (DATABASE_URL) is backed up with pg_dump instead: see docs/deploy.md.
import { existsSync, renameSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import sqlite3 from "sqlite3";
import { getEnv } from "~/env.server";

const out = process.argv[2];
const env = getEnv();
if (!out) {
  console.error("usage: npm run backup -- <file.sqlite>");
  process.exit(2);
}
if (env.DATABASE_URL) {
  console.error("tierwise backup: DATABASE_URL is set; back PostgreSQL up with pg_dump (docs/deploy.md)");
  process.exit(2);
}
const target = resolve(out);
if (existsSync(target)) {
  console.error(`tierwise backup: ${target} exists; name a new file`);
  process.exit(2);
}
const tmp = `${target}.partial`;
rmSync(tmp, { force: true });

function open(path: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((ok, fail) => {
    const db = new sqlite3.Database(path, mode, (err) => (err ? fail(err) : ok(db)));
  });
}
const exec = (db: sqlite3.Database, sql: string, params: unknown[] = []) =>
  new Promise<Record<string, unknown>[]>((ok, fail) =>
    db.all(sql, params, (err, rows: Record<string, unknown>[]) => (err ? fail(err) : ok(rows))),
  );
const close = (db: sqlite3.Database) => new Promise<void>((ok) => db.close(() => ok()));

const source = await open(env.DATABASE_PATH, sqlite3.OPEN_READONLY);
try {
  source.configure("busyTimeout", 10_000);
  await exec(source, "VACUUM INTO ?", [tmp]);
} finally {
  await close(source);
}
const copy = await open(tmp, sqlite3.OPEN_READONLY);
const check = await exec(copy, "PRAGMA integrity_check");
const [{ n }] = (await exec(copy, "SELECT COUNT(*) AS n FROM scenarios")) as { n: number }[];
await close(copy);
if (check[0]?.integrity_check !== "ok") {
  console.error(`tierwise backup: the copy failed integrity_check: ${JSON.stringify(check)}`);
  process.exit(1);
}
renameSync(tmp, target);
console.log(`backed up ${env.DATABASE_PATH} to ${target} (${n} scenarios, integrity ok)`);
