import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "~/env.server";

describe("environment", () => {
  it("defaults the port and puts the database under the project's git-ignored .data folder", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_PATH).toBe(resolve(process.cwd(), ".data/tierwise.sqlite"));
    expect(env.llm.status).toBe("off");
  });

  it("reads the documented variables and treats empty ones as unset", () => {
    const env = parseEnv({ PORT: "8080", DATABASE_PATH: "/tmp/x.sqlite", OPENAI_API_KEY: "", OPENAI_BASE_URL: "http://localhost:11434/v1", TIERWISE_LLM_TIMEOUT_MS: "5000" });
    expect(env).toMatchObject({ PORT: 8080, DATABASE_PATH: "/tmp/x.sqlite" });
    // An empty key means the LLM is off, even with a base URL set.
    expect(env.llm.status).toBe("off");
    const on = parseEnv({ OPENAI_API_KEY: "k", OPENAI_BASE_URL: "http://localhost:11434/v1", TIERWISE_LLM_TIMEOUT_MS: "5000" });
    expect(on.llm).toMatchObject({ status: "on", config: { baseUrlHost: "localhost:11434", timeoutMs: 5000 } });
  });

  it("names every bad variable", () => {
    expect(() => parseEnv({ PORT: "eighty", OPENAI_BASE_URL: "not a url" })).toThrow(/PORT[\s\S]*OPENAI_BASE_URL/);
    expect(() => parseEnv({ TIERWISE_LLM_TIMEOUT_MS: "9999999" })).toThrow(/TIERWISE_LLM_TIMEOUT_MS: must be at most/);
  });
});
