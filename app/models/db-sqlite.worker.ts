// The SQLite side of the database layer runs here, in a worker thread of its own, so that a transaction never waits
// for the main thread's event loop. With sqlite3 (the async driver) every statement is one trip through the event
// loop of the thread that issued it: on a busy server each BEGIN, INSERT, INSERT, COMMIT of a save waited behind page
// renders, and with one writer the saves queued behind each other (reliability review, H1). This thread does nothing
// else, so a whole batch runs back to back in well under a millisecond and the main thread pays one message for it.
//
// Two connections to the same file: the writer (WAL, every write, batch and interactive transaction, one at a time in
// arrival order) and the reader (query_only; reads and read-only batches never wait for a write). Statements are
// prepared once per connection and reused.
import { parentPort, workerData } from "node:worker_threads";
import sqlite3 from "sqlite3";

export type SqliteParam = string | number | bigint | boolean | null | Uint8Array;
export interface SqliteStmt {
  sql: string;
  params?: readonly SqliteParam[];
}
export type SqliteRequest =
  | { id: number; op: "all" | "run"; sql: string; params?: readonly SqliteParam[]; tx?: number }
  | { id: number; op: "exec"; sql: string; tx?: number }
  | { id: number; op: "batch"; stmts: SqliteStmt[]; readOnly?: boolean }
  | { id: number; op: "begin" }
  | { id: number; op: "commit" | "rollback"; tx: number }
  | { id: number; op: "close" };
export type SqliteReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { message: string; code?: string } };
export interface SqliteWorkerData {
  path: string;
  busyTimeoutMs: number;
  /** An interactive transaction idle this long is rolled back so it cannot hold the write lock forever. */
  idleTransactionMs: number;
}
export interface RunOutcome {
  changes: number;
  rows: Record<string, unknown>[];
}

const config = workerData as SqliteWorkerData;
const port = parentPort!;
const STATEMENT_CACHE_MAX = 256;

class Connection {
  private statements = new Map<string, Promise<sqlite3.Statement>>();
  constructor(readonly db: sqlite3.Database) {}

  static open(path: string, mode: number): Promise<Connection> {
    return new Promise((ok, fail) => {
      const db = new sqlite3.Database(path, mode, (err) => (err ? fail(err) : ok(new Connection(db))));
    });
  }

  exec(sql: string): Promise<void> {
    return new Promise((ok, fail) => this.db.exec(sql, (err) => (err ? fail(err) : ok())));
  }

  private prepared(sql: string): Promise<sqlite3.Statement> {
    let stmt = this.statements.get(sql);
    if (stmt) {
      // Most recently used last, so the oldest is evicted first.
      this.statements.delete(sql);
      this.statements.set(sql, stmt);
      return stmt;
    }
    stmt = new Promise<sqlite3.Statement>((ok, fail) => {
      const s = this.db.prepare(sql, (err) => (err ? fail(err) : ok(s)));
    });
    stmt.catch(() => this.statements.delete(sql));
    this.statements.set(sql, stmt);
    if (this.statements.size > STATEMENT_CACHE_MAX) {
      const [oldest, evicted] = this.statements.entries().next().value as [string, Promise<sqlite3.Statement>];
      this.statements.delete(oldest);
      void evicted.then((s) => s.finalize()).catch(() => undefined);
    }
    return stmt;
  }

  async all(sql: string, params: readonly SqliteParam[] = []): Promise<Record<string, unknown>[]> {
    const stmt = await this.prepared(sql);
    return new Promise((ok, fail) =>
      stmt.all(params as unknown[], (err: Error | null, rows: Record<string, unknown>[]) => (err ? fail(err) : ok(rows))),
    );
  }

  /**
   * Any statement. Rows come back from a query and from RETURNING (which then count as the changes); otherwise the
   * number of rows changed.
   */
  async run(sql: string, params: readonly SqliteParam[] = []): Promise<RunOutcome> {
    if (returnsRows(sql)) {
      const rows = await this.all(sql, params);
      return { changes: /^\s*(select|values|pragma)\b/i.test(stripComments(sql)) ? 0 : rows.length, rows };
    }
    const stmt = await this.prepared(sql);
    return new Promise((ok, fail) =>
      stmt.run(params as unknown[], function (this: sqlite3.RunResult, err: Error | null) {
        if (err) fail(err);
        else ok({ changes: this.changes, rows: [] });
      }),
    );
  }

  async close(): Promise<void> {
    const statements = [...this.statements.values()];
    this.statements.clear();
    for (const s of statements) await s.then((st) => new Promise<void>((ok) => st.finalize(() => ok()))).catch(() => undefined);
    await new Promise<void>((ok, fail) => this.db.close((err) => (err ? fail(err) : ok())));
  }
}

