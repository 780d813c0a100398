// `npm run copy-database -- <from> <to>`: every row of one Tierwise database into another, empty one. Each side is a
// postgres:// URL or a SQLite file path. The usual move: from the default SQLite file to a team's PostgreSQL:
//   npm run copy-database -- .data/tierwise.sqlite postgres://tierwise:…@db.example.com/tierwise
// Stop the servers using the source first (a copy is a snapshot of what was there when each table was read).
import { existsSync } from "node:fs";
import { copyDatabase } from "~/models/copy-database.server";
import { openDatabase, type Database, type DatabaseTarget } from "~/models/db.server";

const [fromArg, toArg] = process.argv.slice(2);
if (!fromArg || !toArg) {
  console.error("usage: npm run copy-database -- <from: file.sqlite | postgres://…> <to: postgres://… | new-file.sqlite>");
  process.exit(2);
}
const target = (arg: string): DatabaseTarget => (/^postgres(ql)?:\/\//.test(arg) ? { url: arg } : { path: arg });
if (!target(fromArg).url && !existsSync(fromArg)) {
  console.error(`tierwise copy-database: ${fromArg} does not exist`);
  process.exit(2);
}
let from: Database | undefined;
let to: Database | undefined;
try {
  // The source is brought to the current schema too, so both sides hold the same tables.
  from = await openDatabase(target(fromArg));
  to = await openDatabase(target(toArg));
  const report = await copyDatabase({ from, to });
  for (const t of report.tables) console.log(`${t.table.padEnd(24)} ${String(t.rows).padStart(8)} rows`);
  console.log(`copied ${from.name} → ${to.name}`);
} catch (err) {
  console.error(`tierwise copy-database: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await from?.close();
  await to?.close();
}
