// Offline planning off the event loop (issue 12 item 2, ADR 0053): a save, an edit and POST /api/plan compute the plan
// (rules, estimators, Monte Carlo; ~10 ms of CPU idle, 30–60 ms on a busy box) in a worker thread, so the event loop
// keeps serving page views and reading sockets meanwhile, and a burst of saves gets a core of its own instead of a
// share of the loop with every page render admitted with it.
//
// - Threads: TIERWISE_PLAN_THREADS (default one per core but one, at least 1; 0 plans on the event loop as before).
//   Normal priority: the PDF render threads are niced (ADR 0051), so planning wins the second core.
// - Jobs wait here, not in piscina's queue: saves' plans first, then previews (POST /api/plan), then the warm-up's,
//   each in arrival order. Two jobs per thread are handed to piscina at a time, so a thread starts its next plan as
//   soon as it finishes one instead of idling until the event loop (busy with a page: gaps up to 99 ms in the opening
//   burst) has read its answer and sent the next job; the price is that a save may wait for one more plan than with
//   one job per thread (the one a thread already holds next). No AbortSignal (a plan takes milliseconds), and the
//   admission gate already bounds how many requests are planning at once.
// - Answers come back as JSON text (~/domain/plan-text): saves store it and previews send it as they are.
// - Fallback: if the pool cannot start or a thread dies, the plan is computed here (it is pure; the answer is the
//   same), and the error is logged once.
import { availableParallelism } from "node:os";
import Piscina from "piscina";
import { buildPlan, type PlanOptions } from "~/domain/plan";
import { toPlanText, type PlanText } from "~/domain/plan-text";
import type { ScenarioInput } from "~/domain/scenario";
import { getEnv } from "~/env.server";
import { workerEntry } from "~/lib/worker-entry.server";
import type { PlanJob } from "~/models/plan-pool.worker";

/** Planning threads from the environment: TIERWISE_PLAN_THREADS, else one per core but one (at least 1). */
export function planThreads(env: { TIERWISE_PLAN_THREADS?: number } = getEnv()): number {
  return env.TIERWISE_PLAN_THREADS ?? Math.max(1, availableParallelism() - 1);
}

/**
 * Why a plan is asked for, in the order the pool serves them: a save's (someone waits to see it stored), a preview's
 * (POST /api/plan), the warm-up's (nobody waits).
 */
export type PlanPriority = "save" | "preview" | "warm-up";

/** A plan waiting for a thread. */
interface Waiting {
  input: ScenarioInput;
  options?: PlanOptions;
  resolve: (plan: PlanText) => void;
  reject: (err: unknown) => void;
}

/** Jobs handed to piscina per thread at once (see the header). */
export const JOBS_PER_THREAD = 2;

export class PlanPool {
  private running = 0;
  private readonly waiting: Record<PlanPriority, Waiting[]> = { save: [], preview: [], "warm-up": [] };
  /** Set by close(): the warm-up stops asking. */
  closed = false;

  private constructor(
    private readonly piscina: Piscina,
    private readonly threads: number,
  ) {}

  static async create(threads: number): Promise<PlanPool> {
    const filename = await workerEntry("plan");
    return new PlanPool(
      new Piscina({
        filename: filename.href,
        minThreads: threads,
        maxThreads: threads,
        idleTimeout: 10 * 60_000,
        concurrentTasksPerWorker: JOBS_PER_THREAD,
        // The workers need none of the server's loaders, inspector or flags.
        execArgv: [],
      }),
      threads,
    );
  }

