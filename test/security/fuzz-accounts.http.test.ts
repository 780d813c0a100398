// Seeded, bounded fuzzing of the account pages' form actions with accounts on (TIERWISE_AUTH=password), through the
// whole request path of the built server: sign-in, invitation, account and workspace posts with any mix of their
// fields, intents and hostile values, in any body type. Never a 5xx; a body that is not a form is 400, 405 or 415;
// a refused post is a 4xx. Complements fuzz.http.test.ts (accounts off, where these pages only redirect).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../bin/cli";
import { buildApp, ROOT, startBuiltServer, type BuiltServer } from "../support/built-server";
import { encode, formType, HOSTILE_TEXT } from "./form-bodies";

const SEED = 20261201;
const RUNS = Number(process.env.TIERWISE_FUZZ_RUNS ?? 60);
const dir = mkdtempSync(join(tmpdir(), "tierwise-fuzz-accounts-"));
const DATABASE_PATH = join(dir, "fuzz.sqlite");
const OWNER = "owner@fuzz.example";
const PASSWORD = "the fuzzing owner's long passphrase";
let app: BuiltServer;
let cookie = "";
let inviteToken = "";

beforeAll(async () => {
  if (!existsSync(join(ROOT, "build/server/index.js"))) buildApp();
  const code = await runCli(["admin", "create-user", "--email", OWNER, "--workspace", "Fuzz", "--role", "owner"], {
    stdin: Readable.from([PASSWORD]),
    stdout: () => undefined,
    stderr: () => undefined,
    env: { DATABASE_PATH } as unknown as NodeJS.ProcessEnv,
  });
  expect(code).toBe(0);
  app = await startBuiltServer({ databasePath: DATABASE_PATH, env: { TIERWISE_AUTH: "password", TIERWISE_RATE_LIMITS: "off" } });
  const login = await fetch(`${app.url}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: OWNER, password: PASSWORD, next: "/" }).toString(),
    redirect: "manual",
  });
  expect(login.status).toBe(302);
  cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
  const invited = await fetch(`${app.url}/workspace`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ intent: "invite", email: "guest@fuzz.example", role: "viewer" }).toString(),
  });
  expect(invited.status).toBe(200);
  inviteToken = /\/invite\/([A-Za-z0-9_-]{20,100})/.exec(await invited.text())?.[1] ?? "";
  expect(inviteToken).not.toBe("");
}, 600_000);

afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const weird = fc.constantFrom(...HOSTILE_TEXT, "//evil.example", "/\t/evil.example", "owner@fuzz.example", "x".repeat(129));
// "sign-out-everywhere" is left out: it would end the session the other runs use (its own test covers it).
const INTENTS = ["switch", "create-token", "revoke-token", "password", "invite", "revoke-invite", "role", "remove", "owner", "delete"];
const FIELDS = ["intent", "intent", "workspace", "name", "id", "current", "password", "email", "role", "user", "next"];
const form = fc.array(
  fc.tuple(
    fc.constantFrom(...FIELDS),
    fc.oneof(weird, fc.string({ maxLength: 40 }), fc.constantFrom(...INTENTS, "owner", "editor", "viewer")),
  ),
  { maxLength: 8 },
);

describe("fuzzing the account pages' form actions (accounts on)", () => {
  const ROUTES = [
    ["/login", () => "/login", false],
    ["/invite/:token", () => `/invite/${inviteToken}`, false],
    ["/account", () => "/account", true],
    ["/workspace", () => "/workspace", true],
  ] as const;
  it.each(ROUTES)(
    "POST %s: never a 5xx, a non-form body is 400, 405 or 415, and the owner stays signed in",
    async (_name, path, signedIn) => {
      await fc.assert(
        fc.asyncProperty(form, formType, async (pairs, type) => {
          const { body, headers } = encode(pairs, type);
          if (signedIn) headers.cookie = cookie;
          const r = await fetch(app.url + path(), { method: "POST", headers, body, redirect: "manual" });
          const text = await r.text();
          expect(r.status, `${path()} ${type} ${JSON.stringify(pairs).slice(0, 160)} → ${text.slice(0, 160)}`).toBeLessThan(500);
          if (type === "text/plain" || type === "application/json") expect([400, 405, 415]).toContain(r.status);
          // A redirect never leaves the site.
          const location = r.headers.get("location");
          if (location) expect(location).toMatch(/^\/(?![/\\])/);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      const account = await fetch(`${app.url}/account`, { headers: { cookie }, redirect: "manual" });
      expect(account.status).toBe(200);
    },
  );
});
