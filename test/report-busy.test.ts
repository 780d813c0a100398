// A busy render pool, met through the PDF routes (real SQLite, real worker threads): a person who followed the link
// without JavaScript goes back to the page, which says so in their language; a script keeps the 503 + Retry-After.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadName } from "~/components/pdf-link";
import { contentDisposition, pdfBusyRetry } from "~/report/pdf-response.server";
import { ART_STUDIO_ZH, planFrom } from "./report-fixtures";

const dir = mkdtempSync(join(tmpdir(), "tierwise-report-busy-"));
process.env.DATABASE_PATH = join(dir, "busy.sqlite");
// One thread and no queue: of two exports at once, one is refused.
process.env.TIERWISE_RENDER_THREADS = "1";
process.env.TIERWISE_RENDER_QUEUE = "0";
delete process.env.OPENAI_API_KEY;

const ownerRoute = await import("~/routes/scenarios.$id.report[.]pdf");
const shareRoute = await import("~/routes/share.$token.report[.]pdf");
const { createScenario, createShareLink } = await import("~/models/scenario.server");
const { parseScenarioInput } = await import("~/domain/scenario");
const { closeRenderPool } = await import("~/report/render-pool.server");

type Args = Parameters<typeof ownerRoute.loader>[0];
const NAVIGATION = { "sec-fetch-mode": "navigate", accept: "text/html,application/xhtml+xml,*/*;q=0.8" };
const SCRIPT = { "sec-fetch-mode": "cors", accept: "*/*" };
const call = (loader: (a: Args) => Promise<Response>, path: string, params: Record<string, string>, headers: Record<string, string>) =>
  loader({ request: new Request(`http://test.local${path}`, { headers }), params, context: {} } as unknown as Args);

let id: string;
let token: string;

beforeAll(async () => {
  const parsed = parseScenarioInput(ART_STUDIO_ZH);
  if (!parsed.ok) throw new Error("fixture");
  ({ id } = await createScenario({ input: parsed.value, plan: planFrom(ART_STUDIO_ZH) }));
  const link = await createShareLink({ id });
  if (!link) throw new Error("share link");
  token = link.token;
});
afterAll(async () => {
  await closeRenderPool();
  rmSync(dir, { recursive: true, force: true });
});

let zone = 0;
/** A reader in another time zone: another document (the same one asked twice at once is rendered once, and shared). */
const otherZone = (headers: Record<string, string>) => ({
  ...headers,
  cookie: `tw_tz=${encodeURIComponent(`Etc/GMT+${(zone++ % 12) + 1}`)}`,
});

/** Two different exports at once through the route; returns [the one that was rendered, the one that was refused]. */
async function twoAtOnce(
  loader: (a: Args) => Promise<Response>,
  path: string,
  params: Record<string, string>,
  headers: Record<string, string>,
) {
  const responses = await Promise.all([call(loader, path, params, otherZone(headers)), call(loader, path, params, otherZone(headers))]);
  const rendered = responses.filter((r) => r.status === 200);
  const refused = responses.filter((r) => r.status !== 200);
  expect(rendered).toHaveLength(1);
  expect(refused).toHaveLength(1);
  return [rendered[0], refused[0]] as const;
}

describe("a busy PDF export", { timeout: 120_000 }, () => {
  it("sends a reader without JavaScript back to the version they were reading, with when to retry", async () => {
    const [ok, refused] = await twoAtOnce(ownerRoute.loader, `/scenarios/${id}/report.pdf?lang=en&v=1`, { id }, NAVIGATION);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect(refused.status).toBe(303);
    const location = new URL(refused.headers.get("location")!, "http://test.local");
    expect(location.pathname).toBe(`/scenarios/${id}`);
    expect(location.searchParams.get("lang")).toBe("en");
    expect(location.searchParams.get("v")).toBe("1");
    expect(pdfBusyRetry(location)).toBeGreaterThanOrEqual(1);
  });

  it("sends a share-link reader back to the share page", async () => {
    const [, refused] = await twoAtOnce(shareRoute.loader, `/share/${token}/report.pdf?lang=zh`, { token }, NAVIGATION);
    expect(refused.status).toBe(303);
    const location = new URL(refused.headers.get("location")!, "http://test.local");
    expect(`${location.pathname}?lang=${location.searchParams.get("lang")}`).toBe(`/share/${token}?lang=zh`);
    expect(location.searchParams.get("pdf")).toBe("busy");
  });

  it("keeps the 503 with its Retry-After for a script", async () => {
    const [, refused] = await twoAtOnce(ownerRoute.loader, `/scenarios/${id}/report.pdf`, { id }, SCRIPT);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get("content-type")).toMatch(/json/);
  });

  it("renders the same document asked twice at once only once: both get it, though the pool takes one job", async () => {
    const headers = otherZone(SCRIPT);
    const path = `/scenarios/${id}/report.pdf?lang=zh`;
    const both = await Promise.all([call(ownerRoute.loader, path, { id }, headers), call(ownerRoute.loader, path, { id }, headers)]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const [a, b] = await Promise.all(both.map(async (r) => Buffer.from(await r.arrayBuffer())));
    expect(a.subarray(0, 5).toString()).toBe("%PDF-");
    expect(b.equals(a)).toBe(true);
    // Asked again later: served from memory, while another document still finds the pool free.
    expect((await call(ownerRoute.loader, path, { id }, headers)).status).toBe(200);
  });
});

describe("pdf link helpers", () => {
  it("reads the page's retry value, bounded, and nothing without pdf=busy", () => {
    expect(pdfBusyRetry(new URL("http://x/s?pdf=busy&retry=7"))).toBe(7);
    expect(pdfBusyRetry(new URL("http://x/s?pdf=busy&retry=abc"))).toBe(5);
    expect(pdfBusyRetry(new URL("http://x/s?pdf=busy&retry=99999"))).toBe(5);
    expect(pdfBusyRetry(new URL("http://x/s?retry=7"))).toBeNull();
  });

  it("names the downloaded file as the server did, Chinese title included", () => {
    const header = contentDisposition({ id: "abc", title: "美术工作室：评语助手", locale: "zh" });
    expect(downloadName(header, "x.pdf")).toBe("美术工作室：评语助手-zh.pdf");
    expect(downloadName('attachment; filename="tierwise-abc-en.pdf"', "x.pdf")).toBe("tierwise-abc-en.pdf");
    expect(downloadName(null, "x.pdf")).toBe("x.pdf");
  });
});
