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
  // PostgreSQL instead of SQLite when set (issue 13): one database shared by every app server.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// URL (leave it unset to use SQLite at DATABASE_PATH)")
    .optional(),
  // Connections each app server keeps to PostgreSQL.
  TIERWISE_DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  // The PDF and chart-image render pool (app/report/render-pool.server.ts); defaults there, sized to the machine.
  TIERWISE_RENDER_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  TIERWISE_RENDER_QUEUE: z.coerce.number().int().min(0).max(10_000).optional(),
  TIERWISE_RENDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).optional(),
  TIERWISE_RENDER_NICE: z.coerce.number().int().min(0).max(19).optional(),
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
