import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildPlan } from "~/domain/plan";
import { parseScenarioInput, type ScenarioInput } from "~/domain/scenario";
import type { Database } from "~/models/db.server";
import { readPage } from "~/lib/paging";
import {
  createScenario,
  createShareLink,
  findByCreateKey,
  getScenario,
  getScenarioOverview,
  getVersion,
  listScenarios,
  resolveShareLink,
  saveVersion,
} from "~/models/scenario.server";
import {
  deleteScenario,
  duplicateScenario,
  findScenarios,
  getWorkshopScenarios,
  idsWithTag,
  listTags,
  renameScenario,
  restoreScenario,
  setArchived,
  setScenarioTags,
  TRASH_DAYS,
  type ScenarioQuery,
} from "~/models/workshop.server";
import { createTestDatabase, POSTGRES_SKIP_REASON, TEST_DIALECTS, type TestDatabase } from "../../test/helpers/databases";

function input(raw: unknown): ScenarioInput {
  const r = parseScenarioInput(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const triage = input({ title: "Ticket triage", description: "Classify support tickets into 10 categories.", stakes: "low" });
const summaries = input({
  title: "Clinic visit summaries",
  description: "Summarise doctor-patient visits; the doctor approves each summary.",
  stakes: "high",
});
const page1 = readPage(new URLSearchParams());

async function make(db: Database, x: ScenarioInput = triage): Promise<string> {
  return (await createScenario({ db, input: x, plan: buildPlan(x) })).id;
}

if (POSTGRES_SKIP_REASON) describe.skip(POSTGRES_SKIP_REASON, () => it("runs the workshop model tests on PostgreSQL"));

describe.each(TEST_DIALECTS)("workshop models on %s", (dialect) => {
  let t: TestDatabase;
  let db: Database;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    db = t.db;
  });
  afterEach(async () => {
    await t.drop();
  });

  it("duplicates a version as a what-if: a new scenario, titled as a variant, linked to its origin, with its tags", async () => {
    const id = await make(db);
    await setScenarioTags({ db, id, tags: ["Q3 workshop", "support"] });
    const changed = input({ ...triage, usage: { users: 400 } });
    await saveVersion({ db, id, input: changed, plan: buildPlan(changed) });
    const copy = await duplicateScenario({ db, id, version: 1, suffix: " (what-if)" });
    expect(copy).not.toBeNull();
    const got = await getScenario({ db, id: copy!.id });
    expect(got?.title).toBe("Ticket triage (what-if)");
    expect(got?.latestVersion).toBe(1);
    // Version 1 of the copy is version 1 of the origin, not its latest.
    expect(got?.input).toEqual(triage);
    expect(got?.plan.feasibility).toEqual(buildPlan(triage).feasibility);
    const { items } = await findScenarios({ db, page: page1, q: "what-if" });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: copy!.id, tags: ["Q3 workshop", "support"], origin: { id, version: 1, title: "Ticket triage" } });
    // The copy keeps its title when a version is saved (it is the name someone chose), the origin is untouched.
    await saveVersion({ db, id: copy!.id, input: changed, plan: buildPlan(changed) });
    expect((await getScenario({ db, id: copy!.id }))?.title).toBe("Ticket triage (what-if)");
    expect((await getScenario({ db, id }))?.latestVersion).toBe(2);
  });

  it("copies the latest version when none is named, and refuses an unknown, deleted or missing version without writing", async () => {
    const id = await make(db);
    const changed = input({ ...triage, usage: { users: 400 } });
    await saveVersion({ db, id, input: changed, plan: buildPlan(changed) });
    const latest = await duplicateScenario({ db, id, suffix: "（假设）" });
    expect((await getScenario({ db, id: latest!.id }))?.input).toEqual(changed);
    expect((await getScenario({ db, id: latest!.id }))?.title).toBe("Ticket triage（假设）");
    expect(await duplicateScenario({ db, id, version: 9, suffix: " x" })).toBeNull();
    expect(await duplicateScenario({ db, id: "nosuchscenari", suffix: " x" })).toBeNull();
    await deleteScenario({ db, id });
    expect(await duplicateScenario({ db, id, suffix: " x" })).toBeNull();
    expect(await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM scenarios")).toEqual({ n: 2 });
    expect(await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM scenario_versions")).toEqual({ n: 3 });
  });

  it("renames: the list, the overview and later versions show the new title", async () => {
    const id = await make(db);
    expect(await renameScenario({ db, id, title: "Triage, renamed" })).toBe(true);
    expect((await getScenarioOverview({ db, id }))?.scenario.title).toBe("Triage, renamed");
    await saveVersion({ db, id, input: triage, plan: buildPlan(triage) });
    expect((await listScenarios({ db }))[0].title).toBe("Triage, renamed");
    expect(await renameScenario({ db, id: "nosuchscenari", title: "x" })).toBe(false);
  });

  it("archives and unarchives: gone from the active list, found under archived, still open by link", async () => {
    const a = await make(db);
    const b = await make(db, summaries);
    expect(await setArchived({ db, id: a, archived: true })).toBe(true);
    expect(await setArchived({ db, id: a, archived: true })).toBe(false);
    expect((await findScenarios({ db, page: page1 })).items.map((s) => s.id)).toEqual([b]);
    expect((await findScenarios({ db, page: page1, status: "archived" })).items.map((s) => s.id)).toEqual([a]);
    expect(await getScenario({ db, id: a })).not.toBeNull();
    expect(await setArchived({ db, id: a, archived: false })).toBe(true);
    expect((await findScenarios({ db, page: page1 })).total).toBe(2);
  });

  it("deletes into the trash: 404 everywhere (page, versions, shares, saves), restorable with undo", async () => {
    const id = await make(db);
    const link = await createShareLink({ db, id });
    expect(await deleteScenario({ db, id })).toBe(true);
    expect(await deleteScenario({ db, id })).toBe(false);
    expect(await getScenario({ db, id })).toBeNull();
    expect(await getScenarioOverview({ db, id })).toBeNull();
    expect(await getVersion({ db, id, version: 1 })).toBeNull();
    expect(await resolveShareLink({ db, token: link!.token })).toBeNull();
    expect(await createShareLink({ db, id })).toBeNull();
    expect(await saveVersion({ db, id, input: triage, plan: buildPlan(triage) })).toBeNull();
    expect(await listScenarios({ db })).toEqual([]);
    expect((await findScenarios({ db, page: page1 })).total).toBe(0);
    expect((await findScenarios({ db, page: page1, status: "trash" })).items.map((s) => s.id)).toEqual([id]);
    expect(await restoreScenario({ db, id })).toBe(true);
    expect(await resolveShareLink({ db, token: link!.token })).toBe(id);
    expect((await getScenario({ db, id }))?.latestVersion).toBe(1);
  });

  it(`keeps the trash for ${TRASH_DAYS} days, then the next delete purges it for good`, async () => {
    const old = await make(db);
    const recent = await make(db, summaries);
    const start = new Date("2026-10-01T10:00:00Z");
    await deleteScenario({ db, id: old, at: start });
    const later = new Date(start.getTime() + (TRASH_DAYS + 1) * 86_400_000);
    // Past the window it is no longer listed or restorable, even before the purge runs.
    expect((await findScenarios({ db, page: page1, status: "trash", at: later })).total).toBe(0);
    expect(await restoreScenario({ db, id: old, at: later })).toBe(false);
    await deleteScenario({ db, id: recent, at: later });
    expect(await db.all<{ id: string }>("SELECT id FROM scenarios ORDER BY id")).toEqual([{ id: recent }]);
    expect(await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM scenario_versions WHERE scenario_id = ?", [old])).toEqual({ n: 0 });
    expect(await restoreScenario({ db, id: recent, at: later })).toBe(true);
  });

  it("searches title and tags case-insensitively, literal % and _, filters by tags (all of them) and verdict", async () => {
    const a = await make(db);
    const b = await make(db, summaries);
    const c = await make(db, input({ ...triage, title: "100%_done reports" }));
    await setScenarioTags({ db, id: a, tags: ["Acme", "Q3"] });
    await setScenarioTags({ db, id: b, tags: ["acme"] });
    const ids = async (q: ScenarioQuery) => (await findScenarios({ ...q, db, page: page1, sort: "title" })).items.map((s) => s.id);
    expect(await ids({ q: "TRIAGE" })).toEqual([a]);
    expect(await ids({ q: "acm" })).toEqual([b, a]);
    expect(await ids({ q: "%_" })).toEqual([c]);
    expect(await ids({ q: "0%" })).toEqual([c]);
    expect(await ids({ tags: ["ACME"] })).toEqual([b, a]);
    expect(await ids({ tags: ["acme", "q3"] })).toEqual([a]);
    const verdict = (await getScenario({ db, id: b }))!.plan.feasibility.verdict;
    expect(await ids({ verdict })).toContain(b);
    expect(await listTags({ db })).toEqual([
      { tag: "Acme", count: 2 },
      { tag: "Q3", count: 1 },
    ]);
    expect(await idsWithTag({ db, tag: "acme", limit: 12 })).toHaveLength(2);
  });

  it("pages: sizes, totals and the last page; each page's tags come with it", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await make(db, input({ ...triage, title: `Option ${i}` })));
    for (const id of ids) await setScenarioTags({ db, id, tags: [`t-${id.slice(0, 3)}`] });
    const p = (n: number) => findScenarios({ db, page: readPage(new URLSearchParams({ page: String(n), size: "3" })), sort: "title" });
    const [one, three, beyond] = [await p(1), await p(3), await p(9)];
    expect(one).toMatchObject({ total: 7, pages: 3, page: 1, size: 3 });
    expect(one.items.map((s) => s.title)).toEqual(["Option 0", "Option 1", "Option 2"]);
    expect(three.items.map((s) => s.title)).toEqual(["Option 6"]);
    expect(beyond.items).toEqual([]);
    for (const s of [...one.items, ...three.items]) expect(s.tags).toEqual([`t-${s.id.slice(0, 3)}`]);
  });

  it("replaces tags in one batch; a deleted scenario takes none", async () => {
    const id = await make(db);
    expect(await setScenarioTags({ db, id, tags: ["a", "b"] })).toBe(true);
    expect(await setScenarioTags({ db, id, tags: ["c"] })).toBe(true);
    expect((await getWorkshopScenarios({ db, ids: [id] }))[0].tags).toEqual(["c"]);
    await deleteScenario({ db, id });
    expect(await setScenarioTags({ db, id, tags: ["d"] })).toBe(false);
    await restoreScenario({ db, id });
    expect((await getWorkshopScenarios({ db, ids: [id] }))[0].tags).toEqual(["c"]);
  });

  it("creates once per form token: a second create with it saves nothing and names the first; a delete frees it", async () => {
    const first = await createScenario({ db, input: triage, plan: buildPlan(triage), createKey: "tokentokentokentoken01" });
    expect(first).toMatchObject({ version: 1, created: true });
    const again = await createScenario({ db, input: summaries, plan: buildPlan(summaries), createKey: "tokentokentokentoken01" });
    expect(again).toEqual({ id: first.id, version: 1, created: false });
    expect(await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM scenarios")).toEqual({ n: 1 });
    expect(await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM scenario_versions")).toEqual({ n: 1 });
    expect(await findByCreateKey({ db, createKey: "tokentokentokentoken01" })).toEqual({ id: first.id, title: "Ticket triage" });
    // Without a token every create is a new scenario, as before.
    await createScenario({ db, input: triage, plan: buildPlan(triage) });
    await createScenario({ db, input: triage, plan: buildPlan(triage) });
    expect(await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM scenarios")).toEqual({ n: 3 });
    await deleteScenario({ db, id: first.id });
    expect(await findByCreateKey({ db, createKey: "tokentokentokentoken01" })).toBeNull();
    const afresh = await createScenario({ db, input: triage, plan: buildPlan(triage), createKey: "tokentokentokentoken01" });
    expect(afresh.created).toBe(true);
    expect(afresh.id).not.toBe(first.id);
  });

  it("reads the options of a workshop in the order asked, skipping deleted and unknown ones; a second server sees them", async () => {
    const a = await make(db);
    const b = await make(db, summaries);
    const c = await make(db);
    await deleteScenario({ db, id: c });
    const other = await t.open();
    const got = await getWorkshopScenarios({ db: other, ids: [b, "nosuchscenari", a, c] });
    expect(got.map((s) => s.id)).toEqual([b, a]);
    expect(got[0].plan.title).toBe("Clinic visit summaries");
  });
});
