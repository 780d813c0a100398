import { describe, expect, it } from "vitest";
import { buildPlan } from "~/domain/plan";
import { PLAN_SCHEMA_VERSION } from "~/domain/plan-types";
import { parseScenarioInput, type ScenarioInput } from "~/domain/scenario";
import { decodeInput, decodePlan, decodeVersion, StoredVersionError } from "~/models/plan-codec.server";

function input(raw: unknown): ScenarioInput {
  const r = parseScenarioInput(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const art = input({
  description: "我们是一家美术培训机构，想做一个给学生作品自动写评语的工具，老师审核后发给家长。已有1000多位老师愿意每月付几十元。",
  locale: "zh",
});
const tickets = input({ title: "Ticket triage", description: "Classify support tickets into 10 categories.", stakes: "low", locale: "en" });

describe("decodePlan", () => {
  it("returns a current, valid plan as stored, unchanged", () => {
    for (const i of [art, tickets]) {
      const plan = buildPlan(i);
      const { plan: read, upgrade } = decodePlan(JSON.stringify(plan), i);
      expect(upgrade).toBeNull();
      expect(read).toEqual(plan);
    }
  });

  it("keeps fields it does not know (another stream's additions) instead of dropping them", () => {
    const plan = { ...buildPlan(tickets), futureField: { a: 1 } };
    expect((decodePlan(JSON.stringify(plan), tickets).plan as unknown as { futureField: unknown }).futureField).toEqual({ a: 1 });
  });

  it("recomputes a plan written under an older schema version from the stored input", () => {
    const old = { ...buildPlan(art), schemaVersion: PLAN_SCHEMA_VERSION - 1, finance: { breakEvenMonth: 3 } };
    const { plan, upgrade } = decodePlan(JSON.stringify(old), art);
    expect(upgrade).toEqual({ reason: "old_schema", fromSchemaVersion: PLAN_SCHEMA_VERSION - 1, toSchemaVersion: PLAN_SCHEMA_VERSION });
    expect(plan).toEqual(buildPlan(art));
  });

  it("recomputes a plan with no schema version, and one that is not JSON at all", () => {
    const { schemaVersion: _drop, ...rest } = buildPlan(tickets);
    void _drop;
    expect(decodePlan(JSON.stringify(rest), tickets).upgrade).toMatchObject({ reason: "old_schema", fromSchemaVersion: null });
    expect(decodePlan("{not json", tickets)).toEqual({
      plan: buildPlan(tickets),
      upgrade: { reason: "old_schema", fromSchemaVersion: null, toSchemaVersion: PLAN_SCHEMA_VERSION },
    });
  });

  it("recomputes a current-version plan that does not match the schema (a missing or mistyped figure)", () => {
    const plan = buildPlan(art) as unknown as { finance: Record<string, unknown>; team: Record<string, unknown> };
    delete plan.finance.npv;
    expect(decodePlan(JSON.stringify(plan), art).upgrade?.reason).toBe("invalid");
    const typo = buildPlan(art) as unknown as { team: Record<string, unknown> };
    typo.team.headcount = "4";
    const read = decodePlan(JSON.stringify(typo), art);
    expect(read.upgrade?.reason).toBe("invalid");
    expect(read.plan.team.headcount).toBeTypeOf("number");
  });
});

describe("decodeInput / decodeVersion", () => {
  it("reads a stored input through the one input schema and names what no longer validates", () => {
    expect(decodeInput(JSON.stringify(tickets))).toEqual(tickets);
    expect(() => decodeInput(JSON.stringify({ description: "x", colour: "red" }))).toThrow(StoredVersionError);
    expect(() => decodeInput(JSON.stringify({ description: "x", colour: "red" }))).toThrow(/colour/);
    expect(() => decodeInput("]")).toThrow(/not JSON/);
  });

  it("decodes a version's input and plan together", () => {
    const v = decodeVersion(JSON.stringify(tickets), JSON.stringify({ schemaVersion: 0 }));
    expect(v.input).toEqual(tickets);
    expect(v.plan.schemaVersion).toBe(PLAN_SCHEMA_VERSION);
    expect(v.upgrade?.reason).toBe("old_schema");
  });
});
