// Single sign-on with OpenID Connect (ADR 0043) against a real provider of our own on 127.0.0.1 (oidc-provider.ts):
// the login page's button, the start route, the provider's page, the callback route, real SQLite, accounts on. The
// routes are called as Remix calls them; the provider is reached over HTTP (discovery, token endpoint, JWKS).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startFakeProvider, type FakeProvider, type Tamper } from "./oidc-provider";

const provider: FakeProvider = await startFakeProvider();
const dir = mkdtempSync(join(tmpdir(), "tierwise-oidc-"));
const BASE = "http://tierwise.test";
const OIDC_ENV = {
  DATABASE_PATH: join(dir, "oidc.sqlite"),
  TIERWISE_AUTH: "password",
  TIERWISE_RATE_LIMITS: "off",
  PUBLIC_URL: BASE,
  TIERWISE_OIDC_ISSUER: provider.issuer,
  TIERWISE_OIDC_CLIENT_ID: provider.clientId,
  TIERWISE_OIDC_CLIENT_SECRET: provider.clientSecret,
  TIERWISE_OIDC_NAME: "Acme SSO",
};
Object.assign(process.env, OIDC_ENV);
delete process.env.OPENAI_API_KEY;
const { resetEnvForTests, readEnv } = await import("~/env.server");
resetEnvForTests();

const loginRoute = await import("~/routes/login");
const startRoute = await import("~/routes/login_.oidc");
const callbackRoute = await import("~/routes/login_.oidc_.callback");
const inviteRoute = await import("~/routes/invite.$token");
const accountRoute = await import("~/routes/account");
const accounts = await import("~/models/accounts.server");
const auth = await import("~/lib/auth.server");
const { getDb } = await import("~/models/db.server");
const { hashPassword } = await import("~/lib/password.server");
const { listWorkspaceAudit } = await import("~/models/audit.server");
const { createScenario } = await import("~/models/scenario.server");
const { parseScenarioInput } = await import("~/domain/scenario");
const { buildPlan } = await import("~/domain/plan");

type AnyArgs = Parameters<typeof callbackRoute.loader>[0];
interface Answer {
  status: number;
  location: string | null;
  cookies: string[];
  body: Record<string, unknown>;
}

/** What a loader or action answered: a redirect, or data with its status and headers (returned or thrown). */
async function run(fn: (a: AnyArgs) => Promise<unknown>, request: Request, clientAddress = "203.0.113.7"): Promise<Answer> {
  let result: unknown;
  try {
    result = await fn({ request, params: {}, context: { clientAddress } } as unknown as AnyArgs);
  } catch (err) {
    if (!(err instanceof Response)) throw err;
    result = err;
  }
  if (result instanceof Response)
    return { status: result.status, location: result.headers.get("location"), cookies: result.headers.getSetCookie(), body: {} };
  const d = result as { type?: string; data: Record<string, unknown>; init: { status?: number; headers?: HeadersInit } | null };
  if (d.type === "DataWithResponseInit")
    return { status: d.init?.status ?? 200, location: null, cookies: new Headers(d.init?.headers).getSetCookie(), body: d.data };
  return { status: 200, location: null, cookies: [], body: result as Record<string, unknown> };
}

const cookiePair = (setCookie: string) => setCookie.split(";")[0];
const sessionTokenOf = (a: Answer) =>
  a.cookies.find((c) => c.startsWith("tierwise_session=") && !c.includes("Max-Age=0"))?.split(/[=;]/)[1];

/** Presses "Sign in with …": the state cookie and the provider's authorization URL. */
async function start(next = "/", lang = "en"): Promise<{ stateCookie: string; authorizeUrl: string }> {
  const a = await run(
    startRoute.loader,
    new Request(`${BASE}/login/oidc?next=${encodeURIComponent(next)}`, { headers: { cookie: `tw_lang=${lang}` } }),
  );
  expect(a.status).toBe(302);
  const stateCookie = a.cookies.find((c) => c.startsWith("tierwise_oidc_state="))!;
  expect(stateCookie).toMatch(/HttpOnly/);
  expect(stateCookie).toMatch(/SameSite=Lax/);
  return { stateCookie: cookiePair(stateCookie), authorizeUrl: a.location! };
}

/** The callback as the browser makes it, with its cookies. */
function callback(url: URL | string, cookie: string, lang = "en"): Promise<Answer> {
  return run(callbackRoute.loader, new Request(url.toString(), { headers: { cookie: `${cookie}; tw_lang=${lang}` } }));
}

/** The whole sign-in: button, provider page, callback. */
async function signInThroughProvider(next = "/", lang = "en"): Promise<Answer> {
  const { stateCookie, authorizeUrl } = await start(next, lang);
  return callback(await provider.approve(authorizeUrl), stateCookie, lang);
}

async function count(table: string): Promise<number> {
  const row = await (await getDb()).get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row!.n);
}
async function counts() {
  return {
    users: await count("users"),
    identities: await count("identities"),
    sessions: await count("sessions"),
    memberships: await count("memberships"),
  };
}

