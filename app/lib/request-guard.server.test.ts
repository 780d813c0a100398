import { describe, expect, it } from "vitest";
import { parseEnv } from "~/env.server";
import { createAppHandler } from "~/lib/app-handler.server";
import { BODY_LIMIT_BYTES, countJsonValues, errorResponse, MAX_ERRORS, readJsonBody } from "~/lib/http.server";
import { guardRequest } from "~/lib/request-guard.server";

const BASE = "http://127.0.0.1:3000";
const off = parseEnv({ PORT: "3000" });
const password = parseEnv({ TIERWISE_AUTH: "password", HOST: "0.0.0.0", PUBLIC_URL: "https://tw.example.com" });

const post = (path: string, init: { headers?: Record<string, string>; body?: BodyInit | null } = {}, base = BASE) =>
  new Request(base + path, { method: "POST", headers: init.headers, body: init.body, duplex: "half" } as RequestInit);
const form = { "content-type": "application/x-www-form-urlencoded" };
const json = { "content-type": "application/json" };

/** A body that arrives in chunks without a Content-Length, as a chunked upload does. */
function chunked(bytes: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(c) {
      if (sent >= bytes) return c.close();
      const n = Math.min(chunk, bytes - sent);
      sent += n;
      c.enqueue(new Uint8Array(n).fill(0x20));
    },
  });
}

async function status(request: Request, env = off) {
  const r = await guardRequest(request, env);
  return r.ok ? "ok" : r.response.status;
}

describe("the request guard", () => {
  it("refuses writes from another site (Origin or Sec-Fetch-Site) with 403, and lets scripts without those headers through", async () => {
    expect(await status(post("/scenarios/new", { headers: { ...form, origin: "http://evil.example" }, body: "description=x" }))).toBe(403);
    expect(await status(post("/api/scenarios", { headers: { ...json, origin: "null" }, body: "{}" }))).toBe(403);
    expect(await status(post("/api/scenarios", { headers: { ...json, "sec-fetch-site": "cross-site" }, body: "{}" }))).toBe(403);
    expect(await status(post("/api/scenarios", { headers: { ...json, "sec-fetch-site": "same-site" }, body: "{}" }))).toBe(403);
    expect(await status(new Request(`${BASE}/api/shares/abc`, { method: "DELETE", headers: { origin: "http://localhost:9999" } }))).toBe(
      403,
    );
    // Same origin, or none at all (curl, scripts, the contract checker).
    expect(
      await status(post("/scenarios/new", { headers: { ...form, origin: BASE, "sec-fetch-site": "same-origin" }, body: "description=x" })),
    ).toBe("ok");
    expect(await status(post("/api/scenarios", { headers: json, body: "{}" }))).toBe("ok");
    expect(await status(new Request(`${BASE}/api/shares/abc`, { method: "DELETE" }))).toBe("ok");
    // Reads are never refused for their origin.
    expect(await status(new Request(`${BASE}/`, { headers: { origin: "http://evil.example", "sec-fetch-site": "cross-site" } }))).toBe(
      "ok",
    );
  });

  it("takes PUBLIC_URL's origin as this site behind a proxy that rewrites Host", async () => {
    const viaProxy = (origin: string) =>
      post("/scenarios/new", { headers: { ...form, origin }, body: "description=x" }, "http://127.0.0.1:3000");
    expect(await status(viaProxy("https://tw.example.com"), password)).toBe("ok");
    expect(await status(viaProxy("https://tw.example.com.evil.example"), password)).toBe(403);
  });

  it("answers only to loopback names while accounts are off (DNS rebinding), and to any name with accounts on", async () => {
    expect(await status(new Request("http://rebind.evil.example:3000/api/scenarios"))).toBe(403);
    expect(await status(new Request("http://localhost:3000/"))).toBe("ok");
    expect(await status(new Request("http://[::1]:3000/"))).toBe("ok");
    expect(await status(new Request("http://tw.internal:3000/"), password)).toBe("ok");
  });

  it("refuses a body over the limit with 413 naming it, whether Content-Length says so or a chunked body grows past it", async () => {
    const declared = await guardRequest(
      post("/api/plan", { headers: { ...json, "content-length": String(100 * 2 ** 20) }, body: "{}" }),
      off,
    );
    expect(!declared.ok && declared.response.status).toBe(413);
    const streamed = await guardRequest(post("/api/plan", { headers: json, body: chunked(BODY_LIMIT_BYTES + 1) }), off);
    expect(!streamed.ok && streamed.response.status).toBe(413);
    expect(!streamed.ok && (await streamed.response.json())).toEqual({
      errors: [{ path: "(root)", message: "the body is larger than the limit of 262,144 bytes (256 KiB)" }],
    });
    const page = await guardRequest(post("/scenarios/new", { headers: form, body: chunked(BODY_LIMIT_BYTES + 1) }), off);
    expect(!page.ok && page.response.status).toBe(413);
    expect(!page.ok && (await page.response.text())).toMatch(/262,144 bytes/);
    // At the limit: passes, and the route reads the same bytes.
    const exact = await guardRequest(post("/api/plan", { headers: json, body: chunked(BODY_LIMIT_BYTES) }), off);
    expect(exact.ok && (await exact.request.arrayBuffer()).byteLength).toBe(BODY_LIMIT_BYTES);
  });

  it("gives form actions form bodies only: 415 for JSON, XML or none, 400 for a broken multipart body, never a 500", async () => {
    for (const type of ["application/json", "text/xml", "text/plain", ""]) {
      expect(await status(post("/scenarios/new", { headers: type ? { "content-type": type } : {}, body: "{}" }))).toBe(415);
    }
    expect(
      await status(post("/scenarios/new", { headers: { "content-type": "multipart/form-data; boundary=xyz" }, body: "--xyz\r\nbroken" })),
    ).toBe(400);
    const fd = new FormData();
    fd.append("description", "ok");
    expect(await status(post("/scenarios/new", { body: fd }))).toBe("ok");
  });

  it("reads a form post without a body as an empty form (found by the fuzz test: it was a 500), and refuses one naming another type", async () => {
    for (const type of ["text/plain", "application/json"])
      expect(await status(post("/scenarios/new", { headers: { "content-type": type, "content-length": "0" } }))).toBe(415);
    for (const headers of [
      {},
      { "content-type": "multipart/form-data; boundary=x" },
      { "content-type": "application/x-www-form-urlencoded" },
    ] as Record<string, string>[]) {
      const r = await guardRequest(post("/scenarios/new", { headers }), off);
      if (!r.ok) throw new Error(`refused ${JSON.stringify(headers)}`);
      expect([...(await r.request.formData()).keys()]).toEqual([]);
    }
  });
});

