// The plan pool computes in a worker thread exactly the plan the event loop would: the same bytes once stored, on
// every template in both languages, with the columns a save writes; saves' plans go before previews and previews
// before the warm-up's (but for the jobs a thread already holds); a thread holds its next job before it finishes the
// current one, so it need not wait for a busy event loop; and TIERWISE_PLAN_THREADS=0 plans on the loop with no thread.
import { afterAll, describe, expect, it } from "vitest";
import { TEMPLATES } from "~/domain/kb/templates";
import { buildPlan } from "~/domain/plan";
import { parseScenarioInput, type ScenarioInput, type ScenarioInputRaw } from "~/domain/scenario";
import { JOBS_PER_THREAD, PlanPool, planThreads, type PlanPriority } from "~/models/plan-pool.server";

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
    plans.forEach((text, i) => {
      const plan = buildPlan(INPUTS[i]);
      expect(text.json).toBe(JSON.stringify(plan));
      expect(text).toMatchObject({
        title: plan.title,
        verdict: plan.feasibility.verdict,
        grade: plan.feasibility.grade,
        score: plan.feasibility.score,
        primaryTier: plan.primaryTier,
      });
    });
    const stats = pool.stats();
    expect(stats.threads).toBe(2);
    expect(stats.completed).toBe(INPUTS.length);
  });

  it("plans saves before previews, and previews before the warm-up, that waited longer (two jobs per thread handed over)", async () => {
    const one = await PlanPool.create(1);
    try {
      expect(JOBS_PER_THREAD).toBe(2);
      const done: string[] = [];
      const ask = (name: string, input: ScenarioInput, priority: PlanPriority) =>
        one.run(input, { priority }).then((plan) => {
          done.push(name);
          return plan;
        });
      // p1 and p2 go to the thread; the rest wait: s1 arrives last and still goes next, the warm-up's w1 goes last.
      const jobs = [
        ask("p1", INPUTS[0], "preview"),
        ask("p2", INPUTS[1], "preview"),
        ask("w1", INPUTS[2], "warm-up"),
        ask("p3", INPUTS[3], "preview"),
        ask("p4", INPUTS[4], "preview"),
        ask("s1", INPUTS[5], "save"),
      ];
      expect(one.stats()).toMatchObject({ running: 2, queued: { save: 1, preview: 2, warmUp: 1 } });
      const plans = await Promise.all(jobs);
      expect(done).toEqual(["p1", "p2", "s1", "p3", "p4", "w1"]);
      // Each answer is its own input's plan, whatever the order.
      plans.forEach((plan, i) => expect(plan.json).toBe(JSON.stringify(buildPlan(INPUTS[i]))));
      expect(one.stats()).toMatchObject({ running: 0, queued: { save: 0, preview: 0, warmUp: 0 } });
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
      const text = await one.run(input, { options });
      expect(text.json).toBe(JSON.stringify(buildPlan(input, options)));
      expect(JSON.parse(text.json).llm).toMatchObject({ status: "ok", model: "test-model" });
      expect(text.json).not.toBe(JSON.stringify(buildPlan(input)));
    } finally {
      await one.close();
    }
  });

  it("hands a thread its next job before it finishes the current one (it need not wait for the event loop)", async () => {
    const one = await PlanPool.create(1);
    try {
      await one.run(INPUTS[0]); // the thread is up and has its code loaded
      await new Promise((resolve) => setImmediate(resolve)); // and the pool has counted that job done
      const jobs = [one.run(INPUTS[1]), one.run(INPUTS[2]), one.run(INPUTS[3])];
      // Two are already posted to the thread (none waits in piscina's queue); the third waits here, in saves' order.
      expect(one.stats()).toMatchObject({ running: 2, posted: 2, queued: { save: 1, preview: 0, warmUp: 0 } });
      const texts = await Promise.all(jobs);
      texts.forEach((text, i) => expect(text.json).toBe(JSON.stringify(buildPlan(INPUTS[i + 1]))));
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