async function scenarioIn(workspaceId: string, description: string): Promise<string> {
  const parsed = parseScenarioInput({ description });
  if (!parsed.ok) throw new Error("fixture");
  return (await createScenario({ input: parsed.value, plan: buildPlan(parsed.value), workspaceId })).id;
}

let acme: { id: string };
let beta: { id: string };
let owner: { id: string };
let betaScenario = "";
const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);

beforeAll(async () => {
  acme = await accounts.ensureWorkspace({ name: "Acme" });
  beta = await accounts.ensureWorkspace({ name: "Beta" });
  owner = (await accounts.createUser({
    email: "owner@example.com",
    passwordHash: await hashPassword("a long enough password for tests"),
  }))!;
  await accounts.setMembership({ workspaceId: acme.id, userId: owner.id, role: "owner" });
  await accounts.setMembership({ workspaceId: beta.id, userId: owner.id, role: "owner" });
  betaScenario = await scenarioIn(beta.id, "Beta's confidential scenario: classify 3,000 labelled support tickets into 10 categories.");
});
afterAll(async () => {
  await provider.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  provider.tamper = null;
  warn.mockClear();
});
afterEach(() => {
  // Nothing secret in the server's log: no code, no ID token, no state.
  for (const [line] of warn.mock.calls) expect(String(line)).not.toMatch(/eyJ|code=|state=/);
});