const stripComments = (sql: string) => sql.replace(/--[^\n]*\n?|\/\*[\s\S]*?\*\//g, " ");
/** A query (SELECT, WITH…, VALUES, PRAGMA) or a write with RETURNING: run with `all` so its rows are kept. */
function returnsRows(sql: string): boolean {
  const text = stripComments(sql);
  return /^\s*(select|with|values|pragma)\b/i.test(text) || /\breturning\b/i.test(text);
}

/** Runs tasks one at a time, in the order they arrive. */
class Queue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

const opening = (async () => {
  const writer = await Connection.open(config.path, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE);
  writer.db.configure("busyTimeout", config.busyTimeoutMs);
  await writer.exec(
    `PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = ${config.busyTimeoutMs}; PRAGMA synchronous = NORMAL;`,
  );
  // An in-memory database is private to its connection: the reader must be the writer then.
  if (config.path === ":memory:" || config.path === "") return { writer, reader: writer };
  const reader = await Connection.open(config.path, sqlite3.OPEN_READWRITE);
  reader.db.configure("busyTimeout", config.busyTimeoutMs);
  await reader.exec(`PRAGMA foreign_keys = ON; PRAGMA busy_timeout = ${config.busyTimeoutMs}; PRAGMA query_only = 1;`);
  return { writer, reader };
})();

const writes = new Queue();
const readBatches = new Queue();

interface OpenTx {
  release: () => void;
  timer: NodeJS.Timeout;
}
const transactions = new Map<number, OpenTx>();
let nextTx = 1;

async function inTransaction<T>(conn: Connection, begin: string, fn: () => Promise<T>): Promise<T> {
  await conn.exec(begin);
  try {
    const value = await fn();
    await conn.exec("COMMIT");
    return value;
  } catch (err) {
    await conn.exec("ROLLBACK").catch(() => undefined);
    throw err;
  }
}

async function runStatements(conn: Connection, stmts: SqliteStmt[]): Promise<RunOutcome[]> {
  const out: RunOutcome[] = [];
  for (const s of stmts) out.push(await conn.run(s.sql, s.params));
  return out;
}

function touch(tx: number): OpenTx {
  const open = transactions.get(tx);
  if (!open) throw new Error("the transaction is no longer open (committed, rolled back, or idle too long)");
  open.timer.refresh();
  return open;
}

async function handle(msg: SqliteRequest): Promise<unknown> {
  const { writer, reader } = await opening;
  switch (msg.op) {
    case "all":
      if (msg.tx !== undefined) {
        touch(msg.tx);
        return writer.all(msg.sql, msg.params);
      }
      return reader.all(msg.sql, msg.params);
    case "run":
      if (msg.tx !== undefined) {
        touch(msg.tx);
        return writer.run(msg.sql, msg.params);
      }
      return writes.run(() => writer.run(msg.sql, msg.params));
    case "exec":
      if (msg.tx !== undefined) {
        touch(msg.tx);
        return writer.exec(msg.sql);
      }
      return writes.run(() => writer.exec(msg.sql));
    case "batch":
      if (msg.readOnly) return readBatches.run(() => inTransaction(reader, "BEGIN", () => runStatements(reader, msg.stmts)));
      return writes.run(() => inTransaction(writer, "BEGIN IMMEDIATE", () => runStatements(writer, msg.stmts)));
    case "begin": {
      // Holds the write queue until commit or rollback; the transaction id is handed back once BEGIN has run.
      const tx = nextTx++;
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let started!: (v: number) => void;
      let failed!: (e: unknown) => void;
      const ready = new Promise<number>((ok, fail) => ((started = ok), (failed = fail)));
      void writes.run(async () => {
        try {
          await writer.exec("BEGIN IMMEDIATE");
        } catch (err) {
          failed(err);
          return;
        }
        const timer = setTimeout(() => {
          if (!transactions.has(tx)) return;
          transactions.delete(tx);
          console.error(`sqlite: transaction ${tx} idle for ${config.idleTransactionMs} ms, rolled back`);
          void writer
            .exec("ROLLBACK")
            .catch(() => undefined)
            .then(release);
        }, config.idleTransactionMs);
        transactions.set(tx, { release, timer });
        started(tx);
        await held;
      });
      return ready;
    }
    case "commit":
    case "rollback": {
      const open = touch(msg.tx);
      transactions.delete(msg.tx);
      clearTimeout(open.timer);
      try {
        if (msg.op === "commit") {
          try {
            await writer.exec("COMMIT");
          } catch (err) {
            await writer.exec("ROLLBACK").catch(() => undefined);
            throw err;
          }
        } else await writer.exec("ROLLBACK");
      } finally {
        open.release();
      }
      return null;
    }
    case "close":
      await writes.run(async () => undefined);
      await reader.close().catch(() => undefined);
      if (reader !== writer) await writer.close();
      return null;
  }
}

function errorOf(err: unknown): { message: string; code?: string } {
  const e = err as { message?: string; code?: string };
  return { message: e?.message ?? String(err), code: e?.code };
}

port.on("message", (msg: SqliteRequest) => {
  handle(msg).then(
    (value) => port.postMessage({ id: msg.id, ok: true, value } satisfies SqliteReply),
    (err: unknown) => port.postMessage({ id: msg.id, ok: false, error: errorOf(err) } satisfies SqliteReply),
  );
});
// Opening errors (a directory that cannot be created, a corrupt file) are reported on the first request.
opening.catch(() => undefined);
