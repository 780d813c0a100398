// The page actions that take several kinds of post (account, workspace, sign-in, invitation, the plan page, the list's
// manage menu) each parse one schema, a discriminated union on `intent`: every intent still does its work; a bad field
// is a 400 naming the field in the page's language, with what was typed kept; an unknown or missing intent is a 400;
// nothing is written on a refusal. Real SQLite, accounts on (TIERWISE_AUTH=password), the routes called as Remix does.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "tierwise-form-actions-"));
process.env.DATABASE_PATH = join(dir, "forms.sqlite");
process.env.TIERWISE_AUTH = "password";
process.env.TIERWISE_RATE_LIMITS = "off";
delete process.env.OPENAI_API_KEY;
const { resetEnvForTests } = await import("~/env.server");
resetEnvForTests();

const accountRoute = await import("~/routes/account");
const workspaceRoute = await import("~/routes/workspace");
const loginRoute = await import("~/routes/login");
const inviteRoute = await import("~/routes/invite.$token");
const planRoute = await import("~/routes/scenarios.$id");
const indexRoute = await import("~/routes/_index");
const accounts = await import("~/models/accounts.server");
const { hashPassword } = await import("~/lib/password.server");
const { createScenario, getScenario, listVersions } = await import("~/models/scenario.server");
const { parseScenarioInput } = await import("~/domain/scenario");
const { buildPlan } = await import("~/domain/plan");

const BASE = "http://test.local";
type Args = Parameters<typeof accountRoute.action>[0];
const PASSWORD = "a long enough password for tests";

let owner: { userId: string; cookie: string; workspaceId: string; otherWorkspaceId: string };
let scenarioId = "";

