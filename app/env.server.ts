import { isIP } from "node:net";
import { resolve } from "node:path";
import { z } from "zod";
import { readLlmConfig, withoutEmpty, type LlmConfigResult } from "~/llm/config.server";

// The one reader of the environment (DESIGN.md "Environment"). Everything the server, the models and the CLI read
// from process.env is named and checked here, once; the rest of app/ asks getEnv(). A bad value stops the server at
// boot with every problem named, rather than surfacing as a 500 later. The LLM variables have their own section in
// ~/llm/config.server (the CLI turns the step off on a bad one instead of refusing to run).

export const AUTH_MODES = ["off", "password"] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

const bool = z
  .enum(["0", "1", "true", "false"], { errorMap: () => ({ message: "must be 1 or 0" }) })
  .transform((v) => v === "1" || v === "true");

const EnvSchema = z.object({
  NODE_ENV: z.string().default("development"),
  PORT: z.coerce.number({ invalid_type_error: "must be a port number" }).int("must be a whole number").min(0).max(65535).default(3000),
  // Loopback by default: a person's own machine. Anything else needs accounts (checked by serverProblems).
  HOST: z.string().min(1).default("127.0.0.1"),
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
  // Threads that compute offline plans off the event loop (app/models/plan-pool.server.ts, ADR 0053); 0: on the loop.
  TIERWISE_PLAN_THREADS: z.coerce.number().int().min(0).max(64).optional(),
  // Admission control (app/lib/request-gate.server.ts, ADR 0052): requests handled at once, and how many may wait.
  TIERWISE_GATE_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).optional(),
  TIERWISE_GATE_QUEUE: z.coerce.number().int().min(0).max(100_000).optional(),
  TIERWISE_MIGRATIONS_DIR: z.string().min(1).optional(),
  TIERWISE_AUTH: z.enum(AUTH_MODES, { errorMap: () => ({ message: "must be off or password" }) }).default("off"),
  // The base of every absolute link the app builds (share links, invites): never the request's Host header.
  PUBLIC_URL: z
    .string()
    .url("must be a URL such as https://tierwise.example.com")
    .refine((u) => /^https?:$/.test(new URL(u).protocol), "must start with http:// or https://")
    .refine(
      (u) => ["", "/"].includes(new URL(u).pathname) && !new URL(u).search && !new URL(u).hash,
      "must be an origin without a path, such as https://tierwise.example.com",
    )
    .refine((u) => !new URL(u).username && !new URL(u).password, "must not carry credentials")
    .optional(),
  // Behind a reverse proxy: trust its X-Forwarded-For / X-Forwarded-Proto (client address for rate limits, TLS for cookies).
  TIERWISE_TRUST_PROXY: bool.default("0"),
  // Rate limits per caller and minute (defaults in app/lib/rate-limit.server.ts): `off`, or overrides such as
  // `plan=300,export=60`. Sign-in counts per 15 minutes.
  TIERWISE_RATE_LIMITS: z
    .string()
    .regex(
      /^(off|(plan|analyse|export|sign-in)=\d{1,7}(,(plan|analyse|export|sign-in)=\d{1,7})*)$/,
      "must be off, or name=count pairs such as plan=300,export=60 (plan, analyse, export, sign-in)",
    )
    .optional(),
  // One line per request on stderr (method, path without share tokens or query, status, time).
  TIERWISE_ACCESS_LOG: bool.default("0"),
  // Single sign-on with one OpenID Connect provider (ADR 0043), beside passwords; only with TIERWISE_AUTH=password.
  // Issuer and client id together (checked by oidcProblems); the secret is absent for a public client.
  TIERWISE_OIDC_ISSUER: z
    .string()
    .url("must be the provider's issuer URL, such as https://accounts.google.com")
    .refine((u) => !new URL(u).search && !new URL(u).hash && !new URL(u).username, "must be a URL without query, fragment or credentials")
    .refine(
      (u) => new URL(u).protocol === "https:" || (new URL(u).protocol === "http:" && isLoopbackHost(new URL(u).hostname)),
      "must start with https:// (http:// only for a provider on this machine: 127.0.0.1, ::1 or localhost)",
    )
    .optional(),
  TIERWISE_OIDC_CLIENT_ID: z.string().max(512, "must be at most 512 characters").optional(),
  TIERWISE_OIDC_CLIENT_SECRET: z.string().max(2048, "must be at most 2048 characters").optional(),
  // The button's label: "Sign in with <name>" (default: the issuer's host name).
  TIERWISE_OIDC_NAME: z.string().max(60, "must be at most 60 characters").optional(),
});

type Parsed = z.infer<typeof EnvSchema>;

/** The single sign-on provider, when configured (all of TIERWISE_OIDC_ISSUER and TIERWISE_OIDC_CLIENT_ID set). */
export interface OidcConfig {
  /** As configured, without a trailing slash: must equal the discovery document's and the ID token's `iss`. */
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  /** The button's label. */
  name: string;
  /** PUBLIC_URL + /login/oidc/callback: never built from a request's Host header. */
  redirectUri: string;
}

export interface Env extends Omit<Parsed, "DATABASE_PATH" | "PUBLIC_URL"> {
  DATABASE_PATH: string;
  /** PUBLIC_URL without a trailing slash; when unset, the address the server listens on. */
  PUBLIC_URL: string;
  /** Whether PUBLIC_URL was configured (links in invites and shares are then trustworthy for other people). */
  publicUrlConfigured: boolean;
  llm: Exclude<LlmConfigResult, { status: "invalid" }>;
  oidc: OidcConfig | null;
}

