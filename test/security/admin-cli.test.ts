// `tierwise admin …` against a real SQLite file: a fresh install set up by a script (DESIGN.md contract).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../bin/cli";
import { verifyPassword } from "~/lib/password.server";
import { getUserByEmail, listMemberships, resolveApiToken } from "~/models/accounts.server";
import { openDatabase } from "~/models/db.server";

const dir = mkdtempSync(join(tmpdir(), "tierwise-admin-"));
const DATABASE_PATH = join(dir, "admin.sqlite");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function admin(args: string[], stdin = "") {
  let stdout = "";
  let stderr = "";
  const code = await runCli(["admin", ...args], {
    stdin: Readable.from([stdin]),
    stdout: (s) => void (stdout += String(s)),
    stderr: (s) => void (stderr += s),
    env: { DATABASE_PATH } as unknown as NodeJS.ProcessEnv,
  });
  return { code, stdout, stderr, json: stdout ? JSON.parse(stdout) : null };
}

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase({ path: DATABASE_PATH });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

describe("tierwise admin", () => {
  it("creates the first owner and the workspace, the password from stdin, stored hashed", async () => {
    const r = await admin(
      ["create-user", "--email", "Owner@Example.com", "--workspace", "Acme Consulting", "--role", "owner"],
      "a long owner password\n",
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.json).toMatchObject({
      email: "owner@example.com",
      workspace: "Acme Consulting",
      role: "owner",
      createdUser: true,
      createdWorkspace: true,
    });
    await withDb(async (db) => {
      const user = await getUserByEmail({ db, email: "owner@example.com" });
      expect(user?.passwordHash).toMatch(/^scrypt\$/);
      expect(await verifyPassword("a long owner password", user?.passwordHash)).toBe(true);
      expect(await listMemberships({ db, userId: user!.id })).toEqual([
        { workspaceId: expect.any(String), workspaceName: "Acme Consulting", role: "owner" },
      ]);
    });
  });

  it("adds an existing person to another workspace without a password, and refuses a new person without one", async () => {
    const again = await admin(["create-user", "--email", "owner@example.com", "--workspace", "Client B", "--role", "viewer"]);
    expect(again.json).toMatchObject({ createdUser: false, createdWorkspace: true, role: "viewer" });
    const none = await admin(["create-user", "--email", "new@example.com", "--workspace", "Client B", "--role", "editor"]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe("");
    expect(none.stderr).toBe("password (stdin): is required for a new person: send it on stdin\n");
    const short = await admin(["create-user", "--email", "new@example.com", "--workspace", "Client B", "--role", "editor"], "short");
    expect(short.stderr).toMatch(/^password \(stdin\): must be at least 12 characters/);
  });

  it("prints {token} for the API; the token works in its workspace and can be revoked", async () => {
    const ambiguous = await admin(["create-token", "--email", "owner@example.com"]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/^--workspace: is required: owner@example.com belongs to "Acme Consulting", "Client B"/);
    const r = await admin(["create-token", "--email", "owner@example.com", "--workspace", "Acme Consulting", "--name", "ci"]);
    expect(r.code).toBe(0);
    expect(Object.keys(r.json)).toEqual(["token", "id", "workspace"]);
    await withDb(async (db) =>
      expect(await resolveApiToken({ db, token: r.json.token })).toMatchObject({ role: "owner", workspaceName: "Acme Consulting" }),
    );
    expect((await admin(["revoke-token", "--id", r.json.id])).code).toBe(0);
    await withDb(async (db) => expect(await resolveApiToken({ db, token: r.json.token })).toBeNull());
    expect((await admin(["revoke-token", "--id", r.json.id])).stderr).toMatch(/^--id: no live token/);
  });

  it("names bad flags, one line each, exit 2, nothing on stdout", async () => {
    const r = await admin(["create-user", "--email", "not-an-email", "--role", "boss", "--extra", "1"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(
      r.stderr
        .trim()
        .split("\n")
        .map((l) => l.split(":")[0])
        .sort(),
    ).toEqual(["--email", "--extra", "--role", "--workspace"]);
    expect((await admin(["create-token", "--email", "nobody@example.com"])).stderr).toMatch(/^--email: no account for nobody@example.com/);
    expect((await admin(["drop-everything"])).stderr).toMatch(/^admin: "drop-everything" is not a command/);
  });
});
