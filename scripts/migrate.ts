// `npm run migrate`: applies pending migrations to the database the environment names (DATABASE_URL, else the SQLite
// file at DATABASE_PATH) and says what it did. Servers also migrate when they open the database; a deployment runs
// this first, so a failing migration stops the rollout before any server restarts (docs/deploy.md).
import { databaseTarget, migrate, openDatabase } from "~/models/db.server";
import { getEnv } from "~/env.server";

const env = getEnv();
const db = await openDatabase({ ...databaseTarget(env), migrate: false });
try {
  const applied = await migrate(db);
  console.log(applied.length ? `applied ${applied.join(", ")} to ${db.name}` : `${db.name} is up to date`);
} catch (err) {
  console.error(`tierwise migrate: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