describe("configuration", () => {
  it("needs issuer and client id together, accounts on and PUBLIC_URL; the issuer https unless on this machine", () => {
    const problems = (env: Record<string, string>) => (readEnv(env).problems as Array<{ path: string }>).map((p) => p.path).sort();
    expect(problems(OIDC_ENV)).toEqual([]);
    expect(problems({ ...OIDC_ENV, TIERWISE_OIDC_CLIENT_ID: "" })).toEqual(["TIERWISE_OIDC_CLIENT_ID"]);
    expect(problems({ TIERWISE_AUTH: "password", PUBLIC_URL: BASE, TIERWISE_OIDC_CLIENT_SECRET: "x" })).toEqual([
      "TIERWISE_OIDC_CLIENT_ID",
      "TIERWISE_OIDC_ISSUER",
    ]);
    expect(problems({ ...OIDC_ENV, TIERWISE_AUTH: "off" })).toEqual(["TIERWISE_AUTH"]);
    expect(problems({ ...OIDC_ENV, PUBLIC_URL: "" })).toEqual(["PUBLIC_URL"]);
    expect(problems({ ...OIDC_ENV, TIERWISE_OIDC_ISSUER: "http://idp.example.com" })).toEqual(["TIERWISE_OIDC_ISSUER"]);
    const env = readEnv({ ...OIDC_ENV, TIERWISE_OIDC_ISSUER: "https://idp.example.com/realms/acme/", TIERWISE_OIDC_NAME: "" }).env!;
    // The redirect URI comes from PUBLIC_URL, never from a request; the label defaults to the issuer's host.
    expect(env.oidc).toEqual({
      issuer: "https://idp.example.com/realms/acme/",
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      name: "idp.example.com",
      redirectUri: `${BASE}/login/oidc/callback`,
    });
    expect(readEnv({ TIERWISE_AUTH: "password" }).env!.oidc).toBeNull();
  });

  it("shows 'Sign in with <name>' on the login page beside the password form, and makes the two paths public", async () => {
    const a = await run(loginRoute.loader, new Request(`${BASE}/login?next=/compare`));
    expect(a.body).toEqual({ next: "/compare", sso: { name: "Acme SSO" } });
    expect(auth.isPublicPath("/login/oidc")).toBe(true);
    expect(auth.isPublicPath("/login/oidc/callback")).toBe(true);
    expect(auth.isPublicPath("/login/oidc/other")).toBe(false);
  });

  it("sends the browser to the provider with PKCE S256, state, nonce and the redirect URI from PUBLIC_URL (not the Host header)", async () => {
    const a = await run(
      startRoute.loader,
      new Request(`${BASE}/login/oidc?next=${encodeURIComponent("https://evil.example/steal")}`, {
        headers: { host: "evil.example", cookie: "tw_lang=zh" },
      }),
    );
    const url = new URL(a.location!);
    expect(url.origin + url.pathname).toBe(`${provider.issuer}/authorize`);
    const q = Object.fromEntries(url.searchParams);
    expect(q).toMatchObject({
      response_type: "code",
      client_id: provider.clientId,
      redirect_uri: `${BASE}/login/oidc/callback`,
      code_challenge_method: "S256",
      ui_locales: "zh-CN",
    });
    expect(q.scope.split(" ")).toContain("openid");
    for (const k of ["state", "nonce", "code_challenge"]) expect(q[k]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The state's value is in the browser's cookie; the database keeps its hash, the nonce and the verifier.
    expect(a.cookies[0]).toContain(`tierwise_oidc_state=${q.state}`);
    const db = await getDb();
    const row = await db.get<{ next_path: string; nonce: string }>("SELECT next_path, nonce FROM oidc_logins WHERE state_hash = ?", [
      accounts.hashSecret(q.state),
    ]);
    // An off-site `next` becomes "/".
    expect(row).toEqual({ next_path: "/", nonce: q.nonce });
    expect(await db.get("SELECT 1 FROM oidc_logins WHERE state_hash = ? OR nonce = ?", [q.state, q.state])).toBeUndefined();
  });
});

describe("first sign-in", () => {
  it("an invited email joins the invitation's workspace with its role, without a password; later sign-ins go by subject", async () => {
    provider.user = { sub: "sub-invited", email: "New.Person@Example.com", email_verified: true };
    await accounts.createInvite({ workspaceId: acme.id, email: "new.person@example.com", role: "editor", createdBy: owner.id });
    const a = await signInThroughProvider("/compare");
    expect([a.status, a.location]).toEqual([302, "/compare"]);
    // The state cookie is cleared; the session cookie is the password sign-in's (HttpOnly, SameSite=Lax).
    expect(a.cookies.some((c) => c.startsWith("tierwise_oidc_state=;") && c.includes("Max-Age=0"))).toBe(true);
    const session = a.cookies.find((c) => c.startsWith("tierwise_session="))!;
    expect(session).toMatch(/HttpOnly; SameSite=Lax/);
    const principal = await accounts.resolveSession({ db: await getDb(), token: sessionTokenOf(a)! });
    expect(principal).toMatchObject({ kind: "session", email: "new.person@example.com", workspaceId: acme.id, role: "editor" });
    const user = await accounts.getUserByEmail({ email: "new.person@example.com" });
    expect(user?.passwordHash).toBeNull();
    const db = await getDb();
    expect(await db.all("SELECT issuer, subject, email FROM identities WHERE user_id = ?", [user!.id])).toEqual([
      { issuer: provider.issuer, subject: "sub-invited", email: "new.person@example.com" },
    ]);
    expect(await db.get("SELECT accepted_at IS NOT NULL AS used FROM invites WHERE email = ?", ["new.person@example.com"])).toEqual({
      used: 1,
    });
    const trail = (await listWorkspaceAudit({ workspaceId: acme.id })).filter((e) => e.actor === "new.person@example.com");
    expect(trail.map((e) => [e.action, e.detail])).toEqual([
      ["signed-in", { method: "sso" }],
      ["joined", { role: "editor" }],
    ]);

    // The provider changes the email: the subject still names the same person.
    provider.user = { sub: "sub-invited", email: "renamed@example.com", email_verified: true };
    const again = await signInThroughProvider();
    expect(again.status).toBe(302);
    expect(await accounts.resolveSession({ db, token: sessionTokenOf(again)! })).toMatchObject({ userId: user!.id });
    expect(await accounts.getUserByEmail({ email: "renamed@example.com" })).toBeNull();
  });

  it("an existing account with the provider's verified email is linked and taken over: password, sessions and API tokens gone, audited", async () => {
    const db = await getDb();
    const before = await accounts.createSession({ userId: owner.id, workspaceId: acme.id });
    const apiToken = await accounts.createApiToken({ userId: owner.id, workspaceId: beta.id, name: "ci" });
    provider.user = { sub: "sub-owner", email: "owner@example.com", email_verified: true };
    const a = await signInThroughProvider();
    expect(a.status).toBe(302);
    const principal = await accounts.resolveSession({ db, token: sessionTokenOf(a)! });
    expect(principal).toMatchObject({ userId: owner.id, role: "owner" });
    expect(await db.get("SELECT user_id FROM identities WHERE subject = ?", ["sub-owner"])).toEqual({ user_id: owner.id });
    // The provider proved the email; whoever set the password may not have (ADR 0043): it is removed, and only the
    // session this sign-in made is left.
    expect((await accounts.getUserByEmail({ email: "owner@example.com" }))?.passwordHash).toBeNull();
    expect(await accounts.resolveSession({ db, token: before.token })).toBeNull();
    expect(await accounts.resolveApiToken({ db, token: apiToken.token })).toBeNull();
    expect(await count(`sessions WHERE user_id = '${owner.id}'`)).toBe(1);
    expect(await count(`api_tokens WHERE user_id = '${owner.id}'`)).toBe(0);
    for (const w of [acme, beta]) {
      const taken = (await listWorkspaceAudit({ workspaceId: w.id })).filter((e) => e.action === "sso-linked");
      expect(taken.map((e) => [e.actor, e.detail])).toEqual([["owner@example.com", { passwordRemoved: 1, sessions: 1, tokens: 1 }]]);
    }
    const { translator } = await import("~/i18n/translate");
    expect(translator("en")("audit.sso-linked", { passwordRemoved: 1, sessions: 1, tokens: 1 })).toMatch(
      /1 password removed, 1 sessions and 1 API tokens revoked/,
    );
    expect(translator("zh")("audit.sso-linked", { passwordRemoved: 1, sessions: 1, tokens: 1 })).toMatch(/删除了 1 个密码/);
    // The next sign-in goes by subject: nothing more is taken.
    const again = await signInThroughProvider();
    expect(await accounts.resolveSession({ db, token: sessionTokenOf(a)! })).not.toBeNull();
    expect(await accounts.resolveSession({ db, token: sessionTokenOf(again)! })).toMatchObject({ userId: owner.id });
    expect((await listWorkspaceAudit({ workspaceId: acme.id })).filter((e) => e.action === "sso-linked")).toHaveLength(1);
  });

  it("pre-hijack: who set a password through an invitation link for someone's email loses it when that person signs in through the provider", async () => {
    const victim = "victim@example.com";
    const attackerPassword = "attacker chosen password 1234";
    const { signIn } = await import("~/lib/sign-in.server");
    // 1. An invitation link for victim@ to Acme (a malicious Acme owner's, or leaked): its holder sets a password.
    const { token } = await accounts.createInvite({ workspaceId: acme.id, email: victim, role: "viewer", createdBy: owner.id });
    const made = await run(
      ((a: AnyArgs) => inviteRoute.action({ ...a, params: { token } } as never)) as never,
      new Request(`${BASE}/invite/${token}`, { method: "POST", body: new URLSearchParams({ password: attackerPassword }) }),
    );
    expect(made.status).toBe(302);
    const attacker = await signIn(victim, attackerPassword, { clientAddress: "198.51.100.9" } as never);
    expect(attacker.ok).toBe(true);
    const attackerToken = (attacker as { token: string }).token;
    const user = (await accounts.getUserByEmail({ email: victim }))!;
    const attackerApi = await accounts.createApiToken({ userId: user.id, workspaceId: acme.id, name: "kept" });
    // 2. The real person signs in through the provider: linked by email, and the account is taken over.
    provider.user = { sub: "sub-victim", email: victim, email_verified: true };
    const sso = await signInThroughProvider();
    expect(sso.status).toBe(302);
    // 3. Beta's owner invites them; signed in by single sign-on, they accept.
    const invite = await accounts.createInvite({ workspaceId: beta.id, email: victim, role: "editor", createdBy: owner.id });
    const joined = await run(
      ((a: AnyArgs) => inviteRoute.action({ ...a, params: { token: invite.token } } as never)) as never,
      new Request(`${BASE}/invite/${invite.token}`, {
        method: "POST",
        body: new URLSearchParams({ password: "" }),
        headers: { cookie: `tierwise_session=${sessionTokenOf(sso)}` },
      }),
    );
    expect(joined.status).toBe(302);
    // 4. The attacker's password, session and token no longer open anything: Beta's scenario is out of reach.
    expect((await signIn(victim, attackerPassword, { clientAddress: "198.51.100.9" } as never)).ok).toBe(false);
    expect(await accounts.resolveSession({ db: await getDb(), token: attackerToken })).toBeNull();
    expect(await accounts.resolveApiToken({ db: await getDb(), token: attackerApi.token })).toBeNull();
    const trail = (await listWorkspaceAudit({ workspaceId: acme.id })).filter((e) => e.action === "sso-linked" && e.actor === victim);
    // Two sessions: the one the invitation page signed in, and the password sign-in.
    expect(trail.map((e) => e.detail)).toEqual([{ passwordRemoved: 1, sessions: 2, tokens: 1 }]);
  });

  it("anyone else is told, in their language, to ask an owner for an invitation; nothing is written", async () => {
    provider.user = { sub: "sub-stranger", email: "stranger@example.com", email_verified: true };
    const before = await counts();
    const en = await signInThroughProvider();
    expect(en.status).toBe(403);
    expect(en.body).toMatchObject({ problem: "no-invitation", name: "Acme SSO" });
    expect(sessionTokenOf(en)).toBeUndefined();
    const zh = await signInThroughProvider("/", "zh");
    expect(zh.body).toMatchObject({ problem: "no-invitation" });
    expect(await counts()).toEqual(before);
    const { translator } = await import("~/i18n/translate");
    expect(translator("en")("auth.oidc.error.no-invitation", { name: "Acme SSO" })).toMatch(
      /Ask an owner of your workspace for an invitation/,
    );
    expect(translator("zh")("auth.oidc.error.no-invitation", { name: "Acme SSO" })).toMatch(/请向工作区所有者索取邀请/);
  });

  it("an expired or revoked invitation lets no one in", async () => {
    await accounts.createInvite({ workspaceId: acme.id, email: "late@example.com", role: "viewer", createdBy: owner.id });
    await accounts.createInvite({ workspaceId: beta.id, email: "revoked@example.com", role: "viewer", createdBy: owner.id });
    const db = await getDb();
    await db.run("UPDATE invites SET expires_at = ? WHERE email = ?", [new Date(Date.now() - 1000).toISOString(), "late@example.com"]);
    await db.run("UPDATE invites SET revoked_at = ? WHERE email = ?", [new Date().toISOString(), "revoked@example.com"]);
    for (const email of ["late@example.com", "revoked@example.com"]) {
      provider.user = { sub: `sub-${email}`, email, email_verified: true };
      expect((await signInThroughProvider()).body).toMatchObject({ problem: "no-invitation" });
      expect(await accounts.getUserByEmail({ email })).toBeNull();
    }
  });

  it("a second account at the provider with a linked person's email is refused with a page saying so (zh/en), and logged", async () => {
    const email = "linked.once@example.com";
    await accounts.createInvite({ workspaceId: acme.id, email, role: "viewer", createdBy: owner.id });
    provider.user = { sub: "sub-first", email, email_verified: true };
    expect((await signInThroughProvider()).status).toBe(302);
    provider.user = { sub: "sub-second", email, email_verified: true };
    const before = await counts();
    const a = await signInThroughProvider("/", "zh");
    expect([a.status, a.body.problem]).toEqual([403, "linked-elsewhere"]);
    expect(sessionTokenOf(a)).toBeUndefined();
    expect(await counts()).toEqual(before);
    expect(warn.mock.calls.map(([l]) => String(l))).toContain(
      "single sign-on refused (linked-elsewhere): linked-elsewhere for the provider's verified email",
    );
    const { translator } = await import("~/i18n/translate");
    expect(translator("en")("auth.oidc.error.linked-elsewhere", { name: "Acme SSO" })).toMatch(
      /already linked to another Acme SSO account/,
    );
    expect(translator("zh")("auth.oidc.error.linked-elsewhere", { name: "Acme SSO" })).toMatch(/已关联另一个 Acme SSO 账户/);
  });

  it("a disabled account is refused even when linked", async () => {
    const user = (await accounts.createUser({ email: "gone@example.com", passwordHash: null }))!;
    await accounts.setMembership({ workspaceId: acme.id, userId: user.id, role: "viewer" });
    await (await getDb()).run("UPDATE users SET disabled_at = ? WHERE id = ?", [new Date().toISOString(), user.id]);
    provider.user = { sub: "sub-gone", email: "gone@example.com", email_verified: true };
    const a = await signInThroughProvider();
    expect([a.status, a.body.problem]).toEqual([403, "disabled"]);
    expect(await count("sessions WHERE user_id = '" + user.id + "'")).toBe(0);
  });
});

describe("an invitation for an account that signs in through the provider", () => {
  it("is not a way in by itself: the page asks to sign in first, a posted password joins nobody; signed in, the link joins", async () => {
    const email = "sso.only@example.com";
    const user = (await accounts.createUser({ email, passwordHash: null }))!;
    await accounts.setMembership({ workspaceId: acme.id, userId: user.id, role: "viewer" });
    const { token } = await accounts.createInvite({ workspaceId: beta.id, email, role: "editor", createdBy: owner.id });
    const withToken =
      (fn: (a: AnyArgs) => Promise<unknown>) =>
      (a: AnyArgs): Promise<unknown> =>
        fn({ ...a, params: { token } } as AnyArgs);
    const url = `${BASE}/invite/${token}`;
    expect((await run(withToken(inviteRoute.loader as never), new Request(url))).body).toMatchObject({
      signInFirst: true,
      hasAccount: false,
      me: null,
    });
    const before = await counts();
    const post = (cookie = "") =>
      run(
        withToken(inviteRoute.action as never),
        new Request(url, { method: "POST", body: new URLSearchParams({ password: "a brand new password 4 me" }), headers: { cookie } }),
      );
    const refused = await post();
    expect([refused.status, refused.body.error]).toEqual([403, "auth.invite.signInFirst"]);
    expect(refused.cookies).toEqual([]);
    expect(await counts()).toEqual(before);
    expect((await accounts.listMemberships({ userId: user.id })).map((m) => m.workspaceId)).toEqual([acme.id]);
    // Signed in as that person (as single sign-on makes them), the same link joins Beta.
    const session = await accounts.createSession({ userId: user.id, workspaceId: acme.id });
    const joined = await post(`tierwise_session=${session.token}`);
    expect([joined.status, joined.location]).toEqual([302, "/"]);
    expect((await accounts.listMemberships({ userId: user.id })).map((m) => m.workspaceId).sort()).toEqual([acme.id, beta.id].sort());
  });
});

describe("a person removed from every workspace", () => {
  it("comes back through a new invitation: signing in through the provider uses it (the invitation page asks them to sign in)", async () => {
    const email = "returning@example.com";
    await accounts.createInvite({ workspaceId: acme.id, email, role: "viewer", createdBy: owner.id });
    provider.user = { sub: "sub-returning", email, email_verified: true };
    expect((await signInThroughProvider()).status).toBe(302);
    const user = (await accounts.getUserByEmail({ email }))!;
    expect(await accounts.changeMembership({ workspaceId: acme.id, userId: user.id, role: null })).toBe("ok");
    // Nothing left: refused as before.
    expect((await signInThroughProvider()).body).toMatchObject({ problem: "no-invitation" });
    // Invited to Beta: the next sign-in joins it and lands there.
    await accounts.createInvite({ workspaceId: beta.id, email, role: "editor", createdBy: owner.id });
    const back = await signInThroughProvider("/compare");
    expect([back.status, back.location]).toEqual([302, "/compare"]);
    expect(await accounts.resolveSession({ db: await getDb(), token: sessionTokenOf(back)! })).toMatchObject({
      userId: user.id,
      workspaceId: beta.id,
      role: "editor",
    });
    expect((await listWorkspaceAudit({ workspaceId: beta.id })).filter((e) => e.actor === email).map((e) => [e.action, e.detail])).toEqual([
      ["signed-in", { method: "sso" }],
      ["joined", { role: "editor" }],
    ]);
  });
});

describe("the account page", () => {
  it("of a person who signs in through the provider lists the identity, offers no password to change and refuses one", async () => {
    provider.user = { sub: "sub-account-page", email: "page.person@example.com", email_verified: true };
    await accounts.createInvite({ workspaceId: acme.id, email: "page.person@example.com", role: "viewer", createdBy: owner.id });
    const cookie = `tierwise_session=${sessionTokenOf(await signInThroughProvider())}`;
    const page = await run(accountRoute.loader, new Request(`${BASE}/account`, { headers: { cookie } }));
    expect(page.body).toMatchObject({ hasPassword: false, sso: [{ provider: "Acme SSO", email: "page.person@example.com" }] });
    const body = new URLSearchParams({ intent: "password", current: "a guess", password: "a long new passphrase 4417" });
    const headers = { cookie, "content-type": "application/x-www-form-urlencoded", origin: BASE };
    const refused = await run(accountRoute.action, new Request(`${BASE}/account`, { method: "POST", headers, body }));
    expect([refused.status, refused.body.error]).toEqual([400, "auth.account.ssoOnly"]);
    expect((await accounts.getUserByEmail({ email: "page.person@example.com" }))?.passwordHash).toBeNull();
  });

  it("of a person with a password and no identity keeps the password form and shows no identity", async () => {
    const plain = (await accounts.createUser({
      email: "password.person@example.com",
      passwordHash: await hashPassword("a long enough password for tests"),
    }))!;
    await accounts.setMembership({ workspaceId: acme.id, userId: plain.id, role: "viewer" });
    const { token } = await accounts.createSession({ userId: plain.id, workspaceId: acme.id });
    const page = await run(accountRoute.loader, new Request(`${BASE}/account`, { headers: { cookie: `tierwise_session=${token}` } }));
    expect(page.body).toMatchObject({ hasPassword: true, sso: [] });
  });
});

describe("no cross-workspace leak", () => {
  it("a person who joined Acme through single sign-on sees only Acme: Beta's scenario is the same 404 as a missing one", async () => {
    provider.user = { sub: "sub-acme-only", email: "acme.only@example.com", email_verified: true };
    await accounts.createInvite({ workspaceId: acme.id, email: "acme.only@example.com", role: "owner", createdBy: owner.id });
    const a = await signInThroughProvider();
    const cookie = `tierwise_session=${sessionTokenOf(a)}`;
    const principal = await accounts.resolveSession({ db: await getDb(), token: sessionTokenOf(a)! });
    expect(await accounts.listMemberships({ userId: principal!.userId! })).toEqual([
      { workspaceId: acme.id, workspaceName: "Acme", role: "owner" },
    ]);
    const args = { request: new Request(`${BASE}/scenarios/${betaScenario}`, { headers: { cookie } }), context: {} };
    const thrown = await auth.requireScenario(args, betaScenario).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
    // The same person's own workspace works.
    const own = await scenarioIn(acme.id, "Acme's own scenario: classify support tickets into 10 categories.");
    expect(
      await auth.requireScenario({ ...args, request: new Request(`${BASE}/scenarios/${own}`, { headers: { cookie } }) }, own),
    ).toMatchObject({
      workspaceId: acme.id,
    });
  });
});

describe("every failure is a clear page and signs no one in", () => {
  beforeEach(() => {
    provider.user = { sub: "sub-owner", email: "owner@example.com", email_verified: true };
  });

  it("signing in over an existing session ends that session's row, as signing out would", async () => {
    provider.user = { sub: "sub-owner", email: "owner@example.com", email_verified: true };
    const first = await signInThroughProvider();
    const old = sessionTokenOf(first)!;
    const { stateCookie, authorizeUrl } = await start();
    const second = await callback(await provider.approve(authorizeUrl), `${stateCookie}; tierwise_session=${old}`);
    expect(second.status).toBe(302);
    const db = await getDb();
    expect(await accounts.resolveSession({ db, token: old })).toBeNull();
    expect(await accounts.resolveSession({ db, token: sessionTokenOf(second)! })).toMatchObject({ userId: owner.id });
    expect(await db.get("SELECT 1 AS n FROM sessions WHERE id_hash = ?", [accounts.hashSecret(old)])).toBeUndefined();
  });

  it("a malformed cookie (a stray %) is no state and no session: the state page, not a 500", async () => {
    const { stateCookie, authorizeUrl } = await start();
    const back = await provider.approve(authorizeUrl);
    const bad = await callback(back, "tierwise_oidc_state=%E0%A4%A");
    expect([bad.status, bad.body.problem]).toEqual([400, "state"]);
    expect(sessionTokenOf(bad)).toBeUndefined();
    expect(auth.readOidcStateCookie(new Request(BASE, { headers: { cookie: "tierwise_oidc_state=%zz" } }))).toBeNull();
    const who = await auth.authenticate(new Request(BASE, { headers: { cookie: "tierwise_session=%zz; tierwise_oidc_state=%" } }));
    expect(who.principal).toBeNull();
    // The browser's own cookie still works afterwards (the state was not used up by the bad one).
    expect((await callback(back, stateCookie)).status).toBe(302);
  });

  it("the callback used twice (replay): the first signs in, the second is refused — the state works once", async () => {
    const { stateCookie, authorizeUrl } = await start();
    const back = await provider.approve(authorizeUrl);
    const first = await callback(back, stateCookie);
    expect(first.status).toBe(302);
    const sessions = await count("sessions");
    const second = await callback(back, stateCookie);
    expect([second.status, second.body.problem]).toEqual([400, "state"]);
    expect(await count("sessions")).toBe(sessions);
    // The provider was not even asked to redeem the code a second time.
    expect(provider.tokenErrors).toEqual([]);
  });

  it("a state that is not this browser's (no cookie, another cookie), unknown, or expired", async () => {
    const sessions = await count("sessions");
    const { stateCookie, authorizeUrl } = await start();
    const back = await provider.approve(authorizeUrl);
    // Someone else's callback link opened in a browser that did not start it (login CSRF).
    expect((await callback(back, "")).body.problem).toBe("state");
    const other = await start();
    expect((await callback(back, other.stateCookie)).body.problem).toBe("state");
    // A made-up state with a matching cookie.
    const madeUp = new URL(back);
    madeUp.searchParams.set("state", "x".repeat(43));
    expect((await callback(madeUp, `tierwise_oidc_state=${"x".repeat(43)}`)).body.problem).toBe("state");
    // Expired: ten minutes at the provider.
    const late = await start();
    const lateBack = await provider.approve(late.authorizeUrl);
    await (await getDb()).run("UPDATE oidc_logins SET expires_at = ?", [new Date(Date.now() - 1000).toISOString()]);
    const expired = await callback(lateBack, late.stateCookie, "zh");
    expect([expired.status, expired.body.problem]).toEqual([400, "state"]);
    expect(await count("sessions")).toBe(sessions);
    void stateCookie;
  });

  it("the provider's own refusal (error=access_denied)", async () => {
    const { stateCookie, authorizeUrl } = await start();
    const state = new URL(authorizeUrl).searchParams.get("state")!;
    const a = await callback(`${BASE}/login/oidc/callback?error=access_denied&state=${state}`, stateCookie);
    expect([a.status, a.body.problem]).toEqual([401, "provider"]);
    expect(sessionTokenOf(a)).toBeUndefined();
  });

  const badTokens: Array<[string, Tamper]> = [
    ["a wrong nonce", { claims: { nonce: "not-the-nonce" } }],
    ["no nonce", { drop: ["nonce"] }],
    ["a bad signature (one byte changed)", { signature: "flip" }],
    ["a signature by a key the provider does not publish", { signature: "other-key" }],
    ["alg none", { signature: "none" }],
    ["HS256 keyed with the client secret", { signature: "hs256" }],
    ["another issuer", { claims: { iss: "http://127.0.0.1:1" } }],
    ["another audience", { claims: { aud: "someone-else" } }],
    ["two audiences without azp", { claims: { aud: ["tierwise-test", "someone-else"] } }],
    ["expired (beyond the minute of skew)", { claims: { exp: Math.floor(Date.now() / 1000) - 120 } }],
    ["issued in the future", { claims: { iat: Math.floor(Date.now() / 1000) + 600 } }],
    ["no sub", { drop: ["sub"] }],
  ];
  it.each(badTokens)("an ID token with %s", async (_what, tamper) => {
    const before = await counts();
    provider.tamper = tamper;
    const a = await signInThroughProvider();
    expect([a.status, a.body.problem]).toEqual([401, "token"]);
    expect(sessionTokenOf(a)).toBeUndefined();
    expect(await counts()).toEqual(before);
  });

  it("an email the provider has not verified, or none", async () => {
    const before = await counts();
    for (const user of [
      { sub: "sub-unverified", email: "owner@example.com", email_verified: false },
      { sub: "sub-unverified", email: "owner@example.com" },
      { sub: "sub-no-email", email_verified: true },
    ]) {
      provider.user = user;
      const a = await signInThroughProvider("/", "zh");
      expect([a.status, a.body.problem]).toEqual([403, "unverified"]);
    }
    // Not linked to the owner's account on the strength of an unverified email.
    expect(await counts()).toEqual(before);
  });

  it("a provider that cannot be reached: the button answers a clear 502, nothing written", async () => {
    const { OidcProvider } = await import("~/lib/oidc.server");
    const dead = new OidcProvider({
      issuer: "http://127.0.0.1:9",
      clientId: "x",
      clientSecret: null,
      name: "Dead",
      redirectUri: `${BASE}/login/oidc/callback`,
    });
    const { startOidcSignIn } = await import("~/lib/sign-in.server");
    const pending = await count("oidc_logins");
    await expect(startOidcSignIn(dead, { next: "/" }, undefined)).rejects.toMatchObject({ code: "unreachable" });
    expect(await count("oidc_logins")).toBe(pending);
  });
});

describe("keys", () => {
  it("follows the provider's key rotation: an unknown kid fetches the JWKS once more, then signs in", async () => {
    provider.user = { sub: "sub-owner", email: "owner@example.com", email_verified: true };
    expect((await signInThroughProvider()).status).toBe(302);
    const fetched = provider.hits["/jwks"] ?? 0;
    expect((await signInThroughProvider()).status).toBe(302);
    // Cached: no fetch for a known kid.
    expect(provider.hits["/jwks"] ?? 0).toBe(fetched);
    provider.rotateKey();
    // A refetch at most once a minute (ADR 0043): a minute later (only Date is moved; the provider shares the clock).
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 61_000);
      expect((await signInThroughProvider()).status).toBe(302);
      expect(provider.hits["/jwks"]).toBe(fetched + 1);
      // A kid that is still unknown right after that refetch is refused, without another.
      provider.tamper = { header: { kid: "no-such-key" } };
      expect((await signInThroughProvider()).body.problem).toBe("token");
      expect(provider.hits["/jwks"]).toBe(fetched + 1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("rate limits", () => {
  afterAll(() => {
    process.env.TIERWISE_RATE_LIMITS = "off";
    resetEnvForTests();
  });

  const used = async (limit: string) =>
    Number(
      (await (await getDb()).get<{ n: number | null }>("SELECT SUM(count) AS n FROM rate_limits WHERE bucket LIKE ?", [`${limit}:%`]))!.n ??
        0,
    );

  it("wrong passwords for an email do not lock its person out of single sign-on (the email's limit stops password guessing)", async () => {
    process.env.TIERWISE_RATE_LIMITS = "sign-in=2";
    resetEnvForTests();
    const { signIn } = await import("~/lib/sign-in.server");
    for (let i = 0; i < 3; i++) await signIn("owner@example.com", `wrong guess ${i}`, { clientAddress: "198.51.100.66" } as never);
    expect(await signIn("owner@example.com", "wrong guess", { clientAddress: "198.51.100.66" } as never)).toMatchObject({
      reason: "throttled",
    });
    provider.user = { sub: "sub-owner", email: "owner@example.com", email_verified: true };
    for (let i = 0; i < 3; i++) expect((await signInThroughProvider()).status).toBe(302);
  });

  it("a page on another site cannot start sign-ins (403, nothing written) nor use up the address's sign-ins", async () => {
    process.env.TIERWISE_RATE_LIMITS = "sign-in=100";
    resetEnvForTests();
    const startWith = (site: string) =>
      run(startRoute.loader, new Request(`${BASE}/login/oidc?next=/`, { headers: { "sec-fetch-site": site, cookie: "tw_lang=zh" } }));
    const pending = await count("oidc_logins");
    const limits = await count("rate_limits");
    for (const site of ["cross-site", "same-site"]) {
      const refused = await startWith(site);
      expect([refused.status, refused.body.problem, refused.location, refused.cookies]).toEqual([403, "cross-site", null, []]);
    }
    expect([await count("oidc_logins"), await count("rate_limits")]).toEqual([pending, limits]);
    const { translator } = await import("~/i18n/translate");
    expect(translator("en")("auth.oidc.error.cross-site", { name: "Acme SSO" })).toMatch(/starts from this site's sign-in page/);
    expect(translator("zh")("auth.oidc.error.cross-site", { name: "Acme SSO" })).toMatch(/只能从本站的登录页开始/);

    // From this site's page (or typed: no header), a start counts in its own bucket, not the address's sign-ins.
    const [addressBefore, startsBefore] = [await used("sign-in-address"), await used("sso-start")];
    expect((await startWith("same-origin")).status).toBe(302);
    expect((await startWith("none")).status).toBe(302);
    const { stateCookie, authorizeUrl } = await start();
    expect([await used("sign-in-address"), await used("sso-start")]).toEqual([addressBefore, startsBefore + 3]);
    // A callback without this browser's state cookie counts nothing either; the real one counts once.
    const back = await provider.approve(authorizeUrl);
    expect((await callback(back, "tierwise_oidc_state=someone-elses")).body.problem).toBe("state");
    expect(await used("sign-in-address")).toBe(addressBefore);
    expect((await callback(back, stateCookie)).status).toBe(302);
    expect(await used("sign-in-address")).toBe(addressBefore + 1);
  });
});
