// The plan pool computes in a worker thread exactly the plan the event loop would: the same bytes once stored, on
// every template in both languages; saves' plans go before previews; and TIERWISE_PLAN_THREADS=0 plans on the loop
// with no thread at all.
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

  it("plans saves before previews that waited longer (one job per thread handed to piscina, the rest wait in order)", async () => {
    const one = await PlanPool.create(1);
    try {
      const done: string[] = [];
      const ask = (name: string, input: ScenarioInput, preview: boolean) =>
        one.run(input, { preview }).then((plan) => {
          done.push(name);
          return plan;
        });
      // p1 takes the thread; p2 and p3 wait; s1 arrives last and still goes next.
      const jobs = [ask("p1", INPUTS[0], true), ask("p2", INPUTS[1], true), ask("p3", INPUTS[2], true), ask("s1", INPUTS[3], false)];
      expect(one.stats()).toMatchObject({ running: 1, queued: { save: 1, preview: 2 } });
      const plans = await Promise.all(jobs);
      expect(done).toEqual(["p1", "s1", "p2", "p3"]);
      // Each answer is its own input's plan, whatever the order.
      plans.forEach((plan, i) => expect(JSON.stringify(plan)).toBe(JSON.stringify(buildPlan(INPUTS[i]))));
      expect(one.stats()).toMatchObject({ running: 0, queued: { save: 0, preview: 0 } });
    } finally {
      await one.close();
    }
  });

  it("plans with the LLM step's outcome when given one: the plan buildPlan gives with the same options", async () => {
    const input = INPUTS[1];
    const quote = input.description.slice(0, 12);
    const options = {
      llm: { status: "ok" as const, model: "test-model", promptVersion: "p1", cached: false },
      proposal: { facts: { stakes: { value: "high", quotes: [quote] } } as never, risks: ["A risk the model raised."], narrative: [] },
    };
    const one = await PlanPool.create(1);
    try {
      const plan = await one.run(input, { options });
      expect(JSON.stringify(plan)).toBe(JSON.stringify(buildPlan(input, options)));
      expect(plan.llm).toMatchObject({ status: "ok", model: "test-model" });
      expect(JSON.stringify(plan)).not.toBe(JSON.stringify(buildPlan(input)));
    } finally {
      await one.close();
    }
  });

  it("sizes itself from TIERWISE_PLAN_THREADS, else one thread per core but one (at least one)", () => {
    expect(planThreads({ TIERWISE_PLAN_THREADS: 0 })).toBe(0);
    expect(planThreads({ TIERWISE_PLAN_THREADS: 3 })).toBe(3);
    expect(planThreads({})).toBeGreaterThanOrEqual(1);
  });
});
