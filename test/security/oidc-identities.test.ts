// Single sign-on's rows (migration 0043) on SQLite and PostgreSQL: a state is used once, and who a provider's account
// is here (linked by subject, by verified email, or made from an open invitation; nobody else), all or nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createApiToken,
  createInvite,
  createSession,
  createUser,
  ensureWorkspace,
  listMemberships,
  resolveApiToken,
  resolveSession,
  revokeApiToken,
  setMembership,
} from "~/models/accounts.server";
import { listWorkspaceAudit } from "~/models/audit.server";
import { claimPendingLogin, createPendingLogin, listIdentities, resolveIdentity } from "~/models/identities.server";
import { createTestDatabase, POSTGRES_SKIP_REASON, TEST_DIALECTS, type TestDatabase } from "../helpers/databases";

if (POSTGRES_SKIP_REASON) describe.skip(POSTGRES_SKIP_REASON, () => it("runs on PostgreSQL"));

const ISSUER = "https://idp.example.com";

describe.each(TEST_DIALECTS)("single sign-on rows on %s", (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(() => t.drop());

  const count = async (table: string) => Number((await t.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n);

  it("uses a state once; an expired one is refused and gone", async () => {
    await createPendingLogin({ db: t.db, state: "state-1", nonce: "n1", codeVerifier: "v1", next: "/compare" });
    expect(await claimPendingLogin({ db: t.db, state: "state-1" })).toEqual({ nonce: "n1", codeVerifier: "v1", next: "/compare" });
    expect(await claimPendingLogin({ db: t.db, state: "state-1" })).toBeNull();
    await createPendingLogin({ db: t.db, state: "state-2", nonce: "n2", codeVerifier: "v2", next: "/" });
    await t.db.run("UPDATE oidc_logins SET expires_at = ?", [new Date(Date.now() - 1).toISOString()]);
    expect(await claimPendingLogin({ db: t.db, state: "state-2" })).toBeNull();
    // Starting another sign-in sweeps the expired ones.
    await t.db.run(
      "INSERT INTO oidc_logins (state_hash, nonce, code_verifier, next_path, created_at, expires_at) VALUES ('old', 'n', 'v', '/', ?, ?)",
      [new Date(0).toISOString(), new Date(0).toISOString()],
    );
    await createPendingLogin({ db: t.db, state: "state-3", nonce: "n3", codeVerifier: "v3", next: "/" });
    expect(await count("oidc_logins")).toBe(1);
  });

  it("links by subject, then by verified email; makes an account only from an open invitation, taking its workspaces and roles", async () => {
    const acme = await ensureWorkspace({ db: t.db, name: "Acme" });
    const beta = await ensureWorkspace({ db: t.db, name: "Beta" });
    const ann = (await createUser({ db: t.db, email: "ann@example.com", passwordHash: null }))!;
    await setMembership({ db: t.db, workspaceId: acme.id, userId: ann.id, role: "viewer" });

    // Nobody, no invitation: refused, nothing written.
    expect(await resolveIdentity({ db: t.db, issuer: ISSUER, subject: "s-bob", email: "bob@example.com" })).toEqual({
      ok: false,
      reason: "no-invitation",
    });
    expect([await count("users"), await count("identities")]).toEqual([1, 0]);

    // An existing account by email (any case): linked.
    expect(await resolveIdentity({ db: t.db, issuer: ISSUER, subject: "s-ann", email: "Ann@Example.com" })).toMatchObject({
      ok: true,
      userId: ann.id,
      linked: "by-email",
      joined: [],
    });
    // The same subject later, whatever email it now carries; another issuer's same subject is someone else.
    expect(await resolveIdentity({ db: t.db, issuer: ISSUER, subject: "s-ann", email: "ann.new@example.com" })).toMatchObject({
      userId: ann.id,
      linked: "known",
    });
    expect(await resolveIdentity({ db: t.db, issuer: "https://other.example.com", subject: "s-ann", email: "x@example.com" })).toEqual({
      ok: false,
      reason: "no-invitation",
    });
    expect((await listIdentities({ db: t.db, userId: ann.id })).map((i) => [i.issuer, i.email])).toEqual([[ISSUER, "ann@example.com"]]);

    // Invited to two workspaces (twice to one): one account, both memberships, the higher role where invited twice.
    await createInvite({ db: t.db, workspaceId: acme.id, email: "bob@example.com", role: "viewer", createdBy: ann.id });
    await createInvite({ db: t.db, workspaceId: acme.id, email: "bob@example.com", role: "editor", createdBy: ann.id });
    await createInvite({ db: t.db, workspaceId: beta.id, email: "bob@example.com", role: "owner", createdBy: ann.id });
    const bob = await resolveIdentity({ db: t.db, issuer: ISSUER, subject: "s-bob", email: "bob@example.com" });
    expect(bob).toMatchObject({ ok: true, linked: "invited" });
    if (!bob.ok) throw new Error("unreachable");
    expect((await listMemberships({ db: t.db, userId: bob.userId })).map((m) => [m.workspaceName, m.role])).toEqual([
      ["Acme", "editor"],
      ["Beta", "owner"],
    ]);
    expect(await t.db.get("SELECT password_hash FROM users WHERE id = ?", [bob.userId])).toEqual({ password_hash: null });
    expect(await count("invites WHERE accepted_at IS NULL")).toBe(0);

    // A disabled account is refused, linked or not.
    await t.db.run("UPDATE users SET disabled_at = ? WHERE id = ?", [new Date().toISOString(), ann.id]);
    expect(await resolveIdentity({ db: t.db, issuer: ISSUER, subject: "s-ann", email: "ann@example.com" })).toEqual({
      ok: false,
      reason: "disabled",
    });
  });

  it("linking by email takes the account over in the same transaction: password removed, sessions and API tokens deleted, audited", async () => {
    const acme = await ensureWorkspace({ db: t.db, name: "Acme" });
    const beta = await ensureWorkspace({ db: t.db, name: "Beta" });
    const ann = (await createUser({ db: t.db, email: "ann@example.com", passwordHash: "scrypt$set-by-whoever-held-the-link" }))!;
    const other = (await createUser({ db: t.db, email: "other@example.com", passwordHash: "scrypt$other" }))!;
    for (const [w, u] of [
      [acme, ann],
      [beta, ann],
      [acme, other],
    ] as const) {
      await setMembership({ db: t.db, workspaceId: w.id, userId: u.id, role: "editor" });
    }
    await createSession({ db: t.db, userId: ann.id, workspaceId: acme.id });
    await createSession({ db: t.db, userId: ann.id, workspaceId: beta.id });
    const kept = await createSession({ db: t.db, userId: other.id, workspaceId: acme.id });
    const revoked = await createApiToken({ db: t.db, userId: ann.id, workspaceId: acme.id, name: "old" });
    await revokeApiToken({ db: t.db, id: revoked.id });
    await createApiToken({ db: t.db, userId: ann.id, workspaceId: beta.id, name: "live" });
    const otherToken = await createApiToken({ db: t.db, userId: other.id, workspaceId: acme.id, name: "other's" });

    expect(await resolveIdentity({ db: t.db, issuer: ISSUER, subject: "s-ann", email: "ann@example.com" })).toMatchObject({
      ok: true,
      linked: "by-email",
    });
    expect(await t.db.get("SELECT password_hash FROM users WHERE id = ?", [ann.id])).toEqual({ password_hash: null });
    expect([await count(`sessions WHERE user_id = '${ann.id}'`), await count(`api_tokens WHERE user_id = '${ann.id}'`)]).toEqual([0, 0]);
    // Nobody else's.
    expect(await t.db.get("SELECT password_hash FROM users WHERE id = ?", [other.id])).toEqual({ password_hash: "scrypt$other" });
    expect(await resolveSession({ db: t.db, token: kept.token })).toMatchObject({ userId: other.id });
    expect(await resolveApiToken({ db: t.db, token: otherToken.token })).toMatchObject({ userId: other.id });
    for (const w of [acme, beta]) {
      expect((await listWorkspaceAudit({ db: t.db, workspaceId: w.id })).map((e) => [e.actor, e.action, e.detail])).toEqual([
        ["ann@example.com", "sso-linked", { passwordRemoved: 1, sessions: 2, tokens: 1 }],
      ]);
    }
    // Later sign-ins go by subject and take nothing.
    const again = await createSession({ db: t.db, userId: ann.id, workspaceId: acme.id });
    await resolveIdentity({ db: t.db, issuer: ISSUER, subject: "s-ann", email: "ann@example.com" });
    expect(await resolveSession({ db: t.db, token: again.token })).toMatchObject({ userId: ann.id });
    expect(await count("audit_events")).toBe(2);
  });

  it("a linked person, or one linked by email, also takes the invitations sent to their account's email (a member keeps a higher role)", async () => {
    const acme = await ensureWorkspace({ db: t.db, name: "Acme" });
    const beta = await ensureWorkspace({ db: t.db, name: "Beta" });
    const ann = (await createUser({ db: t.db, email: "ann@example.com", passwordHash: null }))!;
    await setMembership({ db: t.db, workspaceId: acme.id, userId: ann.id, role: "owner" });
    await createInvite({ db: t.db, workspaceId: acme.id, email: "ann@example.com", role: "viewer", createdBy: ann.id });
    // By email: joins nothing new (already Acme's owner), the invitation is used.
    expect(await resolveIdentity({ db: t.db, issuer: ISSUER, subject: "s-ann", email: "ann@example.com" })).toMatchObject({
      linked: "by-email",
      joined: [],
    });
    expect(await count("invites WHERE accepted_at IS NULL")).toBe(0);
    // Removed from Acme, invited to Beta: the next sign-in (by subject, whatever email the provider now says) joins Beta.
    await t.db.run("DELETE FROM memberships WHERE user_id = ?", [ann.id]);
    await createInvite({ db: t.db, workspaceId: beta.id, email: "ann@example.com", role: "editor", createdBy: ann.id });
    expect(await resolveIdentity({ db: t.db, issuer: ISSUER, subject: "s-ann", email: "ann.elsewhere@example.com" })).toMatchObject({
      linked: "known",
      joined: [{ workspaceId: beta.id, role: "editor" }],
    });
    expect((await listMemberships({ db: t.db, userId: ann.id })).map((m) => [m.workspaceName, m.role])).toEqual([["Beta", "editor"]]);
    // An invitation with a higher role raises it.
    await createInvite({ db: t.db, workspaceId: beta.id, email: "ann@example.com", role: "owner", createdBy: ann.id });
    expect(await resolveIdentity({ db: t.db, issuer: ISSUER, subject: "s-ann", email: "ann@example.com" })).toMatchObject({
      joined: [{ workspaceId: beta.id, role: "owner" }],
    });
  });

  it("a second subject of the same issuer with a linked person's email is refused; nothing written, the first still works", async () => {
    const acme = await ensureWorkspace({ db: t.db, name: "Acme" });
    const ann = (await createUser({ db: t.db, email: "ann@example.com", passwordHash: null }))!;
    await setMembership({ db: t.db, workspaceId: acme.id, userId: ann.id, role: "editor" });
    await resolveIdentity({ db: t.db, issuer: ISSUER, subject: "s-ann", email: "ann@example.com" });
    const session = await createSession({ db: t.db, userId: ann.id, workspaceId: acme.id });
    expect(await resolveIdentity({ db: t.db, issuer: ISSUER, subject: "s-recycled", email: "ann@example.com" })).toEqual({
      ok: false,
      reason: "linked-elsewhere",
    });
    expect(await count("identities")).toBe(1);
    expect(await resolveSession({ db: t.db, token: session.token })).toMatchObject({ userId: ann.id });
    expect(await resolveIdentity({ db: t.db, issuer: ISSUER, subject: "s-ann", email: "ann@example.com" })).toMatchObject({
      linked: "known",
    });
    // Another issuer's subject is another provider: linked as before.
    expect(
      await resolveIdentity({ db: t.db, issuer: "https://other.example.com", subject: "s-ann", email: "ann@example.com" }),
    ).toMatchObject({
      linked: "by-email",
    });
  });

  it("two first sign-ins of one invited person at once make one account, one link and one membership", async () => {
    const ws = await ensureWorkspace({ db: t.db, name: "Acme" });
    const ann = (await createUser({ db: t.db, email: "ann@example.com", passwordHash: null }))!;
    await createInvite({ db: t.db, workspaceId: ws.id, email: "bob@example.com", role: "editor", createdBy: ann.id });
    // Two handles: two app servers (or two pool connections) answering two tabs' callbacks.
    const other = await t.open();
    const both = await Promise.all([
      resolveIdentity({ db: t.db, issuer: ISSUER, subject: "s-bob", email: "bob@example.com" }),
      resolveIdentity({ db: other, issuer: ISSUER, subject: "s-bob", email: "bob@example.com" }),
    ]);
    expect(both.every((r) => r.ok)).toBe(true);
    const ids = both.map((r) => (r.ok ? r.userId : ""));
    expect(ids[0]).toBe(ids[1]);
    expect([await count("users WHERE email = 'bob@example.com'"), await count("identities"), await count("memberships")]).toEqual([
      1, 1, 1,
    ]);
  });

  it("removes a person's identities with the person", async () => {
    const ws = await ensureWorkspace({ db: t.db, name: "Acme" });
    const ann = (await createUser({ db: t.db, email: "ann@example.com", passwordHash: null }))!;
    await setMembership({ db: t.db, workspaceId: ws.id, userId: ann.id, role: "owner" });
    await resolveIdentity({ db: t.db, issuer: ISSUER, subject: "s-ann", email: "ann@example.com" });
    await t.db.run("DELETE FROM memberships WHERE user_id = ?", [ann.id]);
    await t.db.run("DELETE FROM users WHERE id = ?", [ann.id]);
    expect(await count("identities")).toBe(0);
  });
});
