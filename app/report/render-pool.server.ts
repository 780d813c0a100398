// Rendering off the request path (issue 13): decision PDFs and chart images are drawn by a pool of worker threads, so
// an export no longer stops the server's event loop for a quarter of a second per document (measured before: the plan
// page's median went from 28 ms to 3.2 s while four PDFs rendered).
//
// - Sized to the machine: one thread per core but one, which the event loop keeps (TIERWISE_RENDER_THREADS), at a
//   lower scheduling priority than the event loop (TIERWISE_RENDER_NICE), so pages stay fast while PDFs render.
// - A bounded queue (TIERWISE_RENDER_QUEUE): when it is full an export is refused at once with 503 and Retry-After
//   rather than piling up behind hundreds of others.
// - A deadline per job (TIERWISE_RENDER_TIMEOUT_MS, from the moment it is queued): a job past it is abandoned, its
//   thread replaced, and the export answered 503. A client that hangs up cancels its job too.
import { availableParallelism } from "node:os";
import Piscina from "piscina";
import type { DecisionPlan } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";
import { getEnv } from "~/env.server";
import { currentGate } from "~/lib/request-gate.server";
import { workerEntry } from "~/lib/worker-entry.server";
import type { ChartImageOptions } from "~/report/chart-images.server";
import type { ChartSpec } from "~/present/charts/spec";
import type { PdfOptions } from "~/report/pdf.server";
import type { PortfolioDoc } from "~/report/portfolio-pdf.server";
import type { RenderJob } from "~/report/render-pool.worker";

export interface RenderPoolSettings {
  threads: number;
  queue: number;
  timeoutMs: number;
  nice: number;
}

export function renderPoolSettings(
  env: Partial<
    Record<"TIERWISE_RENDER_THREADS" | "TIERWISE_RENDER_QUEUE" | "TIERWISE_RENDER_TIMEOUT_MS" | "TIERWISE_RENDER_NICE", number>
  > = getEnv(),
): RenderPoolSettings {
  const threads = env.TIERWISE_RENDER_THREADS ?? Math.max(1, availableParallelism() - 1);
  return {
    threads,
    queue: env.TIERWISE_RENDER_QUEUE ?? threads * 8,
    // Below the 30 s a browser, a proxy or a script usually waits: the client gets our 503 + Retry-After, not a time-out.
    timeoutMs: env.TIERWISE_RENDER_TIMEOUT_MS ?? 20_000,
    nice: env.TIERWISE_RENDER_NICE ?? 10,
  };
}

/** The pool cannot take the job now (queue full) or did not finish it in time: try again after `retryAfterSeconds`. */
export class RenderUnavailableError extends Error {
  constructor(
    readonly reason: "busy" | "timeout",
    readonly retryAfterSeconds: number,
  ) {
    super(reason === "busy" ? "the PDF renderer is busy" : "rendering took too long");
    this.name = "RenderUnavailableError";
  }
}

/**
 * At most `threads` jobs in the pool at once, the rest waiting here in arrival order. Piscina's own queue is not used:
 * a job carrying an AbortSignal that finds every thread busy goes to a skip list which piscina serves last-in first-out
 * (piscina 5.3), and an export could then wait for every export that came after it (measured: 17 s for one while the
 * others took 1.5 s).
 */
class FifoSlots {
  private running = 0;
  private waiting: { grant: () => void; fail: (err: unknown) => void }[] = [];
  constructor(private readonly size: number) {}

  get queued(): number {
    return this.waiting.length;
  }

  /** Every slot taken: a new job would have to wait. */
  get full(): boolean {
    return this.running >= this.size;
  }

  acquire(signal: AbortSignal): Promise<() => void> {
    const release = () => {
      const next = this.waiting.shift();
      if (next) next.grant();
      else this.running--;
    };
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.running < this.size) {
      this.running++;
      return Promise.resolve(release);
    }
    return new Promise((ok, ko) => {
      const entry = {
        grant: () => {
          signal.removeEventListener("abort", onAbort);
          ok(release);
        },
        fail: ko,
      };
      const onAbort = () => {
        this.waiting = this.waiting.filter((w) => w !== entry);
        ko(signal.reason);
      };
      signal.addEventListener("abort", onAbort, { once: true });
      this.waiting.push(entry);
    });
  }
}

/** A pool of render threads. The server uses one per process (renderPdfInPool…); tests make their own. */
export class RenderPool {
  private readonly piscina: Piscina;
  private readonly slots: FifoSlots;
  /** Moving average of a job's run time, for Retry-After. */
  private averageMs = 500;
  /** Jobs whose turn came, waiting for the saves in progress before they start. */
  private waitingForWrites = 0;

