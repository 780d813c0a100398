// Seeded, bounded property-based fuzzing of every API and form route through the whole request path (guard, auth,
// route) of the built server: whatever the body, its type or its size, the answer is never a 5xx, an API error is
// `{errors: [{path, message}]}`, and a refused request writes nothing (the scenario count moves only with a 201 or a
// form's redirect to a new scenario). Rate limits off so the property sees the routes, not the 429.
import { existsSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, ROOT, startBuiltServer, type BuiltServer } from "../support/built-server";
import { encode, formType, HOSTILE_TEXT } from "./form-bodies";

const SEED = 20261201;
const RUNS = Number(process.env.TIERWISE_FUZZ_RUNS ?? 60);
const VALID = {
  title: "Support ticket triage",
  description: "Classify incoming support tickets into 10 categories; agents can re-route with one click. We have 3,000 labelled tickets.",
  market: "internal",
  stakes: "low",
  humanReview: "sampled",
};
let app: BuiltServer;
let id = "";

beforeAll(async () => {
  if (!existsSync(join(ROOT, "build/server/index.js"))) buildApp();
  app = await startBuiltServer({ env: { TIERWISE_RATE_LIMITS: "off" } });
  const r = await fetch(`${app.url}/api/scenarios`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(VALID),
  });
  id = ((await r.json()) as { id: string }).id;
}, 600_000);
afterAll(async () => app?.stop());

async function scenarioCount(): Promise<number> {
  const r = await fetch(`${app.url}/api/scenarios?status=active&size=1`);
  const active = ((await r.json()) as { total: number }).total;
  const t = await fetch(`${app.url}/api/scenarios?status=archived&size=1`);
  return active + ((await t.json()) as { total: number }).total;
}

const weird = fc.constantFrom(...HOSTILE_TEXT, "1e400", "12，000", "{", "[]", "null");
const value = fc.oneof(
  weird,
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
);
/** A valid scenario with one to three fields replaced or added, nested paths included. */
const mutated = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        "title",
        "description",
        "locale",
        "market",
        "stakes",
        "humanReview",
        "industry",
        "tasks",
        "assumptions",
        "constraints",
        "business",
        "usage",
        "data",
        "__proto__",
        "extra",
      ),
      value,
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((edits) => JSON.stringify(Object.assign({ ...VALID }, Object.fromEntries(edits))));
const jsonBody = fc.oneof(
  mutated,
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 200 }),
  weird,
  fc.constant("[".repeat(3000) + "]".repeat(3000)),
);
const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "",
  "application/json; charset=latin-9",
);

const API = [
  { name: "/api/plan", path: () => "/api/plan", ok: [200] },
  { name: "/api/scenarios", path: () => "/api/scenarios", ok: [201] },
  { name: "/api/scenarios/:id/versions", path: () => `/api/scenarios/${id}/versions`, ok: [201] },
  { name: "/api/scenarios/:id/shares", path: () => `/api/scenarios/${id}/shares`, ok: [201] },
  { name: "/api/analyse", path: () => "/api/analyse", ok: [200] },
];

