// What the AI step costs Tierwise itself, the model's own latency aside: a full step through the openai SDK against
// a local fake server (HTTP, validation, merge, plan), a step answered from the SQLite cache, and the merge alone.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mergeLlmProposal } from "~/domain/llm/merge";
import { parseLlmProposal } from "~/domain/llm/proposal";
import { buildProfile } from "~/domain/profile/build-profile";
import { parseScenarioInput, type ScenarioInput } from "~/domain/scenario";
import { readLlmConfig } from "~/llm/config.server";
import { planWithLlm } from "~/llm/plan-with-llm.server";
import { openDatabase } from "~/models/db.server";
import { startFakeOpenAiServer } from "../test/helpers/fake-openai-server";
import type { BenchRow } from "./run";
import { median, percentile } from "./stats";

export const name = "llm: the AI step's own overhead (fake provider on 127.0.0.1)";

const N = 100;
// 100 ms is about where people start to notice a delay: Tierwise's own part of the step should stay under it.
const STEP_TARGET_MS = 100;
const CACHED_TARGET_MS = 100;

const description = "画室老师每天要给学生的画作写评语，我们想用大模型生成初稿，老师修改后再发给家长。全国有 1000 多位老师付费使用。";
const answer = {
  facts: {
    industry: { value: "education", quotes: ["画室老师"] },
    stakes: { value: "medium", quotes: ["发给家长"] },
    humanReview: { value: "always", quotes: ["老师修改后再发给家长"] },
    personalData: { value: true, quotes: ["学生的画作"] },
    users: { value: 1000, quotes: ["1000 多位老师"] },
  },
  risks: ["评语千篇一律。"],
  narrative: ["第一段。", "第二段。"],
};

function input(i: number): ScenarioInput {
  const r = parseScenarioInput({ description: `${description}（第 ${i} 版）` });
  if (!r.ok) throw new Error("bad bench input");
  return r.value;
}

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function run(): Promise<BenchRow[]> {
  const fake = await startFakeOpenAiServer({ kind: "json", body: answer });
  const dir = mkdtempSync(join(tmpdir(), "tierwise-llm-bench-"));
  const db = await openDatabase({ path: join(dir, "bench.sqlite") });
  const llm = readLlmConfig({ OPENAI_API_KEY: "bench", OPENAI_BASE_URL: fake.baseURL });
  try {
    // Warm the SDK and the JIT once so the first sample does not measure module loading.
    await planWithLlm(input(-1), { llm });
    const fresh: number[] = [];
    const cached: number[] = [];
    for (let i = 0; i < N; i++) {
      fresh.push(await time(() => planWithLlm(input(i), { llm, db })));
      cached.push(await time(() => planWithLlm(input(i), { llm, db })));
    }
    const parsed = parseLlmProposal(answer);
    if (!parsed.ok) throw new Error("bench answer does not parse");
    const one = input(0);
    const profile = buildProfile(one);
    const merges: number[] = [];
    for (let i = 0; i < 2000; i++) merges.push(await time(() => mergeLlmProposal(profile, parsed.proposal, one)));
    const p95Fresh = percentile(fresh, 95);
    const p95Cached = percentile(cached, 95);
    return [
      { metric: "AI step + plan, provider answers at once: median", value: median(fresh), unit: "ms" },
      {
        metric: "AI step + plan, provider answers at once: p95",
        value: p95Fresh,
        unit: "ms",
        target: `≤ ${STEP_TARGET_MS}`,
        ok: p95Fresh <= STEP_TARGET_MS,
      },
      { metric: "AI step + plan from the SQLite cache: median", value: median(cached), unit: "ms" },
      {
        metric: "AI step + plan from the SQLite cache: p95",
        value: p95Cached,
        unit: "ms",
        target: `≤ ${CACHED_TARGET_MS}`,
        ok: p95Cached <= CACHED_TARGET_MS,
      },
      { metric: "mergeLlmProposal: median", value: median(merges) * 1000, unit: "µs" },
      {
        metric: "provider calls for 2 × 100 plans (cache works)",
        value: fake.requests.length - 1,
        unit: "calls",
        target: `= ${N}`,
        ok: fake.requests.length - 1 === N,
      },
    ];
  } finally {
    await db.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
