// A full plan (profile → rules → estimates with sensitivity and the seeded Monte Carlo): median must stay ≤ 10 ms.
import { buildPlan } from "~/domain/plan";
import { estimatePlan } from "~/domain/estimate/pipeline";
import { makeEstimateInput } from "~/domain/estimate/test-fixtures";
import type { ScenarioInput } from "~/domain/scenario";
import type { BenchRow } from "./run";
import { median, percentile } from "./stats";

export const name = "estimate (full plan with Monte Carlo)";

const scenarios: ScenarioInput[] = [
  {
    description: "画室老师输入学生画作的要点，AI 生成评语，老师修改后发给家长。面向全国画室老师，月付 30 元。",
    market: "toC",
    usage: { users: 1000 },
  },
  {
    description:
      "Hospital wants an on-premises assistant that drafts discharge summaries in the house style from 20,000 past summaries; doctors review every draft.",
    deployment: "on_prem",
    market: "internal",
    data: { labeledExamples: 20000 },
    tasks: ["summarization", "generation"],
    knowledge: ["vertical_expertise"],
  },
  {
    description: "Sell a contract-review assistant to law firms; answers grounded in each firm's documents.",
    market: "toB",
    knowledge: ["private_documents"],
    data: { documents: 50000 },
  },
];

function time(fn: () => void, runs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export async function run(): Promise<BenchRow[]> {
  for (let i = 0; i < 20; i++) for (const s of scenarios) buildPlan(s); // warm-up (JIT)
  const all = time(() => {
    for (const s of scenarios) buildPlan(s);
  }, 100).map((t) => t / scenarios.length);
  const tier3 = makeEstimateInput({
    profile: { deployment: "on_prem" },
    techniques: ["prompt_engineering", "sft", "lora", "reward_model"],
  });
  const est = time(() => estimatePlan(tier3), 200);
  const m = median(all);
  return [
    {
      metric: "buildPlan with Monte Carlo (400 runs), median",
      value: m,
      unit: "ms",
      target: "≤ 10",
      ok: m <= 10,
      note: `${scenarios.length} scenarios, 100 rounds`,
    },
    { metric: "buildPlan with Monte Carlo, p95", value: percentile(all, 95), unit: "ms" },
    { metric: "estimatePlan alone (tier 3, on-prem), median", value: median(est), unit: "ms" },
  ];
}
