// Hostile pages in real Chromium against a built server: another origin's forms, text/plain posts and frames; the
// open-redirect trick; and the CSP the app sends, which every page must pass without one violation.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, skipReason } from "../e2e/browser";
import { startBuiltServer, type BuiltServer } from "../support/built-server";

let browser: Browser;
let app: BuiltServer;
let attacker: Server;
let attackerUrl: string;
const attackerPages = new Map<string, string>();

beforeAll(async () => {
  if (skipReason) return;
  app = await startBuiltServer();
  attacker = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(attackerPages.get(req.url ?? "") ?? "<!doctype html><title>nothing</title>");
  });
  await new Promise<void>((ok) => attacker.listen(0, "127.0.0.1", ok));
  // localhost is another site than 127.0.0.1 for the browser: a real cross-origin attacker.
  attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}`;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => attacker?.close(ok));
  await app?.stop();
});

async function api<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const r = await fetch(app.url + path, init);
  return { status: r.status, body: (await r.json().catch(() => null)) as T };
}

async function createScenario(description: string): Promise<string> {
  const r = await api<{ id: string }>("/api/scenarios", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ description, locale: "en" }),
  });
  expect(r.status).toBe(201);
  return r.body.id;
}

const autoSubmit = (action: string, fields: Record<string, string>, enctype = "application/x-www-form-urlencoded") =>
  `<!doctype html><form id=f method=post action="${action}" enctype="${enctype}">${Object.entries(fields)
    .map(([k, v]) => `<input type=hidden name='${k}' value='${v}'>`)
    .join("")}</form><script>document.getElementById('f').submit()</script>`;

/** Opens an attacker page and returns the status of every response from the app it caused. */
async function visitAttacker(context: BrowserContext, path: string): Promise<number[]> {
  const page = await context.newPage();
  const statuses: number[] = [];
  page.on("response", (r) => {
    if (r.url().startsWith(app.url)) statuses.push(r.status());
  });
  await page.goto(attackerUrl + path, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  await page.close();
  return statuses;
}

describe.skipIf(Boolean(skipReason))("another origin, in Chromium", () => {
  it("cannot create, edit, share or change a scenario through forms or a text/plain post: 403 each, nothing written", async () => {
    const id = await createScenario("Classify support tickets into 12 queues for the help desk; agents review each one.");
    const before = await api<{ latestVersion: number; input: { assumptions?: Record<string, number> } }>(`/api/scenarios/${id}`);
    const countBefore = (await api<{ scenarios: unknown[] }>("/api/scenarios")).body.scenarios.length;
    attackerPages.set("/create", autoSubmit(`${app.url}/scenarios/new`, { description: "planted by another site", aiAssist: "off" }));
    attackerPages.set("/edit", autoSubmit(`${app.url}/scenarios/${id}/edit`, { description: "edited by another site", aiAssist: "off" }));
    attackerPages.set("/share", autoSubmit(`${app.url}/scenarios/${id}`, { intent: "share-create" }));
    attackerPages.set("/assume", autoSubmit(`${app.url}/scenarios/${id}`, { intent: "assumptions", "a:finance.discountRate": "0.42" }));
    attackerPages.set(
      "/api",
      autoSubmit(`${app.url}/api/scenarios`, { '{"description":"planted through text/plain","title":"': '"}' }, "text/plain"),
    );
    const context = await browser.newContext();
    const seen: Record<string, number[]> = {};
    for (const path of ["/create", "/edit", "/share", "/assume", "/api"]) seen[path] = await visitAttacker(context, path);
    await context.close();
    expect(seen).toEqual({ "/create": [403], "/edit": [403], "/share": [403], "/assume": [403], "/api": [403] });
    expect((await api<{ scenarios: unknown[] }>("/api/scenarios")).body.scenarios.length).toBe(countBefore);
    const after = await api<{ latestVersion: number; input: { assumptions?: Record<string, number> } }>(`/api/scenarios/${id}`);
    expect(after.body.latestVersion).toBe(before.body.latestVersion);
    expect(after.body.input.assumptions?.["finance.discountRate"]).toBeUndefined();
  });

  it("cannot frame the plan page (frame-ancestors 'none')", async () => {
    const id = await createScenario("Draft replies to customer emails from order data; agents approve every reply.");
    attackerPages.set("/frame", `<!doctype html><iframe id=f src="${app.url}/scenarios/${id}" width=800 height=600></iframe>`);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${attackerUrl}/frame`, { waitUntil: "load" });
    await page.waitForTimeout(500);
    const framed = page.frames().find((f) => f.url().startsWith(app.url));
    // Chromium blocks the document: the frame has no plan page in it.
    const planInside = framed
      ? await framed
          .locator('[data-testid="plan-page"]')
          .count()
          .catch(() => 0)
      : 0;
    expect(planInside).toBe(0);
    await context.close();
  });

  it("stays on the site through /lang whatever `to` says", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const to of ["/%09/localhost:1/landed", "//localhost:1/x", "/%5C/localhost:1", "https://localhost:1/"]) {
      await page.goto(`${app.url}/lang?lang=en&to=${to}`, { waitUntil: "load" });
      expect(new URL(page.url()).origin).toBe(app.url);
    }
    await context.close();
  });
});

describe.skipIf(Boolean(skipReason))("the Content-Security-Policy", () => {
  /** Every page of a normal visit, in both languages, with JavaScript; violations are collected as they happen. */
  async function violationsOf(page: Page, path: string): Promise<string[]> {
    await page.goto(app.url + path, { waitUntil: "load" });
    await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
    await page.waitForLoadState("networkidle");
    return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  }

  it("is passed by every page, hydrated and drawing its charts, with no violation", async () => {
    const id = await createScenario("面向 C 端用户的写作助手，每月 5000 名活跃用户，按月订阅收费，生成营销文案。");
    const other = await createScenario("Text-to-SQL for 40 analysts over our sales warehouse; answers checked by the data team.");
    const share = await api<{ token?: string }>(`/api/scenarios/${id}/shares`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const store: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = store;
      document.addEventListener("securitypolicyviolation", (e) =>
        store.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    const page = await context.newPage();
    const consoleCsp: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) consoleCsp.push(m.text());
    });
    const found: Record<string, string[]> = {};
    const pages = [
      "/",
      "/scenarios/new",
      `/scenarios/${id}`,
      `/scenarios/${id}/edit`,
      `/compare?ids=${id}&ids=${other}`,
      "/settings",
      `/scenarios/${id}?lang=zh`,
    ];
    if (share.status === 201 && share.body.token) pages.push(`/share/${share.body.token}`);
    for (const path of pages) {
      const v = await violationsOf(page, path);
      if (v.length) found[path] = v;
    }
    // A client-side navigation and a form submission after hydration.
    await page.goto(`${app.url}/scenarios/new`);
    await page.waitForLoadState("networkidle");
    await page.locator("[data-template]").first().click();
    await page.waitForURL(/template=/);
    await page.getByTestId("submit-scenario").click();
    await page.waitForURL(/\/scenarios\/[a-z0-9]{12}$/);
    await page.waitForLoadState("networkidle");
    const afterSubmit = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    if (afterSubmit.length) found["after submit"] = afterSubmit;
    await context.close();
    expect(found).toEqual({});
    expect(consoleCsp).toEqual([]);
  });
});
