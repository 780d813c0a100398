// Copies every row of one Tierwise database into another, empty one: how a team that outgrew the SQLite file moves to
// PostgreSQL (or takes a PostgreSQL database home as a file). Both sides must be at the same migration; the target is
// migrated on open, so an empty target gets the schema first. Tables are copied parents first (foreign keys), rows in
// batches of one transaction each, identity counters moved past the copied ids, and the counts compared at the end.
import type { Database, SqlParam } from "~/models/db.server";

const BATCH_ROWS = 500;

export interface CopyReport {
  tables: { table: string; rows: number }[];
}

async function tableNames(db: Database): Promise<string[]> {
  const rows =
    db.dialect === "sqlite"
      ? await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      : await db.all<{ name: string }>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
        );
  return rows.map((r) => r.name).filter((n) => n !== "schema_migrations");
}

/** table → the tables its foreign keys point to. */
async function parents(db: Database, tables: string[]): Promise<Map<string, Set<string>>> {
  const map = new Map(tables.map((t) => [t, new Set<string>()]));
  if (db.dialect === "sqlite") {
    for (const t of tables)
      for (const fk of await db.all<{ table: string }>(`SELECT "table" FROM pragma_foreign_key_list(?)`, [t])) map.get(t)!.add(fk.table);
  } else {
    const rows = await db.all<{ child: string; parent: string }>(
      `SELECT tc.table_name AS child, ccu.table_name AS parent
         FROM information_schema.table_constraints tc
         JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.constraint_schema
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()`,
    );
    for (const r of rows) map.get(r.child)?.add(r.parent);
  }
  return map;
}

/** Parents before children; a table that refers to itself is fine (its rows are copied in id order). */
function parentsFirst(deps: Map<string, Set<string>>): string[] {
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (t: string) => {
    if (state.get(t) === "done") return;
    if (state.get(t) === "visiting") throw new Error(`foreign keys form a cycle through ${t}`);
    state.set(t, "visiting");
    for (const p of deps.get(t) ?? []) if (p !== t && deps.has(p)) visit(p);
    state.set(t, "done");
    order.push(t);
  };
  for (const t of [...deps.keys()].sort()) visit(t);
  return order;
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected table or column name: ${name}`);
  return name;
};

async function primaryKey(db: Database, table: string): Promise<string[]> {
  const rows =
    db.dialect === "sqlite"
      ? await db.all<{ name: string }>("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", [table])
      : await db.all<{ name: string }>(
          `SELECT kcu.column_name AS name
             FROM information_schema.table_constraints tc
             JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.constraint_schema = tc.constraint_schema
            WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema() AND tc.table_name = ?
            ORDER BY kcu.ordinal_position`,
          [table],
        );
  return rows.map((r) => r.name);
}

async function appliedMigrations(db: Database): Promise<string[]> {
  return (await db.all<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name")).map((r) => r.name);
}

async function count(db: Database, table: string): Promise<number> {
  return Number((await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${ident(table)}`))?.n ?? 0);
}

export async function copyDatabase({ from, to }: { from: Database; to: Database }): Promise<CopyReport> {
  const [a, b] = [await appliedMigrations(from), await appliedMigrations(to)];
  if (a.join() !== b.join())
    throw new Error(
      `the databases are at different migrations (source: ${a.at(-1) ?? "none"}, target: ${b.at(-1) ?? "none"}): run npm run migrate on the source first`,
    );
  const tables = parentsFirst(await parents(from, await tableNames(from)));
  const targetTables = new Set(await tableNames(to));
  for (const t of tables) {
    if (!targetTables.has(t)) throw new Error(`table ${t} is missing in the target`);
    if ((await count(to, t)) > 0) throw new Error(`the target is not empty (table ${t} has rows): copy into a new database`);
  }
  const report: CopyReport = { tables: [] };
  for (const table of tables) {
    const columns = (
      await from.all<{ name: string }>(
        from.dialect === "sqlite"
          ? "SELECT name FROM pragma_table_info(?) ORDER BY cid"
          : "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
        [table],
      )
    ).map((c) => ident(c.name));
    const list = columns.join(", ");
    const insert = `INSERT INTO ${ident(table)} (${list}) VALUES (${columns.map(() => "?").join(", ")})`;
    // Pages in primary-key order (an index walk), so every row is read once whatever the table holds.
    const key = await primaryKey(from, table);
    const order = (key.length ? key : columns).map(ident).join(", ");
    let copied = 0;
    for (;;) {
      const rows = await from.all<Record<string, SqlParam>>(`SELECT ${list} FROM ${ident(table)} ORDER BY ${order} LIMIT ? OFFSET ?`, [
        BATCH_ROWS,
        copied,
      ]);
      if (rows.length === 0) break;
      await to.batch(rows.map((r) => ({ sql: insert, params: columns.map((c) => r[c] ?? null) })));
      copied += rows.length;
    }
    report.tables.push({ table, rows: copied });
  }
  if (to.dialect === "postgres") {
    // Identity columns were given explicit values: move their counters past them.
    const identities = await to.all<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'",
    );
    for (const { table_name, column_name } of identities) {
      await to.all(
        `SELECT setval(pg_get_serial_sequence(CAST(? AS TEXT), CAST(? AS TEXT)), COALESCE((SELECT MAX(${ident(column_name)}) FROM ${ident(table_name)}), 0) + 1, false) AS next`,
        [table_name, column_name],
      );
    }
  }
  for (const { table, rows } of report.tables) {
    const n = await count(to, table);
    if (n !== rows) throw new Error(`table ${table}: copied ${rows} rows but the target holds ${n}`);
  }
  return report;
}
