// Moving a team's data between databases: SQLite → PostgreSQL → a new SQLite file, every row kept, the app reading the
// same scenarios, versions, share links and LLM spending on each, and the copy refusing what would lose data.
import { afterEach, describe, expect, it } from "vitest";
import { buildPlan } from "~/domain/plan";
import { parseScenarioInput, type ScenarioInput } from "~/domain/scenario";
import { copyDatabase } from "~/models/copy-database.server";
import { getLlmUsageTotals, recordLlmCall } from "~/models/llm-cache.server";
import {
  createScenario,
  createShareLink,
  getScenario,
  listVersions,
  resolveShareLink,
  revokeShareLink,
  saveVersion,
} from "~/models/scenario.server";
import { createTestDatabase, POSTGRES_SKIP_REASON, type TestDatabase } from "../../test/helpers/databases";

function input(raw: unknown): ScenarioInput {
  const r = parseScenarioInput(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const open: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.drop()));
});
async function fresh(dialect: "sqlite" | "postgres") {
  const t = await createTestDatabase(dialect);
  open.push(t);
  return t.db;
}

describe.skipIf(POSTGRES_SKIP_REASON !== null)("copying a database", () => {
  it("moves SQLite to PostgreSQL and back with every scenario, version, share link and LLM call", async () => {
    const source = await fresh("sqlite");
    const triage = input({ title: "Ticket triage", description: "Classify support tickets into 10 categories.", stakes: "low" });
    const zh = input({ title: "客服回复", description: "根据订单数据自动生成客服回复，人工审核后发送。", locale: "zh" });
    const a = await createScenario({ db: source, input: triage, plan: buildPlan(triage) });
    await saveVersion({ db: source, id: a.id, input: { ...triage, stakes: "high" }, plan: buildPlan({ ...triage, stakes: "high" }) });
    const b = await createScenario({ db: source, input: zh, plan: buildPlan(zh) });
    const live = (await createShareLink({ db: source, id: a.id }))!;
    const revoked = (await createShareLink({ db: source, id: b.id }))!;
    await revokeShareLink({ db: source, id: b.id, token: revoked.token });
    for (let i = 0; i < 3; i++) {
      await recordLlmCall({
        db: source,
        key: `k${i}`,
        model: "gpt-4o-mini",
        status: "ok",
        cached: false,
        usage: { promptTokens: 100, completionTokens: 50, costUsd: 0.001 },
        scenarioId: a.id,
      });
    }

    const pg = await fresh("postgres");
    const report = await copyDatabase({ from: source, to: pg });
    expect(Object.fromEntries(report.tables.map((t) => [t.table, t.rows]))).toMatchObject({
      scenarios: 2,
      scenario_versions: 3,
      share_links: 2,
      llm_calls: 3,
    });
    // Parents before children.
    const order = report.tables.map((t) => t.table);
    expect(order.indexOf("scenarios")).toBeLessThan(order.indexOf("scenario_versions"));

    const back = await fresh("sqlite");
    await copyDatabase({ from: pg, to: back });
    for (const db of [pg, back]) {
      expect((await getScenario({ db, id: a.id }))?.input.stakes).toBe("high");
      expect((await getScenario({ db, id: b.id }))?.plan).toEqual((await getScenario({ db: source, id: b.id }))?.plan);
      expect((await listVersions({ db, id: a.id })).map((v) => v.version)).toEqual([2, 1]);
      expect(await resolveShareLink({ db, token: live.token })).toBe(a.id);
      expect(await resolveShareLink({ db, token: revoked.token })).toBeNull();
      expect(await getLlmUsageTotals({ db })).toEqual(await getLlmUsageTotals({ db: source }));
      // New rows after the copy: the saved ids do not collide with the copied ones.
      await recordLlmCall({ db, key: "after", model: "gpt-4o-mini", status: "failed", cached: false });
      expect((await getLlmUsageTotals({ db })).calls).toBe(4);
      expect((await saveVersion({ db, id: a.id, input: triage, plan: buildPlan(triage) }))?.version).toBe(3);
    }
  });

  it("refuses a target that already holds rows", async () => {
    const source = await fresh("sqlite");
    const target = await fresh("postgres");
    const x = input({ description: "Classify support tickets into 10 categories." });
    await createScenario({ db: target, input: x, plan: buildPlan(x) });
    await expect(copyDatabase({ from: source, to: target })).rejects.toThrow(/not empty/);
  });
});
