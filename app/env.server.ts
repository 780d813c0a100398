import { resolve } from "node:path";
import { z } from "zod";
import { readLlmConfig, withoutEmpty, type LlmConfigResult } from "~/llm/config.server";

// Checked once at boot so a typo in the environment fails loudly instead of surfacing as a 500 later. The LLM
// variables have one schema, in ~/llm/config.server (the CLI reads them there too); a bad one stops the server here,
// naming the variable, rather than quietly turning the AI step off.
const EnvSchema = z.object({
  NODE_ENV: z.string().default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_PATH: z.string().min(1).optional(),
});

export type Env = z.infer<typeof EnvSchema> & { DATABASE_PATH: string; llm: Exclude<LlmConfigResult, { status: "invalid" }> };

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(withoutEmpty(source));
  const llm = readLlmConfig(source);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)),
    ...(llm.status === "invalid" ? llm.errors.map((e) => `${e.path}: ${e.message}`) : []),
  ];
  if (!parsed.success || llm.status === "invalid") throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  // Default under a git-ignored folder of the project so `npm start` works on a fresh checkout.
  return { ...parsed.data, DATABASE_PATH: resolve(parsed.data.DATABASE_PATH ?? resolve(process.cwd(), ".data/tierwise.sqlite")), llm };
}

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
