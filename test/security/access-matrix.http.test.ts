// Accounts on (TIERWISE_AUTH=password), over HTTP against the built server: each role × each route × the caller's own
// workspace and another one. Written as the contract reads (DESIGN.md, issue 12): pages without a sign-in redirect to
// /login, the API answers 401; Bearer tokens work; a viewer's writes are 403; another workspace's scenario is a 404,
// exactly like one that does not exist, for every role.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../bin/cli";
import { buildApp, ROOT, startBuiltServer, type BuiltServer } from "../support/built-server";

const dir = mkdtempSync(join(tmpdir(), "tierwise-matrix-"));
const DATABASE_PATH = join(dir, "matrix.sqlite");
const PASSWORD = "a long enough test password";
const INPUT = {
  title: "Support ticket triage",
  description: "Classify incoming support tickets into 10 categories; agents can re-route with one click. We have 3,000 labelled tickets.",
  market: "internal",
  stakes: "low",
  humanReview: "sampled",
};

type Who = "owner" | "editor" | "viewer";
const ROLES: Who[] = ["owner", "editor", "viewer"];
const people: Record<Who, string> = { owner: "owner@acme.example", editor: "editor@acme.example", viewer: "viewer@acme.example" };
const tokens = {} as Record<Who | "other", string>;
const cookies = {} as Record<Who, string>;
let app: BuiltServer;
let own = ""; // a scenario of Acme
let foreign = ""; // a scenario of Beta

async function admin(args: string[], stdin = ""): Promise<{ code: number; json: Record<string, unknown> | null; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(["admin", ...args], {
    stdin: Readable.from([stdin]),
    stdout: (s) => void (stdout += String(s)),
    stderr: (s) => void (stderr += s),
    env: { DATABASE_PATH } as unknown as NodeJS.ProcessEnv,
  });
  return { code, json: stdout ? (JSON.parse(stdout) as Record<string, unknown>) : null, stderr };
}

type Call = { status: number; location: string | null; body: unknown; headers: Headers };
async function call(
  path: string,
  {
    method = "GET",
    auth,
    body,
    form,
  }: { method?: string; auth?: { bearer?: string; cookie?: string }; body?: unknown; form?: Record<string, string> } = {},
): Promise<Call> {
  const headers: Record<string, string> = {};
  if (auth?.bearer) headers.authorization = `Bearer ${auth.bearer}`;
  if (auth?.cookie) headers.cookie = auth.cookie;
  let payload: string | undefined;
  if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  } else if (form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    payload = new URLSearchParams(form).toString();
  }
  const r = await fetch(app.url + path, { method, headers, body: payload, redirect: "manual" });
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // a page or a file
  }
  return { status: r.status, location: r.headers.get("location"), body: parsed, headers: r.headers };
}

async function signIn(email: string, password = PASSWORD): Promise<Call & { cookie: string | null }> {
  const r = await call("/login", { method: "POST", form: { email, password, next: "/" } });
  const set = r.headers.get("set-cookie");
  return { ...r, cookie: set ? set.split(";")[0] : null };
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, "build/server/index.js"))) buildApp();
  for (const who of ROLES)
    expect((await admin(["create-user", "--email", people[who], "--workspace", "Acme", "--role", who], PASSWORD)).code).toBe(0);
  expect((await admin(["create-user", "--email", "owner@beta.example", "--workspace", "Beta", "--role", "owner"], PASSWORD)).code).toBe(0);
  for (const who of ROLES) tokens[who] = String((await admin(["create-token", "--email", people[who]])).json?.token);
  tokens.other = String((await admin(["create-token", "--email", "owner@beta.example"])).json?.token);
  app = await startBuiltServer({ databasePath: DATABASE_PATH, env: { TIERWISE_AUTH: "password" } });
  const a = await call("/api/scenarios", { method: "POST", auth: { bearer: tokens.editor }, body: INPUT });
  const b = await call("/api/scenarios", {
    method: "POST",
    auth: { bearer: tokens.other },
    body: { ...INPUT, title: "Beta's secret plan" },
  });
  expect([a.status, b.status]).toEqual([201, 201]);
  own = (a.body as { id: string }).id;
  foreign = (b.body as { id: string }).id;
  for (const who of ROLES) {
    const s = await signIn(people[who]);
    expect(s.status).toBe(302);
    cookies[who] = s.cookie ?? "";
  }
}, 600_000);

afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("without a sign-in", () => {
  it("pages redirect to /login (keeping where they were going), the API answers 401, share and login pages stay open", async () => {
    for (const path of ["/", `/scenarios/${own}`, "/scenarios/new", "/compare", "/portfolio", "/workspace", "/account"]) {
      const r = await call(path);
      expect([path, r.status]).toEqual([path, 302]);
      expect(r.location).toMatch(/^\/login(\?next=|$)/);
    }
    expect((await call(`/scenarios/${own}`)).location).toBe(`/login?next=${encodeURIComponent(`/scenarios/${own}`)}`);
    for (const [method, path] of [
      ["GET", "/api/scenarios"],
      ["GET", `/api/scenarios/${own}`],
      ["POST", "/api/plan"],
      ["POST", "/api/scenarios"],
      ["GET", `/scenarios/${own}/export.json`],
    ] as const) {
      const r = await call(path, { method, body: method === "POST" ? INPUT : undefined });
      expect([method, path, r.status]).toEqual([method, path, path.startsWith("/api/") ? 401 : 302]);
    }
    expect((await call("/api/scenarios")).headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await call("/login")).status).toBe(200);
    expect((await call("/healthz")).status).toBe(200);
  });

  it("refuses a wrong password and an unknown email alike (401, no cookie), and a malformed or unknown token (401)", async () => {
    const wrong = await signIn(people.owner, "not the password at all");
    const unknown = await signIn("nobody@acme.example");
    expect([wrong.status, wrong.cookie, unknown.status, unknown.cookie]).toEqual([401, null, 401, null]);
    expect((await call("/api/scenarios", { auth: { bearer: "tw_nonsense" } })).status).toBe(401);
    const basic = await fetch(`${app.url}/api/scenarios`, { headers: { authorization: "Basic Zm9vOmJhcg==" } });
    expect(basic.status).toBe(401);
  });

  it("sets the session cookie HttpOnly and SameSite, and signing out ends it", async () => {
    const s = await signIn(people.viewer);
    const set =
      (
        await fetch(`${app.url}/login`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ email: people.viewer, password: PASSWORD }),
          redirect: "manual",
        })
      ).headers.get("set-cookie") ?? "";
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect((await call("/", { auth: { cookie: s.cookie ?? "" } })).status).toBe(200);
    const out = await call("/logout", { method: "POST", auth: { cookie: s.cookie ?? "" } });
    expect(out.status).toBe(302);
    expect((await call("/", { auth: { cookie: s.cookie ?? "" } })).status).toBe(302);
  });
});

// [method, path, body, least role] for the caller's own workspace. Every row also runs against Beta's scenario.
type Row = {
  method: string;
  path: (id: string) => string;
  body?: unknown;
  form?: Record<string, string>;
  least: Who;
  ok: number;
  scenario: boolean;
};
const API: Row[] = [
  { method: "GET", path: () => "/api/scenarios", least: "viewer", ok: 200, scenario: false },
  { method: "POST", path: () => "/api/plan", body: INPUT, least: "viewer", ok: 200, scenario: false },
  { method: "POST", path: () => "/api/scenarios", body: INPUT, least: "editor", ok: 201, scenario: false },
  { method: "GET", path: (id) => `/api/scenarios/${id}`, least: "viewer", ok: 200, scenario: true },
  { method: "GET", path: (id) => `/api/scenarios/${id}/versions`, least: "viewer", ok: 200, scenario: true },
  { method: "POST", path: (id) => `/api/scenarios/${id}/versions`, body: INPUT, least: "editor", ok: 201, scenario: true },
  { method: "GET", path: (id) => `/api/scenarios/${id}/shares`, least: "editor", ok: 200, scenario: true },
  { method: "POST", path: (id) => `/api/scenarios/${id}/shares`, body: {}, least: "editor", ok: 201, scenario: true },
  { method: "GET", path: (id) => `/scenarios/${id}/export.json`, least: "viewer", ok: 200, scenario: true },
  { method: "GET", path: (id) => `/scenarios/${id}/export.md`, least: "viewer", ok: 200, scenario: true },
];
const PAGES: Row[] = [
  { method: "GET", path: () => "/", least: "viewer", ok: 200, scenario: false },
  // The form's one-time token goes into its address first (a redirect to /scenarios/new?key=…).
  { method: "GET", path: () => "/scenarios/new", least: "editor", ok: 302, scenario: false },
  { method: "GET", path: () => "/compare", least: "viewer", ok: 200, scenario: false },
  { method: "GET", path: () => "/workspace", least: "viewer", ok: 200, scenario: false },
  { method: "GET", path: () => "/account", least: "viewer", ok: 200, scenario: false },
  { method: "GET", path: (id) => `/scenarios/${id}`, least: "viewer", ok: 200, scenario: true },
  { method: "GET", path: (id) => `/scenarios/${id}/edit`, least: "editor", ok: 200, scenario: true },
  { method: "POST", path: (id) => `/scenarios/${id}`, form: { intent: "share-create" }, least: "editor", ok: 302, scenario: true },
  {
    method: "POST",
    path: () => "/?index",
    form: { intent: "rename", id: "", title: "Renamed by a test" },
    least: "editor",
    ok: 302,
    scenario: true,
  },
];
const RANK: Record<Who, number> = { viewer: 0, editor: 1, owner: 2 };

