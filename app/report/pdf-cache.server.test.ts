// The PDF cache (ADR 0052): one render per document, shared by requests asked at the same moment, bounded by bytes,
// failures not remembered, a render cancelled only when every request waiting for it has left.
import { describe, expect, it } from "vitest";
import { pdfCacheKey } from "~/report/pdf-response.server";
import { PdfCache } from "~/report/pdf-cache.server";

function deferred() {
  let resolve!: (b: Buffer) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<Buffer>((ok, ko) => ((resolve = ok), (reject = ko)));
  return { promise, resolve, reject };
}

describe("PdfCache", () => {
  it("renders a document once and serves the same bytes after", async () => {
    const cache = new PdfCache(1000);
    let renders = 0;
    const render = async () => Buffer.from(`pdf ${++renders}`);
    const a = await cache.get("k", render);
    const b = await cache.get("k", render);
    expect(a.toString()).toBe("pdf 1");
    expect(b).toBe(a);
    expect(renders).toBe(1);
    expect(cache.counts).toEqual({ hits: 1, renders: 1, shared: 0 });
  });

  it("requests asked while the render runs share it", async () => {
    const cache = new PdfCache(1000);
    const job = deferred();
    let renders = 0;
    const render = () => (renders++, job.promise);
    const waiting = [cache.get("k", render), cache.get("k", render), cache.get("k", render)];
    job.resolve(Buffer.from("doc"));
    expect((await Promise.all(waiting)).map(String)).toEqual(["doc", "doc", "doc"]);
    expect(renders).toBe(1);
    expect(cache.counts.shared).toBe(2);
  });

  it("does not remember a failure: the next request renders again", async () => {
    const cache = new PdfCache(1000);
    await expect(cache.get("k", () => Promise.reject(new Error("pool busy")))).rejects.toThrow("pool busy");
    expect(cache.has("k")).toBe(false);
    await expect(cache.get("k", async () => Buffer.from("ok"))).resolves.toEqual(Buffer.from("ok"));
  });

  it("keeps at most maxBytes, dropping the least recently used first", async () => {
    const cache = new PdfCache(10);
    const doc = (s: string) => async () => Buffer.from(s);
    await cache.get("a", doc("aaaa"));
    await cache.get("b", doc("bbbb"));
    await cache.get("a", doc("never")); // a is now the most recently used
    await cache.get("c", doc("cccc"));
    expect([cache.has("a"), cache.has("b"), cache.has("c")]).toEqual([true, false, true]);
    expect(cache.bytes).toBe(8);
    await cache.get("huge", doc("x".repeat(11)));
    expect(cache.has("huge")).toBe(false);
    expect(cache.bytes).toBe(8);
  });

  it("a request that leaves stops waiting; the render goes on while another request waits for it", async () => {
    const cache = new PdfCache(1000);
    const job = deferred();
    let renderSignal!: AbortSignal;
    const render = (signal: AbortSignal) => ((renderSignal = signal), job.promise);
    const leaving = new AbortController();
    const first = cache.get("k", render, leaving.signal);
    const second = cache.get("k", render, new AbortController().signal);
    leaving.abort(new Error("client left"));
    await expect(first).rejects.toThrow("client left");
    expect(renderSignal.aborted).toBe(false);
    job.resolve(Buffer.from("doc"));
    expect(String(await second)).toBe("doc");
    expect(cache.has("k")).toBe(true);
  });

  it("cancels the render when every request waiting for it has left, and keeps nothing from it", async () => {
    const cache = new PdfCache(1000);
    const job = deferred();
    let renderSignal!: AbortSignal;
    const render = (signal: AbortSignal) => ((renderSignal = signal), job.promise);
    const a = new AbortController();
    const b = new AbortController();
    const pa = cache.get("k", render, a.signal);
    const pb = cache.get("k", render, b.signal);
    a.abort(new Error("a left"));
    expect(renderSignal.aborted).toBe(false);
    b.abort(new Error("b left"));
    expect(renderSignal.aborted).toBe(true);
    await expect(pa).rejects.toThrow("a left");
    await expect(pb).rejects.toThrow("b left");
    // A request arriving now starts a fresh render instead of joining the cancelled one.
    const fresh = cache.get("k", async () => Buffer.from("fresh"));
    job.resolve(Buffer.from("late"));
    expect(String(await fresh)).toBe("fresh");
    expect(cache.counts.renders).toBe(2);
  });
});

describe("pdfCacheKey", () => {
  const version = { number: 3, savedAt: "2026-12-01T06:00:00.000Z" };
  it("differs by everything the document shows", () => {
    const base = pdfCacheKey("sqlite:/a", "s1", "en", { version, timeZone: "Asia/Shanghai", title: "T" });
    const variants = [
      pdfCacheKey("sqlite:/b", "s1", "en", { version, timeZone: "Asia/Shanghai", title: "T" }),
      pdfCacheKey("sqlite:/a", "s2", "en", { version, timeZone: "Asia/Shanghai", title: "T" }),
      pdfCacheKey("sqlite:/a", "s1", "zh", { version, timeZone: "Asia/Shanghai", title: "T" }),
      pdfCacheKey("sqlite:/a", "s1", "en", { version: { ...version, number: 4 }, timeZone: "Asia/Shanghai", title: "T" }),
      pdfCacheKey("sqlite:/a", "s1", "en", { version, timeZone: null, title: "T" }),
      pdfCacheKey("sqlite:/a", "s1", "en", { version, timeZone: "Asia/Shanghai", title: "Renamed" }),
      pdfCacheKey("sqlite:/a", "s1", "en", { version, timeZone: "Asia/Shanghai", title: "T", upgrade: { fromSchemaVersion: 2 } }),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
    expect(pdfCacheKey("sqlite:/a", "s1", "en", { version, timeZone: "Asia/Shanghai", title: "T" })).toBe(base);
  });
  it("is null for a plan that was never saved", () => {
    expect(pdfCacheKey("sqlite:/a", "s1", "en", {})).toBeNull();
  });
});
