import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseScenarioInput, type ScenarioInput } from "~/domain/scenario";
import { readLlmConfig, type LlmConfigResult } from "~/llm/config.server";
import { planWithLlm } from "~/llm/plan-with-llm.server";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "../../test/helpers/fake-openai-server";

// Business figures and constraints the LLM reads from the description reach the profile the finance model uses,
// through the openai SDK's real HTTP path to a server of our own on 127.0.0.1.

let fake: FakeOpenAiServer;
beforeAll(async () => {
  fake = await startFakeOpenAiServer();
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.requests.length = 0;
  fake.setDefault({ kind: "status", status: 500 });
});

const env = (): LlmConfigResult =>
  readLlmConfig({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: fake.baseURL, TIERWISE_LLM_MODEL: "gpt-4o-mini" });

function scenario(raw: Record<string, unknown>): ScenarioInput {
  const r = parseScenarioInput(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

// Worded so that the lexicon reads none of these figures: only the LLM does.
const input = scenario({
  description:
    "Language tutor app for adults. Getting one paying learner through ads runs us roughly forty dollars. Apple and Google keep fifteen percent. Two of us build it and it has to be live by the start of the school year, ten weeks away.",
});

describe("the LLM's business figures", () => {
  it("are asked for in the schema and merged into the profile with their quotes", async () => {
    fake.script({
      kind: "json",
      body: {
        facts: {
          market: { value: "toC", quotes: ["Language tutor app for adults"] },
          revenueModel: { value: "subscription", quotes: ["paying learner"] },
          acquisitionCostPerCustomer: { value: 40, quotes: ["one paying learner through ads runs us roughly forty dollars"] },
          channelFeeShare: { value: 0.15, quotes: ["Apple and Google keep fifteen percent"] },
          constraintTeamSize: { value: 2, quotes: ["Two of us build it"] },
          constraintWeeks: { value: 10, quotes: ["ten weeks away"] },
          // Out of its field's bounds: rejected alone.
          conversionRate: { value: 3, quotes: ["paying learner"] },
          // Quoted words that are not in the description: dropped.
          marketSize: { value: 5_000_000, quotes: ["five million learners"] },
        },
        risks: [],
        narrative: [],
      },
    });
    const plan = await planWithLlm(input, { llm: env() });
    expect(plan.llm.status).toBe("ok");

    const schema = JSON.stringify(fake.requests[0].body.response_format?.json_schema?.schema);
    for (const key of [
      "revenueModel",
      "acquisitionCostPerCustomer",
      "channelFeeShare",
      "marketSize",
      "payingCustomers",
      "constraintTeamSize",
      "constraintWeeks",
      "constraintBudget",
    ]) {
      expect(schema).toContain(key);
    }

    expect(plan.profile.acquisitionCostPerCustomer).toMatchObject({
      value: 40,
      source: "llm",
      evidence: ["one paying learner through ads runs us roughly forty dollars"],
    });
    expect(plan.profile.channelFeeShare).toMatchObject({ value: 0.15, source: "llm" });
    expect(plan.profile.revenueModel).toMatchObject({ value: "subscription", source: "llm" });
    expect(plan.profile.constraintTeamSize).toMatchObject({ value: 2, source: "llm" });
    expect(plan.profile.constraintWeeks).toMatchObject({ value: 10, source: "llm" });
    const outcome = (key: string) => plan.llm.facts?.find((f) => f.key === key)?.outcome;
    expect(outcome("conversionRate")).toBe("rejected");
    expect(outcome("marketSize")).toBe("dropped");
    expect(plan.profile.marketSize?.value).toBeNull();
  });
});
