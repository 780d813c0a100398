// Accounts, sessions, tokens, invitations, rate limits, idempotency and the audit trail, on SQLite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildPlan } from "~/domain/plan";
import { parseScenarioInput, type ScenarioInput } from "~/domain/scenario";
import { hashPassword, isCommonPassword, passwordProblem, verifyPassword } from "~/lib/password.server";
import {
  acceptInvite,
  changeMembership,
  createApiToken,
  createInvite,
  createSession,
  createUser,
  deleteUserSessions,
  ensureWorkspace,
  findInvite,
  hashSecret,
  listMemberships,
  resolveApiToken,
  resolveSession,
  revokeApiToken,
  setMembership,
  setPassword,
  SESSION_IDLE_MS,
} from "~/models/accounts.server";
import { listScenarioAudit } from "~/models/audit.server";
import { hitRateLimit } from "~/models/rate-limit.server";
import { createScenario, listScenarios, saveVersion } from "~/models/scenario.server";
import { createTestDatabase, POSTGRES_SKIP_REASON, TEST_DIALECTS, type TestDatabase } from "../helpers/databases";

function input(description: string): ScenarioInput {
  const r = parseScenarioInput({ description });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe("passwords", () => {
  it("are hashed with scrypt and a salt, verified in constant time, and never stored as given", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery staple", a)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", a)).toBe(false);
    // An unknown account is checked against a decoy, and fails.
    expect(await verifyPassword("anything at all", null)).toBe(false);
  });

  it("need 12 to 128 characters (ASVS 2.1.1, 2.1.2), any script, never cut short", async () => {
    expect((await passwordProblem("short"))?.code).toBe("too-short");
    expect(await passwordProblem("一个足够长的中文密码短语就可以")).toBeNull();
    // 64 characters pass, 128 pass, 129 are refused (not truncated into a shorter password).
    const sentence = "the quick brown fox jumps over the lazy dog near 7 river banks!";
    expect(await passwordProblem(sentence.padEnd(64, "?"))).toBeNull();
    expect(await passwordProblem(sentence.repeat(3).slice(0, 128))).toBeNull();
    expect((await passwordProblem(sentence.repeat(3).slice(0, 129)))?.code).toBe("too-long");
  });

  it("are checked against the bundled list of breached and common passwords, and its usual dress-ups (ASVS 2.1.7)", async () => {
    // Listed as they are (the bundled list is lower case; any case is caught).
    for (const p of ["123qweasdzxc", "1qaz2wsx3edc", "LeaveMeAlone", "sonyericsson", "woaini1314520"])
      expect([p, await isCommonPassword(p)]).toEqual([p, true]);
    // A listed word with digits or symbols around it, said twice, a few characters repeated, a run along the keyboard.
    for (const p of ["Dragon123456", "!!password2024", "P@ssw0rd2024!", "sunshine2024!", "qwertyqwerty", "abcabcabcabc", "aaaaaaaaaaaa"])
      expect([p, await isCommonPassword(p)]).toEqual([p, true]);
    for (const p of ["1234567890123", "qwertyuiopasdf", "zyxwvutsrqpon"]) expect([p, await isCommonPassword(p)]).toEqual([p, true]);
    expect((await passwordProblem("password1234"))?.code).toBe("common");
    // Passphrases and random strings pass, in both languages.
    for (const p of ["correct horse battery staple", "a long enough test password", "Tr0ub4dor&3xyz", "我家的猫叫做二零二四年的雪球"])
      expect([p, await passwordProblem(p)]).toEqual([p, null]);
  });
});

if (POSTGRES_SKIP_REASON) describe.skip(POSTGRES_SKIP_REASON, () => it("runs on PostgreSQL"));

