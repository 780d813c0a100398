// Accounts on (TIERWISE_AUTH=password), in real headless Chromium against the built server: the first owner made with
// the admin command line, then the sign-in and invitation pages as people use them, in English and Chinese. A wrong
// password keeps the email, marks the fields and takes the focus to the error; a throttled try says when to retry (and
// sends Retry-After); an invitation link sets a password and lands in the workspace with its role; a viewer sees no
// edit controls; "sign out everywhere" ends another browser's session; the password field can be shown and pasted
// into; axe finds no serious or critical problem on these pages; the CSP is never violated.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../bin/cli";
import { launch, skipReason } from "../e2e/browser";
import { describeViolations, hydrated, seriousViolations } from "../e2e/pages";
import { startBuiltServer, type BuiltServer } from "../support/built-server";

const dir = mkdtempSync(join(tmpdir(), "tierwise-accounts-browser-"));
const DATABASE_PATH = join(dir, "accounts.sqlite");
const OWNER = "owner@acme.example";
const OWNER_PASSWORD = "the owner's own long passphrase";
const WORKSPACE = "Acme 咨询";
const VIEWER = "viewer@acme.example";
const VIEWER_PASSWORD = "我的查看者密码是一整句话，足够长";

let app: BuiltServer;
let browser: Browser;
let scenarioId = "";
const contexts: BrowserContext[] = [];
/** CSP violations and page errors, from every context: each test ends with none. */
const problems: string[] = [];

async function admin(args: string[], stdin = ""): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(["admin", ...args], {
    stdin: Readable.from([stdin]),
    stdout: (s) => void (out += String(s)),
    stderr: (s) => void (err += s),
    env: { DATABASE_PATH } as unknown as NodeJS.ProcessEnv,
  });
  return { code, out, err };
}

/** A person's browser: its own cookies, a language, CSP violations and page errors recorded. */
async function person(locale: "en-US" | "zh-CN", javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({
    locale,
    javaScriptEnabled,
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1280, height: 900 },
  });
  contexts.push(context);
  if (javaScriptEnabled)
    await context.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      ),
    );
  const page = await context.newPage();
  page.on("console", (m) => {
    if (/Content Security Policy|CSP violation/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
  return page;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${app.url}/login`);
  await hydratedLogin(page);
  await page.locator("#login-email").fill(email);
  await page.locator("#login-password").fill(password);
  await Promise.all([page.waitForURL((u) => u.pathname !== "/login"), page.getByTestId("login-submit").click()]);
}

/** The login page has no time-zone round trip to wait for (no root account yet): hydrated is enough. */
async function hydratedLogin(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
  await page.waitForLoadState("networkidle");
}

async function noSeriousA11yProblems(page: Page, where: string): Promise<void> {
  const found = await seriousViolations(page);
  expect(found, `${where}:\n${describeViolations(found)}`).toEqual([]);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

beforeAll(async () => {
  if (skipReason) return;
  // The first owner, the way a fresh install is set up by a script.
  const made = await admin(["create-user", "--email", OWNER, "--workspace", WORKSPACE, "--role", "owner"], OWNER_PASSWORD);
  expect(made, made.err).toMatchObject({ code: 0 });
  const token = JSON.parse((await admin(["create-token", "--email", OWNER])).out) as { token: string };
  app = await startBuiltServer({ databasePath: DATABASE_PATH, env: { TIERWISE_AUTH: "password" } });
  const r = await fetch(`${app.url}/api/scenarios`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token.token}` },
    body: JSON.stringify({ description: "为客服团队自动分类工单，每天约 800 张，坐席复核每一条。", locale: "zh" }),
  });
  expect(r.status).toBe(201);
  scenarioId = ((await r.json()) as { id: string }).id;
  browser = await launch();
}, 600_000);

afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
  const seen = problems.splice(0);
  expect(seen).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(Boolean(skipReason))("signing in, in Chromium", () => {
  it.each([
    ["en-US", /The email or the password is wrong/, "Sign in"],
    ["zh-CN", /邮箱或密码不正确/, "登录"],
  ] as const)(
    "%s: a wrong password keeps the email, marks both fields, takes the focus to the error; then signs in",
    async (locale, failed, title) => {
      const page = await person(locale);
      await page.goto(`${app.url}/scenarios/${scenarioId}`);
      // Not signed in: sent to the sign-in page, which remembers where the person was going.
      expect(new URL(page.url()).pathname).toBe("/login");
      await hydratedLogin(page);
      expect(await page.locator("h1").textContent()).toBe(title);
      await noSeriousA11yProblems(page, `login ${locale}`);
      await page.locator("#login-email").fill(OWNER);
      await page.locator("#login-password").fill("not the right password at all");
      const answer = page.waitForResponse((r) => r.request().method() === "POST" && /^\/login(\.data)?$/.test(new URL(r.url()).pathname));
      await page.getByTestId("login-submit").click();
      expect((await answer).status()).toBe(401);
      const error = page.getByTestId("login-error");
      await error.waitFor();
      expect(await error.textContent()).toMatch(failed);
      expect(await error.getAttribute("role")).toBe("alert");
      await expect.poll(() => focusedId(page)).toBe("login-error");
      expect(await page.locator("#login-email").inputValue()).toBe(OWNER);
      expect(await page.locator("#login-password").inputValue()).toBe("");
      for (const field of ["#login-email", "#login-password"]) {
        expect(await page.locator(field).getAttribute("aria-invalid")).toBe("true");
        expect(await page.locator(field).getAttribute("aria-describedby")).toBe("login-error");
      }
      await noSeriousA11yProblems(page, `login ${locale} after a wrong password`);
      // The right password: on to the page the person asked for, in their workspace.
      await page.locator("#login-password").fill(OWNER_PASSWORD);
      await Promise.all([page.waitForURL(`${app.url}/scenarios/${scenarioId}`), page.getByTestId("login-submit").click()]);
      await hydrated(page);
      expect(await page.locator(`nav a[href="/workspace"]`).getAttribute("title")).toBe(WORKSPACE);
    },
  );

  it("says when to try again once an account is throttled (429 + Retry-After), with and without JavaScript", async () => {
    const guessed = "guessed@acme.example";
    // Ten wrong tries from a script use up the account's allowance (10 per 15 minutes)…
    for (let i = 0; i < 10; i++) {
      const r = await fetch(`${app.url}/login`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: guessed, password: `guess number ${i} of many`, next: "/" }),
        redirect: "manual",
      });
      expect(r.status).toBe(401);
    }
    // …so the next try in a browser is refused before the password is checked, and the page says for how long.
    for (const [locale, js, says] of [
      ["en-US", true, /Too many attempts\. Try again in (\d+) min\./],
      ["zh-CN", false, /尝试次数过多，请 (\d+) 分钟后再试。/],
    ] as const) {
      const page = await person(locale, js);
      await page.goto(`${app.url}/login`);
      if (js) await hydratedLogin(page);
      await page.locator("#login-email").fill(guessed);
      await page.locator("#login-password").fill("one more guess, still wrong");
      const answer = page.waitForResponse((r) => r.request().method() === "POST" && /^\/login(\.data)?$/.test(new URL(r.url()).pathname));
      await page.getByTestId("login-submit").click();
      const response = await answer;
      expect([locale, response.status()]).toEqual([locale, 429]);
      const wait = Number(await response.headerValue("retry-after"));
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(15 * 60);
      const text = (await page.getByTestId("login-error").textContent()) ?? "";
      expect(text).toMatch(says);
      expect(Number(says.exec(text)?.[1])).toBe(Math.ceil(wait / 60));
      expect(await page.locator("#login-email").inputValue()).toBe(guessed);
      if (js) await expect.poll(() => focusedId(page)).toBe("login-error");
      if (js) await noSeriousA11yProblems(page, `login ${locale} throttled`);
    }
    // Another person is not held up by it.
    const other = await person("en-US");
    await signIn(other, OWNER, OWNER_PASSWORD);
    expect(new URL(other.url()).pathname).toBe("/");
  });

  it("shows the password on request and accepts a pasted one; the page gives no second place for it (no autocomplete off)", async () => {
    const page = await person("zh-CN");
    await page.goto(`${app.url}/login`);
    await hydratedLogin(page);
    const field = page.locator("#login-password");
    const show = page.getByTestId("login-password-show");
    expect(await show.textContent()).toBe("显示密码");
    await field.fill("粘贴进来的密码 pasted secret");
    expect(await field.getAttribute("type")).toBe("password");
    await show.click();
    expect(await field.getAttribute("type")).toBe("text");
    expect(await show.getAttribute("aria-pressed")).toBe("true");
    expect(await field.inputValue()).toBe("粘贴进来的密码 pasted secret");
    await show.click();
    expect(await field.getAttribute("type")).toBe("password");
    expect(await show.getAttribute("aria-pressed")).toBe("false");
    // Paste is not blocked: a paste event reaches the field and nothing cancels it.
    const cancelled = await page.evaluate(() => {
      const input = document.getElementById("login-password") as HTMLInputElement;
      const data = new DataTransfer();
      data.setData("text/plain", "from the password manager");
      const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
      return !input.dispatchEvent(event);
    });
    expect(cancelled).toBe(false);
    expect(await field.getAttribute("autocomplete")).toBe("current-password");
  });
});

