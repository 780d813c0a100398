// Single sign-on in real headless Chromium against the built server and an OpenID provider of our own on 127.0.0.1
// (oidc-provider.ts): the login page's "使用 <name> 登录" / "Sign in with <name>" link, the provider's page and its
// button, back to the app signed in (an invited person, in the invitation's workspace); a stranger gets the page that
// says to ask an owner for an invitation; no CSP violation, no page error, axe finds nothing serious.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createInvite, createUser, ensureWorkspace, setMembership } from "~/models/accounts.server";
import { openDatabase } from "~/models/db.server";
import { launch, skipReason } from "../e2e/browser";
import { describeViolations, seriousViolations } from "../e2e/pages";
import { freePort, startBuiltServer, type BuiltServer } from "../support/built-server";
import { startFakeProvider, type FakeProvider } from "./oidc-provider";

const dir = mkdtempSync(join(tmpdir(), "tierwise-oidc-browser-"));
const DATABASE_PATH = join(dir, "oidc.sqlite");
const WORKSPACE = "Acme 咨询";

let app: BuiltServer;
let provider: FakeProvider;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

async function person(locale: "en-US" | "zh-CN"): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  await context.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  const page = await context.newPage();
  page.on("console", (m) => {
    if (/Content Security Policy|CSP violation/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
  return page;
}

beforeAll(async () => {
  if (skipReason) return;
  provider = await startFakeProvider({ clientSecret: "browser test secret" });
  const db = await openDatabase({ path: DATABASE_PATH });
  const ws = await ensureWorkspace({ db, name: WORKSPACE });
  const owner = (await createUser({ db, email: "owner@acme.example", passwordHash: null }))!;
  await setMembership({ db, workspaceId: ws.id, userId: owner.id, role: "owner" });
  await createInvite({ db, workspaceId: ws.id, email: "invited@acme.example", role: "editor", createdBy: owner.id });
  await db.close();
  const port = await freePort();
  app = await startBuiltServer({
    databasePath: DATABASE_PATH,
    port,
    env: {
      TIERWISE_AUTH: "password",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      TIERWISE_OIDC_ISSUER: provider.issuer,
      TIERWISE_OIDC_CLIENT_ID: provider.clientId,
      TIERWISE_OIDC_CLIENT_SECRET: provider.clientSecret,
      TIERWISE_OIDC_NAME: "Acme SSO",
    },
  });
  browser = await launch();
}, 600_000);

afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
  expect(problems.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await provider?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(Boolean(skipReason))("single sign-on in Chromium", () => {
  it("zh: an invited person clicks 使用 Acme SSO 登录, continues at the provider, lands signed in, in the invitation's workspace; /account names the provider", async () => {
    provider.user = { sub: "browser-invited", email: "invited@acme.example", email_verified: true };
    const page = await person("zh-CN");
    await page.goto(`${app.url}/compare`);
    expect(new URL(page.url()).pathname).toBe("/login");
    const button = page.getByTestId("login-sso");
    expect(await button.textContent()).toBe("使用 Acme SSO 登录");
    const found = await seriousViolations(page);
    expect(found, describeViolations(found)).toEqual([]);
    await Promise.all([page.waitForURL((u) => u.origin === provider.issuer), button.click()]);
    expect(await page.locator("h1").textContent()).toBe("Fake provider");
    await Promise.all([page.waitForURL(`${app.url}/compare`), page.locator("#approve").click()]);
    expect(await page.locator(`nav a[href="/workspace"]`).getAttribute("title")).toBe(WORKSPACE);
    const cookies = await page.context().cookies(app.url);
    expect(cookies.map((c) => c.name).sort()).toContain("tierwise_session");
    expect(cookies.map((c) => c.name)).not.toContain("tierwise_oidc_state");
    expect(cookies.find((c) => c.name === "tierwise_session")).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    // Their account page names the provider and offers no password to change (they have none).
    await page.goto(`${app.url}/account`);
    expect(await page.getByTestId("sso-identities").textContent()).toContain("Acme SSO（invited@acme.example）：关联于");
    expect(await page.getByTestId("sso-only").textContent()).toBe("此账户只通过单点登录登录，没有可修改的密码。");
    expect(await page.locator('input[name="current"]').count()).toBe(0);
    const onAccount = await seriousViolations(page);
    expect(onAccount, describeViolations(onAccount)).toEqual([]);
  });

  it("en: someone with no account and no invitation is told to ask an owner for one, and is not signed in", async () => {
    provider.user = { sub: "browser-stranger", email: "stranger@elsewhere.example", email_verified: true };
    const page = await person("en-US");
    await page.goto(`${app.url}/login`);
    const button = page.getByTestId("login-sso");
    expect(await button.textContent()).toBe("Sign in with Acme SSO");
    await Promise.all([page.waitForURL((u) => u.origin === provider.issuer), button.click()]);
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === "/login/oidc/callback");
    await page.locator("#approve").click();
    expect((await answer).status()).toBe(403);
    const error = page.getByTestId("sso-error");
    await error.waitFor();
    expect(await error.textContent()).toMatch(/Ask an owner of your workspace for an invitation/);
    expect(await error.getAttribute("role")).toBe("alert");
    const found = await seriousViolations(page);
    expect(found, describeViolations(found)).toEqual([]);
    expect((await page.context().cookies(app.url)).map((c) => c.name)).not.toContain("tierwise_session");
    // The way back leads to the sign-in page.
    await Promise.all([page.waitForURL(`${app.url}/login`), page.getByRole("link", { name: "Back to sign-in" }).click()]);
  });
});
