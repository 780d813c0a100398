// Two app servers, each started with `npm start`, on one PostgreSQL database (issue 13): they share scenarios,
// versions and share links, see each other's writes at once (pages included: the render cache is keyed by what the
// database says), and concurrent writes spread over both are all acknowledged, numbered and readable from either.
// No browser: plain HTTP against the built app. Needs PostgreSQL (see test/helpers/databases.ts); CI requires it.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, POSTGRES_SKIP_REASON, type TestDatabase } from "../helpers/databases";
import { buildApp, ROOT, startBuiltServer, type BuiltServer } from "../support/built-server";

const TITLE = "Ticket triage for the help desk";
const input = (n: number) => ({
  title: `${TITLE} ${n}`,
  description: `Classify ${1000 + n} support tickets a day into 12 queues; agents review every suggestion.`,
  locale: "en",
});

async function createVia(server: BuiltServer, n: number): Promise<{ status: number; id?: string }> {
  const r = await fetch(`${server.url}/api/scenarios`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify(input(n)),
  });
  return { status: r.status, id: r.status === 201 ? ((await r.json()) as { id: string }).id : undefined };
}

async function read(server: BuiltServer, id: string): Promise<{ status: number; latestVersion?: number; title?: string }> {
  const r = await fetch(`${server.url}/api/scenarios/${id}`);
  if (r.status !== 200) return { status: r.status };
  const body = (await r.json()) as { latestVersion: number; title: string };
  return { status: 200, latestVersion: body.latestVersion, title: body.title };
}

/** The form a person submits on /scenarios/:id/edit: a new version. */
function saveVersionVia(server: BuiltServer, id: string, title: string): Promise<Response> {
  const form = new URLSearchParams({ title, description: `Classify support tickets into 12 queues (${title}).`, locale: "en" });
  return fetch(`${server.url}/scenarios/${id}/edit`, { method: "POST", body: form, headers: { origin: server.url }, redirect: "manual" });
}

function formPost(server: BuiltServer, path: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { origin: server.url },
    redirect: "manual",
  });
}

describe.skipIf(POSTGRES_SKIP_REASON !== null)("two app servers on one PostgreSQL", () => {
  let t: TestDatabase;
  let a: BuiltServer;
  let b: BuiltServer;

  beforeAll(async () => {
    // The browser tests' global setup builds the app; without Chromium it skips that, so build here if needed.
    if (!existsSync(join(ROOT, "build/server/workers/sqlite.mjs"))) buildApp();
    t = await createTestDatabase("postgres");
    [a, b] = await Promise.all([startBuiltServer({ env: t.env, viaNpmStart: true }), startBuiltServer({ env: t.env, viaNpmStart: true })]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await t?.drop();
  });

  it("acknowledges 60 concurrent creates spread over both servers, every one readable from either", async () => {
    const created = await Promise.all(Array.from({ length: 60 }, (_, i) => createVia(i % 2 ? b : a, i)));
    expect(created.map((c) => c.status)).toEqual(Array(60).fill(201));
    const ids = created.map((c) => c.id!);
    expect(new Set(ids).size).toBe(60);
    for (const server of [a, b]) {
      const reads = await Promise.all(ids.map((id) => read(server, id)));
      expect(reads.map((r) => r.status)).toEqual(Array(60).fill(200));
      expect(reads.map((r) => r.title)).toEqual(ids.map((_, i) => `${TITLE} ${i}`));
    }
    const { n } = (await t.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM scenarios"))!;
    expect(n).toBeGreaterThanOrEqual(60);
  });

  it("numbers concurrent saves of one scenario on both servers 2…21, losing none", async () => {
    const { id } = await createVia(a, 100);
    const saves = await Promise.all(Array.from({ length: 20 }, (_, i) => saveVersionVia(i % 2 ? b : a, id!, `Edit ${i}`)));
    expect(saves.map((r) => r.status)).toEqual(Array(20).fill(302));
    const saved = saves.map((r) => Number(new URL(r.headers.get("location")!, a.url).searchParams.get("saved"))).sort((x, y) => x - y);
    expect(saved).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    const versions = await t.db.all<{ version: number; title: string }>(
      "SELECT version, title FROM scenario_versions WHERE scenario_id = ? ORDER BY version",
      [id!],
    );
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(new Set(versions.slice(1).map((v) => v.title))).toEqual(new Set(Array.from({ length: 20 }, (_, i) => `Edit ${i}`)));
    expect((await read(b, id!)).latestVersion).toBe(21);
  });

  it("shows on one server's page, at once, the version saved and the share link revoked on the other", async () => {
    const { id } = await createVia(a, 200);
    const page = (s: BuiltServer) => fetch(`${s.url}/scenarios/${id}`).then((r) => r.text());
    // Rendered and cached on A.
    expect(await page(a)).toContain(`${TITLE} 200`);
    expect(await page(a)).toContain(`${TITLE} 200`);
    expect((await saveVersionVia(b, id!, "Renamed on server B")).status).toBe(302);
    const onA = await page(a);
    expect(onA).toContain("Renamed on server B");

    const shared = await formPost(a, `/scenarios/${id}`, { intent: "share-create" });
    expect(shared.status).toBe(302);
    const token = new URL(shared.headers.get("location")!, a.url).searchParams.get("shared")!;
    expect(token).toBeTruthy();
    expect((await fetch(`${b.url}/share/${token}`)).status).toBe(200);
    expect((await fetch(`${a.url}/share/${token}`)).status).toBe(200);
    expect((await formPost(b, `/scenarios/${id}`, { intent: "share-revoke", token })).status).toBe(302);
    expect((await fetch(`${a.url}/share/${token}`)).status).toBe(404);
    expect((await fetch(`${a.url}/share/${token}/report.pdf`)).status).toBe(404);
  });
});