describe("fuzzing the API", () => {
  it.each(API.map((r) => [r.name, r] as const))(
    "POST %s: never a 5xx; errors are {errors: [{path, message}]}; a refusal writes nothing",
    async (_name, route) => {
      await fc.assert(
        fc.asyncProperty(
          jsonBody,
          contentType,
          fc.option(
            fc.string({ minLength: 1, maxLength: 20 }).map((k) => k.replace(/[^\x21-\x7e]/g, "k")),
            { nil: undefined },
          ),
          async (body, type, idemKey) => {
            const before = route.path() === "/api/scenarios" ? await scenarioCount() : 0;
            const headers: Record<string, string> = type ? { "content-type": type } : {};
            if (idemKey) headers["idempotency-key"] = `${idemKey}-${Math.random()}`;
            const r = await fetch(app.url + route.path(), { method: "POST", headers, body });
            const text = await r.text();
            expect(r.status, `${route.path()} ${type} ${body.slice(0, 120)} → ${text.slice(0, 200)}`).toBeLessThan(500);
            if (!route.ok.includes(r.status)) {
              const parsed = JSON.parse(text) as { errors: { path: unknown; message: unknown }[] };
              expect(parsed.errors.length).toBeGreaterThan(0);
              expect(parsed.errors.length).toBeLessThanOrEqual(50);
              for (const e of parsed.errors) expect([typeof e.path, typeof e.message]).toEqual(["string", "string"]);
              if (route.path() === "/api/scenarios") expect(await scenarioCount()).toBe(before);
            }
          },
        ),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    },
  );
});

const FORM_FIELDS = [
  "description",
  "title",
  "locale",
  "industry",
  "market",
  "stakes",
  "humanReview",
  "deployment",
  "tasks",
  "data.labeledExamples",
  "usage.users",
  "business.conversionRate",
  "business.currency",
  "assumptionsJson",
  "intent",
  "version",
  "field",
  "value",
  "token",
  "shareVersion",
  "id",
  "back",
  "formToken",
  "tags",
  "aiAssist",
];
const form = fc.array(fc.tuple(fc.constantFrom(...FORM_FIELDS), fc.oneof(weird, fc.string({ maxLength: 40 }))), { maxLength: 8 });

describe("fuzzing the form actions", () => {
  const FORMS = [
    ["/scenarios/new", () => "/scenarios/new"],
    ["/scenarios/:id", () => `/scenarios/${id}`],
    ["/scenarios/:id/edit", () => `/scenarios/${id}/edit`],
    ["/ (list actions)", () => "/?index"],
    ["/compare", () => "/compare"],
  ] as const;
  it.each(FORMS)("POST %s: never a 5xx, and a non-form body is 415 or 400", async (_name, path) => {
    await fc.assert(
      fc.asyncProperty(form, formType, async (pairs, type) => {
        const before = await scenarioCount();
        const { body, headers } = encode(pairs, type);
        const r = await fetch(app.url + path(), { method: "POST", headers, body, redirect: "manual" });
        const text = await r.text();
        expect(r.status, `${path()} ${type} ${JSON.stringify(pairs).slice(0, 160)} → ${text.slice(0, 160)}`).toBeLessThan(500);
        if (type === "text/plain" || type === "application/json") expect([400, 405, 415]).toContain(r.status);
        // Only a new-scenario form that was accepted (a redirect to the new scenario) or a duplicate adds one.
        const added = (await scenarioCount()) - before;
        const made =
          r.status >= 300 &&
          r.status < 400 &&
          /^\/scenarios\/[^/?]+$/.test(r.headers.get("location") ?? "") &&
          !(r.headers.get("location") ?? "").endsWith(id);
        expect(added).toBe(made ? 1 : 0);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });
});

describe("fuzzing the paths", () => {
  // A malformed percent-escape, an over-long or control-laden segment, on every kind of route (pages, API, exports,
  // assets, share links): a client error or a 404, never a 5xx (serve-static's URIError used to become a 500).
  const PREFIXES = ["/", "/api/scenarios/", "/scenarios/", "/scenarios/:id/", "/share/", "/assets/", "/api/shares/", "/lang?to=/"] as const;
  const segment = fc.oneof(
    fc.constantFrom("%ZZ", "%", "%E4%B8", "%C0%AE%C0%AE", "%00", "..%2F..%2Fpackage.json", "%%", "%u2028", "report.pdf%ZZ"),
    fc.stringMatching(/^[A-Za-z0-9%._~-]{1,40}$/),
  );
  it("GET and HEAD of a malformed path: never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PREFIXES), segment, fc.constantFrom("GET", "HEAD"), async (prefix, seg, method) => {
        const path = prefix.replace(":id", id) + seg;
        const r = await fetch(app.url + path, { method, redirect: "manual" });
        const text = await r.text();
        expect(r.status, `${method} ${path} → ${text.slice(0, 120)}`).toBeLessThan(500);
        expect(text).not.toMatch(/\n\s+at [^\n]+\(|node_modules/);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });
});
