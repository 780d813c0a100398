import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../bin/cli";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "./helpers/fake-openai-server";

// `tierwise plan` with OPENAI_API_KEY set goes through the LLM step; `--no-llm` and a missing key do not.

let fake: FakeOpenAiServer;
beforeAll(async () => {
  fake = await startFakeOpenAiServer();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
});

const scenario = {
  description: "An assistant that drafts replies to customer emails from our order database; agents approve every reply.",
};

async function plan(args: string[], env: Record<string, string>) {
  let out = "";
  let err = "";
  const code = await runCli(["plan", "-", "--format", "json", ...args], {
    stdin: Readable.from([JSON.stringify(scenario)]),
    stdout: (s) => void (out += String(s)),
    stderr: (s) => void (err += s),
    env: env as NodeJS.ProcessEnv,
  });
  return { code, out, err };
}

describe("tierwise plan and the LLM", () => {
  it("uses the LLM when OPENAI_API_KEY is set", async () => {
    fake.script({
      kind: "json",
      body: {
        facts: {
          humanReview: { value: "always", quotes: ["agents approve every reply"] },
          knowledge: { value: ["structured_data"], quotes: ["our order database"] },
        },
        risks: ["Wrong order data."],
        narrative: ["AI paragraph."],
      },
    });
    const r = await plan([], { OPENAI_API_KEY: "sk-cli", OPENAI_BASE_URL: fake.baseURL });
    expect(r.code).toBe(0);
    const p = JSON.parse(r.out);
    expect(p.llm.status).toBe("ok");
    expect(p.llm.narrative).toEqual(["AI paragraph."]);
    expect(p.profile.humanReview.value).toBe("always");
    expect(fake.requests).toHaveLength(1);
  });

  it("stays offline with --no-llm, and without a key", async () => {
    const noLlm = await plan(["--no-llm"], { OPENAI_API_KEY: "sk-cli", OPENAI_BASE_URL: fake.baseURL });
    const noKey = await plan([], { OPENAI_BASE_URL: fake.baseURL });
    expect(JSON.parse(noLlm.out).llm).toEqual({ status: "off" });
    expect(JSON.parse(noKey.out).llm).toEqual({ status: "off" });
    expect(fake.requests).toHaveLength(0);
  });

  it("still prints a plan, exit 0, when the provider fails", async () => {
    fake.setDefault({ kind: "status", status: 503, retryAfterMs: 5 });
    const r = await plan([], { OPENAI_API_KEY: "sk-cli", OPENAI_BASE_URL: fake.baseURL });
    expect(r.code).toBe(0);
    const p = JSON.parse(r.out);
    expect(p.llm.status).toBe("failed");
    expect(p.llm.notice).toMatch(/HTTP 503/);
    expect(p.feasibility.grade).toMatch(/^[A-E]$/);
  });
});
