// The PDF routes against a real SQLite file, called as Remix calls loaders; and the CLI's `--format pdf`.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentDisposition } from "~/report/pdf-response.server";
import { pdfPaths } from "~/report/cli-pdf.server";
import { ART_STUDIO_ZH, planFrom, SUPPORT_EN } from "./report-fixtures";
import { pdfInfo, pdfText } from "./report-poppler";

const dir = mkdtempSync(join(tmpdir(), "tierwise-report-routes-"));
process.env.DATABASE_PATH = join(dir, "report.sqlite");
delete process.env.OPENAI_API_KEY;

const ownerRoute = await import("~/routes/scenarios.$id.report[.]pdf");
const shareRoute = await import("~/routes/share.$token.report[.]pdf");
const ownerChart = await import("~/routes/scenarios.$id.charts.$file");
const shareChart = await import("~/routes/share.$token.charts.$file");
const { createScenario, createShareLink, revokeShareLink, saveVersion } = await import("~/models/scenario.server");
const { parseScenarioInput } = await import("~/domain/scenario");
const { runCli } = await import("../bin/cli");
type CliIo = Parameters<typeof runCli>[1];

type Args = Parameters<typeof ownerRoute.loader>[0];
// The answer as Remix sends it: returned, or thrown (the access checks throw theirs, e.g. the 404 of an unknown id).
const call = (loader: (a: Args) => Promise<Response>, path: string, params: Record<string, string>) =>
  loader({ request: new Request(`http://test.local${path}`), params, context: {} } as unknown as Args).catch((err: unknown) => {
    if (err instanceof Response) return err;
    throw err;
  });

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

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("GET /scenarios/:id/report.pdf", () => {
  it("returns the PDF in the requested language with a safe download name", async () => {
    const res = await call(ownerRoute.loader, `/scenarios/${id}/report.pdf?lang=en`, { id });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const cd = res.headers.get("content-disposition") ?? "";
    expect(cd).toMatch(new RegExp(`^attachment; filename="tierwise-${id}-en\\.pdf"; filename\\*=UTF-8''`));
    expect(decodeURIComponent(cd.split("UTF-8''")[1])).toBe("画室评语小工具-en.pdf");
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 5).toString()).toBe("%PDF-");
    expect(Number(res.headers.get("content-length"))).toBe(body.length);
    const path = join(dir, "owner.pdf");
    writeFileSync(path, body);
    expect(pdfText(path, 1, 1)).toContain("The ask");
    // The brief is pages 1–2 in English: the risks, then what must be true; the appendix starts on page 3.
    expect(pdfText(path, 1, 2)).toContain("The three most serious risks");
    expect(pdfText(path, 2, 2)).toContain("What must be true");
    expect(pdfText(path, 3, 3)).toContain("Appendix: how the plan answers the six questions");
  });

  it("defaults to the scenario's own language", async () => {
    const res = await call(ownerRoute.loader, `/scenarios/${id}/report.pdf`, { id });
    const path = join(dir, "default.pdf");
    writeFileSync(path, Buffer.from(await res.arrayBuffer()));
    expect(pdfText(path, 1, 1)).toContain("所需投入");
  });

  it("exports the version asked for with ?v=N, stamped with it; a version that does not exist is 404, a bad one 400", async () => {
    const parsed = parseScenarioInput({ ...ART_STUDIO_ZH, assumptions: { "finance.conversionRate": 0.01 } });
    if (!parsed.ok) throw new Error("fixture");
    const first = parseScenarioInput(ART_STUDIO_ZH);
    if (!first.ok) throw new Error("fixture");
    const { id: vid } = await createScenario({ input: first.value, plan: planFrom(ART_STUDIO_ZH) });
    await saveVersion({
      id: vid,
      input: parsed.value,
      plan: planFrom({ ...ART_STUDIO_ZH, assumptions: { "finance.conversionRate": 0.01 } }),
    });
    const text = async (query: string) => {
      const res = await call(ownerRoute.loader, `/scenarios/${vid}/report.pdf${query}`, { id: vid });
      const path = join(dir, `v${query.replace(/\W/g, "")}.pdf`);
      writeFileSync(path, Buffer.from(await res.arrayBuffer()));
      return pdfText(path, 1, 1);
    };
    expect(await text("?lang=en&v=1")).toMatch(/v1 · saved/);
    expect(await text("?lang=en&v=2")).toMatch(/v2 · saved/);
    expect(await text("?lang=en")).toMatch(/v2 · saved/);
    expect((await call(ownerRoute.loader, `/scenarios/${vid}/report.pdf?v=7`, { id: vid })).status).toBe(404);
    const bad = await call(ownerRoute.loader, `/scenarios/${vid}/report.pdf?v=two`, { id: vid });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors[0].path).toBe("v");
  });

  it("answers 400 naming lang for an unknown language", async () => {
    const res = await call(ownerRoute.loader, `/scenarios/${id}/report.pdf?lang=fr`, { id });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ path: "lang", message: "must be zh or en" }] });
  });

  it("answers 404 for unknown or malformed ids", async () => {
    for (const bad of ["zzzzzzzzzzzz", "../../etc/passwd", ""]) {
      const res = await call(ownerRoute.loader, `/scenarios/x/report.pdf`, { id: bad });
      expect(res.status, bad).toBe(404);
    }
  });
});

