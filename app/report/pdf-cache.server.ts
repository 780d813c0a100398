// Decision PDFs rendered once per saved version (issue 12 item 2, ADR 0052). A saved version never changes, so its PDF
// in one language, time zone and title is the same bytes every time: the first export renders it in the pool, the
// next ones are served from memory, and exports of the same document asked for at the same moment share one render.
//
// - Bounded by bytes (least recently used out first); a document bigger than the whole budget is not kept.
// - One render per key in flight. Each request waits with its own AbortSignal: a client that leaves stops waiting,
//   and the render itself is cancelled only when every request waiting for it has left (it frees its pool slot).
// - A failed render (busy pool, deadline, error) is not remembered: the next request tries again.

export const DEFAULT_PDF_CACHE_BYTES = 64 * 1024 * 1024;

interface InFlight {
  promise: Promise<Buffer>;
  controller: AbortController;
  waiters: number;
}

export class PdfCache {
  private readonly entries = new Map<string, Buffer>();
  private readonly inFlight = new Map<string, InFlight>();
  private size = 0;
  /** Counters for tests and monitoring. */
  readonly counts = { hits: 0, renders: 0, shared: 0 };

  constructor(readonly maxBytes: number = DEFAULT_PDF_CACHE_BYTES) {}

  get bytes(): number {
    return this.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The document for `key`: from memory, from a render already under way, or rendered now by `render`. */
  get(key: string, render: (signal: AbortSignal) => Promise<Buffer>, signal?: AbortSignal): Promise<Buffer> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used goes to the end.
      this.entries.delete(key);
      this.entries.set(key, hit);
      this.counts.hits++;
      return Promise.resolve(hit);
    }
    let job = this.inFlight.get(key);
    if (job) this.counts.shared++;
    else {
      const controller = new AbortController();
      const started: InFlight = {
        controller,
        waiters: 0,
        promise: render(controller.signal).then(
          (pdf) => {
            if (this.inFlight.get(key) === started) this.inFlight.delete(key);
            if (!controller.signal.aborted) this.store(key, pdf);
            return pdf;
          },
          (err: unknown) => {
            if (this.inFlight.get(key) === started) this.inFlight.delete(key);
            throw err;
          },
        ),
      };
      started.promise.catch(() => undefined);
      this.inFlight.set(key, started);
      this.counts.renders++;
      job = started;
    }
    const shared = job;
    shared.waiters++;
    if (!signal) return shared.promise;
    return new Promise<Buffer>((resolve, reject) => {
      const onAbort = () => {
        shared.waiters--;
        if (shared.waiters === 0) {
          // Nobody waits for it any more: stop the render, and let the next request start a fresh one.
          if (this.inFlight.get(key) === shared) this.inFlight.delete(key);
          shared.controller.abort(signal.reason);
        }
        reject(signal.reason);
      };
      signal.addEventListener("abort", onAbort, { once: true });
      shared.promise.then(
        (pdf) => {
          signal.removeEventListener("abort", onAbort);
          resolve(pdf);
        },
        (err: unknown) => {
          signal.removeEventListener("abort", onAbort);
          reject(err);
        },
      );
    });
  }

  private store(key: string, pdf: Buffer): void {
    if (pdf.length > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.size -= old.length;
      this.entries.delete(key);
    }
    this.entries.set(key, pdf);
    this.size += pdf.length;
    for (const [k, v] of this.entries) {
      if (this.size <= this.maxBytes) break;
      this.entries.delete(k);
      this.size -= v.length;
    }
  }
}

const holder = globalThis as typeof globalThis & { __tierwisePdfCache?: PdfCache };

/** This process's cache of decision PDFs. */
export function pdfCache(): PdfCache {
  holder.__tierwisePdfCache ??= new PdfCache();
  return holder.__tierwisePdfCache;
}
