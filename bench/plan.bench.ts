// Over 1,000 varied scenarios: the decision engine (profile + rules; issue 2's target ≤ 1 ms) and the full plan with
// estimates and the Monte Carlo (issue 3's target ≤ 10 ms). bench/estimate.bench.ts covers p95 and estimatePlan alone.
import { assess } from "~/domain/engine/assess";
import { buildPlan } from "~/domain/plan";
import { buildProfile } from "~/domain/profile/build-profile";
import {
  DEPLOYMENTS,
  HUMAN_REVIEW,
  INDUSTRIES,
  KNOWLEDGE,
  MARKETS,
  parseScenarioInput,
  STAKES,
  TASKS,
  type ScenarioInput,
} from "~/domain/scenario";
import { TEMPLATES } from "~/domain/kb/templates";
import { SCENARIOS } from "../test/scenario-table.fixtures";
import type { BenchRow } from "./run";
import { median, percentile } from "./stats";

export const name = "plan: decision engine and full plan over 1,000 varied scenarios";

const N = 1000;
/** Issue 2: the decision engine (buildProfile + assess). */
const ENGINE_TARGET_MS = 1;
/** Issue 3: the full plan, estimates and 400 Monte Carlo runs included. */
const PLAN_TARGET_MS = 10;

/** A small seeded generator (mulberry32) so every run measures the same 1,000 scenarios. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The 1,000 scenarios (exported for profiling harnesses). */
export function scenarios(): ScenarioInput[] {
  const rand = rng(20261129);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const maybe = <T>(x: T) => (rand() < 0.5 ? x : undefined);
  const descriptions = [
    ...SCENARIOS.map((s) => s.input.description as string),
    ...TEMPLATES.flatMap((t) => [t.input.zh.description, t.input.en.description]),
  ];
  const out: ScenarioInput[] = [];
  for (let i = 0; i < N; i++) {
    // Half free text only, half with fields, as users send them.
    const raw =
      i % 2 === 0
        ? { description: pick(descriptions) }
        : JSON.parse(
            JSON.stringify({
              description: pick(descriptions),
              industry: maybe(pick(INDUSTRIES)),
              market: maybe(pick(MARKETS)),
              tasks: maybe([pick(TASKS), pick(TASKS)]),
              knowledge: maybe([pick(KNOWLEDGE)]),
              stakes: maybe(pick(STAKES)),
              humanReview: maybe(pick(HUMAN_REVIEW)),
              deployment: maybe(pick(DEPLOYMENTS)),
              data: maybe({ labeledExamples: Math.floor(rand() * 100_000), documents: Math.floor(rand() * 10_000) }),
              usage: maybe({ users: Math.floor(rand() * 100_000), interactionsPerUserPerDay: Math.floor(rand() * 50) }),
            }),
          );
    const parsed = parseScenarioInput(raw);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    out.push(parsed.value);
  }
  return out;
}

/**
 * CPU time (user + system) of each call, in ms: on a shared machine the wall time also counts the time other
 * processes hold the cores; the CPU time is what the plan itself costs.
 */
function cpuEach<T>(items: T[], fn: (x: T) => unknown): number[] {
  const times: number[] = [];
  for (const x of items) {
    const c0 = process.cpuUsage();
    fn(x);
    const c = process.cpuUsage(c0);
    times.push((c.user + c.system) / 1000);
  }
  return times;
}

function timeEach<T>(items: T[], fn: (x: T) => unknown): number[] {
  const times: number[] = [];
  for (const x of items) {
    const t0 = performance.now();
    fn(x);
    times.push(performance.now() - t0);
  }
  return times;
}

export async function run(): Promise<BenchRow[]> {
  const inputs = scenarios();
  // Warm up the JIT and the module-level caches before measuring.
  for (const x of inputs.slice(0, 100)) buildPlan(x);
  const plan = timeEach(inputs, (x) => buildPlan(x));
  const planCpu = cpuEach(inputs, (x) => buildPlan(x));
  const engine = timeEach(inputs, (x) => assess(buildProfile(x)));
  const profile = timeEach(inputs, (x) => buildProfile(x));
  const profiles = inputs.map((x) => buildProfile(x));
  const assessOnly = timeEach(profiles, (p) => assess(p));
  const planMedian = median(plan);
  const engineMedian = median(engine);
  return [
    {
      metric: "decision engine (buildProfile + assess) median",
      value: engineMedian,
      unit: "ms",
      target: `≤ ${ENGINE_TARGET_MS} ms`,
      ok: engineMedian <= ENGINE_TARGET_MS,
      note: `${N} scenarios`,
    },
    { metric: "decision engine p95", value: percentile(engine, 95), unit: "ms" },
    { metric: "buildProfile median", value: median(profile), unit: "ms" },
    { metric: "assess median", value: median(assessOnly), unit: "ms" },
    {
      metric: "full plan (buildPlan with Monte Carlo) median",
      value: planMedian,
      unit: "ms",
      target: `≤ ${PLAN_TARGET_MS} ms`,
      ok: planMedian <= PLAN_TARGET_MS,
      note: `${N} scenarios`,
    },
    { metric: "full plan p95", value: percentile(plan, 95), unit: "ms" },
    { metric: "full plan CPU time median (process.cpuUsage)", value: median(planCpu), unit: "ms", note: "the plan's own cost" },
    { metric: "full plan CPU time p95", value: percentile(planCpu, 95), unit: "ms" },
  ];
}
