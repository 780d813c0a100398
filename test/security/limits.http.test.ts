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
