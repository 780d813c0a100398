import { describe, expect, it } from "vitest";
import { analyseScenario, publicLlmSettings } from "~/llm/analyse.server";
import { DEFAULT_MODEL, DEFAULT_TIMEOUT_MS, readLlmConfig } from "~/llm/config.server";
import { estimateCostUsd, findPrice } from "~/llm/prices.server";

describe("readLlmConfig", () => {
  it("is off without a key, and empty strings count as unset", () => {
    expect(readLlmConfig({})).toEqual({ status: "off" });
    expect(readLlmConfig({ OPENAI_API_KEY: "  ", OPENAI_BASE_URL: "" })).toEqual({ status: "off" });
  });

  it("defaults the model, the timeout and structured outputs for OpenAI", () => {
    const r = readLlmConfig({ OPENAI_API_KEY: "k" });
    expect(r).toMatchObject({
      status: "on",
      config: {
        model: DEFAULT_MODEL,
        timeoutMs: DEFAULT_TIMEOUT_MS,
        responseFormat: "json_schema",
        baseUrlHost: "api.openai.com",
        maxRetries: 2,
      },
    });
  });

  it.each([
    ["https://api.deepseek.com", "json_object"],
    ["https://api.moonshot.cn/v1", "json_object"],
    ["https://dashscope.aliyuncs.com/compatible-mode/v1", "json_schema"],
    ["http://127.0.0.1:11434/v1", "json_schema"],
    ["https://my-resource.openai.azure.com/openai/v1/", "json_schema"],
  ])("picks the response format for %s", (url, mode) => {
    const r = readLlmConfig({ OPENAI_API_KEY: "k", OPENAI_BASE_URL: url });
    expect(r.status === "on" && r.config.responseFormat).toBe(mode);
  });

  it("lets TIERWISE_LLM_RESPONSE_FORMAT override the provider's default", () => {
    const r = readLlmConfig({
      OPENAI_API_KEY: "k",
      OPENAI_BASE_URL: "https://api.deepseek.com",
      TIERWISE_LLM_RESPONSE_FORMAT: "json_schema",
    });
    expect(r).toMatchObject({ status: "on", config: { responseFormat: "json_schema", responseFormatSource: "env" } });
  });

  it("names each bad variable", () => {
    const r = readLlmConfig({ OPENAI_API_KEY: "k", OPENAI_BASE_URL: "not a url", TIERWISE_LLM_TIMEOUT_MS: "-3" });
    expect(r.status).toBe("invalid");
    expect(r.status === "invalid" && r.errors.map((e) => e.path).sort()).toEqual(["OPENAI_BASE_URL", "TIERWISE_LLM_TIMEOUT_MS"]);
  });
});

describe("publicLlmSettings", () => {
  it("never carries the key, nor credentials embedded in the base URL", () => {
    const s = publicLlmSettings(
      readLlmConfig({ OPENAI_API_KEY: "sk-secret-123", OPENAI_BASE_URL: "https://user:pass@llm.internal:8443/v1" }),
    );
    expect(s).toMatchObject({ configured: true, baseUrlHost: "llm.internal:8443" });
    expect(JSON.stringify(s)).not.toMatch(/sk-secret-123|pass/);
  });
});

describe("analyseScenario", () => {
  it("rejects bad input naming the field, and is off without a key", async () => {
    const bad = await analyseScenario({ description: "", stakes: "huge" }, { llm: readLlmConfig({}) });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.map((e) => e.path).sort()).toEqual(["description", "stakes"]);
    const off = await analyseScenario({ description: "Summarise meeting notes." }, { llm: readLlmConfig({}) });
    expect(off.ok && off.llm).toEqual({ status: "off" });
  });
});

describe("prices", () => {
  it("prices dated snapshots by their family and leaves unknown models unpriced", () => {
    expect(findPrice("gpt-4o-mini-2024-07-18")?.model).toBe("gpt-4o-mini");
    expect(findPrice("gpt-4o-2024-08-06")?.model).toBe("gpt-4o");
    expect(findPrice("qwen2.5:7b")).toBeUndefined();
    expect(estimateCostUsd("llama3.1:8b", { promptTokens: 1000, completionTokens: 1000 })).toBeNull();
    expect(estimateCostUsd("deepseek-chat", { promptTokens: 1_000_000, completionTokens: 1_000_000 })).toBe(0.7);
  });
});