  /**
   * The plan of `input`, as JSON text. At most JOBS_PER_THREAD jobs per thread are handed to piscina; the rest wait
   * here, saves before previews (the admission gate's order, ADR 0052, kept inside the pool: a save admitted behind
   * ten previews would otherwise wait for all of them).
   */
  run(
    input: ScenarioInput,
    {
      preview = false,
      priority = preview ? "preview" : "save",
      options,
    }: { preview?: boolean; priority?: PlanPriority; options?: PlanOptions } = {},
  ): Promise<PlanText> {
    return new Promise<PlanText>((resolve, reject) => {
      this.waiting[priority].push({ input, options, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.threads * JOBS_PER_THREAD) {
      const job = this.waiting.save.shift() ?? this.waiting.preview.shift() ?? this.waiting["warm-up"].shift();
      if (!job) return;
      this.running++;
      (this.piscina.run({ input: job.input, ...(job.options ? { options: job.options } : {}) } satisfies PlanJob) as Promise<PlanText>)
        .then(job.resolve, job.reject)
        .finally(() => {
          this.running--;
          this.pump();
        });
    }
  }

  /** `posted`: jobs handed to piscina and already sent to a thread (the rest of `running` wait in piscina's queue). */
  stats(): {
    threads: number;
    running: number;
    posted: number;
    queued: { save: number; preview: number; warmUp: number };
    completed: number;
  } {
    return {
      threads: this.piscina.threads.length,
      running: this.running,
      posted: this.running - this.piscina.queueSize,
      queued: { save: this.waiting.save.length, preview: this.waiting.preview.length, warmUp: this.waiting["warm-up"].length },
      completed: this.piscina.completed,
    };
  }

  close(): Promise<void> {
    this.closed = true;
    return this.piscina.close();
  }
}

const holder = globalThis as typeof globalThis & { __tierwisePlanPool?: Promise<PlanPool | null>; __tierwisePlanPoolWarned?: boolean };

function warnOnce(err: unknown): void {
  if (holder.__tierwisePlanPoolWarned) return;
  holder.__tierwisePlanPoolWarned = true;
  console.error(`tierwise: planning on the event loop (the plan pool failed: ${(err as Error)?.message ?? err})`);
}

/** This process's pool, started on first use; null when TIERWISE_PLAN_THREADS=0 or it could not start. */
export function planPool(): Promise<PlanPool | null> {
  if (!holder.__tierwisePlanPool) {
    const threads = planThreads();
    holder.__tierwisePlanPool =
      threads === 0
        ? Promise.resolve(null)
        : PlanPool.create(threads).catch((err) => {
            warnOnce(err);
            return null;
          });
  }
  return holder.__tierwisePlanPool;
}

/**
 * buildPlan(input, options) as JSON text, computed by the plan pool (here when there is none, or when a thread failed).
 * `preview`: a plan nobody stores (POST /api/plan), which waits behind the saves' plans. `options`: the LLM step's
 * outcome.
 */
export async function buildPlanOffLoop(
  input: ScenarioInput,
  { preview = false, options }: { preview?: boolean; options?: PlanOptions } = {},
): Promise<PlanText> {
  const pool = await planPool();
  if (!pool) return toPlanText(buildPlan(input, options));
  try {
    return await pool.run(input, { preview, options });
  } catch (err) {
    warnOnce(err);
    return toPlanText(buildPlan(input, options));
  }
}

/**
 * Started by the server right after it listens (scripts/serve.mjs), without delaying "ready": the plan threads load
 * their code and plan `inputs` `rounds` times over, behind every save and preview (a save waits for at most the
 * warm-up plans already handed to a thread), so the plans after a start do not run as unoptimised code while the
 * JIT compiles it on the other cores. Stops when the pool closes. Never throws.
 */
export async function warmUpPlanPool(inputs: ScenarioInput[], rounds = 1): Promise<void> {
  const pool = await planPool();
  if (!pool) return;
  try {
    for (let round = 0; round < rounds && !pool.closed; round++)
      await Promise.all(inputs.map((input) => pool.run(input, { priority: "warm-up" })));
  } catch (err) {
    if (!pool.closed) warnOnce(err);
  }
}

/** Stops the threads (graceful shutdown); the next plan starts a new pool. */
export async function closePlanPool(): Promise<void> {
  const open = holder.__tierwisePlanPool;
  holder.__tierwisePlanPool = undefined;
  if (open) await (await open)?.close();
}
