// The render pool: PDFs and chart images drawn in worker threads, a bounded queue answered with 503 + Retry-After, a
// deadline per job, cancellation by the client, first come first served. Real threads, real pdfmake, real PDFs.
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { chartSpecsFor } from "~/present/charts/build";
import { renderPlanPdf } from "~/report/pdf.server";
import { renderPortfolioPdf } from "~/report/portfolio-pdf.server";
import { buildWorkshopView, readWorkshopParams } from "~/workshop/view";
import { RenderPool, RenderUnavailableError, renderUnavailableResponse, type RenderPoolSettings } from "~/report/render-pool.server";
import { DEFAULT_GATE_SETTINGS, processGate, RequestGate } from "~/lib/request-gate.server";
import { ART_STUDIO_ZH, planFrom, SUPPORT_EN } from "./report-fixtures";
import { pdfInfo, pdfText, squash, workDir, writePdf } from "./report-poppler";

const dir = workDir();
const pools: RenderPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function pool(settings: Partial<RenderPoolSettings> = {}): Promise<RenderPool> {
  const p = await RenderPool.create({ threads: 1, queue: 8, timeoutMs: 60_000, nice: 0, ...settings });
  pools.push(p);
  return p;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const zhPlan = planFrom(ART_STUDIO_ZH);
const enPlan = planFrom(SUPPORT_EN);

// Real renders on a shared machine can take seconds each: a generous timeout, no timing assertions.
describe("render pool", { timeout: 120_000 }, () => {
  it("renders the same decision PDF in a worker thread as on the calling thread", async () => {
    const p = await pool();
    const [pooled, direct] = await Promise.all([p.run({ kind: "pdf", plan: zhPlan, locale: "zh" }), renderPlanPdf(zhPlan, "zh")]);
    const a = writePdf(dir, "pooled.pdf", pooled);
    const b = writePdf(dir, "direct.pdf", direct);
    expect(pooled.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdfInfo(a).Pages).toBe(pdfInfo(b).Pages);
    expect(squash(pdfText(a))).toBe(squash(pdfText(b)));
    expect(squash(pdfText(a))).toContain(squash(zhPlan.title));
  });

  it("renders the workshop portfolio PDF in a worker thread as on the calling thread (issue 11 item 6)", async () => {
    const p = await pool();
    const params = readWorkshopParams(new URLSearchParams("currency=CNY"));
    const view = buildWorkshopView(
      [
        { id: "a", title: zhPlan.title, tags: [], plan: zhPlan },
        { id: "b", title: enPlan.title, tags: [], plan: enPlan },
      ],
      "zh",
      params,
    );
    const doc = { view, preparedAt: "2026年12月1日 09:00（UTC+8）" };
    const [pooled, direct] = await Promise.all([p.run({ kind: "portfolio-pdf", doc }), renderPortfolioPdf(doc)]);
    const a = writePdf(dir, "portfolio-pooled.pdf", pooled);
    const b = writePdf(dir, "portfolio-direct.pdf", direct);
    expect(pdfInfo(a).Pages).toBe(pdfInfo(b).Pages);
    expect(squash(pdfText(a))).toBe(squash(pdfText(b)));
    expect(squash(pdfText(a))).toContain(squash("排序组合"));
  });

  it("draws a chart image in a worker thread", async () => {
    const p = await pool();
    const png = await p.run({ kind: "chart-png", spec: chartSpecsFor(enPlan, "en").cost, options: { width: 300, height: 160, scale: 1 } });
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // IHDR: width and height, big-endian, right after the signature and the chunk header.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([300, 160]);
  });

  it("refuses work beyond its queue at once, with a Retry-After, and keeps serving", async () => {
    const p = await pool({ queue: 1 });
    const jobs = Array.from({ length: 4 }, (_, i) =>
      p.run({ kind: "pdf", plan: i % 2 ? enPlan : zhPlan, locale: i % 2 ? "en" : "zh" }).then(
        () => "ok" as const,
        (err: unknown) => err,
      ),
    );
    const results = await Promise.all(jobs);
    // One job runs, one waits, the other two are refused.
    expect(results.filter((r) => r === "ok")).toHaveLength(2);
    const refused = results.filter((r): r is RenderUnavailableError => r instanceof RenderUnavailableError);
    expect(refused.map((r) => r.reason)).toEqual(["busy", "busy"]);
    const response = renderUnavailableResponse(refused[0])!;
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/try again/);
    expect((await p.run({ kind: "pdf", plan: enPlan, locale: "en" })).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("with no queue at all, runs a job on a free thread and refuses one that would wait", async () => {
    const p = await pool({ queue: 0 });
    const [first, second] = await Promise.all([
      p.run({ kind: "pdf", plan: enPlan, locale: "en" }).then(
        () => "ok",
        (e: unknown) => e,
      ),
      p.run({ kind: "pdf", plan: enPlan, locale: "en" }).then(
        () => "ok",
        (e: unknown) => e,
      ),
    ]);
    expect(first).toBe("ok");
    expect((second as RenderUnavailableError).reason).toBe("busy");
  });

  it("abandons a job past its deadline, answers 503, and renders the next one on a fresh thread", async () => {
    const p = await pool({ timeoutMs: 100 });
    const err = await p.run({ kind: "pdf", plan: zhPlan, locale: "zh" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RenderUnavailableError);
    expect((err as RenderUnavailableError).reason).toBe("timeout");
    expect(renderUnavailableResponse(err)?.status).toBe(503);
    const patient = await pool({ timeoutMs: 60_000 });
    expect((await patient.run({ kind: "pdf", plan: enPlan, locale: "en" })).length).toBeGreaterThan(10_000);
  });

  it("drops a waiting job whose client went away, without running it", async () => {
    const p = await pool();
    const gone = new AbortController();
    const first = p.run({ kind: "pdf", plan: zhPlan, locale: "zh" });
    const second = p.run({ kind: "pdf", plan: enPlan, locale: "en" }, gone.signal);
    expect(p.stats().queued).toBe(1);
    gone.abort(new Error("client closed the connection"));
    await expect(second).rejects.toThrow("client closed the connection");
    expect(p.stats().queued).toBe(0);
    await first;
    expect(p.stats().completed).toBe(1);
  });

  it("serves waiting jobs in the order they came", async () => {
    const p = await pool();
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        p
          .run({ kind: "chart-png", spec: chartSpecsFor(enPlan, "en").cost, options: { width: 200, height: 100, scale: 1 } })
          .then(() => order.push(i)),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it("starts a PDF only once the saves in progress are done (the process's gate); a chart image does not wait", async () => {
    const gate = processGate(() => new RequestGate({ ...DEFAULT_GATE_SETTINGS, writeHoldMs: 60_000 }));
    const release = await gate.acquire("write");
    try {
      const p = await pool();
      const pdf = p.run({ kind: "pdf", plan: enPlan, locale: "en" });
      await new Promise((r) => setImmediate(r));
      expect(p.stats()).toMatchObject({ waitingForWrites: 1, queued: 0, completed: 0 });
      // A chart image (another pool, so it is not behind the PDF's turn) is drawn while the save still runs.
      const charts = await pool();
      await charts.run({ kind: "chart-png", spec: chartSpecsFor(enPlan, "en").cost, options: { width: 200, height: 100, scale: 1 } });
      expect(charts.stats().completed).toBe(1);
      expect(p.stats()).toMatchObject({ waitingForWrites: 1, completed: 0 });
      release();
      expect((await pdf).subarray(0, 5).toString()).toBe("%PDF-");
      expect(p.stats()).toMatchObject({ waitingForWrites: 0, completed: 1 });
    } finally {
      release();
    }
  });

  it("is not a 503 for other failures", () => {
    expect(renderUnavailableResponse(new Error("boom"))).toBeNull();
  });
});