describe("reading JSON", () => {
  it("accepts only application/json (a cross-site page cannot send it without asking): 415 otherwise", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      const r = await readJsonBody(
        new Request(BASE, { method: "POST", headers: type ? { "content-type": type } : {}, body: '{"description":"x"}' }),
      );
      expect(!r.ok && r.status).toBe(415);
    }
    const ok = await readJsonBody(
      new Request(BASE, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8" },
        body: '\uFEFF{"description":"x"}',
      }),
    );
    expect(ok).toEqual({ ok: true, value: { description: "x" } });
  });

  it("counts values before validation runs: 250,000 keys are one error, not 250,000", async () => {
    const big = JSON.stringify({
      description: "x",
      assumptions: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 1])),
    });
    const r = await readJsonBody(new Request(BASE, { method: "POST", headers: json, body: big }));
    expect(!r.ok && r.errors).toEqual([
      { path: "(root)", message: "holds more than 5,000 values; a scenario needs a few hundred at most" },
    ]);
    // Deep nesting is counted without recursion.
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(countJsonValues(deep)).toBeGreaterThan(5_000);
  });

  it("caps an error list at MAX_ERRORS and says how many more there were", async () => {
    const errors = Array.from({ length: 1000 }, (_, i) => ({ path: `k${i}`, message: "is not a known field" }));
    const body = (await errorResponse(errors).json()) as { errors: unknown[] };
    expect(body.errors).toHaveLength(MAX_ERRORS + 1);
    expect(body.errors.at(-1)).toEqual({ path: "(root)", message: "and 950 more problems not listed" });
  });
});

describe("the app handler", () => {
  const handle = async (request: Request, context?: { cspNonce?: string }) =>
    new Response(`<html><script nonce="${context?.cspNonce}"></script></html>`, {
      headers: { "content-type": "text/html; charset=utf-8" },
      status: request.method === "POST" ? 201 : 200,
    });
  const app = createAppHandler({ handle, env: off });

  it("sets the security headers on pages, with a fresh nonce the page's scripts carry", async () => {
    const a = await app(new Request(`${BASE}/`));
    const b = await app(new Request(`${BASE}/`));
    const csp = a.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(await a.text()).toContain(`nonce="${nonce}"`);
    expect(b.headers.get("content-security-policy")).not.toContain(nonce);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(Object.fromEntries(["x-content-type-options", "x-frame-options", "referrer-policy"].map((k) => [k, a.headers.get(k)]))).toEqual({
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "same-origin",
    });
    expect(a.headers.get("strict-transport-security")).toBeNull();
  });

  it("refuses before the route runs, and still sets the headers on the refusal", async () => {
    const r = await app(post("/api/scenarios", { headers: { "content-type": "text/plain", origin: "http://evil.example" }, body: "{}" }));
    expect(r.status).toBe(403);
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
  });

  it("tells browsers to keep HTTPS when PUBLIC_URL is https", async () => {
    const r = await createAppHandler({ handle, env: password })(new Request("https://tw.example.com/"));
    expect(r.headers.get("strict-transport-security")).toBe("max-age=31536000");
  });
});
