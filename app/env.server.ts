import { resolve } from "node:path";
import { z } from "zod";

// Checked once at boot so a typo in the environment fails loudly instead of surfacing as a 500 later.
const EnvSchema = z.object({
  NODE_ENV: z.string().default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_PATH: z.string().min(1).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.string().url("must be a URL such as https://api.openai.com/v1").optional(),
  TIERWISE_LLM_MODEL: z.string().min(1).optional(),
  TIERWISE_LLM_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
});

export type Env = z.infer<typeof EnvSchema> & { DATABASE_PATH: string };

// Empty strings in a shell environment mean "unset", not "invalid".
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(withoutEmpty(source));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  // Default under a git-ignored folder of the project so `npm start` works on a fresh checkout.
  return { ...parsed.data, DATABASE_PATH: resolve(parsed.data.DATABASE_PATH ?? resolve(process.cwd(), ".data/tierwise.sqlite")) };
}

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
