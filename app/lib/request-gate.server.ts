// Admission control for the app's requests (issue 12 item 2, ADR 0052): a bounded number of requests run at once and
// the rest wait their turn, saves first.
//
// Why: the server is one event loop. With 200 requests in it at once, each page render, plan and save gets 1/200th of
// the CPU, so a 30 ms save takes seconds (measured: save p50 3.9 s, p99 8.7 s at 200 clients). Admitting a few at a
// time changes nothing about throughput (the CPU was the limit either way) but lets the scheduler choose the order:
// a save that arrives behind 150 page views waits for one slot, not for all of them. Waiting costs no CPU (a promise
// in a queue; the request's body stays unread in its socket).
//
// - `concurrency` requests run at once (TIERWISE_GATE_CONCURRENCY), of which reads may take all but `writeReserve`:
//   a save arriving while page views fill their slots starts at once in the reserved one. Few at once, because the
//   event loop runs one synchronous piece at a time: a save shares the CPU with every other request admitted (each
//   await of the save waits for their pieces), so its time grows with the number admitted.
// - Two queues, each first-in first-out: "write" (saves and other changes) before "read" (pages, plans).
// - No starvation: while a read waits and a read slot is free, at most `readEvery` writes are admitted in a row
//   before it.
// - Bounded: with `queue` requests waiting, the next is refused at once (GateFullError → 503 + Retry-After) instead of
//   waiting past any client's patience.
// - A request whose client left (its AbortSignal) leaves the queue without running.
// - close(): new requests are refused (GateClosedError); those already waiting still run, in order, so a graceful
//   shutdown finishes what it accepted. `idle()` resolves when nothing runs and nothing waits.
// - A crowd at the door is let in before pages render (`noteConnection`, called for every connection the server
//   accepts): Node 20's libuv accepts one connection per turn of the event loop, so when 200 clients connect at once
//   the last one waits 200 turns before its request is even read, and a turn that renders a page lasts tens of
//   milliseconds (measured: 4.3 s to accept 200 connections with 20 ms turns, 0.1 s idle). While connections keep
//   arriving turn after turn, reads are not admitted (they wait, costing nothing), so each turn stays short and the
//   next connection is accepted at once; writes still run. The hold ends at the first turn without a new connection,
//   or after `crowdHoldMs`, whichever comes first, and then only restarts after a turn without one: a steady stream
//   of new connections can delay a read by at most `crowdHoldMs`. Downloads, which take no slot, wait for the hold
//   to end too (`afterCrowd`); health checks never wait.
// - A PDF does not start rendering while saves are in progress (`afterWrites`, called by the render pool): a render
//   takes a core for 0.3–0.8 s and, niced as it is, still took 30–43% of a core in the opening burst while 30 saves
//   queued for the plan thread. It starts at the first moment no write runs or waits, or after `writeHoldMs`
//   (2 s), whichever comes first, so a steady stream of saves delays a PDF by at most that; under a steady load
//   (saves a few at a time) such moments come many times a second.

export type GateClass = "write" | "read";

export interface GateSettings {
  /** Requests running at once. */
  concurrency: number;
  /** Requests allowed to wait; the next one is refused. */
  queue: number;
  /** At most this many writes are admitted in a row while a read waits. */
  readEvery: number;
  /** Slots reads may not take (kept for writes); reads get at least one. */
  writeReserve: number;
  /** At most this long (ms) reads wait for a crowd of new connections to be accepted; 0 turns the hold off. */
  crowdHoldMs?: number;
  /** At most this long (ms) a PDF render waits for the writes in progress (`afterWrites`); 0 turns the wait off. */
  writeHoldMs?: number;
}

export const DEFAULT_GATE_SETTINGS: GateSettings = {
  concurrency: 3,
  queue: 1024,
  readEvery: 4,
  writeReserve: 1,
  crowdHoldMs: 1000,
  writeHoldMs: 2000,
};

export class GateFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("the server is busy");
    this.name = "GateFullError";
  }
}

export class GateClosedError extends Error {
  constructor() {
    super("the server is shutting down");
    this.name = "GateClosedError";
  }
}

interface Waiter {
  grant: () => void;
  kind: GateClass;
}

export type Release = () => void;