describe.each([
  ["a Bearer token", API, (who: Who) => ({ bearer: tokens[who] })],
  ["a session", PAGES, (who: Who) => ({ cookie: cookies[who] })],
] as const)("with %s", (_, rows, auth) => {
  const cases = rows.flatMap((row) => ROLES.map((who) => [`${row.method} ${row.path(":id")} as ${who}`, row, who] as const));
  it.each(cases)("%s: own workspace as the role allows, another workspace's scenario 404", async (_name, row, who) => {
    const fill = (id: string) => (row.form ? { ...row.form, ...("id" in row.form ? { id } : {}) } : undefined);
    const mine = await call(row.path(own), { method: row.method, auth: auth(who), body: row.body, form: fill(own) });
    const allowed = RANK[who] >= RANK[row.least];
    expect(mine.status, `${row.method} ${row.path(own)} as ${who}: ${JSON.stringify(mine.body).slice(0, 200)}`).toBe(
      allowed ? row.ok : 403,
    );
    if (!row.scenario) return;
    // Another workspace's scenario answers exactly as one that does not exist: a 404 (the list's manage action, which
    // answers its own "not found" to an editor, the same status), never a 403 that would confirm it exists.
    const theirs = await call(row.path(foreign), { method: row.method, auth: auth(who), body: row.body, form: fill(foreign) });
    const missing = await call(row.path("zzzzzzzzzzzzzzzz"), {
      method: row.method,
      auth: auth(who),
      body: row.body,
      form: fill("zzzzzzzzzzzzzzzz"),
    });
    expect(theirs.status, `${row.method} ${row.path(foreign)} as ${who}`).toBe(missing.status);
    if (row.path(":id") !== "/?index") expect(theirs.status).toBe(404);
    else expect(theirs.status).toBe(allowed ? 404 : 403);
    expect(JSON.stringify(theirs.body)).not.toContain("Beta's secret plan");
  });
});

describe("workspaces stay apart", () => {
  it("lists only the caller's workspace, and a token of another workspace cannot see, change or revoke Acme's scenario", async () => {
    const list = (await call("/api/scenarios", { auth: { bearer: tokens.viewer } })).body as { scenarios: { id: string; title: string }[] };
    expect(list.scenarios.map((s) => s.id)).toContain(own);
    expect(list.scenarios.map((s) => s.id)).not.toContain(foreign);
    const page = (await call("/", { auth: { cookie: cookies.viewer } })).body as string;
    expect(page).not.toContain("Beta&#x27;s secret plan");
    expect(page).not.toContain("Beta's secret plan");
    const share = (await call(`/api/scenarios/${own}/shares`, { method: "POST", auth: { bearer: tokens.editor }, body: {} })).body as {
      token: string;
    };
    expect((await call(`/api/shares/${share.token}`, { method: "DELETE", auth: { bearer: tokens.other } })).status).toBe(404);
    expect((await call(`/api/shares/${share.token}`, { method: "DELETE", auth: { bearer: tokens.viewer } })).status).toBe(403);
    // The share link itself needs no account.
    expect((await call(`/share/${share.token}`)).status).toBe(200);
    expect((await call(`/api/shares/${share.token}`, { method: "DELETE", auth: { bearer: tokens.editor } })).status).toBe(204);
  });

  it("a revoked token stops at once", async () => {
    const made = await admin(["create-token", "--email", people.editor, "--name", "short-lived"]);
    const token = String(made.json?.token);
    expect((await call("/api/scenarios", { auth: { bearer: token } })).status).toBe(200);
    expect((await admin(["revoke-token", "--id", String(made.json?.id)])).code).toBe(0);
    expect((await call("/api/scenarios", { auth: { bearer: token } })).status).toBe(401);
  });
});

describe("what the others see afterwards", () => {
  it("shows the scenario's audit trail to a viewer: who created, shared, revoked and exported it", async () => {
    const page = (await call(`/scenarios/${own}`, { auth: { cookie: cookies.viewer } })).body as string;
    const trail = page.slice(page.indexOf('data-testid="audit-trail"'));
    expect(trail.length).toBeGreaterThan(0);
    const actions = [...trail.matchAll(/data-action="([a-z-]+)"/g)].map((m) => m[1]);
    for (const action of ["created", "edited", "shared", "revoked", "exported"]) expect(actions, action).toContain(action);
    expect(trail).toContain(people.editor);
    expect(trail).not.toContain("owner@beta.example");
  });

  it("throttles sign-in per account: the 11th try in 15 minutes is a 429 with Retry-After, even with the right password", async () => {
    const email = "target@acme.example";
    expect((await admin(["create-user", "--email", email, "--workspace", "Acme", "--role", "viewer"], PASSWORD)).code).toBe(0);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await signIn(email, `wrong guess number ${i}`)).status);
    expect(statuses).toEqual(Array(10).fill(401));
    const blocked = await signIn(email);
    expect(blocked.status).toBe(429);
    expect(blocked.cookie).toBeNull();
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another person is not locked out by it.
    expect((await signIn(people.owner)).status).toBe(302);
  });
});
