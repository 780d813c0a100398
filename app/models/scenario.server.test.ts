import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildPlan } from "~/domain/plan";
import { parseScenarioInput, type ScenarioInput } from "~/domain/scenario";
import { isForeignKeyViolation, migrate, type Database } from "~/models/db.server";
import {
  createScenario,
  createShareLink,
  getScenario,
  getScenarioOverview,
  getVersion,
  listScenarios,
  listShareLinks,
  listVersions,
  resolveShare,
  resolveShareLink,
  revokeShare,
  revokeShareLink,
  saveVersion,
  SCENARIO_ID_PATTERN,
} from "~/models/scenario.server";
import { createTestDatabase, POSTGRES_SKIP_REASON, TEST_DIALECTS, type TestDatabase } from "../../test/helpers/databases";

function input(raw: unknown): ScenarioInput {
  const r = parseScenarioInput(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const triage = input({ title: "Ticket triage", description: "Classify support tickets into 10 categories.", stakes: "low" });

if (POSTGRES_SKIP_REASON) describe.skip(POSTGRES_SKIP_REASON, () => it("runs the model tests on PostgreSQL"));

describe.each(TEST_DIALECTS)("models on %s", (dialect) => {
  let t: TestDatabase;
  let db: Database;

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    db = t.db;
  });
  afterEach(async () => {
    await t.drop();
  });

  describe("database", () => {
    it.runIf(dialect === "sqlite")("opens SQLite in WAL mode with foreign keys", async () => {
      expect((await db.get<{ journal_mode: string }>("PRAGMA journal_mode"))?.journal_mode).toBe("wal");
      expect((await db.get<{ foreign_keys: number }>("PRAGMA foreign_keys"))?.foreign_keys).toBe(1);
    });

    it("records each migration once, and a second server opening the database applies none again", async () => {
      const applied = (await db.all<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name")).map((r) => r.name);
      expect(applied.slice(0, 2)).toEqual(["0001_init.sql", "0002_llm_cache.sql"]);
      const other = await t.open();
      const again = (await other.all<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name")).map((r) => r.name);
      expect(again).toEqual(applied);
      expect(await migrate(other)).toEqual([]);
    });

    it("rolls a failed transaction back and keeps serving the next one", async () => {
      await expect(
        db.transaction(async (tx) => {
          await tx.run("INSERT INTO scenarios (id, title, created_at, updated_at) VALUES ('x', 't', 'a', 'a')");
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await db.get("SELECT * FROM scenarios WHERE id = 'x'")).toBeUndefined();
      await db.transaction((tx) => tx.run("INSERT INTO scenarios (id, title, created_at, updated_at) VALUES ('y', 't', 'a', 'a')"));
      expect(await db.get("SELECT id FROM scenarios WHERE id = 'y'")).toEqual({ id: "y" });
    });

    it("enforces foreign keys", async () => {
      const err = await db
        .run("INSERT INTO share_links (token, scenario_id, created_at) VALUES ('t', 'missing', 'a')")
        .catch((e: unknown) => e);
      expect(isForeignKeyViolation(err)).toBe(true);
    });
  });

  describe("scenarios", () => {
    it("reads a version saved by an older engine as a current plan, recomputed from its stored input", async () => {
      const plan = buildPlan(triage);
      const { id } = await createScenario({ db, input: triage, plan });
      expect((await getVersion({ db, id, version: 1 }))?.upgrade).toBeNull();
      const old = { ...plan, schemaVersion: 0, finance: { currency: "USD", breakEvenMonth: 2 } } as unknown as typeof plan;
      await saveVersion({ db, id, input: triage, plan: old });
      const v2 = await getVersion({ db, id, version: 2 });
      expect(v2?.upgrade).toEqual({ reason: "old_schema", fromSchemaVersion: 0, toSchemaVersion: plan.schemaVersion });
      expect(v2?.plan).toEqual(plan);
      expect((await getScenario({ db, id }))?.upgrade?.reason).toBe("old_schema");
    });

    it("shares a version's cached input and plan, frozen, with read-only readers, and gives everyone else a copy", async () => {
      const plan = buildPlan(triage);
      const { id } = await createScenario({ db, input: triage, plan });
      const a = await getVersion({ db, id, version: 1, readOnly: true });
      const b = await getVersion({ db, id, version: 1, readOnly: true });
      expect(a?.plan).toBe(b?.plan);
      expect(Object.isFrozen(a?.plan)).toBe(true);
      expect(Object.isFrozen(a?.plan.techniques)).toBe(true);
      expect(Object.isFrozen(a?.input)).toBe(true);
      expect(() => {
        (a!.plan as { title: string }).title = "changed";
      }).toThrow(TypeError);
      // A copy may be changed, and the change reaches neither the cache nor the next reader.
      const copy = await getVersion({ db, id, version: 1 });
      expect(copy?.plan).not.toBe(a?.plan);
      expect(Object.isFrozen(copy?.plan)).toBe(false);
      copy!.plan.title = "changed";
      copy!.plan.techniques.pop();
      expect((await getVersion({ db, id, version: 1 }))?.plan).toEqual(a?.plan);
      expect((await getVersion({ db, id, version: 1 }))?.plan.title).toBe(plan.title);
    });

    it("creates a scenario with an unguessable id and reads it back with its plan", async () => {
      const plan = buildPlan(triage);
      const { id, version } = await createScenario({ db, input: triage, plan });
      expect(id).toMatch(SCENARIO_ID_PATTERN);
      expect(version).toBe(1);
      const s = await getScenario({ db, id });
      expect(s?.input).toEqual(triage);
      expect(s?.plan).toEqual(JSON.parse(JSON.stringify(plan)));
      expect(s?.title).toBe("Ticket triage");
      expect(await getScenario({ db, id: "no-such-id-0" })).toBeNull();
    });

    it("survives closing and reopening the database", async () => {
      const { id } = await createScenario({ db, input: triage, plan: buildPlan(triage) });
      await saveVersion({ db, id, input: { ...triage, stakes: "high" }, plan: buildPlan({ ...triage, stakes: "high" }) });
      await db.close();
      db = await t.open();
      const s = await getScenario({ db, id });
      expect(s?.latestVersion).toBe(2);
      expect(s?.input.stakes).toBe("high");
      expect((await listVersions({ db, id })).map((v) => v.version)).toEqual([2, 1]);
    });

    it("lands every one of many concurrent saves as its own version", async () => {
      const { id } = await createScenario({ db, input: triage, plan: buildPlan(triage) });
      const edits = Array.from({ length: 8 }, (_, i) => ({ ...triage, title: `Edit ${i}` }));
      const saved = await Promise.all(edits.map((e) => saveVersion({ db, id, input: e, plan: buildPlan(e) })));
      expect(saved.map((s) => s?.version).sort((a, b) => a! - b!)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
      const versions = await listVersions({ db, id });
      expect(versions).toHaveLength(9);
      expect(new Set(versions.map((v) => v.title))).toEqual(new Set(["Ticket triage", ...edits.map((e) => e.title)]));
    });

    it("lands concurrent saves from two connections to the same database (two server processes)", async () => {
      const other = await t.open();
      const { id } = await createScenario({ db, input: triage, plan: buildPlan(triage) });
      const a = { ...triage, title: "From tab A" };
      const b = { ...triage, title: "From tab B" };
      await Promise.all([
        saveVersion({ db, id, input: a, plan: buildPlan(a) }),
        saveVersion({ db: other, id, input: b, plan: buildPlan(b) }),
      ]);
      const titles = (await listVersions({ db, id })).map((v) => v.title);
      expect(titles).toHaveLength(3);
      expect(titles).toContain("From tab A");
      expect(titles).toContain("From tab B");
    });

    it("keeps old versions immutable", async () => {
      const { id } = await createScenario({ db, input: triage, plan: buildPlan(triage) });
      await expect(db.run("UPDATE scenario_versions SET title = 'x' WHERE scenario_id = ?", [id])).rejects.toThrow(/immutable/);
      const v1 = await getVersion({ db, id, version: 1 });
      expect(v1?.title).toBe("Ticket triage");
      expect(await getVersion({ db, id, version: 2 })).toBeNull();
    });

    it("returns null when saving a version of an unknown scenario", async () => {
      expect(await saveVersion({ db, id: "nope", input: triage, plan: buildPlan(triage) })).toBeNull();
    });

    it("lists scenarios newest first with the key columns of their latest plan", async () => {
      const first = await createScenario({ db, input: triage, plan: buildPlan(triage) });
      const other = input({ title: "Contract review", description: "Review legal contracts", stakes: "critical" });
      const second = await createScenario({ db, input: other, plan: buildPlan(other) });
      const list = await listScenarios({ db });
      expect(list.map((s) => s.id)).toEqual([second.id, first.id]);
      const plan = buildPlan(other);
      expect(list[0]).toMatchObject({
        title: "Contract review",
        verdict: plan.feasibility.verdict,
        grade: plan.feasibility.grade,
        tier: plan.primaryTier,
      });
      expect((await listScenarios({ db, ids: [first.id] })).map((s) => s.id)).toEqual([first.id]);
      expect(await listScenarios({ db, ids: [] })).toEqual([]);
    });
  });

  describe("the plan page's data", () => {
    it("gives the scenario, every version and every share link in one read", async () => {
      const { id } = await createScenario({ db, input: triage, plan: buildPlan(triage) });
      const high = { ...triage, stakes: "high" as const };
      await saveVersion({ db, id, input: high, plan: buildPlan(high) });
      const link = await createShareLink({ db, id });
      await revokeShareLink({ db, id, token: link!.token });
      const page = await getScenarioOverview({ db, id });
      expect(page?.scenario).toMatchObject({ id, latestVersion: 2, title: "Ticket triage" });
      expect(page?.versions.map((v) => v.version)).toEqual([2, 1]);
      expect(page?.versions[0]).toMatchObject({ verdict: buildPlan(high).feasibility.verdict, grade: buildPlan(high).feasibility.grade });
      expect(page?.shareLinks).toEqual([expect.objectContaining({ token: link!.token, revokedAt: expect.any(String) })]);
      expect(await getScenarioOverview({ db, id: "nope" })).toBeNull();
    });

    it("hands out copies: changing what a caller got does not change what the next caller reads", async () => {
      const { id } = await createScenario({ db, input: triage, plan: buildPlan(triage) });
      const a = await getScenario({ db, id });
      a!.plan.title = "mutated";
      a!.input.title = "mutated";
      const b = await getScenario({ db, id });
      expect(b?.plan.title).toBe("Ticket triage");
      expect(b?.input.title).toBe("Ticket triage");
    });
  });

  describe("share links", () => {
    it("creates distinct random tokens, resolves them, and stops resolving once revoked", async () => {
      const { id } = await createScenario({ db, input: triage, plan: buildPlan(triage) });
      const a = await createShareLink({ db, id });
      const b = await createShareLink({ db, id });
      expect(a!.token).not.toBe(b!.token);
      expect(a!.token.length).toBeGreaterThanOrEqual(40);
      expect(await resolveShareLink({ db, token: a!.token })).toBe(id);
      expect(await revokeShareLink({ db, id: "other", token: a!.token })).toBe(false);
      expect(await revokeShareLink({ db, id, token: a!.token })).toBe(true);
      expect(await resolveShareLink({ db, token: a!.token })).toBeNull();
      expect(await resolveShareLink({ db, token: b!.token })).toBe(id);
      expect(await resolveShareLink({ db, token: "guess" })).toBeNull();
      const links = await listShareLinks({ db, id });
      expect(links.find((l) => l.token === a!.token)?.revokedAt).not.toBeNull();
    });

    it("refuses a share link for an unknown scenario", async () => {
      expect(await createShareLink({ db, id: "nope" })).toBeNull();
    });

    it("pins a link to the latest version by default, to a version asked for, or to whatever is latest when asked", async () => {
      const { id } = await createScenario({ db, input: triage, plan: buildPlan(triage) });
      await saveVersion({ db, id, input: triage, plan: buildPlan(triage) });
      const pinned = await createShareLink({ db, id });
      const first = await createShareLink({ db, id, version: 1 });
      const latest = await createShareLink({ db, id, version: "latest" });
      expect([pinned!.version, first!.version, latest!.version]).toEqual([2, 1, null]);
      expect(await createShareLink({ db, id, version: 9 })).toBeNull();
      await saveVersion({ db, id, input: triage, plan: buildPlan(triage) });
      expect(await resolveShare({ db, token: pinned!.token })).toMatchObject({ scenarioId: id, version: 2, latestVersion: 3 });
      expect(await resolveShare({ db, token: first!.token })).toMatchObject({ scenarioId: id, version: 1, latestVersion: 3 });
      expect(await resolveShare({ db, token: latest!.token })).toEqual({
        scenarioId: id,
        version: null,
        latestVersion: 3,
        title: triage.title,
      });
      expect((await listShareLinks({ db, id })).map((l) => l.version).sort()).toEqual([1, 2, null].sort());
    });

    it("revokes a link by its token alone, once", async () => {
      const { id } = await createScenario({ db, input: triage, plan: buildPlan(triage) });
      const link = await createShareLink({ db, id });
      expect(await revokeShare({ db, token: link!.token })).toBe(true);
      expect(await revokeShare({ db, token: link!.token })).toBe(false);
      expect(await resolveShare({ db, token: link!.token })).toBeNull();
      expect(await revokeShare({ db, token: "guess" })).toBe(false);
    });
  });
});