export class RequestGate {
  private running = 0;
  private readsRunning = 0;
  private readonly waiting: Record<GateClass, Waiter[]> = { write: [], read: [] };
  private writesInARow = 0;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  /** Moving average of how long an admitted request holds its slot, for Retry-After. */
  private averageMs = 50;
  /** Admissions so far, by class (for tests and monitoring). */
  readonly admitted: Record<GateClass, number> = { write: 0, read: 0 };
  /**
   * The crowd at the door: `holding` while connections arrive turn after turn (reads wait); `acceptedThisTurn` set by
   * noteConnection and cleared by the check at the end of each turn; `spent` once a hold reached crowdHoldMs, until a
   * turn passes without a new connection.
   */
  private crowd = { holding: false, since: 0, acceptedThisTurn: false, watching: false, spent: false };
  /** Requests outside the slots (downloads) waiting for the crowd to be let in. */
  private crowdWaiters: (() => void)[] = [];
  /** Work outside the slots (PDF renders) waiting for the writes in progress. */
  private writeWaiters: (() => void)[] = [];

  constructor(
    readonly settings: GateSettings = DEFAULT_GATE_SETTINGS,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(settings.concurrency >= 1)) throw new RangeError("concurrency must be at least 1");
  }

  /** The server accepted a connection (see the header: a crowd is let in before pages render). */
  noteConnection(): void {
    if (!(this.settings.crowdHoldMs! > 0) || this.closed) return;
    this.crowd.acceptedThisTurn = true;
    if (!this.crowd.holding && !this.crowd.spent) {
      this.crowd.holding = true;
      this.crowd.since = this.now();
    }
    if (!this.crowd.watching) {
      this.crowd.watching = true;
      setImmediate(() => this.endOfTurn());
    }
  }

  /**
   * Runs in the check phase, after the poll phase that accepts connections: a turn with a new connection keeps the
   * hold (watching the next turn), a turn without one ends it and admits the reads that waited.
   */
  private endOfTurn(): void {
    const crowd = this.crowd;
    if (crowd.acceptedThisTurn) {
      crowd.acceptedThisTurn = false;
      if (crowd.holding && this.now() - crowd.since >= this.settings.crowdHoldMs!) {
        crowd.spent = true;
        this.endHold();
      }
      setImmediate(() => this.endOfTurn());
      return;
    }
    crowd.watching = false;
    crowd.spent = false;
    if (crowd.holding) this.endHold();
  }

  private endHold(): void {
    this.crowd.holding = false;
    const waiters = this.crowdWaiters;
    this.crowdWaiters = [];
    for (const w of waiters) w();
    this.next();
  }

  /**
   * Resolves once no crowd is being let in (at once when none is): for reads that take no slot (downloads the render
   * pool bounds), which should not add their work to the turns that accept the crowd either. Resolves early if the
   * client leaves.
   */
  afterCrowd(signal?: AbortSignal): Promise<void> {
    if (!this.crowd.holding || signal?.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        signal?.removeEventListener("abort", done);
        this.crowdWaiters = this.crowdWaiters.filter((w) => w !== done);
        resolve();
      };
      signal?.addEventListener("abort", done, { once: true });
      this.crowdWaiters.push(done);
    });
  }

  /** Writes running or waiting for a slot. */
  get writesPending(): number {
    return this.running - this.readsRunning + this.waiting.write.length;
  }

  /**
   * Resolves once no write runs or waits (at once when none does), after `writeHoldMs` at the latest, or early if the
   * signal aborts: for long work outside the slots (a PDF render) that should not take the cores the saves in progress
   * need.
   */
  afterWrites(signal?: AbortSignal): Promise<void> {
    const maxMs = this.settings.writeHoldMs ?? 0;
    if (!(maxMs > 0) || this.writesPending === 0 || signal?.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        this.writeWaiters = this.writeWaiters.filter((w) => w !== done);
        resolve();
      };
      const timer = setTimeout(done, maxMs);
      signal?.addEventListener("abort", done, { once: true });
      this.writeWaiters.push(done);
    });
  }

  private notifyWriteWaiters(): void {
    if (this.writeWaiters.length === 0 || this.writesPending > 0) return;
    for (const w of [...this.writeWaiters]) w();
  }

  /** How many reads may run at once. */
  get readSlots(): number {
    return Math.max(1, this.settings.concurrency - Math.max(0, this.settings.writeReserve));
  }

  private canAdmit(kind: GateClass): boolean {
    return this.running < this.settings.concurrency && (kind === "write" || (this.readsRunning < this.readSlots && !this.crowd.holding));
  }

  stats(): { running: number; writes: number; reads: number; closed: boolean; holdingReads: boolean } {
    return {
      running: this.running,
      writes: this.waiting.write.length,
      reads: this.waiting.read.length,
      closed: this.closed,
      holdingReads: this.crowd.holding,
    };
  }

  /**
   * Waits for a slot. Resolves to the function that gives it back (call it exactly once; later calls do nothing).
   * Rejects with GateFullError when the queue is full, GateClosedError after close(), or the signal's reason when the
   * client leaves while waiting.
   */
  acquire(kind: GateClass, signal?: AbortSignal): Promise<Release> {
    if (this.closed) return Promise.reject(new GateClosedError());
    if (signal?.aborted) return Promise.reject(signal.reason);
    const queued = this.waiting.write.length + this.waiting.read.length;
    // Straight in when a slot is free and nobody it must let pass waits: for a read, no one at all; for a write, no
    // earlier write, and no read owed its turn.
    const mayPass = kind === "read" ? queued === 0 : this.waiting.write.length === 0 && !(this.readOwed() && this.canAdmit("read"));
    if (mayPass && this.canAdmit(kind)) {
      if (kind === "write" && this.waiting.read.length > 0) this.writesInARow++;
      return Promise.resolve(this.admit(kind));
    }
    if (queued >= this.settings.queue) return Promise.reject(new GateFullError(this.retryAfter(queued)));
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        kind,
        grant: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve(this.admit(kind));
        },
      };
      const onAbort = () => {
        const list = this.waiting[kind];
        const at = list.indexOf(waiter);
        if (at >= 0) list.splice(at, 1);
        this.notifyIdle();
        this.notifyWriteWaiters();
        reject(signal!.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiting[kind].push(waiter);
    });
  }

  /** Runs `fn` in a slot. */
  async run<T>(kind: GateClass, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(kind, signal);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** Refuses new requests from now on; those waiting still run. */
  close(): void {
    this.closed = true;
  }

  /** Resolves when no request runs or waits. */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.write.length + this.waiting.read.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** A read has waited through `readEvery` writes. */
  private readOwed(): boolean {
    return this.waiting.read.length > 0 && this.writesInARow >= this.settings.readEvery;
  }

  private admit(kind: GateClass): Release {
    this.running++;
    if (kind === "read") this.readsRunning++;
    this.admitted[kind]++;
    const started = performance.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.averageMs = 0.9 * this.averageMs + 0.1 * (performance.now() - started);
      this.running--;
      if (kind === "read") this.readsRunning--;
      this.next();
    };
  }

  /** Fills free slots: writes first, but a waiting read (with a read slot free) after `readEvery` writes in a row. */
  private next(): void {
    while (this.running < this.settings.concurrency) {
      const { write, read } = this.waiting;
      const canRead = read.length > 0 && this.canAdmit("read");
      let waiter: Waiter | undefined;
      if (write.length > 0 && !(canRead && this.writesInARow >= this.settings.readEvery)) {
        waiter = write.shift();
        this.writesInARow = read.length > 0 ? this.writesInARow + 1 : 0;
      } else if (canRead) {
        waiter = read.shift();
        this.writesInARow = 0;
      }
      if (!waiter) break;
      waiter.grant();
    }
    this.notifyIdle();
    this.notifyWriteWaiters();
  }

  private notifyIdle(): void {
    if (this.running > 0 || this.waiting.write.length + this.waiting.read.length > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private retryAfter(queued: number): number {
    return Math.max(1, Math.min(60, Math.ceil((queued * this.averageMs) / this.settings.concurrency / 1000)));
  }
}

const gateHolder = globalThis as typeof globalThis & { __tierwiseRequestGate?: RequestGate };

/** This process's gate, made by `make` on first use (one per server, whatever number of handlers). */
export function processGate(make: () => RequestGate): RequestGate {
  gateHolder.__tierwiseRequestGate ??= make();
  return gateHolder.__tierwiseRequestGate;
}

/** This process's gate if the server made one (the command line and most tests have none). */
export function currentGate(): RequestGate | undefined {
  return gateHolder.__tierwiseRequestGate;
}

const API_COMPUTE_ONLY = new Set(["/api/plan", "/api/analyse"]);

/**
 * Which queue a request waits in, or null when it is not gated: health checks (a load balancer must see a live
 * server at once), and downloads rendered by the render pool (PDFs, chart images), which wait in the pool's own
 * bounded queue and would otherwise hold a slot while doing nothing on this thread.
 * "write": anything that changes state (POST/PUT/PATCH/DELETE) except computing a plan or an analysis, which change
 * nothing and cost as much as a page.
 */
export function gateClass(request: Request, { llm = false }: { llm?: boolean } = {}): GateClass | null {
  const { pathname } = new URL(request.url);
  if (pathname === "/healthz") return null;
  if (/\/(report\.pdf|charts\/[^/]+)$/.test(pathname) || pathname === "/portfolio.pdf") return null;
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return "read";
  // With an LLM configured, a plan or an analysis spends most of its time waiting for the provider (up to
  // TIERWISE_LLM_TIMEOUT_MS): holding a slot meanwhile would stop the pages. Their rate limits bound them instead.
  if (API_COMPUTE_ONLY.has(pathname)) return llm ? null : "read";
  return "write";
}