describe.each(TEST_DIALECTS)("accounts on %s", (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(() => t.drop());

  async function person(email: string, workspace: string, role: "owner" | "editor" | "viewer") {
    const ws = await ensureWorkspace({ db: t.db, name: workspace });
    const user = (await createUser({ db: t.db, email, passwordHash: await hashPassword("a long enough password") }))!;
    await setMembership({ db: t.db, workspaceId: ws.id, userId: user.id, role });
    return { user, ws };
  }

  it("keeps one account per email (case-insensitive) and one workspace per name", async () => {
    expect(await createUser({ db: t.db, email: "Ann@Example.com", passwordHash: null })).not.toBeNull();
    expect(await createUser({ db: t.db, email: "ann@example.COM ", passwordHash: null })).toBeNull();
    const a = await ensureWorkspace({ db: t.db, name: "Acme" });
    const b = await ensureWorkspace({ db: t.db, name: "Acme" });
    expect([a.created, b.created, a.id === b.id]).toEqual([true, false, true]);
  });

  it("stores sessions hashed; a session names its person, workspace and role, and ends when signed out everywhere", async () => {
    const { user, ws } = await person("ann@example.com", "Acme", "editor");
    const { token } = await createSession({ db: t.db, userId: user.id, workspaceId: ws.id });
    const stored = await t.db.all<{ id_hash: string }>("SELECT id_hash FROM sessions");
    expect(stored.map((r) => r.id_hash)).toEqual([hashSecret(token)]);
    expect(await resolveSession({ db: t.db, token })).toMatchObject({
      kind: "session",
      email: "ann@example.com",
      workspaceId: ws.id,
      role: "editor",
    });
    expect(await resolveSession({ db: t.db, token: token + "x" })).toBeNull();
    await createSession({ db: t.db, userId: user.id, workspaceId: ws.id });
    expect(await deleteUserSessions({ db: t.db, userId: user.id })).toBe(2);
    expect(await resolveSession({ db: t.db, token })).toBeNull();
  });

  it("ends a session idle for a week, and every session when the password changes", async () => {
    const { user, ws } = await person("ann@example.com", "Acme", "owner");
    const idle = await createSession({ db: t.db, userId: user.id, workspaceId: ws.id });
    await t.db.run("UPDATE sessions SET last_seen_at = ?", [new Date(Date.now() - SESSION_IDLE_MS - 60_000).toISOString()]);
    expect(await resolveSession({ db: t.db, token: idle.token })).toBeNull();
    const live = await createSession({ db: t.db, userId: user.id, workspaceId: ws.id });
    await setPassword({ db: t.db, userId: user.id, passwordHash: await hashPassword("a brand new password") });
    expect(await resolveSession({ db: t.db, token: live.token })).toBeNull();
  });

  it("resolves API tokens to their workspace with the owner's current role, and stops at revocation or removal", async () => {
    const { user, ws } = await person("ann@example.com", "Acme", "editor");
    const { id, token } = await createApiToken({ db: t.db, userId: user.id, workspaceId: ws.id, name: "ci" });
    expect(token).toMatch(/^tw_[A-Za-z0-9_-]{43}$/);
    expect(await resolveApiToken({ db: t.db, token })).toMatchObject({
      kind: "token",
      workspaceId: ws.id,
      role: "editor",
      label: 'token "ci" (ann@example.com)',
    });
    await setMembership({ db: t.db, workspaceId: ws.id, userId: user.id, role: "viewer" });
    expect((await resolveApiToken({ db: t.db, token }))?.role).toBe("viewer");
    expect(await revokeApiToken({ db: t.db, id, userId: "someone-else" })).toBe(false);
    expect(await revokeApiToken({ db: t.db, id, userId: user.id })).toBe(true);
    expect(await resolveApiToken({ db: t.db, token })).toBeNull();
    const other = await createApiToken({ db: t.db, userId: user.id, workspaceId: ws.id, name: "ci2" });
    const owner = await person("own@example.com", "Acme", "owner");
    expect(owner.ws.id).toBe(ws.id);
    expect(await changeMembership({ db: t.db, workspaceId: ws.id, userId: user.id, role: null })).toBe("ok");
    expect(await resolveApiToken({ db: t.db, token: other.token })).toBeNull();
  });

  it("never leaves a workspace without an owner", async () => {
    const { user, ws } = await person("ann@example.com", "Acme", "owner");
    expect(await changeMembership({ db: t.db, workspaceId: ws.id, userId: user.id, role: "viewer" })).toBe("last-owner");
    expect(await changeMembership({ db: t.db, workspaceId: ws.id, userId: user.id, role: null })).toBe("last-owner");
    const bob = await person("bob@example.com", "Acme", "owner");
    expect(await changeMembership({ db: t.db, workspaceId: ws.id, userId: user.id, role: "viewer" })).toBe("ok");
    expect(await changeMembership({ db: t.db, workspaceId: ws.id, userId: bob.user.id, role: null })).toBe("last-owner");
    expect(await changeMembership({ db: t.db, workspaceId: ws.id, userId: "nobody", role: "editor" })).toBe("not-member");
  });

  it("lets an invitation be used once, before it expires, even when used twice at the same moment", async () => {
    const { ws } = await person("own@example.com", "Acme", "owner");
    const { token } = await createInvite({ db: t.db, workspaceId: ws.id, email: "New@Example.com", role: "viewer", createdBy: null });
    expect(await findInvite({ db: t.db, token })).toMatchObject({ email: "new@example.com", role: "viewer", workspaceName: "Acme" });
    const a = (await createUser({ db: t.db, email: "new@example.com", passwordHash: null }))!;
    const results = await Promise.all([acceptInvite({ db: t.db, token, userId: a.id }), acceptInvite({ db: t.db, token, userId: a.id })]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await listMemberships({ db: t.db, userId: a.id })).toEqual([{ workspaceId: ws.id, workspaceName: "Acme", role: "viewer" }]);
    expect(await findInvite({ db: t.db, token })).toBeNull();
    const expired = await createInvite({ db: t.db, workspaceId: ws.id, email: "late@example.com", role: "editor", createdBy: null });
    await t.db.run("UPDATE invites SET expires_at = ? WHERE email = ?", [new Date(Date.now() - 1000).toISOString(), "late@example.com"]);
    expect(await acceptInvite({ db: t.db, token: expired.token, userId: a.id })).toBeNull();
  });

  it("counts a rate limit across servers and answers how long to wait", async () => {
    const spec = { limit: 3, windowMs: 60_000 };
    const now = 1_800_000_000_000;
    const second = await t.open();
    const verdicts = [];
    for (let i = 0; i < 4; i++)
      verdicts.push(await hitRateLimit({ db: i % 2 ? second : t.db, name: "plan", who: "user:1", spec, now: now + i }));
    expect(verdicts.map((v) => v.ok)).toEqual([true, true, true, false]);
    expect(verdicts[3]).toMatchObject({ ok: false, retryAfterSeconds: 60 });
    // Another caller, or the next window, starts afresh.
    expect((await hitRateLimit({ db: t.db, name: "plan", who: "user:2", spec, now })).ok).toBe(true);
    expect((await hitRateLimit({ db: t.db, name: "plan", who: "user:1", spec, now: now + 60_000 })).ok).toBe(true);
    // Who is counted is not stored as such (an email, an address).
    expect(JSON.stringify(await t.db.all("SELECT bucket FROM rate_limits"))).not.toContain("user:1");
  });

  it("saves a scenario into its workspace with its audit row, and a retried create with the same key writes nothing", async () => {
    const { user, ws } = await person("ann@example.com", "Acme", "editor");
    const actor = { workspaceId: ws.id, userId: user.id, label: "ann@example.com" };
    const i = input("Classify support tickets into 12 queues; agents review each one.");
    const plan = buildPlan(i);
    const idempotency = {
      scope: `${user.id}:${ws.id}:POST /api/scenarios`,
      key: "k-1",
      requestHash: "h",
      status: 201,
      body: (id: string) => `{"id":${JSON.stringify(id)},"version":{{version}}}`,
    };
    const results = await Promise.all(
      [1, 2, 3].map(() => createScenario({ db: t.db, input: i, plan, workspaceId: ws.id, actor, idempotency })),
    );
    const ids = new Set(results.map((r) => r.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const listed = await listScenarios({ db: t.db, workspaceId: ws.id });
    expect(listed.map((s) => s.id)).toEqual([...ids]);
    expect(await listScenarios({ db: t.db, workspaceId: "local" })).toEqual([]);
    expect((await listScenarioAudit({ db: t.db, scenarioId: [...ids][0] })).map((e) => [e.action, e.actor, e.detail])).toEqual([
      ["created", "ann@example.com", { version: 1 }],
    ]);
    const stored = await t.db.get<{ body: string }>("SELECT body FROM idempotency_keys");
    expect(JSON.parse(stored!.body)).toEqual({ id: [...ids][0], version: 1 });
  });

  it("numbers an idempotent new version inside the transaction, and replays it", async () => {
    const { user, ws } = await person("ann@example.com", "Acme", "editor");
    const actor = { workspaceId: ws.id, userId: user.id, label: "ann@example.com" };
    const i = input("Draft replies to customer emails from order data; agents approve every reply.");
    const { id } = await createScenario({ db: t.db, input: i, plan: buildPlan(i), workspaceId: ws.id, actor });
    const idempotency = {
      scope: "s",
      key: "v-1",
      requestHash: "h",
      status: 201,
      body: (sid: string) => `{"id":${JSON.stringify(sid)},"version":{{version}}}`,
    };
    const first = await saveVersion({ db: t.db, id, input: i, plan: buildPlan(i), actor, idempotency });
    const again = await saveVersion({ db: t.db, id, input: i, plan: buildPlan(i), actor, idempotency });
    expect(first).toEqual({ id, version: 2 });
    expect(again).toEqual({ id, version: 2, replayed: true });
    expect((await listScenarioAudit({ db: t.db, scenarioId: id })).map((e) => [e.action, e.detail])).toEqual([
      ["edited", { version: 2 }],
      ["created", { version: 1 }],
    ]);
  });
});