beforeAll(async () => {
  const ws = await accounts.ensureWorkspace({ name: "Acme" });
  const other = await accounts.ensureWorkspace({ name: "Beta" });
  const user = (await accounts.createUser({ email: "owner@example.com", passwordHash: await hashPassword(PASSWORD) }))!;
  await accounts.setMembership({ workspaceId: ws.id, userId: user.id, role: "owner" });
  await accounts.setMembership({ workspaceId: other.id, userId: user.id, role: "owner" });
  const { token } = await accounts.createSession({ userId: user.id, workspaceId: ws.id });
  owner = { userId: user.id, cookie: `tierwise_session=${token}`, workspaceId: ws.id, otherWorkspaceId: other.id };
  const parsed = parseScenarioInput({
    description: "Classify incoming support tickets into 10 categories; agents re-route with one click. We have 3,000 labelled tickets.",
    market: "internal",
    stakes: "low",
    humanReview: "sampled",
  });
  if (!parsed.ok) throw new Error("fixture");
  ({ id: scenarioId } = await createScenario({ input: parsed.value, plan: buildPlan(parsed.value), workspaceId: ws.id }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function post(path: string, fields: [string, string | Blob][], { cookie = owner.cookie, lang = "en" } = {}): Request {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  return new Request(BASE + path, { method: "POST", body: form, headers: { cookie: `${cookie}; tw_lang=${lang}` } });
}

/** What an action answered: a redirect, or data with its status (returned or thrown). */
async function run(
  action: (a: Args) => Promise<unknown>,
  request: Request,
  params: Record<string, string> = {},
): Promise<{ status: number; location: string | null; body: Record<string, unknown> }> {
  let result: unknown;
  try {
    result = await action({ request, params, context: {} } as unknown as Args);
  } catch (err) {
    if (!(err instanceof Response)) throw err;
    result = err;
  }
  if (result instanceof Response) return { status: result.status, location: result.headers.get("location"), body: {} };
  const d = result as { type?: string; data: Record<string, unknown>; init: { status?: number } | null };
  if (d.type === "DataWithResponseInit") return { status: d.init?.status ?? 200, location: null, body: d.data };
  return { status: 200, location: null, body: result as Record<string, unknown> };
}

describe("the account page's posts", () => {
  it("does each intent: create a token, revoke it, switch workspace, change the password, sign out everywhere", async () => {
    const created = await run(
      accountRoute.action,
      post("/account", [
        ["intent", "create-token"],
        ["name", "ci"],
      ]),
    );
    expect([created.status, typeof created.body.token]).toEqual([200, "string"]);
    const [token] = await accounts.listApiTokens({ userId: owner.userId });
    const revoked = await run(
      accountRoute.action,
      post("/account", [
        ["intent", "revoke-token"],
        ["id", token.id],
      ]),
    );
    expect([revoked.status, revoked.location]).toEqual([302, "/account"]);
    const switched = await run(
      accountRoute.action,
      post("/account", [
        ["intent", "switch"],
        ["workspace", owner.otherWorkspaceId],
      ]),
    );
    expect([switched.status, switched.location]).toEqual([302, "/"]);
    const changed = await run(
      accountRoute.action,
      post("/account", [
        ["intent", "password"],
        ["current", PASSWORD],
        ["password", "another long enough password"],
      ]),
    );
    expect([changed.status, changed.body.notice]).toEqual([200, "auth.account.passwordChanged"]);
    // Every session ended with the new password: sign in again for the rest of the tests.
    const { token: fresh } = await accounts.createSession({ userId: owner.userId, workspaceId: owner.workspaceId });
    const out = await run(
      accountRoute.action,
      post("/account", [["intent", "sign-out-everywhere"]], { cookie: `tierwise_session=${fresh}` }),
    );
    expect([out.status, out.location]).toEqual([302, "/login"]);
    await accounts.setPassword({ userId: owner.userId, passwordHash: await hashPassword(PASSWORD) });
    owner.cookie = `tierwise_session=${(await accounts.createSession({ userId: owner.userId, workspaceId: owner.workspaceId })).token}`;
  });

  it("names a bad field in the page's language and keeps the token name typed; nothing is created", async () => {
    const before = (await accounts.listApiTokens({ userId: owner.userId })).length;
    const long = "n".repeat(81);
    const en = await run(
      accountRoute.action,
      post("/account", [
        ["intent", "create-token"],
        ["name", long],
      ]),
    );
    expect(en.status).toBe(400);
    expect(en.body).toMatchObject({ error: "Token name: must be at most 80 characters", field: "name", values: { name: long } });
    const zh = await run(
      accountRoute.action,
      post(
        "/account",
        [
          ["intent", "create-token"],
          ["name", long],
        ],
        { lang: "zh" },
      ),
    );
    expect(zh.body.error).toBe("令牌名称：最多 80 个字符");
    const twice = await run(
      accountRoute.action,
      post("/account", [
        ["intent", "password"],
        ["current", PASSWORD],
        ["password", "x"],
        ["password", "y"],
      ]),
    );
    expect([twice.status, twice.body.error, twice.body.field]).toEqual([400, "Password: must be text", "password"]);
    const file = await run(
      accountRoute.action,
      post("/account", [
        ["intent", "switch"],
        ["workspace", new Blob(["x"])],
      ]),
    );
    expect([file.status, file.body.error]).toEqual([400, "Workspace: must be text"]);
    const missing = await run(accountRoute.action, post("/account", [["intent", "revoke-token"]]));
    expect([missing.status, missing.body.error]).toEqual([400, "API token: is required"]);
    expect((await accounts.listApiTokens({ userId: owner.userId })).length).toBe(before);
  });

  it("answers an unknown or missing intent with 400 naming it", async () => {
    for (const fields of [[["intent", "drop-tables"]], [["name", "x"]]] as [string, string][][]) {
      const r = await run(accountRoute.action, post("/account", fields));
      expect([r.status, r.body.error, r.body.field]).toEqual([400, "Action: is not one of the choices", "intent"]);
    }
    const zh = await run(accountRoute.action, post("/account", [["intent", "?"]], { lang: "zh" }));
    expect(zh.body.error).toBe("操作：不是可选的取值");
  });
});

describe("the workspace page's posts", () => {
  it("does each intent: invite, revoke the invitation, change a role, remove a member", async () => {
    const invited = await run(
      workspaceRoute.action,
      post("/workspace", [
        ["intent", "invite"],
        ["email", " Ed@Example.com "],
        ["role", "editor"],
      ]),
    );
    expect(invited.status).toBe(200);
    expect(invited.body.invite).toMatchObject({ email: "ed@example.com" });
    const [invite] = await accounts.listInvites({ workspaceId: owner.workspaceId });
    const revoked = await run(
      workspaceRoute.action,
      post("/workspace", [
        ["intent", "revoke-invite"],
        ["id", invite.id],
      ]),
    );
    expect([revoked.status, revoked.location]).toEqual([302, "/workspace"]);
    const ed = (await accounts.createUser({ email: "ed@example.com", passwordHash: null }))!;
    await accounts.setMembership({ workspaceId: owner.workspaceId, userId: ed.id, role: "editor" });
    const role = await run(
      workspaceRoute.action,
      post("/workspace", [
        ["intent", "role"],
        ["user", ed.id],
        ["email", "ed@example.com"],
        ["role", "viewer"],
      ]),
    );
    expect([role.status, role.location]).toEqual([302, "/workspace"]);
    expect((await accounts.listMembers({ workspaceId: owner.workspaceId })).find((m) => m.userId === ed.id)?.role).toBe("viewer");
    const removed = await run(
      workspaceRoute.action,
      post("/workspace", [
        ["intent", "remove"],
        ["user", ed.id],
      ]),
    );
    expect([removed.status, removed.location]).toEqual([302, "/workspace"]);
    expect((await accounts.listMembers({ workspaceId: owner.workspaceId })).some((m) => m.userId === ed.id)).toBe(false);
  });

  it("names a bad email or role in the page's language, keeps the invitation form as typed, and invites nobody", async () => {
    const before = (await accounts.listInvites({ workspaceId: owner.workspaceId })).length;
    const email = await run(
      workspaceRoute.action,
      post("/workspace", [
        ["intent", "invite"],
        ["email", "not an address"],
        ["role", "viewer"],
      ]),
    );
    expect(email.status).toBe(400);
    expect(email.body.field).toEqual({
      name: "email",
      message: "Email: must be an email address such as name@example.com",
      values: { email: "not an address", role: "viewer" },
    });
    const role = await run(
      workspaceRoute.action,
      post(
        "/workspace",
        [
          ["intent", "invite"],
          ["email", "fay@example.com"],
          ["role", "admin"],
        ],
        { lang: "zh" },
      ),
    );
    expect(role.status).toBe(400);
    expect(role.body.field).toMatchObject({ name: "role", message: "角色：不是可选的取值", values: { email: "fay@example.com" } });
    const unknown = await run(workspaceRoute.action, post("/workspace", [["intent", "promote"]]));
    expect([unknown.status, (unknown.body.field as { message: string }).message]).toEqual([400, "Action: is not one of the choices"]);
    const noUser = await run(workspaceRoute.action, post("/workspace", [["intent", "remove"]]));
    expect([noUser.status, (noUser.body.field as { message: string }).message]).toEqual([400, "Member: is required"]);
    expect((await accounts.listInvites({ workspaceId: owner.workspaceId })).length).toBe(before);
  });
});

describe("the sign-in page's post", () => {
  it("signs in; a wrong password is 401; a missing or oversized field is 400 naming it, the email kept", async () => {
    const ok = await run(
      loginRoute.action,
      post(
        "/login",
        [
          ["email", "owner@example.com"],
          ["password", PASSWORD],
          ["next", "/workspace"],
        ],
        { cookie: "" },
      ),
    );
    expect([ok.status, ok.location]).toEqual([302, "/workspace"]);
    const wrong = await run(
      loginRoute.action,
      post(
        "/login",
        [
          ["email", "owner@example.com"],
          ["password", "not the password at all"],
        ],
        { cookie: "" },
      ),
    );
    expect([wrong.status, wrong.body.problem]).toEqual([401, "failed"]);
    const missing = await run(loginRoute.action, post("/login", [["email", "owner@example.com"]], { cookie: "", lang: "zh" }));
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ problem: "field", field: "password", message: "密码：必填", email: "owner@example.com" });
    const long = `${"a".repeat(250)}@example.com`;
    const tooLong = await run(
      loginRoute.action,
      post(
        "/login",
        [
          ["email", long],
          ["password", PASSWORD],
        ],
        { cookie: "" },
      ),
    );
    expect(tooLong.body).toMatchObject({ problem: "field", field: "email", message: "Email: must be at most 254 characters" });
    expect(tooLong.body.email).toBe(long.slice(0, 254));
  });
});

describe("the invitation page's post", () => {
  it("joins with a new password; a password that is no text is 400 naming it; a short one is refused as before", async () => {
    const { token } = await accounts.createInvite({
      workspaceId: owner.workspaceId,
      email: "gus@example.com",
      role: "viewer",
      createdBy: owner.userId,
    });
    const path = `/invite/${token}`;
    const twice = await run(
      inviteRoute.action,
      post(
        path,
        [
          ["password", "one long enough password"],
          ["password", "two long enough passwords"],
        ],
        { cookie: "", lang: "zh" },
      ),
      { token },
    );
    expect([twice.status, twice.body.message]).toEqual([400, "密码：必须是文本"]);
    const short = await run(inviteRoute.action, post(path, [["password", "short"]], { cookie: "" }), { token });
    expect([short.status, short.body.error]).toEqual([400, "auth.password.too-short"]);
    expect(await accounts.getUserByEmail({ email: "gus@example.com" })).toBeNull();
    const joined = await run(inviteRoute.action, post(path, [["password", "gus chose a long passphrase"]], { cookie: "" }), { token });
    expect([joined.status, joined.location]).toEqual([302, "/"]);
    expect((await accounts.listMembers({ workspaceId: owner.workspaceId })).find((m) => m.email === "gus@example.com")?.role).toBe(
      "viewer",
    );
  });
});

describe("the plan page's posts", () => {
  const path = () => `/scenarios/${scenarioId}`;
  const act = (fields: [string, string][], lang = "en") => run(planRoute.action, post(path(), fields, { lang }), { id: scenarioId });

  it("does each intent: share (a version, the latest), revoke the link, edit an assumption, confirm a fact", async () => {
    const shared = await act([
      ["intent", "share-create"],
      ["shareVersion", "1"],
    ]);
    expect(shared.status).toBe(302);
    const token = new URL(shared.location!, BASE).searchParams.get("shared")!;
    expect(
      (
        await act([
          ["intent", "share-create"],
          ["shareVersion", "latest"],
        ])
      ).status,
    ).toBe(302);
    const revoked = await act([
      ["intent", "share-revoke"],
      ["token", token],
    ]);
    expect([revoked.status, revoked.location]).toEqual([302, `${path()}#share`]);
    const edited = await act([
      ["intent", "assumptions"],
      ["version", "1"],
      ["a:finance.discountRate", "17.5"],
    ]);
    expect(edited.location).toMatch(new RegExp(`^${path()}\\?saved=2#`));
    const confirmed = await act([
      ["intent", "confirm"],
      ["version", "2"],
      ["field", "usage.users"],
      ["value", "400"],
    ]);
    expect(confirmed.location).toMatch(new RegExp(`^${path()}\\?saved=3#bottom-line`));
    expect((await listVersions({ id: scenarioId })).length).toBe(3);
  });

  it("names a bad field in the page's language, keeps a correction as typed, and saves nothing", async () => {
    const before = (await getScenario({ id: scenarioId }))!.latestVersion;
    const pin = await act([
      ["intent", "share-create"],
      ["shareVersion", "newest"],
    ]);
    expect([pin.status, pin.body.formError]).toEqual([400, "Version to share: must be a whole number"]);
    const version = await act(
      [
        ["intent", "assumptions"],
        ["version", "first"],
        ["a:finance.discountRate", "12"],
      ],
      "zh",
    );
    expect([version.status, version.body.formError]).toEqual([400, "版本：必须是整数"]);
    const confirm = await act([
      ["intent", "confirm"],
      ["value", "400"],
    ]);
    expect(confirm.status).toBe(400);
    expect(confirm.body.confirmError).toEqual({ field: "", message: "Fact to confirm: is required", value: "400" });
    const revoke = await act([["intent", "share-revoke"]]);
    expect([revoke.status, revoke.body.formError]).toEqual([400, "Share link: is required"]);
    expect((await getScenario({ id: scenarioId }))!.latestVersion).toBe(before);
  });

  it("answers an unknown or missing intent with 400 naming it", async () => {
    for (const fields of [[["intent", "publish"]], [["version", "1"]]] as [string, string][][]) {
      const r = await act(fields);
      expect([r.status, r.body.formError]).toEqual([400, "Action: is not one of the choices"]);
    }
    expect((await act([["intent", "x"]], "zh")).body.formError).toBe("操作：不是可选的取值");
  });
});

describe("the list's manage menu", () => {
  const act = (fields: [string, string][], lang = "en") => run(indexRoute.action, post("/?index", fields, { lang }));

  it("does each intent: duplicate, rename, tags, archive, unarchive, delete, restore", async () => {
    const dup = await act([
      ["intent", "duplicate"],
      ["id", scenarioId],
      ["version", "1"],
    ]);
    expect(dup.location).toMatch(/^\/scenarios\/[2-9a-hjkmnp-z]{12}\?done=duplicated$/);
    const copy = dup.location!.split("/")[2].split("?")[0];
    for (const [fields, done] of [
      [[["title", "Ticket triage, renamed"]], "renamed"],
      [[["tags", "support, 客服"]], "tagged"],
      [[], "archived"],
      [[], "unarchived"],
      [[], "deleted"],
      [[], "restored"],
    ] as [[string, string][], string][]) {
      const intent = {
        renamed: "rename",
        tagged: "tags",
        archived: "archive",
        unarchived: "unarchive",
        deleted: "delete",
        restored: "restore",
      }[done]!;
      const r = await act([["intent", intent], ["id", copy], ...fields]);
      expect([intent, r.status, new URL(r.location!, BASE).searchParams.get("done")]).toEqual([intent, 302, done]);
    }
    expect(await getScenario({ id: copy })).toMatchObject({ title: "Ticket triage, renamed" });
  });

  it("names a bad field in the page's language (the title's and tags' own words as before) and changes nothing", async () => {
    const title = (await getScenario({ id: scenarioId }))!.title;
    const empty = await act([
      ["intent", "rename"],
      ["id", scenarioId],
      ["title", "   "],
    ]);
    expect(empty).toMatchObject({ status: 400, body: { field: "title", message: "New title: enter a title.", value: "   " } });
    const two = await act(
      [
        ["intent", "rename"],
        ["id", scenarioId],
        ["title", "a"],
        ["title", "b"],
      ],
      "zh",
    );
    expect(two.status).toBe(400);
    expect(two.body).toMatchObject({ field: "title", value: "a, b" });
    expect(String(two.body.message)).toMatch(/^新标题：/);
    const tags = await act([
      ["intent", "tags"],
      ["id", scenarioId],
      ["tags", "<script>"],
    ]);
    expect(tags.body).toMatchObject({ field: "tags", value: "<script>" });
    expect(String(tags.body.message)).toMatch(/^Tags: “<script>”/);
    const version = await act([
      ["intent", "duplicate"],
      ["id", scenarioId],
      ["version", "0"],
    ]);
    expect([version.status, version.body.message, version.body.field]).toEqual([400, "Version: must be a whole number", null]);
    const noId = await act([["intent", "archive"]]);
    expect([noId.status, noId.body.message]).toEqual([400, "Scenario: is required"]);
    // A malformed id names no scenario: gone (404), like one in another workspace.
    const badId = await act([
      ["intent", "archive"],
      ["id", "../../etc"],
    ]);
    expect([badId.status, badId.body.message]).toEqual([404, "That scenario no longer exists or is in the trash."]);
    expect((await getScenario({ id: scenarioId }))!.title).toBe(title);
  });

  it("answers an unknown or missing intent with 400 naming it", async () => {
    const unknown = await act([
      ["intent", "purge"],
      ["id", scenarioId],
    ]);
    expect(unknown).toMatchObject({ status: 400, body: { ok: false, intent: null, message: "Action: is not one of the choices" } });
    expect((await act([["id", scenarioId]], "zh")).body.message).toBe("操作：不是可选的取值");
  });
});
