// Rate limits and Idempotency-Key over HTTP against the built server, accounts off (the default: the caller is the
// client's address). Limits set low for the test with TIERWISE_RATE_LIMITS.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, ROOT, startBuiltServer, type BuiltServer } from "../support/built-server";

const INPUT = {
  title: "Support ticket triage",
  description: "Classify incoming support tickets into 10 categories; agents can re-route with one click. We have 3,000 labelled tickets.",
  market: "internal",
  stakes: "low",
  humanReview: "sampled",
};
let app: BuiltServer;

beforeAll(async () => {
  if (!existsSync(join(ROOT, "build/server/index.js"))) buildApp();
  app = await startBuiltServer({ env: { TIERWISE_RATE_LIMITS: "plan=4,export=2" } });
}, 600_000);
afterAll(async () => app?.stop());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(app.url + path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

describe("Idempotency-Key", () => {
  it("answers a retried create with the first answer and saves nothing again; a new body with the same key is a 422", async () => {
    const before = ((await (await fetch(`${app.url}/api/scenarios`)).json()) as { total: number }).total;
    const first = await post("/api/scenarios", INPUT, { "idempotency-key": "retry-me-0001" });
    const again = await post("/api/scenarios", INPUT, { "idempotency-key": "retry-me-0001" });
    expect([first.status, again.status]).toEqual([201, 201]);
    const [a, b] = [(await first.json()) as { id: string }, (await again.json()) as { id: string }];
    expect(b.id).toBe(a.id);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(((await (await fetch(`${app.url}/api/scenarios`)).json()) as { total: number }).total).toBe(before + 1);
    const other = await post("/api/scenarios", { ...INPUT, title: "Something else" }, { "idempotency-key": "retry-me-0001" });
    expect(other.status).toBe(422);
    expect(JSON.stringify(await other.json())).toMatch(/Idempotency-Key/);
    const bad = await post("/api/scenarios", INPUT, { "idempotency-key": "x".repeat(300) });
    expect(bad.status).toBe(400);
  });
});

describe("rate limits", () => {
  it("answer 429 with Retry-After and the wait in the message once a caller passes the plan limit; replays are not counted", async () => {
    // The create above counted 1 (its replay did not): 3 plans left in this minute.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post("/api/plan", INPUT)).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    const limited = await post("/api/plan", INPUT);
    expect(limited.status).toBe(429);
    const wait = Number(limited.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(((await limited.json()) as { errors: { message: string }[] }).errors[0].message).toContain(`${wait} s`);
  });

  it("limit exports (PDF, Markdown, JSON) on their own counter", async () => {
    const list = (await (await fetch(`${app.url}/api/scenarios`)).json()) as { scenarios: { id: string }[] };
    const id = list.scenarios[0].id;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${app.url}/scenarios/${id}/export.json`)).status);
    expect(statuses).toEqual([200, 200, 429]);
    // Reading the page is not an export.
    expect((await fetch(`${app.url}/scenarios/${id}`)).status).toBe(200);
  });
});

describe("page forms past the plan limit", () => {
  /** Uses up this caller's plan allowance, then posts the form; tries again if the minute turned over in between. */
  async function limitedFormPost(path: string, form: Record<string, string>): Promise<Response> {
    for (let attempt = 0; attempt < 3; attempt++) {
      for (let i = 0; i < 10 && (await post("/api/plan", INPUT)).status !== 429; i++);
      const r = await fetch(app.url + path, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "accept-language": "zh-CN" },
        body: new URLSearchParams(form),
        redirect: "manual",
      });
      if (r.status === 429) return r;
    }
    throw new Error(`${path} was never limited`);
  }

  it("answer 429 with Retry-After and give the form back with what was typed and the wait (new, edit, assumptions)", async () => {
    // The first test's scenario, through its key: a replay is not counted against the (used up) plan limit.
    const made = await post("/api/scenarios", INPUT, { "idempotency-key": "retry-me-0001" });
    expect(made.status).toBe(201);
    const id = ((await made.json()) as { id: string }).id;
    const typed = "工单分类：把每天约 900 张工单分到 12 个队列，坐席抽查 <b>typed & kept</b>";
    // The new-scenario form lives at an address with its one-time token, as a browser has it.
    const fresh = (await fetch(`${app.url}/scenarios/new`, { redirect: "manual" })).headers.get("location") ?? "";
    const formToken = new URL(fresh, app.url).searchParams.get("form") ?? "";
    expect(formToken).not.toBe("");
    const pages: { path: string; form: Record<string, string>; kept: string }[] = [
      { path: fresh, form: { description: typed, aiAssist: "off", formToken }, kept: "工单分类：把每天约 900 张工单分到 12 个队列" },
      { path: `/scenarios/${id}/edit`, form: { description: typed, aiAssist: "off" }, kept: "工单分类：把每天约 900 张工单分到 12 个队列" },
      { path: `/scenarios/${id}`, form: { intent: "assumptions", version: "1", "a:finance.discountRate": "17.5" }, kept: 'value="17.5"' },
    ];
    for (const { path, form, kept } of pages) {
      const r = await limitedFormPost(path, form);
      const wait = Number(r.headers.get("retry-after"));
      expect([path, wait > 0 && wait <= 60]).toEqual([path, true]);
      const html = await r.text();
      expect(html, path).toContain(`请 ${wait} 秒后再试`);
      expect(html, path).toContain(kept);
      // What was typed comes back escaped, never as markup.
      if (form.description) expect(html).toContain("&lt;b&gt;typed &amp; kept&lt;/b&gt;");
    }
  });
});