describe.skipIf(Boolean(skipReason))("an invitation, in Chromium", () => {
  it("opens, refuses a common password naming why, sets a good one and lands in the workspace as a viewer without edit controls", async () => {
    // The owner invites a viewer from the workspace page.
    const owner = await person("en-US");
    await signIn(owner, OWNER, OWNER_PASSWORD);
    await owner.goto(`${app.url}/workspace`);
    await hydrated(owner);
    await owner.locator("#invite-email").fill(VIEWER);
    await owner.locator("#invite-role").selectOption("viewer");
    await owner.getByTestId("invite-submit").click();
    const link = (await owner.getByTestId("invite-url").textContent()) ?? "";
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
    const path = new URL(link).pathname;

    // Opening it (read-only) in English: the page is accessible and says who is invited where, as what.
    const reader = await person("en-US");
    await reader.goto(app.url + path);
    await hydratedLogin(reader);
    expect(await reader.getByTestId("invite").textContent()).toContain(`${VIEWER} is invited to the workspace ${WORKSPACE} as viewer.`);
    await noSeriousA11yProblems(reader, "invite en");

    // The invited person, in Chinese.
    const viewer = await person("zh-CN");
    await viewer.goto(app.url + path);
    await hydratedLogin(viewer);
    expect(await viewer.locator("h1").textContent()).toBe(`加入 ${WORKSPACE}`);
    await noSeriousA11yProblems(viewer, "invite zh");
    // Without JavaScript the page states the server's rules under the field (what a browser without it shows).
    const plain = await (await fetch(app.url + path, { headers: { "accept-language": "zh-CN" } })).text();
    expect(plain).toContain("12 到 128 个字符；最常见的密码及由其改写的密码不可使用。");
    expect(plain).not.toContain("<meter");
    // With it, the strength meter gives the server's verdict as the person types (ASVS 2.1.8), read out politely.
    const meter = viewer.getByTestId("invite-password-strength");
    expect(await viewer.locator("#invite-password-strength").getAttribute("aria-live")).toBe("polite");
    expect(await viewer.locator("#invite-password").getAttribute("aria-describedby")).toBe("invite-password-strength");
    await viewer.locator("#invite-password").fill("short");
    await expect.poll(() => meter.textContent()).toBe("密码至少需要 12 个字符。");
    // A password from the breached list, dressed up with digits: the meter says so before the server does.
    await viewer.locator("#invite-password").fill("Sunshine2024!!");
    await expect.poll(() => meter.textContent()).toMatch(/过于常见/);
    expect(await meter.getAttribute("data-level")).toBe("refused");
    expect(await viewer.locator("[data-testid=invite-password-strength] meter").getAttribute("value")).toBe("0");
    await viewer.locator("#invite-password").fill(VIEWER_PASSWORD);
    await expect.poll(() => meter.textContent()).toBe("强度：良好。可以使用。");
    expect(await meter.getAttribute("data-level")).toBe("good");
    await noSeriousA11yProblems(viewer, "invite zh with the meter");
    // The server refuses the one the meter refused, saying why, the focus on the reason.
    await viewer.locator("#invite-password").fill("Sunshine2024!!");
    const refused = viewer.waitForResponse((r) => r.request().method() === "POST");
    await viewer.getByTestId("invite-accept").click();
    expect((await refused).status()).toBe(400);
    expect(await viewer.getByTestId("invite-error").textContent()).toMatch(/过于常见/);
    await expect.poll(() => focusedId(viewer)).toBe("invite-error");
    expect(await viewer.locator("#invite-password").getAttribute("aria-invalid")).toBe("true");
    await noSeriousA11yProblems(viewer, "invite zh with an error");
    // A good one: the person lands in the workspace, signed in, as a viewer.
    await viewer.locator("#invite-password").fill(VIEWER_PASSWORD);
    await Promise.all([viewer.waitForURL(`${app.url}/`), viewer.getByTestId("invite-accept").click()]);
    await hydrated(viewer);
    expect(await viewer.locator(`nav a[href="/workspace"]`).getAttribute("title")).toBe(WORKSPACE);
    await viewer.goto(`${app.url}/account`);
    await hydrated(viewer);
    const membership = viewer.locator("[data-testid=account] li", { hasText: WORKSPACE });
    expect(await membership.textContent()).toContain("查看者");
    expect(await membership.textContent()).toContain("当前");
    // The link worked once.
    expect((await fetch(app.url + path)).status).toBe(404);

    // No edit controls for a viewer: no "new", no edit link, no form that writes (signing out aside).
    const writable = (page: Page) =>
      page.evaluate(() =>
        [...document.querySelectorAll("form")]
          .filter((f) => f.method.toLowerCase() === "post" && !new URL(f.action).pathname.startsWith("/logout"))
          .map((f) => f.getAttribute("action") ?? "(this page)"),
      );
    await viewer.goto(`${app.url}/`);
    await hydrated(viewer);
    expect(await viewer.locator("[data-testid=scenario-list] tbody tr").count()).toBe(1);
    expect(await viewer.locator('a[href="/scenarios/new"]').count()).toBe(0);
    expect(await writable(viewer)).toEqual([]);
    await viewer.goto(`${app.url}/scenarios/${scenarioId}`);
    await hydrated(viewer);
    expect(await viewer.locator('[data-testid="plan-page"]').count()).toBe(1);
    expect(await viewer.locator(`a[href="/scenarios/${scenarioId}/edit"]`).count()).toBe(0);
    expect(await writable(viewer)).toEqual([]);
    expect(await viewer.locator("[data-testid=pdf-link]").count()).toBe(1);
    // The owner, on the same page, has them.
    await owner.goto(`${app.url}/scenarios/${scenarioId}`);
    await hydrated(owner);
    expect(await owner.locator(`a[href="/scenarios/${scenarioId}/edit"]`).count()).toBe(1);
    expect((await writable(owner)).length).toBeGreaterThan(0);
    // And the edit page itself answers 403 to the viewer.
    const edit = await viewer.goto(`${app.url}/scenarios/${scenarioId}/edit`);
    expect(edit?.status()).toBe(403);
  });

  it("meters a new password on the account page in English, with the server's verdict, and changes it", async () => {
    const page = await person("en-US");
    await signIn(page, VIEWER, VIEWER_PASSWORD);
    await page.goto(`${app.url}/account`);
    await hydrated(page);
    const meter = page.getByTestId("pw-new-strength");
    expect(await meter.textContent()).toBe("12 to 128 characters; the most common passwords, and ones made from them, are refused.");
    // The current password's field has no meter: only a new one is judged.
    expect(await page.getByTestId("pw-current-strength").count()).toBe(0);
    const cases = [
      ["qwertyuiopasdf", "refused", "That password is one of the most common ones, or made from one: choose another."],
      ["aaaaaaaaaaaab", "fair", "Strength: fair. Accepted; a longer sentence would be stronger."],
      ["violet quarry midnight", "good", "Strength: good. Accepted."],
      ["the viewer's new and longer passphrase", "strong", "Strength: strong. Accepted."],
    ] as const;
    for (const [typed, level, words] of cases) {
      await page.locator("#pw-new").fill(typed);
      await expect.poll(() => meter.textContent()).toBe(words);
      expect(await meter.getAttribute("data-level")).toBe(level);
    }
    await noSeriousA11yProblems(page, "account with the meter");
    // The server agrees: the refused one is refused with the same words, the strong one is taken.
    const change = async (current: string, next: string) => {
      await page.locator("#pw-current").fill(current);
      await page.locator("#pw-new").fill(next);
      const answered = page.waitForResponse((r) => r.request().method() === "POST");
      await page.locator("#pw-new").press("Enter");
      return (await answered).status();
    };
    expect(await change(VIEWER_PASSWORD, "qwertyuiopasdf")).toBe(400);
    await expect.poll(() => page.locator("[role=alert]").textContent()).toBe(cases[0][2]);
    expect(await change(VIEWER_PASSWORD, cases[3][0])).toBe(200);
    await expect
      .poll(() => page.locator("[role=status]").first().textContent())
      .toBe("Password changed. Every other session was signed out.");
    // Back to the password the other tests use.
    expect(await change(cases[3][0], VIEWER_PASSWORD)).toBe(200);
  });

  it("ends the session in another browser when the person signs out everywhere", async () => {
    const laptop = await person("en-US");
    const phone = await person("zh-CN");
    await signIn(laptop, VIEWER, VIEWER_PASSWORD);
    await signIn(phone, VIEWER, VIEWER_PASSWORD);
    await phone.goto(`${app.url}/scenarios/${scenarioId}`);
    expect(new URL(phone.url()).pathname).toBe(`/scenarios/${scenarioId}`);
    // The phone's session cookie, as a script holding it would send it.
    const phoneCookie = (await phone.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const before = await fetch(`${app.url}/scenarios/${scenarioId}`, { headers: { cookie: phoneCookie }, redirect: "manual" });
    expect(before.status).toBe(200);
    await laptop.goto(`${app.url}/account`);
    await hydrated(laptop);
    await Promise.all([laptop.waitForURL((u) => u.pathname === "/login"), laptop.getByTestId("sign-out-everywhere").click()]);
    // The phone's next request finds its session gone: back to the sign-in page, its cookie of no use.
    await phone.reload();
    expect(new URL(phone.url()).pathname).toBe("/login");
    expect(new URL(phone.url()).searchParams.get("next")).toBe(`/scenarios/${scenarioId}`);
    const after = await fetch(`${app.url}/scenarios/${scenarioId}`, { headers: { cookie: phoneCookie }, redirect: "manual" });
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/login/);
  });
});
