// What every command shares: its I/O, the exit codes, the flag parser (node:util parseArgs, then one zod schema per
// command) and the one way problems are printed. Commands import this; nothing here imports a command.
import { parseArgs } from "node:util";
import { z } from "zod";
import type { FieldError } from "~/domain/scenario";

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: (s: string | Uint8Array) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

export interface Command {
  name: string;
  /** One line for `tierwise --help`. */
  summary: string;
  /** What `tierwise <name> --help` prints. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** At most this many problem lines: a 50 MB batch of bad items must not print millions of them. */
export const MAX_PROBLEM_LINES = 50;

/** One `path: message` line per problem on stderr (the first MAX_PROBLEM_LINES), nothing on stdout; exit 2. */
export function printFieldErrors(io: CliIo, errors: readonly FieldError[]): number {
  for (const e of errors.slice(0, MAX_PROBLEM_LINES)) io.stderr(`${e.path}: ${e.message}\n`);
  if (errors.length > MAX_PROBLEM_LINES) io.stderr(`(root): ${errors.length - MAX_PROBLEM_LINES} more problems not shown\n`);
  return EXIT_BAD_INPUT;
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
  // A file saved by an editor that writes a UTF-8 byte-order mark is still JSON.
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
}

type FlagKind = "string" | "boolean";
export type FlagSpec = Record<string, { type: FlagKind; short?: string }>;

export type ParsedCommand<T> = { ok: true; help: boolean; flags: T; positionals: string[] } | { ok: false; errors: FieldError[] };

/**
 * `args` → flags checked by `schema` (keys are the flag names without `--`). parseArgs splits the words; unknown
 * flags, flags missing their value and the schema's complaints are all collected, so one run names every problem.
 * `--help` / `-h` is always accepted.
 */
export function parseCommand<S extends z.ZodTypeAny>(
  args: string[],
  spec: FlagSpec,
  schema: S,
  positionals: { min: number; max: number; name: string },
): ParsedCommand<z.infer<S>> {
  const options = { ...spec, help: { type: "boolean" as const, short: "h" } };
  const { values, tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const errors: FieldError[] = [];
  const given: Record<string, unknown> = {};
  const words: string[] = [];
  // The word after an unknown `--flag` is taken as that flag's value, not as a stray argument.
  let skip = -1;
  for (const t of tokens ?? []) {
    if (t.kind === "positional" && t.index !== skip) words.push(t.value);
    if (t.kind !== "option") continue;
    const flag = `--${t.name}`;
    const known: { type: FlagKind } | undefined = Object.prototype.hasOwnProperty.call(options, t.name)
      ? options[t.name as keyof typeof options]
      : undefined;
    if (!known && t.value === undefined) skip = t.index + 1;
    if (!known) errors.push({ path: t.rawName.startsWith("--") ? flag : t.rawName, message: "is not a known flag" });
    else if (known.type === "string" && t.value === undefined) errors.push({ path: flag, message: "needs a value" });
    else if (known.type === "boolean" && t.value !== undefined) errors.push({ path: flag, message: "takes no value" });
  }
  if (values.help === true) return { ok: true, help: true, flags: {} as z.infer<S>, positionals: words };
  for (const [name, value] of Object.entries(values)) {
    if (name === "help" || !Object.prototype.hasOwnProperty.call(spec, name)) continue;
    if (spec[name].type === "string" && typeof value !== "string") continue; // reported above
    given[name] = value;
  }
  if (words.length < positionals.min)
    errors.push({
      path: positionals.name,
      message: positionals.min === 1 && positionals.max === 1 ? "is missing" : `needs at least ${positionals.min}`,
    });
  if (words.length > positionals.max)
    errors.push({ path: positionals.max === 0 ? "(args)" : positionals.name, message: `unexpected argument "${words[positionals.max]}"` });
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const flag = `--${String(issue.path[0] ?? "")}`;
      // A flag already reported as missing its value is not reported again as "is required".
      if (!errors.some((e) => e.path === flag)) errors.push({ path: issue.path.length ? flag : "(args)", message: issue.message });
    }
  }
  return errors.length
    ? { ok: false, errors }
    : { ok: true, help: false, flags: parsed.success ? parsed.data : ({} as z.infer<S>), positionals: words };
}

// Flag values arrive as text; these turn them into checked values with messages a person can act on.

export function numberFlag({ min, max, integer = false }: { min: number; max: number; integer?: boolean }) {
  return z
    .string()
    .refine(
      (s) => s.trim() !== "" && Number.isFinite(Number(s)),
      (s) => ({ message: `must be a number (got "${s}")` }),
    )
    .transform(Number)
    .pipe(
      (integer ? z.number().int("must be a whole number") : z.number())
        .min(min, `must be at least ${min.toLocaleString("en-US")}`)
        .max(max, `must be at most ${max.toLocaleString("en-US")}`),
    );
}

export function choiceFlag<const T extends readonly [string, ...string[]]>(choices: T) {
  return z.enum(choices, {
    errorMap: (issue) => ({
      message: issue.code === "invalid_type" ? `is required: one of ${choices.join(", ")}` : `must be one of ${choices.join(", ")}`,
    }),
  });
}

export const requiredText = (what: string) =>
  z
    .string({ required_error: `is required (${what})` })
    .trim()
    .min(1, `is required (${what})`);