describe("GET /share/:token/report.pdf", () => {
  it("serves the PDF to a live share link without the scenario id in the file name", async () => {
    const res = await call(shareRoute.loader, `/share/${token}/report.pdf?lang=zh`, { token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).not.toContain(id);
  });

  it("answers 404 once the link is revoked, and for made-up tokens", async () => {
    expect(await revokeShareLink({ id, token })).toBe(true);
    expect((await call(shareRoute.loader, `/share/${token}/report.pdf`, { token })).status).toBe(404);
    expect((await call(shareRoute.loader, `/share/x/report.pdf`, { token: "not-a-real-token-at-all" })).status).toBe(404);
  });
});

describe("chart images (the page without JavaScript)", () => {
  it("draws a chart of the version as a PNG for the owner and for a live share link; unknown charts are 404", async () => {
    const png = await call(ownerChart.loader, `/scenarios/${id}/charts/cashflow.png?v=1&lang=zh`, { id, file: "cashflow.png" });
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(bytes.length).toBeGreaterThan(5_000);
    for (const file of ["matrix.png", "cashflow.jpg", "../x.png", ""])
      expect((await call(ownerChart.loader, `/scenarios/${id}/charts/x`, { id, file })).status, file).toBe(404);
    const link = await createShareLink({ id });
    const shared = await call(shareChart.loader, `/share/${link!.token}/charts/gantt.png`, { token: link!.token, file: "gantt.png" });
    expect(shared.headers.get("content-type")).toBe("image/png");
    await revokeShareLink({ id, token: link!.token });
    expect(
      (await call(shareChart.loader, `/share/${link!.token}/charts/gantt.png`, { token: link!.token, file: "gantt.png" })).status,
    ).toBe(404);
  });
});

describe("Content-Disposition", () => {
  it("keeps hostile titles out of the ASCII name and encodes the UTF-8 one", () => {
    const cd = contentDisposition({ id: "abc", title: '../../etc/"passwd"\r\nX-Evil: 1 <b>', locale: "zh" });
    expect(cd.startsWith("attachment; filename=\"tierwise-abc-zh.pdf\"; filename*=UTF-8''")).toBe(true);
    // Nothing that could end the header or the parameter, and no path separators once decoded.
    expect(cd).not.toMatch(/[\r\n]/);
    const name = decodeURIComponent(cd.split("UTF-8''")[1]);
    expect(name).not.toMatch(/[/\\"\r\n]/);
    expect(name.endsWith("-zh.pdf")).toBe(true);
    expect(cd.split("UTF-8''")[1]).toMatch(/^[A-Za-z0-9%._~-]+$/);
  });
});

describe("tierwise plan --format pdf", () => {
  const io = (stdin = "") => {
    const out: string[] = [];
    const err: string[] = [];
    const stream = new PassThrough();
    stream.end(stdin);
    const cliIo: CliIo = {
      stdin: stream,
      stdout: (s) => void out.push(String(s)),
      stderr: (s) => void err.push(s),
      env: {} as NodeJS.ProcessEnv,
    };
    return { io: cliIo, out, err };
  };

  it("writes one PDF per scenario of a batch, numbered in input order", async () => {
    const file = join(dir, "batch.json");
    writeFileSync(file, JSON.stringify([ART_STUDIO_ZH, SUPPORT_EN]));
    const target = join(dir, "out", "memo.pdf");
    const { io: cliIo, out, err } = io();
    const code = await runCli(["plan", file, "--format", "pdf", "--out", target, "--no-llm"], cliIo);
    expect(code).toBe(0);
    expect(out.join("")).toBe("");
    const written = pdfPaths(target, 2);
    expect(written).toEqual([join(dir, "out", "memo-1.pdf"), join(dir, "out", "memo-2.pdf")]);
    expect(err.join("")).toBe(written.map((w) => `wrote ${w}\n`).join(""));
    expect(pdfInfo(written[0]).Title).toBe(ART_STUDIO_ZH.title);
    expect(pdfInfo(written[1]).Title).toBe(SUPPORT_EN.title);
    expect(readFileSync(written[1]).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("honours --lang for a single scenario and writes exactly FILE", async () => {
    const target = join(dir, "single.pdf");
    const { io: cliIo } = io(JSON.stringify(ART_STUDIO_ZH));
    expect(await runCli(["plan", "-", "--format", "pdf", "--out", target, "--lang", "en", "--no-llm"], cliIo)).toBe(0);
    expect(existsSync(target)).toBe(true);
    expect(pdfText(target, 1, 1)).toContain("The ask");
  });
});