export interface EnvProblem {
  path: string;
  message: string;
}

/** 127.0.0.0/8, ::1 and localhost: reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  if (isIP(h) === 6) return h === "::1" || h === "0:0:0:0:0:0:0:1" || /^::ffff:127\./.test(h);
  return false;
}

/** Parses the environment; `problems` lists every bad variable (none when `env` is set). */
export function readEnv(
  source: Record<string, string | undefined> = process.env,
): { env: Env; problems: [] } | { env?: undefined; problems: EnvProblem[] } {
  const parsed = EnvSchema.safeParse(withoutEmpty(source));
  const llm = readLlmConfig(source);
  const problems: EnvProblem[] = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }))),
    ...(llm.status === "invalid" ? llm.errors : []),
  ];
  if (parsed.success) problems.push(...oidcProblems(parsed.data));
  if (!parsed.success || llm.status === "invalid" || problems.length) return { problems };
  const e = parsed.data;
  const hostForUrl = isIP(e.HOST) === 6 ? `[${e.HOST}]` : e.HOST === "0.0.0.0" || e.HOST === "::" ? "localhost" : e.HOST;
  const publicUrl = (e.PUBLIC_URL ?? `http://${hostForUrl}:${e.PORT}`).replace(/\/$/, "");
  return {
    problems: [],
    env: {
      ...e,
      // Default under a git-ignored folder of the project so `npm start` works on a fresh checkout.
      DATABASE_PATH: resolve(e.DATABASE_PATH ?? resolve(process.cwd(), ".data/tierwise.sqlite")),
      PUBLIC_URL: publicUrl,
      publicUrlConfigured: Boolean(e.PUBLIC_URL),
      llm,
      oidc:
        e.TIERWISE_OIDC_ISSUER && e.TIERWISE_OIDC_CLIENT_ID
          ? {
              // Exactly as written: the issuer is compared as a string (a trailing slash is part of it).
              issuer: e.TIERWISE_OIDC_ISSUER,
              clientId: e.TIERWISE_OIDC_CLIENT_ID,
              clientSecret: e.TIERWISE_OIDC_CLIENT_SECRET ?? null,
              name: e.TIERWISE_OIDC_NAME ?? new URL(e.TIERWISE_OIDC_ISSUER).hostname,
              redirectUri: `${publicUrl}/login/oidc/callback`,
            }
          : null,
    },
  };
}

/**
 * Single sign-on needs its issuer and client id together, accounts on (there is nobody to sign in otherwise) and a
 * configured PUBLIC_URL (the redirect URI registered at the provider is built from it). A secret or a name alone is a
 * typo of a half-done setup, named rather than ignored.
 */
function oidcProblems(e: Parsed): EnvProblem[] {
  const any = [e.TIERWISE_OIDC_ISSUER, e.TIERWISE_OIDC_CLIENT_ID, e.TIERWISE_OIDC_CLIENT_SECRET, e.TIERWISE_OIDC_NAME].some(
    (v) => v !== undefined,
  );
  if (!any) return [];
  const problems: EnvProblem[] = [];
  const need = "must be set for single sign-on (TIERWISE_OIDC_ISSUER and TIERWISE_OIDC_CLIENT_ID go together)";
  if (!e.TIERWISE_OIDC_ISSUER) problems.push({ path: "TIERWISE_OIDC_ISSUER", message: need });
  if (!e.TIERWISE_OIDC_CLIENT_ID) problems.push({ path: "TIERWISE_OIDC_CLIENT_ID", message: need });
  if (e.TIERWISE_AUTH !== "password")
    problems.push({
      path: "TIERWISE_AUTH",
      message: "must be password when TIERWISE_OIDC_ISSUER is set (single sign-on signs people into accounts)",
    });
  if (!e.PUBLIC_URL)
    problems.push({
      path: "PUBLIC_URL",
      message: "must be set for single sign-on: the redirect URI registered at the provider is PUBLIC_URL/login/oidc/callback",
    });
  return problems;
}

/** What a server must refuse to start with, beyond single bad values: reachable from the network without accounts. */
export function serverProblems(env: Env): EnvProblem[] {
  const problems: EnvProblem[] = [];
  if (env.TIERWISE_AUTH === "off" && !isLoopbackHost(env.HOST)) {
    problems.push({
      path: "HOST",
      message: `is ${env.HOST}, which other machines can reach, while TIERWISE_AUTH is off: set TIERWISE_AUTH=password (and create the first owner with \`npm run -s tierwise -- admin create-user\`), or leave HOST unset to listen on 127.0.0.1 only`,
    });
  }
  if (!isLoopbackHost(env.HOST) && !env.publicUrlConfigured) {
    problems.push({
      path: "PUBLIC_URL",
      message: `must be set when HOST (${env.HOST}) is reachable from other machines: share and invite links are built from it, never from the request's Host header`,
    });
  }
  return problems;
}

export class EnvError extends Error {
  constructor(readonly problems: EnvProblem[]) {
    super(`Invalid environment:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** The environment for a server: throws an EnvError naming every problem. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const read = readEnv(source);
  if (!read.env) throw new EnvError(read.problems);
  const problems = serverProblems(read.env);
  if (problems.length) throw new EnvError(problems);
  return read.env;
}

const holder = globalThis as typeof globalThis & { __tierwiseEnv?: Env };

/** The process's environment, read and checked once. */
export function getEnv(): Env {
  holder.__tierwiseEnv ??= parseEnv();
  return holder.__tierwiseEnv;
}

/** Tests that change process.env between cases read it again. */
export function resetEnvForTests(): void {
  holder.__tierwiseEnv = undefined;
}
