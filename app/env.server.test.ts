import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, isLoopbackHost, parseEnv, readEnv } from "~/env.server";

describe("environment", () => {
  it("defaults to a person's own machine: port 3000 on 127.0.0.1, accounts off, the database under .data", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: "127.0.0.1",
      TIERWISE_AUTH: "off",
      PUBLIC_URL: "http://127.0.0.1:3000",
      publicUrlConfigured: false,
    });
    expect(env.DATABASE_PATH).toBe(resolve(process.cwd(), ".data/tierwise.sqlite"));
    expect(env.llm.status).toBe("off");
  });

  it("reads the documented variables and treats empty ones as unset", () => {
    const env = parseEnv({
      PORT: "8080",
      DATABASE_PATH: "/tmp/x.sqlite",
      OPENAI_API_KEY: "",
      OPENAI_BASE_URL: "http://localhost:11434/v1",
      TIERWISE_LLM_TIMEOUT_MS: "5000",
      PUBLIC_URL: "https://tw.example.com/",
    });
    expect(env).toMatchObject({
      PORT: 8080,
      DATABASE_PATH: "/tmp/x.sqlite",
      PUBLIC_URL: "https://tw.example.com",
      publicUrlConfigured: true,
    });
    // An empty key means the LLM is off, even with a base URL set.
    expect(env.llm.status).toBe("off");
    const on = parseEnv({ OPENAI_API_KEY: "k", OPENAI_BASE_URL: "http://localhost:11434/v1", TIERWISE_LLM_TIMEOUT_MS: "5000" });
    expect(on.llm).toMatchObject({ status: "on", config: { baseUrlHost: "localhost:11434", timeoutMs: 5000 } });
    expect(parseEnv({ DATABASE_URL: "postgres://u:p@db:5432/tw", TIERWISE_DB_POOL_MAX: "20" })).toMatchObject({
      DATABASE_URL: "postgres://u:p@db:5432/tw",
      TIERWISE_DB_POOL_MAX: 20,
    });
  });

  it("names every bad variable", () => {
    expect(() => parseEnv({ PORT: "eighty", OPENAI_BASE_URL: "not a url" })).toThrow(/PORT[\s\S]*OPENAI_BASE_URL/);
    expect(() => parseEnv({ TIERWISE_LLM_TIMEOUT_MS: "9999999" })).toThrow(/TIERWISE_LLM_TIMEOUT_MS: must be at most/);
    const read = readEnv({
      TIERWISE_AUTH: "sso",
      DATABASE_URL: "mysql://x",
      PUBLIC_URL: "https://tw.example.com/app",
      TIERWISE_TRUST_PROXY: "yes",
    });
    expect(read.problems.map((p) => p.path).sort()).toEqual(["DATABASE_URL", "PUBLIC_URL", "TIERWISE_AUTH", "TIERWISE_TRUST_PROXY"]);
    expect(read.problems.find((p) => p.path === "TIERWISE_AUTH")?.message).toBe("must be off or password");
  });

  it("refuses to serve beyond this machine without accounts, naming HOST and TIERWISE_AUTH", () => {
    for (const HOST of ["0.0.0.0", "::", "192.168.1.20", "tierwise.internal"]) {
      let error: unknown;
      try {
        parseEnv({ HOST, PUBLIC_URL: "https://tw.example.com" });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(EnvError);
      expect((error as EnvError).problems).toEqual([{ path: "HOST", message: expect.stringContaining("TIERWISE_AUTH") }]);
    }
    // Accounts on, a public URL for links: allowed.
    expect(parseEnv({ HOST: "0.0.0.0", TIERWISE_AUTH: "password", PUBLIC_URL: "https://tw.example.com" }).HOST).toBe("0.0.0.0");
    // Reachable from others but no PUBLIC_URL: links would point at the wrong place.
    expect(() => parseEnv({ HOST: "0.0.0.0", TIERWISE_AUTH: "password" })).toThrow(/PUBLIC_URL: must be set/);
  });

  it("knows loopback addresses", () => {
    for (const h of ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", "app.localhost", "::ffff:127.0.0.1"])
      expect(isLoopbackHost(h)).toBe(true);
    for (const h of ["0.0.0.0", "::", "10.0.0.1", "128.0.0.1", "example.com", "localhost.example.com"])
      expect(isLoopbackHost(h)).toBe(false);
  });
});
