// The plan pool computes in a worker thread exactly the plan the event loop would: the same bytes once stored, on
// every template in both languages; and TIERWISE_PLAN_THREADS=0 plans on the loop with no thread at all.
import { afterAll, describe, expect, it } from "vitest";
import { TEMPLATES } from "~/domain/kb/templates";
import { buildPlan } from "~/domain/plan";
import { parseScenarioInput, type ScenarioInput, type ScenarioInputRaw } from "~/domain/scenario";
import { PlanPool, planThreads } from "~/models/plan-pool.server";

function parse(raw: ScenarioInputRaw): ScenarioInput {
  const parsed = parseScenarioInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const INPUTS = TEMPLATES.flatMap((t) => [parse(t.input.zh), parse(t.input.en)]);

describe("plan pool", () => {
  let pool: PlanPool | undefined;
  afterAll(() => pool?.close());

  it("gives the plan buildPlan gives, byte for byte as stored, for every template in zh and en (two threads, at once)", async () => {
    pool = await PlanPool.create(2);
    expect(INPUTS.length).toBeGreaterThanOrEqual(10);
    const plans = await Promise.all(INPUTS.map((input) => pool!.run(input)));
    plans.forEach((plan, i) => expect(JSON.stringify(plan)).toBe(JSON.stringify(buildPlan(INPUTS[i]))));
    const stats = pool.stats();
    expect(stats.threads).toBe(2);
    expect(stats.completed).toBe(INPUTS.length);
  });

  it("sizes itself from TIERWISE_PLAN_THREADS, else one thread per core but one (at least one)", () => {
    expect(planThreads({ TIERWISE_PLAN_THREADS: 0 })).toBe(0);
    expect(planThreads({ TIERWISE_PLAN_THREADS: 3 })).toBe(3);
    expect(planThreads({})).toBeGreaterThanOrEqual(1);
  });
});
