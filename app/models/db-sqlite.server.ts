// The main-thread half of the SQLite dialect: every call is one message to the worker that owns the connections
// (db-sqlite.worker.ts) and one answer back.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { workerEntry } from "~/lib/worker-entry.server";
import type { Database, Db, Row, RunResult, SqlParam, Stmt } from "~/models/db.server";
import type { SqliteReply, SqliteRequest, SqliteWorkerData } from "~/models/db-sqlite.worker";

export const BUSY_TIMEOUT_MS = 5_000;
const IDLE_TRANSACTION_MS = 30_000;

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
// Distributive, so each member of the request union keeps its own fields.
type RequestBody = SqliteRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

class SqliteDatabaseError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "SqliteError";
  }
}

export async function openSqlite(path: string, { onBroken }: { onBroken?: (err: Error) => void } = {}): Promise<Database> {
  const file = path === ":memory:" ? path : resolve(path);
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const worker = new Worker(await workerEntry("sqlite"), {
    workerData: { path: file, busyTimeoutMs: BUSY_TIMEOUT_MS, idleTransactionMs: IDLE_TRANSACTION_MS } satisfies SqliteWorkerData,
    // The worker needs no inspector and no loaders. No resourceLimits: a worker stopped for exceeding one inside
    // sqlite3's native code aborts the whole process (node-addon-api cannot throw into a terminating thread).
    execArgv: [],
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let dead: Error | undefined;
  let closing: Promise<void> | undefined;
  // The worker keeps the process alive only while an answer is awaited: a CLI run ends when its work is done.
  worker.unref();
  const fail = (err: Error) => {
    if (dead) return;
    dead = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    if (!closing) {
      console.error(`sqlite: ${err.message}; the database will be opened again on the next request`);
      onBroken?.(err);
    }
  };
  worker.on("message", (reply: SqliteReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (reply.ok) p.resolve(reply.value);
    else p.reject(new SqliteDatabaseError(reply.error.message, reply.error.code));
  });
  worker.on("error", (err) => fail(new Error(`sqlite worker failed: ${err.message}`)));
  worker.on("exit", (code) => fail(new Error(`sqlite worker exited (code ${code})`)));

  const request = <T>(body: RequestBody): Promise<T> => {
    if (dead) return Promise.reject(dead);
    const id = nextId++;
    return new Promise<T>((ok, ko) => {
      pending.set(id, { resolve: ok as (v: unknown) => void, reject: ko });
      if (pending.size === 1) worker.ref();
      worker.postMessage({ ...body, id } as SqliteRequest);
    });
  };

  const on = (tx?: number): Db => ({
    dialect: "sqlite",
    all: <T = Row>(sql: string, params?: readonly SqlParam[]) => request<T[]>({ op: "all", sql, params, tx }),
    get: async <T = Row>(sql: string, params?: readonly SqlParam[]) => (await request<T[]>({ op: "all", sql, params, tx }))[0],
    run: <T = Row>(sql: string, params?: readonly SqlParam[]) => request<RunResult<T>>({ op: "run", sql, params, tx }),
    exec: (sql: string) => request<void>({ op: "exec", sql, tx }),
  });

  // Fails here, not at the first query, when the file cannot be opened.
  await request({ op: "all", sql: "SELECT 1 AS ok" });

  return {
    ...on(),
    name: `sqlite:${file}`,
    batch: <T = Row>(stmts: Stmt[], options?: { readOnly?: boolean }) =>
      request<RunResult<T>[]>({ op: "batch", stmts, readOnly: options?.readOnly }),
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      const tx = await request<number>({ op: "begin" });
      let value: T;
      try {
        value = await fn(on(tx));
      } catch (err) {
        await request({ op: "rollback", tx }).catch(() => undefined);
        throw err;
      }
      await request({ op: "commit", tx });
      return value;
    },
    close() {
      closing ??= (async () => {
        if (!dead) await request({ op: "close" }).catch(() => undefined);
        await worker.terminate();
      })();
      return closing;
    },
  };
}