  constructor(
    readonly settings: RenderPoolSettings,
    filename: URL,
  ) {
    this.piscina = new Piscina({
      filename: filename.href,
      minThreads: settings.threads,
      maxThreads: settings.threads,
      // Threads stay up: each loads the report font once (the first PDF in a thread costs a few hundred ms more).
      idleTimeout: 10 * 60_000,
      niceIncrement: settings.nice,
      // A runaway document ends its own thread, not the server.
      resourceLimits: { maxOldGenerationSizeMb: 768 },
      // The workers need none of the server's loaders, inspector or flags.
      execArgv: [],
    });
    this.slots = new FifoSlots(settings.threads);
  }

  static async create(settings: RenderPoolSettings = renderPoolSettings()): Promise<RenderPool> {
    return new RenderPool(settings, await workerEntry("render"));
  }

  private retryAfter(): number {
    const ahead = this.slots.queued + this.settings.threads;
    return Math.max(1, Math.min(120, Math.ceil((ahead * this.averageMs) / this.settings.threads / 1000)));
  }

  async run(job: RenderJob, signal?: AbortSignal): Promise<Buffer> {
    if (this.slots.full && this.slots.queued >= this.settings.queue) throw new RenderUnavailableError("busy", this.retryAfter());
    const deadline = AbortSignal.timeout(this.settings.timeoutMs);
    const stop = signal ? AbortSignal.any([signal, deadline]) : deadline;
    let release: (() => void) | undefined;
    try {
      release = await this.slots.acquire(stop);
      // Its turn come, a PDF waits for the saves in progress (at most the gate's writeHoldMs) before it takes a core
      // (ADR 0052); the jobs behind it wait in the bounded queue meanwhile.
      const gate = job.kind === "chart-png" ? undefined : currentGate();
      if (gate?.writesPending) {
        this.waitingForWrites++;
        try {
          await gate.afterWrites(stop);
        } finally {
          this.waitingForWrites--;
        }
        stop.throwIfAborted();
      }
      const started = performance.now();
      const bytes = (await this.piscina.run(job, { signal: stop })) as Uint8Array;
      this.averageMs = 0.8 * this.averageMs + 0.2 * (performance.now() - started);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (err) {
      if (deadline.aborted && !signal?.aborted) throw new RenderUnavailableError("timeout", this.retryAfter());
      throw err;
    } finally {
      release?.();
    }
  }

  /** Jobs waiting and threads, for monitoring and tests. */
  stats(): { threads: number; queued: number; waitingForWrites: number; capacity: number; completed: number } {
    return {
      threads: this.piscina.threads.length,
      queued: this.slots.queued,
      waitingForWrites: this.waitingForWrites,
      capacity: this.settings.queue,
      completed: this.piscina.completed,
    };
  }

  /** Lets running jobs finish, then stops the threads. */
  close(): Promise<void> {
    return this.piscina.close();
  }
}

const holder = globalThis as typeof globalThis & { __tierwiseRenderPool?: Promise<RenderPool> };

/** This process's pool, created on first use with the settings from the environment. */
export function renderPool(): Promise<RenderPool> {
  if (!holder.__tierwiseRenderPool) {
    const created = RenderPool.create();
    holder.__tierwiseRenderPool = created;
    created.catch(() => {
      if (holder.__tierwiseRenderPool === created) holder.__tierwiseRenderPool = undefined;
    });
  }
  return holder.__tierwiseRenderPool;
}

/** The decision PDF of a plan, rendered by the pool. `signal`: the request's, so a client that leaves frees its slot. */
export async function renderPdfInPool(plan: DecisionPlan, locale: Locale, options: PdfOptions = {}, signal?: AbortSignal): Promise<Buffer> {
  return (await renderPool()).run({ kind: "pdf", plan, locale, options }, signal);
}

/** The workshop portfolio PDF (issue 11 item 6), rendered by the pool. */
export async function renderPortfolioPdfInPool(doc: PortfolioDoc, signal?: AbortSignal): Promise<Buffer> {
  return (await renderPool()).run({ kind: "portfolio-pdf", doc }, signal);
}

/** One chart as a PNG, rendered by the pool. */
export async function renderChartPngInPool(spec: ChartSpec, options?: ChartImageOptions, signal?: AbortSignal): Promise<Buffer> {
  return (await renderPool()).run({ kind: "chart-png", spec, options }, signal);
}

/** 503 with Retry-After when the pool refused or abandoned the job; null for any other error (a real failure). */
export function renderUnavailableResponse(err: unknown): Response | null {
  if (!(err instanceof RenderUnavailableError)) return null;
  const message =
    err.reason === "busy"
      ? "Too many exports are being prepared; try again shortly."
      : "The export took too long to prepare; try again shortly.";
  return new Response(JSON.stringify({ errors: [{ path: "", message }] }), {
    status: 503,
    headers: { "content-type": "application/json", "retry-after": String(err.retryAfterSeconds), "cache-control": "no-store" },
  });
}

/** Lets running jobs finish and stops the threads (graceful shutdown); the next export starts a new pool. */
export async function closeRenderPool(): Promise<void> {
  const open = holder.__tierwiseRenderPool;
  holder.__tierwiseRenderPool = undefined;
  if (open) await (await open.catch(() => undefined))?.close();
}
